"""The one canonical message hash, shared by the store, the tree, the runtime and evals.

A message's identity is its role, name, text content and tool calls with parsed
arguments. Tool-call ids (random per run) and ``tool_call_id`` are left out, and
JSON key order does not matter.

>>> a = {"role": "assistant", "tool_calls": [{"id": "call_1", "type": "function",
...      "function": {"name": "f", "arguments": '{"x": 1, "y": 2}'}}]}
>>> b = {"role": "assistant", "content": None, "tool_calls": [{"id": "call_9", "type": "function",
...      "function": {"name": "f", "arguments": '{"y": 2, "x": 1}'}}]}
>>> message_hash(a) == message_hash(b)
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

import orjson

from induction.runtime import jsonx

HASH_BYTES = 16


def _parse_args(arguments: Any) -> Any:
    if isinstance(arguments, str):
        try:
            return orjson.loads(arguments)
        except orjson.JSONDecodeError:
            return arguments  # keep unparseable arguments as their raw string
    return arguments


def canonical_content(content: Any) -> Any:
    """A string stays a string; a list of only text parts becomes their joined text
    (what the model sees); other parts stay as sorted-key objects."""
    if isinstance(content, list):
        if all(isinstance(p, Mapping) and p.get("type") == "text" for p in content):
            return "".join(str(p.get("text") or "") for p in content)
        return [dict(p) if isinstance(p, Mapping) else p for p in content]
    return content


def canonical_message(msg: Mapping[str, Any]) -> dict[str, Any]:
    """The parts of a message that identify it (see module docstring)."""
    out: dict[str, Any] = {"role": msg.get("role")}
    content = canonical_content(msg.get("content"))
    if content not in (None, ""):
        out["content"] = content
    if msg.get("name"):
        out["name"] = msg["name"]
    calls = msg.get("tool_calls")
    if calls:
        out["tool_calls"] = [
            {
                "name": (c.get("function") or {}).get("name"),
                "arguments": _parse_args((c.get("function") or {}).get("arguments")),
            }
            for c in calls
        ]
    fc = msg.get("function_call")  # legacy single function call
    if fc:
        out["function_call"] = {"name": fc.get("name"), "arguments": _parse_args(fc.get("arguments"))}
    return out


def canonical_bytes(msg: Mapping[str, Any]) -> bytes:
    return jsonx.dumps(canonical_message(msg), sort_keys=True)  # any depth (jsonx)


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=HASH_BYTES).hexdigest()


def message_hash(msg: Mapping[str, Any]) -> str:
    """Hex digest of :func:`canonical_message`."""
    return digest(canonical_bytes(msg))


def root_id(namespace: str) -> str:
    """The id of a namespace's (virtual) tree root."""
    return digest(b"root\x00" + namespace.encode())


def child_id(parent_id: str, msg_hash: str) -> str:
    """Node ids are content addresses: the same context gives the same node in every run."""
    return digest(bytes.fromhex(parent_id) + bytes.fromhex(msg_hash))


def path_ids(namespace: str, hashes: Iterable[str]) -> list[str]:
    """Node ids along a context, first message first.

    >>> ids = path_ids("default", [message_hash({"role": "user", "content": "hi"})])
    >>> len(ids), len(ids[0])
    (1, 32)
    """
    out: list[str] = []
    parent = root_id(namespace)
    for h in hashes:
        parent = child_id(parent, h)
        out.append(parent)
    return out


# Request fields that cannot change what the right answer is: the messages themselves
# (matched by the tree), sampling knobs (temperature, top_p, top_k, min_p, seed: a cached
# answer is one good sample), delivery (stream, store, service tier, metadata, user) and a
# token limit (checked per answer at lookup, ``runtime.lookup``). **Every other field is
# part of the key**: a setting rote does not know (``reasoning_effort``, ``verbosity``, a
# server's ``guided_json``...) may change the answer, so a request with it is answered
# only from records made with it.
IGNORED_FIELDS = frozenset({
    "messages", "temperature", "top_p", "top_k", "min_p", "seed", "n", "stream", "stream_options", "store",
    "metadata", "user", "safety_identifier", "prompt_cache_key", "service_tier", "max_tokens",
    "max_completion_tokens", "logprobs", "top_logprobs", "timeout"})


def request_key(request: Mapping[str, Any]) -> str:
    """Digest of the request settings a cached answer is valid for.

    >>> request_key({"model": "m", "temperature": 0}) == request_key({"model": "m", "temperature": 1})
    True
    >>> request_key({"model": "m"}) == request_key({"model": "other"})
    False
    >>> request_key({"model": "m"}) == request_key({"model": "m", "reasoning_effort": "low"})
    False
    """
    key = {f: v for f, v in request.items() if f not in IGNORED_FIELDS and v is not None}
    return digest(jsonx.dumps(key, sort_keys=True))
