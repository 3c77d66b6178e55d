"""For each test run: the bare value (call 0's result), and at call 1 whether rote served (and if right) or the miss reason.

    PYTHONPATH=/tmp/rev23 .venv/bin/python docs/review/traps23/probe.py WORKFLOW N TRAIN TEST [CALL]
"""
import importlib.util
import io
import sys
import tempfile
from pathlib import Path

import orjson

spec = importlib.util.spec_from_file_location("r23traps", Path(__file__).with_name("traps.py"))
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)

from evals.workflows import REGISTRY  # noqa: E402
from induction.config import InductionConfig  # noqa: E402
from induction.ingest import ingest_stream  # noqa: E402
from induction.pipeline import run_induction, same_answer  # noqa: E402
from induction.runtime.compiled import CompiledTree  # noqa: E402
from induction.store import Store  # noqa: E402

wf, n, tr, te = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
call = int(sys.argv[5]) if len(sys.argv) > 5 else 1
for _c in mod.ALL:
    REGISTRY[_c.name] = _c()
W = REGISTRY[wf]
train = [rec for run in W.runs(seed=tr, n=n) for rec in run]
print("training values:", [run[call]["request"]["messages"][-1].get("content") for run in W.runs(seed=tr, n=n)])
with tempfile.TemporaryDirectory() as tmp:
    store = Store.open(Path(tmp) / "s.duckdb")
    ingest_stream(store, io.BytesIO(b"".join(orjson.dumps({"request": r["request"], "response": r["response"]}) + b"\n"
                                             for r in train)), source=wf, namespace=wf)
    tree, result, pipe = run_induction(store, InductionConfig())
    store.close()
ct = CompiledTree.from_bytes(tree.to_bytes(), budget_ms=50)
nodes = {nd.id: nd for nd in result.nodes}
for i, run in enumerate(W.runs(seed=te, n=20)):
    rec = run[call]
    val = rec["request"]["messages"][-1].get("content")
    ex = ct.explain(rec["request"], wf)
    want = rec["response"]["choices"][0]["message"]
    wname = want["tool_calls"][0]["function"]["name"] if want.get("tool_calls") else "say"
    if ex.hit is None:
        print(f"run {i:2d} {val!s:30} want={wname:22} MISS {ex.reason}")
    else:
        ok = same_answer(ex.hit.response["choices"][0]["message"], want)
        r = None
        nd = nodes.get(ex.path[-1]) if ex.path else None
        r = nd.response if nd is not None else None
        extra = f" affixes={r.affixes} ranges={r.ranges} frag={getattr(r, 'fragments', None)} fixed={r.fixed_words}" if r is not None else ""
        print(f"run {i:2d} {val!s:30} want={wname:22} {'served OK' if ok else 'FALSE HIT'}{extra if not ok or i < 2 else ''}")
