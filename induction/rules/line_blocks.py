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
of one whitespace and punctuation skeleton, told apart by a column of a few repeated words),
with how many lines of each shape a block held (two "down" workers where no block held more
than one is a miss); each slot of a shape is checked by kind (``line_slot``): a quantity (a
number, an amount, a measure, a percentage, a date) only inside the range seen, with the
order two overlapping number columns kept in every line (used <= quota); a column of a few
repeated words (a status) only the words seen; anything only where the values were many and
distinct (ids, names, a reference in brackets), and even then no word the text above fixes
that no training block held (an embargoed country the system prompt names). The first and
the last line are checked against first and last lines only; a CSV's or a TSV's lines are
cut at their delimiter first. A gap of a plain-text result that spans lines where results
held as many lines (rows the word aligner took whole) is a block too.

Guards ``md_first_row_closed``, ``md_attachment_sizes``, ``csv_overdue_invoice``,
``csv_tail_price_cap`` and ``csv_tail_closed_room`` (a reviewer's table traps,
``docs/review/traps14``), ``block_footer_split``, ``block_named_country`` and
``block_batch_total`` (``docs/review/traps18``), ``block_heavy_item``, ``block_stale_backup`` and
``block_primary_record`` (``docs/review/traps19``: a line's days before a date in scope,
``BlockCheck.spans``; adjacent lines of a record, ``BlockCheck.pairs``; a value in scope no
block held, ``BlockCheck.apart``); ``block_canary_only`` is its known limit (a missing line
decides).

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

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from induction.rules.list_tails import WORD_MAX, quantity_range
from induction.runtime.lines import (
    DELIMITERS,
    BlockCheck,
    LineShape,
    LineSlot,
    block_days,
    block_tokens,
    fitted,
    line_tokens,
    shape_counts,
    shape_pairs,
)
from induction.runtime.ranges import as_number, days

# A slot takes any value only where its values were this many, and mostly distinct: ids, names.
FREE_MIN_DISTINCT = 5
# Letters glued to the number after them by a joiner: "R-389", "INV-8144", "web-07".
_PREFIX = re.compile(r"[A-Za-z]+[-_#]$")


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
    shapes = mine(lines, free=free, delimiter=cut)
    # Each training line's shape, block by block (every training line fits a shape mined from
    # it): the count of each shape's lines and the adjacent pairs of labelled lines.
    per_block = [fitted(shapes, v, cut) for v in values]
    known = [shape_counts(shapes, ks) for ks in per_block if ks is not None]
    seen_pairs = [shape_pairs(shapes, ks) for ks in per_block if ks is not None]
    return BlockCheck(lines=(min(counts), max(counts)),
                      shapes=shapes,
                      counts=tuple((min(c[k] for c in known), max(c[k] for c in known)) for k in range(len(shapes)))
                      if known and len(known) == len(per_block) else (),
                      first=mine([b[0] for b in blocks], split=False, free=free, delimiter=cut),
                      last=mine([b[-1] for b in blocks], split=False, free=free, delimiter=cut),
                      delimiter=cut,
                      pairs=tuple(sorted(set().union(*seen_pairs))) if len(seen_pairs) == len(per_block) else None)


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
    return frozenset((skel, i) for (skel, i), vs in columns.items()
                     if len(set(vs)) > 1 and line_slot(vs, (skel[i - 1] or "") if i else "",
                                                       after=(skel[i + 1] or "") if i + 1 < len(skel) else "")
                     == LineSlot())


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
    Split shapes are few lines too: a column free over all lines of the skeleton is free in
    them (``free`` holds it).

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
    columns = []
    for i, first in enumerate(lines[0]):
        column = [tokens[i] for tokens in lines]
        if all(t == first for t in column):
            literal.append(first)
            continue
        label = "".join(t or "" for t in literal)[-24:]
        after = lines[0][i + 1] if i + 1 < len(lines[0]) and all(t[i + 1] == lines[0][i + 1] for t in lines) else ""
        literal.append(None)
        slots.append(line_slot(column, label, after=after, free=i in free))
        columns.append(column)
    return LineShape(tokens=tuple(literal), slots=tuple(slots), orders=orders(slots, columns))


