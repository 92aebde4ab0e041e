"""site-name: the site's name glued to the headline.

What it does
    Reports a site or section name that a page title carries after the headline:
    "Man arrested after standoff - The Millbrook Courier", "Council tax to rise | Evening Star",
    "Wales v Ireland – as it happened | Sport". After " | " any short title-case name counts;
    after a dash only a name that looks like a publication (a word such as News, Times, Daily,
    Blog, a domain, or a one-word brand with a figure or an inner capital: VG247, TechCrunch),
    since a dash also brings the speaker of a quoted headline ("Choose hope over fear -
    Kennedy"). The fix removes the name.

    A masthead glued to the front ("Harnford Gazette | Plans for homes approved", "Eastfield
    Sentinel » School board votes", "The Northern Courier: Ancient woodland mapped") counts only
    when it is two to five title-case words ending in a masthead word (Gazette, Courier, Times,
    News, ...) or a domain: a label before a colon or a bar ("Brexit: what happens next",
    "Analysis: ...", "Live: ...", "Opinion | ...", "Breaking News: ...") is the headline's own.

Why is this bad
    The page title is not the headline: the site's name reaches feeds and print as part of it.

Example
    Police: Man arrested after standoff - The Millbrook Courier

Use instead
    Police: Man arrested after standoff

Options
    max_words     longest name taken for a site's (default 6)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Edit, Hit
from .base import RuleType

# Words that name publications, channels and sites (the last word, or any word, of the name).
_PUBLICATION = frozenset(
    """
    news times post daily herald courier journal gazette tribune blog star mail telegraph guardian
    review online network tv radio media chronicle observer express independent sport sports magazine
    weekly today press wire digest insider report reporter theater theatre entertainment mirror standard sun
    record register bulletin dispatch inquirer examiner monitor sentinel courant ledger enquirer argus
    echo live channel fm broadcasting broadcaster television reuters ap afp bbc cnn npr cbs nbc abc fox msnbc cnbc
    bloomberg wsj nyt
    politico axios vox wired forbes fortune economist newsweek time usa world global local
""".split()
)
# From the start of a run of spaces only: trying every space of a long run took quadratic time.
_SEPARATOR = re.compile(r"(?<![ \t])[ \t]+(\||[-\u2013\u2014])[ \t]+(?=\S)")
_DOMAIN = re.compile(r"\w\.(?:com|net|org|co|ca|uk|au|in|ie|nz|io|tv|news)\b", re.IGNORECASE)
_BRAND = re.compile(r"^(?:[A-Za-z]*\d[A-Za-z\d]*|[A-Z][a-z]+(?:[A-Z][a-z]*)+)$")  # VG247, 9to5Mac, TechCrunch
_SMALL = frozenset("of the and & for on in at a an to".split())


def site_suffix(headline: str, max_words: int = 6) -> int | None:
    """Where the site name glued to the end of `headline` begins (at its separator), or None."""
    found = None
    for m in _SEPARATOR.finditer(headline):
        found = m
    if found is None or found.start() == 0:
        return None
    name = headline[found.end() :].strip()
    words = name.split()
    if len(headline[: found.start()].split()) < 3:
        return None  # "Opinion | Republicans Are Following Trump": a label before the headline
    if not words or len(words) > max_words or name[-1] in "?!.\"'\u201d\u2019":
        return None
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL for w in words):
        return None  # "... - right on your doorstep!", "... - video report"
    if found.group(1) == "|":
        return found.start()
    lowered = [w.strip(".,").lower() for w in words]
    if _DOMAIN.search(name) or any(w in _PUBLICATION for w in lowered[1:]) or lowered[-1] in _PUBLICATION:
        return found.start()
    if len(words) == 1 and _BRAND.match(words[0]):
        return found.start()
    return None


# The last word of a masthead, the name a paper goes by ("The Northern Courier", "Sky News"):
# stricter than _PUBLICATION, whose "Review", "Live" and "Sport" also head a headline.
_MASTHEAD = frozenset(
    """
    news times post daily herald courier journal gazette tribune star mail telegraph guardian chronicle
    observer express independent mirror standard sun record register bulletin dispatch inquirer examiner
    monitor sentinel courant ledger enquirer argus echo advertiser citizen clarion leader gleaner
    recorder pioneer messenger mercury advocate democrat republican banner beacon eagle globe
""".split()
)
# The words before a masthead word that make a label of the headline's own ("Breaking News:").
_NOT_MASTHEAD = frozenset("breaking latest local world business good bad fake top more sports sport weather".split())
_FRONT_SEPARATOR = re.compile(r"[ \t]*(?::|[ \t](?:\||\u00bb|\u203a|[-\u2013\u2014]))[ \t]+(?=\S)")

_GUILLEMET = re.compile(r"\s[\u00bb\u203a]\s")


def site_prefix(headline: str) -> int | None:
    """Where the headline proper begins after a masthead glued to its front, or None."""
    found = _FRONT_SEPARATOR.search(headline, 0, 60)
    if found is None or found.start() == 0:
        return None
    name = headline[: found.start()].strip()
    words = name.split()
    if not 3 <= len(headline[found.end() :].split()) <= 25 or not 1 <= len(words) <= 5:
        return None  # past 25 words, a paragraph of copy after its source: "PanARMENIAN.Net - Video ..."
    if _DOMAIN.search(name) and len(words) == 1:
        return found.end()  # "Coastline.co.uk | Ferry operator adds sailings"
    if len(words) < 2 or not all(w[0].isupper() or w.lower() in _SMALL for w in words):
        return None
    lowered = [w.lower() for w in words]
    if lowered[-1] not in _MASTHEAD or any(w in _NOT_MASTHEAD for w in lowered):
        return None
    return found.end()


@dataclass
class Options:
    max_words: int = 6


def _front(doc, start: int, end: int) -> Hit | None:
    begin = site_prefix(doc.text[start:end])
    if begin is None:
        return None
    name = doc.text[start : start + begin].rstrip(" \t:|-\u00bb\u203a\u2013\u2014")
    return Hit(start, start + begin, {"found": name}, (Edit(start, start + begin, ""),))


def check(doc, options: Options):
    if doc.headline is None:
        return
    # "Eastfield Sentinel » School board votes" reads to the Document as a breadcrumb above the
    # headline it found: the lines above it that hold one guillemet are read here once more.
    for start, end in doc.paragraphs[: min(doc.headline_index, 3)]:
        if len(_GUILLEMET.findall(doc.text, start, end)) == 1 and (hit := _front(doc, start, end)):
            yield hit
            return
    start, end = doc.headline
    hit = _front(doc, start, end)
    if hit is not None:
        yield hit
        start = hit.end
    cut = site_suffix(doc.text[start:end], options.max_words)
    if cut is not None:
        yield Hit(
            start + cut,
            end,
            {"found": doc.text[start + cut : end].strip(" \t|-\u2013\u2014")},
            (Edit(start + cut, end, ""),),
        )


TYPE = RuleType("site-name", Options, check, ("found",), __doc__, fix="unsafe")
