"""The E2B adapter. Unit tests replace the SDK boundary (the ``Sandbox`` object)
with fakes built from the SDK's own ``Execution``/``Logs`` types; one test drives
the real SDK in debug mode against a tiny local ``/execute`` server; the live
test runs only with ``E2B_API_KEY`` (marker ``e2b``)."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from e2b import AuthenticationException, SandboxException, TimeoutException
from e2b_code_interpreter import Execution, ExecutionError, Logs

from rote.errors import SandboxError
from sandbox import Case, E2BBackend, Example, Limits, SandboxBackend, verify
from tests.sandbox.helpers import fn

Script = Callable[[str, Callable[[Any], None] | None], Execution]


def run_cell_locally(code: str, chunk: int = 7) -> Execution:
    """Execute a cell as a kernel would and return its stdout cut into odd-sized chunks."""
    done = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True, timeout=60)
    out = done.stdout
    error = ExecutionError("Error", done.stderr[-300:], "") if done.returncode else None
    return Execution(logs=Logs(stdout=[out[i:i + chunk] for i in range(0, len(out), chunk)]), error=error)


class FakeSandbox:
    def __init__(self, script: Script) -> None:
        self.script = script
        self.cells: list[str] = []
        self.killed = False

    def run_code(self, code: str, *, on_stdout: Callable[[Any], None] | None = None,
                 timeout: float | None = None) -> Execution:
        self.cells.append(code)
        return self.script(code, on_stdout)

    def kill(self) -> None:
        self.killed = True


class Factory:
    def __init__(self, *scripts: Script) -> None:
        self.scripts = list(scripts)
        self.made: list[FakeSandbox] = []

    def __call__(self) -> FakeSandbox:
        script = self.scripts.pop(0) if len(self.scripts) > 1 else self.scripts[0]
        self.made.append(FakeSandbox(script))
        return self.made[-1]


def lines(code: str, rows: list[dict[str, Any]]) -> str:
    marker = re.search(r"@@rote-[0-9a-f]+@@", code)
    assert marker is not None
    return "".join(f"{marker.group(0)}{json.dumps(row)}\n" for row in rows)


def ok_row(i: int, value: Any) -> dict[str, Any]:
    return {"i": i, "ok": True, "value": value, "ms": 0.1, "out": ""}


def test_is_a_sandbox_backend() -> None:
    assert isinstance(E2BBackend(api_key="x"), SandboxBackend)


def test_one_cell_per_batch_and_the_sandbox_is_reused() -> None:
    factory = Factory(lambda code, _: run_cell_locally(code))
    cases = [Case(source=fn("return s.split()[0]", args="s"), function="f", kwargs={"s": f"Ada{i} L"})
             for i in range(20)]
    refused = Case(source=fn("return os.getloadavg()", imports="import os"), function="f")
    with E2BBackend(sandbox_factory=factory, limits=Limits(case_timeout_s=1)) as backend:
        first = backend.run_batch([*cases, refused])
        second = backend.run_batch(cases[:2])
    assert [r.value for r in first[:20]] == [f"Ada{i}" for i in range(20)]
    assert first[20].kind == "policy"
    assert [r.value for r in second] == ["Ada0", "Ada1"]
    assert len(factory.made) == 1 and len(factory.made[0].cells) == 2
    assert "getloadavg" not in factory.made[0].cells[0]  # refused code is never sent
    assert factory.made[0].killed


def test_runner_in_e2b_mode_enforces_limits() -> None:
    factory = Factory(lambda code, _: run_cell_locally(code))
    cases = [Case(source=fn("while True:\n    pass"), function="f"), Case(source=fn("return {1}"), function="f"),
             Case(source=fn("print('hi')\nreturn 2"), function="f")]
    with E2BBackend(sandbox_factory=factory, limits=Limits(case_timeout_s=0.5)) as backend:
        results = backend.run_batch(cases)
    assert [r.kind for r in results] == ["timeout", "non_json", None]
    assert results[2].value == 2 and results[2].output == "hi\n"


def test_cell_timeout_blames_the_next_case_and_retries_in_a_fresh_sandbox() -> None:
    def hangs_on_second(code: str, on_stdout: Callable[[Any], None] | None) -> Execution:
        assert on_stdout is not None
        on_stdout(lines(code, [ok_row(0, "a")]))
        raise TimeoutException("Execution timed out")

    def answers(code: str, on_stdout: Callable[[Any], None] | None) -> Execution:
        return Execution(logs=Logs(stdout=[lines(code, [ok_row(0, "c")])]))

    factory = Factory(hangs_on_second, answers)
    cases = [Case(source=fn(f"return '{x}'"), function="f") for x in "abc"]
    with E2BBackend(sandbox_factory=factory) as backend:
        results = backend.run_batch(cases)
    assert [r.value for r in results] == ["a", None, "c"]
    assert results[1].kind == "timeout"
    assert len(factory.made) == 2 and factory.made[0].killed


def test_an_error_that_ends_the_cell_fails_one_case() -> None:
    def dies(code: str, _: Any) -> Execution:
        return Execution(logs=Logs(stdout=[lines(code, [ok_row(0, 1)])]),
                         error=ExecutionError("MemoryError", "", "Traceback ..."))

    def answers(code: str, _: Any) -> Execution:
        return Execution(logs=Logs(stdout=[lines(code, [ok_row(0, 3)])]))

    factory = Factory(dies, answers)
    with E2BBackend(sandbox_factory=factory) as backend:
        results = backend.run_batch([Case(source=fn(f"return {i}"), function="f") for i in (1, 2, 3)])
    assert [r.value for r in results] == [1, None, 3]
    assert results[1].kind == "crashed" and "MemoryError" in (results[1].error or "")


@pytest.mark.parametrize("failure", [SandboxException("sandbox not found"), ConnectionError("reset"),
                                     AuthenticationException("bad key")])
def test_sdk_failures_are_sandbox_errors(failure: Exception) -> None:
    def broken(code: str, _: Any) -> Execution:
        raise failure

    factory = Factory(broken)
    with E2BBackend(sandbox_factory=factory) as backend, pytest.raises(SandboxError):
        backend.run_batch([Case(source=fn("return 1"), function="f")])
    assert factory.made[0].killed


def test_create_failure_is_a_sandbox_error() -> None:
    def refuse() -> FakeSandbox:
        raise AuthenticationException("invalid API key")

    with pytest.raises(SandboxError, match="cannot create an E2B sandbox"):
        E2BBackend(sandbox_factory=refuse).start()


@pytest.mark.parametrize("stdout", ["{marker}not json\n", "{marker}[1]\n", '{marker}{{"i": 5, "ok": true}}\n'])
def test_malformed_answers_are_sandbox_errors(stdout: str) -> None:
    def garbled(code: str, _: Any) -> Execution:
        marker = re.search(r"@@rote-[0-9a-f]+@@", code)
        assert marker is not None
        return Execution(logs=Logs(stdout=[stdout.format(marker=marker.group(0))]))

    with E2BBackend(sandbox_factory=Factory(garbled)) as backend, pytest.raises(SandboxError):
        backend.run_batch([Case(source=fn("return 1"), function="f")])


def test_unmarked_output_is_ignored() -> None:
    def noisy(code: str, _: Any) -> Execution:
        return Execution(logs=Logs(stdout=["kernel says hi\n", lines(code, [ok_row(0, 1)]), "bye"]))

    with E2BBackend(sandbox_factory=Factory(noisy)) as backend:
        assert backend.run_batch([Case(source=fn("return 1"), function="f")])[0].value == 1


# -- the real SDK, in debug mode, against a local stand-in for the sandbox's /execute --


class _Execute(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        done = subprocess.run([sys.executable, "-I", "-c", body["code"]], capture_output=True, text=True,
                              timeout=60)
        self.send_response(200)
        self.send_header("content-type", "application/x-ndjson")
        self.end_headers()
        for line in done.stdout.splitlines(keepends=True):
            self.wfile.write((json.dumps({"type": "stdout", "text": line, "timestamp": 0}) + "\n").encode())
        if done.returncode:
            error = {"type": "error", "name": "Error", "value": done.stderr[-200:], "traceback": ""}
            self.wfile.write((json.dumps(error) + "\n").encode())
        self.wfile.write(b'{"type": "number_of_executions", "execution_count": 1}\n')

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def execute_server() -> Iterator[None]:
    try:
        server = ThreadingHTTPServer(("127.0.0.1", 49999), _Execute)
    except OSError as e:
        pytest.skip(f"port 49999 (the E2B debug sandbox port) is busy: {e}")
    with socket.socket(socket.AF_INET6) as probe:  # "localhost" may resolve to ::1 first
        if probe.connect_ex(("::1", 49999)) == 0:
            server.server_close()
            pytest.skip("something else listens on [::1]:49999")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield
    server.shutdown()
    server.server_close()


def test_real_sdk_in_debug_mode(execute_server: None) -> None:
    with E2BBackend(debug=True, limits=Limits(case_timeout_s=1)) as backend:
        results = backend.run_batch([
            Case(source=fn("return s.split()[0]", args="s"), function="f", kwargs={"s": "Ada Lovelace"}),
            Case(source=fn("return open('/etc/passwd').read()"), function="f"),
            Case(source=fn("return 1 / 0"), function="f"),
        ])
    assert results[0].value == "Ada"
    assert results[1].kind == "policy"
    assert results[2].kind == "exception" and "ZeroDivisionError" in (results[2].error or "")


@pytest.mark.e2b
@pytest.mark.skipif(not os.environ.get("E2B_API_KEY"), reason="E2B_API_KEY is not set: the live E2B test is opt-in")
def test_live_e2b() -> None:
    with E2BBackend(limits=Limits(case_timeout_s=5)) as backend:
        verdict = verify("def f(full_name):\n    return full_name.split()[0]\n", "f",
                         [Example(kwargs={"full_name": "Ada Lovelace"}, expected="Ada")], backend)
        hostile = backend.run_batch([Case(source=fn("while True:\n    pass"), function="f")])
    assert verdict.passed, verdict.reason
    assert hostile[0].kind == "timeout"
