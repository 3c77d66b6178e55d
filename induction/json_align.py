"""Structural alignment of JSON texts (tool results): leaf by leaf, by position in the document.

A word-by-word alignment of two tool results finds their longest common token sequence,
which is not their common *structure*: when the first deploy of a list is ``"failed"`` in
one result and ``"succeeded"`` in another, the word aligner happily matches ``"succeeded"``
with the *second* deploy's state and swallows a whole object into one gap. Tool results of
one shape (the same keys in the same order, lists of the same length) align exactly by
position instead: what differs is a leaf, never a piece of structure.

- objects with the same keys in the same order, lists of one length: aligned child by child;
- lists whose lengths differ between members (search results, a page of items): the first
  items aligned, the rest of each list one gap (``induction.rules.unused_prose.whole_list``
  weighs it); with an empty list among them, each whole list is one gap;
- a string leaf that differs: its body is aligned word by word as any text is (``req_{id}``
  keeps its literal ``req_``), except a timestamp (ISO 8601, RFC 2822, syslog, Apache), one
  value whose pieces (a weekday, a month) are not words of an instruction;
- any other differing leaf (a number, ``null`` against a string): one gap, its raw text.

Objects whose keys differ are not one structure: ``align_json`` gives None and the caller
falls back to the word aligner. Whitespace and escapes stay as written: joined, the parts
and each member's values give its text back.

>>> a = align_json(['{"id": "dep-1", "state": "failed"}', '{"id": "dep-2", "state": "ok"}'])
>>> a.parts, a.values
(['{"id": "dep-', 0, '", "state": "', 1, '"}'], [['1', '2'], ['failed', 'ok']])
>>> align_json(['{"items": [1]}', '{"items": [3, 2]}']).values
[['1', '3'], [']', ', 2]']]
>>> align_json(['{"items": []}', '{"items": [1, 2]}']).values
[['[]', '[1, 2]']]
>>> align_json(['{"a": 1}', '{"b": 1}']) is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.utils import parsedate_tz

from induction.align import Aligned, align
from induction.tokens import NUMBER_JOINERS, recognise

MAX_DEPTH = 64  # deeper documents are left to the word aligner (no recursion limit to hit)

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null")
_WS = re.compile(r"\s*")


@dataclass(slots=True)
class Node:
    """One JSON value of a text: its kind (``obj``, ``arr``, ``str``, ``scalar``), its span
    ``[start, end)`` and, for containers, its children's values (keys stay in the glue)."""

    kind: str
    start: int
    end: int
    children: list[Node] = field(default_factory=list)


class _Malformed(ValueError):
    pass


def parse(text: str) -> Node | None:
    """The value tree of a JSON text with spans, or None if it is not one JSON object or
    list (or nests deeper than ``MAX_DEPTH``).

    >>> n = parse('{"a": [1, "x"]}')
    >>> n.kind, [c.kind for c in n.children[0].children], n.children[0].start
    ('obj', ['scalar', 'str'], 6)
    """
    i = _WS.match(text).end()  # type: ignore[union-attr]
    if text[i:i + 1] not in ("{", "["):
        return None
    try:
        node, j = _value(text, i, 0)
    except (_Malformed, IndexError):
        return None
    if _WS.match(text, j).end() != len(text):  # type: ignore[union-attr]
        return None
    return node


