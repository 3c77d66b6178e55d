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
# Written into a version's directory once ``current`` has pointed at it (after the move).
SERVED_FILE = "served"
TMP_MARK = ".tmp-"
# Leftovers younger than this may belong to a publish in progress elsewhere: left alone.
SWEEP_GRACE_SECONDS = 300.0
# Protocols that store in this process's memory: a tree published there dies with the process.
VOLATILE = ("memory",)
# Protocols and the package that provides them, for a one-line hint when it is missing.
EXTRAS = {"s3": "s3fs", "s3a": "s3fs", "gs": "gcsfs", "gcs": "gcsfs", "az": "adlfs", "abfs": "adlfs"}


def check_destination(url: str) -> None:
    """Refuse, in one line, a publish destination that cannot work: in-memory storage (nothing
    would outlive the process) or an object store whose fsspec driver is not installed.

    >>> check_destination("/tmp/rote-published")
    >>> check_destination("memory://trees")
    Traceback (most recent call last):
    ...
    rote.errors.PublishError: cannot publish to memory://trees: in-memory storage does not outlive the process; use a directory or an object store URL (s3://bucket/prefix)
    """
    protocol = url.split("://", 1)[0].lower() if "://" in url else "file"
    if protocol in VOLATILE:
        raise PublishError(f"cannot publish to {url}: in-memory storage does not outlive the process; "
                           "use a directory or an object store URL (s3://bucket/prefix)")
    try:
        fsspec.get_filesystem_class(protocol)
    except ImportError:
        package = EXTRAS.get(protocol, f"the fsspec driver for {protocol}://")
        raise PublishError(f"{protocol}:// needs {package}: pip install {package}") from None
    except ValueError:
        raise PublishError(f"unknown storage protocol {protocol}:// in {url}") from None


class SweepReport(BaseModel):
    """What a publish found left over by interrupted ones (``Publisher.sweep``)."""

    removed_tmp: list[str] = []  # half-written files (``*.tmp-*``) removed
    removed_incomplete: list[str] = []  # version directories without a valid manifest, removed
    never_current: list[str] = []  # complete versions that never became current (kept: roll to them)

    def __bool__(self) -> bool:
        return bool(self.removed_tmp or self.removed_incomplete or self.never_current)


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
        if not self._local:
            # fsspec shares one filesystem object (and its listing cache) per process: a proxy
            # polling for a new version must not read a cached listing or size.
            self.fs.invalidate_cache()
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

    def read_file(self, version: str, name: str) -> bytes | None:
        """Another file of a version (see :meth:`publish`'s ``files``); None if it has none.

        >>> import tempfile
        >>> pub = Publisher(tempfile.mkdtemp())
        >>> m = pub.publish(b"{}", files={"notes.json": b"{}"})
        >>> pub.read_file(m.version, "notes.json"), pub.read_file(m.version, "other.json")
        (b'{}', None)
        """
        try:
            with self.fs.open(self._p("versions", version, name), "rb") as f:
                data: bytes = f.read()
        except FileNotFoundError:
            return None
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

    def served(self) -> set[str]:
        """Versions that ``current`` has pointed at: marked when it moved, or (trees published
        before the mark existed) the current one's ancestry and every version's parent."""
        out: set[str] = set()
        manifests = {m.version: m for m in self.versions()}
        for v in manifests:
            if self.fs.exists(self._p("versions", v, SERVED_FILE)):
                out.add(v)
        out |= {m.parent for m in manifests.values() if m.parent}
        chain: set[str] = set()
        step = self.current()
        while step and step in manifests and step not in chain:
            chain.add(step)
            step = manifests[step].parent
        return out | chain

    def sweep(self, grace_seconds: float = SWEEP_GRACE_SECONDS) -> SweepReport:
        """Clean what interrupted publishes left: half-written ``*.tmp-*`` files and version
        directories with no valid manifest (older than ``grace_seconds``: a younger one may be
        a publish in progress); list complete versions that never became current.

        >>> import tempfile, os
        >>> d = tempfile.mkdtemp(); pub = Publisher(d); m = pub.publish(b"{}")
        >>> _ = open(os.path.join(d, "current.tmp-1-2"), "wb").write(b"x")
        >>> pub.sweep(grace_seconds=0).removed_tmp
        ['current.tmp-1-2']
        """
        report = SweepReport()
        now = time.time()

        def old(path: str) -> bool:
            try:
                info = self.fs.info(path)
            except FileNotFoundError:
                return False
            mtime = info.get("mtime") or info.get("LastModified") or info.get("created")
            if isinstance(mtime, datetime):
                mtime = mtime.timestamp()
            return mtime is None or now - float(mtime) >= grace_seconds

        try:
            names = [p.rstrip("/").rsplit("/", 1)[-1] for p in self.fs.ls(self._p("versions"), detail=False)]
        except FileNotFoundError:
            names = []
        for path in self._ls(self.root):
            if TMP_MARK in path.rsplit("/", 1)[-1] and old(path):
                self.fs.rm(path)
                report.removed_tmp.append(path.rsplit("/", 1)[-1])
        current = self.current()
        complete = []
        for name in sorted(names):
            vdir = self._p("versions", name)
            # Its age before the sweep touches it: removing a file inside sets its mtime to now.
            vdir_old = old(vdir)
            for path in self._ls(vdir):
                if TMP_MARK in path.rsplit("/", 1)[-1] and old(path):
                    self.fs.rm(path)
                    report.removed_tmp.append(f"versions/{name}/{path.rsplit('/', 1)[-1]}")
            try:
                self.read_tree(name)
            except PublishError:
                if name != current and vdir_old and all(old(p) for p in self._ls(vdir)):
                    self.fs.rm(vdir, recursive=True)
                    report.removed_incomplete.append(name)
                continue
            complete.append(name)
        if complete:
            served = self.served()
            report.never_current = [v for v in complete if v not in served and v != current]
        return report

    def _ls(self, path: str) -> list[str]:
        try:
            return [str(p) for p in self.fs.ls(path, detail=False)]
        except (FileNotFoundError, NotADirectoryError):
            return []

    # -- writing -----------------------------------------------------------
    def publish(self, tree: bytes, *, stats: dict[str, Any] | None = None,
                files: dict[str, bytes] | None = None) -> Manifest:
        """Write a new immutable version and make it current. ``files``: other files of the
        version (``notes.json``: induction's reasons per node, for ``rote why`` and the inspector),
        written before the manifest, so a complete version has them all."""
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
        for name, data in (files or {}).items():
            if "/" in name or name in (TREE_FILE, MANIFEST_FILE, SERVED_FILE):
                raise ValueError(f"not a name for a version's extra file: {name!r}")
            self._write(self._p("versions", version, name), data)
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
        # After the move: a crash in between leaves a served version unmarked, which only means
        # a later sweep lists it as never current (it is never deleted for that).
        with contextlib.suppress(OSError):
            self._write(self._p("versions", version, SERVED_FILE), datetime.now(UTC).isoformat().encode())

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
