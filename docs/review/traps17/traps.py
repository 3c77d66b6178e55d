"""Review 17 traps for 2b83519 (fixed-words: a slot value equal, case-insensitively, to a word of the
literal text of the templates on its path is refused unless a training value of that variable was
equal to such a word).

Loaded by ``harness.py`` (by path: the same file runs against any code tree). Every trap's right
answer is a fixed function of the request.

Two families:

* ``r17_cost_*``: natural workflows where a slot value coincides BY CHANCE with a word of the fixed
  text and the answer does not depend on it. Any false hit here is not the rule's; the number that
  matters is hits with the rule against hits before (``ac315f7``).
* ``r17_hole_*``: variants of ``frozen_project`` (the shape the rule was written for) where the
  text above singles out a value the training runs never showed. A hit that serves the common answer
  to the singled-out value is a false hit.
"""
from __future__ import annotations

import random
from typing import Any, ClassVar

from faker import Faker

from evals.workflows import REGISTRY
from evals.workflows.base import Run, Workflow, tool


class W(Workflow):
    description = "r17 trap"


# =====================================================================================================
# (1) COST: a value equal by chance to a word of the fixed text; the answer does not depend on it
# =====================================================================================================

class NameWill(W):
    """A user names herself in the first message; 25% of names are Will / May / Grant / Hope, and the
    system prompt says "will", "may", "grant", "hope" in passing. The name is copied into the answer."""
    name = "r17_cost_name_will"
    SYSTEM = ("You are the help desk of Northwind Outfitters. You will answer in one sentence. Customers may "
              "ask about their orders; look the order up first. We hope to solve every issue in one reply, "
              "and we grant refunds within 30 days of delivery.")
    SPECIAL: ClassVar[list[str]] = ["Will", "May", "Grant", "Hope"]
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_order", "An order's status", order="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = rng.choice(self.SPECIAL) if rng.random() < 0.25 else fake.first_name()
        oid = f"NW-{rng.randint(10000, 99999)}"
        eta = f"2026-12-{rng.randint(8, 28):02d}"
        run.system(self.SYSTEM)
        run.user(f"Hi, this is {who}. Where is my order {oid}?")
        run.call("get_order", {"order": oid}, {"order": oid, "status": "shipped", "eta": eta})
        run.say(f"Hi {who}, order {oid} has shipped and should arrive on {eta}.")


