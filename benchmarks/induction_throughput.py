"""Induction throughput on the heuristic backend: records/s for induce, and for
induce + verify (replaying every training call through the compiled tree).

    .venv/bin/python benchmarks/induction_throughput.py --runs 50
"""

from __future__ import annotations

import argparse
import time

from evals.workflows import WORKFLOWS
from induction.hashing import message_hash, path_ids, request_key
from induction.induce import induce
from induction.pipeline import verify
from induction.store import StoredRecord


def records(runs: int) -> list[StoredRecord]:
    out = []
    for name, wf in WORKFLOWS.items():
        for run in wf.runs(seed=11, n=runs):
            for rec in run:
                msgs = rec["request"]["messages"]
                resp = rec["response"]["choices"][0]["message"]
                ids = path_ids("default", [message_hash(m) for m in [*msgs, resp]])
                out.append(StoredRecord(
                    record_id=f"{name}-{len(out)}", namespace="default", messages=msgs, node_ids=ids[:-1],
                    response=rec["response"], response_node_id=ids[-1],
                    params={k: v for k, v in rec["request"].items() if k != "messages"},
                    request_key=request_key(rec["request"]), bindings={}, seq=len(out) + 1))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=50, help="runs per workflow")
    args = ap.parse_args()
    recs = records(args.runs)
    t0 = time.perf_counter()
    result = induce(recs)
    t1 = time.perf_counter()
    _, demoted, hits = verify(result.nodes, recs)
    t2 = time.perf_counter()
    print(f"{len(recs)} records ({len(WORKFLOWS)} workflows x {args.runs} runs), {len(result.nodes)} template nodes")
    print(f"induce:          {t1 - t0:.2f} s -> {len(recs) / (t1 - t0):,.0f} records/s")
    print(f"induce + verify: {t2 - t0:.2f} s -> {len(recs) / (t2 - t0):,.0f} records/s "
          f"(replay hits {hits}, demoted {len(demoted)})")


if __name__ == "__main__":
    main()
