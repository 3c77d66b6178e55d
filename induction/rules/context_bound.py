"""context-bound: an answer that depends on values above it is served only under those values.

False hit prevented: the same "can I afford the laptop?" was answered "Yes" under one budget
and "No" under another; its siblings' answers, learned under several budgets, would be served
under a budget nobody answered them for. When a message kept apart by a split was answered
differently under different values above it, every answer of that cluster is context-bound:
it is served only under the values above it that never varied (``pins``), and is uncacheable
where it was seen under several. Guards ``afford_budget``, ``budget_echoed`` (a known limit),
``stock_copied_decides`` and the default suite's ``order_branch``.

Learning side: ``binds`` (does a split show a context-bound answer) and ``pins``; counted as
``context_bound_splits`` (splits that showed it) and ``pinned_answers`` (answers served only
under pins). Request-time check: a pinned answer is a miss for any other value
(``induction.runtime.lookup._pinned``).

>>> binds([(1, 2)]), binds([(2, 2), (1, 1)])
(True, False)
>>> pins([{"budget": 800, "item": "laptop"}, {"budget": 800, "item": "phone"}], frozenset())
{'budget': 800}
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from induction.runtime.messages import same_json


def binds(parts: Iterable[tuple[int, int]]) -> bool:
    """Whether some part of a split (its number of distinct messages, of distinct answers) is
    one message answered more than one way: its answer depends on the values above it."""
    return any(messages == 1 and answers > 1 for messages, answers in parts)


def pins(scopes: list[dict[str, Any]], trusted: frozenset[str]) -> dict[str, Any]:
    """Variables with one value in every call an answer was seen for (user-declared ones aside:
    the user said they vary). Serving the answer for another value would be a guess.

    >>> pins([{"name": "Erik", "order": 1}, {"name": "Erik", "order": 2}], frozenset())
    {'name': 'Erik'}
    """
    first = scopes[0]
    return {v: value for v, value in first.items()
            if v not in trusted and all(v in sc and same_json(sc[v], value) for sc in scopes[1:])}
