"""Golden pairs of ``induction.rules.named_numbers``: training scopes and the numbers a system
prompt names in, the cells each variable's values fell in out; and a request's value against
them, from a prompt's text to a compiled tree."""

from typing import Any

import pytest

from evals.builders import stored
from evals.workflows import ADVERSARIAL
from induction.induce import induce
from induction.pipeline import same_answer
from induction.rules.fixed_words import cuts_of
from induction.rules.named_numbers import CutCheck, named_cuts, out_of_cut
from induction.runtime.compiled import compile_tree
from induction.runtime.nodes import ResponseTemplate
from induction.runtime.template import MessageTemplate, Slot, TextTemplate
from induction.runtime.words import PathWords, numbers_of_text

REFUND = (250.0,)
PORTS = (8000.0, 8999.0)

GOLDEN: list[tuple[tuple[list[dict[str, Any]], tuple[float, ...]], dict[str, CutCheck]]] = [
    # Amounts below the 250.00 the prompt names, written as text or as numbers.
    (([{"amount": "120.00"}, {"amount": 88.5}, {"amount": "240.10"}], REFUND),
     {"amount": CutCheck(cuts=REFUND, cells=(0,))}),
    # Ports on both sides of the debug range; the container's name is no number.
    (([{"port": "3000", "c": "web-1"}, {"port": 9443, "c": "api-2"}], PORTS),
     {"port": CutCheck(cuts=PORTS, cells=(0, 4))}),
    # A value equal to a cut is a cell of its own; a percentage is its number.
    (([{"use": "90%"}, {"use": "12%"}], (90.0,)), {"use": CutCheck(cuts=(90.0,), cells=(0, 1))}),
    # A variable with one value that is no number is not checked; nothing is without cuts.
    (([{"v": "3"}, {"v": "n/a"}, {"b": True}], REFUND), {}),
    (([{"amount": "120.00"}], ()), {}),
]


@pytest.mark.parametrize(("args", "expected"), GOLDEN)
def test_named_cuts(args: tuple[list[dict[str, Any]], tuple[float, ...]], expected: dict[str, CutCheck]) -> None:
    assert named_cuts(*args) == expected


OUT = [
    (({"amount": CutCheck(cuts=REFUND, cells=(0,))}, {"amount": "312.50"}), ("amount", "above 250")),
    (({"amount": CutCheck(cuts=REFUND, cells=(0,))}, {"amount": 250}), ("amount", "equal to 250")),
    (({"amount": CutCheck(cuts=REFUND, cells=(0,))}, {"amount": "$19.99"}), None),
    (({"port": CutCheck(cuts=PORTS, cells=(0, 4))}, {"port": "8443"}), ("port", "between 8000 and 8999")),
    (({"port": CutCheck(cuts=PORTS, cells=(0, 4))}, {"port": 9001}), None),
    # Every training value was a number: one that is not is a value of no cell seen.
    (({"port": CutCheck(cuts=PORTS, cells=(0, 4))}, {"port": "auto"}), ("port", "that is no number")),
    (({"port": CutCheck(cuts=PORTS, cells=(0, 4))}, {}), None),
]


@pytest.mark.parametrize(("args", "expected"), OUT)
def test_out_of_cut(args: tuple[dict[str, CutCheck], dict[str, Any]], expected: Any) -> None:
    assert out_of_cut(*args) == expected


TEXTS = [
    ("Refunds above 250.00 need a supervisor's approval.", {250.0}),
    ("Ports 8000-8999 are debug listeners; 8000–8100 too.", {8000.0, 8999.0, 8100.0}),
    ("If /var is 90% full or more, vacuum it to 500M.", {90.0}),
    ("Reply with the cell number (0-8) of your move only.", {0.0, 8.0}),
    ("Orders over $1,000 or under -5 wait.", {1000.0, -5.0}),
    ("Ports 8000 to 8999, between 5 and 10; retry up to 3 times; at least 18; claims <=500.",
     {8000.0, 8999.0, 5.0, 10.0, 3.0, 18.0, 500.0}),
    ("Escalate tickets that waited 60 minutes or more. The time is 1763700000 (epoch).", {60.0, 1763700000.0}),
    # Counts in passing compare with nothing (a reviewer's controls: review 25).
    ("Step 1: read the last 15 minutes of logs; list the top 3 results; HTTP 500 means retry every 5 minutes.",
     set()),
    # List markers, dates, clock times, versions, units, words with digits, backwards ranges.
    ("1. Run it.\n2. When red: 1) stop 2) go", set()),
    ("Freeze: 2026-12-18 to 2026-12-31 at 10:30, v2.1.0, 24h, gpt-4, above 9-3.", set()),
]


@pytest.mark.parametrize(("text", "expected"), TEXTS)
def test_numbers_a_prompt_names(text: str, expected: set[float]) -> None:
    assert numbers_of_text(text) == expected


def test_only_a_policy_prompts_literal_numbers_are_cuts() -> None:
    system = MessageTemplate(role="system", content=TextTemplate(parts=(
        "Refunds above 250.00 need approval. Today is ", Slot(var="day"), ", order ", Slot(var="n"), ".")))
    tool = MessageTemplate(role="tool", content=TextTemplate(parts=('{"limit": 500, "amount": ', Slot(var="a"), "}")))
    assert cuts_of(system) == {250.0} and cuts_of(tool) == frozenset()
    path = PathWords(()).below(frozenset(), frozenset(), cuts_of(system)).below(frozenset({"limit"}))
    assert path.cuts == (250.0,)
    assert path.below(frozenset(), frozenset(), frozenset({99.0, 250.0})).cuts == (99.0, 250.0)


def test_a_refund_above_the_named_limit_is_not_served_the_direct_refund() -> None:
    # Runs that refunded amounts below 250.00 directly; the one above was served the refund
    # before (docs/review/traps23 r23_bare_refund_threshold in JSON form).
    wf = ADVERSARIAL["refund_over_named_limit"]
    runs = [run for run in wf.runs(11, 40) if "issue_refund" in str(run[-1]["request"]["messages"])][:3]
    tree = compile_tree(induce(stored([r for run in runs for r in run])).nodes)
    served = refused = 0
    for run in wf.runs(12, 40):
        for record in run:
            hit = tree.explain(record["request"]).hit
            if hit is not None:
                served += 1
                assert same_answer(hit.response["choices"][0]["message"], record["response"]["choices"][0]["message"])
            refused += hit is None
    assert served >= 40 and refused


def test_a_tree_published_before_the_check_still_loads() -> None:
    r = ResponseTemplate(message=MessageTemplate(role="assistant", content=TextTemplate(parts=("ok",))),
                         finish_reason="stop")
    old = r.model_dump()
    del old["cuts"]
    assert ResponseTemplate.model_validate(old).cuts == {}


def test_rote_explain_shows_the_numbers_and_the_sides_seen() -> None:
    from evals.workflows.base import iter_records
    from induction.explain import describe

    result = induce(stored(list(iter_records(ADVERSARIAL["debug_port_named_range"].runs(1, 8)))))
    shown = "\n".join(describe(n, result.notes.get(n.id, [])) for n in result.nodes)
    assert "only for numbers on the sides of 8000 and 8999" in shown and "(named-numbers)" in shown
    assert "below 8000" in shown
