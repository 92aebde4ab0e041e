"""name-variant: a name of a place, a body or a person written once with one letter changed.

What it does
    Reports a capitalised word that is one letter away from a name the story writes more often:
    a letter changed, doubled or dropped (Quilca and Quilka, St. Brendan's and St. Brenden's,
    Margarethe and Margarete, Dunnett and Dunnet). The name the story writes more often is taken
    as the right one, and the odd one out is reported where it stands; a name written in
    capitals (a dateline's QUILCA) counts as a use of it. In a name of several words, a word
    written once as a plural and once not is reported too (Northvale Hospitals NHS Trust and
    Northvale Hospital NHS Trust, the International Association of Flight Crews and of Flight
    Crew): there the later form is reported when each is written once. Two long names (nine
    letters or more) written as often as each other one letter apart are one name spelled two
    ways (Tchaikovsky, Tchaikowsky): the later spelling is reported.

    What is left alone: words of five letters or fewer (Dan and Don, Hall and Hill, Mark and
    Marc are different people), spellings with another first letter, two spellings written
    equally often (Parker and Parked), a word the story also writes in lower case (an ordinary
    word), a plural or a demonym outside a name (Iraq and Iraqi, Williams and William), two
    people the story introduces in full (Clark and Clarke), a spelling that only opens
    sentences unless it then acts like a person ("Margarete was appointed"), and a name the
    story never writes within a sentence (there it may be any word that opens one).

Why is this bad
    A name spelled two ways is a correction waiting to happen: one of them is wrong, and the
    reader cannot tell which.

Example
    The quake struck near Quilca. Rescuers reached the road from Quilka.

Use instead
    The quake struck near Quilca. Rescuers reached the road from Quilca.

Options
    min_letters   shortest name compared (default 6; a doubled or dropped letter counts from 5)
    accept        words that are right as spelled however close to another name
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..document.people import find_people
from ..model import Edit, Hit
from .base import RuleType, string_list
from .name_spelling import _ACTS_AFTER, _SUFFIXES, distance, doubled_letter
from .wordset import written_lower

# A capitalised word (with its possessive left out), not part of a handle, an address or a
# hyphenated word; the capital comes first so the scan passes over lower-case text fast.
_WORD = re.compile(r"[A-Z](?<![\w'\u2019@#./-][A-Z])[a-z]+(?![\w@/-]|\.\w)")
_CAPITALS = re.compile(r"[A-Z](?<![\w'\u2019@#./-][A-Z])[A-Z]{4,}(?![\w@/-]|\.\w)")
# What opens a sentence within one: a quotation, a bracket, a colon.
_OPENS = re.compile(r"(?:[\"\u201c(\u2018]|:\s)$")
_ARTICLES_AND_COUNTS = frozenset({"a", "an", "one", "every", "each", "former", "another"})


@dataclass
class Options:
    min_letters: int = 6
    accept: Any = ()

    def __post_init__(self):
        self.accept = frozenset(string_list("accept", self.accept))


@dataclass
class _Use:
    start: int
    end: int
    form: str  # as written, in title case for a word in capitals
    shouted: bool
    opens: bool  # opens a sentence


def _uses(doc) -> list[_Use]:
    text = doc.text
    indexes = ([doc.headline_index] if doc.headline_index is not None else []) + list(doc.body)
    sentence_starts = {sentence.start for sentence in doc.sentences}
    uses = []
    for index in indexes:
        start, end = doc.paragraphs[index]
        shouting = doc.is_shouting(index)
        if not shouting:
            for m in _WORD.finditer(text, start, end):
                s = m.start()
                opens = s in sentence_starts or _OPENS.search(text, max(start, s - 2), s) is not None
                uses.append(_Use(s, m.end(), m.group(), False, opens))
        for m in _CAPITALS.finditer(text, start, end):  # a dateline's QUILCA is a use of Quilca
            uses.append(_Use(m.start(), m.end(), m.group().title(), True, False))
    uses.sort(key=lambda u: u.start)
    return uses


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _suffixed(a: str, b: str) -> str | None:
    """The ending one word adds to the other (Hospital, Hospitals: "s"), if one does."""
    short, long = sorted((a, b), key=len)
    return long[len(short) :] if long.startswith(short) else None


def _people_names(doc) -> set[str]:
    """Surnames and given names of the people introduced in full: two of them one letter apart
    are two people (Clark and Clarke; Sara Jones and Sarah Smith)."""
    people = doc.memo(find_people)
    names = set(people.full)
    for refs in people.full.values():
        names.update(given for _, _, given in refs)
    return names


def _forms(doc) -> set[str]:
    """The distinct forms _uses() finds, from a plain scan: most stories have no two alike, and
    are settled without working out each use's place in its sentence."""
    text = doc.text
    indexes = ([doc.headline_index] if doc.headline_index is not None else []) + list(doc.body)
    forms: set[str] = set()
    for index in indexes:
        start, end = doc.paragraphs[index]
        if not doc.is_shouting(index):
            forms.update(_WORD.findall(text, start, end))
        forms.update(w.title() for w in _CAPITALS.findall(text, start, end))
    return {form for form in forms if len(form) >= 4}  # (a plural in a name counts from four letters)


