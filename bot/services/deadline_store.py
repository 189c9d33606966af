"""Deadlines and digest records, in the state database beside the rest of the state.

Which extracted deadlines came from which version of a document, the curated and admin
entries, which channels want the digest, and which digests were sent: the last is keyed by
channel and day and written *before* posting, so two schedulers, a restart, or `clock`
processes on two machines sharing PostgreSQL can never post the same channel twice in a
day (one unique insert decides).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa

from bot.engine.text import terms
from bot.errors import LisError
from bot.services import schema as t
from bot.services.deadlines import Deadline, DocumentChange
from bot.services.state import StateTables

__all__ = ["DeadlineStore", "CuratedDeadlineError"]


class CuratedDeadlineError(LisError, ValueError):
    """Curated deadlines are removed by editing knowledge/deadlines.yaml, not from Slack."""


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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _row(deadline: Deadline) -> dict:
    values = {name: getattr(deadline, name) for name in _COLUMNS}
    values["due"] = deadline.due.isoformat()
    return {**values, "created_at": _now()}


def _deadline(row) -> Deadline:
    values = dict(row._mapping)
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


class DeadlineStore(StateTables):
    # Deadlines -----------------------------------------------------------------------

    def deadline_sources(self) -> dict[str, str]:
        c = t.deadline_sources.c
        with self._connect() as db:
            return dict(db.execute(sa.select(c.doc_id, c.content_hash)).all())

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
        d, s = t.deadlines.c, t.deadline_sources.c
        with self._connect() as db:
            for doc_id, (content_hash, deadlines) in documents.items():
                db.execute(
                    sa.delete(t.deadlines).where(d.source == "extracted", d.doc_id == doc_id)
                )
                db.execute(sa.delete(t.deadline_sources).where(s.doc_id == doc_id))
                self._put(db, [_row(deadline) for deadline in deadlines])
                if content_hash:  # an upsert: another process may be refreshing too
                    self._upsert(db, t.deadline_sources, doc_id=doc_id, content_hash=content_hash)

    def _put(self, db, rows: list[dict]) -> None:
        """Insert deadlines, each replacing any stored under its id."""
        if not rows:
            return
        insert = self._insert(t.deadlines)
        changed = {name: insert.excluded[name] for name in rows[0] if name != "id"}
        db.execute(insert.on_conflict_do_update(index_elements=["id"], set_=changed), rows)

    def replace_curated(self, curated: list[tuple[Deadline, list[str]]]) -> None:
        with self._connect() as db:
            db.execute(sa.delete(t.deadlines).where(t.deadlines.c.source == "curated"))
            db.execute(sa.delete(t.deadline_replaces))
            self._put(db, [_row(d) for d, _ in curated])
            replaces = [
                {"curated_id": d.id, "replaced_id": r} for d, replaced in curated for r in replaced
            ]
            if replaces:
                db.execute(t.deadline_replaces.insert(), replaces)

    def add(self, deadline: Deadline) -> None:
        with self._connect() as db:
            self._put(db, [_row(deadline)])

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
                db.execute(sa.delete(t.deadlines).where(t.deadlines.c.id == deadline_id))
            else:
                self._upsert(
                    db, t.deadline_dismissed, id=deadline_id, dismissed_by=by, dismissed_at=_now()
                )
        return found

    def get(self, deadline_id: str) -> Deadline | None:
        with self._connect() as db:
            row = db.execute(sa.select(t.deadlines).where(t.deadlines.c.id == deadline_id)).first()
        return _deadline(row) if row else None

    def between(self, start: date, end: date) -> list[Deadline]:
        """Deadlines due from `start` to `end` inclusive, soonest first, overrides applied."""
        d = t.deadlines.alias("d")
        c = t.deadlines.alias("c")
        curated_same_day = sa.exists().where(
            c.c.source == "curated", c.c.doc_id == d.c.doc_id, c.c.due == d.c.due
        )
        replaced = d.c.id.in_(sa.select(t.deadline_replaces.c.replaced_id))
        query = (
            sa.select(d)
            .where(
                d.c.due.between(start.isoformat(), end.isoformat()),
                d.c.id.not_in(sa.select(t.deadline_dismissed.c.id)),
                sa.not_(sa.and_(d.c.source == "extracted", sa.or_(replaced, curated_same_day))),
            )
            .order_by(d.c.due, d.c.title)
        )
        with self._connect() as db:
            rows = db.execute(query).all()
        return _without_repeats([_deadline(row) for row in rows])

    # Digest --------------------------------------------------------------------------

    def subscribe(self, channel: str, always: bool, by: str | None) -> None:
        with self._connect() as db:
            self._upsert(
                db,
                t.digest_subscriptions,
                channel=channel,
                always=int(always),
                subscribed_by=by,
                created_at=_now(),
            )

    def unsubscribe(self, channel: str) -> bool:
        s = t.digest_subscriptions
        with self._connect() as db:
            return db.execute(sa.delete(s).where(s.c.channel == channel)).rowcount > 0

    def subscriptions(self) -> dict[str, bool]:
        """channel -> whether it wants the digest even when nothing is due."""
        s = t.digest_subscriptions.c
        with self._connect() as db:
            return {c: bool(a) for c, a in db.execute(sa.select(s.channel, s.always))}

    def claim_digest(self, channel: str, day: date) -> bool:
        """Reserve today's digest for a channel; False if it was already sent or claimed
        (by this process or any other sharing the database)."""
        with self._connect() as db:
            return self._first(
                db,
                t.digest_sent,
                channel=channel,
                day=day.isoformat(),
                status="claimed",
                updated_at=_now(),
            )

    def mark_digest(self, channel: str, day: date, sent: bool) -> None:
        """Record the outcome; a failed post releases the claim so a later run may retry."""
        s = t.digest_sent
        this = sa.and_(s.c.channel == channel, s.c.day == day.isoformat())
        with self._connect() as db:
            if sent:
                db.execute(sa.update(s).where(this).values(status="sent", updated_at=_now()))
            else:
                db.execute(sa.delete(s).where(this))

    def first_sync(self) -> bool:
        """True the first time it is asked: the knowledge base as installed is not news."""
        with self._connect() as db:
            if db.execute(sa.select(t.knowledge_synced.c.at).limit(1)).first():
                return False
            db.execute(t.knowledge_synced.insert().values(at=_now()))
            return True

    def record_changes(self, changes: list[DocumentChange]) -> None:
        """Note documents added or updated, stamped now (see `changes_since`)."""
        if not changes:
            return
        now = _now()
        rows = [
            {
                "doc_id": c.doc_id,
                "change": c.change,
                "title": c.title,
                "publisher": c.publisher,
                "published": c.published,
                "added_by": c.added_by,
                "at": now,
            }
            for c in changes
        ]
        with self._connect() as db:
            db.execute(t.document_changes.insert(), rows)

    def changes_since(self, since: str) -> list[DocumentChange]:
        """Documents added or updated after `since` (UTC ISO time), each once (its latest
        change), newest first."""
        c = t.document_changes.c
        with self._connect() as db:
            rows = db.execute(
                sa.select(t.document_changes).where(c.at > since).order_by(c.at.desc())
            ).all()
        latest: dict[str, DocumentChange] = {}
        for row in rows:
            latest.setdefault(row.doc_id, DocumentChange(**row._mapping))
        return list(latest.values())

    def last_digest_at(self, channel: str, before: date) -> str | None:
        """When the channel's last digest before `before` was sent (UTC ISO time)."""
        return self._last_sent(t.digest_sent.c.updated_at, channel, before)

    def last_digest(self, channel: str, before: date) -> date | None:
        day = self._last_sent(t.digest_sent.c.day, channel, before)
        return date.fromisoformat(day) if day else None

    def _last_sent(self, column, channel: str, before: date) -> str | None:
        s = t.digest_sent.c
        with self._connect() as db:
            return db.scalar(
                sa.select(sa.func.max(column)).where(
                    s.channel == channel, s.day < before.isoformat(), s.status == "sent"
                )
            )

    # Privacy -------------------------------------------------------------------------

    def forget_user(self, user_id: str) -> dict[str, int]:
        """Drop a person's name from the deadlines they added or dismissed and the digests
        they subscribed to; the deadlines and subscriptions themselves stay."""
        changed: dict[str, int] = {}
        with self._connect() as db:
            for table, column in (
                (t.deadlines, "added_by"),
                (t.deadline_dismissed, "dismissed_by"),
                (t.digest_subscriptions, "subscribed_by"),
                (t.document_changes, "added_by"),
            ):
                changed[table.name] = db.execute(
                    sa.update(table).where(table.c[column] == user_id).values({column: None})
                ).rowcount
        return changed
