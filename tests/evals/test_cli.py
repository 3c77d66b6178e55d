from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from rote.cli import app


def test_eval_command_writes_the_report_and_exits_on_thresholds(tmp_path: Path) -> None:
    suite = tmp_path / "tiny.yaml"
    suite.write_text("workflows: [hello, haiku]\ntrain_runs: 2\ntest_runs: 2\nlearning_curve: [1]\n"
                     "baselines: [exact]\nthresholds: {max_false_hits: 0, beat_exact: false}\n")
    result = CliRunner().invoke(app, ["eval", str(suite), "--report", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert "rote eval 'tiny'" in result.output
    assert (tmp_path / "out" / "report.md").exists()

    strict = tmp_path / "strict.yaml"
    strict.write_text("workflows: [haiku]\ntrain_runs: 1\ntest_runs: 1\nlearning_curve: []\nbaselines: []\n"
                      "thresholds: {min_cacheable_hit_rate: 1.0, beat_exact: false}\n")
    result = CliRunner().invoke(app, ["eval", str(strict), "-q"])
    assert result.exit_code == 0  # no cacheable calls: nothing to hold the floor against


def test_unknown_suite_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["eval", "no-such-suite"])
    assert result.exit_code == 2
    assert "known suites" in result.output
