"""What each slot kind may match, as RE2 syntax.

Every kind has a **class**: one character class whose runs a slot value lies in.
Splitting a message into slots only ever uses classes (``C+``, or ``C{n}`` for
fixed-width kinds), which is what makes the uniqueness test in
:mod:`induction.runtime.matcher` exact. Kinds with inner structure (number,
email, date, uuid) then check each value against their **full** pattern.

>>> value_fits("number", "1,250.00"), value_fits("number", "1,25,0")
(True, False)
>>> value_fits("text", "two\\nlines"), value_fits("multiline", "two\\nlines")
(False, True)
"""

from __future__ import annotations

import re
from typing import Final, get_args

from induction.runtime.rx import Pattern
from induction.runtime.template import SlotKind

KINDS: tuple[str, ...] = get_args(SlotKind)

CLASS: dict[str, str] = {
    "text": r"[^\n]",
    "multiline": r"(?s:.)",
    "word": r"\S",  # RE2's \s is [\t\n\f\r ]
    "ident": r"[A-Za-z0-9_.\-]",
    "digits": r"[0-9]",
    "number": r"[0-9.,\-]",
    "email": r"[A-Za-z0-9._%+\-@]",
    "date": r"[0-9T:.+\-Z]",
    "uuid": r"[0-9a-fA-F\-]",
}

# Kinds that always have the same width (their slot is ``C{n}``, never ambiguous).
WIDTH: dict[str, int] = {"uuid": 36}

FULL: dict[str, str] = {
    "number": r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?",
    "email": r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}",
    # A calendar date only: induction gives this kind to values that were all plain dates,
    # and a timestamp where one was seen is another shape (its time would be copied along).
    "date": r"[0-9]{4}-[0-9]{2}-[0-9]{2}",
    "uuid": r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
}


def slot_pattern(kind: str, lazy: bool = False) -> str:
    """The class-level pattern of one slot (no group)."""
    if kind in WIDTH:
        return f"{CLASS[kind]}{{{WIDTH[kind]}}}"
    return CLASS[kind] + ("+?" if lazy else "+")


# Immutable after import: compiled patterns are read-only.
_WHOLE: Final = {kind: Pattern(FULL.get(kind, slot_pattern(kind))) for kind in KINDS}

# Each class again as a byte-level run for the standard library's ``re``: a call costs a
# quarter of RE2's, and one starred class cannot backtrack, so it stays linear. On valid
# UTF-8 these find the same runs as the RE2 classes (every non-ASCII character is in the
# class or out of it as a whole); ``\S`` is spelled out because the stdlib's ``\s``
# also holds ``\v`` and RE2's does not. Tests compare the two character by character.
RUN: Final[dict[str, re.Pattern[bytes]]] = {
    "text": re.compile(rb"[^\n]*"),
    "multiline": re.compile(rb".*", re.DOTALL),
    "word": re.compile(rb"[^\t\n\f\r ]*"),
    "ident": re.compile(rb"[A-Za-z0-9_.\-]*"),
    "digits": re.compile(rb"[0-9]*"),
    "number": re.compile(rb"[0-9.,\-]*"),
    "email": re.compile(rb"[A-Za-z0-9._%+\-@]*"),
    "date": re.compile(rb"[0-9T:.+\-Z]*"),
    "uuid": re.compile(rb"[0-9a-fA-F\-]*"),
}
_SPACE: Final = frozenset("\t\n\f\r ")


def needs_check(kind: str) -> bool:
    """Whether a value read with the class pattern still needs the full pattern."""
    return kind in FULL


def value_fits(kind: str, text: str) -> bool:
    """Whether ``text`` is a valid value for a slot of ``kind``."""
    if not text:
        return False
    # Fast paths for the common kinds (same answers as their patterns).
    if kind == "text":
        return ("\n" not in text and text.isprintable()) or _fits(kind, text)
    if kind == "multiline":
        return _fits(kind, text)
    if kind == "digits":
        return text.isascii() and text.isdigit()
    if kind == "word":
        return _SPACE.isdisjoint(text) and (text.isprintable() or _fits(kind, text))
    return _fits(kind, text)


def _fits(kind: str, text: str) -> bool:
    try:
        data = text.encode()
    except UnicodeEncodeError:
        return False
    return _WHOLE[kind].fullmatch(data) is not None


def bytes_fit(kind: str, data: bytes) -> bool:
    """:func:`value_fits` on valid UTF-8 bytes (slices of an encoded ``str`` at character boundaries)."""
    if kind == "multiline":
        return bool(data)
    if kind == "text":
        return bool(data) and b"\n" not in data
    if kind == "digits":
        return data.isdigit()
    if kind in FULL:
        return _WHOLE[kind].fullmatch(data) is not None
    return bool(data) and RUN[kind].fullmatch(data) is not None
