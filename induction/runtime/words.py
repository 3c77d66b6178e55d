"""Words a template fixes, for the request-time check of the fixed-words rule.

>>> words_of_text("The legacy project is frozen: never merge there.") >= {"legacy", "frozen"}
True
>>> equal_fixed({"project": ()}, {"project": "Legacy"}, frozenset({"legacy"}))
('project', 'Legacy')
>>> equal_fixed({"project": ()}, {"project": "search"}, frozenset({"legacy"})) is None
True
"""

from __future__ import annotations

import functools
import ipaddress
import re
from collections.abc import Container, Mapping, Sequence
from typing import Any

from induction.runtime.affixes import finite_number, text_of
from induction.runtime.template import MessageTemplate

_WORD = re.compile(r"[^\W\d_]{2,}")
# English function words: a user named Will or May, a country code "us" or "no", is no word a
# policy singles out ("you will", "we may"); checked, they cost hits on ordinary traffic and
# caught no false hit in a reviewer's traps (docs/review/traps17).
FUNCTION_WORDS = frozenset((
    "a", "an", "the", "and", "or", "but", "if", "in", "on", "at", "to", "of", "for", "by", "as", "is", "it",
    "its", "us", "we", "you", "your", "he", "she", "they", "them", "me", "my", "our", "no", "not", "so", "do",
    "be", "am", "are", "was", "were", "will", "may", "can", "might", "must", "shall", "would", "could",
    "should", "up", "all", "any", "this", "that", "these", "those", "there", "here", "what", "which", "who",
    "how", "when", "where", "with", "from", "into", "out", "than", "then", "too", "very", "just", "also",
    "one",
))


def words_of_text(text: str) -> frozenset[str]:
    """The words (two letters or more, lower case) of a text, function words left out.

    >>> sorted(words_of_text("Refund orders over $500, except VIP ones: you will see."))
    ['except', 'ones', 'orders', 'over', 'refund', 'see', 'vip']
    """
    return frozenset(w.lower() for w in _WORD.findall(text)) - FUNCTION_WORDS


# The roles whose messages state a policy (a system prompt, or a developer message in its place).
POLICY_ROLES = frozenset({"system", "developer"})
# Punctuation around a token of prose: "(10.50.0.0/16)." is the fragment 10.50.0.0/16.
_AROUND = "\"'()[]{}<>,;:.!?*"


# Digits alone make a fragment from this many: an account or an id, not a count or a year.
FRAGMENT_DIGITS = 6


def fragments_of_text(text: str) -> frozenset[str]:
    """The fragments of a text: tokens that hold a digit and punctuation inside (a subnet, a
    hardware prefix, a version pattern), or ``FRAGMENT_DIGITS`` digits or more alone (an
    account number), the punctuation around them left out.

    >>> sorted(fragments_of_text("Hosts in 10.50.0.0/16 (PCI) and MACs of prefix 00:50:56. Over 3 days in 2026."))
    ['00:50:56', '10.50.0.0/16']
    >>> sorted(fragments_of_text("Jobs in the production account 900000000001 must be blocked."))
    ['900000000001']
    """
    out = set()
    for token in text.split():
        token = token.strip(_AROUND)
        punctuated = any(c.isdigit() for c in token) and any(not c.isalnum() for c in token)
        if punctuated or (len(token) >= FRAGMENT_DIGITS and token.isascii() and token.isdigit()):
            out.add(token)
    return frozenset(out)


# A range of two numbers ("8000-8999", "0–8"); a date's three parts are none.
_RANGE = re.compile(r"(.*\d)[-\u2013](\d.*)")
# A list's markers ("1)" anywhere, "2." opening a line) are no numbers a policy names.
_MARKER = re.compile(r"\d{1,2}\)")
_LINE_MARKER = re.compile(r"\d{1,2}\.")
# A comparison glued to its number ("<=500", ">1000", "≥90").
_GLUED_COMPARISON = re.compile(r"[<>\u2264\u2265]=?")
# Words that compare with the number after them ("above 250", "more than 20", "at least 18",
# "within 30 days", "up to 3 times", "the time is 1763700000"), one or two tokens before it.
COMPARE_BEFORE = frozenset((
    "above", "over", "below", "under", "exceed", "exceeds", "exceeding", "exceeded", "beyond", "than",
    "least", "most", "within", "max", "maximum", "min", "minimum", "limit", "threshold", "cap", "up",
    "until", "till", "before", "after", "since", "now", "time", "deadline", "cutoff", "between",
))
# ... and after it, behind "or" or "and" ("60 minutes or more", "1,000,000 or above").
COMPARE_AFTER = frozenset((
    "more", "less", "fewer", "above", "below", "over", "under", "higher", "lower", "greater", "newer",
    "older", "later", "earlier", "up", "beyond",
))
# Words joining the two ends of a range written out ("8000 to 8999", "between 5 and 10").
_RANGE_WORDS = frozenset(("to", "through", "and"))


