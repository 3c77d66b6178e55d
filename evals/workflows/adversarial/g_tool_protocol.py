"""Adversarial workflows, family G: the tool-call protocol (parallel tool results in completion order, tied by
``tool_call_id``).

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
    guards = ("results-order",)
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


# --- The first of parallel results (2026-12-07, the thirteenth session's reviewer, docs/review/traps16) ---

_PACKAGES = ("requests", "urllib3", "pyyaml", "jinja2", "flask", "lxml", "numpy", "pillow", "httpx", "click")
_RELEASE_TOOLS: list[dict[str, Any]] = [
    tool("get_release", "Registry metadata of a release", package="string", version="string"),
    tool("get_downloads", "Download counts", package="string")]


def _version(rng: random.Random) -> str:
    return f"{rng.randint(1, 5)}.{rng.randint(0, 30)}.{rng.randint(0, 12)}"


class ParallelFirstNote(Adversarial):
    """Two calls in parallel; the first result holds a free-text note, and one note in seven says
    the release was pulled, which the reply turns on; the answer never copies the note.

    Trap: nothing is answered between the two results, so every run "goes on alike" to the next
    one: weighed against it, three distinct notes made the note data, and "Pulled from the index
    because of a broken wheel." was served "Yes" where training saw good notes only (21 false
    hits over the reviewer's seeds before the fix). The first of parallel results frees text only
    where an answer below copies it; statuses are closed.
    """

    name = "parallel_first_note"
    reviewer_name = "r16_status_prose"
    family = "G"
    guards = ("structure-evidence", "closed-values", "unused-prose")
    description = "A free-text note in the first of two parallel results decides the reply."
    tools: ClassVar[list[dict[str, Any]]] = _RELEASE_TOOLS
    GOOD = ("Release published normally by the maintainers.", "Built and signed by the release pipeline.",
            "Tagged from the main branch after review.", "Uploaded with reproducible build metadata.",
            "Published after the full test matrix passed.", "Mirrored to all regions without issues.")
    BAD = ("Withdrawn by the maintainers after a data loss bug.", "Pulled from the index because of a broken wheel.")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pkg, ver = rng.choice(_PACKAGES), _version(rng)
        bad = rng.random() < 0.15
        run.system("You are a release assistant. Check the release and its downloads together, in parallel.")
        run.user(f"Can I install {pkg} {ver}?")
        run.call_many([("get_release", {"package": pkg, "version": ver}), ("get_downloads", {"package": pkg})],
                      [{"package": pkg, "version": ver, "note": rng.choice(self.BAD if bad else self.GOOD)},
                       {"package": pkg, "weekly": rng.randint(1000, 900000)}])
        run.say(f"No, do not install {pkg} {ver}." if bad else f"Yes, {pkg} {ver} is fine to install.")


class ParallelFirstFlag(Adversarial):
    """Two calls in parallel; the first result's ``yanked`` flag (one run in seven) decides the
    reply, which copies the second result's download count otherwise.

    Trap: the flag, closed in the first result, must still part the answers below: the download
    count the yanked reply does not copy was blamed first (each run kept apart by it) until a
    closed status read above was weighed before the numbers read here. A control of the same
    rule: a false hit would serve the yanked release the install reply.
    """

    name = "parallel_first_flag"
    reviewer_name = "r16_yank_bool"
    family = "G"
    guards = ("closed-values", "deciding-value", "unread-values")
    description = "A yanked flag in the first of two parallel results decides; the reply copies the second."
    tools: ClassVar[list[dict[str, Any]]] = _RELEASE_TOOLS

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pkg, ver = rng.choice(_PACKAGES), _version(rng)
        yanked = rng.random() < 0.15
        weekly = rng.randint(1000, 900000)
        run.system("You are a release assistant. Check the release and its downloads together, in parallel.")
        run.user(f"Can I install {pkg} {ver}?")
        run.call_many([("get_release", {"package": pkg, "version": ver}), ("get_downloads", {"package": pkg})],
                      [{"package": pkg, "version": ver, "yanked": yanked, "uploaded_by": fake.user_name()},
                       {"package": pkg, "weekly": weekly}])
        run.say(f"Do not install {pkg} {ver}: that release was yanked." if yanked
                else f"{pkg} {ver} is fine to install ({weekly} downloads last week).")


class DurationLabelThreshold(Adversarial):
    """A job's ``duration_s`` in a tool result; over 3000 s (one run in seven) the reply flags it."""

    name = "duration_label_threshold"
    reviewer_name = "r16_duration_first"
    family = "G"
    guards = ("unread-values",)
    known_limit = ("identifier-like by its label: a number after duration, latency, port or build is noise from "
                   "two distinct values and no range checks it (the issue's durations and ports); a threshold on "
                   "it that training never crossed is not seen")
    description = "A duration in a tool result, a threshold on it."
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_job", "A job's last run", job="string"),
                                             tool("get_owner", "A job's owner", job="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        job = f"{rng.choice(('checkout', 'search', 'billing', 'auth', 'ledger'))}-nightly"
        dur = rng.randint(3001, 9000) if rng.random() < 0.15 else rng.randint(60, 2999)
        owner = fake.first_name()
        run.system("You are a CI assistant. Look up the job and its owner together, in parallel.")
        run.user(f"How did {job} do last night?")
        run.call_many([("get_job", {"job": job}), ("get_owner", {"job": job})],
                      [{"job": job, "result": "passed", "duration_s": dur}, {"job": job, "owner": owner}])
        run.say(f"{job} passed but ran too long; I flagged it to {owner}." if dur > 3000
                else f"{job} passed; {owner} owns it.")


class NoteInResultUnseen(Adversarial):
    """A free-text note in the one result of a call; one note in seven says the release was pulled."""

    name = "note_in_result_unseen"
    reviewer_name = "r16_prose_single"
    family = "G"
    guards = ("structure-evidence", "unused-prose")
    known_limit = ("free text training saw only one kind of: three distinct good notes, all answered alike, make "
                   "the note data, and a bad note no run showed is served the good notes' reply (no count of "
                   "alike values tells an unseen kind)")
    description = "A free-text note in a tool result; the bad notes rare."
    tools: ClassVar[list[dict[str, Any]]] = [_RELEASE_TOOLS[0]]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pkg, ver = rng.choice(_PACKAGES), _version(rng)
        bad = rng.random() < 0.15
        note = rng.choice(ParallelFirstNote.BAD if bad else ParallelFirstNote.GOOD)
        run.system("You are a release assistant.")
        run.user(f"Can I install {pkg} {ver}?")
        run.call("get_release", {"package": pkg, "version": ver}, {"package": pkg, "version": ver, "note": note})
        run.say(f"No, do not install {pkg} {ver}." if bad else f"Yes, {pkg} {ver} is fine to install.")


class LoginHourInTimestamp(Adversarial):
    """A login line with an ISO timestamp; a login between 00 and 05 o'clock is off-hours."""

    name = "login_hour_in_timestamp"
    reviewer_name = "r16_iso_hour"
    family = "G"
    guards = ("unread-values",)
    known_limit = ("a timestamp is one identifier-like value (the issue's timestamps), never range-checked: its "
                   "hour deciding the reply is not seen")
    description = "The hour inside a timestamp decides."
    tools: ClassVar[list[dict[str, Any]]] = [tool("last_login", "Last login line", user="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        user = fake.user_name()
        night = rng.random() < 0.15
        h = rng.randint(0, 5) if night else rng.randint(6, 23)
        line = (f"2026-11-{rng.randint(1, 28):02d}T{h:02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} "
                f"web-{rng.randint(1, 9)} sshd[{rng.randint(100, 9999)}]: Accepted publickey for {user}")
        run.system("You are a security assistant.")
        run.user(f"Was {user}'s last login normal?")
        run.call("last_login", {"user": user}, line)
        run.say(f"Suspicious: {user} logged in off-hours." if night else f"Normal: {user} logged in during work hours.")
