"""Golden tests for the induction stages: records in, templates/derivations out."""

from __future__ import annotations

import io
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from evals.workflows import REGISTRY, WORKFLOWS
from evals.workflows.base import Run, iter_records
from evals.workflows.catalog import Hello
from induction.explain import render_message as _render
from induction.induce import InductionResult, induce
from induction.runtime.compiled import compile_tree
from induction.runtime.nodes import TemplateNode
from tests.induction.builders import stored


def render_message(t: Any) -> str:
    """The template text without slot kinds: ``{{email:email}}`` -> ``{{email}}``."""
    return re.sub(r"\{\{(\w+):\w+\}\}", r"{{\1}}", _render(t))


def induced(workflow: str, n: int = 5, seed: int = 1) -> InductionResult:
    return induce(stored([r for run in WORKFLOWS[workflow].runs(seed=seed, n=n) for r in run]))


def node_with(result: InductionResult, text: str) -> TemplateNode:
    (node,) = [n for n in result.nodes if text in render_message(n.template)]
    return node


def answer(node: TemplateNode) -> str:
    assert node.response is not None
    return render_message(node.response.message)


def test_emails_and_ids_copied_into_tool_calls() -> None:
    r = induced("crm_email")
    user = node_with(r, "Send a follow-up to")
    assert render_message(user.template) == "Send a follow-up to {{email}} about invoice INV-{{invoice_inv}}."
    assert user.status == "live"
    assert answer(user) == 'lookup_contact({"email": {{email_2}}})'
    # A copy of the email, or the email lower-cased? Every example was lower-case, so the
    # two are kept and must agree: a mixed-case address is a miss.
    (d,) = user.response.derivations  # type: ignore[union-attr]
    assert d.expr == {"var": "email"} and d.alternatives == ({"op": "lower", "args": [{"var": "email"}]},)


def test_first_name_derived_from_full_name_in_tool_result() -> None:
    r = induced("crm_email")
    result = node_with(r, '"full_name":"{{full_name}}"')
    assert result.status == "live"
    assert answer(result) == ('send_email({"to": {{to}}, "subject": "Invoice INV-{{invoice_inv}}", '
                              '"body": "Hi {{name}}, just following up on invoice INV-{{invoice_inv}}. Thanks!"})')
    (_, d) = result.response.derivations  # type: ignore[union-attr]
    assert d.var == "name"
    assert d.expr == {"op": "split_index", "args": [{"var": "full_name"}, {"const": " "}, {"const": 0}]}
    # Every example's email began with the first name: that reading is kept beside it.
    email_first = {"op": "split_index", "args": [{"var": "email"}, {"const": "."}, {"const": 0}]}
    assert {"op": "capitalize", "args": [email_first]} in d.alternatives


def test_username_by_case_change_and_concatenation() -> None:
    r = induced("form_fill")
    node = node_with(r, "typed into #email\n")
    # The "." aligned across runs, so the concatenation lives in the template itself.
    assert answer(node) == 'fill({"selector": "#username", "value": "{{value}}.{{value_2}}"})'
    assert [(d.var, d.expr) for d in node.response.derivations] == [  # type: ignore[union-attr]
        ("value", {"op": "lower", "args": [{"var": "first_name"}]}),
        ("value_2", {"op": "lower", "args": [{"var": "last_name"}]})]


def test_timestamps_and_session_ids_are_noise_variables() -> None:
    r = induced("form_fill")
    node = node_with(r, "typed into #first_name\n")
    text = render_message(node.template)
    assert text.startswith("[{{timestamp}}] session={{session}} typed into #first_name")
    assert "timestamp" not in answer(node) and "session" not in answer(node)
    later = node_with(r, "typed into #last_name\n")  # the same session is the same variable
    assert "session={{session}}" in render_message(later.template)


def test_money_in_text_and_json_number_and_date_offset() -> None:
    r = induced("invoice_pay")
    user = node_with(r, "Please pay invoice")
    derivs = {d.var: d.expr for d in user.response.derivations}  # type: ignore[union-attr]
    assert derivs["amount"] == {"op": "to_number", "args": [{"var": "money"}]}
    assert derivs["pay_on"] == {"op": "date_add", "args": [{"var": "date"}, {"const": -3}]}
    assert '"amount": {{amount}}' in answer(user)


def _files_run(n: int, d: int, k: int) -> list[dict[str, Any]]:
    run = Run(Hello(), random.Random(n * 100 + d * 10 + k))
    run.system("You manage files.")
    run.user(f"Open file number {n} in /data/{d} and save the output as output_{k}.txt")
    run.call("run_script", {"dir": f"/data/{d}", "index": n, "out": f"output_{k}.txt"}, {"ok": True})
    run.say("Done.")
    return run.records


