"""``induction_flow``: spool in, tree published, incremental, exactly-once, locked, feedback."""

from __future__ import annotations

import fcntl
from typing import Any

import orjson
import pytest

from flows.errors import RunInProgressError
from flows.induction_flow import induction_flow
from flows.lock import run_lock
from flows.settings import FlowSettings
from flows.spool import Source, pending_segments
from induction.ingest import ingest_stream
from induction.pipeline import run_induction
from induction.publish import Publisher
from induction.runtime.compiled import CompiledTree
from induction.store import Store
from tests.flows.conftest import feedback, hello, hello_request, write_segment

pytestmark = pytest.mark.usefixtures("prefect_harness")


def run(settings: FlowSettings, **params: Any) -> Any:
    return induction_flow(home=str(settings.home.root), publish_url=settings.publish_url, **params)


def store_state(settings: FlowSettings) -> tuple[Any, ...]:
    with Store.open(settings.home.store_path, read_only=True) as s:
        return (s.stats(), s.con.execute("SELECT * FROM kv ORDER BY key").fetchall(),
                s.con.execute("SELECT source, records FROM ingested_sources ORDER BY 1").fetchall())


def served(settings: FlowSettings) -> CompiledTree:
    return CompiledTree.from_bytes(Publisher(settings.publish_url).read_tree())


def test_run_ingests_the_spool_publishes_and_answers_a_new_name(settings: FlowSettings) -> None:
    write_segment(settings.home.spool_dir, [hello(n) for n in ("Erik", "Maria", "Kwame")])
    open_segment = write_segment(settings.home.spool_dir, [hello("Open")], closed=False)
    with open(open_segment, "rb") as writer:  # still being written: a live writer holds its lock
        fcntl.flock(writer.fileno(), fcntl.LOCK_EX)
        summary = run(settings)
    assert not summary.skipped and summary.ingest.added == 3 and len(summary.ingest.sources) == 1
    assert open_segment.exists()
    assert summary.records == 3 and summary.live >= 1 and summary.published_version
    assert Publisher(settings.publish_url).current() == summary.published_version
    hit = served(settings).lookup(hello_request("Zed"))
    assert hit is not None and hit.response["choices"][0]["message"]["content"] == "Hello, Zed!"


def test_no_new_data_changes_nothing_and_new_records_publish_a_new_version(settings: FlowSettings) -> None:
    pub = Publisher(settings.publish_url)
    write_segment(settings.home.spool_dir, [hello(n) for n in ("Erik", "Maria")])
    first = run(settings)
    before = (pub.current(), [m.version for m in pub.versions()], pub.read_tree(), store_state(settings))

    again = run(settings)
    assert again.skipped and again.reason == "no new records since the last run"
    assert again.published_version == first.published_version and again.ingest.sources == []
    assert (pub.current(), [m.version for m in pub.versions()], pub.read_tree(), store_state(settings)) == before

    write_segment(settings.home.spool_dir, [hello("Kwame")])
    third = run(settings)
    assert not third.skipped and third.reason.startswith("new records")
    assert third.ingest.added == 1 and third.records == 3
    assert pub.current() == third.published_version != first.published_version
    assert pub.manifest(third.published_version).parent == first.published_version
    assert len(pub.versions()) == 2

    full = run(settings, full=True)
    assert not full.skipped and full.reason == "full rebuild requested" and len(pub.versions()) == 3


def test_flow_tree_is_run_inductions_tree_across_namespaces(settings: FlowSettings) -> None:
    recs = [hello(n, namespace="acme") for n in ("Erik", "Maria", "Kwame")]
    recs += [hello(n, "You greet people warmly.", namespace="globex") for n in ("Ann", "Bob")]
    write_segment(settings.home.spool_dir, recs)
    summary = run(settings)
    assert summary.namespaces == 2
    with Store.open(settings.home.store_path) as store:
        tree, _, report = run_induction(store)
    assert served(settings).content_hash == tree.content_hash
    assert (summary.live, summary.staged, summary.uncacheable, summary.replay_hits) == (
        report.live, report.staged, report.uncacheable, report.replay_hits)
    assert served(settings).lookup(hello_request("Zed", "You greet people warmly."), "globex") is not None
    assert served(settings).lookup(hello_request("Zed", "You greet people warmly."), "acme") is None


