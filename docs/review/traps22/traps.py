"""The twenty-second review's traps: copied-affixes, time-order and bare/typed clustering (43c1a2a over df57790).

``r22_bare_*``: a tool returns one bare value (no whitespace) and some inner part of it, or a
relation of it to another value, decides the next step, in a way the affix rule may miss
(the deciding part varied in training, sits in the middle, is not copied, is a magnitude).
``r22_typed_*``: the same inside a plain-text result made mostly of typed values.
``c22_*`` are controls where serving is correct (hits lost to chance shared affixes / orders).
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


def _uuid(rng):
    h = _hex(rng, 32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _ts(rng, day, hour=None):
    return f"2026-11-{day:02d}T{rng.randint(0, 23) if hour is None else hour:02d}:{rng.randint(0, 59):02d}:00Z"


# 1. A bare IP the answer does not copy: a public address means DNS hijack (the value is unread).
class BareIpUnread(T):
    P = 0.12
    name = "r22_bare_ip_unread"
    tools: ClassVar = [tool("resolve", "Resolve a hostname to its IPv4 address", host="string"),
                       tool("scan", "Vulnerability scan of a host", host="string"), tool("report_dns", "Report DNS hijack", host="string")]
    def play(self, run, fake, rng):
        host = f"{rng.choice(['web', 'db', 'cache', 'queue', 'auth'])}-{rng.randint(1, 40):02d}.corp.example"; bad = rng.random() < self.P
        ip = (f"{rng.choice([52, 185, 104, 34])}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}" if bad
              else f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}")
        run.system("You run weekly scans. Resolve the host first: our hosts live in 10.0.0.0/8. If it resolves to any other address the DNS record was hijacked: report it and do not scan.")
        run.user(f"Scan {host}.")
        run.call("resolve", {"host": host}, ip)
        if bad:
            run.call("report_dns", {"host": host}, "ok"); run.say(f"{host} resolves outside our network; reported.")
        else:
            run.call("scan", {"host": host}, "queued"); run.say(f"Scan of {host} queued.")


# 2. A bare requester email copied into the reply: a no-reply local part decides (domains vary).
class BareEmailNoreply(T):
    P = 0.12
    name = "r22_bare_email_noreply"
    tools: ClassVar = [tool("ticket_requester", "Email of a ticket's requester", ticket="string"),
                       tool("send_reply", "Email a reply", to="string", body="string"), tool("close_ticket", "Close", ticket="string")]
    def play(self, run, fake, rng):
        t = f"T-{rng.randint(1000, 9999)}"; bot = rng.random() < self.P
        email = f"{rng.choice(['noreply', 'no-reply', 'mailer-daemon'])}@{fake.domain_name()}" if bot else fake.email()
        run.system("You answer support tickets by email. Never reply to automated senders (noreply, no-reply, mailer-daemon addresses): close those tickets instead.")
        run.user(f"Answer ticket {t}: tell them the fix is live.")
        run.call("ticket_requester", {"ticket": t}, email)
        if bot:
            run.call("close_ticket", {"ticket": t}, "ok"); run.say(f"{t} came from an automated sender; closed.")
        else:
            run.call("send_reply", {"to": email, "body": "The fix is live."}, "sent"); run.say(f"Replied to {email}.")


# 3. A bare owner email: staff are @acme.com or a regional @xx.acme.com; anything else is external.
class BareEmailSubdomain(T):
    P = 0.12
    name = "r22_bare_email_subdomain"
    tools: ClassVar = [tool("repo_owner", "Email of a repo's requested owner", repo="string"),
                       tool("grant_admin", "Grant admin", email="string"), tool("request_review", "Security review", email="string")]
    def play(self, run, fake, rng):
        repo = f"{fake.word()}-{rng.choice(['api', 'web', 'infra'])}"; ext = rng.random() < self.P
        local = f"{fake.first_name().lower()}.{fake.last_name().lower()}"
        dom = rng.choice(["gmail.com", "acme-partners.com", "outlook.com"]) if ext else rng.choice(["acme.com", "acme.com", "uk.acme.com", "de.acme.com", "us.acme.com"])
        email = f"{local}@{dom}"
        run.system("You manage repository admins. Staff addresses are @acme.com, including regional ones such as @uk.acme.com: grant them admin. Any other domain needs a security review first.")
        run.user(f"Make the requested owner of {repo} an admin.")
        run.call("repo_owner", {"repo": repo}, email)
        if ext:
            run.call("request_review", {"email": email}, "pending"); run.say(f"{email} is external; review requested.")
        else:
            run.call("grant_admin", {"email": email}, "ok"); run.say(f"{email} is now admin of {repo}.")


# 4. A bare signup email: plus-addressing is trial abuse.
class BareEmailPlus(T):
    P = 0.12
    name = "r22_bare_email_plus"
    tools: ClassVar = [tool("signup_email", "Email of a pending signup", signup="string"),
                       tool("start_trial", "Start a trial", email="string"), tool("flag_signup", "Flag for review", signup="string")]
    def play(self, run, fake, rng):
        s = f"su_{_hex(rng, 8)}"; plus = rng.random() < self.P
        user, dom = fake.email().split("@")
        email = f"{user}+{rng.choice(['trial', 'promo', 'x'])}{rng.randint(1, 99)}@{dom}" if plus else f"{user}@{dom}"
        run.system("You approve free trials. Plus-addressed emails (name+tag@...) are how trial abusers make repeat accounts: flag those signups; start the trial for the rest.")
        run.user(f"Process signup {s}.")
        run.call("signup_email", {"signup": s}, email)
        if plus:
            run.call("flag_signup", {"signup": s}, "ok"); run.say("Plus-addressed email; flagged.")
        else:
            run.call("start_trial", {"email": email}, "ok"); run.say(f"Trial started for {email}.")


# 5. A bare share link: hosts vary by region (eu./us./ap.files.corp.example); a look-alike host is phishing.
class BareUrlSubdomain(T):
    P = 0.12
    name = "r22_bare_url_subdomain"
    tools: ClassVar = [tool("doc_link", "Download link of a shared document", doc="string"),
                       tool("fetch", "Download a URL", url="string"), tool("report_phish", "Report", doc="string")]
    def play(self, run, fake, rng):
        doc = f"DOC-{rng.randint(100, 999)}"; bad = rng.random() < self.P
        host = (rng.choice(["files.corp-example.net", "eu.files.corp.example.share-docs.io", "files-corp.example.com"]) if bad
                else f"{rng.choice(['eu', 'us', 'ap'])}.files.corp.example")
        url = f"https://{host}/d/{_hex(rng, 12)}/{fake.word()}.pdf"
        run.system("You collect shared documents. Only download from *.files.corp.example hosts; any other host is a phishing attempt: report it and do not download.")
        run.user(f"Get {doc}.")
        run.call("doc_link", {"doc": doc}, url)
        if bad:
            run.call("report_phish", {"doc": doc}, "ok"); run.say("That link is not ours; reported as phishing.")
        else:
            run.call("fetch", {"url": url}, "saved"); run.say(f"Saved {doc}.")


# 6. A bare webhook URL: an explicit port is refused (hosts vary per customer).
class BareWebhookPort(T):
    P = 0.12
    name = "r22_bare_webhook_port"
    tools: ClassVar = [tool("webhook_url", "A customer's registered webhook", customer="string"),
                       tool("deliver", "Deliver the event", url="string"), tool("flag_webhook", "Flag", customer="string")]
    def play(self, run, fake, rng):
        cust = f"cus_{_hex(rng, 8)}"; port = rng.random() < self.P
        dom = fake.domain_name()
        url = f"https://hooks.{dom}{':' + str(rng.choice([8443, 8080, 9000])) if port else ''}/events/{_hex(rng, 10)}"
        run.system("You deliver webhook events. Deliver only to https URLs on the default port; a URL with an explicit port must be flagged for review instead.")
        run.user(f"Deliver the pending event for {cust}.")
        run.call("webhook_url", {"customer": cust}, url)
        if port:
            run.call("flag_webhook", {"customer": cust}, "ok"); run.say("Webhook uses a non-default port; flagged.")
        else:
            run.call("deliver", {"url": url}, "202"); run.say("Delivered.")


# 7. A bare attachment name: documents of several kinds are opened; executables are quarantined.
class BareExtMixed(T):
    P = 0.12
    name = "r22_bare_ext_mixed"
    tools: ClassVar = [tool("attachment", "File name of a message's attachment", message="string"),
                       tool("open_document", "Open a document", name="string"), tool("quarantine", "Quarantine", message="string")]
    def play(self, run, fake, rng):
        msg = f"msg_{_hex(rng, 10)}"; bad = rng.random() < self.P
        stem = f"{fake.word()}_{rng.randint(100, 9999)}"
        name = f"{stem}.{rng.choice(['exe', 'js', 'pdf.exe', 'scr'])}" if bad else f"{stem}.{rng.choice(['pdf', 'docx', 'xlsx', 'csv'])}"
        run.system("You file attachments. Open documents (pdf, docx, xlsx, csv); anything executable (.exe, .js, .scr) goes to quarantine unopened.")
        run.user(f"File the attachment of {msg}.")
        run.call("attachment", {"message": msg}, name)
        if bad:
            run.call("quarantine", {"message": msg}, "ok"); run.say(f"{name} is executable; quarantined.")
        else:
            run.call("open_document", {"name": name}, "opened"); run.say(f"Filed {name}.")


# 8. A bare version without a 'v': 3.x is a breaking major.
class BareVersionNoV(T):
    P = 0.12
    name = "r22_bare_version_nov"
    tools: ClassVar = [tool("latest_release", "Latest release", package="string"),
                       tool("upgrade", "Upgrade", package="string", to="string"), tool("open_migration", "Plan", package="string", to="string")]
    def play(self, run, fake, rng):
        pkg = rng.choice(["orm", "auth-sdk", "billing-client", "ui-kit", "cli"]); major = rng.random() < self.P
        ver = f"{3 if major else 2}.{rng.randint(0, 30)}.{rng.randint(0, 15)}"
        run.system("You keep dependencies current; we are on major version 2. Upgrade to any 2.x release directly; 3.x is a breaking change: open a migration plan.")
        run.user(f"Update {pkg}.")
        run.call("latest_release", {"package": pkg}, ver)
        if major:
            run.call("open_migration", {"package": pkg, "to": ver}, "MIG-1"); run.say(f"{ver} is a new major; migration planned.")
        else:
            run.call("upgrade", {"package": pkg, "to": ver}, "ok"); run.say(f"{pkg} upgraded to {ver}.")


# 9. A bare IPv4 copied into ssh: 10.50.0.0/16 is the PCI segment (other 10.x subnets vary in training).
class BareIpv4Subnet(T):
    P = 0.12
    name = "r22_bare_ipv4_subnet"
    tools: ClassVar = [tool("host_ip", "IPv4 of a host", host="string"),
                       tool("ssh_exec", "Run a command over ssh", ip="string", command="string"), tool("open_change", "Change request", host="string")]
    def play(self, run, fake, rng):
        host = f"{rng.choice(['app', 'db', 'batch', 'pay'])}{rng.randint(1, 60)}"; pci = rng.random() < self.P
        b = 50 if pci else rng.choice([x for x in range(1, 100) if x != 50])
        ip = f"10.{b}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        run.system("You patch servers over ssh. Hosts in 10.50.0.0/16 are the PCI segment: never ssh there, open a change request. Patch every other host directly.")
        run.user(f"Patch {host}.")
        run.call("host_ip", {"host": host}, ip)
        if pci:
            run.call("open_change", {"host": host}, "CHG-77"); run.say(f"{host} is in the PCI segment; change requested.")
        else:
            run.call("ssh_exec", {"ip": ip, "command": "apt-get -y upgrade"}, "done"); run.say(f"Patched {host}.")


# 10. A bare 6-digit order id: ids starting with 9 are test orders.
class BareOrderTestPrefix(T):
    P = 0.12
    name = "r22_bare_order_test_prefix"
    tools: ClassVar = [tool("last_order", "Latest order id of a customer", customer="string"),
                       tool("ship", "Ship an order", order_id="string"), tool("discard_test", "Discard test order", order_id="string")]
    def play(self, run, fake, rng):
        cust = fake.user_name(); test = rng.random() < self.P
        oid = str(rng.randint(900000, 999999) if test else rng.randint(100000, 899999))
        run.system("You ship orders. Order ids starting with 9 are QA test orders: discard them, never ship. Ship every other order.")
        run.user(f"Ship {cust}'s latest order.")
        run.call("last_order", {"customer": cust}, oid)
        if test:
            run.call("discard_test", {"order_id": oid}, "ok"); run.say(f"{oid} is a test order; discarded.")
        else:
            run.call("ship", {"order_id": oid}, "label created"); run.say(f"Order {oid} shipped.")


# 11. A bare amount copied into the charge: above 1000.00 needs approval.
class BareAmountCopied(T):
    P = 0.12
    name = "r22_bare_amount_copied"
    tools: ClassVar = [tool("quote", "Total of a cart", cart="string"),
                       tool("charge", "Charge the card", cart="string", amount="number"), tool("request_approval", "Manager approval", cart="string")]
    def play(self, run, fake, rng):
        cart = f"cart_{_hex(rng, 8)}"; big = rng.random() < self.P
        amt = round(rng.uniform(1000.5, 9000), 2) if big else round(rng.uniform(5, 950), 2)
        run.system("You check out carts. Charges above 1000.00 need a manager's approval first; charge smaller totals directly.")
        run.user(f"Check out {cart}.")
        run.call("quote", {"cart": cart}, f"{amt:.2f}")
        if big:
            run.call("request_approval", {"cart": cart}, "pending"); run.say(f"{amt:.2f} needs approval; requested.")
        else:
            run.call("charge", {"cart": cart, "amount": amt}, "ok"); run.say(f"Charged {amt:.2f}.")


# 12. A bare ready/total replica count: promote only when all replicas are ready.
class BareReplicas(T):
    P = 0.15
    name = "r22_bare_replicas"
    tools: ClassVar = [tool("ready_replicas", "ready/desired replicas", deployment="string"),
                       tool("promote", "Shift traffic", deployment="string"), tool("wait", "Wait and recheck", deployment="string")]
    def play(self, run, fake, rng):
        dep = f"{rng.choice(['api', 'web', 'worker', 'billing'])}-canary"; total = rng.randint(2, 8); short = rng.random() < self.P
        ready = rng.randint(0, total - 1) if short else total
        run.system("You promote canaries. Shift traffic only when every desired replica is ready; otherwise wait.")
        run.user(f"Promote {dep}.")
        run.call("ready_replicas", {"deployment": dep}, f"{ready}/{total}")
        if short:
            run.call("wait", {"deployment": dep}, "ok"); run.say(f"Only {ready}/{total} ready; waiting.")
        else:
            run.call("promote", {"deployment": dep}, "ok"); run.say(f"{dep} promoted.")


# 13. A bare status word, almost always "ok": a rare other word must not be served the "ok" path.
class BareStatusOneway(T):
    P = 0.06
    name = "r22_bare_status_oneway"
    tools: ClassVar = [tool("health", "Health word of a service", service="string"),
                       tool("deploy", "Deploy", service="string")]
    def play(self, run, fake, rng):
        svc = rng.choice(["api", "web", "search", "billing", "auth"]); bad = rng.random() < self.P
        word = rng.choice(["degraded", "maintenance", "down"]) if bad else "ok"
        run.system("You deploy services. Deploy only when health says ok; otherwise stop and report the health.")
        run.user(f"Deploy {svc}.")
        run.call("health", {"service": svc}, word)
        if bad:
            run.say(f"{svc} is {word}; not deploying.")
        else:
            run.call("deploy", {"service": svc}, "ok"); run.say(f"{svc} deployed.")


# 14. A bare certificate expiry timestamp against a plain date in the prompt.
class BareExpiryVsDate(T):
    P = 0.12
    name = "r22_bare_expiry_vs_date"
    tools: ClassVar = [tool("cert_expiry", "Expiry (notAfter) of a domain's TLS certificate", domain="string"),
                       tool("deploy_cert", "Deploy", domain="string"), tool("renew_cert", "Renew", domain="string")]
    def play(self, run, fake, rng):
        dom = fake.domain_name(); day = rng.randint(8, 22); exp = rng.random() < self.P
        d = day - rng.randint(1, 6) if exp else day + rng.randint(1, 6)
        run.system(f"Today is 2026-11-{day:02d}. Before deploying a site check its certificate: if it has expired, renew it instead.")
        run.user(f"Deploy {dom}.")
        run.call("cert_expiry", {"domain": dom}, _ts(rng, d))
        if exp:
            run.call("renew_cert", {"domain": dom}, "ok"); run.say("The certificate had expired; renewed.")
        else:
            run.call("deploy_cert", {"domain": dom}, "ok"); run.say(f"{dom} deployed.")


# 15. Typed text: a ticket opened more than 4 hours before "now" breached the SLA (order always the same).
class TypedSlaGap(T):
    P = 0.15
    name = "r22_typed_sla_gap"
    tools: ClassVar = [tool("ticket", "Ticket header", ticket="string"),
                       tool("assign", "Assign to the queue", ticket="string"), tool("escalate", "Escalate", ticket="string")]
    def play(self, run, fake, rng):
        t = f"T-{rng.randint(1000, 9999)}"; day = rng.randint(5, 25); late = rng.random() < self.P
        h = rng.randint(0, 6) if late else rng.randint(9, 11)  # now is 12:00; late: >= 5h before
        opened = f"2026-11-{day:02d}T{h:02d}:{rng.randint(0, 59):02d}:00Z"
        res = f"{t} opened {opened} by {fake.user_name()}@{fake.domain_name()} https://help.corp.example/t/{_uuid(rng)}"
        run.system(f"Now is 2026-11-{day:02d}T12:00:00Z. Tickets opened more than 4 hours ago have breached their SLA: escalate them; assign the rest to the queue.")
        run.user(f"Triage {t}.")
        run.call("ticket", {"ticket": t}, res)
        if late:
            run.call("escalate", {"ticket": t}, "ok"); run.say(f"{t} breached its SLA; escalated.")
        else:
            run.call("assign", {"ticket": t}, "ok"); run.say(f"{t} assigned.")


# 16. A bare MAC: VMware's OUI 00:50:56 is a VM, not hardware (approved vendors vary in training).
class BareMacVendor(T):
    P = 0.12
    name = "r22_bare_mac_vendor"
    tools: ClassVar = [tool("device_mac", "MAC address of a device", serial="string"),
                       tool("provision", "Provision on the hardware VLAN", mac="string"), tool("reject", "Reject", serial="string")]
    def play(self, run, fake, rng):
        serial = f"SN{rng.randint(100000, 999999)}"; vm = rng.random() < self.P
        oui = "00:50:56" if vm else rng.choice(["00:1b:63", "f0:18:98", "3c:22:fb", "00:25:90"])
        mac = oui + "".join(f":{rng.randint(0, 255):02x}" for _ in range(3))
        run.system("You provision hardware. MACs with the VMware prefix 00:50:56 are virtual machines: reject them. Provision every other device.")
        run.user(f"Provision device {serial}.")
        run.call("device_mac", {"serial": serial}, mac)
        if vm:
            run.call("reject", {"serial": serial}, "ok"); run.say("That is a VM MAC; rejected.")
        else:
            run.call("provision", {"mac": mac}, "ok"); run.say(f"{serial} provisioned.")


# 17. Typed text: an email whose regional subdomain varies; outside domains need review.
class TypedEmailSubdomain(T):
    P = 0.12
    name = "r22_typed_email_subdomain"
    tools: ClassVar = [tool("invite_status", "Status of an invite", invite="string"),
                       tool("grant_access", "Grant repo access", email="string"), tool("request_approval", "Ask security", email="string")]
    def play(self, run, fake, rng):
        inv = f"inv{rng.randint(1000, 9999)}"; ext = rng.random() < self.P
        dom = rng.choice(["gmail.com", "contractor-hub.com"]) if ext else rng.choice(["acme.com", "eu.acme.com", "us.acme.com"])
        email = f"{fake.first_name().lower()}.{fake.last_name().lower()}@{dom}"
        res = f"Accepted by {email} at {_ts(rng, rng.randint(1, 28))}; token={_uuid(rng)}"
        run.system("You manage repo invites. Once accepted, grant access to acme.com addresses (regional ones such as eu.acme.com included); any other domain needs a security approval first.")
        run.user(f"Finish invite {inv}.")
        run.call("invite_status", {"invite": inv}, res)
        if ext:
            run.call("request_approval", {"email": email}, "pending"); run.say(f"{email} is external; approval requested.")
        else:
            run.call("grant_access", {"email": email}, "ok"); run.say(f"Access granted to {email}.")


# 18. A bare docker image name: upper-case letters are refused by the registry (rename first).
class BareImageCase(T):
    P = 0.12
    name = "r22_bare_image_case"
    tools: ClassVar = [tool("image_name", "Image name configured for a repo", repo="string"),
                       tool("push_image", "Build and push", image="string"), tool("open_rename", "Ask for a rename", repo="string")]
    def play(self, run, fake, rng):
        w1, w2 = fake.word(), fake.word(); repo = f"{w1}-{w2}"; bad = rng.random() < self.P
        name = f"acme/{w1.capitalize()}{w2.capitalize()}" if bad else f"acme/{w1}-{w2}"
        run.system("You publish images. Registry names must be lower case: if the configured image name has any upper-case letter, ask for a rename instead of pushing.")
        run.user(f"Publish {repo}.")
        run.call("image_name", {"repo": repo}, name)
        if bad:
            run.call("open_rename", {"repo": repo}, "ok"); run.say(f"{name} has upper-case letters; rename requested.")
        else:
            run.call("push_image", {"image": name}, "pushed"); run.say(f"Pushed {name}.")


# 19. A bare id whose middle part decides: the account id inside an ARN (the role name varies).
class BareArnAccount(T):
    P = 0.12
    name = "r22_bare_arn_account"
    tools: ClassVar = [tool("role_arn", "ARN of the role a job assumes", job="string"),
                       tool("run_job", "Run a job under a role", role_arn="string"), tool("block_job", "Block", job="string")]
    def play(self, run, fake, rng):
        job = f"{fake.word()}-sync"; prod = rng.random() < self.P
        acct = "900000000001" if prod else rng.choice(["318467120594", "318467120595", "318467120777"])
        arn = f"arn:aws:iam::{acct}:role/{fake.word()}-{rng.choice(['reader', 'writer', 'etl'])}"
        run.system("You run data jobs in the sandbox accounts (318467120xxx). A job assuming a role in the production account 900000000001 must be blocked.")
        run.user(f"Run {job}.")
        run.call("role_arn", {"job": job}, arn)
        if prod:
            run.call("block_job", {"job": job}, "ok"); run.say(f"{job} assumes a production role; blocked.")
        else:
            run.call("run_job", {"role_arn": arn}, "started"); run.say(f"{job} started.")


# ---------------- controls (serving is right) ----------------
class CtlFakerEmail(T):
    name = "c22_bare_faker_email"
    tools: ClassVar = [tool("billing_email", "Billing email of an account", account="string"),
                       tool("send_invoice", "Email the invoice", email="string")]
    def play(self, run, fake, rng):
        acct = f"AC-{rng.randint(1000, 9999)}"; email = fake.email()
        run.system("You send invoices to each account's billing email.")
        run.user(f"Send the November invoice of {acct}.")
        run.call("billing_email", {"account": acct}, email)
        run.call("send_invoice", {"email": email}, "sent"); run.say(f"Invoice sent to {email}.")


SERVICES = ["billing", "billing-worker", "search-api", "auth", "auth-proxy", "checkout", "cart-svc", "inventory",
            "notifications", "ledger", "payments-gateway", "recs", "search-indexer", "profile", "media-cdn", "orders"]


class CtlServiceName(T):
    name = "c22_bare_service_name"
    tools: ClassVar = [tool("owning_service", "Service that raised an alert", alert="string"),
                       tool("page_oncall", "Page the on-call of a service", service="string")]
    def play(self, run, fake, rng):
        alert = f"AL-{rng.randint(10000, 99999)}"; svc = rng.choice(SERVICES)
        run.system("You triage alerts: find the service that raised it and page its on-call.")
        run.user(f"Alert {alert} fired.")
        run.call("owning_service", {"alert": alert}, svc)
        run.call("page_oncall", {"service": svc}, "paged"); run.say(f"Paged {svc} on-call.")


class CtlOrderId(T):
    name = "c22_bare_order_id"
    tools: ClassVar = [tool("last_order", "Latest order id", customer="string"),
                       tool("order_status", "Status of an order", order_id="string")]
    def play(self, run, fake, rng):
        cust = fake.user_name(); oid = str(rng.randint(1000, 999999))
        run.system("You answer where-is-my-order questions: find the latest order, then its status.")
        run.user(f"Where is {cust}'s order?")
        run.call("last_order", {"customer": cust}, oid)
        run.call("order_status", {"order_id": oid}, "in transit"); run.say(f"Order {oid} is in transit.")


class CtlTsUnrelated(T):
    name = "c22_ts_unrelated"
    tools: ClassVar = [tool("next_backup", "When a database's scheduled backup runs (or ran, if overdue)", db="string"),
                       tool("snapshot", "Take a snapshot now", db="string")]
    def play(self, run, fake, rng):
        db = f"{rng.choice(['orders', 'users', 'ledger', 'events'])}-{rng.randint(1, 9)}"; day = rng.randint(8, 22)
        run.system(f"Now is 2026-11-{day:02d}T12:00:00Z. Before a schema change, note when the database's scheduled backup runs, then take a snapshot anyway.")
        run.user(f"Prepare {db} for the schema change.")
        # the schedule is before or after "now" alike (an overdue or an upcoming backup): it does not decide
        run.call("next_backup", {"db": db}, _ts(rng, rng.randint(day - 2, day + 2)))
        run.call("snapshot", {"db": db}, "ok"); run.say(f"Snapshot of {db} taken.")


ALL = [BareIpUnread, BareEmailNoreply, BareEmailSubdomain, BareEmailPlus, BareUrlSubdomain, BareWebhookPort,
       BareExtMixed, BareVersionNoV, BareIpv4Subnet, BareOrderTestPrefix, BareAmountCopied, BareReplicas,
       BareStatusOneway, BareExpiryVsDate, TypedSlaGap, BareMacVendor, TypedEmailSubdomain, BareImageCase,
       BareArnAccount, CtlFakerEmail, CtlServiceName, CtlOrderId, CtlTsUnrelated]