class CategoryPassing(W):
    """A shop's prompt mentions three of eight categories in passing (a sale, free shipping); the user
    asks for any category, the answer copies it and the count found."""
    name = "r17_cost_category"
    SYSTEM = ("You are the assistant of Ridgeline, an outdoor shop. Our spring sale covers tents and jackets, "
              "and boots ship free. Search the catalog before you answer and keep it short.")
    CATS: ClassVar[list[str]] = ["tents", "jackets", "boots", "stoves", "backpacks", "lanterns", "gloves",
                                 "hammocks"]
    tools: ClassVar[list[dict[str, Any]]] = [tool("search", "Search the catalog", category="string",
                                                  max_price="integer")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        cat = rng.choice(self.CATS)
        price = rng.choice([50, 80, 100, 150, 200, 300])
        n = rng.randint(2, 40)
        run.system(self.SYSTEM)
        run.user(f"Do you have {cat} under ${price}?")
        run.call("search", {"category": cat, "max_price": price}, {"category": cat, "max_price": price, "found": n})
        run.say(f"Yes, we have {n} {cat} under ${price}.")


class CityExample(W):
    """The prompt uses two cities as an example of a request; the user asks for one of ten."""
    name = "r17_cost_city_example"
    SYSTEM = ("You answer weather questions. If the user gives no city, ask for one (for example: "
              "'weather in Paris' or 'weather in London'). Temperatures are in Celsius.")
    CITIES: ClassVar[list[str]] = ["Paris", "London", "Berlin", "Madrid", "Rome", "Oslo", "Vienna", "Lisbon",
                                   "Dublin", "Prague"]
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_weather", "Current weather", city="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city = rng.choice(self.CITIES)
        t = rng.randint(-5, 30)
        run.system(self.SYSTEM)
        run.user(f"What's the weather in {city}?")
        run.call("get_weather", {"city": city}, {"city": city, "temp_c": t})
        run.say(f"It is {t}°C in {city} right now.")


class StatusOpen(W):
    """The tool result's fixed text says "open" (a constant policy line); the ticket's status is one of
    open / pending / closed / resolved / escalated and is copied into the answer."""
    name = "r17_cost_status_open"
    STATUSES: ClassVar[list[str]] = ["open", "pending", "closed", "resolved", "escalated"]
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_ticket", "A support ticket", ticket="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        tid = f"T-{rng.randint(1000, 9999)}"
        status = rng.choices(self.STATUSES, weights=[2, 3, 3, 3, 1])[0]
        run.system("You are a support assistant. Report a ticket's status in one sentence.")
        run.user(f"What's the status of ticket {tid}?")
        run.call("get_ticket", {"ticket": tid}, {"ticket": tid, "status": status,
                                                  "policy": "Customers can reply while a ticket is open."})
        run.say(f"Ticket {tid} is {status}.")


class ShortCodes(W):
    """Two-letter country codes that are English words ("us", "it", "no", "in", "at"), copied from a
    tracking record into the answer; the prompt says those words."""
    name = "r17_cost_short_codes"
    SYSTEM = ("You help us track parcels. Look the parcel up, then give its destination code as it is in "
              "the tracking record. If it is late, say so; there is no need to apologise in advance.")
    CODES: ClassVar[list[str]] = ["us", "it", "no", "in", "at", "de", "fr", "es", "nl", "se"]
    tools: ClassVar[list[dict[str, Any]]] = [tool("track", "Tracking record", parcel="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pid = f"PX{rng.randint(100000, 999999)}"
        code = rng.choice(self.CODES)
        run.system(self.SYSTEM)
        run.user(f"Where is parcel {pid} going?")
        run.call("track", {"parcel": pid}, {"parcel": pid, "dest": code, "late": False})
        run.say(f"Parcel {pid} is going to {code.upper()} and is on time.")


class ShortCodesUser(ShortCodes):
    """As ShortCodes, the code typed by the user ("Ship it to no") and copied into the call."""
    name = "r17_cost_short_codes_user"
    tools: ClassVar[list[dict[str, Any]]] = [tool("quote", "Shipping quote", parcel="string", dest="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pid = f"PX{rng.randint(100000, 999999)}"
        code = rng.choice(self.CODES)
        eur = rng.randint(5, 60)
        run.system(self.SYSTEM)
        run.user(f"How much to send parcel {pid} to country {code}?")
        run.call("quote", {"parcel": pid, "dest": code}, {"parcel": pid, "dest": code, "eur": eur})
        run.say(f"Sending {pid} to {code.upper()} costs {eur} EUR.")


class OnOff(W):
    """A setting turned "on" or "off" (copied into the call and the answer); the prompt says "on" in
    passing ("on weekends"), not "off"."""
    name = "r17_cost_on_off"
    SYSTEM = "You manage notification settings. Confirm each change in one line; on weekends, be brief."
    tools: ClassVar[list[dict[str, Any]]] = [tool("set_notify", "Set a channel", channel="string", state="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        channel = rng.choice(["email", "sms", "push", "slack", "digest"])
        state = rng.choice(["on", "off"])
        run.system(self.SYSTEM)
        run.user(f"Turn {channel} notifications {state}, please.")
        run.call("set_notify", {"channel": channel, "state": state}, {"ok": True})
        run.say(f"Done: {channel} notifications are {state}.")


def _long_prompt() -> tuple[str, list[str], list[str]]:
    """A 300+ word support prompt, its names drawn from Faker with a fixed seed (fixed text)."""
    f = Faker("en_US")
    f.seed_instance(17)
    company = f.company()
    staff = [f"{f.first_name()} {f.last_name()}" for _ in range(4)]
    cities = [f.city() for _ in range(3)]
    products = ["Aurora lamp", "Nimbus chair", "Cedar desk", "Harbor sofa", "Willow shelf", "Summit stool",
                "Meadow rug", "Granite table", "Orchid vase", "Falcon bench", "Maple bed", "Coral mirror"]
    text = (
        f"You are the customer assistant of {company}, a furniture retailer with showrooms in {cities[0]}, "
        f"{cities[1]} and {cities[2]}. Our founders, {staff[0]} and {staff[1]}, started the company to make "
        "well-built furniture affordable, and every answer you give should reflect that: be warm, be brief, "
        "and never promise what the tools do not confirm. "
        "When a customer asks whether a product is available, always call check_stock with the product name "
        "exactly as the customer wrote it, then state the price the tool returns. Do not round prices and do "
        "not add taxes; the price shown at checkout will include them. If the tool says a product is out of "
        "stock, offer to notify the customer when it is back. "
        "Our best sellers this season are the Aurora lamp, the Nimbus chair and the Harbor sofa; the Cedar desk "
        "and the Willow shelf are new arrivals. Mention a best seller only when the customer asks for a "
        "recommendation. Delivery is free for orders over $500 and takes five to ten business days; "
        "assembly can be booked for a flat fee at checkout. Returns are accepted within 30 days in the "
        "original packaging, except for custom orders and clearance items, which are final sale. "
        f"Escalate complaints about damaged goods to {staff[2]} in customer care, and questions about "
        f"business accounts or bulk orders to {staff[3]}. Never share a staff member's phone number or "
        "email address; give the customer the support form link instead. "
        "If a customer is upset, acknowledge the problem first, apologise once, and then give the next "
        "step. Do not discuss competitors, do not speculate about future sales or discounts, and do not "
        "give legal, medical or financial advice. Keep every reply under three sentences unless the customer "
        "asks for more detail, and address the customer by the first name they give. "
        "Our showrooms are open from nine to six on weekdays and from ten to four on Saturdays; they are "
        "closed on Sundays and public holidays. Gift cards never expire and can be used online or in store. "
        "Thank the customer at the end of the conversation, and wish them a good day."
    )
    return text, products, [s.split()[0] for s in staff]


LONG_PROMPT, LONG_PRODUCTS, LONG_STAFF = _long_prompt()


class LongPrompt(W):
    """A 300+ word prompt; the customer's first and last name drawn from Faker, the product one of 12,
    five of which the prompt names. Copied: first name, product, price."""
    name = "r17_cost_long_prompt"
    tools: ClassVar[list[dict[str, Any]]] = [tool("check_stock", "Stock and price", product="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        first, last = fake.first_name(), fake.last_name()
        product = rng.choice(LONG_PRODUCTS)
        price = rng.randint(40, 1400)
        run.system(LONG_PROMPT)
        run.user(f"Hi, this is {first} {last}. Is the {product} available?")
        run.call("check_stock", {"product": product}, {"product": product, "price": price, "in_stock": True})
        run.say(f"Hi {first}, yes: the {product} is in stock at ${price}.")


class LongPromptLast(LongPrompt):
    """As LongPrompt, the customer gives only the last name (Mr./Ms. {last}), which the answer copies:
    Faker last names like Price, Long, Young, Day, Best, Hill meet the prompt's words."""
    name = "r17_cost_long_prompt_last"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        last = fake.last_name()
        title = rng.choice(["Mr.", "Ms."])
        product = rng.choice(LONG_PRODUCTS)
        price = rng.randint(40, 1400)
        run.system(LONG_PROMPT)
        run.user(f"This is {title} {last}. Is the {product} available?")
        run.call("check_stock", {"product": product}, {"product": product, "price": price, "in_stock": True})
        run.say(f"Thank you, {title} {last}: the {product} is in stock at ${price}.")


class LongPromptWord(LongPrompt):
    """As LongPrompt, the product named by ONE word (Aurora, Nimbus, ...), so the five the prompt names
    are fixed words of it."""
    name = "r17_cost_long_prompt_word"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        first = fake.first_name()
        product = rng.choice(LONG_PRODUCTS).split()[0]
        price = rng.randint(40, 1400)
        run.system(LONG_PROMPT)
        run.user(f"Hi, this is {first}. Is the {product} available?")
        run.call("check_stock", {"product": product}, {"product": product, "price": price, "in_stock": True})
        run.say(f"Hi {first}, yes: the {product} is in stock at ${price}.")


# =====================================================================================================
# (2) HOLES: the frozen-project shape, varied
# =====================================================================================================

PROJECTS = ["web", "api", "billing", "search"]


class Frozen(W):
    """frozen_project, parameterised: SYSTEM, the project names, the singled-out one, how the user
    writes it. 15% of runs ask for the frozen project."""
    name = "r17_hole_base"
    SYSTEM = "Land merge requests. The legacy project is frozen: never merge there."
    NAMES: ClassVar[list[str]] = PROJECTS
    FROZEN = "legacy"
    P = 0.15
    tools: ClassVar[list[dict[str, Any]]] = [tool("merge", "Merge a merge request", project="string", mr="integer")]

    def spell(self, rng: random.Random, project: str) -> str:
        return project

    def pick(self, rng: random.Random) -> str:
        return self.FROZEN if rng.random() < self.P else rng.choice(self.NAMES)

    def refuse(self, run: Run, project: str, mr: int) -> None:
        run.say(f"Sorry, {project} is frozen: I can't merge !{mr}.")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        project = self.pick(rng)
        mr = rng.randint(1000, 60000)
        written = self.spell(rng, project)
        run.system(self.SYSTEM)
        run.user(f"Can you land !{mr} in {written}?")
        if project == self.FROZEN:
            self.refuse(run, written, mr)
            return
        run.call("merge", {"project": written, "mr": mr}, {"merged": True})
        run.say(f"Merged !{mr} in {written}.")


class FrozenControl(Frozen):
    """The rule's own case, for reference."""
    name = "r17_hole_control"


class FrozenNoCue(Frozen):
    """The exception phrased without a negation or a policy word ("archived"): what a narrowing of
    the rule to sentences with an exception cue (proto.py cue) would let through."""
    name = "r17_hole_no_cue"
    SYSTEM = "Land merge requests. The legacy project is archived."

    def refuse(self, run: Run, project: str, mr: int) -> None:
        run.say(f"Sorry, {project} is archived: I can't merge !{mr}.")


class FrozenUpper(Frozen):
    """The prompt writes LEGACY; the user writes legacy, Legacy or LEGACY."""
    name = "r17_hole_upper"
    SYSTEM = "Land merge requests. The LEGACY project is frozen: never merge there."

    def spell(self, rng: random.Random, project: str) -> str:
        return rng.choice([project, project.capitalize(), project.upper()]) if project == self.FROZEN else project


class FrozenQuoted(Frozen):
    """The prompt quotes the name: never merge into 'legacy'."""
    name = "r17_hole_quoted"
    SYSTEM = "Land merge requests. Never merge into 'legacy' (frozen)."


class FrozenHyphen(Frozen):
    """Project names with a hyphen; the prompt names legacy-app."""
    name = "r17_hole_hyphen"
    SYSTEM = "Land merge requests. The legacy-app project is frozen: never merge there."
    NAMES: ClassVar[list[str]] = ["web-app", "api-gw", "billing-svc", "search-ui"]
    FROZEN = "legacy-app"


class FrozenMulti(Frozen):
    """Project names of two words; the prompt names "legacy portal"."""
    name = "r17_hole_multiword"
    SYSTEM = "Land merge requests. The legacy portal is frozen: never merge there."
    NAMES: ClassVar[list[str]] = ["web app", "billing api", "search ui", "admin console"]
    FROZEN = "legacy portal"


class FrozenDigits(Frozen):
    """The singled-out value has a digit: v1 is frozen (versions v2..v5 are fine)."""
    name = "r17_hole_digits"
    SYSTEM = "Land merge requests on the release branch the user names. v1 is frozen: never merge there."
    NAMES: ClassVar[list[str]] = ["v2", "v3", "v4", "v5"]
    FROZEN = "v1"


class Batteries(W):
    """A derived form: the prompt says "batteries", the user ships a "battery"."""
    name = "r17_hole_plural"
    SYSTEM = "You book air freight. Never ship batteries by air: offer ground shipping instead."
    ITEMS: ClassVar[list[str]] = ["lamp", "kettle", "rug", "mug", "blanket", "clock"]
    tools: ClassVar[list[dict[str, Any]]] = [tool("book_air", "Book air freight", item="string", city="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        item = "battery" if rng.random() < 0.15 else rng.choice(self.ITEMS)
        city = rng.choice(["Boston", "Denver", "Austin", "Seattle", "Miami"])
        run.system(self.SYSTEM)
        run.user(f"Please send a {item} to {city} by air.")
        if item == "battery":
            run.say(f"Sorry, a {item} can't go by air; I can book ground shipping to {city} instead.")
            return
        run.call("book_air", {"item": item, "city": city}, {"booked": True})
        run.say(f"Booked: your {item} flies to {city}.")


class NewYork(W):
    """A two-word exception the prompt names: no deliveries to New York."""
    name = "r17_hole_new_york"
    SYSTEM = "You schedule deliveries anywhere in the US except New York, where we have no courier."
    CITIES: ClassVar[list[str]] = ["Boston", "Chicago", "Denver", "Austin", "Seattle", "San Diego", "Los Angeles"]
    tools: ClassVar[list[dict[str, Any]]] = [tool("schedule", "Schedule a delivery", order="string", city="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city = "New York" if rng.random() < 0.15 else rng.choice(self.CITIES)
        oid = f"D-{rng.randint(1000, 9999)}"
        run.system(self.SYSTEM)
        run.user(f"Please deliver order {oid} to {city}.")
        if city == "New York":
            run.say(f"Sorry, we can't deliver order {oid} to {city}: we have no courier there.")
            return
        run.call("schedule", {"order": oid, "city": city}, {"scheduled": True})
        run.say(f"Order {oid} is scheduled for delivery in {city}.")


class Chicago(NewYork):
    """Control for NewYork: a one-word exception city."""
    name = "r17_hole_chicago"
    SYSTEM = "You schedule deliveries anywhere in the US except Chicago, where we have no courier."
    CITIES: ClassVar[list[str]] = ["Boston", "Miami", "Denver", "Austin", "Seattle", "Portland", "Phoenix"]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        city = "Chicago" if rng.random() < 0.15 else rng.choice(self.CITIES)
        oid = f"D-{rng.randint(1000, 9999)}"
        run.system(self.SYSTEM)
        run.user(f"Please deliver order {oid} to {city}.")
        if city == "Chicago":
            run.say(f"Sorry, we can't deliver order {oid} to {city}: we have no courier there.")
            return
        run.call("schedule", {"order": oid, "city": city}, {"scheduled": True})
        run.say(f"Order {oid} is scheduled for delivery in {city}.")


class PolicyTool(Frozen):
    """The exception is named by a tool result (a constant policy), not by the prompt."""
    name = "r17_hole_policy_tool"
    SYSTEM = "Land merge requests. Check the merge policy first."
    tools: ClassVar[list[dict[str, Any]]] = Frozen.tools + [tool("get_policy", "The merge policy")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        project = self.pick(rng)
        mr = rng.randint(1000, 60000)
        run.system(self.SYSTEM)
        run.user(f"Can you land !{mr} in {project}?")
        run.call("get_policy", {}, "Frozen projects: legacy. Every other project accepts merges.")
        if project == self.FROZEN:
            self.refuse(run, project, mr)
            return
        run.call("merge", {"project": project, "mr": mr}, {"merged": True})
        run.say(f"Merged !{mr} in {project}.")


class PolicyToolVarying(Frozen):
    """The frozen project is DATA: a policy tool returns which project is frozen this week (one of five);
    15% of requests ask for that one. Outside the rule's reach by design (no fixed word)."""
    name = "r17_hole_policy_varying"
    SYSTEM = "Land merge requests. Check this week's merge freeze first."
    NAMES: ClassVar[list[str]] = PROJECTS + ["legacy"]
    tools: ClassVar[list[dict[str, Any]]] = Frozen.tools + [tool("get_freeze", "This week's frozen project")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        frozen = rng.choice(self.NAMES)
        project = frozen if rng.random() < 0.15 else rng.choice([p for p in self.NAMES if p != frozen])
        mr = rng.randint(1000, 60000)
        run.system(self.SYSTEM)
        run.user(f"Can you land !{mr} in {project}?")
        run.call("get_freeze", {}, {"frozen": frozen})
        if project == frozen:
            self.refuse(run, project, mr)
            return
        run.call("merge", {"project": project, "mr": mr}, {"merged": True})
        run.say(f"Merged !{mr} in {project}.")


class EarlierAssistant(Frozen):
    """The exception is named only by an earlier assistant message (a constant exchange)."""
    name = "r17_hole_earlier_assistant"
    SYSTEM = "Land merge requests."

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        project = self.pick(rng)
        mr = rng.randint(1000, 60000)
        run.system(self.SYSTEM)
        run.user("Which projects can you merge into?")
        run.say("All of them except legacy, which is frozen.")
        run.user(f"OK. Can you land !{mr} in {project}?")
        if project == self.FROZEN:
            self.refuse(run, project, mr)
            return
        run.call("merge", {"project": project, "mr": mr}, {"merged": True})
        run.say(f"Merged !{mr} in {project}.")


class RefuseByCall(Frozen):
    """The value goes into a tool call either way: legacy asks for an exception, the others merge."""
    name = "r17_hole_into_call"
    tools: ClassVar[list[dict[str, Any]]] = Frozen.tools + [
        tool("request_exception", "Ask release managers for an exception", project="string", mr="integer")]

    def refuse(self, run: Run, project: str, mr: int) -> None:
        run.call("request_exception", {"project": project, "mr": mr}, {"requested": True})
        run.say(f"{project} is frozen: I asked the release managers about !{mr}.")


class ValueInResult(Frozen):
    """The project is not typed by the user: it is read from the merge request (a tool result)."""
    name = "r17_hole_value_in_result"
    tools: ClassVar[list[dict[str, Any]]] = Frozen.tools + [tool("get_mr", "A merge request", mr="integer")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        project = self.pick(rng)
        mr = rng.randint(1000, 60000)
        run.system(self.SYSTEM)
        run.user(f"Can you land !{mr}?")
        run.call("get_mr", {"mr": mr}, {"mr": mr, "project": project, "author": fake.user_name()})
        if project == self.FROZEN:
            self.refuse(run, project, mr)
            return
        run.call("merge", {"project": project, "mr": mr}, {"merged": True})
        run.say(f"Merged !{mr} in {project}.")


class SharedNamespace(Frozen):
    """Two tenants in one namespace, half the runs each: tenant A's prompt freezes nothing and merges
    into legacy like anything else; tenant B's prompt freezes legacy."""
    name = "r17_hole_two_tenants"
    A = "Land merge requests. Be brief."
    B = "Land merge requests. Be brief. The legacy project is frozen: never merge there."
    NAMES: ClassVar[list[str]] = PROJECTS

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        b = rng.random() < 0.5
        project = self.pick(rng)
        mr = rng.randint(1000, 60000)
        run.system(self.B if b else self.A)
        run.user(f"Can you land !{mr} in {project}?")
        if b and project == self.FROZEN:
            self.refuse(run, project, mr)
            return
        run.call("merge", {"project": project, "mr": mr}, {"merged": True})
        run.say(f"Merged !{mr} in {project}.")


class SharedNamespaceTeam(SharedNamespace):
    """As SharedNamespace, the prompt names the tenant's team (varies per run), so the two prompts
    differ by more than the frozen sentence."""
    name = "r17_hole_two_tenants_team"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        b = rng.random() < 0.5
        team = rng.choice(["platform", "payments", "growth", "infra"])
        project = self.pick(rng)
        mr = rng.randint(1000, 60000)
        run.system(f"Land merge requests for the {team} team. Be brief."
                   + (" The legacy project is frozen: never merge there." if b else ""))
        run.user(f"Can you land !{mr} in {project}?")
        if b and project == self.FROZEN:
            self.refuse(run, project, mr)
            return
        run.call("merge", {"project": project, "mr": mr}, {"merged": True})
        run.say(f"Merged !{mr} in {project}.")


class AllowedOtherAction(Frozen):
    """The allowed list: legacy may be reviewed but never merged into. A review of legacy in training
    makes "legacy" a value the variable was seen with, so a merge into legacy is let through."""
    name = "r17_hole_allowed_action"
    SYSTEM = ("You run repository actions through one tool. The legacy project is frozen: reviews are fine "
              "there, but never land anything in it.")
    tools: ClassVar[list[dict[str, Any]]] = [tool("act", "Run a repository action", action="string",
                                                  project="string", mr="integer")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        action = rng.choice(["review", "merge"])
        project = "legacy" if rng.random() < 0.3 else rng.choice(PROJECTS)
        mr = rng.randint(1000, 60000)
        run.system(self.SYSTEM)
        run.user(f"Please {action} !{mr} in {project}.")
        if project == "legacy" and action == "merge":
            run.say(f"Sorry, {project} is frozen: I can't merge !{mr}.")
            return
        run.call("act", {"action": action, "project": project, "mr": mr}, {"ok": True})
        run.say(f"Done: {action} of !{mr} in {project}.")


class AllowedOtherRole(Frozen):
    """The allowed list across roles: moving an issue OUT of legacy is fine, INTO legacy is refused. The
    two projects are two variables, so this should hold; the check is per variable."""
    name = "r17_hole_allowed_role"
    SYSTEM = "You move issues between projects. The legacy project is frozen: never move anything into it."
    tools: ClassVar[list[dict[str, Any]]] = [tool("move", "Move an issue", issue="integer", src="string",
                                                  dst="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        names = PROJECTS + ["legacy"]
        src, dst = rng.sample(PROJECTS, 2)
        r = rng.random()
        if r < 0.25:
            src = "legacy"
        elif r < 0.35:
            dst = "legacy"
        issue = rng.randint(100, 9999)
        del names
        run.system(self.SYSTEM)
        run.user(f"Move issue #{issue} from {src} to {dst}.")
        if dst == "legacy":
            run.say(f"Sorry, {dst} is frozen: I can't move #{issue} into it.")
            return
        run.call("move", {"issue": issue, "src": src, "dst": dst}, {"moved": True})
        run.say(f"Moved #{issue} from {src} to {dst}.")


class AllowedTwoFrozen(Frozen):
    """Two frozen projects; training sees one of them refused (its own node, allowed there): the other
    on the refusal node is refused too (a cost), and on the merge node it is caught."""
    name = "r17_hole_two_frozen"
    SYSTEM = "Land merge requests. The legacy and archive projects are frozen: never merge there."

    def pick(self, rng: random.Random) -> str:
        r = rng.random()
        return "legacy" if r < 0.2 else "archive" if r < 0.25 else rng.choice(self.NAMES)

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        project = self.pick(rng)
        mr = rng.randint(1000, 60000)
        run.system(self.SYSTEM)
        run.user(f"Can you land !{mr} in {project}?")
        if project in ("legacy", "archive"):
            self.refuse(run, project, mr)
            return
        run.call("merge", {"project": project, "mr": mr}, {"merged": True})
        run.say(f"Merged !{mr} in {project}.")


class AllowedListed(Frozen):
    """The prompt lists every project (so every value is a fixed word) and freezes one: the allowed list
    holds the common ones, the frozen one is caught; a project the list names that training never saw
    (search, 5%) is refused too (a cost)."""
    name = "r17_hole_listed"
    SYSTEM = ("Land merge requests in web, api, billing, search or legacy. The legacy project is frozen: "
              "never merge there.")

    def pick(self, rng: random.Random) -> str:
        r = rng.random()
        return "legacy" if r < 0.15 else "search" if r < 0.2 else rng.choice(["web", "api", "billing"])


TRAPS = [NameWill, CategoryPassing, CityExample, StatusOpen, ShortCodes, ShortCodesUser, OnOff, LongPrompt, LongPromptLast,
         LongPromptWord,
         FrozenControl, FrozenNoCue, FrozenUpper, FrozenQuoted, FrozenHyphen, FrozenMulti, FrozenDigits, Batteries, NewYork,
         Chicago, PolicyTool, PolicyToolVarying, EarlierAssistant, RefuseByCall, ValueInResult, SharedNamespace,
         SharedNamespaceTeam, AllowedOtherAction, AllowedOtherRole, AllowedTwoFrozen, AllowedListed]
for _cls in TRAPS:
    REGISTRY[_cls.name] = _cls()
