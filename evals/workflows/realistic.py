"""Realistic fixture workflows: the noise of production tool results, long system prompts,
several tools, and branches decided by a status or an empty result.

What real agent traffic has and the catalog's small workflows lack: API results carrying
request ids, timestamps in several formats (ISO 8601, RFC 2822, epoch seconds and
milliseconds, syslog, Apache), session tokens, latencies, counts, prices of options nobody
picks, pagination cursors and log excerpts. **No answer reads any of it**: every value an
answer carries is copied from the user's message or a field of a result that the policy
uses (an order id, a deploy id, the first offer of a price-sorted search). A correct cache
must treat that noise as data it ignores, never as structure that splits every run apart.

Branches (``branch=``) are what the policy decides on: an order's status, a deploy's state,
a pipeline's result, whether a search came back empty. Each workflow says honestly whether
a correct cache may serve new data (``cacheable``): ``review_reply`` writes a personal
reply, which no template can.

>>> from evals.workflows import WORKFLOWS
>>> run = WORKFLOWS["support_ticket"].play_run(3)
>>> len(run.records) >= 2, run.records[0]["request"]["messages"][0]["content"].startswith("You are Nova")
(True, True)
"""

from __future__ import annotations

import base64
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any, ClassVar

from faker import Faker

from evals.workflows.base import Run, Workflow, tool

# A fixed anchor, not "now": the same seed must give the same runs on any day.
ANCHOR = datetime(2026, 11, 2, 6, 0, 0, tzinfo=UTC)


class Noise:
    """Values a production API puts in every result and no answer reads.

    >>> import random
    >>> from faker import Faker
    >>> n = Noise(random.Random(1), Faker())
    >>> n.request_id().startswith("req_"), len(n.iso()) == 24, n.rfc2822()[3:5]
    (True, True, ', ')
    """

    def __init__(self, rng: random.Random, fake: Faker) -> None:
        self.rng = rng
        self.fake = fake
        self.t = ANCHOR + timedelta(seconds=rng.randint(0, 28 * 86400))

    def tick(self) -> datetime:
        """The clock moves on a little between calls."""
        self.t += timedelta(milliseconds=self.rng.randint(80, 9000))
        return self.t

    def request_id(self) -> str:
        return f"req_{self.rng.getrandbits(64):016x}"

    def trace_id(self) -> str:
        return str(self.fake.uuid4())

    def iso(self) -> str:
        return self.tick().strftime("%Y-%m-%dT%H:%M:%S.") + f"{self.t.microsecond // 1000:03d}Z"

    def rfc2822(self) -> str:
        return format_datetime(self.tick())

    def epoch(self) -> int:
        return int(self.tick().timestamp())

    def epoch_ms(self) -> int:
        return int(self.tick().timestamp() * 1000)

    def syslog(self) -> str:
        t = self.tick()
        return f"{t:%b} {t.day:2d} {t:%H:%M:%S}"  # "Dec  6 10:01:02": the day space-padded

    def apache(self) -> str:
        return self.tick().strftime("[%d/%b/%Y:%H:%M:%S +0000]")

    def session(self) -> str:
        """A JWT-looking session token."""
        def b64(raw: bytes) -> str:
            return base64.urlsafe_b64encode(raw).decode().rstrip("=")

        body = f'{{"sub":"{self.rng.getrandbits(32):08x}","iat":{self.epoch()}}}'.encode()
        return f"eyJhbGciOiJIUzI1NiJ9.{b64(body)}.{b64(self.rng.randbytes(24))}"

    def latency(self) -> float:
        return round(self.rng.lognormvariate(3.5, 0.8), 1)

    def cursor(self) -> str:
        return base64.urlsafe_b64encode(f"o={self.rng.randint(20, 5000)}&k={self.rng.getrandbits(40):x}".encode()
                                        ).decode().rstrip("=")

    def price(self, lo: float, hi: float) -> float:
        return round(self.rng.uniform(lo, hi), 2)

    def meta(self) -> dict[str, Any]:
        """The envelope every API result of these workflows carries."""
        return {"request_id": self.request_id(), "trace_id": self.trace_id(), "served_at": self.iso(),
                "latency_ms": self.latency(), "region": self.rng.choice(["us-east-1", "eu-west-1", "ap-south-1"])}

    def log_excerpt(self, service: str, lines: int) -> str:
        """Lines of a service log (syslog, Apache and ISO stamps, ids, IPs, latencies)."""
        out = []
        for _ in range(lines):
            kind = self.rng.randrange(4)
            if kind == 0:
                out.append(f"{self.syslog()} {service}-{self.rng.randint(1, 9)} {service}[{self.rng.randint(200, 32000)}]: "
                           f"GET /api/v2/items?page={self.rng.randint(1, 40)} 200 {self.latency()}ms")
            elif kind == 1:
                out.append(f'{self.fake.ipv4()} - - {self.apache()} "POST /v1/checkout HTTP/1.1" '
                           f"{self.rng.choice([200, 201, 499, 502, 504])} {self.rng.randint(120, 90000)}")
            elif kind == 2:
                out.append(f"{self.iso()} WARN pool={service}-db conn_wait_ms={self.rng.randint(5, 3000)} "
                           f"active={self.rng.randint(1, 64)}/64 trace={self.trace_id()}")
            else:
                out.append(f"{self.iso()} ERROR {self.request_id()} upstream timeout after "
                           f"{self.rng.randint(1000, 30000)}ms (attempt {self.rng.randint(1, 5)})")
        return "\n".join(out)


