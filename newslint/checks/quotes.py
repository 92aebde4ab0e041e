"""quotes: quotation marks that open, close and sit where they should.

What it does
    Reads the story's quotation marks (see newslint.quotes) and reports one kind of problem:
    `unclosed` (opened, never closed, not continued in the next paragraph), `unopened` (closed
    but never opened), `apostrophe` (a lone closing double mark after a plural and before a
    lower-case word, where a possessive apostrophe belongs: "the rivals" shows"), `backwards`
    (a closing curly mark used to open, or the reverse),
    `space-inside` (a space just inside a mark; one report for a quotation padded on both
    sides), `doubled` (the same mark twice), `two-singles` (’’ or ‘‘ typed for a double mark),
    `spaced-apostrophe` (a space before a possessive apostrophe: "the Senate ’s plenary"),
    `punctuation-outside` (a comma or full stop after the closing mark, wrong in U.S. style; in
    logical punctuation only the comma after a whole quoted sentence, before who said it) and
    `mixed-marks` (a quotation in the other kind of double marks than the story's first one,
    where they are at most half as many), `single-marks` (a quotation in body copy in single marks, which U.S. style keeps for
    headlines and quotations inside quotations; reported only in a story that quotes mostly in
    double marks, since some houses quote in single marks throughout, and never in a line
    written as a headline).

Why is this bad
    A quotation mark out of place changes who said what. Readers trust quotes to the letter.

Example
    "That still leaves half", he said.

Use instead
    "That still leaves half," he said.

Options
    problem       which problem the rule reports (one of the kinds above)
    min_words     single-marks: the fewest words in a quotation worth reporting (default 2)
    attributed    single-marks: report only a quotation someone is said to have spoken ("called
                  it 'a developers' charter'", "said: 'We won'", "what she called 'a farce'");
                  houses that put terms and scare quotes in single marks set it (default false)
    house_double  single-marks: the house quotes in double marks (AP), so a quotation someone is
                  said to have spoken is reported in single marks even in a story that quotes
                  in single marks throughout (default false: the story's own majority decides)
    style         punctuation-outside: `us` (every comma and full stop goes inside, the
                  default) or `logical` (British: inside only what belongs to the quotation,
                  so "He called it "a disgrace"." is right, but "We won", he said is not)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document.people import SPEECH_VERBS
from ..document.quotes import DOUBLE, SINGLE
from ..model import Edit, Hit
from .base import OptionError, RuleType

# What introduces words someone spoke: "said:", "calling it", "described the plan as".
_SPOKEN_BEFORE = re.compile(
    rf"\b(?:{'|'.join(SPEECH_VERBS)}|adding|saying|calling \w+|called \w+|"
    rf"described [\w ]{{1,20}} as|what (?:[\w'\u2019-]+ ){{1,4}}(?:called|calls|described as|dubbed|termed))[,:]?\s+$"
)
_SPOKEN_AFTER = re.compile(rf",?\s+(?:[\w.'-]+\s+){{0,4}}(?:{'|'.join(SPEECH_VERBS)})\b")

PROBLEMS = (
    "unclosed",
    "unopened",
    "apostrophe",
    "backwards",
    "space-inside",
    "doubled",
    "two-singles",
    "spaced-apostrophe",
    "punctuation-outside",
    "single-marks",
    "mixed-marks",
)
_OPEN_FOR = {"\u201d": "\u201c", "\u2019": "\u2018", "\u201c": "\u201d", "\u2018": "\u2019"}
_DOUBLE_FOR = {"\u2019\u2019": "\u201d", "\u2018\u2018": "\u201c", "''": '"'}
_WORDS = re.compile(r"\w+")
# After a whole quoted sentence's comma: who said it ("he said", "said Ann Lee", "the minister told").
_ATTRIBUTION = re.compile(rf"[ \t]+(?:[\w'\u2019.-]+[ \t]+){{0,5}}?(?:{'|'.join(SPEECH_VERBS)})\b")


@dataclass
class Options:
    problem: str
    min_words: int = 2
    style: str = "us"
    attributed: bool = False
    house_double: bool = False

    def __post_init__(self):
        if self.problem not in PROBLEMS:
            raise OptionError("problem", f"must be one of {', '.join(PROBLEMS)}")
        if self.style not in ("us", "logical"):
            raise OptionError("style", "must be us or logical")


def check(doc, options: Options):
    text = doc.text
    problem = options.problem
    if problem == "punctuation-outside":
        for q in doc.quotes:
            after = text[q.end : q.end + 1]
            # Not after another mark: ’’ is its own problem, and '" nests a quotation.
            if q.closed and q.kind == DOUBLE and after in (",", ".") and text[q.end - 2] not in ".,?!;:'\u2019":
                if after == "." and text[q.end + 1 : q.end + 2] == ".":
                    continue  # an ellipsis
                if options.style == "logical" and not (
                    after == "," and _whole_sentence(doc, q.start) and _ATTRIBUTION.match(text, q.end + 1)
                ):
                    continue
                yield Hit(
                    q.end - 1,
                    q.end + 1,
                    {"found": text[q.end - 1 : q.end + 1], "mark": after},
                    (Edit(q.end - 1, q.end + 1, after + text[q.end - 1]),),
                )
        return
    if problem == "single-marks":
        body = set(doc.body) - set(doc.header)
        quotations = [
            q
            for q in doc.quotes
            if q.depth == 0
            and q.closed
            and q.paragraph in body
            and not doc.is_headline_like(q.paragraph)
            and len(_WORDS.findall(text, q.start, q.end)) >= options.min_words
        ]
        singles = [q for q in quotations if q.kind == SINGLE]
        # A story that quotes in single marks keeps a house style, not a slip; under a house that
        # quotes in double marks its spoken quotations are still reported.
        story_single = len(singles) * 2 > len(quotations)
        if story_single and not options.house_double:
            return
        double = {"'": '"', "\u2018": "\u201c", "\u2019": "\u201d"}
        for q in singles:
            if (options.attributed or story_single) and not (
                _SPOKEN_BEFORE.search(text, max(0, q.start - 60), q.start) or _SPOKEN_AFTER.match(text, q.end)
            ):
                continue
            yield Hit(
                q.start,
                q.end,
                {"found": text[q.start : q.end]},
                (
                    Edit(q.start, q.start + 1, double.get(text[q.start], '"')),
                    Edit(q.end - 1, q.end, double.get(text[q.end - 1], '"')),
                ),
            )
        return
    if problem == "space-inside":
        yield from _spaces_inside(doc)
        return
    if problem == "mixed-marks":
        yield from _mixed_marks(doc)
        return
    for p in doc.quote_scan.problems:
        if p.kind != problem:
            continue
        edits = ()
        if p.kind == "two-singles":
            edits = (Edit(p.start, p.end, _DOUBLE_FOR[p.mark]),)
        elif p.kind == "spaced-apostrophe":
            edits = (Edit(p.start, p.start + 1, ""),)
        elif p.kind == "doubled":
            edits = (Edit(p.start, p.start + 1, ""),)
        elif p.kind == "apostrophe":
            edits = (Edit(p.start, p.end, "\u2019" if p.mark == "\u201d" else "'"),)
        elif p.kind == "backwards" and p.mark in _OPEN_FOR:
            edits = (Edit(p.start, p.end, _OPEN_FOR[p.mark]),)
        yield Hit(p.start, p.end, {"mark": p.mark, "found": text[p.start : p.end]}, edits)


_CURLY = {'"': ("\u201c", "\u201d")}


def _mixed_marks(doc):
    """Quotations in the other kind of double marks (straight or curly) than the story's first
    one, where they are the fewer, at most half as many: a paste from another file, an edit on
    another keyboard. Scraped pages that mix the two all through are left alone."""
    text = doc.text
    body = set(doc.body) - set(doc.header)
    quotations = [
        q
        for q in doc.quotes
        if q.depth == 0 and q.kind == DOUBLE and q.paragraph in body and text[q.start] in '"\u201c\u201d'
    ]  # a quotation continued from the paragraph before begins at no mark of its own
    straight = [q for q in quotations if text[q.start] == '"' or (q.closed and text[q.end - 1] == '"')]
    if not straight or len(straight) == len(quotations):
        return
    curly = [q for q in quotations if q not in straight]
    # The story's own marks are those of its first quotation; the other kind is reported where it
    # is the fewer, at most half as many (one against one counts: the first sets the style).
    if quotations[0] in straight:
        odd, kept, marks = curly, straight, ('"', '"')
    else:
        odd, kept, marks = straight, curly, ("\u201c", "\u201d")
    if len(odd) > max(1, len(kept) // 2):
        return
    for q in odd:
        edits = []
        if text[q.start] != marks[0] and (marks[0] == '"') != (text[q.start] == '"'):
            edits.append(Edit(q.start, q.start + 1, marks[0]))
        # (a lone mark, a paragraph's "” " after an unclosed quotation, is one mark: one edit)
        if q.closed and q.end - 1 > q.start and (marks[1] == '"') != (text[q.end - 1] == '"'):
            edits.append(Edit(q.end - 1, q.end, marks[1]))
        yield Hit(q.start, q.end, {"found": text[q.start : q.end], "mark": text[q.start]}, tuple(edits))


def _whole_sentence(doc, start: int) -> bool:
    """Does the quotation opening at `start` begin its sentence (or follow a colon)?"""
    return doc.sentences[doc.sentence_index(start)].start == start or doc.text[start - 2 : start] == ": "


def _spaces_inside(doc):
    """One report per padded mark, or one for a quotation padded on both sides (“ Wild Rose ”)."""
    text = doc.text
    padded = [p for p in doc.quote_scan.problems if p.kind == "space-inside"]
    quotations = {(q.start, q.end) for q in doc.quotes}
    i = 0
    while i < len(padded):
        p = padded[i]
        space = p.start if text[p.start].isspace() else p.end - 1
        pair = padded[i + 1] if i + 1 < len(padded) else None
        if pair and text[pair.start].isspace() and space == p.end - 1 and (p.start, pair.end) in quotations:
            after, before = _run_after(text, space), _run_before(text, pair.start + 1)
            # a quotation of spaces alone (“   ”): both runs are the one run, taken out once
            edits = (after,) if after.end > before.start else (after, before)
            yield Hit(p.start, pair.end, {"mark": p.mark, "found": text[p.start : pair.end]}, edits)
            i += 2
            continue
        edit = _run_after(text, space) if space == p.end - 1 else _run_before(text, space + 1)
        yield Hit(p.start, p.end, {"mark": p.mark, "found": text[p.start : p.end]}, (edit,))
        i += 1


# The whole run of spaces beside a mark goes in one fix: removing one space a pass never settled
# on HTML, where each line break of the markup is a space of the copy ("“\r\n\r\n said").
_RUN = " \t"


def _run_after(text: str, start: int) -> Edit:
    end = start + 1
    while end < len(text) and text[end] in _RUN:
        end += 1
    return Edit(start, end, "")


def _run_before(text: str, end: int) -> Edit:
    start = end - 1
    while start > 0 and text[start - 1] in _RUN:
        start -= 1
    return Edit(start, end, "")


# One doc per problem, for `newslint explain`, hovers and SARIF (each rule reports one problem).
PROBLEM_DOCS = {
    "mixed-marks": """
