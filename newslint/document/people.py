"""People named in a story: full references ("Colonel Ryan Dillon") and later short ones
("Dillon said", "Mr Dillon"), shared by the reference and name-spelling checks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .words import HONORIFICS, SPEECH_VERBS, TITLES

_NAME = r"(?:Mc|Mac|O'|O\u2019|D')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# What may stand between a given name and the surname: a middle initial, a nickname in quotation
# marks (Chun "Michael" Deng), and the particles of a surname (Mark van Gisbergen).
_PARTICLES = "van von de der den del della da di du la le dos das ter ten bin ibn"
MIDDLE = (
    r"(?:[A-Z]\.\s+|[\"\u201c][A-Z][a-z]+[\"\u201d]\s+)?"
    rf"(?:(?:{'|'.join(_PARTICLES.split())})\s+)*"
)
# A given name (or initial), what may stand between, then the surname. The lookahead lets
# "Colonel Ryan Dillon" yield both "Colonel Ryan" and "Ryan Dillon" (no name starts inside a
# given name, so taking the given name loses none).
# (It starts with a class, [A-Z], which lets the scan pass over other characters without trying
# the pattern there; the test of the character before moves one on with it.)
# A given name may have a capital inside it: DaShawn, LeBron, DeAndre.
_FULL = re.compile(rf"([A-Z](?<![\w'\u2019-][A-Z])(?:[a-z]+(?:[A-Z][a-z]+)?|\.))(?=\s+{MIDDLE}({_NAME})(?![\w-]))")
_PREVIOUS_NAME = re.compile(rf"(?:[A-Z][a-z]+|[A-Z]\.)\s+{MIDDLE}$")
# Capitalised words that are not given names: they start sentences or name places and bodies.
_NOT_GIVEN = frozenset(
    "The A An In On At By For From To Of And But Or If As When While After Before Since Under Over "
    "This That These Those There Their His Her Its Our Your My We They He She It I "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December North South East West New Old Saint San Los Las "
    "Prime President Minister Secretary Senator Governor General Colonel Captain Major Sergeant "
    "Lieutenant Admiral Commander Chief Judge Justice Officer Inspector Detective Professor Doctor "
    "Prince Princess King Queen Lord Lady Sir Dame Pope Bishop Father Brother Sister Rabbi Imam "
    "Chancellor Mayor Deputy Vice Acting Former Coalition Spokesman Spokeswoman Reuters Police "
    "Army Navy Air Force Central State National United Federal Supreme High Royal Foreign Home "
    "Labour Tory Democrat Republican Democrats Republicans Conservative Liberal Green Street Road "
    "According Speaking Asked Still Yet Also Even Only Just Both Each Every Some Many Most Such "
    "Meanwhile However Although Though Because Despite Without Within Between Among Against During "
    "Now Then Often Here Today Yesterday Tomorrow Last Next Later Earlier Instead Indeed Overall "
    "Van Von De Der Den Del Della Da Di Du La Le Dos Das Ter Ten Bin Ibn Al El "
    "With Whatever Once Northern Southern Eastern Western Upon Unlike Like Until Whether Whenever "
    "Wherever Whoever Why How What Where Who Which Several Neither Already Unfortunately Other Sure".split()
)


def is_not_a_name(word: str) -> bool:
    """A capitalised word that starts sentences or names places, days and bodies, not a person."""
    return word in _NOT_GIVEN


@dataclass
class People:
    # surname -> offsets of its full references, in story order, and their given names
    full: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    # short references: (start, end, surname), in story order
    short: list[tuple[int, int, str]] = field(default_factory=list)
    # a capitalised word opening a sentence ("Dillon was ..."): a short reference when the story
    # names that surname in full, else most likely an ordinary word ("More than ...")
    opening: list[tuple[int, int, str]] = field(default_factory=list)
    # the short references that are possessives ("Dillon's"), also in `short`
    possessive: list[tuple[int, int, str]] = field(default_factory=list)


# "Mr Dillon" (group 1), "Dillon said" (group 2, with an empty group 3 after the verb), or a
# possessive ("Dillon's order", group 4 the 's) or a capitalised word before a lower-case one
# (group 2 alone), which is a reference only where it opens a sentence ("Dillon was ...",
# "Dillon, a lawyer, ...": see find_people); reference() tells which.
# Like _FULL, it starts with the class [A-Z] and takes that capital, so the scan passes over
# other characters quickly; the rest is tested from behind, and a name that starts the match is
# held in group 2 without its capital. _NAME_AFTER_CAPITAL is _NAME after its first capital.
_NAME_AFTER_CAPITAL = (
    r"(?:(?<=[MOD])(?:(?<=M)c[A-Z]|(?<=M)ac[A-Z]|(?<=O)'[A-Z]|(?<=O)\u2019[A-Z]|(?<=D)'[A-Z]))?"
    r"[a-z]+(?:-[A-Z][a-z]+)?"
)
# A description that opens with whose it is and ends on a person's role: "Wijeratne, Sri Lanka
# A's new-ball bowler, took four", "Byrne, Ireland's captain, said" (not "Paris, France's capital").
_OWNER = (
    r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}['\u2019]s?(?:\s+[a-z][\w-]*){0,2}\s+"
    r"[a-z][\w-]*(?:er|or|ist|man|woman|ant|ent|ian|ee|ive|ain|ach|ief|ess),"
)
_SHORT = re.compile(
    rf"[A-Z](?:(?<!\w[MDCP])(?:(?<=M)(?:r|rs|s|iss)|(?<=D)r|(?<=C)llr|(?<=P)rof)\.?\s+({_NAME})(?![\w-])"
    rf"|(?<![\w'\u2019-][A-Z])({_NAME_AFTER_CAPITAL})"
    rf"(?:,?\s+(?:{'|'.join(SPEECH_VERBS)})\b()|(['\u2019]s)\b|(?=\s+[a-z]|,\s+(?:\d|an?\s|the\s|who\s|{_OWNER}))))"
)
# (The name is matched once for what may follow it, where two alternatives matched it twice: no
# shorter reading of a name can be followed by what one needs, a comma, white space or 's.)


def reference(m) -> tuple[int, int, int]:
    """What a match of _SHORT found: (1 after a title, 2 before a speech verb, 3 otherwise, and
    the start and end of the name)."""
    if m.start(1) >= 0:
        return 1, m.start(1), m.end(1)
    return (2 if m.start(3) >= 0 else 3), m.start(), m.end(2)


_SENTENCE_BEFORE = re.compile(r"[.!?][\"'\u201d\u2019]?\s+$")
# A dateline opens the paragraph's first sentence: "MARQUETTE, Mich. (AP) — Hollis scored".
_DATELINE = re.compile(
    r"[A-Z][A-Z .'-]+\b(?:,[^\n\u2014\u2013]{1,40}|\s*\([A-Za-z ]{1,20}\))?\s*(?:\u2014|\u2013|--?)\s*"
)
# "in Wales", "from Brandon": a capitalised word after one of these is a place, not a person.
_PLACE = re.compile(rf"\b(?:in|from|across|throughout|around|near|outside|inside|across)\s+({_NAME})\b")
# The same, asked of one name where it occurs (see is_place): the word before the white space
# before it, and the name itself.
_PLACE_WORD = re.compile(r"\b(?:in|from|across|throughout|around|near|outside|inside|across)\Z")
_NAME_AT = re.compile(rf"({_NAME})\b")
_LONGEST_PLACE_WORD = len("throughout")
# "a spokesman for Vodafone said", "the head of Unison said": a body that speaks, not a person.
_BODY_BEFORE = re.compile(r"\b(?:for|of|at|with|by|from|in|to)\s+$")


_ARTICLE_BEFORE = re.compile(r"\b(?:the|The|a|A|an|An)\s+$")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")


# What marks a full name as a person's: a title or role before it ("Judge Andrew Hanen", "Owner
# Teresa Kowalski"), an age, a description or a home after it ("Teresa Kowalski, 63,", ", a
# lawyer", ", of Kettering"), or a verb in the past ("James Lowe finished", "Lowe said").
_ROLES = (
    "Judge Justice Senator Sen Rep Representative Gov Governor President Minister Secretary Chancellor "
    "Mayor Officer Chief Captain Capt Coach Manager Owner Director Chairman Chairwoman Chair Professor "
    "Prof Dr Doctor Detective Det Sergeant Sgt Inspector Constable General Gen Colonel Col Lieutenant Lt "
    "Major Commander Admiral Bishop Father Rabbi Imam Councillor Councilman Councilwoman Rev Lord Lady "
    "Sir Dame King Queen Prince Princess Ambassador Attorney Lawyer Striker Midfielder Defender "
    "Goalkeeper Winger Keeper Forward Guard Pitcher Quarterback Singer Actor Actress Author Chef Editor "
    "Founder Executive Spokesman Spokeswoman Spokesperson Superintendent Principal Deputy Trustee "
    "Commissioner Sheriff Director-General Speaker Leader Dean Pastor"
).split()
_ROLE_BEFORE = re.compile(
    rf"(?:\b(?:{'|'.join(_ROLES)})\.?|\b[a-z]+(?:man|woman|person|er|or|ist|ant|ent|ive)),?\s+$", re.IGNORECASE
)
_PERSON_AFTER = re.compile(
    rf"(?:,\s+(?:\d|an?\s|the\s|who\s|whose\s|of\s)"
    rf"|\s+(?:{'|'.join(SPEECH_VERBS)}|[a-z]+ed|won|ran|hit|led|took|made|wrote|became|scored)\b)"
)


def looks_personal(text: str, start: int, end: int, given: str) -> bool:
    """Is the full reference whose surname spans [start, end) plainly a person's name, not part of
    a body's or place's ("the Traffic Scotland website", "Pueblo County School District",
    "Radio Scotland") or a capitalised word before a name ("Unfortunately England")? It takes a
    title or role before it, or an age, a description or a speech verb after it."""
    head = text.rfind(given, max(0, start - 60), start)
    if head < 0 or _ARTICLE_BEFORE.search(text, max(0, head - 5), head) or _CAPITAL_AFTER.match(text, end):
        return False
    if _PERSON_AFTER.match(text, end):
        return True
    return _ROLE_BEFORE.search(text, max(0, head - 30), head) is not None


def _occurs_as_word(text: str, word: str) -> bool:
    """Is `word` in `text` in lower case, as a whole word (what r"\b[a-z]+\b" finds)? A few fast
    substring searches, where listing every word of the story took longer."""
    if not (word.isascii() and word.isalpha() and word.islower()):
        return False
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and _is_word_char(text[at - 1])) and not (end < len(text) and _is_word_char(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w matches


# A story with more names said to speak than this is scanned once for its places: each test
# looks for the name through the story, and thousands of names would make that quadratic.
_MOST_PLACE_TESTS = 50


def is_place(text: str, name: str) -> bool:
    """Is `name` one that _PLACE finds in `text` ({m.group(1) for m in _PLACE.finditer(text)})?
    Asked where the name occurs, not found by a scan of the story. (_PLACE's matches cannot
    overlap, its words being in lower case and its names capitalised: finditer finds them all.)"""
    at = text.find(name)
    while at >= 0:
        space = at
        while space > 0 and text[space - 1].isspace():
            space -= 1
        if (
            space < at
            and _PLACE_WORD.search(text, max(0, space - _LONGEST_PLACE_WORD), space)
            and (found := _NAME_AT.match(text, at))
            and found.group(1) == name
        ):
            return True
        at = text.find(name, at + 1)
    return False


# A possessive that stands for a noun: the business (or a shop) of that name.
_SHOP_AFTER = re.compile(r"\s+(?:is|was|has|had|will|would|made|makes|said|says|plans|reported|opened|closed)\b|[,.;:]")


def find_people(doc) -> People:
    people = People()
    text = doc.text
    places: dict[str, bool] = {}  # a name -> the story writes it as a place ("in Wales")
    all_places: set[str] | None = None  # every such name, where there are many to ask about
    in_lower_case: dict[str, bool] = {}  # a word -> the story also writes it in lower case
    for index in doc.body:
        if doc.is_shouting(index):
            continue
        start, end = doc.paragraphs[index]
        for m in _FULL.finditer(text, start, end):
            given, surname = m.group(1), m.group(2)
            if given in _NOT_GIVEN or given.lower() in TITLES or surname in _NOT_GIVEN:
                continue
            people.full.setdefault(surname, []).append((m.start(2), m.end(2), given))
        for m in _SHORT.finditer(text, start, end):
            group, first, last = reference(m)
            if (
                group == 3
                and m.group(4) is None
                and not (m.start() == start or _SENTENCE_BEFORE.search(text, max(start, m.start() - 4), m.start()))
                and not (m.start() - start < 80 and _DATELINE.fullmatch(text, start, m.start()))
            ):
                continue  # a capitalised word inside a sentence: a name of any kind, not a reference
            surname = text[first:last]
            if surname in _NOT_GIVEN or surname in HONORIFICS:
                continue
            if m.group(4) is not None and _SHOP_AFTER.match(text, m.end()):
                continue  # "Tarrant's is to open 40 shops": a business named for the family
            if group == 2:
                if all_places is None and len(places) >= _MOST_PLACE_TESTS:
                    all_places = {m.group(1) for m in _PLACE.finditer(text)}  # one scan answers for all
                if all_places is not None:
                    places[surname] = surname in all_places
                elif surname not in places:
                    places[surname] = is_place(text, surname)
                if places[surname]:
                    continue
            if group != 1 and _PREVIOUS_NAME.search(text, max(start, m.start() - 40), m.start()):
                continue  # the end of a full name: "Ryan Dillon said", "Mark van Gisbergen added"
            if group == 3:
                lower = surname.lower()
                if lower not in in_lower_case:
                    in_lower_case[lower] = _occurs_as_word(text, lower)
                if in_lower_case[lower]:
                    continue  # an ordinary word with a capital ("School board ...")
                # A sentence's first word is a reference only if the story names the surname in
                # full; one with an age or a description after it is a person's in any case
                # ("Sandu, a teacher, said", "Halvorsen, 61, was convicted").
                apposition = m.group(4) is None and text.startswith(",", m.end())
                if m.group(4) is None and not apposition:
                    people.opening.append((first, last, surname))
                    continue
                if _BODY_BEFORE.search(text, max(start, m.start() - 10), m.start()):
                    continue
                if not apposition:
                    people.possessive.append((first, last, surname))
            if group == 2 and _BODY_BEFORE.search(text, max(start, m.start() - 10), m.start()):
                continue
            people.short.append((first, last, surname))
    return people
