"""The twentieth review's traps: orders and gaps dropped between numbers of "different units"
(f037de9: ``evidence.number_unit`` / ``comparable``).

Each ``r20_*`` trap's answer turns on a comparison between two numbers that ``number_unit``
reads as different units or dimensions; the deciding case is rare in training (``P``), and the
numbers are drawn so that a deciding request usually has each number inside the range training
saw: only the order (``order_pairs``) or the gap (``order_gaps``) can tell it apart.

- Misreadings (the policy really compares the two raw numbers): a count whose key holds a money
  word (``refund_count``), a count whose key holds a time word (``timeout_threshold``), a
  minimum written ``min`` / ``qty_min`` / ``seats_min`` (read as minutes), a region suffix
  ``_us`` (read as microseconds), a size suffix ``_s`` (read as seconds), a balance of points,
  credits, leave days or budget hours (read as money against a count or a time).
- Real unit differences (``r20_runtime_s_vs_sla_ms``, ``r20_free_gb_needed_mb``): the policy
  converts before comparing, so the raw order never was what decided.

``c20_*`` are controls: comparable units deciding (the order must still be kept), and one
where nothing decides (the case f037de9 was made for: it should keep hitting).
"""
from typing import ClassVar

from evals.workflows.adversarial.base import Adversarial
from evals.workflows.base import tool


class T(Adversarial):
    family = "A"; guards = ("unread-values",); description = "trap"
    @property
    def seed_name(self): return self.name


def _pair(rng, lo, hi, bad, spread):
    """(x, limit): ``limit`` in [lo, hi]; x <= limit (ok) or x > limit by at most ``spread``
    (bad), x overlapping the ok values' range so both stay inside what training saw."""
    limit = rng.randint(lo, hi)
    x = rng.randint(limit + 1, limit + spread) if bad else rng.randint(max(0, limit - 3 * spread), limit)
    return x, limit


# 1. A count whose key holds a money word: "refund_count" (money) against "max_refunds" (count).
class RefundCountCap(T):
    P = 0.1
    name = "r20_refund_count_cap"
    tools: ClassVar = [tool("get_customer", "Customer record", customer_id="string"),
                       tool("refund", "Refund an order", order_id="string")]
    def play(self, run, fake, rng):
        cid = f"C{rng.randint(10000, 99999)}"; oid = f"O{rng.randint(100000, 999999)}"
        bad = rng.random() < self.P
        m = rng.randint(2, 8)
        k = rng.randint(m, m + 2) if bad else rng.randint(max(0, m - 5), m - 1)
        run.system("You handle refunds. Each customer may get at most max_refunds refunds a year: refund the order "
                   "unless refund_count (refunds already given this year) has reached max_refunds; then tell them no.")
        run.user(f"I'm customer {cid}, please refund order {oid}.")
        run.call("get_customer", {"customer_id": cid},
                 {"customer_id": cid, "tier": rng.choice(["basic", "plus", "gold"]), "refund_count": k, "max_refunds": m})
        if k < m:
            run.call("refund", {"order_id": oid}, {"ok": True}); run.say(f"Order {oid} has been refunded.")
        else:
            run.say("Sorry, you have used all your refunds for this year.")


# 2. A count whose key holds a time word: "timeouts" (count) against "timeout_threshold" (time).
class BreakerTimeouts(T):
    P = 0.1
    name = "r20_breaker_timeouts"
    tools: ClassVar = [tool("breaker_stats", "Circuit breaker stats, last 5 minutes", service="string"),
                       tool("open_breaker", "Open the circuit breaker", service="string")]
    def play(self, run, fake, rng):
        svc = rng.choice(["payments", "search", "inventory", "pricing", "auth"])
        bad = rng.random() < self.P
        th = rng.randint(5, 25)
        t = rng.randint(th, th + 6) if bad else rng.randint(max(0, th - 12), th - 1)
        run.system("You guard downstream services. Open the circuit breaker when the timeouts in the window reach "
                   "timeout_threshold; otherwise leave it closed.")
        run.user(f"Check the {svc} breaker.")
        run.call("breaker_stats", {"service": svc},
                 {"service": svc, "window": "5m", "timeouts": t, "timeout_threshold": th, "state": "closed"})
        if t >= th:
            run.call("open_breaker", {"service": svc}, {"ok": True}); run.say(f"Opened the {svc} breaker.")
        else:
            run.say(f"The {svc} breaker stays closed.")


