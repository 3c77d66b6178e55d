"""The records of one induction run: store nodes, members, a cluster on its way to a template
node (``Work``) and what a split hands down to its parts (``Context``), and the result.

>>> ctx = Context().split("kept apart by status")
>>> ctx.split("kept apart by answer", keep=True).split_note, ctx.split("kept apart by n").bind().bound
('kept apart by status; then kept apart by answer', True)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from induction.identifier import Skeleton
from induction.induce.strata import Strata
from induction.runtime.nodes import Derivation, ResponseTemplate, Status, TemplateNode
from induction.runtime.template import MessageTemplate
from induction.store import StoredRecord


@dataclass(slots=True)
class StoreNode:
    id: str
    parent: str | None
    msg: dict[str, Any]
    children: list[str] = field(default_factory=list)
    answers: list[StoredRecord] = field(default_factory=list)
    runs: int = 0  # final calls of runs passing through (distinct-run evidence)
    declared: dict[str, Any] = field(default_factory=dict)  # user-declared bindings of records through it


@dataclass(slots=True)
class Member:
    node: str
    scope: dict[str, Any]
    user_bound: frozenset[str] = frozenset()
    # Variables in scope kept as closed slots (``closed-values``), here or above.
    closed: frozenset[str] = frozenset()
    # Variables in scope holding a block of lines (``line-blocks``), here or above.
    blocks: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Context:
    """What a split hands down to the nodes of its parts (and theirs): why the cluster was
    split, what evidence said of its values, and whether its answers may depend on the values
    above them (``context-bound``)."""

    split_note: str | None = None
    evidence_note: str | None = None
    bound: bool = False
    # Gaps (where, label) the wider cluster held for data when it was split by other values:
    # a part's fewer values (all letters in two runs, where five had digits) are less evidence,
    # not evidence of structure.
    data: frozenset[tuple[str, str]] = frozenset()
    # The split cluster's skeleton and its values' evidence inside the parts (``strata``).
    strata: Strata | None = None

    def split(self, note: str, *, keep: bool = False) -> Context:
        """With ``note`` as why the cluster was split (``keep``: after what a split above said,
        so a part split again for another reason names both, outermost first)."""
        if keep and self.split_note is not None:
            return self if note in self.split_note else replace(self, split_note=f"{self.split_note}; then {note}")
        return replace(self, split_note=note)

    def evidence(self, note: str) -> Context:
        return replace(self, evidence_note=note)

    def bind(self) -> Context:
        return replace(self, bound=True)

    def with_data(self, labels: Iterable[tuple[str, str]]) -> Context:
        return replace(self, data=self.data | frozenset(labels))

    def with_strata(self, strata: Strata | None) -> Context:
        return replace(self, strata=strata)


NO_CONTEXT = Context()


class Parts(list[list[tuple[str, "Member"]]]):
    """The parts a step split a cluster into, each made a node (or split again) with ``ctx``."""

    def __init__(self, parts: Iterable[list[tuple[str, Member]]], ctx: Context) -> None:
        super().__init__(parts)
        self.ctx = ctx


@dataclass(slots=True)
class Named:
    """A message skeleton with every gap named: its template, derivations, the members' scopes
    with the new variables, those variables (with the text before each) and each gap's name."""

    template: MessageTemplate
    derivations: list[Derivation]
    scopes: list[dict[str, Any]]
    new_vars: dict[str, str]
    slots: dict[int, str]


@dataclass(slots=True)
class Work:
    """One cluster on its way to a template node, as the steps of ``Inducer._make`` leave it."""

    parent_tid: str | None
    ns: str
    cluster: list[tuple[str, Member]]
    ctx: Context
    msgs: list[dict[str, Any]]
    sk: Skeleton
    forced: dict[int, str]
    scopes: list[dict[str, Any]]
    # Set by ``_split_structure``: gaps kept as closed slots (``closed-values``).
    closed: set[int] = field(default_factory=set)
    # Set by ``_name``:
    named: Named | None = None
    trusted: frozenset[str] = frozenset()
    members: list[Member] = field(default_factory=list)
    ckey: str = ""
    # Set by ``_answer``:
    # Unread numbers and the parts they split the cluster into, if no value decides (``_branch``).
    deferred: tuple[list[str], list[list[tuple[str, Member]]]] | None = None
    # The answers differ in kind, each kind going on alike, and the numbers read here were noise.
    chosen: bool = False
    response: ResponseTemplate | None = None
    status: Status = "staged"
    why: str = ""


@dataclass
class InductionResult:
    nodes: list[TemplateNode]
    notes: dict[str, list[str]]  # template node id -> why it is what it is
    stats: Counter[str]
    stage_counters: dict[str, int | float] = field(default_factory=dict)  # llm_* calls, tokens, cost
    cluster_keys: dict[str, str] = field(default_factory=dict)  # template node id -> its cluster (keep_apart)
