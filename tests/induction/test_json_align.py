"""Structural alignment of JSON tool results (``induction.json_align``) and what the walk does
with it: parts of a split cluster keep the wider skeleton (``induction.induce.strata``)."""

from __future__ import annotations

import json
from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from induction.identifier import identify
from induction.induce.strata import Strata
from induction.json_align import align_json, align_json_paths, is_timestamp, parse


def _rebuild(parts: list[str | int], values: list[list[str]], m: int) -> str:
    return "".join(p if isinstance(p, str) else values[p][m] for p in parts)


def test_first_items_state_aligns_with_the_first_items_state() -> None:
    """The word aligner matched the first deploy's "succeeded" with the second deploy's and
    swallowed a whole object into one gap; by position, the state is one leaf."""
    def result(state: str, n: int) -> str:
        return orjson.dumps({"deploys": [{"id": f"dep-{n}", "state": state},
                                          {"id": f"dep-{n + 1}", "state": "succeeded"}]}).decode()

    texts = [result("succeeded", 10), result("failed", 20), result("rolling_out", 30)]
    found = align_json_paths(texts)
    assert found is not None
    a, paths = found
    assert [v for v in a.values if "failed" in v] == [["succeeded", "failed", "rolling_out"]]
    assert "$.deploys[0].state" in paths
    assert all(_rebuild(a.parts, a.values, m) == t for m, t in enumerate(texts))


def test_formatting_and_escapes_are_kept() -> None:
    texts = [json.dumps({"a": "x \"q\" 1", "b": [1, 2]}, indent=2), json.dumps({"a": "y \"q\" 2", "b": [1, 3]}, indent=2)]
    a = align_json(texts)
    assert a is not None and all(_rebuild(a.parts, a.values, m) == t for m, t in enumerate(texts))


def test_other_keys_or_not_json_fall_back() -> None:
    assert align_json(['{"a": 1}', '{"b": 1}']) is None
    assert align_json(['{"a": 1}', "not json"]) is None
    assert parse('{"a": 1} trailing') is None
    assert parse("[" * 100 + "]" * 100) is None  # deeper than MAX_DEPTH: the word aligner's


def test_timestamps_and_typed_values_stay_whole() -> None:
    a = align_json(['{"t": "Thu, 05 Nov 2026 00:05:37 +0000", "d": "2026-05-10"}',
                    '{"t": "Sun, 22 Nov 2026 18:36:00 +0000", "d": "2026-04-20"}'])
    assert a is not None
    assert a.values == [["Thu, 05 Nov 2026 00:05:37 +0000", "Sun, 22 Nov 2026 18:36:00 +0000"],
                        ["2026-05-10", "2026-04-20"]]
    assert is_timestamp("Nov  5 00:05:23") and not is_timestamp("5 Nov")


_leaf = st.one_of(st.integers(-10**6, 10**6), st.text(max_size=12), st.booleans(), st.none(),
                  st.floats(allow_nan=False, allow_infinity=False, width=32))
_doc = st.recursive(_leaf, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
    st.sampled_from(["a", "b", "id", "items"]), kids, max_size=3), max_leaves=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(_doc, min_size=2, max_size=4), st.sampled_from([None, 2]))
def test_alignment_gives_every_text_back(docs: list[Any], indent: int | None) -> None:
    """Whatever it aligns, the parts and each member's values join into that member's text."""
    texts = [json.dumps({"r": d}, indent=indent) for d in docs]
    for whole in (False, True):
        a = align_json(texts, whole_strings=whole)
        if a is not None:
            assert all(_rebuild(a.parts, a.values, m) == t for m, t in enumerate(texts))
            assert all(all(v != "" for v in vals) for vals in a.values)


def test_a_part_keeps_the_wider_skeleton_but_not_what_went_with_the_split() -> None:
    """Two runs of a part agreeing on a region is a coincidence the wider cluster did not
    have; a value constant in every part and different between them went along with the split
    value and stays literal."""
    def msg(state: str, region: str, tier: str, ms: int) -> dict[str, Any]:
        return {"role": "tool", "content": orjson.dumps({"state": state, "region": region, "tier": tier,
                                                          "ms": ms}).decode()}

    msgs = [msg("ok", "us", "gold", 5), msg("ok", "us", "gold", 7), msg("bad", "eu", "basic", 9),
            msg("bad", "us", "basic", 4)]
    sk = identify(msgs)
    assert sk is not None
    state = next(g.gid for g in sk.gaps if g.path == "$.state")
    strata = Strata.of(sk, ["a", "b", "c", "d"], [[0, 1], [2, 3]], {state}, homogeneous=True)
    part = strata.restrict(["a", "b"])
    assert part is not None and part.content is not None
    literal = "".join(p for p in part.content if isinstance(p, str))
    assert '"state":"ok"' in literal and '"tier":"gold"' in literal  # split value; went along with it
    assert [g.path for g in part.gaps] == ["$.region", "$.ms"]
    assert strata.pooled[("content", "$.ms")] == ("5", "7", "9", "4")
    assert ("content", "$.region") in strata.pooled
    assert strata.restrict(["a", "z"]) is None
    assert Strata.of(sk, ["a", "b", "c", "d"], [[0, 1], [2, 3]], {state}, homogeneous=False).pooled == {}
