"""Tree induction: recorded runs in, template nodes out.

Walks the store's prefix tree top-down. At each template node, the children of
all its members (the store nodes it stands for) are grouped by skeleton and
clustered; each cluster becomes one template (Identifier -> Namer -> Arranger
-> Deriver), its members' bindings are extended, and the node's **response**
is induced from the calls answered at its members:

- one answer template for all members, every slot a variable in scope or a
  verified derivation of them -> the node answers (live once ``min_runs``
  calls agree, else staged);
- answers that differ in structure (a branch) or need values from thin air ->
  the node is uncacheable for new values; if the node's own new variables
  decide it, the cluster is split by their values (each value becomes
  structure) and induced again;
- a gap with a few repeated one-word values (``active``/``inactive``) that no
  later message explains is branching data: the cluster is split by it.

The rules that keep false hits out (what is structure, what an answer may serve, what
the runtime must check) live one per module in ``induction.rules``, listed in order in
``induction.rules.RULES``; this module walks the tree and applies them, counting each in
``InductionResult.stats`` and naming it in every note of a split, a staged or an
uncacheable verdict (``[rule: thin-air]``).

Everything here is deterministic and offline; the LLM backend plugs in through
the stage protocols of ``induction.backends`` (a Deriver and a Namer).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any

import orjson

from induction.arranger import hydration_order, same_variable
from induction.backends import Deriver, HeuristicSpanIdentifier, Stages, make_stages
from induction.config import InductionConfig
from induction.evidence import distinct, enough, value_kind
from induction.hashing import canonical_message, digest, message_hash
from induction.identifier import Gap, Skeleton, identify, identify_declared, skeleton_key, text_of
from induction.rules import tag
from induction.rules.coarsening import coarsen, whole_tokens
from induction.rules.context_bound import binds, pins
from induction.rules.deciding_value import deciding
from induction.rules.edges_and_refusals import literal_after, refused, slot_edges
from induction.rules.enum_values import is_enum
from induction.rules.marks import is_mark
from induction.rules.min_runs import literal_texts, traced
from induction.rules.min_runs import verdict as runs_verdict
from induction.rules.relations import relations
from induction.rules.results_order import out_of_order
from induction.rules.rivals import const, reference_alternatives, widen
from induction.rules.split_by_answer import answer_groups
from induction.rules.structure_evidence import CONTINUATION_DEPTH, determines, is_data
from induction.rules.structure_judge import note as judge_note
from induction.rules.thin_air import why as thin_air_why
from induction.rules.thin_air import worth_splitting
from induction.rules.unread_values import id_like, is_quantity, number_in
from induction.rules.unreadable import reads_back
from induction.rules.unused_prose import used_later, wordy
from induction.rules.verify_apart import cluster_key
from induction.runtime.dsl import expr_vars as _expr_vars
from induction.runtime.messages import match_message
from induction.runtime.nodes import Derivation, ResponseTemplate, Status, TemplateNode
from induction.runtime.ranges import range_of
from induction.runtime.template import (
    MessageTemplate,
    Slot,
    SlotKind,
    TextTemplate,
    ToolCallTemplate,
)
from induction.store import StoredRecord
from induction.tokens import recognise

_SPANS = HeuristicSpanIdentifier()
PROPOSAL_LATER = 8  # model outputs a proposal looks at for copied values


@dataclass(slots=True)
class _StoreNode:
    id: str
    parent: str | None
    msg: dict[str, Any]
    children: list[str] = field(default_factory=list)
    answers: list[StoredRecord] = field(default_factory=list)
    runs: int = 0  # final calls of runs passing through (distinct-run evidence)
    declared: dict[str, Any] = field(default_factory=dict)  # user-declared bindings of records through it


@dataclass(slots=True)
class _Member:
    node: str
    scope: dict[str, Any]
    user_bound: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Context:
    """What a split hands down to the nodes of its parts (and theirs): why the cluster was
    split, what evidence said of its values, and whether its answers may depend on the values
    above them (``context-bound``)."""

    split_note: str | None = None
    evidence_note: str | None = None
    bound: bool = False

    def split(self, note: str, *, keep: bool = False) -> _Context:
        """With ``note`` as why the cluster was split (``keep``: unless a split above said why)."""
        return self if keep and self.split_note is not None else replace(self, split_note=note)

    def evidence(self, note: str) -> _Context:
        return replace(self, evidence_note=note)

    def bind(self) -> _Context:
        return replace(self, bound=True)


_NO_CONTEXT = _Context()


class _Parts(list[list[tuple[str, "_Member"]]]):
    """The parts a step split a cluster into, each made a node (or split again) with ``ctx``."""

    def __init__(self, parts: Iterable[list[tuple[str, _Member]]], ctx: _Context) -> None:
        super().__init__(parts)
        self.ctx = ctx


@dataclass(slots=True)
class _Named:
    """A message skeleton with every gap named: its template, derivations, the members' scopes
    with the new variables, those variables (with the text before each) and each gap's name."""

    template: MessageTemplate
    derivations: list[Derivation]
    scopes: list[dict[str, Any]]
    new_vars: dict[str, str]
    slots: dict[int, str]


@dataclass(slots=True)
class _Work:
    """One cluster on its way to a template node, as the steps of ``Inducer._make`` leave it."""

    parent_tid: str | None
    ns: str
    cluster: list[tuple[str, _Member]]
    ctx: _Context
    msgs: list[dict[str, Any]]
    sk: Skeleton
    forced: dict[int, str]
    scopes: list[dict[str, Any]]
    # Set by ``_name``:
    named: _Named | None = None
    trusted: frozenset[str] = frozenset()
    members: list[_Member] = field(default_factory=list)
    ckey: str = ""
    # Set by ``_answer``:
    response: ResponseTemplate | None = None
    status: Status = "staged"
    why: str = ""


@dataclass
class InductionResult:
    nodes: list[TemplateNode]
    notes: dict[str, list[str]]  # template node id -> why it is what it is
    stats: Counter[str]
    stage_counters: dict[str, int | float] = field(default_factory=dict)  # llm_* calls, tokens, cost
    cluster_keys: dict[str, str] = field(default_factory=dict)  # template node id -> its cluster (keep_apart)


def _kind(values: list[Any]) -> SlotKind:
    strs = [v for v in values if isinstance(v, str)]
    kinds = {recognise(v) for v in strs}
    if len(kinds) == 1:
        k = kinds.pop()
        if k == "digits" and not any(len(v) >= 5 or (len(v) > 1 and v[0] == "0") for v in strs):
            return "number"  # small counts and amounts may be negative or decimal next time
        if k in ("email", "date", "uuid", "digits"):
            return k  # type: ignore[return-value]
    if any("\n" in v for v in strs):
        return "multiline"
    if all(not any(c.isspace() for c in v) for v in strs):
        return "word"
    return "text"


