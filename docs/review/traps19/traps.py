"""The nineteenth review's traps: line-blocks after review 18's fixes (ba56b1c).

Aimed at what the fixes added (free references in brackets, free ids glued to a prefix, split
shapes keeping the skeleton's free columns, the fixed-word refusal of free slots, per-shape
counts) and at shapes neither review tried (records spanning lines, a header inside the block,
timestamps, a word the prompt names in another form, a relation to a value outside the block,
a block deciding a later call or a call after a later user turn). ``c19_*`` are cost controls:
the block does not decide.
"""
from typing import ClassVar

from evals.workflows.adversarial.base import Adversarial
from evals.workflows.base import tool


class T(Adversarial):
    family = "A"; guards = ("line-blocks",); description = "trap"
    @property
    def seed_name(self): return self.name


PATHS = ["/api/orders", "/api/cart", "/api/users", "/healthz", "/api/search", "/static/app.js"]


# 1. HTTP status in brackets (a "reference" by the bracket rule, so free): escalate on any 5xx.
class Http5xxBracket(T):
    P = 0.2
    name = "r19_http_5xx_bracket"
    tools: ClassVar = [tool("access_log", "Tail the access log", service="string"), tool("escalate", "Escalate", service="string")]
    def play(self, run, fake, rng):
        svc = rng.choice(["storefront", "checkout", "accounts"]); k = rng.randint(2, 6)
        codes = [rng.choice([200, 200, 200, 201, 204, 301, 304, 404]) for _ in range(k)]
        if rng.random() < self.P:
            codes[rng.randrange(k)] = rng.choice([500, 502, 503])
        lines = [f"==> {svc} access.log <==",
                 *[f"{rng.choice(['GET', 'GET', 'POST'])} {rng.choice(PATHS)} [{c}] {rng.randint(3, 250)}ms" for c in codes],
                 "-- tail end --"]
        run.system("You watch web services. Escalate if the access log shows any server error (a 5xx status); 2xx, 3xx and 4xx are fine.")
        run.user(f"Is {svc} serving fine?")
        run.call("access_log", {"service": svc}, "\n".join(lines))
        if any(c >= 500 for c in codes):
            run.call("escalate", {"service": svc}, "ok"); run.say(f"{svc} returned server errors; escalated.")
        else:
            run.say(f"{svc} is serving fine.")


# 2. Exit codes in brackets: merge only if every job exited [0].
class ExitCodeBracket(T):
    P = 0.2
    name = "r19_exit_code_bracket"
    tools: ClassVar = [tool("ci_jobs", "CI jobs of a PR", pr="integer"), tool("merge", "Merge", pr="integer")]
    def play(self, run, fake, rng):
        pr = rng.randint(100, 9999); k = rng.randint(2, 6)
        jobs = rng.sample(["lint", "typecheck", "unit", "integration", "e2e", "docs", "build", "audit"], k)
        bad = rng.random() < self.P
        codes = [0] * k
        if bad:
            codes[rng.randrange(k)] = rng.choice([1, 2, 137])
        lines = [f"PR #{pr} checks:", *[f"  {j:<12} exited [{c}] after {rng.randint(12, 600)}s" for j, c in zip(jobs, codes)], "done."]
        run.system("You merge pull requests. Merge only if every CI job exited with code 0; otherwise comment that CI failed.")
        run.user(f"Merge PR {pr} if it's green.")
        run.call("ci_jobs", {"pr": pr}, "\n".join(lines))
        if bad:
            run.say(f"CI failed on PR {pr}; not merging.")
        else:
            run.call("merge", {"pr": pr}, "merged"); run.say(f"PR {pr} merged.")


