"""named-numbers: a number on a side of a number the system prompt names, where no training value was, is refused.

False hit prevented: "You process returns. Refunds above 250.00 need a supervisor's approval;
refund smaller amounts directly." and runs that refunded 120.00, 88.50 and 240.10: the amount
is copied into ``issue_refund``, data, and a request for 312.50 was served the direct refund.
Every training amount had three integer digits, as 312.50 has (``copied-affixes`` keeps the
magnitude, no finer); a range learnt from the values (``unread-values``) would be tuned to how
far the few runs happened to spread, and a read value's range is no bound on what is copied.
The prompt draws the line: the numbers a policy prompt compares with
(``runtime.words.numbers_of_text``: "above 250.00", both ends of "ports 8000-8999", the 90 of
"90% full or more", "at least 18", "<=500") cut the number line into cells (below, at and above
each), and a value in a cell no training value of its variable fell in is one the examples say
nothing about. A count in passing ("Step 1", "the top 3", "the last 15 minutes") compares with
nothing: cut, it cost a reviewer's controls 478 hits (``docs/review/traps25``). Guarded by ``refund_over_named_limit``,
``debug_port_named_range``, ``disk_over_named_percent`` (review 23's bare traps in JSON form)
and ``charge_over_limit`` over two runs; ``revenue_millions``, ``token_expiry``, ``zip_decides``
and ``wait_time_in_result`` (a revenue past "1,000,000", an epoch expiry before the time the
prompt gives, a zip outside "10000-14999", a wait past "60 minutes") were known limits before.

Learning side: ``named_cuts``: for each variable whose training values were all numbers
(``runtime.cuts.number_of``: "93%", "$1,250.00", 8443), the cells they fell in against the
numbers the system prompts on the node's path name (``PathWords.cuts``); counted as
``cut_vars``. Request time: ``induction.runtime.cuts.out_of_cut`` in ``induction.runtime.lookup``.
The price: a value on the far side of a number the prompt compares another quantity with
("within 2 business days" and an order of 1 item after 3-6 item ones) is a miss until training
shows one there. Not caught: a threshold in words ("over two hundred"), with a multiplier
("$1.5k") or European separators ("2.500,00"), one in a user's message, one in another unit than
the value's (cents against "$250", minutes against "2 hours", 0.93 against "90%").

>>> named_cuts([{"amount": "120.00", "rma": "RMA-1"}, {"amount": 240.1, "rma": "RMA-2"}], (250.0,))
{'amount': CutCheck(cuts=(250.0,), cells=(0,))}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from induction.runtime.cuts import CutCheck, cell_of, number_of, out_of_cut

__all__ = ["CutCheck", "named_cuts", "out_of_cut"]


def named_cuts(scopes: Sequence[Mapping[str, Any]], cuts: tuple[float, ...]) -> dict[str, CutCheck]:
    """For each variable whose every training value was a number, the cells of the number line
    ``cuts`` (ascending) make that its values fell in (``runtime.cuts.cell_of``).

    >>> named_cuts([{"port": "3000"}, {"port": 9443}, {"port": "n/a"}, {"n": 3}], (8000.0, 8999.0))
    {'n': CutCheck(cuts=(8000.0, 8999.0), cells=(0,))}
    >>> named_cuts([{"port": "3000"}], ())
    {}
    """
    if not cuts or not scopes:
        return {}
    cells: dict[str, set[int]] = {}
    skip: set[str] = set()
    for scope in scopes:
        for var, value in scope.items():
            if var in skip:
                continue
            number = number_of(value)
            if number is None:
                skip.add(var)
                cells.pop(var, None)
                continue
            cells.setdefault(var, set()).add(cell_of(number, cuts))
    return {var: CutCheck(cuts=cuts, cells=tuple(sorted(cells[var]))) for var in sorted(cells)}
