"""Adversarial workflows, family F: request settings (``stop``, ``max_tokens``) that change the answer.

Each names the rules it guards (``guards``: names in ``induction.rules.RULES``).
"""

from __future__ import annotations

import random

from faker import Faker

from evals.workflows.adversarial.base import (
    Adversarial,
)
from evals.workflows.base import Run

# --- F: request settings ----------------------------------------------------------------------


class MaxTokensCut(Adversarial):
    """One client in five sends ``max_tokens: 4``: the model's answer is cut (``finish_reason: length``).

    Trap: a cache keyed on the messages alone serves the full answer to the capped request
    or the cut one to the uncapped.
    """

    name = "max_tokens_cut"
    reviewer_name = "h_maxtok"
    family = "F"
    guards = ("request-settings",)
    description = "max_tokens cuts the answer short: the setting is part of the request."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        name = fake.first_name()
        run.system("You greet people politely.").user(f"Say hello to {name}.")
        if rng.random() < 0.2:
            run._respond({"role": "assistant", "content": f"Hello, {name}!", "refusal": None}, "length")
            run.records[-1]["request"]["max_tokens"] = 4
        else:
            run.say(f"Hello, {name}! How are you today?")


class StopSequence(Adversarial):
    """One client in five sends ``stop: ["!"]``: the model's answer ends before the first "!".

    Trap: as ``max_tokens_cut``, with a stop sequence.
    """

    name = "stop_sequence"
    reviewer_name = "h_stop"
    family = "F"
    guards = ("request-settings",)
    description = "A stop sequence cuts the answer short: the setting is part of the request."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        name = fake.first_name()
        run.system("You greet people politely.").user(f"Say hello to {name}.")
        if rng.random() < 0.2:
            run.say(f"Hello, {name}")
            run.records[-1]["request"]["stop"] = ["!"]
        else:
            run.say(f"Hello, {name}! How are you today?")
