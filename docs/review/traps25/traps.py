"""The twenty-fifth review's traps: named-numbers (numbers a system prompt names cut the number
line), fixed-words prose forms (a value's letter parts against the prompt's prose words, their
singulars and 3-4 letter prefixes) and relations ``sharing`` (a part two text values shared in
every training call) — 4d22276 over af271e6.

``r25_n_*``: a number decides against a threshold the prompt writes in a form the parser misses
or misreads, in another unit, or outside the system prompt (and three it should catch: "to"
ranges, "under 18", a negative limit).
``r25_w_*``: a word of the prompt decides, written in the value in a form ``forms_of`` does not
make (-ies/-ves plurals, abbreviations without the prefix, glued to another word, two letters,
inside a multi-word value), and one it should catch (a prefix of a hyphenated prose word).
``r25_s_*``: a relation between two values decides, in a shape ``shared_part`` does not read.
``c25_*`` are controls: serving is correct whatever the value (what the new checks cost).

Tool results are JSON objects (the value in a field: the served shape today).
"""
from typing import ClassVar

from evals.workflows.adversarial.base import Adversarial
from evals.workflows.base import tool


class T(Adversarial):
    family = "A"; guards = ("named-numbers",); description = "trap"
    @property
    def seed_name(self): return self.name


def _hex(rng, k):
    return f"{rng.getrandbits(4 * k):0{k}x}"


# ============================ named numbers ============================

# N1. The limit in shorthand: "$1.5k" is no number to numbers_of_text. Refunds of four digits
#     on both sides (magnitude equal).
class NRefundK(T):
    P = 0.15
    name = "r25_n_refund_k"
    tools: ClassVar = [tool("get_order", "Order details", order_id="string"),
                       tool("issue_refund", "Refund an order to the card", order_id="string", amount="number"),
                       tool("request_manager_approval", "Ask a manager to approve a refund", order_id="string", amount="number")]
    def play(self, run, fake, rng):
        oid = f"AO-{rng.randint(100000, 999999)}"; big = rng.random() < self.P
        total = round(rng.uniform(1500, 3900), 2) if big else round(rng.uniform(600, 1499.99), 2)
        run.system("You handle refund requests for Acme Outdoor (tents, bikes, climbing gear). Refunds over $1.5k "
                   "need a manager's approval: request it and tell the customer. Refund smaller orders directly.")
        run.user(f"Hi, I'd like a refund for order {oid}, the item arrived damaged.")
        run.call("get_order", {"order_id": oid}, {"order_id": oid, "customer": fake.name(), "total": total,
                                                  "currency": "USD", "status": "delivered"})
        if big:
            run.call("request_manager_approval", {"order_id": oid, "amount": total}, {"status": "pending"})
            run.say(f"Your refund of ${total:,.2f} needs a manager's approval; I've requested it and you'll hear back within a day.")
        else:
            run.call("issue_refund", {"order_id": oid, "amount": total}, {"refund_id": f"re_{_hex(rng, 12)}", "status": "succeeded"})
            run.say(f"Done: ${total:,.2f} is on its way back to your card.")


# N2. A European-format limit: "2.500,00 EUR" is read as 2.5 (the comma dropped). Invoices of
#     four digits on both sides.
class NEuDecimal(T):
    P = 0.15
    name = "r25_n_eu_decimal"
    tools: ClassVar = [tool("get_invoice", "A supplier invoice", invoice="string"),
                       tool("pay_sepa", "Pay an invoice by SEPA transfer", invoice="string", amount="number"),
                       tool("request_second_signature", "Ask the CFO to co-sign", invoice="string")]
    def play(self, run, fake, rng):
        inv = f"RE-{rng.randint(2024000, 2024999)}"; big = rng.random() < self.P
        amt = round(rng.uniform(2500.01, 4800), 2) if big else round(rng.uniform(1000, 2499.99), 2)
        run.system("You pay supplier invoices for the Berlin office. Invoices above 2.500,00 EUR need a second "
                   "signature: request it. Pay the others by SEPA transfer.")
        run.user(f"Please pay invoice {inv}.")
        run.call("get_invoice", {"invoice": inv}, {"invoice": inv, "supplier": fake.company(), "amount": amt,
                                                   "currency": "EUR", "due": "2026-01-31"})
        if big:
            run.call("request_second_signature", {"invoice": inv}, {"status": "sent"})
            run.say(f"{inv} is over the limit; I asked the CFO for a second signature.")
        else:
            run.call("pay_sepa", {"invoice": inv, "amount": amt}, {"status": "scheduled"})
            run.say(f"{inv} paid: {amt:.2f} EUR by SEPA.")


# N3. A limit with a space as thousands separator: "2 000" is read as 2 and 0. Stock of four
#     digits on both sides.
class NSpaceThousands(T):
    P = 0.15
    name = "r25_n_space_thousands"
    tools: ClassVar = [tool("stock_level", "Units in stock", sku="string"),
                       tool("create_reorder", "Create a purchase order", sku="string")]
    def play(self, run, fake, rng):
        sku = f"SKU-{rng.randint(10000, 99999)}"; low = rng.random() < self.P
        units = rng.randint(1000, 1999) if low else rng.randint(2001, 9800)
        run.system("You watch the Lyon warehouse. When fewer than 2 000 units of a SKU remain, create a reorder "
                   "before answering; otherwise just report the level.")
        run.user(f"How much {sku} do we have?")
        run.call("stock_level", {"sku": sku}, {"sku": sku, "units": units, "warehouse": "LYS-1"})
        if low:
            run.call("create_reorder", {"sku": sku}, {"po": f"PO-{rng.randint(1000, 9999)}"})
            run.say(f"{sku}: {units} units; reorder created.")
        else:
            run.say(f"{sku}: {units} units in stock.")


# N4. The limit is parsed (250.00) but the amount is text with its currency ("312.50 USD"): no
#     number, so no cut check on the variable.
class NAmountCurrencyText(T):
    P = 0.15
    name = "r25_n_amount_currency_text"
    tools: ClassVar = [tool("refund_due", "Amount due back on a return", rma="string"),
                       tool("issue_refund", "Refund", rma="string", amount="string"),
                       tool("request_approval", "Ask a supervisor", rma="string")]
    def play(self, run, fake, rng):
        rma = f"RMA-{rng.randint(100000, 999999)}"; big = rng.random() < self.P
        amt = round(rng.uniform(250.01, 990), 2) if big else round(rng.uniform(100, 250), 2)
        run.system("You process returns. Refunds above 250.00 need a supervisor's approval; refund smaller amounts directly.")
        run.user(f"Refund {rma}.")
        run.call("refund_due", {"rma": rma}, {"rma": rma, "amount_due": f"{amt:.2f} USD", "reason": "damaged"})
        if big:
            run.call("request_approval", {"rma": rma}, "pending"); run.say(f"{amt:.2f} USD needs approval; requested.")
        else:
            run.call("issue_refund", {"rma": rma, "amount": f"{amt:.2f} USD"}, "ok"); run.say(f"Refunded {amt:.2f} USD.")


