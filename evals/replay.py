"""Replaying test calls through a cache, one row per call.

Each test run is replayed call by call: the request is the recorded request
(the context up to that call) and the ground truth is the recorded response.
A hit is correct when its assistant message equals the ground truth's
(text, tool names, parsed arguments; ids ignored: ``same_answer``).

>>> calls = eval_calls(["hello"], seed=2, n=2, namespace="shared")
>>> len(calls), calls[0].workflow, calls[0].cacheable
(2, 'hello', True)
>>> rows = replay("none", lambda req, ns: None, calls, train_runs=1, seen=set())
>>> [r["hit"] for r in rows]
[False, False]
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from evals.baselines import ExactCache
from evals.workflows import REGISTRY
from induction.pipeline import same_answer

# An answer function returns the response or None; it may return (None, reason) to say why it missed.
Answer = Callable[[dict[str, Any], str], Any]
ContextKey = tuple[str, str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class EvalCall:
    workflow: str
    cacheable: bool
    run: int
    call: int
    namespace: str
    request: dict[str, Any]
    response: dict[str, Any]

    @property
    def key(self) -> ContextKey:
        return ExactCache.key(self.request, self.namespace)

    @property
    def message(self) -> dict[str, Any]:
        msg: dict[str, Any] = self.response["choices"][0]["message"]
        return msg


def namespace_of(workflow: str, mode: str) -> str:
    return workflow if mode == "per_workflow" else "default"


def eval_calls(workflows: Iterable[str], *, seed: int, n: int, namespace: str) -> list[EvalCall]:
    out = []
    for w in workflows:
        wf = REGISTRY[w]
        for i, run in enumerate(wf.runs(seed=seed, n=n)):
            for j, rec in enumerate(run):
                out.append(EvalCall(w, wf.cacheable, i, j, namespace_of(w, namespace), rec["request"],
                                    rec["response"]))
    return out


def training_records(workflows: Iterable[str], *, seed: int, n: int,
                     namespace: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(workflow, namespace, record) for the first ``n`` training runs of each workflow."""
    for w in workflows:
        for run in REGISTRY[w].runs(seed=seed, n=n):
            for rec in run:
                yield w, namespace_of(w, namespace), rec


def replay(system: str, answer: Answer, calls: Iterable[EvalCall], *, train_runs: int,
           seen: set[ContextKey]) -> list[dict[str, Any]]:
    """One row per call: hit, correct, lookup latency and the tokens a hit saves."""
    rows = []
    for c in calls:
        error = reason = None
        t0 = time.perf_counter_ns()
        try:
            got = answer(c.request, c.namespace)
        except Exception as e:  # a crashing lookup is a miss, reported as an error
            got, error = None, f"{type(e).__name__}: {e}"
        latency_us = (time.perf_counter_ns() - t0) / 1000
        if isinstance(got, tuple):
            got, reason = got
        rows.append(row(system, c, got, latency_us, train_runs=train_runs, seen=c.key in seen, error=error,
                        reason=reason))
    return rows


def row(system: str, c: EvalCall, got: Mapping[str, Any] | None, latency_us: float, *, train_runs: int,
        seen: bool, error: str | None = None, reason: str | None = None) -> dict[str, Any]:
    hit = got is not None
    correct = hit and same_answer(got["choices"][0]["message"], c.message)  # type: ignore[index]
    usage = c.response.get("usage") or {}
    return {
        "system": system, "train_runs": train_runs, "workflow": c.workflow, "cacheable": c.cacheable,
        "run": c.run, "call": c.call, "hit": hit, "correct": bool(correct), "false_hit": hit and not correct,
        "seen": seen, "latency_us": latency_us,
        "prompt_tokens": int(usage.get("prompt_tokens") or 0),
        "completion_tokens": int(usage.get("completion_tokens") or 0),
        "error": error,
        "reason": None if hit else _normalise(reason),
    }


def _normalise(reason: str | None) -> str | None:
    """Miss reasons with node ids and positions blanked, so they group."""
    return None if reason is None else re.sub(r"\b[0-9a-f]{32}\b", "<node>", reason)
