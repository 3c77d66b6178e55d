"""Adversarial workflows, family G: the tool-call protocol (parallel tool results in completion order, tied by
``tool_call_id``).

Each names the rules it guards (``guards``: names in ``induction.rules.RULES``).
"""

from __future__ import annotations

import random
from typing import Any, ClassVar

from faker import Faker

from evals.workflows.adversarial.base import (
    Adversarial,
)
from evals.workflows.base import Run, tool

# --- G: tool-call protocol --------------------------------------------------------------------


class ParallelResultsOrder(Adversarial):
    """Two weather calls in parallel; one run in five the results come back in the other order
    (completion order: each result is tied to its call by ``tool_call_id``, not by position).

    Trap: the temperatures bound by the results' positions are swapped in the answer. Fixed
    where training saw results in call order (the runtime misses results out of call order:
    the reviewer's finding, pinned in ``tests/evals/test_adversarial.py``); a known limit
    where every training run had them out of order (seeds 405/406, 2 runs): the template
    binds the positions swapped and answers in-order results with the values exchanged.
    """

    name = "parallel_results_order"
    reviewer_name = "a_parallel"
    family = "G"
    guards = ("results-order",)
    description = "Parallel tool results out of call order: tool_call_id, not position, says which is which."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_temp", "Temperature of a city", city="string")]
    CITIES = ("Paris", "London", "Berlin", "Madrid", "Rome", "Vienna", "Oslo", "Prague", "Lisbon", "Dublin")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        a, b = rng.sample(self.CITIES, 2)
        ta, tb = rng.randint(5, 35), rng.randint(5, 35)
        while tb == ta:
            tb = rng.randint(5, 35)
        run.system("You compare the weather of two cities.")
        run.user(f"Compare the temperature in {a} and {b}.")
        order = [1, 0] if rng.random() < 0.2 else [0, 1]
        run.call_many([("get_temp", {"city": a}), ("get_temp", {"city": b})], [f"{ta} C", f"{tb} C"], order)
        run.say(f"It is {ta} C in {a} and {tb} C in {b}.")
