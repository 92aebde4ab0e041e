"""languagetool: grammar and spelling slips, found by LanguageTool.

What it does
    Sends the story to LanguageTool (a server the newsroom runs, or a local one that
    language-tool-python manages) and reports its matches with LanguageTool's message, and its
    first suggestion as a fix. Words of the house vocabulary (`accept`, and the configuration's
    accepted words) and the names the story itself introduces ("Brett McGurk", "Deir ez-Zor")
    are not reported as misspellings. Inside direct quotation only spelling is checked: what a
    person said keeps its grammar. Runs only when grammar is asked for (`--grammar`).

Why is this bad
    House-style rules catch what a newsroom knows; the typos and agreement slips every draft has
    are what readers notice first, and what a tired desk misses at midnight.

Example
    The goverment said it would respond by Friday.

Use instead
    The government said it would respond by Friday.

Options
    language             LanguageTool language code (en-US, en-GB, ...)
    report               which matches this rule reports: spelling (LanguageTool's TYPOS
                         category), grammar (every other category) or all
    enable_rules         LanguageTool rule ids to turn on (off by default in LanguageTool)
    disable_rules        LanguageTool rule ids to turn off (say, those the house packs cover)
    enable_categories    LanguageTool category ids to turn on
    disable_categories   LanguageTool category ids to turn off
    accept               words that are right as spelled (the house vocabulary)
    in_quotes            inside direct quotation report: spelling (default), all, or none
    categories, rules    report only matches of these LanguageTool categories (GRAMMAR, ...) or
                         rule ids (EN_A_VS_AN, ...; a rule id may be a pattern: *_COMPOUNDS);
                         neither given: every match
    skip_categories,     do not report matches of these categories or rule ids. These four only
    skip_rules           filter what is reported: LanguageTool still checks everything, so rules
                         that differ only here share one request and its cache
    words                which misspelled words to report: all, lower (no capital letter: a
                         typo) or capitalised (a name LanguageTool does not know)
    compounds            report a "misspelling" that LanguageTool would only split, hyphenate
                         or recase (hardcourt -> hard court, govt -> Govt): false (default),
                         since closed compounds and abbreviations are house style, not typos
    typos_only           report a misspelling only when it looks like a slip of the keyboard:
                         the story uses it once, and it is one edit from one of LanguageTool's
                         first suggestions: a letter added or dropped, two neighbours swapped,
                         or one vowel for another (seperate); in a word of fewer than seven
                         letters only a swap (teh, wtih). A word used twice, far from every
                         suggestion, or a consonant away from one is a term LanguageTool does
                         not know (ghrelin, renminbi, portering, boops), not a typo
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

import regex

from ..model import Edit, Hit
from .base import OptionError, RuleType, string_list

REPORTS = ("spelling", "grammar", "all")
WORDS = ("all", "lower", "capitalised")
IN_QUOTES = ("spelling", "all", "none")
_LANGUAGE = r"^(?:auto|[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)$"
_WORD = r"[\p{L}\p{M}\p{N}'\u2019]+"
# A name as a story introduces it: capitalised words, with the particles names carry between
# them (Deir ez-Zor, Osama bin Laden, Ursula von der Leyen, Abu Bakr al-Baghdadi).
_PARTICLE = (
    r"(?:al|el|ez|es|as|ad|an|ar|ash|at|ul|bin|ibn|bint|abu|de|da|del|della|der|den|di|du|la|le|van|von|y|dos|das)"
)
_CAPITALISED = r"(?:\p{Lu}[\p{L}\p{M}'\u2019]*)"
_NAME = rf"(?<![\p{{L}}\p{{M}}\p{{N}}'\u2019-]){_CAPITALISED}(?:(?:[ -]{_PARTICLE})*[ -]{_CAPITALISED})*"
# The patterns above are compiled on first use (the regex module caches them): a run without
# grammar never pays for them.


@dataclass
class Options:
    language: str = "en-US"
    report: str = "all"
    enable_rules: Any = ()
    disable_rules: Any = ()
    enable_categories: Any = ()
    disable_categories: Any = ()
    accept: Any = ()
    in_quotes: str = "spelling"
    categories: Any = ()
    rules: Any = ()
    skip_categories: Any = ()
    skip_rules: Any = ()
    words: str = "all"
    compounds: bool = False
    typos_only: bool = False
    request: Any = field(init=False, repr=False)
    accepted: frozenset = field(init=False, repr=False)
    # The service a run binds (newslint.grammar.with_grammar); None: the environment's.
    service = None

    def __post_init__(self):
        from ..grammar import Request

        if not isinstance(self.language, str) or not regex.match(_LANGUAGE, self.language):
            raise OptionError("language", "must be a LanguageTool language code such as en-US or en-GB")
        if self.report not in REPORTS:
            raise OptionError("report", f"must be one of {', '.join(REPORTS)}")
        if self.in_quotes not in IN_QUOTES:
            raise OptionError("in_quotes", f"must be one of {', '.join(IN_QUOTES)}")
        if self.words not in WORDS:
            raise OptionError("words", f"must be one of {', '.join(WORDS)}")
        for flag in ("compounds", "typos_only"):
            if not isinstance(getattr(self, flag), bool):
                raise OptionError(flag, "must be true or false")
        lists = {}
        for name in (
            "enable_rules",
            "disable_rules",
            "enable_categories",
            "disable_categories",
            "accept",
            "categories",
            "rules",
            "skip_categories",
            "skip_rules",
        ):
            lists[name] = string_list(name, getattr(self, name))
            setattr(self, name, lists[name])
        self.request = Request(
            self.language,
            tuple(sorted(lists["enable_rules"])),
            tuple(sorted(lists["disable_rules"])),
            tuple(sorted(lists["enable_categories"])),
            tuple(sorted(lists["disable_categories"])),
        )
        self.accepted = frozenset(part for word in self.accept for part in _parts(word))


def _parts(words: str) -> list[str]:
    return regex.findall(_WORD, words)


def _bare(word: str) -> str:
    """McGurk's -> McGurk."""
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word


