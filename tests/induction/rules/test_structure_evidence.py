"""Golden pairs of ``induction.rules.structure_evidence``: values (and outcomes) in, verdict out."""

import random
from typing import Any, ClassVar

import pytest
from faker import Faker

from evals.builders import stored
from evals.workflows import PROBE
from evals.workflows.adversarial import CommentaryBesideCall, CommentaryNamesRegion, ProfileInSystemPrompt
from evals.workflows.adversarial.control import COMMENTARY
from evals.workflows.base import Run, Workflow, tool
from induction.induce import induce
from induction.pipeline import same_answer
from induction.rules.structure_evidence import determines, each_repeated, is_codes, is_data
from induction.runtime.compiled import compile_tree

DETERMINES = [
    ((["a", "a", "b"], [1, 1, 2]), True),
    ((["a", "a", "b"], [1, 2, 2]), False),  # the same value went on differently: it does not decide
    (([1, "1"], ["x", "y"]), True),  # a JSON number and its text are different values
]


@pytest.mark.parametrize(("args", "expected"), DETERMINES)
def test_determines(args: tuple[list[Any], list[Any]], expected: bool) -> None:
    assert determines(*args) is expected


IS_DATA = [
    ((["shipped", "pending", "lost"], False), True),  # 3 distinct values, one way of going on
    ((["shipped", "pending"], False), False),  # too thin
    ((["shipped", "pending"], True), True),  # the answer copies it
    ((["us-1", "eu-1", "us-1", "eu-1"], False), True),  # each seen twice
    ((["B+", "A", "C-"], True), False),  # short codes: a rule is written on them
    ((["XL", "S", "M", "L"], False), False),
]


@pytest.mark.parametrize(("args", "expected"), IS_DATA)
def test_is_data(args: tuple[list[Any], bool], expected: bool) -> None:
    values, used = args
    assert is_data(values, used=used, min_distinct=3) is expected


def test_each_repeated() -> None:
    assert each_repeated(["us", "eu", "us", "eu"]) and not each_repeated(["us", "eu", "us"])


GOLDEN = DETERMINES + IS_DATA


CODES = [
    ((["SFO", "JFK", "MIA", "LHR"], True), True),  # four routes forwarded whole to a tool, alike
    ((["SFO", "JFK", "MIA"], True), False),  # three: a category of four's odd one out may be unseen
    ((["SFO", "JFK", "MIA", "LHR"], False), False),  # copied into prose, or not at all: a category
    ((["web", "api", "search", "mobile"], True), True),  # one short value is enough to count as codes
]


@pytest.mark.parametrize(("args", "expected"), CODES)
def test_short_codes_forwarded_to_a_tool(args: tuple[list[Any], bool], expected: bool) -> None:
    values, forwarded = args
    assert is_data(values, used=True, min_distinct=3, forwarded=forwarded, min_distinct_code=4) is expected


def test_rest_of_a_list_is_no_code() -> None:
    assert is_data(["]", ', {"id": 2}]', ', {"id": 2}, {"id": 3}]'], used=False, min_distinct=3, codes=False)


IS_CODES = [
    (["B+", "A", "C-"], True),
    (["web", "api", "billing"], True),  # most are short: a category
    (["Amy", "Michelle", "Todd", "Christopher"], False),  # one short name among several
    (["web", "billing", "search", "mobile"], False),
]


@pytest.mark.parametrize(("values", "expected"), IS_CODES)
def test_is_codes(values: list[str], expected: bool) -> None:
    assert is_codes(values) is expected


def _runs(wf: Any, seeds: range) -> list[list[dict[str, Any]]]:
    return [wf.run(seed) for seed in seeds]


def test_the_models_own_words_beside_a_call_are_data_by_evidence() -> None:
    # Worded anew in each run, the line before get_order is in the context of every later call;
    # kept apart per wording (unused prose), a wording no run showed matched nothing below it.
    wf = CommentaryBesideCall()
    tree = compile_tree(induce(stored([r for run in _runs(wf, range(10)) for r in run])).nodes)
    novel = ("Give me a moment to look at it.", "Let me take a look at the order.")
    served = 0
    for run in _runs(wf, range(100, 140)):
        rec = run[1]  # the reply (or the refund) after get_order's result
        messages = rec["request"]["messages"]
        line = messages[2]["content"]
        assert line in COMMENTARY
        messages = [*messages[:2], {**messages[2], "content": novel[len(line) % 2]}, *messages[3:]]
        hit = tree.explain({**rec["request"], "messages": messages}).hit
        if hit is not None:
            served += 1
            assert same_answer(hit.response["choices"][0]["message"], rec["response"]["choices"][0]["message"])
    assert served >= 10


def test_words_beside_a_call_that_decide_the_reply_are_not_served_for_another_value() -> None:
    wf = CommentaryNamesRegion()
    tree = compile_tree(induce(stored([r for run in _runs(wf, range(10)) for r in run])).nodes)
    for run in _runs(wf, range(100, 140)):
        for rec in run:
            hit = tree.explain(rec["request"]).hit
            assert hit is None or same_answer(hit.response["choices"][0]["message"], rec["response"]["choices"][0]["message"])


