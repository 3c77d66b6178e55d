"""Golden pairs of ``induction.rules.edges_and_refusals``: a slot's values in, what it refuses out."""

from typing import Any

import pytest

from induction.identifier import Gap
from induction.rules.edges_and_refusals import (
    JOINERS,
    STRUCTURAL,
    edges,
    quoted,
    refused,
    slot_edges,
    tool_words,
)

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


TOOL_WORDS = [
    ((["get_order", "refund"], ["get_order"]), ("refund", "Refund")),
    ((["issueRefund", "send-email", "get"], []), ("email", "Email", "issue", "Issue", "refund", "Refund", "send", "Send")),
    ((["get_order"], ["get_order"]), ()),  # nothing else declared
    ((["list_v2", "to_csv"], []), ("list", "List")),  # pieces under four letters, or with digits, are no words
]


@pytest.mark.parametrize(("args", "expected"), TOOL_WORDS)
def test_tool_words(args: tuple[list[str], list[str]], expected: tuple[str, ...]) -> None:
    assert tool_words(*args) == expected


def test_words_beside_a_call_refuse_another_tools_name_unless_an_example_held_it() -> None:
    words = tool_words(["get_order", "refund"], ["get_order"])
    _, phrases = refused(["Let me pull up that order.", "Checking the order now."], "", words=words)
    assert {"refund", "Refund"} <= set(phrases)
    # an example that named it (any case): the word is the wordings' own
    _, phrases = refused(["Let me check it before any Refund.", "Checking now."], "", words=words)
    assert not {"refund", "Refund"} & set(phrases)


def test_a_refund_announced_beside_the_lookup_is_not_served_the_plain_lookups_reply() -> None:
    # commentary_announces_refund's runs, none announcing a refund in training: the words beside
    # get_order are one value (data by evidence), and "... so I can refund it" is refused there.
    from evals.builders import stored
    from evals.workflows import ADVERSARIAL
    from evals.workflows.adversarial.e_meaning import CommentaryAnnouncesRefund
    from induction.induce import induce
    from induction.runtime.compiled import compile_tree

    wf = ADVERSARIAL["commentary_announces_refund"]
    runs = [wf.run(seed) for seed in range(40)]
    plain = [r for r in runs if not any(t in str(r) for t in CommentaryAnnouncesRefund.REFUND)]
    refunds = [r for r in runs if any(t in str(r) for t in CommentaryAnnouncesRefund.REFUND)]
    assert len(plain) >= 8 and refunds
    result = induce(stored([rec for run in plain[:8] for rec in run]))
    tree = compile_tree(result.nodes)
    after_lookup = next(rec for rec in refunds[0] if rec["request"]["messages"][-1]["role"] == "tool")
    assert tree.explain(after_lookup["request"]).hit is None
    served = [tree.explain(rec["request"]).hit for run in plain[8:] for rec in run
              if rec["request"]["messages"][-1]["role"] == "tool"]
    assert any(h is not None for h in served)  # a new plain wording is still served
