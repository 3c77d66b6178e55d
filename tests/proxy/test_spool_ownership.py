"""Spool segments are owned by a lock, not a pid: a proxy killed with SIGKILL strands no
acknowledged miss, also when its successor has the same pid (both pid 1 in a pid namespace,
as in a container) and when several proxies share one spool directory. Every miss the proxy
answered and wrote is ingested exactly once."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from flows.spool import take_in
from induction.store import Store
from proxy.spool import OPEN_SUFFIX, Line, SpoolWriter, recover_orphans
from rote.config import Home
from tests.proxy.stub_upstream import StubUpstream

UNSHARE = shutil.which("unshare")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def proxy(home: Home, upstream: str, *, pid_namespace: bool = False) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A real proxy process (``proxy.cli.serve``) on the home's spool; in its own pid namespace
    (where it is pid 1) if asked. Yields its URL and process (kill it to crash the proxy)."""
    port = _free_port()
    code = ("from proxy.cli import run; from proxy.config import ProxyConfig; from rote.config import Home; "
            f"run(ProxyConfig(home=Home.from_env(), upstream={upstream!r}, spool_segment_seconds=3600), "
            f"host='127.0.0.1', port={port}, log_level='warning')")
    cmd = [sys.executable, "-c", code]
    if pid_namespace:
        assert UNSHARE is not None
        # The proxy is pid 1 inside; signals go to it (its host pid), and unshare, its parent,
        # exits once it has reaped it.
        cmd = [UNSHARE, "--pid", "--fork", *cmd]
    proc = subprocess.Popen(cmd, env={**os.environ, "ROTE_HOME": str(home.root)}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, (proc.stderr.read() if proc.stderr else b"").decode()[-2000:]
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the proxy did not start"
            time.sleep(0.05)
        yield url, proc
    finally:
        if proc.poll() is None:
            os.kill(_proxy_pid(proc), signal.SIGINT)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if proc.stderr:
            proc.stderr.close()


def misses(url: str, tag: str, n: int) -> list[str]:
    """``n`` distinct misses, each answered (acknowledged) by the proxy; their questions."""
    out = []
    with httpx.Client(base_url=url, timeout=10) as c:
        for i in range(n):
            q = f"{tag} question {i}"
            r = c.post("/v1/chat/completions", json={"model": "m", "messages": [{"role": "user", "content": q}]})
            assert r.status_code == 200 and r.headers["x-cache"] == "MISS"
            out.append(q)
    return out


def spooled(home: Home) -> list[str]:
    """The questions in every segment, open or closed (what the writers have written)."""
    out = []
    for p in sorted(home.spool_dir.glob("segment-*.jsonl*")):
        for line in p.read_bytes().splitlines():
            out.append(orjson.loads(line)["request"]["messages"][0]["content"])
    return out


def wait_written(home: Home, expected: set[str], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not expected <= set(spooled(home)):
        assert time.monotonic() < deadline, f"{len(expected - set(spooled(home)))} misses never spooled"
        time.sleep(0.05)


def ingested(home: Home) -> list[str]:
    with Store.open(home.store_path, read_only=True) as store:
        return [r.messages[0]["content"] for r in store.iter_records()]


def _proxy_pid(proc: subprocess.Popen[bytes]) -> int:
    """The proxy's host pid: the process itself, or unshare's child in a pid namespace."""
    if Path(proc.args[0]).name != "unshare":  # type: ignore[index]
        return proc.pid
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
    return int(children[0])


def kill9(proc: subprocess.Popen[bytes]) -> None:
    os.kill(_proxy_pid(proc), signal.SIGKILL)
    proc.wait(10)  # returns once the proxy is reaped: its files (and locks) are closed


@pytest.mark.skipif(UNSHARE is None or os.geteuid() != 0, reason="needs unshare and root for a pid namespace")
def test_kill9_then_immediate_restart_with_the_same_pid(rote_home: Home, stub: tuple[StubUpstream, str]) -> None:
    with proxy(rote_home, stub[1], pid_namespace=True) as (url, first):
        before = misses(url, "first", 40)
        wait_written(rote_home, set(before))
        (open_segment,) = rote_home.spool_dir.glob(f"segment-*{OPEN_SUFFIX}")
        assert "-1-" in open_segment.name  # written by pid 1
        kill9(first)
    # The successor is pid 1 too: it takes the dead one's segment because its lock is free.
    with proxy(rote_home, stub[1], pid_namespace=True) as (url, _second):
        assert not open_segment.exists()
        assert sorted(spooled(rote_home)) == sorted(before)
        after = misses(url, "second", 25)
        wait_written(rote_home, set(after))
        take_in(rote_home)  # while the second proxy writes: its own segment is left alone
        assert sorted(ingested(rote_home)) == sorted(before)
    take_in(rote_home)  # the second proxy closed its segment on shutdown
    got = ingested(rote_home)
    assert sorted(got) == sorted(before + after) and len(got) == len(set(got)) == 65


def test_two_proxies_on_one_spool_directory(rote_home: Home, stub: tuple[StubUpstream, str]) -> None:
    with proxy(rote_home, stub[1]) as (url_a, a), proxy(rote_home, stub[1]) as (url_b, _b):
        sent_a, sent_b = misses(url_a, "a", 20), misses(url_b, "b", 20)
        wait_written(rote_home, set(sent_a + sent_b))
        assert len(list(rote_home.spool_dir.glob(f"segment-*{OPEN_SUFFIX}"))) == 2
        # Both alive: recovery (any process, any pid) takes neither segment.
        assert recover_orphans(rote_home.spool_dir, "segment") == []
        kill9(a)
        # A's segment is an orphan now; B's is still held. `rote induce`'s ingest seals A's.
        summary = take_in(rote_home)
        assert len(summary.sources) == 1 and sorted(ingested(rote_home)) == sorted(sent_a)
        more_b = misses(url_b, "b-more", 10)
        wait_written(rote_home, set(more_b))
    take_in(rote_home)
    got = ingested(rote_home)
    assert sorted(got) == sorted(sent_a + sent_b + more_b) and len(got) == len(set(got))
    assert sorted(spooled(rote_home)) == sorted(got)  # and no line was spooled twice


def test_a_segment_is_recovered_by_its_lock_whatever_pid_its_name_has(tmp_path: Path) -> None:
    # Named with this very process's pid (a restart that got the dead writer's pid) but
    # unlocked: an orphan. Locked by a live holder under a dead pid: left alone.
    mine = tmp_path / f"segment-20260101T000000000000Z-{os.getpid()}-1{OPEN_SUFFIX}"
    mine.write_bytes(b'{"a": 1}\n{"b"')
    held = tmp_path / f"segment-20260101T000000000000Z-{2**22 + 7}-1{OPEN_SUFFIX}"
    held.write_bytes(b'{"c": 3}\n')
    with open(held, "rb") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        recovered = recover_orphans(tmp_path, "segment")
        assert [p.read_bytes() for p in recovered] == [b'{"a": 1}\n'] and held.exists()
    assert [p.read_bytes() for p in recover_orphans(tmp_path, "segment")] == [b'{"c": 3}\n']


def test_the_writer_recovers_periodically_and_never_takes_its_own_segment(tmp_path: Path) -> None:
    w = SpoolWriter(tmp_path, "segment", recover_seconds=0.1, segment_seconds=3600)
    w.start()
    try:
        w.submit(Line(b'{"mine": 1}'))
        deadline = time.monotonic() + 5
        while not list(tmp_path.glob(f"*{OPEN_SUFFIX}")):
            assert time.monotonic() < deadline
            time.sleep(0.01)
        # A writer that died after the start-up recovery ran.
        orphan = tmp_path / f"segment-20260101T000000000000Z-{os.getpid()}-99{OPEN_SUFFIX}"
        orphan.write_bytes(b'{"orphan": 1}\n')
        while orphan.exists():
            assert time.monotonic() < deadline, "the writer never recovered the orphan"
            time.sleep(0.02)
        time.sleep(0.3)  # a few more recovery rounds: its own open segment stays open
        (own,) = tmp_path.glob(f"*{OPEN_SUFFIX}")
        assert own.read_bytes() == b'{"mine": 1}\n'
    finally:
        w.close()
    assert sorted(p.read_bytes() for p in tmp_path.glob("segment-*.jsonl")) == [b'{"mine": 1}\n',
                                                                                  b'{"orphan": 1}\n']


def test_a_deep_but_valid_request_is_spooled_and_ingested(tmp_path: Path) -> None:
    deep: dict[str, object] = {}
    inner = deep
    for _ in range(600):  # orjson.dumps stops at 254 levels, the proxy parses up to 1024
        inner["a"] = {}
        inner = inner["a"]  # type: ignore[assignment]
    home = Home(root=tmp_path / "home").ensure()
    from proxy.recording import MissRecord

    request = {"model": "m", "messages": [{"role": "user", "content": "deep"}], "metadata": deep}
    response = orjson.dumps({"id": "c", "object": "chat.completion", "created": 1, "model": "m",
                             "choices": [{"index": 0, "finish_reason": "stop",
                                          "message": {"role": "assistant", "content": "ok"}}]})
    w = SpoolWriter(home.spool_dir, "segment")
    w.start()
    w.submit(MissRecord(request, response, False, "default", None, [], frozenset(), 0.0, 1.0, None, False))
    w.close()
    (line,) = spooled_lines = [x for p in home.spool_dir.glob("segment-*.jsonl") for x in p.read_bytes().splitlines()]
    assert len(spooled_lines) == 1 and orjson.loads(line)["request"] == request
    take_in(home)
    with Store.open(home.store_path, read_only=True) as store:
        (rec,) = list(store.iter_records())
    assert rec.params["metadata"] == deep


def test_a_deep_request_through_the_proxy_is_answered_and_spooled(make_proxy: Any, rote_home: Home) -> None:
    deep: dict[str, object] = {}
    inner = deep
    for _ in range(700):
        inner["a"] = {}
        inner = inner["a"]  # type: ignore[assignment]
    body = {"model": "m", "messages": [{"role": "user", "content": "deep"}], "metadata": deep}
    with make_proxy() as (url, _app):
        r = httpx.post(url + "/v1/chat/completions", content=json.dumps(body), timeout=10,
                       headers={"content-type": "application/json"})
        assert r.status_code == 200 and r.headers["x-cache"] == "MISS"
    (line,) = [x for p in rote_home.spool_dir.glob("segment-*.jsonl") for x in p.read_bytes().splitlines()]
    assert orjson.loads(line)["request"]["metadata"] == deep
