"""The induction pipeline as plain functions: store -> induce -> verify -> compile -> publish.

Flows (``flows/``) wrap these in Prefect tasks; the CLI and tests call them directly.

Verification replays every training call through the compiled tree: a call
whose context hits must get back exactly the recorded answer (tool-call ids
aside). A merged node that fails is induced again with its cluster split into
its distinct messages (up to ``VERIFY_ROUNDS`` passes); a node that still fails
is demoted to uncacheable and the tree compiled again, until every replay is a
miss or a correct hit. A demoted node answers nothing from then on, not even an
exact repeat of its context (it answered one of those wrongly), so each round
demotes new nodes or ends: at most ``InductionConfig.verify_max_rounds`` rounds.

A run is bounded in time (``InductionConfig.run_deadline_s``) and can be cancelled
from outside (``induction.deadline``): both stop it at the next check with an
``InductionError`` and nothing published.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
import pyarrow as pa

from induction.backends import Deriver, Namer, Span, SpanIdentifier, Stages, StructureJudge, make_stages
from induction.config import InductionConfig
from induction.deadline import Deadline
from induction.hashing import canonical_message
from induction.identifier import Gap, Skeleton
from induction.induce import InductionResult, induce
from induction.rules import tag
from induction.runtime.compiled import CompiledTree, compile_tree
from induction.runtime.nodes import Derivation, TemplateNode
from induction.runtime.tokens_limit import recorded_usage
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
    # What the run says about itself (a model unfit for judging, ...), also logged.
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()}


log = logging.getLogger(__name__)

# Induction passes at most: each can split the merged nodes the previous one failed to verify.
VERIFY_ROUNDS = 3


def _answer_of(msg: dict[str, Any]) -> dict[str, Any]:
    """The canonical answer, without a legacy ``function_call`` that only repeats one of
    its ``tool_calls`` (some OpenAI-compatible servers send both). The runtime serves
    ``tool_calls`` alone, so such a recorded answer and its replay are the same answer; a
    ``function_call`` that says something else still counts (and then differs)."""
    out = canonical_message(msg)
    fc = out.get("function_call")
    if fc is not None and fc in out.get("tool_calls", ()):
        del out["function_call"]
    return out


def same_answer(got: dict[str, Any], want: dict[str, Any]) -> bool:
    """Recorded and hydrated answers agree: text, tool names, parsed arguments (ids ignored;
    a legacy ``function_call`` that mirrors a tool call ignored).

    >>> call = {"id": "call_1", "type": "function", "function": {"name": "f", "arguments": '{"a": 1}'}}
    >>> want = {"role": "assistant", "tool_calls": [call], "function_call": {"name": "f", "arguments": '{"a":1}'}}
    >>> same_answer({"role": "assistant", "content": None, "tool_calls": [call]}, want)
    True
    >>> same_answer({"role": "assistant", "content": None, "tool_calls": [call]},
    ...             {**want, "function_call": {"name": "g", "arguments": "{}"}})
    False
    """
    return _answer_of(got) == _answer_of(want)


def silence(nodes: Sequence[TemplateNode], ids: set[str]) -> list[TemplateNode]:
    """``nodes`` with those in ``ids`` demoted: uncacheable and without an answer, so they
    answer nothing at all (an uncacheable node keeping its literal answer would still serve
    exact repeats, the very calls it was demoted for)."""
    return [n.model_copy(update={"status": "uncacheable", "response": None}) if n.id in ids else n for n in nodes]


def verify(nodes: list[TemplateNode], records: Sequence[StoredRecord], *, max_rounds: int = 20,
           deadline: Deadline | None = None) -> tuple[CompiledTree, set[str], int]:
    """Compile, replay every record, demote failing nodes; returns (tree, demoted ids, hits).

    Each round demotes the nodes that answered a replay wrongly; a demoted node answers
    nothing in later rounds, so a round either demotes new nodes or is the last. If
    ``max_rounds`` pass without settling (it should not happen), every answering node is
    demoted: this run then serves nothing rather than something unverified.
    """
    demoted: set[str] = set()
    for _ in range(max_rounds):
        # A generous budget: verification is about answers, not about this machine being busy.
        tree = compile_tree(silence(nodes, demoted), budget_ms=1000.0)
        bad: set[str] = set()
        hits = 0
        for i, rec in enumerate(records):
            if deadline is not None and not i % 64:
                deadline.check("verification")
            request = {**rec.params, "messages": rec.messages}
            explained = tree.explain(request, rec.namespace)
            hit = explained.hit
            if hit is None:
                # A miss because templates disagreed still shows a node that would have
                # answered this training call wrongly (its rival's evidence masked it): such a
                # node must not answer a request where no rival happens to match.
                bad.update(nid for nid, message in explained.disagreeing
                           if not same_answer(message, rec.response_message))
                continue
            hits += 1
            got = hit.response["choices"][0]["message"]
            if not same_answer(got, rec.response_message):
                bad.add(hit.node_id)
        if not bad:
            return tree, demoted, hits
        demoted |= bad
    demoted |= {n.id for n in nodes if n.response is not None}
    return compile_tree(silence(nodes, demoted), budget_ms=1000.0), demoted, 0


class _CheckedDeriver:
    """A deriver that checks the run's deadline first: induction calls it for every gap."""

    def __init__(self, inner: Deriver, deadline: Deadline) -> None:
        self.inner, self.deadline = inner, deadline

    def derive(self, values: Sequence[Any], scopes: Sequence[Mapping[str, Any]]) -> Derivation | None:
        self.deadline.check("derivation")
        return self.inner.derive(values, scopes)

    def note_item(self, var: str, path: str, fixed: Mapping[str, Any] | None = None) -> None:
        self.inner.note_item(var, path, fixed)


