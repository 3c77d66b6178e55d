"""The Prefect server ``rote induce`` starts for itself when none runs dies with it: a
``kill -9`` of ``rote induce`` leaves no server behind (Prefect's own ephemeral server did:
a ~220 MB uvicorn reparented to init per kill)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.server import healthy, pid_alive
from tests.flows.test_cli import ingest

BIN = Path(sys.executable).parent


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return out


def _cmdline(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
    except OSError:
        return []


@pytest.mark.slow
def test_a_killed_induce_leaves_no_prefect_server_behind(home: Path, tmp_path: Path) -> None:
    ingest(home, ["Erik", "Maria", "Kwame"])
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(ROTE_HOME=str(home), PREFECT_HOME=str(tmp_path / "prefect-client"),
               PREFECT_SERVER_ANALYTICS_ENABLED="false")
    induce = subprocess.Popen([str(BIN / "rote"), "induce"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    server, port = None, ""
    try:
        deadline = time.monotonic() + 120
        while server is None or not healthy(f"http://127.0.0.1:{port}/api", timeout=1):
            assert induce.poll() is None, (induce.stderr.read() if induce.stderr else b"").decode()[-2000:]
            assert time.monotonic() < deadline, "rote induce never started its Prefect server"
            for child in _children(induce.pid):
                cmd = _cmdline(child)
                if "server" in cmd and "start" in cmd:
                    server, port = child, cmd[cmd.index("--port") + 1]
            time.sleep(0.3)
        os.kill(induce.pid, signal.SIGKILL)
        induce.wait(10)
        deadline = time.monotonic() + 15
        while pid_alive(server):
            assert time.monotonic() < deadline, f"the Prefect server (pid {server}) outlived rote induce"
            time.sleep(0.2)
        assert not healthy(f"http://127.0.0.1:{port}/api", timeout=1)
    finally:
        if induce.poll() is None:
            induce.kill()
            induce.wait()
        if server is not None and pid_alive(server):
            os.kill(server, signal.SIGKILL)
