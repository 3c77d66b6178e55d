"""list-tails: the rest of a JSON list taken for data serves only lists like the ones seen.

False hit prevented: "Yes, the 3-for-2 deal applies." served for a cart of one item where every
training cart had three or four; "All checks passed." served where the second check failed
and every check training saw succeeded; the standard queue served for a ticket whose tags hold
"vip" in second place where "vip" was always first. Tool results of one shape align item by
item except where lists differ in length: there the rest of each list (or, where one list was
empty, each whole list) is one value (``induction.json_align``), which evidence may take for
data (``structure-evidence``: many distinct rests, runs alike). Its items' count and words are
then what no other check sees. The answer records, per such variable, how many items the
lists held and, for each field of the items that took a few repeated words without digits (a
status, a tag), the words seen (``tail_check``); where the first item's field is a variable
of its own, its values count among those words and it serves only them too (a closed slot,
``ResponseTemplate.choices``: "vip" first where it was never seen is a miss).

Numbers count too: each field of the items whose every value was a quantity (as the first
item's would be: no id, no timestamp, no latency; ``ranged``) serves only inside the range seen,
so a payout batch whose third transfer is over any amount seen is a miss ("a second approver
above $1,000").

The rows of a plain-text table after its first (``induction.text_rows``: CSV, a markdown or a
tab-separated table of more rows in some results than others) are one value too, checked the
same way column by column (``rows_check``): how many rows, how many cells each, the words of a
column of a few repeated words, the range of a column of numbers.

Guards ``list_tail_count``, ``tail_status_unseen``, ``json_tail_amount_cap``,
``csv_tail_price_cap`` and ``csv_tail_closed_room``.

Learning side: ``tail_check`` and ``rows_check`` (called by
``induction.induce.answers.Answerer.with_tails`` for every answer; counted as ``tail_checks``). Request-time check:
``induction.runtime.tails.out_of_tail``.

>>> tail_check([',{"s": "ok"}]', ',{"s": "ok"},{"s": "ok"}]', ",{\\"s\\": \\"bad\\"}]"])
TailCheck(items=(1, 2), closed={'s': ('bad', 'ok')}, delimiter='', cells=0, ranges={})
>>> tail_check(["]", "]"]).items, tail_check(["Ann", "]"]) is None
((0, 0), True)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from induction.evidence import value_kind
from induction.rules.unread_values import id_like, is_quantity
from induction.runtime.tails import (
    SCALAR,
    TailCheck,
    field_values,
    field_words,
    number,
    parse_tail,
    table_rows,
)
from induction.text_rows import delimiter_of

WORD_MAX = 40  # longer strings are text (a title, a message), no vocabulary


def tail_check(values: Sequence[Any], firsts: Mapping[str, Sequence[Any]] | None = None) -> TailCheck | None:
    """The check of a variable whose every value is the rest of a list (or a whole list), or
    None if one is not. A field is closed when its words repeat (some word seen twice) and
    none holds a digit or is longer than ``WORD_MAX``: ids, names and amounts stay free.
    ``firsts``: the values the same field took in the lists' first items, where those are
    variables of their own (one list's words, wherever they stand).

    >>> tail_check([',"beta"]', "]"], {"": ["mobile", "beta"]}).closed
    {'': ('beta', 'mobile')}
    """
    lists = [parse_tail(v) for v in values]
    if not lists or any(items is None for items in lists):
        return None
    counts = [len(items) for items in lists if items is not None]
    words: dict[str, list[str]] = {}
    for items in lists:
        assert items is not None
        for key, ws in field_words(items).items():
            words.setdefault(key, []).extend(ws)
    for key, vs in (firsts or {}).items():
        words.setdefault(key, []).extend(v for v in vs if isinstance(v, str))
    closed = {}
    for key, ws in sorted(words.items()):
        seen = Counter(ws)
        if seen and max(seen.values()) >= 2 and all(len(w) <= WORD_MAX and not any(c.isdigit() for c in w)
                                                      for w in seen):
            closed[key] = tuple(sorted(seen))
    numbers: dict[str, list[Any]] = {}
    for items in lists:
        assert items is not None
        for key, ns in field_values(items).items():
            numbers.setdefault(key, []).extend(ns)
    ranges = {key: (float(min(ns)), float(max(ns))) for key, ns in sorted(numbers.items())
              if ranged(ns, f'"{key}": ' if key else "")}
    return TailCheck(items=(min(counts), max(counts)), closed=closed, ranges=ranges)


def ranged(values: Sequence[Any], label: str) -> bool:
    """Whether the values a field (or a column) took after a list's first item are numbers a
    decision may turn on, served only inside their range: all numbers, quantities as the
    first item's would be (``unread-values``: no id after an id-like key, no timestamp, no
    latency).

    >>> ranged([5.19, 28.66], '"price": '), ranged([1763212345678], '"placed_at": '), ranged([12.5], '"latency_ms": ')
    (True, False, False)
    >>> ranged([4521, 4533], '"ticket_id": '), ranged([3, "x"], ""), ranged([], "")
    (False, False, False)
    """
    nums = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
    return (bool(values) and len(nums) == len(values) and not id_like(nums, label) and is_quantity(nums)
            and value_kind(nums, label) == "quantity")


def rows_check(values: Sequence[Any]) -> TailCheck | None:
    """The check of a variable over the rows after plain-text tables' first
    (``induction.text_rows``), or None if its values are not such rows: how many rows, how many
    cells each, the words of each column that took a few repeated words without digits (as
    a list's closed fields) and the range of each column whose every cell was a number.

    >>> c = rows_check(["0.7\\nA,3,0.5", "0.9\\nA,5,0.4\\nB,4,0.8", "0.6"])
    >>> c.items, c.cells, c.closed, c.ranges
    ((0, 2), 3, {'0': ('A', 'B')}, {'1': (3.0, 5.0), '2': (0.4, 0.9)})
    """
    if not values or not all(isinstance(v, str) for v in values):
        return None
    delimiter = delimiter_of(values)
    if delimiter is None:
        return None
    cells = next(v.split("\n")[1].count(delimiter) for v in values if "\n" in v) + 1
    parsed = [table_rows(v, delimiter, cells) for v in values]
    if any(p is None for p in parsed):
        return None
    counts: list[int] = []
    columns: dict[str, list[str]] = {}
    for p in parsed:
        assert p is not None
        counts.append(p[0])
        for col, cs in p[1].items():
            columns.setdefault(col, []).extend(cs)
    closed, ranges = {}, {}
    for col, cs in sorted(columns.items(), key=lambda kv: int(kv[0])):
        seen = Counter(cs)
        if max(seen.values()) >= 2 and all(len(w) <= WORD_MAX and not any(c.isdigit() for c in w) for w in seen):
            closed[col] = tuple(sorted(seen))
        else:
            nums = [n for n in map(number, cs) if n is not None]
            if len(nums) == len(cs) and ranged([int(n) if n.is_integer() else n for n in nums], ""):
                ranges[col] = (min(nums), max(nums))
    return TailCheck(items=(min(counts), max(counts)), closed=closed, delimiter=delimiter, cells=cells, ranges=ranges)


def first_items(gaps: Sequence[tuple[str, str]]) -> dict[str, dict[str, str]]:
    """From (path, variable) pairs of one message's gaps: per variable holding a list's rest
    (``$.tags[1:]``), the variables of its first item's fields (``$.tags[0]`` -> ``SCALAR``,
    ``$.items[0].status`` -> ``status``).

    >>> first_items([("$.tags[0]", "tag"), ("$.tags[1:]", "rest"), ("$.items[0].s", "s"), ("$.items[1:]", "more")])
    {'rest': {'': 'tag'}, 'more': {'s': 's'}}
    """
    paths = dict(gaps)
    out: dict[str, dict[str, str]] = {}
    for path, var in gaps:
        if not path.endswith("[1:]"):
            continue
        head = path[:-len("[1:]")] + "[0]"
        fields = {SCALAR if p == head else p[len(head) + 1:]: v for p, v in paths.items()
                  if p == head or (p.startswith(head + ".") and "." not in p[len(head) + 1:] and "[" not in p[len(head):])}
        if fields:
            out[var] = fields
    return out
