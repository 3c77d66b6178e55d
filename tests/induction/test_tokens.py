"""``induction.tokens``: typed values are single tokens."""

import pytest

from induction.tokens import recognise, tokenize

STAMPS = [
    "2026-11-09T12:34:56.123Z",
    "Mon, 09 Nov 2026 12:34:56 +0000",
]


@pytest.mark.parametrize("stamp", STAMPS)
def test_a_timestamp_is_one_token(stamp: str) -> None:
    assert recognise(stamp) == "timestamp"
    assert tokenize(f"at {stamp} sshd[7]: ok")[2] == stamp


def test_a_syslog_stamp_stays_in_pieces() -> None:
    # Taken for one timestamp (an id, never range-checked), a syslog stamp's hour and day went
    # unchecked: a login at 03:00 was served the work-hours answer (docs/review/traps16,
    # r16_syslog_hour). In pieces, its hour is a clock time's hour, a quantity.
    assert recognise("Nov 19 02:04:05") is None
    assert tokenize("Nov 19 02:04:05 web-1")[:3] == ["Nov", " ", "19"]


def test_a_thousands_group_is_three_digits() -> None:
    # A CSV's amount before a date: "324,2027-01-06" is 324 and a date, not the number 324,202.
    assert [t for t in tokenize("INV,324,2027-01-06") if t != ","] == ["INV", "324", "2027-01-06"]
    assert tokenize("1,250.00") == ["1,250.00"] and tokenize("12,345,678") == ["12,345,678"]
