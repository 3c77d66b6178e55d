"""Adversarial workflows, family B: a text value in the user's message that may swallow a list separator, a joiner
(" and ") or a following sentence, or a character at the message's edge.

Each names the rules it guards (``guards``: names in ``induction.rules.RULES``).
"""

from __future__ import annotations

import random
from typing import Any, ClassVar

from faker import Faker

from evals.workflows.adversarial.base import (
    Adversarial,
)
from evals.workflows.base import Run, tool

# --- B: lists and joiners in user text ---------------------------------------------------------


class ListInUserText(Adversarial):
    """Invite two (sometimes three) people; each becomes an element of a JSON array argument.

    Trap: "A, B and C" read with the slots of "A and B": the first name swallows "A, B"
    and the array gets two elements instead of three.
    """

    name = "list_in_user_text"
    reviewer_name = "h_invite"
    family = "B"
    guards = ("edges-and-refusals",)
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
    guards = ("unreadable", "edges-and-refusals")
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
    guards = ("edges-and-refusals",)
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
    guards = ("unused-prose", "edges-and-refusals")
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

# --- The third round (a reviewer's hunt of 2026-11-22, ``/tmp/hunt6/traps.py``) ---------------
# Slots at the edge of a message (a trailing "." or "?", a leading "@"); first / last word of
# values that always had two words; a word every copied value of one branch shared; a date
# slot that took a timestamp; a deciding exit code behind an enum branch; plus the shapes the
# reviewer found holding (marks of several characters, status codes, CSV and markdown tables,
# template syntax and unicode in values, signed numbers).