# 3. A minimum written "min" (read as minutes) against an amount the user typed ("$": money).
class TransferMinLimit(T):
    P = 0.1
    name = "r20_transfer_min_limit"
    tools: ClassVar = [tool("transfer_limits", "Per-transfer limits of an account", account="string"),
                       tool("transfer", "Send money", account="string", to="string", amount="number")]
    def play(self, run, fake, rng):
        acct = f"AC-{rng.randint(1000, 9999)}"; to = fake.first_name()
        bad = rng.random() < self.P
        mn = rng.choice([20, 25, 50, 75, 100, 150])
        mx = rng.choice([2000, 2500, 5000])
        amount = rng.randint(max(1, mn - 60), mn - 1) if bad else rng.randint(mn, mn + 300)
        run.system("You send bank transfers. A transfer must be at least the account's min and at most its max "
                   "per-transfer limit; refuse it otherwise.")
        run.user(f"Send ${amount} to {to} from {acct}.")
        run.call("transfer_limits", {"account": acct}, {"account": acct, "currency": "USD", "min": mn, "max": mx})
        if mn <= amount <= mx:
            run.call("transfer", {"account": acct, "to": to, "amount": amount}, {"ok": True})
            run.say(f"Sent ${amount} to {to}.")
        else:
            run.say(f"That amount is below the minimum transfer for {acct}.")


# 4. A region suffix "_us" (read as microseconds) against an order's quantity (count).
class StockUsWarehouse(T):
    P = 0.12
    name = "r20_stock_us_warehouse"
    tools: ClassVar = [tool("get_order", "An order line", order_id="string"), tool("stock", "Stock per warehouse", sku="string"),
                       tool("ship", "Ship an order", order_id="string", warehouse="string")]
    def play(self, run, fake, rng):
        oid = f"SO-{rng.randint(10000, 99999)}"; sku = f"SKU-{rng.randint(1000, 9999)}"
        bad = rng.random() < self.P
        q = rng.randint(2, 30)
        us = rng.randint(max(0, q - 10), q - 1) if bad else rng.randint(q, q + 25)
        eu = rng.randint(q, q + 40)
        run.system("You fulfil orders. Ship from the US warehouse when its stock covers the whole order quantity; "
                   "otherwise ship from the EU warehouse.")
        run.user(f"Fulfil order {oid}.")
        run.call("get_order", {"order_id": oid}, {"order_id": oid, "sku": sku, "quantity": q})
        run.call("stock", {"sku": sku}, {"sku": sku, "stock_us": us, "stock_eu": eu})
        wh = "US" if us >= q else "EU"
        run.call("ship", {"order_id": oid, "warehouse": wh}, {"ok": True}); run.say(f"Order {oid} ships from the {wh} warehouse.")


# 5. A size suffix "_s" (read as seconds): the stock of size S against a cart line's quantity.
class StockSizeS(T):
    P = 0.12
    name = "r20_stock_size_s"
    tools: ClassVar = [tool("cart_line", "A cart line", line_id="string"), tool("stock", "Stock per size", sku="string"),
                       tool("reserve", "Reserve stock for a line", line_id="string"),
                       tool("backorder", "Backorder a line", line_id="string")]
    def play(self, run, fake, rng):
        lid = f"L{rng.randint(10000, 99999)}"; sku = f"TEE-{rng.randint(100, 999)}"
        bad = rng.random() < self.P
        q = rng.randint(1, 12)
        s = rng.randint(max(0, q - 6), q - 1) if bad else rng.randint(q, q + 20)
        stock = {"stock_xs": rng.randint(0, 30), "stock_s": s, "stock_m": rng.randint(0, 40), "stock_l": rng.randint(0, 40)}
        run.system("You run a merch shop. Reserve a cart line when the stock of its size covers its quantity; "
                   "otherwise backorder it.")
        run.user(f"Process cart line {lid}.")
        run.call("cart_line", {"line_id": lid}, {"line_id": lid, "sku": sku, "size": "S", "quantity": q})
        run.call("stock", {"sku": sku}, {"sku": sku, **stock})
        if s >= q:
            run.call("reserve", {"line_id": lid}, {"ok": True}); run.say(f"Line {lid} reserved.")
        else:
            run.call("backorder", {"line_id": lid}, {"ok": True}); run.say(f"Line {lid} is backordered.")


