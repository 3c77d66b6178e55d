"""The base of the adversarial workflows, and the data several families share."""

from __future__ import annotations

from typing import ClassVar, Literal

from evals.workflows.base import Workflow

Family = Literal["A", "B", "C", "D", "E", "F", "G", "control"]


class Adversarial(Workflow):
    """A workflow that sets one trap for induction (see the module docstring)."""

    family: ClassVar[Family]
    # The reviewer's name of the workflow; it seeds the run data (see ``seed_name``).
    reviewer_name: ClassVar[str]
    # None: rote is expected to hold this workflow at zero false hits. Else why it does not (yet).
    known_limit: ClassVar[str | None] = None
    # The rules of ``induction.rules.RULES`` (by name) this trap guards: the false hit it sets
    # is the one they prevent (for a control, the rule it sits next to).
    guards: ClassVar[tuple[str, ...]]

    @property
    def seed_name(self) -> str:
        # Seeded by the reviewer's name: renaming kept the data of the findings.
        return self.reviewer_name


COMPOUND_FIRST = ["Mary Ann", "Jean Luc", "Anna Maria", "Billy Bob", "Sarah Jane", "John Paul"]
NEW_CITIES = ["New York", "New Orleans", "New Haven", "New Bedford", "New Britain", "New Albany"]
OTHER_CITIES = ["Boston", "Chicago", "Denver", "Los Angeles", "San Diego", "Austin", "Seattle", "Miami"]
R6_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
R6_CITIES = ["Dublin", "Paris", "Oslo", "Rome"]
R6_ACC = ["café", "naïve", "résumé", "jalapeño", "crème", "façade", "piñata", "entrée", "über", "señor", "fiancée", "déjà"]
