"""A node's answer: its template and status (``thin-air``, ``rivals``, ``context-bound``,
``relations``, ``min-runs``), and the numbers first read at a node that no answer reads,
weighed by evidence (``unread-values``).

>>> from evals.builders import hello_records
>>> from induction.backends import make_stages
>>> from induction.induce.walk import Inducer
>>> inducer = Inducer(hello_records(["Erik", "Maria"]), InductionConfig(), make_stages(InductionConfig()))
>>> users = [Member(sid, {"name": n}) for sid, n in ((s, node.msg["content"][13:-1])
...          for s, node in inducer.tree.nodes.items() if node.msg["role"] == "user")]
>>> response, status, why = inducer.answers.response(users, [m.scope for m in users], bound=False)
>>> str(response.message.content), status, why
('Hello, {{name_2:word}}!', 'live', 'answer induced from 2 calls')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import orjson

from induction.arranger import hydration_order, same_variable
from induction.config import InductionConfig
from induction.evidence import (
    composite_numbers,
    date_spans,
    distinct,
    enough,
    measures,
    number_runs,
    order_gaps,
    order_pairs,
    times_of_day,
    unkept_dates,
    value_kind,
)
from induction.identifier import Gap, Skeleton, identify, identify_declared, skeleton_key
from induction.induce.model import Member
from induction.induce.naming import reads, render, slot_kind
from induction.induce.store_tree import StoreTree, message_text
from induction.rules import tag
from induction.rules.closed_values import choices, value_groups
from induction.rules.coarsening import coarsen
from induction.rules.context_bound import pins
from induction.rules.copied_affixes import affix_check
from induction.rules.line_blocks import block_check, with_scope
from induction.rules.list_tails import tail_check
from induction.rules.min_runs import literal_texts, said_beside_call, traced
from induction.rules.min_runs import verdict as runs_verdict
from induction.rules.relations import relations
from induction.rules.rivals import const, reference_alternatives, whole_leaves, widen
from induction.rules.structure_evidence import CONTINUATION_DEPTH
from induction.rules.thin_air import why as thin_air_why
from induction.rules.time_order import time_order
from induction.rules.unread_values import id_like, is_quantity
from induction.runtime.dsl import expr_vars as _expr_vars
from induction.runtime.dsl import picked_keys
from induction.runtime.nodes import Derivation, ResponseTemplate, Status
from induction.runtime.ranges import is_iso_date, range_of
from induction.stages import Deriver, Namer


class Answerer:
    """Answers of the nodes of one store tree. ``bounded``: quantities taken for noise on
    evidence; every answer that does not read them serves only values inside the range it was
    seen with (``ResponseTemplate.ranges``). Closed slots (``closed-values``) come with the
    members (``Member.closed``): every answer serves only the values of them it was seen with
    (``ResponseTemplate.choices``)."""

    def __init__(self, tree: StoreTree, config: InductionConfig, namer: Namer, deriver: Deriver,
                 stats: Counter[str]) -> None:
        self.tree = tree
        self.config = config
        self.namer = namer
        self.deriver = deriver
        self.stats = stats
        self.bounded: set[str] = set()
        # The label (literal before it) of each variable first read at some node: its unit
        # (``evidence.comparable``) says which numbers an order or a gap may relate.
        self.labels: dict[str, str] = {}

    def response(self, members: list[Member], scopes: list[dict[str, Any]], bound: bool, *,
                 calls_only: bool = False) -> tuple[ResponseTemplate | None, Status, str]:
        """The node's answer template, its status and why. ``bound``: the answers may depend on
        the values above them (``context-bound``). ``calls_only``: the template of the answers'
        tool calls without the text beside them (evidence of what decides the action, where
        that text is a sampled model's own words; never served)."""
        answers = [(r, m.scope) for m in members for r in self.tree.nodes[m.node].answers]
        if not answers:
            return None, "staged", f"{tag('min-runs')} no call was answered at this context"
        msgs = [r.response_message for r, _ in answers]
        if calls_only:
            msgs = [{**m, "content": None} if m.get("tool_calls") else m for m in msgs]
        if len({orjson.dumps(skeleton_key(m), default=str) for m in msgs}) > 1:
            return None, "uncacheable", (f"{tag('thin-air')} answers differ in structure (a branch this template "
                                         "does not decide)")
        finish = {str(r.response["choices"][0].get("finish_reason")) for r, _ in answers}
        ans_scopes = [sc for _, sc in answers]
        aligned = _skeleton(msgs, ans_scopes, self._explained)
        if aligned is None or len(finish) > 1:
            return None, "uncacheable", f"{tag('thin-air')} answers differ in ways that do not align"
        sk, widened = aligned
        trusted = frozenset().union(*(m.user_bound for m in members))
        slot: dict[int, str] = {}
        derivations: list[Derivation] = []
        taken = set(ans_scopes[0])
        # Calls under each value of the closed slots in scope (``closed-values``): what fits
        # one value's calls alone stays a rival, whatever the other values' calls rule out.
        chosen = choices(ans_scopes, frozenset().union(*(m.closed for m in members)) - trusted)
        groups = value_groups(ans_scopes, chosen)
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
                alternatives += [a for a in self._group_rivals(gap, ans_scopes, groups, {"var": ref})
                                 if a not in alternatives]
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
                var = self.namer.name(gap, taken, message_text(msgs[0]))
                taken.add(var)
                slot[gap.gid] = var
                derivations.append(Derivation(
                    var=var, args=tuple(sorted({ref}.union(*(_expr_vars(a) for a in alternatives)))),
                    expr={"var": ref}, alternatives=tuple(alternatives)))
                continue
            d = self.deriver.derive(gap.values, ans_scopes) if len(set(map(repr, gap.values))) > 1 else None
            if d is None:
                return None, "uncacheable", thin_air_why(gap.where, gap.values)
            if groups and d.expr is not None:
                rivals = [a for a in self._group_rivals(gap, ans_scopes, groups, d.expr) if a not in d.alternatives]
                if rivals:
                    d = d.model_copy(update={
                        "alternatives": (*d.alternatives, *rivals),
                        "args": tuple(sorted(set(d.args).union(*(_expr_vars(a) for a in rivals))))})
            var = self.namer.name(gap, taken, message_text(msgs[0]))
            taken.add(var)
            slot[gap.gid] = var
            derivations.append(d.model_copy(update={"var": var}))
        template = render(sk, slot, {g.gid: slot_kind(g.values) for g in sk.gaps})
        # The keys a ``pick`` compares decide which item it picks: each serves only the values
        # it was seen with (a job "canceled" beside the failed one, never seen, is a miss).
        keys = pick_keys(derivations)
        if keys - trusted:
            chosen = {**chosen, **choices(ans_scopes, keys - trusted)}
        usage = [r.response.get("usage") or {} for r, _ in answers]
        completion = [int(u.get("completion_tokens") or 0) for u in usage]
        prompt = [int(u.get("prompt_tokens") or 0) for u in usage]
        response = ResponseTemplate(
            message=template, finish_reason=finish.pop(),
            request_keys=tuple(sorted({r.request_key for r, _ in answers})),
            derivations=tuple(hydration_order(list(ans_scopes[0]), derivations)),
            usage={"prompt_tokens": sum(prompt) // len(prompt), "completion_tokens": sum(completion) // len(completion)},
            evidence=len(answers), pins=pins(ans_scopes, trusted), choices=chosen,
            **relations(ans_scopes))
        response = self.with_read_spans(response, ans_scopes)
        if self.bounded:
            response = self.with_ranges(response, members)
            unkept = self.unkept(response, members)
            if unkept is not None:
                return None, "uncacheable", unkept
        if bound:
            loose = sorted(set(ans_scopes[0]) - set(response.pins) - trusted)
            if loose:
                return None, "uncacheable", (
                    f"{tag('context-bound')} a sibling message was answered differently under other values above it, and this answer "
                    f"was seen under several values of {', '.join(loose)}: it may depend on them")
        # Words of the model's own beside its calls, worded alike in the calls seen, may still be
        # one sampling of several wordings: they need a call more than other answers, and many
        # more where the namespace shows the model sampling them.
        bar = self.config.min_runs
        if all(map(said_beside_call, msgs)):
            bar += 1
            if any(r.namespace in self.tree.sampled for r, _ in answers):
                bar = max(bar, self.config.sampled_words_min_runs)
        status, why = runs_verdict(len(answers), min_runs=bar, declared=bool(trusted))
        if status == "staged" and bar > self.config.min_runs + 1:
            why += " (the model samples its words beside its calls in this namespace)"
        return response, status, why

    def _explained(self, values: list[Any], scopes: list[dict[str, Any]]) -> bool:
        """Whether the Deriver explains ``values`` (several distinct ones) from ``scopes``."""
        return len(set(map(repr, values))) > 1 and self.deriver.derive(values, scopes) is not None

    def _group_rivals(self, gap: Gap, scopes: list[dict[str, Any]], groups: list[list[int]], expr: Any) -> list[Any]:
        """The explanations of ``gap`` other than ``expr`` that fit the calls of one closed
        value alone (a copy of the name where every "hi" run typed it capitalised, though
        "Hi" runs show it trimmed): pooled over the values, the evidence of one value must not
        settle what another value's calls leave open."""
        out: list[Any] = []
        for idx in groups:
            values, sub = [gap.values[i] for i in idx], [scopes[i] for i in idx]
            ref = same_variable(values, sub)
            if ref is not None:
                found = [{"var": ref}, *reference_alternatives(ref, values, sub, prose=gap.where == "content")]
            else:
                d = self.deriver.derive(values, sub) if len(set(map(repr, values))) > 1 else None
                found = [] if d is None or d.expr is None else [d.expr, *d.alternatives]
            out += [a for a in found if a != expr and a not in out]
        return out

    def with_read_spans(self, response: ResponseTemplate, scopes: list[dict[str, Any]]) -> ResponseTemplate:
        """``response`` with the days apart training saw between a date it reads and each other
        date in scope (dates written ``YYYY-MM-DD``; ``evidence.date_spans``). Copied into the
        answer, a date is data, checked by no range: "Refund approved: bought on 2026-04-20,
        within 30 days of 2026-05-10" copies both, and every call training saw was inside the
        window; a purchase 80 days old must not be served that answer."""
        used = reads(response)
        dates = {var for var in scopes[0] if all(isinstance(sc.get(var), str) and is_iso_date(sc[var]) for sc in scopes)}
        read = dates & used
        if not read or len(dates) < 2:
            return response
        spans = date_spans([{v: sc[v] for v in dates} for sc in scopes], read)
        merged = tuple(dict.fromkeys((*response.spans, *spans)))
        return response if merged == response.spans else response.model_copy(update={"spans": merged})

    def unkept(self, response: ResponseTemplate, members: list[Member]) -> str | None:
        """Why ``response`` may not be served, if a point in time no span can be kept against
        (``evidence.unkept_dates``: "04/20/2026", day or month first?) is in scope beside a
        date it checks the range of ("Today is 2026-05-10" taken for noise): the answer may
        turn on how far apart the two are. None when there is none."""
        dated = [var for var, bounds in response.ranges.items() if isinstance(bounds[0], str)]
        var = unkept_dates(self.answered_scopes(members), dated) if dated else None
        if var is None:
            return None
        return (f"{tag('unread-values')} {var} is a point in time no span can be kept against {', '.join(dated)}, "
                "a date taken for noise: the answer may turn on how far apart they are")

    def answered_scopes(self, members: list[Member]) -> list[dict[str, Any]]:
        """The scopes of the members a call was answered at (all of them where none was): the
        calls an answer's checks are learnt from."""
        return [m.scope for m in members if self.tree.nodes[m.node].answers] or [m.scope for m in members]

    def with_ranges(self, response: ResponseTemplate, members: list[Member]) -> ResponseTemplate:
        """``response`` with the range of every bounded quantity in scope that it does not read,
        the order (``a <= b`` in every call) between such a quantity and another number
        in scope where their ranges overlap (``evidence.order_pairs``), and how far apart two
        bounded quantities in one order were (``evidence.order_gaps``). The range is the one
        this node's own calls saw, even where evidence was pooled over the parts of a wider
        cluster (``strata``): a threshold inside this branch is not extrapolated from another."""
        scopes = self.answered_scopes(members)
        used = reads(response)
        ranges = dict(response.ranges)
        unread = self.bounded - used
        for var in sorted(unread):
            if all(var in sc for sc in scopes):
                r = range_of([sc[var] for sc in scopes])
                if r is not None:
                    ranges[var] = r
        order = tuple(dict.fromkeys((*response.order, *order_pairs(scopes, unread, self.labels))))
        spans = tuple(dict.fromkeys((*response.spans, *date_spans(scopes, unread))))
        kept = {(a, b) for a, b, _, _ in response.gaps}
        gaps = (*response.gaps, *(g for g in order_gaps(scopes, self.bounded & set().union(*scopes), self.labels)
                                  if (g[0], g[1]) not in kept))
        if ranges == response.ranges and order == response.order and spans == response.spans and gaps == response.gaps:
            return response
        return response.model_copy(update={"ranges": ranges, "order": order, "spans": spans, "gaps": gaps})

    def with_tails(self, response: ResponseTemplate, members: list[Member],
                   firsts: Mapping[str, Mapping[str, str]] | None = None) -> ResponseTemplate:
        """``response`` with a ``TailCheck`` for every variable in scope that holds the rest of
        a JSON list in every call it was seen for (``list-tails``). ``firsts``: per such
        variable of this message, the variables of its first item's fields; a closed field's
        first-item variable serves only the field's words (``choices``)."""
        scopes = self.answered_scopes(members)
        tails = dict(response.tails)
        choices = dict(response.choices)
        for var in sorted(set.intersection(*(set(sc) for sc in scopes)) if scopes else ()):
            fields = {k: v for k, v in (firsts or {}).get(var, {}).items() if all(v in sc for sc in scopes)}
            check = tail_check([sc[var] for sc in scopes], {k: [sc[v] for sc in scopes] for k, v in fields.items()})
            if check is None:
                continue
            tails[var] = check
            for key, first in fields.items():
                if key in check.closed and first not in choices:
                    choices[first] = check.closed[key]
        if tails == response.tails:
            return response
        self.stats["tail_checks"] += len(tails) - len(response.tails)
        return response.model_copy(update={"tails": tails, "choices": choices})

    def with_blocks(self, response: ResponseTemplate, members: list[Member]) -> ResponseTemplate:
        """``response`` with a ``BlockCheck`` for every variable in scope that holds a block of
        lines of a plain-text result (``line-blocks``): the answer serves only blocks like the
        ones its calls held."""
        scopes = self.answered_scopes(members)
        blocks = dict(response.blocks)
        for var in sorted(members[0].blocks if members else ()):
            if var in blocks or not all(var in sc for sc in scopes):
                continue
            if (check := block_check([sc[var] for sc in scopes])) is not None:
                blocks[var] = with_scope(check, var, scopes)
        if blocks == response.blocks:
            return response
        self.stats["block_checks"] += len(blocks) - len(response.blocks)
        return response.model_copy(update={"blocks": blocks})

    def with_affixes(self, response: ResponseTemplate, members: list[Member]) -> ResponseTemplate:
        """``response`` with an ``AffixCheck`` for every variable it copies or computes from that no
        other check closes (``copied-affixes``): what every value its calls saw shared (a
        prefix, a domain, a few first letters, a digit count) must hold of a request's."""
        scopes = self.answered_scopes(members)
        used = reads(response)
        closed = {*response.pins, *response.choices, *response.ranges, *response.tails, *response.blocks}
        affixes = dict(response.affixes)
        for var in sorted(used - closed - set(affixes)):
            if all(var in sc for sc in scopes):
                check = affix_check([sc[var] for sc in scopes], self.config.min_affix_values)
                if check is not None:
                    affixes[var] = check
        if affixes == response.affixes:
            return response
        self.stats["affix_checks"] += len(affixes) - len(response.affixes)
        return response.model_copy(update={"affixes": affixes})

    def with_time_order(self, response: ResponseTemplate, members: list[Member]) -> ResponseTemplate:
        """``response`` with the pairs of timestamps in scope that came in one order in every
        call it was seen for (``time-order``): a token's expiry after the prompt's clock."""
        before = time_order(self.answered_scopes(members), self.config.min_time_order_calls)
        merged = tuple(dict.fromkeys((*response.before, *before)))
        if merged == response.before:
            return response
        self.stats["time_order_pairs"] += len(merged) - len(response.before)
        return response.model_copy(update={"before": merged})

    def note_labels(self, new_vars: Mapping[str, str]) -> None:
        """Remember the label of each variable first read at a node (its first label kept)."""
        for v, label in new_vars.items():
            self.labels.setdefault(v, label)

    def unread(self, members: list[Member], new_vars: Mapping[str, str], response: ResponseTemplate | None,
                trusted: frozenset[str], *, below: bool = True) -> list[str]:
        """The numbers and dates first read at this node (not declared by the user) that
        neither this answer's slots and derivations nor (``below``) the text of any model
        output further down use."""
        used: set[str] = set()
        if response is not None:
            used = reads(response)
        out = []
        for v, label in new_vars.items():
            if v in used or v in trusted:
                continue
            values = [m.scope[v] for m in members]
            if (not id_like(values, label)
                    and (is_quantity(values, small=not below) or times_of_day(values, label)
                         or composite_numbers(values, label) or measures(values, label)
                         or number_runs(values, label))
                    and not (below and all(self.tree.number_later(m.node, m.scope[v]) for m in members))):
                out.append(v)
        return sorted(out)

    def weigh(self, unread: list[str], members: list[Member], new_vars: Mapping[str, str],
               response: ResponseTemplate | None, status: Status,
               pooled: Mapping[str, Sequence[Any]] | None = None,
               after: Mapping[str, str] | None = None) -> tuple[list[str], list[str]]:
        """Split unread numbers into (still structure, noise by evidence): a number that took
        enough distinct values (``value_kind`` decides how many) across the calls of one
        shared answer is noise; with fewer, or without one answer, it stays structure.
        ``pooled``: a variable's values inside the parts of the wider cluster this one was
        split from, each part going on one way (``strata``): evidence too. ``after``: the
        literal after each variable (``value_kind``: ":20" after an hour)."""
        if not unread:
            return unread, []
        if status == "uncacheable" and not (response is None and self.branches_alike(members)):
            return unread, []
        if status != "uncacheable" and response is None and not self.context_alike(members):
            return unread, []
        # Where the model chose (``branches_alike``), something read here decided which way it
        # went: a latency or a duration may be it ("p95 over 2000 ms: page on-call"), so every
        # number is weighed as a quantity there, range-checked by the answers below it.
        chosen = status == "uncacheable"
        answered = [m for m in members if self.tree.nodes[m.node].answers] or members
        pooled = pooled or {}
        noise: list[str] = []
        for var in unread:
            values = [*pooled.get(var, ()), *(m.scope[var] for m in answered)]
            kind = "quantity" if chosen else value_kind(values, new_vars[var], (after or {}).get(var, ""))
            if kind == "quantity" and range_of(values) is None:
                continue  # a quantity whose range cannot be checked stays structure
            if enough(values, kind, min_noise=self.config.min_distinct_noise,
                      min_quantity=self.config.min_distinct_quantity):
                noise.append(var)
                if kind == "quantity":
                    self.bounded.add(var)
        self.stats["evidence_noise"] += len(noise)
        return [v for v in unread if v not in noise], noise

    def beside_calls(self, members: list[Member]) -> bool:
        """Whether every answer at ``members`` is a tool call with text of the model's own
        beside it ("Let me check that order." before ``get_order``)."""
        msgs = [r.response_message for m in members for r in self.tree.nodes[m.node].answers]
        return bool(msgs) and all(map(said_beside_call, msgs))

    def context_alike(self, members: list[Member]) -> bool:
        """Whether ``members`` are context no call was answered at (a system prompt that
        states today's date, a model's tool call) and every run went on alike below them (the
        same kinds of messages and answers, ``StoreTree.continuation``): the evidence
        ``weigh`` reads there instead of one shared answer. A number taken for noise there
        is range-checked by every answer below that does not read it (``with_ranges``)."""
        if len(members) < 2 or any(self.tree.nodes[m.node].answers for m in members):
            return False
        # The result of one of parallel calls: the next result is all that follows it before
        # an answer reads both (``StoreTree.before_results``).
        depth = 1 if all(self.tree.before_results(m.node) for m in members) else CONTINUATION_DEPTH
        return len({self.tree.continuation(m.node, depth) for m in members}) == 1

    def branches_alike(self, members: list[Member]) -> bool:
        """Whether the answers at ``members`` differ in structure (a tool call in some runs,
        text in others: the model chose) and the runs of each kind of answer went on alike
        below it (``StoreTree.continuation``). Such a node serves nothing (uncacheable), and the
        model's choice is in the context of every later request: a number read here is weighed
        as at a context node (``context_alike``), each branch below range-checking it by the
        calls that reached it (``with_ranges``), instead of keeping every run apart."""
        went: dict[frozenset[bytes], frozenset[bytes]] = {}
        for m in members:
            node = self.tree.nodes[m.node]
            kind = frozenset(orjson.dumps(skeleton_key(r.response_message), default=str) for r in node.answers)
            if len(kind) != 1:
                return False
            if went.setdefault(kind, self.tree.continuation(m.node)) != self.tree.continuation(m.node):
                return False
        return len(went) > 1

    def noise_note(self, noise: list[str], members: list[Member], new_vars: Mapping[str, str],
                   pooled: Mapping[str, Sequence[Any]] | None = None, after: Mapping[str, str] | None = None,
                   *, chosen: bool = False) -> str:
        parts = []
        pooled = pooled or {}
        for var in noise:
            values = [*pooled.get(var, ()), *(m.scope[var] for m in members)]
            kind = "quantity" if chosen else value_kind(values, new_vars[var], (after or {}).get(var, ""))
            parts.append(f"{var} ({kind}, {distinct(values)} distinct values"
                         + (", served only inside the range seen" if var in self.bounded else "") + ")")
        alike = ("answers of kinds the model chose between (served below, where its choice is in the context), "
                 "each kind going on alike" if chosen
                 else "one answer template" if any(self.tree.nodes[m.node].answers for m in members)
                 else "no call answered here, the same continuation")
        return (f"{tag('unread-values')} noise by evidence: " + "; ".join(parts) + f" — {len(members)} contexts, {alike}, "
                "no answer reads them")


def pick_keys(derivations: Iterable[Derivation]) -> set[str]:
    """The variables the ``pick`` of any of ``derivations`` (or of a rival) compares."""
    return set().union(*(picked_keys(e) for d in derivations for e in (d.expr, *d.alternatives) if e is not None))


def _skeleton(msgs: list[dict[str, Any]], scopes: list[dict[str, Any]],
              explained: Callable[[list[Any], list[dict[str, Any]]], bool] = lambda values, scopes: False,
              ) -> tuple[Skeleton, dict[int, tuple[str, str, list[Any]]]] | None:
    """The answers aligned into one skeleton (None if they do not align), with the gaps
    ``widen`` widened over the fixed text around a copied value. ``explained``: whether a
    joined value that is no copy is still explained (derived: the name of the job picked)."""
    sk = identify(msgs)
    if sk is None:
        return None
    sk, widened = widen(sk, scopes)
    # A tool-call argument copied whole, cut by the alignment at a shared "/" or word.
    sk = whole_leaves(sk, scopes)
    # A value copied with its joiners ("search-12.fra" into a host argument) aligned at
    # the joiners, piece by piece: one gap over the span where that gap is a copy.
    if (coarse := coarsen(sk)) is not None:
        before = {g.gid: g.values for g in sk.gaps}
        joined = [g for g in coarse.gaps if g.values != before[g.gid]]
        copies = [same_variable(g.values, scopes) is not None for g in joined]

        def known(g: Gap) -> bool:
            return same_variable(g.values, scopes) is not None or explained(g.values, scopes)

        # Joined, the value is derived ("e2e-chrome", the failed job's name picked) where its
        # pieces are not: one slot. Pieces each explained stay as they are.
        if all(copies) or (all(c or explained(g.values, scopes) for g, c in zip(joined, copies, strict=True))
                           and not all(known(g) for g in sk.gaps)):
            sk = coarse
    return sk, widened