# N5. The prompt's unit is hours, the tool's minutes: every wait is "above 2". The wait is
#     copied into the reply (an unread number would be structure, caught on both trees).
class NMinutesHours(T):
    P = 0.15
    name = "r25_n_minutes_hours"
    tools: ClassVar = [tool("get_ticket", "A support ticket", ticket="string"),
                       tool("escalate", "Escalate to the duty manager", ticket="string"),
                       tool("reply", "Reply to the customer", ticket="string", text="string")]
    def play(self, run, fake, rng):
        t = f"T-{rng.randint(10000, 99999)}"; late = rng.random() < self.P
        mins = rng.randint(121, 600) if late else rng.randint(20, 119)
        run.system("You triage the support queue. Escalate tickets that have waited more than 2 hours to the duty "
                   "manager; otherwise reply to the customer that we are on it.")
        run.user(f"Triage {t}.")
        run.call("get_ticket", {"ticket": t}, {"ticket": t, "customer": fake.name(), "waiting_minutes": mins,
                                               "priority": "normal"})
        if late:
            run.call("escalate", {"ticket": t}, "ok"); run.say(f"{t} waited {mins} minutes; escalated.")
        else:
            run.call("reply", {"ticket": t, "waited_minutes": mins, "text": "We're on it and will get back to you shortly."}, "sent")
            run.say(f"Replied to {t} (waiting {mins} minutes).")


# N6. The prompt's unit is dollars, the tool's cents: every charge is "above 250" (the amount
#     is copied into the capture).
class NCentsDollars(T):
    P = 0.15
    name = "r25_n_cents_dollars"
    tools: ClassVar = [tool("get_payment_intent", "A pending charge", intent="string"),
                       tool("capture", "Capture the charge (amount in cents)", intent="string", amount="number"),
                       tool("request_second_approver", "Ask a second approver", intent="string")]
    def play(self, run, fake, rng):
        pi = f"pi_{_hex(rng, 16)}"; big = rng.random() < self.P
        cents = rng.randint(25001, 99900) if big else rng.randint(10000, 25000)
        run.system("You capture pending charges for annual plans. Charges above $250 need a second approver: ask for "
                   "one. Capture the others.")
        run.user(f"Capture {pi}.")
        run.call("get_payment_intent", {"intent": pi}, {"id": pi, "amount": cents, "currency": "usd",
                                                        "customer": f"cus_{_hex(rng, 10)}"})
        if big:
            run.call("request_second_approver", {"intent": pi}, "requested"); run.say(f"{pi} needs a second approver; requested.")
        else:
            run.call("capture", {"intent": pi, "amount": cents}, {"status": "succeeded"}); run.say(f"Captured {pi}.")


# N7. The prompt writes a percentage, the metric is a fraction: every utilisation is "below 90"
#     (copied into the deploy call's log field).
class NRatioPercent(T):
    P = 0.15
    name = "r25_n_ratio_percent"
    tools: ClassVar = [tool("node_metrics", "Current metrics of a node", node="string"),
                       tool("drain_node", "Cordon and drain a node", node="string"),
                       tool("deploy", "Roll the release onto a node (logs the CPU seen)", node="string", observed_cpu="number")]
    def play(self, run, fake, rng):
        node = f"ip-10-0-{rng.randint(0, 255)}-{rng.randint(1, 254)}"; hot = rng.random() < self.P
        u = round(rng.uniform(0.91, 0.99), 2) if hot else round(rng.uniform(0.20, 0.89), 2)
        run.system("You roll releases onto Kubernetes nodes. If a node's CPU utilisation is above 90%, drain it "
                   "instead of deploying; deploy to the others.")
        run.user(f"Roll the release onto {node}.")
        run.call("node_metrics", {"node": node}, {"node": node, "cpu_utilization": u, "pods": rng.randint(8, 60)})
        if hot:
            run.call("drain_node", {"node": node}, "draining"); run.say(f"{node} is at {u:.0%} CPU; draining it.")
        else:
            run.call("deploy", {"node": node, "observed_cpu": u}, "ok"); run.say(f"Release rolled onto {node}.")


# N8. The limit is stated in the user's message (an orchestrator's standing instruction), not
#     the system prompt: cuts_of reads system/developer messages only.
class NLimitInUser(T):
    P = 0.15
    name = "r25_n_limit_in_user"
    tools: ClassVar = [tool("refund_due", "Amount due back on a return", rma="string"),
                       tool("issue_refund", "Refund", rma="string", amount="number"),
                       tool("request_approval", "Ask a supervisor", rma="string")]
    def play(self, run, fake, rng):
        rma = f"RMA-{rng.randint(100000, 999999)}"; big = rng.random() < self.P
        amt = round(rng.uniform(250.01, 990), 2) if big else round(rng.uniform(100, 250), 2)
        run.system("You are the returns assistant of Northwind.")
        run.user(f"Refund {rma}. Standing rule: refunds above 250.00 need a supervisor's approval.")
        run.call("refund_due", {"rma": rma}, {"rma": rma, "amount_due": amt, "currency": "USD"})
        if big:
            run.call("request_approval", {"rma": rma}, "pending"); run.say(f"{amt:.2f} needs approval; requested.")
        else:
            run.call("issue_refund", {"rma": rma, "amount": amt}, "ok"); run.say(f"Refunded {amt:.2f}.")


# N9. A comparison glued to the number: "<=500" is no number to the parser.
class NLeGlued(T):
    P = 0.15
    name = "r25_n_le_glued"
    tools: ClassVar = [tool("get_expense", "An expense claim", claim="string"),
                       tool("approve_expense", "Approve a claim", claim="string", amount="number"),
                       tool("route_to_finance", "Send a claim to the finance team", claim="string")]
    def play(self, run, fake, rng):
        c = f"EXP-{rng.randint(10000, 99999)}"; big = rng.random() < self.P
        amt = round(rng.uniform(500.01, 990), 2) if big else round(rng.uniform(120, 500), 2)
        run.system("You process expense claims. Policy: auto-approve claims <=500 USD; anything larger goes to the "
                   "finance team.")
        run.user(f"Process claim {c}.")
        run.call("get_expense", {"claim": c}, {"claim": c, "employee": fake.name(), "amount": amt,
                                               "category": rng.choice(["travel", "meals", "hardware", "training"])})
        if big:
            run.call("route_to_finance", {"claim": c}, "queued"); run.say(f"{c} ({amt:.2f} USD) sent to finance.")
        else:
            run.call("approve_expense", {"claim": c, "amount": amt}, "approved"); run.say(f"{c} approved ({amt:.2f} USD).")


