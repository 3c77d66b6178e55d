"""Plain-text tables (``induction.text_rows``): where the rows after the first begin and end,
how the identifier aligns tables of different lengths, the check the answer keeps
(``list_tails.rows_check``, ``runtime.tails``), and a table served end to end."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from evals.builders import stored
from induction.identifier import identify
from induction.induce import induce
from induction.rules.list_tails import rows_check
from induction.runtime.compiled import compile_tree
from induction.runtime.tails import TailCheck, table_rows, tail_problem
from induction.text_rows import MARK, ROWS_PATH, delimiter_of, marked, tails, unmarked

CSV = ["room,floor,price\nR-1,2,40", "room,floor,price\nR-2,3,55\nR-7,1,90\nR-9,4,120",
       "room,floor,price\nR-3,24,212\nR-4,2,24"]


@pytest.mark.parametrize(("texts", "rests"), [
    # CSV with a header: the first row's last cell onwards
    (["room,floor\nR-1,2", "room,floor\nR-2,3\nR-7,1"], ["2", "3\nR-7,1"]),
    # a markdown table: header and separator alike, the row ends with its delimiter
    (["| a | b |\n|---|---|\n| x | 1 |\n\nTotal: 1", "| a | b |\n|---|---|\n| y | 2 |\n| z | 3 |\n\nTotal: 2"],
     [" 1 |", " 2 |\n| z | 3 |"]),
    # tab-separated output after a line of prose
    (["Found:\nid\tstate\n7\tup", "Found:\nid\tstate\n8\tdown\n9\tup\n10\tup"], ["up", "down\n9\tup\n10\tup"]),
])
def test_tails_find_the_rows_after_the_first(texts: list[str], rests: list[str]) -> None:
    table = tails(texts)
    assert table is not None
    assert [t[a:b] for t, (_, a, b) in zip(texts, table.spans, strict=True)] == rests


@pytest.mark.parametrize("texts", [
    ["a,b\n1,2", "a,b\n3,4"],  # as many rows: aligned row by row as before
    ["a,b\n1,2", "a b\n3 4\n5 6"],  # a table in one text only
    ["a,b\n1,2\n\nc,d\n3,4", "a,b\n1,2\n5,6\n\nc,d\n3,4"],  # two tables: which is which cannot be told
    ["x,y\n1,2", "u,v\n3,4\n5,6"],  # no line alike: no header, every line a row? no, one table each
    ["just text", "more text"],
])
def test_tails_leave_other_texts_alone(texts: list[str]) -> None:
    table = tails(texts)
    assert table is None or all(t[row:a] for t, (row, a, _) in zip(texts, table.spans, strict=True))


def test_tails_need_a_row_in_every_text() -> None:
    assert tails(["a,b", "a,b\n1,2\n3,4"]) is None  # a header alone: another shape, another branch
    assert tails(["a,b\n1,2"]) is None


def test_marks_keep_cells_apart_and_come_back_as_delimiters() -> None:
    table = tails(CSV)
    assert table is not None and table.delimiter == ","
    first = marked(CSV, table)[2]
    assert "24,212" not in first and first.endswith(MARK)  # the thousands-like pair is two cells
    assert unmarked(first.replace(MARK, ""), ",") == "room,floor,price\nR-3,24,"


def test_identify_aligns_the_first_row_cell_by_cell_and_the_rest_as_one_gap() -> None:
    sk = identify([{"role": "tool", "content": t} for t in CSV])
    assert sk is not None and sk.content is not None
    rows = [g for g in sk.gaps if g.path == ROWS_PATH]
    assert len(rows) == 1 and rows[0].values == ["40", "55\nR-7,1,90\nR-9,4,120", "212\nR-4,2,24"]
    assert [g.values for g in sk.gaps if g.path != ROWS_PATH] == [["1", "2", "3"], ["2", "3", "24"]]
    assert "".join(p for p in sk.content if isinstance(p, str)) == "room,floor,price\nR-,,"


def test_delimiter_of_reads_the_rows_shape() -> None:
    assert delimiter_of(["40", "55\nR-7,1,90"]) == ","
    assert delimiter_of(["40", "55"]) is None  # no row: nothing to tell
    assert delimiter_of(["a\nb c", "d\ne f"]) is None


GOLDEN: list[tuple[list[Any], TailCheck | None]] = [
    # counts 0..2, a closed word column, numeric columns ranged, an id column free
    (["40", "55\nR-7,1,90\nR-9,4,120", "70\nR-4,2,24"],
     TailCheck(items=(0, 2), delimiter=",", cells=3, ranges={"1": (1.0, 4.0), "2": (24.0, 120.0)})),
    (["open |", "open |\n| D-2 | reserved |\n| D-3 | open |"],
     TailCheck(items=(0, 2), delimiter="|", cells=4, closed={"0": ("",), "2": ("open", "reserved"), "3": ("",)})),
    # no rows in any value, or not a table's rest: no check
    (["40", "55"], None),
    ([3, "55\n1,2"], None),
]


@pytest.mark.parametrize(("values", "expected"), GOLDEN)
def test_rows_check(values: list[Any], expected: TailCheck | None) -> None:
    assert rows_check(values) == expected


CHECK = TailCheck(items=(0, 2), delimiter=",", cells=3, closed={"0": ("A", "B")}, ranges={"2": (10.0, 90.0)})


@pytest.mark.parametrize(("value", "problem"), [
    ("50", None),
    ("50\nA,x,20\nB,y,90", None),
    ("50\nA,x,20\nB,y,90\nA,z,30", "held 3 more rows (seen: 0 to 2)"),
    ("50\nC,x,20", "held 'C' in column 1 (seen: 'A', 'B')"),
    ("50\nA,x,95", "held '95' in column 3 (seen: numbers from 10 to 90)"),
    ("5", "held '5' in column 3 (seen: numbers from 10 to 90)"),  # the first row's last cell too
    ("50\nA,x,n/a", "held 'n/a' in column 3 (seen: numbers from 10 to 90)"),
    ("50\nA,x", "holds a row of other than 3 cells"),
    ("50\nA,x,1,2", "holds a row of other than 3 cells"),
    (7, "holds a row of other than 3 cells"),
])
def test_rows_problem(value: Any, problem: str | None) -> None:
    assert tail_problem(CHECK, value) == problem


@given(st.lists(st.lists(st.integers(0, 999), min_size=3, max_size=3), min_size=0, max_size=5))
def test_table_rows_reads_back_every_cell(rows: list[list[int]]) -> None:
    value = "7" + "".join("\n" + ",".join(map(str, r)) for r in rows)
    found = table_rows(value, ",", 3)
    assert found is not None and found[0] == len(rows)
    assert found[1].get("2", []) == ["7", *[str(r[2]) for r in rows]]
    assert found[1].get("0", []) == [str(r[0]) for r in rows]


def _records(tables: list[list[tuple[str, int]]]) -> list[dict[str, Any]]:
    """One booking run per table of (room, price) rows: the CSV result, then the first room booked."""
    out = []
    for i, rows in enumerate(tables):
        csv = "room,floor,price\n" + "\n".join(f"{room},{i % 5 + 1},{price}" for room, price in rows)
        call = {"role": "assistant", "content": None, "tool_calls": [{"id": f"c{i}", "type": "function", "function": {
            "name": "search_rooms", "arguments": orjson.dumps({"people": 3 + i}).decode()}}]}
        messages = [{"role": "system", "content": "Book the first room listed."},
                    {"role": "user", "content": f"A room for {3 + i} people, please."},
                    call, {"role": "tool", "tool_call_id": f"c{i}", "content": csv}]
        out.append({"request": {"model": "m", "messages": messages}, "response": {
            "id": f"r{i}", "object": "chat.completion", "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop", "message": {
                "role": "assistant", "content": f"Booked {rows[0][0]}."}}]}})
    return out


TABLES = [[("R-101", 40)], [("R-102", 55), ("R-307", 90)], [("R-103", 70), ("R-208", 24), ("R-311", 60)],
          [("R-104", 35), ("R-219", 80)], [("R-105", 65)], [("R-106", 45), ("R-222", 30), ("R-333", 85)]]


def test_a_table_of_another_length_is_served_inside_what_its_rows_showed() -> None:
    result = induce(stored(_records(TABLES)))
    assert result.stats["tail_checks"] >= 1
    tree = compile_tree(result.nodes)

    def served(rows: list[tuple[str, int]]) -> str | None:
        rec = _records([rows])[0]
        hit = tree.explain(rec["request"]).hit
        return None if hit is None else str(hit.response["choices"][0]["message"]["content"])

    assert served([("R-150", 50), ("R-250", 60)]) == "Booked R-150."
    assert served([("R-150", 50)]) == "Booked R-150."
    assert served([("R-150", 50), ("R-250", 600)]) is None  # a price past any seen in the rows
    assert served([("R-150", 50)] + [("R-250", 60)] * 4) is None  # more rows than any table held
