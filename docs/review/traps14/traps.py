from datetime import date, timedelta
from typing import ClassVar

from evals.workflows.adversarial.base import Adversarial
from evals.workflows.base import tool


class T(Adversarial):
    family = "A"; guards = ("list-tails",); description = "trap"
    @property
    def seed_name(self): return self.name

# 1. Decision on the FIRST row's price (last column); later rows' prices span both sides.
class FirstRowPriceCap(T):
    name = "r14_first_row_price"
    tools: ClassVar = [tool("search_rooms", "Free rooms (CSV, best first)", people="integer"),
                       tool("book_room", "Book a room", room="string"), tool("ask_approval", "Ask approval", room="string")]
    def play(self, run, fake, rng):
        people = rng.randint(2, 12); k = rng.randint(1, 4)
        rows = ["room,floor,price_eur"]
        for i in range(k):
            dear = rng.random() < 0.3
            rows.append(f"R-{rng.randint(100, 999)},{rng.randint(1, 12)},{rng.randint(520, 900) if dear else rng.randint(40, 480)}")
        first = rows[1].split(","); price = int(first[2])
        run.system("You book meeting rooms: book the first room listed. If that room costs over €500, ask for approval instead.")
        run.user(f"Book a room for {people} people.")
        run.call("search_rooms", {"people": people}, "\n".join(rows))
        if price > 500:
            run.call("ask_approval", {"room": first[0]}, "pending")
            run.say(f"{first[0]} costs over €500; I asked for approval.")
        else:
            run.call("book_room", {"room": first[0]}, "ok")
            run.say(f"Booked {first[0]}.")

# 2. Decision on the FIRST row's status (last column, words); later rows hold every word.
class FirstRowStatus(T):
    name = "r14_first_row_status"
    tools: ClassVar = [tool("desks", "Desks (markdown)", floor="integer")]
    def play(self, run, fake, rng):
        floor = rng.randint(1, 9); k = rng.randint(1, 4)
        rows = ["| desk | state |", "|---|---|"]
        for i in range(k):
            st = "closed" if rng.random() < 0.25 else rng.choice(["open", "reserved"])
            rows.append(f"| D{floor}-{rng.randint(10, 99)} | {st} |")
        c = rows[2].split("|"); first, st = c[1].strip(), c[2].strip()
        run.system("You help people find a desk. Offer the first desk listed, unless it is closed: then apologise.")
        run.user(f"Any desk on floor {floor}?")
        run.call("desks", {"floor": floor}, "\n".join(rows))
        run.say(f"Sorry, desk {first} is closed for cleaning." if st == "closed" else f"Desk {first} is yours.")

# 3. Priority with digits (P1..P4) in any row decides escalation.
class PriorityP1Rows(T):
    name = "r14_priority_p1"
    tools: ClassVar = [tool("open_tickets", "Open tickets (CSV)", team="string"), tool("page_oncall", "Page on-call", team="string")]
    def play(self, run, fake, rng):
        team = rng.choice(["payments", "search", "infra", "mobile"]); k = rng.randint(1, 4)
        p1 = rng.randrange(k) if rng.random() < 0.2 else -1
        rows = ["ticket,priority,opened"]
        for i in range(k):
            rows.append(f"T-{rng.randint(1000, 9999)},{'P1' if i == p1 else rng.choice(['P2','P3','P4'])},{fake.date_this_month().isoformat()}")
        run.system("You triage tickets. If any open ticket is P1, page on-call; else summarise.")
        run.user(f"Triage the {team} queue.")
        run.call("open_tickets", {"team": team}, "\n".join(rows))
        if p1 >= 0:
            run.call("page_oncall", {"team": team}, "paged")
            run.say(f"A P1 is open in {team}; on-call is paged.")
        else:
            run.say(f"No P1 in {team}; nothing urgent.")

# 4. Percentage cell in any row.
class DiskPercent(T):
    name = "r14_disk_percent"
    tools: ClassVar = [tool("df", "Disk usage (TSV)", host="string")]
    def play(self, run, fake, rng):
        host = f"web-{rng.randint(1, 40):02d}"; k = rng.randint(1, 4)
        full = rng.randrange(k) if rng.random() < 0.2 else -1
        rows = ["mount\tsize\tuse%"]
        for i, m in enumerate(rng.sample(["/", "/var", "/home", "/data", "/tmp", "/srv"], k)):
            rows.append(f"{m}\t{rng.choice([20, 50, 100, 500])}G\t{rng.randint(91, 99) if i == full else rng.randint(5, 85)}%")
        run.system("You watch disks. Warn if any mount is over 90% used; else say all is fine.")
        run.user(f"Check disks on {host}.")
        run.call("df", {"host": host}, "\n".join(rows))
        run.say(f"Warning: a disk on {host} is over 90% full." if full >= 0 else f"Disks on {host} are fine.")

