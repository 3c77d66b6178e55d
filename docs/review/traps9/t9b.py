"""Review 9, second batch: baselines and variants."""
from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps9.t9 import ORDER_TOOLS
from evals.workflows.base import Run, tool


def user_email_staff() -> Trap:
    """Baseline for sys_email_staff: the email in the user's message."""
    def mk(staff_p: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            first = fake.first_name()
            staff = rng.random() < staff_p
            email = f"{first.lower()}@larkspur.com" if staff else f"{first.lower()}{rng.randint(1, 99)}@{fake.free_email_domain()}"
            oid = f"A-{rng.randint(10000, 99999)}"
            run.system("You answer order questions for Larkspur. Staff (emails at larkspur.com) ship free; others pay $5.")
            run.user(f"I'm {first} ({email}). What will shipping cost for order {oid}?")
            run.call("get_order", {"order_id": oid}, {"id": oid, "status": "processing"})
            run.say(f"Shipping for {oid} is free." if staff else f"Shipping for {oid} costs $5.")
        return play
    return Trap("user_email_staff", mk(0.4), ORDER_TOOLS, train_play=mk(0.0))


def sys_email_natural() -> Trap:
    """sys_email_staff with staff in 15% of training and test runs alike."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        first = fake.first_name()
        staff = rng.random() < 0.15
        email = f"{first.lower()}@larkspur.com" if staff else f"{first.lower()}{rng.randint(1, 99)}@{fake.free_email_domain()}"
        oid = f"A-{rng.randint(10000, 99999)}"
        run.system(f"You answer order questions for Larkspur.\nCustomer: {first}\nEmail: {email}\n"
                   "Staff (emails at larkspur.com) ship free; others pay $5.")
        run.user(f"What will shipping cost for order {oid}?")
        run.call("get_order", {"order_id": oid}, {"id": oid, "status": "processing"})
        run.say(f"Shipping for {oid} is free." if staff else f"Shipping for {oid} costs $5.")
    return Trap("sys_email_natural", play, ORDER_TOOLS)


def sys_note_free_text() -> Trap:
    """A free-text account note in the system prompt (sampled, >=3 distinct), most say nothing,
    some say 'Account suspended: do not process refunds.' (never in training)."""
    notes = ["Prefers email contact.", "Likes fast replies.", "Long-time customer since the beta.",
             "Asked about gift cards last week.", "Lives near the Denver store.", "Usually orders shoes."]

    def mk(p: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            bad = rng.random() < p
            note = "Account suspended: do not process refunds." if bad else rng.choice(notes)
            oid = f"A-{rng.randint(10000, 99999)}"
            run.system(f"You process refunds for Larkspur.\nCustomer: {fake.name()}\nNote: {note}")
            run.user(f"Please refund order {oid}.")
            run.call("get_order", {"order_id": oid}, {"id": oid, "status": "delivered"})
            if bad:
                run.say(f"Sorry, I can't refund {oid} on this account.")
            else:
                run.call("refund", {"order_id": oid}, {"ok": True})
                run.say(f"Refunded {oid}.")
        return play
    return Trap("sys_note_free_text", mk(0.3), ORDER_TOOLS, train_play=mk(0.0))


YES = ("Let me check it so I can refund it.", "I'll look it up and process the refund.",
       "Checking the order before refunding.", "One moment, pulling it up to refund.")
NO = ("Let me check its status.", "I'll look up where it is.", "Checking the order's tracking.",
      "One moment, pulling up the status.")


def commentary_rare_intent() -> Trap:
    """commentary_decides_call, refund intent never in training (half of test)."""
    def mk(p: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            oid = f"O{rng.randint(10000, 99999)}"
            refund = rng.random() < p
            run.system("You handle orders.")
            run.user(f"About order {oid}")
            run.call("get_order", {"order_id": oid}, {"id": oid, "status": "delivered"}, text=rng.choice(YES if refund else NO))
            if refund:
                run.call("refund", {"order_id": oid}, {"ok": True})
                run.say(f"Refunded {oid}.")
            else:
                run.say(f"{oid} was delivered.")
        return play
    return Trap("commentary_rare_intent", mk(0.5), ORDER_TOOLS, train_play=mk(0.0))


def sys_today_weekday() -> Trap:
    """Today's ISO date in the system prompt; on weekends (1 in 5 runs) the store is closed and the
    agent says so instead of booking (weekday: a known limit of unread dates; here at system prompt)."""
    from datetime import date, timedelta

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        d = date(2026, 3, 2) + timedelta(days=rng.randint(0, 200))
        if d.weekday() >= 5 and rng.random() < 0.5:
            d -= timedelta(days=2)
        run.system(f"Today is {d.isoformat()}. The pickup desk is closed on weekends.")
        run.user("Can I pick up my order today?")
        if d.weekday() < 5:
            run.call("book_pickup", {"day": "today"}, {"ok": True})
            run.say("Booked for today.")
        else:
            run.say("Sorry, the desk is closed today.")
    return Trap("sys_today_weekday", play, [tool("book_pickup", "Pickup", day="string")])


TRAPS = {"user_email": user_email_staff, "sys_email_nat": sys_email_natural, "sys_note": sys_note_free_text,
         "comm_rare": commentary_rare_intent, "sys_weekday": sys_today_weekday}

if __name__ == "__main__":
    main(TRAPS)