def _policy(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


class SupportTicket(Workflow):
    name = "support_ticket"
    description = ("Support triage: find the customer, list their orders (paginated, priced), act on the "
                   "order's status; an empty customer search asks the user again.")
    SYSTEM = _policy(
        "You are Nova, the customer-support agent of Larkspur Outfitters, an online outdoor-gear retailer. "
        "You handle tickets that arrive by email. You can search customers, list a customer's orders, "
        "send tracking links, open carrier investigations and issue refunds.",
        "Policy: always identify the customer by the email address on the ticket before anything else. "
        "If no customer matches, reply to the ticket asking the customer to confirm the address they ordered "
        "with, and do nothing else. Never reveal internal ids, request ids or timestamps of internal systems.",
        "For an order that is in transit, send the tracking link to the customer's email. For an order the "
        "carrier marked as lost, open a carrier investigation and refund the order in full. For a delivered "
        "order, do not refund: explain that the carrier reports it delivered and open an investigation only if "
        "the customer insists.",
        "Keep replies short, friendly and in plain English. Sign as Nova.")
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("search_customers", "Search customers by email", email="string"),
        tool("list_orders", "List a customer's orders, newest first", customer_id="string", limit="integer"),
        tool("send_tracking", "Email the tracking link of an order", order_id="string", email="string"),
        tool("open_investigation", "Open a carrier investigation", order_id="string", carrier="string"),
        tool("issue_refund", "Refund an order in full", order_id="string", reason="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        noise = Noise(rng, fake)
        first, last = fake.first_name(), fake.last_name()
        email = f"{first.lower()}.{last.lower()}@{fake.free_email_domain()}"
        order_id = f"LO-{rng.randint(100000, 999999)}"
        run.system(self.SYSTEM)
        run.user(f"New ticket #{rng.randint(20000, 99999)} from {email}:\nHi, where is my order {order_id}? "
                 f"It's been a while. Thanks, {first}")
        if rng.random() < 0.2:
            run.call("search_customers", {"email": email},
                     {"meta": noise.meta(), "results": [], "total": 0, "next_cursor": None}, branch="no_customer")
            run.say(f"Hi, thanks for reaching out! I couldn't find an account for {email}. Could you confirm "
                    f"the email address you ordered with? — Nova")
            return
        cid = f"cus_{rng.getrandbits(48):012x}"
        run.call("search_customers", {"email": email}, {
            "meta": noise.meta(), "total": 1, "next_cursor": None,
            "results": [{"id": cid, "name": f"{first} {last}", "email": email, "tier": rng.choice(["basic", "plus"]),
                         "created_at": noise.rfc2822(), "last_login": noise.epoch(), "session": noise.session(),
                         "lifetime_orders": rng.randint(1, 40)}]})
        status = rng.choice(["in_transit", "lost", "delivered"])
        carrier = rng.choice(["UPS", "FedEx", "DHL", "USPS"])
        others = [{"id": f"LO-{rng.randint(100000, 999999)}", "status": "delivered", "total": noise.price(9, 400),
                   "currency": "USD", "placed_at": noise.epoch_ms(), "items": rng.randint(1, 6)}
                  for _ in range(rng.randint(0, 3))]
        mine = {"id": order_id, "status": status, "carrier": carrier, "total": noise.price(15, 900), "currency": "USD",
                "placed_at": noise.epoch_ms(), "items": rng.randint(1, 6), "updated_at": noise.iso()}
        orders = [mine, *others]  # newest first: the ticket is about the latest order
        run.call("list_orders", {"customer_id": cid, "limit": 10},
                 {"meta": noise.meta(), "data": orders, "count": len(orders), "has_more": rng.random() < 0.5,
                  "next_cursor": noise.cursor()}, branch=status)
        if status == "in_transit":
            run.call("send_tracking", {"order_id": order_id, "email": email},
                     {"meta": noise.meta(), "queued": True, "message_id": f"<{noise.trace_id()}@mail.larkspur.io>"})
            run.say(f"Hi {first}, your order {order_id} is on its way with {carrier}. I've just emailed the "
                    f"tracking link to {email}. — Nova")
        elif status == "lost":
            run.call("open_investigation", {"order_id": order_id, "carrier": carrier},
                     {"meta": noise.meta(), "case": f"INV{rng.randint(10**6, 10**7 - 1)}", "opened_at": noise.iso()})
            run.call("issue_refund", {"order_id": order_id, "reason": "lost in transit"},
                     {"meta": noise.meta(), "refund_id": f"re_{rng.getrandbits(56):014x}", "status": "pending",
                      "eta_days": rng.randint(3, 10)})
            run.say(f"Hi {first}, I'm sorry: {carrier} lost order {order_id}. I've opened an investigation and "
                    f"refunded it in full. — Nova")
        else:
            run.say(f"Hi {first}, {carrier} reports order {order_id} as delivered. Could you check with neighbours "
                    f"or your building's mailroom? If it still doesn't turn up, reply and I'll open an "
                    f"investigation. — Nova")


class IncidentTriage(Workflow):
    name = "incident_triage"
    description = ("SRE triage of an alert: read it, pull a log excerpt and the latest deploy; a failed deploy "
                   "is rolled back, otherwise the on-call team is paged.")
    SYSTEM = _policy(
        "You are the on-call assistant of the platform team at Quillwork. Alerts from the monitoring system are "
        "forwarded to you. You can fetch an alert, search a service's logs, list its deploys, roll a deploy back "
        "and page a team.",
        "Runbook: fetch the alert, then the last 15 minutes of the service's logs, then its latest deploy. If "
        "the latest deploy failed or is still rolling out when the alert fired, roll that deploy back: that is "
        "the most likely cause. Otherwise page the service's owning team with the alert name.",
        "Report what you did in one sentence. Do not paste logs, ids of requests or timestamps into the report: "
        "the incident channel links them already.")
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("get_alert", "Fetch an alert", alert_id="string"),
        tool("search_logs", "Search a service's logs", service="string", since="string"),
        tool("list_deploys", "List a service's deploys, newest first", service="string", limit="integer"),
        tool("rollback", "Roll a deploy back", service="string", deploy_id="string"),
        tool("page", "Page a team", team="string", summary="string")]

    SERVICES: ClassVar[list[tuple[str, str]]] = [
        ("checkout", "payments"), ("search-api", "discovery"), ("auth", "identity"), ("inventory", "fulfilment"),
        ("notifications", "messaging"), ("billing-worker", "payments"), ("gateway", "edge")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        noise = Noise(rng, fake)
        service, team = rng.choice(self.SERVICES)
        alert = rng.choice(["HighErrorRate", "LatencyP99Breach", "PodCrashLooping", "QueueBacklogGrowing"])
        alert_id = f"al-{rng.getrandbits(40):010x}"
        run.system(self.SYSTEM)
        run.user(f"Alert {alert} ({alert_id}) fired for {service}. Please triage.")
        run.call("get_alert", {"alert_id": alert_id}, {
            "meta": noise.meta(), "id": alert_id, "name": alert, "service": service, "severity": "page",
            "fired_at": noise.epoch_ms(), "value": round(rng.uniform(0.5, 40), 3),
            "threshold": round(rng.uniform(0.1, 5), 2), "labels": {"cluster": f"prod-{rng.randint(1, 4)}",
                                                                 "pod": f"{service}-{rng.getrandbits(24):06x}"}})
        run.call("search_logs", {"service": service, "since": "15m"},
                 {"meta": noise.meta(), "matched": rng.randint(40, 9000), "truncated": True,
                  "excerpt": noise.log_excerpt(service, rng.randint(4, 9)), "next_cursor": noise.cursor()})
        state = rng.choice(["failed", "rolling_out", "succeeded"])
        deploy_id = f"dep-{rng.randint(1000, 9999)}-{fake.lexify('????').lower()}"
        deploys = [{"id": deploy_id, "state": state, "version": f"v{rng.randint(1, 9)}.{rng.randint(0, 40)}.{rng.randint(0, 9)}",
                    "author": fake.user_name(), "started_at": noise.rfc2822(), "duration_s": rng.randint(30, 900)}]
        deploys += [{"id": f"dep-{rng.randint(1000, 9999)}-{fake.lexify('????').lower()}", "state": "succeeded",
                     "version": f"v{rng.randint(1, 9)}.{rng.randint(0, 40)}.{rng.randint(0, 9)}", "author": fake.user_name(),
                     "started_at": noise.rfc2822(), "duration_s": rng.randint(30, 900)} for _ in range(2)]
        bad = state in ("failed", "rolling_out")
        run.call("list_deploys", {"service": service, "limit": 3},
                 {"meta": noise.meta(), "deploys": deploys, "count": 3}, branch="bad_deploy" if bad else "good_deploy")
        if bad:
            run.call("rollback", {"service": service, "deploy_id": deploy_id},
                     {"meta": noise.meta(), "accepted": True, "job": f"rb-{noise.trace_id()}", "eta_s": rng.randint(30, 300)})
            run.say(f"Rolled back {deploy_id} on {service}: the latest deploy was not healthy when {alert} fired.")
        else:
            run.call("page", {"team": team, "summary": f"{alert} on {service}"},
                     {"meta": noise.meta(), "incident": f"INC-{rng.randint(10000, 99999)}", "acknowledged": False})
            run.say(f"Paged {team} about {alert} on {service}; the latest deploy {deploy_id} looks healthy.")


class FlightBooking(Workflow):
    name = "flight_booking"
    description = ("Travel agent: search flights (price-sorted offers with noise), book the first offer; "
                   "an empty search is retried with flexible dates.")
    SYSTEM = _policy(
        "You are Wayfarer, a corporate travel assistant. Employees ask you to book flights. You can search "
        "flight offers and book an offer for a passenger.",
        "Travel policy: economy class only. Search exactly the route and date the employee asks for. Offers come "
        "back sorted by price, cheapest first: book the first offer. If the search returns no offers, search "
        "again with flexible dates (plus or minus one day) and book the first offer of that search.",
        "Confirm the booking with the booking reference, the flight number and the departure time as the airline "
        "gives them. Never mention fare basis codes, offer ids, cursors or internal ids.")
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("search_flights", "Search flight offers (economy), cheapest first", origin="string",
             destination="string", date="string", flexible="boolean"),
        tool("book_offer", "Book an offer for a passenger", offer_id="string", passenger="string")]
    AIRPORTS = ("JFK", "SFO", "ORD", "SEA", "BOS", "AUS", "DEN", "ATL", "LAX", "MIA", "LHR", "CDG", "AMS", "FRA")

    def _offers(self, noise: Noise, rng: random.Random, fake: Faker, day: str, n: int) -> list[dict[str, Any]]:
        offers = []
        for _ in range(n):
            dep = f"{day} {rng.randint(5, 22):02d}:{rng.choice(['00', '15', '30', '45', '05', '50'])}"
            offers.append({"offer_id": f"off_{rng.getrandbits(64):016x}",
                           "flight": f"{rng.choice(['UA', 'DL', 'AA', 'B6', 'AS', 'BA', 'AF'])}{rng.randint(100, 2999)}",
                           "departs": dep, "price": {"amount": noise.price(89, 1400), "currency": "USD"},
                           "fare_basis": fake.bothify("?##??##").upper(), "seats_left": rng.randint(1, 9),
                           "expires_at": noise.iso()})
        return sorted(offers, key=lambda o: o["price"]["amount"])

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        noise = Noise(rng, fake)
        origin, destination = rng.sample(self.AIRPORTS, 2)
        day = (ANCHOR + timedelta(days=rng.randint(7, 90))).date().isoformat()
        passenger = f"{fake.first_name()} {fake.last_name()}"
        run.system(self.SYSTEM)
        run.user(f"Please book me ({passenger}) a flight from {origin} to {destination} on {day}.")
        args = {"origin": origin, "destination": destination, "date": day, "flexible": False}
        if rng.random() < 0.25:
            run.call("search_flights", args, {"meta": noise.meta(), "offers": [], "count": 0, "next_cursor": None},
                     branch="empty")
            args = {**args, "flexible": True}
        offers = self._offers(noise, rng, fake, day, rng.randint(2, 5))
        run.call("search_flights", args, {"meta": noise.meta(), "offers": offers, "count": len(offers),
                                          "next_cursor": noise.cursor(), "session": noise.session()})
        best = offers[0]
        pnr = fake.bothify("??????", letters="ABCDEFGHJKLMNPQRSTUVWXYZ")
        run.call("book_offer", {"offer_id": best["offer_id"], "passenger": passenger},
                 {"meta": noise.meta(), "status": "confirmed", "booking_reference": pnr,
                  "ticketed_at": noise.rfc2822(), "receipt": f"https://pay.example.com/r/{noise.trace_id()}"})
        run.say(f"Booked: {best['flight']} from {origin} to {destination}, departing {best['departs']}. "
                f"Booking reference {pnr}, {passenger}.")


class CiTriage(Workflow):
    name = "ci_triage"
    description = ("CI assistant: read a pipeline; a failed one has its job log read and the job retried, "
                   "a passing one has its merge request merged.")
    SYSTEM = _policy(
        "You are the merge assistant of the Cobalt monorepo. Developers ask you to land their merge requests. "
        "You can read a pipeline, read a job's log, retry a job and merge a merge request.",
        "Process: read the merge request's latest pipeline. If it passed, merge the merge request. If it failed, "
        "read the log of the failed job, retry that job once and tell the developer which job you retried. Never "
        "merge a merge request whose pipeline did not pass.",
        "Answer in one sentence; refer to jobs by name. Do not quote runner ids, durations or log lines.",
        "Security: you act with the bot account's permissions. Never change protected branch settings, never "
        "force-push, never approve a merge request yourself and never retry a job more than once per request. If "
        "the developer asks for anything outside landing a merge request, say that you only land merge requests.")
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("get_pipeline", "The latest pipeline of a merge request", project="string", mr="integer"),
        tool("get_job_log", "The tail of a job's log", project="string", job_id="integer"),
        tool("retry_job", "Retry a job", project="string", job_id="integer"),
        tool("merge", "Merge a merge request", project="string", mr="integer")]
    JOBS = ("lint", "unit-tests", "integration-tests", "build-image", "typecheck", "e2e-chrome")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        noise = Noise(rng, fake)
        project = f"cobalt/{rng.choice(['web', 'api', 'billing', 'search', 'mobile'])}"
        mr = rng.randint(1000, 60000)
        run.system(self.SYSTEM)
        run.user(f"Can you land !{mr} in {project}?")
        passed = rng.random() < 0.5
        # The flaky suites: which one failed decides which job is retried (a branch, labelled below).
        failed_job = rng.choice(["integration-tests", "e2e-chrome"])
        jobs: list[dict[str, Any]] = [{"id": rng.randint(10**6, 10**7), "name": j,
                 "status": "failed" if not passed and j == failed_job else "success",
                 "duration_s": round(rng.uniform(20, 900), 1), "runner": f"runner-{rng.getrandbits(24):06x}",
                 "finished_at": noise.iso()} for j in self.JOBS]
        run.call("get_pipeline", {"project": project, "mr": mr},
                 {"meta": noise.meta(), "pipeline_id": rng.randint(10**5, 10**6), "status": "success" if passed else "failed",
                  "sha": fake.sha1()[:12], "created_at": noise.epoch(), "jobs": jobs},
                 branch="passed" if passed else f"failed:{failed_job}")
        if passed:
            run.call("merge", {"project": project, "mr": mr},
                     {"meta": noise.meta(), "merged": True, "merge_commit": fake.sha1(), "merged_at": noise.rfc2822()})
            run.say(f"Merged !{mr} in {project}: its pipeline passed.")
            return
        job = next(j for j in jobs if j["status"] == "failed")
        run.call("get_job_log", {"project": project, "job_id": job["id"]},
                 {"meta": noise.meta(), "log": noise.log_excerpt(job["name"], rng.randint(5, 10)),
                  "bytes": rng.randint(2000, 900000), "truncated": True})
        run.call("retry_job", {"project": project, "job_id": job["id"]},
                 {"meta": noise.meta(), "new_job_id": rng.randint(10**7, 10**8), "queued_at": noise.iso()})
        run.say(f"The pipeline of !{mr} failed in {job['name']}; I retried that job. I'll merge once it passes.")


