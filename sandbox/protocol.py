"""What every sandbox backend speaks: cases in, per-case results out.

Two kinds of failure, kept apart on purpose:

- the **sandbox** failed (cannot start, speaks nonsense, the service is down):
  ``run_batch`` raises ``rote.errors.SandboxError``; nothing is known about the code.
- the **submitted code** failed (refused by policy, raised, timed out, ran out of
  memory, returned something that is not JSON): *not* an exception. That case's
  ``CaseResult`` has ``ok=False``, an ``error`` message and a ``kind``; the other
  cases of the batch are unaffected.

>>> r = CaseResult(ok=False, error="timed out after 2s", kind="timeout")
>>> r.to_json_line()
'{"ok":false,"value":null,"error":"timed out after 2s"}'
"""

from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType
from typing import Literal, Protocol, Self, runtime_checkable

import orjson
from pydantic import BaseModel, ConfigDict, Field, JsonValue

ErrorKind = Literal[
    "policy",            # refused by the static policy before running
    "timeout",           # exceeded the per-case wall-clock limit
    "memory",            # exceeded the memory limit
    "output_limit",      # printed too much
    "too_large",         # returned a value over the size cap
    "non_json",          # returned something that is not plain JSON
    "missing_function",  # the named function is not defined by the source
    "exception",         # raised an exception
    "crashed",           # took the sandbox process down (it was restarted for the others)
]


class Case(BaseModel):  # type: ignore[no-redef]  # pydantic-mypy: a field named kwargs
    """One call: ``function(**kwargs)`` after running ``source``."""

    model_config = ConfigDict(frozen=True)

    source: str
    function: str
    kwargs: dict[str, JsonValue] = Field(default_factory=dict)


class CaseResult(BaseModel):
    """The outcome of one case. ``value`` is meaningful only when ``ok``."""

    model_config = ConfigDict(frozen=True)

    ok: bool
    value: JsonValue = None
    error: str | None = None
    kind: ErrorKind | None = None
    duration_ms: float = 0.0
    output: str = ""

    def to_json_line(self) -> str:
        """The one-line form the CLI prints: ``{"ok", "value", "error"}``."""
        return orjson.dumps({"ok": self.ok, "value": self.value, "error": self.error}).decode()


@runtime_checkable
class SandboxBackend(Protocol):
    """start / run a batch / close. Use as a context manager.

    ``run_batch`` returns one ``CaseResult`` per case, in order. It raises
    ``SandboxError`` only when the sandbox itself failed.
    """

    def start(self) -> None: ...

    def run_batch(self, cases: Sequence[Case]) -> list[CaseResult]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...
