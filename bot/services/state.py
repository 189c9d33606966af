"""The assistant's own state: what front ends remember, shared by every process.

Answers given (so a "Share" or feedback click can find them again), feedback, each
conversation's default area, the questions asked in each thread (for follow-ups), the ids
of events already handled (Slack re-sends events it thinks timed out), request signatures
already used, the admin audit log. The knowledge itself lives in Chroma; nothing here is
needed to answer a question from scratch.

By default the state is an SQLite file in `LIS_DATA_DIR` (one machine); with
`DATABASE_URL` it is in PostgreSQL, shared by every `web` and `clock` process wherever
they run (`bot.services.database`). The statements are the same for both: SQLAlchemy Core,
and "first time?" questions answered by one `INSERT ... ON CONFLICT DO NOTHING` on a
unique key, so two processes racing on the same event, signature or digest cannot both
win. Each method is one short transaction, safe from the event loop and worker threads.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from bot.engine.answer import Answer
from bot.services import schema as t
from bot.services.database import PRUNE_KEY, SQLITE_FILENAME, Database, StateError
from bot.settings import Settings

__all__ = ["StateStore", "StateError", "StateTables", "AnswerToReview", "FORGOTTEN"]


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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class StateTables:
    """A store over the state database: an SQLite file path, a PostgreSQL URL, or an open
    `Database` (several stores share one)."""

    def __init__(self, location: Path | str | Database) -> None:
        self.database = Database.open(location)

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None when the state is in PostgreSQL."""
        return self.database.path

    @classmethod
    def in_data_dir(cls, data_dir: Path):
        return cls(Path(data_dir) / SQLITE_FILENAME)

    @classmethod
    def for_settings(cls, settings: Settings):
        """PostgreSQL when DATABASE_URL is set, else the SQLite file in LIS_DATA_DIR."""
        if settings.database_url:
            return cls(settings.database_url.get_secret_value())
        return cls.in_data_dir(settings.lis_data_dir)

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        with self.database.transaction() as db:
            yield db

    def _insert(self, table: sa.Table):
        return self.database.insert(table)

    def _first(self, db: Connection, table: sa.Table, **values) -> bool:
        """Insert a row unless its key is taken; True if this call inserted it."""
        insert = self._insert(table).values(**values).on_conflict_do_nothing()
        # RETURNING rather than rowcount, which psycopg reports as -1 here.
        return db.execute(insert.returning(*table.primary_key)).first() is not None

    def _upsert(self, db: Connection, table: sa.Table, **values) -> None:
        """Insert a row, or replace the non-key columns of the row with its key."""
        keys = [c.name for c in table.primary_key]
        insert = self._insert(table).values(**values)
        changed = {name: insert.excluded[name] for name in values if name not in keys}
        db.execute(insert.on_conflict_do_update(index_elements=keys, set_=changed))