def _number_of(token: str) -> tuple[list[float], bool]:
    """The number(s) of one token of prose (both ends of a range) and whether the token
    compares by itself (a range, a percentage, a glued "<="); ([], False) for anything else."""
    token = token.strip(_AROUND.replace("<", "").replace(">", ""))
    glued = _GLUED_COMPARISON.match(token)
    token = token[glued.end():] if glued else token
    token = token.strip(_AROUND)
    percent = token.endswith("%")
    token = token[:-1] if percent else token
    pair = _RANGE.fullmatch(token)
    parts = pair.groups() if pair else (token,)
    numbers = [n for n in map(finite_number, parts) if n is not None]
    if len(numbers) != len(parts) or (pair and not numbers[0] < numbers[1]):
        return [], False
    return numbers, bool(pair or percent or glued)


def _bare(token: str) -> str:
    return token.strip(_AROUND).lower()


def numbers_of_text(text: str) -> frozenset[float]:
    """The numbers a text compares with: both ends of a range ("8000-8999", "8000 to 8999"), a
    percentage, a number glued to "<=" or "≥", and a plain number after a word that compares
    ("above", "more than", "at least", "within", "up to", "the time is": ``COMPARE_BEFORE``)
    or before "or more" and its kind (``COMPARE_AFTER``). Not a count in passing ("Step 1",
    "top 3", "the last 15 minutes", "HTTP 500"), a list marker, a date, a clock time, a version
    or a number glued to a unit ("500M").

    >>> sorted(numbers_of_text("Refunds above $1,250.00 (or 90% of the order) wait; ports 8000-8999 too."))
    [90.0, 1250.0, 8000.0, 8999.0]
    >>> sorted(numbers_of_text("Escalate tickets that waited 60 minutes or more; claims <=500 pay; ports 3000 to 3999."))
    [60.0, 500.0, 3000.0, 3999.0]
    >>> sorted(numbers_of_text("1) Read the last 15 minutes of logs on 2026-12-18 at 10:30 with v2.1.0, top 3. 2) Stop."))
    []
    """
    out: set[float] = set()
    for line in text.splitlines():
        tokens = line.split()
        for k, raw in enumerate(tokens):
            if _MARKER.fullmatch(raw) or (k == 0 and _LINE_MARKER.fullmatch(raw)):
                continue
            numbers, compares = _number_of(raw)
            if not numbers:
                continue
            if k + 2 < len(tokens) and _bare(tokens[k + 1]) in _RANGE_WORDS:
                end, _ = _number_of(tokens[k + 2])
                if len(end) == 1 and len(numbers) == 1 and numbers[0] < end[0] and (
                        _bare(tokens[k + 1]) != "and" or (k and _bare(tokens[k - 1]) == "between")):
                    out.update((*numbers, *end))
                    continue
            before = {_bare(t) for t in tokens[max(0, k - 2):k]}
            after = [_bare(t) for t in tokens[k + 1:k + 4]]
            behind = any(w in COMPARE_AFTER and i and after[i - 1] in ("or", "and") for i, w in enumerate(after))
            if compares or before & COMPARE_BEFORE or behind:
                out.update(numbers)
    return frozenset(out)


# Text a prompt sets apart: in parentheses, quotes or backticks.
_SET_APART = re.compile(r"\(([^()]*)\)|\"([^\"]*)\"|`([^`]*)`|(?<!\w)'([^']*)'(?!\w)")
# Punctuation that ends a word of prose ("logs," "Runbook:") or an apostrophe ("service's").
_PROSE_PUNCT = ",.;:!?'\u2019"


