"""The eighteenth review's traps: plain-text tool results whose lines differ in number (line-blocks).

Each trap's tool result has lines every run has (a header, a footer) around a varying number of
lines, and the answer turns on what those lines hold without copying it. ``c18_*`` are cost
controls: the block does not decide.
"""
from typing import ClassVar

from evals.workflows.adversarial.base import Adversarial
from evals.workflows.base import tool


class T(Adversarial):
    family = "A"; guards = ("line-blocks",); description = "trap"
    @property
    def seed_name(self): return self.name


UNITS = ["api", "auth", "billing", "cron", "gateway", "mailer", "search", "worker"]


# 1. Count of rows matching a word: page only when TWO or more units failed (one is restarted).
class UnitsTwoFailed(T):
    name = "r18_units_two_failed"
    tools: ClassVar = [tool("unit_status", "systemctl-like unit list", host="string"), tool("page_oncall", "Page", host="string")]
    def play(self, run, fake, rng):
        host = f"app-{rng.randint(1, 60):02d}"; k = rng.randint(2, 6)
        units = rng.sample(UNITS, k)
        states = ["failed" if rng.random() < 0.22 else "active" for _ in units]
        lines = ["UNIT              LOAD   ACTIVE", *[f"{u}.service  loaded {s}" for u, s in zip(units, states)],
                 "", "LOAD = Reflects whether the unit definition was properly loaded."]
        n = states.count("failed")
        run.system("You watch hosts. If two or more units have failed, page on-call. A single failed unit restarts itself: just say the host is fine.")
        run.user(f"How is {host}?")
        run.call("unit_status", {"host": host}, "\n".join(lines))
        if n >= 2:
            run.call("page_oncall", {"host": host}, "paged"); run.say(f"Several units failed on {host}; on-call is paged.")
        else:
            run.say(f"{host} is fine.")


# 2. Same, workers named by ids (a free column): only the state column is a vocabulary.
class WorkersTwoFailed(T):
    name = "r18_workers_two_failed"
    tools: ClassVar = [tool("workers", "Worker pool status", pool="string"), tool("page_oncall", "Page", pool="string")]
    def play(self, run, fake, rng):
        pool = rng.choice(["ingest", "render", "export", "thumbs"]); k = rng.randint(2, 6)
        states = ["down" if rng.random() < 0.22 else "up" for _ in range(k)]
        lines = [f"Pool {pool}: {k} workers", *[f"worker {rng.getrandbits(32):08x} {s}" for s in states], "-- end --"]
        run.system("You watch worker pools. If two or more workers are down, page on-call; one down worker is replaced automatically.")
        run.user(f"Check the {pool} pool.")
        run.call("workers", {"pool": pool}, "\n".join(lines))
        if states.count("down") >= 2:
            run.call("page_oncall", {"pool": pool}, "paged"); run.say(f"Several {pool} workers are down; paged on-call.")
        else:
            run.say(f"The {pool} pool is healthy.")


# 3. A sum of rows, each in range: approval when the batch total is over $2,000.
class BatchSum(T):
    name = "r18_batch_sum"
    tools: ClassVar = [tool("get_batch", "Payout batch", batch_id="string"),
                       tool("release_batch", "Release", batch_id="string"), tool("request_approval", "Approval", batch_id="string")]
    def play(self, run, fake, rng):
        batch = f"po_{rng.getrandbits(32):08x}"; k = rng.randint(1, 5)
        amts = [round(rng.uniform(50, 950), 2) for _ in range(k)]
        lines = [f"Batch {batch}", *[f"  {fake.last_name()}  ${a:,.2f}" for a in amts], "End of batch."]
        run.system("You run payout batches. Release a batch unless its total is over $2,000: then request approval.")
        run.user(f"Please process batch {batch}.")
        run.call("get_batch", {"batch_id": batch}, "\n".join(lines))
        if sum(amts) > 2000:
            run.call("request_approval", {"batch_id": batch}, "ok"); run.say(f"Batch {batch} totals over $2,000; approval requested.")
        else:
            run.call("release_batch", {"batch_id": batch}, "ok"); run.say(f"Batch {batch} is released.")


