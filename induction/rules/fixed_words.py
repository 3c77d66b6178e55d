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
project's suites). Not caught: a multi-word, hyphenated or digit-bearing value ("legacy-app",
"New York", "v1") and another form of the word (battery / batteries).

>>> fixed_words([{"project": "web"}, {"project": "billing"}], frozenset({"legacy", "project"}))
{'project': ()}
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from typing import Any

from induction.runtime.words import PathWords, equal_fixed, word_key, words_of

__all__ = ["PathWords", "equal_fixed", "fixed_words", "words_of"]


def fixed_words(scopes: Sequence[Mapping[str, Any]], path_words: Container[str]) -> dict[str, tuple[str, ...]]:
    """For each variable whose values hold letters, the values training saw that were equal to
    a word of ``path_words`` (the request may repeat those; no other).

    >>> fixed_words([{"a": "red", "b": "red", "n": 3}, {"a": "red", "b": "tea"}], frozenset({"red"}))
    {'a': ('red',), 'b': ('red',)}
    """
    out: dict[str, set[str]] = {}
    for scope in scopes:
        for var, value in scope.items():
            key = word_key(value)
            if key is not None:
                seen = out.setdefault(var, set())
                if key in path_words:
                    seen.add(key)
    return {var: tuple(sorted(seen)) for var, seen in sorted(out.items())}