class _CheckedNamer:
    def __init__(self, inner: Namer, deadline: Deadline) -> None:
        self.inner, self.deadline = inner, deadline

    def name(self, gap: Gap, taken: set[str], message_text: str) -> str:
        self.deadline.check("naming")
        return self.inner.name(gap, taken, message_text)


class _CheckedSpans:
    def __init__(self, inner: SpanIdentifier, deadline: Deadline) -> None:
        self.inner, self.deadline = inner, deadline

    def spans(self, message_text: str, later_texts: list[str], declared: Mapping[str, Any]) -> list[Span]:
        self.deadline.check("span identification")
        return self.inner.spans(message_text, later_texts, declared)


class _CheckedJudge:
    def __init__(self, inner: StructureJudge, deadline: Deadline) -> None:
        self.inner, self.deadline = inner, deadline

    def deciding(self, sk: Skeleton, gaps: Sequence[Gap], answers: Sequence[str | None]) -> dict[int, str]:
        self.deadline.check("structure judging")
        return self.inner.deciding(sk, gaps, answers)


def _checked(stages: Stages, deadline: Deadline) -> Stages:
    """The same stages (same counters, client and closers) behind deadline checks."""
    if stages.client is not None:
        stages.client.deadline = deadline
    return dataclasses.replace(
        stages, deriver=_CheckedDeriver(stages.deriver, deadline), namer=_CheckedNamer(stages.namer, deadline),
        span_identifier=_CheckedSpans(stages.span_identifier, deadline),
        judge=None if stages.judge is None else _CheckedJudge(stages.judge, deadline))


@dataclass
class _Pass:
    """Induction and verification to a fixed point (``VERIFY_ROUNDS`` passes at most)."""

    result: InductionResult
    tree: CompiledTree
    demoted: set[str]
    hits: int

    @property
    def live(self) -> int:
        return sum(n.status == "live" and n.id not in self.demoted for n in self.result.nodes)


def with_recorded_usage(nodes: Sequence[TemplateNode], records: Sequence[StoredRecord]) -> list[TemplateNode]:
    """Each answer's ``usage`` with what the runtime needs to check a token limit in tokens:
    the largest recorded completion count, whether the answer is literal, and the ratio of
    recorded tokens to its estimate (``runtime.tokens_limit.recorded_usage``), from the
    answers of the node's evidence. The means induction put there stay as they are."""
    by_id = {r.record_id: r for r in records}
    out = []
    for n in nodes:
        if n.response is not None and n.evidence:
            responses = [by_id[rid].response for rid in n.evidence if rid in by_id]
            if responses:
                extra = recorded_usage(responses, literal=n.response.message.is_literal)
                usage = {**extra, **(n.response.usage or {})}
                n = n.model_copy(update={"response": n.response.model_copy(update={"usage": usage})})
        out.append(n)
    return out


def _induce_verified(records: list[StoredRecord], config: InductionConfig, deriver: Deriver | None,
                     stages: Stages, deadline: Deadline) -> _Pass:
    keep_apart: set[str] = set()
    for _ in range(VERIFY_ROUNDS):
        deadline.check("induction")
        result = induce(records, config, deriver, stages, keep_apart)
        result.nodes = with_recorded_usage(result.nodes, records)
        deadline.check("induction")
        tree, demoted, hits = verify(result.nodes, records, max_rounds=config.verify_max_rounds, deadline=deadline)
        # A merged node that failed is induced again with its cluster's messages kept
        # apart; what still fails after the last pass is demoted.
        merged = {result.cluster_keys[n.id] for n in result.nodes
                  if n.id in demoted and not n.template.is_literal and n.id in result.cluster_keys}
        if not merged - keep_apart:
            break
        keep_apart |= merged
    return _Pass(result, tree, demoted, hits)


def judge_fitness(config: InductionConfig, asked: int, splits: int) -> bool:
    """Whether a StructureJudge that split ``splits`` of the ``asked`` templates the heuristic
    rules held safe is fit for judging: False when it split more than
    ``judge_max_split_share`` of them, over at least ``judge_min_asked``.

    >>> judge_fitness(InductionConfig(), asked=20, splits=19), judge_fitness(InductionConfig(), asked=20, splits=3)
    (False, True)
    >>> judge_fitness(InductionConfig(), asked=2, splits=2)  # too few to tell
    True
    """
    return not (asked >= config.judge_min_asked and splits > config.judge_max_split_share * asked)