def _value(s: str, i: int, depth: int) -> tuple[Node, int]:
    c = s[i]
    if c in "{[":
        if depth >= MAX_DEPTH:
            raise _Malformed("too deep")
        close = "}" if c == "{" else "]"
        node = Node("obj" if c == "{" else "arr", i, i)
        i = _WS.match(s, i + 1).end()  # type: ignore[union-attr]
        if s[i] == close:
            node.end = i + 1
            return node, i + 1
        while True:
            if c == "{":
                m = _STRING.match(s, i)
                if m is None:
                    raise _Malformed("key")
                i = _WS.match(s, m.end()).end()  # type: ignore[union-attr]
                if s[i] != ":":
                    raise _Malformed("colon")
                i = _WS.match(s, i + 1).end()  # type: ignore[union-attr]
            child, i = _value(s, i, depth + 1)
            node.children.append(child)
            i = _WS.match(s, i).end()  # type: ignore[union-attr]
            if s[i] == ",":
                i = _WS.match(s, i + 1).end()  # type: ignore[union-attr]
                continue
            if s[i] != close:
                raise _Malformed("separator")
            node.end = i + 1
            return node, i + 1
    if c == '"':
        m = _STRING.match(s, i)
        if m is None:
            raise _Malformed("string")
        return Node("str", i, m.end()), m.end()
    m = _SCALAR.match(s, i)
    if m is None:
        raise _Malformed("scalar")
    return Node("scalar", i, m.end()), m.end()


_SYSLOG = re.compile(r"[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2}")
_APACHE = re.compile(r"\[?\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\]?")


def is_timestamp(value: str) -> bool:
    """Whether a whole value is a point in time as APIs and logs write one: ISO 8601, RFC 2822
    (e-mail, HTTP dates), syslog or Apache. A weekday or a month name in it is part of one
    value, not a word of an instruction.

    >>> [is_timestamp(v) for v in ("Thu, 05 Nov 2026 00:05:37 +0000", "Nov  5 00:05:23",
    ...                            "[22/Nov/2026:18:35:46 +0000]", "2026-11-05T00:05:49.806Z", "Thu", "5 Nov")]
    [True, True, True, True, False, False]
    """
    if recognise(value) == "timestamp" or _SYSLOG.fullmatch(value) or _APACHE.fullmatch(value):
        return True
    # RFC 2822 needs a time: "5 Nov" alone is a date a decision may be made on.
    return ":" in value and any(c.isalpha() for c in value) and parsedate_tz(value) is not None


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str | int] = []
        self.values: list[list[str]] = []
        self.paths: list[str] = []

    def lit(self, text: str) -> None:
        if not text:
            return
        if self.parts and isinstance(self.parts[-1], str):
            self.parts[-1] += text
        else:
            self.parts.append(text)

    def mark(self) -> tuple[int, int, str | None]:
        return len(self.parts), len(self.values), self.parts[-1] if self.parts and isinstance(self.parts[-1], str) else None

    def reset(self, mark: tuple[int, int, str | None]) -> None:
        """Back to ``mark``: what an alignment that failed half-way wrote is undone."""
        n_parts, n_values, last = mark
        del self.parts[n_parts:], self.values[n_values:], self.paths[n_values:]
        if last is not None:
            self.parts[-1] = last

    def gap(self, values: list[str], path: str) -> None:
        self.parts.append(len(self.values))
        self.values.append(values)
        self.paths.append(path)

    def aligned(self, a: Aligned, path: str) -> None:
        """A string body aligned inside: each piece's path is the leaf's and the literal
        text of the string before it (``$.id|dep-``)."""
        base, inside = len(self.values), ""
        for p in a.parts:
            if isinstance(p, str):
                self.lit(p)
                inside += p
            else:
                self.parts.append(base + p)
                self.paths.append(f"{path}|{inside[-12:]}" if inside else path)
        self.values.extend(a.values)


def align_json(texts: list[str], *, whole_strings: bool = False) -> Aligned | None:
    """Align JSON texts by structure (see the module docstring); None if any is not a JSON
    object or list, or their objects' keys differ. ``whole_strings``: a differing string
    leaf is one gap, never aligned inside.

    >>> align_json(['{"t": "req_a1"}', '{"t": "req_b2"}']).parts
    ['{"t": "req_', 0, '"}']
    >>> align_json(['{"t": "req_a1"}', '{"t": "req_b2"}'], whole_strings=True).parts
    ['{"t": "', 0, '"}']
    """
    found = align_json_paths(texts, whole_strings=whole_strings)
    return None if found is None else found[0]


