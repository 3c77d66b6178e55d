"""``rote eval [SUITE]``: run an eval suite and print its summary table."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def eval_command(
    suite: Annotated[str, typer.Argument(help="A suite name in evals/suites/ or a path to a suite YAML.")] = "default",
    report: Annotated[Path | None, typer.Option("--report", help="Write report.md, CSVs and PNGs here.")] = None,
    http: Annotated[bool, typer.Option("--http", help="Also replay through the real proxy and a scripted "
                                                      "upstream.")] = False,
    backend: Annotated[str | None, typer.Option(help="Override the suite's induction backend "
                                                     "(heuristic, llm, hybrid).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress lines.")] = False,
    seeds: Annotated[int | None, typer.Option(
        "--seeds", min=1, help="Run the main point (no learning curve) for N seed pairs and report the spread; "
                               "--report gets seeds.md and CSVs. Corpus suites: N splits of the records "
                               "(each group's instances rotated by 0..N-1).")] = None,
    curve: Annotated[bool, typer.Option(
        "--curve", help="With --seeds: run every point of the learning curve for each seed pair too (false hits "
                        "after a few training runs on one pair in several show there).")] = False,
    corpora: Annotated[Path | None, typer.Option(
        "--corpora", envvar="ROTE_CORPORA", help="Corpus suites (loghub, webarena): the corpora directory "
                                                 "(default: ../shared/corpora beside the repo).")] = None,
    export: Annotated[Path | None, typer.Option(
        "--export", help="Corpus suites: also write the converted records as train.jsonl and test.jsonl here "
                         "(for rote ingest / induce / serve).")] = None,
    groups: Annotated[str | None, typer.Option(
        "--groups", help="Corpus suites: only these Loghub systems or WebArena sites (comma-separated).")] = None,
) -> None:
    """Replay a suite's test runs through rote and the baselines; exit 1 if a threshold is violated."""
    from rich.console import Console

    from evals.corpora.runner import is_corpus_suite
    from evals.runner import run_suite
    from evals.suite import load_suite

    err = Console(stderr=True)
    if curve and (seeds is None or is_corpus_suite(suite)):
        err.print("[red]error:[/red] --curve goes with --seeds on a workflow suite (a plain run draws the learning "
                  "curve already; a corpus suite has none)")
        raise typer.Exit(2)
    if is_corpus_suite(suite):
        _corpus_command(suite, report=report, http=http, backend=backend, quiet=quiet, seeds=seeds,
                        corpora=corpora, export=export, groups=groups)
        return
    try:
        s = load_suite(suite)
    except (FileNotFoundError, ValueError) as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from None
    if backend is not None and backend not in ("heuristic", "llm", "hybrid"):
        err.print(f"[red]error:[/red] unknown backend {backend!r}")
        raise typer.Exit(2)
    if seeds is not None:
        if http:
            err.print("[red]error:[/red] --seeds replays in process only (drop --http)")
            raise typer.Exit(2)
        from evals.seeds import run_seeds

        try:
            spread = run_seeds(s, seeds, progress=not quiet, backend=backend, curve=curve)
        except NotImplementedError as e:
            err.print(f"[red]error:[/red] {e}")
            raise typer.Exit(2) from None
        if report is not None:
            spread.write(report)
        spread.print(Console())
        if not spread.ok:
            raise typer.Exit(1)
        return
    try:
        result = run_suite(s, report_dir=report, http=http, progress=not quiet, backend=backend)
    except NotImplementedError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from None
    result.print(Console())
    if not result.ok:
        raise typer.Exit(1)


def _corpus_command(suite: str, *, report: Path | None, http: bool, backend: str | None, quiet: bool,
                    seeds: int | None, corpora: Path | None, export: Path | None, groups: str | None) -> None:
    """``rote eval loghub`` / ``rote eval webarena``: a corpus suite (see ``evals.corpora.runner``)."""
    from rich.console import Console

    from evals.corpora import CorpusMissing
    from evals.corpora.runner import load_corpus_suite, run_corpus_suite

    err = Console(stderr=True)
    if seeds is not None and (http or export is not None):
        err.print("[red]error:[/red] --seeds runs the splits in process only (drop --http and --export)")
        raise typer.Exit(2)
    if backend is not None and backend not in ("heuristic", "llm", "hybrid"):
        err.print(f"[red]error:[/red] unknown backend {backend!r}")
        raise typer.Exit(2)
    try:
        s = load_corpus_suite(suite)
        if groups:
            s = s.model_copy(update={"groups": [g.strip() for g in groups.split(",") if g.strip()]})
        if seeds is not None:
            # A corpus has no seeds: N other splits of its records instead (0 is the issue's).
            from evals.corpora.runner import print_rotations, run_corpus_rotations

            df = run_corpus_rotations(s, seeds, corpora=corpora, progress=not quiet, backend=backend)
            print_rotations(df, s.name, Console())
            if report is not None:
                report.mkdir(parents=True, exist_ok=True)
                df.to_csv(report / "splits.csv", index=False)
            limit = s.thresholds.max_false_hits
            rote = df[df["system"] == "rote"]
            if limit is not None and (rote["false_hits"] > limit).any():
                err.print(f"[red]threshold violated:[/red] rote: false hits above {limit} on some split")
                raise typer.Exit(1)
            return
        result = run_corpus_suite(s, corpora=corpora, http=http, report_dir=report, export_dir=export,
                                  progress=not quiet, backend=backend)
    except (CorpusMissing, ValueError) as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from None
    result.print(Console())
    if not result.ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
