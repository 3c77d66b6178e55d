"""FALSE HIT (rules 3 + 6): the return window depends jointly on the membership year (in the
system prompt: 60 days for members since before 2020, else 30) and the purchase's age. The year
is an unread number where no call is answered and becomes noise, range-checked on its own
(``Answerer.context_alike``); the refunds seen were 3-52 days old and the declines 65-80, so the
separated split parts the answers by ``bought - today`` and the refund part serves ages 3-52 for
every year in 2013-2024. A member since 2024 asking about a 40-day-old order is served the refund.
Before today's commits (6fe1c95): miss.

    PYTHONPATH=. .venv/bin/python -m docs.review.traps9.repro_separated_joint
"""
import random
from datetime import date, timedelta

from docs.review.traps9.repro_util import check, induce_runs
from evals.workflows.base import Run, tool
from evals.workflows.catalog import Hello

H = Hello()
H.tools = [tool("get_order", "Order", order_id="string"), tool("refund", "Refund", order_id="string")]
NAMES = ["Jeffrey Obrien", "Caitlin Jackson", "Michele Frank", "Isaac Edwards", "Kelly Robinson", "Walter Marshall",
         "Ashley Graham", "Michael Hall", "Scott Barton", "Emily Thomas", "Joseph Rivera", "Kristen Garrett"]


def run(i: int, today: date, since: int, age: int):
    r = Run(H, random.Random(i))
    oid = f"O{10000 + 37 * i}"
    r.system(f"Today is {today.isoformat()}. Customer {NAMES[i % len(NAMES)]}, member since {since}. "
             "Refund within 30 days of purchase, 60 days for members since before 2020.")
    r.user(f"Refund order {oid}")
    r.call("get_order", {"order_id": oid}, {"order_id": oid, "bought": (today - timedelta(days=age)).isoformat()})
    if age <= (60 if since < 2020 else 30):
        r.call("refund", {"order_id": oid}, {"ok": True})
        r.say(f"Refunded {oid}.")
    else:
        r.say(f"{oid} is past your return window.")
    return r.records


TRAIN = [(date(2026, 3, 9), 2014, 45), (date(2026, 4, 5), 2023, 10), (date(2026, 5, 20), 2016, 5),
         (date(2026, 6, 16), 2022, 20), (date(2026, 7, 13), 2013, 52), (date(2026, 8, 28), 2024, 3),
         (date(2026, 6, 7), 2021, 70), (date(2026, 3, 15), 2015, 80), (date(2026, 9, 14), 2023, 65)]
if __name__ == "__main__":
    tree, result = induce_runs([run(i, *t) for i, t in enumerate(TRAIN)])
    check(tree, result, "since 2015, 40 days (refund)", run(50, date(2026, 6, 5), 2015, 40)[1], verbose=False)
    check(tree, result, "since 2024, 40 days (decline)", run(51, date(2026, 6, 5), 2024, 40)[1])
