"""The walk: the store tree top down, each node's children clustered and each cluster made a
template node step by step (``Inducer._make``), the steps applying ``induction.rules`` in order.

>>> from evals.builders import hello_records
>>> from induction.backends import make_stages
>>> result = Inducer(hello_records(["Erik", "Maria"]), InductionConfig(), make_stages(InductionConfig())).run()
>>> [(n.template.role, n.status) for n in result.nodes], result.stats["records"]
([('system', 'staged'), ('user', 'live'), ('assistant', 'staged')], 2)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import orjson

from induction.arranger import same_variable
from induction.backends import Deriver, HeuristicSpanIdentifier, Stages
from induction.config import InductionConfig
from induction.evidence import distinct
from induction.hashing import digest, message_hash
from induction.identifier import Gap, Skeleton, gap_key, identify, identify_declared, skeleton_key, text_of
from induction.induce.answers import Answerer, pick_keys
from induction.induce.clusters import Clusterer, by_message, split
from induction.induce.model import NO_CONTEXT, Context, InductionResult, Member, Parts, Work
from induction.induce.naming import name_gaps, render, replicate
from induction.induce.store_tree import StoreTree, message_text
from induction.induce.strata import Strata
from induction.induce.structure import Structure
from induction.rules import tag
from induction.rules.coarsening import coarsen, whole_tokens
from induction.rules.context_bound import binds, pins
from induction.rules.copied_spans import copied_spans
from induction.rules.edges_and_refusals import literal_after
from induction.rules.enum_values import is_enum
from induction.rules.fixed_words import PathWords, cuts_of, fixed_fragments, fixed_words, policy_of, words_of
from induction.rules.list_tails import first_items
from induction.rules.marks import is_mark
from induction.rules.named_numbers import named_cuts
from induction.rules.thin_air import worth_splitting
from induction.rules.unreadable import reads_back
from induction.rules.unused_prose import whole_list, wordy
from induction.rules.verify_apart import cluster_key
from induction.runtime.lines import fixed_in_blocks
from induction.runtime.nodes import ResponseTemplate, Status, TemplateNode
from induction.runtime.template import MessageTemplate
from induction.stages import SpanIdentifier
from induction.store import StoredRecord

_SPANS: SpanIdentifier = HeuristicSpanIdentifier()


class Inducer:
    """One induction run over a set of records (any namespaces)."""

    def __init__(self, records: Iterable[StoredRecord], config: InductionConfig, stages: Stages,
                 deriver: Deriver | None = None, keep_apart: Iterable[str] = ()) -> None:
        self.config = config
        # Clusters (``cluster_keys`` values) whose node failed verification: keep their messages apart.
        self.keep_apart = frozenset(keep_apart)
        self.cluster_keys: dict[str, str] = {}
        # Clusters whose skeleton follows copied spans (``copied-spans``): the plain skeleton,
        # or None once the guided one failed to read back.
        self.guided: dict[tuple[str, ...], Skeleton | None] = {}
        self.stages = stages  # the caller owns (and closes) them
        self.deriver: Deriver = deriver or self.stages.deriver
        self.namer = self.stages.namer
        self.out: list[TemplateNode] = []
        # The words of the literal text of the templates from the root to each node (``fixed-words``).
        self.path_words: dict[str, PathWords] = {}
        self.notes: dict[str, list[str]] = defaultdict(list)
        self.stats: Counter[str] = Counter()
        self.stats["copied_spans"] = 0  # in the run report even when no answer copied a cut value
        self.stats["tail_checks"] = 0
        self.stats["block_checks"] = 0
        self._ids: set[str] = set()  # node ids given out
        self.tree = StoreTree()
        records = list(records)
        kept = self.tree.load(records)
        # Results of parallel calls out of the order of the calls: the runtime never answers
        # such a context (it reads results by position), and learning from one would read
        # in-order results swapped (``results-order``).
        self.stats["records_out_of_order"] = len(records) - len(kept)
        self.stats["records"] = len(kept)
        self.clusters = Clusterer(self.tree, config)
        self.answers = Answerer(self.tree, config, self.namer, self.deriver, self.stats)
        self.structure = Structure(self.tree, self.clusters, self.answers, config, self.namer, self.deriver,
                                   stages.judge, self.stats)

    def run(self) -> InductionResult:
        """Every namespace's tree, roots first; the nodes, notes and counters of the run."""
        for ns, roots in sorted(self.tree.roots.items()):
            self._children(None, ns, [(r, Member("", {})) for r in roots])
        return InductionResult(self.out, dict(self.notes), self.stats, self.stages.counters(), self.cluster_keys)

    def _children(self, parent_tid: str | None, ns: str, kids: list[tuple[str, Member]]) -> None:
        """The children of a template node's members, grouped by skeleton and clustered (merged
        only from ``auto_merge_min_children`` distinct messages, or when forced), each cluster
        made a node."""
        groups: dict[Any, list[tuple[str, Member]]] = defaultdict(list)
        for sid, member in kids:
            groups[orjson.dumps(skeleton_key(self.tree.nodes[sid].msg), default=str)].append((sid, member))
        distinct = len({message_hash(self.tree.nodes[s].msg) for s, _ in kids})
        forced = any(m.node in self.config.force_merge for _, m in kids)
        merge = forced or distinct >= self.config.auto_merge_min_children
        for _, group in sorted(groups.items()):
            for cluster in self.clusters.cluster(group) if merge else by_message(group, self.tree.nodes):
                self._make(parent_tid, ns, cluster)

    def _make(self, parent_tid: str | None, ns: str, cluster: list[tuple[str, Member]],
              ctx: Context = NO_CONTEXT) -> None:
        """One template node from a cluster of sibling messages, step by step; the first step
        that splits the cluster makes each of its parts instead (with what the split hands
        down, ``Context``). The steps apply the rules of ``induction.rules`` in their order."""
        start = self._skeleton(parent_tid, ns, cluster, ctx)
        if isinstance(start, Work):
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

    def _skeleton(self, parent_tid: str | None, ns: str, cluster: list[tuple[str, Member]],
                  ctx: Context) -> Work | Parts:
        """The cluster's skeleton (declared bindings as slots; ``coarsening``)."""
        msgs = [self.tree.nodes[s].msg for s, _ in cluster]
        # A part of a split cluster keeps the cluster's skeleton (``strata``): what its few runs
        # happen to share is not structure the wider cluster did not have.
        sk = (ctx.strata.restrict([s for s, _ in cluster])
              if ctx.strata is not None and len(cluster) >= self.config.min_runs else None)
        kept = sk is not None  # the wider cluster's skeleton: its spans stand as they are
        if sk is None:
            sk = self.clusters.identify(msgs)
        forced: dict[int, str] = {}
        declared = self.tree.nodes[cluster[0][0]].declared
        if declared and sk is not None and not sk.gaps and len({message_hash(m) for m in msgs}) == 1:
            # One distinct message cannot show what varies, but the user said so.
            found = identify_declared(msgs[0], declared)
            if found is not None:
                sk = replicate(found[0], len(msgs))
                forced = found[1]
        if sk is None:  # cannot happen for clusters from _cluster; stay safe anyway
            return Parts([[item] for item in cluster], ctx)
        key = tuple(message_hash(m) for m in msgs)
        if (not forced and not kept and sk.gaps and key not in self.guided and not any(g.block for g in sk.gaps)
                and (guided := self._copied(cluster, msgs, sk)) is not None):
            # The answers copy a value whole: its span is one slot, not cut where the
            # examples happened to share a word (``copied-spans``).
            self.stats["copied_spans"] += 1
            self.guided[key] = sk
            sk = self.clusters.identified[key] = guided
        if not forced and (coarse := coarsen(sk)) is not None:
            # "ap-south-1" aligned as ap / south / 1: one value cut at its joiners would be
            # weighed piece by piece ("ap" a short code, "1" a count); whole, it is an id.
            self.stats["coarsened"] += 1
            sk = self.clusters.identified[tuple(message_hash(m) for m in msgs)] = coarse
        return Work(parent_tid, ns, cluster, ctx, msgs, sk, forced, [m.scope for _, m in cluster])

    def _copied(self, cluster: list[tuple[str, Member]], msgs: list[dict[str, Any]], sk: Skeleton) -> Skeleton | None:
        """``copied_spans`` of the cluster's messages when each member was answered one way."""
        answers = []
        for sid, _ in cluster:
            node = self.tree.nodes[sid]
            if not node.answers or len(set(self.tree.answers_of(sid))) != 1:
                return None
            answers.append(node.answers[0].response_message)
        return copied_spans(msgs, answers, sk)

    def _split_structure(self, w: Work) -> Parts | None:
        """Variation that is not data is structure (``enum-values``, ``marks``,
        ``unused-prose``, unless ``structure-evidence`` frees it; ``structure-judge``): the
        cluster is split by those values, or by answer (``split-by-answer``)."""
        sk, cluster, scopes = w.sk, w.cluster, w.scopes
        # Enum-like values (a status that decides a branch), and wordy text no later model
        # output uses (another instruction, another persona) — split the cluster by those values.
        whole = whole_tokens(sk)
        # A model's whole text beside its calls (``identifier.COMMENTARY_SHARE``) is weighed
        # whatever it holds: ids in it do not make it data without evidence.
        said = sk.content == [sk.gaps[0].gid] if sk.role == "assistant" and sk.calls and sk.gaps else False
        structural = [g for g in sk.gaps if g.gid not in w.forced and same_variable(g.values, scopes) is None
                      and gap_key(g) not in w.ctx.data and distinct(g.values) > 1
                      and (is_enum(whole[g.gid]) or is_mark(g) or whole_list(g)
                           or (said and g.where == "content")
                           or (wordy(whole[g.gid]) and not self.structure.used_later(g, cluster)))
                      and not self.structure.derivable(g, scopes)]
        if structural and len(cluster) > 1:
            structural, evidence, w.closed = self.structure.weigh(sk, structural, cluster, scopes, w.parent_tid,
                                                                   w.forced, w.msgs, w.ctx.bound)
            if evidence is not None:
                w.ctx = w.ctx.evidence(evidence)
        judged = False
        if not structural and self.structure.judge is not None:
            structural, note = self.structure.judged(sk, cluster, scopes, w.forced)
            judged = bool(structural)
            if note is not None:
                w.ctx = w.ctx.split(note)
        if structural and len(cluster) > 1 and (by_answer := self.structure.by_answer(cluster, scopes)) is not None:
            # What varies went with different answers, and each answer's messages keep to a
            # template of their own: split by answer, not by every value of the span.
            self.stats["answer_splits"] += 1
            w.ctx = w.ctx.split(f"{tag('split-by-answer')} kept apart by answer: each answer's messages fit a "
                                "template the others' do not match", keep=True)
            return Parts(by_answer, w.ctx)
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
        kept = {g.gid for g in structural}
        # Only values a JSON path names: the text before a gap of free text names another span
        # once a part is aligned on its own (a checklist's item swallowing the next line's box).
        w.ctx = w.ctx.with_data(gap_key(g) for g in sk.gaps if g.path and g.gid not in kept and g.gid not in w.forced)
        parts = split(cluster, [[g.values[i] for g in structural] for i in range(len(cluster))])
        w.ctx = w.ctx.with_strata(self._strata(w, parts, kept))
        return self._bound_parts(w, parts)

    def _name(self, w: Work) -> Parts | None:
        """Every gap named (a reference, a derivation or a new variable), and the template read
        back (``unreadable``: else coarsened, or split into its messages)."""
        sk, cluster, scopes, msgs = w.sk, w.cluster, w.scopes, w.msgs
        named = name_gaps(sk, scopes, self.namer, self.deriver, self.stats, w.forced, message_text(msgs[0]),
                          sorted(self.tree.tools[w.ns]))
        if sk.gaps and not reads_back(named.template, msgs, scopes, named.scopes):
            key = tuple(message_hash(m) for m in msgs)
            if self.guided.get(key) is not None:
                # Slots along copied spans that the runtime cannot read apart: the plain
                # alignment, with what the steps below make of it.
                self.clusters.identified[key] = self.guided[key]
                self.guided[key] = None
                return Parts([cluster], w.ctx)
            coarse = coarsen(sk)
            if coarse is not None:
                # Adjacent slots joined by a "." or a "-" (a host name cut at its dots, a
                # version at its dashes) are ambiguous to read apart: one slot over the span
                # reads back. Induce the cluster again with that skeleton.
                self.stats["coarsened"] += 1
                self.clusters.identified[tuple(message_hash(m) for m in msgs)] = coarse
                return Parts([cluster], w.ctx.with_strata(None))
            leaves = identify(msgs, json_leaves=True)
            if leaves is not None and leaves.content != sk.content:
                # JSON whose word-by-word alignment swallowed structure (a list longer in one
                # run than another): aligned leaf by leaf, a whole string or list per gap.
                self.stats["json_realigned"] += 1
                self.clusters.identified[tuple(message_hash(m) for m in msgs)] = leaves
                return Parts([cluster], w.ctx.with_strata(None))
            # The runtime could not read its own members back (e.g. adjacent free-text
            # slots it refuses to split): such a template would only ever miss. Keep
            # each distinct message as it is instead, so exact repeats still hit.
            self.stats["unreadable_splits"] += 1
            w.ctx = w.ctx.split(f"{tag('unreadable')} kept apart: the runtime could not read the messages back "
                                "with one template", keep=True)
            parts = by_message(cluster, self.tree.nodes)
            if len(parts) > 1:
                return Parts(parts, w.ctx.with_strata(None))
            literal = self.clusters.identify(msgs)  # one distinct message: no gaps, no declared slots
            assert literal is not None and not literal.gaps
            w.sk, w.forced = literal, {}
            named = name_gaps(literal, scopes, self.namer, self.deriver, self.stats)
        w.named = named
        # Every new variable's label, before any check is learnt at this node (``with_ranges``
        # keeps no order between numbers whose labels name different units).
        self.answers.note_labels(named.new_vars)
        w.trusted = frozenset(w.forced.values()).union(*(m.user_bound for _, m in cluster))
        closed = frozenset(named.slots[g] for g in w.closed if g in named.slots).union(*(m.closed for _, m in cluster))
        blocks = frozenset(named.slots[g.gid] for g in w.sk.gaps if g.block and g.gid in named.slots).union(
            *(m.blocks for _, m in cluster))
        w.members = [Member(s, sc, w.trusted, closed, blocks) for (s, _), sc in zip(cluster, named.scopes, strict=True)]
        # The cluster by its members (content addresses): stable across passes, unlike the
        # template id, which holds the names a (possibly non-deterministic) Namer chose.
        w.ckey = cluster_key(s for s, _ in cluster)
        return None

    def _verify_apart(self, w: Work) -> Parts | None:
        """A cluster whose merge failed verification, each distinct message apart (``verify-apart``)."""
        if w.ckey not in self.keep_apart:
            return None
        parts = by_message(w.cluster, self.tree.nodes)
        if len(parts) < 2:
            return None
        # This merge failed verification (a member's answer came back different):
        # the rule is to split such a cluster or leave it as it was.
        self.stats["verify_splits"] += 1
        w.ctx = w.ctx.split(f"{tag('verify-apart')} kept apart: merged, these messages failed verification (a "
                            "training call came back with another answer)", keep=True)
        return Parts(parts, w.ctx.with_strata(None))

    def _answer(self, w: Work) -> Parts | None:
        """The answer template and its status (``thin-air``, ``rivals``, ``context-bound``,
        ``min-runs``), numbers no answer reads weighed (``unread-values``)."""
        assert w.named is not None
        members, new_vars, trusted, cluster = w.members, w.named.new_vars, w.trusted, w.cluster
        response, status, why = self.answers.response(members, w.named.scopes, w.ctx.bound)
        basis, basis_status = response, status
        if status == "uncacheable" and self.answers.beside_calls(members):
            # A sampled model's words beside calls that agree: thin air, not served, but the
            # calls are the one answer the numbers read here are weighed against.
            calls, calls_status, _ = self.answers.response(members, w.named.scopes, w.ctx.bound, calls_only=True)
            if calls is not None and calls_status != "uncacheable":
                basis, basis_status = calls, calls_status
        unread = self.answers.unread(members, new_vars, basis, trusted)
        # Evidence first: an unread number that took several values, all followed by this one
        # answer, is noise (a port, a latency, a size), not a branch (``induction.evidence``).
        pooled = self._pooled(w)
        after = {w.named.slots[gid]: text for gid, text in literal_after(w.sk.content or []).items()
                 if gid in w.named.slots}
        unread, noise = self.answers.weigh(unread, members, new_vars, basis, basis_status, pooled, after)
        weighed = set(noise)
        w.chosen = bool(noise) and not unread and basis is None and basis_status == "uncacheable"
        if noise:
            if response is not None:
                response = self.answers.with_ranges(response, members)
            w.ctx = w.ctx.evidence(self.answers.noise_note(noise, members, new_vars, pooled, after, chosen=w.chosen))
        parts = split(cluster, [[sc[v] for v in unread] for sc in w.named.scopes]) if unread else []
        if len(parts) > 1 and status == "uncacheable":
            # Answered differently: the value that decides how (``_branch``) is looked for
            # first; split by every unread number, the parts would be too small to show it.
            w.deferred = (unread, parts)
        elif len(parts) > 1:
            # "Is 7 even?" -> "No"; "my budget is $800" -> "Noted." and later "Yes, it fits":
            # a number read here that no answer copies or computes from was read to decide
            # (a parity, a threshold, a budget). With the few outcomes seen, serving this
            # answer, or any below it, for another number would be a guess: the number is
            # structure, even where each value was seen once.
            return self._unread_split(w, unread, parts)
        if unread:
            response, status = None, "uncacheable"
            why = (f"{tag('unread-values')} no answer uses {', '.join(unread)}, a number read here: it may decide "
                   "the answer")
        elif response is not None and status != "uncacheable":
            skipped = [v for v in self.answers.unread(members, new_vars, response, trusted, below=False)
                       if v not in weighed]
            skipped, noise = self.answers.weigh(skipped, members, new_vars, response, status, pooled, after)
            if noise:
                response = self.answers.with_ranges(response, members)
                w.ctx = w.ctx.evidence(self.answers.noise_note(noise, members, new_vars, pooled, after))
            if skipped:
                # Read here, copied only further down ("[14:05] Hi" -> "Good afternoon!", the
                # hour logged two turns later): this answer may still have turned on it.
                response, status = None, "uncacheable"
                why = (f"{tag('unread-values')} this answer does not use {', '.join(skipped)}, a number read here "
                       "(only later answers copy it): it may decide this answer")
        if response is not None and (unkept := self.answers.unkept(response, members)) is not None:
            response, status, why = None, "uncacheable", unkept
        if response is not None:
            gaps = [(g.path, w.named.slots[g.gid]) for g in w.sk.gaps if g.path and g.gid in w.named.slots]
            response = self.answers.with_tails(response, members, first_items(gaps))
            response = self.answers.with_blocks(response, members)
            response = self.answers.with_affixes(response, members)
            response = self.answers.with_time_order(response, members)
        w.response, w.status, w.why = response, status, why
        return None

    def _branch(self, w: Work) -> Parts | None:
        """Answers that differ, split by the value that tells them apart (``deciding-value``,
        read here or above), by answer (``split-by-answer``), or by this message's own values
        where some repeat (``thin-air``)."""
        assert w.named is not None
        members, new_vars, new_scopes, cluster = w.members, w.named.new_vars, w.named.scopes, w.cluster
        if w.status != "uncacheable" or len(cluster) < 2:
            return None
        if not new_vars:
            above = self.structure.deciding(members, {v: "" for v in members[0].scope if v not in w.trusted})
            if above is not None:
                # Answered differently, and a value read further up tells the answers apart
                # (each of its values was answered one way): the parts are induced apart and
                # each answer is pinned to the values it was seen with (``pins``).
                self.stats["branch_splits"] += 1
                w.ctx = w.ctx.split(f"{tag('deciding-value')} kept apart by {above} (read above): each of its "
                                    "values was answered one way").bind().with_strata(None)
                return Parts(split(cluster, [[m.scope[above]] for m in members]), w.ctx)
            return None
        deciding = self.structure.deciding(members, new_vars)
        if deciding is not None:
            # Different values led to different answers, and one value alone tells them
            # apart (``VM Started`` -> E22, ``VM Paused`` -> E20 whatever the instance id):
            # that value is the branch; the others stay data in each part.
            self.stats["branch_splits"] += 1
            w.ctx = w.ctx.split(f"{tag('deciding-value')} kept apart by {deciding}: each of its values was "
                                "answered one way")
            parts = split(cluster, [[sc[deciding]] for sc in new_scopes])
            w.ctx = w.ctx.with_strata(self._strata(w, parts, self._gids(w, [deciding])))
            return self._bound_parts(w, parts)
        by_answer = self.structure.by_answer(cluster, w.scopes)
        if by_answer is not None:
            # Different answers, and the messages of each answer fit a template none of the
            # others' messages match (``VM Started`` vs ``Instance spawned``, whatever the
            # instance id): each answer's messages are induced apart.
            self.stats["answer_splits"] += 1
            w.ctx = w.ctx.split(f"{tag('split-by-answer')} kept apart by answer: each answer's messages fit a "
                                "template the others' do not match", keep=True).with_strata(None)
            return Parts(by_answer, w.ctx)
        answerable = self._answerable_split(w)
        if answerable is not None:
            return answerable
        if w.deferred:
            # No value tells the answers apart: the numbers read here that no answer uses are
            # what may (``unread-values``), as when the answers agree.
            return self._unread_split(w, *w.deferred)
        if w.chosen:
            # The model chose between kinds of answer here, every run of a kind going on alike,
            # and the numbers read here were weighed for noise (``Answerer.branches_alike``):
            # the node serves nothing, its branches are told apart by the model's answers.
            return None
        # Thin air or a branch that this node's own values may decide: make them structure.
        keys = [[sc[v] for v in new_vars] for sc in new_scopes]
        # Only worth it when some value repeats: all-singleton parts would lose
        # the subtree's generality and gain no answer.
        if not worth_splitting(keys):
            return None
        self.stats["thin_air_splits"] += 1
        w.ctx = w.ctx.split(f"{tag('thin-air')} kept apart by {', '.join(new_vars)}: answered differently, "
                            "nothing in scope explains the answers, and some value repeats", keep=True)
        parts = split(cluster, keys)
        w.ctx = w.ctx.with_strata(self._strata(w, parts, self._gids(w, list(new_vars))))
        return self._bound_parts(w, parts)

    def _emit(self, w: Work) -> None:
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
        evidence = tuple(sorted({r.record_id for m in members for r in self.tree.nodes[m.node].answers}))[:50]
        tid = self._node_id(w.parent_tid, w.ns, w.named.template, w.ckey)
        self.cluster_keys[tid] = w.ckey
        path_words = self._path_words(tid, w.parent_tid, w.named.template)
        if response is not None:
            response = self._with_fixed_words(response, path_words,
                                              [m.scope for m in members if self.tree.nodes[m.node].answers])
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
        if response is not None:
            # Keys a ``pick`` compared stay closed below, as closed slots do (``closed-values``).
            keys = pick_keys(response.derivations) - w.trusted
            if keys:
                members = [Member(m.node, m.scope, m.user_bound, m.closed | keys, m.blocks) for m in members]
        kids = [(c, m) for m in members for c in self.tree.nodes[m.node].children]
        if kids:
            self._children(tid, w.ns, kids)

    def _unread_split(self, w: Work, unread: list[str], parts: list[list[tuple[str, Member]]]) -> Parts:
        """``w``'s cluster split by the numbers ``unread`` (``unread-values``)."""
        self.stats["unread_number_splits"] += 1
        w.ctx = w.ctx.split(f"{tag('unread-values')} kept apart by {', '.join(unread)}: a number read here "
                            "that no answer copies or computes from may decide the answer")
        w.ctx = w.ctx.with_strata(self._strata(w, parts, self._gids(w, unread)))
        return self._bound_parts(w, parts)

    def _path_words(self, tid: str, parent_tid: str | None, template: MessageTemplate) -> PathWords:
        """The words of the literal text from the root to node ``tid`` (``fixed-words``; as the
        runtime's ``lookup.path_words``), remembered for the nodes below."""
        words = self.path_words[tid] = self.path_words.get(parent_tid or "", PathWords(())).below(
            words_of(template), policy_of(template), cuts_of(template))
        return words

    def _with_fixed_words(self, response: ResponseTemplate, path_words: PathWords,
                          scopes: list[dict[str, Any]]) -> ResponseTemplate:
        """``response`` with the values its calls saw equal to one of ``path_words``: a value
        equal to such a word for the first time may be what that text singles out."""
        fixed = fixed_words(scopes, path_words)
        # Values that come closer to a fragment of that text ("10.50.0.0/16") than any seen.
        fragments = fixed_fragments(scopes, path_words.fragments)
        # Numbers on a side of a number that text names where none was (``named-numbers``).
        cuts = named_cuts(scopes, path_words.cuts)
        # A block's free slots refuse such words too, save those its training blocks held.
        blocks = {var: check.model_copy(update={"fixed": allowed}) for var, check in response.blocks.items()
                  if (allowed := fixed_in_blocks([sc.get(var) for sc in scopes], check.delimiter, path_words))}
        if not fixed and not blocks and not fragments and not cuts:
            return response
        self.stats["fixed_word_vars"] += len(fixed)
        self.stats["fragment_vars"] += len(fragments)
        self.stats["cut_vars"] += len(cuts)
        return response.model_copy(update={"fixed_words": fixed or response.fixed_words,
                                           "fragments": fragments or response.fragments,
                                           "cuts": cuts or response.cuts,
                                           "blocks": {**response.blocks, **blocks}})

    def _answerable_split(self, w: Work) -> Parts | None:
        """Answers no one template explains (the failed job's id, copied from one job or
        another), split by the one new value of few repeated values (the job's status) under
        which the answers of every part seen twice fit a template: that value decides what is
        copied (``deciding-value``). Only structure is added: each part is induced with all
        its checks, the value literal in it."""
        assert w.named is not None
        scopes = w.named.scopes
        candidates: list[tuple[bool, int, str]] = []
        # Each value widened over the literal glued to it: "us-east" before "-1" is a region id.
        tokens = whole_tokens(w.sk)
        whole = {var: tokens[gid] for gid, var in w.named.slots.items() if var in w.named.new_vars and gid in tokens}
        # A closed status read further up (a yanked flag in the first of two parallel results)
        # is weighed the same way, after this message's own values.
        above = [var for var in sorted(w.members[0].closed) if var in scopes[0] and var not in w.named.new_vars
                 and var not in w.trusted]
        for var in [*w.named.new_vars, *above]:
            counts = Counter(orjson.dumps(sc[var], default=str) for sc in scopes)
            if 2 <= len(counts) <= max(2, len(scopes) // 2) and max(counts.values()) >= self.config.min_runs:
                # A status read here first (few repeated words or flags, ``enum-values``): a
                # region "us-east-1" that happens to line up with the answers of four runs is
                # likelier noise than the job's "failed".
                first = var in whole and is_enum(whole[var])  # ``whole`` holds this message's values only
                candidates.append((not first, len(counts), var))
        at = {sid: i for i, (sid, _) in enumerate(w.cluster)}
        for _, _, var in sorted(candidates):
            parts = split(w.cluster, [[sc[var]] for sc in scopes])
            seen = [p for p in parts if len(p) >= self.config.min_runs]
            if not seen:
                continue
            answered = [self.answers.response([w.members[at[sid]] for sid, _ in p],
                                              [scopes[at[sid]] for sid, _ in p], w.ctx.bound)[1] for p in seen]
            if any(status == "uncacheable" for status in answered):
                continue
            self.stats["branch_splits"] += 1
            if var not in w.named.new_vars:
                # Closed, so each part's answers serve only the values of it they were seen with.
                w.ctx = w.ctx.split(f"{tag('deciding-value')} kept apart by {var} (read above): under each of its "
                                    "values the answers fit one template, together they do not").with_strata(None)
                return Parts(parts, w.ctx)
            w.ctx = w.ctx.split(f"{tag('deciding-value')} kept apart by {var}: under each of its values the "
                                "answers fit one template, together they do not")
            w.ctx = w.ctx.with_strata(self._strata(w, parts, self._gids(w, [var])))
            return self._bound_parts(w, parts)
        return None

    def _strata(self, w: Work, parts: list[list[tuple[str, Member]]], split_gids: Iterable[int]) -> Strata:
        """What the parts of ``w``'s cluster, split by the gaps ``split_gids``, keep of it: its
        skeleton, and each other value's evidence pooled over the parts when each part's runs
        went on one way (``induction.induce.strata``)."""
        at = {sid: i for i, (sid, _) in enumerate(w.cluster)}
        idx = [[at[sid] for sid, _ in part] for part in parts]
        homogeneous = all(len({self.tree.continuation(sid) for sid, _ in part}) == 1 for part in parts)
        return Strata.of(w.sk, [sid for sid, _ in w.cluster], idx, split_gids, homogeneous=homogeneous)

    def _gids(self, w: Work, names: Iterable[str]) -> set[int]:
        """The gaps of ``w`` named as these variables."""
        assert w.named is not None
        wanted = set(names)
        return {gid for gid, var in w.named.slots.items() if var in wanted}

    def _pooled(self, w: Work) -> dict[str, tuple[Any, ...]]:
        """The new variables' values inside the parts of the wider cluster this one was split
        from (``strata``), by variable."""
        strata = w.ctx.strata
        if strata is None or not strata.pooled or w.named is None:
            return {}
        out: dict[str, tuple[Any, ...]] = {}
        for g in w.sk.gaps:
            var = w.named.slots.get(g.gid)
            if var is not None and var in w.named.new_vars and gap_key(g) in strata.pooled:
                out[var] = strata.pooled[gap_key(g)]
        return out

    def _bound_parts(self, w: Work, parts: list[list[tuple[str, Member]]]) -> Parts:
        """``parts`` of a split; if one message among them was answered differently under
        different values above it, the answer depends on those values: so may every part's
        (``context-bound``: see ``_response``)."""
        def shape(sub: list[tuple[str, Member]]) -> tuple[int, int]:
            messages = len({message_hash(self.tree.nodes[sid].msg) for sid, _ in sub})
            return messages, (self.tree.answer_count(sub) if messages == 1 else 0)  # counted only where it tells

        if binds(shape(sub) for sub in parts):
            self.stats["context_bound_splits"] += 1
            w.ctx = w.ctx.bind()
        return Parts(parts, w.ctx)

    def _count_checks(self, node: TemplateNode) -> None:
        """The request-time checks a node carries, per rule (``induction.rules``), for the run report."""
        slots = node.template.content.slots if node.template.content is not None else ()
        self.stats["refusing_slots"] += sum(1 for s in slots if s.refuse or s.refuse_text)
        self.stats["edge_slots"] += sum(1 for s in slots if s.edge_start is not None or s.edge_end is not None)
        r = node.response
        if r is not None:
            self.stats["rival_derivations"] += sum(1 for d in r.derivations if d.alternatives)
            self.stats["relation_pairs"] += len(r.apart) + len(r.together) + len(r.sharing)
            self.stats["pinned_answers"] += bool(r.pins)
            self.stats["request_settings"] += len(r.request_keys)

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
        text = text_of(self.tree.nodes[sid].msg)
        if not text:
            return None
        # Not JSON keys: a key is structure even when a later message says the same word.
        spans = [sp for sp in _SPANS.spans(text, self.tree.later_texts(sid), {}) if text[sp[1]:sp[1] + 2] != '":']
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

    def _exact_repeats(self, parent_tid: str | None, ns: str, cluster: list[tuple[str, Member]]) -> None:
        """Beside a node that cannot answer new values, literal nodes for the messages that
        were asked again and again (``min_runs`` calls, one answer): an exact repeat may
        still be served. They answer only that message, under pins for the values above
        it that never varied; the subtree stays under the template."""
        by_message: dict[str, list[tuple[str, Member]]] = defaultdict(list)
        for sid, member in cluster:
            by_message[message_hash(self.tree.nodes[sid].msg)].append((sid, member))
        # A message answered differently under different values above it: every answer
        # here may depend on those values, so each repeat must be pinned on all of them.
        context_bound = any(self.tree.answers_differ(items) for items in by_message.values())
        for items in by_message.values():
            # ``member.scope`` is what was in scope above this message, in that context.
            answers = [(r, m.scope) for sid, m in items for r in self.tree.nodes[sid].answers]
            once = len(answers) < self.config.min_runs
            if once and not (self.config.serve_exact_repeats and answers):
                continue
            if len({a for sid, _ in items for a in self.tree.answers_of(sid)}) > 1:
                continue  # the model answered this message differently: nothing to repeat
            finish = {str(r.response["choices"][0].get("finish_reason")) for r, _ in answers}
            if len(finish) > 1:
                continue
            msg_sk, answer_sk = identify([self.tree.nodes[items[0][0]].msg]), identify([answers[0][0].response_message])
            if msg_sk is None or answer_sk is None or msg_sk.gaps or answer_sk.gaps:
                continue
            template = render(msg_sk, {}, {})
            usage = answers[0][0].response.get("usage") or {}
            trusted = frozenset().union(*(m.user_bound for _, m in items))
            pinned = pins([sc for _, sc in answers], trusted)
            if context_bound and set(answers[0][1]) - set(pinned) - trusted:
                continue
            response = ResponseTemplate(
                message=render(answer_sk, {}, {}), finish_reason=finish.pop(),
                request_keys=tuple(sorted({r.request_key for r, _ in answers})),
                usage={"prompt_tokens": int(usage.get("prompt_tokens") or 0),
                       "completion_tokens": int(usage.get("completion_tokens") or 0)},
                evidence=len(answers), pins=pinned, exact_once=once)
            tid = self._node_id(parent_tid, ns, template, "exact repeat")
            response = self._with_fixed_words(response, self._path_words(tid, parent_tid, template),
                                              [sc for _, sc in answers])
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
    if g.block:
        return "unused-prose", "a block of lines: what an answer makes of it does not show"
    if whole_list(g):
        return "unused-prose", "a whole list of different lengths: what an answer makes of it does not show"
    return "structure-judge", "judged deciding"
