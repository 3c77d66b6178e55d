"""Golden pairs of ``induction.rules.request_settings``: recorded requests in, distinct setting keys out."""

from typing import Any

import pytest

from induction.rules.request_settings import settings_keys

BASE = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hi"}]}

GOLDEN = [
    ([BASE, {**BASE, "temperature": 0.7}], 1),  # a sampling knob: the same answer is valid
    ([BASE, {**BASE, "stop": ["."]}], 2),  # stop_sequence: another answer
    ([BASE, {**BASE, "model": "gpt-4o"}], 2),
    ([BASE, {**BASE, "max_tokens": 5}], 1),  # token limits are checked apart (tokens_limit)
    ([BASE, {**BASE, "reasoning_effort": "low"}], 2),
]


@pytest.mark.parametrize(("requests", "expected"), GOLDEN)
def test_golden(requests: list[dict[str, Any]], expected: int) -> None:
    assert len(settings_keys(requests)) == expected
