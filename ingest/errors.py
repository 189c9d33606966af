"""The one exception ingestion raises for a document it cannot take.

Its message is written for the person who asked for the ingest ("not a readable PDF",
"unreachable: ..."), so front ends can show it as it is.
"""


class IngestError(Exception):
    """A document could not be read, fetched or stored; the message says why."""
