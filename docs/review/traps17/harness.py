"""Review 17 harness. Runs the traps in ``traps.py`` against the code tree at ``--root`` (default:
this worktree), each over seed pairs x training-run counts, 20 test runs each, through
``evals.runner.run_suite`` (ingest, induce, publish, compiled lookup, ``same_answer``).

    cd /tmp/rev17 && PYTHONPATH=/tmp/rev17 .venv/bin/python docs/review/traps17/harness.py r17_frozen_case
    cd /tmp/rev17base && PYTHONPATH=/tmp/rev17base .venv/bin/python /tmp/rev17/docs/review/traps17/harness.py r17_frozen_case
    ... --seeds 102,103 --ns 5 --show 3        (one case, with its false hits printed)

The trap file is loaded by path, so the same traps run on any code tree put on PYTHONPATH.
Prints one JSON line per (trap, seed pair) with hits/false per n, and a total line per trap with
``fixed_word_misses``: misses whose reason is the fixed-words refusal (always 0 on the "before" tree)."""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import sys
from pathlib import Path

SEEDS = [(1, 2), (102, 103), (203, 204), (304, 305), (405, 406), (506, 507), (607, 608), (708, 709)]
NS = [3, 5, 10, 20]


def load_traps():
    spec = importlib.util.spec_from_file_location("r17traps", Path(__file__).with_name("traps.py"))
    mod = importlib.util.module_from_spec(spec)
    sys.modules["r17traps"] = mod
    spec.loader.exec_module(mod)
    return mod


def case(wf: str, ns: list[int], train: int, test: int, show: int = 0):
    from evals.runner import run_suite
    from evals.suite import Suite

    s = Suite.model_validate({"name": f"r17-{wf}-{train}-{test}", "workflows": [wf], "train_runs": max(ns),
        "test_runs": 20, "seeds": {"train": train, "test": test}, "learning_curve": ns, "baselines": [],
        "lookup_budget_ms": 50, "thresholds": {"max_false_hits": None, "beat_exact": False}})
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        rep = run_suite(s)
    c = rep.calls
    c = c[c.system == "rote"]
    out = {}
    for n in ns:
        r = c[c.train_runs == n]
        fh = r[r.false_hit]
        fw = int(r.reason.fillna("").str.contains("equal to a word the text above fixes").sum())
        out[n] = (int(r.hit.sum()), int(r.false_hit.sum()), len(r), fh[["run", "call"]].values.tolist()[:show], fw)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("traps", nargs="*")
    ap.add_argument("--seeds", default=None, help="train,test (one pair)")
    ap.add_argument("--ns", default=None)
    ap.add_argument("--show", type=int, default=2)
    a = ap.parse_args()
    mod = load_traps()
    names = a.traps or [t.name for t in mod.TRAPS]
    seeds = [tuple(int(x) for x in a.seeds.split(","))] if a.seeds else SEEDS
    ns = [int(x) for x in a.ns.split(",")] if a.ns else NS
    for name in names:
        tot = {n: [0, 0, 0, 0] for n in ns}
        for tr, te in seeds:
            out = case(name, ns, tr, te, a.show)
            for n, (h, f, k, at, fw) in out.items():
                tot[n][0] += h; tot[n][1] += f; tot[n][2] += k; tot[n][3] += fw
            print(json.dumps({"wf": name, "seeds": [tr, te], **{str(n): out[n][:2] + ((out[n][3],) if out[n][1] else ())
                                                                 for n in ns}}), flush=True)
        H = sum(v[0] for v in tot.values()); F = sum(v[1] for v in tot.values()); K = sum(v[2] for v in tot.values())
        FW = sum(v[3] for v in tot.values())
        print(json.dumps({"TOTAL": name, "hits": H, "false": F, "calls": K, "fixed_word_misses": FW,
                          "per_n": {str(n): v[:2] for n, v in tot.items()}}), flush=True)


if __name__ == "__main__":
    main()
