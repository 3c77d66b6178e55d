from __future__ import annotations

import threading
import time

import pytest

from induction.runtime.bindings import build_dag, run_derivations
from induction.runtime.errors import DerivationError
from induction.runtime.nodes import Derivation
from rote.errors import CycleError, TemplateError


def expr(var: str, *args: str, e: object) -> Derivation:
    return Derivation(var=var, args=args, expr=e)


def py(var: str, source: str, *args: str, function: str = "f") -> Derivation:
    return Derivation(var=var, args=args, python=source, function=function)


FIRST = expr("first", "full", e={"op": "split_index", "args": [{"var": "full"}, {"const": " "}, {"const": 0}]})
LOWER = expr("login", "first", e={"op": "lower", "args": [{"var": "first"}]})


def test_topological_order_is_stable() -> None:
    assert [d.var for d in build_dag([LOWER, FIRST], {"full"})] == ["first", "login"]
    assert [d.var for d in build_dag([FIRST, LOWER], {"full"})] == ["first", "login"]


def test_cycle_is_named() -> None:
    a = expr("a", "c", e={"var": "c"})
    b = expr("b", "a", e={"var": "a"})
    c = expr("c", "b", e={"var": "b"})
    with pytest.raises(CycleError) as err:
        build_dag([a, b, c], {"x"})
    assert set(err.value.cycle) == {"a", "b", "c"}
    with pytest.raises(CycleError):
        build_dag([expr("a", "a", e={"var": "a"})], set())


@pytest.mark.parametrize(("derivations", "independent", "match"), [
    ([FIRST], set(), "unknown argument full"),
    ([FIRST, FIRST], {"full"}, "derived twice"),
    ([FIRST], {"full", "first"}, "both independent and derived"),
    ([expr("a", "x", e={"var": "y"})], {"x"}, "not in its args"),
    ([expr("a", "x", e={"op": "nope"})], {"x"}, "unknown op"),
    ([Derivation(var="a", args=("x",))], {"x"}, "exactly one"),
    ([py("a", "import os\ndef f(x):\n    return x", "x")], {"x"}, "not allowed"),
    ([py("a", "def g(x):\n    return x", "x")], {"x"}, "no function f"),
])
def test_rejects(derivations: list[Derivation], independent: set[str], match: str) -> None:
    with pytest.raises(TemplateError, match=match):
        build_dag(derivations, independent)


def test_run_derivations() -> None:
    scope = run_derivations([FIRST, LOWER], {"full": "Erik Dunteman"})
    assert scope == {"full": "Erik Dunteman", "first": "Erik", "login": "erik"}


def test_python_derivation() -> None:
    d = py("century", "import math\ndef f(decade):\n    return f'{math.floor(int(decade[:4]) / 100) + 1}th'",
           "decade")
    assert run_derivations([d], {"decade": "1900s"})["century"] == "20th"


@pytest.mark.parametrize(("source", "match"), [
    ("def f(x):\n    raise ValueError('no')", "ValueError"),
    ("def f(x):\n    return {1, 2}", "not a JSON value"),
    ("def f(x):\n    return float('nan')", "not a JSON value"),
    ("def f(x):\n    return open('/etc/passwd').read()", "NameError"),
    ("def f(x):\n    return [].__class__", "TemplateError|not allowed"),
    ("def f(x):\n    return 10 ** 10 ** 8", "too large"),
    ("def f(x):\n    return 'a' * 10 ** 9", "too large"),
    ("def f(x):\n    n = 2\n    n **= 10 ** 7\n    return n", "too large"),
    ("def f(x):\n    return sum(range(10 ** 12))", "too large"),
    ("import re\ndef f(x):\n    return re.match('(a+)+$', 'a' * 5000 + 'b') is None", None),
])
def test_python_failures_are_misses(source: str, match: str | None) -> None:
    if match is None:  # re is RE2: linear time, so this is simply an answer
        assert run_derivations([py("v", source, "x")], {"x": 1})["v"] is True
        return
    with pytest.raises(DerivationError, match=match):
        run_derivations([py("v", source, "x")], {"x": 1})


@pytest.mark.parametrize("source", [
    "def f(x):\n    while True:\n        pass",
    "def f(x):\n    while True:\n        try:\n            x += 1\n        except Exception:\n            pass",
    "def f(x):\n    return f(x)",
    "def f(x):\n    return sum(i for i in range(10**6) for j in range(10**6))",
])
def test_python_loops_time_out_within_budget(source: str) -> None:
    started = time.perf_counter()
    with pytest.raises(DerivationError, match=r"budget|RecursionError"):
        run_derivations([py("v", source, "x")], {"x": 1}, budget_ms=5)
    assert time.perf_counter() - started < 0.5


def test_budget_is_shared_by_all_derivations() -> None:
    slow = py("a", "def f(x):\n    n = 0\n    for i in range(10**6):\n        n += i\n    return n", "x")
    with pytest.raises(DerivationError):
        run_derivations([slow, LOWER], {"x": 1, "first": "A"}, budget_ms=1)


def test_timeout_works_off_the_main_thread() -> None:
    errors: list[BaseException] = []

    def run() -> None:
        try:
            run_derivations([py("v", "def f(x):\n    while True: pass", "x")], {"x": 1}, budget_ms=5)
        except DerivationError as e:
            errors.append(e)

    t = threading.Thread(target=run)
    t.start()
    t.join(timeout=5)
    assert not t.is_alive() and len(errors) == 1


def test_policy_refuses_escapes_from_the_timeout() -> None:
    for source in ["def f(x):\n    try:\n        pass\n    except:\n        pass",
                   "def f(x):\n    try:\n        pass\n    except BaseException:\n        pass",
                   "def f(x):\n    while True:\n        try:\n            pass\n        finally:\n            continue",
                   "class A:\n    pass\ndef f(x):\n    return 1",
                   "def f(x):\n    global y\n    return 1",
                   "def f(x):\n    with x:\n        return 1",
                   "while True:\n    pass\ndef f(x):\n    return 1"]:
        with pytest.raises(TemplateError):
            build_dag([py("v", source, "x")], {"x"})


def test_alternatives_must_agree_or_the_derivation_misses() -> None:
    # ``name`` and ``capitalize(name)`` fitted every example: only inputs where they agree are served.
    d = Derivation(var="greeting", args=("name",), expr={"var": "name"},
                   alternatives=({"op": "capitalize", "args": [{"var": "name"}]},))
    assert run_derivations([d], {"name": "Maria"})["greeting"] == "Maria"
    with pytest.raises(DerivationError, match="disagree"):
        run_derivations([d], {"name": "tiffany"})
    failing = d.model_copy(update={"alternatives": ({"op": "to_int", "args": [{"var": "name"}]},)})
    with pytest.raises(DerivationError):  # an alternative that cannot run is doubt too
        run_derivations([failing], {"name": "Maria"})


def test_alternatives_are_checked_at_build_time() -> None:
    bad = Derivation(var="x", args=("a",), expr={"var": "a"}, alternatives=({"var": "b"},))
    with pytest.raises(TemplateError, match="not in its args"):
        build_dag([bad], {"a", "b"})
