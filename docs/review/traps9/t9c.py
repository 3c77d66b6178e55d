"""Review 9, third batch: date spans vs copied dates."""
from __future__ import annotations

import random
from datetime import date, timedelta

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps9.t9 import ORDER_TOOLS
from evals.workflows.base import Run, tool


def copied_decline(p_old_train: float, name: str, p_old_test: float = 0.4) -> Trap:
    """Today in the system prompt, purchase date in the order; 30-day window; the decline copies
    both dates (so neither is unread there)."""
    def mk(p_old: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            today = date(2026, 3, 1) + timedelta(days=rng.randint(0, 240))
            oid = f"O{rng.randint(10000, 99999)}"
            age = rng.randint(31, 90) if rng.random() < p_old else rng.randint(1, 30)
            bought = today - timedelta(days=age)
            run.system(f"Today is {today.isoformat()}. Refund orders bought within the last 30 days.")
            run.user(f"Refund order {oid}")
            run.call("get_order", {"order_id": oid}, {"order_id": oid, "bought": bought.isoformat()})
            if age <= 30:
                run.call("refund", {"order_id": oid}, {"ok": True})
                run.say(f"Refunded {oid}.")
            else:
                run.say(f"{oid} was bought on {bought.isoformat()}, more than 30 days before {today.isoformat()}.")
        return play
    return Trap(name, mk(p_old_test), ORDER_TOOLS, train_play=mk(p_old_train))


def copied_refund(p_old_train: float, name: str) -> Trap:
    """As copied_decline, but the refund answer copies both dates and the decline is a call."""
    def mk(p_old: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            today = date(2026, 3, 1) + timedelta(days=rng.randint(0, 240))
            oid = f"O{rng.randint(10000, 99999)}"
            age = rng.randint(31, 90) if rng.random() < p_old else rng.randint(1, 30)
            bought = today - timedelta(days=age)
            run.system(f"Today is {today.isoformat()}. Refund orders bought within the last 30 days; escalate older ones.")
            run.user(f"Refund order {oid}")
            run.call("get_order", {"order_id": oid}, {"order_id": oid, "bought": bought.isoformat()})
            if age <= 30:
                run.say(f"Refund approved: {oid} was bought on {bought.isoformat()}, within 30 days of {today.isoformat()}.")
            else:
                run.call("escalate", {"order_id": oid}, {"ok": True})
                run.say(f"Escalated {oid}.")
        return play
    return Trap(name, mk(0.4), [*ORDER_TOOLS, tool("escalate", "Escalate", order_id="string")], train_play=mk(p_old_train))


def copied_today_only() -> Trap:
    """Training all inside the window; the refund text copies today's date and the purchase date."""
    return copied_refund(0.0, "copied_both_all_inside")


TRAPS = {"copy_decl_nat": lambda: copied_decline(0.3, "copied_decline_natural"),
         "copy_ref_nat": lambda: copied_refund(0.3, "copied_refund_natural"),
         "copy_ref_inside": copied_today_only}

if __name__ == "__main__":
    main(TRAPS)
