"""The ``rote`` command line. Sub-commands live beside the code they drive; this
module only mounts them. Heavy imports stay inside the commands, so ``rote serve``
starts without loading induction or Prefect."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(help="rote: learn repetitive LLM agent steps and replay them without a model.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)

# Modules with a ``register(app)`` function adding their commands.
COMMAND_MODULES = ("induction.cli", "proxy.cli", "flows.cli", "evals.cli")
# Modules with a ``typer.Typer`` called ``app`` mounted as a command group.
GROUPS = {"sandbox": "sandbox.cli"}


def _mount() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise
            continue  # that package has no CLI yet
        module.register(app)
    for group, name in GROUPS.items():
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise
            continue
        app.add_typer(module.app, name=group)


_mount()


def main() -> None:
    app()