class ReviewReply(Workflow):
    name = "review_reply"
    description = "Reply to a product review in the brand's voice: the reply is written, not copied (not cacheable)."
    cacheable = False
    SYSTEM = _policy(
        "You are the community manager of Fernhill Coffee Roasters. You reply to product reviews on the shop. "
        "You can fetch a review and post a reply.",
        "Voice: warm, specific to what the reviewer said, never defensive, at most three sentences. Thank them by "
        "first name. For a complaint, apologise and invite them to write to hello@fernhill.example.",
        "Do not mention order numbers, review ids or anything from internal systems.",
        "Never promise refunds, discounts or free coffee in a public reply, never argue about taste, and never "
        "reply to a review that contains personal data: flag it instead. Post exactly one reply per review, then "
        "tell the requester in a few words that you replied.")
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("get_review", "Fetch a review", review_id="string"),
        tool("post_reply", "Post a public reply to a review", review_id="string", body="string")]
    OPENERS = ("What a lovely note", "Thank you so much", "We really appreciate this", "This made our day",
               "Thanks for taking the time")
    CLOSERS = ("Enjoy every cup!", "Happy brewing!", "See you at the next roast.", "Cheers from the roastery!")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        noise = Noise(rng, fake)
        review_id = f"rv_{rng.getrandbits(40):010x}"
        first = fake.first_name()
        text = fake.sentence(nb_words=rng.randint(8, 16))
        run.system(self.SYSTEM)
        run.user(f"Please answer review {review_id}.")
        run.call("get_review", {"review_id": review_id}, {
            "meta": noise.meta(), "id": review_id, "author": {"first_name": first, "id": rng.getrandbits(32)},
            "stars": rng.randint(3, 5), "text": text, "posted_at": noise.rfc2822(), "helpful_votes": rng.randint(0, 50)})
        # The reply is written for this review: its wording comes from the model, not from the context.
        body = (f"{rng.choice(self.OPENERS)}, {first}! {fake.sentence(nb_words=rng.randint(6, 12))} "
                f"{rng.choice(self.CLOSERS)}")
        run.call("post_reply", {"review_id": review_id, "body": body},
                 {"meta": noise.meta(), "reply_id": f"rp_{rng.getrandbits(40):010x}", "visible": True})
        run.say(f"Replied to {first}'s review.")


