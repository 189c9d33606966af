"""The root of every error LIS Assistant raises on purpose, and the one ingestion raises
for a document it cannot take.

`LisError` lives here, in the lowest layer, because `ingest` never imports `bot`; the
whole tree is drawn in `bot/errors.py`. An `IngestError`'s message is written for the
person who asked for the ingest ("not a readable PDF", "unreachable: ..."), so front ends
can show it as it is.
"""

__all__ = ["LisError", "IngestError", "ConfigurationError", "too_large"]


class LisError(Exception):
    """Something LIS Assistant refuses or cannot do; the message says why, for people."""


class IngestError(LisError):
    """A document could not be read, fetched or stored; the message says why."""


class ConfigurationError(LisError):
    """A setting this needs is missing or wrong; the message names it."""


def too_large(limit: int, size: int | None = None) -> IngestError:
    """The refusal for a file or download over the size cap, in the same words everywhere."""
    if size is None:
        return IngestError(f"too large (over the {_amount(limit)} limit)")
    return IngestError(f"too large ({_amount(size)}; the limit is {_amount(limit)})")


def _amount(size: int) -> str:
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1000} kB"
