"""``induction.stages``: the protocols and heuristic stages, below the backends that compose them;
and ``induce`` building the stages its configuration names."""

from __future__ import annotations

from typing import Any

import pytest

import induction.induce
from evals.builders import hello_records
from induction.backends import Stages, make_stages
from induction.config import InductionConfig
from induction.induce import induce
from induction.stages import HeuristicNamer, HeuristicSpanIdentifier, merge_spans, unique_name, valid_name
from rote.errors import InductionError


def test_heuristic_stages() -> None:
    assert HeuristicSpanIdentifier().spans("Order 10342 for Ada Lovelace", ["Ada Lovelace"], {}) == [
        (6, 11, "digits"), (16, 28, "copied")]
    assert valid_name("first_name") and not valid_name("class") and not valid_name("Name")
    assert unique_name("name", {"name", "name_2"}) == "name_3"
    assert merge_spans([[(0, 3, "a")], [(1, 5, "b"), (5, 7, "c")]]) == [(0, 3, "a"), (5, 7, "c")]
    assert isinstance(make_stages(InductionConfig()).namer, HeuristicNamer)


def test_induce_builds_the_configured_backend() -> None:
    # Without a model the LLM backend cannot be built: the configuration is honoured, not
    # silently replaced by the heuristic stages.
    with pytest.raises(InductionError, match="needs a model"):
        induce(hello_records(["Erik", "Maria"]), InductionConfig(backend="llm"))


def test_induce_closes_the_stages_it_built(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[tuple[InductionConfig, list[str]]] = []

    def fake(config: InductionConfig, **_: Any) -> Stages:
        stages = make_stages(InductionConfig())
        closed: list[str] = []
        stages.closers.append(lambda: closed.append("closed"))
        built.append((config, closed))
        return stages

    monkeypatch.setattr(induction.induce, "make_stages", fake)
    config = InductionConfig(backend="hybrid", llm_model="scripted")
    induce(hello_records(["Erik", "Maria"]), config)
    assert built == [(config, ["closed"])]
    # Stages the caller passes are the caller's: used, never closed.
    mine = make_stages(InductionConfig())
    mine.closers.append(lambda: pytest.fail("closed the caller's stages"))
    assert induce(hello_records(["Erik", "Maria"]), config, stages=mine).nodes
    assert len(built) == 1
