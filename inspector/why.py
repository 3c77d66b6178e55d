"""Why a request hits or misses: the runtime's verdict (``CompiledTree.explain``, the same
walk the proxy makes), told in the user's words: the path matched, the message where the walk
stopped, the closest template there and the span that differed (or the slot that refused its
value), and the rule induction gave for a staged or uncacheable node.

>>> from induction.runtime.compiled import compile_tree
>>> from induction.runtime.nodes import ResponseTemplate, TemplateNode
>>> from induction.runtime.template import MessageTemplate, Slot, TextTemplate
>>> node = TemplateNode(id="n1", parent=None,
...     template=MessageTemplate(role="user", content=TextTemplate(parts=("say hello to ", Slot(var="name"), "."))),
...     response=ResponseTemplate(message=MessageTemplate(role="assistant",
...         content=TextTemplate(parts=("Hello, ", Slot(var="name"), "!")))))
>>> tree = compile_tree([node])
>>> why(tree, {"messages": [{"role": "user", "content": "say hello to Bob."}]}).hit
True
>>> w = why(tree, {"messages": [{"role": "user", "content": "say hi to Bob."}]})
>>> w.hit, w.stopped_at, w.closest[0].problem
(False, 1, "expected 'hello to ' where the message has 'hi to Bob.'")
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from induction.explain import render_message
from induction.runtime.compiled import CompiledTree
from induction.runtime.kinds import value_fits
from induction.runtime.messages import MessageView
from induction.runtime.nodes import TemplateNode
from induction.runtime.template import Slot
from inspector.catalog import children_of, one_line


@dataclass(frozen=True, slots=True)
class Step:
    """A node the walk matched."""

    node_id: str
    role: str
    status: str
    text: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A template at the message where the walk stopped, and what kept it from matching."""

    node_id: str
    status: str
    text: str
    matched: int  # characters of the message that agreed before the difference
    problem: str


@dataclass(slots=True)
class Why:
    hit: bool
    namespace: str
    reason: str  # the runtime's own words
    steps: list[Step]
    node_id: str | None = None  # the node that answered (a hit)
    answer: str | None = None  # the answer text of a hit
    stopped_at: int | None = None  # the 1-based message where no template matched
    message: str | None = None  # that message, on one line
    closest: list[Candidate] = field(default_factory=list)
    rules: list[tuple[str, str]] = field(default_factory=list)  # (node id, induction's note)
    summary: str = ""
    hint: str = ""  # what the stop means, in a sentence

    def as_dict(self) -> dict[str, Any]:
        return {"hit": self.hit, "namespace": self.namespace, "reason": self.reason, "summary": self.summary,
                "node_id": self.node_id, "answer": self.answer, "stopped_at": self.stopped_at,
                "message": self.message, "hint": self.hint, "path": [s.__dict__ if hasattr(s, "__dict__") else _d(s) for s in self.steps],
                "closest": [_d(c) for c in self.closest], "rules": [list(r) for r in self.rules]}


def _d(x: Any) -> dict[str, Any]:
    return {k: getattr(x, k) for k in x.__slots__}


def request_of(doc: Any) -> tuple[dict[str, Any], str | None]:
    """The chat request in a JSON document: a request body, or a record / spool line
    (``{"request": ..., "rote": {"namespace": ...}}``); and the namespace it names, if any.

    >>> request_of({"request": {"messages": []}, "rote": {"namespace": "team-a"}})
    ({'messages': []}, 'team-a')
    """
    if not isinstance(doc, dict):
        raise ValueError("expected a JSON object: a chat request, or a record with 'request'")
    if isinstance(doc.get("request"), dict):
        meta = doc["rote"] if isinstance(doc.get("rote"), dict) else {}
        ns = meta.get("namespace") if isinstance(meta.get("namespace"), str) else None
        return doc["request"], ns
    if "messages" not in doc:
        raise ValueError("no 'messages' and no 'request' in the JSON object")
    return doc, None


_NODE = re.compile(r"node (\S+?)(?=[ :;,]|$)")


