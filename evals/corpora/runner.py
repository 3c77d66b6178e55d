"""Corpus suites: ingest a third-party corpus's training records, induce, publish, then replay
its test records through the compiled tree and through each baseline, side by side.

A corpus suite is a YAML file in ``evals/suites/`` with a ``corpus:`` key (``loghub.yaml``,
``webarena.yaml``); ``rote eval loghub`` runs it. From Python:

    from evals.corpora.runner import load_corpus_suite, run_corpus_suite
    report = run_corpus_suite(load_corpus_suite("loghub"), progress=True)
    report.summary      # one row per system: hit rate, false hits, hit rate on seen labels
    report.per_group    # the same per log system / site

A test call's label is *seen* when training holds at least one call of it (same group):
the hit rate there is the target's figure. A hit on an unseen label is false by
construction (training cannot have shown its answer).

>>> s = CorpusSuite.model_validate({"name": "t", "corpus": "loghub", "groups": ["HPC"]})
>>> s.baselines
['exact', 'similarity']
"""

from __future__ import annotations

import io
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import duckdb
import orjson
import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field

from evals.baselines import BaselineUnavailable, ExactCache
from evals.corpora import Corpus, load_corpus
from evals.corpora.baselines import Drain3Cache, SimilarityCache
from evals.replay import EvalCall, PathKey, replay
from evals.suite import suite_path

CorpusBaseline = Literal["exact", "similarity", "drain3"]
NAMESPACE = "default"  # one tenant: the system prompts tell the groups apart, as a real proxy sees them
Log = Callable[[str], None]


class CorpusThresholds(BaseModel):
    """Hard limits on rote (None = not checked): ``rote eval`` exits 1 when one is violated."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_false_hits: int | None = 0
    min_seen_hit_rate: float | None = None


class CorpusTargets(BaseModel):
    """Goals shown with the gap to them; they never fail the run."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    seen_hit_rate: float | None = None


