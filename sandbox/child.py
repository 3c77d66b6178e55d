"""Talking to one sandbox child: feed it the batch, read its answers, police it.

Everything here assumes the child is hostile: its output is read in bounded
chunks (a 100 MB print never reaches this process's memory), every answer has a
deadline, and any breach kills the child's whole process group. The parent
never blocks on the child for longer than one deadline.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import time
from dataclasses import dataclass, field
from typing import Any

import orjson

from rote.errors import SandboxError
from sandbox.batch import Limits, parse_result
from sandbox.protocol import CaseResult

_CHUNK = 1 << 16
_STDERR_TAIL = 4096


@dataclass
class ChildOutcome:
    """What one child answered. ``crash`` is set when it died (or was killed)
    during case ``len(results)``; the cases after that one were not run."""

    hello: dict[str, Any] | None = None
    results: list[CaseResult] = field(default_factory=list)
    crash: CaseResult | None = None
    stderr: bytes = b""


class _Breach(Exception):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def exchange(proc: subprocess.Popen[bytes], payload: dict[str, Any], n_cases: int, limits: Limits,
             *, grace_s: float, startup_timeout_s: float) -> ChildOutcome:
    """Run one child to completion (or to its death). Raises ``SandboxError`` only if
    the child never became ready; a later death is reported as a crash of one case."""
    assert proc.stdin and proc.stdout and proc.stderr
    outcome = ChildOutcome()
    pending_input = memoryview(orjson.dumps(payload))
    sel = selectors.DefaultSelector()
    for stream, events in ((proc.stdin, selectors.EVENT_WRITE), (proc.stdout, selectors.EVENT_READ),
                           (proc.stderr, selectors.EVENT_READ)):
        os.set_blocking(stream.fileno(), False)
        sel.register(stream.fileno(), events)
    out_fd, err_fd, in_fd = proc.stdout.fileno(), proc.stderr.fileno(), proc.stdin.fileno()
    buffer = bytearray()
    stderr_tail = bytearray()
    deadline = time.monotonic() + startup_timeout_s
    breach: _Breach | None = None
    try:
        while out_fd in sel.get_map():
            left = deadline - time.monotonic()
            if left <= 0:
                raise _Breach("timeout", _timeout_message(outcome, limits, startup_timeout_s))
            for key, _ in sel.select(left):
                fd = key.fd
                if fd == in_fd:
                    pending_input = _feed(fd, pending_input, sel, proc)
                elif fd == err_fd:
                    chunk = _read(fd, sel)
                    stderr_tail = (stderr_tail + chunk)[-_STDERR_TAIL:]
                else:
                    chunk = _read(fd, sel)
                    buffer += chunk
                    before = len(outcome.results), outcome.hello is not None
                    _take_lines(buffer, outcome)
                    if (len(outcome.results), outcome.hello is not None) != before:
                        deadline = time.monotonic() + limits.case_timeout_s + grace_s
                    if len(buffer) > limits.max_line_bytes():
                        raise _Breach("output_limit", f"wrote more than {limits.max_line_bytes()} bytes "
                                      "without a line break (the sandbox process was killed)")
    except _Breach as e:
        breach = e
        _kill(proc)
    finally:
        sel.close()
    status = _wait(proc)
    outcome.stderr = bytes(stderr_tail)
    if outcome.hello is None:
        why = str(breach) if breach else f"exited with {_status_text(status)}"
        tail = stderr_tail.decode("utf-8", "replace").strip()[-800:]
        raise SandboxError(f"the sandbox process did not start: {why}" + (f"; stderr: {tail}" if tail else ""))
    if len(outcome.results) < n_cases:
        if breach is not None:
            outcome.crash = CaseResult(ok=False, kind=breach.kind, error=str(breach))
        else:
            outcome.crash = CaseResult(ok=False, kind="crashed", error=(
                f"the sandbox process died during this case ({_status_text(status)}); "
                "the remaining cases were retried in a fresh process"))
    return outcome


def _feed(fd: int, pending: memoryview, sel: selectors.BaseSelector, proc: subprocess.Popen[bytes]) -> memoryview:
    try:
        pending = pending[os.write(fd, pending[:_CHUNK]):]
    except BlockingIOError:
        return pending
    except BrokenPipeError:
        pending = pending[:0]  # the child is gone; its exit status will say why
    if not pending:
        sel.unregister(fd)
        assert proc.stdin is not None
        proc.stdin.close()
    return pending


def _read(fd: int, sel: selectors.BaseSelector) -> bytes:
    try:
        chunk = os.read(fd, _CHUNK)
    except BlockingIOError:
        return b""
    if not chunk:
        sel.unregister(fd)
    return chunk


def _take_lines(buffer: bytearray, outcome: ChildOutcome) -> None:
    while (end := buffer.find(b"\n")) >= 0:
        line = bytes(buffer[:end])
        del buffer[: end + 1]
        try:
            row = orjson.loads(line)
            if not isinstance(row, dict):
                raise SandboxError("not a JSON object")
            if outcome.hello is None:
                if not isinstance(row.get("hello"), dict):
                    raise SandboxError("the first line is not the runner's hello")
                outcome.hello = row["hello"]
            else:
                outcome.results.append(parse_result(row, len(outcome.results)))
        except (orjson.JSONDecodeError, SandboxError) as e:
            raise _Breach("crashed", f"the sandbox process broke protocol ({e}) and was killed") from None


def _timeout_message(outcome: ChildOutcome, limits: Limits, startup_timeout_s: float) -> str:
    if outcome.hello is None:
        return f"no answer within {startup_timeout_s:g}s of starting"
    return f"timed out after {limits.case_timeout_s:g}s (the sandbox process did not answer and was killed)"


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _wait(proc: subprocess.Popen[bytes]) -> int:
    try:
        return proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        _kill(proc)
        return proc.wait()


def _status_text(status: int) -> str:
    # The runner's supervisor reports a signal death as 128 + signal number.
    sig = -status if status < 0 else status - 128 if status > 128 else 0
    if not sig:
        return f"exit code {status}"
    try:
        name = signal.Signals(sig).name
    except ValueError:
        name = f"signal {sig}"
    hint = {"SIGKILL": ": the CPU or memory limit", "SIGXCPU": ": the CPU time limit",
            "SIGSEGV": ": possibly the memory limit", "SIGABRT": ": possibly the memory limit"}
    return f"killed by {name}{hint.get(name, '')}"