def test_equal_numbers_with_different_roles_stay_apart() -> None:
    recs = _files_run(3, 3, 3) + _files_run(2, 7, 5) + _files_run(4, 1, 9)
    r = induce(stored(recs))
    user = node_with(r, "Open file number")
    assert render_message(user.template) == (
        "Open file number {{file_number}} in /data/{{data}} and save the output as output_{{output_output}}.txt")
    call = answer(user)
    assert '"dir": "/data/{{data}}"' in call and '"out": "output_{{output_output}}.txt"' in call
    assert '"index": {{index}}' in call
    (d,) = user.response.derivations  # type: ignore[union-attr]
    assert d.var == "index" and d.args == ("file_number",)


def test_branch_decided_by_tool_result_stays_structure() -> None:
    runs = [run for run in WORKFLOWS["order_branch"].runs(seed=7, n=12)]
    statuses = ['"status":"shipped"' in str(run[1]["request"]["messages"]) for run in runs]
    assert any(statuses) and not all(statuses)
    r = induce(stored([rec for run in runs for rec in run]))
    results = [n for n in r.nodes if n.template.role == "tool" and "status" in render_message(n.template)]
    assert sorted('"status":"shipped"' in render_message(n.template) for n in results) == [False, True]
    calls = {("shipped" in render_message(n.template)): answer(n) for n in results}
    assert calls[True].startswith("send_tracking(") and calls[False].startswith("issue_refund(")


def test_board_cells_stay_structure() -> None:
    """X in one top corner or the other, "4" every time: the cells are marks, not data. As
    slots they would serve "4" for X on an edge, where the right move may be another."""
    runs = [rec for i, x in enumerate((0, 2, 0, 2, 0)) for rec in _board_run(x, seed=i)]
    r = induce(stored(runs))
    boards = [n for n in r.nodes if n.template.role == "user"]
    assert len(boards) == 2 and all(n.template.is_literal and n.status == "live" for n in boards)
    tree = compile_tree(r.nodes)
    assert tree.lookup(_board_run(3)[0]["request"]) is None
    assert tree.lookup(runs[2]["request"]) is not None  # X in a corner seen three times
    assert r.stats["structure_splits"] == 1


def test_creative_answer_is_never_served_for_new_topics() -> None:
    r = induced("haiku")
    users = [n for n in r.nodes if n.template.role == "user"]
    # The topic is wordy text no answer copies: structure, so each request stays literal.
    assert len(users) == 5 and all(n.template.is_literal and n.status != "live" for n in users)


def test_thin_air_answer_is_uncacheable() -> None:
    """Codes the answer invents (not derivable from the request) make the node uncacheable."""
    recs = []
    for i, code in enumerate(["K7Q2", "P9X4", "Z3M8"]):
        run = Run(Hello(), random.Random(i))
        run.system("You mint codes.").user(f"Mint a code for order {1000 + i}.").say(f"Code: {code}")
        recs += run.records
    r = induce(stored(recs))
    (user,) = [n for n in r.nodes if "Mint a code for order" in render_message(n.template)
               and not n.template.is_literal]
    assert user.status == "uncacheable" and user.response is None
    assert any("thin air" in note for note in r.notes[user.id])
    # Beside it, each context seen once keeps its answer for an exact repeat only.
    repeats = [n for n in r.nodes if n.parent == user.parent and n.template.is_literal]
    assert len(repeats) == 3 and all(n.status == "staged" and n.response is not None
                                     and n.response.exact_once for n in repeats)


def test_single_run_is_staged_not_live() -> None:
    r = induced("hello", n=1)
    (user,) = [n for n in r.nodes if n.template.role == "user"]
    assert user.status == "staged" and user.template.is_literal


def test_knowledge_answer_only_cached_for_repeats() -> None:
    r = induced("city_weather", n=8)
    for node in r.nodes:
        if node.template.role == "user" and node.status == "live":
            assert node.template.is_literal  # a city seen twice: exact repeats only


def _board_run(x: int, mark: str = "X", seed: int | None = None) -> list[dict[str, Any]]:
    board = [" "] * 9
    board[x] = mark
    rows = "\n".join("|".join(board[r * 3:r * 3 + 3]) for r in range(3))
    run = Run(Hello(), random.Random(x if seed is None else seed))
    run.system("You play O.").user(f"Board:\n{rows}\nX played {x}. Your move.").say("4" if x != 4 else "0")
    return run.records


def test_adjacent_slots_split_without_the_characters_they_refuse() -> None:
    # Aligning these boards gives adjacent free-text slots ("Board:{a}|{b}| | ..."). No cell
    # ever held a "|", so no slot may hold one: the split is unique and the template reads
    # its own runs back. (Two-letter cells: one-letter ones are marks, structure.)
    recs = [rec for x in (1, 3, 0, 1, 0) for rec in _board_run(x, mark="Xx")]
    r = induce(stored(recs))
    (board,) = [n for n in r.nodes if n.template.role == "user"]
    assert not board.template.is_literal and board.status == "live"
    assert "unreadable_splits" not in r.stats
    tree = compile_tree(r.nodes)
    for rec in recs:
        hit = tree.lookup({"model": "gpt-4o-mini", "messages": rec["request"]["messages"]})
        assert hit is not None and hit.response["choices"][0]["message"]["content"] == "4"


