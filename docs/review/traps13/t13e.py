"""Review 13 traps, round 5: more numbers weighed as ids where the model chose (no range below):
a tier seldom seen, cents of 7+ digits, a duration, a glued version, a later call picked."""
from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from docs.review.traps13.t13d import LAT_SYS, _tiers
from evals.workflows.base import Run


def choice_tier_latency_seldom() -> Trap:
    """train == test: latency 40-2300 ms, the critical tier (2000+) about 1 in 8."""
    return _tiers("choice_tier_latency_seldom", LAT_SYS, "get_metrics",
                  lambda r, x: {"p95_latency_ms": x, "rps": r.randint(50, 900)},
                  lambda r, tr: r.randint(40, 2300), lambda x: 0 if x < 500 else 1 if x < 2000 else 2,
                  "open_ticket", "Latency is fine.", "Ticket opened for high latency.",
                  "Ticket opened; latency is critical and on-call was paged.", True)


def choice_tier_cents() -> Trap:
    """Stripe-style {"amount": cents}: under $50 refund at once (a reply); $50-$9,999 ticket; $10,000+ ticket + CFO.
    ≠: training under $9,000 (900000 cents); test to $40,000 (4000000 cents: 7 digits)."""
    return _tiers("choice_tier_cents", "You are the refunds bot. Amounts are in cents. Refunds of $50 or more: open a "
                  "ticket; $10,000 or more: also tell the CFO.", "get_refund",
                  lambda r, x: {"amount": x, "currency": "usd"},
                  lambda r, tr: r.randint(500, 900_000 if tr else 4_000_000),
                  lambda x: 0 if x < 5000 else 1 if x < 1_000_000 else 2, "open_ticket", "Refunded.",
                  "Ticket opened for review.", "Ticket opened; the CFO was told.", False)


def choice_tier_duration() -> Trap:
    """{"duration_s": x} of a batch job: under 600 fine; 600-3599 ticket; 3600+ ticket + 'SLA breached'.
    ≠: training under 3000."""
    return _tiers("choice_tier_duration", "You are the batch-jobs bot. Jobs running 600 s or more: open a ticket; "
                  "3600 s or more: also say the SLA was breached.", "get_job",
                  lambda r, x: {"duration_s": x, "exit_code": 0},
                  lambda r, tr: r.randint(30, 3000 if tr else 9000), lambda x: 0 if x < 600 else 1 if x < 3600 else 2,
                  "open_ticket", "The job ran fine.", "Ticket opened: the job was slow.",
                  "Ticket opened: the job breached its SLA.", False)


def choice_tier_glued() -> Trap:
    """{"os": "iOS16"}: iOS 17+ a reply; 15-16 call notify then 'update recommended'; 14 or older call
    notify then 'no longer supported'. ≠: training iOS 15-18 only; test 11-18."""
    return _tiers("choice_tier_glued", "You are the mobile-support bot. iOS 17 or newer is fine; iOS 15-16: recommend "
                  "an update; iOS 14 or older is no longer supported.", "get_device",
                  lambda r, x: {"os": f"iOS{x}", "model": r.choice(["iPhone 12", "iPhone 13", "iPhone SE"])},
                  lambda r, tr: r.randint(15 if tr else 11, 18), lambda x: 0 if x >= 17 else 1 if x >= 15 else 2,
                  "notify_user", "Your iOS version is fine.", "I've sent you a note recommending an iOS update.",
                  "I've sent you a note: your iOS version is no longer supported.", False)


