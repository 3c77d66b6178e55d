"""The fixture tree, induced once per session and copied into each test's home."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

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
