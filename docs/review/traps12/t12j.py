"""Review 12 traps, round 10: amounts in minor units (Stripe-style cents) as JSON ints over a million."""
from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run


def _cents(name: str, lo_tr: int, hi_tr: int, lo: int, hi: int) -> Trap:
    """get_charge -> {"amount": cents, "currency": "usd"}; refunds of $10,000 (1000000 cents) or
    more need finance approval, smaller ones are refunded. Nothing copies the amount."""
    tools = [etool("get_charge", "Charge", charge="string"), etool("refund", "Refund", charge="string"),
             etool("request_approval", "Ask finance", charge="string")]

    def mk(a: int, b: int):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            ch = f"ch_{rng.randint(10**9, 10**10)}"
            amt = int(10 ** rng.uniform(a, b))
            run.system("You are the payments assistant. Refunds of $10,000 or more need finance approval.")
            run.user(f"Refund {ch}")
            run.call("get_charge", {"charge": ch}, {"id": ch, "amount": amt, "currency": "usd"})
            if amt >= 1_000_000:
                run.call("request_approval", {"charge": ch}, {"ok": True})
                run.say("That refund needs finance approval; I've asked them.")
            else:
                run.call("refund", {"charge": ch}, {"ok": True})
                run.say("Refunded.")
        return play
    return Trap(name, mk(lo, hi), tools, train_play=mk(lo_tr, hi_tr))


def cents_mix() -> Trap:
    """Amounts 10^3..10^7 cents both sides (~25% need approval)."""
    return _cents("cents_mix", 3, 7, 3, 7)


def cents_big_only() -> Trap:
    """Training 10^6..10^7 cents only (all approvals); test 10^3..10^7."""
    return _cents("cents_big_only", 6, 7, 3, 7)


def cents_large_threshold() -> Trap:
    """B2B: refunds of $100,000 (10000000 cents) or more need the CFO; training 10^6..9.9*10^6 cents
    (all refunded directly); test 10^6..10^8."""
    tools = [etool("get_charge", "Charge", charge="string"), etool("refund", "Refund", charge="string"),
             etool("request_approval", "Ask the CFO", charge="string")]

    def mk(b: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            ch = f"ch_{rng.randint(10**9, 10**10)}"
            amt = int(10 ** rng.uniform(6, b))
            run.system("You are the B2B payments assistant. Refunds of $100,000 or more need CFO approval.")
            run.user(f"Refund {ch}")
            run.call("get_charge", {"charge": ch}, {"id": ch, "amount": amt, "currency": "usd"})
            if amt >= 10_000_000:
                run.call("request_approval", {"charge": ch}, {"ok": True})
                run.say("That refund needs CFO approval; I've asked.")
            else:
                run.call("refund", {"charge": ch}, {"ok": True})
                run.say("Refunded.")
        return play
    return Trap("cents_large_threshold", mk(8), tools, train_play=mk(6.99))


TRAPS = {f.__name__: f for f in [cents_mix, cents_big_only, cents_large_threshold]}

if __name__ == "__main__":
    main(TRAPS)
