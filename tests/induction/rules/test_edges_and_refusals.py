"""Golden pairs of ``induction.rules.edges_and_refusals``: a slot's values in, what it refuses out."""

from typing import Any

import pytest

from induction.identifier import Gap
from induction.rules.edges_and_refusals import JOINERS, STRUCTURAL, edges, refused, slot_edges

REFUSED = [
    ((["Ada"], "."), (STRUCTURAL + ".", (".", *JOINERS))),  # the "." after it too
    ((["Ada Lovelace", "Bo, Jr."], "'}"), (STRUCTURAL.replace(",", "") + "'", ("'}", *JOINERS))),
    ((["back up the laptop"], " at "), (STRUCTURAL, (" at ", *JOINERS))),
    ((["Ada and Bo"], ""), (STRUCTURAL, (". ", " or ", ": "))),  # an example held " and "
    ((['say "hi"'], ""), (STRUCTURAL.replace('"', ""), JOINERS)),
]


@pytest.mark.parametrize(("args", "expected"), REFUSED)
def test_refused(args: tuple[list[Any], str], expected: tuple[str, tuple[str, ...]]) -> None:
    values, after = args
    assert refused(values, after) == expected


EDGES = [
    ((["Charles", "Bo."], False, True), (None, ".")),  # trailing_period_name
    ((["@ann", "bo"], True, False), ("@", None)),  # leading_mention
    ((["Ann", "Bo"], True, True), ("", "")),  # nothing but letters: nothing else at the edges
    ((["Ann 🎉", "Bo"], False, True), (None, "🎉")),
]


@pytest.mark.parametrize(("args", "expected"), EDGES)
def test_edges(args: tuple[list[Any], bool, bool], expected: tuple[str | None, str | None]) -> None:
    values, start, end = args
    assert edges(values, start=start, end=end) == expected


SLOT_EDGES = [
    (([0, " says hi"], [Gap(0, ["Bo", "@al"], "content", "")]), {0: ("@", "")}),
    ((["Hi ", 0, "."], [Gap(0, ["Bo", "Al"], "content", "Hi ")]), {0: ("", None)}),
    ((["Hi(", 0, ")"], [Gap(0, ["Bo", "Al"], "content", "Hi(")]), {}),  # inside punctuation: no edge
    ((["x"], [Gap(0, ["Bo"], "call[0].name", "")]), {}),  # in a tool call's arguments
]


@pytest.mark.parametrize(("args", "expected"), SLOT_EDGES)
def test_slot_edges(args: tuple[list[str | int], list[Gap]], expected: dict[int, Any]) -> None:
    assert slot_edges(*args) == expected


GOLDEN = REFUSED + EDGES + SLOT_EDGES
