"""What induction hands the runtime: template nodes, derivations and response templates.

These are the typed values the induction stages produce and
``induction.runtime.compiled.compile_tree`` turns into a servable tree.

>>> from induction.runtime.template import MessageTemplate, TextTemplate, Slot
>>> node = TemplateNode(id="n1", parent=None, namespace="default",
...     template=MessageTemplate(role="user", content=TextTemplate(parts=("Say hello to ", Slot(var="name"), "."))),
...     response=ResponseTemplate(message=MessageTemplate(role="assistant",
...         content=TextTemplate(parts=("Hello, ", Slot(var="name"), "!")))))
>>> node.status
'live'
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from induction.runtime.affixes import AffixCheck
from induction.runtime.cuts import CutCheck
from induction.runtime.lines import BlockCheck
from induction.runtime.tails import TailCheck
from induction.runtime.template import MessageTemplate

Status = Literal["live", "staged", "uncacheable"]


class Derivation(BaseModel):
    """How a dependent variable is computed from others.

    Exactly one of ``expr`` (the closed transform DSL, see ``induction.runtime.dsl``)
    or ``python`` (source of a pure function named ``function`` taking ``args`` as
    keyword arguments, verified in the sandbox before publishing) is set.
    """

    model_config = ConfigDict(frozen=True)

    var: str
    args: tuple[str, ...]
    expr: Any | None = None
    python: str | None = None
    function: str | None = None
    # Other DSL expressions that fit every example as well (``name`` and ``title(name)``
    # when every example was capitalised, ``billing_city`` and ``shipping_city`` when they
    # were always equal): the evidence cannot tell them apart, so at request time they
    # must all give ``expr``'s value, else the lookup misses.
    alternatives: tuple[Any, ...] = ()
    # For a derivation that reworks text (changes case, cuts at a separator, replaces): the
    # characters other than ASCII letters, digits and spaces its values held in training. A
    # value holding another ("josé.garcía@", "o'brien", "r&d-updates" where every example was
    # plain ASCII) is a miss: what the model did with it ("jose" or "josé"?) no example
    # showed. None: no check (a copy, arithmetic).
    alphabet: str | None = None


class ResponseTemplate(BaseModel):
    """The cached answer for a request whose context ends at a node."""

    model_config = ConfigDict(frozen=True)

    message: MessageTemplate
    finish_reason: str = "stop"
    # Request-level settings (model, tools, response_format, ...) the evidence was
    # recorded under, as ``induction.hashing.request_key`` digests; a request
    # with any other settings is a miss.
    request_keys: tuple[str, ...] = ()
    # Dependent variables computed before hydrating, in topological order.
    derivations: tuple[Derivation, ...] = ()
    usage: dict[str, int] | None = None
    # How many recorded calls (from distinct runs) this answer was induced from.
    evidence: int = 0
    # Variables in scope that had this one value in every call the answer was seen
    # for: the evidence says nothing about other values, so any other is a miss
    # (JSON equality; a text-read value also matches its JSON spelling).
    pins: dict[str, Any] = Field(default_factory=dict)
    # Closed variables (a status every run went on alike with, ``closed-values``) with the
    # values the calls of this answer were seen with: any other value is a miss.
    choices: dict[str, tuple[Any, ...]] = Field(default_factory=dict)
    # Pairs of text variables that were never equal and never one inside the other in any
    # call the answer was seen for: a request where they are ("Reassign to bob" when bob
    # owns it, a password holding the user name) shows a relation no example did, which
    # may decide the answer; it is a miss (``lookup._related``).
    apart: tuple[tuple[str, str], ...] = ()
    # And pairs that were related (equal, or one inside the other) in every call: a request
    # where they are not ("windlife" does not start with "tend") breaks what every example
    # showed; it is a miss too.
    together: tuple[tuple[str, str], ...] = ()
    # And pairs that shared a part in every call, a part that varied (a version's major, "3"
    # of "3.2.1" and "3.15.4"; a region "EU" and the "eu" of "exp-07.eu.corp.example";
    # ``lookup.shared_part``): a request where they share none (the latest release a new
    # major, an EU customer's export on a us host) breaks it; a miss.
    sharing: tuple[tuple[str, str], ...] = ()
    # A literal answer seen in one call, at a context seen once: served only to an exact
    # repeat of that whole context (every message matched by hash), never through a
    # template above it. A cache must never hit less than an exact-match cache would.
    exact_once: bool = False
    # Quantities no answer reads that evidence took for noise (``induction.evidence``), with
    # the (low, high) training saw: a request outside is a miss (a threshold nobody saw).
    ranges: dict[str, tuple[float, float] | tuple[str, str]] = Field(default_factory=dict)
    # Pairs (a, b) of numbers with a <= b in every call the answer was seen for, one of them a
    # quantity taken for noise (``induction.evidence.order_pairs``): a request where a > b
    # shows an order no example did (a budget below the price), which may decide the answer.
    order: tuple[tuple[str, str], ...] = ()
    # Pairs (a, b, low, high) of quantities taken for noise with low <= b - a <= high (and
    # a <= b) in every call the answer was seen for (``induction.evidence.order_gaps``): "leaves
    # less than $200" is a threshold on the gap, as a range's is on one number; a gap no example
    # had is a miss.
    gaps: tuple[tuple[str, str, float, float], ...] = ()
    # Pairs (a, b, low, high) of ISO dates, one of them a date taken for noise, with
    # low <= b - a <= high days in every call the answer was seen for
    # (``induction.evidence.date_spans``): a request where they lie further apart or closer
    # (a purchase older than any return window seen) is a miss.
    spans: tuple[tuple[str, str, int, int], ...] = ()
    # Variables holding the rest of a JSON list (or a whole list) with what the lists held in
    # the calls the answer was seen for (``induction.runtime.tails``): a request whose list is
    # longer or shorter, or whose items hold a status or tag never seen, is a miss.
    tails: dict[str, TailCheck] = Field(default_factory=dict)
    # Variables holding a block of lines of a plain-text result with what the blocks held in
    # the calls the answer was seen for (``induction.runtime.lines``): a request whose block
    # holds more or fewer lines, or a line of a shape, a word or a quantity never seen, is a
    # miss.
    blocks: dict[str, BlockCheck] = Field(default_factory=dict)
    # Variables of letters, each with the values training saw that equalled a word of the
    # literal text of the templates on the node's path (the fixed-words rule): a
    # request whose value equals another such word ("legacy", named by the system prompt) is
    # a miss.
    fixed_words: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # Variables of one-token text, each with, per fragment of that literal text that holds a
    # digit ("10.50.0.0/16", "00:50:56"), the longest prefix ending at a part's end a training
    # value shared with it (fixed-words too): a request's value that shares a longer one (a host
    # in 10.50.x.x) is a miss.
    fragments: dict[str, dict[str, int]] = Field(default_factory=dict)
    # Variables whose training values were all numbers, with the numbers the system prompts on
    # the node's path name and the cells of the number line between them the values fell in
    # (``induction.runtime.cuts``, the named-numbers rule): a request's number in another cell
    # (a refund above the 250.00 the prompt names, where every one seen was below) is a miss.
    cuts: dict[str, CutCheck] = Field(default_factory=dict)
    # Variables the answer copies or computes from, with what every value training saw shared
    # (``induction.runtime.affixes``, the copied-affixes rule): a request whose value starts or
    # ends otherwise (a bot's "B" id where people's "U" ids were DMed, an outside email's
    # domain) is a miss.
    affixes: dict[str, AffixCheck] = Field(default_factory=dict)
    # Pairs (a, b) of timestamp variables with a before b in every call the answer was seen for
    # (``induction.runtime.instants``, the time-order rule): a request where a is not before b
    # (a token's expiry before the clock the system prompt gives) is a miss.
    before: tuple[tuple[str, str], ...] = ()


class TemplateNode(BaseModel):
    """One message of the template tree.

    ``derivations`` are dependent variables that appear in this message: after
    the message matches, each is computed (in order) from variables in scope and
    must equal the value read off the message, else the match fails.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    parent: str | None  # None: a first message of the namespace
    namespace: str = "default"
    template: MessageTemplate
    derivations: tuple[Derivation, ...] = ()
    response: ResponseTemplate | None = None
    status: Status = "live"
    evidence: tuple[str, ...] = Field(default=(), description="record ids this node was induced from")