# 5. Used vs quota relation inside a row (both columns ranged).
class QuotaRelation(T):
    name = "r14_quota_relation"
    tools: ClassVar = [tool("usage", "Usage per project (CSV)", org="string")]
    def play(self, run, fake, rng):
        org = fake.company().split()[0].lower(); k = rng.randint(1, 4)
        over = rng.randrange(k) if rng.random() < 0.2 else -1
        rows = ["project,used_gb,quota_gb"]
        for i in range(k):
            q = rng.randint(50, 500)
            u = rng.randint(q + 1, q + 60) if i == over else rng.randint(1, q)
            rows.append(f"{fake.word()}-{rng.randint(1,99)},{u},{q}")
        run.system("You watch storage. If any project uses more than its quota, say so; else say all is within quota.")
        run.user(f"Storage report for {org}.")
        run.call("usage", {"org": org}, "\n".join(rows))
        run.say(f"A project in {org} is over its quota." if over >= 0 else f"All projects in {org} are within quota.")

# 6. Amounts with thousands separators in TSV.
class TsvAmountThousands(T):
    name = "r14_tsv_amount_thousands"
    tools: ClassVar = [tool("get_batch", "Payout batch (TSV)", batch_id="string"),
                       tool("release_batch", "Release", batch_id="string"), tool("request_approval", "Approval", batch_id="string")]
    def play(self, run, fake, rng):
        batch = f"po_{rng.getrandbits(32):08x}"; k = rng.randint(1, 4)
        big = rng.randrange(k) if rng.random() < 0.2 else -1
        rows = ["payee\tamount_usd"]
        for i in range(k):
            a = rng.uniform(1200, 9000) if i == big else rng.uniform(5, 950)
            rows.append(f"{fake.last_name()}\t{a:,.2f}")
        run.system("You run payout batches. Release a batch, unless any transfer is over $1,000: then request approval.")
        run.user(f"Please process batch {batch}.")
        run.call("get_batch", {"batch_id": batch}, "\n".join(rows))
        if big >= 0:
            run.call("request_approval", {"batch_id": batch}, "ok"); run.say(f"Batch {batch} needs a second approval.")
        else:
            run.call("release_batch", {"batch_id": batch}, "ok"); run.say(f"Batch {batch} is released.")

# 7. Cheapest room among the rows (relevant row is not the first).
class CheapestRoom(T):
    name = "r14_cheapest_room"
    tools: ClassVar = [tool("search_rooms", "Free rooms (CSV, by rating)", people="integer"), tool("book_room", "Book", room="string")]
    def play(self, run, fake, rng):
        people = rng.randint(2, 12); k = rng.randint(1, 4)
        rows = ["room,rating,price_eur"]; data = []
        for i in range(k):
            r = (f"R-{rng.randint(100, 999)}", rng.randint(1, 5), rng.randint(40, 480)); data.append(r)
            rows.append(",".join(map(str, r)))
        best = min(data, key=lambda r: r[2])[0]
        run.system("You book meeting rooms: book the cheapest room listed.")
        run.user(f"Book a room for {people} people.")
        run.call("search_rooms", {"people": people}, "\n".join(rows))
        run.call("book_room", {"room": best}, "ok")
        run.say(f"Booked {best}.")

# 8. Overdue invoice by date vs today in system prompt.
class OverdueDate(T):
    name = "r14_overdue_date"
    tools: ClassVar = [tool("invoices", "Open invoices (CSV)", customer="string")]
    def play(self, run, fake, rng):
        today = date(2026, 12, 7); cust = fake.company(); k = rng.randint(1, 4)
        late = rng.randrange(k) if rng.random() < 0.2 else -1
        rows = ["invoice,amount,due"]
        for i in range(k):
            d = today + timedelta(days=-rng.randint(1, 40) if i == late else rng.randint(1, 40))
            rows.append(f"INV-{rng.randint(1000, 9999)},{rng.randint(50, 900)},{d.isoformat()}")
        run.system(f"Today is {today.isoformat()}. You do collections: if any invoice is past due, send a reminder; else say the account is current.")
        run.user(f"Check {cust}.")
        run.call("invoices", {"customer": cust}, "\n".join(rows))
        run.say(f"{cust} has an overdue invoice; I'll send a reminder." if late >= 0 else f"{cust} is current.")

