"""FALSE HIT (rule 6, separated split): the answer is decided by the SKU's prefix (R... refundable,
F... final sale), an id-like value that is data; the purchase dates are irrelevant. In these five
training runs the refunds happen to be 3-14 days old and the final sales 33-50 days old, so
``evidence.separating`` finds that ``bought - date`` (today's date from the system prompt against
the purchase date) keeps the two answers apart, ``Inducer._separated_split`` splits the cluster by
answer, and each part serves its answer inside its own date span with the SKU as open data.
A final-sale SKU bought 8 days ago is then served the refund. Before today's commits: miss.

    PYTHONPATH=. .venv/bin/python -m docs.review.traps9.repro_separated_sku
"""
import random
from datetime import date, timedelta

from docs.review.traps9.repro_util import check, induce_runs
from evals.workflows.base import Run, tool
from evals.workflows.catalog import Hello

TOOLS = [tool("get_order", "Order", order_id="string"), tool("refund", "Refund", order_id="string")]


def run(i: int, today: date, age: int, sku: str):
    hello = Hello()
    hello.tools = TOOLS
    r = Run(hello, random.Random(i))
    oid = f"O{10000 + i * 37}"
    r.system(f"Today is {today.isoformat()}. SKUs starting with R are refundable; F are final sale.")
    r.user(f"Refund order {oid}")
    r.call("get_order", {"order_id": oid}, {"order_id": oid, "bought": (today - timedelta(days=age)).isoformat(), "sku": sku})
    if sku.startswith("R"):
        r.call("refund", {"order_id": oid}, {"ok": True})
        r.say(f"Refunded {oid}.")
    else:
        r.say(f"{oid} is final sale; no refund.")
    return r.records


TRAIN = [(date(2026, 3, 4), 3, "R1234"), (date(2026, 4, 19), 14, "R5521"), (date(2026, 6, 2), 9, "R8830"),
         (date(2026, 7, 15), 33, "F4410"), (date(2026, 9, 30), 50, "F7702"), (date(2026, 5, 5), 41, "F2291")]
if __name__ == "__main__":
    tree, result = induce_runs([run(i, *t) for i, t in enumerate(TRAIN)])
    check(tree, result, "R sku, 8 days", run(50, date(2026, 5, 10), 8, "R6001")[1], verbose=False)
    check(tree, result, "F sku, 8 days", run(51, date(2026, 5, 10), 8, "F6002")[1])
    check(tree, result, "R sku, 40 days", run(52, date(2026, 5, 10), 40, "R6003")[1])
    check(tree, result, "F sku, 40 days", run(53, date(2026, 5, 10), 40, "F6004")[1], verbose=False)
