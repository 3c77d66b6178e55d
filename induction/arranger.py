"""Arranger: which gaps are the same underlying variable as one already in scope,
and the bindings DAG (networkx) the derivations form.

Equal values are not automatically the same variable: a gap is a reference to
variable ``v`` only if it equals ``v`` (type included) in **every** member, and
the members disagree among themselves (one run, or runs that all share a value,
cannot tell a copy from a coincidence). When several variables fit, the one
bound first wins: later equal copies are usually echoes of it.

>>> same_variable(["Erik", "Maria"], [{"name": "Erik", "x": "Erik"}, {"name": "Maria", "x": "M"}])
'name'
>>> same_variable(["3", "3"], [{"a": "3"}, {"a": "3"}]) is None
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from induction.runtime.nodes import Derivation
from rote.errors import CycleError, TemplateError


def _eq(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def same_variable(values: Sequence[Any], scopes: Sequence[Mapping[str, Any]]) -> str | None:
    """The variable in scope that every member's value equals, if the evidence can tell."""
    if len(values) < 2 or all(_eq(v, values[0]) for v in values):
        return None
    for var in scopes[0]:
        if all(var in s and _eq(s[var], v) for s, v in zip(scopes, values, strict=True)):
            return var
    return None


def bindings_dag(independent: Iterable[str], derivations: Iterable[Derivation]) -> nx.DiGraph:
    """The bindings DAG: an edge ``a -> b`` when ``b`` is derived from ``a``.

    Raises ``CycleError`` (naming the cycle) or ``TemplateError`` for an unknown argument.

    >>> g = bindings_dag(["full_name"], [Derivation(var="first", args=("full_name",), expr={"var": "full_name"})])
    >>> list(nx.topological_sort(g))
    ['full_name', 'first']
    """
    g: nx.DiGraph = nx.DiGraph()
    g.add_nodes_from(independent)
    derived = list(derivations)
    g.add_nodes_from(d.var for d in derived)
    for d in derived:
        for a in d.args:
            if a not in g:
                raise TemplateError(f"derivation of {d.var!r} uses unknown variable {a!r}")
            g.add_edge(a, d.var)
    try:
        cycle = nx.find_cycle(g)
    except nx.NetworkXNoCycle:
        return g
    raise CycleError([str(edge[0]) for edge in cycle])


def hydration_order(independent: Iterable[str], derivations: Iterable[Derivation]) -> list[Derivation]:
    """Derivations sorted so each runs after the variables it reads."""
    derived = {d.var: d for d in derivations}
    g = bindings_dag(independent, derived.values())
    return [derived[v] for v in nx.topological_sort(g) if v in derived]
