"""Clustering's shortcut: messages that share too few tokens are told apart without aligning
them, and never one that ``fits`` would have kept together."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evals.builders import stored
from induction.config import InductionConfig
from induction.induce.clusters import Clusterer
from induction.induce.model import Member
from induction.induce.store_tree import StoreTree, message_text

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


def _call(user: str, tool: str, args: dict[str, Any]) -> dict[str, Any]:
    call = {"id": "c1", "type": "function", "function": {"name": tool, "arguments": json.dumps(args)}}
    return {"request": {"messages": [{"role": "system", "content": "You run map tasks."},
                                     {"role": "user", "content": user}]},
            "response": {"choices": [{"message": {"role": "assistant", "content": None, "tool_calls": [call]}}]}}


def test_a_message_joins_its_own_kind_before_a_chance_fit_with_another() -> None:
    # The first "closest" request also fits the "reach" requests' first member word by word
    # (long shared place names); clustered greedily it went there and ended alone.
    records = [_call(f"Check if the {p} in pittsburgh can be reached in one hour by car from {s}", "reach",
                     {"place": p, "start": s})
               for p, s in [("police station", "Carnegie Mellon University"), ("city library", "gates building"),
                            ("duquesne university", "pittsburgh airport")]]
    records += [_call(f"Tell me the closest {k}(s) to {p}", "closest", {"kind": k, "place": p})
                for k, p in [("restaurant", "university center at Carnegie Mellon University"),
                             ("cafe", "CMU Hunt library"), ("restaurant", "CMU Hunt library")]]
    tree = StoreTree()
    tree.load(stored(records))
    users = [(sid, Member("", {})) for sid, n in tree.nodes.items() if n.msg["role"] == "user"]
    clusters = Clusterer(tree, InductionConfig()).cluster(users)
    texts = sorted(sorted(message_text(tree.nodes[s].msg)[:10] for s, _ in c) for c in clusters)
    assert texts == [["Check if t"] * 3, ["Tell me th"] * 3]


def test_messages_answered_with_other_tools_still_share_one_template() -> None:
    # One request shape whose value decides the tool: refunds and tracking calls cluster together.
    records = [_call(f"Handle order {n}: {what}", tool, {"order": n})
               for n, what, tool in [(101, "refund it", "refund"), (102, "track it", "track"),
                                     (103, "refund it", "refund"), (104, "track it", "track")]]
    tree = StoreTree()
    tree.load(stored(records))
    users = [(sid, Member("", {})) for sid, n in tree.nodes.items() if n.msg["role"] == "user"]
    assert [len(c) for c in Clusterer(tree, InductionConfig()).cluster(users)] == [4]
