"""Each adversarial workflow names the rules it guards, and the rules name their workflows back."""

from __future__ import annotations

import importlib
import re

import pytest

import evals.workflows.adversarial as adversarial
from evals.workflows import ADVERSARIAL
from induction.rules import RULE, RULES, Rule

# Family A has three modules: tool results' structure and escapes, a value's parts, numbers a prompt names.
FAMILY_MODULES = {"A": ("a_tool_results", "a_value_parts", "a_named_numbers"), "B": ("b_user_text",),
                  "C": ("c_rival_expressions",), "D": ("d_equal_values",), "E": ("e_meaning",), "F": ("f_request_settings",),
                  "G": ("g_tool_protocol",), "control": ("control",)}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_workflow_guards_named_rules(name: str) -> None:
    wf = ADVERSARIAL[name]
    assert wf.guards and len(set(wf.guards)) == len(wf.guards)
    assert set(wf.guards) <= set(RULE), set(wf.guards) - set(RULE)
    # The family's modules, every class importable from the package as before.
    assert type(wf).__module__ in {f"evals.workflows.adversarial.{m}" for m in FAMILY_MODULES[wf.family]}
    assert getattr(adversarial, type(wf).__name__) is type(wf)


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_workflows_a_rule_names_guard_it(rule: Rule) -> None:
    doc = importlib.import_module(rule.module).__doc__ or ""
    named = [n for n in re.findall(r"``([a-z0-9_]+)``", doc) if n in ADVERSARIAL]
    assert [n for n in named if rule.name not in ADVERSARIAL[n].guards] == []


def test_every_family_rule_is_guarded() -> None:
    guarded = {g for wf in ADVERSARIAL.values() for g in wf.guards}
    # verify-apart sits behind every workflow; no trap is its alone. (min-runs has one since the
    # twelfth session: words beside a call, worded alike in two runs by chance.)
    assert set(RULE) - guarded == {"verify-apart"}
