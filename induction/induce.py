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

Everything here is deterministic and offline; the LLM backend plugs in through
the stage protocols of ``induction.backends`` (a Deriver and a Namer).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import orjson

from induction.arranger import hydration_order, same_variable
from induction.backends import Deriver, HeuristicSpanIdentifier, Stages, make_stages
from induction.config import InductionConfig
from induction.deriver import reference_alternatives
from induction.evidence import distinct, enough, value_kind
from induction.hashing import canonical_message, digest, message_hash
from induction.identifier import Gap, Skeleton, identify, identify_declared, skeleton_key, text_of
from induction.runtime.dsl import expr_vars as _expr_vars
from induction.runtime.lookup import related_text, results_out_of_order
from induction.runtime.messages import match_message, reads_as, same_json
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
CONTINUATION_DEPTH = 2  # messages below a node compared to tell runs that branched right after it
CODE_MAX = 3  # values this short are codes (grades, sizes, levels): never data on evidence alone
ENUM_VOCABULARY = 8  # distinct values a repeated lower-case status may have whatever the run count
_ENUM = re.compile(r"[A-Za-z_][A-Za-z_ -]{0,23}\Z")


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


_WORD = re.compile(r"[a-z0-9]+")


def _wordy(gap: Gap) -> bool:
    """Natural-language values (no recognised type, no digits): instructions look like this."""
    return all(isinstance(v, str) and recognise(v) is None and any(c.isalpha() for c in v)
               and not any(c.isdigit() for c in v) for v in gap.values)


