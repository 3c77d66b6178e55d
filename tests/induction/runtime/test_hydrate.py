from __future__ import annotations

import re

import orjson
import pytest

from induction.runtime.errors import Miss
from induction.runtime.hydrate import completion_body, estimate_tokens, hydrate_message
from induction.runtime.template import MessageTemplate, Slot, TextTemplate, ToolCallTemplate

CALL = MessageTemplate(role="assistant", content=None, tool_calls=(
    ToolCallTemplate(name="get_weather", arguments={"city": {"$v": "city"}, "days": {"$v": "days"},
                                                    "label": {"$t": ["in ", {"var": "city"}]},
                                                    "raw": {"$lit": {"$v": "not a var"}}}),
    ToolCallTemplate(name="noop", arguments={}),
))


def test_tool_calls_are_json_typed_with_fresh_ids() -> None:
    msg = hydrate_message(CALL, {"city": "Boston", "days": 3})
    assert msg["role"] == "assistant" and msg["content"] is None
    calls = msg["tool_calls"]
    args = orjson.loads(calls[0]["function"]["arguments"])
    assert args == {"city": "Boston", "days": 3, "label": "in Boston", "raw": {"$v": "not a var"}}
    assert type(args["days"]) is int
    assert calls[1]["function"] == {"name": "noop", "arguments": "{}"}
    ids = {c["id"] for c in calls} | {c["id"] for c in hydrate_message(CALL, {"city": "x", "days": 1})["tool_calls"]}
    assert len(ids) == 4
    assert all(re.fullmatch(r"call_[A-Za-z0-9]{24}", i) for i in ids)


def test_unbound_variable_is_a_miss() -> None:
    with pytest.raises(Miss, match="city"):
        hydrate_message(CALL, {"days": 3})


def test_text_and_name() -> None:
    t = MessageTemplate(role="assistant", name="bot", content=TextTemplate(parts=("n=", Slot(var="n"))))
    assert hydrate_message(t, {"n": 1.5}) == {"role": "assistant", "content": "n=1.5", "name": "bot"}


def test_completion_body_shape() -> None:
    msg = hydrate_message(CALL, {"city": "Boston", "days": 3})
    body = completion_body(msg, model="gpt-x", prompt_tokens=10, finish_reason="tool_calls", created=5)
    assert re.fullmatch(r"chatcmpl-rote-[A-Za-z0-9]{24}", body["id"])
    assert body["object"] == "chat.completion" and body["created"] == 5 and body["model"] == "gpt-x"
    choice = body["choices"][0]
    assert choice["index"] == 0 and choice["finish_reason"] == "tool_calls" and choice["logprobs"] is None
    assert choice["message"]["refusal"] is None and choice["message"]["tool_calls"] == msg["tool_calls"]
    usage = body["usage"]
    assert usage["prompt_tokens"] == 10 and usage["total_tokens"] == 10 + usage["completion_tokens"] > 10
    other = completion_body(msg, model="gpt-x", prompt_tokens=10)
    assert other["id"] != body["id"]
    assert "tool_calls" not in completion_body({"role": "assistant", "content": "hi"}, model="m",
                                               prompt_tokens=1)["choices"][0]["message"]


def test_token_estimate() -> None:
    assert estimate_tokens([{"role": "user", "content": "x" * 41}]) == 11
    assert estimate_tokens([{"role": "user", "content": ""}, {"role": "user", "content": None}]) == 2
    parts = [{"role": "user", "content": [{"type": "text", "text": "x" * 8}]}]
    assert estimate_tokens(parts) == 2
