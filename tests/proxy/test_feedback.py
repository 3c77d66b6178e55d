"""Feedback: ``ok: false`` turns a template path off at once (and for every worker); reports are spooled."""

from __future__ import annotations

import httpx

from rote.config import Home
from tests.proxy.conftest import ProxyFactory, hello, spool_lines


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
