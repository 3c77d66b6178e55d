"""Line-block checks: a block of lines taken for data serves only blocks like the ones seen.

A plain-text tool result whose lines differ in number from run to run (the rows of a table,
a page's navigation links, a log tail) aligns line by line: lines every result has stay
structure, and the lines between two of them that differ in number are one value, a *block*
(``induction.line_blocks``). Taken for data, that value hides what its lines hold, as the rest
of a JSON list hides its items (``induction.runtime.tails``). So the answer records each block's
``BlockCheck``, mined from the blocks it was seen with as a log-template miner mines lines:

- how many lines a block held (a request outside that range is a miss);
- *line shapes*: lines of as many tokens that share their punctuation and most words, each
  token kept where every line had it and a slot where they differed. A request's line must
  fit a shape, token for token, with each slot's value passing the slot's check: a quantity
  inside the range seen, a word among the words seen (a status, a column of a few values), or
  anything (ids, names: many distinct values). A line of another shape is a miss;
- the first and the last line are held to the shapes and checks of first and last lines only:
  "offer the first desk unless it is closed", "alert if the latest reading is high" turn on
  them, and the pooled checks would let a value seen further down pass at the top.

>>> shape = LineShape(tokens=("|", " ", None, " ", "|", " ", None, " ", "|"),
...                   slots=(LineSlot(closed=("open", "closed")), LineSlot(bounds=(10.0, 99.0))))
>>> check = BlockCheck(lines=(1, 3), shapes=(shape,), first=(shape,), last=(shape,))
>>> block_problem(check, "| open | 12 |\\n| closed | 40 |"), block_problem(check, "| open | 120 |")
(None, "line 1: '120' outside 10.0 to 99.0")
>>> block_problem(check, "| open | 12 |\\n| gone | 40 |")
"line 2: 'gone' not among 'open', 'closed'"
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence
from itertools import pairwise
from typing import Any

from pydantic import BaseModel, ConfigDict

from induction.runtime.ranges import as_number, days, in_range
from induction.runtime.words import word_key
from induction.tokens import tokenize


class LineSlot(BaseModel):
    """What one token of a line shape may hold: one of ``closed`` words, a quantity inside
    ``bounds``, or (neither) anything."""

    model_config = ConfigDict(frozen=True)

    closed: tuple[str, ...] | None = None
    bounds: tuple[float, float] | tuple[str, str] | None = None

    def problem(self, value: str, fixed: Callable[[str], bool] | None = None) -> str | None:
        """Why ``value`` is not one this slot was seen with (None: it may be). ``fixed``: whether
        a value is a word the text above fixes that training never showed here, refused by a
        slot that takes anything (a country, named in the system prompt as embargoed)."""
        if self.closed is None and self.bounds is None and fixed is not None and fixed(value):
            return f"{value!r} equals a word the text above fixes"
        if self.closed is not None and value not in self.closed:
            shown = ", ".join(repr(c) for c in self.closed[:5]) + (", ..." if len(self.closed) > 5 else "")
            return f"{value!r} not among {shown}"
        if self.bounds is not None and not in_range(value, self.bounds):
            return f"{value!r} outside {self.bounds[0]} to {self.bounds[1]}"
        return None


class LineShape(BaseModel):
    """Lines of one shape: their tokens (``induction.tokens.tokenize``, whitespace runs kept),
    each literal or None for a slot, and the slots' checks in order."""

    model_config = ConfigDict(frozen=True)

    tokens: tuple[str | None, ...]
    slots: tuple[LineSlot, ...] = ()
    # Pairs (i, j) of number slots with slot i's value <= slot j's in every line seen, where
    # their ranges overlap: a project's use against its quota, a row's low against its high.
    orders: tuple[tuple[int, int], ...] = ()

    def problem(self, tokens: Sequence[str], fixed: Callable[[str], bool] | None = None) -> str | None:
        """Why a line of ``tokens`` does not fit this shape (None: it does).

        >>> shape = LineShape(tokens=(None, ",", None), slots=(LineSlot(bounds=(1.0, 90.0)),) * 2, orders=((0, 1),))
        >>> shape.problem(["12", ",", "40"]), shape.problem(["41", ",", "40"])
        (None, 'holds 41 above 40 where every line seen held it below')
        """
        if len(tokens) != len(self.tokens):
            return "has another number of tokens"
        k = 0
        values = []
        for want, got in zip(self.tokens, tokens, strict=True):
            if want is None:
                if (why := self.slots[k].problem(got, fixed)) is not None:
                    return why
                values.append(got)
                k += 1
            elif want != got:
                return f"holds {got!r} where {want!r} stood"
        for i, j in self.orders:
            x, y = as_number(values[i]), as_number(values[j])
            if x is None or y is None or x > y:
                return f"holds {values[i]} above {values[j]} where every line seen held it below"
        return None


