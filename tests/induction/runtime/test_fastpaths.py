"""The lookup's fast paths give the answers of the plain paths they stand for.

Each shortcut taken on the hot path is compared here with a straightforward version of
what it replaces: JSON leaves and ``$t`` leaves already in scope, literal messages found
by text instead of by hash, the walk that finds slot ends by their literal, the stdlib
class runs, sibling candidates by prefix, matchers shared between equal templates, and
scopes extended in place along a single path.
"""

from __future__ import annotations

import re
from collections import ChainMap
from typing import Any

import orjson
import pytest
import re2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from induction.hashing import message_hash
from induction.runtime import kinds
from induction.runtime.compiled import CompiledTree, compile_tree
from induction.runtime.matcher import AMBIGUOUS, TextMatcher, match_text
from induction.runtime.messages import (
    MatcherPool,
    MessageMatcher,
    MessageView,
    _match_text_leaf,
    match_json,
    match_message,
    same_json,
)
from induction.runtime.nodes import Derivation, ResponseTemplate, TemplateNode
from induction.runtime.template import (
    JSONValue,
    MessageTemplate,
    Slot,
    TextTemplate,
    ToolCallTemplate,
    json_text_template,
    marker,
)
from induction.runtime.tree_index import SCAN_MAX, Children, RuntimeNode, _Group

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VARS = ["a", "b", "c"]


def T(*parts: str | Slot) -> TextTemplate:
    return TextTemplate(parts=parts)


def S(var: str, kind: str = "text") -> Slot:
    return Slot(var=var, kind=kind)  # type: ignore[arg-type]


# -- JSON arguments: the inlined leaves against the plain recursive rules ---------------

def reference_json(tpl: JSONValue, value: JSONValue, scope: dict[str, Any], out: dict[str, Any]) -> bool:
    """The JSON template rules as the module docstring states them, one leaf at a time."""
    m = marker(tpl)
    if m == "$v":
        if not isinstance(value, (str, int, float, bool, type(None))):
            return False
        var = tpl["$v"]
        if var in scope:
            return same_json(scope[var], value)
        if var in out:
            return same_json(out[var], value)
        out[var] = value
        return True
    if m == "$t":
        if type(value) is not str:
            return False
        got = match_text(json_text_template(tpl["$t"]), value, ChainMap(out, scope) if out else scope)
        if got is None:
            return False
        out.update(got)
        return True
    if m == "$lit":
        return same_json(tpl["$lit"], value)
    if isinstance(tpl, dict):
        return type(value) is dict and value.keys() == tpl.keys() and all(
            reference_json(t, value[k], scope, out) for k, t in tpl.items())
    if isinstance(tpl, list):
        return type(value) is list and len(value) == len(tpl) and all(
            reference_json(t, v, scope, out) for t, v in zip(tpl, value, strict=True))
    return same_json(tpl, value)


# Scalars that are equal in Python but not in JSON, and text that is not ASCII.
SCALARS = st.sampled_from([0, 1, 1.0, -0.0, 0.0, True, False, None, "1", "true", "", "é", "Ⅻ", "a b", 2.5, 10**20])
JSON_VALUES = st.recursive(SCALARS | st.text(alphabet="ab1 é.", max_size=4),
                           lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.sampled_from(["x", "y", "$v"]), inner, max_size=3), max_leaves=6)


@st.composite
def text_leaf(draw: st.DrawFn) -> dict[str, Any]:
    parts: list[Any] = []
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(["for ", "-", " é ", "1"])))
        parts.append({"var": draw(st.sampled_from(VARS)), "kind": draw(st.sampled_from(["text", "digits", "word"]))})
    return {"$t": parts}


JSON_TEMPLATES = st.recursive(
    SCALARS | st.builds(lambda v: {"$v": v}, st.sampled_from(VARS)) | text_leaf()
    | st.builds(lambda v: {"$lit": v}, JSON_VALUES),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["x", "y", "z"]), inner, max_size=4),
    max_leaves=6)
SCOPES = st.dictionaries(st.sampled_from(VARS), SCALARS | st.text(alphabet="ab1 é", min_size=1, max_size=3)
                         | st.lists(SCALARS, max_size=2), max_size=3)


