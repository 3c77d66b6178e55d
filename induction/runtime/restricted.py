"""Running Python-source derivations in-process: restricted, bounded, defence in depth.

Python derivations reaching the runtime were already verified in the sandbox
offline; here they run again on each request, on values nobody checked. So:

- a static policy on the source (:func:`check_source`): only function
  definitions, constants and imports of :data:`MODULES`; no class, ``global``,
  ``with``, async code, names starting with ``__``, attributes starting with
  ``_``, bare ``except``/``except BaseException``, nor a ``return``/``break``/
  ``continue`` in a ``finally`` (each could swallow the timeout);
- a small allow-list of builtins; ``re`` is RE2 behind the ``re`` API (linear
  time); ``**``, ``*``, ``<<``, ``pow`` and ``range`` refuse results so large a
  single C call could run for long;
- a hard time budget enforced with an opcode-level trace function
  (``sys.settrace`` is per thread: it works on any thread, for
  ``while True: pass`` too), raising an exception the code cannot name.

Known limit: one C-level call on huge arguments (``"x".ljust(10**9)``) cannot
be interrupted in-process; the sandbox's policy and the DSL are the guard there.

>>> code = load_python("def first(full):\\n    return full.split()[0]", "first")
>>> call_python(code, "first", {"full": "Ada Lovelace"}, budget_s=0.005)
'Ada'
"""

from __future__ import annotations

import ast
import datetime
import decimal
import json
import math
import string
import sys
import time
import types
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, Final

import re2

from induction.runtime.errors import DerivationError
from rote.errors import TemplateError

MAX_BITS: Final = 100_000
MAX_ITEMS: Final = 1_000_000
MAX_OPCODES: Final = 2_000_000
_HELPER = "_rt_"


class _Timeout(BaseException):
    """Raised by the tracer; derives from BaseException so ``except Exception`` cannot catch it."""


def _flags(pattern: str, flags: int) -> str:
    inline = "".join(c for f, c in ((2, "i"), (8, "m"), (16, "s")) if flags & f)
    return f"(?{inline}){pattern}" if inline else pattern


def _re_shim() -> types.ModuleType:
    mod = types.ModuleType("re", "RE2 behind the re API (linear time; no backreferences).")
    for name, value in {"IGNORECASE": 2, "I": 2, "MULTILINE": 8, "M": 8, "DOTALL": 16, "S": 16}.items():
        setattr(mod, name, value)
    mod.error = re2.error  # type: ignore[attr-defined]
    mod.escape = re2.escape  # type: ignore[attr-defined]

    def compile(pattern: str, flags: int = 0) -> Any:
        return re2.compile(_flags(pattern, flags))

    mod.compile = compile  # type: ignore[attr-defined]
    for name in ("search", "match", "fullmatch", "findall", "finditer", "split"):
        def fn(pattern: str, text: str, *args: Any, flags: int = 0, _name: str = name) -> Any:
            return getattr(compile(pattern, flags), _name)(text, *args)
        setattr(mod, name, fn)
    for name in ("sub", "subn"):
        def sub(pattern: str, repl: Any, text: str, count: int = 0, flags: int = 0, _name: str = name) -> Any:
            return getattr(compile(pattern, flags), _name)(repl, text, count)
        setattr(mod, name, sub)
    return mod


def _public(mod: types.ModuleType) -> types.ModuleType:
    """A copy of a module's public, non-module attributes (``json.decoder.re`` would be the real ``re``)."""
    copy = types.ModuleType(mod.__name__, mod.__doc__)
    for k, v in vars(mod).items():
        if not k.startswith("_") and not isinstance(v, types.ModuleType):
            setattr(copy, k, v)
    return copy


MODULES: Final[Mapping[str, types.ModuleType]] = {
    "re": _re_shim(), **{m.__name__: _public(m) for m in (math, datetime, decimal, string, json)},
}


def _rt_pow(a: Any, b: Any, m: Any = None) -> Any:
    if m is None and isinstance(a, int) and isinstance(b, int) and b > 0 and abs(a) > 1 \
            and a.bit_length() * b > MAX_BITS:
        raise OverflowError("result too large")
    return pow(a, b) if m is None else pow(a, b, m)


def _rt_mul(a: Any, b: Any) -> Any:
    if isinstance(a, int) and isinstance(b, int):
        if a.bit_length() + b.bit_length() > MAX_BITS:
            raise OverflowError("result too large")
    elif (isinstance(b, int) and hasattr(a, "__len__") and len(a) * b > MAX_ITEMS) \
            or (isinstance(a, int) and hasattr(b, "__len__") and len(b) * a > MAX_ITEMS):
        raise OverflowError("result too large")
    return a * b


def _rt_lshift(a: Any, b: Any) -> Any:
    if isinstance(b, int) and b > MAX_BITS:
        raise OverflowError("result too large")
    return a << b


def _rt_range(*args: int) -> range:
    r = range(*args)
    if len(r) > MAX_ITEMS:
        raise OverflowError("range too large")
    return r


def _rt_import(name: str, globals: Any = None, locals: Any = None, fromlist: Any = (), level: int = 0) -> Any:
    if level or name not in MODULES:
        raise ImportError(f"import of {name} is not allowed")
    return MODULES[name]


_BUILTINS: Final = {
    **{f.__name__: f for f in (abs, all, any, bool, chr, dict, divmod, enumerate, filter, float, frozenset,
                              int, isinstance, len, list, map, max, min, ord, repr, reversed, round, set,
                              slice, sorted, str, sum, tuple, zip, hash, iter, next, bytes)},
    **{e.__name__: e for e in (Exception, ValueError, TypeError, KeyError, IndexError, ZeroDivisionError,
                              ArithmeticError, LookupError, AttributeError, StopIteration, OverflowError,
                              RuntimeError, NotImplementedError, AssertionError)},
    "True": True, "False": False, "None": None,
    "range": _rt_range, "pow": _rt_pow, "__import__": _rt_import,
    "_rt_pow": _rt_pow, "_rt_mul": _rt_mul, "_rt_lshift": _rt_lshift,
}

