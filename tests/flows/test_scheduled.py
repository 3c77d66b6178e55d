"""The schedule end to end on a real Prefect server (``prefect server start`` through ``rote
prefect start``, on a free loopback port, its database under the test's ``$ROTE_HOME``):
``rote schedule --interval`` registers the deployments, Prefect's scheduler creates a run, the
runner executes it and a new version is published; ``prefect deployment ls`` answers; an
on-demand merge runs; ``rote induce`` reuses the server instead of starting its own.

These caught the pins: with SQLAlchemy 2.1 the scheduler never creates a run, with fastapi
0.151+ ``prefect deployment ls`` answers 422 (``pyproject.toml``)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from flows.server import ManagedServer, free_port, pid_alive
from induction.publish import Publisher
from induction.store import Store
from tests.flows.test_cli import ingest

BIN = Path(sys.executable).parent


def _env(home: Path, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(ROTE_HOME=str(home), PREFECT_HOME=str(tmp_path / "prefect-client"),
               PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL="WARNING",
               # The server's scheduler looks for due schedules every second (default: 60 s), the
               # runner polls for due runs every second (default: 10 s): the test waits less.
               PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS="1", PREFECT_RUNNER_POLL_FREQUENCY="1")
    return env


def _runs(url: str, deployment_id: str) -> list[dict[str, Any]]:
    r = httpx.post(f"{url}/flow_runs/filter", timeout=10,
                   json={"limit": 50, "sort": "EXPECTED_START_TIME_ASC",
                         "deployments": {"id": {"any_": [deployment_id]}}})
    r.raise_for_status()
    out: list[dict[str, Any]] = r.json()
    return out


def _wait_for(what: str, check: Any, timeout: float, proc: subprocess.Popen[bytes] | None = None) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"{what}: `rote schedule` exited with {proc.returncode}")
        assert time.monotonic() < deadline, f"{what}: not within {timeout:.0f} s"
        time.sleep(0.5)


@pytest.mark.slow
def test_a_scheduled_run_is_created_completes_and_publishes(home: Path, tmp_path: Path) -> None:
    ingest(home, ["Erik", "Maria", "Kwame"])
    with Store.open(home / "rote.duckdb", read_only=True) as store:
        (root,) = store.children(None, "default")
    env = _env(home, tmp_path)
    port = free_port()
    managed = ManagedServer(home)
    t0 = time.monotonic()
    serving: subprocess.Popen[bytes] | None = None
    reached_the_end = False
    try:
        started = subprocess.run([str(BIN / "rote"), "prefect", "start", "--port", str(port)], env=env,
                                 capture_output=True, timeout=150)
        assert started.returncode == 0, started.stderr.decode()[-2000:]
        state = managed.status()
        assert state is not None and state.url == f"http://127.0.0.1:{port}/api"
        url = state.url
        server_start = time.monotonic() - t0

        serving = subprocess.Popen([str(BIN / "rote"), "schedule", "--interval", "5"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)

        def deployment() -> Any:
            r = httpx.get(f"{url}/deployments/name/induction/nightly", timeout=10)
            return r.json() if r.status_code == 200 else None

        dep = _wait_for("the deployments are registered", deployment, 60, serving)
        assert dep["schedules"][0]["schedule"]["interval"] == 5.0

        def completed() -> Any:
            runs = _runs(url, dep["id"])
            return [r for r in runs if r["auto_scheduled"] and r["state_type"] == "COMPLETED"]

        (run, *_) = _wait_for("a scheduled run completes", completed, 90, serving)
        pub = Publisher(home / "published")
        first = pub.current()
        assert first is not None
        m = pub.manifest(first)
        assert m.stats["flow"] == "induction" and m.stats["records"] == 3

        # The operator's view works on these pins (it answered 422 with fastapi 0.151+).
        ls = subprocess.run([str(BIN / "prefect"), "deployment", "ls"], env={**env, "PREFECT_API_URL": url},
                            capture_output=True, timeout=60)
        assert ls.returncode == 0, ls.stderr.decode()[-2000:]
        assert b"induction/nightly" in ls.stdout and b"merge/on-demand" in ls.stdout

        # On demand, as an operator would trigger it: waits for the run (--watch).
        merged = subprocess.run([str(BIN / "prefect"), "deployment", "run", "merge/on-demand",
                                 "--param", f"node_id={root['node_id'][:10]}", "--watch", "--watch-timeout", "90"],
                                env={**env, "PREFECT_API_URL": url}, capture_output=True, timeout=120)
        assert merged.returncode == 0, merged.stdout.decode()[-2000:] + merged.stderr.decode()[-2000:]
        current = pub.current()
        assert current is not None and pub.manifest(current).stats["flow"] == "merge"
        reached_the_end = True
    finally:
        if serving is not None:
            os.killpg(serving.pid, signal.SIGINT)
            try:
                serving.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(serving.pid, signal.SIGKILL)
                serving.wait()
        if not reached_the_end:
            managed.stop()  # the test failed above: leave no server behind

    # `rote induce` reuses the running server: no temporary one, no start-up cost.
    try:
        t1 = time.monotonic()
        r = subprocess.run([str(BIN / "rote"), "induce", "--full", "--json"], env=env, capture_output=True,
                           timeout=120)
        induce_seconds = time.monotonic() - t1
        assert r.returncode == 0, r.stderr.decode()[-2000:]
        assert f"Prefect server: {url} (rote's managed server)" in r.stderr.decode()
        assert orjson.loads(r.stdout)["published_version"] == pub.current() != current
    finally:
        stopped = subprocess.run([str(BIN / "rote"), "prefect", "stop"], env=env, capture_output=True, timeout=60)
    assert stopped.returncode == 0 and managed.status() is None
    assert not pid_alive(state.pid)  # gone (or a zombie waiting for init to reap it)
    print(f"server start {server_start:.1f} s, induce on the running server {induce_seconds:.1f} s, "
          f"first scheduled run {run['name']}")
