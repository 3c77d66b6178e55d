"""Review 11 traps, round 7."""
from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from docs.review.traps11.t11d import _unread
from evals.workflows.base import Run


def eur_comma_low() -> Trap:
    """"total": "49,90 €" (German format); over 1.000,00 € needs attention; training under only."""
    def g(hi):
        def f(rng):
            c = rng.randint(500, hi)
            e, ct = divmod(c, 100)
            return f"{e:,}".replace(",", ".") + f",{ct:02d} €", c <= 100_000
        return f
    return _unread("eur_comma_low", g(99_000), g(250_000), "total")


def sys_app_version() -> Trap:
    """Client app version in the system prompt ("iOS app 4.2.1"); below 4.0 must update first.
    Training 4.x-5.x only; test 3.x too."""
    tools = [etool("get_order", "Look up an order", order_id="string")]

    def mk(lo: int):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            ma = rng.randint(lo, 5)
            v = f"{ma}.{rng.randint(0, 9)}.{rng.randint(0, 9)}"
            oid = f"{rng.randint(100000, 999999)}"
            run.system(f"You are the in-app assistant. Client: iOS app {v}. Apps older than 4.0 must update before paying.")
            run.user(f"Pay for order {oid}")
            run.call("get_order", {"order_id": oid}, {"order_id": oid, "due": True})
            run.say(f"Opening checkout for order {oid}." if ma >= 4 else "Please update the app before paying.")
        return play
    return Trap("sys_app_version", mk(3), tools, train_play=mk(4))


def cart_sum_threshold() -> Trap:
    """Cart of 1-3 items; free shipping when the sum is 50 or more; no answer copies a price. Same mix."""
    tools = [etool("get_cart", "The cart", session="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        n = rng.randint(1, 3)
        prices = [round(rng.uniform(5, 45), 2) for _ in range(n)]
        sid = f"s{rng.randint(10**5, 10**6)}"
        run.system("You are the checkout assistant. Shipping is free on carts of $50 or more.")
        run.user("Is my shipping free?")
        run.call("get_cart", {"session": sid}, {"items": [{"price": p} for p in prices]})
        run.say("Yes, shipping is free." if sum(prices) >= 50 else "Not yet; shipping is free from $50.")
    return Trap("cart_sum_threshold", play, tools)


def sys_clock_weekday() -> Trap:
    """System prompt 'Now: Tue 16:40'; live chat until 17:00 on weekdays. Same mix."""
    tools = [etool("start_chat", "Start live chat", topic="string"), etool("open_ticket", "Ticket", topic="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        d = rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
        m = rng.randint(8 * 60, 20 * 60)
        ok = d not in ("Sat", "Sun") and 9 * 60 <= m < 17 * 60
        run.system(f"You are the support bot. Now: {d} {m // 60:02d}:{m % 60:02d}. Live chat runs Mon-Fri 09:00-17:00.")
        run.user("Can I talk to someone?")
        if ok:
            run.call("start_chat", {"topic": "general"}, {"ok": True})
            run.say("Connecting you to live chat.")
        else:
            run.call("open_ticket", {"topic": "general"}, {"ok": True})
            run.say("Live chat is closed; I've opened a ticket.")
    return Trap("sys_clock_weekday", play, tools)


TRAPS = {f.__name__: f for f in [eur_comma_low, sys_app_version, cart_sum_threshold, sys_clock_weekday]}

if __name__ == "__main__":
    main(TRAPS)