# 9. Count of rows copied into the answer.
class CountRows(T):
    name = "r14_count_rows"
    tools: ClassVar = [tool("search_rooms", "Free rooms (CSV)", people="integer")]
    def play(self, run, fake, rng):
        people = rng.randint(2, 12); k = rng.randint(1, 4)
        rows = ["room,floor,price_eur"] + [f"R-{rng.randint(100,999)},{rng.randint(1,12)},{rng.randint(40,480)}" for _ in range(k)]
        run.system("You list meeting rooms: say how many are free.")
        run.user(f"How many rooms for {people} people?")
        run.call("search_rooms", {"people": people}, "\n".join(rows))
        run.say(f"{k} room{'s' if k != 1 else ''} free.")

ALL = [FirstRowPriceCap, FirstRowStatus, PriorityP1Rows, DiskPercent, QuotaRelation, TsvAmountThousands, CheapestRoom, OverdueDate, CountRows]

# ---------------- batch 2 ----------------
class FirstRowPrice2(T):
    """Like FirstRowPriceCap, later rows often dear (50%), the first rarely (15%)."""
    name = "r14_first_row_price2"
    tools: ClassVar = [tool("search_rooms", "Free rooms (CSV, best first)", people="integer"),
                       tool("book_room", "Book a room", room="string"), tool("ask_approval", "Ask approval", room="string")]
    def play(self, run, fake, rng):
        people = rng.randint(2, 12); k = rng.randint(1, 4)
        rows = ["room,floor,price_eur"]
        for i in range(k):
            dear = rng.random() < (0.15 if i == 0 else 0.5)
            rows.append(f"R-{rng.randint(100, 999)},{rng.randint(1, 12)},{rng.randint(520, 900) if dear else rng.randint(40, 480)}")
        first = rows[1].split(","); price = int(first[2])
        run.system("You book meeting rooms: book the first room listed. If that room costs over €500, ask for approval instead.")
        run.user(f"Book a room for {people} people.")
        run.call("search_rooms", {"people": people}, "\n".join(rows))
        if price > 500:
            run.call("ask_approval", {"room": first[0]}, "pending")
            run.say(f"{first[0]} costs over €500; I asked for approval.")
        else:
            run.call("book_room", {"room": first[0]}, "ok")
            run.say(f"Booked {first[0]}.")

class FirstFitCapacity(T):
    """Book the first room whose capacity (last column) fits the party."""
    name = "r14_first_fit_capacity"
    tools: ClassVar = [tool("search_rooms", "Free rooms (CSV, best first)", people="integer"), tool("book_room", "Book", room="string")]
    def play(self, run, fake, rng):
        people = rng.randint(4, 12); k = rng.randint(1, 4)
        rows = ["room,floor,capacity"]; data = []
        for i in range(k):
            cap = rng.randint(2, people - 1) if rng.random() < 0.2 else rng.randint(people, 20)
            r = (f"R-{rng.randint(100, 999)}", rng.randint(1, 12), cap); data.append(r); rows.append(",".join(map(str, r)))
        fit = [r for r in data if r[2] >= people]
        run.system("You book meeting rooms: book the first listed room that seats everyone; if none does, say so.")
        run.user(f"Book a room for {people} people.")
        run.call("search_rooms", {"people": people}, "\n".join(rows))
        if fit:
            run.call("book_room", {"room": fit[0][0]}, "ok"); run.say(f"Booked {fit[0][0]}.")
        else:
            run.say("No listed room seats everyone.")

class TsvAmount5k(T):
    name = "r14_tsv_amount_5k"
    tools: ClassVar = [tool("get_batch", "Payout batch (TSV)", batch_id="string"),
                       tool("release_batch", "Release", batch_id="string"), tool("request_approval", "Approval", batch_id="string")]
    def play(self, run, fake, rng):
        batch = f"po_{rng.getrandbits(32):08x}"; k = rng.randint(1, 4)
        big = rng.randrange(k) if rng.random() < 0.2 else -1
        rows = ["payee\tamount_usd"]
        for i in range(k):
            a = rng.uniform(5200, 19000) if i == big else rng.uniform(100, 4900)
            rows.append(f"{fake.last_name()}\t{a:,.2f}")
        run.system("You run payout batches. Release a batch, unless any transfer is over $5,000: then request approval.")
        run.user(f"Please process batch {batch}.")
        run.call("get_batch", {"batch_id": batch}, "\n".join(rows))
        if big >= 0:
            run.call("request_approval", {"batch_id": batch}, "ok"); run.say(f"Batch {batch} needs a second approval.")
        else:
            run.call("release_batch", {"batch_id": batch}, "ok"); run.say(f"Batch {batch} is released.")

