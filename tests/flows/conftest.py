"""One Prefect test harness for the whole session (its temporary server takes seconds to start),
a temporary ``$ROTE_HOME`` per test, and spool writers."""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from flows.settings import FlowSettings
from tests.conftest import chat_record


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    # Cached task results would otherwise persist in ~/.prefect/storage across runs.
    os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="rote-prefect-")
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(autouse=True)
def _no_user_flow_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("ROTE_PUBLISH_URL", "ROTE_TASK_RUNNER"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def settings(home: Path) -> FlowSettings:
    """Flow settings on the test's temporary ``$ROTE_HOME`` (created)."""
    s = FlowSettings.build(home=home, env={})
    s.home.ensure()
    return s


def hello(name: str, greeting: str = "You greet people politely.", namespace: str | None = None) -> dict[str, Any]:
    rec = chat_record([{"role": "system", "content": greeting}, {"role": "user", "content": f"Say hello to {name}."}],
                      f"Hello, {name}!", rid=f"chatcmpl-{name}")
    if namespace is not None:
        rec["rote"] = {"namespace": namespace, "cache": "MISS"}
    return rec


def hello_request(name: str, greeting: str = "You greet people politely.") -> dict[str, Any]:
    return hello(name, greeting)["request"]


_segments = itertools.count(1)


def write_segment(spool_dir: Path, records: Iterable[dict[str, Any]], *, prefix: str = "segment",
                  closed: bool = True) -> Path:
    """A spool segment as the proxy writes it (``.jsonl.open`` until closed)."""
    spool_dir.mkdir(parents=True, exist_ok=True)
    name = f"{prefix}-20261121T000000{next(_segments):06d}Z-{os.getpid()}-1.jsonl" + ("" if closed else ".open")
    path = spool_dir / name
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


def feedback(node_id: str, ok: bool, namespace: str = "default") -> dict[str, Any]:
    return {"feedback": {"response_id": f"chatcmpl-rote-{node_id}-abc", "node_id": node_id, "path": [node_id],
                         "ok": ok, "namespace": namespace, "comment": None, "at": "2026-11-21T00:00:00Z",
                         "tree_version": None}}