# 3. A Windows event id glued to a prefix (many distinct: free); 4625 (failed logon) decides.
class EventIdPrefix(T):
    P = 0.2
    name = "r19_event_id_prefix"
    tools: ClassVar = [tool("security_log", "Recent security events", host="string"), tool("lock_account", "Lock an account", user="string")]
    def play(self, run, fake, rng):
        host = f"dc-{rng.randint(1, 9):02d}"; k = rng.randint(2, 6)
        evs = [rng.choice([4624, 4634, 4647, 4672, 4688, 4720, 4732, 4776, 4798, 5379]) for _ in range(k)]
        bad = rng.random() < self.P
        if bad:
            evs[rng.randrange(k)] = 4625
        user = rng.choice(["alice", "bob", "carol", "dave", "erin"])
        lines = [f"Security events on {host}:",
                 *[f"  {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}  EventID-{e}  user {user}" for e in evs],
                 "(latest last)"]
        run.system("You are a SOC assistant. If the log holds a failed logon (EventID 4625), lock that user's account; otherwise report all clear.")
        run.user(f"Review {host} for {user}.")
        run.call("security_log", {"host": host}, "\n".join(lines))
        if bad:
            run.call("lock_account", {"user": user}, "locked"); run.say(f"Failed logon for {user}; account locked.")
        else:
            run.say(f"All clear on {host}.")


# 4. A relation between an anchor's value (the leader) and the block's ids (unhealthy nodes).
class LeaderUnhealthy(T):
    P = 0.2
    name = "r19_leader_unhealthy"
    tools: ClassVar = [tool("raft_status", "Raft cluster status", cluster="string"),
                       tool("transfer_leadership", "Move the leader", cluster="string"), tool("replace_nodes", "Replace nodes", cluster="string")]
    def play(self, run, fake, rng):
        cl = rng.choice(["etcd-a", "etcd-b", "consul-1"]); nodes = rng.sample(range(10, 60), 7)
        leader = nodes[0]; k = rng.randint(1, 3)
        bad = rng.random() < self.P
        unhealthy = rng.sample(nodes[1:], k)
        if bad:
            unhealthy[rng.randrange(k)] = leader
        lines = [f"Cluster {cl}", f"Leader: node-{leader}", "Unhealthy members:", *[f"  node-{u}  missed heartbeats" for u in unhealthy], "end"]
        run.system("You run consensus clusters. If the leader itself is unhealthy, transfer leadership first; otherwise replace the unhealthy followers.")
        run.user(f"Fix {cl}.")
        run.call("raft_status", {"cluster": cl}, "\n".join(lines))
        if bad:
            run.call("transfer_leadership", {"cluster": cl}, "ok"); run.say(f"The {cl} leader was unhealthy; leadership moved.")
        else:
            run.call("replace_nodes", {"cluster": cl}, "ok"); run.say(f"Replaced the unhealthy followers of {cl}.")


# 5. key = value config lines; the value column (numbers, words) is free over all lines, so the
#    split shape "tls = _" keeps it free; the prompt says "disables", the line "disabled".
class ConfigTlsDisabled(T):
    P = 0.15
    name = "r19_config_tls_disabled"
    tools: ClassVar = [tool("show_config", "Proposed config", service="string"), tool("apply_config", "Apply", service="string")]
    def play(self, run, fake, rng):
        svc = rng.choice(["gateway", "broker", "ledger"])
        items = {"max_connections": str(rng.randint(50, 2000)), "timeout": f"{rng.randint(5, 120)}s",
                 "log_level": rng.choice(["info", "debug", "warn"]), "tls": "enabled",
                 "cache_size": f"{rng.choice([128, 256, 512, 1024])}MB", "workers": str(rng.randint(2, 64)),
                 "region": rng.choice(["eu-west-1", "us-east-2", "ap-south-1"])}
        bad = rng.random() < self.P
        if bad:
            items["tls"] = "disabled"
        keys = ["tls"] + rng.sample([x for x in items if x != "tls"], rng.randint(1, 5))
        rng.shuffle(keys)
        lines = [f"# {svc}.conf (proposed)", *[f"{key} = {items[key]}" for key in keys], "# end"]
        run.system("You apply service configs. Never apply a config that disables TLS: reject it and tell the user; else apply it.")
        run.user(f"Apply the new {svc} config.")
        run.call("show_config", {"service": svc}, "\n".join(lines))
        if bad:
            run.say(f"The {svc} config turns TLS off; rejected.")
        else:
            run.call("apply_config", {"service": svc}, "ok"); run.say(f"Applied the {svc} config.")


