"""The JSON Schema of rule pack files, generated from the rule types, so it cannot drift.

    python -m newslint.schema > schema/newslint-rules.schema.json

Editors use it to complete and check packs: with the YAML language server (VS Code's YAML
extension, Neovim, Helix...) put this comment at the top of a pack:

    # yaml-language-server: $schema=https://raw.githubusercontent.com/OWNER/newslint/main/schema/newslint-rules.schema.json

or a path relative to the pack. The schema checks structure and names; the loader
(`newslint test-rules`) still has the last word (patterns compile, `prefer` is a variant...).
"""

from __future__ import annotations

import re
from dataclasses import MISSING, fields

from ..checks import TYPES
from ..model import CATEGORIES, FIX_SAFETY, LEVELS, PROFILES, SCOPES
from .loader import COMMON, KINDS

_SIMPLE = {
    "bool": {"type": "boolean"},
    "int": {"type": "integer"},
    "str": {"type": "string"},
    "str | None": {"type": ["string", "null"]},
}
_STRINGS = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
# Options typed Any take a string or a list of strings, except these.
# (type, option) -> its shape; an option's name means different things in different types.
_SHAPES = {
    ("substitution", "swap"): {"type": "object", "additionalProperties": {"type": "string"}},
    ("spelling", "words"): {"type": "array", "items": {"type": "array", "items": {"type": "string"}}},
    ("first-use", "terms"): {"type": "object", "additionalProperties": _STRINGS},
}


def option_docs(doc: str) -> dict[str, str]:
    """Option name -> its description, from the Options section of a rule type's docstring."""
    section = doc.split("\nOptions\n", 1)[1] if "\nOptions\n" in doc else ""
    docs: dict[str, str] = {}
    name = None
    for line in section.splitlines():
        m = re.match(r"^ {4}(\w+)\s{2,}(.*)$", line) or re.match(r"^ {4}(\w+)$", line)
        if m:
            name = m.group(1)
            docs[name] = m.group(2).strip() if m.lastindex == 2 else ""
        elif name and line.startswith("      ") and line.strip():
            docs[name] = f"{docs[name]} {line.strip()}".strip()
    return docs


def _option_schema(rule_type) -> tuple[dict, list[str]]:
    docs = option_docs(rule_type.doc)
    properties, required = {}, []
    for f in fields(rule_type.options):
        if not f.init:
            continue
        schema = dict(_SHAPES.get((rule_type.name, f.name)) or _SIMPLE.get(str(f.type)) or _STRINGS)
        if f.name == "quotes":
            schema = {"enum": list(SCOPES)}
        if f.name in docs:
            schema["description"] = docs[f.name]
        if f.default is not MISSING and isinstance(f.default, (bool, int, str)):
            schema["default"] = f.default
        if f.default is MISSING and f.default_factory is MISSING:
            required.append(f.name)
        properties[f.name] = schema
    return properties, required


def _example(bad: bool) -> dict:
    """A text, or a mapping that says what kind of text it is and (bad) what must be reported."""
    fields = {
        "text": {"type": "string"},
        "kind": {"enum": list(KINDS), "description": "how the text is read (default: text)"},
    }
    if bad:
        fields["found"] = {
            "type": "array",
            "items": {"type": "string"},
            "description": "the text of each span reported, in order",
        }
        fields["fixed"] = {"type": "string", "description": "the text after the rule's fixes, safe and unsafe"}
    return {
        "anyOf": [
            {"type": "string"},
            {"type": "object", "required": ["text"], "additionalProperties": False, "properties": fields},
        ]
    }


def rule_file_schema() -> dict:
    common = {
        "id": {
            "type": "string",
            "pattern": rf"^({'|'.join(CATEGORIES)})\.[A-Za-z0-9_.-]+$",
            "description": "category.name; the category is one of " + ", ".join(CATEGORIES),
        },
        "type": {"enum": sorted(TYPES), "description": "the rule type: `newslint explain TYPE` documents it"},
        "level": {
            "enum": list(LEVELS),
            "default": "warning",
            "description": "error: certainly wrong; warning: almost always wrong; info: worth a look",
        },
        "message": {
            "type": "string",
            "minLength": 1,
            "description": "shown to the user; {placeholders} come from the rule type",
        },
        "description": {"type": "string", "description": "longer text for `newslint explain`"},
        "quotes": {"enum": list(SCOPES), "description": "any text, skip direct quotation, or only inside it"},
        "fix": {"enum": list(FIX_SAFETY), "description": "safe fixes apply with --fix, unsafe with --unsafe-fixes"},
        "profiles": {
            "type": "array",
            "items": {"enum": list(PROFILES)},
            "uniqueItems": True,
            "description": "house styles the rule applies under (default: all)",
        },
        "by_profile": {
            "type": "object",
            "additionalProperties": False,
            "properties": {p: {"type": "object"} for p in PROFILES},
            "description": "fields that differ under a profile",
        },
        "examples": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "bad": {"type": "array", "items": _example(bad=True)},
                "good": {"type": "array", "items": _example(bad=False)},
            },
            "description": "texts the rule must report (bad) and leave alone (good)",
        },
    }
    assert set(common) == set(COMMON), "the schema must describe every common field"
    per_type = []
    for name, rule_type in sorted(TYPES.items()):
        options, required = _option_schema(rule_type)
        then = {"properties": options, "propertyNames": {"enum": sorted(set(COMMON) | set(options))}}
        if required:
            then["required"] = required
        per_type.append({"if": {"properties": {"type": {"const": name}}, "required": ["type"]}, "then": then})
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "newslint rule pack",
        "description": "A YAML file of newslint rules: each an instance of a rule type.",
        "type": "object",
        "required": ["rules"],
        "additionalProperties": False,
        "properties": {
            "description": {"type": "string"},
            "rules": {"type": "array", "items": {"$ref": "#/definitions/rule"}},
        },
        "definitions": {
            "rule": {"type": "object", "required": ["id", "type", "message"], "properties": common, "allOf": per_type},
        },
    }
