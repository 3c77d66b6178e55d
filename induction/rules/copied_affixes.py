"""copied-affixes: a value copied whole serves only values that keep what every training value shared.

False hit prevented: "Slack ids starting with B are bots: never DM a bot" and runs that
resolved people (``U…``, ``W…``) and DMed them: the id is one copied value, data, and a bot's
``BTUP21M56`` was served ``send_dm(user_id="BTUP21M56")``. Likewise an outside email served
the grant learnt from ``@corp.example`` addresses, a phishing host served ``fetch``, a ``+44``
number served the call learnt from ``+1`` numbers, ``v3.0.0`` served the upgrade learnt on
``2.x``, an order id ``0`` (a sentinel) served ``order_details``. Whole values can show none
of this: the part that decides sits inside the value, and every value training saw had it
one way. (A reviewer's ``j21_json_*`` traps, ``docs/review/traps21``; guarded by
``copied_id_prefix_decides`` and ``copied_email_domain_decides``.)

Learning side: ``affix_check`` over the values each variable an answer copies or computes from took
in the calls the answer was seen for, once ``min_values`` of them are distinct (a name seen thrice
is one value) (``Answerer.with_affixes``; counted as ``affix_checks``): the most of each
punctuation character one value held (a ":port", a "+tag", a second "." of a subdomain is a shape
no value had); the longest prefix every value shared; the longest suffix every value shared from a
boundary (its first character is neither a letter nor a digit, or one is right before it in every
value: an email's domain, "acme.com" after "@" and after "uk."; a file's extension; a shared last
letter is chance); where no prefix was shared, the values' first characters when they were at most
``FIRSTS_MAX`` and the distinct names more than twice as many (a value's digits left out:
"events-3" and "events-7" are one name, "app12" and "app7" another) (people's ``U`` and ``W`` over
five runs; five random ids show two first characters or fewer by chance well under once in a
hundred); for values all of digits and at least ``DIGITS_MIN`` long (ids, not counts), their digit
count (the digit counts seen, no more or fewer: a port of 3 digits after 4- and 5-digit ones, a
7-digit order id after 6-digit legacy ones, is another kind), and from ``LONG_ID`` digits the prefix they shared (a "+" is literal text
in the template, "1" of "+1415..." the slot's). Numbers and amounts keep their magnitude instead:
the most integer digits one value had (a copied total of 5.20 to 950.00 serves none of 2,961.68:
an approval limit nobody saw; ``magnitude``). Dates, clock times and timestamps get no checks
here (their ranges and spans are what may decide; a shared "2026-11-" says nothing), nor do
values of several words (what they share at the ends is the template's, or chance); a number
written with a leading "+" (a phone number) is text. Request-time check:
``induction.runtime.affixes.out_of_affix``.

Not caught: a value whose deciding part varied in training too (ids of bots and people both
seen, then a third kind; a subnet among several, unless the prompt names it: ``fixed-words``),
a deciding part inside a value whose ends vary (a URL's host or path word), a first digit the
prompt singles out among random ids, a threshold inside the digits seen, a value of several
words. A timestamp against another is ``time-order``'s.

>>> affix_check(["U04ABC", "U7Z9QK", "U5510X"])
AffixCheck(prefix='U', suffix='', firsts=(), punct=(), digits=None, magnitude=None, negative=False)
>>> affix_check(["ann.lee@corp.example", "bo.chan@corp.example", "cy.diaz@corp.example"]).suffix
'@corp.example'
>>> affix_check(["Oslo", "Lima", "Rome"]).punct  # nothing shared but their shape: no punctuation
()
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from induction.runtime.affixes import AffixCheck, finite_number, integer_digits, text_of
from induction.runtime.ranges import CLOCK, as_number, days
from induction.tokens import recognise

# Recognised values whose parts are a period or a magnitude: a date's shared "/16/2023" is when, not what kind.
_TIMES = frozenset({"timestamp", "date", "money", "number"})

# Values all of digits that had at least this many are ids, whose digit count is kept.
DIGITS_MIN = 4
# ... and at least this many, an id no quantity is written as: a prefix they shared is kept.
LONG_ID = 7

_DIGITS = re.compile(r"[0-9]+")

# At most this many first characters make a closed set (``U``, ``W``; a kind letter or two).
FIRSTS_MAX = 3


def affix_check(values: Sequence[Any], min_values: int = 3) -> AffixCheck | None:
    """What every value of ``values`` (one variable's, one per training call) shared, or None
    when nothing was shared, the values are not all scalars or fewer than ``min_values`` of them
    are distinct (one value is pinned, a few repeated ones closed, not checked here).

    >>> affix_check(["v2.4.1", "v2.10.0", "v2.7.3"]).prefix, affix_check(["+14155550100", "+12125550123", "+13105550199"]).prefix
    ('v2.', '+1')
    >>> affix_check(["U4AB", "W3CD", "U5EF", "W7GH", "U9JK"]).firsts, affix_check([1234567, 7654321, 5550123]).digits
    (('U', 'W'), (7, 7))
    >>> affix_check(["2026-11-03", "2026-11-09", "2026-11-21"]) is None  # a date's range is what may decide
    True
    """
    texts = [text_of(v) for v in values]
    # Distinct values: a name seen three times (a service, a city) shows one value, not what
    # values of its kind share; a few repeated names are closed-values' job. None where a value
    # is no text (a float, a list): only a magnitude may then hold.
    seen = sorted({t for t in texts if t}) if all(texts) else None
    if (seen is not None and len(seen) >= min_values and all(t.isascii() and t.isdigit() for t in seen)
            and min(map(len, seen)) >= DIGITS_MIN):
        lo, hi = min(map(len, seen)), max(map(len, seen))
        # Ids, not counts: a count's digits are its magnitude (below). Long ones (``LONG_ID``,
        # as ``unread_values.is_quantity`` takes them) keep a shared prefix too: a phone's
        # country code after its "+". Not their first digits: random ids show eight of nine
        # over twenty values, and the ninth is as likely as any (a reviewer's test orders
        # starting with 9 are a known limit; checked, 10 of 40 test runs of a probe workflow
        # missed on a first digit no training id had).
        prefix = _common_prefix(seen) if lo >= LONG_ID else ""
        return AffixCheck(prefix=prefix, digits=(lo, hi))
    magnitude = _magnitude(values, min_values)
    if magnitude is not None:
        return AffixCheck(magnitude=magnitude[0], negative=magnitude[1])
    if seen is None or len(seen) < min_values or any(without_affixes(t) for t in seen):
        return None
    prefix = _common_prefix(seen)
    suffix = _boundary_suffix(seen)
    firsts: tuple[str, ...] = ()
    if not prefix:
        # The values' own first characters, weighed against the distinct names (a value's digits
        # left out): "events-3" and "events-7", "app12" and "app7" are one name each, not two
        # ids ("U3XPKM83J" and "U39S1XB9F" stay two).
        names = {_DIGITS.sub("", t) or t for t in seen}
        counts = Counter(t[0] for t in seen)
        if len(counts) <= FIRSTS_MAX and len(names) > 2 * len(counts):
            firsts = tuple(sorted(counts))
    # The most of each punctuation character one value held: a ":port", a "+tag", a subdomain's
    # second "." is a shape no training value had.
    most: dict[str, int] = {}
    for t in seen:
        for ch in set(t):
            if not ch.isalnum():
                most[ch] = max(most.get(ch, 0), t.count(ch))
    return AffixCheck(prefix=prefix, suffix=suffix, firsts=firsts, punct=tuple(sorted(most.items())))


def _magnitude(values: Sequence[Any], min_values: int) -> tuple[int, bool] | None:
    """The most integer digits one of ``values`` had and whether one was negative, where all
    are numbers (a JSON number, an amount or a count written as text; not one with a leading
    "+", a phone number) and at least ``min_values`` distinct; else None. A copied total of 5.20
    to 950.00 keeps 3: one of 2,961.68 is a magnitude no training call showed (an approval
    threshold nobody saw), one of -45.20 a sign (a credit, not a debt).

    >>> _magnitude([5.2, "950.00", 31], 3), _magnitude([0.5, -0.25, 0.75], 3), _magnitude([1, 2, 2], 3)
    ((3, False), (1, True), None)
    >>> _magnitude(["+14155550100", "+12125550123", "+13105550199"], 3), _magnitude([1, "x", 3], 3)
    (None, None)
    """
    numbers = []
    for v in values:
        if isinstance(v, str) and v.strip().startswith("+"):
            return None
        n = finite_number(v)
        if n is None:
            return None
        numbers.append(n)
    if len(set(numbers)) < min_values:
        return None
    return max(integer_digits(n) for n in numbers), min(numbers) < 0


def without_affixes(text: str) -> bool:
    """Whether ``text`` gets no prefix or suffix check: several words (what they share at the
    ends is the template's or chance), or a number (not one written with a leading "+", as phone numbers are), a date, a
    timestamp or a clock time: its leading digits are a magnitude or a period, not a kind.

    >>> without_affixes("1,250.00"), without_affixes("+14155550100"), without_affixes("2026-11-03T10:00Z")
    (True, False, True)
    >>> without_affixes("3/16/2023"), without_affixes("Nov 3"), without_affixes("v2.4.1")
    (True, True, False)
    """
    if any(c.isspace() for c in text):
        return True
    number = as_number(text)
    if number is not None:
        return not text.startswith("+")
    return recognise(text) in _TIMES or days(text) is not None or CLOCK.match(text) is not None


def _common_prefix(texts: list[str]) -> str:
    """The longest prefix every text shared (characters, not path parts).

    >>> _common_prefix(["U04", "U7Z", "U55"]), _common_prefix(["ab", "cd"])
    ('U', '')
    """
    first, last = min(texts), max(texts)  # the two that differ earliest bound every other
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[:n]


def _boundary_suffix(texts: list[str]) -> str:
    """The longest suffix every text shared that starts at a boundary: with a character that is
    neither a letter nor a digit, or right after one in every text ("acme.com" after "@" in one
    email and "." in another; "" if none).

    >>> _boundary_suffix(["a.pdf", "bb.pdf"]), _boundary_suffix(["ann", "dan"]), _boundary_suffix(["x-1", "y-1"])
    ('.pdf', '', '-1')
    >>> _boundary_suffix(["a@acme.com", "b@uk.acme.com", "c@acme.com"]), _boundary_suffix(["ab@x.com", "cb@x.com"])
    ('acme.com', '@x.com')
    """
    common = _common_prefix([t[::-1] for t in texts])[::-1]
    for i, ch in enumerate(common):
        cut = len(common) - i
        if not ch.isalnum() or all(len(t) > cut and not t[-cut - 1].isalnum() for t in texts):
            return common[i:]
    return ""
