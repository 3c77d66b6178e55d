"""Properties: hydrate∘match gives the bindings back (or misses, never other bindings);
the split is the one a brute-force oracle finds, by either splitting method; compiling is idempotent."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from induction.runtime import kinds
from induction.runtime.compiled import CompiledTree, compile_tree
from induction.runtime.matcher import AMBIGUOUS, TextMatcher
from induction.runtime.nodes import Derivation, ResponseTemplate, TemplateNode
from induction.runtime.template import MessageTemplate, Slot, TextTemplate, ToolCallTemplate

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Literal text full of what breaks naive regex templating.
ADVERSARIAL = ".*+?()[]{}|^$\\\n\t é漢🙂-:/,@{{x}}"
KINDS = list(kinds.KINDS)


def _value(kind: str, alphabet: str | None = None) -> st.SearchStrategy[str]:
    if kind in kinds.FULL:
        return st.from_regex(re.compile(kinds.FULL[kind]), fullmatch=True)
    chars = {
        "text": st.characters(blacklist_characters="\n", blacklist_categories=["Cs"]),
        "multiline": st.characters(blacklist_categories=["Cs"]),
        "word": st.characters(blacklist_characters="\t\n\f\r ", blacklist_categories=["Cs"]),
        "ident": st.sampled_from("abcXYZ019_.-"),
        "digits": st.sampled_from("0123456789"),
    }[kind]
    if alphabet is not None:
        chars = st.sampled_from(alphabet)
    return st.text(chars, min_size=1, max_size=6)


@st.composite
def template_and_values(draw: st.DrawFn, adjacent: bool = False, disjoint: bool = False) -> tuple[TextTemplate, dict[str, str]]:
    n = draw(st.integers(1, 4))
    lit_alpha = "|{}()[]^$\\\n é漢🙂/#!~" if disjoint else ADVERSARIAL
    parts: list[str | Slot] = []
    values: dict[str, str] = {}
    if draw(st.booleans()):
        parts.append(draw(st.text(st.sampled_from(lit_alpha), min_size=1, max_size=5)))
    for i in range(n):
        kind = draw(st.sampled_from(KINDS))
        if disjoint and kind in ("text", "multiline", "word"):
            values[f"v{i}"] = draw(_value(kind, "abcxyzABC0123ü"))
        else:
            values[f"v{i}"] = draw(_value(kind))
        parts.append(Slot(var=f"v{i}", kind=kind))
        if i < n - 1 and not (adjacent and draw(st.booleans())):
            parts.append(draw(st.text(st.sampled_from(lit_alpha), min_size=1, max_size=5)))
    if draw(st.booleans()):
        parts.append(draw(st.text(st.sampled_from(lit_alpha), min_size=1, max_size=5)))
    return TextTemplate(parts=tuple(parts)), values


def _class_fits(slot: Slot, value: str) -> bool:
    if slot.kind in kinds.WIDTH:
        return len(value.encode()) == kinds.WIDTH[slot.kind] and all(_in_class(slot.kind, c) for c in value)
    return bool(value) and all(_in_class(slot.kind, c) for c in value)


def _in_class(kind: str, ch: str) -> bool:
    return kinds.value_fits("multiline", ch) and re.fullmatch(
        {"text": r"[^\n]", "multiline": r"(?s:.)", "word": r"[^\t\n\f\r ]"}.get(kind, kinds.CLASS[kind]), ch
    ) is not None


def oracle_splits(m: TextMatcher, text: str) -> list[list[str]]:
    """Every class-level split of ``text`` (brute force)."""
    lits, slots = m.literals, m.slots
    if not text.startswith(lits[0]):
        return []
    out: list[list[str]] = []

    def go(i: int, pos: int, acc: list[str]) -> None:
        if i == len(slots):
            if pos == len(text):
                out.append(list(acc))
            return
        width = kinds.WIDTH.get(slots[i].kind)
        ends = range(pos + 1, len(text) + 1) if width is None else [pos + width]
        for end in ends:
            value = text[pos:end]
            if not _class_fits(slots[i], value):
                break
            if text.startswith(lits[i + 1], end):
                go(i + 1, end + len(lits[i + 1]), [*acc, value])

    go(0, len(lits[0]), [])
    return out


@SETTINGS
@given(template_and_values(disjoint=True))
def test_hydrate_then_match_gives_the_bindings_back(case: tuple[TextTemplate, dict[str, str]]) -> None:
    template, values = case
    assert TextMatcher(template).match(template.render(values), {}) == values


@SETTINGS
@given(template_and_values(adjacent=True))
def test_match_returns_the_bindings_or_none_never_others(case: tuple[TextTemplate, dict[str, str]]) -> None:
    template, values = case
    got = TextMatcher(template).match(template.render(values), {})
    assert got is None or got == values


@SETTINGS
@given(template_and_values(adjacent=True), st.booleans())
def test_split_is_unique_split_of_the_oracle_by_both_methods(case: tuple[TextTemplate, dict[str, str]],
                                                            perturb: bool) -> None:
    template, values = case
    text = template.render(values)
    if perturb and len(text) > 1:
        text = text[1:] + text[0]
    m = TextMatcher(template)
    assume(len(m.slots) > 1 and len(text) <= 64)  # the oracle is brute force
    data = text.encode()
    splits = oracle_splits(m, text)
    expect: Any = None if not splits else AMBIGUOUS if len(splits) > 1 else [s.encode() for s in splits[0]]
    if isinstance(expect, list) and not m._kinds_fit(expect):
        expect = None
    for method in ("captures", "walk", None):  # None: the head-only split of unique templates
        got = m.split(data, method)
        assert got == expect if isinstance(expect, list) else got is expect


@SETTINGS
@given(template_and_values(adjacent=True))
def test_scope_resolves_ambiguity_only_to_the_right_answer(case: tuple[TextTemplate, dict[str, str]]) -> None:
    template, values = case
    first = next(iter(values))
    got = TextMatcher(template).match(template.render(values), {first: values[first]})
    rest = {k: v for k, v in values.items() if k != first}
    assert got is None or got == rest


@st.composite
def trees(draw: st.DrawFn) -> list[TemplateNode]:
    nodes: list[TemplateNode] = []
    for i in range(draw(st.integers(1, 6))):
        template, _ = draw(template_and_values())
        parent = draw(st.sampled_from([None, *(n.id for n in nodes)]))
        resp = ResponseTemplate(message=MessageTemplate(role="assistant", content=template,
                                tool_calls=(ToolCallTemplate(name="f", arguments={"a": {"$v": "v0"}, "k": [1.5, "é"]}),)),
                                derivations=(Derivation(var="up", args=("v0",),
                                             expr={"op": "upper", "args": [{"var": "v0"}]}),),
                                request_keys=("k1",))
        nodes.append(TemplateNode(id=f"n{i}", parent=parent, template=MessageTemplate(role="user", content=template),
                                  response=resp, status=draw(st.sampled_from(["live", "staged", "uncacheable"]))))
    return nodes


@settings(max_examples=40, deadline=None)
@given(trees(), st.text(max_size=8))
def test_compile_is_idempotent(nodes: list[TemplateNode], source: str) -> None:
    first = compile_tree(nodes, created_at="2025-01-01T00:00:00Z", source=source).to_bytes()
    again = CompiledTree.from_bytes(first).to_bytes()
    assert again == first
    assert compile_tree(list(reversed(nodes)), created_at="2025-01-01T00:00:00Z", source=source).to_bytes() == first