COUNTRIES = ["France", "Germany", "Spain", "Italy", "Japan", "Brazil", "Canada", "Mexico", "India", "Kenya",
             "Norway", "Chile", "Egypt", "Peru", "Vietnam", "Poland", "Ghana", "Nepal"]


# 6. The prompt names the sanctioned countries as adjectives ("Russian"), the block as nouns.
class SanctionsAdjective(T):
    P = 0.15
    name = "r19_sanctions_adjective"
    tools: ClassVar = [tool("payout_batch", "Payouts of a batch", batch="string"),
                       tool("release", "Release", batch="string"), tool("hold", "Hold", batch="string")]
    def play(self, run, fake, rng):
        batch = f"B{rng.randint(1000, 9999)}"; k = rng.randint(1, 5)
        cs = [rng.choice(COUNTRIES) for _ in range(k)]
        bad = rng.random() < self.P
        if bad:
            cs[rng.randrange(k)] = rng.choice(["Russia", "Belarus"])
        lines = [f"Batch {batch}", *[f"  {fake.last_name()}  {c}  ${rng.randint(100, 900)}.00" for c in cs], "end of batch"]
        run.system("You release payout batches. Hold any batch that pays a Russian or Belarusian beneficiary (sanctions); release the rest.")
        run.user(f"Release batch {batch}.")
        run.call("payout_batch", {"batch": batch}, "\n".join(lines))
        if bad:
            run.call("hold", {"batch": batch}, "ok"); run.say(f"Batch {batch} pays a sanctioned country; held.")
        else:
            run.call("release", {"batch": batch}, "ok"); run.say(f"Batch {batch} released.")


# 7. YAML-ish records over lines: the primary's state is on the line after its role.
class YamlPrimaryDown(T):
    name = "r19_yaml_primary_down"
    tools: ClassVar = [tool("members", "Cluster members (YAML)", cluster="string"), tool("failover", "Fail over", cluster="string")]
    def play(self, run, fake, rng):
        cl = rng.choice(["pg-main", "pg-events", "pg-auth"]); k = rng.randint(1, 3)
        recs = [("replica", "down" if rng.random() < 0.3 else "up") for _ in range(k)]
        prim = "down" if rng.random() < 0.15 else "up"
        recs.insert(rng.randrange(k + 1), ("primary", prim))
        lines = [f"cluster: {cl}", "members:"]
        for role, st in recs:
            lines += [f"  - host: db-{rng.randint(10, 99)}", f"    role: {role}", f"    state: {st}"]
        lines.append("version: 3")
        run.system("You run databases. If the primary is down, fail over; replicas being down is fine.")
        run.user(f"Check {cl}.")
        run.call("members", {"cluster": cl}, "\n".join(lines))
        if prim == "down":
            run.call("failover", {"cluster": cl}, "ok"); run.say(f"{cl}'s primary is down; failed over.")
        else:
            run.say(f"{cl} is healthy.")


SENDERS = ["ceo@corp.example", "hr@corp.example", "it@corp.example", "sales@corp.example", "ops@corp.example"]


# 8. Mail digest, records separated by blank lines: a message from the CEO marked URGENT decides
#    (the CEO writes non-urgent mail, others write urgent mail).
class MailCeoUrgent(T):
    name = "r19_mail_ceo_urgent"
    tools: ClassVar = [tool("inbox", "Unread mail"), tool("notify_user", "Notify the user now", text="string")]
    def play(self, run, fake, rng):
        k = rng.randint(1, 4); msgs = []
        for _ in range(k):
            s = rng.choice(SENDERS)
            urgent = rng.random() < (0.12 if s == SENDERS[0] else 0.4)
            msgs.append((s, urgent))
        lines = [f"{k} unread:", ""]
        for s, u in msgs:
            lines += [f"From: {s}", f"Subject: {'URGENT' if u else 'FYI'} {rng.choice(['budget', 'offsite', 'laptops', 'Q3 plan'])}", ""]
        lines.append("-- end of digest --")
        boss = any(s == SENDERS[0] and u for s, u in msgs)
        run.system("You triage the user's mail. Notify the user at once only if the CEO (ceo@corp.example) sent something URGENT; otherwise just say the inbox is handled.")
        run.user("Anything in my inbox?")
        run.call("inbox", {}, "\n".join(lines))
        if boss:
            run.call("notify_user", {"text": "Urgent mail from the CEO"}, "ok"); run.say("The CEO sent something urgent; I notified you.")
        else:
            run.say("Nothing needs you now.")