# 4. df -h with a threshold the USER gives: a percentage inside the range seen, over this run's threshold.
class DfUserThreshold(T):
    name = "r18_df_user_threshold"
    tools: ClassVar = [tool("df", "df -h", host="string")]
    def play(self, run, fake, rng):
        host = f"db-{rng.randint(1, 40):02d}"; thr = rng.choice([60, 75, 90]); k = rng.randint(1, 5)
        mounts = rng.sample(["/", "/var", "/home", "/data", "/tmp", "/srv", "/boot"], k)
        pcts = [rng.randint(5, 98) for _ in mounts]
        lines = ["Filesystem      Size  Used Avail Use% Mounted on"]
        for m, p in zip(mounts, pcts):
            size = rng.choice([20, 50, 100, 500]); used = size * p // 100
            lines.append(f"/dev/sd{'abcdefg'[mounts.index(m)]}1  {size}G  {used}G  {size - used}G  {p}% {m}")
        over = [m for m, p in zip(mounts, pcts) if p > thr]
        run.system("You watch disks for the user.")
        run.user(f"Anything on {host} above {thr}% used?")
        run.call("df", {"host": host}, "\n".join(lines))
        run.say(f"Yes: a mount on {host} is above {thr}%." if over else f"No mount on {host} is above {thr}%.")


# 5. df -h with a fixed 90% threshold (the percent check itself).
class DfFixed(T):
    name = "r18_df_fixed"
    tools: ClassVar = [tool("df", "df -h", host="string")]
    def play(self, run, fake, rng):
        host = f"db-{rng.randint(1, 40):02d}"; k = rng.randint(1, 5)
        mounts = rng.sample(["/", "/var", "/home", "/data", "/tmp", "/srv", "/boot"], k)
        full = rng.randrange(k) if rng.random() < 0.25 else -1
        lines = ["Filesystem      Size  Used Avail Use% Mounted on"]
        for i, m in enumerate(mounts):
            p = rng.randint(91, 99) if i == full else rng.randint(5, 88)
            size = rng.choice([20, 50, 100, 500]); used = size * p // 100
            lines.append(f"/dev/sd{'abcdefg'[i]}1  {size}G  {used}G  {size - used}G  {p}% {m}")
        run.system("You watch disks. Warn if any mount is over 90% used; else say all is fine.")
        run.user(f"Check disks on {host}.")
        run.call("df", {"host": host}, "\n".join(lines))
        run.say(f"Warning: a disk on {host} is over 90% full." if full >= 0 else f"Disks on {host} are fine.")


# 6. pytest progress lines and summary: open a PR when all pass.
class Pytest(T):
    name = "r18_pytest"
    tools: ClassVar = [tool("run_tests", "Run pytest", path="string"), tool("open_pr", "Open a PR", branch="string")]
    def play(self, run, fake, rng):
        branch = f"fix/{fake.word()}-{rng.randint(10, 999)}"; k = rng.randint(1, 5)
        files = rng.sample(["api", "models", "views", "utils", "cli", "db", "auth"], k)
        total = 0; failed = 0; skipped = 0; lines = ["============================= test session starts ==============================",
                                                      "platform linux -- Python 3.11.6, pytest-8.2.0", ""]
        counts = [rng.randint(3, 8) for _ in files]; n_all = sum(counts); done = 0
        for f, c in zip(files, counts):
            marks = "".join("F" if rng.random() < 0.04 else "s" if rng.random() < 0.1 else "." for _ in range(c))
            failed += marks.count("F"); skipped += marks.count("s"); done += c
            lines.append(f"tests/test_{f}.py {marks}{' ' * (12 - c)}[{100 * done // n_all:3d}%]")
        passed = n_all - failed - skipped
        summ = f"{passed} passed" + (f", {failed} failed" if failed else "") + (f", {skipped} skipped" if skipped else "")
        lines += ["", f"========================= {summ} in {rng.uniform(0.5, 9):.2f}s ========================="]
        run.system("You are a coding agent. Run the tests; if every test passes, open a PR; else report the failure.")
        run.user(f"Ship {branch}.")
        run.call("run_tests", {"path": "tests"}, "\n".join(lines))
        if failed:
            run.say(f"Tests fail on {branch}; not opening a PR.")
        else:
            run.call("open_pr", {"branch": branch}, "PR #1 opened"); run.say(f"Opened a PR for {branch}.")


