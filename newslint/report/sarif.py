"""SARIF 2.1.0, the format code-scanning dashboards (GitHub, GitLab, Azure DevOps) read.

One run; the driver lists the rules that fired, with their explanation (from the rule itself);
each result has its region (1-based lines, columns in Unicode code points, as `columnKind` says,
plus character offsets) and, when the finding has one, its fix.
"""

from __future__ import annotations

import json
import os

from ..version import __version__
from .safe import json_array, json_text, uri_path

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_PLACE = "\x00results\x00"  # stands for the results array while the rest of the log is indented
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> dict:
    """An artifactLocation: relative paths against the checkout root, absolute ones as file URIs."""
    if os.path.isabs(path):
        from pathlib import Path

        return {"uri": Path(path).as_uri()}
    return {"uri": uri_path(path), "uriBaseId": "%SRCROOT%"}


def _descriptor(rule_id: str, rule, first_message: str) -> dict:
    from ..packs.docs import rule_help, summary

    if rule is None:  # a rule from a user's own pack: what the findings say is all there is
        return {
            "id": rule_id,
            "shortDescription": {"text": first_message},
            "properties": {"tags": [rule_id.split(".", 1)[0]]},
        }
    help_markdown = rule_help(rule)
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.replace(".", "-").split("-")),
        "shortDescription": {"text": summary(rule)},
        "fullDescription": {"text": summary(rule)},
        "help": {"text": help_markdown.replace("**", "").replace("`", "'"), "markdown": help_markdown},
        "defaultConfiguration": {"level": _LEVEL[rule.level]},
        "properties": {"tags": [rule.category], "ruleType": rule.type.name},
    }


def _fix(f, source: str | None, location: dict) -> dict:
    from ..fix import fix_title

    return {
        "description": {"text": fix_title(source, f)},
        "artifactChanges": [
            {
                "artifactLocation": location,
                "replacements": [
                    {
                        "deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                        "insertedContent": {"text": e.replacement},
                    }
                    for e in f.fix
                ],
            }
        ],
    }


def sarif_log(results, rules=()) -> dict:
    findings = [f for r in results for f in r.findings]
    order = list(dict.fromkeys(f.rule for f in findings))
    first_message = {}
    for f in findings:
        first_message.setdefault(f.rule, f.message)
    known = {r.id: r for r in rules}  # as configured: house packs, levels and messages
    index = {rule_id: i for i, rule_id in enumerate(order)}
    sarif_results = []
    locations = {}  # one artifactLocation a path, not one a finding
    for result, f in ((r, f) for r in results for f in r.findings):
        location = locations.get(f.path) or locations.setdefault(f.path, _uri(f.path))
        region = {
            "startLine": f.line,
            "startColumn": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column,
            "charOffset": f.start,
            "charLength": f.end - f.start,
        }
        item = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        }
        if f.fix:
            item["fixes"] = [_fix(f, getattr(result, "source", None), location)]
        sarif_results.append(item)
    errors = [e for r in results for e in getattr(r, "errors", [])]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "newslint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [
                            _descriptor(rule_id, known.get(rule_id), first_message[rule_id]) for rule_id in order
                        ],
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not errors,
                        "toolExecutionNotifications": [{"level": "error", "message": {"text": e}} for e in errors],
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }


def render(results, stream, *, rules=(), profile: str | None = None, color: bool = False) -> None:
    log = sarif_log(results, rules)
    run = log["runs"][0]
    found, run["results"] = run["results"], _PLACE
    text = json.dumps(log, ensure_ascii=False, indent=2)
    # The results, most of the log, one a line by the C encoder (see json_array).
    text = text.replace(json.dumps(_PLACE), json_array(found, indent=6), 1)
    stream.write(json_text(text))
    stream.write("\n")
