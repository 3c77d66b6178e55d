"""unused-prose: wordy text no later model output uses is another instruction, not data.

False hit prevented: the answer to "Summarise this in French" served for "Summarise this
in German", or one persona's reply for another's: natural-language values (no recognised
type, no digit) that no later answer copies are what the model was told, so they are
structure. Guards ``second_sentence`` (a known limit) and the default suite's ``haiku`` and
``review_reply``.

Learning side: ``wordy`` and ``used_later`` (a word of each member's value in a later model
output under it: copied, it is data; ``later_texts`` is read lazily); evidence may still free the gap
(``induction.rules.structure_evidence``). Counted as ``prose_gaps`` (per gap kept as
structure). Request time: none of its own.

>>> wordy(Gap(0, ["in French", "in German"], "content", "")), wordy(Gap(0, ["in 2 words", "x"], "content", ""))
(True, False)
>>> used_later(["Erik", "Maria"], ["hello, erik!", "hi maria"]), used_later(["Erik"], ["hello!"])
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from induction.identifier import Gap
from induction.tokens import recognise

_WORD = re.compile(r"[a-z0-9]+")


def wordy(gap: Gap) -> bool:
    """Natural-language values (no recognised type, no digits): instructions look like this."""
    return all(isinstance(v, str) and recognise(v) is None and any(c.isalpha() for c in v)
               and not any(c.isdigit() for c in v) for v in gap.values)


def whole_list(gap: Gap) -> bool:
    """A gap over whole JSON lists of different lengths (search results, a page of items):
    what an answer makes of a list is not visible in its text, so it is weighed like prose,
    structure until evidence (``structure-evidence``) says the runs went on alike whatever
    the list; an empty list ("[]") is a short code and always structure.

    The rest of lists after their first item (``induction.json_align``: ``]`` for a list of
    one, ``, {...}]`` for longer ones) is weighed the same way, and so is a block of lines of
    a plain-text result (``induction.line_blocks``).

    >>> whole_list(Gap(0, ['[{"id": 1}]', '[{"id": 1}, {"id": 2}]'], "content", "")), whole_list(Gap(0, ["a", "b"], "content", ""))
    (True, False)
    >>> whole_list(Gap(0, [']', ', {"id": 2}]'], "content", "", path="$.items[1:]"))
    True
    """
    return gap.block or gap.path.endswith("[1:]") or all(isinstance(v, str) and v[:1] == "[" and v[-1:] == "]" for v in gap.values)


def used_later(values: Sequence[Any], later_texts: Iterable[str]) -> bool:
    """Whether each value's words (2+ characters, lower case) show in the lower-cased text of
    the model outputs later in its own run (``later_texts``, one per value)."""
    for value, later in zip(values, later_texts, strict=True):
        words = {w for w in _WORD.findall(str(value).lower()) if len(w) >= 2}
        if not words or not any(w in later for w in words):
            return False
    return True
