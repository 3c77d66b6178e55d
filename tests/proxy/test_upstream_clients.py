"""Both HTTP upstream clients (httpx, the default, and aiohttp) behave the same on every miss path."""

from __future__ import annotations

import socket

import httpx
import openai
import pytest

from rote.config import Home
from tests.proxy.conftest import ProxyFactory, spool_lines
from tests.proxy.stub_upstream import StubUpstream


def q(model: str, text: str = "q", **extra: object) -> dict[str, object]:
    return {"model": model, "messages": [{"role": "user", "content": text}], **extra}


@pytest.mark.parametrize("client", ["httpx", "aiohttp"])
def test_miss_paths(make_proxy: ProxyFactory, rote_home: Home, stub: tuple[StubUpstream, str], client: str) -> None:
    stub[0].slow_seconds = 1.0
    with make_proxy(upstream_client=client, upstream_timeout=0.3) as (url, _):
        sdk = openai.OpenAI(base_url=url + "/v1", api_key="sk-c", max_retries=0, _strict_response_validation=True)
        assert sdk.chat.completions.create(**q("m", "one")).choices[0].message.content == "echo: one"
        chunks = list(sdk.chat.completions.create(**q("m", "two", stream=True)))
        assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == "echo: two"
        r = httpx.post(url + "/v1/chat/completions", json=q("fail-500"))
        assert r.status_code == 500 and r.json()["error"]["code"] == "stub_500" and r.headers["x-stub"] == "1"
        r = httpx.post(url + "/v1/chat/completions", json=q("slow"), timeout=10)
        assert r.status_code == 504 and r.json()["error"]["code"] == "upstream_timeout"
        with pytest.raises(openai.APIError):
            list(sdk.chat.completions.create(**q("cut", stream=True)))
        r = httpx.post(url + "/v1/chat/completions", json=q("cut"))
        assert r.status_code == 502 and r.json()["error"]["code"] == "upstream_disconnected"
        first = httpx.get(url + "/v1/models")
        assert first.status_code == 200 and "upstream_session" in first.headers["set-cookie"]
        httpx.get(url + "/v1/models")
    assert "cookie" not in stub[0].requests[-1][1]
    assert stub[0].requests[0][1]["authorization"] == "Bearer sk-c"
    assert [r["request"]["messages"][0]["content"] for r in spool_lines(rote_home)] == ["one", "two"]


def test_aiohttp_unreachable_is_502(make_proxy: ProxyFactory) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
    with make_proxy(upstream=dead, upstream_client="aiohttp") as (url, _):
        r = httpx.post(url + "/v1/chat/completions", json=q("m"))
        assert r.status_code == 502 and r.json()["error"]["code"] == "upstream_unreachable"
