"""Adversarial workflows, family A (tool results), a value's parts: a JSON tool result holds one
value (an address, an email, a file name, an amount) and a part of it, named by the system
prompt or shared by every training value, decides the next step. A reviewer's traps
(``docs/review/traps22``, written as bare results), with the value in a JSON field; seeded by
the reviewer's names.

The field is data (many distinct values, one answer), so only the checks on its value stop
these: ``fixed-words`` (a part or a fragment the prompt names), ``copied-affixes`` (what every
training value shared; a copied number's magnitude) and ``rivals`` (a value copied whole, not
a part plus a literal every example happened to share). The code before them served 3-29 false
hits per workflow over 8 seed pairs at 3 and 8 runs.
"""

from __future__ import annotations

import random
from typing import Any, ClassVar

from faker import Faker

from evals.workflows.adversarial.base import Adversarial
from evals.workflows.base import Run, tool

# One request in eight takes the branch the prompt singles out.
P_SINGLED_OUT = 0.12


class IpOutsideNetwork(Adversarial):
    """A host resolves to an IPv4 address; one outside the company's 10.0.0.0/8 means a hijacked
    DNS record: report it, do not scan.

    Trap: the address is read, not copied (``scan(host=...)``): many distinct addresses make it
    data, and ``104.57.251.158`` is served ``scan``. Every training address started "10.", but
    ``copied-affixes`` checks values an answer copies or computes from, not every value it reads.
    Checking every value in scope (its prefix, suffix, first letters and punctuation; no
    magnitude) fixed it at 3, 5 and 8 runs in the eighteenth session, and cost default 58.2 ->
    57.3% after 5 runs (47.9% after 3, one pair 41.5 -> 34.3%), realistic 30.6 -> 29.8%, Loghub
    96.3 -> 96.2%: noise shares affixes by chance. Not kept.
    """

    name = "ip_outside_network"
    reviewer_name = "r22_bare_ip_unread"
    family = "A"
    guards = ("copied-affixes",)
    known_limit = ("a value the answer reads but does not copy keeps no affixes: an address outside every "
                   "subnet seen is served the scan")
    description = "An IP outside the prompt's network (read, not copied) decides a DNS-hijack report."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("resolve", "Resolve a hostname to its IPv4 address", host="string"),
        tool("scan", "Vulnerability scan of a host", host="string"),
        tool("report_dns", "Report DNS hijack", host="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        host = f"{rng.choice(['web', 'db', 'cache', 'queue', 'auth'])}-{rng.randint(1, 40):02d}.corp.example"
        bad = rng.random() < P_SINGLED_OUT
        ip = (f"{rng.choice([52, 185, 104, 34])}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
              if bad else f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}")
        run.system("You run weekly scans. Resolve the host first: our hosts live in 10.0.0.0/8. If it resolves to "
                   "any other address the DNS record was hijacked: report it and do not scan.")
        run.user(f"Scan {host}.")
        run.call("resolve", {"host": host}, {"host": host, "ipv4": ip, "ttl": rng.randint(60, 3600)})
        if bad:
            run.call("report_dns", {"host": host}, "ok")
            run.say(f"{host} resolves outside our network; reported.")
        else:
            run.call("scan", {"host": host}, "queued")
            run.say(f"Scan of {host} queued.")


class NoreplySender(Adversarial):
    """A ticket's requester is an email; automated senders (noreply, no-reply, mailer-daemon)
    are never replied to.

    Trap: the domains vary, the local parts too: no affix is shared, and ``noreply@…`` was
    served ``send_reply``. The prompt names the words: ``fixed-words`` counts a one-token value's
    parts ("noreply", "reply", "mailer", "daemon").
    """

    name = "noreply_sender"
    reviewer_name = "r22_bare_email_noreply"
    family = "A"
    guards = ("fixed-words",)
    description = "A requester email whose local part the prompt names as automated decides a reply."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("ticket_requester", "Email of a ticket's requester", ticket="string"),
        tool("send_reply", "Email a reply", to="string", body="string"),
        tool("close_ticket", "Close", ticket="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        t = f"T-{rng.randint(1000, 9999)}"
        bot = rng.random() < P_SINGLED_OUT
        email = f"{rng.choice(['noreply', 'no-reply', 'mailer-daemon'])}@{fake.domain_name()}" if bot else fake.email()
        run.system("You answer support tickets by email. Never reply to automated senders (noreply, no-reply, "
                   "mailer-daemon addresses): close those tickets instead.")
        run.user(f"Answer ticket {t}: tell them the fix is live.")
        run.call("ticket_requester", {"ticket": t}, {"ticket": t, "requester": email, "channel": "email"})
        if bot:
            run.call("close_ticket", {"ticket": t}, "ok")
            run.say(f"{t} came from an automated sender; closed.")
        else:
            run.call("send_reply", {"to": email, "body": "The fix is live."}, "sent")
            run.say(f"Replied to {email}.")


class PciSubnetNamed(Adversarial):
    """A host's IPv4 address is copied into ``ssh_exec``; hosts in 10.50.0.0/16 are the PCI
    segment: open a change request instead.

    Trap: training hosts lie in many other 10.x subnets, so only "10." is shared, and
    ``10.50.246.24`` was served ``ssh_exec``. The prompt names the subnet: a value closer to
    one of its fragments than any training value (``fixed-words``) is a miss.
    """

    name = "pci_subnet_named"
    reviewer_name = "r22_bare_ipv4_subnet"
    family = "A"
    guards = ("fixed-words",)
    description = "An IP in the subnet the prompt names (other subnets of 10.x vary) decides a change request."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("host_ip", "IPv4 of a host", host="string"),
        tool("ssh_exec", "Run a command over ssh", ip="string", command="string"),
        tool("open_change", "Change request", host="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        host = f"{rng.choice(['app', 'db', 'batch', 'pay'])}{rng.randint(1, 60)}"
        pci = rng.random() < P_SINGLED_OUT
        b = 50 if pci else rng.choice([x for x in range(1, 100) if x != 50])
        ip = f"10.{b}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        run.system("You patch servers over ssh. Hosts in 10.50.0.0/16 are the PCI segment: never ssh there, open a "
                   "change request. Patch every other host directly.")
        run.user(f"Patch {host}.")
        run.call("host_ip", {"host": host}, {"host": host, "ip": ip, "os": rng.choice(["ubuntu-22.04", "debian-12"])})
        if pci:
            run.call("open_change", {"host": host}, "CHG-77")
            run.say(f"{host} is in the PCI segment; change requested.")
        else:
            run.call("ssh_exec", {"ip": ip, "command": "apt-get -y upgrade"}, "done")
            run.say(f"Patched {host}.")


class VmMacPrefixNamed(Adversarial):
    """A device's MAC address is copied into ``provision``; the VMware prefix 00:50:56 marks
    a virtual machine: reject it.

    Trap: four approved vendors' prefixes vary in training (one starts "00:" too), and
    ``00:50:56:…`` was served ``provision``. The prompt names the prefix (``fixed-words``
    fragments).
    """

    name = "vm_mac_prefix_named"
    reviewer_name = "r22_bare_mac_vendor"
    family = "A"
    guards = ("fixed-words",)
    known_limit = ("two runs may both be VMs: their shared 00:50:56 is kept from three distinct values only, "
                   "and every other MAC is served the rejection")
    description = "A MAC with the vendor prefix the prompt names decides a rejection."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("device_mac", "MAC address of a device", serial="string"),
        tool("provision", "Provision on the hardware VLAN", mac="string"),
        tool("reject", "Reject", serial="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        serial = f"SN{rng.randint(100000, 999999)}"
        vm = rng.random() < P_SINGLED_OUT
        oui = "00:50:56" if vm else rng.choice(["00:1b:63", "f0:18:98", "3c:22:fb", "00:25:90"])
        mac = oui + "".join(f":{rng.randint(0, 255):02x}" for _ in range(3))
        run.system("You provision hardware. MACs with the VMware prefix 00:50:56 are virtual machines: reject them. "
                   "Provision every other device.")
        run.user(f"Provision device {serial}.")
        run.call("device_mac", {"serial": serial}, {"serial": serial, "mac": mac, "port": rng.randint(1, 48)})
        if vm:
            run.call("reject", {"serial": serial}, "ok")
            run.say("That is a VM MAC; rejected.")
        else:
            run.call("provision", {"mac": mac}, "ok")
            run.say(f"{serial} provisioned.")


class ExecutableAttachment(Adversarial):
    """An attachment's file name is opened; executables (.exe, .js, .scr) go to quarantine.

    Trap: four document types leave no shared suffix, and ``report_12.exe`` or
    ``notes_7.pdf.exe`` was served ``open_document``. The prompt names the extensions: a part
    of the name equal to one is a miss (``fixed-words``), as is a second "." no training name
    had (``copied-affixes``).
    """

    name = "executable_attachment"
    reviewer_name = "r22_bare_ext_mixed"
    family = "A"
    guards = ("fixed-words", "copied-affixes")
    description = "A file name whose extension the prompt names as executable decides a quarantine."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("attachment", "File name of a message's attachment", message="string"),
        tool("open_document", "Open a document", name="string"),
        tool("quarantine", "Quarantine", message="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        msg = f"msg_{rng.getrandbits(40):010x}"
        bad = rng.random() < P_SINGLED_OUT
        stem = f"{fake.word()}_{rng.randint(100, 9999)}"
        ext = rng.choice(["exe", "js", "pdf.exe", "scr"]) if bad else rng.choice(["pdf", "docx", "xlsx", "csv"])
        name = f"{stem}.{ext}"
        run.system("You file attachments. Open documents (pdf, docx, xlsx, csv); anything executable (.exe, .js, "
                   ".scr) goes to quarantine unopened.")
        run.user(f"File the attachment of {msg}.")
        run.call("attachment", {"message": msg}, {"message": msg, "filename": name, "bytes": rng.randint(2000, 900000)})
        if bad:
            run.call("quarantine", {"message": msg}, "ok")
            run.say(f"{name} is executable; quarantined.")
        else:
            run.call("open_document", {"name": name}, "opened")
            run.say(f"Filed {name}.")


class ChargeOverLimit(Adversarial):
    """A cart's total is copied into ``charge``; totals above 1000.00 need a manager first.

    Trap: a copied amount is data with no range (ranges are for values no answer copies), and
    ``2961.68`` was served ``charge`` where every training total was below 950. A copied
    number keeps the most integer digits training showed (``copied-affixes``' magnitude); over
    two runs (totals of four digits seen) it is the 1000.00 the prompt names that draws the line
    (``named-numbers``).
    """

    name = "charge_over_limit"
    reviewer_name = "r22_bare_amount_copied"
    family = "A"
    guards = ("copied-affixes", "named-numbers")
    description = "A total copied into a charge, past a limit the prompt states, decides an approval."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("quote", "Total of a cart", cart="string"),
        tool("charge", "Charge the card", cart="string", amount="number"),
        tool("request_approval", "Manager approval", cart="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        cart = f"cart_{rng.getrandbits(32):08x}"
        big = rng.random() < P_SINGLED_OUT
        amt = round(rng.uniform(1000.5, 9000), 2) if big else round(rng.uniform(5, 950), 2)
        run.system("You check out carts. Charges above 1000.00 need a manager's approval first; charge smaller "
                   "totals directly.")
        run.user(f"Check out {cart}.")
        run.call("quote", {"cart": cart}, {"cart": cart, "total": f"{amt:.2f}", "currency": "USD"})
        if big:
            run.call("request_approval", {"cart": cart}, "pending")
            run.say(f"{amt:.2f} needs approval; requested.")
        else:
            run.call("charge", {"cart": cart, "amount": amt}, "ok")
            run.say(f"Charged {amt:.2f}.")


class RegionalEmailRepo(Adversarial):
    """A repo's requested owner is an email; staff addresses are @acme.com or a regional
    @uk.acme.com, anything else needs a security review. The closing sentence names the repo.

    Trap: ``acme.com`` is shared after "@" or after a region's "." (a boundary suffix), and the
    repos of two grants both ended "-api": the sentence was "first part + -api", and
    ``hotel-web`` was answered "admin of hotel-api." (``rivals``: the repo copied whole, the
    narrow reading a rival).
    """

    name = "regional_email_repo"
    reviewer_name = "r22_bare_email_subdomain"
    family = "A"
    guards = ("copied-affixes", "rivals")
    known_limit = ("a copied email keeps its domain from three distinct values: over two runs an outside "
                   "address is granted admin")
    description = "An owner email's domain decides a grant; the answer names the repo whole."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("repo_owner", "Email of a repo's requested owner", repo="string"),
        tool("grant_admin", "Grant admin", email="string"),
        tool("request_review", "Security review", email="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        repo = f"{fake.word()}-{rng.choice(['api', 'web', 'infra'])}"
        ext = rng.random() < P_SINGLED_OUT
        local = f"{fake.first_name().lower()}.{fake.last_name().lower()}"
        dom = (rng.choice(["gmail.com", "acme-partners.com", "outlook.com"]) if ext
               else rng.choice(["acme.com", "acme.com", "uk.acme.com", "de.acme.com", "us.acme.com"]))
        email = f"{local}@{dom}"
        run.system("You manage repository admins. Staff addresses are @acme.com, including regional ones such as "
                   "@uk.acme.com: grant them admin. Any other domain needs a security review first.")
        run.user(f"Make the requested owner of {repo} an admin.")
        run.call("repo_owner", {"repo": repo}, {"repo": repo, "requested_owner": email})
        if ext:
            run.call("request_review", {"email": email}, "pending")
            run.say(f"{email} is external; review requested.")
        else:
            run.call("grant_admin", {"email": email}, "ok")
            run.say(f"{email} is now admin of {repo}.")


class TestOrderPrefix(Adversarial):
    """A customer's latest order id is a 6-digit number; ids starting with 9 are QA test
    orders: discard them.

    Trap: training ids start with any of 1-8; ``934078`` was served ``ship``. A first digit no
    training id had is as likely as any for random ids (eight of nine show over twenty), so
    no first-digit set is kept: only the prompt's words tell, which is the StructureJudge's.
    """

    name = "test_order_prefix"
    reviewer_name = "r22_bare_order_test_prefix"
    family = "A"
    guards = ("copied-affixes",)
    known_limit = ("a first digit the prompt singles out (\"starting with 9\") among random ids: no count of "
                   "training ids tells it from chance")
    description = "An order id's first digit, named by the prompt, decides a discard."
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("last_order", "Latest order id of a customer", customer="string"),
        tool("ship", "Ship an order", order_id="string"),
        tool("discard_test", "Discard test order", order_id="string")]

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        cust = fake.user_name()
        test = rng.random() < P_SINGLED_OUT
        oid = str(rng.randint(900000, 999999) if test else rng.randint(100000, 899999))
        run.system("You ship orders. Order ids starting with 9 are QA test orders: discard them, never ship. Ship "
                   "every other order.")
        run.user(f"Ship {cust}'s latest order.")
        run.call("last_order", {"customer": cust}, {"customer": cust, "order_id": oid, "items": rng.randint(1, 5)})
        if test:
            run.call("discard_test", {"order_id": oid}, "ok")
            run.say(f"{oid} is a test order; discarded.")
        else:
            run.call("ship", {"order_id": oid}, "label created")
            run.say(f"Order {oid} shipped.")
