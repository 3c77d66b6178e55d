"""Review 13 traps, round 8: a word read where the model chose, deciding a later answer, its other value
seen only in the other branch."""
from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run


def _acct(name: str, same: bool) -> Trap:
    """get_account -> {"status": active|frozen, "balance": b}: b < 0 a reply (pay first); else call renew, then
    'Renewed.' (active) or 'Renewed, but your account is frozen: please contact support.' (frozen).
    ≠: in training a frozen account always owes money (the renew branch saw only 'active')."""
    tools = [etool("get_account", "Account", user="string"), etool("renew", "Renew", user="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            u = fake.user_name()
            status = rng.choice(["active", "frozen"])
            b = round(rng.uniform(-300, -5) if (training and not same and status == "frozen") else rng.uniform(-300, 500), 2)
            run.system("You are the subscriptions assistant. Renew when the balance is not negative; frozen accounts "
                       "must also contact support.")
            run.user("Please renew my plan.")
            run.call("get_account", {"user": u}, {"status": status, "balance": b})
            if b < 0:
                run.say("Please settle your balance first.")
                return
            run.call("renew", {"user": u}, {"ok": True})
            run.say("Renewed." if status == "active" else "Renewed, but your account is frozen: please contact support.")
        return play
    return Trap(name, mk(False), tools, train_play=None if same else mk(True))


def choice_word_other_branch() -> Trap:
    return _acct("choice_word_other_branch", False)


def choice_word_mix() -> Trap:
    return _acct("choice_word_mix", True)


def _plan(name: str) -> Trap:
    """As choice_word_other_branch with three plan words; training's renew branch never saw 'trial'
    (a trial always owed money), test any."""
    tools = [etool("get_account", "Account", user="string"), etool("renew", "Renew", user="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            u = fake.user_name()
            plan = rng.choice(["basic", "pro", "trial"])
            b = round(rng.uniform(-300, -5) if (training and plan == "trial") else rng.uniform(-300, 500), 2)
            run.system("You are the subscriptions assistant. Renew when the balance is not negative; trials convert "
                       "to basic on renewal.")
            run.user("Please renew my plan.")
            run.call("get_account", {"user": u}, {"plan": plan, "balance": b})
            if b < 0:
                run.say("Please settle your balance first.")
                return
            run.call("renew", {"user": u}, {"ok": True})
            run.say("Renewed; your trial is now a basic plan." if plan == "trial" else "Renewed.")
        return play
    return Trap(name, mk(False), tools, train_play=mk(True))


def choice_word_three() -> Trap:
    return _plan("choice_word_three")


TRAPS = {f.__name__: f for f in [choice_word_other_branch, choice_word_mix, choice_word_three]}

if __name__ == "__main__":
    main(TRAPS)
