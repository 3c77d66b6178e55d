"""unread-values: a number read here that no answer uses may be what the answer decided on.

False hit prevented: "Is 7 even?" -> "No" served for 8; "my budget is $800" -> "Noted." and
later "Yes, it fits" served for a budget of $300; a greeting chosen by the hour logged two
turns later. A number or date first read at a node that neither the answer's slots and
derivations nor any later model output use is structure (the cluster is split by it), or
the node is uncacheable where each value was seen once — unless the evidence says noise:
enough distinct values (``induction.evidence``: ids need few, quantities more), all followed
by one answer template. At context no call was answered at (a system prompt stating today's
date, a model's tool call), every run going on alike below it is the evidence instead
(``Answerer.context_alike``): a date there is otherwise its own branch per run, and nothing
below it is ever served. The result of one of parallel calls that the next result follows
(``StoreTree.before_results``) is such context too, weighed against that next result: the
model answers only once every result is in, so a release's download count in the first result
was its own branch per run before, whatever the second result then decided (the probe's
``dependency_audit``). So is a node whose answers differ in kind (a call in some runs, a reply
in others: the model chose) where the runs of each kind went on alike (``Answerer.branches_alike``):
it serves nothing, and the model's choice is in the context of every request below it. There
every number is weighed as a quantity (a latency may be what the model chose by), and the
answers below range-check it. A quantity taken for noise is then served only inside the range
training saw (``ResponseTemplate.ranges``), and two dates only as far apart as training saw
them (``ResponseTemplate.spans``: "today" and a purchase date, each in range, further apart
than any refund seen; a date the answer copies is kept as far from the other dates in scope,
``Answerer.with_read_spans``: copied, no range checks it), and two such quantities in one order
only as far apart as training saw them (``ResponseTemplate.gaps``: "warn when a transfer leaves
less than $200", the balance and the amount each in range); no order or gap is kept between
numbers whose labels name different units (``evidence.comparable``: a count of orders and a
latency in ms held one order in every run by chance). Answers of different kinds are not split by a range that parts them
(a number, or the days between two dates): parity parts "Is 7 even?" by chance, and calendar
rules (the same month, business days) part a window's answers by a day count that only
correlates with them. Where the answer is a tool call with a sampled model's words beside it, the calls alone are
the answer template the numbers are weighed against. A time of day is a quantity too: a
whole clock time ("placed_at": "13:45", ``evidence.times_of_day``) and the hour before ":MM"
whatever its label ("Current time: 16:20"; not a length of time after "lifetime" or
"elapsed"): a same-day cut-off or opening hours turn on it. So are numbers joined by one
separator ("1.9.8", "35/100", "08/25", ``evidence.composite_numbers``; not an IPv4 address, not
after a label of noise), each number served only inside its range (``ranges.composite_range``),
and so is a number with a unit ("1GB" beside "1.2GB", "38.5 °C", an amount after its currency's
code "AED1249.00", ``evidence.measures``), served only inside its range and with its unit
(``ranges.measure_range``), and numbers in a row
("My readings today: 118 76 64", ``evidence.number_runs``), each served only inside the range seen
at its place (``ranges.vector_range``); of several units ("900MB" beside "1.5GB") or rows of
several lengths no range can check them, and they stay structure. Money after its symbol ("$" +
"950k") is a quantity whatever its label. A number of many decimals after a field's key (a fraud
score "score": 0.9731, "score=0.9731") is a quantity; only a log line's is taken for a
measurement (an id). A version is served only between the lowest and the highest seen, in
version order, as well as number by number.
Guards ``afford_budget``, ``expense_threshold``,
``time_of_day_greeting``, ``birth_year_adult``, ``date_weekend``, ``date_deadline``,
``order_quantity``, ``min_year``, ``min_date``, ``min_hour_later``, ``hour_in_later_time``,
``negative_temperature``, ``unicode_minus``, ``today_deadline_window``, ``cutoff_time_in_result``,
``clock_in_system_prompt``, ``firmware_version_gate``, ``attachment_size_limit``,
``fraud_score_decimals``, ``readings_in_a_row``, ``code_glued_amount``, ``transfer_leaves_little``,
``firmware_below_seen``, ``deal_size_in_units``, ``score_in_key_value``, ``score_in_a_row`` (and ``even_or_odd``, a
known limit the range only narrows); ``today_in_system_prompt`` is served.

Learning side: ``id_like``, ``is_quantity``, ``number_in`` (the number kinds and thresholds
live in ``induction.evidence``); counted as ``unread_number_splits`` (splits) and
``evidence_noise`` (numbers evidence took for noise). Request-time check: a bounded value
outside its range is a miss (``induction.runtime.ranges.in_range``), and so are two dates further
apart or closer than training saw them (``induction.runtime.ranges.out_of_span``), and two
quantities so (``induction.runtime.ranges.out_of_gap``).

>>> id_like(["10342", "20511"], "order "), is_quantity([7, 2500]), number_in("total: 1250.0 eur", "$1,250")
(True, True, True)
"""

