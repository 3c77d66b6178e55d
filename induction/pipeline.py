"""The induction pipeline as plain functions: store -> induce -> verify -> compile -> publish.

Flows (``flows/``) wrap these in Prefect tasks; the CLI and tests call them directly.

Verification replays every training call through the compiled tree: a call
whose context hits must get back exactly the recorded answer (tool-call ids
aside). A merged node that fails is induced again with its cluster split into
its distinct messages (up to ``VERIFY_ROUNDS`` passes); a node that still fails
is demoted to uncacheable and the tree compiled again, until every replay is a
miss or a correct hit.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from induction.backends import Deriver, make_stages
from induction.config import InductionConfig
from induction.hashing import canonical_message
from induction.induce import InductionResult, induce
from induction.runtime.compiled import CompiledTree, compile_tree
from induction.runtime.nodes import TemplateNode
from induction.store import Store, StoredRecord


@dataclass
class PipelineReport:
    """What one induction run did (also the published manifest's ``stats``)."""

    records: int = 0
    namespaces: int = 0
    nodes: int = 0
    live: int = 0
    staged: int = 0
    uncacheable: int = 0
    derivations: int = 0
    demoted: int = 0
    verified_calls: int = 0
    replay_hits: int = 0
    seconds: float = 0.0
    counters: dict[str, int | float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()}


# Induction passes at most: each can split the merged nodes the previous one failed to verify.
VERIFY_ROUNDS = 3


def same_answer(got: dict[str, Any], want: dict[str, Any]) -> bool:
    """Recorded and hydrated answers agree: text, tool names, parsed arguments (ids ignored)."""
    return canonical_message(got) == canonical_message(want)


def verify(nodes: list[TemplateNode], records: Sequence[StoredRecord]) -> tuple[CompiledTree, set[str], int]:
    """Compile, replay every record, demote failing nodes; returns (tree, demoted ids, hits)."""
    demoted: set[str] = set()
    while True:
        # A generous budget: verification is about answers, not about this machine being busy.
        tree = compile_tree(nodes, budget_ms=1000.0)
        bad: set[str] = set()
        hits = 0
        for rec in records:
            request = {**rec.params, "messages": rec.messages}
            hit = tree.lookup(request, rec.namespace)
            if hit is None:
                continue
            hits += 1
            got = hit.response["choices"][0]["message"]
            if not same_answer(got, rec.response_message):
                bad.add(hit.node_id)
        if not bad:
            return tree, demoted, hits
        demoted |= bad
        nodes = [n.model_copy(update={"status": "uncacheable"}) if n.id in bad else n for n in nodes]


def run_induction(store: Store, config: InductionConfig | None = None, *, namespace: str | None = None,
                  deriver: Deriver | None = None) -> tuple[CompiledTree, InductionResult, PipelineReport]:
    """Induce over every record in the store (or one namespace), verify and compile."""
    config = config or InductionConfig()
    t0 = time.perf_counter()
    records = list(store.iter_records(namespace))
    keep_apart: set[str] = set()
    with make_stages(config) as stages:
        for _ in range(VERIFY_ROUNDS):
            result = induce(records, config, deriver, stages, keep_apart)
            tree, demoted, hits = verify(result.nodes, records)
            # A merged node that failed is induced again with its cluster's messages kept
            # apart; what still fails after the last pass is demoted.
            merged = {result.cluster_keys[n.id] for n in result.nodes
                      if n.id in demoted and not n.template.is_literal and n.id in result.cluster_keys}
            if not merged - keep_apart:
                break
            keep_apart |= merged
    for nid in demoted:
        result.notes.setdefault(nid, []).append("demoted: replaying a training call gave a different answer")
    nodes = [n.model_copy(update={"status": "uncacheable"}) if n.id in demoted else n for n in result.nodes]
    result.nodes = nodes
    status = Counter(n.status for n in nodes)
    report = PipelineReport(
        records=len(records), namespaces=len({r.namespace for r in records}), nodes=len(nodes),
        live=status["live"], staged=status["staged"], uncacheable=status["uncacheable"],
        derivations=sum(len(n.derivations) + (len(n.response.derivations) if n.response else 0) for n in nodes),
        demoted=len(demoted), verified_calls=len(records), replay_hits=hits,
        seconds=round(time.perf_counter() - t0, 3), counters={**result.stats, **result.stage_counters})
    save_templates(store, result)
    return tree, result, report


def save_templates(store: Store, result: InductionResult) -> None:
    """Keep the induced nodes and the reasons in the store, for ``rote explain``."""
    con = store.con
    con.execute("CREATE TABLE IF NOT EXISTS templates (node_id VARCHAR PRIMARY KEY, namespace VARCHAR, "
                "parent_id VARCHAR, status VARCHAR, body VARCHAR, notes VARCHAR)")
    con.execute("BEGIN")
    try:
        con.execute("DELETE FROM templates")
        rows = [(n.id, n.namespace, n.parent, n.status, n.model_dump_json(),
                 orjson.dumps(result.notes.get(n.id, [])).decode()) for n in result.nodes]
        if rows:
            con.executemany("INSERT OR REPLACE INTO templates VALUES (?, ?, ?, ?, ?, ?)", rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def load_templates(store: Store) -> list[tuple[TemplateNode, list[str]]]:
    exists = store.con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'templates'").fetchone()
    if not exists or not exists[0]:
        return []
    rows = store.con.execute("SELECT body, notes FROM templates").fetchall()
    return [(TemplateNode.model_validate_json(b), orjson.loads(n)) for b, n in rows]