# 7. Log tail: an ERROR line AFTER the latest restart decides; errors before it are old.
class LogAfterRestart(T):
    name = "r18_log_after_restart"
    tools: ClassVar = [tool("tail_log", "Tail a service log", service="string"), tool("escalate", "Escalate", service="string")]
    def play(self, run, fake, rng):
        svc = rng.choice(["orders", "cart", "ledger", "notify"]); k = rng.randint(3, 7)
        kinds = []
        r = rng.randrange(k)
        for i in range(k):
            if i == r:
                kinds.append("restart")
            else:
                kinds.append("error" if rng.random() < 0.3 else "info")
        lines = [f"==> /var/log/{svc}.log <=="]
        for i, kd in enumerate(kinds):
            ts = f"12:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
            if kd == "restart":
                lines.append(f"{ts} INFO service restarted")
            elif kd == "error":
                lines.append(f"{ts} ERROR request failed")
            else:
                lines.append(f"{ts} INFO request served")
        bad = "error" in kinds[r + 1:]
        run.system("You watch services. Escalate if an ERROR appears after the latest restart; errors before it are already handled.")
        run.user(f"Is {svc} healthy?")
        run.call("tail_log", {"service": svc}, "\n".join(lines))
        if bad:
            run.call("escalate", {"service": svc}, "ok"); run.say(f"{svc} logged errors after its restart; escalated.")
        else:
            run.say(f"{svc} is healthy since its restart.")


# 8. Log tail: ERROR vs INFO level (a word that shows up only in one branch).
class LogErrorLevel(T):
    name = "r18_log_error_level"
    tools: ClassVar = [tool("tail_log", "Tail a service log", service="string"), tool("escalate", "Escalate", service="string")]
    def play(self, run, fake, rng):
        svc = rng.choice(["orders", "cart", "ledger", "notify"]); k = rng.randint(2, 6)
        err = rng.randrange(k) if rng.random() < 0.3 else -1
        lines = [f"==> /var/log/{svc}.log <=="]
        for i in range(k):
            lvl = "ERROR" if i == err else rng.choice(["INFO", "INFO", "WARN"])
            lines.append(f"2026-12-07 12:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} {lvl} {rng.choice(['request served', 'cache miss', 'slow query'])}")
        run.system("You watch services. Escalate if the log shows any ERROR; WARN and INFO are fine.")
        run.user(f"Is {svc} healthy?")
        run.call("tail_log", {"service": svc}, "\n".join(lines))
        if err >= 0:
            run.call("escalate", {"service": svc}, "ok"); run.say(f"{svc} logged an error; escalated.")
        else:
            run.say(f"{svc} is healthy.")


LINKS = ["Home", "Deals", "Orders", "Help", "Gift cards", "Stores", "Careers", "Blog", "Cart"]


# 9. Accessibility tree: a "Sign out" link's presence says the user is signed in.
class NavSignedIn(T):
    name = "r18_nav_signed_in"
    tools: ClassVar = [tool("snapshot", "Accessibility tree of the page", url="string"),
                       tool("click", "Click an element", ref="integer")]
    def play(self, run, fake, rng):
        k = rng.randint(2, 6); links = rng.sample(LINKS, k)
        signed = rng.random() < 0.5
        if signed:
            links.insert(rng.randrange(len(links) + 1), "Sign out")
        ref = rng.randint(100, 900)
        lines = [f"RootWebArea 'Shop' focused: True", f"\t[{ref}] banner ''"]
        for i, l in enumerate(links):
            lines.append(f"\t\t[{ref + 1 + i}] link '{l}'")
        checkout = ref + len(links) + 1
        lines.append(f"\t[{checkout}] button 'Checkout'")
        run.system("You are a web agent. To buy, the user must be signed in (the page shows a 'Sign out' link); if so, click Checkout, else click the 'Sign in' button in the header.")
        run.user("Buy what is in my cart.")
        run.call("snapshot", {"url": "https://shop.example/cart"}, "\n".join(lines))
        if signed:
            run.call("click", {"ref": checkout}, "clicked"); run.say("Checking out.")
        else:
            run.say("You need to sign in first.")


# 10. A recall list from one tool, order lines from another: hold if an ordered SKU is recalled.
class RecallRelation(T):
    name = "r18_recall_relation"
    tools: ClassVar = [tool("recalls", "Current recalls"), tool("order_lines", "Lines of an order", order="string"),
                       tool("hold_order", "Hold", order="string"), tool("ship_order", "Ship", order="string")]
    def play(self, run, fake, rng):
        order = f"SO-{rng.randint(10000, 99999)}"; k = rng.randint(1, 5)
        skus = [f"SKU-{rng.randint(1000, 9999)}" for _ in range(k)]
        recalled = [f"SKU-{rng.randint(1000, 9999)}" for _ in range(3)]
        hit = rng.random() < 0.3
        if hit:
            recalled[rng.randrange(3)] = skus[rng.randrange(k)]
        lines = [f"Order {order}", *[f"{s}  x{rng.randint(1, 4)}" for s in skus], "--"]
        run.system("You ship orders. Hold any order that holds a recalled SKU; else ship it.")
        run.user(f"Process order {order}.")
        run.call("recalls", {}, "Recalled: " + ", ".join(recalled))
        run.call("order_lines", {"order": order}, "\n".join(lines))
        if hit:
            run.call("hold_order", {"order": order}, "ok"); run.say(f"Order {order} holds a recalled item; on hold.")
        else:
            run.call("ship_order", {"order": order}, "ok"); run.say(f"Order {order} shipped.")


