"""Hot reload: new versions are swapped in under load with zero failed requests; broken ones refused."""

from __future__ import annotations

import asyncio
import gc
import threading
import time
import weakref
from collections import Counter
from pathlib import Path

import httpx
import orjson

from induction.publish import Publisher
from proxy.metrics import Metrics
from proxy.reload import TreeHolder
from rote.config import Home
from tests.proxy.conftest import ProxyFactory, hello
from tests.proxy.stub_upstream import StubUpstream
from tests.proxy.trees import hello_nodes, publish


def test_hot_reload_under_load(make_proxy: ProxyFactory, rote_home: Home, stub: tuple[StubUpstream, str]) -> None:
    stub[0].slow_seconds = 0.1
    url_pub = str(rote_home.publish_dir)
    publish(url_pub, hello_nodes(greeting="v1"))
    outcomes: Counter[str] = Counter()
    failures: list[str] = []
    stop = threading.Event()
    final: list[str] = []

    def publisher() -> None:
        time.sleep(0.3)
        publish(url_pub, hello_nodes(greeting="v2"))
        time.sleep(0.3)
        Publisher(url_pub).publish(b"this is not a tree")  # hash fine, content broken
        time.sleep(0.3)
        half = Path(url_pub) / "versions" / "half-written"
        half.mkdir(parents=True)
        (half / "tree.json").write_bytes(b'{"templates": [')  # no manifest yet
        (Path(url_pub) / "current").write_text("half-written\n")
        time.sleep(0.3)
        final.append(publish(url_pub, hello_nodes(greeting="v3")))
        time.sleep(0.4)
        stop.set()

    async def worker(client: httpx.AsyncClient, i: int) -> None:
        n = 0
        while not stop.is_set():
            n += 1
            kind = n % 6
            try:
                if kind == 5:  # a slow miss in flight across swaps
                    r = await client.post("/v1/chat/completions", json={"model": "slow", "messages": [
                        {"role": "user", "content": "hold on"}]})
                    assert r.status_code == 200 and r.headers["x-cache"] == "MISS", r.text
                    outcomes["miss"] += 1
                    continue
                streamed = kind in (1, 3)
                body = hello(f"W{i}n{n}", stream=streamed)
                r = await client.post("/v1/chat/completions", json=body)
                assert r.status_code == 200 and r.headers["x-cache"] == "HIT", (r.status_code, r.text)
                if streamed:
                    assert r.text.endswith("data: [DONE]\n\n")
                    data = [orjson.loads(line[6:]) for line in r.text.split("\n\n")
                            if line.startswith("data: {")]
                    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in data if c["choices"])
                else:
                    text = r.json()["choices"][0]["message"]["content"]
                version, name = text.split(", ", 1)
                assert name == f"W{i}n{n}!"
                outcomes[version] += 1
            except Exception as e:  # collected, so one failure does not hide the rest
                failures.append(f"{type(e).__name__}: {e}")

    async def load(url: str) -> None:
        async with httpx.AsyncClient(base_url=url, timeout=10) as client:
            await asyncio.gather(*(worker(client, i) for i in range(12)))

    with make_proxy(reload_retry_seconds=0.1) as (url, _):
        t = threading.Thread(target=publisher)
        t.start()
        asyncio.run(load(url))
        t.join()
        health = httpx.get(url + "/healthz").json()
        metrics = httpx.get(url + "/metrics").text
    assert failures == []
    assert sum(outcomes.values()) > 50  # requests really were in flight across the swaps (machine-speed bound kept low)
    assert outcomes["v1"] and outcomes["v2"] and outcomes["v3"] and outcomes["miss"]
    assert health["tree_version"] == final[0]
    assert 'rote_proxy_tree_reloads_total{result="loaded"} 3.0' in metrics
    refused = next(line for line in metrics.splitlines() if line.startswith('rote_proxy_tree_reloads_total{result="refused"}'))
    assert float(refused.split()[-1]) >= 2
    assert f'rote_proxy_tree_info{{version="{final[0]}"}} 1.0' in metrics


def test_starts_without_tree_and_picks_one_up(make_proxy: ProxyFactory, rote_home: Home) -> None:
    with make_proxy() as (url, _):
        assert httpx.get(url + "/healthz").json()["tree_version"] is None
        assert httpx.post(url + "/v1/chat/completions", json=hello("Zed")).headers["x-cache"] == "MISS"
        publish(str(rote_home.publish_dir), hello_nodes())
        for _ in range(200):
            if httpx.post(url + "/v1/chat/completions", json=hello("Zed")).headers["x-cache"] == "HIT":
                break
            time.sleep(0.02)
        else:
            raise AssertionError("the published tree was never picked up")


def test_broken_tree_at_startup_is_refused(make_proxy: ProxyFactory, rote_home: Home) -> None:
    Publisher(str(rote_home.publish_dir)).publish(b"{broken")
    with make_proxy() as (url, _):
        assert httpx.get(url + "/healthz").json()["tree_version"] is None
        r = httpx.post(url + "/v1/chat/completions", json=hello("Zed"))
        assert r.status_code == 200 and r.headers["x-cache"] == "MISS"


def test_installed_trees_are_frozen_and_replaced_ones_freed(rote_home: Home) -> None:
    url = str(rote_home.publish_dir)
    holder = TreeHolder(url, Metrics())
    try:
        publish(url, hello_nodes(greeting="v1"))
        first = holder.poll()
        assert first is not None
        holder.install(first)
        assert gc.get_freeze_count() > 0  # full collections no longer walk the tree
        old = weakref.ref(first.runtime)
        del first
        publish(url, hello_nodes(greeting="v2"))
        second = holder.poll()
        assert second is not None
        holder.install(second)
        # Freed by reference counting alone, though frozen: a compiled tree has no cycles
        # (install does not run a full collection, a pause as long as the one it avoids).
        assert old() is None
        assert holder.current is second and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()  # the rest of the test process is not a server
