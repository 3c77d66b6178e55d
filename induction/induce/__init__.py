"""Tree induction: recorded runs in, template nodes out.

Walks the store's prefix tree top-down. At each template node, the children of
all its members (the store nodes it stands for) are grouped by skeleton and
clustered; each cluster becomes one template (Identifier -> Namer -> Arranger
-> Deriver), its members' bindings are extended, and the node's **response**
is induced from the calls answered at its members:

- one answer template for all members, every slot a variable in scope or a
  verified derivation of them -> the node answers (live once ``min_runs``
  calls agree, else staged);
- answers that differ in structure (a branch) or need values from thin air ->
  the node is uncacheable for new values; if the node's own new variables
  decide it, the cluster is split by their values (each value becomes
  structure) and induced again;
- a gap with a few repeated one-word values (``active``/``inactive``) that no
  later message explains is branching data: the cluster is split by it.

The rules that keep false hits out (what is structure, what an answer may serve, what
the runtime must check) live one per module in ``induction.rules``, listed in order in
``induction.rules.RULES``; this package walks the tree and applies them, counting each in
``InductionResult.stats`` and naming it in every note of a split, a staged or an
uncacheable verdict (``[rule: thin-air]``).

The package, in the order of the walk: ``store_tree`` (the records as a prefix tree and
what follows a node), ``clusters`` (siblings grouped into clusters of one template),
``naming`` (gaps named, templates rendered), ``answers`` (a node's answer and status, unread
numbers weighed), ``structure`` (what varies weighed as structure or data, the judge, the
splits by answer or by the deciding value), ``walk`` (``Inducer``: each cluster made a node
step by step, ``_make``),
``model`` (the records they pass: ``Work``, ``Context``, ``InductionResult``).

Everything here is deterministic and offline; the LLM backend plugs in through
the stage protocols of ``induction.backends`` (a Deriver and a Namer).
"""

from __future__ import annotations

from collections.abc import Iterable

from induction.backends import Deriver, Stages, make_stages
from induction.config import InductionConfig
from induction.induce.model import InductionResult
from induction.induce.walk import Inducer
from induction.store import StoredRecord

__all__ = ["Inducer", "InductionResult", "induce"]


def induce(records: Iterable[StoredRecord], config: InductionConfig | None = None,
           deriver: Deriver | None = None, stages: Stages | None = None,
           keep_apart: Iterable[str] = ()) -> InductionResult:
    """Induce template nodes from stored records.

    ``stages``: use these (the caller owns and closes them); else ``make_stages(config)`` is
    built for ``config.backend`` and closed when induction ends.

    >>> from evals.builders import hello_records
    >>> result = induce(hello_records(["Erik", "Maria", "Kwame"]))
    >>> [str(n.template.content) for n in result.nodes]
    ['You greet people politely.', 'Say hello to {{name:word}}.', 'Hello, {{name:word}}!']
    >>> str(result.nodes[1].response.message.content), result.nodes[1].status
    ('Hello, {{name_2:word}}!', 'live')
    """
    config = config or InductionConfig()
    if stages is not None:
        return Inducer(records, config, stages, deriver, keep_apart).run()
    with make_stages(config) as own:
        return Inducer(records, config, own, deriver, keep_apart).run()
