"""The in-memory shape of a compiled tree: runtime nodes and how siblings are found.

Under each node (and under each namespace's virtual root) the children are
indexed so that a request message is never tested against every sibling:

- **exact** children (slot-free templates) by :func:`~induction.hashing.message_hash`,
- **templated** children grouped by (role, name, tool-call names), then by the
  literal text their content starts with: a message only meets the templates
  whose literal prefix it starts with. A bucket of many templates with the same
  prefix is tested at once with an ``re2.Set`` (one DFA pass) before any
  template is matched on its own.

A runtime node is itself the index of its children (:class:`RuntimeNode` extends
:class:`Children`), and groups with few prefixes and small buckets are also kept as a
flat tuple of (prefix, bucket) pairs (``scans``): a step down the tree touches the node,
one dict and that tuple, not a chain of index objects.

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
from induction.runtime.matcher import intern
from induction.runtime.messages import MatcherPool, MessageMatcher, MessageView
from induction.runtime.nodes import TemplateNode
from induction.runtime.template import MessageTemplate, marker, render_json
from induction.runtime.words import PathWords

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


# Groups with up to this many literal prefixes test each with ``startswith`` (longest
# first); larger ones look the message's prefix of each length up.
SCAN_MAX: Final = 4


class _Group:
    """Templated siblings with the same role, name and tool-call names, by literal prefix."""

    __slots__ = ("by_prefix", "lengths", "members", "prefixes", "scan", "sets")

    def __init__(self) -> None:
        self.by_prefix: dict[str, list[RuntimeNode]] = {}
        self.lengths: list[int] = []
        # While there are few prefixes: each (longest first) and its bucket, in two tuples
        # (fewer objects for a lookup to touch than a dict and its entries).
        self.prefixes: tuple[str, ...] | None = ()
        self.members: tuple[list[RuntimeNode], ...] = ()
        self.sets: dict[str, tuple[Any, list[RuntimeNode]] | None] = {}
        # (prefix, bucket) pairs, longest prefix first, while there are few prefixes and no
        # bucket is pre-filtered: what the lookup scans itself (see :meth:`candidates`).
        self.scan: tuple[tuple[str, list[RuntimeNode]], ...] | None = ()

    def add(self, node: RuntimeNode) -> None:
        self.by_prefix.setdefault(node.prefix, []).append(node)
        if len(node.prefix) not in self.lengths:
            self.lengths.append(len(node.prefix))
            self.lengths.sort(reverse=True)
        self.sets.pop(node.prefix, None)
        if len(self.by_prefix) <= SCAN_MAX:
            scan = sorted(self.by_prefix.items(), key=lambda kv: -len(kv[0]))
            self.prefixes, self.members = tuple(p for p, _ in scan), tuple(m for _, m in scan)
            self.scan = tuple(scan) if all(len(m) <= SET_MIN for _, m in scan) else None
        else:
            self.prefixes, self.members, self.scan = None, (), None

    def candidates(self, view: MessageView) -> list[RuntimeNode]:
        """Templates whose literal prefix ``view``'s text starts with: longest prefix first,
        each prefix's templates in the order they were added (callers must not mutate the list).

        When ``scan`` is set, these are the buckets of its prefixes that the text starts
        with, in its order (the lookup scans it itself)."""
        text = view.text or ""
        prefixes = self.prefixes
        if prefixes is not None:
            if len(prefixes) == 1:
                prefix = prefixes[0]
                if not text.startswith(prefix):
                    return []
                members = self.members[0]
                return self._prefilter(prefix, members, view) if len(members) > SET_MIN else members
            # Prefixes of one length exclude each other, so the order is the lengths loop's below.
            found: list[RuntimeNode] | None = None
            for prefix, members in zip(prefixes, self.members, strict=True):
                if text.startswith(prefix):
                    nodes = self._prefilter(prefix, members, view) if len(members) > SET_MIN else members
                    found = nodes if found is None else [*found, *nodes]
            return found if found is not None else []
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


GroupKey = str | tuple[str, str | None, tuple[str, ...]]  # see group_key
Scan = tuple[tuple[str, list["RuntimeNode"]], ...]


class Children:
    """The children of one node (or the first messages of a namespace), indexed for lookup.

    Literal children are also indexed by text when their message is role and text alone
    (``by_text``): a plain request message has the same hash as such a child exactly when
    role and text are equal, and no other child's hash, so it is looked up by text and
    never hashed (a message's hash costs ~4 µs per KB; a dict lookup by text, a tenth).

    Templated children are grouped (``groups``); ``scans`` has each group's ``scan`` (None
    for a group that needs :meth:`_Group.candidates`), so a lookup reads one dict.
    """

    __slots__ = ("by_text", "exact", "groups", "scans")

    # The path to the nodes indexed here: none above the first messages (RuntimeNode has its own).
    path: tuple[str, ...] = ()

    def __init__(self) -> None:
        # Each None while there is no such child (the lookup then tests no dict for it).
        self.exact: dict[str, list[RuntimeNode]] | None = None
        self.by_text: dict[str | None, list[RuntimeNode]] | None = None
        self.groups: dict[GroupKey, _Group] | None = None
        self.scans: dict[GroupKey, Scan | None] | None = None

    def add(self, node: RuntimeNode) -> None:
        if node.exact_hash is not None:
            if self.exact is None or self.by_text is None:
                self.exact, self.by_text = {}, {}
            self.exact.setdefault(node.exact_hash, []).append(node)
            if node.plain:
                self.by_text.setdefault(node.plain_text, []).append(node)
        else:
            if self.groups is None or self.scans is None:
                self.groups, self.scans = {}, {}
            key = node.group_key
            group = self.groups.setdefault(key, _Group())
            group.add(node)
            self.scans[key] = group.scan

    def exact_matches(self, view: MessageView) -> list[RuntimeNode]:
        """The literal children with ``view``'s hash (found by text when ``view`` is plain)."""
        if self.exact is None or self.by_text is None:
            return []
        if view.plain:
            role = view.role
            return [node for node in self.by_text.get(view.text, ()) if node.role == role]
        return self.exact.get(view.hash, [])

    def candidates(self, view: MessageView) -> Iterator[tuple[RuntimeNode, bool]]:
        """Children that may match ``view``, exact ones first; ``True`` marks a hash match."""
        if self.exact:
            for node in self.exact_matches(view):
                yield node, True
        if self.groups and view.templatable:
            group = self.groups.get(view.key)
            if group is not None:
                for node in group.candidates(view):
                    yield node, False

    def warm(self) -> None:
        """Compile every pattern now rather than on first use."""
        for group in (self.groups or {}).values():
            for prefix, bucket in group.by_prefix.items():
                for node in bucket:
                    node.matcher.compile()
                if len(bucket) > SET_MIN and prefix not in group.sets:
                    group.sets[prefix] = _build_set(bucket)


