"""Adversarial workflows (``evals/workflows/adversarial.py``): rote gives no false hit on the
guarded ones, at the training sizes and seed pairs where a reviewer once found false hits,
and over the ``adversarial`` suite's whole learning curve. Open findings and the known limits
are strict xfails, so a fix shows up as a failure asking to move the case.

Each case replays one workflow alone (20 test runs) after ``n`` training runs, as the
reviewers' drivers did. The reviewers' seed pairs draw the same data as in the reviews: the
workflows are seeded by their reviewer's name (``reviewer_name``).
"""

from __future__ import annotations

import pytest

from evals.report import SuiteReport
from evals.runner import run_suite
from evals.suite import GROUPS, Suite, load_suite
from evals.workflows import ADVERSARIAL, PROBE, PROBE2, REGISTRY, WORKFLOWS
from evals.workflows.adversarial import GUARDED, KNOWN_LIMITS

# The reviewers' findings: case -> (workflow, training runs, train seed, test seed). Case names are
# the reviewers' (their repro.py); workflow names are ours (see adversarial.py).
FINDINGS: dict[str, tuple[str, int, int, int]] = {
    # A: JSON tool results whose free-text slots swallowed structure or escapes
    "optfield": ("json_optional_key", 5, 1, 5001),
    "oneitem": ("json_list_mostly_one", 3, 2, 5002),
    "firstresult": ("json_first_result", 2, 10, 5010),
    "note": ("json_escaped_newline", 5, 1, 5001),
    "quote": ("json_escaped_quote", 5, 11, 5011),
    "forward": ("json_forward_escaped", 5, 11, 5011),
    # B: a text slot swallowing a list separator
    "invite": ("list_in_user_text", 5, 12, 5012),
    # C: the Deriver choosing one of several expressions that fit
    "total": ("sum_two_decimals", 5, 10, 5010),
    "total_float": ("sum_two_decimals", 2, 1, 5001),
    "add": ("sum_as_printed", 5, 11, 5011),
    "thousands": ("thousands_separator", 5, 1, 5001),
    "capitalize": ("capitalize_surname", 5, 12, 5012),
    "zfill": ("zero_padding", 8, 1, 5001),
    "nextyear": ("next_year_leap_day", 5, 14, 5014),
    "nextmonth": ("next_month_same_day", 3, 1, 5001),
    # D: variables that were always equal; case normalisation
    "addr": ("usually_equal_cities", 5, 10, 5010),
    "namecase": ("name_case_normalised", 8, 1, 5001),
    "emaillower": ("email_lowercased", 5, 11, 5011),
    # E: both outcomes seen (8 runs): the answer must be bound to the context, not to the item.
    "afford": ("afford_budget", 8, 1, 5001),
    # F: request settings
    "maxtok": ("max_tokens_cut", 5, 11, 5011),
    "stop": ("stop_sequence", 8, 1, 5001),
    # Found by the port's wider sweep (2 training runs whose examples all looked alike), fixed
    # since: arithmetic without binary noise; short numbers of one width may be padded.
    "total_float_repr": ("sum_two_decimals", 2, 16, 5016),
    "zfill_two_digits": ("zero_padding", 2, 24, 5024),
    # The second reviewer's (second round): a trailing space trimmed; a text slot that swallowed a
    # joiner (' and '), its own following literal (' at ') or a sentence boundary ('. '); a Python
    # repr's quotes and colons; parallel tool results bound by position, not tool_call_id.
    "trailing": ("trailing_space_name", 2, 1, 2),
    "trailtool": ("trailing_space_tool_arg", 2, 102, 103),
    "remind": ("one_or_two_reminders", 2, 7, 9),
    "inviteand": ("invite_one_or_two", 3, 1, 2),
    "sentence": ("second_sentence", 2, 1, 2),
    "parallel": ("parallel_results_order", 2, 1, 2),
    "repraddr": ("python_repr_address", 5, 1, 2),
    # Found by the port of the second round, fixed since: training runs whose parallel results
    # were out of call order are not learned from; a free-text slot refuses ": " (a new
    # labelled line) unless an example held it.
    "parallel_all_swapped": ("parallel_results_order", 2, 405, 406),
    "linestail": ("multiline_text_tail", 2, 405, 406),
    # Board cells as slots: "4" after X in two top corners was served for X on an edge.
    # Marks of one visible character (X, O, blank) are structure now.
    "board": ("board_first_reply", 3, 405, 406),
    # Known limits until numbers that no answer uses became structure (they were LIMITS cases).
    "threshold": ("expense_threshold", 5, 7, 9),
    "greeting": ("time_of_day_greeting", 2, 102, 103),
    "afford_one_outcome": ("afford_budget", 2, 1, 5001),
    "afford_budget_unseen": ("afford_budget", 3, 506, 507),
    "greeting_zero_padded": ("time_of_day_greeting", 5, 607, 608),
    # The third round (a reviewer's hunt): slots at the edge of a message, first / last word of
    # two-word values, a word every value of one branch shared, a timestamp in a date slot, a
    # deciding exit code behind an enum branch.
    "trailing_period": ("trailing_period_name", 2, 304, 305),
    "trailing_question": ("trailing_question_city", 2, 203, 204),
    "leading_mention": ("leading_mention", 2, 304, 305),
    "fullname_first": ("full_name_first_word", 2, 304, 305),
    "fullname_last": ("full_name_last_word", 2, 102, 103),
    "city_zip": ("city_zip_adjacent", 2, 203, 204),
    "shared_word_branch": ("shared_word_in_branch", 3, 1920, 1921),
    "md_table": ("markdown_table_first_row", 3, 102, 103),
    "due_timestamp": ("due_timestamp", 2, 102, 103),
    "code_behind_enum": ("code_behind_enum", 5, 102, 103),
    # The fourth round, against the third's rules: numbers of 4+ digits and dates that decide,
    # a number copied only two turns later, symbol moods, edge characters outside a deny-list,
    # a widened "Dr. " + surname (now a rival of the narrow reading).
    "min_year": ("min_year", 2, 102, 103),
    "min_balance": ("min_json_balance", 2, 102, 103),
    "balance4": ("balance_json_4digit", 2, 1, 2),
    "min_date": ("min_date", 2, 1, 2),
    "date_deadline": ("date_deadline", 2, 1, 2),
    "min_emoticon": ("min_emoticon", 2, 102, 103),
    "min_leading": ("min_leading_slash", 2, 304, 305),
    "min_trailing": ("min_trailing_emoji", 2, 506, 507),
    "min_hour_later": ("min_hour_later", 2, 102, 103),
    "widen_title": ("widen_title", 5, 203, 204),
    # The fifth round, against the fourth's rules: deciding numbers after id-like labels,
    # signed numbers, gaps of numbers and words, non-ASCII punctuation at edges, slots beside
    # a newline or a space.
    "min_order_qty": ("min_order_qty", 2, 1, 2),
    "severity_p": ("severity_p", 5, 203, 204),
    "usd_prefix": ("currency_prefix_amount", 2, 1, 2),
    "gate_hash": ("gate_hash", 2, 304, 305),
    "py_version": ("python_version", 2, 203, 204),
    "exit_code_json": ("exit_code_json", 2, 304, 305),
    "api_version_json": ("api_version_json", 5, 506, 507),
    "min_signed": ("min_signed_int", 5, 506, 507),
    "json_negative": ("json_negative", 8, 304, 305),
    "unicode_minus": ("unicode_minus", 5, 1, 2),
    "seats_mixed": ("seats_word_or_number", 2, 102, 103),
    "min_inverted": ("min_leading_inverted", 2, 1, 2),
    "min_cjk_stop": ("min_trailing_cjk_stop", 2, 102, 103),
    "min_name_newline": ("min_name_newline", 2, 203, 204),
    "name_midline": ("name_before_space_word", 2, 405, 406),
    # The sixth round: a relation between two values (equal, one inside the other) that
    # training never showed, or always showed.
    "min_same_copied": ("min_same_copied", 8, 203, 204),
    "nfd_backref": ("nfd_backreference", 2, 102, 103),
    "cart_dup": ("add_to_cart_duplicate", 2, 405, 406),
    "same_as_old": ("new_password_same_as_old", 8, 203, 204),
    "dup_tags": ("duplicate_tags", 8, 405, 406),
    "pw_contains": ("password_has_username", 2, 304, 305),
    "min_contains": ("min_contains_copied", 2, 405, 406),
    "path_prefix": ("path_under_root", 2, 203, 204),
    # A known limit whose reviewer's case holds since evidence decides structure (other seeds may not).
    "stock_copied": ("stock_copied_decides", 8, 405, 406),
    "move_same": ("repeated_value_roles", 5, 405, 406),
    "literal_equal": ("min_literal_equal", 8, 203, 204),
    # Holds since a sentence's full stop is not glued to the name before it ("to ann."): the
    # names are a closed slot; (506, 507) at 2 runs still gives a false hit (its case in LIMITS).
    "reassign": ("reassign_same_owner", 8, 304, 305),
    # The tenth session's reviewer (docs/review/traps10): a word's place from the end or the
    # start, while every example had as many words.
    "meeting_with": ("meeting_about_topic", 5, 607, 608),  # 4 of 20
    "rename_to": ("rename_multiword_tag", 5, 708, 709),  # 1 of 20
    # The tenth session's second reviewer (docs/review/traps11): the rest of a list as one value.
    "list_tail_count": ("list_tail_count", 5, 304, 305),  # 5 of 20 before
    "checks_tail_status": ("tail_status_unseen", 5, 102, 103),  # 5 of 20 before
    # ... and times of day, weighed as no quantity at all (a "time" label, digits around ":").
    "support_hours": ("clock_in_system_prompt", 5, 1, 2),  # 4 of 20 before
    "cutoff_time_tool": ("cutoff_time_in_result", 5, 102, 103),  # 1 of 20 before
    # ... and a derivation that changes characters, on characters no example held.
    "email_accents": ("email_from_accented_name", 5, 102, 103),  # 3 of 20 before
    # ... and numbers joined by one separator (a version), weighed as no quantity.
    "version_mix": ("firmware_version_gate", 5, 405, 406),  # 5 of 20 before
    # The eleventh session: a number with a unit in two shapes ("1GB" beside "1.2GB").
    "size_nospace": ("attachment_size_limit", 5, 304, 305),  # 3 of 40 calls before
    # The eleventh session's reviewer (docs/review/traps12): a JSON field's decimals taken for a log
    # line's measurement, numbers in a row taken for one text.
    "fraud_4dp": ("fraud_score_decimals", 5, 102, 103),  # 6 of 46 calls before
    "bp_readings": ("readings_in_a_row", 5, 607, 608),  # 4 of 20 before
    "aed_glued": ("code_glued_amount", 5, 607, 608),  # 5 of 60 calls before
    # The eleventh session's second reviewer (docs/review/traps13): below the model's choice, two
    # numbers each inside its range, their gap deciding.
    "choice_remainder": ("transfer_leaves_little", 5, 1, 2),  # 1 of 57 calls before
    # ... and a version below every one seen, money in $k or $M after a label of noise, decimals
    # after a key in key=value text.
    "firmware_lexi": ("firmware_below_seen", 5, 304, 305),  # 3 of 43 calls before
    "deal_size_km": ("deal_size_in_units", 5, 304, 305),  # 2 of 42 calls before
    "fraud_kv": ("score_in_key_value", 5, 304, 305),  # 2 of 42 calls before
    # The twelfth session: quantities after a JSON list's first item (``list_tails.quantity_range``).
    "json_tail_amount": ("json_tail_amount_cap", 5, 203, 204),  # 1 of 60 calls before
    "json_string_amount": ("json_tail_amount_text", 5, 203, 204),  # 1 of 60 calls before
    # A model's own words beside its call, worded alike in two runs by chance: a third is needed.
    "commentary_twice": ("commentary_beside_call", 2, 304, 305),  # 17 of 47 calls before
    # Two or three runs copied the project; "legacy", which the prompt says is frozen, was
    # served the merge: a value equal to a word the text above fixes is refused (fixed-words).
    "frozen_two_runs": ("frozen_project", 2, 203, 204),  # 5 of 20 calls before
    # The first of parallel results weighed against the next (ed97cbd): its free-text note freed.
    "parallel_note": ("parallel_first_note", 5, 304, 305),  # 4 of 20 calls with ed97cbd
    # Known limits until a value equal to a word the text above fixes was refused (fixed-words):
    # the prompt names the exception (tier IV, New York, the owner, the list's members).
    "widen_new_city": ("widen_new_city", 2, 1, 2),  # 8 of 40 before
    "reassign_two_runs": ("reassign_same_owner", 2, 506, 507),  # 1 of 54 before
    "name_in_list": ("name_in_list", 2, 1, 2),  # 1 of 40 before
    "forwarded_tier": ("forwarded_tier", 2, 506, 507),  # 7 of 40 before
    "frozen_three_runs": ("frozen_project", 3, 405, 406),  # 4 of 20 calls before
    # Texts of as many tokens aligned position by position (fb48466): shifted key=value fields.
    "kv_shift_ticket": ("kv_shift_ticket", 5, 102, 103),  # 2 of 20 calls with fb48466's alignment
    "kv_shift_gateway": ("kv_shift_gateway", 3, 405, 406),  # 11 of 20 calls with fb48466's alignment
    # Plain-text tables of different lengths: a row aligner built that session hit these falsely
    # and was taken out (docs/review/traps14); they keep any new one honest.
    "csv_tail_price": ("csv_tail_price_cap", 5, 708, 709),  # 3 of 50 calls with the aligner, no column ranges
    "md_tail_status": ("csv_tail_closed_room", 5, 708, 709),  # 1 of 40 calls with the aligner, no closed words
    "first_row_status": ("md_first_row_closed", 5, 203, 204),  # 8 of 40 calls with the aligner
    "md_size_units": ("md_attachment_sizes", 5, 405, 406),  # 5 of 50 calls with the aligner
    "overdue_date": ("csv_overdue_invoice", 5, 506, 507),  # 2 of 40 calls with the aligner
    "score_row_order": ("score_in_a_row", 5, 1, 2),  # 2 of 38 calls before
    # A known limit until the words beside a call refused the other declared tools' words.
    "commentary_refund": ("commentary_announces_refund", 5, 1, 2),  # 3 of 46 before
    # Blocks of lines (the fourteenth session; docs/review/traps18): a split dropped a block's
    # mark, a free column let a country the prompt names pass, rows swallowed whole by the
    # word aligner served any number of lines.
    "footer_split": ("block_footer_split", 3, 203, 204),  # 4 of 49 calls with b78cff8
    "named_country": ("block_named_country", 5, 304, 305),  # 3 of 57 calls with b78cff8
    "batch_total_swallowed": ("block_batch_total", 3, 1, 2),  # 7 of 60 calls before line-blocks
    # ... and the next reviewer's (docs/review/traps19), against ba56b1c.
    "heavy_item_joined": ("block_heavy_item", 3, 405, 406),  # 3 of 80 calls
    "stale_backup": ("block_stale_backup", 8, 1, 2),  # 1 of 43 calls
    "primary_record": ("block_primary_record", 20, 607, 608),  # 2 of 44 calls
    # The fifteenth session's reviewer (docs/review/traps20), against f037de9: an order between
    # numbers whose labels were taken for other units was dropped.
    "nights_max_stay": ("nights_over_max_stay", 3, 1, 2),  # 2 of 57 calls
    "leave_balance": ("leave_balance_short", 5, 708, 709),  # 2 of 58 calls
    # The reviewer's of the sixteenth session's parent (docs/review/traps21), fixed by copied-affixes
    # and time-order; fewer runs stay known limits (LIMITS).
    "id_prefix_five": ("copied_id_prefix_decides", 5, 102, 103),  # 4 of 56 calls before
    "email_domain_three": ("copied_email_domain_decides", 3, 304, 305),  # 5 of 60 calls before
    "token_expired_three": ("token_expired_in_result", 3, 102, 103),  # 3 of 60 calls before
    # The sixteenth session's reviewer's bare traps (docs/review/traps22), with the value in a JSON
    # field, against 3489f61: fixed by fixed-words' parts and fragments, a copied number's
    # magnitude, the repo copied whole (rivals.widen); two runs stay known limits (LIMITS).
    "noreply": ("noreply_sender", 2, 708, 709),  # 4 of 60 calls before
    "pci_subnet": ("pci_subnet_named", 5, 607, 608),  # 5 of 60
    "executable": ("executable_attachment", 2, 102, 103),  # 5 of 60
    "charge_three": ("charge_over_limit", 3, 102, 103),  # 3 of 60
    "repo_suffix_three": ("regional_email_repo", 3, 304, 305),  # 15 of 60
    "vm_mac_three": ("vm_mac_prefix_named", 3, 1, 2),  # 3 of 60
    # The seventeenth session's reviewer's bare traps (docs/review/traps23), with the value in a
    # JSON field, against af271e6: a number past one the system prompt names (named-numbers).
    "refund_over_limit": ("refund_over_named_limit", 3, 405, 406),  # 3 of 60 calls before
    "debug_port": ("debug_port_named_range", 2, 405, 406),  # 18 of 60
    "disk_percent": ("disk_over_named_percent", 3, 102, 103),  # 5 of 45
    "charge_two_runs": ("charge_over_limit", 2, 102, 103),  # 3 of 60
    "revenue": ("revenue_millions", 2, 405, 406),  # 3 of 40: a known limit before
    "token_expiry": ("token_expiry", 2, 1, 2),  # 3 of 63: a known limit before
    "zip_decides": ("zip_decides", 2, 1, 2),  # 2 of 38: a known limit before
    "wait_time": ("wait_time_in_result", 5, 1, 2),  # 1 of 41: a known limit before
    # ... and two of them where two values share a part (relations' sharing).
    "version_major": ("version_major_relation", 5, 708, 709),  # 2 of 60
    "region_host_three": ("region_host_relation", 3, 708, 709),  # 5 of 60
    # A known limit fixed by fixed-words' prose: the shop's name in the prompt, a part of staff emails.
    "staff_email": ("staff_email_in_system_prompt", 5, 1, 2),  # 3 of 40 before
}
# Known limits whose reviewer's finding is fixed (the case above passes); other seed pairs still
# give false hits (their case in LIMITS).
FIXED_IN_LIMITS = frozenset({"second_sentence", "stock_copied_decides", "copied_id_prefix_decides",
                             "copied_email_domain_decides", "token_expired_in_result",
                             "regional_email_repo", "vm_mac_prefix_named", "region_host_relation"})

