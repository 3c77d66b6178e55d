"""Minimal reproductions for review 11. Run: cd /tmp/rev11 && PYTHONPATH=/tmp/rev11:/work/main python -m repro11
Each block trains on a handful of hand-written runs and checks test requests (miss / ok / FALSE HIT)."""
from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from docs.review.traps.harness import Trap
from docs.review.traps9.repro_util import check, induce_runs
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run

ORDER = [etool("get_order", "Look up an order", order_id="string")]


def runs(tools: list[dict[str, Any]], plays: list[Callable[[Run], None]]) -> list[list[dict[str, Any]]]:
    out = []
    for p in plays:
        wf = Trap("repro", lambda run, fake, rng: None, tools)
        r = Run(wf, random.Random(0))
        p(r)
        out.append(r.records)
    return out


def block(title: str, tools, train, tests, call: int, verbose: bool = False) -> None:
    print(f"\n=== {title}")
    tree, result = induce_runs(runs(tools, train))
    for label, p in tests:
        check(tree, result, f"  {label}", runs(tools, [p])[0][call], verbose=verbose)


# A. A JSON list's tail taken by one word slot: list lengths never seen are served.
def cart(prices: list[float]):
    def p(run: Run) -> None:
        run.system("You are the checkout assistant. Carts of 3 or more items get the 3-for-2 deal.")
        run.user("Do I get the 3-for-2 deal?")
        run.call("get_cart", {"session": "s1"}, {"items": [{"price": x} for x in prices]})
        run.say("Yes, the 3-for-2 deal applies." if len(prices) >= 3 else "Not yet: add items to reach 3 for the deal.")
    return p


CART = [etool("get_cart", "The cart", session="string")]
block("A list tail", CART,
      [cart([6.12, 26.66, 16.88, 39.62]), cart([6.05, 6.76, 31.85]), cart([13.74, 5.21, 5.63]),
       cart([13.55, 31.29, 39.87, 9.52]), cart([30.41, 22.26, 41.35, 6.2])],
      [("1 item", cart([25.56])), ("2 items", cart([12.5, 20.0])), ("3 items", cart([7.0, 8.0, 9.0]))], 1, True)


# B. A clock time in a tool result's string ("HH:MM") is a word slot, taken for noise.
def placed(t: str, before: bool | None = None):
    def p(run: Run) -> None:
        run.system("You are the shop assistant. Orders placed before 14:00 ship the same day.")
        run.user("Will order 555123 ship today?")
        run.call("get_order", {"order_id": "555123"}, {"order_id": "555123", "placed_at": t})
        run.say("Yes, it ships today." if t < "14:00" else "It will ship tomorrow.")
    return p


block("B clock in a tool result", ORDER,
      [placed(t) for t in ["14:47", "17:41", "18:20", "18:48", "15:05"]],
      [("09:30", placed("09:30")), ("13:59", placed("13:59")), ("16:00", placed("16:00"))], 1, True)


def placed_hour(h: int):
    def p(run: Run) -> None:
        run.system("You are the shop assistant. Orders placed before 14:00 ship the same day.")
        run.user("Will order 555123 ship today?")
        run.call("get_order", {"order_id": "555123"}, {"order_id": "555123", "placed_hour": h})
        run.say("Yes, it ships today." if h < 14 else "It will ship tomorrow.")
    return p


block("B' control: the hour as a JSON int", ORDER,
      [placed_hour(h) for h in [14, 17, 18, 19, 15]], [("9", placed_hour(9)), ("16", placed_hour(16))], 1)


# C. Version / MM-YY / score strings: word slots, noise (user text and tool results alike).
def fw(v: str, ok: bool):
    def p(run: Run) -> None:
        run.system("You are the device support bot. Firmware older than 2.0 must be updated first.")
        run.user(f"My router runs firmware {v}, can I enable mesh mode?")
        run.say("Yes, mesh mode is available." if ok else "Please update the firmware to 2.0 or later first.")
    return p


