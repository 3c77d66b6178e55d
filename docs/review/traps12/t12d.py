"""Review 12 traps, round 4: WebArena-style intents, nested tool results, string booleans, two places."""
from __future__ import annotations

import random
from datetime import date, timedelta

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def wa_orders_between() -> Trap:
    """'Show me the orders of NAME between D1 and D2' with dates as 'March 5, 2022'; the action
    filters with ISO dates. Same mix; names one or two words."""
    tools = [etool("filter_orders", "Filter orders", customer="string", date_from="string", date_to="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        who = rng.choice([fake.first_name(), fake.name()])
        d1 = date(2022, 1, 1) + timedelta(days=rng.randint(0, 300))
        d2 = d1 + timedelta(days=rng.randint(10, 60))
        w = lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}"  # noqa: E731
        run.system("You operate the shop admin panel.")
        run.user(f"Show me the orders of {who} between {w(d1)} and {w(d2)}")
        run.call("filter_orders", {"customer": who, "date_from": d1.isoformat(), "date_to": d2.isoformat()}, {"ok": True})
        run.say("Here are the orders.")
    return Trap("wa_orders_between", play, tools)


def wa_orders_between_dmy() -> Trap:
    """As wa_orders_between; training 'March 5, 2022'; test also '5 March 2022' and '03/05/2022'."""
    tools = [etool("filter_orders", "Filter orders", customer="string", date_from="string", date_to="string")]

    def mk(fmts):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            who = fake.first_name()
            d1 = date(2022, 1, 1) + timedelta(days=rng.randint(0, 300))
            d2 = d1 + timedelta(days=rng.randint(10, 60))
            f = rng.choice(fmts)
            w = {"mdy": lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
                 "dmy": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
                 "us": lambda d: f"{d.month}/{d.day}/{d.year}"}[f]
            run.system("You operate the shop admin panel.")
            run.user(f"Show me the orders of {who} between {w(d1)} and {w(d2)}")
            run.call("filter_orders", {"customer": who, "date_from": d1.isoformat(), "date_to": d2.isoformat()}, {"ok": True})
            run.say("Here are the orders.")
        return play
    return Trap("wa_orders_between_dmy", mk(["mdy", "dmy", "us"]), tools, train_play=mk(["mdy"]))


def wa_top_n() -> Trap:
    """'What are the top-N best-selling products in YEAR' with N as digits or 'top three'. Same mix."""
    tools = [etool("report", "Bestsellers report", limit="integer", year="integer")]
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 10: "ten"}

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        n = rng.choice(list(words))
        y = rng.randint(2019, 2023)
        nn = rng.choice([f"top-{n}", f"top {n}", f"top {words[n]}"])
        run.system("You operate the shop admin panel.")
        run.user(f"What are the {nn} best-selling products in {y}?")
        run.call("report", {"limit": n, "year": y}, {"ok": True})
        run.say("Here is the report.")
    return Trap("wa_top_n", play, tools)


def wa_review_stars() -> Trap:
    """'List the reviews of PRODUCT with N stars or less/more'; the comparison word decides
    (max_rating vs min_rating). Products multi-word with digits ('Echo Dot 3rd Gen'). Same mix."""
    tools = [etool("list_reviews", "Reviews", product="string", min_rating="integer", max_rating="integer")]
    prods = ["Echo Dot 3rd Gen", "Kindle Paperwhite", "AirPods Pro 2", "iPhone 13 case", "Yoga mat 6mm", "HDMI cable 2m"]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        p = rng.choice(prods)
        n = rng.randint(1, 5)
        more = rng.random() < 0.5
        run.system("You operate the shop admin panel.")
        run.user(f"List the reviews of {p} with {n} stars or {'more' if more else 'less'}")
        run.call("list_reviews", {"product": p, "min_rating": n if more else 1, "max_rating": 5 if more else n}, {"ok": True})
        run.say("Here are the reviews.")
    return Trap("wa_review_stars", play, tools)


