"""Whether an induction run has anything to do: the incremental rule.

A run induces when asked for a full rebuild, when nothing is published at the
destination yet, when records arrived since the last successful run (the store's
``seq``), or when what else decides the tree changed: the induction settings, the
nodes merged on request, the nodes disabled by feedback. Otherwise it stops.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import orjson
from pydantic import BaseModel

from flows.settings import FlowSettings
from flows.spool import disabled_nodes
from induction.config import InductionConfig
from induction.publish import Publisher

LAST_SEQ_KEY = "last_induced_seq"
FINGERPRINT_KEY = "last_induced_config"
PUBLISHED_KEY = "last_published_version"
FORCE_MERGE_KEY = "force_merge"


class Plan(BaseModel):
    induce: bool
    reason: str
    records: int
    max_seq: int
    fingerprint: str
    force_merge: list[str]
    disabled: list[str]
    current_version: str | None
    live_before: int | None


def fingerprint(config: InductionConfig, disabled: Sequence[str]) -> str:
    """What decides the induced tree besides the records (a changed config re-induces).

    >>> fingerprint(InductionConfig(), []) == fingerprint(InductionConfig(), [])
    True
    """
    data = config.model_dump(mode="json")
    data["force_merge"] = sorted(config.force_merge)
    data["disabled"] = sorted(disabled)
    return hashlib.sha256(orjson.dumps(data, option=orjson.OPT_SORT_KEYS)).hexdigest()[:16]


def decide(settings: FlowSettings, config: InductionConfig, *, full: bool = False,
           extra_merge: Sequence[str] = ()) -> Plan:
    """The plan for a run with ``config`` (plus ``extra_merge`` nodes to merge), from the store's
    bookkeeping and the destination's ``current``."""
    publisher = Publisher(settings.publish_url)
    current = publisher.current()
    live_before = None
    if current is not None:
        live = publisher.manifest(current).stats.get("live")
        live_before = int(live) if isinstance(live, int) else None
    with settings.open_store(read_only=True) as store:
        records = int(store.stats()["records"])
        seq = store.max_seq()
        forced = sorted(set(orjson.loads(store.get_kv(FORCE_MERGE_KEY) or "[]")) | set(extra_merge))
        disabled = disabled_nodes(store)
        last_seq, last_fp = store.get_kv(LAST_SEQ_KEY), store.get_kv(FINGERPRINT_KEY)
    fp = fingerprint(config.model_copy(update={"force_merge": config.force_merge | frozenset(forced)}), disabled)
    if records == 0:
        # A scheduled run on a fresh install (no traffic recorded yet) has nothing to do: it
        # is skipped, not failed night after night. ``rote induce`` says so as an error first.
        return Plan(induce=False, reason=f"no records to induce from yet in {settings.home.store_path}",
                    records=0, max_seq=seq, fingerprint=fp, force_merge=forced, disabled=disabled,
                    current_version=current, live_before=live_before)
    if full:
        reason = "full rebuild requested"
    elif current is None:
        reason = "nothing published yet at the destination"
    elif last_seq is None or int(last_seq) != seq:
        reason = f"new records (seq {last_seq or 0} -> {seq})"
    elif last_fp != fp:
        reason = "induction settings or disabled nodes changed"
    else:
        return Plan(induce=False, reason="no new records since the last run", records=records, max_seq=seq,
                    fingerprint=fp, force_merge=forced, disabled=disabled, current_version=current,
                    live_before=live_before)
    return Plan(induce=True, reason=reason, records=records, max_seq=seq, fingerprint=fp, force_merge=forced,
                disabled=disabled, current_version=current, live_before=live_before)
