"""first-use: a short form the story must introduce before it uses it.

What it does
    Reports the first use of a short form that the story has not introduced: an acronym
    (with `acronyms: true`, any word of two to six capitals) that the story spells out only
    later ("The OBR said ... the Office for Budget Responsibility"), not before it or in its own
    sentence ("the National Health Service (NHS)"); with `unexplained: true` also one it never
    spells out; or a listed short form (`terms`: Fed) before its long form (Federal Reserve).
    Acronyms every reader knows (`known`: BBC, FBI, NATO ...) and an acronym the story glosses in
    brackets are not reported; nor are the headline, all-capital lines and what people said.

Why is this bad
    Both stylebooks ask for it: a reader who does not know the letters stops reading. AP: spell
    out on first reference an abbreviation the reader would not quickly recognise; the
    Guardian: spell out an abbreviation at first mention unless it is better known than its
    full name.

Example
    The OBR said borrowing would rise.

Use instead
    The Office for Budget Responsibility (OBR) said borrowing would rise.

    An acronym counts in capitals alone ("OBR") or in mixed case with two capitals or more at
    its end ("DoDMA", "PennDOT"); a story spells it out with the capitalised words its capitals
    stand for, small words passed over or standing for an O ("Department of Transportation"
    spells DOT). An expansion in the acronym's own sentence counts only as a gloss just after
    it ("the ALA, the American Library Association,"), not further on ("by the ALA in 1987,
    and the American Library Association later ...").

    With `problem: never-spelled` it reports instead an acronym the story never spells out
    ("Forecasters with the NWS said"): see that problem's doc.

Options
    problem       spelled-later (the default) or never-spelled
    acronyms      report acronyms spelled out only after their first use (default true)
    unexplained   spelled-later: also report acronyms never spelled out (default false:
                  companies, teams and products are often known by letters the story never
                  expands); their findings have no {long} or {line}, so such a rule needs its
                  own message
    known         acronyms every reader knows, never reported (a house adds its own with
                  `vocabulary: accept:` in its configuration)
    also_known    more of them, for one profile's readers (set under `by_profile`): British
                  readers know HMRC and the MoD, American readers the FDA and the GOP
    terms         mapping of a short form to its long form (or a list of them) that must come first
    min_length    the fewest capitals an acronym has (default 2)
    quotes        the rule's quotation scope; by default what people said does not count
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..model import Hit
from .base import OptionError, RuleType, finditer, string_list, timed, word_pattern

# Two to six capitals standing alone (a plural s allowed), not part of "U.S.", "AT&T", "COVID-19";
# or a mixed-case acronym that ends in two capitals or more, its small words in lower case
# ("DoDMA", "PennDOT"; not "McDonald", "iPhone", "JPMorgan"). The first capital comes first and
# what stands before it is a lookbehind after it, so the scan skips to each capital. (A run of
# lower-case letters must meet a capital: giving some back never helps, so "Minister" fails
# fast; possessive repeats would say so, but Python 3.10 has none.)
_ACRONYM = re.compile(
    r"([A-Z](?<![\w.&'\u2019/-][A-Z])(?:[A-Z]{1,5}|[a-z]{1,4}(?:[A-Z][a-z]{1,3})?[A-Z]{2,5}))"
    r"s?(?![\w&/]|\.\w|-\w|['\u2019]\w\w)"
)
# A Roman numeral as news writes them (World War II, Henry VIII, Super Bowl LVII): a valid one
# with a unit or a ten in it, not letters that only look like one (CDC, MCC, DC).
_ROMAN = re.compile(r"(?=.*[IVXL])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff"  # lower-case letters an expansion's words go on with
# Words an expansion may pass over without taking a letter: "Office for Budget Responsibility".
_SMALL = r"(?:of|for|and|the|on|in|to|de|du|des|la|le|el|y|&)"


PROBLEMS = ("spelled-later", "never-spelled")


@dataclass
class Options:
    problem: str = "spelled-later"
    acronyms: bool = True
    unexplained: bool = False
    known: Any = ()
    also_known: Any = ()
    terms: Any = None
    min_length: int = 2
    quotes: str = "skip"
    known_set: frozenset = field(init=False, repr=False)
    term_patterns: list = field(init=False, repr=False)

    def __post_init__(self):
        if self.problem not in PROBLEMS:
            raise OptionError("problem", f"must be one of {', '.join(PROBLEMS)}")
        for name in ("acronyms", "unexplained"):
            if not isinstance(getattr(self, name), bool):
                raise OptionError(name, "must be true or false")
        self.known_set = frozenset(string_list("known", list(self.known))) | frozenset(
            string_list("also_known", list(self.also_known))
        )
        if not isinstance(self.min_length, int) or not 2 <= self.min_length <= 6:
            raise OptionError("min_length", "must be a whole number from 2 to 6")
        self.term_patterns = []
        terms = self.terms or {}
        if not isinstance(terms, dict):
            raise OptionError("terms", "must map each short form to its long form (or a list of them)")
        for short, long in terms.items():
            longs = string_list("terms", long)
            if not isinstance(short, str) or not short.strip() or not longs:
                raise OptionError("terms", "must map each short form to its long form (or a list of them)")
            self.term_patterns.append((longs[0], word_pattern("terms", [short]), word_pattern("terms", longs)))
        if not self.acronyms and not self.term_patterns:
            raise OptionError("terms", "with `acronyms: false` the rule needs terms")
        if self.problem == "never-spelled" and (not self.acronyms or self.term_patterns):
            raise OptionError("problem", "never-spelled reports acronyms: it takes no terms")


# A capitalised word ("Budget"), and a run of them with the small words between: the places
# where a story may spell an acronym out ("Office for Budget Responsibility").
_CAP_WORD = rf"[A-Z][{_LOWER}][\w\u2019']*"
_CAP = re.compile(_CAP_WORD)
_RUN_ON = rf"(?:[\s-]+(?:{_SMALL}[\s-]+)*{_CAP_WORD})*"  # the run's further words


@lru_cache(maxsize=26)
def _runs_from(letter: str) -> re.Pattern:
    """Runs of capitalised words that begin with `letter` (an acronym's first): the engine skips
    every other capital, which is most of them. One pattern per letter, compiled on first need."""
    # (the letter itself first, so that the scan looks for it as a literal)
    return re.compile(rf"{letter}(?<!\w{letter})[{_LOWER}][\w\u2019']*{_RUN_ON}")


MAX_LETTERS = 6


def _keys(acronym: str) -> set[str]:
    """The initials a story's words may spell `acronym` with: its capitals ("DoDMA": DDMA), and
    without an O that stands for a small word ("DOT", Department of Transportation: DT)."""
    capitals = "".join(c for c in acronym if c.isupper())
    dropped = {capitals[:at] + capitals[at + 1 :] for at in range(1, len(capitals)) if capitals[at] == "O"}
    return {capitals} | {key for key in dropped if len(key) >= 2}  # one O at most: "Music of Black" is no MOBO


def _expansions(doc, acronyms: set[str]) -> dict[str, tuple[int, int]]:
    """Each of `acronyms` -> the span of the first run of capitalised words in the body that
    spells it (by any of its _keys), found in one scan of the story (rather than a pattern
    compiled for each). Any stretch of a run counts: "the Office for Budget Responsibility chief"
    spells OBR. Words start with a capital and go on in lower case, so that "a chance" does not
    spell AC, nor the acronym itself ("LG Group") its own expansion."""
    text = doc.text
    keys: dict[str, list[str]] = {}  # initials -> the acronyms they spell
    for acronym in acronyms:
        for key in _keys(acronym):
            keys.setdefault(key, []).append(acronym)
    prefixes = {key[:n] for key in keys for n in range(1, len(key) + 1)}
    found: dict[str, tuple[int, int]] = {}
    body = doc.paragraphs[doc.body[0]].start if doc.body else 0  # not the headline
    runs = (run for letter in sorted({k[0] for k in keys}) for run in _runs_from(letter).finditer(text, body))
    long_runs = []  # runs with a word more than the longest keys' letters, for _with_a_word_dropped
    for run in runs:
        words = [w.span() for w in _CAP.finditer(text, run.start(), run.end())]
        if len(words) > 4:
            long_runs.append(words)
        for i, (start, _) in enumerate(words):
            initials = ""
            for j in range(i, min(len(words), i + MAX_LETTERS)):
                initials += text[words[j][0]]
                if initials not in prefixes:
                    break  # no acronym the story needs starts so
                for acronym in keys.get(initials, ()):
                    if acronym not in found or start < found[acronym][0]:
                        found[acronym] = (start, words[j][1])
    missing = {key: names for key, names in keys.items() if len(key) >= 4 and not set(names) <= set(found)}
    if missing and long_runs:
        _with_a_word_dropped(text, long_runs, missing, found)
    return found


def _with_a_word_dropped(text: str, runs: list, keys: dict[str, list[str]], found: dict) -> None:
    """Acronyms of four letters or more whose name has one word more than their letters, inside
    it: the National Institute for Health and Care Excellence is NICE. The run must begin and end
    on the acronym's first and last letters."""
    for words in runs:
        letters = "".join(text[start] for start, _ in words)
        for key, acronyms in keys.items():
            width = len(key) + 1
            for i in range(len(words) - width + 1):
                stretch = letters[i : i + width]
                if stretch[0] != key[0] or stretch[-1] != key[-1]:
                    continue
                if any(stretch[:k] + stretch[k + 1 :] == key for k in range(1, width - 1)):
                    for acronym in acronyms:
                        if acronym not in found or words[i][0] < found[acronym][0]:
                            found[acronym] = (words[i][0], words[i + width - 1][1])
                    break


def check(doc, options: Options):
    text = doc.text
    body = [i for i in doc.body if not doc.is_shouting(i)]
    if not body:
        return
    top = doc.paragraphs[body[0]].start
    if options.acronyms:
        yield from _acronyms(doc, options, body)
    for long, short_pattern, long_pattern in options.term_patterns:
        for m in finditer(short_pattern, text, top):
            if doc.is_shouting(doc.paragraph_index(m.start())) or not doc.in_scope(m.start(), m.end(), options.quotes):
                continue
            sentence_end = doc.sentences[doc.sentence_index(m.start())].end
            if not timed(long_pattern.search, text, top, max(sentence_end, m.end())):
                yield Hit(m.start(), m.end(), {"found": m.group(), "long": long, "line": ""})
            break  # only the first use needs the long form before it


def _acronym_scan(doc) -> list:
    """Every acronym-like word from the top of the body, in one scan with the standard re (linear,
    and faster than a scan per paragraph), shared by the rules of this type."""
    body = [i for i in doc.body if not doc.is_shouting(i)]
    return list(_ACRONYM.finditer(doc.text, doc.paragraphs[body[0]].start)) if body else []


def _found_expansions(doc) -> dict:
    return {}  # frozenset of acronyms -> _expansions of them, per Document


def _acronyms(doc, options: Options, body: list[int]):
    text = doc.text
    first_uses = {}  # acronym -> its first use, where the story does not gloss it in brackets
    seen: set[str] = set()
    known, shouting = options.known_set, set(doc.body) - set(body)
    # The few matches in all-capital paragraphs are passed over.
    for m in doc.memo(_acronym_scan):
        acronym = m.group(1)
        if acronym in known or acronym in seen or len(acronym) < options.min_length:
            continue
        if shouting and doc.paragraph_index(m.start()) in shouting:
            continue
        seen.add(acronym)
        if _ROMAN.fullmatch(acronym) or not doc.in_scope(m.start(), m.end(), options.quotes):
            continue
        if text[m.start() - 1 : m.start()] == "(" or _GLOSS_AFTER.match(text, m.end()):
            continue  # "... Service (NHS)" or "NHS (National Health Service)"
        first_uses[acronym] = m
    if not first_uses:
        return
    wanted = frozenset(first_uses)
    found = doc.memo(_found_expansions)  # shared by the rules of this type, which mostly want the same
    if wanted not in found:
        found[wanted] = _expansions(doc, set(wanted))
    expansions = found[wanted]
    never = options.problem == "never-spelled"
    for acronym, m in first_uses.items():
        spelled = expansions.get(acronym)
        if spelled is None:
            if (never and _a_body(text, m) and not _named_thing(text, m)) or options.unexplained:
                yield Hit(m.start(), m.end(), {"found": m.group(), "long": "", "line": ""})
            continue
        if never or spelled[0] < m.start():
            continue  # spelled out somewhere, or before the first use
        sentence_end = doc.sentences[doc.sentence_index(m.start())].end
        if spelled[0] < sentence_end and _GLOSS_GAP.fullmatch(text, m.end(), spelled[0]):
            continue  # glossed just after: "the ALA, the American Library Association, ..."
        fields = {"found": m.group(), "long": _WHITESPACE.sub(" ", text[spelled[0] : spelled[1]])}
        fields["line"] = doc.line_col(doc.to_source(spelled[0]))[0]
        yield Hit(m.start(), m.end(), fields)


# Letters that are part of a name, not a body the reader must be told of: a company's or a
# product's ("ABN Amro", "HBOS Treasury Services", "the IRB Rugby Aid match", "luxury goods firm
# LVMH", "brokers ING"), and a word in capitals among others ("THE LEGEND OF ZELDA", "this AND").
_NAME_GOES_ON = re.compile(r"[ \t]+(?:[A-Z][a-z]|\d|&|[A-Z]{2,}\b|(?:plc|Inc|Corp|Ltd|Co|AG|SA|NV|LLC|SpA)\b)")
_COMPANY_BEFORE = re.compile(
    r"(?:\b(?:firms?|company|companies|giants?|group|banks?|brokers?|brokerage|rivals?|makers?|carriers?|"
    r"operators?|chains?|retailers?|insurers?|lenders?|airlines?|networks?|broadcasters?|publishers?|"
    r"developers?|manufacturers?|start-?ups?|brands?|labels?|studios?|conglomerates?|consultancy|"
    r"funds?|clubs?|bands?|channels?|products?|devices?|consoles?)|\b[A-Z]{2,})[,:]?\s+(?:the\s+)?$"
)


# A public body is "the CPS", "the NWS"; a company or a product, which the reader may know by its
# letters alone, seldom takes the article ("analyst at UBS", "Sony's PSP"). Without it, letters
# that a body's noun stands beside are a body too: "the disaster agency, DoDMA", "the conciliation
# service ACAS", "EIPO, a nonpartisan watchdog".
_BODY = (
    r"(?:agency|service|authority|watchdog|regulator|body|board|commission|council|committee|institute|"
    r"department|association|union|organi[sz]ation|charity|foundation|society|federation|office|bureau|"
    r"ministry|tribunal|school|university|college|force|party|panel|trust|coalition|alliance|centre|center)"
)
_THE_BEFORE = re.compile(r"\b(?:the|The)\s+$")
_BODY_BEFORE = re.compile(rf"\b{_BODY},?\s+$")
_BODY_AFTER = re.compile(rf",\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}{_BODY}\b")


def _a_body(text: str, m) -> bool:
    """Do the letters at `m` name a body the story must introduce (see _BODY)?"""
    before = max(0, m.start() - 30)
    return bool(
        _THE_BEFORE.search(text, before, m.start())
        or _BODY_BEFORE.search(text, before, m.start())
        or _BODY_AFTER.match(text, m.end())
    )


# Letters before a noun name a thing more often than a body: "the PAL version", "the ISEQ
# index", "the LZW algorithm" (a verb after them, "the NWS said", "the OSBI collected", is
# reported). Words that cannot be that noun are passed over.
_NOUN_AFTER = re.compile(
    r"[ \t]+(?!(?:and|or|but|in|on|at|for|of|to|from|with|by|as|about|over|under|after|before|which|who|"
    r"whose|that|has|have|had|is|are|was|were|will|would|could|can|cannot|may|might|must|should|shall|"
    r"did|does|do|also|then|now|still|itself|last|later|once|first|never|already|alone|too|only|said|told|"
    r"found|made|took|gave|began|sent|won|lost|led|paid|brought|held|kept|set|put|cut|met|ran|saw|became|"
    r"wrote|spent|left|chose|sought|got|knew|thought|felt|rose|fell|grew|drew|hit|quit|bought|sold)\b)"
    r"[a-z]+\b(?<!ed)(?<!s)(?![-\w])"
)


def _named_thing(text: str, m) -> bool:
    """Is the acronym at `m` part of a company's or product's name, a thing's before its noun, or a
    word in capitals?"""
    if _NAME_GOES_ON.match(text, m.end()) or _COMPANY_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return True
    if _NOUN_AFTER.match(text, m.end()):
        return True
    word = m.group(1).lower()
    return re.search(rf"\b{word}\b", text) is not None  # "AND" for "and", "NICE" where "nice" is


# What may stand between an acronym and its gloss in the same sentence.
_GLOSS_GAP = re.compile(
    r"[\s,:;(\u2013\u2014-]*(?:(?:the|or|an?|for|short for|(?:which |that )?stands? for|standing for|"
    r"known as|meaning)[\s,:]+)*"
)
_GLOSS_AFTER = re.compile(r"[!'\u2019s]{0,2}\s*\(")  # "POW! (Purveyors of Wonder)", "NHS's (...)"
_WHITESPACE = re.compile(r"\s+")


PROBLEM_DOCS = {
    "spelled-later": __doc__.split("\n    With `problem: never-spelled`")[0],
    "never-spelled": """
What it does
    Reports the first use of an acronym the story never spells out: "Forecasters with the NWS
    said", "The CPS said", "the disaster agency, DoDMA, said". Acronyms every reader knows
    (`known`: BBC, FBI, NHS, NATO ...; a house adds its own in `vocabulary: accept:`) and
    those glossed in brackets are not reported; nor are the headline, all-capital lines and what
    people said.

Why is this bad
    The reader cannot look the letters up in the story: a body the reporter knows well is
    a riddle to everyone else, and an invented one cannot be checked at all.

Example
    Forecasters with the NWS said more snow would fall.

Use instead
    Forecasters with the National Weather Service said more snow would fall.
""",
}

TYPE = RuleType("first-use", Options, check, ("found", "long", "line"), __doc__, fix="off", problems=PROBLEM_DOCS)
