"""punctuation: stray spaces and stops a copy editor strikes out.

What it does
    Reports one kind of slip: `space-before` (a space before , ; : ? ! or a closing full stop),
    `doubled` (",," ";;" "::" "!!" "??", two full stops that are not an ellipsis, or a full stop
    on both sides of a closing quotation mark), `stop-lowercase` (a
    full stop inside a sentence, followed by a lower-case word, that is not an abbreviation)
    `space-before-hyphen` (a space between a word and the hyphen of its compound:
    "U.S. -led"), `space-after` (no space after , . : ; ? ! between two words: "said,the",
    "GOP.The", 'said:"We'; decimals, times, addresses, initials and names such as CSI:NY are
    left alone) and `double-space` (two spaces between sentences).

Why is this bad
    Each one is a typing slip that makes the copy look unedited.

Example
    The U.S. -led coalition , which has not. and will not ...

Use instead
    The U.S.-led coalition, which has not and will not ...

Options
    problem       which slip the rule reports (one of the kinds above)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import ABBREVIATIONS, TOKEN_WINDOW
from ..model import Edit, Hit
from .base import OptionError, RuleType

# Each pattern starts with the mark or white space it reports and checks what comes before it
# with a lookbehind after that, so `re` skips ahead to each such character instead of testing
# the lookbehind at every position (the same matches, two to eight times faster; the tests hold
# each to its plain form).
_PATTERNS = {
    # After a word or a figure ("28,412 ,"); before a mark that ends the line, meets white space
    # or a quotation mark ('said ,"and', 'street ."'), or a full stop before the next sentence.
    # After a closing quotation mark, a bracket or a percent sign too ('"a kick in the teeth" ,
    # and', "fell 0.9% ."); a comma or semicolon glued to the next word has lost its space to
    # the wrong side ("voted 4-1 ,with").
    "space-before": re.compile(
        r"[ \t](?:(?<=[^\W_][ \t])|(?<=[\"\u201d\u2019)\]%][ \t]))[ \t]*"
        r"(?=[,;:!?](?:\s|$|[\"\u201c\u201d])|[,;][^\W\d_]|\.(?:[ \t]*$|[ \t]+[A-Z\"\u201c]|[\"\u201d\u2019]))",
        re.MULTILINE,
    ),
    # ",," ";;" "::", two stops that are not an ellipsis, or a stop on both sides of a closing
    # quotation mark ('a strong brand.".').
    "doubled": re.compile(r",,|;;|::|!!+|\?\?+|\.\.(?<![.\s]\.\.)(?![.\w])|\.(?<=\w\.)[\"\u201d]\.(?![.\w])"),
    # After a word, a figure ("in 2019. officials") or a closing bracket.
    "stop-lowercase": re.compile(r"\.(?:(?<=[^\W_]\.)|(?<=[)\]]\.))[ \t]+(?=[a-z])"),
    "space-after": re.compile(r"[.,;:?!](?<=[A-Za-z]{2}[.,;:?!])(?=[\"\u201c\u2018]?[A-Za-z])"),
    # After a word's stop, not a figure's: "Revenue 4.  Costs 3." is a table.
    "double-space": re.compile(r" (?:(?<=[^\W\d_][.!?] )|(?<=[^\W\d_][.!?][\"\u201d\u2019] )) +(?=[\"\u201c]?[A-Z])"),
    "space-before-hyphen": re.compile(r"[ \t](?<=[\w.][ \t])[ \t]*-(?=[a-z]{2,}\b)"),
}
# "it. https://...", "pic.twitter.com/...", "on. it." (stylised, stop after every word), or a
# name written in lower case first (iPhone, iOS, eBay, my6sense)
_NEXT_IS_ADDRESS_OR_STYLISED = re.compile(r"\S*[./@]\S|[a-z\u2019']+\.(?:\s|$)|[a-z]+[A-Z\d]")
_WORD_END = re.compile(r"\w*")
# Text that a match needs: a story without any of these has nothing to report (most stories).
_NEEDS = {
    "space-before": (" ,", " ;", " :", " !", " ?", " .", "\t"),
    "doubled": (",,", ";;", "::", "..", '".', "\u201d.", "!!", "??"),
    "space-before-hyphen": (" -", "\t-"),
    "double-space": ("  ",),
}
# space-after: the run of text around the mark may hold only letters, quotation marks and the
# mark itself; a figure, a second stop or any of these makes it an address, a file name, markup
# or a code ("3.5", "www.DearAbby.com", "og:url", "&amp;x", "e.g.The").
_NOT_PROSE = re.compile(r"[\d./@=#_\\<>&:;,?!%+*|~^$]")
_CHUNK_EDGE = re.compile(r"\S*")
# A line of figures in columns, or a price list's line ("VIP : 60,000₩", "Adults : $12"):
# no prose rule belongs there.
_TABLE = re.compile(r"\S(?: {2,}|\t)\S.*\S(?: {2,}|\t)\S|^\w+(?: \w+){0,3} : \S*\d\S*$", re.MULTILINE)


def _tables(doc) -> frozenset[int]:
    """Indexes of the paragraphs that are lines of a table (shared by the punctuation rules)."""
    text = doc.text
    if "  " not in text and "\t" not in text and " : " not in text:
        return frozenset()  # a table needs a gap of two spaces or a tab, a price list " : "
    return frozenset(i for i, (start, end) in enumerate(doc.paragraphs) if _TABLE.search(text, start, end))


@dataclass
class Options:
    problem: str

    def __post_init__(self):
        if self.problem not in _PATTERNS:
            raise OptionError("problem", f"must be one of {', '.join(_PATTERNS)}")


def _is_abbreviation(text: str, stop: int) -> bool:
    window = max(0, stop - TOKEN_WINDOW)  # not back to the start of the text for every stop
    token_start = max(text.rfind(" ", window, stop), text.rfind("\n", window, stop), window - 1) + 1
    token = text[token_start:stop].lstrip("(\"'\u201c\u2018")
    # Mr. and Inc. and initials (U.S., a.m.), an address (example.com), or a name in capitals
    # whose stop is its own (the ID. range).
    return token.lower() in ABBREVIATIONS or len(token) == 1 or "." in token or "@" in token or token.isupper()


def check(doc, options: Options):
    text = doc.text
    needs = _NEEDS.get(options.problem)
    if needs and not any(n in text for n in needs):
        return
    pattern = _PATTERNS[options.problem]
    tables = doc.memo(_tables)
    for index, (start, end) in enumerate(doc.paragraphs):
        if index in tables:
            continue
        for m in pattern.finditer(text, start, end):
            s, e = m.span()
            if options.problem == "stop-lowercase":
                if _is_abbreviation(text, s) or _NEXT_IS_ADDRESS_OR_STYLISED.match(text, e):
                    continue
                if not text[s - 1].isalpha() and text[start:s].strip().isdigit():
                    continue  # a numbered list's item: "1. the first"
                yield Hit(s, s + 1, {"found": _around(text, start, s, e)})
            elif options.problem == "doubled":
                yield Hit(s, e, {"found": m.group()}, (Edit(e - 1, e, ""),))
            elif options.problem == "space-before":  # a stray space: the fix takes it out
                moved = text[e + 1 : e + 2].isalpha()  # ... and puts it after the mark: "4-1, with"
                yield Hit(
                    s, e + 1, {"found": text[e]}, (Edit(s, e, ""),) + ((Edit(e + 1, e + 1, " "),) if moved else ())
                )
            elif options.problem == "space-after":
                if _missing_space(text, start, s):
                    yield Hit(s, e, {"found": _around(text, start, s, e)}, (Edit(e, e, " "),))
            elif options.problem == "double-space":
                yield Hit(s, e, {"found": _around(text, start, s, e)}, (Edit(s + 1, e, ""),))
            else:  # "U.S. -led": report the whole compound, take the space out
                yield Hit(s, e, {"found": _around(text, start, s, e)}, (Edit(s, e - 1, ""),))


def _missing_space(text: str, paragraph_start: int, mark: int) -> bool:
    """Is the mark at `mark` (between two letters, or a letter and a quotation mark) a slip for
    the mark and a space? Not in an address, a file name, markup or a name such as CSI:NY."""
    before = max(text.rfind(" ", max(paragraph_start, mark - 60), mark), paragraph_start - 1) + 1
    after = _CHUNK_EDGE.match(text, mark + 1).end()
    word = text[before:mark].lstrip("\"'\u201c\u2018([")
    rest = text[mark + 1 : after].lstrip("\"'\u201c\u2018").rstrip("\"'\u201d\u2019.,;:?!)]")
    if _NOT_PROSE.search(word) or _NOT_PROSE.search(rest) or not rest:
        return False
    if text[mark] == "," or rest[0].islower() or text[mark + 1] in '"\u201c\u2018':
        return text[mark] != "." or not rest[0].islower()  # "Node.js" is a name
    # A capital after the mark: a new word ("Ukraine.The", "GOP.The"), not a name in capitals
    # ("CSI:NY", "TL;DR", "ASP.NET"), nor a site named for its address ("PanARMENIAN.Net").
    return rest[1:2].islower() and not (text[mark] == "." and rest.lower() in _DOMAINS)


_DOMAINS = frozenset(("net", "com", "org", "info", "biz", "gov", "edu", "co", "tv", "fm", "io", "news"))


def _around(text: str, paragraph_start: int, s: int, e: int) -> str:
    """The word before `s` through the word after `e`, for the message: "not. the", "U.S. -led"."""
    first = max(text.rfind(" ", max(paragraph_start, s - 60), s), paragraph_start - 1) + 1
    return text[first : _WORD_END.match(text, e).end()]


# One doc per problem, for `newslint explain`, hovers and SARIF (each rule reports one problem).
PROBLEM_DOCS = {
    "space-after": """
