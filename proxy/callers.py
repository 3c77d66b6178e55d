"""Who is calling: proxy-key check, the caller's namespace, the credentials sent upstream.

With ``namespace_from="api-key"`` the namespace is a digest of the caller's API
key, so on a shared proxy tenants cannot name (or guess) each other's namespace.

>>> api_key_namespace("sk-team-a") == api_key_namespace("sk-team-a") != api_key_namespace("sk-team-b")
True
>>> api_key_namespace("sk-team-a")[:4]
'key-'
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from proxy.config import ProxyConfig
from proxy.errors import ProxyError

DEFAULT_NAMESPACE = "default"
NAMESPACE_HEADER = "rote-namespace"
PROXY_KEY_HEADER = "rote-proxy-key"
CREDENTIAL_HEADERS = ("authorization", "api-key", "x-api-key")
_NAMESPACE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")


def api_key_namespace(key: str) -> str:
    """The namespace of an API key (what ``rote ingest --namespace`` takes for that tenant)."""
    return "key-" + hashlib.blake2b(key.encode(), digest_size=12, person=b"rote-namespace").hexdigest()


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode()).digest()


@dataclass(frozen=True, slots=True)
class Caller:
    namespace: str
    # Credential headers for the upstream: the caller's own, unless they were a proxy key.
    credentials: tuple[tuple[str, str], ...]


class Gate:
    def __init__(self, config: ProxyConfig) -> None:
        self.namespace_from = config.namespace_from
        self.keys = frozenset(_digest(k) for k in config.proxy_keys)
        self.upstream_credentials: tuple[tuple[str, str], ...] = (
            (("authorization", f"Bearer {config.upstream_api_key}"),) if config.upstream_api_key else ()
        )

    def identify(self, headers: Mapping[str, str]) -> Caller:
        """Raises ProxyError 401 (bad or missing proxy key, or no key in api-key mode), 400 (bad namespace)."""
        # The API key itself is parsed only where it is used (proxy keys, api-key namespaces).
        sent = tuple([(h, headers[h]) for h in CREDENTIAL_HEADERS if h in headers])
        credentials = sent or self.upstream_credentials
        if self.keys:
            explicit = headers.get(PROXY_KEY_HEADER)
            if explicit is not None:
                ok = _digest(explicit) in self.keys
            else:
                api_key = _api_key(headers)
                ok = api_key is not None and _digest(api_key) in self.keys
                if ok:
                    credentials = self.upstream_credentials  # the caller's key was ours, not the provider's
            if not ok:
                raise ProxyError(401, "a valid proxy key is required (Authorization: Bearer <key> or "
                                      "Rote-Proxy-Key)", code="invalid_proxy_key")
        if self.namespace_from == "api-key":
            api_key = _api_key(headers)
            if api_key is None:
                raise ProxyError(401, "an API key is required to choose the namespace", code="missing_api_key")
            return Caller(api_key_namespace(api_key), credentials)
        ns = headers.get(NAMESPACE_HEADER)
        if ns is None:
            return Caller(DEFAULT_NAMESPACE, credentials)
        if not _NAMESPACE_RE.fullmatch(ns):
            raise ProxyError(400, "Rote-Namespace must be 1-64 characters of letters, digits, '_', '.', ':', '-'",
                             param="Rote-Namespace")
        return Caller(ns, credentials)


def _api_key(headers: Mapping[str, str]) -> str | None:
    auth = headers.get("authorization")
    if auth:
        scheme, _, value = auth.partition(" ")
        return value.strip() if scheme.lower() == "bearer" and value.strip() else auth.strip()
    return headers.get("api-key") or headers.get("x-api-key") or None
