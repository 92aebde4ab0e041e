"""headline: the headline repeated in the story.

What it does
    Reports a line that repeats the headline: at the foot of the story, inside a breadcrumb
    ("Main » <headline>"), or at the head of a paragraph it was glued to. Case, spacing and
    punctuation are ignored, and so is a site name glued to the headline ("Storm hits coast |
    Daily Star" is repeated by "Storm hits coast"). In Markdown, a `# ` heading that restates
    the front matter's title is the headline in its place, not a repeat.

Why is this bad
    A repeated headline is a scraping or templating slip; readers see the same words twice.

Example
    US Killing 'Fighters' Around Stalled ISIS Convoy ... US Killing 'Fighters' Around Stalled ISIS Convoy

Use instead
    Keep the headline once, at the top.

Options
    min_words     shortest headline looked for inside other lines (default 4)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Edit, Hit
from .base import RuleType
from .site_name import site_prefix, site_suffix

_NON_WORD = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    return _NON_WORD.sub(" ", text).strip().casefold()


@dataclass
class Options:
    min_words: int = 4


def check(doc, options: Options):
    if doc.headline is None:
        return
    full = doc.span_text(doc.headline)
    title = full[site_prefix(full) or 0 :]  # "Harnford Gazette | Plans approved": the site's name aside
    cut = site_suffix(title)
    headline = _key(title if cut is None else title[:cut])
    if not headline:
        return
    headlines = {headline, _key(title), _key(full)}
    long_enough = len(headline.split()) >= options.min_words
    # A line that repeats the headline, or starts or ends with it, holds every word of it: a
    # cheap test for the longest word spares most lines the key.
    longest = max(headline.split(" "), key=len)
    for index, (start, end) in enumerate(doc.paragraphs):
        if index == doc.headline_index:
            continue
        folded = doc.text[start:end].casefold()
        if longest not in folded:
            continue
        line = _key(doc.text[start:end])
        if line in headlines:
            if (
                doc.kind == "markdown"
                and index == doc.headline_index + 1
                and line == _key(full)
                and _is_heading(doc, start)
            ):
                continue  # front matter's title, then the same words as the first heading
            yield Hit(
                start,
                end,
                {"found": doc.text[start:end], "where": "again"},
                (Edit(start, min(end + 1, len(doc.text)), ""),),
            )
        elif long_enough and (line.endswith(" " + headline) or line.startswith(headline + " ")):
            yield Hit(start, end, {"found": doc.text[start:end], "where": "inside this line"})


def _is_heading(doc, start: int) -> bool:
    """Is the Markdown line that holds copy offset `start` a heading ("# ...") in the source?"""
    at = doc.to_source(start)
    line_start = doc.source.rfind("\n", 0, at) + 1
    return doc.source[line_start:at].lstrip().startswith("#")


TYPE = RuleType("headline", Options, check, ("found", "where"), __doc__, fix="unsafe")