class RuntimeNode(Children):
    """One node as the lookup uses it (the pydantic node stays in ``model``), and the index
    of its children (see :class:`Children`): one object per node for a lookup to touch."""

    __slots__ = ("_matcher", "_pool", "derivations", "exact_hash", "id", "literal", "live", "model", "path",
                 "path_words", "plain", "plain_text", "prefix", "response_literal", "role", "status", "typed_vars")

    def __init__(self, model: TemplateNode, pool: MatcherPool | None = None) -> None:
        """``pool``: the tree's shared matchers (none: the node builds its own)."""
        self.exact = self.by_text = self.groups = self.scans = None  # Children.__init__, inlined (10k nodes a load)
        self.model = model
        self._pool = pool
        self.id = model.id
        # The ids of the nodes from the root to this one (what a lookup's path is when it
        # ends here); the tree index sets it once the parents are known.
        self.path: tuple[str, ...] = (model.id,)
        self.status = model.status
        self.live = model.status == "live"
        self.derivations = model.derivations
        t = model.template
        self.role = intern(t.role)
        self.literal = not has_slots(t)
        literal = literal_message(t) if self.literal else None
        self.exact_hash = message_hash(literal) if literal is not None else None
        # A literal message of role and text alone is found by its text (see ``Children``).
        self.plain = literal is not None and not t.name and not t.tool_calls
        self.plain_text: str | None = literal["content"] or None if literal is not None else None
        first = t.content.parts[0] if t.content is not None and t.content.parts else ""
        self.prefix = intern(first) if isinstance(first, str) else ""
        self.typed_vars: frozenset[str] = frozenset(
            v for c in t.tool_calls for v in _typed_vars(c.arguments, set())) if t.tool_calls else frozenset()
        r = model.response
        self.response_literal = r is not None and not has_slots(r.message) and not r.derivations
        self._matcher: MessageMatcher | None = None
        # The words the templates from the root to here fix (``lookup.path_words``, on first use).
        self.path_words: PathWords | None = None

    @property
    def children(self) -> RuntimeNode | None:
        """The index of the node's children: the node itself, if it has any."""
        return self if self.exact is not None or self.groups is not None else None

    @property
    def matcher(self) -> MessageMatcher:
        if self._matcher is None:
            t = self.model.template
            self._matcher = MessageMatcher(t) if self._pool is None else self._pool.message(t)
        return self._matcher

    @property
    def group_key(self) -> GroupKey:
        """(role, name, tool-call names), or the role alone for a message without either
        (what ``MessageView.key`` is for the messages that can match the node)."""
        t = self.model.template
        if not t.name and not t.tool_calls:
            return intern(t.role)
        return intern(t.role), intern(t.name) if t.name else None, tuple(intern(c.name) for c in t.tool_calls)
