"""Golden pairs of ``induction.rules.context_bound``: split parts / scopes in, bound / pins out."""

from typing import Any

import pytest

from induction.rules.context_bound import binds, pins

BINDS = [
    ([(1, 2)], True),  # one message, two answers: "can I afford it?" Yes / No under two budgets
    ([(2, 2), (1, 1)], False),
    ([(3, 1), (1, 3)], True),
    ([], False),
]


@pytest.mark.parametrize(("parts", "expected"), BINDS)
def test_binds(parts: list[tuple[int, int]], expected: bool) -> None:
    assert binds(parts) is expected


PINS = [
    (([{"budget": 800, "item": "laptop"}, {"budget": 800, "item": "phone"}], frozenset()), {"budget": 800}),
    (([{"budget": 800}, {"budget": 900}], frozenset()), {}),
    (([{"name": "Erik"}, {"name": "Erik"}], frozenset({"name"})), {}),  # declared: the user says it varies
    (([{"n": 1250.0}, {"n": 1250.0}], frozenset()), {"n": 1250.0}),
]


@pytest.mark.parametrize(("args", "expected"), PINS)
def test_pins(args: tuple[list[dict[str, Any]], frozenset[str]], expected: dict[str, Any]) -> None:
    assert pins(*args) == expected


GOLDEN = BINDS + PINS
