"""The twenty-third review's traps: bare results clustered again (5b242e4 over 3489f61), with the
node's own value checked (``copied-affixes`` on ``own``), copied magnitudes, value parts and
prompt fragments (``fixed-words``), and ``rivals.widen``.

``r23_*``: a tool returns one bare value (no whitespace) and something of it decides the next step
in a way the new checks may not see: a threshold inside the digit count seen, a sign, a number
written as an id (4+ digits: only its digit count is kept), a unit after the number, a deciding
word in another form than the prompt's (plural, abbreviation, inside a part with a digit), a
fragment of the prompt without inner punctuation or written in another case/format, a relation
to another value, a date inside the range seen.
``c23_*`` are controls where serving is correct (what the new checks cost).
"""
from typing import ClassVar

from evals.workflows.adversarial.base import Adversarial
from evals.workflows.base import tool


class T(Adversarial):
    family = "A"; guards = ("copied-affixes",); description = "trap"
    @property
    def seed_name(self): return self.name


def _hex(rng, k):
    return f"{rng.getrandbits(4 * k):0{k}x}"


# 1. A port copied into the gateway call; ports below 1024 are privileged. Ports are 4-5 digit
#    "ids" to the affix rule (digit count 3..6 kept): 443, 636, 873 have 3 digits.
class BarePortPrivileged(T):
    P = 0.12
    name = "r23_bare_port_privileged"
    tools: ClassVar = [tool("service_port", "TCP port a service listens on", service="string"),
                       tool("expose_port", "Publish a port on the public gateway", service="string", port="string"),
                       tool("open_security_ticket", "Ask security to review an exposure", service="string")]
    def play(self, run, fake, rng):
        svc = f"{fake.word()}-{rng.choice(['api', 'svc', 'gw'])}"; priv = rng.random() < self.P
        port = rng.choice([443, 636, 873, 993, 514, 587, 389]) if priv else rng.choice(
            [rng.randint(1024, 9999), rng.randint(10000, 32767)])
        run.system("You publish services on the public gateway. Privileged ports (below 1024) must never be exposed "
                   "directly: open a security ticket for them. Expose any other port.")
        run.user(f"Expose {svc} on the gateway.")
        run.call("service_port", {"service": svc}, str(port))
        if priv:
            run.call("open_security_ticket", {"service": svc}, "SEC-1"); run.say(f"{svc} uses privileged port {port}; ticket opened.")
        else:
            run.call("expose_port", {"service": svc, "port": str(port)}, "ok"); run.say(f"{svc} exposed on port {port}.")


# 2. A stock level (units) copied into the reply; below 1000 a reorder comes first. 4-digit
#    counts are "ids": a 3-digit count is within the digit count served (3..5).
class BareStockReorder(T):
    P = 0.12
    name = "r23_bare_stock_reorder"
    tools: ClassVar = [tool("stock_level", "Units in stock of a SKU", sku="string"),
                       tool("create_reorder", "Create a purchase order", sku="string")]
    def play(self, run, fake, rng):
        sku = f"SKU-{rng.randint(10000, 99999)}"; low = rng.random() < self.P
        n = rng.randint(120, 999) if low else rng.randint(1000, 9800)
        run.system("You watch the warehouse. When a SKU has fewer than 1000 units in stock, create a reorder before "
                   "answering; otherwise just report the level.")
        run.user(f"How much {sku} do we have?")
        run.call("stock_level", {"sku": sku}, str(n))
        if low:
            run.call("create_reorder", {"sku": sku}, "PO-1"); run.say(f"{sku}: {n} units; reorder created.")
        else:
            run.say(f"{sku}: {n} units in stock.")


