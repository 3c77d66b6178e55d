"""Golden pairs of ``induction.rules.edges_and_refusals``: a slot's values in, what it refuses out."""

from typing import Any

import pytest

from induction.identifier import Gap
from induction.rules.edges_and_refusals import JOINERS, STRUCTURAL, edges, quoted, refused, slot_edges

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


QUOTED = [
    # between a quote and its closing quote, no value holding either: quoted text
    ((['Post "', 0, '" there'], ["is a car necessary"]), True),
    ((["Say \u201c", 0, "\u201d now"], ["hi"]), True),
    # a value that held the quote, an unmatched pair, or no quote at all: not quoted text
    ((['Post "', 0, '" there'], ['say "hi'],), False),
    ((['Post "', 0, "' there"], ["hi"]), False),
    ((["Post ", 0, " there"], ["hi"]), False),
]


@pytest.mark.parametrize(("args", "expected"), QUOTED)
def test_quoted(args: tuple[list[str | int], list[Any]], expected: bool) -> None:
    content, values = args
    assert quoted(content, 0, values) is expected


def test_quoted_text_takes_joiners_but_still_refuses_a_comma() -> None:
    # 'reply "Done. Thanks!"', 'post "is a car necessary and where?"': the quote's own text;
    # 'tag it "beach, sunset"' stays two tags (``quoted_title_or_list``).
    chars, phrases = refused(["is a car necessary"], '" there', in_quotes=True)
    assert chars == STRUCTURAL and phrases == ('" there',)
    assert not set(JOINERS) & set(phrases)
