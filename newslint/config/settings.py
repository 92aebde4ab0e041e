"""Settings as written in a configuration file -> validated values, with the line of each key kept
for messages (`file:line: message`)."""

from __future__ import annotations

import math
import os
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from ..model import LEVELS, PROFILES
from ..packs import RuleError
from ..packs.loader import _Mapping


def validate_settings(path: str, root: str, data: dict, lines: dict | None = None) -> dict:
    """Validate the settings of one level (top or an override) into Config's field values."""
    lines = data if lines is None else lines
    out: dict[str, Any] = {}
    if "profile" in data:
        if data["profile"] not in PROFILES:
            raise RuleError(
                path,
                line_of(lines, "profile"),
                f"profile: unknown {data['profile']!r}; choose one of {', '.join(PROFILES)}",
            )
        out["profile"] = data["profile"]
    if "min_level" in data:
        if data["min_level"] not in LEVELS:
            raise RuleError(path, line_of(lines, "min_level"), f"min_level: must be one of {', '.join(LEVELS)}")
        out["min_level"] = data["min_level"]
    if "report_unused_suppressions" in data:
        if not isinstance(data["report_unused_suppressions"], bool):
            raise RuleError(
                path, line_of(lines, "report_unused_suppressions"), "report_unused_suppressions: must be true or false"
            )
        out["report_unused_suppressions"] = data["report_unused_suppressions"]
    if "grammar" in data:
        if not isinstance(data["grammar"], bool):
            raise RuleError(path, line_of(lines, "grammar"), "grammar: must be true or false")
        out["grammar"] = data["grammar"]
    if "grammar_server" in data:
        if not isinstance(data["grammar_server"], str) or not data["grammar_server"].startswith(
            ("http://", "https://")
        ):
            raise RuleError(path, line_of(lines, "grammar_server"), "grammar_server: must be an http(s):// URL")
        out["grammar_server"] = data["grammar_server"]
    if "grammar_timeout" in data:
        timeout = data["grammar_timeout"]
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout < math.inf:
            raise RuleError(
                path, line_of(lines, "grammar_timeout"), "grammar_timeout: must be a number of seconds above 0"
            )
        out["grammar_timeout"] = float(timeout)
    if "packs" in data:
        packs = strings(path, lines, "packs", data["packs"])
        for pack in packs:
            if not (Path(root) / pack).exists():
                raise RuleError(path, line_of(lines, "packs"), f"packs: no such rule pack file or folder {pack!r}")
        out["packs"] = tuple(str(Path(root) / p) for p in packs)
    for key in ("select", "ignore"):
        if key in data:
            out[key] = strings(path, lines, key, data[key])
    if "rules" in data:
        out["rule_settings"] = rule_settings(path, data["rules"], line_of(lines, "rules"))
    if "vocabulary" in data:
        out.update(vocabulary_settings(path, data["vocabulary"], line_of(lines, "vocabulary")))
    return out


def rule_settings(path: str, raw: Any, line: int | None) -> _Mapping:
    if not isinstance(raw, dict):
        raise RuleError(path, line, "rules: must map rule ids or categories to settings")
    out = _Mapping()
    out.line, out.key_lines = getattr(raw, "line", line), {}
    for name, value in raw.items():
        here = line_of(raw, name) or line
        value = short_form(value)
        if not isinstance(value, dict):
            raise RuleError(path, here, f"rules: {name}: must be a level, off, or a mapping of settings")
        value = lined(value, here)
        if not isinstance(value.get("disable", False), bool):
            raise RuleError(path, line_of(value, "disable"), f"rules: {name}: disable: must be true or false")
        out[name] = value
        out.key_lines[name] = here
    return out


def short_form(value: Any) -> Any:
    """`quotes.single-marks: info` sets the level; `: off` (YAML reads it as false) disables."""
    if value is False or value == "off":
        return {"disable": True}
    if isinstance(value, str):
        return {"level": value}
    return value


