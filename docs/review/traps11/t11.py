"""Review 11 traps: natural traffic variations (names, pages, nulls, thresholds, multi-turn)."""
from __future__ import annotations

import random
import unicodedata
from datetime import date, timedelta
from typing import Any

from faker import Faker

from docs.review.traps.harness import Trap, main
from evals.workflows.base import Run


def etool(fn_name: str, desc: str, /, **props: Any) -> dict[str, Any]:
    return {"type": "function", "function": {
        "name": fn_name, "description": desc,
        "parameters": {"type": "object",
                       "properties": {k: (v if isinstance(v, dict) else {"type": v}) for k, v in props.items()},
                       "required": list(props)}}}


def strip_acc(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


# ---------------------------------------------------------------- names -> emails
ACC_FIRST = ["José", "Zoë", "Renée", "André", "Chloé", "Søren", "Agnès", "Noémie"]
ACC_LAST = ["García", "Müller", "Núñez", "Lefèvre", "Ångström", "Peña", "Dvořák", "Éluard"]
APOS_LAST = ["O'Brien", "D'Angelo", "O'Neil", "D'Souza", "O'Hara"]
HYPH_LAST = ["Smith-Jones", "Garcia-Lopez", "Lloyd-Webber", "Wright-Patel"]
TWO_FIRST = ["Mary Ann", "Jean Luc", "Anna Maria", "John Paul"]


def email_of(first: str, last: str) -> str:
    f = strip_acc(first).lower().replace(" ", "").replace("'", "")
    l_ = strip_acc(last).lower().replace(" ", "").replace("'", "")
    return f"{f}.{l_}@acme.com"


def _email_trap(name: str, test_kinds: list[str], train_kinds: list[str], p_odd_test: float, p_odd_train: float) -> Trap:
    tools = [etool("send_email", "Send an email", to="string", subject="string")]

    def mk(kinds: list[str], p_odd: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            first, last = fake.first_name(), fake.last_name()
            if kinds and rng.random() < p_odd:
                k = rng.choice(kinds)
                if k == "acc":
                    first, last = rng.choice(ACC_FIRST), rng.choice(ACC_LAST)
                elif k == "apos":
                    last = rng.choice(APOS_LAST)
                elif k == "hyph":
                    last = rng.choice(HYPH_LAST)
                elif k == "two":
                    first = rng.choice(TWO_FIRST)
            run.system("You are the HR assistant at Acme. Work emails are first.last@acme.com, lower case, ascii only.")
            run.user(f"Send the onboarding pack to {first} {last} please")
            to = email_of(first, last)
            run.call("send_email", {"to": to, "subject": "Your onboarding pack"}, {"ok": True})
            run.say(f"Sent the onboarding pack to {to}.")
        return play
    return Trap(name, mk(test_kinds, p_odd_test), tools, train_play=mk(train_kinds, p_odd_train))


def email_accents() -> Trap:
    """first.last@ emails; test names with accents (model strips them). Training ascii only."""
    return _email_trap("email_accents", ["acc"], [], 0.4, 0.0)


def email_accents_seen() -> Trap:
    """As email_accents but 20% of training shows accented names too."""
    return _email_trap("email_accents_seen", ["acc"], ["acc"], 0.3, 0.2)


def email_apostrophe() -> Trap:
    """Apostrophe surnames (O'Brien -> obrien); training plain only."""
    return _email_trap("email_apostrophe", ["apos"], [], 0.4, 0.0)


def email_two_first() -> Trap:
    """Two-word first names (Mary Ann -> maryann); training one-word only."""
    return _email_trap("email_two_first", ["two"], [], 0.4, 0.0)


def email_mixed_seen() -> Trap:
    """Everything mixed 30% both in training and test."""
    return _email_trap("email_mixed_seen", ["acc", "apos", "hyph", "two"], ["acc", "apos", "hyph", "two"], 0.3, 0.3)


# ---------------------------------------------------------------- tool-result shapes

def tracking_empty() -> Trap:
    """get_order returns tracking "" when not shipped (an API's empty string, not null);
    training always shipped."""
    tools = [etool("get_order", "Look up an order", order_id="string")]

    def mk(p_empty: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            oid = f"{rng.randint(100000, 999999)}"
            empty = rng.random() < p_empty
            trk = "" if empty else f"1Z{rng.randint(10**9, 10**10 - 1)}"
            run.system("You are the support assistant for Larkspur Apparel.")
            run.user(f"Where is my order {oid}?")
            run.call("get_order", {"order_id": oid}, {"order_id": oid, "status": "processing" if empty else "shipped",
                                                      "tracking": trk})
            run.say(f"Order {oid} has not shipped yet." if empty else f"Order {oid} shipped; tracking number {trk}.")
        return play
    return Trap("tracking_empty", mk(0.3), tools, train_play=mk(0.0))


def tracking_empty_status_fixed() -> Trap:
    """As tracking_empty, but status is "shipped" even when the carrier number is not assigned yet
    (only the empty tracking tells); training 20% empty too."""
    tools = [etool("get_order", "Look up an order", order_id="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"{rng.randint(100000, 999999)}"
        empty = rng.random() < 0.2
        trk = "" if empty else f"1Z{rng.randint(10**9, 10**10 - 1)}"
        run.system("You are the support assistant for Larkspur Apparel.")
        run.user(f"Where is my order {oid}?")
        run.call("get_order", {"order_id": oid}, {"order_id": oid, "status": "shipped", "tracking": trk})
        run.say(f"Order {oid} has shipped; the tracking number isn't assigned yet." if empty
                else f"Order {oid} shipped; tracking number {trk}.")
    return Trap("tracking_empty_seen", play, tools)


def pages_three() -> Trap:
    """search_tickets pages; the agent fetches while page < total_pages. Training total 1..2;
    test 1..3 (after page 2 of 3 it fetches page 3)."""
    tools = [etool("search_tickets", "Search open tickets", queue="string", page="integer")]

    def mk(maxp: int):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            q = rng.choice(["billing", "shipping", "returns", "accounts"])
            total = rng.randint(1, maxp)
            run.system("You are the support desk assistant.")
            run.user(f"How many open {q} tickets are there?")
            count = 0
            for p in range(1, total + 1):
                k = rng.randint(1, 3)
                count += k
                run.call("search_tickets", {"queue": q, "page": p},
                         {"tickets": [f"T-{rng.randint(1000, 9999)}" for _ in range(k)] if False else k,
                          "page": p, "total_pages": total})
            run.say(f"There are {count} open {q} tickets.")
        return play
    return Trap("pages_three", mk(3), tools, train_play=mk(2))


def pages_has_more() -> Trap:
    """has_more boolean; training 25% true (the agent fetches the cursor), test same."""
    tools = [etool("list_invoices", "List unpaid invoices", cursor="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        run.system("You are the accounts-receivable assistant.")
        run.user("List the unpaid invoices")
        more = rng.random() < 0.25
        ids = [f"INV-{rng.randint(1000, 9999)}" for _ in range(2)]
        cur = f"c{rng.randint(10**5, 10**6)}"
        run.call("list_invoices", {"cursor": ""}, {"invoices": ids, "has_more": more, "next_cursor": cur if more else None})
        if more:
            ids2 = [f"INV-{rng.randint(1000, 9999)}" for _ in range(2)]
            run.call("list_invoices", {"cursor": cur}, {"invoices": ids2, "has_more": False, "next_cursor": None})
            ids = ids + ids2
        run.say("Unpaid: " + ", ".join(ids) + ".")
    return Trap("pages_has_more", play, tools)


def manager_null() -> Trap:
    """HR: get_employee returns manager {name,email} or null (for execs). Escalate to manager.
    Training 15% null; same test."""
    tools = [etool("get_employee", "Employee record", name="string"), etool("notify", "Notify", email="string", text="string")]

    def mk(p_null: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            who = fake.name()
            run.system("You are the HR assistant. Leave requests over 10 days go to the employee's manager; "
                       "executives without a manager go to hr@acme.com.")
            run.user(f"{who} asked for 12 days of leave, please route it")
            if rng.random() < p_null:
                run.call("get_employee", {"name": who}, {"name": who, "title": "VP", "manager": None})
                em = "hr@acme.com"
            else:
                m = fake.name()
                em = email_of(*m.split(" ", 1))
                run.call("get_employee", {"name": who}, {"name": who, "title": "Engineer", "manager": {"name": m, "email": em}})
            run.call("notify", {"email": em, "text": f"Leave request from {who}: 12 days"}, {"ok": True})
            run.say(f"Routed to {em}.")
        return play
    return Trap("manager_null", mk(0.3), tools, train_play=mk(0.15))


def error_object() -> Trap:
    """Payment tool sometimes returns an error object (card declined / expired) in place of a
    receipt; training shows "card_declined" only; test also "expired_card" and "insufficient_funds"."""
    tools = [etool("charge", "Charge the saved card", amount="number")]

    def mk(codes: list[str]):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            amt = rng.randint(20, 400)
            run.system("You are the billing assistant for Northwind Gym.")
            run.user(f"Please charge my card ${amt} for the annual plan")
            if rng.random() < 0.35:
                c = rng.choice(codes)
                run.call("charge", {"amount": amt}, {"error": {"code": c, "message": c.replace("_", " ")}})
                if c == "card_declined":
                    run.say("Your card was declined. Please try another card.")
                elif c == "expired_card":
                    run.say("Your card has expired. Please update your card details.")
                else:
                    run.say("Your card was declined for insufficient funds.")
            else:
                rid = f"rcpt_{rng.randint(10**6, 10**7)}"
                run.call("charge", {"amount": amt}, {"receipt": rid, "amount": amt})
                run.say(f"Charged ${amt}. Receipt {rid}.")
        return play
    return Trap("error_object", mk(["card_declined", "expired_card", "insufficient_funds"]), tools,
                train_play=mk(["card_declined"]))


# ---------------------------------------------------------------- thresholds / relations

def pto_balance() -> Trap:
    """HR: user asks for N days off; balance from a tool (halves too). Book if N <= balance else
    refuse. Same mix in training and test (~30% refuse)."""
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
            run.say(f"Booked {n} days. You have {bal - n:g} days left.")
        else:
            run.say(f"You only have {bal:g} days of PTO left, not enough for {n}.")
    return Trap("pto_balance", play, tools)


def semver_upgrade() -> Trap:
    """CI bot: get_versions -> {"current": "1.9.3", "latest": "1.10.0"}; open an upgrade PR when
    latest > current (semver), else say up to date. Minor versions 0..12 (two digits)."""
    tools = [etool("get_versions", "Installed and latest versions", package="string"),
             etool("open_pr", "Open an upgrade PR", package="string", to="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        pkg = rng.choice(["requests", "django", "numpy", "flask", "pydantic", "httpx"])
        cur = (1, rng.randint(0, 12), rng.randint(0, 9))
        lat = cur if rng.random() < 0.35 else (1, rng.randint(cur[1], 12), rng.randint(0, 9))
        if lat < cur:
            lat = cur
        cs, ls = ".".join(map(str, cur)), ".".join(map(str, lat))
        run.system("You are the dependency bot for the platform repo.")
        run.user(f"Is {pkg} up to date?")
        run.call("get_versions", {"package": pkg}, {"package": pkg, "current": cs, "latest": ls})
        if lat > cur:
            run.call("open_pr", {"package": pkg, "to": ls}, {"ok": True})
            run.say(f"Opened a PR to upgrade {pkg} from {cs} to {ls}.")
        else:
            run.say(f"{pkg} is up to date ({cs}).")
    return Trap("semver_upgrade", play, tools)


def free_shipping_currency() -> Trap:
    """Cart total in the tool result with a currency; free shipping over 50 in USD, 45 in EUR,
    40 in GBP (as the system prompt says). Same mix."""
    tools = [etool("get_cart", "The cart", session="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        cur = rng.choice(["USD", "EUR", "GBP"])
        lim = {"USD": 50, "EUR": 45, "GBP": 40}[cur]
        tot = round(rng.uniform(20, 80), 2)
        sid = f"s{rng.randint(10**5, 10**6)}"
        run.system("You are the checkout assistant. Free shipping over 50 USD, 45 EUR or 40 GBP.")
        run.user("Do I get free shipping?")
        run.call("get_cart", {"session": sid}, {"total": tot, "currency": cur})
        run.say("Yes, your order ships free." if tot >= lim else f"Not yet: add {lim - tot:.2f} {cur} for free shipping.")
    return Trap("free_shipping_currency", play, tools)


def dst_offset() -> Trap:
    """Today in the system prompt; 'schedule a call tomorrow at 3pm' (America/New_York);
    the model writes the ISO start with the UTC offset (-05:00 winter, -04:00 summer). Same mix."""
    tools = [etool("create_event", "Create an event", start="string", title="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        today = date(2026, 1, 1) + timedelta(days=rng.randint(0, 364))
        tm = today + timedelta(days=1)
        off = "-04:00" if date(2026, 3, 8) <= tm < date(2026, 11, 1) else "-05:00"
        who = fake.first_name()
        run.system(f"You manage the user's calendar. Today is {today.isoformat()}. Time zone: America/New_York.")
        run.user(f"Schedule a call with {who} tomorrow at 3pm")
        run.call("create_event", {"start": f"{tm.isoformat()}T15:00:00{off}", "title": f"Call with {who}"}, {"ok": True})
        run.say(f"Scheduled a call with {who} on {tm.isoformat()} at 3pm.")
    return Trap("dst_offset", play, tools)


def dst_offset_winter_train() -> Trap:
    """As dst_offset; training only in winter (Jan-Feb); the test runs all year."""
    tools = [etool("create_event", "Create an event", start="string", title="string")]

    def mk(days: int):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            today = date(2026, 1, 1) + timedelta(days=rng.randint(0, days))
            tm = today + timedelta(days=1)
            off = "-04:00" if date(2026, 3, 8) <= tm < date(2026, 11, 1) else "-05:00"
            who = fake.first_name()
            run.system(f"You manage the user's calendar. Today is {today.isoformat()}. Time zone: America/New_York.")
            run.user(f"Schedule a call with {who} tomorrow at 3pm")
            run.call("create_event", {"start": f"{tm.isoformat()}T15:00:00{off}", "title": f"Call with {who}"}, {"ok": True})
            run.say(f"Scheduled a call with {who} on {tm.isoformat()} at 3pm.")
        return play
    return Trap("dst_winter_train", mk(364), tools, train_play=mk(50))


# ---------------------------------------------------------------- user text

def correction_qty() -> Trap:
    """"Book {n} tickets for {show} on Friday"; test sometimes appends "— actually make it {m}"."""
    tools = [etool("book_tickets", "Book theatre tickets", show="string", quantity="integer", day="string")]
    shows = ["Hamlet", "Cats", "Wicked", "Hadestown", "Chicago", "Annie", "Matilda"]
    words = {2: "two", 3: "three", 4: "four", 5: "five"}

    def mk(p_corr: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            s = rng.choice(shows)
            n = rng.randint(1, 5)
            run.system("You are the box-office assistant.")
            if rng.random() < p_corr:
                m = rng.choice([k for k in words if k != n])
                run.user(f"Book {n} tickets for {s} on Friday, actually make it {rng.choice([str(m), words[m]])}")
                n = m
            else:
                run.user(f"Book {n} tickets for {s} on Friday")
            run.call("book_tickets", {"show": s, "quantity": n, "day": "Friday"}, {"ok": True})
            run.say(f"Booked {n} tickets for {s} on Friday.")
        return play
    return Trap("correction_qty", mk(0.4), tools, train_play=mk(0.0))


def pick_time_then_party() -> Trap:
    """Turn 1 'Table for {n} at {place} tonight' -> availability (times); turn 2 the user picks a
    time -> book(time, party n). Test turn 2 sometimes: '{time}, and we're {m} now'."""
    tools = [etool("availability", "Free times", restaurant="string", party="integer"),
             etool("book_table", "Book", restaurant="string", party="integer", time="string")]

    def mk(p_change: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            place = rng.choice(["Nopa", "Zuni", "Delfina", "Kokkari", "Flour"])
            n = rng.randint(2, 6)
            times = sorted(rng.sample(["6pm", "6:30pm", "7pm", "7:30pm", "8pm", "8:30pm", "9pm"], 3))
            run.system("You book restaurant tables.")
            run.user(f"Table for {n} at {place} tonight")
            run.call("availability", {"restaurant": place, "party": n}, {"times": times})
            run.say(f"{place} has {', '.join(times)}. Which works?")
            t = rng.choice(times)
            if rng.random() < p_change:
                m = rng.choice([k for k in range(2, 8) if k != n])
                run.user(f"{t}, and we're {m} now")
                n = m
            else:
                run.user(t)
            run.call("book_table", {"restaurant": place, "party": n, "time": t}, {"ok": True})
            run.say(f"Booked {place} for {n} at {t}.")
        return play
    return Trap("pick_time_then_party", mk(0.4), tools, train_play=mk(0.0))


def feature_list_sys() -> Trap:
    """System prompt lists the enabled features (a random subset, comma list); the reply offers
    express shipping only when 'express_shipping' is in the list. Same mix."""
    tools = [etool("get_order", "Look up an order", order_id="string")]
    feats = ["gift_wrap", "express_shipping", "loyalty_points", "store_pickup", "returns_portal"]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        on = [f for f in feats if rng.random() < 0.5]
        oid = f"{rng.randint(100000, 999999)}"
        run.system(f"You are the shop assistant. Enabled features: {', '.join(on) if on else 'none'}.")
        run.user(f"Can order {oid} arrive faster?")
        run.call("get_order", {"order_id": oid}, {"order_id": oid, "status": "processing"})
        run.say(f"Yes, I can upgrade order {oid} to express shipping for $9." if "express_shipping" in on
                else f"Sorry, order {oid} can only ship standard.")
    return Trap("feature_list_sys", play, tools)


def two_items_cart() -> Trap:
    """'Add {item} to my cart' -> add(item, qty 1). Test: '{item} x2' / 'two {item}s'? -> no:
    'Add {item} and {item2} to my cart' (multi-word item names). Training: single items of 1-3 words."""
    tools = [etool("add_to_cart", "Add a product", product="string")]
    items = ["oat milk", "peanut butter", "greek yogurt", "bread", "eggs", "sparkling water", "dark chocolate bar"]

    def mk(p_two: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            a = rng.choice(items)
            run.system("You are the grocery assistant.")
            if rng.random() < p_two:
                b = rng.choice([x for x in items if x != a])
                run.user(f"Add {a} and {b} to my cart")
                run.call_many([("add_to_cart", {"product": a}), ("add_to_cart", {"product": b})], [{"ok": True}, {"ok": True}])
            else:
                run.user(f"Add {a} to my cart")
                run.call("add_to_cart", {"product": a}, {"ok": True})
            run.say("Added.")
        return play
    return Trap("two_items_cart", mk(0.4), tools, train_play=mk(0.0))


def date_format_user() -> Trap:
    """'Book the meeting room for {date}' ISO in training; test writes 'March 14' / '14/03/2026' / '3/14'
    (the model sends ISO)."""
    tools = [etool("book_room", "Book a room", room="string", date="string")]

    def mk(test: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            d = date(2026, 1, 1) + timedelta(days=rng.randint(0, 364))
            room = rng.choice(["Everest", "K2", "Denali", "Fuji"])
            txt = d.isoformat()
            if test and rng.random() < 0.5:
                txt = rng.choice([f"{d:%B} {d.day}", f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.month}/{d.day}",
                                  f"{d.day} {d:%b} {d.year}"])
            run.system("You book meeting rooms. The year is 2026.")
            run.user(f"Book {room} for {txt}")
            run.call("book_room", {"room": room, "date": d.isoformat()}, {"ok": True})
            run.say(f"Booked {room} on {d.isoformat()}.")
        return play
    return Trap("date_format_user", mk(True), tools, train_play=mk(False))


def unit_convert() -> Trap:
    """Expense in another currency: 'Log a {amt} {cur} taxi expense'; model passes amount and
    currency code. Training USD/EUR codes; test writes symbols or words ('€40', '40 euros')."""
    tools = [etool("log_expense", "Log an expense", amount="number", currency="string", category="string")]

    def mk(test: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            amt = rng.randint(5, 120)
            cur = rng.choice(["USD", "EUR", "GBP"])
            txt = f"{amt} {cur}"
            if test and rng.random() < 0.5:
                txt = rng.choice([f"{ {'USD': '$', 'EUR': '€', 'GBP': '£'}[cur]}{amt}",
                                  f"{amt} { {'USD': 'dollars', 'EUR': 'euros', 'GBP': 'pounds'}[cur]}"])
            run.system("You log expenses for the finance team.")
            run.user(f"Log a {txt} taxi expense")
            run.call("log_expense", {"amount": amt, "currency": cur, "category": "taxi"}, {"ok": True})
            run.say(f"Logged {amt} {cur} under taxi.")
        return play
    return Trap("unit_convert", mk(True), tools, train_play=mk(False))


def negation_notify() -> Trap:
    """'Notify {team} about the outage' vs test 'Notify everyone except {team} about the outage'."""
    tools = [etool("notify", "Notify teams", include="string", exclude="string")]

    def mk(p: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            t = rng.choice(["sales", "support", "platform", "billing", "security", "design"])
            run.system("You are the incident bot.")
            if rng.random() < p:
                run.user(f"Notify everyone except {t} about the outage")
                run.call("notify", {"include": "all", "exclude": t}, {"ok": True})
            else:
                run.user(f"Notify {t} about the outage")
                run.call("notify", {"include": t, "exclude": ""}, {"ok": True})
            run.say("Notified.")
        return play
    return Trap("negation_notify", mk(0.4), tools, train_play=mk(0.0))


TRAPS = {f.__name__: f for f in [
    email_accents, email_accents_seen, email_apostrophe, email_two_first, email_mixed_seen,
    tracking_empty, tracking_empty_status_fixed, pages_three, pages_has_more, manager_null, error_object,
    pto_balance, semver_upgrade, free_shipping_currency, dst_offset, dst_offset_winter_train,
    correction_qty, pick_time_then_party, feature_list_sys, two_items_cart, date_format_user, unit_convert,
    negation_notify]}

if __name__ == "__main__":
    main(TRAPS)
