"""Logging for the `lis` processes, with every configured secret masked.

Secrets are SecretStr in the settings, so printing the settings is safe; but a library's
exception or debug message can still quote a token (a URL with a key in it, a request's
headers). The filter masks the value of every secret setting in each record, traceback
included, before any handler writes it, however short the secret.
"""

from __future__ import annotations

import logging

from pydantic import SecretStr

from bot.settings import Settings

__all__ = ["configure_logging", "SecretsFilter", "MASK"]

MASK = "[redacted]"
QUIET = ("chromadb", "bm25s", "httpx", "urllib3", "wordllama")


class SecretsFilter(logging.Filter):
    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = self._mask(record.getMessage())
        if message != record.msg or record.args:
            record.msg, record.args = message, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._mask(record.exc_text)
        return True

    def _mask(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        return text


def secret_values(settings: Settings) -> list[str]:
    return [
        value.get_secret_value()
        for value in settings.__dict__.values()
        if isinstance(value, SecretStr)
    ]


def configure_logging(verbose: bool, settings: Settings | None = None) -> None:
    """Log to stderr (INFO with --verbose, else WARNING), masking `settings`' secrets."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    for noisy in QUIET:
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if settings is not None:
        secrets = SecretsFilter(secret_values(settings))
        for handler in logging.getLogger().handlers:
            handler.addFilter(secrets)
