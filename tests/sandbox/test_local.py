from __future__ import annotations

import sys

import pytest

from rote.errors import SandboxError
from sandbox import Case, LocalBackend, SandboxBackend
from tests.sandbox.helpers import FAST, fn


def case(body: str, imports: str = "", **kwargs: object) -> Case:
    return Case(source=fn(body, imports=imports, args=", ".join(kwargs)), function="f",
                kwargs=kwargs)  # type: ignore[arg-type]


def test_is_a_sandbox_backend(local: LocalBackend) -> None:
    assert isinstance(local, SandboxBackend)


def test_a_batch_is_one_process(local: LocalBackend) -> None:
    before = local.processes_started
    results = local.run_batch([case("return s.upper()", s=f"name{i}") for i in range(300)])
    assert [r.value for r in results] == [f"NAME{i}" for i in range(300)]
    assert local.processes_started == before + 1


def test_values_keep_their_json_types(local: LocalBackend) -> None:
    results = local.run_batch([
        case("return 1"), case("return 1.0"), case("return True"), case("return None"),
        case("return {'a': [1, 2.5, 'x', False, None, {'b': -0.0}]}"), case("return 'é\\u2028\\n'"),
    ])
    values = [r.value for r in results]
    assert [type(v) for v in values[:4]] == [int, float, bool, type(None)]
    assert values[4] == {"a": [1, 2.5, "x", False, None, {"b": -0.0}]}
    assert values[5] == "é\u2028\n"


@pytest.mark.parametrize("body", ["return (1, 2)", "return {1}", "return float('inf')", "return {1: 'a'}",
                                  "return b'x'", "return [[[]]]", "return collections.Counter('ab')",
                                  "return datetime.date(2024, 1, 1)"])
def test_non_json_results_fail(local: LocalBackend, body: str) -> None:
    result = local.run_batch([case(body, imports="import collections, datetime")])[0]
    if body == "return [[[]]]":
        assert result.ok
    else:
        assert not result.ok and result.kind == "non_json", result


def test_prints_are_captured_not_leaked(local: LocalBackend, capfd: pytest.CaptureFixture[str]) -> None:
    result = local.run_batch([case("print('hello', 42)\nreturn 1")])[0]
    assert result.ok and result.output == "hello 42\n"
    assert "hello" not in capfd.readouterr().out


def test_each_source_runs_its_top_level_once_per_process(local: LocalBackend) -> None:
    source = "SEEN = []\ndef f():\n    SEEN.append(1)\n    return len(SEEN)\n"
    results = local.run_batch([Case(source=source, function="f")] * 3)
    assert [r.value for r in results] == [1, 2, 3]


def test_a_failing_top_level_fails_its_cases_only(local: LocalBackend) -> None:
    bad = "X = 1 / 0\ndef f():\n    return X\n"
    results = local.run_batch([Case(source=bad, function="f"), case("return 7"), Case(source=bad, function="f")])
    assert [r.ok for r in results] == [False, True, False]
    assert "ZeroDivisionError" in (results[0].error or "")
    assert "top level failed" in (results[2].error or "")


def test_exceptions_are_reported(local: LocalBackend) -> None:
    result = local.run_batch([case("return s.split()[3]", s="a b")])[0]
    assert not result.ok and result.kind == "exception"
    assert result.error == "IndexError: list index out of range"


def test_policy_refusals_and_missing_functions(local: LocalBackend) -> None:
    results = local.run_batch([case("return open('x')"), Case(source="def g():\n    return 1\n", function="f")])
    assert results[0].kind == "policy" and "[forbidden-name]" in (results[0].error or "")
    assert results[1].kind == "missing_function"


def test_decimal_context_does_not_leak_between_cases(local: LocalBackend) -> None:
    setter = case("decimal.setcontext(decimal.Context(prec=2))\nreturn 0", imports="import decimal")
    reader = case("return str(decimal.Decimal(1) / 3)", imports="import decimal")
    results = local.run_batch([setter, reader])
    assert results[1].value == "0.3333333333333333333333333333"


def test_runtime_layer_alone_without_static_check() -> None:
    """Static check off, restricted execution on: what the runtime layer refuses."""
    probes = {
        "open": ("return open('/etc/passwd').read()", "NameError"),
        "__import__": ("return __import__('os').getcwd()", "ImportError"),
        "__builtins__": ("return __builtins__['open']", "KeyError"),
        "import os": ("import os\nreturn os.getcwd()", "ImportError"),
        "getattr": ("return getattr(1, 'real')", "NameError"),
        "type": ("return type(1).__name__", "NameError"),
        "statistics.sys": ("import statistics\nreturn str(statistics.sys)", "AttributeError"),
        "time.sleep": ("import time\ntime.sleep(0)\nreturn 1", "AttributeError"),
    }
    with LocalBackend(FAST, static_check=False) as backend:
        results = backend.run_batch([Case(source=f"def f():\n    {b.replace(chr(10), chr(10) + '    ')}\n",
                                          function="f") for b, _ in probes.values()])
        poison = backend.run_batch([
            Case(source="import json\ndef f():\n    json.dumps = None\n    return 1\n", function="f"),
            Case(source="import json\ndef g():\n    return json.dumps([1])\n", function="g")])
    for (name, (_, error)), result in zip(probes.items(), results, strict=True):
        assert not result.ok and (result.error or "").startswith(error), (name, result)
    assert poison[1].value == "[1]"  # each derivation imports its own copy of a module


def test_a_swallowed_timeout_is_still_a_timeout() -> None:
    swallow = "def f():\n    try:\n        while True:\n            pass\n    finally:\n        return 1\n"
    with LocalBackend(FAST, static_check=False) as backend:
        result = backend.run_batch([Case(source=swallow, function="f")])[0]
    assert not result.ok and result.kind == "timeout"


def test_crash_budget_per_derivation() -> None:
    killer = "import os\ndef f():\n    os._exit(1)\n"
    with LocalBackend(FAST, policy=False, max_crashes_per_source=2) as backend:
        results = backend.run_batch([Case(source=killer, function="f")] * 5 + [case("return 1")])
        assert backend.processes_started == 3  # two crashes, then the survivor's process
    assert [r.kind for r in results[:5]] == ["crashed"] * 5
    assert "not run" in (results[4].error or "")
    assert results[5].value == 1


def test_isolation_is_reported(local: LocalBackend) -> None:
    iso = local.isolation
    assert iso.network in ("netns", "userns+netns", "none (policy only)")
    assert "as" in iso.limits and "cpu" in iso.limits
    if sys.platform == "linux" and iso.user == "nobody":
        assert iso.filesystem.startswith("chroot") and iso.pid == "pidns"


def test_sandbox_failures_raise() -> None:
    with LocalBackend(FAST, python="/nonexistent/python") as backend, pytest.raises(SandboxError):
        backend.run_batch([case("return 1")])
    with LocalBackend(FAST, python="/bin/false") as backend, pytest.raises(SandboxError, match="did not start"):
        backend.run_batch([case("return 1")])


def test_close_removes_the_workspace() -> None:
    backend = LocalBackend(FAST)
    with backend:
        backend.run_batch([case("return 1")])
        workspace = backend.workspace
        assert workspace is not None and workspace.exists()
    assert not workspace.exists()
