"""Matching whole messages: role, name, text content and tool calls with JSON arguments.

Tool-call arguments are parsed and walked against their JSON template:

- ``{"$v": var}`` binds a JSON scalar (string, number, boolean, null); a variable
  already bound must hold an equal value **of the same JSON type** (``1`` is not
  ``1.0``, ``true`` is not ``1``, ``"3"`` is not ``3``),
- ``{"$t": parts}`` matches a string leaf with a text template (see
  :mod:`induction.runtime.matcher`),
- ``{"$lit": value}`` and every other leaf must be equal, typed the same way,
- objects must have exactly the template's keys, arrays its length.

Tool-call ids and ``tool_call_id`` are not part of a message's identity.
Messages with non-text content parts (images, audio, files) never match.

>>> from induction.runtime.template import MessageTemplate, ToolCallTemplate
>>> t = MessageTemplate(role="assistant", tool_calls=(ToolCallTemplate(name="read",
...     arguments={"path": {"$t": ["/data/", {"var": "f"}]}, "n": {"$v": "n"}}),))
>>> msg = {"role": "assistant", "content": None, "tool_calls": [{"id": "call_x", "type": "function",
...     "function": {"name": "read", "arguments": '{"n": 3, "path": "/data/a.txt"}'}}]}
>>> match_message(t, msg, {})
{'f': 'a.txt', 'n': 3}
>>> match_message(t, msg, {"n": "3"}) is None
True
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping
from typing import Any, Final

import orjson

from induction.hashing import canonical_content, message_hash
from induction.runtime.matcher import TextMatcher, TextMatchers, intern, shared_text
from induction.runtime.template import (
    JSONValue,
    MessageTemplate,
    Scope,
    TextTemplate,
    json_text_template,
    marker,
    render_value,
)

_UNSET: Final = object()
_SCALARS: Final = (str, int, float, bool, type(None))
_NO_CALLS: Final[list[tuple[Any, Any]]] = []  # shared by every message without tool calls: never mutated


def same_json(a: JSONValue, b: JSONValue) -> bool:
    """Equal and of the same JSON type, all the way down.

    >>> same_json(1, 1.0), same_json(True, 1), same_json({"a": [1]}, {"a": [1]})
    (False, False, True)
    """
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_json(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def reads_as(got: Any, want: JSONValue) -> bool:
    """Whether a value read off a message is ``want``: the same JSON value, or (read
    off text) its text spelling.

    >>> reads_as(1250.0, 1250.0), reads_as("1250.0", 1250.0), reads_as(True, 1), reads_as("Bo", "Bo")
    (True, True, False, True)
    """
    return same_json(got, want) or (type(got) is str and got == render_value(want))


class MessageView:
    """One request message as the matcher reads it; each field is computed at most once.

    ``plain`` (a string role, no name, no tool or function call) marks messages whose
    canonical form is role and text alone: two plain messages have the same
    :func:`~induction.hashing.message_hash` exactly when role and text are equal, so
    literal siblings are found by text without hashing (see ``tree_index``).
    """

    __slots__ = ("_args", "_data", "_hash", "calls", "key", "message", "name", "role", "size", "templatable", "text",
                 "text_only")

    def __init__(self, message: Mapping[str, Any]) -> None:
        self.message = message
        # message.get each time: cheaper than binding the method once (3.11 specialises the call).
        role = message.get("role")
        content = message.get("content")
        name = message.get("name")
        calls = message.get("tool_calls")
        if type(role) is not str:
            role = None
        self.role = role
        if content is None or type(content) is str:
            text_only = True
            text = content or None
        else:
            content = canonical_content(content)
            text_only = type(content) is str
            text = content or None if text_only else None
        self.text_only = text_only
        self.text: str | None = text
        templatable = role is not None and text_only and not message.get("function_call")
        if name is not None and (type(name) is not str or not name):
            name = None
        self.name: str | None = name
        # Characters of text content and tool calls (what token estimates count); None when
        # a call's name or arguments is another truthy value, whose str() (which may fail)
        # is left to full_size(), called only when the lookup answers, as it always was.
        size: int | None = len(text) if text is not None else 0
        if calls:
            pairs: list[tuple[Any, Any]] = []
            names: list[Any] = []
            if type(calls) is not list:
                templatable = False
            else:
                for c in calls:
                    fn = c.get("function") if type(c) is dict or isinstance(c, Mapping) else None
                    if type(fn) is not dict and not isinstance(fn, Mapping):
                        templatable = False
                        break
                    n, a = fn.get("name"), fn.get("arguments")
                    if type(n) is not str:
                        templatable = False  # no template has such a call; and a list name is unhashable
                        n = None
                    pairs.append((n, a))
                    names.append(n)
                    if size is not None:
                        if type(a) is str or not a:  # (n is a string or None by now)
                            size += (len(n) if n else 0) + (len(a) if a else 0)
                        else:
                            size = None
            self.calls: list[tuple[Any, Any]] = pairs
            # What templated siblings are grouped by (see ``tree_index.group_key``).
            self.key: str | tuple[str, str | None, tuple[Any, ...]] = (role or "", name, tuple(names))
        else:
            self.calls = _NO_CALLS
            # The role alone when there is no name either (no tuple to build and hash).
            self.key = (role or "", name, ()) if name is not None else role or ""
        self.templatable = templatable
        self.size = size
        self._data: Any = _UNSET
        self._hash: str | None = None
        self._args: list[Any] | None = None

    @property
    def plain(self) -> bool:
        """Templatable, without a name or tool calls (computed when asked: only literal
        siblings need it). ``templatable`` only changes with tool calls, which make it False
        anyway; the name is read again because a truthy name that is not a string is not
        kept in ``name``."""
        return self.templatable and self.calls is _NO_CALLS and not self.message.get("name")

    @property
    def data(self) -> bytes | None:
        """UTF-8 text content (None if there is none or it cannot be encoded)."""
        if self._data is _UNSET:
            try:
                self._data = self.text.encode() if self.text is not None else None
            except UnicodeEncodeError:
                self._data = None
        data: bytes | None = self._data
        return data

    def full_size(self) -> int:
        """Characters of text content and tool calls, whatever their types."""
        return len(self.text or "") + sum(len(str(n or "")) + len(str(a or "")) for n, a in self.calls)

    @property
    def hash(self) -> str:
        """The message's canonical hash; ``""`` (which no node has) for a message that
        cannot be canonicalised (tool calls that are not objects, unencodable text):
        such a message matches no literal node, a miss rather than an error."""
        if self._hash is None:
            try:
                self._hash = message_hash(self.message)
            except (AttributeError, TypeError, ValueError, UnicodeError):
                self._hash = ""
        return self._hash


def _parse(arguments: Any) -> Any:
    if isinstance(arguments, str):
        try:
            return orjson.loads(arguments)
        except orjson.JSONDecodeError:
            return _UNSET
    return arguments if isinstance(arguments, (dict, list)) else _UNSET


# JSONMatcher kinds (small ints: compared on every leaf).
_LIT: Final = 0  # a literal compared with same_json
_SCALAR: Final = 1  # a literal string, number, boolean or null: same type and equal
_VAR: Final = 2  # {"$v": var}
_TEXT: Final = 3  # {"$t": parts}
_DICT: Final = 4
_LIST: Final = 5


class JSONMatcher:
    """A JSON template compiled for matching (``$t`` leaves hold their text matchers).

    An object's keys are ``value`` (a frozenset) and its entries flat tuples
    ``(key, kind, a, b)``: a literal scalar is ``(key, _SCALAR, value, type)``, a ``$v``
    leaf ``(key, _VAR, var, None)``, a ``$t`` leaf ``(key, _TEXT, text matcher, None)``,
    anything else ``(key, kind, matcher, None)``, so the common leaves are tested inline,
    without an object or a call each.
    """

    __slots__ = ("items", "kind", "type", "value")

    def __init__(self, tpl: JSONValue, pool: MatcherPool | None = None) -> None:
        m = marker(tpl)
        self.value: Any = None
        self.type: type = type(None)
        self.items: tuple[tuple[str, int, Any, Any], ...] = ()
        if m == "$v":
            self.kind, self.value = _VAR, intern(tpl["$v"])
        elif m == "$t":
            self.kind, self.value = _TEXT, shared_text(json_text_template(tpl["$t"]), pool.texts if pool else None)
        elif m == "$lit" or not isinstance(tpl, (dict, list)):
            self.value = tpl["$lit"] if m == "$lit" else tpl
            self.kind = _LIT if isinstance(self.value, (dict, list)) else _SCALAR
        elif isinstance(tpl, dict):
            self.kind = _DICT
            items: list[tuple[str, int, Any, Any]] = []
            for k, v in tpl.items():
                sub = JSONMatcher(v, pool)
                if sub.kind == _SCALAR:
                    item: tuple[str, int, Any, Any] = (intern(k), _SCALAR, sub.value, sub.type)
                elif sub.kind in (_VAR, _TEXT):
                    item = (intern(k), sub.kind, sub.value, None)
                else:
                    item = (intern(k), sub.kind, sub, None)
                items.append(item)
            self.items = tuple(items)
            self.value = frozenset(k for k, *_ in items)
        else:
            self.kind, self.value = _LIST, [JSONMatcher(v, pool) for v in tpl]
        self.type = type(self.value)

    def compile(self) -> None:
        """Compile the patterns of the ``$t`` leaves now."""
        if self.kind == _TEXT:
            self.value.compile()
        elif self.kind == _LIST:
            for m in self.value:
                m.compile()
        for _, kind, a, _ in self.items:
            if kind in (_TEXT, _DICT, _LIST):
                a.compile()

    def match(self, value: Any, scope: Scope, out: dict[str, Any]) -> bool:
        """Whether ``value`` fits; new bindings are added to ``out``."""
        kind = self.kind
        if kind == _DICT:
            # The keys first: no leaf is tested (or raises) for an object of other keys.
            if type(value) is not dict or value.keys() != self.value:
                return False
            for k, mk, a, b in self.items:
                v = value[k]
                if mk == _SCALAR:  # same JSON type and equal
                    if type(v) is not b or v != a:
                        return False
                elif mk == _VAR:  # _bind_var, inlined
                    if not isinstance(v, _SCALARS):
                        return False
                    if a in scope:
                        seen = scope[a]
                    elif a in out:
                        seen = out[a]
                    else:
                        out[a] = v
                        continue
                    if type(seen) is not type(v) or seen != v:
                        return False
                elif mk == _TEXT:
                    if type(v) is not str:
                        return False
                    if type(scope) is dict and scope and scope.keys() >= a.vars:
                        # _match_text_leaf's first case, inlined (every variable in scope)
                        if not ((v.isascii() or _encodes(v)) and a.render(scope) == v):
                            return False
                    elif not _match_text_leaf(a, v, scope, out):
                        return False
                elif not a.match(v, scope, out):
                    return False
            return True
        if kind == _SCALAR:
            return type(value) is self.type and bool(value == self.value)
        if kind == _VAR:
            return _bind_var(self.value, value, scope, out)
        if kind == _TEXT:
            return type(value) is str and _match_text_leaf(self.value, value, scope, out)
        if kind == _LIT:
            return same_json(self.value, value)
        if type(value) is not list or len(value) != len(self.value):
            return False
        for m, v in zip(self.value, value, strict=True):  # noqa: SIM110 (hot path)
            if not m.match(v, scope, out):
                return False
        return True


def _bind_var(var: str, value: Any, scope: Scope, out: dict[str, Any]) -> bool:
    """A ``$v`` leaf: a scalar, equal (and of the same JSON type) to the value bound, if any."""
    if not isinstance(value, _SCALARS):
        return False
    if var in scope:
        seen = scope[var]
    elif var in out:
        seen = out[var]
    else:
        out[var] = value
        return True
    # same_json on a scalar: a list or dict is never of the scalar's type.
    return type(seen) is type(value) and bool(seen == value)


def _match_text_leaf(tm: TextMatcher, value: str, scope: Scope, out: dict[str, Any]) -> bool:
    """A ``$t`` leaf: the text template against the string."""
    if scope and (scope.keys() >= tm.vars if type(scope) is dict else tm.known(scope)):
        # Every variable is in scope (so none is in ``out``, which only holds new ones):
        # the string must be the template rendered. This is what TextMatcher.match
        # answers (in the same order: a string that cannot be encoded is no match before
        # anything is rendered), without encoding the string except to check that it can be.
        return (value.isascii() or _encodes(value)) and tm.render(scope) == value
    got = tm.match(value, ChainMap(out, scope) if out else scope)  # type: ignore[arg-type]
    if got is None:
        return False
    out.update(got)
    return True


def _encodes(text: str) -> bool:
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return True


class MessageMatcher:
    """A message template compiled for matching."""

    __slots__ = ("calls", "content", "name", "role", "template")

    def __init__(self, template: MessageTemplate, pool: MatcherPool | None = None) -> None:
        """``pool``: parts shared with other templates (see :class:`MatcherPool`)."""
        self.template = template
        self.role = intern(template.role)
        self.name = intern(template.name) if template.name else None
        content = template.content
        self.content = shared_text(content, pool.texts if pool else None) \
            if content is not None and content.parts else None
        self.calls = [(intern(c.name), JSONMatcher(c.arguments, pool)) for c in template.tool_calls]

    def compile(self) -> None:
        """Compile the text matchers' patterns now (content and ``$t`` leaves)."""
        if self.content is not None:
            self.content.compile()
        for _, args in self.calls:
            args.compile()

    def match(self, view: MessageView, scope: Scope) -> dict[str, Any] | None:
        """New bindings read off the message (variables not in ``scope``), or None."""
        if not view.templatable or view.role != self.role or view.name != self.name:
            return None
        if len(view.calls) != len(self.calls):
            return None
        for (name, _), (got, _) in zip(self.calls, view.calls, strict=True):
            if got != name:
                return None
        return self.match_grouped(view, scope)

    def match_grouped(self, view: MessageView, scope: Scope) -> dict[str, Any] | None:
        """:meth:`match` for a templatable message with this template's role, name and
        tool-call names (what ``tree_index`` groups siblings by), which it does not test again."""
        out: dict[str, Any] | None
        if self.content is None:
            if view.text is not None:
                return None
            out = {}
        else:
            data = view._data
            if data is _UNSET:  # (view.data, inlined: once per message)
                try:
                    data = view.text.encode() if view.text is not None else None
                except UnicodeEncodeError:
                    data = None
                view._data = data
            if data is None:
                return None
            out = self.content.match_bytes(data, scope, view.text)  # a fresh dict from the matcher
            if out is None:
                return None
        calls = self.calls
        if calls:
            parsed = view._args  # each call's parsed arguments (_UNSET: not JSON), once per message
            if parsed is None:
                vc = view.calls
                parsed = view._args = [_parse(vc[0][1])] if len(vc) == 1 else [_parse(a) for _, a in vc]
            if len(calls) == 1:  # the usual single call, without a zip (hot path)
                value = parsed[0]
                if value is _UNSET or not calls[0][1].match(value, scope, out):
                    return None
                return out
            for (_, args), value in zip(calls, parsed, strict=True):
                if value is _UNSET or not args.match(value, scope, out):
                    return None
        return out


