"""A request id on every log line, and log lines as JSON when asked (IVP_LOG_FORMAT=json).

The middleware takes X-Request-ID from the request (a proxy may have set it) or makes one,
sends it back on the response and keeps it in a context variable for the request's duration;
the filter puts it on every log record. Gunicorn's access records carry it from the response
header, since they are written after the request has left Django.

No Django settings are read here: gunicorn's configuration imports this module as well.
"""

import logging
import re
import uuid
from collections.abc import Mapping
from contextvars import ContextVar

from django.utils.log import log_response
from pythonjsonlogger.json import JsonFormatter

HEADER = "X-Request-ID"
_current = ContextVar("ivp_request_id", default=None)
# What we accept from outside: short and free of anything that could forge a log line.
_ACCEPTABLE = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def current_request_id() -> str | None:
    return _current.get()


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.headers.get(HEADER, "")
        request_id = offered if _ACCEPTABLE.fullmatch(offered) else uuid.uuid4().hex
        request.request_id = request_id
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            if response.status_code >= 400:
                # Django would log this after the middleware, when the id is gone; the same
                # line here carries it (and marks the response so Django does not repeat it).
                log_response(
                    "%s: %s",
                    response.reason_phrase,
                    request.path,
                    response=response,
                    request=request,
                )
            return response
        finally:
            _current.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record; gunicorn's access records also get their fields."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "gunicorn.access" and isinstance(record.args, Mapping):
            atoms = record.args
            record.request_id = atoms.get("{x-request-id}o") or None
            record.remote_addr = atoms.get("h")
            record.method = atoms.get("m")
            record.path = atoms.get("U")
            record.status = _int(atoms.get("s"))
            record.bytes = _int(atoms.get("B"))
            record.duration_ms = round(_int(atoms.get("D")) / 1000, 1)
        elif not hasattr(record, "request_id"):
            record.request_id = _current.get()
        return True


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def json_formatter() -> logging.Formatter:
    """One JSON object per line: time, level, logger, message, request_id and any extras."""
    return JsonFormatter(
        "%(levelname)s %(name)s %(message)s %(request_id)s",
        rename_fields={"levelname": "level", "name": "logger"},
        timestamp="time",
        json_ensure_ascii=False,
    )


class _TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        request_id = getattr(record, "request_id", None)
        return f"[{request_id}] {line}" if request_id else line


def text_formatter() -> logging.Formatter:
    return _TextFormatter("%(asctime)s %(levelname)s %(name)s %(message)s")


def logging_config(*, log_format: str, level: str = "INFO", stream: str = "stderr") -> dict:
    """The dictConfig both Django (settings.LOGGING) and gunicorn (logconfig_dict) use.

    Django logs to stderr, so commands that print JSON or CSV on stdout stay clean.
    """
    formatter = "ivp.common.request_log.json_formatter"
    if log_format != "json":
        formatter = "ivp.common.request_log.text_formatter"
    handler = {
        "class": "logging.StreamHandler",
        "stream": f"ext://sys.{stream}",
        "formatter": "ivp",
        "filters": ["request_id"],
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "ivp.common.request_log.RequestIdFilter"}},
        "formatters": {"ivp": {"()": formatter}},
        "handlers": {"console": handler},
        "root": {"handlers": ["console"], "level": level},
        # WeasyPrint and fontTools narrate every layout step at INFO
        "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
    }
