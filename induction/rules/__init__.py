"""The induction rules as a named list, in the order induction applies them.

Each rule keeps one kind of false hit out of the compiled tree. Its module (one per rule,
as in sqlglot's optimizer) holds the learning-side predicate(s) ``induction.induce`` calls,
a docstring naming the false hit it prevents and the adversarial workflows that guard it
(``evals.workflows.adversarial``), a runnable example, and a reference to the request-time
check where one exists. The runtime (``induction.runtime``) never imports this package:
the proxy loads only the runtime, so a rule names its runtime check, not the other way round.

Every note induction writes for a structure split, a staged or an uncacheable verdict
carries the name of the rule behind it (``tag``), so ``rote explain`` and ``rote why``
show which rule decided; every rule names the run-report counters (``InductionResult.stats``)
it increments.

>>> [r.name for r in RULES][:4]
['results-order', 'coarsening', 'copied-spans', 'enum-values']
>>> tag("thin-air")
'[rule: thin-air]'
>>> RULE["unread-values"].runtime_check
'induction.runtime.ranges.in_range'
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    """One induction rule: its name (as notes and ``rote explain`` show it), the module that
    holds it, the false hit it prevents, the ``InductionResult.stats`` keys it increments and
    the dotted name of its request-time check (None: it acts at induction only)."""

    name: str
    module: str
    prevents: str
    counters: tuple[str, ...]
    runtime_check: str | None = None


def _rule(name: str, prevents: str, counters: tuple[str, ...], runtime_check: str | None = None) -> Rule:
    return Rule(name, "induction.rules." + name.replace("-", "_"), prevents, counters, runtime_check)


RULES: tuple[Rule, ...] = (
    _rule("results-order", "results of parallel calls read in the order they were completed, not called",
          ("records_out_of_order",), "induction.runtime.lookup.results_out_of_order"),
    _rule("coarsening", "one value cut at its joiners and weighed piece by piece, or read back ambiguously",
          ("coarsened",)),
    _rule("copied-spans", "a value the answers copy whole cut where the examples happened to share a word (a "
          "miss, not a false hit: the rule joins what the answers show is one value)", ("copied_spans",)),
    _rule("enum-values", "an answer learned for one status served for another status",
          ("enum_gaps", "structure_splits")),
    _rule("marks", "a board cell's or a checkbox's answer served for another mark", ("mark_gaps",)),
    _rule("unused-prose", "the answer to one instruction served for another instruction", ("prose_gaps",)),
    _rule("structure-evidence", "a value kept as structure though the runs show it does not decide (a miss, "
          "not a false hit: the rule frees what evidence clears)", ("evidence_data",)),
    _rule("closed-values", "an answer served for a status (a code, an instruction) it was never seen with, once "
          "the runs below a status that did not decide are weighed together", ("closed_gaps",),
          "induction.runtime.lookup.chosen"),
    _rule("structure-judge", "a value whose meaning decides the answer (parity, plural) served as data",
          ("judge_splits",)),
    _rule("split-by-answer", "one template over messages of different events, answered by a rival's answer",
          ("answer_splits",)),
    _rule("unread-values", "the answer to one number (a parity, a budget, a threshold) served for another",
          ("unread_number_splits", "evidence_noise"), "induction.runtime.ranges.in_range"),
    _rule("deciding-value", "an answer served for a value that was answered otherwise", ("branch_splits",)),
    _rule("context-bound", "an answer served under values above it that it was never seen with",
          ("context_bound_splits", "pinned_answers"), "induction.runtime.lookup._pinned"),
    _rule("thin-air", "an answer holding knowledge or creativity the request does not carry",
          ("thin_air_splits", "nodes_uncacheable")),
    _rule("unreadable", "a template the runtime would read back with other values than induction gave it",
          ("unreadable_splits", "json_realigned"), "induction.runtime.messages.match_message"),
    _rule("verify-apart", "a merged node that answers one of its own training calls wrongly",
          ("verify_splits",)),
    _rule("edges-and-refusals", "a free-text slot swallowing structure (a quote, a comma, a second item, "
          "the sentence's own punctuation)", ("refusing_slots", "edge_slots"),
          "induction.runtime.matcher.match_text"),
    _rule("rivals", "one of several explanations the examples cannot tell apart served where they disagree",
          ("rival_derivations",), "induction.runtime.bindings.derive"),
    _rule("list-tails", "an answer served for a list longer or shorter than any seen, or whose items hold a status, "
          "a tag or a quantity never seen, where the rest of the list was one value",
          ("tail_checks",),
          "induction.runtime.tails.out_of_tail"),
    _rule("line-blocks", "an answer served for a block of lines of a plain-text result (table rows, a menu, a log "
          "tail) longer or shorter than any seen, or holding a line, a status or a quantity never seen",
          ("block_checks",), "induction.runtime.lines.out_of_block"),
    _rule("fixed-words", "an answer served for a value equal to a word the text above fixes (a project the "
          "system prompt names as frozen), or holding one as a part, or closer to a fragment it names (a host in "
          "its 10.50.0.0/16), where no training value was", ("fixed_word_vars", "fragment_vars"),
          "induction.runtime.words.equal_fixed"),
    _rule("named-numbers", "an answer served for a number on a side of a number the system prompt names (a refund "
          "above its 250.00, a port in its 8000-8999) where no training value was", ("cut_vars",),
          "induction.runtime.cuts.out_of_cut"),
    _rule("copied-affixes", "an answer served for a copied value whose prefix, domain, first letter or digit count "
          "no training value had (a bot's B id where people's U ids were DMed)", ("affix_checks",),
          "induction.runtime.affixes.out_of_affix"),
    _rule("time-order", "an answer served where two timestamps came in an order no training call showed (a "
          "token's expiry before the clock the system prompt gives)", ("time_order_pairs",),
          "induction.runtime.instants.out_of_time_order"),
    _rule("relations", "an answer served where two values relate in a way no training call showed",
          ("relation_pairs",), "induction.runtime.lookup.related_text"),
    _rule("min-runs", "an answer generalised from too few calls", ("nodes_staged", "nodes_live",
                                                                   "exact_repeat_nodes"),
          "induction.runtime.lookup.explain"),
    _rule("request-settings", "an answer served under request settings (stop, model, max_tokens) it was not "
          "recorded with", ("request_settings",), "induction.runtime.tokens_limit.over_limit"),
)

RULE: dict[str, Rule] = {r.name: r for r in RULES}


def tag(name: str) -> str:
    """The mark a note carries for the rule behind it (``KeyError`` for an unknown rule)."""
    return f"[rule: {RULE[name].name}]"
