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

    With `problem: courtesy-forename` it reports a courtesy title put before a given name
    ("Mr Daniel said" after "Daniel Okonkwo"); with `problem: courtesy-full-name` one put before
    a whole name ("Ms Lorna Atkins said"), which British style gives only on later references.
    With `problem: courtesy-dropped`, a later reference by bare surname ("Okonedo said") to
    someone the story calls "Ms Okonedo" elsewhere: a house that gives courtesy titles gives
    them every time. The fix puts the story's title in.

Options
    problem       before-first (the default), title-repeated, courtesy-forename,
                  courtesy-full-name or courtesy-dropped
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document.people import find_people, is_place, looks_personal
from ..model import Edit, Hit
from .base import OptionError, RuleType

PROBLEMS = ("before-first", "title-repeated", "courtesy-forename", "courtesy-full-name", "courtesy-dropped")


@dataclass
class Options:
    problem: str = "before-first"

    def __post_init__(self):
        if self.problem not in PROBLEMS:
            raise OptionError("problem", f"must be one of {', '.join(PROBLEMS)}")


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


# A courtesy title and the capitalised word after it ("Mr Daniel", "Ms. Lorna"); the check is
# told which capital words are given names. (The M first and the word boundary as a lookbehind
# after it: the scan skips to each M, twenty times faster than trying \b everywhere.)
_COURTESY = re.compile(r"M(?<!\wM)(?:rs?|s|iss)\.?[ \t]+([A-Z][a-z]+(?:[A-Z][a-z]+)?)\b(?![-'\u2019])")


def _courtesy_titles(doc, whole_name: bool):
    """A courtesy title before a given name of someone the story names in full: alone ("Mr
    Daniel", after "Daniel Okonkwo"; the fix puts the surname in its place where one person has
    that given name), or before the whole name ("Ms Lorna Atkins"; the fix takes the title out)."""
    text = doc.text
    if "M" not in text or not any(t in text for t in ("Mr", "Ms", "Miss")):
        return  # the literal prefilter: most stories have no courtesy title at all
    people = doc.memo(find_people)
    surnames_of: dict[str, set[str]] = {}  # given name -> the surnames it goes with
    for surname, refs in people.full.items():
        for _, _, given in refs:
            surnames_of.setdefault(given, set()).add(surname)
    for m in doc.memo(_courtesy_scan):
        given = m.group(1)
        if given not in surnames_of or doc.is_headline_like(doc.paragraph_index(m.start())):
            continue
        after = _SURNAME_AFTER.match(text, m.end())
        if whole_name:
            # Not the first half of a two-word surname ("Mrs Parker Bowles", after "Camilla
            # Parker Bowles"), nor a title ("Mr Tambourine Man", where "man" is a word).
            if (
                after
                and after.group(1) in surnames_of[given]
                and given not in people.full
                and not re.search(rf"\b{after.group(1).lower()}\b", text)
            ):
                yield Hit(
                    m.start(),
                    after.end(1),
                    {"found": text[m.start() : after.end(1)], "name": after.group(1), "full": ""},
                    (Edit(m.start(), m.start(1), ""),),
                )
            continue
        if after or given in people.full or given in SURNAME_FIRST:
            continue  # a full name, a surname that is also someone's given name, or "Mr Wang"
        surnames = sorted(surnames_of[given])
        if any(re.search(rf"\b(?:Mr|Mrs|Ms|Miss)\.?\s+{re.escape(s)}\b", text) for s in surnames):
            continue  # the story calls that person "Mr Okonkwo": this "Mr Daniel" is someone else
        if len(re.findall(rf"\b(?:Mr|Mrs|Ms|Miss)\.?\s+{given}\b", text)) > 1:
            continue  # the story's way with this name ("Mr. Meles", an Ethiopian given name), not a slip
        fields = {"found": m.group(), "name": given, "full": " or ".join(f"{given} {s}" for s in surnames)}
        edits = (Edit(m.start(1), m.end(1), surnames[0]),) if len(surnames) == 1 else ()
        yield Hit(m.start(), m.end(), fields, edits)


def _courtesy_scan(doc) -> list:
    """Every courtesy title and the word after it, in one scan shared by the two problems."""
    return list(_COURTESY.finditer(doc.text))