def test_template_the_runtime_cannot_read_back_is_split_into_its_messages() -> None:
    # One reminder or two joined by "and": the task slot of a cluster of both reads "call Bo
    # at 6pm and to pay rent" as well as "call Bo": the matcher refuses to guess, so such a
    # template would miss even its own runs; its messages are kept apart.
    recs = list(iter_records(REGISTRY["one_or_two_reminders"].runs(seed=0, n=5)))
    r = induce(stored(recs))
    assert r.stats["unreadable_splits"] >= 1
    assert any("[rule: unreadable]" in n for notes in r.notes.values() for n in notes)


def test_exact_repeat_is_served_beside_a_thin_air_template() -> None:
    recs = []
    for i, code in enumerate(["ZK-81", "QP-02", "MM-13", "ZK-81"]):
        order = 1000 + (0 if i == 3 else i)  # the last run asks for order 1000 again
        run = Run(Hello(), random.Random(i))
        run.system("You mint codes.").user(f"Mint a code for order {order}.").say(f"Code: {code}")
        recs += run.records
    r = induce(stored(recs))
    templated = node_with(r, "Mint a code for order {{")
    assert templated.status == "uncacheable"
    (repeat,) = [n for n in r.nodes if n.template.is_literal and n.template.role == "user" and n.status == "live"]
    assert repeat.parent == templated.parent
    # The orders asked once keep their answer for an exact repeat of the whole context only.
    once = [n for n in r.nodes if n.template.is_literal and n.template.role == "user" and n.status == "staged"]
    assert len(once) == 2 and all(n.response is not None and n.response.exact_once for n in once)
    assert any("exact repeat" in note for note in r.notes[repeat.id])
    tree = compile_tree(r.nodes)

    def ask(order: int) -> Any:
        return tree.lookup({"model": "gpt-4o-mini", "messages": [
            {"role": "system", "content": "You mint codes."},
            {"role": "user", "content": f"Mint a code for order {order}."}]})

    hit = ask(1000)
    assert hit is not None and hit.response["choices"][0]["message"]["content"] == "Code: ZK-81"
    assert ask(4242) is None  # new: never substituted
    once = ask(1001)  # seen once: its own answer for the very same context, as an exact cache
    assert once is not None and once.response["choices"][0]["message"]["content"] == "Code: QP-02"


def test_names_shared_by_chance_are_not_a_status() -> None:
    # Two of eight people are called Emily: a coincidence, not a branch (a status has few values).
    recs = []
    for i, (first, last) in enumerate([("Emily", "Price"), ("Jeff", "Cole"), ("Emily", "Stone"), ("Tina", "Gray"),
                                       ("Nick", "Perez"), ("Pat", "Moore"), ("Colin", "Greene"), ("Vera", "Mills")]):
        run = Run(Hello(), random.Random(i))
        run.system("You sign people up.").user(f"First name: {first}\nLast name: {last}").say(f"Welcome, {first} {last}!")
        recs += run.records
    user = node_with(induce(stored(recs)), "First name:")
    assert str(user.template.content) == "First name: {{first_name:word}}\nLast name: {{last_name:word}}"
    assert user.status == "live"


def test_hex_ids_align_as_whole_values() -> None:
    # Split at letter/digit changes, these ids share a "c" and digits and would align on them.
    recs = []
    for i, (ts, session) in enumerate([("2026-11-11T04:31:22", "8c4b63d13501"), ("2026-11-03T23:37:51", "c661135ca63e"),
                                       ("2026-11-18T16:06:35", "c0a8661d203a")]):
        run = Run(Hello(), random.Random(i))
        run.system("You watch pages.").user(f"[{ts}] session={session} typed into #name").say("Noted.")
        recs += run.records
    user = node_with(induce(stored(recs)), "session=")
    assert str(user.template.content).endswith("session={{session:word}} typed into #name") and user.status == "live"


def test_one_context_stays_literal_and_explain_shows_the_proposed_variables() -> None:
    r = induced("crm_email", n=1)
    user = node_with(r, "Send a follow-up to")
    assert user.status == "staged" and user.template.is_literal  # one run never matches new values
    (proposal,) = [n for n in r.notes[user.id] if n.startswith("seen in one context")]
    email = re.search(r"to (\S+) about", str(user.template.content))
    assert email is not None and f"⟦{email.group(1)}⟧" in proposal and "⟦INV-" in proposal
    tool = node_with(r, '"full_name"')
    assert not any("⟦email⟧" in n for n in r.notes[tool.id])  # JSON keys are structure


