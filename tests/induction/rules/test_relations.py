"""Golden pairs of ``induction.rules.relations``: scopes in, ``apart`` / ``together`` pairs out."""

from typing import Any

import pytest

from induction.rules.relations import relations

GOLDEN = [
    # password_has_username: training never had the name inside the password
    ([{"user": "ann", "pw": "x9!q"}, {"user": "cyd", "pw": "zz7#"}], ((("user", "pw"),), ())),
    ([{"user": "ann", "pw": "ann71", "to": "bob"}, {"user": "cyd", "pw": "cyd9", "to": "dee"}],
     ((("user", "to"), ("pw", "to")), (("user", "pw"),))),
    # related in one call, not in the other: neither
    ([{"a": "bob", "b": "bob"}, {"a": "ann", "b": "cyd"}], ((), ())),
    # always equal: one variable already, not ``together``
    ([{"a": "bob", "b": "bob"}, {"a": "ann", "b": "ann"}], ((), ())),
    ([{"n": 1, "m": 2}], ((), ())),  # numbers are not compared
]


@pytest.mark.parametrize(("scopes", "expected"), GOLDEN)
def test_golden(scopes: list[dict[str, Any]], expected: tuple[Any, Any]) -> None:
    r = relations(scopes)
    assert (r["apart"], r["together"]) == expected