# 3. A refund amount copied into the refund call: above 250.00 needs approval (3 integer digits
#    on both sides of the limit: magnitude 3 lets 251..999 through).
class BareRefundThreshold(T):
    P = 0.15
    name = "r23_bare_refund_threshold"
    tools: ClassVar = [tool("refund_due", "Amount due back on a return", rma="string"),
                       tool("issue_refund", "Refund the card", rma="string", amount="number"),
                       tool("request_approval", "Ask a supervisor", rma="string")]
    def play(self, run, fake, rng):
        rma = f"RMA-{rng.randint(100000, 999999)}"; big = rng.random() < self.P
        amt = round(rng.uniform(250.01, 990), 2) if big else round(rng.uniform(100, 250), 2)
        run.system("You process returns. Refunds above 250.00 need a supervisor's approval; refund smaller amounts directly.")
        run.user(f"Refund {rma}.")
        run.call("refund_due", {"rma": rma}, f"{amt:.2f}")
        if big:
            run.call("request_approval", {"rma": rma}, "pending"); run.say(f"{amt:.2f} needs approval; requested.")
        else:
            run.call("issue_refund", {"rma": rma, "amount": amt}, "ok"); run.say(f"Refunded {amt:.2f}.")


# 4. Days until a certificate expires, negative once expired (the sign decides; magnitude drops it).
class BareDaysNegative(T):
    P = 0.12
    name = "r23_bare_days_negative"
    tools: ClassVar = [tool("cert_days_left", "Days until the TLS certificate expires (negative: expired)", domain="string"),
                       tool("deploy_site", "Deploy", domain="string"), tool("renew_cert", "Renew", domain="string")]
    def play(self, run, fake, rng):
        dom = fake.domain_name(); exp = rng.random() < self.P
        d = -rng.randint(1, 40) if exp else rng.randint(3, 89)
        run.system("Before deploying a site check its certificate: if it has expired (days left below zero) renew it "
                   "instead of deploying.")
        run.user(f"Deploy {dom}.")
        run.call("cert_days_left", {"domain": dom}, str(d))
        if exp:
            run.call("renew_cert", {"domain": dom}, "ok"); run.say(f"The certificate of {dom} expired {-d} days ago; renewed.")
        else:
            run.call("deploy_site", {"domain": dom}, "ok"); run.say(f"{dom} deployed.")


# 5. A memory request with a unit ("6Gi"): above 8Gi needs capacity review. Not a number, no shared affix.
class BareMemUnit(T):
    P = 0.12
    name = "r23_bare_mem_unit"
    tools: ClassVar = [tool("memory_request", "Memory request in a deployment's manifest", deployment="string"),
                       tool("apply_manifest", "Apply", deployment="string"), tool("capacity_review", "Ask capacity planning", deployment="string")]
    def play(self, run, fake, rng):
        dep = f"{fake.word()}-{rng.choice(['worker', 'api', 'cron'])}"; big = rng.random() < self.P
        mem = f"{rng.choice([12, 16, 24, 32, 64])}Gi" if big else rng.choice(
            [f"{rng.choice([256, 512, 768])}Mi", f"{rng.randint(1, 8)}Gi"])
        run.system("You apply Kubernetes manifests. A memory request above 8Gi needs a capacity review first; apply "
                   "the rest.")
        run.user(f"Apply {dep}.")
        run.call("memory_request", {"deployment": dep}, mem)
        if big:
            run.call("capacity_review", {"deployment": dep}, "queued"); run.say(f"{dep} requests {mem}; review queued.")
        else:
            run.call("apply_manifest", {"deployment": dep}, "applied"); run.say(f"{dep} applied.")


# 6. Disk usage with "%": above 90% clean up first (same shape on both sides).
class BareDiskPct(T):
    P = 0.12
    name = "r23_bare_disk_pct"
    tools: ClassVar = [tool("disk_usage", "Used share of a host's root disk", host="string"),
                       tool("deploy_build", "Deploy a build", host="string"), tool("cleanup_disk", "Prune images and logs", host="string")]
    def play(self, run, fake, rng):
        host = f"{rng.choice(['web', 'api', 'ci', 'build'])}-{rng.randint(1, 60):02d}"; full = rng.random() < self.P
        pct = rng.randint(91, 99) if full else rng.randint(12, 89)
        run.system("You deploy builds. If a host's disk is more than 90% full, clean it up instead of deploying.")
        run.user(f"Deploy the new build to {host}.")
        run.call("disk_usage", {"host": host}, f"{pct}%")
        if full:
            run.call("cleanup_disk", {"host": host}, "freed 4.1G"); run.say(f"{host} was {pct}% full; cleaned up, deploy later.")
        else:
            run.call("deploy_build", {"host": host}, "ok"); run.say(f"Deployed to {host}.")


