"""Helpers for the sandbox tests."""

from __future__ import annotations

from sandbox import Limits

# Short limits so hostile cases end quickly.
FAST = Limits(case_timeout_s=1.0, memory_mb=256)


def fn(body: str, *, imports: str = "", args: str = "") -> str:
    """Source of a derivation ``f(args)`` with ``body`` indented under it."""
    lines = "\n".join("    " + line for line in body.strip("\n").splitlines())
    return f"{imports}\ndef f({args}):\n{lines}\n"