def _which_call(name: str, same: bool) -> Trap:
    """{"p95_latency_ms": x}: < 500 a reply; else call get_owner, then page (x >= 2000) or open_ticket.
    ≠: training under 1900."""
    tools = [etool("get_metrics", "Metrics", key="string"), etool("get_owner", "Owner", key="string"),
             etool("page", "Page", team="string"), etool("open_ticket", "Ticket", team="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            key = rng.choice(["checkout", "search", "auth", "payments", "catalog"])
            x = rng.randint(40, 1900 if (training and not same) else 4000)
            run.system(LAT_SYS)
            run.user(f"Check {key}")
            run.call("get_metrics", {"key": key}, {"p95_latency_ms": x, "rps": rng.randint(50, 900)})
            if x < 500:
                run.say("Latency is fine.")
                return
            run.call("get_owner", {"key": key}, {"team": "team-" + key})
            if x >= 2000:
                run.call("page", {"team": "team-" + key}, {"ok": True})
                run.say("Paged the owning team.")
            else:
                run.call("open_ticket", {"team": "team-" + key}, {"ok": True})
                run.say("Opened a ticket for the owning team.")
        return play
    return Trap(name, mk(False), tools, train_play=None if same else mk(True))


def choice_which_call_latency() -> Trap:
    return _which_call("choice_which_call_latency", False)


def _party(name: str, same: bool) -> Trap:
    """Booking tool {"party_size": n, "date": ...}: 12+ -> a reply (events team); else call book_table, then
    'Booked.' or, for 8-11, 'Booked; a deposit is required for groups of 8 or more.' ≠: training never 8-11."""
    tools = [etool("check_request", "Request", ref="string"), etool("book_table", "Book", ref="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            ref = f"R{rng.randint(10000, 99999)}"
            n = rng.choice([rng.randint(1, 7), rng.randint(12, 20)]) if (training and not same) else rng.randint(1, 20)
            run.system("You are the restaurant's booking assistant. Groups of 8-11 pay a deposit; 12 or more go to "
                       "the events team.")
            run.user(f"Please confirm booking request {ref}")
            run.call("check_request", {"ref": ref}, {"party_size": n, "time": "19:30"})
            if n >= 12:
                run.say("For 12 or more guests our events team will contact you.")
                return
            run.call("book_table", {"ref": ref}, {"ok": True, "table": rng.randint(1, 30)})
            run.say("Booked; a deposit is required for groups of 8 or more." if n >= 8 else "Booked.")
        return play
    return Trap(name, mk(False), tools, train_play=None if same else mk(True))


def _deep(name: str, label: str, quantity: bool) -> Trap:
    """train == test. {label: x}: < 500 a reply; else get_owner -> get_oncall -> page (x >= 2000) or
    open_ticket: the later call is three messages below the choice (past CONTINUATION_DEPTH)."""
    tools = [etool("get_metrics", "Metrics", key="string"), etool("get_owner", "Owner", key="string"),
             etool("get_oncall", "On-call", team="string"), etool("page", "Page", person="string"),
             etool("open_ticket", "Ticket", person="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        key = rng.choice(["checkout", "search", "auth", "payments", "catalog"])
        x = rng.randint(40, 4000)
        run.system(LAT_SYS)
        run.user(f"Check {key}")
        run.call("get_metrics", {"key": key}, {label: x, "rps": rng.randint(50, 900)})
        if x < 500:
            run.say("Latency is fine.")
            return
        run.call("get_owner", {"key": key}, {"team": "team-" + key})
        person = {"checkout": "ana", "search": "bo", "auth": "cy", "payments": "di", "catalog": "ed"}[key]
        run.call("get_oncall", {"team": "team-" + key}, {"person": person})
        if x >= 2000:
            run.call("page", {"person": person}, {"ok": True})
            run.say("Paged the on-call engineer.")
        else:
            run.call("open_ticket", {"person": person}, {"ok": True})
            run.say("Opened a ticket for the on-call engineer.")
    return Trap(name, play, tools)


def choice_deep_call_mix() -> Trap:
    return _deep("choice_deep_call_mix", "p95_latency_ms", False)


def choice_deep_call_mix_qty() -> Trap:
    """Control: the number under a label that is no noise ("p95": a quantity, range-checked)."""
    return _deep("choice_deep_call_mix_qty", "p95", True)


def _took(name: str, same: bool) -> Trap:
    """The user writes 'My parcel took N days to arrive' ("took": a label of noise): under 7 a reply; 7+ call
    open_claim, then a $5 voucher (7-13) or the shipping refunded (14+). ≠: training under 13 days."""
    tools = [etool("open_claim", "Claim", order="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            n = rng.randint(1, 12 if (training and not same) else 30)
            oid = f"{rng.randint(100000, 999999)}"
            run.system("You are the delivery assistant. Deliveries of 7 days or more get a claim: a $5 voucher, or "
                       "the shipping refunded from 14 days.")
            run.user(f"Order {oid}: my parcel took {n} days to arrive.")
            if n < 7:
                run.say("Glad it arrived! Enjoy your order.")
                return
            run.call("open_claim", {"order": oid}, {"ok": True})
            run.say("Sorry for the delay; I've added a $5 voucher." if n < 14 else
                    "Sorry for the long delay; I've refunded your shipping.")
        return play
    return Trap(name, mk(False), tools, train_play=None if same else mk(True))


def choice_user_took() -> Trap:
    return _took("choice_user_took", False)


def choice_party_size() -> Trap:
    return _party("choice_party_size", False)


TRAPS = {f.__name__: f for f in [
    choice_tier_latency_seldom, choice_tier_cents, choice_tier_duration, choice_tier_glued, choice_which_call_latency,
    choice_party_size, choice_deep_call_mix, choice_deep_call_mix_qty,
    choice_user_took]}

if __name__ == "__main__":
    main(TRAPS)
