"""Alembic's environment: run programmatically on a connection `Database.migrate` passes.

There is no alembic.ini; the connection and the tables come in `config.attributes`. Batch
mode lets a migration alter an SQLite table (SQLite rebuilds the table to do it).
"""

from alembic import context

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=config.attributes.get("metadata"),
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
