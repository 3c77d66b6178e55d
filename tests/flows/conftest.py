"""One Prefect test harness for the whole session (its temporary server takes seconds to start)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    # Cached task results would otherwise persist in ~/.prefect/storage across runs.
    os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="rote-prefect-")
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
