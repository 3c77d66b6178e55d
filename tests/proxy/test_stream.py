"""Hits as chunk streams the openai SDK accepts; upstream streams reassembled into completions."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from openai.types.chat import ChatCompletion, ChatCompletionChunk

from proxy.stream import completion_to_sse, iter_sse_data, reassemble_sse, split_text


def completion(msg: dict[str, Any], finish: str = "stop") -> dict[str, Any]:
    return {"id": "chatcmpl-1", "object": "chat.completion", "created": 5, "model": "m",
            "choices": [{"index": 0, "message": {"role": "assistant", "refusal": None, **msg}, "logprobs": None,
                         "finish_reason": finish}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}}


TOOLS = completion({"content": None, "tool_calls": [
    {"id": "call_a", "type": "function", "function": {"name": "read", "arguments": '{"path": "/data/a.txt"}'}},
    {"id": "call_b", "type": "function", "function": {"name": "list", "arguments": "{}"}}]}, "tool_calls")
TEXT = completion({"content": "A longer answer, with several words in it.\nAnd a second line."})


@pytest.mark.parametrize("done", [TEXT, TOOLS], ids=["text", "tools"])
@pytest.mark.parametrize("usage", [False, True])
def test_chunks_validate_and_round_trip(done: dict[str, Any], usage: bool) -> None:
    sse = completion_to_sse(done, include_usage=usage, chunk_chars=6)
    events = list(iter_sse_data(sse))
    assert events[-1] == b"[DONE]"
    chunks = [ChatCompletionChunk.model_validate(orjson.loads(e)) for e in events[:-1]]
    assert chunks[0].choices[0].delta.role == "assistant"
    finals = [c for c in chunks if c.choices and c.choices[0].finish_reason]
    assert len(finals) == 1 and finals[0].choices[0].delta.model_dump(exclude_none=True) == {}
    if usage:
        assert chunks[-1].choices == [] and chunks[-1].usage is not None
        assert all(c.usage is None for c in chunks[:-1])
    back = reassemble_sse(sse)
    assert back is not None
    ChatCompletion.model_validate(back)
    assert back["choices"][0]["message"] == done["choices"][0]["message"]
    assert back["choices"][0]["finish_reason"] == done["choices"][0]["finish_reason"]
    assert (back.get("usage") is not None) == usage


def test_tool_call_deltas_have_openai_shape() -> None:
    deltas = [orjson.loads(e)["choices"][0]["delta"] for e in iter_sse_data(
        completion_to_sse(TOOLS, include_usage=False, chunk_chars=6)) if e != b"[DONE]"]
    starts = [d["tool_calls"][0] for d in deltas if d.get("tool_calls") and "id" in d["tool_calls"][0]]
    assert starts == [
        {"index": 0, "id": "call_a", "type": "function", "function": {"name": "read", "arguments": ""}},
        {"index": 1, "id": "call_b", "type": "function", "function": {"name": "list", "arguments": ""}},
    ]
    rest = [d["tool_calls"][0] for d in deltas if d.get("tool_calls") and "id" not in d["tool_calls"][0]]
    assert all(set(tc) == {"index", "function"} and set(tc["function"]) == {"arguments"} for tc in rest)
    assert deltas[0]["content"] is None


def test_reassembly_refuses_incomplete_streams() -> None:
    sse = completion_to_sse(TEXT, include_usage=False)
    assert reassemble_sse(sse.removesuffix(b"data: [DONE]\n\n")) is None
    cut = b"".join(s + b"\n\n" for s in sse.split(b"\n\n")[:3]) + b"data: [DONE]\n\n"
    assert reassemble_sse(cut) is None  # no finish_reason
    assert reassemble_sse(sse.replace(b"data: [DONE]", b'data: {"error": {"message": "x"}}\n\ndata: [DONE]')) is None


def test_reassembly_tolerates_wire_variants() -> None:
    sse = completion_to_sse(TEXT, include_usage=True).replace(b"\n\n", b"\r\n\r\n").replace(b"data: ", b"data:")
    sse = b": keep-alive comment\r\n\r\n" + sse
    back = reassemble_sse(sse)
    assert back is not None and back["choices"][0]["message"]["content"] == TEXT["choices"][0]["message"]["content"]


def test_split_text_keeps_every_character() -> None:
    text = "x" * 100 + " short words here\n\nand  spaces"
    pieces = list(split_text(text, 8))
    assert "".join(pieces) == text and max(map(len, pieces)) <= 16
