"""Minimal reproductions for review 13. Run: cd /work/main && PYTHONPATH=. .venv/bin/python -m docs.review.traps13.repro13 [A|B|C|D]
Each block trains on a handful of hand-written runs and checks test requests (miss / ok / FALSE HIT).
A and B are regressions of today's Answerer.branches_alike (run the same file on the code before
today: every FALSE HIT there is a miss)."""
from __future__ import annotations

import sys
from collections.abc import Callable

from docs.review.traps11.t11 import etool
from docs.review.traps12.repro12 import block
from evals.workflows.base import Run

LAT_SYS = ("You are the SRE bot. p95 latency of 500 ms or more: open a ticket; 2000 ms or more: also say that "
           "on-call was paged.")
LAT_TOOLS = [etool("get_metrics", "Look up", key="string"), etool("open_ticket", "Act", key="string")]


def lat(key: str, x: int, rps: int, ticket: int) -> Callable[[Run], None]:
    def play(run: Run) -> None:
        run.system(LAT_SYS)
        run.user(f"Check {key}")
        run.call("get_metrics", {"key": key}, {"p95_latency_ms": x, "rps": rps})
        if x < 500:
            run.say("Latency is fine.")
            return
        run.call("open_ticket", {"key": key}, {"ok": True, "ticket": f"INC-{ticket}"})
        run.say("Ticket opened for high latency." if x < 2000 else
                "Ticket opened; latency is critical and on-call was paged.")
    return play


def case_a() -> None:
    """A. A number after a label of noise, read where the model chose a reply or a call: weighed as an
    id (no range), so the answer below serves any latency. Before today the choice node kept each run
    apart (a miss)."""
    train = [lat("checkout", 120, 300, 4411), lat("search", 310, 420, 1290), lat("auth", 640, 510, 7302),
             lat("payments", 910, 220, 5521), lat("catalog", 1420, 380, 6630), lat("search", 1780, 610, 2718)]
    block("A latency tiers below a choice (p95_latency_ms: id, no range)", LAT_TOOLS, train,
          [("2600 ms (critical)", lat("auth", 2600, 400, 9081)), ("1200 ms (control)", lat("auth", 1200, 400, 9082))], 2)


ERR_SYS = ("You are the SRE bot. An error rate of 0.010 or more: open a ticket; 0.100 or more: also say that on-call "
           "was paged.")


def err(key: str, x: float, req: int) -> Callable[[Run], None]:
    def play(run: Run) -> None:
        run.system(ERR_SYS)
        run.user(f"Check {key}")
        run.call("get_metrics", {"key": key}, f"window=5m requests={req} error_rate={x:.4f}")
        if x < 0.01:
            run.say("Error rate is fine.")
            return
        run.call("open_ticket", {"key": key}, {"ok": True})
        run.say("Ticket opened for the error rate." if x < 0.1 else
                "Ticket opened; the error rate is critical and on-call was paged.")
    return play


def case_b() -> None:
    """B. A rate of 4 decimals in a text result (an id: a log line's measurement) read where the model chose."""
    train = [err("checkout", 0.0021, 41000), err("search", 0.0064, 52000), err("auth", 0.0157, 38000),
             err("payments", 0.0342, 61000), err("catalog", 0.0718, 47000), err("search", 0.0533, 29000)]
    block("B error-rate tiers below a choice (error_rate=0.0xxx in text: id, no range)", LAT_TOOLS, train,
          [("0.2410 (critical)", err("auth", 0.2410, 44000)), ("0.0400 (control)", err("auth", 0.0400, 44001))], 2)


BANK_SYS = "You are the banking assistant. Warn the customer when a transfer leaves less than $200 in checking."
BANK_TOOLS = [etool("get_balance", "Balance", account="string"),
              etool("transfer", "Transfer", account="string", amount="number")]


def move(acct: int, x: int, b: int) -> Callable[[Run], None]:
    def play(run: Run) -> None:
        run.system(BANK_SYS)
        run.user(f"Move ${x} from CHK-{acct} to savings.")
        run.call("get_balance", {"account": f"CHK-{acct}"}, {"balance": b})
        if x > b:
            run.say("Sorry, there isn't enough in checking for that transfer.")
            return
        run.call("transfer", {"account": f"CHK-{acct}", "amount": x}, {"ok": True})
        run.say("Done. Your checking balance is now low." if b - x < 200 else "Done.")
    return play