class BlockCheck(BaseModel):
    """What a block of lines held in the calls an answer was seen for. ``delimiter``: the
    character every line held as many of (a CSV's comma, a TSV's tab), cut at before the
    words are: "324,2027-01-06" is two cells, not the number 324,202."""

    model_config = ConfigDict(frozen=True)

    lines: tuple[int, int]
    shapes: tuple[LineShape, ...]
    first: tuple[LineShape, ...]
    last: tuple[LineShape, ...]
    delimiter: str | None = None
    # Words of the blocks seen that were words the text above fixes (``fixed-words``): a
    # slot that takes anything still refuses any other such word.
    fixed: tuple[str, ...] = ()
    # Per shape of ``shapes``, the fewest and most lines of it a block held (a line counts for
    # the first shape it fits): two "down" workers where no block held more than one is a miss.
    counts: tuple[tuple[int, int], ...] = ()
    # Pairs (i, j) of shapes of labelled lines ("role: _", "state: _") with a line of shape j
    # right after one of shape i in a block seen, where the labels differ: the fields of one
    # record ("role: primary" then "state: down"). None: not checked.
    pairs: tuple[tuple[int, int], ...] | None = None
    # (var, lo, hi): every date of a block seen was lo to hi days before the date ``var`` in
    # scope ("today" in the system prompt): a backup two days old where all were one.
    spans: tuple[tuple[str, int, int], ...] = ()
    # Variables in scope (a leader's id above the block) no token of a block seen equalled: a
    # block naming the leader among the unhealthy members is one no training block was.
    apart: tuple[str, ...] = ()


DELIMITERS = ("\t", "|", ";", ",")


def line_tokens(line: str, delimiter: str | None) -> list[str]:
    """A line's tokens, cut at ``delimiter`` first (each a token of its own).

    >>> line_tokens("INV-8,324,2027-01-06", ","), line_tokens("a 1,250", None)
    (['INV', '-', '8', ',', '324', ',', '2027-01-06'], ['a', ' ', '1,250'])
    """
    if delimiter is None:
        return tokenize(line)
    out: list[str] = []
    for i, cell in enumerate(line.split(delimiter)):
        if i:
            out.append(delimiter)
        out.extend(tokenize(cell))
    return out


def _fits(shapes: Sequence[LineShape], tokens: Sequence[str], fixed: Callable[[str], bool] | None) -> int | str:
    """The index of the first of ``shapes`` the line fits, else why it fits the closest (or none)."""
    why = "fits no line shape seen"
    for k, shape in enumerate(shapes):
        if len(shape.tokens) != len(tokens):
            continue
        if (problem := shape.problem(tokens, fixed)) is None:
            return k
        why = problem
    return why


def label(shape: LineShape) -> str | None:
    """The literal word a shape's line opens with where a ':' or '=' follows it (a field of a
    record: "role: primary", "From: x", "tls = on"), else None."""
    toks = [t for t in shape.tokens if t is None or not t.isspace()]
    for i, t in enumerate(toks):
        if t is None:
            return None
        if any(c.isalnum() for c in t):
            return t if i + 1 < len(toks) and toks[i + 1] in (":", "=") else None
    return None


def fitted(shapes: Sequence[LineShape], value: str, delimiter: str | None) -> list[int] | None:
    """The index of the first of ``shapes`` each line of ``value`` fits; None if a line fits none.

    >>> fitted((LineShape(tokens=("up",)), LineShape(tokens=("down",))), "up\\ndown", None)
    [0, 1]
    """
    ks = []
    for line in value.split("\n"):
        k = _fits(shapes, line_tokens(line, delimiter), None)
        if isinstance(k, str):
            return None
        ks.append(k)
    return ks


def shape_pairs(shapes: Sequence[LineShape], ks: Sequence[int]) -> set[tuple[int, int]]:
    """Adjacent (shape, shape) of lines fitted to ``ks`` (``fitted``) whose labels differ."""
    labels = [label(s) for s in shapes]
    return {(a, b) for a, b in pairwise(ks) if labels[a] and labels[b] and labels[a] != labels[b]}


def shape_counts(shapes: Sequence[LineShape], ks: Sequence[int]) -> list[int]:
    """How many lines fitted to ``ks`` (``fitted``) fit each of ``shapes`` first.

    >>> shapes = (LineShape(tokens=("up",)), LineShape(tokens=("down",)))
    >>> shape_counts(shapes, fitted(shapes, "up\\ndown\\nup", None))
    [2, 1]
    """
    counts = [0] * len(shapes)
    for k in ks:
        counts[k] += 1
    return counts