class MdSizeUnits(T):
    name = "r14_md_size_units"
    tools: ClassVar = [tool("attachments", "Attachments (markdown)", draft="string"), tool("send", "Send", draft="string")]
    def play(self, run, fake, rng):
        draft = f"dr_{rng.getrandbits(24):06x}"; k = rng.randint(1, 4)
        big = rng.randrange(k) if rng.random() < 0.2 else -1
        rows = ["| file | size |", "|---|---:|"]
        for i in range(k):
            s = rng.uniform(26, 80) if i == big else rng.uniform(0.1, 20)
            rows.append(f"| {fake.file_name()} | {s:.1f} MB |")
        run.system("You send email drafts. If any attachment is over 25 MB, do not send; say which limit it breaks.")
        run.user(f"Send draft {draft}.")
        run.call("attachments", {"draft": draft}, "\n".join(rows))
        if big >= 0:
            run.say(f"Draft {draft} has an attachment over 25 MB; not sent.")
        else:
            run.call("send", {"draft": draft}, "sent"); run.say(f"Draft {draft} is sent.")

class UnassignedBlank(T):
    name = "r14_unassigned_blank"
    tools: ClassVar = [tool("tickets", "Open tickets (CSV)", queue="string")]
    def play(self, run, fake, rng):
        q = rng.choice(["billing", "ops", "web", "data"]); k = rng.randint(1, 4)
        blank = rng.randrange(k) if rng.random() < 0.2 else -1
        rows = ["ticket,title,assignee"]
        for i in range(k):
            rows.append(f"T-{rng.randint(1000, 9999)},{fake.word()} {fake.word()},{'' if i == blank else fake.name()}")
        run.system("You review queues. If any ticket has no assignee, say so; else say every ticket is owned.")
        run.user(f"Review the {q} queue.")
        run.call("tickets", {"queue": q}, "\n".join(rows))
        run.say(f"The {q} queue has an unassigned ticket." if blank >= 0 else f"Every ticket in {q} is owned.")

class FlightsProse(T):
    name = "r14_flights_prose"
    tools: ClassVar = [tool("flights", "Departures", airport="string")]
    def play(self, run, fake, rng):
        ap = rng.choice(["LHR", "CDG", "FRA", "AMS"]); k = rng.randint(1, 4)
        canc = rng.randrange(k) if rng.random() < 0.2 else -1
        lines = []
        for i in range(k):
            st = "cancelled" if i == canc else rng.choice(["on time", "on time", f"delayed {rng.randint(5, 90)} min"])
            lines.append(f"{rng.choice(['BA', 'AF', 'LH', 'KL'])}{rng.randint(100, 999)} to {fake.city()}, {st}")
        run.system("You watch departures for a traveller. If any flight is cancelled, offer rebooking; else give a short all-clear.")
        run.user(f"Any problems at {ap}?")
        run.call("flights", {"airport": ap}, "\n".join(lines))
        run.say("One flight is cancelled; shall I look at rebooking?" if canc >= 0 else f"No cancellations at {ap}.")

class FirstRowCopyPrice(T):
    name = "r14_first_row_copy_price"
    tools: ClassVar = [tool("search_rooms", "Free rooms (CSV, best first)", people="integer"), tool("book_room", "Book", room="string")]
    def play(self, run, fake, rng):
        people = rng.randint(2, 12); k = rng.randint(1, 4)
        rows = ["room,floor,price_eur"] + [f"R-{rng.randint(100,999)},{rng.randint(1,12)},{rng.randint(40,480)}" for _ in range(k)]
        r, _, p = rows[1].split(",")
        run.system("You book meeting rooms: book the first room listed and say its price.")
        run.user(f"Book a room for {people} people.")
        run.call("search_rooms", {"people": people}, "\n".join(rows))
        run.call("book_room", {"room": r}, "ok")
        run.say(f"Booked {r} for €{p}.")

