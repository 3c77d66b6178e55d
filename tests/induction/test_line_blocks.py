"""``induction.line_blocks``: plain-text results whose lines differ in number, aligned line by line."""

from __future__ import annotations

from induction.identifier import identify
from induction.line_blocks import align_blocks, line_key


def _joined(parts: list[str | int], values: list[list[str]], m: int) -> str:
    return "".join(p if isinstance(p, str) else values[p][m] for p in parts)


def test_the_lines_between_shared_lines_are_one_value_and_the_rest_aligns_word_by_word() -> None:
    texts = ["Report 7\n| a | 1 |\nTotal: 1\n-- 3 ms",
             "Report 9\n| b | 2 |\n| c | 3 |\nTotal: 5\n-- 12 ms",
             "Report 11\n| d | 4 |\n| e | 5 |\n| f | 6 |\nTotal: 15\n-- 4 ms"]
    found = align_blocks(texts)
    assert found is not None
    a, blocks = found
    assert [a.values[b] for b in blocks] == [["| a | 1 |", "| b | 2 |\n| c | 3 |", "| d | 4 |\n| e | 5 |\n| f | 6 |"]]
    assert a.values[0] == ["7", "9", "11"]  # the anchors' own numbers are gaps of their own
    for m, text in enumerate(texts):
        assert _joined(a.parts, a.values, m) == text  # joined, each text comes back


def test_a_chance_anchor_that_leaves_a_stretch_empty_is_dropped() -> None:
    # "Kids" stands in every menu by chance; with it an anchor, one text's stretch before it is empty.
    texts = ["Shop\nKids\nMen\nCart", "Shop\nSale\nKids\nCart", "Shop\nKids\nCart"]
    found = align_blocks(texts)
    assert found is not None
    a, blocks = found
    assert [a.values[b] for b in blocks] == [["Kids\nMen", "Sale\nKids", "Kids"]]


def test_no_block_where_lines_are_as_many_or_nothing_is_shared() -> None:
    assert align_blocks(["a\nb", "a\nc"]) is None  # as many lines: the word aligner's business
    assert align_blocks(["x 1\ny", "z\nw\nv"]) is None  # no line in common
    assert align_blocks(["\nx", "\ny\nz"]) is None  # a blank line is no anchor


def test_line_key_masks_numbers_and_values_not_words() -> None:
    assert line_key("\t[6999] link 'Home'") == line_key("\t[12] link 'Home'")
    assert line_key("\t[6999] link 'Home'") != line_key("\t[6999] link 'Sale'")
    assert line_key("paid $5 on 2026-11-02") == line_key("paid $1,250.00 on 2025-01-31")


def test_only_tool_results_are_aligned_by_lines() -> None:
    texts = ["Stock 1\nrow a\nTotal", "Stock 2\nrow b\nrow c\nTotal"]
    tool = identify([{"role": "tool", "tool_call_id": "c", "content": t} for t in texts])
    assert tool is not None and [g.block for g in tool.gaps] == [False, True]
    user = identify([{"role": "user", "content": t} for t in texts])
    assert user is None or not any(g.block for g in user.gaps)
