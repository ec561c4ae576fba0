"""Altair charts of the summary tables in ``components.aggregate`` (no Streamlit here).

Every builder takes an aggregated frame (a few rows per outlet, agency or date bucket),
sets the self-hosted Bengali font on labels and titles, and keeps long Bengali labels
whole. Dates travel as 'YYYY-MM-DD' strings on a UTC scale, so the browser's own time
zone never shifts an Asia/Dhaka day.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from components.aggregate import EXPLICIT, INFERRED, OTHER_SITES, site_order

FONT = "Noto Sans Bengali, Source Sans, sans-serif"
BRUSH = "brush"
ACCENT = "#b4232c"          # the theme's primary colour
NEUTRAL = "#9aa0a6"
PALETTE = ["#1f77b4", "#e6550d", "#2ca02c", "#637939", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#3f5d7d", "#ff9896", "#98df8a", "#c5b0d5", "#c49c94", "#9edae5"]
LABEL_LIMIT = 320           # px: "Banglanews24.com (বাংলানিউজটোয়েন্টিফোর.কম)" fits whole
TOP_SITES = 30              # outlets drawn in the per-outlet bar charts
ROW_PX = 26                 # px per bar or heatmap row: one readable Bengali label each
# Streamlit's default autosize ("fit") squeezes axes and legends into the given height, which
# crushes a five-row bar chart; fit-x stretches to the column and lets the height be the plot's.
_FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
AXIS_FORMAT = {"D": "%d %b %Y", "W": "%d %b %Y", "M": "%b %Y"}
_BASIS_OPACITY = alt.Scale(domain=[EXPLICIT, INFERRED], range=[1.0, 0.25])
_BASIS_DASH = alt.Scale(domain=[EXPLICIT, INFERRED], range=[[1, 0], [4, 2]])
# Grey swatches with an outline, so the key shows the fade and the dash rather than two black squares.
_BASIS_LEGEND = alt.Legend(symbolType="square", symbolSize=180, symbolFillColor=NEUTRAL, symbolStrokeColor="#31333f",
                           symbolStrokeWidth=1.5)
_BASIS_SHAPE = alt.Scale(domain=[EXPLICIT, INFERRED], range=["circle", "triangle-up"])


def site_colors(sites: list[str], ranking: list[str] | None = None) -> alt.Scale:
    """Colour scale over ``sites``; a site's colour follows its place in ``ranking`` (default: ``sites``).

    Pass the same ranking (e.g. ``per_site`` order) on every chart so an outlet keeps its
    colour across charts; "Other sites" is grey.
    """
    place = {site: i for i, site in enumerate(ranking or sites)}
    colors = [NEUTRAL if site == OTHER_SITES else PALETTE[place.get(site, i) % len(PALETTE)]
              for i, site in enumerate(sites)]
    return alt.Scale(domain=list(sites), range=colors)


def styled(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Bengali-capable font on every text part, whole labels, no chart border, column-wide."""
    return (
        chart.properties(autosize=_FIT_WIDTH)
        .configure(font=FONT)
        .configure_axis(labelFont=FONT, titleFont=FONT, labelFontSize=12, titleFontSize=12, labelLimit=LABEL_LIMIT)
        .configure_legend(labelFont=FONT, titleFont=FONT, labelFontSize=12, titleFontSize=12, labelLimit=LABEL_LIMIT,
                          orient="bottom", direction="horizontal", columns=3, symbolLimit=0)
        .configure_header(labelFont=FONT, titleFont=FONT)
        .configure_title(font=FONT, fontSize=14, anchor="start")
        .configure_view(strokeWidth=0)
    )


def day_strings(days: pd.Series) -> pd.Series:
    """Days as 'YYYY-MM-DD' (parsed as UTC midnight by Vega)."""
    return pd.to_datetime(days).dt.strftime("%Y-%m-%d")


def bar_height(rows: int) -> int:
    """One readable label per bar or heatmap row."""
    return ROW_PX * max(rows, 1)