# 9. The CSV header is inside the block (its column order varies): cpu and mem columns pool.
class HeaderSwap(T):
    P = 0.15
    name = "r19_header_swap"
    tools: ClassVar = [tool("metrics", "Host metrics (CSV)", pool="string"), tool("scale_out", "Scale out", pool="string")]
    def play(self, run, fake, rng):
        pool = rng.choice(["web", "api", "jobs"]); k = rng.randint(1, 4)
        swap = rng.random() < 0.5
        rows = []
        hot = rng.random() < self.P
        for i in range(k):
            cpu = rng.randint(5, 85); mem = rng.randint(40, 97)
            rows.append((f"{pool}-{rng.randint(10, 99)}", cpu, mem))
        if hot:
            h, _, m = rows[rng.randrange(k)]; i = next(j for j, r in enumerate(rows) if r[0] == h)
            rows[i] = (h, rng.randint(91, 99), m)
        hdr = "host,mem_pct,cpu_pct" if swap else "host,cpu_pct,mem_pct"
        body = [f"{h},{m},{c}" if swap else f"{h},{c},{m}" for h, c, m in rows]
        lines = [f"# metrics for pool {pool}", hdr, *body]
        run.system("You run capacity. Scale out a pool if any host's CPU is over 90%; memory does not matter.")
        run.user(f"Check the {pool} pool.")
        run.call("metrics", {"pool": pool}, "\n".join(lines))
        if hot:
            run.call("scale_out", {"pool": pool}, "ok"); run.say(f"A {pool} host is over 90% CPU; scaled out.")
        else:
            run.say(f"The {pool} pool has headroom.")


# 10. Backup times are timestamps (no range): a stale one decides; today is in the system prompt.
class BackupTimestamp(T):
    P = 0.15
    name = "r19_backup_timestamp"
    tools: ClassVar = [tool("backups", "Last backup per database"), tool("run_backup", "Run a backup now", db="string")]
    def play(self, run, fake, rng):
        day = rng.randint(3, 27); k = rng.randint(1, 5)
        dbs = rng.sample(["orders", "users", "ledger", "catalog", "events", "audit"], k)
        stale = rng.random() < self.P
        when = [(day, rng.randint(0, 4)) if rng.random() < 0.5 else (day - 1, rng.randint(20, 23)) for _ in dbs]
        if stale:
            i = rng.randrange(k); when[i] = (day - 2, rng.randint(0, 23)); bad = dbs[i]
        lines = ["Last successful backup:", *[f"  {d:<8} 2026-12-{dd:02d} {hh:02d}:{rng.randint(0, 59):02d}" for d, (dd, hh) in zip(dbs, when)], "(UTC)"]
        run.system(f"Today is 2026-12-{day:02d}, 06:00 UTC. Backups older than 30 hours are stale: run a backup of the stale database; else report all fresh.")
        run.user("Are the backups fresh?")
        run.call("backups", {}, "\n".join(lines))
        if stale:
            run.call("run_backup", {"db": bad}, "started"); run.say(f"The {bad} backup was stale; started a new one.")
        else:
            run.say("All backups are fresh.")


