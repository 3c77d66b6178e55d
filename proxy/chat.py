"""``POST /v1/chat/completions``: validate, decide bypass, look up, serve the hit or forward the miss.

``X-Cache`` says what happened: ``HIT`` (answered from the tree, with
``X-Rote-Node``), ``MISS`` (looked up, forwarded, recorded) or ``BYPASS`` (the
cache was not consulted: a request it cannot serve, ``Rote-Cache: no-cache``,
or a request the proxy refused).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson
from starlette.background import BackgroundTask
from starlette.datastructures import Headers
from starlette.requests import ClientDisconnect
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from proxy.callers import Caller, Gate
from proxy.config import ProxyConfig
from proxy.errors import ProxyError, UpstreamFailure
from proxy.feedback import DisabledNodes, ResponseIds
from proxy.metrics import Metrics
from proxy.recording import MissRecord
from proxy.relay import Relay, incomplete
from proxy.reload import HitLike, LoadedTree, TreeHolder
from proxy.spool import SpoolWriter
from proxy.stream import completion_to_sse
from proxy.upstream import Reply, Upstream
from proxy.usage import Usage
from proxy.validate import bindings, bypass_reason, cache_directives, header_map, parse_chat, read_body

log = logging.getLogger("rote.proxy.chat")

JSON = "application/json"
SSE = "text/event-stream"


def error_response(e: ProxyError, cache: str) -> Response:
    return Response(e.body(), e.status, {"x-cache": cache, "x-should-retry": "false"} if e.status < 500
                    else {"x-cache": cache}, media_type=JSON)


def with_headers(response: Response, headers: list[tuple[str, str]]) -> Response:
    response.raw_headers.extend((k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers)
    return response


_JSON_CONTENT_TYPE = (b"content-type", JSON.encode("latin-1"))
_SSE_CONTENT_TYPE = (b"content-type", f"{SSE}; charset=utf-8".encode("latin-1"))  # Starlette adds it to text/*


class HitResponse(Response):
    """A hit, its headers encoded directly. ``Response.__init__`` would build them from a dict
    (lower-casing and encoding each, scanning for content-length and -type): 2 µs a hit, several
    times the serialisation of the body. The headers, and their order, are those of
    ``Response(body, 200, {"x-cache": "HIT", "x-rote-node": ..., "x-rote-tree": ...[, "cache-control":
    "no-cache"]}, media_type=JSON or SSE)`` (``tests/proxy/test_hit_path.py`` compares them)."""

    def __init__(self, body: bytes, node_id: str, tree_version: str, *, stream: bool) -> None:
        self.status_code = 200
        self.background = None
        self.body = body
        head = [(b"x-cache", b"HIT"), (b"x-rote-node", node_id.encode("latin-1")),
                (b"x-rote-tree", tree_version.encode("latin-1"))]
        if stream:
            head.append((b"cache-control", b"no-cache"))
        head.append((b"content-length", str(len(body)).encode("latin-1")))
        head.append(_SSE_CONTENT_TYPE if stream else _JSON_CONTENT_TYPE)
        self.raw_headers = head


class Gone(Response):
    """The answer to a client that left before its request was read: nothing is sent."""

    def __init__(self) -> None:
        self.status_code = 499  # nginx's "client closed request", for whoever logs it
        self.background = None
        self.body = b""
        self.raw_headers = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        return None


def client_left(where: str, scope: Scope) -> Gone:
    """Log a client that went away mid-request (routine: a timeout, a cancelled agent) at info,
    without the traceback the server would print for an exception, and answer nothing.

    >>> client_left("chat", {"path": "/v1/chat/completions"}).status_code
    499
    """
    log.info("client.disconnected", extra={"where": where, "path": scope.get("path")})
    return Gone()


@dataclass(slots=True)
class Call:
    """One chat request after validation."""

    body: bytes
    payload: dict[str, Any]
    caller: Caller
    bindings: dict[str, Any] | None
    no_cache: bool
    no_store: bool
    started: float  # perf_counter at arrival


class ChatEndpoint:
    def __init__(self, config: ProxyConfig, *, gate: Gate, holder: TreeHolder, upstream: Upstream,
                 spool: SpoolWriter, disabled: DisabledNodes, metrics: Metrics, usage: Usage | None = None) -> None:
        self.config = config
        self.gate = gate
        self.holder = holder
        self.upstream = upstream
        self.spool = spool
        self.disabled = disabled
        self.metrics = metrics
        self.usage = usage or Usage(metrics, label_limit=config.template_label_limit,
                                    miss_log_size=config.miss_log_size,
                                    miss_log_body_bytes=config.miss_log_body_bytes)
        self.response_id = ResponseIds()
        self.require_model = not (config.litellm is not None and config.litellm.model)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """An ASGI app, not a Starlette request endpoint: the wrapper Starlette puts around those
        (a Request, a second exception-handling layer, two closures per request) cost ~4% of a
        hit's instructions in-process. The request's Headers are built only to forward it."""
        response = await self.handle(scope, receive)
        await response(scope, receive, send)

    async def handle(self, scope: Scope, receive: Receive) -> Response:
        started = time.perf_counter()
        try:
            call = await self._read(scope, receive, started)
        except ProxyError as e:
            self.metrics.bad_requests.labels(str(e.status)).inc()
            return error_response(e, "BYPASS")
        except ClientDisconnect:
            return client_left("chat", scope)
        reason = bypass_reason(call.payload)
        if reason is not None:
            self.metrics.bypasses.inc()
            return await self._forward(Headers(scope=scope), call, "BYPASS", record=False,
                                       extra=[("x-rote-bypass", reason)])
        tree = self.holder.current
        if call.no_cache:
            self.metrics.bypasses.inc()
            return await self._forward(Headers(scope=scope), call, "BYPASS", record=not call.no_store, tree=tree)
        if tree is not None:
            hit = self._lookup(tree, call)
            if hit is not None:
                return self._serve_hit(tree, hit, call)
            self._missed(tree, call)
        self.metrics.misses.inc()
        return await self._forward(Headers(scope=scope), call, "MISS", record=not call.no_store, tree=tree)

    async def _read(self, scope: Scope, receive: Receive, started: float) -> Call:
        headers = header_map(scope)
        caller = self.gate.identify(headers)
        body = await read_body(receive, self.config.max_body_bytes, headers.get("content-length"))
        payload = parse_chat(body, require_model=self.require_model)
        no_cache, no_store = cache_directives(headers)
        return Call(body, payload, caller, bindings(headers), no_cache, no_store, started)

    def _lookup(self, tree: LoadedTree, call: Call) -> HitLike | None:
        ns = call.caller.namespace
        try:
            return tree.runtime.lookup(call.payload, ns, self.disabled.get(ns))
        except Exception:
            # A derivation or template that fails on this request makes it a miss, never an error.
            self.metrics.lookup_errors.inc()
            log.warning("lookup.failed", exc_info=True, extra={"namespace": ns, "tree_version": tree.version})
            return None

    def _missed(self, tree: LoadedTree, call: Call) -> None:
        """Count the miss under the deepest node reached and log it with the runtime's reason
        (a second walk, with the reason: a miss waits for a model anyway)."""
        explain = getattr(tree.runtime, "explain", None)
        if explain is None:
            return  # a runtime that cannot say why (test doubles)
        ns = call.caller.namespace
        try:
            ex = explain(call.payload, ns, self.disabled.get(ns))
        except Exception:
            return  # already counted and logged by _lookup
        self.usage.miss(tree.version, ns, call.payload, str(ex.reason or "no answer"), tuple(ex.path))

    def _serve_hit(self, tree: LoadedTree, hit: HitLike, call: Call) -> Response:
        completion = dict(hit.response)
        rid = self.response_id(hit.node_id)
        completion["id"] = rid
        if completion.get("model") is None:
            completion["model"] = call.payload.get("model") or "rote"
        stream = bool(call.payload.get("stream"))
        if stream:
            options = call.payload.get("stream_options") or {}
            body = completion_to_sse(completion, include_usage=bool(options.get("include_usage")),
                                     chunk_chars=self.config.sse_chunk_chars)
        else:
            body = orjson.dumps(completion)
        response = HitResponse(body, hit.node_id, tree.version, stream=stream)
        self.metrics.hits.inc()
        self.usage.hit(hit.node_id)
        self.metrics.hit_seconds.observe(time.perf_counter() - call.started)
        return response

    async def _forward(self, request_headers: Headers, call: Call, cache: str, *, record: bool,
                       tree: LoadedTree | None = None, extra: list[tuple[str, str]] | None = None) -> Response:
        wall = time.time()
        try:
            reply = await self.upstream.chat(call.body, call.payload, request_headers, call.caller)
        except UpstreamFailure as e:
            self._failed(e)
            return error_response(e, cache)
        if reply.status >= 400:
            self.metrics.upstream_errors.labels(f"http_{reply.status // 100}xx").inc()
        headers = [*reply.headers, ("x-cache", cache), *(extra or [])]
        record = record and reply.status == 200
        version = tree.version if tree else None

        def submit(response: bytes, streamed: bool) -> None:
            latency = time.perf_counter() - call.started
            if cache == "MISS":
                self.metrics.miss_seconds.observe(latency)
            if record:
                self.spool.submit(MissRecord(
                    call.payload, response, streamed, call.caller.namespace, call.bindings,
                    request_headers.items(), self.config.strip_headers, wall, latency * 1000, version,
                    call.no_cache))

        if call.payload.get("stream") and reply.status == 200 and SSE in reply.content_type:
            return self._relay(reply, headers, record, submit)
        try:
            data = await reply.read()
            if reply.status == 200:
                # A 200 whose body is not JSON (cut short behind a load balancer, an HTML page
                # from a gateway) is no answer: the client gets an error, nothing is recorded.
                # Parsing here costs microseconds; the spool writer parses it again off-path.
                try:
                    orjson.loads(data)
                except orjson.JSONDecodeError:
                    raise incomplete() from None
        except UpstreamFailure as e:
            self._failed(e)
            return error_response(e, cache)

        async def after() -> None:  # once the last byte is out; async, so it runs inline, not in a thread
            submit(data, False)

        return with_headers(Response(data, reply.status, background=BackgroundTask(after)), headers)

    def _relay(self, reply: Reply, headers: list[tuple[str, str]], record: bool,
               submit: Callable[[bytes, bool], None]) -> Response:
        tee = bytearray() if record else None

        def done(complete: bool) -> None:
            if complete:
                submit(bytes(tee) if tee is not None else b"", True)

        return Relay(reply, headers, sse=True, tee=tee, on_done=done, on_failure=self._failed, chat=True)

    def _failed(self, e: UpstreamFailure) -> None:
        self.metrics.upstream_errors.labels(e.code or "unknown").inc()
        log.warning("upstream.failed", extra={"status": e.status, "code": e.code, "error": e.message})