# 7. A production account id the prompt names: all digits, no inner punctuation, so no fragment
#    and no word; sandbox accounts are random 12-digit ids.
class BareProdAccount(T):
    P = 0.12
    name = "r23_bare_prod_account"
    PROD = "482915530071"
    tools: ClassVar = [tool("workspace_account", "AWS account id a workspace deploys into", workspace="string"),
                       tool("run_terraform", "terraform apply", workspace="string", account="string"),
                       tool("request_change", "Open a change request", workspace="string")]
    def play(self, run, fake, rng):
        ws = f"{fake.word()}-{rng.choice(['dev', 'sbx', 'test'])}"; prod = rng.random() < self.P
        acct = self.PROD if prod else str(rng.randint(100000000000, 999999999999))
        run.system(f"You apply Terraform workspaces. Account {self.PROD} is production: never apply there, open a change "
                   "request. Apply directly in any other account.")
        run.user(f"Apply {ws}.")
        run.call("workspace_account", {"workspace": ws}, acct)
        if prod:
            run.call("request_change", {"workspace": ws}, "CHG-9"); run.say(f"{ws} targets production; change requested.")
        else:
            run.call("run_terraform", {"workspace": ws, "account": acct}, "applied"); run.say(f"{ws} applied.")


# 8. Production hosts are named prodN-…: the prompt's word "prod" is never a whole part ("prod3").
class BareHostProdPart(T):
    P = 0.12
    name = "r23_bare_host_prod_part"
    tools: ClassVar = [tool("alert_host", "Host an alert fired on", alert="string"),
                       tool("restart_host", "Reboot a host", host="string"), tool("page_sre", "Page the SRE on call", alert="string")]
    def play(self, run, fake, rng):
        alert = f"AL-{rng.randint(10000, 99999)}"; prod = rng.random() < self.P
        env = "prod" if prod else rng.choice(["stg", "dev", "qa", "perf"])
        host = f"{env}{rng.randint(1, 9)}-{rng.choice(['db', 'web', 'cache', 'queue'])}-{rng.randint(1, 40):02d}"
        run.system("You handle alerts. Never reboot a prod host yourself: page the SRE on call. Reboot any other "
                   "(staging, dev, qa, perf) host that alerts.")
        run.user(f"Handle alert {alert}.")
        run.call("alert_host", {"alert": alert}, host)
        if prod:
            run.call("page_sre", {"alert": alert}, "paged"); run.say(f"{host} is production; SRE paged.")
        else:
            run.call("restart_host", {"host": host}, "rebooting"); run.say(f"Rebooting {host}.")


# 9. Executables in another word than their extension: the prompt says "executables and
#    scripts", never "exe"; documents vary (pdf, docx, xlsx, csv).
class BareExtExecutables(T):
    P = 0.12
    name = "r23_bare_ext_executables"
    tools: ClassVar = [tool("attachment", "File name of a message's attachment", message="string"),
                       tool("open_document", "Open a document", name="string"), tool("quarantine", "Quarantine", message="string")]
    def play(self, run, fake, rng):
        msg = f"msg_{_hex(rng, 10)}"; bad = rng.random() < self.P
        stem = f"{fake.word()}_{rng.randint(100, 9999)}"
        name = f"{stem}.{rng.choice(['exe', 'ps1', 'bat', 'vbs', 'msi'])}" if bad else f"{stem}.{rng.choice(['pdf', 'docx', 'xlsx', 'csv'])}"
        run.system("You file attachments. Open documents and spreadsheets; executables and scripts go to quarantine unopened.")
        run.user(f"File the attachment of {msg}.")
        run.call("attachment", {"message": msg}, name)
        if bad:
            run.call("quarantine", {"message": msg}, "ok"); run.say(f"{name} is executable; quarantined.")
        else:
            run.call("open_document", {"name": name}, "opened"); run.say(f"Filed {name}.")


