"""The operations of the transform DSL (see :mod:`induction.runtime.dsl`).

Each op is a pure, bounded function over JSON values. Types are names of sets
of JSON types (``TYPES``); arguments are checked against them before the call
and the result after it, and nothing is coerced silently: ``lower(3)`` fails,
``to_int("3")`` is how a digit string becomes a number.

>>> OPS["format_money"].fn(1250, "$", 2)
'$1,250.00'
>>> OPS["to_number"].fn("$1,250.00")
1250.0
"""

from __future__ import annotations

import calendar
import math
import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Final

import orjson
import re2

from induction.runtime.template import render_value

JSON_TYPES: Final = frozenset({"str", "int", "float", "bool", "null", "list", "dict"})
TYPES: Final[dict[str, frozenset[str]]] = {
    "str": frozenset({"str"}),
    "int": frozenset({"int"}),
    "float": frozenset({"float"}),
    "number": frozenset({"int", "float"}),
    "bool": frozenset({"bool"}),
    "list": frozenset({"list"}),
    "json": JSON_TYPES,
    "str|number": frozenset({"str", "int", "float"}),
    "str|list": frozenset({"str", "list"}),
    "path": frozenset({"str", "list"}),
}
MAX_DECIMALS: Final = 20
MAX_WIDTH: Final = 1000
MAX_INT_BITS: Final = 4096