def test_a_profile_in_the_system_prompt_is_data_and_its_tier_decides_below() -> None:
    # The customer's name and email in the system prompt made every run its own root before:
    # nothing below was ever served. The tier is closed, and each fee pinned to its tiers.
    wf = ProfileInSystemPrompt()
    tree = compile_tree(induce(stored([r for run in _runs(wf, range(10)) for r in run])).nodes)
    served = 0
    for run in _runs(wf, range(100, 140)):
        for rec in run:
            hit = tree.explain(rec["request"]).hit
            if hit is not None:
                served += 1
                assert same_answer(hit.response["choices"][0]["message"], rec["response"]["choices"][0]["message"])
    assert served >= 20


class _SampledReturns(Workflow):
    """A sampled model's words beside its first call; the user's text names a colour no answer
    uses; the order's status decides the reply."""
    name = "sampled_returns"
    description = "a user's unused word, a model's words beside its call"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_order", "An order", order_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"A-{rng.randint(100000, 999999)}"
        status = rng.choice(["shipped", "delivered"])
        run.system("You answer order questions.")
        run.user(f"Where is order {oid}? The {fake.color_name().lower()} jacket.")
        run.call("get_order", {"order_id": oid}, {"id": oid, "status": status}, text=rng.choice(COMMENTARY))
        run.say(f"Order {oid} is {status}.")


def test_a_users_unused_word_is_data_when_only_the_models_words_beside_the_call_differ() -> None:
    # The first answer's words are sampled (thin air, never served); its call is the same in
    # every run. Weighed against the whole answer, the colour stayed structure and every run
    # below stood apart: the reply after the result was never served.
    wf = _SampledReturns()
    tree = compile_tree(induce(stored([r for run in _runs(wf, range(10)) for r in run])).nodes)
    served = 0
    for run in _runs(wf, range(100, 140)):
        first, reply = run
        assert tree.explain(first["request"]).hit is None  # the sampled words: not served
        hit = tree.explain(reply["request"]).hit
        if hit is not None:
            served += 1
            assert same_answer(hit.response["choices"][0]["message"], reply["response"]["choices"][0]["message"])
    assert served >= 20


class _SampledSteps(Workflow):
    """Two calls, each with a sampled model's words beside it; the first result carries
    numbers no answer reads."""
    name = "sampled_steps"
    description = "numbers no answer reads before a call with sampled words beside it"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_order", "An order", order_id="string"),
                                             tool("create_return", "A return label", order_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"A-{rng.randint(100000, 999999)}"
        run.system("You handle returns.")
        run.user(f"Please return order {oid}.")
        run.call("get_order", {"order_id": oid}, {"id": oid, "items": rng.randint(1, 9), "total": rng.randint(20, 400)},
                 text=rng.choice(COMMENTARY))
        rma = f"RMA-{rng.randint(100000, 999999)}"
        run.call("create_return", {"order_id": oid}, {"rma": rma}, text=rng.choice(COMMENTARY))
        run.say(f"Return for {oid} is set up: {rma}.")


def test_numbers_no_answer_reads_are_weighed_against_calls_whose_words_differ() -> None:
    # The answer after get_order's result is a call with sampled words (never served). Its
    # numbers were each a branch before (no one answer template to weigh them against), so the
    # reply after create_return was never served.
    wf = _SampledSteps()
    tree = compile_tree(induce(stored([r for run in _runs(wf, range(10)) for r in run])).nodes)
    served = 0
    for run in _runs(wf, range(100, 140)):
        hit = tree.explain(run[2]["request"]).hit
        if hit is not None:
            served += 1
            assert same_answer(hit.response["choices"][0]["message"], run[2]["response"]["choices"][0]["message"])
    assert served >= 20


def test_system_prompts_whose_runs_share_nothing_below_stay_apart() -> None:
    # "You label Hadoop log lines" and "You label Spark log lines": the system's name took
    # three values and every run went on with a text answer, but no line under one system
    # fits a line under another. Made a slot, it pooled every system's lines under one node.
    lines = {"Hadoop": "node-{n} disk sda{n} is full", "Spark": "ciod: failed to read message prefix on socket {n}",
             "Zookeeper": "WindowServer[{n}]: CGXDisplayDidWakeNotification"}
    records = [{"request": {"messages": [{"role": "system", "content": f"You label {system} log lines"},
                                         {"role": "user", "content": line.format(n=n)}]},
                "response": {"choices": [{"message": {"role": "assistant", "content": f"E{i}"}}]}}
               for i, (system, line) in enumerate(lines.items()) for n in (3, 7, 12)]
    roots = [n for n in induce(stored(records)).nodes if n.parent is None]
    assert len(roots) == 3 and all(not n.template.variables() for n in roots)



def test_the_first_of_parallel_results_is_weighed_where_its_values_are_read() -> None:
    # The probe's dependency bot calls get_release (XML: a download count, a Python floor,
    # the yanked flag) and list_advisories (CSV) in parallel. Nothing is answered between the
    # two results, so the first was weighed against nothing and every run kept apart by its
    # numbers: 0 of these 60 calls served before (StoreTree.before_results).
    wf = PROBE["dependency_audit"]
    tree = compile_tree(induce(stored([r for run in _runs(wf, range(20)) for r in run])).nodes)
    served = 0
    for run in _runs(wf, range(100, 140)):
        for rec in run[1:]:
            hit = tree.explain(rec["request"]).hit
            if hit is not None:
                served += 1
                assert same_answer(hit.response["choices"][0]["message"], rec["response"]["choices"][0]["message"])
    assert served >= 20
