"""Gunicorn settings for ivp: `gunicorn -c deploy/gunicorn.conf.py ivp.conf.wsgi`.

Everything comes from the environment, so one file serves a container, a VM and the load run.
"""

import os

from ivp.common.request_log import logging_config

# Where to listen: GUNICORN_BIND (e.g. 0.0.0.0:8000 in a container, 127.0.0.1:8000 behind a
# proxy on the same machine).
bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")]
# Processes per web server: two per core is a start; the machine's other web servers, the
# worker and the database count too.
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
# Threads per process: a request waiting on the database leaves the others room.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# The threads live as long as their process, so under gunicorn ivp keeps each one's database
# connection for the next request (IVP_DB_CONNECTION_SECONDS, from the environment or .env,
# default 60 here; elsewhere a connection per request, right for `runserver`).
os.environ["IVP_WEB_SERVER"] = "gunicorn"
# A page that needs longer is a fault (long work belongs to the worker); the rest lets a
# deploy finish requests in flight and keeps idle keep-alive connections short.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle a process now and then, so a slow leak in a library cannot grow without end.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Limits on what a client may send before Django sees it.
limit_request_line = 8190
limit_request_fields = 100
# A proxy in front (the municipality's load balancer) sets X-Forwarded-*; trust it only from
# the addresses in FORWARDED_ALLOW_IPS (gunicorn's own variable, default 127.0.0.1).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# No gunicornc control socket: nothing uses it, and two servers on one machine would share it.
control_socket_disable = True
# Temporary files of requests in memory, not on a container's possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# The access log and gunicorn's own messages on stdout, one JSON object per line with the
# request id (IVP_LOG_FORMAT=text for plain lines).
logconfig_dict = logging_config(
    log_format=os.environ.get("IVP_LOG_FORMAT", "json"), stream="stdout"
)
logconfig_dict["loggers"].update(
    {
        name: {"level": "INFO", "handlers": ["console"], "propagate": False}
        for name in ("gunicorn.error", "gunicorn.access")
    }
)
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms'
