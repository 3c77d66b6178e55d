"""Answers carry how many days apart two dates always were (``ResponseTemplate.spans``): a
request where they lie further apart or closer is a miss, whatever each date's range says."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from evals.builders import stored
from evals.workflows.adversarial import TodayDeadlineWindow, TodayInSystemPrompt
from induction.evidence import date_spans
from induction.induce import induce
from induction.pipeline import same_answer
from induction.runtime.compiled import CompiledTree, compile_tree
from induction.runtime.nodes import ResponseTemplate, TemplateNode
from induction.runtime.ranges import days, out_of_span
from induction.runtime.template import MessageTemplate, Slot, TextTemplate

SPANS = [
    (([{"today": "2026-03-20", "bought": "2026-03-01"}, {"today": "2026-07-02", "bought": "2026-06-30"}], {"today"}),
     (("bought", "today", 2, 19),)),
    # Written the way round that reads as elapsed days, whichever name sorts first.
    (([{"a": "2026-03-20", "b": "2026-03-01"}, {"a": "2026-07-02", "b": "2026-06-30"}], {"a"}), (("b", "a", 2, 19),)),
    (([{"a": "2026-03-01", "b": "2026-03-03"}, {"a": "2026-03-05", "b": "2026-03-01"}], {"a"}), (("a", "b", -4, 2),)),
    (([{"a": "2026-03-01", "b": "2026-03-03"}], set()), ()),  # neither taken for noise: nothing to keep
    (([{"a": "2026-03-01", "n": 3}], {"a", "n"}), ()),  # a number is no date
    (([{"a": "2026-03-01", "b": "March 3"}], {"a"}), ()),  # nor is a date in words
]


@pytest.mark.parametrize(("args", "expected"), SPANS)
def test_date_spans(args: tuple[list[dict[str, object]], set[str]], expected: tuple[object, ...]) -> None:
    assert date_spans(*args) == expected


def test_days_and_out_of_span() -> None:
    assert days("2026-03-01") == days("2026-02-28") + 1  # type: ignore[operator]
    assert days("2026-02-30") is None and days(" 2026-03-01 ") is not None
    spans = (("bought", "today", 2, 19),)
    assert out_of_span(spans, {"bought": "2026-03-01", "today": "2026-03-03"}) is None
    assert out_of_span(spans, {"bought": "2026-03-01", "today": "2026-03-02"}) == ("bought", "today")
    assert out_of_span(spans, {"bought": "2026-03-01"}) == ("bought", "today")  # not in scope: a miss


def _tree(spans: tuple[tuple[str, str, int, int], ...]) -> CompiledTree:
    node = TemplateNode(
        id="n1", parent=None, status="live",
        template=MessageTemplate(role="user", content=TextTemplate(parts=(
            "Today is ", Slot(var="today", kind="date"), ". Bought ", Slot(var="bought", kind="date"), ". Refund?"))),
        response=ResponseTemplate(message=MessageTemplate(role="assistant", content=TextTemplate(parts=("Refunded.",))),
                                  ranges={"today": ("2026-03-01", "2026-10-31"), "bought": ("2026-02-01", "2026-10-30")},
                                  spans=spans, evidence=3))
    return compile_tree([node], created_at="2026-12-07T00:00:00Z")


def _ask(today: str, bought: str) -> dict[str, object]:
    return {"model": "m", "messages": [{"role": "user", "content": f"Today is {today}. Bought {bought}. Refund?"}]}


def test_dates_further_apart_than_training_saw_miss() -> None:
    tree = _tree((("bought", "today", 1, 29),))
    assert tree.lookup(_ask("2026-08-01", "2026-07-20")) is not None
    miss = tree.explain(_ask("2026-08-01", "2026-03-01"))  # each inside its range, 153 days apart
    assert miss.hit is None and "bought and today" in (miss.reason or "")
    assert _tree(()).lookup(_ask("2026-08-01", "2026-03-01")) is not None  # ranges alone would have served it


def _served(wf: object, train: range, test: range) -> tuple[int, int, int]:
    """(calls, hits, false hits) of ``wf``'s test runs on a tree induced from its training runs."""
    tree = compile_tree(induce(stored([r for s in train for r in wf.run(s)])).nodes)  # type: ignore[attr-defined]
    calls = hits = false = 0
    for s in test:
        for rec in wf.run(s):  # type: ignore[attr-defined]
            calls += 1
            hit = tree.explain(rec["request"]).hit
            if hit is not None:
                hits += 1
                false += not same_answer(hit.response["choices"][0]["message"], rec["response"]["choices"][0]["message"])
    return calls, hits, false


