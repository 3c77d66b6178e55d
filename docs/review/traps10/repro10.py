"""Minimal reproductions for review 10 (copied-spans ``open_words``): fixed training runs, a
few test requests, each printed as ok / miss / FALSE HIT.
Run from the repository root: PYTHONPATH=. .venv/bin/python -m docs.review.traps10.repro10 [name]
(the rule was taken out: every case is ok or a miss now)."""
from __future__ import annotations

import random
import sys
import zlib
from types import SimpleNamespace

from docs.review.traps9.repro_util import check, induce_runs
from docs.review.traps10.t10 import etool
from evals.workflows.base import Run


def runs(tools, script, items):
    out = []
    for it in items:
        r = Run(SimpleNamespace(tools=tools), random.Random(zlib.crc32(str(it).encode())))
        script(r, *it)
        out.append(r.records)
    return out


def first_call(recs):
    """The record of each test run that answers with the first tool call after the last user
    message (the request under test)."""
    return [r for r in recs if r["request"]["messages"][-1]["role"] == "user"][-1]


def after_tool(recs):
    """The record answering the first tool result."""
    return next(r for r in recs if r["request"]["messages"][-1]["role"] == "tool")


def case(title, tools, script, train, tests, pick=first_call):
    print(f"## {title}")
    tree, result = induce_runs(runs(tools, script, train))
    for it, recs in zip(tests, runs(tools, script, tests), strict=True):
        check(tree, result, f"test {it}", pick(recs), verbose=False)
    print()


# 1. enum in the tool schema -------------------------------------------------------------
ENUM = [etool("search_orders", "Find the customer's orders by status",
              status={"type": "string", "enum": ["pending", "complete", "canceled", "on_hold"]})]


def enum_script(r, typed, api, n):
    r.system("You are a shopping assistant for One Stop Market.")
    r.user(f"Get the order number of my most recent {typed} order")
    r.call("search_orders", {"status": api}, {"orders": [{"number": n, "status": api}]})
    r.say(f"Your most recent {typed} order is #{n}.")


# 2. hyphenated statuses in training ------------------------------------------------------
HYPH = [etool("search_orders", "Find the customer's orders by status", status="string")]

# 3. value interpolated into a URL in the same answer --------------------------------------
REPO = [etool("clone_repo", "Clone a repository", repo="string", url="string")]


def repo_script(r, typed, slug):
    r.system("You are a coding assistant for the acme GitHub org.")
    r.user(f"Clone {typed} with SSH please")
    r.call("clone_repo", {"repo": slug, "url": f"git@github.com:acme/{slug}.git"}, {"ok": True})
    r.say("Cloned.")


# 4. evidence under another parent (a greeting turn) ---------------------------------------
MUTE = [etool("mute", "Mute a user in a channel", user="string", channel="string", permanent="boolean")]


def mute_script(r, greet, who, perm):
    r.system("You moderate the team chat.")
    if greet:
        r.user(greet)
        r.say("Hello! How can I help?")
    r.user(f"Mute {who}{' permanently' if perm else ''} in #general please.")
    r.call("mute", {"user": who, "channel": "general", "permanent": perm}, {"ok": True})
    r.say("Muted.")


# 5. a JSON tool result's prose -------------------------------------------------------------
TICKET = [etool("get_ticket", "A ticket", id="string"), etool("notify", "Notify a user", user="string", ticket="string")]


def ticket_script(r, tid, who):
    r.system("You help with support tickets.")
    r.user(f"Ping the assignee of {tid}")
    r.call("get_ticket", {"id": tid}, {"id": tid, "note": f"Assigned to {who} by the triage bot"})
    if who.startswith("nobody"):
        r.say(f"{tid} is not assigned to anyone yet.")
    else:
        r.call("notify", {"user": who, "ticket": tid}, {"ok": True})
        r.say(f"Pinged {who}.")


# 6. two people joined by "plus" / "with" / "&" ----------------------------------------------
INVITE = [etool("invite", "Invite a user to a channel", user="string", channel="string")]


def invite_script(r, a, j, b):
    r.system("You moderate the team chat.")
    r.user(f"Invite {a}{j}{b} to the design channel please" if b else f"Invite {a} to the design channel please")
    if b:
        r.call_many([("invite", {"user": a, "channel": "design"}), ("invite", {"user": b, "channel": "design"})],
                    [{"ok": True}, {"ok": True}])
    else:
        r.call("invite", {"user": a, "channel": "design"}, {"ok": True})
    r.say("Invited.")


