"""Bad requests are refused without forwarding; upstream failures reach the client as errors."""

from __future__ import annotations

import socket
import time

import httpx
import openai
import pytest

from rote.config import Home
from tests.proxy.conftest import ProxyFactory, hello, spool_lines
from tests.proxy.fake_tree import HELLO, load_fake, publish_fake
from tests.proxy.stub_upstream import StubUpstream
from tests.proxy.trees import publish, surname_nodes

MALFORMED = [
    (b"{not json", None),
    (b"[1, 2]", None),
    (b'{"model": "m"}', "messages"),
    (b'{"model": "m", "messages": []}', "messages"),
    (b'{"model": "m", "messages": "hi"}', "messages"),
    (b'{"model": "m", "messages": [{"role": "wizard", "content": "x"}]}', "messages[0].role"),
    (b'{"model": "m", "messages": [{"role": "user", "content": 5}]}', "messages[0].content"),
    (b'{"model": "m", "messages": [{"role": "user", "content": [{"text": "no type"}]}]}', "messages[0].content"),
    (b'{"model": 7, "messages": [{"role": "user", "content": "x"}]}', "model"),
    (b'{"messages": [{"role": "user", "content": "x"}]}', "model"),
    (b'{"model": "m", "stream": "yes", "messages": [{"role": "user", "content": "x"}]}', "stream"),
    (b'{"model": "m", "n": true, "messages": [{"role": "user", "content": "x"}]}', "n"),
]


def test_malformed_requests_are_400_and_not_forwarded(make_proxy: ProxyFactory,
                                                      stub: tuple[StubUpstream, str]) -> None:
    with make_proxy() as (url, _):
        for body, param in MALFORMED:
            r = httpx.post(url + "/v1/chat/completions", content=body, headers={"content-type": "application/json"})
            assert r.status_code == 400 and r.headers["x-cache"] == "BYPASS", body
            err = r.json()["error"]
            assert err["type"] == "invalid_request_error" and err["param"] == param and err["message"], body
    assert stub[0].requests == []


def test_body_over_limit_is_413(make_proxy: ProxyFactory, stub: tuple[StubUpstream, str]) -> None:
    big = hello("Zed")
    big["messages"][0]["content"] = "x" * 5000
    with make_proxy(max_body_bytes=4096) as (url, _):
        r = httpx.post(url + "/v1/chat/completions", json=big)
        assert r.status_code == 413 and r.json()["error"]["code"] == "request_too_large"

        def chunked() -> object:  # no content-length: the limit holds while streaming the body
            yield b'{"model": "m", "messages": [{"role": "user", "content": "'
            for _ in range(10):
                yield b"y" * 1000
            yield b'"}]}'

        r = httpx.post(url + "/v1/chat/completions", content=chunked())  # type: ignore[arg-type]
        assert r.status_code == 413
    assert stub[0].requests == []


def test_openai_sdk_sees_errors_as_exceptions(make_proxy: ProxyFactory) -> None:
    with make_proxy() as (url, _):
        c = openai.OpenAI(base_url=url + "/v1", api_key="k", max_retries=0, _strict_response_validation=True)
        with pytest.raises(openai.InternalServerError) as e500:
            c.chat.completions.create(model="fail-500", messages=[{"role": "user", "content": "x"}])
        assert e500.value.status_code == 500
        with pytest.raises(openai.RateLimitError):
            c.chat.completions.create(model="fail-429", messages=[{"role": "user", "content": "x"}])
        with pytest.raises(openai.BadRequestError):
            c.chat.completions.create(model="m", messages=[])


def test_upstream_timeout_is_504(make_proxy: ProxyFactory, stub: tuple[StubUpstream, str], rote_home: Home) -> None:
    stub[0].slow_seconds = 1.0
    with make_proxy(upstream_timeout=0.2) as (url, _):
        r = httpx.post(url + "/v1/chat/completions", json={"model": "slow", "messages": [
            {"role": "user", "content": "x"}]}, timeout=10)
        assert r.status_code == 504 and r.headers["x-cache"] == "MISS"
        assert r.json()["error"]["code"] == "upstream_timeout"
        metrics = httpx.get(url + "/metrics").text
        assert 'rote_proxy_upstream_errors_total{kind="upstream_timeout"} 1.0' in metrics
    assert spool_lines(rote_home) == []


