"""Tokenising message text for alignment, and typed recognisers for values.

Typed values (emails, URLs, uuids, timestamps, dates, money, numbers) are single
tokens, so an email never aligns half-way; words, whitespace runs and single
punctuation characters are the rest.

>>> [t for t in tokenize("Pay $1,250.00 to erik@x.io on 2026-11-30.") if not t.isspace()]
['Pay', '$1,250.00', 'to', 'erik@x.io', 'on', '2026-11-30', '.']
>>> tokenize("session=8c4b63d13501 abcdef123456 at 10am, v2")
['session', '=', '8c4b63d13501', ' ', 'abcdef123456', ' ', 'at', ' ', '10', 'am', ',', ' ', 'v', '2']
>>> recognise("2026-11-30"), recognise("erik@x.io"), recognise("42"), recognise("Erik")
('date', 'email', 'digits', None)
>>> [t for t in tokenize("Addr: fe80::c6b3:1ff:fecd:467f via 5c:50:15:4c:18:1c at 10:30:00") if not t.isspace()][:4]
['Addr', ':', 'fe80::c6b3:1ff:fecd:467f', 'via']
>>> recognise("5c:50:15:4c:18:1c"), recognise("2607:f140:6000:8:c6b3:1ff:fecd:467f"), recognise("10:30:00")
('mac', 'ipv6', None)
>>> [t for t in tokenize("flask 2.22.3 on 10.1.2.3, v1.5.") if not t.isspace()]
['flask', '2.22.3', 'on', '10.1.2.3', ',', 'v', '1.5', '.']
>>> [t for t in tokenize("[#ops, Fri, 27 Nov 2026 04:19:44 +0000] since Fri 2026-11-27 04:19:44 UTC;")][5:9]
['Fri, 27 Nov 2026 04:19:44 +0000', ']', ' ', 'since']
"""

from __future__ import annotations

import re