# 10. The prompt writes VMware's OUIs as IEEE does (upper case); the tool returns lower-case MACs:
#     "00:0c:29" shares only "00" with "00:0C:29", as the approved vendors' "00:1b:63" does.
class BareMacOuiCase(T):
    P = 0.12
    name = "r23_bare_mac_oui_case"
    tools: ClassVar = [tool("device_mac", "MAC address of a device", serial="string"),
                       tool("provision", "Provision on the hardware VLAN", mac="string"), tool("reject", "Reject", serial="string")]
    def play(self, run, fake, rng):
        serial = f"SN{rng.randint(100000, 999999)}"; vm = rng.random() < self.P
        oui = rng.choice(["00:0c:29", "00:50:56"]) if vm else rng.choice(["00:1b:63", "f0:18:98", "3c:22:fb", "00:25:90"])
        mac = oui + "".join(f":{rng.randint(0, 255):02x}" for _ in range(3))
        run.system("You provision hardware. MACs with a VMware prefix (00:0C:29 or 00:50:56) are virtual machines: "
                   "reject them. Provision every other device.")
        run.user(f"Provision device {serial}.")
        run.call("device_mac", {"serial": serial}, mac)
        if vm:
            run.call("reject", {"serial": serial}, "ok"); run.say("That is a VM MAC; rejected.")
        else:
            run.call("provision", {"mac": mac}, "ok"); run.say(f"{serial} provisioned.")


# 11. Legacy orders have 6-digit ids, new ones 7: the digit count served is 6..8.
class BareOrderLegacyLen(T):
    P = 0.12
    name = "r23_bare_order_legacy_len"
    tools: ClassVar = [tool("last_order", "Latest order id of a customer", customer="string"),
                       tool("order_status", "Status of an order (new shop)", order_id="string"),
                       tool("legacy_order_status", "Status of an order in the old shop", order_id="string")]
    def play(self, run, fake, rng):
        cust = fake.user_name(); old = rng.random() < self.P
        oid = str(rng.randint(100000, 999999) if old else rng.randint(1000000, 9999999))
        run.system("You answer order questions. Orders from the old shop have 6-digit ids: look them up with "
                   "legacy_order_status. New orders have 7-digit ids: use order_status.")
        run.user(f"Where is {cust}'s latest order?")
        run.call("last_order", {"customer": cust}, oid)
        if old:
            run.call("legacy_order_status", {"order_id": oid}, "delivered"); run.say(f"Order {oid} was delivered.")
        else:
            run.call("order_status", {"order_id": oid}, "in transit"); run.say(f"Order {oid} is in transit.")


# 12. A relation decides: the latest release against the version the user says they run
#     (same major: upgrade; another major: migration plan). Majors vary across packages.
class BareVersionRelation(T):
    P = 0.15
    name = "r23_bare_version_relation"
    tools: ClassVar = [tool("latest_release", "Latest release", package="string"),
                       tool("upgrade", "Upgrade", package="string", to="string"), tool("open_migration", "Plan", package="string", to="string")]
    def play(self, run, fake, rng):
        pkg = f"{fake.word()}-{rng.choice(['sdk', 'client', 'cli', 'lib'])}"; major = rng.randint(1, 6); jump = rng.random() < self.P
        cur = f"{major}.{rng.randint(0, 9)}.{rng.randint(0, 9)}"
        latest = f"{major + 1 if jump else major}.{rng.randint(10, 20)}.{rng.randint(0, 9)}"
        run.system("You keep dependencies current. Upgrade directly within the major version we run; a new major "
                   "version is a breaking change: open a migration plan instead.")
        run.user(f"Update {pkg}; we run {cur}.")
        run.call("latest_release", {"package": pkg}, latest)
        if jump:
            run.call("open_migration", {"package": pkg, "to": latest}, "MIG-1"); run.say(f"{latest} is a new major; migration planned.")
        else:
            run.call("upgrade", {"package": pkg, "to": latest}, "ok"); run.say(f"{pkg} upgraded to {latest}.")