# N10. The limit in words: "more than twenty units". Quantities of two digits on both sides.
class NWordsNumber(T):
    P = 0.15
    name = "r25_n_words_number"
    tools: ClassVar = [tool("get_cart", "A wholesale cart", cart="string"),
                       tool("book_parcel", "Book parcel shipping", cart="string", quantity="number"),
                       tool("book_freight", "Book freight shipping", cart="string", quantity="number")]
    def play(self, run, fake, rng):
        cart = f"C-{_hex(rng, 8)}"; big = rng.random() < self.P
        q = rng.randint(21, 90) if big else rng.randint(10, 20)
        run.system("You book shipping for wholesale orders. Orders of more than twenty units ship by freight; "
                   "smaller orders ship by parcel.")
        run.user(f"Ship cart {cart}.")
        run.call("get_cart", {"cart": cart}, {"cart": cart, "buyer": fake.company(), "quantity": q})
        if big:
            run.call("book_freight", {"cart": cart, "quantity": q}, "booked"); run.say(f"{q} units: freight booked.")
        else:
            run.call("book_parcel", {"cart": cart, "quantity": q}, "booked"); run.say(f"{q} units: parcel booked.")


# N11. A named version: "Node 18 or newer"; the runtime is a version string, no number (copied
#      into the deploy).
class NVersionNamed(T):
    P = 0.15
    name = "r25_n_version_named"
    tools: ClassVar = [tool("app_runtime", "Runtime of an app", app="string"),
                       tool("deploy_app", "Deploy on a runtime", app="string", node_version="string"),
                       tool("open_upgrade_ticket", "Ticket to upgrade the runtime", app="string")]
    def play(self, run, fake, rng):
        app = f"{fake.word()}-{rng.choice(['web', 'api', 'worker'])}"; old = rng.random() < self.P
        major = rng.choice([14, 16]) if old else rng.choice([18, 20, 22])
        ver = f"{major}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"
        run.system("Our platform supports Node 18 or newer. Deploy apps on a supported runtime; for older runtimes "
                   "open an upgrade ticket instead.")
        run.user(f"Deploy {app}.")
        run.call("app_runtime", {"app": app}, {"app": app, "runtime": "node", "version": ver})
        if old:
            run.call("open_upgrade_ticket", {"app": app}, "TKT-1"); run.say(f"{app} runs Node {ver}; upgrade ticket opened.")
        else:
            run.call("deploy_app", {"app": app, "node_version": ver}, "ok"); run.say(f"{app} deployed (Node {ver}).")


# N12 (should be caught). A range written with "to": both ends are numbers of the text.
class NPortRangeTo(T):
    P = 0.15
    name = "r25_n_port_range_to"
    tools: ClassVar = [tool("listen_port", "Port a container listens on", container="string"),
                       tool("register_lb", "Register behind the load balancer", container="string", port="number"),
                       tool("flag_debug", "Flag a debug listener", container="string")]
    def play(self, run, fake, rng):
        c = f"{fake.word()}-{_hex(rng, 5)}"; dbg = rng.random() < self.P
        port = rng.randint(8000, 8999) if dbg else rng.choice([rng.randint(3000, 7999), rng.randint(9000, 9999)])
        run.system("You register containers with the load balancer. Ports 8000 to 8999 are debug listeners: flag "
                   "them, never register them. Register any other port.")
        run.user(f"Register {c}.")
        run.call("listen_port", {"container": c}, {"container": c, "port": port, "protocol": "tcp"})
        if dbg:
            run.call("flag_debug", {"container": c}, "ok"); run.say(f"{c} listens on debug port {port}; flagged.")
        else:
            run.call("register_lb", {"container": c, "port": port}, "ok"); run.say(f"{c} registered on {port}.")


# N13 (should be caught). "under 18": ages of two digits on both sides.
class NAgeUnder(T):
    P = 0.12
    name = "r25_n_age_under"
    tools: ClassVar = [tool("get_customer", "Customer profile", customer="string"),
                       tool("ship_order", "Ship an order", order="string"),
                       tool("cancel_order", "Cancel and refund an order", order="string", reason="string")]
    def play(self, run, fake, rng):
        o = f"WS-{rng.randint(100000, 999999)}"; cid = f"cu_{_hex(rng, 8)}"; minor = rng.random() < self.P
        age = rng.randint(13, 17) if minor else rng.randint(19, 78)
        run.system("You fulfil orders for a wine shop. We cannot sell alcohol to customers under 18: cancel such "
                   "orders with a refund. Ship the others.")
        run.user(f"Fulfil order {o} for customer {cid}.")
        run.call("get_customer", {"customer": cid}, {"customer": cid, "name": fake.name(), "age": age, "country": "US"})
        if minor:
            run.call("cancel_order", {"order": o, "reason": "underage"}, "cancelled"); run.say(f"{o} cancelled: the customer is {age}.")
        else:
            run.call("ship_order", {"order": o}, "shipped"); run.say(f"{o} shipped.")


# N14 (should be caught). A negative limit: balances below -500.00 go to collections.
class NNegativeLimit(T):
    P = 0.15
    name = "r25_n_negative_limit"
    tools: ClassVar = [tool("get_account", "Account balance", account="string"),
                       tool("send_reminder", "Send a payment reminder", account="string", balance="number"),
                       tool("send_to_collections", "Hand the account to collections", account="string")]
    def play(self, run, fake, rng):
        a = f"AC-{rng.randint(10000, 99999)}"; bad = rng.random() < self.P
        bal = -round(rng.uniform(500.01, 999), 2) if bad else -round(rng.uniform(100, 499.99), 2)
        run.system("You chase overdue accounts. Accounts with a balance below -500.00 go to collections; the others "
                   "get a friendly reminder.")
        run.user(f"Chase {a}.")
        run.call("get_account", {"account": a}, {"account": a, "holder": fake.name(), "balance": bal})
        if bad:
            run.call("send_to_collections", {"account": a}, "ok"); run.say(f"{a} ({bal:.2f}) sent to collections.")
        else:
            run.call("send_reminder", {"account": a, "balance": bal}, "sent"); run.say(f"Reminder sent for {a} ({bal:.2f}).")


# ============================ prose word forms ============================

