"""Golden pairs of ``induction.rules.unread_values``: values (and labels) in, verdicts out."""

import random
from typing import Any, ClassVar

import orjson
import pytest
from faker import Faker

from evals.builders import stored
from evals.workflows.base import Run, Workflow, tool
from induction.evidence import (
    comparable,
    measures,
    number_runs,
    order_gaps,
    order_pairs,
    value_kind,
)
from induction.induce import induce
from induction.pipeline import same_answer
from induction.rules.unread_values import id_like, is_quantity, number_forms, number_in
from induction.runtime.compiled import compile_tree
from induction.runtime.ranges import in_range, range_of

ID_LIKE = [
    ((["10342", "20511"], "order "), True),
    ((["12", "40"], "order "), False),  # "order 12 units": a quantity
    (([4521, 7788], '"ticket_id": '), True),
    ((["2041", "2042"], "INV-"), True),
    (([2560], "USD"), False),  # a currency code: an amount
    ((["7", "8"], "Is the number "), False),  # even_number_label
]


@pytest.mark.parametrize(("args", "expected"), ID_LIKE)
def test_id_like(args: tuple[list[Any], str], expected: bool) -> None:
    assert id_like(*args) is expected


QUANTITY = [
    (([7, 2500], False), True),
    ((["$1,250.00", "07", "1987"], False), True),
    ((["2026-11-03"], False), True),  # a date: date_deadline
    ((["0042"], False), False),  # zero-padded: an id
    ((["1763700000"], False), False),  # an epoch timestamp
    ((["-27", "\u22125"], False), True),  # signed: negative_temperature, unicode_minus
    ((["12", "plenty"], False), True),  # seats_word_or_number
    ((["12345"], True), False),  # ``small``: 5 digits copied later is more likely an id
    (([999], True), True),
]


@pytest.mark.parametrize(("args", "expected"), QUANTITY)
def test_is_quantity(args: tuple[list[Any], bool], expected: bool) -> None:
    values, small = args
    assert is_quantity(values, small=small) is expected


NUMBER_IN = [
    (("total: 1250.0 eur", "$1,250"), True),
    (("you have 12 left", 12), True),
    (("order 4125 shipped", 12), False),  # a piece of a longer number
    (("v1.12.3", "12"), False),
    (("at 14:05", "14"), True),
]


@pytest.mark.parametrize(("args", "expected"), NUMBER_IN)
def test_number_in(args: tuple[str, Any], expected: bool) -> None:
    assert number_in(*args) is expected


def test_number_forms() -> None:
    assert number_forms("$1,250.00") == {"1,250.00", "1250.00", "1250.0", "1250"}


MEASURES = [
    ((["1GB", "1.2GB", "2GB"], '"attachment":"'), True),  # one size in two shapes: size_nospace
    ((["38.5°C", "37 °C"], "temp "), True),
    ((["1GB", "900MB"], '"attachment":"'), True),  # two units: a quantity no range checks (structure)
    ((["1.5k", "900"], '"deal":"'), True),
    ((["AED1249.00", "AED980.50"], '"total":"'), True),  # an amount after its currency's code: code_glued_amount
    ((["12ms", "9ms"], '"latency":"'), False),  # a label of noise
    ((["1.9.8", "2.0.1"], "firmware "), False),  # a version: composite_numbers
]


@pytest.mark.parametrize(("args", "expected"), MEASURES)
def test_measures(args: tuple[list[Any], str], expected: bool) -> None:
    assert measures(*args) is expected


def test_a_measure_is_served_only_inside_its_range_and_unit() -> None:
    bounds = range_of(["0.5GB", "1GB", "1.8GB"])
    assert bounds == ("0.5GB", "1.8GB")
    assert in_range("1.2GB", bounds) and in_range("1 GB", bounds)
    assert not in_range("2.1GB", bounds) and not in_range("1.2MB", bounds) and not in_range("1.2", bounds)
    # Decimals are one number, not pieces: "0.5GB" is no measurement of many decimals.
    assert value_kind(["0.5GB", "1.25GB"], '"attachment":"') == "quantity"


KINDS = [
    (([0.0731, 0.6442], '"score": '), "quantity"),  # a JSON field's decimals: a score (fraud_score_decimals)
    ((["0.0731", "0.6442"], '"score":"'), "quantity"),
    (([0.0731, 0.6442], "score="), "quantity"),  # key=value text (score_in_key_value)
    (([0.0731, 0.6442], '"scores":['), "quantity"),  # a list's first item
    ((["0.2477829", "0.2500131"], "GC pause "), "id"),  # a log line's measurement
    ((["41.3753 -119.1371", "47.4982 -77.5979"], "Deliver to "), "quantity"),  # numbers in a row: a place
    ((["1249.00", "980.50"], '"price":"AED'), "quantity"),  # any ISO 4217 code before an amount
    ((["12", "31"], "subdir"), "id"),
]


