"""Sending what the scheduler posts (the daily digest, the weekly gaps note): a failed
send is retried with a growing pause, logged, and reported, never raised, so one
recipient's failure never stops the others. A sender raises `PermanentSendError` when
retrying cannot help (a channel that is gone, a revoked token)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from bot.errors import PermanentSendError

__all__ = ["deliver"]

log = logging.getLogger(__name__)


def deliver(
    send: Callable[[str, object], object],
    recipient: str,
    message: object,
    what: str,
    attempts: int = 3,
    pause: float = 1.0,
) -> bool:
    """Send `message` to `recipient`, retrying; True once it went. `what` names it in the
    log ("digest to C123", "gaps note to an admin")."""
    for attempt in range(1, attempts + 1):
        try:
            send(recipient, message)
            return True
        except Exception as error:  # one recipient's failure must not stop the others
            log.warning("%s failed (attempt %d of %d): %s", what, attempt, attempts, error)
            if isinstance(error, PermanentSendError) or attempt == attempts:
                log.error("giving up on the %s", what)
                return False
            time.sleep(pause * attempt)
    return False