# Common family names of languages that put the family name first (Chinese, Korean, Vietnamese):
# "Wang Yan ... Mr Wang" is right.
SURNAME_FIRST = frozenset(
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie "
    "Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu "
    "Ding Ren Shen Yao Lu Jin Fan Fu Qian Kong Mao Bai Hou Meng Qin Xiong Wen Kim Lee Park Choi Jung "
    "Kang Cho Yoon Jang Lim Shin Oh Seo Kwon Hwang Ahn Song Ko Moon Yang Son Bae Baek Nguyen Tran Le "
    "Pham Hoang Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Xi".split()
)
_SURNAME_AFTER = re.compile(r"[ \t]+(?:[A-Z]\.[ \t]+)?((?:Mc|Mac|O'|O\u2019)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def _courtesy_dropped(doc):
    """A bare surname for someone the story gives one courtesy title elsewhere ("Ms Okonedo")."""
    text = doc.text
    if "M" not in text or not any(t in text for t in ("Mr", "Ms", "Miss")):
        return
    titles: dict[str, set[str]] = {}  # surname -> the titles the story's own words give it
    titled: dict[str, int] = {}  # surname -> how often they give one
    for m in doc.memo(_courtesy_scan):
        if not doc.in_quote(m.start(), m.end(1)):  # a speaker's "Mr Davis" is not the house's
            titles.setdefault(m.group(1), set()).add(text[m.start() : m.start(1)].strip().rstrip("."))
            titled[m.group(1)] = titled.get(m.group(1), 0) + 1
    if not titles:
        return
    people = doc.memo(find_people)
    bare: dict[str, list[tuple[int, int]]] = {}
    for start, end, surname in sorted(set(people.short + people.opening)):
        if surname in titles and not _TITLED.search(text, max(0, start - 6), start):
            bare.setdefault(surname, []).append((start, end))
    for surname, spans in bare.items():
        if len(titles[surname]) != 1 or len(spans) > titled[surname]:
            continue  # the story's way is the bare surname: the titled one is the odd one out
        yield from _titles_dropped(doc, people, surname, spans, next(iter(titles[surname])))


def _titles_dropped(doc, people, surname: str, spans, title: str):
    text = doc.text
    for start, _ in spans:
        if _NAMED_AFTER.match(text, start + len(surname)):
            continue  # "Brown's Britain": a title or a name, not a reference
        if len({given for _, _, given in people.full.get(surname, ())}) > 1:
            continue  # two people of that name: the bare one may be the other
        full = people.full.get(surname)
        if not full or full[0][0] > start or doc.is_headline_like(doc.paragraph_index(start)):
            continue  # before the introduction: the before-first problem's, not this one's
        fields = {"found": surname, "name": surname, "full": f"{title} {surname}"}
        yield Hit(start, start + len(surname), fields, (Edit(start, start, f"{title} "),))


_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+$")
_NAMED_AFTER = re.compile(r"['\u2019]s? [A-Z]")


def check(doc, options: Options):
    if options.problem == "title-repeated":
        yield from _titles_repeated(doc)
        return
    if options.problem == "courtesy-dropped":
        yield from _courtesy_dropped(doc)
        return
    if options.problem in ("courtesy-forename", "courtesy-full-name"):
        yield from _courtesy_titles(doc, options.problem == "courtesy-full-name")
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
        if (start, end, surname) in weak_forms and surname not in strong:
            if not looks_personal(doc.text, first_start, first_end, given) or is_place(doc.text, surname):
                continue  # "Wales was hit hardest", where the story also writes "in Wales"
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
    "courtesy-forename": """
What it does
    Reports a courtesy title (Mr, Mrs, Ms, Miss) before a given name of someone the story names
    in full: "Mr Daniel said" after "Daniel Okonkwo". Where one person has that given name, the
    fix puts the surname in its place.

Why is this bad
    A courtesy title goes with the surname. "Mr Daniel" reads as another man, surnamed Daniel.

Example
    The chief executive, Daniel Okonkwo, was frustrated. Mr Daniel said so.

Use instead
    The chief executive, Daniel Okonkwo, was frustrated. Mr Okonkwo said so.
""",
    "courtesy-full-name": """
What it does
    Reports a courtesy title before a whole name: "Ms Lorna Atkins said". The fix takes the
    title out.

Why is this bad
    British houses that use courtesy titles give them on later references only ("Lorna
    Atkins ... Ms Atkins"); AP and the Guardian give none at all.

Example
    Ms Lorna Atkins of Fair Fares Now said fares were too high.

Use instead
    Lorna Atkins of Fair Fares Now said fares were too high.
""",
    "courtesy-dropped": """
What it does
    Reports a later reference by bare surname ("Okonedo said") to someone the story calls "Ms
    Okonedo" elsewhere. The fix puts the story's title in. A surname two people share, or one
    the story gives two titles, is left alone.

Why is this bad
    A house that gives courtesy titles gives them every time; a reference without one reads as
    another person, or as copy pasted in from elsewhere.

Example
    Ms Okonedo said reserves were low. Okonedo said the sale was under way.

Use instead
    Ms Okonedo said reserves were low. Ms Okonedo said the sale was under way.
""",
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