def vocabulary_settings(path: str, raw: Any, line: int | None) -> dict:
    if not isinstance(raw, dict) or not set(raw) <= {"prefer", "accept"}:
        raise RuleError(
            path,
            line,
            "vocabulary: a mapping with `prefer` (house form: [other spellings]) and `accept` (a list of words)",
        )
    out: dict[str, Any] = {}
    prefer = raw.get("prefer", {})
    if not isinstance(prefer, dict):
        raise RuleError(
            path,
            line_of(raw, "prefer") or line,
            "vocabulary: prefer: must map each house form to the spellings it replaces",
        )
    mapped = _Mapping()
    mapped.line, mapped.key_lines = line_of(raw, "prefer") or line, {}
    for house_form, others in prefer.items():
        here = line_of(prefer, house_form) or mapped.line
        others = [others] if isinstance(others, str) else others
        if (
            not isinstance(house_form, str)
            or not house_form.strip()
            or not isinstance(others, list)
            or not others
            or not all(isinstance(o, str) and o.strip() and o != house_form for o in others)
        ):
            raise RuleError(path, here, f"vocabulary: prefer: {house_form!r} needs a list of other spellings")
        mapped[house_form] = tuple(others)
        mapped.key_lines[house_form] = here
    out["prefer"] = mapped
    if "accept" in raw:
        out["accept"] = strings(path, raw, "accept")
    return out


def merge_settings(into: dict, more: dict) -> None:
    """Apply an override's settings: lists of packs, ignores and words grow; the rest replace."""
    for key, value in more.items():
        if key in ("packs", "ignore", "accept"):
            into[key] = tuple(dict.fromkeys(into.get(key, ()) + value))
        elif key in ("rule_settings", "prefer"):
            merged = _Mapping()
            old = into.get(key, _Mapping())
            merged.line, merged.key_lines = getattr(value, "line", None), {**getattr(old, "key_lines", {})}
            merged.update(old)
            for name, item in value.items():
                if key == "rule_settings" and name in merged:
                    combined = lined(dict(merged[name]), None)
                    merge_into(combined, item)
                    item = combined
                merged[name] = item
                merged.key_lines[name] = line_of(value, name)
            into[key] = merged
        else:
            into[key] = value


def merge_into(target: _Mapping, more: dict) -> None:
    """Copy `more` into `target`, remembering the line each key came from."""
    lines = getattr(more, "key_lines", {})
    for key, value in more.items():
        target[key] = value
        target.key_lines[key] = lines.get(key, getattr(more, "line", None))


# -- small helpers ----------------------------------------------------------------------------------


def lined(value: Any, line: int | None) -> Any:
    """Dicts (from TOML or code) as line-remembering mappings, every key at `line` unless known."""
    if isinstance(value, dict):
        out = _Mapping()
        out.line = getattr(value, "line", line)
        known = getattr(value, "key_lines", {})
        out.key_lines = {}
        for k, v in value.items():
            out[k] = lined(v, known.get(k, line))
            out.key_lines[k] = known.get(k, line)
        return out
    if isinstance(value, list):
        return [lined(v, line) for v in value]
    return value


def plain(value: Any) -> Any:
    """Plain dicts and lists, for printing."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def line_of(mapping: Any, key: Any) -> int | None:
    return getattr(mapping, "key_lines", {}).get(key) or getattr(mapping, "line", None)


def normalise_keys(data: dict) -> dict:
    """`min-level` and `min_level` are one setting (TOML users write dashes)."""
    out = _Mapping()
    out.line, out.key_lines = getattr(data, "line", None), {}
    for key, value in data.items():
        name = key.replace("-", "_") if isinstance(key, str) else key
        out[name] = value
        out.key_lines[name] = line_of(data, key)
    return out


def strings(path: str, mapping: dict, key: str, value: Any = None) -> tuple[str, ...]:
    value = mapping.get(key, []) if value is None else value
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RuleError(path, line_of(mapping, key), f"{key}: must be a list of strings")
    return tuple(value)


def relative(path: str, root: str | None) -> str | None:
    """`path` relative to `root`, with forward slashes; None when it is not under root."""
    if root is None:
        return None
    try:
        return Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(root))).as_posix()
    except ValueError:
        return None


def glob_matches(rel: str, glob: str) -> bool:
    """Does a glob match a relative path, or a folder it lies in? A glob without a slash (or
    starting with **/) matches at any depth; `*` matches across slashes, as in fnmatch."""
    glob = glob.strip().strip("/")
    anywhere = "/" not in glob or glob.startswith("**/")
    while glob.startswith("**/"):
        glob = glob[3:]
    parts = rel.split("/")
    starts = range(len(parts)) if anywhere else (0,)
    return any(fnmatchcase("/".join(parts[i:j]), glob) for i in starts for j in range(i + 1, len(parts) + 1))
