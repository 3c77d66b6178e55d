"""Misses through litellm (the second Upstream), pointed at the stub over real HTTP."""

from __future__ import annotations

import httpx
import openai
import pytest

from proxy.config import LiteLLMSettings
from rote.config import Home
from tests.proxy.conftest import ProxyFactory, hello, spool_lines
from tests.proxy.stub_upstream import StubUpstream

pytestmark = pytest.mark.filterwarnings("ignore:Item .* is using the .ReadOnly. qualifier")


def test_litellm_misses_stream_and_not(make_proxy: ProxyFactory, hello_tree: str, rote_home: Home,
                                       stub: tuple[StubUpstream, str]) -> None:
    settings = LiteLLMSettings(model="openai/gpt-4o-mini", params={"api_base": stub[1], "max_retries": 0})
    with make_proxy(litellm=settings, upstream=None) as (url, _):
        c = openai.OpenAI(base_url=url + "/v1", api_key="sk-caller", max_retries=0,
                          _strict_response_validation=True)
        assert httpx.get(url + "/healthz").json()["upstream"] == "litellm"
        hit = c.chat.completions.with_raw_response.create(**hello("Zed"))
        assert hit.headers["x-cache"] == "HIT"
        miss = c.chat.completions.with_raw_response.create(model="x", messages=[{"role": "user", "content": "a?"}])
        assert miss.headers["x-cache"] == "MISS" and miss.parse().choices[0].message.content == "echo: a?"
        stream = c.chat.completions.create(model="x", messages=[{"role": "user", "content": "b?"}], stream=True)
        assert "".join(ch.choices[0].delta.content or "" for ch in stream if ch.choices) == "echo: b?"
        r = httpx.get(url + "/v1/models")
        assert r.status_code == 404 and r.headers["x-cache"] == "BYPASS"
    assert stub[0].requests[0][1]["authorization"] == "Bearer sk-caller"
    recorded = spool_lines(rote_home)
    assert [r["response"]["choices"][0]["message"]["content"] for r in recorded] == ["echo: a?", "echo: b?"]


def test_litellm_errors_keep_their_status(make_proxy: ProxyFactory, stub: tuple[StubUpstream, str]) -> None:
    settings = LiteLLMSettings(params={"api_base": stub[1], "max_retries": 0})
    with make_proxy(litellm=settings, upstream=None) as (url, _):
        r = httpx.post(url + "/v1/chat/completions", headers={"authorization": "Bearer k"},
                       json={"model": "openai/fail-429", "messages": [{"role": "user", "content": "x"}]})
        assert r.status_code == 429 and r.json()["error"]["type"] == "rate_limit_error"
