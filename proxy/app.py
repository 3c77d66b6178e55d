"""The ASGI app: ``create_app(config)`` wires the parts; the lifespan starts and stops them.

An app runs one lifespan: the spool threads and the upstream client it closes
are not restarted. ``app_from_env`` is the factory uvicorn workers call
(``--workers N``): the entry point serialises the config into ``ROTE_PROXY_CONFIG``.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable

import anyio
import anyio.to_thread
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route

from proxy.callers import Gate
from proxy.chat import ChatEndpoint
from proxy.config import ProxyConfig
from proxy.errors import error_body
from proxy.feedback import DisabledNodes, FeedbackEndpoint, disabled_path
from proxy.lane import RoteApp
from proxy.metrics import Metrics
from proxy.passthrough import Passthrough
from proxy.reload import TreeHolder, TreeLoader, compiled_tree_loader
from proxy.spool import SpoolWriter
from proxy.upstream import HttpUpstream, Upstream
from proxy.usage import Usage

log = logging.getLogger("rote.proxy")

CONFIG_ENV = "ROTE_PROXY_CONFIG"
CHAT_PATHS = ("/v1/chat/completions", "/chat/completions")
ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


def make_upstream(config: ProxyConfig) -> Upstream:
    http: Upstream | None = None
    if config.upstream and config.upstream_client == "aiohttp":
        from proxy.upstream_aiohttp import AiohttpUpstream

        http = AiohttpUpstream(config)
    elif config.upstream:
        http = HttpUpstream(config)
    if config.litellm is not None:
        from proxy.upstream_litellm import LiteLLMUpstream

        return LiteLLMUpstream(config, fallback=http)
    if http is None:
        raise ValueError("configure an upstream URL or litellm")
    return http


def create_app(config: ProxyConfig, *, tree_loader: TreeLoader = compiled_tree_loader,
               upstream: Upstream | None = None) -> Starlette:
    metrics = Metrics()
    upstream = upstream or make_upstream(config)
    gate = Gate(config)
    holder = TreeHolder(config.tree_url, metrics, loader=tree_loader, retry_seconds=config.reload_retry_seconds,
                        freeze_gc=config.gc_freeze)
    disabled = DisabledNodes(disabled_path(config.state_dir))

    def writer(prefix: str) -> SpoolWriter:
        return SpoolWriter(config.home.spool_dir, prefix, queue_size=config.spool_queue_size,
                           segment_bytes=config.spool_segment_bytes,
                           segment_seconds=config.spool_segment_seconds,
                           written=metrics.spool_written.labels(prefix),
                           dropped=metrics.spool_dropped.labels(prefix), invalid=metrics.spool_invalid)

    spool, feedback_spool = writer("segment"), writer("feedback")
    usage = Usage(metrics, label_limit=config.template_label_limit, miss_log_size=config.miss_log_size,
                  miss_log_body_bytes=config.miss_log_body_bytes)
    chat = ChatEndpoint(config, gate=gate, holder=holder, upstream=upstream, spool=spool, disabled=disabled,
                        metrics=metrics, usage=usage)
    feedback = FeedbackEndpoint(gate=gate, holder=holder, disabled=disabled, spool=feedback_spool,
                                metrics=metrics, max_body_bytes=config.max_body_bytes)
    passthrough = Passthrough(gate=gate, upstream=upstream, metrics=metrics)

    async def healthz(request: Request) -> Response:
        """Liveness: the process answers. Whether it can serve the tree is ``/readyz``."""
        body = {"status": "ok", "tree_version": holder.version, "upstream": upstream.kind,
                "spool_queue": spool.qsize()}
        return Response(orjson.dumps(body), headers={"x-cache": "BYPASS"}, media_type="application/json")

    async def readyz(request: Request) -> Response:
        """Readiness: 200 once the tree is loaded, 503 before (see :func:`readiness`)."""
        ready, reason = readiness(holder, tree_required=config.tree is not None)
        body = {"ready": ready, "tree_version": holder.version, "tree_url": config.tree_url, "reason": reason}
        return Response(orjson.dumps(body), 200 if ready else 503, {"x-cache": "BYPASS"},
                        media_type="application/json")

    async def metrics_endpoint(request: Request) -> Response:
        metrics.spool_queue.set(spool.qsize())
        return Response(metrics.render(), headers={"x-cache": "BYPASS"}, media_type=metrics.content_type)

    async def server_error(request: Request, exc: Exception) -> Response:
        return Response(error_body("the proxy failed to handle the request", "server_error"), 500,
                        {"x-cache": "BYPASS"}, media_type="application/json")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(spool.start)
        await anyio.to_thread.run_sync(feedback_spool.start)
        await anyio.to_thread.run_sync(disabled.refresh)
        await holder.load()
        if holder.current is None:
            log.warning("tree.none", extra={"url": config.tree_url, "note": "every request is a miss"})
        try:
            async with anyio.create_task_group() as tg:
                tg.start_soon(holder.watch, config.reload_interval, [disabled.refresh])
                log.info("proxy.started", extra={"upstream": upstream.kind, "tree_version": holder.version,
                                                 "namespace_from": config.namespace_from,
                                                 "proxy_keys": len(config.proxy_keys)})
                try:
                    yield
                finally:
                    tg.cancel_scope.cancel()
        finally:
            with anyio.CancelScope(shield=True):
                await upstream.aclose()
                await anyio.to_thread.run_sync(spool.close)
                await anyio.to_thread.run_sync(feedback_spool.close)
            log.info("proxy.stopped")

    own = [
        # The chat endpoint is an ASGI app (the hot path), which RoteApp also reaches directly;
        # the others are bound methods, so Starlette treats them as request -> response endpoints.
        *(Route(path, chat, methods=["POST"]) for path in CHAT_PATHS),
        Route("/v1/rote/feedback", feedback.__call__, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/metrics", metrics_endpoint, methods=["GET"]),
    ]
    routes: list[BaseRoute] = [
        *own,
        *([inspector_mount(config, holder, usage)] if config.ui else []),
        # Other methods on the proxy's own paths: an OpenAI-style 405 here, where the catch-all
        # below would otherwise forward them upstream (and relay whatever it says).
        *(Route(route.path, method_not_allowed(sorted(route.methods or ()), metrics),
                methods=[m for m in ALL_METHODS if m not in (route.methods or ())]) for route in own),
        Route("/{path:path}", passthrough.__call__, methods=ALL_METHODS),
    ]
    app = RoteApp(routes=routes, lifespan=lifespan, chat=chat, chat_paths=CHAT_PATHS, server_error=server_error)
    app.state.metrics = metrics
    app.state.holder = holder
    app.state.usage = usage
    return app


def inspector_mount(config: ProxyConfig, holder: TreeHolder, usage: Usage) -> Mount:
    """The web inspector at ``/ui`` (``rote serve --ui``): the tree served, the counters, the miss log."""
    from inspector.source import TreeSource
    from inspector.web import InspectorConfig, inspector_app

    ui = InspectorConfig(tree_url=config.tree_url, state_dir=config.state_dir, proxy_keys=config.proxy_keys,
                         admin_key=config.admin_key)
    return Mount("/ui", app=inspector_app(ui, TreeSource(config.tree_url, holder, usage)))


def readiness(holder: TreeHolder, *, tree_required: bool) -> tuple[bool, str]:
    """Whether the proxy is ready to serve, and why (for ``/readyz``).

    A tree is required when one was configured (``--tree`` / ``$ROTE_PUBLISH_URL``) or when
    a version is published at the default location; a proxy on a home where nothing was ever
    published is a recording proxy and ready as such (every request a miss).

    >>> from proxy.metrics import Metrics
    >>> readiness(TreeHolder("/nonexistent", Metrics()), tree_required=True)
    (False, 'no tree loaded yet from the configured tree URL')
    """
    if holder.current is not None:
        return True, "serving"
    if holder.published is not None:
        return False, f"version {holder.published} is published but not loaded (see the tree.refused log)"
    if tree_required:
        return False, "no tree loaded yet from the configured tree URL"
    return True, "nothing published yet: every request is a miss and recorded"


def method_not_allowed(allowed: list[str], metrics: Metrics) -> Callable[[Request], Awaitable[Response]]:
    """An endpoint answering 405 in OpenAI's error shape, with ``Allow``.

    >>> from starlette.routing import Route
    >>> Route("/healthz", method_not_allowed(["GET"], Metrics()), methods=["POST"]).methods
    {'POST'}
    """
    allow = ", ".join(allowed)

    async def endpoint(request: Request) -> Response:
        metrics.bad_requests.labels("405").inc()
        body = error_body(f"{request.method} is not allowed on {request.url.path}; use {allow}",
                          param=None, code="method_not_allowed")
        return Response(body, 405, {"allow": allow, "x-cache": "BYPASS"}, media_type="application/json")

    return endpoint


def app_from_env() -> Starlette:
    return create_app(ProxyConfig.model_validate_json(os.environ[CONFIG_ENV]))
