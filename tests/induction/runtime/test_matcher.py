from __future__ import annotations

import pytest

from induction.runtime.matcher import TextMatcher, match_text
from induction.runtime.messages import match_json, match_message
from induction.runtime.template import MessageTemplate, Slot, TextTemplate, ToolCallTemplate


def T(*parts: str | Slot) -> TextTemplate:
    return TextTemplate(parts=parts)


def S(var: str, kind: str = "text") -> Slot:
    return Slot(var=var, kind=kind)


# -- the butterfly rule -------------------------------------------------------

BUTTERFLY = T("say ", S("prefix"), S("suffix"), " ", S("prefix"), S("suffix"), " times")


def test_adjacent_slots_never_guess_a_split() -> None:
    assert match_text(T(S("prefix"), S("suffix")), "butterfly", {}) is None
    assert match_text(BUTTERFLY, "say butterfly butterfly times", {}) is None


def test_adjacent_slots_split_by_values_in_scope() -> None:
    assert match_text(T(S("prefix"), S("suffix")), "butterfly", {"prefix": "butter"}) == {"suffix": "fly"}
    assert match_text(T(S("prefix"), S("suffix")), "butterfly", {"suffix": "fly"}) == {"prefix": "butter"}
    got = match_text(BUTTERFLY, "say butterfly butterfly times", {"prefix": "butter"})
    assert got == {"suffix": "fly"}
    # A scope value that does not fit is a miss, not a different split.
    assert match_text(T(S("prefix"), S("suffix")), "butterfly", {"prefix": "b"}) == {"suffix": "utterfly"}
    assert match_text(T(S("prefix"), S("suffix")), "butterfly", {"prefix": "moth"}) is None


def test_adjacent_typed_slots_split_when_classes_do_not_overlap() -> None:
    t = T("order ", S("n", "digits"), S("code", "text"))
    assert match_text(t, "order 1234abc", {}) is None  # text may start with digits: ambiguous
    t = T("order ", S("code", "ident"), S("n", "uuid"))  # fixed width: the split is forced
    uuid = "123e4567-e89b-12d3-a456-426614174000"
    assert match_text(t, f"order x{uuid}", {}) == {"code": "x", "n": uuid}
    t = T(S("when", "date"), " ", S("who", "word"))
    assert match_text(t, "2025-09-30 erik", {}) == {"when": "2025-09-30", "who": "erik"}
    t = T(S("n", "digits"), "x", S("m", "digits"))
    assert match_text(t, "12x34", {}) == {"n": "12", "m": "34"}


def test_separator_inside_a_value_is_ambiguous() -> None:
    t = T(S("a"), " and ", S("b"))
    assert match_text(t, "salt and pepper", {}) == {"a": "salt", "b": "pepper"}
    assert match_text(t, "salt and pepper and oil", {}) is None
    assert match_text(t, "salt and pepper and oil", {"a": "salt"}) == {"b": "pepper and oil"}


def test_refused_characters_are_not_in_a_slots_class() -> None:
    """A tool result whose later items repeat the literal after a free-text slot: the slot
    could end at any of them, unless it may not hold the quote it never held in an example
    (``Slot.refuse``). Then the split is unique; walk and captures agree."""
    loose = T('{"items":[{"when":"', S("when"), '","n":', S("n", "digits"), "}", S("rest"), "]}")
    text = '{"items":[{"when":"Jan 5 10:00","n":1},{"when":"Jan 6 11:00","n":2},{"when":"Jan 7 9:00","n":3}]}'
    assert match_text(loose, text, {}) is None  # "when" could run to the second item's quote
    when = Slot(var="when", kind="text", refuse='"{}')
    tight = T('{"items":[{"when":"', when, '","n":', S("n", "digits"), "}", S("rest"), "]}")
    want = {"when": "Jan 5 10:00", "n": "1", "rest": ',{"when":"Jan 6 11:00","n":2},{"when":"Jan 7 9:00","n":3}'}
    assert match_text(tight, text, {}) == want
    m = TextMatcher(tight)
    assert m.split(text.encode(), "walk") == m.split(text.encode(), "captures") == [v.encode() for v in want.values()]
    # What it refuses still misses, as it did after the split.
    assert match_text(tight, '{"items":[{"when":"Jan {5}","n":1},{"x":1}]}', {}) is None


