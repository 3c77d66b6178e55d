"""``induction.tokens``: typed values are single tokens."""

import pytest

from induction.tokens import recognise, tokenize

STAMPS = [
    "Nov  9 12:34:56",  # syslog, the day space-padded
    "Nov 19 02:04:05",
    "Mon Nov  9 12:34:56 2026",  # C's ctime
    "Fri Jun 17 07:07:00 2005",
    "2026-11-09T12:34:56.123Z",
    "Mon, 09 Nov 2026 12:34:56 +0000",
]


@pytest.mark.parametrize("stamp", STAMPS)
def test_a_timestamp_is_one_token(stamp: str) -> None:
    assert recognise(stamp) == "timestamp"
    assert tokenize(f"at {stamp} sshd[7]: ok")[2] == stamp


def test_a_syslog_day_below_ten_and_one_above_give_one_template() -> None:
    # "Nov  9" and "Nov 19" differ in one token, so a slot over it never starts with a space.
    a, b = tokenize("Nov  9 12:34:56 web-1 ok"), tokenize("Nov 19 02:04:05 web-1 ok")
    assert len(a) == len(b) and a[1:] == b[1:]


def test_words_that_look_like_a_month_stay_words() -> None:
    assert tokenize("May 5 be with you")[:3] == ["May", " ", "5"]
    assert recognise("Nov 9") is None
