"""``rote eval --http``: replay the test calls through the real proxy against a scripted upstream.

The scripted upstream is a tiny Starlette app that answers each chat completion
with the recorded ground truth for its context (found by canonical context
hash) and counts what it was asked. The proxy (``proxy.app.create_app``) serves
the suite's published tree from the point's home; both run under uvicorn on
random 127.0.0.1 ports in threads of this process.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from evals.replay import EvalCall, path_runs, row
from induction.hashing import message_hash, request_key
from induction.pipeline import same_answer

SYSTEM = "rote_http"


def context_key(request: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    return request_key(request), tuple(message_hash(m) for m in request["messages"])


class ScriptedUpstream:
    """Answers with the ground truth for the request's context; counts calls and unknown contexts."""

    def __init__(self, calls: list[EvalCall]) -> None:
        self.answers = {context_key(c.request): c.response for c in calls}
        self.asked: Counter[tuple[str, tuple[str, ...]]] = Counter()
        self.unknown = 0
        self.app = Starlette(routes=[Route("/v1/chat/completions", self.chat, methods=["POST"])])

    async def chat(self, request: Request) -> Response:
        body = orjson.loads(await request.body())
        key = context_key(body)
        self.asked[key] += 1
        answer = self.answers.get(key)
        if answer is None:
            self.unknown += 1
            return Response(orjson.dumps({"error": {"message": "scripted upstream: unknown context",
                                                    "type": "invalid_request_error"}}), 404,
                            media_type="application/json")
        return Response(orjson.dumps(answer), media_type="application/json")

    @property
    def calls(self) -> int:
        return sum(self.asked.values())


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """Run ``app`` under uvicorn in a thread on a random port; yields its base URL."""
    import uvicorn

    # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY only on sockets that say so; without it every
    # response waits ~40 ms for a delayed ACK (Nagle), which would swamp the latencies measured here.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="critical", access_log=False, lifespan="on",
                                           timeout_graceful_shutdown=5))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            sock.close()
            raise RuntimeError("server did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()


def replay_http(suite: object, calls: list[EvalCall], *, home: Path, train_runs: int,
                seen: set[Any] | None = None, coverage: Mapping[Any, int] | None = None
                ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Rows for system ``rote_http`` and what the upstream saw (``suite``: the suite being run, a
    workflow suite or a corpus suite; only the calls and the home matter)."""
    try:
        from proxy.app import create_app
        from proxy.config import ProxyConfig
    except ImportError as e:  # pragma: no cover - the proxy package is part of rote
        raise NotImplementedError(f"--http needs the proxy package: {e}") from None
    from rote.config import Home

    upstream = ScriptedUpstream(calls)
    rows: list[dict[str, Any]] = []
    wrong_misses = 0
    with serve(upstream.app) as up_url:
        config = ProxyConfig(home=Home(root=home), upstream=f"{up_url}/v1", spool_segment_seconds=3600)
        with serve(create_app(config)) as proxy_url, httpx.Client(base_url=proxy_url, timeout=30) as client:
            for c in calls:
                t0 = time.perf_counter_ns()
                r = client.post("/v1/chat/completions", content=orjson.dumps(c.request),
                                headers={"content-type": "application/json", "rote-namespace": c.namespace})
                latency_us = (time.perf_counter_ns() - t0) / 1000
                cache = r.headers.get("x-cache", "")
                body = r.json() if r.status_code == 200 else None
                if cache == "HIT":
                    rows.append(row(SYSTEM, c, body, latency_us, train_runs=train_runs,
                                    seen=bool(seen and c.key in seen), path_runs=path_runs(coverage, c)))
                    continue
                if body is None or not same_answer(body["choices"][0]["message"], c.message):
                    wrong_misses += 1  # the proxy must relay the upstream's answer untouched
                rows.append(row(SYSTEM, c, None, latency_us, train_runs=train_runs,
                                seen=bool(seen and c.key in seen), path_runs=path_runs(coverage, c),
                                error=None if r.status_code == 200 else f"HTTP {r.status_code} {cache}"))
    hits = sum(r["hit"] for r in rows)
    stats = {"calls": len(rows), "proxy_hits": hits, "proxy_misses": len(rows) - hits,
             "upstream_calls": upstream.calls, "upstream_unknown_contexts": upstream.unknown,
             "upstream_calls_saved": len(rows) - upstream.calls, "misses_relayed_wrongly": wrong_misses}
    return rows, stats
