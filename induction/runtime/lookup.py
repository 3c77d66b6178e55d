"""Walking a request's messages down a compiled tree, and answering from the last node.

Depth by depth, each message is matched against the children of the nodes the
previous message reached (exact children by hash, templated ones through the
index), carrying the bindings scope along. Several matches at one depth are all
followed (up to ``max_frontier``); at the end every node able to answer must
give the same answer, else it is a miss: the runtime never picks between
templates that disagree.

A node answers when it is ``live`` (a node's status is about its own answer:
the messages above it only have to match), it has a response,
the request's settings (``request_key``) are among those the response was
recorded under (any, if none are listed), and its derivations and hydration
succeed. Two things **veto** the whole lookup, whatever else matched:

- a path through a node in ``disabled`` (feedback said it answered wrong),
- reaching an ``uncacheable`` node, unless the request is an exact literal
  repeat: every message matched by hash and the response fully literal.

>>> from induction.runtime.compiled import compile_tree
>>> from induction.runtime.nodes import ResponseTemplate, TemplateNode
>>> from induction.runtime.template import MessageTemplate, Slot, TextTemplate
>>> node = TemplateNode(id="n1", parent=None,
...     template=MessageTemplate(role="user", content=TextTemplate(parts=("say hello to ", Slot(var="name")))),
...     response=ResponseTemplate(message=MessageTemplate(role="assistant",
...         content=TextTemplate(parts=("Hello, ", Slot(var="name"), "!")))))
>>> tree = compile_tree([node], created_at="2025-01-01T00:00:00Z")
>>> explain(tree, {"model": "m", "messages": [{"role": "user", "content": "say hello to Bob"}]}).hit is not None
True
>>> explain(tree, {"model": "m", "messages": [{"role": "user", "content": "say hi to Bob"}]}).reason
'message 1 matches no template'
"""

from __future__ import annotations

import re
import time
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from induction.hashing import canonical_bytes, request_key
from induction.runtime.affixes import out_of_affix
from induction.runtime.bindings import derive, run_into
from induction.runtime.cuts import out_of_cut
from induction.runtime.errors import Miss
from induction.runtime.hydrate import completion_body, hydrate_message
from induction.runtime.instants import out_of_time_order
from induction.runtime.lines import out_of_block
from induction.runtime.messages import MessageView, reads_as, same_json
from induction.runtime.ranges import out_of_gap, out_of_order, out_of_range, out_of_span
from induction.runtime.tails import out_of_tail
from induction.runtime.template import render_value
from induction.runtime.tokens_limit import over_limit
from induction.runtime.tree_index import Children, RuntimeNode
from induction.runtime.words import PathWords, closer_fragment, equal_fixed, policy_of, words_of


class _Index(Protocol):
    @property
    def roots(self) -> dict[str, Children]: ...

    @property
    def by_id(self) -> dict[str, RuntimeNode]: ...


