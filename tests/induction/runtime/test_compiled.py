from __future__ import annotations

import time
from typing import Any

import orjson
import pytest

from induction.hashing import request_key
from induction.runtime.compiled import CompiledTree, compile_tree
from induction.runtime.nodes import Derivation, ResponseTemplate, TemplateNode
from induction.runtime.template import MessageTemplate, Slot, TextTemplate, ToolCallTemplate
from rote.errors import CycleError, TemplateError

SYSTEM = "You are a mail bot. Use {tools} (literally) when asked."
FIRST = Derivation(var="first", args=("name",),
                   expr={"op": "split_index", "args": [{"var": "name"}, {"const": " "}, {"const": 0}]})
KEY = request_key({"model": "gpt-x"})


def T(*parts: str | Slot) -> TextTemplate:
    return TextTemplate(parts=parts)


def S(var: str, kind: str = "text") -> Slot:
    return Slot(var=var, kind=kind)


def send_call(first: Any) -> ToolCallTemplate:
    return ToolCallTemplate(name="send_email", arguments={"to": {"$v": "email"}, "body": {"$t": ["Hi ", first, ", ", {"var": "msg"}]}})


def workflow(**status: str) -> list[TemplateNode]:
    def node(id: str, **kw: Any) -> TemplateNode:
        return TemplateNode(id=id, status=status.get(id, "live"), **kw)

    return [
        node("sys", parent=None, template=MessageTemplate(role="system", content=T(SYSTEM))),
        node("user", parent="sys",
             template=MessageTemplate(role="user", content=T("Send ", S("name"), " at ", S("email", "email"),
                                                                " the message: ", S("msg", "multiline"))),
             response=ResponseTemplate(message=MessageTemplate(role="assistant", tool_calls=(send_call({"var": "first"}),)),
                                       finish_reason="tool_calls", request_keys=(KEY,), derivations=(FIRST,))),
        node("asst", parent="user", derivations=(FIRST,),
             template=MessageTemplate(role="assistant", tool_calls=(send_call({"var": "first"}),))),
        node("tool", parent="asst",
             template=MessageTemplate(role="tool", content=T("sent to ", S("email", "email"), ": id ", S("id", "digits"))),
             response=ResponseTemplate(message=MessageTemplate(role="assistant", content=T(
                 "Done: message ", S("id"), " went to ", S("first"), ".")), request_keys=(KEY,))),
    ]


def messages(name: str = "Erik Dunteman", email: str = "erik@butter.dev", msg: str = "Hey,\nnice to see you!",
             greet: str | None = None, to: str | None = None, depth: int = 2) -> list[dict[str, Any]]:
    args = orjson.dumps({"to": email, "body": f"Hi {greet or name.split()[0]}, {msg}"}).decode()
    out: list[dict[str, Any]] = [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"Send {name} at {email} the message: {msg}"},
        {"role": "assistant", "content": None,
         "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "send_email", "arguments": args}}]},
        {"role": "tool", "tool_call_id": "call_1", "content": f"sent to {to or email}: id 42"},
    ]
    return out[:depth]


