"""Print one node's template parts and its response's BlockChecks: ``node.py WORKFLOW N TRAIN NODEPREFIX``."""
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
wf, n, tr, pre = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
train = [rec for run in REGISTRY[wf].runs(seed=tr, n=n) for rec in run]
with tempfile.TemporaryDirectory() as tmp:
    store = Store.open(Path(tmp) / "s.duckdb")
    ingest_stream(store, io.BytesIO(b"".join(orjson.dumps({"request": r["request"], "response": r["response"]}) + b"\n" for r in train)), source=wf, namespace=wf)
    tree, result, pipe = run_induction(store, InductionConfig())
    store.close()
for nd in result.nodes:
    if not nd.id.startswith(pre):
        continue
    parts = nd.template.model_dump(mode="json")["content"]["parts"]
    print("TEMPLATE:", "".join(p if isinstance(p, str) else "{" + p["var"] + ":" + p["kind"] + "}" for p in parts))
    r = nd.response
    if r is None:
        print("no response"); continue
    print("answer:", str(r.model_dump(mode="json").get("message") or r.model_dump(mode="json"))[:600])
    for var, chk in r.blocks.items():
        print(f"BLOCK {var}: lines={chk.lines}")
        for nm, shapes in (("shapes", chk.shapes), ("first", chk.first), ("last", chk.last)):
            for sh in shapes:
                print(f"   {nm}: {''.join(t if t is not None else '_' for t in sh.tokens)!r} slots={[(s.closed, s.bounds) for s in sh.slots]}")
