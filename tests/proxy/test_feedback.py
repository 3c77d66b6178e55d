"""Feedback: ``ok: false`` turns a template path off at once (and for every worker); reports are spooled."""

from __future__ import annotations

import time

import httpx
import orjson
import pytest
from typer.testing import CliRunner

from rote.cli import app
from rote.config import Home
from tests.proxy.conftest import ProxyFactory, hello, spool_lines
from tests.proxy.trees import hello_nodes, publish


def chat(url: str, name: str, **headers: str) -> httpx.Response:
    return httpx.post(url + "/v1/chat/completions", json=hello(name), headers=headers)


def test_ok_false_disables_path_and_is_recorded(make_proxy: ProxyFactory, hello_tree: str,
                                                rote_home: Home) -> None:
    with make_proxy() as (url, _), make_proxy() as (other_worker, _):
        hit = chat(url, "Zed")
        assert hit.headers["x-cache"] == "HIT"
        rid = hit.json()["id"]
        good = httpx.post(url + "/v1/rote/feedback", json={"id": rid, "ok": True})
        assert good.status_code == 200 and good.json()["disabled"] is False
        assert chat(url, "Zed").headers["x-cache"] == "HIT"
        bad = httpx.post(url + "/v1/rote/feedback", json={"id": rid, "ok": False, "comment": "wrong greeting"})
        assert bad.status_code == 200 and bad.json() == {"id": rid, "node_id": "hello-default", "ok": False,
                                                          "disabled": True}
        assert chat(url, "Zed").headers["x-cache"] == "MISS"  # at once, in this worker
        assert chat(url, "Ann", **{"rote-namespace": "other"}).headers["x-cache"] == "MISS"
        # Another worker on the same home picks it up on its next reload tick.
        for _ in range(100):
            if chat(other_worker, "Bo").headers["x-cache"] == "MISS":
                break
        else:
            raise AssertionError("the other worker kept serving a disabled path")
    # ... and a restarted proxy still does not serve it.
    with make_proxy() as (url, _):
        assert chat(url, "Zed").headers["x-cache"] == "MISS"
    reports = [line["feedback"] for line in spool_lines(rote_home, "feedback")]
    assert [(r["ok"], r["node_id"], r["namespace"]) for r in reports] == [(True, "hello-default", "default"),
                                                                          (False, "hello-default", "default")]
    assert reports[1]["comment"] == "wrong greeting" and reports[1]["path"] == ["sys-default", "hello-default"]
    assert reports[1]["response_id"] == rid and reports[1]["tree_version"] == hello_tree


def test_feedback_validation_and_namespaces(make_proxy: ProxyFactory, hello_tree: str) -> None:
    with make_proxy() as (url, _):
        rid = chat(url, "Zed").json()["id"]
        fb = url + "/v1/rote/feedback"
        assert httpx.post(fb, json={"ok": False}).status_code == 400
        assert httpx.post(fb, json={"id": rid, "ok": "no"}).status_code == 400
        assert httpx.post(fb, content=b"nope").status_code == 400
        assert httpx.post(fb, json={"id": "chatcmpl-upstream1", "ok": False}).status_code == 404
        # Another namespace cannot touch this hit.
        r = httpx.post(fb, json={"id": rid, "ok": False}, headers={"rote-namespace": "eve"})
        assert r.status_code == 404
        assert chat(url, "Zed").headers["x-cache"] == "HIT"


def test_feedback_requires_proxy_key_when_keys_are_set(make_proxy: ProxyFactory, hello_tree: str) -> None:
    with make_proxy(proxy_keys=frozenset({"pk-1"})) as (url, _):
        hit = chat(url, "Zed", authorization="Bearer pk-1")
        assert hit.headers["x-cache"] == "HIT"
        fb = url + "/v1/rote/feedback"
        assert httpx.post(fb, json={"id": hit.json()["id"], "ok": False}).status_code == 401
        r = httpx.post(fb, json={"id": hit.json()["id"], "ok": False}, headers={"rote-proxy-key": "pk-1"})
        assert r.status_code == 200


def test_cli_lists_disabled_nodes_and_enables_them_again(make_proxy: ProxyFactory, rote_home: Home,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    publish(str(rote_home.publish_dir), hello_nodes() + hello_nodes("team-a"))
    monkeypatch.setenv("ROTE_HOME", str(rote_home.root))
    runner = CliRunner()
    assert runner.invoke(app, ["feedback", "list"]).stdout.strip() == "no node is disabled"
    with make_proxy() as (url, _), make_proxy() as (other_worker, _):
        rid = chat(url, "Zed").json()["id"]
        ann = chat(url, "Ann", **{"rote-namespace": "team-a"}).json()["id"]
        for response_id, ns in ((rid, "default"), (ann, "team-a")):
            r = httpx.post(url + "/v1/rote/feedback", json={"id": response_id, "ok": False, "comment": "wrong"},
                           headers={"rote-namespace": ns})
            assert r.json()["disabled"] is True
        listed = runner.invoke(app, ["feedback", "list"])
        assert listed.exit_code == 0
        lines = listed.stdout.strip().splitlines()
        assert [line.split("\t")[:2] for line in lines] == [["default", "hello-default"], ["team-a", "hello-team-a"]]
        assert rid in lines[0] and '"wrong"' in lines[0]
        as_json = [orjson.loads(x) for x in runner.invoke(app, ["feedback", "list", "--json"]).stdout.splitlines()]
        assert {(e["namespace"], e["node_id"], e["response_id"]) for e in as_json} == {
            ("default", "hello-default", rid), ("team-a", "hello-team-a", ann)}
        # Not disabled (or not in that namespace): exit 1, nothing written.
        assert runner.invoke(app, ["feedback", "enable", "nope"]).exit_code == 1
        assert runner.invoke(app, ["feedback", "enable", "hello-default", "--namespace", "team-a"]).exit_code == 1
        enabled = runner.invoke(app, ["feedback", "enable", "hello-default"])
        assert enabled.exit_code == 0 and "enabled hello-default in default" in enabled.stdout
        # Both running workers serve it again on their next reload tick; team-a's stays off.
        for worker in (url, other_worker):
            for _ in range(200):
                if chat(worker, "Bo").headers["x-cache"] == "HIT":
                    break
                time.sleep(0.01)
            else:
                raise AssertionError("a worker kept a re-enabled node off")
        assert chat(url, "Cy", **{"rote-namespace": "team-a"}).headers["x-cache"] == "MISS"
    with make_proxy() as (url, _):  # and after a restart
        assert chat(url, "Zed").headers["x-cache"] == "HIT"
        # Feedback can turn it off again: the last line for a node decides.
        rid = chat(url, "Zed").json()["id"]
        httpx.post(url + "/v1/rote/feedback", json={"id": rid, "ok": False})
        assert chat(url, "Zed").headers["x-cache"] == "MISS"
    assert [line.split("\t")[:2] for line in runner.invoke(app, ["feedback", "list"]).stdout.splitlines()] == [
        ["default", "hello-default"], ["team-a", "hello-team-a"]]
