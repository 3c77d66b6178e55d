"""The proxy's settings: one frozen value built at the entry point and passed down.

>>> from pathlib import Path
>>> c = ProxyConfig(home=Home(root=Path("/tmp/h")), upstream="http://127.0.0.1:9/v1/")
>>> c.upstream, c.tree_url, c.max_body_bytes
('http://127.0.0.1:9/v1', '/tmp/h/published', 20971520)
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from rote.config import Home

NamespaceFrom = Literal["header", "api-key"]
UpstreamClient = Literal["httpx", "aiohttp"]

MB = 1024 * 1024


class LiteLLMSettings(BaseModel):
    """Misses go through ``litellm.acompletion`` instead of plain HTTP.

    ``model`` None keeps the request's own model (which then names the provider,
    e.g. ``anthropic/claude-...``); ``params`` are extra keyword arguments
    (``api_base``, ``api_version``, ...).
    """

    model_config = ConfigDict(frozen=True)

    model: str | None = None
    params: dict[str, Any] = Field(default_factory=dict, repr=False)


class ProxyConfig(BaseModel):
    model_config = ConfigDict(frozen=True)

    home: Home
    # OpenAI-compatible base URL: chat completions go to ``{upstream}/chat/completions``
    # and any other ``/v1/X`` to ``{upstream}/X``.
    upstream: str | None = "https://api.openai.com/v1"
    litellm: LiteLLMSettings | None = None
    # Used when the caller's own Authorization is absent or was a proxy key.
    upstream_api_key: str | None = Field(default=None, repr=False)
    tree: str | None = None  # a Publisher URL or path; default: $ROTE_HOME/published
    namespace_from: NamespaceFrom = "header"
    proxy_keys: frozenset[str] = Field(default=frozenset(), repr=False)
    # Extra request headers never written to the spool (credentials always are not).
    strip_headers: frozenset[str] = frozenset()
    max_body_bytes: int = Field(default=20 * MB, gt=0)
    upstream_timeout: float = Field(default=600.0, gt=0)  # seconds between bytes
    upstream_connect_timeout: float = Field(default=10.0, gt=0)
    upstream_proxy: str | None = None  # an HTTP(S) proxy for upstream calls (HTTPS_PROXY is not read)
    upstream_client: UpstreamClient = "httpx"  # aiohttp: less CPU per miss (proxy.upstream_aiohttp)
    spool_queue_size: int = Field(default=10_000, gt=0)
    spool_segment_bytes: int = Field(default=16 * MB, gt=0)
    spool_segment_seconds: float = Field(default=60.0, gt=0)
    reload_interval: float = Field(default=1.0, gt=0)
    reload_retry_seconds: float = Field(default=30.0, ge=0)  # before retrying a refused version
    # gc.freeze() after each tree load, so full collections skip the tree (see proxy.reload).
    gc_freeze: bool = True
    sse_chunk_chars: int = Field(default=24, gt=0)  # content characters per streamed hit chunk
    # Per-template counters and the recent-miss log (``proxy.usage``): node ids with their own
    # Prometheus series, misses kept with their reason (0: no log), largest request kept.
    template_label_limit: int = Field(default=1000, ge=0)
    miss_log_size: int = Field(default=100, ge=0)
    miss_log_body_bytes: int = Field(default=65536, ge=0)
    # The web inspector at /ui (``inspector.web``); its actions (rollback, re-enable) need the admin key.
    ui: bool = False
    admin_key: str | None = Field(default=None, repr=False)

    @field_validator("upstream")
    @classmethod
    def _strip_slash(cls, v: str | None) -> str | None:
        return v.rstrip("/") if v else None

    @field_validator("strip_headers")
    @classmethod
    def _lower(cls, v: frozenset[str]) -> frozenset[str]:
        return frozenset(h.strip().lower() for h in v if h.strip())

    @property
    def tree_url(self) -> str:
        return self.tree or str(self.home.publish_dir)

    @property
    def state_dir(self) -> str:
        """Proxy state shared by all workers on this home (disabled template paths)."""
        return str(self.home.root / "proxy")