class CorpusSuite(BaseModel):
    """What a corpus suite runs (see the module docstring)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    description: str = ""
    corpus: Literal["loghub", "webarena"]
    # Loghub systems or WebArena sites to keep (None: all), and the first N source rows of each.
    groups: list[str] | None = None
    per_group: int | None = Field(default=None, ge=1)
    # Another split of the same records (0: the issue's; ``rote eval CORPUS --seeds N`` runs 0..N-1).
    rotate: int = Field(default=0, ge=0)
    backend: Literal["heuristic", "llm", "hybrid"] = "heuristic"
    induction: dict[str, Any] = Field(default_factory=dict)
    # The runtime's per-lookup budget (the lookup thread's CPU time); None: the runtime's default.
    lookup_budget_ms: float | None = Field(default=50.0, gt=0)
    baselines: list[CorpusBaseline] = Field(default_factory=lambda: list[CorpusBaseline](["exact", "similarity"]))
    similarity_threshold: float = Field(default=80.0, ge=0, le=100)
    thresholds: CorpusThresholds = CorpusThresholds()
    targets: CorpusTargets = CorpusTargets()


def is_corpus_suite(name_or_path: str | Path) -> bool:
    """Whether ``name_or_path`` names a suite file with a ``corpus:`` key.

    >>> is_corpus_suite("loghub"), is_corpus_suite("default")
    (True, False)
    """
    path = suite_path(name_or_path)
    if not path.is_file():
        return False
    data = yaml.safe_load(path.read_text()) or {}
    return isinstance(data, dict) and "corpus" in data


def load_corpus_suite(name_or_path: str | Path) -> CorpusSuite:
    """A corpus suite by name (``evals/suites/NAME.yaml``) or path."""
    path = suite_path(name_or_path)
    data = yaml.safe_load(path.read_text()) or {}
    data.setdefault("name", path.stem)
    return CorpusSuite.model_validate(data)


@dataclass
class CorpusReport:
    """Per-call rows of every system and the tables built from them."""

    suite: CorpusSuite
    calls: pd.DataFrame
    summary: pd.DataFrame
    per_group: pd.DataFrame
    induction: dict[str, Any]
    split: dict[str, int]
    skipped: dict[str, str] = field(default_factory=dict)
    http: dict[str, Any] | None = None
    seconds: float = 0.0
    violations: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.violations

    def rote(self, column: str) -> Any:
        row = self.summary[self.summary["system"] == "rote"]
        return None if row.empty else row.iloc[0][column]

    def check(self) -> None:
        t = self.suite.thresholds
        for system in [s for s in self.summary["system"] if str(s).startswith("rote")]:
            fh = int(self.summary[self.summary["system"] == system].iloc[0]["false_hits"])
            if t.max_false_hits is not None and fh > t.max_false_hits:
                self.violations.append(f"{system}: {fh} false hit(s) > max_false_hits {t.max_false_hits}")
        seen = self.rote("seen_hit_rate")
        if t.min_seen_hit_rate is not None and seen is not None and seen < t.min_seen_hit_rate:
            self.violations.append(f"rote: hit rate on seen labels {seen:.1%} < {t.min_seen_hit_rate:.1%}")
        target = self.suite.targets.seen_hit_rate
        if target is not None and seen is not None and seen < target:
            self.gaps.append(f"rote: hit rate on seen labels {seen:.1%} is {target - seen:.1%} short of the "
                             f"{target:.0%} target")

    def markdown(self) -> str:
        s = self.suite
        sp = self.split
        lines = [f"# rote eval: corpus suite `{s.name}`", ""]
        if s.description:
            lines += [s.description.strip(), ""]
        lines += [f"Corpus `{s.corpus}`: {sp['train']} training and {sp['test']} test calls, "
                  f"{sp['test_unseen']} test calls of labels training never showed. Backend `{s.backend}`; "
                  f"induction {self.induction.get('seconds', 0):.1f}s, {self.induction.get('live', 0)} live of "
                  f"{self.induction.get('nodes', 0)} nodes. Ran in {self.seconds:.1f}s.", "",
                  "**Thresholds:** " + ("all met." if self.ok else "violated:"), *[f"- {v}" for v in self.violations]]
        if self.gaps:
            lines += ["", "**Targets not yet reached:**", *[f"- {g}" for g in self.gaps]]
        if self.skipped:
            lines += ["", "**Baselines skipped:**", *[f"- {why}" for why in self.skipped.values()]]
        lines += ["", "## Overall", "", _pct(self.summary).to_markdown(index=False), "",
                  "## Per group", "", self.group_table().to_markdown(index=False), ""]
        if self.http is not None:
            lines += ["## Through the proxy (--http)", "", pd.DataFrame([self.http]).to_markdown(index=False), ""]
        lines += ["hit rate = hits / test calls; false = hits whose answer differs from the recorded one; "
                  "seen = test calls whose label (event id, template id) training holds at least once; "
                  "hits on unseen labels are all false. See docs/evals.md.", ""]
        return "\n".join(lines)

    def group_table(self) -> pd.DataFrame:
        """One row per group: calls, unseen-label calls, then per system "hit rate / seen-label hit rate (false)"."""
        pg = self.per_group
        if pg.empty:
            return pg
        first = pg[pg["system"] == pg["system"].iloc[0]].set_index("group")
        out = pd.DataFrame({"calls": first["calls"], "unseen": first["unseen_calls"]})
        for system in self.summary["system"]:
            d = pg[pg["system"] == system].set_index("group")
            out[system] = [f"{r.hit_rate:.1%} / {'' if pd.isna(r.seen_hit_rate) else f'{r.seen_hit_rate:.1%}'} "
                           f"({int(r.false_hits)})" for r in d.itertuples()]
        return out.reset_index()

    def write(self, directory: Path) -> list[Path]:
        directory.mkdir(parents=True, exist_ok=True)
        paths = [directory / "report.md", directory / "summary.csv", directory / "per_group.csv",
                 directory / "calls.csv"]
        paths[0].write_text(self.markdown())
        self.summary.to_csv(paths[1], index=False)
        self.per_group.to_csv(paths[2], index=False)
        self.calls.to_csv(paths[3], index=False)
        return paths

    def print(self, console: Any = None) -> None:
        from rich.console import Console
        from rich.table import Table

        console = console or Console()
        sp = self.split
        t = Table(title=f"rote eval '{self.suite.name}': {sp['train']} training, {sp['test']} test calls "
                        f"({sp['test_unseen']} of unseen labels)")
        cols = {"system": "system", "hit_rate": "hit", "false_hits": "false hits", "false_of_hits": "false/hits",
                "seen_hit_rate": "hit (seen labels)", "unseen_hits": "hits on unseen", "hit_p50_ms": "p50 ms"}
        for c, h in cols.items():
            t.add_column(h, justify="left" if c == "system" else "right")
        for _, r in _pct(self.summary).iterrows():
            t.add_row(*[str(r[c]) for c in cols])
        console.print(t)
        g = Table(title="per group: hit rate / hit rate on seen labels (false hits)")
        gt = self.group_table()
        for c in gt.columns:
            g.add_column(str(c), justify="left" if c == "group" else "right")
        for _, r in gt.iterrows():
            g.add_row(*[str(v) for v in r])
        console.print(g)
        for v in self.violations:
            console.print(f"[red]threshold violated:[/red] {v}")
        for gap in self.gaps:
            console.print(f"[yellow]gap:[/yellow] {gap}")
        for why in self.skipped.values():
            console.print(f"[dim]{why}[/dim]")
        console.print(f"[dim]{self.seconds:.1f}s[/dim]")


def summarize(calls: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Hit rate, false hits (also as a share of hits) and the hit rate on seen labels per ``by``.

    >>> rows = pd.DataFrame([{"system": "x", "hit": True, "false_hit": False, "label_seen": True, "latency_us": 5.0},
    ...                      {"system": "x", "hit": True, "false_hit": True, "label_seen": False, "latency_us": 5.0}])
    >>> summarize(rows, ["system"])[["calls", "hits", "false_hits", "seen_hit_rate", "unseen_hits"]].to_dict("records")
    [{'calls': 2, 'hits': 2, 'false_hits': 1, 'seen_hit_rate': 1.0, 'unseen_hits': 1}]
    """
    keys = ", ".join(f'"{b}"' for b in by)  # quoted: "group" is an SQL keyword
    con = duckdb.connect()
    try:
        con.register("calls", calls)
        df: pd.DataFrame = con.execute(f"""
            SELECT {keys}, count(*)::BIGINT AS calls, sum(hit::INT)::BIGINT AS hits,
                round(avg(hit::INT), 4) AS hit_rate,
                sum(false_hit::INT)::BIGINT AS false_hits,
                round(sum(false_hit::INT) / nullif(sum(hit::INT), 0), 4) AS false_of_hits,
                count(*) FILTER (WHERE label_seen)::BIGINT AS seen_calls,
                round(avg(hit::INT) FILTER (WHERE label_seen), 4) AS seen_hit_rate,
                count(*) FILTER (WHERE NOT label_seen)::BIGINT AS unseen_calls,
                count(*) FILTER (WHERE hit AND NOT label_seen)::BIGINT AS unseen_hits,
                round(quantile_cont(latency_us, 0.5) FILTER (WHERE hit) / 1000, 3) AS hit_p50_ms
            FROM calls GROUP BY {keys} ORDER BY {keys}
        """).df()
    finally:
        con.close()
    return df


