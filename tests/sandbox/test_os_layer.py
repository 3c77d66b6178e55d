"""The process layer on its own: hostile code with the static policy AND the
restricted execution turned off (``LocalBackend(policy=False)``, tests only).

What holds here is only the child process set-up: empty environment, rlimits,
the parent's watchdog and bounded reads, and (where the OS allows, reported by
``backend.isolation``) network and PID namespaces, chroot and the ``nobody``
user. Tests that need one of those skip with the reason when it is not active.
"""

from __future__ import annotations

import os
import secrets
import select
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from sandbox import Case, CaseResult, Limits, LocalBackend
from tests.sandbox.helpers import FAST, fn

SECRET_VAR = "ROTE_TEST_OS_SECRET"


@pytest.fixture(scope="module")
def bare() -> Iterator[LocalBackend]:
    with LocalBackend(FAST, policy=False, preload=("socket", "threading")) as backend:
        yield backend


@pytest.fixture(scope="module")
def secret() -> Iterator[str]:
    value = "sk-" + secrets.token_hex(16)
    os.environ[SECRET_VAR] = value
    yield value
    del os.environ[SECRET_VAR]


def run(backend: LocalBackend, body: str, imports: str = "", **kwargs: object) -> CaseResult:
    args = ", ".join(kwargs)
    return backend.run_batch([Case(source=fn(body, imports=imports, args=args), function="f",
                                   kwargs=kwargs)])[0]  # type: ignore[arg-type]


def test_resource_exhaustion_is_contained(bare: LocalBackend) -> None:
    snippets = {
        "infinite loop": (fn("while True:\n    pass"), {"timeout"}),
        "time.sleep(120)": (fn("time.sleep(120)", imports="import time"), {"timeout"}),
        # SIGALRM is swallowed: only the parent's watchdog (kill the group) ends it.
        "swallow the timeout": (fn("while True:\n    try:\n        time.sleep(10)\n    except BaseException:\n"
                                   "        pass", imports="import time"), {"timeout"}),
        "memory bomb": (fn("x = []\nwhile True:\n    x.append('x' * 10**6)"), {"memory", "timeout", "crashed"}),
        "one huge allocation": (fn("return len(bytearray(10**11))"), {"memory"}),
        "fork bomb": (fn("while True:\n    os.fork()", imports="import os"), {"exception", "crashed"}),
        "threads bomb": (fn("while True:\n    threading.Thread(target=time.sleep, args=(60,)).start()",
                            imports="import threading, time"), {"exception", "crashed"}),
        "print 100 MB": (fn("for _ in range(100):\n    sys.stdout.write('x' * 10**6)", imports="import sys"),
                         {"output_limit"}),
        "write 100 MB to fd 1": (fn("for _ in range(100):\n    os.write(1, b'x' * 10**6)", imports="import os"),
                                 {"output_limit"}),
        "return 500 MB": (fn("return 'x' * 500_000_000"), {"too_large", "memory"}),
        "infinite recursion": (fn("return f()"), {"exception"}),
        "exit the process": (fn("os._exit(0)", imports="import os"), {"crashed"}),
        "non-JSON result": (fn("return object()"), {"non_json"}),
    }
    started = time.monotonic()
    results = bare.run_batch([Case(source=src, function="f") for src, _ in snippets.values()])
    elapsed = time.monotonic() - started
    for (name, (_, kinds)), result in zip(snippets.items(), results, strict=True):
        assert not result.ok, (name, result)
        assert result.kind in kinds, (name, result)
    assert elapsed < 30
    # The fork/thread bombs were refused by RLIMIT_NPROC (only enforced once we are not root).
    if bare.isolation.user == "nobody":
        assert "Resource temporarily unavailable" in (results[5].error or "")
        assert "can't start new thread" in (results[6].error or "")


def test_one_bad_case_does_not_fail_the_others(bare: LocalBackend) -> None:
    good = Case(source=fn("return x + 1", args="x"), function="f", kwargs={"x": 1})
    killer = Case(source=fn("os._exit(3)", imports="import os"), function="f")
    results = bare.run_batch([good, killer, good, good])
    assert [r.ok for r in results] == [True, False, True, True]
    assert "exit code 3" in (results[1].error or "")


