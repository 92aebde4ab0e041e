"""name-case: a name of two or more words written with other capitals than elsewhere.

What it does
    Reports a name of two to four words ("Transport for London", "Berkshire Water", "NHS
    England") that the story writes elsewhere with the same words in other capitals:
    "Transport For London", "Berkshire water", "Nhs England", "The Property institute". The
    story's usual form is the name; a form that differs from it is reported once where it
    stands. A form at the start of a sentence whose other words are all in lower case is an
    ordinary phrase there ("Local government spending fell"), not the name; the headline, lines
    in capitals, words in capitals of four letters or more ("DEAR ABBY"), a dateline's name in
    capitals and forms inside a quotation are not reported. A person's surname written in lower
    case as the speaker of a quotation ('"...," whitcombe said') is reported too.

Why is this bad
    A name in the wrong capitals reads as a slip, and "Berkshire water" is no longer the
    company's name but a description.

Example
    Berkshire Water was fined. A spokesperson for Berkshire water said it was sorry.

Use instead
    Berkshire Water was fined. A spokesperson for Berkshire Water said it was sorry.

Options
    longest   the most words a name is compared over (default 4)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..document.people import find_people
from ..model import Edit, Hit
from .base import RuleType

# Particles of names, capitalised only where they open a sentence: "de Zeeuw", "De Zeeuw said".
_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "al", "el", "bin", "ter"})
_TOKEN = re.compile(r"[^\W\d_][\w'\u2019&-]*")
_SENTENCE_END = re.compile(r"(?:^|[.!?:][\"'\u201d\u2019)]*\s+|\s[\u2014\u2013]\s)$")


@dataclass
class Options:
    longest: int = 4


def _is_name(words: tuple[str, ...]) -> bool:
    """A name starts and ends with a capital: "Transport for London", not "Berkshire Water said"."""
    return words[0][0].isupper() and words[-1][0].isupper()


_CAPITAL_AFTER = re.compile(r"[ \t]+(?:(?:of|for|and|the|de)[ \t]+)?[A-Z]")
_ARTICLES = frozenset({"The", "A", "An"})
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'\u2019&-]*[ \t]+(?:(?:of|for|and|the|de)[ \t]+)?$")


def _is_whole(text: str, start: int, end: int, paragraph_start: int) -> bool:
    """Is this the whole name, not part of a longer one ("Local Government" in "Local
    Government Association", "Transport For" in "Transport For London", "September Issue" in
    the film The September Issue)? An article that opens the sentence is not part of it."""
    if _CAPITAL_AFTER.match(text, end):
        return False
    before = _CAPITAL_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return True
    article = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
    return article is not None and _opens_sentence(text, article.start(), paragraph_start)


_ARTICLE_BEFORE = re.compile(r"\b(?:The|A|An)[ \t]+$")


# A run of words with nothing but spaces between: a name does not run on past punctuation.
_RUN = re.compile(r"[^\W\d_][\w'\u2019&-]*(?:\s+[^\W\d_][\w'\u2019&-]*)*")


def _runs(doc) -> list[tuple[int, list[str], list[int], int]]:
    """The word runs of the body's paragraphs that are not in capitals, each as its start, its
    words, the indexes of its words that begin with a capital, and its paragraph's start. A run
    without a capital is left out: every name and every form compared starts with one."""
    text = doc.text
    runs = []
    for index in doc.body:
        if doc.is_shouting(index):
            continue
        start, end = doc.paragraphs[index]
        for run in _RUN.finditer(text, start, end):
            words = run.group()
            if words.islower():
                continue  # most runs of prose: whole runs are skipped without a look at each word
            words = words.split()  # (a run is words with spaces between)
            # An article opening a sentence is no part of a name: "The bank of England's critics"
            # is not compared as a form of "The Bank of England", but "Bank of England" is.
            # ("The September Issue" within a sentence is a title: its article is kept.)
            opening = _opens_sentence(text, run.start(), start)
            capitals = [
                i
                for i, word in enumerate(words)
                if word[0].isupper() and not (i == 0 and opening and word in _ARTICLES)
            ]
            if capitals:
                runs.append((run.start(), words, capitals, start))
    return runs


def _bare(word: str) -> str:
    """The word without a possessive ending: "the Green party's candidate" writes the Green party."""
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


def _form(words) -> tuple[str, ...]:
    """A name's words as written, its last without a possessive ending ("It's" inside stays)."""
    return tuple(words[:-1]) + (_bare(words[-1]),)


