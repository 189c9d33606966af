"""Alembic migrations of the state database (run by `bot.services.database` at start-up)."""
