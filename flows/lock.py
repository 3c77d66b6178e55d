"""One induction (or merge) run at a time per ``$ROTE_HOME``: an exclusive, non-blocking
``flock`` on a file under ``locks/``. The kernel drops the lock when the holder dies,
so a crashed run never leaves a stale lock behind.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> with run_lock(d):
...     try:
...         with run_lock(d):
...             pass
...     except RunInProgressError as e:
...         print("busy")
busy
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from flows.errors import RunInProgressError


@contextlib.contextmanager
def run_lock(locks_dir: Path, name: str = "induction") -> Iterator[Path]:
    """Hold ``locks_dir/<name>.lock`` for the block; ``RunInProgressError`` if someone else does."""
    locks_dir.mkdir(parents=True, exist_ok=True)
    path = locks_dir / f"{name}.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RunInProgressError(str(path), _holder(fd)) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _holder(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode().strip()
        return int(text) if text else None
    except (OSError, ValueError):
        return None
