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
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from evals.baselines import ExactCache
from evals.workflows import REGISTRY
from induction.pipeline import same_answer

# An answer function returns the response or None; it may return (None, reason) to say why it missed.
Answer = Callable[[dict[str, Any], str], Any]
ContextKey = tuple[str, str, tuple[str, ...]]
PathKey = tuple[str, int, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class EvalCall:
    workflow: str
    cacheable: bool
    run: int
    call: int
    namespace: str
    request: dict[str, Any]
    response: dict[str, Any]
    structure: tuple[str, ...] = ()

    @property
    def key(self) -> ContextKey:
        return ExactCache.key(self.request, self.namespace)

    @property
    def path(self) -> PathKey:
        """Which structure this call is: its workflow, its place in the run and what the policy
        branched on before it (``Run.branch``): the oracle for "did training show this path?"."""
        return self.workflow, self.call, self.structure

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
        for i, run in enumerate(wf.played(seed=seed, n=n)):
            for j, (rec, structure) in enumerate(zip(run.records, run.structures, strict=True)):
                out.append(EvalCall(w, wf.cacheable, i, j, namespace_of(w, namespace), rec["request"],
                                    rec["response"], structure))
    return out


def path_coverage(workflows: Iterable[str], *, seed: int, n: int) -> Counter[PathKey]:
    """In how many of the first ``n`` training runs each path (``EvalCall.path``) occurs.

    >>> cov = path_coverage(["order_branch"], seed=1, n=5)
    >>> cov[("order_branch", 0, ())], cov[("order_branch", 1, ("cancelled",))], cov[("order_branch", 1, ("shipped",))]
    (5, 5, 0)
    """
    out: Counter[PathKey] = Counter()
    for w in workflows:
        for run in REGISTRY[w].played(seed=seed, n=n):
            out.update((w, j, st) for j, st in enumerate(run.structures))
    return out


def training_records(workflows: Iterable[str], *, seed: int, n: int,
                     namespace: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(workflow, namespace, record) for the first ``n`` training runs of each workflow."""
    for w in workflows:
        for run in REGISTRY[w].runs(seed=seed, n=n):
            for rec in run:
                yield w, namespace_of(w, namespace), rec


def replay(system: str, answer: Answer, calls: Iterable[EvalCall], *, train_runs: int,
           seen: set[ContextKey], coverage: Mapping[PathKey, int] | None = None) -> list[dict[str, Any]]:
    """One row per call: hit, correct, lookup latency, the tokens a hit saves, and in how
    many training runs its path occurred (``coverage``, from :func:`path_coverage`)."""
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
                        reason=reason, path_runs=path_runs(coverage, c)))
    return rows


def path_runs(coverage: Mapping[PathKey, int] | None, c: EvalCall) -> int | None:
    """In how many training runs ``c``'s path occurred (None: coverage not computed)."""
    return None if coverage is None else coverage.get(c.path, 0)


def row(system: str, c: EvalCall, got: Mapping[str, Any] | None, latency_us: float, *, train_runs: int,
        seen: bool, error: str | None = None, reason: str | None = None,
        path_runs: int | None = None) -> dict[str, Any]:
    hit = got is not None
    correct = hit and same_answer(got["choices"][0]["message"], c.message)  # type: ignore[index]
    usage = c.response.get("usage") or {}
    return {
        "system": system, "train_runs": train_runs, "workflow": c.workflow, "cacheable": c.cacheable,
        "run": c.run, "call": c.call, "hit": hit, "correct": bool(correct), "false_hit": hit and not correct,
        "seen": seen, "path_runs": path_runs, "latency_us": latency_us,
        "prompt_tokens": int(usage.get("prompt_tokens") or 0),
        "completion_tokens": int(usage.get("completion_tokens") or 0),
        "error": error,
        "reason": None if hit else _normalise(reason),
    }


def _normalise(reason: str | None) -> str | None:
    """Miss reasons with node ids and positions blanked, so they group."""
    return None if reason is None else re.sub(r"\b[0-9a-f]{32}\b", "<node>", reason)