def render_like(tpl: JSONValue, values: dict[str, Any], draw: st.DrawFn) -> JSONValue:
    """A value the template could match: variables filled in, sometimes with another JSON type."""
    m = marker(tpl)
    if m == "$v":
        return values.get(tpl["$v"], draw(SCALARS))
    if m == "$t":
        return "".join(p if isinstance(p, str) else str(values.get(p["var"], draw(st.sampled_from(["1", "x", "é"]))))
                       for p in tpl["$t"])
    if m == "$lit":
        return tpl["$lit"]
    if isinstance(tpl, dict):
        return {k: render_like(v, values, draw) for k, v in tpl.items()}
    if isinstance(tpl, list):
        return [render_like(v, values, draw) for v in tpl]
    return tpl


@st.composite
def json_cases(draw: st.DrawFn) -> tuple[JSONValue, JSONValue, dict[str, Any]]:
    tpl = draw(JSON_TEMPLATES)
    scope = draw(SCOPES)
    value = render_like(tpl, {**draw(SCOPES), **scope} if draw(st.booleans()) else draw(SCOPES), draw) \
        if draw(st.integers(0, 3)) else draw(JSON_VALUES)
    return tpl, value, scope


@SETTINGS
@given(json_cases())
def test_json_matcher_agrees_with_the_plain_rules(case: tuple[JSONValue, JSONValue, dict[str, Any]]) -> None:
    tpl, value, scope = case
    expect_out: dict[str, Any] = {}
    try:
        expect = reference_json(tpl, value, scope, expect_out)
    except TypeError:  # a value in scope that JSON cannot write (an integer past 64 bits in a list)
        with pytest.raises(TypeError):
            match_json(tpl, value, scope)
        return
    got = match_json(tpl, value, scope)
    assert (got is not None) == expect
    if got is not None:
        assert list(got.items()) == list(expect_out.items())
        assert all(type(got[k]) is type(expect_out[k]) for k in got)


@pytest.mark.parametrize(("scope", "value", "ok"), [
    ({"n": 3}, "id-3", True),  # a number in scope is written as JSON inside text
    ({"n": 3.0}, "id-3", False),
    ({"n": 3.0}, "id-3.0", True),
    ({"n": True}, "id-true", True),
    ({"n": None}, "id-null", True),
    ({"n": "é漢"}, "id-é漢", True),
    ({"n": "é"}, "id-e", False),
    ({"n": "\ud800"}, "id-\ud800", False),  # not encodable: never a match, as on the slow path
    ({"n": ["x"]}, 'id-["x"]', True),
])
def test_text_leaf_in_scope_is_the_rendered_template(scope: dict[str, Any], value: str, ok: bool) -> None:
    tm = TextMatcher(json_text_template(["id-", {"var": "n"}]))
    assert _match_text_leaf(tm, value, scope, {}) is ok
    try:
        slow = tm.match(value, ChainMap({}, scope)) is not None  # a ChainMap never takes the dict fast path
    except UnicodeEncodeError:
        slow = False
    assert slow is ok


def test_text_leaf_reads_variables_bound_earlier_in_the_same_arguments() -> None:
    tpl = {"id": {"$v": "n"}, "path": {"$t": ["/f/", {"var": "n"}]}}
    assert match_json(tpl, {"id": 7, "path": "/f/7"}, {}) == {"n": 7}
    assert match_json(tpl, {"id": 7, "path": "/f/8"}, {}) is None
    assert match_json(tpl, {"id": 7, "path": "/f/8"}, {"n": 7}) is None
    # Read as text first, the variable is a string: a number for the whole leaf is then another type.
    rev = {"path": {"$t": ["/f/", {"var": "n"}]}, "id": {"$v": "n"}}
    assert match_json(rev, {"path": "/f/7", "id": 7}, {}) is None
    assert match_json(rev, {"path": "/f/7", "id": "7"}, {}) == {"n": "7"}


