"""Golden pairs of ``induction.rules.unused_prose``: values (and later outputs) in, verdict out."""

from typing import Any

import pytest

from induction.identifier import Gap
from induction.rules.unused_prose import used_later, wordy

WORDY = [
    (["in French", "in German"], True),
    (["Write a haiku about rain", "Write a haiku about snow"], True),
    (["in 2 words", "in French"], False),  # a digit: not prose alone
    (["ada@x.io", "bo@y.io"], False),
    ([12, 13], False),
]


@pytest.mark.parametrize(("values", "expected"), WORDY)
def test_wordy(values: list[Any], expected: bool) -> None:
    assert wordy(Gap(0, values, "content", "")) is expected


USED = [
    ((["Erik", "Maria"], ["hello, erik!", "hi maria"]), True),
    ((["Erik", "Maria"], ["hello, erik!", "hi there"]), False),  # one run does not copy it
    ((["in French"], ['{"lang": "french"}']), True),  # a word of it is enough
    ((["a"], ["a b c"]), False),  # words of one character say nothing
]


@pytest.mark.parametrize(("args", "expected"), USED)
def test_used_later(args: tuple[list[Any], list[str]], expected: bool) -> None:
    assert used_later(*args) is expected


GOLDEN = WORDY + USED