def type_of(value: Any) -> str | None:
    """The JSON type name of ``value`` (None if it is not a JSON value at the top)."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float" if math.isfinite(value) else None
    if isinstance(value, str):
        return "str"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "dict"
    return None


@dataclass(frozen=True, slots=True)
class Op:
    """One DSL operation: parameter types (required, then optional), return type."""

    name: str
    params: tuple[str, ...]
    returns: str
    fn: Callable[..., Any]
    optional: tuple[str, ...] = ()
    variadic: str | None = None  # type of any further arguments (n-ary ops)
    doc: str = ""

    @property
    def arity(self) -> tuple[int, int | None]:
        """(minimum, maximum or None for n-ary) number of arguments."""
        low = len(self.params)
        return low, None if self.variadic else low + len(self.optional)

    def param_type(self, i: int) -> str:
        both = self.params + self.optional
        return both[i] if i < len(both) else str(self.variadic)


# -- numbers ------------------------------------------------------------------

_NUMBER = re2.compile(r"^\s*([+-]?)\s*[$€£¥]?\s*([+-]?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]*)(\.[0-9]+)?\s*$")


def to_number(x: Any) -> float:
    """``"$1,250.00"`` -> 1250.0; numbers pass through as floats."""
    if isinstance(x, (int, float)):
        return float(x)
    if type(x) is str and x.isascii() and x[-1:] != "." and x.replace(".", "", 1).isdigit():
        return float(x)  # plain "1250" or "12.50": what the pattern below reads, without it
    m = _NUMBER.match(x)
    if m is None:
        raise ValueError(f"not a number: {x!r}")
    sign1, sign2, whole, frac = m.groups()
    if not (whole or frac) or (sign1 and sign2):
        raise ValueError(f"not a number: {x!r}")
    sign = "-" if "-" in (sign1 + sign2) else ""
    return float(sign + (whole or "0").replace(",", "") + (frac or ""))


def to_int(x: Any) -> int:
    """``"1,250"`` -> 1250, ``"3.0"`` -> 3; a float must be integral."""
    if isinstance(x, int):
        return x
    if isinstance(x, float):
        if not x.is_integer():
            raise ValueError(f"not an integer: {x!r}")
        return int(x)
    m = _NUMBER.match(x)
    if m is None or not m.group(3) or (m.group(1) and m.group(2)) or (m.group(4) or ".0").strip(".0"):
        raise ValueError(f"not an integer: {x!r}")
    sign = -1 if "-" in (m.group(1) + m.group(2)) else 1
    return sign * int(m.group(3).replace(",", ""))


def _decimal(x: int | float, places: int) -> Decimal:
    if not 0 <= places <= MAX_DECIMALS:
        raise ValueError(f"decimals must be 0..{MAX_DECIMALS}")
    try:
        return Decimal(repr(x)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except InvalidOperation as e:
        raise ValueError(str(e)) from e


def format_number(x: int | float, decimals: int, thousands_sep: str = "") -> str:
    """format_number(1250, 2, ",") -> '1,250.00' (half-up rounding)."""
    text = f"{_decimal(x, decimals):,f}"
    return text.replace(",", thousands_sep) if thousands_sep != "," else text


def format_money(x: int | float, symbol: str, decimals: int = 2) -> str:
    """format_money(-5, "$") -> '-$5.00'."""
    text = format_number(abs(x), decimals, ",")
    return ("-" if x < 0 else "") + symbol + text


def round_(x: int | float, ndigits: int = 0) -> int | float:
    """Half-up rounding; an int when ``ndigits`` is 0."""
    if ndigits < 0:
        raise ValueError("ndigits must be >= 0")
    d = _decimal(x, ndigits)
    return int(d) if ndigits == 0 else float(d)


def _num(result: int | float) -> int | float:
    if isinstance(result, int) and result.bit_length() > MAX_INT_BITS:
        raise OverflowError("integer too large")
    if isinstance(result, float):
        if not math.isfinite(result):
            raise OverflowError("not a finite number")
        # Binary noise off: 300.5 + 292.84 is 593.34, not 593.3399999999999 (what a
        # person, and the model, would write; 12 significant digits are kept).
        return float(f"{result:.12g}")
    return result


def div(a: int | float, b: int | float) -> float:
    return float(_num(a / b))


def mod(a: int | float, b: int | float) -> int | float:
    return _num(a % b)


# -- text ---------------------------------------------------------------------


def split_index(s: str, sep: str, i: int) -> str:
    """The ``i``-th piece of ``s`` split on ``sep`` ("" splits on whitespace)."""
    return (s.split() if sep == "" else s.split(sep))[i]


def slice_(s: str, start: int, stop: int | None = None) -> str:
    return s[start:stop]


def regex_extract(s: str, pattern: str, group: int | None = None) -> str:
    """The first match of an RE2 ``pattern`` (group 1 if it has groups, else the match)."""
    rx = re2.compile(pattern)
    m = rx.search(s)
    if m is None:
        raise ValueError("no match")
    g = m.group(group if group is not None else (1 if rx.groups else 0))
    if g is None:
        raise ValueError("group did not participate")
    return str(g)


def strip(s: str, chars: str | None = None) -> str:
    return s.strip(chars)


def lstrip(s: str, chars: str | None = None) -> str:
    return s.lstrip(chars)


def rstrip(s: str, chars: str | None = None) -> str:
    return s.rstrip(chars)


def zfill(s: str, width: int) -> str:
    if width > MAX_WIDTH:
        raise ValueError("width too large")
    return s.zfill(width)


def ordinal(n: int) -> str:
    """3 -> '3rd', 11 -> '11th'."""
    suffix = "th" if 10 <= abs(n) % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(abs(n) % 10, "th")
    return f"{n}{suffix}"


def join(items: list[Any], sep: str) -> str:
    if not all(isinstance(x, str) for x in items):
        raise TypeError("join needs a list of strings")
    return sep.join(items)


# -- dates --------------------------------------------------------------------

_TIME_DIRECTIVES: Final = ("%H", "%I", "%M", "%S", "%f", "%p", "%z", "%c", "%X", "%T")


def _parse_date(s: str, fmt: str) -> date | datetime:
    if len(fmt) > 64:
        raise ValueError("format too long")
    if fmt == "iso":
        return date.fromisoformat(s) if len(s) == 10 else datetime.fromisoformat(s)
    parsed = datetime.strptime(s, fmt)
    return parsed if any(d in fmt for d in _TIME_DIRECTIVES) else parsed.date()


def _format_date(d: date | datetime, fmt: str) -> str:
    if len(fmt) > 64:
        raise ValueError("format too long")
    return d.isoformat() if fmt == "iso" else d.strftime(fmt)


def date_parse(s: str, in_fmt: str) -> str:
    """A date in ``in_fmt`` (strptime, or "iso") as ISO-8601."""
    return _parse_date(s, in_fmt).isoformat()


def date_format(s: str, in_fmt: str, out_fmt: str) -> str:
    """date_format("2025-09-30", "iso", "%A") -> 'Tuesday'."""
    return _format_date(_parse_date(s, in_fmt), out_fmt)


def date_add(s: str, days: int, in_fmt: str = "iso", out_fmt: str | None = None) -> str:
    """``days`` after the date ``s`` (negative: before), written in ``out_fmt`` (default ``in_fmt``)."""
    return _format_date(_parse_date(s, in_fmt) + timedelta(days=days), out_fmt or in_fmt)


def date_add_months(s: str, months: int, in_fmt: str = "iso", out_fmt: str | None = None) -> str:
    """``months`` calendar months after ``s``, the day clamped to the month's last:
    date_add_months("2026-01-31", 1) -> '2026-02-28'."""
    d = _parse_date(s, in_fmt)
    m = d.month - 1 + months
    year, month = d.year + m // 12, m % 12 + 1
    return _format_date(d.replace(year=year, month=month, day=min(d.day, calendar.monthrange(year, month)[1])),
                        out_fmt or in_fmt)


# -- JSON ---------------------------------------------------------------------


def json_get(x: Any, path: str | list[Any]) -> Any:
    """The value at ``path`` ("a.0.b" or ["a", 0, "b"]) inside an object or array."""
    steps = path.split(".") if isinstance(path, str) else path
    for step in steps:
        if isinstance(x, dict) and isinstance(step, str):
            x = x[step]
        elif isinstance(x, list) and ((isinstance(step, int) and not isinstance(step, bool))
                                      or (isinstance(step, str) and step.lstrip("-").isdecimal())):
            x = x[int(step)]
        else:
            raise KeyError(step)
    return x


def json_parse(s: str) -> Any:
    return orjson.loads(s)


def pick(want: Any, *pairs: Any) -> Any:
    """The value paired with the one key equal to ``want`` (keys and values alternate: the
    failed job's id among the jobs' statuses and ids); an error when no key or several do.

    >>> pick("failed", "success", 11, "failed", 12, "success", 13)
    12
    """
    if len(pairs) % 2:
        raise ValueError("pick: keys and values must come in pairs")
    hits = [pairs[i + 1] for i in range(0, len(pairs), 2) if type(pairs[i]) is type(want) and pairs[i] == want]
    if len(hits) != 1:
        raise ValueError(f"pick: {len(hits)} keys equal {want!r}, not one")
    return hits[0]


def _op(name: str, params: str, returns: str, fn: Callable[..., Any], optional: str = "",
        variadic: str | None = None) -> Op:
    return Op(name, tuple(params.split()), returns, fn, tuple(optional.split()), variadic, fn.__doc__ or "")


OPS: Final[dict[str, Op]] = {op.name: op for op in (
    _op("lower", "str", "str", str.lower),
    _op("upper", "str", "str", str.upper),
    _op("title", "str", "str", str.title),
    _op("capitalize", "str", "str", str.capitalize),
    _op("casefold", "str", "str", str.casefold),
    _op("capwords", "str", "str", string.capwords),
    _op("strip", "str", "str", strip, "str"),
    _op("lstrip", "str", "str", lstrip, "str"),
    _op("rstrip", "str", "str", rstrip, "str"),
    _op("split_index", "str str int", "str", split_index),
    _op("slice", "str int", "str", slice_, "int"),
    _op("replace", "str str str", "str", str.replace),
    _op("regex_extract", "str str", "str", regex_extract, "int"),
    _op("concat", "str", "str", lambda *xs: "".join(xs), variadic="str"),
    _op("join", "list str", "str", join),
    _op("zfill", "str int", "str", zfill),
    _op("ordinal", "int", "str", ordinal),
    _op("to_number", "str|number", "float", to_number),
    _op("to_int", "str|number", "int", to_int),
    _op("format_number", "number int", "str", format_number, "str"),
    _op("format_money", "number str", "str", format_money, "int"),
    _op("round", "number", "number", round_, "int"),
    _op("add", "number number", "number", lambda a, b: _num(a + b)),
    _op("sub", "number number", "number", lambda a, b: _num(a - b)),
    _op("mul", "number number", "number", lambda a, b: _num(a * b)),
    _op("div", "number number", "float", div),
    _op("mod", "number number", "number", mod),
    _op("neg", "number", "number", lambda a: -a),
    _op("date_parse", "str str", "str", date_parse),
    _op("date_format", "str str str", "str", date_format),
    _op("date_add", "str int", "str", date_add, "str str"),
    _op("date_add_months", "str int", "str", date_add_months, "str str"),
    _op("json_get", "json path", "json", json_get),
    _op("json_parse", "str", "json", json_parse),
    _op("str", "json", "str", render_value),
    _op("len", "str|list", "int", len),
    _op("pick", "json", "json", pick, variadic="json"),
)}
