"""Proxy performance: hit throughput against a bare Starlette endpoint, the proxy's own
time on a hit, and what a miss adds over calling the upstream directly.

    .venv/bin/python benchmarks/proxy_throughput.py [--requests 20000] [--concurrency 32]

Each server runs alone in its own process (uvicorn, one worker, h11, asyncio loop,
no access log: the same stack for both), pinned to one CPU when the machine has
more than one; the load generator (an aiohttp or httpx client holding
``--concurrency`` connections) runs in this process on the other CPUs. One run each.

- hit throughput: the same number of requests against (a) a Starlette endpoint that
  returns a fixed ``chat.completion`` body of the hit's size and (b) the proxy
  answering every request from a published tree (``X-Cache: HIT`` checked);
- the proxy's own time on a hit: measured inside the server process, from the
  ASGI call to the last body byte handed to uvicorn, for every request of the run
  (a thin timing wrapper around both apps);
- the server CPU time per request (from /proc), a throughput ratio that does not depend
  on what else the machine is running;
- miss overhead: sequential requests (concurrency 1) to a stub upstream directly
  and through the proxy (each a miss, recorded to the spool), non-stream and stream.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

MODEL = "gpt-4o-mini"
SYSTEM = ("You are the greeting agent of Acme Corp. Greet each person by the name the operator gives, "
          "politely and briefly, in the customer's language. " * 8)


def hit_request(i: int) -> bytes:
    return orjson.dumps({"model": MODEL, "messages": [
        {"role": "system", "content": SYSTEM}, {"role": "user", "content": f"Say hello to Person {i}."}]})


def miss_request(i: int, stream: bool) -> bytes:
    return orjson.dumps({"model": MODEL, "stream": stream, "messages": [
        {"role": "system", "content": SYSTEM}, {"role": "user", "content": f"What is the weather in city {i}?"}]})


# -- server side (subprocesses) ----------------------------------------------------

class Timed:
    """Records the in-app time of every chat request; ``GET /__timings`` returns and clears them."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.samples: list[float] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] != "/v1/chat/completions":
            if scope["type"] == "http" and scope["path"] == "/__timings":
                body = orjson.dumps(self.samples)
                self.samples = []
                await send({"type": "http.response.start", "status": 200,
                            "headers": [(b"content-type", b"application/json")]})
                await send({"type": "http.response.body", "body": body})
                return
            await self.app(scope, receive, send)
            return
        t0 = time.perf_counter()

        async def timed_send(message: Any) -> None:
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                self.samples.append(time.perf_counter() - t0)

        await self.app(scope, receive, timed_send)


def bare_app(body: bytes) -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    async def fixed(request: Request) -> Response:
        return Response(body, media_type="application/json")

    return Starlette(routes=[Route("/v1/chat/completions", fixed, methods=["POST"])])


def stub_app() -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response, StreamingResponse
    from starlette.routing import Route

    async def chat(request: Request) -> Response:
        req = orjson.loads(await request.body())
        done = {"id": "chatcmpl-stub", "object": "chat.completion", "created": 1, "model": req["model"],
                "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                             "message": {"role": "assistant", "content": "Sunny, 21 degrees.", "refusal": None}}],
                "usage": {"prompt_tokens": 90, "completion_tokens": 6, "total_tokens": 96}}
        if not req.get("stream"):
            return Response(orjson.dumps(done), media_type="application/json")
        from proxy.stream import completion_to_sse

        return StreamingResponse(iter([completion_to_sse(done, include_usage=False, chunk_chars=4)]),
                                 media_type="text/event-stream")

    return Starlette(routes=[Route("/v1/chat/completions", chat, methods=["POST"])])


def publish_tree(home: Path) -> None:
    from induction.hashing import request_key
    from induction.publish import Publisher
    from induction.runtime.compiled import compile_tree
    from induction.runtime.nodes import ResponseTemplate, TemplateNode
    from induction.runtime.template import MessageTemplate, Slot, TextTemplate

    nodes = [
        TemplateNode(id="sys", parent=None, template=MessageTemplate(role="system",
                                                                     content=TextTemplate.literal(SYSTEM))),
        TemplateNode(id="hello", parent="sys", template=MessageTemplate(role="user", content=TextTemplate(
            parts=("Say hello to ", Slot(var="name"), "."))), response=ResponseTemplate(
            message=MessageTemplate(role="assistant", content=TextTemplate(parts=("Hello, ", Slot(var="name"),
                                                                                  "! Welcome to Acme."))),
            request_keys=(request_key({"model": MODEL}),), usage={"completion_tokens": 8})),
    ]
    Publisher(home / "published").publish(compile_tree(nodes).to_bytes())


