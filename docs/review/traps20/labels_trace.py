"""Print, at every Answerer.with_ranges call, the bounded numbers in scope, their labels and number_unit, and the orders added:
``PYTHONPATH=/work/main .venv/bin/python docs/review/traps20/labels_trace.py WORKFLOW N TRAIN`` (f037de9 or later)."""
import importlib.util, io, sys, tempfile
from pathlib import Path
import orjson
spec = importlib.util.spec_from_file_location("r20traps", "/work/main/docs/review/traps20/traps.py")
mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
from evals.workflows import REGISTRY
from induction.config import InductionConfig
from induction.ingest import ingest_stream
from induction.pipeline import run_induction
from induction.store import Store
from induction.induce import answers as A
from induction.evidence import number_unit
orig = A.Answerer.with_ranges
def wr(self, response, members):
    out = orig(self, response, members)
    sc = self.answered_scopes(members)
    names = sorted(set().union(*sc)) if sc else []
    print("with_ranges: bounded&scope=", sorted(self.bounded & set(names)), "labels=", {v: (self.labels.get(v), number_unit(self.labels.get(v, ""))) for v in names if v in self.bounded or v in dict(out.order) or any(v in p for p in out.order)}, "order+=", [p for p in out.order if p not in response.order])
    return out
A.Answerer.with_ranges = wr
for c in mod.ALL: REGISTRY[c.name] = c()
wf, n, tr = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
train = [rec for run in REGISTRY[wf].runs(seed=tr, n=n) for rec in run]
with tempfile.TemporaryDirectory() as tmp:
    store = Store.open(Path(tmp) / "s.duckdb")
    ingest_stream(store, io.BytesIO(b"".join(orjson.dumps({"request": r["request"], "response": r["response"]}) + b"\n" for r in train)), source=wf, namespace=wf)
    run_induction(store, InductionConfig())