block("C version in the user's text", [],
      [fw("2.3.1", True), fw("3.0.4", True), fw("2.11.0", True), fw("3.2.7", True), fw("2.0.9", True)],
      [("1.9.8", fw("1.9.8", False)), ("2.4.0", fw("2.4.0", True))], 0, True)


def score(s: str, ok: bool):
    def p(run: Run) -> None:
        run.system("You are the QA bot. Calls scoring under 60/100 are sent for coaching.")
        run.user("Review call 8812")
        run.call("get_call", {"call_id": "8812"}, {"call_id": "8812", "qa_score": s})
        run.say("Score is fine; no action." if ok else "Sent for coaching.")
    return p


block("C' score string in a tool result", [etool("get_call", "A call", call_id="string")],
      [score(s, True) for s in ["87/100", "64/100", "92/100", "71/100", "78/100"]],
      [("35/100", score("35/100", False))], 1)


# D. Current time in the system prompt: the hour is labelled 'time' (NOISE_LABEL) -> id, no range.
def now(t: str):
    def p(run: Run) -> None:
        run.system(f"You are the support bot. Current time: {t}. Live agents work 09:00-17:30.")
        run.user("I need a human please")
        ok = "09:00" <= t < "17:30"
        run.call("transfer_to_agent" if ok else "open_ticket", {"topic": "account"}, {"ok": True})
        run.say("Transferring you to an agent now." if ok else "Our agents are offline; I've opened a ticket.")
    return p


block("D clock in the system prompt", [etool("transfer_to_agent", "Transfer", topic="string"),
                                        etool("open_ticket", "Ticket", topic="string")],
      [now(t) for t in ["10:12", "11:40", "13:05", "15:51", "16:20", "12:33"]],
      [("07:10", now("07:10")), ("21:45", now("21:45")), ("14:00", now("14:00"))], 0, True)


# E. A derived value through lower(): accents and apostrophes never seen are passed through.
def onboard(first: str, last: str, email: str):
    def p(run: Run) -> None:
        run.system("You are the HR assistant at Acme. Work emails are first.last@acme.com, lower case, ascii only.")
        run.user(f"Send the onboarding pack to {first} {last} please")
        run.call("send_email", {"to": email, "subject": "Your onboarding pack"}, {"ok": True})
        run.say(f"Sent the onboarding pack to {email}.")
    return p


block("E transliteration in a derivation", [etool("send_email", "Send an email", to="string", subject="string")],
      [onboard("Jose", "Riley", "jose.riley@acme.com"), onboard("Robert", "Mcgee", "robert.mcgee@acme.com"),
       onboard("Scott", "Webb", "scott.webb@acme.com"), onboard("Sarah", "Fitzgerald", "sarah.fitzgerald@acme.com"),
       onboard("Sue", "Rodriguez", "sue.rodriguez@acme.com")],
      [("José García", onboard("José", "García", "jose.garcia@acme.com")),
       ("Sean O'Brien", onboard("Sean", "O'Brien", "sean.obrien@acme.com")),
       ("Ann Lee", onboard("Ann", "Lee", "ann.lee@acme.com"))], 0, True)


# F. A copied deciding number under a split by a one-character unit: the F branch saw one outcome.
def sensor(s: str, v: int, unit: str):
    hot = (v > 30) if unit == "C" else (v > 86)
    def p(run: Run) -> None:
        run.system("You watch the building sensors. Page facilities when a room is over 30 °C (86 °F).")
        run.user(f"Check {s}")
        run.call("read_sensor", {"sensor": s}, {"sensor": s, "temperature": v, "unit": unit})
        if hot:
            run.call("page", {"text": f"{s} is at {v} {unit}"}, {"ok": True})
            run.say(f"{s} is too hot ({v} {unit}); paged facilities.")
        else:
            run.say(f"{s} is fine at {v} {unit}.")
    return p


