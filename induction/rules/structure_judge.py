"""structure-judge: the StructureJudge (an LLM) says which new values decide the answer.

False hit prevented: what no amount of same-outcome evidence can tell from noise: a
number's parity (``even_or_odd``, ``even_number_label``), a count's plural (``plural_items``),
a time's greeting, an article (``a_or_an``): the known limits of the heuristic rules. Asked
once per template about its new values only (a reference to a variable above was judged
where it was read); it can only add structure, never free it. Only with ``--backend llm``
or ``hybrid`` (``induction.llm_stages.LLMStructureJudge``).

Learning side: ``note`` for the split it causes; counted as ``judge_splits``. Request time:
none of its own.

>>> from induction.identifier import Gap
>>> note([Gap(0, [7, 8], "content", "Is ")], {0: "parity"})
"[rule: structure-judge] kept apart: the judge says the value after 'Is ' decides the answer (parity)"
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from induction.identifier import Gap
from induction.rules import tag


def note(asked: Sequence[Gap], verdict: Mapping[int, str]) -> str:
    """Why a cluster was kept apart by the judge, for ``rote explain``."""
    return f"{tag('structure-judge')} kept apart: the judge says the value after " + "; after ".join(
        f"{g.before[-30:]!r} decides the answer ({verdict[g.gid]})" for g in asked if g.gid in verdict)