def test_missing_and_extra_keys_never_match() -> None:
    tpl = {"a": 1, "b": {"$v": "x"}, "c": {"$t": [{"var": "y"}]}}
    assert match_json(tpl, {"a": 1, "b": 2, "c": "z"}, {}) == {"x": 2, "y": "z"}
    for value in ({"a": 1, "b": 2}, {"a": 1, "b": 2, "d": "z"}, {"a": 1, "c": "z", "d": 2},
                  {"a": 1, "b": 2, "c": "z", "d": 0}, {"a": True, "b": 2, "c": "z"}, {"a": 1.0, "b": 2, "c": "z"}):
        assert match_json(tpl, value, {}) is None


# -- literal messages: found by text exactly when their hashes are equal ----------------

MESSAGES = st.fixed_dictionaries(
    {"role": st.sampled_from(["user", "system", "tool"])},
    optional={"content": st.sampled_from([None, "", "hi", "é", "hi there"])
              | st.lists(st.fixed_dictionaries({"type": st.just("text"), "text": st.sampled_from(["hi", "", " there"])}),
                         max_size=2),
              "name": st.sampled_from([None, "", "bot", 0, 5]),
              "tool_calls": st.sampled_from([None, [], [{"function": {"name": "f", "arguments": "{}"}}]]),
              "function_call": st.sampled_from([None, {}, {"name": "f", "arguments": "{}"}]),
              "tool_call_id": st.just("call_1")})
LITERALS = st.builds(
    lambda role, text, name, call: MessageTemplate(
        role=role, content=T(text) if text else None, name=name,
        tool_calls=(ToolCallTemplate(name="f", arguments={}),) if call else ()),
    st.sampled_from(["user", "system", "tool"]), st.sampled_from(["", "hi", "é", "hi there"]),
    st.sampled_from([None, "", "bot"]), st.booleans())


@SETTINGS
@given(st.lists(LITERALS, max_size=6), MESSAGES)
def test_literal_children_found_by_text_are_those_with_the_hash(templates: list[MessageTemplate],
                                                                 message: dict[str, Any]) -> None:
    kids = Children()
    for i, t in enumerate(templates):
        kids.add(RuntimeNode(TemplateNode(id=f"n{i}", parent=None, template=t)))
    view = MessageView(message)
    by_hash = [n for n in (kids.exact or {}).get(message_hash(message), [])] if view.text_only else []
    if view.text_only:
        assert [n.id for n in kids.exact_matches(view)] == [n.id for n in by_hash]


@pytest.mark.parametrize("name", [None, "", "bot", 5, 0, ["x"]])
@pytest.mark.parametrize("calls", [None, [], {}, "x", [{"function": {"name": "f", "arguments": "{}"}}]])
@pytest.mark.parametrize("function_call", [None, {"name": "f"}])
def test_plain_is_role_and_text_alone(name: Any, calls: Any, function_call: Any) -> None:
    message: dict[str, Any] = {"role": "user", "content": "hi"}
    for key, value in (("name", name), ("tool_calls", calls), ("function_call", function_call)):
        if value is not None:
            message[key] = value
    view = MessageView(message)
    assert view.plain == bool(not function_call and not name and not calls)


@pytest.mark.parametrize("template", [
    MessageTemplate(role="user", content=T("hi ", S("x"))),
    MessageTemplate(role="user", name="bob", content=T("hi ", S("x"))),
    MessageTemplate(role="assistant", tool_calls=(ToolCallTemplate(name="f", arguments={"q": {"$v": "q"}}),)),
    MessageTemplate(role="assistant", name="bot", content=T("ok ", S("x")),
                    tool_calls=(ToolCallTemplate(name="f", arguments={}), ToolCallTemplate(name="g", arguments={}))),
])
def test_a_message_is_keyed_as_the_templates_that_can_match_it(template: MessageTemplate) -> None:
    message: dict[str, Any] = {"role": template.role, "content": "hi 1" if template.content is not None else None}
    if template.name:
        message["name"] = template.name
    if template.tool_calls:
        message["tool_calls"] = [{"id": "c", "type": "function", "function": {"name": c.name, "arguments": '{"q": 1}'}}
                                 for c in template.tool_calls]
    view = MessageView(message)
    assert view.key == RuntimeNode(TemplateNode(id="n", parent=None, template=template)).group_key
    assert view.key == (view.role or "", view.name, tuple(n for n, _ in view.calls)) or \
        (view.key == view.role and view.name is None and not view.calls)


