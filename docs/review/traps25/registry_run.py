"""Every workflow of the tree's registry (the 24 default and the adversarial ones) through the full
pipeline (``evals.runner.run_suite``), one JSON line per point, in the format of ``harness.py``
(so ``compare.py`` compares two trees call by call): a search for new false hits outside this
review's own traps, and the cost on the suites the change already ships.

    cd /tmp/rev25 && PYTHONPATH=/tmp/rev25 .venv/bin/python docs/review/traps25/registry_run.py 3,8 1/2,405/406 > reg_change.jsonl
    cd /tmp/rev25p && PYTHONPATH=/tmp/rev25p .venv/bin/python /tmp/rev25/docs/review/traps25/registry_run.py 3,8 1/2,405/406 > reg_parent.jsonl
"""
import json
import sys
import time

from evals.runner import run_suite
from evals.suite import Suite
from evals.workflows import REGISTRY

ns = [int(x) for x in sys.argv[1].split(",")]
seeds = [tuple(map(int, p.split("/"))) for p in sys.argv[2].split(",")]
names = sorted(REGISTRY) if len(sys.argv) <= 3 else sys.argv[3].split(",")
for name in names:
    for n in ns:
        for tr, te in seeds:
            t = time.time()
            s = Suite.model_validate({
                "name": f"r25reg-{name}-{n}-{tr}-{te}", "workflows": [name], "train_runs": n, "test_runs": 20,
                "seeds": {"train": tr, "test": te}, "learning_curve": [], "baselines": ["exact"],
                "lookup_budget_ms": 50, "thresholds": {"max_false_hits": None, "beat_exact": False}})
            try:
                df = run_suite(s).calls
            except Exception as e:  # noqa: BLE001
                print(json.dumps({"wf": name, "n": n, "tr": tr, "te": te, "error": repr(e)[:200]}), flush=True)
                continue
            df = df[df.system == "rote"]
            served = [(int(r.run), int(r.call), int(bool(r.false_hit))) for r in df.itertuples() if r.hit]
            misses = {f"{int(r.run)}:{int(r.call)}": str(r.reason or "")[:240] for r in df.itertuples() if not r.hit}
            print(json.dumps({"wf": name, "n": n, "tr": tr, "te": te, "hits": len(served),
                              "false": sum(f for *_, f in served), "served": served, "misses": misses,
                              "s": round(time.time() - t, 2)}), flush=True)