# The known limits at the reviewer's cases (false hits of 20 test runs today in the comment). Strict
# xfails: a fix makes the case pass and fail the test, until the workflow's known_limit is cleared.
LIMITS: dict[str, tuple[str, int, int, int]] = {
    "split": ("split_bill_rounding", 3, 15, 5015),  # 1
    "max": ("max_of_three", 3, 13, 5013),  # 13
    "sort": ("sort_three", 2, 2, 5002),  # 17
    "plural": ("plural_items", 5, 1, 2),  # 5
    "truncate": ("truncate_title", 5, 10, 5010),  # 3
    "article": ("a_or_an", 2, 1, 2),  # 10; the review swept it, this case is ours
    # Found by the port of the second round (sweep of the 8 seed pairs of --seeds 8 at 2/3/5/8 runs):
    "sentence_honorific": ("second_sentence", 5, 304, 305),  # 6 of 40; a training name was "Mrs. ..."
    # The fourth round: a value copied into one answer that decides another.
    "budget_echoed": ("budget_echoed", 3, 405, 406),  # 3 of 40
    # Parity: once evidence decides structure (several numbers answered alike are noise), a
    # parity inside the range training saw cannot be told from noise: the judge's job.
    "parity": ("even_or_odd", 5, 7, 9),
    "even_number_label": ("even_number_label", 5, 1, 2),
    "even_number_mostly": ("even_number_mostly", 3, 1, 2),
    "date_weekend": ("date_weekend", 5, 506, 507),  # 2 of 20; a weekday decides, like parity
    # The fifth round's limits.
    "trailing_word": ("trailing_digits_edge", 2, 405, 406),  # 7 of 40
    # The sixth round's limits: a value equal to a fixed word of the template.
    # Forwarded codes (2026-12-06): a code copied whole into a tool call, a flag beside it deciding.
    "forwarded_grade": ("forwarded_grade", 8, 506, 507),  # 1 of 40
    # The thirteenth session's reviewer's controls (docs/review/traps16): identifier-like numbers
    # and timestamps are never range-checked; free text seen of one kind only is data.
    "duration_label": ("duration_label_threshold", 10, 1, 2),  # 3 of 40
    "note_unseen": ("note_in_result_unseen", 5, 304, 305),  # 2 of 20
    "login_hour": ("login_hour_in_timestamp", 10, 1, 2),  # 2 of 20
    "ios_glued": ("os_version_glued", 5, 1, 2),  # 1 of 40
    # A missing line decides (docs/review/traps18).
    "canary_only": ("block_canary_only", 5, 102, 103),  # 6 of 52
    # A copied value's inner part decides (docs/review/traps21, the fifteenth session).
    "id_prefix": ("copied_id_prefix_decides", 3, 102, 103),  # 4 of 56
    "email_domain": ("copied_email_domain_decides", 2, 304, 305),  # 5 of 60 at 3 runs before copied-affixes
    "token_two_runs": ("token_expired_in_result", 2, 304, 305),  # 5 of 60
    # A value's part decides (docs/review/traps22, in JSON): a first digit the prompt singles out
    # among random ids, a value read and not copied, and what two runs show too thinly.
    "test_order_prefix": ("test_order_prefix", 3, 607, 608),  # 4 of 60
    "ip_read_not_copied": ("ip_outside_network", 8, 1, 2),  # 5 of 60
    "repo_two_runs": ("regional_email_repo", 2, 506, 507),  # 4 of 60
    "vm_mac_two_runs": ("vm_mac_prefix_named", 2, 203, 204),  # 17 of 60
    "region_host_two_runs": ("region_host_relation", 2, 708, 709),  # 4 of 60
}


