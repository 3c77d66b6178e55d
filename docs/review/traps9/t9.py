"""Review 9 traps: today's induction rules (system-prompt evidence, unread dates in context,
date spans, commentary beside calls, separated split, cross-kind clustering)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from faker import Faker

from docs.review.traps.harness import Trap, main
from evals.workflows.base import Run, tool

ORDER_TOOLS = [tool("get_order", "An order", order_id="string"),
               tool("refund", "Refund an order", order_id="string"),
               tool("delete_doc", "Delete a document", doc_id="string"),
               tool("get_doc", "A document", doc_id="string")]

LINES = ("Let me pull up that order.", "Sure, one moment while I check.", "Checking the order now.",
         "I'll look that order up for you.", "Let me take a look at this.", "One sec, fetching it.")


# ---------------------------------------------------------------- system-prompt values (rule 2)

def sys_country_vat() -> Trap:
    """Country in the system prompt, copied into the reply; EU countries pay VAT, others don't.
    Training shows EU countries only; test also shows United States / Canada."""
    eu = ["Germany", "France", "Spain", "Italy", "Netherlands", "Belgium", "Austria"]
    non = ["United States", "Canada", "Japan"]

    def mk(countries: list[str]):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            c = rng.choice(countries)
            oid = f"A-{rng.randint(10000, 99999)}"
            run.system(f"You answer billing questions for Larkspur.\nCustomer: {fake.name()}\nEmail: {fake.email()}\n"
                       f"Country: {c}\nEU customers pay 20% VAT; others pay none.")
            run.user(f"Will I pay tax on order {oid}?")
            run.call("get_order", {"order_id": oid}, {"id": oid, "total": rng.randint(20, 300)})
            if c in eu:
                run.say(f"Yes: orders shipped to {c} include 20% VAT.")
            else:
                run.say(f"No: orders shipped to {c} carry no VAT.")
        return play
    return Trap("sys_country_vat", mk(eu + non), ORDER_TOOLS, train_play=mk(eu))


def user_country_vat() -> Trap:
    """Baseline for sys_country_vat: the country in the user's message instead."""
    eu = ["Germany", "France", "Spain", "Italy", "Netherlands", "Belgium", "Austria"]
    non = ["United States", "Canada", "Japan"]

    def mk(countries: list[str]):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            c = rng.choice(countries)
            oid = f"A-{rng.randint(10000, 99999)}"
            run.system("You answer billing questions for Larkspur. EU customers pay 20% VAT; others pay none.")
            run.user(f"I live in {c}. Will I pay tax on order {oid}?")
            run.call("get_order", {"order_id": oid}, {"id": oid, "total": rng.randint(20, 300)})
            if c in eu:
                run.say(f"Yes: orders shipped to {c} include 20% VAT.")
            else:
                run.say(f"No: orders shipped to {c} carry no VAT.")
        return play
    return Trap("user_country_vat", mk(eu + non), ORDER_TOOLS, train_play=mk(eu))


