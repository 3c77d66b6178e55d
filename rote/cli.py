"""The ``rote`` command line. Sub-commands live beside the code they drive and are
imported lazily, so ``rote serve`` starts without loading induction or Prefect."""

from __future__ import annotations

import typer

app = typer.Typer(help="rote: learn repetitive LLM agent steps and replay them without a model.",
                  no_args_is_help=True, add_completion=False)


def main() -> None:
    app()
