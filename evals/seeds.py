"""One suite over several seed pairs: how much the figures owe to the data drawn.

Fixture runs are random draws. With 5 training runs, a 50/50 branch goes unseen
one time in sixteen, and a workflow's figure moves with it; one seed pair can
flatter or wrong the system. ``rote eval --seeds N`` runs the suite's main point
(``train_runs``, no learning curve) for N seed pairs and reports every system's
hit rate, cacheable hit rate and false hits per pair, then min / median / max.
``--curve`` runs every point of the suite's learning curve for each pair as well: a false
hit after two or three training runs on one pair in eight shows there, and the suite's own
pair alone does not show it (``curve_spread``).

    from evals.seeds import run_seeds
    report = run_seeds("default", 8)
    report.print()            # per-seed and spread tables; report.write(dir) for CSV + markdown
    run_seeds("default", 8, curve=True).curve_spread()   # per training-run count
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from evals.report import SuiteReport, pct
from evals.suite import Seeds, Suite, load_suite

# Seed pairs are (train + stride * i, test + stride * i), stride = max(STRIDE, |test - train| + 1):
# a stride larger than the pair's own gap means no seed is used twice across pairs.
STRIDE = 101


@dataclass
class SeedsReport:
    suite: Suite
    per_seed: pd.DataFrame  # one row per (seed pair, system)
    per_workflow: pd.DataFrame  # one row per (seed pair, system, workflow)
    violations: list[str] = field(default_factory=list)
    # With ``curve``: one row per (seed pair, system, training-run count), and rote's false
    # hits per (seed pair, training-run count, workflow).
    curve: pd.DataFrame | None = None
    curve_false: pd.DataFrame | None = None

    @property
    def ok(self) -> bool:
        return not self.violations

    def spread(self) -> pd.DataFrame:
        """Min / median / max over seed pairs of each system's rates, and its total false hits."""
        g = self.per_seed.groupby("system", sort=False)
        out = pd.DataFrame({"seeds": g.size()})
        for col in ("hit_rate", "cacheable_hit_rate", "seen_path_hit_rate"):
            out[f"{col} min"] = g[col].min()
            out[f"{col} median"] = g[col].median()
            out[f"{col} max"] = g[col].max()
        out["false_hits total"] = g["false_hits"].sum()
        return out.reset_index()

    def workflow_spread(self, system: str = "rote") -> pd.DataFrame:
        """Per workflow: the hit rate over seed pairs (min / median / max) and false hits."""
        pw = self.per_workflow[self.per_workflow["system"] == system]
        g = pw.groupby("workflow", sort=False)
        out = pd.DataFrame({"cacheable": g["cacheable"].first(), "min": g["hit_rate"].min(),
                            "median": g["hit_rate"].median(), "max": g["hit_rate"].max(),
                            "false_hits": g["false_hits"].sum()})
        return out.reindex([w for w in self.suite.workflows if w in out.index]).reset_index()

    def curve_spread(self, system: str = "rote") -> pd.DataFrame:
        """Per training-run count: ``system``'s hit rate over seed pairs (min / median / max),
        its false hits in all, and the workflows they were in (empty without ``curve``)."""
        if self.curve is None:
            return pd.DataFrame()
        c = self.curve[self.curve["system"] == system]
        g = c.groupby("train_runs", sort=True)
        out = pd.DataFrame({"seeds": g.size(), "hit_rate min": g["hit_rate"].min(),
                            "hit_rate median": g["hit_rate"].median(), "hit_rate max": g["hit_rate"].max(),
                            "false_hits total": g["false_hits"].sum()})
        where = {}
        if self.curve_false is not None and not self.curve_false.empty:
            for n, rows in self.curve_false.groupby("train_runs"):
                where[n] = ", ".join(f"{w} ({int(k)})" for w, k in
                                     rows.groupby("workflow")["false_hits"].sum().sort_values(ascending=False).items())
        out["false hits in"] = [where.get(n, "") for n in out.index]
        return out.reset_index()

    def markdown(self) -> str:
        spread, wf = self.spread(), self.workflow_spread()
        for df in (spread, wf):
            for c in df.columns:
                if "rate" in c or c in ("min", "median", "max"):
                    df[c] = df[c].map(pct)
        seeds = sorted(set(zip(self.per_seed["seed_train"], self.per_seed["seed_test"], strict=True)))
        lines = [f"# rote eval '{self.suite.name}' over {len(seeds)} seed pairs", "",
                 f"{self.suite.train_runs} training and {self.suite.test_runs} test runs per workflow; "
                 f"seed pairs (train, test): {', '.join(f'({a}, {b})' for a, b in seeds)}.", "",
                 "## Spread", "", spread.to_markdown(index=False), "",
                 "## rote per workflow", "", wf.to_markdown(index=False), ""]
        curve = self.curve_spread()
        if not curve.empty:
            for c in curve.columns:
                if "rate" in c:
                    curve[c] = curve[c].map(pct)
            lines += ["## rote by training runs", "", curve.to_markdown(index=False), ""]
        if self.violations:
            lines += ["## Threshold violations", "", *[f"- {v}" for v in self.violations], ""]
        return "\n".join(lines)

    def write(self, directory: Path) -> list[Path]:
        directory.mkdir(parents=True, exist_ok=True)
        paths = [directory / "seeds.md", directory / "seeds.csv", directory / "seeds_per_workflow.csv"]
        paths[0].write_text(self.markdown())
        self.per_seed.to_csv(paths[1], index=False)
        self.per_workflow.to_csv(paths[2], index=False)
        if self.curve is not None:
            paths.append(directory / "seeds_curve.csv")
            self.curve.to_csv(paths[-1], index=False)
        return paths

    def print(self, console: Any = None) -> None:
        from rich.console import Console
        from rich.table import Table

        console = console or Console()
        per = Table(title=f"rote eval '{self.suite.name}' over seed pairs: hit rate (cacheable / seen paths) "
                          "false hits",
                    title_justify="left")
        systems = list(dict.fromkeys(self.per_seed["system"]))
        per.add_column("seeds (train, test)")
        for s in systems:
            per.add_column(s, justify="right")
        for (a, b), rows in self.per_seed.groupby(["seed_train", "seed_test"], sort=True):
            by = rows.set_index("system").to_dict("index")
            per.add_row(f"({a}, {b})", *[
                f"{pct(by[s]['hit_rate'])} ({pct(by[s]['cacheable_hit_rate'])} / "
                f"{pct(by[s].get('seen_path_hit_rate'))}) {by[s]['false_hits']:.0f}"
                for s in systems])
        spread = self.spread().set_index("system")
        per.add_row("min / median / max", *[
            " / ".join(pct(spread.at[s, f"hit_rate {k}"]) for k in ("min", "median", "max")) for s in systems],
            style="bold")
        console.print(per)
        wf = Table(title="rote per workflow over seed pairs: hit rate min / median / max (false hits)",
                   title_justify="left")
        for c in ("workflow", "min", "median", "max", "false hits"):
            wf.add_column(c, justify="left" if c == "workflow" else "right")
        for r in self.workflow_spread().to_dict("records"):
            name = f"{r['workflow']}" if r["cacheable"] else f"{r['workflow']} (not cacheable)"
            wf.add_row(name, pct(r["min"]), pct(r["median"]), pct(r["max"]), f"{r['false_hits']:.0f}")
        console.print(wf)
        curve = self.curve_spread()
        if not curve.empty:
            t = Table(title="rote by training runs over seed pairs: hit rate min / median / max, false hits",
                      title_justify="left")
            for c in ("training runs", "min", "median", "max", "false hits", "in"):
                t.add_column(c, justify="left" if c == "in" else "right")
            for r in curve.to_dict("records"):
                t.add_row(str(r["train_runs"]), pct(r["hit_rate min"]), pct(r["hit_rate median"]),
                          pct(r["hit_rate max"]), f"{r['false_hits total']:.0f}", r["false hits in"])
            console.print(t)
        for v in self.violations:
            console.print(f"[red]violation:[/red] {v}")


