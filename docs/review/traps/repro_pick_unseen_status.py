"""False hit: with pick, the other jobs' statuses become open data slots, so a status value
never seen in training ("canceled", or "Failed" spelled differently) in a job that is NOT the
picked one is served as if it were "success".

Policy (consistent): read the failed job's log; but if any job was canceled, ask for a rerun.
Training never has a canceled job (exactly one failed, the rest success). Test: one failed job,
another job canceled: the right answer is the rerun message; rote serves get_log(picked id).
Before ac359e9 (pick) the same training gave a miss here.

    cd /tmp/review && PYTHONPATH=/tmp/review /work/main/.venv/bin/python docs/review/traps/repro_pick_unseen_status.py
"""

from __future__ import annotations

import random
from typing import Any

from evals.builders import stored
from evals.workflows.base import Run
from evals.workflows.catalog import Hello
from induction.induce import induce
from induction.pipeline import same_answer
from induction.runtime.compiled import compile_tree


def pipeline(failed: int, n: int, canceled: int | None = None, spelled: str = "canceled") -> list[dict[str, Any]]:
    rng = random.Random(n)
    jobs = [{"id": rng.randint(100000, 999999), "name": name, "status": "failed" if i == failed else "success"}
            for i, name in enumerate(["lint", "unit", "build", "e2e"])]
    if canceled is not None:
        jobs[canceled]["status"] = spelled
    run = Run(Hello(), rng)
    run.system("Read the failed job's log and say which job failed; if any job was canceled, ask for a rerun.")
    run.user(f"Why did !{1000 + n} fail?")
    run.call("get_pipeline", {"mr": 1000 + n}, {"mr": 1000 + n, "jobs": jobs})
    if any(j["status"] == spelled and spelled != "failed" for j in jobs) and canceled is not None:
        run.say(f"A job of !{1000 + n} was {spelled}; please rerun the pipeline.")
        return run.records
    bad = [j for j in jobs if j["status"] == "failed"]
    run.call("get_log", {"job_id": bad[0]["id"]}, {"tail": "assertion failed"})
    run.say(f"The {bad[0]['name']} job failed: assertion failed.")
    return run.records


TRAIN = [0, 1, 2, 3, 0, 1, 2, 3, 1, 2]  # the failed job's position, run by run; every job fails somewhere

if __name__ == "__main__":
    result = induce(stored([rec for n, pos in enumerate(TRAIN) for rec in pipeline(pos, n)]))
    tree = compile_tree(result.nodes)
    for label, recs in [("plain failed=2", pipeline(2, 50)),
                        ("failed=2, lint canceled", pipeline(2, 51, canceled=0)),
                        ("failed=0, e2e canceled", pipeline(0, 52, canceled=3)),
                        ("failed=1, build 'skipped'", pipeline(1, 53, canceled=2, spelled="skipped"))]:
        hit = tree.lookup(recs[1]["request"])
        want = recs[1]["response"]["choices"][0]["message"]
        if hit is None:
            print(f"{label}: miss")
            continue
        got = hit.response["choices"][0]["message"]
        verdict = "ok" if same_answer(got, want) else "FALSE HIT"
        print(f"{label}: {verdict}: served {(got.get('tool_calls') and got['tool_calls'][0]['function']) or got.get('content')}"
              f" / recorded {(want.get('tool_calls') and want['tool_calls'][0]['function']) or want.get('content')}")