_FORBIDDEN: Final = (ast.ClassDef, ast.AsyncFunctionDef, ast.Await, ast.AsyncFor, ast.AsyncWith, ast.Global,
                     ast.Nonlocal, ast.With, ast.TryStar)
_TOP_LEVEL: Final = (ast.FunctionDef, ast.Import, ast.ImportFrom, ast.Assign, ast.Expr)
_BOUNDED: Final = {ast.Pow: "_rt_pow", ast.Mult: "_rt_mul", ast.LShift: "_rt_lshift"}


def check_source(source: str) -> ast.Module:
    """Parse and check ``source`` against the policy; :class:`TemplateError` if refused."""
    try:
        tree = ast.parse(source)
    except SyntaxError as e:
        raise TemplateError(f"derivation source does not parse: {e}") from None
    for stmt in tree.body:
        if not isinstance(stmt, _TOP_LEVEL):
            raise TemplateError(f"line {stmt.lineno}: only functions, constants and imports at top level")
    for node in ast.walk(tree):
        _check_node(node)
    return tree


def _named_exception(node: ast.expr | None) -> bool:
    """``except`` may only name a builtin exception or one of an allowed module (``json.JSONDecodeError``)."""
    if isinstance(node, ast.Name):
        value = _BUILTINS.get(node.id)
        return isinstance(value, type) and issubclass(value, Exception)
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in MODULES


def _refuse(node: ast.AST, why: str) -> None:
    raise TemplateError(f"line {getattr(node, 'lineno', '?')}: {why}")


def _check_node(node: ast.AST) -> None:
    if isinstance(node, _FORBIDDEN):
        _refuse(node, f"{type(node).__name__} is not allowed")
    elif isinstance(node, ast.Name) and (node.id.startswith("__") or node.id.startswith(_HELPER)):
        _refuse(node, f"name {node.id} is not allowed")
    elif isinstance(node, ast.Attribute) and node.attr.startswith("_"):
        _refuse(node, f"attribute {node.attr} is not allowed")
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
        if any(n not in MODULES for n in names) or (isinstance(node, ast.ImportFrom) and node.level):
            _refuse(node, f"import of {', '.join(names)} is not allowed")
    elif isinstance(node, ast.ExceptHandler):
        caught = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
        if not all(_named_exception(c) for c in caught):
            _refuse(node, "except must name exception classes (and not BaseException)")
    elif isinstance(node, ast.Try):
        for stmt in node.finalbody:
            for inner in ast.walk(stmt):
                if isinstance(inner, (ast.Return, ast.Break, ast.Continue)):
                    _refuse(inner, "return/break/continue in finally is not allowed")
    elif isinstance(node, ast.AugAssign) and type(node.op) in _BOUNDED and not isinstance(node.target, ast.Name):
        _refuse(node, "augmented **, * or << on a subscript or attribute is not allowed")


class _Bound(ast.NodeTransformer):
    """Rewrites ``a ** b``, ``a * b``, ``a << b`` (and ``x op= y``) into bounded helper calls."""

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        helper = _BOUNDED.get(type(node.op))
        if helper is None:
            return node
        return ast.copy_location(ast.Call(ast.Name(helper, ast.Load()), [node.left, node.right], []), node)

    def visit_AugAssign(self, node: ast.AugAssign) -> ast.AST:
        self.generic_visit(node)
        helper = _BOUNDED.get(type(node.op))
        if helper is None or not isinstance(node.target, ast.Name):
            return node
        call = ast.Call(ast.Name(helper, ast.Load()), [ast.Name(node.target.id, ast.Load()), node.value], [])
        return ast.copy_location(ast.Assign([node.target], call), node)


@lru_cache(maxsize=1024)
def load_python(source: str, function: str) -> types.CodeType:
    """Check and compile a derivation's source (cached); :class:`TemplateError` if refused."""
    tree = check_source(source)
    if not any(isinstance(s, ast.FunctionDef) and s.name == function for s in tree.body):
        raise TemplateError(f"derivation source defines no function {function}")
    tree = ast.fix_missing_locations(_Bound().visit(tree))
    return compile(tree, "<derivation>", "exec")


def call_python(code: types.CodeType, function: str, kwargs: Mapping[str, Any], budget_s: float,
                var: str = "?") -> Any:
    """Run ``function(**kwargs)`` from ``code`` within ``budget_s`` seconds (fresh globals each call)."""
    deadline = time.thread_time() + budget_s
    events = 0

    def tracer(frame: types.FrameType, event: str, arg: Any) -> Any:
        nonlocal events
        events += 1
        if event == "call":
            frame.f_trace_opcodes = True
        if events & 63 == 0 and (time.thread_time() > deadline or events > MAX_OPCODES):
            raise _Timeout
        return tracer

    env: dict[str, Any] = {"__builtins__": _BUILTINS, "__name__": "derivation"}
    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        exec(code, env)
        fn = env.get(function)
        if not isinstance(fn, types.FunctionType):
            raise DerivationError(var, f"{function} is not a function")
        return fn(**kwargs)
    except _Timeout:
        raise DerivationError(var, f"exceeded its budget of {budget_s * 1000:.1f} ms") from None
    except DerivationError:
        raise
    except Exception as e:
        raise DerivationError(var, f"{type(e).__name__}: {e}") from None
    finally:
        sys.settrace(previous)
