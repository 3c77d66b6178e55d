"""Deriver: a derivation for each dependent variable, by programming by example over
the runtime's transform DSL (``induction.runtime.ops``), checked on every example.

The search is small and ordered from simplest to least simple, so the first
expression that reproduces every member's value exactly (type included) wins:

1. a *view* of one variable: itself, a case change, a piece of a split, a parsed
   number, the number rendered as text/money/thousands;
2. arithmetic over numeric views (``a + b * c``), rendered the way the target is;
3. a date offset (``due - 3 days``) in the target's format;
4. a concatenation of views and literal text (``lower(first) + "." + lower(last)``).

The LLM backend (``induction.llm_stages``) tries what this cannot explain.

>>> d = HeuristicDeriver().derive(["Ada", "Bo"], [{"full_name": "Ada Lovelace"}, {"full_name": "Bo Diddley"}])
>>> d.expr
{'op': 'split_index', 'args': [{'var': 'full_name'}, {'const': ' '}, {'const': 0}]}
>>> HeuristicDeriver().derive(["ada.l", "bo.d"], [{"f": "Ada", "l": "L"}, {"f": "Bo", "l": "D"}]).expr["op"]
'concat'
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Iterator, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from induction.json_align import item_path
from induction.runtime.bindings import unusual
from induction.runtime.dsl import evaluate, picked_keys
from induction.runtime.nodes import Derivation
from induction.runtime.ops import OPS
from induction.tokens import recognise

Expr = dict[str, Any]
_MISSING = object()


def _var(v: str) -> Expr:
    return {"var": v}


def _c(x: Any) -> Expr:
    return {"const": x}


def _op(name: str, *args: Expr) -> Expr:
    return {"op": name, "args": list(args)}


def _moving_category(fields: Mapping[str, Mapping[int, Expr]], used: tuple[str, ...],
                     scopes: Sequence[Mapping[str, Any]]) -> bool:
    """Whether the items have another field of repeated words that moves between places (a
    job's name when the list is shuffled): what the picked item's name is may decide what is
    done with it (a flaky job retried), and no example of a name never picked says.

    >>> f = {".status": {0: {"var": "s0"}, 1: {"var": "s1"}}, ".name": {0: {"var": "n0"}, 1: {"var": "n1"}}}
    >>> _moving_category(f, (".status",), [{"n0": "e2e", "n1": "lint"}, {"n0": "lint", "n1": "e2e"}])
    True
    >>> _moving_category({".name": {0: {"const": "e2e"}, 1: {"const": "lint"}}}, (), [{}])
    False
    """
    for field, members in fields.items():
        if field in used or not any("var" in e for e in members.values()):
            continue
        values = [_member(sc, e) for sc in scopes for e in members.values()]
        if all(isinstance(v, str) for v in values) and len(set(values)) < len(values):
            return True
    return False


def _member(scope: Mapping[str, Any], expr: Expr) -> Any:
    """A field of a list item in ``scope``: a variable's value, or the value every run had."""
    return scope[expr["var"]] if "var" in expr else expr["const"]


def _picked(scope: Mapping[str, Any], keys: list[Expr], items: list[int], want: Any, item: int) -> bool:
    """Whether ``item`` is the one of ``items`` whose key (``keys``, in the same order) equals ``want``."""
    return [i for i, k in zip(items, keys, strict=True) if _eq(_member(scope, k), want)] == [item]


def _cast(expr: Expr, to_int: bool) -> Expr:
    return _op("to_int", expr) if to_int else expr


def _eq(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def _number(x: Any) -> bool:
    """A finite int or float result (what the arithmetic search compares with a target)."""
    if isinstance(x, int):
        return abs(x) < 10**300
    return isinstance(x, float) and math.isfinite(x)


def _key6(x: float) -> float:
    """``x`` rounded to 6 significant digits: values within the search's relative tolerance
    (1e-9) of one another file under the same key or the next one."""
    return float(f"{x:.5e}")


def _near(found: dict[float, list[tuple[int, Any]]], want: float) -> list[int]:
    """The indices filed in ``found`` (with their values) whose value is within the search's
    tolerance of ``want`` (``abs(got - want) <= 1e-9 * max(1, abs(want))``), in search
    order. Rounding is monotonic, so every value in [want - tol, want + tol] files under the
    key of one end or the other (the span is far below one rounding step).

    >>> _near({_key6(0.30000000000000004): [(3, 0.30000000000000004)], _key6(0.31): [(1, 0.31)]}, 0.3)
    [3]
    """
    tol = 1e-9 * max(1.0, abs(want))
    keys = {_key6(want - tol), _key6(want + tol)}
    return sorted(i for k in keys for i, v in found.get(k, ()) if abs(v - want) <= tol)


def _vars_of(expr: Expr) -> set[str]:
    if "var" in expr:
        return {expr["var"]}
    return set().union(*(_vars_of(a) for a in expr.get("args", [])))


class _View:
    __slots__ = ("expr", "values")

    def __init__(self, expr: Expr, values: list[Any]) -> None:
        self.expr = expr
        self.values = values


_ARITH_OPS = ("add", "sub", "mul", "div")


class _ArithTable:
    """The arithmetic search's first-member results for one set of views: level one (op, a,
    b, a-op-b) and, once asked for, level two (level-one index, c, op, whether a-op-b comes
    first), each filed by value (``_key6``) with its value."""

    __slots__ = ("found1", "found2", "level1", "level2")

    def __init__(self) -> None:
        self.level1: list[tuple[str, _View, _View, Any]] = []
        self.found1: dict[float, list[tuple[int, Any]]] = {}
        self.level2: list[tuple[int, _View, str, bool]] | None = None
        self.found2: dict[float, list[tuple[int, Any]]] = {}

    def second(self, nums: list[_View]) -> tuple[list[tuple[int, _View, str, bool]], dict[float, list[tuple[int, Any]]]]:
        if self.level2 is None:
            self.level2 = []
            for i1, (_, _, _, v0) in enumerate(self.level1):
                for c in nums:
                    for o in _ARITH_OPS:
                        for first, x0, y0 in ((True, v0, c.values[0]), (False, c.values[0], v0)):
                            got0 = _apply1(o, (x0, y0))
                            if _number(got0):
                                self.found2.setdefault(_key6(got0), []).append((len(self.level2), got0))
                                self.level2.append((i1, c, o, first))
        return self.level2, self.found2


class HeuristicDeriver:
    """Programming by example over the DSL. Deterministic; no model, no sandbox needed."""

    def __init__(self, max_concat_parts: int = 7, sample: int = 8, max_alternatives: int = 8,
                 after_first: int = 64) -> None:
        """``max_alternatives``: other fitting expressions kept (see ``Derivation.alternatives``);
        ``after_first``: candidates still tried once one fits."""
        self.max_concat_parts = max_concat_parts
        self.sample = sample
        self.max_alternatives = max_alternatives
        self.after_first = after_first
        # The views of the last scopes derived from: a message's gaps are derived one after
        # the other from the same scopes, and a long tool result (a page of 40 items) has
        # hundreds of gaps over hundreds of variables in scope.
        self._last_views: tuple[tuple[Any, ...], list[Mapping[str, Any]], list[_View], dict[str, list[Expr]]] | None = None
        self._last_arith: tuple[tuple[int, ...], list[_View], _ArithTable] | None = None
        # Variables that are a field of an item of a JSON list (``note_item``): by name, the
        # list's path, the field and the item's index. ``pick`` pairs the fields of one item.
        self.items: dict[str, tuple[str, str, int]] = {}
        # The item's fields that were the same in every run (a job's name at its place in
        # the list), by a variable of the item: pick may return them.
        self.fixed: dict[str, dict[str, Any]] = {}

    def note_item(self, var: str, path: str, fixed: Mapping[str, Any] | None = None) -> None:
        """Record that ``var`` was read at JSON ``path``, when that is a field of a list item
        (``$.jobs[2].status``: the list ``$.jobs``, field ``.status``, item 2), with the
        item's ``fixed`` fields (the same in every run: ``{".name": "lint"}``).

        >>> d = HeuristicDeriver(); d.note_item("status_3", "$.jobs[2].status", {".name": "e2e"}); d.items
        {'status_3': ('$.jobs', '.status', 2)}
        """
        item = item_path(path)
        if item is not None:
            self.items[var] = (item[0], item[2], item[1])
            if fixed:
                self.fixed[var] = dict(fixed)

    def derive(self, values: Sequence[Any], scopes: Sequence[Mapping[str, Any]]) -> Derivation | None:
        """The simplest expression that gives every member's value, with the others that
        do too (up to ``max_alternatives``): the examples cannot tell those apart, so the
        runtime serves only inputs on which they all agree."""
        if not scopes or len(values) < 2:
            return None
        values, scopes = list(values), list(scopes)
        names = [v for v in scopes[0] if all(v in s for s in scopes)]
        # Search on a spread-out sample; every candidate is then checked on all members.
        step = max(1, len(values) // self.sample)
        views, twins = self._cached_views(names, scopes[::step])

        def fits(expr: Expr) -> bool:
            return all(_eq(_safe(expr, s), v) for s, v in zip(scopes, values, strict=True))

        def also_fits(expr: Expr) -> bool:
            # For rivals: the fast evaluator on every member, the checked one on the sample
            # (argument types fail the same way on any member; values differ per member).
            return all(_eq(_fast(expr, s), v) for s, v in zip(scopes, values, strict=True)) and all(
                _eq(_safe(expr, s), v) for s, v in zip(scopes[::step], values[::step], strict=True))

        found: list[Expr] = []
        tried = 0
        for expr in self._search(values[::step], views, scopes[::step]):
            if found:
                tried += 1
                if tried > self.after_first or len(found) > self.max_alternatives:
                    break
            if fits(expr) if not found else also_fits(expr):
                found.append(expr)
        if not found:
            return None
        main = found[0]
        seen = {_key(main)}
        alternatives: list[Expr] = []
        # Twins of a pick's keys (``lower(status)`` for ``status``) differ only on keys no item
        # had; they would crowd out the rivals that matter (a pick by another field).
        subs = [] if picked_keys(main) else list(_substitutions(main, twins))
        for alt in [*found[1:], *subs]:
            if len(alternatives) >= self.max_alternatives:
                break
            # Rivals about as simple as ``main`` only: ``(n + d) - d`` also fits wherever ``n``
            # does, but no one would mistake one for the other.
            if _key(alt) in seen or _cost(alt) > _cost(main) + 1 or not also_fits(alt):
                continue
            seen.add(_key(alt))
            # Kept only if some input tells it from ``main`` (``add(b, a)`` never does).
            probes = _probes(scopes, _vars_of(main) | _vars_of(alt))
            if any(not _eq(_safe(alt, p), _safe(main, p)) for p in probes):
                alternatives.append(alt)
        args = set(_vars_of(main)).union(*(_vars_of(a) for a in alternatives))
        return Derivation(var="", args=tuple(sorted(args)), expr=main, alternatives=tuple(alternatives),
                          alphabet=alphabet(main, values))

    def _cached_views(self, names: list[str], sample: list[Mapping[str, Any]]
                      ) -> tuple[list[_View], dict[str, list[Expr]]]:
        """``_views`` of ``names`` over ``sample``, reused while the same scope objects with the
        same keys come again (the cache holds them, so their ids stay theirs)."""
        key = (tuple(names), tuple((id(s), len(s)) for s in sample))
        last = self._last_views
        if last is not None and last[0] == key and all(a is b for a, b in zip(last[1], sample, strict=True)):
            return last[2], last[3]
        twins: dict[str, list[Expr]] = {}
        views = self._views(names, sample, twins)
        self._last_views = (key, list(sample), views, twins)
        return views, twins

    # -- candidate views of single variables ----------------------------------------
    def _views(self, names: list[str], scopes: list[Mapping[str, Any]],
               twins: dict[str, list[Expr]] | None = None) -> list[_View]:
        """Views of single variables, simplest first, one per distinct list of values;
        ``twins`` gets, for each view kept, the views dropped for giving the same values."""
        out: list[_View] = []

        def add(expr: Expr) -> None:
            vals = [_fast(expr, s) for s in scopes]
            if not any(v is _MISSING for v in vals):
                out.append(_View(expr, vals))

        for n in names:
            base = _var(n)
            add(base)
            sample = [s[n] for s in scopes]
            if all(isinstance(x, str) for x in sample):
                pieces = [base]
                for sep, idx in ((" ", 0), (" ", -1), ("@", 0), ("@", 1), (".", 0), ("-", 0), ("-", -1)):
                    if all(sep in x for x in sample):
                        pieces.append(_op("split_index", base, _c(sep), _c(idx)))
                for sep in (" ", "-"):
                    counts = {x.count(sep) + 1 for x in sample}
                    if len(counts) == 1 and (k := counts.pop()) > 2:
                        # Every example had k pieces: the first is also the k-th from the end,
                        # the last also the k-th ("kathryn" of "sync meeting with kathryn" is
                        # the last word and the fourth; of "... with kathryn about pricing",
                        # only the fourth). Twins, so rivals: served where they agree.
                        pieces += [_op("split_index", base, _c(sep), _c(-k)),
                                   _op("split_index", base, _c(sep), _c(k - 1))]
                if all(" " in x for x in sample):
                    # All but the last word, all after the first: the same as the first and the
                    # last word while every example had two words ("Ada Lovelace"), not for
                    # "Anna Maria Diaz" or "Ana da Silva". Kept as twins, so they are rivals.
                    pieces += [_op("regex_extract", base, _c(r"^(.*) \S+$"), _c(1)),
                               _op("regex_extract", base, _c(r"^\S+ (.*)$"), _c(1))]
                    # The word after a word every example held once ("mute" in "Please mute
                    # david" and "Mute betty"): the same as the last word there, not in "Mute
                    # vanessa permanently". Rivals too.
                    pieces += [_op("regex_extract", base, _c(r"(?i)(?:^|\s)" + w + r"\s+(\S+)"), _c(1))
                               for w in anchor_words(sample)]
                for p in pieces:
                    if p is not base:
                        add(p)
                    for case in ("lower", "upper", "title", "capitalize"):
                        add(_op(case, p))
                add(_op("strip", base))
                # The value without the sign every example wrote around it: "25" of "$25",
                # "46.99" of "$46.99" (no one number format renders both), "50" of "50%".
                for side, op in ((0, "lstrip"), (-1, "rstrip")):
                    marks = {x[side] for x in sample if x}
                    if len(marks) == 1 and all(len(x) > 1 for x in sample):
                        mark = marks.pop()
                        if not mark.isalnum() and not mark.isspace():
                            add(_op(op, base, _c(mark)))
                if all(_safe(_op("to_number", base), s) is not _MISSING for s in scopes):
                    add(_op("to_number", base))
                    add(_op("to_int", base))
                if all(x.isascii() and x.isdigit() for x in sample):
                    # Zero-padded: "05" from "5" is a pad to 2, or a "0" put in front.
                    for width in sorted({len(x) for x in sample} | {2, 3}):
                        add(_op("zfill", base, _c(width)))
            elif all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in sample):
                add(_op("str", base))
        # Simplest first (a plain split beats a case change of another variable's piece),
        # then drop views whose values an earlier, simpler one already gives.
        out.sort(key=lambda v: _cost(v.expr))
        kept: dict[str, _View] = {}
        unique = []
        for view in out:
            key = repr([(type(v).__name__, v) for v in view.values])
            if key not in kept:
                kept[key] = view
                unique.append(view)
            elif twins is not None and not (view.expr.get("op") in _CASES and _phrases(view.values)):
                # A case change of a phrase is no rival to a copy of it ("Lee and Sons" is
                # not re-cased by anyone); of a word it is ("tiffany" may become "Tiffany").
                twins.setdefault(_key(kept[key].expr), []).append(view.expr)
        return unique

    # -- candidates, simplest first ------------------------------------------------
    # Candidates carry their values, computed bottom-up element-wise from the views'
    # values; only the winner is re-evaluated through the DSL evaluator.
    def _search(self, values: list[Any], views: list[_View], scopes: list[Mapping[str, Any]]) -> Iterator[Expr]:
        first = values[0]
        for view in views:
            if _eq(view.values[0], first) and all(_eq(a, b) for a, b in zip(view.values, values, strict=True)):
                yield view.expr
        if _numeric_target(values):
            nums = self._numeric(views)
            want = _as_number(first)
            for view in nums:
                # Every way of writing a number (as is, rounded, truncated, with separators or a
                # currency sign) stays within 1 of it: others cannot render the first member.
                if want is None or abs(view.values[0] - want) < 1:
                    yield from self._render(view, values)
            yield from self._arithmetic(values, nums[:10])
        yield from self._dates(values, views)
        if all(isinstance(v, str) for v in values):
            yield from self._concat(values, [v for v in views if all(isinstance(x, str) and x for x in v.values)])
        if self.items:
            yield from self._picks(values, scopes)

    def _picks(self, values: list[Any], scopes: list[Mapping[str, Any]]) -> Iterator[Expr]:
        """``pick(want, key_1, value_1, ...)`` over the items of one JSON list: the value is
        the field of the one item whose other field equals ``want`` (a constant: the job that
        "failed"; or a variable: the order whose id the user gave), where the item varies
        between members (always the same item is a copy)."""
        # Each list's fields, item by item: a variable, or the value every run had there.
        families: dict[str, dict[str, dict[int, Expr]]] = {}
        for var in scopes[0]:
            item = self.items.get(var)
            if item is not None and all(var in sc for sc in scopes):
                fields = families.setdefault(item[0], {})
                fields.setdefault(item[1], {})[item[2]] = _var(var)
                for field, value in self.fixed.get(var, {}).items():
                    fields.setdefault(field, {}).setdefault(item[2], _c(value))
        for fields in families.values():
            for vf, vals in fields.items():
                # A number read off text ("3541321") and written as a JSON number: to_int.
                cast = (all(isinstance(t, int) and not isinstance(t, bool) for t in values)
                        and all(isinstance(_member(scopes[0], e), str) for e in vals.values()))
                at: list[int] = []
                for sc, target in zip(scopes, values, strict=True):
                    hits = [i for i, e in vals.items() if _eq(_member(sc, e), target)
                            or (cast and _eq(_apply1("to_int", (_member(sc, e),)), target))]
                    if len(hits) != 1:
                        break
                    at.append(hits[0])
                if len(at) < len(values) or len(set(at)) < 2:
                    continue
                for kf, keys in fields.items():
                    common = sorted(set(keys) & set(vals))
                    key_exprs = [keys[j] for j in common]
                    if (kf == vf or len(common) < 2 or at[0] not in keys
                            or not any("var" in e for e in key_exprs)
                            or _moving_category(fields, (kf, vf), scopes)):
                        continue
                    args = [a for j in common for a in (keys[j], vals[j])]
                    want = _member(scopes[0], keys[at[0]])
                    if all(_picked(sc, key_exprs, common, want, i) for sc, i in zip(scopes, at, strict=True)):
                        yield _cast(_op("pick", _c(want), *args), cast)
                    taken = {e["var"] for e in (*keys.values(), *vals.values()) if "var" in e}
                    for w in scopes[0]:
                        if (w not in taken and _eq(scopes[0][w], want)
                                and all(_picked(sc, key_exprs, common, sc[w], i) for sc, i in zip(scopes, at, strict=True))):
                            yield _cast(_op("pick", _var(w), *args), cast)

    def _render(self, inner: _View, target: list[Any]) -> Iterator[Expr]:
        """Ways a number may be written as the target is; yields only matches.
        Each way is tried on the first member before the rest."""
        ways: list[tuple[str, tuple[Any, ...]]]
        if isinstance(target[0], str):
            ways = [("str", ()), ("format_number", (0, ",")), ("format_number", (2, ",")),
                    ("format_money", ("$", 0)), ("format_money", ("$", 2)), ("format_number", (2,))]
        else:
            ways = [("", ()), ("to_int", ()), ("to_number", ())]
        for name, consts in ways:
            if name and not _eq(_apply1(name, (inner.values[0], *consts)), target[0]):
                continue
            got = inner.values if not name else _apply(name, [inner.values], consts)
            if got is not None and all(_eq(a, b) for a, b in zip(got, target, strict=True)):
                yield inner.expr if not name else _op(name, inner.expr, *(_c(c) for c in consts))
        if isinstance(target[0], str) and _eq(str(_apply1("to_int", (inner.values[0],))), target[0]):
            as_int = _apply("to_int", [inner.values], ())
            if as_int is not None and all(_eq(str(a), b) for a, b in zip(as_int, target, strict=True)):
                yield _op("str", _op("to_int", inner.expr))

    def _numeric(self, views: list[_View]) -> list[_View]:
        return [v for v in views
                if all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v.values)]

    def _arithmetic(self, values: list[Any], nums: list[_View]) -> Iterator[Expr]:
        """``a op b`` and ``(a op b) op c`` over the views ``nums`` that give the target's first
        number, in a fixed order (level one, then level two by its first operation); whole
        columns are computed only for those. The first members' results do not depend on the
        target: they are tabled once per view set (``_arith_table``), level two only when the
        search gets that far, and looked up by value."""
        want = _as_number(values[0])
        if want is None:
            return
        table = self._arith_table(nums)
        level1, found1 = table.level1, table.found1
        for i in _near(found1, want):
            o, a, b, _ = level1[i]
            got = _apply(o, [a.values, b.values], ())
            if got is not None:
                yield from self._render(_View(_op(o, a.expr, b.expr), got), values)
        level2, found2 = table.second(nums)
        for j in _near(found2, want):
            i1, c, o, first = level2[j]
            o1, a, b, _ = level1[i1]
            inner = _apply(o1, [a.values, b.values], ())
            if inner is None:
                continue
            e = _View(_op(o1, a.expr, b.expr), inner)
            x, y = (e, c) if first else (c, e)
            got = _apply(o, [x.values, y.values], ())
            if got is not None:
                yield from self._render(_View(_op(o, x.expr, y.expr), got), values)

    def _arith_table(self, nums: list[_View]) -> _ArithTable:
        """The level-one table of ``nums`` (every ``a op b`` of the views' first values, in
        search order, filed by ``_key6``); the last view set's table is kept (a message's gaps
        are derived one after the other)."""
        key = tuple(id(v) for v in nums)
        last = self._last_arith
        if last is not None and last[0] == key and all(a is b for a, b in zip(last[1], nums, strict=True)):
            return last[2]
        table = _ArithTable()
        for o in _ARITH_OPS:
            for a, b in itertools.permutations(nums, 2):
                v0 = _apply1(o, (a.values[0], b.values[0]))
                if v0 is _MISSING:
                    continue
                if _number(v0):
                    table.found1.setdefault(_key6(v0), []).append((len(table.level1), v0))
                table.level1.append((o, a, b, v0))
        self._last_arith = (key, list(nums), table)
        return table

    def _dates(self, values: list[Any], views: list[_View]) -> Iterator[Expr]:
        if not all(isinstance(v, str) and recognise(v) == "date" for v in values):
            return
        for view in views:
            if not all(isinstance(x, str) and recognise(x) == "date" for x in view.values):
                continue
            try:
                deltas = {(date.fromisoformat(t) - date.fromisoformat(s)).days
                          for t, s in zip(values, view.values, strict=True)}
            except ValueError:
                continue
            if len(deltas) == 1:
                k = deltas.pop()
                if k and date.fromisoformat(view.values[0]) + timedelta(days=k):
                    yield _op("date_add", view.expr, _c(k))
            # Calendar months too: "next month" and "+30 days" fit the same examples until
            # one crosses a 31-day month, so both are found and must agree (alternatives).
            first_t, first_s = date.fromisoformat(values[0]), date.fromisoformat(view.values[0])
            months = (first_t.year - first_s.year) * 12 + first_t.month - first_s.month
            if months:
                expr = _op("date_add_months", view.expr, _c(months))
                if all(_eq(_safe_months(x, months), t)
                       for x, t in zip(view.values, values, strict=True)):
                    yield expr

    def _concat(self, values: list[str], views: list[_View]) -> Iterator[Expr]:
        """Covers of the first target by views and literal text, tried on all members."""
        target = values[0]
        if len(target) > CONCAT_MAX_CHARS:
            return  # the walk recurses per literal character: a long text is no concatenation
        usable = [v for v in views if v.values[0] in target]
        found: list[list[Any]] = []

        def walk(i: int, parts: list[Any], budget: int) -> None:
            if len(found) >= 50:
                return
            if i == len(target):
                if any(isinstance(p, _View) for p in parts):
                    found.append(list(parts))
                return
            for v in usable:
                s = v.values[0]
                if budget and target.startswith(s, i):
                    walk(i + len(s), [*parts, v], budget - 1)
            # literal character: extend the last literal piece
            if parts and isinstance(parts[-1], str):
                walk(i + 1, [*parts[:-1], parts[-1] + target[i]], budget)
            elif budget:
                walk(i + 1, [*parts, target[i]], budget - 1)

        walk(0, [], self.max_concat_parts)
        for parts in found:
            if len(parts) == 1:
                continue  # a single view was tried already
            yield _op("concat", *(p.expr if isinstance(p, _View) else _c(p) for p in parts))


CONCAT_MAX_CHARS = 400  # longer targets (a whole list, a log excerpt) are not searched for covers


def _numeric_target(values: list[Any]) -> bool:
    return all((isinstance(v, (int, float)) and not isinstance(v, bool))
               or (isinstance(v, str) and recognise(v) in ("digits", "number", "money")) for v in values)


def _as_number(v: Any) -> float | None:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    try:
        return float(OPS["to_number"].fn(v))
    except Exception:
        return None


def _apply1(name: str, args: tuple[Any, ...]) -> Any:
    try:
        return OPS[name].fn(*args)
    except Exception:
        return _MISSING


def _apply(name: str, arrays: list[list[Any]], consts: tuple[Any, ...]) -> list[Any] | None:
    """``name`` applied member by member; None if it fails for any member."""
    fn = OPS[name].fn
    out = []
    try:
        for args in zip(*arrays, strict=True):
            out.append(fn(*args, *consts))
    except Exception:  # a candidate that fails for a member is ruled out
        return None
    return out


def _safe_months(s: str, months: int) -> Any:
    try:
        return OPS["date_add_months"].fn(s, months)
    except Exception:  # not a date this op reads: rules the candidate out
        return _MISSING


def _variants(v: Any, other: Any) -> list[Any]:
    """Inputs unlike the examples' in the ways derivations can disagree on: case, inner
    capitals and hyphens, size (thousands), fractions, month ends; and ``other``, the
    value another example had (two variables equal in every example come apart)."""
    out: list[Any] = [other]
    if isinstance(v, bool):
        return out
    if isinstance(v, (int, float)):
        return [*out, v * 1000 + 1, v * 1000 + 0.25, -v - 1]
    if not isinstance(v, str):
        return out
    number = _as_number(v)
    if number is not None:
        return [*out, f"{number * 1000 + 1:.0f}", f"{number * 1000 + 1.25}", "12,345.67", "7"]
    if recognise(v) == "date" and len(v) == 10 and v[4] == "-":
        return [*out, "2024-01-31", "2024-02-29", "2025-12-31"]
    return [*out, v.lower(), v.upper(), f"{v}-{v.lower()}", f"Mc{v}", f"{v} "]


def _probes(scopes: Sequence[Mapping[str, Any]], names: Collection[str] | None = None,
            limit: int = 3) -> list[dict[str, Any]]:
    """Scopes with one variable (of ``names``, default all) changed at a time (see :func:`_variants`)."""
    out: list[dict[str, Any]] = []
    for i, scope in enumerate(scopes[:limit]):
        other = scopes[(i + 1) % len(scopes)]
        for var, value in scope.items():
            if names is not None and var not in names:
                continue
            for v in _variants(value, other.get(var, value)):
                out.append({**scope, var: v})
    return out


def reference_alternatives(var: str, values: Sequence[Any], scopes: Sequence[Mapping[str, Any]],
                           prose: bool = True) -> list[Expr]:
    """For a value copied from ``var``: the other expressions that give every example's value
    too and that some input tells apart from ``var`` (another variable that was always equal
    to it, a case change that never changed an example; in ``prose``, a number written
    with thousands separators none of the examples was large enough to need).

    >>> reference_alternatives("name", ["Ada", "Bo"], [{"name": "Ada"}, {"name": "Bo"}])
    [{'op': 'title', 'args': [{'var': 'name'}]}, {'op': 'capitalize', 'args': [{'var': 'name'}]}]
    """
    candidates: list[Expr] = [_var(v) for v in scopes[0] if v != var and all(v in s for s in scopes)]
    if all(isinstance(v, str) for v in values):
        if _phrases(values):
            # A free-text slot may read "Robert Bryant " typed with a trailing space:
            # copied as is, or trimmed? (A one-word slot cannot hold a space.)
            candidates.append(_op("strip", _var(var)))
        else:
            candidates += [_op(case, _var(var)) for case in _CASES]
        if all(v.isascii() and v.isdigit() for v in values) and len({len(v) for v in values}) == 1 \
                and len(values[0]) <= 3:
            # Always two digits: "15" copied, or padded to two ("04" for 4)? (Short numbers
            # only: days, hours, rooms are padded; nobody pads an id to its usual length.)
            candidates.append(_op("zfill", _var(var), _c(len(values[0]))))
        if prose and all(_as_number(v) is not None for v in values):
            # "523" copied, or a number written with thousands separators that 523 never needed?
            number = _op("to_number", _var(var))
            candidates += [_op("format_number", number, _c(0), _c(",")), _op("format_number", number, _c(2), _c(","))]
    out = []
    for expr in candidates:
        if all(_eq(_safe(expr, s), v) for s, v in zip(scopes, values, strict=True)) and any(
                not _eq(_safe(expr, p), p[var]) for p in _probes(scopes, _vars_of(expr) | {var})):
            out.append(expr)
    return out


def anchor_words(texts: Sequence[str], limit: int = 2) -> list[str]:
    """Words (letters only, lower case) that every text holds exactly once, never as its last
    word: what a piece after them may be anchored to.

    >>> anchor_words(["Please mute david", "Mute betty"]), anchor_words(["Ada Lovelace", "Bo Diaz"])
    (['mute'], [])
    """
    common: set[str] | None = None
    for t in texts:
        words = [w.lower() for w in t.split()]
        once = {w for w in words[:-1] if w.isalpha() and words.count(w) == 1}
        common = once if common is None else common & once
        if not common:
            return []
    return sorted(common or ())[:limit]


_CASES = ("lower", "upper", "title", "capitalize")


# Operations that change characters (not those that only pick a piece: a split, a slice): what
# they make of a character no example held ("é" lower-cased, "'" kept or dropped by the model)
# no example showed.
TEXT_OPS = frozenset({*_CASES, "casefold", "capwords", "replace"})


def _ops_of(expr: Any) -> set[str]:
    if not isinstance(expr, dict):
        return set()
    out = {expr["op"]} if "op" in expr else set()
    for a in expr.get("args", ()):
        out |= _ops_of(a)
    return out


def alphabet(expr: Expr, values: Sequence[Any]) -> str | None:
    """``Derivation.alphabet`` for ``expr``: where it reworks text, the characters other than
    ASCII letters, digits and spaces that its ``values`` (one per example) held; None otherwise.

    >>> alphabet({"op": "lower", "args": [{"var": "n"}]}, ["ann-lee", "bo"])
    '-'
    >>> alphabet({"op": "add", "args": [{"var": "a"}, {"var": "b"}]}, [3, 5]) is None
    True
    """
    if not _ops_of(expr) & TEXT_OPS:
        return None
    return "".join(sorted({c for v in values if isinstance(v, str) for c in unusual(v)}))


def _phrases(values: Sequence[Any]) -> bool:
    """Whether some value is several words (a name of a company, a title)."""
    return any(isinstance(v, str) and any(c.isspace() for c in v.strip()) for v in values)


def _key(expr: Expr) -> str:
    return repr(expr)


def _substitutions(expr: Expr, twins: Mapping[str, list[Expr]]) -> Iterator[Expr]:
    """``expr`` with one of its views swapped for a twin (a view with the same values on
    the examples), for each such view and twin."""
    yield from twins.get(_key(expr), ())
    for i, arg in enumerate(expr.get("args", ())):
        for sub in _substitutions(arg, twins):
            yield {**expr, "args": [*expr["args"][:i], sub, *expr["args"][i + 1:]]}


def _cost(expr: Expr) -> int:
    if "op" not in expr:
        return 0
    return 1 + sum(_cost(a) for a in expr["args"])


def _fast(expr: Expr, scope: Mapping[str, Any]) -> Any:
    """Evaluate without the DSL's argument checks (search only; winners are re-checked)."""
    try:
        return _fast_eval(expr, scope)
    except Exception:
        return _MISSING


def _fast_eval(expr: Expr, scope: Mapping[str, Any]) -> Any:
    if "var" in expr:
        return scope[expr["var"]]
    if "const" in expr:
        return expr["const"]
    return OPS[expr["op"]].fn(*(_fast_eval(a, scope) for a in expr["args"]))


def _safe(expr: Expr, scope: Mapping[str, Any]) -> Any:
    try:
        return evaluate(expr, scope)
    except Exception:  # any failure of a candidate just rules it out
        return _MISSING
