"""Where the state lives: an SQLite file in LIS_DATA_DIR, or PostgreSQL (`DATABASE_URL`).

One SQLAlchemy Core engine per database and process, its schema brought to the latest
Alembic revision the first time it is opened (`bot/services/alembic`; files made by
releases before Alembic are recognised and upgraded in place). The stores in
`bot.services.state` and `bot.services.deadline_store` write the same statements for
both; the few things only PostgreSQL can do across machines are here:

- `advisory_lock`: a session-level `pg_advisory_lock` held on a connection of its own for
  as long as the caller needs it (one ingest at a time across every machine);
- `try_transaction_lock`: `pg_try_advisory_xact_lock` inside a transaction, released at
  commit (one process prunes expired data; the others skip).

SQLite is for one machine: there the file lock in `bot.services.ingest_lock` serialises
ingests, and SQLite's own write lock serialises everything else.

An SQLite file holds who asked what, so it is readable by its owner only (0600; SQLite
gives its -wal and -shm files the same mode), in a folder only its owner can enter when
this code creates it (0700). Connections are pooled, a few per process, on both.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.errors import LisError
from bot.services.schema import metadata

__all__ = ["Database", "StateError", "SQLITE_FILENAME", "INGEST_KEY", "PRUNE_KEY"]

SQLITE_FILENAME = "state.sqlite3"
# Keys of the PostgreSQL advisory locks: "LIS" and a number, so they are recognisable in
# pg_locks and unlikely to collide with another application's on a shared server.
_BASE = 0x4C49530000
MIGRATE_KEY = _BASE + 1
INGEST_KEY = _BASE + 2
PRUNE_KEY = _BASE + 3

_MIGRATIONS = Path(__file__).resolve().parent / "alembic"


class StateError(LisError, RuntimeError):
    """The state database cannot be opened or written (read-only disk, full disk, a
    PostgreSQL server that is down...)."""


class Database:
    """One state database: its engine, its dialect and its locks. Use `Database.open`."""

    _opened: dict[str, Database] = {}
    _opening = threading.Lock()

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path  # the SQLite file, or None on PostgreSQL

    @classmethod
    def open(cls, location: Path | str | Database) -> Database:
        """The database at `location`: an SQLite file path, or a `postgresql://` URL.
        Opened (and migrated) once per process; later calls return the same object."""
        if isinstance(location, Database):
            return location
        url = _url(location)
        with cls._opening:
            database = cls._opened.get(url)
            if database is None:
                database = cls._opened[url] = cls._create(url, location)
        return database

    @classmethod
    def _create(cls, url: str, location: Path | str) -> Database:
        if url.startswith("sqlite"):
            path = Path(location)
            try:
                _private_file(path)
                database = cls(_sqlite_engine(path), path)
                with _directory_lock(path.parent):
                    database.migrate()
            except (OSError, SQLAlchemyError) as error:
                raise StateError(
                    f"cannot open the state database {path}: {_reason(error)}. Check that "
                    "LIS_DATA_DIR is writable and the disk is not full."
                ) from error
            return database
        database = cls(
            sa.create_engine(url, pool_size=5, max_overflow=15, pool_pre_ping=True), None
        )
        try:
            database.migrate()
        except SQLAlchemyError as error:
            database.engine.dispose()
            raise StateError(
                f"cannot open the state database at {database.engine.url!r}: "
                f"{_reason(error)}. Check DATABASE_URL and that the PostgreSQL server is "
                "running and reachable."
            ) from error
        return database

    @classmethod
    def forget(cls, location: Path | str) -> None:
        """Close the pooled connections to `location` (tests drop their databases)."""
        with cls._opening:
            database = cls._opened.pop(_url(location), None)
        if database is not None:
            database.engine.dispose()

    @property
    def postgresql(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def __repr__(self) -> str:
        return f"Database({self.engine.url!r})"

    # Statements ----------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A connection in a transaction, committed when the block ends without error.
        Any database failure comes out as a `StateError` saying what it was."""
        try:
            with self.engine.begin() as connection:
                yield connection
        except SQLAlchemyError as error:
            raise StateError(f"the state database failed: {_reason(error)}") from error

    def insert(self, table: sa.Table):
        """An INSERT in this database's dialect, so `.on_conflict_do_nothing()` and
        `.on_conflict_do_update()` are available (same SQL on SQLite and PostgreSQL)."""
        if self.postgresql:
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table)

    # Locks ---------------------------------------------------------------------------

    def try_transaction_lock(self, connection: Connection, key: int) -> bool:
        """Take advisory lock `key` until `connection`'s transaction ends, if no other
        session holds it. Always True on SQLite (one machine; its own write lock)."""
        if not self.postgresql:
            return True
        return bool(connection.scalar(sa.text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": key}))

    def advisory_lock(self, key: int) -> AdvisoryLock:
        return AdvisoryLock(self.engine, key)

    # Schema --------------------------------------------------------------------------

    def migrate(self) -> None:
        """Bring the schema to the latest revision (PostgreSQL: one process at a time)."""
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(_MIGRATIONS))
        with self.engine.connect() as connection:
            if self.postgresql:
                connection.execute(sa.text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATE_KEY})
                connection.commit()
            else:
                # SQLite commits each DDL statement; in WAL mode NORMAL skips the fsync of
                # each (still safe from corruption). This connection is not pooled after.
                connection.exec_driver_sql("PRAGMA synchronous=NORMAL")
            try:
                config.attributes["connection"] = connection
                config.attributes["metadata"] = metadata
                command.upgrade(config, "head")
                connection.commit()
            finally:
                if self.postgresql:
                    connection.rollback()
                    connection.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATE_KEY})
                    connection.commit()
                else:
                    connection.invalidate()


