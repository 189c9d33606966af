"""The tables as first released, before Alembic.

Files made by those releases already have them, so every table and index is created only
if it is missing: such a file passes through this revision unchanged and is then stamped.
On PostgreSQL, answers and thread turns get an explicit `rowid` identity column, the
insertion order SQLite keeps implicitly (see `bot.services.schema.INSERTION_ORDER`).

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _text(name, **kwargs):
    return sa.Column(name, sa.Text, **kwargs)


def _rowid():
    """PostgreSQL only: the insertion order SQLite gives every table as `rowid`."""
    if op.get_bind().dialect.name != "postgresql":
        return []
    return [sa.Column("rowid", sa.BigInteger, sa.Identity(always=True), nullable=False)]


def _table(name, *columns, **kwargs):
    op.create_table(name, *columns, if_not_exists=True, **kwargs)


def upgrade() -> None:
    _table(
        "answers",
        _text("id", primary_key=True),
        _text("question", nullable=False),
        _text("answer", nullable=False),
        _text("mode", nullable=False),
        _text("payload", nullable=False),
        _text("conversation"),
        _text("user_id"),
        _text("created_at", nullable=False),
        *_rowid(),
    )
    _table(
        "feedback",
        _text("answer_id", primary_key=True),
        _text("user_id", primary_key=True),
        sa.Column("rating", sa.Integer, nullable=False),
        _text("question", nullable=False),
        _text("answer", nullable=False),
        _text("source", nullable=False),
        _text("created_at", nullable=False),
    )
    _table(
        "conversation_areas",
        _text("conversation", primary_key=True),
        _text("area", nullable=False),
        _text("set_by"),
        _text("set_at", nullable=False),
    )
    _table(
        "thread_turns",
        _text("thread", nullable=False),
        _text("question", nullable=False),
        _text("created_at", nullable=False),
        *_rowid(),
    )
    op.create_index("thread_turns_thread", "thread_turns", ["thread"], if_not_exists=True)
    _table("handled_events", _text("event_id", primary_key=True), _text("seen_at", nullable=False))
    _table(
        "message_answers",
        _text("conversation", primary_key=True),
        _text("message_id", primary_key=True),
        _text("answer_id", nullable=False),
    )
    _table(
        "conversation_references",
        _text("conversation", primary_key=True),
        _text("reference", nullable=False),
        _text("updated_at", nullable=False),
    )
    _table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _text("at", nullable=False),
        _text("user_id"),
        _text("action", nullable=False),
        _text("target"),
        _text("result", nullable=False),
        sqlite_autoincrement=True,
    )
    _table(
        "used_signatures",
        _text("signature", primary_key=True),
        sa.Column("expires_at", sa.Float, nullable=False),
    )
    _table(
        "pending_uploads",
        _text("file_id", primary_key=True),
        _text("name", nullable=False),
        _text("path", nullable=False),
        _text("title"),
        _text("published"),
        _text("user_id"),
        _text("created_at", nullable=False),
    )
    _table(
        "gaps_notes",
        _text("admin", primary_key=True),
        _text("week", primary_key=True),
        _text("status", nullable=False),
        _text("updated_at", nullable=False),
    )
    _deadline_tables()


def _deadline_tables() -> None:
    _table(
        "deadlines",
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
    )
    op.create_index("deadlines_due", "deadlines", ["due"], if_not_exists=True)
    _table(
        "deadline_sources",
        _text("doc_id", primary_key=True),
        _text("content_hash", nullable=False),
    )
    _table(
        "deadline_replaces",
        _text("curated_id", nullable=False),
        _text("replaced_id", nullable=False),
    )
    _table(
        "deadline_dismissed",
        _text("id", primary_key=True),
        _text("dismissed_by"),
        _text("dismissed_at", nullable=False),
    )
    _table(
        "digest_subscriptions",
        _text("channel", primary_key=True),
        sa.Column("always", sa.Integer, nullable=False),
        _text("subscribed_by"),
        _text("created_at", nullable=False),
    )
    _table(
        "document_changes",
        _text("doc_id", nullable=False),
        _text("change", nullable=False),
        _text("title", nullable=False),
        _text("publisher"),
        _text("published"),
        _text("added_by"),
        _text("at", nullable=False),
    )
    op.create_index("document_changes_at", "document_changes", ["at"], if_not_exists=True)
    _table("knowledge_synced", _text("at", nullable=False))
    _table(
        "digest_sent",
        _text("channel", primary_key=True),
        _text("day", primary_key=True),
        _text("status", nullable=False),
        _text("updated_at", nullable=False),
    )
