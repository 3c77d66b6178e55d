"""Shared fixtures: a temporary ``$ROTE_HOME`` and record builders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = tmp_path / "home"
    monkeypatch.setenv("ROTE_HOME", str(root))
    yield root


def chat_record(messages: list[dict[str, Any]], reply: dict[str, Any] | str, *, model: str = "gpt-4o-mini",
                rid: str = "chatcmpl-x", **request_extra: Any) -> dict[str, Any]:
    """A record in the ingest format."""
    msg = {"role": "assistant", "content": reply} if isinstance(reply, str) else reply
    return {
        "request": {"model": model, "messages": messages, **request_extra},
        "response": {"id": rid, "object": "chat.completion", "created": 1, "model": model,
                     "choices": [{"index": 0, "finish_reason": "tool_calls" if msg.get("tool_calls") else "stop",
                                  "message": msg}],
                     "usage": {"prompt_tokens": 10, "completion_tokens": 3, "total_tokens": 13}},
    }
