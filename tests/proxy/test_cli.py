"""``rote serve``: the typer command, and a real multi-worker server in a subprocess."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import orjson
import pytest
import typer
from typer.testing import CliRunner

from proxy.cli import build_config, register
from rote.config import Home
from tests.proxy.conftest import hello
from tests.proxy.stub_upstream import StubUpstream
from tests.proxy.trees import hello_nodes, publish


def test_register_adds_serve() -> None:
    app = typer.Typer()
    register(app)

    @app.command()
    def other() -> None:  # a second command, so typer keeps sub-command names
        pass

    out = CliRunner().invoke(app, ["serve", "--help"])
    assert out.exit_code == 0
    for option in ("--host", "--port", "--upstream", "--tree", "--workers", "--namespace-from", "--proxy-keys"):
        assert option in out.output
    bad = CliRunner().invoke(app, ["serve", "--namespace-from", "ip"])
    assert bad.exit_code != 0


def test_build_config_from_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ROTE_HOME", str(tmp_path))
    monkeypatch.setenv("ROTE_PROXY_KEYS", "pk-alpha, pk-beta,")
    monkeypatch.setenv("ROTE_UPSTREAM", "http://up/v1/")
    c = build_config()
    assert c.home.root == tmp_path and c.proxy_keys == {"pk-alpha", "pk-beta"} and c.upstream == "http://up/v1"
    assert "pk-alpha" not in repr(c)  # keys stay out of logs and reprs
    c = build_config(upstream="http://x/v1", proxy_keys=[], litellm_model="", strip_headers=["X-A"])
    assert c.proxy_keys == frozenset() and c.litellm is not None and c.litellm.model is None
    assert c.strip_headers == {"x-a"}
    assert c.tree_url == str(tmp_path / "published")
    monkeypatch.setenv("ROTE_PUBLISH_URL", "memory://trees/prod")  # where the flows publish
    assert build_config().tree_url == "memory://trees/prod"
    assert build_config(tree=str(tmp_path / "t")).tree_url == str(tmp_path / "t")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_with_workers(tmp_path: Path, stub: tuple[StubUpstream, str]) -> None:
    home = Home(root=tmp_path / "home").ensure()
    version = publish(str(home.publish_dir), hello_nodes())
    port = _port()
    code = ("from proxy.cli import serve; "
            f"serve(host='127.0.0.1', port={port}, upstream={stub[1]!r}, workers=2, log_level='warning')")
    env = {**os.environ, "ROTE_HOME": str(home.root)}
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if httpx.get(url + "/healthz").json()["tree_version"] == version:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        with httpx.Client(base_url=url) as c:
            hits = [c.post("/v1/chat/completions", json=hello(f"N{i}")) for i in range(10)]
            miss = c.post("/v1/chat/completions", json={"model": "m", "messages": [{"role": "user", "content": "q"}]})
        assert [h.json()["choices"][0]["message"]["content"] for h in hits] == [f"Hello, N{i}!" for i in range(10)]
        assert {h.headers["x-cache"] for h in hits} == {"HIT"} and miss.headers["x-cache"] == "MISS"
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err.decode()[-2000:]
    # Shutdown closed the worker's segment: the miss is there for ingest.
    lines = [orjson.loads(x) for p in home.spool_dir.glob("segment-*.jsonl") for x in p.read_bytes().splitlines()]
    assert [x["request"]["messages"][0]["content"] for x in lines] == ["q"]
    assert not list(home.spool_dir.glob("*.open"))
    for line in err.decode().splitlines():  # structured logs: JSON lines
        assert line.startswith("{"), line
