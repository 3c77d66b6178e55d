from __future__ import annotations

import io
from pathlib import Path

import orjson

from induction.ingest import ingest_stream
from induction.store import Store
from tests.conftest import chat_record

SYS = {"role": "system", "content": "You are a CRM agent."}


def lines(*records: dict) -> bytes:
    return b"".join(orjson.dumps(r) + b"\n" for r in records)


def agent_run(name: str, email: str, run: int) -> list[dict]:
    """A two-step run: look up the customer, then email them. Contexts are append-only."""
    user = {"role": "user", "content": f"Email {name} at {email} about the renewal."}
    call = {"role": "assistant", "content": None, "tool_calls": [
        {"id": f"call_{run}a", "type": "function",
         "function": {"name": "lookup", "arguments": orjson.dumps({"email": email}).decode()}}]}
    result = {"role": "tool", "tool_call_id": f"call_{run}a", "content": '{"status": "active"}'}
    send = {"role": "assistant", "content": None, "tool_calls": [
        {"id": f"call_{run}b", "type": "function",
         "function": {"name": "send_email", "arguments": orjson.dumps({"to": email}).decode()}}]}
    return [
        chat_record([SYS, user], call, rid=f"r{run}a"),
        chat_record([SYS, user, call, result], send, rid=f"r{run}b"),
    ]


def test_ingest_is_idempotent(tmp_path: Path) -> None:
    data = lines(*agent_run("Erik", "erik@x.io", 1), *agent_run("Maria", "maria@y.io", 2))
    with Store.open(tmp_path / "s.duckdb") as store:
        first = ingest_stream(store, io.BytesIO(data))
        before = store.stats()
        second = ingest_stream(store, io.BytesIO(data))
        assert (first.added, second.added, second.skipped_existing) == (4, 0, 4)
        assert store.stats() == before


def test_prefix_messages_stored_once(tmp_path: Path) -> None:
    data = lines(*agent_run("Erik", "erik@x.io", 1))
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest_stream(store, io.BytesIO(data))
        s = store.stats()
    # system, user, call, tool result, send: five distinct messages, one path of five nodes.
    assert (s["records"], s["messages"], s["nodes"], s["runs"]) == (2, 5, 5, 1)


def test_bad_lines_are_skipped_and_named(tmp_path: Path) -> None:
    good = agent_run("Erik", "erik@x.io", 1)
    data = b"".join([
        orjson.dumps(good[0]) + b"\n",
        b"{not json\n",
        b'{"request": {"messages": []}, "response": {"choices": [{"message": {"role": "assistant"}}]}}\n',
        b'{"request": {"messages": [{"role": "wizard", "content": "x"}]}, "response": '
        b'{"choices": [{"message": {"role": "assistant", "content": "y"}}]}}\n',
        b'{"request": {"messages": [{"role": "user", "content": 5}]}, "response": '
        b'{"choices": [{"message": {"role": "assistant", "content": "y"}}]}}\n',
        b'[1, 2]\n',
        b"\n",
        orjson.dumps(good[1]) + b"\n",
        b'{"request": {"messages": [{"role": "user", "content": "x"}]}}\n',
    ])
    with Store.open(tmp_path / "s.duckdb") as store:
        report = ingest_stream(store, io.BytesIO(data))
        assert report.added == 2
        assert [b.line for b in report.bad] == [2, 3, 4, 5, 6, 9]
        reasons = {b.line: b.reason for b in report.bad}
        assert "not JSON" in reasons[2]
        assert "no messages" in reasons[3]
        assert "wizard" in reasons[4]
        assert "content" in reasons[5]
        assert "response" in reasons[9]
        assert store.stats()["records"] == 2


def test_bad_message_deep_in_a_line_adds_nothing_from_that_line(tmp_path: Path) -> None:
    rec = chat_record([SYS, {"role": "user", "content": "hi"},
                       {"role": "assistant", "tool_calls": [{"id": "1", "function": {"arguments": "{}"}}]}], "ok")
    with Store.open(tmp_path / "s.duckdb") as store:
        report = ingest_stream(store, io.BytesIO(lines(rec)))
        assert report.added == 0 and len(report.bad) == 1
        assert store.stats()["messages"] == 0


def test_branching_runs_make_a_tree(tmp_path: Path) -> None:
    runs = [*agent_run("Erik", "erik@x.io", 1), *agent_run("Maria", "maria@y.io", 2),
            *agent_run("Erik", "erik@x.io", 3)]  # run 3 repeats run 1's data with new call ids
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest_stream(store, io.BytesIO(lines(*runs)))
        roots = store.children(None, "default")
        assert len(roots) == 1 and roots[0]["role"] == "system" and roots[0]["records"] == 6
        users = store.children(roots[0]["node_id"])
        assert sorted(u["records"] for u in users) == [2, 4]  # Erik twice (2 records each), Maria once
        erik = next(u for u in users if "Erik" in u["body"]["content"])
        (call,) = store.children(erik["node_id"])  # same call despite different call ids
        assert call["responses"] == 2 and call["records"] == 4
        assert store.stats()["runs"] == 2  # identical trajectories are one run in the tree


def test_namespaces_keep_trees_apart(tmp_path: Path) -> None:
    data = lines(*agent_run("Erik", "erik@x.io", 1))
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest_stream(store, io.BytesIO(data), namespace="team-a")
        ingest_stream(store, io.BytesIO(data), namespace="team-b")
        assert store.namespaces() == ["team-a", "team-b"]
        assert store.stats()["records"] == 4
        (a,) = store.children(None, "team-a")
        (b,) = store.children(None, "team-b")
        assert a["node_id"] != b["node_id"]


def test_spool_metadata_sets_namespace_and_bindings(tmp_path: Path) -> None:
    rec = chat_record([{"role": "user", "content": "Say hello to Erik."}], "Hello, Erik!")
    rec["rote"] = {"namespace": "acme", "bindings": {"name": "Erik"}}
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest_stream(store, io.BytesIO(lines(rec)))
        (stored,) = store.iter_records()
        assert stored.namespace == "acme" and stored.bindings == {"name": "Erik"}


def test_iter_records_rebuilds_contexts(tmp_path: Path) -> None:
    runs = agent_run("Erik", "erik@x.io", 1)
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest_stream(store, io.BytesIO(lines(*runs)))
        got = list(store.iter_records())
        assert [len(r.messages) for r in got] == [2, 4]
        assert got[1].messages[1]["content"] == "Email Erik at erik@x.io about the renewal."
        assert got[1].response_message["tool_calls"][0]["function"]["name"] == "send_email"
        assert got[0].response_node_id == got[1].node_ids[2]
        assert [r.seq for r in store.iter_records(since_seq=got[0].seq)] == [got[1].seq]


def test_request_keys_follow_the_current_definition_without_a_reingest(tmp_path: Path) -> None:
    from induction.hashing import request_key

    with Store.open(tmp_path / "s.duckdb") as store:
        ingest_stream(store, io.BytesIO(lines(*agent_run("Erik", "erik@x.io", 1))))
        store.con.execute("UPDATE records SET request_key = 'made-by-an-older-rote'")
        for rec in store.iter_records():
            assert rec.request_key == request_key(rec.params)