# 6. A minimum order quantity "qty_min" (read as minutes) against the quantity (count).
class QtyBelowMoq(T):
    P = 0.1
    name = "r20_qty_below_moq"
    tools: ClassVar = [tool("quote_line", "A quote request line", line_id="string"),
                       tool("accept_line", "Accept a quote line", line_id="string")]
    def play(self, run, fake, rng):
        lid = f"Q{rng.randint(10000, 99999)}"
        bad = rng.random() < self.P
        mn = rng.choice([10, 20, 25, 50, 100])
        q = rng.randint(max(1, mn - 40), mn - 1) if bad else rng.randint(mn, mn + 150)
        run.system("You handle B2B quote requests. Accept a line only if its quantity is at least the product's "
                   "qty_min (minimum order quantity) and at most qty_max; otherwise decline it.")
        run.user(f"Handle quote line {lid}.")
        run.call("quote_line", {"line_id": lid},
                 {"line_id": lid, "sku": f"P-{rng.randint(1000, 9999)}", "quantity": q, "qty_min": mn, "qty_max": 5000})
        if mn <= q <= 5000:
            run.call("accept_line", {"line_id": lid}, {"ok": True}); run.say(f"Quote line {lid} accepted.")
        else:
            run.say(f"Quote line {lid} is below the minimum order quantity; declined.")


# 7. Loyalty points (a plural: count) against a reward's cost in points (money).
class PointsReward(T):
    P = 0.1
    name = "r20_points_reward"
    tools: ClassVar = [tool("get_member", "Loyalty member", member_id="string"), tool("get_reward", "A reward", reward_id="string"),
                       tool("redeem", "Redeem a reward", member_id="string", reward_id="string")]
    def play(self, run, fake, rng):
        mid = f"M{rng.randint(10000, 99999)}"; rid = f"R{rng.randint(10, 99)}"
        bad = rng.random() < self.P
        c = rng.choice([500, 750, 1000, 1500, 2000, 2500])
        p = rng.randint(max(0, c - 700), c - 1) if bad else rng.randint(c, c + 2500)
        run.system("You run the loyalty desk. Redeem a reward when the member's points cover its cost (in points); "
                   "otherwise say they need more points.")
        run.user(f"Member {mid} wants reward {rid}.")
        run.call("get_member", {"member_id": mid}, {"member_id": mid, "points": p, "since": rng.randint(2015, 2025)})
        run.call("get_reward", {"reward_id": rid}, {"reward_id": rid, "name": rng.choice(["Mug", "Tote", "Voucher", "Lounge pass"]), "cost": c})
        if p >= c:
            run.call("redeem", {"member_id": mid, "reward_id": rid}, {"ok": True}); run.say(f"Reward {rid} redeemed.")
        else:
            run.say(f"Member {mid} needs more points for reward {rid}.")


# 8. API credits (plural: count) against a job's estimated_cost in credits (money), one record.
class CreditsCost(T):
    P = 0.1
    name = "r20_credits_cost"
    tools: ClassVar = [tool("job_quote", "Credits and the job's estimate", job="string"),
                       tool("start_job", "Start a job", job="string")]
    def play(self, run, fake, rng):
        job = f"job-{rng.randint(1000, 9999)}"
        bad = rng.random() < self.P
        ec = rng.randint(40, 400)
        cr = rng.randint(max(0, ec - 150), ec - 1) if bad else rng.randint(ec, ec + 600)
        run.system("You start batch jobs. Start a job only if the account's credits cover its estimated_cost "
                   "(both in credits); otherwise ask the user to top up.")
        run.user(f"Run {job}.")
        run.call("job_quote", {"job": job}, {"job": job, "credits": cr, "estimated_cost": ec})
        if cr >= ec:
            run.call("start_job", {"job": job}, {"ok": True}); run.say(f"{job} started.")
        else:
            run.say(f"Not enough credits for {job}; please top up.")


