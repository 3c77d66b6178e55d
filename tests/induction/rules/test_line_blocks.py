"""Golden pairs of ``induction.rules.line_blocks``: a block's training values in, the check out;
the check at request time (``induction.runtime.lines``); and a table of rows of different
numbers end to end, through induction and the compiled tree."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from evals.builders import stored
from induction.induce import induce
from induction.rules.line_blocks import block_check, line_slot, mine
from induction.runtime.compiled import compile_tree
from induction.runtime.lines import BlockCheck, LineShape, LineSlot, block_problem, out_of_block

ROW = ("|", " ", None, " ", "|", " ", None, " ", "|")


def _tokens(shapes: tuple[LineShape, ...]) -> list[str]:
    return ["".join(t if t is not None else "_" for t in s.tokens) for s in shapes]


GOLDEN: list[tuple[list[str], list[str]]] = [
    # rows of one skeleton: one shape, every cell that varies a slot
    (["| a1 | 12 |", "| b2 | 30 |", "| c3 | 7 |"], ["| __ | _ |"]),  # "a1": a letter and a number, two tokens
    # a vocabulary (statuses repeated) tells rows apart: an open row's numbers are not a closed one's
    (["open 1", "open 2", "closed 3", "closed 9"], ["open _", "closed _"]),
    # another skeleton is another shape; a line seen once is literal throughout
    (["x=1 ok", "x=2 ok", "total 3"], ["x=_ ok", "total 3"]),
]


@pytest.mark.parametrize(("lines", "shapes"), GOLDEN)
def test_mine(lines: list[str], shapes: list[str]) -> None:
    assert _tokens(mine(lines)) == shapes


GOLDEN_SLOTS: list[tuple[list[str], str, LineSlot]] = [
    (["12", "7.5", "30"], "| ", LineSlot(bounds=(7.5, 30.0))),  # quantities: their range
    (["59.8", "3.1"], "| ", LineSlot(bounds=(3.1, 59.8))),
    (["2026-11-02", "2026-10-28"], "due ", LineSlot(bounds=("2026-10-28", "2026-11-02"))),  # dates too
    (["open", "closed", "open"], "", LineSlot(closed=("closed", "open"))),  # a status: its words
    (["P1", "P2"], "", LineSlot(closed=("P1", "P2"))),  # a code with a digit, few: closed
    (["a1f3c9", "77bd02", "c0ffee", "9e9e1a", "b00b1e"], "id=", LineSlot()),  # many distinct ids: free
    # many distinct words, none repeated: names, free; a vocabulary of as many stays closed
    (["Ann", "Bo", "Cy", "Di", "Ed"], "", LineSlot()),
    (["Kids", "Men", "Sale", "Kids", "Men", "Sale", "Women", "Kids", "Camping", "Men"], "", LineSlot(
        closed=("Camping", "Kids", "Men", "Sale", "Women"))),
    # names repeated by chance (two Smiths) are no vocabulary
    (["Smith", "Lee", "Smith", "Diaz", "Wu", "Okafor"], "", LineSlot()),
    # ids after an id-like label are no quantities, and few of them are closed
    (["40512", "40533"], "order ", LineSlot(closed=("40512", "40533"))),
]


@pytest.mark.parametrize(("values", "label", "slot"), GOLDEN_SLOTS)
def test_line_slot(values: list[str], label: str, slot: LineSlot) -> None:
    assert line_slot(values, label) == slot


def test_block_check_keeps_counts_and_first_and_last_lines_apart() -> None:
    check = block_check(["| a | 12 |\n| b | 30 |", "| c | 7 |\n| d | 9 |\n| e | 11 |"])
    assert check is not None
    assert check.lines == (2, 3)
    first = check.first[0].slots[1].bounds
    last = check.last[0].slots[1].bounds
    assert (first, last) == ((7.0, 12.0), (11.0, 30.0))
    assert check.shapes[0].slots[1].bounds == (7.0, 30.0)
    assert block_check(["a", 3]) is None and block_check([]) is None


CHECK = BlockCheck(
    lines=(1, 3),
    shapes=(LineShape(tokens=ROW, slots=(LineSlot(closed=("open", "closed")), LineSlot(bounds=(10.0, 99.0)))),),
    first=(LineShape(tokens=ROW, slots=(LineSlot(closed=("open",)), LineSlot(bounds=(10.0, 50.0)))),),
    last=(LineShape(tokens=ROW, slots=(LineSlot(closed=("open", "closed")), LineSlot(bounds=(10.0, 99.0)))),),
)


@pytest.mark.parametrize(("value", "problem"), [
    ("| open | 12 |", None),
    ("| open | 12 |\n| closed | 90 |", None),
    ("| open | 12 |\n| closed | 90 |\n| open | 20 |\n| open | 20 |", "held 4 lines (seen: 1 to 3)"),
    ("| open | 120 |", "line 1: '120' outside 10.0 to 99.0"),
    ("| open | 12 |\n| gone | 40 |", "line 2: 'gone' not among 'open', 'closed'"),
    ("| closed | 12 |", "line 1 (first): 'closed' not among 'open'"),  # seen lower down, never first
    ("| open | 70 |\n| open | 12 |", "line 1 (first): '70' outside 10.0 to 50.0"),
    ("| open | 12 | x |", "line 1: fits no line shape seen"),
    (7, "is not text"),
])
def test_block_problem(value: Any, problem: str | None) -> None:
    assert block_problem(CHECK, value) == problem


def test_out_of_block_names_the_variable() -> None:
    assert out_of_block({"rows": CHECK}, {"rows": "| open | 12 |"}) is None
    assert out_of_block({"rows": CHECK}, {"rows": "| gone | 12 |"}) == "rows line 1: 'gone' not among 'open', 'closed'"
    assert out_of_block({"rows": CHECK}, {"other": "x"}) is None


def _records(tables: list[list[tuple[str, str, int]]], start: int = 0) -> list[dict[str, Any]]:
    """One desk-booking run per table of (desk, status, seats) rows: the desks' text result,
    then "Desk <first> is free." where the first desk is open."""
    out = []
    for k, rows in enumerate(tables):
        i = start + k
        table = "\n".join(f"| {desk} | {status} | {seats} |" for desk, status, seats in rows)
        result = f"Desks on floor {i + 2}\n| desk | status | seats |\n{table}\n-- {len(rows)} desks"
        call = {"role": "assistant", "content": None, "tool_calls": [{"id": f"c{i}", "type": "function", "function": {
            "name": "list_desks", "arguments": orjson.dumps({"floor": i + 2}).decode()}}]}
        messages = [{"role": "system", "content": "You book desks."},
                    {"role": "user", "content": f"Any desk on floor {i + 2}?"},
                    call, {"role": "tool", "tool_call_id": f"c{i}", "content": result}]
        out.append({"request": {"model": "m", "messages": messages}, "response": {
            "id": f"r{i}", "object": "chat.completion", "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": "A desk is free: shall I book it?"}}]}})
    return out


DESKS = ("Ash", "Birch", "Cedar", "Elm", "Fir", "Oak")


def _table(n: int, seed: int) -> list[tuple[str, str, int]]:
    return [(DESKS[(seed + j) % len(DESKS)], "open", 2 + (seed + j) % 4) for j in range(n)]


def test_a_table_of_other_rows_is_served_only_when_its_rows_look_like_the_ones_seen() -> None:
    runs = [_table(n, s) for s, n in enumerate((2, 3, 4, 2, 3, 4, 3, 2))]
    result = induce(stored(_records(runs)))
    assert result.stats["block_checks"] >= 1
    tree = compile_tree(result.nodes)

    def served(rows: list[tuple[str, str, int]]) -> bool:
        rec = _records([rows], start=3)[0]
        return tree.explain(rec["request"]).hit is not None

    assert served(_table(3, 0))  # rows of tables seen, in a table of another length
    assert not served([*_table(2, 0), ("Oak", "closed", 3)])  # a status no row held
    assert not served([*_table(2, 0), ("Oak", "open", 40)])  # more seats than any row had
    assert not served(_table(6, 0))  # more rows than any table had