What it does
    Reports a quotation in straight double marks in a story whose first quotation is in curly ones, or the reverse, where they are the fewer, at most half as many (one against one counts); a story that mixes them all through (a scraped page) is left alone.

Why is this bad
    Marks of two kinds in one story show a paste or an edit no one read; in print the straight ones stand out.

Example
    “We won,” she said. “It was close,” she added. “We will celebrate.” Later she said "we are tired."

Use instead
    “We won,” she said. “It was close,” she added. “We will celebrate.” Later she said “we are tired.”
""",
    "unclosed": """
What it does
    Reports a quotation mark that opens a quotation that never closes, and is not continued by an opening mark in the next paragraph (the news style for a quotation that runs over paragraphs).

Why is this bad
    Readers cannot tell where the speaker's words end and the reporter's begin.

Example
    She said "we will win the vote.

Use instead
    She said "we will win the vote."
""",
    "unopened": """
What it does
    Reports a quotation mark that closes a quotation that was never opened.

Why is this bad
    The quotation's start was lost, so the reader cannot tell which words are the speaker's.

Example
    She said we will win the vote," and left.

Use instead
    She said, "We will win the vote," and left.
""",
    "apostrophe": """
What it does
    Reports a double quotation mark after a plural and before a lower-case word, where a possessive apostrophe belongs (a conversion slip).