def _is_enum(gap: Gap) -> bool:
    """Few repeated one- or two-word values: a status or a choice, i.e. structure."""
    vals = gap.values
    if any(isinstance(v, bool) for v in vals):
        return len(set(vals)) < len(vals)
    if not all(isinstance(v, str) and _ENUM.match(v) and recognise(v) is None for v in vals):
        return False
    distinct = len(set(vals))
    if distinct == len(vals):
        return False
    if all(v[:1].isupper() and any(c.islower() for c in v) for v in vals):
        # Names (Emily, Price): two runs sharing one by chance among eight do not make
        # names a status; a choice among capitalised words repeats more than that.
        return distinct <= max(2, len(vals) // 2)
    # Lower-case words (open, new, pending): a status vocabulary is small, so with few
    # runs any repeat is one; with many, a value set that keeps growing is data.
    return distinct <= max(ENUM_VOCABULARY, len(vals) // 2)


def _is_mark(gap: Gap) -> bool:
    """Values of at most one visible non-digit character each (``X``, ``O``, blank, ``✓``),
    or of up to 3 with no letter or digit (``:-)``, ``=(``, ``->``): the marks of a board
    cell, a checkbox, a mood. What they decide is not visible in a few runs (the answer was
    "4" with X in two corners; it is not with X in the middle), so they are structure
    whether or not one repeated.

    >>> _is_mark(Gap(0, ["\\nX", "\\n "], "content", "")), _is_mark(Gap(0, [":-)", ":("], "content", ""))
    (True, True)
    >>> _is_mark(Gap(0, ["7", "3"], "content", "")), _is_mark(Gap(0, ["Bo", "Al"], "content", ""))
    (False, False)
    """
    def one(v: str) -> bool:
        t = v.strip()
        return (len(t) <= 1 and not t.isdigit()) or (len(t) <= 3 and not any(c.isalnum() for c in t))

    vals = gap.values
    return all(isinstance(v, str) and one(v) for v in vals) and any(str(v).strip() for v in vals)


class Inducer:
    """One induction run over a set of records (any namespaces)."""

    def __init__(self, records: Iterable[StoredRecord], config: InductionConfig,
                 deriver: Deriver | None = None, stages: Stages | None = None,
                 keep_apart: Iterable[str] = ()) -> None:
        self.config = config
        # Clusters (``cluster_keys`` values) whose node failed verification: keep their messages apart.
        self.keep_apart = frozenset(keep_apart)
        self.cluster_keys: dict[str, str] = {}
        # The heuristic stages unless the caller chose (and owns) others, e.g. make_stages(config).
        self.stages = stages or make_stages(InductionConfig())
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
        # Store nodes whose answers are known to depend on the context above them (a
        # sibling message was answered differently under different values above it).
        self._context_bound: set[str] = set()
        self._split_notes: dict[str, str] = {}  # store node -> why its cluster was split (judge, unread number)
        self._evidence_notes: dict[str, str] = {}  # store node -> which unread values evidence took for noise
        # Quantities taken for noise on evidence: every answer that does not read them serves
        # only values inside the range it was seen with (``ResponseTemplate.ranges``).
        self._bounded: set[str] = set()
        self._continuations: dict[str, frozenset[bytes]] = {}
        # (parent template, where, label) of gaps evidence found not to decide (``_weigh_structure``).
        self._cleared: set[tuple[str | None, str, str]] = set()
        self._last_slots: dict[int, str] = {}  # gap id -> variable, of the last ``_template``
        self._load(list(records))

    def _identify(self, msgs: list[dict[str, Any]]) -> Skeleton | None:
        """``identify`` memoised on the messages' hashes (clustering asks twice)."""
        key = tuple(message_hash(m) for m in msgs)
        if key not in self._identified:
            self._identified[key] = identify(msgs)
        return self._identified[key]

    # -- the store tree ----------------------------------------------------------
    def _load(self, records: list[StoredRecord]) -> None:
        in_order = [r for r in records if results_out_of_order(r.messages) is None]
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
        for (sid, _), value in zip(cluster, gap.values, strict=True):
            words = {w for w in _WORD.findall(str(value).lower()) if len(w) >= 2}
            if not words or not any(w in self._later_text(sid) for w in words):
                return False
        return True

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
                      and not _id_like([m.scope[v] for m in members], new_vars[v])
                      and _is_quantity([m.scope[v] for m in members], small=not below)
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
                         msgs: list[dict[str, Any]]) -> list[Gap]:
        """The gaps of ``structural`` (a repeated word, wordy text no later output uses) that stay
        structure once the runs' outcomes are weighed: a gap is data when every member goes on
        the same way (one answer template here, the same kinds of messages below) and either
        the answer copies or computes from it, or it took ``min_distinct_quantity`` distinct
        values. Marks (a board cell) always stay structure: a few runs cannot show what they
        decide."""
        candidates = [g for g in structural if not _is_mark(g)]
        conts = [self._continuation(s) for s, _ in cluster]
        # A gap already found not to decide (its same value went on differently) at a wider
        # cluster of this parent is data in the parts it was split into.
        cleared = {g.gid for g in candidates if (parent_tid, g.where, g.before[-24:]) in self._cleared}
        if len(set(conts)) > 1:
            # Runs went on differently. A gap whose same value went on differently too does not
            # decide: data (evidence against a branch), if another gap tells the runs apart
            # (one way of going on per value): that one alone is the branch.
            deciding = [g for g in candidates if _determines(g.values, conts) and g.gid not in cleared]
            if deciding:
                freed = [g for g in candidates if g not in deciding]
                self._cleared.update((parent_tid, g.where, g.before[-24:]) for g in freed)
                if freed:
                    self.stats["evidence_data"] += len(freed)
                    note = ("data by evidence: " + ", ".join(f"the value after {g.before[-24:]!r}" for g in freed)
                            + " (runs with the same value went on differently)")
                    self._evidence_notes.update((s, note) for s, _ in cluster)
                return [g for g in structural if g.gid not in {x.gid for x in freed}]
            candidates = [g for g in candidates if not _determines(g.values, conts)]
        if cleared and len(set(conts)) == 1:
            return [g for g in structural if g.gid not in cleared]
        if not candidates:
            return structural
        template, _, new_scopes, _ = self._template(sk, scopes, parent_tid, forced, _text(msgs[0]))
        slots = dict(self._last_slots)
        if sk.gaps and not _reads_back(template, msgs, scopes, new_scopes):
            return structural
        members = [_Member(s, sc) for (s, _), sc in zip(cluster, new_scopes, strict=True)]
        response, status, _ = self._response(members, scopes=new_scopes)
        if response is None or status == "uncacheable":
            return structural
        used = set(response.message.variables()).union(*(_uses(d) for d in response.derivations))
        # Short codes (a grade "B+", a size "XL", "P1") are categories a rule is written on: a
        # few seen alike say nothing of the others, copied or not. They stay structure.
        # Several values each seen in several runs, all going on alike, are evidence too.
        data = {g.gid for g in candidates
                if all(len(str(v).strip()) >= CODE_MAX + 1 for v in g.values)
                and (slots.get(g.gid) in used or distinct(g.values) >= self.config.min_distinct_quantity
                     or _each_repeated(g.values))}
        if data:
            self.stats["evidence_data"] += len(data)
            note = ("data by evidence: " + ", ".join(f"the value after {g.before[-24:]!r} ({distinct(g.values)} "
                                                      "distinct values)" for g in candidates if g.gid in data)
                    + f" — {len(cluster)} contexts, one answer template, the same continuation")
            self._evidence_notes.update((s, note) for s, _ in cluster)
        return [g for g in structural if g.gid not in data]

    def _deciding(self, members: list[_Member], new_vars: Mapping[str, str]) -> str | None:
        """The one new variable whose values each came with a single answer (one answer per
        value, more than one answer in all, some value seen twice), if exactly one does."""
        found = []
        for var in new_vars:
            by_value: dict[bytes, set[bytes]] = defaultdict(set)
            counts: Counter[bytes] = Counter()
            for m in members:
                key = orjson.dumps(m.scope[var], default=str)
                counts[key] += 1
                by_value[key].update(orjson.dumps(canonical_message(r.response_message))
                                     for r in self.nodes[m.node].answers)
            answers = set().union(*by_value.values()) if by_value else set()
            if (len(answers) > 1 and all(len(a) == 1 for a in by_value.values())
                    and max(counts.values()) > 1 and len(by_value) < len(members)):
                found.append(var)
        return found[0] if len(found) == 1 else None

    def _by_answer(self, cluster: list[tuple[str, _Member]], scopes: list[dict[str, Any]]
                   ) -> list[list[tuple[str, _Member]]] | None:
        """The cluster split by answer, if each part's messages fit one template that no
        message of another part matches (else None: a value inside a slot decides, and a
        template over one answer's values would match the other's)."""
        groups: dict[bytes, list[int]] = defaultdict(list)
        for i, (sid, _) in enumerate(cluster):
            answers = {orjson.dumps(canonical_message(r.response_message)) for r in self.nodes[sid].answers}
            if len(answers) != 1:
                return None  # one message answered two ways: the answer is not the message's
            groups[answers.pop()].append(i)
        if len(groups) < 2 or len(groups) > 64 or 2 * len(groups) > len(cluster):
            return None  # answers that copy values differ call by call: the value split decides
        msgs = [self.nodes[s].msg for s, _ in cluster]
        for idx in groups.values():
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
        return [[cluster[i] for i in idx] for idx in groups.values()]

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
        return ("noise by evidence: " + "; ".join(parts) + f" — {len(members)} contexts, one answer template, "
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
        text = self._later_text(sid)
        for form in _number_forms(value):
            i = text.find(form)
            while i >= 0:
                j = i + len(form)
                before = text[i - 1] if i else ""
                after = text[j:j + 2]
                if not (before.isdigit() or (before in ".," and i > 1 and text[i - 2].isdigit())) \
                        and not (after[:1].isdigit() or (after[:1] in ".," and after[1:].isdigit())):
                    return True
                i = text.find(form, i + 1)
        return False

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
                forced: dict[int, str]) -> list[Gap]:
        """The gaps the StructureJudge says decide the answer. Asked only about new values:
        a reference to a variable above was judged where that variable was read."""
        assert self.stages.judge is not None
        asked = [g for g in sk.gaps if g.gid not in forced and same_variable(g.values, scopes) is None]
        if not asked:
            return []
        answers = [next((_text(r.response_message) for r in self.nodes[sid].answers), None) for sid, _ in cluster]
        verdict = self.stages.judge.deciding(sk, asked, answers)
        if verdict:
            self.stats["judge_splits"] += 1
            note = "kept apart: the judge says the value after " + "; after ".join(
                f"{g.before[-30:]!r} decides the answer ({verdict[g.gid]})" for g in asked if g.gid in verdict)
            self._split_notes.update((sid, note) for sid, _ in cluster)
        return [g for g in asked if g.gid in verdict]

    # -- one template node ------------------------------------------------------
    def _make(self, parent_tid: str | None, ns: str, cluster: list[tuple[str, _Member]]) -> None:
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
            for item in cluster:
                self._make(parent_tid, ns, [item])
            return
        scopes = [m.scope for _, m in cluster]
        if not forced and (coarse := _coarsen(sk)) is not None:
            # "ap-south-1" aligned as ap / south / 1: one value cut at its joiners would be
            # weighed piece by piece ("ap" a short code, "1" a count); whole, it is an id.
            self.stats["coarsened"] += 1
            sk = self._identified[tuple(message_hash(m) for m in msgs)] = coarse
        # Variation that is not data is structure: enum-like values (a status that
        # decides a branch), and wordy text no later model output uses (another
        # instruction, another persona) — split the cluster by those values.
        whole = _whole_tokens(sk)
        structural = [g for g in sk.gaps if g.gid not in forced and same_variable(g.values, scopes) is None
                      and (_is_enum(whole[g.gid]) or _is_mark(g)
                           or (_wordy(whole[g.gid]) and not self._used_later(g, cluster)))
                      and not self._derivable(g, scopes)]
        if structural and len(cluster) > 1:
            structural = self._weigh_structure(sk, structural, cluster, scopes, parent_tid, forced, msgs)
        if not structural and self.stages.judge is not None:
            structural = self._judged(sk, cluster, scopes, forced)
        if structural and len(cluster) > 1 and (by_answer := self._by_answer(cluster, scopes)) is not None:
            # What varies went with different answers, and each answer's messages keep to a
            # template of their own: split by answer, not by every value of the span.
            self.stats["answer_splits"] += 1
            for sub in by_answer:
                self._make(parent_tid, ns, sub)
            return
        if structural:
            self.stats["structure_splits"] += 1
            why = "; ".join(f"the value after {g.before[-24:]!r} ({_structure_rule(g)}, {distinct(g.values)} "
                            "distinct values)" for g in structural)
            self._split_notes.update((sid, f"kept apart by {why}") for sid, _ in cluster
                                     if sid not in self._split_notes)
            parts = _split(cluster, [[g.values[i] for g in structural] for i in range(len(cluster))])
            self._mark_context_bound(cluster, parts)
            for sub in parts:
                self._make(parent_tid, ns, sub)
            return
        template, derivations, new_scopes, new_vars = self._template(sk, scopes, parent_tid, forced,
                                                                     _text(msgs[0]))
        if sk.gaps and not _reads_back(template, msgs, scopes, new_scopes):
            coarse = _coarsen(sk)
            if coarse is not None:
                # Adjacent slots joined by a "." or a "-" (a host name cut at its dots, a
                # version at its dashes) are ambiguous to read apart: one slot over the span
                # reads back. Induce the cluster again with that skeleton.
                self.stats["coarsened"] += 1
                self._identified[tuple(message_hash(m) for m in msgs)] = coarse
                self._make(parent_tid, ns, cluster)
                return
            # The runtime could not read its own members back (e.g. adjacent free-text
            # slots it refuses to split): such a template would only ever miss. Keep
            # each distinct message as it is instead, so exact repeats still hit.
            self.stats["unreadable_splits"] += 1
            parts = _by_message(cluster, self.nodes)
            if len(parts) > 1:
                for sub in parts:
                    self._make(parent_tid, ns, sub)
                return
            literal = self._identify(msgs)  # one distinct message: no gaps, no declared slots
            assert literal is not None and not literal.gaps
            sk, forced = literal, {}
            template, derivations, new_scopes, new_vars = self._template(literal, scopes, parent_tid)
        trusted = frozenset(forced.values()).union(*(m.user_bound for _, m in cluster))
        members = [_Member(s, sc, trusted) for (s, _), sc in zip(cluster, new_scopes, strict=True)]
        # The cluster by its members (content addresses): stable across passes, unlike the
        # template id, which holds the names a (possibly non-deterministic) Namer chose.
        ckey = digest("\x00".join(sorted(s for s, _ in cluster)).encode())
        if ckey in self.keep_apart:
            parts = _by_message(cluster, self.nodes)
            if len(parts) > 1:
                # This merge failed verification (a member's answer came back different):
                # the rule is to split such a cluster or leave it as it was.
                self.stats["verify_splits"] += 1
                for sub in parts:
                    self._make(parent_tid, ns, sub)
                return
        response, status, why = self._response(members, scopes=new_scopes)
        unread = self._unread(members, new_vars, response, trusted)
        # Evidence first: an unread number that took several values, all followed by this one
        # answer, is noise (a port, a latency, a size), not a branch (``induction.evidence``).
        unread, noise = self._weigh(unread, members, new_vars, response, status)
        weighed = set(noise)
        if noise:
            assert response is not None
            response = self._with_ranges(response, members)
            note = self._noise_note(noise, members, new_vars)
            self._evidence_notes.update((sid, note) for sid, _ in cluster)
        if unread and len(cluster) > 1:
            # "Is 7 even?" -> "No"; "my budget is $800" -> "Noted." and later "Yes, it fits":
            # a number read here that no answer copies or computes from was read to decide
            # (a parity, a threshold, a budget). With the few outcomes seen, serving this
            # answer, or any below it, for another number would be a guess: the number is
            # structure, even where each value was seen once.
            self.stats["unread_number_splits"] += 1
            note = (f"kept apart by {', '.join(unread)}: a number read here that no answer copies or computes "
                    "from may decide the answer")
            self._split_notes.update((sid, note) for sid, _ in cluster)
            keys = [[sc[v] for v in unread] for sc in new_scopes]
            parts = _split(cluster, keys)
            self._mark_context_bound(cluster, parts)
            for sub in parts:
                self._make(parent_tid, ns, sub)
            return
        if unread:
            response, status = None, "uncacheable"
            why = f"no answer uses {', '.join(unread)}, a number read here: it may decide the answer"
        elif response is not None and status != "uncacheable":
            skipped = [v for v in self._unread(members, new_vars, response, trusted, below=False)
                       if v not in weighed]
            skipped, noise = self._weigh(skipped, members, new_vars, response, status)
            if noise:
                response = self._with_ranges(response, members)
                note = self._noise_note(noise, members, new_vars)
                self._evidence_notes.update((sid, note) for sid, _ in cluster)
            if skipped:
                # Read here, copied only further down ("[14:05] Hi" -> "Good afternoon!", the
                # hour logged two turns later): this answer may still have turned on it.
                response, status = None, "uncacheable"
                why = (f"this answer does not use {', '.join(skipped)}, a number read here (only later answers "
                       "copy it): it may decide this answer")
        if status == "uncacheable" and len(cluster) > 1 and not new_vars:
            above = self._deciding(members, {v: "" for v in members[0].scope if v not in trusted})
            if above is not None:
                # Answered differently, and a value read further up tells the answers apart
                # (each of its values was answered one way): the parts are induced apart and
                # each answer is pinned to the values it was seen with (``_pins``).
                self.stats["branch_splits"] += 1
                self._split_notes.update(
                    (sid, f"kept apart by {above} (read above): each of its values was answered one way")
                    for sid, _ in cluster)
                parts = _split(cluster, [[m.scope[above]] for m in members])
                self._context_bound.update(sid for sid, _ in cluster)
                for sub in parts:
                    self._make(parent_tid, ns, sub)
                return
        if status == "uncacheable" and new_vars and len(cluster) > 1:
            deciding = self._deciding(members, new_vars)
            if deciding is not None:
                # Different values led to different answers, and one value alone tells them
                # apart (``VM Started`` -> E22, ``VM Paused`` -> E20 whatever the instance id):
                # that value is the branch; the others stay data in each part.
                self.stats["branch_splits"] += 1
                self._split_notes.update(
                    (sid, f"kept apart by {deciding}: each of its values was answered one way") for sid, _ in cluster)
                parts = _split(cluster, [[sc[deciding]] for sc in new_scopes])
                self._mark_context_bound(cluster, parts)
                for sub in parts:
                    self._make(parent_tid, ns, sub)
                return
            by_answer = self._by_answer(cluster, scopes)
            if by_answer is not None:
                # Different answers, and the messages of each answer fit a template none of the
                # others' messages match (``VM Started`` vs ``Instance spawned``, whatever the
                # instance id): each answer's messages are induced apart.
                self.stats["answer_splits"] += 1
                for sub in by_answer:
                    self._make(parent_tid, ns, sub)
                return
            # Thin air or a branch that this node's own values may decide: make them structure.
            keys = [[sc[v] for v in new_vars] for sc in new_scopes]
            key_counts = Counter(orjson.dumps(k) for k in keys)
            # Only worth it when some value repeats: all-singleton parts would lose
            # the subtree's generality and gain no answer.
            if len(key_counts) > 1 and max(key_counts.values()) > 1:
                self.stats["thin_air_splits"] += 1
                parts = _split(cluster, keys)
                self._mark_context_bound(cluster, parts)
                for sub in parts:
                    self._make(parent_tid, ns, sub)
                return
        if (status == "staged" and response is not None and not sk.gaps and not response.derivations
                and not response.message.variables() and self.config.serve_exact_repeats):
            # Seen in one context with one answer: too little to generalise from, but the very
            # same context is served that answer (the runtime checks that every message of the
            # request matched by hash), as an exact-match cache would.
            response = response.model_copy(update={"exact_once": True})
            why += "; served to exact repeats of its context"
        evidence = tuple(sorted({r.record_id for m in members for r in self.nodes[m.node].answers}))[:50]
        tid = self._node_id(parent_tid, ns, template, ckey)
        self.cluster_keys[tid] = ckey
        node = TemplateNode(id=tid, parent=parent_tid, namespace=ns, template=template,
                            derivations=tuple(derivations), response=response, status=status, evidence=evidence)
        self.out.append(node)
        self.stats[f"nodes_{status}"] += 1
        self.notes[tid].append(why)
        self.notes[tid].extend(dict.fromkeys(self._split_notes[s] for s, _ in cluster if s in self._split_notes))
        self.notes[tid].extend(dict.fromkeys(self._evidence_notes[s] for s, _ in cluster if s in self._evidence_notes))
        if status == "uncacheable" and sk.gaps:
            self._exact_repeats(parent_tid, ns, cluster)
        if status == "staged" and not sk.gaps and response is not None:
            proposal = self._proposal(cluster[0][0])
            if proposal is not None:
                self.notes[tid].append(proposal)
        kids = [(c, m) for m in members for c in self.nodes[m.node].children]
        if kids:
            self._children(tid, ns, kids)

    def _mark_context_bound(self, cluster: list[tuple[str, _Member]], parts: list[list[tuple[str, _Member]]]) -> None:
        """If one message of ``parts`` was answered differently under different values above
        it, the answer depends on those values: so may every part's (see ``_response``)."""
        for sub in parts:
            if len({message_hash(self.nodes[sid].msg) for sid, _ in sub}) == 1 and self._answers_differ(sub):
                self.stats["context_bound_splits"] += 1
                self._context_bound.update(sid for sid, _ in cluster)
                return

    def _answers_differ(self, cluster: list[tuple[str, _Member]]) -> bool:
        """Whether the calls at these store nodes were answered in more than one way."""
        return len({orjson.dumps(canonical_message(r.response_message))
                    for sid, _ in cluster for r in self.nodes[sid].answers}) > 1

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
                f"the Identifier proposes ({kinds}): {''.join(marked)!r}")

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
            pins = _pins([sc for _, sc in answers], trusted)
            if context_bound and set(answers[0][1]) - set(pins) - trusted:
                continue
            response = ResponseTemplate(
                message=_render(answer_sk, {}, {}), finish_reason=finish.pop(),
                request_keys=tuple(sorted({r.request_key for r, _ in answers})),
                usage={"prompt_tokens": int(usage.get("prompt_tokens") or 0),
                       "completion_tokens": int(usage.get("completion_tokens") or 0)},
                evidence=len(answers), pins=pins, exact_once=once)
            tid = self._node_id(parent_tid, ns, template, "exact repeat")
            # Seen fewer than ``min_runs`` times: staged, served only to an exact repeat of the
            # whole context (``exact_once``), never through the template above it.
            status: Status = "staged" if once else "live"
            self.out.append(TemplateNode(
                id=tid, parent=parent_tid, namespace=ns, template=template, response=response, status=status,
                evidence=tuple(sorted(r.record_id for r, _ in answers))[:50]))
            self.stats[f"nodes_{status}"] += 1
            self.stats["exact_repeat_nodes"] += 1
            self.notes[tid].append(f"exact repeat: this message was answered the same way in {len(answers)} call(s) "
                                   "(its template sibling cannot answer new values)"
                                   + ("; served only to exact repeats of its context" if once else ""))

    def _template(self, sk: Skeleton, scopes: list[dict[str, Any]], parent_tid: str | None,
                  forced: dict[int, str] | None = None, message_text: str = ""
                  ) -> tuple[MessageTemplate, list[Derivation], list[dict[str, Any]], dict[str, str]]:
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
        after = _literal_after(content)
        free = [g for g in sk.gaps if kinds[g.gid] in ("text", "word", "multiline")]
        refuse = {g.gid: _refused(g.values, after.get(g.gid, "")) for g in free}
        edges = {}
        for g in free:
            if g.gid not in content:
                continue  # a gap in a tool call's arguments: JSON, no sentence around it
            # At the message's edges, or beside whitespace, nothing but the value stops the
            # slot from taking the sentence's own ")", "。" or emoji along.
            i = content.index(g.gid)
            before = content[i - 1] if i else ""
            after_ = content[i + 1] if i + 1 < len(content) else ""
            start = i == 0 or (isinstance(before, str) and before[-1:].isspace())
            end = i == len(content) - 1 or (isinstance(after_, str) and after_[:1].isspace())
            if start or end:
                edges[g.gid] = _edges(g.values, start=start, end=end)
        self._last_slots = slot
        return _render(sk, slot, kinds, refuse, edges), derivations, new_scopes, new_vars

    def _response(self, members: list[_Member], scopes: list[dict[str, Any]]
                  ) -> tuple[ResponseTemplate | None, Status, str]:
        """The node's answer template, its status and why."""
        answers = [(r, m.scope) for m in members for r in self.nodes[m.node].answers]
        if not answers:
            return None, "staged", "no call was answered at this context"
        msgs = [r.response_message for r, _ in answers]
        if len({orjson.dumps(skeleton_key(m), default=str) for m in msgs}) > 1:
            return None, "uncacheable", "answers differ in structure (a branch this template does not decide)"
        finish = {str(r.response["choices"][0].get("finish_reason")) for r, _ in answers}
        sk = identify(msgs)
        if sk is None or len(finish) > 1:
            return None, "uncacheable", "answers differ in ways that do not align"
        ans_scopes = [sc for _, sc in answers]
        sk, widened = _widen(sk, ans_scopes)
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
            literal = _literal_texts(sk)
            traced = sorted(v for v, value in decl.items() if _traced(value, literal))
            if traced:
                return None, "staged", (f"one answer with declared bindings, but {', '.join(traced)} also shows in "
                                        "its fixed text (in a longer word, another case or a piece): needs a second "
                                        "run to tell")
            if any(c.isdigit() for lit in literal for c in lit):
                return None, "staged", ("one answer with declared bindings, and a number in its fixed text that may be "
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
                        return None, "uncacheable", (f"{gap.where}: a copy of {ref} or fixed text around a value "
                                                     "computed from it; the examples cannot tell")
                    if d is not None:
                        parts = [p for p in (_const(prefix), d.expr, _const(suffix)) if p is not None]
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
                return None, "uncacheable", f"thin air: {gap.where} ({gap.values[:3]!r}…) is not derivable"
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
            evidence=len(answers), pins=_pins(ans_scopes, trusted), **_relations(ans_scopes))
        if self._bounded:
            response = self._with_ranges(response, members)
        if any(m.node in self._context_bound for m in members):
            loose = sorted(set(ans_scopes[0]) - set(response.pins) - trusted)
            if loose:
                return None, "uncacheable", (
                    "a sibling message was answered differently under other values above it, and this answer "
                    f"was seen under several values of {', '.join(loose)}: it may depend on them")
        if len(answers) >= self.config.min_runs:
            return response, "live", f"answer induced from {len(answers)} calls"
        if trusted:
            return response, "live", f"answer from {len(answers)} call(s) with user-declared bindings"
        return response, "staged", f"answer seen in {len(answers)} call(s); needs {self.config.min_runs} to go live"


