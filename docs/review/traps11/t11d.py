"""Review 11 traps, round 4: an unread value in another shape (clock time, unit, currency, version)
decides; training shows one side only (the guarded standard: an unread number is structure)."""
from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run


def _unread(name: str, gen_train: Callable[[random.Random], tuple[Any, bool]],
            gen_test: Callable[[random.Random], tuple[Any, bool]], field: str, where: str = "tool") -> Trap:
    tools = [etool("get_order", "Look up an order", order_id="string")]

    def mk(gen):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            v, yes = gen(rng)
            oid = f"{rng.randint(100000, 999999)}"
            if where == "sys":
                run.system(f"You are the shop assistant. {field}: {v}. Orders placed before 14:00 ship the same day.")
                run.user(f"If I order now, will order {oid} ship today?")
                run.call("get_order", {"order_id": oid}, {"order_id": oid, "status": "draft"})
            elif where == "user":
                run.system("You are the shop assistant.")
                run.user(f"Order {oid} has {field} {v}, is that OK?")
                run.call("get_order", {"order_id": oid}, {"order_id": oid, "status": "processing"})
            else:
                run.system("You are the shop assistant.")
                run.user(f"Check order {oid} please")
                run.call("get_order", {"order_id": oid}, {"order_id": oid, field: v})
            run.say(f"Order {oid}: all good." if yes else f"Order {oid} needs attention.")
        return play
    return Trap(name, mk(gen_test), tools, train_play=mk(gen_train))


def hm(lo: int, hi: int):
    def g(rng: random.Random) -> tuple[str, bool]:
        m = rng.randint(lo, hi)
        return f"{m // 60:02d}:{m % 60:02d}", m < 14 * 60
    return g


def clock_tool_late() -> Trap:
    """placed_at "HH:MM" in the tool result; before 14:00 good. Training 14:00-20:00 only; test 08:00-20:00."""
    return _unread("clock_tool_late", hm(14 * 60, 20 * 60), hm(8 * 60, 20 * 60), "placed_at")


def clock_sys_late() -> Trap:
    """Current time in the system prompt. Training 14:00-20:00; test 08:00-20:00."""
    return _unread("clock_sys_late", hm(14 * 60, 20 * 60), hm(8 * 60, 20 * 60), "Current time", "sys")


def clock_user_late() -> Trap:
    """Control: the time in the user's text."""
    return _unread("clock_user_late", hm(14 * 60, 20 * 60), hm(8 * 60, 20 * 60), "placed at", "user")


def hour_int_late() -> Trap:
    """Control: placed_hour as a JSON int."""
    def g(lo, hi):
        def f(rng):
            h = rng.randint(lo, hi)
            return h, h < 14
        return f
    return _unread("hour_int_late", g(14, 20), g(8, 20), "placed_hour")


def money_string_low() -> Trap:
    """"total": "$1,249.00" (a string); over $1,000 needs attention. Training under $1,000 only."""
    def g(lo, hi):
        def f(rng):
            c = rng.randint(lo, hi)
            return f"${c / 100:,.2f}", c < 100_000
        return f
    return _unread("money_string_low", g(5_000, 99_000), g(5_000, 250_000), "total")


def percent_string_low() -> Trap:
    """"discount": "15%"; over 40% needs attention (a pricing error). Training 5-35% only."""
    def g(lo, hi):
        def f(rng):
            p = rng.randint(lo, hi)
            return f"{p}%", p <= 40
        return f
    return _unread("percent_string_low", g(5, 35), g(5, 80), "discount")


def weight_string_light() -> Trap:
    """"weight": "2.4 kg"; over 20 kg needs freight. Training under 20 kg only."""
    def g(lo, hi):
        def f(rng):
            w = rng.randint(lo, hi) / 10
            return f"{w:g} kg", w <= 20
        return f
    return _unread("weight_string_light", g(5, 195), g(5, 400), "weight")


def duration_string_short() -> Trap:
    """"age": "3h 20m" since the order; over 24h needs attention. Training under 24h only."""
    def g(lo, hi):
        def f(rng):
            m = rng.randint(lo, hi)
            return f"{m // 60}h {m % 60}m", m < 24 * 60
        return f
    return _unread("duration_string_short", g(10, 23 * 60), g(10, 60 * 60), "age")


def version_string_new() -> Trap:
    """"app_version": "2.3.1"; below 2.0.0 needs an update. Training 2.x-3.x only."""
    def g(lo, hi):
        def f(rng):
            ma = rng.randint(lo, hi)
            return f"{ma}.{rng.randint(0, 12)}.{rng.randint(0, 9)}", ma >= 2
        return f
    return _unread("version_string_new", g(2, 3), g(1, 3), "app_version")


def date_string_recent() -> Trap:
    """"card_expires": "MM/YY"; expired before 01/26 (today is in 2026). Training 2027-2030 only."""
    def g(lo, hi):
        def f(rng):
            y = rng.randint(lo, hi)
            return f"{rng.randint(1, 12):02d}/{y % 100:02d}", y >= 2026
        return f
    return _unread("date_string_recent", g(2027, 2030), g(2023, 2030), "card_expires")


def rating_fraction() -> Trap:
    """"rating": "4/5"; 2/5 or less needs attention. Training 3-5 only."""
    def g(lo, hi):
        def f(rng):
            r = rng.randint(lo, hi)
            return f"{r}/5", r >= 3
        return f
    return _unread("rating_fraction", g(3, 5), g(1, 5), "rating")


TRAPS = {f.__name__: f for f in [
    clock_tool_late, clock_sys_late, clock_user_late, hour_int_late, money_string_low, percent_string_low,
    weight_string_light, duration_string_short, version_string_new, date_string_recent, rating_fraction]}

if __name__ == "__main__":
    main(TRAPS)
