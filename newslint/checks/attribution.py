"""attribution: a figure with no source.

What it does
    Reports a figure (a percentage, a sum of money, a count of people or things, an estimate)
    in a sentence outside quotation when no source ("said", "according to", "figures from",
    "estimated by" ...) is named in that sentence, the one after it in the paragraph, or the
    one before it (which may end the paragraph before, when it gives figures too).
    Years, dates, ages, times and street numbers are not figures; figures in words are
    ("tens of thousands", "a dozen", "doubled", "risen by a third", "one in six"). A count is
    reported when the sentence makes it a trend or a crowd, or when it opens the sentence as a
    count in words or in the thousands ("Thousands of homes lost power", "More than 40,000
    customers were without power"): an estimate someone made. Only the first figure of a
    sentence is reported. A sentence that states no claim is passed over: one that matches
    `not_claims` (a price, a deal's value, a market's move, a company's results, a race's
    distance), a line of a table, and a line written as a headline or a label.

Why is this bad
    A number without a source is an assertion by the newspaper. Editors ask "says who?".

Example
    About 300 fighters were part of the original group.

Use instead
    About 300 fighters were part of the original group, U.S. officials said.

Options
    sources       words and phrases that attribute (a regular expression each)
    quotes        the rule's quotation scope; a figure inside a quotation is the speaker's
    not_claims    sentences whose figures are facts of record, not claims (a regular
                  expression each, ignoring case)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..model import Hit
from .base import RuleType, alternation, compile_pattern, string_list, timed
from .openings import AnySearch

_NUMBER = r"\d(?:[\d,]*\d)?(?:\.\d+)?"
# A figure starts at the first digit of a number, never inside one: tried from every digit of
# "1,1,1,...", each attempt ran to the end of the run and back, in quadratic time.
_AT_NUMBER = r"\b(?<!\d[.,])"
_SCALE = r"(?:thousand|million|billion|trillion|mln|bln|bn|m|k)\b"
_CURRENCIES_CLASS = "$\u00a3\u20ac\u00a5"
_TIME_UNITS = "years|months|weeks|days|hours|minutes|seconds|decades|centuries|times|am|pm|percent|goals|points"
FIGURE = re.compile(
    rf"(?:[$\u00a3\u20ac\u00a5]\s?{_NUMBER}(?:\s?{_SCALE})?"  # money
    rf"|{_AT_NUMBER}{_NUMBER}\s?(?:%|per\s?cent\b|percent\b|pct\b|percentage points?\b)"  # a share
    rf"|{_AT_NUMBER}{_NUMBER}\s?{_SCALE}(?:\s+(?:dollars|dlrs|pounds|euros|yen|people|barrels|tonnes|tons)\b)?"
    rf"|{_AT_NUMBER}{_NUMBER}\s+(?:dollars|dlrs|pounds|euros|yen|yuan|rupees)\b"
    rf"|\b(?i:about|around|nearly|almost|more than|over|at least|some|an estimated|up to|fewer than|"
    rf"less than|roughly|approximately)\s+{_NUMBER}\s+(?![A-Z])(?!(?:{_TIME_UNITS})\b)[a-z]+"  # an estimate
    rf"|{_AT_NUMBER}\d{{1,3}}(?:,\d{{3}})+\b(?!\s+(?:{_TIME_UNITS})\b))"  # a large count
)
_DIGIT = re.compile(r"\d")  # every FIGURE has one: check() looks at no sentence without
_DIGITS = re.compile(r"\d+")
# FIGURE without its estimates, written to start with one class of characters, so the regex
# engine passes over every other character without trying the pattern there: what FIGURE finds
# (bar the estimates) at a few times the speed. The first character (a currency sign, the first
# digit of a number) is taken, then tested from behind: the boundary and the "not after 1." of
# _AT_NUMBER move one character on with it. Its white space is a line's (_SPACE): a paragraph is
# a line, so a scan of a whole story finds what scans of each paragraph find.
# An estimate ("about 300 people") starts at a word, where this pattern does not look. Instead,
# at the first digit of a number after an estimate's word and white space (or after more than
# one white space character), it matches that digit alone, before it tries the figures there;
# the stretch up to that number is scanned the plain way (_figures, paragraph_figures).
# Lookbehinds take fixed widths: one per length of word.
_ESTIMATE_WORDS = (
    "about",
    "around",
    "nearly",
    "almost",
    "more than",
    "over",
    "at least",
    "some",
    "an estimated",
    "up to",
    "fewer than",
    "less than",
    "roughly",
    "approximately",
)
_AFTER_ESTIMATE_WORD = "|".join(
    [r"(?<=\s\s\d)"]
    + [
        rf"(?<=\b(?i:{'|'.join(w for w in _ESTIMATE_WORDS if len(w) == length)})\s\d)"
        for length in sorted({len(w) for w in _ESTIMATE_WORDS})
    ]
)
_ESTIMATE_BEFORE = re.compile(rf"\b(?i:{'|'.join(_ESTIMATE_WORDS)})\Z")  # (searched up to the white space)
_REST_OF_NUMBER = r"(?:[\d,]*\d)?(?:\.\d+)?"  # _NUMBER after its first digit
_SPACE = r"[^\S\r\n]"  # white space that does not end a line
FAST_FIGURE = re.compile(
    rf"[{_CURRENCIES_CLASS}\d]"
    rf"(?:(?<=[{_CURRENCIES_CLASS}]){_SPACE}?{_NUMBER}(?:{_SPACE}?{_SCALE})?"  # money
    rf"|(?<=\d)(?<!\w\d)(?<!\d[.,]\d)(?:"  # the first digit of a number
    rf"{_AFTER_ESTIMATE_WORD}"  # (a match of one character: the number may be an estimate's)
    rf"|{_REST_OF_NUMBER}{_SPACE}?(?:%|per{_SPACE}?cent\b|percent\b|pct\b|percentage points?\b)"
    rf"|{_REST_OF_NUMBER}{_SPACE}?{_SCALE}(?:{_SPACE}+(?:dollars|dlrs|pounds|euros|yen|people|barrels|tonnes|tons)\b)?"
    rf"|{_REST_OF_NUMBER}{_SPACE}+(?:dollars|dlrs|pounds|euros|yen|yuan|rupees)\b"
    rf"|\d{{0,2}}(?:,\d{{3}})+\b(?!{_SPACE}+(?:{_TIME_UNITS})\b)))"
)
# For a story all in ASCII, which holds no other currency sign or digit: a class of ASCII
# characters is one table lookup a character, where \d is a test of its Unicode category.
_FIRST = f"[{_CURRENCIES_CLASS}\\d]"
assert FAST_FIGURE.pattern.startswith(_FIRST)
FAST_FIGURE_ASCII = re.compile("[$0-9]" + FAST_FIGURE.pattern.removeprefix(_FIRST))
_CURRENCIES = "$\u00a3\u20ac\u00a5"
_LONGEST_ESTIMATE = len("approximately")  # the longest word or phrase of an estimate above
# Figures in words: a count or a change with no digit in it.
WORD_FIGURE = re.compile(
    r"\b(?:tens|hundreds|thousands|millions|billions) of\b|\b(?:a|half a) dozen\b"
    r"|\b(?:doubled|tripled|trebled|quadrupled|halved)\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine) in (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
    r"|\b(?:risen|rose|fallen|fell|grown|grew|dropped|declined|increased|decreased|jumped|climbed|soared"
    r"|plunged|shrunk|shrank|lost|losing|lose)\s+(?:by\s+)?(?:(?:more than|almost|nearly|about|around|over|roughly|just over"
    r"|just under|close to)\s+)?(?:a\s+(?:third|quarter|half|fifth|tenth)|half|two-thirds"
    r"|three-quarters|a factor of \w+)\b",
    re.IGNORECASE,
)
_WORD_FIGURE_HINTS = (
    "tens of",
    "hundreds of",
    "thousands of",
    "millions of",
    "billions of",
    "dozen",
    "doubled",
    "tripled",
    "trebled",
    "quadrupled",
    "halved",
    "a third",
    "a quarter",
    "half",
    "a fifth",
    "a tenth",
    "two-thirds",
    "three-quarters",
    "a factor",
    " in two",  # one in two ... nine in ten: a share in words
    " in three",
    " in four",
    " in five",
    " in six",
    " in seven",
    " in eight",
    " in nine",
    " in ten",
)
# What makes a figure a claim. A share ("4%", "59 per cent") or a change in words ("doubled",
# "risen by a third") is a statistic someone measured. A count or a sum ("about 150 homes were
# evacuated", "stole £48,000", "more than 3,700 people died in 2025") is the event being reported,
# a fact of record a desk does not ask a source for, unless the sentence makes it a trend
# ("up from 33,000", "rose to 31", "since 2019") or a crowd estimate, which is always disputed.
_SHARE = re.compile(r"%|per\s?cent|percent|pct|percentage point", re.IGNORECASE)
_TREND = re.compile(
    r"\b(?:rose|risen|rises|rising|fell|fallen|falls|falling|grew|grown|grows|growing|increased|increases"
    r"|decreased|declined|declines|dropped(?! from (?:a|an|the)\b)|jumped|climbed|soared|surged|plunged|slumped|doubled|tripled"
    r"|trebled|halved|up from|down from|compared with|a year earlier|(?:highest|lowest|most|fewest) (?:since|in|for)"
    r"|on average|an average of|a record|record (?:high|low|number)|than ever|(?:more|fewer|higher|lower) than (?:at )?any)\b"
    r"|\b(?:marched|protested|rallied|demonstrated|took to the streets|joined (?:the )?(?:protests?|march|rally))\b",
    re.IGNORECASE,
)
# A share that is a plan, a rule or a decision, not a measurement: "will see a 3.9% increase",
# "voted to raise rates by 8%", "is set to rise by 4.99%", "requires a recount below 0.5%".
_PLAN = re.compile(
    r"\b(?:will|would|could|plans? to|planned|proposed?|proposal|voted|set to|is to|are to|aims? to|target"
    r"|wants? to|calls? for|pledged?|promised?|hopes? to"
    r"|requires?|required|allowed|cap(?:ped)?|limit)\b",
    re.IGNORECASE,
)
_ADJECTIVE = re.compile(r"\b(?:of|a|an|the) doubled\b", re.IGNORECASE)
# A sentence that names where the figures come from ("according to figures published by NHS
# England", "data from the census shows") covers the figures of the paragraph after it.
_CITES_DATA = re.compile(r"\b(?:figures|data|statistics|survey|census|study|report)\b", re.IGNORECASE)
# A sentence that goes on about the figure before it: "That is the most since 1990, ..."
_ABOUT_IT = re.compile(
    r"(?:That|This|It|These|Those|The (?:figure|figures|rise|fall|increase|drop|number|total|data))\b"
)
# Words that open a source in most stories: check() tries the source pattern at them first.
_PROBES = ("said", "says", "told", "according to")
# A line of figures in columns (two gaps of two spaces or a tab).
_TABLE_LINE = re.compile(r"\S(?: {2,}|\t)\S.*\S(?: {2,}|\t)\S")


@dataclass
class Options:
    sources: Any
    quotes: str = "skip"
    not_claims: Any = ()
    pattern: Any = field(init=False, repr=False)

    def __post_init__(self):
        alternatives = alternation("sources", self.sources)
        self.pattern = compile_pattern("sources", rf"\b(?:{alternatives})\b", ignore_case=True)
        self.record = (
            compile_pattern(
                "not_claims", rf"(?<!\w)(?:{alternation('not_claims', self.not_claims)})(?!\w)", ignore_case=True
            )
            if self.not_claims
            else None
        )  # not an option
        # The same searches, tried only where a source or a fact of record may start (openings.py).
        self.sourced = AnySearch(
            self.pattern, string_list("sources", self.sources), r"\b(?:{})\b", field="sources", ignore_case=True
        )  # not an option
        self.of_record = (
            AnySearch(
                self.record,
                string_list("not_claims", self.not_claims),
                r"(?<!\w)(?:{})(?!\w)",
                field="not_claims",
                ignore_case=True,
            )
            if self.record is not None
            else None
        )  # not an option
        # Words that open a source in most stories, where check() tries the pattern first.
        self.probes = tuple(word for word in _PROBES if self.pattern.fullmatch(word))  # not an option


def check(doc, options: Options):
    text = doc.text
    header = set(doc.header)
    sentences = doc.sentences
    folded = doc.folded
    lower = _lower_case(doc)
    hinted = _hinted_sentences(doc)
    sourced_memo: dict[int, bool] = {}  # sentence -> names a source; a sentence is asked up to three times

    def sourced(number: int) -> bool:
        if number not in sourced_memo:
            sourced_memo[number] = probed(number) or searched(number)
        return sourced_memo[number]

    def searched(number: int) -> bool:
        return options.sourced.search(text, folded, *sentences[number])

    def probed(number: int) -> bool:
        """Does a source open where the sentence has a common word of one ("said")? True only if
        it is sourced, found faster than a search of the sentence (one match, tried at the word)."""
        start, end = sentences[number]
        for probe in options.probes if folded is not None else ():
            at = folded.find(probe, start, end)
            while at >= 0:
                if timed(options.pattern.match, text, at, end):
                    sourced_memo[number] = True
                    return True
                at = folded.find(probe, at + 1, end)
        return False

    def sourced_after(number: int) -> bool:
        """Is the next sentence, in the same paragraph, the source? ("Sales rose 5%. That is the
        most since 1990, the trade body said.")"""
        if number + 1 >= len(sentences):
            return False
        following = sentences[number + 1]
        return (
            doc.paragraph_index(following[0]) == doc.paragraph_index(sentences[number][0])
            and bool(_DIGIT.search(text, *following) or _ABOUT_IT.match(text, following[0]))
            and sourced(number + 1)
        )

    def sourced_before(number: int, paragraph: int) -> bool:
        """Is the sentence before the source? It may end the paragraph before when it gives
        figures itself: "Inflation rose to 3%, the statistics office said." covers the figures of
        the next paragraph."""
        if number == 0:
            return False
        before = sentences[number - 1]
        if (
            doc.paragraph_index(before[0]) != paragraph
            and not paragraph_figures(text, *before)
            and not _CITES_DATA.search(text, *before)
        ):
            return False
        return sourced(number - 1)

    figures = _figures_by_sentence(doc, hinted)
    skip: dict[int, bool] = {}  # paragraph -> above the story, in capitals, or not prose
    for number in sorted(figures):
        start, end = sentences[number]
        paragraph = doc.paragraph_index(start)
        if paragraph not in skip:
            p_start, p_end = doc.paragraphs[paragraph]
            skip[paragraph] = (
                paragraph in header
                or doc.is_shouting(paragraph)
                or _is_table_line(text, p_start, p_end)
                or doc.is_headline_like(paragraph)
            )
        if skip[paragraph]:
            continue
        # The figure first, then the tests of the sentence, the cheapest first (all must pass).
        for figure in figures[number]:
            if doc.in_scope(figure.start(), figure.end(), options.quotes):
                break
        else:
            continue
        if (
            not (sourced_memo[number] if number in sourced_memo else probed(number))
            and _is_claim(
                figure.group(),
                text,
                start,
                end,
                lower,
                opening=_opens_with(figure, text, start),
                figure_end=figure.end(),
            )
            and not sourced(number)
            and not sourced_before(number, paragraph)
            and not sourced_after(number)
            and not (
                options.of_record is not None
                and options.of_record.search(text, folded, start, end)
                and not _COST_TO_ALL.search(text, start, end)
            )
        ):
            yield Hit(figure.start(), figure.end(), {"found": figure.group()})


def _figures_by_sentence(doc, hinted: set[int]) -> dict[int, list]:
    """The figures of each sentence that has any (sentence number -> matches, in text order):
    FIGURE's (see _figures) and, in the sentences that hold one of its hint words (`hinted`),
    WORD_FIGURE's."""
    text = doc.text
    sentences = doc.sentences
    figures = _figures(doc)
    for number in hinted:
        words = list(WORD_FIGURE.finditer(text, *sentences[number]))
        if words:
            figures[number] = sorted([*figures.get(number, ()), *words], key=lambda m: m.start())
    return figures


def _figures(doc) -> dict[int, list]:
    """FIGURE.finditer's matches in each sentence that has any: FAST_FIGURE's scan of the whole
    story (a figure cannot hold the end of a sentence: see paragraph_figures), and the plain
    scan's where it meets a number that may be an estimate's."""
    text = doc.text
    starts = doc._sentence_starts
    figures: dict[int, list] = {}
    number, following = -1, -1  # the sentence of the last figure, and where the next one starts
    last = 0  # where the last figure ended, or the last plain scan stopped
    at = 0
    fast = FAST_FIGURE_ASCII if text.isascii() else FAST_FIGURE
    while at is not None:
        scan, at = fast.finditer(text, at), None
        for m in scan:
            m_start, m_end = m.span()
            if m_end - m_start > 1:
                if m_start >= following:
                    number = bisect_right(starts, m_start) - 1  # (a figure is in a sentence)
                    following = starts[number + 1] if number + 1 < len(starts) else len(text)
                figures.setdefault(number, []).append(m)
                last = m_end
                continue
            # A number that may be an estimate's: from the end of the figure before (or of the
            # plain scan before), up to and with this number, the plain way (its word cannot be in
            # the figure before).
            p_start, p_end = doc.paragraphs[doc.paragraph_index(m.start())]
            more, at = _plain_scan(text, max(last, p_start), p_end, m.start())
            for figure in more:
                figures.setdefault(doc.sentence_index(figure.start()), []).append(figure)
            last = at  # where the plain scan stopped, after its figures: the next starts there
            following = -1  # (find the sentence again)
            break
    return figures


def _is_table_line(text: str, start: int, end: int) -> bool:
    """_TABLE_LINE.search, not tried where the gaps it needs (a tab, two spaces) are missing."""
    if text.find("  ", start, end) < 0 and text.find("\t", start, end) < 0:
        return False
    return _TABLE_LINE.search(text, start, end) is not None


def paragraph_figures(text: str, start: int, end: int) -> list:
    """What FIGURE.finditer(text, start, end) finds in a paragraph, found with FAST_FIGURE, or
    with figures_in where the paragraph may hold an estimate. (A figure cannot hold the end of a
    sentence: that is a stop, ! or ?, with white space after it, and a figure's one stop is a
    decimal point. So the figures of a paragraph are those of its sentences.)"""
    found = []
    for m in FAST_FIGURE.finditer(text, start, end):
        if m.end() - m.start() == 1:  # (no figure is one character long) a number that may be an
            # estimate's: its word cannot be in the figures before, so on from the last, the plain way
            return found + figures_in(text, found[-1].end() if found else start, end)
        found.append(m)
    return found


def figures_in(text: str, start: int, end: int) -> list:
    """What FIGURE.finditer(text, start, end) finds, found faster: every figure starts at the first
    digit of a run of digits, at a currency sign one or two characters before it, or at the word
    of an estimate ("about", "more than") that ends where the white space before it starts (one
    that ends before that was tried at the number after it). Only those places are tried, not
    every character of the sentence."""
    return _plain_scan(text, start, end)[0]


def _plain_scan(text: str, start: int, end: int, until: int | None = None) -> tuple[list, int]:
    """figures_in, which stops after the number that starts at `until` (if given): the figures
    found, and where a scan may take up again (the end of that number or of its figure)."""
    found = []
    last = start  # figures do not overlap: the next starts where the last one ended, or after
    for run in _DIGITS.finditer(text, start, end):
        at = run.start()
        if at < last:  # a run inside the last figure
            if at == until:
                return found, last
            continue
        if until is not None and at > until:
            return found, max(last, until + 1)  # (`until` starts no number: on past it)
        spaces = at
        while spaces > last and text[spaces - 1].isspace():
            spaces -= 1
        tries = []
        if spaces < at:  # an estimate's word just before the white space, which comes first
            word = _ESTIMATE_BEFORE.search(text, max(last, spaces - _LONGEST_ESTIMATE), spaces)
            if word:
                tries.append(word.start())
        tries += [p for p in (at - 2, at - 1) if p >= last and text[p] in _CURRENCIES]
        tries.append(at)
        for p in tries:
            figure = FIGURE.match(text, p, end)
            if figure:
                found.append(figure)
                last = figure.end()
                break
        if at == until:  # no figure starts inside a number: on after it
            return found, max(last, run.end())
    return found, end


def _hinted_sentences(doc) -> set[int]:
    """The numbers of the sentences that hold a hint word of WORD_FIGURE, looked for in the
    story's lower-cased text (Document.folded); every sentence where there is none."""
    folded = doc.folded
    sentences = doc.sentences
    if folded is None:  # lower case would move the offsets: every sentence may hold one
        return set(range(len(sentences)))
    found: set[int] = set()
    for hint in _WORD_FIGURE_HINTS:
        at = folded.find(hint)
        while at >= 0:
            number = doc.sentence_index(at)
            if at < sentences[number][1]:
                found.add(number)
                at = folded.find(hint, sentences[number][1])
            else:  # between sentences
                at = folded.find(hint, at + 1)
    return found


def _lower_case(doc) -> str | None:
    """The story in lower case (Document.folded), where a case-sensitive search with a pattern in
    lower case finds what the case-blind one finds in the story: not where it holds a dotless i,
    which a case-blind "i" matches and lower() keeps."""
    folded = doc.folded
    return None if folded is None or "\u0131" in doc.text else folded


def _for_lower_case(pattern: re.Pattern) -> re.Pattern:
    """A case-blind pattern written in lower case, for _lower_case's text: a case-blind search
    tries each letter both ways and is several times slower."""
    assert pattern.flags & re.IGNORECASE and pattern.pattern == pattern.pattern.lower(), pattern.pattern
    return re.compile(pattern.pattern)


_TREND_LOWER = _for_lower_case(_TREND)
_PLAN_LOWER = _for_lower_case(_PLAN)


# A cost put on everyone is an estimate, not a price ("costs the taxpayer £100m a year").
_COST_TO_ALL = re.compile(
    r"\bcost(?:s|ing)?\s+(?:the\s+)?(?:taxpayers?|ratepayers|(?:UK|US|British|national|global|world)\s+economy"
    r"|economy|country|NHS)\b",
    re.IGNORECASE,
)
# What may stand before a figure that opens a sentence: a quotation mark, a conjunction.
_OPENING = re.compile(r"[\s\"'\u201c\u2018(]*(?:(?:But|And|Yet|So|Now|Still)\s+)?")
# A count in the thousands or more ("40,000", "4.3 million"), as a crowd or an outage is given.
_ONE_IN = re.compile(r"\w+ in \w+")
_NUMBERED = re.compile(
    r"\b(?:round|game|stage|match|leg|hole|set|race|lap|day|week|year|part|level|grade|act|chapter)\s+$", re.IGNORECASE
)
# A count is of something: "9,033." alone is a match report's attendance line.
_WORD_AFTER = re.compile(r"\s+[a-z]|[a-z]")
_LARGE = re.compile(r"\d{1,3}(?:,\d{3})+|\d(?:[\d.]*)\s?(?:million|billion|m|bn)\b")


def _opens_with(figure, text: str, start: int) -> bool:
    """Does the figure open its sentence ("Thousands of homes lost power", "More than 40,000
    customers were without power")? As the subject, it is the claim the sentence makes."""
    m = _OPENING.match(text, start, figure.start())
    return m is not None and m.end() == figure.start()


def _is_claim(
    figure: str,
    text: str,
    start: int,
    end: int,
    lower: str | None = None,
    *,
    opening: bool = False,
    figure_end: int = 0,
) -> bool:
    """Is this figure, in this sentence, a statistic someone must stand behind? (`lower`: the
    story in lower case, from _lower_case, for the faster searches; None: search the story.)
    `opening`: the figure opens the sentence; `figure_end`: where it ends in `text`."""
    if text[start:end].rstrip().endswith("?"):
        return False  # a question asks; it claims nothing
    if opening and (figure.lower().endswith(" of") or _LARGE.search(figure) and _WORD_AFTER.match(text, figure_end)):
        # "Tens of thousands of homes lost power", "More than 40,000 people attended": a count
        # the sentence is about is an estimate someone made (a count in the text is the event's).
        return True
    if _ONE_IN.fullmatch(figure) and _NUMBERED.search(
        text, max(start, figure_end - len(figure) - 12), figure_end - len(figure)
    ):
        return False  # "round four in eight attempts": a round's number, not a share
    if _COST_TO_ALL.search(text, start, end):
        return True  # "costs the economy an estimated £7bn": an estimate, not a bill
    if figure.lower() == "doubled" and _ADJECTIVE.search(text, start, end):
        return False  # "promises of doubled growth": a word, not a change
    if WORD_FIGURE.fullmatch(figure) and not figure.lower().endswith(" of") and "dozen" not in figure.lower():
        return True  # a change in words: "doubled", "risen by a third"
    if _SHARE.search(figure):
        return not (_PLAN.search(text, start, end) if lower is None else _PLAN_LOWER.search(lower, start, end))
    return (_TREND.search(text, start, end) if lower is None else _TREND_LOWER.search(lower, start, end)) is not None


TYPE = RuleType("attribution", Options, check, ("found",), __doc__)
