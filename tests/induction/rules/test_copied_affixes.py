"""Golden pairs of ``induction.rules.copied_affixes``: one copied variable's training values in,
the check out; the check at request time (``induction.runtime.affixes``); and the reviewer's
traps it closes, induced and served end to end."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evals.builders import stored
from evals.workflows import REGISTRY
from evals.workflows.base import iter_records
from induction.explain import describe
from induction.induce import induce
from induction.pipeline import same_answer
from induction.rules.copied_affixes import affix_check
from induction.runtime.affixes import AffixCheck, affix_problem, out_of_affix
from induction.runtime.compiled import compile_tree
from induction.runtime.ranges import as_number

GOLDEN: list[tuple[list[Any], AffixCheck | None]] = [
    # people's Slack ids: one first letter
    (["U04ABC", "U7Z9QK", "U5510X"], AffixCheck(prefix="U", punct=())),
    # two first letters, each kind seen over five values
    (["U4AB", "W3CD", "U5EF", "W7GH", "U9JK"], AffixCheck(firsts=("U", "W"), punct=())),
    # ... but over three values, two first letters may be chance: their shape alone is kept
    (["U4AB", "W3CD", "U5EF"], AffixCheck(punct=())),
    # host names numbered: two names (app, db), not five ids
    (["app12", "db7", "app3", "db41", "app9"], AffixCheck(punct=())),
    # hex ids: their own first characters count (digits too), not those of their letters alone
    (["b3f2a1", "41dc0e", "f9a2b3", "07e1d0", "d0c9af", "5f1e2d", "a5b4c3"], AffixCheck(punct=())),
    # first letters are counted over names, not over each name's numbered instances
    (["events-3", "events-7", "ledger-2", "ledger-9", "events-1"], AffixCheck(punct=(("-", 1),))),
    # an email's domain, from its "@" (a shared last letter of the names is chance)
    (["ann@corp.example", "dan@corp.example", "jon@corp.example"],
     AffixCheck(suffix="@corp.example", punct=((".", 1), ("@", 1)))),
    # a domain after "@" in one and after a subdomain's "." in another: the whole domain
    (["a@acme.com", "b@uk.acme.com", "c@acme.com"], AffixCheck(suffix="acme.com", punct=((".", 2), ("@", 1)))),
    # a version's major, a phone's country code (written with "+": text, not a quantity)
    (["v2.4.1", "v2.10.0", "v2.7.3"], AffixCheck(prefix="v2.", punct=((".", 2),))),
    (["+14155550100", "+12125550123", "+13105550199"], AffixCheck(prefix="+1", punct=(("+", 1),))),
    # ids of digits keep their digit count; JSON numbers too
    ([1234567, 7654321, 5550123], AffixCheck(digits=(7, 7))),
    (["14155550100", "12125550123", "13105550199"], AffixCheck(prefix="1", digits=(11, 11))),  # after a "+"
    (["40512", "40533", "4051", "87512"], AffixCheck(digits=(4, 5))),
    # counts and amounts: the most integer digits one had (a magnitude no training call showed misses)
    (["12", "7", "30"], AffixCheck(magnitude=2)),
    ([5.2, "950.00", 31], AffixCheck(magnitude=3)),
    # ... and whether one was negative: a credit (-45.20) copied where every balance was a debt
    ([-5.2, "950.00", 31], AffixCheck(magnitude=3, negative=True)),
    # ids of digits: not their first digits, however few (random ids show most of them by chance)
    ([str(n) for n in (412345, 523456, 434567, 545678, 456789, 567890, 578901)], AffixCheck(digits=(6, 6))),
    # names, cities: nothing shared but their shape (no punctuation)
    (["Oslo", "Lima", "Rome"], AffixCheck(punct=())),
    # quantities and times: their ranges and spans are what may decide, not a shared "12" or "2026-11-"
    (["1,250.00", "1,299.50", "1,204.10"], AffixCheck(magnitude=4)),
    (["2026-11-03T10:00Z", "2026-11-09T11:30Z", "2026-11-21T08:15Z"], None),
    (["10:05", "10:40", "10:15"], None),
    # too few, all equal (a pin's job), or not all scalars: nothing
    (["U1", "U2"], None),
    (["U1", "U1", "U1"], None),
    (["U1", ["U2"], "U3"], None),
]


@pytest.mark.parametrize(("values", "expected"), GOLDEN)
def test_affix_check(values: list[Any], expected: AffixCheck | None) -> None:
    assert affix_check(values) == expected


PROBLEMS: list[tuple[tuple[AffixCheck, Any], str | None]] = [
    ((AffixCheck(prefix="U"), "UTUP21M56"), None),
    ((AffixCheck(prefix="U"), "BTUP21M56"), "does not start with 'U'"),
    ((AffixCheck(suffix="@corp.example"), "karen.nunez@gmail.com"), "does not end with '@corp.example'"),
    ((AffixCheck(firsts=("U", "W")), "W1"), None),
    ((AffixCheck(punct=()), "²"), None),
    ((AffixCheck(firsts=("U", "W")), "B1"), "starts with 'B' (seen: 'U', 'W')"),
    ((AffixCheck(digits=(6, 8)), 0), "has 1 digits (6 to 8 served)"),
    ((AffixCheck(magnitude=3), "2,961.68"), "has 4 integer digits (at most 3 seen)"),
    ((AffixCheck(magnitude=3), -45.2), "is negative (no value seen was)"),
    ((AffixCheck(magnitude=3, negative=True), -45.2), None),
    ((AffixCheck(magnitude=3), "n/a"), "is not a number"),
    ((AffixCheck(digits=(6, 8)), "1234567"), None),
    ((AffixCheck(digits=(6, 8)), "123456"), None),
    ((AffixCheck(digits=(6, 8)), "12345a7"), "is not all digits"),
    ((AffixCheck(prefix="U"), {"id": "U1"}), "is not text"),
    ((AffixCheck(suffix="acme.com"), "b@uk.acme.com"), None),
    ((AffixCheck(suffix="acme.com"), "b@evilacme.com"), "does not end with 'acme.com' after a boundary"),
    ((AffixCheck(punct=(("@", 1), (".", 1))), "ann+ops@corp.example"), "holds 1 '+' (at most 0 seen)"),
    ((AffixCheck(punct=((":", 1), ("/", 3), (".", 2))), "https://hooks.corp.example:8443/x"),
     "holds 2 ':' (at most 1 seen)"),
]


@pytest.mark.parametrize(("args", "expected"), PROBLEMS)
def test_affix_problem(args: tuple[AffixCheck, Any], expected: str | None) -> None:
    assert affix_problem(*args) == expected


def test_a_missing_variable_is_a_miss() -> None:
    assert out_of_affix({"uid": AffixCheck(prefix="U")}, {}) == ("uid", "is missing")


@given(st.lists(st.text(min_size=1, max_size=12), min_size=3, max_size=8))
def test_every_training_value_passes_its_own_check(values: list[str]) -> None:
    # The check learnt from the values never refuses one of them (no training call would be served).
    check = affix_check(values)
    if check is not None:
        assert all(affix_problem(check, v) is None for v in values)


def _served(workflow: str, n: int, train: int, test: int) -> tuple[int, int]:
    """(hits, false hits) over 40 test runs of ``workflow`` after ``n`` training runs."""
    wf = REGISTRY[workflow]
    tree = compile_tree(induce(stored(list(iter_records(wf.runs(train, n))))).nodes)
    hits = false = 0
    for run in wf.runs(test, 40):
        for record in run:
            hit = tree.explain(record["request"]).hit
            if hit is not None:
                hits += 1
                false += not same_answer(hit.response["choices"][0]["message"], record["response"]["choices"][0]["message"])
    return hits, false


def test_a_bots_id_is_not_served_the_dm_learnt_from_peoples_ids() -> None:
    # Five runs resolved people (U..., W... ids) and DMed them; a bot's B... id was served
    # send_dm before (6 false hits at 5 and 8 runs on the reviewer's pair 102/103).
    hits, false = _served("copied_id_prefix_decides", 5, 102, 103)
    assert false == 0 and hits >= 100


def test_an_outside_email_is_not_served_the_grant_learnt_from_company_emails() -> None:
    hits, false = _served("copied_email_domain_decides", 5, 304, 305)
    assert false == 0 and hits >= 100


def test_rote_explain_shows_what_every_value_shared() -> None:
    result = induce(stored(list(iter_records(REGISTRY["copied_email_domain_decides"].runs(304, 5)))))
    shown = "\n".join(describe(n, result.notes.get(n.id, [])) for n in result.nodes)
    assert "accepted_by ending '@corp.example'" in shown and "(copied-affixes)" in shown


def test_a_digit_that_is_no_number_does_not_raise() -> None:
    # Found by the property above: "²" is a digit to str.isdigit but float() refuses it, and
    # ranges.as_number raised on it (a superscript in a copied value would have failed induction).
    assert as_number("²") is None and as_number("12.5") == 12.5
    assert affix_check([":", ";", "²"]) == AffixCheck(punct=((":", 1), (";", 1)))


def test_an_integer_too_large_for_a_float_is_no_number_and_raises_nothing() -> None:
    huge = 10**400
    assert affix_check([5, huge, 7]) is None  # not all numbers: no magnitude (it raised OverflowError)
    assert affix_problem(AffixCheck(magnitude=3), huge) == "is not a number"
