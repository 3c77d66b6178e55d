"""Third-party corpus converters, baselines and suites (evals/corpora/).

The synthetic corpora here are written to a temporary directory in the layout of
``../shared/corpora``; the tests on the real corpora are skipped where it is absent.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from evals.corpora import CorpusMissing, corpora_root, loghub, webarena
from evals.corpora.baselines import Drain3Cache, SimilarityCache
from evals.corpora.runner import CorpusSuite, is_corpus_suite, load_corpus_suite, run_corpus_suite
from rote.cli import app

REAL = corpora_root()
needs_real = pytest.mark.skipif(not (REAL / "loghub-2k").is_dir() or not (REAL / "webarena").is_dir(),
                                reason="the shared corpora are not on this machine")


def write_loghub(root: Path, system: str, rows: list[tuple[str, str]]) -> None:
    d = root / "loghub-2k"
    d.mkdir(parents=True, exist_ok=True)
    with (d / f"{system}_2k.log_structured_corrected.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (event, content) in enumerate(rows, 1):
            w.writerow([i, content, event, "<*>"])


# E1 six lines, E2 four, E3 one line that looks like E1's: any answer to it is false.
HPC_ROWS = [("E1", f"Connection from 10.0.0.{i} closed after {i * 7} ms") for i in range(1, 7)] + \
           [("E2", f"node-{i} failed health check, retrying in {i}s") for i in range(1, 5)] + \
           [("E3", "Connection from 10.0.0.9 refused after 63 ms")]


@pytest.fixture()
def tiny_corpora(tmp_path: Path) -> Path:
    root = tmp_path / "corpora"
    write_loghub(root, "HPC", HPC_ROWS)
    (root / "webarena").mkdir(parents=True)
    tasks: list[dict[str, Any]] = []
    for i, (sub, n) in enumerate([("books", 3), ("cats", 4), ("news", 5), ("space", 6), ("music", 2)]):
        tasks.append({"task_id": i, "sites": ["reddit"], "intent_template_id": 7,
                      "intent_template": "Open {{forum}} and show the top {{n}} posts",
                      "instantiation_dict": {"forum": sub, "n": n}, "intent": f"Open {sub} and show the top {n} posts"})
    tasks.append({"task_id": 9, "sites": ["gitlab"], "intent_template_id": 9, "intent_template": "Star {{repo}}",
                  "instantiation_dict": {"repo": "a11y-webring"}, "intent": "Star a11y-webring"})
    tasks.append({"task_id": 10, "sites": ["gitlab"], "intent_template_id": 11, "intent_template": "Fork {{repo}}",
                  "instantiation_dict": {"repo": "x"}, "intent": "Fork something"})  # value not in the intent
    (root / "webarena" / "intents.json").write_text(json.dumps(tasks))
    return root


def test_loghub_split_alternates_per_event_and_single_events_are_test_only(tiny_corpora: Path) -> None:
    c = loghub.load(tiny_corpora, systems=["HPC"])
    assert (len(c.train), len(c.test)) == (3 + 2, 3 + 2 + 1)
    assert [r.label for r in c.train] == ["E1", "E1", "E1", "E2", "E2"]
    # the first, third and fifth E1 lines train (file order)
    assert [r.request["messages"][1]["content"].split()[2] for r in c.train[:3]] == ["10.0.0.1", "10.0.0.3", "10.0.0.5"]
    unseen = [r for r in c.test if not c.seen(r)]
    assert [r.label for r in unseen] == ["E3"]
    msg = c.test[0].response["choices"][0]["message"]
    assert msg["content"] == "E1" and c.test[0].request["messages"][0]["content"] == loghub.system_prompt("HPC")


def test_webarena_keeps_verbatim_instances_and_splits_sixty_percent(tiny_corpora: Path) -> None:
    c = webarena.load(tiny_corpora)
    assert (len(c.train), len(c.test)) == (3, 3)  # template 7: ceil(0.6 * 5) train; template 9: test-only; 11 dropped
    assert [r.label for r in c.test if not c.seen(r)] == ["9"]
    call = c.train[0].response["choices"][0]["message"]["tool_calls"][0]["function"]
    assert call["name"] == "start_task"
    assert orjson.loads(call["arguments"]) == {"template_id": 7, "forum": "books", "n": 3}  # n stays a number
    assert c.train[0].request["tools"] == webarena.TOOLS


def test_missing_corpus_says_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(CorpusMissing, match="ROTE_CORPORA"):
        loghub.load(tmp_path, systems=["HPC"])


def test_similarity_cache_reads_the_last_message_only() -> None:
    def req(system: str, text: str) -> dict[str, Any]:
        return {"model": "m", "messages": [{"role": "system", "content": system}, {"role": "user", "content": text}]}

    answer = {"choices": [{"message": {"role": "assistant", "content": "E1"}}]}
    c = SimilarityCache(threshold=80)
    c.fit([("default", req("label HPC lines", "Connection from 10.0.0.1 closed"), answer)])
    assert c.lookup(req("label HPC lines", "Connection from 10.0.0.2 closed")) == answer
    assert c.lookup(req("label BGL lines", "Connection from 10.0.0.2 closed")) is None  # another context
    assert c.lookup(req("label HPC lines", "Disk full on /var")) is None


def test_drain3_cluster_answers_with_its_majority_training_label() -> None:
    def rec(text: str, label: str) -> tuple[str, dict[str, Any], dict[str, Any]]:
        return ("default", {"model": "m", "messages": [{"role": "user", "content": text}]},
                {"choices": [{"message": {"role": "assistant", "content": label}}]})

    d = Drain3Cache()
    d.fit([rec("session 11 opened for user root", "E1"), rec("session 12 opened for user root", "E1"),
           rec("session 13 opened for user root", "E2"), rec("disk sda1 is full", "E5")])
    got = d.lookup({"model": "m", "messages": [{"role": "user", "content": "session 99 opened for user root"}]})
    assert got is not None and got["choices"][0]["message"]["content"] == "E1"
    assert d.lookup({"model": "m", "messages": [{"role": "user", "content": "kernel panic now"}]}) is None


def test_corpus_suite_counts_false_hits_and_hits_on_unseen_events(tiny_corpora: Path, tmp_path: Path) -> None:
    suite = CorpusSuite(name="tiny", corpus="loghub", groups=["HPC"], baselines=["exact", "similarity", "drain3"],
                        thresholds={"max_false_hits": 0})
    report = run_corpus_suite(suite, corpora=tiny_corpora, report_dir=tmp_path / "out", export_dir=tmp_path / "jsonl")
    s = report.summary.set_index("system")
    assert list(report.summary["system"]) == ["rote", "exact", "similarity", "drain3"]
    assert report.split == {"train": 5, "test": 6, "test_unseen": 1}
    assert (s["calls"] == 6).all() and (s["seen_calls"] == 5).all()
    assert s.loc["exact", "hits"] == 0  # no test line repeats a training line
    # E3's line is close to E1's: the similarity cache answers it, and that hit is false.
    assert s.loc["similarity", "unseen_hits"] == 1 and s.loc["similarity", "false_hits"] >= 1
    assert s.loc["rote", "unseen_hits"] == 0 or s.loc["rote", "false_hits"] >= s.loc["rote", "unseen_hits"]
    assert report.ok == (s.loc["rote", "false_hits"] == 0)
    assert (tmp_path / "out" / "report.md").read_text().startswith("# rote eval: corpus suite `tiny`")
    lines = (tmp_path / "jsonl" / "train.jsonl").read_bytes().splitlines()
    assert len(lines) == 5 and set(orjson.loads(lines[0])) == {"request", "response"}


def test_corpus_suite_over_http_agrees_with_the_runtime(tiny_corpora: Path) -> None:
    suite = CorpusSuite(name="tiny", corpus="webarena", baselines=["exact"])
    report = run_corpus_suite(suite, corpora=tiny_corpora, http=True)
    s = report.summary.set_index("system")
    assert report.http is not None and report.http["calls"] == 3 and report.http["misses_relayed_wrongly"] == 0
    assert report.http["disagreements_with_runtime"] == 0
    assert s.loc["rote_http", "hits"] == s.loc["rote", "hits"]
    assert report.http["upstream_calls"] == 3 - s.loc["rote_http", "hits"]


def test_cli_runs_a_corpus_suite_and_exports(tiny_corpora: Path, tmp_path: Path) -> None:
    assert is_corpus_suite("loghub") and is_corpus_suite("webarena") and not is_corpus_suite("small")
    assert load_corpus_suite("loghub").baselines == ["exact", "similarity", "drain3"]
    result = CliRunner().invoke(app, ["eval", "loghub", "--corpora", str(tiny_corpora), "--groups", "HPC",
                                      "--export", str(tmp_path / "x"), "-q"])
    assert result.exit_code in (0, 1), result.output  # 1 only if rote gave a false hit
    assert "rote eval 'loghub'" in result.output
    assert len((tmp_path / "x" / "test.jsonl").read_bytes().splitlines()) == 6
    bad = CliRunner().invoke(app, ["eval", "loghub", "--corpora", str(tmp_path / "nowhere"), "-q"])
    assert bad.exit_code == 2 and "ROTE_CORPORA" in bad.output


@needs_real
def test_real_corpora_split_as_the_issue_says() -> None:
    lh = loghub.load()
    assert (len(lh.train), len(lh.test)) == (10_904, 11_096)
    counts = lh.train_counts()
    assert sum((r.group, r.label) not in counts for r in lh.test) == 464
    wa = webarena.load()
    assert (len(wa.train), len(wa.test)) == (233, 156)
    counts = wa.train_counts()
    assert sum((r.group, r.label) not in counts for r in wa.test) == 16


@needs_real
def test_real_loghub_slice_baselines() -> None:
    """The `loghub-small` suite (2 systems, 300 lines each): the exact cache never lies, Drain3 hits most."""
    report = run_corpus_suite(load_corpus_suite("loghub-small"))
    s = report.summary.set_index("system")
    assert report.split["test"] == 298
    assert s.loc["exact", "false_hits"] == 0 and s.loc["drain3", "hit_rate"] > 0.9
    assert s.loc["exact", "seen_calls"] == 295 and s.loc["exact", "unseen_hits"] == 0


def test_rotations_are_other_splits_of_the_same_records(tiny_corpora: Path) -> None:
    # Loghub: each event's lines rotated before they alternate; WebArena: each template's
    # instances rotated before the first 60% train. The records are the same, the split is not.
    lh0, lh1 = (loghub.load(tiny_corpora, systems=["HPC"], rotate=r) for r in (0, 1))
    assert [r.request["messages"][1]["content"].split()[2] for r in lh1.train[:3]] == ["10.0.0.2", "10.0.0.4",
                                                                                       "10.0.0.6"]
    def texts(c: Any) -> list[str]:
        return sorted(r.request["messages"][1]["content"] for r in c.train + c.test)

    assert texts(lh0) == texts(lh1)
    wa0, wa2 = (webarena.load(tiny_corpora, rotate=r) for r in (0, 2))
    assert [orjson.loads(r.response["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"])["forum"]
            for r in wa2.train] == ["news", "space", "music"]
    assert len(wa0.train) == len(wa2.train)


def test_cli_seeds_on_a_corpus_suite_runs_other_splits(tiny_corpora: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "webarena", "--corpora", str(tiny_corpora), "--seeds", "3",
                                      "--report", str(tmp_path / "r"), "-q"])
    assert result.exit_code == 0, result.output
    assert "over 3 splits" in result.output and "seen:" in result.output
    rows = list(csv.DictReader((tmp_path / "r" / "splits.csv").open()))
    assert sorted({r["rotate"] for r in rows}) == ["0", "1", "2"] and {r["system"] for r in rows} >= {"rote", "exact"}
    bad = CliRunner().invoke(app, ["eval", "webarena", "--corpora", str(tiny_corpora), "--seeds", "2", "--http"])
    assert bad.exit_code == 2 and "in process only" in bad.output