def seed_pairs(base: Seeds, n: int) -> list[Seeds]:
    """``n`` seed pairs from ``base`` on, no seed used twice.

    >>> [(p.train, p.test) for p in seed_pairs(Seeds(train=1, test=2), 3)]
    [(1, 2), (102, 103), (203, 204)]
    >>> [(p.train, p.test) for p in seed_pairs(Seeds(train=0, test=202), 2)]
    [(0, 202), (203, 405)]
    """
    stride = max(STRIDE, abs(base.test - base.train) + 1)
    return [Seeds(train=base.train + stride * i, test=base.test + stride * i) for i in range(n)]


def run_seeds(suite: str | Path | Suite, n: int, *, progress: bool = False, backend: str | None = None,
              work_dir: Path | None = None, curve: bool = False) -> SeedsReport:
    """Run ``suite``'s main point for ``n`` seed pairs (the suite's own pair first); with
    ``curve``, every point of its learning curve too, each held to its thresholds."""
    from evals.runner import run_suite

    if n < 1:
        raise ValueError("n must be at least 1")
    s = suite if isinstance(suite, Suite) else load_suite(suite)
    per_seed: list[pd.DataFrame] = []
    per_workflow: list[pd.DataFrame] = []
    violations: list[str] = []
    curves: list[pd.DataFrame] = []
    false: list[pd.DataFrame] = []
    for seeds in seed_pairs(s.seeds, n):
        point = s.model_copy(update={"seeds": seeds} if curve else {"seeds": seeds, "learning_curve": []})
        report: SuiteReport = run_suite(point, progress=progress, backend=backend, work_dir=work_dir)
        tag = {"seed_train": seeds.train, "seed_test": seeds.test}
        per_seed.append(report.summary.assign(**tag))
        pw = report.per_workflow.assign(**tag)
        per_workflow.append(pw.assign(cacheable=pw["workflow"].map(s.cacheable)))
        violations += [f"seeds ({seeds.train}, {seeds.test}): {v}" for v in report.violations]
        if curve:
            curves.append(report.curve.assign(**tag))
            calls = report.calls
            wrong = calls[(calls["system"] == "rote") & calls["false_hit"]]
            false.append(wrong.groupby(["train_runs", "workflow"]).size().rename("false_hits").reset_index()
                         .assign(**tag))
    return SeedsReport(s, pd.concat(per_seed, ignore_index=True), pd.concat(per_workflow, ignore_index=True),
                       violations, curve=pd.concat(curves, ignore_index=True) if curve else None,
                       curve_false=pd.concat(false, ignore_index=True) if curve else None)
