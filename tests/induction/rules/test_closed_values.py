"""Golden pairs of ``induction.rules.closed_values`` (scopes in, choices and groups out), its
request-time check, and what it does to a tree: a project name no answer turns on pools the
runs below it, and an answer serves only the projects it was seen with."""

from __future__ import annotations

import random
from typing import Any

import pytest

from evals.builders import stored
from evals.workflows.base import Run
from evals.workflows.catalog import Hello
from induction.config import InductionConfig
from induction.explain import describe
from induction.induce import induce
from induction.rules.closed_values import choices, value_groups
from induction.runtime.compiled import compile_tree
from induction.runtime.lookup import chosen

CHOICES = [
    (([{"p": "web", "n": 1}, {"p": "api", "n": 2}], {"p"}), {"p": ("api", "web")}),
    (([{"p": "web"}, {"p": "web"}], {"p"}), {}),  # one value: a pin (context-bound), not a choice
    (([{"p": "web"}, {"q": "api"}], {"p"}), {}),  # not in every call's scope
    (([{"p": "web", "t": "gold"}, {"p": "api", "t": "gold"}], set()), {}),  # nothing closed
]


@pytest.mark.parametrize(("args", "expected"), CHOICES)
def test_choices(args: tuple[list[dict[str, Any]], set[str]], expected: dict[str, Any]) -> None:
    assert choices(*args) == expected


GROUPS = [
    (([{"p": "web"}, {"p": "api"}, {"p": "web"}], {"p": ("api", "web")}), [[0, 2], [1]]),
    (([{"p": "web", "t": 1}, {"p": "web", "t": 2}], {"p": ("web",), "t": (1, 2)}), [[0], [1]]),
    (([{"p": "web"}], {}), []),
]


@pytest.mark.parametrize(("args", "expected"), GROUPS)
def test_value_groups(args: tuple[list[dict[str, Any]], dict[str, Any]], expected: list[list[int]]) -> None:
    assert value_groups(*args) == expected


CHOSEN = [
    (({"p": ("api", "web")}, {"p": "web"}), None),
    (({"p": ("api", "web")}, {"p": "ios"}), "p"),  # never seen with this answer: a miss
    (({"n": (1250.0, 99.0)}, {"n": "1250.0"}), None),  # read off text: its JSON spelling
    (({"p": ("api", "web")}, {}), "p"),
]


@pytest.mark.parametrize(("args", "expected"), CHOSEN)
def test_chosen(args: tuple[dict[str, Any], dict[str, Any]], expected: str | None) -> None:
    assert chosen(*args) == expected


GOLDEN = CHOICES + GROUPS + CHOSEN


def _land(project: str, mr: int, passed: bool) -> list[dict[str, Any]]:
    """A merge assistant's run: the project forwarded into the tool call, the pipeline's status
    deciding the answer, the project deciding nothing."""
    run = Run(Hello(), random.Random(mr))
    run.system("You land merge requests.").user(f"Can you land !{mr} in cobalt/{project}?")
    status = "success" if passed else "failed"
    run.call("get_pipeline", {"project": f"cobalt/{project}", "mr": mr}, {"mr": mr, "status": status})
    run.say(f"Merged !{mr}." if passed else f"The pipeline of !{mr} failed; not merged.")
    return run.records


RUNS = [("web", 4101, True), ("api", 5202, True), ("web", 6303, False), ("api", 7404, False), ("billing", 8505, True)]


def _request(project: str, mr: int, passed: bool) -> dict[str, Any]:
    return _land(project, mr, passed)[-1]["request"]


def test_a_status_that_decides_nothing_pools_the_runs_below_it() -> None:
    recs = [rec for args in RUNS for rec in _land(*args)]
    closed = induce(stored(recs))
    split = induce(stored(recs), InductionConfig(closed_values=False))
    assert closed.stats["closed_gaps"] >= 1
    tree, old = compile_tree(closed.nodes), compile_tree(split.nodes)
    # web and api each passed once: split by project, neither answer had a second run.
    ask = _request("web", 9001, True)
    assert old.lookup(ask) is None
    hit = tree.lookup(ask)
    assert hit is not None and hit.response["choices"][0]["message"]["content"] == "Merged !9001."
    failed = tree.lookup(_request("api", 9002, False))
    assert failed is not None and "!9002 failed" in failed.response["choices"][0]["message"]["content"]
    # A project no run showed is never served, and "billing" never failed in training.
    assert tree.lookup(_request("mobile", 9003, True)) is None
    assert tree.lookup(_request("billing", 9004, False)) is None
    explained = tree.explain(_request("mobile", 9003, True))
    assert explained.hit is None and "only seen with" in str(explained.reason)
    # rote explain names the rule and the values each answer serves.
    user = next(n for n in closed.nodes if n.template.role == "user")
    text = describe(user, closed.notes[user.id])
    assert "[rule: closed-values]" in text and 'one of "api", "billing", "web"' in text


