"""rote: learn repetitive LLM agent steps from recorded traffic and replay them without a model.

This package holds only what every other package shares: the error root, the
settings (where local state lives) and the ``rote`` command line.
"""

__version__ = "0.1.0"