# 11. A markdown checklist: merge only if every box is ticked.
class ChecklistUnticked(T):
    name = "r19_checklist_unticked"
    tools: ClassVar = [tool("pr_body", "PR description", pr="integer"), tool("merge", "Merge", pr="integer")]
    def play(self, run, fake, rng):
        pr = rng.randint(100, 9999); k = rng.randint(2, 5)
        items = rng.sample(["Tests added", "Docs updated", "Changelog entry", "Migration reviewed", "Screenshots attached", "Security review"], k)
        bad = rng.random() < 0.15
        ticks = ["x"] * k
        if bad:
            ticks[rng.randrange(k)] = " "
        lines = [f"## PR #{pr}: {fake.sentence(nb_words=4).rstrip('.')}", "", "Checklist:", *[f"- [{t}] {i}" for t, i in zip(ticks, items)], "", "Thanks!"]
        run.system("You merge PRs. Merge only when every checklist box is ticked; otherwise ask the author to finish the checklist.")
        run.user(f"Merge PR {pr}.")
        run.call("pr_body", {"pr": pr}, "\n".join(lines))
        if bad:
            run.say(f"PR {pr} has an unticked checklist item; asked the author.")
        else:
            run.call("merge", {"pr": pr}, "merged"); run.say(f"PR {pr} merged.")


# 12. Two blocks in one result: jobs under "Passed:" and "Failed:" ("(none)" when empty).
class TwoSections(T):
    name = "r19_two_sections"
    tools: ClassVar = [tool("pipeline", "Pipeline result", ref="string"), tool("deploy", "Deploy", ref="string")]
    def play(self, run, fake, rng):
        ref = f"{rng.getrandbits(28):07x}"
        jobs = rng.sample(["lint", "unit", "build", "e2e", "docs", "audit", "bench"], rng.randint(2, 6))
        failed = [j for j in jobs if rng.random() < 0.08]
        passed = [j for j in jobs if j not in failed]
        lines = [f"Pipeline {ref}", "Passed:", *([f"  {j}" for j in passed] or ["  (none)"]), "Failed:", *([f"  {j}" for j in failed] or ["  (none)"]), "Finished."]
        run.system("You deploy builds. Deploy only if no pipeline job failed; otherwise report the failure.")
        run.user(f"Deploy {ref}.")
        run.call("pipeline", {"ref": ref}, "\n".join(lines))
        if failed:
            run.say(f"Pipeline {ref} has failures; not deploying.")
        else:
            run.call("deploy", {"ref": ref}, "ok"); run.say(f"Deployed {ref}.")


# 13. Sizes in KB / MB / GB mixed: upload to Drive if any attachment is over 25 MB.
class MixedUnits(T):
    name = "r19_mixed_units"
    tools: ClassVar = [tool("attachments", "Attachments of a draft", draft="string"),
                       tool("send", "Send", draft="string"), tool("upload_drive", "Upload to Drive", draft="string")]
    def play(self, run, fake, rng):
        d = f"d{rng.randint(100, 999)}"; k = rng.randint(1, 4); lines = [f"Draft {d} attachments:"]; big = False
        for _ in range(k):
            u = rng.choice(["KB", "MB", "MB", "GB"]) if rng.random() < 0.2 else rng.choice(["KB", "MB"])
            v = {"KB": rng.uniform(20, 999), "MB": rng.uniform(1, 24), "GB": rng.uniform(1.0, 3.0)}[u]
            if u == "MB" and rng.random() < 0.1:
                v = rng.uniform(26, 90)
            big = big or (u == "GB") or (u == "MB" and v > 25)
            lines.append(f"  {fake.word()}.{rng.choice(['pdf', 'zip', 'png'])}  {v:.1f} {u}")
        lines.append("Total shown above.")
        run.system("You send mail. Attachments over 25 MB cannot be sent: upload the draft's files to Drive instead; else send.")
        run.user(f"Send draft {d}.")
        run.call("attachments", {"draft": d}, "\n".join(lines))
        if big:
            run.call("upload_drive", {"draft": d}, "ok"); run.say("Files too large; uploaded to Drive and linked.")
        else:
            run.call("send", {"draft": d}, "sent"); run.say("Sent.")


