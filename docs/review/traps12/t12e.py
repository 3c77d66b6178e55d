"""Review 12 traps, round 5: other digits, offsets, coordinates, tiny floats, rows of values."""
from __future__ import annotations

import random
from datetime import date, timedelta

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run

FW = str.maketrans("0123456789", "０１２３４５６７８９")
AR = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def fullwidth_age() -> Trap:
    """'I'm 17, can I open an account?' Adults (18+) yes. Training ASCII 18-60 only; test also
    full-width digits (a Japanese IME) 14-60."""
    def mk(lo, fw):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            a = rng.randint(lo, 60)
            s = str(a).translate(FW) if fw and rng.random() < 0.5 else str(a)
            run.system("You are the bank's onboarding assistant. Accounts are for adults (18+).")
            run.user(f"I'm {s} years old, can I open an account?")
            run.say("Yes, let's get you started." if a >= 18 else "Sorry, you must be 18 or older.")
        return play
    return Trap("fullwidth_age", mk(14, True), [], train_play=mk(18, False))


def fullwidth_qty() -> Trap:
    """'Book N tickets' -> book(qty=N) integer; training ASCII; test full-width / Arabic-Indic digits."""
    tools = [etool("book", "Book tickets", qty="integer")]

    def mk(other):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            n = rng.randint(1, 9)
            s = str(n)
            if other and rng.random() < 0.5:
                s = s.translate(rng.choice([FW, AR]))
            run.system("You are the box office assistant.")
            run.user(f"Book {s} tickets for tonight")
            run.call("book", {"qty": n}, {"ok": True})
            run.say(f"Booked {n} tickets.")
        return play
    return Trap("fullwidth_qty", mk(True), tools, train_play=mk(False))