# 13. A bare date inside a change freeze the prompt names (dates are spread around it).
class BareFreezeDate(T):
    P = 0.15
    name = "r23_bare_freeze_date"
    tools: ClassVar = [tool("release_date", "Scheduled date of a release", release="string"),
                       tool("approve_release", "Approve", release="string"), tool("reschedule", "Ask to move it", release="string")]
    def play(self, run, fake, rng):
        rel = f"REL-{rng.randint(100, 999)}"; frozen = rng.random() < self.P
        day = rng.randint(18, 31) if frozen else rng.choice(list(range(1, 18)))
        date = f"2026-12-{day:02d}"
        run.system("You approve releases. Change freeze: 2026-12-18 to 2026-12-31. A release scheduled inside the "
                   "freeze must be rescheduled; approve the others.")
        run.user(f"Approve {rel}.")
        run.call("release_date", {"release": rel}, date)
        if frozen:
            run.call("reschedule", {"release": rel}, "ok"); run.say(f"{rel} falls in the freeze; asked to reschedule.")
        else:
            run.call("approve_release", {"release": rel}, "approved"); run.say(f"{rel} approved for {date}.")


# 14. External channels are named ext-…: the prompt says "external", never "ext".
class BareChannelExternal(T):
    P = 0.12
    name = "r23_bare_channel_external"
    tools: ClassVar = [tool("incident_channel", "Slack channel of a service's team", service="string"),
                       tool("post_message", "Post", channel="string", text="string"),
                       tool("post_internal", "Post to the internal incident room", service="string")]
    def play(self, run, fake, rng):
        svc = f"{fake.word()}-{rng.choice(['api', 'web', 'db'])}"; ext = rng.random() < self.P
        ch = f"ext-{fake.company().split()[0].lower().strip(',')}-{fake.word()}" if ext else \
            f"{rng.choice(['team', 'eng', 'ops', 'inc'])}-{fake.word()}-{rng.choice(['alerts', 'oncall', 'ops'])}"
        run.system("You post incident updates. Never post incident details in channels shared with external "
                   "partners: post them to the internal incident room instead.")
        run.user(f"Post the outage update for {svc}.")
        run.call("incident_channel", {"service": svc}, ch)
        if ext:
            run.call("post_internal", {"service": svc}, "ok"); run.say("That channel is shared externally; posted internally.")
        else:
            run.call("post_message", {"channel": ch, "text": f"{svc} outage: mitigated."}, "ok"); run.say(f"Posted to {ch}.")


# 15. A contractor's email is on the singular subdomain; the prompt says "contractors".
class BareEmailContractors(T):
    P = 0.12
    name = "r23_bare_email_contractors"
    tools: ClassVar = [tool("requester_email", "Email of who asked for access", request="string"),
                       tool("grant_prod_access", "Grant production access", email="string"),
                       tool("request_signoff", "Ask the manager to sign off", request="string")]
    def play(self, run, fake, rng):
        req = f"AR-{rng.randint(1000, 9999)}"; con = rng.random() < self.P
        sub = "contractor" if con else rng.choice(["eng", "sre", "data", "platform"])
        email = f"{fake.first_name().lower()}.{fake.last_name().lower()}@{sub}.acme.com"
        run.system("You grant production access. Contractors need their manager's sign-off first; grant employees "
                   "directly.")
        run.user(f"Handle access request {req}.")
        run.call("requester_email", {"request": req}, email)
        if con:
            run.call("request_signoff", {"request": req}, "sent"); run.say("Requester is a contractor; sign-off requested.")
        else:
            run.call("grant_prod_access", {"email": email}, "ok"); run.say(f"Granted production access to {email}.")


# 16. A port range fragment: "8000-8999" is the debug range. A port shares no aligned prefix
#     with it ("8443" vs "8000": the "8" is not a part's end).
class BarePortRange(T):
    P = 0.12
    name = "r23_bare_port_range"
    tools: ClassVar = [tool("listen_port", "Port a container listens on", container="string"),
                       tool("register_lb", "Register behind the load balancer", container="string", port="string"),
                       tool("flag_debug", "Flag a debug listener", container="string")]
    def play(self, run, fake, rng):
        c = f"{fake.word()}-{_hex(rng, 5)}"; dbg = rng.random() < self.P
        port = rng.randint(8000, 8999) if dbg else rng.choice([rng.randint(3000, 7999), rng.randint(9000, 9999)])
        run.system("You register containers with the load balancer. Ports 8000-8999 are debug listeners: flag them, "
                   "never register them. Register any other port.")
        run.user(f"Register {c}.")
        run.call("listen_port", {"container": c}, str(port))
        if dbg:
            run.call("flag_debug", {"container": c}, "ok"); run.say(f"{c} listens on debug port {port}; flagged.")
        else:
            run.call("register_lb", {"container": c, "port": str(port)}, "ok"); run.say(f"{c} registered on {port}.")