RECOGNISERS: tuple[tuple[str, str], ...] = (
    ("email", r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"),
    ("url", r"https?://[^\s\"'<>]+"),
    ("uuid", r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
    # Network addresses, whole: cut at their colons, the groups two addresses happen to share
    # would align as text and the rest as several values (a MAC, an IPv6 address in full or
    # with "::"); a C++ scope ("Type2::wait") or a time ("10:30:00") is neither.
    # (Each opens with a look for its colon: most positions fail there, before the rest.)
    ("mac", r"(?=[0-9A-Fa-f]{2}:)(?<![\w:.-])[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}(?![\w:])"),
    ("ipv6", r"(?=[0-9A-Fa-f]{0,4}:)(?<![\w:.])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
             r"|(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?::[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6}"
             r"|[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){1,6}::)(?![\w:])"),
    # A point in time, ISO 8601 (a weekday before it, as systemd writes one, and a zone after
    # it are part of it) or RFC 2822 (mail and HTTP dates): the weekday of a timestamp is no
    # status word, nor its month a word of an instruction.
    ("timestamp", r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? )?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                  r"(?:Z|[+-]\d{2}:?\d{2}| UTC\b)?"
                  r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                  r"\d{4} \d{2}:\d{2}(?::\d{2})?(?: [+-]\d{4}| GMT\b| UTC\b)?"),
    ("date", r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"),
    # A dotted run of three or more numbers (a version 1.14.2, an IPv4 address 10.1.2.3) is
    # one value: cut at its dots, "1.14" would align as a number and ".2" as text.
    ("dotted", r"\d+(?:\.\d+){2,}"),
    ("money", r"[$€£¥]-?\d{1,3}(?:,\d{3})*(?:\.\d+)?|[$€£¥]-?\d+(?:\.\d+)?"),
    # A group of thousands is three digits and no more: "324,2027-01-06" (a CSV's amount and
    # date) is no number 324,202.
    ("number", r"-?\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|-?\d+\.\d+"),
    ("digits", r"\d+"),
)
_TOKEN = re.compile(
    "|".join(f"(?P<{name}>{pat})" for name, pat in RECOGNISERS)
    + r"|(?P<word>[^\W\d_]+(?:'[^\W\d_]+)?)|(?P<ident>[^\W_]+)|(?P<space>\s+)|(?P<punct>.)",
    re.DOTALL,
)
_ALNUM = re.compile(r"[A-Za-z0-9]+\Z")
# Letter/digit changes in a run: ``10am`` or ``v2`` has one (its unit or prefix is
# structure), a hex id such as ``8c4b63d13501`` has many.
_CHANGE = re.compile(r"(?=[A-Za-z][0-9]|[0-9][A-Za-z])")
_HEX = re.compile(r"(?:[0-9a-f]+|[0-9A-F]+)\Z")  # ``abcdef123456``: one change, still an id
_FULL = {name: re.compile(f"(?:{pat})\\Z") for name, pat in RECOGNISERS}


def tokenize(text: str) -> list[str]:
    """Split text into alignment tokens (joined, they give the text back).

    A run of ASCII letters and digits that changes between them twice or more
    (``8c4b63d13501``, ``a1b``), or a hex run of 6 or more (``abcdef123456``), is
    one token: split at every change, two such ids would align on the characters
    they happen to share. ``10am``, ``v2``, ``3rd``, ``INV1234`` stay split: their
    letters are structure."""
    out: list[str] = []
    run: list[str] = []  # adjacent ASCII letter/digit tokens

    def flush() -> None:
        joined = "".join(run)
        if len(run) > 1 and (len(_CHANGE.findall(joined)) >= 2 or (len(joined) >= 6 and _HEX.match(joined))):
            out.append(joined)
        else:
            out.extend(run)
        run.clear()

    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        if _ALNUM.match(tok):
            run.append(tok)
            continue
        if run:
            flush()
        out.append(tok)
    if run:
        flush()
    return out


# A digit run joined to another by one of these is one number (``$3,000``, ``2026-11-03``,
# ``10:30``, ``1.5``): a value that stops at the joiner cuts it, as ``3`` in ``$3,000`` would.
NUMBER_JOINERS = ",.:/-"
NUM_HEAD = r"(?<!\d[,.:/-])"  # regex guards for the same rule, before and after a value
NUM_TAIL = r"(?![,.:/-]\d)"


def cuts_number(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` begins or ends inside a longer number.

    >>> cuts_number("Pay $3,000 now", 5, 6), cuts_number("Pay $3,000 now", 5, 10), cuts_number("page 3.", 5, 6)
    (True, False, False)
    """
    if start < end and text[start].isdigit() and start >= 2 and text[start - 1] in NUMBER_JOINERS \
            and text[start - 2].isdigit():
        return True
    return (start < end and text[end - 1].isdigit() and end + 1 < len(text) and text[end] in NUMBER_JOINERS
            and text[end + 1].isdigit())


def recognise(value: str) -> str | None:
    """The recogniser type of a whole value, or None."""
    for name, _ in RECOGNISERS:
        if _FULL[name].match(value):
            return name
    return None


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\s+|.', re.DOTALL)


def json_tokenize(text: str) -> list[str]:
    r"""Cut JSON text into quotes, whole string bodies (escapes kept), whole numbers and
    single characters (joined, they give the text back): aligned this way, two tool results
    of one shape differ only in whole leaves (a log excerpt, a timestamp), never inside one.

    >>> json_tokenize('{"a": "x \\"y", "n": -1.5}')
    ['{', '"', 'a', '"', ':', ' ', '"', 'x \\"y', '"', ',', ' ', '"', 'n', '"', ':', ' ', '-1.5', '}']
    """
    out: list[str] = []
    for m in _JSON_TOKEN.finditer(text):
        tok = m.group(0)
        if len(tok) >= 2 and tok[0] == '"':
            out.append('"')
            if len(tok) > 2:
                out.append(tok[1:-1])
            out.append('"')
        else:
            out.append(tok)
    return out


def json_tokenize_arrays(text: str) -> list[str]:
    """``json_tokenize`` with every array one token (its raw text, brackets included): two
    tool results whose lists differ in length (search results, a page of items) still align
    on everything around them, and each list becomes one gap.

    >>> json_tokenize_arrays('{"items": [1, [2]], "n": 2}')
    ['{', '"', 'items', '"', ':', ' ', '[1, [2]]', ',', ' ', '"', 'n', '"', ':', ' ', '2', '}']
    >>> json_tokenize_arrays('{"a": "[", "b": []}')[6:9]
    ['"', '[', '"']
    """
    toks = json_tokenize(text)
    out: list[str] = []
    in_string = False
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok == '"':
            # A string is a quote, at most one body token, a quote: a body is never a bracket.
            in_string = not in_string
        elif tok == "[" and not in_string:
            depth, j, quoted = 0, i, False
            while j < len(toks):
                t = toks[j]
                if t == '"':
                    quoted = not quoted
                elif not quoted and t == "[":
                    depth += 1
                elif not quoted and t == "]":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            out.append("".join(toks[i:j + 1]))
            i = j + 1
            continue
        out.append(tok)
        i += 1
    return out
