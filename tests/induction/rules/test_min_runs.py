"""Golden pairs of ``induction.rules.min_runs``: calls seen in, status out; declared values in, trace out."""

from typing import Any

import pytest

from induction.rules.min_runs import traced, verdict

VERDICT = [
    ((1, 2, False), ("staged", "[rule: min-runs] answer seen in 1 call(s); needs 2 to go live")),
    ((2, 2, False), ("live", "answer induced from 2 calls")),
    ((1, 2, True), ("live", "answer from 1 call(s) with user-declared bindings")),
    ((2, 3, False), ("staged", "[rule: min-runs] answer seen in 2 call(s); needs 3 to go live")),
]


@pytest.mark.parametrize(("args", "expected"), VERDICT)
def test_verdict(args: tuple[int, int, bool], expected: tuple[str, str]) -> None:
    answers, min_runs, declared = args
    assert verdict(answers, min_runs=min_runs, declared=declared) == expected


TRACED = [
    (("Erik Dunteman", ['lookup {"first": "Erik"}']), True),  # a piece of it
    (("erik", ["Hello, Erik!"]), True),  # another case
    (("1234", ["INV1234 paid"]), True),  # inside a longer word
    (("Bo", ["Hi!"]), False),
    ((True, ["True"]), False),
]


@pytest.mark.parametrize(("args", "expected"), TRACED)
def test_traced(args: tuple[Any, list[str]], expected: bool) -> None:
    assert traced(*args) is expected


GOLDEN = VERDICT + TRACED
