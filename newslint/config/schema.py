"""The JSON Schema of .newslint.yaml (and of [tool.newslint] in pyproject.toml), checked against
the settings the loader knows, so it cannot drift."""

from __future__ import annotations

from ..model import FIX_SAFETY, LEVELS, PROFILES, SCOPES
from .model import SETTINGS, TOP_LEVEL


def config_schema() -> dict:
    """The schema of .newslint.yaml (and of [tool.newslint] in pyproject.toml)."""
    strings = {"type": "array", "items": {"type": "string"}}
    level = {"enum": list(LEVELS)}
    rule_change = {
        "anyOf": [
            {"enum": [*LEVELS, "off", False], "description": "a level, or off to disable the rule"},
            {
                "type": "object",
                "properties": {
                    "disable": {"type": "boolean"},
                    "level": level,
                    "message": {"type": "string"},
                    "quotes": {"enum": list(SCOPES)},
                    "fix": {"enum": list(FIX_SAFETY)},
                },
                "description": "disable, level, message, quotes, fix, or options of the rule's type",
            },
        ]
    }
    settings = {
        "profile": {"enum": list(PROFILES), "description": "house style"},
        "packs": {**strings, "description": "extra rule pack files or folders, relative to this file"},
        "select": {**strings, "description": "only these rule ids or categories"},
        "ignore": {**strings, "description": "leave out these rule ids or categories"},
        "min_level": {**level, "description": "report nothing below this level"},
        "rules": {
            "type": "object",
            "additionalProperties": rule_change,
            "description": "per rule id or category: a level, off, or settings",
        },
        "vocabulary": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "prefer": {
                    "type": "object",
                    "additionalProperties": {"anyOf": [{"type": "string"}, strings]},
                    "description": "house form: the spellings it replaces",
                },
                "accept": {**strings, "description": "words that are right as spelled"},
            },
        },
        "report_unused_suppressions": {"type": "boolean"},
        "grammar": {"type": "boolean", "description": "run the grammar pack through LanguageTool"},
        "grammar_server": {"type": "string", "pattern": "^https?://", "description": "a LanguageTool server URL"},
        "grammar_timeout": {"type": "number", "exclusiveMinimum": 0, "description": "seconds per request"},
    }
    assert set(settings) == set(SETTINGS), "the schema must describe every setting"
    top = {
        **settings,
        "exclude": {**strings, "description": "globs of files and folders not to check"},
        "audit": {"type": "object", "description": "newslint audit: columns, by, partition_size"},
        "overrides": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["files"],
                "additionalProperties": False,
                "properties": {"files": {**strings, "description": "globs, relative to this file"}, **settings},
            },
        },
    }
    assert set(top) == set(TOP_LEVEL)
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "newslint configuration",
        "type": "object",
        "additionalProperties": False,
        "properties": top,
    }
