"""Golden pairs of ``induction.rules.results_order``: recorded messages in, left out or not."""

import pytest

from induction.rules.results_order import out_of_order

CALLS = {"role": "assistant", "tool_calls": [{"id": "a"}, {"id": "b"}]}
ONE_CALL = {"role": "assistant", "tool_calls": [{"id": "a"}]}


def _tool(call_id: str) -> dict[str, str]:
    return {"role": "tool", "tool_call_id": call_id, "content": "14 C"}


GOLDEN = [
    ([CALLS, _tool("a"), _tool("b")], False),
    ([CALLS, _tool("b"), _tool("a")], True),  # completion order: Prague's result read as Dublin's
    ([ONE_CALL, _tool("a")], False),
    ([{"role": "user", "content": "hi"}], False),
    ([CALLS, _tool("a"), _tool("b"), _tool("c")], True),  # one result too many
]


@pytest.mark.parametrize(("messages", "expected"), GOLDEN)
def test_golden(messages: list[dict[str, object]], expected: bool) -> None:
    assert out_of_order(messages) is expected
