"""The pipeline end to end on the store: ingest, induce, verify, compile; new data hits, nothing lies."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import orjson
import pytest

from evals.workflows import WORKFLOWS
from induction.ingest import ingest_stream
from induction.pipeline import load_templates, run_induction, same_answer
from induction.runtime.compiled import CompiledTree
from induction.runtime.nodes import Derivation
from induction.store import Store
from tests.conftest import chat_record


def ingest(store: Store, records: list[dict[str, Any]]) -> None:
    ingest_stream(store, io.BytesIO(b"".join(orjson.dumps(r) + b"\n" for r in records)))


def replay(tree: CompiledTree, records: list[dict[str, Any]]) -> tuple[int, int]:
    hits = wrong = 0
    for rec in records:
        hit = tree.lookup(rec["request"])
        if hit is not None:
            hits += 1
            wrong += not same_answer(hit.response["choices"][0]["message"], rec["response"]["choices"][0]["message"])
    return hits, wrong


def test_workflows_generalise_to_new_data_without_false_hits(tmp_path: Path) -> None:
    names = ["hello", "crm_email", "invoice_pay", "haiku", "city_weather"]
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, [r for n in names for run in WORKFLOWS[n].runs(seed=1, n=5) for r in run])
        tree, result, report = run_induction(store)
        assert report.demoted == 0 and report.live > 0
        assert len(load_templates(store)) == len(result.nodes)
    tree = CompiledTree.from_bytes(tree.to_bytes(), budget_ms=1000)
    for name in names:
        test = [r for run in WORKFLOWS[name].runs(seed=2, n=4) for r in run]
        hits, wrong = replay(tree, test)
        assert wrong == 0, name
        if WORKFLOWS[name].cacheable:
            assert hits >= 0.9 * len(test), (name, hits, len(test))


def hello(name: str, bindings: dict[str, Any] | None = None) -> dict[str, Any]:
    rec = chat_record([{"role": "user", "content": f"say hello to {name}"}], f"Hello, {name}!")
    if bindings:
        rec["rote"] = {"bindings": bindings}
    return rec


def test_user_declared_bindings_make_one_run_live(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, [hello("Erik", {"name": "Erik"})])
        tree, _, _ = run_induction(store)
    hit = tree.lookup(hello("Bob")["request"])
    assert hit is not None and hit.response["choices"][0]["message"]["content"] == "Hello, Bob!"


def test_one_run_without_bindings_stays_staged(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, [hello("Erik")])
        tree, result, _ = run_induction(store)
    assert {n.status for n in result.nodes} <= {"staged"}
    assert tree.lookup(hello("Bob")["request"]) is None
    # Never below an exact-match cache: the very same context is served its one answer.
    hit = tree.lookup(hello("Erik")["request"])
    assert hit is not None and hit.response["choices"][0]["message"]["content"] == "Hello, Erik!"


def test_exact_repeats_once_can_be_switched_off(tmp_path: Path) -> None:
    from induction.config import InductionConfig

    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, [hello("Erik")])
        tree, _, _ = run_induction(store, InductionConfig(serve_exact_repeats=False))
    assert tree.lookup(hello("Erik")["request"]) is None


def test_butterfly_bindings_never_guess_a_split(tmp_path: Path) -> None:
    """The blog's bug: with {{prefix}}{{suffix}} declared, 'butterfly' must not be split as b + utterfly."""
    rec = chat_record([{"role": "user", "content": "say butterfly 3 times"}], "butterfly butterfly butterfly")
    rec["rote"] = {"bindings": {"prefix": "butter", "suffix": "fly"}}
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, [rec])
        tree, _, _ = run_induction(store)
    again = tree.lookup({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "say butterfly 3 times"}]})
    assert again is None or again.response["choices"][0]["message"]["content"] == "butterfly butterfly butterfly"
    other = tree.lookup({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "say dragonfly 3 times"}]})
    assert other is None  # the split of "dragonfly" is ambiguous: a miss, never "dragonfly" guessed wrong


class _OverconfidentDeriver:
    """Claims ``upper(<first variable in scope>)`` explains any gap, checking nothing (as an unverified LLM might)."""

    def derive(self, values: Any, scopes: Any) -> Derivation | None:
        if not scopes or not scopes[0]:
            return None
        var = next(iter(scopes[0]))
        return Derivation(var="_", args=(var,), expr={"op": "upper", "args": [{"var": var}]})

    def note_item(self, var: str, path: str, fixed: Any = None) -> None:
        pass


def _shout(name: str, said: str, rid: str = "chatcmpl-x") -> dict[str, Any]:
    return chat_record([{"role": "user", "content": f"shout {name}"}], f"{said}!", rid=rid)


