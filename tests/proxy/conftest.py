"""Real servers on 127.0.0.1 random ports: the stub upstream and proxies built per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette

from evals.http import serve  # uvicorn in a thread on a random port (TCP_NODELAY)
from proxy.app import create_app
from proxy.config import ProxyConfig
from proxy.reload import compiled_tree_loader
from rote.config import Home
from tests.proxy.stub_upstream import StubUpstream
from tests.proxy.trees import MODEL, SYSTEM, hello_nodes, publish


@pytest.fixture(scope="session")
def stub_server() -> Iterator[tuple[StubUpstream, str]]:
    up = StubUpstream()
    with serve(up.app) as url:
        yield up, url + "/v1"


@pytest.fixture
def stub(stub_server: tuple[StubUpstream, str]) -> tuple[StubUpstream, str]:
    """The shared stub upstream, its script and request log reset for this test."""
    stub_server[0].reset()
    return stub_server


@pytest.fixture
def rote_home(tmp_path: Path) -> Home:
    return Home(root=tmp_path / "home").ensure()


ProxyFactory = Callable[..., Any]


@pytest.fixture
def make_proxy(rote_home: Home, stub: tuple[StubUpstream, str]) -> Iterator[ProxyFactory]:
    """``with make_proxy(**config) as (url, app):`` a proxy over the stub upstream, serving $ROTE_HOME's tree."""

    @contextmanager
    def factory(loader: Any = compiled_tree_loader, **overrides: Any) -> Iterator[tuple[str, Starlette]]:
        # gc_freeze off: it would freeze the whole test process (test_reload covers it).
        settings: dict[str, Any] = {"home": rote_home, "upstream": stub[1], "reload_interval": 0.05,
                                    "spool_segment_seconds": 3600, "gc_freeze": False}
        settings.update(overrides)
        app = create_app(ProxyConfig(**settings), tree_loader=loader)
        with serve(app) as url:
            yield url, app

    yield factory


@pytest.fixture
def hello_tree(rote_home: Home) -> str:
    return publish(str(rote_home.publish_dir), hello_nodes())


def spool_lines(home: Home, prefix: str = "segment") -> list[dict[str, Any]]:
    import orjson

    out: list[dict[str, Any]] = []
    for p in sorted(home.spool_dir.glob(f"{prefix}-*.jsonl")):
        out.extend(orjson.loads(line) for line in p.read_bytes().splitlines())
    return out


def hello(name: str, **extra: Any) -> dict[str, Any]:
    return {"model": MODEL, "messages": [{"role": "system", "content": SYSTEM},
                                         {"role": "user", "content": f"Say hello to {name}."}], **extra}
