"""Laying out a bindings DAG for SVG: variables in columns by derivation depth.

>>> boxes, edges, w, h = layout(["full_name", "first"], [("full_name", "first")])
>>> [(b.name, b.column) for b in boxes], len(edges)
([('full_name', 0), ('first', 1)], 1)
"""

from __future__ import annotations

from dataclasses import dataclass

BOX_W, BOX_H, GAP_X, GAP_Y, PAD = 170, 30, 70, 16, 10


@dataclass(frozen=True, slots=True)
class Box:
    name: str
    column: int
    x: int
    y: int
    derived: bool

    @property
    def label(self) -> str:
        return self.name if len(self.name) <= 22 else self.name[:21] + "…"


@dataclass(frozen=True, slots=True)
class Edge:
    x1: int
    y1: int
    x2: int
    y2: int


def layout(names: list[str], edges: list[tuple[str, str]]) -> tuple[list[Box], list[Edge], int, int]:
    """(boxes, edges, width, height): read variables in column 0, each derived one right of its inputs."""
    args: dict[str, list[str]] = {}
    for a, b in edges:
        args.setdefault(b, []).append(a)
    column: dict[str, int] = {}

    def col(n: str, seen: frozenset[str] = frozenset()) -> int:
        if n not in column:
            column[n] = 0 if n in seen or n not in args else 1 + max(col(a, seen | {n}) for a in args[n])
        return column[n]

    rows: dict[int, int] = {}
    boxes: dict[str, Box] = {}
    for n in names:
        c = col(n)
        r = rows.get(c, 0)
        rows[c] = r + 1
        boxes[n] = Box(n, c, PAD + c * (BOX_W + GAP_X), PAD + r * (BOX_H + GAP_Y), n in args)
    lines = [Edge(boxes[a].x + BOX_W, boxes[a].y + BOX_H // 2, boxes[b].x, boxes[b].y + BOX_H // 2)
             for a, b in edges if a in boxes and b in boxes]
    width = PAD * 2 + (max(rows, default=0) + 1) * (BOX_W + GAP_X) - GAP_X
    height = PAD * 2 + max(rows.values(), default=0) * (BOX_H + GAP_Y) - GAP_Y
    return list(boxes.values()), lines, max(width, 0), max(height, 0)
