"""The state's tables, as SQLAlchemy Core sees them (the migrations in
`bot/services/alembic/versions` create them; this is what the stores write through).

Times are UTC ISO strings (as `datetime.isoformat` writes them), so they compare in
order and read the same on SQLite and PostgreSQL. Answers and thread turns are ordered by
when they were stored: SQLite's implicit `rowid`, which the PostgreSQL migration makes an
explicit identity column of the same name (`INSERTION_ORDER`).
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = ["metadata", "INSERTION_ORDER"]

metadata = sa.MetaData()
INSERTION_ORDER = sa.literal_column("rowid")


def _text(name: str, **kwargs) -> sa.Column:
    return sa.Column(name, sa.Text, **kwargs)


# State ---------------------------------------------------------------------------------

answers = sa.Table(
    "answers",
    metadata,
    _text("id", primary_key=True),
    _text("question", nullable=False),
    _text("answer", nullable=False),
    _text("mode", nullable=False),
    _text("payload", nullable=False),
    _text("conversation"),
    _text("user_id"),
    _text("created_at", nullable=False),
)
feedback = sa.Table(
    "feedback",
    metadata,
    _text("answer_id", primary_key=True),
    _text("user_id", primary_key=True),
    sa.Column("rating", sa.Integer, nullable=False),
    _text("question", nullable=False),
    _text("answer", nullable=False),
    _text("source", nullable=False),
    _text("created_at", nullable=False),
    _text("comment"),
)
conversation_areas = sa.Table(
    "conversation_areas",
    metadata,
    _text("conversation", primary_key=True),
    _text("area", nullable=False),
    _text("set_by"),
    _text("set_at", nullable=False),
)
thread_turns = sa.Table(
    "thread_turns",
    metadata,
    _text("thread", nullable=False),
    _text("question", nullable=False),
    _text("created_at", nullable=False),
    _text("user_id"),
)
handled_events = sa.Table(
    "handled_events",
    metadata,
    _text("event_id", primary_key=True),
    _text("seen_at", nullable=False),
)
message_answers = sa.Table(
    "message_answers",
    metadata,
    _text("conversation", primary_key=True),
    _text("message_id", primary_key=True),
    _text("answer_id", nullable=False),
)
conversation_references = sa.Table(
    "conversation_references",
    metadata,
    _text("conversation", primary_key=True),
    _text("reference", nullable=False),
    _text("updated_at", nullable=False),
)
audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _text("at", nullable=False),
    _text("user_id"),
    _text("action", nullable=False),
    _text("target"),
    _text("result", nullable=False),
    sqlite_autoincrement=True,
)
used_signatures = sa.Table(
    "used_signatures",
    metadata,
    _text("signature", primary_key=True),
    sa.Column("expires_at", sa.Float, nullable=False),
)
pending_uploads = sa.Table(
    "pending_uploads",
    metadata,
    _text("file_id", primary_key=True),
    _text("name", nullable=False),
    _text("path", nullable=False),  # "" once the bytes are in `data` (any machine reads them)
    _text("title"),
    _text("published"),
    _text("user_id"),
    _text("created_at", nullable=False),
    sa.Column("data", sa.LargeBinary),
)
# Files admins added from chat, kept so `admin reingest` can read them again on any machine.
uploads = sa.Table(
    "uploads",
    metadata,
    _text("doc_id", primary_key=True),
    _text("name", nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    _text("metadata", nullable=False),  # JSON: title, publisher, published
    _text("added_by"),
    _text("created_at", nullable=False),
)
gaps_notes = sa.Table(
    "gaps_notes",
    metadata,
    _text("admin", primary_key=True),
    _text("week", primary_key=True),
    _text("status", nullable=False),
    _text("updated_at", nullable=False),
)

# Deadlines and the digest ----------------------------------------------------------------

deadlines = sa.Table(
    "deadlines",
    metadata,
    _text("id", primary_key=True),
    _text("title", nullable=False),
    _text("due", nullable=False),
    _text("kind", nullable=False),
    _text("area"),
    _text("url"),
    _text("source", nullable=False),
    _text("doc_id"),
    _text("doc_title"),
    sa.Column("page", sa.Integer),
    _text("quote"),
    _text("added_by"),
    _text("created_at", nullable=False),
    _text("precision"),
)
deadline_sources = sa.Table(
    "deadline_sources",
    metadata,
    _text("doc_id", primary_key=True),
    _text("content_hash", nullable=False),
)
deadline_replaces = sa.Table(
    "deadline_replaces",
    metadata,
    _text("curated_id", nullable=False),
    _text("replaced_id", nullable=False),
)
deadline_dismissed = sa.Table(
    "deadline_dismissed",
    metadata,
    _text("id", primary_key=True),
    _text("dismissed_by"),
    _text("dismissed_at", nullable=False),
)
digest_subscriptions = sa.Table(
    "digest_subscriptions",
    metadata,
    _text("channel", primary_key=True),
    sa.Column("always", sa.Integer, nullable=False),
    _text("subscribed_by"),
    _text("created_at", nullable=False),
)
document_changes = sa.Table(
    "document_changes",
    metadata,
    _text("doc_id", nullable=False),
    _text("change", nullable=False),
    _text("title", nullable=False),
    _text("publisher"),
    _text("published"),
    _text("added_by"),
    _text("at", nullable=False),
)
knowledge_synced = sa.Table("knowledge_synced", metadata, _text("at", nullable=False))
digest_sent = sa.Table(
    "digest_sent",
    metadata,
    _text("channel", primary_key=True),
    _text("day", primary_key=True),
    _text("status", nullable=False),
    _text("updated_at", nullable=False),
)
