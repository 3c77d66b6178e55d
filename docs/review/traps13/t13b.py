"""Review 13 traps, round 2: more choice nodes (``Answerer.branches_alike``): a relation between the
value read at the choice and one read above, a date span, a status word beside the number, a
later call picked by the value, one kind seen seldom."""
from __future__ import annotations

import datetime as dt
import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run


def _transfer(name: str, same: bool) -> Trap:
    """As t13a's choice_remainder, but a low remainder is common: b is x plus 0-600 when the transfer
    goes through (a third of transfers leave under $200). ≠: training transfers always leave 200+."""
    tools = [etool("get_balance", "Balance", account="string"), etool("transfer", "Transfer", account="string", amount="number")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            acct = f"CHK-{rng.randint(100, 999)}"
            x = rng.randint(50, 2000)
            if rng.random() < 0.25:
                b = rng.randint(10, x - 1)
            else:
                b = x + (rng.randint(200, 600) if training and not same else rng.randint(0, 600))
            run.system("You are the banking assistant. Warn the customer when a transfer leaves less than $200 in checking.")
            run.user(f"Move ${x} from {acct} to savings.")
            run.call("get_balance", {"account": acct}, {"balance": b})
            if x > b:
                run.say("Sorry, there isn't enough in checking for that transfer.")
            else:
                run.call("transfer", {"account": acct, "amount": x}, {"ok": True})
                run.say("Done. Your checking balance is now low." if b - x < 200 else "Done.")
        return play
    return Trap(name, mk(False), tools, train_play=None if same else mk(True))


def remainder_often() -> Trap:
    return _transfer("remainder_often", True)


def remainder_often_unseen() -> Trap:
    return _transfer("remainder_often_unseen", False)


def _late(name: str, same: bool) -> Trap:
    """System prompt states today; get_order -> {"status": delivered|in_transit, "shipped": date}.
    Delivered: a reply. In transit: call track; then, shipped 7+ days ago, apologise with a voucher.
    ≠: training's in-transit orders shipped 0-5 days ago."""
    tools = [etool("get_order", "Order", id="string"), etool("track", "Track", id="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            today = dt.date(2026, 3, 1) + dt.timedelta(days=rng.randint(0, 200))
            oid = f"{rng.randint(100000, 999999)}"
            delivered = rng.random() < 0.35
            ago = rng.randint(0, 5 if (training and not same) else 14)
            shipped = today - dt.timedelta(days=ago)
            run.system(f"You are the order assistant. Today is {today.isoformat()}. Orders in transit 7 days or more "
                       "get a $10 voucher.")
            run.user(f"Where is my order {oid}?")
            run.call("get_order", {"id": oid}, {"status": "delivered" if delivered else "in_transit",
                                                 "shipped": shipped.isoformat()})
            if delivered:
                run.say("Your order has been delivered.")
                return
            run.call("track", {"id": oid}, {"carrier": "UPS", "events": 3})
            if ago >= 7:
                run.say("Your order is still on its way; sorry for the delay, I've added a $10 voucher.")
            else:
                run.say("Your order is on its way with UPS.")
        return play
    return Trap(name, mk(False), tools, train_play=None if same else mk(True))


def choice_date_span() -> Trap:
    return _late("choice_date_span", True)


def choice_date_span_unseen() -> Trap:
    return _late("choice_date_span_unseen", False)


def _temp(name: str, same: bool) -> Trap:
    """A thermostat reading {"temp_c": t, "humidity": h}: t < 18: call heat; t > 26: call cool; else
    a reply. After cool: when humidity is 70+ also say dehumidify. ≠: training's humidity under 65."""
    tools = [etool("get_room", "Room", room="string"), etool("heat", "Heat", room="string"),
             etool("cool", "Cool", room="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            room = rng.choice(["lab", "office", "server room", "lobby"])
            t = round(rng.uniform(12, 34), 1)
            h = rng.randint(30, 64 if (training and not same) else 90)
            run.system("You are the building assistant. Heat below 18 °C, cool above 26 °C; when cooling with "
                       "humidity at 70% or more, tell facilities to run the dehumidifier.")
            run.user(f"Check the {room}")
            run.call("get_room", {"room": room}, {"temp_c": t, "humidity": h})
            if t < 18:
                run.call("heat", {"room": room}, {"ok": True})
                run.say("Heating is on.")
            elif t > 26:
                run.call("cool", {"room": room}, {"ok": True})
                run.say("Cooling is on; please run the dehumidifier too." if h >= 70 else "Cooling is on.")
            else:
                run.say("The temperature is fine.")
        return play
    return Trap(name, mk(False), tools, train_play=None if same else mk(True))


def choice_second_value() -> Trap:
    return _temp("choice_second_value", True)


def choice_second_value_unseen() -> Trap:
    return _temp("choice_second_value_unseen", False)


def _tier(name: str, same: bool) -> Trap:
    """{"tier": gold|silver, "cart": x}: x >= 100 or gold: call free_shipping, else a reply. After
    free_shipping: gold says 'as a gold member', silver 'orders over $100'. ≠: training's silver carts
    all under 100 (never free)."""
    tools = [etool("get_cart", "Cart", user="string"), etool("free_shipping", "Free shipping", user="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            u = fake.user_name()
            tier = rng.choice(["gold", "silver"])
            x = round(rng.uniform(10, 99 if (training and not same and tier == "silver") else 250), 2)
            run.system("You are the shop assistant. Gold members always ship free; others from $100.")
            run.user("Can I get free shipping?")
            run.call("get_cart", {"user": u}, {"tier": tier, "cart": x})
            if tier == "gold" or x >= 100:
                run.call("free_shipping", {"user": u}, {"ok": True})
                run.say("Free shipping applied as a gold member." if tier == "gold" else
                        "Free shipping applied: your order is over $100.")
            else:
                run.say("Shipping is free from $100; add a little more to qualify.")
        return play
    return Trap(name, mk(False), tools, train_play=None if same else mk(True))


def choice_status_word() -> Trap:
    return _tier("choice_status_word", True)


def choice_status_word_unseen() -> Trap:
    return _tier("choice_status_word_unseen", False)


def _bump(name: str, same: bool) -> Trap:
    """Disk {"used_pct": u, "free_gb": f}: u < 80 a reply; else call get_volume, then call extend when
    f < 20 else call cleanup (which of two later calls, decided by a value read at the choice).
    ≠: training's full disks all have f >= 25."""
    tools = [etool("get_disk", "Disk", host="string"), etool("get_volume", "Volume", host="string"),
             etool("extend", "Extend", host="string"), etool("cleanup", "Cleanup", host="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            host = f"db-{rng.randint(1, 40)}"
            u = rng.randint(40, 99)
            f = rng.randint(25 if (training and not same) else 2, 200)
            run.system("You are the ops bot. Disks at 80% or more: extend the volume when under 20 GB free, "
                       "else run cleanup.")
            run.user(f"Check {host}")
            run.call("get_disk", {"host": host}, {"used_pct": u, "free_gb": f})
            if u < 80:
                run.say("Disk usage is fine.")
                return
            run.call("get_volume", {"host": host}, {"volume": "vol-main", "type": "gp3"})
            if f < 20:
                run.call("extend", {"host": host}, {"ok": True})
                run.say("Extended the volume.")
            else:
                run.call("cleanup", {"host": host}, {"ok": True})
                run.say("Ran cleanup.")
        return play
    return Trap(name, mk(False), tools, train_play=None if same else mk(True))


def choice_later_call() -> Trap:
    return _bump("choice_later_call", True)


def choice_later_call_unseen() -> Trap:
    return _bump("choice_later_call_unseen", False)


TRAPS = {f.__name__: f for f in [
    remainder_often, remainder_often_unseen, choice_date_span, choice_date_span_unseen, choice_second_value,
    choice_second_value_unseen, choice_status_word, choice_status_word_unseen, choice_later_call,
    choice_later_call_unseen]}

if __name__ == "__main__":
    main(TRAPS)