What it does
    Reports a missing space after , . ; : ? ! between two words ("said,the", "GOP.The"); decimals, times, web addresses, initials, abbreviations and ellipses are left alone.

Why is this bad
    The words run together: a slip of the keyboard or of a scraper that joined two lines.

Example
    The mayor said,the vote was close.

Use instead
    The mayor said, the vote was close.
""",
    "double-space": """
What it does
    Reports two or more spaces after the end of a sentence.

Why is this bad
    One space follows a full stop in print and on screen; two leave a gap that looks like a slip.

Example
    The vote was close.  The count goes on.

Use instead
    The vote was close. The count goes on.
""",
    "space-before": """
What it does
    Reports a space before , ; : ? ! or a closing full stop.

Why is this bad
    A stray space makes the copy look unedited, and lets the mark break onto the next line.

Example
    The coalition , which has not ...

Use instead
    The coalition, which has not ...
""",
    "doubled": """
What it does
    Reports ",," ";;" "::" or two full stops that are not an ellipsis.

Why is this bad
    A doubled mark is a typing slip a copy editor strikes out.

Example
    The vote is on Monday.. It will be close.

Use instead
    The vote is on Monday. It will be close.
""",
    "stop-lowercase": """
What it does
    Reports a full stop inside a sentence, followed by a lower-case word, that is not an abbreviation.

Why is this bad
    It cuts a sentence in two: the reader stops where the writer did not mean to.

Example
    The council met in 2019. officials said.

Use instead
    The council met in 2019, officials said.
""",
    "space-before-hyphen": """
What it does
    Reports a space between a word and the hyphen of its compound ("U.S. -led").

Why is this bad
    The compound falls apart, and may break across a line at the space.

Example
    The U.S. -led coalition

Use instead
    The U.S.-led coalition
""",
}

TYPE = RuleType("punctuation", Options, check, ("found",), __doc__, fix="safe", problems=PROBLEM_DOCS)