COUNTRIES = ["France", "Germany", "Spain", "Italy", "Japan", "Brazil", "Canada", "Mexico", "India", "Kenya",
             "Norway", "Chile", "Egypt", "Peru", "Vietnam", "Poland", "Ghana", "Nepal"]
EMBARGO = ["Cuba", "Iran", "Syria"]


# 11. A country column from a larger vocabulary (each seen once at few runs): an embargoed one decides.
class EmbargoCountry(T):
    name = "r18_embargo_country"
    tools: ClassVar = [tool("shipments", "Today's shipments", warehouse="string"), tool("dispatch", "Dispatch", warehouse="string")]
    def play(self, run, fake, rng):
        wh = rng.choice(["north", "south", "east"]); k = rng.randint(1, 5)
        cs = rng.sample(COUNTRIES, k)
        bad = rng.random() < 0.25
        if bad:
            cs[rng.randrange(k)] = rng.choice(EMBARGO)
        lines = [f"Shipments from {wh}:", *[f"  #{rng.randint(1000, 9999)} to {c}" for c in cs], "(end)"]
        run.system("You dispatch shipments. Never dispatch to an embargoed country (Cuba, Iran, Syria): flag the batch instead.")
        run.user(f"Dispatch {wh}'s shipments.")
        run.call("shipments", {"warehouse": wh}, "\n".join(lines))
        if bad:
            run.say(f"The {wh} batch goes to an embargoed country; flagged for compliance.")
        else:
            run.call("dispatch", {"warehouse": wh}, "ok"); run.say(f"{wh} shipments dispatched.")


# 12. The first line of the block decides (latest first), the others may hold either value.
class LatestDeployFirst(T):
    name = "r18_latest_deploy_first"
    tools: ClassVar = [tool("deploys", "Recent deploys, newest first", app="string"), tool("rollback", "Roll back", app="string")]
    def play(self, run, fake, rng):
        app = rng.choice(["shop", "admin", "api", "docs"]); k = rng.randint(1, 5)
        st = [("failed" if rng.random() < (0.25 if i == 0 else 0.4) else "succeeded") for i in range(k)]
        lines = [f"Deploys of {app}:", *[f"  v1.{rng.randint(10, 99)}.{rng.randint(0, 9)}  {s}" for s in st], "Showing latest first."]
        run.system("You run releases. If the latest deploy failed, roll back; older failures do not matter.")
        run.user(f"Check {app}'s deploys.")
        run.call("deploys", {"app": app}, "\n".join(lines))
        if st[0] == "failed":
            run.call("rollback", {"app": app}, "ok"); run.say(f"The latest {app} deploy failed; rolled back.")
        else:
            run.say(f"The latest {app} deploy is fine.")


# 13. A middle row's status (a named row) decides: the primary's state; replicas may be down.
class PrimaryRow(T):
    name = "r18_primary_row"
    tools: ClassVar = [tool("cluster_status", "DB cluster members", cluster="string"), tool("failover", "Fail over", cluster="string")]
    def play(self, run, fake, rng):
        cl = rng.choice(["pg-main", "pg-events", "pg-auth"]); k = rng.randint(1, 4)
        rows = [("replica", "down" if rng.random() < 0.3 else "up") for _ in range(k)]
        prim = "down" if rng.random() < 0.25 else "up"
        rows.insert(rng.randrange(k + 1), ("primary", prim))
        lines = [f"Cluster {cl}", *[f"  {rng.getrandbits(24):06x}  {r}  {s}" for r, s in rows], "OK"]
        run.system("You run databases. If the primary is down, fail over; replicas being down is fine.")
        run.user(f"Check {cl}.")
        run.call("cluster_status", {"cluster": cl}, "\n".join(lines))
        if prim == "down":
            run.call("failover", {"cluster": cl}, "ok"); run.say(f"{cl}'s primary is down; failed over.")
        else:
            run.say(f"{cl} is healthy.")


