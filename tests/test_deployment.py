"""The deployment files say what works: docker-compose.yml (the reference multi-machine
layout), the Dockerfile it builds and the Procfile, checked without Docker."""

from __future__ import annotations

import shlex
import shutil
import subprocess

import pytest
import yaml

from bot.cli import _parser
from tests.conftest import ROOT

COMPOSE = ROOT / "docker-compose.yml"
LIS_ROLES = {"release", "web-1", "web-2", "clock"}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def test_compose_has_the_reference_layout(compose):
    assert set(compose["services"]) == {"postgres", "chroma"} | LIS_ROLES
    assert compose["services"]["postgres"]["image"].startswith("postgres:")


@pytest.mark.parametrize("role", sorted(LIS_ROLES))
def test_every_process_needs_only_the_database_and_the_chroma_server_to_agree(compose, role):
    service = compose["services"][role]
    assert service["environment"]["DATABASE_URL"].startswith("postgresql://")
    assert service["environment"]["CHROMA_HOST"] == "chroma"
    assert "LIS_DATA_DIR" not in service["environment"]  # each keeps its own scratch
    command = service["command"]
    assert command[0] == "lis"
    _parser().parse_args(command[1:])  # exits (fails the test) on an unknown command


def test_web_processes_wait_for_the_release_ingest(compose):
    for role in ("web-1", "web-2", "clock"):
        needs = compose["services"][role]["depends_on"]
        assert needs["release"]["condition"] == "service_completed_successfully"
        assert needs["postgres"]["condition"] == "service_healthy"
    ports = {compose["services"][r]["ports"][0] for r in ("web-1", "web-2")}
    assert len(ports) == 2


def test_the_chroma_service_runs_the_server_of_the_installed_chromadb(compose):
    command = compose["services"]["chroma"]["command"]
    assert command[:2] == ["chroma", "run"]
    assert shutil.which("chroma") or (ROOT / ".venv" / "bin" / "chroma").exists()


def test_procfile_commands_exist():
    for line in (ROOT / "Procfile").read_text().splitlines():
        role, command = line.split(":", 1)
        words = shlex.split(command)
        assert words[0] == "lis", role
        _parser().parse_args(words[1:])


def test_the_dockerfile_copies_what_exists():
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        if line.startswith("COPY "):
            for source in line.split()[1:-1]:
                assert (ROOT / source).exists(), source


@pytest.mark.skipif(
    subprocess.run(["docker", "compose", "version"], capture_output=True).returncode != 0
    if shutil.which("docker")
    else True,
    reason="docker compose is not installed here",
)
def test_docker_compose_accepts_the_file():
    subprocess.run(["docker", "compose", "-f", str(COMPOSE), "config", "-q"], check=True)
