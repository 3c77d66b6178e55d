"""The part both the induction and the merge flow share: induce every namespace on the
task runner, compile the live tree, publish it, record the run. Called inside a flow run.
"""

from __future__ import annotations

import time
from typing import Any

import orjson
from prefect import get_run_logger
from prefect.artifacts import create_table_artifact

from flows import progress
from flows.partition import Partition
from flows.planning import Plan
from flows.runners import task_runner
from flows.settings import FlowSettings
from flows.summary import RunSummary
from flows.tasks import (
    Compiled,
    Records,
    compile_live_tree,
    induce_namespace,
    load_records,
    publish,
    record_run,
)
from induction.config import InductionConfig
from induction.deadline import cancel_on_exit
from induction.explain import render_message
from induction.induce import InductionResult

LLM_RETRIES = 2


def rebuild(settings: FlowSettings, config: InductionConfig, plan_: Plan, summary: RunSummary,
            runner_spec: str) -> Compiled:
    """Induce -> verify -> compile -> publish -> record; fills ``summary`` in place."""
    log = get_run_logger()
    config = config.model_copy(update={"force_merge": config.force_merge | frozenset(plan_.force_merge)})
    batches, seq = load_records(settings)
    t0 = time.perf_counter()
    progress.stage(f"induce ({config.backend})", len(batches))
    induce = induce_namespace
    if config.backend != "heuristic":  # model calls and E2B sandboxes fail transiently
        induce = induce_namespace.with_options(retries=LLM_RETRIES, retry_delay_seconds=[5, 30])
    parts: list[Partition] = []
    # An interrupt (SIGINT, Prefect's TerminationSignal for SIGTERM) cancels the inductions
    # before the runner waits for its workers, so the process can exit (issue 17).
    with task_runner(runner_spec) as runner, cancel_on_exit():
        futures = [runner.submit(induce.with_options(task_run_name=f"induce-{b.namespace}"),
                                 parameters={"records": b, "config": config}) for b in batches]
        for f in futures:
            parts.append(f.result())
            progress.advance()
    induce_seconds = time.perf_counter() - t0
    progress.stage("compile and publish", 3)
    compiled = compile_live_tree(parts, plan_.disabled, induce_seconds)
    progress.advance()
    report = compiled.report
    stats: dict[str, Any] = {**report.as_dict(), "max_seq": seq, "flow": summary.flow,
                             "backend": config.backend, "config": plan_.fingerprint}
    manifest = publish(settings.publish_url, compiled.tree, stats, inspector_files(compiled, batches))
    progress.advance()
    record_run(settings, compiled, plan_, seq, manifest.version)
    progress.advance()
    summary.records, summary.max_seq, summary.namespaces = report.records, seq, report.namespaces
    summary.nodes, summary.live, summary.staged, summary.uncacheable = (
        report.nodes, report.live, report.staged, report.uncacheable)
    summary.derivations, summary.demoted = report.derivations, report.demoted
    summary.verified_calls, summary.replay_hits = report.verified_calls, report.replay_hits
    summary.counters = dict(report.counters)
    summary.live_before = plan_.live_before
    summary.published_version, summary.parent_version = manifest.version, manifest.parent
    summary.content_hash = manifest.content_hash
    summary.induction_seconds = round(induce_seconds, 3)
    log.info("%d records -> %d live, %d staged, %d uncacheable template nodes; published %s", report.records,
             report.live, report.staged, report.uncacheable, manifest.version)
    _templates_artifact(compiled.result)
    return compiled


def inspector_files(compiled: Compiled, batches: list[Records]) -> dict[str, bytes]:
    """What the inspector reads beside a published tree: induction's notes per node, and the
    distinct values each variable took in these records (``inspector.values``)."""
    from induction.runtime.compiled import CompiledTree
    from inspector.values import VALUES_FILE, value_counts

    tree = CompiledTree.from_bytes(compiled.tree)
    values = value_counts(tree, ((r.namespace, r.messages) for b in batches for r in b.items))
    return {"notes.json": orjson.dumps(compiled.result.notes), VALUES_FILE: orjson.dumps(values)}


def _templates_artifact(result: InductionResult, limit: int = 200) -> None:
    order = {"live": 0, "staged": 1, "uncacheable": 2}
    nodes = sorted(result.nodes, key=lambda n: (order.get(n.status, 3), n.namespace, n.id))[:limit]
    rows = [{"node": n.id[:12], "namespace": n.namespace, "status": n.status, "role": n.template.role,
             "template": render_message(n.template)[:200],
             "answer": render_message(n.response.message)[:200] if n.response else "",
             "why": "; ".join(result.notes.get(n.id, []))[:200]} for n in nodes]
    create_table_artifact(key="induction-templates", table=rows,
                          description=f"Template nodes (first {limit}, live first)")