def test_each_node_knows_its_path_from_the_root() -> None:
    tree = forked_tree()
    for node in tree.index.by_id.values():
        expect: list[str] = []
        cur: TemplateNode | None = node.model
        while cur is not None:
            expect.insert(0, cur.id)
            cur = tree.node(cur.parent) if cur.parent is not None else None
        assert node.path == tuple(expect)


# -- the walk: slot ends found by their literal ---------------------------------------------

def oracle(m: TextMatcher, text: str) -> Any:
    """Every class-level split (brute force), as the split answers: values, None or AMBIGUOUS."""
    def fits(kind: str, value: str) -> bool:
        width = kinds.WIDTH.get(kind)
        if width is not None and len(value.encode()) != width:
            return False
        return bool(value) and all(re2.fullmatch(kinds.CLASS[kind], ch) is not None for ch in value)

    lits, slots = m.literals, m.slots
    found: list[list[str]] = []

    def go(i: int, pos: int, acc: list[str]) -> None:
        if i == len(slots):
            if pos == len(text):
                found.append(acc)
            return
        for end in range(pos + 1, len(text) + 1):
            if not fits(slots[i].kind, text[pos:end]) and kinds.WIDTH.get(slots[i].kind) is None:
                break
            if fits(slots[i].kind, text[pos:end]) and text.startswith(lits[i + 1], end):
                go(i + 1, end + len(lits[i + 1]), [*acc, text[pos:end]])

    if text.startswith(lits[0]):
        go(0, len(lits[0]), [])
    if not found:
        return None
    if len(found) > 1:
        return AMBIGUOUS
    values = [v.encode() for v in found[0]]
    return values if m._kinds_fit(values) else None


SEPARATED = st.builds(
    lambda kinds_, seps, lead, tail: T(*([lead] if lead else []),
                                       *[p for i, k in enumerate(kinds_)
                                         for p in ((S(f"v{i}", k),) if i == len(kinds_) - 1 else (S(f"v{i}", k), seps[i]))],
                                       *([tail] if tail else [])),
    st.lists(st.sampled_from(["text", "word", "ident", "digits", "multiline", "number", "email"]), min_size=2, max_size=4),
    st.lists(st.sampled_from([" and ", " ", "-", "a", ", ", "\n", "@", ".", "1"]), min_size=4, max_size=4),
    st.sampled_from(["", "say ", "-"]), st.sampled_from(["", ".", " and", "\n"]))


@SETTINGS
@given(SEPARATED, st.text(alphabet="ab1 -and,.\n@xé", max_size=24))
def test_walk_finds_the_split_the_brute_force_finds(template: TextTemplate, text: str) -> None:
    m = TextMatcher(template)
    data = text.encode()
    expect = oracle(m, text)
    for method in ("walk", "captures", None):
        got = m.split(data, method)
        assert got == expect if isinstance(expect, list) else got is expect, method


@SETTINGS
@given(SEPARATED, st.lists(st.text(alphabet="ab1 -and,.@xé", min_size=1, max_size=6), min_size=4, max_size=4))
def test_walk_on_rendered_values(template: TextTemplate, values: list[str]) -> None:
    m = TextMatcher(template)
    text = template.render({f"v{i}": v for i, v in enumerate(values)})
    expect = oracle(m, text)
    for method in ("walk", "captures", None):
        got = m.split(text.encode(), method)
        assert got == expect if isinstance(expect, list) else got is expect, method


# Templates whose split is unique by construction (each slot followed by a literal that
# starts outside its class), with a variable used twice now and then.
UNIQUE = st.builds(
    lambda kinds_, vars_, lead, tail: T(*([lead] if lead else []),
                                        *[p for i, k in enumerate(kinds_)
                                          for p in ((S(vars_[i], k),) if i == len(kinds_) - 1 else (S(vars_[i], k), " <"))],
                                        *([tail] if tail else [])),
    st.builds(lambda head, last: [*head, last],
              st.lists(st.sampled_from(["word", "ident", "digits", "number", "email", "date"]), min_size=1, max_size=3),
              st.sampled_from(["word", "ident", "digits", "date", "text", "multiline"])),
    st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=4, max_size=4),
    st.sampled_from(["", "say ", "é "]), st.sampled_from(["", ".", "\n", " é"]))
