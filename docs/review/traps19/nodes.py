"""Print every tool-result node of a trained tree (template, status, notes, BlockChecks): ``nodes.py WORKFLOW N TRAIN``."""
import importlib.util, io, sys, tempfile
from pathlib import Path
import orjson
spec = importlib.util.spec_from_file_location("r19traps", Path(__file__).with_name("traps.py"))
mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
from evals.workflows import REGISTRY
from induction.config import InductionConfig
from induction.ingest import ingest_stream
from induction.pipeline import run_induction
from induction.store import Store
for c in mod.ALL:
    REGISTRY[c.name] = c()
wf, n, tr = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
train = [rec for run in REGISTRY[wf].runs(seed=tr, n=n) for rec in run]
with tempfile.TemporaryDirectory() as tmp:
    store = Store.open(Path(tmp) / "s.duckdb")
    ingest_stream(store, io.BytesIO(b"".join(orjson.dumps({"request": r["request"], "response": r["response"]}) + b"\n" for r in train)), source=wf, namespace=wf)
    tree, result, pipe = run_induction(store, InductionConfig())
    store.close()
notes = getattr(result, "notes", None) or getattr(pipe, "notes", None) or {}
for nd in result.nodes:
    t = nd.template.model_dump(mode="json")
    if t["role"] != "tool":
        continue
    parts = (t.get("content") or {}).get("parts") or []
    print(f"--- node {nd.id[:8]} {nd.status}")
    print("  ", repr("".join(p if isinstance(p, str) else "{" + p["var"] + ":" + p["kind"] + "}" for p in parts))[:300])
    for x in notes.get(nd.id, []) if isinstance(notes, dict) else []:
        print("   note:", x[:300])
    r = nd.response
    if r is not None:
        for var, chk in r.blocks.items():
            print(f"   BLOCK {var}: lines={chk.lines} shapes={len(chk.shapes)} first={len(chk.first)} last={len(chk.last)}")
