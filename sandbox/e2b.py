"""The E2B backend: the same protocol over an E2B cloud sandbox (a micro-VM).

One E2B sandbox serves many batches; each batch is ONE code cell: the runner
(``sandbox/_runner.py``) plus a call that executes every case and prints one
marked JSON line per case. The static policy and the restricted execution still
apply (defence in depth); the micro-VM replaces the local process layer, and the
sandbox is created without internet access.

Failures map as in ``sandbox.protocol``: SDK and service errors (no key, auth,
network, sandbox gone) raise ``SandboxError``; a case that hangs the cell past
its timeout, or an error that ends the cell, fails that case and the rest run in
a fresh sandbox.

>>> E2BBackend(api_key="e2b_test").limits.case_timeout_s
2.0
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any, Protocol, Self

import orjson

from rote.errors import SandboxError
from sandbox.batch import RUNNER_SOURCE, Limits, build_payload, parse_result, run_with_retries
from sandbox.protocol import Case, CaseResult


class SandboxLike(Protocol):
    """The slice of ``e2b_code_interpreter.Sandbox`` this adapter uses."""

    def run_code(self, code: str, *, on_stdout: Callable[[Any], None] | None = ...,
                 timeout: float | None = ...) -> Any: ...

    def kill(self) -> Any: ...


class E2BBackend:
    """Run cases in an E2B sandbox. ``api_key`` defaults to the SDK's ``E2B_API_KEY``.

    ``sandbox_factory`` replaces the SDK boundary (tests pass a fake); ``debug``
    is the SDK's debug mode (no API call; code runs at ``localhost:49999``).
    """

    def __init__(self, api_key: str | None = None, limits: Limits | None = None, *,
                 sandbox_timeout_s: int = 300, cell_overhead_s: float = 30.0, debug: bool = False,
                 template: str | None = None, sandbox_factory: Callable[[], SandboxLike] | None = None,
                 max_crashes_per_source: int = 2) -> None:
        self.api_key = api_key
        self.limits = limits or Limits()
        self.sandbox_timeout_s = sandbox_timeout_s
        self.cell_overhead_s = cell_overhead_s
        self.debug = debug
        self.template = template
        self.max_crashes_per_source = max_crashes_per_source
        self.sandboxes_started = 0
        self._factory = sandbox_factory or self._create_sdk_sandbox
        self._sandbox: SandboxLike | None = None

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> None:
        if self._sandbox is not None:
            return
        try:
            self._sandbox = self._factory()
        except SandboxError:
            raise
        except Exception as e:  # any SDK/service failure: the sandbox failed, not the code
            raise SandboxError(f"cannot create an E2B sandbox: {type(e).__name__}: {e}") from e
        self.sandboxes_started += 1

    def close(self) -> None:
        sandbox, self._sandbox = self._sandbox, None
        if sandbox is not None:
            try:
                sandbox.kill()
            except Exception:  # already gone or unreachable; it times out on its own
                pass

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _create_sdk_sandbox(self) -> SandboxLike:
        try:
            from e2b_code_interpreter import Sandbox
        except ImportError as e:
            raise SandboxError("the E2B backend needs the 'e2b-code-interpreter' package") from e
        opts: dict[str, Any] = {"timeout": self.sandbox_timeout_s, "allow_internet_access": False}
        if self.api_key:
            opts["api_key"] = self.api_key
        if self.debug:
            opts["debug"] = True
        if self.template:
            opts["template"] = self.template
        sandbox: SandboxLike = Sandbox.create(**opts)
        return sandbox

    # -- batches -----------------------------------------------------------------------

    def run_batch(self, cases: Sequence[Case]) -> list[CaseResult]:
        return run_with_retries(cases, static_check=True, spawn=self._run_cell,
                                max_crashes_per_source=self.max_crashes_per_source)

    def cell_code(self, cases: Sequence[Case], marker: str) -> str:
        """The one code cell a batch sends: the runner, then its E2B entry point."""
        payload = orjson.dumps(build_payload(cases, self.limits, policy=True, isolate=False)).decode()
        return f"{RUNNER_SOURCE}\ne2b_main({payload!r}, {marker!r})\n"

    def _run_cell(self, cases: list[Case]) -> tuple[list[CaseResult], CaseResult | None]:
        self.start()
        assert self._sandbox is not None
        marker = f"@@rote-{secrets.token_hex(8)}@@"
        streamed: list[str] = []
        timeout = self.limits.case_timeout_s * len(cases) + self.cell_overhead_s
        try:
            execution = self._sandbox.run_code(self.cell_code(cases, marker), timeout=timeout,
                                               on_stdout=lambda msg: streamed.append(str(msg)))
        except Exception as e:
            if not _is_timeout(e):
                self.close()
                raise SandboxError(f"E2B run_code failed: {type(e).__name__}: {e}") from e
            # The cell outlived its timeout: keep what streamed, blame the next case,
            # and throw the sandbox away (the runaway code may still be running in it).
            self.close()
            results = _parse_stdout(streamed, marker, len(cases))
            return results, CaseResult(ok=False, kind="timeout", error=(
                f"the E2B cell timed out after {timeout:g}s during this case; "
                "the remaining cases were retried in a fresh sandbox"))
        results = _parse_stdout(_stdout_of(execution), marker, len(cases))
        if len(results) == len(cases):
            return results, None
        error = getattr(execution, "error", None)
        why = f"{error.name}: {error.value}" if error is not None else "the cell ended early"
        self.close()  # the kernel may be in any state now
        return results, CaseResult(ok=False, kind="crashed", error=(
            f"the E2B cell failed during this case ({why}); the remaining cases were retried"))


def _is_timeout(e: Exception) -> bool:
    try:
        from e2b import TimeoutException
    except ImportError:  # pragma: no cover - the SDK is a dependency
        return False
    return isinstance(e, TimeoutException)


def _stdout_of(execution: Any) -> list[str]:
    logs = getattr(execution, "logs", None)
    stdout = getattr(logs, "stdout", None)
    if not isinstance(stdout, list):
        raise SandboxError("E2B returned an execution without logs.stdout")
    return [str(chunk) for chunk in stdout]


def _parse_stdout(chunks: list[str], marker: str, n_cases: int) -> list[CaseResult]:
    """Chunks need not align with lines: join, split, keep the marked lines."""
    results: list[CaseResult] = []
    for line in "".join(chunks).splitlines():
        if not line.startswith(marker):
            continue
        try:
            row = orjson.loads(line[len(marker):])
        except orjson.JSONDecodeError as e:
            raise SandboxError(f"E2B returned a malformed result line: {e}") from None
        if not isinstance(row, dict):
            raise SandboxError("E2B returned a result line that is not an object")
        results.append(parse_result(row, len(results)))
    if len(results) > n_cases:
        raise SandboxError(f"E2B returned {len(results)} results for {n_cases} cases")
    return results
