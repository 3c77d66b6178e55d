"""Golden pairs of ``induction.rules.min_runs``: calls seen in, status out; declared values in, trace out."""

import random
from collections.abc import Sequence
from typing import Any, ClassVar

import pytest
from faker import Faker

from evals.builders import stored
from evals.workflows.base import Run, Workflow, tool
from induction.induce import induce
from induction.rules.min_runs import traced, verdict, wording
from induction.runtime.compiled import compile_tree

VERDICT = [
    ((1, 2, False), ("staged", "[rule: min-runs] answer seen in 1 call(s); needs 2 to go live")),
    ((2, 2, False), ("live", "answer induced from 2 calls")),
    ((1, 2, True), ("live", "answer from 1 call(s) with user-declared bindings")),
    ((2, 3, False), ("staged", "[rule: min-runs] answer seen in 2 call(s); needs 3 to go live")),
]


@pytest.mark.parametrize(("args", "expected"), VERDICT)
def test_verdict(args: tuple[int, int, bool], expected: tuple[str, str]) -> None:
    answers, min_runs, declared = args
    assert verdict(answers, min_runs=min_runs, declared=declared) == expected


TRACED = [
    (("Erik Dunteman", ['lookup {"first": "Erik"}']), True),  # a piece of it
    (("erik", ["Hello, Erik!"]), True),  # another case
    (("1234", ["INV1234 paid"]), True),  # inside a longer word
    (("Bo", ["Hi!"]), False),
    ((True, ["True"]), False),
]


@pytest.mark.parametrize(("args", "expected"), TRACED)
def test_traced(args: tuple[Any, list[str]], expected: bool) -> None:
    assert traced(*args) is expected


GOLDEN = VERDICT + TRACED


WORDING = [
    (("Looking up LO-1 for Erik.", "order LO-1, Erik"), ("looking", "up", "for")),  # copies are no wording
    (("Let me pull up that order.", ""), ("let", "me", "pull", "up", "that", "order")),
    (("One sec, fetching LO-2.", "LO-2"), ("one", "sec", "fetching")),
]


@pytest.mark.parametrize(("args", "expected"), WORDING)
def test_wording(args: tuple[str, str], expected: tuple[str, ...]) -> None:
    assert wording(*args) == expected


GOLDEN = GOLDEN + WORDING


class _Returns(Workflow):
    """Words of the model's own beside two calls. ``lines`` are the first call's wordings, ``second``
    the second's: one wording each is a model that does not sample them."""
    name = "sampled_words_returns"
    description = "words beside two calls"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_order", "An order", order_id="string"),
                                             tool("create_return", "A return label", order_id="string")]

    def __init__(self, first: Sequence[str], second: Sequence[str]) -> None:
        self.first, self.second = first, second

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"A-{rng.randint(100000, 999999)}"
        run.system("You handle returns.")
        run.user(f"Please return order {oid}.")
        run.call("get_order", {"order_id": oid}, {"id": oid}, text=rng.choice(self.first))
        run.call("create_return", {"order_id": oid}, {"rma": "ok"}, text=rng.choice(self.second))
        run.say(f"Return for {oid} is set up.")


def _first_served(wf: Workflow, runs: int) -> bool:
    tree = compile_tree(induce(stored([r for run in wf.runs(7, runs) for r in run])).nodes)
    rec = wf.runs(8, 1)[0][0]
    return tree.explain(rec["request"]).hit is not None


def test_words_alike_by_chance_wait_where_the_model_samples_its_words() -> None:
    # Three runs worded the first call alike (one wording offered), the second call's words
    # differed: the model samples, and three alike do not show the first call's words are fixed.
    sampled = _Returns(["Let me pull up that order."], ["One sec.", "Setting up the return now."])
    assert not _first_served(sampled, 3)
    assert _first_served(sampled, 6)  # InductionConfig.sampled_words_min_runs
    # A model that words every step alike goes live from min_runs + 1 calls.
    assert _first_served(_Returns(["Let me pull up that order."], ["Setting up the return now."]), 3)