def wa_possessive() -> Trap:
    """'Show me NAME's recent orders' -> customer NAME; names ending in s ('James's', "Chris'"). Same mix."""
    tools = [etool("filter_orders", "Filter orders", customer="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        n = rng.choice(["Sarah", "James", "Chris", "Alex", "Doris", "Emma", "Marcus", "Olivia"])
        pos = f"{n}'" if n.endswith("s") and rng.random() < 0.5 else f"{n}'s"
        run.system("You operate the shop admin panel.")
        run.user(f"Show me {pos} recent orders")
        run.call("filter_orders", {"customer": n}, {"ok": True})
        run.say("Here they are.")
    return Trap("wa_possessive", play, tools)


def nested_two_status() -> Trap:
    """get_order -> {"payment": {"status": captured|failed}, "shipment": {"status": pending|shipped}};
    payment.status decides (failed -> retry_payment). Independent statuses. Same mix."""
    tools = [etool("get_order", "Order", order_id="string"), etool("retry_payment", "Retry", order_id="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"{rng.randint(100000, 999999)}"
        pay = rng.choice(["captured", "failed"]) if rng.random() < 0.5 else "captured"
        shp = rng.choice(["pending", "shipped", "failed"])
        run.system("You are the order support assistant.")
        run.user(f"What's going on with order {oid}?")
        run.call("get_order", {"order_id": oid}, {"order_id": oid, "payment": {"status": pay},
                                                  "shipment": {"status": shp}})
        if pay == "failed":
            run.call("retry_payment", {"order_id": oid}, {"ok": True})
            run.say(f"The payment for {oid} failed; I retried it.")
        else:
            run.say(f"Order {oid} is paid; shipment is {shp}.")
    return Trap("nested_two_status", play, tools)


def nested_two_status_corr() -> Trap:
    """As nested_two_status, but in training a failed payment always comes with shipment pending
    (correlated); test independent (shipment may be 'shipped' when a capture failed later)."""
    tools = [etool("get_order", "Order", order_id="string"), etool("retry_payment", "Retry", order_id="string")]

    def mk(corr):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            oid = f"{rng.randint(100000, 999999)}"
            pay = "failed" if rng.random() < 0.3 else "captured"
            shp = "pending" if (corr and pay == "failed") else rng.choice(["pending", "shipped"])
            run.system("You are the order support assistant.")
            run.user(f"What's going on with order {oid}?")
            run.call("get_order", {"order_id": oid}, {"order_id": oid, "payment": {"status": pay},
                                                      "shipment": {"status": shp}})
            if pay == "failed":
                run.call("retry_payment", {"order_id": oid}, {"ok": True})
                run.say(f"The payment for {oid} failed; I retried it.")
            else:
                run.say(f"Order {oid} is paid; shipment is {shp}.")
        return play
    return Trap("nested_two_status_corr", mk(False), tools, train_play=mk(True))


def bool_strings() -> Trap:
    """{"refundable": "true"|"false"|"yes"|"no"|"1"|"0"} from a legacy API; refundable -> refund. Same mix."""
    tools = [etool("get_booking", "Booking", ref="string"), etool("refund", "Refund", ref="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        ref = fake.bothify("??####").upper()
        yes = rng.random() < 0.5
        v = rng.choice([("true", "false"), ("yes", "no"), ("1", "0"), ("Y", "N")])[0 if yes else 1]
        run.system("You are the travel support assistant.")
        run.user(f"Cancel booking {ref} and refund me")
        run.call("get_booking", {"ref": ref}, {"ref": ref, "refundable": v})
        if yes:
            run.call("refund", {"ref": ref}, {"ok": True})
            run.say(f"Booking {ref} cancelled and refunded.")
        else:
            run.say(f"Booking {ref} is non-refundable.")
    return Trap("bool_strings", play, tools)


def bool_strings_unseen() -> Trap:
    """Training "true"/"false" only; test also "yes"/"no"/"1"/"0"/"Y"/"N"."""
    tools = [etool("get_booking", "Booking", ref="string"), etool("refund", "Refund", ref="string")]

    def mk(pairs):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            ref = fake.bothify("??####").upper()
            yes = rng.random() < 0.5
            v = rng.choice(pairs)[0 if yes else 1]
            run.system("You are the travel support assistant.")
            run.user(f"Cancel booking {ref} and refund me")
            run.call("get_booking", {"ref": ref}, {"ref": ref, "refundable": v})
            if yes:
                run.call("refund", {"ref": ref}, {"ok": True})
                run.say(f"Booking {ref} cancelled and refunded.")
            else:
                run.say(f"Booking {ref} is non-refundable.")
        return play
    return Trap("bool_strings_unseen", mk([("true", "false"), ("yes", "no"), ("1", "0"), ("Y", "N")]), tools,
                train_play=mk([("true", "false")]))


def two_places_one_decides() -> Trap:
    """{"billing": {"country": C1}, "shipping": {"country": C2}}; international shipping fee when
    shipping country != US. 80% same countries in training and test."""
    tools = [etool("get_cart", "Cart", session="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        sid = f"s{rng.randint(10**5, 10**6)}"
        c1 = rng.choice(["US", "US", "CA", "DE", "GB"])
        c2 = c1 if rng.random() < 0.8 else rng.choice(["US", "CA", "DE", "GB"])
        run.system("You are the checkout assistant. Orders shipping outside the US pay a $15 international fee.")
        run.user("What will shipping cost?")
        run.call("get_cart", {"session": sid}, {"billing": {"country": c1}, "shipping": {"country": c2}})
        run.say("Shipping is free." if c2 == "US" else "There is a $15 international shipping fee.")
    return Trap("two_places_one_decides", play, tools)


def earlier_turn_plan() -> Trap:
    """Turn 1: get_account -> plan free|pro; turn 2: user asks 'Can I export to PDF?' -> pro yes,
    free upsell. The plan decided two turns above. Same mix."""
    tools = [etool("get_account", "Account", user="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        u = fake.user_name()
        plan = rng.choice(["free", "pro", "team"])
        run.system(f"You are the Docsy assistant. The user is {u}.")
        run.user("Hi, what plan am I on?")
        run.call("get_account", {"user": u}, {"user": u, "plan": plan, "seats": rng.randint(1, 20)})
        run.say(f"You're on the {plan} plan.")
        run.user("Can I export to PDF?")
        run.say("Yes, use File > Export > PDF." if plan != "free" else "PDF export needs the Pro plan; want to upgrade?")
    return Trap("earlier_turn_plan", play, tools)


def refund_sign() -> Trap:
    """Transactions tool: {"amount": "-25.00", "currency": "USD"} string with a sign for a refund,
    "25.00" for a charge; 'Was my last transaction a refund?'. Same mix."""
    tools = [etool("last_transaction", "Last transaction", account="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        acc = f"A{rng.randint(1000, 9999)}"
        amt = rng.randint(100, 20000) / 100
        neg = rng.random() < 0.4
        run.system("You are the banking assistant.")
        run.user("Was my last transaction a refund?")
        run.call("last_transaction", {"account": acc}, {"amount": f"{'-' if neg else ''}{amt:.2f}", "currency": "USD",
                                                        "merchant": fake.company()})
        run.say("Yes, the last one was a refund." if neg else "No, the last one was a charge.")
    return Trap("refund_sign", play, tools)


def tz_today() -> Trap:
    """System 'Today is D (UTC)'; order created_at with an offset; 'placed today?' by UTC date.
    Training Z timestamps only; test -08:00 evenings (the local date is yesterday but UTC today)."""
    tools = [etool("get_order", "Order", order_id="string")]

    def mk(offs):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            today = date(2026, 3, 1) + timedelta(days=rng.randint(0, 200))
            oid = f"{rng.randint(100000, 999999)}"
            off = rng.choice(offs)
            # UTC time of order: today or yesterday
            is_today = rng.random() < 0.5
            d = today if is_today else today - timedelta(days=1)
            h = rng.randint(0, 23)
            if off == "Z":
                ts = f"{d.isoformat()}T{h:02d}:{rng.randint(0, 59):02d}:00Z"
            else:  # -08:00: local = utc - 8h
                lh = h - 8
                ld = d if lh >= 0 else d - timedelta(days=1)
                ts = f"{ld.isoformat()}T{lh % 24:02d}:{rng.randint(0, 59):02d}:00-08:00"
            run.system(f"You are the shop assistant. Today is {today.isoformat()} (UTC).")
            run.user(f"Was order {oid} placed today?")
            run.call("get_order", {"order_id": oid}, {"order_id": oid, "created_at": ts})
            run.say("Yes, it was placed today." if is_today else "No, it was placed yesterday.")
        return play
    return Trap("tz_today", mk(["Z", "-08:00"]), tools, train_play=mk(["Z"]))


TRAPS = {f.__name__: f for f in [
    wa_orders_between, wa_orders_between_dmy, wa_top_n, wa_review_stars, wa_possessive, nested_two_status,
    nested_two_status_corr, bool_strings, bool_strings_unseen, two_places_one_decides, earlier_turn_plan, refund_sign,
    tz_today]}

if __name__ == "__main__":
    main(TRAPS)
