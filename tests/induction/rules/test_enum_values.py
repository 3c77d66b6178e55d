"""Golden pairs of ``induction.rules.enum_values``: a gap's values in, status or not out."""

from typing import Any

import pytest

from induction.identifier import Gap
from induction.rules.enum_values import is_enum

GOLDEN = [
    (["shipped", "cancelled", "shipped"], True),  # a repeated status: order_branch
    (["open", "closed", "pending", "open", "new"], True),
    (["shipped", "cancelled"], False),  # no repeat: nothing says it is a vocabulary
    (["Emily", "Noah", "Emily", "Liam", "Ava", "Mia"], False),  # names sharing one by chance
    (["Yes", "No", "Yes", "No"], True),  # a choice among capitalised words repeats
    ([True, False, True], True),
    ([True, False], False),
    (["ord-1", "ord-2", "ord-1"], False),  # digits: not a word
    (["ada@x.io", "bo@y.io", "ada@x.io"], False),  # recognised: an email
]


@pytest.mark.parametrize(("values", "expected"), GOLDEN)
def test_golden(values: list[Any], expected: bool) -> None:
    assert is_enum(Gap(0, values, "content", "status: ")) is expected
