"""edges-and-refusals: a free-text slot never swallows structure none of its examples held.

False hit prevented: a name slot taking "Ada, Bo and Cy" (a list: the answer was learned for
one item), a JSON string slot running past its closing quote, a slot before " at " eating
the time after it, a sentence's trailing "." or "?" or a leading "@" taken into a copied
value. A free-text slot refuses the structural characters (``STRUCTURAL``), the literal that
follows it and the joining phrases (``JOINERS``) unless some example held them; at the
message's edges or beside whitespace it refuses a first or last character that is not a
letter or digit unless an example had it. Between a quote and its closing quote (``quoted``)
the joining phrases are the quoted text's own ('post my question, "is a car necessary and
where?"'): such a slot takes them, and still refuses the comma of two quoted items and the
closing quote. Guards ``list_in_user_text``, ``one_or_two_reminders``, ``quoted_title_or_list``,
``json_escaped_quote``, ``python_repr_address``, ``trailing_period_name``,
``trailing_question_city``, ``leading_mention``, ``trailing_emoji_name``, ``quoted_name``,
``leading_sigil``, ``trailing_nbsp_or_cjk``, ``leading_non_ascii``, ``min_leading_slash``.

A model's own words beside its tool calls (one value where they are worded anew each run)
also refuse the words of the other tools the requests declare (``tool_words``) that none of
their examples held: "Let me pull up that order so I can refund it." beside ``get_order``,
where ``refund`` is a declared tool, announces a next step training never showed after those
words, and is no wording of the ones seen. Guards ``commentary_announces_refund``.

Learning side: ``refused``, ``edges``, ``slot_edges``, ``tool_words``; counted as ``refusing_slots`` and
``edge_slots`` (slots of the nodes made). Request-time check: the matcher
(``induction.runtime.matcher.match_text``: ``Slot.refuse``, ``refuse_text``, ``edge_start``,
``edge_end``).

>>> refused(["Ada"], after=".")[1], edges(["Bo.", "Al"], start=False, end=True)
(('.', ' and ', '. ', ' or ', ': '), (None, '.'))
>>> refused(["is a car necessary"], after='" there', in_quotes=True)[1]
('" there',)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from induction.identifier import Gap

# Characters that give text its structure (JSON, lists, markup): a free-text slot refuses
# those none of its examples held, so it never swallows a quote, a brace or a comma.
STRUCTURAL = '"\\{}[]<>|,;'


# Phrases that join two items or two sentences, or start a labelled field ("Assignee: "),
# where every example may have had one.
JOINERS = (" and ", ". ", " or ", ": ")


# Quote pairs that delimit verbatim text: a slot between them that never held the closing
# quote cannot run past it, so a joining phrase inside is the quoted text's own ('post my
# question, "is a car necessary and where?"', 'reply "Done. Thanks!"'): it joins no two
# requests. A comma stays refused there as anywhere ('tag it "beach, sunset"' is two tags).
QUOTES = {'"': '"', "\u201c": "\u201d"}


def quoted(content: Sequence[str | int], gid: int, values: Sequence[Any]) -> bool:
    """Whether gap ``gid`` sits right between an opening and its closing quote in ``content``
    and no example's value held either quote.

    >>> quoted(['Post "', 0, '" now'], 0, ["a, b"]), quoted(['Post "', 0, ' now'], 0, ["a"])
    (True, False)
    """
    if gid not in content:
        return False
    i = content.index(gid)
    before = content[i - 1] if i else ""
    after = content[i + 1] if i + 1 < len(content) else ""
    if not isinstance(before, str) or not isinstance(after, str) or not before or not after:
        return False
    close = QUOTES.get(before[-1])
    return (close is not None and after[0] == close
            and not any(before[-1] in str(v) or close in str(v) for v in values))


def literal_after(content: list[str | int]) -> dict[int, str]:
    """The literal text right after each gap of a skeleton's content ("" when none).

    >>> literal_after(["Hi ", 0, ".", 1])
    {0: '.', 1: ''}
    """
    return {p: nxt for p, nxt in zip(content, [*content[1:], ""][:len(content)], strict=True)
            if isinstance(p, int) and isinstance(nxt, str)}


def edges(values: list[Any], *, start: bool, end: bool) -> tuple[str | None, str | None]:
    """For a slot at the start and/or end of its message or beside whitespace
    (``Slot.edge_start``, ``edge_end``):
    the characters other than letters and digits its examples began / ended with. Nothing
    else may be there: the sentence's "." or "?", a "@" mention, a ")" or an emoji.

    >>> edges(["Charles", "Bo."], start=False, end=True), edges(["@ann", "bo"], start=True, end=False)
    ((None, '.'), ('@', None))
    """
    texts = [v for v in values if isinstance(v, str) and v]

    def seen(chars: Iterable[str]) -> str:
        return "".join(sorted({c for c in chars if not c.isalnum()}))

    return (seen(t[0] for t in texts) if start else None, seen(t[-1] for t in texts) if end else None)


TOOL_WORD_MIN = 4  # shorter pieces of a tool's name ("get", "set", "by") are everyday words


def tool_words(declared: Iterable[str], called: Iterable[str]) -> tuple[str, ...]:
    """The words of the declared tools' names, other than the tools called here (split at
    ``_``, ``-``, ``.`` and case changes, lower case, ``TOOL_WORD_MIN`` letters or more), each
    also capitalised: what a model's words beside its calls refuse unless an example held it.

    >>> tool_words(["get_order", "issueRefund", "send_email"], ["get_order"])
    ('email', 'Email', 'issue', 'Issue', 'refund', 'Refund', 'send', 'Send')
    """
    skip = set(called)
    words: set[str] = set()
    for name in declared:
        if name in skip:
            continue
        for piece in re.split(r"[_\-.\s]+|(?<=[a-z])(?=[A-Z])", name):
            if len(piece) >= TOOL_WORD_MIN and piece.isalpha():
                words.add(piece.lower())
    return tuple(w for word in sorted(words) for w in (word, word.capitalize()))


def refused(values: list[Any], after: str = "", *, in_quotes: bool = False,
            words: Sequence[str] = ()) -> tuple[str, tuple[str, ...]]:
    """What a free-text slot refuses (``Slot.refuse``, ``Slot.refuse_text``): the structural
    characters, the first character of the literal ``after`` it if that is punctuation, that
    literal itself, and the joining phrases, each unless some example's value held it.
    ``in_quotes`` (``quoted``): the slot is quoted text; it refuses what any slot refuses but
    takes the joining phrases, which belong to the quoted text. ``words`` (``tool_words``) are
    refused too unless an example held one (in any case).

    >>> refused(["Ada Lovelace", "Bo, Jr."], after="'}")[0] == STRUCTURAL.replace(",", "") + "'"
    True
    >>> refused(["back up the laptop"], after=" at ")[1]
    (' at ', ' and ', '. ', ' or ', ': ')
    """
    seen = "".join(v if isinstance(v, str) else str(v) for v in values)
    chars = "".join(c for c in STRUCTURAL if c not in seen)
    if after and not after[0].isalnum() and not after[0].isspace() and after[0] not in seen + chars:
        chars += after[0]  # "'" after 'address': '{{address}}': a value never runs past it
    head = after[:32]
    joiners = () if in_quotes else JOINERS
    phrases = tuple(p for p in dict.fromkeys((head if head.strip() else "", *joiners)) if p and p not in seen)
    lowered = seen.lower()
    return chars, phrases + tuple(w for w in words if w.lower() not in lowered)


def slot_edges(content: Sequence[str | int], free: Sequence[Gap]) -> dict[int, tuple[str | None, str | None]]:
    """``edges`` of each free-text gap of ``content`` at the message's start or end or beside
    whitespace (a gap in a tool call's arguments is JSON: no sentence around it).

    >>> slot_edges([0, " says hi"], [Gap(0, ["Bo", "@al"], "content", "")])
    {0: ('@', '')}
    """
    out = {}
    for g in free:
        if g.gid not in content:
            continue
        # At the message's edges, or beside whitespace, nothing but the value stops the
        # slot from taking the sentence's own ")", "。" or emoji along.
        i = content.index(g.gid)
        before = content[i - 1] if i else ""
        after_ = content[i + 1] if i + 1 < len(content) else ""
        start = i == 0 or (isinstance(before, str) and before[-1:].isspace())
        end = i == len(content) - 1 or (isinstance(after_, str) and after_[:1].isspace())
        if start or end:
            out[g.gid] = edges(g.values, start=start, end=end)
    return out