class Inducer:
    """One induction run over a set of records (any namespaces)."""

    def __init__(self, records: Iterable[StoredRecord], config: InductionConfig, stages: Stages,
                 deriver: Deriver | None = None, keep_apart: Iterable[str] = ()) -> None:
        self.config = config
        # Clusters (``cluster_keys`` values) whose node failed verification: keep their messages apart.
        self.keep_apart = frozenset(keep_apart)
        self.cluster_keys: dict[str, str] = {}
        self.stages = stages  # the caller owns (and closes) them
        self.deriver: Deriver = deriver or self.stages.deriver
        self.namer = self.stages.namer
        self.nodes: dict[str, _StoreNode] = {}
        self.roots: dict[str, list[str]] = defaultdict(list)
        self.out: list[TemplateNode] = []
        self.notes: dict[str, list[str]] = defaultdict(list)
        self.stats: Counter[str] = Counter()
        self._identified: dict[tuple[str, ...], Skeleton | None] = {}
        self._later: dict[str, str] = {}
        self._ids: set[str] = set()  # node ids given out
        # Quantities taken for noise on evidence: every answer that does not read them serves
        # only values inside the range it was seen with (``ResponseTemplate.ranges``).
        self._bounded: set[str] = set()
        self._continuations: dict[str, frozenset[bytes]] = {}
        # (parent template, where, label) of gaps evidence found not to decide (``_weigh_structure``).
        self._cleared: set[tuple[str | None, str, str]] = set()
        self._load(list(records))

    def _identify(self, msgs: list[dict[str, Any]]) -> Skeleton | None:
        """``identify`` memoised on the messages' hashes (clustering asks twice)."""
        key = tuple(message_hash(m) for m in msgs)
        if key not in self._identified:
            self._identified[key] = identify(msgs)
        return self._identified[key]

    # -- the store tree ----------------------------------------------------------
    def _load(self, records: list[StoredRecord]) -> None:
        in_order = [r for r in records if not out_of_order(r.messages)]
        # Results of parallel calls out of the order of the calls: the runtime never answers
        # such a context (it reads results by position), and learning from one would read
        # in-order results swapped.
        self.stats["records_out_of_order"] = len(records) - len(in_order)
        records = in_order
        for rec in records:
            parent: str | None = None
            for nid, msg in zip([*rec.node_ids, rec.response_node_id], [*rec.messages, rec.response_message],
                                strict=True):
                if nid not in self.nodes:
                    self.nodes[nid] = _StoreNode(nid, parent, msg)
                    if parent is None:
                        self.roots[rec.namespace].append(nid)
                    else:
                        self.nodes[parent].children.append(nid)
                parent = nid
            self.nodes[rec.node_ids[-1]].answers.append(rec)
            if rec.bindings:
                for nid in [*rec.node_ids, rec.response_node_id]:
                    self.nodes[nid].declared.update(rec.bindings)
        for rec in records:  # a run's final call: nothing continues from its answer
            if not self.nodes[rec.response_node_id].children:
                for nid in rec.node_ids:
                    self.nodes[nid].runs += 1
        self.stats["records"] = len(records)

    # -- driving ---------------------------------------------------------------
    def run(self) -> InductionResult:
        for ns, roots in sorted(self.roots.items()):
            self._children(None, ns, [(r, _Member("", {})) for r in roots])
        return InductionResult(self.out, dict(self.notes), self.stats, self.stages.counters(), self.cluster_keys)

    def _children(self, parent_tid: str | None, ns: str, kids: list[tuple[str, _Member]]) -> None:
        groups: dict[Any, list[tuple[str, _Member]]] = defaultdict(list)
        for sid, member in kids:
            groups[orjson.dumps(skeleton_key(self.nodes[sid].msg), default=str)].append((sid, member))
        distinct = len({message_hash(self.nodes[s].msg) for s, _ in kids})
        forced = any(m.node in self.config.force_merge for _, m in kids)
        merge = forced or distinct >= self.config.auto_merge_min_children
        for _, group in sorted(groups.items()):
            for cluster in self._cluster(group) if merge else _by_message(group, self.nodes):
                self._make(parent_tid, ns, cluster)

    def _cluster(self, group: list[tuple[str, _Member]]) -> list[list[tuple[str, _Member]]]:
        """Split siblings of one skeleton into clusters that share one template."""
        if self._ok([self.nodes[s].msg for s, _ in group]):
            return [group]
        by_hash: dict[str, list[tuple[str, _Member]]] = defaultdict(list)
        for item in group:
            by_hash[message_hash(self.nodes[item[0]].msg)].append(item)
        clusters: list[list[tuple[str, _Member]]] = []
        kinds: list[bytes] = []  # the kind of answer (role, tool names, argument keys) of each cluster
        words: list[frozenset[str]] = []  # the words (no digits) of each cluster's first member
        tries = self.config.max_cluster_tries
        for items in by_hash.values():
            msg = self.nodes[items[0][0]].msg
            kind = self._answer_kind(items[0][0])
            mine = _words(msg)
            # Compare with each cluster's first member only, the likeliest first (answered the
            # same kind of way, then most words in common): a chance fit with another kind (two
            # intents sharing "the ... of") must not take a message from its own, and trying a
            # few candidates keeps clustering linear in practice (alignment is the cost).
            scored = sorted(
                (kinds[i] != kind, -_jaccard(mine, words[i]), i)
                 for i in range(min(len(clusters), self.config.max_cluster_candidates)))
            for _, _, i in scored[:tries]:
                if self._ok([self.nodes[clusters[i][0][0]].msg, msg]):
                    clusters[i].extend(items)
                    break
            else:
                clusters.append(list(items))
                kinds.append(kind)
                words.append(mine)
        out: list[list[tuple[str, _Member]]] = []
        for c in clusters:
            if len(c) == 1 or self._ok([self.nodes[s].msg for s, _ in c]):
                out.append(c)
            else:  # pairwise fit, but not all together: the messages of each answer, if they fit,
                out.extend(self._refine(c))  # else each distinct message apart
        return out

    def _answer_kind(self, sid: str) -> bytes:
        """The kinds (role, tool names, argument keys) of the answers at a store node."""
        return b"\x00".join(sorted({orjson.dumps(skeleton_key(r.response_message), default=str)
                                     for r in self.nodes[sid].answers}))

    def _refine(self, cluster: list[tuple[str, _Member]]) -> list[list[tuple[str, _Member]]]:
        """A cluster that does not fit one template, split by what was answered: the messages
        of each answer (or, when answers copy values and so all differ, of each kind of answer:
        role, tool names, argument keys) together where they fit one template, else clustered
        again among themselves; each message apart as the last resort."""
        def exact(sid: str) -> bytes:
            return b"\x00".join(sorted(orjson.dumps(canonical_message(r.response_message))
                                        for r in self.nodes[sid].answers))

        def kind(sid: str) -> bytes:
            return b"\x00".join(sorted({orjson.dumps(skeleton_key(r.response_message), default=str)
                                         for r in self.nodes[sid].answers}))

        def shape(sid: str) -> bytes:
            # The number of words and of punctuation marks: lines of one event with and without
            # an optional part ("1190 bytes (1.16 KB) sent" / "416 bytes sent") fall apart here.
            text = _text(self.nodes[sid].msg)
            return f"{len(text.split())}:{sum(not c.isalnum() and not c.isspace() for c in text)}".encode()

        for key in (exact, kind, shape):
            groups: dict[bytes, list[tuple[str, _Member]]] = defaultdict(list)
            for item in cluster:
                groups[key(item[0])].append(item)
            if len(groups) < 2 or 2 * len(groups) > len(cluster):
                continue  # not telling: every call its own answer, or one answer for all
            out: list[list[tuple[str, _Member]]] = []
            for part in groups.values():
                if len(part) > 1 and self._ok([self.nodes[s].msg for s, _ in part]):
                    out.append(part)
                elif len(part) > 2:
                    out.extend(self._cluster(part))  # smaller than ``cluster``: this ends
                else:
                    out.extend(_by_message(part, self.nodes))
            return out
        return _by_message(cluster, self.nodes)

    def _derivable(self, gap: Gap, scopes: list[dict[str, Any]]) -> bool:
        """Whether the Deriver explains the gap from what is in scope (``emily`` from
        ``Emily``): a value computed from the context is data, not a branch."""
        return len(set(map(repr, gap.values))) > 1 and self.deriver.derive(gap.values, scopes) is not None

    def _used_later(self, gap: Gap, cluster: list[tuple[str, _Member]]) -> bool:
        """Whether a later model output under each member mentions the member's value
        (a word of it, case-insensitive): copied or transformed, it is data."""
        return used_later(gap.values, (self._later_text(sid) for sid, _ in cluster))

    def _unread(self, members: list[_Member], new_vars: Mapping[str, str], response: ResponseTemplate | None,
                trusted: frozenset[str], *, below: bool = True) -> list[str]:
        """The numbers and dates first read at this node (not declared by the user) that
        neither this answer's slots and derivations nor (``below``) the text of any model
        output further down use."""
        used: set[str] = set()
        if response is not None:
            used = set(response.message.variables()).union(*(_uses(d) for d in response.derivations))
        return sorted(v for v in new_vars
                      if v not in used and v not in trusted
                      and not id_like([m.scope[v] for m in members], new_vars[v])
                      and is_quantity([m.scope[v] for m in members], small=not below)
                      and not (below and all(self._number_later(m.node, m.scope[v]) for m in members)))

    def _weigh(self, unread: list[str], members: list[_Member], new_vars: Mapping[str, str],
               response: ResponseTemplate | None, status: Status) -> tuple[list[str], list[str]]:
        """Split unread numbers into (still structure, noise by evidence): a number that took
        enough distinct values (``value_kind`` decides how many) across the calls of one
        shared answer is noise; with fewer, or without one answer, it stays structure."""
        if not unread or response is None or status == "uncacheable":
            return unread, []
        answered = [m for m in members if self.nodes[m.node].answers] or members
        noise: list[str] = []
        for var in unread:
            values = [m.scope[var] for m in answered]
            kind = value_kind(values, new_vars[var])
            if kind == "quantity" and range_of(values) is None:
                continue  # a quantity whose range cannot be checked stays structure
            if enough(values, kind, min_noise=self.config.min_distinct_noise,
                      min_quantity=self.config.min_distinct_quantity):
                noise.append(var)
                if kind == "quantity":
                    self._bounded.add(var)
        self.stats["evidence_noise"] += len(noise)
        return [v for v in unread if v not in noise], noise

    def _weigh_structure(self, sk: Skeleton, structural: list[Gap], cluster: list[tuple[str, _Member]],
                         scopes: list[dict[str, Any]], parent_tid: str | None, forced: dict[int, str],
                         msgs: list[dict[str, Any]], bound: bool) -> tuple[list[Gap], str | None]:
        """The gaps of ``structural`` (a repeated word, wordy text no later output uses) that stay
        structure once the runs' outcomes are weighed: a gap is data when every member goes on
        the same way (one answer template here, the same kinds of messages below) and either
        the answer copies or computes from it, or it took ``min_distinct_quantity`` distinct
        values. Marks (a board cell) always stay structure: a few runs cannot show what they
        decide. Also returns the evidence note, when evidence freed a gap."""
        candidates = [g for g in structural if not is_mark(g)]
        conts = [self._continuation(s) for s, _ in cluster]
        # A gap already found not to decide (its same value went on differently) at a wider
        # cluster of this parent is data in the parts it was split into.
        cleared = {g.gid for g in candidates if (parent_tid, g.where, g.before[-24:]) in self._cleared}
        if len(set(conts)) > 1:
            # Runs went on differently. A gap whose same value went on differently too does not
            # decide: data (evidence against a branch), if another gap tells the runs apart
            # (one way of going on per value): that one alone is the branch.
            deciding = [g for g in candidates if determines(g.values, conts) and g.gid not in cleared]
            if deciding:
                freed = [g for g in candidates if g not in deciding]
                self._cleared.update((parent_tid, g.where, g.before[-24:]) for g in freed)
                if freed:
                    self.stats["evidence_data"] += len(freed)
                    note = (f"{tag('structure-evidence')} data by evidence: "
                            + ", ".join(f"the value after {g.before[-24:]!r}" for g in freed)
                            + " (runs with the same value went on differently)")
                    return [g for g in structural if g.gid not in {x.gid for x in freed}], note
                return structural, None
            candidates = [g for g in candidates if not determines(g.values, conts)]
        if cleared and len(set(conts)) == 1:
            return [g for g in structural if g.gid not in cleared], None
        if not candidates:
            return structural, None
        named = self._template(sk, scopes, parent_tid, forced, _text(msgs[0]))
        slots, new_scopes = named.slots, named.scopes
        if sk.gaps and not reads_back(named.template, msgs, scopes, new_scopes):
            return structural, None
        members = [_Member(s, sc) for (s, _), sc in zip(cluster, new_scopes, strict=True)]
        response, status, _ = self._response(members, new_scopes, bound)
        if response is None or status == "uncacheable":
            return structural, None
        used = set(response.message.variables()).union(*(_uses(d) for d in response.derivations))
        # Short codes (a grade "B+", a size "XL", "P1") are categories a rule is written on: a
        # few seen alike say nothing of the others, copied or not. They stay structure.
        # Several values each seen in several runs, all going on alike, are evidence too.
        data = {g.gid for g in candidates
                if is_data(g.values, used=slots.get(g.gid) in used, min_distinct=self.config.min_distinct_quantity)}
        if data:
            self.stats["evidence_data"] += len(data)
            note = (f"{tag('structure-evidence')} data by evidence: "
                    + ", ".join(f"the value after {g.before[-24:]!r} ({distinct(g.values)} "
                                                      "distinct values)" for g in candidates if g.gid in data)
                    + f" — {len(cluster)} contexts, one answer template, the same continuation")
            return [g for g in structural if g.gid not in data], note
        return structural, None

    def _deciding(self, members: list[_Member], new_vars: Mapping[str, str]) -> str | None:
        """The one new variable whose values each came with a single answer (one answer per
        value, more than one answer in all, some value seen twice), if exactly one does."""
        answers = [{orjson.dumps(canonical_message(r.response_message)) for r in self.nodes[m.node].answers}
                   for m in members]
        return deciding({var: [m.scope[var] for m in members] for var in new_vars}, answers)

    def _by_answer(self, cluster: list[tuple[str, _Member]], scopes: list[dict[str, Any]]
                   ) -> list[list[tuple[str, _Member]]] | None:
        """The cluster split by answer, if each part's messages fit one template that no
        message of another part matches (else None: a value inside a slot decides, and a
        template over one answer's values would match the other's)."""
        groups = answer_groups({orjson.dumps(canonical_message(r.response_message)) for r in self.nodes[sid].answers}
                               for sid, _ in cluster)
        if groups is None:
            return None
        msgs = [self.nodes[s].msg for s, _ in cluster]
        for idx in groups:
            sk = self._identify([msgs[i] for i in idx])
            if sk is None:
                return None
            if not sk.gaps:
                continue  # one distinct message: matches only itself
            # Slot kinds as induction would give them; refusals make a template narrower, so
            # without them the check is the stricter one.
            template = _render(sk, {g.gid: f"v{g.gid}" for g in sk.gaps}, {g.gid: _kind(g.values) for g in sk.gaps})
            inside = set(idx)
            if any(match_message(template, msgs[j], scopes[j]) is not None
                   for j in range(len(cluster)) if j not in inside):
                return None
        return [[cluster[i] for i in idx] for idx in groups]

    def _continuation(self, sid: str, depth: int = CONTINUATION_DEPTH) -> frozenset[bytes]:
        """What follows a store node, as structure: the skeleton keys (role, tool names,
        argument keys) of the answers there and of the messages up to ``depth`` below. Runs
        that branched right after it (a refund instead of a tracking call) differ here; a
        branch further down is weighed where it happens, against the values read there or
        above (``_deciding``), so a value read early is not blamed for it."""
        cached = self._continuations.get(sid) if depth == CONTINUATION_DEPTH else None
        if cached is None:
            node = self.nodes[sid]
            keys = {orjson.dumps(skeleton_key(r.response_message), default=str) for r in node.answers}
            for kid in node.children:
                keys.add(orjson.dumps(skeleton_key(self.nodes[kid].msg), default=str))
                if depth > 1:
                    keys |= self._continuation(kid, depth - 1)
            cached = frozenset(keys)
            if depth == CONTINUATION_DEPTH:
                self._continuations[sid] = cached
        return cached

    def _noise_note(self, noise: list[str], members: list[_Member], new_vars: Mapping[str, str]) -> str:
        parts = []
        for var in noise:
            values = [m.scope[var] for m in members]
            kind = value_kind(values, new_vars[var])
            parts.append(f"{var} ({kind}, {distinct(values)} distinct values"
                         + (", served only inside the range seen" if var in self._bounded else "") + ")")
        return (f"{tag('unread-values')} noise by evidence: " + "; ".join(parts) + f" — {len(members)} contexts, one answer template, "
                "no answer reads them")

    def _with_ranges(self, response: ResponseTemplate, members: list[_Member]) -> ResponseTemplate:
        """``response`` with the range of every bounded quantity in scope that it does not read."""
        scopes = [m.scope for m in members if self.nodes[m.node].answers] or [m.scope for m in members]
        used = set(response.message.variables()).union(*(_uses(d) for d in response.derivations))
        ranges = dict(response.ranges)
        for var in sorted(self._bounded - used):
            if all(var in sc for sc in scopes):
                r = range_of([sc[var] for sc in scopes])
                if r is not None:
                    ranges[var] = r
        return response.model_copy(update={"ranges": ranges}) if ranges != response.ranges else response

    def _number_later(self, sid: str, value: Any) -> bool:
        """Whether a model output below a store node writes the number ``value`` (not as a
        piece of a longer number)."""
        return number_in(self._later_text(sid), value)

    def _later_outputs(self, sid: str) -> Iterator[dict[str, Any]]:
        """The model outputs (assistant messages) below a store node, nearest first."""
        queue = deque(self.nodes[sid].children)
        while queue:
            node = self.nodes[queue.popleft()]
            if node.msg.get("role") == "assistant":
                yield node.msg
            queue.extend(node.children)

    def _later_text(self, sid: str) -> str:
        """Lower-cased text of every model output below a store node (cached)."""
        cached = self._later.get(sid)
        if cached is None:
            cached = self._later[sid] = "\n".join(
                orjson.dumps(canonical_message(m)).decode().lower() for m in self._later_outputs(sid))
        return cached

    def _ok(self, msgs: list[dict[str, Any]]) -> bool:
        sk = self._identify(msgs)
        if sk is None:
            return False
        if sk.content is None or not sk.gaps or sk.role == "assistant":
            # A model output in the context is explained by the answer induced at its
            # parent; as context it is only read, so no structure threshold applies.
            return True
        literal = sum(len(p) for p in sk.content if isinstance(p, str))
        mean = sum(len(text_of(m) or "") for m in msgs) / len(msgs)
        # JSON of one shape (the same keys, lists of the same lengths) shares its structure
        # whatever the share of its text the values take (a long log excerpt in a result).
        return literal >= self.config.min_literal_share * mean or _same_json_shape(msgs)

    def _judged(self, sk: Skeleton, cluster: list[tuple[str, _Member]], scopes: list[dict[str, Any]],
                forced: dict[int, str]) -> tuple[list[Gap], str | None]:
        """The gaps the StructureJudge says decide the answer, and the note of the split. Asked
        only about new values: a reference to a variable above was judged where it was read."""
        assert self.stages.judge is not None
        asked = [g for g in sk.gaps if g.gid not in forced and same_variable(g.values, scopes) is None]
        if not asked:
            return [], None
        answers = [next((_text(r.response_message) for r in self.nodes[sid].answers), None) for sid, _ in cluster]
        verdict = self.stages.judge.deciding(sk, asked, answers)
        if not verdict:
            return [], None
        self.stats["judge_splits"] += 1
        return [g for g in asked if g.gid in verdict], judge_note(asked, verdict)

    # -- one template node ------------------------------------------------------
    def _make(self, parent_tid: str | None, ns: str, cluster: list[tuple[str, _Member]],
              ctx: _Context = _NO_CONTEXT) -> None:
        """One template node from a cluster of sibling messages, step by step; the first step
        that splits the cluster makes each of its parts instead (with what the split hands
        down, ``_Context``). The steps apply the rules of ``induction.rules`` in their order."""
        start = self._skeleton(parent_tid, ns, cluster, ctx)
        if isinstance(start, _Work):
            work = start
            for step in (self._split_structure, self._name, self._verify_apart, self._answer, self._branch):
                parts = step(work)
                if parts is not None:
                    break
            else:
                self._emit(work)
                return
        else:
            parts = start
        for sub in parts:
            self._make(parent_tid, ns, sub, parts.ctx)

    def _skeleton(self, parent_tid: str | None, ns: str, cluster: list[tuple[str, _Member]],
                  ctx: _Context) -> _Work | _Parts:
        """The cluster's skeleton (declared bindings as slots; ``coarsening``)."""
        msgs = [self.nodes[s].msg for s, _ in cluster]
        sk = self._identify(msgs)
        forced: dict[int, str] = {}
        declared = self.nodes[cluster[0][0]].declared
        if declared and sk is not None and not sk.gaps and len({message_hash(m) for m in msgs}) == 1:
            # One distinct message cannot show what varies, but the user said so.
            found = identify_declared(msgs[0], declared)
            if found is not None:
                sk = _replicate(found[0], len(msgs))
                forced = found[1]
        if sk is None:  # cannot happen for clusters from _cluster; stay safe anyway
            return _Parts([[item] for item in cluster], ctx)
        if not forced and (coarse := coarsen(sk)) is not None:
            # "ap-south-1" aligned as ap / south / 1: one value cut at its joiners would be
            # weighed piece by piece ("ap" a short code, "1" a count); whole, it is an id.
            self.stats["coarsened"] += 1
            sk = self._identified[tuple(message_hash(m) for m in msgs)] = coarse
        return _Work(parent_tid, ns, cluster, ctx, msgs, sk, forced, [m.scope for _, m in cluster])

    def _split_structure(self, w: _Work) -> _Parts | None:
        """Variation that is not data is structure (``enum-values``, ``marks``,
        ``unused-prose``, unless ``structure-evidence`` frees it; ``structure-judge``): the
        cluster is split by those values, or by answer (``split-by-answer``)."""
        sk, cluster, scopes = w.sk, w.cluster, w.scopes
        # Enum-like values (a status that decides a branch), and wordy text no later model
        # output uses (another instruction, another persona) — split the cluster by those values.
        whole = whole_tokens(sk)
        structural = [g for g in sk.gaps if g.gid not in w.forced and same_variable(g.values, scopes) is None
                      and (is_enum(whole[g.gid]) or is_mark(g)
                           or (wordy(whole[g.gid]) and not self._used_later(g, cluster)))
                      and not self._derivable(g, scopes)]
        if structural and len(cluster) > 1:
            structural, evidence = self._weigh_structure(sk, structural, cluster, scopes, w.parent_tid, w.forced,
                                                         w.msgs, w.ctx.bound)
            if evidence is not None:
                w.ctx = w.ctx.evidence(evidence)
        judged = False
        if not structural and self.stages.judge is not None:
            structural, note = self._judged(sk, cluster, scopes, w.forced)
            judged = bool(structural)
            if note is not None:
                w.ctx = w.ctx.split(note)
        if structural and len(cluster) > 1 and (by_answer := self._by_answer(cluster, scopes)) is not None:
            # What varies went with different answers, and each answer's messages keep to a
            # template of their own: split by answer, not by every value of the span.
            self.stats["answer_splits"] += 1
            w.ctx = w.ctx.split(f"{tag('split-by-answer')} kept apart by answer: each answer's messages fit a "
                                "template the others' do not match", keep=True)
            return _Parts(by_answer, w.ctx)
        if not structural:
            return None
        self.stats["structure_splits"] += 1
        rules = [_structure_rule(g, whole[g.gid], judged) for g in structural]
        for rule, _ in rules:
            if rule in _GAP_COUNTERS:
                self.stats[_GAP_COUNTERS[rule]] += 1
        why = "; ".join(f"the value after {g.before[-24:]!r} ({text}, {distinct(g.values)} distinct values)"
                        for g, (_, text) in zip(structural, rules, strict=True))
        tags = " ".join(dict.fromkeys(tag(rule) for rule, _ in rules))
        w.ctx = w.ctx.split(f"{tags} kept apart by {why}", keep=True)
        parts = _split(cluster, [[g.values[i] for g in structural] for i in range(len(cluster))])
        return self._bound_parts(w, parts)

    def _name(self, w: _Work) -> _Parts | None:
        """Every gap named (a reference, a derivation or a new variable), and the template read
        back (``unreadable``: else coarsened, or split into its messages)."""
        sk, cluster, scopes, msgs = w.sk, w.cluster, w.scopes, w.msgs
        named = self._template(sk, scopes, w.parent_tid, w.forced, _text(msgs[0]))
        if sk.gaps and not reads_back(named.template, msgs, scopes, named.scopes):
            coarse = coarsen(sk)
            if coarse is not None:
                # Adjacent slots joined by a "." or a "-" (a host name cut at its dots, a
                # version at its dashes) are ambiguous to read apart: one slot over the span
                # reads back. Induce the cluster again with that skeleton.
                self.stats["coarsened"] += 1
                self._identified[tuple(message_hash(m) for m in msgs)] = coarse
                return _Parts([cluster], w.ctx)
            # The runtime could not read its own members back (e.g. adjacent free-text
            # slots it refuses to split): such a template would only ever miss. Keep
            # each distinct message as it is instead, so exact repeats still hit.
            self.stats["unreadable_splits"] += 1
            w.ctx = w.ctx.split(f"{tag('unreadable')} kept apart: the runtime could not read the messages back "
                                "with one template", keep=True)
            parts = _by_message(cluster, self.nodes)
            if len(parts) > 1:
                return _Parts(parts, w.ctx)
            literal = self._identify(msgs)  # one distinct message: no gaps, no declared slots
            assert literal is not None and not literal.gaps
            w.sk, w.forced = literal, {}
            named = self._template(literal, scopes, w.parent_tid)
        w.named = named
        w.trusted = frozenset(w.forced.values()).union(*(m.user_bound for _, m in cluster))
        w.members = [_Member(s, sc, w.trusted) for (s, _), sc in zip(cluster, named.scopes, strict=True)]
        # The cluster by its members (content addresses): stable across passes, unlike the
        # template id, which holds the names a (possibly non-deterministic) Namer chose.
        w.ckey = cluster_key(s for s, _ in cluster)
        return None

    def _verify_apart(self, w: _Work) -> _Parts | None:
        """A cluster whose merge failed verification, each distinct message apart (``verify-apart``)."""
        if w.ckey not in self.keep_apart:
            return None
        parts = _by_message(w.cluster, self.nodes)
        if len(parts) < 2:
            return None
        # This merge failed verification (a member's answer came back different):
        # the rule is to split such a cluster or leave it as it was.
        self.stats["verify_splits"] += 1
        w.ctx = w.ctx.split(f"{tag('verify-apart')} kept apart: merged, these messages failed verification (a "
                            "training call came back with another answer)", keep=True)
        return _Parts(parts, w.ctx)

    def _answer(self, w: _Work) -> _Parts | None:
        """The answer template and its status (``thin-air``, ``rivals``, ``context-bound``,
        ``min-runs``), numbers no answer reads weighed (``unread-values``)."""
        assert w.named is not None
        members, new_vars, trusted, cluster = w.members, w.named.new_vars, w.trusted, w.cluster
        response, status, why = self._response(members, w.named.scopes, w.ctx.bound)
        unread = self._unread(members, new_vars, response, trusted)
        # Evidence first: an unread number that took several values, all followed by this one
        # answer, is noise (a port, a latency, a size), not a branch (``induction.evidence``).
        unread, noise = self._weigh(unread, members, new_vars, response, status)
        weighed = set(noise)
        if noise:
            assert response is not None
            response = self._with_ranges(response, members)
            w.ctx = w.ctx.evidence(self._noise_note(noise, members, new_vars))
        if unread and len(cluster) > 1:
            # "Is 7 even?" -> "No"; "my budget is $800" -> "Noted." and later "Yes, it fits":
            # a number read here that no answer copies or computes from was read to decide
            # (a parity, a threshold, a budget). With the few outcomes seen, serving this
            # answer, or any below it, for another number would be a guess: the number is
            # structure, even where each value was seen once.
            self.stats["unread_number_splits"] += 1
            w.ctx = w.ctx.split(f"{tag('unread-values')} kept apart by {', '.join(unread)}: a number read here "
                                "that no answer copies or computes from may decide the answer")
            keys = [[sc[v] for v in unread] for sc in w.named.scopes]
            return self._bound_parts(w, _split(cluster, keys))
        if unread:
            response, status = None, "uncacheable"
            why = (f"{tag('unread-values')} no answer uses {', '.join(unread)}, a number read here: it may decide "
                   "the answer")
        elif response is not None and status != "uncacheable":
            skipped = [v for v in self._unread(members, new_vars, response, trusted, below=False)
                       if v not in weighed]
            skipped, noise = self._weigh(skipped, members, new_vars, response, status)
            if noise:
                response = self._with_ranges(response, members)
                w.ctx = w.ctx.evidence(self._noise_note(noise, members, new_vars))
            if skipped:
                # Read here, copied only further down ("[14:05] Hi" -> "Good afternoon!", the
                # hour logged two turns later): this answer may still have turned on it.
                response, status = None, "uncacheable"
                why = (f"{tag('unread-values')} this answer does not use {', '.join(skipped)}, a number read here "
                       "(only later answers copy it): it may decide this answer")
        w.response, w.status, w.why = response, status, why
        return None

    def _branch(self, w: _Work) -> _Parts | None:
        """Answers that differ, split by the value that tells them apart (``deciding-value``,
        read here or above), by answer (``split-by-answer``), or by this message's own values
        where some repeat (``thin-air``)."""
        assert w.named is not None
        members, new_vars, new_scopes, cluster = w.members, w.named.new_vars, w.named.scopes, w.cluster
        if w.status != "uncacheable" or len(cluster) < 2:
            return None
        if not new_vars:
            above = self._deciding(members, {v: "" for v in members[0].scope if v not in w.trusted})
            if above is not None:
                # Answered differently, and a value read further up tells the answers apart
                # (each of its values was answered one way): the parts are induced apart and
                # each answer is pinned to the values it was seen with (``pins``).
                self.stats["branch_splits"] += 1
                w.ctx = w.ctx.split(f"{tag('deciding-value')} kept apart by {above} (read above): each of its "
                                    "values was answered one way").bind()
                return _Parts(_split(cluster, [[m.scope[above]] for m in members]), w.ctx)
            return None
        deciding = self._deciding(members, new_vars)
        if deciding is not None:
            # Different values led to different answers, and one value alone tells them
            # apart (``VM Started`` -> E22, ``VM Paused`` -> E20 whatever the instance id):
            # that value is the branch; the others stay data in each part.
            self.stats["branch_splits"] += 1
            w.ctx = w.ctx.split(f"{tag('deciding-value')} kept apart by {deciding}: each of its values was "
                                "answered one way")
            return self._bound_parts(w, _split(cluster, [[sc[deciding]] for sc in new_scopes]))
        by_answer = self._by_answer(cluster, w.scopes)
        if by_answer is not None:
            # Different answers, and the messages of each answer fit a template none of the
            # others' messages match (``VM Started`` vs ``Instance spawned``, whatever the
            # instance id): each answer's messages are induced apart.
            self.stats["answer_splits"] += 1
            w.ctx = w.ctx.split(f"{tag('split-by-answer')} kept apart by answer: each answer's messages fit a "
                                "template the others' do not match", keep=True)
            return _Parts(by_answer, w.ctx)
        # Thin air or a branch that this node's own values may decide: make them structure.
        keys = [[sc[v] for v in new_vars] for sc in new_scopes]
        # Only worth it when some value repeats: all-singleton parts would lose
        # the subtree's generality and gain no answer.
        if not worth_splitting(keys):
            return None
        self.stats["thin_air_splits"] += 1
        w.ctx = w.ctx.split(f"{tag('thin-air')} kept apart by {', '.join(new_vars)}: answered differently, "
                            "nothing in scope explains the answers, and some value repeats", keep=True)
        return self._bound_parts(w, _split(cluster, keys))

    def _emit(self, w: _Work) -> None:
        """The template node (its exact-repeat siblings, ``min-runs``), then its children."""
        assert w.named is not None
        sk, cluster, members, response, status, why = w.sk, w.cluster, w.members, w.response, w.status, w.why
        if (status == "staged" and response is not None and not sk.gaps and not response.derivations
                and not response.message.variables() and self.config.serve_exact_repeats):
            # Seen in one context with one answer: too little to generalise from, but the very
            # same context is served that answer (the runtime checks that every message of the
            # request matched by hash), as an exact-match cache would.
            response = response.model_copy(update={"exact_once": True})
            why += "; served to exact repeats of its context"
        evidence = tuple(sorted({r.record_id for m in members for r in self.nodes[m.node].answers}))[:50]
        tid = self._node_id(w.parent_tid, w.ns, w.named.template, w.ckey)
        self.cluster_keys[tid] = w.ckey
        node = TemplateNode(id=tid, parent=w.parent_tid, namespace=w.ns, template=w.named.template,
                            derivations=tuple(w.named.derivations), response=response, status=status,
                            evidence=evidence)
        self.out.append(node)
        self.stats[f"nodes_{status}"] += 1
        self._count_checks(node)
        self.notes[tid].append(why)
        self.notes[tid].extend(n for n in (w.ctx.split_note, w.ctx.evidence_note) if n is not None)
        if status == "uncacheable" and sk.gaps:
            self._exact_repeats(w.parent_tid, w.ns, cluster)
        if status == "staged" and not sk.gaps and response is not None:
            proposal = self._proposal(cluster[0][0])
            if proposal is not None:
                self.notes[tid].append(proposal)
        kids = [(c, m) for m in members for c in self.nodes[m.node].children]
        if kids:
            self._children(tid, w.ns, kids)

    def _bound_parts(self, w: _Work, parts: list[list[tuple[str, _Member]]]) -> _Parts:
        """``parts`` of a split; if one message among them was answered differently under
        different values above it, the answer depends on those values: so may every part's
        (``context-bound``: see ``_response``)."""
        def shape(sub: list[tuple[str, _Member]]) -> tuple[int, int]:
            messages = len({message_hash(self.nodes[sid].msg) for sid, _ in sub})
            return messages, (self._answer_count(sub) if messages == 1 else 0)  # counted only where it tells

        if binds(shape(sub) for sub in parts):
            self.stats["context_bound_splits"] += 1
            w.ctx = w.ctx.bind()
        return _Parts(parts, w.ctx)

    def _count_checks(self, node: TemplateNode) -> None:
        """The request-time checks a node carries, per rule (``induction.rules``), for the run report."""
        slots = node.template.content.slots if node.template.content is not None else ()
        self.stats["refusing_slots"] += sum(1 for s in slots if s.refuse or s.refuse_text)
        self.stats["edge_slots"] += sum(1 for s in slots if s.edge_start is not None or s.edge_end is not None)
        r = node.response
        if r is not None:
            self.stats["rival_derivations"] += sum(1 for d in r.derivations if d.alternatives)
            self.stats["relation_pairs"] += len(r.apart) + len(r.together)
            self.stats["pinned_answers"] += bool(r.pins)
            self.stats["request_settings"] += len(r.request_keys)

    def _answers_differ(self, cluster: list[tuple[str, _Member]]) -> bool:
        """Whether the calls at these store nodes were answered in more than one way."""
        return self._answer_count(cluster) > 1

    def _answer_count(self, cluster: list[tuple[str, _Member]]) -> int:
        """How many distinct answers the calls at these store nodes got."""
        return len({orjson.dumps(canonical_message(r.response_message))
                    for sid, _ in cluster for r in self.nodes[sid].answers})

    def _node_id(self, parent_tid: str | None, ns: str, template: MessageTemplate, salt: str) -> str:
        """A new node's id: its parent and template (a root's: its namespace, so tenants with
        the same agent get distinct trees, also when induced apart), unless a sibling
        already has that id.

        Two clusters of one parent can come out as the same template (pairwise clustering
        keeps apart siblings the literal-share rule will not hold together): two nodes,
        told apart by ``salt``; the runtime answers through them only when they agree."""
        # The default namespace's roots keep the ids they had before namespaces counted.
        above = parent_tid if parent_tid is not None or ns == "default" else f"namespace:{ns}"
        tid = digest(f"{above}\x00{template.model_dump_json()}".encode())
        while tid in self._ids:
            tid = digest(f"{tid}\x00{salt}".encode())
        self._ids.add(tid)
        return tid

    def _proposal(self, sid: str) -> str | None:
        """What the Identifier would make variables of, for a node seen in one context only.

        One context cannot show what varies, so the node stays literal (a template from
        one run must not match new values); the proposal is shown by ``rote explain``.
        Typed values and values a later model output copies are proposed (heuristic
        Identifier, whatever the backend: this costs no model call)."""
        text = text_of(self.nodes[sid].msg)
        if not text:
            return None
        # Not JSON keys: a key is structure even when a later message says the same word.
        spans = [sp for sp in _SPANS.spans(text, self._later_texts(sid), {}) if text[sp[1]:sp[1] + 2] != '":']
        if not spans:
            return None
        marked, pos = [], 0
        for a, b, _ in spans:
            marked += [text[pos:a], f"⟦{text[a:b]}⟧"]
            pos = b
        marked.append(text[pos:])
        kinds = ", ".join(sorted({k for _, _, k in spans}))
        return (f"seen in one context: a second run with other values would show what varies; "
                f"the Identifier proposes ({kinds}): {''.join(marked)!r} {tag('min-runs')}")

    def _later_texts(self, sid: str) -> list[str]:
        """Texts of the nearest ``PROPOSAL_LATER`` model outputs below a store node (content
        and tool-call arguments): a copied value shows up soon, and a long run must not
        make proposals quadratic."""
        return [_text(m) if not text_of(m) else f"{text_of(m)}\n{_text({'tool_calls': m.get('tool_calls')})}"
                for m in islice(self._later_outputs(sid), PROPOSAL_LATER)]

    def _exact_repeats(self, parent_tid: str | None, ns: str, cluster: list[tuple[str, _Member]]) -> None:
        """Beside a node that cannot answer new values, literal nodes for the messages that
        were asked again and again (``min_runs`` calls, one answer): an exact repeat may
        still be served. They answer only that message, under pins for the values above
        it that never varied; the subtree stays under the template."""
        by_message: dict[str, list[tuple[str, _Member]]] = defaultdict(list)
        for sid, member in cluster:
            by_message[message_hash(self.nodes[sid].msg)].append((sid, member))
        # A message answered differently under different values above it: every answer
        # here may depend on those values, so each repeat must be pinned on all of them.
        context_bound = any(self._answers_differ(items) for items in by_message.values())
        for items in by_message.values():
            # ``member.scope`` is what was in scope above this message, in that context.
            answers = [(r, m.scope) for sid, m in items for r in self.nodes[sid].answers]
            once = len(answers) < self.config.min_runs
            if once and not (self.config.serve_exact_repeats and answers):
                continue
            if len({orjson.dumps(canonical_message(r.response_message)) for r, _ in answers}) > 1:
                continue  # the model answered this message differently: nothing to repeat
            finish = {str(r.response["choices"][0].get("finish_reason")) for r, _ in answers}
            if len(finish) > 1:
                continue
            msg_sk, answer_sk = identify([self.nodes[items[0][0]].msg]), identify([answers[0][0].response_message])
            if msg_sk is None or answer_sk is None or msg_sk.gaps or answer_sk.gaps:
                continue
            template = _render(msg_sk, {}, {})
            usage = answers[0][0].response.get("usage") or {}
            trusted = frozenset().union(*(m.user_bound for _, m in items))
            pinned = pins([sc for _, sc in answers], trusted)
            if context_bound and set(answers[0][1]) - set(pinned) - trusted:
                continue
            response = ResponseTemplate(
                message=_render(answer_sk, {}, {}), finish_reason=finish.pop(),
                request_keys=tuple(sorted({r.request_key for r, _ in answers})),
                usage={"prompt_tokens": int(usage.get("prompt_tokens") or 0),
                       "completion_tokens": int(usage.get("completion_tokens") or 0)},
                evidence=len(answers), pins=pinned, exact_once=once)
            tid = self._node_id(parent_tid, ns, template, "exact repeat")
            # Seen fewer than ``min_runs`` times: staged, served only to an exact repeat of the
            # whole context (``exact_once``), never through the template above it.
            status: Status = "staged" if once else "live"
            node = TemplateNode(
                id=tid, parent=parent_tid, namespace=ns, template=template, response=response, status=status,
                evidence=tuple(sorted(r.record_id for r, _ in answers))[:50])
            self.out.append(node)
            self.stats[f"nodes_{status}"] += 1
            self.stats["exact_repeat_nodes"] += 1
            self._count_checks(node)
            self.notes[tid].append(f"{tag('min-runs')} exact repeat: this message was answered the same way in "
                                   f"{len(answers)} call(s) (its template sibling cannot answer new values)"
                                   + ("; served only to exact repeats of its context" if once else ""))

    def _template(self, sk: Skeleton, scopes: list[dict[str, Any]], parent_tid: str | None,
                  forced: dict[int, str] | None = None, message_text: str = "") -> _Named:
        """Name every gap: a reference to a variable in scope, a derivation, or a new variable.
        The new variables come in order, each with what precedes it (its label or JSON key)."""
        taken = set(scopes[0]) if scopes else set()
        slot: dict[int, str] = {}
        derivations: list[Derivation] = []
        new_vars: dict[str, str] = {}
        new_scopes = [dict(s) for s in scopes]
        forced = forced or {}
        for gap in sk.gaps:
            if gap.gid in forced:  # a user-declared variable: its name, bound here or inherited
                var = forced[gap.gid]
                slot[gap.gid] = var
                if var not in taken:
                    taken.add(var)
                    new_vars[var] = gap.before
                    for sc, v in zip(new_scopes, gap.values, strict=True):
                        sc[var] = v
                continue
            ref = same_variable(gap.values, scopes)
            if ref is not None:
                slot[gap.gid] = ref
                self.stats["refs"] += 1
                continue
            var = self.namer.name(gap, taken, message_text)
            taken.add(var)
            slot[gap.gid] = var
            d = self.deriver.derive(gap.values, scopes) if len(set(map(repr, gap.values))) > 1 else None
            if d is not None:
                # In a message of the context the value is read off the request: the
                # derivation only checks it, so which of several fitting ones is moot.
                args = tuple(sorted(_expr_vars(d.expr))) if d.expr is not None else d.args
                derivations.append(d.model_copy(update={"var": var, "alternatives": (), "args": args}))
                self.stats["derived"] += 1
            else:
                new_vars[var] = gap.before
                self.stats["variables"] += 1
            for sc, v in zip(new_scopes, gap.values, strict=True):
                sc[var] = v
        kinds = {g.gid: _kind(g.values) for g in sk.gaps}
        content = sk.content or []
        after = literal_after(content)
        free = [g for g in sk.gaps if kinds[g.gid] in ("text", "word", "multiline")]
        refuse = {g.gid: refused(g.values, after.get(g.gid, "")) for g in free}
        edges = slot_edges(content, free)
        return _Named(_render(sk, slot, kinds, refuse, edges), derivations, new_scopes, new_vars, slot)

    def _response(self, members: list[_Member], scopes: list[dict[str, Any]], bound: bool
                  ) -> tuple[ResponseTemplate | None, Status, str]:
        """The node's answer template, its status and why. ``bound``: the answers may depend on
        the values above them (``context-bound``)."""
        answers = [(r, m.scope) for m in members for r in self.nodes[m.node].answers]
        if not answers:
            return None, "staged", f"{tag('min-runs')} no call was answered at this context"
        msgs = [r.response_message for r, _ in answers]
        if len({orjson.dumps(skeleton_key(m), default=str) for m in msgs}) > 1:
            return None, "uncacheable", (f"{tag('thin-air')} answers differ in structure (a branch this template "
                                         "does not decide)")
        finish = {str(r.response["choices"][0].get("finish_reason")) for r, _ in answers}
        sk = identify(msgs)
        if sk is None or len(finish) > 1:
            return None, "uncacheable", f"{tag('thin-air')} answers differ in ways that do not align"
        ans_scopes = [sc for _, sc in answers]
        sk, widened = widen(sk, ans_scopes)
        trusted = frozenset().union(*(m.user_bound for m in members))
        slot: dict[int, str] = {}
        derivations: list[Derivation] = []
        taken = set(ans_scopes[0])
        if len(answers) == 1 and trusted and not sk.gaps:
            # One answer: only values the user declared may become slots.
            decl = {v: ans_scopes[0][v] for v in trusted if v in ans_scopes[0]}
            found = identify_declared(msgs[0], decl)
            if found is not None:
                sk = found[0]
                slot = dict(found[1])
            # What stays literal is served for every other value. One answer cannot say what
            # a trace of a declared value there means (inside a longer word: INV1234; another
            # case: "Hello, Erik!" for erik; a piece of it: Erik of "Erik Dunteman"), nor
            # whether a number there was computed from them (8 for 3 + 5, 4 letters of erik).
            literal = literal_texts(sk)
            seen = sorted(v for v, value in decl.items() if traced(value, literal))
            if seen:
                return None, "staged", (f"{tag('min-runs')} one answer with declared bindings, but {', '.join(seen)} also shows in "
                                        "its fixed text (in a longer word, another case or a piece): needs a second "
                                        "run to tell")
            if any(c.isdigit() for lit in literal for c in lit):
                return None, "staged", (f"{tag('min-runs')} one answer with declared bindings, and a number in its fixed text that may be "
                                        "computed from them: needs a second run to tell")
        for gap in sk.gaps:
            if gap.gid in slot:
                continue
            ref = same_variable(gap.values, ans_scopes)
            if ref is not None:
                # Prose may write a number as 10,125; ids, paths and arguments do not.
                alternatives = reference_alternatives(ref, gap.values, ans_scopes, prose=gap.where == "content")
                if gap.gid in widened:
                    # "New " + the last word of the city, or the whole city? "Dr. " + the
                    # surname, or the name as typed? Where the narrow reading is derivable
                    # too, both are kept: the answer holds where they agree.
                    prefix, suffix, narrow = widened[gap.gid]
                    d = self.deriver.derive(narrow, ans_scopes) if len(set(map(repr, narrow))) > 1 else None
                    if d is not None and d.expr is None:
                        return None, "uncacheable", (f"{tag('rivals')} {gap.where}: a copy of {ref} or fixed text around a value "
                                                     "computed from it; the examples cannot tell")
                    if d is not None:
                        parts = [p for p in (const(prefix), d.expr, const(suffix)) if p is not None]
                        alternatives = [*alternatives, {"op": "concat", "args": parts}]
                if not alternatives:
                    slot[gap.gid] = ref
                    continue
                # The examples cannot tell a copy of ``ref`` from these (``title(name)``
                # when every name was capitalised): the answer holds where they agree.
                var = self.namer.name(gap, taken, _text(msgs[0]))
                taken.add(var)
                slot[gap.gid] = var
                derivations.append(Derivation(
                    var=var, args=tuple(sorted({ref}.union(*(_expr_vars(a) for a in alternatives)))),
                    expr={"var": ref}, alternatives=tuple(alternatives)))
                continue
            d = self.deriver.derive(gap.values, ans_scopes) if len(set(map(repr, gap.values))) > 1 else None
            if d is None:
                return None, "uncacheable", thin_air_why(gap.where, gap.values)
            var = self.namer.name(gap, taken, _text(msgs[0]))
            taken.add(var)
            slot[gap.gid] = var
            derivations.append(d.model_copy(update={"var": var}))
        template = _render(sk, slot, {g.gid: _kind(g.values) for g in sk.gaps})
        usage = [r.response.get("usage") or {} for r, _ in answers]
        completion = [int(u.get("completion_tokens") or 0) for u in usage]
        prompt = [int(u.get("prompt_tokens") or 0) for u in usage]
        response = ResponseTemplate(
            message=template, finish_reason=finish.pop(),
            request_keys=tuple(sorted({r.request_key for r, _ in answers})),
            derivations=tuple(hydration_order(list(ans_scopes[0]), derivations)),
            usage={"prompt_tokens": sum(prompt) // len(prompt), "completion_tokens": sum(completion) // len(completion)},
            evidence=len(answers), pins=pins(ans_scopes, trusted), **relations(ans_scopes))
        if self._bounded:
            response = self._with_ranges(response, members)
        if bound:
            loose = sorted(set(ans_scopes[0]) - set(response.pins) - trusted)
            if loose:
                return None, "uncacheable", (
                    f"{tag('context-bound')} a sibling message was answered differently under other values above it, and this answer "
                    f"was seen under several values of {', '.join(loose)}: it may depend on them")
        status, why = runs_verdict(len(answers), min_runs=self.config.min_runs, declared=bool(trusted))
        return response, status, why


def _same_json_shape(msgs: list[dict[str, Any]]) -> bool:
    """Whether every message's text is a JSON object or array, all of one shape (keys and
    list lengths, recursively; leaves of any value)."""
    shapes = set()
    for m in msgs:
        text = text_of(m) or ""
        if text.lstrip()[:1] not in ("{", "["):
            return False
        try:
            shapes.add(orjson.dumps(_json_shape(orjson.loads(text))))
        except orjson.JSONDecodeError:
            return False
        if len(shapes) > 1:
            return False
    return len(shapes) == 1


def _json_shape(v: Any) -> Any:
    if isinstance(v, dict):
        return [[k, _json_shape(x)] for k, x in v.items()]
    if isinstance(v, list):
        return [_json_shape(x) for x in v]
    return type(v).__name__ if not isinstance(v, bool) else "bool"


_WORDS_ONLY = re.compile(r"[^\W\d_]{2,}")


def _words(msg: dict[str, Any]) -> frozenset[str]:
    """The words (letters only, 2+) of a message's text or tool calls: a cheap likeness."""
    return frozenset(_WORDS_ONLY.findall(_text(msg)[:4000]))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


# The run-report counter of each rule that makes a gap structure (per gap kept apart by).
_GAP_COUNTERS = {"marks": "mark_gaps", "enum-values": "enum_gaps", "unused-prose": "prose_gaps"}


def _structure_rule(g: Gap, whole: Gap, judged: bool) -> tuple[str, str]:
    """The rule that made a gap structure (``induction.rules``: the judge's, or the same tests
    as the split's: marks on the gap, the others on its ``whole`` tokens) and how ``rote
    explain`` words it."""
    if judged:
        return "structure-judge", "judged deciding"
    if is_mark(g):
        return "marks", "marks: one-character values decide what a few runs cannot show"
    if is_enum(whole):
        return "enum-values", "enum: a few repeated words, a status that may decide the branch"
    if wordy(whole):
        return "unused-prose", "unused prose: wordy text no later answer uses, another instruction"
    return "structure-judge", "judged deciding"


def _uses(d: Derivation) -> set[str]:
    """The variables a derivation reads, its rivals' included."""
    out = set(d.args)
    for e in (d.expr, *d.alternatives):
        if e is not None:
            out |= set(_expr_vars(e))
    return out


def _text(msg: dict[str, Any]) -> str:
    """A message as the Namer sees it: its text, or its tool calls as JSON."""
    return text_of(msg) or orjson.dumps(canonical_message(msg).get("tool_calls") or []).decode()


def _replicate(sk: Skeleton, n: int) -> Skeleton:
    """A one-message skeleton stretched over ``n`` identical members."""
    for g in sk.gaps:
        g.values = g.values * n
    return sk


def _by_message(group: list[tuple[str, _Member]], nodes: dict[str, _StoreNode]) -> list[list[tuple[str, _Member]]]:
    parts: dict[str, list[tuple[str, _Member]]] = defaultdict(list)
    for item in group:
        parts[message_hash(nodes[item[0]].msg)].append(item)
    return list(parts.values())


def _split(cluster: list[tuple[str, _Member]], keys: list[list[Any]]) -> list[list[tuple[str, _Member]]]:
    parts: dict[bytes, list[tuple[str, _Member]]] = defaultdict(list)
    for item, key in zip(cluster, keys, strict=True):
        parts[orjson.dumps(key)].append(item)
    return list(parts.values())


def _render(sk: Skeleton, slot: dict[int, str], kinds: dict[int, SlotKind],
            refuse: dict[int, tuple[str, tuple[str, ...]]] | None = None,
            edges: dict[int, tuple[str | None, str | None]] | None = None) -> MessageTemplate:
    refuse = refuse or {}
    edges = edges or {}

    def text(parts: list[str | int]) -> TextTemplate:
        return TextTemplate(parts=tuple(
            p if isinstance(p, str) else Slot(var=slot[p], kind=kinds[p], refuse=refuse.get(p, ("", ()))[0],
                                              refuse_text=refuse.get(p, ("", ()))[1],
                                              edge_start=edges.get(p, (None, None))[0],
                                              edge_end=edges.get(p, (None, None))[1]) for p in parts))

    def js(v: Any) -> Any:
        if isinstance(v, dict):
            if set(v) == {"$gap"}:
                return {"$v": slot[v["$gap"]]}
            if set(v) == {"$tgap"}:
                return {"$t": [p if isinstance(p, str) else {"var": slot[p], "kind": kinds[p]} for p in v["$tgap"]]}
            return {k: js(x) for k, x in v.items()}
        if isinstance(v, list):
            return [js(x) for x in v]
        return v

    return MessageTemplate(
        role=sk.role, name=sk.name, content=None if sk.content is None else text(sk.content),
        tool_calls=tuple(ToolCallTemplate(name=n, arguments=js(a)) for n, a in sk.calls))


def induce(records: Iterable[StoredRecord], config: InductionConfig | None = None,
           deriver: Deriver | None = None, stages: Stages | None = None,
           keep_apart: Iterable[str] = ()) -> InductionResult:
    """Induce template nodes from stored records.

    ``stages``: use these (the caller owns and closes them); else ``make_stages(config)`` is
    built for ``config.backend`` and closed when induction ends.

    >>> from evals.builders import hello_records
    >>> result = induce(hello_records(["Erik", "Maria", "Kwame"]))
    >>> [str(n.template.content) for n in result.nodes]
    ['You greet people politely.', 'Say hello to {{name:word}}.', 'Hello, {{name:word}}!']
    >>> str(result.nodes[1].response.message.content), result.nodes[1].status
    ('Hello, {{name_2:word}}!', 'live')
    """
    config = config or InductionConfig()
    if stages is not None:
        return Inducer(records, config, stages, deriver, keep_apart).run()
    with make_stages(config) as own:
        return Inducer(records, config, own, deriver, keep_apart).run()