def check(doc, options: Options):
    forms = _forms(doc)
    if len(forms) < 2:
        return
    # A word the story also writes in lower case is an ordinary word: it counts only as one
    # word of a name that gains an ending elsewhere (Hospital, Hospitals), found directly.
    lower = written_lower(doc)
    pairs = {(form, form + end) for form in forms for end in _ONE_LETTER_ENDINGS if form + end in forms}
    # Two spellings one edit apart share a spelling with one letter deleted from each: look
    # candidates up by those spellings rather than compare every pair of words.
    index: dict[str, list[str]] = {}
    for form in forms:
        if form.lower() not in lower:
            for key in _deletions(form):
                index.setdefault(key, []).append(form)
    pairs.update(
        tuple(sorted((a, b)))
        for alike in index.values()
        if 1 < len(alike) <= _MOST_ALIKE  # (a list of codes sharing letters is no name spelled twice)
        for i, a in enumerate(alike)
        for b in alike[i + 1 :]
        if a[0] == b[0] and a != b
    )
    if not pairs:
        return
    by_form: dict[str, list[_Use]] = {}
    for use in _uses(doc):
        if len(use.form) >= 4:
            by_form.setdefault(use.form, []).append(use)
    people = _people_names(doc)
    full = doc.memo(find_people).full
    hits: dict[int, Hit] = {}
    for a, b in sorted(pairs):
        if a in options.accept or b in options.accept:
            continue
        ending = _suffixed(a, b)
        if ending is not None and ending in _SUFFIXES:  # (the words of a name may be ordinary words)
            for hit in _plural_in_name(doc, by_form, a, b, ending):
                hits.setdefault(hit.start, hit)
            continue
        if a.lower() in lower or b.lower() in lower:
            continue  # an ordinary word
        if not doubled_letter(a, b) and (a[:-1] == b[:-1] or len(ending or "") == 1 or not _sounds_alike(a, b)):
            continue  # a derived word (Argentina, Argentine; German, Germany) or another name (Boston, Bolton)
        shortest = min(len(a), len(b))
        if distance(a, b, 1) > 1 or shortest < options.min_letters and not (shortest >= 5 and doubled_letter(a, b)):
            continue
        if a in people and b in people:
            continue
        count = Counter({a: len(by_form[a]), b: len(by_form[b])})
        (usual, n_usual), (odd, n_odd) = count.most_common()
        if n_usual == n_odd:
            # Each written as often: only a person introduced in full ("Hamish Dunnett") is the
            # usual spelling, when the other was introduced nowhere and comes later ("Dunnet").
            introduced = [name for name in (a, b) if name in full]
            if len(introduced) == 1:
                usual, odd = introduced[0], b if introduced[0] == a else a
            elif min(len(a), len(b)) >= _LONG_NAME and not introduced:
                # A long name: no two real names so long are one letter apart (Tchaikovsky,
                # Tchaikowsky); the later spelling is the slip.
                usual, odd = sorted((a, b), key=lambda f: by_form[f][0].start)
            else:
                continue
            if by_form[odd][0].start < by_form[usual][0].start:
                continue
        if not any(not u.opens and not u.shouted for u in by_form[usual]):
            continue
        for use in by_form[odd]:
            if use.shouted or use.opens and not _acts_like_a_name(doc.text, use):
                continue
            hits.setdefault(use.start, _hit(use, usual))
    yield from (hits[start] for start in sorted(hits))


# Letters a transliteration or a slip of the ear swaps: vowels, c and k, s and z, v and w.
_ALIKE = ("aeiouy", "ckq", "csz", "vw", "gj")


def _sounds_alike(a: str, b: str) -> bool:
    """Do two spellings one edit apart sound alike: a letter dropped or added (Margarethe,
    Margarete) or one swapped for a letter that sounds like it (Quilca, Quilka; Brendan,
    Brenden)? Iceland and Ireland, Boston and Bolton are other places."""
    if len(a) != len(b):
        return True
    x, y = next((x, y) for x, y in zip(a, b) if x != y)
    return any(x in group and y in group for group in _ALIKE)


_MOST_ALIKE = 12  # forms sharing one spelling with a letter deleted, at most, to compare in pairs
_ONE_LETTER_ENDINGS = tuple(end for end in _SUFFIXES if len(end) == 1)  # Hospital, Hospitals
_LONG_NAME = 9  # letters from which two spellings written once each are one name


def _acts_like_a_name(text: str, use: _Use) -> bool:
    """A word opening a sentence is a name when it owns something or acts: "Margarete was"."""
    return text.startswith(("'s", "\u2019s"), use.end) or _ACTS_AFTER.match(text, use.end) is not None


