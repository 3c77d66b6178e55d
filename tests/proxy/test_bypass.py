"""Requests the cache cannot serve, and every other endpoint, go straight upstream with X-Cache: BYPASS."""

from __future__ import annotations

from typing import Any

import httpx
import openai
import pytest

from rote.config import Home
from tests.proxy.conftest import ProxyFactory, hello, spool_lines
from tests.proxy.stub_upstream import StubUpstream

IMAGE = {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}


@pytest.mark.parametrize(("extra", "reason"), [
    ({"n": 2}, "n"),
    ({"logprobs": True}, "logprobs"),
    ({"modalities": ["text", "audio"], "audio": {"voice": "alloy", "format": "wav"}}, "audio"),
    ({"messages": [{"role": "user", "content": [{"type": "text", "text": "Say hello to Zed."}, IMAGE]}]},
     "content:image_url"),
    ({"messages": [{"role": "user", "content": [{"type": "input_audio", "input_audio": {}}]}]},
     "content:input_audio"),
    ({"messages": [{"role": "user", "content": [{"type": "file", "file": {"file_id": "f"}}]}]}, "content:file"),
])
def test_uncacheable_requests_bypass(make_proxy: ProxyFactory, hello_tree: str, rote_home: Home,
                                     stub: tuple[StubUpstream, str], extra: dict[str, Any], reason: str) -> None:
    with make_proxy() as (url, _):
        r = httpx.post(url + "/v1/chat/completions", json=hello("Zed", **extra))
    assert r.status_code == 200 and r.headers["x-cache"] == "BYPASS" and r.headers["x-rote-bypass"] == reason
    assert r.json()["id"].startswith("chatcmpl-up")  # the upstream answered, though the tree would have hit
    assert len(stub[0].requests) == 1
    assert spool_lines(rote_home) == []


def test_text_parts_still_hit(make_proxy: ProxyFactory, hello_tree: str) -> None:
    req = hello("Zed")
    req["messages"][1]["content"] = [{"type": "text", "text": "Say hello to "}, {"type": "text", "text": "Zed."}]
    with make_proxy() as (url, _):
        r = httpx.post(url + "/v1/chat/completions", json=req)
    assert r.headers["x-cache"] == "HIT" and r.json()["choices"][0]["message"]["content"] == "Hello, Zed!"


def test_other_endpoints_are_forwarded(make_proxy: ProxyFactory, stub: tuple[StubUpstream, str]) -> None:
    with make_proxy() as (url, _):
        c = openai.OpenAI(base_url=url + "/v1", api_key="sk-abc", max_retries=0, _strict_response_validation=True)
        models = c.models.with_raw_response.list()
        assert models.headers["x-cache"] == "BYPASS"
        assert [m.id for m in models.parse()] == ["gpt-stub"]
        emb = c.embeddings.create(model="e", input="hi")
        assert emb.data[0].embedding == [0.1, 0.2]
        r = httpx.post(url + "/v1/responses", json={"model": "m", "input": "x"})
        assert r.status_code == 404 and r.headers["x-cache"] == "BYPASS"  # the stub has no /v1/responses
        r = httpx.get(url + "/v1/models?limit=1")
        assert r.status_code == 200
    paths = [p for p, _, _ in stub[0].requests]
    assert paths == ["/v1/models", "/v1/embeddings", "/v1/models"]
    # The upstream's cookie reached its caller and is not kept by the proxy for the next caller.
    assert models.headers["set-cookie"].startswith("upstream_session=")
    assert "cookie" not in stub[0].requests[-1][1]  # a fresh caller's request
    assert stub[0].requests[1][1]["authorization"] == "Bearer sk-abc"
    assert b'"input":"hi"' in stub[0].requests[1][2]
