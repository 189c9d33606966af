"""Numbered migrations, each applied once (Alembic records the revision reached)."""