class TrailingPeriodName(Adversarial):
    """Users sometimes end the request with a period; the answer greets by name without it."""
    name = "trailing_period_name"
    reviewer_name = "h6_trailing_period"
    family = "B"
    guards = ("edges-and-refusals",)
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
    guards = ("unread-values", "edges-and-refusals")
    description = "a text slot at the end of the text may take a trailing '?'"
    tools: ClassVar[list[dict[str, Any]]] = [tool("weather", "Weather for a city", city="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city = fake.city()
        p = "?" if rng.random() < 0.15 else ""
        run.system("You report the weather.")
        run.user(f"What's the weather in {city}{p}")
        run.call("weather", {"city": city}, {"temp_c": rng.randint(-5, 30)})
        run.say(f"Checked {city}.")


class LeadingMention(Adversarial):
    """A chat message that starts with the addressee; sometimes written with an '@'."""
    name = "leading_mention"
    reviewer_name = "h6_leading_mention"
    family = "B"
    guards = ("edges-and-refusals",)
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

# --- fourth round: 4. slots at message edges -----------------------------------------------------------


class TrailingEmojiName(Adversarial):
    """A full name at the end of the message, sometimes followed by ' 🙂'."""
    name = "trailing_emoji_name"
    reviewer_name = "h7_trailing_emoji"
    family = "B"
    guards = ("edges-and-refusals",)
    description = "end-edge text slot swallows an emoji"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.name()
        tail = rng.choice([" \U0001F642", " :)", ")", "\u2026", "!!", " ;)", "\u201d"]) if rng.random() < 0.2 else ""
        run.system("You greet people politely.")
        run.user(f"Please greet {nm}{tail}")
        run.say(f"Hello, {nm}!")


class LeadingSigil(Adversarial):
    """Message starts with the addressee; sometimes with '+', '~', '/' or '•'."""
    name = "leading_sigil"
    reviewer_name = "h7_leading_sigil"
    family = "B"
    guards = ("edges-and-refusals",)
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

# --- fourth round: minimal forms of the findings -------------------------------------------------------


class MinLeadingSlash(Adversarial):
    """Minimal: leading '/' or '+' (not in EDGE_START) on a slot at the message start."""
    name = "min_leading_slash"
    reviewer_name = "h7_min_leading"
    family = "B"
    guards = ("edges-and-refusals",)
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
    guards = ("edges-and-refusals",)
    description = "end-edge tail outside EDGE_END"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.name()
        tail = rng.choice([" \U0001F642", "\u2026", ")"]) if rng.random() < 0.2 else ""
        run.system("You greet people politely.")
        run.user(f"Please greet {nm}{tail}")
        run.say(f"Hello, {nm}!")

# ---- 3. edges ---------------------------------------------------------------------------------


class TrailingNbspOrCJK(Adversarial):
    """A name at the message end, sometimes with a trailing NBSP, '。', '»', '！'."""
    name = "trailing_nbsp_or_cjk"
    reviewer_name = "h8_trailing_nonascii"
    family = "B"
    guards = ("edges-and-refusals",)
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
    guards = ("edges-and-refusals",)
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
    guards = ("edges-and-refusals",)
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
    guards = ("edges-and-refusals",)
    description = "mid-message slot followed by a space literal"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.name()
        tail = rng.choice([" \U0001F642", ")", "\u2026", "!"]) if rng.random() < 0.25 else ""
        run.system("You greet people politely.")
        run.user(f"Please greet {nm}{tail} today.")
        run.say(f"Hello, {nm}!")


class TrailingDigitsEdge(Adversarial):
    """City at the message end; sometimes a trailing ' 2' (alnum edge) meaning a count."""
    name = "trailing_digits_edge"
    reviewer_name = "h8_trailing_alnum"
    family = "B"
    guards = ("unread-values", "edges-and-refusals")
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

# ---- minimal forms -------------------------------------------------------------------------------


class MinTrailingCJKStop(Adversarial):
    """Minimal: a trailing ideographic full stop / fullwidth '!' after a name."""
    name = "min_trailing_cjk_stop"
    reviewer_name = "h8_min_cjk_stop"
    family = "B"
    guards = ("edges-and-refusals",)
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
    guards = ("edges-and-refusals",)
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
    guards = ("edges-and-refusals",)
    description = "line edge is not a message edge"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.name()
        tail = ")" if rng.random() < 0.2 else ""
        run.system("You greet people politely.")
        run.user(f"Please greet {nm}{tail}\nThanks.")
        run.say(f"Hello, {nm}!")


# ---- seventh round: values copied whole (copied-spans), quoted text ---------------------------


class JoinedNamesOneString(Adversarial):
    """Book a table for "A and B" (one run in five, one guest or three); the booking copies the
    guests as one string and counts the seats.

    Trap: the guests are copied whole, so ``copied-spans`` would join "A" and "B" across the
    " and " into one slot; that slot takes one name, or "A, B and C", and the two seats of every
    training call are served for one or three guests. Every training value held " and " once:
    a list of a fixed length, left cut at its joiner.
    """

    name = "joined_names_one_string"
    reviewer_name = "r7_joined"
    family = "B"
    guards = ("copied-spans", "edges-and-refusals")
    description = "Guests 'A and B' copied whole into one argument, seats counted: one or three guests sometimes."
    tools: ClassVar[list[dict[str, Any]]] = [tool("book_table", "Book a table", guests="string", seats="integer")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        k = 2 if rng.random() < 0.8 else rng.choice([1, 3])
        people = [fake.name() for _ in range(k)]
        guests = people[0] if k == 1 else ", ".join(people[:-1]) + " and " + people[-1]
        run.system("You book restaurant tables.")
        run.user(f"Book a table for {guests} tonight.")
        run.call("book_table", {"guests": guests, "seats": k}, {"ok": True})
        run.say(f"Booked {k} seats.")


class QuotedTitleOrList(Adversarial):
    """Add a quoted book title to a reading list; titles may hold " and " ("War and Peace");
    one run in five quotes two titles as "A, B" (one call each).

    Trap: a quoted slot takes the joining phrases (the quoted text's own), so it must still
    refuse the comma of "A, B" (no training title held one): else one call adds a book of that
    name.
    """

    name = "quoted_title_or_list"
    reviewer_name = "r7_quoted"
    family = "B"
    guards = ("edges-and-refusals",)
    description = "A quoted title (with ' and ' or not), sometimes two titles in one quote joined by a comma."
    tools: ClassVar[list[dict[str, Any]]] = [tool("add_book", "Add a book to the reading list", title="string")]
    TITLES = ("War and Peace", "Dune", "Emma", "Pride and Prejudice", "Middlemarch", "Crime and Punishment",
              "Beloved", "Ulysses", "Sense and Sensibility", "Persuasion", "The Trial", "Of Mice and Men")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        two = rng.random() < 0.2
        titles = rng.sample(self.TITLES, 2 if two else 1)
        run.system("You keep the user's reading list. One add_book call per title.")
        run.user(f'Add "{", ".join(titles)}" to my reading list.')
        if two:
            run.call_many([("add_book", {"title": t}) for t in titles], [{"ok": True}, {"ok": True}])
        else:
            run.call("add_book", {"title": titles[0]}, {"ok": True})
        run.say("Added.")


# --- a word slot stays a word (2026-12-07: a widening to text was taken out, docs/review/traps10) -----


class IdThenWord(Adversarial):
    """Refund an order by its id; one run in six asks for a partial refund, the word sitting
    between the id and "today".

    Trap: the id is passed whole into the call and stands between two of the template's
    words; read as text, "A-4821 partially" would be the id, and the full refund's call served
    with it. A slot whose examples were single words takes one word.
    """

    name = "id_then_word"
    reviewer_name = "s10_id_word"
    family = "B"
    guards = ("edges-and-refusals",)
    description = "An order id between two words, forwarded whole; sometimes 'partially' after the id."
    tools: ClassVar[list[dict[str, Any]]] = [tool("refund", "Refund an order", order_id="string", partial="boolean")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"{rng.choice('ABC')}-{rng.randint(1000, 9999)}"
        partial = rng.random() < 1 / 6
        run.system("You process refunds.")
        run.user(f"Please refund order {oid}{' partially' if partial else ''} today.")
        run.call("refund", {"order_id": oid, "partial": partial}, {"ok": True})
        run.say("Done.")


class NameThenManner(Adversarial):
    """Send a greeting card to a first name; one run in six adds how ("Erik in French") at the
    end of the message.

    Trap: the name is passed whole into the call; read as text at the message's end, "Erik in
    French" would be the name. A slot whose examples were single words takes one word: nothing
    of the template stops a trailing instruction there.
    """

    name = "name_then_manner"
    reviewer_name = "s10_name_manner"
    family = "B"
    guards = ("edges-and-refusals",)
    description = "A first name at the message's end, forwarded whole; sometimes 'in French' after it."
    tools: ClassVar[list[dict[str, Any]]] = [tool("send_card", "Send a greeting card", name="string", lang="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        french = rng.random() < 1 / 6
        run.system("You send greeting cards.")
        run.user(f"Send a card to {who}{' in French' if french else ''}")
        run.call("send_card", {"name": who, "lang": "fr" if french else "en"}, {"ok": True})
        run.say("Sent.")


class HandleThenManner(Adversarial):
    """Mute a user by their handle (lower case) in a channel; one run in eight mutes for good,
    the word between the handle and "in".

    Trap: the handle is passed whole into the call and stands between two of the template's
    words. Read as text (several words, where every example had one), "erik permanently" is a
    handle, and the call of every training run is served with it. A reviewer broke such a
    widening (2026-12-07, ``docs/review/traps10``) in 14 traps; it was taken out, and a slot
    whose examples were single words takes one word.
    """

    name = "handle_then_manner"
    reviewer_name = "s10_handle_manner"
    family = "B"
    guards = ("edges-and-refusals",)
    description = "A lower-case handle between two words, forwarded whole; sometimes 'permanently' after it."
    tools: ClassVar[list[dict[str, Any]]] = [tool("mute", "Mute a user in a channel", user="string", channel="string",
                                                  permanent="boolean")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name().lower()
        permanent = rng.random() < 1 / 8
        run.system("You moderate the team chat.")
        run.user(f"Mute {who}{' permanently' if permanent else ''} in #general please.")
        run.call("mute", {"user": who, "channel": "general", "permanent": permanent}, {"ok": True})
        run.say("Muted.")


class ReadingsInARow(Adversarial):
    """A blood-pressure diary: "My readings today: 118 76 64" (systolic, diastolic, pulse); a
    systolic of 140 or more gets "contact your doctor". One run in eight is high.

    Trap: numbers separated only by spaces were one text slot, no number at all, so readings all
    answered "normal" served "normal" for "172 101 88". Numbers in a row are quantities now, each
    served only inside the range seen at its place (``unread-values``: ``ranges.vector_range``).
    A reviewer's ``bp_readings``.
    """

    name = "readings_in_a_row"
    reviewer_name = "s12_bp_readings"
    family = "B"
    guards = ("unread-values",)
    description = "Three numbers in a row in the user's text decide the reply; no answer copies them."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        systolic = rng.randint(141, 185) if rng.random() < 1 / 8 else rng.randint(100, 135)
        run.system("You are the blood pressure diary assistant.")
        run.user(f"My readings today: {systolic} {rng.randint(60, 95)} {rng.randint(55, 100)}")
        run.say("That's high; please contact your doctor." if systolic >= 140 else "Logged, that looks normal.")


class ScoreInARow(Adversarial):
    """A fantasy-league bot: "Final score (home away): 3 1"; a home win awards the home team its
    points. One game in eight is an away win.

    Trap: numbers in a row were range-checked place by place, so "2 4" (each number inside the
    range the home wins showed) was served the home win's call. Each number keeps how it stood to
    the next in every row seen (``unread-values``: ``ranges.vector_range``). A reviewer's
    ``score_row_order``.
    """

    name = "score_in_a_row"
    reviewer_name = "s13_score_row_order"
    family = "B"
    guards = ("unread-values",)
    description = "Two numbers in a row in the user's text decide by their order; no answer copies them."
    tools: ClassVar[list[dict[str, Any]]] = [tool("award_points", "Award the home team its points", team="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        away_win = rng.random() < 1 / 8
        while True:
            home, away = rng.randint(0, 6), rng.randint(0, 6)
            if (home < away) if away_win else (home > away):
                break
        run.system("You are the fantasy-league assistant. When the home side wins, award the home team its points.")
        run.user(f"Final score (home away): {home} {away}")
        if home > away:
            run.call("award_points", {"team": "home"}, {"ok": True})
            run.say("Home win: points awarded.")
        else:
            run.say("Away win: no points for the home side.")


# --- Fields shifted by an optional one (the twelfth session's second reviewer, docs/review/traps14) ---


class KvShiftTicket(Adversarial):
    """A ticket router: the user pastes a form line, ``order=... plan=... topic=...`` or, with
    the optional field moved, ``order=... topic=... channel=...``; ``refund=`` tickets go to
    billing (one in five).

    Trap: the two general shapes hold as many tokens, and aligned position by position their
    "=" signs line up while the keys do not: the keys fell inside the slots ("35330 topic"),
    and a refund ticket matched a general template. Texts of as many tokens align position by
    position only where that keeps every word the word-by-word alignment shares
    (``induction.align``). A reviewer's ``r15_kv_shift_ticket``.
    """

    name = "kv_shift_ticket"
    reviewer_name = "r15_kv_shift_ticket"
    family = "B"
    guards = ("unreadable", "deciding-value")
    description = "key=value form lines with an optional field; which key is present decides the queue."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid = rng.randrange(10000, 99999)
        plan = rng.choice(["basic", "pro", "team", "free"])
        note = rng.choice(["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa"])
        r = rng.random()
        run.system("You route support tickets. Reply with the queue name only.")
        if r < 0.4:
            run.user(f"New ticket from web form: order={oid} plan={plan} topic={note}")
            run.say("general")
        elif r < 0.8:
            run.user(f"New ticket from web form: order={oid} topic={note} channel={plan}")
            run.say("general")
        else:
            run.user(f"New ticket from web form: order={oid} refund={note} channel={plan}")
            run.say("billing")


class KvShiftGateway(Adversarial):
    """Gateway audit lines labelled with their event id: ``id= user= status=`` or, shifted,
    ``id= status= host=`` is E1; ``id= error= host=`` is E2 (three in ten). The log-labelling
    shape of ``kv_shift_ticket``. A reviewer's ``r15_kv_shift_gateway``.
    """

    name = "kv_shift_gateway"
    reviewer_name = "r15_kv_shift_gateway"
    family = "B"
    guards = ("unreadable", "split-by-answer")
    description = "key=value log lines with an optional field; the key present decides the event."
    EVENTS: ClassVar[list[tuple[str, float, str]]] = [
        ("E1", 0.35, "audit record from gateway service: id={p} user={u} status={s}"),
        ("E1", 0.35, "audit record from gateway service: id={p} status={s} host={w}"),
        ("E2", 0.3, "audit record from gateway service: id={p} error={s} host={w}")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        event, fmt = rng.choices([(e, f) for e, _, f in self.EVENTS], weights=[w for _, w, _ in self.EVENTS])[0]
        fields = {"p": rng.randrange(1024, 65000),
                  "u": rng.choice(["root", "admin", "guest", "oracle", "test", "ubuntu", "pi", "ftp", "mysql",
                                   "nagios", "git", "www"]),
                  "s": rng.choice(["ok", "done", "queued", "sent", "kept", "new"]),
                  "w": rng.choice(["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa"]),
                  "ip": ".".join(str(rng.randrange(1, 255)) for _ in range(4)),
                  "n": rng.choice([0, 0, 0, *range(1, 60)]), "m": rng.randrange(0, 60),
                  "ts": 1514038530000 + rng.randrange(0, 99999)}
        run.system("You label Gateway log lines with their event id")
        run.user(fmt.format(**fields))
        run.say(event)
