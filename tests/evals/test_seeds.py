"""``rote eval --seeds N``: the same suite over several seed pairs."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from evals.seeds import STRIDE, run_seeds, seed_pairs
from evals.suite import Seeds, Suite
from rote.cli import app

TINY = ("workflows: [hello, order_branch, haiku]\ntrain_runs: 3\ntest_runs: 3\nlearning_curve: [1, 2]\n"
        "baselines: [exact]\nthresholds: {max_false_hits: 0, beat_exact: false}\n")


def test_each_seed_pair_draws_new_runs_and_nothing_is_false() -> None:
    suite = Suite.model_validate({"name": "tiny", "workflows": ["hello", "order_branch", "haiku"], "train_runs": 3,
                                  "test_runs": 3, "baselines": ["exact"], "learning_curve": [1, 2]})
    report = run_seeds(suite, 3)
    assert report.ok
    pairs = sorted(set(zip(report.per_seed["seed_train"], report.per_seed["seed_test"], strict=True)))
    assert pairs == [(1 + STRIDE * i, 2 + STRIDE * i) for i in range(3)]
    assert set(report.per_seed["system"]) == {"rote", "exact"}
    assert len(report.per_workflow) == 3 * 2 * 3  # seed pairs x systems x workflows
    spread = report.spread().set_index("system")
    assert spread.at["rote", "false_hits total"] == 0
    assert spread.at["rote", "hit_rate min"] <= spread.at["rote", "hit_rate median"] <= spread.at["rote", "hit_rate max"]
    wf = report.workflow_spread().set_index("workflow")
    assert wf.at["hello", "min"] == 1.0 and not wf.at["haiku", "cacheable"]
    assert "over 3 seed pairs" in report.markdown()


def test_the_learning_curve_over_seed_pairs() -> None:
    suite = Suite.model_validate({"name": "tiny", "workflows": ["hello", "order_branch"], "train_runs": 3,
                                  "test_runs": 3, "baselines": [], "learning_curve": [1, 2]})
    report = run_seeds(suite, 2, curve=True)
    assert report.ok and report.curve is not None
    curve = report.curve_spread()
    assert curve["train_runs"].tolist() == [1, 2, 3] and (curve["seeds"] == 2).all()
    assert curve["false_hits total"].sum() == 0 and (curve["false hits in"] == "").all()
    assert "## rote by training runs" in report.markdown()
    assert run_seeds(suite, 1).curve_spread().empty  # the main point alone without ``curve``


def test_no_seed_is_used_twice_across_pairs() -> None:
    for train, test in ((1, 2), (0, 101), (5, 5 + 3 * STRIDE), (900, 3)):
        pairs = seed_pairs(Seeds(train=train, test=test), 6)
        used = [p.train for p in pairs] + [p.test for p in pairs]
        assert len(set(used)) == len(used), (train, test)


def test_train_and_test_seeds_must_differ() -> None:
    with pytest.raises(ValidationError, match="test runs would be training runs"):
        Seeds(train=4, test=4)


def test_zero_seeds_is_an_error() -> None:
    with pytest.raises(ValueError):
        run_seeds("small", 0)


def test_cli_seeds_writes_the_spread(tmp_path: Path) -> None:
    suite = tmp_path / "tiny.yaml"
    suite.write_text(TINY)
    result = CliRunner().invoke(app, ["eval", str(suite), "--seeds", "2", "--report", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert "over seed pairs" in result.output
    assert {p.name for p in (tmp_path / "out").iterdir()} == {"seeds.md", "seeds.csv", "seeds_per_workflow.csv"}
    assert CliRunner().invoke(app, ["eval", str(suite), "--seeds", "2", "--http", "-q"]).exit_code == 2
    assert CliRunner().invoke(app, ["eval", str(suite), "--curve", "-q"]).exit_code == 2  # --curve needs --seeds
    curve = CliRunner().invoke(app, ["eval", str(suite), "--seeds", "2", "--curve", "--report", str(tmp_path / "c"), "-q"])
    assert curve.exit_code == 0, curve.output
    assert "by training runs" in curve.output and (tmp_path / "c" / "seeds_curve.csv").exists()