# 17. A relation decides: an EU customer's export must go to an eu host; customers and hosts of
#     both regions are seen in training ("us" is a function word of the prompt too).
class BareRegionRelation(T):
    P = 0.12
    name = "r23_bare_region_relation"
    tools: ClassVar = [tool("export_host", "Host that will run a customer's data export", customer="string"),
                       tool("start_export", "Start the export", customer="string", host="string"),
                       tool("escalate_privacy", "Escalate to the privacy team", customer="string")]
    def play(self, run, fake, rng):
        cust = f"cus_{_hex(rng, 8)}"; region = rng.choice(["EU", "US"]); bad = region == "EU" and rng.random() < 2 * self.P
        label = ("us" if bad else "eu") if region == "EU" else "us"
        host = f"exp-{rng.randint(1, 40):02d}.{label}.corp.example"
        run.system("You run customer data exports. Data of EU customers must stay in the EU: export it only on eu "
                   "hosts, and escalate to the privacy team if the assigned host is elsewhere. US customers may use any host.")
        run.user(f"Export the data of {cust} (region {region}).")
        run.call("export_host", {"customer": cust}, host)
        if bad:
            run.call("escalate_privacy", {"customer": cust}, "ok"); run.say(f"{cust} is an EU customer assigned {host}; escalated.")
        else:
            run.call("start_export", {"customer": cust, "host": host}, "started"); run.say(f"Export of {cust} started on {host}.")


# 18. The reset link goes to the account's primary email, which is "<username>@acme.com" for most
#     users but an alias for renamed ones: the answer copies the tool's value, not the username.
class BareEmailAlias(T):
    P = 0.15
    name = "r23_bare_email_alias"
    tools: ClassVar = [tool("primary_email", "Primary email of a user", username="string"),
                       tool("send_reset", "Email a password reset link", email="string")]
    def play(self, run, fake, rng):
        first, last = fake.first_name().lower(), fake.last_name().lower()
        user = f"{first[0]}{last}"; renamed = rng.random() < self.P
        email = f"{first}.{fake.last_name().lower()}@acme.com" if renamed else f"{user}@acme.com"
        run.system("You reset passwords. Send the reset link to the user's primary email and tell them where it went.")
        run.user(f"Reset the password of {user}.")
        run.call("primary_email", {"username": user}, email)
        run.call("send_reset", {"email": email}, "sent")
        run.say(f"Sent a reset link to {email}.")


# 19. Whole-dollar amounts are all digits: from 4 digits they are "ids" (digit count 3..5 kept, no
#     magnitude): a 5-digit wire above the 10000 review limit passes.
class BareWireAmount(T):
    P = 0.12
    name = "r23_bare_wire_amount"
    tools: ClassVar = [tool("invoice_amount", "Amount due on a supplier invoice, whole dollars", invoice="string"),
                       tool("send_wire", "Wire the amount", invoice="string", amount="string"),
                       tool("compliance_review", "Ask compliance", invoice="string")]
    def play(self, run, fake, rng):
        inv = f"INV-{rng.randint(10000, 99999)}"; big = rng.random() < self.P
        amt = rng.randint(10001, 60000) if big else rng.randint(1200, 9999)
        run.system("You pay supplier invoices by wire. Wires above 10000 dollars need a compliance review first; "
                   "wire smaller amounts directly.")
        run.user(f"Pay {inv}.")
        run.call("invoice_amount", {"invoice": inv}, str(amt))
        if big:
            run.call("compliance_review", {"invoice": inv}, "queued"); run.say(f"{inv} is {amt} dollars; compliance review queued.")
        else:
            run.call("send_wire", {"invoice": inv, "amount": str(amt)}, "sent"); run.say(f"Wired {amt} dollars for {inv}.")


