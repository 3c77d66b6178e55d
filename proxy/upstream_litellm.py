"""Misses through litellm, for providers without an OpenAI-compatible endpoint.

The only module of the proxy that touches litellm; imported only when
``ProxyConfig.litellm`` is set, so the default proxy never loads it. Answers
are turned back into the OpenAI wire format: a completion's JSON, or its chunks
as server-sent events; litellm's errors become the status and OpenAI-style
body the provider meant, timeouts 504 and connection failures 502.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from typing import Any

from starlette.datastructures import Headers

from proxy.callers import Caller
from proxy.config import ProxyConfig
from proxy.errors import ProxyError, UpstreamFailure, error_body
from proxy.stream import DONE
from proxy.upstream import Reply, Upstream

_ERROR_TYPES = {400: "invalid_request_error", 401: "authentication_error", 403: "permission_error",
                404: "not_found_error", 429: "rate_limit_error"}


class LiteLLMUpstream:
    kind = "litellm"

    def __init__(self, config: ProxyConfig, fallback: Upstream | None = None) -> None:
        os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # no price-map download at import
        import litellm

        assert config.litellm is not None
        self.litellm: Any = litellm
        self.settings = config.litellm
        self.timeout = config.upstream_timeout
        self.fallback = fallback

    async def chat(self, body: bytes, payload: dict[str, Any], headers: Headers, caller: Caller) -> Reply:
        kwargs = {**payload, **self.settings.params, "timeout": self.timeout}
        if self.settings.model:
            kwargs["model"] = self.settings.model
        key = _bearer(caller)
        if key and "api_key" not in self.settings.params:
            kwargs["api_key"] = key
        exc = self.litellm.exceptions
        try:
            result = await self.litellm.acompletion(**kwargs)
        except exc.Timeout as e:
            raise UpstreamFailure(504, f"the upstream did not answer in time ({e})", "upstream_timeout") from e
        except exc.APIConnectionError as e:
            raise UpstreamFailure(502, f"the upstream could not be reached ({e})", "upstream_unreachable") from e
        except Exception as e:
            status = getattr(e, "status_code", None)
            if not isinstance(status, int):
                raise UpstreamFailure(502, f"the upstream call failed ({type(e).__name__}: {e})",
                                      "upstream_error") from e
            message = str(getattr(e, "message", None) or e)
            error = error_body(message, _ERROR_TYPES.get(status, "api_error"))
            return Reply(status, [("content-type", "application/json")], _once(error), _nothing)
        if payload.get("stream"):
            return Reply(200, [("content-type", "text/event-stream")], _events(result), _nothing)
        return Reply(200, [("content-type", "application/json")], _once(result.model_dump_json().encode()),
                     _nothing)

    async def forward(self, method: str, path: str, query: str, headers: Headers, caller: Caller,
                      body: bytes | AsyncIterator[bytes]) -> Reply:
        if self.fallback is None:
            raise ProxyError(404, f"{path} is not available: this proxy sends only chat completions "
                                  "through litellm (set an --upstream URL for other endpoints)",
                             code="not_found")
        return await self.fallback.forward(method, path, query, headers, caller, body)

    async def aclose(self) -> None:
        if self.fallback is not None:
            await self.fallback.aclose()


def _bearer(caller: Caller) -> str | None:
    """The caller's key (from ``Authorization: Bearer`` or an api-key header), for litellm's ``api_key``."""
    creds = dict(caller.credentials)
    if "authorization" in creds:
        return creds["authorization"].removeprefix("Bearer ").strip() or None
    return creds.get("api-key") or creds.get("x-api-key")


async def _once(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def _nothing() -> None:
    pass


async def _events(stream: Any) -> AsyncIterator[bytes]:
    try:
        async for chunk in stream:
            yield b"data: " + chunk.model_dump_json(exclude_none=True).encode() + b"\n\n"
    except Exception as e:
        raise UpstreamFailure(502, f"the upstream stream failed ({type(e).__name__}: {e})",
                              "upstream_disconnected") from e
    yield DONE
