"""Golden pairs of ``induction.rules.deciding_value``: values and answers per member in, the branch out."""

import random
from typing import Any

import orjson
import pytest

from evals.builders import stored
from evals.workflows.base import Run
from evals.workflows.catalog import Hello
from induction.induce import induce
from induction.rules.deciding_value import deciding
from induction.runtime.compiled import compile_tree

OK, ALERT = {b"ok"}, {b"alert"}

GOLDEN = [
    (({"state": ["up", "down", "up"], "id": ["7", "8", "9"]}, [OK, ALERT, OK]), "state"),
    (({"id": ["7", "8"]}, [OK, ALERT]), None),  # no value seen twice: too thin
    (({"state": ["up", "up"]}, [OK, ALERT]), None),  # the same value answered two ways
    (({"a": ["x", "y", "x"], "b": ["p", "q", "p"]}, [OK, ALERT, OK]), None),  # two candidates: no one branch
    (({"state": ["up", "up", "up"]}, [OK, OK, OK]), None),  # one answer: nothing to decide
]


@pytest.mark.parametrize(("args", "expected"), GOLDEN)
def test_golden(args: tuple[dict[str, list[Any]], list[set[bytes]]], expected: str | None) -> None:
    assert deciding(*args) == expected


def _page(service: str, alert: str, region: str, n: int) -> list[dict[str, Any]]:
    """An alert pages the service's owning team, which no message names (the model knows it)."""
    team = {"checkout": "payments", "billing": "payments", "search": "discovery", "auth": "identity"}[service]
    run = Run(Hello(), random.Random(n))
    run.system("You triage alerts: page the team that owns the service.")
    run.user(f"Alert {alert} fired for {service} in {region}.")
    run.call("get_alert", {"service": service}, {"id": f"al-{n:05d}", "source": "prometheus", "severity": "page",
                                                 "latency_ms": 11 + 7 * n})
    run.call("page", {"team": team, "summary": f"{alert} on {service}"}, {"ok": True})
    run.say(f"Paged {team}.")
    return run.records


def _call(tree: Any, recs: list[dict[str, Any]]) -> Any:
    hit = tree.lookup(recs[1]["request"])
    return None if hit is None else orjson.loads(hit.response["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"])


def test_a_value_read_above_decides_the_piece_nothing_explains() -> None:
    # The team follows from the service (read in the user's message, above the tool result):
    # no template explains the answers of all services; under each service seen twice one does.
    runs = [("checkout", "HighErrorRate", "eu", 1), ("search", "HighErrorRate", "us", 2),
            ("checkout", "LatencyBreach", "us", 3), ("auth", "LatencyBreach", "eu", 4),
            ("search", "QueueBacklog", "eu", 5)]
    result = induce(stored([rec for args in runs for rec in _page(*args)]))
    assert any("kept apart by" in n and "(read above): each of its values came with one piece" in n
               for notes in result.notes.values() for n in notes)
    tree = compile_tree(result.nodes)
    assert _call(tree, _page("checkout", "QueueBacklog", "us", 9)) == {"team": "payments",
                                                                        "summary": "QueueBacklog on checkout"}
    assert _call(tree, _page("search", "LatencyBreach", "us", 10))["team"] == "discovery"
    # auth was seen once, billing never: whatever team they page, nothing says which.
    assert _call(tree, _page("auth", "HighErrorRate", "us", 11)) is None
    assert _call(tree, _page("billing", "HighErrorRate", "eu", 12)) is None


def test_two_values_above_that_both_line_up_decide_nothing() -> None:
    # The region lines up with the team as well as the service does: which one decides is a
    # guess, so neither is chosen and nothing generalises.
    runs = [("checkout", "HighErrorRate", "eu", 1), ("search", "HighErrorRate", "us", 2),
            ("checkout", "LatencyBreach", "eu", 3), ("search", "LatencyBreach", "us", 4)]
    tree = compile_tree(induce(stored([rec for args in runs for rec in _page(*args)])).nodes)
    assert _call(tree, _page("checkout", "QueueBacklog", "eu", 9)) is None


def _pipeline(failed: set[int], n: int) -> list[dict[str, Any]]:
    """A pipeline of four jobs; the failed job's log is read and its name reported."""
    rng = random.Random(n)
    jobs = [{"id": rng.randint(100000, 999999), "name": name, "status": "failed" if i in failed else "success"}
            for i, name in enumerate(["lint", "unit", "build", "e2e"])]
    run = Run(Hello(), rng)
    run.system("Read the failed job's log and say which job failed.").user(f"Why did !{1000 + n} fail?")
    run.call("get_pipeline", {"mr": 1000 + n}, {"mr": 1000 + n, "jobs": jobs})
    bad = [j for j in jobs if j["status"] == "failed"]
    run.call("get_log", {"job_id": bad[0]["id"]}, {"tail": "assertion failed"})
    run.say(f"The {bad[0]['name']} job failed: assertion failed.")
    return run.records


def test_the_failed_job_is_picked_wherever_training_saw_it_fail() -> None:
    # build failed in one run only: without pick its branch would be seen once (staged).
    recs = [rec for n, pos in enumerate([0, 1, 2, 0, 1, 0]) for rec in _pipeline({pos}, n)]
    tree = compile_tree(induce(stored(recs)).nodes)
    ask = _pipeline({2}, 50)
    hit = tree.lookup(ask[1]["request"])
    assert hit is not None
    args = orjson.loads(hit.response["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"])
    assert args == orjson.loads(ask[1]["response"]["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"])
    said = tree.lookup(ask[2]["request"])
    assert said is not None and said.response["choices"][0]["message"]["content"] == "The build job failed: assertion failed."
    # e2e never failed in training (its status is fixed text there); two failed jobs: no one to pick.
    assert tree.lookup(_pipeline({3}, 51)[1]["request"]) is None
    assert tree.lookup(_pipeline({0, 2}, 52)[1]["request"]) is None
