"""Waiting instead of failing on the DuckDB store: ``rote ingest`` and ``rote induce`` wait for
a store another process holds (saying who), an induction's ingest step is retried when the
store stays held, and ``rote stats`` answers during an ingest from the snapshot its writer
left beside the store."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from flows.settings import FlowSettings
from induction.store import Store, read_snapshot
from rote.cli import app
from tests.flows.conftest import hello, write_segment
from tests.flows.test_cli import ingest

runner = CliRunner()


@contextmanager
def held(store_path: Path, seconds: float) -> Iterator[subprocess.Popen[bytes]]:
    """Another process holding the store read-write for ``seconds`` (as a long ingest would)."""
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(float(sys.argv[2]))",
                               str(store_path), str(seconds)], stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"held"
        yield holder
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout:
            holder.stdout.close()


def test_ingest_waits_for_the_store_and_says_who_holds_it(home: Path, tmp_path: Path) -> None:
    ingest(home, ["Erik"])
    records = tmp_path / "more.jsonl"
    records.write_bytes(orjson.dumps(hello("Maria")) + b"\n")
    with held(home / "rote.duckdb", 1.5) as holder:
        t0 = time.monotonic()
        r = runner.invoke(app, ["ingest", str(records), "--wait", "30"])
        waited = time.monotonic() - t0
    assert r.exit_code == 0, r.output
    assert f"is held by pid {holder.pid}" in r.output and "waiting up to 30 s" in r.output
    assert 1.0 < waited < 15 and "1 added" in r.output
    with held(home / "rote.duckdb", 30) as holder:
        r = runner.invoke(app, ["ingest", str(records), "--wait", "0.3"])
    assert r.exit_code == 2 and f"held by pid {holder.pid}" in r.output and "Traceback" not in r.output


def test_stats_answers_during_an_ingest_from_the_writers_snapshot(home: Path) -> None:
    ingest(home, ["Erik", "Maria"])  # the writer leaves its counts beside the store on close
    snap = read_snapshot(home / "rote.duckdb")
    assert snap is not None and snap["records"] == 2
    with held(home / "rote.duckdb", 30) as holder:
        r = runner.invoke(app, ["stats", "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["records"] == 2 and out["snapshot"] is True and out["as_of"]
    assert f"pid {holder.pid}" in r.stderr


@pytest.mark.usefixtures("prefect_harness")
def test_an_induction_whose_ingest_meets_a_held_store_retries_it(settings: FlowSettings) -> None:
    from prefect import flow
    from prefect.client.orchestration import get_client

    from flows.tasks import ingest as ingest_task

    write_segment(settings.home.spool_dir, [hello(n) for n in ("Erik", "Maria")])
    Store.open(settings.home.store_path).close()
    impatient = settings.model_copy(update={"store_wait": 0.2})

    @flow(name="ingest-retry")
    def run() -> object:
        return ingest_task.with_options(retry_delay_seconds=[1.0, 1.0])(impatient, [], return_state=True)

    with held(settings.home.store_path, 2.0):
        state = run()
    assert state.is_completed() and state.result().added == 2
    with get_client(sync_client=True) as client:
        task_run = client.read_task_run(state.state_details.task_run_id)
    assert task_run.run_count >= 2  # failed while held, then the retry ingested
