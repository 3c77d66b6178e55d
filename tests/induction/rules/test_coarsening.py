"""Golden pairs of ``induction.rules.coarsening``: skeletons in, joined gaps / whole tokens out."""

from typing import Any

import pytest

from induction.identifier import Gap, Skeleton
from induction.rules.coarsening import coarsen, whole_tokens


def _sk(content: list[str | int], values: list[list[Any]]) -> Skeleton:
    return Skeleton("user", None, content, [], [Gap(i, v, "content", "") for i, v in enumerate(values)])


COARSEN = [
    # host cut at its dots: one slot over the span
    (_sk([0, ".", 1, ".com"], [["www", "api"], ["a", "b"]]), ([0, ".com"], [["www.a", "api.b"]])),
    # a region cut at its dashes
    (_sk(["in ", 0, "-", 1, "-", 2], [["ap", "us"], ["south", "east"], ["1", "2"]]),
     (["in ", 0], [["ap-south-1", "us-east-2"]])),
    # not joined by a joiner: unchanged
    (_sk([0, " and ", 1], [["a", "b"], ["c", "d"]]), None),
    # one gap: nothing to join
    (_sk(["x ", 0], [["a", "b"]]), None),
]


@pytest.mark.parametrize(("sk", "expected"), COARSEN)
def test_coarsen(sk: Skeleton, expected: tuple[list[str | int], list[list[Any]]] | None) -> None:
    got = coarsen(sk)
    assert (None if got is None else (got.content, [g.values for g in got.gaps])) == expected


WHOLE = [
    (_sk(['"region":"', 0, '-1"'], [["us-east", "eu-west"]]), ["us-east-1", "eu-west-1"]),
    (_sk(["/mnt/subdir", 0, " ok"], [["31", "7"]]), ["subdir31", "subdir7"]),
    # the sentence's full stop is punctuation: a status at the end is still a word
    (_sk(["status: ", 0, "."], [["open", "closed"]]), ["open", "closed"]),
    (_sk(["ping ", 0, ".example.com now"], [["a", "b"]]), ["a.example.com", "b.example.com"]),
    (_sk(["n=", 0], [[3, 4]]), [3, 4]),  # JSON numbers stay as they are
]


@pytest.mark.parametrize(("sk", "expected"), WHOLE)
def test_whole_tokens(sk: Skeleton, expected: list[Any]) -> None:
    assert whole_tokens(sk)[0].values == expected


GOLDEN = COARSEN + WHOLE