def _shouts() -> list[dict[str, Any]]:
    """Upper-cased names, but Maria (asked twice) said as she is: no one derivation fits all."""
    return [_shout("Erik", "ERIK"), _shout("Bo", "BO"), _shout("Maria", "Maria"), _shout("Maria", "Maria", "chatcmpl-y")]


def test_a_merge_that_fails_verification_is_split_not_served(tmp_path: Path) -> None:
    records = _shouts()
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, records)
        tree, result, report = run_induction(store, deriver=_OverconfidentDeriver())
    # The merged node said MARIA for Maria: induced again with its messages apart, nothing demoted.
    assert report.demoted == 0 and result.stats["verify_splits"] == 1
    users = [n for n in result.nodes if n.template.role == "user"]
    assert len(users) == 3 and all(n.template.is_literal for n in users)
    hit = tree.lookup(records[2]["request"])  # Maria was asked twice: an exact repeat
    assert hit is not None and hit.response["choices"][0]["message"]["content"] == "Maria!"
    assert tree.lookup(_shout("Zed", "ZED")["request"]) is None


def test_the_split_holds_when_the_namer_names_differently_each_pass(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # An LLM Namer need not repeat itself: the cluster to keep apart is known by its members.
    import itertools

    from induction.backends import HeuristicNamer

    calls = itertools.count()
    original = HeuristicNamer.name
    monkeypatch.setattr(HeuristicNamer, "name", lambda self, *a: f"{original(self, *a)}_{next(calls)}")

    records = _shouts()
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, records)
        tree, result, report = run_induction(store, deriver=_OverconfidentDeriver())
    assert report.demoted == 0 and result.stats["verify_splits"] == 1
    hit = tree.lookup(records[2]["request"])
    assert hit is not None and hit.response["choices"][0]["message"]["content"] == "Maria!"


# -- verification always ends (issue 17) ---------------------------------------------------


def _tool_answer(function_call: dict[str, Any] | None) -> dict[str, Any]:
    call = {"id": "call_1", "type": "function", "function": {"name": "lookup", "arguments": '{"city": "Oslo"}'}}
    msg: dict[str, Any] = {"role": "assistant", "content": None, "tool_calls": [call]}
    if function_call is not None:
        msg["function_call"] = function_call  # some OpenAI-compatible servers send both
    return msg


def _weather_twice(function_call: dict[str, Any] | None) -> list[dict[str, Any]]:
    return [chat_record([{"role": "user", "content": "weather in Oslo"}], _tool_answer(function_call), rid=f"c{i}")
            for i in range(2)]


@pytest.mark.timeout(60)
def test_a_legacy_function_call_beside_tool_calls_recorded_twice_does_not_hang(tmp_path: Path) -> None:
    """The recorded trigger: replaying the answer never gave back ``function_call``, the node
    was demoted but kept answering its exact repeats, and ``verify`` looped forever."""
    records = _weather_twice({"name": "lookup", "arguments": '{"city":"Oslo"}'})
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, records)
        tree, _, report = run_induction(store)
    assert report.demoted == 0 and report.replay_hits == 2  # the mirror is the same answer
    hit = tree.lookup(records[0]["request"])
    assert hit is not None
    assert hit.response["choices"][0]["message"]["tool_calls"][0]["function"]["name"] == "lookup"


@pytest.mark.timeout(60)
def test_a_demoted_node_answers_nothing_not_even_its_exact_repeats(tmp_path: Path) -> None:
    # A function_call that says something else than the tool call cannot be replayed: demoted.
    records = _weather_twice({"name": "other", "arguments": "{}"})
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, records)
        tree, result, report = run_induction(store)
    assert report.demoted == 1 and report.replay_hits == 0
    assert tree.lookup(records[0]["request"]) is None
    demoted = [n for n in result.nodes if n.id in result.notes and any("demoted" in w for w in result.notes[n.id])]
    assert demoted and all(n.status == "uncacheable" and n.response is None for n in demoted)
    # What the flows publish (compiled from result.nodes) does not answer it either.
    from induction.runtime.compiled import compile_tree
    assert compile_tree(result.nodes).lookup(records[0]["request"]) is None


@pytest.mark.timeout(60)
def test_verification_is_bounded_even_if_every_replay_is_wrong(monkeypatch: pytest.MonkeyPatch) -> None:
    from induction import pipeline
    from induction.induce import induce
    from tests.induction.builders import hello_records

    records = hello_records(["Ada", "Bo", "Cy"])
    nodes = induce(records).nodes
    monkeypatch.setattr(pipeline, "same_answer", lambda got, want: False)
    _, demoted, hits = pipeline.verify(nodes, records)  # settles: demoted nodes stop answering
    assert hits == 0 and demoted
    _, demoted, hits = pipeline.verify(nodes, records, max_rounds=1)  # did not settle: nothing answers
    assert hits == 0 and demoted == {n.id for n in nodes if n.response is not None}


