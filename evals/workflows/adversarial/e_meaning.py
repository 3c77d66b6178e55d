"""Adversarial workflows, family E: the answer depends on what a value means (a threshold, a parity, a mark), and training
saw one outcome.

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
    guards = ("unread-values", "context-bound")
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
    guards = ("unread-values",)
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
    guards = ("structure-judge", "unread-values")
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
    guards = ("structure-judge",)
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
    guards = ("unread-values",)
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
    guards = ("structure-judge", "thin-air")
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
    guards = ("structure-judge", "thin-air")
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
    guards = ("marks",)
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

# --- The third round (a reviewer's hunt of 2026-11-22, ``/tmp/hunt6/traps.py``) ---------------
# Slots at the edge of a message (a trailing "." or "?", a leading "@"); first / last word of
# values that always had two words; a word every copied value of one branch shared; a date
# slot that took a timestamp; a deciding exit code behind an enum branch; plus the shapes the
# reviewer found holding (marks of several characters, status codes, CSV and markdown tables,
# template syntax and unicode in values, signed numbers).


class CodeClassBehindEnum(Adversarial):
    """An enum (region) splits the cluster; within a region the exit codes seen may all be
    success codes (0, 3 = warnings), while failures (1, 2) elsewhere in training were seen."""
    name = "code_behind_enum"
    reviewer_name = "h6_code_behind_enum"
    family = "E"
    guards = ("enum-values", "unread-values", "deciding-value", "closed-values")
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
    guards = ("unread-values",)
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
    guards = ("unread-values",)
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
    guards = ("unread-values",)
    description = "4-digit plain amount decides approval"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        amt = rng.randint(1000, 4999) if rng.random() < 0.8 else rng.randint(5001, 9999)
        run.system("Approve expenses up to 5000 EUR; larger ones need review.")
        run.user(f"{who} submitted an expense of {amt} EUR.")
        run.say(f"Approved, {who}." if amt <= 5000 else f"Needs review, {who}.")


class DateWeekend(Adversarial):
    """A date (not a quantity) decides: no deliveries on weekends."""
    name = "date_weekend"
    reviewer_name = "h7_date_weekend"
    family = "E"
    guards = ("unread-values",)
    known_limit = ("weekday: the answer turns on a date's day of the week, a periodic property like parity; "
                   "several dates answered alike are evidence of noise, and no amount of same-outcome evidence "
                   "tells a weekday rule from noise inside the range of dates training saw (dates outside it "
                   "miss). The StructureJudge (an LLM) is the stage for this")
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
    guards = ("unread-values",)
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
    guards = ("enum-values", "unread-values", "context-bound")
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
    guards = ("unread-values", "context-bound")
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
    guards = ("enum-values", "unread-values")
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

# --- fourth round: 3. marks of two characters ----------------------------------------------------------


class Emoticon(Adversarial):
    """Feedback with an emoticon; :) :D =) positive, :( negative."""
    name = "emoticon"
    reviewer_name = "h7_emoticon"
    family = "E"
    guards = ("marks",)
    description = "two-char emoticons decide"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        pos = rng.random() < 0.8
        e = rng.choice([":)", ":D", "=)", ":-)"]) if pos else rng.choice([":(", ":-(", "=("])
        run.system("Thank happy customers; apologise to unhappy ones.")
        run.user(f"Feedback from {who}: {e}")
        run.say(f"Thanks, {who}!" if pos else f"Sorry, {who}, we'll do better.")

# --- fourth round: minimal forms of the findings -------------------------------------------------------


class MinYear(Adversarial):
    """Minimal: a 4-digit year decides a yes/no; nothing else varies but a name."""
    name = "min_year"
    reviewer_name = "h7_min_year"
    family = "E"
    guards = ("unread-values",)
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
    guards = ("unread-values",)
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
    guards = ("unread-values",)
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
    guards = ("marks",)
    description = "two-char marks decide"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        pos = rng.random() < 0.8
        e = rng.choice([":-)", ":D"]) if pos else rng.choice([":(", ":-("])
        # Not ``emoticon``'s prompt: in a shared namespace the same prompt and message answered
        # "Sorry, X." here and "Sorry, X, we'll do better." there would be two policies for one
        # context, and either one's answer the other's false hit.
        run.system("Thank happy customers; apologise briefly to unhappy ones.")
        run.user(f"Feedback from {who}: {e}")
        run.say(f"Thanks, {who}!" if pos else f"Sorry, {who}.")


class MinHourLater(Adversarial):
    """Minimal: an hour decides a greeting and is copied into a tool call two turns later."""
    name = "min_hour_later"
    reviewer_name = "h7_min_hour_later"
    family = "E"
    guards = ("unread-values",)
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
    guards = ("unread-values",)
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
    guards = ("structure-judge", "unread-values")
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
    guards = ("structure-judge", "unread-values")
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


class ExitCodeJson(Adversarial):
    """{"exit_code": 0}: JSON key ending in 'code'."""
    name = "exit_code_json"
    reviewer_name = "h8_exit_code_json"
    family = "E"
    guards = ("unread-values",)
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


class PythonVersion(Adversarial):
    """'Python version 3.8': 'version' is an id label; < 3.10 unsupported."""
    name = "python_version"
    reviewer_name = "h8_py_version"
    family = "E"
    guards = ("unread-values",)
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
    guards = ("unread-values",)
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
    guards = ("structure-evidence", "unread-values")
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
    guards = ("unread-values",)
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
    guards = ("unread-values",)
    description = "number after '#' decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.first_name()
        g = rng.randint(1, 20) if rng.random() < 0.8 else rng.randint(21, 40)
        run.system("Gates 1-20 are in terminal A, 21-40 in terminal B.")
        run.user(f"{who} departs from gate #{g}. Which terminal?")
        run.say(f"{who}, go to terminal A." if g <= 20 else f"{who}, go to terminal B.")


class ZipDecides(Adversarial):
    """'zip 10012': zip label; we deliver only in NY (10000-14999). The zip is copied into the
    call, data; the prompt names the range, and a zip outside it where none was is a miss
    (``named-numbers``; a known limit before it)."""
    name = "zip_decides"
    reviewer_name = "h8_zip_decides"
    family = "E"
    guards = ("unread-values", "named-numbers")
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
    """JSON revenue of 7+ digits (an id for _is_quantity) decides the tier: data, but the prompt
    names the line (1,000,000), and a revenue on its other side where none was is a miss
    (``named-numbers``; a known limit before it)."""
    name = "revenue_millions"
    reviewer_name = "h8_revenue"
    family = "E"
    guards = ("unread-values", "named-numbers")
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
    """An epoch timestamp (10 digits) decides whether a token must be refreshed: noise to the
    range checks, but the prompt names the time, and an expiry on its other side where none was
    is a miss (``named-numbers``; a known limit before it)."""
    name = "token_expiry"
    reviewer_name = "h8_token_expiry"
    family = "E"
    guards = ("unread-values", "named-numbers")
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
    guards = ("unread-values",)
    description = "signed int decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city = fake.city()
        t = rng.randint(-9, 30) if rng.random() < 0.8 else rng.randint(-30, -11)
        run.system("Issue a frost alert below -10 degrees.")
        run.user(f"It is {t} degrees in {city}.")
        run.say(f"Frost alert for {city}!" if t < -10 else f"No alert for {city}.")


class JsonNegative(Adversarial):
    """JSON negative int: a balance below -500 is frozen."""
    name = "json_negative"
    reviewer_name = "h8_json_negative"
    family = "E"
    guards = ("unread-values",)
    description = "JSON negative int decides"
    tools: ClassVar[list[dict[str, Any]]] = [tool("balance", "Balance", user="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        u = fake.user_name()
        b = rng.randint(-499, 900) if rng.random() < 0.8 else rng.randint(-3000, -501)
        run.system("Accounts below -500 are frozen.")
        run.user(f"Status of {u}?")
        run.call("balance", {"user": u}, {"user": u, "balance": b})
        run.say(f"{u} is active." if b >= -500 else f"{u} is frozen.")

# ---- 5. gaps that mix a number with a non-number (escape _is_quantity) --------------------------


class SeatsWordOrNumber(Adversarial):
    """'Seats left: 12' or 'Seats left: plenty': a mixed gap is no quantity; 4 are needed."""
    name = "seats_word_or_number"
    reviewer_name = "h8_seats_mixed"
    family = "E"
    guards = ("unread-values",)
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


class UnicodeMinus(Adversarial):
    """Weather API writes negatives with U+2212; frost alert below -10."""
    name = "unicode_minus"
    reviewer_name = "h8_unicode_minus"
    family = "E"
    guards = ("unread-values",)
    description = "U+2212 minus makes the value no number"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city = fake.city()
        t = rng.randint(-9, 25) if rng.random() < 0.8 else rng.randint(-30, -11)
        shown = f"\u2212{-t}" if t < 0 else str(t)
        run.system("Issue a frost alert below -10 \u00b0C.")
        run.user(f"{city}: {shown} \u00b0C now.")
        run.say(f"Frost alert for {city}!" if t < -10 else f"No alert for {city}.")

# ---- minimal forms -------------------------------------------------------------------------------


class MinOrderQty(Adversarial):
    """Minimal: a quantity after the word 'order' decides."""
    name = "min_order_qty"
    reviewer_name = "h8_min_order_qty"
    family = "E"
    guards = ("unread-values",)
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
    guards = ("unread-values",)
    description = "a gap mixing '-5' and '12' is not a quantity"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        t = rng.randint(-9, 30) if rng.random() < 0.8 else rng.randint(-30, -11)
        run.system("Alert below -10 degrees.")
        run.user(f"It is {t} degrees.")
        run.say("Alert!" if t < -10 else "No alert.")


# --- E, the ninth session's reviewer: what follows a system prompt or the model's own words ---


class StaffEmailInSystemPrompt(Adversarial):
    """The signed-in customer's email in the system prompt; staff (the shop's own domain, one
    run in seven) ship free. A reviewer's ``sys_email_natural``: the email is data by evidence
    where no call is answered, and where training drew no staff address, a staff one is served
    the fee (the same limit as the email in the user's text, ``user_email_staff``). A known
    limit until the eighteenth session: the prompt's prose names the shop ("for Larkspur"), and
    an address whose part is that word, where no training address had it, is a miss
    (``fixed-words``)."""
    name = "staff_email_in_system_prompt"
    reviewer_name = "r9_sys_email_natural"
    family = "E"
    guards = ("structure-evidence", "fixed-words")
    description = "an email in the system prompt whose domain decides the fee"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_order", "An order", order_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        staff = rng.random() < 1 / 7
        who = fake.first_name().lower()
        email = f"{who}@larkspur.com" if staff else f"{who}{rng.randint(1, 99)}@{fake.free_email_domain()}"
        oid = f"A-{rng.randint(100000, 999999)}"
        run.system(f"You answer shipping questions for Larkspur. Signed in: {email}. Staff ship free.")
        run.user(f"What does shipping cost for order {oid}?")
        run.call("get_order", {"order_id": oid}, {"id": oid, "status": "processing"})
        run.say(f"Shipping for {oid} is free." if staff else f"Shipping for {oid} is $5.")


class CommentaryAnnouncesRefund(Adversarial):
    """The model says beside its lookup what it will do next, and one run in seven it refunds
    (the context does not say which: the model chose). A reviewer's ``commentary_natural_15pct``:
    the words beside a call are data by evidence (sampled anew each run), and where training
    drew no refund, a refund announced was served the reply every run showed (a known limit
    until 2026-12-07). The words beside a call now refuse the words of the other tools the
    request declares that no example held (``edges-and-refusals``): "so I can refund it"
    names ``refund``, and is no wording of the ones seen."""
    name = "commentary_announces_refund"
    reviewer_name = "r9_commentary_natural_15pct"
    family = "E"
    guards = ("structure-evidence", "edges-and-refusals")
    description = "the model's words beside a call announce a next step training may not have shown"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_order", "An order", order_id="string"),
                                             tool("refund", "Refund an order", order_id="string")]
    PLAIN = ("Let me pull up that order.", "Sure, one moment while I check.", "Checking the order now.",
             "I'll look that order up for you.", "Let me take a look at this.")
    REFUND = ("Let me pull up that order so I can refund it.", "I'll check the order and then refund it.",
              "Checking the order before refunding it.")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"O{rng.randint(100000, 999999)}"
        refund = rng.random() < 1 / 7
        run.system("You handle orders.")
        run.user(f"About order {oid}")
        run.call("get_order", {"order_id": oid}, {"id": oid, "status": "delivered"},
                 text=rng.choice(self.REFUND if refund else self.PLAIN))
        if refund:
            run.call("refund", {"order_id": oid}, {"ok": True})
            run.say(f"Refunded {oid}.")
        else:
            run.say(f"{oid} was delivered.")


class ClockInSystemPrompt(Adversarial):
    """The system prompt states the time ("Current time: 16:20"); live agents work 09:00-17:30,
    a ticket otherwise.

    Trap: the hour after "time: " was taken for an id (a log's elapsed time), data on two
    values and never range-checked: evening hours answered with a ticket served the ticket at
    11:00. The hour of a clock time (":MM" after it) is a quantity now, served only inside the
    range seen (``unread-values``). A reviewer's ``support_hours`` (a threshold inside the
    hours seen, one outcome on both sides of it, stays the known limit of ``date_weekend``).
    """

    name = "clock_in_system_prompt"
    reviewer_name = "s11_support_hours"
    family = "E"
    guards = ("unread-values", "structure-evidence")
    description = "The time of day in the system prompt decides transfer or ticket."
    tools: ClassVar[list[dict[str, Any]]] = [tool("transfer_to_agent", "Transfer to a live agent", topic="string"),
                                             tool("open_ticket", "Open a ticket", topic="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        # Most chats come in the evening; one in eight during the working day.
        mins = rng.randint(9 * 60, 17 * 60 + 29) if rng.random() < 1 / 8 else rng.randint(17 * 60 + 30, 22 * 60)
        topic = rng.choice(["billing", "login", "refund", "delivery"])
        run.system(f"You are the support bot. Current time: {mins // 60:02d}:{mins % 60:02d}. "
                   "Live agents work 09:00-17:30.")
        run.user(f"I need a human about a {topic} problem")
        if 9 * 60 <= mins < 17 * 60 + 30:
            run.call("transfer_to_agent", {"topic": topic}, {"ok": True})
            run.say("Transferring you to an agent now.")
        else:
            run.call("open_ticket", {"topic": topic}, {"ticket": "opened"})
            run.say("Our agents are offline; I've opened a ticket and they'll reply tomorrow.")


class FirmwareVersionGate(Adversarial):
    """Mesh mode needs firmware 2.0 or later; the user states the version ("firmware 2.11.0").
    One run in eight has a 1.x version, which gets a no.

    Trap: a version is numbers joined by dots, no plain number: it was weighed as no quantity,
    so versions all answered "Yes" served "Yes" for 1.9.8. Numbers joined by one separator are
    a quantity now, each number served only inside the range seen (``unread-values``:
    ``ranges.composite_range``). A reviewer's ``version_user_new`` and ``version_mix``.
    """

    name = "firmware_version_gate"
    reviewer_name = "s11_version_mix"
    family = "E"
    guards = ("unread-values",)
    description = "A firmware version in the user's text decides yes or no; no answer copies it."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        major = 1 if rng.random() < 1 / 8 else rng.randint(2, 3)
        version = f"{major}.{rng.randint(0, 12)}.{rng.randint(0, 9)}"
        run.system("You support home routers. Mesh mode needs firmware 2.0 or later.")
        run.user(f"Can I turn on mesh mode? My router runs firmware {version}.")
        run.say("Yes, mesh mode is available on your firmware." if major >= 2
                else "Not yet: mesh mode needs firmware 2.0 or later. Please update first.")
