"""report.html: one standalone page for a standards editor, drawn from summary.json.

The plots are matplotlib figures saved as SVG inside the page. matplotlib is the long-kept
standard of Python plotting (NumFOCUS, regular releases for two decades); its SVG needs no
JavaScript, no CDN and no font download, so the page opens anywhere, prints, and goes by mail as
one file of a few hundred kilobytes (Plotly would put 3.5 MB of JavaScript in every report; Vega
and Bokeh need theirs inlined or fetched). With a fixed hash salt and no date in the metadata the
SVG is the same bytes every time, so two engines write the same report. The per-rule drill-down
is HTML <details> with a small hand-drawn SVG line of its monthly rate: a page of two hundred
rules opens at once.
"""

from __future__ import annotations

import html
import io
import os
from pathlib import Path

TOP_RULES = 20  # bars in "the rules that fire most"
TOP_GROUPS = 25  # groups in "rates by group"
HEAT_RULES = 12
NOISY = 8  # rules shown with their samples
COLOURS = {"error": "#b2182b", "warning": "#ef8a62", "info": "#67a9cf", "": "#777777"}

CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:0 20px 60px;color:#222}
h1{font-size:26px;margin:24px 0 4px}h2{font-size:20px;margin:36px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.kpis{display:flex;gap:14px;flex-wrap:wrap;margin:14px 0}.kpi{background:#f5f5f2;border-radius:6px;padding:10px 16px}
.kpi b{display:block;font-size:22px}table{border-collapse:collapse;width:100%;margin:8px 0}
td,th{text-align:left;padding:4px 8px;border-bottom:1px solid #eee;vertical-align:top}th{background:#fafafa}
td.n{text-align:right;font-variant-numeric:tabular-nums}mark{background:#ffe08a;padding:0 2px}
.ctx{font-family:Georgia,serif}.muted{color:#777}details{border-bottom:1px solid #eee;padding:6px 0}
summary{cursor:pointer}.sev{display:inline-block;border-radius:3px;padding:0 6px;color:#fff;font-size:12px}
figure{margin:8px 0}svg{max-width:100%;height:auto}
"""


def write_report(summary: dict, path: Path, changes: list | None = None) -> None:
    Path(path).write_text(render(summary, changes), encoding="utf-8")


def render(s: dict, changes: list | None = None) -> str:
    rows = s["rows"]
    whole = {(r["kind"], r["name"]): r for r in rows if r["grouping"] == "all"}
    fired = sorted(
        (r for (k, _), r in whole.items() if k == "rule" and r["findings"]), key=lambda r: (-r["findings"], r["name"])
    )
    total = whole.get(("all", "all"), {"findings": 0, "per_10k_words": 0.0})
    by = [g for g in s["groupings"] if g and g != ["month"]]
    months = _series(rows, "month")
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width,initial-scale=1'>",
        "<title>newslint archive audit</title><style>",
        CSS,
        "</style></head><body>",
        "<h1>Archive audit</h1>",
        f"<p class='muted'>newslint findings per 10,000 words; {len(s['rules'])} rules checked.</p>",
        "<div class='kpis'>",
        _kpi(f"{s['stories']:,}", "stories"),
        _kpi(f"{s['words']:,}", "words"),
        _kpi(f"{total['findings']:,}", "findings"),
        _kpi(f"{total['per_10k_words']:.2f}", "per 10,000 words"),
        _kpi(f"{_loud_rate(whole):.2f}", "warnings and errors per 10,000 words"),
        _kpi(f"{len(fired)}", "rules that fired"),
        _kpi(f"{s['errors']:,}", "stories or rows not checked") if s["errors"] else "",
        "</div>",
    ]
    if changes is not None:
        parts += ["<h2 id='compare'>What the change did</h2>", _compare_table(changes)]
    loud = [r for r in fired if r["severity"] != "info"]
    quiet = [r for r in fired if r["severity"] == "info"]
    parts += [
        "<h2 id='top'>The rules that fire most</h2>",
        "<p class='muted'>Warnings and errors: findings per 10,000 words across the archive.</p>",
        _figure(_top_rules(loud)) if loud else "<p>No warning or error fired.</p>",
    ]
    if quiet:
        parts += [
            "<p class='muted'>Info findings (worth a look, not slips), per 10,000 words.</p>",
            _figure(_top_rules(quiet)),
        ]
    for grouping in by:
        parts += [
            f"<h2 id='by-{'-'.join(grouping)}'>Rates by {html.escape(', '.join(grouping))}</h2>",
            "<p class='muted'>Findings per 10,000 words in each group, by level.</p>",
            _figure(_by_group(rows, grouping)),
        ]
        heat = _heatmap(rows, grouping, loud or fired)
        if heat is not None:
            parts += [
                "<p class='muted'>The most frequent warnings and errors in each group (per 10,000 words).</p>",
                _figure(heat),
            ]
    if len([m for m in months if m != "(none)"]) >= 2:
        parts += [
            "<h2 id='time'>Over time</h2>",
            "<p class='muted'>Warnings and errors, and the five most frequent of them, per month.</p>",
            _figure(_over_time(rows, loud)),
        ]
    parts += [
        "<h2 id='noisy'>The noisiest rules, in context</h2>",
        "<p class='muted'>Warnings and errors with the highest rates: on edited copy each is a slip that "
        "got past the desk, or a rule that cries wolf. Read the samples before deciding which.</p>",
    ]
    noisy = loud[:NOISY]
    parts += [_noisy(r, s) for r in noisy] or ["<p>No warning or error fired.</p>"]
    parts += [
        "<h2 id='rules'>Every rule</h2>",
        "<p class='muted'>Open a rule for its rate by group and month, and samples.</p>",
    ]
    parts += [_drill(r, s, rows) for r in sorted(whole.values(), key=lambda r: r["name"]) if r["kind"] == "rule"]
    parts.append("</body></html>\n")
    return "".join(parts)


def _kpi(value: str, label: str) -> str:
    return f"<div class='kpi'><b>{value}</b>{html.escape(label)}</div>"


def _badge(severity: str) -> str:
    return f"<span class='sev' style='background:{COLOURS.get(severity, '#777')}'>{html.escape(severity)}</span>"


def _series(rows, grouping_name: str, kind: str = "all", name: str = "all") -> dict[str, dict]:
    return {
        r["group"][grouping_name]: r
        for r in rows
        if r["grouping"] == grouping_name and r["kind"] == kind and r["name"] == name
    }


# -- figures --------------------------------------------------------------------------------------


def _figure(fig) -> str:
    import matplotlib

    matplotlib.rcParams["svg.hashsalt"] = "newslint-audit"  # ids in the SVG: the same every run
    matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text: smaller, and the page's font
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    svg = out.getvalue()
    return "<figure>" + svg[svg.index("<svg") :] + "</figure>"


def _new(width: float, height: float):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=96)
    ax = fig.add_subplot()
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig, ax


def _top_rules(fired):
    top = fired[:TOP_RULES][::-1]
    fig, ax = _new(9, 0.32 * len(top) + 0.8)
    ax.barh(
        [r["name"] for r in top],
        [r["per_10k_words"] for r in top],
        color=[COLOURS.get(r["severity"], "#777") for r in top],
    )
    for i, r in enumerate(top):
        ax.text(r["per_10k_words"], i, f" {r['per_10k_words']:.2f}", va="center", fontsize=8)
    ax.set_xlabel("findings per 10,000 words")
    ax.tick_params(axis="y", labelsize=9)
    return fig


def _group_label(r, grouping) -> str:
    return " / ".join(os.path.basename(str(r["group"][g])) if g == "source" else str(r["group"][g]) for g in grouping)


def _loud_rate(whole: dict) -> float:
    return sum(whole[("level", level)]["per_10k_words"] for level in ("warning", "error") if ("level", level) in whole)


def _by_group(rows, grouping):
    name = ",".join(grouping)
    levels = {
        (_group_label(r, grouping), r["name"]): r["per_10k_words"]
        for r in rows
        if r["grouping"] == name and r["kind"] == "level"
    }
    groups = [r for r in rows if r["grouping"] == name and r["kind"] == "all"]
    groups = sorted(groups, key=lambda r: (-r["words"], _group_label(r, grouping)))[:TOP_GROUPS]
    loud = {
        _group_label(r, grouping): levels.get((_group_label(r, grouping), "error"), 0.0)
        + levels.get((_group_label(r, grouping), "warning"), 0.0)
        for r in groups
    }
    groups.sort(key=lambda r: (loud[_group_label(r, grouping)], _group_label(r, grouping)))
    labels = [_group_label(r, grouping) for r in groups]
    fig, ax = _new(9, 0.3 * len(groups) + 1.1)
    left = [0.0] * len(labels)
    for level in ("error", "warning", "info"):
        values = [levels.get((label, level), 0.0) for label in labels]
        ax.barh(labels, values, left=left, color=COLOURS[level], label=level)
        left = [a + b for a, b in zip(left, values)]
    for i, r in enumerate(groups):
        ax.text(left[i], i, f" {loud[labels[i]]:.2f} w+e ({r['stories']:,} stories)", va="center", fontsize=8)
    ax.set_xlabel("findings per 10,000 words")
    ax.legend(fontsize=8, frameon=False, loc="lower left", bbox_to_anchor=(0, 1), ncol=3)
    ax.tick_params(axis="y", labelsize=9)
    return fig


def _heatmap(rows, grouping, fired):
    name = ",".join(grouping)
    groups = sorted(
        (r for r in rows if r["grouping"] == name and r["kind"] == "all"),
        key=lambda r: (-r["words"], _group_label(r, grouping)),
    )[:TOP_GROUPS]
    rules = [r["name"] for r in fired[:HEAT_RULES]]
    if len(groups) < 2 or not rules:
        return None
    rates = {
        (_group_label(r, grouping), r["name"]): r["per_10k_words"]
        for r in rows
        if r["grouping"] == name and r["kind"] == "rule"
    }
    labels = [_group_label(g, grouping) for g in groups]
    grid = [[rates.get((label, rule), 0.0) for label in labels] for rule in rules]
    fig, ax = _new(max(6, 0.45 * len(labels) + 3), 0.38 * len(rules) + 1.6)
    image = ax.imshow(grid, aspect="auto", cmap="YlOrRd")
    ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(len(rules)), rules, fontsize=8)
    peak = max(max(line) for line in grid) or 1
    for i, line in enumerate(grid):
        for j, value in enumerate(line):
            if value:
                ax.text(
                    j,
                    i,
                    f"{value:.1f}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if value > peak * 0.6 else "black",
                )
    fig.colorbar(image, ax=ax, shrink=0.8, label="per 10,000 words")
    return fig


def _over_time(rows, loud):
    fig, ax = _new(9, 3.6)
    months = sorted(m for m in _series(rows, "month") if m != "(none)")
    levels = [_series(rows, "month", "level", level) for level in ("warning", "error")]
    ax.plot(
        months,
        [sum(s[m]["per_10k_words"] for s in levels if m in s) for m in months],
        marker="o",
        markersize=3,
        linewidth=2.4,
        color="#333333",
        label="warnings and errors",
    )
    for r in loud[:5]:
        series = _series(rows, "month", "rule", r["name"])
        ax.plot(
            months,
            [series[m]["per_10k_words"] if m in series else 0.0 for m in months],
            marker="o",
            markersize=3,
            linewidth=1.3,
            label=r["name"],
        )
    ax.set_ylabel("per 10,000 words")
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    step = max(1, len(months) // 12)
    ax.set_xticks(range(0, len(months), step), months[::step])
    ax.tick_params(axis="x", rotation=45, labelsize=8)
    return fig


# -- text -----------------------------------------------------------------------------------------


def _sample_html(sample: dict) -> str:
    return (
        f"<tr><td class='ctx'>…{html.escape(sample['before'])}<mark>{html.escape(sample['found'])}</mark>"
        f"{html.escape(sample['after'])}…<div class='muted'>{html.escape(sample['message'])}</div></td>"
        f"<td class='muted'>{html.escape(os.path.basename(str(sample['source'])))}<br>{html.escape(sample['story_id'])}:"
        f"{sample['line']}:{sample['column']}</td></tr>"
    )


def _samples(rule: str, s: dict) -> str:
    found = s["samples"].get(rule, [])
    if not found:
        return ""
    return "<table><tr><th>in context</th><th>story</th></tr>" + "".join(map(_sample_html, found)) + "</table>"


def _noisy(r: dict, s: dict) -> str:
    return (
        f"<h3>{html.escape(r['name'])} {_badge(r['severity'])}</h3>"
        f"<p>{r['per_10k_words']:.2f} per 10,000 words: {r['findings']:,} findings in "
        f"{r['stories_with']:,} of {r['stories']:,} stories.</p>" + _samples(r["name"], s)
    )


def _drill(r: dict, s: dict, rows) -> str:
    rule = r["name"]
    head = (
        f"<summary><b>{html.escape(rule)}</b> {_badge(r['severity'])} "
        f"<span class='muted'>{r['per_10k_words']:.2f} per 10k words · {r['findings']:,} findings · "
        f"{r['stories_with']:,} stories</span></summary>"
    )
    if not r["findings"]:
        return f"<details>{head}<p class='muted'>Did not fire in this archive.</p></details>"
    body = []
    series = {m: x for m, x in _series(rows, "month", "rule", rule).items() if m != "(none)"}
    if len(series) >= 2:
        body.append(_sparkline([series[m]["per_10k_words"] for m in sorted(series)], min(series), max(series)))
    for grouping in s["groupings"]:
        if not grouping or grouping == ["month"]:
            continue
        name = ",".join(grouping)
        groups = sorted(
            (x for x in rows if x["grouping"] == name and x["kind"] == "rule" and x["name"] == rule),
            key=lambda x: (-x["per_10k_words"], _group_label(x, grouping)),
        )[:10]
        body.append(
            f"<table><tr><th>{html.escape(', '.join(grouping))}</th><th>per 10k words</th>"
            "<th>findings</th><th>stories hit</th></tr>"
            + "".join(
                f"<tr><td>{html.escape(_group_label(x, grouping))}</td><td class='n'>{x['per_10k_words']:.2f}"
                f"</td><td class='n'>{x['findings']:,}</td><td class='n'>{x['stories_with']:,}</td></tr>"
                for x in groups
            )
            + "</table>"
        )
    body.append(_samples(rule, s))
    return f"<details>{head}{''.join(body)}</details>"


def _sparkline(values: list[float], first: str, last: str) -> str:
    width, height = 320, 48
    peak = max(values) or 1
    step = width / max(1, len(values) - 1)
    points = " ".join(f"{i * step:.1f},{height - 4 - (v / peak) * (height - 8):.1f}" for i, v in enumerate(values))
    return (
        f"<p class='muted'>Per month, {html.escape(first)} to {html.escape(last)} (peak {peak:.2f}):</p>"
        f"<svg width='{width}' height='{height}' viewBox='0 0 {width} {height}' role='img'>"
        f"<polyline fill='none' stroke='#4d7ea8' stroke-width='1.5' points='{points}'/></svg>"
    )


def _compare_table(changes: list) -> str:
    if not changes:
        return "<p>No rate changed.</p>"
    cells = []
    for c in changes:
        was = "–" if c["old_per_10k"] is None else f"{c['old_per_10k']:.3f}"
        now = "–" if c["new_per_10k"] is None else f"{c['new_per_10k']:.3f}"
        cells.append(
            f"<tr><td>{html.escape(c['kind'])}</td><td>{html.escape(c['name'])}</td><td class='n'>{was}</td>"
            f"<td class='n'>{now}</td><td class='n'>{c['change']:+.3f}</td></tr>"
        )
    return (
        "<table><tr><th></th><th>name</th><th>before</th><th>after</th><th>change</th></tr>"
        + "".join(cells)
        + "</table>"
    )