def block_problem(check: BlockCheck, value: Any, path_words: Container[str] = ()) -> str | None:
    """Why ``value`` is not a block like the ones seen (None: it is). ``path_words``: the words
    of the text above (``induction.runtime.words``); a slot that takes anything refuses those
    training did not show in the blocks.

    >>> check = BlockCheck(lines=(1, 2), shapes=(LineShape(tokens=(None,), slots=(LineSlot(),)),),
    ...                    first=(LineShape(tokens=(None,), slots=(LineSlot(),)),), last=())
    >>> block_problem(check, "Iran"), block_problem(check, "Iran", {"iran"})
    ('line 1 (last): fits no line shape seen', "line 1: 'Iran' equals a word the text above fixes")
    """
    if not isinstance(value, str):
        return "is not text"
    lines = value.split("\n")
    low, high = check.lines
    if not low <= len(lines) <= high:
        return f"held {len(lines)} lines (seen: {low} to {high})"
    allowed = frozenset(check.fixed)

    def fixed(token: str) -> bool:
        key = word_key(token)
        return key is not None and key in path_words and key not in allowed

    counts = [0] * len(check.shapes)
    labels = [label(s) for s in check.shapes] if check.pairs is not None else []
    prev = -1
    for i, line in enumerate(lines):
        tokens = line_tokens(line, check.delimiter)
        if isinstance(k := _fits(check.shapes, tokens, fixed), str):
            return f"line {i + 1}: {k}"
        counts[k] += 1
        if check.pairs is not None and i and (prev, k) not in check.pairs:
            la, lb = labels[prev], labels[k]
            if la and lb and la != lb:
                return f"line {i + 1}: a line like this never followed line {i}'s shape"
        prev = k
        if i == 0 and isinstance(why := _fits(check.first, tokens, fixed), str):
            return f"line 1 (first): {why}"
        if i == len(lines) - 1 and isinstance(why := _fits(check.last, tokens, fixed), str):
            return f"line {i + 1} (last): {why}"
    for k, (low, high) in enumerate(check.counts):
        if not low <= counts[k] <= high:
            shown = "".join(t if t is not None else "_" for t in check.shapes[k].tokens).strip()
            return f"held {counts[k]} lines like {shown!r} (seen: {low} to {high})"
    return None


def out_of_block(blocks: Mapping[str, BlockCheck], scope: Mapping[str, Any],
                 path_words: Container[str] = ()) -> str | None:
    """The first variable whose block differs from the ones seen, with why; None if none does.

    >>> check = BlockCheck(lines=(2, 2), shapes=(LineShape(tokens=("ok",)),), first=(), last=())
    >>> out_of_block({"rows": check}, {"rows": "ok"})
    'rows held 1 lines (seen: 2 to 2)'
    """
    for var, check in blocks.items():
        if var in scope and (problem := block_problem(check, scope[var], path_words)) is not None:
            return f"{var} {problem}"
        if check.apart and var in scope and isinstance(scope[var], str):
            tokens = block_tokens(scope[var], check.delimiter)
            for other in check.apart:
                if isinstance(scope.get(other), (str, int)) and str(scope[other]) in tokens:
                    return f"{var} holds {other}'s value {scope[other]!r}, as no block seen did"
        dates = block_days(scope[var], check.delimiter) if check.spans and var in scope else []
        for other, lo, hi in check.spans if var in scope else ():
            ref = days(scope.get(other))
            for d in dates:
                if ref is None or not lo <= ref - d <= hi:
                    return f"{var} holds a date {'?' if ref is None else ref - d} days before {other} (seen: {lo} to {hi})"
    return None


def block_tokens(value: Any, delimiter: str | None) -> set[str]:
    """The tokens of a block's lines."""
    if not isinstance(value, str):
        return set()
    return {t for line in value.split("\n") for t in line_tokens(line, delimiter)}


def block_days(value: Any, delimiter: str | None) -> list[int]:
    """The day numbers of the dates and timestamps of a block's tokens."""
    if not isinstance(value, str):
        return []
    return [d for line in value.split("\n") for t in line_tokens(line, delimiter) if (d := days(t)) is not None]


def fixed_in_blocks(values: Sequence[Any], delimiter: str | None, path_words: Container[str]) -> tuple[str, ...]:
    """The words of training blocks (``values``) that are words of ``path_words``: allowed.

    >>> fixed_in_blocks(["US 4\\nIran 2"], None, {"iran", "cuba"})
    ('iran',)
    """
    out = set()
    for value in values:
        if isinstance(value, str):
            for line in value.split("\n"):
                for token in line_tokens(line, delimiter):
                    if (key := word_key(token)) is not None and key in path_words:
                        out.add(key)
    return tuple(sorted(out))
