"""Adversarial workflows, family Controls: shapes close to a trap where the reviewers found no false hit.

Each names the rules it guards (``guards``: names in ``induction.rules.RULES``).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any, ClassVar

from faker import Faker

from evals.workflows.adversarial.base import (
    NEW_CITIES,
    OTHER_CITIES,
    Adversarial,
)
from evals.workflows.base import Run, tool

# --- controls: close to a trap, no false hit found ---------------------------------------------


class CountListItems(Adversarial):
    """Count a list of three (sometimes four) fruits.

    Close to: ``list_in_user_text`` (a list in user text) and E (the count is not a copy).
    """

    name = "count_list_items"
    reviewer_name = "h_count"
    family = "control"
    guards = ("enum-values", "thin-air")
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
    guards = ("unread-values", "rivals")
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
    guards = ("coarsening", "rivals")
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
    guards = ("edges-and-refusals",)
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
    guards = ("edges-and-refusals",)
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
    guards = ("edges-and-refusals",)
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


class EmojiStatusVS16(Adversarial):
    """A check result with an emoji status that has a variation selector (two code points):
    not a single-character mark. Passing checks are mostly seen."""
    name = "emoji_status_vs16"
    reviewer_name = "h6_emoji_vs16"
    family = "control"
    guards = ("enum-values", "unread-values", "edges-and-refusals")
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
    guards = ("marks",)
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
    guards = ("enum-values", "deciding-value")
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
    guards = ("enum-values",)
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


class CsvLastColumn(Adversarial):
    """CSV tool result; the answer copies the email (last column) of the first data line."""
    name = "csv_last_column"
    reviewer_name = "h6_csv"
    family = "control"
    guards = ("edges-and-refusals",)
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
    guards = ("edges-and-refusals",)
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


class SharedWordMinimal(Adversarial):
    """Smallest form: the status enum lives in the user's text itself."""
    name = "shared_word_minimal"
    reviewer_name = "h6_shared_word_min"
    family = "control"
    guards = ("structure-evidence", "rivals")
    description = "branch by a status word; a copied city shares its first word within a branch"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city = rng.choice(NEW_CITIES) if rng.random() < 0.5 else rng.choice(OTHER_CITIES)
        status = rng.choice(["shipped", "pending"])
        run.system("Confirm deliveries.")
        run.user(f"Order to {city} is {status}.")
        run.say(f"Noted: {city}.")


class ChecklistFirstOpen(Adversarial):
    """A checklist with [x]/[ ] boxes; the answer names the first open item."""
    name = "checklist_first_open"
    reviewer_name = "h6_checklist"
    family = "control"
    guards = ("marks", "structure-evidence", "split-by-answer")
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


class SignedAdjustment(Adversarial):
    """Stock adjustments with an explicit sign; the answer reports the new level."""
    name = "signed_adjustment"
    reviewer_name = "h6_signed_adjust"
    family = "control"
    guards = ("unread-values",)
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

# --- The fourth round (a reviewer's hunt of 2026-11-22 against the third round's rules,
# ``/tmp/hunt7/traps.py``) ------------------------------------------------------------------
# Numbers of 4+ digits and dates that decide; a number copied only two turns later; symbol
# moods (":-)"); edge characters outside a deny-list (a leading "/", a trailing ")" or emoji);
# a widened "Dr. " + surname. Two are known limits (a value copied and deciding).
# --- fourth round: 1. numbers the unread rule does not count as quantities -----------------------------


class ZeroPaddedRoom(Adversarial):
    """Room numbers are zero-padded 3 digits (ids for the unread rule); floor 0 has no lift."""
    name = "zero_padded_room"
    reviewer_name = "h7_room_floor"
    family = "control"
    guards = ("enum-values", "unread-values")
    description = "zero-padded room number decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        room = rng.randint(100, 599) if rng.random() < 0.8 else rng.randint(1, 60)
        run.system("Guests on the ground floor (rooms 000-099) need no lift key.")
        run.user(f"{who} checked into room {room:03d}.")
        run.say(f"Lift key issued to {who}." if room >= 100 else f"No lift key needed for {who}.")

# --- fourth round: 1b. numbers copied somewhere and deciding elsewhere ---------------------------------


