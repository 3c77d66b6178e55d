"""List checks: a value that is the rest of a JSON list serves only lists like the ones seen.

Tool results of one shape align item by item except where lists differ in length: there the
rest of each list after its first item (``]`` for a list of one, ``,{...},{...}]`` for longer
ones) or the whole list (where one was empty) is one value (``induction.json_align``). Taken
for data, that value hides what its items hold: a list of one where every training list had
three (a deal "for 3 or more items"), a check "failed" among the rest where every check seen
was "success", a tag "vip" in second place where it was always first. So the answer records
each such value's ``TailCheck``: how many items it held (a request outside that range is a
miss, as a quantity outside its range is) and, for each field of its items that took a few
repeated words (a status, a tag), the words seen (any other word is a miss, as a closed slot's).

>>> check = TailCheck(items=(1, 3), closed={"status": ("success",)})
>>> tail_problem(check, ',{"id": 2, "status": "success"}]'), tail_problem(check, "]")
(None, 'held 0 items (seen: 1 to 3)')
>>> tail_problem(check, ',{"id": 2, "status": "failed"}]')
"held status 'failed' (seen: 'success')"
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict, Field

SCALAR = ""  # the field name standing for a list of strings' items themselves (tags)


class TailCheck(BaseModel):
    """What the rest of a list (or a whole list) held in the calls an answer was seen for."""

    model_config = ConfigDict(frozen=True)

    items: tuple[int, int]
    # Fields of the items (``SCALAR`` for string items) that took a few repeated words, with
    # the words seen.
    closed: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # The rest of a plain-text table (``induction.text_rows``) rather than of a JSON list: the
    # delimiter of its rows and how many cells each holds; ``closed`` and ``ranges`` are then
    # keyed by column (its index, as text).
    delimiter: str = ""
    cells: int = 0
    # Columns whose every cell seen was a number, with the (low, high) seen: a row outside is
    # a miss, as a quantity outside its range is ("reorder when a warehouse holds under 10").
    ranges: dict[str, tuple[float, float]] = Field(default_factory=dict)


def parse_tail(value: Any) -> list[Any] | None:
    """The items of a list's rest (``]``, ``, 2, 3]``) or of a whole list (``[1, 2]``), or
    None for anything else.

    >>> parse_tail("]"), parse_tail(', {"a": 1}]'), parse_tail("[1, 2]"), parse_tail("x]"), parse_tail(3)
    ([], [{'a': 1}], [1, 2], None, None)
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text == "]":
        return []
    if text.startswith(","):
        text = "[" + text[1:]
    if not (text.startswith("[") and text.endswith("]")):
        return None
    try:
        items = orjson.loads(text)
    except orjson.JSONDecodeError:
        return None
    return items if isinstance(items, list) else None


def field_words(items: list[Any]) -> dict[str, list[str]]:
    """Each field's string values over ``items`` (``SCALAR``: the items themselves).

    >>> field_words([{"s": "ok", "n": 1}, {"s": "bad"}, "vip"])
    {'s': ['ok', 'bad'], '': ['vip']}
    """
    out: dict[str, list[str]] = {}
    for item in items:
        if isinstance(item, str):
            out.setdefault(SCALAR, []).append(item)
        elif isinstance(item, dict):
            for key, v in item.items():
                if isinstance(v, str):
                    out.setdefault(key, []).append(v)
    return out


_NUMBER = re.compile(r"[$€£¥]?-?\d+(?:\.\d+)?")


def number(cell: str) -> float | None:
    """A table cell's plain number (a leading currency symbol allowed), else None.

    >>> number(" 126 "), number("$9.50"), number("2026-11-08"), number("4B")
    (126.0, 9.5, None, None)
    """
    cell = cell.strip()
    return float(cell.lstrip("$€£¥")) if _NUMBER.fullmatch(cell) else None


