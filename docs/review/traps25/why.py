"""Why one test call was served or missed: the explanation, and the nodes of the tree below the
last matched node described (``induction.explain.describe``).

    PYTHONPATH=/tmp/rev25 .venv/bin/python docs/review/traps25/why.py r25_n_refund_k 3 1 2 [RUN [CALL]]

Without RUN: each test run's calls, served (ok / FALSE) or the miss reason, one line each.
"""
import importlib.util
import sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("r25traps", Path(__file__).with_name("traps.py"))
traps = importlib.util.module_from_spec(spec)
spec.loader.exec_module(traps)

from evals.builders import stored  # noqa: E402
from evals.workflows.base import iter_records  # noqa: E402
from induction.explain import describe  # noqa: E402
from induction.induce import induce  # noqa: E402
from induction.pipeline import same_answer  # noqa: E402
from induction.runtime.compiled import compile_tree  # noqa: E402

name, n, tr, te = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
wf = {c.name: c for c in traps.ALL}[name]()
nodes = induce(stored(list(iter_records(wf.runs(tr, n))))).nodes
tree = compile_tree(nodes, budget_ms=50)
by_id = {x.id: x for x in nodes}
runs = wf.runs(te, 20)
if len(sys.argv) <= 5:
    for i, run in enumerate(runs):
        for j, rec in enumerate(run):
            ex = tree.explain(rec["request"])
            if ex.hit is None:
                print(i, j, "miss:", (ex.reason or "")[:200])
            else:
                ok = same_answer(ex.hit.response["choices"][0]["message"], rec["response"]["choices"][0]["message"])
                print(i, j, "ok" if ok else "FALSE", ex.hit.node_id)
    sys.exit()
i = int(sys.argv[5]); calls = range(len(runs[i])) if len(sys.argv) <= 6 else [int(sys.argv[6])]
for j in calls:
    rec = runs[i][j]
    print("=" * 30, "run", i, "call", j, "last message:", str(rec["request"]["messages"][-1].get("content"))[:300])
    ex = tree.explain(rec["request"])
    print("hit:", ex.hit.node_id if ex.hit else None, "| reason:", ex.reason)
    print("want:", rec["response"]["choices"][0]["message"])
    if ex.hit:
        print("got:", ex.hit.response["choices"][0]["message"])
    last = ex.path[-1] if ex.path else None
    for x in nodes:
        if x.id == last or x.parent == last:
            print(describe(x, []))
            print("-" * 20)
