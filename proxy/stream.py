"""Server-sent events both ways: a cached ``chat.completion`` as the chunk stream
OpenAI would have sent, and an upstream's chunk stream back into one completion.

>>> done = {"id": "c1", "object": "chat.completion", "created": 1, "model": "m",
...         "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
...                      "message": {"role": "assistant", "content": "Hello, Zed!", "refusal": None}}],
...         "usage": {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7}}
>>> sse = completion_to_sse(done, include_usage=True, chunk_chars=4)
>>> sse.count(b"data: "), sse.endswith(b"data: [DONE]\\n\\n")
(6, True)
>>> back = reassemble_sse(sse)
>>> back["choices"][0]["message"]["content"], back["usage"]["total_tokens"], back["object"]
('Hello, Zed!', 7, 'chat.completion')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import orjson

DONE = b"data: [DONE]\n\n"
_PIECES = re.compile(r"\S*\s*")


def _event(obj: dict[str, Any]) -> bytes:
    return b"data: " + orjson.dumps(obj) + b"\n\n"


def split_text(text: str, size: int) -> Iterator[str]:
    """Pieces of about ``size`` characters, cut after whitespace where possible.

    >>> list(split_text("one two three", 5))
    ['one two ', 'three']
    """
    buf = ""
    for m in _PIECES.finditer(text):
        word = m.group()
        while len(word) > size * 2:  # a very long word is cut anyway
            if buf:
                yield buf
                buf = ""
            yield word[:size]
            word = word[size:]
        buf += word
        if len(buf) >= size:
            yield buf
            buf = ""
    if buf:
        yield buf


def completion_to_sse(completion: dict[str, Any], *, include_usage: bool, chunk_chars: int = 24) -> bytes:
    """The whole event stream (ending in ``[DONE]``) for one completion with one choice."""
    head: dict[str, Any] = {k: completion[k] for k in ("id", "created", "model") if k in completion}
    head["object"] = "chat.completion.chunk"
    if completion.get("system_fingerprint") is not None:
        head["system_fingerprint"] = completion["system_fingerprint"]
    if include_usage:
        head["usage"] = None
    choice = completion["choices"][0]
    msg = choice.get("message") or {}
    content = msg.get("content")
    calls = msg.get("tool_calls") or []
    out: list[bytes] = []

    def delta(d: dict[str, Any], finish: str | None = None) -> None:
        out.append(_event({**head, "choices": [{"index": 0, "delta": d, "logprobs": None, "finish_reason": finish}]}))

    first: dict[str, Any] = {"role": "assistant", "content": "" if content or not calls else None}
    if msg.get("refusal") is None:
        first["refusal"] = None
    delta(first)
    if content:
        for piece in split_text(content, chunk_chars):
            delta({"content": piece})
    if msg.get("refusal"):
        for piece in split_text(msg["refusal"], chunk_chars):
            delta({"refusal": piece})
    for i, call in enumerate(calls):
        fn = call.get("function") or {}
        delta({"tool_calls": [{"index": i, "id": call.get("id"), "type": call.get("type", "function"),
                               "function": {"name": fn.get("name"), "arguments": ""}}]})
        for piece in split_text(fn.get("arguments") or "", chunk_chars):
            delta({"tool_calls": [{"index": i, "function": {"arguments": piece}}]})
    delta({}, choice.get("finish_reason") or "stop")
    if include_usage:
        out.append(_event({**head, "choices": [], "usage": completion.get("usage")}))
    out.append(DONE)
    return b"".join(out)


def iter_sse_data(raw: bytes) -> Iterator[bytes]:
    """The ``data`` payload of each event (multi-line data joined by newlines)."""
    for block in re.split(rb"\r?\n\r?\n", raw):
        lines = [ln[5:].lstrip(b" ") if ln.startswith(b"data:") else None for ln in block.splitlines()]
        data = [ln for ln in lines if ln is not None]
        if data:
            yield b"\n".join(data)


def reassemble_sse(raw: bytes) -> dict[str, Any] | None:
    """The ``chat.completion`` a complete chunk stream amounts to; None if the stream
    is not one (an error event, no ``[DONE]``, or a choice without ``finish_reason``)."""
    head: dict[str, Any] = {}
    choices: dict[int, dict[str, Any]] = {}
    usage: Any = None
    done = False
    for data in iter_sse_data(raw):
        if data.strip() == b"[DONE]":
            done = True
            break
        try:
            chunk = orjson.loads(data)
        except orjson.JSONDecodeError:
            return None
        if not isinstance(chunk, dict) or "error" in chunk:
            return None
        for k in ("id", "created", "model", "system_fingerprint", "service_tier"):
            if chunk.get(k) is not None:
                head.setdefault(k, chunk[k])
        if chunk.get("usage"):
            usage = chunk["usage"]
        for c in chunk.get("choices") or []:
            _merge_choice(choices.setdefault(int(c.get("index", 0)), {"message": {}, "calls": {}}), c)
    if not done or not choices or any(c.get("finish_reason") is None for c in choices.values()):
        return None
    out: dict[str, Any] = {"id": head.get("id"), "object": "chat.completion", "created": head.get("created"),
                           "model": head.get("model"), "choices": []}
    for k in ("system_fingerprint", "service_tier"):
        if k in head:
            out[k] = head[k]
    for i in sorted(choices):
        c = choices[i]
        msg = {"role": "assistant", "content": None, "refusal": None, **c["message"]}
        if c["calls"]:
            msg["tool_calls"] = [c["calls"][j] for j in sorted(c["calls"])]
        out["choices"].append({"index": i, "message": msg, "logprobs": None, "finish_reason": c["finish_reason"]})
    if usage is not None:
        out["usage"] = usage
    return out


def _merge_choice(acc: dict[str, Any], chunk: dict[str, Any]) -> None:
    d = chunk.get("delta") or {}
    msg = acc["message"]
    if d.get("role"):
        msg["role"] = d["role"]
    for k in ("content", "refusal"):
        if d.get(k):
            msg[k] = (msg.get(k) or "") + d[k]
    for tc in d.get("tool_calls") or []:
        call = acc["calls"].setdefault(int(tc.get("index", 0)),
                                       {"id": None, "type": "function", "function": {"name": "", "arguments": ""}})
        if tc.get("id"):
            call["id"] = tc["id"]
        if tc.get("type"):
            call["type"] = tc["type"]
        fn = tc.get("function") or {}
        if fn.get("name"):
            call["function"]["name"] += fn["name"]
        if fn.get("arguments"):
            call["function"]["arguments"] += fn["arguments"]
    if chunk.get("finish_reason") is not None:
        acc["finish_reason"] = chunk["finish_reason"]
