"""The Identifier: what varies across siblings, and what the user declared."""

from __future__ import annotations

from induction.identifier import identify, identify_declared, skeleton_key


def user(text: str) -> dict[str, str]:
    return {"role": "user", "content": text}


def test_alignment_finds_exactly_what_varies() -> None:
    sk = identify([user("Pay invoice INV-1 for $1,250.00 today"), user("Pay invoice INV-22 for $80.00 today")])
    assert sk is not None
    assert [p for p in sk.content or [] if isinstance(p, str)] == ["Pay invoice INV-", " for ", " today"]
    # A money token is one value, currency sign and all (the Deriver reformats it).
    assert [g.values for g in sk.gaps] == [["1", "22"], ["$1,250.00", "$80.00"]]


def test_tool_call_leaves_keep_their_json_type() -> None:
    def call(n: int, who: str) -> dict[str, object]:
        return {"role": "assistant", "content": None, "tool_calls": [{"id": "c", "type": "function", "function": {
            "name": "book", "arguments": f'{{"size": {n}, "name": "{who}"}}'}}]}

    sk = identify([call(2, "Erik"), call(4, "Maria")])
    assert sk is not None and sk.calls[0][0] == "book"
    assert [(g.values, g.leaf) for g in sk.gaps] == [([2, 4], True), (["Erik", "Maria"], True)]


def test_messages_of_different_shape_cannot_share_a_template() -> None:
    assert skeleton_key(user("hello")) != skeleton_key({"role": "assistant", "content": "hello"})
    assert skeleton_key(user("a")) == skeleton_key(user("b"))


def test_declared_values_become_named_gaps_longest_first() -> None:
    found = identify_declared(user("Erik Dunteman, or Erik for short"), {"full": "Erik Dunteman", "first": "Erik"})
    assert found is not None
    sk, names = found
    assert sk.content == [0, ", or ", 1, " for short"]
    assert [names[g] for g in (0, 1)] == ["full", "first"]


def test_declared_values_match_whole_tokens_only() -> None:
    # A declared 3 is not the 3 inside 2023 or file3, nor "Erik" inside "Eriksen": a slot
    # there would rewrite those when the variable changes.
    found = identify_declared(user("Report 2023 on file3: the 3 files of Eriksen and Erik"), {"n": 3, "who": "Erik"})
    assert found is not None
    sk, names = found
    assert sk.content == ["Report 2023 on file3: the ", 1, " files of Eriksen and ", 0]
    assert names == {0: "who", 1: "n"}  # longer values are placed first
    assert identify_declared(user("in 2023"), {"n": 3}) is None


def test_declared_numbers_do_not_cut_longer_numbers() -> None:
    # The 3 of $3,000, of 2026-03-03 or of 10:30 is part of another value; the last 3 is n.
    found = identify_declared(user("Pay $3,000 on 2026-03-03 at 3:30 or 1.3, item 3."), {"n": 3})
    assert found is not None
    assert found[0].content == ["Pay $3,000 on 2026-03-03 at 3:30 or 1.3, item ", 0, "."]
    money = identify_declared(user("Pay $3,000 now"), {"amount": "3,000"})
    assert money is not None and money[0].content == ["Pay $", 0, " now"]


def test_declared_values_with_punctuation_edges() -> None:
    found = identify_declared(user("mail <bo@x.io>, ref #A-7."), {"email": "bo@x.io", "ref": "#A-7"})
    assert found is not None
    assert found[0].content == ["mail <", 0, ">, ref ", 1, "."]


def test_json_results_with_lists_of_different_lengths_align_list_by_list() -> None:
    """Word by word, a longer list would be swallowed into the gaps around it; aligned as JSON,
    the first items align and the rest of each list is one gap (its path ``[1:]``), the keys
    around it literal; with an empty list among them, each whole list is one gap."""
    import orjson

    for leaves in (False, True):
        texts = [orjson.dumps({"id": f"r{i}", "items": [{"n": k} for k in range(i)], "count": i}).decode()
                 for i in (1, 2, 3)]
        sk = identify([{"role": "tool", "content": t} for t in texts], json_leaves=leaves)
        assert sk is not None and sk.content is not None
        rest = [g for g in sk.gaps if g.path == "$.items[1:]"]
        assert len(rest) == 1 and rest[0].values == [']', ',{"n":1}]', ',{"n":1},{"n":2}]']
        literal = "".join(p for p in sk.content if isinstance(p, str))
        assert '"items":[{"n":0}' in literal and ',"count":' in literal
    texts = [orjson.dumps({"items": list(range(i))}).decode() for i in (0, 2)]
    sk = identify([{"role": "tool", "content": t} for t in texts])
    assert sk is not None and [g.values for g in sk.gaps] == [["[]", "[0,1]"]]
    assert identify([{"role": "user", "content": "not json"}, {"role": "user", "content": "x"}],
                    json_leaves=True) is None


def test_the_deriver_does_not_recurse_through_a_long_text() -> None:
    """A whole list or log excerpt (thousands of characters) is no concatenation of values in
    scope: the cover search used to recurse once per character and overflow the stack."""
    from induction.deriver import HeuristicDeriver

    long = ["x" * 5000 + str(i) for i in range(2)]
    assert HeuristicDeriver().derive(long, [{"a": "x"}, {"a": "x"}]) is None


def _said(text: str, n: int) -> dict[str, object]:
    return {"role": "assistant", "content": text, "tool_calls": [{"id": f"c{n}", "type": "function", "function": {
        "name": "get_order", "arguments": f'{{"order_id": "LO-{n}"}}'}}]}


def test_a_models_words_beside_its_calls_are_one_value_when_little_is_shared() -> None:
    sampled = ["I'll look that order up for you.", "Let me pull up that order.", "Checking the order now."]
    sk = identify([_said(t, n) for n, t in enumerate(sampled)])
    assert sk is not None and sk.content == [0] and sk.gaps[0].values == sampled
    # Words that are the same but for a value keep their shape: the value is what varies.
    sk = identify([_said(f"Checking order LO-{n} now.", n) for n in (1, 2)])
    assert sk is not None and sk.content == ["Checking order LO-", 0, " now."]
    # Not beside a call: text alone aligns word by word as before (or not at all).
    assert identify([{"role": "assistant", "content": t} for t in sampled]) is None
