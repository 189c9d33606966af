"""Every error LIS Assistant raises on purpose, in one tree.

    LisError                      (ingest.errors) something refused or impossible; the
    │                             message is written for people and safe to show them
    ├── IngestError               a document could not be read, fetched or stored
    ├── DataFileError             a curated YAML file is missing or malformed (file, line)
    ├── UnknownEmbedderError      EMBEDDINGS names no embedder
    ├── StoreUnavailableError     no knowledge store (unusable directory, no Chroma server)
    │   └── StoreWriteError       a store write failed part-way
    ├── EmbedderMismatchError     the store was built with another embedding model
    ├── UsageError                asked for something that cannot be done as asked
    │   ├── QuestionError         the question itself: empty or too long
    │   └── StoreInUseError       another process (a server) has the embedded store
    ├── ConfigurationError        a setting this needs is missing
    ├── PromptError               a prompt template is missing or uses the wrong variables
    ├── StateError                the state database cannot be opened or written
    ├── CuratedDeadlineError      a curated deadline can only be removed from its file
    ├── GenerationError           the language model failed; the caller falls back
    ├── NoAnswer                  the model says the passages do not answer
    └── PermanentSendError        a chat platform refused a message for good (no retry)

The command line reports any `LisError` in one line; anything else is a bug and shows
its traceback. Each class lives with the code that raises it; the ones without a better
home are here (or, when `ingest` raises them too, in `ingest.errors`).
"""

from ingest.errors import ConfigurationError, LisError

__all__ = [
    "LisError",
    "UsageError",
    "ConfigurationError",
    "PermanentSendError",
]


class UsageError(LisError, ValueError):
    """The person asked for something that cannot be done as asked; the message says how."""


class PermanentSendError(LisError):
    """A chat platform refused a message in a way retrying cannot fix (no such channel,
    bot removed, token revoked)."""
