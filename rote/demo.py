"""``make demo``: the main job on the embedded defaults, no key and no service.

Runs ``induction_flow`` once (on rote's Prefect server if it runs, else on a temporary one that
dies with the demo, see ``flows.server``): ingests the shipped
fixture runs into ``$ROTE_HOME``, induces templates with the heuristic backend,
verifies and publishes them; then prints what was learned and replays the
held-out fixture calls against the published tree. Running it again ingests
and publishes nothing new (the flow is incremental) and prints the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from rote.config import Home, HomeError

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "fixtures"
INSPECTOR_URL = "http://127.0.0.1:8001/"  # `rote ui`'s default address


def main() -> None:
    from flows.cli import prefect_env

    prefect_env(verbose=False)
    from flows.induction_flow import induction_flow
    from flows.progress import cli_progress
    from induction.publish import Publisher
    from induction.runtime.compiled import CompiledTree

    console = Console()
    try:
        home = Home.from_env().check_writable()
    except HomeError as e:  # one line saying what to do, as every rote command does
        raise SystemExit(f"rote demo: {e}") from None
    console.rule(f"rote demo  (ROTE_HOME={home.root})")
    console.print("ingest the shipped fixture runs, induce (heuristic backend), verify, publish")
    from flows.server import api_for_run

    with cli_progress(Console(stderr=True)), api_for_run(
            home.root, note=lambda m: console.print(f"[dim]{escape(m)}[/dim]")):
        summary = induction_flow(files=[str(FIXTURES / "train.jsonl")], backend="heuristic",
                                 home=str(home.root), publish_url=str(home.publish_dir))
    console.print(summary.table())
    publisher = Publisher(home.publish_dir)
    tree = CompiledTree.from_bytes(publisher.read_tree())
    console.print(learned_table(tree))
    hits, right, total = replay(tree, FIXTURES / "test.jsonl")
    console.print(f"held-out calls ({(FIXTURES / 'test.jsonl').name}): {total}; answered from the published "
                  f"tree: {hits} ({right} identical to the recorded answer); the rest go to the model.")
    console.print(f"published version {publisher.current()} at {home.publish_dir}; serve it with "
                  "[bold]rote serve --upstream URL[/bold] (add [bold]--ui[/bold] for the inspector at /ui)")
    # Last: the default eval suite (its own temporary homes), rote beside the baselines.
    from evals.runner import run_suite

    console.rule("rote eval default")
    run_suite("default", progress=False).print(console)
    # Last line: where to look at what was learned (the web inspector over this home's trees).
    console.rule("inspect it")
    console.print(f"the tree just published, in a browser: [bold]ROTE_HOME={home.root} .venv/bin/rote ui[/bold] "
                  f"then open {INSPECTOR_URL}  (or [bold]rote serve --ui[/bold]: /ui on the proxy, with hits "
                  "and misses); from the shell: [bold]rote templates[/bold], [bold]rote why REQUEST.json[/bold]")


def learned_table(tree: Any, limit: int = 12) -> Table:
    """The live templates that answer (the last message of the context -> the cached answer)."""
    from induction.explain import render_message

    live = [n for n in tree.nodes if n.status == "live" and n.response is not None]
    live.sort(key=lambda n: (-n.response.evidence, n.id))
    counts = {s: sum(1 for n in tree.nodes if n.status == s) for s in ("live", "staged", "uncacheable")}
    table = Table(title=f"learned: {counts['live']} live, {counts['staged']} staged, {counts['uncacheable']} "
                        f"uncacheable template nodes (top {min(limit, len(live))} answering)", title_justify="left")
    several = len({n.namespace for n in live}) > 1
    if several:
        table.add_column("namespace")
    table.add_column("when the context ends with")
    table.add_column("answer with")
    table.add_column("calls", justify="right")
    for n in live[:limit]:
        cells = [escape(_short(render_message(n.template))), escape(_short(render_message(n.response.message))),
                 str(n.response.evidence)]
        table.add_row(*([n.namespace] if several else []), *cells)
    return table


def replay(tree: Any, path: Path) -> tuple[int, int, int]:
    """(hits, hits equal to the recorded answer, calls) over a JSON Lines file of records."""
    from induction.pipeline import same_answer

    hits = right = total = 0
    for line in path.read_bytes().splitlines():
        if not line.strip():
            continue
        rec = orjson.loads(line)
        total += 1
        ns = (rec.get("rote") or {}).get("namespace") or "default"
        hit = tree.lookup(rec["request"], ns)
        if hit is not None:
            hits += 1
            right += same_answer(hit.response["choices"][0]["message"], rec["response"]["choices"][0]["message"])
    return hits, right, total


def _short(text: str, width: int = 60) -> str:
    text = text.replace("\n", " ⏎ ")
    return text if len(text) <= width else text[: width - 1] + "…"


if __name__ == "__main__":
    main()
