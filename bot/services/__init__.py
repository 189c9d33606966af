"""What runs around the engine: state (SQLite), privacy, deadlines and the digest, the
scheduler, admin ingest and the jobs they share. No chat SDK: messages leave through a
sender that the front ends provide."""

__all__: list[str] = []
