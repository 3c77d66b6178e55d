"""Golden pairs of ``induction.rules.list_tails``: the rests of a list's training values in,
the check out; and the check at request time (``induction.runtime.tails``)."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from evals.builders import stored
from induction.induce import induce
from induction.rules.list_tails import first_items, tail_check
from induction.runtime.compiled import compile_tree
from induction.runtime.tails import TailCheck, out_of_tail, parse_tail, tail_problem

GOLDEN: list[tuple[tuple[list[Any], dict[str, list[Any]] | None], TailCheck | None]] = [
    # counts 1..2; a status repeated: closed
    (([',{"s": "ok"}]', ',{"s": "ok"},{"s": "ok"}]'], None), TailCheck(items=(1, 2), closed={"s": ("ok",)})),
    # ids and names never repeat (and ids hold digits): free
    (([',{"id": "A-1", "who": "Ann"}]', ',{"id": "A-2", "who": "Bo"}]'], None), TailCheck(items=(1, 1))),
    # whole lists (one was empty): counted the same way
    ((["[]", '["a", "b"]', '["b"]'], None), TailCheck(items=(0, 2), closed={"": ("a", "b")})),
    # the first item's values count among the words
    (([',"beta"]', "]"], {"": ["mobile", "beta"]}), TailCheck(items=(0, 1), closed={"": ("beta", "mobile")})),
    # a value that is no list's rest: no check
    ((["]", "Ann"], None), None),
    # quantities, however written, keep their range; a latency or an id after its key does not
    (([',{"amount": 12.5}]', ',{"amount": "30.00"},{"amount": 7}]'], None),
     TailCheck(items=(1, 2), ranges={"amount": (7.0, 30.0)})),
    (([',{"due": "2026-11-02"}]', ',{"due": "2026-10-28"}]'], None),
     TailCheck(items=(1, 1), ranges={"due": ("2026-10-28", "2026-11-02")})),
    (([',{"latency_ms": 12.5, "order_id": 40512}]', ',{"latency_ms": 40.1, "order_id": 40533}]'], None),
     TailCheck(items=(1, 1))),
]


@pytest.mark.parametrize(("args", "expected"), GOLDEN)
def test_tail_check(args: tuple[list[Any], dict[str, list[Any]] | None], expected: TailCheck | None) -> None:
    assert tail_check(*args) == expected


def test_first_items_pairs_a_lists_rest_with_its_first_items_fields() -> None:
    gaps = [("$.id", "id"), ("$.tags[0]", "tag"), ("$.tags[1:]", "tags"), ("$.checks[0].name", "name"),
            ("$.checks[0].status", "status"), ("$.checks[0].meta.x", "x"), ("$.checks[1:]", "rest")]
    assert first_items(gaps) == {"tags": {"": "tag"}, "rest": {"name": "name", "status": "status"}}


@pytest.mark.parametrize(("value", "problem"), [
    (',{"s": "ok"}]', None),
    ("]", "held 0 items (seen: 1 to 2)"),
    (',{"s": "ok"},{"s": "ok"},{"s": "ok"}]', "held 3 items (seen: 1 to 2)"),
    (',{"s": "failed"}]', "held s 'failed' (seen: 'ok')"),
    (',{"s": "ok", "t": "new"}]', None),  # a field never closed is free
    ("not a list", "is not the rest of a list"),
    (7, "is not the rest of a list"),
])
def test_tail_problem(value: Any, problem: str | None) -> None:
    assert tail_problem(TailCheck(items=(1, 2), closed={"s": ("ok",)}), value) == problem


@pytest.mark.parametrize(("value", "problem"), [
    (',{"amount": 12}]', None),
    (',{"amount": "29.99"},{"amount": 7}]', None),
    (',{"amount": 31}]', "held amount 31 (seen: 7.0 to 30.0)"),
    (',{"amount": "4312.50"}]', "held amount '4312.50' (seen: 7.0 to 30.0)"),
    (',{"amount": "n/a"}]', "held amount 'n/a' (seen: 7.0 to 30.0)"),
    (',{"to": "x"}]', None),  # a field absent from an item holds nothing to check
])
def test_tail_problem_checks_quantities(value: Any, problem: str | None) -> None:
    assert tail_problem(TailCheck(items=(1, 2), ranges={"amount": (7.0, 30.0)}), value) == problem


def test_parse_tail_reads_rests_and_whole_lists_only() -> None:
    assert parse_tail(" ]") == [] and parse_tail(",1,2]") == [1, 2] and parse_tail('["a"]') == ["a"]
    assert parse_tail("{}") is None and parse_tail(",{broken]") is None
    assert out_of_tail({"v": TailCheck(items=(0, 0))}, {"v": ",1]"}) == "v held 1 items (seen: 0 to 0)"
    assert out_of_tail({"v": TailCheck(items=(0, 0))}, {"w": ",1]"}) is None


def _records(carts: list[list[str]]) -> list[dict[str, Any]]:
    """One CI-bot run per list of check statuses: the checks' tool result, "All checks passed."."""
    out = []
    for i, statuses in enumerate(carts):
        checks = [{"name": f"job{j}", "status": s} for j, s in enumerate(statuses)]
        call = {"role": "assistant", "content": None, "tool_calls": [{"id": f"c{i}", "type": "function", "function": {
            "name": "list_checks", "arguments": orjson.dumps({"pr": 100 + i}).decode()}}]}
        messages = [{"role": "system", "content": "You are the CI bot."}, {"role": "user", "content": f"Is PR {100 + i} green?"},
                    call, {"role": "tool", "tool_call_id": f"c{i}", "content": orjson.dumps({"checks": checks}).decode()}]
        answer = "All checks passed." if all(s == "success" for s in statuses) else "Some checks failed."
        out.append({"request": {"model": "m", "messages": messages}, "response": {
            "id": f"r{i}", "object": "chat.completion", "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": answer}}]}})
    return out


def test_a_failed_check_or_a_longer_list_among_the_rest_is_a_miss() -> None:
    runs = [["success"] * n for n in (2, 3, 2, 3, 2, 3)]
    result = induce(stored(_records(runs)))
    assert result.stats["tail_checks"] >= 1
    tree = compile_tree(result.nodes)

    def served(statuses: list[str]) -> str | None:
        rec = _records([statuses])[0]
        hit = tree.explain(rec["request"]).hit
        return None if hit is None else str(hit.response["choices"][0]["message"]["content"])

    assert served(["success", "success", "success"]) == "All checks passed."
    assert served(["success", "failed"]) is None  # a status the rest never held
    assert served(["success"] * 5) is None  # four checks after the first: more than any seen
    assert served(["failed", "success"]) is None  # the first check's status: a closed slot too
