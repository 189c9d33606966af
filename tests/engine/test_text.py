"""The tokenizer that keyword search and answer scoring share."""

import pytest

from bot.engine.text import terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What are T levels?", ["t", "level"]),
        ("Our ICSs and the NHS's STPs", ["ic", "nhs", "stp"]),
        ("We don't know what it's for", []),
        # Typed with or without the hyphen, as word or digits: the same terms.
        ("ultra-low emission", ["ultra", "low", "emiss"]),
        ("the 1st meeting of five", ["1st", "meet", "5"]),
        ("the first meeting of 5", ["1st", "meet", "5"]),
    ],
)
def test_terms(text, expected):
    assert terms(text) == expected
