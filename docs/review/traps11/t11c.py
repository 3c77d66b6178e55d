"""Review 11 traps, round 3: probes of the mechanisms round 1-2 found."""
from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool, strip_acc
from evals.workflows.base import Run


def temp_unit_nocopy() -> Trap:
    """temp_unit_alert, but no answer copies the temperature. Same mix."""
    tools = [etool("read_sensor", "Read a sensor", sensor="string"), etool("page", "Page facilities", sensor="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        s = rng.choice(["server-room", "lab-2", "warehouse", "cold-store"])
        unit = rng.choice(["C", "F"])
        c = rng.randint(15, 40)
        v = c if unit == "C" else round(c * 9 / 5 + 32)
        run.system("You watch the building sensors. Page facilities when a room is over 30 °C (86 °F).")
        run.user(f"Check {s}")
        run.call("read_sensor", {"sensor": s}, {"sensor": s, "temperature": v, "unit": unit})
        if c > 30:
            run.call("page", {"sensor": s}, {"ok": True})
            run.say(f"{s} is too hot; paged facilities.")
        else:
            run.say(f"{s} is fine.")
    return Trap("temp_unit_nocopy", play, tools)


def temp_unit_word() -> Trap:
    """temp_unit_alert with the unit spelled out ('celsius'/'fahrenheit'), so no one-character mark split."""
    tools = [etool("read_sensor", "Read a sensor", sensor="string"), etool("page", "Page facilities", text="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        s = rng.choice(["server-room", "lab-2", "warehouse", "cold-store"])
        unit = rng.choice(["celsius", "fahrenheit"])
        c = rng.randint(15, 40)
        v = c if unit == "celsius" else round(c * 9 / 5 + 32)
        run.system("You watch the building sensors. Page facilities when a room is over 30 °C (86 °F).")
        run.user(f"Check {s}")
        run.call("read_sensor", {"sensor": s}, {"sensor": s, "temperature": v, "unit": unit})
        if c > 30:
            run.call("page", {"text": f"{s} is at {v} {unit}"}, {"ok": True})
            run.say(f"{s} is too hot ({v} {unit}); paged facilities.")
        else:
            run.say(f"{s} is fine at {v} {unit}.")
    return Trap("temp_unit_word", play, tools)


def temp_one_unit() -> Trap:
    """One unit only (C), temperature copied; same mix (both outcomes in one node)."""
    tools = [etool("read_sensor", "Read a sensor", sensor="string"), etool("page", "Page facilities", text="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        s = rng.choice(["server-room", "lab-2", "warehouse", "cold-store"])
        c = rng.randint(15, 40)
        run.system("You watch the building sensors. Page facilities when a room is over 30 °C.")
        run.user(f"Check {s}")
        run.call("read_sensor", {"sensor": s}, {"sensor": s, "temperature_c": c})
        if c > 30:
            run.call("page", {"text": f"{s} is at {c} C"}, {"ok": True})
            run.say(f"{s} is too hot ({c} C); paged facilities.")
        else:
            run.say(f"{s} is fine at {c} C.")
    return Trap("temp_one_unit", play, tools)


def failure_ratio_nocopy() -> Trap:
    """failure_ratio with answers that copy neither count."""
    tools = [etool("get_test_run", "Latest test run", branch="string"), etool("block_release", "Block", branch="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        br = rng.choice(["main", "release-3.2", "release-3.3", "hotfix"])
        total = rng.choice([40, 80, 120, 200, 400, 1000])
        fails = rng.randint(0, total // 8)
        run.system("You are the release bot. Block a release when more than 5% of its tests failed.")
        run.user(f"Can {br} ship?")
        run.call("get_test_run", {"branch": br}, {"branch": br, "failures": fails, "total": total})
        if fails * 20 > total:
            run.call("block_release", {"branch": br}, {"ok": True})
            run.say(f"Blocked {br}.")
        else:
            run.say(f"{br} can ship.")
    return Trap("failure_ratio_nocopy", play, tools)


def _warmer(name: str, lo: int, hi: int) -> Trap:
    tools = [etool("get_weather", "Current weather", city="string")]

    def mk(train: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            a, b = rng.sample(["Paris", "Rome", "Oslo", "Madrid", "Berlin", "Lisbon", "Vienna"], 2)
            ta, tb = rng.sample(range(lo, hi), 2)
            if train and ta < tb:
                ta, tb = tb, ta
            run.system("You are a travel assistant.")
            run.user(f"What's the weather in {a}?")
            run.call("get_weather", {"city": a}, {"city": a, "temp_c": ta})
            run.say(f"It's {ta}°C in {a}.")
            run.user(f"And in {b}?")
            run.call("get_weather", {"city": b}, {"city": b, "temp_c": tb})
            run.say(f"It's {tb}°C in {b}.")
            run.user("Which is warmer?")
            run.say(f"{a if ta > tb else b} is warmer.")
        return play
    return Trap(name, mk(False), tools, train_play=mk(True))


def warmer_first_pos() -> Trap:
    """Training: the first city always warmer, temps 1..35; test 50/50."""
    return _warmer("warmer_first_pos", 1, 36)


def warmer_first_neg() -> Trap:
    """As warmer_first_pos with temps -10..35 (negatives)."""
    return _warmer("warmer_first_neg", -10, 36)


def gift_modifier_seen() -> Trap:
    """gift_modifier with the modifier in 25% of training too."""
    tools = [etool("place_order", "Order", item="string", gift_wrap="boolean", deliver="string")]
    items = ["blue ceramic mug", "wool scarf", "desk lamp", "leather notebook", "throw blanket", "candle"]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        it = rng.choice(items)
        g = rng.random() < 0.25
        mod = rng.choice([" gift-wrapped", " as a gift"]) if g else ""
        run.system("You are the shopping assistant.")
        run.user(f"Order the {it}{mod} for Friday delivery")
        run.call("place_order", {"item": it, "gift_wrap": g, "deliver": "Friday"}, {"ok": True})
        run.say("Ordered.")
    return Trap("gift_modifier_seen", play, tools)


def _hours(name: str, topics: list[str] | None) -> Trap:
    tools = [etool("transfer_to_agent", "Transfer to a live agent", topic="string"),
             etool("open_ticket", "Open a ticket", topic="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        mins = rng.randint(6 * 60, 22 * 60)
        hh, mm = divmod(mins, 60)
        topic = rng.choice(topics) if topics else "account"
        run.system(f"You are the support bot. Current time: {hh:02d}:{mm:02d}. Live agents work 09:00-17:30.")
        run.user(f"I need a human about a {topic} problem" if topics else "I need a human please")
        if 9 * 60 <= mins < 17 * 60 + 30:
            run.call("transfer_to_agent", {"topic": topic}, {"ok": True})
            run.say("Transferring you to an agent now.")
        else:
            run.call("open_ticket", {"topic": topic}, {"ticket": "opened"})
            run.say("Our agents are offline; I've opened a ticket and they'll reply tomorrow.")
    return Trap(name, play, tools)


def hours_no_topic() -> Trap:
    """support_hours with one fixed user message."""
    return _hours("hours_no_topic", None)


def hours_many_topics() -> Trap:
    """support_hours with 8 topics."""
    return _hours("hours_many_topics", ["billing", "login", "refund", "delivery", "password", "invoice", "warranty", "coupon"])


def hours_user_name() -> Trap:
    """Current time in the system prompt; the user's message carries a free name (open slot)."""
    tools = [etool("transfer_to_agent", "Transfer", customer="string"), etool("open_ticket", "Ticket", customer="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        mins = rng.randint(6 * 60, 22 * 60)
        hh, mm = divmod(mins, 60)
        who = fake.first_name()
        run.system(f"You are the support bot. Current time: {hh:02d}:{mm:02d}. Live agents work 09:00-17:30.")
        run.user(f"Hi, this is {who}, I need a human")
        if 9 * 60 <= mins < 17 * 60 + 30:
            run.call("transfer_to_agent", {"customer": who}, {"ok": True})
            run.say(f"Transferring you to an agent now, {who}.")
        else:
            run.call("open_ticket", {"customer": who}, {"ticket": "opened"})
            run.say(f"Our agents are offline, {who}; I've opened a ticket.")
    return Trap("hours_user_name", play, tools)


def cutoff_time_user() -> Trap:
    """'It's 13:45 — will my order ship today?' Orders before 14:00 ship today. Time in the user's text."""
    tools = [etool("get_order", "Order", order_id="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        mins = rng.randint(8 * 60, 20 * 60)
        hh, mm = divmod(mins, 60)
        oid = f"{rng.randint(100000, 999999)}"
        run.system("You are the shop assistant. Orders placed before 14:00 ship the same day.")
        run.user(f"I placed order {oid} at {hh:02d}:{mm:02d}, will it ship today?")
        run.call("get_order", {"order_id": oid}, {"order_id": oid, "status": "processing"})
        run.say(f"Yes, order {oid} ships today." if mins < 14 * 60 else f"Order {oid} will ship tomorrow.")
    return Trap("cutoff_time_user", play, tools)


def cutoff_time_tool() -> Trap:
    """Same-day cutoff; the order's placed_at time (HH:MM) comes in the tool result; answer doesn't copy it."""
    tools = [etool("get_order", "Order", order_id="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        mins = rng.randint(8 * 60, 20 * 60)
        hh, mm = divmod(mins, 60)
        oid = f"{rng.randint(100000, 999999)}"
        run.system("You are the shop assistant. Orders placed before 14:00 ship the same day.")
        run.user(f"Will order {oid} ship today?")
        run.call("get_order", {"order_id": oid}, {"order_id": oid, "placed_at": f"{hh:02d}:{mm:02d}"})
        run.say(f"Yes, order {oid} ships today." if mins < 14 * 60 else f"Order {oid} will ship tomorrow.")
    return Trap("cutoff_time_tool", play, tools)


def slug_apostrophe() -> Trap:
    """Channel slug from a title: lower, spaces -> hyphens, apostrophes and '&' dropped. Training
    plain titles; test titles with apostrophes/ampersands."""
    tools = [etool("create_channel", "Create a channel (lowercase, hyphens)", name="string")]
    plain = ["Launch Plan", "Design Review", "Customer Success", "Data Team", "Q3 Budget", "Hiring Sync"]
    odd = ["Mom's Birthday", "R&D Updates", "Sales & Marketing", "Year's End", "Rock 'n' Roll Night"]

    def slug(t: str) -> str:
        s = t.lower().replace("'", "").replace("&", " and ").replace(" ", "-")
        while "--" in s:
            s = s.replace("--", "-")
        return s

    def mk(p: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            t = rng.choice(odd) if rng.random() < p else rng.choice(plain)
            run.system("You administer the team chat.")
            run.user(f"Make a channel called {t}")
            run.call("create_channel", {"name": slug(t)}, {"ok": True})
            run.say(f"Created #{slug(t)}.")
        return play
    return Trap("slug_apostrophe", mk(0.4), tools, train_play=mk(0.0))


def username_initial() -> Trap:
    """New-hire username = first initial + last name, lower, ascii, no apostrophes. Training
    plain names; test some accented/apostrophe surnames."""
    tools = [etool("create_account", "Create an account", username="string", display_name="string")]
    odd_last = ["O'Brien", "Núñez", "Müller", "D'Souza", "Peña"]

    def mk(p: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            f, l_ = fake.first_name(), (rng.choice(odd_last) if rng.random() < p else fake.last_name())
            u = strip_acc(f[0] + l_).lower().replace("'", "")
            run.system("You are the IT helpdesk bot. Usernames: first initial + last name, lower case ascii.")
            run.user(f"Create an account for {f} {l_}")
            run.call("create_account", {"username": u, "display_name": f"{f} {l_}"}, {"ok": True})
            run.say(f"Created {u}.")
        return play
    return Trap("username_initial", mk(0.4), tools, train_play=mk(0.0))


def sys_limit_relation() -> Trap:
    """Per-user approval limit in the system prompt; expense amount in the user's text; neither copied.
    Auto-approve if amount <= limit else route to manager. Same mix."""
    tools = [etool("approve", "Approve", expense_id="string"), etool("route_to_manager", "Route", expense_id="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        lim = rng.choice([100, 250, 500, 1000])
        amt = rng.randint(20, 1200)
        eid = f"EXP-{rng.randint(1000, 9999)}"
        run.system(f"You are the finance bot. This employee's approval limit is ${lim}.")
        run.user(f"Submit expense {eid} for ${amt}")
        if amt <= lim:
            run.call("approve", {"expense_id": eid}, {"ok": True})
            run.say("Approved.")
        else:
            run.call("route_to_manager", {"expense_id": eid}, {"ok": True})
            run.say("Sent to your manager.")
    return Trap("sys_limit_relation", play, tools)


def pto_nocopy() -> Trap:
    """pto_balance with the refusal copying nothing ('Not enough PTO.')."""
    tools = [etool("get_balance", "PTO balance", employee="string"), etool("book_leave", "Book leave", employee="string", days="number")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        emp = fake.user_name()
        bal = rng.randint(0, 30) / 2
        n = rng.randint(1, 10)
        run.system(f"You are the HR assistant. The employee is {emp}.")
        run.user(f"Book {n} days off for me next month")
        run.call("get_balance", {"employee": emp}, {"employee": emp, "pto_days": bal})
        if n <= bal:
            run.call("book_leave", {"employee": emp, "days": n}, {"ok": True})
            run.say("Booked.")
        else:
            run.say("You don't have enough PTO for that.")
    return Trap("pto_nocopy", play, tools)


TRAPS = {f.__name__: f for f in [
    temp_unit_nocopy, temp_unit_word, temp_one_unit, failure_ratio_nocopy, warmer_first_pos, warmer_first_neg,
    gift_modifier_seen, hours_no_topic, hours_many_topics, hours_user_name, cutoff_time_user, cutoff_time_tool,
    slug_apostrophe, username_initial, sys_limit_relation, pto_nocopy]}

if __name__ == "__main__":
    main(TRAPS)
