"""Golden pairs of ``induction.rules.unread_values``: values (and labels) in, verdicts out."""

from typing import Any

import pytest

from induction.rules.unread_values import id_like, is_quantity, number_forms, number_in

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


GOLDEN = ID_LIKE + QUANTITY + NUMBER_IN