def _case_suite(workflow: str, n: int, train: int, test: int) -> Suite:
    return Suite.model_validate({
        "name": f"adversarial-{workflow}-{n}-{train}-{test}", "workflows": [workflow], "train_runs": n,
        "test_runs": 20, "seeds": {"train": train, "test": test}, "learning_curve": [], "baselines": ["exact"],
        "lookup_budget_ms": 50, "thresholds": {"max_false_hits": 0, "beat_exact": False}})


def _false_hits(report: SuiteReport) -> str:
    rows = report.calls[(report.calls["system"] == "rote") & report.calls["false_hit"]]
    return rows[["workflow", "train_runs", "run", "call"]].to_string(index=False)


def _assert_no_false_hit(report: SuiteReport) -> None:
    rote = report.calls[report.calls["system"] == "rote"]
    assert not rote["error"].notna().any(), "a lookup raised"
    assert int(rote["false_hit"].sum()) == 0, f"false hits:\n{_false_hits(report)}"
    assert report.ok, report.violations


@pytest.mark.parametrize("case", sorted(FINDINGS))
def test_reviewer_findings_stay_fixed(case: str) -> None:
    workflow, n, train, test = FINDINGS[case]
    assert workflow in GUARDED or workflow in FIXED_IN_LIMITS
    _assert_no_false_hit(run_suite(_case_suite(workflow, n, train, test)))


