"""The assistant's own state, in SQLite under `LIS_DATA_DIR`: what front ends remember.

Answers given (so a "Share" or feedback click can find them again), feedback, each
conversation's default area, the questions asked in each thread (for follow-ups), and the
ids of events already handled (Slack re-sends events it thinks timed out). The knowledge
itself lives in Chroma; nothing here is needed to answer a question from scratch.

Each call opens its own short connection, so the store is safe to use from the event loop
and from worker threads; WAL mode lets readers and one writer work at once.

The file holds who asked what, so it is readable by its owner only (0600; SQLite gives
its -wal and -shm files the same mode), in a folder only its owner can enter when this
code creates it (0700).
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.engine.answer import Answer
from bot.errors import LisError

__all__ = ["StateStore", "StateError", "SQLiteFile", "AnswerToReview", "FORGOTTEN"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    id TEXT PRIMARY KEY, question TEXT NOT NULL, answer TEXT NOT NULL, mode TEXT NOT NULL,
    payload TEXT NOT NULL, conversation TEXT, user_id TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS feedback (
    answer_id TEXT NOT NULL, user_id TEXT NOT NULL, rating INTEGER NOT NULL,
    question TEXT NOT NULL, answer TEXT NOT NULL, source TEXT NOT NULL,
    created_at TEXT NOT NULL, PRIMARY KEY (answer_id, user_id));
CREATE TABLE IF NOT EXISTS conversation_areas (
    conversation TEXT PRIMARY KEY, area TEXT NOT NULL, set_by TEXT, set_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS thread_turns (
    thread TEXT NOT NULL, question TEXT NOT NULL, created_at TEXT NOT NULL, user_id TEXT);
CREATE INDEX IF NOT EXISTS thread_turns_thread ON thread_turns (thread);
CREATE TABLE IF NOT EXISTS handled_events (event_id TEXT PRIMARY KEY, seen_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS message_answers (
    conversation TEXT NOT NULL, message_id TEXT NOT NULL, answer_id TEXT NOT NULL,
    PRIMARY KEY (conversation, message_id));
CREATE TABLE IF NOT EXISTS conversation_references (
    conversation TEXT PRIMARY KEY, reference TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user_id TEXT, action TEXT NOT NULL,
    target TEXT, result TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS used_signatures (signature TEXT PRIMARY KEY, expires_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS pending_uploads (
    file_id TEXT PRIMARY KEY, name TEXT NOT NULL, path TEXT NOT NULL, title TEXT,
    published TEXT, user_id TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS gaps_notes (
    admin TEXT NOT NULL, week TEXT NOT NULL, status TEXT NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (admin, week));
"""


@dataclass(frozen=True)
class AnswerToReview:
    """An answer the knowledge base may have fallen short on: "not covered", or rated 👎.
    Who asked or rated is deliberately not part of it."""

    answer_id: str
    question: str
    mode: str
    asked_at: str  # UTC ISO time
    cited: tuple[str, ...]  # titles of the documents the answer cited, in order
    dislikes: int
    comments: tuple[str, ...]


class StateError(LisError, RuntimeError):
    """The state database cannot be opened or written (read-only disk, full disk...)."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _private_file(path: Path) -> None:
    """Create `path` (and its folder) for its owner's eyes only, or make it so."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    os.chmod(path, 0o600)


class SQLiteFile:
    """One SQLite file with its tables created on first use; a short connection per call."""

    schema = ""
    filename = "state.sqlite3"
    # Columns added after a table was first released: (table, column, type).
    added_columns: tuple[tuple[str, str, str], ...] = ()

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            _private_file(self.path)
            with self._connect() as db:
                db.execute("PRAGMA journal_mode=WAL")
                db.executescript(self.schema)
                self._add_columns(db)
        except (OSError, sqlite3.Error) as error:
            raise StateError(
                f"cannot open the state database {self.path}: {error}. Check that "
                "LIS_DATA_DIR is writable and the disk is not full."
            ) from error

    def _add_columns(self, db: sqlite3.Connection) -> None:
        """Bring a database made by an earlier release up to date (SQLite has no
        ADD COLUMN IF NOT EXISTS)."""
        for table, column, kind in self.added_columns:
            present = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
            if column not in present:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")

    @classmethod
    def in_data_dir(cls, data_dir: Path):
        return cls(Path(data_dir) / cls.filename)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10)
        db.execute("PRAGMA secure_delete=ON")  # deleted questions do not linger on disk
        try:
            with db:
                yield db
        finally:
            db.close()