# 14. An empty block decides: no open incidents vs some (the footer line also inside blocks?).
class EmptyIncidents(T):
    name = "r18_empty_incidents"
    tools: ClassVar = [tool("incidents", "Open incidents", team="string"), tool("page_oncall", "Page", team="string")]
    def play(self, run, fake, rng):
        team = rng.choice(["web", "data", "infra"]); k = rng.choice([0, 0, 1, 2, 3])
        sev = [rng.choice(["sev3", "sev3", "sev2"]) for _ in range(k)]
        lines = [f"Open incidents for {team}:", *[f"  INC-{rng.randint(100, 999)} {s} {fake.word()}" for s in sev], f"{k} open."]
        run.system("You triage incidents. Page on-call if any sev2 incident is open; else summarise.")
        run.user(f"Status of {team}?")
        run.call("incidents", {"team": team}, "\n".join(lines))
        if "sev2" in sev:
            run.call("page_oncall", {"team": team}, "paged"); run.say(f"A sev2 is open for {team}; paged.")
        else:
            run.say(f"Nothing urgent for {team}.")


# 15. Ambiguous split: a line after the block ("Total: N") that also appears inside blocks (subtotals).
class SubtotalAmbiguous(T):
    name = "r18_subtotal_ambiguous"
    tools: ClassVar = [tool("cart", "Cart contents", user="string"), tool("checkout", "Checkout", user="string")]
    def play(self, run, fake, rng):
        user = fake.user_name(); k = rng.randint(1, 4)
        lines = [f"Cart of {user}"]
        total = 0
        for i in range(k):
            p = rng.randint(5, 60); total += p
            lines.append(f"  item {rng.randint(100, 999)}: ${p}")
            if rng.random() < 0.3:
                lines.append(f"Total: ${total}")
        lines.append(f"Total: ${total}")
        run.system("You check out carts. Carts over $100 need the user's confirmation; else check out.")
        run.user(f"Check out {user}.")
        run.call("cart", {"user": user}, "\n".join(lines))
        if total > 100:
            run.say(f"The cart is ${total}; please confirm.")
        else:
            run.call("checkout", {"user": user}, "ok"); run.say("Checked out.")


# 16. A specific host id in the block decides (a canary host named in the system prompt).
class CanaryHost(T):
    name = "r18_canary_host"
    tools: ClassVar = [tool("alerts", "Firing alerts", env="string"), tool("page_oncall", "Page", env="string")]
    def play(self, run, fake, rng):
        env = rng.choice(["prod-eu", "prod-us"]); k = rng.randint(1, 5)
        hosts = ["web-07" if rng.random() < 0.6 else f"web-{rng.randint(10, 99)}" for _ in range(k)]
        lines = [f"Firing in {env}:", *[f"  HighLatency {h}" for h in hosts], "end"]
        run.system("You handle alerts. Alerts on the canary host web-07 are expected: ignore them. Page on-call if any other host fires.")
        run.user(f"Alerts in {env}?")
        run.call("alerts", {"env": env}, "\n".join(lines))
        if all(h == "web-07" for h in hosts):
            run.say("Only the canary is firing; nothing to do.")
        else:
            run.call("page_oncall", {"env": env}, "paged"); run.say(f"Paged on-call for {env}.")


# ---------------- cost controls: the block does not decide ----------------
class CostRoomsCount(T):
    name = "c18_rooms_list"
    tools: ClassVar = [tool("search_rooms", "Free rooms", people="integer"), tool("book_room", "Book", room="string")]
    def play(self, run, fake, rng):
        people = rng.randint(2, 12); k = rng.randint(1, 5)
        lines = [f"Free rooms for {people}:", *[f"  R-{rng.randint(100, 999)}  floor {rng.randint(1, 9)}  {rng.choice(['quiet', 'window', 'screen'])}" for _ in range(k)],
                 "Book with book_room."]
        run.system("You book meeting rooms: always book room R-100, the team's room, whatever the list says.")
        run.user(f"Book a room for {people} people.")
        run.call("search_rooms", {"people": people}, "\n".join(lines))
        run.call("book_room", {"room": "R-100"}, "ok"); run.say("Booked R-100.")


class CostLogAck(T):
    name = "c18_log_ack"
    tools: ClassVar = [tool("tail_log", "Tail a log", service="string"), tool("ack", "Acknowledge", service="string")]
    def play(self, run, fake, rng):
        svc = rng.choice(["orders", "cart", "ledger", "notify"]); k = rng.randint(2, 8)
        lines = [f"==> /var/log/{svc}.log <=="]
        for _ in range(k):
            lines.append(f"2026-12-07 12:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} {rng.choice(['INFO', 'WARN'])} {rng.choice(['request served', 'cache miss', 'slow query'])}")
        run.system("You acknowledge log reviews: after reading the log, acknowledge it.")
        run.user(f"Review the {svc} log.")
        run.call("tail_log", {"service": svc}, "\n".join(lines))
        run.call("ack", {"service": svc}, "ok"); run.say(f"Reviewed and acknowledged the {svc} log.")


