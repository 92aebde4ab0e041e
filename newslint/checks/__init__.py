"""Rule types: one module each. A YAML rule is an instance of one of these."""

from __future__ import annotations

from . import (
    attribution,
    boilerplate,
    capitalization,
    consistency,
    dateline,
    dates,
    datestyle,
    first_use,
    furniture,
    headline,
    languagetool,
    name_case,
    name_spelling,
    name_variant,
    numbers,
    pattern,
    punctuation,
    quotes,
    reference,
    relative_dates,
    repetition,
    serial_comma,
    site_name,
    spelled_two_ways,
    spelling,
    substitution,
    times,
    vague_source,
)
from .base import OptionError, RuleType

TYPES: dict[str, RuleType] = {
    module.TYPE.name: module.TYPE
    for module in (
        pattern,
        substitution,
        consistency,
        repetition,
        quotes,
        punctuation,
        attribution,
        reference,
        vague_source,
        name_spelling,
        name_variant,
        spelled_two_ways,
        name_case,
        serial_comma,
        dates,
        dateline,
        relative_dates,
        datestyle,
        times,
        numbers,
        boilerplate,
        furniture,
        headline,
        site_name,
        languagetool,
        capitalization,
        first_use,
        spelling,
    )
}

__all__ = ["TYPES", "OptionError", "RuleType"]
