"""Whether what varies in a cluster is structure: the gaps the structure rules hold
(``enum-values``, ``marks``, ``unused-prose``) weighed against the runs (``structure-evidence``),
the StructureJudge's (``structure-judge``), and the splits by answer (``split-by-answer``) or
by the one value that decides it (``deciding-value``).

>>> from evals.builders import hello_records
>>> from induction.backends import make_stages
>>> from induction.config import InductionConfig
>>> from induction.induce.walk import Inducer
>>> structure = Inducer(hello_records(["Erik"]), InductionConfig(), make_stages(InductionConfig())).structure
>>> structure.derivable(Gap(0, ["erik", "maria"], "content", ""), [{"name": "Erik"}, {"name": "Maria"}])
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from induction.arranger import same_variable
from induction.config import InductionConfig
from induction.evidence import distinct
from induction.identifier import Gap, Skeleton, gap_key
from induction.induce.answers import Answerer
from induction.induce.clusters import Clusterer
from induction.induce.model import Member
from induction.induce.naming import name_gaps, reads, render, slot_kind, uses
from induction.induce.store_tree import StoreTree, message_text
from induction.rules import tag
from induction.rules.coarsening import whole_tokens
from induction.rules.deciding_value import deciding as deciding_var
from induction.rules.enum_values import is_enum
from induction.rules.marks import is_mark
from induction.rules.split_by_answer import answer_groups
from induction.rules.structure_evidence import CONTINUATION_DEPTH, determines, is_data, varies_within
from induction.rules.structure_judge import note as judge_note
from induction.rules.unreadable import reads_back
from induction.rules.unused_prose import used_later as copied_later
from induction.rules.unused_prose import whole_list
from induction.runtime.messages import match_message
from induction.runtime.nodes import ResponseTemplate
from induction.runtime.template import json_template_vars
from induction.stages import Deriver, Namer, StructureJudge


def forwarded_vars(response: ResponseTemplate) -> set[str]:
    """The variables an answer passes on in a tool call's arguments, directly or through a
    derivation (``cobalt/{project}``).

    >>> from induction.runtime.template import MessageTemplate, ToolCallTemplate
    >>> msg = MessageTemplate(role="assistant", tool_calls=(ToolCallTemplate(name="f", arguments={"a": {"$v": "x"}}),))
    >>> sorted(forwarded_vars(ResponseTemplate(message=msg)))
    ['x']
    """
    out = {v for call in response.message.tool_calls for v in json_template_vars(call.arguments)}
    for d in reversed(response.derivations):  # hydration order: a derivation after what it uses
        if d.var in out:
            out |= uses(d)
    return out


class Structure:
    """The structure questions of one run. ``cleared``: (parent template, where, label) of gaps
    evidence found not to decide (``weigh``), data in the parts of the cluster they were found in."""

    def __init__(self, tree: StoreTree, clusters: Clusterer, answers: Answerer, config: InductionConfig,
                 namer: Namer, deriver: Deriver, judge: StructureJudge | None, stats: Counter[str]) -> None:
        self.tree = tree
        self.clusters = clusters
        self.answers = answers
        self.config = config
        self.namer = namer
        self.deriver = deriver
        self.judge = judge
        self.stats = stats
        self._cleared: set[tuple[str | None, str, str]] = set()

    def weigh(self, sk: Skeleton, structural: list[Gap], cluster: list[tuple[str, Member]],
                         scopes: list[dict[str, Any]], parent_tid: str | None, forced: dict[int, str],
                         msgs: list[dict[str, Any]], bound: bool) -> tuple[list[Gap], str | None, set[int]]:
        """The gaps of ``structural`` (a repeated word, wordy text no later output uses) that stay
        structure once the runs' outcomes are weighed: a gap is data when every member goes on
        the same way (one answer template here, the same kinds of messages below) and either
        the answer copies or computes from it, or it took ``min_distinct_quantity`` distinct
        values. Marks (a board cell) always stay structure: a few runs cannot show what they
        decide. Also returns the evidence note, when evidence freed a gap, and the gaps that
        stay slots only for the values seen (``closed-values``: statuses too thin to be data
        with every run going on alike, statuses data by evidence that no answer reads or
        repeats, and statuses an answer copies without the distinct values to be data)."""
        candidates = [g for g in structural if not is_mark(g)]
        calls = all(m.get("role") == "assistant" and m.get("tool_calls") for m in msgs)
        parallel = all(self.tree.before_results(s) for s, _ in cluster)
        if ((calls or parallel or all(m.get("role") in ("system", "developer") for m in msgs))
                and not any(self.tree.nodes[s].answers for s, _ in cluster)):
            return self.context_only(sk, structural, candidates, cluster, calls=calls, parallel=parallel)
        conts = [self.tree.continuation(s) for s, _ in cluster]
        # A gap already found not to decide (its same value went on differently) at a wider
        # cluster of this parent is data in the parts it was split into.
        cleared = {g.gid for g in candidates if (parent_tid, *gap_key(g)) in self._cleared}
        if len(set(conts)) > 1 and (loose := [g for g in candidates if g.block and varies_within(
                g.values, conts, self.config.min_distinct_quantity)]):
            # A block of lines each run had its own of "determines" how the runs went on only as
            # any unique value does; runs that went on alike with several distinct blocks show
            # it does not decide. Each answer below serves only blocks like its own.
            self.stats["evidence_data"] += len(loose)
            note = (f"{tag('structure-evidence')} data by evidence: "
                    + ", ".join(f"the block of lines after {g.before[-24:]!r}" for g in loose)
                    + f" (runs that went on alike held {self.config.min_distinct_quantity} or more distinct blocks)")
            return [g for g in structural if g not in loose], note, set()
        if len(set(conts)) > 1:
            # Runs went on differently. A gap whose same value went on differently too does not
            # decide: data (evidence against a branch), if another gap tells the runs apart
            # (one way of going on per value): that one alone is the branch.
            deciding = [g for g in candidates if determines(g.values, conts) and g.gid not in cleared]
            if deciding:
                freed = [g for g in candidates if g not in deciding]
                self._cleared.update((parent_tid, *gap_key(g)) for g in freed)
                if freed:
                    self.stats["evidence_data"] += len(freed)
                    note = (f"{tag('structure-evidence')} data by evidence: "
                            + ", ".join(f"the value after {g.before[-24:]!r}" for g in freed)
                            + " (runs with the same value went on differently)")
                    return [g for g in structural if g.gid not in {x.gid for x in freed}], note, set()
                return structural, None, set()
            candidates = [g for g in candidates if not determines(g.values, conts)]
        if cleared and len(set(conts)) == 1:
            return [g for g in structural if g.gid not in cleared], None, set()
        if not candidates:
            return structural, None, set()
        named = name_gaps(sk, scopes, self.namer, self.deriver, self.stats, forced, message_text(msgs[0]))
        slots, new_scopes = named.slots, named.scopes
        if sk.gaps and not reads_back(named.template, msgs, scopes, new_scopes):
            return structural, None, set()
        members = [Member(s, sc, m.user_bound, m.closed, m.blocks) for (s, m), sc in zip(cluster, new_scopes, strict=True)]
        response, status, _ = self.answers.response(members, new_scopes, bound)
        if (response is None or status == "uncacheable") and self.answers.beside_calls(members):
            # The words a sampled model wrote beside its calls differ run to run (thin air,
            # rightly not served): what the runs show is whether the calls agree.
            response, status, _ = self.answers.response(members, new_scopes, bound, calls_only=True)
        if response is None or status == "uncacheable":
            return structural, None, set()
        used = reads(response)
        forwarded = forwarded_vars(response)
        # Short codes (a grade "B+", a size "XL", "P1") are categories a rule is written on: a
        # few seen alike say nothing of the others, copied or not. They stay structure.
        # Several values each seen in several runs, all going on alike, are evidence too.
        def evidence(g: Gap, *, read: bool) -> bool:
            return self.is_data(g, read=read, forwarded=slots.get(g.gid) in forwarded)

        data = {g.gid for g in candidates if evidence(g, read=slots.get(g.gid) in used)}
        notes = []
        if data:
            self.stats["evidence_data"] += len(data)
            notes.append(f"{tag('structure-evidence')} data by evidence: "
                         + _listed(candidates, data)
                         + f" — {len(cluster)} contexts, one answer template, the same continuation")
        # Too thin to be data, but every run went on alike: a closed slot (only the values
        # seen are served) keeps the evidence below pooled instead of split by it.
        # Statuses only (``enum-values``): free text seen a few times (another instruction, a
        # line that swallowed the next) is no vocabulary to serve from.
        whole = whole_tokens(sk)
        # A status data by evidence that no answer reads or repeats is closed too: a status no
        # run showed is what its few values cannot vouch for (the words' range, as a
        # quantity's range is served only inside what training saw). One an answer passes on
        # (an alert's name in the page's summary) stays open.
        # A status an answer copies is not vouched for by the copy: without the distinct values
        # that make it data by evidence it is closed too ("Deploy d-1 is stalled" seen, "is
        # failed" never, and failed decides).
        closed = ({g.gid for g in candidates if is_enum(whole[g.gid])
                   and (g.gid not in data or not evidence(g, read=False)
                        or (slots.get(g.gid) not in used and slots.get(g.gid) not in forwarded
                            and not self.used_later(g, cluster)))}
                  if self.config.closed_values and len(set(conts)) == 1 else set())
        data -= closed
        if closed:
            self.stats["closed_gaps"] += len(closed)
            notes.append(f"{tag('closed-values')} a closed slot: "
                         + _listed(candidates, closed)
                         + f" — {len(cluster)} contexts went on alike; each answer serves only the values it "
                         "was seen with")
        if data or closed:
            return [g for g in structural if g.gid not in data | closed], "; ".join(notes), closed
        return structural, None, set()

    def is_data(self, g: Gap, *, read: bool, forwarded: bool = False) -> bool:
        """``structure_evidence.is_data`` for a gap, with the thresholds of the config: ``read``,
        an answer reads it; ``forwarded``, passed on whole in a tool call's arguments."""
        return is_data(g.values, used=read, min_distinct=self.config.min_distinct_quantity,
                       codes=not whole_list(g), forwarded=forwarded, min_distinct_code=self.config.min_distinct_code)

    def context_only(self, sk: Skeleton, structural: list[Gap], candidates: list[Gap],
                     cluster: list[tuple[str, Member]], *, calls: bool,
                     parallel: bool = False) -> tuple[list[Gap], str | None, set[int]]:
        """``weigh`` for context no call was answered at: a system prompt (the customer's name,
        today's plan) or a model's earlier tool calls with the text it wrote beside them ("Let
        me look that up." before the call; ``calls``). No answer here reads them, so the runs
        going on alike below stand in for one answer template: the same kinds of messages and
        answers ``CONTINUATION_DEPTH`` below a system prompt, the same kinds of results after
        a tool call (what follows a result is weighed where the result is read, against the
        values read there or above: ``deciding-value``). A gap of enough distinct values, or of
        several values each seen several times, or that a later model output uses, is data; a
        status is closed unless it is data on its distinct values alone and a later output
        uses it (``closed-values``); short codes, thin evidence and the arguments of the calls
        stay structure. Text alone before a user's turn is not weighed here: the user's "yes"
        means what the question offered. The result of one of parallel calls that another
        result follows (``parallel``, ``StoreTree.before_results``) is weighed as a system
        prompt is, against the next result: nothing was answered between them."""
        depth = 1 if calls or parallel else CONTINUATION_DEPTH
        if len({self.tree.continuation(s, depth) for s, _ in cluster}) > 1:
            return structural, None, set()
        # Below a system prompt the kinds of messages say little (any text answer is one
        # kind): a value is weighed only where the runs under its different values went on
        # with messages of one template ("Where is order A-1?" under each customer's name).
        # Under "You label HPC log lines" and "You label BGL log lines" the lines share none:
        # the system's name is what the lines below belong to, structure.
        weighed = [g for g in candidates if (g.where == "content" if calls else self.shared_below(g, cluster))]
        used = {g.gid for g in weighed if self.used_later(g, cluster)}
        data = {g.gid for g in weighed if self.is_data(g, read=g.gid in used)}
        if parallel:
            # The next result says nothing of what this one's text decides (every run "goes on
            # alike" to it): free text, a phrase or a country is data only where an answer
            # below copies it; a status is closed, and pinned where it decides (a reviewer's
            # r16_status_prose, r16_country_first: docs/review/traps16).
            data &= used
        whole = whole_tokens(sk)
        closed = ({g.gid for g in weighed if is_enum(whole[g.gid])
                   and (g.gid not in used or not self.is_data(g, read=False))}
                  if self.config.closed_values else set())
        data -= closed
        notes = []
        if data:
            self.stats["evidence_data"] += len(data)
            notes.append(f"{tag('structure-evidence')} data by evidence: "
                         + _listed(weighed, data)
                         + f" — {len(cluster)} contexts no call was answered at, the same continuation")
        if closed:
            self.stats["closed_gaps"] += len(closed)
            notes.append(f"{tag('closed-values')} a closed slot: "
                         + _listed(weighed, closed)
                         + f" — {len(cluster)} contexts went on alike; each answer below serves only the values it "
                         "was seen with")
        if not notes:
            return structural, None, set()
        return [g for g in structural if g.gid not in data | closed], "; ".join(notes), closed

    def shared_below(self, gap: Gap, cluster: list[tuple[str, Member]], per_value: int = 3) -> bool:
        """Whether the runs under each value of ``gap`` went on with a message that fits one
        template with a message under another of its values (``Clusterer.fits``; a few
        messages per value are tried): the values are connected through what followed them.

        >>> from evals.builders import hello_records
        >>> from induction.backends import make_stages
        >>> from induction.induce.walk import Inducer
        >>> inducer = Inducer(hello_records(["Erik", "Maria"]), InductionConfig(), make_stages(InductionConfig()))
        >>> roots = [(r, Member("", {})) for r in inducer.tree.roots["default"]]
        >>> inducer.structure.shared_below(Gap(0, ["a", "b"], "content", ""), roots * 2)
        True
        """
        below: dict[str, list[dict[str, Any]]] = {}
        for (sid, _), value in zip(cluster, gap.values, strict=True):
            kids = below.setdefault(repr(value), [])
            for kid in self.tree.nodes[sid].children:
                if len(kids) >= per_value:
                    break
                kids.append(self.tree.nodes[kid].msg)
        groups = [kids for kids in below.values() if kids]
        if len(groups) < 2 or len(groups) < len(below):
            return False
        joined = [groups[0]]
        rest = groups[1:]
        while rest:
            found = next((g for g in rest if any(self.clusters.fits([a, b]) for j in joined for a in j for b in g)), None)
            if found is None:
                return False
            joined.append(found)
            rest.remove(found)
        return True

    def judged(self, sk: Skeleton, cluster: list[tuple[str, Member]], scopes: list[dict[str, Any]],
                forced: dict[int, str]) -> tuple[list[Gap], str | None]:
        """The gaps the StructureJudge says decide the answer, and the note of the split. Asked
        only about new values: a reference to a variable above was judged where it was read."""
        assert self.judge is not None
        asked = [g for g in sk.gaps if g.gid not in forced and same_variable(g.values, scopes) is None]
        if not asked:
            return [], None
        answers = [next((message_text(r.response_message) for r in self.tree.nodes[sid].answers), None) for sid, _ in cluster]
        verdict = self.judge.deciding(sk, asked, answers)
        if not verdict:
            return [], None
        self.stats["judge_splits"] += 1
        return [g for g in asked if g.gid in verdict], judge_note(asked, verdict)

    def derivable(self, gap: Gap, scopes: list[dict[str, Any]]) -> bool:
        """Whether the Deriver explains the gap from what is in scope (``emily`` from
        ``Emily``): a value computed from the context is data, not a branch."""
        return len(set(map(repr, gap.values))) > 1 and self.deriver.derive(gap.values, scopes) is not None

    def used_later(self, gap: Gap, cluster: list[tuple[str, Member]]) -> bool:
        """Whether a later model output under each member mentions the member's value
        (a word of it, case-insensitive): copied or transformed, it is data."""
        return copied_later(gap.values, (self.tree.later_text(sid) for sid, _ in cluster))

    def by_answer(self, cluster: list[tuple[str, Member]], scopes: list[dict[str, Any]]
                   ) -> list[list[tuple[str, Member]]] | None:
        """The cluster split by answer, if each part's messages fit one template that no
        message of another part matches (else None: a value inside a slot decides, and a
        template over one answer's values would match the other's)."""
        groups = answer_groups(set(self.tree.answers_of(sid)) for sid, _ in cluster)
        if groups is None:
            return None
        msgs = [self.tree.nodes[s].msg for s, _ in cluster]
        for idx in groups:
            sk = self.clusters.identify([msgs[i] for i in idx])
            if sk is None:
                return None
            if not sk.gaps:
                continue  # one distinct message: matches only itself
            # Slot kinds as induction would give them; refusals make a template narrower, so
            # without them the check is the stricter one.
            template = render(sk, {g.gid: f"v{g.gid}" for g in sk.gaps}, {g.gid: slot_kind(g.values) for g in sk.gaps})
            inside = set(idx)
            if any(match_message(template, msgs[j], scopes[j]) is not None
                   for j in range(len(cluster)) if j not in inside):
                return None
        return [[cluster[i] for i in idx] for idx in groups]

    def deciding(self, members: list[Member], new_vars: Mapping[str, str]) -> str | None:
        """The one new variable whose values each came with a single answer (one answer per
        value, more than one answer in all, some value seen twice), if exactly one does."""
        answers = [set(self.tree.answers_of(m.node)) for m in members]
        return deciding_var({var: [m.scope[var] for m in members] for var in new_vars}, answers)


def _listed(gaps: list[Gap], chosen: set[int]) -> str:
    """The gaps of ``chosen`` for a note: where each is and how many values it took."""
    return ", ".join(f"the value after {g.before[-24:]!r} ({distinct(g.values)} distinct values)"
                     for g in gaps if g.gid in chosen)