_WORD_START = re.compile(r"(?:^|(?<=\s))\S")
_WORD_END = re.compile(r"\S(?=\s|$)")


def _const(text: str) -> dict[str, Any] | None:
    return {"const": text} if text else None


def _widen(sk: Skeleton, scopes: list[dict[str, Any]]
           ) -> tuple[Skeleton, dict[int, tuple[str, str, list[Any]]]]:
    """Each text gap widened over up to 3 words of the literal beside it when that makes
    every value a copy of one variable: answers that all had "New York" or "New Haven" for
    the city make "New " look fixed, and "for New {last word}" would answer "New Miami".
    Also returns, per widened gap, the text taken before and after it and its old values
    (the narrow reading, a rival where it is derivable: "Dr. " + a surname).

    >>> sk = Skeleton("assistant", None, ["for New ", 0, "."], [], [Gap(0, ["York", "Haven"], "content", "for New ")])
    >>> w, how = _widen(sk, [{"city": "New York"}, {"city": "New Haven"}])
    >>> w.content, w.gaps[0].values, how
    (['for ', 0, '.'], ['New York', 'New Haven'], {0: ('New ', '', ['York', 'Haven'])})
    """
    if not sk.content or not sk.gaps or not scopes:
        return sk, {}
    content = list(sk.content)
    gaps = {g.gid: g for g in sk.gaps}
    widened: dict[int, tuple[str, str, list[Any]]] = {}
    for i, part in enumerate(content):
        gap = gaps.get(part) if isinstance(part, int) else None
        # A gap that is a copy already stays as it is ("New {last_name}" may be meant).
        if gap is None or not all(isinstance(v, str) for v in gap.values) or same_variable(gap.values, scopes):
            continue
        before = content[i - 1] if i and isinstance(content[i - 1], str) else None
        after = content[i + 1] if i + 1 < len(content) and isinstance(content[i + 1], str) else None
        if isinstance(before, str):
            starts = [m.start() for m in _WORD_START.finditer(before)][-3:]
            for p in starts:  # the widest first
                values = [before[p:] + v for v in gap.values]
                if same_variable(values, scopes) is not None:
                    content[i - 1] = before[:p]
                    widened[gap.gid] = (before[p:], "", list(gap.values))
                    gap = gaps[gap.gid] = Gap(gap.gid, values, gap.where, before[:p], gap.leaf)
                    break
        if isinstance(after, str):
            ends = [m.end() for m in _WORD_END.finditer(after)][:3]
            for q in reversed(ends):
                values = [v + after[:q] for v in gap.values]
                if same_variable(values, scopes) is not None:
                    content[i + 1] = after[q:]
                    prefix, _, narrow = widened.get(gap.gid, ("", "", list(gap.values)))
                    widened[gap.gid] = (prefix, after[:q], narrow)
                    gaps[gap.gid] = Gap(gap.gid, values, gap.where, gap.before, gap.leaf)
                    break
    if not widened:
        return sk, {}
    return Skeleton(sk.role, sk.name, [p for p in content if p != ""], sk.calls,
                    [gaps[g.gid] for g in sk.gaps]), widened


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


