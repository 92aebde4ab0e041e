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

Options
    none
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document.people import find_people, looks_personal
from ..model import Hit
from .base import RuleType


@dataclass
class Options:
    pass


def check(doc, options: Options):
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
        if first_start > start:
            reported.add(surname)
            line = doc.line_col(doc.to_source(first_start))[0]
            yield Hit(start, end, {"name": surname, "full": f"{given} {surname}", "line": line})


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


TYPE = RuleType("reference", Options, check, ("name", "full", "line"), __doc__)