def orders(slots: Sequence[LineSlot], columns: Sequence[Sequence[str]]) -> tuple[tuple[int, int], ...]:
    """Pairs (i, j) of number slots whose ranges overlap, with column i's value at most column
    j's in every line (``LineShape.orders``); either way round, as the lines show.

    >>> orders([LineSlot(bounds=(1.0, 90.0)), LineSlot(bounds=(50.0, 500.0))], [["12", "80"], ["50", "90"]])
    ((0, 1),)
    >>> orders([LineSlot(bounds=(1.0, 9.0)), LineSlot(bounds=(50.0, 500.0))], [["1", "9"], ["50", "90"]])
    ()
    """
    numbers = {}
    for k, (slot, column) in enumerate(zip(slots, columns, strict=True)):
        if slot.bounds is not None and isinstance(slot.bounds[0], float):
            values = [as_number(v) for v in column]
            if all(v is not None for v in values):
                numbers[k] = (slot.bounds, values)
    out = []
    for i, (bi, xs) in numbers.items():
        for j, (bj, ys) in numbers.items():
            if i == j or bi[1] < bj[0] or bj[1] < bi[0]:
                continue  # ranges apart: the ranges alone keep the order
            if all(x is not None and y is not None and x <= y for x, y in zip(xs, ys, strict=True)) and not (
                    j < i and all(x == y for x, y in zip(xs, ys, strict=True))):
                out.append((i, j))
    return tuple(out)


def line_slot(values: Sequence[str], label: str, *, after: str = "", free: bool = False) -> LineSlot:
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

    A number between brackets is a reference (an element's id, a process id), and one glued
    to a prefix of letters, many distinct, an id: anything.

    >>> line_slot(["559", "6999"], "\t[", after="]"), line_slot(["389", "412", "277", "630", "815"], "R-")
    (LineSlot(closed=None, bounds=None), LineSlot(closed=None, bounds=None))
    >>> line_slot(["1", "2", "3"], "Tier-").closed
    ('1', '2', '3')
    """
    seen = Counter(values)
    if all(v.isascii() and v.isdigit() for v in seen) and (
            (label.endswith("[") and after.startswith("]") and 2 * len(seen) >= len(values))
            or (_PREFIX.search(label) and len(seen) >= FREE_MIN_DISTINCT and 2 * len(seen) >= len(values))):
        return LineSlot()  # a reference ("[559]", "java[58807]") or an id glued to its prefix ("R-389")
    if (bounds := quantity_range(list(values), label)) is not None:
        return LineSlot(bounds=bounds)
    # A few words repeated (a status, a navigation link) are a vocabulary however many.
    if free or (not _vocabulary(values) and len(seen) >= FREE_MIN_DISTINCT and 2 * len(seen) >= len(values)):
        return LineSlot()
    return LineSlot(closed=tuple(sorted(seen)))


def with_scope(check: BlockCheck, var: str, scopes: Sequence[Mapping[str, Any]]) -> BlockCheck:
    """``check`` of the block ``var`` with how it stood to the other values in scope in every
    call: the days between each date of the block and each date in scope (``spans``: a backup
    two days older than "today" where every one seen was a day old), and the single-token
    values in scope no block held as a token (``apart``: the leader named among the unhealthy
    members, where no block seen named it). From the nineteenth review (``docs/review/traps19``).

    >>> calls = [{"b": "ok 2026-12-06", "today": "2026-12-07", "leader": "n1"}, {"b": "ok 2026-12-09", "today": "2026-12-10", "leader": "n2"}]
    >>> c = with_scope(BlockCheck(lines=(1, 1), shapes=(), first=(), last=()), "b", calls)
    >>> c.spans, c.apart
    ((('today', 1, 1),), ('leader', 'today'))
    """
    others = sorted(set.intersection(*(set(sc) for sc in scopes)) - {var}) if scopes else []
    spans = []
    per = [block_days(sc[var], check.delimiter) for sc in scopes]
    if per and all(per):
        for other in others:
            refs = [days(sc[other]) for sc in scopes]
            if all(r is not None for r in refs):
                diffs = [r - d for r, ds in zip(refs, per, strict=True) if r is not None for d in ds]
                spans.append((other, min(diffs), max(diffs)))
    toks = [block_tokens(sc[var], check.delimiter) for sc in scopes]
    apart = tuple(other for other in others
                  if all(isinstance(sc[other], (str, int)) and not isinstance(sc[other], bool)
                         and str(sc[other]).strip() and "\n" not in str(sc[other]) and " " not in str(sc[other])
                         and str(sc[other]) not in ts for sc, ts in zip(scopes, toks, strict=True)))
    update: dict[str, Any] = {}
    if spans:
        update["spans"] = tuple(spans)
    if apart:
        update["apart"] = apart
    return check.model_copy(update=update) if update else check
