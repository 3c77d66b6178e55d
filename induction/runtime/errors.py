"""Why a request is not answered from the tree.

A miss is not an error of the tree: it is the runtime declining to answer. These
exceptions never leave :meth:`CompiledTree.lookup`, which turns them into ``None``;
they exist so callers that evaluate pieces directly (the Deriver, verify) learn why.

    RoteError (rote.errors)
    ├── TemplateError            a template, expression or compiled tree is malformed
    │   └── CycleError           a bindings graph has a cycle
    └── Miss                     this request cannot be answered (``reason``)
        ├── EvalError            a DSL expression failed on these values
        └── DerivationError      a derivation failed, timed out or returned a non-JSON value

>>> str(DerivationError("first", "timed out"))
'derivation of first: timed out'
"""

from __future__ import annotations

from rote.errors import RoteError


class Miss(RoteError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class EvalError(Miss):
    """A DSL expression cannot be evaluated on these values (wrong type, bad index, ...)."""


class DerivationError(Miss):
    def __init__(self, var: str, reason: str) -> None:
        super().__init__(f"derivation of {var}: {reason}")
        self.var = var
