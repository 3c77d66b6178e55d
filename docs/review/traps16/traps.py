"""Review 16 traps for fa2999b (a parallel call's result that another result follows is weighed
as a system prompt is; syslog / ctime timestamps are one token) and 24ebba2 (sampled words beside
calls need 6 calls).

Loaded by ``harness.py`` (by path: the same file runs against any code tree). Every trap's right
answer is a fixed function of the request. Most call two or three tools in one message
(``Run.call_many``) and decide on a value of the FIRST result, the one another result follows.
"""
from __future__ import annotations

import csv
import io
import random
from typing import Any, ClassVar

from faker import Faker

from evals.workflows import REGISTRY
from evals.workflows.base import Run, Workflow, tool

PKGS = ["requests", "urllib3", "pyyaml", "jinja2", "flask", "lxml", "numpy", "pillow", "httpx", "click",
        "attrs", "rich"]
SERVICES = ["checkout", "search", "billing", "auth", "ledger", "media", "notify", "catalog"]
SKUS = ["desk lamp", "oak shelf", "wool rug", "steel kettle", "glass vase", "linen sheet", "bike bell"]


def _ver(rng: random.Random) -> str:
    return f"{rng.randint(1, 5)}.{rng.randint(0, 30)}.{rng.randint(0, 12)}"


def _ip(rng: random.Random) -> str:
    return ".".join(str(rng.randrange(1, 255)) for _ in range(4))


class P(Workflow):
    """Base: two parallel calls; the subclass decides."""
    description = "r16 trap"
    SYSTEM = "You are a release assistant. Check the release and its downloads together, in parallel."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("get_release", "Registry metadata of a release", package="string", version="string"),
        tool("get_downloads", "Download counts", package="string")]


# --- (1) the deciding value in the FIRST of two parallel results -----------------------------------

class YankBool(P):
    """First result: a JSON boolean ``yanked`` (rare); second: weekly downloads (copied)."""
    name = "r16_yank_bool"
    P_YANK = 0.15
    ORDER: ClassVar[list[int] | None] = None

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pkg, ver = rng.choice(PKGS), _ver(rng)
        yanked = rng.random() < self.P_YANK
        weekly = rng.randint(1000, 900000)
        run.system(self.SYSTEM)
        run.user(f"Can I install {pkg} {ver}?")
        order = self.ORDER if self.ORDER is not None else None
        run.call_many([("get_release", {"package": pkg, "version": ver}), ("get_downloads", {"package": pkg})],
                      [{"package": pkg, "version": ver, "yanked": yanked, "uploaded_by": fake.user_name()},
                       {"package": pkg, "weekly": weekly}], order=order)
        if yanked:
            run.say(f"Do not install {pkg} {ver}: that release was yanked.")
        else:
            run.say(f"{pkg} {ver} is fine to install ({weekly} downloads last week).")


class YankBoolSwap(YankBool):
    """As YankBool, the results arriving in either order (completion order)."""
    name = "r16_yank_bool_swap"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        self.ORDER = rng.choice([[0, 1], [1, 0]])  # type: ignore[misc]
        super().play(run, fake, rng)


class YankWord(P):
    """First result: ``status`` one word of active/deprecated/yanked (rare ones); the answer does
    not copy it. Second: weekly downloads, not copied either."""
    name = "r16_status_word"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pkg, ver = rng.choice(PKGS), _ver(rng)
        status = rng.choices(["active", "deprecated", "yanked"], weights=[8, 1, 1])[0]
        run.system(self.SYSTEM)
        run.user(f"Can I install {pkg} {ver}?")
        run.call_many([("get_release", {"package": pkg, "version": ver}), ("get_downloads", {"package": pkg})],
                      [{"package": pkg, "version": ver, "status": status},
                       {"package": pkg, "weekly": rng.randint(1000, 900000)}])
        run.say({"active": f"Yes, {pkg} {ver} is fine to install.",
                 "deprecated": f"{pkg} {ver} is deprecated; pick a newer release.",
                 "yanked": f"No: {pkg} {ver} was pulled from the registry."}[status])


class StatusProse(P):
    """First result: a free-text ``note`` of several wordings; a few of them say the release is
    broken. The answer never copies the note."""
    name = "r16_status_prose"
    GOOD = ["Release published normally by the maintainers.", "Built and signed by the release pipeline.",
            "Tagged from the main branch after review.", "Uploaded with reproducible build metadata.",
            "Published after the full test matrix passed.", "Mirrored to all regions without issues."]
    BAD = ["Withdrawn by the maintainers after a data loss bug.", "Pulled from the index because of a broken wheel."]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pkg, ver = rng.choice(PKGS), _ver(rng)
        bad = rng.random() < 0.15
        note = rng.choice(self.BAD if bad else self.GOOD)
        run.system(self.SYSTEM)
        run.user(f"Can I install {pkg} {ver}?")
        run.call_many([("get_release", {"package": pkg, "version": ver}), ("get_downloads", {"package": pkg})],
                      [{"package": pkg, "version": ver, "note": note},
                       {"package": pkg, "weekly": rng.randint(1000, 900000)}])
        run.say(f"No, do not install {pkg} {ver}." if bad else f"Yes, {pkg} {ver} is fine to install.")


