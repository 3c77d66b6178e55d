"""Time order: two points in time that came in one order in every training call must come so again.

A token's expiry and the clock in the system prompt ("Now is 2026-11-20T12:00:00Z") are both
timestamps no answer reads; timestamps are ids to the range checks (a log line's stamp is no
threshold), so each is free. But which of the two comes first may be exactly what decides
(expired: refresh the token first). So the answer records the pairs ``(a, b)`` of timestamp
variables with ``a`` before ``b`` in every call it was seen for (``ResponseTemplate.before``,
learnt by the time-order rule); a request where ``a`` is not before ``b`` is a miss.

>>> out_of_time_order((("now", "expires"),), {"now": "2026-11-20T12:00:00Z", "expires": "2026-11-18T05:17:00Z"})
('now', 'expires')
>>> out_of_time_order((("now", "expires"),), {"now": "2026-11-20T12:00:00Z", "expires": "2026-11-21T05:17:00Z"}) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

# ISO 8601 with a time (a weekday before it, as systemd writes one, a zone or " UTC" after),
# or RFC 2822 with a weekday (mail and HTTP dates): the timestamps ``induction.tokens`` knows.
_ISO = re.compile(r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? )?(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)"
                  r"(Z|[+-]\d{2}:?\d{2}| UTC)?\Z")
_RFC = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}")


def instant(value: Any) -> float | None:
    """A timestamp as seconds since the epoch (no zone written: UTC), None for anything else
    (a plain date, a number, a word).

    >>> instant("2026-11-20T12:00:00Z") - instant("2026-11-20 11:00")
    3600.0
    >>> instant("Fri, 20 Nov 2026 12:00:00 +0100") == instant("2026-11-20T11:00:00Z"), instant("2026-11-20"), instant(7)
    (True, None, None)
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if m := _ISO.match(text):
            zone = m.group(2) or ""
            zone = "+00:00" if zone in ("Z", " UTC", "") else zone
            stamp = datetime.fromisoformat(m.group(1).replace(" ", "T") + zone)
            return stamp.timestamp()
        if _RFC.match(text):
            stamp = parsedate_to_datetime(text)
            return (stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)).timestamp()
    except (ValueError, TypeError, IndexError, OverflowError):
        return None
    return None


def out_of_time_order(pairs: tuple[tuple[str, str], ...], scope: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first pair ``(a, b)`` (``a`` before ``b`` in every training call) where ``a`` is not
    before ``b`` here, or either is no timestamp."""
    for a, b in pairs:
        x, y = instant(scope.get(a)), instant(scope.get(b))
        if x is None or y is None or not x < y:
            return a, b
    return None
