"""S3 for real: a moto S3 server on loopback; ``rote induce --publish-url s3://…`` publishes
there, ``rote serve --tree s3://…`` (another process) serves it, hot-reloads a second version
and goes back to the first on ``rote publish --rollback``. s3fs finds the server through
``AWS_ENDPOINT_URL``, as it would find a MinIO or any S3-compatible store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from typer.testing import CliRunner

from evals.http import serve
from flows.server import free_port
from induction.publish import Publisher
from rote.cli import app
from tests.flows.conftest import hello
from tests.flows.test_cli import ingest
from tests.proxy.stub_upstream import StubUpstream

BIN = Path(sys.executable).parent
BUCKET = "rote-trees"
GOODBYE = "You say goodbye to people."
runner = CliRunner()


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """``moto_server`` on a free loopback port, with the bucket created."""
    port = free_port()
    proc = subprocess.Popen([str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, "moto_server exited"
            try:
                httpx.get(url, timeout=1)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "moto_server did not start"
                time.sleep(0.1)
        r = httpx.put(f"{url}/{BUCKET}", timeout=10)  # CreateBucket (moto takes any credentials)
        assert r.status_code == 200, r.text
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture
def aws(s3_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    env = {"AWS_ENDPOINT_URL": s3_endpoint, "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
           "AWS_DEFAULT_REGION": "us-east-1"}
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return env


def induce(url: str) -> dict[str, Any]:
    r = runner.invoke(app, ["induce", "--publish-url", url, "--json"])
    assert r.exit_code == 0, r.output
    out: dict[str, Any] = orjson.loads(r.stdout)
    return out


def _healthz(base: str) -> dict[str, Any]:
    try:
        out: dict[str, Any] = httpx.get(base + "/healthz", timeout=2).json()
        return out
    except httpx.TransportError:
        return {}


def wait_version(base: str, version: str, proc: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while _healthz(base).get("tree_version") != version:
        assert proc.poll() is None, (proc.stderr.read() if proc.stderr else b"").decode()[-2000:]
        assert time.monotonic() < deadline, f"the proxy did not load {version}: {_healthz(base)}"
        time.sleep(0.1)


def ask(base: str, name: str, greeting: str) -> str:
    r = httpx.post(base + "/v1/chat/completions", json=hello(name, greeting)["request"], timeout=10)
    assert r.status_code == 200, r.text
    return str(r.headers["x-cache"])


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_publish_serve_hot_reload_and_roll_back_on_s3(home: Path, aws: dict[str, str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")
    url = f"s3://{BUCKET}/prod"
    ingest(home, ["Erik", "Maria", "Kwame"])
    v1 = induce(url)["published_version"]
    pub = Publisher(url)
    assert pub.current() == v1 and pub.manifest(v1).stats["records"] == 3

    up = StubUpstream()
    with serve(up.app) as upstream:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen([str(BIN / "rote"), "serve", "--port", str(port), "--tree", url,
                                 "--upstream", upstream + "/v1"],
                                env={**os.environ, **aws, "ROTE_HOME": str(home)},
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        try:
            wait_version(base, v1, proc)
            assert ask(base, "Zed", "You greet people politely.") == "HIT"
            assert ask(base, "Zed", GOODBYE) == "MISS"  # a workflow v1 never saw

            with_goodbye = home / "goodbye.jsonl"
            with_goodbye.write_bytes(b"".join(orjson.dumps(hello(n, GOODBYE)) + b"\n" for n in ("Ana", "Bo", "Cy")))
            assert runner.invoke(app, ["ingest", str(with_goodbye)]).exit_code == 0
            second = induce(url)
            v2 = second["published_version"]
            assert v2 != v1 and second["parent_version"] == v1
            wait_version(base, v2, proc)  # hot reload from S3, no restart
            assert ask(base, "Zed", GOODBYE) == "HIT"

            r = runner.invoke(app, ["publish", "--rollback", "--publish-url", url])
            assert r.exit_code == 0 and f"current version is now {v1}" in r.output
            wait_version(base, v1, proc)
            assert ask(base, "Dee", GOODBYE) == "MISS" and ask(base, "Dee", "You greet people politely.") == "HIT"
        finally:
            os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            if proc.stderr:
                proc.stderr.close()
    listed = runner.invoke(app, ["publish", "--list", "--json", "--publish-url", url])
    assert [m["version"] for m in orjson.loads(listed.stdout)["versions"]] == [v1, v2]
