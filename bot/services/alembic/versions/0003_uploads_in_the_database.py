"""Uploads in the database: the bytes of a file waiting for an admin's confirmation, and
the files admins added, so whichever machine handles the next step (the confirmation, a
reingest) can read them. Before, they lived in one machine's LIS_DATA_DIR.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    if "data" not in {c["name"] for c in inspector.get_columns("pending_uploads")}:
        op.add_column("pending_uploads", sa.Column("data", sa.LargeBinary))
    if not inspector.has_table("uploads"):
        op.create_table(
            "uploads",
            sa.Column("doc_id", sa.Text, primary_key=True),
            sa.Column("name", sa.Text, nullable=False),
            sa.Column("data", sa.LargeBinary, nullable=False),
            sa.Column("metadata", sa.Text, nullable=False),
            sa.Column("added_by", sa.Text),
            sa.Column("created_at", sa.Text, nullable=False),
        )
