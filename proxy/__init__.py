"""The rote proxy: an OpenAI-compatible endpoint that answers learned requests from
the published template tree and forwards everything else to the upstream model.

Dependencies go one way: ``config``, ``errors`` and ``metrics`` import nothing from
the package; ``app`` sits on top. Only ``induction.runtime``, ``induction.hashing``,
``induction.publish`` and ``rote`` are imported from the rest of the project.
"""