class MatcherPool:
    """Matchers shared by equal templates of one tree (see :func:`~induction.runtime.matcher.shared_text`).

    Message templates without tool calls are shared whole (role, name and text template
    are hashable); those with tool calls have their own (JSON arguments are not), with
    their ``$t`` leaves shared. Fewer objects for a lookup to touch: the shared ones stay
    in the CPU's caches.
    """

    __slots__ = ("messages", "texts")

    def __init__(self) -> None:
        self.texts: TextMatchers = {}
        self.messages: dict[tuple[str, str | None, TextTemplate | None], MessageMatcher] = {}

    def message(self, template: MessageTemplate) -> MessageMatcher:
        if template.tool_calls:
            return MessageMatcher(template, self)
        key = (template.role, template.name, template.content)
        m = self.messages.get(key)
        if m is None:
            m = self.messages[key] = MessageMatcher(template, self)  # racing threads at worst build two
        return m


def match_json(template: JSONValue, value: JSONValue, scope: Scope) -> dict[str, Any] | None:
    """New bindings read off a parsed JSON value by a JSON template, or None.

    >>> match_json({"id": {"$v": "id"}, "tags": ["x", {"$v": "t"}]}, {"id": 7, "tags": ["x", "y"]}, {})
    {'id': 7, 't': 'y'}
    """
    out: dict[str, Any] = {}
    return out if JSONMatcher(template).match(value, scope, out) else None


def match_message(template: MessageTemplate, message: Mapping[str, Any], scope: Scope) -> dict[str, Any] | None:
    """New bindings read off one OpenAI message dict by one message template, or None."""
    return MessageMatcher(template).match(MessageView(message), scope)