class CoincidentSmallNumber(Adversarial):
    """A 1-digit priority decides the queue; a later call always lists pages 1..9, so every
    priority is 'written later' by coincidence."""
    name = "coincident_small_number"
    reviewer_name = "h7_coincident"
    family = "control"
    guards = ("unread-values",)
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
    guards = ("enum-values", "structure-evidence")
    description = "two-char grades decide pass/fail"
    GOOD: ClassVar[list[str]] = ["A+", "A", "A-", "B+", "B", "B-", "C+", "C"]
    BAD: ClassVar[list[str]] = ["D+", "D", "D-", "F"]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        g = rng.choice(self.GOOD) if rng.random() < 0.8 else rng.choice(self.BAD)
        run.system("Students pass with C or better.")
        run.user(f"{who} got grade {g}. Pass?")
        run.say(f"{who} passed." if g in self.GOOD else f"{who} failed.")


class ThumbsSkinTone(Adversarial):
    """Thumbs up/down with a skin-tone modifier (two code points each)."""
    name = "thumbs_skin_tone"
    reviewer_name = "h7_thumbs"
    family = "control"
    guards = ("marks", "structure-evidence", "split-by-answer")
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
    guards = ("coarsening", "marks")
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
    guards = ("enum-values", "structure-evidence", "closed-values")
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
    guards = ("marks", "unread-values")
    description = "sign glued to a small number decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        sym = fake.lexify("???").upper()
        d = rng.randint(1, 9) * (1 if rng.random() < 0.8 else -1)
        run.system("Report whether the stock went up or down.")
        run.user(f"{sym} moved {d:+d}% today.")
        run.say(f"{sym} is up." if d > 0 else f"{sym} is down.")

# --- fourth round: 4. slots at message edges -----------------------------------------------------------


class QuotedName(Adversarial):
    """The user sometimes quotes the name; the greeting has no quotes."""
    name = "quoted_name"
    reviewer_name = "h7_quoted"
    family = "control"
    guards = ("edges-and-refusals",)
    description = "a name slot takes quotes"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.first_name()
        q = rng.choice(["'", "`", "\u2018"]) if rng.random() < 0.2 else ""
        close = "\u2019" if q == "\u2018" else q
        run.system("You greet people politely.")
        run.user(f"Please greet {q}{nm}{close}")
        run.say(f"Hello, {nm}!")


class ToolResultEdge(Adversarial):
    """A plain-text tool result that is just a city, sometimes with a trailing ')'
    or leading '(' or quotes."""
    name = "tool_result_edge"
    reviewer_name = "h7_tool_edge"
    family = "control"
    guards = ("edges-and-refusals",)
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

# --- fourth round: _widen ------------------------------------------------------------------------------


class WidenSuffix(Adversarial):
    """As WidenTitle with the literal after the gap: companies usually typed with ' Inc'."""
    name = "widen_suffix"
    reviewer_name = "h7_widen_suffix"
    family = "control"
    guards = ("enum-values", "rivals")
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


class ExitCodeText(Adversarial):
    """'exit code 0' in a plain tool result: 'code' is an id label; nonzero rolls back."""
    name = "exit_code_text"
    reviewer_name = "h8_exit_code"
    family = "control"
    guards = ("unread-values",)
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


class StatusCodeJson(Adversarial):
    """{"status_code": 200}: 2xx parse, else retry."""
    name = "status_code_json"
    reviewer_name = "h8_status_code_json"
    family = "control"
    guards = ("unread-values",)
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


class NegativeTempOnly(Adversarial):
    """Always negative temperatures, alert below -10."""
    name = "negative_temp_only"
    reviewer_name = "h8_neg_temp_only"
    family = "control"
    guards = ("unread-values",)
    description = "always-negative int decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city = fake.city()
        t = rng.randint(-9, -1) if rng.random() < 0.8 else rng.randint(-30, -11)
        run.system("Issue a frost alert below -10 degrees.")
        run.user(f"It is {t} degrees in {city}.")
        run.say(f"Frost alert for {city}!" if t < -10 else f"No alert for {city}.")

# ---- 3. edges ---------------------------------------------------------------------------------


class MultiPartContent(Adversarial):
    """User content as a list of text parts; the name in part 1, a fixed part 2."""
    name = "multi_part_content"
    reviewer_name = "h8_multipart"
    family = "control"
    guards = ("edges-and-refusals",)
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
    guards = ("edges-and-refusals",)
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


