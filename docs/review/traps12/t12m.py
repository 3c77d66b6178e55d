"""Review 12 traps, round 13: the findings' classes with train == test, the deciding side seldom (10%)."""
from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from docs.review.traps12.t12g import _gate
from evals.workflows.base import Run


def took_days_seldom() -> Trap:
    """'My parcel took N days...': 10% over 10 days (11-25), else 2-10. Same mix."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        n = rng.randint(11, 25) if rng.random() < 0.1 else rng.randint(2, 10)
        run.system("You are the shop support bot. Deliveries that took over 10 days get a refund.")
        run.user(f"My parcel took {n} days to arrive, can I get a refund?")
        run.say("Yes, deliveries over 10 days are refunded; I've started it." if n > 10
                else "Sorry, only deliveries over 10 days qualify for a refund.")
    return Trap("took_days_seldom", play, [])


def pages_seldom() -> Trap:
    """Print job {"pages": n}: 10% over 50 (51-300), else 1-50. Same mix."""
    return _gate("pages_seldom", "You are the office print assistant. Jobs over 50 pages need approval.",
                 lambda r: f"job-{r.randint(100, 999)}", "get_job", lambda r, x: {"pages": x, "color": r.choice([True, False])},
                 lambda r, tr: r.randint(51, 300) if r.random() < 0.1 else r.randint(1, 50), lambda x: x > 50,
                 "request_approval", "Printing now.", "That job needs approval; I've requested it.", True)


def fraud_4dp_seldom() -> Trap:
    """{"score": x} 4 decimals: 10% at 0.9-0.999, else 0.01-0.89. Same mix."""
    return _gate("fraud_4dp_seldom", "You are the payments risk assistant. Block a payment when its fraud score is 0.9 or more.",
                 lambda r: f"pay_{r.randint(10**7, 10**8)}", "get_risk", lambda r, x: {"score": x},
                 lambda r, tr: round(r.uniform(0.9, 0.999) if r.random() < 0.1 else r.uniform(0.01, 0.89), 4),
                 lambda x: x >= 0.9, "block", "Looks fine.", "Blocked: high fraud risk.", True)


def readings_seldom() -> Trap:
    """'My readings today: S D P': 10% high (140-180), else 100-139. Same mix."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        s = rng.randint(140, 180) if rng.random() < 0.1 else rng.randint(100, 139)
        run.system("You are the blood pressure diary assistant.")
        run.user(f"My readings today: {s} {rng.randint(60, 95)} {rng.randint(55, 100)}")
        run.say("That's high; please contact your doctor." if s >= 140 else "Logged, that looks normal.")
    return Trap("readings_seldom", play, [])


def ios_seldom() -> Trap:
    """{"os": "iOSN"}: 10% iOS12-15, else 16-18. Same mix."""
    tools = [etool("get_device", "Device", device_id="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        v = rng.randint(12, 15) if rng.random() < 0.1 else rng.randint(16, 18)
        d = f"D{rng.randint(10000, 99999)}"
        run.system("You are the app support bot. The app needs iOS 16 or later.")
        run.user("Why won't the app install?")
        run.call("get_device", {"device_id": d}, {"device_id": d, "os": f"iOS{v}"})
        run.say("Your iOS is supported; try restarting the App Store." if v >= 16
                else "Your iOS is too old; please update to iOS 16 or later.")
    return Trap("ios_seldom", play, tools)


def cents_seldom() -> Trap:
    """{"amount": cents} 10^6..10^8; 10% at or over 10^7 (CFO approval). Same mix."""
    tools = [etool("get_charge", "Charge", charge="string"), etool("refund", "Refund", charge="string"),
             etool("request_approval", "Ask the CFO", charge="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        ch = f"ch_{rng.randint(10**9, 10**10)}"
        amt = int(10 ** rng.uniform(7, 8)) if rng.random() < 0.1 else int(10 ** rng.uniform(6, 6.99))
        run.system("You are the B2B payments assistant. Refunds of $100,000 or more need CFO approval.")
        run.user(f"Refund {ch}")
        run.call("get_charge", {"charge": ch}, {"id": ch, "amount": amt, "currency": "usd"})
        run.call("request_approval" if amt >= 10_000_000 else "refund", {"charge": ch}, {"ok": True})
        run.say("Done.")
    return Trap("cents_seldom", play, tools)


TRAPS = {f.__name__: f for f in [took_days_seldom, pages_seldom, fraud_4dp_seldom, readings_seldom, ios_seldom,
                                 cents_seldom]}

if __name__ == "__main__":
    main(TRAPS)