def why(tree: CompiledTree, request: Mapping[str, Any], namespace: str = "default",
        disabled: Collection[str] | None = None, notes: Mapping[str, Sequence[str]] | None = None,
        *, width: int = 100) -> Why:
    """Walk ``request`` down ``tree`` as the proxy would and say where and why it stopped."""
    notes = notes or {}
    ex = tree.explain(request, namespace, set(disabled) if disabled else None)
    steps = [_step(tree.node(i), width) for i in ex.path if i in tree.index.by_id]
    if ex.hit is not None:
        msg = ex.hit.response.get("choices", [{}])[0].get("message", {})
        answer = msg.get("content") or " ".join(
            f"{c['function']['name']}({c['function']['arguments']})" for c in msg.get("tool_calls") or [])
        out = Why(True, namespace, "hit", steps, node_id=ex.hit.node_id, answer=one_line(str(answer), width * 2))
        out.summary = f"node {ex.hit.node_id[:12]} answers"
        return out
    reason = ex.reason or "no answer"
    out = Why(False, namespace, reason, steps)
    m = re.match(r"message (\d+) matches no template", reason)
    messages = request.get("messages")
    if m and isinstance(messages, list):
        k = int(m.group(1))
        out.stopped_at = k
        message = messages[k - 1] if isinstance(messages[k - 1], Mapping) else {}
        view = MessageView(message)
        out.message = one_line(_message_text(message), width * 2)
        parent = ex.path[-1] if ex.path else None
        siblings = [n for n in children_of(tree).get(parent, []) if n.namespace == namespace]
        scope = scope_along(tree, ex.path, messages)
        out.closest = closest(siblings, view, width, tree=tree, scope=scope)
        where = f"after node {parent[:12]}" if parent else "as a first message"
        if not siblings:
            out.summary = f"message {k} ({view.role}): nothing was learned {where}"
        elif out.closest:
            best = out.closest[0]
            if best.problem.startswith("expected"):
                out.hint = ("every call induction saw had the template's text there: a request that differs is "
                            "a path training never showed (it may lead elsewhere), so it goes to the model and "
                            "is recorded for the next induction")
            elif best.problem.startswith("slot"):
                out.hint = ("the value is not like any value training saw in that slot: rote does not guess "
                            "how far a slot reaches")
            out.summary = f"message {k} ({view.role}) matches none of the {len(siblings)} template(s) {where}; " \
                          f"closest {best.node_id[:12]}: {best.problem}"
        else:
            roles = sorted({n.template.role for n in siblings})
            out.summary = f"message {k} is a {view.role} message; {where} only {', '.join(roles)} was seen"
    else:
        out.summary = f"miss: {reason}"
    for nid in dict.fromkeys(_NODE.findall(reason)):
        if nid in tree.index.by_id:
            for note in notes.get(nid, []):
                out.rules.append((nid, note))
    return out


def _step(node: TemplateNode, width: int) -> Step:
    return Step(node.id, node.template.role, node.status, one_line(render_message(node.template), width))


def _message_text(message: Mapping[str, Any]) -> str:
    view = MessageView(message)
    parts = [view.text] if view.text else []
    for c in message.get("tool_calls") or []:
        fn = c.get("function") if isinstance(c, Mapping) else None
        if isinstance(fn, Mapping):
            parts.append(f"{fn.get('name')}({fn.get('arguments', '')})")
    return " ".join(str(p) for p in parts)


def scope_along(tree: CompiledTree, path: Sequence[str], messages: Sequence[Any]) -> dict[str, Any]:
    """The variables the messages along ``path`` bind (read off each by its node's matcher), as
    the walk had them in scope; derived ones are left out."""
    scope: dict[str, Any] = {}
    for node_id, message in zip(path, messages, strict=False):
        node = tree.index.by_id.get(node_id)
        if node is None or node.literal or not isinstance(message, Mapping):
            continue
        bound = node.matcher.match(MessageView(message), scope)
        if bound:
            scope.update(bound)
    return scope


def closest(siblings: Sequence[TemplateNode], view: MessageView, width: int = 100, limit: int = 3,
            *, tree: CompiledTree | None = None, scope: Mapping[str, Any] | None = None) -> list[Candidate]:
    """The templates of the message's role nearest to it, nearest first, each with the first
    difference found (a literal span that differs, a slot refusing its value, a value that
    differs from the one bound above when ``tree`` and ``scope`` are given)."""
    out = []
    for n in siblings:
        t = n.template
        if t.role != view.role:
            continue
        matched, problem = diagnose(n, view)
        if problem.startswith(FITS) and tree is not None:
            problem = _refused_by_matcher(tree, n, view, scope or {}) or problem
        out.append(Candidate(n.id, n.status, one_line(render_message(t), width), matched, problem))
    out.sort(key=lambda c: (-c.matched, c.node_id))
    return out[:limit]


