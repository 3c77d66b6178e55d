"""Namer: a meaningful variable name for each gap, unique along the path.

Evidence, in order: the JSON key or tool parameter (``"email": ...`` -> ``email``),
a label just before the gap (``First name: {{}}`` -> ``first_name``), the value's
recogniser type (``2026-11-30`` -> ``date``), else ``value``. Names already in
scope get a numeric suffix. A name never holds one of the gap's own values
(:func:`leaks_value`): names end up in the published tree and in ``rote explain``, and
the values are the records' data (people's names, cities, ids).

>>> from induction.identifier import Gap
>>> name_gap(Gap(0, ["Ada", "Bo"], "content", "Hi! First name: "), set())
'first_name'
>>> name_gap(Gap(0, ["a@x.io"], "call[0].to", "to", leaf=True), {"to"})
'to_2'
"""

from __future__ import annotations

import re

from induction.identifier import Gap
from induction.tokens import recognise

_WORDS = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_STOP = {"the", "a", "an", "to", "of", "in", "on", "at", "for", "and", "is", "was", "by", "with", "as", "from",
         "about", "i", "me", "my", "your", "you", "it", "this", "that", "hi", "hello", "dear"}


def _ident(words: list[str]) -> str:
    return "_".join(w.lower() for w in words)[:40]


def _label(before: str) -> str | None:
    """A label ending right before the gap: ``Email: `` or ``"full_name":"``."""
    m = re.search(r'"([A-Za-z_][A-Za-z0-9_]*)"\s*:\s*"?$', before)
    if m:
        return m.group(1).lower()
    m = re.search(r"([A-Za-z][A-Za-z ]{0,30}?)\s*[:=]\s*$", before)
    if m:
        words = [w for w in _WORDS.findall(m.group(1))][-3:]
        if words:
            return _ident(words)
    return None


_STRONG = ("email", "url", "uuid", "timestamp", "date", "money")


def _by_value(values: list[object], strong: bool) -> str | None:
    """A name from what the values look like: a recogniser type (``strong``: only the
    telling ones such as email or date), or a person-like name."""
    kinds = {recognise(v) if isinstance(v, str) else type(v).__name__ for v in values}
    if len(kinds) == 1 and None not in kinds:
        kind = str(kinds.pop())
        if not strong or kind in _STRONG:
            return kind
    if strong and all(isinstance(v, str) and _PERSON.match(v) for v in values):
        return "name"
    return None


_PERSON = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}\Z")


def _words_before(before: str) -> str | None:
    words = [w for w in _WORDS.findall(before[-40:]) if w.lower() not in _STOP][-2:]
    return _ident(words) if words else None


_PIECE = re.compile(r"[^\W_]+")  # letter/digit runs, any script
PIECE_MIN = 3


def value_pieces(values: list[object]) -> set[str]:
    """The lower-cased pieces of ``values`` a name must not hold: each letter/digit run of
    ``PIECE_MIN`` or more characters, and each whole value with its non-alphanumerics dropped.

    >>> sorted(value_pieces(["Nicholas Clark", "B553399", 42, "NY"]))
    ['b553399', 'clark', 'nicholas', 'nicholasclark']
    """
    out: set[str] = set()
    for v in values:
        if v is None or isinstance(v, (dict, list)):
            continue
        text = str(v).lower()
        runs = _PIECE.findall(text)
        out.update(r for r in runs if len(r) >= PIECE_MIN)
        whole = "".join(runs)
        if len(whole) >= PIECE_MIN:
            out.add(whole)
    return out


def leaks_value(name: str, values: list[object]) -> bool:
    """Whether ``name`` equals or contains one of ``values`` (any case, any piece of 3+
    letters or digits): ``susan``, ``nicholas_clark``, ``buffalo_2_2``, ``b553399``.

    >>> leaks_value("buffalo_2_2", ["Buffalo", "Austin"]), leaks_value("city", ["Buffalo", "Austin"])
    (True, False)
    >>> leaks_value("nicholas_clark", ["Nicholas Clark"]), leaks_value("first_name", ["Jo", "Al"])
    (True, False)
    """
    flat = name.lower()
    squeezed = flat.replace("_", "")
    return any(p in flat or p in squeezed for p in value_pieces(values))


def name_gap(gap: Gap, taken: set[str]) -> str:
    """A name for ``gap`` not in ``taken`` (the caller adds it)."""
    base: str | None
    if gap.leaf:
        base = re.sub(r"\W+", "_", gap.before).strip("_").lower() or None
    else:
        base = (_label(gap.before) or _by_value(gap.values, strong=True) or _words_before(gap.before)
                or _by_value(gap.values, strong=False))
    if base and leaks_value(base, gap.values):
        # The text before the gap held its own value (a key equal to its value): a plainer name.
        base = _by_value(gap.values, strong=False)
        base = None if base and leaks_value(base, gap.values) else base
    base = base or "value"
    if base[0].isdigit():
        base = "v_" + base
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    return name
