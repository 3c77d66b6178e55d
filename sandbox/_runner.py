"""The sandbox child: runs a batch of derivation calls and prints one JSON line each.

Trusted code, run as ``python -I -S -B -c <this source + "main()">`` by
``sandbox.local`` with an empty environment, and embedded in one code cell by
``sandbox.e2b``. Standard library only; it imports nothing from rote.

Input (stdin, one JSON document, built by ``sandbox.batch.build_payload``):
``{"policy", "allowed", "blocked_attrs", "builtins", "case_timeout", "out_cap",
"value_cap", "limits", "isolate", "preload"?, "sources", "cases": [[source_index,
function, kwargs], ...]}``.
Output: a ``{"hello": ...}`` line saying which isolation took effect, then one
``{"i", "ok", "value", "error", "kind", "ms", "out"}`` line per case, in order.

Order of the local start-up matters: read the input and import every module a
derivation may use while the file system is still visible, then enter the
namespaces, chroot, drop to ``nobody``, and only then set the limits.
"""

from __future__ import annotations

import builtins
import decimal
import json
import os
import resource
import signal
import sys
import time
import types
from collections.abc import Callable
from typing import Any

NOBODY = 65534
CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x20000, 0x10000000, 0x20000000, 0x40000000
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS = 1, 38
# Imported by C code on first use (datetime.strptime/strftime, str.encode): load
# them before the chroot hides the standard library.
PRELOAD = ("_strptime", "time", "encodings.ascii", "encodings.latin_1", "encodings.utf_8",
           "encodings.utf_8_sig", "encodings.utf_16", "encodings.utf_32", "encodings.cp1252",
           "encodings.idna", "encodings.punycode", "encodings.unicode_escape",
           "encodings.raw_unicode_escape")
# C code in `_datetime` imports these through the *caller's* __import__, i.e. the
# derivation's guarded one: hand it only what it uses (no time.sleep, no modules).
C_HELPERS = {"_strptime": ("_strptime_datetime",),
             "time": ("strftime", "struct_time", "localtime", "gmtime", "mktime")}
_dumps = json.dumps


class _Timeout(BaseException):
    pass


class _OutputLimit(BaseException):
    pass


class _Capture:
    """What a derivation prints: kept up to ``cap`` characters, more fails the case."""

    def __init__(self, cap: int) -> None:
        self.cap, self.size = cap, 0
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.size += len(text)
        if self.size > self.cap:
            raise _OutputLimit
        self.parts.append(text)
        return len(text)

    def flush(self) -> None:
        pass


class _Timer:
    """Per-case wall-clock limit: SIGALRM raises in the derivation, and keeps
    re-firing every 50 ms so a ``finally:`` loop is interrupted too."""

    def __init__(self, seconds: float, enabled: bool) -> None:
        self.seconds, self.enabled, self.armed, self.fired = seconds, enabled, False, False
        if enabled:
            signal.signal(signal.SIGALRM, self._fire)

    def _fire(self, signum: int, frame: object) -> None:
        if self.armed:
            self.fired = True  # even if the code swallows the exception, the case timed out
            raise _Timeout

    def arm(self) -> None:
        self.fired = False
        self.armed = True
        if self.enabled:
            signal.setitimer(signal.ITIMER_REAL, self.seconds, 0.05)

    def disarm(self) -> None:
        self.armed = False
        if self.enabled:
            signal.setitimer(signal.ITIMER_REAL, 0, 0)


def _non_json(value: object) -> str | None:
    """Name the first value that is not plain JSON (exact types: no tuples, no subclasses)."""
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        v, depth = stack.pop()
        t = type(v)
        if depth > 100:
            return "nesting deeper than 100"
        if t is float and (v != v or v in (float("inf"), float("-inf"))):
            return "non-finite float"
        if t is list:
            stack.extend((x, depth + 1) for x in v)  # type: ignore[attr-defined]
        elif t is dict:
            for k, x in v.items():  # type: ignore[attr-defined]
                if type(k) is not str:
                    return f"dict key of type {type(k).__name__}"
                stack.append((x, depth + 1))
        elif t not in (str, int, float, bool, type(None)):
            return t.__name__
    return None


def _public_view(module: types.ModuleType, blocked: frozenset[str]) -> types.ModuleType:
    """A private copy of a module's public, non-module attributes: ``statistics.sys``
    and friends disappear, and assigning to it cannot affect another derivation."""
    view = types.ModuleType(module.__name__)
    for name, value in vars(module).items():
        if not name.startswith("_") and name not in blocked and not isinstance(value, types.ModuleType):
            setattr(view, name, value)
    return view


