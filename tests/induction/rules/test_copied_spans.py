"""Golden pairs of ``induction.rules.copied_spans``: messages and the answers that copy their
values in, the skeleton (content and gap values) out, or None where nothing changes."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from evals.builders import stored
from induction.identifier import identify
from induction.induce import induce
from induction.rules.copied_spans import copied_spans, gap_spans, leaves


def _user(text: str) -> dict[str, Any]:
    return {"role": "user", "content": text}


def _call(**args: Any) -> dict[str, Any]:
    return {"role": "assistant", "content": None, "tool_calls": [
        {"id": "c1", "type": "function", "function": {"name": "act", "arguments": orjson.dumps(args).decode()}}]}


def _run(texts: list[str], answers: list[dict[str, Any]]) -> tuple[Any, Any] | None:
    msgs = [_user(t) for t in texts]
    sk = copied_spans(msgs, answers, identify(msgs))
    return None if sk is None else (sk.content, [g.values for g in sk.gaps])


GOLDEN: list[tuple[tuple[list[str], list[dict[str, Any]]], Any]] = [
    # a word the two questions shared ("in") no longer cuts the question the answers copy
    ((['Post "is car necessary in NYC" there', 'Post "places to learn driving in pittsburgh" there'],
      [_call(q="is car necessary in NYC"), _call(q="places to learn driving in pittsburgh")]),
     (['Post "', 0, '" there'], [["is car necessary in NYC", "places to learn driving in pittsburgh"]])),
    # addresses of different shapes, aligned comma to comma by the words, are one value
    ((["My address is 231 Willow Way, Suite 100, Chicago, IL, update it",
       "My address is 987 Sycamore Circle, Philadelphia, PA, update it"],
      [_call(address="231 Willow Way, Suite 100, Chicago, IL"),
       _call(address="987 Sycamore Circle, Philadelphia, PA")]),
     (["My address is ", 0, ", update it"],
      [["231 Willow Way, Suite 100, Chicago, IL", "987 Sycamore Circle, Philadelphia, PA"]])),
    # the word every value began with stays structure (a qualifier may have decided the rest)
    ((["Find a bar around CMU main campus and more", "Find a cafe around CMU ArtPark Lab and more"],
      [_call(space="bar", location="CMU main campus and more"),
       _call(space="cafe", location="CMU ArtPark Lab and more")]),
     None),
    # joined across the shared "of", but the title every value began with stays literal
    ((["Page Prof Ann of Lee now", "Page Prof Bo of Diaz now"],
      [_call(who="Prof Ann of Lee"), _call(who="Prof Bo of Diaz")]),
     (["Page Prof ", 0, " now"], [["Ann of Lee", "Bo of Diaz"]])),
    # every value held " and " once: a list of two, left cut at its joiner (``joined_names_one_string``)
    ((["Book for Ann Lee and Bo Diaz now", "Book for Cy Ko and Di Ma now"],
      [_call(g="Ann Lee and Bo Diaz"), _call(g="Cy Ko and Di Ma")]), None),
    # a value the plain alignment kept whole ("books subreddit" read by a derivation): unchanged
    ((["Post in books subreddit now", "Post in DIY forum now"], [_call(s="books"), _call(s="DIY")]), None),
    # an argument equal in every answer is structure; a value absent from one message: no span
    ((["Pay Ann now", "Pay Bo now"], [_call(who="x"), _call(who="x")]), None),
    ((["Pay Ann Lee now", "Pay Bo Diaz now"], [_call(who="Ann Lee"), _call(who="Bo")]), None),
]


@pytest.mark.parametrize(("args", "expected"), GOLDEN)
def test_copied_spans(args: tuple[list[str], list[dict[str, Any]]], expected: Any) -> None:
    assert _run(*args) == expected


def test_leaves_and_gap_spans() -> None:
    assert list(leaves({"a": ["x", 2]})) == [(".a[0]", "x"), (".a[1]", 2)]
    msgs = [_user("Hi Bo!"), _user("Hi Ann!")]
    sk = identify(msgs)
    assert sk is not None and gap_spans(sk, 1) == [(3, 6)]


def test_json_text_and_marked_text_are_left_alone() -> None:
    answers = [_call(q="a b"), _call(q="c d")]
    assert copied_spans([_user('{"q": "a b"}'), _user('{"q": "c d"}')], answers) is None
    assert copied_spans([_user("\ue000 a b"), _user("\ue000 c d")], answers) is None


def _records(pairs: list[tuple[str, str]]) -> list[Any]:
    out = []
    for i, (text, q) in enumerate(pairs):
        request = {"model": "m", "messages": [{"role": "system", "content": "Post questions."}, _user(text)]}
        response = {"id": f"r{i}", "object": "chat.completion", "model": "m", "choices": [
            {"index": 0, "finish_reason": "tool_calls", "message": _call(q=q)}]}
        out.append({"request": request, "response": response})
    return out


def test_induced_template_reads_a_question_without_the_shared_word() -> None:
    from induction.runtime.compiled import compile_tree

    pairs = [('Post my question, "is car necessary in NYC", somewhere', "is car necessary in NYC"),
             ('Post my question, "places to learn driving in pittsburgh", somewhere',
              "places to learn driving in pittsburgh"),
             ('Post my question, "where to eat in Boston", somewhere', "where to eat in Boston")]
    result = induce(stored(_records(pairs)))
    assert result.stats["copied_spans"] >= 1
    tree = compile_tree(result.nodes)
    request = {"model": "m", "messages": [{"role": "system", "content": "Post questions."},
                                          _user('Post my question, "what is the best web agent", somewhere')]}
    hit = tree.explain(request).hit
    assert hit is not None
    args = orjson.loads(hit.response["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"])
    assert args == {"q": "what is the best web agent"}


def test_a_guided_skeleton_the_runtime_cannot_read_back_gives_way_to_the_plain_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Two adjacent free-text slots cannot be read apart: the walk drops the guided skeleton
    # and induces the cluster from the plain alignment, as without the rule.
    import induction.induce.walk as walk
    from induction.identifier import Gap, Skeleton

    pairs = [("Ask is car necessary in NYC", "is car necessary in NYC"),
             ("Ask where to eat in Boston", "where to eat in Boston")]
    monkeypatch.setattr(walk, "copied_spans", lambda *_: None)
    plain = induce(stored(_records(pairs)))
    assert str(plain.nodes[1].template.content) == "Ask {{ask}} in {{value:word}}"  # cut at the shared "in"

    def unreadable(msgs: Any, answers: Any, sk: Any = None) -> Skeleton:
        texts = [m["content"][4:] for m in msgs]
        return Skeleton("user", None, ["Ask ", 0, 1], [], [Gap(0, [t[:2] for t in texts], "content", "Ask "),
                                                           Gap(1, [t[2:] for t in texts], "content", "")])

    monkeypatch.setattr(walk, "copied_spans", unreadable)
    reverted = induce(stored(_records(pairs)))
    assert reverted.stats["copied_spans"] == 1
    assert [str(n.template.content) for n in reverted.nodes] == [str(n.template.content) for n in plain.nodes]
