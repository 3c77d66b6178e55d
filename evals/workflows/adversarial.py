"""Adversarial fixture workflows: traps set for rote's induction, each where a cache that
generalises too eagerly answers wrongly (a false hit).

Two reviewers wrote them, in two rounds, to hunt for false hits; each set one trap, found
one (or more) and the finding became a fix. Here they guard against regressions. They are not part of the
catalog: ``workflows: all`` and the shipped fixtures do not include them. Suites name them
by name or by group (``evals/suites/adversarial.yaml``, ``adversarial-limits.yaml``):

- ``known_limit is None``: rote is expected to hold the workflow at zero false hits today
  (the ``adversarial`` group and suite; ``tests/evals/test_adversarial.py``);
- ``known_limit`` set: rote still answers some calls wrongly there, for the reason given
  (the ``adversarial-limits`` group and suite, informational).

Every answer is a function of the request, so every workflow is cacheable: a correct cache
may serve new data (it would have to learn the rule). Families of traps (``family``):

- A: tool results (JSON, a Python dict's repr, plain text) whose free-text values hold
  structure or escapes, or are followed by an optional key or line;
- B: a text value in the user's message that may swallow a list separator, a joiner
  (" and ") or a following sentence;
- C: several expressions fit the examples (number formats, case, rounding, calendar);
- D: variables that are always (or usually) equal; case and whitespace normalisation;
- E: the answer depends on what a value means, and training saw one outcome;
- F: request settings (``stop``, ``max_tokens``) that change the answer;
- G: the tool-call protocol (parallel tool results in completion order, tied by ``tool_call_id``);
- ``control``: shapes close to a trap where the reviewers found no false hit.

Each run's data is drawn from an RNG seeded with the reviewer's name of the workflow
(``reviewer_name``), so the reviewers' seed pairs still draw the data of their findings.
The mapping from the reviewers' names is in the comment above ``ALL`` at the end.

>>> from evals.workflows import ADVERSARIAL
>>> ADVERSARIAL["json_optional_key"].reviewer_name, ADVERSARIAL["sort_three"].known_limit is not None
('h_optfield', True)
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date, timedelta
from typing import Any, ClassVar, Literal

from faker import Faker

from evals.workflows.base import Run, Workflow, tool

Family = Literal["A", "B", "C", "D", "E", "F", "G", "control"]


class Adversarial(Workflow):
    """A workflow that sets one trap for induction (see the module docstring)."""

    family: ClassVar[Family]
    # The reviewer's name of the workflow; it seeds the run data (see ``seed_name``).
    reviewer_name: ClassVar[str]
    # None: rote is expected to hold this workflow at zero false hits. Else why it does not (yet).
    known_limit: ClassVar[str | None] = None

    @property
    def seed_name(self) -> str:
        # Seeded by the reviewer's name: renaming kept the data of the findings.
        return self.reviewer_name


# --- A: tool results --------------------------------------------------------------------------

class JsonOptionalKey(Adversarial):
    """A profile sometimes carries a middle name: an extra key in the middle of the JSON result.

    Trap: the first-name slot, learned from results without the key, swallows
    ``", "middle_name": "..."`` and the answer copies JSON into the full name.
    """

    name = "json_optional_key"
    reviewer_name = "h_optfield"
    family = "A"
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


# --- B: lists and joiners in user text ---------------------------------------------------------

class ListInUserText(Adversarial):
    """Invite two (sometimes three) people; each becomes an element of a JSON array argument.

    Trap: "A, B and C" read with the slots of "A and B": the first name swallows "A, B"
    and the array gets two elements instead of three.
    """

    name = "list_in_user_text"
    reviewer_name = "h_invite"
    family = "B"
    description = "A list of names in the user's text (two, one run in five three) becomes a JSON array argument."
    tools: ClassVar[list[dict[str, Any]]] = [{"type": "function", "function": {
        "name": "send_invites", "description": "Invite people",
        "parameters": {"type": "object", "properties": {
            "attendees": {"type": "array", "items": {"type": "string"}}, "topic": {"type": "string"}},
            "required": ["attendees", "topic"]}}}]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        k = 2 if rng.random() < 0.8 else 3
        people = [fake.name() for _ in range(k)]
        topic = fake.bs()
        listed = ", ".join(people[:-1]) + " and " + people[-1]
        run.system("You schedule meetings.")
        run.user(f"Invite {listed} to a meeting about {topic}.")
        run.call("send_invites", {"attendees": people, "topic": topic}, {"ok": True})
        run.say(f"Invited {len(people)} people.")


class OneOrTwoReminders(Adversarial):
    """The user asks "Remind me to X at 3pm."; one run in four, two reminders in one sentence
    (two parallel tool calls).

    Trap: the task slot swallows its own following literal: read with the one-reminder
    template, "X at 3pm and to Y" becomes the task.
    """

    name = "one_or_two_reminders"
    reviewer_name = "a_remind"
    family = "B"
    description = "One reminder per sentence, sometimes two joined by 'and': a task slot may swallow ' at '."
    tools: ClassVar[list[dict[str, Any]]] = [tool("create_reminder", "Create a reminder", task="string",
                                                  time="string")]
    TASKS = ("call mom", "buy milk", "water the plants", "pay the rent", "book a dentist", "email the landlord",
             "pick up the kids", "walk the dog", "renew my passport", "back up the laptop")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        t1, t2 = rng.sample(self.TASKS, 2)
        h1, h2 = rng.sample(range(1, 12), 2)
        run.system("You manage reminders.")
        if rng.random() < 0.25:
            run.user(f"Remind me to {t1} at {h1}pm and to {t2} at {h2}pm.")
            run.call_many([("create_reminder", {"task": t1, "time": f"{h1}pm"}),
                           ("create_reminder", {"task": t2, "time": f"{h2}pm"})], [{"ok": True}, {"ok": True}])
            run.say("Both reminders are set.")
        else:
            run.user(f"Remind me to {t1} at {h1}pm.")
            run.call("create_reminder", {"task": t1, "time": f"{h1}pm"}, {"ok": True})
            run.say("Your reminder is set.")


class InviteOneOrTwo(Adversarial):
    """Invite one person, one run in four "A and B" (one invite each, in parallel).

    Trap: the attendee slot of the one-person template swallows "A and B" and one invite
    goes to a person of that name.
    """

    name = "invite_one_or_two"
    reviewer_name = "a_inviteand"
    family = "B"
    description = "One invitee, sometimes two joined by ' and ': a name slot may swallow the joiner."
    tools: ClassVar[list[dict[str, Any]]] = [tool("send_invite", "Invite one person", attendee="string",
                                                  topic="string")]
    TOPICS = ("budget", "hiring", "the roadmap", "onboarding", "security", "pricing")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        topic = rng.choice(self.TOPICS)
        two = rng.random() < 0.25
        people = [fake.name() for _ in range(2 if two else 1)]
        run.system("You schedule meetings. Send one invite per attendee.")
        run.user(f"Invite {' and '.join(people)} to a meeting about {topic}.")
        if two:
            run.call_many([("send_invite", {"attendee": p, "topic": topic}) for p in people],
                          [{"ok": True}, {"ok": True}])
            run.say(f"Invited {len(people)} people.")
        else:
            run.call("send_invite", {"attendee": people[0], "topic": topic}, {"ok": True})
            run.say(f"Invited {people[0]}.")


class SecondSentence(Adversarial):
    """The user asks "Look up A."; one run in four "Look up A. Then look up B." (two parallel lookups).

    Trap: the name slot, followed by the final period, swallows ". Then look up B" and the
    lookup is of "A. Then look up B". Fixed where no training name held ". " (the reviewer's
    finding, pinned in ``tests/evals/test_adversarial.py``); a known limit where one did: Faker
    draws honorifics ("Mrs. Christina Hale"), and the slot then accepts ". " (seeds 304/305).
    """

    name = "second_sentence"
    reviewer_name = "a_sentence"
    family = "B"
    description = "A name slot before a final period; sometimes a second sentence follows: the slot may swallow it."
    known_limit = ("sentence: once a training name held '. ' (an honorific: 'Mrs. Christina Hale') the name slot "
                   "accepts it, and 'A. Then look up B' is looked up as one name (3-8 runs, seeds 304/305)")
    tools: ClassVar[list[dict[str, Any]]] = [tool("lookup", "Look a person up", name="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.name()
        extra = rng.random() < 0.25
        run.system("You look people up in the directory.")
        if extra:
            other = fake.name()
            run.user(f"Look up {who}. Then look up {other}.")
            run.call_many([("lookup", {"name": who}), ("lookup", {"name": other})], [{"ok": 1}, {"ok": 1}])
            run.say("Both are in the directory.")
        else:
            run.user(f"Look up {who}.")
            run.call("lookup", {"name": who}, {"ok": 1})
            run.say(f"{who} is in the directory.")


# --- C: several expressions fit the examples ------------------------------------------------

class SumTwoDecimals(Adversarial):
    """Two receipts summed and written with two decimals and no thousands separator.

    Trap: with only small totals seen, ``f"{x:.2f}"`` and a separator-grouped rendering
    fit alike; a total over 1,000 tells them apart. Float addition (``0.1 + 0.2``) too.
    """

    name = "sum_two_decimals"
    reviewer_name = "h_total"
    family = "C"
    description = "A sum of two amounts with two decimals; totals over 1,000 (rare) have no separator."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        hi = 5000 if rng.random() < 0.25 else 400
        a, b = rng.randint(100, hi * 100) / 100, rng.randint(100, hi * 100) / 100
        who = fake.first_name()
        run.system("You add up two receipts.")
        run.user(f"{who}: receipts {a:.2f} and {b:.2f}. Total?")
        run.say(f"{who}, your total is {a + b:.2f}.")


class SumAsPrinted(Adversarial):
    """``a + b`` answered as Python prints it; sums usually under 1,000.

    Trap: as ``sum_two_decimals``: the rendering of a large sum is not settled by small ones.
    """

    name = "sum_as_printed"
    reviewer_name = "h_add"
    family = "C"
    description = "a + b printed plainly; sums of 1,000 or more (one run in five) take no separator."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        a, b = ((rng.randint(1, 400), rng.randint(1, 400)) if rng.random() < 0.8
                else (rng.randint(500, 5000), rng.randint(500, 5000)))
        run.system("You are a calculator. Answer with the result only.")
        run.user(f"What is {a} + {b}?").say(str(a + b))


class ThousandsSeparator(Adversarial):
    """Points echoed with a thousands separator; three runs in four are under 1,000.

    Trap: an echo of the number as typed fits every example below 1,000; 1250 must
    become "1,250".
    """

    name = "thousands_separator"
    reviewer_name = "h_thousands"
    family = "C"
    description = "A number echoed with thousands separators; most examples are below 1,000 (copy fits them too)."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pts = rng.randint(10, 999) if rng.random() < 0.75 else rng.randint(1000, 20000)
        who = fake.first_name()
        run.system("You are a loyalty-program assistant.")
        run.user(f"Add {pts} points for {who}.")
        run.say(f"Added {pts:,} points for {who}.")


class CapitalizeSurname(Adversarial):
    """A lower-case surname answered with ``str.capitalize`` (first letter only).

    Trap: capitalize and title case agree on "smith" and differ on "mary-jane",
    "o'neil" and "van der berg".
    """

    name = "capitalize_surname"
    reviewer_name = "h_capitalize"
    family = "C"
    description = "capitalize vs title case: they agree on one-word surnames and differ on compound ones."
    NAMES = ("smith", "jones", "garcia", "brown", "taylor", "wilson", "mary-jane", "o'neil", "lee",
             "van der berg", "mcdonald")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        u = rng.choice(self.NAMES)
        run.system("Register users. Capitalise the first letter of the surname.")
        run.user(f"Register surname {u}")
        run.say(f"Registered: {u.capitalize()}")


class ZeroPadding(Adversarial):
    """Room codes are R and two digits; four rooms in five are single-digit.

    Trap: "R0" + the number and zero-padding to two digits agree below 10 and differ from 10 up.
    """

    name = "zero_padding"
    reviewer_name = "h_zfill"
    family = "C"
    description = "Zero padding to two digits vs a literal leading zero; most numbers are single-digit."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        n = rng.randint(1, 9) if rng.random() < 0.8 else rng.randint(10, 40)
        who = fake.first_name()
        run.system("Room codes are R followed by two digits.")
        run.user(f"{who} is in room {n}. What's the room code?").say(f"{who}'s room code is R{n:02d}.")


class NextYearLeapDay(Adversarial):
    """A warranty ends a year after the purchase date (2026-2028, across a leap day).

    Trap: "plus 365 days" and "same day next year" agree except across 29 February.
    """

    name = "next_year_leap_day"
    reviewer_name = "h_nextyear"
    family = "C"
    description = "A date one year on: +365 days and the same day next year differ across a leap day."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        d = date(2026, 1, 1) + timedelta(days=rng.randint(0, 3 * 365))
        try:
            nxt = d.replace(year=d.year + 1)
        except ValueError:  # 29 February
            nxt = date(d.year + 1, 3, 1)
        who = fake.first_name()
        run.system("Warranties last exactly one year.")
        run.user(f"{who} bought a kettle on {d.isoformat()}. When does the warranty end?")
        run.say(f"{who}'s warranty ends on {nxt.isoformat()}.")


class NextMonthSameDay(Adversarial):
    """A subscription renews on the same day of the next month (calendar arithmetic).

    Trap: a fixed day count (+30, +31) fits the examples of one month length and no other.
    """

    name = "next_month_same_day"
    reviewer_name = "h_nextmonth"
    family = "C"
    description = "The same day next month: not a fixed number of days."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        d = date(2026, rng.randint(1, 11), rng.randint(1, 28))
        nxt = date(d.year, d.month + 1, d.day)
        who = fake.first_name()
        run.system("Subscriptions renew on the same day of the next month.")
        run.user(f"{who} subscribed on {d.isoformat()}. When is the renewal?")
        run.say(f"{who}'s renewal is on {nxt.isoformat()}.")


class SplitBillRounding(Adversarial):
    """A bill split evenly, answered with Python's ``.2f`` (round half to even on the binary value).

    Trap: a division rendered with half-up rounding fits the examples and differs on
    halves (65.63 / 2: 32.81, not 32.82).
    """

    name = "split_bill_rounding"
    reviewer_name = "h_split"
    family = "C"
    description = "A quotient rounded to cents: Python's .2f vs half-up rounding differ on exact halves."
    known_limit = ("rounding: the Deriver rounds the decimal quotient half up, Python's .2f the binary float "
                   "(65.63 / 2 = 32.815 gives 32.81); no example told them apart")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        total = rng.randint(100, 9999) / 100
        k = rng.choice([3, 3, 7, 7, 2])
        run.system("Split the bill evenly.").user(f"Total {total} split {k} ways?")
        run.say(f"{total / k:.2f} each")


class MaxOfThree(Adversarial):
    """The largest of three numbers.

    Trap: with few examples, "the first number" (or another position) fits every one.
    """

    name = "max_of_three"
    reviewer_name = "h_max"
    family = "C"
    description = "max(a, b, c): a copy of one position fits a few examples."
    known_limit = "max: no max expression; a copy of the position that happened to hold the maximum fits"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        xs = [rng.randint(1, 99) for _ in range(3)]
        run.system("Answer with the largest number only.").user(f"Largest of {xs[0]} {xs[1]} {xs[2]}?")
        run.say(str(max(xs)))


class SortThree(Adversarial):
    """Three numbers sorted ascending.

    Trap: with two examples, a fixed permutation of the positions fits both.
    """

    name = "sort_three"
    reviewer_name = "h_sort"
    family = "C"
    description = "sorted(a, b, c): a fixed permutation of the positions fits a few examples."
    known_limit = "sort: no sort expression; the permutation the examples happened to need fits"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        xs = rng.sample(range(10, 99), 3)
        run.system("Sort the numbers ascending.").user(f"Sort: {xs[0]}, {xs[1]}, {xs[2]}")
        run.say(", ".join(str(x) for x in sorted(xs)))


# --- D: equal variables, case and whitespace normalisation -----------------------------------

class UsuallyEqualCities(Adversarial):
    """Billing and shipping city are equal four runs in five; the agent ships to the shipping city.

    Trap: the answer's city bound to the billing city (the first equal variable) fits
    every run where they are equal.
    """

    name = "usually_equal_cities"
    reviewer_name = "h_addr"
    family = "D"
    description = "Two values usually equal (billing and shipping city); the answer uses the second."
    tools: ClassVar[list[dict[str, Any]]] = [tool("create_shipment", "Ship an order", order_id="string",
                                                  city="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        bill = fake.city()
        ship = bill if rng.random() < 0.8 else fake.city()
        oid = f"{rng.randint(10000, 99999)}"
        run.system("You are a fulfilment agent.")
        run.user(f"Order {oid}. Billing city: {bill}. Shipping city: {ship}.")
        run.call("create_shipment", {"order_id": oid, "city": ship}, {"ok": True})
        run.say(f"Order {oid} will ship to {ship}.")


class NameCaseNormalised(Adversarial):
    """Users sometimes type their name lower-case; the agent greets them capitalised.

    Trap: a plain copy fits the three runs in four where the name was typed capitalised.
    """

    name = "name_case_normalised"
    reviewer_name = "h_namecase"
    family = "D"
    description = "A name normalised to capitalised; a copy fits the runs where it was typed so."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        n = fake.first_name()
        typed = n if rng.random() < 0.75 else n.lower()
        run.system("You are a friendly receptionist.")
        run.user(f"hi, my name is {typed}").say(f"Welcome, {typed.capitalize()}!")


class EmailLowercased(Adversarial):
    """Emails are stored lower-case; users sometimes type a capital first letter.

    Trap: a plain copy fits the three runs in four typed lower-case.
    """

    name = "email_lowercased"
    reviewer_name = "h_emaillower"
    family = "D"
    description = "An email normalised to lower case in a tool call and the answer; a copy fits most runs."
    tools: ClassVar[list[dict[str, Any]]] = [tool("subscribe", "Subscribe an email", email="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        e = fake.email()
        typed = e if rng.random() < 0.75 else e[0].upper() + e[1:]
        run.system("You manage a newsletter. Store emails in lower case.")
        run.user(f"Please subscribe {typed}")
        run.call("subscribe", {"email": typed.lower()}, {"ok": True})
        run.say(f"Subscribed {typed.lower()}.")


class TrailingSpaceName(Adversarial):
    """One user in four leaves a trailing space after their name; the greeting has none.

    Trap: the name slot binds the space and the answer copies it ("Welcome, Ann Lee !").
    """

    name = "trailing_space_name"
    reviewer_name = "a_trailing"
    family = "D"
    description = "A name typed with a trailing space (one run in four), greeted without it."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.name()
        typed = who + (" " if rng.random() < 0.25 else "")
        run.system("You are a friendly receptionist.")
        run.user(f"Hi, my name is {typed}").say(f"Welcome, {who}!")


class TrailingSpaceToolArg(Adversarial):
    """As ``trailing_space_name``, the name copied (trimmed) into a tool argument.

    Trap: the argument's JSON string gets the trailing space the user typed.
    """

    name = "trailing_space_tool_arg"
    reviewer_name = "a_trailtool"
    family = "D"
    description = "A name typed with a trailing space (one run in four), trimmed in a tool argument and the answer."
    tools: ClassVar[list[dict[str, Any]]] = [tool("lookup_customer", "Find a customer", name="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.name()
        typed = who + (" " if rng.random() < 0.25 else "")
        run.system("You look customers up.")
        run.user(f"Find the customer {typed}")
        run.call("lookup_customer", {"name": who}, {"found": True})
        run.say(f"{who} is a customer.")


# --- E: the answer depends on what a value means ---------------------------------------------

class AffordBudget(Adversarial):
    """A budget stated in the first turn; the second asks whether an item from a price list fits.

    Trap: the yes/no answer compares a later value with an earlier one; a template bound
    to the item alone answers from the one outcome training saw for that item. Fixed where
    training saw both outcomes (the answer is then bound to the whole context: the
    reviewer's finding at 8 runs, pinned in ``tests/evals/test_adversarial.py``); with one
    outcome seen (2-5 runs) it was a known limit like ``expense_threshold``, until numbers no
    answer uses became structure (the budget is read, never copied).
    """

    name = "afford_budget"
    reviewer_name = "h_afford"
    family = "E"
    description = "Multi-turn: a yes/no that compares a price with a budget stated earlier."
    PRICES: ClassVar[dict[str, int]] = {"laptop": 900, "phone": 600, "tablet": 400, "camera": 750}

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        budget = rng.choice([500, 700, 800, 1000, 1200])
        item = rng.choice(list(self.PRICES))
        p = self.PRICES[item]
        run.system("You are a shopping assistant.")
        run.user(f"I'm {who}, my budget is ${budget}.").say(f"Noted, {who}.")
        run.user(f"Can I afford the {item} for ${p}?")
        run.say(f"Yes, the {item} fits your budget." if p <= budget else f"No, the {item} is over your budget.")


class ExpenseThreshold(Adversarial):
    """Expenses over $1000 need review, others are approved.

    Trap: training runs that all fell on one side of the threshold teach a single answer.

    Held since numbers no answer uses are structure: the amount is read, never copied or computed
    from, so each value is its own branch (no hit for a new one, no wrong one).
    """

    name = "expense_threshold"
    reviewer_name = "h_threshold"
    family = "E"
    description = "A comparison with a threshold decides the answer."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        amt = rng.randint(200, 5000)
        who = fake.first_name()
        run.system("You approve expenses. Amounts over $1000 need review.")
        run.user(f"{who} submitted an expense of ${amt}.")
        run.say(f"{'Needs review' if amt > 1000 else 'Approved'}, {who}.")


class EvenOrOdd(Adversarial):
    """Is the number even? Yes or No.

    Trap: the answer is a function of the number with no slot in it; a yes/no seen twice
    for different numbers looks like a constant.

    Held while every unread number was structure. Since evidence decides (several numbers, one
    answer: noise), a known limit: parity cannot be told from noise by outcomes alone.
    """

    name = "even_or_odd"
    reviewer_name = "h_parity"
    family = "E"
    known_limit = ("parity: the answer turns on a number's parity and no answer reads it; several numbers "
                   "answered alike are evidence of noise, and no amount of same-outcome evidence tells parity "
                   "from noise inside the range training saw (values outside it miss). The StructureJudge "
                   "(an LLM) is the stage for this")
    description = "Parity decides a yes/no answer."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        k = rng.randint(1, 999)
        run.system("Answer yes or no.").user(f"Is {k} even?").say("Yes" if k % 2 == 0 else "No")


class PluralItems(Adversarial):
    """A cart of 1-5 items: "1 item", "2 items".

    Trap: "items" after a copied count fits every example with more than one item.
    """

    name = "plural_items"
    reviewer_name = "h_plural"
    family = "E"
    description = "Pluralisation: the noun's ending depends on the count."
    known_limit = "plural: the plural ending fits every example with a count above one"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        k = rng.choice([1, 1, 2, 3, 4, 5])
        who = fake.first_name()
        run.system("You are a shopping cart assistant.")
        run.user(f"{who} added {k} to the cart. Confirm.")
        run.say(f"{who}, your cart has {k} item{'s' if k != 1 else ''}.")


class TimeOfDayGreeting(Adversarial):
    """Good morning / afternoon / evening by the hour in the user's message.

    Trap: the greeting depends on the hour's range; training in one range teaches one greeting.

    Held since numbers no answer uses are structure: the hour is read, never copied or computed
    from, so each value is its own branch (no hit for a new one, no wrong one).
    """

    name = "time_of_day_greeting"
    reviewer_name = "h_greeting"
    family = "E"
    description = "The greeting depends on the range the hour falls in."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        h, m = rng.randint(5, 22), rng.randint(0, 59)
        who = fake.first_name()
        g = "Good morning" if h < 12 else ("Good afternoon" if h < 18 else "Good evening")
        run.system("Greet the user according to the local time.")
        run.user(f"[{h:02d}:{m:02d}] Hi, I'm {who}.").say(f"{g}, {who}!")


class TruncateTitle(Adversarial):
    """A title shortened to 20 characters plus an ellipsis when longer.

    Trap: a copy fits every example title of 20 characters or fewer.
    """

    name = "truncate_title"
    reviewer_name = "h_truncate"
    family = "E"
    description = "Truncation applies only past a length; a copy fits the short examples."
    known_limit = "truncate: a copy fits titles of 20 characters or fewer; the length condition is not learned"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        t = fake.sentence(nb_words=rng.choice([2, 3, 3, 4, 6])).rstrip(".")
        short = t if len(t) <= 20 else t[:20] + "..."
        run.system("Shorten the title to at most 20 characters plus an ellipsis.")
        run.user(f"Title: {t}").say(f"Short title: {short}")


class AOrAn(Adversarial):
    """The article before a fruit: "a" or "an" by its first letter.

    Trap: the article depends on the word's spelling; training that saw one article
    for the slot answers it for every word.
    """

    name = "a_or_an"
    reviewer_name = "h_article"
    family = "E"
    description = "The article (a / an) depends on the next word's first letter."
    known_limit = "article: the a/an choice is not an expression; one article fits training that saw one"
    FRUITS = ("apple", "banana", "orange", "pear", "apricot", "kiwi", "olive", "plum", "egg", "fig")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        f = rng.choice(self.FRUITS)
        run.system("Describe what the user holds.").user(f"I am holding one {f}.")
        run.say(f"You are holding {'an' if f[0] in 'aeiou' else 'a'} {f}.")


class BoardFirstReply(Adversarial):
    """The first reply at tic-tac-toe: the centre after a corner, the opposite edge after an
    edge, a corner after the centre. X likes the top corners, so training sees mostly those.

    Trap: the board's cells look like data (a blank or an X in each gap); with X in two
    corners the answer was "4" both times, and a template with the cells as slots answers
    "4" for X on an edge too.
    """

    name = "board_first_reply"
    reviewer_name = "l_board"
    family = "E"
    description = "Board cells (X or blank) decide the move; they are marks, not data."
    OPPOSITE: ClassVar[dict[int, int]] = {1: 7, 7: 1, 3: 5, 5: 3}

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        x = rng.choice((0, 2)) if rng.random() < 0.8 else rng.randrange(9)
        board = [" "] * 9
        board[x] = "X"
        rows = "\n".join("|".join(board[r * 3:r * 3 + 3]) for r in range(3))
        move = 0 if x == 4 else self.OPPOSITE.get(x, 4)
        run.system("You play O at tic-tac-toe. Reply with the cell number (0-8) of your move only.")
        run.branch(f"X{x}").user(f"Board:\n{rows}\nX played {x}. Your move.").say(str(move))


# --- F: request settings ----------------------------------------------------------------------

class MaxTokensCut(Adversarial):
    """One client in five sends ``max_tokens: 4``: the model's answer is cut (``finish_reason: length``).

    Trap: a cache keyed on the messages alone serves the full answer to the capped request
    or the cut one to the uncapped.
    """

    name = "max_tokens_cut"
    reviewer_name = "h_maxtok"
    family = "F"
    description = "max_tokens cuts the answer short: the setting is part of the request."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        name = fake.first_name()
        run.system("You greet people politely.").user(f"Say hello to {name}.")
        if rng.random() < 0.2:
            run._respond({"role": "assistant", "content": f"Hello, {name}!", "refusal": None}, "length")
            run.records[-1]["request"]["max_tokens"] = 4
        else:
            run.say(f"Hello, {name}! How are you today?")


class StopSequence(Adversarial):
    """One client in five sends ``stop: ["!"]``: the model's answer ends before the first "!".

    Trap: as ``max_tokens_cut``, with a stop sequence.
    """

    name = "stop_sequence"
    reviewer_name = "h_stop"
    family = "F"
    description = "A stop sequence cuts the answer short: the setting is part of the request."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        name = fake.first_name()
        run.system("You greet people politely.").user(f"Say hello to {name}.")
        if rng.random() < 0.2:
            run.say(f"Hello, {name}")
            run.records[-1]["request"]["stop"] = ["!"]
        else:
            run.say(f"Hello, {name}! How are you today?")


# --- G: tool-call protocol --------------------------------------------------------------------

class ParallelResultsOrder(Adversarial):
    """Two weather calls in parallel; one run in five the results come back in the other order
    (completion order: each result is tied to its call by ``tool_call_id``, not by position).

    Trap: the temperatures bound by the results' positions are swapped in the answer. Fixed
    where training saw results in call order (the runtime misses results out of call order:
    the reviewer's finding, pinned in ``tests/evals/test_adversarial.py``); a known limit
    where every training run had them out of order (seeds 405/406, 2 runs): the template
    binds the positions swapped and answers in-order results with the values exchanged.
    """

    name = "parallel_results_order"
    reviewer_name = "a_parallel"
    family = "G"
    description = "Parallel tool results out of call order: tool_call_id, not position, says which is which."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_temp", "Temperature of a city", city="string")]
    CITIES = ("Paris", "London", "Berlin", "Madrid", "Rome", "Vienna", "Oslo", "Prague", "Lisbon", "Dublin")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        a, b = rng.sample(self.CITIES, 2)
        ta, tb = rng.randint(5, 35), rng.randint(5, 35)
        while tb == ta:
            tb = rng.randint(5, 35)
        run.system("You compare the weather of two cities.")
        run.user(f"Compare the temperature in {a} and {b}.")
        order = [1, 0] if rng.random() < 0.2 else [0, 1]
        run.call_many([("get_temp", {"city": a}), ("get_temp", {"city": b})], [f"{ta} C", f"{tb} C"], order)
        run.say(f"It is {ta} C in {a} and {tb} C in {b}.")


# --- controls: close to a trap, no false hit found ---------------------------------------------

class CountListItems(Adversarial):
    """Count a list of three (sometimes four) fruits.

    Close to: ``list_in_user_text`` (a list in user text) and E (the count is not a copy).
    """

    name = "count_list_items"
    reviewer_name = "h_count"
    family = "control"
    description = "The length of a list in the user's text (usually 3): the answer is not a copy."
    WORDS = ("apples", "pears", "kiwis", "plums", "grapes", "limes", "dates", "figs")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        k = rng.choice([3, 3, 3, 4])
        items = rng.sample(self.WORDS, k)
        run.system("Count the items.").user(f"How many items are in this list: {', '.join(items)}")
        run.say(f"There are {k} items.")


class SameValueTwoRoles(Adversarial):
    """Seats and row drawn from 1-3: the two often hold the same value; the answer uses the row.

    Close to: ``usually_equal_cities`` (D) on a small domain.
    """

    name = "same_value_two_roles"
    reviewer_name = "h_samerole"
    family = "control"
    description = "Two small numbers often equal; the answer copies the second."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        n, r = rng.randint(1, 3), rng.randint(1, 3)
        who = fake.first_name()
        run.system("You book theatre seats.").user(f"{who}: book {n} seats in row {r}.")
        run.say(f"Booked row {r} for {who}.")


class IdFromUsername(Adversarial):
    """A ticket id begins with the user name's first three letters, upper-cased.

    Close to: C (a derived value: slice and case change) and D (the id contains the name).
    """

    name = "id_from_username"
    reviewer_name = "h_ticket"
    family = "control"
    description = "A tool result's id contains part of the user name; the answer repeats both."
    tools: ClassVar[list[dict[str, Any]]] = [tool("open_ticket", "Open a ticket", user="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        u = fake.user_name()
        tid = f"{u[:3].upper()}-{rng.randint(100, 999)}"
        run.system("You are a helpdesk agent.")
        run.user(f"I'm {u}, my printer is broken.")
        run.call("open_ticket", {"user": u}, {"ticket": tid})
        run.say(f"Opened ticket {tid} for {u}.")


class LastOrderInText(Adversarial):
    """A tool returns a plain-text list of two to four orders; the answer names the last one.

    Close to: A / B (a variable-length list, here in a text tool result).
    """

    name = "last_order_in_text"
    reviewer_name = "h_lastresult"
    family = "control"
    description = "A variable-length list in a plain-text tool result; the answer copies the last item."
    tools: ClassVar[list[dict[str, Any]]] = [tool("history", "Order history", user="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        u = fake.user_name()
        k = rng.choice([2, 2, 3, 4])
        orders = [f"ORD{rng.randint(1000, 9999)}" for _ in range(k)]
        run.system("You report a user's most recent order.")
        run.user(f"What was {u}'s latest order?")
        run.call("history", {"user": u}, "orders (oldest first): " + ", ".join(orders))
        run.say(f"{u}'s latest order is {orders[-1]}.")


class OptionalNickname(Adversarial):
    """Greet by nickname when the profile has one (a JSON null otherwise), else by first name.

    Close to: ``json_optional_key`` (A): the key is always there, its value sometimes null.
    """

    name = "optional_nickname"
    reviewer_name = "h_nickname"
    family = "control"
    description = "An optional JSON value (null or a nickname) decides which name the answer copies."
    tools: ClassVar[list[dict[str, Any]]] = [tool("profile", "Get a profile", user_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        uid = f"U{rng.randint(10000, 99999)}"
        first = fake.first_name()
        nick = rng.choice([None, first[:3], fake.first_name()]) if rng.random() < 0.5 else None
        prof = {"id": uid, "first_name": first, "nickname": nick}
        run.system("Greet users by nickname if they have one, else by first name.")
        run.user(f"Greet user {uid}")
        run.call("profile", {"user_id": uid}, prof)
        run.say(f"Hi {nick or first}!")

class PythonReprNote(Adversarial):
    """A Python-repr ticket whose free-text summary is sometimes followed by a ``priority`` key.

    Close to: ``python_repr_address`` (A), with no comma in the value.
    """

    name = "python_repr_note"
    reviewer_name = "b_reprnote"
    family = "control"
    description = "A Python-repr tool result; an optional key may follow the text value the answer copies."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_ticket", "Ticket", ticket_id="string")]
    NOTES = ("printer jams on page two", "cannot log in after reset", "screen flickers at startup",
             "email sync stopped yesterday", "vpn drops every hour", "laptop fan is loud", "mouse double clicks")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        tid = f"T{rng.randint(1000, 9999)}"
        rec = {"id": tid, "queue": "it-helpdesk", "state": "open", "summary": rng.choice(self.NOTES)}
        if rng.random() < 0.25:
            rec["priority"] = rng.choice(["high", "low"])
        run.system("You summarise tickets.")
        run.user(f"What is ticket {tid} about?")
        run.call("get_ticket", {"ticket_id": tid}, str(rec))
        run.say(f"Ticket {tid}: {rec['summary']}.")



# --- The third round (a reviewer's hunt of 2026-11-22, ``/tmp/hunt6/traps.py``) ---------------
# Slots at the edge of a message (a trailing "." or "?", a leading "@"); first / last word of
# values that always had two words; a word every copied value of one branch shared; a date
# slot that took a timestamp; a deciding exit code behind an enum branch; plus the shapes the
# reviewer found holding (marks of several characters, status codes, CSV and markdown tables,
# template syntax and unicode in values, signed numbers).

COMPOUND_FIRST = ["Mary Ann", "Jean Luc", "Anna Maria", "Billy Bob", "Sarah Jane", "John Paul"]


class FullNameFirstWord(Adversarial):
    """'{first} {last}' adjacent in the user's text; the answer greets by first name.
    Some first names are two words (Mary Ann)."""
    name = "full_name_first_word"
    reviewer_name = "h6_fullname_first"
    family = "C"
    description = "adjacent first/last become one slot; split(' ')[0] fits two-word names only"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        first = rng.choice(COMPOUND_FIRST) if rng.random() < 0.2 else fake.first_name()
        last = fake.last_name()
        run.system("Greet the user by first name.")
        run.user(f"My name is {first} {last}.")
        run.say(f"Hi {first}!")


class FullNameLastWord(Adversarial):
    """Surname with particles (van der Berg) sometimes; the answer uses the surname."""
    name = "full_name_last_word"
    reviewer_name = "h6_fullname_last"
    family = "C"
    description = "split(' ')[-1] fits one-word surnames only"
    PARTICLES: ClassVar[list[str]] = ["van der Berg", "De La Cruz", "da Silva", "von Trapp", "Le Roux"]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        first = fake.first_name()
        last = rng.choice(self.PARTICLES) if rng.random() < 0.2 else fake.last_name()
        run.system("Address the user formally by surname.")
        run.user(f"I am {first} {last}, please register me.")
        run.say(f"Welcome, Mx. {last}.")


class EmojiStatusVS16(Adversarial):
    """A check result with an emoji status that has a variation selector (two code points):
    not a single-character mark. Passing checks are mostly seen."""
    name = "emoji_status_vs16"
    reviewer_name = "h6_emoji_vs16"
    family = "control"
    description = "✔️ (U+2714 U+FE0F) vs ❌: the status is two code points on one side"
    tools: ClassVar[list[dict[str, Any]]] = [tool("run_check", "Run a check", check="string"),
                                             tool("open_incident", "Open an incident", check="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        check = f"chk-{rng.randint(100, 999)}"
        ok = rng.random() < 0.75
        mark = "\u2714\ufe0f" if ok else "\u274c"
        run.system("You run health checks and open incidents for failures.")
        run.user(f"Run check {check}.")
        run.call("run_check", {"check": check}, f"{check}: {mark} ({rng.randint(10, 99)} ms)")
        if ok:
            run.say(f"Check {check} passed.")
        else:
            run.call("open_incident", {"check": check}, {"ok": True})
            run.say(f"Check {check} failed; incident opened.")


class StarRating(Adversarial):
    """A review rating as stars; good ratings (>=3) are thanked, bad ones escalated."""
    name = "star_rating"
    reviewer_name = "h6_stars"
    family = "control"
    description = "★★★☆☆: multi-char star runs are not marks"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_review", "Get a review", review_id="string"),
                                             tool("escalate", "Escalate a review", review_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        rid = f"R{rng.randint(1000, 9999)}"
        stars = rng.choice([5, 5, 4, 4, 4, 3, 2, 1])
        s = "★" * stars + "☆" * (5 - stars)
        run.system("Thank good reviews (3 stars or more); escalate bad ones.")
        run.user(f"Handle review {rid}.")
        run.call("get_review", {"review_id": rid}, f"Review {rid} by {fake.user_name()}: {s}")
        if stars >= 3:
            run.say(f"Review {rid} is positive; thanked the customer.")
        else:
            run.call("escalate", {"review_id": rid}, {"ok": True})
            run.say(f"Review {rid} escalated.")


class HttpStatusRoute(Adversarial):
    """HTTP status in a tool result decides the next call: 2xx -> parse, 404 -> create, 5xx -> retry."""
    name = "http_status_route"
    reviewer_name = "h6_http_status"
    family = "control"
    description = "numeric status codes are digits, not enum"
    tools: ClassVar[list[dict[str, Any]]] = [tool("fetch", "GET a URL", url="string"),
                                             tool("parse", "Parse a body", url="string"),
                                             tool("create", "Create resource", url="string"),
                                             tool("retry", "Retry later", url="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        url = f"https://api.example.com/items/{rng.randint(1000, 9999)}"
        code = rng.choice([200, 200, 200, 201, 204, 404, 500, 503])
        run.system("Fetch the resource; parse on 2xx, create on 404, retry on 5xx.")
        run.user(f"Sync {url}")
        run.call("fetch", {"url": url}, f"HTTP {code}\ncontent-length: {rng.randint(10, 9999)}")
        if code < 300:
            run.call("parse", {"url": url}, {"ok": True})
            run.say(f"Synced {url}.")
        elif code == 404:
            run.call("create", {"url": url}, {"ok": True})
            run.say(f"Created {url}.")
        else:
            run.call("retry", {"url": url}, {"ok": True})
            run.say(f"Will retry {url}.")


class PriorityRoute(Adversarial):
    """Priority 1/2/3 in the user text decides the queue (literal names, not derivable)."""
    name = "priority_route"
    reviewer_name = "h6_priority"
    family = "control"
    description = "priority digit decides routing"
    tools: ClassVar[list[dict[str, Any]]] = [tool("route", "Route a ticket", ticket="string", queue="string")]
    QUEUES: ClassVar[dict[int, str]] = {1: "oncall", 2: "support", 3: "backlog"}

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        t = f"T-{rng.randint(10000, 99999)}"
        p = rng.choice([2, 2, 2, 3, 3, 1])
        run.system("Route tickets by priority.")
        run.user(f"Ticket {t} has priority {p}: {fake.sentence(nb_words=5)}")
        run.call("route", {"ticket": t, "queue": self.QUEUES[p]}, {"ok": True})
        run.say(f"Routed {t} to {self.QUEUES[p]}.")


class MarkdownTableFirstRow(Adversarial):
    """A markdown table with 1-3 rows; the answer names the first row's sku and the row count."""
    name = "markdown_table_first_row"
    reviewer_name = "h6_md_table"
    family = "A"
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


class CsvLastColumn(Adversarial):
    """CSV tool result; the answer copies the email (last column) of the first data line."""
    name = "csv_last_column"
    reviewer_name = "h6_csv"
    family = "control"
    description = "CSV with an optional middle column"
    tools: ClassVar[list[dict[str, Any]]] = [tool("export", "Export users", team="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        team = fake.word()
        has_phone = rng.random() < 0.2
        head = "name,phone,email" if has_phone else "name,email"
        lines = [head]
        first_email = None
        for _ in range(2):
            email = fake.email()
            first_email = first_email or email
            nm = fake.name()
            lines.append(f"{nm},{fake.msisdn()},{email}" if has_phone else f"{nm},{email}")
        run.system("Export a team and report the first member's email.")
        run.user(f"Export team {team}")
        run.call("export", {"team": team}, "\n".join(lines))
        run.say(f"First member of {team}: {first_email}")


class TemplateSyntaxValue(Adversarial):
    """A note that may contain template/regex syntax, copied into the answer."""
    name = "template_syntax_value"
    reviewer_name = "h6_template_syntax"
    family = "control"
    description = "values with {{x}}, $1, backslashes, .*"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_note", "Get a note", note_id="string")]
    WEIRD: ClassVar[list[str]] = ["use {{name}} here", "match .* and $1", r"path C:\temp\x", "{\"a\": 1}", "a|b|c", "50% off (today)",
             "tab\there", "caf\u00e9", "cafe\u0301", "zero\u200bwidth", "\u05e9\u05dc\u05d5\u05dd world"]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nid = f"N{rng.randint(1000, 9999)}"
        text = rng.choice(self.WEIRD) if rng.random() < 0.3 else fake.sentence(nb_words=4).rstrip(".")
        run.system("Read notes aloud.")
        run.user(f"Read note {nid}")
        run.call("get_note", {"note_id": nid}, f"note {nid}: {text}")
        run.say(f"Note {nid} says: {text}")


NEW_CITIES = ["New York", "New Orleans", "New Haven", "New Bedford", "New Britain", "New Albany"]
OTHER_CITIES = ["Boston", "Chicago", "Denver", "Los Angeles", "San Diego", "Austin", "Seattle", "Miami"]


class SharedWordInBranch(Adversarial):
    """A city from the user's text is copied into the answer; an order status (an enum) splits
    the cluster, and within one branch the training cities may all start with the same word
    ("New ..."): the answer's alignment makes "New " literal and derives the rest."""
    name = "shared_word_in_branch"
    reviewer_name = "h6_shared_word_branch"
    family = "C"
    description = "a word shared by every copied value of one branch becomes answer literal text"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_order", "Fetch an order", order_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"{rng.randint(100000, 999999)}"
        city = rng.choice(NEW_CITIES) if rng.random() < 0.5 else rng.choice(OTHER_CITIES)
        status = rng.choice(["shipped", "pending"])
        run.system("You are an order-support agent.")
        run.user(f"Where is order {oid}? It ships to {city}.")
        run.call("get_order", {"order_id": oid}, {"order_id": oid, "status": status})
        if status == "shipped":
            run.say(f"Order {oid} is on its way to {city}.")
        else:
            run.say(f"Order {oid} for {city} is still pending.")


class SharedWordMinimal(Adversarial):
    """Smallest form: the status enum lives in the user's text itself."""
    name = "shared_word_minimal"
    reviewer_name = "h6_shared_word_min"
    family = "control"
    description = "branch by a status word; a copied city shares its first word within a branch"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city = rng.choice(NEW_CITIES) if rng.random() < 0.5 else rng.choice(OTHER_CITIES)
        status = rng.choice(["shipped", "pending"])
        run.system("Confirm deliveries.")
        run.user(f"Order to {city} is {status}.")
        run.say(f"Noted: {city}.")


class DueTimestamp(Adversarial):
    """A billing API returns a due date, usually a plain date, sometimes a timestamp (another
    API version). The agent schedules payment three days before, as a plain date."""
    name = "due_timestamp"
    reviewer_name = "h6_due_timestamp"
    family = "C"
    description = "date kind accepts timestamps; date_add keeps the input's time part"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_bill", "Get a bill", bill_id="string"),
                                             tool("schedule", "Schedule a payment", bill_id="string", pay_on="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        bid = f"B{rng.randint(10000, 99999)}"
        due = date(2026, 1, 1) + timedelta(days=rng.randint(10, 400))
        due_s = due.isoformat() if rng.random() < 0.8 else f"{due.isoformat()}T00:00:00Z"
        pay = (due - timedelta(days=3)).isoformat()
        run.system("Schedule payments three days before the due date (YYYY-MM-DD).")
        run.user(f"Pay bill {bid}.")
        run.call("get_bill", {"bill_id": bid}, {"bill_id": bid, "due": due_s})
        run.call("schedule", {"bill_id": bid, "pay_on": pay}, {"ok": True})
        run.say(f"Bill {bid} will be paid on {pay}.")


class TrailingPeriodName(Adversarial):
    """Users sometimes end the request with a period; the answer greets by name without it."""
    name = "trailing_period_name"
    reviewer_name = "h6_trailing_period"
    family = "B"
    description = "a word slot at the end of the text may take a trailing '.'"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.first_name()
        p = "." if rng.random() < 0.15 else ""
        run.system("You greet people politely.")
        run.user(f"Please greet {nm}{p}")
        run.say(f"Hello, {nm}!")


class TrailingQuestionCity(Adversarial):
    """A weather question with or without '?'; the city is copied into a tool call."""
    name = "trailing_question_city"
    reviewer_name = "h6_trailing_question"
    family = "B"
    description = "a text slot at the end of the text may take a trailing '?'"
    tools: ClassVar[list[dict[str, Any]]] = [tool("weather", "Weather for a city", city="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city = fake.city()
        p = "?" if rng.random() < 0.15 else ""
        run.system("You report the weather.")
        run.user(f"What's the weather in {city}{p}")
        run.call("weather", {"city": city}, {"temp_c": rng.randint(-5, 30)})
        run.say(f"Checked {city}.")


class CodeClassBehindEnum(Adversarial):
    """An enum (region) splits the cluster; within a region the exit codes seen may all be
    success codes (0, 3 = warnings), while failures (1, 2) elsewhere in training were seen."""
    name = "code_behind_enum"
    reviewer_name = "h6_code_behind_enum"
    family = "E"
    description = "both outcomes in training, but in other enum branches"
    tools: ClassVar[list[dict[str, Any]]] = [tool("deploy", "Deploy", service="string"),
                                             tool("rollback", "Roll back", service="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        svc = f"svc-{rng.randint(100, 999)}"
        region = rng.choice(["us", "eu", "ap"])
        code = rng.choice([0, 0, 0, 3, 3, 1, 2])
        run.system("Deploy; exit code 0 or 3 is success, anything else: roll back.")
        run.user(f"Deploy {svc}.")
        run.call("deploy", {"service": svc}, f"region={region} exit={code}")
        if code in (0, 3):
            run.say(f"{svc} deployed.")
        else:
            run.call("rollback", {"service": svc}, {"ok": True})
            run.say(f"{svc} rolled back.")


class ChecklistFirstOpen(Adversarial):
    """A checklist with [x]/[ ] boxes; the answer names the first open item."""
    name = "checklist_first_open"
    reviewer_name = "h6_checklist"
    family = "control"
    description = "checkbox marks decide which item is copied"
    ITEMS: ClassVar[list[str]] = ["buy milk", "call mom", "pay rent", "water plants", "fix bike", "book dentist"]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        items = rng.sample(self.ITEMS, 3)
        done = [rng.random() < 0.4 for _ in items]
        if all(done):
            done[-1] = False
        lines = "\n".join(f"[{'x' if d else ' '}] {it}" for it, d in zip(items, done, strict=True))
        first_open = next(it for it, d in zip(items, done, strict=True) if not d)
        run.system("Tell the user the next open task.")
        run.user(f"My list:\n{lines}")
        run.say(f"Next up: {first_open}.")


class LeadingMention(Adversarial):
    """A chat message that starts with the addressee; sometimes written with an '@'."""
    name = "leading_mention"
    reviewer_name = "h6_leading_mention"
    family = "B"
    description = "a slot at the very start of a message may take a leading '@'"
    tools: ClassVar[list[dict[str, Any]]] = [tool("assign", "Assign a PR", user="string", pr="integer")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        u = fake.user_name()
        pr = rng.randint(100, 999)
        at = "@" if rng.random() < 0.15 else ""
        run.system("Assign pull requests to the user named first.")
        run.user(f"{at}{u} please review PR {pr}")
        run.call("assign", {"user": u, "pr": pr}, {"ok": True})
        run.say(f"Assigned PR {pr} to {u}.")


class SignedAdjustment(Adversarial):
    """Stock adjustments with an explicit sign; the answer reports the new level."""
    name = "signed_adjustment"
    reviewer_name = "h6_signed_adjust"
    family = "control"
    description = "+N / -N adjustments: a sign mark and arithmetic"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_stock", "Stock level", sku="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        sku = f"SKU{rng.randint(1000, 9999)}"
        d = rng.randint(1, 40) * (1 if rng.random() < 0.8 else -1)
        level = rng.randint(50, 500)
        run.system("Apply stock adjustments and report the new level.")
        run.user(f"Adjust {sku} by {d:+d}")
        run.call("get_stock", {"sku": sku}, {"sku": sku, "level": level})
        run.say(f"{sku} is now at {level + d}.")


class CityZipAdjacent(Adversarial):
    """'{city} {zip}' adjacent in the user's text: one gap; the tool call takes the city.
    Most cities are one word; two-word cities are rarer."""
    name = "city_zip_adjacent"
    reviewer_name = "h6_city_zip"
    family = "C"
    description = "stranded-space merge of two slots; split(' ')[0] is the city only for one-word cities"
    tools: ClassVar[list[dict[str, Any]]] = [tool("ship_quote", "Shipping quote", city="string", zip="string")]
    ONE: ClassVar[list[str]] = ["Boston", "Chicago", "Denver", "Austin", "Seattle", "Miami", "Dallas", "Portland"]
    TWO: ClassVar[list[str]] = ["New York", "San Diego", "Los Angeles", "Las Vegas"]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city = rng.choice(self.TWO) if rng.random() < 0.2 else rng.choice(self.ONE)
        z = f"{rng.randint(10000, 99999)}"
        run.system("Quote shipping to the user's address.")
        run.user(f"Ship my parcel to {city} {z}")
        run.call("ship_quote", {"city": city, "zip": z}, {"usd": rng.randint(5, 40)})
        run.say(f"Quote requested for {city}.")


# --- The fourth round (a reviewer's hunt of 2026-11-22 against the third round's rules,
# ``/tmp/hunt7/traps.py``) ------------------------------------------------------------------
# Numbers of 4+ digits and dates that decide; a number copied only two turns later; symbol
# moods (":-)"); edge characters outside a deny-list (a leading "/", a trailing ")" or emoji);
# a widened "Dr. " + surname. Two are known limits (a value copied and deciding).

# --- fourth round: 1. numbers the unread rule does not count as quantities -----------------------------

class BalanceJson4Digit(Adversarial):
    """A JSON balance (an int >= 1000: counts as an id) decides pay vs decline."""
    name = "balance_json_4digit"
    reviewer_name = "h7_balance4"
    family = "E"
    description = "JSON int >= 1000 decides the next call"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_balance", "Balance", account="string"),
                                             tool("pay", "Pay an invoice", invoice="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        inv = f"INV-{rng.randint(10000, 99999)}"
        acct = f"AC{rng.randint(100000, 999999)}"
        bal = rng.randint(2000, 9000) if rng.random() < 0.8 else rng.randint(1000, 1999)
        run.system("Pay invoices of $2,000 when the balance covers them.")
        run.user(f"Pay {inv} from account {acct}.")
        run.call("get_balance", {"account": acct}, {"account": acct, "balance": bal})
        if bal >= 2000:
            run.call("pay", {"invoice": inv}, {"ok": True})
            run.say(f"Paid {inv}.")
        else:
            run.say(f"Insufficient funds for {inv}.")


class BirthYearAdult(Adversarial):
    """A birth year (4 digits: not a quantity) decides eligibility; the year is not copied."""
    name = "birth_year_adult"
    reviewer_name = "h7_birth_year"
    family = "E"
    description = "4-digit year decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        y = rng.randint(1950, 2006) if rng.random() < 0.8 else rng.randint(2010, 2016)
        run.system("Only adults (born 2008 or earlier) may open an account.")
        run.user(f"Hi, I'm {who}, born in {y}. Can I open an account?")
        run.say(f"Yes, {who}, you can open an account." if y <= 2008 else f"Sorry, {who}, you must be 18.")


class PlainAmount4Digit(Adversarial):
    """An amount without currency, 4 digits: an id for the unread rule."""
    name = "plain_amount_4digit"
    reviewer_name = "h7_plain_amount"
    family = "E"
    description = "4-digit plain amount decides approval"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        amt = rng.randint(1000, 4999) if rng.random() < 0.8 else rng.randint(5001, 9999)
        run.system("Approve expenses up to 5000 EUR; larger ones need review.")
        run.user(f"{who} submitted an expense of {amt} EUR.")
        run.say(f"Approved, {who}." if amt <= 5000 else f"Needs review, {who}.")


class ZeroPaddedRoom(Adversarial):
    """Room numbers are zero-padded 3 digits (ids for the unread rule); floor 0 has no lift."""
    name = "zero_padded_room"
    reviewer_name = "h7_room_floor"
    family = "control"
    description = "zero-padded room number decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        room = rng.randint(100, 599) if rng.random() < 0.8 else rng.randint(1, 60)
        run.system("Guests on the ground floor (rooms 000-099) need no lift key.")
        run.user(f"{who} checked into room {room:03d}.")
        run.say(f"Lift key issued to {who}." if room >= 100 else f"No lift key needed for {who}.")


class DateWeekend(Adversarial):
    """A date (not a quantity) decides: no deliveries on weekends."""
    name = "date_weekend"
    reviewer_name = "h7_date_weekend"
    family = "E"
    description = "ISO date decides, not copied"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        d = date(2026, 1, 5) + timedelta(days=rng.randint(0, 300))
        if d.weekday() >= 5 and rng.random() < 0.6:
            d -= timedelta(days=2)
        run.system("We deliver Monday to Friday only.")
        run.user(f"{who} wants a delivery on {d.isoformat()}. OK?")
        run.say(f"Yes, {who}, delivery booked." if d.weekday() < 5 else f"Sorry, {who}, no weekend deliveries.")


class DateDeadline(Adversarial):
    """A purchase date decides whether a return is within 30 days of 2026-06-01."""
    name = "date_deadline"
    reviewer_name = "h7_date_deadline"
    family = "E"
    description = "date compared with a threshold"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_order", "Order", order_id="string"),
                                             tool("refund", "Refund", order_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"O{rng.randint(10000, 99999)}"
        d = date(2026, 6, 1) - timedelta(days=rng.randint(1, 29) if rng.random() < 0.8 else rng.randint(31, 90))
        run.system("Today is 2026-06-01. Refund orders bought within the last 30 days.")
        run.user(f"Refund order {oid}")
        run.call("get_order", {"order_id": oid}, {"order_id": oid, "bought": d.isoformat()})
        if (date(2026, 6, 1) - d).days <= 30:
            run.call("refund", {"order_id": oid}, {"ok": True})
            run.say(f"Refunded {oid}.")
        else:
            run.say(f"{oid} is past the 30-day window.")


# --- fourth round: 1b. numbers copied somewhere and deciding elsewhere ---------------------------------

class BudgetEchoed(Adversarial):
    """AffordBudget, but the first answer echoes the budget (so it is 'used')."""
    name = "budget_echoed"
    reviewer_name = "h7_budget_echo"
    family = "E"
    known_limit = "echoed budget: a value copied into one answer and deciding another is data; one outcome seen is answered for every budget"
    description = "budget copied in turn 1, decides turn 2"
    PRICES: ClassVar[dict[str, int]] = {"laptop": 900, "phone": 600, "tablet": 400, "camera": 750}

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        budget = rng.choice([800, 1000, 1200, 1500, 950, 700])
        item = rng.choice(list(self.PRICES))
        p = self.PRICES[item]
        run.system("You are a shopping assistant.")
        run.user(f"I'm {who}, my budget is ${budget}.").say(f"Noted, {who}: ${budget}.")
        run.user(f"Can I afford the {item}?")
        run.say(f"Yes, the {item} fits your budget." if p <= budget else f"No, the {item} is over your budget.")


class StockCopiedDecides(Adversarial):
    """Stock level copied in the answer and deciding reserve vs backorder."""
    name = "stock_copied_decides"
    reviewer_name = "h7_stock_copy"
    family = "E"
    known_limit = "copied and deciding: the stock is copied into the answer and decides reserve vs refuse; one outcome seen"
    description = "number copied and deciding"
    tools: ClassVar[list[dict[str, Any]]] = [tool("stock", "Stock", sku="string"),
                                             tool("reserve", "Reserve", sku="string", qty="integer")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        sku = f"SKU{rng.randint(1000, 9999)}"
        want = rng.randint(1, 5)
        have = rng.randint(6, 99) if rng.random() < 0.8 else rng.randint(0, want - 1)
        run.system("Reserve stock if enough is available.")
        run.user(f"Reserve {want} of {sku}.")
        run.call("stock", {"sku": sku}, {"sku": sku, "available": have})
        if have >= want:
            run.call("reserve", {"sku": sku, "qty": want}, {"ok": True})
            run.say(f"Reserved {want} of {sku} ({have} were available).")
        else:
            run.say(f"Only {have} of {sku} available.")


class HourInLaterTime(Adversarial):
    """An hour read early decides the greeting; a later tool call copies the hour as a time."""
    name = "hour_in_later_time"
    reviewer_name = "h7_hour_copied"
    family = "E"
    description = "hour copied into a later call and deciding the greeting"
    tools: ClassVar[list[dict[str, Any]]] = [tool("log", "Log a visit", hour="integer")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        h = rng.randint(6, 11) if rng.random() < 0.8 else rng.randint(13, 20)
        who = fake.first_name()
        run.system("Greet by time of day, then log the visit hour.")
        run.user(f"It's {h} o'clock, I'm {who}.")
        run.say(f"{'Good morning' if h < 12 else 'Good afternoon'}, {who}!")
        run.user("Please log my visit.")
        run.call("log", {"hour": h}, {"ok": True})
        run.say("Logged.")


class CoincidentSmallNumber(Adversarial):
    """A 1-digit priority decides the queue; a later call always lists pages 1..9, so every
    priority is 'written later' by coincidence."""
    name = "coincident_small_number"
    reviewer_name = "h7_coincident"
    family = "control"
    description = "number appears later by coincidence"
    tools: ClassVar[list[dict[str, Any]]] = [tool("route", "Route", ticket="string", queue="string"),
                                             tool("attach", "Attach pages", ticket="string", pages="array")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        t = f"T-{rng.randint(10000, 99999)}"
        p = rng.choice([2, 3, 4, 5, 2, 3, 1])
        q = "oncall" if p == 1 else "support"
        run.system("Route: priority 1 to oncall, else support. Then attach all pages.")
        run.user(f"Ticket {t}, priority {p}.")
        run.call("route", {"ticket": t, "queue": q}, {"ok": True})
        run.call("attach", {"ticket": t, "pages": [1, 2, 3, 4, 5]}, {"ok": True})
        run.say(f"Done with {t}.")


# --- fourth round: 3. marks of two characters ----------------------------------------------------------

class LetterGrade(Adversarial):
    """Letter grades with +/- (two characters): D and F fail."""
    name = "letter_grade"
    reviewer_name = "h7_grade"
    family = "control"
    description = "two-char grades decide pass/fail"
    GOOD: ClassVar[list[str]] = ["A+", "A", "A-", "B+", "B", "B-", "C+", "C"]
    BAD: ClassVar[list[str]] = ["D+", "D", "D-", "F"]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        g = rng.choice(self.GOOD) if rng.random() < 0.8 else rng.choice(self.BAD)
        run.system("Students pass with C or better.")
        run.user(f"{who} got grade {g}. Pass?")
        run.say(f"{who} passed." if g in self.GOOD else f"{who} failed.")


class Emoticon(Adversarial):
    """Feedback with an emoticon; :) :D =) positive, :( negative."""
    name = "emoticon"
    reviewer_name = "h7_emoticon"
    family = "E"
    description = "two-char emoticons decide"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        pos = rng.random() < 0.8
        e = rng.choice([":)", ":D", "=)", ":-)"]) if pos else rng.choice([":(", ":-(", "=("])
        run.system("Thank happy customers; apologise to unhappy ones.")
        run.user(f"Feedback from {who}: {e}")
        run.say(f"Thanks, {who}!" if pos else f"Sorry, {who}, we'll do better.")


class ThumbsSkinTone(Adversarial):
    """Thumbs up/down with a skin-tone modifier (two code points each)."""
    name = "thumbs_skin_tone"
    reviewer_name = "h7_thumbs"
    family = "control"
    description = "emoji with modifiers decide"
    TONES: ClassVar[list[str]] = ["", "\U0001F3FB", "\U0001F3FC", "\U0001F3FD", "\U0001F3FE", "\U0001F3FF"]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        up = rng.random() < 0.8
        e = ("\U0001F44D" if up else "\U0001F44E") + rng.choice(self.TONES[1:])
        run.system("Approve the PR on a thumbs up, close it on a thumbs down.")
        run.user(f"{who} reacted {e} to the PR.")
        run.say("Approved." if up else "Closed.")


class JsonCheckVS16(Adversarial):
    """Check marks in JSON: ✔️ ☑️ pass, ✖️ fail (all two code points)."""
    name = "json_check_vs16"
    reviewer_name = "h7_json_vs16"
    family = "control"
    description = "VS16 marks in JSON values decide"
    tools: ClassVar[list[dict[str, Any]]] = [tool("check", "Run a check", name="string"),
                                             tool("page", "Page oncall", name="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        c = f"chk-{fake.word()}-{rng.randint(10, 99)}"
        ok = rng.random() < 0.8
        m = rng.choice(["\u2714\ufe0f", "\u2611\ufe0f"]) if ok else "\u2716\ufe0f"
        run.system("Run the check; page oncall on failure.")
        run.user(f"Check {c}")
        run.call("check", {"name": c}, {"name": c, "result": m})
        if ok:
            run.say(f"{c} is fine.")
        else:
            run.call("page", {"name": c}, {"ok": True})
            run.say(f"{c} failed; paged oncall.")


class RomanNumeralTier(Adversarial):
    """Tiers I..IV (one or more letters: 'II' is two): tier IV is premium."""
    name = "roman_numeral_tier"
    reviewer_name = "h7_roman"
    family = "control"
    description = "roman numerals decide"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        t = rng.choice(["I", "II", "III"]) if rng.random() < 0.8 else "IV"
        run.system("Tier IV customers get free shipping.")
        run.user(f"{who} is a tier {t} customer. Free shipping?")
        run.say(f"Yes, {who} ships free." if t == "IV" else f"No, {who} pays shipping.")


class SignMarkWithNumber(Adversarial):
    """A trend mark and a number in one token: '+3' / '-2' deltas (sign decides)."""
    name = "sign_mark_with_number"
    reviewer_name = "h7_delta"
    family = "control"
    description = "sign glued to a small number decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        sym = fake.lexify("???").upper()
        d = rng.randint(1, 9) * (1 if rng.random() < 0.8 else -1)
        run.system("Report whether the stock went up or down.")
        run.user(f"{sym} moved {d:+d}% today.")
        run.say(f"{sym} is up." if d > 0 else f"{sym} is down.")


# --- fourth round: 4. slots at message edges -----------------------------------------------------------

class TrailingEmojiName(Adversarial):
    """A full name at the end of the message, sometimes followed by ' 🙂'."""
    name = "trailing_emoji_name"
    reviewer_name = "h7_trailing_emoji"
    family = "B"
    description = "end-edge text slot swallows an emoji"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.name()
        tail = rng.choice([" \U0001F642", " :)", ")", "\u2026", "!!", " ;)", "\u201d"]) if rng.random() < 0.2 else ""
        run.system("You greet people politely.")
        run.user(f"Please greet {nm}{tail}")
        run.say(f"Hello, {nm}!")


class QuotedName(Adversarial):
    """The user sometimes quotes the name; the greeting has no quotes."""
    name = "quoted_name"
    reviewer_name = "h7_quoted"
    family = "control"
    description = "a name slot takes quotes"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.first_name()
        q = rng.choice(["'", "`", "\u2018"]) if rng.random() < 0.2 else ""
        close = "\u2019" if q == "\u2018" else q
        run.system("You greet people politely.")
        run.user(f"Please greet {q}{nm}{close}")
        run.say(f"Hello, {nm}!")


class LeadingSigil(Adversarial):
    """Message starts with the addressee; sometimes with '+', '~', '/' or '•'."""
    name = "leading_sigil"
    reviewer_name = "h7_leading_sigil"
    family = "B"
    description = "start-edge slot takes other sigils"
    tools: ClassVar[list[dict[str, Any]]] = [tool("assign", "Assign a PR", user="string", pr="integer")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        u = fake.user_name()
        pr = rng.randint(100, 999)
        at = rng.choice(["+", "~", "/", "\u2022 ", "!", "$", "%", "&", "=", "^"]) if rng.random() < 0.2 else ""
        run.system("Assign pull requests to the user named first.")
        run.user(f"{at}{u} please review PR {pr}")
        run.call("assign", {"user": u, "pr": pr}, {"ok": True})
        run.say(f"Assigned PR {pr} to {u}.")


class ToolResultEdge(Adversarial):
    """A plain-text tool result that is just a city, sometimes with a trailing ')'
    or leading '(' or quotes."""
    name = "tool_result_edge"
    reviewer_name = "h7_tool_edge"
    family = "control"
    description = "whole-message slot in a tool result"
    tools: ClassVar[list[dict[str, Any]]] = [tool("whereis", "Where is a user", user="string"),
                                             tool("weather", "Weather", city="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        u = fake.user_name()
        city = fake.city()
        shown = city
        if rng.random() < 0.2:
            shown = rng.choice([f"({city})", f"'{city}'", f"{city} (approx.)", f"~{city}", f"{city}?", f"{city}*"])
        run.system("Find the user's city, then its weather.")
        run.user(f"Weather for {u}")
        run.call("whereis", {"user": u}, shown)
        run.call("weather", {"city": city}, {"t": rng.randint(1, 30)})
        run.say(f"Checked the weather in {city}.")


# --- fourth round: minimal forms of the findings -------------------------------------------------------

class MinYear(Adversarial):
    """Minimal: a 4-digit year decides a yes/no; nothing else varies but a name."""
    name = "min_year"
    reviewer_name = "h7_min_year"
    family = "E"
    description = "4-digit number decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        y = rng.randint(1950, 2006) if rng.random() < 0.8 else rng.randint(2010, 2016)
        run.system("Adults were born in 2008 or earlier.")
        run.user(f"{who} was born in {y}. Adult?")
        run.say(f"Yes, {who} is an adult." if y <= 2008 else f"No, {who} is a minor.")


class MinJsonBalance(Adversarial):
    """Minimal: a JSON int >= 1000 in a tool result decides the answer."""
    name = "min_json_balance"
    reviewer_name = "h7_min_balance"
    family = "E"
    description = "JSON int >= 1000 decides"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_balance", "Balance", account="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        acct = f"AC{rng.randint(100000, 999999)}"
        bal = rng.randint(2000, 9000) if rng.random() < 0.8 else rng.randint(1000, 1999)
        run.system("A $2000 payment needs a balance of at least 2000.")
        run.user(f"Can account {acct} make the payment?")
        run.call("get_balance", {"account": acct}, {"balance": bal})
        run.say(f"Yes, {acct} can pay." if bal >= 2000 else f"No, {acct} cannot pay.")


class MinDate(Adversarial):
    """Minimal: a date (not copied) decides."""
    name = "min_date"
    reviewer_name = "h7_min_date"
    family = "E"
    description = "a date decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        d = date(2026, 6, 1) - timedelta(days=rng.randint(1, 29) if rng.random() < 0.8 else rng.randint(31, 90))
        run.system("Today is 2026-06-01. Returns are accepted within 30 days of purchase.")
        run.user(f"{who} bought it on {d.isoformat()}. Can they return it?")
        run.say(f"Yes, {who} can return it." if (date(2026, 6, 1) - d).days <= 30 else f"No, {who} is too late.")


class MinEmoticon(Adversarial):
    """Minimal: two-character emoticons with no letters decide."""
    name = "min_emoticon"
    reviewer_name = "h7_min_emoticon"
    family = "E"
    description = "two-char marks decide"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        pos = rng.random() < 0.8
        e = rng.choice([":-)", ":D"]) if pos else rng.choice([":(", ":-("])
        run.system("Thank happy customers; apologise to unhappy ones.")
        run.user(f"Feedback from {who}: {e}")
        run.say(f"Thanks, {who}!" if pos else f"Sorry, {who}.")


class MinLeadingSlash(Adversarial):
    """Minimal: leading '/' or '+' (not in EDGE_START) on a slot at the message start."""
    name = "min_leading_slash"
    reviewer_name = "h7_min_leading"
    family = "B"
    description = "start-edge sigil outside EDGE_START"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        u = fake.user_name()
        at = rng.choice(["/", "+", "~"]) if rng.random() < 0.2 else ""
        run.system("Greet the user named first.")
        run.user(f"{at}{u} says hi")
        run.say(f"Hi {u}!")


class MinTrailingEmoji(Adversarial):
    """Minimal: a trailing ' 🙂' or '…' after a text slot at the message end."""
    name = "min_trailing_emoji"
    reviewer_name = "h7_min_trailing"
    family = "B"
    description = "end-edge tail outside EDGE_END"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.name()
        tail = rng.choice([" \U0001F642", "\u2026", ")"]) if rng.random() < 0.2 else ""
        run.system("You greet people politely.")
        run.user(f"Please greet {nm}{tail}")
        run.say(f"Hello, {nm}!")


class MinHourLater(Adversarial):
    """Minimal: an hour decides a greeting and is copied into a tool call two turns later."""
    name = "min_hour_later"
    reviewer_name = "h7_min_hour_later"
    family = "E"
    description = "number decides now and is copied later"
    tools: ClassVar[list[dict[str, Any]]] = [tool("log", "Log a visit", hour="integer")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        h = rng.randint(6, 11) if rng.random() < 0.8 else rng.randint(13, 20)
        run.system("Greet by time of day, then log the visit hour.")
        run.user(f"It's {h} o'clock.")
        run.say("Good morning!" if h < 12 else "Good afternoon!")
        run.user("Log my visit.")
        run.call("log", {"hour": h}, {"ok": True})
        run.say("Logged.")


# --- fourth round: _widen ------------------------------------------------------------------------------

class WidenTitle(Adversarial):
    """The user names a colleague, doctors usually with 'Dr.' typed; a directory says the role.
    Doctors are always paged as 'Dr. {surname}' whether or not the user typed the title."""
    name = "widen_title"
    reviewer_name = "h7_widen_title"
    family = "C"
    description = "widened answer gap copies a variable that only usually held the literal"
    tools: ClassVar[list[dict[str, Any]]] = [tool("directory", "Look up staff", name="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        last = fake.last_name()
        doctor = rng.random() < 0.6
        typed = f"Dr. {last}" if doctor and rng.random() < 0.8 else last
        run.system("Page staff; always address doctors as Dr.")
        run.user(f"Page {typed} please.")
        pager = f"P{rng.randint(1000, 9999)}"
        run.call("directory", {"name": typed}, {"role": "doctor" if doctor else "nurse", "pager": pager})
        run.say(f"Paging Dr. {last} on {pager}." if doctor else f"Paging nurse {last} on {pager}.")


class WidenSuffix(Adversarial):
    """As WidenTitle with the literal after the gap: companies usually typed with ' Inc'."""
    name = "widen_suffix"
    reviewer_name = "h7_widen_suffix"
    family = "control"
    description = "widen over the literal after"
    tools: ClassVar[list[dict[str, Any]]] = [tool("registry", "Company registry", name="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        base = fake.last_name()
        corp = rng.random() < 0.6
        typed = f"{base} Inc" if corp and rng.random() < 0.8 else base
        run.system("Invoice companies by their registered name.")
        run.user(f"Invoice {typed} please.")
        vat = f"VAT{rng.randint(10000, 99999)}"
        run.call("registry", {"name": typed}, {"kind": "corporation" if corp else "sole", "vat": vat})
        run.say(f"Invoiced {base} Inc, {vat}." if corp else f"Invoiced {base} (sole trader), {vat}.")


# --- The fifth round (a reviewer's hunt of 2026-11-22 against the fourth round's rules,
# ``/tmp/hunt8/traps.py``) ------------------------------------------------------------------
# Deciding numbers after id-like labels ("Is the number 7 even?", "gate #12", "P1"); signed
# numbers; gaps of numbers and words; Latin-1, CJK and fullwidth punctuation at edges; slots
# beside a newline or a space. Five are known limits (large numbers, epoch timestamps, a
# copied zip that decides, a trailing word, a per-value rewrite).

# ---- 1. deciding numbers behind an id-like label (_ID_LABEL) -------------------------------

class OrderQuantity(Adversarial):
    """'I'd like to order 3 laptops': the verb 'order' is an id label; 10+ need approval."""
    name = "order_quantity"
    reviewer_name = "h8_order_qty"
    family = "E"
    description = "quantity after the verb 'order' decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        n = rng.randint(1, 9) if rng.random() < 0.8 else rng.randint(10, 40)
        run.system("Orders of 10 or more laptops need manager approval.")
        run.user(f"Hi, {who} here. I'd like to order {n} laptops.")
        run.say(f"Order placed, {who}." if n < 10 else f"{who}, that needs manager approval.")


class EvenNumberLabel(Adversarial):
    """'Is the number 7 even?': 'number' is an id label."""
    name = "even_number_label"
    reviewer_name = "h8_even_number"
    family = "E"
    known_limit = ("parity: the answer turns on a number's parity and no answer reads it; several numbers "
                   "answered alike are evidence of noise, and no amount of same-outcome evidence tells parity "
                   "from noise inside the range training saw (values outside it miss). The StructureJudge "
                   "(an LLM) is the stage for this")
    description = "parity behind 'number'"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        n = rng.randint(1, 99)
        run.system("Answer parity questions.")
        run.user(f"Is the number {n} even?")
        run.say("Yes." if n % 2 == 0 else "No.")


class EvenNumberMostly(Adversarial):
    """As EvenNumberLabel, 80% even: with few runs all training answers say Yes."""
    name = "even_number_mostly"
    reviewer_name = "h8_even_mostly"
    family = "E"
    known_limit = ("parity: the answer turns on a number's parity and no answer reads it; several numbers "
                   "answered alike are evidence of noise, and no amount of same-outcome evidence tells parity "
                   "from noise inside the range training saw (values outside it miss). The StructureJudge "
                   "(an LLM) is the stage for this")
    description = "parity behind 'number', mostly even"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        n = 2 * rng.randint(1, 49) if rng.random() < 0.8 else 2 * rng.randint(1, 49) - 1
        run.system("Teams need an even number of players.")
        run.user(f"{who}'s team has player number {n} as its last. Can they play?")
        run.say(f"Yes, {who}'s team can play." if n % 2 == 0 else f"No, {who}'s team is uneven.")


class ExitCodeText(Adversarial):
    """'exit code 0' in a plain tool result: 'code' is an id label; nonzero rolls back."""
    name = "exit_code_text"
    reviewer_name = "h8_exit_code"
    family = "control"
    description = "exit code behind 'code'"
    tools: ClassVar[list[dict[str, Any]]] = [tool("deploy", "Deploy", service="string"),
                                             tool("rollback", "Roll back", service="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        svc = f"svc-{fake.word()}"
        code = 0 if rng.random() < 0.8 else rng.choice([1, 2, 137])
        run.system("Deploy; on a nonzero exit code roll back.")
        run.user(f"Deploy {svc}.")
        run.call("deploy", {"service": svc}, f"{svc} finished with exit code {code}")
        if code == 0:
            run.say(f"{svc} deployed.")
        else:
            run.call("rollback", {"service": svc}, {"ok": True})
            run.say(f"{svc} rolled back.")


class ExitCodeJson(Adversarial):
    """{"exit_code": 0}: JSON key ending in 'code'."""
    name = "exit_code_json"
    reviewer_name = "h8_exit_code_json"
    family = "E"
    description = "exit code under a JSON key *_code"
    tools: ClassVar[list[dict[str, Any]]] = [tool("deploy", "Deploy", service="string"),
                                             tool("rollback", "Roll back", service="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        svc = f"svc-{fake.word()}"
        code = rng.choice([0, 0, 0, 3]) if rng.random() < 0.8 else rng.choice([1, 2])
        run.system("Deploy; exit code 0 or 3 is success, otherwise roll back.")
        run.user(f"Deploy {svc}.")
        run.call("deploy", {"service": svc}, {"service": svc, "exit_code": code})
        if code in (0, 3):
            run.say(f"{svc} deployed.")
        else:
            run.call("rollback", {"service": svc}, {"ok": True})
            run.say(f"{svc} rolled back.")


class StatusCodeJson(Adversarial):
    """{"status_code": 200}: 2xx parse, else retry."""
    name = "status_code_json"
    reviewer_name = "h8_status_code_json"
    family = "control"
    description = "HTTP status under 'status_code'"
    tools: ClassVar[list[dict[str, Any]]] = [tool("fetch", "GET", url="string"),
                                             tool("parse", "Parse", url="string"),
                                             tool("retry", "Retry", url="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        url = f"https://api.example.com/{fake.word()}"
        code = rng.choice([200, 201, 204, 200]) if rng.random() < 0.8 else rng.choice([500, 503, 429])
        run.system("Fetch; parse 2xx responses, retry others.")
        run.user(f"Sync {url}")
        run.call("fetch", {"url": url}, {"url": url, "status_code": code})
        if code < 300:
            run.call("parse", {"url": url}, {"ok": True})
            run.say(f"Synced {url}.")
        else:
            run.call("retry", {"url": url}, {"ok": True})
            run.say(f"Will retry {url}.")


class PythonVersion(Adversarial):
    """'Python version 3.8': 'version' is an id label; < 3.10 unsupported."""
    name = "python_version"
    reviewer_name = "h8_py_version"
    family = "E"
    description = "version number decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        minor = rng.choice([10, 11, 12, 13]) if rng.random() < 0.8 else rng.choice([7, 8, 9])
        who = fake.user_name()
        run.system("We support Python 3.10 and later.")
        run.user(f"{who} runs Python version 3.{minor}. Supported?")
        run.say(f"Yes, {who} is on a supported Python." if minor >= 10 else f"No, {who} must upgrade Python.")


class ApiVersionJson(Adversarial):
    """{"api_version": 3}: JSON key ending in 'version'; v1 needs migration."""
    name = "api_version_json"
    reviewer_name = "h8_api_version_json"
    family = "E"
    description = "JSON version int decides"
    tools: ClassVar[list[dict[str, Any]]] = [tool("inspect", "Inspect a client", client="string"),
                                             tool("migrate", "Migrate a client", client="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        c = f"client-{fake.word()}"
        v = rng.choice([2, 3, 4]) if rng.random() < 0.8 else 1
        run.system("Clients on API version 1 must be migrated.")
        run.user(f"Check {c}.")
        run.call("inspect", {"client": c}, {"client": c, "api_version": v})
        if v == 1:
            run.call("migrate", {"client": c}, {"ok": True})
            run.say(f"{c} migrated.")
        else:
            run.say(f"{c} is up to date.")


class SeverityP(Adversarial):
    """'severity P1': a capital-letter prefix (P) is an id prefix; P1 pages oncall."""
    name = "severity_p"
    reviewer_name = "h8_severity_p"
    family = "E"
    description = "P1..P4 decides"
    tools: ClassVar[list[dict[str, Any]]] = [tool("page", "Page oncall", incident="string"),
                                             tool("ticket", "File a ticket", incident="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        inc = f"inc-{rng.randint(100, 999)}"
        p = rng.choice([2, 3, 4]) if rng.random() < 0.8 else 1
        run.system("Page oncall for P1 incidents, file a ticket otherwise.")
        run.user(f"New incident {inc}, severity P{p}.")
        if p == 1:
            run.call("page", {"incident": inc}, {"ok": True})
        else:
            run.call("ticket", {"incident": inc}, {"ok": True})
        run.say(f"Handled {inc}.")


class CurrencyPrefixAmount(Adversarial):
    """'USD1500' (capital prefix glued): id prefix; > 1000 needs review."""
    name = "currency_prefix_amount"
    reviewer_name = "h8_usd_prefix"
    family = "E"
    description = "amount after an uppercase currency code decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        amt = rng.randint(50, 999) if rng.random() < 0.8 else rng.randint(1001, 5000)
        run.system("Expenses above USD1000 need review.")
        run.user(f"{who} filed an expense: USD{amt}.")
        run.say(f"Approved for {who}." if amt <= 1000 else f"Review needed for {who}.")


class GateHash(Adversarial):
    """'gate #12': '#' label; gates 1-20 terminal A, 21-40 terminal B."""
    name = "gate_hash"
    reviewer_name = "h8_gate_hash"
    family = "E"
    description = "number after '#' decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        g = rng.randint(1, 20) if rng.random() < 0.8 else rng.randint(21, 40)
        run.system("Gates 1-20 are in terminal A, 21-40 in terminal B.")
        run.user(f"{who} departs from gate #{g}. Which terminal?")
        run.say(f"{who}, go to terminal A." if g <= 20 else f"{who}, go to terminal B.")


class ZipDecides(Adversarial):
    """'zip 10012': zip label; we deliver only in NY (100-149)."""
    name = "zip_decides"
    reviewer_name = "h8_zip_decides"
    family = "E"
    known_limit = "copied and deciding: the zip is copied into the call and decides whether there is a delivery"
    description = "zip code decides delivery"
    tools: ClassVar[list[dict[str, Any]]] = [tool("schedule", "Schedule delivery", zip="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        z = rng.randint(10000, 14999) if rng.random() < 0.8 else rng.randint(15000, 99999)
        run.system("We deliver to New York zip codes (10000-14999) only.")
        run.user(f"Can you deliver to zip {z}?")
        if z < 15000:
            run.call("schedule", {"zip": str(z)}, {"ok": True})
            run.say("Delivery scheduled.")
        else:
            run.say("Sorry, we don't deliver there.")


class RevenueMillions(Adversarial):
    """JSON revenue of 7+ digits (an id for _is_quantity) decides the tier."""
    name = "revenue_millions"
    reviewer_name = "h8_revenue"
    family = "E"
    known_limit = "large numbers: a JSON number of 7+ digits is taken for an id, so a revenue that decides the plan is data"
    description = "7-digit JSON int decides"
    tools: ClassVar[list[dict[str, Any]]] = [tool("company", "Company facts", name="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        co = fake.company()
        rev = rng.randint(1_000_000, 9_000_000) if rng.random() < 0.8 else rng.randint(100_000, 999_999)
        run.system("Companies with revenue of 1,000,000 or more get the enterprise plan.")
        run.user(f"Which plan for {co}?")
        run.call("company", {"name": co}, {"name": co, "revenue": rev})
        run.say(f"{co}: enterprise plan." if rev >= 1_000_000 else f"{co}: standard plan.")


class TokenExpiry(Adversarial):
    """An epoch timestamp (10 digits) decides whether a token must be refreshed."""
    name = "token_expiry"
    reviewer_name = "h8_token_expiry"
    family = "E"
    known_limit = "timestamps are noise: an epoch expiry compared with a 'now' in the prompt is data"
    description = "epoch int decides"
    tools: ClassVar[list[dict[str, Any]]] = [tool("token", "Get token", service="string"),
                                             tool("refresh", "Refresh token", service="string"),
                                             tool("call_api", "Call the API", service="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        svc = fake.word()
        now = 1763700000
        exp = now + rng.randint(600, 86400) if rng.random() < 0.8 else now - rng.randint(60, 86400)
        run.system(f"The time is {now} (epoch). Refresh expired tokens before calling the API.")
        run.user(f"Call the {svc} API.")
        run.call("token", {"service": svc}, {"service": svc, "expires_at": exp})
        if exp < now:
            run.call("refresh", {"service": svc}, {"ok": True})
        run.call("call_api", {"service": svc}, {"ok": True})
        run.say(f"Called {svc}.")


class NegativeTemperature(Adversarial):
    """Signed integers ('-5') are not recognised as numbers: a frost alert below -10."""
    name = "negative_temperature"
    reviewer_name = "h8_neg_temp"
    family = "E"
    description = "signed int decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city = fake.city()
        t = rng.randint(-9, 30) if rng.random() < 0.8 else rng.randint(-30, -11)
        run.system("Issue a frost alert below -10 degrees.")
        run.user(f"It is {t} degrees in {city}.")
        run.say(f"Frost alert for {city}!" if t < -10 else f"No alert for {city}.")


class NegativeTempOnly(Adversarial):
    """Always negative temperatures, alert below -10."""
    name = "negative_temp_only"
    reviewer_name = "h8_neg_temp_only"
    family = "control"
    description = "always-negative int decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city = fake.city()
        t = rng.randint(-9, -1) if rng.random() < 0.8 else rng.randint(-30, -11)
        run.system("Issue a frost alert below -10 degrees.")
        run.user(f"It is {t} degrees in {city}.")
        run.say(f"Frost alert for {city}!" if t < -10 else f"No alert for {city}.")


class JsonNegative(Adversarial):
    """JSON negative int: a balance below -500 is frozen."""
    name = "json_negative"
    reviewer_name = "h8_json_negative"
    family = "E"
    description = "JSON negative int decides"
    tools: ClassVar[list[dict[str, Any]]] = [tool("balance", "Balance", user="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        u = fake.user_name()
        b = rng.randint(-499, 900) if rng.random() < 0.8 else rng.randint(-3000, -501)
        run.system("Accounts below -500 are frozen.")
        run.user(f"Status of {u}?")
        run.call("balance", {"user": u}, {"user": u, "balance": b})
        run.say(f"{u} is active." if b >= -500 else f"{u} is frozen.")


# ---- 3. edges ---------------------------------------------------------------------------------

class TrailingNbspOrCJK(Adversarial):
    """A name at the message end, sometimes with a trailing NBSP, '。', '»', '！'."""
    name = "trailing_nbsp_or_cjk"
    reviewer_name = "h8_trailing_nonascii"
    family = "B"
    description = "end-edge chars outside the symbol byte ranges"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.name()
        tail = rng.choice(["\u00a0", "\u3002", "\u00bb", "\uff01", "\u00b7", "\u00b2"]) if rng.random() < 0.25 else ""
        run.system("You greet people politely.")
        run.user(f"Please greet {nm}{tail}")
        run.say(f"Hello, {nm}!")


class LeadingNonAscii(Adversarial):
    """A username at the message start, sometimes with a leading '¿', '«', '¡', NBSP, '·'."""
    name = "leading_non_ascii"
    reviewer_name = "h8_leading_nonascii"
    family = "B"
    description = "start-edge chars outside the symbol byte ranges"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        u = fake.user_name()
        at = rng.choice(["\u00bf", "\u00ab", "\u00a1", "\u00a0", "\u00b7", "\uff20"]) if rng.random() < 0.25 else ""
        run.system("Greet the user named first.")
        run.user(f"{at}{u} says hi")
        run.say(f"Hi {u}!")


class NameBeforeNewline(Adversarial):
    """Name at the end of the first line; sometimes followed by ' 🙂' or ')' before the newline."""
    name = "name_before_newline"
    reviewer_name = "h8_name_newline"
    family = "B"
    description = "slot before a newline has no edge check"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.name()
        tail = rng.choice([" \U0001F642", ")", "\u2026", " :)", "!!"]) if rng.random() < 0.25 else ""
        run.system("You greet people politely.")
        run.user(f"Please greet {nm}{tail}\nThanks.")
        run.say(f"Hello, {nm}!")


class NameBeforeSpaceWord(Adversarial):
    """Name mid-sentence; sometimes followed by an emoji before ' today'."""
    name = "name_before_space_word"
    reviewer_name = "h8_name_midline"
    family = "B"
    description = "mid-message slot followed by a space literal"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.name()
        tail = rng.choice([" \U0001F642", ")", "\u2026", "!"]) if rng.random() < 0.25 else ""
        run.system("You greet people politely.")
        run.user(f"Please greet {nm}{tail} today.")
        run.say(f"Hello, {nm}!")


class MultiPartContent(Adversarial):
    """User content as a list of text parts; the name in part 1, a fixed part 2."""
    name = "multi_part_content"
    reviewer_name = "h8_multipart"
    family = "control"
    description = "slot at the end of a content part"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.name()
        tail = rng.choice([" \U0001F642", ")", "\u2026", "!"]) if rng.random() < 0.25 else ""
        run.system("You greet people politely.")
        run.messages.append({"role": "user", "content": [
            {"type": "text", "text": f"Please greet {nm}{tail}"},
            {"type": "text", "text": "Be brief."}]})
        run.say(f"Hello, {nm}!")


class MultiPartNameAlone(Adversarial):
    """User content as parts; the second part is only the name (an edge at both ends)."""
    name = "multi_part_name_alone"
    reviewer_name = "h8_multipart_alone"
    family = "control"
    description = "a whole content part is a slot"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.name()
        tail = rng.choice([" \U0001F642", ")", "\u2026", "!", "?"]) if rng.random() < 0.25 else ""
        run.system("You greet people politely.")
        run.messages.append({"role": "user", "content": [
            {"type": "text", "text": "Please greet this person:"},
            {"type": "text", "text": f"{nm}{tail}"},
            {"type": "text", "text": "Be brief."}]})
        run.say(f"Hello, {nm}!")


class TrailingDigitsEdge(Adversarial):
    """City at the message end; sometimes a trailing ' 2' (alnum edge) meaning a count."""
    name = "trailing_digits_edge"
    reviewer_name = "h8_trailing_alnum"
    family = "B"
    known_limit = "a trailing word may be part of a value (' asap' after a city), as '. ' after 'Mrs'"
    description = "alnum at the edge that changes meaning"
    tools: ClassVar[list[dict[str, Any]]] = [tool("weather", "Weather", city="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city = fake.city()
        shown = city + (rng.choice([" x2", " pls", " asap"]) if rng.random() < 0.2 else "")
        run.system("Report the weather.")
        run.user(f"Weather in {shown}")
        run.call("weather", {"city": city}, {"t": rng.randint(1, 30)})
        run.say(f"Checked {city}.")


class ToolResultNbsp(Adversarial):
    """A whole plain-text tool result is a city; sometimes with NBSP or '。' at the end."""
    name = "tool_result_nbsp"
    reviewer_name = "h8_tool_nbsp"
    family = "control"
    description = "whole-message slot in a tool result, non-ascii edge"
    tools: ClassVar[list[dict[str, Any]]] = [tool("whereis", "Where is a user", user="string"),
                                             tool("weather", "Weather", city="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        u = fake.user_name()
        city = fake.city()
        shown = city
        if rng.random() < 0.25:
            shown = rng.choice([f"{city}\u00a0", f"\u00ab{city}\u00bb", f"{city}\u3002", f"\u00bf{city}?"])
        run.system("Find the user's city, then its weather.")
        run.user(f"Weather for {u}")
        run.call("whereis", {"user": u}, shown)
        run.call("weather", {"city": city}, {"t": rng.randint(1, 30)})
        run.say(f"Checked the weather in {city}.")


# ---- 4. widen rivals -----------------------------------------------------------------------------

class WidenTitleCase(Adversarial):
    """Doctors typed 'Dr. Surname'; sometimes lowercase 'dr. smith' / 'Dr. smith': the
    policy normalises, both readings copy the typed case."""
    name = "widen_title_case"
    reviewer_name = "h8_widen_case"
    family = "control"
    description = "widened gap, both rivals agree on an unnormalised value"
    tools: ClassVar[list[dict[str, Any]]] = [tool("directory", "Look up staff", name="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        last = fake.last_name()
        typed_last = last.lower() if rng.random() < 0.2 else last
        typed = f"Dr. {typed_last}"
        run.system("Page doctors as 'Dr. Surname' (capitalised).")
        run.user(f"Page {typed} please.")
        pager = f"P{rng.randint(1000, 9999)}"
        run.call("directory", {"name": typed}, {"pager": pager})
        run.say(f"Paging Dr. {last} on {pager}.")


class WidenHonorific(Adversarial):
    """User types 'Ms. X' / 'Mr. X' / 'Dr. X'; the answer always writes 'Dr. X' for doctors (role
    in a later JSON as a free-text 'title' value that is not an enum)."""
    name = "widen_honorific"
    reviewer_name = "h8_widen_honorific"
    family = "control"
    description = "widened over an honorific that the policy rewrites"
    tools: ClassVar[list[dict[str, Any]]] = [tool("directory", "Look up staff", name="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        last = fake.last_name()
        hon = "Dr." if rng.random() < 0.8 else rng.choice(["Ms.", "Mr."])
        typed = f"{hon} {last}"
        pager = f"P{rng.randint(1000, 9999)}"
        run.system("Staff in the directory are all doctors; page them as Dr.")
        run.user(f"Page {typed} please.")
        run.call("directory", {"name": typed}, {"pager": pager})
        run.say(f"Paging Dr. {last} on {pager}.")


class WidenNewCity(Adversarial):
    """Cities 'New X'; the answer writes the city in a fixed format 'New X' but for
    'New York' writes 'NYC' (a rare exception both readings copy wrongly)."""
    name = "widen_new_city"
    reviewer_name = "h8_widen_newcity"
    family = "C"
    known_limit = "a per-value rewrite ('New York' -> 'NYC') no training run showed"
    description = "widened gap; exception value"
    tools: ClassVar[list[dict[str, Any]]] = [tool("ship", "Ship", city="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city = rng.choice(["New Haven", "New Orleans", "New Bedford", "New Britain", "New Albany", "New York"])
        run.system("Ship parcels; write New York as NYC.")
        run.user(f"Ship to {city}.")
        shown = "NYC" if city == "New York" else city
        run.call("ship", {"city": city}, {"ok": True})
        run.say(f"Shipping to {shown}.")


# ---- 5. gaps that mix a number with a non-number (escape _is_quantity) --------------------------

class SeatsWordOrNumber(Adversarial):
    """'Seats left: 12' or 'Seats left: plenty': a mixed gap is no quantity; 4 are needed."""
    name = "seats_word_or_number"
    reviewer_name = "h8_seats_mixed"
    family = "E"
    description = "gap mixing numbers and a word decides"
    tools: ClassVar[list[dict[str, Any]]] = [tool("seats", "Seats left", show="string"),
                                             tool("book", "Book 4 seats", show="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        show = f"show-{rng.randint(100, 999)}"
        r = rng.random()
        left = "plenty" if r < 0.3 else (str(rng.randint(4, 60)) if r < 0.8 else str(rng.randint(0, 3)))
        run.system("Book 4 seats if at least 4 are left.")
        run.user(f"Book 4 seats for {show}.")
        run.call("seats", {"show": show}, f"Seats left: {left}")
        if left == "plenty" or int(left) >= 4:
            run.call("book", {"show": show}, {"ok": True})
            run.say(f"Booked {show}.")
        else:
            run.say(f"Sold out: {show}.")


class JsonNullOrInt(Adversarial):
    """{"credit_limit": null | int}: a mixed null/int leaf is no quantity; >= 500 approves."""
    name = "json_null_or_int"
    reviewer_name = "h8_json_null_int"
    family = "control"
    description = "null-or-int JSON leaf decides"
    tools: ClassVar[list[dict[str, Any]]] = [tool("credit", "Credit info", customer="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        c = fake.user_name()
        r = rng.random()
        lim = None if r < 0.25 else (rng.randint(500, 900) if r < 0.8 else rng.randint(50, 499))
        run.system("Approve a $500 purchase if the credit limit is at least 500; no limit means no credit.")
        run.user(f"Can {c} buy on credit?")
        run.call("credit", {"customer": c}, {"customer": c, "credit_limit": lim})
        ok = lim is not None and lim >= 500
        run.say(f"Approved for {c}." if ok else f"Declined for {c}.")


class UnicodeMinus(Adversarial):
    """Weather API writes negatives with U+2212; frost alert below -10."""
    name = "unicode_minus"
    reviewer_name = "h8_unicode_minus"
    family = "E"
    description = "U+2212 minus makes the value no number"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city = fake.city()
        t = rng.randint(-9, 25) if rng.random() < 0.8 else rng.randint(-30, -11)
        shown = f"\u2212{-t}" if t < 0 else str(t)
        run.system("Issue a frost alert below -10 \u00b0C.")
        run.user(f"{city}: {shown} \u00b0C now.")
        run.say(f"Frost alert for {city}!" if t < -10 else f"No alert for {city}.")


# ---- minimal forms -------------------------------------------------------------------------------

class MinTrailingNbsp(Adversarial):
    """Minimal: a trailing NBSP (U+00A0) after a name at the message end."""
    name = "min_trailing_nbsp"
    reviewer_name = "h8_min_nbsp"
    family = "control"
    description = "NBSP at the end edge"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.name()
        tail = "\u00a0" if rng.random() < 0.2 else ""
        run.system("You greet people politely.")
        run.user(f"Please greet {nm}{tail}")
        run.say(f"Hello, {nm}!")


class MinTrailingCJKStop(Adversarial):
    """Minimal: a trailing ideographic full stop / fullwidth '!' after a name."""
    name = "min_trailing_cjk_stop"
    reviewer_name = "h8_min_cjk_stop"
    family = "B"
    description = "U+3002 / U+FF01 at the end edge"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.name()
        tail = rng.choice(["\u3002", "\uff01"]) if rng.random() < 0.2 else ""
        run.system("You greet people politely.")
        run.user(f"Please greet {nm}{tail}")
        run.say(f"Hello, {nm}!")


class MinLeadingInverted(Adversarial):
    """Minimal: Spanish '¿' / '¡' or '«' before a username at the message start."""
    name = "min_leading_inverted"
    reviewer_name = "h8_min_inverted"
    family = "B"
    description = "Latin-1 punctuation at the start edge"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        u = fake.user_name()
        at = rng.choice(["\u00bf", "\u00a1", "\u00ab"]) if rng.random() < 0.2 else ""
        run.system("Greet the user named first.")
        run.user(f"{at}{u} says hi")
        run.say(f"Hi {u}!")


class MinNameNewline(Adversarial):
    """Minimal: a ')' after a name at the end of a line (not of the message)."""
    name = "min_name_newline"
    reviewer_name = "h8_min_name_newline"
    family = "B"
    description = "line edge is not a message edge"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.name()
        tail = ")" if rng.random() < 0.2 else ""
        run.system("You greet people politely.")
        run.user(f"Please greet {nm}{tail}\nThanks.")
        run.say(f"Hello, {nm}!")


class MinOrderQty(Adversarial):
    """Minimal: a quantity after the word 'order' decides."""
    name = "min_order_qty"
    reviewer_name = "h8_min_order_qty"
    family = "E"
    description = "quantity behind an id label decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        n = rng.randint(1, 9) if rng.random() < 0.8 else rng.randint(10, 40)
        run.system("Orders of 10 or more need approval.")
        run.user(f"I want to order {n} chairs.")
        run.say("Order placed." if n < 10 else "That needs approval.")


class MinSignedInt(Adversarial):
    """Minimal: signed ints in text, threshold below -10."""
    name = "min_signed_int"
    reviewer_name = "h8_min_signed"
    family = "E"
    description = "a gap mixing '-5' and '12' is not a quantity"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        t = rng.randint(-9, 30) if rng.random() < 0.8 else rng.randint(-30, -11)
        run.system("Alert below -10 degrees.")
        run.user(f"It is {t} degrees.")
        run.say("Alert!" if t < -10 else "No alert.")


# --- The sixth round (a reviewer's hunt of 2026-11-22, ``/tmp/hunt9/traps.py``) ------------
# How two values relate decides the answer (equal, one inside the other), and training showed
# only one case: two text variables never related in any call, or related in every call, are
# kept as ``ResponseTemplate.apart`` / ``together``; a request showing the other case misses.
# Four known limits: a value equal to a fixed word of the template (not a slot pair).

R6_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


class CorrectionUsuallySame(Adversarial):
    """Turn 2 repeats the day (80%) or corrects it: the answer must use turn 2's day."""
    name = "correction_usually_same"
    reviewer_name = "h9_correction"
    family = "D"
    description = "user corrects an earlier value"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        d1 = rng.choice(R6_DAYS)
        d2 = d1 if rng.random() < 0.8 else rng.choice([d for d in R6_DAYS if d != d1])
        run.system("Book meeting rooms.")
        run.user(f"Book a room for {who} on {d1}.")
        run.say(f"A room for {who} on {d1}. Shall I confirm?")
        run.user(f"{'Yes' if d2 == d1 else 'Actually'}, {d2} please.")
        run.say(f"Booked for {who} on {d2}.")


class CorrectionSameWord(Adversarial):
    """Like CorrectionUsuallySame but the second turn is always 'Make it {day}.'"""
    name = "correction_same_word"
    reviewer_name = "h9_correction2"
    family = "D"
    description = "user corrects an earlier value, same frame"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        d1 = rng.choice(R6_DAYS)
        d2 = d1 if rng.random() < 0.8 else rng.choice([d for d in R6_DAYS if d != d1])
        run.system("Book meeting rooms.")
        run.user(f"Book a room for {who} on {d1}.")
        run.say(f"A room for {who} on {d1}. Shall I confirm?")
        run.user(f"Make it {d2}.")
        run.say(f"Booked for {who} on {d2}.")


class ListLookupById(Adversarial):
    """Tool returns two records in random order; answer the owner of the asked id."""
    name = "list_lookup_by_id"
    reviewer_name = "h9_list_lookup"
    family = "D"
    description = "list order decides which record is meant"
    tools: ClassVar[list[dict[str, Any]]] = [tool("tickets", "List tickets", team="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        a = f"T-{rng.randint(100, 999)}"
        b = f"T-{rng.randint(100, 999)}"
        while b == a:
            b = f"T-{rng.randint(100, 999)}"
        oa, ob = fake.first_name(), fake.first_name()
        recs = [{"id": a, "owner": oa}, {"id": b, "owner": ob}]
        if rng.random() < 0.3:
            recs.reverse()
        run.system("Answer questions about tickets.")
        run.user(f"Who owns {a}?")
        run.call("tickets", {"team": "core"}, recs)
        run.say(f"{oa} owns {a}.")


class CaseIdEnv(Adversarial):
    """Uppercase ids are production (need approval); 85% lowercase."""
    name = "case_id_env"
    reviewer_name = "h9_case_env"
    family = "D"
    description = "case of an id decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        base = "".join(rng.choice("abcdefgh") for _ in range(3)) + str(rng.randint(10, 99))
        up = rng.random() < 0.15
        hid = base.upper() if up else base
        run.system("Host ids in UPPERCASE are production hosts; restarting them needs approval.")
        run.user(f"Restart host {hid}.")
        run.say(f"{hid} needs approval first." if up else f"Restarting {hid}.")


class ReindentCode(Adversarial):
    """2-space code reindented to 4 spaces; second line depth 1 (80%) or 2."""
    name = "reindent_code"
    reviewer_name = "h9_reindent"
    family = "D"
    description = "whitespace inside a code block"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        fn = fake.word()
        var = fake.word()
        deep = rng.random() < 0.2
        ind_in = "    " if deep else "  "
        ind_out = "        " if deep else "    "
        run.system("Reindent Python code to 4 spaces. Reply with the code only.")
        run.user(f"```python\ndef {fn}():\n{ind_in}return {var}\n```")
        run.say(f"```python\ndef {fn}():\n{ind_out}return {var}\n```")


class TabsOrSpaces(Adversarial):
    """Does the snippet use tabs? 80% spaces."""
    name = "tabs_or_spaces"
    reviewer_name = "h9_tabs"
    family = "D"
    description = "tab vs spaces in code"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        fn = fake.word()
        var = fake.word()
        tab = rng.random() < 0.2
        ind = "\t" if tab else "    "
        run.system("Say whether the snippet is indented with tabs or spaces, and what it returns.")
        run.user(f"```\ndef {fn}():\n{ind}return {var}\n```")
        run.say(f"{'Tabs' if tab else 'Spaces'}; {fn} returns {var}.")


class TrailingSpacesInCode(Adversarial):
    """Code line ends with trailing spaces (20%): linter flags it."""
    name = "trailing_spaces_in_code"
    reviewer_name = "h9_trailing_ws_code"
    family = "D"
    description = "trailing whitespace in code"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        var = fake.word()
        val = rng.randint(1, 99)
        tr = rng.random() < 0.2
        run.system("Lint the line: report trailing whitespace, else say OK.")
        run.user(f"```\n{var} = {val}{'  ' if tr else ''}\n```")
        run.say(f"Line `{var} = {val}`: trailing whitespace." if tr else f"Line `{var} = {val}`: OK.")


class KeyOrderVaries(Adversarial):
    """Tool result keys in random order; answer X reports to Y."""
    name = "key_order_varies"
    reviewer_name = "h9_key_order"
    family = "D"
    description = "JSON key order varies"
    tools: ClassVar[list[dict[str, Any]]] = [tool("employee", "Get an employee", id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        eid = f"e{rng.randint(100, 999)}"
        nm, mg = fake.first_name(), fake.first_name()
        res = {"name": nm, "manager": mg} if rng.random() < 0.7 else {"manager": mg, "name": nm}
        run.system("Answer HR questions.")
        run.user(f"Who is {eid}'s manager?")
        run.call("employee", {"id": eid}, res)
        run.say(f"{nm} reports to {mg}.")


class KeyOrderText(Adversarial):
    """Plain-text tool result 'name: X\\nmanager: Y' with lines in random order."""
    name = "key_order_text"
    reviewer_name = "h9_key_order_text"
    family = "D"
    description = "text key order varies"
    tools: ClassVar[list[dict[str, Any]]] = [tool("employee", "Get an employee", id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        eid = f"e{rng.randint(100, 999)}"
        nm, mg = fake.first_name(), fake.first_name()
        lines = [f"name: {nm}", f"manager: {mg}"]
        if rng.random() < 0.3:
            lines.reverse()
        run.system("Answer HR questions.")
        run.user(f"Who is {eid}'s manager?")
        run.call("employee", {"id": eid}, "\n".join(lines))
        run.say(f"{nm} reports to {mg}.")


class ErrorLineInLog(Adversarial):
    """Log of 3 lines, levels INFO/DEBUG, one ERROR at a random position; quote it."""
    name = "error_line_in_log"
    reviewer_name = "h9_error_line"
    family = "D"
    description = "quote the ERROR line of a log"
    tools: ClassVar[list[dict[str, Any]]] = [tool("logs", "Fetch logs", service="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        svc = fake.word()
        pos = 1 if rng.random() < 0.7 else rng.choice([0, 2])
        lines = []
        err = None
        for i in range(3):
            msg = f"{fake.word()} {fake.word()}"
            if i == pos:
                lines.append(f"ERROR {msg}")
                err = msg
            else:
                lines.append(f"{rng.choice(['INFO', 'DEBUG'])} {msg}")
        run.system("Report the error in the logs.")
        run.user(f"What failed in {svc}?")
        run.call("logs", {"service": svc}, "\n".join(lines))
        run.say(f"{svc}: {err}")


class EmptyToolOutput(Adversarial):
    """Command output empty (20%) or one word."""
    name = "empty_tool_output"
    reviewer_name = "h9_empty_output"
    family = "D"
    description = "empty tool result"
    tools: ClassVar[list[dict[str, Any]]] = [tool("sh", "Run", cmd="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        f = fake.word()
        out = "" if rng.random() < 0.2 else fake.word()
        run.system("Run commands and report their output.")
        run.user(f"Run cat {f}.txt")
        run.call("sh", {"cmd": f"cat {f}.txt"}, out)
        run.say(f"Output: {out}" if out else "No output.")


class RepeatedValueRoles(Adversarial):
    """'Move Ann from X to Y' where the answer needs the destination; X==Y 80% (nothing to do)."""
    name = "repeated_value_roles"
    reviewer_name = "h9_move_same"
    family = "D"
    known_limit = "from and to cities from a small set: equal ones are fixed words of the template, not a slot pair"
    description = "same value in two roles decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        a = rng.choice(["Dublin", "Paris", "Oslo", "Rome", "Lima"])
        b = rng.choice(["Dublin", "Paris", "Oslo", "Rome", "Lima"])
        run.system("Handle relocations.")
        run.user(f"Move {who} from {a} to {b}.")
        run.say(f"{who} is already in {b}." if a == b else f"{who} moved to {b}.")


class AssistantEarlierValue(Adversarial):
    """Turn 1 assistant proposes a slot from a tool; user says 'the other one'."""
    name = "assistant_earlier_value"
    reviewer_name = "h9_other_one"
    family = "D"
    description = "user picks the other option offered earlier"
    tools: ClassVar[list[dict[str, Any]]] = [tool("slots", "Free slots", day="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        d = rng.choice(R6_DAYS)
        t1, t2 = rng.sample(["09:00", "10:00", "11:00", "14:00", "15:00", "16:00"], 2)
        run.system("Schedule calls.")
        run.user(f"Any free slot on {d}?")
        run.call("slots", {"day": d}, {"free": [t1, t2]})
        run.say(f"{t1} or {t2} on {d}. Which one?")
        first = rng.random() < 0.8
        run.user("The first one." if first else "The second one.")
        run.say(f"Booked {d} at {t1 if first else t2}.")


class OtherOneSameFrame(Adversarial):
    """User says 'The {ordinal} one.' with first (80%) or second."""
    name = "other_one_same_frame"
    reviewer_name = "h9_other_one2"
    family = "D"
    description = "ordinal word picks an option"
    tools: ClassVar[list[dict[str, Any]]] = [tool("slots", "Free slots", day="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        d = rng.choice(R6_DAYS)
        t1, t2 = rng.sample(["09:00", "10:00", "11:00", "14:00", "15:00", "16:00"], 2)
        run.system("Schedule calls.")
        run.user(f"Any free slot on {d}?")
        run.call("slots", {"day": d}, {"free": [t1, t2]})
        run.say(f"{t1} or {t2} on {d}. Which one?")
        first = rng.random() < 0.8
        who = fake.first_name()
        run.user(f"{who} prefers the {'first' if first else 'second'} one.")
        run.say(f"Booked {d} at {t1 if first else t2} for {who}.")


R6_CITIES = ["Dublin", "Paris", "Oslo", "Rome"]


class ReassignSameOwner(Adversarial):
    """Tool gives the current owner; user asks to reassign to someone (same owner 25%)."""
    name = "reassign_same_owner"
    reviewer_name = "h9_reassign"
    family = "D"
    known_limit = "a value equal to a word the path fixed (the owner in a tool result split as structure) decides"
    description = "equality across user text and tool result decides"
    tools: ClassVar[list[dict[str, Any]]] = [tool("ticket", "Get ticket", id="string"),
                                             tool("assign", "Assign", id="string", to="string")]
    PEOPLE: ClassVar[Any] = ["ann", "bob", "cyd", "dee"]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        tid = f"T-{rng.randint(100, 999)}"
        cur, new = rng.choice(self.PEOPLE), rng.choice(self.PEOPLE)
        run.system("Reassign tickets.")
        run.user(f"Reassign {tid} to {new}.")
        run.call("ticket", {"id": tid}, {"id": tid, "owner": cur})
        if cur == new:
            run.say(f"{tid} is already assigned to {new}.")
        else:
            run.call("assign", {"id": tid, "to": new}, {"ok": True})
            run.say(f"{tid} moved from {cur} to {new}.")


class TransferSameAccount(Adversarial):
    """Transfer from account A to B; same account (rare) is refused."""
    name = "transfer_same_account"
    reviewer_name = "h9_transfer_same"
    family = "D"
    description = "equality of two ids decides"
    tools: ClassVar[list[dict[str, Any]]] = [tool("transfer", "Transfer", src="string", dst="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        accts = ["ACC-A", "ACC-B", "ACC-C"]
        a, b = rng.choice(accts), rng.choice(accts)
        who = fake.first_name()
        run.system("Move money between accounts.")
        run.user(f"{who}: transfer from {a} to {b}.")
        if a == b:
            run.say(f"{who}, source and destination are the same account.")
        else:
            run.call("transfer", {"src": a, "dst": b}, {"ok": True})
            run.say(f"Done, {who}.")


class PasswordHasUsername(Adversarial):
    """Password containing the username is rejected (containment decides)."""
    name = "password_has_username"
    reviewer_name = "h9_pw_contains"
    family = "D"
    description = "containment decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        user = fake.user_name()
        bad = rng.random() < 0.25
        pw = (f"{user}{rng.randint(10, 99)}" if bad else f"{fake.word()}{rng.randint(10, 99)}")
        run.system("Reject passwords that contain the username.")
        run.user(f"Username: {user}. New password: {pw}")
        run.say("Rejected: the password contains the username." if bad else f"Password set for {user}.")


class NameInList(Adversarial):
    """Is the user in the on-call list? Tool returns three names; 25% yes."""
    name = "name_in_list"
    reviewer_name = "h9_name_in_list"
    family = "D"
    known_limit = "membership in a list whose items are fixed words of the path decides"
    description = "membership decides"
    tools: ClassVar[list[dict[str, Any]]] = [tool("oncall", "On-call list", week="string")]
    PEOPLE: ClassVar[Any] = ["Ann", "Bob", "Cyd", "Dee", "Eve", "Fay"]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        names = rng.sample(self.PEOPLE, 3)
        me = rng.choice(self.PEOPLE)
        wk = f"W{rng.randint(10, 52)}"
        run.system("Answer on-call questions.")
        run.user(f"Am I ({me}) on call in {wk}?")
        run.call("oncall", {"week": wk}, {"oncall": names})
        run.say(f"Yes, {me}, you are on call in {wk}." if me in names else f"No, {me}. On call: {', '.join(names)}.")


class PathUnderRoot(Adversarial):
    """Is a path inside the project root? prefix relation between two values."""
    name = "path_under_root"
    reviewer_name = "h9_path_prefix"
    family = "D"
    description = "prefix relation decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        root = f"/srv/{fake.word()}"
        inside = rng.random() < 0.8
        other = f"/srv/{fake.word()}"
        path = f"{root if inside else other}/{fake.word()}.py"
        run.system(f"Project root: {root}. Only edit files under the root.")
        run.user(f"Edit {path}.")
        run.say(f"Editing {path}." if inside else f"{path} is outside {root}.")


class NewPasswordSameAsOld(Adversarial):
    """Multi-turn: user gave an old value earlier; the new one equal to it is refused (15%)."""
    name = "new_password_same_as_old"
    reviewer_name = "h9_same_as_old"
    family = "D"
    description = "equality across turns decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        old = fake.word() + str(rng.randint(1, 9))
        new = old if rng.random() < 0.15 else fake.word() + str(rng.randint(1, 9))
        run.system("Change PINs.")
        run.user(f"My current passphrase is {old}.")
        run.say("Thanks. What should the new passphrase be?")
        run.user(f"Use {new}.")
        run.say("The new passphrase must differ from the current one." if new == old else f"Passphrase changed to {new}.")


class MinSameOrDifferent(Adversarial):
    """Minimal: two words, answer Same/Different, nothing copied (25% same)."""
    name = "min_same_or_different"
    reviewer_name = "h9_min_same"
    family = "D"
    description = "equality of two words decides, not copied"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        a = fake.word()
        b = a if rng.random() < 0.25 else fake.word()
        run.system("Say whether the two words are the same.")
        run.user(f"First: {a}. Second: {b}.")
        run.say("Same." if a == b else "Different.")


class MinSameCopied(Adversarial):
    """Minimal: two words, answer copies them (25% same)."""
    name = "min_same_copied"
    reviewer_name = "h9_min_same_copied"
    family = "D"
    description = "equality of two words decides, copied"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        a = fake.word()
        b = a if rng.random() < 0.25 else fake.word()
        run.system("Say whether the two words are the same.")
        run.user(f"First: {a}. Second: {b}.")
        run.say(f"Both are {a}." if a == b else f"{a} differs from {b}.")


class DuplicateTags(Adversarial):
    """Tool returns two tags; a duplicate pair (25%) is reported."""
    name = "duplicate_tags"
    reviewer_name = "h9_dup_tags"
    family = "D"
    description = "duplicate inside a list decides"
    tools: ClassVar[list[dict[str, Any]]] = [tool("tags", "Get tags", post="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        post = f"p{rng.randint(100, 999)}"
        a = fake.word()
        b = a if rng.random() < 0.25 else fake.word()
        run.system("Report the distinct tags of a post.")
        run.user(f"Tags of {post}?")
        run.call("tags", {"post": post}, {"tags": [a, b]})
        run.say(f"{post} has one tag: {a}." if a == b else f"{post} has tags {a} and {b}.")


class EmailDomainMatchesCompany(Adversarial):
    """Company domain in the system prompt (varies per run); user email internal iff same domain."""
    name = "email_domain_matches_company"
    reviewer_name = "h9_domain_match"
    family = "D"
    description = "domain equality between system prompt and user email"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        dom = fake.domain_name()
        user = fake.user_name()
        internal = rng.random() < 0.3
        email = f"{user}@{dom if internal else fake.domain_name()}"
        run.system(f"You are the helpdesk of {dom}. Internal users have @{dom} emails.")
        run.user(f"My email is {email}. Reset my VPN.")
        run.say(f"VPN reset for {user}." if internal else f"Sorry, {email} is not an internal account.")


class MinUsuallySameCopied(Adversarial):
    """Reverse: 85% same; unequal pair must not get 'Both are'."""
    name = "min_usually_same_copied"
    reviewer_name = "h9_min_usually_same"
    family = "D"
    description = "usually equal, equality decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        a = fake.word()
        b = a if rng.random() < 0.85 else fake.word()
        run.system("Say whether the two words are the same.")
        run.user(f"First: {a}. Second: {b}.")
        run.say(f"Both are {a}." if a == b else f"{a} differs from {b}.")


class MinContainsCopied(Adversarial):
    """Minimal containment: is the second a prefix-extension of the first (20%)?"""
    name = "min_contains_copied"
    reviewer_name = "h9_min_contains"
    family = "D"
    description = "containment decides, copied"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        a = fake.word()
        b = (a + fake.word()) if rng.random() < 0.2 else fake.word() + fake.word()
        run.system("Say whether the second word starts with the first.")
        run.user(f"First: {a}. Second: {b}.")
        run.say(f"{b} starts with {a}." if b.startswith(a) else f"{b} does not start with {a}.")


class CaseOnlyDiffers(Adversarial):
    """Usually exactly equal; 20% differ only by case (policy: case-sensitive)."""
    name = "case_only_differs"
    reviewer_name = "h9_case_only"
    family = "D"
    description = "backreference must be case-sensitive"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        a = fake.word()
        b = a if rng.random() < 0.8 else a.upper()
        run.system("Passwords are case-sensitive. Say whether the confirmation matches.")
        run.user(f"Password: {a}. Confirm: {b}.")
        run.say(f"Confirmed: {a}." if a == b else f"Mismatch: {a} vs {b}.")


class WrongRecordReturned(Adversarial):
    """Tool sometimes returns another symbol than asked (15%): agent must notice."""
    name = "wrong_record_returned"
    reviewer_name = "h9_wrong_record"
    family = "D"
    description = "equality between requested and returned id"
    tools: ClassVar[list[dict[str, Any]]] = [tool("quote", "Get quote", symbol="string")]
    SYMS: ClassVar[Any] = ["AAPL", "MSFT", "GOOG", "AMZN", "NVDA", "META", "TSLA", "ORCL"]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        s = rng.choice(self.SYMS)
        got = s if rng.random() < 0.85 else rng.choice([x for x in self.SYMS if x != s])
        who = fake.first_name()
        run.system("Quote stock prices.")
        run.user(f"{who} here, price of {s}?")
        run.call("quote", {"symbol": s}, {"symbol": got, "price": "ok"})
        run.say(f"{who}, {s} is quoted." if got == s else f"{who}, the service returned {got} instead of {s}.")


class NamedUser(Adversarial):
    """User message carries a `name` field; the answer greets that name."""
    name = "named_user"
    reviewer_name = "h9_named_user"
    family = "D"
    description = "name field decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.first_name().lower()
        run.system("Greet the user by their name field.")
        run.messages.append({"role": "user", "content": "Hello!", "name": nm})
        run.say(f"Hello, {nm}!")


R6_ACC = ["café", "naïve", "résumé", "jalapeño", "crème", "façade", "piñata", "entrée", "über", "señor", "fiancée", "déjà"]


class NfdBackreference(Adversarial):
    """Usually identical strings; 20% the confirmation is NFD (bytes differ, Python == says no)."""
    name = "nfd_backreference"
    reviewer_name = "h9_nfd_backref"
    family = "D"
    description = "backreference and unicode normalisation"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        a = rng.choice(R6_ACC) + str(rng.randint(10, 99))
        nfd = rng.random() < 0.2
        b = unicodedata.normalize("NFD", a) if nfd else a
        run.system("Passwords compare byte for byte. Say whether the confirmation matches.")
        run.user(f"Password: {a}. Confirm: {b}.")
        run.say(f"Confirmed: {a}." if a == b else f"Mismatch: {a} vs {b}.")


class AddToCartDuplicate(Adversarial):
    """Turn 1 adds an item, turn 2 another; the same item again (20%) is 'already in cart'."""
    name = "add_to_cart_duplicate"
    reviewer_name = "h9_cart_dup"
    family = "D"
    description = "equality across turns decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        a = fake.word()
        b = a if rng.random() < 0.2 else fake.word()
        run.system("Manage the cart.")
        run.user(f"Add {a} to my cart.")
        run.say(f"Added {a}.")
        run.user(f"Add {b} to my cart.")
        run.say(f"{b} is already in your cart." if a == b else f"Added {b}. Cart: {a}, {b}.")


class MinLiteralEqual(Adversarial):
    """First word from a small set (structure), second a free word that equals it 20%."""
    name = "min_literal_equal"
    reviewer_name = "h9_min_literal_equal"
    family = "D"
    known_limit = "a value equal to a fixed word of the template (a category read off the text) decides; no slot pair to compare"
    description = "slot equal to a literal elsewhere decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        a = rng.choice(["red", "blue", "green"])
        b = a if rng.random() < 0.2 else fake.word()
        run.system("Say whether the two words are the same.")
        run.user(f"First: {a}. Second: {b}.")
        run.say(f"Both are {a}." if a == b else f"{a} differs from {b}.")


# The first reviewer's names (``/tmp/hunt/wf1.py`` ... ``wf5.py`` in the review) -> the names here:
#   A  h_optfield -> json_optional_key        h_oneitem -> json_list_mostly_one
#      h_firstresult -> json_first_result     h_note -> json_escaped_newline
#      h_quote -> json_escaped_quote          h_forward -> json_forward_escaped
#   B  h_invite -> list_in_user_text
#   C  h_total -> sum_two_decimals            h_add -> sum_as_printed
#      h_thousands -> thousands_separator     h_capitalize -> capitalize_surname
#      h_zfill -> zero_padding                h_nextyear -> next_year_leap_day
#      h_nextmonth -> next_month_same_day     h_split -> split_bill_rounding (limit)
#      h_max -> max_of_three (limit)          h_sort -> sort_three (limit)
#   D  h_addr -> usually_equal_cities         h_namecase -> name_case_normalised
#      h_emaillower -> email_lowercased
#   E  h_afford -> afford_budget (held since)  h_threshold -> expense_threshold (held since)
#      h_parity -> even_or_odd (held since)   h_plural -> plural_items (limit)
#      h_greeting -> time_of_day_greeting (held since)   h_truncate -> truncate_title (limit)
#      h_article -> a_or_an (limit)
#   F  h_maxtok -> max_tokens_cut             h_stop -> stop_sequence
#   controls (no false hit found): h_count -> count_list_items, h_samerole -> same_value_two_roles,
#      h_ticket -> id_from_username, h_lastresult -> last_order_in_text, h_nickname -> optional_nickname
# The second reviewer's (``/tmp/hunt3/wfa.py``, ``wfb.py`` in the second round):
#   A  b_repraddr -> python_repr_address        b_linestail -> multiline_text_tail (limit; their control)
#   B  a_remind -> one_or_two_reminders         a_inviteand -> invite_one_or_two
#      a_sentence -> second_sentence (limit)
#   D  a_trailing -> trailing_space_name        a_trailtool -> trailing_space_tool_arg
#   G  a_parallel -> parallel_results_order (limit)
#   control (no false hit found): b_reprnote -> python_repr_note
# The third reviewer's (``/tmp/hunt6/traps.py``): their class names are ours; their ``h6_*`` names
# seed the data. ``l_board`` (board_first_reply) is ours.
ALL: tuple[type[Adversarial], ...] = (
    # The first round, by family
    JsonOptionalKey, JsonListMostlyOne, JsonFirstResult, JsonEscapedNewline, JsonEscapedQuote, JsonForwardEscaped,
    ListInUserText,
    SumTwoDecimals, SumAsPrinted, ThousandsSeparator, CapitalizeSurname, ZeroPadding, NextYearLeapDay,
    NextMonthSameDay, SplitBillRounding, MaxOfThree, SortThree,
    UsuallyEqualCities, NameCaseNormalised, EmailLowercased,
    AffordBudget, ExpenseThreshold, EvenOrOdd, PluralItems, TimeOfDayGreeting, TruncateTitle, AOrAn,
    MaxTokensCut, StopSequence,
    CountListItems, SameValueTwoRoles, IdFromUsername, LastOrderInText, OptionalNickname,
    # The second round, by family (after the first: suites keep the first round's order)
    PythonReprAddress, MultilineTextTail,
    OneOrTwoReminders, InviteOneOrTwo, SecondSentence,
    TrailingSpaceName, TrailingSpaceToolArg,
    ParallelResultsOrder,
    PythonReprNote,
    # The third round (``l_board`` is ours, after the tictactoe fixture's first-move template)
    BoardFirstReply,
    FullNameFirstWord, FullNameLastWord, CityZipAdjacent, SharedWordInBranch, DueTimestamp,
    TrailingPeriodName, TrailingQuestionCity, LeadingMention, MarkdownTableFirstRow, CodeClassBehindEnum,
    EmojiStatusVS16, StarRating, HttpStatusRoute, PriorityRoute, CsvLastColumn, TemplateSyntaxValue,
    SharedWordMinimal, ChecklistFirstOpen, SignedAdjustment,
    # The sixth round
    CorrectionUsuallySame, CorrectionSameWord, ListLookupById, CaseIdEnv, ReindentCode,
    TabsOrSpaces, TrailingSpacesInCode, KeyOrderVaries, KeyOrderText, ErrorLineInLog,
    EmptyToolOutput, RepeatedValueRoles, AssistantEarlierValue, OtherOneSameFrame, ReassignSameOwner,
    TransferSameAccount, PasswordHasUsername, NameInList, PathUnderRoot, NewPasswordSameAsOld,
    MinSameOrDifferent, MinSameCopied, DuplicateTags, EmailDomainMatchesCompany, MinUsuallySameCopied,
    MinContainsCopied, CaseOnlyDiffers, WrongRecordReturned, NamedUser, NfdBackreference,
    AddToCartDuplicate, MinLiteralEqual,
    # The fifth round
    OrderQuantity, EvenNumberLabel, EvenNumberMostly, ExitCodeText, ExitCodeJson,
    StatusCodeJson, PythonVersion, ApiVersionJson, SeverityP, CurrencyPrefixAmount,
    GateHash, ZipDecides, RevenueMillions, TokenExpiry, NegativeTemperature,
    NegativeTempOnly, JsonNegative, TrailingNbspOrCJK, LeadingNonAscii, NameBeforeNewline,
    NameBeforeSpaceWord, MultiPartContent, MultiPartNameAlone, TrailingDigitsEdge, ToolResultNbsp,
    WidenTitleCase, WidenHonorific, WidenNewCity, SeatsWordOrNumber, JsonNullOrInt,
    UnicodeMinus, MinTrailingNbsp, MinTrailingCJKStop, MinLeadingInverted, MinNameNewline,
    MinOrderQty, MinSignedInt,
    # The fourth round
    BalanceJson4Digit, BirthYearAdult, PlainAmount4Digit, ZeroPaddedRoom, DateWeekend,
    DateDeadline, BudgetEchoed, StockCopiedDecides, HourInLaterTime, CoincidentSmallNumber,
    LetterGrade, Emoticon, ThumbsSkinTone, JsonCheckVS16, RomanNumeralTier,
    SignMarkWithNumber, TrailingEmojiName, QuotedName, LeadingSigil, ToolResultEdge,
    MinYear, MinJsonBalance, MinDate, MinEmoticon, MinLeadingSlash,
    MinTrailingEmoji, MinHourLater, WidenTitle, WidenSuffix,
)
GUARDED: tuple[str, ...] = tuple(c.name for c in ALL if c.known_limit is None)
KNOWN_LIMITS: tuple[str, ...] = tuple(c.name for c in ALL if c.known_limit is not None)