class StatusProseText(StatusProse):
    """As StatusProse, the first result plain text (a one-line note), not JSON."""
    name = "r16_status_prose_text"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pkg, ver = rng.choice(PKGS), _ver(rng)
        bad = rng.random() < 0.15
        note = rng.choice(self.BAD if bad else self.GOOD)
        run.system(self.SYSTEM)
        run.user(f"Can I install {pkg} {ver}?")
        run.call_many([("get_release", {"package": pkg, "version": ver}), ("get_downloads", {"package": pkg})],
                      [f"{pkg} {ver}: {note}", {"package": pkg, "weekly": rng.randint(1000, 900000)}])
        run.say(f"No, do not install {pkg} {ver}." if bad else f"Yes, {pkg} {ver} is fine to install.")


class StockThreshold(Workflow):
    """First result: stock count (quantity); below 8 the answer says 'only a few left'. Second:
    the price, copied."""
    name = "r16_stock_threshold"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_stock", "Units in stock", sku="string"),
                                             tool("get_price", "Price", sku="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        sku = rng.choice(SKUS)
        stock = rng.randint(0, 7) if rng.random() < 0.15 else rng.randint(8, 90)
        price = rng.randint(10, 300)
        run.system("You are a shop assistant. Check stock and price together, in parallel.")
        run.user(f"Can I order the {sku}?")
        run.call_many([("get_stock", {"sku": sku}), ("get_price", {"sku": sku})],
                      [{"sku": sku, "units": stock}, {"sku": sku, "price": price}])
        if stock < 8:
            run.say(f"The {sku} costs ${price}, but only a few are left: order soon.")
        else:
            run.say(f"Yes, the {sku} is in stock at ${price}.")


class DurationNoise(Workflow):
    """First result: a job's ``duration_s`` (a noise-labelled number: identifier-like, 2 values
    enough, no range); over 3000 s the answer flags it. Second: the job's owner, copied."""
    name = "r16_duration_first"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_job", "A job's last run", job="string"),
                                             tool("get_owner", "A job's owner", job="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        job = f"{rng.choice(SERVICES)}-nightly"
        dur = rng.randint(3001, 9000) if rng.random() < 0.15 else rng.randint(60, 2999)
        owner = fake.first_name()
        run.system("You are a CI assistant. Look up the job and its owner together, in parallel.")
        run.user(f"How did {job} do last night?")
        run.call_many([("get_job", {"job": job}), ("get_owner", {"job": job})],
                      [{"job": job, "result": "passed", "duration_s": dur}, {"job": job, "owner": owner}])
        if dur > 3000:
            run.say(f"{job} passed but ran too long; I flagged it to {owner}.")
        else:
            run.say(f"{job} passed; {owner} owns it.")


class PortFirst(Workflow):
    """First result: a host's open ``port`` (identifier-like by its label); 23 or 3389 is risky.
    Second: the host's owner team, copied."""
    name = "r16_port_first"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("scan_host", "Open port of a host", host="string"),
                                             tool("get_team", "Owning team", host="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        host = f"{rng.choice(SERVICES)}-{rng.randint(1, 9)}"
        risky = rng.random() < 0.15
        port = rng.choice([23, 3389]) if risky else rng.choice([22, 80, 443, 8080, 8443, 5432])
        team = rng.choice(["infra", "payments", "growth", "data"])
        run.system("You are a security assistant. Scan the host and look up its team together, in parallel.")
        run.user(f"Is {host} exposed?")
        run.call_many([("scan_host", {"host": host}), ("get_team", {"host": host})],
                      [{"host": host, "ip": _ip(rng), "port": port}, {"host": host, "team": team}])
        if risky:
            run.say(f"Yes: {host} exposes a risky service. Tell the {team} team.")
        else:
            run.say(f"No: {host} only exposes a standard service ({team} team).")


class ExpiryVsToday(Workflow):
    """System prompt gives today; first result: the certificate's expiry date (not copied).
    Expired -> renew. Second: the DNS ip, not copied."""
    name = "r16_expiry_first"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_cert", "TLS certificate", domain="string"),
                                             tool("get_dns", "DNS record", domain="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        dom = f"{rng.choice(SERVICES)}.example.com"
        expired = rng.random() < 0.15
        day = rng.randint(1, 19) if expired else rng.randint(21, 28)
        month = 11 if expired else rng.choice([11, 12])
        run.system("You are an ops assistant. Today is 2026-11-20. Check certificate and DNS together, in parallel.")
        run.user(f"Is {dom} healthy?")
        run.call_many([("get_cert", {"domain": dom}), ("get_dns", {"domain": dom})],
                      [{"domain": dom, "not_after": f"2026-{month:02d}-{day:02d}"}, {"domain": dom, "a": _ip(rng)}])
        run.say(f"No: the certificate of {dom} has expired; renew it." if expired
                else f"Yes: {dom} has a valid certificate.")


class ComboBoth(Workflow):
    """The answer needs the first result's ``active`` AND the second's balance over the price."""
    name = "r16_combo"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_account", "Account", user="string"),
                                             tool("get_balance", "Balance", user="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        user = fake.user_name()
        active = rng.random() >= 0.15
        bal = rng.randint(0, 500)
        run.system("You are a payments assistant. A transfer costs $100. Check account and balance in parallel.")
        run.user(f"Can {user} make a transfer?")
        run.call_many([("get_account", {"user": user}), ("get_balance", {"user": user})],
                      [{"user": user, "active": active, "plan": rng.choice(["basic", "plus", "pro"])},
                       {"user": user, "balance": bal}])
        if not active:
            run.say(f"No: the account of {user} is suspended.")
        elif bal < 100:
            run.say(f"No: {user} has ${bal}, less than the $100 needed.")
        else:
            run.say(f"Yes: {user} has ${bal} available.")


class ThreeParallel(Workflow):
    """Three parallel calls; the deciding status is in the MIDDLE result (a result followed by a
    result, after a result)."""
    name = "r16_three_middle"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_service", "Service", name="string"),
                                             tool("get_health", "Health check", name="string"),
                                             tool("get_owner", "Owner", name="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        svc = rng.choice(SERVICES)
        down = rng.random() < 0.15
        owner = fake.first_name()
        run.system("You are an SRE assistant. Look up service, health and owner in parallel.")
        run.user(f"How is {svc}?")
        run.call_many([("get_service", {"name": svc}), ("get_health", {"name": svc}), ("get_owner", {"name": svc})],
                      [{"name": svc, "replicas": rng.randint(2, 12)},
                       {"name": svc, "healthy": not down, "checked": f"{rng.randint(10, 59)}s ago"},
                       {"name": svc, "owner": owner}])
        run.say(f"{svc} is failing its health check; paging {owner}." if down else f"{svc} is healthy ({owner}).")


class ThreeFirstReplicas(ThreeParallel):
    """Three parallel calls; the FIRST result's replica count decides (0 replicas: down)."""
    name = "r16_three_first_count"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        svc = rng.choice(SERVICES)
        reps = 0 if rng.random() < 0.15 else rng.randint(1, 12)
        owner = fake.first_name()
        run.system("You are an SRE assistant. Look up service, health and owner in parallel.")
        run.user(f"How is {svc}?")
        run.call_many([("get_service", {"name": svc}), ("get_health", {"name": svc}), ("get_owner", {"name": svc})],
                      [{"name": svc, "replicas": reps},
                       {"name": svc, "healthy": True, "checked": f"{rng.randint(10, 59)}s ago"},
                       {"name": svc, "owner": owner}])
        run.say(f"{svc} has no replicas running; paging {owner}." if reps == 0 else f"{svc} is healthy ({owner}).")


class SameToolTwice(Workflow):
    """The same tool called twice in parallel with different arguments; the answer names the cheaper."""
    name = "r16_same_tool_twice"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_quote", "A carrier's quote", carrier="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        a, b = rng.sample(["DHL", "UPS", "FedEx", "USPS"], 2)
        pa, pb = rng.randint(5, 60), rng.randint(5, 60)
        while pb == pa:
            pb = rng.randint(5, 60)
        run.system("You are a shipping assistant. Get both quotes in parallel and recommend the cheaper.")
        run.user(f"Should I ship with {a} or {b}?")
        run.call_many([("get_quote", {"carrier": a}), ("get_quote", {"carrier": b})],
                      [{"carrier": a, "usd": pa}, {"carrier": b, "usd": pb}])
        run.say(f"Ship with {a if pa < pb else b}.")


class SameToolTwiceFixed(Workflow):
    """Same tool twice, fixed carriers; the answer names the cheaper one (no number copied)."""
    name = "r16_same_tool_fixed"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_quote", "A carrier's quote", carrier="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pa = rng.randint(5, 60)
        pb = rng.randint(5, 60)
        while pb == pa:
            pb = rng.randint(5, 60)
        ref = f"PKG-{rng.randint(10000, 99999)}"
        run.system("You are a shipping assistant. Get both quotes in parallel and recommend the cheaper.")
        run.user(f"Which carrier for parcel {ref}?")
        run.call_many([("get_quote", {"carrier": "DHL", "parcel": ref}), ("get_quote", {"carrier": "UPS", "parcel": ref})],
                      [{"carrier": "DHL", "usd": pa}, {"carrier": "UPS", "usd": pb}])
        run.say(f"Ship {ref} with {'DHL' if pa < pb else 'UPS'}.")


class CsvFirst(P):
    """First result: CSV with a header; its status column decides; second JSON downloads."""
    name = "r16_csv_first"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pkg, ver = rng.choice(PKGS), _ver(rng)
        status = rng.choices(["ok", "ok", "ok", "yanked"], weights=[3, 3, 3, 1.5])[0]
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["package", "version", "status", "uploaded"])
        w.writerow([pkg, ver, status, f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"])
        run.system(self.SYSTEM)
        run.user(f"Can I install {pkg} {ver}?")
        run.call_many([("get_release", {"package": pkg, "version": ver}), ("get_downloads", {"package": pkg})],
                      [buf.getvalue(), {"package": pkg, "weekly": rng.randint(1000, 900000)}])
        run.say(f"No: {pkg} {ver} was yanked." if status == "yanked" else f"Yes, {pkg} {ver} is fine to install.")


class RegionDecidesTool(Workflow):
    """First result: the customer's region; the next call goes to the EU or the US tool. The
    region is not copied into the call. Second result: the customer's name, copied."""
    name = "r16_region_tool"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("get_customer", "Customer", id="string"), tool("get_contact", "Contact", id="string"),
        tool("eu_refund", "Refund in the EU system", id="string", name="string"),
        tool("us_refund", "Refund in the US system", id="string", name="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        cid = f"C-{rng.randint(10000, 99999)}"
        region = rng.choices(["eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "us-east-2"],
                             weights=[1, 1, 3, 3, 3])[0]
        name = fake.name()
        run.system("You are a refunds assistant. Look up the customer and contact in parallel, then refund.")
        run.user(f"Refund customer {cid}.")
        run.call_many([("get_customer", {"id": cid}), ("get_contact", {"id": cid})],
                      [{"id": cid, "region": region, "tier": rng.choice(["gold", "silver"])}, {"id": cid, "name": name}])
        fn = "eu_refund" if region.startswith("eu") else "us_refund"
        run.call(fn, {"id": cid, "name": name}, {"ok": True})
        run.say(f"Refund for {name} submitted.")


class CountryDecides(Workflow):
    """First result: a country name (free text, many values); EU countries get VAT. Second: the
    order total, copied."""
    name = "r16_country_first"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_address", "Shipping address", order="string"),
                                             tool("get_total", "Order total", order="string")]
    EU = ["Germany", "France", "Spain", "Italy"]
    NON = ["United States", "Canada", "Japan", "Australia", "Brazil", "Mexico", "India", "Kenya"]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"O-{rng.randint(10000, 99999)}"
        eu = rng.random() < 0.15
        country = rng.choice(self.EU if eu else self.NON)
        total = rng.randint(20, 400)
        run.system("You are a billing assistant. Look up address and total in parallel.")
        run.user(f"Does order {oid} pay VAT?")
        run.call_many([("get_address", {"order": oid}), ("get_total", {"order": oid})],
                      [{"order": oid, "city": fake.city(), "country": country}, {"order": oid, "total": total}])
        run.say(f"Yes: VAT applies to order {oid} (${total})." if eu else f"No VAT on order {oid} (${total}).")


class FirstCopiedToCall(Workflow):
    """First result: a user's ``plan`` (two words like 'team annual'); free plans are refused,
    others get a call that copies the seat count of the first result."""
    name = "r16_first_into_call"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("get_sub", "Subscription", org="string"), tool("get_usage", "Usage", org="string"),
        tool("add_seats", "Add seats", org="string", seats="number")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        org = fake.domain_word()
        free = rng.random() < 0.15
        seats = rng.randint(2, 40)
        plan = rng.choice(["free trial", "free starter"]) if free else rng.choice(
            ["team annual", "team monthly", "business annual", "business monthly", "enterprise custom"])
        run.system("You are an admin assistant. Check subscription and usage in parallel.")
        run.user(f"Add two seats for {org}.")
        run.call_many([("get_sub", {"org": org}), ("get_usage", {"org": org})],
                      [{"org": org, "plan": plan, "seats": seats}, {"org": org, "active_users": rng.randint(1, 40)}])
        if free:
            run.say(f"{org} is on a free plan; upgrade before adding seats.")
            return
        run.call("add_seats", {"org": org, "seats": seats + 2}, {"ok": True})
        run.say(f"Done: {org} now has {seats + 2} seats.")


class IdLikeDecides(Workflow):
    """First result: a 4-digit ``build`` number (identifier-like: noise label, 4 digits); builds
    below 5000 are unsupported. Second: the device's owner, copied."""
    name = "r16_build_first"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_device", "Device", serial="string"),
                                             tool("get_owner", "Owner", serial="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        serial = f"SN{rng.randint(100000, 999999)}"
        old = rng.random() < 0.15
        build = rng.randint(3000, 4999) if old else rng.randint(5000, 9999)
        owner = fake.first_name()
        run.system("You are an IT assistant. Look up the device and owner in parallel.")
        run.user(f"Is device {serial} supported?")
        run.call_many([("get_device", {"serial": serial}), ("get_owner", {"serial": serial})],
                      [{"serial": serial, "os_build": build}, {"serial": serial, "owner": owner}])
        run.say(f"No: {owner}'s device runs an unsupported build." if old else f"Yes: {owner}'s device is supported.")


class ListFirst(Workflow):
    """First result: a JSON list of open incidents (often empty); any incident -> page."""
    name = "r16_list_first"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("list_incidents", "Open incidents", service="string"),
                                             tool("get_owner", "Owner", service="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        svc = rng.choice(SERVICES)
        n = rng.choice([1, 2]) if rng.random() < 0.2 else 0
        inc = [{"id": f"INC-{rng.randint(1000, 9999)}", "sev": rng.choice(["sev2", "sev3"])} for _ in range(n)]
        owner = fake.first_name()
        run.system("You are an SRE assistant. List incidents and owner in parallel.")
        run.user(f"Anything open on {svc}?")
        run.call_many([("list_incidents", {"service": svc}), ("get_owner", {"service": svc})],
                      [{"service": svc, "open": inc}, {"service": svc, "owner": owner}])
        run.say(f"Yes, {svc} has open incidents; {owner} is on it." if n else f"Nothing open on {svc} ({owner}).")


class LatencyQuantity(Workflow):
    """First result: ``p95_ms`` (noise label 'ms': id kind); over 800 pages. Second: owner."""
    name = "r16_latency_first"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_metrics", "Metrics", service="string"),
                                             tool("get_owner", "Owner", service="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        svc = rng.choice(SERVICES)
        slow = rng.random() < 0.15
        p95 = rng.randint(801, 3000) if slow else rng.randint(40, 800)
        owner = fake.first_name()
        run.system("You are an SRE assistant. Get metrics and owner in parallel.")
        run.user(f"Is {svc} fast enough?")
        run.call_many([("get_metrics", {"service": svc}), ("get_owner", {"service": svc})],
                      [{"service": svc, "p95_ms": p95}, {"service": svc, "owner": owner}])
        run.say(f"No: {svc} is too slow; paging {owner}." if slow else f"Yes: {svc} is fast ({owner}).")


# --- (2) syslog / ctime timestamps ------------------------------------------------------------------

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _syslog(mon: str, day: int, h: int, rng: random.Random) -> str:
    return f"{mon} {day:2d} {h:02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


class SyslogHour(Workflow):
    """One tool call; its result is a syslog line. A login between 00 and 05 o'clock is off-hours."""
    name = "r16_syslog_hour"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("last_login", "Last login line", user="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        user = fake.user_name()
        night = rng.random() < 0.15
        h = rng.randint(0, 5) if night else rng.randint(6, 23)
        line = f"{_syslog('Nov', rng.randint(1, 28), h, rng)} web-{rng.randint(1, 9)} sshd[{rng.randint(100, 9999)}]: Accepted publickey for {user}"
        run.system("You are a security assistant.")
        run.user(f"Was {user}'s last login normal?")
        run.call("last_login", {"user": user}, line)
        run.say(f"Suspicious: {user} logged in off-hours." if night else f"Normal: {user} logged in during work hours.")


class SyslogHourParallel(Workflow):
    """The syslog line is the FIRST of two parallel results; second: the user's team."""
    name = "r16_syslog_hour_par"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("last_login", "Last login line", user="string"),
                                             tool("get_team", "Team", user="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        user = fake.user_name()
        night = rng.random() < 0.15
        h = rng.randint(0, 5) if night else rng.randint(6, 23)
        line = f"{_syslog('Nov', rng.randint(1, 28), h, rng)} web-{rng.randint(1, 9)} sshd[{rng.randint(100, 9999)}]: Accepted publickey for {user}"
        run.system("You are a security assistant. Fetch the last login and the team in parallel.")
        run.user(f"Was {user}'s last login normal?")
        run.call_many([("last_login", {"user": user}), ("get_team", {"user": user})],
                      [line, {"user": user, "team": rng.choice(["infra", "data", "web"])}])
        run.say(f"Suspicious: {user} logged in off-hours." if night else f"Normal: {user} logged in during work hours.")


class SyslogDate(Workflow):
    """Today is Nov 20 (system); a syslog line older than Nov 13 (a week) means stale agent."""
    name = "r16_syslog_date"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("last_heartbeat", "Last heartbeat line", host="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        host = f"{rng.choice(SERVICES)}-{rng.randint(1, 9)}"
        stale = rng.random() < 0.15
        day = rng.randint(1, 12) if stale else rng.randint(13, 20)
        line = f"{_syslog('Nov', day, rng.randint(0, 23), rng)} {host} agent[{rng.randint(100, 9999)}]: heartbeat ok"
        run.system("You are a fleet assistant. Today is Nov 20; an agent silent for over a week is stale.")
        run.user(f"Is the agent on {host} alive?")
        run.call("last_heartbeat", {"host": host}, line)
        run.say(f"No: the agent on {host} is stale." if stale else f"Yes: the agent on {host} is alive.")


class CtimeMonth(Workflow):
    """ctime stamps ('Mon Nov  9 12:34:56 2026'); a backup from before November is overdue."""
    name = "r16_ctime_month"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("last_backup", "Last backup", db="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        db = f"{rng.choice(SERVICES)}-db"
        old = rng.random() < 0.15
        mon = rng.choice(["Aug", "Sep", "Oct"]) if old else "Nov"
        stamp = f"{rng.choice(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])} {mon} {rng.randint(1, 28):2d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} 2026"
        run.system("You are a DBA assistant. It is November 2026; a backup older than this month is overdue.")
        run.user(f"Is {db} backed up?")
        run.call("last_backup", {"db": db}, f"last full backup finished {stamp}")
        run.say(f"No: {db}'s last backup is overdue." if old else f"Yes: {db} was backed up this month.")


class SyslogCopied(Workflow):
    """The syslog stamp is copied; severity word decides (kept as a control for tokenisation)."""
    name = "r16_syslog_copied"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("last_event", "Last event line", host="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        host = f"{rng.choice(SERVICES)}-{rng.randint(1, 9)}"
        ts = _syslog(rng.choice(MONTHS), rng.randint(1, 28), rng.randint(0, 23), rng)
        bad = rng.random() < 0.15
        msg = "kernel: Out of memory: killed process" if bad else "systemd[1]: Started daily cleanup"
        run.system("You are a fleet assistant.")
        run.user(f"Last event on {host}?")
        run.call("last_event", {"host": host}, f"{ts} {host} {msg}")
        run.say(f"At {ts} {host} ran out of memory." if bad else f"At {ts} {host} was fine.")


# --- (3) words beside calls --------------------------------------------------------------------------

class WordsRegion(Workflow):
    """Words beside a call name the warehouse (decided by the region the user gives, never
    copied); in another step the model samples its wording (marks the namespace sampled)."""
    name = "r16_words_region"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_stock", "Stock", sku="string"),
                                             tool("reserve", "Reserve", sku="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        sku = rng.choice(SKUS)
        city = rng.choice(["Berlin", "Paris", "Madrid", "Boston", "Denver", "Austin"])
        wh = "Rotterdam" if city in ("Berlin", "Paris", "Madrid") else "Memphis"
        run.system("You are a shop assistant.")
        run.user(f"I'm in {city}; is the {sku} available?")
        run.call("get_stock", {"sku": sku}, {"sku": sku, "units": rng.randint(1, 50)},
                 text=f"Checking the {wh} warehouse.")
        run.call("reserve", {"sku": sku}, {"ok": True},
                 text=rng.choice(["Reserving one for you.", "I'll hold one for you.", "Putting one aside."]))
        run.say(f"Reserved a {sku} for you.")


class WordsThree(Workflow):
    """A model sampling three wordings beside its only call (6 calls needed now)."""
    name = "r16_words_three"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_order", "An order", order_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"A-{rng.randint(10000, 99999)}"
        status = rng.choice(["delivered", "in_transit"])
        run.system("You handle order questions.")
        run.user(f"Where is my order {oid}?")
        run.call("get_order", {"order_id": oid}, {"id": oid, "status": status},
                 text=rng.choices(["Let me look that up.", "Checking that order now.", "One moment."],
                                  weights=[8, 1, 1])[0])
        run.say(f"Order {oid} is {status.replace('_', ' ')}.")


# --- more shapes of (1): values in the first result that are neither numbers nor one-word statuses ----

class StatusPhrase(P):
    """First result: a release ``channel`` of three words ('long term support'); 'end of life'
    (rare) is refused. Not a one- or two-word status, so not closed."""
    name = "r16_status_phrase"
    OK = ["long term support", "general availability release", "stable feature release", "security fix release"]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pkg, ver = rng.choice(PKGS), _ver(rng)
        eol = rng.random() < 0.15
        channel = "end of life" if eol else rng.choice(self.OK)
        run.system(self.SYSTEM)
        run.user(f"Can I install {pkg} {ver}?")
        run.call_many([("get_release", {"package": pkg, "version": ver}), ("get_downloads", {"package": pkg})],
                      [{"package": pkg, "version": ver, "channel": channel},
                       {"package": pkg, "weekly": rng.randint(1000, 900000)}])
        run.say(f"No, {pkg} {ver} is no longer supported." if eol else f"Yes, {pkg} {ver} is fine to install.")


class ProseSingle(StatusProse):
    """Control: the same free-text note in the ONE result of a single call (no parallel calls)."""
    name = "r16_prose_single"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pkg, ver = rng.choice(PKGS), _ver(rng)
        bad = rng.random() < 0.15
        note = rng.choice(self.BAD if bad else self.GOOD)
        run.system(self.SYSTEM)
        run.user(f"Can I install {pkg} {ver}?")
        run.call("get_release", {"package": pkg, "version": ver}, {"package": pkg, "version": ver, "note": note})
        run.say(f"No, do not install {pkg} {ver}." if bad else f"Yes, {pkg} {ver} is fine to install.")


class ProseSecond(StatusProse):
    """Control: the note in the SECOND (answered) result of two parallel calls."""
    name = "r16_prose_second"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pkg, ver = rng.choice(PKGS), _ver(rng)
        bad = rng.random() < 0.15
        note = rng.choice(self.BAD if bad else self.GOOD)
        run.system(self.SYSTEM)
        run.user(f"Can I install {pkg} {ver}?")
        run.call_many([("get_downloads", {"package": pkg}), ("get_release", {"package": pkg, "version": ver})],
                      [{"package": pkg, "weekly": rng.randint(1000, 900000)},
                       {"package": pkg, "version": ver, "note": note}])
        run.say(f"No, do not install {pkg} {ver}." if bad else f"Yes, {pkg} {ver} is fine to install.")


class ApproverName(Workflow):
    """First result: the change's approver (a person's name); changes approved by the author
    themself (the name equals the author given by the user) are refused."""
    name = "r16_self_approved"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_change", "Change request", id="string"),
                                             tool("get_ci", "CI status", id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        cid = f"CHG-{rng.randint(10000, 99999)}"
        author = fake.first_name()
        selfie = rng.random() < 0.15
        approver = author if selfie else fake.first_name()
        while approver == author and not selfie:
            approver = fake.first_name()
        run.system("You are a change-management assistant. Fetch the change and its CI in parallel.")
        run.user(f"I'm {author}. Can I deploy {cid}?")
        run.call_many([("get_change", {"id": cid}), ("get_ci", {"id": cid})],
                      [{"id": cid, "approved_by": approver}, {"id": cid, "ci": "green"}])
        run.say(f"No: {cid} was approved by its own author." if selfie else f"Yes: {cid} is approved and green.")


class UrlScheme(Workflow):
    """First result: a webhook URL; an http:// (not https) URL is refused. The URL is not copied."""
    name = "r16_url_scheme"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_hook", "Webhook", id="string"),
                                             tool("get_owner", "Owner", id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        hid = f"wh_{rng.randint(10000, 99999)}"
        plain = rng.random() < 0.15
        url = f"{'http' if plain else 'https'}://{fake.domain_name()}/{fake.uri_path()}"
        run.system("You are an integrations assistant. Fetch the webhook and owner in parallel.")
        run.user(f"Is webhook {hid} safe?")
        run.call_many([("get_hook", {"id": hid}), ("get_owner", {"id": hid})],
                      [{"id": hid, "url": url}, {"id": hid, "owner": fake.first_name()}])
        run.say(f"No: {hid} sends data unencrypted." if plain else f"Yes: {hid} uses TLS.")


class EmailDomain(Workflow):
    """First result: the requester's email; outside example.com it needs review."""
    name = "r16_email_domain"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_request", "Access request", id="string"),
                                             tool("get_group", "Group", id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        rid = f"AR-{rng.randint(10000, 99999)}"
        ext = rng.random() < 0.15
        email = f"{fake.user_name()}@{fake.free_email_domain() if ext else 'example.com'}"
        run.system("You are an access assistant. Fetch the request and group in parallel.")
        run.user(f"Approve access request {rid}?")
        run.call_many([("get_request", {"id": rid}), ("get_group", {"id": rid})],
                      [{"id": rid, "requester": email}, {"id": rid, "group": rng.choice(["eng", "ops", "sales"])}])
        run.say(f"{rid} needs a manual review: external requester." if ext else f"{rid} approved.")


class DateNoToday(Workflow):
    """First result: a release date; before 2026 it is 'legacy' (no today needed: a fixed cut)."""
    name = "r16_date_cut"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("get_release", "Release", package="string"),
                                             tool("get_downloads", "Downloads", package="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pkg = rng.choice(PKGS)
        old = rng.random() < 0.15
        date = f"{rng.choice([2023, 2024, 2025]) if old else 2026}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        run.system("You are a release assistant. Fetch release and downloads in parallel.")
        run.user(f"Is the latest {pkg} current?")
        run.call_many([("get_release", {"package": pkg}), ("get_downloads", {"package": pkg})],
                      [{"package": pkg, "released": date}, {"package": pkg, "weekly": rng.randint(1000, 900000)}])
        run.say(f"No: {pkg}'s latest release is legacy." if old else f"Yes: {pkg} is current.")


class SyslogFirstPar(Workflow):
    """Two parallel calls; the first result is a syslog line whose PROGRAM decides (sshd vs
    sudo); many distinct lines."""
    name = "r16_syslog_prog_par"
    description = "r16 trap"
    tools: ClassVar[list[dict[str, Any]]] = [tool("last_event", "Last event", host="string"),
                                             tool("get_team", "Team", host="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        host = f"{rng.choice(SERVICES)}-{rng.randint(1, 9)}"
        sudo = rng.random() < 0.15
        ts = _syslog("Nov", rng.randint(1, 28), rng.randint(0, 23), rng)
        line = (f"{ts} {host} sudo: {fake.user_name()} : TTY=pts/0 ; COMMAND=/bin/bash" if sudo
                else f"{ts} {host} sshd[{rng.randint(100, 9999)}]: Accepted publickey for {fake.user_name()}")
        run.system("You are a security assistant. Fetch the last event and team in parallel.")
        run.user(f"Any privileged activity on {host}?")
        run.call_many([("last_event", {"host": host}), ("get_team", {"host": host})],
                      [line, {"host": host, "team": rng.choice(["infra", "data", "web"])}])
        run.say(f"Yes: someone opened a root shell on {host}." if sudo else f"No privileged activity on {host}.")


class IsoHour(SyslogHour):
    """Control for (2): the same policy on an ISO timestamp ('2026-11-10T03:39:59'), already one token before."""
    name = "r16_iso_hour"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        user = fake.user_name()
        night = rng.random() < 0.15
        h = rng.randint(0, 5) if night else rng.randint(6, 23)
        line = (f"2026-11-{rng.randint(1, 28):02d}T{h:02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} "
                f"web-{rng.randint(1, 9)} sshd[{rng.randint(100, 9999)}]: Accepted publickey for {user}")
        run.system("You are a security assistant.")
        run.user(f"Was {user}'s last login normal?")
        run.call("last_login", {"user": user}, line)
        run.say(f"Suspicious: {user} logged in off-hours." if night else f"Normal: {user} logged in during work hours.")


class CountrySingle(CountryDecides):
    """Control: the country in the ONE result of a single call."""
    name = "r16_country_single"

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        oid = f"O-{rng.randint(10000, 99999)}"
        eu = rng.random() < 0.15
        country = rng.choice(self.EU if eu else self.NON)
        total = rng.randint(20, 400)
        run.system("You are a billing assistant. Look up address and total in parallel.")
        run.user(f"Does order {oid} pay VAT?")
        run.call("get_address", {"order": oid}, {"order": oid, "city": fake.city(), "country": country, "total": total})
        run.say(f"Yes: VAT applies to order {oid} (${total})." if eu else f"No VAT on order {oid} (${total}).")


TRAPS = [YankBool, YankBoolSwap, YankWord, StatusProse, StatusProseText, StockThreshold, DurationNoise, PortFirst,
         ExpiryVsToday, ComboBoth, ThreeParallel, ThreeFirstReplicas, SameToolTwice, SameToolTwiceFixed, CsvFirst,
         RegionDecidesTool, CountryDecides, FirstCopiedToCall, IdLikeDecides, ListFirst, LatencyQuantity,
         StatusPhrase, ProseSingle, ProseSecond, ApproverName, UrlScheme, EmailDomain, DateNoToday,
         SyslogFirstPar, SyslogHour, SyslogHourParallel, SyslogDate, CtimeMonth, SyslogCopied, IsoHour, CountrySingle, WordsRegion, WordsThree]
for _cls in TRAPS:
    REGISTRY[_cls.name] = _cls()