@pytest.mark.parametrize("case", [
    pytest.param(k, marks=pytest.mark.xfail(reason=str(ADVERSARIAL[v[0]].known_limit), strict=True))
    for k, v in sorted(LIMITS.items())])
def test_known_limits_still_hold(case: str) -> None:
    workflow, n, train, test = LIMITS[case]
    assert workflow in KNOWN_LIMITS
    _assert_no_false_hit(run_suite(_case_suite(workflow, n, train, test)))


def test_adversarial_suite_has_no_false_hit_at_any_training_size() -> None:
    report = run_suite("adversarial")
    # The suite's threshold checks the main point (5 runs); every point of the curve must hold too.
    curve = report.curve[report.curve["system"] == "rote"].set_index("train_runs")
    assert sorted(curve.index) == [2, 3, 5, 8]
    _assert_no_false_hit(report)
    assert report.calls.loc[report.calls["system"] == "rote", "hit"].any()


def test_registration_keeps_the_catalog_and_default_suite_unchanged() -> None:
    assert not WORKFLOWS.keys() & ADVERSARIAL.keys()
    assert REGISTRY == {**WORKFLOWS, **ADVERSARIAL, **PROBE, **PROBE2}
    assert load_suite("default").workflows == list(WORKFLOWS)
    assert GROUPS["all"] == tuple(WORKFLOWS)
    assert set(GUARDED) | set(KNOWN_LIMITS) == set(ADVERSARIAL)
    assert not set(GUARDED) & set(KNOWN_LIMITS)


