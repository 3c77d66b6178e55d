from __future__ import annotations

from typing import Any

import pytest

from induction.runtime.dsl import OPS, evaluate, expr_vars, validate
from induction.runtime.errors import EvalError
from induction.runtime.ops import TYPES
from rote.errors import TemplateError


def op(name: str, *args: Any) -> dict[str, Any]:
    return {"op": name, "args": [a if isinstance(a, dict) else {"const": a} for a in args]}


V = {"var": "x"}


@pytest.mark.parametrize(("expr", "x", "want"), [
    (op("lower", V), "Erik", "erik"),
    (op("upper", V), "erik", "ERIK"),
    (op("title", V), "erik dunteman", "Erik Dunteman"),
    (op("capitalize", V), "eRIK", "Erik"),
    (op("casefold", V), "Straße", "strasse"),
    (op("strip", V), "  a  ", "a"),
    (op("strip", V, "x"), "xxaxx", "a"),
    (op("lstrip", V, "0"), "007", "7"),
    (op("rstrip", V, "."), "end...", "end"),
    (op("split_index", V, " ", 0), "Erik Dunteman", "Erik"),
    (op("split_index", V, "", -1), "Erik  Dunteman ", "Dunteman"),
    (op("split_index", V, "/", 2), "/data/3/x", "3"),
    (op("slice", V, 0, 3), "butterfly", "but"),
    (op("slice", V, 6), "butterfly", "fly"),
    (op("replace", V, "-", "/"), "2025-09-30", "2025/09/30"),
    (op("regex_extract", V, r"output_(\d+)"), "09/output_3.txt", "3"),
    (op("regex_extract", V, r"\d+", 0), "abc 42", "42"),
    (op("concat", V, "-", V), "a", "a-a"),
    (op("join", {"var": "x"}, ", "), ["a", "b"], "a, b"),
    (op("to_number", V), "$1,250.00", 1250.0),
    (op("to_number", V), 3, 3.0),
    (op("to_int", V), "1,250", 1250),
    (op("to_int", V), 3.0, 3),
    (op("format_number", V, 2, ","), 1250, "1,250.00"),
    (op("format_number", V, 0), 1234.5, "1235"),
    (op("format_money", V, "$"), 1250, "$1,250.00"),
    (op("format_money", V, "€", 0), -3.5, "-€4"),
    (op("round", V, 2), 2.675, 2.68),
    (op("round", V), 2.5, 3),
    (op("add", V, 1), 2, 3),
    (op("add", V, 0.5), 2, 2.5),
    (op("sub", V, 1), 2, 1),
    (op("mul", V, 3), 2, 6),
    (op("div", V, 4), 2, 0.5),
    (op("mod", V, 4), 10, 2),
    (op("neg", V), 2, -2),
    (op("date_parse", V, "%m/%d/%Y"), "09/30/2025", "2025-09-30"),
    (op("date_format", V, "iso", "%A, %B %d"), "2025-09-30", "Tuesday, September 30"),
    (op("date_add", V, 1), "2025-09-30", "2025-10-01"),
    (op("date_add", V, -1, "%d.%m.%Y", "iso"), "01.03.2024", "2024-02-29"),
    (op("date_add_months", V, 1), "2026-01-31", "2026-02-28"),
    (op("date_add_months", V, 12), "2024-02-29", "2025-02-28"),
    (op("date_add_months", V, -2), "2026-01-15", "2025-11-15"),
    (op("json_get", V, "a.0.b"), {"a": [{"b": "x"}]}, "x"),
    (op("json_get", V, ["a", 0]), {"a": [7]}, 7),
    (op("json_parse", V), '{"a": 1}', {"a": 1}),
    (op("str", V), 3, "3"),
    (op("str", V), True, "true"),
    (op("len", V), "abc", 3),
    (op("len", V), [1, 2], 2),
    (op("ordinal", V), 3, "3rd"),
    (op("ordinal", V), 11, "11th"),
    (op("zfill", V, 2), "9", "09"),
    (op("capwords", V), "ada  lovelace", "Ada Lovelace"),
    (op("pick", "failed", "success", 11, V, 12, "success", 13), "failed", 12),
    (op("pick", V, "T-1", "ann", "T-2", "bo"), "T-2", "bo"),
])
def test_ops(expr: dict[str, Any], x: Any, want: Any) -> None:
    validate(expr)
    got = evaluate(expr, {"x": x})
    assert got == want and type(got) is type(want)


@pytest.mark.parametrize(("expr", "x"), [
    (op("lower", V), 3),  # no coercion
    (op("add", V, 1), "2"),
    (op("add", V, 1), True),  # a bool is not a number
    (op("split_index", V, " ", 5), "a b"),
    (op("regex_extract", V, r"(\d+)"), "none"),
    (op("to_int", V), "3.5"),
    (op("to_number", V), "abc"),
    (op("div", V, 0), 1),
    (op("mod", V, 0), 1),
    (op("date_parse", V, "%Y"), "20x5"),
    (op("json_get", V, "a.b"), {"a": [1]}),
    (op("join", V, ","), ["a", 1]),
    (op("format_number", V, 99), 1),
    (op("zfill", V, 10**6), "1"),
    (op("mul", V, V), 10**1000),
    (op("json_parse", V), "{"),
    (op("pick", "failed", V, 1, "failed", 2), "failed"),  # two items fit: which one is a guess
    (op("pick", "failed", V, 1, "success", 2), "success"),  # none fits
    (op("pick", 7, V, 1), "7"),  # types never coerced: "7" is not 7
    (op("pick", "a", V, 1, "b"), "a"),  # keys and values in pairs
])
def test_failures_are_eval_errors(expr: dict[str, Any], x: Any) -> None:
    with pytest.raises(EvalError):
        evaluate(expr, {"x": x})


def test_unbound_variable_is_an_eval_error() -> None:
    with pytest.raises(EvalError, match="unbound"):
        evaluate(V, {})


@pytest.mark.parametrize(("expr", "match"), [
    ({"op": "nope", "args": []}, "unknown op"),
    (op("upper", V, V), "takes 1"),
    (op("split_index", V), "takes 3"),
    (op("upper", 3), "must be str"),
    (op("upper", op("len", V)), "must be str"),
    ({"var": ""}, "bad variable"),
    ({"const": {1, 2}}, "not JSON"),
    ({"op": "upper", "args": [V], "extra": 1}, "not an expression"),
    ("x", "not an expression"),
    ({"op": "upper", "args": V}, "args must be a list"),
])
def test_validate_rejects(expr: Any, match: str) -> None:
    with pytest.raises(TemplateError, match=match):
        validate(expr)


def test_validate_rejects_huge_expressions() -> None:
    e: dict[str, Any] = V
    for _ in range(40):
        e = op("lower", e)
    with pytest.raises(TemplateError, match="too large"):
        validate(e)


def test_registry_is_consistent_for_enumeration() -> None:
    for name, spec in OPS.items():
        assert spec.name == name
        low, high = spec.arity
        assert high is None or high >= low >= 1
        for i in range(low if high is None else high):
            assert spec.param_type(i) in TYPES
        assert spec.returns in TYPES


def test_expr_vars() -> None:
    assert expr_vars(op("concat", {"var": "a"}, op("upper", {"var": "b"}))) == {"a", "b"}
