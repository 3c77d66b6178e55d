"""Review 13 traps, round 1: a number read where the model chose a call or a reply
(``Answerer.branches_alike``), deciding a later answer below the choice."""
from __future__ import annotations

import random
from typing import Any

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run


def _refund(name: str, lo_tr: float, hi_tr: float, lo: float, hi: float, same: bool, queue: bool = False) -> Trap:
    """'Refund order #N, it cost $x': up to $50 the agent calls refund; over it open_case. After
    open_case, the reply names the approver: a team lead under $500, the finance director from $500."""
    tools = [etool("refund", "Refund", order="string"), etool("open_case", "Open a case", order="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            oid = f"{rng.randint(10000, 99999)}"
            x = round(rng.uniform(lo_tr, hi_tr) if training else rng.uniform(lo, hi), 2)
            run.system("You are the refunds assistant. Refund orders up to $50 at once; open a case for more. "
                       "Cases under $500 go to a team lead, from $500 to the finance director.")
            run.user(f"Please refund order #{oid}, it cost ${x:.2f}.")
            if x <= 50:
                run.call("refund", {"order": oid}, {"ok": True})
                run.say("Your refund is on its way.")
            else:
                res: dict[str, Any] = {"case": f"C-{rng.randint(1000, 9999)}"}
                if queue:
                    res["queue"] = rng.choice(["EU", "US", "APAC"])
                run.call("open_case", {"order": oid}, res)
                if x < 500:
                    run.say("I've opened a case; a team lead will review it within 2 days.")
                else:
                    run.say("I've opened a case; the finance director must approve it, allow 5 days.")
        return play
    return Trap(name, mk(False), tools, train_play=None if same else mk(True))


def choice_later_tier() -> Trap:
    return _refund("choice_later_tier", 5, 1000, 5, 1000, True)


def choice_later_tier_q() -> Trap:
    return _refund("choice_later_tier_q", 5, 1000, 5, 1000, True, queue=True)


def choice_later_tier_unseen() -> Trap:
    return _refund("choice_later_tier_unseen", 5, 450, 5, 1000, False)


def choice_later_tier_unseen_q() -> Trap:
    return _refund("choice_later_tier_unseen_q", 5, 450, 5, 1000, False, queue=True)


def _transfer(name: str, same: bool) -> Trap:
    """User asks to move $x to savings; get_balance -> {"balance": b}. x > b: a reply (insufficient);
    else transfer, then 'Done' or, when b - x < 200, 'Done. Your checking balance is now low.'
    Training (≠): the remainder is always 200 or more when a transfer goes through."""
    tools = [etool("get_balance", "Balance", account="string"), etool("transfer", "Transfer", account="string", amount="number")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            acct = f"CHK-{rng.randint(100, 999)}"
            x = rng.randint(50, 2000)
            if training and not same:
                b = rng.choice([rng.randint(20, x - 1) if x > 20 else 10, x + rng.randint(200, 3000)])
            else:
                b = rng.randint(20, 4000)
            run.system("You are the banking assistant. Warn the customer when a transfer leaves less than $200 in checking.")
            run.user(f"Move ${x} from {acct} to savings.")
            run.call("get_balance", {"account": acct}, {"balance": b})
            if x > b:
                run.say("Sorry, there isn't enough in checking for that transfer.")
            else:
                run.call("transfer", {"account": acct, "amount": x}, {"ok": True})
                run.say("Done. Your checking balance is now low." if b - x < 200 else "Done.")
        return play
    return Trap(name, mk(False), tools, train_play=None if same else mk(True))


def choice_remainder() -> Trap:
    return _transfer("choice_remainder", True)


def choice_remainder_unseen() -> Trap:
    return _transfer("choice_remainder_unseen", False)


def _ship(name: str, same: bool, rare: float = 0.1) -> Trap:
    """get_parcel -> {"weight_kg": w, "value": v}. w > 30: freight (a call); else a label (a call);
    value over 1000 (rare): a reply asking for a customs form. Below the label: 'insured' when v > 500."""
    tools = [etool("get_parcel", "Parcel", id="string"), etool("book_freight", "Freight", id="string"),
             etool("print_label", "Label", id="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            pid = f"P{rng.randint(10000, 99999)}"
            w = rng.randint(1, 60)
            v = rng.randint(1001, 3000) if rng.random() < rare else rng.randint(20, 480 if (training and not same) else 1000)
            run.system("You are the shipping assistant. Over 30 kg ships as freight; declared values over $1000 need a "
                       "customs form first; parcels over $500 are insured automatically.")
            run.user(f"Ship parcel {pid}")
            run.call("get_parcel", {"id": pid}, {"weight_kg": w, "value": v})
            if v > 1000:
                run.say("This parcel needs a customs form before it can ship.")
            elif w > 30:
                run.call("book_freight", {"id": pid}, {"ok": True})
                run.say("Booked as freight.")
            else:
                run.call("print_label", {"id": pid}, {"ok": True})
                run.say("Label printed; the parcel is insured." if v > 500 else "Label printed.")
        return play
    return Trap(name, mk(False), tools, train_play=None if same else mk(True))


def choice_three_kinds() -> Trap:
    return _ship("choice_three_kinds", True)


def choice_three_kinds_unseen() -> Trap:
    return _ship("choice_three_kinds_unseen", False)


TRAPS = {f.__name__: f for f in [
    choice_later_tier, choice_later_tier_q, choice_later_tier_unseen, choice_later_tier_unseen_q,
    choice_remainder, choice_remainder_unseen, choice_three_kinds, choice_three_kinds_unseen]}

if __name__ == "__main__":
    main(TRAPS)
