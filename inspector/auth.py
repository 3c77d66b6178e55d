"""Who may use the inspector: with proxy keys configured, nothing without one of them (or the
admin key); actions (rollback, re-enable) only with the admin key, and none without one set.

The browser proves a key with a cookie holding an HMAC of it (never the key itself), the same
in every worker; scripts may send ``Rote-Admin-Key``, ``Rote-Proxy-Key`` or ``Authorization:
Bearer``.

>>> gate = UiGate(frozenset({"k1"}), "adm")
>>> gate.level({}), gate.level({"rote-proxy-key": "k1"}), gate.level({"authorization": "Bearer adm"})
(None, 'read', 'admin')
>>> gate.level({}, gate.cookie_for("adm"))
'admin'
>>> UiGate(frozenset(), None).level({})
'read'
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from typing import Literal

Level = Literal["read", "admin"]
COOKIE = "rote_ui"


def _token(key: str) -> str:
    return hmac.new(key.encode(), b"rote-inspector", hashlib.sha256).hexdigest()


class UiGate:
    def __init__(self, proxy_keys: frozenset[str], admin_key: str | None) -> None:
        self.open = not proxy_keys
        self.admin_token = _token(admin_key) if admin_key else None
        self.read_tokens = frozenset(_token(k) for k in proxy_keys)
        self.actions = admin_key is not None

    def level_of_key(self, key: str | None) -> Level | None:
        if not key:
            return None
        return self.level_of_token(_token(key))

    def level_of_token(self, token: str | None) -> Level | None:
        if token and self.admin_token and hmac.compare_digest(token, self.admin_token):
            return "admin"
        if token and any(hmac.compare_digest(token, t) for t in self.read_tokens):
            return "read"
        return None

    def level(self, headers: Mapping[str, str], cookie: str | None = None) -> Level | None:
        """The access a request has (headers lower-cased; ``cookie``: the inspector's cookie)."""
        found: list[Level | None] = [self.level_of_token(cookie)]
        for name in ("rote-admin-key", "rote-proxy-key"):
            found.append(self.level_of_key(headers.get(name)))
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            found.append(self.level_of_key(auth[7:].strip()))
        if "admin" in found:
            return "admin"
        if "read" in found or self.open:
            return "read"
        return None

    def cookie_for(self, key: str) -> str | None:
        """The cookie value proving ``key``; None when the key opens nothing."""
        return _token(key) if self.level_of_key(key) else None
