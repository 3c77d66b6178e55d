"""Slot kinds (``induction.induce.naming.slot_kind``): a kind is given only where its own
pattern reads every example's value back."""

from __future__ import annotations

from typing import Any

import pytest

from induction.induce.naming import slot_kind
from induction.runtime.kinds import value_fits

KINDS = [
    (["2026-01-16", "2026-02-01"], "date"),
    # The recogniser knows "1/16/2023" as a date; the date kind reads ISO dates only: a slot
    # of that kind could not read its own examples (the template never matched them).
    (["1/16/2023", "2/16/2023"], "word"),
    (["ann@x.io", "bo@y.org"], "email"),
    (["12", "7"], "number"),
    (["00123", "04567"], "digits"),
    (["New York", "Boston"], "text"),
]


@pytest.mark.parametrize(("values", "kind"), KINDS)
def test_slot_kind(values: list[Any], kind: str) -> None:
    assert slot_kind(values) == kind
    assert all(value_fits(kind, v) for v in values)