class _SlowDeriver:
    def __init__(self, then: Any = None) -> None:
        self.then = then

    def derive(self, values: Any, scopes: Any) -> Derivation | None:
        import time
        if self.then is not None:
            self.then()
        time.sleep(0.3)
        return None

    def note_item(self, var: str, path: str, fixed: Any = None) -> None:
        pass


def test_an_induction_run_stops_at_its_deadline(tmp_path: Path) -> None:
    import time

    from induction.config import InductionConfig
    from induction.deadline import RunTimedOut

    with Store.open(tmp_path / "s.duckdb") as store:
        # Upper-cased names: the deriver is asked (and takes its time) for the answer's gap.
        ingest(store, [_shout(n, n.upper(), rid=n) for n in ["Ada", "Bo", "Cy", "Di", "Ed", "Flo"]])
        t0 = time.monotonic()
        with pytest.raises(RunTimedOut, match=r"deadline of 0\.5 s"):
            run_induction(store, InductionConfig(run_deadline_s=0.5), deriver=_SlowDeriver())
        assert time.monotonic() - t0 < 5


def test_a_cancelled_run_stops_at_the_next_check(tmp_path: Path) -> None:
    from induction.deadline import RunCancelled, cancel_active_runs

    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, [_shout(n, n.upper(), rid=n) for n in ["Ada", "Bo", "Cy"]])
        with pytest.raises(RunCancelled, match="SIGTERM"):
            run_induction(store, deriver=_SlowDeriver(then=lambda: cancel_active_runs("SIGTERM")))
        _, _, report = run_induction(store)  # the next run is not cancelled
        assert report.live > 0 and report.replay_hits == 3


class _StalledModel:
    """An OpenAI-compatible server on 127.0.0.1 that takes every request and never answers."""

    def __init__(self) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.requests = threading.Event()
        self.release = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers["content-length"]))
                outer.requests.set()
                outer.release.wait(120)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/v1"

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.mark.slow
@pytest.mark.timeout(280)
def test_rote_induce_exits_promptly_on_sigterm_while_waiting_for_a_model(tmp_path: Path) -> None:
    """``rote induce`` busy in a model call that never returns (in a Prefect worker thread):
    SIGTERM stops it at once, where it used to wait forever for the worker."""
    import os
    import signal
    import subprocess
    import sys
    import time

    import psutil

    rote = str(Path(sys.executable).with_name("rote"))
    model = _StalledModel()
    env = {**os.environ, "ROTE_HOME": str(tmp_path / "home"), "PREFECT_HOME": str(tmp_path / "prefect"),
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "ROTE_LLM_MODEL": "openai/stalled",
           "ROTE_LLM_API_BASE": model.url, "OPENAI_API_KEY": "sk-test"}
    env.pop("PREFECT_API_URL", None)
    fixtures = Path(__file__).resolve().parents[2] / "data" / "fixtures" / "train.jsonl"
    try:
        subprocess.run([rote, "ingest", str(fixtures)], env=env, check=True, capture_output=True, timeout=120)
        proc = subprocess.Popen([rote, "induce", "--backend", "hybrid"], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT)
        try:
            assert model.requests.wait(180), "induction never called the model"
            time.sleep(1.0)  # well inside the call (its timeout is 60 s)
            family = psutil.Process(proc.pid).children(recursive=True)
            t0 = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
            took = time.monotonic() - t0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
        assert took < 15, out[-2000:]
        assert proc.returncode != 0
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE
                                                  for p in family):
            time.sleep(0.2)
        left = [p for p in family if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        for p in left:
            p.kill()
        assert not left, f"left running: {[p.cmdline()[:4] for p in left]}"
    finally:
        model.close()


def test_signals_cancel_the_active_runs_then_do_what_they_did_before() -> None:
    import os
    import signal
    import time

    from induction.deadline import Deadline, cancel_on_exit, cancel_on_signals

    # A process started in the background by a shell without job control begins with SIGINT
    # ignored (``make test &``): what "before" is must not depend on how pytest was started.
    launched = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        run = Deadline.start(None)
        with pytest.raises(KeyboardInterrupt), cancel_on_signals():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)  # the handler runs here
        assert run.cancelled
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # restored
    finally:
        signal.signal(signal.SIGINT, launched)

    other = Deadline.start(None)
    with pytest.raises(ValueError), cancel_on_exit():
        raise ValueError("an ordinary error")
    assert not other.cancelled  # only interrupts cancel (a scheduler keeps running)
    other.close()
    run.close()
