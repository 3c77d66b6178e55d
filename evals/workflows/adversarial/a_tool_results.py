"""Adversarial workflows, family A: tool results (JSON, a Python dict's repr, plain text) whose free-text values hold
structure or escapes, or are followed by an optional key or line.

Each names the rules it guards (``guards``: names in ``induction.rules.RULES``).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any, ClassVar

from faker import Faker

from evals.workflows.adversarial.base import (
    Adversarial,
)
from evals.workflows.base import Run, tool

# --- A: tool results --------------------------------------------------------------------------


class JsonOptionalKey(Adversarial):
    """A profile sometimes carries a middle name: an extra key in the middle of the JSON result.

    Trap: the first-name slot, learned from results without the key, swallows
    ``", "middle_name": "..."`` and the answer copies JSON into the full name.
    """

    name = "json_optional_key"
    reviewer_name = "h_optfield"
    family = "A"
    guards = ("edges-and-refusals",)
    description = "A tool result's optional JSON key (a middle name, one run in five) may not be swallowed by a text slot."
    tools: ClassVar[list[dict[str, Any]]] = [tool("profile", "Get a profile", user_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        uid = f"U{rng.randint(10000, 99999)}"
        first, last = fake.first_name(), fake.last_name()
        prof = {"id": uid, "first_name": first}
        if rng.random() < 0.2:
            prof["middle_name"] = fake.first_name()
        prof["last_name"] = last
        full = " ".join(x for x in (prof["first_name"], prof.get("middle_name"), last) if x)
        run.system("Address users by their full name.")
        run.user(f"Look up user {uid}")
        run.call("profile", {"user_id": uid}, prof)
        run.say(f"User {uid} is {full}.")


class JsonListMostlyOne(Adversarial):
    """An inventory API usually returns one warehouse row; the answer sums the rows' stock.

    Trap: with one row seen, a second row's JSON is swallowed by the warehouse-name slot
    and the total (a sum over the rows) is answered as the first row's quantity.
    """

    name = "json_list_mostly_one"
    reviewer_name = "h_oneitem"
    family = "A"
    guards = ("unreadable", "edges-and-refusals")
    description = "A JSON list in a tool result usually of length 1; the answer sums it and names the first item."
    tools: ClassVar[list[dict[str, Any]]] = [tool("stock", "Stock by warehouse", sku="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        sku = f"SKU-{rng.randint(1000, 9999)}"
        k = 1 if rng.random() < 0.8 else 2
        rows: list[dict[str, Any]] = [{"warehouse": fake.city(), "qty": rng.randint(0, 500)} for _ in range(k)]
        total = sum(int(r["qty"]) for r in rows)
        run.system("Report total stock across warehouses.")
        run.user(f"How many {sku} do we have?")
        run.call("stock", {"sku": sku}, {"sku": sku, "rows": rows})
        run.say(f"We have {total} units of {sku}; main warehouse: {rows[0]['warehouse']}.")


class JsonFirstResult(Adversarial):
    """A search returns one to three results; the agent reports the first one's title.

    Trap: the title slot of a one-result example swallows the following results' JSON.
    """

    name = "json_first_result"
    reviewer_name = "h_firstresult"
    family = "A"
    guards = ("coarsening", "edges-and-refusals")
    description = "A variable-length JSON list of search results; the answer copies the first title."
    tools: ClassVar[list[dict[str, Any]]] = [tool("search", "Search docs", query="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        q = fake.word()
        k = rng.choice([1, 2, 2, 3])
        res = [{"title": fake.catch_phrase(), "score": round(rng.random(), 2)} for _ in range(k)]
        run.system("You answer with the best search result.")
        run.user(f"Find docs about {q}")
        run.call("search", {"query": q}, {"results": res})
        run.say(f"Best match for {q}: {res[0]['title']}")


class JsonEscapedNewline(Adversarial):
    """A note read from a tool is sometimes two lines: ``\\n`` escaped in the JSON text.

    Trap: the body slot binds the escaped spelling (backslash, n) and the answer, plain
    text, repeats the escape instead of the newline.
    """

    name = "json_escaped_newline"
    reviewer_name = "h_note"
    family = "A"
    guards = ("edges-and-refusals",)
    description = "A JSON string value with an escaped newline (three runs in ten) copied into a text answer."
    tools: ClassVar[list[dict[str, Any]]] = [tool("read_note", "Read a note", note_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nid = f"N{rng.randint(1000, 9999)}"
        body = fake.sentence() if rng.random() < 0.7 else fake.sentence() + "\n" + fake.sentence()
        run.system("You read notes aloud.")
        run.user(f"Read note {nid}")
        run.call("read_note", {"note_id": nid}, {"id": nid, "body": body})
        run.say(f"Note {nid} says: {body}")


class JsonEscapedQuote(Adversarial):
    """A book title from a JSON tool result, sometimes with quotes or a backslash (escaped in the JSON).

    Trap: the title slot binds ``\\"`` and ``\\\\`` as written in the JSON text and the
    answer copies the escapes.
    """

    name = "json_escaped_quote"
    reviewer_name = "h_quote"
    family = "A"
    guards = ("unread-values", "edges-and-refusals")
    description = "A JSON string value that may hold escaped quotes or backslashes, copied into a text answer."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_book", "Fetch a book", isbn="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        isbn = f"978{rng.randint(10**9, 10**10 - 1)}"
        w1, w2 = fake.word().capitalize(), fake.word().capitalize()
        title = (rng.choice([f"{w1} and {w2}", f"The {w1} {w2}", f'The "{w1}" Affair', f"{w1}\\{w2}"])
                 if rng.random() < 0.3 else f"{w1} of the {w2}")
        run.system("You are a library assistant.")
        run.user(f"What is the title of ISBN {isbn}?")
        run.call("get_book", {"isbn": isbn}, {"isbn": isbn, "title": title, "pages": rng.randint(80, 900)})
        run.say(f"ISBN {isbn} is titled: {title}")


class JsonForwardEscaped(Adversarial):
    """A ticket subject from a tool result is copied into the next tool call's arguments.

    Trap: a subject with quotes is escaped in the tool result's JSON and must be escaped
    once (not twice, not zero times) in the arguments' JSON.
    """

    name = "json_forward_escaped"
    reviewer_name = "h_forward"
    family = "A"
    guards = ("edges-and-refusals",)
    description = "A JSON string value (sometimes with quotes) forwarded from a tool result into tool arguments."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_subject", "Get a ticket subject", ticket="string"),
                                             tool("create_issue", "Create an issue", title="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        t = f"T{rng.randint(1000, 9999)}"
        subj = fake.sentence(nb_words=4).rstrip(".")
        if rng.random() < 0.3:
            subj = f'Error "{fake.word()}" in {fake.word()}'
        run.system("You mirror helpdesk tickets into the issue tracker.")
        run.user(f"Mirror ticket {t}")
        run.call("get_subject", {"ticket": t}, {"ticket": t, "subject": subj})
        run.call("create_issue", {"title": f"[{t}] {subj}"}, {"ok": True})
        run.say(f"Mirrored {t}.")


class PythonReprAddress(Adversarial):
    """A tool returns a Python dict's ``str()`` (single quotes, not JSON); the answer copies the
    address (which may hold a comma) and, one run in four, an apartment from an extra last key.

    Trap: the address slot, learned from records without the key, swallows
    ``', 'apartment': '12B`` (quotes and colons in the repr are not JSON structure).
    """

    name = "python_repr_address"
    reviewer_name = "b_repraddr"
    family = "A"
    guards = ("edges-and-refusals",)
    description = "A Python-repr tool result whose last text value may be followed by an optional key."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_customer", "Customer record", customer_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        cid = f"C{rng.randint(10000, 99999)}"
        addr = f"{fake.building_number()} {fake.street_name()}"
        if rng.random() < 0.5:
            addr += f", Unit {rng.randint(1, 99)}"
        rec = {"id": cid, "type": "customer", "status": "active", "region": "north-america",
               "delivery_window": "weekdays 9-17", "address": addr}
        if rng.random() < 0.25:
            rec["apartment"] = f"{rng.randint(1, 30)}{rng.choice('ABCD')}"
        run.system("You tell agents where to deliver.")
        run.user(f"Where do we deliver for customer {cid}?")
        run.call("get_customer", {"customer_id": cid}, str(rec))
        apt = f", apartment {rec['apartment']}" if "apartment" in rec else ""
        run.say(f"Deliver to {addr}{apt}.")


class MultilineTextTail(Adversarial):
    """A plain-text tool result ends with a two-line description, one run in four followed by
    an ``Assignee:`` line; the answer reads the description back.

    Trap: the multi-line slot at the end of the result, learned from results without the
    extra line, swallows it and the answer reads ``Assignee: ...`` as part of the description.
    The second reviewer's control (no false hit at their seeds); the port's sweep found
    false hits at 2-3 training runs (seeds 405/406): a known limit.
    """

    name = "multiline_text_tail"
    reviewer_name = "b_linestail"
    family = "A"
    guards = ("edges-and-refusals",)
    description = "A multi-line value at the end of a plain-text tool result, sometimes followed by one more line."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_issue", "Issue", issue_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        iid = f"I{rng.randint(1000, 9999)}"
        desc = "\n".join(fake.sentence(nb_words=3).rstrip(".") for _ in range(2))
        text = f"Issue {iid}\nProject: infrastructure\nStatus: open\nReporter: monitoring-bot\nDescription:\n{desc}"
        if rng.random() < 0.25:
            text += f"\nAssignee: {fake.first_name()}"
        run.system("You read issue descriptions back verbatim.")
        run.user(f"Read me the description of issue {iid}.")
        run.call("get_issue", {"issue_id": iid}, text)
        run.say(f"Description of {iid}:\n{desc}")

# --- The third round (a reviewer's hunt of 2026-11-22, ``/tmp/hunt6/traps.py``) ---------------
# Slots at the edge of a message (a trailing "." or "?", a leading "@"); first / last word of
# values that always had two words; a word every copied value of one branch shared; a date
# slot that took a timestamp; a deciding exit code behind an enum branch; plus the shapes the
# reviewer found holding (marks of several characters, status codes, CSV and markdown tables,
# template syntax and unicode in values, signed numbers).


class MarkdownTableFirstRow(Adversarial):
    """A markdown table with 1-3 rows; the answer names the first row's sku and the row count."""
    name = "markdown_table_first_row"
    reviewer_name = "h6_md_table"
    family = "A"
    guards = ("unread-values", "edges-and-refusals")
    description = "variable row count in a markdown table"
    tools: ClassVar[list[dict[str, Any]]] = [tool("inventory", "Inventory", location="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        loc = fake.city()
        k = rng.choice([2, 2, 2, 1, 3])
        rows = [(f"SKU{rng.randint(100, 999)}", rng.randint(1, 50)) for _ in range(k)]
        table = "| sku | qty |\n|---|---|\n" + "\n".join(f"| {s} | {q} |" for s, q in rows)
        run.system("Report inventory.")
        run.user(f"What's in stock at {loc}?")
        run.call("inventory", {"location": loc}, table)
        run.say(f"{loc} has {k} SKUs; first is {rows[0][0]} ({rows[0][1]} units).")


# --- The rest of a list as one value (2026-12-07, the tenth session's second reviewer) --------


class ListTailCount(Adversarial):
    """A cart of one to four items; carts of three or more get the deal. No answer copies a price.

    Trap: carts of different lengths align on their first item, and the rest of each list
    (``]``, ``,{"price": 5.19},{"price": 28.66}]``) is one value that evidence takes for data
    (many distinct rests, answered alike): where every training cart held three or four items,
    a cart of one was served "Yes". The rest's item count is served only inside the range seen
    (``list-tails``). A reviewer's ``list_tail_count``.
    """

    name = "list_tail_count"
    reviewer_name = "s11_list_tail_count"
    family = "A"
    guards = ("list-tails",)
    description = "A cart's item count decides the deal; the rest of the list after its first item is one value."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_cart", "The cart", session="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        n = rng.randint(1, 4)
        items = [{"price": round(rng.uniform(5, 45), 2)} for _ in range(n)]
        run.system("You are the checkout assistant. Carts of 3 or more items get the 3-for-2 deal.")
        run.user("Do I get the 3-for-2 deal?")
        run.call("get_cart", {"session": "current"}, {"items": items})
        run.say("Yes, the 3-for-2 deal applies." if n >= 3 else "Not yet: add items to reach 3 for the deal.")


class TailStatusUnseen(Adversarial):
    """A pull request's CI checks (two to four); each fails one time in seven, and any failure
    means "Some checks failed."

    Trap: the first check's status is a closed slot, but the rest of the list is one value:
    where training saw every check succeed, a failed second check was served "All checks
    passed.". A status word the items of the rest never held is a miss (``list-tails``). A
    reviewer's ``checks_tail_status``.
    """

    name = "tail_status_unseen"
    reviewer_name = "s11_checks_tail_status"
    family = "A"
    guards = ("list-tails", "closed-values")
    description = "Any failed check among two to four decides; the checks after the first are one value."
    tools: ClassVar[list[dict[str, Any]]] = [tool("list_checks", "Checks of a PR", pr="integer")]
    NAMES = ("lint", "build", "unit", "e2e", "docs", "types")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pr = rng.randint(1000, 9999)
        checks = [{"name": n, "status": "failed" if rng.random() < 1 / 7 else "success"}
                  for n in rng.sample(self.NAMES, rng.randint(2, 4))]
        run.system("You are the CI bot.")
        run.user(f"Is PR {pr} green?")
        run.call("list_checks", {"pr": pr}, {"pr": pr, "checks": checks})
        run.say("All checks passed." if all(c["status"] == "success" for c in checks) else "Some checks failed.")


class CutoffTimeInResult(Adversarial):
    """Orders placed before 14:00 ship the same day; the order's time of placing ("13:45") comes
    in the lookup's result and no answer copies it.

    Trap: the time is one value of digits around a ":", no number: it was weighed as no
    quantity at all, so afternoon times answered "tomorrow" served "tomorrow" for "09:30". A
    time of day is a quantity now, served only inside the range training saw (``unread-values``).
    A reviewer's ``cutoff_time_tool``.
    """

    name = "cutoff_time_in_result"
    reviewer_name = "s11_cutoff_time_tool"
    family = "A"
    guards = ("unread-values",)
    description = "A time of day in a tool result decides same-day shipping; no answer copies it."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_order", "An order", order_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        # Most orders come in the afternoon; one in eight in the morning ships today.
        mins = rng.randint(8 * 60, 14 * 60 - 1) if rng.random() < 1 / 8 else rng.randint(14 * 60, 20 * 60)
        oid = f"{rng.randint(100000, 999999)}"
        run.system("You are the shop assistant. Orders placed before 14:00 ship the same day.")
        run.user(f"Will order {oid} ship today?")
        run.call("get_order", {"order_id": oid}, {"order_id": oid, "placed_at": f"{mins // 60:02d}:{mins % 60:02d}"})
        run.say(f"Yes, order {oid} ships today." if mins < 14 * 60 else f"Order {oid} will ship tomorrow.")


class AttachmentSizeLimit(Adversarial):
    """Attachments over 2 GB are held for review; the size comes in the lookup's result as
    "1.2GB" or "2GB" and no answer copies it. One run in eight is over.

    Trap: "1GB" beside "1.2GB" is a number with a unit in two shapes, neither a plain number nor
    one composite shape: it was weighed as no quantity, so sizes all answered "delivered" served
    "delivered" for "3.4GB". A number with a unit is a quantity now, served only inside the range
    seen with that unit (``unread-values``: ``ranges.measure_range``). A reviewer's
    ``size_nospace``.
    """

    name = "attachment_size_limit"
    reviewer_name = "s11_size_nospace"
    family = "A"
    guards = ("unread-values",)
    description = "A size with a unit in a tool result decides whether a file is held; no answer copies it."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_upload", "An upload", upload_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        tenths = rng.randint(21, 60) if rng.random() < 1 / 8 else rng.randint(1, 20)
        size = f"{tenths // 10}GB" if tenths % 10 == 0 else f"{tenths / 10:g}GB"
        uid = f"{rng.randint(100000, 999999)}"
        run.system("You are the file-sharing assistant. Attachments over 2 GB are held for review.")
        run.user(f"Did upload {uid} go through?")
        run.call("get_upload", {"upload_id": uid}, {"upload_id": uid, "attachment": size})
        run.say(f"Yes, upload {uid} was delivered." if tenths <= 20
                else f"Upload {uid} is held for review: it is over 2 GB.")


class FraudScoreDecimals(Adversarial):
    """Payments scoring 0.9 or more are blocked; the risk service returns the score as a JSON
    number with four decimals ("score": 0.0731) and no answer copies it. One run in eight is over.

    Trap: a number of three decimals or more was taken for a log line's measurement (an id,
    weighed as noise on two values, no range), so scores all answered "approved" served
    "approved" for 0.9731. In a JSON field it is a quantity now, served only inside the range
    seen (``unread-values``). A reviewer's ``fraud_4dp``.
    """

    name = "fraud_score_decimals"
    reviewer_name = "s12_fraud_4dp"
    family = "A"
    guards = ("unread-values",)
    description = "A score with four decimals in a tool result decides a block; no answer copies it."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_risk", "A payment's fraud score", payment_id="string"),
                                             tool("block_payment", "Block a payment", payment_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        score = round(rng.uniform(0.9, 0.999) if rng.random() < 1 / 8 else rng.uniform(0.01, 0.7), 4)
        pid = f"pay_{rng.randint(100000, 999999)}"
        run.system("You are the payments risk assistant. Block any payment whose fraud score is 0.9 or more.")
        run.user(f"Can payment {pid} go through?")
        run.call("get_risk", {"payment_id": pid}, {"payment_id": pid, "score": score})
        if score >= 0.9:
            run.call("block_payment", {"payment_id": pid}, {"ok": True})
            run.say(f"Payment {pid} was blocked for review.")
        else:
            run.say(f"Payment {pid} is approved.")


class WaitTimeInResult(Adversarial):
    """Tickets waiting 60 minutes or more are escalated; the queue returns "wait_time": 34 (minutes)
    and no answer copies it. One run in eight has waited an hour or more.

    A number after a label of noise (``evidence.NOISE_LABEL``: a wait time, a latency, a
    duration, a size) is taken for an id, noise on two values and served outside the range seen:
    so a result's latency_ms does not cost every answer below it. Range-checked, these labels in
    JSON fields cost the realistic suite 34% -> 21% of its calls at 5 runs (2026-12-07), and in
    text 2 points there and 0.4 on Loghub. But the prompt names the 60: a wait on its other side,
    where none was, is a miss (``named-numbers``; a known limit before it). A reviewer's
    ``wait_time_mix``.
    """

    name = "wait_time_in_result"
    reviewer_name = "s12_wait_time_mix"
    family = "A"
    guards = ("unread-values", "named-numbers")
    description = "A wait time in a tool result decides an escalation; no answer copies it."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_ticket", "A ticket in the queue", ticket_id="string"),
                                             tool("escalate", "Escalate a ticket", ticket_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        wait = rng.randint(60, 240) if rng.random() < 1 / 8 else rng.randint(1, 55)
        tid = f"T-{rng.randint(100000, 999999)}"
        run.system("You are the support queue assistant. Escalate any ticket that has waited 60 minutes or more.")
        run.user(f"Check ticket {tid}.")
        run.call("get_ticket", {"ticket_id": tid}, {"ticket_id": tid, "wait_time": wait})
        if wait >= 60:
            run.call("escalate", {"ticket_id": tid}, {"ok": True})
            run.say(f"Ticket {tid} has waited {wait} minutes; I escalated it.")
        else:
            run.say(f"Ticket {tid} is in the queue and on time.")


class CodeGluedAmount(Adversarial):
    """Invoices of AED 1,000 or more need a manager's sign-off; the invoice's total comes as one
    string, the currency's code glued to the amount ("AED1249.00"), and no answer copies it. One
    run in eight is over.

    Trap: a JSON string of a code and an amount was one word, no number at all, so totals all
    approved served "approve" for AED 4,120. An amount after an ISO 4217 code is a quantity of
    that currency now, served only inside the range seen (``unread-values``: ``ranges.measure``).
    A reviewer's ``aed_glued``.
    """

    name = "code_glued_amount"
    reviewer_name = "s12_aed_glued"
    family = "A"
    guards = ("unread-values",)
    description = "An amount glued to its currency code in a tool result decides a sign-off; no answer copies it."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_invoice", "An invoice", invoice="string"),
                                             tool("approve", "Approve an invoice", invoice="string"),
                                             tool("escalate", "Ask a manager to sign off", invoice="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        amount = round(rng.uniform(1000, 5000) if rng.random() < 1 / 8 else rng.uniform(20, 900), 2)
        inv = f"INV-{rng.randint(10000, 99999)}"
        run.system("You are the accounts-payable assistant. Invoices of AED 1,000 or more need a manager's sign-off.")
        run.user(f"Process {inv}")
        run.call("get_invoice", {"invoice": inv}, {"invoice": inv, "total": f"AED{amount:.2f}"})
        run.call("escalate" if amount >= 1000 else "approve", {"invoice": inv}, {"ok": True})
        run.say("Done.")


class OsVersionGlued(Adversarial):
    """The app needs iOS 16 or later; the device lookup returns "os": "iOS17", the version glued
    to the name, and no answer copies it. One run in eight has an older iOS.

    Known limit: a word glued to a number ("iOS13", "Tier3", "Windows8") is one word, like the
    ids "subdir31", "node12" and "web12" that log lines and tool results are full of; it is
    served outside the values seen. A reviewer's ``ios_seldom``.
    """

    name = "os_version_glued"
    reviewer_name = "s12_ios_seldom"
    family = "A"
    guards = ("unread-values",)
    known_limit = ("glued words: a number glued to a word ('iOS13', 'Tier3') is one word, as ids are "
                   "('subdir31', 'web12'), served outside the values seen")
    description = "An OS version glued to its name in a tool result decides the reply; no answer copies it."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_device", "A device", device_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        version = rng.randint(12, 15) if rng.random() < 1 / 8 else rng.randint(16, 18)
        device = f"D{rng.randint(10000, 99999)}"
        run.system("You are the app support bot. The app needs iOS 16 or later.")
        run.user("Why won't the app install on my phone?")
        run.call("get_device", {"device_id": device}, {"device_id": device, "os": f"iOS{version}"})
        run.say("Your iOS is supported; try restarting the App Store." if version >= 16
                else "Your iOS is too old; please update to iOS 16 or later.")


class TransferLeavesLittle(Adversarial):
    """Warn when a transfer leaves less than $200 in checking: the balance comes in a lookup's
    result, the amount in the user's words; the model replies (not enough money) or transfers,
    then says "Done." or warns. One transfer in ten leaves less than $200.

    Trap: below the model's choice, the balance and the amount were each served inside their
    ranges and in the order seen (amount <= balance), while how far apart they were decides the
    warning. Two quantities taken for noise in one order are served only as far apart as training
    saw them (``unread-values``: ``evidence.order_gaps``). A reviewer's ``choice_remainder``.
    """

    name = "transfer_leaves_little"
    reviewer_name = "s13_choice_remainder"
    family = "A"
    guards = ("unread-values",)
    description = "The gap between a balance and an amount decides a warning; each is inside its range."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_balance", "A checking balance", account="string"),
                                             tool("transfer", "Move money to savings", account="string", amount="number")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        amount = rng.randint(50, 2000)
        roll = rng.random()
        balance = (rng.randint(10, amount - 1) if roll < 0.2 else amount + rng.randint(0, 199) if roll < 0.3
                   else amount + rng.randint(200, 3000))
        account = f"CHK-{rng.randint(100, 999)}"
        run.system("You are the banking assistant. Warn the customer when a transfer leaves less than $200 in checking.")
        run.user(f"Move ${amount} from {account} to savings.")
        run.call("get_balance", {"account": account}, {"balance": balance})
        if amount > balance:
            run.say("Sorry, there isn't enough in checking for that transfer.")
        else:
            run.call("transfer", {"account": account, "amount": amount}, {"ok": True})
            run.say("Done. Your checking balance is now low." if balance - amount < 200 else "Done.")


class FirmwareBelowSeen(Adversarial):
    """Firmware older than 1.10.0 must be updated; the device lookup returns "firmware": "1.12.3"
    and no answer copies it. Most devices run 1.10 to 2.3; one in eight runs a 1.x below 1.10.

    Trap: a version's numbers were each checked against the lows and highs seen, so 1.5.0 (a 1
    seen first, a 5 seen second in 2.5.x) passed, below every version training saw. Numbers
    joined by dots are also served only between the lowest and the highest version seen, in
    version order (``unread-values``: ``ranges.composite_range``). A reviewer's ``firmware_lexi``.
    """

    name = "firmware_below_seen"
    reviewer_name = "s13_firmware_lexi"
    family = "A"
    guards = ("unread-values",)
    description = "A version in a tool result decides an update; each of its numbers was seen in some version."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_device", "A device", device_id="string"),
                                             tool("push_update", "Push a firmware update", device_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        roll = rng.random()
        version = ((1, rng.randint(0, 9), rng.randint(0, 9)) if roll < 1 / 8
                   else (1, rng.randint(10, 12), rng.randint(0, 9)) if roll < 0.5 else (2, rng.randint(0, 9), rng.randint(0, 9)))
        device = f"dev-{rng.randint(1000, 9999)}"
        run.system("You are the device-fleet assistant. Firmware older than 1.10.0 must be updated.")
        run.user(f"Check {device}")
        run.call("get_device", {"device_id": device}, {"firmware": ".".join(map(str, version)), "online": True})
        if version < (1, 10, 0):
            run.call("push_update", {"device_id": device}, {"ok": True})
            run.say(f"{device} was on old firmware; I pushed the update.")
        else:
            run.say(f"{device} is up to date.")


class DealSizeInUnits(Adversarial):
    """Deals of $1M or more need a VP's sign-off; the CRM writes a deal's size as "$950k" or
    "$1.2M" under the key "size", and no answer copies it. One deal in eight is $1M or more.

    Trap: a size is a label of noise and "950k" no number, so sizes all answered "Quote sent."
    served it for "$2.8M". Money after its symbol is a quantity whatever its label, and a
    number with a unit one quantity: of one unit range-checked, of several ("$950k" beside
    "$1.2M") structure (``unread-values``: ``evidence.measures``). A reviewer's ``deal_size_km``.
    """

    name = "deal_size_in_units"
    reviewer_name = "s13_deal_size_km"
    family = "A"
    guards = ("unread-values",)
    description = "A deal's size in $k or $M in a tool result decides a sign-off; no answer copies it."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_deal", "A deal", deal_id="string"),
                                             tool("request_vp_signoff", "Ask a VP to sign off", deal_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        size = rng.randint(1000, 3000) * 1000 if rng.random() < 1 / 8 else rng.randint(50, 950) * 1000
        deal = f"D-{rng.randint(100, 999)}"
        run.system("You are the sales-ops assistant. Deals of $1M or more need VP sign-off before the quote goes out.")
        run.user(f"Send the quote for {deal}")
        run.call("get_deal", {"deal_id": deal},
                 {"account": fake.company(), "size": f"${size / 1e6:.1f}M" if size >= 1_000_000 else f"${size // 1000}k"})
        if size >= 1_000_000:
            run.call("request_vp_signoff", {"deal_id": deal}, {"ok": True})
            run.say("This deal needs VP sign-off; I've requested it.")
        else:
            run.say("Quote sent.")


class ScoreInKeyValue(Adversarial):
    """Payments scoring 0.9 or more are blocked; the risk service answers in key=value text
    ("payment=pay_1 score=0.0731 model=v3") and no answer copies the score. One in eight is over.

    Trap: a number of three decimals or more outside a JSON object was taken for a log line's
    measurement (an id, no range). After any field's key ("score=", "'score': ", "score: ") it is
    a quantity now (``unread-values``: ``evidence.JSON_FIELD``). A reviewer's ``fraud_kv``.
    """

    name = "score_in_key_value"
    reviewer_name = "s13_fraud_kv"
    family = "A"
    guards = ("unread-values",)
    description = "A score in key=value text decides a block; no answer copies it."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_risk", "A payment's fraud score", payment_id="string"),
                                             tool("block_payment", "Block a payment", payment_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        score = round(rng.uniform(0.9, 0.999) if rng.random() < 1 / 8 else rng.uniform(0.01, 0.7), 4)
        pid = f"pay_{rng.randint(100000, 999999)}"
        run.system("You are the payments risk assistant. Block any payment whose fraud score is 0.9 or more.")
        run.user(f"Can payment {pid} go through?")
        run.call("get_risk", {"payment_id": pid}, f"payment={pid} score={score} model=v3")
        if score >= 0.9:
            run.call("block_payment", {"payment_id": pid}, {"ok": True})
            run.say(f"Payment {pid} was blocked for review.")
        else:
            run.say(f"Payment {pid} is approved.")


# --- Plain-text tables of different lengths (2026-12-07, the twelfth session) -------------------
# A row aligner (the first row cell by cell, the rest one value checked column by column) was
# built and taken out in the twelfth session: its reviewer found false hits in these shapes (the
# first row's last cell pooled with the column below it; percentages, units, decimal commas and
# dates unchecked; docs/review/traps14). Since the fourteenth session tables of different
# lengths align line by line (``line-blocks``); these keep it honest.


class CsvTailPriceCap(Adversarial):
    """Free rooms come back as CSV, one to four rows, best first; the agent books the first.
    A room over €500 anywhere in the list gets a warning beside the booking (one run in eight).

    Trap: taken as one value, the rows after the first hide a €720 room in the second row; the
    plain booking would be served. Each such row's price must be checked (``list-tails``).
    """

    name = "csv_tail_price_cap"
    reviewer_name = "s14_csv_tail_price"
    family = "A"
    guards = ("list-tails", "line-blocks", "unreadable")
    description = "A price in a CSV row after the first decides a warning."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("search_rooms", "Free rooms (CSV, best first)", people="integer"),
        tool("book_room", "Book a room", room="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        people = rng.randint(2, 12)
        k = rng.randint(1, 4)
        dear = rng.randrange(k) if rng.random() < 1 / 8 else -1
        rows = ["room,floor,price_eur"]
        for i in range(k):
            price = rng.randint(520, 900) if i == dear else rng.randint(40, 480)
            rows.append(f"R-{rng.randint(100, 999)},{rng.randint(1, 12)},{price}")
        first = rows[1].split(",")[0]
        run.system("You book meeting rooms: book the first room listed. If any listed room costs over €500, "
                   "say so beside the booking.")
        run.user(f"Book a room for {people} people.")
        run.call("search_rooms", {"people": people}, "\n".join(rows))
        run.call("book_room", {"room": first}, "ok")
        run.say(f"Booked {first}." + (" Note: some rooms on the list cost over €500." if dear >= 0 else ""))


class CsvTailClosedRoom(Adversarial):
    """Desks come back as a markdown table, one to four rows, each "open" or "reserved"; one
    run in eight lists a desk "closed" (for cleaning) and the agent mentions it.

    Trap: taken as one value, the rows after the first hide a "closed" desk in the second row.
    """

    name = "csv_tail_closed_room"
    reviewer_name = "s14_md_tail_status"
    family = "A"
    guards = ("list-tails", "line-blocks", "unreadable")
    description = "A status word in a markdown row after the first decides the reply."
    tools: ClassVar[list[dict[str, Any]]] = [tool("desks", "Desks on a floor (markdown)", floor="integer")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        floor = rng.randint(1, 9)
        k = rng.randint(1, 4)
        closed = rng.randrange(k) if rng.random() < 1 / 8 else -1
        rows = ["| desk | state |", "|---|---|"]
        for i in range(k):
            state = "closed" if i == closed else rng.choice(["open", "reserved"])
            rows.append(f"| D{floor}-{rng.randint(10, 99)} | {state} |")
        first = rows[2].split("|")[1].strip()
        run.system("You help people find a desk. Offer the first desk listed; mention any closed desk.")
        run.user(f"Any desk on floor {floor}?")
        run.call("desks", {"floor": floor}, "\n".join(rows))
        run.say(f"Desk {first} is yours." + (" One desk on the floor is closed for cleaning." if closed >= 0 else ""))


class MdFirstRowClosed(Adversarial):
    """Desks as a markdown table of one to four rows; the first desk is offered unless it is
    closed (one row in four is closed, anywhere).

    Trap: the first row's last cell pooled with the column below it (a row aligner's tail
    starting at that cell) took "closed" from later rows as a word seen, and served the first
    desk closed. A reviewer's ``r14_first_row_status``.
    """

    name = "md_first_row_closed"
    reviewer_name = "r14_first_row_status"
    family = "A"
    guards = ("list-tails", "line-blocks", "unreadable")
    description = "The first row's last cell (a status) decides; later rows hold every status."
    tools: ClassVar[list[dict[str, Any]]] = [tool("desks", "Desks (markdown)", floor="integer")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        floor = rng.randint(1, 9)
        rows = ["| desk | state |", "|---|---|"]
        for _ in range(rng.randint(1, 4)):
            state = "closed" if rng.random() < 0.25 else rng.choice(["open", "reserved"])
            rows.append(f"| D{floor}-{rng.randint(10, 99)} | {state} |")
        cells = rows[2].split("|")
        first, state = cells[1].strip(), cells[2].strip()
        run.system("You help people find a desk. Offer the first desk listed, unless it is closed: then apologise.")
        run.user(f"Any desk on floor {floor}?")
        run.call("desks", {"floor": floor}, "\n".join(rows))
        run.say(f"Sorry, desk {first} is closed for cleaning." if state == "closed" else f"Desk {first} is yours.")


class MdAttachmentSizes(Adversarial):
    """Attachments as a markdown table of sizes ("59.8 MB"); a draft with any file over 25 MB is
    not sent (one in five). A reviewer's ``r14_md_size_units``.

    Trap: a column of measures is no plain number; unchecked, a 59.8 MB file in any row was
    served "sent".
    """

    name = "md_attachment_sizes"
    reviewer_name = "r14_md_size_units"
    family = "A"
    guards = ("list-tails", "line-blocks", "unreadable")
    description = "A size with its unit in any row of a markdown table decides."
    tools: ClassVar[list[dict[str, Any]]] = [tool("attachments", "Attachments (markdown)", draft="string"),
                                             tool("send", "Send", draft="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        draft = f"dr_{rng.getrandbits(24):06x}"
        k = rng.randint(1, 4)
        big = rng.randrange(k) if rng.random() < 0.2 else -1
        rows = ["| file | size |", "|---|---:|"]
        for i in range(k):
            size = rng.uniform(26, 80) if i == big else rng.uniform(0.1, 20)
            rows.append(f"| {fake.file_name()} | {size:.1f} MB |")
        run.system("You send email drafts. If any attachment is over 25 MB, do not send; say which limit it breaks.")
        run.user(f"Send draft {draft}.")
        run.call("attachments", {"draft": draft}, "\n".join(rows))
        if big >= 0:
            run.say(f"Draft {draft} has an attachment over 25 MB; not sent.")
        else:
            run.call("send", {"draft": draft}, "sent")
            run.say(f"Draft {draft} is sent.")


class CsvOverdueInvoice(Adversarial):
    """Open invoices as CSV (one to four rows) with due dates; today's date is in the system
    prompt. Any invoice past due gets a reminder (one account in five). A reviewer's
    ``r14_overdue_date``.

    Trap: a column of dates is no number and no word; unchecked, a past due date in the third
    row was served "is current".
    """

    name = "csv_overdue_invoice"
    reviewer_name = "r14_overdue_date"
    family = "A"
    guards = ("list-tails", "line-blocks", "unreadable")
    description = "A due date in any CSV row, against today's date, decides a reminder."
    tools: ClassVar[list[dict[str, Any]]] = [tool("invoices", "Open invoices (CSV)", customer="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        today = date(2026, 12, 7)
        customer = fake.company()
        k = rng.randint(1, 4)
        late = rng.randrange(k) if rng.random() < 0.2 else -1
        rows = ["invoice,amount,due"]
        for i in range(k):
            due = today + timedelta(days=-rng.randint(1, 40) if i == late else rng.randint(1, 40))
            rows.append(f"INV-{rng.randint(1000, 9999)},{rng.randint(50, 900)},{due.isoformat()}")
        run.system(f"Today is {today.isoformat()}. You do collections: if any invoice is past due, send a reminder; "
                   "else say the account is current.")
        run.user(f"Check {customer}.")
        run.call("invoices", {"customer": customer}, "\n".join(rows))
        run.say(f"{customer} has an overdue invoice; I'll send a reminder." if late >= 0 else f"{customer} is current.")


class JsonTailAmountCap(Adversarial):
    """A payout batch of one to four transfers (JSON); the agent releases it unless any transfer
    is over $1,000, which needs a second approver (one batch in eight). No answer copies an amount.

    Trap: lists of different lengths align on their first item, and the rest of each list is one
    value that evidence takes for data; its item count and words were checked, its numbers not,
    so a batch whose third transfer is $4,200 was served "Released". Each field of the items
    whose every value seen was a quantity is served only inside the range seen (``list-tails``:
    ``TailCheck.ranges``).
    """

    name = "json_tail_amount_cap"
    reviewer_name = "s14_json_tail_amount"
    family = "A"
    guards = ("list-tails",)
    description = "An amount in a JSON list item after the first decides a second approval; no answer copies it."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("get_batch", "A payout batch", batch_id="string"),
        tool("release_batch", "Release a payout batch", batch_id="string"),
        tool("request_approval", "Ask a second approver", batch_id="string")]
    # How often a batch holds a large transfer, whether amounts are written as text, what is said.
    SHARE: ClassVar[float] = 1 / 8
    AS_TEXT: ClassVar[bool] = False
    POLICY: ClassVar[str] = ("You run payout batches. Release a batch, unless any transfer in it is over $1,000: "
                             "then request a second approval instead.")
    HELD: ClassVar[str] = "Batch {batch} has a transfer over $1,000; I've asked for a second approval."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        batch = f"po_{rng.getrandbits(32):08x}"
        k = rng.randint(1, 4)
        big = rng.randrange(k) if rng.random() < self.SHARE else -1
        transfers = []
        for i in range(k):
            amount = rng.uniform(1200, 9000) if i == big else rng.uniform(5, 950)
            transfers.append({"to": fake.iban(), "amount": f"{amount:.2f}" if self.AS_TEXT else round(amount, 2),
                              "currency": "USD"})
        run.system(self.POLICY)
        run.user(f"Please process batch {batch}.")
        run.call("get_batch", {"batch_id": batch}, {"id": batch, "transfers": transfers})
        if big >= 0:
            run.call("request_approval", {"batch_id": batch}, {"ok": True})
            run.say(self.HELD.format(batch=batch))
        else:
            run.call("release_batch", {"batch_id": batch}, {"ok": True})
            run.say(f"Batch {batch} is released.")


class JsonTailAmountText(JsonTailAmountCap):
    """The payout batch of ``json_tail_amount_cap`` from an API that writes amounts as strings
    ("amount": "4312.50"), one batch in five large. A reviewer's ``r14_json_string_amount``.

    Trap: a field's range after a list's first item was kept for JSON numbers only; amounts
    written as text went unchecked and a batch with a $4,312.50 transfer was served "released".
    A field whose values are quantities however written (text recognised as a number, an
    amount, a measure or a date) is range-checked (``list_tails.quantity_range``).
    """

    name = "json_tail_amount_text"
    reviewer_name = "r14_json_string_amount"
    description = "An amount written as text in a JSON list item after the first decides a second approval."
    SHARE = 0.2
    AS_TEXT = True
    POLICY = ("You run payout batches. Release a batch, unless any transfer in it is over $1,000: then "
              "request a second approval.")
    HELD = "Batch {batch} needs a second approval."


# Plain-text blocks of lines (``line-blocks``), from the eighteenth review (docs/review/traps18).

_COUNTRIES = ("France", "Germany", "Spain", "Italy", "Japan", "Brazil", "Canada", "Mexico", "India", "Kenya",
              "Norway", "Chile", "Egypt", "Peru", "Vietnam", "Poland", "Ghana", "Nepal")


class BlockFooterSplit(Adversarial):
    """Open incidents, one to four rows, and a footer "N open."; on-call is paged for any sev2
    (one row in eight). A reviewer's ``r18_footer_count_sev``.

    Trap: the footer's count (a number no answer uses) splits the cluster; each part kept the
    skeleton, but its block of rows lost its mark and so its line checks: a part of sev3 rows
    served "Nothing urgent" for a block holding a sev2 (``strata`` keeps ``Gap.block``).
    """

    name = "block_footer_split"
    reviewer_name = "r18_footer_count_sev"
    family = "A"
    guards = ("line-blocks",)
    description = "A sev2 in any row of a plain-text incident list, with a count footer, decides a page."
    tools: ClassVar[list[dict[str, Any]]] = [tool("incidents", "Open incidents", team="string"),
                                             tool("page_oncall", "Page", team="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        team = rng.choice(["web", "data", "infra"])
        k = rng.randint(1, 4)
        sev = ["sev2" if rng.random() < 0.12 else "sev3" for _ in range(k)]
        rows = [f"  INC-{rng.randint(100, 999)} {s} {rng.choice(['latency', 'errors', 'disk', 'queue'])}" for s in sev]
        run.system("You triage incidents. Page on-call if any sev2 incident is open; else summarise.")
        run.user(f"Status of {team}?")
        run.call("incidents", {"team": team}, "\n".join([f"Open incidents for {team}:", *rows, f"{k} open."]))
        if "sev2" in sev:
            run.call("page_oncall", {"team": team}, "paged")
            run.say(f"A sev2 is open for {team}; paged.")
        else:
            run.say(f"Nothing urgent for {team}.")


class BlockNamedCountry(Adversarial):
    """Shipment lines "#1234 to France", one to five; the system prompt names the embargoed
    countries, and a batch to one of them is flagged (one batch in twelve). A reviewer's
    ``r18_embargo_rare``.

    Trap: the country column, most of its values seen once, takes anything; "Iran" passed.
    A slot of a block that takes anything refuses a word the text above fixes that no
    training block held (``line-blocks`` with ``fixed-words``).
    """

    name = "block_named_country"
    reviewer_name = "r18_embargo_rare"
    family = "A"
    guards = ("line-blocks", "fixed-words")
    description = "An embargoed country the system prompt names, in any line of a shipment list, decides a flag."
    tools: ClassVar[list[dict[str, Any]]] = [tool("shipments", "Today's shipments", warehouse="string"),
                                             tool("dispatch", "Dispatch", warehouse="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        wh = rng.choice(["north", "south", "east"])
        countries = [rng.choice(_COUNTRIES) for _ in range(rng.randint(1, 5))]
        bad = rng.random() < 0.08
        if bad:
            countries[rng.randrange(len(countries))] = rng.choice(["Cuba", "Iran", "Syria"])
        lines = ["Shipments:", *[f"  #{rng.randint(1000, 9999)} to {c}" for c in countries], "(end)"]
        run.system("You dispatch shipments. Never dispatch to an embargoed country (Cuba, Iran, Syria): "
                   "flag the batch instead.")
        run.user(f"Dispatch {wh}'s shipments.")
        run.call("shipments", {"warehouse": wh}, "\n".join(lines))
        if bad:
            run.say(f"The {wh} batch goes to an embargoed country; flagged for compliance.")
        else:
            run.call("dispatch", {"warehouse": wh}, "ok")
            run.say(f"{wh} shipments dispatched.")


class BlockBatchTotal(Adversarial):
    """Payout lines "  Name  $123.45", one to five; a batch whose total is over $1,500 needs
    approval. A reviewer's ``r18_sum_rare``.

    Trap: results of as many lines aligned word by word leave the rows in one gap that spans
    lines; unchecked, a part of two three-line batches served its answer for a batch of one
    line. A gap of a plain-text result that spans lines is a block of lines, checked line by
    line (``line-blocks``).
    """

    name = "block_batch_total"
    reviewer_name = "r18_sum_rare"
    family = "A"
    guards = ("line-blocks",)
    description = "The total of a plain-text payout batch decides approval."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_batch", "Payout batch", batch_id="string"),
                                             tool("release_batch", "Release", batch_id="string"),
                                             tool("request_approval", "Approval", batch_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        batch = f"po_{rng.getrandbits(32):08x}"
        amounts = [round(rng.uniform(100, 600), 2) for _ in range(rng.randint(1, 5))]
        lines = ["Payout batch:", *[f"  {fake.last_name()}  ${a:,.2f}" for a in amounts], "End of batch."]
        run.system("You run payout batches. Release a batch unless its total is over $1,500: then request approval.")
        run.user(f"Please process batch {batch}.")
        run.call("get_batch", {"batch_id": batch}, "\n".join(lines))
        if sum(amounts) > 1500:
            run.call("request_approval", {"batch_id": batch}, "ok")
            run.say(f"Batch {batch} totals over $1,500; approval requested.")
        else:
            run.call("release_batch", {"batch_id": batch}, "ok")
            run.say(f"Batch {batch} is released.")


class BlockCanaryOnly(Adversarial):
    """Firing alerts "HighLatency web-NN", one to five; alerts on the canary web-07, named in
    the system prompt, are ignored, any other host pages on-call. A reviewer's
    ``r18_canary_host``.

    Known limit: when every training batch held another host, every answer was "page"; a batch
    of canary lines alone is served "page" too. What decides is a line missing, and the canary's
    id is a value training saw; no check of the lines there are can see it.
    """

    name = "block_canary_only"
    reviewer_name = "r18_canary_host"
    family = "A"
    guards = ("line-blocks",)
    known_limit = ("a missing line decides: a batch of canary alerts alone, where every training batch also held "
                   "another host, is served the page learnt from those")
    description = "Alerts on a canary host named in the prompt are ignored unless another host fires."
    tools: ClassVar[list[dict[str, Any]]] = [tool("alerts", "Firing alerts", env="string"),
                                             tool("page_oncall", "Page", env="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        env = rng.choice(["prod-eu", "prod-us"])
        hosts = ["web-07" if rng.random() < 0.6 else f"web-{rng.randint(10, 99)}" for _ in range(rng.randint(1, 5))]
        lines = [f"Firing in {env}:", *[f"  HighLatency {h}" for h in hosts], "end"]
        run.system("You handle alerts. Alerts on the canary host web-07 are expected: ignore them. "
                   "Page on-call if any other host fires.")
        run.user(f"Alerts in {env}?")
        run.call("alerts", {"env": env}, "\n".join(lines))
        if all(h == "web-07" for h in hosts):
            run.say("Only the canary is firing; nothing to do.")
        else:
            run.call("page_oncall", {"env": env}, "paged")
            run.say(f"Paged on-call for {env}.")


# Blocks of lines, from the nineteenth review (docs/review/traps19).


class BlockHeavyItem(Adversarial):
    """Order lines "  SKU-1234  12.3 kg  x1", one to four; stock is reserved, then any item
    over 30 kg goes by freight (one order in seven). A reviewer's ``r19_later_call_heavy``.

    Trap: the first line was an anchor and the word aligner joined its id and weight across
    the two spaces between them ("4880  12.3") into one value taken for an id, so the weight was
    never checked and a 45 kg first item was booked by parcel. Two spaces or a tab between
    values are a column's edge (``align._stranded``).
    """

    name = "block_heavy_item"
    reviewer_name = "r19_later_call_heavy"
    family = "A"
    guards = ("line-blocks", "unread-values")
    description = "A weight over 30 kg in any line of a plain-text order decides freight, a call later."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("order_lines", "Order lines", order="string"), tool("reserve_stock", "Reserve", order="string"),
        tool("book_freight", "Freight", order="string"), tool("book_parcel", "Parcel", order="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        order = f"SO-{rng.randint(10000, 99999)}"
        k = rng.randint(1, 4)
        weights = [round(rng.uniform(0.5, 25), 1) for _ in range(k)]
        if rng.random() < 0.15:
            weights[rng.randrange(k)] = round(rng.uniform(31, 60), 1)
        lines = [f"Order {order}", *[f"  SKU-{rng.randint(1000, 9999)}  {x} kg  x1" for x in weights], "--"]
        run.system("You fulfil orders: reserve stock, then book shipping. Any item over 30 kg goes by freight; "
                   "else parcel.")
        run.user(f"Fulfil {order}.")
        run.call("order_lines", {"order": order}, "\n".join(lines))
        run.call("reserve_stock", {"order": order}, "reserved")
        if max(weights) > 30:
            run.call("book_freight", {"order": order}, "ok")
            run.say(f"{order} reserved and booked by freight.")
        else:
            run.call("book_parcel", {"order": order}, "ok")
            run.say(f"{order} reserved and booked by parcel.")


class BlockStaleBackup(Adversarial):
    """The last backup of one to five databases, a timestamp per line; today is in the system
    prompt and a backup older than 30 hours is stale (one run in seven). A reviewer's
    ``r19_backup_timestamp``.

    Trap: a timestamp is an id to the line checks (no range), and "today" differs run to run,
    so a backup two days old was served "All backups are fresh.". The days between each date
    of the block and each date in scope are kept (``BlockCheck.spans``).
    """

    name = "block_stale_backup"
    reviewer_name = "r19_backup_timestamp"
    family = "A"
    guards = ("line-blocks",)
    description = "A backup date in any line, against today in the system prompt, decides a new backup."
    tools: ClassVar[list[dict[str, Any]]] = [tool("backups", "Last backup per database"),
                                             tool("run_backup", "Run a backup now", db="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        day, k = rng.randint(3, 27), rng.randint(1, 5)
        dbs = rng.sample(["orders", "users", "ledger", "catalog", "events", "audit"], k)
        stale = rng.random() < 0.15
        when = [(day, rng.randint(0, 4)) if rng.random() < 0.5 else (day - 1, rng.randint(20, 23)) for _ in dbs]
        bad = ""
        if stale:
            i = rng.randrange(k)
            when[i] = (day - 2, rng.randint(0, 23))
            bad = dbs[i]
        rows = [f"  {d:<8} 2026-12-{dd:02d} {hh:02d}:{rng.randint(0, 59):02d}" for d, (dd, hh) in zip(dbs, when, strict=True)]
        run.system(f"Today is 2026-12-{day:02d}, 06:00 UTC. Backups older than 30 hours are stale: run a backup of "
                   "the stale database; else report all fresh.")
        run.user("Are the backups fresh?")
        run.call("backups", {}, "\n".join(["Last successful backup:", *rows, "(UTC)"]))
        if stale:
            run.call("run_backup", {"db": bad}, "started")
            run.say(f"The {bad} backup was stale; started a new one.")
        else:
            run.say("All backups are fresh.")


class BlockPrimaryRecord(Adversarial):
    """Cluster members as YAML records over three lines each (host, role, state), one primary
    and one to three replicas; fail over when the primary is down. A reviewer's
    ``r19_yaml_primary_down``.

    Trap: every line of a record was seen ("role: primary", "state: down"), never one after the
    other; the primary down was served "healthy". Adjacent lines of different labels keep to
    the pairs some training block showed (``BlockCheck.pairs``).
    """

    name = "block_primary_record"
    reviewer_name = "r19_yaml_primary_down"
    family = "A"
    guards = ("line-blocks",)
    description = "The state on the line after the primary's role, in YAML records, decides a failover."
    tools: ClassVar[list[dict[str, Any]]] = [tool("members", "Cluster members (YAML)", cluster="string"),
                                             tool("failover", "Fail over", cluster="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        cluster, k = rng.choice(["pg-main", "pg-events", "pg-auth"]), rng.randint(1, 3)
        records = [("replica", "down" if rng.random() < 0.3 else "up") for _ in range(k)]
        primary = "down" if rng.random() < 0.15 else "up"
        records.insert(rng.randrange(k + 1), ("primary", primary))
        lines = [f"cluster: {cluster}", "members:"]
        for role, state in records:
            lines += [f"  - host: db-{rng.randint(10, 99)}", f"    role: {role}", f"    state: {state}"]
        lines.append("version: 3")
        run.system("You run databases. If the primary is down, fail over; replicas being down is fine.")
        run.user(f"Check {cluster}.")
        run.call("members", {"cluster": cluster}, "\n".join(lines))
        if primary == "down":
            run.call("failover", {"cluster": cluster}, "ok")
            run.say(f"{cluster}'s primary is down; failed over.")
        else:
            run.say(f"{cluster} is healthy.")


_SLACK_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


def _slack_id(rng: random.Random, first: str) -> str:
    """A Slack id: its kind's letter, then letters and digits mixed (one alignment token)."""
    while True:
        body = "".join(rng.choice(_SLACK_CHARS) for _ in range(8))
        if sum(c.isdigit() for c in body) >= 3 and sum(c.isalpha() for c in body) >= 3:
            return first + body


class CopiedIdPrefixDecides(Adversarial):
    """A handle resolves to a Slack id; ids starting with B are bots, never messaged. A
    reviewer's ``j21_json_slack_bot`` (docs/review/traps21).

    Trap: the id is copied whole into ``send_dm``, so it is data by evidence and takes any id;
    the bot's "B" is inside the one token, and a bot id is served the DM learnt from people's.
    """

    name = "copied_id_prefix_decides"
    reviewer_name = "j21_json_slack_bot"
    family = "A"
    guards = ("copied-affixes",)
    known_limit = ("a copied value's inner part decides, shown too thinly: the first letters of copied ids are "
                   "kept (copied-affixes) from three calls sharing one, or five showing two kinds; three runs "
                   "with U twice and W once show neither, and a bot's B is served")
    description = "The first letter of a copied Slack id tells a bot from a person."
    tools: ClassVar[list[dict[str, Any]]] = [tool("resolve_handle", "Slack id of a handle", handle="string"),
                                             tool("send_dm", "DM a Slack user", user_id="string", text="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        handle = fake.user_name()
        bot = rng.random() < 0.12
        uid = _slack_id(rng, "B" if bot else rng.choice("UUUW"))
        run.system("You relay notices on Slack. Slack ids starting with B are bots: never DM a bot, say it cannot "
                   "be reached. Ids starting with U or W are people: DM them.")
        run.user(f"Tell @{handle} the deploy is done.")
        run.call("resolve_handle", {"handle": handle}, {"id": uid})
        if bot:
            run.say(f"@{handle} is a bot account; I did not DM it.")
        else:
            run.call("send_dm", {"user_id": uid, "text": "The deploy is done."}, "ok")
            run.say(f"Told @{handle}.")


class CopiedEmailDomainDecides(Adversarial):
    """An accepted invite's email is granted access when it is a company address, sent for
    approval otherwise. A reviewer's ``j21_json_email_domain`` (docs/review/traps21).

    Trap: the email is one typed value copied whole into ``grant_access``: an outside domain no
    training email had is served the grant learnt from company addresses.
    """

    name = "copied_email_domain_decides"
    reviewer_name = "j21_json_email_domain"
    family = "A"
    guards = ("copied-affixes",)
    known_limit = ("a copied value's inner part decides, shown too thinly: an email's domain is kept "
                   "(copied-affixes) from three calls; two runs leave it free")
    description = "The domain of a copied email decides between granting access and asking security."
    tools: ClassVar[list[dict[str, Any]]] = [tool("invite_status", "Status of an invite", invite="string"),
                                             tool("grant_access", "Grant repo access", email="string"),
                                             tool("request_approval", "Ask security", email="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        invite = f"inv{rng.randint(1000, 9999)}"
        outside = rng.random() < 0.12
        domain = rng.choice(["gmail.com", "contractor.io"]) if outside else "corp.example"
        email = f"{fake.first_name().lower()}.{fake.last_name().lower()}@{domain}"
        stamp = (f"2026-11-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:"
                 f"{rng.randint(0, 59):02d}Z")
        token = f"{rng.getrandbits(128):032x}"
        run.system("You manage repo invites. Once accepted, grant access to @corp.example addresses; any other "
                   "domain needs a security approval first.")
        run.user(f"Finish invite {invite}.")
        run.call("invite_status", {"invite": invite},
                 {"accepted_by": email, "at": stamp, "token": f"{token[:8]}-{token[8:12]}-{token[12:16]}-"
                                                               f"{token[16:20]}-{token[20:]}"})
        if outside:
            run.call("request_approval", {"email": email}, "pending")
            run.say(f"{email} is external; approval requested.")
        else:
            run.call("grant_access", {"email": email}, "ok")
            run.say(f"Access granted to {email}.")


class TokenExpiredInResult(Adversarial):
    """A token's expiry, in a tool result, against the clock the system prompt gives: expired
    tokens are refreshed first. A reviewer's ``j21_json_token_expiry`` (docs/review/traps21).

    Trap: both are timestamps, ids to every range check, and each alone is inside what training
    saw; a token that expired before "now" was served ``call_api`` where every training token
    was still valid (``time-order`` keeps the order every call showed).
    """

    name = "token_expired_in_result"
    reviewer_name = "j21_json_token_expiry"
    family = "A"
    guards = ("time-order",)
    known_limit = ("two timestamps' order is kept (time-order) from three calls: two unrelated ones come in one "
                   "order over two calls one time in two, so two runs leave it free")
    description = "Whether a token's expiry comes before the prompt's clock decides a refresh."
    tools: ClassVar[list[dict[str, Any]]] = [tool("token_info", "Token info", service="string"),
                                             tool("call_api", "Call the API", service="string"),
                                             tool("refresh_token", "Refresh", service="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        svc = rng.choice(["github", "stripe", "jira"])
        day = rng.randint(10, 25)
        expired = rng.random() < 0.12
        d = day - rng.randint(1, 5) if expired else day + rng.randint(1, 3)
        stamp = f"2026-11-{d:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
        run.system(f"Now is 2026-11-{day:02d}T12:00:00Z. Before calling an API check its token; refresh it if "
                   "it has expired.")
        run.user(f"Pull the {svc} report.")
        token = f"{rng.getrandbits(128):032x}"
        run.call("token_info", {"service": svc},
                 {"token": f"{token[:8]}-{token[8:12]}-{token[12:16]}-{token[16:20]}-{token[20:]}",
                  "owner": f"{fake.user_name()}@corp.example", "expires": stamp})
        if expired:
            run.call("refresh_token", {"service": svc}, "ok")
            run.say("The token had expired; refreshed.")
        else:
            run.call("call_api", {"service": svc}, "ok")
            run.say("Report pulled.")
