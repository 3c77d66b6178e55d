"""relations: two text values relate (equal, one inside the other) only as training showed.

False hit prevented: a password holding the user name, a reassignment to the current owner,
a transfer to the same account, "windlife" after examples whose values each started with
the first word: the answer was learned where the values were never related (or always
were), and a request showing the other case is what no example did. Pairs of text
variables never related in any call are kept as ``ResponseTemplate.apart``, pairs related in
every call as ``together``. Guards ``password_has_username``, ``transfer_same_account``,
``new_password_same_as_old``, ``path_under_root``, ``correction_usually_same``,
``min_same_or_different``, ``reassign_same_owner`` (a known limit); and pairs that shared a
varying part in every call (``sharing``: a version's major, a region word inside a host name;
``version_major_relation``, ``region_host_relation``, a known limit over two runs).

Learning side: ``relations``; counted as ``relation_pairs`` (pairs kept on answers). Request-time
check: ``induction.runtime.lookup.related_text`` and ``broken_sharing`` (a pair that breaks its
relation misses).

>>> r = relations([{"user": "ann", "pw": "ann71", "to": "bob"}, {"user": "cyd", "pw": "cyd9", "to": "dee"}])
>>> r["apart"], r["together"]
((('user', 'to'), ('pw', 'to')), (('user', 'pw'),))
"""

from __future__ import annotations

from typing import Any

from induction.runtime.lookup import related_text, shared_part

APART_MAX_VARS = 24  # text variables compared pairwise (the lookup checks every pair kept)
APART_MAX_LEN = 200
# A part shared in every call is a relation from this many calls on, where it varied: two calls
# share a small part by chance too often.
SHARING_MIN_CALLS = 3


def relations(scopes: list[dict[str, Any]]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Pairs of text variables never related in any call (``apart``) and related in every
    call (``together``), where related is equal or one inside the other. Values always equal
    are one variable already, so not ``together``. Of the pairs never related, those that
    shared a part in every call of ``SHARING_MIN_CALLS`` or more (``lookup.shared_part``), a
    part that varied: ``sharing`` (a version's major against the one the user runs).

    >>> relations([{"run": "3.2.1", "new": "3.15.0"}, {"run": "5.0.2", "new": "5.9.9"}, {"run": "1.2.0", "new": "1.3.3"}])
    {'apart': (('run', 'new'),), 'together': (), 'sharing': (('run', 'new'),)}
    """
    names = [v for v in scopes[0] if all(isinstance(sc.get(v), str) and 0 < len(sc[v]) <= APART_MAX_LEN
                                         for sc in scopes)][:APART_MAX_VARS]
    apart, together, sharing = [], [], []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            seen = [related_text(sc[a], sc[b]) for sc in scopes]
            if not any(seen):
                apart.append((a, b))
                if len(scopes) >= SHARING_MIN_CALLS:
                    shared = [shared_part(sc[a], sc[b]) for sc in scopes]
                    if None not in shared and len(set(shared)) > 1:
                        sharing.append((a, b))
            elif all(seen) and not all(sc[a] == sc[b] for sc in scopes):
                together.append((a, b))
    return {"apart": tuple(apart), "together": tuple(together), "sharing": tuple(sharing)}
