"""One run of the small suite (through the proxy too), shared by the end-to-end tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.report import SuiteReport
from evals.runner import run_suite


@pytest.fixture(scope="session")
def small_report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("eval-report")


@pytest.fixture(scope="session")
def small_report(small_report_dir: Path) -> SuiteReport:
    return run_suite("small", report_dir=small_report_dir, http=True)
