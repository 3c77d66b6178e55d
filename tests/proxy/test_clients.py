"""The official openai SDK (strict validation) and litellm as clients, over real HTTP."""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any

import openai
import pytest

from rote.config import Home
from tests.proxy.conftest import ProxyFactory, hello, spool_lines
from tests.proxy.trees import TOOLS


def client(url: str, key: str = "sk-test") -> openai.OpenAI:
    return openai.OpenAI(base_url=url + "/v1", api_key=key, max_retries=0, _strict_response_validation=True)


def test_sync_hit_and_miss(make_proxy: ProxyFactory, hello_tree: str) -> None:
    with make_proxy() as (url, _):
        c = client(url)
        raw = c.chat.completions.with_raw_response.create(**hello("Zed"))
        hit = raw.parse()
        assert raw.headers["x-cache"] == "HIT" and raw.headers["x-rote-node"] == "hello-default"
        assert hit.choices[0].message.content == "Hello, Zed!" and hit.id.startswith("chatcmpl-rote-")
        raw = c.chat.completions.with_raw_response.create(
            model="gpt-4o-mini", messages=[{"role": "user", "content": "What time is it?"}])
        assert raw.headers["x-cache"] == "MISS"
        assert raw.parse().choices[0].message.content == "echo: What time is it?"


def test_stream_hit_text(make_proxy: ProxyFactory, hello_tree: str) -> None:
    with make_proxy(sse_chunk_chars=4) as (url, _), client(url).chat.completions.with_streaming_response.create(
            **hello("Ada Lovelace"), stream=True, stream_options={"include_usage": True}) as resp:
        assert resp.headers["x-cache"] == "HIT"
        chunks = list(resp.parse())
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == "Hello, Ada Lovelace!"
    assert sum(1 for c in chunks if c.choices and c.choices[0].delta.content) > 2  # split into pieces
    assert [c.choices[0].finish_reason for c in chunks if c.choices][-1] == "stop"
    assert chunks[-1].choices == [] and chunks[-1].usage is not None
    assert all(c.usage is None for c in chunks[:-1])
    assert len({c.id for c in chunks}) == 1


@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize("name", ["Zed", "Nobody Known"])
def test_tool_calls_hit_and_miss(make_proxy: ProxyFactory, hello_tree: str, stream: bool, name: str) -> None:
    req = hello(name, tools=TOOLS)
    if name == "Nobody Known":  # not covered by the tree: a miss served by the stub
        req["messages"][-1]["content"] = f"Please say hello to {name}."
    with make_proxy() as (url, _):
        c = client(url)
        if stream:
            with c.chat.completions.with_streaming_response.create(**req, stream=True) as resp:
                cache = resp.headers["x-cache"]
                chunks = list(resp.parse())
            calls = [tc for ch in chunks for tc in (ch.choices[0].delta.tool_calls or []) if ch.choices]
            assert calls[0].index == 0 and calls[0].id and calls[0].function and calls[0].function.name
            args = "".join(tc.function.arguments or "" for tc in calls if tc.function)
            finish = [ch.choices[0].finish_reason for ch in chunks if ch.choices][-1]
        else:
            raw = c.chat.completions.with_raw_response.create(**req)
            cache = raw.headers["x-cache"]
            msg = raw.parse().choices[0]
            assert msg.message.tool_calls
            call = msg.message.tool_calls[0]
            assert call.type == "function"
            args, finish = call.function.arguments, msg.finish_reason
    assert finish == "tool_calls"
    if name == "Zed":
        assert cache == "HIT" and json.loads(args) == {"name": "Zed"}
    else:
        assert cache == "MISS" and '"city"' in args


def test_async_client_concurrent(make_proxy: ProxyFactory, hello_tree: str) -> None:
    async def main(url: str) -> list[str]:
        async with openai.AsyncOpenAI(base_url=url + "/v1", api_key="k", max_retries=0,
                                      _strict_response_validation=True) as c:
            async def one(i: int) -> str:
                if i % 2:
                    stream = await c.chat.completions.create(**hello(f"P{i}"), stream=True)
                    return "".join([ch.choices[0].delta.content or "" async for ch in stream if ch.choices])
                r = await c.chat.completions.create(**hello(f"P{i}"))
                return r.choices[0].message.content or ""

            return await asyncio.gather(*(one(i) for i in range(20)))

    with make_proxy() as (url, _):
        assert asyncio.run(main(url)) == [f"Hello, P{i}!" for i in range(20)]


def test_stream_miss_is_relayed_and_recorded(make_proxy: ProxyFactory, hello_tree: str, rote_home: Home) -> None:
    with make_proxy() as (url, _), client(url).chat.completions.with_streaming_response.create(
            model="m", messages=[{"role": "user", "content": "stream me"}], stream=True,
            stream_options={"include_usage": True}) as resp:
        assert resp.headers["x-cache"] == "MISS" and resp.headers["x-stub"] == "1"
        chunks = list(resp.parse())
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == "echo: stream me"
    (rec,) = spool_lines(rote_home)  # the proxy has shut down: its segment is closed
    assert rec["rote"]["stream"] is True
    assert rec["response"]["choices"][0]["message"]["content"] == "echo: stream me"
    assert rec["response"]["usage"]["total_tokens"] == 13


@pytest.fixture(scope="module")
def litellm_module() -> Any:
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    import litellm

    return litellm


# litellm's stream types trip a pydantic UserWarning, which this suite turns into errors.
@pytest.mark.filterwarnings("ignore:Item .* is using the .ReadOnly. qualifier")
@pytest.mark.parametrize("stream", [False, True])
def test_litellm_client(make_proxy: ProxyFactory, hello_tree: str, litellm_module: Any, stream: bool) -> None:
    with make_proxy() as (url, _):
        kw: dict[str, Any] = {"model": "openai/gpt-4o-mini", "api_base": url + "/v1", "api_key": "sk-x",
                              "messages": hello("Kwame")["messages"], "stream": stream, "num_retries": 0}
        r = litellm_module.completion(**kw)
        if stream:
            text = "".join(ch.choices[0].delta.content or "" for ch in r if ch.choices)
        else:
            text = r.choices[0].message.content
        assert text == "Hello, Kwame!"
        r = litellm_module.completion(**{**kw, "messages": [{"role": "user", "content": "Q?"}], "tools": TOOLS})
        if stream:
            chunks = list(r)
            calls = [tc for ch in chunks if ch.choices for tc in (ch.choices[0].delta.tool_calls or [])]
            assert calls and calls[0].function.name == "greet"
        else:
            assert r.choices[0].message.tool_calls[0].function.name == "greet"
