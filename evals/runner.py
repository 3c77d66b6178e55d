"""Run a suite: for each training-run count, ingest into a fresh home, induce, publish,
then replay every test call through the published tree and through each baseline.

    from evals.runner import run_suite
    report = run_suite("default", report_dir=Path("report"), progress=True)
    report.print()              # the terminal tables; report.markdown() for the report

The flows engineer's ``eval_flow`` wraps :func:`run_suite`; the CLI is ``rote eval``.
"""

from __future__ import annotations

import io
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pandas as pd

from evals.baselines import ExactCache, make_baselines
from evals.replay import EvalCall, eval_calls, namespace_of, path_coverage, replay, training_records
from evals.report import SuiteReport
from evals.suite import Suite, load_suite
from induction.config import InductionConfig
from induction.ingest import ingest_stream
from induction.pipeline import run_induction
from induction.publish import Publisher
from induction.runtime.compiled import CompiledTree
from induction.store import Store
from rote.config import Home

Log = Callable[[str], None]


@dataclass
class Point:
    """What one training-run count produced."""

    train_runs: int
    rows: list[dict[str, Any]] = field(default_factory=list)
    induction: dict[str, Any] = field(default_factory=dict)
    templates: list[dict[str, Any]] = field(default_factory=list)
    home: Path | None = None
    seen: set[Any] = field(default_factory=set)
    coverage: dict[Any, int] = field(default_factory=dict)


def run_suite(suite: str | Path | Suite, *, report_dir: Path | None = None, http: bool = False,
              progress: bool = False, backend: str | None = None, work_dir: Path | None = None) -> SuiteReport:
    """Run every point of ``suite`` (a name in ``evals/suites``, a path or a Suite) and build the report.

    ``http`` also replays the main point through the real proxy against a scripted
    upstream (see ``evals.http``). ``work_dir`` keeps the temporary homes there
    (default: a temporary directory removed at the end).
    """
    s = suite if isinstance(suite, Suite) else load_suite(suite)
    if backend is not None:
        s = s.model_copy(update={"backend": backend})
    log: Log = _stderr_log if progress else (lambda _msg: None)
    t0 = time.perf_counter()
    calls = eval_calls(s.workflows, seed=s.seeds.test, n=s.test_runs, namespace=s.namespace)
    _, skipped = make_baselines(s.model_copy(update={"baselines": [b for b in s.baselines if b == "embedding"]}))
    for reason in skipped.values():
        log(reason)
    points: list[Point] = []
    http_stats: dict[str, Any] | None = None
    with tempfile.TemporaryDirectory(prefix="rote-eval-", dir=work_dir) as tmp:
        for n in s.curve_points():
            log(f"[{s.name}] {n} training run(s) per workflow: ingest, induce, publish, replay")
            point = run_point(s, n, calls, Path(tmp) / f"home-{n}")
            points.append(point)
            log(f"  induction {point.induction.get('seconds', 0):.2f}s, {point.induction.get('live', 0)} live "
                f"of {point.induction.get('nodes', 0)} nodes")
            if http and n == s.train_runs:
                from evals.http import replay_http

                log("  replaying through the proxy (--http)")
                assert point.home is not None
                rows, http_stats = replay_http(s, calls, home=point.home, train_runs=n, seen=point.seen,
                                               coverage=point.coverage)
                http_stats["disagreements_with_runtime"] = _disagreements(point.rows, rows)
                point.rows.extend(rows)
    report = SuiteReport.build(
        s,
        calls=pd.DataFrame([r for p in points for r in p.rows]),
        induction=pd.DataFrame([{"train_runs": p.train_runs, **p.induction} for p in points]),
        templates=pd.DataFrame([{"train_runs": p.train_runs, **t} for p in points for t in p.templates]),
        skipped=skipped, http=http_stats, seconds=time.perf_counter() - t0)
    if report_dir is not None:
        report.write(report_dir)
        log(f"report written to {report_dir}")
    return report


def suite_config(s: Suite, env: dict[str, str] | None = None) -> InductionConfig:
    """The suite's induction settings. With an LLM backend, the model and the run's bounds come
    from the environment as for ``rote induce`` (``ROTE_LLM_MODEL``, ``ROTE_LLM_API_BASE``,
    ``ROTE_LLM_MAX_TOKENS``, ...) unless the suite's ``induction:`` names them.

    >>> from evals.suite import load_suite
    >>> small = load_suite("small").model_copy(update={"backend": "hybrid"})
    >>> suite_config(small, {"ROTE_LLM_MODEL": "openai/m", "ROTE_LLM_MAX_TOKENS": "64"}).llm_max_tokens
    64
    >>> suite_config(load_suite("small"), {"ROTE_LLM_MODEL": "openai/m"}).llm_model is None
    True
    """
    if s.backend == "heuristic":
        return InductionConfig(backend=s.backend, **s.induction)
    from flows.settings import induction_config

    return induction_config(s.backend, dict(s.induction), env=env)