HEAD_SCOPES = st.dictionaries(st.sampled_from(["a", "b", "x"]), st.sampled_from(["1", "ab", "é", 1, 1.0, True, None]),
                              max_size=2)


@SETTINGS
@given(UNIQUE, st.lists(st.sampled_from(["1", "ab", "é", "2026-01-02", "a@b.io", "1,250.5", "x y"]), min_size=4, max_size=4),
       HEAD_SCOPES, st.booleans())
def test_head_match_is_the_head_split_then_bind(template: TextTemplate, values: list[str], scope: dict[str, Any],
                                                with_text: bool) -> None:
    m = TextMatcher(template)
    m.compile()
    assert m._head is not None
    text = template.render({v: values[i] for i, v in enumerate("abcd")})
    for t in (text, text[:-1], text + " ", text.replace("1", "é")):
        data = t.encode()
        split = m._split_head(data)
        expect = m._bind(split, scope) if isinstance(split, list) else None
        assert m._match_head(data, scope, t if with_text else None) == expect


@SETTINGS
@given(st.lists(st.sampled_from(["", "a", " é", "{x}"]), min_size=1, max_size=4), st.lists(SCALARS, min_size=4, max_size=4))
def test_render_is_the_template_rendered(literals: list[str], values: list[Any]) -> None:
    parts = [p for i, lit in enumerate(literals) for p in ((lit, S("abcd"[i])) if i < len(literals) - 1 else (lit,))]
    template = T(*[p for p in parts if p != ""])
    scope = dict(zip("abcd", values, strict=True))
    assert TextMatcher(template).render(scope) == template.render(scope)


def test_literal_that_recurs_in_the_run_falls_back_to_the_search() -> None:
    t = T(S("a"), " and ", S("b", "word"))
    m = TextMatcher(t)
    assert m.split(b"salt and pepper", "walk") == [b"salt", b"pepper"]
    assert m.split(b"salt and pepper and x", "walk") == [b"salt and pepper", b"x"]  # word: no space
    assert TextMatcher(T(S("a"), " and ", S("b"))).split(b"salt and pepper and oil", "walk") is AMBIGUOUS


# -- stdlib class runs against the RE2 classes -------------------------------------------

CHARS = [chr(c) for c in [*range(0x800), *range(0x800, 0x110000, 997)] if not 0xD800 <= c <= 0xDFFF]


@pytest.mark.parametrize("kind", kinds.KINDS)
def test_byte_level_runs_are_the_re2_classes(kind: str) -> None:
    rx = re2.compile(kinds.CLASS[kind].encode())
    for ch in CHARS:
        data = ch.encode()
        assert (kinds.RUN[kind].fullmatch(data) is not None) == (rx.fullmatch(data) is not None), (kind, ch)
    text = "".join(CHARS[:300]) + "x" * 5 + "\n é " + "".join(CHARS[-50:])
    data = text.encode()
    for pos in range(len(data)):
        if (data[pos] & 0xC0) == 0x80:
            continue  # not a character boundary
        m = re2.compile((kinds.CLASS[kind] + "*").encode()).match(data, pos)
        assert kinds.RUN[kind].match(data, pos).end() == m.end(), (kind, pos)  # type: ignore[union-attr]


@pytest.mark.parametrize("kind", ["word", "ident"])
def test_bytes_fit_for_class_kinds(kind: str) -> None:
    for value in ["", "a", "a b", "a\tb", "é", "x\x0by", "a.b-c_9", "a/b"]:
        assert kinds.bytes_fit(kind, value.encode()) == kinds.value_fits(kind, value), value


# -- sibling candidates: the prefix scan keeps the order of the lengths loop --------------

def reference_candidates(group: _Group, text: str) -> list[str]:
    out: list[str] = []
    for n in sorted({len(p) for p in group.by_prefix}, reverse=True):
        if n <= len(text) and text[:n] in group.by_prefix:
            out.extend(node.id for node in group.by_prefix[text[:n]])
    return out


