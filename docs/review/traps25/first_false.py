"""For each trap with false hits on the change (``results/change.jsonl``), the first false hit
re-run: the deciding value, the answer served vs the recorded one, and the answering node's
checks as ``induction.explain.describe`` words them (named-numbers, sharing, fixed-words, affixes):
what the change's checks saw and let through.

    PYTHONPATH=/tmp/rev25 .venv/bin/python docs/review/traps25/first_false.py [results/change.jsonl.gz] > results/first_false.txt
"""
import gzip
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("r25traps", HERE / "traps.py")
traps = importlib.util.module_from_spec(spec)
spec.loader.exec_module(traps)

from evals.builders import stored  # noqa: E402
from evals.workflows.base import iter_records  # noqa: E402
from induction.explain import describe  # noqa: E402
from induction.induce import induce  # noqa: E402
from induction.runtime.compiled import compile_tree  # noqa: E402

path = str(sys.argv[1] if len(sys.argv) > 1 else HERE / "results" / "change.jsonl.gz")
first = {}
for line in (gzip.open(path, "rt") if path.endswith(".gz") else open(path)):
    d = json.loads(line)
    if d.get("false") and d["wf"] not in first:
        i, j, _ = next(s for s in d["served"] if s[2])
        first[d["wf"]] = (d["n"], d["tr"], d["te"], i, j)
BY = {c.name: c for c in traps.ALL}
for name, (n, tr, te, i, j) in first.items():
    wf = BY[name]()
    nodes = induce(stored(list(iter_records(wf.runs(tr, n))))).nodes
    tree = compile_tree(nodes, budget_ms=50)
    rec = wf.runs(te, 20)[i][j]
    ex = tree.explain(rec["request"])
    node = next(x for x in nodes if x.id == ex.hit.node_id)
    msgs = rec["request"]["messages"]
    print("=" * 100)
    print(f"{name} n={n} {tr}/{te} run {i} call {j}")
    print("  user:", next(m["content"] for m in msgs if m["role"] == "user")[:160])
    print("  last:", str(msgs[-1].get("content"))[:200])
    fn = lambda m: (m.get("tool_calls") or [{}])[0].get("function", {}) or {"text": m.get("content")}
    print("  served:", fn(ex.hit.response["choices"][0]["message"]))
    print("  wanted:", fn(rec["response"]["choices"][0]["message"]))
    for ln in describe(node, []).splitlines():
        if any(k in ln for k in ("named-numbers", "share a part", "fixed-words", "copied-affixes", "only for:",
                                 "only while", "template:", "answer (")) or ln.startswith("  {"):
            print("   |", ln[:230])