def _restricted_builtins(payload: dict[str, Any], capture: Callable[[], _Capture]) -> dict[str, Any]:
    allowed, blocked = frozenset(payload["allowed"]), frozenset(payload["blocked_attrs"])
    views: dict[str, types.ModuleType] = {}

    def guarded_import(name: str, globals: object = None, locals: object = None,
                       fromlist: object = (), level: int = 0) -> types.ModuleType:
        if level != 0 or (name not in allowed and name not in C_HELPERS):
            raise ImportError(f"import of {name!r} is not allowed")
        if name not in views:
            if name in C_HELPERS:
                views[name] = types.ModuleType(name)
                for attr in C_HELPERS[name]:
                    setattr(views[name], attr, getattr(sys.modules[name], attr))
            else:
                views[name] = _public_view(__import__(name), blocked)
        return views[name]

    def guarded_print(*args: object, sep: str | None = " ", end: str | None = "\n",
                      file: object = None, flush: bool = False) -> None:
        out = capture()
        out.write((" " if sep is None else sep).join(map(str, args)))
        out.write("\n" if end is None else end)

    safe = {name: getattr(builtins, name) for name in payload["builtins"]}
    safe.update(__import__=guarded_import, print=guarded_print)
    return safe


class _Cases:
    """Executes each distinct source once, then calls its function per case."""

    def __init__(self, payload: dict[str, Any]) -> None:
        self.payload = payload
        self.policy: bool = payload["policy"]
        self.timer = _Timer(float(payload["case_timeout"]), payload.get("timer", True))
        self.namespaces: dict[int, dict[str, Any] | str] = {}
        self.capture = _Capture(int(payload["out_cap"]))
        # decimal's context is thread-global state a derivation may change
        # (decimal.setcontext): every case starts from the pristine one.
        self.decimal_context = decimal.getcontext().copy()

    def _namespace(self, index: int) -> dict[str, Any] | str:
        if index not in self.namespaces:
            if self.policy:
                env: dict[str, Any] = {"__builtins__": _restricted_builtins(self.payload, lambda: self.capture),
                                       "__name__": "derivation"}
            else:
                env = {"__builtins__": builtins, "__name__": "derivation"}
            try:
                exec(compile(self.payload["sources"][index], "<derivation>", "exec"), env)
            except BaseException as e:  # remembered: later cases of this source fail the same way
                self.namespaces[index] = f"the derivation's top level failed: {_describe(e)}"
                raise
            self.namespaces[index] = env
        return self.namespaces[index]

    def run(self, i: int, index: int, function: str, kwargs: dict[str, Any]) -> str:
        self.capture = _Capture(int(self.payload["out_cap"]))
        decimal.setcontext(self.decimal_context.copy())
        real_stdout = sys.stdout
        sys.stdout = self.capture
        started = time.perf_counter()
        ok, kind, error, encoded = False, "", "", ""
        try:
            self.timer.arm()
            env = self._namespace(index)
            if isinstance(env, str):
                raise RuntimeError(env)
            fn = env.get(function)
            if not callable(fn):
                raise _Failed("missing_function", f"no function {function!r} in the derivation")
            encoded = self._encode(fn(**kwargs))
            ok = True
            self.timer.armed = False
        except BaseException as e:  # the submitted code failed; report, never die
            # First statement, before anything that could let the SIGALRM handler run.
            self.timer.armed = False
            kind, error = self._classify(e)
        finally:
            self.timer.disarm()
            sys.stdout = real_stdout
        if self.timer.fired:
            ok, (kind, error) = False, self._classify(_Timeout())
        ms = (time.perf_counter() - started) * 1000
        out = "".join(self.capture.parts)
        if ok:
            return f'{{"i":{i},"ok":true,"ms":{ms:.3f},"out":{_dumps(out)},"value":{encoded}}}'
        return _dumps({"i": i, "ok": False, "ms": round(ms, 3), "out": out, "error": error[:2000], "kind": kind})

    def _classify(self, e: BaseException) -> tuple[str, str]:
        if isinstance(e, _Timeout):
            return "timeout", f"timed out after {self.timer.seconds:g}s"
        if isinstance(e, _OutputLimit):
            return "output_limit", f"printed more than {self.capture.cap} characters"
        if isinstance(e, MemoryError):
            return "memory", "MemoryError: the memory limit was exceeded"
        if isinstance(e, _Failed):
            return e.kind, str(e)
        return "exception", _describe(e)

    def _encode(self, value: object) -> str:
        bad = _non_json(value)
        if bad is not None:
            raise _Failed("non_json", f"the result is not JSON (found {bad})")
        cap = int(self.payload["value_cap"])
        if type(value) is str and len(value) > cap:
            raise _Failed("too_large", f"the result is larger than {cap} characters")
        text = _dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        if len(text) > cap:
            raise _Failed("too_large", f"the result is larger than {cap} characters")
        return text


