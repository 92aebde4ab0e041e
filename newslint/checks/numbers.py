"""numbers: figures or words for numbers, as the house stylebook sets them.

What it does
    Each rule names one `problem`:

    - `small-figure`: a figure below `spell_below` counting things ("3 people") -> "three
      people". Figures stay where stylebooks keep them: ages, percentages, money, measures and
      units, scores and votes (3-1), times, dates, addresses and numbered things (No. 3, Route
      9, page 5, type 2 diabetes, any capitalised name before the figure), decimals, ranges and
      series of figures, millions, and lines that are not prose (headlines, tables, lists).
    - `spelled-large`: a number from `spell_below` to 99 spelled out mid-sentence ("twelve
      members") -> "12 members".
    - `sentence-start`: a sentence that opens with a figure ("5 people died") -> spell it out
      or recast; years ("2019 was ...") are allowed.
    - `age`: an age spelled out ("five-year-old", "five years old", "aged five") -> figures.
    - `percent`: a number with "percent" or "per cent" ("4 percent", "four per cent") -> "4%".
    - `money-unit`: with `money: words`, "$5m", "$5bn" -> "$5 million", "$5 billion"; with
      `money: letters`, "£5 million" -> "£5m", "£2 billion" -> "£2bn". Only after a currency
      sign.
    - `round-figure`: a round figure of a million or more written out ("1,000,000",
      "2,500,000") -> "1 million", "2.5 million" (with a currency sign, as `money` says).
    - `ordinal`: "5th" -> "fifth" below `spell_below`, "twelfth" -> "12th" from it; not before
      a capitalised name (1st Cavalry Division, 9th Circuit) nor in a date.
    - `decade`: "1990's" -> "1990s".
    - `range`: "from 2010-2015" -> "from 2010 to 2015", "between 5-10" -> "between 5 and 10".
    - `currency-word`: "$5 million dollars" -> "$5 million": the sign already says dollars.

    Every problem shares one scan of the story for figures and number words. Headlines,
    header lines and all-capital lines are left alone by the problems about prose.

Why is this bad
    The stylebooks (AP, the BBC and the Guardian alike) spell out one to nine and use figures
    from 10, so that copy reads the same throughout; they differ on percent, ages and money
    ("4%" and "$5 million" in AP copy, "£5m" in British).

Example
    3 people were hurt in the crash, twelve of them children.

Use instead
    Three people were hurt in the crash, 12 of them children.

Options
    problem       small-figure, spelled-large, sentence-start, age, percent, money-unit,
                  round-figure, ordinal, decade, range or currency-word
    spell_below   numbers below this are spelled out, from it in figures (default 10)
    money         words ("$5 million", AP) or letters ("£5m", British) (default words)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document.numbers import CARDINALS, ORDINAL_WORD_OF, ORDINALS, WORD_OF, Token, tokens
from ..model import Edit, Hit
from .base import OptionError, RuleType

PROBLEMS = (
    "small-figure",
    "spelled-large",
    "sentence-start",
    "age",
    "percent",
    "money-unit",
    "round-figure",
    "ordinal",
    "decade",
    "range",
    "currency-word",
)

CURRENCY = "$£€¥"
# Words after a figure that make it a measure, money, a time or a share: stylebooks keep those
# in figures.
_UNIT_WORDS = frozenset(
    [
        "percent",
        "per",
        "pc",
        "pct",
        "%",
        "million",
        "billion",
        "trillion",
        "bn",
        "mn",
        "m",
        "k",
        "thousand",
        "hundred",
        "dozen",
        "p",
        "pence",
        "cents",
        "cent",
        "pounds",
        "pound",
        "dollars",
        "dollar",
        "euros",
        "euro",
        "yen",
        "rupees",
        "rand",
        "francs",
        "degrees",
        "degree",
        "c",
        "f",
        "feet",
        "foot",
        "ft",
        "inches",
        "inch",
        "in",
        "yards",
        "yard",
        "yd",
        "miles",
        "mile",
        "mi",
        "km",
        "kilometres",
        "kilometers",
        "kilometre",
        "kilometer",
        "metres",
        "meters",
        "metre",
        "meter",
        "m",
        "cm",
        "mm",
        "kg",
        "kilos",
        "kilograms",
        "kilogram",
        "grams",
        "gram",
        "g",
        "lb",
        "lbs",
        "ounces",
        "ounce",
        "oz",
        "tons",
        "ton",
        "tonnes",
        "tonne",
        "litres",
        "liters",
        "litre",
        "liter",
        "gallons",
        "gallon",
        "acres",
        "acre",
        "hectares",
        "ha",
        "mph",
        "kph",
        "knots",
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "o'clock",
        "gmt",
        "bst",
        "est",
        "edt",
        "pst",
        "pdt",
        "utc",
        "bc",
        "ad",
        "points",
        "point",
        "pts",
        "goals",
        "goal",
        "runs",
        "wickets",
        "seeds",
        "seed",
        "stars",
        "star",
        "mg",
        "ml",
        "gb",
        "mb",
        "tb",
        "ghz",
        "mhz",
        "kw",
        "mw",
        "gw",
        "kwh",
        "mwh",
        "v",
        "bpm",
        "x",
        "times",
        "to",
        "and",
        "or",
        "of",
        "in",
        "out",
        "by",
        "under",
        "over",
        "overs",
        "sets",
        "games",
        "laps",
        "strokes",
        "shots",
        "percentage",
        "mln",
        "bln",
        "dlr",
        "dlrs",
        "cts",
        "pct",
        "stg",
    ]
)
# Words before a figure that number a thing ("No. 3", "type 2 diabetes", "page 5").
_NUMBERING_WORDS = frozenset(
    [
        "no",
        "nos",
        "number",
        "numbers",
        "num",
        "page",
        "pages",
        "p",
        "pp",
        "chapter",
        "section",
        "article",
        "room",
        "gate",
        "platform",
        "route",
        "highway",
        "interstate",
        "level",
        "grade",
        "category",
        "phase",
        "tier",
        "stage",
        "type",
        "size",
        "zone",
        "line",
        "lane",
        "row",
        "seat",
        "block",
        "unit",
        "flat",
        "apartment",
        "suite",
        "floor",
        "verse",
        "rule",
        "clause",
        "paragraph",
        "item",
        "question",
        "exhibit",
        "figure",
        "table",
        "part",
        "volume",
        "vol",
        "issue",
        "game",
        "round",
        "match",
        "race",
        "heat",
        "leg",
        "day",
        "week",
        "year",
        "years",
        "class",
        "division",
        "league",
        "group",
        "pool",
        "act",
        "scene",
        "season",
        "series",
        "episode",
        "track",
        "channel",
        "radio",
        "version",
        "step",
        "term",
        "box",
        "code",
        "district",
        "ward",
        "precinct",
        "aged",
        "age",
        "ages",
        "from",
        "between",
        "to",
        "and",
        "or",
        "than",
        "nearly",
        "about",
        "around",
        "only",
        "just",
        "least",
        "most",
        "top",
        "plus",
        "minus",
        "was",
        "is",
        "turned",
        "turns",
        "turning",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
# "nearly 5", "about 3", "only 2" are counts and should be flagged; they are listed above only
# because a number after them is also often part of a range or a time: undo that here.
_NUMBERING_WORDS = _NUMBERING_WORDS - {"nearly", "about", "around", "only", "just", "least", "most", "than", "top"}

# "5 of them", "all 3 of its vans": a count of a group, unlike "5 of 8" or "4 of the 10".
_COUNT_OF = re.compile(r"(?<=\bof) (?:them|those|these|us|its|their|his|her|our|the (?!\d)[a-z'\u2019]+ (?!of\b)[a-z])")
# A figure just before, joined to this one as a series, a range, a score or a table's column.
_SERIES_BEFORE = re.compile(r"\d[\d,.%]*(?:\s*(?:[-\u2013/:x(]|and|or|to|by|of|in|,|;)?\s*)$")
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z'\u2019]*)(\.?)\s+$")
_NEXT_WORD = re.compile(r"\s*([^\s,;:!?)\"\u201d]+)")
_AGE_AFTER = re.compile(
    r"-(?:year|month|week|day)s?-old\b|\s+(?:years?|months?)\s+(?:old\b|(?:and|or)\s+(?:older|over|up|younger|under)\b)"
)
_PERCENT_AFTER = re.compile(r"(\s?-?\s?)(percent|per\s+cent|pct)\b(?!age)")
_MONEY_SHORT = {
    "m": "million",
    "mn": "million",
    "mln": "million",
    "bn": "billion",
    "b": "billion",
    "bln": "billion",
    "tn": "trillion",
    "trn": "trillion",
}
_MONEY_LONG = {"million": "m", "billion": "bn", "trillion": "tn"}
_MONEY_SPACED = re.compile(r"\s(m|mn|bn|tn)\b(?!\.\w)|\s(million|billion|trillion)\b")
_CURRENCY_WORD = re.compile(
    r"(?:\s?(?:million|billion|trillion|m|mn|bn|tn))?(\s+(?:US\s+)?(?:dollars|pounds|euros|yen))\b"
)
_DECADE = re.compile(r"['\u2019]s")
_RANGE_AFTER = re.compile(r"\s?[-\u2013]\s?(\d+(?:,\d{3})*(?:\.\d+)?)(?![\w-]|[.,]\d)")
_RANGE_BEFORE = re.compile(r"\b([Ff]rom|[Bb]etween)\s+$")
_DATE_MONTH = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+$")
_OF_MONTH = re.compile(r"\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_RANGE_WORD_AFTER = re.compile(r"\s+(?:and|or|to|-)\s")
_RATIO_BEFORE = re.compile(rf"(?i)\b(?:{'|'.join(CARDINALS)}|\d+)\s+(?:in|out\s+of)\s+$")
_STOP_AFTER_FIGURE = re.compile(r"\d\.\s*$")
# A figure just after this one, or after its unit: "3, 4", "3 to 5", "4 minutes and 15 seconds".
_FIGURE_NEXT = re.compile(r"[^\w\n]{0,3}\d|(?:\s+[a-z]+)?\s+(?:and|or|to|by|of|-)\s+\d")
_PROSE_END = re.compile(r"[.!?:;\"'\u201d\u2019)\]]\s*$")


@dataclass
class Options:
    problem: str
    spell_below: int = 10
    money: str = "words"

    def __post_init__(self):
        if self.problem not in PROBLEMS:
            raise OptionError("problem", f"must be one of {', '.join(PROBLEMS)}")
        if (
            not isinstance(self.spell_below, int)
            or isinstance(self.spell_below, bool)
            or not 2 <= self.spell_below <= 100
        ):
            raise OptionError("spell_below", "must be a whole number from 2 to 100")
        if self.money not in ("words", "letters"):
            raise OptionError("money", "must be words ($5 million) or letters (£5m)")


def _skipped_paragraphs(doc) -> frozenset[int]:
    """Paragraphs that are not prose: the headline and the lines above the story."""
    return frozenset(doc.header) | ({doc.headline_index} if doc.headline_index is not None else set())


def _is_prose(doc, index: int, one_in: int = 8) -> bool:
    """A paragraph that reads as sentences: not a table row, list item, subhead or caps line,
    nor statistics (figures more than one word in `one_in`)."""
    if index in doc.memo(_skipped_paragraphs) or doc.is_shouting(index):
        return False
    start, end = doc.paragraphs[index]
    if not _PROSE_END.search(doc.text, max(start, end - 3), end) or doc.is_headline_like(index):
        return False
    figures, words = doc.memo(_figure_counts).get(index, (0, 0))
    return figures < 4 or figures * one_in <= words


def _figure_counts(doc) -> dict[int, tuple[int, int]]:
    """For each paragraph with a figure: how many figures, and how many words."""
    counts: dict[int, int] = {}
    for t in doc.memo(tokens):
        if t.figure is not None:
            counts[t.paragraph] = counts.get(t.paragraph, 0) + 1
    text = doc.text
    return {index: (n, text.count(" ", *doc.paragraphs[index]) + 1) for index, n in counts.items() if n >= 4}


def _value(figure: str) -> float | None:
    try:
        return float(figure.replace(",", ""))
    except ValueError:
        return None


def _prev_word(text: str, start: int) -> tuple[str, str]:
    """The word before `start` (lower case) and the point after it, if any."""
    m = _PREV_WORD.search(text, max(0, start - 30), start)
    return (m.group(1), m.group(2)) if m else ("", "")


def _sentence_start(doc, offset: int) -> bool:
    sentence = doc.sentences[doc.sentence_index(offset)]
    return doc.text[sentence.start : offset].strip("\"'\u201c\u2018( ") == ""


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def _figure_after(doc, token: Token) -> bool:
    """Another figure just after: a series, a score, a range or a table (the one before is
    tested first, with _SERIES_BEFORE)."""
    return bool(_FIGURE_NEXT.match(doc.text, token.end, token.end + 30))


def _small_figure(doc, t: Token, o: Options):
    if t.figure is None or t.suffix or not t.figure.isdigit():
        return None
    value = int(t.figure)
    if not 1 <= value < o.spell_below or value >= 100:
        return None
    text = doc.text
    # The cheap tests first: most figures in news copy fail one of them.
    after = text[t.end : t.end + 1]
    if not after or after in "-/:.,%'\u2019\u00b0x)]":
        return None  # 3-1, 3/4, 3:30, 3.5, 3% and the like; a stop after the figure too
    before = text[t.start - 1 : t.start] if t.start else ""
    if before in CURRENCY or before in "#/:([" or before.isalnum() or t.figure.startswith("0"):
        return None  # $5, #3, [1] (a footnote), 007
    if _SERIES_BEFORE.search(text, max(0, t.start - 12), t.start):
        return None  # a series, a score, a range or a table (not "31 to 18, with 2 abstentions")
    nxt = _NEXT_WORD.match(text, t.end, t.end + 30)
    if not nxt:
        return None
    following = nxt.group(1)
    unit = following.lower()
    if following[:1].isupper() or following[:1].isdigit():
        return None
    if (unit in _UNIT_WORDS or unit.rstrip(".") in _UNIT_WORDS) and not _COUNT_OF.match(text, nxt.end()):
        return None
    word, _ = _prev_word(text, t.start)
    if _sentence_start(doc, t.start):
        return None  # the sentence-start problem reports it
    if word and (not word.islower() or word.lower() in _NUMBERING_WORDS):
        return None
    if _AGE_AFTER.match(text, t.end) or _figure_after(doc, t) or not _is_prose(doc, t.paragraph):
        return None
    spelled = WORD_OF[value]
    return Hit(t.start, t.end, {"found": t.figure, "replacement": spelled}, (Edit(t.start, t.end, spelled),))


def _spelled_large(doc, t: Token, o: Options):
    if t.word is None or t.word not in CARDINALS:
        return None
    value = CARDINALS[t.word]
    if value < o.spell_below:
        return None
    text = doc.text
    after = text[t.end : t.end + 12]
    if after[:1] == "-" and not _AGE_AFTER.match(text, t.end) and not re.match(r"-[a-z]+(?:-|\b)", after):
        return None
    nxt = _NEXT_WORD.match(text, t.end, t.end + 30)
    following = nxt.group(1).lower() if nxt else ""
    if following in ("hundred", "thousand", "million", "billion", "trillion", "o'clock") or after.startswith(
        ("-something", "-odd", "-fold", " to one", " to 1", "-plus")
    ):
        return None
    if _RATIO_BEFORE.search(text, max(0, t.start - 20), t.start) or _PERCENT_AFTER.match(text, t.end):
        return None  # "one in ten", "eight out of ten": a ratio; "ten per cent" is the percent problem
    if _sentence_start(doc, t.start) or not _is_prose(doc, t.paragraph):
        return None
    return Hit(t.start, t.end, {"found": t.word, "replacement": str(value)}, (Edit(t.start, t.end, str(value)),))


def _sentence_start_figure(doc, t: Token, o: Options):
    if t.figure is None or not _sentence_start(doc, t.start):
        return None
    text = doc.text
    if t.figure.isdigit() and len(t.figure) == 4 and 1000 <= int(t.figure) <= 2099:
        return None  # a year may start a sentence
    if t.suffix and t.suffix.lower() not in ("th", "st", "nd", "rd"):
        return None  # 5G, 3D, 9am
    if _STOP_AFTER_FIGURE.search(text, max(0, t.start - 4), t.start) or re.match(
        r"\s?[ap]\.?m\b", text[t.end : t.end + 5], re.IGNORECASE
    ):
        return None  # "11. 6 pct" is a decimal split by the text's extraction; "10 p.m." a time
    after = text[t.end : t.end + 2]
    if after[:1] in (".", ")", "/", ":", "-", "\u2013", "") or after[:1] == "," and not t.figure.isdigit():
        return None  # list numbers, times, scores
    nxt = _NEXT_WORD.match(text, t.end, t.end + 30)
    if not nxt or nxt.group(1)[:1].isupper() or nxt.group(1)[:1].isdigit():
        return None  # "10 Downing Street", "2 Manchester United 1": names and results
    # A sentence may hold a few figures ("3 men, aged 18, 19 and 22, were held"): only a
    # paragraph of statistics, a figure in every two or three words, is passed over.
    if not _is_prose(doc, t.paragraph, one_in=3):
        return None
    edits = ()
    fields = {"found": text[t.start : t.end]}
    if t.figure.isdigit() and not t.suffix and int(t.figure) in WORD_OF:
        fields["replacement"] = spelled = _capitalise(WORD_OF[int(t.figure)])
        edits = (Edit(t.start, t.end, spelled),)
    elif t.suffix and t.figure.isdigit() and int(t.figure) in ORDINAL_WORD_OF:
        fields["replacement"] = spelled = _capitalise(ORDINAL_WORD_OF[int(t.figure)])
        edits = (Edit(t.start, t.end, spelled),)
    return Hit(t.start, t.end, fields, edits)


def _age(doc, t: Token, o: Options):
    if t.word not in CARDINALS:
        return None
    text = doc.text
    # "five-year-old", "five years old", or "aged five" (not "aged five to nine", a range).
    if not (
        _AGE_AFTER.match(text, t.end)
        or _prev_word(text, t.start)[0] == "aged"
        and not _RANGE_WORD_AFTER.match(text, t.end)
    ):
        return None
    value = str(CARDINALS[t.word])
    return Hit(t.start, t.end, {"found": t.word, "replacement": value}, (Edit(t.start, t.end, value),))


def _percent(doc, t: Token, o: Options):
    m = _PERCENT_AFTER.match(doc.text, t.end)
    if not m or t.suffix:
        return None
    if t.word is not None:
        if t.word not in CARDINALS:
            return None
        number = str(CARDINALS[t.word])
    else:
        number = t.figure
    replacement = f"{number}%"
    return Hit(
        t.start,
        m.end(),
        {"found": doc.text[t.start : m.end()], "replacement": replacement},
        (Edit(t.start, m.end(), replacement),),
    )


def _currency_before(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] in CURRENCY


def _money_unit(doc, t: Token, o: Options):
    if t.figure is None or not _currency_before(doc.text, t.start):
        return None
    text, sign = doc.text, t.start - 1
    glued = t.suffix.lower() if t.suffix and t.suffix.lower() in _MONEY_LONG else None  # "£14.5million"
    if o.money == "words":
        unit = _MONEY_SHORT.get(t.suffix) or glued
        if unit:  # "$5m", "$5million"
            return _money_hit(text, sign, t.start, t.end, f"{t.figure} {unit}")
        m = _MONEY_SPACED.match(text, t.end)
        if m and m.group(1):  # "$5 m", "$5 bn"
            return _money_hit(text, sign, t.end, m.end(), f" {_MONEY_SHORT[m.group(1)]}")
        return None
    if glued:
        return _money_hit(text, sign, t.start, t.end, f"{t.figure}{_MONEY_LONG[glued]}")
    if t.suffix:
        return None
    m = _MONEY_SPACED.match(text, t.end)
    if m and m.group(2):  # "£5 million"
        return _money_hit(text, sign, t.end, m.end(), _MONEY_LONG[m.group(2)])
    return None


def _money_hit(text: str, sign: int, start: int, end: int, new: str) -> Hit:
    """A sum reported from its currency sign to `end`, with text[start:end] rewritten as `new`."""
    fields = {"found": text[sign:end], "replacement": text[sign:start] + new}
    return Hit(sign, end, fields, (Edit(start, end, new),))


def _round_figure(doc, t: Token, o: Options):
    if t.figure is None or t.suffix or "," not in t.figure or "." in t.figure:
        return None
    value = int(t.figure.replace(",", ""))
    for size, long, short in ((10**12, "trillion", "tn"), (10**9, "billion", "bn"), (10**6, "million", "m")):  # noqa: B007 - read after the break
        if value >= size:
            break
    else:
        return None
    digits = str(value).rstrip("0")
    if len(digits) > 3:
        return None  # 1,234,567 is a count, not a round figure
    amount = f"{value / size:.3f}".rstrip("0").rstrip(".")
    text = doc.text
    money = _currency_before(text, t.start)
    replacement = f"{amount}{short}" if money and o.money == "letters" else f"{amount} {long}"
    return Hit(t.start, t.end, {"found": t.figure, "replacement": replacement}, (Edit(t.start, t.end, replacement),))


def _ordinal(doc, t: Token, o: Options):
    text = doc.text
    if t.figure is not None:
        if t.suffix.lower() not in ("st", "nd", "rd", "th") or not t.figure.isdigit():
            return None
        value = int(t.figure)
        if value >= o.spell_below or value == 0:
            return None
        replacement = ORDINAL_WORD_OF[value]
    elif t.word in ORDINALS:
        value = ORDINALS[t.word]
        if value < o.spell_below:
            return None
        if (
            re.search(r"\b(?:a|one|two|three|four|five|six|seven|eight|nine)\s+$", text[max(0, t.start - 8) : t.start])
            or t.word == "eleventh"
            and text[t.end : t.end + 5] == " hour"
        ):
            return None  # "a tenth of a second" is a fraction; "the eleventh hour" an idiom
        replacement = f"{value}{_suffix(value)}"
    else:
        return None
    nxt = _NEXT_WORD.match(text, t.end, t.end + 30)
    if (
        nxt
        and nxt.group(1)[:1].isupper()
        or _DATE_MONTH.search(text, max(0, t.start - 12), t.start)
        or _OF_MONTH.match(text, t.end)
        or text[t.end : t.end + 1] == "-"
        and t.figure is not None
    ):
        return None  # 1st Cavalry Division, 9th Circuit; May 5th (a date); 1st-half
    if _sentence_start(doc, t.start) and t.figure is None or not _is_prose(doc, t.paragraph):
        return None
    found = text[t.start : t.end]
    return Hit(t.start, t.end, {"found": found, "replacement": replacement}, (Edit(t.start, t.end, replacement),))


def _suffix(value: int) -> str:
    if value % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")


def _decade(doc, t: Token, o: Options):
    if t.figure is None or not _DECADE.fullmatch(t.suffix) or not t.figure.isdigit():
        return None
    if len(t.figure) != 4 or not t.figure.endswith("0") or not 1000 <= int(t.figure) <= 2090:
        return None
    replacement = f"{t.figure}s"
    return Hit(
        t.start,
        t.end,
        {"found": doc.text[t.start : t.end], "replacement": replacement},
        (Edit(t.start, t.end, replacement),),
    )


def _range(doc, t: Token, o: Options):
    if t.figure is None or t.suffix:
        return None
    text = doc.text
    before = _RANGE_BEFORE.search(text, max(0, t.start - 10), t.start - (_currency_before(text, t.start)))
    m = _RANGE_AFTER.match(text, t.end)
    if (
        not before
        or not m
        or text[m.end() : m.end() + 1] == "/"
        or re.match(r"\s+(?:up|down)\b", text[m.end() : m.end() + 6])
    ):
        return None  # 7-1/4 is a fraction; "from 15-6 down" a score
    first, second = t.figure.replace(",", ""), m.group(1).replace(",", "")
    if len(second) < len(first) and "." not in first + second:
        second = first[: len(first) - len(second)] + second  # 1979-81
    try:
        if float(second) <= float(first):
            return None  # 3-3, 15-6: a score, not a range
    except ValueError:
        return None
    joiner = " to " if before.group(1).lower() == "from" else " and "
    return Hit(
        t.start,
        m.end(),
        {
            "found": text[t.start : m.end()],
            "replacement": text[t.start : t.end] + joiner + m.group(1),
            "word": joiner.strip(),
        },
        (Edit(t.end, m.start(1), joiner),),
    )


def _currency_word(doc, t: Token, o: Options):
    if t.figure is None or not _currency_before(doc.text, t.start):
        return None
    m = _CURRENCY_WORD.match(doc.text, t.end)
    if not m:
        return None
    start = t.start - 1
    return Hit(
        start,
        m.end(),
        {"found": doc.text[start : m.end()], "replacement": doc.text[start : m.start(1)]},
        (Edit(m.start(1), m.end(1), ""),),
    )


_CHECKS = {
    "small-figure": _small_figure,
    "spelled-large": _spelled_large,
    "sentence-start": _sentence_start_figure,
    "age": _age,
    "percent": _percent,
    "money-unit": _money_unit,
    "round-figure": _round_figure,
    "ordinal": _ordinal,
    "decade": _decade,
    "range": _range,
    "currency-word": _currency_word,
}


def _buckets(doc) -> dict[str, list[Token]]:
    """The tokens each problem looks at, sorted out once per story: each rule then visits a few
    tokens instead of every one."""
    text = doc.text
    figures, words, small, suffixed, money, commas, ranges, starts = [], [], [], [], [], [], [], []
    for t in doc.memo(tokens):
        if t.figure is None:
            words.append(t)
            continue
        figures.append(t)
        if t.suffix:
            suffixed.append(t)
        elif len(t.figure) <= 2:
            small.append(t)
        if "," in t.figure:
            commas.append(t)
        start = t.start
        before = text[start - 1] if start else "\n"
        if before in CURRENCY:
            money.append(t)
            if text.endswith(("rom ", "ween "), max(0, start - 6), start - 1):
                ranges.append(t)
        elif before == " ":
            if text.endswith(("rom ", "ween "), max(0, start - 5), start):
                ranges.append(t)
            if text[start - 2 : start - 1] in '.?!"\u201d':
                starts.append(t)
        elif before in '"\u201c(\n' or start == doc.paragraphs[t.paragraph].start:
            starts.append(t)
    return {
        "small-figure": small,
        "spelled-large": words,
        "sentence-start": starts,
        "age": words,
        "percent": figures + words,
        "money-unit": money,
        "round-figure": commas,
        "ordinal": suffixed + words,
        "decade": suffixed,
        "range": ranges,
        "currency-word": money,
    }


def check(doc, options: Options):
    problem = _CHECKS[options.problem]
    for token in doc.memo(_buckets)[options.problem]:
        hit = problem(doc, token, options)
        if hit is not None:
            yield hit


TYPE = RuleType("numbers", Options, check, ("found", "replacement", "word"), __doc__, fix="unsafe")
