from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from pydantic import ValidationError

from evals.metrics import summarize
from evals.suite import Suite, available_suites, load_suite


def test_shipped_suites_load() -> None:
    assert {"default", "small"} <= set(available_suites())
    default = load_suite("default")
    assert len(default.workflows) >= 8 and default.train_runs == 5
    assert default.curve_points() == [1, 2, 3, 5, 8]
    assert default.thresholds.max_false_hits == 0


def test_suite_by_path_and_errors(tmp_path: Path) -> None:
    p = tmp_path / "mine.yaml"
    p.write_text("workflows: [hello]\ntrain_runs: 4\nlearning_curve: [1]\n")
    s = load_suite(p)
    assert (s.name, s.curve_points()) == ("mine", [1, 4])
    with pytest.raises(FileNotFoundError, match="known suites"):
        load_suite("no-such-suite")
    with pytest.raises(ValidationError, match="unknown workflows"):
        Suite(name="x", workflows=["nope"])
    with pytest.raises(ValidationError):
        Suite.model_validate({"name": "x", "typo_field": 1})


def _row(system: str, workflow: str, *, hit: bool, correct: bool, cacheable: bool = True,
         seen: bool = False, path_runs: int | None = 5) -> dict[str, object]:
    return {"system": system, "train_runs": 1, "workflow": workflow, "cacheable": cacheable, "hit": hit,
            "correct": correct, "false_hit": hit and not correct, "seen": seen, "latency_us": 100.0,
            "prompt_tokens": 1000, "completion_tokens": 100, "path_runs": path_runs}


def test_metric_definitions() -> None:
    calls = pd.DataFrame([
        _row("rote", "a", hit=True, correct=True),
        _row("rote", "a", hit=False, correct=False),
        _row("rote", "poem", hit=False, correct=False, cacheable=False),
        _row("rote", "poem", hit=True, correct=True, cacheable=False, seen=True),  # exact repeat: fine
        _row("fuzzy", "a", hit=True, correct=True),
        _row("fuzzy", "a", hit=True, correct=False),
        _row("fuzzy", "poem", hit=True, correct=False, cacheable=False),
        _row("fuzzy", "poem", hit=True, correct=True, cacheable=False, seen=True),
    ])
    t = summarize(calls, ["system"], price_in=1.0, price_out=10.0).set_index("system")
    assert list(t.index) == ["rote", "fuzzy"]
    assert t.loc["rote", "hit_rate"] == 0.5 and t.loc["rote", "false_hits"] == 0
    assert t.loc["rote", "cacheable_hit_rate"] == 0.5
    assert (t.loc["rote", "refused"], t.loc["rote", "refusable"]) == (1, 1)
    assert t.loc["fuzzy", "false_hits"] == 2 and t.loc["fuzzy", "false_hit_rate"] == 0.5
    assert (t.loc["fuzzy", "refused"], t.loc["fuzzy", "refusable"]) == (0, 1)
    assert t.loc["rote", "saved_calls"] == 2 and t.loc["rote", "saved_tokens"] == 2200
    assert t.loc["rote", "saved_usd"] == pytest.approx(2 * (1000 * 1.0 + 100 * 10.0) / 1e6)
    assert t.loc["rote", "hit_p50_ms"] == 0.1