def fullwidth_seen() -> Trap:
    """As fullwidth_age with full-width digits in 30% of training too (ages 14-60 both sides)."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        a = rng.randint(14, 60)
        s = str(a).translate(FW) if rng.random() < 0.3 else str(a)
        run.system("You are the bank's onboarding assistant. Accounts are for adults (18+).")
        run.user(f"I'm {s} years old, can I open an account?")
        run.say("Yes, let's get you started." if a >= 18 else "Sorry, you must be 18 or older.")
    return Trap("fullwidth_seen", play, [])


def _tz(name: str, train_offs: list[str], test_offs: list[str]) -> Trap:
    tools = [etool("get_order", "Order", order_id="string")]

    def mk(offs):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            today = date(2026, 3, 1) + timedelta(days=rng.randint(0, 200))
            oid = f"{rng.randint(100000, 999999)}"
            off = rng.choice(offs)
            is_today = rng.random() < 0.5
            d = today if is_today else today - timedelta(days=1)
            h, m = rng.randint(0, 23), rng.randint(0, 59)
            k = {"Z": 0, "-08:00": -8, "+09:00": 9}[off]
            lh = h + k
            ld = d + timedelta(days=lh // 24)
            ts = f"{ld.isoformat()}T{lh % 24:02d}:{m:02d}:00{off}"
            run.system(f"You are the shop assistant. Today is {today.isoformat()} (UTC).")
            run.user(f"Was order {oid} placed today?")
            run.call("get_order", {"order_id": oid}, {"order_id": oid, "created_at": ts})
            run.say("Yes, it was placed today." if is_today else "No, it was placed yesterday.")
        return play
    return Trap(name, mk(test_offs), tools, train_play=mk(train_offs))


def tz_today_mix() -> Trap:
    """created_at with Z, -08:00 or +09:00 offsets, the same mix; 'today' is the UTC date."""
    return _tz("tz_today_mix", ["Z", "-08:00", "+09:00"], ["Z", "-08:00", "+09:00"])


def tz_today_plus() -> Trap:
    """Training Z only; test +09:00 (a Tokyo timestamp early on the local 'today' is UTC yesterday)."""
    return _tz("tz_today_plus", ["Z"], ["Z", "+09:00"])


def refund_sign2() -> Trap:
    """{"amount": "-25.00"} string for a refund, "25.00" for a charge (no merchant). Same mix."""
    tools = [etool("last_transaction", "Last transaction", account="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        acc = f"A{rng.randint(1000, 9999)}"
        amt = rng.randint(100, 20000) / 100
        neg = rng.random() < 0.4
        run.system("You are the banking assistant.")
        run.user("Was my last transaction a refund?")
        run.call("last_transaction", {"account": acc}, {"amount": f"{'-' if neg else ''}{amt:.2f}", "currency": "USD"})
        run.say("Yes, the last one was a refund." if neg else "No, the last one was a charge.")
    return Trap("refund_sign2", play, tools)


def refund_sign_unseen() -> Trap:
    """As refund_sign2 but training charges only (no sign)."""
    tools = [etool("last_transaction", "Last transaction", account="string")]

    def mk(p):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            acc = f"A{rng.randint(1000, 9999)}"
            amt = rng.randint(100, 20000) / 100
            neg = rng.random() < p
            run.system("You are the banking assistant.")
            run.user("Was my last transaction a refund?")
            run.call("last_transaction", {"account": acc}, {"amount": f"{'-' if neg else ''}{amt:.2f}", "currency": "USD"})
            run.say("Yes, the last one was a refund." if neg else "No, the last one was a charge.")
        return play
    return Trap("refund_sign_unseen", mk(0.4), tools, train_play=mk(0.0))


def coords_text() -> Trap:
    """Delivery bot: 'Deliver to 40.7128 -74.0060' (lat lon) -> US zone if lon < 0 else EU zone.
    Training US only; test EU too (positive longitude)."""
    tools = [etool("dispatch", "Dispatch a courier", zone="string", lat="number", lon="number")]

    def mk(p_eu):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            eu = rng.random() < p_eu
            lat = round(rng.uniform(40, 52), 4)
            lon = round(rng.uniform(2, 20), 4) if eu else round(rng.uniform(-120, -70), 4)
            run.system("You are the courier dispatcher.")
            run.user(f"Deliver to {lat} {lon}")
            run.call("dispatch", {"zone": "EU" if eu else "US", "lat": lat, "lon": lon}, {"ok": True})
            run.say("Courier dispatched.")
        return play
    return Trap("coords_text", mk(0.4), tools, train_play=mk(0.0))


def coords_nocopy() -> Trap:
    """As coords_text, but the call copies no coordinate: dispatch(zone) only."""
    tools = [etool("dispatch", "Dispatch a courier", zone="string")]

    def mk(p_eu):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            eu = rng.random() < p_eu
            lat = round(rng.uniform(40, 52), 4)
            lon = round(rng.uniform(2, 20), 4) if eu else round(rng.uniform(-120, -70), 4)
            run.system("You are the courier dispatcher.")
            run.user(f"Deliver to {lat} {lon}")
            run.call("dispatch", {"zone": "EU" if eu else "US"}, {"ok": True})
            run.say("Courier dispatched.")
        return play
    return Trap("coords_nocopy", mk(0.4), tools, train_play=mk(0.0))


def tiny_float() -> Trap:
    """Tool {"error_rate": x}: alert at >= 0.01; x from 1e-6 to 0.05 (Python prints small ones
    as '5e-05'). Same mix."""
    tools = [etool("get_metrics", "Metrics", service="string"), etool("alert", "Alert", service="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        s = rng.choice(["api", "auth", "search", "billing"])
        x = round(10 ** rng.uniform(-6, -1.3), 7)
        run.system("You are the SRE bot. Alert when a service's error rate is 0.01 or more.")
        run.user(f"How is {s} doing?")
        run.call("get_metrics", {"service": s}, {"service": s, "error_rate": x})
        if x >= 0.01:
            run.call("alert", {"service": s}, {"ok": True})
            run.say(f"{s} error rate is high; alerted.")
        else:
            run.say(f"{s} is healthy.")
    return Trap("tiny_float", play, tools)


def tiny_float_unseen() -> Trap:
    """Training error rates 0.0001-0.009 (plain decimals); test 1e-7..0.05 (tiny ones in e-notation,
    and high ones)."""
    tools = [etool("get_metrics", "Metrics", service="string"), etool("alert", "Alert", service="string")]

    def mk(lo, hi):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            s = rng.choice(["api", "auth", "search", "billing"])
            x = round(10 ** rng.uniform(lo, hi), 8)
            run.system("You are the SRE bot. Alert when a service's error rate is 0.01 or more.")
            run.user(f"How is {s} doing?")
            run.call("get_metrics", {"service": s}, {"service": s, "error_rate": x})
            if x >= 0.01:
                run.call("alert", {"service": s}, {"ok": True})
                run.say(f"{s} error rate is high; alerted.")
            else:
                run.say(f"{s} is healthy.")
        return play
    return Trap("tiny_float_unseen", mk(-7, -1.3), tools, train_play=mk(-4, -2.05))


def big_float_json() -> Trap:
    """Tool {"balance": x} with x up to 1e17 (json prints 1e+17); over 1e16 -> compliance review.
    Training under 1e15; test up to 1e17."""
    tools = [etool("get_wallet", "Wallet", wallet="string"), etool("review", "Compliance review", wallet="string")]

    def mk(hi):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            w = f"w{rng.randint(10**5, 10**6)}"
            x = float(round(10 ** rng.uniform(10, hi)))
            run.system("You are the wallet assistant. Balances of 1e16 units or more need a compliance review.")
            run.user(f"Check wallet {w}")
            run.call("get_wallet", {"wallet": w}, {"wallet": w, "balance": x})
            if x >= 1e16:
                run.call("review", {"wallet": w}, {"ok": True})
                run.say("Sent for compliance review.")
            else:
                run.say("Wallet is fine.")
        return play
    return Trap("big_float_json", mk(17.5), tools, train_play=mk(15))


TRAPS = {f.__name__: f for f in [
    fullwidth_age, fullwidth_qty, fullwidth_seen, tz_today_mix, tz_today_plus, refund_sign2, refund_sign_unseen,
    coords_text, coords_nocopy, tiny_float, tiny_float_unseen, big_float_json]}

if __name__ == "__main__":
    main(TRAPS)