@pytest.mark.parametrize(("args", "expected"), KINDS)
def test_value_kind(args: tuple[list[Any], str], expected: str) -> None:
    assert value_kind(*args) == expected


RUNS = [
    ((["118 76 64", "131 80 59"], "My readings today: "), True),  # readings_in_a_row
    ((["0.52 0.58 0.59", "1.10 0.93 0.71"], "load average: "), True),
    ((["118 76", "131 80 59"], "readings: "), True),  # rows of two lengths: no place to check (structure)
    ((["118 76 64", "fine"], "readings: "), False),
    ((["3 7", "12 40"], "took "), False),  # a label of noise
]


@pytest.mark.parametrize(("args", "expected"), RUNS)
def test_number_runs(args: tuple[list[Any], str], expected: bool) -> None:
    assert number_runs(*args) is expected


def test_numbers_in_a_row_are_served_only_inside_the_range_at_each_place() -> None:
    bounds = range_of(["118 76 64", "131 80 59", "109 70 90"])
    assert bounds == ("109 70 59|>?", "131 80 90|>?")  # the first number above the second in every row
    assert in_range("120 72 60", bounds)
    assert not in_range("172 101 88", bounds) and not in_range("120 72", bounds) and not in_range("120", bounds)
    assert not in_range("110 120 60", bounds)  # each inside its range, the first below the second


GOLDEN = ID_LIKE + QUANTITY + NUMBER_IN + MEASURES + RUNS


class _ChosenReturns(Workflow):
    """The model chooses between a call (create_return, inside 30 days) and a reply (a decline)
    after get_order's result, whose total and item count no answer reads."""

    name = "chosen_returns"
    description = "a call or a reply chosen after a result with numbers no answer reads"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_order", "An order", order_id="string"),
                                             tool("create_return", "A return label", order_id="string")]

    def __init__(self, total_hi: int = 400) -> None:
        self.total_hi = total_hi

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"LO-{rng.randint(100000, 999999)}"
        age = rng.randint(1, 29) if rng.random() < 0.7 else rng.randint(31, 120)
        run.system("You are the returns assistant. Returns are accepted within 30 days of purchase.")
        run.user(f"I'd like to return order {oid}.")
        run.call("get_order", {"order_id": oid},
                 {"id": oid, "age_days": age, "total": rng.randint(20, self.total_hi), "items": rng.randint(1, 3)})
        if age <= 30:
            rma = f"RMA-{rng.randint(100000, 999999)}"
            run.call("create_return", {"order_id": oid}, {"rma": rma})
            run.say(f"Your return for {oid} is set up: {rma}.")
        else:
            run.say(f"Sorry, order {oid} is {age} days old, past our 30-day window.")


def test_numbers_read_where_the_model_chose_a_call_or_a_reply_are_weighed() -> None:
    # The answers after get_order's result differ in kind (a call, a reply): that node serves
    # nothing. Its numbers used to keep every run apart there, so the reply after create_return,
    # below the model's own choice, was never served. They are weighed as at a context node now,
    # and the reply below checks their ranges.
    wf = _ChosenReturns()
    result = induce(stored([r for seed in range(12) for r in wf.run(seed)]))
    tree = compile_tree(result.nodes)
    served = 0
    for seed in range(100, 140):
        run = wf.run(seed)
        assert tree.explain(run[1]["request"]).hit is None  # the model's choice: not served
        if len(run) == 3:
            hit = tree.explain(run[2]["request"]).hit
            if hit is not None:
                served += 1
                assert same_answer(hit.response["choices"][0]["message"], run[2]["response"]["choices"][0]["message"])
    assert served >= 10
    assert any("noise by evidence" in note and "items (quantity" in note for notes in result.notes.values() for note in notes)
    # A total above every one training saw is not served below the choice either.
    big = _ChosenReturns(total_hi=5000)
    outside = [run for run in (big.run(seed) for seed in range(200, 260))
               if len(run) == 3 and orjson.loads(run[1]["request"]["messages"][-1]["content"])["total"] > 400]
    assert outside
    for run in outside:
        explained = tree.explain(run[2]["request"])
        assert explained.hit is None, explained.reason