from __future__ import annotations

import re
from typing import Any

import orjson

from induction.runtime.ranges import SCIENTIFIC
from induction.tokens import recognise

# What a label or JSON key before an id looks like: "order_id", "ticket ", "Invoice #", "zip".
ID_LABEL = re.compile(r"(?i)(?:\bid|_id|\bno\b|number|\bnum\b|#|ticket|order|invoice|account|zip|postal|phone|"
                      r"code|ref|sku|pin|version)\W*$"
                      r"|(?-i:(?<![A-Z])(?!USD|EUR|GBP|JPY|CHF|CAD|AUD|CNY|INR)[A-Z]{1,5}[-_#]?)$")  # INV-, C, PAY


def id_like(values: list[Any], label: str) -> bool:
    """Ids, not quantities: runs of 4 digits or more after an id-like label, key or prefix
    (``order 10342``, ``"ticket_id": 4521``, ``INV-2041``). A short number there is still
    a quantity ("order 12 units", "Is the number 7 even?", "gate #12", "P1").

    >>> id_like(["10342", "20511"], "order "), id_like(["12", "40"], "order "), id_like([2560], "USD")
    (True, False, False)
    """
    return bool(ID_LABEL.search(label[-24:])) and all(
        not isinstance(v, bool) and isinstance(v, (int, str)) and str(v).isdigit() and len(str(v)) >= 4
        for v in values)


def is_quantity(values: list[Any], *, small: bool = False) -> bool:
    """Values that may be compared or tested (a count, an amount, a year, an hour, a date):
    JSON numbers below a million, text recognised as money, a number or a calendar date, and
    digit runs of up to 6 (``07``, two digits, is an hour). Longer runs, zero-padded ones and
    timestamps (log noise) are taken for ids; so is a value after an id-like label, key or
    prefix (``order ``, ``"ticket_id":``, ``INV-``: ``ID_LABEL``, checked by the caller). ``small``: only
    numbers an id is rarely made of (up to 3 digits, money, decimals, JSON numbers below
    1000) and dates: "INV-12345" copied two steps later is more likely an id than a test.

    >>> is_quantity([7, 2500]), is_quantity(["$1,250.00", "07", "1987"]), is_quantity(["2026-11-03"])
    (True, True, True)
    >>> is_quantity(["0042"]), is_quantity(["1763700000"]), is_quantity(["2026-11-03T08:00:03"])
    (False, False, False)
    >>> is_quantity(["-27", "\u22125", "12"]), is_quantity(["12", "plenty"]), is_quantity(["plenty"]), is_quantity(["2.9e-6"])
    (True, True, False, True)
    """
    def one(v: Any) -> bool:
        if isinstance(v, bool):
            return False
        if isinstance(v, int):
            return abs(v) < (1000 if small else 1_000_000)  # 7 digits and more: an id, an epoch timestamp
        if isinstance(v, float):
            return True
        if not isinstance(v, str):
            return False
        if v[:1] in "-+\u2212" and len(v) > 1:
            v = v[1:]  # a signed number ("-27", "−5", "+3"): its sign is not an id's
        kind = recognise(v)
        if kind in ("money", "number", "date") or SCIENTIFIC.match(v):
            return True
        if kind != "digits" or (len(v) > 2 and v[0] == "0"):
            return False
        # Up to 3 digits; up to 6 (a balance, a year) unless ``small``: longer runs are ids.
        return len(v) <= (3 if small else 6)

    # A gap of numbers and words ("12", "plenty") is a quantity where it is one.
    return any(one(v) for v in values) and all(one(v) or not any(c.isdigit() for c in str(v)) for v in values)


def number_forms(value: Any) -> set[str]:
    """How a number may be written again later: as read, without currency or thousands
    separators, and as JSON would print it (``$1,250.00`` -> ``1,250.00``, ``1250.00``, ``1250.0``)."""
    text = str(value).lstrip("$€£¥")
    forms = {text, text.replace(",", "")}
    try:
        forms.add(orjson.dumps(float(text.replace(",", ""))).decode())
        number = float(text.replace(",", ""))
        if number.is_integer():
            forms.add(str(int(number)))
    except ValueError:
        pass
    return {f for f in forms if f}


def number_in(text: str, value: Any) -> bool:
    """Whether ``text`` writes the number ``value`` in one of its forms (not as a piece of a
    longer number).

    >>> number_in("you have 12 left", 12), number_in("order 4125 shipped", 12), number_in("v1.12.3", "12")
    (True, False, False)
    """
    for form in number_forms(value):
        i = text.find(form)
        while i >= 0:
            j = i + len(form)
            before = text[i - 1] if i else ""
            after = text[j:j + 2]
            if not (before.isdigit() or (before in ".," and i > 1 and text[i - 2].isdigit())) \
                    and not (after[:1].isdigit() or (after[:1] in ".," and after[1:].isdigit())):
                return True
            i = text.find(form, i + 1)
    return False
