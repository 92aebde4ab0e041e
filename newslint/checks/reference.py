"""reference: a person called by surname before the story has said who they are.

What it does
    Reports a short reference ("Dillon said", "Mr Dillon", "Dillon's order", or the surname
    opening a sentence: "Dillon was ...") that comes before the person's full first reference
    ("Coalition spokesman Colonel Ryan Dillon", "Judge Jane Roe") in the story. The headline, and
    lines written as headlines (subheads, picture captions), are not counted: they use surnames
    by design.

Why is this bad
    News style introduces a person in full the first time and by surname after. A surname out
    of order leaves the reader asking who that is, and usually means paragraphs were moved.

Example
    Dillon said 40 vehicles had tried to reach the convoy. ... Coalition spokesman Colonel Ryan
    Dillon told reporters ...

Use instead
    Move the full reference up to the first mention.

    With `problem: title-repeated` it reports instead a later reference that repeats the
    title the first one gave ("Sgt. Denise Kowalczyk ... Sgt. Kowalczyk said"): AP gives the
    surname alone after the first reference. The fix takes the title out.

Options
    problem       before-first (the default) or title-repeated
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document.people import find_people, looks_personal
from ..model import Edit, Hit
from .base import OptionError, RuleType


@dataclass
class Options:
    problem: str = "before-first"

    def __post_init__(self):
        if self.problem not in ("before-first", "title-repeated"):
            raise OptionError("problem", "must be before-first or title-repeated")


# A title just before a surname: "Sgt. Kowalczyk", "Bishop Fahey", "Gov. Ortega". Not "General"
# spelled out: AP writes the rank "Gen.", and the word is far more often a company's ("Acme
# General Corp", "General Mills") or part of a title ("Comptroller General") in AP copy.
_TITLE_BEFORE = re.compile(
    r"(?<![\w.])(?:(?:Sgt|Lt|Capt|Col|Gen|Maj|Cpl|Adm|Gov|Sen|Rep|Det|Insp|Supt|Dr|Rev|Msgr)\.\s+"
    r"|(?:Bishop|Judge|Officer|Detective|Sergeant|Captain|Colonel|Governor|Senator|Trooper|Coach)\s+)$"
)
# The surname alone: not a given name before another name ("Gov. Ana Fahey"), nor part of a word.
_ALONE = re.compile(r"(?![\w'-]|\s+[A-Z]|\.\w)")


def _titles_repeated(doc):
    """A later reference that repeats the title given at the first: AP style gives the surname
    alone after the first reference ("Sgt. Denise Kowalczyk ... Kowalczyk said"). Each surname
    named in full is looked for after its introduction, and a title looked for just before it."""
    people = doc.memo(find_people)
    text = doc.text
    for surname, refs in people.full.items():
        full = _introductions(text, refs)
        if not full:
            continue
        at = text.find(surname, full[0][1])
        while at >= 0:
            end = at + len(surname)
            title = _TITLE_BEFORE.search(text, max(0, at - 14), at)
            if (
                title is not None
                and not (at and (text[at - 1].isalnum() or text[at - 1] in "-'"))
                and _ALONE.match(text, end)
                and not doc.is_headline_like(doc.paragraph_index(at))
            ):
                yield Hit(
                    title.start(),
                    end,
                    {"name": surname, "found": text[title.start() : end]},
                    (Edit(title.start(), at, ""),),
                )
            at = text.find(surname, end)


def check(doc, options: Options):
    if options.problem == "title-repeated":
        yield from _titles_repeated(doc)
        return
    people = doc.memo(find_people)
    reported = set()
    # A possessive or a name opening a sentence ("Marsh's order", "Marsh was ...") counts only
    # for someone the story plainly treats as a person: called "Marsh said" or "Mr Marsh"
    # somewhere, or named in full with a title, an age or a description (not "Radio Scotland").
    weak_forms = set(people.opening) | set(people.possessive)
    strong = {surname for ref in people.short if ref not in weak_forms for surname in ref[2:]}  # "X said", "Mr X"
    for start, end, surname in sorted(people.short + people.opening):
        full = _introductions(doc.text, people.full.get(surname, ()))
        if not full or surname in reported or doc.is_headline_like(doc.paragraph_index(start)):
            continue
        first_start, first_end, given = full[0]
        if (
            (start, end, surname) in weak_forms
            and surname not in strong
            and not looks_personal(doc.text, first_start, first_end, given)
        ):
            continue
        if first_start > start and not _NICKNAMED.search(doc.text, max(0, start - 80), start):
            reported.add(surname)
            line = doc.line_col(doc.to_source(first_start))[0]
            yield Hit(start, end, {"name": surname, "full": f"{given} {surname}", "line": line})


# A given name and a nickname in quotation marks before the surname make it a full name, however
# long the nickname: Jeremy "Is it Yes or No?" Corbyn.
_NICKNAMED = re.compile(r"\b[A-Z][a-z]+ [\"\u201c][^\"\u201c\u201d\n]{1,60}[\"\u201d] $")


# Another name after the "surname" makes it a middle name: Theodor Seuss Geisel is no Seuss
# introduced (Dr Seuss is his pen name). A suffix (Jr, Sr) is not another name.
_MORE_NAME = re.compile(r"\s+(?!(?:Jr|Sr|Jnr|Snr)\b)(?:Mc|Mac|O')?[A-Z][a-z]")


def _introductions(text: str, refs) -> list:
    """The full references that introduce the surname: it ends the name, and the given name is a
    word with a vowel or an initial ("Nr Mugabe" is a slip for Mr, not a Mugabe introduced)."""
    return [
        (start, end, given)
        for start, end, given in refs
        if not _MORE_NAME.match(text, end) and (given.endswith(".") or any(c in "aeiouyAEIOUY" for c in given))
    ]


PROBLEM_DOCS = {
    "before-first": __doc__.split("\n    With `problem: title-repeated`")[0].split("\nOptions\n")[0],
    "title-repeated": """
What it does
    Reports a later reference that repeats the title the first one gave: "Sgt. Kowalczyk" after
    "Sgt. Denise Kowalczyk". The fix takes the title out.

Why is this bad
    AP gives the surname alone after the first reference; a repeated title reads as a second
    person, or as the desk not having read the story through.

Example
    Sgt. Denise Kowalczyk said the driver fled. Sgt. Kowalczyk said nobody was hurt.

Use instead
    Sgt. Denise Kowalczyk said the driver fled. Kowalczyk said nobody was hurt.
""",
}

TYPE = RuleType(
    "reference", Options, check, ("name", "full", "line", "found"), __doc__, fix="unsafe", problems=PROBLEM_DOCS
)
