"""The spool: append-only JSON Lines segments, written by one thread off the request path.

A request hands its record to :meth:`SpoolWriter.submit`, which never blocks: if
the bounded queue is full the record is dropped and counted. The writer thread
renders each record (parsing, reassembly and serialisation happen there, not on
the event loop), appends it to ``<prefix>-<utc-ts>-<pid>-<n>.jsonl.open`` and,
when the segment reaches its size or age limit or the writer closes, fsyncs it
and renames it to ``.jsonl``: readers only ever pick up closed segments.

Ownership is a lock, not a pid: a writer holds an exclusive ``flock`` on each segment
it has open, from before the segment gets its ``.open`` name until after it is renamed.
The kernel releases the lock when the writer dies, however it dies, so any
``.open`` segment whose lock can be taken is an orphan: :func:`recover_orphans` seals
it (whole lines kept, a torn last line cut) and renames it for ingest. That holds for a
zombie, a restart that reuses the dead writer's pid (pid 1 in a container) and several
proxies on one spool directory. Recovery runs when a writer starts, every
``recover_seconds`` on its thread, and in ``rote induce`` before it ingests.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> w = SpoolWriter(d, "segment"); w.start()
>>> w.submit(Line(b'{"a": 1}'))
True
>>> w.close()
>>> [p.read_bytes() for p in d.glob("segment-*.jsonl")]
[b'{"a": 1}\\n']
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Protocol

log = logging.getLogger("rote.proxy.spool")

OPEN_SUFFIX = ".jsonl.open"
# A segment being created: locked under this name, then renamed to its ``.open`` name.
NEW_SUFFIX = ".new"
RECOVER_SECONDS = 30.0
_STOP = object()


class Recordable(Protocol):
    def render(self) -> bytes | None:
        """One JSON line (no newline), or None when there is nothing to record."""


class Incrementable(Protocol):
    def inc(self, amount: float = 1) -> None: ...


class _Nop:
    def inc(self, amount: float = 1) -> None:
        pass


@dataclass(frozen=True, slots=True)
class Line:
    data: bytes

    def render(self) -> bytes | None:
        return self.data


class SpoolWriter:
    def __init__(self, directory: Path, prefix: str, *, queue_size: int = 10_000,
                 segment_bytes: int = 16 * 1024 * 1024, segment_seconds: float = 60.0,
                 written: Incrementable | None = None, dropped: Incrementable | None = None,
                 invalid: Incrementable | None = None, recover_seconds: float = RECOVER_SECONDS) -> None:
        self.directory = directory
        self.prefix = prefix
        self.segment_bytes = segment_bytes
        self.segment_seconds = segment_seconds
        self.recover_seconds = recover_seconds
        self._recovered_at = 0.0
        self._queue: queue.Queue[object] = queue.Queue(maxsize=queue_size)
        self._written = written or _Nop()
        self._dropped = dropped or _Nop()
        self._invalid = invalid or _Nop()
        self._thread = threading.Thread(target=self._run, name=f"rote-spool-{prefix}", daemon=True)
        self._file: IO[bytes] | None = None
        self._path: Path | None = None
        self._opened_at = 0.0
        self._size = 0
        self._n = 0

    # -- request side ------------------------------------------------------
    def submit(self, item: Recordable) -> bool:
        """Queue a record; False (and counted) when the queue is full. Never blocks."""
        try:
            self._queue.put_nowait(item)
        except queue.Full:
            self._dropped.inc()
            return False
        return True

    def qsize(self) -> int:
        return self._queue.qsize()

    # -- lifecycle ---------------------------------------------------------
    def start(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        recover_orphans(self.directory, self.prefix)
        self._thread.start()

    def close(self, timeout: float = 30.0) -> None:
        """Write everything queued so far, close the segment, stop the thread."""
        if not self._thread.is_alive():
            return
        self._queue.put(_STOP, timeout=timeout)
        self._thread.join(timeout)

    # -- writer thread -----------------------------------------------------
    def _run(self) -> None:
        self._recovered_at = time.monotonic()  # start() recovered just now
        while True:
            now = time.monotonic()
            wait = self._recovered_at + self.recover_seconds - now
            if self._file is not None:
                wait = min(wait, self._opened_at + self.segment_seconds - now)
            try:
                item = self._queue.get(timeout=max(wait, 0.001))
            except queue.Empty:
                item = None
            if item is _STOP:
                break
            if time.monotonic() - self._recovered_at >= self.recover_seconds:
                # Segments of writers that died since (another worker, a previous process).
                self._recovered_at = time.monotonic()
                try:
                    recover_orphans(self.directory, self.prefix)
                except OSError:
                    log.exception("spool.recover_failed", extra={"directory": str(self.directory)})
            if item is not None:
                self._write(item)  # type: ignore[arg-type]
            if self._file is not None:
                if self._size >= self.segment_bytes or time.monotonic() - self._opened_at >= self.segment_seconds:
                    self._rotate()
                elif self._queue.empty():
                    self._flush()
        self._rotate()

    def _write(self, item: Recordable) -> None:
        try:
            line = item.render()
        except Exception:
            # A record we cannot render must not stop the writer; the request was answered already.
            log.exception("spool.render_failed", extra={"prefix": self.prefix})
            self._invalid.inc()
            return
        if line is None:
            self._invalid.inc()
            return
        try:
            if self._file is None:
                self._open()
            assert self._file is not None
            self._file.write(line + b"\n")
            self._size += len(line) + 1
            self._written.inc()
        except OSError:
            log.exception("spool.write_failed", extra={"path": str(self._path)})
            self._dropped.inc()

    def _open(self) -> None:
        ts = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        while self._file is None:
            self._n += 1
            path = self.directory / f"{self.prefix}-{ts}-{os.getpid()}-{self._n}{OPEN_SUFFIX}"
            new = path.with_name(f".{path.name}{NEW_SUFFIX}")
            try:
                f = open(new, "xb")  # noqa: SIM115 - lives across calls until rotation
            except FileExistsError:  # another writer, same microsecond and pid (a pid namespace)
                continue
            # Locked before it carries a name recovery looks at: never an "orphan" while ours.
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            if path.exists():
                f.close()
                new.unlink(missing_ok=True)
                continue
            os.replace(new, path)
            self._file, self._path = f, path
        self._opened_at = time.monotonic()
        self._size = 0

    def _flush(self) -> None:
        assert self._file is not None
        try:
            self._file.flush()
        except OSError:
            log.exception("spool.flush_failed", extra={"path": str(self._path)})

    def _rotate(self) -> None:
        if self._file is None or self._path is None:
            return
        f, path = self._file, self._path
        self._file = self._path = None
        try:
            f.flush()
            os.fsync(f.fileno())
            done = path.with_name(path.name.removesuffix(".open"))
            os.replace(path, done)  # still locked: no recovery can take it half-way
            _fsync_dir(self.directory)
            log.debug("spool.segment_closed", extra={"path": str(done), "bytes": self._size})
        except OSError:
            log.exception("spool.close_failed", extra={"path": str(path)})
        finally:
            with contextlib.suppress(OSError):
                f.close()  # releases the lock


def recover_orphans(directory: Path, prefix: str) -> list[Path]:
    """Seal segments no writer holds (their lock can be taken): keep their whole lines, rename
    them to ``.jsonl``. Segments a live writer holds are left alone, whatever their pid.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "segment-1-1.jsonl.open").write_bytes(b'{"a": 1}\\n{"torn')
    >>> [p.name for p in recover_orphans(d, "segment")], (d / "segment-1-1.jsonl").read_bytes()
    (['segment-1-1.jsonl'], b'{"a": 1}\\n')
    """
    out = []
    for path in sorted(directory.glob(f"{prefix}-*{OPEN_SUFFIX}")):
        done = _seal(path)
        if done is not None:
            out.append(done)
            log.warning("spool.recovered_segment", extra={"path": str(done)})
    # A writer that died between creating a segment and naming it left it empty.
    for path in directory.glob(f".{prefix}-*{OPEN_SUFFIX}{NEW_SUFFIX}"):
        with _locked(path) as fd:
            if fd is not None:
                path.unlink(missing_ok=True)
    if out:
        _fsync_dir(directory)
    return out


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[int | None]:
    """The file's descriptor with its exclusive lock taken, or None when a writer holds it (or
    the name no longer points at the file locked: another recovery renamed it meanwhile)."""
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        yield None
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield None
            return
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        yield fd if same else None
    finally:
        os.close(fd)  # releases the lock


def _seal(path: Path) -> Path | None:
    with _locked(path) as fd:
        if fd is None:
            return None
        size = os.fstat(fd).st_size
        data = os.pread(fd, size, 0)
        keep = data[: data.rfind(b"\n") + 1]  # a torn last line is not a record
        if not keep:
            path.unlink(missing_ok=True)
            return None
        if len(keep) != len(data):
            os.ftruncate(fd, len(keep))
        os.fsync(fd)
        done = path.with_name(path.name.removesuffix(".open"))
        os.replace(path, done)
        return done


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