class CostNavClick(T):
    name = "c18_nav_click"
    tools: ClassVar = [tool("snapshot", "Accessibility tree", url="string"), tool("click", "Click", ref="integer")]
    def play(self, run, fake, rng):
        k = rng.randint(2, 7); links = rng.sample(LINKS, k); ref = rng.randint(100, 900)
        lines = ["RootWebArea 'Shop' focused: True", f"\t[{ref}] banner ''", *[f"\t\t[{ref + 1 + i}] link '{l}'" for i, l in enumerate(links)],
                 f"\t[{ref + k + 1}] button 'Checkout'"]
        run.system("You are a web agent. Click Checkout.")
        run.user("Buy what is in my cart.")
        run.call("snapshot", {"url": "https://shop.example/cart"}, "\n".join(lines))
        run.call("click", {"ref": ref + k + 1}, "clicked"); run.say("Checking out.")


class CostPytestAlwaysPass(T):
    name = "c18_pytest_pass"
    tools: ClassVar = [tool("run_tests", "Run pytest", path="string"), tool("open_pr", "Open a PR", branch="string")]
    def play(self, run, fake, rng):
        branch = rng.choice(["main", "dev", "release"]); k = rng.randint(1, 6)
        files = rng.sample(["api", "models", "views", "utils", "cli", "db", "auth"], k)
        lines = ["============================= test session starts =============================="]
        n = 0
        for f in files:
            c = rng.randint(2, 9); n += c
            lines.append(f"tests/test_{f}.py {'.' * c}")
        lines.append(f"========================= {n} passed in {rng.uniform(0.5, 9):.2f}s =========================")
        run.system("You are a coding agent. Run the tests, then open a PR.")
        run.user(f"Ship {branch}.")
        run.call("run_tests", {"path": "tests"}, "\n".join(lines))
        run.call("open_pr", {"branch": branch}, "PR opened"); run.say(f"Opened a PR for {branch}.")


ALL = [UnitsTwoFailed, WorkersTwoFailed, BatchSum, DfUserThreshold, DfFixed, Pytest, LogAfterRestart, LogErrorLevel,
       NavSignedIn, RecallRelation, EmbargoCountry, LatestDeployFirst, PrimaryRow, EmptyIncidents, SubtotalAmbiguous,
       CanaryHost, CostRoomsCount, CostLogAck, CostNavClick, CostPytestAlwaysPass]


# ---------------- batch 2: a rare branch (training often holds none of it) ----------------
# 21. Count: page when two or more workers are down; one down is common, two rare.
class TwoDownRare(T):
    name = "r18_two_down_rare"
    tools: ClassVar = [tool("workers", "Worker pool status", pool="string"), tool("page_oncall", "Page", pool="string")]
    def play(self, run, fake, rng):
        pool = rng.choice(["ingest", "render", "export", "thumbs"]); k = rng.randint(2, 6)
        states = ["down" if rng.random() < 0.15 else "up" for _ in range(k)]
        lines = [f"Pool {pool} status:", *[f"worker {rng.getrandbits(32):08x} {s}" for s in states], "-- end --"]
        run.system("You watch worker pools. If two or more workers are down, page on-call; one down worker is replaced automatically.")
        run.user(f"Check the {pool} pool.")
        run.call("workers", {"pool": pool}, "\n".join(lines))
        if states.count("down") >= 2:
            run.call("page_oncall", {"pool": pool}, "paged"); run.say(f"Several {pool} workers are down; paged on-call.")
        else:
            run.say(f"The {pool} pool is healthy.")


# 22. Sum: approval when the total is over $1,500; every amount stays inside the range seen.
class SumRare(T):
    name = "r18_sum_rare"
    tools: ClassVar = [tool("get_batch", "Payout batch", batch_id="string"),
                       tool("release_batch", "Release", batch_id="string"), tool("request_approval", "Approval", batch_id="string")]
    def play(self, run, fake, rng):
        batch = f"po_{rng.getrandbits(32):08x}"; k = rng.randint(1, 5)
        amts = [round(rng.uniform(100, 600), 2) for _ in range(k)]
        lines = ["Payout batch:", *[f"  {fake.last_name()}  ${a:,.2f}" for a in amts], "End of batch."]
        run.system("You run payout batches. Release a batch unless its total is over $1,500: then request approval.")
        run.user(f"Please process batch {batch}.")
        run.call("get_batch", {"batch_id": batch}, "\n".join(lines))
        if sum(amts) > 1500:
            run.call("request_approval", {"batch_id": batch}, "ok"); run.say(f"Batch {batch} totals over $1,500; approval requested.")
        else:
            run.call("release_batch", {"batch_id": batch}, "ok"); run.say(f"Batch {batch} is released.")