def _fortunes(plan: list[tuple[str, int, int]]) -> list[dict[str, Any]]:
    recs = []
    for i, (name, order, lucky) in enumerate(plan):
        run = Run(Hello(), random.Random(i))
        run.system("You are a fortune bot.").user(f"I am {name}.").say(f"Welcome, {name}.")
        run.user(f"A lucky number for order {order}?").say(f"{name}, your lucky number is {lucky}.")
        recs += run.records
    return recs


def _ask_fortune(tree: Any, name: str, order: int) -> Any:
    return tree.explain({"model": "gpt-4o-mini", "messages": [
        {"role": "system", "content": "You are a fortune bot."}, {"role": "user", "content": f"I am {name}."},
        {"role": "assistant", "content": f"Welcome, {name}."},
        {"role": "user", "content": f"A lucky number for order {order}?"}]})


def test_an_answer_seen_for_one_value_above_it_is_pinned_to_that_value() -> None:
    # Lucky numbers are thin air, but Erik asked about order 1000 twice: an exact repeat.
    # Only Erik ever asked that: the answer says nothing about what Maria would get.
    r = induce(stored(_fortunes([("Erik", 1000, 7), ("Erik", 1000, 7), ("Maria", 2000, 3), ("Kwame", 3000, 9)])))
    (node,) = [n for n in r.nodes if n.response is not None and "lucky" in str(n.response.message.content)
               and n.status == "live"]
    assert node.response is not None and node.response.pins == {"name": "Erik"}
    assert node.template.is_literal and any("exact repeat" in note for note in r.notes[node.id])
    tree = compile_tree(r.nodes)
    erik = _ask_fortune(tree, "Erik", 1000).hit
    assert erik is not None and erik.response["choices"][0]["message"]["content"] == "Erik, your lucky number is 7."
    maria = _ask_fortune(tree, "Maria", 1000)
    # A miss twice over: Erik's answer is pinned to Erik, and its thin-air sibling matches.
    assert maria.hit is None and "uncacheable" in (maria.reason or "")


def test_exact_repeat_of_a_message_under_several_contexts_is_one_node() -> None:
    # The same follow-up under two names, each asked twice and answered differently.
    r = induce(stored(_fortunes([("Erik", 1000, 7), ("Erik", 1000, 7), ("Maria", 1000, 3), ("Maria", 1000, 3),
                                 ("Kwame", 3000, 9)])))
    ids = [n.id for n in r.nodes]
    assert len(ids) == len(set(ids))
    tree = compile_tree(r.nodes)  # compiles: no node id twice
    for name in ("Erik", "Maria", "Zed"):
        hit = _ask_fortune(tree, name, 1000).hit
        assert hit is None or hit.response["choices"][0]["message"]["content"].startswith(f"{name},"), name


def test_lower_case_status_words_stay_structure_even_when_copied() -> None:
    recs = []
    for i, (ticket, status) in enumerate([(101, "open"), (102, "open"), (103, "new"), (104, "pending"), (105, "waiting")]):
        run = Run(Hello(), random.Random(i))
        run.system("You triage tickets.").user(f"Ticket {ticket} is {status}. What now?").say(
            f"Status {status}: please wait for an agent.")
        recs += run.records
    tree = compile_tree(induce(stored(recs)).nodes)
    closed = tree.lookup({"model": "gpt-4o-mini", "messages": [
        {"role": "system", "content": "You triage tickets."}, {"role": "user", "content": "Ticket 300 is closed. What now?"}]})
    assert closed is None  # "closed" was never seen: its answer may be anything


def test_units_and_ordinal_suffixes_stay_literal() -> None:
    recs = []
    for i, hour in enumerate([7, 8, 9, 11]):
        run = Run(Hello(), random.Random(i))
        run.system("You set reminders.").user(f"Remind me at {hour}am to stretch.").say(f"Done: a morning reminder at {hour}am.")
        recs += run.records
    user = node_with(induce(stored(recs)), "Remind me at")
    assert str(user.template.content) == "Remind me at {{remind:number}}am to stretch."
    tree = compile_tree(induce(stored(recs)).nodes)

    def ask(when: str) -> Any:
        return tree.lookup({"model": "gpt-4o-mini", "messages": [
            {"role": "system", "content": "You set reminders."}, {"role": "user", "content": f"Remind me at {when} to stretch."}]})

    assert ask("10pm") is None
    hit = ask("6am")
    assert hit is not None and hit.response["choices"][0]["message"]["content"] == "Done: a morning reminder at 6am."


def test_declared_value_inside_a_longer_word_of_the_answer_keeps_it_staged() -> None:
    from tests.conftest import chat_record

    rec = chat_record([{"role": "user", "content": "Create the invoice for order 1234."}],
                      "Created invoice INV1234 for order 1234.")
    rec["rote"] = {"bindings": {"order": "1234"}}
    r = induce(stored([rec]))
    user = node_with(r, "Create the invoice")
    assert user.status == "staged" and any("in a longer word" in n for n in r.notes[user.id])
    assert compile_tree(r.nodes).lookup({"model": "gpt-4o-mini", "messages": [
        {"role": "user", "content": "Create the invoice for order 5678."}]}) is None


