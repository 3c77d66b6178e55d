"""Probe workflows: agent traffic in styles the catalog's fixtures do not cover.

Not part of the catalog (``workflows: all``) nor of any shipped suite but ``probe``: they measure how
rote generalises to agent traffic written without its rules in mind.

What they have that ``realistic.py`` lacks:

- tool results that are not JSON: a plain-text report with a markdown table, ``key=value`` lines,
  CSV, an XML document, shell output (``systemctl status``, ``df -h``, ``uptime``, a journal tail);
- several user turns: a clarifying question answered mid-run, a follow-up request after the task;
- assistant messages with both content and tool calls, and two tool calls in one message
  (results appended in call order);
- branches decided by a status, an empty result or a threshold (a total below a reorder point,
  a disk 90% full), labelled with ``run.branch``;
- a long system prompt that lists the tools in prose besides the declared ``tools``.

Every value an answer carries is copied from the user's messages or from a field of a result the
policy uses; the rest of each result (ids, stamps in several formats, latencies, counts, prices,
cursors) is noise nobody reads.

>>> from evals.workflows import PROBE
>>> run = PROBE["host_triage"].play_run(3)
>>> run.records[0]["request"]["messages"][0]["content"].startswith("You are Ops Copilot")
True
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import timedelta
from typing import Any, ClassVar

import orjson
from faker import Faker

from evals.workflows.base import Run, Workflow, tool
from evals.workflows.realistic import Noise


def _policy(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def say_and_call(run: Run, content: str | None, calls: Sequence[tuple[str, dict[str, Any]]],
                 results: Sequence[Any], *, branch: str | None = None) -> None:
    """The model writes ``content`` and calls one or more tools in the same message; the results
    come back in call order. ``branch``: what in the results decides what the agent does next."""
    ids = [run._id("call_") for _ in calls]
    run._respond({"role": "assistant", "content": content, "refusal": None, "tool_calls": [
        {"id": cid, "type": "function", "function": {"name": name, "arguments": orjson.dumps(args).decode()}}
        for cid, (name, args) in zip(ids, calls, strict=True)]}, "tool_calls")
    if branch is not None:
        run.branch(branch)
    for cid, r in zip(ids, results, strict=True):
        run.messages.append({"role": "tool", "tool_call_id": cid,
                             "content": r if isinstance(r, str) else orjson.dumps(r).decode()})


class WarehouseRestock(Workflow):
    """Plain-text report with a markdown table, key=value lines, a threshold branch."""

    name = "warehouse_restock"
    description = ("Inventory agent: read a SKU's plain-text stock report (markdown table); below the reorder "
                   "point, read the supplier (key=value lines) and raise a purchase order.")
    SYSTEM = _policy(
        "You are Stockwise, the inventory assistant of Brightline Home Goods. Buyers ask you to check the stock "
        "of a SKU and restock it when needed.",
        "Tools: get_stock_report returns the warehouse management system's stock report for a SKU as plain "
        "text. get_supplier returns the preferred supplier's record as key=value lines. create_purchase_order "
        "raises a draft purchase order with the supplier.",
        "Restocking rule: compare the network-wide 'Total available' with the SKU's 'Reorder point'. If the "
        "total available is below the reorder point, read the preferred supplier and raise a purchase order "
        "for the report's 'Suggested order qty', then tell the buyer the PO number, the quantity, the supplier's "
        "name and its lead time in days. If it is at or above the reorder point, do not order: tell the buyer "
        "the total available and the reorder point.",
        "Be brief. Do not mention report ids, query timings, shards or supplier ids.")
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("get_stock_report", "Stock report of a SKU across warehouses (plain text)", sku="string"),
        tool("get_supplier", "Preferred supplier of a SKU (key=value lines)", sku="string"),
        tool("create_purchase_order", "Raise a draft purchase order", sku="string", supplier_id="string",
             quantity="integer")]
    WAREHOUSES = ("RNO-1", "CLT-2", "DFW-1", "ALB-3", "PHX-2", "COL-1")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        noise = Noise(rng, fake)
        sku = f"BH-{rng.randint(10000, 99999)}"
        product = f"{fake.color_name()} {rng.choice(['Throw Pillow', 'Bath Towel', 'Table Lamp', 'Duvet Cover', 'Planter', 'Wall Clock'])}"
        buyer = fake.first_name()
        run.system(self.SYSTEM)
        run.user(f"Hi, {buyer} from purchasing. Can you check stock on {sku} ({product}) and restock if needed?")
        rows, total = [], 0
        for wh in rng.sample(self.WAREHOUSES, rng.randint(2, 4)):
            on_hand = rng.randint(0, 400)
            reserved = rng.randint(0, min(on_hand, 60))
            total += on_hand - reserved
            last = (noise.tick() - timedelta(days=rng.randint(1, 20))).date().isoformat()
            rows.append(f"| {wh:<9} | {on_hand:>7} | {reserved:>8} | {on_hand - reserved:>9} | {last} |")
        reorder_point = rng.choice([250, 300, 400, 500, 600, 750])
        qty = rng.choice([100, 200, 250, 300, 500])
        below = total < reorder_point
        report = "\n".join([
            f"STOCK REPORT  {noise.iso()}  report={noise.request_id()}",
            f"SKU: {sku}    Description: {product}",
            "",
            "| Warehouse | On hand | Reserved | Available | Last count |",
            "|-----------|--------:|---------:|----------:|------------|",
            *rows,
            "",
            f"Total available: {total}",
            f"Reorder point: {reorder_point}",
            f"Suggested order qty: {qty}",
            f"Open POs: {rng.randint(0, 3)}   Avg daily demand (28d): {round(rng.uniform(2, 40), 1)}",
            f"-- query_ms={noise.latency()} shard={rng.randint(1, 16)} cache={rng.choice(['hit', 'miss'])}"])
        run.call("get_stock_report", {"sku": sku}, report, branch="reorder" if below else "enough")
        if not below:
            run.say(f"No reorder needed for {sku}: {total} available across the network, reorder point "
                    f"{reorder_point}.")
            return
        sup_id = f"SUP-{rng.randint(1000, 9999)}"
        sup_name = fake.company()
        lead = rng.randint(3, 30)
        supplier = "\n".join([
            f"supplier_id={sup_id}", f"name={sup_name}", f"contact={fake.company_email()}",
            f"lead_time_days={lead}", f"moq={rng.choice([25, 50, 100])}",
            f"unit_cost={noise.price(2, 60)}", f"currency={rng.choice(['USD', 'EUR'])}",
            f"terms=NET{rng.choice([30, 45, 60])}", f"rating={round(rng.uniform(3, 5), 2)}",
            f"updated={noise.rfc2822()}", f"etag=W/\"{rng.getrandbits(32):08x}\""])
        run.call("get_supplier", {"sku": sku}, supplier)
        po = f"PO-{rng.randint(2026000, 2026999)}"
        run.call("create_purchase_order", {"sku": sku, "supplier_id": sup_id, "quantity": qty},
                 f"OK {po} status=draft created_at={noise.epoch()} approver_queue=buying-{rng.randint(1, 4)}")
        run.say(f"{sku} is below its reorder point ({total} available vs {reorder_point}). I raised {po} for "
                f"{qty} units with {sup_name}; lead time {lead} days.")


class MeetingScheduler(Workflow):
    """Several user turns (a clarifying question, a follow-up), CSV results, an empty result."""

    name = "meeting_scheduler"
    description = ("Scheduling assistant: asks for a duration when the user gave none, finds free slots "
                   "(CSV), books the best one; an empty search asks whether to look further; a follow-up "
                   "request sends the agenda.")
    SYSTEM = _policy(
        "You are Tempo, the scheduling assistant of a product team at Harbor Analytics. You set up meetings "
        "between the user and a colleague.",
        "You can find free slots shared by the user and an attendee (find_free_slots returns CSV, best slot "
        "first), book a meeting and send an email on the user's behalf.",
        "Rules: you need the meeting's duration in minutes. If the user did not give one, ask for it and do "
        "nothing else. Search the next 7 days first. Book the first slot of the result, titled with the "
        "meeting's topic, and confirm the slot's start as the calendar gives it. If there is no free slot, "
        "say so and ask whether to search the next 14 days instead.",
        "If the user then asks you to send something to the attendee, send it by email with the subject "
        "'<topic>: agenda' and confirm in one sentence.")
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("find_free_slots", "Free slots shared by the user and an attendee (CSV, best first)",
             attendee="string", duration_min="integer", within_days="integer"),
        tool("book_meeting", "Book a meeting", attendee="string", start="string", duration_min="integer",
             title="string"),
        tool("send_email", "Send an email on the user's behalf", to="string", subject="string", body="string")]
    TOPICS = ("Q3 roadmap review", "onboarding plan", "pricing experiment readout", "data retention policy",
              "incident postmortem", "hiring loop debrief", "dashboard redesign")

    def _slots(self, noise: Noise, rng: random.Random, fake: Faker, duration: int, n: int) -> str:
        lines = ["start,end,timezone,room,conflicts_checked,score"]
        rows = []
        for _ in range(n):
            start = noise.tick() + timedelta(days=rng.randint(0, 6), hours=rng.randint(0, 8))
            start = start.replace(minute=rng.choice([0, 15, 30, 45]), second=0, microsecond=0)
            end = start + timedelta(minutes=duration)
            rows.append((round(rng.uniform(0.3, 0.99), 2),
                         f"{start:%Y-%m-%dT%H:%M}Z,{end:%Y-%m-%dT%H:%M}Z,{rng.choice(['UTC', 'America/New_York', 'Europe/Berlin'])},"
                         f"{rng.choice(['Room 4B', 'Room 2A', 'Zoom', 'Atrium'])},{rng.randint(2, 40)}"))
        rows.sort(key=lambda r: -r[0])
        lines += [f"{row},{score}" for score, row in rows]
        return "\n".join(lines)

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        noise = Noise(rng, fake)
        first, last = fake.first_name(), fake.last_name()
        email = f"{first.lower()}.{last.lower()}@harbor-analytics.com"
        topic = rng.choice(self.TOPICS)
        duration = rng.choice([15, 30, 45, 60])
        run.system(self.SYSTEM)
        if rng.random() < 0.5:
            run.branch("duration_given")
            run.user(f"Please set up a {duration}-minute meeting with {first} {last} ({email}) about the {topic}.")
        else:
            run.branch("duration_asked")
            run.user(f"Please set up a meeting with {first} {last} ({email}) about the {topic}.")
            run.say(f"Sure. How long should the meeting with {first} be, in minutes?")
            run.user(f"{duration} minutes.")
        args = {"attendee": email, "duration_min": duration, "within_days": 7}
        if rng.random() < 0.25:
            run.call("find_free_slots", args, "start,end,timezone,room,conflicts_checked,score", branch="no_slots")
            run.say(f"{first} and you have no free {duration}-minute slot in the next 7 days. Should I search "
                    f"the next 14 days instead?")
            run.user("Yes please, go ahead.")
            args = {**args, "within_days": 14}
        csv = self._slots(noise, rng, fake, duration, rng.randint(1, 4))
        run.call("find_free_slots", args, csv)
        start = csv.splitlines()[1].split(",")[0]
        event = f"evt_{rng.getrandbits(48):012x}"
        run.call("book_meeting", {"attendee": email, "start": start, "duration_min": duration, "title": topic},
                 f"Booked {event} ({noise.rfc2822()}); iCalUID={fake.uuid4()}@cal.harbor-analytics.com; "
                 f"invites_sent=1")
        run.say(f"Booked '{topic}' with {first} at {start} for {duration} minutes.")
        if rng.random() < 0.5:
            run.branch("agenda")
            doc = f"https://docs.harbor-analytics.com/d/{fake.lexify('??????????')}"
            run.user(f"Thanks! Can you also send {first} the agenda? It's here: {doc}")
            run.call("send_email", {"to": email, "subject": f"{topic}: agenda", "body": doc},
                     f"250 2.0.0 OK queued as {rng.getrandbits(40):010X} ({noise.latency()} ms)")
            run.say(f"Sent the agenda to {first}.")


class DependencyAudit(Workflow):
    """Content with tool calls, two parallel calls, an XML and a CSV result, a status / empty branch."""

    name = "dependency_audit"
    description = ("Dependency bot: checks a release (XML) and its advisories (CSV) in one message with "
                   "two tool calls; a yanked or vulnerable release is refused, a clean one gets a PR.")
    SYSTEM = _policy(
        "You are Patchwork, the dependency-upgrade assistant of the Lattice engineering org. Engineers ask "
        "whether a package version is safe to upgrade to, and you open the upgrade pull request when it is.",
        "Always check the release's registry metadata (get_release, XML) and the security advisories that "
        "affect that exact version (list_advisories, CSV with a header line) together, in parallel. Say in "
        "one short sentence what you are checking before you do.",
        "A release that is yanked is not safe: say so and stop. A release affected by any advisory is not "
        "safe: name the first advisory's id and severity and stop. Otherwise open a pull request that bumps "
        "the package in the repository and give the engineer the PR number.",
        "Never open a PR for an unsafe version. Do not mention checksums, download counts or upload times.")
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("get_release", "Registry metadata of a release (XML)", package="string", version="string"),
        tool("list_advisories", "Security advisories affecting a version (CSV)", package="string",
             version="string"),
        tool("open_upgrade_pr", "Open a PR bumping a dependency", repo="string", package="string",
             version="string")]
    PACKAGES = ("requests", "urllib3", "pyyaml", "jinja2", "cryptography", "pillow", "lxml", "flask",
                "sqlalchemy", "protobuf", "aiohttp", "numpy")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        noise = Noise(rng, fake)
        pkg = rng.choice(self.PACKAGES)
        version = f"{rng.randint(1, 5)}.{rng.randint(0, 30)}.{rng.randint(0, 12)}"
        repo = f"lattice/{rng.choice(['ingest', 'billing-api', 'web', 'ml-serving', 'etl'])}"
        run.system(self.SYSTEM)
        run.user(f"Is it safe to bump {pkg} to {version} in {repo}?")
        state = rng.choices(["clean", "advisory", "yanked"], weights=[5, 3, 2])[0]
        yanked = state == "yanked"
        xml = "\n".join([
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<release package="{pkg}" version="{version}">',
            f"  <uploaded>{noise.iso()}</uploaded>",
            f"  <yanked>{'true' if yanked else 'false'}</yanked>",
            *([f"  <yanked-reason>{rng.choice(['broken wheel', 'regression in TLS handling', 'wrong metadata'])}"
               "</yanked-reason>"] if yanked else []),
            f"  <requires-python>&gt;=3.{rng.randint(7, 10)}</requires-python>",
            f'  <file name="{pkg}-{version}-py3-none-any.whl" size="{rng.randint(20_000, 9_000_000)}">',
            f"    <sha256>{fake.sha256()}</sha256>",
            "  </file>",
            f'  <downloads last-day="{rng.randint(100, 900_000)}" last-month="{rng.randint(10_000, 90_000_000)}"/>',
            "</release>"])
        header = "id,severity,summary,fixed_in,published"
        advisories = [header]
        if state == "advisory":
            for _ in range(rng.randint(1, 3)):
                advisories.append(
                    f"GHSA-{fake.lexify('????').lower()}-{fake.lexify('????').lower()}-{fake.lexify('????').lower()},"
                    f"{rng.choice(['low', 'moderate', 'high', 'critical'])},"
                    f"\"{rng.choice(['ReDoS in header parsing', 'Path traversal in extract', 'Cookie leak on redirect', 'Memory exhaustion on crafted input'])}\","
                    f"{version.rsplit('.', 1)[0]}.{int(version.rsplit('.', 1)[1]) + rng.randint(1, 3)},"
                    f"{noise.epoch()}")
        say_and_call(run, f"Checking the {pkg} {version} release and its security advisories.",
                     [("get_release", {"package": pkg, "version": version}),
                      ("list_advisories", {"package": pkg, "version": version})],
                     [xml, "\n".join(advisories)], branch=state)
        if yanked:
            run.say(f"No: {pkg} {version} was yanked from the registry, so I won't bump {repo} to it.")
        elif state == "advisory":
            gid, sev = advisories[1].split(",")[:2]
            run.say(f"No: {pkg} {version} is affected by {gid} ({sev}). I did not open a PR.")
        else:
            pr = rng.randint(100, 9999)
            run.call("open_upgrade_pr", {"repo": repo, "package": pkg, "version": version},
                     f"Created pull request #{pr}: https://git.lattice.dev/{repo}/pull/{pr}\n"
                     f"head=bump-{pkg}-{version} base=main checks=queued ({noise.latency()}ms)")
            run.say(f"Yes: no advisories affect {pkg} {version}. I opened PR #{pr} in {repo}.")


class HostTriage(Workflow):
    """Shell output as tool results (systemctl, journalctl, df, uptime), a status and a threshold branch."""

    name = "host_triage"
    description = ("SRE copilot on a host: systemctl status; a failed unit has its journal read and is "
                   "restarted; a running one has its disk checked (>= 90% full: vacuum the journal, "
                   "else open a performance ticket with the load average).")
    SYSTEM = _policy(
        "You are Ops Copilot, the on-call assistant of the Meridian site-reliability team. Engineers forward "
        "you user reports about a host; you investigate with a small set of tools and act on a fixed runbook.",
        "## Tools\n"
        "- `ssh_exec(host, command)`: run one whitelisted read-only command on a host; returns its stdout. "
        "Whitelist: `systemctl status <unit> --no-pager`, `journalctl -u <unit> -n 20 --no-pager`, "
        "`df -h /var`, `uptime`, `journalctl --vacuum-size=500M`.\n"
        "- `restart_unit(host, unit)`: restart a systemd unit; returns systemd's message.\n"
        "- `create_ticket(queue, title, body)`: open a ticket; returns its key and URL.\n"
        "- `page_oncall(team, summary)`: page a team (only for customer-facing outages you cannot fix).",
        "## Runbook: 'slow' or 'down' reports\n"
        "1. Run `systemctl status <unit> --no-pager` on the host.\n"
        "2. If the unit is failed: read its last 20 journal lines, restart it with restart_unit and tell the "
        "engineer the new main PID.\n"
        "3. If the unit is active: run `df -h /var`. If /var is 90% full or more, run "
        "`journalctl --vacuum-size=500M` and report how much space it freed and the Use% before.\n"
        "4. Otherwise run `uptime` and open a ticket in the PERF queue titled '<unit> slow on <host>' whose "
        "body quotes the load average, then give the engineer the ticket key.",
        "## Style\nReply in one or two sentences. Never paste command output, PIDs other than the new main "
        "PID, or timestamps. Never run a command outside the whitelist.")
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("ssh_exec", "Run a whitelisted command on a host", host="string", command="string"),
        tool("restart_unit", "Restart a systemd unit", host="string", unit="string"),
        tool("create_ticket", "Open a ticket", queue="string", title="string", body="string"),
        tool("page_oncall", "Page a team", team="string", summary="string")]
    UNITS = (("checkout-api", "gunicorn", "Checkout API"), ("search-indexer", "java", "Search indexer"),
             ("media-resizer", "node", "Media resizer"), ("ledger-sync", "python3", "Ledger sync worker"),
             ("auth-gateway", "envoy", "Auth gateway"))

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        noise = Noise(rng, fake)
        unit, proc, desc = rng.choice(self.UNITS)
        svc = f"{unit}.service"
        host = f"{unit.split('-')[0]}-{rng.randint(1, 24):02d}.{rng.choice(['iad', 'fra', 'sin'])}.meridian.internal"
        who = fake.first_name()
        run.system(self.SYSTEM)
        run.user(f"[ticket #{rng.randint(30000, 99999)} via #ops-help, {noise.rfc2822()}] {who}: users say "
                 f"{unit} on {host} is really slow since this morning, can you take a look?")
        failed = rng.random() < 0.4
        pid = rng.randint(1000, 65000)
        since = noise.tick() - timedelta(days=rng.randint(0, 30), minutes=rng.randint(1, 600))
        short = host.split(".")[0]
        if failed:
            status = "\n".join([
                f"× {svc} - {desc}",
                f"     Loaded: loaded (/etc/systemd/system/{svc}; enabled; vendor preset: enabled)",
                f"     Active: failed (Result: exit-code) since {since:%a %Y-%m-%d %H:%M:%S} UTC; "
                f"{rng.randint(2, 59)}min ago",
                f"    Process: {pid} ExecStart=/opt/{unit}/bin/run (code=exited, status={rng.choice([1, 2, 137])}/FAILURE)",
                f"   Main PID: {pid} (code=exited, status=1/FAILURE)",
                f"        CPU: {round(rng.uniform(0.5, 90), 3)}s"])
        else:
            status = "\n".join([
                f"● {svc} - {desc}",
                f"     Loaded: loaded (/etc/systemd/system/{svc}; enabled; vendor preset: enabled)",
                f"     Active: active (running) since {since:%a %Y-%m-%d %H:%M:%S} UTC; {rng.randint(1, 30)} days ago",
                f"   Main PID: {pid} ({proc})",
                f"      Tasks: {rng.randint(3, 120)} (limit: {rng.choice([4915, 9830, 19660])})",
                f"     Memory: {round(rng.uniform(40, 3000), 1)}M",
                f"     CGroup: /system.slice/{svc}",
                f"             └─{pid} /opt/{unit}/bin/{proc} --workers {rng.randint(2, 16)}",
                "",
                f"{noise.syslog()} {short} {proc}[{pid}]: GET /healthz 200 {noise.latency()}ms"])
        cmd = f"systemctl status {svc} --no-pager"
        run.call("ssh_exec", {"host": host, "command": cmd}, status, branch="failed" if failed else "active")
        if failed:
            journal = "\n".join(
                f"{noise.syslog()} {short} {proc}[{pid}]: " + rng.choice([
                    f"ERROR connection to db-{rng.randint(1, 9)}:5432 refused",
                    f"WARN retrying in {rng.randint(1, 30)}s (attempt {rng.randint(1, 5)})",
                    f"INFO worker {rng.randint(1, 16)} exiting",
                    f"FATAL unhandled exception in request {noise.request_id()}"])
                for _ in range(rng.randint(4, 8)))
            run.call("ssh_exec", {"host": host, "command": f"journalctl -u {svc} -n 20 --no-pager"}, journal)
            new_pid = rng.randint(1000, 65000)
            run.call("restart_unit", {"host": host, "unit": svc},
                     f"Job for {svc} finished (result=done). New main PID {new_pid}. took {noise.latency()}ms")
            run.say(f"{svc} on {host} had failed; I restarted it and it is running again (new main PID {new_pid}).")
            return
        use = rng.randint(90, 99) if rng.random() < 0.35 else rng.randint(35, 89)
        size = rng.choice([40, 50, 80, 100])
        used = round(size * use / 100, 1)
        df = "\n".join(["Filesystem      Size  Used Avail Use% Mounted on",
                        f"/dev/nvme0n1p{rng.randint(1, 4)}  {size}G  {used}G  {round(size - used, 1)}G  {use}% /var"])
        full = use >= 90
        run.call("ssh_exec", {"host": host, "command": "df -h /var"}, df, branch="disk_full" if full else "disk_ok")
        if full:
            freed = f"{round(rng.uniform(0.6, 12), 1)}G"
            run.call("ssh_exec", {"host": host, "command": "journalctl --vacuum-size=500M"},
                     "\n".join([f"Deleted archived journal /var/log/journal/{fake.md5()}/system@{fake.md5()}-"
                                f"{rng.getrandbits(64):016x}.journal ({round(rng.uniform(8, 128), 1)}M)."
                                for _ in range(rng.randint(2, 5))] + [
                                f"Vacuuming done, freed {freed} of archived journals from /var/log/journal/{fake.md5()}."]))
            run.say(f"/var on {host} was {use}% full; I vacuumed the journal and freed {freed}.")
            return
        t = noise.tick()
        load = f"{round(rng.uniform(2, 16), 2)}, {round(rng.uniform(2, 16), 2)}, {round(rng.uniform(2, 16), 2)}"
        run.call("ssh_exec", {"host": host, "command": "uptime"},
                 f" {t:%H:%M:%S} up {rng.randint(1, 200)} days, {rng.randint(0, 23)}:{rng.randint(0, 59):02d},  "
                 f"{rng.randint(0, 4)} users,  load average: {load}")
        key = f"PERF-{rng.randint(1000, 9999)}"
        run.call("create_ticket", {"queue": "PERF", "title": f"{unit} slow on {host}",
                                   "body": f"Users report {unit} slow. Unit active, /var at {use}%. "
                                           f"Load average: {load}."},
                 f"Created {key}: https://tickets.meridian.internal/browse/{key}")
        run.say(f"{svc} on {host} is running and /var is fine ({use}% used); I opened {key} for the "
                f"performance team.")


ALL: tuple[type[Workflow], ...] = (WarehouseRestock, MeetingScheduler, DependencyAudit, HostTriage)