JOBS = ["backup", "cleanup", "rotate", "report", "reindex", "vacuum"]


# 23. Absence: alert when the backup job is MISSING from last night's cron log.
class BackupAbsent(T):
    name = "r18_backup_absent"
    tools: ClassVar = [tool("cron_log", "Last night's cron runs", host="string"), tool("alert", "Alert", host="string")]
    def play(self, run, fake, rng):
        host = rng.choice(["db1", "db2", "files"]); k = rng.randint(2, 5)
        jobs = rng.sample([j for j in JOBS if j != "backup"], k - 1)
        missing = rng.random() < 0.2
        if not missing:
            jobs.insert(rng.randrange(k), "backup")
        else:
            jobs.append(rng.choice([j for j in JOBS if j not in jobs and j != "backup"]))
        lines = [f"cron on {host}:", *[f"  0{rng.randint(1, 5)}:{rng.randint(0, 59):02d} {j} exit=0" for j in jobs], "(4 jobs scheduled)"]
        run.system("You check nightly jobs. If the backup job did not run, alert; else say all ran.")
        run.user(f"Did {host}'s jobs run?")
        run.call("cron_log", {"host": host}, "\n".join(lines))
        if missing:
            run.call("alert", {"host": host}, "ok"); run.say(f"The backup did not run on {host}; alerted.")
        else:
            run.say(f"All of {host}'s jobs ran.")


# 24. Order: an ERROR after the latest restart, rarely.
class AfterRestartRare(T):
    name = "r18_after_restart_rare"
    tools: ClassVar = [tool("tail_log", "Tail a service log", service="string"), tool("escalate", "Escalate", service="string")]
    def play(self, run, fake, rng):
        svc = rng.choice(["orders", "cart", "ledger", "notify"]); k = rng.randint(3, 7)
        r = rng.randrange(k)
        kinds = ["restart" if i == r else ("error" if rng.random() < (0.08 if i > r else 0.4) else "info") for i in range(k)]
        lines = [f"==> /var/log/{svc}.log <=="]
        for kd in kinds:
            ts = f"12:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
            lines.append(f"{ts} INFO service restarted" if kd == "restart" else f"{ts} ERROR request failed" if kd == "error" else f"{ts} INFO request served")
        bad = "error" in kinds[r + 1:]
        run.system("You watch services. Escalate if an ERROR appears after the latest restart; errors before it are already handled.")
        run.user(f"Is {svc} healthy?")
        run.call("tail_log", {"service": svc}, "\n".join(lines))
        if bad:
            run.call("escalate", {"service": svc}, "ok"); run.say(f"{svc} logged errors after its restart; escalated.")
        else:
            run.say(f"{svc} is healthy since its restart.")


# 25. A count footer (an unread number: the cluster is split by it) and a rare sev2 row.
class FooterCountSev(T):
    name = "r18_footer_count_sev"
    tools: ClassVar = [tool("incidents", "Open incidents", team="string"), tool("page_oncall", "Page", team="string")]
    def play(self, run, fake, rng):
        team = rng.choice(["web", "data", "infra"]); k = rng.randint(1, 4)
        sev = ["sev2" if rng.random() < 0.12 else "sev3" for _ in range(k)]
        lines = [f"Open incidents for {team}:", *[f"  INC-{rng.randint(100, 999)} {s} {rng.choice(['latency', 'errors', 'disk', 'queue'])}" for s in sev], f"{k} open."]
        run.system("You triage incidents. Page on-call if any sev2 incident is open; else summarise.")
        run.user(f"Status of {team}?")
        run.call("incidents", {"team": team}, "\n".join(lines))
        if "sev2" in sev:
            run.call("page_oncall", {"team": team}, "paged"); run.say(f"A sev2 is open for {team}; paged.")
        else:
            run.say(f"Nothing urgent for {team}.")


# 26. Duplicates: merge when one SKU appears on two lines.
class DuplicateSku(T):
    name = "r18_duplicate_sku"
    tools: ClassVar = [tool("order_lines", "Lines of an order", order="string"), tool("merge_lines", "Merge duplicate lines", order="string"),
                       tool("ship_order", "Ship", order="string")]
    def play(self, run, fake, rng):
        order = f"SO-{rng.randint(10000, 99999)}"; k = rng.randint(2, 5)
        skus = [f"SKU-{rng.randint(1000, 9999)}" for _ in range(k)]
        dup = rng.random() < 0.2
        if dup:
            i, j = rng.sample(range(k), 2); skus[j] = skus[i]
        lines = [f"Order {order}:", *[f"  {s}  x{rng.randint(1, 4)}" for s in skus], "--"]
        run.system("You ship orders. If a SKU appears on two lines, merge the lines first; else ship.")
        run.user(f"Process order {order}.")
        run.call("order_lines", {"order": order}, "\n".join(lines))
        if dup:
            run.call("merge_lines", {"order": order}, "ok"); run.say(f"Merged duplicate lines of {order}.")
        else:
            run.call("ship_order", {"order": order}, "ok"); run.say(f"Order {order} shipped.")


