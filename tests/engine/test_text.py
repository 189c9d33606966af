"""The tokenizer that keyword search and answer scoring share."""

import pytest

from bot.engine.text import terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What are T levels?", ["t", "level"]),
        ("Our ICSs and the NHS's STPs", ["ic", "nhs", "stp"]),
        ("We don't know what it's for", []),
    ],
)
def test_terms(text, expected):
    assert terms(text) == expected
