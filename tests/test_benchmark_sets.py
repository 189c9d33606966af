"""The question sets mark each question formal or casual in a comment above it; the
per-set figures split recall by it (benchmarks/sets.py)."""

from __future__ import annotations

from benchmarks.sets import case_kinds

SET = """# Sealed set 1: a header comment that is neither
# formal
- id: a01
  question: "What are the four grand challenges?"
# casual
- id: a02
  question: "grand challanges list pls"
- id: "a03"
  question: "and another, still casual"
"""


def test_each_question_is_formal_or_casual_by_the_comment_above_it():
    assert case_kinds(SET) == {"a01": "formal", "a02": "casual", "a03": "casual"}


def test_a_set_that_marks_nothing_has_no_kinds():
    assert case_kinds('- id: b01\n  question: "what is a LEP?"\n') == {"b01": ""}
