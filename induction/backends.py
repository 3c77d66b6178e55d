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
falls back to the heuristic stage when the model fails. The LLM stages live in
``induction.llm_stages`` and are imported only when chosen.

>>> stages = make_stages(InductionConfig())
>>> type(stages.deriver).__name__, stages.namer.name(Gap(0, ["Ada", "Bo"], "content", "First name: "), set(), "")
('HeuristicDeriver', 'first_name')
>>> HeuristicSpanIdentifier().spans("Mail ada@x.io about Ada Lovelace.", ["To: Ada Lovelace"], {})
[(5, 13, 'email'), (20, 32, 'copied')]
"""

from __future__ import annotations

import keyword
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, Self

from induction.config import InductionConfig
from induction.identifier import Gap, Skeleton
from induction.namer import name_gap
from induction.runtime.nodes import Derivation
from induction.tokens import cuts_number, recognise, tokenize
from rote.errors import InductionError

if TYPE_CHECKING:
    from induction.llm import Completion, LLMClient
    from sandbox.protocol import SandboxBackend

Span = tuple[int, int, str]  # start, end (exclusive), kind


class Deriver(Protocol):
    """Same shape as ``induction.induce.Deriver`` (kept here so this module imports no pipeline)."""

    def derive(self, values: Sequence[Any], scopes: Sequence[Mapping[str, Any]]) -> Derivation | None: ...


class Namer(Protocol):
    def name(self, gap: Gap, taken: set[str], message_text: str) -> str:
        """A snake_case identifier for ``gap`` not in ``taken`` (the caller adds it).

        ``message_text``: the text of the gap's message in its first member (the
        content, or a tool call's arguments as JSON); it may be empty."""
        ...


class SpanIdentifier(Protocol):
    def spans(self, message_text: str, later_texts: list[str], declared: Mapping[str, Any]) -> list[Span]:
        """Dynamic spans of ONE message, sorted and non-overlapping.

        ``later_texts``: later messages of the same run (tool calls as JSON);
        ``declared``: the user's bindings (``Rote-Bindings``)."""
        ...


class StructureJudge(Protocol):
    def deciding(self, sk: Skeleton, gaps: Sequence[Gap], answers: Sequence[str | None]) -> dict[int, str]:
        """Gap id -> why, for those of ``gaps`` (of ``sk``) whose value may decide the answer's
        fixed text. ``answers[i]``: the answer given in run ``i``, or None."""
        ...


# -- heuristic stages ---------------------------------------------------------------


class HeuristicNamer:
    def name(self, gap: Gap, taken: set[str], message_text: str) -> str:
        return name_gap(gap, taken)


_VALID_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}\Z")


def valid_name(name: str) -> bool:
    """A variable name the templates accept: short snake_case, not a Python keyword."""
    return bool(_VALID_NAME.match(name)) and not keyword.iskeyword(name) and not name.endswith("_")


def unique_name(base: str, taken: set[str]) -> str:
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    return name


# Capitalised or identifier-like words too common to be a value when they reappear.
_COMMON = frozenset(["the", "a", "an", "and", "or", "but", "not", "no", "yes", "to", "of", "in", "on", "at", "for", "by", "with", "from", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "there", "here", "what", "when", "where", "which", "who", "whom", "how", "why", "please", "thanks", "thank", "hello", "hi", "hey", "dear", "you", "your", "yours", "we", "our", "us", "they", "them", "their", "he", "she", "his", "her", "i", "me", "my", "mine", "ok", "okay", "sure", "can", "could", "will", "would", "should", "shall", "may", "might", "must", "do", "does", "did", "done", "have", "has", "had", "get", "got", "let", "make", "all", "any", "some", "each", "every", "one", "two", "three", "none", "null", "true", "false", "json", "id", "name", "type", "user", "assistant", "system", "tool", "tools", "function", "result", "results", "error", "status", "today", "tomorrow", "yesterday"])
_TYPED = frozenset({"email", "url", "uuid", "timestamp", "date", "money", "number", "digits"})
_CHUNK = re.compile(r"(?:~?/|~)?\w[\w.\-/:@+#~]*\w|(?:~?/|~)?\w")  # a word, path, id or file name
_QUOTED = re.compile(r'"([^"\n]{3,200})"|\'([^\'\n]{3,200})\'|`([^`\n]{3,200})`')
_CAPS_RUN = re.compile(r"[A-Z][\w'-]*(?: [A-Z][\w'-]*)*")