class LastRowNewest(T):
    name = "r14_last_row_newest"
    tools: ClassVar = [tool("orders", "Orders (CSV, oldest first)", customer="string")]
    def play(self, run, fake, rng):
        cust = fake.user_name(); k = rng.randint(1, 4)
        rows = ["order,total,status"] + [f"A{rng.randint(10000, 99999)},{rng.randint(10, 300)},{rng.choice(['shipped', 'delivered'])}" for _ in range(k)]
        last = rows[-1].split(",")[0]
        run.system("You answer order questions. The list is oldest first.")
        run.user(f"What's the latest order of {cust}?")
        run.call("orders", {"customer": cust}, "\n".join(rows))
        run.say(f"The latest order is {last}.")

class UserPastedCsv(T):
    name = "r14_user_pasted_csv"
    tools: ClassVar = [tool("invite", "Invite people", emails="string")]
    def play(self, run, fake, rng):
        k = rng.randint(1, 4)
        ppl = [(fake.name(), fake.email()) for _ in range(k)]
        run.system("You send calendar invites.")
        run.user("Invite these people to the kickoff:\n" + "\n".join(f"{n}, {e}" for n, e in ppl))
        run.call("invite", {"emails": ";".join(e for _, e in ppl)}, "ok")
        run.say(f"Invited {k} people.")

class JsonStringAmount(T):
    name = "r14_json_string_amount"
    tools: ClassVar = [tool("get_batch", "A payout batch", batch_id="string"),
                       tool("release_batch", "Release", batch_id="string"), tool("request_approval", "Approval", batch_id="string")]
    def play(self, run, fake, rng):
        batch = f"po_{rng.getrandbits(32):08x}"; k = rng.randint(1, 4)
        big = rng.randrange(k) if rng.random() < 0.2 else -1
        transfers = [{"to": fake.iban(), "amount": f"{rng.uniform(1200, 9000) if i == big else rng.uniform(5, 950):.2f}", "currency": "USD"} for i in range(k)]
        run.system("You run payout batches. Release a batch, unless any transfer in it is over $1,000: then request a second approval.")
        run.user(f"Please process batch {batch}.")
        run.call("get_batch", {"batch_id": batch}, {"id": batch, "transfers": transfers})
        if big >= 0:
            run.call("request_approval", {"batch_id": batch}, {"ok": True}); run.say(f"Batch {batch} needs a second approval.")
        else:
            run.call("release_batch", {"batch_id": batch}, {"ok": True}); run.say(f"Batch {batch} is released.")

class JsonLatency(T):
    name = "r14_json_latency"
    tools: ClassVar = [tool("endpoints", "Endpoint health", service="string")]
    def play(self, run, fake, rng):
        svc = rng.choice(["auth", "cart", "search", "feed"]); k = rng.randint(1, 4)
        slow = rng.randrange(k) if rng.random() < 0.2 else -1
        eps = [{"path": f"/{fake.word()}", "p99_latency_ms": rng.randint(800, 3000) if i == slow else rng.randint(20, 450)} for i in range(k)]
        run.system("You watch services. If any endpoint's p99 latency is over 500 ms, open an incident; else say healthy.")
        run.user(f"How is {svc}?")
        run.call("endpoints", {"service": svc}, {"service": svc, "endpoints": eps})
        run.say(f"{svc} has a slow endpoint; opening an incident." if slow >= 0 else f"{svc} is healthy.")

class HeaderVaries(T):
    name = "r14_header_varies"
    tools: ClassVar = [tool("desks", "Desks (markdown)", floor="integer")]
    def play(self, run, fake, rng):
        floor = rng.randint(1, 9); k = rng.randint(1, 4)
        rows = ["| desk | state | monitor |", "|---|---|---|"] if rng.random() < 0.5 else ["| desk | state |", "|---|---|"]
        wide = rows[0].count("|") == 4
        firstclosed = rng.random() < 0.2
        for i in range(k):
            st = "closed" if (i == 0 and firstclosed) else rng.choice(["open", "reserved", "closed"] if i else ["open", "reserved"])
            rows.append(f"| D{floor}-{rng.randint(10, 99)} | {st} |" + (f" {rng.choice(['yes', 'no'])} |" if wide else ""))
        c = rows[2].split("|"); first, st = c[1].strip(), c[2].strip()
        run.system("You help people find a desk. Offer the first desk listed, unless it is closed: then apologise.")
        run.user(f"Any desk on floor {floor}?")
        run.call("desks", {"floor": floor}, "\n".join(rows))
        run.say(f"Sorry, desk {first} is closed for cleaning." if st == "closed" else f"Desk {first} is yours.")