# W1. A -ves plural: "knives" gives "knive", "kniv", "knif", never "knife".
class WKnivesPlural(T):
    P = 0.12
    name = "r25_w_knives_plural"
    tools: ClassVar = [tool("get_order_item", "The item of an order", order="string"),
                       tool("book_shipment", "Book a shipment", order="string", sku="string", destination="string"),
                       tool("cancel_item", "Cancel an item with a reason", order="string", reason="string")]
    def play(self, run, fake, rng):
        o = f"UK-{rng.randint(100000, 999999)}"; knife = rng.random() < self.P
        kind = "knife" if knife else rng.choice(["pan", "kettle", "mug", "board", "whisk", "grater", "bowl", "tray"])
        sku = f"{kind}-{rng.choice(['steel', 'oak', 'ceramic', 'black'])}-{rng.randint(10, 99)}"
        run.system("You ship kitchenware orders to the UK. Knives cannot be shipped to UK addresses: cancel that item "
                   "and explain. Book every other item.")
        run.user(f"Ship order {o}.")
        run.call("get_order_item", {"order": o}, {"order": o, "sku": sku, "qty": 1, "destination": "GB"})
        if knife:
            run.call("cancel_item", {"order": o, "reason": "knife to UK"}, "ok"); run.say(f"{sku} cannot ship to the UK; cancelled.")
        else:
            run.call("book_shipment", {"order": o, "sku": sku, "destination": "GB"}, "booked"); run.say(f"{sku} booked.")


# W2. A -ies plural: "batteries" gives "batterie", "batteri", "batt", never "battery".
class WBatteriesPlural(T):
    P = 0.12
    name = "r25_w_batteries_plural"
    tools: ClassVar = [tool("get_parcel", "Contents of a parcel", parcel="string"),
                       tool("book_air", "Book air freight", parcel="string"),
                       tool("book_ground", "Book ground freight", parcel="string")]
    def play(self, run, fake, rng):
        p = f"PX{rng.randint(1000000, 9999999)}"; bat = rng.random() < self.P
        kind = "battery" if bat else rng.choice(["cable", "charger", "case", "stand", "adapter", "hub", "mouse", "screen"])
        sku = f"{kind}-{rng.choice(['usb', 'pro', 'mini', 'max'])}-{rng.randint(100, 999)}"
        run.system("You book freight for the electronics store. Batteries are dangerous goods: they cannot fly, book "
                   "ground freight for them. Book everything else by air.")
        run.user(f"Book freight for parcel {p}.")
        run.call("get_parcel", {"parcel": p}, {"parcel": p, "sku": sku, "weight_kg": round(rng.uniform(0.1, 4), 1)})
        if bat:
            run.call("book_ground", {"parcel": p}, "booked"); run.say(f"{p} holds {sku}: ground freight booked.")
        else:
            run.call("book_air", {"parcel": p}, "booked"); run.say(f"{p} booked by air.")


# W3. An abbreviation that is no prefix: "prd" of "production" (the "stg"/"dev" hosts are seen).
class WPrdAbbrev(T):
    P = 0.12
    name = "r25_w_prd_abbrev"
    tools: ClassVar = [tool("alert_target", "Host an alert fired on", alert="string"),
                       tool("restart_db", "Restart a database host", host="string"),
                       tool("page_dba", "Page the DBA on call", alert="string")]
    def play(self, run, fake, rng):
        al = f"AL-{rng.randint(10000, 99999)}"; prod = rng.random() < self.P
        env = "prd" if prod else rng.choice(["stg", "dev", "tst"])
        host = f"{env}-{rng.choice(['pg', 'mysql', 'redis'])}-{rng.randint(1, 40):02d}"
        run.system("You handle database alerts. Never restart production databases yourself: page the DBA on call. "
                   "Restart staging, test and development databases that alert.")
        run.user(f"Handle alert {al}.")
        run.call("alert_target", {"alert": al}, {"alert": al, "host": host, "check": "replication_lag"})
        if prod:
            run.call("page_dba", {"alert": al}, "paged"); run.say(f"{host} is production; DBA paged.")
        else:
            run.call("restart_db", {"host": host}, "restarting"); run.say(f"Restarting {host}.")


# W4. The prompt's word glued to another in the value: "PRODSQL01" gives the part "prodsql".
class WGluedHostname(T):
    P = 0.12
    name = "r25_w_glued_hostname"
    tools: ClassVar = [tool("server_of", "Server a patch job targets", job="string"),
                       tool("patch_now", "Install patches and reboot", server="string"),
                       tool("schedule_weekend", "Schedule the patch for the weekend window", server="string")]
    def play(self, run, fake, rng):
        job = f"PJ-{rng.randint(1000, 9999)}"; prod = rng.random() < self.P
        env = "PROD" if prod else rng.choice(["DEV", "TEST", "UAT", "QA"])
        srv = f"{env}{rng.choice(['SQL', 'APP', 'WEB', 'FS'])}{rng.randint(1, 30):02d}"
        run.system("You patch Windows servers. Never patch production servers during business hours: schedule them "
                   "for the weekend window. Patch development, test, QA and UAT servers now.")
        run.user(f"Run patch job {job}.")
        run.call("server_of", {"job": job}, {"job": job, "server": srv, "kb": f"KB{rng.randint(5000000, 5099999)}"})
        if prod:
            run.call("schedule_weekend", {"server": srv}, "scheduled"); run.say(f"{srv} is production; scheduled for the weekend.")
        else:
            run.call("patch_now", {"server": srv}, "patching"); run.say(f"Patching {srv} now.")


# W5. Two letters: "hr" of "human resources" is shorter than any form.
class WHrTwoLetters(T):
    P = 0.12
    name = "r25_w_hr_two_letters"
    tools: ClassVar = [tool("document_of", "Document a share request is about", request="string"),
                       tool("share_externally", "Share a document with an outside email", document="string", email="string"),
                       tool("decline_share", "Decline a share request", request="string")]
    def play(self, run, fake, rng):
        req = f"SR-{rng.randint(1000, 9999)}"; hr = rng.random() < self.P
        dept = "hr" if hr else rng.choice(["mkt", "eng", "ops", "sales", "fin"])
        doc = f"{dept}-{rng.randint(2023, 2026)}-{rng.randint(1, 999):03d}.pdf"; email = fake.email()
        run.system("You handle document share requests. Documents from human resources are confidential: never "
                   "share them outside the company, decline the request. Share other documents as asked.")
        run.user(f"Handle share request {req}.")
        run.call("document_of", {"request": req}, {"request": req, "document": doc, "recipient": email})
        if hr:
            run.call("decline_share", {"request": req}, "declined"); run.say(f"{doc} is an HR document; declined.")
        else:
            run.call("share_externally", {"document": doc, "email": email}, "shared"); run.say(f"Shared {doc} with {email}.")


# W6. The deciding word inside a multi-word value (a job title): only the whole value is a word.
class WJobTitleIntern(T):
    P = 0.12
    name = "r25_w_job_title_intern"
    tools: ClassVar = [tool("get_employee", "Directory entry of an employee", employee="string"),
                       tool("grant_prod_access", "Grant production access", employee="string"),
                       tool("ask_manager", "Ask the employee's manager", employee="string")]
    def play(self, run, fake, rng):
        emp = fake.user_name(); intern = rng.random() < self.P
        title = f"{rng.choice(['Software Engineering', 'Data Science', 'Site Reliability', 'Platform'])} Intern" \
            if intern else fake.job()
        run.system("You handle production access requests. Interns never get production access: ask their manager "
                   "instead. Grant it to anyone else who asks.")
        run.user(f"{emp} asks for production access.")
        run.call("get_employee", {"employee": emp}, {"employee": emp, "title": title, "team": rng.choice(["core", "growth", "infra"])})
        if intern:
            run.call("ask_manager", {"employee": emp}, "asked"); run.say(f"{emp} is an intern ({title}); asked their manager.")
        else:
            run.call("grant_prod_access", {"employee": emp}, "granted"); run.say(f"Granted production access to {emp}.")