def test_todays_date_in_the_system_prompt_is_noise_by_evidence() -> None:
    # Every run's system prompt was its own literal node before: nothing below it was served.
    calls, hits, false = _served(TodayInSystemPrompt(), range(10), range(100, 130))
    assert false == 0 and hits >= calls // 3


@pytest.mark.parametrize("seed", [0, 102, 405])
def test_today_against_a_purchase_date_is_not_served_past_the_window_seen(seed: int) -> None:
    # Without the span, a purchase older than the window was refunded on two of these seeds.
    assert _served(TodayDeadlineWindow(), range(seed, seed + 5), range(1000 + seed, 1040 + seed))[2] == 0



def test_a_span_is_kept_against_a_timestamp_and_a_date_no_span_can_place_is_not_served() -> None:
    from evals.workflows.base import Run, tool
    from evals.workflows.catalog import Hello
    from induction.evidence import unkept_dates

    # A reviewer's trap: today in the system prompt, the purchase an ISO timestamp in the
    # result. Before timestamps had a day, no span was kept and an 80-day-old purchase was
    # served the refund every training run (all inside the window) showed.
    def run(i: int, today: str, bought: str, fresh: bool) -> list[dict[str, object]]:
        hello = Hello()
        hello.tools = [tool("get_order", "Order", order_id="string"), tool("refund", "Refund", order_id="string")]
        r = Run(hello, random.Random(i))
        oid = f"O{10000 + i * 37}"
        r.system(f"Today is {today}. Refund orders bought within the last 30 days.")
        r.user(f"Refund order {oid}")
        r.call("get_order", {"order_id": oid}, {"order_id": oid, "purchased_at": bought})
        if fresh:
            r.call("refund", {"order_id": oid}, {"ok": True})
            r.say(f"Refunded {oid}.")
        else:
            r.say(f"{oid} is past the 30-day window.")
        return r.records

    train = [("2026-03-04", "2026-03-01T10:15:00Z"), ("2026-04-19", "2026-04-07T11:15:00Z"),
             ("2026-06-02", "2026-05-08T12:15:00Z"), ("2026-07-15", "2026-07-08T13:15:00Z"),
             ("2026-09-30", "2026-09-12T14:15:00Z")]
    tree = compile_tree(induce(stored([r for i, (t, b) in enumerate(train) for r in run(i, t, b, True)])).nodes)
    assert tree.explain(run(50, "2026-05-10", "2026-04-30T10:15:00Z", True)[1]["request"]).hit is not None
    old = tree.explain(run(51, "2026-05-10", "2026-02-19T10:15:00Z", False)[1]["request"])
    assert old.hit is None and "days apart" in (old.reason or "")
    # A date whose order of day and month the text does not say cannot be placed: no answer
    # that checks a date's range is served beside it.
    assert unkept_dates([{"today": "2026-05-10", "bought": "04/05/2026"}], {"today"}) == "bought"


def test_dates_an_answer_copies_are_kept_as_far_apart_as_training_saw_them() -> None:
    from evals.workflows.base import Run
    from evals.workflows.catalog import Hello

    # A reviewer's copied_both_all_inside (the code before gave it too): the approval copies
    # both dates, so neither is unread and no range checks them; every training purchase was
    # inside the window, and a purchase 80 days old was served "Refund approved".
    def run(i: int, today: date, age: int) -> list[dict[str, object]]:
        r = Run(Hello(), random.Random(i))
        oid = f"O{10000 + i * 37}"
        bought = (today - timedelta(days=age)).isoformat()
        r.system(f"Today is {today.isoformat()}. Refund orders bought within the last 30 days.")
        r.user(f"Refund order {oid}")
        r.call("get_order", {"order_id": oid}, {"order_id": oid, "bought": bought})
        r.say(f"Refund approved: {oid} was bought on {bought}, within 30 days of {today.isoformat()}."
              if age <= 30 else f"Escalated {oid}.")
        return r.records

    train = [run(i, date(2026, 3, 1) + timedelta(days=17 * i), 2 + 5 * i % 27) for i in range(8)]
    tree = compile_tree(induce(stored([r for recs in train for r in recs])).nodes)
    assert tree.explain(run(50, date(2026, 5, 10), 10)[1]["request"]).hit is not None
    old = tree.explain(run(51, date(2026, 5, 10), 80)[1]["request"])
    assert old.hit is None and "days apart" in (old.reason or "")