ALL2 = [FirstRowPrice2, FirstFitCapacity, TsvAmount5k, MdSizeUnits, UnassignedBlank, FlightsProse, FirstRowCopyPrice,
        LastRowNewest, UserPastedCsv, JsonStringAmount, JsonLatency, HeaderVaries]
ALL = ALL + ALL2

# ---------------- batch 3 ----------------
MSGS_OK = ["Started worker pool", "Cache warmed", "Health check passed", "Connected to db primary",
           "Flushed metrics", "Rotated session keys", "Scheduled job finished", "Accepted connection from gateway"]
MSGS_ERR = ["Connection refused by db primary", "Out of memory in worker", "Payment webhook failed"]

class LogTailErrors(T):
    """A service log (Java-style timestamps: one comma per line, the milliseconds). Any ERROR -> incident."""
    name = "r14_log_tail_errors"
    tools: ClassVar = [tool("tail_log", "Last log lines", service="string"), tool("open_incident", "Open incident", service="string")]
    def play(self, run, fake, rng):
        svc = rng.choice(["auth", "cart", "search", "feed"]); k = rng.randint(2, 6)
        err = rng.randrange(k) if rng.random() < 0.2 else -1
        lines = []
        for i in range(k):
            lvl, msg = ("ERROR", rng.choice(MSGS_ERR)) if i == err else (rng.choice(["INFO", "INFO", "WARN"]), rng.choice(MSGS_OK))
            lines.append(f"2026-12-07 {rng.randint(10, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)},{rng.randint(100, 999)} {lvl} [main] {msg}")
        run.system("You watch services. Read the log; if any line is an ERROR, open an incident; else say the service is healthy.")
        run.user(f"How is {svc} doing?")
        run.call("tail_log", {"service": svc}, "==> /var/log/app.log <==\n" + "\n".join(lines))
        if err >= 0:
            run.call("open_incident", {"service": svc}, "INC opened"); run.say(f"{svc} logged an error; I opened an incident.")
        else:
            run.say(f"{svc} is healthy.")

class BudgetFirstRow(T):
    """Book the first room if its price (last column) is within the user's budget."""
    name = "r14_budget_first_row"
    tools: ClassVar = [tool("search_rooms", "Free rooms (CSV, best first)", people="integer"), tool("book_room", "Book", room="string")]
    def play(self, run, fake, rng):
        people = rng.randint(2, 12); budget = rng.choice([150, 200, 250, 300, 400]); k = rng.randint(1, 4)
        rows = ["room,floor,price_eur"] + [f"R-{rng.randint(100,999)},{rng.randint(1,12)},{rng.randint(60, budget) if rng.random() < 0.8 else rng.randint(budget + 1, 600)}" for _ in range(k)]
        r, _, p = rows[1].split(",")
        run.system("You book meeting rooms: book the first room listed if it fits the user's budget; otherwise say it does not.")
        run.user(f"Book a room for {people} people, budget €{budget}.")
        run.call("search_rooms", {"people": people}, "\n".join(rows))
        if int(p) <= budget:
            run.call("book_room", {"room": r}, "ok"); run.say(f"Booked {r}.")
        else:
            run.say(f"The first room, {r}, is over your €{budget} budget.")

class SemicolonEuroDecimal(T):
    """European CSV: ';' delimiter, decimal comma. Over €1000 in any row -> approval."""
    name = "r14_semicolon_euro"
    tools: ClassVar = [tool("expenses", "Expense lines (CSV)", report="string"),
                       tool("approve", "Approve", report="string"), tool("escalate", "Escalate", report="string")]
    def play(self, run, fake, rng):
        rep = f"ER-{rng.randint(1000, 9999)}"; k = rng.randint(1, 4)
        big = rng.randrange(k) if rng.random() < 0.2 else -1
        rows = ["Datum;Beschreibung;Betrag"]
        for i in range(k):
            a = rng.uniform(1100, 4000) if i == big else rng.uniform(5, 900)
            rows.append(f"2026-11-{rng.randint(10, 28)};{rng.choice(['Taxi', 'Hotel', 'Essen', 'Bahn'])};{a:.2f}".replace(".", ",", 1) if False else
                        f"2026-11-{rng.randint(10, 28)};{rng.choice(['Taxi', 'Hotel', 'Essen', 'Bahn'])};{f'{a:.2f}'.replace('.', ',')} EUR")
        run.system("You process expense reports. Approve unless any line is over 1000 EUR: then escalate.")
        run.user(f"Process {rep}.")
        run.call("expenses", {"report": rep}, "\n".join(rows))
        if big >= 0:
            run.call("escalate", {"report": rep}, "ok"); run.say(f"{rep} escalated: a line is over 1000 EUR.")
        else:
            run.call("approve", {"report": rep}, "ok"); run.say(f"{rep} approved.")