_GLUE_BEFORE = re.compile(r"[A-Za-z0-9_.-]*\Z")
_GLUE_AFTER = re.compile(r"[A-Za-z0-9_.-]*")


def _whole_tokens(sk: Skeleton) -> dict[int, Gap]:
    """Each gap with its values widened over the letters, digits, "-", "_" and "." of the
    literal glued to it: "us-east" before a literal "-1" is a piece of "us-east-1", an id,
    not a status word. Only for weighing what a value is; the slot stays as aligned.

    >>> sk = Skeleton("tool", None, ['"region":"', 0, '-1"'], [], [Gap(0, ["us-east", "eu-west"], "content", "")])
    >>> _whole_tokens(sk)[0].values
    ['us-east-1', 'eu-west-1']
    """
    out = {g.gid: g for g in sk.gaps}
    content = sk.content or []
    for i, part in enumerate(content):
        if not isinstance(part, int):
            continue
        before = content[i - 1] if i and isinstance(content[i - 1], str) else ""
        after = content[i + 1] if i + 1 < len(content) and isinstance(content[i + 1], str) else ""
        head = _GLUE_BEFORE.search(str(before))
        tail = _GLUE_AFTER.match(str(after))
        pre = head.group(0) if head else ""
        post = tail.group(0) if tail else ""
        g = out[part]
        if (pre or post) and all(isinstance(v, str) for v in g.values):
            out[part] = Gap(g.gid, [pre + v + post for v in g.values], g.where, g.before, g.leaf)
    return out


