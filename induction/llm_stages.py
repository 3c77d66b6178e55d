"""The LLM backend of the induction stages: Namer, SpanIdentifier and Deriver.

Each stage asks ``LLMClient`` one structured question (fixed instructions in the
system message, this call's data last, so provider prompt caching applies) and
trusts nothing it answers:

- **names** must be snake_case identifiers (suffixed when taken) holding none of the
  gap's values (no piece of 3+ letters or digits), else the heuristic namer names the gap;
- **spans** must be exact substrings of the message: the code finds them and
  computes the offsets; anything else is rejected and counted;
- **code** must pass the sandbox's policy *and* the runtime's, must not hard-code
  the examples, and must reproduce every example exactly (type included) and
  deterministically in the sandbox, then again in the runtime's restricted
  interpreter (RE2 behind ``re``); a rejected function is re-asked once with the
  failing cases.

A model that answers out of schema, or a transient provider failure, makes the
stage fall back (counted); a configuration error (auth, bad request) is raised.

>>> from induction.llm import LLMClient, ScriptedCompletion
>>> client = LLMClient("scripted", completion=ScriptedCompletion([
...     '{"spans": [{"text": "Ada Lovelace", "occurrence": 1, "kind": "name"},'
...     ' {"text": "Grace Hopper", "occurrence": 1, "kind": "name"}]}']))
>>> ident = LLMSpanIdentifier(client)
>>> ident.spans("Write to Ada Lovelace today.", [], {}), ident.stats["llm_spans_rejected"]
([(9, 21, 'name')], 1)
"""

from __future__ import annotations

import ast
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, ValidationError

from induction.identifier import Gap, Skeleton
from induction.llm import LLMClient, LLMProviderError
from induction.namer import leaks_value
from induction.runtime import restricted
from induction.runtime.errors import DerivationError
from induction.runtime.nodes import Derivation
from induction.stages import (
    HeuristicNamer,
    Namer,
    Span,
    declared_spans,
    merge_spans,
    unique_name,
    valid_name,
)
from rote.errors import LLMError, PolicyViolation, TemplateError
from sandbox.policy import ALLOWED_MODULES, check
from sandbox.protocol import SandboxBackend
from sandbox.verify import Example, same, verify

# A derivation must run in the sandbox *and* in the proxy's restricted runtime.
DERIVATION_MODULES = tuple(sorted(ALLOWED_MODULES & set(restricted.MODULES)))
MARK = ("⟦", "⟧")

NAMER_SYSTEM = """\
You name variables for a template cache of LLM agent traffic.

A message from a recorded agent run has one dynamic value marked ⟦like this⟧; other runs of \
the same workflow had other values in that place (listed). Propose a variable name for it.

Rules:
- snake_case: lower-case letters, digits and underscores, starting with a letter, at most 40 \
characters (first_name, invoice_id, due_date).
- Say what the value is in the domain (customer_email, order_total), not how it looks \
(string, number, value, text).
- Never put the value itself, or any part of it, in the name: "city", not "buffalo"; \
"customer_name", not "susan".
- Do not use a name from the list of names already taken.

Reply with one JSON object: {"name": "<the name>"}."""

SPANS_SYSTEM = """\
You separate data from structure in the messages of LLM agent runs, for a template cache.

Structure is text that stays the same when the workflow runs again for another user, input \
or day: instructions, tool names, fixed wording, the choices that decide what the agent does. \
Data is what changes from run to run: names, ids, emails, dates, amounts, file names, free-text \
inputs, tool results; and noise that varies but does not matter (log timestamps, request ids).

List the dynamic spans of the one message given. Rules:
- "text" is copied exactly, character for character, from the message: it is located by exact \
search, and a text that is not in the message is discarded.
- "occurrence" says which occurrence of that text is meant: 1 for the first.
- A value that reappears in a later message of the run (a tool call argument, an answer) is data; \
so is a value the user declared.
- Whole values ("Ada Lovelace", not "Ada" and "Lovelace"), without surrounding quotes or punctuation.
- When unsure, leave it as structure: a wrong template is worse than none.
- "kind" is one of: name, email, url, id, date, time, money, number, path, text, noise.

Reply with one JSON object: {"spans": [{"text": "...", "occurrence": 1, "kind": "..."}]} \
(an empty list when nothing is dynamic)."""

