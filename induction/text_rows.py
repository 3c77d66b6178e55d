"""Plain-text tables: the rows after a table's first, one value.

A tool result in plain text (CSV, a markdown table, tab-separated output) lists as many rows
as the query found. Aligned word by word, texts of two rows and of four cut the extra rows
at whatever tokens they happen to share: a row's room name aligned with another row's, the
last cell glued to the rows below it, and every cut weighed as a value of its own (a word of
"unused prose", a status). As ``induction.json_align`` does for a JSON list of another
length, the table's first row aligns cell by cell like any text (a model books the first
slot, reports the newest order) and the rest is one value: from the first row's last cell
to the end of the last row, so that it is never empty ("0.68" for a table of one row,
"0.68\\n2026-11-22T11:30Z,...,0.66" for two). The answer checks that value like a JSON
list's rest (``list-tails``, ``induction.runtime.tails``): how many rows, each row's shape,
the words and the range of numbers each column held.

A table is a run of consecutive lines holding one delimiter (``DELIMITERS``) equally often;
lines every text has alike at its start are its header. Only where the texts' tables hold
different numbers of rows is anything done: tables of one length align row by row as before.

>>> texts = ["id,room\\n1,A", "id,room\\n2,B\\n3,C"]
>>> tails(texts)
Table(delimiter=',', spans=[(8, 10, 11), (8, 10, 15)])
>>> [t[a:b] for t, (_, a, b) in zip(texts, tails(texts).spans)]
['A', 'B\\n3,C']
>>> tails(["a,b\\n1,2", "a,b\\n3,4"]) is None  # as many rows: the plain alignment
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

DELIMITERS = ("|", "\t", ",", ";")
# The path a gap over the rows after a table's first carries (``Gap.path``): weighed like the
# rest of a JSON list (``unused_prose.whole_list``), checked by ``list-tails``.
ROWS_PATH = "rows[1:]"
# The single alignment token standing for the rows while the texts are aligned (a private-use
# character no text holds, outside ``copied_spans``' marks).
MARK = "\U000f0000"
# One mark per delimiter of a table's first row while the texts are aligned.
CELL_MARKS = tuple(chr(0xF0001 + k) for k in range(64))


@dataclass(frozen=True, slots=True)
class Table:
    """A plain-text table in each of several texts: its delimiter and, per text, the offsets
    of its first row, of that row's last cell (where the rest begins) and of the rest's end."""

    delimiter: str
    spans: list[tuple[int, int, int]]


def _lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each line of ``text``, without its newline."""
    out, at = [], 0
    for line in text.split("\n"):
        out.append((at, at + len(line)))
        at += len(line) + 1
    return out


def _runs(text: str, lines: list[tuple[int, int]], delimiter: str) -> list[tuple[int, int, int]]:
    """Maximal runs of consecutive lines holding ``delimiter`` equally often (at least once),
    as (first line, end line, count), runs of two lines or more only."""
    out = []
    i = 0
    while i < len(lines):
        count = text.count(delimiter, *lines[i])
        j = i + 1
        while j < len(lines) and count and text.count(delimiter, *lines[j]) == count:
            j += 1
        if count and j - i >= 2:
            out.append((i, j, count))
        i = j
    return out


def _last_cell(row: str, delimiter: str) -> int | None:
    """The offset in ``row`` just after the last delimiter that has something other than
    blanks and delimiters after it (markdown rows end with one), or None."""
    at = len(row)
    while (p := row.rfind(delimiter, 0, at)) >= 0:
        if row[p + 1:].replace(delimiter, "").strip():
            return p + 1
        at = p
    return None


def tails(texts: Sequence[str]) -> Table | None:
    """The table the texts hold, with per text the offsets of its first row and of its rows
    after the first (from the first row's last cell to the end of the last row); None where
    the texts hold no such table, or tables of one length."""
    if len(texts) < 2:
        return None
    lines = [_lines(t) for t in texts]
    for delimiter in DELIMITERS:
        if not all(delimiter in t for t in texts):
            continue
        runs = [_runs(t, ls, delimiter) for t, ls in zip(texts, lines, strict=True)]
        if any(len(r) != 1 for r in runs) or len({r[0][2] for r in runs}) != 1:
            continue  # no table, or several: which run is which cannot be told
        found = [r[0] for r in runs]
        # The header: the table's first lines, alike in every text.
        header = 0
        while all(first + header < end for first, end, _ in found) and len({
                t[slice(*ls[first + header])] for t, ls, (first, _, _) in zip(texts, lines, found, strict=True)}) == 1:
            header += 1
        rows = [end - first - header for first, end, _ in found]
        if min(rows) < 1 or len(set(rows)) == 1:
            return None
        out = []
        for t, ls, (first, end, _) in zip(texts, lines, found, strict=True):
            start, stop = ls[first + header]
            cell = _last_cell(t[start:stop], delimiter)
            if cell is None:
                return None
            out.append((start, start + cell, ls[end - 1][1]))
        return Table(delimiter, out)
    return None


def marked(texts: Sequence[str], table: Table) -> list[str]:
    """The texts with each one's rows after the first (``table``, from :func:`tails`)
    replaced by ``MARK``, and the delimiters of its first row by ``CELL_MARKS``: one token
    each, never read as part of a value ("24,212" is two cells of a CSV row, no number).

    >>> texts = ["a,b,c\\n1,2,3", "a,b,c\\n4,5,6\\n7,8,9"]
    >>> marked(texts, tails(texts)) == ["a,b,c\\n1" + CELL_MARKS[0] + "2" + CELL_MARKS[1] + MARK,
    ...                                 "a,b,c\\n4" + CELL_MARKS[0] + "5" + CELL_MARKS[1] + MARK]
    True
    """
    out = []
    for t, (row, a, b) in zip(texts, table.spans, strict=True):
        cells = t[row:a].split(table.delimiter)
        if len(cells) > len(CELL_MARKS) + 1:
            cells = [table.delimiter.join(cells)]  # too wide to mark: left as it is
        first = "".join(c + (CELL_MARKS[k] if k < len(cells) - 1 else "") for k, c in enumerate(cells))
        out.append(t[:row] + first + MARK + t[b:])
    return out


def unmarked(text: str, delimiter: str) -> str:
    """``text`` (a literal of texts :func:`marked`) with its cell marks made ``delimiter`` again."""
    return text.translate({ord(m): delimiter for m in CELL_MARKS})


def delimiter_of(values: Sequence[str]) -> str | None:
    """The delimiter of the rows in ``values`` (a variable over the rows after tables' first,
    from :func:`tails`): the first of ``DELIMITERS`` that every row of every value holds
    equally often (and the first row's last cell no more often), or None.

    >>> delimiter_of(["0.7\\n1,2,0.6", "0.5"]), delimiter_of([" x |\\n| a | b |"]), delimiter_of(["a b"])
    (',', '|', None)
    """
    for d in DELIMITERS:
        counts = {v.count(d, *span) for v in values for span in _lines(v)[1:]}
        if len(counts) == 1 and (count := counts.pop()) > 0 and all(v.split("\n")[0].count(d) < count for v in values):
            return d
    return None