class ToolResultNbsp(Adversarial):
    """A whole plain-text tool result is a city; sometimes with NBSP or '。' at the end."""
    name = "tool_result_nbsp"
    reviewer_name = "h8_tool_nbsp"
    family = "control"
    guards = ("edges-and-refusals",)
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
    guards = ("rivals",)
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
    guards = ("rivals",)
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

# ---- 5. gaps that mix a number with a non-number (escape _is_quantity) --------------------------


class JsonNullOrInt(Adversarial):
    """{"credit_limit": null | int}: a mixed null/int leaf is no quantity; >= 500 approves."""
    name = "json_null_or_int"
    reviewer_name = "h8_json_null_int"
    family = "control"
    guards = ("unread-values",)
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

# ---- minimal forms -------------------------------------------------------------------------------


class MinTrailingNbsp(Adversarial):
    """Minimal: a trailing NBSP (U+00A0) after a name at the message end."""
    name = "min_trailing_nbsp"
    reviewer_name = "h8_min_nbsp"
    family = "control"
    guards = ("edges-and-refusals",)
    description = "NBSP at the end edge"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.name()
        tail = "\u00a0" if rng.random() < 0.2 else ""
        run.system("You greet people politely.")
        run.user(f"Please greet {nm}{tail}")
        run.say(f"Hello, {nm}!")


# --- Forwarded codes (2026-12-06): short codes an answer passes on whole to a tool are data
# only from ``min_distinct_code`` distinct ones that went on alike (``structure-evidence``) ----------


