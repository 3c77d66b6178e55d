"""Static policy: the first layer. Refuse derivation source before it ever runs.

A derivation is a small pure function over strings, numbers and dates. The policy
is an allow-list of pure modules plus a short list of refusals that close the
usual escapes from a restricted namespace (dunder walks, frame introspection,
attribute lookups by built strings, ``str.format`` field walks). It is
deliberately stricter than needed: a refused derivation is a cache miss, a
wrongly accepted one can be an escape.

>>> check("import re\\ndef f(s):\\n    return re.sub(r'\\\\D', '', s)")
>>> check("def f(x):\\n    return x.__class__")
Traceback (most recent call last):
...
rote.errors.PolicyViolation: refused by policy [dunder] (line 2): dunder name '__class__'
"""

from __future__ import annotations

import ast
import string

from rote.errors import PolicyViolation

# Pure, deterministic, no I/O. `time`, `random`, `os`, `operator` (attrgetter
# is getattr with a built string) and `calendar` (global first-weekday state)
# are left out on purpose.
ALLOWED_MODULES = frozenset({
    "base64", "collections", "datetime", "decimal", "fractions", "functools", "hashlib",
    "html", "itertools", "json", "math", "re", "statistics", "string", "textwrap",
    "unicodedata",
})

# Names a derivation may not even mention. The runtime builtins omit them too.
FORBIDDEN_NAMES = frozenset({
    "eval", "exec", "compile", "open", "globals", "locals", "vars", "dir", "getattr",
    "setattr", "delattr", "hasattr", "input", "breakpoint", "memoryview", "type",
    "object", "super", "help", "exit", "quit", "id", "classmethod", "staticmethod",
    "property", "BaseException", "SystemExit", "KeyboardInterrupt", "GeneratorExit",
})

# Attribute names that lead out of the pure world: frames, code, module
# handles some stdlib modules re-export, and string.Formatter's field walker.
FORBIDDEN_ATTRIBUTES = frozenset({
    "mro", "format_map", "vformat", "get_field", "get_value", "Formatter", "sys", "os",
    "modules", "builtins", "posix", "io", "subprocess", "importlib", "ctypes", "socket",
    "shutil", "pathlib", "marshal", "pickle", "gc", "inspect", "types", "threading",
    "signal", "resource", "mmap", "random", "codecs",
})
FORBIDDEN_ATTRIBUTE_PREFIXES = ("_", "gi_", "cr_", "ag_", "f_", "tb_", "co_")

# The builtins a derivation gets at run time (the runner builds them from this).
SAFE_BUILTINS = (
    "abs", "all", "any", "ascii", "bin", "bool", "bytes", "callable", "chr", "dict", "divmod",
    "enumerate", "filter", "float", "format", "frozenset", "hex", "int", "isinstance", "issubclass",
    "iter", "len", "list", "map", "max", "min", "next", "oct", "ord", "pow", "range",
    "repr", "reversed", "round", "set", "slice", "sorted", "str", "sum", "tuple", "zip",
    "ArithmeticError", "AssertionError", "Exception", "IndexError", "KeyError",
    "LookupError", "OverflowError", "RuntimeError", "StopIteration", "TypeError",
    "UnicodeError", "ValueError", "ZeroDivisionError", "NotImplementedError",
)

_REFUSED_NODES: dict[type[ast.AST], str] = {
    ast.ClassDef: "class definitions are not allowed (a derivation is a function)",
    ast.AsyncFunctionDef: "async code is not allowed",
    ast.Await: "async code is not allowed",
    ast.AsyncFor: "async code is not allowed",
    ast.AsyncWith: "async code is not allowed",
}
MAX_SOURCE_CHARS = 64_000


def check(source: str, function: str | None = None) -> None:
    """Raise ``PolicyViolation(rule, detail, line)`` if ``source`` may not run.

    With ``function``, also require a top-level ``def function(...)``.

    >>> check("import os")
    Traceback (most recent call last):
    ...
    rote.errors.PolicyViolation: refused by policy [import] (line 1): module 'os' is not allowed (allowed: base64, collections, datetime, decimal, fractions, functools, hashlib, html, itertools, json, math, re, statistics, string, textwrap, unicodedata)
    """
    if len(source) > MAX_SOURCE_CHARS:
        raise PolicyViolation("size", f"source longer than {MAX_SOURCE_CHARS} characters")
    try:
        tree = ast.parse(source, mode="exec")
    except SyntaxError as e:
        raise PolicyViolation("syntax", str(e.msg), e.lineno) from None
    except (ValueError, RecursionError, MemoryError) as e:  # NUL bytes, absurd nesting
        raise PolicyViolation("syntax", f"{type(e).__name__}: {e}") from None
    for node in ast.walk(tree):
        _check_node(node)
    if function is not None and not any(
        isinstance(n, ast.FunctionDef) and n.name == function for n in tree.body
    ):
        raise PolicyViolation("missing-function", f"no top-level 'def {function}(...)'")


