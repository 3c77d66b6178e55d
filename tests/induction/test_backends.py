"""Choosing the stages by configuration; the heuristic span identifier; hybrid composition."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from induction.backends import (
    ChainDeriver,
    HeuristicNamer,
    HeuristicSpanIdentifier,
    HybridNamer,
    UnionSpanIdentifier,
    make_stages,
    merge_spans,
)
from induction.config import InductionConfig
from induction.deriver import HeuristicDeriver
from induction.identifier import Gap
from induction.llm import ScriptedCompletion
from induction.llm_stages import LLMDeriver, LLMNamer, LLMSpanIdentifier
from induction.namer import name_gap
from rote.errors import InductionError
from sandbox.local import LocalBackend


@pytest.fixture(scope="module")
def sandbox() -> Iterator[LocalBackend]:
    with LocalBackend() as sb:
        yield sb


def spans(text: str, later: list[str] | None = None, declared: dict[str, Any] | None = None) -> list[tuple[str, str]]:
    return [(text[a:b], k) for a, b, k in HeuristicSpanIdentifier().spans(text, later or [], declared or {})]


# -- the heuristic span identifier ------------------------------------------------------------

def test_typed_values_are_spans() -> None:
    text = ("Pay $1,250.00 to erik@x.io by 2026-11-30 (ref 123e4567-e89b-12d3-a456-426614174000, "
            "42 items, 3.5 kg, see https://x.io/p?q=1) at 2026-11-30T10:00:00Z.")
    assert spans(text) == [("$1,250.00", "money"), ("erik@x.io", "email"), ("2026-11-30", "date"),
                           ("123e4567-e89b-12d3-a456-426614174000", "uuid"), ("42", "digits"),
                           ("3.5", "number"), ("https://x.io/p?q=1", "url"), ("2026-11-30T10:00:00Z", "timestamp")]


def test_digits_inside_words_are_structure() -> None:
    assert spans("Use gpt-4o for the Q3 report, model v2.") == []


def test_declared_values_win_and_respect_word_boundaries() -> None:
    text = "Say hello to Erik (not Erikson) on 2026-11-30."
    assert spans(text, declared={"name": "Erik", "day": "2026-11-30", "flag": True}) == [
        ("Erik", "declared:name"), ("2026-11-30", "declared:day")]


def test_declared_values_do_not_cut_numbers() -> None:
    # Not the 3s inside the money and the date (those are typed values of their own).
    assert spans("Send 3 boxes for $3,000 by 2026-03-03.", declared={"qty": 3}) == [
        ("3", "declared:qty"), ("$3,000", "money"), ("2026-03-03", "date")]


def test_values_copied_into_later_messages_are_data() -> None:
    text = 'Please look up Ada Lovelace and read "Notes on the Engine" from /data/ada/notes.txt today.'
    later = ['{"name": "Ada Lovelace", "path": "/data/ada/notes.txt"}', "Notes on the Engine: summary"]
    assert spans(text, later) == [("Ada Lovelace", "copied"), ("Notes on the Engine", "copied"),
                                  ("/data/ada/notes.txt", "copied")]


def test_common_and_lowercase_words_are_not_copied_values() -> None:
    text = "Hello there. Please send the invoice today."
    assert spans(text, ["Hello! I will send the invoice today. Please wait."]) == []


def test_a_capitalised_run_yields_its_copied_part() -> None:
    assert spans("Email Ada Lovelace now.", ["Dear Ada,"]) == [("Ada", "copied")]


def test_merge_spans_prefers_earlier_groups_then_longer() -> None:
    assert merge_spans([[(5, 8, "a")], [(0, 6, "b"), (8, 12, "c"), (9, 10, "d")]]) == [(5, 8, "a"), (8, 12, "c")]


# -- stages by configuration ------------------------------------------------------------------

def test_heuristic_stages_need_no_model() -> None:
    stages = make_stages(InductionConfig())
    assert isinstance(stages.deriver, HeuristicDeriver) and isinstance(stages.namer, HeuristicNamer)
    assert isinstance(stages.span_identifier, HeuristicSpanIdentifier) and stages.client is None
    assert stages.counters() == {}
    gap = Gap(0, ["a@x.io"], "call[0].to", "to", leaf=True)
    assert stages.namer.name(gap, {"to"}, "") == name_gap(gap, {"to"}) == "to_2"


@pytest.mark.parametrize("backend", ["llm", "hybrid"])
def test_llm_backends_need_a_model(backend: str) -> None:
    with pytest.raises(InductionError, match=f"--backend {backend} needs a model: set ROTE_LLM_MODEL"):
        make_stages(InductionConfig.model_validate({"backend": backend}))


def test_llm_stages(sandbox: LocalBackend) -> None:
    config = InductionConfig(backend="llm", llm_model="openai/tiny", llm_api_base="http://h/v1", llm_max_retries=1)
    with make_stages(config, completion=ScriptedCompletion([]), sandbox=sandbox) as stages:
        assert isinstance(stages.deriver, LLMDeriver) and stages.deriver.sandbox is sandbox
        assert isinstance(stages.namer, LLMNamer) and isinstance(stages.span_identifier, LLMSpanIdentifier)
        assert stages.client is not None and stages.client.max_retries == 1
        assert stages.client.api_base == "http://h/v1"
    assert not stages.closers  # a sandbox passed in is the caller's to close


def test_stages_close_the_sandbox_they_built() -> None:
    config = InductionConfig(backend="hybrid", llm_model="m")
    stages = make_stages(config, completion=ScriptedCompletion([]))
    assert isinstance(stages.deriver, ChainDeriver)
    sb = stages.deriver.derivers[1].sandbox  # type: ignore[attr-defined]
    assert isinstance(sb, LocalBackend)
    sb.start()
    assert sb.workspace is not None
    stages.close()
    assert sb.workspace is None


# -- hybrid: the model only for what the heuristic cannot do ----------------------------------

PEOPLE: list[Mapping[str, Any]] = [{"full_name": "Ada Lovelace"}, {"full_name": "Bo Diddley"}, {"full_name": "Kwame Nkrumah"}]
LENGTH = json.dumps({"derivable": True, "source": "def derive(full_name):\n    return len(full_name)\n"})


def test_hybrid_deriver_calls_the_model_only_when_the_heuristic_fails(sandbox: LocalBackend) -> None:
    fake = ScriptedCompletion([LENGTH])
    stages = make_stages(InductionConfig(backend="hybrid", llm_model="m"), completion=fake, sandbox=sandbox)
    first = stages.deriver.derive(["Ada", "Bo", "Kwame"], PEOPLE)
    assert first is not None and first.expr is not None and not fake.calls  # the DSL explained it
    length = stages.deriver.derive([12, 10, 13], PEOPLE)
    assert length is not None and length.python is not None and len(fake.calls) == 1
    counters = stages.counters()
    assert counters["llm_calls"] == 1 and counters["llm_derivations_verified"] == 1
    assert counters["llm_prompt_tokens"] == 100 and counters["llm_cost_unknown_calls"] == 1


def test_hybrid_namer_names_json_leaves_by_their_key() -> None:
    fake = ScriptedCompletion(['{"name": "customer_name"}'])
    stages = make_stages(InductionConfig(backend="hybrid", llm_model="m"), completion=fake,
                         sandbox=LocalBackend())
    assert isinstance(stages.namer, HybridNamer)
    leaf = Gap(0, ["a@x.io", "b@y.io"], "call[0].recipient", "recipient", leaf=True)
    assert stages.namer.name(leaf, set(), '{"recipient": "a@x.io"}') == "recipient" and not fake.calls
    text = Gap(1, ["Ada", "Bo"], "content", "Dear ")
    assert stages.namer.name(text, set(), "Dear Ada, thanks.") == "customer_name" and len(fake.calls) == 1


def test_hybrid_spans_add_what_the_heuristic_missed() -> None:
    reply = {"spans": [{"text": "Oslo", "occurrence": 1, "kind": "text"},
                       {"text": "2026-11-30", "occurrence": 1, "kind": "date"},
                       {"text": "Bergen", "occurrence": 1, "kind": "text"}]}
    fake = ScriptedCompletion([json.dumps(reply)])
    stages = make_stages(InductionConfig(backend="hybrid", llm_model="m"), completion=fake,
                         sandbox=LocalBackend())
    assert isinstance(stages.span_identifier, UnionSpanIdentifier)
    text = "Book a trip to Oslo on 2026-11-30."
    found = [(text[a:b], k) for a, b, k in stages.span_identifier.spans(text, [], {})]
    assert found == [("Oslo", "text"), ("2026-11-30", "date")]
    assert stages.counters()["llm_spans_rejected"] == 1
