"""coarsening: a value cut at its joiners is one value.

False hit prevented: "ap-south-1" aligned as ``ap`` / ``south`` / ``1`` would be weighed
piece by piece (``ap`` a short code, ``1`` a count), and adjacent slots joined by "." or "-"
(a host name cut at its dots) cannot be read apart unambiguously at request time: the
runtime reads its own members back with other values than induction gave them. Joined into
one slot over the span, the value is an id and reads back. Guards ``city_zip_adjacent`` and
the log-line shapes of ``rote eval loghub`` (noise glued to words: ``us-east`` + ``-1``).

Learning side: ``coarsen`` (counted as ``coarsened``) and ``whole_tokens`` (a gap weighed
with the letters, digits, "-", "_" and "." of the literal glued to it). Request time: none of
its own; the matcher refuses adjacent slots whose split is ambiguous.

>>> sk = Skeleton("user", None, [0, "-", 1], [], [Gap(0, ["ap", "us"], "content", ""),
...                                             Gap(1, ["south", "east"], "content", "-")])
>>> coarsen(sk).content, coarsen(sk).gaps[0].values
([0], ['ap-south', 'us-east'])
"""

from __future__ import annotations

import re
from typing import Any

from induction.identifier import Gap, Skeleton

# Literals that join two slots into one value when the runtime cannot read them apart.
JOINS = frozenset("._-/@")


def coarsen(sk: Skeleton) -> Skeleton | None:
    """``sk`` with each run of gaps joined by one character of ``JOINS`` made one gap
    (``{{a}}.{{b}}.com`` -> ``{{a}}.com``), in the text and in the string arguments of its
    tool calls, or None when there is no such run.

    >>> sk = Skeleton("user", None, [0, ".", 1, ":", 2, " open"], [],
    ...               [Gap(0, ["www", "a.b"], "content", ""), Gap(1, ["x", "y"], "content", "."),
    ...                Gap(2, ["80", "443"], "content", ":")])
    >>> c = coarsen(sk)
    >>> c.content, [g.values for g in c.gaps]
    ([0, ':', 2, ' open'], [['www.x', 'a.b.y'], ['80', '443']])
    >>> call = Skeleton("assistant", None, None, [("ssh", {"host": {"$tgap": [0, "-", 1, ".corp"]}})],
    ...                 [Gap(0, ["web", "db"], "call[0].host", ""), Gap(1, ["07", "12"], "call[0].host", "-")])
    >>> c = coarsen(call)
    >>> c.calls, c.gaps[0].values
    ([('ssh', {'host': {'$tgap': [0, '.corp']}})], ['web-07', 'db-12'])
    """
    if len(sk.gaps) < 2:
        return None
    gaps = {g.gid: g for g in sk.gaps}
    changed = False

    def join(parts: list[str | int]) -> list[str | int]:
        nonlocal changed
        parts = list(parts)
        i = 0
        while i + 2 < len(parts):
            a, lit, b = parts[i], parts[i + 1], parts[i + 2]
            if (isinstance(a, int) and isinstance(b, int) and isinstance(lit, str) and lit in JOINS
                    and not gaps[a].leaf and not gaps[b].leaf and not gaps[a].block and not gaps[b].block
                    and all(isinstance(v, str) for v in (*gaps[a].values, *gaps[b].values))):
                ga, gb = gaps[a], gaps[b]
                gaps[a] = Gap(a, [x + lit + y for x, y in zip(ga.values, gb.values, strict=True)], ga.where,
                              ga.before, path=ga.path)
                del gaps[b]
                parts[i + 1:i + 3] = []
                changed = True
                continue
            i += 1
        return parts

    def js(v: Any) -> Any:
        if isinstance(v, dict):
            if set(v) == {"$tgap"}:
                return {"$tgap": join(v["$tgap"])}
            if set(v) == {"$gap"}:
                return v
            return {k: js(x) for k, x in v.items()}
        if isinstance(v, list):
            return [js(x) for x in v]
        return v

    content = join(list(sk.content)) if sk.content else sk.content
    calls = [(name, js(args)) for name, args in sk.calls]
    if not changed:
        return None
    return Skeleton(sk.role, sk.name, content, calls, [gaps[g.gid] for g in sk.gaps if g.gid in gaps])


_GLUE_BEFORE = re.compile(r"[A-Za-z0-9_.-]*\Z")
# A "." glues only where a letter or digit follows it (a host, a version): the one that ends
# a sentence ("... in web.") is punctuation, not a piece of the value.
_GLUE_AFTER = re.compile(r"[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*")


def whole_tokens(sk: Skeleton) -> dict[int, Gap]:
    """Each gap with its values widened over the letters, digits, "-", "_" and "." of the
    literal glued to it: "us-east" before a literal "-1" is a piece of "us-east-1", an id,
    not a status word. Only for weighing what a value is; the slot stays as aligned.

    >>> sk = Skeleton("tool", None, ['"region":"', 0, '-1"'], [], [Gap(0, ["us-east", "eu-west"], "content", "")])
    >>> whole_tokens(sk)[0].values
    ['us-east-1', 'eu-west-1']
    """
    out = {g.gid: g for g in sk.gaps}
    content = sk.content or []
    for i, part in enumerate(content):
        if not isinstance(part, int):
            continue
        before = content[i - 1] if i and isinstance(content[i - 1], str) else ""
        after = content[i + 1] if i + 1 < len(content) and isinstance(content[i + 1], str) else ""
        head = _GLUE_BEFORE.search(str(before))
        tail = _GLUE_AFTER.match(str(after))
        pre = head.group(0) if head else ""
        post = tail.group(0) if tail else ""
        g = out[part]
        if (pre or post) and all(isinstance(v, str) for v in g.values):
            out[part] = Gap(g.gid, [pre + v + post for v in g.values], g.where, g.before, g.leaf, g.path, g.block)
    return out
