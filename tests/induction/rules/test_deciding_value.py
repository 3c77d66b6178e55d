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