def test_seen_paths_split_the_cacheable_hit_rate() -> None:
    """Calls on a path training showed fewer than ``min_runs`` times (an unseen branch) are
    counted apart; calls of non-cacheable workflows are in neither count."""
    calls = pd.DataFrame([
        _row("rote", "a", hit=True, correct=True, path_runs=3),
        _row("rote", "a", hit=True, correct=True, path_runs=2),
        _row("rote", "a", hit=False, correct=False, path_runs=2),
        _row("rote", "a", hit=False, correct=False, path_runs=1),  # seen once: staged
        _row("rote", "a", hit=True, correct=True, path_runs=0),  # generalised to a new path
        _row("rote", "poem", hit=False, correct=False, cacheable=False, path_runs=5),
    ])
    t = summarize(calls, ["system"], price_in=1.0, price_out=1.0).set_index("system")
    assert (t.loc["rote", "seen_paths"], t.loc["rote", "unseen_paths"]) == (3, 2)
    assert t.loc["rote", "seen_path_hit_rate"] == round(2 / 3, 4)
    assert t.loc["rote", "cacheable_hit_rate"] == 0.6
    strict = summarize(calls, ["system"], price_in=1.0, price_out=1.0, min_runs=3).set_index("system")
    assert (strict.loc["rote", "seen_paths"], strict.loc["rote", "seen_path_hit_rate"]) == (1, 1.0)
    # Rows without coverage (a caller that did not compute it) count in neither.
    bare = summarize(calls.drop(columns="path_runs"), ["system"], price_in=1.0, price_out=1.0)
    assert (bare.loc[0, "seen_paths"], bare.loc[0, "unseen_paths"]) == (0, 0)


def test_the_gap_line_says_how_much_is_unseen_structure() -> None:
    from evals.report import SuiteReport

    suite = Suite(name="t", workflows=["hello"], train_runs=1, learning_curve=[])
    rows = [_row("rote", "hello", hit=True, correct=True, path_runs=3),
            _row("rote", "hello", hit=False, correct=False, path_runs=0),
            _row("exact", "hello", hit=False, correct=False, path_runs=3),
            _row("exact", "hello", hit=False, correct=False, path_runs=0)]
    report = SuiteReport.build(suite, calls=pd.DataFrame(rows), induction=pd.DataFrame([{"train_runs": 1}]),
                               templates=pd.DataFrame(),
                               skipped={}, http=None, seconds=0.0)
    (gap,) = report.gaps
    assert gap.startswith("cacheable hit rate 50.0% is 40.0% short of the 90% target")
    assert "1 of those calls follow a path (a branch, a board) that training showed in fewer than 2 runs" in gap
    assert gap.endswith("on the other 1 rote hit 100.0%")
    assert "seen paths" in report.markdown()


def test_floors_on_the_cacheable_and_seen_path_hit_rates() -> None:
    from evals.report import SuiteReport

    suite = Suite.model_validate({"name": "t", "workflows": ["hello"], "train_runs": 1, "learning_curve": [],
                                  "thresholds": {"min_cacheable_hit_rate": 0.4, "min_seen_path_hit_rate": 0.9,
                                                 "beat_exact": False}})
    rows = [_row("rote", "hello", hit=True, correct=True, path_runs=3),
            _row("rote", "hello", hit=False, correct=False, path_runs=3),
            _row("rote", "hello", hit=False, correct=False, path_runs=0)]
    report = SuiteReport.build(suite, calls=pd.DataFrame(rows), induction=pd.DataFrame([{"train_runs": 1}]),
                               templates=pd.DataFrame(), skipped={}, http=None, seconds=0.0)
    assert report.violations == ["rote: cacheable hit rate 33.3% < min_cacheable_hit_rate 40.0%",
                                 "rote: hit rate on seen paths 50.0% < min_seen_path_hit_rate 90.0%"]
    assert load_suite("core").thresholds.min_seen_path_hit_rate == 0.98  # the ten small workflows
    assert load_suite("default").thresholds.min_seen_path_hit_rate == 0.66  # with the realistic ones


def test_a_false_hit_at_any_point_of_the_learning_curve_is_a_violation() -> None:
    from evals.report import SuiteReport

    suite = Suite.model_validate({"name": "t", "workflows": ["hello"], "train_runs": 3, "learning_curve": [1],
                                  "thresholds": {"max_false_hits": 0, "beat_exact": False}})
    main = _row("rote", "hello", hit=True, correct=True) | {"train_runs": 3}
    early = _row("rote", "hello", hit=True, correct=False) | {"train_runs": 1}  # wrong after one run only
    report = SuiteReport.build(suite, calls=pd.DataFrame([main, early]), induction=pd.DataFrame([{"train_runs": 3}]),
                               templates=pd.DataFrame(), skipped={}, http=None, seconds=0.0)
    assert report.violations == ["rote: 1 false hit(s) after 1 training runs > max_false_hits 0"]
