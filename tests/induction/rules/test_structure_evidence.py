"""Golden pairs of ``induction.rules.structure_evidence``: values (and outcomes) in, verdict out."""

from typing import Any

import pytest

from induction.rules.structure_evidence import determines, each_repeated, is_codes, is_data

DETERMINES = [
    ((["a", "a", "b"], [1, 1, 2]), True),
    ((["a", "a", "b"], [1, 2, 2]), False),  # the same value went on differently: it does not decide
    (([1, "1"], ["x", "y"]), True),  # a JSON number and its text are different values
]


@pytest.mark.parametrize(("args", "expected"), DETERMINES)
def test_determines(args: tuple[list[Any], list[Any]], expected: bool) -> None:
    assert determines(*args) is expected


IS_DATA = [
    ((["shipped", "pending", "lost"], False), True),  # 3 distinct values, one way of going on
    ((["shipped", "pending"], False), False),  # too thin
    ((["shipped", "pending"], True), True),  # the answer copies it
    ((["us-1", "eu-1", "us-1", "eu-1"], False), True),  # each seen twice
    ((["B+", "A", "C-"], True), False),  # short codes: a rule is written on them
    ((["XL", "S", "M", "L"], False), False),
]


@pytest.mark.parametrize(("args", "expected"), IS_DATA)
def test_is_data(args: tuple[list[Any], bool], expected: bool) -> None:
    values, used = args
    assert is_data(values, used=used, min_distinct=3) is expected


def test_each_repeated() -> None:
    assert each_repeated(["us", "eu", "us", "eu"]) and not each_repeated(["us", "eu", "us"])


GOLDEN = DETERMINES + IS_DATA


CODES = [
    ((["SFO", "JFK", "MIA", "LHR"], True), True),  # four routes forwarded whole to a tool, alike
    ((["SFO", "JFK", "MIA"], True), False),  # three: a category of four's odd one out may be unseen
    ((["SFO", "JFK", "MIA", "LHR"], False), False),  # copied into prose, or not at all: a category
    ((["web", "api", "search", "mobile"], True), True),  # one short value is enough to count as codes
]


@pytest.mark.parametrize(("args", "expected"), CODES)
def test_short_codes_forwarded_to_a_tool(args: tuple[list[Any], bool], expected: bool) -> None:
    values, forwarded = args
    assert is_data(values, used=True, min_distinct=3, forwarded=forwarded, min_distinct_code=4) is expected


def test_rest_of_a_list_is_no_code() -> None:
    assert is_data(["]", ', {"id": 2}]', ', {"id": 2}, {"id": 3}]'], used=False, min_distinct=3, codes=False)


IS_CODES = [
    (["B+", "A", "C-"], True),
    (["web", "api", "billing"], True),  # most are short: a category
    (["Amy", "Michelle", "Todd", "Christopher"], False),  # one short name among several
    (["web", "billing", "search", "mobile"], False),
]


@pytest.mark.parametrize(("values", "expected"), IS_CODES)
def test_is_codes(values: list[str], expected: bool) -> None:
    assert is_codes(values) is expected