ALL += [TwoDownRare, SumRare, BackupAbsent, AfterRestartRare, FooterCountSev, DuplicateSku]


# ---------------- batch 3 ----------------
# 27. The LAST line decides by a combination of two columns each seen in last lines, the
#     combination seen only in middle lines: fail over when the latest event is the primary degraded.
class LastLineCombo(T):
    name = "r18_last_line_combo"
    tools: ClassVar = [tool("events", "Cluster events, oldest first", cluster="string"), tool("failover", "Fail over", cluster="string")]
    def play(self, run, fake, rng):
        cl = rng.choice(["pg-main", "pg-events", "pg-auth"]); k = rng.randint(2, 6)
        ev = [(rng.choice(["primary", "replica"]), "degraded" if rng.random() < 0.35 else "healthy") for _ in range(k)]
        lines = [f"Events for {cl}:", *[f"  12:{rng.randint(0, 59):02d}  {r}  {s}" for r, s in ev], "(latest last)"]
        bad = ev[-1] == ("primary", "degraded")
        run.system("You run databases. If the latest event says the primary is degraded, fail over; older events and replicas do not matter.")
        run.user(f"Check {cl}.")
        run.call("events", {"cluster": cl}, "\n".join(lines))
        if bad:
            run.call("failover", {"cluster": cl}, "ok"); run.say(f"{cl}'s primary is degraded; failed over.")
        else:
            run.say(f"{cl} needs nothing.")


BRANCHES = ["feat-login", "fix-typo", "dev", "release-2", "exp-cache", "docs", "hotfix-pay", "refactor-db", "ui-dark", "perf"]


# 28. git branch: the current branch ("* name") is main -> branch off first; a marked line's name
#     column takes many names (free), main among them only on unmarked lines.
class GitBranchMain(T):
    name = "r18_git_branch_main"
    tools: ClassVar = [tool("git", "Run git", args="string")]
    def play(self, run, fake, rng):
        k = rng.randint(2, 5); names = sorted(rng.sample(BRANCHES, k - 1) + ["main"])
        on_main = rng.random() < 0.2
        cur = "main" if on_main else rng.choice([n for n in names if n != "main"])
        lines = ["$ git branch", *[("* " if n == cur else "  ") + n for n in names], "$"]
        run.system("You are a coding agent. Never push to main: if the current branch is main, create a new branch first; else push.")
        run.user("Push my work.")
        run.call("git", {"args": "branch"}, "\n".join(lines))
        if on_main:
            run.call("git", {"args": "checkout -b wip"}, "Switched to a new branch 'wip'"); run.say("Moved your work to branch wip.")
        else:
            run.call("git", {"args": "push"}, "ok"); run.say("Pushed.")


# 29. Embargo, rarer (8%): at 20 runs often still unseen.
class EmbargoRare(T):
    name = "r18_embargo_rare"
    tools: ClassVar = [tool("shipments", "Today's shipments", warehouse="string"), tool("dispatch", "Dispatch", warehouse="string")]
    def play(self, run, fake, rng):
        wh = rng.choice(["north", "south", "east"]); k = rng.randint(1, 5)
        cs = [rng.choice(COUNTRIES) for _ in range(k)]
        bad = rng.random() < 0.08
        if bad:
            cs[rng.randrange(k)] = rng.choice(EMBARGO)
        lines = ["Shipments:", *[f"  #{rng.randint(1000, 9999)} to {c}" for c in cs], "(end)"]
        run.system("You dispatch shipments. Never dispatch to an embargoed country (Cuba, Iran, Syria): flag the batch instead.")
        run.user(f"Dispatch {wh}'s shipments.")
        run.call("shipments", {"warehouse": wh}, "\n".join(lines))
        if bad:
            run.say(f"The {wh} batch goes to an embargoed country; flagged for compliance.")
        else:
            run.call("dispatch", {"warehouse": wh}, "ok"); run.say(f"{wh} shipments dispatched.")


ALL += [LastLineCombo, GitBranchMain, EmbargoRare]
