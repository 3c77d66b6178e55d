"""``difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()``, the same
blocks, computed without difflib when the two token lists differ only in tokens of their own.

Alignment (``induction.align``) compares texts that mostly share one structure: two log
lines of one event differ in a few values (an id, a host name), and nowhere else. Then every
token that one list has and the other lacks sits between the tokens both share, and difflib's
answer can be read off that layout: its matching blocks are the runs of shared tokens. When
the layout is not that simple, difflib runs as before.

>>> a = "uid = 10037 , pid = 2227".split()
>>> b = "uid = 10040 , pid = 1999".split()
>>> matching_blocks(a, b)
[(0, 0, 2), (3, 3, 3), (7, 7, 0)]
>>> matching_blocks(a, b) == slow_blocks(a, b)
True

Why the blocks are difflib's. difflib takes the longest block the two lists share (of those,
the one that starts first in ``a``, then first in ``b``), then does the same on either side
of it. Call a token of ``a`` that ``b`` lacks, or of ``b`` that ``a`` lacks, an *own* token,
and say that without their own tokens the two lists are equal. A block never holds an own
token. Cut the shared tokens into *runs*, stretches contiguous in both lists: between two
runs, one list or both have own tokens. If one list has own tokens between every two runs, a
block lies within one run on that side, so the longest blocks are as long as the longest
run, L, and hold the tokens of a run of length L. difflib takes the one whose tokens stand
first in ``a``, where they first stand in ``b``: a run of length L at its own place in both
lists, unless those tokens also stand earlier, straddling two runs where a list has no own
tokens between them. ``_runs_chosen`` checks that box by box with ``str.find`` (each token
one character). Two layouts need no check: own tokens on both sides between every two runs
(nothing can straddle), and each run's tokens standing first at its own place in both lists
(nothing earlier to find). When the check fails, difflib's answer is another: difflib runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import Match, SequenceMatcher


def slow_blocks(a: Sequence[str], b: Sequence[str]) -> list[Match]:
    """difflib's matching blocks (no junk: every token counts)."""
    return SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()


def matching_blocks(a: Sequence[str], b: Sequence[str]) -> Sequence[tuple[int, int, int]]:
    """``slow_blocks(a, b)`` (as plain tuples when read off the runs of shared tokens).

    >>> matching_blocks(["x", "1", "y"], ["x", "2", "y"])
    [(0, 0, 1), (2, 2, 1), (3, 3, 0)]
    """
    runs = _runs(a, b)
    if runs is None:
        return slow_blocks(a, b)
    runs.append((len(a), len(b), 0))
    return runs


def _runs(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int, int]] | None:
    """The runs of shared tokens as difflib's blocks (``a`` start, ``b`` start, length), or
    None when the layout does not settle them (see the module docstring)."""
    in_a, in_b = set(a), set(b)
    pa = [i for i, t in enumerate(a) if t in in_b]
    pb = [j for j, t in enumerate(b) if t in in_a]
    if len(pa) != len(pb) or [a[i] for i in pa] != [b[j] for j in pb]:
        return None  # shared tokens in another order, or not as often: difflib decides
    if not pa:
        return []
    runs: list[tuple[int, int, int]] = []
    own_a = own_b = True  # own tokens of a (of b) between every two runs
    i0, j0, n = pa[0], pb[0], 1
    prev_i, prev_j = i0, j0
    for i, j in zip(pa[1:], pb[1:], strict=True):
        if i == prev_i + 1 and j == prev_j + 1:
            n += 1
        else:
            runs.append((i0, j0, n))
            own_a = own_a and i > prev_i + 1
            own_b = own_b and j > prev_j + 1
            i0, j0, n = i, j, 1
        prev_i, prev_j = i, j
    runs.append((i0, j0, n))
    if len(runs) == 1 or (own_a and own_b):
        return runs  # no block straddles two runs on either side: difflib takes them in turn
    if not (own_a or own_b):
        return None  # a block could straddle two runs on both sides: difflib decides
    code: dict[str, str] = {}
    sa = "".join([code.setdefault(t, chr(len(code))) for t in a])
    sb = "".join([code.setdefault(t, chr(len(code))) for t in b])
    # Usually each run's tokens stand first at its own place in both lists; then wherever
    # difflib looks, the first place it finds is a run's own: no need to follow it box by box.
    if all(sa.find(sa[i:i + n]) == i and sb.find(sa[i:i + n]) == j for i, j, n in runs):
        return runs
    return runs if _runs_chosen(sa, sb, runs, 0, len(runs), 0, len(sa), 0, len(sb)) else None


def _runs_chosen(sa: str, sb: str, runs: list[tuple[int, int, int]], lo: int, hi: int,
                 alo: int, ahi: int, blo: int, bhi: int) -> bool:
    """Whether difflib, on ``sa[alo:ahi]`` and ``sb[blo:bhi]`` (which hold ``runs[lo:hi]``
    whole, and own tokens), takes exactly those runs as its blocks.

    >>> _runs_chosen("ab1ab", "ab2ab", [(0, 0, 2), (3, 3, 2)], 0, 2, 0, 5, 0, 5)
    True
    >>> runs = [(0, 0, 1), (2, 1, 1), (4, 3, 2)]  # a, b, ab: "ab" stands first at 0 in b
    >>> _runs_chosen("a1b2ab", "ab3ab", runs, 0, 3, 0, 6, 0, 5)
    False
    """
    while lo < hi:
        longest = max(n for _, _, n in runs[lo:hi])
        # Where the tokens of a longest run first stand in a: difflib's block starts there.
        first = min(sa.find(sa[i:i + n], alo, ahi) for i, _, n in runs[lo:hi] if n == longest)
        k = next((k for k in range(lo, hi) if runs[k][0] == first and runs[k][2] == longest), None)
        if k is None:
            return False  # straddling two runs in a
        i, j, n = runs[k]
        if sb.find(sa[i:i + n], blo, bhi) != j:
            return False  # the same tokens earlier in b
        if not _runs_chosen(sa, sb, runs, lo, k, alo, i, blo, j):
            return False
        lo, alo, blo = k + 1, i + n, j + n  # the right-hand side, without recursing
    return True
