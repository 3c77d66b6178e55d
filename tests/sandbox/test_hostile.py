"""Security acceptance: hostile derivations, with every layer on (the default).

All snippets run in ONE batch. Each must come back ``ok: false`` within its
timeout, leave nothing on the host and leak nothing. Many never run (the static
policy refuses them); the ones that pass the policy show the runtime and process
layers at work. ``test_os_layer.py`` runs hostile code with the policy off.
"""

from __future__ import annotations

import os
import secrets
import select
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson
import pytest

from sandbox import Case, CaseResult, LocalBackend
from tests.sandbox.helpers import FAST, fn

SECRET_VAR = "ROTE_TEST_SECRET_KEY"


def hostile(marker: Path) -> dict[str, tuple[str, set[str]]]:
    """name -> (source, acceptable failure kinds)."""
    m = str(marker)
    policy = {"policy"}
    return {
        "read /etc/passwd": (fn("return open('/etc/passwd').read()"), policy),
        "read with pathlib": (fn("return pathlib.Path('/etc/passwd').read_text()", imports="import pathlib"), policy),
        "write with open": (fn(f"open({m!r}, 'w').write('x')\nreturn 1"), policy),
        "write with pathlib": (fn(f"pathlib.Path({m!r}).write_text('x')", imports="import pathlib"), policy),
        "os.system": (fn(f"return os.system('touch {m}')", imports="import os"), policy),
        "subprocess": (fn("return subprocess.check_output(['id']).decode()", imports="import subprocess"), policy),
        "importlib": (fn("return importlib.import_module('os').getcwd()", imports="import importlib"), policy),
        "__import__": (fn("return __import__('os').getcwd()"), policy),
        "__builtins__ lookup": (fn("return __builtins__['open']('/etc/passwd').read()"), policy),
        "subclasses walk": (fn("return [c.__name__ for c in ().__class__.__bases__[0].__subclasses__()]"), policy),
        "getattr built string": (fn("return str(getattr((), '__cl' + 'ass__'))"), policy),
        "generator frame": (fn("g = (x for x in [1])\nreturn str(g.gi_frame.f_back.f_globals)"), policy),
        "traceback frame": (fn("try:\n    1 / 0\nexcept Exception as e:\n    return str(e.__traceback__.tb_frame)"), policy),
        "str.format walk": (fn("return '{0.__class__.__init__}'.format(1)"), policy),
        "format on a variable": (fn("return t.format(1)", args="t='{0.__class__}'"), policy),
        "eval": (fn("return eval('1 + 1')"), policy),
        "exec": (fn("exec('import os')\nreturn 1"), policy),
        "compile": (fn("return str(compile('1', 'x', 'eval'))"), policy),
        "pickle payload": (fn("return pickle.loads(b\"cos\\nsystem\\n(S'id'\\ntR.\")", imports="import pickle"), policy),
        "marshal payload": (fn("return str(marshal.loads(b'\\xe3'))", imports="import marshal"), policy),
        "ctypes": (fn("return ctypes.CDLL(None).getpid()", imports="import ctypes"), policy),
        "socket to 127.0.0.1": (fn("s = socket.create_connection(('127.0.0.1', port), timeout=1)\n"
                                   "s.sendall(b'leak')\nreturn 'connected'", imports="import socket", args="port"), policy),
        "environment variable": (fn(f"return os.environ.get({SECRET_VAR!r})", imports="import os"), policy),
        "environment via module": (fn("return str(statistics.sys.modules['os'].environ)",
                                      imports="import statistics"), policy),
        "infinite loop": (fn("while True:\n    pass"), {"timeout"}),
        "time.sleep(120)": (fn("time.sleep(120)", imports="import time"), policy),
        "memory bomb": (fn("x = []\nwhile True:\n    x.append('x' * 10**6)"), {"memory", "timeout"}),
        "one huge allocation": (fn("return len('x' * 10**11)"), {"memory"}),
        "fork bomb": (fn("while True:\n    os.fork()", imports="import os"), policy),
        "threads bomb": (fn("while True:\n    threading.Thread(target=len, args=('',)).start()",
                            imports="import threading"), policy),
        "kill the parent": (fn("os.kill(os.getppid(), signal.SIGKILL)", imports="import os, signal"), policy),
        "print 100 MB": (fn("for _ in range(100):\n    print('x' * 10**6)\nreturn 1"), {"output_limit"}),
        "return 500 MB": (fn("return 'x' * 500_000_000"), {"too_large", "memory"}),
        "infinite recursion": (fn("return f()"), {"exception"}),
        "non-JSON result (set)": (fn("return {1, 2}"), {"non_json"}),
        "non-JSON result (tuple)": (fn("return (1, 2)"), {"non_json"}),
        "non-JSON result (nan)": (fn("return float('nan')"), {"non_json"}),
        "swallow the timeout": (fn("while True:\n    try:\n        time_out()\n    except BaseException:\n        pass"), policy),
        "catastrophic regex": (fn("return bool(re.match(r'(a+)+$', 'a' * 40 + 'b'))", imports="import re"), {"timeout"}),
        "huge integer": (fn("return str(10 ** 10 ** 8)"), {"timeout"}),
        "poison a module": (fn("json.dumps = None", imports="import json"), policy),
    }


