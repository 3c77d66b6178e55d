"""Minimal reproductions for review 12. Run: cd /work/main && PYTHONPATH=. .venv/bin/python -m docs.review.traps12.repro12 [A|B|C|D|E|F]
Each block trains on a handful of hand-written runs and checks test requests (miss / ok / FALSE HIT).
Every training run answers one way; every test value lies OUTSIDE the range training saw, so rote's
own rule for an unread number ("served only inside the range seen") says miss."""
from __future__ import annotations

import random
import sys
from collections.abc import Callable
from typing import Any

from docs.review.traps.harness import Trap
from docs.review.traps9.repro_util import check, induce_runs
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run


def runs(tools: list[dict[str, Any]], plays: list[Callable[[Run], None]]) -> list[list[dict[str, Any]]]:
    out = []
    for p in plays:
        wf = Trap("repro", lambda run, fake, rng: None, tools)
        r = Run(wf, random.Random(0))
        p(r)
        out.append(r.records)
    return out


def block(title: str, tools, train, tests, call: int, verbose: bool = True) -> None:
    print(f"\n=== {title}")
    tree, result = induce_runs(runs(tools, train))
    for label, p in tests:
        check(tree, result, f"  {label}", runs(tools, [p])[0][call], verbose=verbose)


# A. Numbers separated only by spaces become one `text` slot: no range, no kind, no check.
def bp(s: int, d: int, p: int):
    def play(run: Run) -> None:
        run.system("You are the blood pressure diary assistant.")
        run.user(f"My readings today: {s} {d} {p}")
        run.say("That's high; please contact your doctor." if s >= 140 else "Logged, that looks normal.")
    return play


def access(line: str, ev: str):
    def play(run: Run) -> None:
        run.system("You label nginx log lines with their event id")
        run.user(line)
        run.say(ev)
    return play


def case_a() -> None:
    block("A1 space-separated readings in the user's text (text slot)", [],
          [bp(118, 76, 64), bp(125, 80, 70), bp(131, 84, 90), bp(109, 70, 58), bp(122, 79, 66)],
          [("172 101 88", bp(172, 101, 88)), ("118 76 64 (control)", bp(118, 76, 64))], 0)
    block("A2 access-log status in a text slot", [],
          [access(f"GET /cart/{a} {s} {b}", "E_OK") for a, s, b in
           [(49, 200, 38314), (28, 200, 47564), (327, 200, 7984), (177, 200, 31332), (66, 204, 23990)]],
          [("GET /cart/334 500 37101", access("GET /cart/334 500 37101", "E_SERVER"))], 0)


# B. A JSON float with 3+ decimals is taken for an id (evidence.value_kind: "a measurement").
def risk(x: float):
    def play(run: Run) -> None:
        run.system("You are the payments risk assistant. Block a payment when its fraud score is 0.9 or more.")
        run.user("Check payment pay_81723")
        run.call("get_risk", {"payment_id": "pay_81723"}, {"payment_id": "pay_81723", "score": x})
        if x >= 0.9:
            run.call("block", {"payment_id": "pay_81723"}, {"ok": True})
            run.say("Blocked pay_81723: high fraud risk.")
        else:
            run.say("pay_81723 looks fine.")
    return play


RISK = [etool("get_risk", "Fraud score", payment_id="string"), etool("block", "Block", payment_id="string")]


def case_b() -> None:
    block("B1 fraud score with 4 decimals", RISK,
          [risk(x) for x in [0.1234, 0.3391, 0.0712, 0.5523, 0.2871, 0.6402]],
          [("0.9731", risk(0.9731))], 1)
    block("B2 control: the same scores with 2 decimals", RISK,
          [risk(x) for x in [0.12, 0.34, 0.07, 0.55, 0.29, 0.64]],
          [("0.97", risk(0.97))], 1, verbose=False)


# C. A deciding number after a label in NOISE_LABEL (time, size, node, took, request, index,
#    pages, latency, duration) is an id: no range.
def say_case(system: str, user: str, answer: str):
    def play(run: Run) -> None:
        run.system(system)
        run.user(user)
        run.say(answer)
    return play