def test_suites_cover_the_groups() -> None:
    guarded, limits = load_suite("adversarial"), load_suite("adversarial-limits")
    assert guarded.workflows == list(GUARDED) and guarded.thresholds.max_false_hits == 0
    assert limits.workflows == list(KNOWN_LIMITS) and limits.thresholds.max_false_hits is None
    assert guarded.learning_curve == [2, 3, 5, 8] and guarded.baselines == ["exact"]
    for name in KNOWN_LIMITS:
        assert ADVERSARIAL[name].known_limit, name
    assert all(w.cacheable for w in ADVERSARIAL.values())
    assert {w for w, *_ in FINDINGS.values()} <= set(GUARDED) | FIXED_IN_LIMITS
    assert FIXED_IN_LIMITS.issubset(KNOWN_LIMITS)
    assert {w for w, *_ in LIMITS.values()} | FIXED_IN_LIMITS == set(KNOWN_LIMITS)


def test_group_keywords_and_names_mix() -> None:
    s = Suite.model_validate({"name": "t", "workflows": ["hello", "adversarial", "json_optional_key"]})
    assert s.workflows == ["hello", *GUARDED]
    with pytest.raises(ValueError, match="unknown workflows"):
        Suite.model_validate({"name": "t", "workflows": ["h_optfield"]})