# -- one value, several roles -------------------------------------------------

THREE = T("Today is ", S("day", "digits"), ". Find the ", S("k", "digits"), "rd script in /source/",
          S("dir", "digits"), " and save the output in 09/output_", S("n", "digits"), ".txt")


def test_same_value_in_different_roles_binds_each_variable() -> None:
    text = "Today is 3. Find the 3rd script in /source/3 and save the output in 09/output_3.txt"
    assert match_text(THREE, text, {}) == {"day": "3", "k": "3", "dir": "3", "n": "3"}


def test_different_values_in_a_new_request_still_match() -> None:
    text = "Today is 30. Find the 2rd script in /source/7 and save the output in 09/output_9.txt"
    assert match_text(THREE, text, {}) == {"day": "30", "k": "2", "dir": "7", "n": "9"}


def test_repeated_variable_must_read_the_same_value() -> None:
    t = T("Hi ", S("name"), ", bye ", S("name"), ".")
    assert match_text(t, "Hi Bo, bye Bo.", {}) == {"name": "Bo"}
    assert match_text(t, "Hi Bo, bye Al.", {}) is None
    assert match_text(t, "Hi Bo, bye Bo.", {"name": "Al"}) is None
    assert match_text(t, "Hi Bo, bye Bo.", {"name": "Bo"}) == {}


# -- variants are derivations, not looser matching ----------------------------

@pytest.mark.parametrize(("bound", "text"), [("Erik", "hello erik"), ("1", "hello 1.0"),
                                             ("$1,250.00", "hello 1250.0"), (1250.0, "hello $1,250.00")])
def test_variants_of_a_bound_value_do_not_match(bound: object, text: str) -> None:
    assert match_text(T("hello ", S("x")), text, {"x": bound}) is None


def test_non_string_scope_values_match_as_rendered() -> None:
    assert match_text(T("n=", S("n", "digits")), "n=3", {"n": 3}) == {}
    assert match_text(T("ok=", S("b", "word")), "ok=true", {"b": True}) == {}


# -- literal text is literal --------------------------------------------------

@pytest.mark.parametrize("literal", [".*+?()[]", "{{x}} {y}", "a\nb\r\n", "é漢🙂", "\\d+$^|", "\x00\t"])
def test_literal_text_matches_only_itself(literal: str) -> None:
    t = T(literal, S("v", "word"), literal)
    assert match_text(t, f"{literal}X{literal}", {}) == {"v": "X"}
    assert match_text(t, f"{literal}X{literal[:-1]}", {}) is None
    assert match_text(T(literal), literal, {}) == {}
    assert match_text(T(literal), literal + " ", {}) is None


def test_text_slot_does_not_cross_lines_but_multiline_does() -> None:
    assert match_text(T("out: ", S("v")), "out: a\nb", {}) is None
    assert match_text(T("out: ", S("v", "multiline")), "out: a\nb", {}) == {"v": "a\nb"}


@pytest.mark.parametrize(("kind", "good", "bad"), [
    ("digits", "0042", "4.2"), ("number", "-1,250.50", "1,25"), ("email", "a.b@butter.dev", "a@b"),
    ("date", "2025-09-30", "2025-9-30"),
    ("date", "2025-09-30", "2025-09-30T10:00:00Z"), ("uuid", "123e4567-e89b-12d3-a456-426614174000", "123e4567"),
    ("ident", "file_1.txt", "a b"), ("word", "x/y:z", "x y"),
])
def test_typed_slots(kind: str, good: str, bad: str) -> None:
    t = T("[", S("v", kind), "]")
    assert match_text(t, f"[{good}]", {}) == {"v": good}
    assert match_text(t, f"[{bad}]", {}) is None


def test_long_texts_use_the_walk_and_agree() -> None:
    t = T("head ", S("a"), " mid ", S("b", "multiline"), " tail")
    text = "head " + "x" * 10_000 + " mid " + "y\n" * 5_000 + " tail"
    m = TextMatcher(t)
    assert m.split(text.encode(), "walk") == m.split(text.encode(), "captures")
    assert m.match(text, {}) == {"a": "x" * 10_000, "b": "y\n" * 5_000}


