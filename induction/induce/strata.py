"""What a cluster split by a deciding value hands its parts: the wider skeleton and the evidence
of the other values, pooled over the parts.

A cluster of five tool results split by a deploy's ``state`` leaves parts of two runs. Each
part aligned on its own turns into literal text whatever its two runs happened to share (both
in ``us-east-1``), and weighs its values on two runs: every value is "too thin to tell". But
the five runs were aligned together, and within each part the runs went on alike whatever
those values were: the parts keep the wider skeleton (``Strata.restrict``), and a value's
evidence is what it took *inside* the parts, pooled (``Strata.pooled``), when every part went
on one way (the split value explains all the runs' differences).

Two guards keep this from generalising past the evidence:

- a value constant inside every part but different between them went along with the split
  value: it might be what decided, so it stays literal in each part (``fixed``);
- pooling needs every part to go on one way; a part whose runs still differ leaves its values
  to be weighed on its own runs.

>>> from induction.identifier import Gap, Skeleton
>>> sk = Skeleton("tool", None, ['{"state":"', 0, '","region":"', 1, '","ms":', 2, '}'], [],
...               [Gap(0, ["ok", "ok", "bad", "bad"], "content", '', path="$.state"),
...                Gap(1, ["us", "us", "eu", "us"], "content", '', path="$.region"),
...                Gap(2, ["5", "7", "9", "4"], "content", '', path="$.ms")])
>>> st = Strata.of(sk, ["a", "b", "c", "d"], [[0, 1], [2, 3]], {0}, homogeneous=True)
>>> part = st.restrict(["a", "b"])
>>> part.content, [g.values for g in part.gaps]
(['{"state":"ok","region":"', 0, '","ms":', 1, '}'], [['us', 'us'], ['5', '7']])
>>> st.pooled[("content", "$.ms")], st.pooled[("content", "$.region")]
(('5', '7', '9', '4'), ('eu', 'us'))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from induction.identifier import Gap, Skeleton, gap_key


@dataclass(frozen=True, slots=True)
class Strata:
    """A split cluster's skeleton (``sk``, over ``members`` in order), the gap ids made literal
    in each part (``fixed``: the split values and those that went along with them), and the
    values of each other gap inside the parts it varied in (``pooled``, by ``gap_key``; empty
    when some part's runs went on differently)."""

    sk: Skeleton
    members: tuple[str, ...]
    fixed: frozenset[int]
    pooled: dict[tuple[str, str], tuple[Any, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, sk: Skeleton, members: Sequence[str], parts: Sequence[Sequence[int]], split_gids: Iterable[int],
           *, homogeneous: bool) -> Strata:
        """The strata of ``sk`` split into ``parts`` (member indices) by the gaps ``split_gids``;
        ``homogeneous``: every part's runs went on one way."""
        fixed = set(split_gids)
        pooled: dict[tuple[str, str], tuple[Any, ...]] = {}
        for g in sk.gaps:
            if g.gid in fixed:
                continue
            inside = [[g.values[i] for i in idx] for idx in parts]
            varied = [vals for vals in inside if len({_key(v) for v in vals}) > 1]
            if not varied:
                fixed.add(g.gid)  # constant in each part: it went along with the split value
            elif homogeneous:
                pooled[gap_key(g)] = tuple(v for vals in varied for v in vals)
        return cls(sk, tuple(members), frozenset(fixed), pooled)

    def restrict(self, sids: Sequence[str]) -> Skeleton | None:
        """The wider skeleton over the part ``sids`` (None if they are not all members): the
        fixed gaps turned into the part's literal text, the others kept as gaps even where
        the part's runs happened to agree."""
        at = {s: i for i, s in enumerate(self.members)}
        if any(s not in at for s in sids):
            return None
        idx = [at[s] for s in sids]
        gaps: dict[int, Gap] = {}
        literal: dict[int, Any] = {}
        for g in self.sk.gaps:
            values = [g.values[i] for i in idx]
            if g.gid in self.fixed:
                if len({_key(v) for v in values}) > 1:
                    return None  # not constant in this part after all: not one of the parts
                literal[g.gid] = values[0]
            else:
                gaps[g.gid] = Gap(len(gaps), values, g.where, g.before, g.leaf, g.path, block=g.block)

        def text(parts: list[str | int]) -> list[str | int]:
            out: list[str | int] = []
            for p in parts:
                q: str | int = str(literal[p]) if isinstance(p, int) and p in literal else p
                if isinstance(q, int):
                    out.append(gaps[q].gid)
                elif out and isinstance(out[-1], str):
                    out[-1] += q
                elif q != "":
                    out.append(q)
            return out

        def js(v: Any) -> Any:
            if isinstance(v, dict):
                if set(v) == {"$gap"}:
                    gid = v["$gap"]
                    return literal[gid] if gid in literal else {"$gap": gaps[gid].gid}
                if set(v) == {"$tgap"}:
                    parts = text(v["$tgap"])
                    return parts[0] if len(parts) == 1 and isinstance(parts[0], str) else {"$tgap": parts}
                return {k: js(x) for k, x in v.items()}
            if isinstance(v, list):
                return [js(x) for x in v]
            return v

        content = text(self.sk.content) if self.sk.content is not None else None
        calls = [(name, js(args)) for name, args in self.sk.calls]
        return Skeleton(self.sk.role, self.sk.name, content, calls, list(gaps.values()))


def _key(v: Any) -> bytes:
    return orjson.dumps(v, default=str)
