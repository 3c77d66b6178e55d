"""Every other endpoint (``/v1/models``, ``/v1/embeddings``, ``/v1/responses``, ...) is
forwarded as it is, bodies streamed both ways, with ``X-Cache: BYPASS``.

``/v1/X`` goes to ``{upstream}/X`` (the upstream base URL already ends in its
version); any other path is appended to the base URL unchanged.
"""

from __future__ import annotations

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from proxy.callers import Gate
from proxy.chat import client_left, error_response
from proxy.errors import ProxyError, UpstreamFailure
from proxy.metrics import Metrics
from proxy.relay import Relay
from proxy.upstream import Upstream


def upstream_path(path: str) -> str:
    """
    >>> upstream_path("/v1/models"), upstream_path("/v1"), upstream_path("/openai/x")
    ('/models', '', '/openai/x')
    """
    if path == "/v1" or path.startswith("/v1/"):
        return path[3:]
    return path


class Passthrough:
    def __init__(self, *, gate: Gate, upstream: Upstream, metrics: Metrics) -> None:
        self.gate = gate
        self.upstream = upstream
        self.metrics = metrics

    async def __call__(self, request: Request) -> Response:
        try:
            caller = self.gate.identify(request.headers)
            reply = await self.upstream.forward(
                request.method, upstream_path(request.url.path), request.url.query, request.headers, caller,
                request.stream())
        except UpstreamFailure as e:
            self.metrics.upstream_errors.labels(e.code or "unknown").inc()
            return error_response(e, "BYPASS")
        except ProxyError as e:
            return error_response(e, "BYPASS")
        except ClientDisconnect:  # while its body was being streamed upstream
            return client_left("passthrough", request.scope)
        sse = "text/event-stream" in reply.content_type
        return Relay(reply, [*reply.headers, ("x-cache", "BYPASS")], sse=sse, on_failure=self._failed)

    def _failed(self, e: UpstreamFailure) -> None:
        self.metrics.upstream_errors.labels(e.code or "unknown").inc()