def adverb_script(r, who, where):
    r.system("You moderate the team chat.")
    r.user({"": f"Mute {who} in #general please.", "end": f"Mute {who} in #general permanently please.",
            "mid": f"Mute {who} permanently in #general please."}[where])
    r.call("mute", {"user": who, "channel": "general", "permanent": bool(where)}, {"ok": True})
    r.say("Muted.")


LIST = [etool("add_item", "Add to the shopping list", item="string", quantity="integer")]


def list_script(r, typed, item, q):
    r.system("You keep the family shopping list.")
    r.user(f"Add {typed} to my list please")
    r.call("add_item", {"item": item, "quantity": q}, {"ok": True})
    r.say("Added.")


CASES = {
    "enum_schema": lambda: case(
        "enum_schema: the tool's enum spells it on_hold; training pending/complete/canceled",
        ENUM, enum_script,
        [("pending", "pending", 111111), ("complete", "complete", 222222), ("canceled", "canceled", 333333),
         ("pending", "pending", 444444), ("complete", "complete", 555555)],
        [("canceled", "canceled", 999999), ("on hold", "on_hold", 777777)]),
    "hyphen_status": lambda: case(
        "hyphen_status: training shows multi-word statuses hyphenated (on-hold, back-ordered)",
        HYPH, enum_script,
        [("pending", "pending", 111111), ("on-hold", "on-hold", 222222), ("canceled", "canceled", 333333),
         ("back-ordered", "back-ordered", 444444), ("complete", "complete", 555555)],
        [("on-hold", "on-hold", 999999), ("on hold", "on-hold", 777777)]),
    "repo_url": lambda: case(
        "repo_url: the repo is also interpolated into the SSH URL of the same call",
        REPO, repo_script,
        [("metaseq", "metaseq"), ("dotfiles", "dotfiles"), ("vllm", "vllm"), ("llama", "llama"), ("ragas", "ragas")],
        [("webarena", "webarena"), ("pytorch gan", "pytorch-gan")]),
    "greet_mute": lambda: case(
        "greet_mute: 'permanently' shown in training, but only in chats without a greeting",
        MUTE, mute_script,
        [(None, "ryan", False), (None, "brenda", True), (None, "pamela", False), (None, "monica", True),
         (None, "barbara", False), ("Hello", "hector", False), ("Hello", "jon", False)],
        [(None, "carl", False), (None, "matthew", True), ("Hello", "carl", False), ("Hello", "matthew", True)]),
    "tool_result": lambda: case(
        "tool_result: a tool result's prose note, 'Assigned to {who} by the triage bot'",
        TICKET, ticket_script,
        [("T-1001", "erik"), ("T-1002", "maria"), ("T-1003", "jon"), ("T-1004", "ann"), ("T-1005", "liam")],
        [("T-2001", "zoe"), ("T-2002", "nobody yet")], pick=after_tool),
    "invite_plus": lambda: case(
        "invite_plus: two handles joined by plus / with / & / as well as (training: one handle)",
        INVITE, invite_script,
        [("erik", "", None), ("maria", "", None), ("jon", "", None), ("ann", "", None), ("liam", "", None)],
        [("zoe", "", None), ("zoe", " plus ", "max"), ("zoe", " with ", "max"), ("zoe", " & ", "max"),
         ("zoe", " and ", "max")]),
    "adverb_pos": lambda: case(
        "adverb_pos: training shows 'permanently' (permanent=true) at the end; test puts it after the handle",
        MUTE, adverb_script,
        [("ryan", ""), ("brenda", "end"), ("pamela", ""), ("monica", "end"), ("barbara", ""), ("jon", "")],
        [("carl", ""), ("matthew", "end"), ("matthew", "mid")]),
    "digits": lambda: case(
        "digits: no training value held a digit, yet the widened slot takes '4 apples' (and 'four apples')",
        LIST, list_script,
        [("milk", "milk", 1), ("eggs", "eggs", 1), ("bread", "bread", 1), ("rice", "rice", 1), ("lemons", "lemons", 1)],
        [("butter", "butter", 1), ("4 apples", "apples", 4), ("four apples", "apples", 4), ("oat milk", "oat milk", 1)]),
}

if __name__ == "__main__":
    for name in sys.argv[1:] or list(CASES):
        CASES[name]()
