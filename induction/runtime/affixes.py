"""Affix checks: a value copied whole serves only values that keep what every training value shared.

A value an answer copies (an id sent to ``send_dm``, an email granted access, a URL fetched) is
data: any value of its slot's kind is served the answer. But its inner parts may be what
decides: a Slack id's first letter (``B``: a bot, never DM it), an email's domain (outside the
company: ask security), a URL's host, a phone's country code, a version's major, the digit count
of an id (``0``: a sentinel). Training shows what every value shared, and a request whose value
breaks it shows something no example did. So the answer records, for each such variable, an
``AffixCheck`` (the copied-affixes rule learns it): the prefix every value started with, the
suffix from a boundary every value ended with, the first characters the values started with (a
few, each kind seen repeatedly), the digit counts of ids all of digits, the most
of each punctuation character one value held (a ":port" or a "+tag" none had); a request's value
that breaks any of them is a miss.

>>> check = AffixCheck(prefix="U", suffix="@corp.example")
>>> affix_problem(check, "U1@corp.example"), affix_problem(check, "B1@corp.example")
(None, "does not start with 'U'")
>>> affix_problem(AffixCheck(firsts=("U", "W")), "BTUP21"), affix_problem(AffixCheck(digits=(6, 8)), 0)
("starts with 'B' (seen: 'U', 'W')", 'has 1 digits (6 to 8 served)')
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

from induction.runtime.ranges import as_number


class AffixCheck(BaseModel):
    """What every training value of one copied variable shared (empty: nothing is checked)."""

    model_config = ConfigDict(frozen=True)

    # Every value started with this.
    prefix: str = ""
    # Every value ended with this; it starts at a character that is neither a letter nor a
    # digit (an email's "@corp.example", a file's ".pdf"), or right after one ("acme.com" after
    # "@" or "uk.").
    suffix: str = ""
    # The first characters the values started with, where they were few against the distinct
    # names (``U`` and ``W`` for people's Slack ids over five runs).
    firsts: tuple[str, ...] = ()
    # The most of each punctuation character (neither a letter nor a digit) one training value
    # held; any other such character counts as none seen. None: not checked (ids of digits).
    punct: tuple[tuple[str, int], ...] | None = None
    # The digit counts served, for values that were all digits: those training saw (a
    # 7-digit order id: 7; a sentinel 0 is no order id, a 3-digit port no 4-digit one).
    digits: tuple[int, int] | None = None
    # For numbers (an amount, a count): the most integer digits one training value had; a
    # request's number with more is a magnitude nobody saw (a total past an approval limit).
    magnitude: int | None = None
    # ... and whether one was below zero: a negative copied where none was (a credit balance
    # charged as a debt) is a sign no training call showed.
    negative: bool = False


def finite_number(value: Any) -> float | None:
    """A value as a finite number (``ranges.as_number``), else None (NaN, infinities, words).

    >>> finite_number("950.00"), finite_number(float("nan")), finite_number("n/a")
    (950.0, None, None)
    """
    number = as_number(value)
    return number if number is not None and math.isfinite(number) else None


def integer_digits(number: float) -> int:
    """How many digits the integer part of ``number`` has, its sign left out (0.5: 1).

    >>> integer_digits(2961.68), integer_digits(-40.0), integer_digits(0.25)
    (4, 2, 1)
    """
    return len(str(int(abs(number))))


def text_of(value: Any) -> str | None:
    """A scalar value as the text its affixes are read from (None for anything else).

    >>> text_of("U12"), text_of(1234567), text_of(True), text_of([1])
    ('U12', '1234567', None, None)
    """
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def affix_problem(check: AffixCheck, value: Any) -> str | None:
    """What in ``value`` breaks what every training value shared, or None."""
    if check.magnitude is not None:
        number = finite_number(value)
        if number is None:
            return "is not a number"
        if integer_digits(number) > check.magnitude:
            return f"has {integer_digits(number)} integer digits (at most {check.magnitude} seen)"
        if number < 0 and not check.negative:
            return "is negative (no value seen was)"
        return None
    text = text_of(value)
    if text is None:
        return "is not text"
    if check.prefix and not text.startswith(check.prefix):
        return f"does not start with {check.prefix!r}"
    if check.suffix and not text.endswith(check.suffix):
        return f"does not end with {check.suffix!r}"
    if check.suffix[:1].isalnum() and (len(text) == len(check.suffix) or text[-len(check.suffix) - 1].isalnum()):
        return f"does not end with {check.suffix!r} after a boundary"  # "evilacme.com"
    if check.firsts and text[:1] not in check.firsts:
        return f"starts with {text[:1]!r} (seen: {', '.join(repr(c) for c in check.firsts)})"
    if check.punct is not None:
        most = dict(check.punct)
        for ch in sorted(set(text)):
            if not ch.isalnum() and text.count(ch) > most.get(ch, 0):
                return f"holds {text.count(ch)} {ch!r} (at most {most.get(ch, 0)} seen)"
    if check.digits is not None:
        if not (text.isascii() and text.isdigit()):
            return "is not all digits"
        if not check.digits[0] <= len(text) <= check.digits[1]:
            return f"has {len(text)} digits ({check.digits[0]} to {check.digits[1]} served)"
    return None


def out_of_affix(affixes: Mapping[str, AffixCheck], scope: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first variable whose value breaks its check, with what breaks it; None if none does.

    >>> out_of_affix({"uid": AffixCheck(prefix="U")}, {"uid": "BTUP21"})
    ('uid', "does not start with 'U'")
    >>> out_of_affix({"uid": AffixCheck(prefix="U")}, {"uid": "UTUP21"}) is None
    True
    """
    for var, check in affixes.items():
        if var not in scope:
            return var, "is missing"
        problem = affix_problem(check, scope[var])
        if problem is not None:
            return var, problem
    return None
