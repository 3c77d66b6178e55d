"""Golden pairs of ``induction.rules.unreadable``: a template and its members in, read back or not out."""

from typing import Any

import pytest

from induction.rules.unreadable import reads_back
from induction.runtime.template import MessageTemplate, Slot, TextTemplate


def _t(*parts: str | Slot) -> MessageTemplate:
    return MessageTemplate(role="user", content=TextTemplate(parts=parts))


NAME = Slot(var="n", kind="word")
TWO = (Slot(var="a", kind="text"), " ", Slot(var="b", kind="text"))

GOLDEN = [
    ((_t("Hi ", NAME, "."), "Hi Bo.", {"n": "Bo"}), True),
    ((_t("Hi ", NAME, "."), "Hi Bo.", {"n": "Al"}), False),  # read back with another value
    ((_t("Hi ", NAME, "."), "Hello Bo.", {"n": "Bo"}), False),  # does not match at all
    ((_t(*TWO), "New York City", {"a": "New", "b": "York City"}), False),  # two free slots: ambiguous
]


@pytest.mark.parametrize(("args", "expected"), GOLDEN)
def test_golden(args: tuple[MessageTemplate, str, dict[str, Any]], expected: bool) -> None:
    template, text, scope = args
    assert reads_back(template, [{"role": "user", "content": text}], [{}], [scope]) is expected