def diagnose(node: TemplateNode, view: MessageView) -> tuple[int, str]:
    """(characters that agreed, the first difference) between a template and a message.

    >>> from induction.runtime.template import MessageTemplate, TextTemplate
    >>> n = TemplateNode(id="n", parent=None, template=MessageTemplate(role="user",
    ...     content=TextTemplate(parts=("Pay ", Slot(var="amount", kind="number"), " now"))))
    >>> diagnose(n, MessageView({"role": "user", "content": "Pay 12 dollars now"}))
    (4, "slot amount (number) does not take '12 dollars'")
    """
    t = node.template
    want_calls = [c.name for c in t.tool_calls]
    got_calls = [c.get("function", {}).get("name") for c in view.message.get("tool_calls") or []
                 if isinstance(c, Mapping)]
    if want_calls != got_calls:
        return 0, f"tool calls {got_calls or 'none'} where the template has {want_calls or 'none'}"
    if t.name != view.name:
        return 0, f"name {view.name!r} where the template has {t.name!r}"
    text = view.text or ""
    parts = t.content.parts if t.content is not None else ()
    pos = 0
    pending: Slot | None = None
    values: list[tuple[Slot, str, int]] = []
    for p in parts:
        if isinstance(p, Slot):
            pending = p
            continue
        if pending is None:
            if not text.startswith(p, pos):
                same = _common(p, text[pos:])
                if 0 < same < len(p) and " " in p[:same]:
                    same = p.rfind(" ", 0, same) + 1  # from the word that differs
                at = pos + same
                return at, f"expected {_q(p[same:])} where the message has {_q(text[at:at + len(p) - same + 12])}"
            pos += len(p)
            continue
        found = text.find(p, pos + 1)
        if found < 0:
            # The literal after the slot never comes: where its longest beginning does, say
            # what follows there instead of the rest.
            lo, hi = 0, len(p)  # p[:lo] occurs after the slot, p[:hi] does not
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if text.find(p[:mid], pos + 1) >= 0:
                    lo = mid
                else:
                    hi = mid
            if lo == 0:
                return pos, f"expected {_q(p)} after slot {pending.var}; the message never has it"
            at = text.find(p[:lo], pos + 1) + lo
            return at, f"expected {_q(p[lo:])} where the message has {_q(text[at:at + len(p) - lo + 12])}"
        values.append((pending, text[pos:found], pos))
        pos, pending = found + len(p), None
    if pending is not None:
        values.append((pending, text[pos:], pos))
        pos = len(text)
    elif pos < len(text):
        return pos, f"the message goes on with {_q(text[pos:pos + 40])} where the template ends"
    for slot, value, start in values:
        refusal = slot_refusal(slot, value)
        if refusal:
            return start, refusal
    if t.tool_calls:
        return pos, "text agrees; a tool call's arguments differ from the template's"
    return pos, FITS + " (a value already in scope differs, an ambiguous split, or a derivation that disagrees)"


FITS = "its text fits; the lookup still refused it"


def _refused_by_matcher(tree: CompiledTree, node: TemplateNode, view: MessageView,
                        scope: Mapping[str, Any]) -> str | None:
    """Which check refused a template whose literal text fits: the matcher asked again with and
    without the values in scope."""
    from induction.runtime.template import render_value

    matcher = tree.index.by_id[node.id].matcher
    if matcher.match(view, scope) is not None:
        return "the message matches; a derivation here disagrees with the values read" if node.derivations \
            else None
    alone = matcher.match(view, {})
    if alone is None:
        return "the split between its slots is ambiguous, or a value is not of its slot's kind: rote never guesses a split"
    for var, value in alone.items():
        if var in scope and render_value(scope[var]) != render_value(value):
            return (f"slot {var} reads {_q(render_value(value))} here but {_q(render_value(scope[var]))} "
                    "was read above: the same variable must hold the same value")
    return None


def slot_refusal(slot: Slot, value: str) -> str | None:
    """Why ``slot`` refuses ``value``, or None when it takes it.

    >>> slot_refusal(Slot(var="city", refuse=","), "Paris, Lyon")
    "slot city refuses ',' (no example's value held it): 'Paris, Lyon'"
    """
    if not value:
        return f"slot {slot.var} is empty here"
    if not value_fits(slot.kind, value):
        return f"slot {slot.var} ({slot.kind}) does not take {_q(value)}"
    for ch in slot.refuse:
        if ch in value:
            return f"slot {slot.var} refuses {ch!r} (no example's value held it): {_q(value)}"
    for phrase in slot.refuse_text:
        if phrase in value:
            return f"slot {slot.var} refuses {phrase!r} (no example's value held it): {_q(value)}"
    for side, ok, ch in (("start", slot.edge_start, value[0]), ("end", slot.edge_end, value[-1])):
        if ok is not None and not ch.isalnum() and ch not in ok:
            return f"slot {slot.var} cannot {side} with {ch!r} (no example's value did): {_q(value)}"
    return None


def _common(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _q(s: str, width: int = 60) -> str:
    return repr(s if len(s) <= width else s[: width - 1] + "…")


def render(w: Why) -> str:
    """The text ``rote why`` prints."""
    lines = [("HIT  " if w.hit else "MISS ") + w.summary, f"namespace: {w.namespace}"]
    if w.steps:
        lines.append("path matched:")
        lines += [f"  {i}. {s.node_id}  {s.role:<9} {s.status:<11} {s.text}" for i, s in enumerate(w.steps, 1)]
    else:
        lines.append("path matched: none (no first message matched)")
    if w.hit:
        lines.append(f"answer: {w.answer}")
        return "\n".join(lines)
    lines.append(f"reason: {w.reason}")
    if w.stopped_at is not None:
        lines.append(f"message {w.stopped_at}: {w.message}")
    for c in w.closest:
        lines.append(f"  closest {c.node_id} ({c.status}): {c.text}")
        lines.append(f"      {c.problem}")
    if w.hint:
        lines.append(f"what it means: {w.hint}")
    for nid, note in w.rules:
        lines.append(f"rule ({nid}): {note}")
    return "\n".join(lines)


def load_json(data: bytes) -> Any:
    """The first JSON document of ``data`` (a whole file, or the first line of a spool segment)."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        first = data.strip().split(b"\n", 1)[0]
        return orjson.loads(first)