Why is this bad
    It reads as the start or end of a quotation, and the possessive is lost.

Example
    The shows clash with its rivals" biggest hits.

Use instead
    The shows clash with its rivals' biggest hits.
""",
    "backwards": """
What it does
    Reports a curly quotation mark facing the wrong way: a closing mark used to open, or an opening mark used to close.

Why is this bad
    It looks like a typesetting error on the page, and screen readers pair it wrongly.

Example
    She said ”we will win.”

Use instead
    She said “we will win.”
""",
    "space-inside": """
What it does
    Reports a space just inside a quotation mark; a quotation padded on both sides is one report.

Why is this bad
    The mark floats away from the words it belongs to, and may break across a line.

Example
    He called it " a disgrace ".

Use instead
    He called it "a disgrace".
""",
    "doubled": """
What it does
    Reports the same quotation mark typed twice.

Why is this bad
    A doubled mark is a typing slip that makes the copy look unedited.

Example
    "We will win,"" she said.

Use instead
    "We will win," she said.
""",
    "two-singles": """
What it does
    Reports two single marks (’’ or ‘‘) typed for a double quotation mark.

Why is this bad
    They look like a double mark on screen but are read as two apostrophes by search, screen readers and the quote pairing.

Example
    ‘‘We will win,’’ she said.

Use instead
    “We will win,” she said.
""",
    "spaced-apostrophe": """
What it does
    Reports a space before a possessive apostrophe.

Why is this bad
    The possessive splits from its noun: a slip from a conversion or a clumsy paste.

Example
    the Senate ’s plenary

Use instead
    the Senate’s plenary
""",
    "punctuation-outside": """
What it does
    Reports a comma or full stop after a closing quotation mark. With `style: us` (AP) every comma and full stop goes inside; with `style: logical` (British) only the comma after a whole quoted sentence, before who said it, is reported.

Why is this bad
    It breaks the house's punctuation style, which readers of that house expect.

Example
    "That still leaves half", he said.

Use instead
    "That still leaves half," he said.
""",
    "single-marks": """
What it does
    Reports a quotation in body copy in single marks, in a story that quotes mostly in double marks (U.S. style keeps single marks for headlines and quotations inside quotations). Never in a line written as a headline.

Why is this bad
    One story should quote one way; a single-quoted quotation reads as a scare quote or a headline.

Example
    'We will win,' she said, after "a long night".

Use instead
    "We will win," she said, after "a long night".
""",
}

TYPE = RuleType("quotes", Options, check, ("mark", "found"), __doc__, fix="safe", problems=PROBLEM_DOCS)
