"""substitution: a word or phrase the house style replaces with another.

What it does
    Reports each use of a listed word or phrase and offers the house form as a fix, keeping
    the capital of the first letter ("Per cent" -> "Percent").

Why is this bad
    A stylebook settles these once (percent or per cent, toward or towards) so that copy reads
    as one voice and editors stop arguing about it.

Example
    swap: {"per cent": percent}

Use instead
    The right-hand side of `swap`.

Options
    swap          mapping of the form found to the form to use
    ignore_case   match regardless of case (default true)
    unless_after  a regular expression: leave a match alone when the text just before it ends
                  with a match of this (for "per cent" after a figure, which another rule treats)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Edit, Hit
from .base import OptionError, RuleType, compile_pattern, finditer, timed, word_pattern
from .wordset import WordFilter

UNLESS_AFTER_WINDOW = 40  # characters before a match that `unless_after` looks at


@dataclass
class Options:
    swap: Any
    ignore_case: bool = True
    unless_after: str | None = None
    before: Any = field(init=False, repr=False)
    pattern: Any = field(init=False, repr=False)
    lookup: dict = field(init=False, repr=False)
    exact: Any = field(init=False, repr=False)

    def __post_init__(self):
        if not isinstance(self.swap, dict) or not self.swap:
            raise OptionError("swap", "must be a mapping of the form found to the form to use")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in self.swap.items()):
            raise OptionError("swap", "keys and values must be strings")
        self.lookup = {(k.lower() if self.ignore_case else k): v for k, v in self.swap.items()}
        self.pattern = word_pattern("swap", self.swap, ignore_case=self.ignore_case)
        self.before = None
        if self.unless_after is not None:
            compile_pattern("unless_after", self.unless_after)  # names the field in an error
            self.before = compile_pattern("unless_after", f"(?:{self.unless_after})$", ignore_case=self.ignore_case)
        self.prefilter = WordFilter(self.swap, exact=True)  # the story must hold a form's words (not an option)
        # Matched as written: the forms themselves, looked for as substrings, settle most stories
        # the lower-case word filter lets through ("christmas" is not in "Christmas").
        self.exact = None if self.ignore_case else tuple(self.swap)


def check(doc, options: Options):
    if not options.prefilter.may_occur(doc):
        return  # none of the forms is in the story (most stories): skip the scan
    if options.exact is not None and not any(form in doc.text for form in options.exact):
        return
    for m in finditer(options.pattern, doc.text):
        found = m.group()
        replacement = options.lookup[found.lower() if options.ignore_case else found]
        if found[:1].isupper() and replacement[:1].islower():
            replacement = replacement[0].upper() + replacement[1:]
        if replacement == found:
            continue
        if options.before is not None and timed(
            options.before.search, doc.text, max(0, m.start() - UNLESS_AFTER_WINDOW), m.start()
        ):
            continue
        yield Hit(
            m.start(), m.end(), {"found": found, "replacement": replacement}, (Edit(m.start(), m.end(), replacement),)
        )


TYPE = RuleType("substitution", Options, check, ("found", "replacement"), __doc__, fix="safe")
