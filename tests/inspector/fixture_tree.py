"""The fixture tree the inspector tests look at: the shipped training runs induced in-process,
published twice (an earlier version with two answers still staged, then the full one), each
with its notes and the distinct values its variables took."""

from __future__ import annotations

from pathlib import Path

import orjson

from induction.ingest import ingest_stream
from induction.pipeline import run_induction
from induction.publish import Manifest, Publisher
from induction.runtime.compiled import compile_tree
from induction.store import Store
from inspector.values import VALUES_FILE, value_counts

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "fixtures"


def publish_fixture_tree(dest: str | Path) -> tuple[Manifest, Manifest]:
    """(the earlier version, the current one) published under ``dest``."""
    with Store.open(":memory:") as store:
        with (FIXTURES / "train.jsonl").open("rb") as f:
            ingest_stream(store, f, source="train.jsonl")
        tree, result, report = run_induction(store)
        contexts = [(r.namespace, r.messages) for r in store.iter_records()]
    files = {"notes.json": orjson.dumps(result.notes), VALUES_FILE: orjson.dumps(value_counts(tree, contexts))}
    live = [n.id for n in tree.nodes if n.status == "live" and n.response is not None][:2]
    earlier = compile_tree([n.model_copy(update={"status": "staged"}) if n.id in live else n for n in tree.nodes])
    pub = Publisher(dest)
    stats = report.as_dict()
    first = pub.publish(earlier.to_bytes(), stats={**stats, "live": stats["live"] - len(live),
                                                   "staged": stats["staged"] + len(live)},
                        files=files)
    second = pub.publish(tree.to_bytes(), stats=stats, files=files)
    return first, second


def held_out_records() -> list[dict[str, object]]:
    """The held-out fixture calls (``data/fixtures/test.jsonl``)."""
    return [orjson.loads(line) for line in (FIXTURES / "test.jsonl").read_bytes().splitlines() if line.strip()]