def test_a_repeated_lower_case_value_derived_from_the_context_is_data() -> None:
    # Lower-case user names with a repeat look like a status, but each is lower(first name): data.
    recs = []
    for i, first in enumerate(["Emily", "Jeff", "Emily", "Tina", "Nick", "Pat", "Vera", "Colin"]):
        run = Run(Hello(), random.Random(i))
        run.system("You create logins.").user(f"Create a login for {first} (ticket {1000 + i}).")
        run.call("create_login", {"username": first.lower()}, {"ok": True}).say("Done.")
        recs += run.records
    r = induce(stored(recs))
    calls = [n for n in r.nodes if n.template.role == "assistant" and n.template.tool_calls]
    assert len(calls) == 1 and not calls[0].template.is_literal  # one template, not a split per name
    tree = compile_tree(r.nodes)
    hit = tree.lookup({"model": "gpt-4o-mini", "messages": [
        {"role": "system", "content": "You create logins."},
        {"role": "user", "content": "Create a login for Zed (ticket 2000)."}]})
    assert hit is not None
    args = hit.response["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"]
    assert orjson.loads(args) == {"username": "zed"}


def _titles(titles: list[str]) -> list[dict[str, Any]]:
    """An agent that copies a title up to 20 characters and cuts longer ones (a rule no
    transform explains from short titles alone)."""
    records = []
    for i, title in enumerate(titles):
        run = Run(Hello(), random.Random(i))
        short = title if len(title) <= 20 else title[:20] + "..."
        run.system("Shorten the title to at most 20 characters plus an ellipsis.").user(f"Title: {title}").say(
            f"Short title: {short}")
        records += run.records
    return records


def test_a_template_that_would_answer_a_training_call_wrongly_is_demoted(tmp_path: Path) -> None:
    # Short titles are copied, long ones cut at 20 characters. However the titles cluster,
    # the template "Title: {{title}}" -> "Short title: {{title}}" learnt from short ones would
    # copy a long one whole. Its rivals' disagreement hides that on the training calls, so
    # verification demotes every node that would have answered one wrongly: a new long title
    # is a miss, never the uncut copy.
    from induction.ingest import ingest_stream
    from induction.pipeline import run_induction
    from induction.store import Store

    titles = ["Surface discuss inside out", "Name southern", "Left", "Style behavior prove", "Through defense",
              "Staff gas recent street partner stay sometimes", "Surface section", "Skill probably line yard"]
    r = induce(stored(_titles(titles)))
    ids = [n.id for n in r.nodes]
    assert len(ids) == len(set(ids))
    compile_tree(r.nodes)  # compiled: no id twice (this used to raise TemplateError)
    with Store.open(tmp_path / "s.duckdb") as store:
        lines = b"".join(orjson.dumps(rec) + b"\n" for rec in _titles(titles))
        ingest_stream(store, io.BytesIO(lines))
        tree, _, report = run_induction(store)
    assert report.demoted + report.counters.get("verify_splits", 0) >= 1
    long = _titles(["A very long title that goes on forever"])[0]["request"]
    assert tree.lookup(long) is None
    short = tree.lookup(_titles(["Tiny title"])[0]["request"])
    assert short is None or short.response["choices"][0]["message"]["content"] == "Short title: Tiny title"


def test_namespaces_with_the_same_agent_get_their_own_nodes() -> None:
    recs = [rec for n in ("Ann", "Bob", "Cid")
            for rec in Run(Hello(), random.Random(0)).system("You greet people politely.")
            .user(f"Say hello to {n}.").say(f"Hello, {n}!").records]
    r = induce(stored(recs, namespace="a") + stored(recs, namespace="b"))
    ids = [n.id for n in r.nodes]
    assert len(ids) == len(set(ids)) and {n.namespace for n in r.nodes} == {"a", "b"}
    tree = compile_tree(r.nodes)  # this used to raise TemplateError: a root id twice
    ask = {**recs[0]["request"], "messages": [{"role": "system", "content": "You greet people politely."},
                                              {"role": "user", "content": "Say hello to Zed."}]}
    for ns in ("a", "b"):
        hit = tree.lookup(ask, namespace=ns)
        assert hit is not None and hit.response["choices"][0]["message"]["content"] == "Hello, Zed!"


def _affords(runs: list[tuple[str, int, str, int]]) -> list[dict[str, Any]]:
    """(who, budget, item, price): the answer compares a value of this message with one above it.
    The first answer repeats the budget, so it is data (a number no answer used would be structure)."""
    records = []
    for i, (who, budget, item, price) in enumerate(runs):
        run = Run(Hello(), random.Random(i))
        run.system("You are a shopping assistant.")
        run.user(f"I'm {who}, my budget is ${budget}.").say(f"Noted, {who}: ${budget}.")
        run.user(f"Can I afford the {item} for ${price}?").say(
            f"Yes, the {item} fits your budget." if price <= budget else f"No, the {item} is over your budget.")
        records += run.records
    return records


