"""line-blocks: a block of lines taken for data serves only blocks like the ones seen.

False hit prevented: a warehouse's restock answer served for a stock table whose rows hold a
status, a size or a count no training row held ("any file over 25 MB", "offer the first desk
unless it is closed", "page on-call if a mount is over 90%"), or hold more rows than any seen.
A plain-text tool result whose lines differ in number from run to run aligns line by line
(``induction.line_blocks``): the lines between two lines every result has, where they differ
in number, are one value, a block. A block is structure until evidence frees it
(``structure-evidence``: many distinct blocks, the runs going on alike; ``unused-prose``
weighs it as a whole list). Taken for data, its lines are what no other check sees, so every
answer records, per block in scope, a ``BlockCheck`` (``block_check``): the range of its line
count, and the *line shapes* its lines took, mined as a log-template miner mines them (lines
of as many tokens sharing their punctuation and most words), each slot of a shape checked by
kind (``line_slot``): a quantity (a number, an amount, a measure, a percentage, a date) only
inside the range seen, a column of a few repeated words (a status) only the words seen, and
anything only where the values were many and distinct (ids, names). The first and the last
line are checked against first and last lines only.

Guards ``md_first_row_closed``, ``md_attachment_sizes``, ``csv_overdue_invoice``,
``csv_tail_price_cap`` and ``csv_tail_closed_room`` (a reviewer's table traps,
``docs/review/traps14``).

Learning side: ``block_check`` (called by ``induction.induce.answers.Answerer.with_blocks`` for
every answer; counted as ``block_checks``). Request-time check:
``induction.runtime.lines.out_of_block``.

>>> check = block_check(["| a | open | 12 |\\n| b | open | 30 |", "| c | open | 7 |\\n| d | shut | 9 |"])
>>> check.lines, ["".join(t or "_" for t in s.tokens) for s in check.shapes]
((2, 2), ['| _ | open | _ |', '| d | shut | 9 |'])
>>> [(s.closed, s.bounds) for s in check.shapes[0].slots]
[(('a', 'b', 'c'), None), (None, (7.0, 30.0))]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from induction.rules.list_tails import WORD_MAX, quantity_range
from induction.runtime.lines import DELIMITERS, BlockCheck, LineShape, LineSlot, line_tokens

# A slot takes any value only where its values were this many, and mostly distinct: ids, names.
FREE_MIN_DISTINCT = 5


def block_check(values: Sequence[Any]) -> BlockCheck | None:
    """The check of a variable whose every value is a block of lines, or None if one is not
    text."""
    if not values or not all(isinstance(v, str) for v in values):
        return None
    blocks = [v.split("\n") for v in values]
    counts = [len(b) for b in blocks]
    lines = [line for b in blocks for line in b]
    cut = delimiter(lines)
    # A column free over all lines (names, ids) is free in the first and the last line too:
    # their few values are fewer examples of the same column, not a vocabulary.
    free = _free_columns(lines, cut)
    return BlockCheck(lines=(min(counts), max(counts)),
                      shapes=mine(lines, delimiter=cut),
                      first=mine([b[0] for b in blocks], split=False, free=free, delimiter=cut),
                      last=mine([b[-1] for b in blocks], split=False, free=free, delimiter=cut),
                      delimiter=cut)


def delimiter(lines: Sequence[str]) -> str | None:
    """The first of ``DELIMITERS`` every line holds as many of, one or more (a TSV's tab, a
    CSV's comma), else None.

    >>> delimiter(["a,1,x", "b,2,y"]), delimiter(["a 1,250", "b 7"]), delimiter(["a\\t1,5", "b\\t2,5"])
    (',', None, '\\t')
    """
    for d in DELIMITERS:
        counts = {line.count(d) for line in lines}
        if len(counts) == 1 and counts != {0}:
            return d
    return None


def _free_columns(lines: Sequence[str], cut: str | None) -> frozenset[tuple[tuple[str | None, ...], int]]:
    """(skeleton, position) of the columns whose values over ``lines`` take anything
    (``line_slot`` with no range and no closed words)."""
    columns: dict[tuple[tuple[str | None, ...], int], list[str]] = {}
    for line in lines:
        tokens = line_tokens(line, cut)
        skel = skeleton(tokens)
        for i, t in enumerate(tokens):
            if skel[i] is None:
                columns.setdefault((skel, i), []).append(t)
    return frozenset(k for k, vs in columns.items()
                     if len(set(vs)) > 1 and line_slot(vs, "") == LineSlot())


def _punct(token: str) -> bool:
    return token.isspace() or not any(c.isalnum() for c in token)


def skeleton(tokens: Sequence[str]) -> tuple[str | None, ...]:
    """A line's whitespace runs and punctuation marks in place, its other tokens None: lines
    of one skeleton are rows of one table, links of one menu, log lines of one format.

    >>> skeleton(line_tokens("[12] link 'Kids'", None)) == skeleton(line_tokens("[40] heading 'Men'", None))
    True
    >>> skeleton(line_tokens("[12] link 'Kids'", None)) == skeleton(line_tokens("[40] link: Men!", None))
    False
    """
    return tuple(t if _punct(t) else None for t in tokens)


def _vocabulary(column: Sequence[str]) -> bool:
    """A few words repeated (a status, a menu's links, a row's label): no digits, and at most
    half of the distinct words seen once. Names repeat by chance (two Smiths among fifty
    payees); a vocabulary's words come back.

    >>> _vocabulary(["open", "closed", "open", "closed"]), _vocabulary(["Smith", "Lee", "Smith", "Diaz", "Wu"])
    (True, False)
    """
    seen = Counter(column)
    once = sum(1 for n in seen.values() if n == 1)
    return len(seen) > 1 and 2 * once <= len(seen) and all(
        len(v) <= WORD_MAX and not any(c.isdigit() for c in v) for v in seen)


def mine(lines: Sequence[str], *, split: bool = True,
         free: frozenset[tuple[tuple[str | None, ...], int]] = frozenset(),
         delimiter: str | None = None) -> tuple[LineShape, ...]:
    """The shapes of ``lines``: lines of one skeleton, told apart again (``split``) by the
    tokens where they hold a vocabulary (an "open" row's amounts are not a "closed" row's, a
    "Total" line's count not a "Reorder point" line's); a token is literal where every line
    of a shape has it, else a slot checked by ``line_slot``. The first and the last lines of
    blocks are few: mined without ``split``, their checks are by column, and every line
    also meets the split shapes of all lines; ``free``: (skeleton, position) of columns that
    take anything whatever few values these lines show (a quantity keeps its range);
    ``delimiter``: lines are cut at it before their words (``runtime.lines.line_tokens``).

    >>> [s.tokens for s in mine(["x=1 ok", "x=2 ok", "total 3"])]
    [('x', '=', None, ' ', 'ok'), ('total', ' ', '3')]
    >>> [s.tokens for s in mine(["open 1", "open 2", "closed 3", "closed 9"])]
    [('open', ' ', None), ('closed', ' ', None)]
    """
    groups: dict[tuple[str | None, ...], list[list[str]]] = {}
    for line in lines:
        tokens = line_tokens(line, delimiter)
        groups.setdefault(skeleton(tokens), []).append(tokens)
    shapes: list[LineShape] = []
    for skel, group in groups.items():
        vocab = [i for i in range(len(group[0])) if split and _vocabulary([tokens[i] for tokens in group])]
        parts: dict[tuple[str, ...], list[list[str]]] = {}
        for tokens in group:
            parts.setdefault(tuple(tokens[i] for i in vocab), []).append(tokens)
        shapes.extend(_shape(part, {i for s, i in free if s == skel}) for part in parts.values())
    return tuple(shapes)


def _shape(lines: list[list[str]], free: set[int]) -> LineShape:
    literal: list[str | None] = []
    slots = []
    for i, first in enumerate(lines[0]):
        column = [tokens[i] for tokens in lines]
        if all(t == first for t in column):
            literal.append(first)
            continue
        label = "".join(t or "" for t in literal)[-24:]
        literal.append(None)
        slots.append(line_slot(column, label, free=i in free))
    return LineShape(tokens=tuple(literal), slots=tuple(slots))


def line_slot(values: Sequence[str], label: str, *, free: bool = False) -> LineSlot:
    """The check of one slot of a line shape, from its values and the literal text before it:
    quantities a range (``list_tails.quantity_range``: no ids after an id-like label, no
    timestamps, no latencies), many mostly distinct values anything unless they are a
    vocabulary (words without digits, some repeated), the rest only the values seen (a
    status, a category; a code with digits as much as a word). ``free``: the column takes
    anything, as its values over more lines showed.

    >>> line_slot(["12", "7.5", "30"], "| ").bounds, line_slot(["open", "closed", "open"], "").closed
    ((7.5, 30.0), ('closed', 'open'))
    >>> line_slot(["a1f3c9", "77bd02", "c0ffee", "9e9e1a", "b00b1e"], "id=")
    LineSlot(closed=None, bounds=None)
    >>> line_slot(["P1", "P2"], "").closed
    ('P1', 'P2')
    """
    if (bounds := quantity_range(list(values), label)) is not None:
        return LineSlot(bounds=bounds)
    seen = Counter(values)
    # A few words repeated (a status, a navigation link) are a vocabulary however many.
    if free or (not _vocabulary(values) and len(seen) >= FREE_MIN_DISTINCT and 2 * len(seen) >= len(values)):
        return LineSlot()
    return LineSlot(closed=tuple(sorted(seen)))
