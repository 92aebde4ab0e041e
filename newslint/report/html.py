"""A standalone HTML page for editors who don't live in a terminal.

Each article is shown as it was written, every finding highlighted in place with a number, and
beside it the findings listed by category; the numbers link the two ways. One file, no scripts,
no fonts or styles fetched from elsewhere: it opens from a mail attachment or a CI artifact.
Output is deterministic (no timestamps), like every newslint format.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter, defaultdict
from html import escape

from ..model import LEVELS, level_rank
from ..version import __version__
from .safe import encodable

_CSS = """
:root { --error: #b3261e; --warning: #9a6700; --info: #0b57d0; --ink: #1d1d1f; --muted: #5f6368;
        --line: #dadce0; --paper: #fff; --error-bg: #fde7e6; --warning-bg: #fff1c2; --info-bg: #e3edfd; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 Georgia, "Times New Roman", serif; color: var(--ink); background: #f6f6f4; }
header.page, main { max-width: 78rem; margin: 0 auto; padding: 1rem 1.5rem; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
.summary { color: var(--muted); margin: 0 0 .5rem; }
nav ol { padding-left: 1.2rem; margin: .25rem 0; columns: 2; }
.story { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; margin: 1.5rem 0; padding: 1rem 1.5rem; }
.story > h2 { font: 600 1.05rem/1.3 system-ui, sans-serif; margin: 0 0 .75rem; word-break: break-all; }
.story > h2 .counts { font-weight: 400; color: var(--muted); }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(15rem, 2fr); gap: 1.5rem; align-items: start; }
@media (max-width: 820px) { .layout { grid-template-columns: 1fr; } nav ol { columns: 1; } }
pre.source { white-space: pre-wrap; overflow-wrap: anywhere; font: 15px/1.7 Georgia, serif; margin: 0; }
mark { background: var(--info-bg); color: inherit; border-bottom: 2px solid var(--info); padding: 0 1px; }
mark.sev-warning { background: var(--warning-bg); border-bottom-color: var(--warning); }
mark.sev-error { background: var(--error-bg); border-bottom-color: var(--error); }
mark.multi { border-bottom-style: double; border-bottom-width: 3px; }
.point { display: inline-block; width: 0; border-left: 2px solid var(--info); height: 1.1em; vertical-align: text-bottom; }
.point.sev-warning { border-color: var(--warning); } .point.sev-error { border-color: var(--error); }
a.ref { font: 600 .65em system-ui, sans-serif; vertical-align: super; text-decoration: none; color: var(--info); margin-left: 1px; }
a.ref + a.ref::before { content: ","; color: var(--muted); }
a.ref.sev-warning { color: var(--warning); } a.ref.sev-error { color: var(--error); }
aside { position: sticky; top: .5rem; max-height: calc(100vh - 1rem); overflow: auto; font: 14px/1.45 system-ui, sans-serif; }
aside h3 { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: .75rem 0 .25rem; }
aside ol { list-style: none; padding: 0; margin: 0; }
aside li { border-left: 3px solid var(--info); padding: .3rem .5rem; margin: .3rem 0; background: #fafafa; }
aside li.sev-warning { border-color: var(--warning); } aside li.sev-error { border-color: var(--error); }
aside li:target, .anchor:target + mark { outline: 2px solid var(--ink); }
aside .num { font-weight: 700; text-decoration: none; color: inherit; margin-right: .3rem; }
aside .where, aside .rule, aside .fix { color: var(--muted); font-size: .85em; }
aside .sev { font-size: .75em; text-transform: uppercase; font-weight: 700; }
aside .sev-error .sev { color: var(--error); } aside .sev-warning .sev { color: var(--warning); } aside .sev-info .sev { color: var(--info); }
aside .msg { margin: .1rem 0; }
.clean { color: var(--muted); margin: 0; }
table.counts { border-collapse: collapse; font: 14px system-ui, sans-serif; margin: .5rem 0; }
table.counts th, table.counts td { text-align: left; padding: .15rem .6rem; border-bottom: 1px solid var(--line); }
table.counts td.n { text-align: right; font-variant-numeric: tabular-nums; }
details.totals { margin: .5rem 0; } details.totals summary { cursor: pointer; font: 600 14px system-ui, sans-serif; }
.filters { font: 14px system-ui, sans-serif; margin: .5rem 0; } .filters label { margin-right: 1rem; }
body:has(#show-info:not(:checked)) .sev-info:is(li, mark, .point, a.ref) { display: none; }
body:has(#show-warning:not(:checked)) .sev-warning:is(li, mark, .point, a.ref) { display: none; }
body:has(#show-clean:not(:checked)) article.clean-story, body:has(#show-clean:not(:checked)) nav li.clean-story { display: none; }
footer { max-width: 78rem; margin: 0 auto 2rem; padding: 0 1.5rem; color: var(--muted); font: 13px system-ui, sans-serif; }
"""


def _counts(findings) -> str:
    return _summary(Counter(f.severity for f in findings))


def _summary(counts: Counter) -> str:
    """ "2 errors, 1 warning, 3 info" from findings counted by level."""
    parts = [
        f"{counts[level]} {level}{'s' if counts[level] != 1 and level != 'info' else ''}"
        for level in reversed(LEVELS)
        if counts[level]
    ]
    return ", ".join(parts) or "no findings"


def _worst(findings) -> str:
    return max((f.severity for f in findings), key=level_rank)


def _highlight(source: str, numbered: list, sid: str) -> str:
    """The source with each finding marked where it is; overlapping findings share a mark."""
    events: dict[int, list] = defaultdict(list)
    for n, f in numbered:
        events[f.start].append(("start", n, f))
        events[f.end].append(("end", n, f))
    cuts = sorted(set(events) | {0, len(source)})
    active: dict[int, object] = {}
    out = []
    for i, at in enumerate(cuts):
        ends = [(n, f) for kind, n, f in events.get(at, ()) if kind == "end" and f.end > f.start]
        for n, f in sorted(ends, key=lambda item: item[0]):
            active.pop(n, None)
            out.append(f'<a class="ref sev-{f.severity}" href="#{sid}-item-{n}">{n}</a>')
        for kind, n, f in sorted(events.get(at, ()), key=lambda e: e[1]):
            if kind != "start":
                continue
            title = escape(f"{n}. {f.rule}: {f.message}")
            if f.end == f.start:  # a point, such as a missing mark
                out.append(
                    f'<span class="point sev-{f.severity}" id="{sid}-f{n}" title="{title}"></span>'
                    f'<a class="ref sev-{f.severity}" href="#{sid}-item-{n}">{n}</a>'
                )
            else:
                out.append(f'<span class="anchor" id="{sid}-f{n}"></span>')
                active[n] = f
        if i + 1 == len(cuts):
            break
        text = escape(source[at : cuts[i + 1]], quote=False)
        if not text:
            continue
        if active:
            covering = list(active.values())
            classes = f"sev-{_worst(covering)}" + (" multi" if len(covering) > 1 else "")
            title = escape("; ".join(f"{n}. {f.rule}: {f.message}" for n, f in active.items()))
            out.append(f'<mark class="{classes}" title="{title}">{text}</mark>')
        else:
            out.append(text)
    return "".join(out)


def _finding_list(source: str | None, numbered: list, sid: str) -> str:
    from ..fix import describe_fix
    from ..model import CATEGORIES

    groups: dict[str, list] = defaultdict(list)
    for n, f in numbered:
        groups[f.category].append((n, f))
    order = [c for c in CATEGORIES if c in groups] + sorted(set(groups) - set(CATEGORIES))
    out = []
    for category in order:
        items = groups[category]
        out.append(f'<section class="group"><h3>{escape(category)} ({len(items)})</h3><ol>')
        for n, f in items:
            fix = describe_fix(source, f)
            fix_html = f'<div class="fix">Fix: {escape(fix)}{"" if f.fix_safe else " (check it)"}</div>' if fix else ""
            out.append(
                f'<li id="{sid}-item-{n}" class="sev-{f.severity}" data-rule="{escape(f.rule)}">'
                f'<a class="num" href="#{sid}-f{n}">{n}</a><span class="sev">{f.severity}</span> '
                f'<span class="where">line {f.line}, column {f.column}</span>'
                f'<p class="msg">{escape(f.message)}</p><code class="rule">{escape(f.rule)}</code>{fix_html}</li>'
            )
        out.append("</ol></section>")
    return "".join(out)


def _totals(by_rule: Counter) -> str:
    """Counts per category and per rule, errors first (then warnings, then info), most first:
    at archive size (thousands of stories) the table says where to look before the stories do.
    `by_rule` counts findings by (rule, category, severity)."""
    by_category: Counter = Counter()
    worst: dict[str, str] = {}
    for (_rule, category, severity), n in by_rule.items():
        by_category[category] += n
        if category not in worst or level_rank(severity) > level_rank(worst[category]):
            worst[category] = severity
    rules = sorted(by_rule.items(), key=lambda item: (-level_rank(item[0][2]), -item[1], item[0][0]))
    categories = sorted(by_category.items(), key=lambda item: (-level_rank(worst[item[0]]), -item[1], item[0]))
    out = [
        '<details class="totals" open><summary>Findings by category and rule</summary>',
        '<table class="counts"><thead><tr><th>Category</th><th>Worst level</th><th>Findings</th></tr></thead><tbody>',
    ]
    out.extend(
        f'<tr class="sev-{worst[c]}"><td>{escape(c)}</td><td>{worst[c]}</td><td class="n">{n}</td></tr>'
        for c, n in categories
    )
    out.append(
        '</tbody></table><table class="counts"><thead><tr><th>Rule</th><th>Level</th><th>Findings</th>'
        "</tr></thead><tbody>"
    )
    out.extend(
        f'<tr class="sev-{sev}"><td><code>{escape(rule)}</code></td><td>{sev}</td><td class="n">{n}</td></tr>'
        for (rule, _, sev), n in rules
    )
    out.append("</tbody></table></details>")
    return "".join(out)


_FILTERS = (
    '<div class="filters">Show: <label><input type="checkbox" id="show-warning" checked> warnings</label>'
    '<label><input type="checkbox" id="show-info" checked> info</label>'
    '<label><input type="checkbox" id="show-clean" checked> stories with no findings</label>'
    '<span class="hint">(errors always show)</span></div>'
)


def render(results, stream, *, rules=None, profile: str | None = None, color: bool = False) -> None:
    """`rules` (the Rule objects that ran) and `profile` (the house profile) are optional: the
    page names the profile when given it, and otherwise reads everything from the findings.
    Either may be a function giving it, called once the results are read.

    The page opens with totals known only at the end, so the stories and the list of them are
    written to spool files as each file is done and copied in after the head: memory holds
    counts, never the texts, however many files there are."""
    by_rule: Counter = Counter()  # (rule, category, severity) -> findings
    stories = 0
    with tempfile.TemporaryFile("w+", encoding="utf-8") as nav, tempfile.TemporaryFile("w+", encoding="utf-8") as main:
        for i, result in enumerate(results, 1):
            stories = i
            by_rule.update((f.rule, f.category, f.severity) for f in result.findings)
            clean = "" if result.findings else ' class="clean-story"'
            nav.write(
                encodable(
                    f'<li{clean}><a href="#story-{i}">{escape(result.path)}</a> ({_counts(result.findings)})</li>'
                )
            )
            main.write(encodable(_story(i, result)))
        if callable(rules):
            rules = rules()
        if callable(profile):
            profile = profile()
        severities: Counter = Counter()
        for (_rule, _category, severity), n in by_rule.items():
            severities[severity] += n
        _page(stream, stories, severities, by_rule, rules, profile, nav, main)


def _story(i: int, result) -> str:
    sid = f"story-{i}"
    numbered = list(enumerate(result.findings, 1))
    source = getattr(result, "source", None)
    out = [
        f'<article class="story{"" if numbered else " clean-story"}" id="{sid}" data-path="{escape(result.path)}">'
        f'<h2>{escape(result.path)} <span class="counts">({_counts(result.findings)})</span></h2>\n'
    ]
    if not numbered:
        out.append('<p class="clean">No findings.</p></article>\n')
        return "".join(out)
    out.append('<div class="layout">')
    if source is not None:
        out.append(f'<pre class="source">{_highlight(source, numbered, sid)}</pre>')
    out.append(f'<aside aria-label="Findings">{_finding_list(source, numbered, sid)}</aside></div></article>\n')
    return "".join(out)


def _page(stream, stories: int, severities: Counter, by_rule: Counter, rules, profile, nav, main) -> None:
    title = f"newslint report: {stories} article{'s' if stories != 1 else ''}, {_summary(severities)}"

    def w(text: str) -> None:
        stream.write(encodable(text))

    def copy(spool) -> None:
        spool.seek(0)
        shutil.copyfileobj(spool, stream)

    w(
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="newslint {__version__}">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
    )
    w(
        f'<header class="page"><h1>newslint report</h1><p class="summary">{escape(title.split(": ", 1)[1])}. '
        "Each finding is marked in the text with its number; the list beside the text groups them "
        "by category. Hover over a mark for its message.</p>"
    )
    if profile is not None or rules is not None:
        ran = f"{len(rules)} rules" if rules is not None else ""
        house = f"house profile <strong>{escape(profile)}</strong>" if profile is not None else ""
        w(f'<p class="summary">Checked with {", ".join(p for p in (house, ran) if p)}.</p>')
    if by_rule:
        w(_totals(by_rule))
    if stories > 1:
        w(_FILTERS)
        w("<nav><ol>")
        copy(nav)
        w("</ol></nav>")
    w("</header>\n<main>\n")
    copy(main)
    w(
        f"</main>\n<footer>Made by newslint {__version__}. Levels: error (certainly wrong), warning "
        "(almost always wrong), info (worth a look).</footer>\n</body>\n</html>\n"
    )
