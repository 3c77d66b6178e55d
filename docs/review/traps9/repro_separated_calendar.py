"""FALSE HITS (rule 6, separated split, + date spans): a calendar rule the day count only
correlates with. (a) Charges from the current calendar month are reversed, older ones disputed:
the training reversals were 1-8 days old, the disputes 28-61 days, so ``bought - today`` "parts"
the answers, the cluster is split by answer, and a charge 6 days old but from last month
(today 2026-07-01, charge 2026-06-25) is served the reversal. (b) On time = shipped within 2
*business* days: training on-time shipments were 0-2 calendar days, late ones 4-6 (both dates in
the tool result, no system prompt involved), so an order on Friday shipped on Tuesday (4 calendar
days, 2 business days: on time) is served flag_late. Both dates stay inside the ranges and the
span each part saw. Before today's commits (6fe1c95): (a) miss, (b) miss.

    PYTHONPATH=. .venv/bin/python -m docs.review.traps9.repro_separated_calendar
"""
import random
from datetime import date, timedelta

from docs.review.traps9.repro_util import check, induce_runs
from evals.workflows.base import Run, tool
from evals.workflows.catalog import Hello


def wf(tools):
    h = Hello()
    h.tools = tools
    return h


CH = wf([tool("get_charge", "Charge", charge_id="string"), tool("reverse", "Reverse", charge_id="string")])
SH = wf([tool("get_shipment", "Shipment", shipment_id="string"), tool("flag_late", "Flag", shipment_id="string")])


def charge(i: int, today: str, when: str):
    r = Run(CH, random.Random(i))
    cid = f"CH-{10000 + 37 * i}"
    r.system(f"Today is {today}. Reverse charges from the current month; older ones need a dispute.")
    r.user(f"Reverse charge {cid}")
    r.call("get_charge", {"charge_id": cid}, {"id": cid, "date": when})
    if today[:7] == when[:7]:
        r.call("reverse", {"charge_id": cid}, {"ok": True})
        r.say(f"Reversed {cid}.")
    else:
        r.say(f"{cid} is from an earlier month; please open a dispute.")
    return r.records


def bdays(a: date, b: date) -> int:
    return sum(1 for k in range(1, (b - a).days + 1) if (a + timedelta(days=k)).weekday() < 5)


def shipment(i: int, ordered: str, shipped: str):
    r = Run(SH, random.Random(i))
    sid = f"S-{10000 + 37 * i}"
    r.system("You audit shipments: on time means shipped within 2 business days of the order.")
    r.user(f"Audit shipment {sid}")
    r.call("get_shipment", {"shipment_id": sid}, {"id": sid, "ordered": ordered, "shipped": shipped})
    if bdays(date.fromisoformat(ordered), date.fromisoformat(shipped)) <= 2:
        r.say(f"{sid} shipped on time.")
    else:
        r.call("flag_late", {"shipment_id": sid}, {"ok": True})
        r.say(f"{sid} shipped late; flagged.")
    return r.records


CHARGES = [("2026-06-29", "2026-06-21"), ("2026-05-09", "2026-05-03"), ("2026-04-19", "2026-04-11"),
           ("2026-04-07", "2026-04-05"), ("2026-10-10", "2026-10-05"), ("2026-07-12", "2026-07-11"),
           ("2026-08-12", "2026-06-05"), ("2026-07-21", "2026-06-08"), ("2026-03-13", "2026-02-13"),
           ("2026-10-12", "2026-08-21")]
SHIPMENTS = [("2026-04-19", "2026-04-21"), ("2026-05-09", "2026-05-09"), ("2026-03-31", "2026-03-31"),
             ("2026-08-05", "2026-08-06"), ("2026-06-26", "2026-06-27"), ("2026-06-01", "2026-06-01"),
             ("2026-06-20", "2026-06-26"), ("2026-09-03", "2026-09-08"), ("2026-03-10", "2026-03-16"),
             ("2026-04-13", "2026-04-17"), ("2026-08-16", "2026-08-20"), ("2026-05-30", "2026-06-05")]
if __name__ == "__main__":
    tree, result = induce_runs([charge(i, *c) for i, c in enumerate(CHARGES)])
    check(tree, result, "(a) 2026-07-14 / 2026-07-09 (same month)", charge(50, "2026-07-14", "2026-07-09")[1], verbose=False)
    check(tree, result, "(a) 2026-07-01 / 2026-06-25 (last month, 6 days)", charge(51, "2026-07-01", "2026-06-25")[1])
    tree, result = induce_runs([shipment(i, *s) for i, s in enumerate(SHIPMENTS)])
    check(tree, result, "(b) Tue 2026-07-07 -> Thu 2026-07-09", shipment(52, "2026-07-07", "2026-07-09")[1], verbose=False)
    check(tree, result, "(b) Fri 2026-07-10 -> Tue 2026-07-14 (2 business days)", shipment(53, "2026-07-10", "2026-07-14")[1])
