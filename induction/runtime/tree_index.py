"""The in-memory shape of a compiled tree: runtime nodes and how siblings are found.

Under each node (and under each namespace's virtual root) the children are
indexed so that a request message is never tested against every sibling:

- **exact** children (slot-free templates) by :func:`~induction.hashing.message_hash`,
- **templated** children grouped by (role, name, tool-call names), then by the
  literal text their content starts with: a message only meets the templates
  whose literal prefix it starts with. A bucket of many templates with the same
  prefix is tested at once with an ``re2.Set`` (one DFA pass) before any
  template is matched on its own.

>>> from induction.runtime.nodes import TemplateNode
>>> from induction.runtime.template import MessageTemplate, Slot, TextTemplate
>>> n = RuntimeNode(TemplateNode(id="a", parent=None,
...     template=MessageTemplate(role="user", content=TextTemplate(parts=("Hi ", Slot(var="x"))))))
>>> kids = Children()
>>> kids.add(n)
>>> from induction.runtime.messages import MessageView
>>> [c.id for c, _ in kids.candidates(MessageView({"role": "user", "content": "Hi there"}))]
['a']
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

import re2

from induction.hashing import message_hash
from induction.runtime.messages import MessageMatcher, MessageView
from induction.runtime.nodes import TemplateNode
from induction.runtime.template import MessageTemplate, marker, render_json

# Buckets with more templates than this are pre-filtered with one re2.Set.
SET_MIN: Final = 16


def literal_message(t: MessageTemplate) -> dict[str, Any]:
    """The message a slot-free template stands for (tool calls with parsed arguments)."""
    msg: dict[str, Any] = {"role": t.role, "content": t.content.render({}) if t.content is not None else None}
    if t.name:
        msg["name"] = t.name
    if t.tool_calls:
        msg["tool_calls"] = [{"type": "function", "function": {"name": c.name, "arguments": render_json(c.arguments, {})}}
                             for c in t.tool_calls]
    return msg


def _typed_vars(tpl: Any, out: set[str]) -> set[str]:
    """Variables that appear as whole JSON leaves (``$v``)."""
    m = marker(tpl)
    if m == "$v":
        out.add(tpl["$v"])
    elif m is None and isinstance(tpl, dict):
        for v in tpl.values():
            _typed_vars(v, out)
    elif isinstance(tpl, list):
        for v in tpl:
            _typed_vars(v, out)
    return out


def has_slots(t: MessageTemplate) -> bool:
    """Whether a message template has any variable (faster than ``not t.is_literal``)."""
    if t.content is not None and any(type(p) is not str for p in t.content.parts):
        return True
    return any(_json_has_var(c.arguments) for c in t.tool_calls)


def _json_has_var(tpl: Any) -> bool:
    if isinstance(tpl, dict):
        m = marker(tpl)
        if m is not None:
            return m != "$lit"
        return any(_json_has_var(v) for v in tpl.values())
    if isinstance(tpl, list):
        return any(_json_has_var(v) for v in tpl)
    return False


class RuntimeNode:
    """One node as the lookup uses it (the pydantic node stays in ``model``)."""

    __slots__ = ("_matcher", "children", "exact_hash", "id", "literal", "model", "prefix", "response_literal",
                 "status", "typed_vars")

    def __init__(self, model: TemplateNode) -> None:
        self.model = model
        self.id = model.id
        self.status = model.status
        t = model.template
        self.literal = not has_slots(t)
        self.exact_hash = message_hash(literal_message(t)) if self.literal else None
        first = t.content.parts[0] if t.content is not None and t.content.parts else ""
        self.prefix = first if isinstance(first, str) else ""
        self.typed_vars: frozenset[str] = frozenset(
            v for c in t.tool_calls for v in _typed_vars(c.arguments, set())) if t.tool_calls else frozenset()
        r = model.response
        self.response_literal = r is not None and not has_slots(r.message) and not r.derivations
        self.children: Children | None = None
        self._matcher: MessageMatcher | None = None

    @property
    def matcher(self) -> MessageMatcher:
        if self._matcher is None:
            self._matcher = MessageMatcher(self.model.template)
        return self._matcher

    @property
    def group_key(self) -> tuple[str, str | None, tuple[str, ...]]:
        t = self.model.template
        return t.role, t.name or None, tuple(c.name for c in t.tool_calls)


class _Group:
    """Templated siblings with the same role, name and tool-call names, by literal prefix."""

    __slots__ = ("by_prefix", "lengths", "sets")

    def __init__(self) -> None:
        self.by_prefix: dict[str, list[RuntimeNode]] = {}
        self.lengths: list[int] = []
        self.sets: dict[str, tuple[Any, list[RuntimeNode]] | None] = {}

    def add(self, node: RuntimeNode) -> None:
        self.by_prefix.setdefault(node.prefix, []).append(node)
        if len(node.prefix) not in self.lengths:
            self.lengths.append(len(node.prefix))
            self.lengths.sort(reverse=True)
        self.sets.pop(node.prefix, None)

    def candidates(self, view: MessageView) -> list[RuntimeNode]:
        text = view.text or ""
        if len(self.lengths) == 1:  # the common case: one literal prefix length
            n = self.lengths[0]
            bucket = self.by_prefix.get(text[:n]) if n <= len(text) else None
            if bucket is None:
                return []
            return self._prefilter(text[:n], bucket, view) if len(bucket) > SET_MIN else bucket
        out: list[RuntimeNode] = []
        for n in self.lengths:
            if n > len(text):
                continue
            prefix = text[:n]
            bucket = self.by_prefix.get(prefix)
            if bucket is not None:
                out.extend(self._prefilter(prefix, bucket, view) if len(bucket) > SET_MIN else bucket)
        return out

    def _prefilter(self, prefix: str, bucket: list[RuntimeNode], view: MessageView) -> list[RuntimeNode]:
        data = view.data
        if data is None:
            return bucket
        if prefix not in self.sets:
            self.sets[prefix] = _build_set(bucket)
        built = self.sets[prefix]
        if built is None:
            return bucket
        rset, members = built
        hits = rset.Match(data) or ()  # None also when RE2 gives up (memory): a miss, never a guess
        return [members[i] for i in sorted(hits)]


def _build_set(bucket: list[RuntimeNode]) -> tuple[Any, list[RuntimeNode]] | None:
    rset = re2.Set.FullMatchSet()
    members: list[RuntimeNode] = []
    for node in bucket:
        content = node.matcher.content
        if content is None:
            continue
        rset.Add(content.pattern(groups=False).encode())
        members.append(node)
    try:
        rset.Compile()
    except re2.error:
        return None
    return rset, members


class Children:
    """The children of one node, indexed for lookup."""

    __slots__ = ("exact", "groups")

    def __init__(self) -> None:
        self.exact: dict[str, list[RuntimeNode]] = {}
        self.groups: dict[tuple[str, str | None, tuple[str, ...]], _Group] = {}

    def add(self, node: RuntimeNode) -> None:
        if node.exact_hash is not None:
            self.exact.setdefault(node.exact_hash, []).append(node)
        else:
            self.groups.setdefault(node.group_key, _Group()).add(node)

    def candidates(self, view: MessageView) -> Iterator[tuple[RuntimeNode, bool]]:
        """Children that may match ``view``, exact ones first; ``True`` marks a hash match."""
        if self.exact:
            for node in self.exact.get(view.hash, ()):
                yield node, True
        if self.groups and view.templatable:
            group = self.groups.get(view.key)
            if group is not None:
                for node in group.candidates(view):
                    yield node, False

    def warm(self) -> None:
        """Compile every pattern now rather than on first use."""
        for group in self.groups.values():
            for prefix, bucket in group.by_prefix.items():
                for node in bucket:
                    m = node.matcher
                    if m.content is not None:
                        m.content.compile()
                if len(bucket) > SET_MIN and prefix not in group.sets:
                    group.sets[prefix] = _build_set(bucket)
