"""Run the twelfth session reviewer's traps (``traps.py``): one line per point with rote's false hits.

    PYTHONPATH=. .venv/bin/python -m docs.review.traps14.harness r14_first_row_status 5 203/204
"""

import sys
import time

from docs.review.traps14 import traps
from evals.workflows import REGISTRY

for cls in traps.ALL:
    REGISTRY[cls.name] = cls()
from evals.runner import run_suite
from evals.suite import Suite


def suite(wf, n, tr, te, test_runs=20):
    return Suite.model_validate({
        "name": f"r14-{wf}-{n}-{tr}-{te}", "workflows": [wf], "train_runs": n,
        "test_runs": test_runs, "seeds": {"train": tr, "test": te}, "learning_curve": [], "baselines": ["exact"],
        "lookup_budget_ms": 50, "thresholds": {"max_false_hits": None, "beat_exact": False}})

SEEDS = [(1,2),(102,103),(203,204),(304,305),(405,406),(506,507),(607,608),(708,709)]
if __name__ == "__main__":
    wfs = sys.argv[1].split(",")
    ns = [int(x) for x in sys.argv[2].split(",")] if len(sys.argv) > 2 else [3,5,8,20]
    seeds = SEEDS if len(sys.argv) <= 3 else [tuple(map(int, p.split("/"))) for p in sys.argv[3].split(",")]
    for wf in wfs:
        for n in ns:
            for tr, te in seeds:
                t = time.time()
                r = run_suite(suite(wf, n, tr, te))
                df = r.calls[r.calls.system == "rote"]
                fh = df[df.false_hit]
                print(f"{wf} n={n} seeds={tr}/{te} calls={len(df)} hits={int(df.hit.sum())} FALSE={len(fh)} "
                      f"runs={sorted(set(fh.run))} calls_fh={list(zip(fh.run, fh.call))} ({time.time()-t:.1f}s)", flush=True)