def named_of_text(text: str) -> frozenset[str]:
    """The words a text names as literal things: in parentheses, quotes or backticks, or in a
    token with punctuation inside or in front ("no-reply", ".exe", "mailer-daemon"), function
    words left out; and its fragments (``fragments_of_text``). Prose words ("search a
    service's logs") are not among them.

    >>> sorted(named_of_text("Never reply to automated senders (noreply, no-reply): search a service's logs."))
    ['noreply', 'reply']
    >>> sorted(named_of_text('Executables (.exe, .js) and "draft" files; hosts in 10.50.0.0/16.'))
    ['10.50.0.0/16', 'draft', 'exe', 'js']
    """
    named = [g for m in _SET_APART.finditer(text) for g in m.groups() if g]
    for token in text.split():
        core = token.rstrip(_PROSE_PUNCT + ")]}").lstrip("([{")
        if core and (not core[0].isalnum() or any(not c.isalnum() and c not in "'\u2019" for c in core)):
            named.append(core)
    return words_of_text(" ".join(named)) | fragments_of_text(text)


def words_of(template: MessageTemplate) -> frozenset[str]:
    """The words of a template's literal text: its content's fixed parts and its name."""
    return words_of_text(_literal_text(template))


def policy_of(template: MessageTemplate) -> frozenset[str]:
    """What a system prompt names as literal things (``named_of_text``) and the words of its
    prose with their forms (``forms_of``: "contractor" and "con" of "Contractors"), the words a
    value's parts and fragments are compared with; nothing for any other template (a value
    frozen in a tool result's template by chance is no policy).

    >>> from induction.runtime.template import TextTemplate
    >>> sorted(policy_of(MessageTemplate(role="system", content=TextTemplate(parts=("Quarantine .exe files.",)))))
    ['exe', 'fil', 'file', 'files', 'qua', 'quar', 'quarantine']
    """
    if template.role not in POLICY_ROLES:
        return frozenset()
    text = _literal_text(template)
    return named_of_text(text) | forms_of(words_of_text(text))


# A value's part of PREFIX_LETTERS to PREFIX_MAX letters may be a word of the prompt cut short
# ("ext" of "external", "prod" of "production"); a longer one is a word of its own (a surname
# "carrie" is no "carrier").
PREFIX_LETTERS = 3
PREFIX_MAX = 4


def forms_of(words: frozenset[str]) -> frozenset[str]:
    """``words`` and the forms a value's part may write them in: the singular of a plural
    ("contractor", "batch" of "batches", "battery" of "batteries", "knife" of "knives"), and its
    first ``PREFIX_LETTERS`` to ``PREFIX_MAX`` letters ("ext", "exe", "prod").

    >>> sorted(forms_of(frozenset({"contractors", "batches", "go"})))
    ['bat', 'batc', 'batch', 'batche', 'batches', 'con', 'cont', 'contractor', 'contractors', 'go']
    """
    out = set(words)
    for w in words:
        if not w.isalpha():
            continue
        out.update(w[:k] for k in range(PREFIX_LETTERS, min(len(w), PREFIX_MAX + 1)))
        if len(w) > 3 and w.endswith("s"):
            out.add(w[:-1])
            if w.endswith("es"):
                out.add(w[:-2])
            if w.endswith("ies"):  # batteries: battery
                out.add(w[:-3] + "y")
            if w.endswith("ves"):  # knives: knife; shelves: shelf
                out.update((w[:-3] + "f", w[:-3] + "fe"))
    return frozenset(out)


def cuts_of(template: MessageTemplate) -> frozenset[float]:
    """The numbers a system prompt's literal text names (``numbers_of_text``), the cuts a
    number in scope is placed against (``induction.runtime.cuts``); none for any other template.

    >>> from induction.runtime.template import TextTemplate
    >>> cuts_of(MessageTemplate(role="system", content=TextTemplate(parts=("Refunds above 250.00 wait.",))))
    frozenset({250.0})
    """
    return numbers_of_text(_literal_text(template)) if template.role in POLICY_ROLES else frozenset()


def _literal_text(template: MessageTemplate) -> str:
    parts = [p for p in template.content.parts if isinstance(p, str)] if template.content is not None else []
    if template.name:
        parts.append(template.name)
    return " ".join(parts)


