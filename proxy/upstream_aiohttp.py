"""The OpenAI-compatible upstream over aiohttp (``--upstream-client aiohttp``).

Same behaviour as :class:`proxy.upstream.HttpUpstream`; aiohttp's C HTTP parser
and one write per request make a miss cost a fraction of httpx's CPU (see
docs/proxy.md for figures). Imported only when configured; aiohttp comes with
litellm, which the project already depends on.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import aiohttp
from starlette.datastructures import Headers

from proxy.callers import Caller
from proxy.config import ProxyConfig
from proxy.errors import UpstreamFailure
from proxy.upstream import Reply, client_headers, upstream_headers


class AiohttpUpstream:
    kind = "http"

    def __init__(self, config: ProxyConfig) -> None:
        if not config.upstream:
            raise ValueError("AiohttpUpstream needs config.upstream")
        self.base = config.upstream
        self.proxy = config.upstream_proxy
        self.timeout = aiohttp.ClientTimeout(total=None, connect=config.upstream_connect_timeout,
                                             sock_read=config.upstream_timeout)
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        # Created on first use: a session belongs to the running event loop.
        if self._session is None:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=0, limit_per_host=0),
                cookie_jar=aiohttp.DummyCookieJar(),  # never carry one caller's cookies to the next
                timeout=self.timeout, auto_decompress=True)
        return self._session

    async def chat(self, body: bytes, payload: dict[str, Any], headers: Headers, caller: Caller) -> Reply:
        return await self.forward("POST", "/chat/completions", "", headers, caller, body)

    async def forward(self, method: str, path: str, query: str, headers: Headers, caller: Caller,
                      body: bytes | AsyncIterator[bytes]) -> Reply:
        out_headers = upstream_headers(headers, caller)
        if not isinstance(body, bytes) and "content-length" in headers:
            out_headers.append(("content-length", headers["content-length"]))
        url = self.base + path + (f"?{query}" if query else "")
        try:
            response = await self._open().request(method, url, data=body, headers=out_headers,
                                                  allow_redirects=False, proxy=self.proxy)
        except TimeoutError as e:
            raise UpstreamFailure(504, "the upstream did not answer in time", "upstream_timeout") from e
        except aiohttp.ClientError as e:
            raise UpstreamFailure(502, f"the upstream could not be reached ({type(e).__name__}: {e})",
                                  "upstream_unreachable") from e
        raw = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in response.raw_headers]
        return Reply(response.status, client_headers(raw), _body(response), _closer(response))

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()


def _closer(response: aiohttp.ClientResponse) -> Callable[[], Awaitable[None]]:
    async def aclose() -> None:
        response.release()  # back to the pool if read to the end, else the connection is closed

    return aclose


async def _body(response: aiohttp.ClientResponse) -> AsyncIterator[bytes]:
    try:
        async for chunk in response.content.iter_any():
            yield chunk
    except TimeoutError as e:
        raise UpstreamFailure(504, "the upstream stopped sending before the answer was complete",
                              "upstream_timeout") from e
    except aiohttp.ClientError as e:
        raise UpstreamFailure(502, f"the upstream closed the connection mid-answer ({type(e).__name__})",
                              "upstream_disconnected") from e
