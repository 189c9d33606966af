"""Columns added after their tables were first released: who asked each thread turn,
a comment with feedback, and how precise a deadline's date is.

Releases before Alembic added these with "ALTER TABLE ... ADD COLUMN" when missing, so a
file they made may have some of them already: each is added only if it is not there.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ADDED = (("thread_turns", "user_id"), ("feedback", "comment"), ("deadlines", "precision"))


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    for table, column in ADDED:
        if column not in {c["name"] for c in inspector.get_columns(table)}:
            op.add_column(table, sa.Column(column, sa.Text))