# -- JSON templates and messages ---------------------------------------------

def test_json_v_binds_scalars_with_their_type() -> None:
    tpl = {"n": {"$v": "n"}}
    assert match_json(tpl, {"n": 3}, {}) == {"n": 3}
    assert match_json(tpl, {"n": 3}, {"n": 3}) == {}
    assert match_json(tpl, {"n": 3}, {"n": 3.0}) is None
    assert match_json(tpl, {"n": 3}, {"n": "3"}) is None
    assert match_json(tpl, {"n": True}, {"n": 1}) is None
    assert match_json(tpl, {"n": [3]}, {}) is None  # $v binds scalars only
    assert match_json({"a": {"$v": "x"}, "b": {"$v": "x"}}, {"a": 1, "b": 2}, {}) is None


def test_json_structure_must_be_identical() -> None:
    tpl = {"path": {"$t": ["/data/", {"var": "f", "kind": "ident"}]}, "opts": {"deep": True}}
    assert match_json(tpl, {"path": "/data/x.txt", "opts": {"deep": True}}, {}) == {"f": "x.txt"}
    assert match_json(tpl, {"path": "/data/x.txt", "opts": {"deep": True}, "extra": 1}, {}) is None
    assert match_json(tpl, {"path": "/data/x.txt", "opts": {"deep": 1}}, {}) is None
    assert match_json(tpl, {"path": "/etc/x", "opts": {"deep": True}}, {}) is None
    assert match_json({"$lit": {"$v": "x"}}, {"$v": "x"}, {}) == {}
    assert match_json([1, {"$v": "x"}], [1, 2, 3], {}) is None