def corpus_calls(corpus: Corpus) -> tuple[list[EvalCall], dict[PathKey, int]]:
    """The test records as eval calls (a call's path is its label), and how many training records
    each label has (the coverage ``replay`` reads)."""
    coverage: dict[PathKey, int] = {(g, 0, (label,)): n for (g, label), n in corpus.train_counts().items()}
    calls = [EvalCall(r.group, True, i, 0, NAMESPACE, r.request, r.response, (r.label,))
             for i, r in enumerate(corpus.test)]
    return calls, coverage


def make_corpus_baselines(suite: CorpusSuite) -> tuple[list[Any], dict[str, str]]:
    out: list[Any] = []
    skipped: dict[str, str] = {}
    for name in suite.baselines:
        try:
            out.append(ExactCache() if name == "exact" else SimilarityCache(suite.similarity_threshold)
                       if name == "similarity" else Drain3Cache())
        except BaselineUnavailable as e:
            skipped[name] = str(e)
    return out, skipped


def run_corpus_suite(suite: CorpusSuite, *, corpora: str | Path | None = None, http: bool = False,
                     report_dir: Path | None = None, export_dir: Path | None = None, progress: bool = False,
                     backend: str | None = None, work_dir: Path | None = None) -> CorpusReport:
    """Convert the suite's corpus, induce on its training records, replay its test records through
    rote (and the proxy with ``http``) and the baselines. ``export_dir`` also writes the records as
    ``train.jsonl`` / ``test.jsonl``."""
    from evals.runner import _disagreements, _stderr_log

    if backend is not None:
        suite = suite.model_copy(update={"backend": backend})
    log: Log = _stderr_log if progress else (lambda _msg: None)
    t0 = time.perf_counter()
    corpus = load_corpus(suite.corpus, corpora, groups=suite.groups, per_group=suite.per_group, rotate=suite.rotate)
    calls, coverage = corpus_calls(corpus)
    split = {"train": len(corpus.train), "test": len(corpus.test),
             "test_unseen": sum(coverage.get(c.path, 0) == 0 for c in calls)}
    log(f"[{suite.name}] {split['train']} training and {split['test']} test calls "
        f"({split['test_unseen']} of unseen labels)")
    if export_dir is not None:
        train_path, test_path = corpus.export(export_dir)
        log(f"  records written to {train_path} and {test_path}")
    seen = {ExactCache.key(r.request, NAMESPACE) for r in corpus.train}
    http_stats: dict[str, Any] | None = None
    with tempfile.TemporaryDirectory(prefix="rote-corpus-", dir=work_dir) as tmp:
        home, served, induction = induce_corpus(suite, corpus, Path(tmp) / "home", log)

        def rote(request: dict[str, Any], namespace: str) -> Any:
            ex = served.explain(request, namespace)
            return (None, ex.reason) if ex.hit is None else ex.hit.response

        log("  replaying the test calls through the compiled tree")
        rows = replay("rote", rote, calls, train_runs=1, seen=seen, coverage=coverage)
        if http:
            from evals.http import replay_http

            log("  replaying through the proxy (--http)")
            http_rows, http_stats = replay_http(suite, calls, home=home, train_runs=1, seen=seen, coverage=coverage)
            http_stats["disagreements_with_runtime"] = _disagreements(rows, http_rows)
            rows += http_rows
        baselines, skipped = make_corpus_baselines(suite)
        for cache in baselines:
            log(f"  baseline {cache.name}")
            cache.fit((NAMESPACE, r.request, r.response) for r in corpus.train)
            rows += replay(cache.name, cache.lookup, calls, train_runs=1, seen=seen, coverage=coverage)
    df = pd.DataFrame(rows).rename(columns={"workflow": "group"})
    df["label_seen"] = df["path_runs"].fillna(0) > 0
    order = {s: i for i, s in enumerate(("rote", "rote_http", "exact", "similarity", "drain3"))}
    summary = summarize(df, ["system"]).sort_values("system", key=lambda c: c.map(order)).reset_index(drop=True)
    per_group = summarize(df, ["system", "group"])
    report = CorpusReport(suite, df, summary, per_group, induction, split, skipped, http_stats,
                          time.perf_counter() - t0)
    report.check()
    if report_dir is not None:
        report.write(report_dir)
        log(f"report written to {report_dir}")
    return report