def test_a_message_answered_both_ways_above_makes_its_siblings_depend_on_the_context_too() -> None:
    # The laptop question got Yes under $1000 and No under $800: the answer depends on the
    # budget above, so the camera's two Yes answers (under $800 and $1000) say nothing of $700.
    r = induce(stored(_affords([("Ann", 1000, "laptop", 900), ("Bob", 800, "laptop", 900),
                                ("Cid", 800, "camera", 750), ("Dee", 1000, "camera", 750),
                                ("Eve", 1200, "laptop", 900)])))
    tree = compile_tree(r.nodes)
    ask = _affords([("Fay", 700, "camera", 750)])[1]["request"]
    e = tree.explain(ask)
    assert e.hit is None, e.hit
    (camera,) = [n for n in r.nodes if render_message(n.template) == "Can I afford the camera for $750?"]
    assert camera.status == "uncacheable" and "depend on them" in " ".join(r.notes[camera.id])


def test_a_copied_name_is_not_served_in_a_spelling_never_seen() -> None:
    r = induced("hello")
    tree = compile_tree(r.nodes)
    ask = {"model": "gpt-4o-mini", "messages": [{"role": "system", "content": "You greet people politely."},
                                                {"role": "user", "content": "Say hello to tiffany."}]}
    assert tree.lookup({**ask, "messages": [ask["messages"][0], {"role": "user", "content": "Say hello to Zoe."}]})
    assert tree.lookup(ask) is None  # "Hello, tiffany!" or "Hello, Tiffany!"? The examples cannot say.


def _invites(lists: list[list[str]]) -> list[dict[str, Any]]:
    records = []
    for i, people in enumerate(lists):
        run = Run(Hello(), random.Random(i))
        listed = ", ".join(people[:-1]) + " and " + people[-1]
        run.system("You schedule meetings.").user(f"Invite {listed} to a meeting about budgets.")
        run.call("send_invites", {"attendees": people}, {"ok": True})
        records += run.records
    return records


def test_a_free_text_slot_never_swallows_structure_it_was_not_shown() -> None:
    # Trained on pairs; "A, B and C" splits uniquely as "A, B" + "C", but no name ever held a comma.
    r = induce(stored(_invites([["Ann Lee", "Bob Ray"], ["Cid Moe", "Dee Fox"], ["Eve Kim", "Fay Poe"]])))
    tree = compile_tree(r.nodes)
    pair, trio = _invites([["Gil Orr", "Hal Ng"]]), _invites([["Ivy Ash", "Jo Bu", "Kay Cy"]])
    assert tree.lookup(pair[0]["request"]) is not None
    e = tree.explain(trio[0]["request"])
    assert e.hit is None and "matches no template" in (e.reason or "")
    (user,) = [n for n in r.nodes if n.template.role == "user"]
    assert user.template.content is not None
    assert all("," in s.refuse and '"' in s.refuse for s in user.template.content.slots)


def test_a_slot_refuses_its_own_following_literal_and_joiners_never_seen() -> None:
    records = []
    for i, (who, task) in enumerate([("Ann Lee", "budget"), ("Bob Ray", "hiring"), ("Cid Moe", "pricing")]):
        run = Run(Hello(), random.Random(i))
        run.system("You schedule meetings.").user(f"Invite {who} to a meeting about {task}.")
        run.call("send_invite", {"attendee": who, "topic": task}, {"ok": True})
        records += run.records
    tree = compile_tree(induce(stored(records)).nodes)

    def ask(text: str) -> Any:
        return tree.explain({**records[0]["request"], "messages": [records[0]["request"]["messages"][0],
                                                                   {"role": "user", "content": text}]})

    assert ask("Invite Dee Fox to a meeting about security.").hit is not None
    for text in ("Invite Dee Fox and Eve Kim to a meeting about security.",  # two invites, not one
                 "Invite Dee Fox. Then invite Eve Kim to a meeting about security."):
        assert ask(text).hit is None, text


def test_explain_shows_rivals_refusals_and_pins() -> None:
    from induction.explain import describe

    r = induced("crm_email")
    user = node_with(r, "Send a follow-up to")
    text = describe(user, r.notes[user.id])
    assert 'served only where these agree with it: {"op":"lower","args":[{"var":"email"}]}' in text
    fortunes = induce(stored(_fortunes([("Erik", 1000, 7), ("Erik", 1000, 7), ("Maria", 2000, 3), ("Kwame", 3000, 9)])))
    (node,) = [n for n in fortunes.nodes if n.response is not None and "lucky" in str(n.response.message.content)
               and n.status == "live"]
    assert 'only for: name = "Erik"' in describe(node, fortunes.notes[node.id])
    tool = next(n for n in induced("form_fill").nodes if n.template.role == "tool")
    assert "session never holds:" in describe(tool, [])


