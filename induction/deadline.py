"""How long an induction run may take, and stopping it from outside (SIGTERM, Ctrl-C).

An induction run holds a :class:`Deadline`: a wall-clock limit and a cancel flag. The
pipeline checks it between stages, on every stage call (namer, deriver, judge, spans),
before every model call (whose timeout it also caps) and while verification replays
records. A run past its limit raises :class:`RunTimedOut`; a cancelled one
:class:`RunCancelled`. Both are ``InductionError``: the run publishes nothing.

Why a flag and not only a signal handler: the flows run induction in worker threads,
and Python delivers signals to the main thread only. There, a ``KeyboardInterrupt`` or
Prefect's ``TerminationSignal`` unwinds to the task runner, which then *waits* for its
workers: a worker busy in induction would keep the process alive forever. So the main
thread cancels every active run (:func:`cancel_active_runs`, done by
:func:`cancel_on_signals` and :func:`cancel_on_exit`) and the workers stop at their next
check (well under a second; a model call waits at most for its own timeout, which the
remaining time caps).

>>> d = Deadline.start(None)
>>> d.check(), d.remaining() is None
(None, True)
>>> d.cancel("test")
>>> try:
...     d.check("verify")
... except RunCancelled as e:
...     print(e)
induction run cancelled (test) during verify
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

from rote.errors import InductionError


class RunTimedOut(InductionError):
    """The run went past its wall-clock limit (``InductionConfig.run_deadline_s``)."""

    def __init__(self, seconds: float, where: str) -> None:
        super().__init__(f"induction run exceeded its deadline of {seconds:g} s"
                         + (f" during {where}" if where else "")
                         + " (InductionConfig.run_deadline_s); nothing was published")
        self.seconds = seconds
        self.where = where


class RunCancelled(InductionError):
    """The run was cancelled from outside (a signal, the flow going down)."""

    def __init__(self, reason: str, where: str) -> None:
        super().__init__(f"induction run cancelled ({reason})" + (f" during {where}" if where else ""))
        self.reason = reason
        self.where = where


_ACTIVE: weakref.WeakSet[Deadline] = weakref.WeakSet()
_ACTIVE_LOCK = threading.Lock()


class Deadline:
    """A run's wall-clock limit (monotonic clock) and cancel flag; cheap to check often."""

    __slots__ = ("__weakref__", "_event", "_reason", "at", "seconds")

    def __init__(self, seconds: float | None) -> None:
        if seconds is not None and seconds <= 0:
            raise ValueError("a deadline needs a positive number of seconds (or None for none)")
        self.seconds = seconds
        self.at = None if seconds is None else time.monotonic() + seconds
        self._event = threading.Event()
        self._reason = ""

    @classmethod
    def start(cls, seconds: float | None) -> Deadline:
        """A deadline ``seconds`` from now, registered so :func:`cancel_active_runs` reaches it."""
        d = cls(seconds)
        with _ACTIVE_LOCK:
            _ACTIVE.add(d)
        return d

    def close(self) -> None:
        """The run is over: signals no longer concern it."""
        with _ACTIVE_LOCK:
            _ACTIVE.discard(self)

    def cancel(self, reason: str) -> None:
        self._reason = self._reason or reason
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def remaining(self) -> float | None:
        """Seconds left (never below 0), or None without a limit."""
        return None if self.at is None else max(0.0, self.at - time.monotonic())

    def check(self, where: str = "") -> None:
        """Raise :class:`RunCancelled` or :class:`RunTimedOut` if the run must stop now."""
        if self._event.is_set():
            raise RunCancelled(self._reason or "cancelled", where)
        if self.at is not None and time.monotonic() >= self.at:
            assert self.seconds is not None
            raise RunTimedOut(self.seconds, where)

    def cap(self, timeout_s: float, where: str = "") -> float:
        """``timeout_s`` shortened to the time left (checked first), for a blocking call.

        >>> Deadline(None).cap(30.0)
        30.0
        """
        self.check(where)
        left = self.remaining()
        return timeout_s if left is None else max(0.05, min(timeout_s, left))


def cancel_active_runs(reason: str) -> int:
    """Cancel every run in this process that has not finished; how many there were."""
    with _ACTIVE_LOCK:
        runs = list(_ACTIVE)
    for d in runs:
        d.cancel(reason)
    return len(runs)


@contextlib.contextmanager
def cancel_on_exit() -> Iterator[None]:
    """Cancel the active runs when the block is left by an interrupt (``KeyboardInterrupt``,
    ``SystemExit``, Prefect's ``TerminationSignal``: any ``BaseException`` that is not an
    ``Exception``). Put it *inside* a task runner's ``with``, so the runs stop before the
    runner waits for its workers. An ordinary error cancels nothing (a scheduler process
    keeps running the next flow).

    >>> with contextlib.suppress(KeyboardInterrupt), cancel_on_exit():
    ...     d = Deadline.start(None)
    ...     raise KeyboardInterrupt
    >>> d.cancelled
    True
    """
    try:
        yield
    except Exception:
        raise
    except BaseException as e:
        cancel_active_runs(type(e).__name__)
        raise


Handler = Callable[[int, FrameType | None], Any] | int | None


@contextlib.contextmanager
def cancel_on_signals(signals: tuple[signal.Signals, ...] = (signal.SIGTERM, signal.SIGINT)) -> Iterator[None]:
    """While the block runs, SIGTERM and SIGINT first cancel the active runs, then do what
    they did before (the previous handler; by default ``KeyboardInterrupt`` for SIGINT and
    ``SystemExit(143)`` for SIGTERM, so ``finally`` blocks and ``atexit`` still run and
    Prefect's temporary server is stopped). Outside the main thread it does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[signal.Signals, Handler] = {}

    def handler(signum: int, frame: FrameType | None) -> None:
        name = signal.Signals(signum).name
        cancel_active_runs(name)
        before = previous.get(signal.Signals(signum))
        if callable(before):
            before(signum, frame)
        elif signum == signal.SIGINT:
            raise KeyboardInterrupt
        elif before != signal.SIG_IGN:
            raise SystemExit(128 + signum)

    for s in signals:
        previous[s] = signal.signal(s, handler)
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h if h is not None else signal.SIG_DFL)
