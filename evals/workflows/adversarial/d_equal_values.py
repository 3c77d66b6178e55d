"""Adversarial workflows, family D: variables that are always (or usually) equal, or related (one inside the other);
case and whitespace normalisation.

Each names the rules it guards (``guards``: names in ``induction.rules.RULES``).
"""

from __future__ import annotations

import random
import unicodedata
from typing import Any, ClassVar

from faker import Faker

from evals.workflows.adversarial.base import (
    R6_ACC,
    R6_DAYS,
    Adversarial,
)
from evals.workflows.base import Run, tool

# --- D: equal variables, case and whitespace normalisation -----------------------------------


class UsuallyEqualCities(Adversarial):
    """Billing and shipping city are equal four runs in five; the agent ships to the shipping city.

    Trap: the answer's city bound to the billing city (the first equal variable) fits
    every run where they are equal.
    """

    name = "usually_equal_cities"
    reviewer_name = "h_addr"
    family = "D"
    guards = ("structure-evidence", "rivals")
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
    guards = ("rivals", "closed-values")
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
    guards = ("rivals",)
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
    guards = ("rivals", "closed-values")
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
    guards = ("rivals",)
    description = "A name typed with a trailing space (one run in four), trimmed in a tool argument and the answer."
    tools: ClassVar[list[dict[str, Any]]] = [tool("lookup_customer", "Find a customer", name="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        who = fake.name()
        typed = who + (" " if rng.random() < 0.25 else "")
        run.system("You look customers up.")
        run.user(f"Find the customer {typed}")
        run.call("lookup_customer", {"name": who}, {"found": True})
        run.say(f"{who} is a customer.")

# --- The sixth round (a reviewer's hunt of 2026-11-22, ``/tmp/hunt9/traps.py``) ------------
# How two values relate decides the answer (equal, one inside the other), and training showed
# only one case: two text variables never related in any call, or related in every call, are
# kept as ``ResponseTemplate.apart`` / ``together``; a request showing the other case misses.
# Four known limits: a value equal to a fixed word of the template (not a slot pair).


class CorrectionUsuallySame(Adversarial):
    """Turn 2 repeats the day (80%) or corrects it: the answer must use turn 2's day."""
    name = "correction_usually_same"
    reviewer_name = "h9_correction"
    family = "D"
    guards = ("relations",)
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
    guards = ("relations",)
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
    guards = ("unread-values", "relations")
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
    guards = ("relations",)
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
    guards = ("relations",)
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
    guards = ("relations",)
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
    guards = ("relations",)
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
    guards = ("relations",)
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
    guards = ("relations",)
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
    guards = ("relations",)
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
    guards = ("relations",)
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
    guards = ("relations", "fixed-words")
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
    guards = ("enum-values", "context-bound", "relations")
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
    guards = ("enum-values", "relations")
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


class ReassignSameOwner(Adversarial):
    """Tool gives the current owner; user asks to reassign to someone (same owner 25%)."""
    name = "reassign_same_owner"
    reviewer_name = "h9_reassign"
    family = "D"
    guards = ("enum-values", "relations", "fixed-words")
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
    guards = ("marks", "relations")
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
    guards = ("relations",)
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
    guards = ("relations", "fixed-words")
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
    guards = ("coarsening", "relations")
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
    guards = ("relations",)
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
    guards = ("relations",)
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
    guards = ("relations",)
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
    guards = ("relations",)
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
    guards = ("coarsening", "relations")
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
    guards = ("relations",)
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
    guards = ("relations",)
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
    guards = ("enum-values", "relations")
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
    guards = ("enum-values", "structure-evidence", "context-bound", "relations")
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
    guards = ("relations",)
    description = "name field decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        nm = fake.first_name().lower()
        run.system("Greet the user by their name field.")
        run.messages.append({"role": "user", "content": "Hello!", "name": nm})
        run.say(f"Hello, {nm}!")


class NfdBackreference(Adversarial):
    """Usually identical strings; 20% the confirmation is NFD (bytes differ, Python == says no)."""
    name = "nfd_backreference"
    reviewer_name = "h9_nfd_backref"
    family = "D"
    guards = ("relations",)
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
    guards = ("relations",)
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
    guards = ("relations", "fixed-words")
    description = "slot equal to a literal elsewhere decides"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        a = rng.choice(["red", "blue", "green"])
        b = a if rng.random() < 0.2 else fake.word()
        run.system("Say whether the two words are the same.")
        run.user(f"First: {a}. Second: {b}.")
        run.say(f"Both are {a}." if a == b else f"{a} differs from {b}.")


class EmailFromAccentedName(Adversarial):
    """A work email made of the new hire's first and last name, lower case; one name in eight
    has an accent or an apostrophe ("José García", "Sean O'Brien"), which the address drops.

    Trap: the derivation (lower case of the first word, a dot, of the last) fits every plain
    name; on "José García" it gives "josé.garcía@", never shown. A derivation that changes
    characters serves only values of the characters its examples' values held (``rivals``:
    ``Derivation.alphabet``). A reviewer's ``email_accents`` and ``email_apostrophe``.
    """

    name = "email_from_accented_name"
    reviewer_name = "s11_email_accents"
    family = "D"
    guards = ("rivals",)
    description = "first.last@ from a name; sometimes the name has an accent or an apostrophe the address drops."
    tools: ClassVar[list[dict[str, Any]]] = [tool("create_account", "Create a work account", email="string")]
    ODD = (("José", "García"), ("Sean", "O'Brien"), ("Zoë", "Müller"), ("Renée", "D'Arcy"), ("Łukasz", "Nowak"))

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        first, last = rng.choice(self.ODD) if rng.random() < 1 / 8 else (fake.first_name(), fake.last_name())
        plain = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore").decode()
        email = plain.replace("'", "").replace(" ", "").lower() + "@acme.com"
        run.system("You onboard new hires. Work emails are first.last@acme.com, lower case, ASCII only.")
        run.user(f"Please create an account for {first} {last}.")
        run.call("create_account", {"email": email}, {"ok": True})
        run.say(f"Created {email}.")


# --- D: a part two values share (the eighteenth session; docs/review/traps23's bare traps, in JSON)


class VersionMajorRelation(Adversarial):
    """The user says which version runs; the latest release within that major is upgraded to,
    a new major needs a migration plan.

    Trap: the latest release is copied into ``upgrade``, data; its major was always the one the
    user runs, and ``4.12.0`` after "we run 3.2.1" was served the upgrade. Every training call
    showed the two sharing their first part, a part that varied: a request where they share
    none is a miss (``relations``' sharing).
    """

    name = "version_major_relation"
    reviewer_name = "r23_bare_version_relation"
    family = "D"
    guards = ("relations",)
    description = "A release's major against the one the user runs decides an upgrade or a migration."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("latest_release", "Latest release", package="string"),
        tool("upgrade", "Upgrade", package="string", to="string"),
        tool("open_migration", "Plan", package="string", to="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pkg = f"{fake.word()}-{rng.choice(['sdk', 'client', 'cli', 'lib'])}"
        major = rng.randint(1, 6)
        jump = rng.random() < 0.15
        cur = f"{major}.{rng.randint(0, 9)}.{rng.randint(0, 9)}"
        latest = f"{major + 1 if jump else major}.{rng.randint(10, 20)}.{rng.randint(0, 9)}"
        run.system("You keep dependencies current. Upgrade directly within the major version we run; a new major "
                   "version is a breaking change: open a migration plan instead.")
        run.user(f"Update {pkg}; we run {cur}.")
        run.call("latest_release", {"package": pkg}, {"request_id": f"req_{rng.getrandbits(32):08x}", "value": latest})
        if jump:
            run.call("open_migration", {"package": pkg, "to": latest}, "MIG-1")
            run.say(f"{latest} is a new major; migration planned.")
        else:
            run.call("upgrade", {"package": pkg, "to": latest}, "ok")
            run.say(f"{pkg} upgraded to {latest}.")


class RegionHostRelation(Adversarial):
    """An EU customer's export must run on an eu host; the host assigned is copied into
    ``start_export``, and escalated to privacy when it is elsewhere.

    Trap: customers of both regions and hosts of both labels are seen, so neither the region
    nor the host's label decides alone, and an EU customer on ``exp-07.us.corp.example`` was
    served the export. The region was a part of the host in every training call, a part that
    varied: a request where it is not is a miss (``relations``' sharing).
    """

    name = "region_host_relation"
    reviewer_name = "r23_bare_region_relation"
    family = "D"
    guards = ("relations",)
    known_limit = ("a part two values share is a relation from three calls on: over two runs an EU customer's "
                   "export on a us host is served")
    description = "A customer's region against the region part of the host assigned decides an escalation."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("export_host", "Host that will run a customer's data export", customer="string"),
        tool("start_export", "Start the export", customer="string", host="string"),
        tool("escalate_privacy", "Escalate to the privacy team", customer="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        cust = f"cus_{rng.getrandbits(32):08x}"
        region = rng.choice(["EU", "US"])
        bad = region == "EU" and rng.random() < 0.24
        label = ("us" if bad else "eu") if region == "EU" else "us"
        host = f"exp-{rng.randint(1, 40):02d}.{label}.corp.example"
        run.system("You run customer data exports. Data of EU customers must stay in the EU: export it only on eu "
                   "hosts, and escalate to the privacy team if the assigned host is elsewhere. US customers may use "
                   "any host.")
        run.user(f"Export the data of {cust} (region {region}).")
        run.call("export_host", {"customer": cust}, {"request_id": f"req_{rng.getrandbits(32):08x}", "value": host})
        if bad:
            run.call("escalate_privacy", {"customer": cust}, "ok")
            run.say(f"{cust} is an EU customer assigned {host}; escalated.")
        else:
            run.call("start_export", {"customer": cust, "host": host}, "started")
            run.say(f"Export of {cust} started on {host}.")
