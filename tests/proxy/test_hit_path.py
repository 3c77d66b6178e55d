"""The hit path's shortcuts answer exactly as the general code they stand in for.

- :class:`proxy.lane.ChatLane` (chat requests past Starlette's middleware and router)
  against the full Starlette stack, which an app with user middleware keeps;
- :class:`proxy.chat.HitResponse` against Starlette's ``Response`` built from a header dict;
- ``header_map`` (only the headers the chat endpoint reads) against all the headers.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from evals.http import serve
from proxy.app import create_app
from proxy.callers import Gate
from proxy.chat import JSON, SSE, HitResponse
from proxy.config import ProxyConfig
from proxy.errors import ProxyError
from proxy.lane import ChatLane
from proxy.upstream import HttpUpstream, Reply
from proxy.validate import bindings, cache_directives, header_map
from rote.config import Home
from tests.proxy.conftest import hello
from tests.proxy.stub_upstream import StubUpstream


class Layer:
    """A do-nothing user middleware: with it the app keeps Starlette's whole stack for every request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


class Exploding(HttpUpstream):
    async def chat(self, *args: Any, **kwargs: Any) -> Reply:
        raise RuntimeError("a bug on the miss path")


@contextmanager
def proxy(home: Home, upstream_url: str, *, full_stack: bool, exploding: bool = False) -> Iterator[tuple[str, Starlette]]:
    config = ProxyConfig(home=home, upstream=upstream_url, reload_interval=0.05, spool_segment_seconds=3600,
                         gc_freeze=False)
    app = create_app(config, upstream=Exploding(config) if exploding else None)
    if full_stack:
        app.add_middleware(Layer)
    with serve(app) as url:
        yield url, app


SENT: list[tuple[str, str, dict[str, Any] | bytes, dict[str, str]]] = [
    ("POST", "/v1/chat/completions", hello("Zed"), {}),
    ("POST", "/chat/completions", hello("Ann"), {}),
    ("POST", "/v1/chat/completions", hello("Zed", stream=True, stream_options={"include_usage": True}), {}),
    ("POST", "/v1/chat/completions", hello("Zed"), {"rote-cache": "no-cache"}),
    ("POST", "/v1/chat/completions", hello("Zed", n=2), {}),
    ("POST", "/v1/chat/completions", {"model": "m", "messages": [{"role": "user", "content": "unknown"}]}, {}),
    ("POST", "/v1/chat/completions", {"model": "m", "messages": [{"role": "user", "content": "s"}],
                                      "stream": True}, {}),
    ("POST", "/v1/chat/completions", b"{not json", {}),
    ("POST", "/v1/chat/completions", hello("Zed"), {"rote-namespace": "bad namespace!"}),
    ("POST", "/v1/chat/completions", hello("Zed"), {"rote-bindings": "[1]"}),
    ("GET", "/v1/chat/completions", b"", {}),
    ("POST", "/v1/chat/completions/", hello("Zed"), {}),  # not a chat path: forwarded (the stub redirects)
    ("GET", "/healthz", b"", {}),
]
VARYING = re.compile(rb'"(id|created)":("[^"]*"|\d+)')  # a fresh response id and timestamp each time


def exchange(url: str, method: str, path: str, body: dict[str, Any] | bytes, headers: dict[str, str]) -> tuple[Any, ...]:
    content = body if isinstance(body, bytes) else httpx.Request("POST", url, json=body).content
    r = httpx.request(method, url + path, content=content, headers={"content-type": "application/json", **headers})
    kept = sorted((k, v) for k, v in r.headers.items() if k not in ("date", "server"))
    return r.status_code, kept, VARYING.sub(rb'"\1":0', r.content)


def test_chat_lane_answers_as_the_full_stack(rote_home: Home, hello_tree: str,
                                             stub: tuple[StubUpstream, str]) -> None:
    answers = []
    for full_stack in (False, True):
        with proxy(rote_home, stub[1], full_stack=full_stack) as (url, app):
            assert isinstance(app.middleware_stack, ChatLane) is not full_stack
            answers.append([exchange(url, *sent) for sent in SENT])
    lane, full = answers
    assert [a[0] for a in lane] == [200, 200, 200, 200, 200, 200, 200, 400, 400, 400, 405, 307, 200]
    for sent, a, b in zip(SENT, lane, full, strict=True):
        assert a == b, sent


def test_chat_lane_answers_a_server_error_as_the_full_stack(rote_home: Home, hello_tree: str,
                                                            stub: tuple[StubUpstream, str]) -> None:
    answers = []
    for full_stack in (False, True):
        with proxy(rote_home, stub[1], full_stack=full_stack, exploding=True) as (url, _):
            answers.append(exchange(url, "POST", "/v1/chat/completions", hello("Zed", n=2), {}))
    assert answers[0] == answers[1]
    status, headers, body = answers[0]
    assert status == 500 and ("x-cache", "BYPASS") in headers and b'"type":"server_error"' in body


@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize("node", ["0f" * 16, "hello-default"])
def test_hit_response_has_the_headers_of_a_response(stream: bool, node: str) -> None:
    body = b'{"id":"chatcmpl-rote-x"}'
    headers = {"x-cache": "HIT", "x-rote-node": node, "x-rote-tree": "20261122T000000Z-abc"}
    if stream:
        headers["cache-control"] = "no-cache"
    general = Response(body, 200, headers, media_type=SSE if stream else JSON)
    hit = HitResponse(body, node, headers["x-rote-tree"], stream=stream)
    assert (hit.status_code, hit.raw_headers, hit.body, hit.background) == (
        general.status_code, general.raw_headers, general.body, general.background)


HEADERS = [("authorization", "Bearer sk-a"), ("authorization", "sk-raw"), ("api-key", "k2"), ("x-api-key", "k3"),
           ("rote-proxy-key", "pk"), ("rote-namespace", "team-a"), ("rote-cache", "no-cache, no-store"),
           ("rote-bindings", '{"a": 1}'), ("butter-bindings", '{"b": 2}'), ("content-length", "12"),
           ("user-agent", "x"), ("accept", "*/*"), ("x-stainless-os", "Linux")]


def outcome(f: Any, *args: Any) -> Any:
    try:
        return f(*args)
    except ProxyError as e:
        return e.status, e.message


@pytest.mark.parametrize("settings", [{}, {"proxy_keys": frozenset({"pk", "sk-a"})}, {"namespace_from": "api-key"},
                                      {"upstream_api_key": "up"}])
def test_header_map_keeps_every_header_the_chat_endpoint_reads(rote_home: Home, settings: dict[str, Any]) -> None:
    gate = Gate(ProxyConfig(home=rote_home, **settings))
    for n in (0, 1, 2, 3):
        for chosen in itertools.combinations(HEADERS, n):
            raw = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in chosen]
            every = dict(Headers(raw=raw).items())  # last value wins, as in header_map
            kept = header_map({"type": "http", "headers": raw})
            assert set(kept.items()) <= set(every.items())
            for f in (gate.identify, cache_directives, bindings):
                assert outcome(f, kept) == outcome(f, every), (f, chosen)
            assert kept.get("content-length") == every.get("content-length")
