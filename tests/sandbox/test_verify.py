from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType
from typing import Self

from hypothesis import given
from hypothesis import strategies as st

from sandbox import Case, CaseResult, Derivation, Example, LocalBackend, verify, verify_many
from sandbox.verify import same

FIRST_NAME = "def first_name(full_name):\n    return full_name.split()[0]\n"
AMOUNT = "import re\ndef amount(text):\n    return float(re.sub(r'[^0-9.]', '', text))\n"
LATER = ("from datetime import date, timedelta\n"
         "def later(day):\n    return (date.fromisoformat(day) + timedelta(days=3)).isoformat()\n")


def test_legitimate_derivations_pass(local: LocalBackend) -> None:
    verdicts = verify_many([
        Derivation(source=FIRST_NAME, function="first_name", examples=[
            Example(kwargs={"full_name": "Ada Lovelace"}, expected="Ada"),
            Example(kwargs={"full_name": "Alan Mathison Turing"}, expected="Alan")]),
        Derivation(source=AMOUNT, function="amount", examples=[
            Example(kwargs={"text": "$1,234.50"}, expected=1234.5), Example(kwargs={"text": "€3"}, expected=3.0)]),
        Derivation(source=LATER, function="later", examples=[
            Example(kwargs={"day": "2024-02-27"}, expected="2024-03-01")]),
    ], local)
    assert [v.passed for v in verdicts] == [True, True, True]
    assert all(v.reason is None for v in verdicts)


def test_verify_many_costs_two_sandbox_starts(local: LocalBackend) -> None:
    before = local.processes_started
    derivations = [Derivation(source=FIRST_NAME, function="first_name",
                              examples=[Example(kwargs={"full_name": f"A{i} B"}, expected=f"A{i}") for i in range(20)])
                   ] * 10
    assert all(v.passed for v in verify_many(derivations, local))
    assert local.processes_started == before + 2


def test_one_wrong_example_fails_the_derivation(local: LocalBackend) -> None:
    verdict = verify(FIRST_NAME, "first_name", [Example(kwargs={"full_name": "Ada Lovelace"}, expected="Ada"),
                                                Example(kwargs={"full_name": "Lovelace, Ada"}, expected="Ada")],
                     local)
    assert not verdict.passed
    assert [c.passed for c in verdict.cases] == [True, False]
    assert verdict.reason == "expected 'Ada' (str), got 'Lovelace,' (str)"


def test_types_must_match_exactly(local: LocalBackend) -> None:
    as_int = "def f(x):\n    return int(x)\n"
    assert not verify(as_int, "f", [Example(kwargs={"x": "1"}, expected=1.0)], local).passed
    assert not verify(as_int, "f", [Example(kwargs={"x": "1"}, expected=True)], local).passed
    assert not verify(as_int, "f", [Example(kwargs={"x": "1"}, expected="1")], local).passed
    assert verify(as_int, "f", [Example(kwargs={"x": "1"}, expected=1)], local).passed


def test_code_failures_become_reasons(local: LocalBackend) -> None:
    refused = verify("import os\ndef f():\n    return 1\n", "f", [Example(expected=1)], local)
    assert not refused.passed and "[import]" in (refused.reason or "")
    non_json = verify("def f():\n    return (1,)\n", "f", [Example(expected=[1])], local)
    assert not non_json.passed and "not JSON" in (non_json.reason or "")


def test_no_examples_is_not_a_pass(local: LocalBackend) -> None:
    verdict = verify(FIRST_NAME, "first_name", [], local)
    assert not verdict.passed and verdict.reason == "no examples to verify against"


class Flaky:
    """A scripted backend: the second batch answers differently (non-determinism)."""

    def __init__(self) -> None:
        self.batches: list[list[Case]] = []

    def start(self) -> None: ...

    def close(self) -> None: ...

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...

    def run_batch(self, cases: Sequence[Case]) -> list[CaseResult]:
        self.batches.append(list(cases))
        second = len(self.batches) > 1
        return [CaseResult(ok=True, value=f"{c.kwargs['x']}{'!' if second and c.kwargs['x'] == 'b' else ''}")
                for c in cases]


def test_determinism_is_checked_on_a_second_reversed_run() -> None:
    backend = Flaky()
    verdict = verify("def f(x):\n    return x\n", "f",
                     [Example(kwargs={"x": "a"}, expected="a"), Example(kwargs={"x": "b"}, expected="b"),
                      Example(kwargs={"x": "c"}, expected="zzz")], backend)
    assert not verdict.passed
    assert [c.passed for c in verdict.cases] == [True, False, False]
    assert verdict.cases[1].error == "not deterministic: 'b' (str) then 'b!' (str)"
    # Only cases that matched run again, in reverse order.
    assert [c.kwargs["x"] for c in backend.batches[1]] == ["b", "a"]


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=10)


@given(JSON)
def test_same_is_reflexive(value: object) -> None:
    assert same(value, value)  # type: ignore[arg-type]


@given(JSON, JSON)
def test_same_implies_equal(a: object, b: object) -> None:
    if same(a, b):  # type: ignore[arg-type]
        assert a == b
