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
from induction.runtime.matcher import TextMatcher
from induction.runtime.template import JSONValue, MessageTemplate, Scope, json_text_template, marker

_UNSET: Final = object()
_SCALARS: Final = (str, int, float, bool, type(None))


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


class MessageView:
    """One request message as the matcher reads it; each field is computed at most once."""

    __slots__ = ("_args", "_data", "_hash", "calls", "key", "message", "name", "role", "templatable",
                 "text", "text_only")

    def __init__(self, message: Mapping[str, Any]) -> None:
        self.message = message
        role = message.get("role")
        self.role = role if type(role) is str else None
        content = message.get("content")
        if type(content) is not str and content is not None:
            content = canonical_content(content)
        self.text_only = content is None or type(content) is str
        self.text: str | None = content or None if self.text_only else None
        name = message.get("name")
        self.name: str | None = name if type(name) is str and name else None
        self.calls: list[tuple[Any, Any]] = []
        self.templatable = self.role is not None and self.text_only and not message.get("function_call")
        calls = message.get("tool_calls")
        if calls:
            if type(calls) is not list:
                self.templatable = False
            else:
                for c in calls:
                    fn = c.get("function") if type(c) is dict or isinstance(c, Mapping) else None
                    if type(fn) is not dict and not isinstance(fn, Mapping):
                        self.templatable = False
                        break
                    self.calls.append((fn.get("name"), fn.get("arguments")))
        # What templated siblings are grouped by (see ``tree_index``).
        self.key = (self.role or "", self.name, tuple(n for n, _ in self.calls))
        self._data: Any = _UNSET
        self._hash: str | None = None
        self._args: list[Any] | None = None

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

    @property
    def hash(self) -> str:
        if self._hash is None:
            self._hash = message_hash(self.message)
        return self._hash

    @property
    def size(self) -> int:
        """Characters of text content and tool calls (what token estimates count)."""
        return len(self.text or "") + sum(len(str(n or "")) + len(str(a or "")) for n, a in self.calls)

    def args(self, i: int) -> Any:
        """Parsed arguments of tool call ``i`` (``_UNSET`` if not valid JSON)."""
        if self._args is None:
            self._args = [_parse(a) for _, a in self.calls]
        return self._args[i]


def _parse(arguments: Any) -> Any:
    if isinstance(arguments, str):
        try:
            return orjson.loads(arguments)
        except orjson.JSONDecodeError:
            return _UNSET
    return arguments if isinstance(arguments, (dict, list)) else _UNSET


class JSONMatcher:
    """A JSON template compiled for matching (``$t`` leaves hold their text matchers)."""

    __slots__ = ("kind", "value")

    def __init__(self, tpl: JSONValue) -> None:
        m = marker(tpl)
        self.value: Any
        if m == "$v":
            self.kind, self.value = "v", tpl["$v"]
        elif m == "$t":
            self.kind, self.value = "t", TextMatcher(json_text_template(tpl["$t"]))
        elif m == "$lit":
            self.kind, self.value = "lit", tpl["$lit"]
        elif isinstance(tpl, dict):
            self.kind, self.value = "dict", {k: JSONMatcher(v) for k, v in tpl.items()}
        elif isinstance(tpl, list):
            self.kind, self.value = "list", [JSONMatcher(v) for v in tpl]
        else:
            self.kind, self.value = "lit", tpl

    def match(self, value: Any, scope: Scope, out: dict[str, Any]) -> bool:
        """Whether ``value`` fits; new bindings are added to ``out``."""
        kind = self.kind
        if kind == "lit":
            return same_json(self.value, value)
        if kind == "v":
            if not isinstance(value, _SCALARS):
                return False
            var = self.value
            if var in scope:
                return same_json(scope[var], value)
            if var in out:
                return same_json(out[var], value)
            out[var] = value
            return True
        if kind == "t":
            if type(value) is not str:
                return False
            got = self.value.match(value, ChainMap(out, scope) if out else scope)  # type: ignore[arg-type]
            if got is None:
                return False
            out.update(got)
            return True
        if kind == "dict":
            if type(value) is not dict or value.keys() != self.value.keys():
                return False
            for k, m in self.value.items():
                v = value[k]
                # Inline the common leaves: literal scalars and whole-value variables.
                if m.kind == "lit" and type(v) is type(m.value) and not isinstance(v, (dict, list)):
                    if v != m.value:
                        return False
                elif not m.match(v, scope, out):
                    return False
            return True
        if type(value) is not list or len(value) != len(self.value):
            return False
        for m, v in zip(self.value, value, strict=True):  # noqa: SIM110 (hot path)
            if not m.match(v, scope, out):
                return False
        return True


class MessageMatcher:
    """A message template compiled for matching."""

    __slots__ = ("calls", "content", "name", "role", "template")

    def __init__(self, template: MessageTemplate) -> None:
        self.template = template
        self.role = template.role
        self.name = template.name or None
        content = template.content
        self.content = TextMatcher(content) if content is not None and content.parts else None
        self.calls = [(c.name, JSONMatcher(c.arguments)) for c in template.tool_calls]

    def match(self, view: MessageView, scope: Scope) -> dict[str, Any] | None:
        """New bindings read off the message (variables not in ``scope``), or None."""
        if not view.templatable or view.role != self.role or view.name != self.name:
            return None
        if len(view.calls) != len(self.calls):
            return None
        out: dict[str, Any]
        if self.content is None:
            if view.text is not None:
                return None
            out = {}
        else:
            data = view.data
            if data is None:
                return None
            got = self.content.match_bytes(data, scope, view.text)
            if got is None:
                return None
            out = got  # a fresh dict from the matcher
        for i, (name, args) in enumerate(self.calls):
            if view.calls[i][0] != name:
                return None
            value = view.args(i)
            if value is _UNSET or not args.match(value, scope, out):
                return None
        return out


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