def _each_repeated(values: list[Any]) -> bool:
    """Two or more distinct values, each seen at least twice.

    >>> _each_repeated(["us", "eu", "us", "eu"]), _each_repeated(["us", "eu", "us"]), _each_repeated(["us", "us"])
    (True, False, False)
    """
    counts = Counter(orjson.dumps(v, default=str) for v in values)
    return len(counts) >= 2 and min(counts.values()) >= 2


def _structure_rule(g: Gap) -> str:
    """The rule that made a gap structure, as ``rote explain`` names it."""
    if _is_mark(g):
        return "marks: one-character values decide what a few runs cannot show"
    if _is_enum(g):
        return "enum: a few repeated words, a status that may decide the branch"
    if _wordy(g):
        return "unused prose: wordy text no later answer uses, another instruction"
    return "judged deciding"


def _determines(values: list[Any], outcomes: list[Any]) -> bool:
    """Whether each value came with one outcome only (so the value may decide it).

    >>> _determines(["a", "a", "b"], [1, 1, 2]), _determines(["a", "a", "b"], [1, 2, 2])
    (True, False)
    """
    seen: dict[bytes, Any] = {}
    for v, o in zip(values, outcomes, strict=True):
        key = orjson.dumps(v, default=str)
        if seen.setdefault(key, o) != o:
            return False
    return True


