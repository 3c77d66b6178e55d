"""Golden pairs of ``induction.rules.verify_apart``: a cluster's store nodes in, its key out."""

import pytest

from induction.hashing import digest
from induction.rules.verify_apart import cluster_key

GOLDEN = [
    (["b", "a"], digest(b"a\x00b")),  # order does not matter: the same cluster in every pass
    (["a"], digest(b"a")),
    (["n2", "n1", "n3"], digest(b"n1\x00n2\x00n3")),
]


@pytest.mark.parametrize(("nodes", "expected"), GOLDEN)
def test_golden(nodes: list[str], expected: str) -> None:
    assert cluster_key(nodes) == expected