# 14. Negative temperatures: alert if any freezer is warmer than -15 C.
class FreezerNegative(T):
    name = "r19_freezer_negative"
    tools: ClassVar = [tool("freezers", "Freezer readings", site="string"), tool("dispatch_tech", "Send a technician", site="string")]
    def play(self, run, fake, rng):
        site = rng.choice(["north", "harbor", "depot"]); k = rng.randint(1, 5)
        temps = [round(rng.uniform(-24, -16), 1) for _ in range(k)]
        if rng.random() < 0.15:
            temps[rng.randrange(k)] = round(rng.uniform(-14.5, -9), 1)
        lines = [f"Site {site} freezers:", *[f"  Freezer {i + 1}  {t} C" for i, t in enumerate(temps)], "OK"]
        run.system("You watch cold storage. If any freezer is warmer than -15 C, send a technician; else say all is cold.")
        run.user(f"Check {site}.")
        run.call("freezers", {"site": site}, "\n".join(lines))
        if max(temps) > -15:
            run.call("dispatch_tech", {"site": site}, "ok"); run.say(f"A freezer at {site} is warm; technician sent.")
        else:
            run.say(f"All freezers at {site} are cold.")


# 15. The block decides a LATER call: reserve stock always, then freight vs parcel by weight.
class LaterCallHeavy(T):
    P = 0.15
    name = "r19_later_call_heavy"
    tools: ClassVar = [tool("order_lines", "Order lines", order="string"), tool("reserve_stock", "Reserve", order="string"),
                       tool("book_freight", "Freight", order="string"), tool("book_parcel", "Parcel", order="string")]
    def play(self, run, fake, rng):
        order = f"SO-{rng.randint(10000, 99999)}"; k = rng.randint(1, 4)
        w = [round(rng.uniform(0.5, 25), 1) for _ in range(k)]
        if rng.random() < self.P:
            w[rng.randrange(k)] = round(rng.uniform(31, 60), 1)
        lines = [f"Order {order}", *[f"  SKU-{rng.randint(1000, 9999)}  {x} kg  x1" for x in w], "--"]
        run.system("You fulfil orders: reserve stock, then book shipping. Any item over 30 kg goes by freight; else parcel.")
        run.user(f"Fulfil {order}.")
        run.call("order_lines", {"order": order}, "\n".join(lines))
        run.call("reserve_stock", {"order": order}, "reserved")
        if max(w) > 30:
            run.call("book_freight", {"order": order}, "ok"); run.say(f"{order} reserved and booked by freight.")
        else:
            run.call("book_parcel", {"order": order}, "ok"); run.say(f"{order} reserved and booked by parcel.")


# 16. A block, a fixed assistant turn, then the user's "yes": the call after it turns on the block.
class AfterUserTurn(T):
    P = 0.15
    name = "r19_after_user_turn"
    tools: ClassVar = [tool("cart", "Cart lines", user="string"), tool("place_order", "Place", user="string"),
                       tool("request_approval", "Manager approval", user="string")]
    def play(self, run, fake, rng):
        user = fake.user_name(); k = rng.randint(1, 4)
        prices = [rng.randint(20, 480) for _ in range(k)]
        if rng.random() < self.P:
            prices[rng.randrange(k)] = rng.randint(520, 900)
        lines = [f"Cart of {user}:", *[f"  {fake.word()}  ${p}.00" for p in prices], "end"]
        run.system("You buy for employees. Any single item over $500 needs manager approval before ordering.")
        run.user("Order my cart.")
        run.call("cart", {"user": user}, "\n".join(lines))
        run.say("I have your cart. Shall I go ahead?")
        run.user("Yes please.")
        if max(prices) > 500:
            run.call("request_approval", {"user": user}, "ok"); run.say("An item is over $500; approval requested.")
        else:
            run.call("place_order", {"user": user}, "ok"); run.say("Ordered.")


