"""verify-apart: a merged node that answered one of its training calls wrongly is induced apart.

False hit prevented: every training call is replayed through the compiled tree
(``induction.pipeline``); a merged node that would answer one of them differently (a rival's
disagreement masked it, two clusters came out as one template) is induced again with its
messages apart (``keep_apart``: its cluster key), and what still fails is demoted. It sets no
trap of its own: it is the last line behind every other rule, for every workflow.

Learning side: ``cluster_key`` (stable across passes: the cluster's store nodes, not the
template id a Namer chose); counted as ``verify_splits``. Request time: none of its own.

>>> cluster_key(["b", "a"]) == cluster_key(["a", "b"]) != cluster_key(["a"])
True
"""

from __future__ import annotations

from collections.abc import Iterable

from induction.hashing import digest


def cluster_key(store_nodes: Iterable[str]) -> str:
    """The cluster by its members (content addresses)."""
    return digest("\x00".join(sorted(store_nodes)).encode())