def test_one_declared_answer_with_a_trace_or_a_number_of_its_values_stays_staged() -> None:
    from tests.conftest import chat_record

    # What stays literal would be served for any other value: Erik's greeting for anna, 8 for 4 + 6.
    for user, declared, answer in (("greet erik", {"name": "erik"}, "Hello, Erik!"),
                                   ("look up Erik Dunteman", {"name": "Erik Dunteman"}, "Found Erik."),
                                   ("add 3 and 5", {"a": 3, "b": 5}, "The sum is 8."),
                                   ("how many letters in erik", {"w": "erik"}, "4")):
        rec = chat_record([{"role": "user", "content": user}], answer)
        rec["rote"] = {"bindings": declared}
        r = induce(stored([rec]))
        (node,) = [n for n in r.nodes if n.template.role == "user"]
        assert node.status == "staged", (user, r.notes[node.id])
    rec = chat_record([{"role": "user", "content": "greet erik"}], "Hello, erik!")
    rec["rote"] = {"bindings": {"name": "erik"}}
    (node,) = [n for n in induce(stored([rec])).nodes if n.template.role == "user"]
    assert node.status == "live"  # a plain copy: the user said what varies


def _responder(deciding: Callable[[str], list[str]]) -> Callable[[dict[str, Any]], str]:
    """A scripted model for every hybrid stage: the judge names what ``deciding(prompt)`` gives."""
    from induction.llm_stages import JUDGE_SYSTEM, NAMER_SYSTEM, SPANS_SYSTEM

    def reply(kwargs: dict[str, Any]) -> str:
        system, user = (m["content"] for m in kwargs["messages"][:2])
        if system == JUDGE_SYSTEM:
            return orjson.dumps({"deciding": [{"gap": g, "why": "scripted"} for g in deciding(user)]}).decode()
        if system == NAMER_SYSTEM:
            return '{"name": "value"}'
        if system == SPANS_SYSTEM:
            return '{"spans": []}'
        return '{"derivable": false, "source": ""}'

    return reply


def test_a_value_the_judge_says_decides_the_answer_stays_structure() -> None:
    """Carts of 2-5 items: "your cart has {k} items" fits them all, and the heuristic serves
    "1 items" (a known limit: the count is copied, so it is data). With the hybrid backend the
    judge says the count decides the answer's wording; it is structure, and a new count misses."""
    from evals.workflows.adversarial import PluralItems
    from induction.backends import make_stages
    from induction.config import InductionConfig
    from induction.llm import ScriptedCompletion

    train = [r for run in PluralItems().runs(seed=1, n=8) for r in run
             if " 1 to the cart" not in r["request"]["messages"][-1]["content"]]
    assert len(train) >= 4
    one = {**train[0]["request"], "messages": [*train[0]["request"]["messages"][:-1],
                                               {"role": "user", "content": "Ada added 1 to the cart. Confirm."}]}
    hit = compile_tree(induce(stored(train)).nodes).lookup(one)
    assert hit is not None and hit.response["choices"][0]["message"]["content"] == "Ada, your cart has 1 items."

    fake = ScriptedCompletion([_responder(lambda user: ["g2"] if "to the cart" in user else [])] * 200)
    config = InductionConfig(backend="hybrid", llm_model="scripted")
    with make_stages(config, completion=fake) as stages:
        result = induce(stored(train), config, None, stages)
    assert compile_tree(result.nodes).lookup(one) is None
    asks = [c for c in fake.calls if "⟦g1⟧ added ⟦g2⟧ to the cart" in c["messages"][1]["content"]]
    assert len(asks) == 1 and result.stage_counters["llm_judge_deciding"] == 1
    assert result.stats["judge_splits"] == 1
    (note,) = {n for notes in result.notes.values() for n in notes if "the judge" in n}
    assert "decides the answer (scripted)" in note


def test_a_number_no_answer_uses_is_weighed_by_evidence() -> None:
    """ "Is 7 even?" -> "No" five times with five numbers: one answer whatever the number, so the
    evidence says noise; but a quantity serves only values inside the range training saw (a
    threshold nobody saw is not extrapolated past). With two numbers the evidence is too thin:
    each value stays its own branch. Parity inside the range is a known limit (the judge's job).
    A number the answer computes from (arithmetic) is data whatever the evidence."""
    from evals.workflows.adversarial import EvenOrOdd

    train = [r for run in EvenOrOdd().runs(seed=7, n=5) for r in run]
    assert {r["response"]["choices"][0]["message"]["content"] for r in train} == {"No"}
    r = induce(stored(train))
    assert r.stats["evidence_noise"] == 1 and "unread_number_splits" not in r.stats
    (user,) = [n for n in r.nodes if n.template.role == "user" and not n.template.is_literal]
    assert user.status == "live" and user.response is not None and len(user.response.ranges) == 1
    assert any("noise by evidence" in n and "inside the range seen" in n for n in r.notes[user.id])
    (lo, hi) = next(iter(user.response.ranges.values()))
    assert isinstance(lo, float) and isinstance(hi, float)
    tree = compile_tree(r.nodes)

    def ask(n: int) -> Any:
        return {**train[0]["request"], "messages": [*train[0]["request"]["messages"][:-1],
                                                    {"role": "user", "content": f"Is {n} even?"}]}

    assert tree.lookup(ask(int(hi) + 1000)) is None
    assert "only between" in (tree.explain(ask(int(hi) + 1000)).reason or "")
    thin = [r for run in EvenOrOdd().runs(seed=7, n=2) for r in run]
    r2 = induce(stored(thin))
    assert r2.stats["unread_number_splits"] == 1 and not r2.stats["evidence_noise"]
    assert any("a number read here that no answer copies" in n for notes in r2.notes.values() for n in notes)
    math = induced("arithmetic")
    (node,) = [n for n in math.nodes if n.template.role == "user"]
    assert node.status == "live" and "unread_number_splits" not in math.stats and not node.response.ranges


