"""max_tokens / max_completion_tokens counted in tokens (issue 17): recorded usage when an
answer has it, a calibrated or conservative estimate otherwise, all offline."""

from __future__ import annotations

import io
import socket
from pathlib import Path
from typing import Any

import orjson
import pytest

from induction.ingest import ingest_stream
from induction.pipeline import run_induction
from induction.runtime import tokens_limit
from induction.runtime.compiled import CompiledTree
from induction.store import Store
from tests.conftest import chat_record

ANSWER = "Your order 1234 left our warehouse this morning and arrives on Friday."


def _record(question: str, answer: str, completion_tokens: int | None, rid: str) -> dict[str, Any]:
    rec = chat_record([{"role": "user", "content": question}], answer, rid=rid)
    if completion_tokens is None:
        del rec["response"]["usage"]
    else:
        rec["response"]["usage"] = {"prompt_tokens": 12, "completion_tokens": completion_tokens,
                                    "total_tokens": 12 + completion_tokens}
    return rec


def _induced(tmp_path: Path, records: list[dict[str, Any]]) -> CompiledTree:
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest_stream(store, io.BytesIO(b"".join(orjson.dumps(r) + b"\n" for r in records)))
        tree, _, _ = run_induction(store)
    return CompiledTree.from_bytes(tree.to_bytes())  # what the proxy loads


def test_exact_repeats_under_max_tokens_hit_when_the_recorded_answer_fits(tmp_path: Path) -> None:
    """The issue's figure: max_tokens=20, answers recorded with 8-12 tokens, 0 of 40 hit."""
    tree = _induced(tmp_path, [_record("Where is order 1234?", ANSWER, 12, "a"),
                               _record("Where is order 1234?", ANSWER, 11, "b")])
    ask = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Where is order 1234?"}]}
    assert len(ANSWER) > 20
    assert sum(tree.lookup({**ask, "max_tokens": 20}) is not None for _ in range(40)) == 40
    assert tree.lookup({**ask, "max_completion_tokens": 12}) is not None  # the largest recorded count
    e = tree.explain({**ask, "max_tokens": 11})  # it took 12 once: it may be cut
    assert e.hit is None and "took 12 tokens when recorded" in (e.reason or "")
    assert tree.lookup({**ask, "max_tokens": 50, "max_completion_tokens": 11}) is None  # the smaller one


def test_a_templated_answer_is_estimated_with_the_ratio_its_recordings_showed(tmp_path: Path) -> None:
    name, count = tokens_limit.estimator()
    assert name == "cl100k"

    def answer(who: str) -> str:
        return f"Hello, {who}! Your order has shipped today."

    # A model that needs twice cl100k's count (a small vocabulary).
    records = [_record(f"Say hello to {w}.", answer(w), 2 * count(answer(w)), w) for w in ("Ada", "Bob", "Cyd")]
    tree = _induced(tmp_path, records)
    for who in ("Zed", "Bartholomewsky"):
        need = 2 * count(answer(who))
        ask = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"Say hello to {who}."}],
               "max_tokens": need}
        hit = tree.lookup(ask)
        assert hit is not None and hit.response["choices"][0]["message"]["content"] == answer(who)
        e = tree.explain({**ask, "max_tokens": need - 1})
        assert e.hit is None and "calibrated" in (e.reason or "")


def test_without_recorded_usage_the_estimate_is_conservative(tmp_path: Path) -> None:
    _, count = tokens_limit.estimator()
    tree = _induced(tmp_path, [_record("Where is order 1234?", ANSWER, None, "a"),
                               _record("Where is order 1234?", ANSWER, None, "b")])
    ask = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Where is order 1234?"}]}
    need = -(-count(ANSWER) * 3 // 2) + tokens_limit.OVERHEAD  # 1.5 x cl100k + 4
    assert need < len(ANSWER)
    assert tree.lookup({**ask, "max_tokens": need}) is not None
    assert tree.lookup({**ask, "max_tokens": need - 1}) is None


def test_tool_calls_count_their_names_and_arguments() -> None:
    call = {"id": "c", "type": "function", "function": {"name": "get_weather", "arguments": '{"city": "Oslo"}'}}
    msg = {"role": "assistant", "content": None, "tool_calls": [call]}
    assert tokens_limit.byte_bound(msg) == len("get_weather") + len('{"city": "Oslo"}') + tokens_limit.CALL_MARGIN
    assert tokens_limit.over_limit({"max_tokens": 5}, msg, None) is not None
    assert tokens_limit.over_limit({"max_tokens": 30}, msg, None) is None


def test_the_encoding_loads_offline_and_without_it_bytes_stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: Any, **kwargs: Any) -> Any:
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(tokens_limit, "_encoder", [])
    name, count = tokens_limit.estimator()
    assert name == "cl100k" and count("Hello, world!") == 4
    monkeypatch.setattr(tokens_limit, "_encoder", [])
    monkeypatch.setattr(tokens_limit, "_cl100k_file", lambda: None)
    name, count = tokens_limit.estimator()
    assert name == "bytes" and count("héllo") == 6
    monkeypatch.setattr(tokens_limit, "_encoder", [])  # the next test loads it again