# 9. A leave "balance" (money) against "requested_days" (time, days).
class LeaveBalance(T):
    P = 0.1
    name = "r20_leave_balance"
    tools: ClassVar = [tool("leave_request", "A leave request", request_id="string"),
                       tool("leave_balance", "An employee's leave balance in days", employee="string"),
                       tool("approve_leave", "Approve", request_id="string")]
    def play(self, run, fake, rng):
        rq = f"LR-{rng.randint(1000, 9999)}"; emp = fake.user_name()
        bad = rng.random() < self.P
        d = rng.randint(1, 10)
        b = rng.randint(max(0, d - 5), d - 1) if bad else rng.randint(d, d + 20)
        run.system("You handle leave requests. Approve a request when the employee's leave balance (in days) covers "
                   "the requested days; otherwise decline it.")
        run.user(f"Please handle leave request {rq}.")
        run.call("leave_request", {"request_id": rq}, {"request_id": rq, "employee": emp, "requested_days": d})
        run.call("leave_balance", {"employee": emp}, {"employee": emp, "balance": b})
        if b >= d:
            run.call("approve_leave", {"request_id": rq}, {"ok": True}); run.say(f"Leave request {rq} approved.")
        else:
            run.say(f"Leave request {rq} declined: not enough leave left.")


# 10. A project "budget" in hours (money) against "logged_hours" (time, h): the gap decides
#     (a new entry of up to 8 hours must fit in what is left).
class HoursBudgetGap(T):
    P = 0.1
    name = "r20_hours_budget_gap"
    tools: ClassVar = [tool("get_project", "A project's budget (hours) and hours logged", project="string"),
                       tool("log_time", "Log time", project="string", hours="number")]
    def play(self, run, fake, rng):
        pr = rng.choice(["atlas", "birch", "cobalt", "delta", "ember"])
        e = rng.randint(1, 8)
        bad = rng.random() < self.P
        bud = rng.choice([80, 120, 160, 200, 240])
        left = rng.randint(0, e - 1) if bad else rng.randint(e + 8, 60)
        run.system("You log time on projects. Budgets are in hours: log an entry only if it does not take the "
                   "project's logged hours over its budget; otherwise refuse.")
        run.user(f"Log {e}h on {pr}.")
        run.call("get_project", {"project": pr}, {"project": pr, "budget": bud, "logged_hours": bud - left})
        if left >= e:
            run.call("log_time", {"project": pr, "hours": e}, {"ok": True}); run.say(f"Logged {e}h on {pr}.")
        else:
            run.say(f"{pr} has no budget left for {e}h; not logged.")


# 11. Seats against a plan's "seats_min" (read as minutes): the team plan needs at least that many.
class SeatsMin(T):
    P = 0.1
    name = "r20_seats_min"
    tools: ClassVar = [tool("plan", "A plan's terms", plan="string"), tool("workspace", "A workspace", workspace="string"),
                       tool("upgrade", "Upgrade a workspace", workspace="string", plan="string")]
    def play(self, run, fake, rng):
        ws = fake.slug(); plan = rng.choice(["team", "business"])
        bad = rng.random() < self.P
        mn = rng.randint(3, 15)
        seats = rng.randint(max(1, mn - 6), mn - 1) if bad else rng.randint(mn, mn + 30)
        run.system("You manage subscriptions. A workspace may move to a plan only if its seats are at least the "
                   "plan's seats_min; otherwise explain it is too small.")
        run.user(f"Upgrade {ws} to {plan}.")
        run.call("plan", {"plan": plan}, {"plan": plan, "seats_min": mn, "annual": True})
        run.call("workspace", {"workspace": ws}, {"workspace": ws, "seats": seats, "owner": fake.email()})
        if seats >= mn:
            run.call("upgrade", {"workspace": ws, "plan": plan}, {"ok": True}); run.say(f"{ws} is now on {plan}.")
        else:
            run.say(f"{ws} is too small for the {plan} plan.")


