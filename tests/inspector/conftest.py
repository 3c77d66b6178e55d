"""The fixture tree, induced once per session and copied into each test's home."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from induction.publish import Manifest
from rote.config import Home
from tests.inspector.fixture_tree import publish_fixture_tree


@pytest.fixture(scope="session")
def fixture_published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Manifest, Manifest]:
    dest = tmp_path_factory.mktemp("fixture-tree") / "published"
    first, second = publish_fixture_tree(dest)
    return dest, first, second


@pytest.fixture
def home(tmp_path: Path, fixture_published: tuple[Path, Manifest, Manifest],
         monkeypatch: pytest.MonkeyPatch) -> Iterator[Home]:
    """A home whose published/ holds the two fixture versions; ``$ROTE_HOME`` points at it."""
    h = Home(root=tmp_path / "home").ensure()
    shutil.rmtree(h.publish_dir, ignore_errors=True)
    shutil.copytree(fixture_published[0], h.publish_dir)
    monkeypatch.setenv("ROTE_HOME", str(h.root))
    monkeypatch.delenv("ROTE_PUBLISH_URL", raising=False)
    yield h


READ_KEY = "reader-key"
ADMIN_KEY = "admin-key"


@dataclass
class Served:
    """A proxy serving the fixture tree with the inspector at /ui, after some traffic."""

    url: str
    home: Home
    app: Any
    hits: int
    misses: int
    disabled: str  # a node feedback disabled


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory,
           fixture_published: tuple[Path, Manifest, Manifest]) -> Iterator[Served]:
    """Proxy keys and an admin key set; the held-out fixture calls sent through it (hits and
    misses), and one hit reported wrong (its node disabled)."""
    import httpx

    from evals.http import serve
    from proxy.app import create_app
    from proxy.config import ProxyConfig
    from tests.inspector.fixture_tree import held_out_records
    from tests.proxy.stub_upstream import StubUpstream

    root = tmp_path_factory.mktemp("inspector-home")
    h = Home(root=root / "home").ensure()
    shutil.rmtree(h.publish_dir, ignore_errors=True)
    shutil.copytree(fixture_published[0], h.publish_dir)
    with serve(StubUpstream().app) as upstream:
        config = ProxyConfig(home=h, upstream=upstream + "/v1", reload_interval=0.05, gc_freeze=False,
                             spool_segment_seconds=3600, ui=True, proxy_keys=frozenset({READ_KEY}),
                             admin_key=ADMIN_KEY)
        app = create_app(config)
        with serve(app) as url:
            auth = {"Authorization": f"Bearer {READ_KEY}"}
            hits = misses = 0
            first_hit = None
            with httpx.Client(headers=auth, timeout=30) as client:
                for rec in held_out_records()[:80]:
                    r = client.post(f"{url}/v1/chat/completions", json=rec["request"])
                    assert r.status_code == 200, r.text
                    if r.headers["x-cache"] == "HIT":
                        hits += 1
                        first_hit = first_hit or r.json()["id"]
                    else:
                        misses += 1
                assert first_hit is not None
                fb = client.post(f"{url}/v1/rote/feedback", json={"id": first_hit, "ok": False,
                                                                  "comment": "wrong greeting"})
                assert fb.status_code == 200, fb.text
            yield Served(url, h, app, hits, misses, fb.json()["node_id"])