def horizontal_bars(frame: pd.DataFrame, label: str, count: str, *, label_title: str, count_title: str,
                    color: str | alt.Scale = ACCENT, percent: bool = False, tooltip: list | None = None,
                    top: int | None = None) -> alt.Chart:
    """Bars sorted by ``count``, one readable label per row; ``color`` a hex or a site colour scale."""
    data = frame.nlargest(top, count, keep="first") if top else frame
    data = data.sort_values(count, ascending=False, kind="stable")
    fmt = ".0%" if percent else "d"
    x = alt.X(f"{count}:Q", title=count_title, axis=alt.Axis(format=fmt, tickMinStep=0.01 if percent else 1))
    if percent:
        x = x.scale(domain=[0, 1])
    y = alt.Y(f"{label}:N", title=None, sort=data[label].tolist(), axis=alt.Axis(labelLimit=LABEL_LIMIT))
    encodings = dict(x=x, y=y, tooltip=tooltip or [alt.Tooltip(f"{label}:N", title=label_title),
                                                   alt.Tooltip(f"{count}:Q", title=count_title, format=fmt)])
    if isinstance(color, alt.Scale):
        encodings["color"] = alt.Color(f"{label}:N", scale=color, legend=None)
    mark = {"color": color} if isinstance(color, str) else {}
    bars = alt.Chart(data).mark_bar(cornerRadiusEnd=2, **mark).encode(**encodings)
    text = alt.Chart(data).mark_text(align="left", dx=4, font=FONT, fontSize=12, color="#31333f").encode(
        x=f"{count}:Q", y=alt.Y(f"{label}:N", sort=data[label].tolist()), text=alt.Text(f"{count}:Q", format=fmt))
    return styled(alt.layer(bars, text).properties(height=bar_height(len(data))))


def sites_chart(per_site: pd.DataFrame, ranking: list[str] | None = None, top: int = TOP_SITES) -> alt.Chart:
    """Articles per outlet (from ``aggregate.per_site``), coloured like the timeline."""
    tooltip = [alt.Tooltip("site:N", title="Outlet"), alt.Tooltip("articles:Q", title="Articles"),
               alt.Tooltip("share:Q", title="Share", format=".0%")]
    return horizontal_bars(per_site, "site", "articles", label_title="Outlet", count_title="Articles",
                           color=site_colors(per_site["site"].tolist(), ranking), tooltip=tooltip, top=top)


def agencies_chart(agencies: pd.DataFrame, top: int = 20) -> alt.Chart:
    """Articles citing each agency (from ``aggregate.agency_counts``)."""
    tooltip = [alt.Tooltip("label:N", title="Agency"), alt.Tooltip("agency:N", title="Id / domain"),
               alt.Tooltip("articles:Q", title="Articles citing it"),
               alt.Tooltip("share:Q", title="Share of articles", format=".0%")]
    return horizontal_bars(agencies, "label", "articles", label_title="Agency", count_title="Articles citing it",
                           tooltip=tooltip, top=top)


def boilerplate_chart(boilerplate: pd.DataFrame, ranking: list[str] | None = None, top: int = TOP_SITES) -> alt.Chart:
    """Share of non-blank lines that are page furniture, per outlet (``aggregate.boilerplate_by_site``)."""
    tooltip = [alt.Tooltip("site:N", title="Outlet"), alt.Tooltip("share:Q", title="Boilerplate share", format=".0%"),
               alt.Tooltip("median_share:Q", title="Median per article", format=".0%"),
               alt.Tooltip("boilerplate_lines:Q", title="Boilerplate lines"), alt.Tooltip("lines:Q", title="Lines"),
               alt.Tooltip("articles:Q", title="Articles")]
    return horizontal_bars(boilerplate, "site", "share", label_title="Outlet", count_title="Boilerplate share of lines",
                           color=site_colors(boilerplate["site"].tolist(), ranking), percent=True, tooltip=tooltip,
                           top=top)


def site_agency_heatmap(pairs: pd.DataFrame, site_rank: list[str], agency_rank: list[str]) -> alt.Chart:
    """Outlet × agency cells coloured and labelled by article count (``aggregate.site_by_agency``).

    ``site_rank`` and ``agency_rank`` (agency labels) fix the axis order and which rows and
    columns appear; pairs outside them are dropped.
    """
    data = pairs[pairs["site"].isin(site_rank) & pairs["label"].isin(agency_rank)]
    x = alt.X("label:N", title=None, sort=agency_rank, axis=alt.Axis(orient="top", labelAngle=-40, labelLimit=160))
    y = alt.Y("site:N", title=None, sort=site_rank, axis=alt.Axis(labelLimit=LABEL_LIMIT))
    base = alt.Chart(data).encode(x=x, y=y)
    cells = base.mark_rect(cornerRadius=2).encode(
        color=alt.Color("articles:Q", title="Articles", scale=alt.Scale(scheme="orangered", domainMin=0),
                        legend=alt.Legend(orient="right", direction="vertical", gradientLength=120, format="d",
                                          tickMinStep=1)),
        tooltip=[alt.Tooltip("site:N", title="Outlet"), alt.Tooltip("label:N", title="Agency"),
                 alt.Tooltip("articles:Q", title="Articles")],
    )
    high = float(data["articles"].max()) if len(data) else 0.0
    text = base.mark_text(font=FONT, fontSize=12).encode(
        text="articles:Q",
        color=alt.condition(alt.datum.articles > high / 2, alt.value("white"), alt.value("#31333f")),
    )
    shown_sites = [s for s in site_rank if s in set(data["site"])]
    return styled(alt.layer(cells, text).properties(height=bar_height(len(shown_sites))))


