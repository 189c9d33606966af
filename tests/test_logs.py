"""Secrets stay out of the log, even when an exception quotes one."""

from __future__ import annotations

import logging

from bot.logs import MASK, configure_logging
from bot.settings import get_settings

TOKEN = "xoxb-2222-secret-bot-token"
KEY = "sk-proj-test-openai-key"


def test_secret_settings_are_masked_in_messages_and_tracebacks(caplog):
    configure_logging(True, get_settings(slack_bot_token=TOKEN, openai_api_key=KEY))
    log = logging.getLogger("bot.example")
    try:
        raise RuntimeError(f"401 from https://slack.example.org/api?token={TOKEN}")
    except RuntimeError:
        log.exception("calling the model with %s failed", KEY)
    log.warning("answered in %d ms", 42)

    assert TOKEN not in caplog.text and KEY not in caplog.text
    assert f"calling the model with {MASK} failed" in caplog.text
    assert f"token={MASK}" in caplog.text  # the traceback is kept, masked
    assert "answered in 42 ms" in caplog.text  # ordinary messages are untouched