DERIVER_SYSTEM = f"""\
You write derivations for a template cache of LLM agent traffic: a small pure Python function \
computing one value of a message from variables read earlier in the same run.

You get the variables (names and JSON types) and examples: the variables' values in one run -> \
the value that run showed. Write

def derive(<only the variables it needs, named exactly as given>):
    ...
    return <the value>

Rules:
- Return exactly the expected value for every example, of the same JSON type \
(str, int, float, bool, list, object): "3" is not 3, and 3 is not 3.0.
- Compute it from the arguments. Never hard-code example values: it must work for new runs.
- Pure and deterministic: no I/O, clock, randomness or global state. Imports allowed: \
{", ".join(DERIVATION_MODULES)} (nothing else). `re` runs on RE2: no backreferences, no lookaround.
- No classes, no `with` or `global`, no names or attributes starting with an underscore, \
no eval, exec, getattr or type.
- If the value cannot be computed from the variables (it is new information, or needs \
knowledge beyond them), reply derivable=false with an empty source. Do not guess.

Reply with one JSON object: {{"derivable": true, "source": "<python source>"}}."""

RETRY = """

Your previous function was rejected ({reason}):
```python
{source}
```
{failures}
Write a corrected derive function, or reply derivable=false."""


class _Reply(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NameReply(_Reply):
    name: str


SpanKind = Literal["name", "email", "url", "id", "date", "time", "money", "number", "path", "text", "noise"]


class SpanItem(_Reply):
    text: str
    occurrence: int
    kind: SpanKind


class SpansReply(_Reply):
    spans: list[SpanItem]


class DeriveReply(_Reply):
    derivable: bool
    source: str


MAX_FAILURES_IN_ROW = 3


def _tolerate(e: LLMError, client: LLMClient, stats: Counter[str], stage: str) -> None:
    """Count a failure the stage can fall back from. Re-raise one that will not pass by itself
    (auth, bad request) or a provider failing again and again: no silent heuristic-only run."""
    if isinstance(e, LLMProviderError) and (not e.transient or client.failures_in_row >= MAX_FAILURES_IN_ROW):
        raise e
    stats[f"llm_{stage}_failures"] += 1


def _show(value: Any, limit: int = 300) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[:limit] + f"…({len(text)} chars)"


def _clip(text: str, limit: int, center: int = 0) -> str:
    if len(text) <= limit:
        return text
    start = max(0, min(center - limit // 2, len(text) - limit))
    return ("…" if start else "") + text[start:start + limit] + ("…" if start + limit < len(text) else "")


# -- Namer -------------------------------------------------------------------------------


def mark_gap(text: str, gap: Gap) -> tuple[str, int] | None:
    """``text`` with the gap's first value marked ⟦…⟧ (and where), found after its ``before`` text if possible."""
    v0 = gap.values[0] if gap.values else None
    value = v0 if isinstance(v0, str) else json.dumps(v0)
    if not value:
        return None
    for needle in ([gap.before + value] if gap.before else []) + [value]:
        i = text.find(needle)
        if i >= 0:
            a = i + len(needle) - len(value)
            return text[:a] + MARK[0] + value + MARK[1] + text[a + len(value):], a
    return None


def namer_prompt(gap: Gap, taken: set[str], message_text: str) -> str:
    marked = mark_gap(message_text, gap)
    if marked is not None:
        message = _clip(marked[0], 4000, marked[1])
    else:
        message = f"(value not shown in the text; it comes right after {_show(gap.before)})\n" \
                  + _clip(message_text, 4000)
    seen = list(dict.fromkeys(_show(v, 120) for v in gap.values))[:6]
    return (f"Message:\n<<<\n{message}\n>>>\n"
            f"Location: {gap.where}\nText right before the value: {_show(gap.before[-80:])}\n"
            f"Values in different runs: {', '.join(seen)}\n"
            f"Names already taken: {', '.join(sorted(taken)) or '(none)'}")


def to_snake(name: str) -> str:
    """``firstName`` / ``First Name`` / ``first-name`` -> ``first_name``."""
    out = []
    for i, c in enumerate(name.strip()):
        if c.isupper() and i and (name[i - 1].islower() or name[i - 1].isdigit()):
            out.append("_")
        out.append("_" if c in " -." else c.lower())
    return "_".join(p for p in "".join(out).split("_") if p)


class LLMNamer:
    def __init__(self, client: LLMClient, fallback: Namer | None = None, stats: Counter[str] | None = None) -> None:
        self.client = client
        self.fallback: Namer = fallback or HeuristicNamer()
        self.stats: Counter[str] = Counter() if stats is None else stats
        self._memo: dict[str, str] = {}

    def name(self, gap: Gap, taken: set[str], message_text: str) -> str:
        prompt = namer_prompt(gap, taken, message_text)
        proposed = self._memo.get(prompt)  # the same question within a run (a pass again): no call
        if proposed is None:
            try:
                proposed = self._memo[prompt] = self.client.ask(NAMER_SYSTEM, prompt, NameReply).name
            except LLMError as e:
                _tolerate(e, self.client, self.stats, "namer")
                return self.fallback.name(gap, taken, message_text)
        name = to_snake(proposed)
        if not valid_name(name):
            self.stats["llm_names_invalid"] += 1
            return self.fallback.name(gap, taken, message_text)
        if leaks_value(name, gap.values):
            # A record's value as a name ("susan", "buffalo_2") would publish personal data in
            # the tree and in ``rote explain``: the heuristic name is kept.
            self.stats["llm_names_leaking"] += 1
            return self.fallback.name(gap, taken, message_text)
        self.stats["llm_names"] += 1
        return unique_name(name, taken)


# -- SpanIdentifier ----------------------------------------------------------------------


def spans_prompt(message_text: str, later_texts: list[str], declared: Mapping[str, Any]) -> str:
    later, budget = [], 6000
    for t in later_texts:
        if budget <= 0:
            break
        later.append(_clip(t, min(1500, budget)))
        budget -= len(later[-1])
    parts = [f"Values the user declared: {_show(dict(declared), 2000)}" if declared else "",
             f"Message:\n<<<\n{_clip(message_text, 12000)}\n>>>",
             "Later messages of the same run:\n" + "\n".join(f"<<<\n{t}\n>>>" for t in later) if later else ""]
    return "\n".join(p for p in parts if p)


class LLMSpanIdentifier:
    """The model's spans, located by the code; declared values are always spans."""

    def __init__(self, client: LLMClient, stats: Counter[str] | None = None) -> None:
        self.client = client
        self.stats: Counter[str] = Counter() if stats is None else stats
        self._memo: dict[str, SpansReply] = {}

    def spans(self, message_text: str, later_texts: list[str], declared: Mapping[str, Any]) -> list[Span]:
        user = declared_spans(message_text, declared)
        if not message_text.strip():
            return merge_spans([user])
        prompt = spans_prompt(message_text, later_texts, declared)
        reply = self._memo.get(prompt)
        if reply is None:
            try:
                reply = self._memo[prompt] = self.client.ask(SPANS_SYSTEM, prompt, SpansReply)
            except LLMError as e:
                _tolerate(e, self.client, self.stats, "spans")
                return merge_spans([user])
        found = [s for s in (self._locate(message_text, item) for item in reply.spans) if s is not None]
        return merge_spans([user, found])

    def _locate(self, text: str, item: SpanItem) -> Span | None:
        value = item.text.strip()
        starts, i = [], text.find(value) if value else -1
        while i >= 0:
            starts.append(i)
            i = text.find(value, i + 1)
        if not starts:
            self.stats["llm_spans_rejected"] += 1  # not in the message: the model made it up
            return None
        if not 1 <= item.occurrence <= len(starts):
            if len(starts) > 1:  # ambiguous: which "3" did it mean?
                self.stats["llm_spans_rejected"] += 1
                return None
            item = item.model_copy(update={"occurrence": 1})
        self.stats["llm_spans"] += 1
        a = starts[item.occurrence - 1]
        return a, a + len(value), item.kind


# -- Deriver -----------------------------------------------------------------------------


@dataclass(slots=True)
class Rejection:
    kind: str  # syntax, signature, policy, hard_coded, mismatch, runtime
    reason: str
    failures: list[str] = field(default_factory=list)


def _json_type(v: Any) -> str:
    names = {bool: "bool", int: "int", float: "float", str: "str", list: "list", dict: "object"}
    return "null" if v is None else names.get(type(v), type(v).__name__)


def derive_prompt(names: list[str], scopes: list[Mapping[str, Any]], values: list[Any], shown: int = 5) -> str:
    """The variables and a few examples, distinct expected values first."""
    first: dict[str, int] = {}
    for i, v in enumerate(values):
        first.setdefault(_show(v), i)
    picked = list(first.values())[:shown]
    picked += [i for i in range(len(values)) if i not in picked][:shown - len(picked)]
    lines = [f"Variables: {', '.join(f'{n} ({_json_type(scopes[0][n])})' for n in names)}",
             "Examples (variables -> expected value):"]
    for k, i in enumerate(sorted(picked), 1):
        lines.append(f"{k}. {{{', '.join(f'{json.dumps(n)}: {_show(scopes[i][n])}' for n in names)}}} "
                     f"-> {_show(values[i])} ({_json_type(values[i])})")
    return "\n".join(lines)


def _parameters(tree: ast.Module) -> list[str] | Rejection:
    fn = next((s for s in tree.body if isinstance(s, ast.FunctionDef) and s.name == "derive"), None)
    if fn is None:
        return Rejection("signature", "no top-level def derive(...)")
    a = fn.args
    if a.vararg or a.kwarg:
        return Rejection("signature", "derive must take named parameters only (no *args, **kwargs)")
    return [p.arg for p in (*a.posonlyargs, *a.args, *a.kwonlyargs)]


def _hard_coded(tree: ast.Module, values: list[Any]) -> bool:
    """Every expected value appears as a literal: the function memorised the examples."""
    consts = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)]
    texts = [c for c in consts if isinstance(c, str)]
    nums = {c for c in consts if isinstance(c, (int, float)) and not isinstance(c, bool)}

    def literal(v: Any) -> bool:
        if isinstance(v, str):
            return len(v) >= 2 and any(v in t for t in texts)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return abs(v) > 10 and v in nums
        return False

    return len({_show(v) for v in values}) > 1 and all(literal(v) for v in values)


class LLMDeriver:
    """Python derivations proposed by the model, kept only when verified (see the module docstring)."""

    def __init__(self, client: LLMClient, sandbox: SandboxBackend | None = None, *, attempts: int = 2,
                 min_examples: int = 2, stats: Counter[str] | None = None, runtime_budget_s: float = 0.05) -> None:
        self.client = client
        self.sandbox = sandbox
        self.attempts = attempts
        self.min_examples = min_examples  # one example proves little about a function
        self.stats: Counter[str] = Counter() if stats is None else stats
        self.runtime_budget_s = runtime_budget_s
        self._memo: dict[bytes, Derivation | None] = {}

    def derive(self, values: Sequence[Any], scopes: Sequence[Mapping[str, Any]]) -> Derivation | None:
        if len(values) < self.min_examples or len(values) != len(scopes):
            return None
        names = [n for n in scopes[0] if all(n in s for s in scopes)]
        if not names:
            return None
        try:
            key = orjson.dumps([names, values, [[s[n] for n in names] for s in scopes]])
        except TypeError:
            return None  # not JSON: nothing a derivation could be verified on
        if key not in self._memo:
            self._memo[key] = self._derive(list(values), list(scopes), names)
        return self._memo[key]

    def note_item(self, var: str, path: str, fixed: Mapping[str, Any] | None = None) -> None:
        """The model sees the values themselves; a list's layout adds nothing to its prompt."""

    def _derive(self, values: list[Any], scopes: list[Mapping[str, Any]], names: list[str]) -> Derivation | None:
        user, feedback = derive_prompt(names, scopes, values), ""
        for _ in range(self.attempts):
            try:
                reply = self.client.ask(DERIVER_SYSTEM, user + feedback, DeriveReply)
            except LLMError as e:
                _tolerate(e, self.client, self.stats, "deriver")
                return None
            if not reply.derivable or not reply.source.strip():
                self.stats["llm_derivations_underivable"] += 1
                return None
            self.stats["llm_derivations_proposed"] += 1
            outcome = self.check(reply.source, names, scopes, values)
            if isinstance(outcome, Derivation):
                self.stats["llm_derivations_verified"] += 1
                return outcome
            self.stats["llm_derivations_rejected"] += 1
            self.stats[f"llm_derivations_rejected_{outcome.kind}"] += 1
            failures = "".join(f"- {f}\n" for f in outcome.failures[:5])
            feedback = RETRY.format(reason=outcome.reason, source=reply.source.strip(), failures=failures)
        return None

    def check(self, source: str, names: list[str], scopes: list[Mapping[str, Any]],
              values: list[Any]) -> Derivation | Rejection:
        """The derivation if ``source`` passes every check, else why not (cheapest checks first)."""
        try:
            tree = ast.parse(source)
        except SyntaxError as e:
            return Rejection("syntax", f"does not parse: {e.msg} (line {e.lineno})")
        params = _parameters(tree)
        if isinstance(params, Rejection):
            return params
        unknown = [p for p in params if p not in names]
        if unknown:
            return Rejection("signature", f"unknown variables {unknown}; the variables are {names}")
        try:
            check(source, "derive")
            code = restricted.load_python(source, "derive")
        except (PolicyViolation, TemplateError) as e:
            return Rejection("policy", str(e))
        if _hard_coded(tree, values):
            return Rejection("hard_coded", "it returns example values written into the code")
        try:
            examples = [Example(kwargs={p: s[p] for p in params}, expected=v)
                        for s, v in zip(scopes, values, strict=True)]
        except ValidationError:
            return Rejection("mismatch", "the examples are not JSON values")
        verdict = verify(source, "derive", examples, self.sandbox)
        if not verdict.passed:
            failed = [f"{_show(c.kwargs)} -> {c.error}" for c in verdict.cases if not c.passed]
            return Rejection("mismatch", verdict.reason or "failed", failed)
        for ex in examples:  # the proxy runs it in-process: RE2, a time budget, fewer builtins
            try:
                got = restricted.call_python(code, "derive", ex.kwargs, self.runtime_budget_s)
            except DerivationError as e:
                return Rejection("runtime", f"the runtime interpreter fails: {e}", [f"{_show(ex.kwargs)} -> {e}"])
            if not same(got, ex.expected):
                return Rejection("runtime", "the runtime interpreter gives another value",
                                 [f"{_show(ex.kwargs)} -> expected {_show(ex.expected)}, got {_show(got)}"])
        return Derivation(var="", args=tuple(params), python=source, function="derive")


# -- StructureJudge ----------------------------------------------------------------------

JUDGE_SYSTEM = """\
You check templates for a cache of LLM agent traffic before the cache may answer new requests \
without the model.

One message was seen in several runs of a workflow with different values in some places, marked \
⟦g1⟧, ⟦g2⟧, … For each run you get the values and the answer the model gave. For a new run the \
cache will answer with the same answer shape: values are copied into it (or computed from it by \
verified code); everything else in the answer stays the same fixed text.

For each marked place, decide whether another plausible value there could make the model answer \
differently in a way copying or computing the value cannot reproduce: another choice, branch, \
tool, yes/no, wording, singular or plural, greeting, article, or a threshold crossed. Examples \
that decide: a number whose parity or size decides a yes/no; a status that decides the next \
tool; a count that decides "item" or "items"; a time that decides "Good morning"; board cells \
that decide a move; a word whose first letter decides "a" or "an". A name, id, email, date or \
amount that is only copied into the answer does not decide it.

When unsure, say it decides: a wrong cached answer is far worse than asking the model.

Reply with one JSON object: {"deciding": [{"gap": "g1", "why": "<a few words>"}]} \
(an empty list when no value decides the answer)."""


class DecidingItem(_Reply):
    gap: str
    why: str


class JudgeReply(_Reply):
    deciding: list[DecidingItem]


def marked_skeleton(sk: Skeleton, labels: Mapping[int, str]) -> str:
    """The skeleton's text with each labelled gap as ``⟦label⟧`` and others as ``⟦…⟧``; tool
    calls as ``name(arguments)``.

    >>> sk = Skeleton("user", None, ["Is ", 0, " even?"], [])
    >>> marked_skeleton(sk, {0: "g1"})
    'Is ⟦g1⟧ even?'
    """
    def mark(gid: int) -> str:
        return f"{MARK[0]}{labels.get(gid, '…')}{MARK[1]}"

    def js(v: Any) -> Any:
        if isinstance(v, dict):
            if set(v) == {"$gap"}:
                return mark(v["$gap"])
            if set(v) == {"$tgap"}:
                return "".join(p if isinstance(p, str) else mark(p) for p in v["$tgap"])
            return {k: js(x) for k, x in v.items()}
        if isinstance(v, list):
            return [js(x) for x in v]
        return v

    parts = ["".join(p if isinstance(p, str) else mark(p) for p in sk.content)] if sk.content else []
    parts += [f"{name}({json.dumps(js(args), ensure_ascii=False)})" for name, args in sk.calls]
    return "\n".join(parts)


def judge_prompt(sk: Skeleton, gaps: Sequence[Gap], answers: Sequence[str | None], shown: int = 8) -> str:
    """The message with the asked gaps marked, then up to ``shown`` runs (distinct values first):
    the values and the answer."""
    labels = {g.gid: f"g{i}" for i, g in enumerate(gaps, 1)}
    runs = [i for i, a in enumerate(answers) if a is not None]
    first: dict[str, int] = {}
    for i in runs:
        first.setdefault(_show([g.values[i] for g in gaps]), i)
    picked = list(first.values())[:shown]
    picked += [i for i in runs if i not in picked][:shown - len(picked)]
    lines = [f"Message:\n<<<\n{_clip(marked_skeleton(sk, labels), 6000)}\n>>>", "Runs:"]
    for k, i in enumerate(sorted(picked), 1):
        values = "; ".join(f"{labels[g.gid]} = {_show(g.values[i], 200)}" for g in gaps)
        lines.append(f"{k}. {values}\n   answer: <<<{_clip(answers[i] or '', 1500)}>>>")
    return "\n".join(lines)


class LLMStructureJudge:
    """Which gaps decide the answer (branching data: structure), in the model's judgement.

    Only its "decides" counts: a gap it does not name keeps the heuristic's verdict, and a
    gap label it makes up is rejected (counted). A failed call is no opinion."""

    def __init__(self, client: LLMClient, stats: Counter[str] | None = None) -> None:
        self.client = client
        self.stats: Counter[str] = Counter() if stats is None else stats
        self._memo: dict[str, dict[int, str]] = {}

    def deciding(self, sk: Skeleton, gaps: Sequence[Gap], answers: Sequence[str | None]) -> dict[int, str]:
        """Gap id -> why, for the ``gaps`` of ``sk`` whose value decides the answer.
        ``answers[i]``: the answer given in run ``i`` (the i-th value of each gap), or None."""
        if not gaps or all(a is None for a in answers):
            return {}
        # Each question is a template the heuristic rules held safe: the share the judge
        # splits tells whether the model can judge at all (``pipeline.judge_fitness``).
        self.stats["llm_judge_asked"] += 1
        user = judge_prompt(sk, gaps, answers)
        if user not in self._memo:
            self._memo[user] = self._ask(user, gaps)
        return self._memo[user]

    def _ask(self, user: str, gaps: Sequence[Gap]) -> dict[int, str]:
        try:
            reply = self.client.ask(JUDGE_SYSTEM, user, JudgeReply)
        except LLMError as e:
            _tolerate(e, self.client, self.stats, "judge")
            return {}
        by_label = {f"g{i}": g.gid for i, g in enumerate(gaps, 1)}
        out: dict[int, str] = {}
        for item in reply.deciding:
            gid = by_label.get(item.gap.strip().strip(MARK[0] + MARK[1]))
            if gid is None:
                self.stats["llm_judge_rejected"] += 1  # a place it was not asked about
                continue
            out[gid] = item.why
        self.stats["llm_judge_calls"] += 1
        self.stats["llm_judge_deciding"] += len(out)
        return out
