"""The small suite end to end: ingest, induce, publish, replay (in process and through the proxy)."""

from __future__ import annotations

from pathlib import Path

from evals.report import SuiteReport


def _summary(report: SuiteReport) -> dict[str, dict[str, object]]:
    return report.summary.set_index("system").to_dict("index")


def test_rote_never_answers_wrongly(small_report: SuiteReport) -> None:
    s = _summary(small_report)
    assert s["rote"]["false_hits"] == 0
    assert s["rote_http"]["false_hits"] == 0
    assert not small_report.calls["error"].notna().any(), "a lookup raised"


def test_rote_beats_the_exact_match_baseline(small_report: SuiteReport) -> None:
    s = _summary(small_report)
    assert s["rote"]["hit_rate"] > s["exact"]["hit_rate"]  # type: ignore[operator]
    assert small_report.ok, small_report.violations


def test_every_system_replays_every_call(small_report: SuiteReport) -> None:
    s = _summary(small_report)
    assert set(s) == {"rote", "rote_http", "exact", "fuzzy"}
    assert len({v["calls"] for v in s.values()}) == 1
    assert "embedding" in small_report.skipped or "embedding" not in small_report.suite.baselines


def test_proxy_agrees_with_the_runtime_and_upstream_counts(small_report: SuiteReport) -> None:
    http = small_report.http
    assert http is not None
    # The lookup budget is wall-clock time: on a loaded machine a slow lookup can miss on one side only.
    assert http["disagreements_with_runtime"] <= max(1, http["calls"] // 10)
    assert http["upstream_unknown_contexts"] == 0 and http["misses_relayed_wrongly"] == 0
    assert http["upstream_calls"] == http["proxy_misses"]
    assert http["upstream_calls_saved"] == http["proxy_hits"]


def test_rows_say_how_often_training_showed_their_path(small_report: SuiteReport) -> None:
    c = small_report.calls
    assert c["path_runs"].notna().all() and (c["path_runs"] >= 0).all()
    main = c[(c["train_runs"] == small_report.suite.train_runs) & (c["system"] == "rote")]
    s = _summary(small_report)["rote"]
    assert s["seen_paths"] + s["unseen_paths"] == int(main["cacheable"].sum())


def test_report_files(small_report: SuiteReport, small_report_dir: Path) -> None:
    names = {p.name for p in small_report_dir.iterdir()}
    assert {"report.md", "summary.csv", "per_workflow.csv", "curve.csv", "learning_curve.png",
            "per_workflow.png"} <= names
    md = (small_report_dir / "report.md").read_text()
    assert "## Per workflow" in md and "| rote " in md
    assert (small_report_dir / "learning_curve.png").read_bytes()[:4] == b"\x89PNG"
