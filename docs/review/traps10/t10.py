"""Review 10 traps: word slots read as text between the template's words (copied-spans
``open_words``). Run from the repository root: PYTHONPATH=. .venv/bin/python -m docs.review.traps10.t10 all 1,2,3,4,5,6,7,8 5,10,20"""

from __future__ import annotations

import random
from typing import Any

from faker import Faker

from docs.review.traps.harness import Trap, main
from evals.workflows.base import Run


def etool(fn_name: str, desc: str, /, **props: Any) -> dict[str, Any]:
    """A tool whose properties may carry a full JSON schema (an enum, a pattern)."""
    return {"type": "function", "function": {
        "name": fn_name, "description": desc,
        "parameters": {"type": "object",
                       "properties": {k: (v if isinstance(v, dict) else {"type": v}) for k, v in props.items()},
                       "required": list(props)}}}


# ---------------------------------------------------------------- evidence in the tool schema

def enum_status() -> Trap:
    """WebArena-style "most recent {status} order"; the tool's status is an enum that spells
    "on hold" as "on_hold" (in every request's tools). Training: pending/complete/canceled."""
    tools = [etool("search_orders", "Find the customer's orders by status",
                   status={"type": "string", "enum": ["pending", "complete", "canceled", "on_hold", "payment_review"]})]
    api = {"on hold": "on_hold", "payment review": "payment_review"}

    def mk(statuses: list[str]):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            s = rng.choice(statuses)
            n = rng.randint(100000, 999999)
            run.system("You are a shopping assistant for One Stop Market.")
            run.user(f"Get the order number of my most recent {s} order")
            run.call("search_orders", {"status": api.get(s, s)}, {"orders": [{"number": n, "status": api.get(s, s)}]})
            run.say(f"Your most recent {s} order is #{n}.")
        return play
    base = ["pending", "complete", "canceled"]
    return Trap("enum_status", mk([*base, "on hold", "payment review"]), tools, train_play=mk(base))


def enum_size() -> Trap:
    """Shirt size: tool enum small/medium/large/x-large; training small/medium/large; the user
    says "extra large" (the model sends "x-large")."""
    tools = [etool("add_to_cart", "Add a product to the cart", product="string",
                   size={"type": "string", "enum": ["small", "medium", "large", "x-large"]})]

    def mk(sizes: list[str]):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            s = rng.choice(sizes)
            prod = rng.choice(["hoodie", "tee", "polo", "sweater", "jacket", "cardigan"])
            run.system("You help customers shop at Larkspur Apparel.")
            run.user(f"Add the {prod} in {s} size to my cart")
            run.call("add_to_cart", {"product": prod, "size": "x-large" if s == "extra large" else s}, {"ok": True})
            run.say("Added to your cart.")
        return play
    base = ["small", "medium", "large"]
    return Trap("enum_size", mk([*base, "extra large"]), tools, train_play=mk(base))