# W7 (should be caught). The prompt writes "non-production"; prod hosts are "prod-…".
class WNonProdHyphen(T):
    P = 0.12
    name = "r25_w_nonprod_hyphen"
    tools: ClassVar = [tool("alert_host", "Host an alert fired on", alert="string"),
                       tool("reboot_host", "Reboot a host", host="string"),
                       tool("open_change", "Open a change ticket", host="string")]
    def play(self, run, fake, rng):
        al = f"AL-{rng.randint(10000, 99999)}"; prod = rng.random() < self.P
        env = "prod" if prod else rng.choice(["stage", "dev", "sandbox", "perf"])
        host = f"{env}-{rng.choice(['web', 'api', 'queue'])}-{rng.randint(1, 40):02d}"
        run.system("You handle alerts. Only non-production hosts may be rebooted without a change ticket; for any "
                   "other host open a change ticket.")
        run.user(f"Handle alert {al}.")
        run.call("alert_host", {"alert": al}, {"alert": al, "host": host})
        if prod:
            run.call("open_change", {"host": host}, "CHG-1"); run.say(f"{host} needs a change ticket; opened.")
        else:
            run.call("reboot_host", {"host": host}, "rebooting"); run.say(f"Rebooting {host}.")


# ============================ sharing ============================

# S1. Release tags with a "v": "v6.11.6" and "5.2.1" share no first part ("v6" vs "5").
class SVTagMajor(T):
    P = 0.15
    name = "r25_s_vtag_major"
    tools: ClassVar = [tool("latest_release", "Latest release of a package (GitHub)", package="string"),
                       tool("upgrade", "Upgrade", package="string", to="string"),
                       tool("open_migration", "Plan a migration", package="string", to="string")]
    def play(self, run, fake, rng):
        pkg = f"{fake.word()}-{rng.choice(['sdk', 'client', 'cli'])}"; major = rng.randint(1, 8); jump = rng.random() < self.P
        cur = f"{major}.{rng.randint(0, 9)}.{rng.randint(0, 9)}"
        tag = f"v{major + 1 if jump else major}.{rng.randint(10, 20)}.{rng.randint(0, 9)}"
        run.system("You keep dependencies current. Upgrade directly within the major version we run; a new major "
                   "version is a breaking change: open a migration plan instead.")
        run.user(f"Update {pkg}; we run {cur}.")
        run.call("latest_release", {"package": pkg}, {"package": pkg, "tag_name": tag, "prerelease": False})
        if jump:
            run.call("open_migration", {"package": pkg, "to": tag}, "MIG-1"); run.say(f"{tag} is a new major; migration planned.")
        else:
            run.call("upgrade", {"package": pkg, "to": tag}, "ok"); run.say(f"{pkg} upgraded to {tag}.")


# S2. The major the user names alone ("Django 4"): a number alone is no part word.
class SUserMajorOnly(T):
    P = 0.15
    name = "r25_s_user_major_only"
    tools: ClassVar = [tool("latest_version", "Latest version on PyPI", package="string"),
                       tool("bump_requirement", "Bump the pin", package="string", version="string"),
                       tool("open_migration", "Plan a migration", package="string", version="string")]
    def play(self, run, fake, rng):
        pkg = rng.choice(["django", "celery", "pydantic", "sqlalchemy", "numpy", "pandas", "flask", "requests"])
        major = rng.randint(1, 6); jump = rng.random() < self.P
        latest = f"{major + 1 if jump else major}.{rng.randint(0, 12)}.{rng.randint(0, 9)}"
        run.system("You maintain our Python services. Bump a dependency within the major version we are on; a new "
                   "major version needs a migration plan.")
        run.user(f"Bump {pkg}; we are on {pkg} {major}.")
        run.call("latest_version", {"package": pkg}, {"package": pkg, "version": latest})
        if jump:
            run.call("open_migration", {"package": pkg, "version": latest}, "MIG-2"); run.say(f"{latest} is a new major; migration planned.")
        else:
            run.call("bump_requirement", {"package": pkg, "version": latest}, "ok"); run.say(f"{pkg} bumped to {latest}.")


# S3. A minor bump: only the first part is compared, and the majors do share.
class SMinorBump(T):
    P = 0.15
    name = "r25_s_minor_bump"
    tools: ClassVar = [tool("latest_release", "Latest release", package="string"),
                       tool("apply_patch", "Apply a patch release", package="string", to="string"),
                       tool("schedule_qa", "Schedule a QA run before upgrading", package="string", to="string")]
    def play(self, run, fake, rng):
        pkg = f"{fake.word()}-{rng.choice(['svc', 'lib', 'agent'])}"; ma, mi = rng.randint(1, 9), rng.randint(0, 20)
        minor = rng.random() < self.P
        cur = f"{ma}.{mi}.{rng.randint(0, 5)}"
        latest = f"{ma}.{mi + 1}.0" if minor else f"{ma}.{mi}.{rng.randint(6, 15)}"
        run.system("You keep our agents patched. Apply patch releases (same major and minor version) directly; a new "
                   "minor or major version needs a QA run first.")
        run.user(f"Patch {pkg}; installed {cur}.")
        run.call("latest_release", {"package": pkg}, {"package": pkg, "version": latest})
        if minor:
            run.call("schedule_qa", {"package": pkg, "to": latest}, "QA-1"); run.say(f"{latest} is a new minor; QA scheduled.")
        else:
            run.call("apply_patch", {"package": pkg, "to": latest}, "ok"); run.say(f"{pkg} patched to {latest}.")