# Literals that join two slots into one value when the runtime cannot read them apart.
_JOINS = frozenset("._-/@")


def _coarsen(sk: Skeleton) -> Skeleton | None:
    """``sk`` with each run of content gaps joined by one character of ``_JOINS`` made one
    gap (``{{a}}.{{b}}.com`` -> ``{{a}}.com``), or None when there is no such run.

    >>> sk = Skeleton("user", None, [0, ".", 1, ":", 2, " open"], [],
    ...               [Gap(0, ["www", "a.b"], "content", ""), Gap(1, ["x", "y"], "content", "."),
    ...                Gap(2, ["80", "443"], "content", ":")])
    >>> c = _coarsen(sk)
    >>> c.content, [g.values for g in c.gaps]
    ([0, ':', 2, ' open'], [['www.x', 'a.b.y'], ['80', '443']])
    """
    if not sk.content or len(sk.gaps) < 2:
        return None
    gaps = {g.gid: g for g in sk.gaps}
    content = list(sk.content)
    changed = False
    i = 0
    while i + 2 < len(content):
        a, lit, b = content[i], content[i + 1], content[i + 2]
        if (isinstance(a, int) and isinstance(b, int) and isinstance(lit, str) and lit in _JOINS
                and not gaps[a].leaf and not gaps[b].leaf
                and all(isinstance(v, str) for v in (*gaps[a].values, *gaps[b].values))):
            ga, gb = gaps[a], gaps[b]
            gaps[a] = Gap(a, [x + lit + y for x, y in zip(ga.values, gb.values, strict=True)], ga.where, ga.before)
            del gaps[b]
            content[i + 1:i + 3] = []
            changed = True
            continue
        i += 1
    if not changed:
        return None
    return Skeleton(sk.role, sk.name, content, sk.calls, [gaps[g.gid] for g in sk.gaps if g.gid in gaps])


