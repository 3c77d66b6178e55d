"""Matching blocks read off the runs of shared tokens are difflib's, and so are alignments.

``induction.blocks.matching_blocks`` stands for ``difflib.SequenceMatcher(...,
autojunk=False).get_matching_blocks()``: compared here with difflib itself on token lists
that mostly share one layout (where the shortcut is taken), on lists that do not (where
difflib runs), and through ``induction.align.align`` on texts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import induction.align
from induction.align import align
from induction.blocks import _runs, matching_blocks, slow_blocks
from induction.tokens import json_tokenize

SETTINGS = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SHARED = ["a", "b", "c", " ", ","]


@st.composite
def layouts(draw: Any) -> tuple[list[str], list[str]]:
    """Two token lists made from one: each keeps, swaps, adds or drops a token here and
    there, mostly tokens of its own (``A1`` / ``B1``), sometimes ones the other has."""
    base = draw(st.lists(st.sampled_from(SHARED), max_size=14))

    def vary(own: str) -> list[str]:
        out: list[str] = []
        for tok in base:
            pool = st.sampled_from([f"{own}{n}" for n in range(3)] + SHARED[:2])
            edit = draw(st.sampled_from(["keep"] * 5 + ["swap", "add", "drop"]))
            if edit == "keep":
                out.append(tok)
            elif edit == "swap":
                out.append(draw(pool))
            elif edit == "add":
                out.extend([tok, draw(pool)])
        return out

    return vary("A"), vary(draw(st.sampled_from(["A", "B"])))


def blocks(found: Sequence[Any]) -> list[tuple[int, int, int]]:
    return [tuple(m) for m in found]


@SETTINGS
@given(layouts())
def test_blocks_read_off_runs_are_difflibs(pair: tuple[list[str], list[str]]) -> None:
    a, b = pair
    assert blocks(matching_blocks(a, b)) == blocks(slow_blocks(a, b))


@SETTINGS
@given(st.lists(st.sampled_from(SHARED), max_size=12), st.lists(st.sampled_from(SHARED), max_size=12))
def test_blocks_of_unrelated_lists_are_difflibs(a: list[str], b: list[str]) -> None:
    assert blocks(matching_blocks(a, b)) == blocks(slow_blocks(a, b))


def test_the_shortcut_is_taken_where_values_differ_and_left_to_difflib_elsewhere() -> None:
    a, b = ["uid", "=", "10037", ",", "pid", "=", "2227"], ["uid", "=", "10040", ",", "pid", "=", "1999"]
    assert _runs(a, b) == [(0, 0, 2), (3, 3, 3)]
    assert _runs(["x", "y"], ["y", "x"]) is None  # shared tokens in another order
    # The runs "a", "b" and "a b": in b, "a b" stands first where no own token parts a from b.
    assert _runs(list("a1b2ab"), list("ab3ab")) is None
    assert blocks(slow_blocks(list("a1b2ab"), list("ab3ab"))) == [(4, 0, 2), (6, 5, 0)]


WORDS = st.sampled_from(["Pay", "to", "now", "Erik", "Maria", "12", "7", "x@y.io", " ", ", ", ".", "and", "Wood"])
TEXTS = st.lists(st.lists(WORDS, min_size=1, max_size=10).map("".join), min_size=2, max_size=5)


@SETTINGS
@given(TEXTS)
def test_alignments_are_those_of_difflib(texts: list[str]) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(induction.align, "matching_blocks", slow_blocks)
        expected = align(texts), align(texts, json_tokenize)
    assert (align(texts), align(texts, json_tokenize)) == expected


@SETTINGS
@given(st.lists(WORDS, min_size=1, max_size=10), st.lists(st.tuples(WORDS, WORDS), min_size=1, max_size=6))
def test_alignments_of_one_layout_are_those_of_difflib(words: list[str], values: list[tuple[str, str]]) -> None:
    # Texts of one layout with values put in (where the shortcut is taken most).
    texts = ["".join(w + v for w, v in zip(words, vals, strict=False)) for vals in zip(*values, strict=True)]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(induction.align, "matching_blocks", slow_blocks)
        expected = align(texts)
    assert align(texts) == expected
