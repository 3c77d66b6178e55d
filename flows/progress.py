"""Stage progress for whoever started the flow in this process (the CLI's progress bar).

Flows call ``stage`` and ``advance``; with no listener installed (a served
deployment, a test) they do nothing. The listener travels in a context
variable, so it reaches the flow body and the tasks it calls directly without
being a flow parameter.

>>> seen = []
>>> class Tape:
...     def stage(self, name, total=None): seen.append((name, total))
...     def advance(self, n=1): seen.append(n)
>>> with listening(Tape()):
...     stage("ingest", 2); advance()
>>> stage("ignored"); seen
[('ingest', 2), 1]
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Protocol

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TaskID, TimeElapsedColumn


class Listener(Protocol):
    def stage(self, name: str, total: int | None = None) -> None: ...
    def advance(self, n: int = 1) -> None: ...


_LISTENER: ContextVar[Listener | None] = ContextVar("rote_flow_progress", default=None)


def stage(name: str, total: int | None = None) -> None:
    listener = _LISTENER.get()
    if listener is not None:
        listener.stage(name, total)


def advance(n: int = 1) -> None:
    listener = _LISTENER.get()
    if listener is not None:
        listener.advance(n)


@contextlib.contextmanager
def listening(listener: Listener) -> Iterator[None]:
    token = _LISTENER.set(listener)
    try:
        yield
    finally:
        _LISTENER.reset(token)


class RichBar:
    """One bar per stage on ``console`` (stderr), each completed when the next starts."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.current: TaskID | None = None

    def stage(self, name: str, total: int | None = None) -> None:
        self._finish()
        self.current = self.progress.add_task(name, total=total)

    def advance(self, n: int = 1) -> None:
        if self.current is not None:
            self.progress.advance(self.current, n)

    def _finish(self) -> None:
        if self.current is not None:
            task = self.progress.tasks[-1]
            self.progress.update(self.current, total=task.total or max(task.completed, 1),
                                 completed=task.total or max(task.completed, 1))


@contextlib.contextmanager
def cli_progress(console: Console) -> Iterator[None]:
    """A rich progress display when ``console`` is a terminal; nothing otherwise."""
    if not console.is_terminal:
        yield
        return
    with Progress(SpinnerColumn(), "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=False) as progress:
        bar = RichBar(progress)
        with listening(bar):
            try:
                yield
            finally:
                bar._finish()
