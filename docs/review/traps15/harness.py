"""One case: ``PYTHONPATH=. .venv/bin/python -m docs.review.traps15.harness WORKFLOW N TRAIN TEST`` -> one JSON
line {wf, n, seeds, calls, hits, false, exact_hits}."""
import contextlib
import io
import json
import sys

from docs.review.traps15 import traps  # noqa: F401  (registers the workflows)
from evals.runner import run_suite
from evals.suite import Suite


def case(wf, n, train, test):
    s = Suite.model_validate({"name": f"r15-{wf}-{n}-{train}-{test}", "workflows": [wf], "train_runs": n,
        "test_runs": 20, "seeds": {"train": train, "test": test}, "learning_curve": [], "baselines": ["exact"],
        "lookup_budget_ms": 50, "thresholds": {"max_false_hits": None, "beat_exact": False}})
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        rep = run_suite(s)
    c = rep.calls
    rote, exact = c[c.system == "rote"], c[c.system == "exact"]
    fh = rote[rote.false_hit]
    return {"wf": wf, "n": n, "seeds": [train, test], "calls": len(rote), "hits": int(rote.hit.sum()),
            "false": int(rote.false_hit.sum()), "exact_hits": int(exact.hit.sum()),
            "errors": int(rote.error.notna().sum()), "false_at": fh[["run", "call"]].values.tolist()[:5]}

if __name__ == "__main__":
    wf, n, tr, te = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    print(json.dumps(case(wf, n, tr, te)))
