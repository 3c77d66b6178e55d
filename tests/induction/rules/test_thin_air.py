"""Golden pairs of ``induction.rules.thin_air``: new values per member in, split or not out."""

from typing import Any

import pytest

from induction.rules.thin_air import why, worth_splitting

GOLDEN = [
    ([["NY"], ["NY"], ["OR"]], True),  # a value repeats: its answer can still be served
    ([["NY"], ["OR"], ["CO"]], False),  # every value once: parts would gain no answer
    ([["NY"], ["NY"]], False),  # one value: nothing to split
    ([["NY", 1], ["NY", 2], ["NY", 1]], True),
]


@pytest.mark.parametrize(("keys", "expected"), GOLDEN)
def test_golden(keys: list[list[Any]], expected: bool) -> None:
    assert worth_splitting(keys) is expected


def test_why() -> None:
    assert why("content", ["a", "b", "c", "d"]) == "[rule: thin-air] thin air: content (['a', 'b', 'c']…) is not derivable"
