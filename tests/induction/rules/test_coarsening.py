"""Golden pairs of ``induction.rules.coarsening``: skeletons in, joined gaps / whole tokens out."""

import random
from typing import Any

import pytest

from evals.builders import stored
from evals.workflows.base import Run
from evals.workflows.catalog import Hello
from induction.identifier import Gap, Skeleton
from induction.induce import induce
from induction.rules.coarsening import coarsen, whole_tokens
from induction.runtime.compiled import compile_tree


def _sk(content: list[str | int], values: list[list[Any]]) -> Skeleton:
    return Skeleton("user", None, content, [], [Gap(i, v, "content", "") for i, v in enumerate(values)])


COARSEN = [
    # host cut at its dots: one slot over the span
    (_sk([0, ".", 1, ".com"], [["www", "api"], ["a", "b"]]), ([0, ".com"], [["www.a", "api.b"]])),
    # a region cut at its dashes
    (_sk(["in ", 0, "-", 1, "-", 2], [["ap", "us"], ["south", "east"], ["1", "2"]]),
     (["in ", 0], [["ap-south-1", "us-east-2"]])),
    # not joined by a joiner: unchanged
    (_sk([0, " and ", 1], [["a", "b"], ["c", "d"]]), None),
    # one gap: nothing to join
    (_sk(["x ", 0], [["a", "b"]]), None),
]


@pytest.mark.parametrize(("sk", "expected"), COARSEN)
def test_coarsen(sk: Skeleton, expected: tuple[list[str | int], list[list[Any]]] | None) -> None:
    got = coarsen(sk)
    assert (None if got is None else (got.content, [g.values for g in got.gaps])) == expected


WHOLE = [
    (_sk(['"region":"', 0, '-1"'], [["us-east", "eu-west"]]), ["us-east-1", "eu-west-1"]),
    (_sk(["/mnt/subdir", 0, " ok"], [["31", "7"]]), ["subdir31", "subdir7"]),
    # the sentence's full stop is punctuation: a status at the end is still a word
    (_sk(["status: ", 0, "."], [["open", "closed"]]), ["open", "closed"]),
    (_sk(["ping ", 0, ".example.com now"], [["a", "b"]]), ["a.example.com", "b.example.com"]),
    (_sk(["n=", 0], [[3, 4]]), [3, 4]),  # JSON numbers stay as they are
]


@pytest.mark.parametrize(("sk", "expected"), WHOLE)
def test_whole_tokens(sk: Skeleton, expected: list[Any]) -> None:
    assert whole_tokens(sk)[0].values == expected


GOLDEN = COARSEN + WHOLE


def test_a_host_copied_into_a_tool_argument_is_one_copy() -> None:
    # "search-12.fra" cut at its joiners in the argument would be three pieces no variable
    # explains (thin air); joined, the argument is a copy of the request's slot.
    recs = []
    for i, (unit, n, dc) in enumerate([("search", 12, "fra"), ("web", 7, "iad"), ("db", 3, "sin"), ("auth", 21, "fra")]):
        run = Run(Hello(), random.Random(i))
        host = f"{unit}-{n:02d}.{dc}.corp.internal"
        run.system("You run checks.").user(f"Is {host} up?")
        run.call("ping", {"host": host}, "ok")
        recs += run.records
    result = induce(stored(recs))
    (user,) = [n for n in result.nodes if n.template.role == "user"]
    assert user.status == "live", result.notes[user.id]
    tree = compile_tree(result.nodes)
    run = Run(Hello(), random.Random(9))
    run.system("You run checks.").user("Is cache-05.iad.corp.internal up?")
    run.call("ping", {"host": "cache-05.iad.corp.internal"}, "ok")
    hit = tree.lookup(run.records[0]["request"])
    assert hit is not None
    assert '"cache-05.iad.corp.internal"' in hit.response["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"]
