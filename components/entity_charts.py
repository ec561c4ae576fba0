"""Altair charts of the Entities page, drawn from ``components.entity_stats`` tables."""
from __future__ import annotations

import altair as alt
import pandas as pd

from components.charts import FONT, LABEL_LIMIT, ROW_PX

TYPE_COLOURS = alt.Scale(domain=["Person", "Place", "Organisation"], range=["#b4232c", "#1f77b4", "#2ca02c"])
PICK = "entity_pick"


def _fonts(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The self-hosted Bengali font on every label, no chart border."""
    return (chart.configure(font=FONT)
            .configure_axis(labelFont=FONT, titleFont=FONT, labelFontSize=13, titleFontSize=12, labelLimit=LABEL_LIMIT)
            .configure_legend(labelFont=FONT, titleFont=FONT, orient="top", labelFontSize=12)
            .configure_view(strokeWidth=0))


def top_chart(top: pd.DataFrame, by: str) -> alt.Chart:
    """Horizontal bars of ``entity_stats.top_entities``, coloured by type; clicking a bar selects it."""
    order = top["name"].tolist()
    pick = alt.selection_point(name=PICK, fields=["entity_id"], on="click")
    base = alt.Chart(top).encode(y=alt.Y("name:N", sort=order, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)))
    bars = base.mark_bar(cornerRadiusEnd=2, cursor="pointer").encode(
        x=alt.X(f"{by}:Q", title=f"{by.capitalize()} (body text)", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("type_name:N", title="Type", scale=TYPE_COLOURS),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.45)),
        tooltip=[alt.Tooltip("name:N", title="Entity"), alt.Tooltip("type_name:N", title="Type"),
                 alt.Tooltip("mentions:Q", title="Mentions"), alt.Tooltip("articles:Q", title="Articles")],
    ).add_params(pick)
    labels = base.mark_text(align="left", dx=4, font=FONT, fontSize=12, color="#31333f").encode(
        x=f"{by}:Q", text=alt.Text(f"{by}:Q"))
    return _fonts(alt.layer(bars, labels).properties(height=max(ROW_PX * len(top), 3 * ROW_PX)))


def time_chart(buckets: pd.DataFrame, freq: str) -> alt.Chart:
    """Mentions per published-date bucket, articles in the tooltip."""
    data = buckets.assign(day=pd.to_datetime(buckets["bucket"]).dt.strftime("%Y-%m-%d"))
    axis_format = {"D": "%d %b %Y", "W": "%d %b %Y", "M": "%b %Y"}[freq]
    chart = alt.Chart(data).mark_bar(color="#b4232c").encode(
        x=alt.X("day:T", title="Published (Asia/Dhaka)", scale=alt.Scale(type="utc"),
                axis=alt.Axis(format=axis_format, labelAngle=0)),
        y=alt.Y("mentions:Q", title="Mentions", axis=alt.Axis(tickMinStep=1)),
        tooltip=[alt.Tooltip("day:N", title="From"),
                 alt.Tooltip("mentions:Q", title="Mentions"), alt.Tooltip("articles:Q", title="Articles")],
    ).properties(height=220)
    return _fonts(chart)
