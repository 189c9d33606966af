"""Lock files in LIS_DATA_DIR: one ingest at a time, and one owner of the embedded store.

Admins' ingests from Slack and `lis ingest` take the ingest lock, so they queue instead of
interleaving their writes: a lock file in LIS_DATA_DIR for the processes of one machine,
or, when the state is in PostgreSQL (`DATABASE_URL`), an advisory lock there, so ingests
started on different machines queue too (`ingest_lock`).

The embedded Chroma store (no CHROMA_HOST) keeps its vector index in the memory of the
process that opened it, so it is not safe to share: a process that writes it leaves every
other process that has it open answering from a stale index (chromadb "Error finding id").
`StoreLock` makes that impossible: `lis serve` holds it exclusively for as long as it runs,
the `lis run` console holds it shared, and `lis ingest` holds it exclusively while it
writes, never waiting for a server (it refuses and says what to do instead).
"""

from __future__ import annotations

import fcntl
import threading
from pathlib import Path

from bot.errors import UsageError
from bot.services.database import INGEST_KEY, AdvisoryLock, Database

__all__ = [
    "IngestLock",
    "StoreLock",
    "StoreInUseError",
    "STORE_LOCK",
    "INGEST_LOCK",
    "ingest_lock",
]

INGEST_LOCK = "ingest.lock"
STORE_LOCK = "store.lock"


class StoreInUseError(UsageError):
    """Another process has the embedded store open in a way this command cannot share."""


def ingest_lock(data_dir: Path, database: Database | None = None) -> IngestLock | AdvisoryLock:
    """The ingest lock for this deployment: PostgreSQL's advisory lock when the state is
    there (every machine), else the lock file in `data_dir` (this machine). Both have
    `acquire(blocking=True) -> bool` and `release()`."""
    if database is not None and database.postgresql:
        return database.advisory_lock(INGEST_KEY)
    return IngestLock(Path(data_dir) / INGEST_LOCK)


class IngestLock:
    """One ingest at a time, across threads and across processes sharing LIS_DATA_DIR."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._thread_lock = threading.Lock()
        self._file = None

    def acquire(self, blocking: bool = True) -> bool:
        if not self._thread_lock.acquire(blocking=blocking):
            return False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(self.path, "w")  # noqa: SIM115 - held until release()
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            self._file.close()
            self._thread_lock.release()
            return False
        return True

    def release(self) -> None:
        fcntl.flock(self._file, fcntl.LOCK_UN)
        self._file.close()
        self._thread_lock.release()


class StoreLock:
    """Who has the embedded store open: a server (exclusive, for its lifetime), consoles
    (shared) or one writing command (exclusive, while it writes). Never blocks."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._file = None

    def try_acquire(self, shared: bool = False) -> bool:
        """Take the lock if no other process holds it in a conflicting way."""
        if self._file is not None:
            raise RuntimeError("the store lock is already held")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        file = open(self.path, "a")  # noqa: SIM115 - held until release()
        try:
            fcntl.flock(file, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            file.close()
            return False
        self._file = file
        return True

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None