def test_a_crash_between_ingest_and_bookkeeping_adds_nothing_twice(settings: FlowSettings) -> None:
    seg = write_segment(settings.home.spool_dir, [hello(n) for n in ("Erik", "Maria", "Kwame")])
    with Store.open(settings.home.store_path) as store, seg.open("rb") as f:
        ingest_stream(store, f, source=seg.name)  # ingested, then "crashed" before recording the segment
        assert [s.name for s in pending_segments(store, settings.home.spool_dir)] == [seg.name]
    summary = run(settings)
    assert (summary.ingest.added, summary.ingest.already_present, summary.records) == (0, 3, 3)
    with Store.open(settings.home.store_path, read_only=True) as store:
        assert pending_segments(store, settings.home.spool_dir) == []
        assert store.con.execute("SELECT source, records FROM ingested_sources").fetchall() == [
            (Source.of(seg, spool_dir=settings.home.spool_dir).source_id, 3)]


def test_files_are_ingested_once_per_size(settings: FlowSettings, tmp_path: Any) -> None:
    f = tmp_path / "train.jsonl"
    f.write_bytes(b"".join(orjson.dumps(hello(n)) + b"\n" for n in ("Erik", "Maria")))
    assert run(settings, files=[str(f)]).ingest.added == 2
    assert run(settings, files=[str(f)]).skipped
    f.write_bytes(f.read_bytes() + orjson.dumps(hello("Kwame")) + b"\n")
    again = run(settings, files=[str(f)])
    assert (again.ingest.added, again.ingest.already_present, again.skipped) == (1, 2, False)


def test_negative_feedback_disables_the_node_in_the_next_tree(settings: FlowSettings) -> None:
    write_segment(settings.home.spool_dir, [hello(n) for n in ("Erik", "Maria", "Kwame")])
    run(settings)
    hit = served(settings).lookup(hello_request("Zed"))
    assert hit is not None
    write_segment(settings.home.spool_dir, [feedback(hit.node_id, False), feedback(hit.node_id, True),
                                            feedback("other", True)], prefix="feedback")
    summary = run(settings)
    assert not summary.skipped and summary.reason == "induction settings or disabled nodes changed"
    assert (summary.ingest.feedback_reports, summary.ingest.negative_feedback) == (3, 1)
    assert summary.ingest.disabled_nodes == [hit.node_id]
    assert served(settings).lookup(hello_request("Zed")) is None
    with Store.open(settings.home.store_path, read_only=True) as store:
        assert orjson.loads(store.get_kv("disabled_nodes") or "[]") == [hit.node_id]
    again = run(settings)
    assert again.skipped and again.ingest.feedback_reports == 0  # each report counted once


def test_memory_publish_url(settings: FlowSettings) -> None:
    url = "memory://rote-flows-test/published"
    write_segment(settings.home.spool_dir, [hello(n) for n in ("Erik", "Maria")])
    summary = induction_flow(home=str(settings.home.root), publish_url=url)
    assert Publisher(url).current() == summary.published_version
    assert not (settings.home.publish_dir / "current").exists()


def test_summary_and_templates_artifacts_are_stored(settings: FlowSettings) -> None:
    write_segment(settings.home.spool_dir, [hello(n) for n in ("Erik", "Maria")])
    state = run(settings, return_state=True)
    summary = state.result()
    arts = artifacts(state.state_details.flow_run_id)
    assert set(arts) == {"induction-summary", "induction-templates"}
    assert summary.published_version in str(arts["induction-summary"])
    assert "templates live / staged / uncacheable" in str(arts["induction-summary"])
    assert "Say hello to {{name" in str(arts["induction-templates"])


def artifacts(flow_run_id: Any) -> dict[str, Any]:
    """Artifacts of one flow run by key. (The client's ``read_artifacts`` and ``Artifact.get``
    send JSON nulls for unset filters, which this server's API rejects or reads as a join.)"""
    from prefect.client.orchestration import get_client

    body = {"flow_runs": {"id": {"any_": [str(flow_run_id)]}}, "sort": "KEY_ASC", "limit": 50, "offset": 0}
    with get_client(sync_client=True) as client:
        arts = client.request("POST", "/artifacts/filter", json=body).json()  # type: ignore[arg-type]
    return {a["key"]: a["data"] for a in arts if a["key"]}


def test_no_records_skips_and_a_held_lock_fails_clearly(settings: FlowSettings) -> None:
    # A nightly run before any traffic was recorded has nothing to do: skipped, not failed.
    state = run(settings, return_state=True)
    assert state.is_completed()
    summary = state.result()
    assert summary.skipped and "no records to induce from yet" in summary.reason
    assert summary.published_version is None
    write_segment(settings.home.spool_dir, [hello("Erik")])
    with run_lock(settings.home.locks_dir):
        state = run(settings, return_state=True)
    with pytest.raises(RunInProgressError, match=r"another induction run is in progress \(pid \d+"):
        state.result()