def _bounded(text: str, start: int, end: int) -> bool:
    """The span cuts no word and no number: ``Erik`` in ``Erikson`` is not a value, nor
    ``3`` in ``$3,000`` (see :func:`induction.tokens.cuts_number`)."""
    left = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
    right = end < len(text) and text[end].isalnum() and text[end - 1].isalnum()
    return not (left or right or cuts_number(text, start, end))


_CLOSERS = {")": "(", "]": "[", "}": "{"}


def _trim_url(url: str) -> str:
    """``(see https://x.io/a).`` -> ``https://x.io/a``: sentence punctuation is not part of the URL."""
    while url:
        last = url[-1]
        if not (last in ".,;:!?'\"" or (last in _CLOSERS and url.count(last) > url.count(_CLOSERS[last]))):
            break
        url = url[:-1]
    return url


def occurrences(text: str, value: str) -> Iterator[tuple[int, int]]:
    """Word-bounded occurrences of ``value`` in ``text``."""
    if not value:
        return
    i = text.find(value)
    while i >= 0:
        if _bounded(text, i, i + len(value)):
            yield i, i + len(value)
        i = text.find(value, i + 1)


def merge_spans(groups: Sequence[Sequence[Span]]) -> list[Span]:
    """Earlier groups win; within a group, longer spans win; no two results overlap."""
    taken: list[Span] = []
    for group in groups:
        for s in sorted(group, key=lambda s: (s[0] - s[1], s[0])):
            if s[0] < s[1] and all(s[1] <= t[0] or t[1] <= s[0] for t in taken):
                taken.append(s)
    return sorted(taken)


def declared_spans(text: str, declared: Mapping[str, Any]) -> list[Span]:
    """Every bounded occurrence of a value the user declared."""
    out: list[Span] = []
    for var, value in declared.items():
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            continue
        out += [(a, b, f"declared:{var}") for a, b in occurrences(text, str(value))]
    return out


MAX_RUN_WORDS = 6
_WORDS = re.compile(r"[^\W_]+")  # alphanumeric runs, as `_bounded` sees words


class HeuristicSpanIdentifier:
    """Declared values, typed values (``induction.tokens``) and values copied into later messages."""

    def spans(self, message_text: str, later_texts: list[str], declared: Mapping[str, Any]) -> list[Span]:
        typed = list(self._typed(message_text))
        copied = list(self._copied(message_text, later_texts))
        # Typed before copied at equal length: "2041" is digits whether or not it is copied.
        rest = sorted(typed + copied, key=lambda s: (s[0] - s[1], s[2] == "copied", s[0]))
        return merge_spans([declared_spans(message_text, declared), rest])

    def _typed(self, text: str) -> Iterator[Span]:
        pos = 0
        for tok in tokenize(text):
            kind = recognise(tok)
            end = pos + len(_trim_url(tok) if kind == "url" else tok)
            if kind in _TYPED and _bounded(text, pos, end):
                yield pos, end, str(kind)
            pos += len(tok)

    def _copied(self, text: str, later: list[str]) -> Iterator[Span]:
        if not later:
            return
        seen: set[tuple[int, int]] = set()
        # A copied value's words are words of the later texts: a cheap necessary condition
        # that spares the bounded search for most candidates.
        later_words = set(_WORDS.findall("\n".join(later)))
        for a, b in self._candidates(text):
            value = text[a:b]
            if (a, b) in seen or len(value.strip()) < 3 or value.lower() in _COMMON:
                continue
            seen.add((a, b))
            if not later_words.issuperset(_WORDS.findall(value)):
                continue
            if any(any(True for _ in occurrences(t, value)) for t in later):
                yield a, b, "copied"

    def _candidates(self, text: str) -> Iterator[tuple[int, int]]:
        """Value-like pieces: quoted text, runs of capitalised words (and their sub-runs), and
        words with a digit, capital or ``_ . / - @`` in them. Plain lower-case words are structure."""
        for m in _QUOTED.finditer(text):
            g = next(i for i in (1, 2, 3) if m.group(i) is not None)
            yield m.span(g)
        for m in _CAPS_RUN.finditer(text):
            if not _bounded(text, *m.span()):
                continue
            words = [(w.start() + m.start(), w.end() + m.start()) for w in re.finditer(r"\S+", m.group())]
            # Sub-runs of at most MAX_RUN_WORDS words: names and titles are short, and a long
            # run of capitalised words must not make this quadratic.
            for n in range(min(len(words), MAX_RUN_WORDS), 0, -1):
                for i in range(len(words) - n + 1):
                    yield words[i][0], words[i + n - 1][1]
        for m in _CHUNK.finditer(text):
            w = m.group()
            if any(c.isdigit() or c.isupper() or c in "_./-@" for c in w):
                yield m.span()


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
