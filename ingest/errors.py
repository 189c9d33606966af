"""The root of every error LIS Assistant raises on purpose, and the one ingestion raises
for a document it cannot take.

`LisError` lives here, in the lowest layer, because `ingest` never imports `bot`; the
whole tree is drawn in `bot/errors.py`. An `IngestError`'s message is written for the
person who asked for the ingest ("not a readable PDF", "unreachable: ..."), so front ends
can show it as it is.
"""

__all__ = ["LisError", "IngestError", "ConfigurationError"]


class LisError(Exception):
    """Something LIS Assistant refuses or cannot do; the message says why, for people."""


class IngestError(LisError):
    """A document could not be read, fetched or stored; the message says why."""


class ConfigurationError(LisError):
    """A setting this needs is missing or wrong; the message names it."""
