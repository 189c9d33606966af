"""One ingest at a time: a lock file in LIS_DATA_DIR, plus a lock for threads.

Admins' ingests from Slack and `lis ingest` on the same machine take it, so they queue
instead of interleaving their writes.
"""

from __future__ import annotations

import fcntl
import threading
from pathlib import Path

__all__ = ["IngestLock"]


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