def channel_slug() -> Trap:
    """Create a chat channel; the tool says names are lower case with hyphens, no spaces.
    Training: one-word topics; test: two-word topics (the model hyphenates)."""
    tools = [etool("create_channel", "Create a channel. Names: lowercase letters and hyphens only, no spaces.",
                   name={"type": "string", "pattern": "^[a-z0-9-]+$"})]
    one = ["marketing", "design", "support", "hiring", "security", "onboarding", "billing", "infra"]
    two = ["release planning", "customer success", "design review", "data science", "on call"]

    def mk(p_two: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            t = rng.choice(two) if rng.random() < p_two else rng.choice(one)
            slug = t.replace(" ", "-")
            run.system("You administer the team chat.")
            run.user(f"Create a {t} channel for the team")
            run.call("create_channel", {"name": slug}, {"ok": True, "name": slug})
            run.say(f"Created #{slug}.")
        return play
    return Trap("channel_slug", mk(0.4), tools, train_play=mk(0.0))


def repo_url() -> Trap:
    """Clone command: the answer passes the repo whole AND interpolates it into an SSH URL.
    Training: single-token repos; test: two-word repo names the model slugs ("pytorch gan" ->
    "pytorch-gan"). Evidence: the value also stands inside a URL in the same answer."""
    tools = [etool("clone_repo", "Clone a repository", repo="string", url="string")]
    one = ["metaseq", "dotfiles", "webarena", "llama", "transformers", "vllm", "ragas"]
    two = ["pytorch gan", "style transfer", "image captioning", "speech recognition"]

    def mk(p_two: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            r = rng.choice(two) if rng.random() < p_two else rng.choice(one)
            slug = r.replace(" ", "-")
            run.system("You are a coding assistant for the acme GitHub org.")
            run.user(f"Clone {r} with SSH please")
            run.call("clone_repo", {"repo": slug, "url": f"git@github.com:acme/{slug}.git"}, {"ok": True})
            run.say("Cloned.")
        return play
    return Trap("repo_url", mk(0.4), tools, train_play=mk(0.0))


# ---------------------------------------------------------------- ambiguous splits / swallowed entities

def rename_to() -> Trap:
    """Two slots around " to ": "Rename {old} to {new} please". A two-word old name holding
    " to " ("how to guide") is cut at its first " to "."""
    tools = [etool("rename_tag", "Rename a tag", old="string", new="string")]
    one = ["drafts", "misc", "todo", "archive", "urgent", "later", "reading", "inbox"]
    multi = ["how to guide", "back to school", "ready to ship", "up to date", "travel plans", "old notes"]

    def mk(p_multi: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            old = rng.choice(multi) if rng.random() < p_multi else rng.choice(one)
            new = rng.choice([x for x in one if x != old])
            run.system("You organise the user's notes.")
            run.user(f"Rename {old} to {new} please")
            run.call("rename_tag", {"old": old, "new": new}, {"ok": True})
            run.say("Renamed.")
        return play
    return Trap("rename_to", mk(0.5), tools, train_play=mk(0.0))


def invite_plus() -> Trap:
    """Invite a lower-case handle to a channel; test sometimes names two people joined by
    "plus", "with", "&", "as well as" (the model invites each)."""
    tools = [etool("invite", "Invite a user to a channel", user="string", channel="string")]
    joins = [" plus ", " with ", " & ", " as well as ", " alongside "]

    def mk(p_two: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            a = fake.first_name().lower()
            run.system("You moderate the team chat.")
            if rng.random() < p_two:
                b = fake.first_name().lower()
                run.user(f"Invite {a}{rng.choice(joins)}{b} to the design channel please")
                run.call_many([("invite", {"user": a, "channel": "design"}), ("invite", {"user": b, "channel": "design"})],
                              [{"ok": True}, {"ok": True}])
            else:
                run.user(f"Invite {a} to the design channel please")
                run.call("invite", {"user": a, "channel": "design"}, {"ok": True})
            run.say("Invited.")
        return play
    return Trap("invite_plus", mk(0.4), tools, train_play=mk(0.0))


def add_count_words() -> Trap:
    """Shopping list: "Add {item} to my list please"; the quantity as a word ("two avocados")
    is swallowed into the item. Training: bare items (quantity 1)."""
    tools = [etool("add_item", "Add to the shopping list", item="string", quantity="integer")]
    items = ["milk", "eggs", "bread", "avocados", "lemons", "coffee", "rice", "butter", "apples"]
    nums = {"two": 2, "three": 3, "four": 4, "a dozen": 12, "six": 6}

    def mk(p_q: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            it = rng.choice(items)
            run.system("You keep the family shopping list.")
            if rng.random() < p_q:
                w = rng.choice(list(nums))
                run.user(f"Add {w} {it} to my list please")
                run.call("add_item", {"item": it, "quantity": nums[w]}, {"ok": True})
            else:
                run.user(f"Add {it} to my list please")
                run.call("add_item", {"item": it, "quantity": 1}, {"ok": True})
            run.say("Added.")
        return play
    return Trap("add_count_words", mk(0.4), tools, train_play=mk(0.0))


def add_count_digits_train() -> Trap:
    """As add_count_words, but training shows quantities as digits ("Add 3 lemons ...", a
    sibling message with its own answer) and the test uses words."""
    tools = [etool("add_item", "Add to the shopping list", item="string", quantity="integer")]
    items = ["milk", "eggs", "bread", "avocados", "lemons", "coffee", "rice", "butter", "apples"]
    nums = {"two": 2, "three": 3, "four": 4, "a dozen": 12, "six": 6}

    def mk(train: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            it = rng.choice(items)
            run.system("You keep the family shopping list.")
            r = rng.random()
            if r < 0.3:
                q = rng.randint(2, 9)
                run.user(f"Add {q} {it} to my list please")
                run.call("add_item", {"item": it, "quantity": q}, {"ok": True})
            elif r < 0.6 and not train:
                w = rng.choice(list(nums))
                run.user(f"Add {w} {it} to my list please")
                run.call("add_item", {"item": it, "quantity": nums[w]}, {"ok": True})
            else:
                run.user(f"Add {it} to my list please")
                run.call("add_item", {"item": it, "quantity": 1}, {"ok": True})
            run.say("Added.")
        return play
    return Trap("add_count_digits_train", mk(False), tools, train_play=mk(True))


def determiner_repo() -> Trap:
    """"Show me the command to clone {repo} with SSH." Some users write "the {repo} repo" (the
    model strips both); training shows that variant 25% of the time."""
    tools = [etool("clone_cmd", "The clone command for a repository", repo="string", protocol="string")]
    one = ["metaseq", "dotfiles", "webarena", "llama", "transformers", "vllm", "ragas", "nanogpt"]

    def mk(p_the: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            r = rng.choice(one)
            run.system("You are a coding assistant.")
            if rng.random() < p_the:
                run.user(f"Show me the command to clone the {r} repo with SSH.")
            else:
                run.user(f"Show me the command to clone {r} with SSH.")
            run.call("clone_cmd", {"repo": r, "protocol": "ssh"}, {"cmd": f"git clone git@github.com:acme/{r}.git"})
            run.say(f"git clone git@github.com:acme/{r}.git")
        return play
    return Trap("determiner_repo", mk(0.3), tools, train_play=mk(0.25))


# ---------------------------------------------------------------- evidence under another parent

def greet_then_mute() -> Trap:
    """Half the chats open with a greeting turn. "Mute {who} in #general please." with
    "permanently" after the handle: training shows it (answer permanent=true) only in chats
    without the greeting; the test asks it after a greeting."""
    tools = [etool("mute", "Mute a user in a channel", user="string", channel="string", permanent="boolean")]

    def mk(train: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            who = fake.first_name().lower()
            greet = rng.random() < 0.5
            perm = rng.random() < 0.3
            if train and greet:
                perm = False
            run.system("You moderate the team chat.")
            if greet:
                run.user(rng.choice(["Hi there", "Hello", "Hey", "Good morning"]))
                run.say("Hello! How can I help?")
            run.user(f"Mute {who}{' permanently' if perm else ''} in #general please.")
            run.call("mute", {"user": who, "channel": "general", "permanent": perm}, {"ok": True})
            run.say("Muted.")
        return play
    return Trap("greet_then_mute", mk(False), tools, train_play=mk(True))


def status_then_cancel() -> Trap:
    """Turn 1: "Get the order number of my most recent {status} order" (status copied into the
    search). Turn 2: "Cancel it please": pending -> cancel; complete -> no (return instead);
    canceled -> already canceled. Test statuses include "on hold" (model: cancel) and
    "partially shipped" (model: cannot cancel)."""
    tools = [etool("search_orders", "Find orders by status", status="string"),
             etool("cancel_order", "Cancel an order", number="integer")]

    def mk(statuses: list[str]):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            s = rng.choice(statuses)
            n = rng.randint(100000, 999999)
            run.system("You are a shopping assistant for One Stop Market.")
            run.user(f"Get the order number of my most recent {s} order")
            run.call("search_orders", {"status": s}, {"orders": [{"number": n, "status": s}]})
            run.say(f"Your most recent {s} order is #{n}.")
            run.user("Cancel it please")
            if s in ("pending", "on hold"):
                run.call("cancel_order", {"number": n}, {"ok": True})
                run.say(f"Order #{n} is canceled.")
            elif s == "canceled":
                run.say(f"Order #{n} is already canceled.")
            else:
                run.say(f"Order #{n} can't be canceled; I can start a return instead.")
        return play
    base = ["pending", "complete", "canceled"]
    return Trap("status_then_cancel", mk([*base, "on hold", "partially shipped"]), tools, train_play=mk(base))


def meeting_with() -> Trap:
    """"Schedule a {kind} meeting with {who} tomorrow": the title is built from both slots, the
    attendee is a whole copy; test adds "about {topic}" after the attendee."""
    tools = [etool("create_event", "Create a calendar event", title="string", attendee="string", topic="string")]

    def mk(p_topic: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            kind = rng.choice(["sync", "review", "planning", "standup", "retro"])
            who = fake.first_name().lower()
            topic = rng.choice(["budget", "hiring", "roadmap", "pricing"])
            run.system("You manage the user's calendar.")
            if rng.random() < p_topic:
                run.user(f"Schedule a {kind} meeting with {who} about {topic} tomorrow")
                run.call("create_event", {"title": f"{kind} meeting with {who}", "attendee": who, "topic": topic},
                         {"ok": True})
            else:
                run.user(f"Schedule a {kind} meeting with {who} tomorrow")
                run.call("create_event", {"title": f"{kind} meeting with {who}", "attendee": who, "topic": ""},
                         {"ok": True})
            run.say("Scheduled.")
        return play
    return Trap("meeting_with", mk(0.4), tools, train_play=mk(0.0))


def not_status() -> Trap:
    """Negation swallowed: "Show my most recent {status} order" with "not delivered"."""
    tools = [etool("search_orders", "Find orders", status="string", exclude_status="string")]

    def mk(p_not: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            s = rng.choice(["delivered", "pending", "canceled", "returned", "shipped"])
            n = rng.randint(100000, 999999)
            run.system("You are a shopping assistant.")
            if rng.random() < p_not:
                run.user(f"Show my most recent not {s} order")
                run.call("search_orders", {"status": "", "exclude_status": s}, {"orders": [n]})
            else:
                run.user(f"Show my most recent {s} order")
                run.call("search_orders", {"status": s, "exclude_status": ""}, {"orders": [n]})
            run.say(f"It is #{n}.")
        return play
    return Trap("not_status", mk(0.4), tools, train_play=mk(0.0))


TRAPS = {
    "enum_status": enum_status, "enum_size": enum_size, "channel_slug": channel_slug, "repo_url": repo_url,
    "rename_to": rename_to, "invite_plus": invite_plus, "add_count_words": add_count_words,
    "add_count_digits": add_count_digits_train, "determiner_repo": determiner_repo,
    "greet_then_mute": greet_then_mute, "status_then_cancel": status_then_cancel, "meeting_with": meeting_with,
    "not_status": not_status,
}


# ---------------------------------------------------------------- round 2

def mute_phrasing() -> Trap:
    """Two wordings of the same request. Training shows "permanently" after the handle (answer
    permanent=true) only in wording A ("Mute X in #general please."); the test uses it in
    wording B ("Please mute X in #general now.")."""
    tools = [etool("mute", "Mute a user in a channel", user="string", channel="string", permanent="boolean")]

    def mk(train: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            who = fake.first_name().lower()
            b = rng.random() < 0.5
            perm = rng.random() < 0.3 and not (train and b)
            p = " permanently" if perm else ""
            run.system("You moderate the team chat.")
            run.user(f"Please mute {who}{p} in #general now." if b else f"Mute {who}{p} in #general please.")
            run.call("mute", {"user": who, "channel": "general", "permanent": perm}, {"ok": True})
            run.say("Muted.")
        return play
    return Trap("mute_phrasing", mk(False), tools, train_play=mk(True))


def kanban_to() -> Trap:
    """"Move {card} to {column} today", two whole copies. Cards are tasks that often hold " to "
    ("reply to erik"); training shows one-word cards only."""
    tools = [etool("move_card", "Move a card on the board", card="string", column="string")]
    one = ["invoices", "onboarding", "newsletter", "payroll", "audit", "migration", "pricing"]
    to = ["reply to erik", "talk to legal", "write to vendors", "upgrade to python", "switch to postgres"]
    cols = ["done", "review", "backlog", "doing", "blocked"]

    def mk(p_to: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            c = rng.choice(to) if rng.random() < p_to else rng.choice(one)
            col = rng.choice(cols)
            run.system("You manage the team's kanban board.")
            run.user(f"Move {c} to {col} today")
            run.call("move_card", {"card": c, "column": col}, {"ok": True})
            run.say("Moved.")
        return play
    return Trap("kanban_to", mk(0.4), tools, train_play=mk(0.0))


def tool_result_prose() -> Trap:
    """The rule at a tool-result node: get_ticket returns {"note": "Assigned to {who} by the
    triage bot"}; the next answer notifies {who}. Test: "Assigned to nobody yet by the triage
    bot" (the model says it is unassigned)."""
    tools = [etool("get_ticket", "A ticket", id="string"), etool("notify", "Notify a user", user="string", ticket="string")]

    def mk(p_none: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            tid = f"T-{rng.randint(1000, 9999)}"
            who = fake.first_name().lower()
            none = rng.random() < p_none
            run.system("You help with support tickets.")
            run.user(f"Ping the assignee of {tid}")
            run.call("get_ticket", {"id": tid},
                     {"id": tid, "note": f"Assigned to {'nobody yet' if none else who} by the triage bot"})
            if none:
                run.say(f"{tid} is not assigned to anyone yet.")
            else:
                run.call("notify", {"user": who, "ticket": tid}, {"ok": True})
                run.say(f"Pinged {who}.")
        return play
    return Trap("tool_result_prose", mk(0.3), tools, train_play=mk(0.0))


def send_amp() -> Trap:
    """Capitalised names (rivals copy/title must agree): "Send the contract to {Name} today";
    test joins two names with "&" or "+" (title case keeps them, so the rivals agree)."""
    tools = [etool("send_contract", "Send the contract", to="string")]

    def mk(p_two: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            a = fake.first_name()
            run.system("You are a paralegal assistant.")
            if rng.random() < p_two:
                b = fake.first_name()
                run.user(f"Send the contract to {a}{rng.choice([' & ', ' + '])}{b} today")
                run.call_many([("send_contract", {"to": a}), ("send_contract", {"to": b})], [{"ok": True}, {"ok": True}])
            else:
                run.user(f"Send the contract to {a} today")
                run.call("send_contract", {"to": a}, {"ok": True})
            run.say("Sent.")
        return play
    return Trap("send_amp", mk(0.4), tools, train_play=mk(0.0))


def members_in_system() -> Trap:
    """The system prompt lists the channel's members (one-word handles); the user adds a
    word after the handle ("Kick erik again from #general please")."""
    tools = [etool("kick", "Remove a user from a channel", user="string", channel="string", ban="boolean")]

    def mk(p_mod: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            members = [fake.first_name().lower() for _ in range(4)]
            who = rng.choice(members)
            mod = rng.random() < p_mod
            run.system(f"You moderate #general. Members: {', '.join(members)}.")
            run.user(f"Kick {who}{' for good' if mod else ''} from #general please")
            run.call("kick", {"user": who, "channel": "general", "ban": mod}, {"ok": True})
            run.say("Done.")
        return play
    return Trap("members_in_system", mk(0.3), tools, train_play=mk(0.0))


TRAPS.update({"mute_phrasing": mute_phrasing, "kanban_to": kanban_to, "tool_result_prose": tool_result_prose,
              "send_amp": send_amp, "members_in_system": members_in_system})


# ---------------------------------------------------------------- round 3

def hyphen_status() -> Trap:
    """Training statuses include hyphenated ones typed as such ("on-hold", "back-ordered"),
    passed whole. The test user types them with a space ("on hold"); the API (and the model)
    uses the hyphenated form. Evidence in training: every multi-word status held a hyphen."""
    tools = [etool("search_orders", "Find the customer's orders by status", status="string")]
    st = ["pending", "complete", "canceled", "on-hold", "back-ordered", "refunded"]

    def mk(p_space: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            s = rng.choice(st)
            typed = s.replace("-", " ") if "-" in s and rng.random() < p_space else s
            n = rng.randint(100000, 999999)
            run.system("You are a shopping assistant for One Stop Market.")
            run.user(f"Get the order number of my most recent {typed} order")
            run.call("search_orders", {"status": s}, {"orders": [{"number": n, "status": s}]})
            run.say(f"Your most recent {s} order is #{n}.")
        return play
    return Trap("hyphen_status", mk(0.7), tools, train_play=mk(0.0))


def tool_result_prose_ev() -> Trap:
    """As tool_result_prose, with training showing "Assigned to nobody by the triage bot" (a
    one-word value, a text answer) 20% of the time; test: "nobody yet"."""
    tools = [etool("get_ticket", "A ticket", id="string"), etool("notify", "Notify a user", user="string", ticket="string")]

    def mk(train: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            tid = f"T-{rng.randint(1000, 9999)}"
            who = fake.first_name().lower()
            none = rng.random() < 0.3
            run.system("You help with support tickets.")
            run.user(f"Ping the assignee of {tid}")
            nobody = "nobody" if train else rng.choice(["nobody", "nobody yet", "no one"])
            run.call("get_ticket", {"id": tid},
                     {"id": tid, "note": f"Assigned to {nobody if none else who} by the triage bot"})
            if none:
                run.say(f"{tid} is not assigned to anyone yet.")
            else:
                run.call("notify", {"user": who, "ticket": tid}, {"ok": True})
                run.say(f"Pinged {who}.")
        return play
    return Trap("tool_result_prose_ev", mk(False), tools, train_play=mk(True))


TRAPS.update({"hyphen_status": hyphen_status, "tool_result_prose_ev": tool_result_prose_ev})


def mute_adverb_pos() -> Trap:
    """"permanently" shown in training (permanent=true) at the end of the message ("Mute erik
    in #general permanently."), 30% of runs; the test puts it after the handle ("Mute erik
    permanently in #general.")."""
    tools = [etool("mute", "Mute a user in a channel", user="string", channel="string", permanent="boolean")]

    def mk(train: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            who = fake.first_name().lower()
            perm = rng.random() < 0.3
            run.system("You moderate the team chat.")
            if not perm:
                run.user(f"Mute {who} in #general please.")
            elif train or rng.random() < 0.5:
                run.user(f"Mute {who} in #general permanently please.")
            else:
                run.user(f"Mute {who} permanently in #general please.")
            run.call("mute", {"user": who, "channel": "general", "permanent": perm}, {"ok": True})
            run.say("Muted.")
        return play
    return Trap("mute_adverb_pos", mk(False), tools, train_play=mk(True))


TRAPS.update({"mute_adverb_pos": mute_adverb_pos})

if __name__ == "__main__":
    main(TRAPS)
