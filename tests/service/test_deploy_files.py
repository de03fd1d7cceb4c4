"""Containerfile and compose.yaml agree with the project: services, commands, settings, paths.

scripts/test-compose.sh starts the stack for real where a container runtime is present.
"""

import os
import re
import shlex
import subprocess
from pathlib import Path

import yaml
from django.core.management import get_commands
from django.urls import resolve

from ivp.web import health

REPO = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((REPO / "compose.yaml").read_text())
SERVICES = COMPOSE["services"]
CONTAINERFILE = (REPO / "Containerfile").read_text()
# Continued lines joined, comments dropped: one instruction per entry.
INSTRUCTIONS = [
    line.strip()
    for line in re.sub(r"\\\n", " ", CONTAINERFILE).splitlines()
    if line.strip() and not line.lstrip().startswith("#")
]


def _variables_read() -> set[str]:
    """The environment variables settings.py and the gunicorn configuration read."""
    settings_py = (REPO / "src/ivp/conf/settings.py").read_text()
    gunicorn_py = (REPO / "deploy/gunicorn.conf.py").read_text()
    return set(re.findall(r"env\.\w+\(\s*\"([A-Z0-9_]+)\"", settings_py)) | set(
        re.findall(r"os\.environ\.get\(\"([A-Z0-9_]+)\"", gunicorn_py)
    )


def _command(service: dict) -> list[str]:
    """What a service of ivp's image runs ([] for other images)."""
    if "build" not in service:
        return []
    command = service.get("command")
    if command is None:
        (cmd,) = [i for i in INSTRUCTIONS if i.startswith("CMD ")]
        command = yaml.safe_load(cmd.removeprefix("CMD "))
    return command if isinstance(command, list) else shlex.split(command)


def test_compose_starts_postgresql_migrate_two_web_processes_and_a_worker():
    assert SERVICES["db"]["image"].split(":")[0].endswith("postgres")
    web = [name for name, s in SERVICES.items() if _command(s)[:1] == ["gunicorn"]]
    assert len(web) == 2
    assert _command(SERVICES["worker"])[:2] == ["ivp", "worker"]
    assert _command(SERVICES["migrate"])[:2] == ["ivp", "migrate"]
    assert SERVICES["migrate"]["restart"] == "no"
    for name in [*web, "worker"]:
        assert SERVICES[name]["depends_on"]["migrate"]["condition"] == (
            "service_completed_successfully"
        )
    assert SERVICES["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"


def test_every_ivp_command_in_compose_exists():
    commands = get_commands()
    for name, service in SERVICES.items():
        command = _command(service)
        if command[:1] == ["ivp"]:
            assert command[1] in commands, f"{name}: ivp {command[1]} does not exist"


def test_gunicorn_is_started_with_the_projects_config_and_wsgi_module():
    for service in SERVICES.values():
        command = _command(service)
        if command[:1] == ["gunicorn"]:
            config = command[command.index("-c") + 1]
            assert (REPO / config).is_file()
            assert command[-1] == "ivp.conf.wsgi"
            assert (REPO / "src/ivp/conf/wsgi.py").is_file()


def test_healthchecks_probe_the_health_endpoints():
    for name in ("web-1", "web-2", "worker"):
        test = SERVICES[name]["healthcheck"]["test"]
        assert test[:3] == ["CMD", "python", "deploy/probe.py"], name
        path = "/" + test[3].split("://", 1)[-1].split("/", 1)[1]
        assert resolve(path).func in (health.readiness, health.liveness), name
    (check,) = [i for i in INSTRUCTIONS if i.startswith("HEALTHCHECK ")]
    assert resolve(yaml.safe_load(check.split(" CMD ", 1)[1])[-1]).func is health.liveness


def test_production_settings_and_only_variables_ivp_reads():
    read = _variables_read()
    environment = COMPOSE["x-ivp"]["environment"]
    assert environment["IVP_ENVIRONMENT"] == "production"
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CACHE_URL"} <= set(environment)
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert set(environment) - read == set()
    (env,) = [i for i in INSTRUCTIONS if i.startswith("ENV IVP_ENVIRONMENT")]
    assert set(re.findall(r"([A-Z_]+)=", env)) - read == set()


def test_volumes_hold_the_database_and_the_media_folder():
    assert set(COMPOSE["volumes"]) >= {"db", "media"}
    assert "db:/var/lib/postgresql/data" in SERVICES["db"]["volumes"]
    var_dir = re.search(r"IVP_VAR_DIR=(\S+)", CONTAINERFILE).group(1)
    for name in ("web-1", "web-2", "worker"):
        assert f"media:{var_dir}/media" in SERVICES[name]["volumes"]
        assert f"cache:{var_dir}/cache" in SERVICES[name]["volumes"]


def test_containerfile_installs_the_locked_project_and_its_runtime_debian_packages():
    assert re.match(r"FROM \S+python:3\.1\d+-slim-\w+", INSTRUCTIONS[0])
    assert "RUN pip install -c requirements.lock ." in INSTRUCTIONS
    assert any("collectstatic" in i for i in INSTRUCTIONS)
    (apt,) = [i for i in INSTRUCTIONS if "apt-get install" in i]
    packages = set(re.findall(r"\b(lib[\w.-]+|fonts-[\w-]+)", apt))
    system_deps = (REPO / "scripts/system-deps.sh").read_text()
    assert {"libpango-1.0-0", "libpangoft2-1.0-0"} <= packages
    assert all(package in system_deps for package in packages)
    for instruction in INSTRUCTIONS:
        if instruction.startswith("COPY "):
            for source in instruction.split()[1:-1]:
                assert (REPO / source).exists(), source


def test_compose_script_skips_without_a_container_runtime(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "dirname").symlink_to("/usr/bin/dirname")
    result = subprocess.run(
        ["/bin/bash", str(REPO / "scripts/test-compose.sh")],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": str(bin_dir)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("overgeslagen: geen container-runtime")
