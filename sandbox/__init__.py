"""Running untrusted derivation code: a backend protocol, a local isolated backend
(the embedded default) and an E2B backend, plus the verification the Deriver uses.

>>> from sandbox import Example, verify
>>> verify("def f(x):\\n    return x * 2", "f", [Example(kwargs={"x": 2}, expected=4)]).passed
True
"""

from sandbox.batch import Limits
from sandbox.config import backend_from_config
from sandbox.e2b import E2BBackend
from sandbox.local import Isolation, LocalBackend
from sandbox.policy import check as check_policy
from sandbox.protocol import Case, CaseResult, ErrorKind, SandboxBackend
from sandbox.verify import CaseVerdict, Derivation, Example, Verdict, verify, verify_many

__all__ = [
    "Case", "CaseResult", "CaseVerdict", "Derivation", "E2BBackend", "ErrorKind", "Example", "Isolation",
    "Limits", "LocalBackend", "SandboxBackend", "Verdict", "backend_from_config", "check_policy", "verify",
    "verify_many",
]
