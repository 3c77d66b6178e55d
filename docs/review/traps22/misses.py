"""Why calls miss: ``PYTHONPATH=<tree> python misses.py WORKFLOW N TRAIN TEST CALL`` prints, for the test runs'
call CALL, hit/miss and the lookup's reason (training as the harness does)."""
import importlib.util
import io
import sys
import tempfile
from pathlib import Path

import orjson

spec = importlib.util.spec_from_file_location("r22traps", Path(__file__).with_name("traps.py"))
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)

from evals.workflows import REGISTRY  # noqa: E402
from induction.config import InductionConfig  # noqa: E402
from induction.ingest import ingest_stream  # noqa: E402
from induction.pipeline import run_induction, same_answer  # noqa: E402
from induction.runtime.compiled import CompiledTree  # noqa: E402
from induction.store import Store  # noqa: E402

wf, n, tr, te, call = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
for _c in mod.ALL:
    REGISTRY[_c.name] = _c()
W = REGISTRY[wf]
train = [rec for run in W.runs(seed=tr, n=n) for rec in run]
with tempfile.TemporaryDirectory() as tmp:
    store = Store.open(Path(tmp) / "s.duckdb")
    ingest_stream(store, io.BytesIO(b"".join(orjson.dumps({"request": r["request"], "response": r["response"]}) + b"\n"
                                             for r in train)), source=wf, namespace=wf)
    tree, result, pipe = run_induction(store, InductionConfig())
    store.close()
ct = CompiledTree.from_bytes(tree.to_bytes(), budget_ms=50)
nodes = {nd.id: nd for nd in result.nodes}
for nd in result.nodes:
    if nd.template.role == "tool" or (nd.response is not None):
        pass
for i, run in enumerate(W.runs(seed=te, n=20)):
    if call >= len(run):
        continue
    rec = run[call]
    ex = ct.explain(rec["request"], wf)
    want = rec["response"]["choices"][0]["message"]
    if ex.hit is None:
        print(f"run {i}: MISS {ex.reason}")
    else:
        got = ex.hit.response["choices"][0]["message"]
        print(f"run {i}: {'hit' if same_answer(got, want) else 'FALSE'} {str(got.get('tool_calls') or got.get('content'))[:150]}")
if "notes" in sys.argv[6:]:
    for nd in result.nodes:
        print(nd.id[:8], nd.status, nd.template.role, str(getattr(nd, "notes", ""))[:300])