@pytest.fixture(scope="module")
def listener() -> Iterator[socket.socket]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server
    server.close()


@dataclass
class Outcome:
    snippets: dict[str, tuple[str, set[str]]]
    results: dict[str, CaseResult]
    secret: str
    elapsed: float
    marker: Path


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory, listener: socket.socket) -> Outcome:
    secret = "sk-" + secrets.token_hex(16)
    os.environ[SECRET_VAR] = secret  # in the parent's environment while the batch runs
    marker = tmp_path_factory.mktemp("hostile") / "marker"
    snippets = hostile(marker)
    port = listener.getsockname()[1]
    cases = [Case(source=src, function="f", kwargs={"port": port} if "def f(port)" in src else {})
             for src, _ in snippets.values()]
    try:
        with LocalBackend(FAST) as backend:
            started = time.monotonic()
            results = backend.run_batch(cases)
            elapsed = time.monotonic() - started
    finally:
        del os.environ[SECRET_VAR]
    return Outcome(snippets, dict(zip(snippets, results, strict=True)), secret, elapsed, marker)


def test_at_least_25_hostile_snippets(outcome: Outcome) -> None:
    assert len(outcome.snippets) >= 25


@pytest.mark.parametrize("name", list(hostile(Path("/nonexistent"))))
def test_hostile_snippet_fails_closed(name: str, outcome: Outcome) -> None:
    result = outcome.results[name]
    assert result.ok is False, result
    assert result.error, result
    assert result.kind in outcome.snippets[name][1], result
    # Within its timeout: the per-case clock plus the parent's grace.
    assert result.duration_ms <= (FAST.case_timeout_s + 1.0) * 1000


def test_nothing_leaks(outcome: Outcome) -> None:
    dumped = orjson.dumps([r.model_dump() for r in outcome.results.values()]).decode()
    assert outcome.secret not in dumped
    assert "root:x:0:0" not in dumped  # /etc/passwd


def test_no_trace_on_the_host(outcome: Outcome, listener: socket.socket) -> None:
    assert not outcome.marker.exists()
    assert select.select([listener], [], [], 0)[0] == []  # nobody connected


def test_the_whole_batch_is_bounded(outcome: Outcome) -> None:
    slow = sum(1 for r in outcome.results.values() if r.kind in {"timeout", "memory"})
    assert outcome.elapsed < 5 + slow * (FAST.case_timeout_s + 1.5)


def test_legitimate_derivations_pass_beside_hostile_ones(local: LocalBackend) -> None:
    cases = [
        Case(source=fn("return full_name.split()[0]", args="full_name"), function="f",
             kwargs={"full_name": "Ada Lovelace"}),
        Case(source=fn("return float(re.sub(r'[^0-9.]', '', text))", imports="import re", args="text"),
             function="f", kwargs={"text": "$1,234.50"}),
        Case(source=fn("return (date.fromisoformat(day) + timedelta(days=3)).isoformat()",
                       imports="from datetime import date, timedelta", args="day"),
             function="f", kwargs={"day": "2024-02-27"}),
        Case(source=fn("x = []\nwhile True:\n    x.append('x' * 10**6)"), function="f"),
        Case(source=fn("return datetime.strptime(day, '%d/%m/%Y').strftime('%A %d %B')",
                       imports="from datetime import datetime", args="day"), function="f",
             kwargs={"day": "01/03/2024"}),
    ]
    values = [r.value if r.ok else r.kind for r in local.run_batch(cases)]
    assert values[0] == "Ada"
    assert values[1] == 1234.5
    assert values[2] == "2024-03-01"
    assert values[3] in ("memory", "timeout")
    assert values[4] == "Friday 01 March"