def _uses(d: Derivation) -> set[str]:
    """The variables a derivation reads, its rivals' included."""
    out = set(d.args)
    for e in (d.expr, *d.alternatives):
        if e is not None:
            out |= set(_expr_vars(e))
    return out


# What a label or JSON key before an id looks like: "order_id", "ticket ", "Invoice #", "zip".
_ID_LABEL = re.compile(r"(?i)(?:\bid|_id|\bno\b|number|\bnum\b|#|ticket|order|invoice|account|zip|postal|phone|"
                       r"code|ref|sku|pin|version)\W*$"
                       r"|(?-i:(?<![A-Z])(?!USD|EUR|GBP|JPY|CHF|CAD|AUD|CNY|INR)[A-Z]{1,5}[-_#]?)$")  # INV-, C, PAY


def _id_like(values: list[Any], label: str) -> bool:
    """Ids, not quantities: runs of 4 digits or more after an id-like label, key or prefix
    (``order 10342``, ``"ticket_id": 4521``, ``INV-2041``). A short number there is still
    a quantity ("order 12 units", "Is the number 7 even?", "gate #12", "P1").

    >>> _id_like(["10342", "20511"], "order "), _id_like(["12", "40"], "order "), _id_like([2560], "USD")
    (True, False, False)
    """
    return bool(_ID_LABEL.search(label[-24:])) and all(
        not isinstance(v, bool) and isinstance(v, (int, str)) and str(v).isdigit() and len(str(v)) >= 4
        for v in values)


def _is_quantity(values: list[Any], *, small: bool = False) -> bool:
    """Values that may be compared or tested (a count, an amount, a year, an hour, a date):
    JSON numbers below a million, text recognised as money, a number or a calendar date, and
    digit runs of up to 6 (``07``, two digits, is an hour). Longer runs, zero-padded ones and
    timestamps (log noise) are taken for ids; so is a value after an id-like label, key or
    prefix (``order ``, ``"ticket_id":``, ``INV-``: ``_ID_LABEL``, checked by the caller). ``small``: only
    numbers an id is rarely made of (up to 3 digits, money, decimals, JSON numbers below
    1000) and dates: "INV-12345" copied two steps later is more likely an id than a test.

    >>> _is_quantity([7, 2500]), _is_quantity(["$1,250.00", "07", "1987"]), _is_quantity(["2026-11-03"])
    (True, True, True)
    >>> _is_quantity(["0042"]), _is_quantity(["1763700000"]), _is_quantity(["2026-11-03T08:00:03"])
    (False, False, False)
    >>> _is_quantity(["-27", "\u22125", "12"]), _is_quantity(["12", "plenty"]), _is_quantity(["plenty"])
    (True, True, False)
    """
    def one(v: Any) -> bool:
        if isinstance(v, bool):
            return False
        if isinstance(v, int):
            return abs(v) < (1000 if small else 1_000_000)  # 7 digits and more: an id, an epoch timestamp
        if isinstance(v, float):
            return True
        if not isinstance(v, str):
            return False
        if v[:1] in "-+\u2212" and len(v) > 1:
            v = v[1:]  # a signed number ("-27", "−5", "+3"): its sign is not an id's
        kind = recognise(v)
        if kind in ("money", "number", "date"):
            return True
        if kind != "digits" or (len(v) > 2 and v[0] == "0"):
            return False
        # Up to 3 digits; up to 6 (a balance, a year) unless ``small``: longer runs are ids.
        return len(v) <= (3 if small else 6)

    # A gap of numbers and words ("12", "plenty") is a quantity where it is one.
    return any(one(v) for v in values) and all(one(v) or not any(c.isdigit() for c in str(v)) for v in values)


def _number_forms(value: Any) -> set[str]:
    """How a number may be written again later: as read, without currency or thousands
    separators, and as JSON would print it (``$1,250.00`` -> ``1,250.00``, ``1250.00``, ``1250.0``)."""
    text = str(value).lstrip("$€£¥")
    forms = {text, text.replace(",", "")}
    try:
        forms.add(orjson.dumps(float(text.replace(",", ""))).decode())
        number = float(text.replace(",", ""))
        if number.is_integer():
            forms.add(str(int(number)))
    except ValueError:
        pass
    return {f for f in forms if f}


def _text(msg: dict[str, Any]) -> str:
    """A message as the Namer sees it: its text, or its tool calls as JSON."""
    return text_of(msg) or orjson.dumps(canonical_message(msg).get("tool_calls") or []).decode()


def _traced(value: Any, literal: list[str]) -> bool:
    """Whether ``value`` shows in the literal texts: whole, in any case, or a word of it.

    >>> _traced("Erik Dunteman", ['lookup {"first": "Erik"}']), _traced("erik", ["Hello, Erik!"]), _traced("Bo", ["Hi!"])
    (True, True, False)
    """
    if isinstance(value, bool) or not isinstance(value, (str, int, float)) or not str(value):
        return False
    text = "\n".join(literal).lower()
    v = str(value).lower()
    if v in text:
        return True
    words = set(_WORD.findall(text))
    return any(w in words for w in _WORD.findall(v) if len(w) >= 2)


