"""False hit: grouping by continuation closes each status independently, so an unseen
COMBINATION of two enum values is served.

Policy: a deploy that failed or is stuck (rolling_out) is rolled back, except a failed deploy in
staging, which is only reported. Training never shows (failed, staging); it shows failed only in
prod and rolling_out in staging. The roll-back part gets closed slots status in {failed,
rolling_out} and env in {prod, staging} (choices are per variable), so (failed, staging) is served
"rollback". Before 4ecbc6e the cluster was split by the (status, env) pair: a miss.

    cd /tmp/review && PYTHONPATH=/tmp/review /work/main/.venv/bin/python docs/review/traps/repro_joint.py
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


def deploy(status: str, env: str, n: int) -> list[dict[str, Any]]:
    did = f"d-{10000 + 7 * n}"
    run = Run(Hello(), random.Random(n))
    run.system("Watch deploys: roll back a failed or stuck deploy, but failed staging deploys are ignored.")
    run.user(f"Check deploy {did}.")
    run.call("get_deploy", {"deploy_id": did}, {"id": did, "env": env, "status": status})
    if status == "succeeded":
        run.say(f"Deploy {did} is fine.")
    elif status == "failed" and env == "staging":
        run.say(f"Deploy {did} failed in staging; ignoring it.")
    else:
        run.call("rollback", {"deploy_id": did}, {"ok": True})
        run.say(f"Rolled back {did}.")
    return run.records


TRAIN = [("failed", "prod"), ("failed", "prod"), ("rolling_out", "staging"), ("rolling_out", "staging"),
         ("succeeded", "prod"), ("succeeded", "staging")]

if __name__ == "__main__":
    result = induce(stored([rec for n, (s, e) in enumerate(TRAIN) for rec in deploy(s, e, n)]))
    print("continuation_groups:", result.stats.get("continuation_groups"))
    for notes in result.notes.values():
        for note in notes:
            if "grouped by how the runs went on" in note or "closed slot" in note:
                print("note:", note[:200])
    tree = compile_tree(result.nodes)
    for status, env in [("failed", "staging"), ("failed", "prod"), ("rolling_out", "staging"), ("succeeded", "prod")]:
        recs = deploy(status, env, 99)
        hit = tree.lookup(recs[1]["request"])
        want = recs[1]["response"]["choices"][0]["message"]
        if hit is None:
            print(f"{status}/{env}: miss")
            continue
        got = hit.response["choices"][0]["message"]
        verdict = "ok" if same_answer(got, want) else "FALSE HIT"
        print(f"{status}/{env}: {verdict}: served {got.get('tool_calls') or got.get('content')}")