# A field of an item of a list (``$.jobs[2].status``: the list, the item, the field), and the
# steps of a path (``.jobs`` a key, ``[2]`` an index). A piece of a string has ``|`` after it.
_ITEM_FIELD = re.compile(r"^(.*)\[(\d+)\](\.[^\[\]|]+)$")
_STEP = re.compile(r"\.([^.\[\]|]+)|\[(\d+)\]")


def item_path(path: str) -> tuple[str, int, str] | None:
    """The list, the item's index and the field (with its dot, as the path writes it) of a path
    to a field of a list item, if it is one.

    >>> item_path("$.jobs[2].status"), item_path("$.jobs[1:]"), item_path("$.a[0].b|x-")
    (('$.jobs', 2, '.status'), None, None)
    """
    m = _ITEM_FIELD.match(path)
    return None if m is None else (m.group(1), int(m.group(2)), m.group(3))


def path_steps(path: str) -> list[str | int]:
    """The keys and indexes of a path from the document's root (``$``).

    >>> path_steps("$.data.jobs[2]")
    ['data', 'jobs', 2]
    """
    return [key if key else int(idx) for key, idx in _STEP.findall(path)]


def align_json_paths(texts: list[str], *, whole_strings: bool = False) -> tuple[Aligned, list[str]] | None:
    """``align_json`` and each gap's place in the documents: its JSON path, and for a piece
    of a string the literal text before it in the string. The path names a value the same
    way in any cluster of these results, whatever the text around it happens to share.

    >>> align_json_paths(['{"a": [{"id": "x-1"}]}', '{"a": [{"id": "x-2"}]}'])[1]
    ['$.a[0].id|x-']
    """
    nodes = [parse(t) for t in texts]
    if any(n is None for n in nodes):
        return None
    out = _Builder()
    if not _walk([n for n in nodes if n is not None], texts, out, whole_strings, "$"):
        return None
    return Aligned(parts=out.parts, values=out.values), out.paths


_KEY = re.compile(r'"((?:[^"\\]|\\.)*)"\s*:\s*\Z')


def _walk(nodes: list[Node], texts: list[str], out: _Builder, whole_strings: bool, path: str) -> bool:
    raws = [t[n.start:n.end] for n, t in zip(nodes, texts, strict=True)]
    if all(r == raws[0] for r in raws):
        out.lit(raws[0])
        return True
    kinds = {n.kind for n in nodes}
    if len(kinds) == 1 and kinds <= {"obj", "arr"}:
        if len({len(n.children) for n in nodes}) > 1:
            if kinds == {"arr"}:
                if not _head_and_tail(nodes, texts, out, whole_strings, path):
                    out.gap(raws, path)  # lists of different lengths: the whole list is one value
                return True
            return False  # objects with different keys: not one structure
        glues = [_glue(n, t) for n, t in zip(nodes, texts, strict=True)]
        if any(g != glues[0] for g in glues):
            # Same number of children but other keys or formatting: for a list, the items
            # are what differ (one gap); for an object, another structure.
            if kinds == {"arr"}:
                out.gap(raws, path)
                return True
            return False
        for k, glue in enumerate(glues[0]):
            out.lit(glue)
            if k < len(nodes[0].children):
                key = _KEY.search(glue) if kinds == {"obj"} else None
                sub = f"{path}.{key.group(1)}" if key else f"{path}[{k}]"
                if not _walk([n.children[k] for n in nodes], texts, out, whole_strings, sub):
                    return False
        return True
    if kinds == {"str"}:
        bodies = [r[1:-1] for r in raws]
        if any(b == "" for b in bodies):
            out.gap(raws, path)  # an empty string against text: the whole leaf, quotes included
            return True
        out.lit('"')
        if whole_strings or all(is_timestamp(b) for b in bodies):
            a = None
        elif any(c.isspace() for b in bodies for c in b):
            a = align(bodies)  # text: aligned word by word, as any message is
        else:
            a = affixes(bodies)  # one token (an id, a version, a path): one value
        if a is None:
            out.gap(bodies, path)
        else:
            out.aligned(a, path)
        out.lit('"')
        return True
    out.gap(raws, path)  # numbers, or leaves of different types (null against a string)
    return True