def test_upstream_unreachable_is_502(make_proxy: ProxyFactory, rote_home: Home) -> None:
    with socket.socket() as s:  # a port with nothing listening
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
    with make_proxy(upstream=dead) as (url, _):
        r = httpx.post(url + "/v1/chat/completions", json=hello("x", messages=[{"role": "user", "content": "x"}]))
        assert r.status_code == 502 and r.json()["error"]["code"] == "upstream_unreachable"
        c = openai.OpenAI(base_url=url + "/v1", api_key="k", max_retries=0, _strict_response_validation=True)
        with pytest.raises(openai.InternalServerError):
            c.chat.completions.create(model="m", messages=[{"role": "user", "content": "x"}])


def test_upstream_closing_mid_stream(make_proxy: ProxyFactory, rote_home: Home) -> None:
    with make_proxy() as (url, _):
        c = openai.OpenAI(base_url=url + "/v1", api_key="k", max_retries=0, _strict_response_validation=True)
        stream = c.chat.completions.create(model="cut", messages=[{"role": "user", "content": "hello there"}],
                                           stream=True)
        got = []
        with pytest.raises(openai.APIError, match="mid-answer"):
            for chunk in stream:
                got.append(chunk)
        assert len(got) == 2  # what arrived before the cut was passed on as it came
        # Non-stream: half a body is no answer.
        r = httpx.post(url + "/v1/chat/completions", json={"model": "cut", "messages": [
            {"role": "user", "content": "x"}]})
        assert r.status_code == 502 and r.json()["error"]["code"] == "upstream_disconnected"
        # The proxy is fine afterwards.
        assert httpx.post(url + "/v1/chat/completions", json=hello("Zed")).status_code == 200
    assert [rec["request"]["model"] for rec in spool_lines(rote_home)] == ["gpt-4o-mini"]


def test_client_leaving_mid_stream_closes_the_upstream(make_proxy: ProxyFactory, rote_home: Home,
                                                       stub: tuple[StubUpstream, str]) -> None:
    with make_proxy() as (url, _):
        with httpx.stream("POST", url + "/v1/chat/completions", json={
                "model": "drip", "stream": True, "messages": [{"role": "user", "content": "x"}]}) as r:
            assert r.headers["x-cache"] == "MISS"
            for _ in zip(range(3), r.iter_raw(), strict=False):
                pass
        for _ in range(100):  # the proxy notices, stops reading and closes the upstream stream
            if stub[0].abandoned:
                break
            time.sleep(0.02)
        assert stub[0].abandoned == 1
    assert spool_lines(rote_home) == []  # an answer nobody received whole is not a record


def test_failed_derivation_is_a_miss(make_proxy: ProxyFactory, rote_home: Home) -> None:
    publish(str(rote_home.publish_dir), surname_nodes())
    with make_proxy() as (url, _):
        def write(name: str) -> httpx.Response:
            return httpx.post(url + "/v1/chat/completions",
                              json={"model": "m", "messages": [{"role": "user", "content": f"Write to {name}."}]})

        hit = write("Ada Lovelace")
        assert hit.headers["x-cache"] == "HIT" and hit.json()["choices"][0]["message"]["content"] == "Dear Lovelace,"
        miss = write("Zed")  # no second word: the derivation fails
        assert miss.status_code == 200 and miss.headers["x-cache"] == "MISS"
        assert miss.json()["choices"][0]["message"]["content"] == "echo: Write to Zed."


def test_lookup_that_raises_is_a_miss(make_proxy: ProxyFactory, rote_home: Home) -> None:
    # A runtime bug must not fail the request either (a stand-in tree that raises).
    publish_fake(str(rote_home.publish_dir), {**HELLO, "raise": True})
    with make_proxy(loader=load_fake) as (url, _):
        r = httpx.post(url + "/v1/chat/completions", json=hello("Zed"))
        assert r.status_code == 200 and r.headers["x-cache"] == "MISS"
        assert r.json()["choices"][0]["message"]["content"] == "Hello, Zed!"
        assert "rote_proxy_lookup_errors_total 1.0" in httpx.get(url + "/metrics").text
