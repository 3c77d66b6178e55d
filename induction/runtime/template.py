"""Templates: messages with ``{{variable}}`` slots, as plain typed values.

A **text template** is a sequence of parts, each a literal string or a
:class:`Slot`. Tool-call arguments are a **JSON template**: the parsed JSON
value in which any leaf may be replaced by

- ``{"$v": "var"}``: the whole leaf is the variable, keeping its JSON type
  (a number variable renders as a JSON number), or
- ``{"$t": [parts]}``: a string leaf that is a text template
  (a string inside a longer string renders inside it).

A literal object whose only key is ``$v``, ``$t`` or ``$lit`` is escaped as
``{"$lit": value}``. Tool-call ids are never part of a template.

>>> t = TextTemplate(parts=("Say hello to ", Slot(var="name"), "."))
>>> t.render({"name": "Zed"})
'Say hello to Zed.'
>>> str(t)
'Say hello to {{name}}.'
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

# What a slot may match. Typed kinds disambiguate adjacent slots and keep a
# slot from swallowing structure; "text" is any non-empty string.
SlotKind = Literal[
    "text",  # any non-empty text (no newline unless multiline)
    "multiline",  # any non-empty text, newlines included
    "word",  # [^\s]+
    "ident",  # [A-Za-z0-9_.-]+
    "digits",  # [0-9]+
    "number",  # -?digits(.digits)? with optional thousands separators
    "email",
    "date",  # ISO-8601 date or datetime
    "uuid",
]

JSONValue = Any  # str | int | float | bool | None | list | dict
Scope = Mapping[str, JSONValue]

MARKERS = ("$v", "$t", "$lit")


class Slot(BaseModel):
    model_config = ConfigDict(frozen=True)

    var: str
    kind: SlotKind = "text"
    # Characters a value may not hold (induction lists the structural ones no example's
    # value had: a quote, a brace, a comma...). A split that puts one in this slot is a
    # miss: the slot would be swallowing structure (JSON, a list) it was never shown.
    refuse: str = ""
    # Likewise whole phrases no example's value held: the literal that follows the slot
    # (a value holding it would have swallowed a repeat of the template's own structure),
    # " and ", ". " (two items, two sentences, where every example had one).
    refuse_text: tuple[str, ...] = ()
    # A slot at the very start (end) of its message, or after (before) whitespace, has no
    # punctuation on that side to stop it: a value may begin (end) only with a letter or
    # digit or one of these characters (the ones its examples began or ended with).
    # None: no check on that side.
    edge_start: str | None = None
    edge_end: str | None = None

    def __str__(self) -> str:
        return "{{" + self.var + ("" if self.kind == "text" else ":" + self.kind) + "}}"


def render_value(value: JSONValue) -> str:
    """How a variable's value is written inside text: strings as-is, other JSON
    values in their JSON spelling (``True`` -> ``true``, ``1250.0`` -> ``1250.0``)."""
    if isinstance(value, str):
        return value
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    import orjson

    return orjson.dumps(value).decode()


class TextTemplate(BaseModel):
    model_config = ConfigDict(frozen=True)

    parts: tuple[str | Slot, ...]

    @classmethod
    def literal(cls, text: str) -> TextTemplate:
        return cls(parts=(text,) if text else ())

    @property
    def slots(self) -> tuple[Slot, ...]:
        return tuple(p for p in self.parts if isinstance(p, Slot))

    @property
    def is_literal(self) -> bool:
        return not self.slots

    def render(self, scope: Scope) -> str:
        return "".join([p if isinstance(p, str) else render_value(scope[p.var]) for p in self.parts])  # (a list joins faster)

    def __str__(self) -> str:
        return "".join(p if isinstance(p, str) else str(p) for p in self.parts)


class ToolCallTemplate(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    arguments: JSONValue  # a JSON template (see module docstring)


class MessageTemplate(BaseModel):
    """A message with slots. ``content`` None means the message has no text content."""

    model_config = ConfigDict(frozen=True)

    role: str
    content: TextTemplate | None = None
    name: str | None = None
    tool_calls: tuple[ToolCallTemplate, ...] = ()

    def variables(self) -> list[str]:
        """Variables in order of first occurrence (content first, then tool calls)."""
        seen: dict[str, None] = {}
        if self.content is not None:
            for s in self.content.slots:
                seen.setdefault(s.var)
        for call in self.tool_calls:
            for v in json_template_vars(call.arguments):
                seen.setdefault(v)
        return list(seen)

    @property
    def is_literal(self) -> bool:
        return not self.variables()


def json_template_vars(tpl: JSONValue) -> Iterator[str]:
    """Variables of a JSON template, depth first."""
    if isinstance(tpl, dict):
        if len(tpl) == 1 and "$v" in tpl:
            yield tpl["$v"]
        elif len(tpl) == 1 and "$t" in tpl:
            for p in tpl["$t"]:
                if isinstance(p, dict):
                    yield p["var"]
                elif isinstance(p, Slot):
                    yield p.var
        elif len(tpl) == 1 and "$lit" in tpl:
            return
        else:
            for v in tpl.values():
                yield from json_template_vars(v)
    elif isinstance(tpl, list):
        for v in tpl:
            yield from json_template_vars(v)


def escape_json_literal(value: JSONValue) -> JSONValue:
    """Make a literal JSON value safe to embed in a JSON template."""
    if isinstance(value, dict):
        if len(value) == 1 and next(iter(value)) in MARKERS:
            return {"$lit": value}
        return {k: escape_json_literal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [escape_json_literal(v) for v in value]
    return value


def json_text_template(parts: Any) -> TextTemplate:
    """The text template of a ``{"$t": parts}`` leaf (parts are strings or ``{"var", "kind"}``).

    >>> str(json_text_template(["id-", {"var": "n", "kind": "digits"}]))
    'id-{{n:digits}}'
    """
    out: list[str | Slot] = []
    for p in parts:
        if isinstance(p, (str, Slot)):
            out.append(p)
        elif isinstance(p, Mapping) and isinstance(p.get("var"), str):
            out.append(Slot(var=p["var"], kind=p.get("kind", "text")))
        else:
            raise ValueError(f"not a text-template part: {p!r}")
    return TextTemplate(parts=tuple(out))


def marker(tpl: JSONValue) -> str | None:
    """``"$v"``, ``"$t"`` or ``"$lit"`` if ``tpl`` is a marker object, else None."""
    if isinstance(tpl, dict) and len(tpl) == 1:
        key = next(iter(tpl))
        if key in MARKERS:
            return str(key)
    return None


def render_json(tpl: JSONValue, scope: Scope) -> JSONValue:
    """Fill a JSON template; ``$v`` leaves keep their variable's JSON type.

    >>> render_json({"n": {"$v": "n"}, "path": {"$t": ["/data/", {"var": "n"}]}}, {"n": 3})
    {'n': 3, 'path': '/data/3'}
    """
    m = marker(tpl)
    if m == "$v":
        return scope[tpl["$v"]]
    if m == "$t":
        return json_text_template(tpl["$t"]).render(scope)
    if m == "$lit":
        return tpl["$lit"]
    if isinstance(tpl, dict):
        return {k: render_json(v, scope) for k, v in tpl.items()}
    if isinstance(tpl, list):
        return [render_json(v, scope) for v in tpl]
    return tpl
