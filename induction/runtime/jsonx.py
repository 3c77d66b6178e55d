"""JSON serialisation with no depth limit: ``orjson`` where it can, an iterative encoder where
it cannot.

``orjson.dumps`` refuses values nested deeper than 254 levels ("Recursion limit reached"),
while ``orjson.loads`` (what the proxy parses requests with) accepts 1024. A valid request
that deep must still be spooled and ingested, so the writers that serialise what a client
sent use :func:`dumps`. The fallback walks the value with an explicit stack and produces the
same bytes ``orjson`` would (compact, UTF-8, keys in order or sorted), so hashes and lines do
not depend on which path ran.

>>> deep = inner = {}
>>> for _ in range(600):
...     inner["a"] = {}
...     inner = inner["a"]
>>> out = dumps(deep)
>>> out.count(b"{") == 601 and out.startswith(b'{"a":{"a":')
True
>>> dumps({"b": [1, 2.5, None, True, "é"], "a": {}}, sort_keys=True) == orjson.dumps(
...     {"b": [1, 2.5, None, True, "é"], "a": {}}, option=orjson.OPT_SORT_KEYS)
True
"""

from __future__ import annotations

from typing import Any

import orjson

_RECURSION = "Recursion limit"


def dumps(obj: Any, *, sort_keys: bool = False) -> bytes:
    """``orjson.dumps(obj)`` (``OPT_SORT_KEYS`` with ``sort_keys``) for values of any depth."""
    try:
        return orjson.dumps(obj, option=orjson.OPT_SORT_KEYS if sort_keys else None)
    except orjson.JSONEncodeError as e:
        if _RECURSION not in str(e):
            raise
    return _dumps_iterative(obj, sort_keys)


def _dumps_iterative(obj: Any, sort_keys: bool) -> bytes:
    out: list[bytes] = []
    # A stack of work: a value to encode, or a literal chunk to emit.
    stack: list[tuple[bool, Any]] = [(False, obj)]
    while stack:
        is_chunk, item = stack.pop()
        if is_chunk:
            out.append(item)
            continue
        if isinstance(item, dict):
            keys = sorted(item) if sort_keys else list(item)
            for k in keys:
                if not isinstance(k, str):
                    raise orjson.JSONEncodeError("Dict key must be str")
            stack.append((True, b"}"))
            for i in range(len(keys) - 1, -1, -1):
                k = keys[i]
                stack.append((False, item[k]))
                stack.append((True, (b"," if i else b"") + orjson.dumps(k) + b":"))
            stack.append((True, b"{"))
        elif isinstance(item, list | tuple):
            stack.append((True, b"]"))
            for i in range(len(item) - 1, -1, -1):
                stack.append((False, item[i]))
                if i:
                    stack.append((True, b","))
            stack.append((True, b"["))
        else:
            out.append(orjson.dumps(item))
    return b"".join(out)