@SETTINGS
@given(st.lists(st.text(alphabet="ab", max_size=3), min_size=1, max_size=2 * SCAN_MAX),
       st.text(alphabet="ab", max_size=5))
def test_candidates_scan_and_lookup_give_the_same_order(prefixes: list[str], text: str) -> None:
    group = _Group()
    for i, p in enumerate(prefixes):
        group.add(RuntimeNode(TemplateNode(id=f"n{i}", parent=None, template=MessageTemplate(
            role="user", content=T(*([p] if p else []), S("x"))))))
    assert [n.id for n in group.candidates(MessageView({"role": "user", "content": text}))] == \
        reference_candidates(group, text)
    if group.scan is not None:  # what the lookup scans itself instead
        assert [n.id for p, bucket in group.scan if text.startswith(p) for n in bucket] == reference_candidates(group, text)


# -- shared matchers --------------------------------------------------------------------

def test_equal_templates_share_one_matcher_and_answer_alike() -> None:
    pool = MatcherPool()
    tool = MessageTemplate(role="tool", content=T('{"ok": ', S("n", "digits"), "}"))
    call = MessageTemplate(role="assistant", tool_calls=(ToolCallTemplate(
        name="f", arguments={"q": {"$t": ["id ", {"var": "n"}]}}),))
    a, b = pool.message(tool), pool.message(tool.model_copy())
    assert a is b and pool.message(call) is not pool.message(call)
    assert pool.message(call).calls[0][1].items[0][2] is pool.message(call).calls[0][1].items[0][2]
    msg = {"role": "tool", "content": '{"ok": 12}', "tool_call_id": "x"}
    assert a.match(MessageView(msg), {}) == MessageMatcher(tool).match(MessageView(msg), {}) == {"n": "12"}
    assert match_message(tool, msg, {"n": "12"}) == {}
    assert match_message(tool, msg, {"n": 12}) == {}
    assert match_message(tool, msg, {"n": "13"}) is None


# -- lookups: scopes extended in place never leak between paths --------------------------

def node(id: str, parent: str | None, template: MessageTemplate, answer: str | None = None,
         derivations: tuple[Derivation, ...] = ()) -> TemplateNode:
    response = ResponseTemplate(message=MessageTemplate(role="assistant", content=TextTemplate(parts=tuple(
        S(p[1:]) if p.startswith("$") else p for p in re.split(r"(\$\w+)", answer) if p)))) if answer else None
    return TemplateNode(id=id, parent=parent, template=template, response=response, derivations=derivations)


def user(*parts: str | Slot) -> MessageTemplate:
    return MessageTemplate(role="user", content=T(*parts))


def forked_tree() -> CompiledTree:
    """Two templates match the first message; each path binds its own variables below."""
    return compile_tree([
        node("sys", None, MessageTemplate(role="system", content=T("be brief"))),
        node("wide", "sys", user("order ", S("x"))),
        node("narrow", "sys", user("order ", S("y", "digits"))),
        node("wide-next", "wide", user("then ", S("z")), "wide $x $z"),
        node("narrow-next", "narrow", user("then ", S("z")), "narrow $y $z"),
        node("narrow-other", "narrow", user("then ", S("w", "digits")), "narrow $y $w",
             derivations=(Derivation(var="w", args=("y",), expr={"var": "y"}),)),
    ], created_at="2025-01-01T00:00:00Z")


def ask(*texts: str, system: str = "be brief") -> dict[str, Any]:
    return {"model": "m", "messages": [{"role": "system", "content": system},
                                       *({"role": "user", "content": t} for t in texts)]}


