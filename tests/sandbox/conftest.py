from __future__ import annotations

from collections.abc import Iterator

import pytest

from sandbox import LocalBackend
from tests.sandbox.helpers import FAST


@pytest.fixture(scope="module")
def local() -> Iterator[LocalBackend]:
    """One local backend per test module, with short limits."""
    with LocalBackend(FAST) as backend:
        yield backend
