"""Identifier: which spans of a cluster's messages are dynamic, and which are structure.

The main evidence is comparison across runs: the messages of one cluster (same
role, same tool names and argument keys) are aligned and whatever differs is a
**gap**. Tool-call arguments are compared as JSON, leaf by leaf; a string leaf
that differs only in part keeps its literal text around the gap.

A gap records where it is, the text just before it (for the Namer) and every
member's value. A single message (a cluster of one) has no gaps unless the user
declared bindings for it (``Rote-Bindings``): one run cannot show what varies.

>>> msgs = [{"role": "user", "content": f"Email {n} now."} for n in ("a@x.io", "b@y.org")]
>>> sk = identify(msgs)
>>> sk.content, [g.values for g in sk.gaps]
(['Email ', 0, ' now.'], [['a@x.io', 'b@y.org']])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import orjson

from induction.align import align
from induction.hashing import canonical_content
from induction.json_align import align_json_paths
from induction.line_blocks import align_blocks
from induction.tokens import NUM_HEAD, NUM_TAIL, json_tokenize, json_tokenize_arrays

JSON = Any


@dataclass(slots=True)
class Gap:
    """One dynamic span. ``leaf``: a whole JSON leaf (keeps its JSON type) rather than text."""

    gid: int
    values: list[JSON]
    where: str  # "content" or "call[i].<json path>"
    before: str  # the literal text (or JSON key) just before the gap
    leaf: bool = False
    # Where a gap of a JSON text sits in the document (``$.deploys[0].author``): names the
    # same value in any cluster of such texts (``gap_key``), unlike the text before it.
    path: str = ""
    # A block of lines of a plain-text tool result, between lines every result has, holding
    # different numbers of lines (``induction.line_blocks``).
    block: bool = False


def gap_key(gap: Gap) -> tuple[str, str]:
    """What names a gap across clusters of one place: its JSON path, else its location and
    the text just before it.

    >>> gap_key(Gap(0, ["a"], "content", 'x "id": "', path="$.id")), gap_key(Gap(0, ["a"], "content", "Hello "))
    (('content', '$.id'), ('content', 'Hello '))
    """
    return (gap.where, gap.path or gap.before[-24:])


@dataclass(slots=True)
class Skeleton:
    """A cluster's shared structure: literal parts with gap ids in place of what varies.

    ``content``: parts (str | gap id) or None; ``calls``: (name, arguments) where the
    arguments are JSON with ``{"$gap": id}`` leaves and ``{"$tgap": parts}`` strings."""

    role: str
    name: str | None
    content: list[str | int] | None
    calls: list[tuple[str, JSON]]
    gaps: list[Gap] = field(default_factory=list)


def skeleton_key(msg: dict[str, Any]) -> tuple[Any, ...]:
    """Messages can only share a template if these agree."""
    calls = tuple(
        ((c.get("function") or {}).get("name"), _shape(_args(c))) for c in msg.get("tool_calls") or []
    )
    content = canonical_content(msg.get("content"))
    kind = None if content in (None, "") else ("text" if isinstance(content, str) else "parts")
    return (msg.get("role"), msg.get("name"), kind, calls)


def _args(call: dict[str, Any]) -> JSON:
    raw = (call.get("function") or {}).get("arguments")
    if isinstance(raw, str):
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            return raw
    return raw


def _shape(v: JSON) -> JSON:
    if isinstance(v, dict):
        return tuple(sorted((k, _shape(x)) for k, x in v.items()))
    if isinstance(v, list):
        return ("list", len(v))
    return "leaf"


def text_of(msg: dict[str, Any]) -> str | None:
    c = canonical_content(msg.get("content"))
    return c if isinstance(c, str) and c != "" else None


COMMENTARY_SHARE = 0.5  # below this share of shared words, a model's text beside its calls is one value


def identify(messages: list[dict[str, Any]], *, json_leaves: bool = False) -> Skeleton | None:
    """The shared skeleton of messages with one ``skeleton_key``; None if their texts
    do not align (then each is its own template)."""
    first = messages[0]
    gaps: list[Gap] = []
    content: list[str | int] | None = None
    texts = [text_of(m) for m in messages]
    if texts[0] is not None:
        if any(t is None for t in texts):
            return None
        known = [t for t in texts if t is not None]
        content = _text_parts(known, "content", gaps, json_leaves=json_leaves, blocks=first.get("role") == "tool")
        if first.get("role") == "assistant" and first.get("tool_calls") and len(set(known)) > 1:
            # A model's own words beside its calls, worded anew each run ("Let me check the
            # order." / "One sec, fetching it."): what a word-by-word alignment shares is
            # chance ("order."), and a wording that does not end that way would match nothing.
            # Where little is shared, or nothing aligns, the text is one value.
            literal = sum(len(p) for p in content or [] if isinstance(p, str))
            if content is None or literal < COMMENTARY_SHARE * sum(map(len, known)) / len(known):
                gaps.clear()
                gaps.append(Gap(gid=0, values=list(known), where="content", before=""))
                content = [0]
        if content is None:
            return None
    calls: list[tuple[str, JSON]] = []
    for i, call in enumerate(first.get("tool_calls") or []):
        name = (call.get("function") or {}).get("name")
        values = [_args((m.get("tool_calls") or [])[i]) for m in messages]
        tpl = _json(values, f"call[{i}]", name or "", gaps)
        if tpl is _FAIL:
            return None
        calls.append((str(name), tpl))
    return Skeleton(role=first["role"], name=first.get("name"), content=content, calls=calls, gaps=gaps)


def _text_parts(texts: list[str], where: str, gaps: list[Gap], *, json_leaves: bool = False,
                blocks: bool = False) -> list[str | int] | None:
    if all(t == texts[0] for t in texts):
        return [texts[0]]
    json = all(t.lstrip()[:1] in ("{", "[") for t in texts)
    if json_leaves and not json:
        return None
    # ``json_leaves``: JSON aligned only leaf by leaf (whole strings, whole lists): asked for
    # when the word-by-word skeleton could not read its own members back.
    # JSON of one structure (a tool result) aligns leaf by leaf by position: the word aligner
    # would match the first item's state with the second item's and cut across objects.
    found = align_json_paths(texts, whole_strings=json_leaves) if json else None
    a, paths = found if found is not None else (None, [])
    block_gaps: set[int] = set()
    if blocks and not json and not json_leaves and (lined := align_blocks(texts)) is not None:
        # A plain-text result whose lines differ in number (table rows, a menu, a log tail):
        # the lines between lines every result has are one value. Word by word, a gap would
        # swallow the extra rows whole and a table of other rows match nothing.
        a, block_gaps = lined
    if a is None and not json_leaves:
        a = align(texts)
    if a is None and json_leaves and not _one_shape(texts):
        a = align(texts, json_tokenize_arrays)  # lists of different lengths: whole lists
    if a is None and json:
        # JSON (a tool result) whose free text does not align word by word (log excerpts of
        # different lines): aligned leaf by leaf, a whole varying string is one gap; and if
        # its lists differ in length (search results), each whole list is one gap.
        a = align(texts, json_tokenize) or align(texts, json_tokenize_arrays)
    if a is None:
        return None
    parts: list[str | int] = []
    for p in a.parts:
        if isinstance(p, str):
            parts.append(p)
        else:
            before = parts[-1] if parts and isinstance(parts[-1], str) else ""
            # A gap of a plain-text result that spans lines (rows the word aligner swallowed
            # whole where results held as many lines) is a block of lines too: checked line by
            # line, not served for any number of lines.
            block = p in block_gaps or (blocks and not json and any("\n" in v for v in a.values[p]))
            gaps.append(Gap(gid=len(gaps), values=list(a.values[p]), where=where, before=str(before),
                            path=paths[p] if paths else "", block=block))
            parts.append(len(gaps) - 1)
    return parts


_FAIL = object()


def _json(values: list[JSON], where: str, key: str, gaps: list[Gap]) -> JSON:
    v0 = values[0]
    if all(_same(v, v0) for v in values):
        return {"$lit": v0} if isinstance(v0, dict) and len(v0) == 1 and next(iter(v0)).startswith("$") else v0
    if all(isinstance(v, dict) for v in values) and all(v.keys() == v0.keys() for v in values):
        out = {}
        for k in v0:
            sub = _json([v[k] for v in values], f"{where}.{k}", k, gaps)
            if sub is _FAIL:
                return _FAIL
            out[k] = sub
        return out
    if all(isinstance(v, list) for v in values) and all(len(v) == len(v0) for v in values):
        items = [_json([v[i] for v in values], f"{where}[{i}]", key, gaps) for i in range(len(v0))]
        return _FAIL if any(x is _FAIL for x in items) else items
    if all(isinstance(v, (dict, list)) for v in values):
        return _FAIL  # differing structure: not one template
    if all(isinstance(v, str) for v in values):
        a = align(values)
        if a is not None and a.literal_chars() and len(a.parts) > 1:
            parts: list[str | int] = []
            for p in a.parts:
                if isinstance(p, str):
                    parts.append(p)
                else:
                    before = parts[-1] if parts and isinstance(parts[-1], str) else key
                    gaps.append(Gap(gid=len(gaps), values=list(a.values[p]), where=where, before=str(before)))
                    parts.append(len(gaps) - 1)
            return {"$tgap": parts}
    gaps.append(Gap(gid=len(gaps), values=list(values), where=where, before=key, leaf=True))
    return {"$gap": len(gaps) - 1}


def _one_shape(texts: list[str]) -> bool:
    """Whether the JSON texts share one shape (keys; list lengths at the top of each list)."""
    try:
        shapes = {orjson.dumps(_shape(orjson.loads(t)), default=str) for t in texts}
    except orjson.JSONDecodeError:
        return False
    return len(shapes) == 1


def _same(a: JSON, b: JSON) -> bool:
    # 1 and 1.0 and True are different values here.
    return type(a) is type(b) and a == b


def bounded(value: str) -> re.Pattern[str]:
    """``value`` as a whole token: a declared ``3`` is not the 3 inside ``2023``, ``Erik`` not
    the start of ``Eriksen``, nor the 3 of ``$3,000`` (a slot there would rewrite text that is
    not the variable)."""
    head = r"(?<![^\W_])" if value[0].isalnum() else ""
    tail = r"(?![^\W_])" if value[-1].isalnum() else ""
    if value[0].isdigit():
        head += NUM_HEAD
    if value[-1].isdigit():
        tail += NUM_TAIL
    return re.compile(head + re.escape(value) + tail)


def identify_declared(msg: dict[str, Any], declared: dict[str, Any]) -> tuple[Skeleton, dict[int, str]] | None:
    """The skeleton of ONE message from values the user declared (``Rote-Bindings``):
    each occurrence of a declared value becomes a gap named after its variable.
    Longer values are placed first so ``Erik Dunteman`` wins over ``Erik``.

    >>> sk, names = identify_declared({"role": "user", "content": "say hello to Erik"}, {"name": "Erik"})
    >>> sk.content, names
    (['say hello to ', 0], {0: 'name'})
    """
    values = sorted(((str(v), k) for k, v in declared.items() if isinstance(v, (str, int, float))
                     and not isinstance(v, bool) and str(v)), key=lambda x: -len(x[0]))
    if not values:
        return None
    gaps: list[Gap] = []
    names: dict[int, str] = {}

    def split_text(text: str, where: str) -> list[str | int]:
        parts: list[str | int] = [text]
        for value, var in values:
            out: list[str | int] = []
            pattern = bounded(value)
            for p in parts:
                if not isinstance(p, str) or value not in p:
                    out.append(p)
                    continue
                pieces = pattern.split(p)
                for i, piece in enumerate(pieces):
                    if piece:
                        out.append(piece)
                    if i < len(pieces) - 1:
                        before = out[-1] if out and isinstance(out[-1], str) else ""
                        gaps.append(Gap(gid=len(gaps), values=[value], where=where, before=str(before)))
                        names[len(gaps) - 1] = var
                        out.append(len(gaps) - 1)
            parts = out
        return parts

    def leaves(v: JSON, where: str, key: str) -> JSON:
        if isinstance(v, dict):
            return {k: leaves(x, f"{where}.{k}", k) for k, x in v.items()}
        if isinstance(v, list):
            return [leaves(x, f"{where}[{i}]", key) for i, x in enumerate(v)]
        for _, var in values:
            if isinstance(v, (int, float, str)) and not isinstance(v, bool) and v == declared[var]:
                gaps.append(Gap(gid=len(gaps), values=[v], where=where, before=key, leaf=True))
                names[len(gaps) - 1] = var
                return {"$gap": len(gaps) - 1}
        if isinstance(v, str):
            parts = split_text(v, where)
            return {"$tgap": parts} if any(isinstance(p, int) for p in parts) else v
        return v

    text = text_of(msg)
    content = split_text(text, "content") if text is not None else None
    calls = [(str((c.get("function") or {}).get("name")), leaves(_args(c), f"call[{i}]", ""))
             for i, c in enumerate(msg.get("tool_calls") or [])]
    if not gaps:
        return None
    return Skeleton(role=msg["role"], name=msg.get("name"), content=content, calls=calls, gaps=gaps), names