def run_corpus_rotations(suite: CorpusSuite, n: int, *, corpora: str | Path | None = None, progress: bool = False,
                         backend: str | None = None) -> pd.DataFrame:
    """The suite on ``n`` splits of its records (``rotate`` 0 to n-1; 0 is the issue's split):
    one row per split and system with its hit rate, hit rate on seen labels and false hits.

    >>> df = run_corpus_rotations(load_corpus_suite("webarena"), 10)  # doctest: +SKIP
    >>> df[df.system == "rote"][["rotate", "seen_hit_rate", "false_hits"]]  # doctest: +SKIP
    """
    rows = []
    for r in range(n):
        report = run_corpus_suite(suite.model_copy(update={"rotate": r}), corpora=corpora, progress=progress,
                                  backend=backend)
        for rec in report.summary.to_dict("records"):
            rows.append({"rotate": r, "system": rec["system"], "hit_rate": rec["hit_rate"],
                         "seen_hit_rate": rec["seen_hit_rate"], "false_hits": int(rec["false_hits"]),
                         "calls": int(rec["calls"])})
    return pd.DataFrame(rows)


def print_rotations(df: pd.DataFrame, name: str, console: Any = None) -> None:
    """``run_corpus_rotations``'s table: per split, each system's "hit% (seen%) false", then the
    spread (min / median / max) of each system's hit rate on seen labels."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    systems = list(dict.fromkeys(df["system"]))
    t = Table(title=f"rote eval '{name}' over {df['rotate'].nunique()} splits: hit rate (on seen labels) false hits")
    t.add_column("split (rotate)")
    for sy in systems:
        t.add_column(sy, justify="right")
    for r, d in df.groupby("rotate"):
        by: dict[str, Any] = {rec["system"]: rec for rec in d.to_dict("records")}
        t.add_row(str(r), *[f"{by[sy]['hit_rate']:.1%} ({by[sy]['seen_hit_rate']:.1%}) {by[sy]['false_hits']}"
                            for sy in systems])
    spread = []
    for sy in systems:
        seen = df[df["system"] == sy]["seen_hit_rate"]
        spread.append(f"{seen.min():.1%} / {seen.median():.1%} / {seen.max():.1%}")
    t.add_row("seen: min / median / max", *spread)
    console.print(t)


def induce_corpus(suite: CorpusSuite, corpus: Corpus, root: Path, log: Log) -> tuple[Path, Any, dict[str, Any]]:
    """Ingest the training records (one source per group) into a fresh home, induce, publish and load
    the published tree back as the proxy does; returns the home, the warmed tree and the induction stats."""
    from induction.config import InductionConfig
    from induction.ingest import ingest_stream
    from induction.pipeline import run_induction
    from induction.publish import Publisher
    from induction.runtime.compiled import CompiledTree
    from induction.store import Store
    from rote.config import Home

    home = Home(root=root).ensure()
    with Store.open(home.store_path) as store:
        for group in corpus.groups:
            lines = b"".join(orjson.dumps(r.as_record()) + b"\n" for r in corpus.train if r.group == group)
            if lines:
                ingest_stream(store, io.BytesIO(lines), source=group, namespace=NAMESPACE)
        log(f"  inducing on {len(corpus.train)} records ({suite.backend})")
        tree, _result, pipeline = run_induction(store, InductionConfig(backend=suite.backend, **suite.induction))
    stats = {k: v for k, v in pipeline.as_dict().items() if k != "counters"}
    log(f"  induction {stats.get('seconds', 0):.1f}s, {stats.get('live', 0)} live of {stats.get('nodes', 0)} nodes")
    publisher = Publisher(home.publish_dir)
    manifest = publisher.publish(tree.to_bytes(), stats=pipeline.as_dict())
    data = publisher.read_tree(manifest.version)
    served = (CompiledTree.from_bytes(data) if suite.lookup_budget_ms is None
              else CompiledTree.from_bytes(data, budget_ms=suite.lookup_budget_ms))
    served.warm()
    return home.root, served, stats


def _pct(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for c in ("hit_rate", "false_of_hits", "seen_hit_rate"):
        if c in out:
            out[c] = out[c].map(lambda v: "" if pd.isna(v) else f"{v:.1%}")
    return out