class StateStore(SQLiteFile):
    """Answers, feedback, conversation areas, thread history, handled events."""

    schema = _SCHEMA
    added_columns = (("thread_turns", "user_id", "TEXT"), ("feedback", "comment", "TEXT"))

    # Answers and feedback -----------------------------------------------------------

    def save_answer(
        self, answer: Answer, conversation: str | None = None, user_id: str | None = None
    ) -> str:
        answer_id = uuid.uuid4().hex[:16]
        with self._connect() as db:
            db.execute(
                "INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    answer_id,
                    answer.question,
                    answer.answer,
                    answer.mode,
                    json.dumps(answer.to_dict()),
                    conversation,
                    user_id,
                    _now(),
                ),
            )
        return answer_id

    def answer(self, answer_id: str) -> dict | None:
        """The stored JSON form of an answer, or None."""
        with self._connect() as db:
            row = db.execute("SELECT payload FROM answers WHERE id = ?", (answer_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def record_feedback(
        self, answer_id: str, user_id: str, rating: int, source: str, comment: str | None = None
    ) -> bool:
        """Store a 👍 (1) or 👎 (-1) with the person's comment, if they wrote one; a second
        click by the same person replaces the first (keeping an earlier comment)."""
        stored = self.answer(answer_id)
        if stored is None:
            return False
        comment = (comment or "").strip()[:2000] or None
        with self._connect() as db:
            db.execute(
                "INSERT INTO feedback (answer_id, user_id, rating, question, answer, source, "
                "created_at, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (answer_id, user_id) DO UPDATE SET rating = excluded.rating, "
                "source = excluded.source, created_at = excluded.created_at, "
                "comment = COALESCE(excluded.comment, feedback.comment)",
                (
                    answer_id,
                    user_id,
                    rating,
                    stored["question"],
                    stored["answer"],
                    source,
                    _now(),
                    comment,
                ),
            )
        return True

    def last_answer(self, conversation: str, user_id: str) -> str | None:
        """The id of the latest answer given to `user_id` in `conversation`."""
        with self._connect() as db:
            row = db.execute(
                "SELECT id FROM answers WHERE conversation = ? AND user_id = ? "
                "ORDER BY created_at DESC, rowid DESC LIMIT 1",
                (conversation, user_id),
            ).fetchone()
        return row[0] if row else None

    def feedback(self) -> list[dict]:
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            rows = db.execute("SELECT * FROM feedback ORDER BY created_at").fetchall()
        return [dict(row) for row in rows]

    def answers_to_review(self, since: str) -> list[AnswerToReview]:
        """Answers given since `since` (UTC ISO time) that said "not covered", and answers
        rated 👎 since then, newest first, with every feedback comment left on them."""
        chosen = (
            "(mode = 'no_answer' AND created_at >= :since) OR id IN "
            "(SELECT answer_id FROM feedback WHERE rating < 0 AND created_at >= :since)"
        )
        with self._connect() as db:
            rows = db.execute(
                f"SELECT id, question, mode, payload, created_at FROM answers WHERE {chosen} "
                "ORDER BY created_at DESC, rowid DESC",
                {"since": since},
            ).fetchall()
            ratings: dict[str, list[tuple[int, str | None]]] = {}
            for answer_id, rating, comment in db.execute(
                "SELECT answer_id, rating, comment FROM feedback WHERE answer_id IN "
                f"(SELECT id FROM answers WHERE {chosen}) ORDER BY created_at",
                {"since": since},
            ):
                ratings.setdefault(answer_id, []).append((rating, comment))
        return [_to_review(row, ratings.get(row[0], [])) for row in rows]

    # Conversations -------------------------------------------------------------------

    def set_area(self, conversation: str, area: str, set_by: str | None = None) -> None:
        with self._connect() as db:
            db.execute(
                "INSERT OR REPLACE INTO conversation_areas VALUES (?, ?, ?, ?)",
                (conversation, area, set_by, _now()),
            )

    def area(self, conversation: str) -> str | None:
        with self._connect() as db:
            row = db.execute(
                "SELECT area FROM conversation_areas WHERE conversation = ?", (conversation,)
            ).fetchone()
        return row[0] if row else None

    def add_turn(self, thread: str, question: str, user_id: str | None = None) -> None:
        with self._connect() as db:
            db.execute(
                "INSERT INTO thread_turns (thread, question, created_at, user_id) "
                "VALUES (?, ?, ?, ?)",
                (thread, question, _now(), user_id),
            )

    def thread_questions(self, thread: str, limit: int = 5) -> list[str]:
        """Earlier questions in a thread, oldest first (at most `limit`)."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT question FROM thread_turns WHERE thread = ? ORDER BY rowid DESC LIMIT ?",
                (thread, limit),
            ).fetchall()
        return [row[0] for row in reversed(rows)]

    def link_message(self, conversation: str, message_id: str, answer_id: str) -> None:
        """Remember which answer a posted message carried (for feedback sent against it)."""
        with self._connect() as db:
            db.execute(
                "INSERT OR REPLACE INTO message_answers VALUES (?, ?, ?)",
                (conversation, message_id, answer_id),
            )

    def answer_for_message(self, conversation: str, message_id: str) -> str | None:
        with self._connect() as db:
            row = db.execute(
                "SELECT answer_id FROM message_answers WHERE conversation = ? AND message_id = ?",
                (conversation, message_id),
            ).fetchone()
        return row[0] if row else None

    def remember_reference(self, conversation: str, reference: str) -> None:
        """A Teams conversation reference (JSON), for messages sent later (the digest)."""
        with self._connect() as db:
            db.execute(
                "INSERT OR REPLACE INTO conversation_references VALUES (?, ?, ?)",
                (conversation, reference, _now()),
            )

    def reference(self, conversation: str) -> str | None:
        with self._connect() as db:
            row = db.execute(
                "SELECT reference FROM conversation_references WHERE conversation = ?",
                (conversation,),
            ).fetchone()
        return row[0] if row else None

    def first_time(self, event_id: str) -> bool:
        """True the first time an event id is seen; False for a re-delivery."""
        try:
            with self._connect() as db:
                db.execute("INSERT INTO handled_events VALUES (?, ?)", (event_id, _now()))
            return True
        except sqlite3.IntegrityError:
            return False

    # Admin -------------------------------------------------------------------------

    def first_use(self, signature: str, expires_at: float) -> bool:
        """True the first time a request signature is presented; False for a replay.
        Signatures are forgotten once their request could no longer be accepted anyway
        (`expires_at`, seconds since the epoch)."""
        with self._connect() as db:
            db.execute("DELETE FROM used_signatures WHERE expires_at < ?", (time.time(),))
            inserted = db.execute(
                "INSERT OR IGNORE INTO used_signatures VALUES (?, ?)", (signature, expires_at)
            )
            return inserted.rowcount == 1

    def audit(self, user: str | None, action: str, target: str | None, result: str) -> None:
        """Record an admin action (or a refused attempt): who, when, what, result."""
        with self._connect() as db:
            db.execute(
                "INSERT INTO audit_log (at, user_id, action, target, result) "
                "VALUES (?, ?, ?, ?, ?)",
                (_now(), user, action, target, result),
            )

    def audit_entries(self, limit: int = 20) -> list[dict]:
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            rows = db.execute(
                "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", (limit,)
            ).fetchall()
        return [dict(row) for row in rows]

    def add_pending_upload(
        self,
        file_id: str,
        name: str,
        path: str,
        title: str | None,
        published: str | None,
        user: str | None,
    ) -> None:
        with self._connect() as db:
            db.execute(
                "INSERT OR REPLACE INTO pending_uploads VALUES (?, ?, ?, ?, ?, ?, ?)",
                (file_id, name, path, title, published, user, _now()),
            )

    def pending_upload(self, file_id: str) -> dict | None:
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            row = db.execute(
                "SELECT * FROM pending_uploads WHERE file_id = ?", (file_id,)
            ).fetchone()
        return dict(row) if row else None

    def drop_pending_upload(self, file_id: str) -> None:
        with self._connect() as db:
            db.execute("DELETE FROM pending_uploads WHERE file_id = ?", (file_id,))

    # The weekly gaps note ------------------------------------------------------------

    def claim_gaps_note(self, admin: str, week: str) -> bool:
        """Reserve this week's gaps note for an admin; False if already sent or claimed."""
        try:
            with self._connect() as db:
                db.execute(
                    "INSERT INTO gaps_notes VALUES (?, ?, 'claimed', ?)", (admin, week, _now())
                )
            return True
        except sqlite3.IntegrityError:
            return False

    def mark_gaps_note(self, admin: str, week: str, sent: bool) -> None:
        """Record the outcome; a failed post releases the claim so a later run may retry."""
        with self._connect() as db:
            if sent:
                db.execute(
                    "UPDATE gaps_notes SET status = 'sent', updated_at = ? "
                    "WHERE admin = ? AND week = ?",
                    (_now(), admin, week),
                )
            else:
                db.execute("DELETE FROM gaps_notes WHERE admin = ? AND week = ?", (admin, week))

    # Privacy -------------------------------------------------------------------------

    def forget_user(self, user_id: str) -> dict[str, int]:
        """Delete what one person asked and rated; keep admin actions without their name.

        Their answers (with the question text), thread history, feedback and pending
        uploads go, as does feedback others gave on their answers (it copies the question).
        Audit entries keep the action but the user becomes FORGOTTEN; a stored Teams
        conversation reference loses its user; an admin's record of weekly gaps notes
        goes. Returns rows changed per table.
        """
        changed: dict[str, int] = {}
        with self._connect() as db:
            mine = "SELECT id FROM answers WHERE user_id = ?"
            changed["feedback"] = db.execute(
                f"DELETE FROM feedback WHERE user_id = ? OR answer_id IN ({mine})",
                (user_id, user_id),
            ).rowcount
            db.execute(f"DELETE FROM message_answers WHERE answer_id IN ({mine})", (user_id,))
            changed["answers"] = db.execute(
                "DELETE FROM answers WHERE user_id = ?", (user_id,)
            ).rowcount
            changed["thread_turns"] = db.execute(
                "DELETE FROM thread_turns WHERE user_id = ?", (user_id,)
            ).rowcount
            changed["conversation_areas"] = db.execute(
                "UPDATE conversation_areas SET set_by = NULL WHERE set_by = ?", (user_id,)
            ).rowcount
            changed["audit_log"] = db.execute(
                "UPDATE audit_log SET user_id = ? WHERE user_id = ?", (FORGOTTEN, user_id)
            ).rowcount
            changed["pending_uploads"] = _drop_uploads(
                db, "SELECT file_id, path FROM pending_uploads WHERE user_id = ?", (user_id,)
            )
            changed["conversation_references"] = _scrub_references(db, user_id)
            changed["gaps_notes"] = db.execute(
                "DELETE FROM gaps_notes WHERE admin = ?", (user_id,)
            ).rowcount
        return changed

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database and empty it, so what was deleted
        is gone from both files (best effort while other processes are reading)."""
        with self._connect() as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def prune(self, now: datetime, retention_days: int, audit_days: int) -> dict[str, int]:
        """Delete questions, answers, feedback, history and the record of which admin got
        which weekly gaps note older than `retention_days`, audit entries older than
        `audit_days`, and uploads never confirmed within a day."""
        cutoff = (now - timedelta(days=retention_days)).isoformat(timespec="seconds")
        audit_cutoff = (now - timedelta(days=audit_days)).isoformat(timespec="seconds")
        upload_cutoff = (now - timedelta(days=1)).isoformat(timespec="seconds")
        changed: dict[str, int] = {}
        with self._connect() as db:
            old = "SELECT id FROM answers WHERE created_at < ?"
            db.execute(f"DELETE FROM message_answers WHERE answer_id IN ({old})", (cutoff,))
            for table, column in (
                ("answers", "created_at"),
                ("feedback", "created_at"),
                ("thread_turns", "created_at"),
                ("handled_events", "seen_at"),
                ("gaps_notes", "updated_at"),
            ):
                changed[table] = db.execute(
                    f"DELETE FROM {table} WHERE {column} < ?", (cutoff,)
                ).rowcount
            changed["audit_log"] = db.execute(
                "DELETE FROM audit_log WHERE at < ?", (audit_cutoff,)
            ).rowcount
            changed["pending_uploads"] = _drop_uploads(
                db,
                "SELECT file_id, path FROM pending_uploads WHERE created_at < ?",
                (upload_cutoff,),
            )
        return changed


FORGOTTEN = "(forgotten)"


def _to_review(row: tuple, ratings: list[tuple[int, str | None]]) -> AnswerToReview:
    answer_id, question, mode, payload, created_at = row
    cited = dict.fromkeys(c["title"] for c in json.loads(payload).get("citations") or [])
    return AnswerToReview(
        answer_id=answer_id,
        question=question,
        mode=mode,
        asked_at=created_at,
        cited=tuple(cited),
        dislikes=sum(1 for rating, _ in ratings if rating < 0),
        comments=tuple(comment for _, comment in ratings if comment),
    )


def _drop_uploads(db: sqlite3.Connection, query: str, parameters: tuple) -> int:
    """Delete pending uploads chosen by `query` (file_id, path), their files included."""
    rows = db.execute(query, parameters).fetchall()
    for file_id, path in rows:
        Path(path).unlink(missing_ok=True)
        db.execute("DELETE FROM pending_uploads WHERE file_id = ?", (file_id,))
    return len(rows)


def _scrub_references(db: sqlite3.Connection, user_id: str) -> int:
    """Remove a person from stored Teams conversation references (the digest needs only
    the conversation, not who started it)."""
    scrubbed = 0
    for conversation, reference in db.execute(
        "SELECT conversation, reference FROM conversation_references"
    ).fetchall():
        data = json.loads(reference)
        if (data.get("user") or {}).get("id") == user_id:
            data.pop("user")
            db.execute(
                "UPDATE conversation_references SET reference = ? WHERE conversation = ?",
                (json.dumps(data), conversation),
            )
            scrubbed += 1
    return scrubbed
