"""The fixture workflows. Each is a tiny deterministic agent policy (see ``base``)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any, ClassVar

from faker import Faker

from evals.workflows import realistic
from evals.workflows.base import Run, Workflow, tool


class Hello(Workflow):
    name = "hello"
    description = "Greet a person by name (one step)."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        name = fake.first_name()
        run.system("You greet people politely.").user(f"Say hello to {name}.").say(f"Hello, {name}!")


class CrmEmail(Workflow):
    name = "crm_email"
    description = "Look a contact up by email, send a templated follow-up; ids and names copied into calls."
    tools: ClassVar[list[dict[str, Any]]] = [tool("lookup_contact", "Find a CRM contact by email", email="string"),
             tool("send_email", "Send an email", to="string", subject="string", body="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        full = f"{fake.first_name()} {fake.last_name()}"
        email = f"{full.split()[0].lower()}.{fake.user_name()}@{fake.free_email_domain()}"
        invoice = f"INV-{rng.randint(10000, 99999)}"
        contact = f"C{rng.randint(100000, 999999)}"
        first = full.split()[0]
        run.system("You are a CRM assistant. Look the contact up before writing to them.")
        run.user(f"Send a follow-up to {email} about invoice {invoice}.")
        run.call("lookup_contact", {"email": email},
                 {"id": contact, "full_name": full, "status": "active", "email": email})
        run.call("send_email", {"to": email, "subject": f"Invoice {invoice}",
                                "body": f"Hi {first}, just following up on invoice {invoice}. Thanks!"},
                 {"ok": True, "message_id": f"msg_{rng.getrandbits(40):010x}"})
        run.say(f"Done: I emailed {first} ({email}) about {invoice}.")


class FormFill(Workflow):
    name = "form_fill"
    description = "Fill a signup form in a browser; page events carry timestamps and session ids (noise)."
    tools: ClassVar[list[dict[str, Any]]] = [tool("fill", "Type into a field", selector="string", value="string"),
             tool("click", "Click an element", selector="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        first, last = fake.first_name(), fake.last_name()
        email = fake.email()
        # A fixed anchor, not "now": the same seed must give the same runs on any day.
        t0 = datetime(2026, 11, 1, 8, 0, 0) + timedelta(seconds=rng.randint(0, 30 * 86400))
        session = f"{rng.getrandbits(48):012x}"

        def page(event: str, k: int) -> str:
            ts = (t0 + timedelta(seconds=3 * k + rng.randint(0, 2))).isoformat()
            return f"[{ts}] session={session} {event}\nform: #first_name #last_name #email #username #submit"

        run.system("You are a browser agent. Fill the signup form from the user's details, then submit.")
        run.user(f"Sign me up. First name: {first}\nLast name: {last}\nEmail: {email}")
        run.call("fill", {"selector": "#first_name", "value": first}, page("typed into #first_name", 1))
        run.call("fill", {"selector": "#last_name", "value": last}, page("typed into #last_name", 2))
        run.call("fill", {"selector": "#email", "value": email}, page("typed into #email", 3))
        run.call("fill", {"selector": "#username", "value": f"{first.lower()}.{last.lower()}"},
                 page("typed into #username", 4))
        run.call("click", {"selector": "#submit"}, page("navigated to /welcome", 5))
        run.say(f"You're signed up as {first.lower()}.{last.lower()}.")


class InvoicePay(Workflow):
    name = "invoice_pay"
    description = "Pay an invoice: money as text and as a JSON number, a date three days before the due date."
    tools: ClassVar[list[dict[str, Any]]] = [tool("schedule_payment", "Schedule a payment", invoice_id="string", amount="number",
                  payee="string", pay_on="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        inv = f"INV-{rng.randint(1000, 9999)}"
        cents = rng.randint(1000, 9_999_999)
        amount = cents / 100
        text_amount = f"${amount:,.2f}"
        payee = fake.company().replace(",", "")
        due = date(2026, 1, 1) + timedelta(days=rng.randint(10, 700))
        pay_on = due - timedelta(days=3)
        run.system("You are an accounts-payable agent. Schedule payments three days before they are due.")
        run.user(f"Please pay invoice {inv} from {payee} for {text_amount}, due {due.isoformat()}.")
        run.call("schedule_payment", {"invoice_id": inv, "amount": amount, "payee": payee,
                                      "pay_on": pay_on.isoformat()},
                 {"status": "scheduled", "confirmation": f"PAY{rng.randint(10**7, 10**8 - 1)}"})
        run.say(f"Scheduled {text_amount} to {payee} for {pay_on.isoformat()} (invoice {inv}).")


class OrderBranch(Workflow):
    name = "order_branch"
    description = "Look an order up; its status decides the next call (branching data stays structure)."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_order", "Fetch an order", order_id="string"),
             tool("issue_refund", "Refund an order", order_id="string"),
             tool("send_tracking", "Send tracking info", order_id="string", email="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"{rng.randint(100000, 999999)}"
        email = fake.email()
        status = rng.choice(["shipped", "cancelled"])
        run.system("You are an order-support agent.")
        run.user(f"Customer {email} asks about order #{oid}.")
        run.call("get_order", {"order_id": oid}, {"order_id": oid, "status": status, "email": email}, branch=status)
        if status == "shipped":
            run.call("send_tracking", {"order_id": oid, "email": email}, {"sent": True})
            run.say(f"Order #{oid} has shipped; tracking sent to {email}.")
        else:
            run.call("issue_refund", {"order_id": oid}, {"refunded": True})
            run.say(f"Order #{oid} was cancelled, so I issued a refund.")


class TableBooking(Workflow):
    name = "table_booking"
    description = "Multi-turn chat: a later turn reuses variables from an earlier one."
    tools: ClassVar[list[dict[str, Any]]] = [tool("book_table", "Book a restaurant table", name="string", party_size="integer",
                  restaurant="string", date="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        name = fake.first_name()
        size = rng.randint(2, 9)
        restaurant = f"{fake.last_name()}'s {rng.choice(['Bistro', 'Grill', 'Trattoria', 'Diner'])}"
        day = (date(2026, 12, 1) + timedelta(days=rng.randint(0, 60))).isoformat()
        run.system("You are a concierge.")
        run.user(f"Hi, I'm {name}.").say(f"Nice to meet you, {name}! How can I help?")
        run.user(f"Book a table for {size} at {restaurant} on {day}.")
        run.call("book_table", {"name": name, "party_size": size, "restaurant": restaurant, "date": day},
                 {"booking_id": f"B{rng.randint(10**5, 10**6 - 1)}", "ok": True})
        run.say(f"Booked {restaurant} for {size} on {day}, {name}.")


class Arithmetic(Workflow):
    name = "arithmetic"
    description = "Compute a + b * c and answer with the number."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        a, b, c = rng.randint(1, 999), rng.randint(1, 99), rng.randint(1, 99)
        run.system("You are a calculator. Answer with the result only.")
        run.user(f"What is {a} + {b} * {c}?").say(f"{a + b * c}")


class TicTacToe(Workflow):
    name = "tictactoe"
    description = "Play tic-tac-toe: the move depends on the whole board, so boards stay structure."

    LINES = ((0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6))

    def _move(self, board: list[str]) -> int:
        for mark in ("O", "X"):  # win if possible, else block
            for a, b, c in self.LINES:
                cells = [board[a], board[b], board[c]]
                if cells.count(mark) == 2 and cells.count(" ") == 1:
                    return (a, b, c)[cells.index(" ")]
        for i in (4, 0, 2, 6, 8, 1, 3, 5, 7):
            if board[i] == " ":
                return i
        raise ValueError("board full")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        board = [" "] * 9
        run.system("You play O at tic-tac-toe. Reply with the cell number (0-8) of your move only.")
        for _ in range(4):
            free = [i for i, c in enumerate(board) if c == " "]
            x = rng.choice(free[:3]) if rng.random() < 0.7 else rng.choice(free)
            board[x] = "X"
            run.branch(f"X{x}")  # X's moves decide every board
            if self._won(board, "X") or " " not in board:
                break  # the game is over: nothing left to ask the model
            rows = "\n".join("|".join(board[r * 3:r * 3 + 3]) for r in range(3))
            move = self._move(board)
            run.user(f"Board:\n{rows}\nX played {x}. Your move.").say(str(move))
            board[move] = "O"
            if self._won(board, "O"):
                break

    def _won(self, board: list[str], mark: str) -> bool:
        return any(board[a] == board[b] == board[c] == mark for a, b, c in self.LINES)


class Haiku(Workflow):
    name = "haiku"
    description = "Creative writing: the answer is not derivable from the request (not cacheable)."
    cacheable = False
    WORDS = ("quiet", "amber", "river", "falling", "light", "stone", "winter", "breath", "paper", "moon")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        topic = fake.word()
        h = sum(map(ord, topic))
        w = [self.WORDS[(h * k) % len(self.WORDS)] for k in (1, 3, 7, 11)]
        run.system("You are a poet.").user(f"Write a haiku about {topic}.")
        run.say(f"{w[0]} {w[1]} morning\n{w[2]} over the {w[3]} hills\nthe end of the day")


class CityWeather(Workflow):
    name = "city_weather"
    description = "Knowledge: the state of a city comes from the model, not the context (not cacheable)."
    cacheable = False
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_weather", "Current weather", city="string", state="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city, state = rng.choice([("Boston", "MA"), ("Austin", "TX"), ("Denver", "CO"), ("Portland", "OR"),
                                  ("Miami", "FL"), ("Seattle", "WA"), ("Chicago", "IL"), ("Phoenix", "AZ"),
                                  ("Atlanta", "GA"), ("Nashville", "TN"), ("Buffalo", "NY"), ("Reno", "NV")])
        temp = rng.randint(-5, 35)
        run.system("You are a weather assistant.").user(f"What's the weather in {city}?")
        run.call("get_weather", {"city": city, "state": state}, {"temp_c": temp, "sky": "clear"})
        run.say(f"It's {temp}°C and clear in {city}, {state}.")


# The realistic workflows (``realistic.py``) come last: adding them changes no other workflow's data.
ALL: tuple[type[Workflow], ...] = (Hello, CrmEmail, FormFill, InvoicePay, OrderBranch, TableBooking, Arithmetic,
                                   TicTacToe, Haiku, CityWeather, *realistic.ALL)