def _judged(records: list[StoredRecord], config: InductionConfig, deriver: Deriver | None, stages: Stages,
            deadline: Deadline, done: _Pass, report: dict[str, int | float], warnings: list[str]) -> _Pass:
    """What the StructureJudge's splits cost (the same run without it), and the run without it
    when the judge is unfit and ``judge_fallback`` is on."""
    splits = int(done.result.stats.get("judge_splits", 0))
    asked = int(stages.stats.get("llm_judge_asked", 0))
    report.update(judge_asked=asked, judge_splits=splits, judge_live_cost=0, judge_unfit=0, judge_fallback=0)
    if not splits:
        return done
    # The heuristic decision alone: the same stages without the judge (the model's other
    # answers are memoised, so this costs few calls).
    plain = _induce_verified(records, config, deriver, dataclasses.replace(stages, judge=None), deadline)
    # Live templates, not training replays: a split cluster's literal pieces still answer the
    # very calls they were recorded from, but no new values.
    report["judge_live_cost"] = plain.live - done.live
    if judge_fitness(config, asked, splits):
        return done
    report["judge_unfit"] = 1
    message = (f"the model is unfit for judging structure: it split {splits} of the {asked} templates the "
               f"heuristic rules held safe (more than {config.judge_max_split_share:.0%}), costing "
               f"{plain.live - done.live} live templates")
    if not config.judge_fallback:
        warnings.append(message + "; its splits are kept (judge_fallback is off)")
        return done
    report["judge_fallback"] = 1
    warnings.append(message + "; the heuristic decision is used instead (judge_fallback)")
    return plain


def run_induction(store: Store, config: InductionConfig | None = None, *, namespace: str | None = None,
                  deriver: Deriver | None = None, stages: Stages | None = None,
                  ) -> tuple[CompiledTree, InductionResult, PipelineReport]:
    """Induce over every record in the store (or one namespace), verify and compile.

    ``stages``: use these (the caller closes them) instead of ``make_stages(config)``.
    Raises ``RunTimedOut`` past ``config.run_deadline_s`` and ``RunCancelled`` when cancelled
    (``induction.deadline``); nothing is saved then.

    >>> from induction.store import Store
    >>> with Store.open(":memory:") as store:
    ...     tree, result, report = run_induction(store)
    >>> report.records, report.warnings
    (0, [])
    """
    config = config or InductionConfig()
    t0 = time.perf_counter()
    deadline = Deadline.start(config.run_deadline_s)
    warnings: list[str] = []
    judge_report: dict[str, int | float] = {}
    try:
        records = list(store.iter_records(namespace))
        with contextlib.ExitStack() as stack:
            owned = stages is None
            base = make_stages(config) if stages is None else stages
            if owned:
                stack.enter_context(base)
            run_stages = _checked(base, deadline)
            checked_deriver = None if deriver is None else _CheckedDeriver(deriver, deadline)
            done = _induce_verified(records, config, checked_deriver, run_stages, deadline)
            if base.judge is not None:
                done = _judged(records, config, checked_deriver, run_stages, deadline, done, judge_report, warnings)
            # Everything the stages did in this run: a pass's own snapshot misses the calls of the
            # passes after it (the judge's comparison run asks the model about other clusters).
            stage_counters = base.counters()
        deadline.check("compilation")
    finally:
        deadline.close()
    for message in warnings:
        log.warning("%s", message)
    result, tree, demoted, hits = done.result, done.tree, done.demoted, done.hits
    for nid in demoted:
        result.notes.setdefault(nid, []).append(
            "demoted: replaying a training call gave a different answer " + tag("verify-apart"))
    nodes = silence(result.nodes, demoted)
    result.nodes = nodes
    status = Counter(n.status for n in nodes)
    report = PipelineReport(
        records=len(records), namespaces=len({r.namespace for r in records}), nodes=len(nodes),
        live=status["live"], staged=status["staged"], uncacheable=status["uncacheable"],
        derivations=sum(len(n.derivations) + (len(n.response.derivations) if n.response else 0) for n in nodes),
        demoted=len(demoted), verified_calls=len(records), replay_hits=hits,
        seconds=round(time.perf_counter() - t0, 3),
        counters={**result.stats, **stage_counters, **judge_report}, warnings=warnings)
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
            # One Arrow batch, not executemany: DuckDB binds executemany row by row (seconds
            # for a few thousand nodes). Node ids are unique within one result.
            batch = pa.table({name: [r[i] for r in rows] for i, name in enumerate(
                ("node_id", "namespace", "parent_id", "status", "body", "notes"))})
            con.register("_rote_templates_batch", batch)
            try:
                con.execute("INSERT OR REPLACE INTO templates SELECT * FROM _rote_templates_batch")
            finally:
                con.unregister("_rote_templates_batch")
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
