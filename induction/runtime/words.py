"""Words a template fixes, for the request-time check of the fixed-words rule.

>>> words_of_text("The legacy project is frozen: never merge there.") >= {"legacy", "frozen"}
True
>>> equal_fixed({"project": ()}, {"project": "Legacy"}, frozenset({"legacy"}))
('project', 'Legacy')
>>> equal_fixed({"project": ()}, {"project": "search"}, frozenset({"legacy"})) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from typing import Any

from induction.runtime.template import MessageTemplate

_WORD = re.compile(r"[^\W\d_]{2,}")
# English function words: a user named Will or May, a country code "us" or "no", is no word a
# policy singles out ("you will", "we may"); checked, they cost hits on ordinary traffic and
# caught no false hit in a reviewer's traps (docs/review/traps17).
FUNCTION_WORDS = frozenset((
    "a", "an", "the", "and", "or", "but", "if", "in", "on", "at", "to", "of", "for", "by", "as", "is", "it",
    "its", "us", "we", "you", "your", "he", "she", "they", "them", "me", "my", "our", "no", "not", "so", "do",
    "be", "am", "are", "was", "were", "will", "may", "can", "might", "must", "shall", "would", "could",
    "should", "up", "all", "any", "this", "that", "these", "those", "there", "here", "what", "which", "who",
    "how", "when", "where", "with", "from", "into", "out", "than", "then", "too", "very", "just", "also",
    "one",
))


def words_of_text(text: str) -> frozenset[str]:
    """The words (two letters or more, lower case) of a text, function words left out.

    >>> sorted(words_of_text("Refund orders over $500, except VIP ones: you will see."))
    ['except', 'ones', 'orders', 'over', 'refund', 'see', 'vip']
    """
    return frozenset(w.lower() for w in _WORD.findall(text)) - FUNCTION_WORDS


def words_of(template: MessageTemplate) -> frozenset[str]:
    """The words of a template's literal text: its content's fixed parts and its name."""
    parts = [p for p in template.content.parts if isinstance(p, str)] if template.content is not None else []
    if template.name:
        parts.append(template.name)
    return words_of_text(" ".join(parts))


class PathWords:
    """The words of the templates on a path, kept template by template: a long system prompt's
    words are one set shared by every node below it, not copied into each.

    >>> "legacy" in PathWords((frozenset({"legacy"}), frozenset({"merge"}))), "web" in PathWords(())
    (True, False)
    """

    __slots__ = ("sets",)

    def __init__(self, sets: tuple[frozenset[str], ...]) -> None:
        self.sets = sets

    def __contains__(self, word: object) -> bool:
        return any(word in s for s in self.sets)

    def below(self, words: frozenset[str]) -> PathWords:
        """These words and ``words`` (a template's below the path)."""
        return PathWords((*self.sets, words) if words else self.sets)


def word_key(value: Any) -> str | None:
    """A value as a word to compare (lower case, trimmed), or None: a number, a boolean, text
    without a letter.

    >>> word_key(" Legacy "), word_key("42"), word_key(7)
    ('legacy', None, None)
    """
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    return text if text and any(c.isalpha() for c in text) else None


def equal_fixed(fixed: Mapping[str, tuple[str, ...]], scope: Mapping[str, Any],
                path_words: Container[str]) -> tuple[str, Any] | None:
    """The first checked variable whose value here equals a word of ``path_words`` that no
    training value of it was, with the value; None when there is none."""
    for var, seen in fixed.items():
        key = word_key(scope.get(var))
        if key is not None and key in path_words and key not in seen:
            return var, scope[var]
    return None
