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

Quantities count too: each field of the items whose every value was a quantity, as the first
item's would be (a number, an amount written as text, a measure, a date; no id, timestamp or
latency: ``quantity_range``), serves only inside the range seen, so a payout batch whose third
transfer is larger than any seen is a miss ("a second approver above $1,000").

Guards ``list_tail_count``, ``tail_status_unseen`` and ``json_tail_amount_cap``.

Learning side: ``tail_check`` (called by ``induction.induce.answers.Answerer.with_tails`` for
every answer; counted as ``tail_checks``). Request-time check:
``induction.runtime.tails.out_of_tail``.

>>> tail_check([',{"s": "ok"}]', ',{"s": "ok"},{"s": "ok"}]', ",{\\"s\\": \\"bad\\"}]"])
TailCheck(items=(1, 2), closed={'s': ('bad', 'ok')}, ranges={})
>>> tail_check(["]", "]"]).items, tail_check(["Ann", "]"]) is None
((0, 0), True)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from induction.evidence import value_kind
from induction.rules.unread_values import id_like, is_quantity
from induction.runtime.ranges import range_of
from induction.runtime.tails import SCALAR, TailCheck, field_values, parse_tail, words_of

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
    scalars: dict[str, list[Any]] = {}
    for items in lists:
        assert items is not None
        fields = field_values(items)
        for key, ws in words_of(fields).items():
            words.setdefault(key, []).extend(ws)
        for key, vs in fields.items():
            scalars.setdefault(key, []).extend(vs)
    for key, firsts_of in (firsts or {}).items():
        words.setdefault(key, []).extend(v for v in firsts_of if isinstance(v, str))
    closed = {}
    for key, ws in sorted(words.items()):
        seen = Counter(ws)
        if seen and max(seen.values()) >= 2 and all(len(w) <= WORD_MAX and not any(c.isdigit() for c in w)
                                                      for w in seen):
            closed[key] = tuple(sorted(seen))
    ranges = {key: bounds for key, vs in sorted(scalars.items())
              if (bounds := quantity_range(vs, f'"{key}": ' if key else "")) is not None}
    return TailCheck(items=(min(counts), max(counts)), closed=closed, ranges=ranges)


def quantity_range(values: Sequence[Any], label: str) -> tuple[float, float] | tuple[str, str] | None:
    """The bounds of the values a field took after a list's first item (``label``: its key, as
    ``"amount": ``), where they are quantities a decision may turn on, as the first item's
    would be (``unread-values``: no id after an id-like key, no timestamp, no latency; money
    and dates whatever their label), else None.

    >>> quantity_range([5.19, "28.66"], '"price": '), quantity_range(["2026-10-28", "2026-11-02"], '"due": ')
    ((5.19, 28.66), ('2026-10-28', '2026-11-02'))
    >>> quantity_range([1763212345678], '"placed_at": '), quantity_range([12.5], '"latency_ms": ')
    (None, None)
    >>> quantity_range([4521, 4533], '"ticket_id": '), quantity_range([3, "x"], ""), quantity_range(["ok"], "")
    (None, None, None)
    """
    vals = [v for v in values if not isinstance(v, bool) and v is not None]
    if not vals or len(vals) < len(values) or id_like(vals, label) or not is_quantity(vals):
        return None
    if value_kind(vals, label) != "quantity":
        return None
    return range_of(vals)


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
