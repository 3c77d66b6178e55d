"""The embedded default backend: each batch runs in one fresh, isolated child process.

Layers, outermost last (each holds on its own; see docs/sandbox.md):

1. static policy (``sandbox.policy``) refuses the source before anything runs;
2. restricted execution in the child: curated builtins, imports limited to
   private copies of allow-listed modules, ``print`` captured and capped;
3. the process: ``python -I -S -B`` with an empty environment in a fresh
   temporary directory; on Linux new network and PID namespaces, and as root a
   chroot into that empty directory and a switch to ``nobody``; rlimits on CPU,
   address space, file size, processes and open files;
4. this parent: a wall-clock watchdog per case that kills the whole process
   group, output read in bounded chunks, and a fresh child for the rest of the
   batch whenever a case takes its child down.

>>> with LocalBackend() as sb:
...     [r.value for r in sb.run_batch([Case(source="def f(s):\\n    return s.split()[0]",
...                                          function="f", kwargs={"s": "Ada Lovelace"})])]
['Ada']
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Self

from pydantic import BaseModel, ConfigDict

from rote.errors import SandboxError
from sandbox.batch import RUNNER_SOURCE, Limits, build_payload, run_with_retries
from sandbox.child import exchange
from sandbox.protocol import Case, CaseResult


class Isolation(BaseModel):
    """Which process-level isolation the child actually reported (not what was hoped for)."""

    model_config = ConfigDict(frozen=True)

    network: str = "none (policy only)"
    pid: str = "none"
    filesystem: str = "cwd only"
    user: str = "unchanged"
    limits: str = ""
    warning: str = ""

    def summary(self) -> str:
        parts = [f"network={self.network}", f"pid={self.pid}", f"filesystem={self.filesystem}",
                 f"user={self.user}", f"rlimits={self.limits or 'none'}"]
        return ", ".join(parts) + (f" (warning: {self.warning})" if self.warning else "")


class LocalBackend:
    """Run cases in isolated local child processes (no key, no service).

    For tests only, to show what each layer holds on its own: ``policy=False``
    turns off layers 1 and 2 (static check and restricted execution);
    ``static_check=False`` turns off layer 1 alone; ``preload`` imports extra
    modules before the chroot (e.g. ``socket``, so the network namespace is what
    refuses a connection). ``isolate=False`` skips namespaces, chroot and the
    user switch.
    """

    def __init__(self, limits: Limits | None = None, *, policy: bool = True, static_check: bool = True,
                 isolate: bool = True, preload: tuple[str, ...] = (), grace_s: float = 1.0,
                 startup_timeout_s: float = 15.0, max_crashes_per_source: int = 2,
                 python: str | None = None) -> None:
        self.limits = limits or Limits()
        self.policy = policy
        self.static_check = static_check and policy
        self.isolate = isolate
        self.preload = preload
        self.grace_s = grace_s
        self.startup_timeout_s = startup_timeout_s
        self.max_crashes_per_source = max_crashes_per_source
        self.python = python or sys.executable
        self.processes_started = 0
        self._root: Path | None = None
        self._isolation: Isolation | None = None

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> None:
        if self._root is None:
            self._root = Path(tempfile.mkdtemp(prefix="rote-sandbox-"))

    def close(self) -> None:
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)
            self._root = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def workspace(self) -> Path | None:
        """The private temporary directory holding each child's working directory."""
        return self._root

    @property
    def isolation(self) -> Isolation:
        """What the last child reported; starts an empty batch to find out if none ran yet."""
        if self._isolation is None:
            self.start()
            self._spawn([])
        assert self._isolation is not None
        return self._isolation

    # -- batches -----------------------------------------------------------------------

    def run_batch(self, cases: Sequence[Case]) -> list[CaseResult]:
        """One ``CaseResult`` per case, in order; ``SandboxError`` if no child can run."""
        self.start()
        return run_with_retries(cases, static_check=self.static_check, spawn=self._spawn,
                                max_crashes_per_source=self.max_crashes_per_source)

    def _spawn(self, cases: list[Case]) -> tuple[list[CaseResult], CaseResult | None]:
        assert self._root is not None, "start() first"
        workdir = Path(tempfile.mkdtemp(dir=self._root))
        workdir.chmod(0o755)  # the chroot: readable, not writable, for the dropped user
        payload = build_payload(cases, self.limits, policy=self.policy, isolate=self.isolate)
        payload["preload"] = list(self.preload)
        try:
            proc = subprocess.Popen(
                [self.python, "-I", "-S", "-B", "-c", RUNNER_SOURCE + "\nmain()\n"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                env={}, cwd=workdir, start_new_session=True, close_fds=True)
        except OSError as e:
            raise SandboxError(f"cannot start the sandbox process ({self.python}): {e}") from e
        self.processes_started += 1
        try:
            outcome = exchange(proc, payload, len(cases), self.limits, grace_s=self.grace_s,
                               startup_timeout_s=self.startup_timeout_s)
        finally:
            _kill_group(proc)
            shutil.rmtree(workdir, ignore_errors=True)
        if outcome.hello is not None:
            self._isolation = Isolation.model_validate(outcome.hello)
        return outcome.results, outcome.crash


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Whatever state the child is in, leave nothing running behind it."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            try:
                stream.close()
            except OSError:
                pass
    proc.wait()
