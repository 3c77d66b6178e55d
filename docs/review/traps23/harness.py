"""Run the twenty-third review's traps (``traps.py``) on the tree on PYTHONPATH: one line per point.

    PYTHONPATH=/tmp/rev23 .venv/bin/python docs/review/traps23/harness.py r21_bare_slack_bot 3,5,20 1/2,203/204
    PYTHONPATH=/tmp/rev23base .venv/bin/python /tmp/rev23/docs/review/traps23/harness.py r21_bare_slack_bot   # the before tree

The trap module is loaded from this file's directory, so the before tree (which lacks it) runs
the same traps.
"""
import importlib.util
import sys
import time
from pathlib import Path

spec = importlib.util.spec_from_file_location("r23traps", Path(__file__).with_name("traps.py"))
traps = importlib.util.module_from_spec(spec)
spec.loader.exec_module(traps)

import induction  # noqa: E402
from evals.runner import run_suite  # noqa: E402
from evals.suite import Suite  # noqa: E402
from evals.workflows import REGISTRY  # noqa: E402

for cls in traps.ALL:
    REGISTRY[cls.name] = cls()


def suite(wf, n, tr, te, test_runs=20):
    return Suite.model_validate({
        "name": f"r23-{wf}-{n}-{tr}-{te}", "workflows": [wf], "train_runs": n,
        "test_runs": test_runs, "seeds": {"train": tr, "test": te}, "learning_curve": [], "baselines": ["exact"],
        "lookup_budget_ms": 50, "thresholds": {"max_false_hits": None, "beat_exact": False}})


SEEDS = [(1, 2), (102, 103), (203, 204), (304, 305), (405, 406), (506, 507), (607, 608), (708, 709)]
if __name__ == "__main__":
    wfs = [c.name for c in traps.ALL] if sys.argv[1] == "all" else sys.argv[1].split(",")
    ns = [int(x) for x in sys.argv[2].split(",")] if len(sys.argv) > 2 else [3, 5, 8, 20]
    seeds = SEEDS if len(sys.argv) <= 3 else [tuple(map(int, p.split("/"))) for p in sys.argv[3].split(",")]
    print(f"# tree {Path(induction.__file__).parent.parent}", flush=True)
    for wf in wfs:
        for n in ns:
            for tr, te in seeds:
                t = time.time()
                r = run_suite(suite(wf, n, tr, te))
                df = r.calls[r.calls.system == "rote"]
                fh = df[df.false_hit]
                print(f"{wf} n={n} seeds={tr}/{te} calls={len(df)} hits={int(df.hit.sum())} FALSE={len(fh)} "
                      f"runs={sorted(set(fh.run))} calls_fh={list(zip(fh.run, fh.call))} ({time.time()-t:.1f}s)", flush=True)
