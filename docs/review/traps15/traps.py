"""Review 15 traps for fb48466 (positional alignment of equal-token texts; min_runs+1 for words beside a call).

Import this module, then run ``harness.py``. Each workflow plays ONE call per run except the part-2 ones.
Log-labelling shape as in evals/corpora/loghub.py: system "You label X log lines with their event id",
user = the line, answer = the event id as text.
"""
from __future__ import annotations

import random
from typing import Any, ClassVar

from faker import Faker

from evals.workflows import REGISTRY
from evals.workflows.base import Run, Workflow, tool

USERS = ["root", "admin", "guest", "oracle", "test", "ubuntu", "pi", "ftp", "mysql", "nagios", "git", "www"]
STATES = ["ok", "done", "queued", "sent", "kept", "new"]
HOSTS = ["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa"]


def _ip(rng: random.Random) -> str:
    return ".".join(str(rng.randrange(1, 255)) for _ in range(4))


class LogLabel(Workflow):
    """Base: draw an event by weight, format its line, answer its id."""
    system_name: ClassVar[str] = "X"
    EVENTS: ClassVar[list[tuple[str, float, str]]] = []  # (event id, weight, format)

    def fields(self, rng: random.Random) -> dict[str, Any]:
        return {"p": rng.randrange(1024, 65000), "u": rng.choice(USERS), "s": rng.choice(STATES),
                "w": rng.choice(HOSTS), "ip": _ip(rng), "n": rng.choice([0, 0, 0, *range(1, 60)]),
                "m": rng.randrange(0, 60), "ts": 1514038530000 + rng.randrange(0, 99999)}

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        ev, fmt = rng.choices([(e, f) for e, _, f in self.EVENTS], weights=[w for _, w, _ in self.EVENTS])[0]
        run.system(f"You label {self.system_name} log lines with their event id")
        run.user(fmt.format(**self.fields(rng)))
        run.say(ev)


# --- Part 1: finding. An optional key=value field shifts the others (equal token count) ----------

class KvShiftAudit(LogLabel):
    """E1 lines come in two shapes of equal token count (uid= present, or exe= appended); E2 is
    the 'denied=' event. Positionally the '=' signs line up, so both E1 shapes merge into
    'pid={a}={b}={c}': the key words land inside slots ('62119 comm', 'sigma'), and an E2 line
    (or a key set never seen) matches E1's template."""
    name = "r15_kv_shift_audit"
    description = "key=value audit lines, one optional field shifting the rest; answer = event id"
    system_name = "Linux"
    EVENTS = [("E1", 0.4, "kernel: audit: pid={p} uid={u} comm={s}"),
              ("E1", 0.4, "kernel: audit: pid={p} comm={s} exe={w}"),
              ("E2", 0.2, "kernel: audit: pid={p} denied={s} exe={w}")]


class KvShiftAuditRare(LogLabel):
    """As KvShiftAudit with the other events rare (a denial; a line without comm=)."""
    name = "r15_kv_shift_audit_rare"
    description = "as r15_kv_shift_audit, other events rare"
    system_name = "Linux"
    EVENTS = [("E1", 0.45, "kernel: audit: pid={p} uid={u} comm={s}"),
              ("E1", 0.45, "kernel: audit: pid={p} comm={s} exe={w}"),
              ("E2", 0.05, "kernel: audit: pid={p} denied={s} exe={w}"),
              ("E3", 0.05, "kernel: audit: pid={p} uid={u} exe={w}")]


class KvShiftGateway(LogLabel):
    """The same shape, longer literal prefix (more literal share): E2 'error=' is common."""
    name = "r15_kv_shift_gateway"
    description = "gateway audit lines with an optional user= field; error= lines are another event"
    system_name = "Gateway"
    EVENTS = [("E1", 0.35, "audit record from gateway service: id={p} user={u} status={s}"),
              ("E1", 0.35, "audit record from gateway service: id={p} status={s} host={w}"),
              ("E2", 0.3, "audit record from gateway service: id={p} error={s} host={w}")]