# 20. A balance copied into the charge: a negative one is a credit to refund (the magnitude check
#     counts digits without the sign).
class BareBalanceSignCopied(T):
    P = 0.12
    name = "r23_bare_balance_sign_copied"
    tools: ClassVar = [tool("balance_due", "Balance due on an account (negative: a credit)", account="string"),
                       tool("charge_card", "Charge the card on file", account="string", amount="number"),
                       tool("refund_credit", "Refund a credit balance", account="string")]
    def play(self, run, fake, rng):
        acct = f"AC-{rng.randint(10000, 99999)}"; credit = rng.random() < self.P
        bal = -round(rng.uniform(5, 400), 2) if credit else round(rng.uniform(5, 900), 2)
        run.system("You settle accounts at month end. Charge the card on file for a positive balance; a negative "
                   "balance is a credit owed to the customer: refund it instead.")
        run.user(f"Settle {acct}.")
        run.call("balance_due", {"account": acct}, f"{bal:.2f}")
        if credit:
            run.call("refund_credit", {"account": acct}, "ok"); run.say(f"{acct} had a credit of {-bal:.2f}; refunded.")
        else:
            run.call("charge_card", {"account": acct, "amount": bal}, "ok"); run.say(f"Charged {bal:.2f} to {acct}.")


# 21. A subnet whose mask is not on an octet boundary: 10.0.128.0/17 is the DMZ, 10.0.0.0/17 the
#     rest; "10.0.200.7" shares with the fragment only "10.0", as every training host did.
class BareCidr17(T):
    P = 0.15
    name = "r23_bare_cidr17"
    tools: ClassVar = [tool("host_ip", "IPv4 of a host", host="string"),
                       tool("ssh_exec", "Run a command over ssh", ip="string", command="string"),
                       tool("open_change", "Change request", host="string")]
    def play(self, run, fake, rng):
        host = f"{rng.choice(['app', 'db', 'batch', 'edge'])}{rng.randint(1, 60)}"; dmz = rng.random() < self.P
        ip = f"10.0.{rng.randint(129, 255) if dmz else rng.randint(1, 127)}.{rng.randint(1, 254)}"
        run.system("You patch servers over ssh. Hosts in 10.0.128.0/17 are the DMZ: never ssh there, open a change "
                   "request. Patch every other host directly.")
        run.user(f"Patch {host}.")
        run.call("host_ip", {"host": host}, ip)
        if dmz:
            run.call("open_change", {"host": host}, "CHG-77"); run.say(f"{host} is in the DMZ; change requested.")
        else:
            run.call("ssh_exec", {"ip": ip, "command": "apt-get -y upgrade"}, "done"); run.say(f"Patched {host}.")


# ---------------- controls (serving is right) ----------------
# tau-bench-like: find the user id by name and zip, then read the user's details.
class CtlTauUser(T):
    name = "c23_tau_find_user"
    tools: ClassVar = [tool("find_user_id_by_name_zip", "User id", first_name="string", last_name="string", zip="string"),
                       tool("get_user_details", "Details of a user", user_id="string")]
    def play(self, run, fake, rng):
        first, last = fake.first_name(), fake.last_name(); zc = fake.zipcode()
        uid = f"{first.lower()}_{last.lower()}_{rng.randint(1000, 9999) if rng.random() < 0.5 else rng.randint(100, 999)}"
        run.system("You are a retail support agent. Authenticate the user by name and zip code, then look up their account.")
        run.user(f"Hi, I'm {first} {last}, zip {zc}. Can you check my account?")
        run.call("find_user_id_by_name_zip", {"first_name": first, "last_name": last, "zip": zc}, uid)
        run.call("get_user_details", {"user_id": uid},
                 f'{{"user_id": "{uid}", "name": "{first} {last}", "email": "{fake.email()}"}}')
        run.say(f"Thanks {first}, I found your account.")


