"""A scripted OpenAI-compatible upstream (a real Starlette app, served by uvicorn in tests).

The request's ``model`` picks the behaviour:

- anything else: answers ``Hello, <name>!`` to "Say hello to <name>." (else echoes the
  last user text); with ``tools`` it calls the first tool with ``{"city": <name>}``;
- ``fail-500`` / ``fail-429``: that status with an OpenAI error body;
- ``slow``: waits ``slow_seconds`` before answering;
- ``cut``: streams two chunks then drops the connection (non-stream: half a body);
- ``drip``: streams a chunk every 50 ms for 5 s (``abandoned`` counts streams the reader left);
- ``incomplete``: streams two chunks then ends the response cleanly (no finish_reason, no
  ``[DONE]``); non-stream: a 200 whose (complete, well-framed) body is half a JSON document;
- ``no-finish``: streams every chunk but the one with the finish_reason, then ``[DONE]``;
- ``html``: a 200 ``text/html`` page instead of JSON (a gateway's).
"""

from __future__ import annotations

import asyncio
import re
import time
from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route


class Cut(Exception):
    """Raised inside a streaming body: uvicorn then drops the connection."""


def answer_text(req: dict[str, Any]) -> str:
    last: dict[str, Any] = next((m for m in reversed(req["messages"]) if m.get("role") == "user"), {})
    text = last.get("content") if isinstance(last.get("content"), str) else ""
    m = re.search(r"Say hello to (.+?)\.", text or "")
    return f"Hello, {m.group(1)}!" if m else f"echo: {text}"


def completion(req: dict[str, Any], n: int) -> dict[str, Any]:
    msg: dict[str, Any] = {"role": "assistant", "content": answer_text(req), "refusal": None}
    finish = "stop"
    if req.get("tools"):
        name = req["tools"][0]["function"]["name"]
        city = msg["content"].removeprefix("Hello, ").rstrip("!")
        msg = {"role": "assistant", "content": None, "refusal": None, "tool_calls": [
            {"id": f"call_up{n}", "type": "function",
             "function": {"name": name, "arguments": orjson.dumps({"city": city}).decode()}}]}
        finish = "tool_calls"
    return {"id": f"chatcmpl-up{n}", "object": "chat.completion", "created": int(time.time()),
            "model": req.get("model", "m"), "system_fingerprint": "fp_stub",
            "choices": [{"index": 0, "message": msg, "logprobs": None, "finish_reason": finish}],
            "usage": {"prompt_tokens": 9, "completion_tokens": 4, "total_tokens": 13}}


def chunks(done: dict[str, Any], include_usage: bool) -> list[bytes]:
    head = {"id": done["id"], "object": "chat.completion.chunk", "created": done["created"],
            "model": done["model"], "system_fingerprint": "fp_stub"}
    msg = done["choices"][0]["message"]
    out = [{**head, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]}]
    if msg.get("content"):
        text = msg["content"]
        for i in range(0, len(text), 3):
            out.append({**head, "choices": [{"index": 0, "delta": {"content": text[i:i + 3]},
                                             "finish_reason": None}]})
    for i, call in enumerate(msg.get("tool_calls") or []):
        out.append({**head, "choices": [{"index": 0, "delta": {"tool_calls": [
            {"index": i, "id": call["id"], "type": "function",
             "function": {"name": call["function"]["name"], "arguments": ""}}]}, "finish_reason": None}]})
        args = call["function"]["arguments"]
        for j in range(0, len(args), 5):
            out.append({**head, "choices": [{"index": 0, "delta": {"tool_calls": [
                {"index": i, "function": {"arguments": args[j:j + 5]}}]}, "finish_reason": None}]})
    out.append({**head, "choices": [{"index": 0, "delta": {}, "finish_reason": done["choices"][0]["finish_reason"]}]})
    if include_usage:
        out.append({**head, "choices": [], "usage": done["usage"]})
    return [b"data: " + orjson.dumps(c) + b"\n\n" for c in out] + [b"data: [DONE]\n\n"]


class StubUpstream:
    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str], bytes]] = []
        self.slow_seconds = 2.0
        self.n = 0
        self.abandoned = 0
        self.reset()
        self.app = Starlette(routes=[
            Route("/v1/chat/completions", self.chat, methods=["POST"]),
            Route("/v1/models", self.models, methods=["GET"]),
            Route("/v1/embeddings", self.embeddings, methods=["POST"]),
        ])

    def reset(self) -> None:
        self.requests = []
        self.slow_seconds = 2.0
        self.n = 0
        self.abandoned = 0

    async def chat(self, request: Request) -> Response:
        body = await request.body()
        self.requests.append((request.url.path, dict(request.headers), body))
        req = orjson.loads(body)
        model = req.get("model")
        if model in ("fail-500", "fail-429"):
            status = int(model[-3:])
            return Response(orjson.dumps({"error": {"message": f"stub says {status}", "type": "server_error",
                                                    "param": None, "code": f"stub_{status}"}}),
                            status, media_type="application/json", headers={"x-stub": "1"})
        if model == "slow":
            await asyncio.sleep(self.slow_seconds)
        self.n += 1
        done = completion(req, self.n)
        if req.get("stream"):
            events = chunks(done, bool((req.get("stream_options") or {}).get("include_usage")))

            async def gen() -> Any:
                if model == "drip":
                    try:
                        for _ in range(100):
                            yield events[1]
                            await asyncio.sleep(0.05)
                    except BaseException:
                        self.abandoned += 1
                        raise
                for i, e in enumerate(events):
                    if model == "cut" and i == 2:
                        raise Cut("stub drops the connection")
                    if model == "incomplete" and i == 2:
                        return
                    if model == "no-finish" and b'"finish_reason":"' in e:
                        continue
                    yield e
                    await asyncio.sleep(0)

            return StreamingResponse(gen(), media_type="text/event-stream", headers={"x-stub": "1"})
        body = orjson.dumps(done)
        if model == "incomplete":
            return Response(body[: len(body) // 2], media_type="application/json")
        if model == "html":
            return Response(b"<html><body>502 Bad Gateway</body></html>", media_type="text/html")
        if model == "cut":
            async def half() -> Any:
                yield body[: len(body) // 2]
                raise Cut("stub drops the connection")

            return StreamingResponse(half(), media_type="application/json",
                                     headers={"content-length": str(len(body))})
        return Response(body, media_type="application/json", headers={"x-stub": "1"})

    async def models(self, request: Request) -> Response:
        self.requests.append((request.url.path, dict(request.headers), b""))
        return Response(orjson.dumps({"object": "list", "data": [
            {"id": "gpt-stub", "object": "model", "created": 1, "owned_by": "stub"}]}),
            media_type="application/json", headers={"set-cookie": "upstream_session=caller-1; Path=/"})

    async def embeddings(self, request: Request) -> Response:
        body = await request.body()
        self.requests.append((request.url.path, dict(request.headers), body))
        return Response(orjson.dumps({"object": "list", "model": "e", "data": [
            {"object": "embedding", "index": 0, "embedding": [0.1, 0.2]}],
            "usage": {"prompt_tokens": 1, "total_tokens": 1}}), media_type="application/json")
