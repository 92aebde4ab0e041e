"""Rule types: one module each. A YAML rule is an instance of one of these."""

from __future__ import annotations

from . import (attribution, boilerplate, capitalization, consistency, dates, datestyle, first_use, headline,
               languagetool, name_spelling, numbers, pattern, punctuation, quotes, reference, repetition, spelling,
               substitution, times)
from .base import OptionError, RuleType

TYPES: dict[str, RuleType] = {
    module.TYPE.name: module.TYPE
    for module in (pattern, substitution, consistency, repetition, quotes, punctuation, attribution,
                   reference, name_spelling, dates, datestyle, times, numbers, boilerplate, headline, languagetool,
                   capitalization, first_use, spelling)
}

__all__ = ["TYPES", "OptionError", "RuleType"]