class ForwardedTier(Adversarial):
    """Tiers I..IV forwarded to a quote tool; the free-shipping flag turns on tier IV."""
    name = "forwarded_tier"
    reviewer_name = "lead_forwarded_tier"
    family = "control"
    guards = ("enum-values", "structure-evidence", "fixed-words")
    description = "a code forwarded whole to a tool, and a flag beside it that turns on the code"
    tools: ClassVar[list[dict[str, Any]]] = [tool("quote_shipping", "Shipping quote", tier="string", free="boolean")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        t = rng.choice(["I", "II", "III"]) if rng.random() < 0.8 else "IV"
        run.system("Quote shipping. Tier IV ships free.")
        run.user(f"Quote shipping for a tier {t} customer.")
        run.call("quote_shipping", {"tier": t, "free": t == "IV"}, {"ok": True})
        run.say("Quoted.")


class ForwardedGrade(Adversarial):
    """Twelve letter grades forwarded to a gradebook with a pass flag: D and F fail."""
    name = "forwarded_grade"
    reviewer_name = "lead_forwarded_grade"
    family = "control"
    guards = ("enum-values", "structure-evidence")
    description = "a code of a category of twelve forwarded whole, a flag beside it that turns on it"
    known_limit = ("forwarded code: four or more passing grades forwarded alike say nothing of the failing ones "
                   "nobody saw; a category of more than min_distinct_code values is taken for data")
    tools: ClassVar[list[dict[str, Any]]] = [tool("record_grade", "Record a grade", grade="string", passed="boolean")]
    GOOD: ClassVar[list[str]] = ["A+", "A", "A-", "B+", "B", "B-", "C+", "C"]
    BAD: ClassVar[list[str]] = ["D+", "D", "D-", "F"]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        g = rng.choice(self.GOOD) if rng.random() < 0.85 else rng.choice(self.BAD)
        run.system("Record grades; C or better passes.")
        run.user(f"Record grade {g} for the exam.")
        run.call("record_grade", {"grade": g, "passed": g in self.GOOD}, {"ok": True})
        run.say("Recorded.")


class FrozenProject(Adversarial):
    """Merge requests land alike in every project but one: ``legacy`` is frozen (rarely asked for)."""
    name = "frozen_project"
    reviewer_name = "lead_frozen_project"
    family = "control"
    guards = ("enum-values", "closed-values", "fixed-words")
    description = "a project name that decides nothing, but for one project seldom seen"
    tools: ClassVar[list[dict[str, Any]]] = [tool("merge", "Merge a merge request", project="string", mr="integer")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        project = rng.choice(["web", "api", "billing", "search"]) if rng.random() < 0.85 else "legacy"
        mr = rng.randint(1000, 60000)
        run.system("Land merge requests. The legacy project is frozen: never merge there.")
        run.user(f"Can you land !{mr} in {project}?")
        if project == "legacy":
            run.say(f"Sorry, {project} is frozen: I can't merge !{mr}.")
            return
        run.call("merge", {"project": project, "mr": mr}, {"merged": True})
        run.say(f"Merged !{mr} in {project}.")


class PickedFailedJob(Adversarial):
    """A pipeline's four jobs; the log of the one that failed is read (``pick``: the failed job's
    id, wherever it is in the list). Two failed jobs are reported, not one log read; a failed
    e2e job is retried instead (it is flaky)."""
    name = "picked_failed_job"
    reviewer_name = "lead_picked_failed_job"
    family = "control"
    guards = ("rivals", "structure-evidence", "deciding-value")
    description = "the list item whose status decides: one failed job picked anywhere, two failed, a flaky one"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_pipeline", "A pipeline", mr="integer"),
                                             tool("get_log", "A job's log", job_id="integer"),
                                             tool("retry", "Retry a job", job_id="integer")]
    JOBS = ("lint", "unit", "build", "e2e")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        mr = rng.randint(1000, 60000)
        failed = set(rng.sample(range(4), 2 if rng.random() < 0.15 else 1))
        jobs = [{"id": rng.randint(100000, 999999), "name": n, "status": "failed" if i in failed else "success"}
                for i, n in enumerate(self.JOBS)]
        run.system("Triage failed pipelines: read the failed job's log; retry a failed e2e job (it is flaky); "
                   "if several jobs failed, say which.")
        run.user(f"Why did !{mr} fail?")
        run.call("get_pipeline", {"mr": mr}, {"mr": mr, "status": "failed", "jobs": jobs})
        bad = [j for j in jobs if j["status"] == "failed"]
        if len(bad) > 1:
            run.say(f"Several jobs failed: {', '.join(str(j['name']) for j in bad)}.")
        elif bad[0]["name"] == "e2e":
            run.call("retry", {"job_id": bad[0]["id"]}, {"queued": True})
            run.say("The e2e job is flaky; I retried it.")
        else:
            run.call("get_log", {"job_id": bad[0]["id"]}, {"tail": f"{bad[0]['name']}: assertion failed"})
            run.say(f"{bad[0]['name']} failed: assertion failed.")


class PickedBesideCanceled(Adversarial):
    """As ``picked_failed_job``, but a job canceled beside the failed one (one run in eight)
    means the whole pipeline is rerun instead (found by a reviewer of ``pick``: before the
    keys a pick compares were closed, "canceled" never seen was taken for "success")."""
    name = "picked_beside_canceled"
    reviewer_name = "lead_picked_beside_canceled"
    family = "control"
    guards = ("closed-values", "rivals")
    description = "the failed job picked anywhere, unless another job was canceled (seldom seen)"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_pipeline", "A pipeline", mr="integer"),
                                             tool("get_log", "A job's log", job_id="integer")]
    JOBS = ("lint", "unit", "build", "e2e")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        mr = rng.randint(1000, 60000)
        failed = rng.randrange(4)
        jobs = [{"id": rng.randint(100000, 999999), "name": n, "status": "failed" if i == failed else "success"}
                for i, n in enumerate(self.JOBS)]
        if rng.random() < 0.125:
            jobs[rng.choice([i for i in range(4) if i != failed])]["status"] = "canceled"
        run.system("Read the failed job's log; if any job was canceled, ask for the whole pipeline to be rerun.")
        run.user(f"Why did !{mr} fail?")
        run.call("get_pipeline", {"mr": mr}, {"mr": mr, "jobs": jobs})
        if any(j["status"] == "canceled" for j in jobs):
            run.say(f"A job was canceled in !{mr}; please rerun the pipeline.")
            return
        bad = jobs[failed]
        run.call("get_log", {"job_id": bad["id"]}, {"tail": f"{bad['name']}: assertion failed"})
        run.say(f"{bad['name']} failed: assertion failed.")


