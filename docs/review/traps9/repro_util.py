"""Shared helper for the review-9 reproductions: induce a tree from a fixed list of runs (through
the store, as ``rote induce`` does), then look up test requests and print miss / ok / FALSE HIT,
with the matched path's notes and the answering node's checks when ``verbose``."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

import orjson

from induction.config import InductionConfig
from induction.ingest import ingest_stream
from induction.pipeline import run_induction, same_answer
from induction.store import Store


def induce_runs(runs: list[list[dict[str, Any]]]) -> tuple[Any, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "s.duckdb")
        ingest_stream(store, io.BytesIO(b"".join(
            orjson.dumps({"request": r["request"], "response": r["response"]}) + b"\n" for run in runs for r in run)))
        tree, result, _ = run_induction(store, InductionConfig())
        store.close()
    return tree, result


def short(m: dict[str, Any]) -> str:
    if m.get("tool_calls"):
        return ("[" + str(m.get("content")) + "] " if m.get("content") else "") + "; ".join(
            f"{c['function']['name']}({c['function']['arguments']})" for c in m["tool_calls"])
    return str(m.get("content"))


def check(tree: Any, result: Any, label: str, rec: dict[str, Any], verbose: bool = True) -> str:
    ex = tree.explain(rec["request"])
    want = rec["response"]["choices"][0]["message"]
    if ex.hit is None:
        print(f"{label}: miss ({ex.reason})")
        return "miss"
    got = ex.hit.response["choices"][0]["message"]
    verdict = "ok" if same_answer(got, want) else "FALSE HIT"
    print(f"{label}: {verdict}\n    served:   {short(got)[:200]}\n    recorded: {short(want)[:200]}")
    if verbose and verdict != "ok":
        nodes = {n.id: n for n in result.nodes}
        for nid in ex.path:
            for note in result.notes.get(nid, []):
                print(f"    note[{nid[:8]}]: {note[:400]}")
        node = nodes.get(ex.path[-1]) if ex.path else None
        if node is not None and node.response is not None:
            r = node.response
            print(f"    answer checks: pins={r.pins} choices={dict(r.choices)} ranges={r.ranges} spans={r.spans} "
                  f"order={r.order} evidence={r.evidence}")
    return verdict