def case_c() -> None:
    """C. A relation (balance - amount < 200) decided below a choice, one outcome seen in the transfer
    branch: a known class (one outcome for a relation), newly reachable under a choice node."""
    train = [move(101, 441, 964), move(102, 479, 1021), move(103, 1785, 2306), move(104, 165, 621),
             move(105, 1420, 1996), move(106, 900, 300), move(107, 1200, 850)]
    block("C remainder relation below a choice", BANK_TOOLS, train,
          [("$796 of $969 (leaves 173)", move(108, 796, 969)), ("$700 of $1500 (control)", move(109, 700, 1500))], 2)


def amt(code: str, v: float) -> Callable[[Run], None]:
    def play(run: Run) -> None:
        run.system("You are the AP assistant. Invoices of 5,000 or more, in any currency, need approval.")
        run.user("Check INV-1001")
        run.call("get_invoice", {"key": "INV-1001"}, {"vendor": "Acme", "amount": f"{code} {v:,.2f}"})
        if v >= 5000:
            run.call("request_approval", {"key": "INV-1001"}, {"ok": True})
            run.say("This invoice needs approval; I've requested it.")
        else:
            run.say("Invoice paid.")
    return play


def case_d() -> None:
    """D. An amount after its currency's code, the code changing between runs: no one unit, so no measure,
    a `text` slot with no check (also: "45 min"/"1.5 hrs", "500 mg"/"1.5 g", "850.0KB"/"12.4MB")."""
    tools = [etool("get_invoice", "Look up", key="string"), etool("request_approval", "Act", key="string")]
    train = [amt("USD", 1200), amt("EUR", 950.5), amt("GBP", 3100), amt("USD", 420), amt("CHF", 2750)]
    block("D amounts in several currencies", tools, train,
          [("CHF 16,317.61", amt("CHF", 16317.61)), ("USD 9,800.00", amt("USD", 9800))], 1)


def tox(s: float) -> Callable[[Run], None]:
    def play(run: Run) -> None:
        run.system("You are the moderation assistant. Remove posts whose toxic score is 0.80 or more.")
        run.user("Review post-1001")
        run.call("classify", {"key": "post-1001"}, {"labels": ["toxic", "ok"], "scores": [s, round(1 - s, 4)]})
        if s >= 0.8:
            run.call("remove_post", {"key": "post-1001"}, {"ok": True})
            run.say("The post was removed.")
        else:
            run.say("The post is fine.")
    return play


def case_e() -> None:
    """E (open at HEAD). A score of 4 decimals inside a JSON array ("scores": [0.0731, 0.9269]): no field's key
    before it, so a log line's measurement (an id), no range."""
    tools = [etool("classify", "Look up", key="string"), etool("remove_post", "Act", key="string")]
    block("E toxic score in a JSON array", tools, [tox(0.0731), tox(0.2214), tox(0.4102), tox(0.1377), tox(0.5519)],
          [("0.9431", tox(0.9431)), ("0.3000 (control)", tox(0.3))], 1)


def score(h: int, a: int) -> Callable[[Run], None]:
    def play(run: Run) -> None:
        run.system("You are the fantasy-league assistant. When the home side wins, award the home team its points.")
        run.user(f"Final score (home away): {h} {a}")
        if h > a:
            run.call("award_points", {"team": "home"}, {"ok": True})
            run.say("Home win: points awarded.")
        else:
            run.say("Away win: no points for the home side.")
    return play


def case_f() -> None:
    """F (open at HEAD). Numbers in a row are range-checked place by place, but not kept in order: the same two
    numbers in two slots ("home 3, away 1") are (order_pairs), so an away win inside both ranges misses there."""
    tools = [etool("award_points", "Award", team="string")]
    block("F final score in a row, home won every training run", tools,
          [score(3, 1), score(5, 2), score(2, 0), score(4, 3), score(1, 0), score(6, 4)],
          [("2 4 (away win)", score(2, 4)), ("4 1 (control)", score(4, 1))], 0)


CASES = {"A": case_a, "B": case_b, "C": case_c, "D": case_d, "E": case_e, "F": case_f}

if __name__ == "__main__":
    for key in sys.argv[1:] or list(CASES):
        CASES[key]()
