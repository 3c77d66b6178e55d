"""The rules as a named list: every rule documented, exemplified, golden-tested and counted."""

from __future__ import annotations

import doctest
import importlib
import random
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from evals.builders import stored
from evals.workflows import REGISTRY
from evals.workflows.base import iter_records
from induction.backends import Stages, make_stages
from induction.config import InductionConfig
from induction.identifier import Gap, Skeleton
from induction.induce import induce
from induction.rules import RULE, RULES, Rule, tag

HERE = Path(__file__).parent
RUNTIME = Path(importlib.import_module("induction.runtime").__file__ or "").parent

# Fixture runs that between them exercise every rule (5 runs each, seed 0).
WORKFLOWS = ("hello", "crm_email", "form_fill", "order_branch", "tictactoe", "haiku", "city_weather",
             "support_ticket", "incident_triage", "split_bill_rounding", "afford_budget", "star_rating",
             "stock_copied_decides", "thumbs_skin_tone", "parallel_results_order")


def test_names_are_unique_and_modules_match() -> None:
    assert len(RULE) == len(RULES)
    for rule in RULES:
        assert rule.module == "induction.rules." + rule.name.replace("-", "_")
        assert tag(rule.name) == f"[rule: {rule.name}]"
    with pytest.raises(KeyError):
        tag("no-such-rule")


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule_is_documented_with_an_example(rule: Rule) -> None:
    module = importlib.import_module(rule.module)
    doc = module.__doc__ or ""
    assert doc.startswith(f"{rule.name}: "), "the docstring opens with the rule's name"
    assert "False hit prevented" in doc or "false hit" in doc.lower()
    assert ">>>" in doc, "a runnable example"
    assert re.search(r"``[a-z0-9_]+``", doc), "names the workflows (or stages) it guards"
    failed, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert tried and not failed


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule_has_golden_pairs(rule: Rule) -> None:
    name = rule.module.rsplit(".", 1)[1]
    assert (HERE / f"test_{name}.py").exists()
    golden = importlib.import_module(f"tests.induction.rules.test_{name}").GOLDEN
    assert len(golden) >= 3 and all(len(pair) == 2 for pair in golden)


@pytest.mark.parametrize("rule", [r for r in RULES if r.runtime_check], ids=lambda r: r.name)
def test_runtime_check_exists_in_the_runtime(rule: Rule) -> None:
    assert rule.runtime_check is not None
    module, _, attr = rule.runtime_check.rpartition(".")
    assert module.startswith("induction.runtime.")
    assert callable(getattr(importlib.import_module(module), attr))


def test_the_runtime_never_imports_the_rules() -> None:
    # The proxy loads only the runtime; a rule names its runtime check, not the other way round.
    for path in RUNTIME.glob("*.py"):
        assert "induction.rules" not in path.read_text(), path


class _SaysAllDecide:
    """A StructureJudge that says every value it is asked about decides the answer."""

    def deciding(self, sk: Skeleton, gaps: Sequence[Gap], answers: Sequence[str | None]) -> dict[int, str]:
        return {g.gid: "scripted" for g in gaps}


@pytest.fixture(scope="module")
def fixture_stats() -> Counter[str]:
    stats: Counter[str] = Counter()
    for name in WORKFLOWS:
        records = stored(list(iter_records(REGISTRY[name].runs(seed=0, n=5))))
        result = induce(records)
        stats.update(result.stats)
        stats.update(k for k in result.stats)  # a counter that stayed 0 still shows up
        if name == "hello":
            # The verification pass: every merged cluster kept apart.
            again = induce(records, keep_apart=result.cluster_keys.values())
            stats.update(again.stats)
    with make_stages(InductionConfig()) as heuristic:
        judged = Stages(heuristic.deriver, heuristic.namer, heuristic.span_identifier, judge=_SaysAllDecide())
        stats.update(induce(stored(list(iter_records(REGISTRY["hello"].runs(seed=0, n=5)))), stages=judged).stats)
    # Boards of two-letter cells: re-aligned or read back since slots split without the
    # characters they refuse; a reminder list of one or two items aligns into adjacent
    # free-text slots no template reads back.
    stats.update(induce(stored(_boards([1, 3, 0, 1, 0]))).stats)
    stats.update(induce(stored(list(iter_records(REGISTRY["one_or_two_reminders"].runs(seed=0, n=5))))).stats)
    # Log excerpts aligned word by word inside a JSON result that no template reads back are
    # aligned again as whole strings (``json_realigned``).
    stats.update(induce(stored(list(iter_records(REGISTRY["incident_triage"].runs(seed=1, n=8))))).stats)
    return stats


def _boards(moves: list[int]) -> list[dict[str, Any]]:
    from evals.workflows.base import Run
    from evals.workflows.catalog import Hello

    records = []
    for x in moves:
        board = [" "] * 9
        board[x] = "Xx"
        rows = "\n".join("|".join(board[r * 3:r * 3 + 3]) for r in range(3))
        run = Run(Hello(), random.Random(x))
        run.system("You play O.").user(f"Board:\n{rows}\nX played {x}. Your move.").say("4")
        records += run.records
    return records


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule_counters_show_up_in_the_run_report(rule: Rule, fixture_stats: Counter[str]) -> None:
    assert rule.counters
    for counter in rule.counters:
        assert counter in fixture_stats, f"{rule.name}: {counter} never counted on the fixture runs"


def test_every_verdict_note_names_its_rule() -> None:
    seen: set[str] = set()
    for name in ("order_branch", "tictactoe", "haiku", "city_weather", "afford_budget", "thumbs_skin_tone"):
        result = induce(stored(list(iter_records(REGISTRY[name].runs(seed=0, n=5)))))
        for node in result.nodes:
            notes: list[Any] = result.notes.get(node.id, [])
            if node.status != "live":
                assert any("[rule: " in n for n in notes), (name, node.status, notes)
            for n in notes:
                seen.update(re.findall(r"\[rule: ([a-z-]+)\]", n))
    assert seen <= set(RULE)
    assert {"enum-values", "marks", "unused-prose", "thin-air", "min-runs"} <= seen
