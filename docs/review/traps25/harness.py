"""Run the twenty-fifth review's traps (``traps.py``) on the tree on PYTHONPATH: one JSON line per
point (workflow, n training runs, seed pair), with every served call (run, call, false?) and the
miss reason of every call not served, so two trees can be compared call by call (``compare.py``).

    cd /tmp/rev25  && PYTHONPATH=/tmp/rev25  .venv/bin/python docs/review/traps25/harness.py all 3,5,8,20 > change.jsonl
    cd /tmp/rev25p && PYTHONPATH=/tmp/rev25p .venv/bin/python /tmp/rev25/docs/review/traps25/harness.py all 3,5,8,20 > parent.jsonl

Training: ``induce(stored(records of wf.runs(tr, n))).nodes`` compiled (lookup budget 50 ms);
with ``--suite`` (a last argument) the full pipeline instead, as ``rote induce`` runs it
(``evals.runner.run_suite``: ingest, induce, verify -- demoting or re-inducing apart the nodes
that answer a training call wrongly -- publish, replay); test: the 20 runs of seed ``te``, each request explained, a hit false when its answer is not the
recorded one (``pipeline.same_answer``). The trap module is loaded from this file's directory,
so the parent tree (which lacks it) runs the same traps.
"""
import importlib.util
import json
import sys
import time
from pathlib import Path

spec = importlib.util.spec_from_file_location("r25traps", Path(__file__).with_name("traps.py"))
traps = importlib.util.module_from_spec(spec)
spec.loader.exec_module(traps)

import induction  # noqa: E402
from evals.builders import stored  # noqa: E402
from evals.workflows.base import iter_records  # noqa: E402
from induction.induce import induce  # noqa: E402
from induction.pipeline import same_answer  # noqa: E402
from induction.runtime.compiled import compile_tree  # noqa: E402

SEEDS = [(1, 2), (102, 103), (203, 204), (304, 305), (405, 406), (506, 507), (607, 608), (708, 709)]
BY = {c.name: c for c in traps.ALL}


def suite_point(name, n, tr, te, test_runs=20):
    from evals.runner import run_suite
    from evals.suite import Suite
    from evals.workflows import REGISTRY
    REGISTRY.setdefault(name, BY[name]())
    s = Suite.model_validate({
        "name": f"r25-{name}-{n}-{tr}-{te}", "workflows": [name], "train_runs": n, "test_runs": test_runs,
        "seeds": {"train": tr, "test": te}, "learning_curve": [], "baselines": ["exact"], "lookup_budget_ms": 50,
        "thresholds": {"max_false_hits": None, "beat_exact": False}})
    df = run_suite(s).calls
    df = df[df.system == "rote"]
    served = [(int(r.run), int(r.call), int(bool(r.false_hit))) for r in df.itertuples() if r.hit]
    misses = {f"{int(r.run)}:{int(r.call)}": str(r.reason or "")[:240] for r in df.itertuples() if not r.hit}
    return served, misses


def point(wf, n, tr, te, test_runs=20):
    tree = compile_tree(induce(stored(list(iter_records(wf.runs(tr, n))))).nodes, budget_ms=50)
    served, misses = [], {}
    for i, run in enumerate(wf.runs(te, test_runs)):
        for j, rec in enumerate(run):
            ex = tree.explain(rec["request"])
            if ex.hit is not None:
                ok = same_answer(ex.hit.response["choices"][0]["message"], rec["response"]["choices"][0]["message"])
                served.append((i, j, int(not ok)))
            else:
                misses[f"{i}:{j}"] = (ex.reason or "")[:240]
    return served, misses


if __name__ == "__main__":
    full = sys.argv[-1] == "--suite"
    if full:
        sys.argv.pop()
    names = [c.name for c in traps.ALL] if sys.argv[1] == "all" else sys.argv[1].split(",")
    ns = [int(x) for x in sys.argv[2].split(",")] if len(sys.argv) > 2 else [3, 5, 8, 20]
    seeds = SEEDS if len(sys.argv) <= 3 else [tuple(map(int, p.split("/"))) for p in sys.argv[3].split(",")]
    print(json.dumps({"tree": str(Path(induction.__file__).parent.parent)}), flush=True)
    for name in names:
        wf = BY[name]()
        for n in ns:
            for tr, te in seeds:
                t = time.time()
                served, misses = suite_point(name, n, tr, te) if full else point(wf, n, tr, te)
                print(json.dumps({"wf": name, "n": n, "tr": tr, "te": te, "hits": len(served),
                                  "false": sum(f for *_, f in served), "served": served, "misses": misses,
                                  "s": round(time.time() - t, 2)}), flush=True)