def serve_main(kind: str, port: int, home: str, upstream: str, cpu: int | None, client: str) -> None:
    import uvicorn

    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    if kind == "proxy":
        from proxy.app import create_app
        from proxy.config import ProxyConfig
        from rote.config import Home

        app: Any = create_app(ProxyConfig(home=Home(root=Path(home)), upstream=upstream,
                                          upstream_client=client))  # type: ignore[arg-type]
    elif kind == "bare":
        app = bare_app(Path(home, "fixed.json").read_bytes())
    else:
        app = stub_app()
    uvicorn.run(Timed(app), host="127.0.0.1", port=port, log_level="warning", access_log=False, http="h11",
                loop="asyncio", lifespan="on")


# -- load side ---------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, kind: str, home: Path, upstream: str = "", cpu: int | None = None,
                 client: str = "httpx") -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([sys.executable, __file__, "--serve", kind, str(self.port), str(home), upstream,
                                      str(cpu if cpu is not None else -1), client])
        import httpx

        for _ in range(600):
            try:
                httpx.get(self.url + "/__timings", timeout=1)
                return
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError(f"{kind} server did not start")

    def cpu(self) -> float:
        """CPU seconds (user + system) the server process has used so far."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def timings(self) -> list[float]:
        import httpx

        return list(orjson.loads(httpx.get(self.url + "/__timings").content))

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


async def load(url: str, bodies: list[bytes], concurrency: int, client: str) -> tuple[float, dict[str, int]]:
    """Send every body once with ``concurrency`` workers; (seconds, X-Cache counts incl. errors)."""
    counts: dict[str, int] = {}
    it = iter(bodies)
    headers = {"content-type": "application/json", "authorization": "Bearer sk-bench"}
    if client == "aiohttp":
        import aiohttp

        conn = aiohttp.TCPConnector(limit=concurrency)
        async with aiohttp.ClientSession(url, connector=conn) as session:
            async def worker() -> None:
                for body in it:
                    async with session.post("/v1/chat/completions", data=body, headers=headers) as r:
                        await r.read()
                        key = r.headers.get("x-cache", "none") if r.status == 200 else f"status {r.status}"
                        counts[key] = counts.get(key, 0) + 1

            t0 = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(concurrency)))
            return time.perf_counter() - t0, counts
    import httpx

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as c:
        async def hworker() -> None:
            for body in it:
                r = await c.post("/v1/chat/completions", content=body, headers=headers)
                key = r.headers.get("x-cache", "none") if r.status_code == 200 else f"status {r.status_code}"
                counts[key] = counts.get(key, 0) + 1

        t0 = time.perf_counter()
        await asyncio.gather(*(hworker() for _ in range(concurrency)))
        return time.perf_counter() - t0, counts


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")


def sequential(url: str, bodies: list[bytes]) -> list[float]:
    import httpx

    out = []
    # TCP_NODELAY, as curl, aiohttp and the async clients set it: httpx's sync transport does not, and
    # Nagle's algorithm then holds the request body back behind its headers for a delayed ACK.
    nodelay = httpx.HTTPTransport(socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)])
    with httpx.Client(base_url=url, timeout=30, transport=nodelay) as c:
        for body in bodies:
            t0 = time.perf_counter()
            r = c.post("/v1/chat/completions", content=body, headers={"content-type": "application/json"})
            r.read()
            out.append(time.perf_counter() - t0)
            assert r.status_code == 200, r.text
    return out


def miss_overhead(home: Path, stub: Server, n: int) -> None:
    """Sequential misses, direct and through a proxy, with no CPU pinning: on a VM, a wake-up that
    crosses to another (halted) vCPU costs far more than the proxy's own work, and pinning forces that."""
    for i, client in enumerate(("httpx", "aiohttp")):
        proxy = Server("proxy", home, stub.url + "/v1", None, client)
        try:
            for stream in (False, True):
                offset = (2 * i + stream) * n  # every request a new one: all misses
                direct = sequential(stub.url, [miss_request(offset + k, stream) for k in range(n)])
                cpu0 = proxy.cpu()
                via = sequential(proxy.url, [miss_request(offset + k, stream) for k in range(n)])
                cpu = (proxy.cpu() - cpu0) / n
                d50, v50 = statistics.median(direct), statistics.median(via)
                dm, vm = statistics.fmean(direct), statistics.fmean(via)
                print(f"miss {'stream' if stream else 'json  '} upstream-client={client:7s}: direct p50 "
                      f"{d50 * 1e3:.2f} ms mean {dm * 1e3:.2f}; via proxy p50 {v50 * 1e3:.2f} ms mean "
                      f"{vm * 1e3:.2f}; added p50 {(v50 - d50) * 1e3:.2f} ms mean {(vm - dm) * 1e3:.2f} ms "
                      f"(target <= 2 ms); proxy CPU {cpu * 1e3:.2f} ms/miss")
        finally:
            proxy.stop()


