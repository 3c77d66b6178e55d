"""Line-by-line alignment of plain-text tool results whose lines differ in number.

Word by word, two stock reports with two and four table rows, two pages with five and seven
navigation links, share no structure: the word aligner needs every gap filled in every text.
Line by line they do. Each line is keyed by its words (digits and recognised values such as
ids, amounts and dates masked, so ``[6999] link 'Home'`` and ``[7012] link 'Home'`` agree),
the texts' keys are aligned on their common subsequence, and the lines every text has are
*anchors*. Between two anchors, where the texts hold different numbers of lines, the lines are
one value, a **block** (``BLOCK`` gaps); the rest is aligned word by word as any text is, so
an anchor's own ids and counts are gaps of their own. Where a stretch between anchors is empty
in some texts and not in others, the anchor after it is dropped and the stretches joined (a
chance anchor, a navigation link every training page happened to have, would otherwise leave
an empty gap). With no anchor left, or none besides blank lines, there is no alignment.

A block is what no single line's alignment can check, so it is weighed as a whole list is
(``induction.rules.unused_prose.whole_list``) and its lines checked at request time
(``induction.rules.line_blocks``).

>>> a, blocks = align_blocks(["Stock for 1\\n| x | 1 |\\nTotal: 1", "Stock for 2\\n| y | 2 |\\n| z | 3 |\\nTotal: 5"])
>>> a.parts, blocks
(['Stock for ', 0, '\\n', 1, '\\nTotal: ', 2], {1})
>>> a.values[1]
['| x | 1 |', '| y | 2 |\\n| z | 3 |']
>>> align_blocks(["a\\nb", "a\\nc"]) is None  # as many lines: the word aligner's business
True
"""

from __future__ import annotations

import re

from induction.align import Aligned, _all_positions, _common, align
from induction.tokens import recognise, tokenize

# Marks a block's place while the rest is aligned word by word: a character no text holds.
_MARK = "\x00"
_MARKED = re.compile(_MARK + r"B(\d+)" + _MARK)


def line_key(line: str) -> str:
    """A line with its digit-bearing tokens and recognised values masked: lines of one place
    in two results share it.

    >>> line_key("\\t[6999] link 'Home'") == line_key("\\t[12] link 'Home'"), line_key("Total: $5")
    (True, 'Total: \\x01')
    """
    return "".join("\x01" if any(c.isdigit() for c in t) or recognise(t) is not None else t
                   for t in tokenize(line))


def align_blocks(texts: list[str]) -> tuple[Aligned, set[int]] | None:
    """The texts aligned with their blocks of lines as gaps (and the blocks' gap indices), or
    None where they hold as many lines each, share no anchor line, or do not align around
    their blocks."""
    lines = [t.split("\n") for t in texts]
    if len({len(ls) for ls in lines}) == 1:
        return None
    keys = [[line_key(x) for x in ls] for ls in lines]
    common = _common(keys)
    while True:
        if not any(k.strip() for k in common):
            return None
        positions = _all_positions(common, keys)
        if positions is None:
            return None
        stretches = _stretches(len(common), positions, [len(ls) for ls in lines])
        mixed = next((k for k, spans in enumerate(stretches)
                      if any(a == b for a, b in spans) and any(a != b for a, b in spans)), None)
        if mixed is None:
            break
        # Empty in some texts: join it with the next stretch (the last: with the one before).
        common = common[:mixed] + common[mixed + 1:] if mixed < len(common) else common[:-1]
    blocks = [k for k, spans in enumerate(stretches) if len({b - a for a, b in spans}) > 1]
    if not blocks:
        return None
    marked = []
    for ls, spans_of in zip(lines, zip(*(stretches[k] for k in blocks), strict=True), strict=True):
        out: list[str] = []
        at = 0
        for n, (a, b) in enumerate(spans_of):
            out.extend(ls[at:a])
            out.append(f"{_MARK}B{n}{_MARK}")
            at = b
        out.extend(ls[at:])
        marked.append("\n".join(out))
    rest = align(marked)
    if rest is None:
        return None
    parts: list[str | int] = []
    values: list[list[str]] = []
    gaps: set[int] = set()
    for p in rest.parts:
        if isinstance(p, int):
            parts.append(len(values))
            values.append(rest.values[p])
            continue
        pieces = _MARKED.split(p)
        for i, piece in enumerate(pieces):
            if i % 2 == 0:
                if piece:
                    parts.append(piece)
                continue
            n = int(piece)
            k = blocks[n]
            gaps.add(len(values))
            parts.append(len(values))
            values.append(["\n".join(ls[a:b]) for ls, (a, b) in zip(lines, stretches[k], strict=True)])
    if len(gaps) != len(blocks) or any(_MARK in v for vs in values for v in vs):
        return None  # a mark fell inside a gap: the texts do not align around their blocks
    return Aligned(parts=parts, values=values), gaps


def _stretches(n: int, positions: list[list[int]], sizes: list[int]) -> list[list[tuple[int, int]]]:
    """Per stretch k (before anchor k; k == n: after the last), each text's [start, end) lines."""
    out = []
    for k in range(n + 1):
        spans = []
        for pos, size in zip(positions, sizes, strict=True):
            start = pos[k - 1] + 1 if k > 0 else 0
            end = pos[k] if k < n else size
            spans.append((start, end))
        out.append(spans)
    return out
