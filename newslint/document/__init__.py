"""Copy -> Document, and the analyses rules share.

document.py  the Document: headline, paragraphs, sentences, quotations, story dates
quotes.py    pairing quotation marks; the problems of the marks themselves
dates.py     finding dates in copy
people.py    people named in a story: full and short references
numbers.py   figures and number words, found once for the date, time and number rules
words.py     the shared word lists: titles, abbreviations, honorifics, speech verbs
"""

from .document import TOKEN_WINDOW, Document, Span
from .words import ABBREVIATIONS, HONORIFICS, SPEECH_VERBS, TITLES

__all__ = ["ABBREVIATIONS", "HONORIFICS", "SPEECH_VERBS", "TITLES", "TOKEN_WINDOW", "Document", "Span"]