def hit_throughput(home: Path, args: argparse.Namespace) -> None:
    cpus = sorted(os.sched_getaffinity(0))
    server_cpu = cpus[-1] if len(cpus) > 1 else None
    if server_cpu is not None:
        os.sched_setaffinity(0, set(cpus[:-1]))  # the load generator keeps off the server's CPU
    print(f"hits: server pinned to cpu {server_cpu}, client={args.client} concurrency={args.concurrency} "
          f"requests={args.requests}")
    proxy = Server("proxy", home, "http://127.0.0.1:9/v1", server_cpu)
    # The bare endpoint answers with a body of exactly the hit's size.
    import httpx

    (home / "fixed.json").write_bytes(httpx.post(proxy.url + "/v1/chat/completions", content=hit_request(0)).content)
    bare = Server("bare", home, "", server_cpu)
    try:
        results = {}
        for name, srv in (("bare", bare), ("proxy", proxy)):
            asyncio.run(load(srv.url, [hit_request(i) for i in range(2000)], args.concurrency, args.client))
            srv.timings()
            bodies = [hit_request(i) for i in range(args.requests)]
            cpu0 = srv.cpu()
            secs, counts = asyncio.run(load(srv.url, bodies, args.concurrency, args.client))
            cpu = (srv.cpu() - cpu0) / args.requests
            own = srv.timings()
            results[name] = (args.requests / secs, own, cpu)
            print(f"{name:6s} {args.requests / secs:8.0f} req/s  server CPU {cpu * 1e6:.0f} us/req  in-app p50 "
                  f"{pct(own, .5) * 1e3:.3f} ms p90 {pct(own, .9) * 1e3:.3f} ms p99 {pct(own, .99) * 1e3:.3f} ms  "
                  f"responses {counts}")
        print(f"hit throughput ratio proxy/bare = {results['proxy'][0] / results['bare'][0]:.2f} (target >= 0.7); "
              f"by server CPU per request {results['bare'][2] / results['proxy'][2]:.2f}; proxy own time on a hit "
              f"p99 = {pct(results['proxy'][1], .99) * 1e3:.3f} ms (target <= 2 ms)")
    finally:
        proxy.stop()
        bare.stop()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=20000)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--misses", type=int, default=500)
    ap.add_argument("--client", choices=["aiohttp", "httpx"], default="aiohttp")
    args = ap.parse_args()
    print(f"cpus={os.cpu_count()} load={os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        (home / "spool").mkdir(parents=True)
        publish_tree(home)
        stub = Server("stub", home)
        try:
            miss_overhead(home, stub, args.misses)
        finally:
            stub.stop()
        recorded = sum(len(p.read_bytes().splitlines()) for p in (home / "spool").glob("segment-*.jsonl"))
        print(f"misses recorded to the spool: {recorded} (expected {4 * args.misses})")
        hit_throughput(home, args)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--serve":
        kind, port, home, upstream, cpu, client = sys.argv[2:8]
        serve_main(kind, int(port), home, upstream, None if int(cpu) < 0 else int(cpu), client)
    else:
        main()
