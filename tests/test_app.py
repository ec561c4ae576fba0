"""The app on the bundled sample, driven headless with Streamlit's AppTest."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from .conftest import PROJECT


def test_overview_shows_the_sample():
    app = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60).run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Articles"] == "5"
    assert metrics["Outlets"] == "2"
    table = app.dataframe[0].value
    assert len(table) == 5
    assert "পুতিনের গোয়েন্দা প্রধানের উত্তর কোরিয়া সফর" in set(table["label"])
