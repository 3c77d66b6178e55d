"""What goes into the spool, rendered on the writer thread.

A miss is one line in the ingest format::

    {"request": <the client's body, credentials removed>,
     "response": <the chat.completion; a streamed answer reassembled>,
     "rote": {"namespace", "bindings"?, "recorded_at", "cache": "MISS", "latency_ms",
              "stream", "tree_version", "headers"}}

Credentials never reach a line: the ``Authorization``/api-key headers and any
header whose name says it carries a secret are left out, as are the headers the
operator lists and credential fields in the body.

>>> record_headers([("Authorization", "Bearer sk-1"), ("X-Team-Token", "t"), ("X-Run", "r1"),
...                 ("User-Agent", "ua")], frozenset({"x-run"}))
{'user-agent': 'ua'}
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson

from induction.runtime import jsonx
from proxy.stream import reassemble_sse

# Headers that are credentials, transport, or recorded elsewhere in the line.
_SKIP_HEADERS = frozenset({
    "authorization", "proxy-authorization", "api-key", "x-api-key", "cookie", "set-cookie",
    "host", "connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade",
    "content-length", "content-type", "accept", "accept-encoding",
    "rote-bindings", "butter-bindings", "rote-proxy-key", "rote-cache", "rote-namespace",
})
_SECRET_WORDS = ("auth", "key", "token", "secret", "password", "cookie", "credential", "signature")
# Body fields some clients use to carry provider credentials.
CREDENTIAL_FIELDS = frozenset({
    "api_key", "api_secret", "api_token", "aws_access_key_id", "aws_secret_access_key", "aws_session_token",
    "azure_ad_token", "vertex_credentials",
})


def record_headers(headers: Iterable[tuple[str, str]], strip: frozenset[str]) -> dict[str, str]:
    out = {}
    for name, value in headers:
        n = name.lower()
        if (n in _SKIP_HEADERS or n in strip or n.startswith("x-stainless-")
                or any(w in n for w in _SECRET_WORDS)):
            continue
        out[n] = value
    return out


def without_credentials(request: dict[str, Any]) -> dict[str, Any]:
    if CREDENTIAL_FIELDS.isdisjoint(request):
        return request
    return {k: v for k, v in request.items() if k not in CREDENTIAL_FIELDS}


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat()


def _is_completion(obj: Any) -> bool:
    if not isinstance(obj, dict) or not isinstance(obj.get("choices"), list) or not obj["choices"]:
        return False
    first = obj["choices"][0]
    return isinstance(first, dict) and isinstance(first.get("message"), dict)


@dataclass(slots=True)
class MissRecord:
    """A completed miss; the raw upstream body is parsed only when written."""

    request: dict[str, Any]
    response: bytes
    streamed: bool
    namespace: str
    bindings: dict[str, Any] | None
    headers: list[tuple[str, str]]
    strip_headers: frozenset[str]
    started_at: float  # time.time()
    latency_ms: float
    tree_version: str | None
    no_cache: bool

    def render(self) -> bytes | None:
        if self.streamed:
            response = reassemble_sse(self.response)
        else:
            try:
                response = orjson.loads(self.response)
            except orjson.JSONDecodeError:
                return None
        if not _is_completion(response):
            return None
        meta: dict[str, Any] = {"namespace": self.namespace}
        if self.bindings:
            meta["bindings"] = self.bindings
        meta.update({
            "recorded_at": _iso(self.started_at),
            "cache": "MISS",
            "latency_ms": round(self.latency_ms, 3),
            "stream": self.streamed,
            "tree_version": self.tree_version,
            "headers": record_headers(self.headers, self.strip_headers),
        })
        if self.no_cache:
            meta["no_cache"] = True
        # jsonx: a request as deep as the proxy accepts (orjson.dumps stops at 254 levels).
        return jsonx.dumps({"request": without_credentials(self.request), "response": response, "rote": meta})


@dataclass(frozen=True, slots=True)
class FeedbackRecord:
    response_id: str
    node_id: str
    path: tuple[str, ...]
    ok: bool
    namespace: str
    comment: str | None
    at: float
    tree_version: str | None

    def render(self) -> bytes | None:
        return orjson.dumps({"feedback": {
            "response_id": self.response_id, "node_id": self.node_id, "path": list(self.path), "ok": self.ok,
            "namespace": self.namespace, "comment": self.comment, "at": _iso(self.at),
            "tree_version": self.tree_version,
        }})