def _literal_texts(sk: Skeleton) -> list[str]:
    """The literal text of a skeleton: content parts and JSON string leaves and pieces."""
    out = [p for p in sk.content or [] if isinstance(p, str)]

    def walk(v: Any) -> None:
        if isinstance(v, dict):
            if set(v) == {"$tgap"}:
                out.extend(p for p in v["$tgap"] if isinstance(p, str))
            elif set(v) != {"$gap"}:
                for x in v.values():
                    walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, (str, int, float)) and not isinstance(v, bool):
            out.append(str(v))

    for _, args in sk.calls:
        walk(args)
    return out


APART_MAX_VARS = 24  # text variables compared pairwise (the lookup checks every pair kept)
APART_MAX_LEN = 200


def _relations(scopes: list[dict[str, Any]]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Pairs of text variables never related in any call (``apart``) and related in every
    call (``together``), where related is equal or one inside the other
    (``lookup.related_text``): a request that shows the other case shows what no example
    did ("Reassign to bob" when bob owns it; "windlife" after five words that each started
    with the first). Values always equal are one variable already, so not ``together``.

    >>> r = _relations([{"user": "ann", "pw": "ann71", "to": "bob"}, {"user": "cyd", "pw": "cyd9", "to": "dee"}])
    >>> r["apart"], r["together"]
    ((('user', 'to'), ('pw', 'to')), (('user', 'pw'),))
    """
    names = [v for v in scopes[0] if all(isinstance(sc.get(v), str) and 0 < len(sc[v]) <= APART_MAX_LEN
                                         for sc in scopes)][:APART_MAX_VARS]
    apart, together = [], []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            seen = [related_text(sc[a], sc[b]) for sc in scopes]
            if not any(seen):
                apart.append((a, b))
            elif all(seen) and not all(sc[a] == sc[b] for sc in scopes):
                together.append((a, b))
    return {"apart": tuple(apart), "together": tuple(together)}


def _pins(scopes: list[dict[str, Any]], trusted: frozenset[str]) -> dict[str, Any]:
    """Variables with one value in every call an answer was seen for (user-declared ones aside:
    the user said they vary). Serving the answer for another value would be a guess.

    >>> _pins([{"name": "Erik", "order": 1}, {"name": "Erik", "order": 2}], frozenset())
    {'name': 'Erik'}
    """
    first = scopes[0]
    return {v: value for v, value in first.items()
            if v not in trusted and all(v in sc and same_json(sc[v], value) for sc in scopes[1:])}


def _reads_back(template: MessageTemplate, msgs: list[dict[str, Any]], scopes: list[dict[str, Any]],
                new_scopes: list[dict[str, Any]]) -> bool:
    """Whether the runtime matcher reads every member back with the values induction gave it."""
    for msg, scope, new in zip(msgs, scopes, new_scopes, strict=True):
        got = match_message(template, msg, scope)
        if got is None:
            return False
        for var, value in got.items():
            want = new.get(var, _MISSING)
            if want is _MISSING or not reads_as(value, want):
                return False
    return True


_MISSING: Any = object()


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


# Characters that give text its structure (JSON, lists, markup): a free-text slot refuses
# those none of its examples held, so it never swallows a quote, a brace or a comma.
STRUCTURAL = '"\\{}[]<>|,;'


# Phrases that join two items or two sentences, or start a labelled field ("Assignee: "),
# where every example may have had one.
JOINERS = (" and ", ". ", " or ", ": ")


def _literal_after(content: list[str | int]) -> dict[int, str]:
    """The literal text right after each gap of a skeleton's content ("" when none)."""
    return {p: nxt for p, nxt in zip(content, [*content[1:], ""][:len(content)], strict=True)
            if isinstance(p, int) and isinstance(nxt, str)}


def _edges(values: list[Any], *, start: bool, end: bool) -> tuple[str | None, str | None]:
    """For a slot at the start and/or end of its message or beside whitespace
    (``Slot.edge_start``, ``edge_end``):
    the characters other than letters and digits its examples began / ended with. Nothing
    else may be there: the sentence's "." or "?", a "@" mention, a ")" or an emoji.

    >>> _edges(["Charles", "Bo."], start=False, end=True), _edges(["@ann", "bo"], start=True, end=False)
    ((None, '.'), ('@', None))
    """
    texts = [v for v in values if isinstance(v, str) and v]

    def seen(chars: Iterable[str]) -> str:
        return "".join(sorted({c for c in chars if not c.isalnum()}))

    return (seen(t[0] for t in texts) if start else None, seen(t[-1] for t in texts) if end else None)


def _refused(values: list[Any], after: str = "") -> tuple[str, tuple[str, ...]]:
    """What a free-text slot refuses (``Slot.refuse``, ``Slot.refuse_text``): the structural
    characters, the first character of the literal ``after`` it if that is punctuation, that
    literal itself, and the joining phrases, each unless some example's value held it.

    >>> _refused(["Ada Lovelace", "Bo, Jr."], after="'}")[0] == STRUCTURAL.replace(",", "") + "'"
    True
    >>> _refused(["back up the laptop"], after=" at ")[1]
    (' at ', ' and ', '. ', ' or ', ': ')
    """
    seen = "".join(v if isinstance(v, str) else str(v) for v in values)
    chars = "".join(c for c in STRUCTURAL if c not in seen)
    if after and not after[0].isalnum() and not after[0].isspace() and after[0] not in seen + chars:
        chars += after[0]  # "'" after 'address': '{{address}}': a value never runs past it
    head = after[:32]
    phrases = tuple(p for p in dict.fromkeys((head if head.strip() else "", *JOINERS)) if p and p not in seen)
    return chars, phrases


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

    >>> from tests.induction.builders import hello_records
    >>> result = induce(hello_records(["Erik", "Maria", "Kwame"]))
    >>> [str(n.template.content) for n in result.nodes]
    ['You greet people politely.', 'Say hello to {{name:word}}.', 'Hello, {{name:word}}!']
    >>> str(result.nodes[1].response.message.content), result.nodes[1].status
    ('Hello, {{name_2:word}}!', 'live')
    """
    return Inducer(records, config or InductionConfig(), deriver, stages, keep_apart).run()
