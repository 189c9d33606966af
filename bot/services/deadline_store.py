"""Deadlines and digest records, in the same SQLite file as the rest of the state.

Which extracted deadlines came from which version of a document, the curated and admin
entries, which channels want the digest, and which digests were sent: the last is keyed by
channel and day and written *before* posting, so two schedulers or a restart can never
post the same channel twice in a day.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

from bot.engine.text import terms
from bot.errors import LisError
from bot.services.deadlines import Deadline, DocumentChange
from bot.services.state import SQLiteFile

__all__ = ["DeadlineStore", "CuratedDeadlineError"]


class CuratedDeadlineError(LisError, ValueError):
    """Curated deadlines are removed by editing knowledge/deadlines.yaml, not from Slack."""


_SCHEMA = """
CREATE TABLE IF NOT EXISTS deadlines (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, due TEXT NOT NULL, kind TEXT NOT NULL,
    area TEXT, url TEXT, source TEXT NOT NULL, doc_id TEXT, doc_title TEXT, page INTEGER,
    quote TEXT, added_by TEXT, created_at TEXT NOT NULL, precision TEXT);
CREATE INDEX IF NOT EXISTS deadlines_due ON deadlines (due);
CREATE TABLE IF NOT EXISTS deadline_sources (doc_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS deadline_replaces (curated_id TEXT NOT NULL, replaced_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS deadline_dismissed (
    id TEXT PRIMARY KEY, dismissed_by TEXT, dismissed_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS digest_subscriptions (
    channel TEXT PRIMARY KEY, always INTEGER NOT NULL, subscribed_by TEXT,
    created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS document_changes (
    doc_id TEXT NOT NULL, change TEXT NOT NULL, title TEXT NOT NULL, publisher TEXT,
    published TEXT, added_by TEXT, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS document_changes_at ON document_changes (at);
CREATE TABLE IF NOT EXISTS knowledge_synced (at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS digest_sent (
    channel TEXT NOT NULL, day TEXT NOT NULL, status TEXT NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (channel, day));
"""

_COLUMNS = (
    "id",
    "title",
    "due",
    "kind",
    "area",
    "url",
    "source",
    "doc_id",
    "doc_title",
    "page",
    "quote",
    "added_by",
    "precision",
)


_INSERT = (
    f"INSERT OR REPLACE INTO deadlines ({', '.join(_COLUMNS)}, created_at) "
    f"VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _row(deadline: Deadline) -> tuple:
    values = [getattr(deadline, name) for name in _COLUMNS]
    values[2] = deadline.due.isoformat()
    return (*values, _now())


def _deadline(row: sqlite3.Row) -> Deadline:
    values = dict(row)
    values.pop("created_at", None)
    values["due"] = date.fromisoformat(values["due"])
    values["precision"] = values.get("precision") or "day"
    return Deadline(**values)


_PRIORITY = {"curated": 0, "admin": 1, "extracted": 2}


def _without_repeats(deadlines: list[Deadline]) -> list[Deadline]:
    """One entry per item: several documents (or an admin) may state the same deadline.

    Entries due the same day whose wording mostly overlaps are one item; the curated entry
    is kept over an admin's, an admin's over one found in a document.
    """
    kept: list[tuple[Deadline, set[str]]] = []
    for deadline in sorted(deadlines, key=lambda d: (d.due, _PRIORITY.get(d.source, 3))):
        words = set(terms(deadline.quote or deadline.title))
        if not any(d.due == deadline.due and _overlap(words, w) >= 0.6 for d, w in kept):
            kept.append((deadline, words))
    return sorted((d for d, _ in kept), key=lambda d: (d.due, d.title))


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


class DeadlineStore(SQLiteFile):
    schema = _SCHEMA
    added_columns = (("deadlines", "precision", "TEXT"),)

    # Deadlines -----------------------------------------------------------------------

    def deadline_sources(self) -> dict[str, str]:
        with self._connect() as db:
            return dict(db.execute("SELECT doc_id, content_hash FROM deadline_sources"))

    def replace_extracted(
        self, doc_id: str, content_hash: str | None, deadlines: list[Deadline]
    ) -> None:
        """The extracted deadlines of one document, replaced in one transaction."""
        self.replace_extracted_many({doc_id: (content_hash, deadlines)})

    def replace_extracted_many(
        self, documents: dict[str, tuple[str | None, list[Deadline]]]
    ) -> None:
        """Several documents' extracted deadlines (doc_id -> (content hash, deadlines)),
        replaced in one transaction: one commit instead of one per document."""
        with self._connect() as db:
            for doc_id, (content_hash, deadlines) in documents.items():
                db.execute(
                    "DELETE FROM deadlines WHERE source = 'extracted' AND doc_id = ?", (doc_id,)
                )
                db.execute("DELETE FROM deadline_sources WHERE doc_id = ?", (doc_id,))
                db.executemany(
                    _INSERT,
                    [_row(d) for d in deadlines],
                )
                if content_hash:
                    db.execute("INSERT INTO deadline_sources VALUES (?, ?)", (doc_id, content_hash))

    def replace_curated(self, curated: list[tuple[Deadline, list[str]]]) -> None:
        with self._connect() as db:
            db.execute("DELETE FROM deadlines WHERE source = 'curated'")
            db.execute("DELETE FROM deadline_replaces")
            db.executemany(
                _INSERT,
                [_row(d) for d, _ in curated],
            )
            db.executemany(
                "INSERT INTO deadline_replaces VALUES (?, ?)",
                [(d.id, r) for d, replaced in curated for r in replaced],
            )

    def add(self, deadline: Deadline) -> None:
        with self._connect() as db:
            db.execute(_INSERT, _row(deadline))

    def remove(self, deadline_id: str, by: str | None = None) -> Deadline | None:
        """Delete an admin entry, or hide an extracted one; None if there is no such id."""
        found = self.get(deadline_id)
        if found is None:
            return None
        if found.source == "curated":
            raise CuratedDeadlineError(
                f"“{found.title}” comes from knowledge/deadlines.yaml: remove it there."
            )
        with self._connect() as db:
            if found.source == "admin":
                db.execute("DELETE FROM deadlines WHERE id = ?", (deadline_id,))
            else:
                db.execute(
                    "INSERT OR REPLACE INTO deadline_dismissed VALUES (?, ?, ?)",
                    (deadline_id, by, _now()),
                )
        return found

    def get(self, deadline_id: str) -> Deadline | None:
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            row = db.execute("SELECT * FROM deadlines WHERE id = ?", (deadline_id,)).fetchone()
        return _deadline(row) if row else None

    def between(self, start: date, end: date) -> list[Deadline]:
        """Deadlines due from `start` to `end` inclusive, soonest first, overrides applied."""
        query = """
            SELECT * FROM deadlines d
            WHERE due BETWEEN ? AND ?
              AND id NOT IN (SELECT id FROM deadline_dismissed)
              AND NOT (source = 'extracted' AND (
                    id IN (SELECT replaced_id FROM deadline_replaces)
                 OR EXISTS (SELECT 1 FROM deadlines c WHERE c.source = 'curated'
                            AND c.doc_id = d.doc_id AND c.due = d.due)))
            ORDER BY due, title"""
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            rows = db.execute(query, (start.isoformat(), end.isoformat())).fetchall()
        return _without_repeats([_deadline(row) for row in rows])

    # Digest --------------------------------------------------------------------------

    def subscribe(self, channel: str, always: bool, by: str | None) -> None:
        with self._connect() as db:
            db.execute(
                "INSERT OR REPLACE INTO digest_subscriptions VALUES (?, ?, ?, ?)",
                (channel, int(always), by, _now()),
            )

    def unsubscribe(self, channel: str) -> bool:
        with self._connect() as db:
            return (
                db.execute(
                    "DELETE FROM digest_subscriptions WHERE channel = ?", (channel,)
                ).rowcount
                > 0
            )

    def subscriptions(self) -> dict[str, bool]:
        """channel -> whether it wants the digest even when nothing is due."""
        with self._connect() as db:
            return {
                c: bool(a)
                for c, a in db.execute("SELECT channel, always FROM digest_subscriptions")
            }

    def claim_digest(self, channel: str, day: date) -> bool:
        """Reserve today's digest for a channel; False if it was already sent or claimed."""
        try:
            with self._connect() as db:
                db.execute(
                    "INSERT INTO digest_sent VALUES (?, ?, 'claimed', ?)",
                    (channel, day.isoformat(), _now()),
                )
            return True
        except sqlite3.IntegrityError:
            return False

    def mark_digest(self, channel: str, day: date, sent: bool) -> None:
        """Record the outcome; a failed post releases the claim so a later run may retry."""
        with self._connect() as db:
            if sent:
                db.execute(
                    "UPDATE digest_sent SET status = 'sent', updated_at = ? "
                    "WHERE channel = ? AND day = ?",
                    (_now(), channel, day.isoformat()),
                )
            else:
                db.execute(
                    "DELETE FROM digest_sent WHERE channel = ? AND day = ?",
                    (channel, day.isoformat()),
                )

    def first_sync(self) -> bool:
        """True the first time it is asked: the knowledge base as installed is not news."""
        with self._connect() as db:
            if db.execute("SELECT 1 FROM knowledge_synced").fetchone():
                return False
            db.execute("INSERT INTO knowledge_synced VALUES (?)", (_now(),))
            return True

    def record_changes(self, changes: list[DocumentChange]) -> None:
        """Note documents added or updated, stamped now (see `changes_since`)."""
        now = _now()
        with self._connect() as db:
            db.executemany(
                "INSERT INTO document_changes VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (c.doc_id, c.change, c.title, c.publisher, c.published, c.added_by, now)
                    for c in changes
                ],
            )

    def changes_since(self, since: str) -> list[DocumentChange]:
        """Documents added or updated after `since` (UTC ISO time), each once (its latest
        change), newest first."""
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            rows = db.execute(
                "SELECT * FROM document_changes WHERE at > ? ORDER BY at DESC", (since,)
            ).fetchall()
        latest: dict[str, DocumentChange] = {}
        for row in rows:
            latest.setdefault(row["doc_id"], DocumentChange(**dict(row)))
        return list(latest.values())

    def last_digest_at(self, channel: str, before: date) -> str | None:
        """When the channel's last digest before `before` was sent (UTC ISO time)."""
        with self._connect() as db:
            row = db.execute(
                "SELECT MAX(updated_at) FROM digest_sent WHERE channel = ? AND day < ? "
                "AND status = 'sent'",
                (channel, before.isoformat()),
            ).fetchone()
        return row[0] if row and row[0] else None

    def last_digest(self, channel: str, before: date) -> date | None:
        with self._connect() as db:
            row = db.execute(
                "SELECT MAX(day) FROM digest_sent WHERE channel = ? AND day < ? "
                "AND status = 'sent'",
                (channel, before.isoformat()),
            ).fetchone()
        return date.fromisoformat(row[0]) if row and row[0] else None

    # Privacy -------------------------------------------------------------------------

    def forget_user(self, user_id: str) -> dict[str, int]:
        """Drop a person's name from the deadlines they added or dismissed and the digests
        they subscribed to; the deadlines and subscriptions themselves stay."""
        changed: dict[str, int] = {}
        with self._connect() as db:
            for table, column in (
                ("deadlines", "added_by"),
                ("deadline_dismissed", "dismissed_by"),
                ("digest_subscriptions", "subscribed_by"),
                ("document_changes", "added_by"),
            ):
                changed[table] = db.execute(
                    f"UPDATE {table} SET {column} = NULL WHERE {column} = ?", (user_id,)
                ).rowcount
        return changed
