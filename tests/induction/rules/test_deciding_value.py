"""Golden pairs of ``induction.rules.deciding_value``: values and answers per member in, the branch out."""

from typing import Any

import pytest

from induction.rules.deciding_value import deciding

OK, ALERT = {b"ok"}, {b"alert"}

GOLDEN = [
    (({"state": ["up", "down", "up"], "id": ["7", "8", "9"]}, [OK, ALERT, OK]), "state"),
    (({"id": ["7", "8"]}, [OK, ALERT]), None),  # no value seen twice: too thin
    (({"state": ["up", "up"]}, [OK, ALERT]), None),  # the same value answered two ways
    (({"a": ["x", "y", "x"], "b": ["p", "q", "p"]}, [OK, ALERT, OK]), None),  # two candidates: no one branch
    (({"state": ["up", "up", "up"]}, [OK, OK, OK]), None),  # one answer: nothing to decide
]


@pytest.mark.parametrize(("args", "expected"), GOLDEN)
def test_golden(args: tuple[dict[str, list[Any]], list[set[bytes]]], expected: str | None) -> None:
    assert deciding(*args) == expected
