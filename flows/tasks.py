"""The flows' Prefect tasks: each wraps one step of ``induction`` / ``flows.spool``.

Tasks that touch the DuckDB store are called directly by the flow, so they run
in the flow's process (DuckDB allows one writer process) and open the store only
for their own step. ``induce_namespace`` is pure and goes to the task runner.
No task caches its result: the store changes under the same inputs.

Retries: inducing with an LLM backend (model calls, E2B sandboxes) and
publishing (object storage) retry on transient errors; a deterministic failure
(the heuristic backend, a bad argument, a refused derivation) does not.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import orjson
from prefect import State, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import MissingContextError

from flows.errors import NothingToMergeError
from flows.nodes import MergeReport, MergeTarget, merge_report, resolve_target
from flows.partition import Partition, assemble, induce_partition
from flows.planning import FINGERPRINT_KEY, FORCE_MERGE_KEY, LAST_SEQ_KEY, PUBLISHED_KEY, Plan, decide
from flows.settings import FlowSettings
from flows.spool import take_in
from flows.summary import IngestSummary
from induction.config import InductionConfig
from induction.induce import InductionResult
from induction.pipeline import PipelineReport, save_templates
from induction.publish import Manifest, Publisher
from induction.store import StoredRecord
from rote.errors import InductionError, LLMError, PolicyViolation, RoteError, SandboxError, StoreLockedError


class Records:
    """One namespace's records. Opaque to Prefect, which walks lists, dataclasses and models
    in task arguments looking for futures (that would cost more than the induction)."""

    __slots__ = ("items", "namespace")

    def __init__(self, namespace: str, items: Sequence[StoredRecord]) -> None:
        self.namespace = namespace
        self.items = list(items)

    def __len__(self) -> int:
        return len(self.items)


class Compiled:
    """The compiled tree's bytes with the result and report it came from (opaque, as ``Records``)."""

    __slots__ = ("report", "result", "tree")

    def __init__(self, tree: bytes, result: InductionResult, report: PipelineReport) -> None:
        self.tree, self.result, self.report = tree, result, report


def _transient(task: Any, task_run: Any, state: State[Any]) -> bool:
    """Retry on model, sandbox, network and I/O failures; never on a refused or wrong result."""
    try:
        state.result()
    except InductionError as e:
        return isinstance(e, LLMError)
    except SandboxError as e:  # the sandbox failed (not the code in it); a refusal is not transient
        return not isinstance(e, PolicyViolation)
    except (OSError, TimeoutError, ConnectionError):
        return True
    except RoteError:
        return False
    except Exception:  # provider/client errors not wrapped by the backend
        return True
    return False


def _logger() -> Any:
    """The run's logger, or a plain one when a task's function is called outside a run (``.fn``)."""
    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger("rote.flows")


def _store_busy(task: Any, task_run: Any, state: State[Any]) -> bool:
    """Retry a store step that met the store held past ``store_wait`` (a long ``rote ingest``)."""
    try:
        state.result()
    except StoreLockedError:
        return True
    except BaseException:
        return False
    return False


@task(name="ingest", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[30, 120],
      retry_condition_fn=_store_busy)
def ingest(settings: FlowSettings, files: list[str]) -> IngestSummary:
    """Closed spool segments (and those a dead proxy left open, sealed first) and the given files
    not ingested before; then feedback reports. Waits for the store while another process holds
    it, and is retried if it is still held after ``settings.store_wait``."""
    log = get_run_logger()
    return take_in(settings.home, files, log=log.info, wait=settings.store_wait, on_wait=log.warning)


@task(name="plan", cache_policy=NO_CACHE)
def plan(settings: FlowSettings, config: InductionConfig, full: bool, extra_merge: Sequence[str] = ()) -> Plan:
    """Decide whether anything changed since the last successful run."""
    return decide(settings, config, full=full, extra_merge=extra_merge)


@task(name="load-records", cache_policy=NO_CACHE)
def load_records(settings: FlowSettings) -> tuple[list[Records], int]:
    """Every record, one batch per namespace (namespace order), and the highest seq read."""
    with settings.open_store(read_only=True, on_wait=_logger().warning) as store:
        seq = store.max_seq()
        by_ns: dict[str, list[StoredRecord]] = {}
        for rec in store.iter_records():
            by_ns.setdefault(rec.namespace, []).append(rec)
    return [Records(ns, by_ns[ns]) for ns in sorted(by_ns)], seq


