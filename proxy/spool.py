"""The spool: append-only JSON Lines segments, written by one thread off the request path.

A request hands its record to :meth:`SpoolWriter.submit`, which never blocks: if
the bounded queue is full the record is dropped and counted. The writer thread
renders each record (parsing, reassembly and serialisation happen there, not on
the event loop), appends it to ``<prefix>-<utc-ts>-<pid>-<n>.jsonl.open`` and,
when the segment reaches its size or age limit or the writer closes, fsyncs it
and renames it to ``.jsonl``: readers only ever pick up closed segments.

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

import logging
import os
import queue
import re
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Protocol

log = logging.getLogger("rote.proxy.spool")

OPEN_SUFFIX = ".jsonl.open"
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
                 invalid: Incrementable | None = None) -> None:
        self.directory = directory
        self.prefix = prefix
        self.segment_bytes = segment_bytes
        self.segment_seconds = segment_seconds
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
        while True:
            wait = self._opened_at + self.segment_seconds - time.monotonic() if self._file else None
            try:
                item = self._queue.get(timeout=max(wait, 0.001)) if wait is not None else self._queue.get()
            except queue.Empty:
                item = None
            if item is _STOP:
                break
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
            self._path = self.directory / f"{self.prefix}-{ts}-{os.getpid()}-{self._n}{OPEN_SUFFIX}"
            try:
                self._file = open(self._path, "xb")  # noqa: SIM115 - lives across calls until rotation
            except FileExistsError:  # another writer in this process, same microsecond
                continue
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
            f.close()
            done = path.with_name(path.name.removesuffix(".open"))
            os.replace(path, done)
            _fsync_dir(self.directory)
            log.debug("spool.segment_closed", extra={"path": str(done), "bytes": self._size})
        except OSError:
            log.exception("spool.close_failed", extra={"path": str(path)})


_PID = re.compile(r"-(\d+)-\d+\.jsonl\.open$")


def recover_orphans(directory: Path, prefix: str) -> list[Path]:
    """Close segments left open by a process that died: keep their whole lines, rename them."""
    out = []
    for path in sorted(directory.glob(f"{prefix}-*{OPEN_SUFFIX}")):
        m = _PID.search(path.name)
        if m is None or _alive(int(m.group(1))):
            continue
        data = path.read_bytes()
        keep = data[: data.rfind(b"\n") + 1]  # a torn last line is not a record
        if not keep:
            path.unlink(missing_ok=True)
            continue
        if len(keep) != len(data):
            with open(path, "r+b") as f:
                f.truncate(len(keep))
                os.fsync(f.fileno())
        done = path.with_name(path.name.removesuffix(".open"))
        os.replace(path, done)
        out.append(done)
        log.warning("spool.recovered_segment", extra={"path": str(done), "bytes": len(keep)})
    if out:
        _fsync_dir(directory)
    return out


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
