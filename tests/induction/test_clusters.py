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
from induction.induce import induce
from induction.induce.clusters import Clusterer
from induction.induce.model import Member
from induction.induce.store_tree import StoreTree, message_text
from induction.pipeline import same_answer
from induction.runtime.compiled import compile_tree

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


def _lookup(i: int, result: str, answer: str) -> dict[str, Any]:
    """A run whose tool returns one bare value, and the model's next call or reply."""
    call = {"id": f"c{i}", "type": "function", "function": {"name": "find_user_id", "arguments": json.dumps(
        {"email": f"user{i}@example.com"})}}
    messages = [{"role": "system", "content": "You help users with their orders."},
                {"role": "user", "content": f"My email is user{i}@example.com, where is my order?"},
                {"role": "assistant", "content": None, "tool_calls": [call]},
                {"role": "tool", "tool_call_id": f"c{i}", "content": result}]
    if answer.startswith("get_orders"):
        message: dict[str, Any] = {"role": "assistant", "content": None, "tool_calls": [
            {"id": f"d{i}", "type": "function", "function": {"name": "get_orders", "arguments": json.dumps(
                {"user_id": result})}}]}
    else:
        message = {"role": "assistant", "content": answer}
    return {"request": {"model": "m", "messages": messages}, "response": {
        "id": f"r{i}", "object": "chat.completion", "model": "m",
        "choices": [{"index": 0, "finish_reason": "stop", "message": message}]}}


USERS = ("thomas_spears_8723", "ashley_reynolds_6427", "traci_middleton_8786", "omar_kim_1290", "lena_ortiz_5521",
         "raj_patel_3307", "mia_chen_4410")


def test_a_tool_that_returns_one_bare_value_is_one_template() -> None:
    # find_user_id returns the id alone: every run's result differs in full, and no literal
    # text is shared. As a JSON scalar, it is one template whose value the next call copies.
    tree = compile_tree(induce(stored([_lookup(i, u, "get_orders") for i, u in enumerate(USERS[:5])])).nodes)
    for i, user in enumerate(USERS[5:], start=10):
        rec = _lookup(i, user, "get_orders")
        got = tree.explain(rec["request"]).hit
        assert got is not None and same_answer(got.response["choices"][0]["message"],
                                               rec["response"]["choices"][0]["message"])


def test_a_bare_status_still_decides() -> None:
    # The bare status decides the reply, which does not copy it: each status its own branch,
    # and one no run showed is no branch at all.
    reply = {"active": "Your order ships today.", "locked": "Please call us to unlock your account first."}
    runs = [_lookup(i, status, reply[status])
            for i, status in enumerate(("active", "locked", "active", "locked", "active", "locked"))]
    tree = compile_tree(induce(stored(runs)).nodes)
    hit = tree.explain(_lookup(20, "locked", "")["request"]).hit
    assert hit is not None and hit.response["choices"][0]["message"]["content"] == reply["locked"]
    assert tree.explain(_lookup(21, "suspended", "")["request"]).hit is None


def test_typed_values_do_not_count_against_the_text_two_results_share() -> None:
    # Two bookings: ids, a timestamp and an address are two thirds of their characters; the
    # words around them are the same. They fit one template.
    booked = [f"Booked evt_{h} ({ts}); iCalUID={uid}@cal.harbor-analytics.com; invites_sent=1" for h, ts, uid in (
        ("83c6ab65fe9b", "Tue, 17 Nov 2026 06:16:39 +0000", "0e562819-40f1-4ad0-b154-a4b55a5d0389"),
        ("1c99b847c49f", "Fri, 06 Nov 2026 21:12:50 +0000", "527d483c-9395-4a01-8d36-8430177ec798"))]
    msgs = [{"role": "tool", "content": t} for t in booked]
    clusterer = Clusterer(StoreTree(), InductionConfig())
    assert not clusterer.too_few_shared(msgs) and clusterer.fits(msgs)
    # Words that differ stay apart, ids or not.
    other = [{"role": "tool", "content": booked[0]}, {"role": "tool", "content": "Cancelled evt_1c99b847c49f: "
              "no room free on Fri, 06 Nov 2026 21:12:50 +0000 for 527d483c-9395-4a01-8d36-8430177ec798@cal.x.com"}]
    assert not clusterer.fits(other)