class CsvStatusControl(T):
    """Control: status column (closed words) last; nothing after the first row decides; book the first."""
    name = "r14_csv_status_control"
    tools: ClassVar = [tool("search_rooms", "Free rooms (CSV, best first)", people="integer"), tool("book_room", "Book", room="string")]
    def play(self, run, fake, rng):
        people = rng.randint(2, 12); k = rng.randint(1, 4)
        rows = ["room,floor,price_eur,checked_at"] + [f"R-{rng.randint(100,999)},{rng.randint(1,12)},{rng.randint(40,480)},{fake.iso8601()}" for _ in range(k)]
        r = rows[1].split(",")[0]
        run.system("You book meeting rooms: book the first room listed.")
        run.user(f"Book a room for {people} people.")
        run.call("search_rooms", {"people": people}, "\n".join(rows))
        run.call("book_room", {"room": r}, "ok"); run.say(f"Booked {r}.")

ALL3 = [LogTailErrors, BudgetFirstRow, SemicolonEuroDecimal, CsvStatusControl]
ALL = ALL + ALL3

class AccessLogErrors(T):
    """Access log lines (one comma each: the milliseconds). Any 5xx -> incident. First line always a 200."""
    name = "r14_access_log_5xx"
    tools: ClassVar = [tool("tail_log", "Last log lines", service="string"), tool("open_incident", "Open incident", service="string")]
    def play(self, run, fake, rng):
        svc = rng.choice(["auth", "cart", "search", "feed"]); k = rng.randint(2, 6)
        err = rng.randrange(1, k) if rng.random() < 0.25 else -1
        lines = []
        for i in range(k):
            code = rng.choice([500, 502, 503]) if i == err else rng.choice([200, 200, 201, 204, 304, 404])
            lines.append(f"2026-12-07 {rng.randint(10, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)},{rng.randint(100, 999)} "
                         f"{rng.choice(['GET', 'POST'])} /api/{fake.word()}/{rng.randint(1, 9999)} {code} {rng.randint(2, 900)}ms")
        run.system("You watch services. Read the access log; if any request failed with a 5xx status, open an incident; else say the service is healthy.")
        run.user(f"How is {svc} doing?")
        run.call("tail_log", {"service": svc}, "==> /var/log/access.log <==\n" + "\n".join(lines))
        if err >= 0:
            run.call("open_incident", {"service": svc}, "INC opened"); run.say(f"{svc} is failing requests; I opened an incident.")
        else:
            run.say(f"{svc} is healthy.")
ALL.append(AccessLogErrors)

class LatestReadingFever(T):
    """Temperature readings, oldest first; the answer turns on the LATEST (last row) only."""
    name = "r14_latest_reading"
    tools: ClassVar = [tool("readings", "Temperature log (CSV, oldest first)", patient="string")]
    def play(self, run, fake, rng):
        pid = f"P-{rng.randint(1000, 9999)}"; k = rng.randint(1, 4)
        rows = ["time,temp_c"]; t = 6
        for i in range(k):
            t += rng.randint(1, 3)
            hot = rng.random() < (0.15 if i == k - 1 else 0.5)
            rows.append(f"{t:02d}:00,{rng.uniform(38.1, 40.0) if hot else rng.uniform(36.2, 37.9):.1f}")
        last = float(rows[-1].split(",")[1])
        run.system("You help a ward nurse. Look at the latest reading only: if it is over 38.0 C, say the patient has a fever now; else say the temperature is normal now.")
        run.user(f"How is {pid}?")
        run.call("readings", {"patient": pid}, "\n".join(rows))
        run.say(f"{pid} has a fever now." if last > 38.0 else f"{pid}'s temperature is normal now.")
ALL.append(LatestReadingFever)
