"""Golden pairs of ``induction.rules.time_order``: training scopes in, the pairs of timestamps kept
in order out; the check at request time (``induction.runtime.instants``)."""

from __future__ import annotations

from typing import Any

import pytest

from evals.builders import stored
from evals.workflows import REGISTRY
from evals.workflows.base import iter_records
from induction.explain import describe
from induction.induce import induce
from induction.rules.time_order import time_order
from induction.runtime.instants import instant, out_of_time_order


def _calls(*rows: tuple[str, str]) -> list[dict[str, Any]]:
    return [{"now": now, "exp": exp, "svc": "github"} for now, exp in rows]


GOLDEN: list[tuple[list[dict[str, Any]], tuple[tuple[str, str], ...]]] = [
    # every token still valid: the expiry came after the clock in every call
    (_calls(("2026-11-20T12:00:00Z", "2026-11-21T05:17:00Z"), ("2026-11-12T12:00:00Z", "2026-11-14T23:01:00Z"),
            ("2026-11-24T12:00:00Z", "2026-11-25T00:40:00Z")), (("now", "exp"),)),
    # written the other way round in the scope: still kept as (earlier, later)
    ([{"exp": "2026-11-21T05:17:00Z", "now": "2026-11-20T12:00:00Z"},
      {"exp": "2026-11-14T23:01:00Z", "now": "2026-11-12T12:00:00Z"},
      {"exp": "2026-11-25T00:40:00Z", "now": "2026-11-24T12:00:00Z"}], (("now", "exp"),)),
    # one expired token among them: no order
    (_calls(("2026-11-20T12:00:00Z", "2026-11-21T05:17:00Z"), ("2026-11-12T12:00:00Z", "2026-11-10T23:01:00Z"),
            ("2026-11-24T12:00:00Z", "2026-11-25T00:40:00Z")), ()),
    # two calls are too few (an order by chance one time in two)
    (_calls(("2026-11-20T12:00:00Z", "2026-11-21T05:17:00Z"), ("2026-11-12T12:00:00Z", "2026-11-14T23:01:00Z")), ()),
    # zones count: 13:00+02:00 is before 12:00Z
    (_calls(("2026-11-20T12:00:00Z", "2026-11-20T13:00:00+02:00"), ("2026-11-12T12:00:00Z", "2026-11-12T13:30:00+02:00"),
            ("2026-11-24T12:00:00Z", "2026-11-24T13:10:00+02:00")), (("exp", "now"),)),
    # plain dates are not timestamps (their spans are unread-values' job)
    (_calls(("2026-11-20", "2026-11-21"), ("2026-11-12", "2026-11-14"), ("2026-11-24", "2026-11-25")), ()),
    # equal in one call: no strict order
    (_calls(("2026-11-20T12:00:00Z", "2026-11-20T12:00:00Z"), ("2026-11-12T12:00:00Z", "2026-11-14T23:01:00Z"),
            ("2026-11-24T12:00:00Z", "2026-11-25T00:40:00Z")), ()),
]


@pytest.mark.parametrize(("scopes", "expected"), GOLDEN)
def test_time_order(scopes: list[dict[str, Any]], expected: tuple[tuple[str, str], ...]) -> None:
    assert time_order(scopes) == expected


CHECKS: list[tuple[dict[str, Any], tuple[str, str] | None]] = [
    ({"now": "2026-11-20T12:00:00Z", "exp": "2026-11-21T05:17:00Z"}, None),
    ({"now": "2026-11-20T12:00:00Z", "exp": "2026-11-18T05:17:00Z"}, ("now", "exp")),  # expired
    ({"now": "2026-11-20T12:00:00Z", "exp": "2026-11-20T12:00:00Z"}, ("now", "exp")),  # not before
    ({"now": "2026-11-20T12:00:00Z", "exp": "soon"}, ("now", "exp")),  # no timestamp
    ({"now": "2026-11-20T12:00:00Z"}, ("now", "exp")),  # missing
    ({"now": "Fri, 20 Nov 2026 12:00:00 +0000", "exp": "2026-11-20T12:30:00Z"}, None),  # RFC 2822 beside ISO
]


@pytest.mark.parametrize(("scope", "expected"), CHECKS)
def test_out_of_time_order(scope: dict[str, Any], expected: tuple[str, str] | None) -> None:
    assert out_of_time_order((("now", "exp"),), scope) == expected


@pytest.mark.parametrize("text", ["2026-13-01T00:00:00Z", "2026-11-20T25:00", "Fri, 40 Nov 2026 12:00:00 +0000",
                                  "20 Nov 2026", "", "2026-11-20"])
def test_what_is_no_instant(text: str) -> None:
    assert instant(text) is None


def test_rote_explain_shows_the_order_kept() -> None:
    result = induce(stored(list(iter_records(REGISTRY["token_expired_in_result"].runs(102, 5)))))
    shown = "\n".join(describe(n, result.notes.get(n.id, [])) for n in result.nodes)
    assert "before" in shown and "(time-order)" in shown
