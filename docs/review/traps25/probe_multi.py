"""Count requests where the lookup reached several states, and several with an answer (the only way a
refusal could hand a request to a wrong rival). Traps of traps.py by default; any argument: the
adversarial suite. n = 3, 8 at pairs 1/2, 405/406, 10 test runs. Found: none in traps.py; in the
adversarial suite 75 multi-state requests, one with two answering states (afford_budget, both staged).

    PYTHONPATH=/tmp/rev25 .venv/bin/python docs/review/traps25/probe_multi.py [adv]
"""
import importlib.util, sys, collections
from pathlib import Path
import induction.runtime.lookup as L
spec = importlib.util.spec_from_file_location("r25traps", __import__("pathlib").Path(__file__).with_name("traps.py"))
traps = importlib.util.module_from_spec(spec); spec.loader.exec_module(traps)
from evals.builders import stored
from evals.workflows.base import iter_records
from induction.induce import induce
from induction.runtime.compiled import compile_tree
orig = L._answer
stats = collections.Counter()
def wrapped(tree, states, *a, **k):
    live = [s for s in states if s.node.model.response is not None]
    if len(states) > 1: stats["multi_states"] += 1
    if len(live) > 1: stats["multi_resp"] += 1
    return orig(tree, states, *a, **k)
L._answer = wrapped
wfs = traps.ALL
if len(sys.argv) > 1:
    import evals.workflows.adversarial as A
    wfs = [getattr(A, n) for n in A.__all__ if isinstance(getattr(A, n), type) and hasattr(getattr(A, n), 'play') and getattr(getattr(A,n),'name',None)]
for cls in wfs:
    wf = cls()
    before = dict(stats)
    for n in (3, 8):
        for tr, te in [(1, 2), (405, 406)]:
            try:
                tree = compile_tree(induce(stored(list(iter_records(wf.runs(tr, n))))).nodes, budget_ms=50)
                for run in wf.runs(te, 10):
                    for rec in run:
                        tree.explain(rec["request"])
            except Exception as e:
                stats["err"] += 1
    d = {k: stats[k] - before.get(k, 0) for k in stats}
    if any(d.values()): print(cls.name, d, flush=True)
print(stats)
