"""For each test run whose answer at call CALL contains WORD: was it served, and why not
(``deciding.py WORKFLOW N TRAIN TEST CALL WORD``), on the tree on PYTHONPATH."""
import importlib.util, io, sys, tempfile
from pathlib import Path
import orjson
spec = importlib.util.spec_from_file_location("r19traps", Path(__file__).with_name("traps.py"))
mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
from evals.workflows import REGISTRY
from induction.config import InductionConfig
from induction.ingest import ingest_stream
from induction.pipeline import run_induction, same_answer
from induction.runtime.compiled import CompiledTree
from induction.store import Store
for c in mod.ALL:
    REGISTRY[c.name] = c()
wf, n, tr, te, call, word = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
W = REGISTRY[wf]
train = [rec for run in W.runs(seed=tr, n=n) for rec in run]
with tempfile.TemporaryDirectory() as tmp:
    store = Store.open(Path(tmp) / "s.duckdb")
    ingest_stream(store, io.BytesIO(b"".join(orjson.dumps({"request": r["request"], "response": r["response"]}) + b"\n" for r in train)), source=wf, namespace=wf)
    tree, result, pipe = run_induction(store, InductionConfig())
    store.close()
ct = CompiledTree.from_bytes(tree.to_bytes(), budget_ms=50)
for i, run in enumerate(W.runs(seed=te, n=20)):
    if len(run) <= call:
        continue
    rec = run[call]
    if word not in orjson.dumps(rec["response"]).decode():
        continue
    ex = ct.explain(rec["request"], wf)
    ok = ex.hit is not None and same_answer(ex.hit.response["choices"][0]["message"], rec["response"]["choices"][0]["message"])
    print(i, "served" if ex.hit is not None else "miss", "ok" if ok else "", ex.reason if ex.hit is None else "")
