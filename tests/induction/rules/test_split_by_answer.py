"""Golden pairs of ``induction.rules.split_by_answer``: answers per member in, groups out."""

import pytest

from induction.rules.split_by_answer import answer_groups

GOLDEN = [
    ([{b"E22"}, {b"E20"}, {b"E22"}, {b"E20"}], [[0, 2], [1, 3]]),  # VM Started / VM Paused
    ([{b"E1"}, {b"E1"}, {b"E1"}], None),  # one answer for all: nothing to split
    ([{b"a"}, {b"b"}, {b"c"}], None),  # every call its own answer: answers copy values
    ([{b"E1"}, {b"E1", b"E2"}, {b"E2"}, {b"E2"}], None),  # one message answered two ways
    ([{b"E1"}, {b"E1"}, {b"E2"}, {b"E2"}, {b"E3"}, {b"E3"}], [[0, 1], [2, 3], [4, 5]]),
]


@pytest.mark.parametrize(("answers", "expected"), GOLDEN)
def test_golden(answers: list[set[bytes]], expected: list[list[int]] | None) -> None:
    assert answer_groups(answers) == expected
