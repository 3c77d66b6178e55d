"""time-order: two timestamps that came in one order in every training call must come so again.

False hit prevented: "Now is 2026-11-20T12:00:00Z. Before calling an API check its token;
refresh it if it has expired." and runs whose tokens were all still valid: the expiry and the
clock are timestamps, ids to every range check, so a token that expired two days ago was served
``call_api`` (a reviewer's ``j21_json_token_expiry`` and ``r21_typed_token_expiry``,
``docs/review/traps21``; guarded by ``token_expired_in_result``). Each timestamp alone says
nothing; which of the two comes first may decide.

Learning side: ``time_order`` over the calls an answer was seen for (``Answerer.with_time_order``;
counted as ``time_order_pairs``): every pair of variables whose values were all timestamps
(``induction.runtime.instants.instant``: ISO 8601 with a time, RFC 2822), with one strictly
before the other in every call, once ``min_calls`` calls show it
(``InductionConfig.min_time_order_calls``) (two unrelated timestamps come
in one order over three calls one time in four, and then half the requests miss: the price of
not serving an expired token). Request-time check: ``induction.runtime.instants.out_of_time_order``.

Not caught: an order against a plain date or a clock time ("today is 2026-11-20": dates keep
their spans, ``unread-values``), a timestamp in free text no slot holds alone, a threshold on
how far apart two timestamps are (due within the hour).

>>> calls = [{"now": "2026-11-20T12:00:00Z", "exp": "2026-11-21T05:17:00Z", "seen": "2026-11-19T08:00:00Z"},
...          {"now": "2026-11-12T12:00:00Z", "exp": "2026-11-14T23:01:00Z", "seen": "2026-11-13T08:00:00Z"},
...          {"now": "2026-11-24T12:00:00Z", "exp": "2026-11-25T00:40:00Z", "seen": "2026-11-23T08:00:00Z"}]
>>> time_order(calls)
(('now', 'exp'), ('seen', 'exp'))
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from induction.evidence import columns
from induction.runtime.instants import instant

# At most this many timestamp variables are weighed (the lookup checks every pair kept).
MAX_VARS = 8


def time_order(scopes: Sequence[Mapping[str, Any]], min_calls: int = 3) -> tuple[tuple[str, str], ...]:
    """The pairs ``(a, b)`` of timestamp variables with ``a`` strictly before ``b`` in every one
    of ``scopes`` (at least ``min_calls`` of them), in the order the first scope names them.

    >>> time_order([{"a": "2026-01-01T00:00Z", "b": "2026-01-02T00:00Z"}] * 2)
    ()
    """
    if len(scopes) < min_calls:
        return ()
    stamps = columns(scopes, instant, MAX_VARS)
    names = list(stamps)
    out: list[tuple[str, str]] = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            xs, ys = stamps[a], stamps[b]
            if all(x < y for x, y in zip(xs, ys, strict=True)):
                out.append((a, b))
            elif all(y < x for x, y in zip(xs, ys, strict=True)):
                out.append((b, a))
    return tuple(out)
