"""Review 11 traps, round 5: user-text controls, train==test variants, picks, phone prefixes."""
from __future__ import annotations

import random
from collections.abc import Callable

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from docs.review.traps11.t11d import _unread, hm
from evals.workflows.base import Run


def rating_user_low() -> Trap:
    """'Order X has rating 2/5' in the user's text. Training 3-5 only."""
    def g(lo, hi):
        def f(rng):
            r = rng.randint(lo, hi)
            return f"{r}/5", r >= 3
        return f
    return _unread("rating_user_low", g(3, 5), g(1, 5), "rating", "user")


def version_user_new() -> Trap:
    """'Order X has firmware 2.3.1' in the user's text. Training 2.x-3.x only."""
    def g(lo, hi):
        def f(rng):
            ma = rng.randint(lo, hi)
            return f"{ma}.{rng.randint(0, 12)}.{rng.randint(0, 9)}", ma >= 2
        return f
    return _unread("version_user_new", g(2, 3), g(1, 3), "firmware", "user")


def mmyy_user() -> Trap:
    """'Order X has card expiry 08/27' in the user's text. Training 2027-2030 only."""
    def g(lo, hi):
        def f(rng):
            y = rng.randint(lo, hi)
            return f"{rng.randint(1, 12):02d}/{y % 100:02d}", y >= 2026
        return f
    return _unread("mmyy_user", g(2027, 2030), g(2023, 2030), "card expiry", "user")


def release_tool_new() -> Trap:
    """"release": "2.3.1" (key not id-like). Training 2.x-3.x only."""
    def g(lo, hi):
        def f(rng):
            ma = rng.randint(lo, hi)
            return f"{ma}.{rng.randint(0, 12)}.{rng.randint(0, 9)}", ma >= 2
        return f
    return _unread("release_tool_new", g(2, 3), g(1, 3), "release")


def clock_12h_tool() -> Trap:
    """"placed_at": "1:45 PM". Training 2 PM - 8 PM only."""
    def g(lo, hi):
        def f(rng):
            m = rng.randint(lo, hi)
            h = m // 60
            return f"{(h - 1) % 12 + 1}:{m % 60:02d} {'AM' if h < 12 else 'PM'}", m < 14 * 60
        return f
    return _unread("clock_12h_tool", g(14 * 60, 20 * 60), g(8 * 60, 20 * 60), "placed_at")


def _mix(name: str, gen: Callable, field: str, where: str = "tool") -> Trap:
    return _unread(name, gen, gen, field, where)


def clock_tool_mix() -> Trap:
    """placed_at HH:MM, 08:00-20:00, train == test (about half before 14:00)."""
    return _mix("clock_tool_mix", hm(8 * 60, 20 * 60), "placed_at")


def rating_mix() -> Trap:
    """rating "r/5" with r uniform 1..5 (40% low), train == test."""
    def f(rng):
        r = rng.randint(1, 5)
        return f"{r}/5", r >= 3
    return _mix("rating_mix", f, "rating")


def version_mix() -> Trap:
    """app_version with major 1..3 (a third outdated), train == test."""
    def f(rng):
        ma = rng.randint(1, 3)
        return f"{ma}.{rng.randint(0, 12)}.{rng.randint(0, 9)}", ma >= 2
    return _mix("version_mix", f, "app_version")


def mmyy_mix() -> Trap:
    """card_expires MM/YY 2023-2030, train == test."""
    def f(rng):
        y = rng.randint(2023, 2030)
        return f"{rng.randint(1, 12):02d}/{y % 100:02d}", y >= 2026
    return _mix("mmyy_mix", f, "card_expires")


def phone_prefix() -> Trap:
    """Route a callback to the UK or US desk by the phone's country code (+44 / +1), 30% UK; train == test."""
    tools = [etool("get_customer", "Customer", customer_id="string"), etool("callback", "Schedule a callback", desk="string", phone="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        cid = f"C{rng.randint(10000, 99999)}"
        uk = rng.random() < 0.3
        ph = (f"+44 20 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}" if uk
              else f"+1 {rng.randint(200, 999)} {rng.randint(200, 999)} {rng.randint(1000, 9999)}")
        run.system("You are the support bot. UK numbers (+44) go to the London desk, others to the New York desk.")
        run.user("Please call me back")
        run.call("get_customer", {"customer_id": cid}, {"customer_id": cid, "phone": ph})
        run.call("callback", {"desk": "london" if uk else "new-york", "phone": ph}, {"ok": True})
        run.say("We'll call you back shortly.")
    return Trap("phone_prefix", play, tools)


def pick_ordinal() -> Trap:
    """Three options; the user picks 'the first/second one'; test adds 'third' and 'last'."""
    tools = [etool("search_flights", "Search", dest="string"), etool("book", "Book", flight="string")]
    words = {"first": 0, "second": 1, "third": 2, "last": 2}

    def mk(ws: list[str]):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            d = rng.choice(["Paris", "Rome", "Oslo", "Lisbon"])
            fl = [f"{rng.choice(['AF', 'BA', 'LH'])}{rng.randint(100, 999)}" for _ in range(3)]
            run.system("You are the travel agent.")
            run.user(f"Find me flights to {d} tomorrow")
            run.call("search_flights", {"dest": d}, {"flights": fl})
            run.say(f"Options: {', '.join(fl)}. Which one?")
            w = rng.choice(ws)
            run.user(f"The {w} one please")
            run.call("book", {"flight": fl[words[w]]}, {"ok": True})
            run.say(f"Booked {fl[words[w]]}.")
        return play
    return Trap("pick_ordinal", mk(["first", "second", "third", "last"]), tools, train_play=mk(["first", "second"]))


def pick_last_len() -> Trap:
    """'Book the last one' with 2-4 options; training lists of 3 only."""
    tools = [etool("search_flights", "Search", dest="string"), etool("book", "Book", flight="string")]

    def mk(lens: list[int]):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            d = rng.choice(["Paris", "Rome", "Oslo", "Lisbon"])
            fl = [f"{rng.choice(['AF', 'BA', 'LH'])}{rng.randint(100, 999)}" for _ in range(rng.choice(lens))]
            run.system("You are the travel agent.")
            run.user(f"Find me flights to {d} tomorrow")
            run.call("search_flights", {"dest": d}, {"flights": fl})
            run.say(f"Options: {', '.join(fl)}. Which one?")
            run.user("The last one please")
            run.call("book", {"flight": fl[-1]}, {"ok": True})
            run.say(f"Booked {fl[-1]}.")
        return play
    return Trap("pick_last_len", mk([2, 3, 4]), tools, train_play=mk([3]))


TRAPS = {f.__name__: f for f in [
    rating_user_low, version_user_new, mmyy_user, release_tool_new, clock_12h_tool, clock_tool_mix, rating_mix,
    version_mix, mmyy_mix, phone_prefix, pick_ordinal, pick_last_len]}

if __name__ == "__main__":
    main(TRAPS)
