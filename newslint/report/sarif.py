"""SARIF 2.1.0, the format code-scanning dashboards (GitHub, GitLab, Azure DevOps) read.

One run; the driver lists the rules that fired, with their explanation (from the rule itself);
each result has its region (1-based lines, columns in Unicode code points, as `columnKind` says,
plus character offsets) and, when the finding has one, its fix.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile

from ..version import __version__
from .safe import json_text, uri_path

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


def _result(f, index: int, source: str | None, location: dict) -> dict:
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
        "ruleIndex": index,
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
    }
    if f.fix:
        item["fixes"] = [_fix(f, source, location)]
    return item


def _log(order: dict, first_message: dict, known: dict, errors: list) -> dict:
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
                "results": _PLACE,
            }
        ],
    }


def _spool(spool, lines: list[str], pad: str, started: bool) -> bool:
    """Write `lines` (results, as JSON) to the spool, each after "[" (the first) or "," and
    `pad`, and empty it; whether anything was ever written."""
    if lines:
        spool.write(("," if started else "[") + pad + json_text(("," + pad).join(lines)))
        lines.clear()
        return True
    return started


def render(results, stream, *, rules=(), profile: str | None = None, color: bool = False) -> None:
    """The log's head (the rules that fired, whether the run succeeded) is known only at the end,
    so each result is written to a spool file as its file is done, one a line by the C encoder
    (see json_array), and the spool copied into the log: memory stays flat in the number of files."""
    order: dict[str, int] = {}  # rule id -> its index, in the order rules first fired
    first_message: dict[str, str] = {}
    errors: list[str] = []
    pad = "\n" + " " * 8
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        started, lines = False, []  # written to the spool a file or a thousand results at a time
        for result in results:
            location, located = None, None  # one artifactLocation a file, not one a finding
            for f in result.findings:
                if f.path != located:
                    location, located = _uri(f.path), f.path
                index = order.setdefault(f.rule, len(order))
                first_message.setdefault(f.rule, f.message)
                lines.append(
                    json.dumps(_result(f, index, getattr(result, "source", None), location), ensure_ascii=False)
                )
                if len(lines) == 1000:
                    started = _spool(spool, lines, pad, started)
            started = _spool(spool, lines, pad, started)
            errors.extend(getattr(result, "errors", []))
        known = {r.id: r for r in (rules() if callable(rules) else rules)}  # as configured
        head, tail = json.dumps(_log(order, first_message, known, errors), ensure_ascii=False, indent=2).split(
            json.dumps(_PLACE), 1
        )
        stream.write(json_text(head))
        if order:
            spool.seek(0)
            shutil.copyfileobj(spool, stream)
            stream.write("\n" + " " * 6 + "]")
        else:
            stream.write("[]")
        stream.write(json_text(tail))
        stream.write("\n")