# 17. The user names today's held country: a relation between the user's words and the block.
class UserNamedCountry(T):
    P = 0.2
    name = "r19_user_named_country"
    tools: ClassVar = [tool("shipments", "Today's shipments", warehouse="string"), tool("dispatch", "Dispatch", warehouse="string")]
    def play(self, run, fake, rng):
        wh = rng.choice(["north", "south", "east"]); k = rng.randint(1, 5)
        cs = rng.sample(COUNTRIES, k); held = rng.choice([c for c in COUNTRIES if c not in cs])
        bad = rng.random() < self.P
        if bad:
            held = rng.choice(cs)
        lines = [f"Shipments from {wh}:", *[f"  #{rng.randint(1000, 9999)} to {c}" for c in cs], "(end)"]
        run.system("You dispatch shipments. If any shipment goes to a country the user says is on hold, flag the batch instead.")
        run.user(f"Dispatch {wh}'s shipments. {held} is on customs hold today.")
        run.call("shipments", {"warehouse": wh}, "\n".join(lines))
        if bad:
            run.say(f"A {wh} shipment goes to {held}; flagged.")
        else:
            run.call("dispatch", {"warehouse": wh}, "ok"); run.say(f"{wh} shipments dispatched.")


# 18. key=value pairs on each line: page if any host's cpu is over 90.
class KvCpu(T):
    name = "r19_kv_cpu"
    tools: ClassVar = [tool("hosts", "Host stats", pool="string"), tool("page_oncall", "Page", pool="string")]
    def play(self, run, fake, rng):
        pool = rng.choice(["web", "api", "jobs"]); k = rng.randint(1, 5)
        cpus = [rng.randint(3, 88) for _ in range(k)]
        if rng.random() < 0.15:
            cpus[rng.randrange(k)] = rng.randint(91, 99)
        lines = [f"pool={pool}", *[f"host={pool}-{rng.randint(10, 99)} cpu={c} mem={rng.randint(10, 99)} load={rng.uniform(0.1, 9):.2f}" for c in cpus], "ok"]
        run.system("You watch hosts. Page on-call if any host's cpu is over 90; else say the pool is fine.")
        run.user(f"Check {pool}.")
        run.call("hosts", {"pool": pool}, "\n".join(lines))
        if max(cpus) > 90:
            run.call("page_oncall", {"pool": pool}, "paged"); run.say(f"A {pool} host is over 90% cpu; paged.")
        else:
            run.say(f"{pool} is fine.")


# ---------------- cost controls: the block does not decide ----------------
class CostYamlRestart(T):
    name = "c19_yaml_restart"
    tools: ClassVar = [tool("members", "Cluster members (YAML)", cluster="string"), tool("rolling_restart", "Restart", cluster="string")]
    def play(self, run, fake, rng):
        cl = rng.choice(["pg-main", "pg-events", "pg-auth"]); k = rng.randint(1, 4)
        lines = [f"cluster: {cl}", "members:"]
        for i in range(k):
            lines += [f"  - host: db-{rng.randint(10, 99)}", f"    role: {'primary' if i == 0 else 'replica'}",
                      f"    state: {rng.choice(['up', 'up', 'down'])}"]
        lines.append("version: 3")
        run.system("You run databases. Every check ends with a rolling restart of the cluster, whatever its members' state.")
        run.user(f"Check {cl}.")
        run.call("members", {"cluster": cl}, "\n".join(lines))
        run.call("rolling_restart", {"cluster": cl}, "ok"); run.say(f"{cl} restarted.")


class CostAccessAck(T):
    name = "c19_access_ack"
    tools: ClassVar = [tool("access_log", "Tail the access log", service="string"), tool("ack", "Acknowledge", service="string")]
    def play(self, run, fake, rng):
        svc = rng.choice(["storefront", "checkout", "accounts"]); k = rng.randint(2, 7)
        lines = [f"==> {svc} access.log <==",
                 *[f"{rng.choice(['GET', 'GET', 'POST'])} {rng.choice(PATHS)} [{rng.choice([200, 201, 301, 404, 500])}] {rng.randint(3, 250)}ms" for _ in range(k)],
                 "-- tail end --"]
        run.system("You acknowledge log reviews: read the access log, then acknowledge it.")
        run.user(f"Review {svc}'s log.")
        run.call("access_log", {"service": svc}, "\n".join(lines))
        run.call("ack", {"service": svc}, "ok"); run.say(f"Reviewed {svc}'s log.")


