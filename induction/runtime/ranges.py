"""Range checks: an answer seen only with a quantity between two values serves only those.

A number no answer reads, seen with several values and one answer, is taken for noise
(``induction.evidence``); but a threshold outside the values training saw would not have
shown. So the answer records the range of each such quantity (``ResponseTemplate.ranges``)
and a request with a value outside it is a miss. ISO dates are compared as text; two dates
are also kept as far apart as training saw them (``ResponseTemplate.spans``): "today" and a
purchase date each inside their ranges may still be further apart than any return window seen.

>>> in_range("$1,250.00", (100.0, 2000.0)), in_range(7, (1.0, 5.0)), in_range("2026-11-03", ("2026-01-01", "2026-12-31"))
(True, False, True)
>>> in_range("plenty", (1.0, 5.0)), in_range(True, (0.0, 1.0))
(False, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Any

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
# A clock time of day ("9:05", "14:47"): compared as zero-padded text, as ISO dates are.
CLOCK = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)\Z")

Bound = float | str
# A number in e-notation as JSON writes small and large floats ("2.9e-6", "1.5E+10"), with a
# decimal point or a signed exponent: "8e10" alone reads as a piece of a hex id.
SCIENTIFIC = re.compile(r"\d+(?:\.\d+[eE][-+]?|[eE][-+])\d+\Z")


def as_number(value: Any) -> float | None:
    """A value as a number (``$1,250.00`` -> 1250.0, ``−5`` -> -5.0, ``2.9e-6``; dates, words,
    booleans: None).

    >>> as_number("$1,250.00"), as_number(7), as_number("\u22125"), as_number("2026-11-03"), as_number(True)
    (1250.0, 7.0, -5.0, None, None)
    >>> as_number("2.9e-6"), as_number("1e-05"), as_number("8e10"), as_number(10**400)
    (2.9e-06, 1e-05, None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return float(value)
        except OverflowError:  # an int of 400 digits is no quantity
            return None
    if not isinstance(value, str):
        return None
    text = value.strip().replace("\u2212", "-")
    sign = ""
    if text[:1] in "+-":
        sign, text = text[:1], text[1:]
    text = text.lstrip("$€£¥").replace(",", "")
    if SCIENTIFIC.match(text):
        return float(sign + text)
    if not text or not (text.replace(".", "", 1).isdecimal()):  # "²" is a digit, but no number
        return None
    return float(sign + text)


def bound_of(value: Any) -> Bound | None:
    """What a value is compared as: a number, or an ISO date or a clock time as text; None if
    none of them.

    >>> bound_of("$5"), bound_of("2026-01-02"), bound_of("9:05"), bound_of("25:00")
    (5.0, '2026-01-02', '09:05', None)
    """
    number = as_number(value)
    if number is not None:
        return number
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        return value.strip()
    if isinstance(value, str) and (m := CLOCK.match(value.strip())):
        return f"{int(m.group(1)):02d}:{m.group(2)}"
    return None


# The active ISO 4217 currency codes, less those that are everyday words in capitals (ALL, TOP, CUP,
# MOP, SOS, BOB): a number glued to those is a name's piece as much as an amount.
ISO_4217 = (
    "AED AFN AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BRL BSD BTN BWP BYN BZD CAD CDF "
    "CHF CLP CNY COP CRC CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD "
    "HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL "
    "LYD MAD MDL MGA MKD MMK MNT MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP "
    "PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SRD SSP STN SVC SYP SZL THB TJS TMT "
    "TND TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL")
_CODES = frozenset(ISO_4217.split())
_AMOUNT = r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# A number followed by a short unit ("1GB", "1.2GB", "38.5 °C", "250ms", "1,249.00 AED"): one quantity
# whose unit must match; "1GB" and "1.2GB" are the same kind of value in two shapes.
MEASURE = re.compile(rf"([$€£¥]?)({_AMOUNT}) ?([A-Za-z%°µ][A-Za-z%°µ/]{{0,3}})\Z")
# An amount after its currency's code ("AED1249.00", "USD 20"): the code is its unit.
CODE_AMOUNT = re.compile(rf"({ISO_4217.replace(' ', '|')}) ?({_AMOUNT})\Z")


def measure(value: Any) -> tuple[float, str] | None:
    """A number with a unit as (number, unit); None for anything else (a plain number, a word,
    a version "v2.1", an ordinal "3rd"... is read as a measure in "rd", compared only with "rd").

    >>> measure("1.2GB"), measure("1 GB"), measure("38.5°C"), measure("12"), measure("v2.1"), measure("1.2.3GB")
    ((1.2, 'GB'), (1.0, 'GB'), (38.5, '°C'), None, None, None)
    >>> measure("AED1,249.00"), measure("1249.00 AED"), measure("ABC12"), measure("$950k"), measure("$12.50")
    ((1249.0, 'AED'), (1249.0, 'AED'), None, (950.0, '$k'), None)
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if m := MEASURE.match(text):  # "$950k": 950 of "$k", a currency's symbol part of the unit
        return float(m.group(2).replace(",", "")), m.group(1) + m.group(3)
    if m := CODE_AMOUNT.match(text):
        return float(m.group(2).replace(",", "")), m.group(1)
    return None


def money_unit(unit: str) -> bool:
    """Whether a measure's unit names money: its currency's symbol ("$k") or ISO 4217 code ("AED").

    >>> money_unit("$k"), money_unit("AED"), money_unit("GB")
    (True, True, False)
    """
    return unit[:1] in "$€£¥" or unit in _CODES


def measure_range(values: list[Any]) -> tuple[str, str] | None:
    """The low and the high of measures of one unit, written as measures; None if they are
    not all measures of one unit.

    >>> measure_range(["1GB", "1.2GB", "0.5 GB"]), measure_range(["1GB", "1.2MB"]), measure_range(["$950k", "$50k"])
    (('0.5GB', '1.2GB'), None, ('$50k', '$950k'))
    """
    read = [measure(v) for v in values]
    units = {m[1] for m in read if m is not None}
    if not read or any(m is None for m in read) or len(units) != 1:
        return None
    nums = [m[0] for m in read if m is not None]
    unit = units.pop()
    return _as_measure(min(nums), unit), _as_measure(max(nums), unit)


def _as_measure(x: float, unit: str) -> str:
    """A number and its unit written as ``measure`` reads them back: ``(950.0, "$k")`` -> ``$950k``."""
    if unit[:1] in "$€£¥":
        return unit[0] + _written(x) + unit[1:]
    return _written(x) + unit


def _written(x: float) -> str:
    """A float as a measure writes it: ``2.0`` -> ``2``, ``1.25`` -> ``1.25``."""
    text = repr(x)
    return text[:-2] if text.endswith(".0") else text


def in_measure(value: Any, lo: str, hi: str) -> bool:
    """Whether ``value`` is a measure of the unit of ``lo`` and ``hi``, between them.

    >>> in_measure("1.5 GB", "0.5GB", "2GB"), in_measure("2.1GB", "0.5GB", "2GB"), in_measure("1.5MB", "0.5GB", "2GB")
    (True, False, False)
    """
    v, a, b = measure(value), measure(lo), measure(hi)
    return v is not None and a is not None and b is not None and v[1] == a[1] and a[0] <= v[0] <= b[0]


def vector(value: Any) -> tuple[float, ...] | None:
    """Two or more numbers separated only by spaces ("0.52 0.58 0.59", "118 76 64", "200 38314"):
    each its own quantity; None for anything else.

    >>> vector("118 76 64"), vector("40.71 -74.00"), vector("118"), vector("118 bpm")
    ((118.0, 76.0, 64.0), (40.71, -74.0), None, None)
    """
    if not isinstance(value, str):
        return None
    words = value.split()
    if len(words) < 2:
        return None
    numbers = [as_number(w) for w in words]
    return None if any(n is None for n in numbers) else tuple(n for n in numbers if n is not None)


def vector_range(values: list[Any]) -> tuple[str, str] | None:
    """The lows and the highs of each number of vectors of one length, written as vectors; None
    if they are not all vectors of one length. After a "|", how each number stood to the next in
    every row ("<", ">", "=", or "?" where it varied): a final score "2 4" has each number inside
    its range after home wins alone, and the order no row showed.

    >>> vector_range(["118 76 64", "131 80 59"]), vector_range(["118 76", "118 76 64"])
    (('118 76 59|>>', '131 80 64|>>'), None)
    >>> vector_range(["3 1", "1 1"])
    ('1 1|?', '3 1|?')
    """
    read = [vector(v) for v in values]
    lengths = {len(r) for r in read if r is not None}
    if not read or any(r is None for r in read) or len(lengths) != 1:
        return None
    rows = [r for r in read if r is not None]
    cols = range(len(rows[0]))
    signs = "".join(_sign({_sign_of(r[i], r[i + 1]) for r in rows}) for i in cols[:-1])
    return (" ".join(_written(min(r[i] for r in rows)) for i in cols) + "|" + signs,
            " ".join(_written(max(r[i] for r in rows)) for i in cols) + "|" + signs)


def _sign_of(x: float, y: float) -> str:
    return "<" if x < y else ">" if x > y else "="


def _sign(seen: set[str]) -> str:
    return seen.pop() if len(seen) == 1 else "?"


def in_vector(value: Any, lo: str, hi: str) -> bool:
    """Whether ``value`` is a vector of as many numbers as ``lo`` and ``hi``, each between theirs
    (and each standing to the next as in every row seen, after a "|").

    >>> in_vector("120 78 60", "118 76 59|>>", "131 80 64|>>"), in_vector("172 101 88", "118 76 59", "131 80 64")
    (True, False)
    >>> in_vector("2 4", "1 0|>", "6 4|>"), in_vector("5 4", "1 0|>", "6 4|>")
    (False, True)
    """
    lo, _, signs = lo.partition("|")
    hi = hi.partition("|")[0]
    v, a, b = vector(value), vector(lo), vector(hi)
    if v is None or a is None or b is None or not len(v) == len(a) == len(b):
        return False
    if not all(x <= y <= z for x, y, z in zip(a, v, b, strict=True)):
        return False
    return all(sign == "?" or _sign_of(v[i], v[i + 1]) == sign for i, sign in enumerate(signs))


# Numbers joined by one separator in a value that is no plain number ("1.9.8", "35/100",
# "08/25", "9-11"), maybe with a short unit ("v2.1", "1.2.0b"): each number is compared on its
# own. Written as the lows and the highs of each piece ("2.0.1", "3.11.9"). A decimal with a
# unit ("3.4GB") is a measure, one number.
COMPOSITE = re.compile(r"([A-Za-z]{0,2})(\d+(?:([./\-])\d+)(?:\3\d+)*)([A-Za-z%]{0,3})\Z")


def pieces(value: Any) -> tuple[str, str, tuple[int, ...]] | None:
    """A composite value's shape (prefix, separator and unit), and its numbers.

    >>> pieces("1.9.8"), pieces("v2.1"), pieces("12"), pieces("1.2-3"), pieces("3.4GB")
    (('.', '', (1, 9, 8)), ('v.', '', (2, 1)), None, None, None)
    """
    if not isinstance(value, str) or measure(value) is not None:
        return None
    m = COMPOSITE.match(value.strip())
    if m is None:
        return None
    sep = m.group(3)
    return m.group(1) + sep, m.group(4), tuple(int(x) for x in m.group(2).split(sep))


def composite_range(values: list[Any]) -> tuple[str, str] | None:
    """The lows and highs of each number of composite values of one shape (``pieces``), as
    values of that shape; None if they are not all of one. Numbers joined by dots (a version)
    also keep the lowest and the highest value in their order, after a "|": "1.5.0" lies
    between "1.0.0" and "2.3.9" number by number, and below every version seen ("1.10.0").

    >>> composite_range(["2.3.1", "3.0.4", "2.11.0"]), composite_range(["1.2", "1.2.3"])
    (('2.0.0|2.3.1', '3.11.4|3.0.4'), None)
    >>> composite_range(["35/100", "87/100"])
    ('35/100', '87/100')
    """
    shaped = [pieces(v) for v in values]
    if not shaped or any(p is None for p in shaped):
        return None
    heads = {(p[0], p[1], len(p[2])) for p in shaped if p is not None}
    if len(heads) != 1:
        return None
    (head, unit, n), = heads
    nums = [p[2] for p in shaped if p is not None]
    prefix, sep = head[:-1], head[-1]

    def written(numbers: Iterable[int]) -> str:
        return prefix + sep.join(str(x) for x in numbers) + unit

    lo = written(min(x[i] for x in nums) for i in range(n))
    hi = written(max(x[i] for x in nums) for i in range(n))
    if sep == ".":
        return f"{lo}|{written(min(nums))}", f"{hi}|{written(max(nums))}"
    return lo, hi


def in_composite(value: Any, lo: str, hi: str) -> bool:
    """Whether ``value`` has the shape of ``lo`` and ``hi`` and each of its numbers lies
    between theirs (and, after a "|", the value between theirs in order).

    >>> in_composite("2.5.3", "2.0.0", "3.11.4"), in_composite("1.9.8", "2.0.0", "3.11.4"), in_composite("2.5", "2.0.0", "3.11.4")
    (True, False, False)
    >>> in_composite("1.5.0", "1.0.0|1.10.0", "2.12.9|2.3.9"), in_composite("1.11.2", "1.0.0|1.10.0", "2.12.9|2.3.9")
    (False, True)
    """
    lo, _, lo_seen = lo.partition("|")
    hi, _, hi_seen = hi.partition("|")
    v, a, b = pieces(value), pieces(lo), pieces(hi)
    if v is None or a is None or b is None or v[:2] != a[:2] or len(v[2]) != len(a[2]):
        return False
    if not all(x <= y <= z for x, y, z in zip(a[2], v[2], b[2], strict=True)):
        return False
    if lo_seen and hi_seen:
        first, last = pieces(lo_seen), pieces(hi_seen)
        return first is not None and last is not None and first[2] <= v[2] <= last[2]
    return True


def range_of(values: list[Any]) -> tuple[float, float] | tuple[str, str] | None:
    """The (low, high) of values that are all numbers, all ISO dates, all clock times, all
    numbers separated by spaces, as many in each (``vector_range``), all measures of one unit
    (``measure_range``) or all composites of one shape (``composite_range``), else None.

    >>> range_of(["3", 7, "$5"]), range_of(["2026-01-02", "2025-12-31"]), range_of(["3", "2026-01-02"])
    ((3.0, 7.0), ('2025-12-31', '2026-01-02'), None)
    """
    if values and all(vector(v) is not None for v in values):
        return vector_range(values)
    if values and all(measure(v) is not None for v in values):
        return measure_range(values)
    if values and all(isinstance(v, str) and pieces(v) is not None and bound_of(v) is None for v in values):
        return composite_range(values)
    bounds = [bound_of(v) for v in values]
    if not bounds or any(b is None for b in bounds):
        return None
    if all(isinstance(b, float) for b in bounds):
        nums = [b for b in bounds if isinstance(b, float)]
        return min(nums), max(nums)
    if all(isinstance(b, str) for b in bounds):
        texts = [b for b in bounds if isinstance(b, str)]
        return min(texts), max(texts)
    return None


def in_range(value: Any, bounds: tuple[float, float] | tuple[str, str] | list[Bound]) -> bool:
    """Whether ``value`` lies within ``bounds`` (inclusive), compared as its bounds are."""
    lo, hi = bounds[0], bounds[1]
    if isinstance(lo, str) and isinstance(hi, str):
        # Written bounds say how they compare: numbers in a row, a measure, a composite (the part
        # before a "|"), else a date or a time as zero-padded text.
        head = lo.partition("|")[0]
        if vector(head) is not None:
            return in_vector(value, lo, hi)
        if measure(lo) is not None:
            return in_measure(value, lo, hi)
        if pieces(head) is not None and bound_of(lo) is None:
            return in_composite(value, lo, hi)
        b = bound_of(value)
        return isinstance(b, str) and len(b) == len(lo) and lo <= b <= hi  # a date with dates, a time with times
    if isinstance(lo, str) or isinstance(hi, str):
        return False
    b = bound_of(value)
    return isinstance(b, float) and lo <= b <= hi


def out_of_order(pairs: tuple[tuple[str, str], ...], scope: dict[str, Any]) -> tuple[str, str] | None:
    """The first pair ``(a, b)`` (``a <= b`` in every training call) with ``a > b`` here, or
    whose values are not numbers.

    >>> out_of_order((("price", "budget"),), {"price": "$900", "budget": 850}), out_of_order((("price", "budget"),), {"price": 400, "budget": 850})
    (('price', 'budget'), None)
    """
    for a, b in pairs:
        x, y = as_number(scope.get(a)), as_number(scope.get(b))
        if x is None or y is None or x > y:
            return a, b
    return None


def out_of_gap(gaps: tuple[tuple[str, str, float, float], ...], scope: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first pair ``(a, b, lo, hi)`` (``lo <= b - a <= hi`` in every training call) whose gap
    is smaller or larger here, or whose values are not numbers.

    >>> gaps = (("amount", "balance", 267.0, 2335.0),)
    >>> out_of_gap(gaps, {"amount": 1581, "balance": 1735}), out_of_gap(gaps, {"amount": 500, "balance": 1200})
    (('amount', 'balance'), None)
    """
    for a, b, lo, hi in gaps:
        x, y = as_number(scope.get(a)), as_number(scope.get(b))
        if x is None or y is None or not lo <= y - x <= hi:
            return a, b
    return None


def out_of_range(ranges: Mapping[str, Any], scope: Mapping[str, Any]) -> str | None:
    """The first variable whose value lies outside the range its answer was seen with.

    >>> out_of_range({"n": (1.0, 5.0)}, {"n": "7"}), out_of_range({"n": (1.0, 5.0)}, {"n": 3})
    ('n', None)
    """
    for var, bounds in ranges.items():
        if var not in scope or not in_range(scope[var], bounds):
            return var
    return None


def is_iso_date(value: str) -> bool:
    """Whether ``value`` is a date written ``YYYY-MM-DD`` (a business date: a purchase, a due
    day; not a timestamp, which records when something happened).

    >>> is_iso_date("2026-03-01"), is_iso_date("2026-03-01T10:00:00Z")
    (True, False)
    """
    return bool(_ISO_DATE.match(value.strip()))


_ISO_STAMP = re.compile(r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? )?(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")


def days(value: Any) -> int | None:
    """An ISO date, or the day of an ISO 8601 or RFC 2822 timestamp, as a day number
    (``date.toordinal``; the day as written, whatever its zone); None for anything else (a
    date whose order of day and month the text does not say, "03/04/2026", among them).

    >>> days("2026-03-01") - days("2026-02-01"), days("2026-03-01T23:15:00Z") - days("2026-03-01")
    (28, 0)
    >>> days("Sun, 01 Mar 2026 10:00:00 +0000") == days("2026-03-01"), days("March 1"), days(20260301)
    (True, None, None)
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if _ISO_DATE.match(text):
            return date.fromisoformat(text).toordinal()
        stamp = _ISO_STAMP.match(text)
        if stamp:
            return date.fromisoformat(stamp.group(1)).toordinal()
        if text[:3] in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun") and "," in text[:5]:
            return parsedate_to_datetime(text).date().toordinal()
    except (ValueError, TypeError, IndexError):
        return None
    return None


def out_of_span(spans: tuple[tuple[str, str, int, int], ...], scope: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first pair ``(a, b, lo, hi)`` (``lo <= b - a <= hi`` days in every training call)
    whose dates are further apart or closer here, or are not dates.

    >>> spans = (("bought", "today", 1, 29),)
    >>> out_of_span(spans, {"bought": "2026-03-01", "today": "2026-03-20"}), out_of_span(spans, {"bought": "2026-01-01", "today": "2026-03-20"})
    (None, ('bought', 'today'))
    """
    for a, b, lo, hi in spans:
        x, y = days(scope.get(a)), days(scope.get(b))
        if x is None or y is None or not lo <= y - x <= hi:
            return a, b
    return None