def _check_node(node: ast.AST) -> None:
    line = getattr(node, "lineno", None)
    if type(node) in _REFUSED_NODES:
        raise PolicyViolation("statement", _REFUSED_NODES[type(node)], line)
    if isinstance(node, ast.Import):
        for alias in node.names:
            _check_module(alias.name, line)
    elif isinstance(node, ast.ImportFrom):
        if node.level or node.module is None:
            raise PolicyViolation("import", "relative imports are not allowed", line)
        _check_module(node.module, line)
        for alias in node.names:
            _check_imported_name(alias.name, line)
    elif isinstance(node, ast.Name):
        _check_name(node.id, line)
    elif isinstance(node, (ast.FunctionDef, ast.arg, ast.alias)):
        name = node.name if isinstance(node, ast.FunctionDef) else (
            node.arg if isinstance(node, ast.arg) else (node.asname or ""))
        if _is_dunder(name):
            raise PolicyViolation("dunder", f"dunder name {name!r}", line)
    elif isinstance(node, ast.Attribute):
        _check_attribute(node, line)
    elif isinstance(node, ast.MatchClass):
        for attr in node.kwd_attrs:  # `case str(__class__=c)` reads an attribute
            _check_attribute_name(attr, line)
    elif isinstance(node, (ast.Try, ast.TryStar)):
        for handler in node.handlers:
            if handler.type is None:
                raise PolicyViolation("bare-except", "a bare 'except:' would swallow the timeout", handler.lineno)
        for exit_ in _exits(node.finalbody):
            raise PolicyViolation("finally-exit", "return/break/continue in 'finally' would swallow the timeout",
                                  exit_.lineno)


def _check_module(name: str, line: int | None) -> None:
    if name not in ALLOWED_MODULES:
        allowed = ", ".join(sorted(ALLOWED_MODULES))
        raise PolicyViolation("import", f"module {name!r} is not allowed (allowed: {allowed})", line)


def _check_imported_name(name: str, line: int | None) -> None:
    if name == "*":
        raise PolicyViolation("import", "'from ... import *' is not allowed", line)
    if name.startswith("_") or name in FORBIDDEN_ATTRIBUTES:
        raise PolicyViolation("import", f"importing {name!r} is not allowed", line)


def _check_name(name: str, line: int | None) -> None:
    if _is_dunder(name):
        raise PolicyViolation("dunder", f"dunder name {name!r}", line)
    if name in FORBIDDEN_NAMES:
        raise PolicyViolation("forbidden-name", f"{name!r} is not allowed", line)


def _check_attribute_name(attr: str, line: int | None) -> None:
    if _is_dunder(attr):
        raise PolicyViolation("dunder", f"dunder name {attr!r}", line)
    if attr.startswith(FORBIDDEN_ATTRIBUTE_PREFIXES) or attr in FORBIDDEN_ATTRIBUTES:
        raise PolicyViolation("attribute", f"attribute {attr!r} is not allowed", line)


def _check_attribute(node: ast.Attribute, line: int | None) -> None:
    attr = node.attr
    _check_attribute_name(attr, line)
    if not isinstance(node.ctx, ast.Load):
        # Assigning attributes could poison a shared module for other derivations.
        raise PolicyViolation("attribute-assignment", f"assigning or deleting '.{attr}' is not allowed", line)
    if attr == "format":
        receiver = node.value
        if not (isinstance(receiver, ast.Constant) and isinstance(receiver.value, str)):
            raise PolicyViolation("format", "'.format' is only allowed on a string literal", line)
        _check_format_string(receiver.value, line)


def _check_format_string(template: str, line: int | None) -> None:
    """Refuse ``{x.attr}`` and ``{x[key]}`` fields, also inside nested specs."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as e:
        raise PolicyViolation("format", f"malformed format string: {e}", line) from None
    for _, field, spec, _ in parsed:
        if field and ("." in field or "[" in field):
            raise PolicyViolation("format", f"format field {field!r} reaches into an object", line)
        if spec and "{" in spec:
            _check_format_string(spec, line)


def _exits(body: list[ast.stmt]) -> list[ast.stmt]:
    """return/break/continue statements in ``body``, not counting nested functions."""
    found: list[ast.stmt] = []
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Return, ast.Break, ast.Continue)):
            found.append(node)
        elif not isinstance(node, (ast.FunctionDef, ast.Lambda)):
            stack.extend(ast.iter_child_nodes(node))
    return found


def _is_dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__") and len(name) > 4