def run_point(s: Suite, n: int, calls: list[EvalCall], root: Path, *, warm: bool = True) -> Point:
    home = Home(root=root).ensure()
    point = Point(train_runs=n, home=home.root)
    train = list(training_records(s.workflows, seed=s.seeds.train, n=n, namespace=s.namespace))
    seen = point.seen = {ExactCache.key(rec["request"], ns) for _, ns, rec in train}
    coverage = point.coverage = dict(path_coverage(s.workflows, seed=s.seeds.train, n=n))

    config = suite_config(s)
    with Store.open(home.store_path) as store:
        for w in s.workflows:
            lines = b"".join(orjson.dumps({"request": rec["request"], "response": rec["response"]}) + b"\n"
                             for wf, _, rec in train if wf == w)
            ingest_stream(store, io.BytesIO(lines), source=w, namespace=namespace_of(w, s.namespace))
        tree, result, pipeline = run_induction(store, config)
        sources = dict(store.con.execute("SELECT record_id, source FROM records").fetchall())
    point.induction = {k: v for k, v in pipeline.as_dict().items() if k != "counters"}
    point.templates = template_counts(result.nodes, sources, s.workflows)

    publisher = Publisher(home.publish_dir)
    manifest = publisher.publish(tree.to_bytes(), stats=pipeline.as_dict())
    data = publisher.read_tree(manifest.version)
    served = (CompiledTree.from_bytes(data) if s.lookup_budget_ms is None
              else CompiledTree.from_bytes(data, budget_ms=s.lookup_budget_ms))

    if warm:
        served.warm()  # compile every pattern now, as a long-running proxy has by then

    def rote(request: dict[str, Any], namespace: str) -> Any:
        ex = served.explain(request, namespace)
        return (None, ex.reason) if ex.hit is None else ex.hit.response

    point.rows = replay("rote", rote, calls, train_runs=n, seen=seen, coverage=coverage)
    baselines, _ = make_baselines(s)
    for cache in baselines:
        cache.fit((ns, rec["request"], rec["response"]) for _, ns, rec in train)
        point.rows += replay(cache.name, cache.lookup, calls, train_runs=n, seen=seen,
                              coverage=coverage)
    return point


def template_counts(nodes: list[Any], sources: dict[str, str], workflows: list[str]) -> list[dict[str, Any]]:
    """Template nodes per workflow: answering nodes live / staged, uncacheable nodes, all nodes.

    A node belongs to the workflows whose records it answered (its evidence), else
    to those of its descendants, else to its parent's. A node induced from records
    of several workflows counts for each and in ``shared_nodes``: one template
    serving unrelated workflows is suspect.
    """
    known = set(workflows)
    by_id = {n.id: n for n in nodes}
    kids: dict[str | None, list[str]] = {}
    for n in nodes:
        kids.setdefault(n.parent, []).append(n.id)
    owners: dict[str, set[str]] = {}

    def up(nid: str) -> set[str]:
        if nid not in owners:
            own = {sources[r] for r in by_id[nid].evidence if sources.get(r) in known}
            owners[nid] = own  # guards against cycles
            for k in kids.get(nid, []):
                own |= up(k)
        return owners[nid]

    def down(nid: str) -> set[str]:
        node = by_id[nid]
        if not owners[nid] and node.parent in by_id:
            owners[nid] = set(down(node.parent))
        return owners[nid]

    for n in nodes:
        up(n.id)
    for n in nodes:
        down(n.id)
    counts: dict[str, dict[str, Any]] = {w: {"workflow": w, "nodes": 0, "live": 0, "staged": 0, "uncacheable": 0, "shared_nodes": 0}
              for w in workflows}
    for n in nodes:
        for w in owners[n.id]:
            c = counts[w]
            c["nodes"] += 1
            if n.status == "uncacheable":
                c["uncacheable"] += 1
            elif n.response is not None:
                c[n.status] += 1
            if len(owners[n.id]) > 1:
                c["shared_nodes"] += 1
    return list(counts.values())


def _disagreements(direct: list[dict[str, Any]], http: list[dict[str, Any]]) -> int:
    """Calls where the proxy and the in-process runtime disagree on hit or correctness."""
    def key(r: dict[str, Any]) -> tuple[Any, ...]:
        return r["workflow"], r["run"], r["call"]

    mine = {key(r): (r["hit"], r["correct"]) for r in direct if r["system"] == "rote"}
    return sum(mine.get(key(r)) != (r["hit"], r["correct"]) for r in http)


def _stderr_log(msg: str) -> None:
    from rich.console import Console

    Console(stderr=True, highlight=False).print(msg, markup=False)