def _hit(use: _Use, usual: str) -> Hit:
    return Hit(use.start, use.end, {"found": use.form, "usual": usual}, (Edit(use.start, use.end, usual),))


# Words that make a name a body's: a plural in one is a slip (Northvale Hospitals NHS Trust),
# where a plural in a prize's or an event's name is often right (the Brit Awards, a Brit Award).
_INSTITUTION = frozenset(
    "Trust LLC Inc Ltd PLC Plc Corp Corporation Company Association Union Council Committee Authority "
    "Board Hospital Hospitals University College School Church Foundation Society Institute Group "
    "Agency Department Commission Partners Holdings District Party Services".split()
)
_NAME_RUN = re.compile(r"(?:[A-Z][\w'\u2019.&-]*|of|and|for|the|&)(?:\s+(?:[A-Z][\w'\u2019.&-]*|of|and|for|the|&))*")


_POSSESSIVE = re.compile(r"(?:['\u2019]s?|\.)$")


def _name_run(text: str, use: _Use) -> list[str]:
    """The capitalised words (with of, and, for between) of the name the word stands in, without
    possessive endings or the lower-case words that open the run."""
    for m in _NAME_RUN.finditer(text, max(0, use.start - 60), min(len(text), use.end + 60)):
        if m.start() <= use.start < m.end():
            words = [_POSSESSIVE.sub("", w) for w in m.group().split()]
            while words and words[0][:1].islower():
                words.pop(0)
            return words
    return []


_WORD_BEFORE_NAME = re.compile(r"(\w+)\s+(?:[A-Z][\w'\u2019.&-]*\s+)*$")


def _before_name(text: str, start: int) -> str:
    """The word before the run of capitalised words that ends at `start`, in lower case."""
    m = _WORD_BEFORE_NAME.search(text, max(0, start - 60), start)
    return m.group(1).lower() if m else ""


_NEIGHBOUR = re.compile(r"[\w'\u2019&.-]+")


def _context(text: str, use: _Use) -> tuple[str, str, str]:
    """The two words before a use and the word after it (empty where the text has none)."""
    before = _NEIGHBOUR.findall(text, max(0, use.start - 40), use.start)[-2:]
    before = [""] * (2 - len(before)) + before
    after = _NEIGHBOUR.match(text, use.end + 1) if text[use.end : use.end + 1] == " " else None
    after = after.group() if after else ""
    return before[0], before[1], after[:-2] if after.endswith(("'s", "\u2019s")) else after


def _plural_in_name(doc, by_form, a: str, b: str, ending: str):
    """A word of a name written as a plural in one place and not in another: both uses stand
    after the same capitalised word, and both are followed by the same capitalised word or by
    none (Northvale Hospitals NHS Trust, Northvale Hospital NHS Trust). Only the uses after that
    word count: "Northvale General Hospital" is another name. "a Boston Celtic" is a player of
    the Boston Celtics, not a slip."""
    if ending not in ("s", "es"):
        return
    text = doc.text
    uses = []  # (use, word before it, capitalised word after it or "", possessive, word before that)
    for use in sorted(by_form[a] + by_form[b], key=lambda u: u.start):
        if use.shouted:
            continue
        first, previous, after = _context(text, use)
        if previous[:1].isupper() and previous.lower() not in ("the", "a", "an"):
            possessive = text.startswith(("'", "\u2019"), use.end)  # "Terraces' lawyer": any ending
            uses.append((use, previous, after if after[:1].isupper() else "", possessive, first))
    shared = {entry[1] for entry in uses if entry[0].form == a} & {entry[1] for entry in uses if entry[0].form == b}
    uses = [entry for entry in uses if entry[1] in shared]
    if not uses or any(_before_name(text, entry[0].start) in _ARTICLES_AND_COUNTS for entry in uses):
        return
    runs = {id(entry[0]): _name_run(text, entry[0]) for entry in uses}
    if not any(any(w in _INSTITUTION and w != entry[0].form for w in runs[id(entry[0])]) for entry in uses):
        return
    one = [entry for entry in uses if entry[0].form == a]
    other = [entry for entry in uses if entry[0].form == b]
    # One name: the same two words before the word ("Association of Flight Crews"), or the same
    # word before and the same capitalised word after it or a possessive ("Northvale Hospitals NHS
    # Trust", "Cascade Terraces' lawyer"); "Greek Athletics Federation" is not the International
    # Association of Athletics Federations.
    if not any(p == q and (f == g or x == y != "" or o or o2) for _, p, x, o, f in one for _, q, y, o2, g in other):
        return
    count = Counter(entry[0].form for entry in uses)
    (usual, n_usual), (odd, n_odd) = count.most_common()
    if n_usual == n_odd:  # each written as often: the story's first form is its usual one
        usual = uses[0][0].form
        odd = b if usual == a else a
    for entry in uses:
        if entry[0].form == odd:
            yield _hit(entry[0], usual)


TYPE = RuleType("name-variant", Options, check, ("found", "usual"), __doc__, fix="unsafe")