def test_paths_that_fork_keep_their_own_bindings() -> None:
    tree = forked_tree()
    why = tree.explain(ask("order 12", "then go"))
    assert why.hit is None and why.reason == "templates that matched disagree on the answer"
    hit = tree.lookup(ask("order ab", "then go"))
    assert hit is not None and hit.bindings == {"x": "ab", "z": "go"} and hit.path == ("sys", "wide", "wide-next")
    # The narrow path's derivation checks its own y, never the wide path's x.
    why = tree.explain(ask("order 12", "then 12"))
    assert why.hit is None and "disagree" in (why.reason or "")
    first = tree.lookup(ask("order ab", "then go"))
    again = tree.lookup(ask("order cd", "then stop"))
    assert first is not None and again is not None
    assert first.bindings == {"x": "ab", "z": "go"} and again.bindings == {"x": "cd", "z": "stop"}


def test_a_literal_and_a_templated_sibling_keep_their_scopes_apart() -> None:
    """The literal match shares its parent's scope; the templated one after it must not
    extend that scope in place (only a single match may)."""
    tree = compile_tree([
        node("sys", None, MessageTemplate(role="system", content=T("be brief"))),
        node("lit", "sys", user("order 12")),
        node("tpl", "sys", user("order ", S("y", "digits"))),
        node("lit-next", "lit", user("then ", S("z")), "lit $z"),
        TemplateNode(id="tpl-next", parent="tpl", status="staged", template=user("then ", S("z")),
                     response=ResponseTemplate(message=MessageTemplate(role="assistant", content=T("tpl")))),
    ], created_at="2025-01-01T00:00:00Z")
    hit = tree.lookup(ask("order 12", "then go"))
    assert hit is not None and hit.path == ("sys", "lit", "lit-next") and hit.bindings == {"z": "go"}
    hit = tree.lookup(ask("order 13", "then go"))
    assert hit is None


def test_siblings_sharing_a_scope_extend_it_only_by_copy() -> None:
    """Two literal siblings share their parent's scope; what one path binds below must
    not appear on the other (a shared scope is never extended in place)."""
    tree = compile_tree([
        node("sys", None, MessageTemplate(role="system", content=T("be brief"))),
        node("a", "sys", user("hi 1")),
        node("b", "sys", user("hi 1")),
        TemplateNode(id="a-next", parent="a", status="staged", template=user("then ", S("z")),
                     response=ResponseTemplate(message=MessageTemplate(role="assistant", content=T("a")))),
        node("b-next", "b", user("then ", S("q")), "b $q"),
    ], created_at="2025-01-01T00:00:00Z")
    hit = tree.lookup(ask("hi 1", "then go"))
    assert hit is not None and hit.path == ("sys", "b", "b-next") and hit.bindings == {"q": "go"}


def test_exact_siblings_share_a_scope_without_mixing_their_children() -> None:
    tree = compile_tree([
        node("s1", None, MessageTemplate(role="system", content=T("same"))),
        node("s2", None, MessageTemplate(role="system", content=T("same"))),
        node("a", "s1", user("a ", S("x")), "from a $x"),
        node("b", "s2", user("b ", S("y")), "from b $y"),
    ], created_at="2025-01-01T00:00:00Z")
    hit = tree.lookup(ask("a 1", system="same"))
    assert hit is not None and hit.node_id == "a" and hit.bindings == {"x": "1"}
    hit = tree.lookup(ask("b 2", system="same"))
    assert hit is not None and hit.node_id == "b" and hit.bindings == {"y": "2"}


def test_prompt_tokens_count_text_and_tool_calls() -> None:
    call = ToolCallTemplate(name="f", arguments={"q": {"$v": "q"}})
    tree = compile_tree([
        node("u", None, user("find ", S("q"))),
        node("c", "u", MessageTemplate(role="assistant", tool_calls=(call,))),
        node("t", "c", MessageTemplate(role="tool", content=T("found ", S("n", "digits"))), "there are $n"),
    ], created_at="2025-01-01T00:00:00Z")
    args = orjson.dumps({"q": "cats"}).decode()
    msgs = [{"role": "user", "content": "find cats"},
            {"role": "assistant", "content": None,
             "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "f", "arguments": args}}]},
            {"role": "tool", "tool_call_id": "c1", "content": "found 3"}]
    hit = tree.lookup({"model": "m", "messages": msgs})
    assert hit is not None
    chars = len("find cats") + len("f") + len(args) + len("found 3")
    assert hit.response["usage"]["prompt_tokens"] == max(-(-chars // 4), 3)