def affixes(values: list[str]) -> Aligned:
    """One-token values (no whitespace) as one gap between the literal prefix and suffix they
    all share, cut only where a letter or digit meets another character: ``req_`` of
    request ids and ``LO-`` of order ids stay literal, but ``v3.6.8`` and ``v1.5.6`` are two
    whole versions, not a ``v``, a count and a level.

    >>> affixes(["req_b38a", "req_d19f"]).parts, affixes(["LO-123456", "LO-129999"]).parts
    (['req_', 0], ['LO-', 0])
    >>> affixes(["v3.6.8", "v1.5.6"]).parts, affixes(["us-east-1", "eu-west-1"]).parts
    ([0], [0, '-1'])
    >>> affixes(["2026-05-10", "2026-04-20"]).parts, affixes(["A-2026-05", "A-2026-04"]).parts
    ([0], ['A-', 0])
    """
    if all(recognise(v) is not None for v in values):
        return Aligned(parts=[0], values=[list(values)])  # a date, a number, an email: whole
    first = values[0]
    pre = len(first)
    for v in values[1:]:
        k = 0
        while k < pre and k < len(v) and v[k] == first[k]:
            k += 1
        pre = k
    # Never inside a word or a number: "2026-" of "2026-05-10" would leave "05-10", no date.
    while pre and (first[pre - 1].isalnum() or (first[pre - 1] in NUMBER_JOINERS and first[pre - 2:pre - 1].isdigit()
                                                 and all(v[pre:pre + 1].isdigit() for v in values))):
        pre -= 1
    rest = [v[pre:] for v in values]
    r0 = rest[0]
    suf = min(len(r) for r in rest)
    for r in rest[1:]:
        k = 0
        while k < suf and r[len(r) - 1 - k] == r0[len(r0) - 1 - k]:
            k += 1
        suf = k
    while suf and (r0[len(r0) - suf].isalnum()
                   or (r0[len(r0) - suf] in NUMBER_JOINERS and r0[len(r0) - suf + 1:len(r0) - suf + 2].isdigit()
                       and any(r[len(r) - suf - 1:len(r) - suf].isdigit() for r in rest))):
        suf -= 1
    if any(len(r) == suf for r in rest):
        # A value would be empty: keep the whole value (a shorter id is not a missing one).
        pre, suf, rest = 0, 0, list(values)
    parts: list[str | int] = ([first[:pre]] if pre else []) + [0] + ([r0[len(r0) - suf:]] if suf else [])
    return Aligned(parts=parts, values=[[r[:len(r) - suf] if suf else r for r in rest]])


def _head_and_tail(nodes: list[Node], texts: list[str], out: _Builder, whole_strings: bool, path: str) -> bool:
    """Lists of different lengths, none empty: the first item aligned as any value (search
    results sorted by what the agent wants: it takes the first), the rest of each list one
    gap, its closing bracket included (``path[1:]``: ``]`` for a list of one). None of it is
    the agent's business to read unless the runs show it: ``whole_list`` weighs the rest."""
    if any(not n.children for n in nodes):
        return False  # an empty list is its own structure
    opens = {t[n.start:n.children[0].start] for n, t in zip(nodes, texts, strict=True)}
    if len(opens) > 1:
        return False
    mark = out.mark()
    out.lit(opens.pop())
    if not _walk([n.children[0] for n in nodes], texts, out, whole_strings, f"{path}[0]"):
        out.reset(mark)
        return False
    out.gap([t[n.children[0].end:n.end] for n, t in zip(nodes, texts, strict=True)], f"{path}[1:]")
    return True


def _glue(node: Node, text: str) -> list[str]:
    """The literal text around a container's children: brackets, keys, commas, whitespace."""
    out: list[str] = []
    at = node.start
    for child in node.children:
        out.append(text[at:child.start])
        at = child.end
    out.append(text[at:node.end])
    return out
