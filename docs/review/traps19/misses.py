"""Tally why rote missed (and what it served): ``misses.py WORKFLOW N TRAIN TEST`` on the tree on PYTHONPATH."""
import importlib.util, io, re, sys, tempfile
from collections import Counter
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
wf, n, tr, te = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
W = REGISTRY[wf]
train = [rec for run in W.runs(seed=tr, n=n) for rec in run]
with tempfile.TemporaryDirectory() as tmp:
    store = Store.open(Path(tmp) / "s.duckdb")
    ingest_stream(store, io.BytesIO(b"".join(orjson.dumps({"request": r["request"], "response": r["response"]}) + b"\n" for r in train)), source=wf, namespace=wf)
    tree, result, pipe = run_induction(store, InductionConfig())
    store.close()
ct = CompiledTree.from_bytes(tree.to_bytes(), budget_ms=50)
tally = Counter()
for i, run in enumerate(W.runs(seed=te, n=20)):
    for j, rec in enumerate(run):
        ex = ct.explain(rec["request"], wf)
        if ex.hit is None:
            reason = re.sub(r"node [0-9a-f]+", "node", re.sub(r"'[^']*'", "'…'", str(ex.reason)))[:150]
            tally[(j, "miss", reason)] += 1
            if "-v" in sys.argv:
                print(i, j, ex.reason)
        else:
            ok = same_answer(ex.hit.response["choices"][0]["message"], rec["response"]["choices"][0]["message"])
            tally[(j, "hit" if ok else "FALSE", "")] += 1
for k, v in sorted(tally.items()):
    print(v, k)
