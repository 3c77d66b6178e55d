"""Induction settings, built once at the entry point and passed down.

>>> InductionConfig().min_runs
2
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Backend = Literal["heuristic", "llm", "hybrid"]


class InductionConfig(BaseModel):
    model_config = ConfigDict(frozen=True)

    backend: Backend = "heuristic"
    # A template answers only when at least this many recorded calls (from distinct
    # runs) agree with it and verification passes; user-declared bindings count as proof.
    min_runs: int = 2
    # A message cluster keeps a template only if this share of its text is literal.
    min_literal_share: float = 0.3
    # Children of a tree node are merged into templates automatically once the node
    # has this many distinct children; ``rote merge NODE_ID`` forces it for one node.
    auto_merge_min_children: int = 2
    force_merge: frozenset[str] = frozenset()
    # Siblings compared pairwise when clustering (beyond, the rest stay literal).
    max_cluster_candidates: int = 2000
    # Derivation search bounds (programming by example over the transform DSL).
    max_derivation_depth: int = 2
    # The LLM backend (litellm model string, e.g. "openai/gpt-4o-mini"); None = heuristic only.
    llm_model: str | None = None
    llm_api_base: str | None = None
    llm_max_retries: int = 2
    # Python derivations from the LLM are verified in this sandbox backend.
    sandbox_backend: Literal["local", "e2b"] = "local"