# 12. Real unit difference: runtime in s against an SLA in ms (the policy converts).
class RuntimeVsSlaMs(T):
    P = 0.1
    name = "r20_runtime_s_vs_sla_ms"
    tools: ClassVar = [tool("job_status", "A batch job", job="string"), tool("page", "Page on-call", job="string")]
    def play(self, run, fake, rng):
        job = f"etl-{rng.randint(100, 999)}"
        bad = rng.random() < self.P
        sla_s = rng.choice([300, 600, 900, 1200])
        rt = rng.randint(sla_s + 1, sla_s + 300) if bad else rng.randint(max(10, sla_s - 500), sla_s)
        run.system("You watch batch jobs. Page on-call when a job's runtime_s exceeds its SLA (sla_ms, in "
                   "milliseconds); otherwise report it is fine.")
        run.user(f"How is {job}?")
        run.call("job_status", {"job": job}, {"job": job, "runtime_s": rt, "sla_ms": sla_s * 1000, "state": "running"})
        if rt * 1000 > sla_s * 1000:
            run.call("page", {"job": job}, {"ok": True}); run.say(f"{job} is over its SLA; paged on-call.")
        else:
            run.say(f"{job} is within its SLA.")


# 13. Real unit difference: free space in GB against the package's need in MB.
class FreeGbNeededMb(T):
    P = 0.1
    name = "r20_free_gb_needed_mb"
    tools: ClassVar = [tool("disk", "Free disk on a host", host="string"), tool("package", "Package info", name="string"),
                       tool("install", "Install", host="string", name="string")]
    def play(self, run, fake, rng):
        host = f"web-{rng.randint(10, 99)}"; pkg = rng.choice(["postgres-16", "cuda-12", "texlive", "llvm-18"])
        bad = rng.random() < self.P
        need = rng.randint(2100, 6000) if bad else rng.randint(800, 6000)
        gb = -(-need // 1024)  # the GB it needs, rounded up
        free = rng.randint(max(1, gb - 3), gb - 1) if bad else rng.randint(gb, gb + 20)
        run.system("You install packages. Install only if the host's free_gb covers the package's needed_mb "
                   "(1 GB = 1024 MB); otherwise say the disk is too full.")
        run.user(f"Install {pkg} on {host}.")
        run.call("disk", {"host": host}, {"host": host, "free_gb": free})
        run.call("package", {"name": pkg}, {"name": pkg, "needed_mb": need})
        if free * 1024 >= need:
            run.call("install", {"host": host, "name": pkg}, {"ok": True}); run.say(f"Installed {pkg} on {host}.")
        else:
            run.say(f"{host} is too full for {pkg}.")


# ---------------- controls ----------------
# c1. Comparable counts deciding: seats (count) against passengers (count).
class SeatsPassengers(T):
    P = 0.1
    name = "c20_seats_passengers"
    tools: ClassVar = [tool("booking", "A group booking", booking="string"), tool("vehicle", "A vehicle", vehicle="string"),
                       tool("assign", "Assign the vehicle", booking="string", vehicle="string")]
    def play(self, run, fake, rng):
        bk = f"B{rng.randint(1000, 9999)}"; vh = f"VAN-{rng.randint(10, 99)}"
        bad = rng.random() < self.P
        seats = rng.randint(8, 20)
        pax = rng.randint(seats + 1, seats + 5) if bad else rng.randint(max(1, seats - 10), seats)
        run.system("You plan shuttles. Assign the vehicle to a booking when its seats hold all the passengers; otherwise say it is too small.")
        run.user(f"Put booking {bk} on {vh}.")
        run.call("booking", {"booking": bk}, {"booking": bk, "passengers": pax})
        run.call("vehicle", {"vehicle": vh}, {"vehicle": vh, "seats": seats})
        if pax <= seats:
            run.call("assign", {"booking": bk, "vehicle": vh}, {"ok": True}); run.say(f"Booking {bk} is on {vh}.")
        else:
            run.say(f"{vh} is too small for booking {bk}.")


# c2. Comparable: retries (count) against max_attempts (count).
class RetriesAttempts(T):
    P = 0.1
    name = "c20_retries_attempts"
    tools: ClassVar = [tool("task", "A failed task", task="string"), tool("retry", "Retry a task", task="string"),
                       tool("dead_letter", "Dead-letter a task", task="string")]
    def play(self, run, fake, rng):
        tk = f"t-{rng.randint(10000, 99999)}"
        bad = rng.random() < self.P
        m = rng.randint(3, 10)
        r = rng.randint(m, m + 2) if bad else rng.randint(0, m - 1)
        run.system("You handle failed tasks. Retry a task while its retries are below max_attempts; otherwise dead-letter it.")
        run.user(f"Task {tk} failed.")
        run.call("task", {"task": tk}, {"task": tk, "retries": r, "max_attempts": m, "queue": rng.choice(["emails", "billing"])})
        if r < m:
            run.call("retry", {"task": tk}, {"ok": True}); run.say(f"Retrying {tk}.")
        else:
            run.call("dead_letter", {"task": tk}, {"ok": True}); run.say(f"{tk} dead-lettered.")


# c3. Nothing decides: a customer's lifetime_orders and the lookup's latency_ms (f037de9's case).
class OrdersLatency(T):
    name = "c20_orders_latency"
    tools: ClassVar = [tool("get_customer", "Customer", customer_id="string")]
    def play(self, run, fake, rng):
        cid = f"C{rng.randint(10000, 99999)}"
        run.system("You greet returning customers by tier.")
        run.user(f"Hi, I'm {cid}.")
        tier = rng.choice(["silver", "gold"])
        run.call("get_customer", {"customer_id": cid},
                 {"customer_id": cid, "tier": tier, "lifetime_orders": rng.randint(1, 60), "latency_ms": round(rng.uniform(20, 90), 1)})
        run.say(f"Welcome back, {tier} member!")


ALL = [RefundCountCap, BreakerTimeouts, TransferMinLimit, StockUsWarehouse, StockSizeS, QtyBelowMoq, PointsReward,
       CreditsCost, LeaveBalance, HoursBudgetGap, SeatsMin, RuntimeVsSlaMs, FreeGbNeededMb,
       SeatsPassengers, RetriesAttempts, OrdersLatency]


# ---------------- batch 2: both numbers in one record (the order is decided where both are first read) ----------------
# Where the two numbers come in two results, the first is bounded before the second's label is
# known (``Answerer.unread`` records labels after a first ``with_ranges`` at the node), so the
# order is kept there by accident; in one record neither is, and the drop takes effect.
class LeaveBalanceOne(T):
    P = 0.1
    name = "r20_leave_balance_one"
    tools: ClassVar = [tool("leave_request", "A leave request with the employee's balance (days)", request_id="string"),
                       tool("approve_leave", "Approve", request_id="string")]
    def play(self, run, fake, rng):
        rq = f"LR-{rng.randint(1000, 9999)}"; emp = fake.user_name()
        bad = rng.random() < self.P
        d = rng.randint(1, 15)
        b = d - rng.randint(1, min(3, d)) if bad else d + rng.randint(0, 8)
        run.system("You handle leave requests. Approve a request when the employee's leave balance (in days) covers "
                   "the requested days; otherwise decline it.")
        run.user(f"Please handle leave request {rq}.")
        run.call("leave_request", {"request_id": rq}, {"request_id": rq, "employee": emp, "requested_days": d, "balance": b})
        if b >= d:
            run.call("approve_leave", {"request_id": rq}, {"ok": True}); run.say(f"Leave request {rq} approved.")
        else:
            run.say(f"Leave request {rq} declined: not enough leave left.")


class SeatsMinOne(T):
    P = 0.1
    name = "r20_seats_min_one"
    tools: ClassVar = [tool("upgrade_preview", "Preview a plan change", workspace="string", plan="string"),
                       tool("upgrade", "Upgrade a workspace", workspace="string", plan="string")]
    def play(self, run, fake, rng):
        ws = fake.slug(); plan = rng.choice(["team", "business"])
        bad = rng.random() < self.P
        mn = rng.randint(3, 15)
        seats = mn - rng.randint(1, min(3, mn - 1)) if bad else mn + rng.randint(0, 10)
        run.system("You manage subscriptions. A workspace may move to a plan only if its seats are at least the "
                   "plan's seats_min; otherwise explain it is too small.")
        run.user(f"Upgrade {ws} to {plan}.")
        run.call("upgrade_preview", {"workspace": ws, "plan": plan}, {"workspace": ws, "plan": plan, "seats": seats, "seats_min": mn})
        if seats >= mn:
            run.call("upgrade", {"workspace": ws, "plan": plan}, {"ok": True}); run.say(f"{ws} is now on {plan}.")
        else:
            run.say(f"{ws} is too small for the {plan} plan.")


class PointsRewardOne(T):
    P = 0.1
    name = "r20_points_reward_one"
    tools: ClassVar = [tool("redeem_preview", "A member's points and a reward's cost", member_id="string", reward_id="string"),
                       tool("redeem", "Redeem a reward", member_id="string", reward_id="string")]
    def play(self, run, fake, rng):
        mid = f"M{rng.randint(10000, 99999)}"; rid = f"R{rng.randint(10, 99)}"
        bad = rng.random() < self.P
        c = rng.choice([500, 750, 1000, 1500, 2000, 2500])
        p = rng.randint(max(0, c - 700), c - 1) if bad else rng.randint(c, c + 2500)
        run.system("You run the loyalty desk. Redeem a reward when the member's points cover its cost (in points); "
                   "otherwise say they need more points.")
        run.user(f"Member {mid} wants reward {rid}.")
        run.call("redeem_preview", {"member_id": mid, "reward_id": rid}, {"member_id": mid, "points": p, "reward_id": rid, "cost": c})
        if p >= c:
            run.call("redeem", {"member_id": mid, "reward_id": rid}, {"ok": True}); run.say(f"Reward {rid} redeemed.")
        else:
            run.say(f"Member {mid} needs more points for reward {rid}.")


ALL += [LeaveBalanceOne, SeatsMinOne, PointsRewardOne]


# A plural that counts days against a limit in days: "nights" (count) against "max_stay_days"
# (time, d): the same unit in fact, compared raw by the policy.
class NightsMaxStay(T):
    P = 0.1
    name = "r20_nights_max_stay"
    tools: ClassVar = [tool("quote_stay", "A stay under a rate plan", booking="string"),
                       tool("confirm", "Confirm a booking", booking="string")]
    def play(self, run, fake, rng):
        bk = f"H{rng.randint(10000, 99999)}"
        bad = rng.random() < self.P
        m = rng.choice([7, 10, 14, 21, 28])
        nights = m + rng.randint(1, 4) if bad else rng.randint(max(1, m - 9), m)
        run.system("You book hotel stays. Confirm a booking when its nights do not exceed the rate plan's "
                   "max_stay_days; otherwise tell the guest to split the stay.")
        run.user(f"Confirm booking {bk}.")
        run.call("quote_stay", {"booking": bk}, {"booking": bk, "rate_plan": rng.choice(["flex", "saver"]),
                                                 "nights": nights, "max_stay_days": m})
        if nights <= m:
            run.call("confirm", {"booking": bk}, {"ok": True}); run.say(f"Booking {bk} confirmed.")
        else:
            run.say(f"Booking {bk} is longer than the rate plan allows; please split the stay.")


ALL += [NightsMaxStay]


# A call's own measurement against a budget named by a money word: "elapsed_s" (time, s) against
# a query's time "budget" (money by its word), in seconds both.
class ElapsedBudget(T):
    P = 0.1
    name = "r20_elapsed_budget"
    tools: ClassVar = [tool("query_status", "A running query", query="string"), tool("cancel", "Cancel a query", query="string")]
    def play(self, run, fake, rng):
        q = f"q-{rng.randint(10000, 99999)}"
        bad = rng.random() < self.P
        b = rng.choice([30, 60, 90, 120, 300])
        e = rng.randint(b + 1, b + 40) if bad else rng.randint(max(1, b - 80), b)
        run.system("You babysit warehouse queries. Cancel a query whose elapsed_s is over its time budget (seconds); "
                   "otherwise let it run.")
        run.user(f"Check query {q}.")
        run.call("query_status", {"query": q}, {"query": q, "state": "running", "elapsed_s": e, "budget": b})
        if e > b:
            run.call("cancel", {"query": q}, {"ok": True}); run.say(f"Query {q} was over budget; cancelled.")
        else:
            run.say(f"Query {q} is within budget.")


ALL += [ElapsedBudget]