# S4. The customer's country against the payout IBAN's country code: "DE" inside "DE89…" is
#     too short to be related and a one-part value shares nothing with another one-part value.
class SIbanCountry(T):
    P = 0.15
    name = "r25_s_iban_country"
    tools: ClassVar = [tool("get_seller", "Marketplace seller profile", seller="string"),
                       tool("payout_account", "Bank account a seller's payouts go to", seller="string"),
                       tool("send_payout", "Send the weekly payout", seller="string", iban="string"),
                       tool("aml_review", "Hold for anti-money-laundering review", seller="string")]
    def play(self, run, fake, rng):
        s = f"sel_{_hex(rng, 8)}"; cc = rng.choice(["DE", "FR", "NL", "ES", "IT", "BE", "AT"]); cross = rng.random() < self.P
        icc = rng.choice([c for c in ["DE", "FR", "NL", "ES", "IT", "BE", "AT", "LT", "MT"] if c != cc]) if cross else cc
        iban = f"{icc}{rng.randint(10, 99)}{rng.randint(10**17, 10**18 - 1)}"
        run.system("You send marketplace payouts. A payout must go to a bank account in the seller's own country; if "
                   "the IBAN is from another country, hold it for AML review.")
        run.user(f"Send this week's payout to {s}.")
        run.call("get_seller", {"seller": s}, {"seller": s, "name": fake.company(), "country": cc})
        run.call("payout_account", {"seller": s}, {"seller": s, "iban": iban, "holder": fake.name()})
        if cross:
            run.call("aml_review", {"seller": s}, "held"); run.say(f"{s}'s IBAN is not from {cc}; held for AML review.")
        else:
            run.call("send_payout", {"seller": s, "iban": iban}, "sent"); run.say(f"Payout sent to {iban}.")


# S5. The company name (several words) against the requester's email domain: both have several
#     parts, and their first parts ("hartman", "bob") never agree.
class SCompanyEmail(T):
    P = 0.15
    name = "r25_s_company_email"
    tools: ClassVar = [tool("get_ticket", "A support ticket", ticket="string"),
                       tool("get_account", "The customer account a ticket is filed under", account="string"),
                       tool("reset_2fa", "Reset two-factor authentication", email="string"),
                       tool("request_callback", "Verify identity by a phone call", ticket="string")]
    def play(self, run, fake, rng):
        t = f"T-{rng.randint(10000, 99999)}"; acc = f"acct_{_hex(rng, 6)}"
        last = fake.last_name(); company = f"{last} {rng.choice(['LLC', 'Inc', 'Group', 'Partners'])}"
        outside = rng.random() < self.P
        who = f"{fake.first_name().lower()}.{fake.last_name().lower()}"
        email = f"{who}@{rng.choice(['gmail.com', 'outlook.com', 'proton.me'])}" if outside else f"{who}@{last.lower()}.com"
        run.system("You are B2B support. Reset two-factor authentication only for requesters whose email is at "
                   "their company's domain; otherwise verify their identity by a phone call first.")
        run.user(f"Handle ticket {t} (account {acc}).")
        run.call("get_ticket", {"ticket": t}, {"ticket": t, "subject": "Lost my phone, reset 2FA", "requester": email})
        run.call("get_account", {"account": acc}, {"account": acc, "company": company, "plan": "business"})
        if outside:
            run.call("request_callback", {"ticket": t}, "scheduled"); run.say("The request did not come from a company address; callback scheduled.")
        else:
            run.call("reset_2fa", {"email": email}, "reset"); run.say(f"2FA reset for {email}.")


# S6. Currencies in two cases: ERP "EUR", payment provider "eur" (one part each: no sharing;
#     case-sensitive, so never related either).
class SCurrencyCase(T):
    P = 0.15
    name = "r25_s_currency_case"
    tools: ClassVar = [tool("get_customer", "Billing profile", customer="string"),
                       tool("get_invoice", "Open invoice", invoice="string"),
                       tool("charge", "Charge the invoice", invoice="string"),
                       tool("convert_invoice", "Re-issue the invoice in the billing currency", invoice="string")]
    def play(self, run, fake, rng):
        cu = f"C{rng.randint(10000, 99999)}"; inv = f"in_{_hex(rng, 10)}"
        cur = rng.choice(["EUR", "USD", "GBP", "CHF", "SEK"]); bad = rng.random() < self.P
        icur = rng.choice([c for c in ["EUR", "USD", "GBP", "CHF", "SEK"] if c != cur]) if bad else cur
        run.system("You collect invoices. Charge an invoice only when its currency matches the customer's billing "
                   "currency; otherwise re-issue it in the billing currency.")
        run.user(f"Collect invoice {inv} of customer {cu}.")
        run.call("get_customer", {"customer": cu}, {"customer": cu, "billing_currency": cur, "name": fake.company()})
        run.call("get_invoice", {"invoice": inv}, {"id": inv, "currency": icur.lower(), "amount_due": rng.randint(500, 90000)})
        if bad:
            run.call("convert_invoice", {"invoice": inv}, "reissued"); run.say(f"{inv} was in {icur}; re-issued in {cur}.")
        else:
            run.call("charge", {"invoice": inv}, "paid"); run.say(f"{inv} charged.")


# S7. The user's region with several parts ("eu-west") against the export host: both have
#     several parts and only first parts are compared ("eu" vs "exp").
class SRegionMulti(T):
    P = 0.12
    name = "r25_s_region_multi"
    tools: ClassVar = [tool("export_host", "Host that will run a customer's data export", customer="string"),
                       tool("start_export", "Start the export", customer="string", host="string"),
                       tool("escalate_privacy", "Escalate to the privacy team", customer="string")]
    def play(self, run, fake, rng):
        cust = f"cus_{_hex(rng, 8)}"; home = rng.choice(["eu-west", "eu-central", "us-east", "us-west", "ap-south"])
        bad = rng.random() < 2 * self.P
        label = rng.choice([x for x in ["eu", "us", "ap"] if x != home[:2]]) if bad else home[:2]
        host = f"exp-{rng.randint(1, 40):02d}.{label}.corp.example"
        run.system("You run customer data exports. A customer's data must be exported in its home region: escalate "
                   "to the privacy team if the assigned host is in another region.")
        run.user(f"Export the data of {cust} (home region {home}).")
        run.call("export_host", {"customer": cust}, {"customer": cust, "host": host})
        if bad:
            run.call("escalate_privacy", {"customer": cust}, "ok"); run.say(f"{cust} lives in {home} but got {host}; escalated.")
        else:
            run.call("start_export", {"customer": cust, "host": host}, "started"); run.say(f"Export of {cust} started on {host}.")


# S8 (should be caught). The region in one part ("EU") against the host's label: the shape the
#     change guards, as review 23's r23_bare_region_relation, in JSON.
class SRegionOnePart(T):
    P = 0.12
    name = "r25_s_region_one_part"
    tools: ClassVar = SRegionMulti.tools
    def play(self, run, fake, rng):
        cust = f"cus_{_hex(rng, 8)}"; region = rng.choice(["EU", "US", "AP"]); bad = rng.random() < 2 * self.P
        label = rng.choice([x for x in ["eu", "us", "ap"] if x != region.lower()]) if bad else region.lower()
        host = f"exp-{rng.randint(1, 40):02d}.{label}.corp.example"
        run.system("You run customer data exports. A customer's data must be exported in its home region: escalate "
                   "to the privacy team if the assigned host is in another region.")
        run.user(f"Export the data of {cust} (home region {region}).")
        run.call("export_host", {"customer": cust}, {"customer": cust, "host": host})
        if bad:
            run.call("escalate_privacy", {"customer": cust}, "ok"); run.say(f"{cust} lives in {region} but got {host}; escalated.")
        else:
            run.call("start_export", {"customer": cust, "host": host}, "started"); run.say(f"Export of {cust} started on {host}.")


