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

from collections.abc import Mapping
from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict, Field

from induction.runtime.ranges import in_range

SCALAR = ""  # the field name standing for a list of strings' items themselves (tags)


class TailCheck(BaseModel):
    """What the rest of a list (or a whole list) held in the calls an answer was seen for."""

    model_config = ConfigDict(frozen=True)

    items: tuple[int, int]
    # Fields of the items (``SCALAR`` for string items) that took a few repeated words, with
    # the words seen.
    closed: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # Fields whose every value was a quantity (a number, an amount written as text, a measure,
    # a date), with the bounds seen (as ``ResponseTemplate.ranges`` writes them): an item
    # outside is a miss, as a quantity outside its range is (a payout batch whose third
    # transfer is larger than any seen; "a second approver above $1,000").
    ranges: dict[str, tuple[float, float] | tuple[str, str]] = Field(default_factory=dict)


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
    return words_of(field_values(items))


def words_of(values: Mapping[str, list[Any]]) -> dict[str, list[str]]:
    """The string values of each field of ``values`` (``field_values``), fields without one left out."""
    return {key: ws for key, vs in values.items() if (ws := [v for v in vs if isinstance(v, str)])}


def field_values(items: list[Any]) -> dict[str, list[Any]]:
    """Each field's scalar values over ``items`` (``SCALAR``: the items themselves).

    >>> field_values([{"n": 1, "s": "ok"}, {"n": 2.5, "o": {}}, 3])
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
        for key, bounds in check.ranges.items():
            for v in values.get(key, ()):
                if not in_range(v, bounds):
                    return f"held {key + ' ' if key else ''}{v!r} (seen: {bounds[0]} to {bounds[1]})"
    return None


def out_of_tail(tails: Mapping[str, TailCheck], scope: Mapping[str, Any]) -> str | None:
    """The first variable whose list differs from the ones seen, with why; None if none does."""
    for var, check in tails.items():
        if var in scope and (problem := tail_problem(check, scope[var])) is not None:
            return f"{var} {problem}"
    return None
