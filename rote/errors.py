"""The one error root of rote, with a short tree of data-carrying subclasses.

    RoteError
    ├── IngestError            a record that cannot be ingested (line number, reason)
    ├── StoreError             the trajectory store cannot be opened or is locked
    │   └── StoreLockedError   another process holds the DuckDB file
    ├── TemplateError          a template or compiled tree is malformed
    │   └── CycleError         a bindings graph has a cycle (the cycle named)
    ├── SandboxError           the sandbox itself failed (not the submitted code)
    │   └── PolicyViolation    submitted code refused by the static policy
    ├── InductionError         an induction stage could not produce a valid result
    │   └── LLMError           the model failed, or kept answering out of schema
    └── PublishError           a published tree cannot be written or read

``ValueError`` stays for bad arguments to a function.
"""

from __future__ import annotations


class RoteError(Exception):
    """Root of every error rote raises on purpose."""


class IngestError(RoteError):
    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


class StoreError(RoteError):
    pass


class StoreLockedError(StoreError):
    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            f"the trajectory store {path} is in use by another process "
            f"(DuckDB allows one writer); retry when it finishes. ({detail})"
        )
        self.path = path
        self.detail = detail  # who holds it (pid and command line) and how long we waited


class TemplateError(RoteError):
    pass


class CycleError(TemplateError):
    def __init__(self, cycle: list[str]) -> None:
        super().__init__("bindings graph has a cycle: " + " -> ".join([*cycle, cycle[0]]))
        self.cycle = cycle


class SandboxError(RoteError):
    """The sandbox failed (could not start, died, protocol error), not the code in it."""


class PolicyViolation(SandboxError):
    def __init__(self, rule: str, detail: str, line: int | None = None) -> None:
        where = f" (line {line})" if line is not None else ""
        super().__init__(f"refused by policy [{rule}]{where}: {detail}")
        self.rule = rule
        self.detail = detail
        self.line = line


class InductionError(RoteError):
    pass


class LLMError(InductionError):
    pass


class PublishError(RoteError):
    pass