# S9. The shared part was constant in training (every package on major 3): ``sharing`` needs the
#     shared part to vary, so nothing is kept; a 4.x latest for a 3.x user.
class SConstMajor(T):
    P = 0.12
    name = "r25_s_const_major"
    tools: ClassVar = SVTagMajor.tools
    def play(self, run, fake, rng):
        pkg = f"{fake.word()}-{rng.choice(['sdk', 'client', 'cli'])}"; jump = rng.random() < self.P
        cur = f"3.{rng.randint(0, 9)}.{rng.randint(0, 9)}"
        latest = f"{4 if jump else 3}.{rng.randint(10, 20)}.{rng.randint(0, 9)}"
        run.system("You keep dependencies current. Upgrade directly within the major version we run; a new major "
                   "version is a breaking change: open a migration plan instead.")
        run.user(f"Update {pkg}; we run {cur}.")
        run.call("latest_release", {"package": pkg}, {"package": pkg, "tag_name": latest, "prerelease": False})
        if jump:
            run.call("open_migration", {"package": pkg, "to": latest}, "MIG-1"); run.say(f"{latest} is a new major; migration planned.")
        else:
            run.call("upgrade", {"package": pkg, "to": latest}, "ok"); run.say(f"{pkg} upgraded to {latest}.")


# ============================ controls (serving is right) ============================

# C1. A support prompt full of incidental numbers ("2 business days", "top 3", "since 1998",
#     "24/7", "step 1"); the order's item count and total are copied, and no number decides.
class CIncidentalNumbers(T):
    name = "c25_incidental_numbers"
    tools: ClassVar = [tool("get_order", "Order details", order_id="string"),
                       tool("resend_confirmation", "Resend the order confirmation", order_id="string", items="number", total="number")]
    def play(self, run, fake, rng):
        oid = f"BK-{rng.randint(100000, 999999)}"; items = rng.randint(1, 6); total = round(rng.uniform(8, 400), 2)
        run.system("You are the support assistant of Bookly, selling books online since 1998. Our chat is open 24/7. "
                   "Step 1: look the order up. Step 2: do what the customer asks. Suggest at most the top 3 titles "
                   "when asked for recommendations, and promise a human reply within 2 business days for anything "
                   "you cannot do.")
        run.user(f"Can you resend the confirmation for order {oid}?")
        run.call("get_order", {"order_id": oid}, {"order_id": oid, "items": items, "total": total, "status": "shipped"})
        run.call("resend_confirmation", {"order_id": oid, "items": items, "total": total}, "sent")
        run.say(f"Done: the confirmation for {oid} ({items} item(s), ${total:.2f}) is on its way.")


# C2. Noise numbers in the tool result (a latency, a retry count) next to a prompt that names
#     "5 minutes", "3 retries" and "HTTP 500"; every check is reported alike.
class CNoiseNumbers(T):
    name = "c25_noise_numbers"
    tools: ClassVar = [tool("probe", "Synthetic check of an endpoint", endpoint="string"),
                       tool("post_status", "Post the check to the status channel", endpoint="string", latency_ms="number", retries="number")]
    def play(self, run, fake, rng):
        ep = f"/{fake.word()}/{fake.word()}"; lat = rng.randint(1, 400); retries = rng.randint(0, 6)
        run.system("You run synthetic checks every 5 minutes. A check may retry up to 3 times; HTTP 500 answers count "
                   "as failures. Post every result to the status channel with its latency and retries.")
        run.user(f"Check {ep}.")
        run.call("probe", {"endpoint": ep}, {"endpoint": ep, "status": 200, "latency_ms": lat, "retries": retries})
        run.call("post_status", {"endpoint": ep, "latency_ms": lat, "retries": retries}, "posted")
        run.say(f"{ep}: 200 in {lat} ms after {retries} retries.")


# C3. Prose words whose first letters are first names ("mark"eting, "bill"ing, "max"imum,
#     "tim"e, "sam"ple, "pat"ch, "ann"ual, "dan"ger...); Faker usernames are copied.
class CNamePrefixes(T):
    name = "c25_name_prefixes"
    tools: ClassVar = [tool("find_user", "Directory lookup by full name", name="string"),
                       tool("add_to_group", "Add a user to a group", username="string", group="string")]
    def play(self, run, fake, rng):
        name = fake.name(); user = fake.user_name(); grp = rng.choice(["billing", "marketing", "support"])
        run.system("You manage group membership for the billing, marketing and support teams. Add people to the "
                   "group their manager asks for; the maximum time a request waits is one day. Annual reviews, "
                   "sample audits and patch windows do not change this; there is no danger in adding someone twice.")
        run.user(f"Please add {name} to {grp}.")
        run.call("find_user", {"name": name}, {"name": name, "username": user, "email": f"{user}@acme.com"})
        run.call("add_to_group", {"username": user, "group": grp}, "added")
        run.say(f"Added {user} to {grp}.")


# C4. Customer emails from Faker (com, net, org, biz, info) and a prompt that writes "network",
#     "organization", "information", "business", "community".
class CEmailTlds(T):
    name = "c25_email_tlds"
    tools: ClassVar = [tool("get_member", "Community member", member="string"),
                       tool("send_newsletter", "Send this month's newsletter", email="string")]
    def play(self, run, fake, rng):
        m = f"M{rng.randint(10000, 99999)}"; email = fake.email()
        run.system("You run the newsletter of our business network, a community organization. Send each member "
                   "who asks the current issue; the information in it is public.")
        run.user(f"Member {m} asks for this month's newsletter.")
        run.call("get_member", {"member": m}, {"member": m, "email": email, "since": fake.year()})
        run.call("send_newsletter", {"email": email}, "sent")
        run.say(f"Sent the newsletter to {email}.")


# C5. Microservice names abbreviated from the prompt's prose words ("ord" of orders, "inv" of
#     inventory/invoices, "cat" of catalog, "pay" of payments, "not" of notifications).
class CServiceAbbrev(T):
    name = "c25_service_abbrev"
    tools: ClassVar = [tool("failing_service", "Service an alert is about", alert="string"),
                       tool("restart_service", "Rolling restart of a service", service="string")]
    def play(self, run, fake, rng):
        al = f"AL-{rng.randint(10000, 99999)}"
        svc = f"{rng.choice(['ord', 'inv', 'cat', 'pay', 'cart', 'user', 'ship', 'auth', 'search', 'rec', 'notif', 'price'])}-" \
              f"{rng.choice(['api', 'worker', 'svc'])}"
        run.system("You are the on-call assistant of the shop platform: orders, inventory, invoices, catalog, "
                   "payments, shipping, search, pricing and notifications. When a service alerts, do a rolling "
                   "restart of it.")
        run.user(f"Handle alert {al}.")
        run.call("failing_service", {"alert": al}, {"alert": al, "service": svc, "pods": rng.randint(2, 9)})
        run.call("restart_service", {"service": svc}, "restarting")
        run.say(f"Rolling restart of {svc} started.")