class PathWords:
    """The words of the templates on a path, kept template by template: a long system prompt's
    words are one set shared by every node below it, not copied into each. ``policy``: what the
    system prompts among them name as literal things (``policy_of``: what a value's parts are
    compared with, ``stated``); its ``fragments`` are those that hold a digit.

    >>> "legacy" in PathWords((frozenset({"legacy"}), frozenset({"merge"}))), "web" in PathWords(())
    (True, False)
    >>> prompt = frozenset({"hosts", "10.50.0.0/16"})
    >>> PathWords((prompt,), (prompt,)).fragments, PathWords((prompt,)).stated("hosts")
    (('10.50.0.0/16',), False)
    """

    __slots__ = ("cuts", "fragments", "policy", "sets")

    def __init__(self, sets: tuple[frozenset[str], ...], policy: tuple[frozenset[str], ...] = (),
                 fragments: tuple[str, ...] | None = None, cuts: tuple[float, ...] = ()) -> None:
        self.sets = sets
        self.policy = policy
        self.cuts = cuts
        # Given by ``below`` where no policy was added: the parent's, not recomputed per node.
        self.fragments = fragments if fragments is not None else tuple(
            sorted({w for s in policy for w in s if any(c.isdigit() for c in w)}))

    def stated(self, word: str) -> bool:
        """Whether a system prompt on the path holds ``word``."""
        return any(word in s for s in self.policy)

    def __contains__(self, word: object) -> bool:
        return any(word in s for s in self.sets)

    def below(self, words: frozenset[str], policy: frozenset[str] = frozenset(),
              cuts: frozenset[float] = frozenset()) -> PathWords:
        """These words and ``words`` (a template's below the path), its ``policy`` words (a
        system prompt's named ones: ``policy_of``) and the numbers it names (``cuts_of``)."""
        if not words and not policy and not cuts:
            return self
        merged = tuple(sorted({*self.cuts, *cuts})) if cuts else self.cuts
        if not policy:
            return PathWords((*self.sets, words) if words else self.sets, self.policy, self.fragments, merged)
        return PathWords((*self.sets, words) if words else self.sets, (*self.policy, policy), cuts=merged)


def word_key(value: Any) -> str | None:
    """A value as a word to compare (lower case, trimmed), or None: a number, a boolean, text
    without a letter.

    >>> word_key(" Legacy "), word_key("42"), word_key(7)
    ('legacy', None, None)
    """
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    return text if text and any(c.isalpha() for c in text) else None


_SEGMENT = re.compile(r"[\W_]+")
_GLUED = re.compile(r"([^\W\d_]{2,})\d+")
_HEX = frozenset("abcdef")


def value_words(value: Any) -> tuple[str, ...]:
    """What of a value may equal a word the text fixes: the value itself (``word_key``) and,
    for a value of one token, each of its parts between punctuation that is all letters (the
    "noreply" of an address, the "exe" of a file name, the "legacy" of "legacy-app"), or letters
    before digits that are not all hex digits (the "prod" of "prod9-db-03").

    >>> value_words("noreply@shop.example"), value_words("Legacy"), value_words("New York"), value_words(3)
    (('noreply@shop.example', 'noreply', 'shop', 'example'), ('legacy',), ('new york',), ())
    >>> value_words("prod9-db-03"), value_words("acc366403@mail.com")  # a word before digits, not a hex run
    (('prod9-db-03', 'prod', 'db'), ('acc366403@mail.com', 'mail', 'com'))
    """
    key = word_key(value)
    if key is None:
        return ()
    if any(c.isspace() for c in key):
        return (key,)
    parts = []
    for p in _SEGMENT.split(key):
        glued = _GLUED.fullmatch(p)
        if p.isalpha():
            parts.append(p)
        elif glued is not None and not set(glued.group(1)) <= _HEX:
            parts.append(glued.group(1))  # the "prod" of "prod9", not the "acc" of a hex "af5acc3"
    parts = [p for p in parts if len(p) >= 2 and p != key]
    return (key, *dict.fromkeys(parts))


def fixed_of(value: Any, path_words: Container[str]) -> set[str]:
    """The words of ``path_words`` a value equals, or holds as a part (``value_words``) where a
    system prompt names it (``PathWords.stated``; any container of words states them all).

    >>> pw = PathWords((frozenset({"noreply", "mail"}),), (frozenset({"noreply"}),))
    >>> sorted(fixed_of("noreply@mail.example", pw)), sorted(fixed_of("mail", pw))
    (['noreply'], ['mail'])
    """
    words = value_words(value)
    if not words:
        return set()
    stated = path_words.stated if isinstance(path_words, PathWords) else path_words.__contains__
    out = {words[0]} if words[0] in path_words else set()
    out.update(w for w in words[1:] if stated(w))
    return out


def equal_fixed(fixed: Mapping[str, tuple[str, ...]], scope: Mapping[str, Any],
                path_words: Container[str]) -> tuple[str, Any] | None:
    """The first checked variable whose value here equals a word of ``path_words``, or holds
    one a system prompt states as a part (``fixed_of``), that no training value of it did, with
    the value; None when there is none.

    >>> equal_fixed({"sender": ("mail",)}, {"sender": "noreply@mail.example"}, frozenset({"noreply", "mail"}))
    ('sender', 'noreply@mail.example')
    """
    for var, seen in fixed.items():
        if any(w not in seen for w in fixed_of(scope.get(var), path_words)):
            return var, scope[var]
    return None


