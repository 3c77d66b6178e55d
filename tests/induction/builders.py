"""Build ``StoredRecord`` values straight from record dicts: moved to ``evals.builders`` (doctests
of production code use them); re-exported here for the tests that import them from here."""

from evals.builders import hello_records, stored

__all__ = ["hello_records", "stored"]