@task(name="induce-namespace", cache_policy=NO_CACHE, retry_condition_fn=_transient)
def induce_namespace(records: Records, config: InductionConfig) -> Partition:
    """Induce and verify one namespace (no store, no home: runs on any worker of the task runner)."""
    part = induce_partition(records.items, config)
    r = part.report
    get_run_logger().info("namespace %s: %d records -> %d template nodes (%d live, %d demoted) in %.2f s",
                          records.namespace, r.records, r.nodes, r.live, r.demoted, r.seconds)
    return part


@task(name="compile", cache_policy=NO_CACHE)
def compile_live_tree(parts: list[Partition], disabled: list[str], seconds: float) -> Compiled:
    tree, result, report = assemble(parts, disabled=disabled, seconds=seconds)
    return Compiled(tree.to_bytes(), result, report)


@task(name="publish", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 10],
      retry_condition_fn=_transient)
def publish(publish_url: str, tree: bytes, stats: dict[str, Any], files: dict[str, bytes] | None = None) -> Manifest:
    """A new immutable version, then ``current`` moves to it (see ``induction.publish``).

    First what interrupted publishes left is swept: half-written files and versions without a
    valid manifest are removed, complete versions that never became current are listed (in the
    log and in the new manifest's ``stats["never_current"]``)."""
    log = _logger()
    pub = Publisher(publish_url)
    swept = pub.sweep()
    if swept.removed_tmp or swept.removed_incomplete:
        log.warning("removed what interrupted publishes left: %d temporary file(s), incomplete version(s) %s",
                    len(swept.removed_tmp), ", ".join(swept.removed_incomplete) or "none")
    if swept.never_current:
        log.warning("complete version(s) that never became current (kept; `rote publish --rollback VERSION` "
                    "serves one): %s", ", ".join(swept.never_current))
    extra = {"never_current": swept.never_current} if swept.never_current else {}
    # ``files`` beside the tree: notes.json (induction's reasons per node), values.json (distinct
    # values per variable), for `rote why`, `rote templates` and the inspector.
    manifest = pub.publish(tree, stats={**stats, **extra}, files=files)
    log.info("published version %s (parent %s) to %s", manifest.version, manifest.parent, publish_url)
    return manifest


@task(name="record-run", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[30, 120],
      retry_condition_fn=_store_busy)
def record_run(settings: FlowSettings, compiled: Compiled, plan_: Plan, seq: int, version: str) -> None:
    """Keep the templates (for ``rote explain``) and what the next incremental run compares against."""
    with settings.open_store(on_wait=_logger().warning) as store:
        save_templates(store, compiled.result)
        store.con.execute("BEGIN")
        try:
            store.set_kv(LAST_SEQ_KEY, str(seq))
            store.set_kv(FINGERPRINT_KEY, plan_.fingerprint)
            store.set_kv(PUBLISHED_KEY, version)
            store.set_kv(FORCE_MERGE_KEY, orjson.dumps(plan_.force_merge).decode())
            store.con.execute("COMMIT")
        except BaseException:
            store.con.execute("ROLLBACK")
            raise


@task(name="resolve-node", cache_policy=NO_CACHE)
def resolve_node(settings: FlowSettings, node_id: str) -> MergeTarget:
    """The store node to merge the children of (from a store or template node id or prefix)."""
    with settings.open_store(read_only=True, on_wait=_logger().warning) as store:
        target = resolve_target(store, node_id)
        children = len(store.children(target.store_node_id))
    if children < 2:
        raise NothingToMergeError(target.store_node_id, children)
    return target


@task(name="merge-report", cache_policy=NO_CACHE)
def report_merge(settings: FlowSettings, target: MergeTarget, compiled: Compiled) -> MergeReport:
    """How the target's children were grouped into templates."""
    with settings.open_store(read_only=True, on_wait=_logger().warning) as store:
        return merge_report(store, target, compiled.result.nodes)
