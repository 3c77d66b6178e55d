"""Golden pairs of ``induction.rules.unread_values``: values (and labels) in, verdicts out."""

from typing import Any

import pytest

from induction.evidence import measures, value_kind
from induction.rules.unread_values import id_like, is_quantity, number_forms, number_in
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
    ((["1GB", "1.2MB"], '"attachment":"'), False),  # two units: no one quantity
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


GOLDEN = ID_LIKE + QUANTITY + NUMBER_IN + MEASURES
