"""enum-values: a few repeated words are a status, and a status may decide the branch.

False hit prevented: the answer learned for ``active`` served for ``inactive`` (an order
"shipped" answered with the tracking call an order "cancelled" must not get). A value that
varies across runs in a small, repeating vocabulary is structure: the cluster is split by it
and each value keeps its own answer. Guards ``code_behind_enum``, ``http_status_route``,
``priority_route``, ``emoji_status_vs16`` and the default suite's ``order_branch``.

Learning side: ``is_enum`` on the gap's whole tokens (``induction.rules.coarsening``);
evidence may still free it (``induction.rules.structure_evidence``). Counted as
``enum_gaps`` (per gap kept as structure) and ``structure_splits`` (per split). Request
time: none of its own: each value is literal text of its own template.

>>> is_enum(Gap(0, ["open", "closed", "open"], "content", "")), is_enum(Gap(0, ["Emily", "Noah"], "content", ""))
(True, False)
"""

from __future__ import annotations

import re

from induction.identifier import Gap
from induction.tokens import recognise

ENUM_VOCABULARY = 8  # distinct values a repeated lower-case status may have whatever the run count
_ENUM = re.compile(r"[A-Za-z_][A-Za-z_ -]{0,23}\Z")


def is_enum(gap: Gap) -> bool:
    """Few repeated one- or two-word values: a status or a choice, i.e. structure.

    >>> is_enum(Gap(0, [True, False, True], "call[0].flag", "")), is_enum(Gap(0, ["Bo", "Al", "Bo"], "content", ""))
    (True, True)
    """
    vals = gap.values
    if any(isinstance(v, bool) for v in vals):
        return len(set(vals)) < len(vals)
    if not all(isinstance(v, str) and _ENUM.match(v) and recognise(v) is None for v in vals):
        return False
    distinct = len(set(vals))
    if distinct == len(vals):
        return False
    if all(v[:1].isupper() and any(c.islower() for c in v) for v in vals):
        # Names (Emily, Price): two runs sharing one by chance among eight do not make
        # names a status; a choice among capitalised words repeats more than that.
        return distinct <= max(2, len(vals) // 2)
    # Lower-case words (open, new, pending): a status vocabulary is small, so with few
    # runs any repeat is one; with many, a value set that keeps growing is data.
    return distinct <= max(ENUM_VOCABULARY, len(vals) // 2)