GAPS = [
    (([{"amount": 647, "balance": 914}, {"amount": 517, "balance": 3979}], {"amount", "balance"}),
     (("amount", "balance", 267.0, 3462.0),)),
    (([{"amount": 647, "balance": 914}, {"amount": 517, "balance": 300}], {"amount", "balance"}), ()),  # no order
    (([{"amount": 647, "balance": 914}, {"amount": 517, "balance": 3979}], {"balance"}), ()),  # one is no quantity taken for noise
]


@pytest.mark.parametrize(("args", "expected"), GAPS)
def test_order_gaps(args: tuple[list[dict[str, Any]], set[str]], expected: tuple[Any, ...]) -> None:
    assert order_gaps(*args) == expected


class _Transfer(Workflow):
    """Move $x to savings: get_balance, then a reply (not enough) or a transfer, and "Done." or,
    when less than $200 is left, a warning. ``min_left``: the least a transfer leaves."""

    name = "transfer_gap"
    description = "a warning decided by the gap between two numbers, each inside its range"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_balance", "A balance", account="string"),
                                             tool("transfer", "A transfer", account="string", amount="number")]

    def __init__(self, min_left: int) -> None:
        self.min_left = min_left

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        amount = rng.randint(50, 2000)
        balance = amount + rng.randint(self.min_left, 3000) if rng.random() < 0.8 else rng.randint(10, amount - 1)
        run.system("You are the banking assistant. Warn the customer when a transfer leaves less than $200 in checking.")
        run.user(f"Move ${amount} from CHK-{rng.randint(100, 999)} to savings.")
        run.call("get_balance", {"account": "checking"}, {"balance": balance})
        if amount > balance:
            run.say("Sorry, there isn't enough in checking for that transfer.")
        else:
            run.call("transfer", {"account": "checking", "amount": amount}, {"ok": True})
            run.say("Done. Your checking balance is now low." if balance - amount < 200 else "Done.")


def test_two_numbers_are_served_only_as_far_apart_as_training_saw_them() -> None:
    # Every transfer training saw left $200 or more; each of the two numbers of a transfer that
    # leaves $50 lies inside its range, and they are in the order seen. Their gap is not.
    result = induce(stored([r for seed in range(12) for r in _Transfer(min_left=200).run(seed)]))
    tree = compile_tree(result.nodes)
    low = [run for run in (_Transfer(min_left=0).run(seed) for seed in range(100, 200))
           if len(run) == 3 and "low" in str(run[2]["response"])]
    assert low
    for run in low:
        assert tree.explain(run[2]["request"]).hit is None
    served = [run for run in (_Transfer(min_left=200).run(seed) for seed in range(300, 340)) if len(run) == 3
              and tree.explain(run[2]["request"]).hit is not None]
    assert served  # the gaps training saw are still served


def test_numbers_of_different_units_keep_no_order_or_gap() -> None:
    # "always saw lifetime_orders <= latency_ms": orders are counted, a latency is timed. Their
    # order held in every run by chance; kept, it missed every request where it did not.
    calls = [{"orders": 3, "latency": 40.1}, {"orders": 12, "latency": 33.0}, {"orders": 25, "latency": 61.7}]
    labels = {"orders": '"lifetime_orders": ', "latency": '","latency_ms":'}
    assert order_pairs(calls, {"orders"}) == (("orders", "latency"),)
    assert order_pairs(calls, {"orders"}, labels) == ()
    assert order_gaps(calls, {"orders", "latency"}) != () and order_gaps(calls, {"orders", "latency"}, labels) == ()
    # A size against its limit in one unit, a budget against a price, a value against a
    # threshold no unit names: kept.
    assert comparable('"size_mb":', '"limit_mb":') and comparable('"budget":', '"price":')
    assert comparable('"value":', '"threshold":') and not comparable('"runtime_sec":', '"sla_ms":')
    # Review 20 (docs/review/traps20): words that name what a number is about, not its unit,
    # keep the order: points, credits and days are budgeted too, "min" is a minimum, "_s" a size.
    assert comparable('"elapsed_s":', '"budget":') and comparable('"nights":', '"max_stay_days":')
    assert comparable('"quantity":', '"qty_min":') and comparable('"refund_count":', '"max_refunds":')
    sizes = [{"size": 120, "limit": 700}, {"size": 480, "limit": 900}]
    assert order_pairs(sizes, {"limit"}, {"size": '"size_mb":', "limit": '"limit_mb":'}) == (("size", "limit"),)
