"""Review 11 traps, round 2."""
from __future__ import annotations

import random
from datetime import date, timedelta

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run


def _fmt(d: date, loc: str) -> str:
    return {"en-US": f"{d.month:02d}/{d.day:02d}/{d.year}", "en-GB": f"{d.day:02d}/{d.month:02d}/{d.year}",
            "de-DE": f"{d.day:02d}.{d.month:02d}.{d.year}", "ja-JP": f"{d.year}/{d.month:02d}/{d.day:02d}"}[loc]


def _locale(name: str, test_locs: list[str], train_locs: list[str]) -> Trap:
    tools = [etool("get_order", "Look up an order", order_id="string")]

    def mk(locs: list[str]):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            loc = rng.choice(locs)
            d = date(2026, 1, 1) + timedelta(days=rng.randint(0, 364))
            oid = f"{rng.randint(100000, 999999)}"
            run.system(f"You are the shop assistant. Customer locale: {loc}. Write dates in the customer's locale.")
            run.user(f"When will order {oid} arrive?")
            run.call("get_order", {"order_id": oid}, {"order_id": oid, "eta": d.isoformat()})
            run.say(f"Order {oid} should arrive on {_fmt(d, loc)}.")
        return play
    return Trap(name, mk(test_locs), tools, train_play=mk(train_locs))


def locale_date() -> Trap:
    """Locale in the system prompt decides the date format of the reply (en-US/en-GB/de-DE), same mix."""
    return _locale("locale_date", ["en-US", "en-GB", "de-DE"], ["en-US", "en-GB", "de-DE"])


def locale_unseen() -> Trap:
    """Training en-US only; test en-GB too (the format changes: 03/04 vs 04/03)."""
    return _locale("locale_unseen", ["en-US", "en-GB"], ["en-US"])