def req(msgs: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    return {"model": "gpt-x", "messages": msgs, **kw}


@pytest.fixture
def tree() -> CompiledTree:
    return compile_tree(workflow(), created_at="2025-01-01T00:00:00Z")


def test_hit_hydrates_tool_call_with_derived_values(tree: CompiledTree) -> None:
    hit = tree.lookup(req(messages(name="Ada Lovelace", email="ada@example.org", msg="Tea?")))
    assert hit is not None and hit.node_id == "user" and hit.path == ("sys", "user")
    assert hit.bindings == {"name": "Ada Lovelace", "email": "ada@example.org", "msg": "Tea?", "first": "Ada"}
    body = hit.response
    assert body["model"] == "gpt-x" and body["choices"][0]["finish_reason"] == "tool_calls"
    call = body["choices"][0]["message"]["tool_calls"][0]
    assert orjson.loads(call["function"]["arguments"]) == {"to": "ada@example.org", "body": "Hi Ada, Tea?"}


def test_deep_hit_carries_scope(tree: CompiledTree) -> None:
    hit = tree.lookup(req(messages(name="Ada Lovelace", email="ada@example.org", depth=4)))
    assert hit is not None and hit.path == ("sys", "user", "asst", "tool")
    assert hit.response["choices"][0]["message"]["content"] == "Done: message 42 went to Ada."


def test_value_bound_earlier_must_agree(tree: CompiledTree) -> None:
    assert tree.lookup(req(messages(to="someone@else.org", depth=4))) is None


def test_node_derivation_must_agree_with_the_message(tree: CompiledTree) -> None:
    assert tree.lookup(req(messages(greet="Bob", depth=4))) is None
    assert "derivation of first disagrees with the message" in (tree.explain(req(messages(greet="Bob", depth=4))).reason or "")


def test_request_settings_must_match(tree: CompiledTree) -> None:
    assert tree.lookup(req(messages(), model="other")) is None
    assert tree.lookup(req(messages(), temperature=0.3)) is not None
    assert tree.lookup(req(messages(), n=2)) is None
    assert tree.lookup(req(messages(), logprobs=True)) is None


def test_request_shapes_that_miss(tree: CompiledTree) -> None:
    assert tree.lookup({"model": "gpt-x", "messages": []}) is None
    assert tree.lookup({"model": "gpt-x"}) is None
    assert tree.lookup(req(messages()), namespace="elsewhere") is None
    image = messages()
    image[1] = {"role": "user", "content": [{"type": "text", "text": image[1]["content"]},
                                            {"type": "image_url", "image_url": {"url": "https://x/y.png"}}]}
    assert tree.lookup(req(image)) is None
    assert tree.lookup(req(messages(depth=3))) is None  # the assistant node has no response


@pytest.mark.parametrize("status", [{"user": "staged"}, {"user": "uncacheable"}])
def test_only_live_nodes_answer(status: dict[str, str]) -> None:
    assert compile_tree(workflow(**status)).lookup(req(messages(depth=2))) is None


@pytest.mark.parametrize("status", [{"sys": "staged"}, {"asst": "staged"}])
def test_status_is_about_a_nodes_own_answer_not_its_descendants(status: dict[str, str]) -> None:
    """A node with no answer of its own (a system prompt, a model output in the context) is
    staged; the messages above an answering node only have to match."""
    depth = 4 if "asst" in status else 2
    assert compile_tree(workflow(**status)).lookup(req(messages(depth=depth))) is not None


def test_disabled_node_on_the_path_is_a_miss(tree: CompiledTree) -> None:
    assert tree.lookup(req(messages(depth=4)), "default", {"asst"}) is None
    assert tree.lookup(req(messages(depth=4)), "default", {"other"}) is not None


def literal_pair(id: str, parent: str | None, user: str, answer: str, status: str = "live") -> TemplateNode:
    return TemplateNode(id=id, parent=parent, status=status,
                        template=MessageTemplate(role="user", content=T(user)),
                        response=ResponseTemplate(message=MessageTemplate(role="assistant", content=T(answer))))


def test_uncacheable_answers_only_exact_literal_repeats() -> None:
    poem = literal_pair("poem", None, "write a poem", "Roses...", "uncacheable")
    request = req([{"role": "user", "content": "write a poem"}])
    hit = compile_tree([poem]).lookup(request)
    assert hit is not None and hit.node_id == "poem"
    # A live template that would answer differently: the two disagree, so neither is served.
    tpl = TemplateNode(id="tpl", parent=None,
                       template=MessageTemplate(role="user", content=T("write a ", S("thing", "word"))),
                       response=ResponseTemplate(message=MessageTemplate(role="assistant", content=T("A ", S("thing")))))
    assert compile_tree([poem, tpl]).lookup(request) is None
    assert compile_tree([poem, tpl]).lookup(req([{"role": "user", "content": "write a song"}])) is not None


def test_uncacheable_vetoes_templated_matches() -> None:
    uncacheable = TemplateNode(id="u", parent=None, status="uncacheable",
                               template=MessageTemplate(role="user", content=T("write a ", S("thing", "word"))),
                               response=ResponseTemplate(message=MessageTemplate(role="assistant", content=T("..."))))
    live = TemplateNode(id="l", parent=None,
                        template=MessageTemplate(role="user", content=T("write ", S("what"))),
                        response=ResponseTemplate(message=MessageTemplate(role="assistant", content=T("ok"))))
    tree = compile_tree([uncacheable, live])
    assert tree.lookup(req([{"role": "user", "content": "write a sonnet"}])) is None
    assert tree.lookup(req([{"role": "user", "content": "write two sonnets"}])) is not None


def test_siblings_that_disagree_miss_and_that_agree_hit() -> None:
    a = TemplateNode(id="a", parent=None, template=MessageTemplate(role="user", content=T("hello ", S("x"))),
                     response=ResponseTemplate(message=MessageTemplate(role="assistant", content=T("Hi ", S("x")))))
    b = TemplateNode(id="b", parent=None, template=MessageTemplate(role="user", content=T(S("y"), " world")),
                     response=ResponseTemplate(message=MessageTemplate(role="assistant", content=T("Hi world"))))
    c = literal_pair("c", None, "hello world", "Hi world")
    request = req([{"role": "user", "content": "hello world"}])
    assert compile_tree([a, b]).lookup(request) is not None  # both say "Hi world"
    assert compile_tree([a, b, c]).lookup(request).node_id == "c"  # type: ignore[union-attr]
    d = literal_pair("d", None, "hello world", "Hello!")
    assert compile_tree([a, d]).lookup(request) is None
    assert compile_tree([a, d]).explain(request).reason == "templates that matched disagree on the answer"


def test_many_templated_siblings_are_indexed() -> None:
    nodes = [TemplateNode(id=f"t{i:03}", parent=None,
                          template=MessageTemplate(role="user", content=T("task ", S("x", "digits"), f" kind {i}")),
                          response=ResponseTemplate(message=MessageTemplate(role="assistant", content=T(f"k{i} ", S("x")))))
             for i in range(200)]
    nodes += [TemplateNode(id=f"p{i:03}", parent=None,
                           template=MessageTemplate(role="user", content=T(f"prefix {i}: ", S("x"))),
                           response=ResponseTemplate(message=MessageTemplate(role="assistant", content=T(f"p{i}"))))
              for i in range(200)]
    tree = compile_tree(nodes)
    for i in (0, 17, 199):
        hit = tree.lookup(req([{"role": "user", "content": f"task 55 kind {i}"}]))
        assert hit is not None and hit.node_id == f"t{i:03}" and hit.bindings == {"x": "55"}
        hit = tree.lookup(req([{"role": "user", "content": f"prefix {i}: go"}]))
        assert hit is not None and hit.node_id == f"p{i:03}"
    assert tree.lookup(req([{"role": "user", "content": "task 55 kind 200"}])) is None
    tree.warm()
    assert tree.lookup(req([{"role": "user", "content": "task 7 kind 3"}])) is not None


def test_artifact_round_trip_and_metadata(tree: CompiledTree) -> None:
    data = tree.to_bytes()
    doc = orjson.loads(data)
    assert doc["format"] == "rote.compiled-tree" and doc["schema_version"] == 1 and doc["node_count"] == 4
    loaded = CompiledTree.from_bytes(data)
    assert loaded.version == tree.version == tree.content_hash and loaded.created_at == "2025-01-01T00:00:00Z"
    assert [n.id for n in loaded.nodes] == ["asst", "sys", "tool", "user"]
    assert loaded.node("user") == tree.node("user")
    assert loaded.lookup(req(messages(depth=4))) is not None


@pytest.mark.parametrize("breakage", [
    lambda b: b.replace(b"sent to", b"sent by"),
    lambda b: b.replace(b'"schema_version":1', b'"schema_version":2'),
    lambda b: b.replace(b'"node_count":4', b'"node_count":3'),
    lambda b: b[: len(b) // 2],
    lambda b: b"[]",
    lambda b: b.replace(b'"format":"rote.compiled-tree"', b'"format":"x"'),
])
def test_broken_artifacts_are_refused(tree: CompiledTree, breakage: Any) -> None:
    with pytest.raises(TemplateError):
        CompiledTree.from_bytes(breakage(tree.to_bytes()))


def test_malformed_node_with_a_matching_hash_is_refused(tree: CompiledTree) -> None:
    from induction.hashing import digest

    doc = orjson.loads(tree.to_bytes())
    doc["nodes"][0]["template"] = {"role": 3}
    doc["content_hash"] = digest(orjson.dumps(doc["nodes"]))
    with pytest.raises(TemplateError, match="malformed"):
        CompiledTree.from_bytes(orjson.dumps(doc))


def test_compile_errors_name_the_node() -> None:
    nodes = workflow()
    with pytest.raises(TemplateError, match="parent nope"):
        compile_tree([*nodes, literal_pair("x", "nope", "a", "b")])
    with pytest.raises(TemplateError, match="appears twice"):
        compile_tree([*nodes, nodes[0]])
    bad = nodes[3].model_copy(update={"response": ResponseTemplate(message=MessageTemplate(
        role="assistant", content=T(S("ghost"))))})
    with pytest.raises(TemplateError, match="node tool: response uses unbound variables"):
        compile_tree([*nodes[:3], bad])
    loop = ResponseTemplate(message=MessageTemplate(role="assistant", content=T(S("a"))), derivations=(
        Derivation(var="a", args=("b",), expr={"var": "b"}), Derivation(var="b", args=("a",), expr={"var": "a"})))
    with pytest.raises(CycleError, match="node tool"):
        compile_tree([*nodes[:3], nodes[3].model_copy(update={"response": loop})])
    other_ns = nodes[1].model_copy(update={"namespace": "other"})
    with pytest.raises(TemplateError, match="another namespace"):
        compile_tree([nodes[0], other_ns])


def test_staged_nodes_are_not_validated_deeply() -> None:
    broken = literal_pair("s", None, "x", "y", "staged").model_copy(update={"response": ResponseTemplate(
        message=MessageTemplate(role="assistant", content=T(S("ghost"))))})
    assert compile_tree([broken]).lookup(req([{"role": "user", "content": "x"}])) is None


def test_frontier_limit_is_a_miss() -> None:
    nodes = [TemplateNode(id=f"n{i}", parent=None, template=MessageTemplate(role="user", content=T("x", S(f"v{i}"))),
                          response=ResponseTemplate(message=MessageTemplate(role="assistant", content=T("same"))))
             for i in range(9)]
    assert compile_tree(nodes).lookup(req([{"role": "user", "content": "xy"}])) is None
    assert compile_tree(nodes[:8]).lookup(req([{"role": "user", "content": "xy"}])) is not None


def test_derivation_failure_is_a_miss() -> None:
    n = TemplateNode(id="n", parent=None, template=MessageTemplate(role="user", content=T("pay ", S("amt"))),
                     response=ResponseTemplate(message=MessageTemplate(role="assistant", content=T("paid ", S("m"))),
                                               derivations=(Derivation(var="m", args=("amt",), expr={
                                                   "op": "format_money", "args": [
                                                       {"op": "to_number", "args": [{"var": "amt"}]}, {"const": "$"}]}),)))
    tree = compile_tree([n])
    hit = tree.lookup(req([{"role": "user", "content": "pay 1250"}]))
    assert hit is not None and hit.response["choices"][0]["message"]["content"] == "paid $1,250.00"
    assert tree.lookup(req([{"role": "user", "content": "pay lots"}])) is None


def test_hand_written_tree_without_request_keys_accepts_any_settings() -> None:
    tree = compile_tree([literal_pair("a", None, "ping", "pong")])
    assert tree.lookup({"model": "anything", "messages": [{"role": "user", "content": "ping"}]}) is not None


@pytest.mark.parametrize(("source", "why"), [
    ("def f(amt):\n    raise ValueError(amt)", "ValueError"),
    ("def f(amt):\n    while True:\n        pass", "budget"),
    ("def f(amt):\n    return {amt}", "not a JSON value"),
])
def test_python_derivation_failures_are_misses_within_budget(source: str, why: str) -> None:
    d = Derivation(var="m", args=("amt",), python=source, function="f")
    n = TemplateNode(id="n", parent=None, template=MessageTemplate(role="user", content=T("pay ", S("amt"))),
                     response=ResponseTemplate(message=MessageTemplate(role="assistant", content=T("paid ", S("m"))),
                                               derivations=(d,)))
    tree = compile_tree([n], budget_ms=5)
    started = time.perf_counter()
    result = tree.explain(req([{"role": "user", "content": "pay 1250"}]))
    assert result.hit is None and why in (result.reason or "")
    assert time.perf_counter() - started < 0.5


def test_case_variant_is_a_derivation_not_a_looser_match() -> None:
    login = Derivation(var="login", args=("name",), expr={"op": "lower", "args": [{"var": "name"}]})
    n = TemplateNode(id="n", parent=None, derivations=(login,),
                     template=MessageTemplate(role="user", content=T("I am ", S("name", "word"), ", login ",
                                                                     S("login", "word"))),
                     response=ResponseTemplate(message=MessageTemplate(role="assistant", content=T("Hi ", S("name")))))
    tree = compile_tree([n])
    assert tree.lookup(req([{"role": "user", "content": "I am Zoe, login zoe"}])) is not None
    assert tree.lookup(req([{"role": "user", "content": "I am Zoe, login zed"}])) is None


@pytest.mark.parametrize("message", [
    {"role": "assistant", "tool_calls": "x"},
    {"role": "assistant", "tool_calls": ["x"]},
    {"role": "assistant", "function_call": "x"},
    {"role": "assistant", "tool_calls": [{"id": "c", "type": "function", "function": {"name": ["f"], "arguments": "{}"}}]},
    {"role": "assistant", "tool_calls": [{"id": "c", "type": "function", "function": {
        "name": "f", "arguments": {"x": "\ud800"}}}]},
    {"role": "user", "content": "hi \ud800"},
])
def test_a_malformed_message_is_a_miss_not_an_error(tree: CompiledTree, message: dict[str, Any]) -> None:
    # Under the system prompt (literal children found by hash) and at the root alike.
    for msgs in ([messages()[0], message], [message]):
        ex = tree.explain({"model": "gpt-4o-mini", "messages": msgs})
        assert ex.hit is None and ex.reason is not None
