"""FALSE HIT (rules 2/5, ``Structure.context_only`` on a model's words beside its calls): the
model says beside the lookup what it means to do next ("...so I can refund it." vs "Let me check
its status."), a decision made from what the request does not show (as a sampled model's own
choice). The training runs all looked up status only: the line took >= 3 wordings and the same
kind of tool result came back after each, so it is made data, and the next answer ("... was
delivered.") is served after a line announcing a refund, where the model went on to refund.
Before today's commits (6fe1c95): miss (the line stayed structure; unseen wordings missed).

    PYTHONPATH=. .venv/bin/python -m docs.review.traps9.repro_commentary_intent
"""
import random

from docs.review.traps9.repro_util import check, induce_runs
from evals.workflows.base import Run, tool
from evals.workflows.catalog import Hello

H = Hello()
H.tools = [tool("get_order", "Order", order_id="string"), tool("refund", "Refund", order_id="string")]
NO = ("Let me check its status.", "I'll look up where it is.", "Checking the order's tracking.",
      "One moment, pulling up the status.")


def run(i: int, line: str, refund: bool):
    r = Run(H, random.Random(i))
    oid = f"O{10000 + 37 * i}"
    r.system("You handle orders.")
    r.user(f"About order {oid}")
    r.call("get_order", {"order_id": oid}, {"id": oid, "status": "delivered"}, text=line)
    if refund:
        r.call("refund", {"order_id": oid}, {"ok": True})
        r.say(f"Refunded {oid}.")
    else:
        r.say(f"{oid} was delivered.")
    return r.records


if __name__ == "__main__":
    tree, result = induce_runs([run(i, NO[i % 4], False) for i in range(6)])
    check(tree, result, "status line seen", run(50, NO[1], False)[1], verbose=False)
    check(tree, result, "line announcing a refund", run(51, "Let me check it so I can refund it.", True)[1])