class StateStore(StateTables):
    """Answers, feedback, conversation areas, thread history, handled events."""

    # Answers and feedback -----------------------------------------------------------

    def save_answer(
        self, answer: Answer, conversation: str | None = None, user_id: str | None = None
    ) -> str:
        answer_id = uuid.uuid4().hex[:16]
        with self._connect() as db:
            db.execute(
                t.answers.insert().values(
                    id=answer_id,
                    question=answer.question,
                    answer=answer.answer,
                    mode=answer.mode,
                    payload=json.dumps(answer.to_dict()),
                    conversation=conversation,
                    user_id=user_id,
                    created_at=_now(),
                )
            )
        return answer_id

    def answer(self, answer_id: str) -> dict | None:
        """The stored JSON form of an answer, or None."""
        with self._connect() as db:
            payload = db.scalar(sa.select(t.answers.c.payload).where(t.answers.c.id == answer_id))
        return json.loads(payload) if payload else None

    def record_feedback(
        self, answer_id: str, user_id: str, rating: int, source: str, comment: str | None = None
    ) -> bool:
        """Store a 👍 (1) or 👎 (-1) with the person's comment, if they wrote one; a second
        click by the same person replaces the first (keeping an earlier comment)."""
        stored = self.answer(answer_id)
        if stored is None:
            return False
        comment = (comment or "").strip()[:2000] or None
        insert = self._insert(t.feedback).values(
            answer_id=answer_id,
            user_id=user_id,
            rating=rating,
            question=stored["question"],
            answer=stored["answer"],
            source=source,
            created_at=_now(),
            comment=comment,
        )
        new = insert.excluded
        with self._connect() as db:
            db.execute(
                insert.on_conflict_do_update(
                    index_elements=["answer_id", "user_id"],
                    set_={
                        "rating": new.rating,
                        "source": new.source,
                        "created_at": new.created_at,
                        "comment": sa.func.coalesce(new.comment, t.feedback.c.comment),
                    },
                )
            )
        return True

    def last_answer(self, conversation: str, user_id: str) -> str | None:
        """The id of the latest answer given to `user_id` in `conversation`."""
        a = t.answers.c
        with self._connect() as db:
            return db.scalar(
                sa.select(a.id)
                .where(a.conversation == conversation, a.user_id == user_id)
                .order_by(a.created_at.desc(), t.INSERTION_ORDER.desc())
                .limit(1)
            )

    def feedback(self) -> list[dict]:
        with self._connect() as db:
            rows = db.execute(sa.select(t.feedback).order_by(t.feedback.c.created_at))
            return [dict(row._mapping) for row in rows]

    def answers_to_review(self, since: str) -> list[AnswerToReview]:
        """Answers given since `since` (UTC ISO time) that said "not covered", and answers
        rated 👎 since then, newest first, with every feedback comment left on them."""
        a, f = t.answers.c, t.feedback.c
        disliked = sa.select(f.answer_id).where(f.rating < 0, f.created_at >= since)
        chosen = sa.or_(sa.and_(a.mode == "no_answer", a.created_at >= since), a.id.in_(disliked))
        with self._connect() as db:
            rows = db.execute(
                sa.select(a.id, a.question, a.mode, a.payload, a.created_at)
                .where(chosen)
                .order_by(a.created_at.desc(), t.INSERTION_ORDER.desc())
            ).all()
            ratings: dict[str, list[tuple[int, str | None]]] = {}
            for answer_id, rating, comment in db.execute(
                sa.select(f.answer_id, f.rating, f.comment)
                .where(f.answer_id.in_(sa.select(a.id).where(chosen)))
                .order_by(f.created_at)
            ):
                ratings.setdefault(answer_id, []).append((rating, comment))
        return [_to_review(tuple(row), ratings.get(row[0], [])) for row in rows]

    # Conversations -------------------------------------------------------------------

    def set_area(self, conversation: str, area: str, set_by: str | None = None) -> None:
        with self._connect() as db:
            self._upsert(
                db,
                t.conversation_areas,
                conversation=conversation,
                area=area,
                set_by=set_by,
                set_at=_now(),
            )

    def area(self, conversation: str) -> str | None:
        c = t.conversation_areas.c
        with self._connect() as db:
            return db.scalar(sa.select(c.area).where(c.conversation == conversation))

    def add_turn(self, thread: str, question: str, user_id: str | None = None) -> None:
        with self._connect() as db:
            db.execute(
                t.thread_turns.insert().values(
                    thread=thread, question=question, created_at=_now(), user_id=user_id
                )
            )

    def thread_questions(self, thread: str, limit: int = 5) -> list[str]:
        """Earlier questions in a thread, oldest first (at most `limit`)."""
        c = t.thread_turns.c
        with self._connect() as db:
            rows = db.scalars(
                sa.select(c.question)
                .where(c.thread == thread)
                .order_by(t.INSERTION_ORDER.desc())
                .limit(limit)
            ).all()
        return list(reversed(rows))

    def link_message(self, conversation: str, message_id: str, answer_id: str) -> None:
        """Remember which answer a posted message carried (for feedback sent against it)."""
        with self._connect() as db:
            self._upsert(
                db,
                t.message_answers,
                conversation=conversation,
                message_id=message_id,
                answer_id=answer_id,
            )

    def answer_for_message(self, conversation: str, message_id: str) -> str | None:
        c = t.message_answers.c
        with self._connect() as db:
            return db.scalar(
                sa.select(c.answer_id).where(
                    c.conversation == conversation, c.message_id == message_id
                )
            )

    def remember_reference(self, conversation: str, reference: str) -> None:
        """A Teams conversation reference (JSON), for messages sent later (the digest)."""
        with self._connect() as db:
            self._upsert(
                db,
                t.conversation_references,
                conversation=conversation,
                reference=reference,
                updated_at=_now(),
            )

    def reference(self, conversation: str) -> str | None:
        c = t.conversation_references.c
        with self._connect() as db:
            return db.scalar(sa.select(c.reference).where(c.conversation == conversation))

    def first_time(self, event_id: str) -> bool:
        """True the first time an event id is seen, by any process; False for a
        re-delivery (one unique insert decides, however the processes race)."""
        with self._connect() as db:
            return self._first(db, t.handled_events, event_id=event_id, seen_at=_now())

    # Admin -------------------------------------------------------------------------

    def first_use(self, signature: str, expires_at: float) -> bool:
        """True the first time a request signature is presented; False for a replay.
        Signatures are forgotten once their request could no longer be accepted anyway
        (`expires_at`, seconds since the epoch)."""
        s = t.used_signatures.c
        with self._connect() as db:
            db.execute(sa.delete(t.used_signatures).where(s.expires_at < time.time()))
            return self._first(db, t.used_signatures, signature=signature, expires_at=expires_at)

    def audit(self, user: str | None, action: str, target: str | None, result: str) -> None:
        """Record an admin action (or a refused attempt): who, when, what, result."""
        with self._connect() as db:
            db.execute(
                t.audit_log.insert().values(
                    at=_now(), user_id=user, action=action, target=target, result=result
                )
            )

    def audit_entries(self, limit: int = 20) -> list[dict]:
        with self._connect() as db:
            rows = db.execute(sa.select(t.audit_log).order_by(t.audit_log.c.id.desc()).limit(limit))
            return [dict(row._mapping) for row in rows]

    def add_pending_upload(
        self,
        file_id: str,
        name: str,
        data: bytes,
        title: str | None,
        published: str | None,
        user: str | None,
    ) -> None:
        """Hold a shared file's bytes until an admin confirms it (on any machine)."""
        with self._connect() as db:
            self._upsert(
                db,
                t.pending_uploads,
                file_id=file_id,
                name=name,
                path="",
                title=title,
                published=published,
                user_id=user,
                created_at=_now(),
                data=data,
            )

    def pending_upload(self, file_id: str) -> dict | None:
        with self._connect() as db:
            row = db.execute(
                sa.select(t.pending_uploads).where(t.pending_uploads.c.file_id == file_id)
            ).first()
        return dict(row._mapping) if row else None

    def drop_pending_upload(self, file_id: str) -> None:
        with self._connect() as db:
            db.execute(sa.delete(t.pending_uploads).where(t.pending_uploads.c.file_id == file_id))

    def keep_upload(
        self, doc_id: str, name: str, data: bytes, metadata: dict, added_by: str | None
    ) -> None:
        """Keep a file an admin added, under its document id, for later reingests."""
        with self._connect() as db:
            self._upsert(
                db,
                t.uploads,
                doc_id=doc_id,
                name=name,
                data=data,
                metadata=json.dumps(metadata),
                added_by=added_by,
                created_at=_now(),
            )

    def uploads(self) -> list[dict]:
        """The files admins added: doc_id, name, data, metadata (a dict)."""
        with self._connect() as db:
            rows = db.execute(sa.select(t.uploads).order_by(t.uploads.c.name)).all()
        return [{**row._mapping, "metadata": json.loads(row.metadata)} for row in rows]

    def drop_upload(self, doc_id: str) -> None:
        with self._connect() as db:
            db.execute(sa.delete(t.uploads).where(t.uploads.c.doc_id == doc_id))

    # The weekly gaps note ------------------------------------------------------------

    def claim_gaps_note(self, admin: str, week: str) -> bool:
        """Reserve this week's gaps note for an admin; False if already sent or claimed."""
        with self._connect() as db:
            return self._first(
                db, t.gaps_notes, admin=admin, week=week, status="claimed", updated_at=_now()
            )

    def mark_gaps_note(self, admin: str, week: str, sent: bool) -> None:
        """Record the outcome; a failed post releases the claim so a later run may retry."""
        g = t.gaps_notes.c
        mine = sa.and_(g.admin == admin, g.week == week)
        with self._connect() as db:
            if sent:
                db.execute(
                    sa.update(t.gaps_notes).where(mine).values(status="sent", updated_at=_now())
                )
            else:
                db.execute(sa.delete(t.gaps_notes).where(mine))

    # Privacy -------------------------------------------------------------------------

    def forget_user(self, user_id: str) -> dict[str, int]:
        """Delete what one person asked and rated; keep admin actions without their name.

        Their answers (with the question text), thread history, feedback and pending
        uploads go, as does feedback others gave on their answers (it copies the question).
        Audit entries keep the action but the user becomes FORGOTTEN; a stored Teams
        conversation reference loses its user; an admin's record of weekly gaps notes
        goes; files they added stay in the knowledge base without their name. Returns rows
        changed per table.
        """
        a, f, m = t.answers.c, t.feedback.c, t.message_answers.c
        mine = sa.select(a.id).where(a.user_id == user_id)
        changed: dict[str, int] = {}
        with self._connect() as db:

            def run(statement) -> int:
                return db.execute(statement).rowcount

            changed["feedback"] = run(
                sa.delete(t.feedback).where(sa.or_(f.user_id == user_id, f.answer_id.in_(mine)))
            )
            run(sa.delete(t.message_answers).where(m.answer_id.in_(mine)))
            changed["answers"] = run(sa.delete(t.answers).where(a.user_id == user_id))
            changed["thread_turns"] = run(
                sa.delete(t.thread_turns).where(t.thread_turns.c.user_id == user_id)
            )
            areas = t.conversation_areas
            changed["conversation_areas"] = run(
                sa.update(areas).where(areas.c.set_by == user_id).values(set_by=None)
            )
            audit = t.audit_log
            changed["audit_log"] = run(
                sa.update(audit).where(audit.c.user_id == user_id).values(user_id=FORGOTTEN)
            )
            changed["pending_uploads"] = _drop_uploads(db, t.pending_uploads.c.user_id == user_id)
            uploads = t.uploads
            changed["uploads"] = run(
                sa.update(uploads).where(uploads.c.added_by == user_id).values(added_by=None)
            )
            changed["conversation_references"] = _scrub_references(db, user_id)
            changed["gaps_notes"] = run(
                sa.delete(t.gaps_notes).where(t.gaps_notes.c.admin == user_id)
            )
        return changed

    def checkpoint(self) -> None:
        """SQLite: copy the write-ahead log into the database and empty it, so what was
        deleted is gone from both files (best effort while other processes are reading).
        PostgreSQL reclaims deleted rows itself (autovacuum)."""
        if self.database.postgresql:
            return
        with self._connect() as db:
            db.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def prune(self, now: datetime, retention_days: int, audit_days: int) -> dict[str, int]:
        """Delete questions, answers, feedback, history and the record of which admin got
        which weekly gaps note older than `retention_days`, audit entries older than
        `audit_days`, and uploads never confirmed within a day.

        One process prunes at a time: on PostgreSQL, a process that finds another one
        pruning skips (and returns nothing deleted) rather than queue behind it."""
        cutoff = (now - timedelta(days=retention_days)).isoformat(timespec="seconds")
        audit_cutoff = (now - timedelta(days=audit_days)).isoformat(timespec="seconds")
        upload_cutoff = (now - timedelta(days=1)).isoformat(timespec="seconds")
        changed: dict[str, int] = {}
        with self._connect() as db:
            if not self.database.try_transaction_lock(db, PRUNE_KEY):
                return changed
            old = sa.select(t.answers.c.id).where(t.answers.c.created_at < cutoff)
            db.execute(sa.delete(t.message_answers).where(t.message_answers.c.answer_id.in_(old)))
            for table, column in (
                (t.answers, "created_at"),
                (t.feedback, "created_at"),
                (t.thread_turns, "created_at"),
                (t.handled_events, "seen_at"),
                (t.gaps_notes, "updated_at"),
            ):
                changed[table.name] = db.execute(
                    sa.delete(table).where(table.c[column] < cutoff)
                ).rowcount
            changed["audit_log"] = db.execute(
                sa.delete(t.audit_log).where(t.audit_log.c.at < audit_cutoff)
            ).rowcount
            changed["pending_uploads"] = _drop_uploads(
                db, t.pending_uploads.c.created_at < upload_cutoff
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


def _drop_uploads(db: Connection, chosen) -> int:
    """Delete the pending uploads `chosen` (a condition), their files included."""
    u = t.pending_uploads.c
    rows = db.execute(sa.select(u.file_id, u.path).where(chosen)).all()
    for file_id, path in rows:
        if path:  # held on disk by a release before uploads moved into the database
            Path(path).unlink(missing_ok=True)
        db.execute(sa.delete(t.pending_uploads).where(u.file_id == file_id))
    return len(rows)


def _scrub_references(db: Connection, user_id: str) -> int:
    """Remove a person from stored Teams conversation references (the digest needs only
    the conversation, not who started it)."""
    r = t.conversation_references.c
    scrubbed = 0
    for conversation, reference in db.execute(sa.select(r.conversation, r.reference)).all():
        data = json.loads(reference)
        if (data.get("user") or {}).get("id") == user_id:
            data.pop("user")
            db.execute(
                sa.update(t.conversation_references)
                .where(r.conversation == conversation)
                .values(reference=json.dumps(data))
            )
            scrubbed += 1
    return scrubbed
