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
                               "--report gets seeds.md and CSVs.")] = None,
) -> None:
    """Replay a suite's test runs through rote and the baselines; exit 1 if a threshold is violated."""
    from rich.console import Console

    from evals.runner import run_suite
    from evals.suite import load_suite

    err = Console(stderr=True)
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
            spread = run_seeds(s, seeds, progress=not quiet, backend=backend)
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


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