class AdvisoryLock:
    """A PostgreSQL session-level advisory lock on a connection of its own, with the
    `acquire(blocking)` / `release()` of `threading.Lock`. Held until released, or until
    the process dies (the server ends the session and frees the lock)."""

    def __init__(self, engine: Engine, key: int) -> None:
        self.engine = engine
        self.key = key
        self._thread_lock = threading.Lock()
        self._connection: Connection | None = None

    def acquire(self, blocking: bool = True) -> bool:
        if not self._thread_lock.acquire(blocking=blocking):
            return False
        try:
            connection = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            query = "SELECT pg_advisory_lock(:k)" if blocking else "SELECT pg_try_advisory_lock(:k)"
            taken = connection.scalar(sa.text(query), {"k": self.key})
        except SQLAlchemyError as error:
            self._thread_lock.release()
            raise StateError(f"cannot take the ingest lock: {_reason(error)}") from error
        if blocking or taken:
            self._connection = connection
            return True
        connection.close()
        self._thread_lock.release()
        return False

    def release(self) -> None:
        connection, self._connection = self._connection, None
        try:
            if connection is not None:
                connection.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": self.key})
                connection.close()
        except SQLAlchemyError:
            connection.invalidate()  # a lost session has released the lock anyway
        finally:
            self._thread_lock.release()


def _url(location: Path | str) -> str:
    text = str(location)
    for prefix in ("postgresql://", "postgres://"):
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text.removeprefix(prefix)
    if "://" in text:
        return text
    return f"sqlite:///{Path(location).resolve()}"


def _sqlite_engine(path: Path) -> Engine:
    engine = sa.create_engine(
        f"sqlite:///{path}", pool_size=2, max_overflow=8, connect_args={"timeout": 10}
    )

    @sa.event.listens_for(engine, "connect")
    def _pragmas(connection, _record) -> None:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA secure_delete=ON")  # deleted questions do not linger

    return engine


def _private_file(path: Path) -> None:
    """Create `path` (and its folder) for its owner's eyes only, or make it so."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    os.chmod(path, 0o600)


@contextmanager
def _directory_lock(folder: Path) -> Iterator[None]:
    """Processes on one machine migrating the same SQLite file take turns."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def _reason(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    return str(original).strip().splitlines()[0] if str(original).strip() else type(error).__name__
