"""Hydration: a message template plus bindings becomes an OpenAI message and a chat.completion.

Tool-call arguments are rendered as JSON (a ``$v`` number stays a number) and
serialised back to a JSON string; every tool call gets a fresh id
(``call_`` + 24 random alphanumerics) and every completion a fresh id
(``chatcmpl-rote-`` + 24). ``usage`` is an estimate, since no model ran:
``prompt_tokens`` is ~characters/4 of the request's message text and tool
calls; ``completion_tokens`` is the recorded count when the response template
carries one, else ~characters/4 of the hydrated message.

>>> from induction.runtime.template import MessageTemplate, Slot, TextTemplate
>>> t = MessageTemplate(role="assistant", content=TextTemplate(parts=("Hello, ", Slot(var="name"), "!")))
>>> hydrate_message(t, {"name": "Zed"})
{'role': 'assistant', 'content': 'Hello, Zed!'}
>>> body = completion_body(hydrate_message(t, {"name": "Zed"}), model="m", prompt_tokens=3)
>>> body["choices"][0]["message"]["content"], body["usage"]["total_tokens"]
('Hello, Zed!', 6)
"""

from __future__ import annotations

import os
import string
import time
from collections.abc import Mapping, Sequence
from typing import Any, Final

import orjson

from induction.runtime.errors import Miss
from induction.runtime.template import MessageTemplate, Scope, render_json

ID_ALPHABET: Final = string.ascii_letters + string.digits
_ID_TABLE: Final = bytes(ord(ID_ALPHABET[b % len(ID_ALPHABET)]) for b in range(256))


def random_id(n: int = 24) -> str:
    """``n`` random alphanumerics (from the OS's CSPRNG)."""
    return os.urandom(n).translate(_ID_TABLE).decode()


def hydrate_message(template: MessageTemplate, scope: Scope) -> dict[str, Any]:
    """The message ``template`` describes with ``scope``'s values; :class:`Miss` if a variable is unbound."""
    try:
        content = template.content.render(scope) if template.content is not None else ""
        calls = [(c.name, render_json(c.arguments, scope)) for c in template.tool_calls]
    except KeyError as e:
        raise Miss(f"variable {e.args[0]} is not bound") from None
    msg: dict[str, Any] = {"role": template.role, "content": content or None}
    if template.name:
        msg["name"] = template.name
    if calls:
        try:
            msg["tool_calls"] = [
                {"id": "call_" + random_id(), "type": "function",
                 "function": {"name": name, "arguments": orjson.dumps(args).decode()}}
                for name, args in calls
            ]
        except TypeError as e:  # orjson's error for a value it cannot write
            raise Miss(f"tool-call arguments are not JSON: {e}") from None
    return msg


def _chars(messages: Sequence[Mapping[str, Any]]) -> int:
    total = 0
    for m in messages:
        content = m.get("content")
        if isinstance(content, str):
            total += len(content)
        elif isinstance(content, list):
            total += sum(len(p.get("text") or "") for p in content if isinstance(p, Mapping))
        for c in m.get("tool_calls") or ():
            fn = c.get("function") if isinstance(c, Mapping) else None
            if isinstance(fn, Mapping):
                total += len(str(fn.get("name") or "")) + len(str(fn.get("arguments") or ""))
    return total


def estimate_tokens(messages: Sequence[Mapping[str, Any]]) -> int:
    """~characters/4 of messages' text and tool calls (at least 1 per message).

    >>> estimate_tokens([{"role": "user", "content": "x" * 40}])
    10
    """
    return max(-(-_chars(messages) // 4), len(messages))


def completion_body(message: dict[str, Any], *, model: Any, prompt_tokens: int,
                    completion_tokens: int | None = None, finish_reason: str = "stop",
                    created: int | None = None) -> dict[str, Any]:
    """A ``chat.completion`` body with one choice holding ``message``."""
    choice_msg = {"role": message["role"], "content": message.get("content"), "refusal": None}
    if message.get("tool_calls"):
        choice_msg["tool_calls"] = message["tool_calls"]
    if message.get("name"):
        choice_msg["name"] = message["name"]
    if completion_tokens is None:
        completion_tokens = estimate_tokens([message])
    return {
        "id": "chatcmpl-rote-" + random_id(),
        "object": "chat.completion",
        "created": int(time.time()) if created is None else created,
        "model": model,
        "choices": [{"index": 0, "message": choice_msg, "finish_reason": finish_reason, "logprobs": None}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    }