_SPLITS = regex.compile(r"[\s\-\u2010\u2011'\u2019.\p{M}]")  # what a split, a possessive, a stop or an accent adds
# "a"/"an" before a figure depends on how it is read (an $11bn, an 8am, a 12-year-old), which
# LanguageTool cannot know: its article rule is not reported there.
_ARTICLE_RULES = frozenset({"EN_A_VS_AN"})
# Nor before a name or term in U or Eu (a Ukraine specialist, a Uefa Cup exit: LanguageTool
# wants "an") or an address (an fbi.gov address): how they are read is not in the letters.
_ARTICLE_UNSURE = regex.compile(r"\s*(?:[\p{Sc}\p{N}]|(?:U|Eu)\p{Ll}|[\p{L}\p{N}-]+\.\p{L})")


def _only_split_or_recased(word: str, suggestions: tuple[str, ...]) -> bool:
    """LanguageTool's suggestion is the same letters, only split, hyphenated, possessive, with a
    stop or an accent, or in another case: hardcourt -> hard court, coverup -> cover-up,
    govt -> Govt, products -> products', et al -> et al., cafes -> cafés.
    Not a typo but a house-style choice (closed compounds, abbreviations), which a spell checker
    cannot make."""
    letters = _SPLITS.sub("", unicodedata.normalize("NFD", word)).casefold()
    return any(
        s != word and _SPLITS.sub("", unicodedata.normalize("NFD", s)).casefold() == letters for s in suggestions[:3]
    )


def _named(rule_id: str, patterns: tuple[str, ...]) -> bool:
    """rule_id is one of the ids or shell-style patterns (*_COMPOUNDS)."""
    from fnmatch import fnmatchcase

    return any(rule_id == p or ("*" in p and fnmatchcase(rule_id, p)) for p in patterns)


_VOWELS = frozenset("aeiouy")
SHORT_WORD = 7  # letters: below this, only a swap of two neighbours counts as a typo


def _one_edit(a: str, b: str) -> str | None:
    """How a differs from b by one edit: "swap" (two neighbours), "add" or "drop" (a letter),
    "front" (a letter added or dropped at the start, which typing seldom does), "vowel" (one
    vowel for another), "change" (any other letter for another); None: not one edit."""
    if a == b or abs(len(a) - len(b)) > 1:
        return None
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(diff) == 1:
            return "vowel" if {a[diff[0]], b[diff[0]]} <= _VOWELS else "change"
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1
        return "swap" if swapped and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]] else None
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    if short[i:] != long_[i + 1 :]:
        return None
    if i == 0:
        return "front"  # a letter added or dropped before the first: scragged -> cragged
    return "add" if len(a) > len(b) else "drop"


