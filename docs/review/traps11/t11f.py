"""Review 11 traps, round 6: more value shapes in tool results (train on one side only)."""
from __future__ import annotations

import random

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11d import _unread


def _g(fmt, ok, lo, hi, scale=1):
    def f(rng: random.Random):
        v = rng.randint(lo, hi) / scale
        return fmt(v), ok(v)
    return f


def balance_neg_money() -> Trap:
    """"balance": "-$45.20" when overdrawn; training positive only."""
    def fmt(v):
        return f"-${-v:,.2f}" if v < 0 else f"${v:,.2f}"
    return _unread("balance_neg_money", _g(fmt, lambda v: v >= 0, 0, 50000, 100), _g(fmt, lambda v: v >= 0, -20000, 50000, 100), "balance")


def balance_paren() -> Trap:
    """Accounting format "($45.20)" when overdrawn; training positive only."""
    def fmt(v):
        return f"(${-v:,.2f})" if v < 0 else f"${v:,.2f}"
    return _unread("balance_paren", _g(fmt, lambda v: v >= 0, 0, 50000, 100), _g(fmt, lambda v: v >= 0, -20000, 50000, 100), "balance")


def stock_text() -> Trap:
    """"stock": "12 left"; under 5 needs attention; training 5+ only."""
    def fmt(v):
        return f"{int(v)} left"
    return _unread("stock_text", _g(fmt, lambda v: v >= 5, 5, 40), _g(fmt, lambda v: v >= 5, 0, 40), "stock")


def eta_range() -> Trap:
    """"eta": "3-5 days"; a range starting past 7 days needs attention; training short only."""
    def fmt(v):
        return f"{int(v)}-{int(v) + 2} days"
    return _unread("eta_range", _g(fmt, lambda v: v <= 7, 1, 7), _g(fmt, lambda v: v <= 7, 1, 20), "eta")


def size_nospace() -> Trap:
    """"attachment": "1.2GB"; over 2 GB needs attention; training under only."""
    def fmt(v):
        return f"{v:g}GB"
    return _unread("size_nospace", _g(fmt, lambda v: v <= 2, 1, 20, 10), _g(fmt, lambda v: v <= 2, 1, 60, 10), "attachment")


def temp_degree() -> Trap:
    """"temp": "38.5°C" of a shipped cold-chain parcel; over 8°C needs attention; training 2-8 only."""
    def fmt(v):
        return f"{v:g}°C"
    return _unread("temp_degree", _g(fmt, lambda v: v <= 8, 20, 80, 10), _g(fmt, lambda v: v <= 8, 20, 160, 10), "temp")


def ip_internal() -> Trap:
    """"login_ip": "10.x.y.z" internal is fine, a public IP needs attention; training internal only."""
    def g(pub_p):
        def f(rng):
            if rng.random() < pub_p:
                return f"{rng.choice([34, 52, 81, 185, 203])}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}", False
            return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}", True
        return f
    return _unread("ip_internal", g(0.0), g(0.4), "login_ip")


def score_100() -> Trap:
    """"qa_score": "87/100"; under 60 needs attention; training 60+ only."""
    def fmt(v):
        return f"{int(v)}/100"
    return _unread("score_100", _g(fmt, lambda v: v >= 60, 60, 100), _g(fmt, lambda v: v >= 60, 20, 100), "qa_score")


TRAPS = {f.__name__: f for f in [balance_neg_money, balance_paren, stock_text, eta_range, size_nospace, temp_degree,
                                 ip_internal, score_100]}

if __name__ == "__main__":
    main(TRAPS)
