"""``rote induce``, ``rote merge``, ``rote schedule``: one-line user errors, a local run, the
deployments (served end to end on a real Prefect server in ``test_scheduled.py``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from flows.settings import FlowSettings
from induction.ingest import ingest_stream
from induction.publish import Publisher
from induction.runtime.compiled import CompiledTree
from induction.store import Store
from rote.cli import app
from tests.flows.conftest import hello, hello_request

runner = CliRunner()
ROTE = str(Path(sys.executable).with_name("rote"))


@pytest.fixture
def quiet_prefect(monkeypatch: pytest.MonkeyPatch) -> None:
    """What ``rote induce`` sets for itself, set here so it is undone after the test."""
    for var, value in (("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL"),
                       ("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")):
        monkeypatch.setenv(var, value)


def ingest(home: Path, names: list[str]) -> None:
    with Store.open(home / "rote.duckdb") as store:
        lines = b"".join(orjson.dumps(hello(n)) + b"\n" for n in names)
        import io

        ingest_stream(store, io.BytesIO(lines), source="test")


def test_user_errors_are_one_line_and_start_no_prefect(home: Path) -> None:
    r = runner.invoke(app, ["induce"])
    assert r.exit_code == 2 and "error: no records to induce from" in r.output and "Traceback" not in r.output
    ingest(home, ["Erik", "Maria"])
    r = runner.invoke(app, ["merge", "zzz"])
    assert r.exit_code == 2 and "unknown node 'zzz'" in r.output
    r = runner.invoke(app, ["induce", "--backend", "gpt"])
    assert r.exit_code == 2 and "unknown backend 'gpt'" in r.output
    r = runner.invoke(app, ["induce", "--task-runner", "spark"])
    assert r.exit_code == 2 and "unknown task runner 'spark'" in r.output


def test_a_store_held_by_another_process_is_a_clear_error(home: Path) -> None:
    ingest(home, ["Erik"])
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(60)", str(home / "rote.duckdb")],
                              stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"held"
        r = runner.invoke(app, ["induce", "--wait", "0.5"])
        assert r.exit_code == 2 and "in use by another process" in r.output and "Traceback" not in r.output
        # Who holds it, and that we waited (test_store_wait.py: waiting until it is free).
        assert f"held by pid {holder.pid}" in r.output and "waited 0 s" in r.output
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.usefixtures("prefect_harness", "quiet_prefect")
def test_induce_publishes_where_serve_reads_then_has_nothing_to_do(home: Path) -> None:
    ingest(home, ["Erik", "Maria", "Kwame"])
    r = runner.invoke(app, ["induce", "--json"])
    assert r.exit_code == 0, r.output
    summary = json.loads(r.stdout)
    pub = Publisher(home / "published")
    assert summary["published_version"] == pub.current() and summary["records"] == 3
    hit = CompiledTree.from_bytes(pub.read_tree()).lookup(hello_request("Zed"))
    assert hit is not None and hit.response["choices"][0]["message"]["content"] == "Hello, Zed!"
    r = runner.invoke(app, ["induce"])
    assert r.exit_code == 0 and "nothing to do (no new records since the last run)" in r.stdout
    assert pub.current() == summary["published_version"]


def test_schedule_serves_the_three_deployments(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import flows.deploy

    seen: dict[str, Any] = {}
    monkeypatch.setattr(flows.deploy, "serve", lambda settings, **kw: seen.update(settings=settings, **kw))
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")  # no managed server started
    r = runner.invoke(app, ["schedule", "--cron", "30 3 * * *", "--publish-url", str(home / "trees")])
    assert r.exit_code == 0, r.output
    assert seen["cron"] == "30 3 * * *" and seen["settings"].publish_url == str(home / "trees")

    deps = flows.deploy.deployments(FlowSettings.build(home=home, env={}), cron="30 3 * * *", timezone="Europe/Berlin")
    names = {(d.flow_name, d.name): d for d in deps}
    assert set(names) == {("induction", "nightly"), ("merge", "on-demand"), ("eval", "on-demand")}
    nightly = names["induction", "nightly"]
    (schedule,) = nightly.schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("30 3 * * *", "Europe/Berlin")
    assert nightly.entrypoint == "flows.induction_flow.induction_flow"
    assert nightly.parameters["home"] == str(home) and names["merge", "on-demand"].schedules == []


@pytest.mark.usefixtures("prefect_harness")
def test_eval_flow_keeps_the_report_as_artifacts() -> None:
    from flows.eval_flow import eval_flow
    from tests.flows.test_induction_flow import artifacts

    state = eval_flow("small", return_state=True)
    out = state.result(raise_on_failure=False)
    assert out["suite"] == "small" and state.is_completed() == out["ok"]
    arts = artifacts(state.state_details.flow_run_id)
    assert set(arts) == {"eval-small", "eval-small-summary"}
    assert "small" in str(arts["eval-small"])