def test_a_judge_that_finds_nothing_changes_nothing() -> None:
    """The judge only adds structure: when it says no value decides, hybrid induction gives
    the heuristic's templates, and it was asked once per template with new values."""
    from induction.backends import make_stages
    from induction.config import InductionConfig
    from induction.llm import ScriptedCompletion

    runs = [r for run in WORKFLOWS["table_booking"].runs(seed=1, n=4) for r in run]
    fake = ScriptedCompletion([_responder(lambda user: [])] * 400)
    config = InductionConfig(backend="hybrid", llm_model="scripted")
    with make_stages(config, completion=fake) as stages:
        hybrid = induce(stored(runs), config, None, stages)
    heuristic = induce(stored(runs))
    assert [(n.status, n.template.role) for n in hybrid.nodes] == [(n.status, n.template.role) for n in heuristic.nodes]
    asked = [c for c in fake.calls if c["messages"][0]["content"].startswith("You check templates")]
    # "Hi, I'm …", "Book a table …" and the booking result, once each.
    assert len(asked) == hybrid.stage_counters["llm_judge_calls"] == 3
    assert "judge_splits" not in hybrid.stats


def test_a_relation_no_example_showed_is_a_miss() -> None:
    """Passwords never held the user name in training: a request where one does shows a
    relation the answer never saw ("Rejected: the password contains the username"?)."""
    recs = []
    for i, (user, pw) in enumerate([("ann", "k9x!tq"), ("bob", "zz81mm"), ("cyd", "p0w3rr")]):
        run = Run(Hello(), random.Random(i))
        run.system("You set passwords.").user(f"User {user} wants password {pw}.").say(f"Password set for {user}.")
        recs += run.records
    r = induce(stored(recs))
    (node,) = [n for n in r.nodes if n.response is not None and n.status == "live"]
    assert node.response is not None and node.response.apart
    tree = compile_tree(r.nodes)
    ask = {**recs[0]["request"], "messages": [recs[0]["request"]["messages"][0], {}]}
    ask["messages"][1] = {"role": "user", "content": "User dee wants password q7wert."}
    assert tree.lookup(ask) is not None
    ask["messages"][1] = {"role": "user", "content": "User dee wants password dee1234."}
    e = tree.explain(ask)
    assert e.hit is None and "equal or one inside the other" in (e.reason or "")
    from induction.explain import describe

    assert "only while never equal or one inside the other:" in describe(node, [])


def test_the_value_that_decides_what_is_copied_is_found_before_noise_splits() -> None:
    """A failed pipeline's job log is fetched for whichever job failed: the answers copy one
    job's id or another's, so no one template explains them. The job's status decides it;
    the jobs' durations and timestamps (numbers no answer reads) must not split the cluster
    first into parts too small to show that (``unread-values`` waits for ``_branch``)."""
    train = list(iter_records(REGISTRY["ci_triage"].runs(seed=1, n=20)))
    r = induce(stored(train))
    # The failed job's id is picked by its status (``pick``), or the status splits the cluster.
    assert any("under each of its values the answers fit one template" in n
               for notes in r.notes.values() for n in notes) or any(
        "pick" in orjson.dumps(d.expr).decode() for n in r.nodes if n.response is not None
        for d in n.response.derivations)
    tree = compile_tree(r.nodes)
    hits = wrong = 0
    for rec in iter_records(REGISTRY["ci_triage"].runs(seed=2, n=20)):
        want = rec["response"]["choices"][0]["message"]
        if not any(c["function"]["name"] == "get_job_log" for c in want.get("tool_calls") or []):
            continue
        hit = tree.lookup(rec["request"])
        if hit is not None:
            got = hit.response["choices"][0]["message"]["tool_calls"][0]["function"]
            hits += 1
            wrong += orjson.loads(got["arguments"]) != orjson.loads(want["tool_calls"][0]["function"]["arguments"])
    assert hits >= 5 and wrong == 0