def aligned(value: str, fragment: str) -> int:
    """How long a prefix ``value`` shares with ``fragment`` that ends where both have a part's
    end (punctuation or their end next, in each), case aside: "10.5.2.7" shares "10" with
    "10.50.0.0/16", "00:0c:29:a1" all of "00:0C:29". An address inside a network the fragment
    writes shares all of it ("10.50.2.7" of "10.50.0.0/16", "10.0.200.7" of "10.0.128.0/17").

    >>> aligned("10.50.2.7", "10.50.0.0/16"), aligned("10.5.2.7", "10.50.0.0/16"), aligned("00:0c:29:a1", "00:0C:29")
    (12, 2, 8)
    >>> aligned("3c:22:fb", "00:50:56"), aligned("10.0.200.7", "10.0.128.0/17"), aligned("10.0.100.7", "10.0.128.0/17")
    (0, 13, 4)
    """
    if "/" in fragment and _inside(value, fragment):
        return len(fragment)
    value, fragment = value.lower(), fragment.lower()
    n = 0
    limit = min(len(value), len(fragment))
    while n < limit and value[n] == fragment[n]:
        n += 1
    while n > 0:
        if (n == len(value) or not value[n].isalnum()) and (n == len(fragment) or not fragment[n].isalnum()) \
                and value[n - 1].isalnum():
            return n
        n -= 1
    return 0


@functools.lru_cache(maxsize=256)
def _network(fragment: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    try:
        return ipaddress.ip_network(fragment, strict=False)
    except ValueError:
        return None


# An address at the start of a value (before a port, a path).
_ADDRESS = re.compile(r"[0-9A-Fa-f.:]{2,45}(?![0-9A-Fa-f.:])")


def _inside(value: str, fragment: str) -> bool:
    """Whether ``value`` starts with an IP address inside the network ``fragment`` writes."""
    network = _network(fragment)
    address = _ADDRESS.match(value)
    if network is None or address is None:
        return False
    try:
        return ipaddress.ip_address(address.group()) in network
    except ValueError:
        return False


# At most this many places in a value where a part starts are compared with the fragments.
PART_STARTS = 8


def near_fragments(value: Any, fragments: Sequence[str]) -> dict[str, int]:
    """For each fragment ``value`` shares an aligned prefix with (``aligned``), from its start or
    from the start of one of its first ``PART_STARTS`` parts (an address inside a URL, an
    account inside an ARN), the longest.

    >>> near_fragments("10.5.2.7", ("00:50:56", "10.50.0.0/16")), near_fragments(900000000001, ("900000000001",))
    ({'10.50.0.0/16': 2}, {'900000000001': 12})
    >>> near_fragments("https://10.50.2.7/admin", ("10.50.0.0/16",)), near_fragments(" arn:aws:iam::900000000001:role/x", ("900000000001",))
    ({'10.50.0.0/16': 12}, {'900000000001': 12})
    """
    text = text_of(value)
    if text is None or not fragments:
        return {}
    value = text.strip()
    starts = [0, *(m.end() for m in _PART_START.finditer(value, 0, 400))][:PART_STARTS + 1]
    out: dict[str, int] = {}
    for f in fragments:
        n = max(aligned(value[i:], f) for i in starts)
        if n:
            out[f] = n
    return out


_PART_START = re.compile(r"[\W_]+(?=\w)")


def closer_fragment(seen: Mapping[str, Mapping[str, int]], scope: Mapping[str, Any],
                    fragments: Sequence[str]) -> tuple[str, str] | None:
    """The first checked variable whose value here is closer to a fragment of the text above
    than any training value of it was (``seen``: per variable, per fragment, the longest
    aligned prefix a training value shared), with the fragment; None when there is none.

    >>> closer_fragment({"host": {"10.50.0.0/16": 2}}, {"host": "10.50.3.4"}, ("10.50.0.0/16",))
    ('host', '10.50.0.0/16')
    >>> closer_fragment({"host": {"10.50.0.0/16": 2}}, {"host": "10.7.3.4"}, ("10.50.0.0/16",)) is None
    True
    """
    for var, near in seen.items():
        for fragment, n in near_fragments(scope.get(var), fragments).items():
            if n > near.get(fragment, 0):
                return var, fragment
    return None