class KvShiftTicket(Workflow):
    """Not a log: a ticket router; the user pastes a form line with an optional field. The
    answer is a queue name; 'refund=' tickets go to billing."""
    name = "r15_kv_shift_ticket"
    description = "form lines with an optional field; routed by which key is present"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid, plan, note = rng.randrange(10000, 99999), rng.choice(["basic", "pro", "team", "free"]), rng.choice(HOSTS)
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


# --- Part 1: probes that did not give false hits (kept as controls) ------------------------------

class SshSameLength(LogLabel):
    """Failed/Accepted/invalid-user variants; some of equal token count."""
    name = "r15_ssh_same_length"
    description = "OpenSSH lines of several events, some of one token count"
    system_name = "OpenSSH"
    EVENTS = [("E1", 0.3, "Failed password for {u} from {ip} port {p} ssh2"),
              ("E2", 0.2, "Accepted password for {u} from {ip} port {p} ssh2"),
              ("E3", 0.2, "Failed password for invalid user {u} from {ip} port {p} ssh2"),
              ("E4", 0.15, "Failed password for invalid user {u} from {ip} port {p}"),  # = E1's count
              ("E5", 0.15, "Failed none for {u} from {ip} port {p} ssh2")]


class OnExtendConst(LogLabel):
    """HealthApp's onExtend with a constant 0 or 1 in the third field, n often 0."""
    name = "r15_onextend_const"
    description = "onExtend:<ts> <n> 0|1 <m>, n often 0"
    system_name = "HealthApp"
    EVENTS = [("E1", 0.5, "onExtend:{ts} {n} 0 {m}"), ("E2", 0.3, "onExtend:{ts} {n} 1 {m}"),
              ("E3", 0.2, "onExtend:{ts} 0 {n} {m}")]


class ShiftedFields(LogLabel):
    """'session opened for user U by W' vs the word moved; closed is another event."""
    name = "r15_shifted_fields"
    description = "a deciding word that moves position"
    system_name = "Linux"
    EVENTS = [("E1", 0.4, "session opened for user {u} by {w}"), ("E1", 0.3, "session for user {u} opened by {w}"),
              ("E2", 0.3, "session for user {u} closed by {w}")]


# --- Part 2: a deterministic model writing the same line beside its call -------------------------

class SameLineBesideCall(Workflow):
    """A deterministic model: always 'Let me look that up.' beside get_order; the status decides the reply."""
    name = "r15_same_line_beside_call"
    description = "the same words beside every call"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_order", "An order", order_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"A-{rng.randint(10000, 99999)}"
        status = rng.choice(["delivered", "in_transit"])
        run.system("You handle order questions.")
        run.user(f"Where is my order {oid}?")
        run.call("get_order", {"order_id": oid}, {"id": oid, "status": status}, text="Let me look that up.")
        run.say(f"Order {oid} is {status.replace('_', ' ')}.")


class NoLineBesideCall(SameLineBesideCall):
    """Control for part 2: no words beside the call."""
    name = "r15_no_line_beside_call"
    description = "no words beside the call"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"A-{rng.randint(10000, 99999)}"
        status = rng.choice(["delivered", "in_transit"])
        run.system("You handle order questions.")
        run.user(f"Where is my order {oid}?")
        run.call("get_order", {"order_id": oid}, {"id": oid, "status": status})
        run.say(f"Order {oid} is {status.replace('_', ' ')}.")


class TwoWordingsBesideCall(SameLineBesideCall):
    """Part 2 trap: a sampled model with two wordings; at 3 runs all alike by chance (1 in 4)."""
    name = "r15_two_wordings_beside_call"
    description = "two wordings beside the call"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"A-{rng.randint(10000, 99999)}"
        status = rng.choice(["delivered", "in_transit"])
        run.system("You handle order questions.")
        run.user(f"Where is my order {oid}?")
        run.call("get_order", {"order_id": oid}, {"id": oid, "status": status},
                 text=rng.choice(["Let me look that up.", "Checking that order now."]))
        run.say(f"Order {oid} is {status.replace('_', ' ')}.")


TRAPS = [KvShiftAudit, KvShiftAuditRare, KvShiftGateway, KvShiftTicket, SshSameLength, OnExtendConst, ShiftedFields,
         SameLineBesideCall, NoLineBesideCall, TwoWordingsBesideCall]
for _cls in TRAPS:
    REGISTRY[_cls.name] = _cls()