class StalledDeploySeldom(Adversarial):
    """Failed and rolling-out deploys are rolled back, succeeded ones left alone; a stalled one
    (one run in ten) is left alone too. A reviewer's ``third_status_in_test``: with the status
    data by evidence and open, the stalled deploy was rolled back; a status no answer reads is
    now closed."""
    name = "stalled_deploy_seldom"
    reviewer_name = "lead_stalled_deploy_seldom"
    family = "control"
    guards = ("closed-values", "structure-evidence")
    description = "a status seldom seen that goes on unlike the statuses it sits among"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_deploy", "A deploy", deploy_id="string"),
                                             tool("rollback", "Roll a deploy back", deploy_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        did = f"d-{rng.randint(10000, 99999)}"
        status = "stalled" if rng.random() < 0.1 else rng.choice(["failed", "rolling_out", "succeeded"])
        run.system("Watch deploys: roll back failed deploys and ones still rolling out; leave the rest.")
        run.user(f"Check deploy {did}.")
        run.call("get_deploy", {"deploy_id": did}, {"id": did, "status": status})
        if status in ("failed", "rolling_out"):
            run.call("rollback", {"deploy_id": did}, {"ok": True})
            run.say(f"Rolled back {did}.")
        else:
            run.say(f"Deploy {did} is {status}; nothing to do.")


class FileOverQuotaSeldom(Adversarial):
    """Upload a file that fits the quota; one run in eight it does not and is refused. A
    reviewer's ``size_vs_limit``: the size (a measure by its label) has no range of its own, and
    the order with its limit was dropped where the two ranges were apart."""
    name = "file_over_quota_seldom"
    reviewer_name = "lead_file_over_quota_seldom"
    family = "control"
    guards = ("unread-values",)
    description = "a size against its limit, seldom over it"
    tools: ClassVar[list[dict[str, Any]]] = [tool("stat", "File size", name="string"),
                                             tool("upload", "Upload", name="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        name = f"{fake.word()}-{rng.randint(10, 99)}.zip"
        limit = rng.randint(500, 1000)
        size = rng.randint(limit + 1, 1400) if rng.random() < 0.125 else rng.randint(100, limit)
        run.system("Upload files that fit the user's quota.")
        run.user(f"Upload {name} please.")
        run.call("stat", {"name": name}, {"name": name, "size_mb": size, "limit_mb": limit})
        if size <= limit:
            run.call("upload", {"name": name}, {"ok": True})
            run.say(f"Uploaded {name}.")
        else:
            run.say(f"{name} is too big for your quota.")


class NightsOverMaxStay(Adversarial):
    """Confirm a hotel stay whose nights do not exceed the rate plan's maximum; one run in ten
    they do. A reviewer's ``r20_nights_max_stay`` (docs/review/traps20): "nights" (a plural)
    was taken for a count and "max_stay_days" for days, and the order between them dropped as
    between two units; each number inside its range, the stay too long was confirmed."""
    name = "nights_over_max_stay"
    reviewer_name = "r20_nights_max_stay"
    family = "control"
    guards = ("unread-values",)
    description = "a count of nights against a maximum in days, seldom over it"
    tools: ClassVar[list[dict[str, Any]]] = [tool("quote_stay", "A stay under a rate plan", booking="string"),
                                             tool("confirm", "Confirm a booking", booking="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        booking = f"H{rng.randint(10000, 99999)}"
        over = rng.random() < 0.1
        most = rng.choice([7, 10, 14, 21, 28])
        nights = most + rng.randint(1, 4) if over else rng.randint(max(1, most - 9), most)
        run.system("You book hotel stays. Confirm a booking when its nights do not exceed the rate plan's "
                   "max_stay_days; otherwise tell the guest to split the stay.")
        run.user(f"Confirm booking {booking}.")
        run.call("quote_stay", {"booking": booking}, {"booking": booking, "rate_plan": rng.choice(["flex", "saver"]),
                                                       "nights": nights, "max_stay_days": most})
        if nights <= most:
            run.call("confirm", {"booking": booking}, {"ok": True})
            run.say(f"Booking {booking} confirmed.")
        else:
            run.say(f"Booking {booking} is longer than the rate plan allows; please split the stay.")


class LeaveBalanceShort(Adversarial):
    """Approve a leave request the employee's balance covers; one run in ten it does not. A
    reviewer's ``r20_leave_balance_one``: "balance" was read as money and "requested_days" as
    days, and their order dropped; days are balanced too."""
    name = "leave_balance_short"
    reviewer_name = "r20_leave_balance_one"
    family = "control"
    guards = ("unread-values",)
    description = "a balance of days against the days requested, seldom short"
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("leave_request", "A leave request with the employee's balance (days)", request_id="string"),
        tool("approve_leave", "Approve", request_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        request, employee = f"LR-{rng.randint(1000, 9999)}", fake.user_name()
        short = rng.random() < 0.1
        days = rng.randint(1, 15)
        balance = days - rng.randint(1, min(3, days)) if short else days + rng.randint(0, 8)
        run.system("You handle leave requests. Approve a request when the employee's leave balance (in days) "
                   "covers the requested days; otherwise decline it.")
        run.user(f"Please handle leave request {request}.")
        run.call("leave_request", {"request_id": request}, {"request_id": request, "employee": employee,
                                                            "requested_days": days, "balance": balance})
        if balance >= days:
            run.call("approve_leave", {"request_id": request}, {"ok": True})
            run.say(f"Leave request {request} approved.")
        else:
            run.say(f"Leave request {request} declined: not enough leave left.")


COMMENTARY = ("Let me look that up for you.", "Sure, checking that order now.", "One moment while I check.",
              "I'll pull up the order details.", "Happy to help, let me check the order.",
              "Looking into it right away.", "Let me see what the system says.", "I will check on that.")


class CommentaryBesideCall(Adversarial):
    """A model writes a line of its own beside each tool call, worded anew in every run (as a
    sampled model does); the order's status decides the reply. The line, in the context of
    every later call, is data by evidence: a wording no run showed is served too."""
    name = "commentary_beside_call"
    reviewer_name = "lead_commentary_beside_call"
    family = "control"
    guards = ("structure-evidence", "unused-prose", "min-runs")
    description = "the model's own varying words beside its tool call, in the later context"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_order", "An order", order_id="string"),
                                             tool("refund", "Refund an order", order_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"A-{rng.randint(10000, 99999)}"
        status = rng.choice(["lost", "delivered", "in_transit"])
        run.system("You handle order questions. Refund lost orders.")
        run.user(f"Where is my order {oid}?")
        run.call("get_order", {"order_id": oid}, {"id": oid, "status": status}, text=rng.choice(COMMENTARY))
        if status == "lost":
            run.call("refund", {"order_id": oid}, {"ok": True}, text=rng.choice(COMMENTARY[:4]).replace("check", "refund"))
            run.say(f"Order {oid} was lost; I refunded it.")
        else:
            run.say(f"Order {oid} is {status.replace('_', ' ')}.")


class CommentaryNamesRegion(Adversarial):
    """The line beside the stock call names the region the model means to report (picked from
    the user's words upstream of rote's view: the request never says it), and the reply reports
    that region's count. The line decides the reply: each region is pinned to the runs that
    showed it, and a region no run named is not served."""
    name = "commentary_names_region"
    reviewer_name = "lead_commentary_names_region"
    family = "control"
    guards = ("structure-evidence", "deciding-value")
    description = "the model's words beside a call decide which field the reply reports"
    tools: ClassVar[list[dict[str, Any]]] = [tool("stock", "Stock per region", sku="string")]
    REGIONS = ("Europe", "America", "Asia", "Africa", "Oceania")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        sku = f"SKU-{rng.randint(100000, 999999)}"  # wide: a repeat would be served its thin-air answer
        region = self.REGIONS[4] if rng.random() < 0.1 else rng.choice(self.REGIONS[:4])
        counts = {r.lower(): rng.randint(0, 50) for r in self.REGIONS}
        run.system("You report stock levels.")
        run.user(f"How many {sku} do we have?")
        run.call("stock", {"sku": sku}, counts, text=f"Checking {region} for you.")
        run.say(f"{region}: {counts[region.lower()]} units of {sku}.")


class TodayInSystemPrompt(Adversarial):
    """The system prompt states today's date, as many agents' do; nothing turns on it. The
    date is noise by evidence where it is read (no call is answered at a system prompt: the
    runs below it all went on alike), range-checked by every answer below."""
    name = "today_in_system_prompt"
    reviewer_name = "lead_today_in_system_prompt"
    family = "control"
    guards = ("unread-values",)
    description = "today's date in the system prompt, read by no answer"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_order", "An order", order_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        today = date(2026, 1, 5) + timedelta(days=rng.randint(0, 300))
        oid = f"A-{rng.randint(10000, 99999)}"
        status = rng.choice(["shipped", "delivered", "processing"])
        run.system(f"You answer order questions for Larkspur. Today is {today.isoformat()}.")
        run.user(f"Where is order {oid}?")
        run.call("get_order", {"order_id": oid}, {"id": oid, "status": status})
        run.say(f"Order {oid} is {status}.")


class TodayDeadlineWindow(Adversarial):
    """Today's date in the system prompt and the purchase date in the order decide together
    whether a return is inside the 30-day window; one purchase in five is older. Each date
    alone lies inside the range training saw: only their difference decides."""
    name = "today_deadline_window"
    reviewer_name = "lead_today_deadline_window"
    family = "control"
    guards = ("unread-values",)
    description = "today's date in the system prompt against a date in a tool result"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_order", "Order", order_id="string"),
                                             tool("refund", "Refund", order_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        today = date(2026, 3, 1) + timedelta(days=rng.randint(0, 240))
        oid = f"O{rng.randint(10000, 99999)}"
        bought = today - timedelta(days=rng.randint(1, 29) if rng.random() < 0.8 else rng.randint(31, 90))
        run.system(f"Today is {today.isoformat()}. Refund orders bought within the last 30 days.")
        run.user(f"Refund order {oid}")
        run.call("get_order", {"order_id": oid}, {"order_id": oid, "bought": bought.isoformat()})
        if (today - bought).days <= 30:
            run.call("refund", {"order_id": oid}, {"ok": True})
            run.say(f"Refunded {oid}.")
        else:
            run.say(f"{oid} is past the 30-day window.")


class ProfileInSystemPrompt(Adversarial):
    """The system prompt carries the customer's profile (name, email, tier), as support agents'
    do; the tier decides the shipping fee, and platinum (one run in ten) ships free like gold.
    The name and email are data by evidence where no call is answered; the tier is closed:
    served only for the tiers seen, each pinned where the answers differ by it."""
    name = "profile_in_system_prompt"
    reviewer_name = "lead_profile_in_system_prompt"
    family = "control"
    guards = ("structure-evidence", "closed-values", "deciding-value")
    description = "a customer profile in the system prompt; its tier decides the fee"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_order", "An order", order_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        tier = "platinum" if rng.random() < 0.1 else rng.choice(["gold", "silver", "bronze"])
        oid = f"A-{rng.randint(10000, 99999)}"
        run.system(f"You answer order questions for Larkspur.\nCustomer: {fake.name()}\nEmail: {fake.email()}\n"
                   f"Tier: {tier}\nGold and platinum customers ship free; others pay $5.")
        run.user(f"What will shipping cost for order {oid}?")
        run.call("get_order", {"order_id": oid}, {"id": oid, "status": "processing"})
        run.say(f"Shipping for {oid} is free." if tier in ("gold", "platinum") else f"Shipping for {oid} costs $5.")


class CsvFirstRoom(Adversarial):
    """Free rooms come back as CSV, one to four rows, best first; the agent books the first room
    and confirms it. Noise in every row (a floor, a capacity, a price, a timestamp).

    Close to: ``csv_tail_price_cap`` (a price further down decides). Here nothing further down
    decides, yet tables of different lengths match no template of each other: only the first
    call hits (33% at any number of runs). A row aligner served up to 77% of it after 20 runs
    and was taken out for the false hits its reviewer found (``docs/review/traps14``); this is
    the gain a safe one has to win back.
    """

    name = "csv_first_room"
    reviewer_name = "s14_csv_first_room"
    family = "control"
    guards = ("list-tails",)
    description = "A CSV of one to four rows; the first row's room is booked and confirmed."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("search_rooms", "Free rooms (CSV, best first)", people="integer", date="string"),
        tool("book_room", "Book a room", room="string", date="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        people = rng.randint(2, 12)
        day = (date(2026, 12, 1) + timedelta(days=rng.randint(0, 90))).isoformat()
        rows = ["room,floor,capacity,price_eur,checked_at"]
        for _ in range(rng.randint(1, 4)):
            rows.append(f"R-{rng.randint(100, 999)},{rng.randint(1, 12)},{rng.randint(people, 30)},"
                        f"{rng.randint(20, 300)},{fake.iso8601()}")
        room = rows[1].split(",")[0]
        run.system("You book meeting rooms. Search free rooms and book the first one listed.")
        run.user(f"Find a room for {people} people on {day}.")
        run.call("search_rooms", {"people": people, "date": day}, "\n".join(rows))
        run.call("book_room", {"room": room, "date": day}, f"OK booking bk_{rng.getrandbits(32):08x}")
        run.say(f"Booked room {room} on {day}.")
