"""Adversarial workflows, family C: several expressions fit the examples (number formats, case, rounding, calendar, the
first or last word, fixed text beside a copied value).

Each names the rules it guards (``guards``: names in ``induction.rules.RULES``).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any, ClassVar

from faker import Faker

from evals.workflows.adversarial.base import (
    COMPOUND_FIRST,
    NEW_CITIES,
    OTHER_CITIES,
    Adversarial,
)
from evals.workflows.base import Run, tool

# --- C: several expressions fit the examples ------------------------------------------------


class SumTwoDecimals(Adversarial):
    """Two receipts summed and written with two decimals and no thousands separator.

    Trap: with only small totals seen, ``f"{x:.2f}"`` and a separator-grouped rendering
    fit alike; a total over 1,000 tells them apart. Float addition (``0.1 + 0.2``) too.
    """

    name = "sum_two_decimals"
    reviewer_name = "h_total"
    family = "C"
    guards = ("rivals",)
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
    guards = ("rivals",)
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
    guards = ("rivals",)
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
    guards = ("rivals",)
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
    guards = ("rivals",)
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
    guards = ("rivals",)
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
    guards = ("rivals",)
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
    guards = ("rivals",)
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
    guards = ("unread-values", "rivals")
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
    guards = ("unread-values", "rivals")
    description = "sorted(a, b, c): a fixed permutation of the positions fits a few examples."
    known_limit = "sort: no sort expression; the permutation the examples happened to need fits"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        xs = rng.sample(range(10, 99), 3)
        run.system("Sort the numbers ascending.").user(f"Sort: {xs[0]}, {xs[1]}, {xs[2]}")
        run.say(", ".join(str(x) for x in sorted(xs)))

# --- The third round (a reviewer's hunt of 2026-11-22, ``/tmp/hunt6/traps.py``) ---------------
# Slots at the edge of a message (a trailing "." or "?", a leading "@"); first / last word of
# values that always had two words; a word every copied value of one branch shared; a date
# slot that took a timestamp; a deciding exit code behind an enum branch; plus the shapes the
# reviewer found holding (marks of several characters, status codes, CSV and markdown tables,
# template syntax and unicode in values, signed numbers).


class FullNameFirstWord(Adversarial):
    """'{first} {last}' adjacent in the user's text; the answer greets by first name.
    Some first names are two words (Mary Ann)."""
    name = "full_name_first_word"
    reviewer_name = "h6_fullname_first"
    family = "C"
    guards = ("unreadable", "rivals")
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
    guards = ("unreadable", "rivals")
    description = "split(' ')[-1] fits one-word surnames only"
    PARTICLES: ClassVar[list[str]] = ["van der Berg", "De La Cruz", "da Silva", "von Trapp", "Le Roux"]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        first = fake.first_name()
        last = rng.choice(self.PARTICLES) if rng.random() < 0.2 else fake.last_name()
        run.system("Address the user formally by surname.")
        run.user(f"I am {first} {last}, please register me.")
        run.say(f"Welcome, Mx. {last}.")


class SharedWordInBranch(Adversarial):
    """A city from the user's text is copied into the answer; an order status (an enum) splits
    the cluster, and within one branch the training cities may all start with the same word
    ("New ..."): the answer's alignment makes "New " literal and derives the rest."""
    name = "shared_word_in_branch"
    reviewer_name = "h6_shared_word_branch"
    family = "C"
    guards = ("enum-values", "rivals")
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


class DueTimestamp(Adversarial):
    """A billing API returns a due date, usually a plain date, sometimes a timestamp (another
    API version). The agent schedules payment three days before, as a plain date."""
    name = "due_timestamp"
    reviewer_name = "h6_due_timestamp"
    family = "C"
    guards = ("rivals",)
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


class CityZipAdjacent(Adversarial):
    """'{city} {zip}' adjacent in the user's text: one gap; the tool call takes the city.
    Most cities are one word; two-word cities are rarer."""
    name = "city_zip_adjacent"
    reviewer_name = "h6_city_zip"
    family = "C"
    guards = ("coarsening", "unread-values", "unreadable", "rivals")
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

# --- fourth round: _widen ------------------------------------------------------------------------------


class WidenTitle(Adversarial):
    """The user names a colleague, doctors usually with 'Dr.' typed; a directory says the role.
    Doctors are always paged as 'Dr. {surname}' whether or not the user typed the title."""
    name = "widen_title"
    reviewer_name = "h7_widen_title"
    family = "C"
    guards = ("enum-values", "rivals")
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

# ---- 4. widen rivals -----------------------------------------------------------------------------


