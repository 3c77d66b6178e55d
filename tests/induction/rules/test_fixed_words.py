"""Golden pairs of ``induction.rules.fixed_words``: training scopes and the path's words in, the
values each variable may equal out; and a request's value against them."""

from typing import Any

import pytest

from evals.builders import stored
from evals.workflows import REGISTRY
from induction.induce import induce
from induction.pipeline import same_answer
from induction.rules.fixed_words import equal_fixed, fixed_words, words_of
from induction.runtime.compiled import compile_tree
from induction.runtime.template import MessageTemplate, Slot, TextTemplate

PROMPT = frozenset({"land", "merge", "requests", "the", "legacy", "project", "is", "frozen", "never", "there"})

GOLDEN: list[tuple[tuple[list[dict[str, Any]], frozenset[str]], dict[str, tuple[str, ...]]]] = [
    (([{"project": "web", "mr": 12}, {"project": "billing", "mr": 34}], PROMPT), {"project": ()}),
    # A training value that was a fixed word may come again.
    (([{"project": "legacy"}, {"project": "web"}], PROMPT), {"project": ("legacy",)}),
    # Numbers, booleans and text without a letter are not checked.
    (([{"n": 3, "ok": True, "code": "4-2"}], PROMPT), {}),
    (([{"city": " Oslo "}], frozenset({"oslo"})), {"city": ("oslo",)}),
]


@pytest.mark.parametrize(("args", "expected"), GOLDEN)
def test_fixed_words(args: tuple[list[dict[str, Any]], frozenset[str]], expected: dict[str, tuple[str, ...]]) -> None:
    assert fixed_words(*args) == expected


EQUAL = [
    (({"project": ()}, {"project": "legacy"}), ("project", "legacy")),
    (({"project": ()}, {"project": "LEGACY "}), ("project", "LEGACY ")),
    (({"project": ("legacy",)}, {"project": "legacy"}), None),  # seen so in training
    (({"project": ()}, {"project": "search"}), None),
    (({"project": ()}, {}), None),
]


@pytest.mark.parametrize(("args", "expected"), EQUAL)
def test_equal_fixed(args: tuple[dict[str, tuple[str, ...]], dict[str, Any]], expected: Any) -> None:
    assert equal_fixed(*args, PROMPT) == expected


def test_words_of_a_template_are_its_literal_text() -> None:
    t = MessageTemplate(role="user", content=TextTemplate(parts=("Can you land !", Slot(var="mr"), " in ",
                                                                  Slot(var="project"), "?")))
    assert words_of(t) == {"land"}  # "can", "you", "in": function words


def test_a_project_the_system_prompt_names_is_not_served_the_others_answer() -> None:
    # Two runs merged in billing and web; "legacy", which the prompt says is frozen, was served
    # the merge (adversarial frozen_project at 2 and 3 runs on three seed pairs).
    wf = REGISTRY["frozen_project"]
    runs = [run for run in wf.runs(203, 40) if "legacy" not in run[0]["request"]["messages"][1]["content"]][:2]
    tree = compile_tree(induce(stored([r for run in runs for r in run])).nodes)
    served = 0
    for run in wf.runs(204, 40):
        hit = tree.explain(run[0]["request"]).hit
        if hit is not None:
            served += 1
            assert same_answer(hit.response["choices"][0]["message"], run[0]["response"]["choices"][0]["message"])
    assert served >= 20