def _looks_like_typo(doc, word: str, suggestions: tuple[str, ...]) -> bool:
    """A slip of the keyboard or a misremembered vowel (goverment, recieved, seperate, wtih), not
    a word LanguageTool lacks. On edited copy (benchmarks/grammar_audit.py) the words it lacks
    were one consonant from a word it knows (portering -> pottering, circumventers ->
    circumcenters) or short (boops, bossa, formyl, href); the typos were letters dropped, added
    or swapped, and vowels confused."""
    if any(c.isspace() for c in word):
        return False  # LanguageTool's to/too advice ("too sure") files under TYPOS: not a typo
    if len(regex.findall(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(word)}(?![\p{{L}}\p{{N}}])", doc.text)) > 1:
        return False  # used twice: meant
    if any(_variant(word.casefold(), s.casefold()) for s in suggestions[:3]):
        # color under en-GB, colour under en-US: not a typo but the other side's spelling, which
        # newslint's spelling pack judges (spelling.us-british where a story mixes them,
        # spelling.house where it is wholly the other side's). On edited copy these were
        # mostly quotations and syndicated stories, not slips.
        return False
    letters = sum(c.isalpha() for c in word)
    kinds = {_one_edit(word.casefold(), s.casefold()) for s in suggestions[:3]}
    return "swap" in kinds or (letters >= SHORT_WORD and bool(kinds & {"add", "drop", "vowel"}))


# British and American spellings of one word, reduced to one form: colour/color, centre/center,
# organise/organize, analyse/analyze, travelled/traveled, anaemia/anemia, defence/defense.
_VARIANTS = tuple(
    (regex.compile(a), b)
    for a, b in (
        (r"our", "or"),
        (r"re\b", "er"),
        (r"is(e|ed|es|ing|ation)\b", r"iz\1"),
        (r"ys(e|ed|es|ing)\b", r"yz\1"),
        (r"ll", "l"),
        (r"ae", "e"),
        (r"oe", "e"),
        (r"ence\b", "ense"),
        (r"ogue\b", "og"),
    )
)


def _variant(word: str, suggestion: str) -> str | None:
    """The word and the suggestion are one word in British and American spelling: "us" when the
    word is the American form (it has none of the British letters), "gb" when it is the British."""
    if word == suggestion:
        return None
    a, b = word, suggestion
    for pattern, replacement in _VARIANTS:
        a, b = pattern.sub(replacement, a), pattern.sub(replacement, b)
    if a != b:
        return None
    return "us" if a == word else "gb"


def _elided(text: str, start: int, word: str, suggestions: tuple[str, ...]) -> bool:
    """A word written as spoken, its first letter elided ('orrible, 'cos): not a typo."""
    return text[start - 1 : start] in ("'", "\u2019") and any(
        len(s) == len(word) + 1 and s[1:].casefold() == word.casefold() for s in suggestions[:3]
    )


_QUOTE_MARKS = "\"'\u2018\u2019\u201c\u201d"


def _mentioned(text: str, start: int, end: int) -> bool:
    """A word quoted on its own, as a word (the German word "energie"), is not a slip."""
    return text[start - 1 : start] in _QUOTE_MARKS and text[end : end + 1] in _QUOTE_MARKS and start > 0


def _names_a_name(doc, found: str, suggestions: tuple[str, ...]) -> bool:
    """The grammar match is one capitalised word the story uses as a name, and LanguageTool
    would change it, not only its case (Uk -> UK is a slip in a name)."""
    word = found.strip()
    if not word[:1].isupper() or not regex.fullmatch(_WORD, word):
        return False
    if any(s.casefold() == word.casefold() for s in suggestions[:3]):
        return False
    return word in doc.memo(story_names)


def _in_markup(text: str, start: int) -> bool:
    """The word stands inside an HTML tag left in the copy (<link href=...>): not prose."""
    if text[start - 1 : start] == "<":
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    opened = text.rfind("<", line_start, start)
    return opened > text.rfind(">", line_start, start) and text.find(">", start, line_end) != -1


def _pieces(word: str) -> list[str]:
    """O'Herlihy -> [O'Herlihy, Herlihy]: LanguageTool checks what follows the apostrophe alone."""
    head, _, tail = word.partition("'") if "'" in word else word.partition("’")
    return [word, tail] if tail[:1].isupper() and len(head) <= 2 else [word]


def story_names(doc) -> frozenset[str]:
    """Words of the names the story introduces: capitalised words of its body that do not merely
    start a sentence (or that stand in a name of two words or more), with their particles."""
    names = set()
    text = doc.text
    for index in doc.body:
        if doc.is_shouting(index):
            continue
        start, end = doc.paragraphs[index]
        for m in regex.finditer(_NAME, text, pos=start, endpos=end):
            parts = _parts(m.group())
            sentence_start = doc.sentences[doc.sentence_index(m.start())].start
            opens_sentence = not regex.search(_WORD, text, pos=sentence_start, endpos=m.start())
            if opens_sentence and sum(p[:1].isupper() for p in parts) < 2:
                continue
            for part in parts:
                names.update(_pieces(part))
                names.update(_pieces(_bare(part)))
    return frozenset(names)


def check(doc, options: Options):
    from ..grammar import shared_service

    if not doc.paragraphs:
        return
    service = options.service or shared_service()
    texts = [doc.text[start:end] for start, end in doc.paragraphs]
    accepted = None
    body = set(doc.body)
    for index, ((p_start, _), matches) in enumerate(zip(doc.paragraphs, service.check(texts, options.request))):
        for m in matches:
            if options.report != "all" and m.is_spelling != (options.report == "spelling"):
                continue
            if (
                (options.categories or options.rules)
                and m.category not in options.categories
                and not _named(m.rule_id, options.rules)
            ):
                continue
            if m.category in options.skip_categories or _named(m.rule_id, options.skip_rules):
                continue
            start, end = p_start + m.start, p_start + m.end
            found = doc.text[start:end]
            if m.rule_id in _ARTICLE_RULES and _ARTICLE_UNSURE.match(doc.text, end):
                continue
            if not m.is_spelling and index not in body:
                continue  # a headline is headlinese ("More reforms ahead says Milburn"), not grammar
            if m.is_spelling:
                if "&" in found or _in_markup(doc.text, start):
                    continue  # markup left in the copy (&lt;, <link href=...>): not a word
                if options.words != "all" and (options.words == "capitalised") != (found != found.lower()):
                    continue
                if not options.compounds and _only_split_or_recased(found, m.replacements):
                    continue
                if options.typos_only and not _looks_like_typo(doc, found, m.replacements):
                    continue
                if _elided(doc.text, start, found, m.replacements) or _mentioned(doc.text, start, end):
                    continue
                if accepted is None:
                    accepted = options.accepted | doc.memo(story_names)
                    # A dateline or headline in capitals (KRAGUJEVAC, Serbia) names what the story
                    # introduces in mixed case.
                    shouted = {word.casefold() for word in accepted}
                parts = _parts(found)
                if parts and all(
                    p in accepted or _bare(p) in accepted or (p.isupper() and _bare(p).casefold() in shouted)
                    for p in parts
                ):
                    continue
            if not m.is_spelling and _names_a_name(doc, found, m.replacements):
                continue  # "the Respond consortium", "The Grow Stage": a name, not a verb
            if doc.in_quote(start, max(end, start + 1)) and (
                options.in_quotes == "none" or (options.in_quotes == "spelling" and not m.is_spelling)
            ):
                continue
            suggestions = m.replacements[:3]
            hint = ""
            if suggestions:
                quoted = [f"'{s}'" for s in suggestions]
                hint = (
                    " Did you mean "
                    + (quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1])
                    + "?"
                )
            edits = (Edit(start, end, m.replacements[0]),) if m.replacements else ()
            yield Hit(
                start,
                end,
                {
                    "found": found,
                    "message": m.message.strip(),
                    "lt_rule": m.rule_id,
                    "category": m.category,
                    "hint": hint,
                },
                edits,
            )


TYPE = RuleType(
    "languagetool", Options, check, ("found", "message", "lt_rule", "category", "hint"), __doc__, fix="unsafe"
)