class WidenNewCity(Adversarial):
    """Cities 'New X'; the answer writes the city in a fixed format 'New X' but for
    'New York' writes 'NYC' (a rare exception both readings copy wrongly)."""
    name = "widen_new_city"
    reviewer_name = "h8_widen_newcity"
    family = "C"
    guards = ("rivals", "fixed-words")
    description = "widened gap; exception value"
    tools: ClassVar[list[dict[str, Any]]] = [tool("ship", "Ship", city="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city = rng.choice(["New Haven", "New Orleans", "New Bedford", "New Britain", "New Albany", "New York"])
        run.system("Ship parcels; write New York as NYC.")
        run.user(f"Ship to {city}.")
        shown = "NYC" if city == "New York" else city
        run.call("ship", {"city": city}, {"ok": True})
        run.say(f"Shipping to {shown}.")


# ---- seventh round: an argument copied whole, cut by the alignment ----------------------------


class SlugCopiedWhole(Adversarial):
    """Archive a repository named by a slug: two words joined by "-" (one run in four, three
    or four words); the call copies the slug.

    Trap: the answers' slugs align at their shared "-" ("alpha-beta", "gamma-delta"), and each
    piece fits a split of the slug read from the request (its first and its last piece), so
    "first + '-' + last" answers "red-fox-den" with "red-den". The whole argument is a copy of
    the slug (``rivals.whole_leaves``): the simplest reading, right for any number of pieces.
    """

    name = "slug_copied_whole"
    reviewer_name = "r7_slug"
    family = "C"
    guards = ("rivals",)
    description = "A slug copied into a call; slugs of two pieces align at '-', some have more."
    tools: ClassVar[list[dict[str, Any]]] = [tool("archive_repo", "Archive a repository", repo="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        n = 2 if rng.random() < 0.75 else rng.choice([3, 4])
        slug = "-".join(fake.word() for _ in range(n))
        run.system("You manage repositories.")
        run.user(f"Archive the repo {slug} please.")
        run.call("archive_repo", {"repo": slug}, {"ok": True})
        run.say("Archived.")


class MeetingAboutTopic(Adversarial):
    """Schedule a meeting of a kind with someone; the title copies "{kind} meeting with {who}"
    whole and the attendee is the last of its four words. One run in eight adds "about
    {topic}" after the attendee.

    Trap: the title is one copied span (``copied-spans``), the attendee a piece of it: its last
    word, and its fourth, while every example had four words. "... with kathryn about pricing"
    has "pricing" last and "kathryn" fourth: both are kept (``rivals``) and disagree there.
    A reviewer's ``meeting_with`` (2026-12-07, ``docs/review/traps10``): 288 false hits before.
    """

    name = "meeting_about_topic"
    reviewer_name = "s10_meeting_with"
    family = "C"
    guards = ("rivals", "copied-spans")
    description = "An attendee read as the last word of a copied title; sometimes 'about {topic}' after it."
    tools: ClassVar[list[dict[str, Any]]] = [tool("create_event", "Create a calendar event", title="string",
                                                  attendee="string", topic="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        kind = rng.choice(["sync", "review", "planning", "standup", "retro"])
        who = fake.first_name().lower()
        topic = rng.choice(["budget", "hiring", "roadmap", "pricing"]) if rng.random() < 1 / 8 else ""
        run.system("You manage the user's calendar.")
        run.user(f"Schedule a {kind} meeting with {who}{f' about {topic}' if topic else ''} tomorrow")
        run.call("create_event", {"title": f"{kind} meeting with {who}", "attendee": who, "topic": topic},
                 {"ok": True})
        run.say("Scheduled.")


class RenameMultiwordTag(Adversarial):
    """Rename a tag: "Rename {old} to {new} please", tags one word; one run in eight the old tag
    holds " to " itself ("how to guide").

    Trap: where "old to new" became one slot, the old tag is its first word and the new its
    last: the first of three and the third. "how to guide to drafts" has "how" first and
    "guide" third: kept as rivals, they disagree (a reviewer's ``rename_to``: 114 false hits
    before).
    """

    name = "rename_multiword_tag"
    reviewer_name = "s10_rename_to"
    family = "C"
    guards = ("rivals",)
    description = "Old and new tag around ' to '; sometimes the old tag holds ' to ' itself."
    tools: ClassVar[list[dict[str, Any]]] = [tool("rename_tag", "Rename a tag", old="string", new="string")]
    ONE = ("drafts", "misc", "todo", "archive", "urgent", "later", "reading", "inbox")
    MULTI = ("how to guide", "back to school", "ready to ship", "up to date")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        old = rng.choice(self.MULTI) if rng.random() < 1 / 8 else rng.choice(self.ONE)
        new = rng.choice([x for x in self.ONE if x != old])
        run.system("You organise the user's notes.")
        run.user(f"Rename {old} to {new} please")
        run.call("rename_tag", {"old": old, "new": new}, {"ok": True})
        run.say("Renamed.")