block("F copied threshold under a unit split", [etool("read_sensor", "Read", sensor="string"), etool("page", "Page", text="string")],
      [sensor("lab-2", 34, "C"), sensor("warehouse", 24, "C"), sensor("cold-store", 33, "C"), sensor("lab-2", 19, "C"),
       sensor("warehouse", 70, "F"), sensor("server-room", 64, "F"), sensor("lab-2", 59, "F"), sensor("cold-store", 66, "F")],
      [("95 F", sensor("cold-store", 95, "F")), ("36 C", sensor("lab-2", 36, "C")), ("25 C", sensor("lab-2", 25, "C"))], 1, True)


# G. A tool number repeated in training becomes a literal of the path; the user's copied number is unchecked.
def pto(emp: str, n: int, bal: float):
    def p(run: Run) -> None:
        run.system(f"You are the HR assistant. The employee is {emp}.")
        run.user(f"Book {n} days off for me next month")
        run.call("get_balance", {"employee": emp}, {"employee": emp, "pto_days": bal})
        if n <= bal:
            run.call("book_leave", {"employee": emp, "days": n}, {"ok": True})
            run.say(f"Booked {n} days. You have {bal - n:g} days left.")
        else:
            run.say(f"You only have {bal:g} days of PTO left, not enough for {n}.")
    return p


block("G literal balance, copied request", [etool("get_balance", "PTO", employee="string"), etool("book_leave", "Book", employee="string", days="number")],
      [pto("timothy72", 8, 4.0), pto("omurphy", 6, 7.0), pto("brenda03", 10, 4.0), pto("morganrodney", 6, 0.0),
       pto("obennett", 7, 7.5)],
      [("1 day, balance 4.0", pto("diana56", 1, 4.0)), ("9 days, balance 4.0", pto("diana56", 9, 4.0))], 1, True)


# H. A JSON list's tail holding a closed, deciding word (a tag) is one free slot: 'vip' past the first place is noise.
def tags(t: list[str]):
    def p(run: Run) -> None:
        run.system("You are the support triage bot. VIP customers go to the priority queue.")
        run.user("My package is late")
        run.call("get_customer", {"customer_id": "C10001"}, {"customer_id": "C10001", "tags": t})
        run.call("queue", {"queue": "priority" if "vip" in t else "standard"}, {"ok": True})
        run.say("Your ticket is queued.")
    return p


block("H closed word in a list tail", [etool("get_customer", "Customer", customer_id="string"), etool("queue", "Queue", queue="string")],
      [tags(t) for t in [["newsletter", "wholesale", "eu"], ["vip", "beta"], ["eu", "mobile", "newsletter"], ["vip", "eu"],
                         ["wholesale", "mobile", "returning"], ["mobile", "beta"], ["eu", "returning", "wholesale"],
                         ["returning", "beta", "mobile"], ["beta"], ["wholesale", "returning"]]],
      [("['mobile','vip','eu']", tags(["mobile", "vip", "eu"])), ("['vip','eu']", tags(["vip", "eu"])),
       ("['eu','beta']", tags(["eu", "beta"]))], 1, True)


# I. CI checks: a failed status never seen anywhere, in the list's tail, is served as passing.
def checks(st: list[tuple[str, str]]):
    def p(run: Run) -> None:
        run.system("You are the CI bot.")
        run.user("Is PR 4242 green?")
        run.call("list_checks", {"pr": 4242}, {"pr": 4242, "checks": [{"name": n, "status": s} for n, s in st]})
        run.say("All checks passed." if all(s == "success" for _, s in st) else "Some checks failed.")
    return p


S = "success"
block("I unseen status in a list tail", [etool("list_checks", "Checks", pr="integer")],
      [checks(c) for c in [[("lint", S), ("e2e", S)], [("types", S), ("lint", S), ("unit", S)], [("lint", S), ("types", S)],
                           [("types", S), ("docs", S), ("build", S), ("e2e", S)], [("unit", S), ("e2e", S), ("lint", S)]]],
      [("lint ok, e2e failed", checks([("lint", S), ("e2e", "failed")])),
       ("lint failed, e2e ok", checks([("lint", "failed"), ("e2e", S)]))], 1, False)
