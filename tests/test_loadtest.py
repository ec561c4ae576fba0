"""The load test, small: sessions at once on the bundled sample, through `streamlit run` and Chromium."""
from __future__ import annotations

import pytest

from .conftest import SAMPLE_DIR
from .loadtest import VISITS, run


def test_concurrent_sessions_reach_every_page_without_exception(chromium):
    pytest.importorskip("playwright.async_api")
    result = run(SAMPLE_DIR, sessions=3, timeout_s=90)  # a page or filter that never draws raises a timeout
    assert result.exceptions == []
    assert [len(session.page_s) for session in result.sessions] == [len(VISITS) + 1] * 3  # five pages and the filter
    assert result.memory_mb > 0