def _key(words) -> tuple[str, ...]:
    return tuple(w.lower() for w in _form(words))


def _offsets(text: str, start: int, words: list[str]) -> list[int]:
    """Where each word of a run starts."""
    offsets = []
    for word in words:
        start = text.index(word, start)
        offsets.append(start)
        start += len(word)
    return offsets


def _opens_sentence(text: str, start: int, paragraph_start: int) -> bool:
    return start == paragraph_start or _SENTENCE_END.search(text, max(paragraph_start, start - 4), start) is not None


def check(doc, options: Options):
    text = doc.text
    runs = _runs(doc)
    # Only word runs that are written somewhere as a name (capitals first and last) are compared:
    # found first, they keep the second pass to a few runs (most start no name at all).
    names: set[tuple[str, ...]] = set()
    for _, run, capitals, _ in runs:
        for n, i in enumerate(capitals):
            for j in capitals[n + 1 :]:
                if j - i >= options.longest:
                    break
                names.add(_key(run[i : j + 1]))
    if not names:
        return
    # Every form compared starts like a name: its first words lower-cased are a name's first words.
    prefixes = {name[:k] for name in names for k in range(1, len(name))}
    # lower-cased words -> each occurrence: (its run, first and last word's index in the run)
    occurrences: dict[tuple[str, ...], list[tuple[int, int, int]]] = {}
    for number, (_, run, capitals, _) in enumerate(runs):
        for i in capitals:
            key = (run[i].lower(),)
            for j in range(i + 1, min(i + options.longest, len(run))):
                if key not in prefixes:
                    break
                key += (run[j].lower(),)
                name = key[:-1] + (_bare(key[-1]),)  # "the Green party's candidate"
                if name in names:
                    occurrences.setdefault(name, []).append((number, i, j))
    # Only a name written twice in two forms is compared (few are): where its forms stand in the
    # text is worked out for those alone.
    offsets: dict[int, list[int]] = {}
    grams: dict[tuple[str, ...], list[tuple[int, int, tuple[str, ...], int]]] = {}
    for key, places in occurrences.items():
        if len(places) < 2 or len({_form(runs[n][1][i : j + 1]) for n, i, j in places}) < 2:
            continue
        uses = grams[key] = []
        for n, i, j in places:
            run_start, run, _, paragraph_start = runs[n]
            if n not in offsets:
                offsets[n] = _offsets(text, run_start, run)
            where = offsets[n]
            # (whether it opens a sentence is asked later, of the few forms that differ)
            words = _form(run[i : j + 1])
            uses.append((where[i], where[j] + len(words[-1]), words, paragraph_start))
    # In the order of their first forms' last words, shortest first, as a reader meets them: a
    # form reported keeps an overlapping one of another name quiet.
    grams = dict(sorted(grams.items(), key=lambda item: (item[1][0][1], -item[1][0][0])))
    reported: list[tuple[int, int]] = []
    hits = []
    for uses in grams.values():
        if len(uses) < 2:
            continue  # written once: nothing to compare (most word runs)
        # Shouted words ("DEAR ABBY", "The GROW stage") are emphasis or furniture, and a name all
        # in capitals a dateline's ("MAE SOT, Thailand"): not a spelling.
        uses = [
            u for u in uses if not any(len(w) >= 4 and w.isupper() for w in u[2]) and not all(w.isupper() for w in u[2])
        ]
        forms = Counter(words for _, _, words, _ in uses)
        if len(forms) < 2:
            continue
        whole = {words for s, e, words, p in uses if _is_whole(text, s, e, p)}
        names = [w for w in forms if w in whole and _is_name(w) and sum(x[0].isupper() for x in w) >= 2]
        if not names:
            continue
        # The usual form is the name; on a tie, the one the story wrote first.
        order = {words: i for i, (_, _, words, _) in reversed(list(enumerate(uses)))}
        usual = max(names, key=lambda w: (forms[w], -order[w]))
        opening = _first_form_if_tied(text, uses, forms, whole)
        if opening is not None:
            usual = opening  # "the Green party's candidate" ... "The Green Party said": the later form
        for s, e, words, paragraph_start in uses:
            if words == usual or (all(w.islower() for w in words[1:]) and _opens_sentence(text, s, paragraph_start)):
                continue
            if opening is not None and words not in whole:
                continue  # "Local Government" in "Local Government Association"
            if all(a == b or a.lower() in _PARTICLES for a, b in zip(words, usual)):
                continue  # "Arjan de Zeeuw" and "De Zeeuw said": a particle opens a sentence
            if words[0].isupper() and s == doc.paragraphs[doc.paragraph_index(s)][0]:
                continue  # a dateline's capitals: "LVIV, 3 May"
            if doc.in_quote(s, e) or any(s < re_ and rs < e for rs, re_ in reported):
                continue
            reported.append((s, e))
            hits.append(Hit(s, e, {"found": text[s:e], "usual": " ".join(usual)}, (Edit(s, e, " ".join(usual)),)))
    hits.extend(_surnames_in_lower_case(doc))
    yield from sorted(hits, key=lambda h: h.start)


