"""The suite report: metric tables (pandas), thresholds and targets, markdown, CSV and PNG output.

The first three tables are what the report is about:

- ``summary``: one row per system (rote and each baseline) at the suite's ``train_runs``;
- ``per_workflow``: one row per (system, workflow) at ``train_runs``;
- ``curve``: one row per (system, training-run count): the learning curve.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from evals.metrics import summarize
from evals.suite import Suite

PCT_COLUMNS = ("hit_rate", "false_hit_rate", "cacheable_hit_rate", "seen_path_hit_rate")
SUMMARY_COLUMNS = ["system", "calls", "hits", "hit_rate", "false_hits", "false_hit_rate", "misses", "budget_misses",
                   "cacheable_hit_rate", "seen_paths", "seen_path_hit_rate", "unseen_paths", "refused", "refusable", "hit_p50_ms", "hit_p99_ms", "saved_calls",
                   "saved_tokens", "saved_usd"]


@dataclass
class SuiteReport:
    suite: Suite
    calls: pd.DataFrame  # one row per (system, training-run count, test call)
    summary: pd.DataFrame
    per_workflow: pd.DataFrame
    curve: pd.DataFrame
    induction: pd.DataFrame  # one row per training-run count (the pipeline report)
    templates: pd.DataFrame  # template nodes by status per workflow and training-run count
    skipped: dict[str, str] = field(default_factory=dict)  # baseline -> why it did not run
    http: dict[str, Any] | None = None
    seconds: float = 0.0
    violations: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.violations

    @classmethod
    def build(cls, suite: Suite, *, calls: pd.DataFrame, induction: pd.DataFrame, templates: pd.DataFrame,
              skipped: dict[str, str], http: dict[str, Any] | None, seconds: float) -> SuiteReport:
        price = {"price_in": suite.price.input_per_mtok, "price_out": suite.price.output_per_mtok}
        main = calls[calls["train_runs"] == suite.train_runs] if not calls.empty else calls
        runs = suite.min_runs
        report = cls(
            suite=suite, calls=calls,
            summary=summarize(main, ["system"], **price, min_runs=runs),
            per_workflow=summarize(main, ["system", "workflow"], **price, min_runs=runs),
            curve=summarize(calls, ["system", "train_runs"], **price, min_runs=runs),
            induction=induction, templates=templates, skipped=skipped, http=http, seconds=seconds)
        report.violations, report.gaps = report.check()
        return report

    # -- thresholds and targets ---------------------------------------------
    def _get(self, system: str, column: str) -> Any:
        rows = self.summary[self.summary["system"] == system]
        return None if rows.empty else rows.iloc[0][column]

    def check(self) -> tuple[list[str], list[str]]:
        t, violations, gaps = self.suite.thresholds, [], []
        rote_systems = [s for s in self.summary["system"] if str(s).startswith("rote")]
        for system in rote_systems:
            fh = int(self._get(system, "false_hits"))
            if t.max_false_hits is not None and fh > t.max_false_hits:
                violations.append(f"{system}: {fh} false hit(s) > max_false_hits {t.max_false_hits}")
            # Every point of the learning curve is held to it: a false hit after two training
            # runs is one a user with two recorded runs gets.
            points = self.curve[(self.curve["system"] == system) & (self.curve["train_runs"] != self.suite.train_runs)] \
                if not self.curve.empty else self.curve
            for row in points.to_dict("records"):
                if t.max_false_hits is not None and int(row["false_hits"]) > t.max_false_hits:
                    violations.append(f"{system}: {int(row['false_hits'])} false hit(s) after {int(row['train_runs'])} "
                                      f"training runs > max_false_hits {t.max_false_hits}")
        chr_ = self._get("rote", "cacheable_hit_rate")
        if t.min_cacheable_hit_rate is not None and chr_ is not None and not pd.isna(chr_) \
                and chr_ < t.min_cacheable_hit_rate:
            violations.append(f"rote: cacheable hit rate {chr_:.1%} < min_cacheable_hit_rate "
                              f"{t.min_cacheable_hit_rate:.1%}")
        seen = self._get("rote", "seen_path_hit_rate")
        if t.min_seen_path_hit_rate is not None and seen is not None and not pd.isna(seen) \
                and seen < t.min_seen_path_hit_rate:
            violations.append(f"rote: hit rate on seen paths {seen:.1%} < min_seen_path_hit_rate "
                              f"{t.min_seen_path_hit_rate:.1%}")
        exact = self._get("exact", "hit_rate")
        rote = self._get("rote", "hit_rate")
        if t.beat_exact and exact is not None and rote is not None and not rote > exact:
            violations.append(f"rote: hit rate {rote:.1%} does not exceed the exact-match baseline's {exact:.1%}")
        target = self.suite.targets.cacheable_hit_rate
        if target is not None and chr_ is not None and not pd.isna(chr_) and chr_ < target:
            gaps.append(f"cacheable hit rate {chr_:.1%} is {target - chr_:.1%} short of the {target:.0%} target "
                        f"(after {self.suite.train_runs} training runs){self._unseen_note()}")
        return violations, gaps

    def _unseen_note(self) -> str:
        """How much of the cacheable misses is structure training did not show often enough."""
        unseen, seen, rate = (self._get("rote", c) for c in ("unseen_paths", "seen_paths", "seen_path_hit_rate"))
        if not unseen or rate is None or pd.isna(rate):
            return ""
        return (f"; {unseen} of those calls follow a path (a branch, a board) that training showed in fewer than "
                f"{self.suite.min_runs} runs, and on the other {seen} rote hit {rate:.1%}")

    # -- output ------------------------------------------------------------
    def workflow_table(self) -> pd.DataFrame:
        """Wide per-workflow view: hit and false-hit rate of every system, rote's templates."""
        pw = self.per_workflow
        if pw.empty:
            return pw
        wide = pw.pivot(index="workflow", columns="system", values=["hit_rate", "false_hits"])
        systems = [s for s in self.summary["system"] if s in set(pw["system"])]
        out = pd.DataFrame(index=wide.index)
        out["cacheable"] = [self.suite.cacheable[w] for w in out.index]
        out["calls"] = pw[pw["system"] == systems[0]].set_index("workflow")["calls"]
        for s in systems:
            out[f"{s} hit"] = wide[("hit_rate", s)].map(pct)
            out[f"{s} false"] = wide[("false_hits", s)].astype(int)
        tm = self.templates
        if not tm.empty:
            tm = tm[tm["train_runs"] == self.suite.train_runs].set_index("workflow")
            out["live"] = tm["live"]
            out["staged"] = tm["staged"]
            out["uncacheable"] = tm["uncacheable"]
        out = out.reindex(self.suite.workflows)
        return out.reset_index()

    def summary_table(self) -> pd.DataFrame:
        df = self.summary[[c for c in SUMMARY_COLUMNS if c in self.summary.columns]].copy()
        for c in PCT_COLUMNS:
            if c in df:
                df[c] = df[c].map(pct)
        return df

    def curve_table(self) -> pd.DataFrame:
        if self.curve.empty:
            return self.curve
        wide = self.curve.pivot(index="train_runs", columns="system", values=["hit_rate", "false_hits"])
        out = pd.DataFrame(index=wide.index)
        for s in [s for s in self.summary["system"] if s in set(self.curve["system"])]:
            out[f"{s} hit"] = wide[("hit_rate", s)].map(pct)
            out[f"{s} false"] = wide[("false_hits", s)].astype("Int64")
        ind = self.induction.set_index("train_runs")
        for c in ("records", "live", "staged", "uncacheable", "seconds"):
            if c in ind:
                out[f"induction {c}" if c != "seconds" else "induction s"] = ind[c]
        return out.reset_index()

    def miss_reasons(self, limit: int = 20) -> pd.DataFrame:
        """Why rote missed (the runtime's own explanation), per workflow, most frequent first."""
        c = self.calls
        if c.empty or "reason" not in c:
            return pd.DataFrame(columns=["workflow", "reason", "misses"])
        m = c[(c["system"] == "rote") & (c["train_runs"] == self.suite.train_runs) & ~c["hit"]]
        out = (m.fillna({"reason": "(no reason given)"}).groupby(["workflow", "reason"]).size()
               .rename("misses").reset_index().sort_values(["misses", "workflow"], ascending=[False, True]))
        return out.head(limit).reset_index(drop=True)

    def markdown(self) -> str:
        s = self.suite
        lines = [f"# rote eval: suite `{s.name}`", ""]
        if s.description:
            lines += [s.description.strip(), ""]
        lines += [f"{len(s.workflows)} workflows, {s.train_runs} training run(s) and {s.test_runs} test run(s) "
                  f"each (seeds {s.seeds.train}/{s.seeds.test}), backend `{s.backend}`, namespace `{s.namespace}`, "
                  f"fuzzy threshold {s.fuzzy_threshold:g}. Ran in {self.seconds:.1f}s.", ""]
        lines += ["**Thresholds:** " + ("all met." if self.ok else "violated:")]
        lines += [f"- {v}" for v in self.violations]
        if self.gaps:
            lines += ["", "**Targets not yet reached:**", *[f"- {g}" for g in self.gaps]]
        if self.skipped:
            lines += ["", "**Baselines skipped:**", *[f"- {why}" for why in self.skipped.values()]]
        lines += ["", f"## Overall ({s.train_runs} training runs per workflow)", "",
                  self.summary_table().to_markdown(index=False), "",
                  "## Per workflow", "", self.workflow_table().to_markdown(index=False), "",
                  "## Why rote missed", "",
                  "The runtime's explanation for each miss (`CompiledTree.explain`), at "
                  f"{s.train_runs} training runs. Misses on non-cacheable workflows are the right answer.", "",
                  self.miss_reasons().to_markdown(index=False), "",
                  "## Learning curve", "", self.curve_table().to_markdown(index=False), "",
                  "![learning curve](learning_curve.png)", "", "![per workflow](per_workflow.png)", ""]
        if self.http is not None:
            lines += ["## Through the proxy (--http)", "",
                      pd.DataFrame([self.http]).to_markdown(index=False), ""]
        lines += ["Hit rate = hits / calls; false hits are hits whose answer differs from the ground truth "
                  "(text, tool names, parsed arguments; ids ignored); seen paths = calls of cacheable workflows "
                  f"whose branches so far (an order's status, a board) occurred in at least {s.min_runs} training "
                  "runs; refused = misses on never-seen calls of "
                  "non-cacheable workflows (of `refusable`); saved = correct hits, priced at "
                  f"${s.price.input_per_mtok:g}/${s.price.output_per_mtok:g} per million input/output tokens. "
                  "See docs/evals.md.", ""]
        return "\n".join(lines)

    def write(self, directory: Path) -> list[Path]:
        """report.md, one CSV per table and the PNG plots."""
        from evals.plots import plot_learning_curve, plot_per_workflow

        directory.mkdir(parents=True, exist_ok=True)
        out = [directory / "report.md"]
        out[0].write_text(self.markdown())
        for name in ("summary", "per_workflow", "curve", "induction", "templates", "calls", "miss_reasons"):
            path = directory / f"{name}.csv"
            table = getattr(self, name)
            (table() if callable(table) else table).to_csv(path, index=False)
            out.append(path)
        out.append(plot_learning_curve(self.curve, directory / "learning_curve.png", title=self.suite.name))
        out.append(plot_per_workflow(self.per_workflow, directory / "per_workflow.png",
                                     order=self.suite.workflows, title=self.suite.name))
        return out

    def rich_tables(self) -> list[Any]:
        """Rich tables for the terminal: overall by system, then per workflow."""
        from rich.table import Table

        sm = self.summary
        t = Table(title=f"rote eval '{self.suite.name}': {self.suite.train_runs} training runs per workflow, "
                        f"{int(sm['calls'].iloc[0]) if not sm.empty else 0} test calls")
        heads = {"system": "system", "hit_rate": "hit", "false_hits": "false hits",
                 "cacheable_hit_rate": "hit (cacheable)", "seen_path_hit_rate": "hit (seen paths)", "refused": "refused", "hit_p50_ms": "p50 ms",
                 "hit_p99_ms": "p99 ms", "saved_usd": "saved $"}
        for c, h in heads.items():
            t.add_column(h, justify="left" if c == "system" else "right", no_wrap=c == "system")
        for _, r in sm.iterrows():
            bad = r["false_hits"] > 0
            t.add_row(str(r["system"]), pct(r["hit_rate"]),
                      f"[red]{r['false_hits']}[/red]" if bad else str(r["false_hits"]),
                      pct(r["cacheable_hit_rate"]), pct(r["seen_path_hit_rate"]), f"{r['refused']}/{r['refusable']}",
                      _cell(r["hit_p50_ms"]), _cell(r["hit_p99_ms"]), f"{r['saved_usd']:.4f}")
        t2 = Table(title="per workflow: hit rate (false hits)")
        t2.add_column("workflow")
        t2.add_column("calls", justify="right")
        pw = self.per_workflow
        systems = [s for s in sm["system"]]
        for s in systems:
            t2.add_column(s, justify="right")
        tm = self.templates
        if not tm.empty:
            tm = tm[tm["train_runs"] == self.suite.train_runs].set_index("workflow")
            t2.add_column("live/staged", justify="right")
        for w in self.suite.workflows:
            d = pw[pw["workflow"] == w].set_index("system")
            if d.empty:
                continue
            cells = []
            for s in systems:
                r = d.loc[s]
                cells.append(pct(r["hit_rate"]) + (f" [red]({r['false_hits']})[/red]" if r["false_hits"] else ""))
            extra = [f"{tm.loc[w, 'live']!s}/{tm.loc[w, 'staged']!s}"] if not tm.empty and w in tm.index else []
            name = w if self.suite.cacheable[w] else f"{w} [dim](not cacheable)[/dim]"
            t2.add_row(name, str(d["calls"].iloc[0]), *cells, *extra)
        return [t, t2]

    def print(self, console: Any = None) -> None:
        from rich.console import Console

        console = console or Console()
        for t in self.rich_tables():
            console.print(t)
        for v in self.violations:
            console.print(f"[red]threshold violated:[/red] {v}")
        for g in self.gaps:
            console.print(f"[yellow]gap:[/yellow] {g}")
        for name, why in self.skipped.items():
            console.print(f"[dim]{name}: {why}[/dim]")
        console.print(f"[dim]{self.seconds:.1f}s[/dim]")


def pct(v: Any) -> str:
    return "" if v is None or pd.isna(v) else f"{v:.1%}"


def _cell(v: Any) -> str:
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return ""
    return f"{v:g}" if isinstance(v, float) else str(v)
