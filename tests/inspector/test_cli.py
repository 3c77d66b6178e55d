"""``rote templates``, ``rote why`` and ``rote explain STORE_NODE`` on the fixture tree."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from induction.pipeline import run_induction
from induction.publish import Publisher
from induction.runtime.compiled import CompiledTree
from induction.store import Store
from rote.cli import app
from rote.config import Home
from tests.inspector.conftest import Served
from tests.inspector.fixture_tree import held_out_records

runner = CliRunner()


def _tree(home: Home) -> CompiledTree:
    return CompiledTree.from_bytes(Publisher(home.publish_dir).read_tree())


def test_templates_lists_every_node_with_status_and_evidence(home: Home) -> None:
    tree = _tree(home)
    out = runner.invoke(app, ["templates"])
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    assert lines[0].split()[:6] == ["NODE", "STATUS", "ROLE", "RUNS", "CALLS", "HITS"]
    assert len(lines) == 1 + len(tree.nodes)
    hello = next(line for line in lines if "Say hello to {{name:word}}." in line)
    assert hello.split()[1:6] == ["live", "user", "5", "5", "-"] and hello.endswith("[name×5]")  # 5 names


def test_templates_json_filters_by_status(home: Home) -> None:
    out = runner.invoke(app, ["templates", "--status", "uncacheable", "--json"])
    assert out.exit_code == 0, out.output
    rows = [orjson.loads(line) for line in out.stdout.splitlines()]
    assert rows and {r["status"] for r in rows} == {"uncacheable"}
    assert all(r["note"] for r in rows)  # the notes published beside the tree say why
    bad = runner.invoke(app, ["templates", "--status", "hot"])
    assert bad.exit_code == 2


def test_why_exits_0_on_a_hit_and_1_on_a_miss(home: Home, tmp_path: Path) -> None:
    tree = _tree(home)
    records = held_out_records()
    hit = next(r for r in records if tree.lookup(r["request"]) is not None)
    miss = next(r for r in records if tree.explain(r["request"]).reason == "message 4 matches no template"
                and "get_order" in str(r["request"]))
    (tmp_path / "hit.json").write_bytes(orjson.dumps(hit["request"]))
    out = runner.invoke(app, ["why", str(tmp_path / "hit.json")])
    assert out.exit_code == 0, out.output
    assert out.stdout.startswith("HIT ") and "answer: " in out.stdout
    # A spool/record line, on stdin: the closest template and the span that differed.
    out = runner.invoke(app, ["why", "-"], input=orjson.dumps(miss).decode() + "\n")
    assert out.exit_code == 1, out.output
    assert "message 4 (tool) matches none" in out.stdout
    assert "expected 'cancelled\",\"email\":\"' where the message has 'shipped" in out.stdout
    out = runner.invoke(app, ["why", "--json", "-"], input=orjson.dumps(miss))
    doc = orjson.loads(out.stdout)
    assert out.exit_code == 1 and doc["hit"] is False and doc["stopped_at"] == 4
    assert doc["closest"][0]["status"] == "live" and len(doc["path"]) == 3


def test_why_names_the_rule_of_an_uncacheable_node(home: Home, tmp_path: Path) -> None:
    tree = _tree(home)
    vetoed = next(r for r in held_out_records() if "is uncacheable" in (tree.explain(r["request"]).reason or ""))
    (tmp_path / "r.json").write_bytes(orjson.dumps(vetoed))
    out = runner.invoke(app, ["why", str(tmp_path / "r.json")])
    assert out.exit_code == 1
    rules = [line for line in out.stdout.splitlines() if line.startswith("rule (")]
    assert "is uncacheable" in out.stdout and rules, out.stdout


def test_why_refuses_what_is_not_a_request(home: Home, tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text('{"hello": 1}')
    out = runner.invoke(app, ["why", str(tmp_path / "x.json")])
    assert out.exit_code == 2 and "no 'messages'" in out.output


def test_explain_takes_a_store_node_id(home: Home, tmp_path: Path) -> None:
    from tests.induction.builders import hello_records

    lines = [orjson.dumps({"request": {"model": "m", "messages": r.messages}, "response": r.response})
             for r in hello_records(["Erik", "Maria", "Ada"])]
    (tmp_path / "hello.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    assert runner.invoke(app, ["ingest", str(tmp_path / "hello.jsonl")]).exit_code == 0
    with Store.open(home.store_path) as store:
        _, result, _ = run_induction(store)
        sid = store.con.execute("SELECT node_id FROM nodes WHERE role = 'user' LIMIT 1").fetchone()[0]
    template = next(n for n in result.nodes if n.template.role == "user")
    out = runner.invoke(app, ["explain", sid[:10]])
    assert out.exit_code == 0, out.output
    assert out.stdout.startswith(f"store node {sid} is covered by template node {template.id}")
    assert f"node {template.id} (user, live)" in out.stdout


def test_templates_shows_the_hits_a_running_proxy_served(served: Served, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROTE_HOME", str(served.home.root))
    out = runner.invoke(app, ["templates", "--status", "live", "--json", "--proxy", served.url])
    assert out.exit_code == 0, out.output
    rows = [orjson.loads(line) for line in out.stdout.splitlines()]
    usage = served.app.state.usage
    assert sum(r["hits"] for r in rows) == sum(usage.hits.values()) > 0


def test_rote_ui_serves_the_published_tree(home: Home) -> None:
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    rote = Path(sys.executable).parent / "rote"
    proc = subprocess.Popen([str(rote), "ui", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/tree", params={"q": "Say hello"})
                break
            except httpx.ConnectError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.1)
        assert r.status_code == 200 and "Say hello to" in r.text
        assert "No proxy here" in httpx.get(f"http://127.0.0.1:{port}/misses").text
    finally:
        proc.terminate()
        proc.wait(10)
