"""Golden pairs of ``induction.rules.rivals``: an answer's skeleton and scopes in, widened gaps out."""

from typing import Any

import pytest

from induction.identifier import Gap, Skeleton
from induction.rules.rivals import const, reference_alternatives, whole_leaves, widen


def _sk(content: list[str | int], values: list[Any]) -> Skeleton:
    return Skeleton("assistant", None, content, [], [Gap(0, values, "content", "")])


GOLDEN = [
    # "New " looked fixed: widened, the narrow reading kept as a rival
    ((_sk(["for New ", 0, "."], ["York", "Haven"]), [{"city": "New York"}, {"city": "New Haven"}]),
     (["for ", 0, "."], ["New York", "New Haven"], {0: ("New ", "", ["York", "Haven"])})),
    # a suffix taken after the gap
    ((_sk(["Dear ", 0, " Jr. hi"], ["Al", "Bo"]), [{"n": "Al Jr."}, {"n": "Bo Jr."}]),
     (["Dear ", 0, " hi"], ["Al Jr.", "Bo Jr."], {0: ("", " Jr.", ["Al", "Bo"])})),
    # a suffix every example's repo shared ("-api"), before the sentence's full stop: the repo
    # whole, the first part + "-api" a rival ("admin of hotel-api." for hotel-web is a miss)
    ((_sk(["admin of ", 0, "-api."], ["blue", "dinner"]), [{"repo": "blue-api"}, {"repo": "dinner-api"}]),
     (["admin of ", 0, "."], ["blue-api", "dinner-api"], {0: ("", "-api", ["blue", "dinner"])})),
    # a copy already: unchanged
    ((_sk(["Hi ", 0], ["Al", "Bo"]), [{"n": "Al"}, {"n": "Bo"}]), (["Hi ", 0], ["Al", "Bo"], {})),
]


@pytest.mark.parametrize(("args", "expected"), GOLDEN)
def test_widen(args: tuple[Skeleton, list[dict[str, Any]]], expected: tuple[Any, ...]) -> None:
    sk, how = widen(*args)
    assert (sk.content, sk.gaps[0].values, how) == expected


def test_reference_alternatives_are_reexported() -> None:
    # Every name was capitalised: a copy of ``name`` or its title case cannot be told apart.
    assert reference_alternatives("name", ["Ada", "Bo"], [{"name": "Ada"}, {"name": "Bo"}], prose=True)
    assert const("Dr. ") == {"const": "Dr. "} and const("") is None


def _call_sk(parts: list[str | int], values: list[list[str]]) -> Skeleton:
    gaps = [Gap(i, v, "call[0].repo", "repo") for i, v in enumerate(values)]
    return Skeleton("assistant", None, None, [("open", {"repo": {"$tgap": parts}})], gaps)


WHOLE = [
    # "byteblaze/" cut off a repo the answers copy whole: one leaf, a copy
    ((_call_sk([0, "/", 1], [["byteblaze", "auth0"], ["dotfiles", "angular"]]),
      [{"r": "byteblaze/dotfiles"}, {"r": "auth0/angular"}]),
     ({"repo": {"$gap": 0}}, [["byteblaze/dotfiles", "auth0/angular"]])),
    # pieces cut at a shared "-", each a split of the slug by chance (``slug_copied_whole``): a copy
    ((_call_sk([0, "-", 1], [["alpha", "gamma"], ["beta", "delta"]]), [{"slug": "alpha-beta"}, {"slug": "gamma-delta"}]),
     ({"repo": {"$gap": 0}}, [["alpha-beta", "gamma-delta"]])),
    # each piece a copy of its own ("{{user}}/{{name}}"): that reading may be meant, kept
    ((_call_sk([0, "/", 1], [["ann", "bo"], ["x", "y"]]),
      [{"u": "ann", "n": "x", "r": "ann/x"}, {"u": "bo", "n": "y", "r": "bo/y"}]),
     ({"repo": {"$tgap": [0, "/", 1]}}, [["ann", "bo"], ["x", "y"]])),
    # the whole is no copy: unchanged
    ((_call_sk(["v", 0], [["1", "2"]]), [{"r": "x1"}, {"r": "x2"}]),
     ({"repo": {"$tgap": ["v", 0]}}, [["1", "2"]])),
]


@pytest.mark.parametrize(("args", "expected"), WHOLE)
def test_whole_leaves(args: tuple[Skeleton, list[dict[str, Any]]], expected: tuple[Any, ...]) -> None:
    sk = whole_leaves(*args)
    assert (sk.calls[0][1], [g.values for g in sk.gaps]) == expected