# A word between a quotation and a speech verb is who spoke ('... that," whitcombe said').
_SPEAKS = re.compile(r" (?:said|says|told|added|asked|wrote|explained)\b")
_AFTER_QUOTATION = re.compile(r"[,?!][\"\u201d] $")


def _surnames_in_lower_case(doc):
    """A surname of someone the story names in full, written in lower case where it names the
    speaker of a quotation ('"... we are fixing that," whitcombe said')."""
    text = doc.text
    for surname in doc.memo(find_people).full:
        lower = surname.lower()
        if len(surname) < 3 or lower == surname:
            continue
        at = text.find(lower)
        while at >= 0:
            end = at + len(lower)
            if _AFTER_QUOTATION.search(text, max(0, at - 4), at) and _SPEAKS.match(text, end):
                yield Hit(at, end, {"found": lower, "usual": surname}, (Edit(at, end, surname),))
            at = text.find(lower, end)


def _first_form_if_tied(text, uses, forms: Counter, whole: set) -> tuple[str, ...] | None:
    """When every form is written as often as the others, the story's first form, whole and not an
    ordinary phrase opening a sentence, if it is a name or ends with a word a house may keep in
    lower case: a reader takes the first spelling as the house's (British copy lower-cases "Green
    party" and keeps to it), so the later one is the slip."""
    if len(set(forms.values())) != 1:
        return None
    start, _end, words, paragraph_start = uses[0]
    if words not in whole or all(w.islower() for w in words[1:]) and _opens_sentence(text, start, paragraph_start):
        return None
    if not _is_name(words) and words[-1] not in _LOWER_CASED:
        return None  # the first form is a description ("US embassy"), not a house's way with a name
    return words


# The last words of names a house may keep in lower case on purpose (British copy's "Labour
# party", "the Welsh government"): written that way first, it is the story's style.
_LOWER_CASED = frozenset({"party", "government", "council", "assembly", "parliament"})


TYPE = RuleType("name-case", Options, check, ("found", "usual"), __doc__, fix="unsafe")