def temp_unit_alert() -> Trap:
    """Sensor in C or F; alert when over 30 C / 86 F. Same mix."""
    tools = [etool("read_sensor", "Read a sensor", sensor="string"), etool("page", "Page facilities", text="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        s = rng.choice(["server-room", "lab-2", "warehouse", "cold-store"])
        unit = rng.choice(["C", "F"])
        c = rng.randint(15, 40)
        v = c if unit == "C" else round(c * 9 / 5 + 32)
        hot = c > 30
        run.system("You watch the building sensors. Page facilities when a room is over 30 °C (86 °F).")
        run.user(f"Check {s}")
        run.call("read_sensor", {"sensor": s}, {"sensor": s, "temperature": v, "unit": unit})
        if hot:
            run.call("page", {"text": f"{s} is at {v} {unit}"}, {"ok": True})
            run.say(f"{s} is too hot ({v} {unit}); paged facilities.")
        else:
            run.say(f"{s} is fine at {v} {unit}.")
    return Trap("temp_unit_alert", play, tools)


def failure_ratio() -> Trap:
    """CI: block the release when more than 5% of tests failed (failures / total). Same mix."""
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
            run.say(f"Blocked {br}: {fails} of {total} tests failed.")
        else:
            run.say(f"{br} can ship: {fails} of {total} tests failed.")
    return Trap("failure_ratio", play, tools)


def warmer_city() -> Trap:
    """Weather in city A (turn 1), city B (turn 2), 'Which is warmer?' (turn 3). Same mix."""
    tools = [etool("get_weather", "Current weather", city="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        a, b = rng.sample(["Paris", "Rome", "Oslo", "Madrid", "Berlin", "Lisbon", "Vienna"], 2)
        ta, tb = rng.sample(range(-5, 32), 2)
        run.system("You are a travel assistant.")
        run.user(f"What's the weather in {a}?")
        run.call("get_weather", {"city": a}, {"city": a, "temp_c": ta})
        run.say(f"It's {ta}°C in {a}.")
        run.user(f"And in {b}?")
        run.call("get_weather", {"city": b}, {"city": b, "temp_c": tb})
        run.say(f"It's {tb}°C in {b}.")
        run.user("Which is warmer?")
        run.say(f"{a if ta > tb else b} is warmer.")
    return Trap("warmer_city", play, tools)


def nights_words() -> Trap:
    """Turn 1 'I'm flying to {city} on {date}'; turn 2 'book me a hotel for {n} nights' -> checkout
    = date + n. Training digits; test sometimes words ('three nights', 'a week')."""
    tools = [etool("book_hotel", "Book a hotel", city="string", checkin="string", checkout="string")]
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 7: "seven"}

    def mk(p_word: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            city = rng.choice(["Denver", "Austin", "Boston", "Seattle", "Chicago"])
            d = date(2026, 1, 1) + timedelta(days=rng.randint(0, 300))
            n = rng.choice(list(words))
            run.system("You are the travel desk assistant.")
            run.user(f"I'm flying to {city} on {d.isoformat()}")
            run.say("Great, what do you need?")
            nn = words[n] if rng.random() < p_word else str(n)
            run.user(f"Book me a hotel for {nn} nights")
            co = (d + timedelta(days=n)).isoformat()
            run.call("book_hotel", {"city": city, "checkin": d.isoformat(), "checkout": co}, {"ok": True})
            run.say(f"Booked a hotel in {city} from {d.isoformat()} to {co}.")
        return play
    return Trap("nights_words", mk(0.5), tools, train_play=mk(0.0))


def count_shipped() -> Trap:
    """Order with 1..3 items, each shipped or processing; reply: '{k} of {n} items have shipped'. Same mix."""
    tools = [etool("get_order", "Look up an order", order_id="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"{rng.randint(100000, 999999)}"
        n = rng.randint(1, 3)
        items = [{"sku": f"SKU-{rng.randint(100, 999)}", "status": rng.choice(["shipped", "processing"])} for _ in range(n)]
        k = sum(i["status"] == "shipped" for i in items)
        run.system("You are the support assistant.")
        run.user(f"Has order {oid} shipped?")
        run.call("get_order", {"order_id": oid}, {"order_id": oid, "items": items})
        run.say(f"{k} of {n} items in order {oid} have shipped.")
    return Trap("count_shipped", play, tools)


def age_21_dob() -> Trap:
    """Today in the system prompt; the customer's date of birth from a tool; alcohol only if 21+. Same mix."""
    tools = [etool("get_customer", "Customer profile", customer_id="string"), etool("add_to_cart", "Add", sku="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        today = date(2026, 1, 1) + timedelta(days=rng.randint(0, 364))
        dob = today - timedelta(days=rng.randint(18 * 365, 24 * 365))
        age = today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))
        cid = f"C{rng.randint(10000, 99999)}"
        run.system(f"You are the Larder grocery assistant. Today is {today.isoformat()}. Alcohol only for customers 21 or older.")
        run.user("Add a bottle of the Malbec to my cart")
        run.call("get_customer", {"customer_id": cid}, {"customer_id": cid, "date_of_birth": dob.isoformat()})
        if age >= 21:
            run.call("add_to_cart", {"sku": "WINE-MALBEC"}, {"ok": True})
            run.say("Added the Malbec to your cart.")
        else:
            run.say("Sorry, you must be 21 or older to buy alcohol.")
    return Trap("age_21_dob", play, tools)


def support_hours() -> Trap:
    """Now (HH:MM) in the system prompt; live agents 09:00-17:30; else a ticket. Same mix."""
    tools = [etool("transfer_to_agent", "Transfer to a live agent", topic="string"),
             etool("open_ticket", "Open a ticket", topic="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        mins = rng.randint(6 * 60, 22 * 60)
        hh, mm = divmod(mins, 60)
        topic = rng.choice(["billing", "login", "refund", "delivery"])
        run.system(f"You are the support bot. Current time: {hh:02d}:{mm:02d}. Live agents work 09:00-17:30.")
        run.user(f"I need a human about a {topic} problem")
        if 9 * 60 <= mins < 17 * 60 + 30:
            run.call("transfer_to_agent", {"topic": topic}, {"ok": True})
            run.say("Transferring you to an agent now.")
        else:
            run.call("open_ticket", {"topic": topic}, {"ticket": "opened"})
            run.say("Our agents are offline; I've opened a ticket and they'll reply tomorrow.")
    return Trap("support_hours", play, tools)


def approval_tiers() -> Trap:
    """Expense approver: < 100 auto, 100..999 manager, >= 1000 director (10% of runs). Same mix."""
    tools = [etool("get_expense", "Expense", expense_id="string"), etool("route", "Route for approval", expense_id="string", to="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        eid = f"EXP-{rng.randint(1000, 9999)}"
        r = rng.random()
        amt = round(rng.uniform(5, 99), 2) if r < 0.45 else (round(rng.uniform(100, 999), 2) if r < 0.9 else round(rng.uniform(1000, 5000), 2))
        to = "auto" if amt < 100 else ("manager" if amt < 1000 else "director")
        run.system("You are the finance bot.")
        run.user(f"Route {eid}")
        run.call("get_expense", {"expense_id": eid}, {"expense_id": eid, "amount": amt, "currency": "USD"})
        run.call("route", {"expense_id": eid, "to": to}, {"ok": True})
        run.say(f"{eid} routed to {to}.")
    return Trap("approval_tiers", play, tools)


def gift_modifier() -> Trap:
    """'Order the {item} for Friday delivery' -> order(item, gift false); multi-word items in
    training; test adds 'gift-wrapped' / 'as a gift' after the item."""
    tools = [etool("place_order", "Order", item="string", gift_wrap="boolean", deliver="string")]
    items = ["blue ceramic mug", "wool scarf", "desk lamp", "leather notebook", "throw blanket", "candle"]

    def mk(p: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            it = rng.choice(items)
            g = rng.random() < p
            mod = rng.choice([" gift-wrapped", " as a gift"]) if g else ""
            run.system("You are the shopping assistant.")
            run.user(f"Order the {it}{mod} for Friday delivery")
            run.call("place_order", {"item": it, "gift_wrap": g, "deliver": "Friday"}, {"ok": True})
            run.say("Ordered.")
        return play
    return Trap("gift_modifier", mk(0.4), tools, train_play=mk(0.0))


def disk_percent_string() -> Trap:
    """Disk usage as a string with '%' ('91%'); alert at >= 90%. Same mix (~25% over)."""
    tools = [etool("disk_usage", "Disk usage", host="string"), etool("alert", "Alert", host="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        h = f"web-{rng.randint(1, 40):02d}"
        u = rng.randint(60, 99)
        run.system("You are the ops bot. Alert when a disk is 90% full or more.")
        run.user(f"Check disk on {h}")
        run.call("disk_usage", {"host": h}, {"host": h, "used": f"{u}%"})
        if u >= 90:
            run.call("alert", {"host": h}, {"ok": True})
            run.say(f"{h} is at {u}%; alerted.")
        else:
            run.say(f"{h} is at {u}%, fine.")
    return Trap("disk_percent_string", play, tools)


def failing_list_len() -> Trap:
    """CI: list of failing tests (0..5); 3 or more -> open an incident, 1-2 -> rerun, 0 -> ok. Same mix."""
    tools = [etool("get_failures", "Failing tests", build="string"), etool("rerun", "Rerun", build="string"),
             etool("open_incident", "Incident", build="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        b = f"#{rng.randint(1000, 9999)}"
        n = rng.randint(0, 5)
        fl = [f"test_{fake.word()}" for _ in range(n)]
        run.system("You are the CI bot.")
        run.user(f"Triage build {b}")
        run.call("get_failures", {"build": b}, {"build": b, "failing": fl})
        if n >= 3:
            run.call("open_incident", {"build": b}, {"ok": True})
            run.say(f"{n} tests failed in {b}; opened an incident.")
        elif n:
            run.call("rerun", {"build": b}, {"ok": True})
            run.say(f"Rerunning {b}.")
        else:
            run.say(f"{b} is green.")
    return Trap("failing_list_len", play, tools)


TRAPS = {f.__name__: f for f in [
    locale_date, locale_unseen, temp_unit_alert, failure_ratio, warmer_city, nights_words, count_shipped,
    age_21_dob, support_hours, approval_tiers, gift_modifier, disk_percent_string, failing_list_len]}

if __name__ == "__main__":
    main(TRAPS)