def case_c() -> None:
    sysm = "You are the shop support bot. Deliveries that took over 10 days get a refund."
    no = "Sorry, only deliveries over 10 days qualify for a refund."
    block("C1 'took N days' in the user's text", [],
          [say_case(sysm, f"My parcel took {n} days to arrive, can I get a refund?", no) for n in [3, 5, 7, 4, 9]],
          [("18 days", say_case(sysm, "My parcel took 18 days to arrive, can I get a refund?",
                                "Yes, deliveries over 10 days are refunded; I've started it."))], 0)
    sysn = "You are the SDK support bot. Supported runtimes: Node 18 or later."
    block("C2 'node N' in the user's text", [],
          [say_case(sysn, f"We run node {n} in prod, is that supported?", "Yes, that version is supported.") for n in [18, 20, 22, 19, 21]],
          [("node 14", say_case(sysn, "We run node 14 in prod, is that supported?", "No, please upgrade to Node 18 or later."))], 0)
    sysq = "You are the support bot. Offer a callback when the wait is over 30 minutes."

    def queue(w: int):
        def play(run: Run) -> None:
            run.system(sysq)
            run.user("Check billing")
            run.call("get_queue", {"key": "billing"}, {"agents_online": 4, "wait_time": w})
            if w > 30:
                run.call("offer_callback", {"key": "billing"}, {"ok": True})
                run.say("The wait is long; I've offered you a callback.")
            else:
                run.say("An agent will be with you shortly.")
        return play
    block("C3 \"wait_time\" in a tool result", [etool("get_queue", "Queue", key="string"), etool("offer_callback", "Callback", key="string")],
          [queue(w) for w in [4, 12, 9, 21, 16]], [("75", queue(75))], 1)


# D. A number glued to a word of 3+ letters ("iOS15", "Tier3", "Windows8") is an id: no range.
def ios(v: int):
    def play(run: Run) -> None:
        run.system("You are the app support bot. The app needs iOS 16 or later.")
        run.user("Why won't the app install?")
        run.call("get_device", {"device_id": "D1"}, {"device_id": "D1", "os": f"iOS{v}"})
        run.say("Your iOS is supported; try restarting the App Store." if v >= 16
                else "Your iOS is too old; please update to iOS 16 or later.")
    return play


def case_d() -> None:
    block("D iOS version glued to its name", [etool("get_device", "Device", device_id="string")],
          [ios(v) for v in [16, 17, 18, 17, 16]], [("iOS13", ios(13))], 1)


# E. A JSON integer of 7+ digits is an id, even under "amount" (Stripe amounts are in cents).
def charge(cents: int):
    def play(run: Run) -> None:
        run.system("You are the B2B payments assistant. Refunds of $100,000 or more need CFO approval.")
        run.user("Refund ch_1")
        run.call("get_charge", {"charge": "ch_1"}, {"id": "ch_1", "amount": cents, "currency": "usd"})
        big = cents >= 10_000_000
        run.call("request_approval" if big else "refund", {"charge": "ch_1"}, {"ok": True})
    return play


def case_e() -> None:
    block("E amount in cents over a million", [etool("get_charge", "Charge", charge="string"),
                                               etool("refund", "Refund", charge="string"),
                                               etool("request_approval", "Ask the CFO", charge="string")],
          [charge(c) for c in [1_250_000, 3_400_000, 2_075_000, 8_800_000, 5_150_000]],
          [("$420,000", charge(42_000_000))], 1)


# F. A derivation over a repeated category (an id's project prefix) serves a category never seen.
def esc(t: str, team: str):
    def play(run: Run) -> None:
        run.system("You are the escalation bot.")
        run.user(f"Escalate {t} please")
        run.call("page", {"team": team, "ticket": t}, {"ok": True})
    return play


def case_f() -> None:
    block("F team derived from the ticket's project", [etool("page", "Page a team", team="string", ticket="string")],
          [esc("OPS-6808", "ops-oncall"), esc("OPS-7588", "ops-oncall"), esc("WEB-5555", "web-oncall"),
           esc("WEB-8390", "web-oncall"), esc("WEB-4746", "web-oncall")],
          [("SEC-2049 (the security team)", esc("SEC-2049", "security"))], 0)


CASES = {"A": case_a, "B": case_b, "C": case_c, "D": case_d, "E": case_e, "F": case_f}

if __name__ == "__main__":
    for k in sys.argv[1:] or list(CASES):
        CASES[k]()
