"""Operations: health, metrics, X-Cache on every response, and a thin import graph."""

from __future__ import annotations

import subprocess
import sys

import httpx

from tests.proxy.conftest import ProxyFactory, hello


def test_healthz_and_metrics(make_proxy: ProxyFactory, hello_tree: str) -> None:
    with make_proxy() as (url, _):
        h = httpx.get(url + "/healthz")
        assert h.status_code == 200 and h.headers["x-cache"] == "BYPASS"
        assert h.json() == {"status": "ok", "tree_version": hello_tree, "upstream": "http", "spool_queue": 0}
        httpx.post(url + "/v1/chat/completions", json=hello("Zed"))
        httpx.post(url + "/v1/chat/completions", json=hello("Zed", n=3))
        httpx.post(url + "/v1/chat/completions", json={"model": "m", "messages": [{"role": "user", "content": "?"}]})
        httpx.post(url + "/v1/chat/completions", content=b"{")
        m = httpx.get(url + "/metrics")
    assert m.status_code == 200 and m.headers["content-type"].startswith("text/plain")
    text = m.text
    for line in ('rote_proxy_requests_total{cache="HIT"} 1.0', 'rote_proxy_requests_total{cache="MISS"} 1.0',
                 'rote_proxy_requests_total{cache="BYPASS"} 1.0', 'rote_proxy_bad_requests_total{status="400"} 1.0',
                 "rote_proxy_hit_seconds_count 1.0", "rote_proxy_miss_seconds_count 1.0",
                 f'rote_proxy_tree_info{{version="{hello_tree}"}} 1.0',
                 'rote_proxy_spool_dropped_total{kind="segment"} 0.0'):
        assert line in text, line


def test_every_response_carries_x_cache(make_proxy: ProxyFactory) -> None:
    with make_proxy() as (url, _):
        for r in (httpx.get(url + "/nowhere"), httpx.delete(url + "/v1/models"),
                  httpx.get(url + "/v1/chat/completions"), httpx.post(url + "/v1/rote/feedback", json={})):
            assert r.headers["x-cache"] == "BYPASS", (r.request.url, r.status_code)


def test_proxy_app_imports_stay_thin() -> None:
    code = ("import sys, proxy.app, proxy.cli; "
            "bad = [m for m in ('duckdb', 'prefect', 'litellm', 'induction.store', 'induction.ingest', 'openai') "
            "if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
