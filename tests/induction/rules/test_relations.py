"""Golden pairs of ``induction.rules.relations``: scopes in, ``apart`` / ``together`` pairs out."""

from typing import Any

import pytest

from induction.rules.relations import relations

GOLDEN = [
    # password_has_username: training never had the name inside the password
    ([{"user": "ann", "pw": "x9!q"}, {"user": "cyd", "pw": "zz7#"}], ((("user", "pw"),), ())),
    ([{"user": "ann", "pw": "ann71", "to": "bob"}, {"user": "cyd", "pw": "cyd9", "to": "dee"}],
     ((("user", "to"), ("pw", "to")), (("user", "pw"),))),
    # related in one call, not in the other: neither
    ([{"a": "bob", "b": "bob"}, {"a": "ann", "b": "cyd"}], ((), ())),
    # always equal: one variable already, not ``together``
    ([{"a": "bob", "b": "bob"}, {"a": "ann", "b": "ann"}], ((), ())),
    ([{"n": 1, "m": 2}], ((), ())),  # numbers are not compared
]


@pytest.mark.parametrize(("scopes", "expected"), GOLDEN)
def test_golden(scopes: list[dict[str, Any]], expected: tuple[Any, Any]) -> None:
    r = relations(scopes)
    assert (r["apart"], r["together"]) == expected


# Pairs sharing a part in every call of three or more, a part that varied (``sharing``).
SHARING = [
    # A version's major against the one the user runs.
    ([{"run": "3.2.1", "new": "3.15.0"}, {"run": "5.0.2", "new": "5.9.9"}, {"run": "1.2.0", "new": "1.3.3"}],
     (("run", "new"),)),
    # A customer's region and the region word of the export host's name.
    ([{"region": "EU", "host": "exp-01.eu.corp.example"}, {"region": "US", "host": "exp-12.us.corp.example"},
      {"region": "EU", "host": "exp-33.eu.corp.example"}], (("region", "host"),)),
    # The same first part in every call (a constant "10" of two addresses): no relation shown.
    ([{"a": "10.1.2.3", "b": "10.9.9.9"}, {"a": "10.4.4.4", "b": "10.7.7.7"}, {"a": "10.0.0.1", "b": "10.3.3.3"}], ()),
    # Two calls are too few; a number alone is no part word.
    ([{"run": "3.2.1", "new": "3.15.0"}, {"run": "5.0.2", "new": "5.9.9"}], ()),
    ([{"n": "3", "id": "INV-3-A"}, {"n": "4", "id": "INV-4-B"}, {"n": "5", "id": "INV-5-C"}], ()),
]


@pytest.mark.parametrize(("scopes", "expected"), SHARING)
def test_sharing(scopes: list[dict[str, Any]], expected: tuple[Any, ...]) -> None:
    assert relations(scopes)["sharing"] == expected


def test_a_pair_that_shares_no_part_breaks_what_every_call_showed() -> None:
    from induction.runtime.lookup import broken_sharing

    pairs = (("region", "host"),)
    assert broken_sharing(pairs, {"region": "EU", "host": "exp-07.us.corp.example"}) == ("region", "host")
    assert broken_sharing(pairs, {"region": "EU", "host": "exp-07.eu.corp.example"}) is None
    assert broken_sharing(pairs, {"region": "EU"}) is None


def test_a_new_major_is_not_served_the_upgrade_learnt_within_majors() -> None:
    # Review 23's r23_bare_version_relation in JSON form: the latest release's major always the
    # one the user runs in training; a new major was served the upgrade.
    from evals.builders import stored
    from evals.workflows import ADVERSARIAL
    from evals.workflows.base import iter_records
    from induction.explain import describe
    from induction.induce import induce
    from induction.pipeline import same_answer
    from induction.runtime.compiled import compile_tree

    wf = ADVERSARIAL["version_major_relation"]
    result = induce(stored(list(iter_records(wf.runs(708, 5)))))
    tree = compile_tree(result.nodes)
    served = refused = 0
    for run in wf.runs(709, 40):
        for record in run:
            hit = tree.explain(record["request"]).hit
            served += hit is not None
            if hit is not None:
                assert same_answer(hit.response["choices"][0]["message"], record["response"]["choices"][0]["message"])
            elif "share a part" in (tree.explain(record["request"]).reason or ""):
                refused += 1
    assert served >= 30 and refused
    shown = "\n".join(describe(n, result.notes.get(n.id, [])) for n in result.nodes)
    assert "only while sharing a part" in shown
