"""Evidence: whether a value no answer reads is noise (data) or may decide the answer (structure).

A value that varies across the runs of a cluster and that no answer copies or computes
from is either **noise** (a request id, a latency, a port, a size: the answer is the
same whatever it is) or **deciding** (``Is 7 even?`` -> ``No``; a budget read to say
whether something fits). The runs tell them apart only by outcome: if several distinct
values were all followed by one shared answer template, the value is noise there; if
different values led to different answers, it is a branch; if too few values were seen,
the evidence is too thin and the value stays structure.

How many distinct values are enough depends on the value's kind (``value_kind``):

- ``"id"``: identifier-like numbers (a number glued to a word as in ``subdir31`` or
  ``blk_12``, a piece of an IP, a time or a version, a port, a size, a duration, a
  measurement with many decimals, or one after a label such as ``latency``, ``len``,
  ``pid``). Decisions rarely hinge on these: ``InductionConfig.min_distinct_noise``
  (default 2) distinct values with one outcome make it data.
- ``"quantity"``: counts, amounts, money, dates, numbers in a question. A decision
  may hinge on them (a threshold), so they need ``min_distinct_quantity`` (default 3)
  and then serve only values inside the range training saw (``ResponseTemplate.ranges``):
  a threshold nobody saw is not extrapolated past.

What no amount of same-outcome evidence can tell (a parity, a threshold inside the seen
range, a plural) is a known limit: the StructureJudge (an LLM) is the stage for those.

>>> value_kind(["31", "7"], "/mnt/subdir"), value_kind(["0.2477829", "0.25"], "time: "), value_kind([7, 9], "Is ")
('id', 'id', 'quantity')
>>> value_kind(["$12.00", "$30.00"], "latency "), value_kind(["50010", "50011"], "10.251.31.5:")
('quantity', 'id')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, Literal, TypeVar

from induction.runtime.ranges import (
    CLOCK,
    ISO_4217,
    as_number,
    bound_of,
    composite_range,
    days,
    measure,
    money_unit,
    pieces,
    vector,
)
from induction.tokens import recognise

ValueKind = Literal["id", "quantity"]
T = TypeVar("T")

# Labels (the literal text or JSON key before a value) of numbers that measure or name
# rather than count: a log line's len, time and port, a tool result's latency_ms, a pid.
NOISE_LABEL = re.compile(
    r"(?i)(?<![a-z])(?:latency|duration|elapsed|took|time|ms|millis|seconds|secs?\b|bytes?|size|\blen|length|"
    r"port|pid|tid|thread|seq|offset|cursor|uptime|build|checksum|hash|"
    r"nonce|token|session|trace|span|request|\breq|epoch|ts\b|timestamp|line|col|column|block|blk|"
    r"node|host|worker|partition|shard|pages?|index|idx)"
    # A unit after the label (duration_s, elapsed_ms, size_kb): the same measurement.
    r"(?:[_-](?:s|ms|us|ns|secs?|seconds|millis|[kmg]i?b|bytes))?[\W_]*\Z")
# Not here, though they often look like noise: versions, attempts and retries, memory and CPU
# figures, ranks: a decision is commonly made on them (API version 1 must migrate, the third
# failed attempt locks). They stay quantities: more evidence, and a range.

# ISO 4217 codes an amount is written after ("USD1500", "AED1249.00", "EUR 20"): the amount stays a
# quantity (``ranges.ISO_4217``).
CURRENCY_CODE = re.compile(r"(?<![A-Za-z])(?:" + ISO_4217.replace(" ", "|") + r")[-_ ]?\Z")

# The end of a field's key before its value ('"fraud_score": ', "'score': ", "score=", an escaped
# JSON key, the first item of a list '"scores": ['): a typed field of an API, whose decimals are a
# score or a rate, not a log line's measurement. Not a bare "KEY: " (a log line's "ARPT: 620701.011328:",
# a kernel's uptime, is one), so a YAML "score: 0.9731" is weighed as a log line's.
JSON_FIELD = re.compile(r"""[A-Za-z0-9_](?:\\?["']\s*[:=]|\s*=)\s*(?:\\?["']|\[\s*)?\Z""")

HOST_PORT = re.compile(r"(?i)\.[a-z]{2,}:\Z|\blocalhost:\Z|\d\]:\Z")
GLUED_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]{3,}[-_]?\Z")


# Labels of a length of time written as a clock ("lifetime 02:25", "elapsed 00:41"): no time of day.
DURATION_LABEL = re.compile(r"(?i)(?:duration|elapsed|took|lifetime|uptime|runtime|age|length)[\W_]*\Z")
# ":MM" right after a number (or a ":" and then another value, the minutes): that number is
# the hour of a clock time.
CLOCK_AFTER = re.compile(r":(?:[0-5]\d(?!\d)|\Z)")


def after_currency_symbol(label: str) -> bool:
    """Whether the literal before a value ends in a currency's symbol ("$" before "950k"): money.

    >>> after_currency_symbol('"size":"$'), after_currency_symbol("size ")
    (True, False)
    """
    return label.rstrip()[-1:] in ("$", "€", "£", "¥")


def value_kind(values: Sequence[Any], label: str, after: str = "") -> ValueKind:
    """Whether an unread number is identifier-like (``"id"``) or a quantity a decision may
    hinge on (``"quantity"``), from its values, the literal ``label`` before it and the
    literal ``after`` it.

    Money is always a quantity (an amount decides whether something is affordable), and so is
    the hour of a clock time ("Current time: 16:20", "placed at 13:45"): opening hours and
    cut-offs turn on it, whatever the label says.

    >>> value_kind(["12", "40"], "order "), value_kind(["3", "4"], "node-"), value_kind(["47", "12"], "18:01:")
    ('quantity', 'id', 'id')
    >>> value_kind(["1500", "700"], "expense: USD"), value_kind(["2", "3"], "severity P")
    ('quantity', 'quantity')
    >>> value_kind(["80", "443"], "sclick.baidu.com:"), value_kind(["3", "7"], '"cluster":"prod-')
    ('id', 'id')
    >>> value_kind([513, 307], '","duration_s":'), value_kind([513, 307], '","quota_s":')
    ('id', 'quantity')
    >>> value_kind(["10", "16"], "Current time: ", ":20."), value_kind(["10", "16"], "Current time: ", ":")
    ('quantity', 'quantity')
    >>> value_kind(["10", "16"], "Current time: "), value_kind(["5", "7"], "10.0.0.", ":")
    ('id', 'id')
    >>> value_kind(["13:45", "9:05"], '"placed_at":"'), value_kind(["00:01", "02:25"], "lifetime ")
    ('quantity', 'id')
    >>> value_kind(["0.5GB", "1.2GB"], '"attachment":"'), value_kind(["0.2477829s", "0.2500131s"], "")
    ('quantity', 'id')
    >>> value_kind([0.0731, 0.6442], '"fraud_score": '), value_kind(["0.0731", "0.6442"], "score ")
    ('quantity', 'id')
    """
    texts = [str(v) for v in values if not isinstance(v, bool)]
    if any(recognise(t.lstrip("-+")) in ("money", "date") for t in texts) or after_currency_symbol(label):
        return "quantity"  # money (after its symbol: "$" + "950k"), whatever its label
    duration = DURATION_LABEL.search(label[-24:]) is not None
    if texts and all(CLOCK.match(t) for t in texts):
        # A whole clock time ("placed_at": "13:45"), unless it measures a length of time.
        return "id" if duration else "quantity"
    if (not duration and CLOCK_AFTER.match(after) and not label[-1:].isdigit() and label[-1:] not in ".:-/"
            and texts and all(t.isdecimal() and int(t) <= 24 for t in texts)):
        return "quantity"  # the hour of a clock time
    tail = label[-24:]
    if (tail[-1:] == "_" or GLUED_WORD.search(tail)) and not CURRENCY_CODE.search(tail):
        # Glued to a word of 3+ letters: subdir31, blk_12, node12 name one of many things. Not
        # USD1500 (an amount), nor a one- or two-letter prefix (P1, v2, Q3: a level, a version).
        return "id"
    if HOST_PORT.search(tail):
        return "id"  # a port: www.baidu.com:80, localhost:8080
    if tail[-1:] in ".:-/" and tail[-2:-1].isdigit():
        return "id"  # a piece of an IP, a time, a version or a path: 10.251.31.5, 18:01:47
    if NOISE_LABEL.search(tail):
        return "id"
    numbers = [str(m[0]) if (m := measure(t)) else t for t in texts]  # "0.5GB": 0.5
    if (all("." in t and len(t.rsplit(".", 1)[1]) >= 3 for t in numbers) and numbers
            and not JSON_FIELD.search(tail) and not all(vector(t) for t in texts)):
        # A measurement in a log line: 0.2477829 s. Not a JSON field's 0.9731 (a score, a rate), nor
        # numbers in a row ("41.3753 -119.1371": a place, each number range-checked).
        return "id"
    return "quantity"


def composite_numbers(values: Sequence[Any], label: str) -> bool:
    """Whether every value is numbers joined by one separator, of one shape, and no plain
    number, date, clock time or IPv4 address ("1.9.8", "35/100", "08/25"): a version, a
    score, an expiry a decision may turn on, checked number by number
    (``ranges.composite_range``). Not after a label of noise (``NOISE_LABEL``: a build, a port).

    >>> composite_numbers(["2.3.1", "3.0.4"], "firmware "), composite_numbers(["10.0.0.5", "10.0.1.7"], "from ")
    (True, False)
    >>> composite_numbers(["2.3.1", "3.0"], "firmware "), composite_numbers(["1.2.3"], "build ")
    (False, False)
    """
    if any(bound_of(v) is not None for v in values) or composite_range(list(values)) is None:
        return False  # not all of one composite shape; plain numbers, dates and clock times are weighed as such
    shape = pieces(values[0])
    if shape is not None and shape[:2] == (".", "") and len(shape[2]) == 4 and all(
            max(p[2]) <= 255 for p in map(pieces, values) if p is not None):
        return False  # an IPv4 address: an id
    return not NOISE_LABEL.search(label[-24:])


def measures(values: Sequence[Any], label: str) -> bool:
    """Whether every value is a number with a unit ("1GB", "1.2GB", "38.5 °C") or a plain number,
    one of them at least with a unit: a size, a weight, a temperature a decision may turn on,
    one quantity whatever its decimals. Of one unit, it is range-checked
    (``ranges.measure_range``); of several ("900MB" beside "1.5GB", "45 min" beside "2 h") no
    range can check it, and it stays structure. Not after a label of noise (``NOISE_LABEL``: a
    latency, a size in a log line).

    >>> measures(["1GB", "1.2GB"], '"attachment":"'), measures(["1GB", "900MB"], '"attachment":"'), measures(["12ms", "9ms"], "latency ")
    (True, True, False)
    >>> measures(["1.5k", "900"], '"deal":"'), measures(["900", "12"], '"deal":"'), measures(["$950k", "$1.2M"], '"size":"')
    (True, False, True)
    """
    read = [measure(v) for v in values]
    # Money is a quantity whatever its label (a deal's "size": "$950k"), as in ``value_kind``.
    money = after_currency_symbol(label) or all(m is not None and money_unit(m[1]) for m in read)
    return (all(m is not None or isinstance(bound_of(v), float) for m, v in zip(read, values, strict=True))
            and any(m is not None for m in read) and (money or not NOISE_LABEL.search(label[-24:])))


def number_runs(values: Sequence[Any], label: str) -> bool:
    """Whether every value is two or more numbers separated only by spaces ("load average: 0.52
    0.58 0.59", "readings: 118 76 64") or a plain number, one at least of several: each number a
    quantity a decision may turn on. As many in each, they are range-checked one by one
    (``ranges.vector_range``); a row of another length has no place to check, and stays structure.
    Not after a label of noise.

    >>> number_runs(["118 76 64", "131 80 59"], "readings: "), number_runs(["118 76", "131 80 59"], "readings: ")
    (True, True)
    >>> number_runs(["118 76 64", "fine"], "readings: "), number_runs(["3 7", "12 40"], "took ")
    (False, False)
    """
    rows = [vector(v) for v in values]
    return (all(r is not None or isinstance(bound_of(v), float) for r, v in zip(rows, values, strict=True))
            and any(r is not None for r in rows) and not NOISE_LABEL.search(label[-24:]))


def times_of_day(values: Sequence[Any], label: str) -> bool:
    """Whether every value is a clock time ("13:45", "9:05") that is no length of time (after
    "lifetime", "elapsed"...): a time of day, a quantity (opening hours and cut-offs turn on it).

    >>> times_of_day(["13:45", "9:05"], '"placed_at":"'), times_of_day(["00:01"], "lifetime "), times_of_day(["18:01:47"], "")
    (True, False, False)
    """
    return (bool(values) and all(isinstance(v, str) and CLOCK.match(v) for v in values)
            and not DURATION_LABEL.search(label[-24:]))


def distinct(values: Sequence[Any]) -> int:
    """How many distinct values (JSON-equal ones counted once; ``1`` and ``1.0`` too).

    >>> distinct(["7", "7", 7, "9"])
    3
    """
    return len({(type(v).__name__ if isinstance(v, bool) else "", repr(v)) for v in values})


def enough(values: Sequence[Any], kind: ValueKind, *, min_noise: int, min_quantity: int) -> bool:
    """Whether ``values`` (all followed by one shared answer template) are enough evidence
    that the value is noise.

    >>> enough(["3", "4"], "id", min_noise=2, min_quantity=3), enough(["3", "4"], "quantity", min_noise=2, min_quantity=3)
    (True, False)
    """
    return distinct(values) >= (min_noise if kind == "id" else min_quantity)


ORDER_MAX_VARS = 16  # numeric variables compared pairwise (the lookup checks every pair kept)


# Which numbers may be compared, read off the last name in their labels (a JSON key such as
# "latency_ms" or "lifetime_orders", the words before a value in text). Review 20 (docs/review/
# traps20) showed words that name what a number is about are no unit: points, credits, days and
# hours are costed, balanced and budgeted too; "min" is a minimum, "_us" a region, "_s" a size.
# So only two cases keep no order: a measurement of the call itself (its latency, how long it
# took) against a count, a size or money; two numbers in explicit, different units.
_TIME_UNITS = frozenset({"ms", "msec", "millis", "milliseconds", "us", "ns", "s", "sec", "secs", "seconds", "min",
                         "mins", "minutes", "h", "hr", "hrs", "hours", "days", "weeks", "months", "years"})
_COUNT_WORDS = frozenset({"count", "num", "qty", "quantity"})
_NOT_PLURAL = re.compile(r"(?:ss|us|is|ys)\Z")
_NAME = re.compile(r"([A-Za-z][A-Za-z0-9_\-]*)[^A-Za-z0-9]*\Z")
_MEASURE_WORDS = frozenset({"latency", "took", "elapsed", "duration", "rtt", "uptime"})
_EXPLICIT = {"ms": ("time", "ms"), "msec": ("time", "ms"), "millis": ("time", "ms"), "milliseconds": ("time", "ms"),
             "sec": ("time", "s"), "secs": ("time", "s"), "seconds": ("time", "s"), "mins": ("time", "min"),
             "minutes": ("time", "min"), "hrs": ("time", "h"), "hours": ("time", "h"),
             "bytes": ("size", "b"), "kb": ("size", "kb"), "kib": ("size", "kb"), "mb": ("size", "mb"),
             "mib": ("size", "mb"), "gb": ("size", "gb"), "gib": ("size", "gb"), "tb": ("size", "tb")}
_SIZE_UNITS = frozenset(unit for unit, (kind, _) in _EXPLICIT.items() if kind == "size")


@functools.lru_cache(maxsize=4096)
def _words(label: str) -> tuple[str, ...]:
    """The lower-cased words of the last name in ``label`` ("lifetime_orders" -> lifetime, orders);
    memoised: every pair of numbers at a node asks for both labels' words."""
    m = _NAME.search(label[-32:])
    return tuple(w.lower() for w in re.split(r"[_\-]+|(?<=[a-z])(?=[A-Z])", m.group(1)) if w) if m else ()


def _measures_call(label: str) -> bool:
    """Whether the number after ``label`` measures the call itself: its latency, how long it took."""
    w = _words(label)
    if len(w) > 1 and w[-1] in _TIME_UNITS:
        w = w[:-1]  # latency_ms, elapsed_s, took_min: the measurement in a unit
    return bool(w) and w[-1] in _MEASURE_WORDS


def _dimension(label: str) -> str | None:
    """What a number after ``label`` is by what the label says outright: money after a currency's
    symbol or code (not a money word: points, credits, days and hours are budgeted and balanced
    too), a size in its unit, a time in its unit, a count by its count word or a plural."""
    if after_currency_symbol(label) or CURRENCY_CODE.search(label[-24:]):
        return "money"
    w = _words(label)
    if not w:
        return None
    if w[-1] in _SIZE_UNITS:
        return "size"
    if (w[-1] in _TIME_UNITS and (len(w) > 1 or len(w[-1]) > 2)) or _measures_call(label):
        return "time"
    if w[-1] in _COUNT_WORDS or (len(w[-1]) > 3 and w[-1].endswith("s") and not _NOT_PLURAL.search(w[-1])):
        return "count"
    return None


def comparable(label_a: str, label_b: str) -> bool:
    """Whether numbers after these labels may be compared: not a
    measurement of the call itself (its latency, how long it took) against a count, a size or
    money; not two numbers in explicit, different units (ms against seconds, MB against GB).

    >>> comparable('"lifetime_orders": ', '","latency_ms":'), comparable('"size_mb":', '"limit_mb":')
    (False, True)
    >>> comparable('"budget":', '"price":'), comparable('"value":', '"threshold":'), comparable('"eta_s":', '"took_ms":')
    (True, True, True)
    >>> comparable('"elapsed_s":', '"budget":'), comparable('"nights":', '"max_stay_days":'), comparable('"quantity":', '"qty_min":')
    (True, True, True)
    """
    for x, y in ((label_a, label_b), (label_b, label_a)):
        if _measures_call(x) and _dimension(y) not in (None, "time"):
            return False  # how long the call took against a count, a size, an amount
    wa, wb = _words(label_a), _words(label_b)
    ea = _EXPLICIT.get(wa[-1]) if len(wa) > 1 else None
    eb = _EXPLICIT.get(wb[-1]) if len(wb) > 1 else None
    return ea is None or eb is None or ea == eb


def order_pairs(scopes: Sequence[Mapping[str, Any]], bounded: Collection[str],
                labels: Mapping[str, str] | None = None) -> tuple[tuple[str, str], ...]:
    """Pairs ``(a, b)`` of numeric variables with ``a <= b`` in every call an answer was seen
    for, where one of them is a quantity taken for noise on evidence (``bounded``), unless both
    are and their ranges are apart (the ranges alone keep the order then; a size no range checks
    is kept in order with its limit), or their ``labels`` name different units (``comparable``). "Can I afford the laptop for $900?"
    answered Yes under budgets of $1,000, $800 (the $400 tablet) and $1,200 ($750): per-variable
    ranges would serve Yes for an $850 budget and the $900 laptop, both in range; the order
    budget >= price that every Yes showed is what the answer may turn on.

    >>> yes = [{"budget": 1000, "price": 900}, {"budget": 800, "price": 400}, {"budget": 1200, "price": 750}]
    >>> order_pairs(yes, {"budget"})
    (('price', 'budget'),)
    >>> order_pairs([{"budget": 1000, "price": 900}, {"budget": 500, "price": 600}], {"budget"})
    ()
    >>> order_pairs([{"size_mb": 120, "limit": 700}, {"size_mb": 480, "limit": 900}], {"limit"})
    (('size_mb', 'limit'),)
    """
    if not scopes or not bounded:
        return ()
    nums = columns(scopes, as_number)
    names = list(nums)
    out: list[tuple[str, str]] = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if a not in bounded and b not in bounded:
                continue
            if labels and not comparable(labels.get(a, ""), labels.get(b, "")):
                continue  # not comparable (``comparable``): an order between them is chance
            xa, xb = nums[a], nums[b]
            if (max(xa) < min(xb) or max(xb) < min(xa)) and a in bounded and b in bounded:
                continue  # ranges apart, both checked: the range checks already keep the order
            if all(p <= q for p, q in zip(xa, xb, strict=True)) and any(p < q for p, q in zip(xa, xb, strict=True)):
                out.append((a, b))
            elif all(q <= p for p, q in zip(xa, xb, strict=True)) and any(q < p for p, q in zip(xa, xb, strict=True)):
                out.append((b, a))
    return tuple(out)


def order_gaps(scopes: Sequence[Mapping[str, Any]], bounded: Collection[str],
               labels: Mapping[str, str] | None = None) -> tuple[tuple[str, str, float, float], ...]:
    """Pairs ``(a, b, low, high)`` of quantities taken for noise on evidence (``bounded``), with
    ``a <= b`` and ``low <= b - a <= high`` in every call (not of different units by their
    ``labels``, ``comparable``): how far apart the two were, as a
    range is how high one was. "Warn when a transfer leaves less than $200": every transfer
    training saw left $267 or more, so a $1,581 transfer from $1,735 (each inside its range)
    is not served the "Done." learnt there.

    >>> order_gaps([{"amount": 647, "balance": 914}, {"amount": 517, "balance": 3979}], {"amount", "balance"})
    (('amount', 'balance', 267.0, 3462.0),)
    >>> order_gaps([{"amount": 647, "balance": 914}, {"amount": 517, "balance": 300}], {"amount", "balance"})
    ()
    """
    if not scopes:
        return ()
    nums = columns(scopes, as_number)
    names = sorted(v for v in nums if v in bounded)
    out: list[tuple[str, str, float, float]] = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if labels and not comparable(labels.get(a, ""), labels.get(b, "")):
                continue
            gaps = [y - x for x, y in zip(nums[a], nums[b], strict=True)]
            if min(gaps) >= 0:
                out.append((a, b, min(gaps), max(gaps)))
            elif max(gaps) <= 0:  # b <= a in every call: written the way round that reads as a gap
                out.append((b, a, -max(gaps), -min(gaps)))
            # Either way round in some calls: no order, so no gap to keep.
    return tuple(out)


def date_spans(scopes: Sequence[Mapping[str, Any]], bounded: Collection[str]) -> tuple[tuple[str, str, int, int], ...]:
    """Pairs ``(a, b, low, high)`` of ISO-date variables, one of them a date taken for noise on
    evidence (``bounded``), with ``low <= b - a <= high`` days in every call an answer was seen
    for. Each date inside its own range does not keep their distance: "Today is 2026-08-01"
    and a purchase on 2026-03-01 are each inside what training saw, and 150 days apart where
    every refund was within 30.

    >>> calls = [{"today": "2026-03-20", "bought": "2026-03-01"}, {"today": "2026-07-02", "bought": "2026-06-30"}]
    >>> date_spans(calls, {"today"})
    (('bought', 'today', 2, 19),)
    >>> date_spans(calls, set())
    ()
    """
    if not scopes or not bounded:
        return ()
    dates = columns(scopes, days)
    names = sorted(dates)
    out: list[tuple[str, str, int, int]] = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if a not in bounded and b not in bounded:
                continue
            gaps = [y - x for x, y in zip(dates[a], dates[b], strict=True)]
            if max(gaps) <= 0:  # written the way round that reads as elapsed days
                a, b, gaps = b, a, [-g for g in gaps]
            out.append((a, b, min(gaps), max(gaps)))
    return tuple(out)


def undated(value: Any) -> bool:
    """Whether a value reads as a point in time (a date or a timestamp, ``tokens.recognise``)
    that ``ranges.days`` cannot place ("03/04/2026": day or month first?): no span can be kept
    between it and another date.

    >>> undated("03/04/2026"), undated("2026-03-04T10:00:00Z"), undated("shipped")
    (True, False, False)
    """
    return isinstance(value, str) and recognise(value.strip()) in ("date", "timestamp") and days(value) is None


def unkept_dates(scopes: Sequence[Mapping[str, Any]], checked: Collection[str]) -> str | None:
    """A variable whose values are points in time no span can be kept against (``undated``),
    in scope beside a date whose range is checked (``checked``): the answer may turn on how
    far apart the two are, which nothing would check. None when there is none.

    >>> unkept_dates([{"today": "2026-05-10", "bought": "04/20/2026"}], {"today"})
    'bought'
    >>> unkept_dates([{"today": "2026-05-10", "bought": "2026-04-20T14:18:00Z"}], {"today"}) is None
    True
    """
    if not scopes or not any(all(days(sc.get(v)) is not None for sc in scopes) for v in checked):
        return None
    return next((var for var in scopes[0] if var not in checked
                 and all(undated(sc.get(var)) for sc in scopes)), None)


def columns(scopes: Sequence[Mapping[str, Any]], convert: Callable[[Any], T | None],
            limit: int = ORDER_MAX_VARS) -> dict[str, list[T]]:
    """Each variable of the first scope whose value ``convert`` reads in every scope, with the
    values read, in scope order (at most ``limit``: the lookup checks every pair kept).

    >>> columns([{"a": "3", "b": "x"}, {"a": 4, "b": "y"}], as_number)
    {'a': [3.0, 4.0]}
    """
    out: dict[str, list[T]] = {}
    for var in scopes[0]:
        values = [convert(sc.get(var)) for sc in scopes]
        if all(v is not None for v in values):
            out[var] = [v for v in values if v is not None]
            if len(out) == limit:
                break
    return out
