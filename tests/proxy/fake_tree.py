"""A stand-in for the compiled tree: regex templates over the last user message.

Artifact: ``{"templates": [{"namespace", "node_id", "pattern", "reply", "tool"?, "raise"?}]}``;
anything else is refused with ``TemplateError`` like a broken compiled tree.
"""

from __future__ import annotations

import re
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

import orjson

from induction.publish import Publisher
from rote.errors import TemplateError


@dataclass
class FakeHit:
    node_id: str
    path: list[str]
    bindings: dict[str, Any]
    response: dict[str, Any]


@dataclass
class FakeTree:
    templates: list[dict[str, Any]]
    calls: list[str] = field(default_factory=list)

    def lookup(self, request: dict[str, Any], namespace: str = "default",
               disabled: set[str] | None = None) -> FakeHit | None:
        last = next((m for m in reversed(request["messages"]) if m.get("role") == "user"), None)
        text = last.get("content") if last else None
        if not isinstance(text, str):
            return None
        for t in self.templates:
            if t["namespace"] != namespace or (disabled and t["node_id"] in disabled):
                continue
            m = re.fullmatch(t["pattern"], text)
            if m is None:
                continue
            if t.get("raise"):
                raise ValueError("derivation failed")
            b = m.groupdict()
            msg: dict[str, Any] = {"role": "assistant", "content": t["reply"].format(**b), "refusal": None}
            finish = "stop"
            if t.get("tool") and request.get("tools"):
                msg = {"role": "assistant", "content": None, "refusal": None, "tool_calls": [
                    {"id": "call_" + secrets.token_hex(8), "type": "function",
                     "function": {"name": t["tool"], "arguments": orjson.dumps(b).decode()}}]}
                finish = "tool_calls"
            return FakeHit(t["node_id"], ["root-" + t["node_id"], t["node_id"]], b, {
                "id": "chatcmpl-tree", "object": "chat.completion", "created": int(time.time()),
                "model": request.get("model"),
                "choices": [{"index": 0, "message": msg, "logprobs": None, "finish_reason": finish}],
                "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}})
        return None

    def node(self, node_id: str) -> Any:
        raise KeyError(node_id)


def load_fake(data: bytes) -> FakeTree:
    try:
        obj = orjson.loads(data)
        return FakeTree(list(obj["templates"]))
    except (orjson.JSONDecodeError, KeyError, TypeError) as e:
        raise TemplateError(f"broken fake tree: {e}") from e


HELLO = {"namespace": "default", "node_id": "n-hello", "pattern": r"Say hello to (?P<name>[^.]+)\.",
         "reply": "Hello, {name}!", "tool": "greet"}


def publish_fake(url: str, *templates: dict[str, Any]) -> str:
    return Publisher(url).publish(orjson.dumps({"templates": list(templates or [HELLO])})).version
