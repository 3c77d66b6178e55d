"""Request settings that can change the answer: stop sequences, biases and token limits."""

from __future__ import annotations

from typing import Any

from induction.hashing import request_key
from induction.runtime.compiled import compile_tree
from induction.runtime.nodes import ResponseTemplate, TemplateNode
from induction.runtime.template import MessageTemplate, Slot, TextTemplate

ASK = {"model": "m", "messages": [{"role": "user", "content": "Say hello to Zed."}]}


def tree(usage: dict[str, int] | None = None, keys: tuple[str, ...] = ()) -> Any:
    node = TemplateNode(
        id="n", parent=None,
        template=MessageTemplate(role="user", content=TextTemplate(parts=("Say hello to ", Slot(var="name"), "."))),
        response=ResponseTemplate(message=MessageTemplate(role="assistant", content=TextTemplate(
            parts=("Hello, ", Slot(var="name"), "! How are you today?"))), usage=usage, request_keys=keys))
    return compile_tree([node], created_at="2026-01-01T00:00:00Z")


def test_stop_sequences_biases_and_penalties_are_part_of_the_settings() -> None:
    base = request_key(ASK)
    for field, value in (("stop", ["!"]), ("logit_bias", {"1": -100}), ("presence_penalty", 1.0),
                         ("frequency_penalty", 0.5)):
        assert request_key({**ASK, field: value}) != base, field
    assert request_key({**ASK, "temperature": 0.7, "seed": 3, "max_tokens": 5}) == base
    t = tree(keys=(base,))
    assert t.lookup(ASK) is not None
    e = t.explain({**ASK, "stop": ["!"]})  # the model would have stopped at "Hello, Zed"
    assert e.hit is None and "other request settings" in (e.reason or "")


def test_an_answer_longer_than_the_token_limit_is_a_miss() -> None:
    t = tree()
    assert t.lookup({**ASK, "max_tokens": 200}) is not None
    assert t.lookup({**ASK, "max_completion_tokens": 200}) is not None
    e = t.explain({**ASK, "max_tokens": 4})  # cut short, finish_reason "length"
    assert e.hit is None and "token limit 4" in (e.reason or "")
    # No recorded usage: 1.5 x cl100k's 10 tokens + 4 (runtime.tokens_limit); see
    # tests/induction/runtime/test_tokens_limit.py for recorded and calibrated counts.
    assert t.lookup({**ASK, "max_tokens": 19}) is not None
    assert t.lookup({**ASK, "max_tokens": 18}) is None
    # Recorded usage says more tokens than the limit: a miss whatever the length.
    e = tree(usage={"completion_tokens": 40}).explain({**ASK, "max_tokens": 30})
    assert e.hit is None and "40 tokens" in (e.reason or "")


def test_results_of_parallel_calls_out_of_call_order_are_a_miss() -> None:
    calls = [{"id": i, "type": "function", "function": {"name": "get_temp", "arguments": f'{{"city": "{c}"}}'}}
             for i, c in (("a", "Dublin"), ("b", "Prague"))]

    def ask(order: tuple[str, str]) -> dict[str, Any]:
        temps = {"a": "14 C", "b": "35 C"}
        return {"model": "m", "messages": [
            {"role": "user", "content": "Say hello to Zed."},
            {"role": "assistant", "content": None, "tool_calls": calls},
            *({"role": "tool", "tool_call_id": i, "content": temps[i]} for i in order)]}

    t = tree()
    assert "not in the order" not in (t.explain(ask(("a", "b"))).reason or "")
    e = t.explain(ask(("b", "a")))  # Prague's result first: read by position, it would be Dublin's
    assert e.hit is None and e.reason == "message 3: tool results are not in the order of their calls"


def test_settings_rote_does_not_know_are_part_of_the_key() -> None:
    base = request_key(ASK)
    for field, value in (("reasoning_effort", "low"), ("verbosity", "low"), ("guided_json", {"type": "object"}),
                         ("chat_template_kwargs", {"enable_thinking": True}), ("prediction", {"type": "content"})):
        assert request_key({**ASK, field: value}) != base, field
    for field, value in (("stream", True), ("stream_options", {"include_usage": True}), ("user", "u1"),
                         ("metadata", {"a": "b"}), ("store", True), ("service_tier", "flex"), ("top_k", 5)):
        assert request_key({**ASK, field: value}) == base, field
