"""Choosing a backend by name, once, at an entry point (CLI, flow).

``auto`` is E2B when an E2B key is configured, otherwise the local backend.

>>> type(backend_from_config("auto", env={})).__name__
'LocalBackend'
>>> type(backend_from_config("auto", env={"E2B_API_KEY": "e2b_x"})).__name__
'E2BBackend'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

from rote.errors import SandboxError
from sandbox.batch import Limits
from sandbox.e2b import E2BBackend
from sandbox.local import LocalBackend
from sandbox.protocol import SandboxBackend

BackendName = Literal["auto", "local", "e2b"]


def backend_from_config(name: str = "auto", *, api_key: str | None = None, limits: Limits | None = None,
                        env: Mapping[str, str] | None = None) -> SandboxBackend:
    """Build (not start) the backend called ``name``; ``env`` defaults to ``os.environ``."""
    env = os.environ if env is None else env
    key = api_key or env.get("E2B_API_KEY") or None
    if name == "auto":
        name = "e2b" if key else "local"
    if name == "local":
        return LocalBackend(limits)
    if name == "e2b":
        if not key and env.get("E2B_DEBUG", "").lower() != "true":
            raise SandboxError("the e2b backend needs an API key: set E2B_API_KEY (or use --backend local)")
        return E2BBackend(api_key=key, limits=limits)
    raise ValueError(f"unknown sandbox backend {name!r} (choose auto, local or e2b)")