def sys_email_staff() -> Trap:
    """Staff (email at larkspur.com) ship free; training never shows staff."""
    def mk(staff_p: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            first = fake.first_name()
            staff = rng.random() < staff_p
            email = f"{first.lower()}@larkspur.com" if staff else f"{first.lower()}{rng.randint(1, 99)}@{fake.free_email_domain()}"
            oid = f"A-{rng.randint(10000, 99999)}"
            run.system(f"You answer order questions for Larkspur.\nCustomer: {first}\nEmail: {email}\n"
                       "Staff (emails at larkspur.com) ship free; others pay $5.")
            run.user(f"What will shipping cost for order {oid}?")
            run.call("get_order", {"order_id": oid}, {"id": oid, "status": "processing"})
            run.say(f"Shipping for {oid} is free." if staff else f"Shipping for {oid} costs $5.")
        return play
    return Trap("sys_email_staff", mk(0.4), ORDER_TOOLS, train_play=mk(0.0))


def sys_role_rare() -> Trap:
    """Role in the system prompt (admin/editor, viewer never in training); viewer may not delete."""
    def mk(roles: list[str]):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            role = rng.choice(roles)
            did = f"doc-{rng.randint(10000, 99999)}"
            run.system(f"You manage documents.\nUser: {fake.name()}\nEmail: {fake.email()}\nRole: {role}\n"
                       "Viewers may not delete documents.")
            run.user(f"Delete {did}.")
            run.call("get_doc", {"doc_id": did}, {"id": did, "title": fake.sentence(nb_words=3)})
            if role == "viewer":
                run.say(f"Sorry, viewers cannot delete {did}.")
            else:
                run.call("delete_doc", {"doc_id": did}, {"ok": True})
                run.say(f"Deleted {did}.")
        return play
    return Trap("sys_role_rare", mk(["admin", "editor", "viewer"]), ORDER_TOOLS, train_play=mk(["admin", "editor"]))


def sys_level_number() -> Trap:
    """Clearance level (1..5) in the system prompt; level >= 3 may delete (all levels in training)."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        lvl = rng.randint(1, 5)
        did = f"doc-{rng.randint(10000, 99999)}"
        run.system(f"You manage documents.\nUser: {fake.name()}\nClearance level: {lvl}\n"
                   "Level 3 and above may delete documents.")
        run.user(f"Delete {did}.")
        run.call("get_doc", {"doc_id": did}, {"id": did, "title": fake.sentence(nb_words=3)})
        if lvl < 3:
            run.say(f"Sorry, you cannot delete {did}.")
        else:
            run.call("delete_doc", {"doc_id": did}, {"ok": True})
            run.say(f"Deleted {did}.")
    return Trap("sys_level_number", play, ORDER_TOOLS)


def sys_member_since() -> Trap:
    """Member-since year in the system prompt; members since before 2020 get a 60-day window,
    others 30; today's date in the prompt, purchase date in the order."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        since = rng.randint(2012, 2025)
        today = date(2026, 3, 1) + timedelta(days=rng.randint(0, 200))
        age = rng.randint(1, 90)
        bought = today - timedelta(days=age)
        oid = f"O{rng.randint(10000, 99999)}"
        run.system(f"Today is {today.isoformat()}. Customer {fake.name()}, member since {since}. "
                   "Refund within 30 days of purchase, 60 days for members since before 2020.")
        run.user(f"Refund order {oid}")
        run.call("get_order", {"order_id": oid}, {"order_id": oid, "bought": bought.isoformat()})
        if age <= (60 if since < 2020 else 30):
            run.call("refund", {"order_id": oid}, {"ok": True})
            run.say(f"Refunded {oid}.")
        else:
            run.say(f"{oid} is past your return window.")
    return Trap("sys_member_since", play, ORDER_TOOLS)


# ---------------------------------------------------------------- unread dates in context (rule 3/4)

def today_timestamp() -> Trap:
    """Today (ISO) in the system prompt; the purchase is an ISO timestamp (not a plain date), so
    no span can be kept; 30-day window."""
    def mk(p_old: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            today = date(2026, 3, 1) + timedelta(days=rng.randint(0, 240))
            oid = f"O{rng.randint(10000, 99999)}"
            age = rng.randint(31, 90) if rng.random() < p_old else rng.randint(1, 29)
            bought = today - timedelta(days=age)
            ts = f"{bought.isoformat()}T{rng.randint(10, 23)}:{rng.randint(10, 59)}:00Z"
            run.system(f"Today is {today.isoformat()}. Refund orders bought within the last 30 days.")
            run.user(f"Refund order {oid}")
            run.call("get_order", {"order_id": oid}, {"order_id": oid, "purchased_at": ts})
            if age <= 30:
                run.call("refund", {"order_id": oid}, {"ok": True})
                run.say(f"Refunded {oid}.")
            else:
                run.say(f"{oid} is past the 30-day window.")
        return play
    return Trap("today_timestamp", mk(0.4), ORDER_TOOLS, train_play=mk(0.2))


def today_prose() -> Trap:
    """Today in prose ("Today is May 4, 2026") in the system prompt; purchase ISO date; 30-day window."""
    def mk(p_old: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            today = date(2026, 3, 1) + timedelta(days=rng.randint(0, 240))
            oid = f"O{rng.randint(10000, 99999)}"
            age = rng.randint(31, 90) if rng.random() < p_old else rng.randint(1, 29)
            bought = today - timedelta(days=age)
            run.system(f"Today is {today.strftime('%B')} {today.day}, {today.year}. "
                       "Refund orders bought within the last 30 days.")
            run.user(f"Refund order {oid}")
            run.call("get_order", {"order_id": oid}, {"order_id": oid, "bought": bought.isoformat()})
            if age <= 30:
                run.call("refund", {"order_id": oid}, {"ok": True})
                run.say(f"Refunded {oid}.")
            else:
                run.say(f"{oid} is past the 30-day window.")
        return play
    return Trap("today_prose", mk(0.4), ORDER_TOOLS, train_play=mk(0.2))


def today_us_date() -> Trap:
    """Today ISO in the system prompt; purchase date in US format (05/04/2026); 30-day window."""
    def mk(p_old: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            today = date(2026, 3, 1) + timedelta(days=rng.randint(0, 240))
            oid = f"O{rng.randint(10000, 99999)}"
            age = rng.randint(31, 90) if rng.random() < p_old else rng.randint(1, 29)
            bought = today - timedelta(days=age)
            run.system(f"Today is {today.isoformat()}. Refund orders bought within the last 30 days.")
            run.user(f"Refund order {oid}")
            run.call("get_order", {"order_id": oid}, {"order_id": oid, "bought": bought.strftime("%m/%d/%Y")})
            if age <= 30:
                run.call("refund", {"order_id": oid}, {"ok": True})
                run.say(f"Refunded {oid}.")
            else:
                run.say(f"{oid} is past the 30-day window.")
        return play
    return Trap("today_us_date", mk(0.4), ORDER_TOOLS, train_play=mk(0.2))


def today_user_deadline() -> Trap:
    """Today ISO in the system prompt, requested delivery date in the user's message: too soon
    (< 3 days ahead) is refused; never too soon in training."""
    def mk(p_soon: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            today = date(2026, 3, 1) + timedelta(days=rng.randint(0, 240))
            ahead = rng.randint(0, 2) if rng.random() < p_soon else rng.randint(3, 20)
            want = today + timedelta(days=ahead)
            run.system(f"You book deliveries. Today is {today.isoformat()}. Deliveries need 3 days' notice.")
            run.user(f"Please deliver my sofa on {want.isoformat()}.")
            if ahead >= 3:
                run.call("book", {"date": want.isoformat()}, {"ok": True})
                run.say(f"Booked for {want.isoformat()}.")
            else:
                run.say("Sorry, we need 3 days' notice.")
        return play
    return Trap("today_user_deadline", mk(0.4), [tool("book", "Book", date="string")], train_play=mk(0.0))


def month_boundary() -> Trap:
    """Charges from this calendar month can be reversed; older ones go to dispute. The day
    difference only correlates with the rule (a separated split may take it for the rule)."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        today = date(2026, 3, 1) + timedelta(days=rng.randint(0, 240))
        age = rng.randint(0, 8) if rng.random() < 0.6 else rng.randint(25, 70)
        when = today - timedelta(days=age)
        cid = f"CH-{rng.randint(10000, 99999)}"
        run.system(f"Today is {today.isoformat()}. Reverse charges from the current month; older ones need a dispute.")
        run.user(f"Reverse charge {cid}")
        run.call("get_charge", {"charge_id": cid}, {"id": cid, "date": when.isoformat()})
        if (when.year, when.month) == (today.year, today.month):
            run.call("reverse", {"charge_id": cid}, {"ok": True})
            run.say(f"Reversed {cid}.")
        else:
            run.say(f"{cid} is from an earlier month; please open a dispute.")
    return Trap("month_boundary", play, [tool("get_charge", "Charge", charge_id="string"),
                                         tool("reverse", "Reverse", charge_id="string")])


def business_days() -> Trap:
    """A shipment is on time if shipped within 2 business days of the order (weekends don't
    count); calendar-day difference only correlates."""
    def bdays(a: date, b: date) -> int:
        n, d = 0, a
        while d < b:
            d += timedelta(days=1)
            if d.weekday() < 5:
                n += 1
        return n

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        ordered = date(2026, 3, 2) + timedelta(days=rng.randint(0, 200))
        shipped = ordered + timedelta(days=rng.randint(0, 6))
        sid = f"S-{rng.randint(10000, 99999)}"
        run.system("You audit shipments: on time means shipped within 2 business days of the order.")
        run.user(f"Audit shipment {sid}")
        run.call("get_shipment", {"shipment_id": sid}, {"id": sid, "ordered": ordered.isoformat(),
                                                        "shipped": shipped.isoformat()})
        if bdays(ordered, shipped) <= 2:
            run.say(f"{sid} shipped on time.")
        else:
            run.call("flag_late", {"shipment_id": sid}, {"ok": True})
            run.say(f"{sid} shipped late; flagged.")
    return Trap("business_days", play, [tool("get_shipment", "Shipment", shipment_id="string"),
                                        tool("flag_late", "Flag", shipment_id="string")])


def three_kinds_gap() -> Trap:
    """Refund <= 30 days, store credit 31-60, decline > 60; training never shows 31-60."""
    def mk(mid: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            today = date(2026, 3, 1) + timedelta(days=rng.randint(0, 240))
            r = rng.random()
            age = rng.randint(1, 30) if r < 0.5 else (rng.randint(31, 60) if (mid and r < 0.75) else rng.randint(61, 120))
            bought = today - timedelta(days=age)
            oid = f"O{rng.randint(10000, 99999)}"
            run.system(f"Today is {today.isoformat()}. Refund within 30 days, store credit within 60, else decline.")
            run.user(f"Return order {oid}")
            run.call("get_order", {"order_id": oid}, {"order_id": oid, "bought": bought.isoformat()})
            if age <= 30:
                run.call("refund", {"order_id": oid}, {"ok": True})
                run.say(f"Refunded {oid}.")
            elif age <= 60:
                run.call("store_credit", {"order_id": oid}, {"ok": True})
                run.say(f"Gave store credit for {oid}.")
            else:
                run.say(f"{oid} is too old to return.")
        return play
    return Trap("three_kinds_gap", mk(True), [*ORDER_TOOLS, tool("store_credit", "Credit", order_id="string")],
                train_play=mk(False))


def status_chance_dates() -> Trap:
    """The order's status decides (lost/damaged refund; delivered/in_transit decline); dates
    random and irrelevant: a date difference may part the answers by chance."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        today = date(2026, 3, 1) + timedelta(days=rng.randint(0, 240))
        bought = today - timedelta(days=rng.randint(1, 60))
        status = rng.choice(["lost", "damaged", "delivered", "in_transit"])
        oid = f"O{rng.randint(10000, 99999)}"
        run.system(f"Today is {today.isoformat()}. Refund lost or damaged orders.")
        run.user(f"Refund order {oid}")
        run.call("get_order", {"order_id": oid}, {"order_id": oid, "bought": bought.isoformat(), "status": status})
        if status in ("lost", "damaged"):
            run.call("refund", {"order_id": oid}, {"ok": True})
            run.say(f"Refunded {oid}.")
        else:
            run.say(f"{oid} is {status}; no refund.")
    return Trap("status_chance_dates", play, ORDER_TOOLS)


def amount_chance_dates() -> Trap:
    """An amount code decides (SKU class 'A...' refundable), dates irrelevant; the class is a
    letter prefix of an id, the dates may part the answers by chance."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        today = date(2026, 3, 1) + timedelta(days=rng.randint(0, 240))
        bought = today - timedelta(days=rng.randint(1, 60))
        ok = rng.random() < 0.5
        sku = f"{'R' if ok else 'F'}{rng.randint(1000, 9999)}"
        oid = f"O{rng.randint(10000, 99999)}"
        run.system(f"Today is {today.isoformat()}. SKUs starting with R are refundable; F are final sale.")
        run.user(f"Refund order {oid}")
        run.call("get_order", {"order_id": oid}, {"order_id": oid, "bought": bought.isoformat(), "sku": sku})
        if ok:
            run.call("refund", {"order_id": oid}, {"ok": True})
            run.say(f"Refunded {oid}.")
        else:
            run.say(f"{oid} is final sale; no refund.")
    return Trap("amount_chance_dates", play, ORDER_TOOLS)


# ---------------------------------------------------------------- commentary (rule 5)

def commentary_choice() -> Trap:
    """The model picks a carrier (its own choice, not in the request) and says so in sampled
    words beside the label call; the reply names the carrier's delivery time."""
    fast = ("I'll send this one express.", "Going with express shipping here.", "Express it is, creating the label.",
            "Let me book express for this.")
    slow = ("I'll send this one standard.", "Going with standard shipping here.", "Standard it is, creating the label.",
            "Let me book standard for this.")

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"O{rng.randint(10000, 99999)}"
        express = rng.random() < 0.5
        run.system("You ship orders.")
        run.user(f"Ship order {oid}")
        run.call("create_label", {"order_id": oid}, {"ok": True, "label": f"L{rng.randint(100000, 999999)}"},
                 text=rng.choice(fast if express else slow))
        run.say(f"Shipped {oid}; it arrives in {'2' if express else '6'} days.")
    return Trap("commentary_choice", play, [tool("create_label", "Label", order_id="string")])


def commentary_word_copy() -> Trap:
    """The reply copies the carrier word the model wrote beside the call; wordings vary and one
    wording names both carriers ("not express, standard")."""
    lines = ("I'll ship it by {c}.", "Going with {c} shipping here.", "{C} it is, creating the label.",
             "Let me book {c} for this.", "Booking {c} now.")
    tricky = ("No need for express; booking standard.",)

    def mk(p_tricky: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            oid = f"O{rng.randint(10000, 99999)}"
            c = rng.choice(["express", "standard", "overnight", "economy"])
            if rng.random() < p_tricky:
                c, text = "standard", tricky[0]
            else:
                text = rng.choice(lines).format(c=c, C=c.capitalize())
            run.system("You ship orders.")
            run.user(f"Ship order {oid}")
            run.call("create_label", {"order_id": oid}, {"ok": True}, text=text)
            run.say(f"Shipped {oid} by {c}.")
        return play
    return Trap("commentary_word_copy", mk(0.3), [tool("create_label", "Label", order_id="string")],
                train_play=mk(0.0))


def commentary_decides_call() -> Trap:
    """The model says beside the lookup whether it will refund (its own decision from the user's
    tone upstream, not in the request); the next call is refund or not, the tool result is alike."""
    yes = ("Let me check it so I can refund it.", "I'll look it up and process the refund.",
           "Checking the order before refunding.", "One moment, pulling it up to refund.")
    no = ("Let me check its status.", "I'll look up where it is.", "Checking the order's tracking.",
          "One moment, pulling up the status.")

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"O{rng.randint(10000, 99999)}"
        refund = rng.random() < 0.5
        run.system("You handle orders.")
        run.user(f"About order {oid}")
        run.call("get_order", {"order_id": oid}, {"id": oid, "status": "delivered"},
                 text=rng.choice(yes if refund else no))
        if refund:
            run.call("refund", {"order_id": oid}, {"ok": True})
            run.say(f"Refunded {oid}.")
        else:
            run.say(f"{oid} was delivered.")
    return Trap("commentary_decides_call", play, ORDER_TOOLS)


# ---------------------------------------------------------------- clustering (rule 1)

def cluster_prefix() -> Trap:
    """'Look at INC48213' -> get_incident; 'Look at REQ11234' -> get_request (no dash)."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        inc = rng.random() < 0.5
        tid = f"{'INC' if inc else 'REQ'}{rng.randint(10000, 99999)}"
        run.system("You triage tickets.")
        run.user(f"Look at {tid} please")
        if inc:
            run.call("get_incident", {"id": tid}, {"id": tid, "sev": "high"})
            run.say(f"Incident {tid} is high severity.")
        else:
            run.call("get_request", {"id": tid}, {"id": tid, "state": "open"})
            run.say(f"Request {tid} is open.")
    return Trap("cluster_prefix", play, [tool("get_incident", "Incident", id="string"),
                                         tool("get_request", "Request", id="string")])


def cluster_two_intents() -> Trap:
    """Two intents whose messages align word by word: 'Cancel my order for {item}' vs
    'Cancel my order of {n} items'? no: the intent word sits among data words."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"A-{rng.randint(10000, 99999)}"
        who = fake.first_name()
        verb = rng.choice(["cancel", "track", "cancel", "track", "return"])
        run.system("You handle orders.")
        run.user(f"Hi, {who} here, please {verb} {oid} for me")
        if verb == "cancel":
            run.call("cancel_order", {"order_id": oid}, {"ok": True})
            run.say(f"Canceled {oid}, {who}.")
        elif verb == "track":
            run.call("track_order", {"order_id": oid}, {"eta": "tomorrow"})
            run.say(f"{oid} arrives tomorrow, {who}.")
        else:
            run.call("return_order", {"order_id": oid}, {"ok": True})
            run.say(f"Return for {oid} started, {who}.")
    return Trap("cluster_two_intents", play, [tool("cancel_order", "c", order_id="string"),
                                              tool("track_order", "t", order_id="string"),
                                              tool("return_order", "r", order_id="string")])


TRAPS = {
    "sys_country": sys_country_vat, "user_country": user_country_vat, "sys_email": sys_email_staff,
    "sys_role": sys_role_rare, "sys_level": sys_level_number, "sys_since": sys_member_since,
    "today_ts": today_timestamp, "today_prose": today_prose, "today_us": today_us_date,
    "today_user": today_user_deadline, "month": month_boundary, "bdays": business_days,
    "three": three_kinds_gap, "status_dates": status_chance_dates, "sku_dates": amount_chance_dates,
    "comm_choice": commentary_choice, "comm_copy": commentary_word_copy, "comm_call": commentary_decides_call,
    "cl_prefix": cluster_prefix, "cl_intents": cluster_two_intents,
}

if __name__ == "__main__":
    main(TRAPS)
