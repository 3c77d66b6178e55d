"""Verification, as the Deriver uses it: a derivation may be published only if it
reproduces every recorded example exactly and does so deterministically.

"Exactly" means equal JSON values of equal types all the way down: ``1`` is not
``1.0``, ``True`` is not ``1``, ``"1"`` is not ``1``. "Deterministically" means a
second run, in a fresh sandbox and in reverse order, gives the same values.

>>> v = verify("def first(full_name):\\n    return full_name.split()[0]", "first",
...            [Example(kwargs={"full_name": "Ada Lovelace"}, expected="Ada")])
>>> v.passed, v.cases[0].value
(True, 'Ada')
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from sandbox.protocol import Case, CaseResult, SandboxBackend


class Example(BaseModel):  # type: ignore[no-redef]  # pydantic-mypy: a field named kwargs
    """Argument bindings and the value the recorded run showed for them."""

    model_config = ConfigDict(frozen=True)

    kwargs: dict[str, JsonValue] = Field(default_factory=dict)
    expected: JsonValue


class Derivation(BaseModel):
    """A candidate: ``source`` defines ``function``, to be checked against ``examples``."""

    model_config = ConfigDict(frozen=True)

    source: str
    function: str
    examples: list[Example]


class CaseVerdict(BaseModel):  # type: ignore[no-redef]  # pydantic-mypy: a field named kwargs
    model_config = ConfigDict(frozen=True)

    kwargs: dict[str, JsonValue]
    expected: JsonValue
    passed: bool
    value: JsonValue = None
    error: str | None = None  # why it failed: the code's error, a mismatch, non-determinism


class Verdict(BaseModel):
    model_config = ConfigDict(frozen=True)

    passed: bool
    cases: list[CaseVerdict]
    reason: str | None = None  # the first failure, in words


def same(a: JsonValue, b: JsonValue) -> bool:
    """JSON equality that also requires equal types (and the sign of zero).

    >>> same(1, 1), same(1, 1.0), same(True, 1), same({"a": [1]}, {"a": [1]})
    (True, False, False, True)
    """
    if type(a) is not type(b):
        return False
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, float) and isinstance(b, float):
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    return a == b


def verify(source: str, function: str, examples: Sequence[Example],
           backend: SandboxBackend | None = None) -> Verdict:
    """Check one derivation against its examples (see the module docstring)."""
    return verify_many([Derivation(source=source, function=function, examples=list(examples))], backend)[0]


def verify_many(derivations: Sequence[Derivation], backend: SandboxBackend | None = None) -> list[Verdict]:
    """Check many derivations with two sandbox batches in all (a third only if a case
    crashes its sandbox). Without ``backend`` a ``LocalBackend`` is used and closed."""
    if backend is None:
        from sandbox.local import LocalBackend

        with LocalBackend() as local:
            return verify_many(derivations, local)
    cases = [Case(source=d.source, function=d.function, kwargs=e.kwargs)
             for d in derivations for e in d.examples]
    first = backend.run_batch(cases)
    # Only cases that matched are run again: reversed, so order-dependent state shows.
    again = [i for i, r in enumerate(first) if r.ok and same(r.value, _expected(derivations, i))]
    second = dict(zip(reversed(again), backend.run_batch([cases[i] for i in reversed(again)]), strict=True))
    verdicts: list[Verdict] = []
    i = 0
    for d in derivations:
        judged = []
        for example in d.examples:
            judged.append(_judge(example, first[i], second.get(i)))
            i += 1
        failed = next((c for c in judged if not c.passed), None)
        reason = "no examples to verify against" if not judged else (failed.error if failed else None)
        verdicts.append(Verdict(passed=bool(judged) and failed is None, cases=judged, reason=reason))
    return verdicts


def _expected(derivations: Sequence[Derivation], index: int) -> JsonValue:
    for d in derivations:
        if index < len(d.examples):
            return d.examples[index].expected
        index -= len(d.examples)
    raise IndexError(index)


def _judge(example: Example, first: CaseResult, second: CaseResult | None) -> CaseVerdict:
    def verdict(passed: bool, error: str | None = None) -> CaseVerdict:
        return CaseVerdict(kwargs=example.kwargs, expected=example.expected, passed=passed,
                           value=first.value if first.ok else None, error=error)

    if not first.ok:
        return verdict(False, first.error or "failed")
    if not same(first.value, example.expected):
        return verdict(False, f"expected {_show(example.expected)}, got {_show(first.value)}")
    if second is None or not second.ok:
        why = second.error if second is not None else "not run"
        return verdict(False, f"not deterministic: the second run failed ({why})")
    if not same(first.value, second.value):
        return verdict(False, f"not deterministic: {_show(first.value)} then {_show(second.value)}")
    return verdict(True)


def _show(value: JsonValue) -> str:
    text = repr(value)
    text = text if len(text) <= 80 else text[:77] + "..."
    return f"{text} ({type(value).__name__})"
