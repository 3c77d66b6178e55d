"""The twenty-first review's traps: bare tool results, typed values out of the literal share
(d754741), and the Deriver's line views / offsets / whole_leaves with derivations (a6097f4).

``r21_bare_*``: a tool returns one bare value (no whitespace) that decides the next step.
``r21_typed_*``: a tool's text is mostly typed values (url, email, uuid, timestamp) and a word
or a typed value's inside decides. ``r21_line_*``: the answer reads a line of a block where the
policy really picks by a condition that training happened to satisfy on the first/last line.
``c21_*`` are controls that should keep hitting.
"""
from typing import ClassVar

from evals.workflows.adversarial.base import Adversarial
from evals.workflows.base import tool


class T(Adversarial):
    family = "A"; guards = ("structure-evidence",); description = "trap"
    @property
    def seed_name(self): return self.name


def _hex(rng, k):
    return f"{rng.getrandbits(4 * k):0{k}x}"


def _uuid(rng):
    h = _hex(rng, 32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


SLACK_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


def _slack(rng, first):
    # Slack ids mix letters and digits: one alignment token (many letter/digit changes).
    while True:
        body = "".join(rng.choice(SLACK_CHARS) for _ in range(8))
        if sum(c.isdigit() for c in body) >= 3 and sum(c.isalpha() for c in body) >= 3:
            return first + body


# ---------------- 1b: bare values ----------------
# 1. A bare Slack id: "B..." is a bot (never DM a bot), "U..." a person. The first letter sits
#    inside one token.
class BareSlackBot(T):
    P = 0.12
    name = "r21_bare_slack_bot"
    tools: ClassVar = [tool("resolve_handle", "Slack id of a handle", handle="string"),
                       tool("send_dm", "DM a Slack user", user_id="string", text="string")]
    def play(self, run, fake, rng):
        handle = fake.user_name(); bot = rng.random() < self.P
        uid = _slack(rng, "B" if bot else rng.choice("UUUW"))
        run.system("You relay notices on Slack. Slack ids starting with B are bots: never DM a bot, say it cannot be reached. Ids starting with U or W are people: DM them.")
        run.user(f"Tell @{handle} the deploy is done.")
        run.call("resolve_handle", {"handle": handle}, uid)
        if bot:
            run.say(f"@{handle} is a bot account; I did not DM it.")
        else:
            run.call("send_dm", {"user_id": uid, "text": "The deploy is done."}, "ok"); run.say(f"Told @{handle}.")


# 2. A bare phone number: +1 numbers are domestic (call), any other country needs approval.
class BarePhoneCountry(T):
    P = 0.12
    name = "r21_bare_phone_country"
    tools: ClassVar = [tool("customer_phone", "Phone of a customer", customer="string"),
                       tool("place_call", "Call", number="string"), tool("request_intl_approval", "Approval", customer="string")]
    def play(self, run, fake, rng):
        cust = f"C{rng.randint(10000, 99999)}"; intl = rng.random() < self.P
        num = (f"+{rng.choice(['44', '49', '33', '91'])}{rng.randint(10**9, 10**10 - 1)}" if intl
               else f"+1{rng.randint(201, 989)}{rng.randint(2000000, 9999999)}")
        run.system("You call customers back. Only +1 (US/Canada) numbers may be dialled directly; any other country code needs international-call approval first.")
        run.user(f"Call customer {cust} back.")
        run.call("customer_phone", {"customer": cust}, num)
        if intl:
            run.call("request_intl_approval", {"customer": cust}, "pending"); run.say("That number is international; approval requested.")
        else:
            run.call("place_call", {"number": num}, "connected"); run.say(f"Calling {num}.")


# 3. A bare version: upgrading across a major version needs the migration first.
class BareVersionMajor(T):
    P = 0.12
    name = "r21_bare_version_major"
    tools: ClassVar = [tool("latest_release", "Latest release of a package", package="string"),
                       tool("upgrade", "Upgrade", package="string", to="string"), tool("open_migration", "Plan a migration", package="string", to="string")]
    def play(self, run, fake, rng):
        pkg = rng.choice(["orm", "auth-sdk", "billing-client", "ui-kit"]); major = rng.random() < self.P
        ver = f"v{3 if major else 2}.{rng.randint(0, 30)}.{rng.randint(0, 15)}"
        run.system("You keep dependencies current; we are on major version 2. Upgrade to the latest 2.x release directly; a 3.x release is a breaking change: open a migration plan instead.")
        run.user(f"Update {pkg}.")
        run.call("latest_release", {"package": pkg}, ver)
        if major:
            run.call("open_migration", {"package": pkg, "to": ver}, "MIG-1"); run.say(f"{ver} is a new major; migration planned.")
        else:
            run.call("upgrade", {"package": pkg, "to": ver}, "ok"); run.say(f"{pkg} upgraded to {ver}.")


# 4. A bare user name from whoami: never run migrations as root.
class BareWhoamiRoot(T):
    P = 0.1
    name = "r21_bare_whoami_root"
    tools: ClassVar = [tool("whoami", "Current shell user"), tool("run_migrations", "Run DB migrations", as_user="string")]
    def play(self, run, fake, rng):
        root = rng.random() < self.P
        user = "root" if root else f"{fake.first_name().lower()}{rng.randint(1, 99)}"
        run.system("You run database migrations. Never run them as root: if the shell user is root, stop and ask for a normal account.")
        run.user("Run the pending migrations.")
        run.call("whoami", {}, user)
        if root:
            run.say("This shell is root; please switch to a normal account first.")
        else:
            run.call("run_migrations", {"as_user": user}, "ok"); run.say(f"Migrations ran as {user}.")


# 5. A bare balance copied into the answer: a negative balance means overdrawn.
class BareBalanceNegative(T):
    P = 0.12
    name = "r21_bare_balance_negative"
    tools: ClassVar = [tool("balance", "Account balance", account="string"), tool("notify_collections", "Collections", account="string")]
    def play(self, run, fake, rng):
        acct = f"AC-{rng.randint(1000, 9999)}"; neg = rng.random() < self.P
        bal = -round(rng.uniform(5, 900), 2) if neg else round(rng.uniform(5, 9000), 2)
        run.system("You answer balance questions. If the balance is negative the account is overdrawn: notify collections and tell the customer.")
        run.user(f"What's the balance of {acct}?")
        run.call("balance", {"account": acct}, f"{bal:.2f}")
        if neg:
            run.call("notify_collections", {"account": acct}, "ok"); run.say(f"{acct} is overdrawn by {-bal:.2f}; collections notified.")
        else:
            run.say(f"The balance of {acct} is {bal:.2f}.")


# 6. A bare risk score, hold at >= 80 (scores spread over 0..99).
class BareRiskScore(T):
    name = "r21_bare_risk_score"
    tools: ClassVar = [tool("risk_score", "Fraud score 0-99", txn="string"),
                       tool("approve", "Approve", txn="string"), tool("hold", "Hold", txn="string")]
    def play(self, run, fake, rng):
        txn = f"T{rng.randint(100000, 999999)}"; s = rng.randint(0, 99) if rng.random() < 0.3 else rng.randint(0, 60)
        run.system("You process payments. Hold a transaction whose fraud score is 80 or more; approve the rest.")
        run.user(f"Process {txn}.")
        run.call("risk_score", {"txn": txn}, str(s))
        if s >= 80:
            run.call("hold", {"txn": txn}, "ok"); run.say(f"{txn} held (score {s}).")
        else:
            run.call("approve", {"txn": txn}, "ok"); run.say(f"{txn} approved.")


# 7. A bare HTTP status from a probe: 200 go, 429 back off, 5xx escalate (5xx rare).
class BareHttpCode(T):
    name = "r21_bare_http_code"
    tools: ClassVar = [tool("probe", "HTTP probe, returns the status code", url="string"),
                       tool("sync", "Sync", url="string"), tool("backoff", "Back off", url="string"), tool("escalate", "Escalate", url="string")]
    def play(self, run, fake, rng):
        url = f"https://{rng.choice(['api', 'feeds', 'cdn'])}.partner.example/v1"
        r = rng.random(); code = 200 if r < 0.6 else (rng.choice([429, 408]) if r < 0.9 else rng.choice([500, 502, 503, 504]))
        run.system("You sync partner feeds. Probe first: on 200 sync; on 429 or 408 back off; on any 5xx escalate.")
        run.user(f"Sync {url}.")
        run.call("probe", {"url": url}, str(code))
        if code == 200:
            run.call("sync", {"url": url}, "ok"); run.say("Synced.")
        elif code < 500:
            run.call("backoff", {"url": url}, "ok"); run.say(f"Partner rate-limited us ({code}); backing off.")
        else:
            run.call("escalate", {"url": url}, "ok"); run.say(f"Partner is failing ({code}); escalated.")


# 8. A bare count of open incidents: deploy only when it is 0 (positive counts rare).
class BareIncidentCount(T):
    P = 0.12
    name = "r21_bare_incident_count"
    tools: ClassVar = [tool("open_incidents", "Number of open incidents", service="string"),
                       tool("deploy", "Deploy", service="string")]
    def play(self, run, fake, rng):
        svc = rng.choice(["api", "web", "billing"]); n = rng.randint(1, 4) if rng.random() < self.P else 0
        run.system("You deploy services. Deploy only if the service has no open incidents; otherwise postpone.")
        run.user(f"Deploy {svc}.")
        run.call("open_incidents", {"service": svc}, str(n))
        if n:
            run.say(f"{svc} has {n} open incident(s); postponed.")
        else:
            run.call("deploy", {"service": svc}, "ok"); run.say(f"{svc} deployed.")


# ---------------- 1a: typed values out of the literal share ----------------
# 9. The outcome is a path segment inside a URL (one typed token): success vs failure.
class TypedUrlOutcome(T):
    P = 0.12
    name = "r21_typed_url_outcome"
    tools: ClassVar = [tool("checkout", "Run a checkout", cart="string"), tool("send_receipt", "Receipt", order="string"),
                       tool("retry_payment", "Retry", cart="string")]
    def play(self, run, fake, rng):
        cart = f"cart_{_hex(rng, 10)}"; fail = rng.random() < self.P; oid = _uuid(rng)
        res = f"Checkout {cart} -> https://shop.example.com/checkout/{oid}/{'failure' if fail else 'success'}?sig={_hex(rng, 16)}"
        run.system("You run checkouts. The checkout returns a redirect URL: /success means paid (send the receipt), /failure means the card was declined (retry the payment).")
        run.user(f"Check out {cart}.")
        run.call("checkout", {"cart": cart}, res)
        if fail:
            run.call("retry_payment", {"cart": cart}, "queued"); run.say("The card was declined; retrying.")
        else:
            run.call("send_receipt", {"order": oid}, "sent"); run.say("Paid; receipt sent.")


# 10. Invite accepted by an email at a timestamp: external domains need approval.
class TypedEmailDomain(T):
    P = 0.12
    name = "r21_typed_email_domain"
    tools: ClassVar = [tool("invite_status", "Status of an invite", invite="string"),
                       tool("grant_access", "Grant repo access", email="string"), tool("request_approval", "Ask security", email="string")]
    def play(self, run, fake, rng):
        inv = f"inv{rng.randint(1000, 9999)}"; ext = rng.random() < self.P
        email = f"{fake.first_name().lower()}.{fake.last_name().lower()}@{rng.choice(['gmail.com', 'contractor.io']) if ext else 'corp.example'}"
        ts = f"2026-11-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"
        res = f"Accepted by {email} at {ts}; token={_uuid(rng)}"
        run.system("You manage repo invites. Once accepted, grant access to @corp.example addresses; any other domain needs a security approval first.")
        run.user(f"Finish invite {inv}.")
        run.call("invite_status", {"invite": inv}, res)
        if ext:
            run.call("request_approval", {"email": email}, "pending"); run.say(f"{email} is external; approval requested.")
        else:
            run.call("grant_access", {"email": email}, "ok"); run.say(f"Access granted to {email}.")


# 11. Booked vs Cancelled, the rest ids and a timestamp (the brief's example; Cancelled rare).
class TypedBookedCancelled(T):
    P = 0.12
    name = "r21_typed_booked_cancelled"
    tools: ClassVar = [tool("event_status", "Calendar event status", event="string"),
                       tool("send_agenda", "Send agenda", event="string"), tool("refund_room", "Refund", event="string")]
    def play(self, run, fake, rng):
        ev = f"evt_{_hex(rng, 12)}"; cancelled = rng.random() < self.P
        day = rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri"])
        ts = f"{day}, {rng.randint(1, 28)} Nov 2026 {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} +0000"
        res = f"{'Cancelled' if cancelled else 'Booked'} {ev} ({ts}); iCalUID={_uuid(rng)}@cal.example.com; invites_sent={rng.randint(1, 9)}"
        run.system("You run meetings. If the event is booked, send the agenda; if it was cancelled, refund the room.")
        run.user(f"Follow up on {ev}.")
        run.call("event_status", {"event": ev}, res)
        if cancelled:
            run.call("refund_room", {"event": ev}, "ok"); run.say("Cancelled; room refunded.")
        else:
            run.call("send_agenda", {"event": ev}, "ok"); run.say("Agenda sent.")


# 12. A token's expiry timestamp against now (in the prompt): expired tokens are refreshed.
class TypedTokenExpiry(T):
    P = 0.12
    name = "r21_typed_token_expiry"
    tools: ClassVar = [tool("token_info", "Token info", service="string"),
                       tool("call_api", "Call the API", service="string"), tool("refresh_token", "Refresh", service="string")]
    def play(self, run, fake, rng):
        svc = rng.choice(["github", "stripe", "jira"]); day = rng.randint(10, 25); exp = rng.random() < self.P
        d = day - rng.randint(1, 5) if exp else day + rng.randint(1, 3)
        ts = f"2026-11-{d:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
        res = f"token {_uuid(rng)} for {fake.user_name()}@corp.example expires {ts} ({_hex(rng, 12)})"
        run.system(f"Now is 2026-11-{day:02d}T12:00:00Z. Before calling an API check its token; refresh it if it has expired.")
        run.user(f"Pull the {svc} report.")
        run.call("token_info", {"service": svc}, res)
        if exp:
            run.call("refresh_token", {"service": svc}, "ok"); run.say("The token had expired; refreshed.")
        else:
            run.call("call_api", {"service": svc}, "ok"); run.say("Report pulled.")


# ---------------- 2: line views, offsets, whole leaves ----------------
# 13. Open the first ERROR line (WARN lines mixed in); training often has an ERROR first.
class LineFirstError(T):
    name = "r21_line_first_error"
    tools: ClassVar = [tool("build_log", "Compiler diagnostics", target="string"),
                       tool("read_file", "Read lines of a file", path="string", start="integer", end="integer")]
    def play(self, run, fake, rng):
        tgt = rng.choice(["app", "lib", "cli"]); k = rng.randint(1, 4)
        diags = []
        for i in range(k):
            sev = "warning" if (rng.random() < 0.15 and i < k - 1) else "error"
            diags.append((sev, f"src/{''.join(rng.choices('abcdefghijklmnopqrstuvwxyz', k=6))}.c", rng.randint(10, 400)))
        lines = [f"{p}:{ln}:{rng.randint(1, 40)}: {sev}: {rng.choice(['unused variable', 'implicit declaration', 'incompatible pointer', 'missing return'])}" for sev, p, ln in diags]
        sev, p, ln = next(d for d in diags if d[0] == "error")
        run.system("You fix builds. Open the first *error* (skip warnings): read its file from 3 lines before to 3 lines after the reported line.")
        run.user(f"Fix the {tgt} build.")
        run.call("build_log", {"target": tgt}, "\n".join(lines) + f"\n{sum(d[0] == 'error' for d in diags)} error(s) generated.")
        run.call("read_file", {"path": p, "start": ln - 3, "end": ln + 3}, "...")
        run.say(f"Looking at {p}:{ln}.")


# 14. F401 at the top of a file: the window starts at line max(1, line-2).
class LineClampOffset(T):
    name = "r21_line_clamp_offset"
    tools: ClassVar = [tool("run", "Run a command", command="string"),
                       tool("read_file", "Read lines", path="string", start="integer", end="integer")]
    def play(self, run, fake, rng):
        diags = [(f"src/kit/{''.join(rng.choices('abcdefghijklmnopqrstuvwxyz', k=7))}.py",
                  rng.randint(1, 2) if rng.random() < 0.1 else rng.randint(3, 220)) for _ in range(rng.randint(1, 4))]
        report = "\n".join(f"{p}:{ln}:1: F401 `os` imported but unused" for p, ln in diags)
        p, ln = diags[0]
        run.system("You fix lint errors, the first one first: read its file from 2 lines before to 2 lines after (files start at line 1).")
        run.user("Please fix the lint errors.")
        run.call("run", {"command": "ruff check ."}, f"{report}\n--\nruff 0.8.1")
        run.call("read_file", {"path": p, "start": max(1, ln - 2), "end": ln + 2}, "...")
        run.say(f"Opened {p}.")


# 15. git tag lists lexicographically: the last line is not the latest once a minor reaches 10.
class LineLastTag(T):
    name = "r21_line_last_tag"
    tools: ClassVar = [tool("git", "Run git", args="string"), tool("deploy", "Deploy a tag", tag="string")]
    def play(self, run, fake, rng):
        top = rng.randint(4, 12); k = rng.randint(2, 4)
        tags = [f"v1.{m}.{rng.randint(0, 3)}" for m in range(max(0, top - k + 1), top + 1)]
        listing = sorted(tags)
        latest = max(tags, key=lambda t: tuple(int(x) for x in t[1:].split(".")))
        run.system("You deploy releases. List the tags and deploy the latest version (highest semver).")
        run.user("Deploy the latest release.")
        run.call("git", {"args": "tag --list v1.*"}, "\n".join(listing))
        run.call("deploy", {"tag": latest}, "ok"); run.say(f"Deployed {latest}.")


# 16. A CSV of slots: book the first slot whose status is open (training: mostly first is open).
class LineFirstOpenSlot(T):
    name = "r21_line_first_open_slot"
    tools: ClassVar = [tool("slots", "Free/busy slots (CSV)", room="string"), tool("book", "Book", room="string", slot="string")]
    def play(self, run, fake, rng):
        room = rng.choice(["B12", "C3", "A7"]); k = rng.randint(1, 4); start = rng.randint(8, 14)
        rows = []
        for i in range(k):
            st = "held" if (rng.random() < 0.15 and i < k - 1) else "open"
            rows.append((f"{start + i:02d}:{rng.choice(['00', '30'])}", st, rng.randint(2, 12)))
        slot = next(r[0] for r in rows if r[1] == "open")
        run.system("You book rooms. Book the earliest slot whose status is open; held slots are taken.")
        run.user(f"Book {room} for my meeting.")
        run.call("slots", {"room": room}, "\n".join(f"{s},{st},{cap}" for s, st, cap in rows))
        run.call("book", {"room": room, "slot": slot}, "ok"); run.say(f"Booked {room} at {slot}.")


# 17. The highest-memory process: `ps` output sorted by pid; training often one line.
class LineTopMem(T):
    name = "r21_line_top_mem"
    tools: ClassVar = [tool("ps", "Processes of a service", service="string"), tool("kill", "Kill a pid", pid="integer")]
    def play(self, run, fake, rng):
        svc = rng.choice(["worker", "indexer"]); k = 1 if rng.random() < 0.6 else rng.randint(2, 3)
        procs = sorted((rng.randint(1000, 60000), rng.randint(200, 4000)) for _ in range(k))
        pid = max(procs, key=lambda x: x[1])[0]
        run.system("You fix memory leaks: kill the process of the service using the most memory (RSS MB).")
        run.user(f"{svc} is leaking, fix it.")
        run.call("ps", {"service": svc}, "\n".join(f"{p} {svc} {m}" for p, m in procs))
        run.call("kill", {"pid": pid}, "ok"); run.say(f"Killed {pid}.")


# 18. The model's context call read the first line (whole_leaves on context): after reading the
#     file, the fix depends on the file's content, not on the line.
class LineContextThenFix(T):
    name = "r21_line_context_then_fix"
    tools: ClassVar = [tool("grep", "Search", pattern="string"), tool("open", "Open a file", path="string"),
                       tool("apply_patch", "Patch", path="string", patch="string")]
    def play(self, run, fake, rng):
        k = rng.randint(1, 3)
        hits = [f"services/{rng.choice(['auth', 'billing', 'search', 'ledger'])}/{''.join(rng.choices('abcdefghijklmnopqrstuvwxyz', k=6))}.py:{rng.randint(5, 300)}: TODO remove" for _ in range(k)]
        path = hits[0].split(":")[0]
        frozen = rng.random() < 0.12
        run.system("You remove TODO markers, first match first. Files with '# frozen' at the top must not be edited.")
        run.user("Remove the TODO markers.")
        run.call("grep", {"pattern": "TODO remove"}, "\n".join(hits))
        run.call("open", {"path": path}, ("# frozen\n" if frozen else "# editable\n") + f"x = 1  # TODO remove\nsize = {rng.randint(1, 99)}")
        if frozen:
            run.say(f"{path} is frozen; not editing.")
        else:
            run.call("apply_patch", {"path": path, "patch": "-x = 1  # TODO remove\n+x = 1"}, "ok"); run.say("Done.")


# ---------------- controls ----------------
class CtlBareUserId(T):
    name = "c21_bare_user_id"
    tools: ClassVar = [tool("lookup_user", "User id of an email", email="string"), tool("list_orders", "Orders", user_id="string")]
    def play(self, run, fake, rng):
        email = fake.email(); uid = f"{fake.first_name().lower()}_{fake.last_name().lower()}_{rng.randint(1000, 9999)}"
        run.system("You answer order questions: find the user id, then list their orders.")
        run.user(f"What did {email} order?")
        run.call("lookup_user", {"email": email}, uid)
        run.call("list_orders", {"user_id": uid}, "[]"); run.say("No orders yet.")


class CtlFirstLint(T):
    name = "c21_first_lint"
    tools: ClassVar = [tool("run", "Run a command", command="string"),
                       tool("read_file", "Read lines", path="string", start="integer", end="integer")]
    def play(self, run, fake, rng):
        diags = [(f"src/kit/{''.join(rng.choices('abcdefghijklmnopqrstuvwxyz', k=7))}.py", rng.randint(3, 220)) for _ in range(rng.randint(1, 4))]
        report = "\n".join(f"{p}:{ln}:1: F401 `os` imported but unused" for p, ln in diags)
        p, ln = diags[0]
        run.system("You fix lint errors, the first one first.")
        run.user("Please fix the lint errors.")
        run.call("run", {"command": "ruff check ."}, f"{report}\n--\nruff 0.8.1")
        run.call("read_file", {"path": p, "start": ln - 2, "end": ln + 2}, "...")
        run.say(f"Opened {p}.")


class CtlTypedBooked(T):
    name = "c21_typed_booked"
    tools: ClassVar = [tool("book_event", "Book", title="string"), tool("send_agenda", "Agenda", event="string")]
    def play(self, run, fake, rng):
        ev = f"evt_{_hex(rng, 12)}"; title = rng.choice(["standup", "retro", "planning"])
        day = rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri"])
        ts = f"{day}, {rng.randint(1, 28)} Nov 2026 {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} +0000"
        res = f"Booked {ev} ({ts}); iCalUID={_uuid(rng)}@cal.example.com; invites_sent={rng.randint(1, 9)}"
        run.system("You book meetings and then send the agenda.")
        run.user(f"Book the {title}.")
        run.call("book_event", {"title": title}, res)
        run.call("send_agenda", {"event": ev}, "ok"); run.say("Booked; agenda sent.")


ALL = [BareSlackBot, BarePhoneCountry, BareVersionMajor, BareWhoamiRoot, BareBalanceNegative, BareRiskScore,
       BareHttpCode, BareIncidentCount, TypedUrlOutcome, TypedEmailDomain, TypedBookedCancelled, TypedTokenExpiry,
       LineFirstError, LineClampOffset, LineLastTag, LineFirstOpenSlot, LineTopMem, LineContextThenFix,
       CtlBareUserId, CtlFirstLint, CtlTypedBooked]


# ---------------- batch 2 ----------------
NAMES = ["alice", "bruno", "chen", "dana", "emil", "farah", "gita", "hugo", "ines", "jonas", "kofi", "lena", "mateo",
         "nora", "omar", "priya", "quinn", "rosa", "sven", "tariq", "uma", "viktor", "wen", "yara", "zane", "deploy", "ci"]


# 19. whoami with letter-only names (one word token, as "root" is).
class BareWhoamiRoot2(BareWhoamiRoot):
    name = "r21_bare_whoami_root2"
    def play(self, run, fake, rng):
        root = rng.random() < self.P
        user = "root" if root else rng.choice(NAMES)
        run.system("You run database migrations. Never run them as root: if the shell user is root, stop and ask for a normal account.")
        run.user("Run the pending migrations.")
        run.call("whoami", {}, user)
        if root:
            run.say("This shell is root; please switch to a normal account first.")
        else:
            run.call("run_migrations", {"as_user": user}, "ok"); run.say(f"Migrations ran as {user}.")


# 20. A bare order number, "0" when the customer has none (a sentinel in the id's place).
class BareZeroSentinel(T):
    P = 0.12
    name = "r21_bare_zero_sentinel"
    tools: ClassVar = [tool("last_order_id", "Id of the customer's last order, 0 if none", email="string"),
                       tool("order_details", "Order details", order_id="integer")]
    def play(self, run, fake, rng):
        email = fake.email(); none = rng.random() < self.P
        oid = 0 if none else rng.randint(1000000, 9999999)
        run.system("You answer order questions. last_order_id returns 0 when the customer has no orders.")
        run.user(f"Where is the last order of {email}?")
        run.call("last_order_id", {"email": email}, str(oid))
        if none:
            run.say(f"{email} has no orders.")
        else:
            run.call("order_details", {"order_id": oid}, "shipped"); run.say("It has shipped.")


# 21. The live commit (bare sha) equals the one the user asks to deploy: nothing to do.
class BareShaEqual(T):
    P = 0.12
    name = "r21_bare_sha_equal"
    tools: ClassVar = [tool("live_commit", "Commit live on a service", service="string"),
                       tool("deploy", "Deploy a commit", service="string", sha="string")]
    def play(self, run, fake, rng):
        svc = rng.choice(["api", "web", "worker"]); want = _hex(rng, 12); same = rng.random() < self.P
        live = want if same else _hex(rng, 12)
        run.system("You deploy commits. If the requested commit is already live, say so and do nothing.")
        run.user(f"Deploy {want} to {svc}.")
        run.call("live_commit", {"service": svc}, live)
        if same:
            run.say(f"{want} is already live on {svc}.")
        else:
            run.call("deploy", {"service": svc, "sha": want}, "ok"); run.say(f"Deployed {want} to {svc}.")


# 22. A download link in a message: fetch only from our file host.
class TypedUrlHost(T):
    P = 0.12
    name = "r21_typed_url_host"
    tools: ClassVar = [tool("read_ticket", "Ticket text", ticket="string"), tool("fetch", "Download", url="string"),
                       tool("flag_phishing", "Flag", ticket="string")]
    def play(self, run, fake, rng):
        t = f"SUP-{rng.randint(1000, 9999)}"; bad = rng.random() < self.P
        host = rng.choice(["files.corp-share.net", "dl.examp1e-cdn.com"]) if bad else "files.corp.example"
        url = f"https://{host}/d/{_uuid(rng)}/{rng.choice(['logs', 'dump', 'trace'])}.zip"
        res = f"From {fake.user_name()}@corp.example at 2026-11-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z: {url}"
        run.system("You triage support tickets. Fetch attachment links only from https://files.corp.example; a link to any other host is phishing: flag the ticket.")
        run.user(f"Grab the logs from {t}.")
        run.call("read_ticket", {"ticket": t}, res)
        if bad:
            run.call("flag_phishing", {"ticket": t}, "ok"); run.say("That link is not ours; flagged as phishing.")
        else:
            run.call("fetch", {"url": url}, "ok"); run.say("Logs downloaded.")


# 23. git tag -n lists lexicographically: the last line is not the latest once a minor reaches 10.
class LineLastTag2(T):
    name = "r21_line_last_tag2"
    tools: ClassVar = [tool("git", "Run git", args="string"), tool("deploy", "Deploy a tag", tag="string")]
    def play(self, run, fake, rng):
        top = rng.randint(4, 12); k = rng.randint(2, 4)
        tags = [f"v1.{m}.{rng.randint(0, 3)}" for m in range(max(0, top - k + 1), top + 1)]
        latest = max(tags, key=lambda t: tuple(int(x) for x in t[1:].split(".")))
        run.system("You deploy releases. List the tags and deploy the latest version (highest semver).")
        run.user("Deploy the latest release.")
        run.call("git", {"args": "tag -n --list v1.*"}, "\n".join(f"{t:<10} Release {t[1:]}" for t in sorted(tags)))
        run.call("deploy", {"tag": latest}, "ok"); run.say(f"Deployed {latest}.")


# 24. Retry after the last attempt: the next attempt is last + 1, up to 3 attempts; then give up.
class LineRetryCap(T):
    name = "r21_line_retry_cap"
    tools: ClassVar = [tool("job_history", "Attempts of a job", job="string"), tool("retry", "Retry", job="string", attempt="integer"),
                       tool("give_up", "Mark failed", job="string")]
    def play(self, run, fake, rng):
        job = f"etl-{rng.randint(100, 999)}"; k = rng.choice([1, 1, 2, 2, 3]) if rng.random() < 0.9 else rng.randint(4, 5)
        lines = [f"attempt {i + 1}: failed after {rng.randint(5, 300)}s (exit {rng.choice([1, 2, 137])})" for i in range(k)]
        run.system("You babysit ETL jobs. Retry a failed job with the next attempt number; after 4 attempts stop retrying and mark it failed.")
        run.user(f"{job} failed again.")
        run.call("job_history", {"job": job}, "\n".join(lines))
        if k >= 4:
            run.call("give_up", {"job": job}, "ok"); run.say(f"{job} failed {k} times; marked failed.")
        else:
            run.call("retry", {"job": job, "attempt": k + 1}, "ok"); run.say(f"Retrying {job} (attempt {k + 1}).")


# ---------------- JSON references: the same policy with the value in a JSON result (before and after alike?) ----------------
class JsonSlackBot(BareSlackBot):
    name = "j21_json_slack_bot"
    def play(self, run, fake, rng):
        handle = fake.user_name(); bot = rng.random() < self.P
        uid = _slack(rng, "B" if bot else rng.choice("UUUW"))
        run.system("You relay notices on Slack. Slack ids starting with B are bots: never DM a bot, say it cannot be reached. Ids starting with U or W are people: DM them.")
        run.user(f"Tell @{handle} the deploy is done.")
        run.call("resolve_handle", {"handle": handle}, {"id": uid})
        if bot:
            run.say(f"@{handle} is a bot account; I did not DM it.")
        else:
            run.call("send_dm", {"user_id": uid, "text": "The deploy is done."}, "ok"); run.say(f"Told @{handle}.")


class JsonEmailDomain(TypedEmailDomain):
    name = "j21_json_email_domain"
    def play(self, run, fake, rng):
        inv = f"inv{rng.randint(1000, 9999)}"; ext = rng.random() < self.P
        email = f"{fake.first_name().lower()}.{fake.last_name().lower()}@{rng.choice(['gmail.com', 'contractor.io']) if ext else 'corp.example'}"
        ts = f"2026-11-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"
        run.system("You manage repo invites. Once accepted, grant access to @corp.example addresses; any other domain needs a security approval first.")
        run.user(f"Finish invite {inv}.")
        run.call("invite_status", {"invite": inv}, {"accepted_by": email, "at": ts, "token": _uuid(rng)})
        if ext:
            run.call("request_approval", {"email": email}, "pending"); run.say(f"{email} is external; approval requested.")
        else:
            run.call("grant_access", {"email": email}, "ok"); run.say(f"Access granted to {email}.")


class JsonTokenExpiry(TypedTokenExpiry):
    name = "j21_json_token_expiry"
    def play(self, run, fake, rng):
        svc = rng.choice(["github", "stripe", "jira"]); day = rng.randint(10, 25); exp = rng.random() < self.P
        d = day - rng.randint(1, 5) if exp else day + rng.randint(1, 3)
        ts = f"2026-11-{d:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
        run.system(f"Now is 2026-11-{day:02d}T12:00:00Z. Before calling an API check its token; refresh it if it has expired.")
        run.user(f"Pull the {svc} report.")
        run.call("token_info", {"service": svc}, {"token": _uuid(rng), "owner": f"{fake.user_name()}@corp.example", "expires": ts})
        if exp:
            run.call("refresh_token", {"service": svc}, "ok"); run.say("The token had expired; refreshed.")
        else:
            run.call("call_api", {"service": svc}, "ok"); run.say("Report pulled.")


class JsonVersionMajor(BareVersionMajor):
    name = "j21_json_version_major"
    def play(self, run, fake, rng):
        pkg = rng.choice(["orm", "auth-sdk", "billing-client", "ui-kit"]); major = rng.random() < self.P
        ver = f"v{3 if major else 2}.{rng.randint(0, 30)}.{rng.randint(0, 15)}"
        run.system("You keep dependencies current; we are on major version 2. Upgrade to the latest 2.x release directly; a 3.x release is a breaking change: open a migration plan instead.")
        run.user(f"Update {pkg}.")
        run.call("latest_release", {"package": pkg}, {"version": ver})
        if major:
            run.call("open_migration", {"package": pkg, "to": ver}, "MIG-1"); run.say(f"{ver} is a new major; migration planned.")
        else:
            run.call("upgrade", {"package": pkg, "to": ver}, "ok"); run.say(f"{pkg} upgraded to {ver}.")


class JsonPhoneCountry(BarePhoneCountry):
    name = "j21_json_phone_country"
    def play(self, run, fake, rng):
        cust = f"C{rng.randint(10000, 99999)}"; intl = rng.random() < self.P
        num = (f"+{rng.choice(['44', '49', '33', '91'])}{rng.randint(10**9, 10**10 - 1)}" if intl
               else f"+1{rng.randint(201, 989)}{rng.randint(2000000, 9999999)}")
        run.system("You call customers back. Only +1 (US/Canada) numbers may be dialled directly; any other country code needs international-call approval first.")
        run.user(f"Call customer {cust} back.")
        run.call("customer_phone", {"customer": cust}, {"phone": num})
        if intl:
            run.call("request_intl_approval", {"customer": cust}, "pending"); run.say("That number is international; approval requested.")
        else:
            run.call("place_call", {"number": num}, "connected"); run.say(f"Calling {num}.")


BATCH2 = [BareWhoamiRoot2, BareZeroSentinel, BareShaEqual, TypedUrlHost, LineLastTag2, LineRetryCap,
          JsonSlackBot, JsonEmailDomain, JsonTokenExpiry, JsonVersionMajor, JsonPhoneCountry]
ALL += BATCH2


# ---------------- batch 3: line traps with text around the block (a block alone matches no template) ----------------
# 25. Book the first room that seats the party; training's parties are small, so the first room fits.
class LineFirstFitRoom(T):
    name = "r21_line_first_fit_room"
    tools: ClassVar = [tool("free_rooms", "Rooms free now", building="string"), tool("book_room", "Book", room="string")]
    def play(self, run, fake, rng):
        b = "A"; k = rng.randint(1, 4)
        rooms = [(f"{b}-{rng.randint(100, 499)}", rng.choice([4, 6, 8, 10, 12])) for _ in range(k)]
        if rng.random() < 0.15:
            party = rng.choice([8, 10])
            rooms.append((f"{b}-{rng.randint(100, 499)}", 12))
        else:
            party = rng.randint(2, 4)
        room = next(r for r, c in rooms if c >= party)
        run.system("You book meeting rooms. Book the first listed room whose capacity fits the whole party.")
        run.user(f"Find a room for {party} people in building {b}.")
        run.call("free_rooms", {"building": b}, "\n".join(f"{r}  seats {c}  floor {rng.randint(1, 5)}" for r, c in rooms) + "\n--\nroomctl 2.4")
        run.call("book_room", {"room": room}, "ok"); run.say(f"Booked {room}.")


# 26. Kill the process with the most memory; the listing is sorted by pid.
class LineTopMem2(T):
    name = "r21_line_top_mem2"
    tools: ClassVar = [tool("ps", "Processes of a service", service="string"), tool("kill", "Kill a pid", pid="integer")]
    def play(self, run, fake, rng):
        svc = "worker"; k = 1 if rng.random() < 0.6 else rng.randint(2, 3)
        procs = sorted((rng.randint(1000, 60000), rng.randint(200, 4000)) for _ in range(k))
        pid = max(procs, key=lambda x: x[1])[0]
        run.system("You fix memory leaks: kill the process of the service using the most memory (RSS).")
        run.user(f"{svc} is leaking, fix it.")
        run.call("ps", {"service": svc}, "\n".join(f"  pid {p}  rss {m} MB" for p, m in procs) + "\n--\nprocps 4.0.4")
        run.call("kill", {"pid": pid}, "ok"); run.say(f"Killed {pid}.")


# 27. Restore the latest backup; backups listed in name order (backup-10 sorts before backup-9).
class LineLatestBackup(T):
    name = "r21_line_latest_backup"
    tools: ClassVar = [tool("list_backups", "Backups of a database", db="string"), tool("restore", "Restore", db="string", backup="string")]
    def play(self, run, fake, rng):
        db = "orders"; top = rng.randint(3, 12); k = rng.randint(2, 3)
        names = [f"backup-{i}" for i in range(max(1, top - k + 1), top + 1)]
        run.system("You restore databases from the latest backup (the highest backup number).")
        run.user(f"Restore {db}.")
        run.call("list_backups", {"db": db}, "\n".join(f"  {nm}.tar  {rng.randint(100, 900)} MB" for nm in sorted(names)) + "\n--\nbackupctl 1.2")
        run.call("restore", {"db": db, "backup": f"backup-{top}.tar"}, "ok"); run.say(f"Restored backup-{top}.")


# 28. Retry with the next attempt number; after 4 attempts give up (4+ attempts rare).
class LineRetryCap2(T):
    name = "r21_line_retry_cap2"
    tools: ClassVar = [tool("job_history", "Attempts of a job", job="string"), tool("retry", "Retry", job="string", attempt="integer"),
                       tool("give_up", "Mark failed", job="string")]
    def play(self, run, fake, rng):
        job = "etl-nightly"; k = rng.choice([1, 2, 3]) if rng.random() < 0.9 else 4
        lines = [f"attempt {i + 1}: failed after {rng.randint(5, 300)}s (exit {rng.choice([1, 2, 137])})" for i in range(k)]
        run.system("You babysit ETL jobs. Retry a failed job with the next attempt number; after 4 attempts stop retrying and mark it failed.")
        run.user(f"{job} failed again.")
        run.call("job_history", {"job": job}, "\n".join(lines) + "\n--\nscheduler 3.1")
        if k >= 4:
            run.call("give_up", {"job": job}, "ok"); run.say(f"{job} failed {k} times; marked failed.")
        else:
            run.call("retry", {"job": job, "attempt": k + 1}, "ok"); run.say(f"Retrying {job} (attempt {k + 1}).")


# 29. Deploy the latest tag; git lists tags lexicographically.
class LineLastTag3(T):
    name = "r21_line_last_tag3"
    tools: ClassVar = [tool("git", "Run git", args="string"), tool("deploy", "Deploy a tag", tag="string")]
    def play(self, run, fake, rng):
        top = rng.randint(4, 12); k = rng.randint(2, 4)
        tags = [f"v1.{m}.{rng.randint(0, 3)}" for m in range(max(0, top - k + 1), top + 1)]
        latest = max(tags, key=lambda t: tuple(int(x) for x in t[1:].split(".")))
        run.system("You deploy releases. List the tags and deploy the latest version (highest semver).")
        run.user("Deploy the latest release.")
        run.call("git", {"args": "tag -n --list v1.*"}, "\n".join(f"{t:<10} Release {t[1:]}" for t in sorted(tags)) + "\n--\ngit 2.47.0")
        run.call("deploy", {"tag": latest}, "ok"); run.say(f"Deployed {latest}.")


BATCH3 = [LineFirstFitRoom, LineTopMem2, LineLatestBackup, LineRetryCap2, LineLastTag3]
ALL += BATCH3