class _Failed(Exception):
    """Raised by the runner itself (not by the derivation) with the failure's kind."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def _describe(e: BaseException) -> str:
    try:
        text = str(e)
    except BaseException:
        text = "<unprintable>"
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


def _write_line(line: str) -> None:
    data = (line + "\n").encode("utf-8", "replace")
    while data:
        data = data[os.write(1, data):]


# -- local isolation (Linux; every step is best effort and reported) --------------------


def _libc() -> Any:
    import ctypes  # only the trusted runner touches ctypes, before any derivation runs

    return ctypes.CDLL(None, use_errno=True)


def _enter_namespaces(libc: Any) -> dict[str, str]:
    """New network (nothing but a down loopback) and PID namespaces: directly as
    root, otherwise inside a new user namespace where the kernel allows one."""
    if os.geteuid() == 0:
        attempts = [(CLONE_NEWNET | CLONE_NEWPID, "netns", "pidns")]
    else:
        attempts = [(CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWPID, "userns+netns", "pidns")]
    attempts.append((CLONE_NEWNET, "netns", "none"))
    for flags, network, pid in attempts:
        if libc.unshare(flags) == 0:
            return {"network": network, "pid": pid}
    return {}


def _become_pid_one() -> None:
    """Fork into the new PID namespace. The parent stays behind as a tiny supervisor
    mirroring the exit status; when PID 1 exits the kernel kills every process it
    left, so nothing a derivation forks outlives the batch."""
    pid = os.fork()
    if pid:
        os.close(1)  # end of output is decided by PID 1 alone
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        os._exit(128 - code if code < 0 else code)


def _confine(libc: Any, root: str) -> dict[str, str]:
    """As root: chroot into the empty temporary directory and become ``nobody``, so
    no file is readable, no root process can be signalled and RLIMIT_NPROC bites."""
    done: dict[str, str] = {}
    if os.geteuid() == 0:
        try:
            os.chroot(root)
            os.chdir("/")
            done["filesystem"] = "chroot (empty, read-only)"
            os.setgroups([])
            os.setresgid(NOBODY, NOBODY, NOBODY)
            os.setresuid(NOBODY, NOBODY, NOBODY)
            done["user"] = "nobody"
        except OSError as e:
            done["warning"] = f"confinement incomplete: {e}"
    libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # after setuid, which clears it
    return done


def _set_limits(limits: dict[str, int]) -> str:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an oversized write fails instead of killing
    applied = []
    for name, value in limits.items():
        key = getattr(resource, "RLIMIT_" + name.upper(), None)
        if key is None:
            continue
        _, hard = resource.getrlimit(key)
        new_hard = value + 1 if name == "cpu" else value
        if hard != resource.RLIM_INFINITY:
            new_hard = min(new_hard, hard)
        resource.setrlimit(key, (min(value, new_hard), new_hard))
        applied.append(name)
    return ",".join(applied)


def main() -> None:
    payload = json.loads(sys.stdin.buffer.read())
    os.close(0)
    for name in (*payload["allowed"], *PRELOAD, *payload.get("preload", ())):
        __import__(name)
    isolation: dict[str, str] = {"network": "none (policy only)", "pid": "none",
                                 "filesystem": "cwd only", "user": "unchanged"}
    if sys.platform == "linux" and payload["isolate"]:
        libc = _libc()
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # rote dies -> the sandbox dies
        isolation.update(_enter_namespaces(libc))
        if isolation["pid"] == "pidns":
            _become_pid_one()
        isolation.update(_confine(libc, os.getcwd()))
    isolation["limits"] = _set_limits(payload["limits"])
    _write_line(_dumps({"hello": isolation}))
    cases = _Cases(payload)
    for i, (index, function, kwargs) in enumerate(payload["cases"]):
        _write_line(cases.run(i, index, function, kwargs))


def e2b_main(payload_json: str, marker: str) -> None:
    """The E2B cell's entry: no OS steps (the E2B micro-VM is the isolation)."""
    payload = json.loads(payload_json)
    payload["timer"] = hasattr(signal, "setitimer") and _is_main_thread()
    cases = _Cases(payload)
    for i, (index, function, kwargs) in enumerate(payload["cases"]):
        line = cases.run(i, index, function, kwargs)
        sys.stdout.write(marker + line + "\n")
    sys.stdout.flush()


def _is_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()
