"""OpenAI-style errors: ``{"error": {"message", "type", "param", "code"}}``.

>>> e = ProxyError(400, "messages must be a non-empty array", param="messages")
>>> e.body()
b'{"error":{"message":"messages must be a non-empty array","type":"invalid_request_error","param":"messages","code":null}}'
"""

from __future__ import annotations

import orjson


def error_body(message: str, type: str = "invalid_request_error", *, param: str | None = None,
               code: str | None = None) -> bytes:
    return orjson.dumps({"error": {"message": message, "type": type, "param": param, "code": code}})


class ProxyError(Exception):
    """A request the proxy answers itself with an error (never forwarded)."""

    def __init__(self, status: int, message: str, type: str = "invalid_request_error", *,
                 param: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.param = param
        self.code = code

    def body(self) -> bytes:
        return error_body(self.message, self.type, param=self.param, code=self.code)


class UpstreamFailure(ProxyError):
    """The upstream could not be reached (502) or did not answer in time (504)."""

    def __init__(self, status: int, message: str, code: str) -> None:
        super().__init__(status, message, "upstream_error", code=code)
