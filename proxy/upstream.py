"""Talking to the upstream model endpoint.

An :class:`Upstream` answers with a :class:`Reply` (status, headers, body as it
arrives). Failing to reach the upstream, or to hear from it in time, raises
:class:`~proxy.errors.UpstreamFailure` (502 or 504), before or during the body;
an error *status* from the upstream is a normal reply, passed on unchanged.
The default :class:`HttpUpstream` needs only httpx; ``proxy.upstream_litellm``
is loaded only when configured.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
from starlette.datastructures import Headers

from proxy.callers import CREDENTIAL_HEADERS, Caller
from proxy.config import ProxyConfig
from proxy.errors import UpstreamFailure

HOP_BY_HOP = frozenset({
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers",
    "transfer-encoding", "upgrade",
})
# Not passed upstream: ours, or recomputed by httpx (host, length) or pinned (encoding).
_REQUEST_SKIP = HOP_BY_HOP | {"host", "content-length", "accept-encoding", *CREDENTIAL_HEADERS}
# date and server: the proxy's server sets its own (two of each would be malformed).
_RESPONSE_SKIP = HOP_BY_HOP | {"content-length", "content-encoding", "date", "server"}


@dataclass(slots=True)
class Reply:
    status: int
    headers: list[tuple[str, str]]
    body: AsyncIterator[bytes]
    aclose: Callable[[], Awaitable[None]]

    async def read(self) -> bytes:
        try:
            return b"".join([chunk async for chunk in self.body])
        finally:
            await self.aclose()

    @property
    def content_type(self) -> str:
        return next((v for k, v in self.headers if k.lower() == "content-type"), "")


class Upstream(Protocol):
    kind: str

    async def chat(self, body: bytes, payload: dict[str, Any], headers: Headers, caller: Caller) -> Reply:
        """Send one chat-completions request (``body`` is the client's, byte for byte)."""

    async def forward(self, method: str, path: str, query: str, headers: Headers, caller: Caller,
                      body: bytes | AsyncIterator[bytes]) -> Reply:
        """Send any other request; ``path`` is relative to the upstream base URL."""

    async def aclose(self) -> None: ...


def upstream_headers(headers: Headers, caller: Caller) -> list[tuple[str, str]]:
    out = [(k, v) for k, v in headers.items()
           if k not in _REQUEST_SKIP and not k.startswith(("rote-", "butter-"))]
    out.extend(caller.credentials)
    out.append(("accept-encoding", "identity"))
    return out


def client_headers(items: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(k, v) for k, v in items if k.lower() not in _RESPONSE_SKIP]


class HttpUpstream:
    """Any OpenAI-compatible base URL over one pooled httpx transport.

    The transport is used directly, not through ``httpx.AsyncClient``: a client
    keeps a cookie jar, which on a proxy would hand one caller's upstream cookies
    to the next caller, and its auth/redirect/cookie layers are per-request cost
    a proxy does not want.
    """

    kind = "http"

    def __init__(self, config: ProxyConfig) -> None:
        if not config.upstream:
            raise ValueError("HttpUpstream needs config.upstream")
        self.base = config.upstream
        self.transport = httpx.AsyncHTTPTransport(
            limits=httpx.Limits(max_connections=None, max_keepalive_connections=256),
            proxy=config.upstream_proxy)
        self.timeout = httpx.Timeout(config.upstream_timeout, connect=config.upstream_connect_timeout).as_dict()

    async def chat(self, body: bytes, payload: dict[str, Any], headers: Headers, caller: Caller) -> Reply:
        return await self.forward("POST", "/chat/completions", "", headers, caller, body)

    async def forward(self, method: str, path: str, query: str, headers: Headers, caller: Caller,
                      body: bytes | AsyncIterator[bytes]) -> Reply:
        out_headers = upstream_headers(headers, caller)
        if not isinstance(body, bytes) and "content-length" in headers:
            out_headers.append(("content-length", headers["content-length"]))  # stream it, not chunked
        url = self.base + path + (f"?{query}" if query else "")
        request = httpx.Request(method, url, headers=out_headers, content=body, extensions={"timeout": self.timeout})
        try:
            response = await self.transport.handle_async_request(request)
        except httpx.TimeoutException as e:
            raise UpstreamFailure(504, f"the upstream did not answer in time ({type(e).__name__})",
                                  "upstream_timeout") from e
        except httpx.TransportError as e:
            raise UpstreamFailure(502, f"the upstream could not be reached ({type(e).__name__}: {e})",
                                  "upstream_unreachable") from e
        return Reply(response.status_code, client_headers(response.headers.multi_items()),
                     _body(response), response.aclose)

    async def aclose(self) -> None:
        await self.transport.aclose()


async def _body(response: httpx.Response) -> AsyncIterator[bytes]:
    try:
        async for chunk in response.aiter_bytes():
            yield chunk
    except httpx.TimeoutException as e:
        raise UpstreamFailure(504, "the upstream stopped sending before the answer was complete",
                              "upstream_timeout") from e
    except httpx.TransportError as e:
        raise UpstreamFailure(502, f"the upstream closed the connection mid-answer ({type(e).__name__})",
                              "upstream_disconnected") from e
