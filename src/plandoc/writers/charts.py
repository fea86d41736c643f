"""Chart rendering for writers: matplotlib to SVG (PDF, HTML) or PNG (Word), deterministic."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from functools import lru_cache
from typing import Literal

from plandoc.document import Chart, to_data
from plandoc.i18n.fmt import format_number

# matplotlib over plotly/vega: it renders offline to SVG and PNG with no browser or server,
# ships its own font (DejaVu Sans), and its SVG output can be made byte-stable.

#: A restrained palette that prints well in greyscale too (ColorBrewer "Blues"/"Set2" mix).
PALETTE = ("#1f4e79", "#5b9bd5", "#a5c8e4", "#70ad47", "#c5a100", "#7f7f7f", "#c0504d")

#: Width and height in inches: fits A4 text width (16 cm) at a readable size.
SIZE = (6.3, 3.2)


def render_chart(chart: Chart, fmt: Literal["png", "svg"]) -> bytes:
    """The chart as SVG or PNG bytes; the same chart always gives the same bytes."""
    key = hashlib.sha256(json.dumps(to_data(chart), sort_keys=True).encode()).hexdigest()
    return _render_cached(key, fmt, json.dumps(to_data(chart)))


@lru_cache(maxsize=64)
def _render_cached(key: str, fmt: str, data: str) -> bytes:
    # The key is only there to make the cache cheap to look up; `data` rebuilds the chart.
    del key
    raw = json.loads(data)
    return _render(raw, fmt)


def _mnok(value: float, _pos: object = None) -> str:
    return format_number(round(value / 1_000_000, 2))


def _render(raw: dict, fmt: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    rc = {
        "svg.hashsalt": "plandoc",
        "svg.fonttype": "path",
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=SIZE, dpi=150)
        ax = fig.add_subplot()
        categories: list[str] = raw["categories"]
        series: list[dict] = raw["series"]
        kind = raw["kind"]
        money = raw.get("unit") == "kr"
        if kind == "timeline":
            _timeline(ax, categories, series)
        else:
            _bars(ax, categories, series, stacked=kind == "stacked-bar")
            if money:
                ax.yaxis.set_major_formatter(FuncFormatter(_mnok))
                ax.set_ylabel("MNOK")
            elif raw.get("unit"):
                ax.set_ylabel(raw["unit"])
            ax.grid(axis="y", color="#dddddd", linewidth=0.6)
            ax.set_axisbelow(True)
            if len(series) > 1:
                ax.legend(frameon=False, fontsize=8, loc="upper left",
                          bbox_to_anchor=(1.0, 1.0))
        if raw.get("title"):
            ax.set_title(raw["title"], loc="left", fontsize=10)
        fig.tight_layout()
        buf = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buf, format=fmt, metadata=metadata)
        return buf.getvalue()


def _bars(ax: object, categories: list[str], series: list[dict], stacked: bool) -> None:
    n = max(len(series), 1)
    positions = list(range(len(categories)))
    bottoms = [0.0] * len(categories)
    width = 0.7 if stacked else 0.8 / n
    for i, s in enumerate(series):
        values = [float(v) for v in s["values"]]
        color = PALETTE[i % len(PALETTE)]
        if stacked:
            ax.bar(positions, values, width, bottom=bottoms, label=s["name"], color=color)
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        else:
            xs = [p - 0.4 + width * (i + 0.5) for p in positions]
            ax.bar(xs, values, width, label=s["name"], color=color)
    ax.set_xticks(positions, categories)


def _timeline(ax: object, categories: list[str], series: list[dict]) -> None:
    """Milestones on a date axis: series[0].values are proleptic ordinals of the dates."""
    from matplotlib.dates import DateFormatter

    values = series[0]["values"] if series else []
    dates = [dt.date.fromordinal(int(v)) for v in values]
    ys = list(range(len(categories)))[::-1]
    ax.scatter(dates, ys, marker="D", color=PALETTE[0], zorder=3)
    for d, y, label in zip(dates, ys, categories, strict=True):
        ax.annotate(label, (d, y), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=8)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.xaxis.set_major_formatter(DateFormatter("%m.%Y"))
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    if dates:
        span = max((max(dates) - min(dates)).days, 30)
        pad = dt.timedelta(days=span * 0.25)
        ax.set_xlim(min(dates) - dt.timedelta(days=span * 0.05), max(dates) + pad)
