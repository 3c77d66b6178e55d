"""The spool writer: closed segments only, rotation by size and age, drops when full, crash recovery."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import orjson
import pytest

from proxy.recording import MissRecord
from proxy.spool import Line, SpoolWriter, recover_orphans
from proxy.stream import completion_to_sse
from tests.conftest import chat_record


class Blocking:
    """A record whose rendering waits, to hold the writer thread."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()

    def render(self) -> bytes | None:
        self.started.set()
        self.release.wait(5)
        return b'{"blocked": true}'


def closed(d: Path, prefix: str = "segment") -> list[Path]:
    return sorted(d.glob(f"{prefix}-*.jsonl"))


def test_rotation_by_size(tmp_path: Path) -> None:
    w = SpoolWriter(tmp_path, "segment", segment_bytes=20)
    w.start()
    for i in range(5):
        assert w.submit(Line(orjson.dumps({"i": i, "pad": "x" * 10})))
    w.close()
    segments = closed(tmp_path)
    assert len(segments) == 5 and not list(tmp_path.glob("*.open"))
    name = segments[0].name
    assert name.startswith("segment-") and f"-{os.getpid()}-" in name


def test_rotation_by_age_and_open_suffix_while_writing(tmp_path: Path) -> None:
    w = SpoolWriter(tmp_path, "segment", segment_seconds=0.2)
    w.start()
    w.submit(Line(b'{"a": 1}'))
    deadline = time.monotonic() + 2
    while not list(tmp_path.glob("*.jsonl.open")) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert list(tmp_path.glob("*.jsonl.open")) and closed(tmp_path) == []  # readers cannot see it yet
    while not closed(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert [p.read_bytes() for p in closed(tmp_path)] == [b'{"a": 1}\n']
    w.close()


def test_full_queue_drops_and_counts_never_blocks(tmp_path: Path) -> None:
    class Count:
        n = 0.0

        def inc(self, amount: float = 1) -> None:
            self.n += amount

    dropped = Count()
    w = SpoolWriter(tmp_path, "segment", queue_size=2, dropped=dropped)
    w.start()
    blocker = Blocking()
    w.submit(blocker)
    assert blocker.started.wait(5)
    t0 = time.perf_counter()
    results = [w.submit(Line(b"{}")) for _ in range(5)]
    assert time.perf_counter() - t0 < 0.05
    assert results == [True, True, False, False, False] and dropped.n == 3
    blocker.release.set()
    w.close()
    assert len(closed(tmp_path)[0].read_bytes().splitlines()) == 3


def test_orphaned_segments_are_recovered(tmp_path: Path) -> None:
    dead_pid = 2**22 + 12345  # above the default pid_max: no such process
    torn = tmp_path / f"segment-20260101T000000000000Z-{dead_pid}-1.jsonl.open"
    torn.write_bytes(b'{"a": 1}\n{"b": 2}\n{"c": ')
    empty = tmp_path / f"segment-20260101T000000000000Z-{dead_pid}-2.jsonl.open"
    empty.write_bytes(b'{"partial')
    recovered = recover_orphans(tmp_path, "segment")
    assert [p.read_bytes() for p in recovered] == [b'{"a": 1}\n{"b": 2}\n']
    assert not torn.exists() and not empty.exists()
    # Ownership is the segment's lock, not the pid in its name: test_spool_ownership.py.


def _miss(response: bytes, streamed: bool) -> MissRecord:
    rec = chat_record([{"role": "user", "content": "hi"}], "hello")
    return MissRecord({**rec["request"], "api_key": "sk-1"}, response, streamed, "ns", None,
                      [("authorization", "Bearer sk-1"), ("x-api-key", "sk-2"), ("x-trace", "t")],
                      frozenset(), 0.0, 12.5, "v1", False)


def test_miss_record_renders_ingest_format() -> None:
    rec = chat_record([{"role": "user", "content": "hi"}], "hello")
    for body, streamed in ((orjson.dumps(rec["response"]), False),
                           (completion_to_sse(rec["response"], include_usage=True), True)):
        line = _miss(body, streamed).render()
        assert line is not None and b"sk-" not in line
        out = orjson.loads(line)
        assert out["request"] == rec["request"]
        assert out["response"]["choices"][0]["message"]["content"] == "hello"
        assert out["rote"]["headers"] == {"x-trace": "t"} and out["rote"]["namespace"] == "ns"
        assert "bindings" not in out["rote"]


@pytest.mark.parametrize("body", [b"not json", b'{"error": {"message": "x"}}', b"data: {}\n\n"])
def test_miss_record_refuses_non_completions(body: bytes) -> None:
    assert _miss(body, body.startswith(b"data")).render() is None
