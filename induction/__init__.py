"""rote's library: data model, store, tree, template runtime, induction stages.

Nothing here imports Prefect; ``induction.runtime`` is the only part the proxy loads.
"""
