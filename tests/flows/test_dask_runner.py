"""The induction flow on a local Dask cluster (worker processes) publishes the tree the default
thread runner publishes."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.induction_flow import induction_flow
from induction.publish import Publisher
from induction.runtime.compiled import CompiledTree
from tests.flows.conftest import hello, write_segment

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]


def test_dask_local_cluster_publishes_the_same_tree_as_threads(tmp_path: Path) -> None:
    records = [hello(n, namespace="acme") for n in ("Erik", "Maria", "Kwame")]
    records += [hello(n, "You greet people warmly.", namespace="globex") for n in ("Ann", "Bob", "Cy")]
    trees = {}
    for runner in ("threads", "dask:2"):
        home = tmp_path / runner.replace(":", "-")
        write_segment(home / "spool", records)
        summary = induction_flow(home=str(home), publish_url=str(home / "published"), task_runner=runner)
        assert summary.namespaces == 2 and summary.live >= 2
        trees[runner] = Publisher(home / "published").read_tree()
    threads, dask = (CompiledTree.from_bytes(trees[r]) for r in ("threads", "dask:2"))
    assert dask.content_hash == threads.content_hash
    assert [n.model_dump() for n in dask.nodes] == [n.model_dump() for n in threads.nodes]