def table_rows(value: Any, delimiter: str, cells: int) -> tuple[int, dict[str, list[str]]] | None:
    """How many rows follow a table's first in ``value`` (``induction.text_rows``: the first
    row's last cells, then each further row on a line of its own) and each column's cells
    (keyed by index, stripped; the first row's cells at their columns), or None where a row
    holds another number of cells than ``cells``.

    >>> table_rows("0.7\\n5,B,0.2", ",", 3)
    (1, {'2': ['0.7', '0.2'], '0': ['5'], '1': ['B']})
    >>> table_rows("0.7\\n5,0.2", ",", 3) is None
    True
    """
    if not isinstance(value, str):
        return None
    lines = value.split("\n")
    head = lines[0].split(delimiter)
    if len(head) >= cells:
        return None
    columns: dict[str, list[str]] = {}
    for k, cell in enumerate(head):
        columns.setdefault(str(cells - len(head) + k), []).append(cell.strip())
    for line in lines[1:]:
        row = line.split(delimiter)
        if len(row) != cells:
            return None
        for k, cell in enumerate(row):
            columns.setdefault(str(k), []).append(cell.strip())
    return len(lines) - 1, columns


def _rows_problem(check: TailCheck, value: Any) -> str | None:
    found = table_rows(value, check.delimiter, check.cells)
    if found is None:
        return f"holds a row of other than {check.cells} cells"
    rows, columns = found
    low, high = check.items
    if not low <= rows <= high:
        return f"held {rows} more rows (seen: {low} to {high})"
    for col, allowed in check.closed.items():
        for w in columns.get(col, ()):
            if w not in allowed:
                shown = ", ".join(repr(a) for a in allowed[:5]) + (", ..." if len(allowed) > 5 else "")
                return f"held {w!r} in column {int(col) + 1} (seen: {shown})"
    for col, (lo, hi) in check.ranges.items():
        for cell in columns.get(col, ()):
            x = number(cell)
            if x is None or not lo <= x <= hi:
                return f"held {cell!r} in column {int(col) + 1} (seen: numbers from {lo:g} to {hi:g})"
    return None


def field_values(items: list[Any]) -> dict[str, list[Any]]:
    """Each field's values over ``items`` that are numbers or absent from none (``SCALAR``: the
    items themselves), whatever their type: a field holding a word in one item is no number.

    >>> field_values([{"n": 1, "s": "ok"}, {"n": 2.5}, 3])
    {'n': [1, 2.5], 's': ['ok'], '': [3]}
    """
    out: dict[str, list[Any]] = {}
    for item in items:
        if isinstance(item, dict):
            for key, v in item.items():
                if not isinstance(v, (dict, list)):
                    out.setdefault(key, []).append(v)
        elif not isinstance(item, list):
            out.setdefault(SCALAR, []).append(item)
    return out


def tail_problem(check: TailCheck, value: Any) -> str | None:
    """Why ``value`` is not a list like the ones seen (None: it is)."""
    if check.delimiter:
        return _rows_problem(check, value)
    items = parse_tail(value)
    if items is None:
        return "is not the rest of a list"
    low, high = check.items
    if not low <= len(items) <= high:
        return f"held {len(items)} items (seen: {low} to {high})"
    words = field_words(items)
    for key, allowed in check.closed.items():
        for w in words.get(key, ()):
            if w not in allowed:
                shown = ", ".join(repr(a) for a in allowed[:5]) + (", ..." if len(allowed) > 5 else "")
                return f"held {key + ' ' if key else ''}{w!r} (seen: {shown})"
    if check.ranges:
        values = field_values(items)
        for key, (lo, hi) in check.ranges.items():
            for v in values.get(key, ()):
                if isinstance(v, bool) or not isinstance(v, (int, float)) or not lo <= v <= hi:
                    return f"held {key + ' ' if key else ''}{v!r} (seen: numbers from {lo:g} to {hi:g})"
    return None


def out_of_tail(tails: Mapping[str, TailCheck], scope: Mapping[str, Any]) -> str | None:
    """The first variable whose list differs from the ones seen, with why; None if none does."""
    for var, check in tails.items():
        if var in scope and (problem := tail_problem(check, scope[var])) is not None:
            return f"{var} {problem}"
    return None
