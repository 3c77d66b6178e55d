"""Per-template counters and the recent-miss log, through a real proxy on a socket."""

from __future__ import annotations

import re

import httpx

from proxy.metrics import Metrics
from proxy.usage import OTHER, Usage
from tests.proxy.conftest import ProxyFactory, hello
from tests.proxy.stub_upstream import StubUpstream


def _metric(text: str, name: str) -> dict[str, float]:
    return {m.group(1): float(m.group(2)) for m in re.finditer(name + r'\{node="([^"]+)"\} (\S+)', text)}


def test_hits_per_template_and_misses_per_deepest_node(make_proxy: ProxyFactory, hello_tree: str,
                                                        stub: tuple[StubUpstream, str]) -> None:
    with make_proxy() as (url, app):
        for name in ("Erik", "Maria", "Ada"):
            r = httpx.post(f"{url}/v1/chat/completions", json=hello(name))
            assert r.headers["x-cache"] == "HIT"
        # The system message matches, the user message does not: counted under the system node.
        odd = hello("Bob")
        odd["messages"][1]["content"] = "Say goodbye to Bob."
        assert httpx.post(f"{url}/v1/chat/completions", json=odd).headers["x-cache"] == "MISS"
        first = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}]}
        assert httpx.post(f"{url}/v1/chat/completions", json=first).headers["x-cache"] == "MISS"
        text = httpx.get(f"{url}/metrics").text
        usage = app.state.usage
    assert _metric(text, "rote_proxy_template_hits_total") == {"hello-default": 3.0}
    assert _metric(text, "rote_proxy_template_misses_total") == {"sys-default": 1.0, "root": 1.0}
    recent = usage.recent()
    assert [m.reason for m in recent] == ["message 1 matches no template", "message 2 matches no template"]
    assert recent[1].path == ("sys-default",) and recent[1].request == odd and recent[1].tree_version == hello_tree


def test_miss_log_off(make_proxy: ProxyFactory, hello_tree: str, stub: tuple[StubUpstream, str]) -> None:
    with make_proxy(miss_log_size=0) as (url, app):
        odd = hello("Bob")
        odd["messages"][1]["content"] = "Say goodbye to Bob."
        assert httpx.post(f"{url}/v1/chat/completions", json=odd).headers["x-cache"] == "MISS"
        assert app.state.usage.recent() == [] and app.state.usage.miss_counts == {"sys-default": 1}


def test_label_sets_are_bounded() -> None:
    metrics = Metrics()
    usage = Usage(metrics, label_limit=3, miss_log_size=2, miss_log_body_bytes=100)
    for i in range(50):
        usage.hit(f"n{i}")
        usage.miss("v", "default", {"messages": [{"role": "user", "content": "x" * (i * 10)}]}, "r", (f"n{i}",))
    text = metrics.render().decode()
    assert len(_metric(text, "rote_proxy_template_hits_total")) == 4  # 3 nodes and "other"
    assert usage.hits[OTHER] == 47 and len(usage.miss_counts) == 4
    assert len(usage.recent()) == 2 and all(m.request is None for m in usage.recent())  # too large to keep
