"""Review 13 traps, round 4: a choice node whose number is weighed as an id (no range below); a
relation decided below a choice beside a few-valued field; composites compared piece by piece;
scores in a JSON array; sizes in k/M."""
from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run


def _tiers(name: str, system: str, tool: str, result: Callable[[random.Random, Any], Any],
           gen: Callable[[random.Random, bool], Any], tier: Callable[[Any], int], act: str,
           say0: str, say1: str, say2: str, same: bool) -> Trap:
    """tier 0: a reply; tier 1 and 2: call act, then say1 or say2 (the later answer turns on the
    value read where the model chose)."""
    tools = [etool(tool, "Look up", key="string"), etool(act, "Act", key="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            key = rng.choice(["checkout", "search", "auth", "payments", "catalog"])
            x = gen(rng, training and not same)
            run.system(system)
            run.user(f"Check {key}")
            run.call(tool, {"key": key}, result(rng, x))
            t = tier(x)
            if t == 0:
                run.say(say0)
                return
            run.call(act, {"key": key}, {"ok": True, "ticket": f"INC-{rng.randint(1000, 9999)}"})
            run.say(say1 if t == 1 else say2)
        return play
    return Trap(name, mk(False), tools, train_play=None if same else mk(True))


LAT_SYS = ("You are the SRE bot. p95 latency of 500 ms or more: open a ticket; 2000 ms or more: also say that "
           "on-call was paged.")


def choice_tier_latency() -> Trap:
    """{"p95_latency_ms": x}: < 500 fine; 500-1999 ticket; 2000+ ticket + paged. ≠: training under 1900."""
    return _tiers("choice_tier_latency", LAT_SYS, "get_metrics", lambda r, x: {"p95_latency_ms": x, "rps": r.randint(50, 900)},
                  lambda r, tr: r.randint(40, 1900 if tr else 4000), lambda x: 0 if x < 500 else 1 if x < 2000 else 2,
                  "open_ticket", "Latency is fine.", "Ticket opened for high latency.",
                  "Ticket opened; latency is critical and on-call was paged.", False)


def choice_tier_latency_mix() -> Trap:
    return _tiers("choice_tier_latency_mix", LAT_SYS, "get_metrics", lambda r, x: {"p95_latency_ms": x, "rps": r.randint(50, 900)},
                  lambda r, tr: r.randint(40, 4000), lambda x: 0 if x < 500 else 1 if x < 2000 else 2,
                  "open_ticket", "Latency is fine.", "Ticket opened for high latency.",
                  "Ticket opened; latency is critical and on-call was paged.", True)


ERR_SYS = ("You are the SRE bot. An error rate of 0.010 or more: open a ticket; 0.100 or more: also say that on-call "
           "was paged.")


def choice_tier_errlog() -> Trap:
    """A text result 'errors=812 requests=90211 error_rate=0.0090' (a rate with 4 decimals in text: an id);
    tiers 0.010 / 0.100. ≠: training under 0.09."""
    return _tiers("choice_tier_errlog", ERR_SYS, "get_stats",
                  lambda r, x: f"window=5m requests={r.randint(10000, 99999)} error_rate={x:.4f}",
                  lambda r, tr: round(r.uniform(0.0005, 0.09 if tr else 0.3), 4),
                  lambda x: 0 if x < 0.01 else 1 if x < 0.1 else 2, "open_ticket", "Error rate is fine.",
                  "Ticket opened for the error rate.", "Ticket opened; the error rate is critical and on-call was paged.",
                  False)


def choice_tier_amount() -> Trap:
    """Control: {"amount": x} (a plain quantity): < 50 fine; 50-499 ticket; 500+ ticket + paged. ≠: training under 450."""
    return _tiers("choice_tier_amount", "You are the finance bot. Refund requests of $50 or more: open a ticket; $500 or "
                  "more: also say the controller was told.", "get_request", lambda r, x: {"amount": x, "items": r.randint(1, 5)},
                  lambda r, tr: r.randint(5, 450 if tr else 1000), lambda x: 0 if x < 50 else 1 if x < 500 else 2,
                  "open_ticket", "Refunded.", "Ticket opened for review.", "Ticket opened; the controller was told.", False)


def _remainder_branch(name: str) -> Trap:
    """get_balance -> {"balance": b, "branch": Leeds|York|Bath}; x > b a reply; else transfer, then 'low' when
    b - x < 200 (frequent). Train == test."""
    tools = [etool("get_balance", "Balance", account="string"), etool("transfer", "Transfer", account="string", amount="number")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        acct = f"CHK-{rng.randint(100, 999)}"
        x = rng.randint(50, 2000)
        b = rng.randint(10, x - 1) if rng.random() < 0.25 else x + rng.randint(0, 600)
        run.system("You are the banking assistant. Warn the customer when a transfer leaves less than $200 in checking.")
        run.user(f"Move ${x} from {acct} to savings.")
        run.call("get_balance", {"account": acct}, {"balance": b, "branch": rng.choice(["Leeds", "York", "Bath"])})
        if x > b:
            run.say("Sorry, there isn't enough in checking for that transfer.")
        else:
            run.call("transfer", {"account": acct, "amount": x}, {"ok": True})
            run.say("Done. Your checking balance is now low." if b - x < 200 else "Done.")
    return Trap(name, play, tools)


def remainder_with_branch() -> Trap:
    return _remainder_branch("remainder_with_branch")


def firmware_lexi() -> Trap:
    """{"firmware": "1.12.3"}; below 1.10.0 must update. Training: 1.10.0-2.3.x (all fine); test 1.0-2.3."""
    def gen(r: random.Random, tr: bool) -> tuple[int, int, int]:
        if r.random() < 0.5:
            return (1, r.randint(10 if tr else 0, 12), r.randint(0, 9))
        return (2, r.randint(0, 3), r.randint(0, 9))
    tools = [etool("get_device", "Device", key="string"), etool("push_update", "Update", key="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            key = f"dev-{rng.randint(1000, 9999)}"
            v = gen(rng, training)
            run.system("You are the device-fleet assistant. Firmware older than 1.10.0 must be updated.")
            run.user(f"Check {key}")
            run.call("get_device", {"key": key}, {"firmware": ".".join(map(str, v)), "online": True})
            if v < (1, 10, 0):
                run.call("push_update", {"key": key}, {"ok": True})
                run.say("Firmware was outdated; update pushed.")
            else:
                run.say("Firmware is up to date.")
        return play
    return Trap("firmware_lexi", mk(False), tools, train_play=mk(True))


def card_expiry_lexi() -> Trap:
    """{"card_exp": "MM/YY"}; today 2026-03; expired cards -> ask for a new card. Training: 04/26-12/30 (all
    valid, months 01-12 seen through later years); test from 01/25."""
    tools = [etool("get_card", "Card", key="string"), etool("request_new_card", "New card", key="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            key = f"cus_{rng.randint(10000, 99999)}"
            while True:
                y, m = rng.randint(25, 30), rng.randint(1, 12)
                if not training or (y, m) >= (26, 4):
                    break
            run.system("You are the billing assistant. Today is 2026-03-15. Ask for a new card when the card on "
                       "file has expired.")
            run.user("Renew my subscription")
            run.call("get_card", {"key": key}, {"brand": "visa", "card_exp": f"{m:02d}/{y}"})
            if (y, m) < (26, 3):
                run.call("request_new_card", {"key": key}, {"ok": True})
                run.say("Your card has expired; I've sent you a link to add a new one.")
            else:
                run.say("Your subscription is renewed.")
        return play
    return Trap("card_expiry_lexi", mk(False), tools, train_play=mk(True))


def scores_array() -> Trap:
    """A moderation classifier {"labels": ["toxic", "ok"], "scores": [0.0731, 0.9269]}: toxic score 0.80+
    -> remove. Training under 0.6; test to 0.99."""
    tools = [etool("classify", "Classify", key="string"), etool("remove_post", "Remove", key="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            key = f"post-{rng.randint(10000, 99999)}"
            s = round(rng.uniform(0.001, 0.6 if training else 0.99), 4)
            run.system("You are the moderation assistant. Remove posts whose toxic score is 0.80 or more.")
            run.user(f"Review {key}")
            run.call("classify", {"key": key}, {"labels": ["toxic", "ok"], "scores": [s, round(1 - s, 4)]})
            if s >= 0.8:
                run.call("remove_post", {"key": key}, {"ok": True})
                run.say("The post was removed.")
            else:
                run.say("The post is fine.")
        return play
    return Trap("scores_array", mk(False), tools, train_play=mk(True))


def deal_size_km() -> Trap:
    """CRM {"deal": "D-nnn", "size": "$950k" | "$1.2M"}; deals of $1M or more need VP sign-off. Training:
    $50k-$990k and $1.0M-$1.4M... no: training under $900k only; test to $3M."""
    tools = [etool("get_deal", "Deal", key="string"), etool("request_vp_signoff", "VP", key="string")]

    def fmt(v: int) -> str:
        return f"${v / 1e6:.1f}M" if v >= 1_000_000 else f"${v // 1000}k"

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            key = f"D-{rng.randint(100, 999)}"
            v = rng.randint(50, 900 if training else 3000) * 1000
            run.system("You are the sales-ops assistant. Deals of $1M or more need VP sign-off before the quote goes out.")
            run.user(f"Send the quote for {key}")
            run.call("get_deal", {"key": key}, {"account": "Acme", "size": fmt(v)})
            if v >= 1_000_000:
                run.call("request_vp_signoff", {"key": key}, {"ok": True})
                run.say("This deal needs VP sign-off; I've requested it.")
            else:
                run.say("Quote sent.")
        return play
    return Trap("deal_size_km", mk(False), tools, train_play=mk(True))


TRAPS = {f.__name__: f for f in [
    choice_tier_latency, choice_tier_latency_mix, choice_tier_errlog, choice_tier_amount, remainder_with_branch,
    firmware_lexi, card_expiry_lexi, scores_array, deal_size_km]}

if __name__ == "__main__":
    main(TRAPS)
