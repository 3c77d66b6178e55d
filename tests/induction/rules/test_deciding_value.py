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
