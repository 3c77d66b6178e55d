"""Prometheus metrics, in a registry owned by one app (never the process-global one)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest

# The proxy's own time on a hit is tens of microseconds; misses include the model.
HIT_BUCKETS = (0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.05)
MISS_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)


class Metrics:
    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = r = CollectorRegistry(auto_describe=True)
        self.requests = Counter("rote_proxy_requests", "Chat completion requests by X-Cache result",
                                ["cache"], registry=r)
        self.upstream_errors = Counter("rote_proxy_upstream_errors", "Upstream failures by kind",
                                       ["kind"], registry=r)
        self.lookup_errors = Counter("rote_proxy_lookup_errors",
                                     "Lookups that raised (served as misses)", registry=r)
        self.bad_requests = Counter("rote_proxy_bad_requests", "Requests refused by the proxy",
                                    ["status"], registry=r)
        self.spool_written = Counter("rote_proxy_spool_written", "Records written to the spool",
                                     ["kind"], registry=r)
        self.spool_dropped = Counter("rote_proxy_spool_dropped",
                                     "Records dropped because the spool queue was full", ["kind"], registry=r)
        self.spool_invalid = Counter("rote_proxy_spool_invalid",
                                     "Upstream answers that could not be turned into a record", registry=r)
        self.feedback = Counter("rote_proxy_feedback", "Feedback reports", ["ok"], registry=r)
        self.hit_seconds = Histogram("rote_proxy_hit_seconds", "The proxy's own time on a hit",
                                     buckets=HIT_BUCKETS, registry=r)
        self.miss_seconds = Histogram("rote_proxy_miss_seconds", "Time to the last byte of a miss",
                                      buckets=MISS_BUCKETS, registry=r)
        self.tree = Info("rote_proxy_tree", "The template tree being served", registry=r)
        self.tree_reloads = Counter("rote_proxy_tree_reloads", "Tree loads by result", ["result"], registry=r)
        # Bounded label sets (``proxy.usage``): the first N node ids, the rest as "other".
        self.template_hits = Counter("rote_proxy_template_hits", "Hits by template node served",
                                     ["node"], registry=r)
        self.template_misses = Counter("rote_proxy_template_misses",
                                       "Misses by the deepest template node reached ('root': none)",
                                       ["node"], registry=r)
        self.spool_queue = Gauge("rote_proxy_spool_queue", "Records waiting to be written", registry=r)
        # Children bound once: ``labels()`` costs a dict lookup and a lock per call.
        self.hits = self.requests.labels("HIT")
        self.misses = self.requests.labels("MISS")
        self.bypasses = self.requests.labels("BYPASS")
        self.tree.info({"version": ""})

    def render(self) -> bytes:
        return generate_latest(self.registry)
