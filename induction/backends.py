"""The induction stages behind small protocols, and choosing them by configuration.

=============  =====================  ==========================  =============================
stage          heuristic              llm                         hybrid
=============  =====================  ==========================  =============================
Deriver        ``HeuristicDeriver``   ``LLMDeriver``              heuristic, then the LLM for
                                                                  what it could not explain
Namer          ``HeuristicNamer``     ``LLMNamer``                heuristic for JSON leaves
                                                                  (the key is the name), else LLM
SpanIdentifier ``HeuristicSpan…``     ``LLMSpanIdentifier``       heuristic spans, plus the LLM's
                                                                  that do not overlap them
StructureJudge (rules in ``induce``)  ``LLMStructureJudge``       the rules, then the LLM for the
                                                                  gaps they let through
=============  =====================  ==========================  =============================

The StructureJudge is the Identifier's second question: of the spans that vary, which
decide the answer (a status, a count, board cells) and so are structure, not data. The
heuristic rules (enum-like words, one-character marks, wordy text no answer uses) are in
``induction.rules``; a judge can only add to them.

Every LLM stage checks what the model says (names are identifiers, spans are
substrings of the message, code is verified in the sandbox on every example) and
falls back to the heuristic stage when the model fails. The protocols and the heuristic
Namer and span Identifier live in ``induction.stages`` (re-exported here); the LLM stages
live in ``induction.llm_stages`` and are imported only when chosen. Dependencies go one way:
``stages`` <- ``llm_stages`` <- ``backends``.

>>> stages = make_stages(InductionConfig())
>>> type(stages.deriver).__name__, stages.namer.name(Gap(0, ["Ada", "Bo"], "content", "First name: "), set(), "")
('HeuristicDeriver', 'first_name')
>>> HeuristicSpanIdentifier().spans("Mail ada@x.io about Ada Lovelace.", ["To: Ada Lovelace"], {})
[(5, 13, 'email'), (20, 32, 'copied')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from induction.config import InductionConfig
from induction.identifier import Gap
from induction.runtime.nodes import Derivation
from induction.stages import (
    Deriver,
    HeuristicNamer,
    HeuristicSpanIdentifier,
    Namer,
    Span,
    SpanIdentifier,
    StructureJudge,
    declared_spans,
    merge_spans,
    occurrences,
    unique_name,
    valid_name,
)
from rote.errors import InductionError

if TYPE_CHECKING:
    from induction.llm import Completion, LLMClient
    from sandbox.protocol import SandboxBackend

# -- composition ---------------------------------------------------------------------


class ChainDeriver:
    """The first derivation any deriver finds, asking them in order (cheapest first)."""

    def __init__(self, derivers: Sequence[Deriver]) -> None:
        self.derivers = list(derivers)

    def derive(self, values: Sequence[Any], scopes: Sequence[Mapping[str, Any]]) -> Derivation | None:
        for d in self.derivers:
            found = d.derive(values, scopes)
            if found is not None:
                return found
        return None

    def note_item(self, var: str, path: str, fixed: Mapping[str, Any] | None = None) -> None:
        for d in self.derivers:
            d.note_item(var, path, fixed)


class HybridNamer:
    """A JSON leaf is named after its key (the tool author's word for it); text gaps ask the model."""

    def __init__(self, heuristic: Namer, llm: Namer) -> None:
        self.heuristic = heuristic
        self.llm = llm

    def name(self, gap: Gap, taken: set[str], message_text: str) -> str:
        namer = self.heuristic if gap.leaf else self.llm
        return namer.name(gap, taken, message_text)


class UnionSpanIdentifier:
    """The first identifier's spans, plus the others' spans that overlap none of them."""

    def __init__(self, identifiers: Sequence[SpanIdentifier]) -> None:
        self.identifiers = list(identifiers)

    def spans(self, message_text: str, later_texts: list[str], declared: Mapping[str, Any]) -> list[Span]:
        return merge_spans([i.spans(message_text, later_texts, declared) for i in self.identifiers])


@dataclass
class Stages:
    """The stages one induction run uses. Close it (or use ``with``) to release a sandbox it made."""

    deriver: Deriver
    namer: Namer
    span_identifier: SpanIdentifier
    judge: StructureJudge | None = None  # None: the heuristic rules alone
    client: LLMClient | None = None
    stats: Counter[str] = field(default_factory=Counter)
    closers: list[Callable[[], None]] = field(default_factory=list)

    def counters(self) -> dict[str, int | float]:
        """What the stages did, for the induction stats (``llm_*``: calls, tokens, cost, checks)."""
        out: dict[str, int | float] = dict(self.stats)
        if self.client is not None:
            out.update(self.client.usage.as_counters())
        return out

    def close(self) -> None:
        while self.closers:
            self.closers.pop()()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def make_stages(config: InductionConfig, *, completion: Completion | None = None,
                sandbox: SandboxBackend | None = None, llm_kwargs: Mapping[str, Any] | None = None) -> Stages:
    """The stages for ``config.backend``. ``completion`` replaces ``litellm.completion``
    (tests); ``sandbox`` is used as given (the caller closes it), else one is built from
    ``config.sandbox_backend`` and closed with the stages."""
    from induction.deriver import HeuristicDeriver

    heuristic = Stages(HeuristicDeriver(), HeuristicNamer(), HeuristicSpanIdentifier())
    if config.backend == "heuristic":
        return heuristic
    if not config.llm_model:
        raise InductionError(
            f"--backend {config.backend} needs a model: set ROTE_LLM_MODEL (a litellm model string such as "
            "openai/gpt-4o-mini; for an OpenAI-compatible server also ROTE_LLM_API_BASE) "
            "or use --backend heuristic")
    from induction.llm import LLMClient
    from induction.llm_stages import LLMDeriver, LLMNamer, LLMSpanIdentifier, LLMStructureJudge

    client = LLMClient(config.llm_model, api_base=config.llm_api_base, max_retries=config.llm_max_retries,
                       completion=completion, timeout_s=config.llm_timeout_s, max_tokens=config.llm_max_tokens,
                       extra_kwargs=llm_kwargs)
    stages = Stages(heuristic.deriver, heuristic.namer, heuristic.span_identifier, client=client)
    if sandbox is None:
        from sandbox.config import backend_from_config

        sandbox = backend_from_config(config.sandbox_backend)
        stages.closers.append(sandbox.close)
    llm_deriver = LLMDeriver(client, sandbox, stats=stages.stats)
    llm_namer = LLMNamer(client, fallback=heuristic.namer, stats=stages.stats)
    llm_spans = LLMSpanIdentifier(client, stats=stages.stats)
    # In both modes: the heuristic rules have had their say, the model only adds structure.
    stages.judge = LLMStructureJudge(client, stats=stages.stats)
    if config.backend == "llm":
        stages.deriver, stages.namer, stages.span_identifier = llm_deriver, llm_namer, llm_spans
    else:
        stages.deriver = ChainDeriver([heuristic.deriver, llm_deriver])
        stages.namer = HybridNamer(heuristic.namer, llm_namer)
        stages.span_identifier = UnionSpanIdentifier([heuristic.span_identifier, llm_spans])
    return stages


__all__ = [
    "ChainDeriver", "Deriver", "HeuristicNamer", "HeuristicSpanIdentifier", "HybridNamer", "Namer", "Span",
    "SpanIdentifier", "Stages", "StructureJudge", "UnionSpanIdentifier", "declared_spans", "make_stages",
    "merge_spans", "occurrences", "unique_name", "valid_name",
]
