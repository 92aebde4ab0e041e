"""vague-source: a claim put in the mouth of an unnamed crowd.

What it does
    Reports a source that is a collective no one is named in ("officials said", "analysts
    say", "witnesses said", "a spokesperson said", "health leaders have warned") when the story
    never says whose: no proper name before it ("county officials" is vague, "Cal Fire
    officials" is not; "Western diplomats" still are), nothing after it ("analysts at Barclays", "a spokesperson for the
    council"), and no use of the same collective elsewhere in the story that is named.

Why is this bad
    "Officials said" tells the reader nothing about who stands behind the claim. A desk asks
    which officials, from where, and why they are not named.

Example
    Analysts said the price was fair.

Use instead
    Analysts at Harbour Securities said the price was fair.

Options
    collectives   the crowds that may speak (a regular expression each, ignoring case)
    verbs         what they do when they attribute (a regular expression each)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Hit
from .base import RuleType, alternation, compile_pattern, finditer, timed
from .literals import prefilter
from .openings import leading_literals, occurrences

# What names a collective after it: "officials at the Forest Service", "a spokesperson for Nimbus".
# "analysts at the consultancy Capital Economics": up to two common nouns before the name.
_NAMED_AFTER = re.compile(
    r"\s+(?:at|from|with|for|of)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}[A-Z]"
)  # not "in Bombay": a place
# Not a source at all: "faster than economists had expected", "what doctors believed was".
# Nor is a crowd that is the object of a clause: "which represents the operators, said".
_NOT_ATTRIBUTION = re.compile(
    r"(?:\bthan|\bwhat|\brepresents?|\brepresenting|\bfor|\bof|\bamong)\s+(?:the\s+|its\s+|their\s+)?$",
    re.IGNORECASE,
)
# A sentence in which an organisation the story names speaks: "The museum said ...",
# "Lincolnshire county council said ...". A spokesperson in the sentence after speaks for it.
_ORG_SAID = re.compile(r"\b(?P<who>[\w\u2019']+)\s+(?:has\s+|had\s+)?(?:said|says|told|confirmed|added)\b")
# The crowd is not the source where someone else tells of it: "Doctors expected him to
# recover, she said." Nor where it tells the police what it saw ("Witnesses told officers").
_REPORTED = re.compile(
    r"[^.!?\n]{0,200}?, (?:he|she|they|it|[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)?) (?:said|says|added)\b"
)
_TOLD_POLICE = re.compile(r"\s+(?:told|gave)\s+(?:police|officers|investigators|detectives|the police)\b")
# "The researchers said": the study's authors, whom the story has introduced.
_STUDY_GROUPS = frozenset(("researchers", "scientists", "authors", "investigators", "doctors", "surgeons", "engineers"))
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_WORD_BEFORE = re.compile(r"([A-Z][\w.&'\u2019-]*)\s+$")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s+$")


@dataclass
class Options:
    collectives: Any
    verbs: Any
    quotes: str = "skip"
    pattern: Any = field(init=False, repr=False)

    def __post_init__(self):
        self.pattern = compile_pattern(
            "collectives",
            rf"(?<![\w-])((?:{alternation('collectives', self.collectives)}))(?![\w-])"
            rf"(?=(?:\s+(?:in|at|from|on|near|close\s+to)\s+[\w.' ]{{1,40}}?)?,?\s+(?:have\s+|had\s+)?"
            rf"(?:(?:long|widely|privately|also|generally|repeatedly|increasingly)\s+)?"  # "have long warned"
            rf"(?:{alternation('verbs', self.verbs)})\b)",
            ignore_case=True,
        )
        self.prefilter = prefilter([self.pattern.pattern])  # not an option
        # What every match starts with (a collective's first words), where check() tries the
        # pattern instead of scanning every paragraph with it; None: scan.
        self.openings = leading_literals(self.pattern.pattern)  # not an option


def check(doc, options: Options):
    text = doc.text
    uses = [(m.start(1), m.end(1), m.group(1).lower(), start) for m, start in _matches(doc, options)]
    if not uses:
        return
    named = {key for s, e, key, p in uses if _is_named(text, s, e, p)}
    for s, e, key, p in uses:
        if key in named or not doc.in_scope(s, e, options.quotes):
            continue
        if _NOT_ATTRIBUTION.search(text, max(p, s - 20), s) or _spoken_for(doc, options, s, key):
            continue
        if _REPORTED.match(text, e) or _TOLD_POLICE.match(text, e):
            continue
        if key in _STUDY_GROUPS and _THE_BEFORE.search(text, max(p, s - 4), s):
            continue
        if _named_by_role(doc, options, key, s, e):
            named.add(key)
            continue
        named.add(key)  # one report for each collective
        yield Hit(s, e, {"found": text[s:e]})


def _matches(doc, options: Options):
    """The pattern's matches in the body, each with the start of its paragraph: what finditer
    finds in each body paragraph, found by trying the pattern only where one of its openings
    (options.openings) is in the lower-cased text, Document.folded."""
    text, folded, body = doc.text, doc.folded, doc.body
    if not body:
        return
    if options.openings is None or folded is None:
        for index in body:
            start, end = doc.paragraphs[index]
            if options.prefilter.may_match(folded, start, end):  # (most paragraphs have no verb)
                for m in finditer(options.pattern, text, start, end):
                    yield m, start
        return
    last = 0  # finditer's matches do not overlap: the next starts at the end of the last or after
    for at in occurrences(folded, options.openings, doc.paragraphs[body[0]].start):
        if at < last:
            continue
        start, end = doc.paragraphs[doc.paragraph_index(at)]
        if at < end:  # (not between paragraphs)
            m = timed(options.pattern.match, text, at, end)
            if m:
                last = m.end()
                yield m, start


def _is_named(text: str, start: int, end: int, paragraph_start: int) -> bool:
    """Does the story say whose this collective is, here? A name after it, or a proper name
    just before it that does not merely open the sentence ("Civic officials said")."""
    if _NAMED_AFTER.match(text, end):
        return True
    window = max(paragraph_start, start - 40)
    word = _WORD_BEFORE.search(text, window, start)
    if word is None:
        return False
    head = word.start(1)
    if _PEOPLES.fullmatch(word.group(1)):
        return False  # "Western diplomats": a side's crowd, still unnamed
    return not (head == paragraph_start or _SENTENCE_END.search(text, max(paragraph_start, head - 4), head))


# A side, not a government: "Western officials" says where a crowd is from, not who it is.
# ("Turkish officials" are a government's, and a story often names one of them.)
_PEOPLES = re.compile(r"Western|Eastern|Arab|Gulf|Allied|Foreign")


def _spoken_for(doc, options: Options, start: int, key: str) -> bool:
    """A spokesperson right after a sentence in which a named organisation speaks speaks for it:
    "The museum said it had strengthened its review. A spokesperson said ..."."""
    if "spokes" not in key:
        return False
    number = doc.sentence_index(start)
    if number == 0:
        return False
    s, e = doc.sentences[number - 1]
    if doc.paragraph_index(s) != doc.paragraph_index(start):
        return False
    said = _ORG_SAID.search(doc.text, s, e)
    # The speaker of the sentence before must not be a crowd itself: "Aid groups said ...".
    return said is not None and options.pattern.match(said.group("who") + " said") is None


def _named_by_role(doc, options: Options, key: str, start: int, end: int) -> bool:
    """Is one of this crowd named elsewhere by the role it shares: "scientists said" in a story
    that quotes "Ines Morales, a JPL planetary scientist"; or is the crowd's own qualifier part
    of an organisation the story names ("state health officials" and "the Texas Department of
    State Health Services")?"""
    text = doc.text
    singular = key.removeprefix("a ").rstrip("s") if key.endswith("s") else None
    if singular and re.search(
        rf"[A-Z][\w'\u2019-]+,\s+(?:an?|the)\s+(?:[\w.'\u2019-]+\s+){{0,4}}{re.escape(singular)}\b", text
    ):
        return True
    p_start = doc.paragraphs[doc.paragraph_index(start)][0]
    qualifiers = re.findall(r"\b([A-Za-z]{4,})\s+(?=(?:[a-z]+\s+)?$)", text[max(p_start, start - 30) : start])
    return any(
        q in text  # (both searches need it, and most qualifiers are not capitalised anywhere)
        and re.search(rf"[A-Z][\w&'-]*\s+(?:of\s+|and\s+|for\s+)?{q}\b|\b{q}\s+(?:of\s+|for\s+)?[A-Z0-9]", text)
        for q in (q.capitalize() for q in qualifiers[-2:])
        if not _PEOPLES.fullmatch(q)  # "Western officials" are named by no "Western Union"
    )


TYPE = RuleType("vague-source", Options, check, ("found",), __doc__)
