"""Tokenising message text for alignment, and typed recognisers for values.

Typed values (emails, URLs, uuids, timestamps, dates, money, numbers) are single
tokens, so an email never aligns half-way; words, whitespace runs and single
punctuation characters are the rest.

>>> [t for t in tokenize("Pay $1,250.00 to erik@x.io on 2026-11-30.") if not t.isspace()]
['Pay', '$1,250.00', 'to', 'erik@x.io', 'on', '2026-11-30', '.']
>>> tokenize("session=8c4b63d13501 at 10am")
['session', '=', '8c4b63d13501', ' ', 'at', ' ', '10am']
>>> recognise("2026-11-30"), recognise("erik@x.io"), recognise("42"), recognise("Erik")
('date', 'email', 'digits', None)
"""

from __future__ import annotations

import re

RECOGNISERS: tuple[tuple[str, str], ...] = (
    ("email", r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"),
    ("url", r"https?://[^\s\"'<>]+"),
    ("uuid", r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
    ("timestamp", r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"),
    ("date", r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"),
    ("money", r"[$€£¥]-?\d{1,3}(?:,\d{3})*(?:\.\d+)?|[$€£¥]-?\d+(?:\.\d+)?"),
    ("number", r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+\.\d+"),
    ("digits", r"\d+"),
)
# Runs of letters and digits mixed (hex session ids, ``abc123``) are one token: split
# at every letter/digit change, two ids would align on the characters they share.
_MIXED = r"(?P<mixed>[A-Za-z0-9]*(?:[A-Za-z][0-9]|[0-9][A-Za-z])[A-Za-z0-9]*(?![^\W_]))"
_HEAD = ("email", "url", "uuid", "timestamp", "date")
_TOKEN = re.compile(
    "|".join(f"(?P<{name}>{pat})" for name, pat in RECOGNISERS if name in _HEAD)
    + "|" + _MIXED + "|"
    + "|".join(f"(?P<{name}>{pat})" for name, pat in RECOGNISERS if name not in _HEAD)
    + r"|(?P<word>[^\W\d_]+(?:'[^\W\d_]+)?)|(?P<ident>[^\W_]+)|(?P<space>\s+)|(?P<punct>.)",
    re.DOTALL,
)
_FULL = {name: re.compile(f"(?:{pat})\\Z") for name, pat in RECOGNISERS}


def tokenize(text: str) -> list[str]:
    """Split text into alignment tokens (joined, they give the text back)."""
    return [m.group(0) for m in _TOKEN.finditer(text)]


def recognise(value: str) -> str | None:
    """The recogniser type of a whole value, or None."""
    for name, _ in RECOGNISERS:
        if _FULL[name].match(value):
            return name
    return None
