"""Altair charts of the Entities page, drawn from ``components.entity_stats`` tables."""
from __future__ import annotations

import altair as alt
import pandas as pd

from components.charts import AXIS_FORMAT, FONT, LABEL_LIMIT, bar_height, day_strings, styled

TYPE_COLOURS = alt.Scale(domain=["Person", "Place", "Organisation"], range=["#b4232c", "#1f77b4", "#2ca02c"])
PICK = "entity_pick"


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
    return styled(alt.layer(bars, labels).properties(height=bar_height(len(top))))


def time_chart(buckets: pd.DataFrame, freq: str) -> alt.Chart:
    """Mentions per published-date bucket, articles in the tooltip."""
    data = buckets.assign(day=day_strings(buckets["bucket"]))
    axis_format = AXIS_FORMAT[freq]
    chart = alt.Chart(data).mark_bar(color="#b4232c").encode(
        x=alt.X("day:T", title="Published (Asia/Dhaka)", scale=alt.Scale(type="utc"),
                axis=alt.Axis(format=axis_format, labelAngle=0)),
        y=alt.Y("mentions:Q", title="Mentions", axis=alt.Axis(tickMinStep=1)),
        tooltip=[alt.Tooltip("day:N", title="From"),
                 alt.Tooltip("mentions:Q", title="Mentions"), alt.Tooltip("articles:Q", title="Articles")],
    ).properties(height=220)
    return styled(chart)