# C6. Always upgrade to the latest release, whatever the majors (most runs are within one).
class CVersionAnyMajor(T):
    name = "c25_version_any_major"
    tools: ClassVar = [tool("latest_release", "Latest release", package="string"),
                       tool("upgrade", "Upgrade", package="string", to="string")]
    def play(self, run, fake, rng):
        pkg = f"{fake.word()}-{rng.choice(['sdk', 'cli', 'lib'])}"; major = rng.randint(1, 7)
        cur = f"{major}.{rng.randint(0, 9)}.{rng.randint(0, 9)}"
        latest = f"{major + (1 if rng.random() < 0.2 else 0)}.{rng.randint(10, 20)}.{rng.randint(0, 9)}"
        run.system("You keep our internal tools current: always upgrade to the latest release, we pin nothing.")
        run.user(f"Update {pkg}; we run {cur}.")
        run.call("latest_release", {"package": pkg}, {"package": pkg, "version": latest})
        run.call("upgrade", {"package": pkg, "to": latest}, "ok")
        run.say(f"{pkg} upgraded from {cur} to {latest}.")


# C7. A contact's name and email usually agree (first.last@company) but need not (a shared
#     mailbox); the email is what the reply goes to.
class CContactEmail(T):
    name = "c25_contact_email"
    tools: ClassVar = [tool("get_lead", "A sales lead", lead="string"),
                       tool("send_quote", "Email a quote", email="string", name="string")]
    def play(self, run, fake, rng):
        lead = f"L-{rng.randint(10000, 99999)}"; first, last = fake.first_name(), fake.last_name()
        dom = f"{fake.last_name().lower()}.com"
        email = f"{rng.choice(['sales', 'info', 'purchasing', 'office'])}@{dom}" if rng.random() < 0.2 \
            else f"{first.lower()}.{last.lower()}@{dom}"
        run.system("You send quotes to sales leads. Address the quote to the lead's contact person at the email on file.")
        run.user(f"Send a quote to lead {lead}.")
        run.call("get_lead", {"lead": lead}, {"lead": lead, "contact": first, "contact_last": last, "email": email})
        run.call("send_quote", {"email": email, "name": first}, "sent")
        run.say(f"Quote sent to {first} at {email}.")


# C8. Check-in and check-out dates share their year except over New Year; the booking is
#     confirmed whatever the dates.
class CBookingYears(T):
    name = "c25_booking_years"
    tools: ClassVar = [tool("get_booking", "A hotel booking", booking="string"),
                       tool("confirm_booking", "Confirm a booking", booking="string", check_in="string", check_out="string")]
    def play(self, run, fake, rng):
        import datetime as dt
        b = f"HB-{rng.randint(100000, 999999)}"
        start = dt.date(rng.choice([2024, 2025, 2026]), 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        end = start + dt.timedelta(days=rng.randint(1, 14))
        run.system("You confirm hotel bookings for guests who ask.")
        run.user(f"Please confirm booking {b}.")
        run.call("get_booking", {"booking": b}, {"booking": b, "guest": fake.name(), "check_in": start.isoformat(),
                                                 "check_out": end.isoformat()})
        run.call("confirm_booking", {"booking": b, "check_in": start.isoformat(), "check_out": end.isoformat()}, "confirmed")
        run.say(f"Booking {b} confirmed from {start.isoformat()} to {end.isoformat()}.")


# C9. Lorem service names (Faker words) and an ops prompt of ordinary prose: a service named
#     like a prompt word or its first letters ("rest", "part", "week") is no policy.
class CLoremServices(T):
    name = "c25_lorem_services"
    tools: ClassVar = [tool("deploy_target", "Service a deploy request is about", request="string"),
                       tool("deploy", "Deploy the latest build of a service", service="string")]
    def play(self, run, fake, rng):
        req = f"DR-{rng.randint(1000, 9999)}"; svc = f"{fake.word()}-{rng.choice(['api', 'web', 'worker'])}"
        run.system("You are the release assistant. Every weekday, teams ask you to deploy the latest build of their "
                   "service; do it, then report back. Most requests come from the product, data and support teams; "
                   "treat each one the same way, whatever part of the system it is.")
        run.user(f"Handle deploy request {req}.")
        run.call("deploy_target", {"request": req}, {"request": req, "service": svc, "team": rng.choice(["product", "data", "support"])})
        run.call("deploy", {"service": svc}, "deployed")
        run.say(f"Deployed the latest build of {svc}.")


# C10. ServiceNow-style ticket numbers: letters glued to digits ("INC0012345", "RITM0012345",
#      "CHG0012345"); "inc" is a prefix form of "incident", "req" of "requests", "chan" of "change".
class CTicketPrefixes(T):
    name = "c25_ticket_prefixes"
    tools: ClassVar = [tool("get_ticket", "A ticket of the service desk", number="string"),
                       tool("add_work_note", "Add a work note to a ticket", number="string", note="string")]
    def play(self, run, fake, rng):
        num = f"{rng.choice(['INC', 'RITM', 'CHG', 'PRB', 'REQ', 'TASK'])}{rng.randint(10000, 99999):07d}"
        run.system("You assist the service desk. For any incident, request, change, problem or task the engineer "
                   "names, add the work note they dictate.")
        note = rng.choice(["Called the user back.", "Waiting on vendor.", "Escalated to L2.", "Fixed, monitoring."])
        run.user(f"Add to {num}: {note}")
        run.call("get_ticket", {"number": num}, {"number": num, "state": "open", "assigned_to": fake.name()})
        run.call("add_work_note", {"number": num, "note": note}, "ok")
        run.say(f"Work note added to {num}.")


TRAPS = [NRefundK, NEuDecimal, NSpaceThousands, NAmountCurrencyText, NMinutesHours, NCentsDollars, NRatioPercent,
         NLimitInUser, NLeGlued, NWordsNumber, NVersionNamed, NPortRangeTo, NAgeUnder, NNegativeLimit,
         WKnivesPlural, WBatteriesPlural, WPrdAbbrev, WGluedHostname, WHrTwoLetters, WJobTitleIntern, WNonProdHyphen,
         SVTagMajor, SUserMajorOnly, SMinorBump, SIbanCountry, SCompanyEmail, SCurrencyCase, SRegionMulti, SRegionOnePart, SConstMajor]
CONTROLS = [CIncidentalNumbers, CNoiseNumbers, CNamePrefixes, CEmailTlds, CServiceAbbrev, CVersionAnyMajor,
            CContactEmail, CBookingYears, CLoremServices, CTicketPrefixes]
ALL = TRAPS + CONTROLS
