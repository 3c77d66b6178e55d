"""The realistic workflows (evals/workflows/realistic.py): noise nobody reads, branches labelled."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import orjson
import pytest

from evals.suite import load_suite
from evals.workflows import WORKFLOWS, realistic

NAMES = [cls.name for cls in realistic.ALL]
SEEDS = (1, 2, 3, 11, 42)
# The noise formats the workflows emit: request ids, uuids, ISO / RFC 2822 / syslog / Apache stamps,
# epoch seconds and milliseconds, session tokens, pagination cursors.
NOISE = re.compile(
    r"req_[0-9a-f]{16}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    r"|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z|[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}"
    r"|[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\[\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d \+0000\]"
    r"|\b1[78]\d{8}(?:\d{3})?\b|eyJ[\w-]+\.[\w-]+\.[\w-]+")


def answers(rec: dict[str, Any]) -> str:
    """What the model said: text and tool-call arguments."""
    msg = rec["response"]["choices"][0]["message"]
    return (msg.get("content") or "") + "".join(c["function"]["arguments"] for c in msg.get("tool_calls") or [])


def tool_results(rec: dict[str, Any]) -> str:
    return "\n".join(m["content"] for m in rec["request"]["messages"] if m["role"] == "tool")


def test_realistic_workflows_are_in_the_catalog_and_the_default_suite() -> None:
    assert set(NAMES) <= set(WORKFLOWS) and set(NAMES) <= set(load_suite("default").workflows)
    assert [WORKFLOWS[n].cacheable for n in NAMES] == [True, True, True, True, False, True]


@pytest.mark.parametrize("name", NAMES)
def test_tool_results_carry_noise_that_no_answer_reads(name: str) -> None:
    wf = WORKFLOWS[name]
    kinds: Counter[str] = Counter()
    for seed in SEEDS:
        for run in wf.runs(seed=seed, n=4):
            for rec in run:
                noise = set(NOISE.findall(tool_results(rec)))
                said = answers(rec)
                assert not [v for v in noise if v in said], (name, seed, said)
                kinds.update({"request_id" if v.startswith("req_") else "token" if v.startswith("eyJ")
                              else "stamp" for v in noise})
    assert kinds["request_id"] > 0 and kinds["stamp"] > 0, kinds


def test_system_prompts_are_long_and_several_tools_are_declared() -> None:
    for name in NAMES:
        rec = WORKFLOWS[name].runs(seed=1, n=1)[0][0]
        assert len(rec["request"]["messages"][0]["content"]) > 600, name
        assert len(rec["request"]["tools"]) >= 2, name


@pytest.mark.parametrize("name,labels", [
    ("support_ticket", {"no_customer", "in_transit", "lost", "delivered"}),
    ("incident_triage", {"bad_deploy", "good_deploy"}),
    ("flight_booking", {"empty", ()}),
    ("ci_triage", {"passed", "failed:integration-tests", "failed:e2e-chrome"}),
    ("returns_desk", {"inside", "outside"}),
])
def test_every_branch_occurs_and_is_labelled(name: str, labels: set[Any]) -> None:
    """Over a few seeds each branch (a status, an empty result) is taken; the call that reveals it
    labels every call after it, so the eval can tell seen paths from unseen ones."""
    seen: set[Any] = set()
    for seed in SEEDS:
        for run in WORKFLOWS[name].played(seed=seed, n=6):
            final = run.structures[-1]
            seen |= set(final) if final else {()}
    assert labels <= seen, (name, seen)


def test_branch_follows_the_status_in_the_result() -> None:
    """support_ticket: a lost order is refunded, an order in transit gets tracking, never the other way."""
    for run in WORKFLOWS["support_ticket"].played(seed=5, n=20):
        calls = [c["function"]["name"] for rec in run.records
                 for c in rec["response"]["choices"][0]["message"].get("tool_calls") or []]
        status = run.structures[-1]
        assert ("issue_refund" in calls) == (status == ("lost",))
        assert ("send_tracking" in calls) == (status == ("in_transit",))
        if status == ("no_customer",):
            assert calls == ["search_customers"]


def test_runs_are_deterministic_across_processes_of_the_same_seed() -> None:
    a = orjson.dumps(WORKFLOWS["incident_triage"].runs(seed=9, n=2))
    assert a == orjson.dumps(WORKFLOWS["incident_triage"].runs(seed=9, n=2))
    assert b"2026-" in a and b"req_" in a
