"""Rule types: one module each. A YAML rule is an instance of one of these."""

from __future__ import annotations

from . import (attribution, boilerplate, consistency, dateline, dates, furniture, headline, languagetool, name_spelling, pattern,
               punctuation, quotes, reference, repetition, site_name, spelled_two_ways, substitution, vague_source)
from .base import OptionError, RuleType

TYPES: dict[str, RuleType] = {
    module.TYPE.name: module.TYPE
    for module in (pattern, substitution, consistency, repetition, quotes, punctuation, attribution,
                   reference, vague_source, name_spelling, spelled_two_ways, dates, dateline, boilerplate, furniture, headline, site_name, languagetool)
}

__all__ = ["TYPES", "OptionError", "RuleType"]