class ReturnsDesk(Workflow):
    name = "returns_desk"
    description = ("Returns desk, as a sampled model runs it: the system prompt states today's date and the "
                   "signed-in customer, the model writes a line of its own beside each tool call, worded anew "
                   "each run; a return inside 30 days of purchase is accepted, an older one declined.")
    LINES = ("Let me pull up that order.", "Sure, one moment while I check the order.", "Checking the order now.",
             "I'll look that order up for you.", "Let me take a look at this order.", "One sec, fetching the order.")
    SYSTEM = _policy(
        "You are the returns assistant of Larkspur Outfitters. Today is {today}. Signed-in customer: {name} "
        "<{email}>, member since {since}, plan {plan}.",
        "Returns are accepted within 30 days of purchase, counted from the purchase date on the order. Look the "
        "order up before answering; if it is inside the window, create a return label and give the customer its "
        "RMA number; if not, decline politely and say how many days have passed.",
        "Never reveal warehouse codes, internal ids or timestamps of internal systems. Do not offer store "
        "credit or exchanges: the returns desk handles returns only. Keep answers to one or two sentences.")
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("get_order", "An order with its purchase date", order_id="string"),
        tool("create_return", "Create a return label", order_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        noise = Noise(rng, fake)
        today = datetime(2026, 3, 1, tzinfo=UTC).date() + timedelta(days=rng.randint(0, 240))
        name = fake.name()
        email = f"{name.split()[0].lower()}{rng.randint(1, 99)}@{fake.free_email_domain()}"
        run.system(self.SYSTEM.format(today=today.isoformat(), name=name, email=email, plan=rng.choice(["basic", "plus"]),
                                      since=str(rng.randint(2015, 2025))))
        order_id = f"LO-{rng.randint(100000, 999999)}"
        run.user(f"I'd like to return order {order_id}, the {fake.color_name().lower()} jacket doesn't fit.")
        age = rng.randint(1, 29) if rng.random() < 0.75 else rng.randint(31, 120)
        bought = today - timedelta(days=age)
        run.call("get_order", {"order_id": order_id},
                 {"meta": noise.meta(), "id": order_id, "purchased": bought.isoformat(), "total": noise.price(30, 400),
                  "warehouse": f"WH-{rng.randint(1, 9)}", "items": rng.randint(1, 3), "updated_at": noise.iso()},
                 text=rng.choice(self.LINES), branch="inside" if age <= 30 else "outside")
        if age <= 30:
            rma = f"RMA-{rng.randint(100000, 999999)}"
            run.call("create_return", {"order_id": order_id},
                     {"meta": noise.meta(), "rma": rma, "label_url": f"https://labels.larkspur.io/{noise.trace_id()}"},
                     text=rng.choice(self.LINES).replace("pull up that order", "set up the return")
                     .replace("check the order", "set up the return").replace("look that order up", "set up the return"))
            run.say(f"Your return for {order_id} is set up. Your RMA number is {rma}; the label is in your email.")
        else:
            run.say(f"I'm sorry, order {order_id} was bought {age} days ago, past our 30-day return window.")


ALL: tuple[type[Workflow], ...] = (SupportTicket, IncidentTriage, FlightBooking, CiTriage, ReviewReply, ReturnsDesk)
