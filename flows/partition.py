"""Induction per namespace, so a task runner can spread it, and the parts put back together.

Namespaces are independent: induction walks each namespace's tree on its own
and a lookup only matches templates of its own namespace, so verification
(replay and demotion) is per namespace too. ``induce_partition`` runs the
unchanged ``induction.pipeline.run_induction`` over one namespace's records,
held in a throwaway in-memory store, so a worker needs neither the DuckDB file
nor ``$ROTE_HOME``, and whatever ``run_induction`` does (backends, stages,
verification) happens exactly as it does for ``rote`` without Prefect.
``assemble`` compiles the parts' template nodes into one tree and adds up
their reports: the same tree ``run_induction`` makes over all the records.

``disabled``: template ids users reported wrong (``ok: false`` feedback) are
made uncacheable before compiling, so a published tree never serves them again,
even from a proxy replica that has not seen the feedback. (Suggested to move
into ``run_induction`` as a parameter; see the flows report.)

>>> from evals.builders import hello_records
>>> part = induce_partition(hello_records(["Erik", "Maria", "Kwame"]))
>>> tree, result, report = assemble([part])
>>> (report.records, report.live, report.demoted)
(3, 1, 0)
>>> _, _, off = assemble([part], disabled=[n.id for n in result.nodes if n.status == "live"])
>>> (off.live, off.counters["disabled_by_feedback"])
(0, 1)
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Any

import duckdb

from induction.config import InductionConfig
from induction.induce import InductionResult
from induction.pipeline import PipelineReport, run_induction
from induction.runtime.compiled import CompiledTree, compile_tree
from induction.store import Store, StoredRecord

DISABLED_NOTE = "disabled: a served answer was reported wrong (feedback ok=false)"


class RecordsStore(Store):
    """An in-memory store that serves the given records (its writes are thrown away)."""

    def __init__(self, records: Iterable[StoredRecord]) -> None:
        super().__init__(duckdb.connect(":memory:"), ":memory:")
        self.migrate()
        self._records = list(records)

    def iter_records(self, namespace: str | None = None, since_seq: int = 0) -> Iterator[StoredRecord]:
        return (r for r in self._records if r.seq > since_seq and namespace in (None, r.namespace))

    def max_seq(self) -> int:
        return max((r.seq for r in self._records), default=0)


class Partition:
    """What induction made of one namespace. Picklable (it travels back from workers) and
    deliberately not a dataclass: Prefect walks dataclasses in task arguments."""

    __slots__ = ("namespace", "report", "result")

    def __init__(self, namespace: str, result: InductionResult, report: PipelineReport) -> None:
        self.namespace, self.result, self.report = namespace, result, report


def induce_partition(records: Sequence[StoredRecord], config: InductionConfig | None = None) -> Partition:
    """``run_induction`` over these records only: induce, verify, compile."""
    with RecordsStore(records) as store:
        _, result, report = run_induction(store, config)
    return Partition(namespace=min((r.namespace for r in records), default=""), result=result, report=report)


def _add(reports: Sequence[PipelineReport]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in dataclasses.fields(PipelineReport):
        values = [getattr(r, f.name) for r in reports]
        if values and all(isinstance(v, dict) for v in values):
            total: Counter[str] = Counter()
            for v in values:
                total.update(v)
            out[f.name] = dict(total)
        elif values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            out[f.name] = sum(values)
        elif values:
            out[f.name] = values[0]
    return out


def assemble(parts: Sequence[Partition], *, disabled: Collection[str] = (), seconds: float | None = None
             ) -> tuple[CompiledTree, InductionResult, PipelineReport]:
    """One compiled tree and one report from the parts."""
    parts = sorted(parts, key=lambda p: p.namespace)
    nodes = [n for p in parts for n in p.result.nodes]
    notes: dict[str, list[str]] = {}
    for p in parts:
        for nid, why in p.result.notes.items():
            notes.setdefault(nid, []).extend(why)
    # The other fields are counters (stats, stage counters): add them up; cluster keys are merged.
    extra: dict[str, Any] = {}
    for f in dataclasses.fields(InductionResult):
        if f.name == "cluster_keys":  # template id -> its cluster: ids differ across namespaces
            extra[f.name] = {k: v for p in parts for k, v in p.result.cluster_keys.items()}
        elif f.name not in ("nodes", "notes"):
            total: Counter[str] = Counter()
            for p in parts:
                total.update(getattr(p.result, f.name))
            extra[f.name] = total
    fields = _add([p.report for p in parts])
    off = {n.id for n in nodes if n.id in set(disabled) and n.status != "uncacheable"}
    if off:
        for nid in sorted(off):
            notes.setdefault(nid, []).append(DISABLED_NOTE)
        nodes = [n.model_copy(update={"status": "uncacheable"}) if n.id in off else n for n in nodes]
        extra["stats"]["disabled_by_feedback"] += len(off)
        fields["counters"] = {**fields.get("counters", {}), "disabled_by_feedback": len(off)}
    status = Counter(n.status for n in nodes)
    fields.update(live=status["live"], staged=status["staged"], uncacheable=status["uncacheable"])
    if seconds is not None:
        fields["seconds"] = round(seconds, 3)
    tree = compile_tree(nodes)
    return tree, InductionResult(nodes=nodes, notes=notes, **extra), PipelineReport(**fields)