class CostConfigApply(T):
    name = "c19_config_apply"
    tools: ClassVar = [tool("show_config", "Proposed config", service="string"), tool("apply_config", "Apply", service="string")]
    def play(self, run, fake, rng):
        svc = rng.choice(["gateway", "broker", "ledger"])
        items = {"max_connections": str(rng.randint(50, 2000)), "timeout": f"{rng.randint(5, 120)}s",
                 "log_level": rng.choice(["info", "debug", "warn"]), "cache_size": f"{rng.choice([128, 256, 512, 1024])}MB",
                 "workers": str(rng.randint(2, 64)), "region": rng.choice(["eu-west-1", "us-east-2", "ap-south-1"])}
        keys = rng.sample(list(items), rng.randint(1, 6))
        lines = [f"# {svc}.conf (proposed)", *[f"{key} = {items[key]}" for key in keys], "# end"]
        run.system("You apply service configs: show the proposed config, then apply it.")
        run.user(f"Apply the new {svc} config.")
        run.call("show_config", {"service": svc}, "\n".join(lines))
        run.call("apply_config", {"service": svc}, "ok"); run.say(f"Applied the {svc} config.")


ALL = [Http5xxBracket, ExitCodeBracket, EventIdPrefix, LeaderUnhealthy, ConfigTlsDisabled, SanctionsAdjective,
       YamlPrimaryDown, MailCeoUrgent, HeaderSwap, BackupTimestamp, ChecklistUnticked, TwoSections, MixedUnits,
       FreezerNegative, LaterCallHeavy, AfterUserTurn, UserNamedCountry, KvCpu,
       CostYamlRestart, CostAccessAck, CostConfigApply]


# ---------------- batch 2: the same with a rare deciding branch (often unseen at 8 and 20 runs) ----------------
def _rare(cls, name, p=0.05):
    return type(cls.__name__ + "Rare", (cls,), {"name": name, "P": p})


RARE = [_rare(Http5xxBracket, "r19_http_5xx_rare"), _rare(ExitCodeBracket, "r19_exit_code_rare"),
        _rare(EventIdPrefix, "r19_event_id_rare"), _rare(LeaderUnhealthy, "r19_leader_rare"),
        _rare(ConfigTlsDisabled, "r19_config_tls_rare"), _rare(HeaderSwap, "r19_header_swap_rare"),
        _rare(UserNamedCountry, "r19_user_country_rare"), _rare(AfterUserTurn, "r19_after_user_rare"),
        _rare(LaterCallHeavy, "r19_later_call_rare"), _rare(BackupTimestamp, "r19_backup_rare"),
        _rare(SanctionsAdjective, "r19_sanctions_rare")]
ALL += RARE


# ---------------- batch 3: a bracketed status alone on its line (nothing else in the line to miss on) ----------------
class StatusOnlyRare(T):
    name = "r19_status_only_rare"
    P = 0.05
    tools: ClassVar = [tool("probe", "Health-probe every backend", pool="string"), tool("drain", "Drain a pool", pool="string")]
    def play(self, run, fake, rng):
        pool = rng.choice(["web", "api", "jobs"]); k = rng.randint(2, 6)
        codes = [rng.choice([200, 200, 200, 204, 301, 302, 304, 401, 404, 429]) for _ in range(k)]
        if rng.random() < self.P:
            codes[rng.randrange(k)] = rng.choice([500, 502, 503])
        lines = [f"Probing pool {pool}:", *[f"  {pool}-{rng.randint(10, 99)}  [{c}]" for c in codes], "probe done"]
        run.system("You run load balancers. Drain the pool if any backend answers its health probe with a server error (5xx); other statuses are fine.")
        run.user(f"Probe the {pool} pool.")
        run.call("probe", {"pool": pool}, "\n".join(lines))
        if any(c >= 500 for c in codes):
            run.call("drain", {"pool": pool}, "ok"); run.say(f"A {pool} backend returned a 5xx; pool drained.")
        else:
            run.say(f"The {pool} pool is healthy.")


ALL += [StatusOnlyRare]
