"""False hit: the read-above split (``_answerable_above``) pins the thin-air piece (the team
paged) to ONE variable (service) when the team depends on service AND env jointly.

Table (consistent): checkout pages payments, but qa for dev; search always discovery; auth
always identity. Training shows dev only with search. Split by service (the only variable that
lines up), the checkout part keeps env as data, open to any value, so (checkout, dev) is served
"payments". Before bd43676 the page call was uncacheable (thin air): a miss.

    cd /tmp/review && PYTHONPATH=/tmp/review /work/main/.venv/bin/python docs/review/traps/repro_above_joint.py
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

TEAM = {"checkout": {"prod": "payments", "staging": "payments", "dev": "qa"},
        "search": {"prod": "discovery", "staging": "discovery", "dev": "discovery"},
        "auth": {"prod": "identity", "staging": "identity", "dev": "identity"}}


def page(service: str, env: str, alert: str, n: int) -> list[dict[str, Any]]:
    run = Run(Hello(), random.Random(n))
    run.system("You triage alerts: page the team that owns the service in that env.")
    run.user(f"Alert {alert} fired for {service} in {env}.")
    run.call("get_alert", {"service": service}, {"id": f"al-{n:05d}", "source": "prometheus", "latency_ms": 11 + 7 * n})
    team = TEAM[service][env]
    run.call("page", {"team": team, "summary": f"{alert} on {service}"}, {"ok": True})
    run.say(f"Paged {team}.")
    return run.records


TRAIN = [("checkout", "prod", "HighErrorRate"), ("checkout", "staging", "LatencyBreach"),
         ("search", "dev", "HighErrorRate"), ("search", "prod", "QueueBacklog"),
         ("auth", "staging", "LatencyBreach"), ("auth", "dev", "QueueBacklog"),
         ("checkout", "prod", "QueueBacklog")]

if __name__ == "__main__":
    result = induce(stored([rec for n, args in enumerate(TRAIN) for rec in page(*args, n)]))
    for notes in result.notes.values():
        for note in notes:
            if "(read above)" in note:
                print("note:", note[:160])
    tree = compile_tree(result.nodes)
    for args in [("checkout", "dev", "HighErrorRate"), ("checkout", "staging", "HighErrorRate"),
                 ("search", "staging", "LatencyBreach")]:
        recs = page(*args, 90)
        hit = tree.lookup(recs[1]["request"])
        want = recs[1]["response"]["choices"][0]["message"]
        if hit is None:
            print(f"{args}: miss")
            continue
        got = hit.response["choices"][0]["message"]
        verdict = "ok" if same_answer(got, want) else "FALSE HIT"
        print(f"{args}: {verdict}: served {got['tool_calls'][0]['function']['arguments']}"
              f" / recorded {want['tool_calls'][0]['function']['arguments']}")