def test_environment_is_empty(bare: LocalBackend, secret: str) -> None:
    result = run(bare, "return dict(os.environ)", imports="import os")
    assert result.ok
    assert secret not in orjson.dumps(result.value).decode()
    assert SECRET_VAR not in (result.value or {})


def test_parent_environment_is_unreadable_through_proc(bare: LocalBackend, secret: str) -> None:
    if bare.isolation.filesystem.startswith("cwd") and bare.isolation.user == "unchanged":
        pytest.skip("neither chroot nor a separate user is active: /proc/<parent>/environ is readable")
    result = run(bare, "return open(f'/proc/{pid}/environ', 'rb').read().decode()", pid=os.getpid())
    assert not result.ok
    assert secret not in (result.error or "")


def test_host_files_are_invisible(bare: LocalBackend) -> None:
    if not bare.isolation.filesystem.startswith("chroot"):
        pytest.skip(f"no chroot here ({bare.isolation.summary()}): only the policy keeps files out")
    result = run(bare, "return open('/etc/passwd').read()")
    assert not result.ok and "No such file" in (result.error or "")


def test_writes_leave_nothing_behind(bare: LocalBackend, tmp_path: Path) -> None:
    marker = tmp_path / "written-by-the-sandbox"
    result = run(bare, "for p in (target, 'here.txt'):\n    try:\n        open(p, 'w').write('x')\n"
                 "    except OSError:\n        pass\nreturn os.listdir('.')", imports="import os",
                 target=str(marker))
    assert not marker.exists()
    if bare.isolation.filesystem.startswith("chroot"):
        assert result.ok and result.value == []  # the chroot is read-only
    assert bare.workspace is not None and list(bare.workspace.iterdir()) == []  # each child's dir is gone


def test_network_namespace_refuses_a_local_listener(bare: LocalBackend) -> None:
    if "netns" not in bare.isolation.network:
        pytest.skip(f"no network namespace here ({bare.isolation.summary()}): only the policy blocks sockets")
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    try:
        result = run(bare, "s = socket.create_connection(('127.0.0.1', port), timeout=1)\ns.sendall(b'leak')\n"
                     "return 'connected'", imports="import socket", port=server.getsockname()[1])
        assert not result.ok
        assert select.select([server], [], [], 0)[0] == []
    finally:
        server.close()


def test_the_parent_cannot_be_killed(bare: LocalBackend) -> None:
    iso = bare.isolation
    if iso.pid != "pidns" and iso.user != "nobody":
        pytest.skip("no PID namespace and no separate user: the child could signal this process")
    result = run(bare, "out = []\nfor target in (pid, os.getppid()):\n    try:\n        os.kill(target, signal.SIGKILL)\n"
                 "        out.append('sent')\n    except OSError as e:\n        out.append(type(e).__name__)\nreturn out",
                 imports="import os, signal", pid=os.getpid())
    assert os.getpid() > 0  # still here
    # In the PID namespace our pid does not exist and getppid() is 0 (= its own group).
    if result.ok:
        assert result.value[0] in ("ProcessLookupError", "PermissionError")  # type: ignore[index]


def test_forked_processes_do_not_outlive_the_batch() -> None:
    with LocalBackend(Limits(case_timeout_s=1.0, memory_mb=256, processes=64), policy=False) as backend:
        if backend.isolation.pid != "pidns":
            pytest.skip("no PID namespace: only the process-group kill and RLIMIT_NPROC apply")
        before = _nobody_pids()
        result = run(backend, "for _ in range(3):\n    if os.fork() == 0:\n        os.setsid()\n"
                     "        time.sleep(60)\n        os._exit(0)\nreturn 'forked'", imports="import os, time")
        assert result.ok and result.value == "forked"  # the forks themselves were allowed here
    deadline = time.monotonic() + 5  # the strays would sleep 60 s; others' sandboxes end sooner
    while _nobody_pids() - before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _nobody_pids() - before


def _nobody_pids() -> set[int]:
    pids = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            uid = next((line.split()[1] for line in status.splitlines() if line.startswith("Uid:")), "")
            if uid == "65534":
                pids.add(int(entry.name))
    return pids
