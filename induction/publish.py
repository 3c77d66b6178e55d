"""Versioned publishing of compiled template trees, on a local directory or any fsspec URL.

Layout under the destination (``$ROTE_HOME/published`` by default, or e.g. ``s3://bucket/prefix``)::

    versions/<version>/tree.json       the compiled tree artifact (immutable)
    versions/<version>/manifest.json   version, content hash, parent, created-at, stats
    current                            the version being served (one line)

A publish writes the version's files first and moves ``current`` last, with an
atomic rename on local disks, so a crash at any point leaves the previous
version current and intact. Readers (the proxy) only ever follow ``current``
to a version whose manifest exists and whose hash checks out.

>>> import tempfile
>>> pub = Publisher(tempfile.mkdtemp())
>>> m = pub.publish(b'{"tree": 1}', stats={"nodes": 1})
>>> pub.current() == m.version, pub.read_tree(m.version)
(True, b'{"tree": 1}')
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import fsspec
import orjson
from pydantic import BaseModel, ConfigDict

from rote.errors import PublishError

TREE_FILE = "tree.json"
MANIFEST_FILE = "manifest.json"
CURRENT_FILE = "current"


class Manifest(BaseModel):
    model_config = ConfigDict(frozen=True)

    version: str
    content_hash: str  # sha256 of tree.json
    parent: str | None
    created_at: str
    stats: dict[str, Any] = {}


def new_version() -> str:
    """Sortable by time, unique across processes: ``20261121T223045Z-1a2b3c``."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ") + "-" + uuid.uuid4().hex[:6]


class Publisher:
    """Writes and reads published trees under one destination (a path or fsspec URL)."""

    def __init__(self, url: str | os.PathLike[str]) -> None:
        self.url = str(url)
        self.fs, self.root = fsspec.core.url_to_fs(self.url)
        self._local = "file" in (self.fs.protocol if isinstance(self.fs.protocol, tuple) else (self.fs.protocol,))

    def _p(self, *parts: str) -> str:
        return "/".join([self.root.rstrip("/"), *parts])

    # -- reading -----------------------------------------------------------
    def current(self) -> str | None:
        try:
            with self.fs.open(self._p(CURRENT_FILE), "rb") as f:
                version = f.read().decode().strip()
        except FileNotFoundError:
            return None
        return version or None

    def manifest(self, version: str) -> Manifest:
        try:
            with self.fs.open(self._p("versions", version, MANIFEST_FILE), "rb") as f:
                return Manifest.model_validate(orjson.loads(f.read()))
        except FileNotFoundError as e:
            raise PublishError(f"no published version {version!r} at {self.url}") from e
        except (orjson.JSONDecodeError, ValueError) as e:
            raise PublishError(f"manifest of {version!r} is unreadable: {e}") from e

    def read_tree(self, version: str | None = None) -> bytes:
        """The tree bytes of ``version`` (default: current), checked against its manifest hash."""
        version = version or self.current()
        if version is None:
            raise PublishError(f"nothing is published at {self.url}")
        manifest = self.manifest(version)
        try:
            with self.fs.open(self._p("versions", version, TREE_FILE), "rb") as f:
                data: bytes = f.read()
        except FileNotFoundError as e:
            raise PublishError(f"version {version!r} has no tree file") from e
        if hashlib.sha256(data).hexdigest() != manifest.content_hash:
            raise PublishError(f"version {version!r} does not match its manifest hash (partial write?)")
        return data

    def versions(self) -> list[Manifest]:
        """Every complete version, oldest first."""
        try:
            names = sorted(p.rstrip("/").rsplit("/", 1)[-1] for p in self.fs.ls(self._p("versions"), detail=False))
        except FileNotFoundError:
            return []
        out = []
        for name in names:
            with contextlib.suppress(PublishError):
                out.append(self.manifest(name))
        return out

    # -- writing -----------------------------------------------------------
    def publish(self, tree: bytes, *, stats: dict[str, Any] | None = None) -> Manifest:
        """Write a new immutable version and make it current."""
        version = new_version()
        manifest = Manifest(
            version=version,
            content_hash=hashlib.sha256(tree).hexdigest(),
            parent=self.current(),
            created_at=datetime.now(UTC).isoformat(),
            stats=stats or {},
        )
        vdir = self._p("versions", version)
        self.fs.makedirs(vdir, exist_ok=True)
        self._write(self._p("versions", version, TREE_FILE), tree)
        self._write(self._p("versions", version, MANIFEST_FILE), orjson.dumps(manifest.model_dump()))
        self._set_current(version)
        return manifest

    def rollback(self, version: str | None = None) -> Manifest:
        """Make ``version`` (default: the current one's parent) current again."""
        if version is None:
            cur = self.current()
            if cur is None:
                raise PublishError("nothing is published; nothing to roll back")
            version = self.manifest(cur).parent
            if version is None:
                raise PublishError(f"version {cur} has no parent to roll back to")
        self.read_tree(version)  # refuse to point at a broken version
        self._set_current(version)
        return self.manifest(version)

    def _set_current(self, version: str) -> None:
        self._write(self._p(CURRENT_FILE), version.encode() + b"\n")

    def _write(self, path: str, data: bytes) -> None:
        if self._local:
            # Write-then-rename: readers see the old file or the whole new one.
            tmp = Path(f"{path}.tmp-{os.getpid()}-{time.monotonic_ns()}")
            with open(tmp, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
            dfd = os.open(os.path.dirname(path), os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
        else:
            # Object stores replace whole objects on put: a single PUT is atomic.
            with self.fs.open(path, "wb") as f:
                f.write(data)
