"""Review 12 traps, round 9: the request's tools list varies (a tool not offered, a renamed argument)."""
from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run

LOOKUP = etool("get_order", "Look up an order", order_id="string")
REFUND = etool("issue_refund", "Refund an order", order_id="string")
REFUND_V2 = etool("issue_refund", "Refund an order", orderId="string")


def _refund(name: str, p_train: float, p_test: float, renamed: bool = False) -> Trap:
    """'Refund order N'. With the refund tool offered the agent calls it; without it (a read-only
    agent role), the agent escalates in words. ``renamed``: the other tool set offers issue_refund
    with argument orderId (API v2) instead of being absent."""
    def mk(p: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            other = rng.random() < p
            oid = f"{rng.randint(100000, 999999)}"
            if renamed:
                run.workflow.tools = [LOOKUP, REFUND_V2 if other else REFUND]  # type: ignore[misc]
            else:
                run.workflow.tools = [LOOKUP] if other else [LOOKUP, REFUND]  # type: ignore[misc]
            run.system("You are the order support assistant.")
            run.user(f"Please refund order {oid}, it arrived broken")
            if renamed:
                run.call("issue_refund", {"orderId" if other else "order_id": oid}, {"ok": True})
                run.say(f"Refunded order {oid}.")
            elif other:
                run.say(f"I can't issue refunds myself; I've passed order {oid} to a colleague who can.")
            else:
                run.call("issue_refund", {"order_id": oid}, {"ok": True})
                run.say(f"Refunded order {oid}.")
        return play
    return Trap(name, mk(p_test), [LOOKUP, REFUND], train_play=mk(p_train))


def tool_missing_unseen() -> Trap:
    """Training always offers issue_refund; test drops it in 40% of runs."""
    return _refund("tool_missing_unseen", 0.0, 0.4)


def tool_missing_mix() -> Trap:
    """issue_refund missing in 30% of runs, train == test."""
    return _refund("tool_missing_mix", 0.3, 0.3)


def tool_renamed_arg() -> Trap:
    """Training issue_refund(order_id); test 40% issue_refund(orderId) (the API's v2 schema)."""
    return _refund("tool_renamed_arg", 0.0, 0.4, renamed=True)


def tool_enum_changed() -> Trap:
    """set_priority(level) with enum ["low","high"] in training; test 40% enum ["P1","P2","P3"]
    (the model picks "P1" for 'urgent')."""
    E1 = etool("set_priority", "Set priority", ticket="string", level={"type": "string", "enum": ["low", "high"]})
    E2 = etool("set_priority", "Set priority", ticket="string", level={"type": "string", "enum": ["P1", "P2", "P3"]})

    def mk(p: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            v2 = rng.random() < p
            run.workflow.tools = [E2 if v2 else E1]  # type: ignore[misc]
            t = f"T-{rng.randint(1000, 9999)}"
            run.system("You are the helpdesk assistant.")
            run.user(f"Ticket {t} is urgent, bump it up")
            run.call("set_priority", {"ticket": t, "level": "P1" if v2 else "high"}, {"ok": True})
            run.say(f"{t} is now top priority.")
        return play
    return Trap("tool_enum_changed", mk(0.4), [E1], train_play=mk(0.0))


TRAPS = {f.__name__: f for f in [tool_missing_unseen, tool_missing_mix, tool_renamed_arg, tool_enum_changed]}

if __name__ == "__main__":
    main(TRAPS)