def timeline_chart(counts: pd.DataFrame, freq: str, ranking: list[str] | None = None) -> alt.Chart:
    """Stacked bars of articles per bucket (``aggregate.timeline_counts``) with an x brush named ``brush``.

    Each bar spans its whole day, week or month; colour is the outlet, and inferred dates
    are faded with a dashed outline so they never pass for stated ones.
    """
    order = site_order(counts)
    colors = site_colors(order, ranking)
    data = counts.copy()
    data["site_rank"] = data["site"].map({site: i for i, site in enumerate(order)})
    data["basis_rank"] = (data["basis"] == INFERRED).astype(int)
    data = data.sort_values(["bucket", "site_rank", "basis_rank"], kind="stable")
    data["top"] = data.groupby("bucket")["articles"].cumsum()
    data["base"] = data["top"] - data["articles"]
    data["bucket"], data["bucket_end"] = day_strings(data["bucket"]), day_strings(data["bucket_end"])
    data = data.drop(columns=["site_rank", "basis_rank"])
    brush = alt.selection_interval(encodings=["x"], name=BRUSH)
    bars = alt.Chart(data).mark_bar(strokeWidth=1.5, cornerRadius=0).encode(
        x=alt.X("bucket:T", title="Published (Asia/Dhaka)", scale=alt.Scale(type="utc"),
                axis=alt.Axis(format=AXIS_FORMAT[freq], labelAngle=0, labelOverlap=True, tickCount=8)),
        x2="bucket_end:T",
        y=alt.Y("top:Q", title="Articles", axis=alt.Axis(tickMinStep=1)),
        y2="base:Q",
        color=alt.Color("site:N", title="Outlet", scale=colors),
        stroke=alt.Stroke("site:N", title="Outlet", scale=colors),  # shares the colour legend
        fillOpacity=alt.FillOpacity("basis:N", title="Date", scale=_BASIS_OPACITY, legend=_BASIS_LEGEND),
        strokeDash=alt.StrokeDash("basis:N", title="Date", scale=_BASIS_DASH, legend=_BASIS_LEGEND),
        tooltip=[alt.Tooltip("period:N", title="When"), alt.Tooltip("site:N", title="Outlet"),
                 alt.Tooltip("basis:N", title="Date"), alt.Tooltip("articles:Q", title="Articles")],
    ).add_params(brush)
    return styled(bars.properties(height=300))


def page_vs_published_chart(pairs: pd.DataFrame, ranking: list[str] | None = None) -> alt.Chart:
    """Page date against published date, one mark per (day pair, outlet, basis) sized by count.

    The grey diagonal is "page date = published date"; marks above it are pages saved or
    shown later than the story was published.
    """
    data = pairs.copy()
    colors = site_colors(site_order(pairs), ranking)
    data["published"], data["page_date"] = day_strings(data["published"]), day_strings(data["page_date"])
    low, high = min(data["published"].min(), data["page_date"].min()), max(data["published"].max(), data["page_date"].max())
    data["published_text"] = pd.to_datetime(pairs["published"]).dt.strftime("%d %b %Y")
    data["page_text"] = pd.to_datetime(pairs["page_date"]).dt.strftime("%d %b %Y")
    axis = alt.Axis(format="%d %b %Y", labelOverlap=True, labelAngle=0, tickCount=6)
    scale = alt.Scale(type="utc", padding=16)  # keeps marks at the corners whole
    x = alt.X("published:T", title="Published (Asia/Dhaka)", scale=scale, axis=axis)
    y = alt.Y("page_date:T", title="Page date", scale=scale, axis=axis)
    diagonal = alt.Chart(pd.DataFrame({"published": [low, high], "page_date": [low, high]})).mark_line(
        color=NEUTRAL, strokeDash=[4, 3]).encode(x=x, y=y)
    points = alt.Chart(data).mark_point(filled=True, opacity=0.8).encode(
        x=x,
        y=y,
        size=alt.Size("articles:Q", title="Articles", scale=alt.Scale(range=[60, 600]), legend=None),
        color=alt.Color("site:N", title="Outlet", scale=colors),
        shape=alt.Shape("basis:N", title="Dates", scale=_BASIS_SHAPE),
        tooltip=[alt.Tooltip("published_text:N", title="Published"), alt.Tooltip("page_text:N", title="Page date"),
                 alt.Tooltip("lag_days:Q", title="Days between"), alt.Tooltip("site:N", title="Outlet"),
                 alt.Tooltip("basis:N", title="Dates"), alt.Tooltip("articles:Q", title="Articles")],
    )
    return styled(alt.layer(diagonal, points).properties(height=320))
