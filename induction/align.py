"""Token-wise alignment of several texts into literal runs and gaps (what varies).

As log-template miners do, the texts of a cluster are aligned on their common
token subsequence; the stretches between common tokens are gaps, which become
slots. Tiny literal runs stranded between two gaps (a space, a comma, one
word such as "and" inside company names) are folded into one gap: they are
part of the values, not structure.

>>> a = align(["Say hello to Erik.", "Say hello to Maria.", "Say hello to Kwame."])
>>> a.parts, a.values
(['Say hello to ', 0, '.'], [['Erik', 'Maria', 'Kwame']])
>>> align(["Pay Wood and Sons now", "Pay Acme Inc now"]).values
[['Wood and Sons', 'Acme Inc']]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from induction.blocks import matching_blocks
from induction.tokens import tokenize

Tokenizer = Callable[[str], list[str]]


@dataclass(frozen=True, slots=True)
class Aligned:
    """``parts``: literal strings and gap indices; ``values[g][m]``: gap g's text in member m."""

    parts: list[str | int]
    values: list[list[str]]

    @property
    def n_gaps(self) -> int:
        return len(self.values)

    def literal_chars(self) -> int:
        return sum(len(p) for p in self.parts if isinstance(p, str))


def _common(seqs: list[list[str]]) -> list[str]:
    common = seqs[0]
    for other in seqs[1:]:
        common = [t for i, _, n in matching_blocks(common, other) for t in common[i:i + n]]
        if not common:
            break
    return common


def _positions(common: list[str], seq: list[str]) -> list[int] | None:
    pos: list[int] = []
    for i, j, n in matching_blocks(common, seq):
        if n and i != len(pos):
            return None  # a common token left unmatched: no consistent alignment
        pos.extend(range(j, j + n))
    return pos if len(pos) == len(common) else None


def _all_positions(common: list[str], seqs: list[list[str]]) -> list[list[int]] | None:
    out = []
    for seq in seqs:
        p = _positions(common, seq)
        if p is None:
            return None
        out.append(p)
    return out


def _stranded(tokens: list[str]) -> bool:
    """A literal run too small to be structure when it sits between two gaps: bare
    whitespace (the space inside "Wood and Sons" that happened to align)."""
    # Two spaces or a tab between values are a column's edge (a table row's "4880  12.3"): kept.
    return all(t.isspace() for t in tokens) and not any("\t" in t or "  " in t for t in tokens)


def align(texts: list[str], tokenizer: Tokenizer = tokenize) -> Aligned | None:
    """Align texts; None when they do not share one structure (a gap empty in some
    members but not others, or common tokens in different orders). ``tokenizer``:
    how texts are cut into tokens (``induction.tokens.json_tokenize`` for JSON)."""
    # Runs repeat values: align each distinct text once, then map back to members.
    unique = list(dict.fromkeys(texts))
    if len(unique) < len(texts):
        a = _align(unique, tokenizer)
        if a is None:
            return None
        at = {t: i for i, t in enumerate(unique)}
        return Aligned(parts=a.parts, values=[[vals[at[t]] for t in texts] for vals in a.values])
    return _align(texts, tokenizer)


SAMPLE = 12


@lru_cache(maxsize=1 << 15)
def _tokens(text: str, tokenizer: Tokenizer) -> list[str]:
    """``tokenizer(text)``, remembered: clustering aligns each message with several
    candidates, and a cluster's first member with every message that tries it. Callers
    only read the list."""
    return tokenizer(text)


def _align(texts: list[str], tokenizer: Tokenizer = tokenize) -> Aligned | None:
    seqs = [_tokens(t, tokenizer) for t in texts]
    # The common tokens of a spread-out sample usually are those of all members;
    # if a member disagrees, fall back to the full reduction.
    step = max(1, len(seqs) // SAMPLE)
    common = _common(seqs[::step])
    positions = _all_positions(common, seqs)
    if positions is None and step > 1:
        common = _common(seqs)
        positions = _all_positions(common, seqs)
    if len({len(s) for s in seqs}) == 1:
        # Texts of as many tokens align position by position (as a log-template miner groups
        # lines of one length): mapped member by member, a shared token that is also a value
        # ("0" in "ts 14 0 4" and "ts 0 0 4") lands on whichever copy comes first. Only where
        # that keeps every word the subsequence shares: values that happen to fill as many
        # tokens ("['MIT', 'Harvard University']" beside "['CMU', 'apple store']") share spaces
        # by position but not their separators, and key=value fields shifted by an optional one
        # ("a=1 plan=x topic=y" / "a=1 topic=y channel=x") their "=" signs but not their keys.
        diagonal = [i for i in range(len(seqs[0])) if all(s[i] == seqs[0][i] for s in seqs)]
        shared = Counter(t for t in common if not t.isspace())
        if not shared - Counter(seqs[0][i] for i in diagonal if not seqs[0][i].isspace()):
            common = [seqs[0][i] for i in diagonal]
            positions = [diagonal] * len(seqs)
    if positions is None:
        return None
    # Cut points: gap k sits before common token k (k == len(common): after the last).
    n = len(common)
    gap_at: list[bool] = []
    for k in range(n + 1):
        spans = []
        for seq, pos in zip(seqs, positions, strict=True):
            start = pos[k - 1] + 1 if k > 0 else 0
            end = pos[k] if k < n else len(seq)
            spans.append(end - start)
        if any(spans) and not all(spans):
            return None
        gap_at.append(all(spans))
    # Runs of literal tokens between gaps; fold stranded runs into the gaps around them.
    runs: list[tuple[int, int]] = []  # [start, end) over common indices
    k = 0
    while k < n:
        j = k + 1
        while j < n and not gap_at[j]:
            j += 1
        runs.append((k, j))
        k = j
    keep = [not (gap_at[a] and gap_at[b] and _stranded(common[a:b])) for a, b in runs]
    parts: list[str | int] = []
    values: list[list[str]] = []
    gap_open = False
    # Walk: gap before run i is gap_at[run.start]; after the last run, gap_at[n].
    boundaries: list[tuple[int, int, bool]] = [(a, b, kp) for (a, b), kp in zip(runs, keep, strict=True)]
    member_gap_start: list[int] = [0] * len(seqs)
    for idx, (a, b, kp) in enumerate(boundaries):
        gap_before = gap_at[a]
        if kp:
            if gap_before or gap_open:
                _close_gap(seqs, positions, member_gap_start, a, parts, values)
            parts.append("".join(common[a:b]))
            gap_open = False
            for m, pos in enumerate(positions):
                member_gap_start[m] = pos[b - 1] + 1
        else:
            if not gap_open and not gap_before:
                for m, pos in enumerate(positions):
                    member_gap_start[m] = pos[a]
            gap_open = True
        del idx
    if gap_at[n] or gap_open:
        _close_gap(seqs, positions, member_gap_start, n, parts, values)
    return Aligned(parts=_merge_literals(parts), values=values)


def _close_gap(seqs: list[list[str]], positions: list[list[int]], starts: list[int], k: int,
               parts: list[str | int], values: list[list[str]]) -> None:
    vals = []
    for seq, pos, start in zip(seqs, positions, starts, strict=True):
        end = pos[k] if k < len(pos) else len(seq)
        vals.append("".join(seq[start:end]))
    parts.append(len(values))
    values.append(vals)


def _merge_literals(parts: list[str | int]) -> list[str | int]:
    out: list[str | int] = []
    for p in parts:
        if isinstance(p, str) and out and isinstance(out[-1], str):
            out[-1] += p
        elif p != "":
            out.append(p)
    return out
