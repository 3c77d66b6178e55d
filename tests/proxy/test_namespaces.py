"""Tenants: a template learned in one namespace never answers another; proxy keys gate access."""

from __future__ import annotations

import httpx

from proxy.callers import api_key_namespace
from rote.config import Home
from tests.proxy.conftest import ProxyFactory, hello, spool_lines
from tests.proxy.stub_upstream import StubUpstream
from tests.proxy.trees import hello_nodes, publish


def chat(url: str, **headers: str) -> httpx.Response:
    return httpx.post(url + "/v1/chat/completions", json=hello("Zed"), headers=headers)


def test_header_namespaces_are_isolated(make_proxy: ProxyFactory, rote_home: Home) -> None:
    publish(str(rote_home.publish_dir), hello_nodes("team-a"))
    with make_proxy() as (url, _):
        a = chat(url, **{"rote-namespace": "team-a"})
        assert a.headers["x-cache"] == "HIT" and a.headers["x-rote-node"] == "hello-team-a"
        assert chat(url, **{"rote-namespace": "team-b"}).headers["x-cache"] == "MISS"
        assert chat(url).headers["x-cache"] == "MISS"  # no header: 'default'
        bad = chat(url, **{"rote-namespace": "../etc"})
        assert bad.status_code == 400 and bad.json()["error"]["param"] == "Rote-Namespace"
    assert sorted(r["rote"]["namespace"] for r in spool_lines(rote_home)) == ["default", "team-b"]


def test_api_key_namespaces_cannot_be_chosen(make_proxy: ProxyFactory, rote_home: Home,
                                             stub: tuple[StubUpstream, str]) -> None:
    ns_a = api_key_namespace("sk-tenant-a")
    publish(str(rote_home.publish_dir), hello_nodes(ns_a))
    with make_proxy(namespace_from="api-key") as (url, _):
        assert chat(url, authorization="Bearer sk-tenant-a").headers["x-cache"] == "HIT"
        assert chat(url, authorization="Bearer sk-tenant-b").headers["x-cache"] == "MISS"
        # Naming A's namespace in a header does nothing in this mode.
        r = chat(url, authorization="Bearer sk-tenant-b", **{"rote-namespace": ns_a})
        assert r.headers["x-cache"] == "MISS"
        assert chat(url).status_code == 401
    recorded = spool_lines(rote_home)
    assert {r["rote"]["namespace"] for r in recorded} == {api_key_namespace("sk-tenant-b")}
    assert b"sk-tenant" not in b"".join(p.read_bytes() for p in rote_home.spool_dir.iterdir())


def test_proxy_keys(make_proxy: ProxyFactory, hello_tree: str, stub: tuple[StubUpstream, str]) -> None:
    with make_proxy(proxy_keys=frozenset({"pk-1", "pk-2"}), upstream_api_key="sk-provider") as (url, _):
        r = chat(url)
        assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_proxy_key"
        assert r.headers["x-cache"] == "BYPASS"
        assert chat(url, authorization="Bearer sk-wrong").status_code == 401
        assert httpx.get(url + "/v1/models").status_code == 401
        assert chat(url, authorization="Bearer pk-2").headers["x-cache"] == "HIT"
        # A proxy key as the bearer: the provider key configured on the proxy goes upstream instead.
        miss = httpx.post(url + "/v1/chat/completions", headers={"authorization": "Bearer pk-1"},
                          json={"model": "m", "messages": [{"role": "user", "content": "q"}]})
        assert miss.headers["x-cache"] == "MISS"
        # A proxy key in its own header: the caller's provider key goes upstream untouched.
        miss = httpx.post(url + "/v1/chat/completions",
                          headers={"authorization": "Bearer sk-own", "rote-proxy-key": "pk-1"},
                          json={"model": "m", "messages": [{"role": "user", "content": "q"}]})
        assert miss.status_code == 200
        assert httpx.get(url + "/healthz").status_code == 200  # operations stay open
    sent = [h for _, h, _ in stub[0].requests]
    assert [h["authorization"] for h in sent] == ["Bearer sk-provider", "Bearer sk-own"]
    assert all("rote-proxy-key" not in h for h in sent)
