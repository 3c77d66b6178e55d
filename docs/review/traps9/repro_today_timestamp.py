"""FALSE HIT (rules 3+4): today's date in the system prompt is made noise by evidence (range-
checked) where no call is answered, but the purchase date is an ISO *timestamp* in the tool
result ("2026-04-20T14:18:00Z"), which is not an ISO date: no date span is kept between the two,
so a purchase 80 days old (today inside the range seen) is served the refund every training run
(all inside the 30-day window) showed. Before today's commits (6fe1c95) every run's system
prompt stood apart: miss.

    PYTHONPATH=. .venv/bin/python -m docs.review.traps9.repro_today_timestamp
"""
import random
from datetime import date, timedelta

from docs.review.traps9.repro_util import check, induce_runs
from evals.workflows.base import Run, tool
from evals.workflows.catalog import Hello

TOOLS = [tool("get_order", "Order", order_id="string"), tool("refund", "Refund", order_id="string")]


def run(i: int, today: date, age: int):
    rng = random.Random(i)
    hello = Hello()
    hello.tools = TOOLS
    r = Run(hello, rng)
    oid = f"O{10000 + i * 37}"
    bought = today - timedelta(days=age)
    r.system(f"Today is {today.isoformat()}. Refund orders bought within the last 30 days.")
    r.user(f"Refund order {oid}")
    r.call("get_order", {"order_id": oid}, {"order_id": oid, "purchased_at": f"{bought.isoformat()}T{10 + i % 12}:15:00Z"})
    if age <= 30:
        r.call("refund", {"order_id": oid}, {"ok": True})
        r.say(f"Refunded {oid}.")
    else:
        r.say(f"{oid} is past the 30-day window.")
    return r.records


TRAIN = [(date(2026, 3, 4), 3), (date(2026, 4, 19), 12), (date(2026, 6, 2), 25), (date(2026, 7, 15), 7),
         (date(2026, 9, 30), 18)]
if __name__ == "__main__":
    tree, result = induce_runs([run(i, t, a) for i, (t, a) in enumerate(TRAIN)])
    check(tree, result, "inside window (age 10)", run(50, date(2026, 5, 10), 10)[1])
    check(tree, result, "outside window (age 80)", run(51, date(2026, 5, 10), 80)[1])
