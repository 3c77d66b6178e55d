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
    # A context recorded once (or several times) with one literal answer is served that answer
    # when the very same context comes again, even below ``min_runs``: never fewer hits than
    # an exact-match cache. Off: such nodes stay staged until ``min_runs`` calls agree.
    serve_exact_repeats: bool = True
    # Words of the model's own beside its tool calls ("One sec, fetching the order.") go live
    # from ``min_runs + 1`` agreeing calls; where the same namespace shows the model wording
    # its words beside one step's calls differently from run to run (it samples them), from
    # this many: a few runs worded alike by chance would serve one wording to every run.
    sampled_words_min_runs: int = 6
    # Evidence that a number no answer reads is noise, not a branch (``induction.evidence``):
    # this many distinct values, all followed by one answer template. Identifier-like
    # numbers (a port, a size, a latency, ``subdir31``) need few; quantities a decision may
    # hinge on (counts, amounts, numbers in a question) need more, and then serve only
    # values inside the range training saw.
    min_distinct_noise: int = 2
    min_distinct_quantity: int = 3
    # Short codes (up to 3 characters: "SFO", "web", "B+", "P1") are categories a rule may be
    # written on; one is data only when the answer forwards it whole into a tool call's
    # arguments (a route, a project) and this many distinct codes went on alike. Four: a
    # category of four (tiers I-IV) whose odd one out decides is never seen whole and alike.
    min_distinct_code: int = 4
    # A value an answer copies keeps what every training value shared (a prefix, a suffix
    # from a boundary, a few first characters, a digit count; ``copied-affixes``) once this
    # many calls show it: with two, a shared first letter is too often chance.
    min_affix_values: int = 3
    # Two timestamps in one order in every call keep it (``time-order``) once this many calls
    # show it: two unrelated timestamps come in one order over two calls one time in two.
    min_time_order_calls: int = 3
    # A value the structure rules would split by (a status, a short code, another
    # instruction) that every run went on alike with, but too few distinct values to be data,
    # is a closed slot instead: each answer serves only the values it was seen with
    # (``closed-values``), and the runs below it are weighed together. Off: split by it.
    closed_values: bool = True
    # A message cluster keeps a template only if this share of its text is literal.
    min_literal_share: float = 0.3
    # Children of a tree node are merged into templates automatically once the node
    # has this many distinct children; ``rote merge NODE_ID`` forces it for one node.
    auto_merge_min_children: int = 2
    force_merge: frozenset[str] = frozenset()
    # Siblings compared pairwise when clustering (beyond, the rest stay literal).
    max_cluster_candidates: int = 2000
    # Of those, how many (the likeliest first: same kind of answer, most words in common) are
    # aligned with a new sibling before it starts a cluster of its own.
    max_cluster_tries: int = 8
    # Derivation search bounds (programming by example over the transform DSL).
    max_derivation_depth: int = 2
    # The LLM backend (litellm model string, e.g. "openai/gpt-4o-mini"); None = heuristic only.
    llm_model: str | None = None
    llm_api_base: str | None = None
    llm_max_retries: int = 2
    # Python derivations from the LLM are verified in this sandbox backend.
    sandbox_backend: Literal["local", "e2b"] = "local"
    # -- Bounds of one run (issue 17) --
    # Hard wall-clock limit of one induction run in seconds (None: none). Checked between
    # stages, on every stage and model call and while verification replays records; past
    # it the run fails (``induction.deadline.RunTimedOut``) and publishes nothing.
    run_deadline_s: float | None = 3600.0
    # Verification compiles and replays at most this many times per pass; a node demoted in
    # one round answers nothing in the next, so it settles long before (1-3 rounds seen).
    verify_max_rounds: int = 20
    # Every LLM-stage call carries this ``max_tokens`` (a name, a span list, a short
    # function, a verdict fit well below it) and is cancelled after ``llm_timeout_s``.
    llm_max_tokens: int = 1024
    llm_timeout_s: float = 60.0
    # The StructureJudge is declared unfit for judging when it splits more than this share
    # of the templates the heuristic rules held safe (asked about at least
    # ``judge_min_asked`` of them); with ``judge_fallback`` its splits are then undone (the
    # heuristic decision stands: never more permissive than the rules alone).
    judge_max_split_share: float = 0.5
    judge_min_asked: int = 4
    judge_fallback: bool = True
