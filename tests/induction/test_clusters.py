"""Clustering's shortcut: messages that share too few tokens are told apart without aligning
them, and never one that ``fits`` would have kept together."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from induction.config import InductionConfig
from induction.induce.clusters import Clusterer
from induction.induce.store_tree import StoreTree

SETTINGS = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = st.sampled_from(["disk", "full", "on", "sda1", "12", "7", " ", ", ", "=", "login", "failed",
                         '{"a": ', '"x"', "}", "[", "]", "x@y.io", "2026-11-30"])
TEXT = st.lists(WORDS, min_size=1, max_size=12).map("".join)


def fits_aligning(clusterer: Clusterer, msgs: list[dict[str, Any]]) -> bool:
    """``fits`` the long way: always aligning."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(clusterer, "too_few_shared", lambda _: False)
        return clusterer.fits(msgs)


@SETTINGS
@given(st.lists(TEXT, min_size=2, max_size=4), st.sampled_from(["user", "tool", "assistant"]),
       st.sampled_from([0.1, 0.3, 0.6, 1.5]))
def test_what_the_shortcut_tells_apart_never_fits(texts: list[str], role: str, share: float) -> None:
    clusterer = Clusterer(StoreTree(), InductionConfig(min_literal_share=share))
    msgs = [{"role": role, "content": t} for t in texts]
    if clusterer.too_few_shared(msgs):
        assert not fits_aligning(clusterer, msgs)
    assert clusterer.fits(msgs) == fits_aligning(Clusterer(StoreTree(), InductionConfig(min_literal_share=share)), msgs)


def test_the_shortcut_tells_apart_two_events_and_keeps_one() -> None:
    clusterer = Clusterer(StoreTree(), InductionConfig())
    user = [{"role": "user", "content": t} for t in ("disk sda1 full on node 7", "login failed for root")]
    assert clusterer.too_few_shared(user)
    same = [{"role": "user", "content": f"disk sda{n} full on node {n}"} for n in (1, 7)]
    assert not clusterer.too_few_shared(same) and clusterer.fits(same)
