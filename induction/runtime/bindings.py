"""The bindings DAG: dependent variables computed from others, in topological order.

Independent variables are read off the request; each dependent one has a
:class:`~induction.runtime.nodes.Derivation` (a DSL expression or verified
Python source). :func:`build_dag` checks a set of derivations once, at compile
time; :func:`run_derivations` computes them on each request within a time
budget, and any failure is a :class:`~induction.runtime.errors.DerivationError`
(the lookup turns it into a miss), never a wrong value and never a hang.

>>> from induction.runtime.nodes import Derivation
>>> first = Derivation(var="first", args=("full",),
...     expr={"op": "split_index", "args": [{"var": "full"}, {"const": " "}, {"const": 0}]})
>>> greeting = Derivation(var="greeting", args=("first",),
...     expr={"op": "concat", "args": [{"const": "Hi "}, {"var": "first"}]})
>>> [d.var for d in build_dag([greeting, first], {"full"})]
['first', 'greeting']
>>> run_derivations([first, greeting], {"full": "Ada Lovelace"})["greeting"]
'Hi Ada'
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Final

from induction.runtime import dsl, restricted
from induction.runtime.errors import DerivationError, EvalError
from induction.runtime.nodes import Derivation
from rote.errors import CycleError, TemplateError

DEFAULT_BUDGET_MS: Final = 5.0


def check_derivation(d: Derivation) -> None:
    """Shape of one derivation: exactly one of ``expr`` / ``python``+``function``, valid and closed over ``args``."""
    if (d.expr is None) == (d.python is None):
        raise TemplateError(f"derivation of {d.var}: set exactly one of expr or python")
    if d.var in d.args:
        raise CycleError([d.var])
    if d.expr is not None:
        for e in (d.expr, *d.alternatives):
            dsl.validate(e)
            unknown = dsl.expr_vars(e) - set(d.args)
            if unknown:
                raise TemplateError(f"derivation of {d.var}: expression reads {sorted(unknown)} not in its args")
    else:
        if d.alternatives:
            raise TemplateError(f"derivation of {d.var}: alternatives are DSL expressions, beside an expr")
        if not d.function:
            raise TemplateError(f"derivation of {d.var}: python without a function name")
        restricted.load_python(d.python or "", d.function)


def build_dag(derivations: Iterable[Derivation], independent_vars: Iterable[str]) -> list[Derivation]:
    """The derivations in a topological order (ties by name, so the order is stable).

    Raises :class:`CycleError` naming the cycle, or :class:`TemplateError` for an
    argument that is neither independent nor derived, a variable derived twice
    or both derived and independent, or a malformed derivation.

    >>> from induction.runtime.nodes import Derivation
    >>> a = Derivation(var="a", args=("b",), expr={"var": "b"})
    >>> b = Derivation(var="b", args=("a",), expr={"var": "a"})
    >>> build_dag([a, b], set())
    Traceback (most recent call last):
    ...
    rote.errors.CycleError: bindings graph has a cycle: a -> b -> a
    """
    import networkx as nx  # compile time only: the proxy never pays for importing it

    derivations = list(derivations)
    independent = set(independent_vars)
    by_var: dict[str, Derivation] = {}
    for d in derivations:
        if d.var in by_var:
            raise TemplateError(f"variable {d.var} is derived twice")
        if d.var in independent:
            raise TemplateError(f"variable {d.var} is both independent and derived")
        by_var[d.var] = d
    graph = nx.DiGraph()
    graph.add_nodes_from(by_var)
    for d in derivations:
        for arg in d.args:
            if arg not in by_var and arg not in independent:
                raise TemplateError(f"derivation of {d.var}: unknown argument {arg}")
            if arg in by_var:
                graph.add_edge(arg, d.var)
    try:
        cycle = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        pass
    else:
        raise CycleError([str(u) for u, _ in cycle])
    for d in derivations:
        check_derivation(d)
    return [by_var[v] for v in nx.lexicographical_topological_sort(graph)]


def run_derivations(derivations: Sequence[Derivation], scope: Mapping[str, Any],
                    budget_ms: float = DEFAULT_BUDGET_MS) -> dict[str, Any]:
    """``scope`` plus every derived variable, computed in the given (topological) order.

    The budget covers all of them together. Raises :class:`DerivationError`.
    """
    out = dict(scope)
    run_into(derivations, out, time.thread_time() + budget_ms / 1000)
    return out


def run_into(derivations: Iterable[Derivation], scope: dict[str, Any], deadline: float) -> None:
    """Compute each derivation into ``scope`` (in place) before ``deadline`` (``thread_time``: this thread's CPU seconds, so a busy machine does not turn hits into misses)."""
    for d in derivations:
        scope[d.var] = derive(d, scope, deadline)


def _same(a: Any, b: Any) -> bool:
    """Equal and of one JSON type (``1`` and ``1.0`` render differently)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return bool(a == b)


def unusual(text: str) -> Iterator[str]:
    """The characters of ``text`` other than ASCII letters, digits and spaces, in order.

    >>> list(unusual("Ann-Lee O'Neil 2"))
    ['-', "'"]
    """
    return (c for c in text if not (c.isascii() and (c.isalnum() or c == " ")))


def unseen_char(value: Any, alphabet: str) -> str | None:
    """The first character of a text ``value`` that is neither an ASCII letter, digit or space
    nor in ``alphabet`` (None: there is none, or ``value`` is no text).

    >>> unseen_char("José García", ""), unseen_char("Ann-Lee 2", "-"), unseen_char(7, "")
    ('é', None, None)
    """
    if not isinstance(value, str):
        return None
    return next((c for c in unusual(value) if c not in alphabet), None)


def derive(d: Derivation, scope: Mapping[str, Any], deadline: float) -> Any:
    """The value of one derivation in ``scope``; :class:`DerivationError` if it cannot be computed."""
    left = deadline - time.thread_time()
    if left <= 0:
        raise DerivationError(d.var, "no time left in the request's budget")
    try:
        kwargs = {a: scope[a] for a in d.args}
    except KeyError as e:
        raise DerivationError(d.var, f"argument {e.args[0]} is not bound") from None
    if d.expr is not None:
        try:
            value = dsl.evaluate(d.expr, kwargs)
            for alt in d.alternatives:
                if not _same(dsl.evaluate(alt, kwargs), value):
                    raise DerivationError(d.var, "expressions that fit every example disagree on this input")
        except EvalError as e:
            raise DerivationError(d.var, e.reason) from None
    else:
        try:
            code = restricted.load_python(d.python or "", d.function or "")
        except TemplateError as e:
            raise DerivationError(d.var, str(e)) from None
        value = restricted.call_python(code, d.function or "", kwargs, left, d.var)
    if not dsl.is_json(value):
        raise DerivationError(d.var, f"returned a {type(value).__name__}, not a JSON value")
    if d.alphabet is not None and (odd := unseen_char(value, d.alphabet)) is not None:
        raise DerivationError(d.var, f"the value holds {odd!r}, a character no example's value held")
    return value
