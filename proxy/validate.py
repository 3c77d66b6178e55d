"""Reading a chat-completions request: body size, JSON, shape, rote headers, bypass rules.

Only what the proxy itself relies on is checked; everything else is the
upstream's business and is forwarded as sent.

>>> req = parse_chat(b'{"model": "m", "messages": [{"role": "user", "content": "hi"}]}')
>>> bypass_reason(req) is None, bypass_reason({**req, "n": 2})
(True, 'n')
>>> bypass_reason({"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {}}]}]})
'content:image_url'
>>> parse_chat(b'{"model": "m"}')
Traceback (most recent call last):
proxy.errors.ProxyError: 'messages' is required and must be a non-empty array
>>> cache_directives({"rote-cache": "No-Store"}), cache_directives({"rote-induction": "off"})
((False, True), (False, True))
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from starlette.requests import ClientDisconnect
from starlette.types import Receive, Scope

from proxy.callers import CREDENTIAL_HEADERS, NAMESPACE_HEADER, PROXY_KEY_HEADER
from proxy.errors import ProxyError

ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
# Parts the cache can match and answer; anything else (images, audio, files) bypasses it.
TEXT_PARTS = frozenset({"text", "refusal"})
BINDINGS_HEADERS = ("butter-bindings", "rote-bindings")  # later wins
CACHE_HEADER = "rote-cache"
CACHE_TOKENS = ("no-cache", "no-store")
# Per-request opt-outs of learning (answer, hit or forward, but never record), with the
# values each takes: (header, value that opts out, value that does not).
OPT_OUT_HEADERS = (("butter-disable-induction", "true", "false"), ("rote-induction", "off", "on"))
_OPT_OUT_1, _OPT_OUT_2 = (h for h, _, _ in OPT_OUT_HEADERS)
# Every header the chat endpoint reads, here and in ``Gate.identify`` (lower case, as ASGI gives them).
CHAT_HEADERS = frozenset(h.encode("latin-1") for h in (
    "content-length", CACHE_HEADER, *BINDINGS_HEADERS, *CREDENTIAL_HEADERS, NAMESPACE_HEADER, PROXY_KEY_HEADER,
    *(h for h, _, _ in OPT_OUT_HEADERS)))

# Top-level fields whose type the proxy checks: those it reads itself (stream, n, tools...)
# and those a hit ignores (sampling knobs, delivery options, token limits), which would
# otherwise be served from cache whatever they hold (``temperature: "hot"``). A miss
# would get the upstream's 400; a hit must not answer a request the model would refuse.
# ``type(v) in types``, not isinstance: a JSON true is not a number here.
_NUMBER = ((int, float), "a number")
_INTEGER = ((int,), "an integer")
_STRING = ((str,), "a string")
_BOOLEAN = ((bool,), "a boolean")
_OBJECT = ((dict,), "an object")
_ARRAY = ((list,), "an array")
FIELD_TYPES: dict[str, tuple[tuple[type, ...], str]] = {
    "stream": _BOOLEAN, "n": _INTEGER, "stream_options": _OBJECT, "tools": _ARRAY, "modalities": _ARRAY,
    "temperature": _NUMBER, "top_p": _NUMBER, "top_k": _INTEGER, "min_p": _NUMBER, "seed": _INTEGER,
    "presence_penalty": _NUMBER, "frequency_penalty": _NUMBER,
    "max_tokens": _INTEGER, "max_completion_tokens": _INTEGER, "logprobs": _BOOLEAN, "top_logprobs": _INTEGER,
    "store": _BOOLEAN, "metadata": _OBJECT, "user": _STRING, "safety_identifier": _STRING,
    "prompt_cache_key": _STRING, "service_tier": _STRING, "timeout": _NUMBER,
}
_field_type = FIELD_TYPES.get


async def read_body(receive: Receive, limit: int, length: str | None) -> bytes:
    """The whole body, refusing (413) one over ``limit`` bytes without reading it all."""
    if length is not None and length.isdigit() and int(length) > limit:
        raise ProxyError(413, f"the request body is larger than the limit of {limit} bytes",
                         code="request_too_large")
    # Straight from ``receive``: ``Request.stream()`` costs more than the rest of parsing a hit.
    body = b""
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientDisconnect()
        chunk: bytes = message.get("body", b"")
        body += chunk
        if len(body) > limit:
            raise ProxyError(413, f"the request body is larger than the limit of {limit} bytes",
                             code="request_too_large")
        if not message.get("more_body", False):
            return body


def header_map(scope: Scope) -> dict[str, str]:
    """The request headers the chat endpoint reads (``CHAT_HEADERS``) as a plain dict (last
    value wins), read once: each ``Headers.get`` is a linear scan, and the hot path asks for
    several. Only those are decoded: on a hit, decoding them all cost as much as the checks."""
    return {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"] if k in CHAT_HEADERS}


def _bad(message: str, param: str | None = None) -> ProxyError:
    return ProxyError(400, message, param=param)


def parse_chat(body: bytes, *, require_model: bool = True) -> dict[str, Any]:
    try:
        req = orjson.loads(body)
    except orjson.JSONDecodeError as e:
        raise _bad(f"the body is not valid JSON ({e.msg})") from None
    if not isinstance(req, dict):
        raise _bad("the body must be a JSON object")
    msgs = req.get("messages")
    if not isinstance(msgs, list) or not msgs:
        raise _bad("'messages' is required and must be a non-empty array", "messages")
    for i, m in enumerate(msgs):
        problem = _message_problem(m)
        if problem is not None:
            where = f"messages[{i}]"
            raise _bad(where + problem[0], where + problem[1])
    model = req.get("model")
    if model is None and require_model:
        raise _bad("'model' is required", "model")
    if model is not None and not isinstance(model, str):
        raise _bad("'model' must be a string", "model")
    # One pass over the request's own keys (a handful) rather than a lookup per checked field:
    # ~0.5 µs for a typical request, no more than the four fixed lookups it replaced.
    for key, value in req.items():
        if value is not None:
            expected = _field_type(key)
            if expected is not None and type(value) not in expected[0]:
                raise _bad(f"'{key}' must be {expected[1]}", key)
    n = req.get("n")
    if n is not None and n < 1:  # a hit would answer one choice to a request for none
        raise _bad("'n' must be at least 1", "n")
    return req


def _message_problem(m: Any) -> tuple[str, str] | None:
    """What is wrong with a message, as (message, param) suffixes to its location, or None.
    (Not formatted here: most messages are fine, and the hot path would pay for it.)"""
    if not isinstance(m, dict):
        return " must be an object", ""
    role = m.get("role")
    # A list or object role is unhashable: test the type before the set.
    if type(role) is not str or role not in ROLES:
        return f".role must be one of {', '.join(sorted(ROLES))}", ".role"
    content = m.get("content")
    if isinstance(content, list):
        for j, part in enumerate(content):
            if not isinstance(part, dict) or not isinstance(part.get("type"), str):
                return f".content[{j}] must be an object with a 'type'", ".content"
    elif content is not None and not isinstance(content, str):
        return ".content must be a string, an array of parts, or null", ".content"
    calls = m.get("tool_calls")
    if calls is not None and not isinstance(calls, list):
        return ".tool_calls must be an array", ".tool_calls"
    return None


def bypass_reason(req: dict[str, Any]) -> str | None:
    """Why the cache cannot answer this request, or None if it can try."""
    n = req.get("n")
    if n is not None and n > 1:
        return "n"
    if req.get("logprobs") or req.get("top_logprobs") is not None:
        return "logprobs"
    modalities = req.get("modalities")
    if req.get("audio") is not None or (modalities and any(m != "text" for m in modalities)):
        return "audio"
    if req.get("web_search_options") is not None:
        return "web_search"
    for m in req["messages"]:
        content = m.get("content")
        if isinstance(content, list):
            for part in content:
                if part["type"] not in TEXT_PARTS:
                    return f"content:{part['type']}"
    return None


def cache_directives(headers: Mapping[str, str]) -> tuple[bool, bool]:
    """(no_cache: skip the lookup, no_store: do not record) from ``Rote-Cache`` and the
    opt-outs of learning (``Butter-Disable-Induction: true``, ``Rote-Induction: off``, which
    mean no-store). A value the proxy does not know is a 400 naming the ones it does: a
    typo must not record a request its sender meant to keep out of the spool."""
    if CACHE_HEADER not in headers and _OPT_OUT_1 not in headers and _OPT_OUT_2 not in headers:
        return False, False  # the usual case, on the hot path: three lookups, no loop
    no_cache = no_store = False
    value = headers.get(CACHE_HEADER)
    if value is not None:
        for token in value.split(","):
            t = token.strip().lower()
            if t == "no-cache":
                no_cache = True
            elif t == "no-store":
                no_store = True
            elif t:
                raise _bad(f"unknown Rote-Cache value {token.strip()!r}; allowed: {', '.join(CACHE_TOKENS)} "
                           "(comma-separated)", "Rote-Cache")
    for name, off, on in OPT_OUT_HEADERS:
        value = headers.get(name)
        if value is None:
            continue
        v = value.strip().lower()
        if v == off:
            no_store = True
        elif v != on:
            title = "-".join(w.capitalize() for w in name.split("-"))
            raise _bad(f"the {title} header must be {off!r} or {on!r}, not {value.strip()!r}", title)
    return no_cache, no_store


def bindings(headers: Mapping[str, str]) -> dict[str, Any] | None:
    """User-declared variables from ``Rote-Bindings`` (or ``Butter-Bindings``): a JSON object."""
    out: dict[str, Any] | None = None
    for name in BINDINGS_HEADERS:
        raw = headers.get(name)
        if raw is None:
            continue
        try:
            # Header values arrive as latin-1; clients send UTF-8 JSON.
            value = orjson.loads(raw.encode("latin-1"))
        except (orjson.JSONDecodeError, UnicodeEncodeError):
            value = None
        if not isinstance(value, dict):
            raise _bad(f"the {name} header must be a JSON object", name)
        out = {**(out or {}), **value}
    return out