class Tree(Protocol):
    """What the walk reads of a tree (``induction.runtime.compiled.CompiledTree``): each
    namespace's first-message children, the time budget and the frontier cap. A protocol,
    so this module does not import ``compiled``, which imports it."""

    @property
    def index(self) -> _Index: ...

    @property
    def budget_ms(self) -> float: ...

    @property
    def max_frontier(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Hit:
    """An answer from the tree: the node served, the path matched, the bindings, the body."""

    node_id: str
    path: tuple[str, ...]
    bindings: dict[str, Any]
    response: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Explanation:
    """What :func:`explain` found: the hit, or why not and how deep the match went."""

    hit: Hit | None
    reason: str | None
    path: tuple[str, ...]
    # When templates that matched disagreed: each node's id and the message it would have
    # answered (verification demotes those that would have answered a training call wrongly).
    disagreeing: tuple[tuple[str, dict[str, Any]], ...] = ()


class _State:
    """One node reached (its path is ``node.path``), and the bindings in scope there.

    A state with a single successor becomes it (node and, when it owns it, scope are
    extended in place): along the usual single path no state or scope is copied.
    """

    __slots__ = ("exact", "node", "owned", "scope")

    def __init__(self, node: Children, scope: dict[str, Any], exact: bool, owned: bool) -> None:
        self.node = node  # a RuntimeNode, or the namespace's first-message index before the first message
        self.scope = scope
        self.exact = exact  # every message so far matched by hash
        # Whether no other state holds ``scope`` (siblings that bind nothing share their parent's).
        self.owned = owned


class _Veto(Exception):
    def __init__(self, reason: str, path: tuple[str, ...]) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = path


def _refusal(request: Mapping[str, Any]) -> str | None:
    """Requests the tree cannot answer whatever their messages."""
    if request.get("n") not in (None, 1):
        return "n > 1 asks for several choices"
    if request.get("logprobs"):
        return "logprobs were requested"
    modalities = request.get("modalities")
    if modalities and set(modalities) - {"text"}:
        return "non-text output was requested"
    return None


def results_out_of_order(messages: list[Any], *, foreign_ok: bool = False) -> int | None:
    """The index of a tool result that answers another call than the one at its position
    (results of parallel calls in completion order), if any.

    Templates read tool results by position, and ids are not part of them (they change every
    run): "14 C" then "35 C" would be read as Dublin's then Prague's whatever the ids say.
    So a request whose results are not in the order of its calls is not answered.
    ``foreign_ok``: a result whose id is none of the calls' says nothing of the order (a
    context rebuilt from the store, where a result seen in several runs is kept once, with
    the id of the run that came first); the results with the calls' own ids still must be
    in their order.

    >>> calls = {"role": "assistant", "tool_calls": [{"id": "a"}, {"id": "b"}]}
    >>> msgs = [calls, {"role": "tool", "tool_call_id": "x"}, {"role": "tool", "tool_call_id": "b"}]
    >>> results_out_of_order(msgs), results_out_of_order(msgs, foreign_ok=True)
    (1, None)
    """
    pending: list[Any] | None = None
    k = 0
    for i, m in enumerate(messages):
        if type(m) is not dict:
            return None  # the walk reports it
        role = m.get("role")
        if role == "tool":
            if pending is not None:
                if foreign_ok and k < len(pending) and m.get("tool_call_id") not in pending:
                    k += 1
                    continue
                if k >= len(pending) or m.get("tool_call_id") != pending[k]:
                    return i
                k += 1
        elif role == "assistant":
            calls = m.get("tool_calls")
            pending = ([c.get("id") if isinstance(c, dict) else None for c in calls]
                       if isinstance(calls, list) and len(calls) > 1 else None)
            k = 0
        else:
            pending = None
    return None


RELATION_MIN = 3  # shorter values are inside others by chance ("a" in any word)


def explain(tree: Tree, request: Mapping[str, Any], namespace: str = "default",
            disabled: Collection[str] | None = None) -> Explanation:
    """Look ``request`` up in ``tree``, saying why when it misses."""
    messages = request.get("messages")
    if not isinstance(messages, list) or not messages:
        return Explanation(None, "no messages", ())
    reason = _refusal(request)
    if reason is not None:
        return Explanation(None, reason, ())
    swapped = results_out_of_order(messages)
    if swapped is not None:
        return Explanation(None, f"message {swapped + 1}: tool results are not in the order of their calls", ())
    roots = tree.index.roots.get(namespace)
    if roots is None:
        return Explanation(None, f"no templates in namespace {namespace!r}", ())
    deadline = time.thread_time() + tree.budget_ms / 1000
    states = [_State(roots, {}, True, True)]
    disabled = disabled or ()
    max_frontier = tree.max_frontier
    chars = 0  # characters of text and tool calls, for the prompt-token estimate
    odd: list[MessageView] = []  # messages whose size full_size() counts, when answering
    try:
        for depth, message in enumerate(messages):
            if type(message) is not dict and not isinstance(message, Mapping):
                return Explanation(None, f"message {depth + 1} is not an object", ())
            view = MessageView(message)
            if not view.text_only:
                return Explanation(None, f"message {depth + 1} has non-text content", ())
            size = view.size
            if size is None:
                odd.append(view)
            else:
                chars += size
            # One step down: the states the message leads to, in index order (each state's
            # exact children first). Written out here rather than in a function called per
            # message (hot path). Each match is entered as it is found (vetoes, derivations and
            # the next match happen in that order), except that a first match without
            # derivations waits to see whether it is the only one: then the state becomes it,
            # extending (if it owns it) its scope, instead of copying it. (The two loops below
            # handle a match alike.)
            nxt: list[_State] = []
            dropped: list[str] = []  # why a matched child was not entered (a derivation failed)
            for st in states:
                node = st.node  # the index of the children
                waiting: RuntimeNode | None = None
                waiting_bound: dict[str, Any] | None = None
                entered = False
                if node.exact is not None:
                    for child in node.exact_matches(view):  # by hash: no bindings (None)
                        if disabled and child.id in disabled:
                            raise _Veto(f"node {child.id} is disabled", child.path)
                        if waiting is not None:
                            if (why := _enter(st, waiting, waiting_bound, nxt, deadline)) is not None:
                                dropped.append(why)
                            waiting, entered = None, True
                        if entered or child.derivations:
                            if (why := _enter(st, child, None, nxt, deadline)) is not None:
                                dropped.append(why)
                            entered = True
                        else:
                            waiting, waiting_bound = child, None
                scans = node.scans
                if scans is not None and view.templatable:
                    # The group's candidates, as (prefix, bucket) pairs: scanned here when it has
                    # few prefixes and small buckets (``_Group.candidates`` inlined), else its own.
                    scan = scans.get(view.key, ())
                    if scan is None:
                        assert node.groups is not None
                        scan = (("", node.groups[view.key].candidates(view)),)
                    text = view.text or ""
                    scope = st.scope
                    for prefix, bucket in scan:
                        if prefix and not text.startswith(prefix):
                            continue
                        for child in bucket:
                            # The group key already equals the message's role, name and tool-call names.
                            bound = (child._matcher or child.matcher).match_grouped(view, scope)
                            if bound is None:
                                continue
                            if disabled and child.id in disabled:
                                raise _Veto(f"node {child.id} is disabled", child.path)
                            if waiting is not None:
                                if (why := _enter(st, waiting, waiting_bound, nxt, deadline)) is not None:
                                    dropped.append(why)
                                waiting, entered = None, True
                            if entered or child.derivations:
                                if (why := _enter(st, child, bound, nxt, deadline)) is not None:
                                    dropped.append(why)
                                entered = True
                            else:
                                waiting, waiting_bound = child, bound
                if waiting is not None:  # the only match, without derivations: the state becomes it
                    if waiting_bound is not None:
                        if waiting_bound:
                            if st.owned:
                                st.scope.update(waiting_bound)
                            else:
                                st.scope, st.owned = {**st.scope, **waiting_bound}, True
                        st.exact = False
                    st.node = waiting
                    nxt.append(st)
            if not nxt:
                deepest = max((s.node.path for s in states), key=len)
                if dropped:  # it matched, but a derivation there failed (its budget, its input)
                    return Explanation(None, f"message {depth + 1}: {dropped[0]}", deepest)
                return Explanation(None, f"message {depth + 1} matches no template", deepest)
            if len(nxt) > max_frontier:
                return Explanation(None, f"message {depth + 1} matches {len(nxt)} templates", nxt[0].node.path)
            states = nxt
        return _answer(tree, states, request, deadline, chars, odd, len(messages))
    except _Veto as v:
        return Explanation(None, v.reason, v.path)


def path_words(by_id: Mapping[str, RuntimeNode], node: RuntimeNode) -> PathWords:
    """The words of the literal text of the templates from the root to ``node``
    (``fixed-words``), remembered on each node of the path."""
    if node.path_words is None:
        parent = node.model.parent
        above = path_words(by_id, by_id[parent]) if parent is not None else PathWords(())
        node.path_words = above.below(words_of(node.model.template), policy_of(node.model.template))
    return node.path_words


def _enter(st: _State, child: RuntimeNode, bound: dict[str, Any] | None, out: list[_State],
           deadline: float) -> str | None:
    """Add the state ``child`` leads to from ``st``, one of several (or with derivations);
    returns why it was not added (a derivation failed), else None."""
    scope = st.scope
    owned = True
    if bound:
        scope = {**scope, **bound}
    elif child.derivations:
        scope = dict(scope)
    else:
        owned = False  # shared with the state's other successors
    if child.derivations and (why := _derive_checked(child, scope, deadline)) is not None:
        return why
    out.append(_State(child, scope, st.exact and bound is None, owned))
    return None


def _derive_checked(node: RuntimeNode, scope: dict[str, Any], deadline: float) -> str | None:
    """Compute the node's derivations; each must agree with the value read off the message, if
    any. Returns why one did not (its budget ran out, it failed, it disagreed), else None."""
    for d in node.derivations:
        try:
            value = derive(d, scope, deadline)
        except Miss as e:
            return f"node {node.id}: {e.reason}"
        if d.var in scope:
            seen = scope[d.var]
            typed = d.var in node.typed_vars or not isinstance(seen, str)
            if not (same_json(value, seen) if typed else render_value(value) == seen):
                return f"node {node.id}: derivation of {d.var} disagrees with the message's value"
        scope[d.var] = value
    return None


def _answer(tree: Tree, states: list[_State], request: Mapping[str, Any], deadline: float,
            chars: int, odd: list[MessageView], count: int) -> Explanation:
    key: str | None = None
    answers: list[tuple[_State, dict[str, Any]]] = []
    reasons: list[str] = []
    doubt: _State | None = None  # an uncacheable node reached
    for st in states:
        node = st.node
        assert isinstance(node, RuntimeNode)
        response = node.model.response
        repeat = (response is not None and st.exact and node.response_literal
                  and (node.status in ("live", "uncacheable") or response.exact_once))
        if node.status == "uncacheable" and not repeat:
            doubt = doubt or st
            continue
        if response is None:
            reasons.append(f"node {node.id} has no response")
            continue
        # A node's status is about its own answer; the nodes above only have to match.
        if not node.live and not repeat:
            reasons.append(f"node {node.id} is {node.status}, not live")
            continue
        if response.pins and not _pinned(response.pins, st.scope):
            reasons.append(f"node {node.id} was only seen with other values of {', '.join(sorted(response.pins))}")
            continue
        if response.choices and (out := chosen(response.choices, st.scope)) is not None:
            reasons.append(f"node {node.id} was only seen with {out} one of "
                           + ", ".join(render_value(v) for v in response.choices[out]))
            continue
        if response.order and (pair := out_of_order(response.order, st.scope)) is not None:
            reasons.append(f"node {node.id} always saw {pair[0]} <= {pair[1]}")
            continue
        if response.gaps and (pair := out_of_gap(response.gaps, st.scope)) is not None:
            reasons.append(f"node {node.id} saw {pair[1]} - {pair[0]} only so far apart")
            continue
        if response.spans and (pair := out_of_span(response.spans, st.scope)) is not None:
            reasons.append(f"node {node.id} saw {pair[0]} and {pair[1]} only so many days apart")
            continue
        if response.ranges and (out := out_of_range(response.ranges, st.scope)) is not None:
            reasons.append(f"node {node.id} saw {out} only between {response.ranges[out][0]} and "
                           f"{response.ranges[out][1]}")
            continue
        if response.tails and (why := out_of_tail(response.tails, st.scope)) is not None:
            reasons.append(f"node {node.id}: the list of {why}")
            continue
        if response.blocks and (why := out_of_block(response.blocks, st.scope,
                                                     path_words(tree.index.by_id, node))) is not None:
            reasons.append(f"node {node.id}: the block of lines {why}")
            continue
        if response.fixed_words and (same := equal_fixed(response.fixed_words, st.scope,
                                                         path_words(tree.index.by_id, node))) is not None:
            reasons.append(f"node {node.id} never saw {same[0]} equal to a word the text above fixes: {same[1]!r}")
            continue
        if response.fragments and (near := closer_fragment(response.fragments, st.scope,
                                                           path_words(tree.index.by_id, node).fragments)) is not None:
            reasons.append(f"node {node.id} never saw {near[0]} so close to {near[1]!r}, which the text above names")
            continue
        if response.cuts and (cut := out_of_cut(response.cuts, st.scope)) is not None:
            reasons.append(f"node {node.id} never saw {cut[0]} {cut[1]} (numbers the text above names)")
            continue
        if response.affixes and (bad := out_of_affix(response.affixes, st.scope)) is not None:
            reasons.append(f"node {node.id} saw every {bad[0]} alike, and this one {bad[1]}")
            continue
        if response.before and (pair := out_of_time_order(response.before, st.scope)) is not None:
            reasons.append(f"node {node.id} always saw {pair[0]} before {pair[1]}")
            continue
        if response.sharing and (pair := broken_sharing(response.sharing, st.scope)) is not None:
            reasons.append(f"node {node.id} always saw {pair[0]} and {pair[1]} share a part")
            continue
        broken = _broken(response.apart, st.scope, related=True) if response.apart else None
        broken = broken or (_broken(response.together, st.scope, related=False) if response.together else None)
        if broken is not None:
            reasons.append(f"node {node.id} {'always' if broken in response.together else 'never'} saw "
                           f"{' and '.join(broken)} equal or one inside the other")
            continue
        if response.request_keys:
            key = key or request_key(request)
            if key not in response.request_keys:
                reasons.append(f"node {node.id} was recorded under other request settings")
                continue
        scope = dict(st.scope)
        try:
            run_into(response.derivations, scope, deadline)
            message = hydrate_message(response.message, scope)
            _within_limit(request, message, response.usage)
        except Miss as e:
            # This node could answer but cannot now: with any other candidate, that is doubt.
            if len(states) > 1:
                raise _Veto(f"node {node.id}: {e.reason}; other templates matched too", node.path) from None
            reasons.append(f"node {node.id}: {e.reason}")
            continue
        answers.append((st, {"message": message, "scope": scope, "finish": response.finish_reason}))
    if doubt is not None and not (answers and all(isinstance(a.node, RuntimeNode) and a.node.literal
                                                  for a, _ in answers)):
        # A template that cannot answer new values matched (with or without a response of
        # its own): another template matching here would answer what its evidence says
        # cannot be answered. Only a literal sibling (the exact message, seen answered the
        # same way) may still answer.
        assert isinstance(doubt.node, RuntimeNode)
        raise _Veto(f"node {doubt.node.id} is uncacheable", doubt.node.path)
    if not answers:
        return Explanation(None, "; ".join(reasons) or "no answer", states[0].node.path)
    first_state, first = answers[0]
    path = first_state.node.path
    if len(answers) > 1:
        outcome = (canonical_bytes(first["message"]), first["finish"])
        for _, other in answers[1:]:
            if (canonical_bytes(other["message"]), other["finish"]) != outcome:
                return Explanation(None, "templates that matched disagree on the answer", path,
                                   tuple((st.node.id, a["message"]) for st, a in answers
                                         if isinstance(st.node, RuntimeNode)))
    node = first_state.node
    assert isinstance(node, RuntimeNode) and node.model.response is not None
    usage = node.model.response.usage or {}
    if odd:
        chars += sum(v.full_size() for v in odd)
    body = completion_body(first["message"], model=request.get("model"), prompt_tokens=max(-(-chars // 4), count),
                           completion_tokens=usage.get("completion_tokens"), finish_reason=first["finish"])
    return Explanation(Hit(node.id, path, first["scope"], body), None, path)


def _within_limit(request: Mapping[str, Any], message: Mapping[str, Any], usage: Mapping[str, int] | None) -> None:
    """Miss when the request's token limit may have cut the answer short (counted in tokens:
    ``induction.runtime.tokens_limit``)."""
    reason = over_limit(request, message, usage)
    if reason is not None:
        raise Miss(reason)


def related_text(x: str, y: str) -> bool:
    """Equal, or the shorter (``RELATION_MIN`` characters or more) inside the longer."""
    if x == y:
        return True
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return len(short) >= RELATION_MIN and short in long


_PARTS = re.compile(r"[^\W_]+")


def shared_part(x: str, y: str) -> str | None:
    """The part two values share, case aside, where it shows a relation: their first parts,
    both of several parts ("3" of "3.2.1" and "3.15.4"), or one value of one part holding a
    letter, whole, a part of the other ("EU", the "eu" of "exp-07.eu.corp.example"); else None.

    >>> shared_part("3.2.1", "3.15.4"), shared_part("EU", "exp-07.eu.corp.example"), shared_part("3.2.1", "4.0.1")
    ('3', 'eu', None)
    >>> shared_part("7", "INV-7-A"), shared_part("EU", "exp-07.us.corp.example")  # a number alone is no part word
    (None, None)
    """
    px, py = _PARTS.findall(x.lower()), _PARTS.findall(y.lower())
    if not px or not py:
        return None
    if len(px) > 1 and len(py) > 1:
        return px[0] if px[0] == py[0] else None
    one, other = (px, py) if len(px) == 1 else (py, px)
    word = one[0]
    return word if len(other) > 1 and not word.isdigit() and any(c.isalpha() for c in word) and word in other \
        else None


def broken_sharing(pairs: tuple[tuple[str, str], ...], scope: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first pair of text variables that shares no part here (``shared_part``) where it
    did in every training call; None when there is none.

    >>> broken_sharing((("running", "latest"),), {"running": "3.2.1", "latest": "4.12.0"})
    ('running', 'latest')
    >>> broken_sharing((("running", "latest"),), {"running": "3.2.1", "latest": "3.12.0"}) is None
    True
    """
    for a, b in pairs:
        x, y = scope.get(a), scope.get(b)
        if type(x) is str and type(y) is str and shared_part(x, y) is None:
            return a, b
    return None


def _broken(pairs: tuple[tuple[str, str], ...], scope: Mapping[str, Any], *, related: bool
            ) -> tuple[str, str] | None:
    """The first pair of text variables that is ``related`` here (``apart`` pairs: never
    related in training) or not (``together`` pairs: related in every call), where related
    is equal or the shorter (3 characters or more) inside the longer.

    >>> _broken((("owner", "target"),), {"owner": "bob", "target": "bob"}, related=True)
    ('owner', 'target')
    >>> _broken((("user", "password"),), {"user": "ann", "password": "x9!q"}, related=True) is None
    True
    >>> _broken((("first", "second"),), {"first": "tend", "second": "windlife"}, related=False)
    ('first', 'second')
    """
    for a, b in pairs:
        x, y = scope.get(a), scope.get(b)
        if type(x) is str and type(y) is str and related_text(x, y) is related:
            return a, b
    return None


def chosen(choices: Mapping[str, Sequence[Any]], scope: Mapping[str, Any]) -> str | None:
    """The first closed variable whose value is none of the values recorded for it
    (``closed-values``), else None.

    >>> chosen({"project": ("api", "web")}, {"project": "web"}), chosen({"project": ("api", "web")}, {"project": "ios"})
    (None, 'project')
    """
    for var, values in choices.items():
        if var not in scope or not any(reads_as(scope[var], v) for v in values):
            return var
    return None


def _pinned(pins: Mapping[str, Any], scope: Mapping[str, Any]) -> bool:
    """Whether every pinned variable has its one recorded value (a value read off text
    may be the text spelling of a JSON one: ``"1250.0"`` for ``1250.0``)."""
    for var, want in pins.items():
        if var not in scope:
            return False
        if not reads_as(scope[var], want):
            return False
    return True
