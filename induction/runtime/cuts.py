"""Cut checks: a number on a side of a number the system prompt names, where no training value was.

"Refunds above 250.00 need a supervisor's approval" and three runs that refunded 120.00, 88.50
and 240.10 directly: the amount is copied into ``issue_refund``, data, and every training
value had three integer digits, as 312.50 has. No count of values below 250 shows what happens
above it; the prompt does. The numbers a policy prompt names (``words.numbers_of_text``:
250.00, both ends of "8000-8999", the 90 of "90% full") cut the number line into cells: below,
at and above each. The answer records, per variable whose training values were all numbers,
the cells they fell in (a ``CutCheck``, the named-numbers rule learns it); a request's value in
another cell is a miss.

>>> check = CutCheck(cuts=(250.0,), cells=(0,))
>>> out_of_cut({"amount": check}, {"amount": "120.00"}) is None, out_of_cut({"amount": check}, {"amount": 312.5})
(True, ('amount', 'above 250'))
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

from induction.runtime.affixes import finite_number


class CutCheck(BaseModel):
    """The numbers the text above names (``cuts``, ascending) and the cells of the number line
    they make (``cell_of``) that one variable's training values fell in."""

    model_config = ConfigDict(frozen=True)

    cuts: tuple[float, ...]
    cells: tuple[int, ...]


def number_of(value: Any) -> float | None:
    """A value as a finite number, a percentage's too ("93%": 93.0); None for anything else.

    >>> number_of("93%"), number_of("$1,250.00"), number_of("n/a"), number_of(True)
    (93.0, 1250.0, None, None)
    """
    if isinstance(value, str) and value.rstrip().endswith("%"):
        value = value.rstrip()[:-1]
    return finite_number(value)


def cell_of(number: float, cuts: tuple[float, ...]) -> int:
    """Which cell of the number line ``cuts`` (ascending) make ``number`` falls in: ``2i`` below
    the ``i``-th cut (and above the one before), ``2i + 1`` equal to it.

    >>> [cell_of(x, (250.0, 1000.0)) for x in (12, 250, 251, 1000, 5000)]
    [0, 1, 2, 3, 4]
    """
    i = bisect.bisect_left(cuts, number)
    return 2 * i + 1 if i < len(cuts) and cuts[i] == number else 2 * i


def describe_cell(cell: int, cuts: tuple[float, ...]) -> str:
    """A cell in words ("above 250", "equal to 8000", "between 8000 and 8999").

    >>> describe_cell(2, (250.0,)), describe_cell(1, (250.0,)), describe_cell(2, (8000.0, 8999.0))
    ('above 250', 'equal to 250', 'between 8000 and 8999')
    """
    i = cell // 2
    if cell % 2:
        return f"equal to {show_number(cuts[i])}"
    if i == 0:
        return f"below {show_number(cuts[0])}"
    if i == len(cuts):
        return f"above {show_number(cuts[-1])}"
    return f"between {show_number(cuts[i - 1])} and {show_number(cuts[i])}"


def show_number(number: float) -> str:
    """A cut as the prompt likely wrote it: no ".0" on a whole number.

    >>> show_number(8000.0), show_number(250.5)
    ('8000', '250.5')
    """
    return str(int(number)) if number.is_integer() else str(number)


def out_of_cut(checks: Mapping[str, CutCheck], scope: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first variable whose value falls in a cell none of its training values fell in,
    with the cell in words (or "that is no number": every training value was one); None when there is
    none.

    >>> out_of_cut({"port": CutCheck(cuts=(8000.0, 8999.0), cells=(0, 4))}, {"port": "8443"})
    ('port', 'between 8000 and 8999')
    """
    for var, check in checks.items():
        if var not in scope:
            continue
        number = number_of(scope[var])
        if number is None:
            return var, "that is no number"
        cell = cell_of(number, check.cuts)
        if cell not in check.cells:
            return var, describe_cell(cell, check.cuts)
    return None
