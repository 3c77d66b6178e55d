"""The closed transform DSL: derivations as JSON data, safe by construction.

An expression is one of

- ``{"var": name}``: the value of a variable in scope,
- ``{"const": value}``: a JSON constant,
- ``{"op": name, "args": [expr, ...]}``: an operation from :data:`OPS`
  (see :mod:`induction.runtime.ops` for the list, arities and types).

There is no loop, no call outside :data:`OPS` and every op is bounded, so an
expression cannot hang or reach the outside world. Types are strict: an op
given a value of the wrong JSON type fails (a miss), it is never coerced.
The Deriver enumerates candidate expressions from :data:`OPS` (programming by
example) and keeps those that reproduce every recorded value.

>>> first = {"op": "split_index", "args": [{"var": "full_name"}, {"const": " "}, {"const": 0}]}
>>> evaluate({"op": "lower", "args": [first]}, {"full_name": "Erik Dunteman"})
'erik'
>>> evaluate({"op": "lower", "args": [{"var": "n"}]}, {"n": 3})
Traceback (most recent call last):
...
induction.runtime.errors.EvalError: lower: argument 1 must be str, got int
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from induction.runtime.errors import EvalError
from induction.runtime.ops import OPS, TYPES, Op, type_of
from rote.errors import TemplateError

__all__ = ["OPS", "Op", "evaluate", "expr_vars", "is_json", "picked_keys", "validate"]

MAX_NODES: Final = 256
MAX_DEPTH: Final = 32
_FAILURES: Final = (ValueError, TypeError, IndexError, KeyError, ArithmeticError, RecursionError)


def is_json(value: Any, depth: int = 0) -> bool:
    t = type_of(value)
    if t is None or depth > MAX_DEPTH:
        return False
    if t == "list":
        return all(is_json(v, depth + 1) for v in value)
    if t == "dict":
        return all(isinstance(k, str) and is_json(v, depth + 1) for k, v in value.items())
    return True


def evaluate(expr: Any, scope: Mapping[str, Any]) -> Any:
    """The value of a (validated) expression in ``scope``; :class:`EvalError` if it fails.

    >>> evaluate({"op": "format_money", "args": [{"op": "to_number", "args": [{"var": "a"}]},
    ...           {"const": "$"}]}, {"a": "1250"})
    '$1,250.00'
    """
    if "var" in expr:
        try:
            return scope[expr["var"]]
        except KeyError:
            raise EvalError(f"unbound variable {expr['var']}") from None
    if "const" in expr:
        return expr["const"]
    spec = OPS.get(expr.get("op"))
    if spec is None:
        raise EvalError(f"unknown op {expr.get('op')!r}")
    args = [evaluate(a, scope) for a in expr.get("args", ())]
    _check_args(spec, args)
    try:
        result = spec.fn(*args)
    except _FAILURES as e:
        raise EvalError(f"{spec.name}: {type(e).__name__}: {e}") from None
    rt = type_of(result)
    if rt not in TYPES[spec.returns] or not is_json(result):
        raise EvalError(f"{spec.name}: returned {type(result).__name__}, not {spec.returns}")
    return result


def _check_args(spec: Op, args: list[Any]) -> None:
    low, high = spec.arity
    if len(args) < low or (high is not None and len(args) > high):
        raise EvalError(f"{spec.name}: wrong number of arguments ({len(args)})")
    for i, a in enumerate(args):
        want = spec.param_type(i)
        if type_of(a) not in TYPES[want]:
            raise EvalError(f"{spec.name}: argument {i + 1} must be {want}, got {type_of(a) or type(a).__name__}")


def validate(expr: Any) -> None:
    """Raise :class:`TemplateError` unless ``expr`` is a well-formed expression.

    Checks shape, op names, arities, sizes and, where a type is known without
    running (constants, op results), argument types.

    >>> validate({"op": "upper", "args": [{"var": "x"}, {"var": "y"}]})
    Traceback (most recent call last):
    ...
    rote.errors.TemplateError: upper: takes 1 argument(s), got 2
    """
    count = [0]
    _validate(expr, 0, count)


def _validate(expr: Any, depth: int, count: list[int]) -> frozenset[str]:
    """The set of JSON types ``expr`` may produce."""
    count[0] += 1
    if count[0] > MAX_NODES or depth > MAX_DEPTH:
        raise TemplateError("expression too large")
    if not isinstance(expr, dict):
        raise TemplateError(f"not an expression: {expr!r}")
    keys = set(expr)
    if keys == {"var"}:
        if not isinstance(expr["var"], str) or not expr["var"]:
            raise TemplateError(f"bad variable reference: {expr!r}")
        return TYPES["json"]
    if keys == {"const"}:
        if not is_json(expr["const"]):
            raise TemplateError(f"constant is not JSON: {expr['const']!r}")
        return frozenset({str(type_of(expr["const"]))})
    if keys not in ({"op", "args"}, {"op"}):
        raise TemplateError(f"not an expression: {expr!r}")
    spec = OPS.get(expr["op"]) if isinstance(expr["op"], str) else None
    if spec is None:
        raise TemplateError(f"unknown op {expr['op']!r}")
    args = expr.get("args", [])
    if not isinstance(args, list):
        raise TemplateError(f"{spec.name}: args must be a list")
    low, high = spec.arity
    if len(args) < low or (high is not None and len(args) > high):
        want = f"{low}" if low == high else f"{low}..{high if high is not None else 'n'}"
        raise TemplateError(f"{spec.name}: takes {want} argument(s), got {len(args)}")
    for i, a in enumerate(args):
        got = _validate(a, depth + 1, count)
        want = spec.param_type(i)
        if not got & TYPES[want]:
            raise TemplateError(f"{spec.name}: argument {i + 1} must be {want}, gets {sorted(got)}")
    return TYPES[spec.returns]


def expr_vars(expr: Any) -> set[str]:
    """Variables an expression reads.

    >>> sorted(expr_vars({"op": "concat", "args": [{"var": "b"}, {"const": "-"}, {"var": "a"}]}))
    ['a', 'b']
    """
    if "var" in expr:
        return {expr["var"]}
    out: set[str] = set()
    for a in expr.get("args", ()):
        out |= expr_vars(a)
    return out


def picked_keys(expr: Any) -> set[str]:
    """Variables a ``pick`` compares with what it looks for (the keys of its items): their
    values decide which item is picked, so an answer that picks serves only the values of
    them it was seen with (a "canceled" job beside the failed one may change what is done).

    >>> sorted(picked_keys({"op": "pick", "args": [{"const": "failed"}, {"var": "s0"}, {"var": "id0"},
    ...                                               {"var": "s1"}, {"var": "id1"}]}))
    ['s0', 's1']
    """
    if not isinstance(expr, dict) or "op" not in expr:
        return set()
    args = expr.get("args", ())
    out: set[str] = set()
    if expr["op"] == "pick":
        for key in args[1::2]:
            out |= expr_vars(key)
    for a in args:
        out |= picked_keys(a)
    return out
