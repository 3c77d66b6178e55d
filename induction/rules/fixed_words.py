"""fixed-words: a value equal to a word the templates above fix, which no training value was, is refused.

False hit prevented: "Land merge requests. The legacy project is frozen: never merge there." and
two runs that merged !12 in ``billing`` and !34 in ``web``: the project is a copied value, data,
and "Can you land !56 in legacy?" was served the merge. The prompt names ``legacy``; the word a
policy, a category or an owner singles out is fixed text of the path (the system prompt, a
tool result's structure, the first of two words), and a slot value equal to it for the first
time may be exactly what that text decides on ("Move Ann from Oslo to Oslo": the from-city is
a fixed word of its branch, the to-city a slot). Two or three runs cannot show it; no count of
other values can.

Learning side: ``words_of`` (``induction.runtime.words``) the literal text of each template on a node's path (content and
the name; words of two or more letters, lower case, ``induce.walk``), and ``fixed_words``: for
each variable of letters in scope, the values training saw that were equal to one of those
words (usually none); counted as ``fixed_word_vars``. Request time: ``induction.runtime.words.equal_fixed``
in ``induction.runtime.lookup``: a value equal to a word of the path's templates, other than
those, is a miss. English function words are no fixed words (a user named Will beside "you
will"); a value that names something the text above mentions in passing (a category, a product)
is a miss too, until training shows it: the price of not serving what the text may single out
(a reviewer measured 7-26% of such traps' hits, ``docs/review/traps17``, and nothing on the
project's suites). A value of one token counts its parts between punctuation that are all
letters too (``value_words``): "legacy-app", the "noreply" of "noreply@shop.example" where the
prompt says "never reply to noreply senders", a file's "exe" where it says ".exe goes to
quarantine" (``docs/review/traps22``), and letters before digits ("prod" of "prod9-db-03").
A system prompt's prose counts with its forms (``runtime.words.forms_of``): the singular of a
plural, and a word's first three or four letters ("Contractors need sign-off" for
``@contractor.acme.com``, "external partners" for ``ext-…``, "a prod host" for ``prod9-…``:
review 23's traps in JSON form, 84 false hits over 8 pairs). The price: a value whose part is
a prose word the first time it comes ("search a service's logs" and a ``search-api``, a surname
"tran" beside "transit") is a miss until training shows it (0.2-0.8 points of the realistic
suite, 0.3-0.5 of the default one). Not caught: a multi-word value ("New York"), a word the
prompt does not write ("executables" for ``.ps1``), an abbreviation that is no prefix ("prd").

>>> fixed_words([{"project": "web"}, {"project": "billing"}], frozenset({"legacy", "project"}))
{'project': ()}
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from typing import Any

from induction.rules.copied_affixes import without_affixes
from induction.runtime.affixes import text_of
from induction.runtime.words import (
    FRAGMENT_DIGITS,
    PathWords,
    closer_fragment,
    cuts_of,
    equal_fixed,
    fixed_of,
    near_fragments,
    policy_of,
    value_words,
    words_of,
)

__all__ = ["PathWords", "closer_fragment", "cuts_of", "equal_fixed", "fixed_fragments", "fixed_words", "policy_of", "words_of"]


def fixed_words(scopes: Sequence[Mapping[str, Any]], path_words: Container[str]) -> dict[str, tuple[str, ...]]:
    """For each variable whose values hold letters, the values training saw that were equal to
    a word of ``path_words`` (the request may repeat those; no other).

    >>> fixed_words([{"a": "red", "b": "red", "n": 3}, {"a": "red", "b": "tea"}], frozenset({"red"}))
    {'a': ('red',), 'b': ('red',)}
    """
    out: dict[str, set[str]] = {}
    for scope in scopes:
        for var, value in scope.items():
            if value_words(value):
                out.setdefault(var, set()).update(fixed_of(value, path_words))
    return {var: tuple(sorted(seen)) for var, seen in sorted(out.items())}


def fixed_fragments(scopes: Sequence[Mapping[str, Any]], fragments: Sequence[str]) -> dict[str, dict[str, int]]:
    """For each variable whose every value was text of one token or digits alone (no other
    number, date, clock time or timestamp: their ranges and orders are what may decide), per fragment of the text above
    (``PathWords.fragments``: "10.50.0.0/16", "00:50:56") the longest prefix ending at a part's
    end one of its values shared with it. A request's value that shares a longer one (a host in
    10.50.x.x where every training host was in other subnets of 10.x) is closer to what the text
    names than training ever was: it may be what the text singles out.

    >>> fixed_fragments([{"host": "10.12.0.9", "n": 3}, {"host": "10.7.1.1", "n": 4}], ("10.50.0.0/16",))
    {'host': {'10.50.0.0/16': 2}}
    >>> fixed_fragments([{"host": "10.12.0.9"}], ())
    {}
    """
    if not fragments:
        return {}
    out: dict[str, dict[str, int]] = {}
    skip: set[str] = set()
    for scope in scopes:
        for var, value in scope.items():
            if var in skip:
                continue
            text = text_of(value)
            # Ids of digits are checked (an account the prompt names), other numbers not.
            digits_id = text is not None and len(text) >= FRAGMENT_DIGITS and text.isdigit()
            if not text or (without_affixes(text) and not digits_id):
                skip.add(var)
                out.pop(var, None)
                continue
            near = out.setdefault(var, {})
            for fragment, n in near_fragments(value, fragments).items():
                near[fragment] = max(near.get(fragment, 0), n)
    return {var: out[var] for var in sorted(out)}