def test_message_matching() -> None:
    t = MessageTemplate(role="assistant", content=T("Reading ", S("f", "word")),
                        tool_calls=(ToolCallTemplate(name="read", arguments={"path": {"$t": [{"var": "f"}]}}),))
    msg = {"role": "assistant", "content": "Reading a.txt",
           "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "read", "arguments": '{"path": "a.txt"}'}}]}
    assert match_message(t, msg, {}) == {"f": "a.txt"}
    bad = {**msg, "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "read", "arguments": '{"path": "b"}'}}]}
    assert match_message(t, bad, {}) is None
    assert match_message(t, {**msg, "tool_calls": []}, {}) is None
    assert match_message(t, {**msg, "role": "user"}, {}) is None
    broken = {**msg, "tool_calls": [{"function": {"name": "read", "arguments": "{not json"}}]}
    assert match_message(t, broken, {}) is None


def test_messages_with_non_text_parts_never_match() -> None:
    t = MessageTemplate(role="user", content=T("look at ", S("x")))
    image = {"role": "user", "content": [{"type": "text", "text": "look at this"},
                                         {"type": "image_url", "image_url": {"url": "data:..."}}]}
    assert match_message(t, image, {}) is None
    text_parts = {"role": "user", "content": [{"type": "text", "text": "look at "}, {"type": "text", "text": "this"}]}
    assert match_message(t, text_parts, {}) == {"x": "this"}


def test_name_and_empty_content() -> None:
    t = MessageTemplate(role="user", name="bob", content=None)
    assert match_message(t, {"role": "user", "name": "bob", "content": ""}, {}) == {}
    assert match_message(t, {"role": "user", "name": "al", "content": ""}, {}) is None
    assert match_message(t, {"role": "user", "name": "bob", "content": "x"}, {}) is None


def test_a_slot_refuses_the_characters_it_lists() -> None:
    t = TextTemplate(parts=('{"title": "', Slot(var="title", refuse='"\\{}'), '", "score": ', Slot(var="s", kind="number"), "}"))
    assert match_text(t, '{"title": "Deep work", "score": 0.9}', {}) == {"title": "Deep work", "s": "0.9"}
    # One split exists, but the title would hold another result's JSON: a miss.
    assert match_text(t, '{"title": "A", "score": 0.9}, {"title": "B", "score": 0.8}', {}) is None
    assert match_text(t, '{"title": "The \\"Home\\" Affair", "score": 1}', {}) is None  # an escaped quote


def test_refused_characters_hold_on_the_one_pass_path_too() -> None:
    # Every slot ends where its class run does: the unique-by-construction (head) path.
    t = TextTemplate(parts=("Invite ", Slot(var="a", kind="word", refuse=","), " and ",
                            Slot(var="b", kind="word", refuse=","), " now."))
    m = TextMatcher(t)
    m.compile()
    assert m._head is not None
    assert m.match("Invite Ann and Bob now.", {}) == {"a": "Ann", "b": "Bob"}
    assert m.match("Invite Ann, and Bob now.", {}) is None
    assert m.match("Invite Ann and Bob,Cy now.", {}) is None


def test_a_slot_refuses_the_phrases_it_lists() -> None:
    t = TextTemplate(parts=("Invite ", Slot(var="who", refuse_text=(" to a meeting", " and ")), " to a meeting."))
    assert match_text(t, "Invite Ann Lee to a meeting.", {}) == {"who": "Ann Lee"}
    assert match_text(t, "Invite Ann Lee and Bob Ray to a meeting.", {}) is None  # two people, one slot
    assert match_text(t, "Invite Ann to a meeting with Bob to a meeting.", {}) is None


def test_edge_slots_refuse_what_no_example_began_or_ended_with() -> None:
    greet = T("Please greet ", Slot(var="name", kind="word", edge_end=""))
    assert match_text(greet, "Please greet José", {}) == {"name": "José"}
    for tail in (".", "?", ")", "…", "🙂", "→", "。", "！", "»", "×"):
        assert match_text(greet, f"Please greet Bo{tail}", {}) is None, tail
    assert match_text(greet, "Please greet 王芳", {}) == {"name": "王芳"}  # CJK letters are letters
    mention = T(Slot(var="user", kind="word", edge_start="@"), " please review")
    assert match_text(mention, "@ann please review", {}) == {"user": "@ann"}
    assert match_text(mention, "Émile please review", {}) == {"user": "Émile"}
    for head in ("/", "#", "~", "✓", "¿", "«", "「"):
        assert match_text(mention, f"{head}ann please review", {}) is None, head
    # An example that ended with a symbol lets that one in, no other; inner characters are free.
    mood = T("Mood: ", Slot(var="m", kind="text", edge_end="🙂"))
    assert match_text(mood, "Mood: fine 🙂", {}) == {"m": "fine 🙂"}
    assert match_text(mood, "Mood: fine, really", {}) == {"m": "fine, really"}
    assert match_text(mood, "Mood: fine.", {}) is None and match_text(mood, "Mood: fine 🙁", {}) is None
    ask = T(Slot(var="q", kind="text", edge_start="¿"), " dice")
    assert match_text(ask, "¿qué dice", {}) == {"q": "¿qué"}
    assert match_text(ask, "«qué dice", {}) is None and match_text(ask, "¡qué dice", {}) is None


def test_edges_hold_on_every_split_path() -> None:
    # Several slots: the walk, the compiled head and the substituted match all check the edges.
    t = T(Slot(var="a", kind="word", edge_start=""), " to ", Slot(var="b", edge_end=""))
    m = TextMatcher(t)
    assert m.match("ann to Oslo", {}) == {"a": "ann", "b": "Oslo"}
    assert m.match("@ann to Oslo", {}) is None and m.match("ann to Oslo?", {}) is None
    assert m.match("ann to Oslo", {"a": "ann"}) == {"b": "Oslo"}  # only what the scope lacks
    assert m.match("ann to Oslo!", {"a": "ann"}) is None


def test_a_slot_beside_whitespace_checks_that_side_too() -> None:
    # "{name})\nThanks.": the slot ends before a newline, so it is an edge as well.
    t = T("Hello ", Slot(var="name", kind="text", edge_start="", edge_end=""), "\nThanks.")
    m = TextMatcher(t)
    assert m.match("Hello Ann Lee\nThanks.", {}) == {"name": "Ann Lee"}
    assert m.match("Hello Ann Lee)\nThanks.", {}) is None
    assert m.match("Hello «Ann Lee\nThanks.", {}) is None
