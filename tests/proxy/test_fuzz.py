"""Property: whatever a client sends to the chat endpoint, the proxy never answers 5xx.

The real app over a real socket (uvicorn on 127.0.0.1), serving the 'say hello' tree (so
some requests are hits) in front of an upstream that answers any request it gets with a
valid completion (so a 5xx could only come from the proxy). Bodies are random bytes,
random JSON, and chat requests of random shapes: messages, contents, parts, tool calls,
tools, parameters and rote's own headers with values right and wrong. Every refusal must
be a 4xx in OpenAI's error shape, and every answer carries ``X-Cache``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from evals.http import serve
from proxy.validate import ROLES
from tests.proxy.conftest import ProxyFactory, hello
from tests.proxy.stub_upstream import chunks


class AnyUpstream:
    """Answers every chat request with one valid completion (streamed if ``stream`` is true)."""

    def __init__(self) -> None:
        self.app = Starlette(routes=[Route("/v1/chat/completions", self.chat, methods=["POST"])])

    async def chat(self, request: Request) -> Response:
        try:
            req = orjson.loads(await request.body())
        except orjson.JSONDecodeError:
            req = {}
        done = {"id": "chatcmpl-any", "object": "chat.completion", "created": int(time.time()), "model": "m",
                "choices": [{"index": 0, "message": {"role": "assistant", "content": "fine", "refusal": None},
                             "logprobs": None, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        if isinstance(req, dict) and req.get("stream") is True:
            return Response(b"".join(chunks(done, include_usage=True)), media_type="text/event-stream")
        return Response(orjson.dumps(done), media_type="application/json")


@pytest.fixture(scope="module")
def any_upstream() -> Iterator[str]:
    with serve(AnyUpstream().app) as url:
        yield url + "/v1"


# JSON values of any shape (kept small: the point is the shapes, not the sizes).
leaves = (st.none() | st.booleans() | st.integers(-(2 ** 63), 2 ** 64) | st.floats(allow_nan=False, allow_infinity=False)
          | st.text(max_size=12))
values = st.recursive(leaves, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                          max_size=3), max_leaves=8)
# Header values: printable ASCII, no edge whitespace (HTTP clients refuse the rest themselves).
header_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=24).map(str.strip)

part = st.fixed_dictionaries(
    {"type": st.sampled_from(["text", "refusal", "image_url", "input_audio", "file"]) | values},
    optional={"text": st.text(max_size=20) | values, "image_url": values})
content = st.text(max_size=40) | st.none() | st.lists(part | values, max_size=3) | values
tool_call = st.fixed_dictionaries(
    {"id": st.text(max_size=8) | values, "type": st.just("function") | values,
     "function": st.fixed_dictionaries({"name": st.text(max_size=8) | values,
                                        "arguments": st.text(max_size=20) | values}) | values})
message = st.fixed_dictionaries(
    {"role": st.sampled_from(sorted(ROLES)) | values | st.lists(st.sampled_from(sorted(ROLES)), max_size=2)},
    optional={"content": content, "tool_calls": st.lists(tool_call, max_size=2) | values,
              "tool_call_id": st.text(max_size=8) | values, "name": values})
tool = st.fixed_dictionaries({"type": st.just("function") | values,
                              "function": st.fixed_dictionaries({"name": st.text(max_size=8) | values},
                                                                optional={"parameters": values}) | values})
PARAMS = ["model", "stream", "stream_options", "n", "tools", "tool_choice", "modalities", "audio", "temperature",
          "top_p", "top_k", "min_p", "seed", "max_tokens", "max_completion_tokens", "logprobs", "top_logprobs",
          "presence_penalty", "frequency_penalty", "response_format", "stop", "logit_bias", "store", "metadata",
          "user", "service_tier", "web_search_options", "parallel_tool_calls", "reasoning_effort", "timeout"]
good_param_values = st.sampled_from([True, False, 0, 1, 2, 0.5, "text", ["text"], ["text", "audio"], {},
                                     {"include_usage": True}, "gpt-4o-mini", "auto", None])
params = st.dictionaries(st.sampled_from(PARAMS), good_param_values | values | st.lists(tool, max_size=2),
                         max_size=5)
chat_request = st.builds(lambda msgs, extra: {"model": "gpt-4o-mini", "messages": msgs, **extra},
                         st.lists(message, min_size=0, max_size=4) | values, params)
# The hit path too: a request the tree answers, with random parameters on top.
near_hit = st.builds(lambda name, extra: hello(name, **extra), st.text(max_size=12), params)

# json.dumps, not orjson: it writes integers past 64 bits too (which orjson reads as floats).
# Well-formed requests with well-typed parameters, so that the lookup, the hit and the
# forwarding paths (not only validation) see many of them.
plain_message = st.fixed_dictionaries({"role": st.sampled_from(["system", "user", "assistant"]),
                                       "content": st.text(max_size=30)})
number = st.integers(0, 4) | st.floats(0, 2)
typed_params = st.fixed_dictionaries({}, optional={
    "stream": st.booleans(), "stream_options": st.just({"include_usage": True}), "n": st.integers(1, 3),
    "temperature": number, "top_p": number, "seed": st.integers(0, 99), "max_tokens": st.integers(1, 50),
    "presence_penalty": number, "logprobs": st.booleans(), "store": st.booleans(), "user": st.text(max_size=8),
    "modalities": st.sampled_from([["text"], ["text", "audio"]]), "stop": st.text(max_size=3),
    "metadata": st.dictionaries(st.text(max_size=4), st.text(max_size=4), max_size=2)})
good_params = typed_params | st.dictionaries(st.sampled_from(PARAMS), good_param_values, max_size=4)
well_formed = st.one_of(
    st.builds(lambda msgs, extra: {"model": "gpt-4o-mini", "messages": msgs, **extra},
              st.lists(plain_message, min_size=1, max_size=3), good_params),
    st.builds(lambda name, extra: hello(name, **extra), st.text(max_size=12), good_params))
# Weighted towards chat requests (one_of draws its branches alike): most faults hide in them.
bodies = st.one_of(st.binary(max_size=64), values.map(lambda v: json.dumps(v).encode()),
                   *[st.one_of(chat_request, near_hit).map(lambda v: json.dumps(v).encode())] * 3,
                   *[well_formed.map(lambda v: json.dumps(v).encode())] * 2)
valid_headers = st.fixed_dictionaries({}, optional={
    "rote-cache": st.sampled_from(["no-cache", "no-store", "no-cache, no-store", "NO-STORE"]),
    "rote-namespace": st.sampled_from(["default", "team-a"]),
    "rote-bindings": st.dictionaries(st.text(max_size=4), st.text(max_size=4), max_size=2).map(json.dumps),
    "butter-disable-induction": st.sampled_from(["true", "false"]),
    "rote-induction": st.sampled_from(["on", "off"])})
any_headers = st.fixed_dictionaries({}, optional={
    "rote-cache": st.sampled_from(["no-cache", "no-store", "no-cache, no-store", "NO-STORE"]) | header_text,
    "rote-bindings": values.map(json.dumps) | header_text,
    "rote-namespace": st.sampled_from(["default", "team-a"]) | header_text,
    "butter-disable-induction": st.sampled_from(["true", "false", "TRUE"]) | header_text,
    "rote-induction": st.sampled_from(["on", "off"]) | header_text,
    "butter-bindings": header_text,
    "authorization": header_text,
    "content-type": st.sampled_from(["application/json", "text/plain"]),
})
headers = st.one_of(st.just({}), valid_headers, any_headers)


def test_no_body_or_header_gets_a_5xx(make_proxy: ProxyFactory, hello_tree: str, any_upstream: str) -> None:
    seen: dict[str, int] = {}
    with make_proxy(upstream=any_upstream) as (url, _), httpx.Client(base_url=url, timeout=30) as client:

        @settings(max_examples=300, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
        @given(body=bodies, sent=headers)
        def check(body: bytes, sent: dict[str, str]) -> None:
            r = client.post("/v1/chat/completions", content=body, headers=sent)
            assert r.status_code < 500, (r.status_code, r.text, body, sent)
            assert r.headers["x-cache"] in ("HIT", "MISS", "BYPASS")
            key = r.headers["x-cache"] if r.status_code < 400 else str(r.status_code)
            seen[key] = seen.get(key, 0) + 1
            if r.status_code >= 400:
                err: Any = r.json()["error"]
                assert isinstance(err["message"], str) and err["message"] and isinstance(err["type"], str)

        check()
        assert client.get("/healthz").json()["status"] == "ok"
    # The strategies reached every outcome: refusals, hits, misses and bypasses.
    assert {"400", "HIT", "MISS", "BYPASS"} <= set(seen), seen


feedback_bodies = st.one_of(
    st.binary(max_size=32), values.map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries({}, optional={"id": st.text(max_size=40) | st.just("chatcmpl-rote-hello-default-1") | values,
                                        "ok": st.booleans() | values, "comment": st.text(max_size=10) | values}
                          ).map(lambda v: json.dumps(v).encode()))


def test_no_feedback_body_gets_a_5xx(make_proxy: ProxyFactory, hello_tree: str, any_upstream: str) -> None:
    with make_proxy(upstream=any_upstream) as (url, _), httpx.Client(base_url=url, timeout=30) as client:

        @settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
        @given(body=feedback_bodies, sent=headers)
        def check(body: bytes, sent: dict[str, str]) -> None:
            r = client.post("/v1/rote/feedback", content=body, headers=sent)
            assert r.status_code < 500, (r.status_code, r.text, body, sent)
            if r.status_code >= 400:
                assert isinstance(r.json()["error"]["message"], str)

        check()
