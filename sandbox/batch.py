"""What both backends share on the parent side: limits, the policy pre-screen, the
runner's input document and the parsing of its result lines.

>>> cases = [Case(source="def f(s):\\n    return s", function="f", kwargs={"s": "a"}),
...          Case(source="import os\\ndef f():\\n    return 1", function="f")]
>>> refused, todo = prescreen(cases, policy=True)
>>> todo, refused[1].kind
([0], 'policy')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from rote.errors import PolicyViolation, SandboxError
from sandbox import policy as static_policy
from sandbox.protocol import Case, CaseResult

RUNNER_SOURCE = (Path(__file__).parent / "_runner.py").read_text(encoding="utf-8")


class Limits(BaseModel):
    """Per-case and per-process limits. Defaults suit derivations (tiny pure functions)."""

    model_config = ConfigDict(frozen=True)

    case_timeout_s: float = Field(default=2.0, gt=0, le=600)
    memory_mb: int = Field(default=512, ge=64)
    output_chars: int = Field(default=64_000, ge=0)  # what the code may print, per case
    value_chars: int = Field(default=1_000_000, ge=16)  # the JSON-encoded result, per case
    file_size_kb: int = Field(default=1024, ge=0)
    open_files: int = Field(default=32, ge=8)
    processes: int = Field(default=1, ge=1)  # per user; enforced only once we are not root

    def rlimits(self, n_cases: int) -> dict[str, int]:
        # CPU is a backstop behind the wall-clock limits: the whole batch's budget.
        cpu = int(self.case_timeout_s * max(n_cases, 1)) + 5
        return {"cpu": cpu, "as": self.memory_mb << 20, "fsize": self.file_size_kb << 10,
                "nproc": self.processes, "nofile": self.open_files, "core": 0}

    def max_line_bytes(self) -> int:
        """The longest result line an honest runner can print (UTF-8, escaped output)."""
        return 4 * self.value_chars + 12 * self.output_chars + 65_536


def prescreen(cases: Sequence[Case], policy: bool) -> tuple[dict[int, CaseResult], list[int]]:
    """Split cases into those refused by the static policy and the indexes left to run."""
    refused: dict[int, CaseResult] = {}
    verdicts: dict[tuple[str, str], CaseResult | None] = {}
    todo: list[int] = []
    for i, case in enumerate(cases):
        key = (case.source, case.function)
        if key not in verdicts:
            verdicts[key] = _check(case) if policy else None
        verdict = verdicts[key]
        if verdict is None:
            todo.append(i)
        else:
            refused[i] = verdict
    return refused, todo


def _check(case: Case) -> CaseResult | None:
    try:
        static_policy.check(case.source, case.function)
    except PolicyViolation as e:
        kind = "missing_function" if e.rule == "missing-function" else "policy"
        return CaseResult(ok=False, error=str(e), kind=kind)
    return None


def build_payload(cases: Sequence[Case], limits: Limits, *, policy: bool, isolate: bool) -> dict[str, Any]:
    """The runner's input document; each distinct source is sent (and executed) once."""
    index: dict[str, int] = {}
    rows: list[list[Any]] = []
    for case in cases:
        rows.append([index.setdefault(case.source, len(index)), case.function, case.kwargs])
    return {
        "policy": policy,
        "allowed": sorted(static_policy.ALLOWED_MODULES),
        "blocked_attrs": sorted(static_policy.FORBIDDEN_ATTRIBUTES),
        "builtins": list(static_policy.SAFE_BUILTINS),
        "case_timeout": limits.case_timeout_s,
        "out_cap": limits.output_chars,
        "value_cap": limits.value_chars,
        "limits": limits.rlimits(len(cases)),
        "isolate": isolate,
        "sources": list(index),
        "cases": rows,
    }


def parse_result(row: dict[str, Any], expected_index: int) -> CaseResult:
    """Turn one runner line into a ``CaseResult``; anything malformed is a sandbox fault."""
    if row.get("i") != expected_index:
        raise SandboxError(f"runner answered case {row.get('i')!r}, expected {expected_index}")
    try:
        return CaseResult(ok=row["ok"], value=row.get("value"), error=row.get("error"),
                          kind=row.get("kind"), duration_ms=row.get("ms", 0.0), output=row.get("out", ""))
    except (KeyError, ValidationError) as e:
        raise SandboxError(f"malformed runner line: {e}") from None


# Runs some cases; returns the results it got, in order, and, if the sandbox died
# during the next case, that case's failure (the ones after it were not run).
Spawn = Callable[[list[Case]], tuple[list[CaseResult], CaseResult | None]]


def run_with_retries(cases: Sequence[Case], *, static_check: bool, spawn: Spawn,
                     max_crashes_per_source: int = 2) -> list[CaseResult]:
    """Pre-screen, then run; when a case takes its sandbox down, charge it to that
    case alone and run the rest in a fresh sandbox. A derivation that crashed
    ``max_crashes_per_source`` times is not retried case by case."""
    results, pending = prescreen(cases, static_check)
    crashes: dict[str, int] = {}
    while pending:
        done, crash = spawn([cases[i] for i in pending])
        for k, result in enumerate(done):
            results[pending[k]] = result
        pending = pending[len(done):]
        if crash is None or not pending:
            break
        culprit = pending.pop(0)
        results[culprit] = crash
        source = cases[culprit].source
        crashes[source] = crashes.get(source, 0) + 1
        if crashes[source] >= max_crashes_per_source:
            skipped = CaseResult(ok=False, kind="crashed", error=(
                f"not run: this derivation crashed the sandbox {crashes[source]} times (last: {crash.error})"))
            results.update({i: skipped for i in pending if cases[i].source == source})
            pending = [i for i in pending if cases[i].source != source]
    missing = [i for i in range(len(cases)) if i not in results]
    if missing:
        raise SandboxError(f"the sandbox returned no result for cases {missing[:5]}")
    return [results[i] for i in range(len(cases))]
