"""Namer: a meaningful variable name for each gap, unique along the path.

Evidence, in order: the JSON key or tool parameter (``"email": ...`` -> ``email``),
a label just before the gap (``First name: {{}}`` -> ``first_name``), the value's
recogniser type (``2026-11-30`` -> ``date``), else ``value``. Names already in
scope get a numeric suffix.

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


def name_gap(gap: Gap, taken: set[str]) -> str:
    """A name for ``gap`` not in ``taken`` (the caller adds it)."""
    base: str | None
    if gap.leaf:
        base = re.sub(r"\W+", "_", gap.before).strip("_").lower() or None
    else:
        base = (_label(gap.before) or _by_value(gap.values, strong=True) or _words_before(gap.before)
                or _by_value(gap.values, strong=False))
    base = base or "value"
    if base[0].isdigit():
        base = "v_" + base
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    return name