def test_one_values_rivals_survive_the_others_evidence() -> None:
    # "hi" runs greet the name capitalised, and every one of them typed it so; "Hi" runs copy
    # it trimmed, as typed ("zoe"). Pooled, a trim explains all and rules capitalising out;
    # the "hi" runs alone cannot tell a copy from capitalising, so a lower-case name after
    # "hi" must miss.
    recs = []
    for i, (hello, typed, greeted) in enumerate([("hi", "Emily", "Emily"), ("hi", "Noah", "Noah"),
                                                 ("hi", "Liam", "Liam"), ("Hi", "Ava ", "Ava"),
                                                 ("Hi", "Mia", "Mia"), ("Hi", "zoe ", "zoe"),
                                                 ("hi", "Emily", "Emily"), ("Hi", "Ava ", "Ava")]):
        run = Run(Hello(), random.Random(i))
        run.system("You are a friendly receptionist.").user(f"{hello}, my name is {typed}").say(f"Welcome, {greeted}!")
        recs += run.records
    tree = compile_tree(induce(stored(recs)).nodes)

    def ask(text: str) -> str | None:
        hit = tree.lookup({"model": "gpt-4o-mini", "messages": [
            {"role": "system", "content": "You are a friendly receptionist."}, {"role": "user", "content": text}]})
        return None if hit is None else str(hit.response["choices"][0]["message"]["content"])

    assert ask("hi, my name is stephanie") is None
    assert ask("hi, my name is Stephanie") in (None, "Welcome, Stephanie!")


def _rollback(dep: str, state: str, n: int) -> list[dict[str, Any]]:
    """A deploy that failed or is rolling out is rolled back; one that succeeded is left alone."""
    run = Run(Hello(), random.Random(n))
    run.system("You watch deploys.").user(f"Check deploy {dep}.")
    run.call("get_deploy", {"id": dep}, {"id": dep, "state": state})
    if state == "succeeded":
        run.say(f"{dep} is fine.")
    else:
        run.call("rollback", {"id": dep}, {"ok": True})
        run.say(f"Rolled back {dep}.")
    return run.records


def test_a_status_that_is_data_by_evidence_still_serves_only_the_values_seen() -> None:
    # failed and rolling_out, each seen twice, went on alike: data by evidence, but no answer
    # reads or repeats them, so the answer serves only those two; succeeded (never seen) misses.
    recs = [rec for n, (dep, st) in enumerate([("d-11", "failed"), ("d-12", "rolling_out"), ("d-13", "failed"),
                                                ("d-14", "rolling_out")]) for rec in _rollback(dep, st, n)]
    tree = compile_tree(induce(stored(recs)).nodes)
    assert tree.lookup(_rollback("d-21", "failed", 21)[1]["request"]) is not None
    unseen = tree.explain(_rollback("d-22", "succeeded", 22)[1]["request"])
    assert unseen.hit is None and "state one of" in str(unseen.reason)


def _deploy_said(dep: str, state: str, n: int) -> list[dict[str, Any]]:
    run = Run(Hello(), random.Random(n))
    run.system("You watch deploys.").user(f"Check deploy {dep}.")
    run.call("get_deploy", {"id": dep}, {"id": dep, "state": state})
    if state in ("failed", "rolling_out"):
        run.call("rollback", {"id": dep}, {"ok": True})
        run.say(f"Rolled back {dep}.")
    else:
        run.say(f"Deploy {dep} is {state}; nothing to do.")
    return run.records


def test_a_status_copied_into_the_answer_is_not_vouched_for_by_the_copy() -> None:
    # succeeded four times, stalled once, both copied into "nothing to do": two values are no
    # evidence that a status never seen (failed, which rolls back) goes on alike.
    plan = [("d-11", "succeeded"), ("d-12", "succeeded"), ("d-13", "stalled"), ("d-14", "succeeded"), ("d-15", "succeeded")]
    tree = compile_tree(induce(stored([rec for n, (d, st) in enumerate(plan) for rec in _deploy_said(d, st, n)])).nodes)
    seen = tree.lookup(_deploy_said("d-21", "stalled", 21)[1]["request"])
    assert seen is not None and seen.response["choices"][0]["message"]["content"] == "Deploy d-21 is stalled; nothing to do."
    assert tree.lookup(_deploy_said("d-22", "failed", 22)[1]["request"]) is None
