"""Misses land in the spool in the ingest format, without credentials; hits and errors do not."""

from __future__ import annotations

import io

import httpx
import orjson

from rote.config import Home
from tests.proxy.conftest import ProxyFactory, hello, spool_lines
from tests.proxy.stub_upstream import StubUpstream


def post(url: str, body: object, **headers: str) -> httpx.Response:
    return httpx.post(url + "/v1/chat/completions", json=body, headers=headers, timeout=10)


def test_miss_recorded_without_credentials_and_ingestable(
        make_proxy: ProxyFactory, hello_tree: str, rote_home: Home, stub: tuple[StubUpstream, str]) -> None:
    secret = "sk-live-SECRET-123"
    with make_proxy(strip_headers=frozenset({"X-Internal-Run"})) as (url, _):
        r = post(url, {"model": "m", "messages": [{"role": "user", "content": "How are you?"}],
                       "api_key": secret},
                 authorization=f"Bearer {secret}", **{"x-team-token": secret, "x-internal-run": "r-7",
                                                      "x-run-label": "nightly",
                                                      "rote-bindings": '{"team": "blue"}'})
        assert r.status_code == 200 and r.headers["x-cache"] == "MISS"
        assert r.json()["choices"][0]["message"]["content"] == "echo: How are you?"
        assert post(url, hello("Zed")).headers["x-cache"] == "HIT"  # hits are not recorded
    # The caller's Authorization went upstream; rote's own headers did not.
    _, sent, _ = stub[0].requests[0]
    assert sent["authorization"] == f"Bearer {secret}" and "rote-bindings" not in sent
    raw = b"".join(p.read_bytes() for p in rote_home.spool_dir.glob("segment-*.jsonl"))
    assert secret.encode() not in raw and b"r-7" not in raw
    assert not list(rote_home.spool_dir.glob("*.open"))
    (rec,) = spool_lines(rote_home)
    assert rec["request"]["messages"] == [{"role": "user", "content": "How are you?"}]
    assert "api_key" not in rec["request"]
    assert rec["response"]["object"] == "chat.completion"
    meta = rec["rote"]
    assert meta["namespace"] == "default" and meta["cache"] == "MISS" and meta["bindings"] == {"team": "blue"}
    assert meta["headers"]["x-run-label"] == "nightly" and meta["latency_ms"] > 0 and meta["recorded_at"]

    from induction.ingest import ingest_stream
    from induction.store import Store

    with Store.open(rote_home.store_path) as store:
        report = ingest_stream(store, io.BytesIO(raw), source="spool")
        assert (report.added, report.bad) == (1, [])


def test_cache_directives_and_butter_bindings(make_proxy: ProxyFactory, hello_tree: str, rote_home: Home) -> None:
    with make_proxy() as (url, _):
        r = post(url, hello("Zed"), **{"rote-cache": "no-cache", "butter-bindings": '{"name": "Zed"}'})
        assert r.headers["x-cache"] == "BYPASS"  # looked nothing up, asked the upstream
        assert r.json()["id"] == "chatcmpl-up1"
        r = post(url, hello("Zed"), **{"rote-cache": "no-store"})
        assert r.headers["x-cache"] == "HIT"
        r = post(url, hello("x", messages=[{"role": "user", "content": "nope"}]), **{"Rote-Cache": "no-store"})
        assert r.headers["x-cache"] == "MISS"
        r = post(url, hello("x", messages=[{"role": "user", "content": "nope"}]),
                 **{"rote-bindings": '["not", "an", "object"]'})
        assert r.status_code == 400 and r.json()["error"]["param"] == "rote-bindings"
    (rec,) = spool_lines(rote_home)  # only the no-cache call
    assert rec["rote"]["bindings"] == {"name": "Zed"} and rec["rote"]["no_cache"] is True


def test_upstream_errors_not_recorded(make_proxy: ProxyFactory, rote_home: Home) -> None:
    with make_proxy() as (url, _):
        for model in ("fail-500", "fail-429"):
            r = post(url, {"model": model, "messages": [{"role": "user", "content": "x"}]})
            assert r.status_code == int(model[-3:]) and r.headers["x-cache"] == "MISS"
            assert r.json()["error"]["code"] == f"stub_{model[-3:]}" and r.headers["x-stub"] == "1"
    assert spool_lines(rote_home) == []


def test_segments_close_on_shutdown_and_rotate_by_size(make_proxy: ProxyFactory, rote_home: Home) -> None:
    with make_proxy(spool_segment_bytes=1) as (url, _):
        for i in range(3):
            post(url, {"model": "m", "messages": [{"role": "user", "content": f"q{i}"}]})
    segments = sorted(rote_home.spool_dir.glob("segment-*.jsonl"))
    assert len(segments) == 3
    contents = sorted(orjson.loads(p.read_bytes())["request"]["messages"][0]["content"] for p in segments)
    assert contents == ["q0", "q1", "q2"]
