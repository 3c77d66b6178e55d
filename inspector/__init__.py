"""Seeing the cache: which templates a published tree holds, why a request missed, and a
web inspector over both (``rote templates``, ``rote why``, ``rote ui``, ``rote serve --ui``).

Reads a compiled tree (``induction.runtime``), the notes induction published beside it
(``notes.json``) and, inside a proxy, its counters. Never the store, Prefect or the stages:
the web inspector runs inside the proxy process.
"""
