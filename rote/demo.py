"""``make demo``: the main job on the embedded defaults, no key and no service.

Ingests the shipped fixture runs into ``$ROTE_HOME`` and prints the tree and the
store's counts. (Induction, publishing and evaluation join as they land.)
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from induction.ingest import ingest_stream
from induction.store import Store
from rote.config import Home

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "fixtures"


def main() -> None:
    console = Console()
    home = Home.from_env().ensure()
    console.rule(f"rote demo  (ROTE_HOME={home.root})")
    train = FIXTURES / "train.jsonl"
    with Store.open(home.store_path) as store, train.open("rb") as f:
        report = ingest_stream(store, f, source=str(train))
        console.print(f"ingested {train.name}: {report.added} new records, "
                      f"{report.skipped_existing} already present, {len(report.bad)} bad lines")
        stats = store.stats()
    from induction.cli import tree

    tree(node=None, depth=3, namespace=None, max_children=4)
    console.print(stats)


if __name__ == "__main__":
    main()
