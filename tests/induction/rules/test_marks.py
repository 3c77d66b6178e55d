"""Golden pairs of ``induction.rules.marks``: a gap's values in, mark or not out."""

from typing import Any

import pytest

from induction.identifier import Gap
from induction.rules.marks import is_mark

GOLDEN = [
    (["X", "O", " "], True),  # board cells
    (["\nX", "\n "], True),
    ([":-)", ":("], True),  # moods
    (["✓", "✗"], True),
    (["7", "3"], False),  # digits: a count
    (["Bo", "Al"], False),
    ([" ", " "], False),  # only blanks: nothing visible varies
    ([1, 2], False),
]


@pytest.mark.parametrize(("values", "expected"), GOLDEN)
def test_golden(values: list[Any], expected: bool) -> None:
    assert is_mark(Gap(0, values, "content", "")) is expected
