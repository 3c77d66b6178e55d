"""The ``rote`` command line. Sub-commands live beside the code they drive; this
module only mounts them. Heavy imports stay inside the commands, so ``rote serve``
starts without loading induction or Prefect."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Mapping, Sequence

import typer

from rote.config import Home, HomeError

app = typer.Typer(help="rote: learn repetitive LLM agent steps and replay them without a model.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)

# Modules with a ``register(app)`` function adding their commands.
COMMAND_MODULES = ("induction.cli", "proxy.cli", "flows.cli", "evals.cli", "inspector.cli")
# Modules with a ``typer.Typer`` called ``app`` mounted as a command group.
GROUPS = {"sandbox": "sandbox.cli", "model": "rote.localmodel"}


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


# Commands that never touch $ROTE_HOME (eval works in temporary homes, the sandbox in none).
NO_HOME_COMMANDS = frozenset({"eval", "sandbox"})


def home_problem(argv: Sequence[str], env: Mapping[str, str] | None = None) -> str | None:
    """The one-line error for a command that needs ``$ROTE_HOME`` when it cannot be written
    (checked before the command starts, so no command gets halfway and dies in a traceback);
    None when it is fine or not needed (help, ``eval``, ``sandbox``).

    >>> home_problem(["stats", "--json"], {"ROTE_HOME": "/proc/rote"})[:32]
    'ROTE_HOME=/proc/rote is not usab'
    >>> home_problem(["stats", "--help"], {"ROTE_HOME": "/proc/rote"}) is None
    True
    """
    command = next((a for a in argv if not a.startswith("-")), None)
    if command is None or command in NO_HOME_COMMANDS or "--help" in argv or "-h" in argv:
        return None
    try:
        Home.from_env(dict(env) if env is not None else None).check_writable()
    except HomeError as e:
        return str(e)
    return None


def main() -> None:
    problem = home_problem(sys.argv[1:])
    if problem is not None:
        print(f"rote: {problem}", file=sys.stderr)
        sys.exit(2)
    try:
        app()
    except HomeError as e:  # the home became unusable while a command ran
        print(f"rote: {e}", file=sys.stderr)
        sys.exit(2)