# A minimum agent version in the prompt; every reported version is at or above it (fragment "2.4.0").
class CtlVersionMin(T):
    name = "c23_version_min"
    tools: ClassVar = [tool("agent_version", "Monitoring agent version on a host", host="string"),
                       tool("enroll", "Enroll the host", host="string", version="string")]
    def play(self, run, fake, rng):
        host = f"{rng.choice(['web', 'db', 'api', 'ci'])}-{rng.randint(1, 80):02d}"
        ver = rng.choice([f"2.4.{rng.randint(1, 9)}", f"2.{rng.randint(5, 9)}.{rng.randint(0, 9)}", f"3.{rng.randint(0, 2)}.{rng.randint(0, 9)}"])
        run.system("You enroll hosts in monitoring. The minimum supported agent version is 2.4.0 (all our hosts run it "
                   "or later); enroll each host with its agent version.")
        run.user(f"Enroll {host}.")
        run.call("agent_version", {"host": host}, ver)
        run.call("enroll", {"host": host, "version": ver}, "ok"); run.say(f"{host} enrolled (agent {ver}).")


# Hosts in the subnet the prompt names; the IP is copied into ssh (fragment "10.20.0.0/16").
class CtlSubnetIp(T):
    name = "c23_subnet_ip"
    tools: ClassVar = [tool("host_ip", "IPv4 of a host", host="string"),
                       tool("ssh_exec", "Run over ssh", ip="string", command="string")]
    def play(self, run, fake, rng):
        host = f"{rng.choice(['app', 'db', 'batch'])}{rng.randint(1, 60)}"
        ip = f"10.20.{rng.randint(0, 15)}.{rng.randint(1, 254)}"
        run.system("You patch servers over ssh. All our servers are in 10.20.0.0/16 behind the bastion; patch the host asked for.")
        run.user(f"Patch {host}.")
        run.call("host_ip", {"host": host}, ip)
        run.call("ssh_exec", {"ip": ip, "command": "apt-get -y upgrade"}, "done"); run.say(f"Patched {host}.")


# Region words of the prompt inside bare hostnames ("eu", "ap"): each region is served alike.
class CtlRegionHost(T):
    name = "c23_region_host"
    tools: ClassVar = [tool("alert_host", "Host an alert fired on", alert="string"),
                       tool("restart_host", "Reboot a host", host="string")]
    def play(self, run, fake, rng):
        alert = f"AL-{rng.randint(10000, 99999)}"
        host = f"{rng.choice(['web', 'db', 'cache'])}-{rng.randint(1, 40):02d}.{rng.choice(['eu', 'ap', 'sa', 'na'])}.corp.example"
        run.system("You handle alerts for our four regions (eu, ap, sa, na): reboot the host the alert names.")
        run.user(f"Handle alert {alert}.")
        run.call("alert_host", {"alert": alert}, host)
        run.call("restart_host", {"host": host}, "rebooting"); run.say(f"Rebooting {host}.")


# An open-ticket count copied into the reply; any count is answered the same way (magnitude cost).
class CtlTicketCount(T):
    name = "c23_ticket_count"
    tools: ClassVar = [tool("open_tickets", "Open tickets in a queue", queue="string")]
    def play(self, run, fake, rng):
        q = rng.choice(["billing", "tech", "sales", "returns", "vip"])
        n = int(10 ** rng.uniform(0.5, 3.3))
        run.system("You report queue sizes.")
        run.user(f"How many tickets are open in {q}?")
        run.call("open_tickets", {"queue": q}, str(n))
        run.say(f"{n} tickets are open in {q}.")


ALL = [BarePortPrivileged, BareStockReorder, BareRefundThreshold, BareDaysNegative, BareMemUnit, BareDiskPct,
       BareProdAccount, BareHostProdPart, BareExtExecutables, BareMacOuiCase, BareOrderLegacyLen,
       BareVersionRelation, BareFreezeDate, BareChannelExternal, BareEmailContractors, BarePortRange,
       BareRegionRelation, BareEmailAlias, BareWireAmount, BareBalanceSignCopied, BareCidr17,
       CtlTauUser, CtlVersionMin, CtlSubnetIp, CtlRegionHost, CtlTicketCount]
