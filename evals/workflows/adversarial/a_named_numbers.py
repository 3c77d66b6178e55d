"""Adversarial workflows, family A (tool results), numbers the prompt names: a JSON tool result
holds a number (an amount due, a port, a disk's use) and the system prompt names the number
past which the next step changes ("above 250.00", "8000-8999", "90% full or more"). Review 23's
traps (``docs/review/traps23``, written as bare results) with the value in a JSON field, and a
third of the same shape from the probe's runbook; seeded by the reviewer's names.

The field is data (many distinct values, one answer), and a threshold inside the digits every
training value had is no magnitude ``copied-affixes`` keeps: only the prompt's number draws the
line (``named-numbers``). The code before it served 18-33 false hits per workflow over 8 seed
pairs at 3, 5, 8 and 20 runs.
"""

from __future__ import annotations

import random
from typing import Any, ClassVar

from faker import Faker

from evals.workflows.adversarial.base import Adversarial
from evals.workflows.base import Run, tool

# One request in seven takes the branch the prompt singles out.
P_PAST = 0.15


class RefundOverNamedLimit(Adversarial):
    """A return's amount due is copied into ``issue_refund``; refunds above 250.00 need a
    supervisor's approval.

    Trap: amounts between 100 and 990 have three integer digits either side of the limit, and
    ``312.50`` was served ``issue_refund`` where every training amount was below 250. The prompt
    names 250.00: a value on its other side, where none was, is a miss (``named-numbers``).
    """

    name = "refund_over_named_limit"
    reviewer_name = "r23_bare_refund_threshold"
    family = "A"
    guards = ("named-numbers",)
    description = "An amount due above the limit the prompt names (same digit count) decides an approval."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("refund_due", "Amount due back on a return", rma="string"),
        tool("issue_refund", "Refund the card", rma="string", amount="number"),
        tool("request_approval", "Ask a supervisor", rma="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        rma = f"RMA-{rng.randint(100000, 999999)}"
        big = rng.random() < P_PAST
        amt = round(rng.uniform(250.01, 990), 2) if big else round(rng.uniform(100, 250), 2)
        run.system("You process returns. Refunds above 250.00 need a supervisor's approval; refund smaller amounts "
                   "directly.")
        run.user(f"Refund {rma}.")
        run.call("refund_due", {"rma": rma}, {"rma": rma, "amount_due": f"{amt:.2f}", "currency": "USD"})
        if big:
            run.call("request_approval", {"rma": rma}, "pending")
            run.say(f"{amt:.2f} needs approval; requested.")
        else:
            run.call("issue_refund", {"rma": rma, "amount": amt}, "ok")
            run.say(f"Refunded {amt:.2f}.")


class DebugPortNamedRange(Adversarial):
    """A container's port is copied into ``register_lb``; ports 8000-8999 are debug listeners:
    flag them, never register them.

    Trap: ports of four digits on both sides of the range, and ``8443`` was served
    ``register_lb``: it shares no part with "8000-8999" (``fixed-words`` compares fragments by
    aligned prefixes). Between the two ends the prompt names, where no training port was, is a
    miss (``named-numbers``).
    """

    name = "debug_port_named_range"
    reviewer_name = "r23_bare_port_range"
    family = "A"
    guards = ("named-numbers",)
    description = "A port inside the debug range the prompt names (ports vary on both sides) decides a flag."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("listen_port", "Port a container listens on", container="string"),
        tool("register_lb", "Register behind the load balancer", container="string", port="string"),
        tool("flag_debug", "Flag a debug listener", container="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        c = f"{fake.word()}-{rng.getrandbits(20):05x}"
        dbg = rng.random() < P_PAST
        port = rng.randint(8000, 8999) if dbg else rng.choice([rng.randint(3000, 7999), rng.randint(9000, 9999)])
        run.system("You register containers with the load balancer. Ports 8000-8999 are debug listeners: flag them, "
                   "never register them. Register any other port.")
        run.user(f"Register {c}.")
        run.call("listen_port", {"container": c}, {"container": c, "port": port, "protocol": "tcp"})
        if dbg:
            run.call("flag_debug", {"container": c}, "ok")
            run.say(f"{c} listens on debug port {port}; flagged.")
        else:
            run.call("register_lb", {"container": c, "port": str(port)}, "ok")
            run.say(f"{c} registered on {port}.")


class DiskOverNamedPercent(Adversarial):
    """A volume's use is reported; at 90% full or more the logs are vacuumed, else the use is
    reported as fine.

    Trap: uses from 40% to 99% have two digits, and ``93%`` was served "fine" where every
    training volume was below 90%: the use is copied into the answer, data. The prompt names 90:
    a use at or past it, where none was, is a miss (``named-numbers``).
    """

    name = "disk_over_named_percent"
    reviewer_name = "a_disk_over_named_percent"
    family = "A"
    guards = ("named-numbers",)
    description = "A disk use at or past the percentage the prompt names (same digit count) decides a vacuum."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("disk_usage", "Use of a host's /var", host="string"),
        tool("vacuum_logs", "Vacuum the journal to 500M", host="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        host = f"{rng.choice(['web', 'db', 'batch', 'queue'])}-{rng.randint(1, 60):02d}"
        full = rng.random() < P_PAST
        use = rng.randint(90, 99) if full else rng.randint(40, 89)
        run.system("You watch disks. If /var is 90% full or more, vacuum the journal with vacuum_logs and say so. "
                   "Otherwise tell the engineer its use: it is fine.")
        run.user(f"Check {host}.")
        run.call("disk_usage", {"host": host}, {"host": host, "mount": "/var", "use": f"{use}%",
                                                "checked_ms": rng.randint(3, 90)})
        if full:
            run.call("vacuum_logs", {"host": host}, "freed 1.2G")
            run.say(f"/var on {host} was {use}% full; vacuumed.")
        else:
            run.say(f"/var on {host} is at {use}%: fine.")
