"""A throwaway PostgreSQL server (`initdb` + `postgres`) on a free loopback port.

Uses the PostgreSQL binaries on PATH or Debian's (`/usr/lib/postgresql/*/bin`, from
`apt-get install postgresql`). PostgreSQL refuses to run as root, so when the tests run as
root the cluster is created and run as the `postgres` user (or `nobody`), in a folder of
its own under the system temporary directory that this user owns. Durability is switched
off (fsync, synchronous commit): the data lives only as long as the test session.
`databases()` hands out fresh databases copied from a migrated template.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

from testkit.chroma_server import free_port

__all__ = ["PostgresServer", "PostgresUnavailable", "find_binaries"]


class PostgresUnavailable(RuntimeError):
    """PostgreSQL is not installed here, or would not start (the message says why)."""


def find_binaries() -> Path | None:
    """The folder holding `initdb` and `postgres`: $PG_BIN, PATH, or Debian's newest."""
    candidates = [os.environ.get("PG_BIN", "")]
    initdb = shutil.which("initdb")
    candidates.append(str(Path(initdb).parent) if initdb else "")
    debian = glob.glob("/usr/lib/postgresql/*/bin")
    candidates += sorted(debian, key=lambda p: int(Path(p).parent.name), reverse=True)
    for folder in filter(None, candidates):
        if all((Path(folder) / name).exists() for name in ("initdb", "postgres")):
            return Path(folder)
    return None


def _run_as() -> pwd.struct_passwd | None:
    """The unprivileged user to run PostgreSQL as, when this process is root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise PostgresUnavailable("running as root and there is no postgres or nobody user")


class PostgresServer:
    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None
        self.folder: Path | None = None

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def start(self, timeout: float = 60) -> PostgresServer:
        binaries = find_binaries()
        if binaries is None:
            raise PostgresUnavailable(
                "PostgreSQL is not installed (apt-get install postgresql, or set PG_BIN)"
            )
        user = _run_as()
        self.folder = Path(tempfile.mkdtemp(prefix="lis-postgres-"))
        data = self.folder / "data"
        data.mkdir(mode=0o700)
        if user is not None:
            for path in (self.folder, data):
                os.chown(path, user.pw_uid, user.pw_gid)
        as_user = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []} if user else {}
        env = {"PATH": os.environ.get("PATH", ""), "LC_ALL": "C", "LANG": "C"}
        initdb = subprocess.run(
            [binaries / "initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8"]
            + ["--locale=C", "--no-sync"],
            cwd=self.folder,
            env=env,
            capture_output=True,
            text=True,
            **as_user,
        )
        if initdb.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {initdb.stderr.strip()[-500:]}")
        log = open(self.folder / "postgres.log", "w")  # noqa: SIM115 - the server's stderr
        settings = {
            "listen_addresses": "127.0.0.1",
            "port": str(self.port),
            "unix_socket_directories": str(self.folder),
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "max_connections": "300",
        }
        options = [arg for name, value in settings.items() for arg in ("-c", f"{name}={value}")]
        self.process = subprocess.Popen(
            [binaries / "postgres", "-D", data, *options],
            cwd=self.folder,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            **as_user,
        )
        log.close()
        self._wait_ready(timeout)
        return self

    def _wait_ready(self, timeout: float) -> None:
        import psycopg

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                psycopg.connect(self._dsn(), connect_timeout=1).close()
                return
            except psycopg.OperationalError:
                time.sleep(0.1)
        log = (self.folder / "postgres.log").read_text()[-800:]
        self.stop()
        raise PostgresUnavailable(f"PostgreSQL did not start on port {self.port}: {log}")

    def _dsn(self, database: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={database}"

    def execute(self, sql: str) -> None:
        """Run one statement as the superuser, outside a transaction (CREATE DATABASE)."""
        import psycopg

        with psycopg.connect(self._dsn(), autocommit=True) as connection:
            connection.execute(sql)

    def create_database(self, template: str | None = None) -> str:
        """A new, empty database (or a copy of `template`); returns its URL."""
        name = f"lis_{uuid.uuid4().hex[:12]}"
        self.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        return self.url(name)

    def drop_database(self, url: str) -> None:
        self.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # "fast" shutdown
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
