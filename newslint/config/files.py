"""Where a configuration comes from: the file that governs a draft, read and cached.

`Config` is everything a run needs: profile, packs, which rules at which level with which
options, the house vocabulary and what to leave out. `load_config(path)` builds the Config that
governs one file from `.newslint.yaml` (or `.newslint.yml`), or `[tool.newslint]` in
pyproject.toml, in the file's folder or the nearest folder above it; the first found wins (no
merging across folders). The command line's flags are applied on top by the caller.

Errors name the file and line: `file:line: message` (TOML gives no key lines, so errors in
pyproject.toml point at the `[tool.newslint]` header).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..packs import RuleError, read_yaml
from ..packs.loader import _Mapping
from .model import SETTINGS, TOP_LEVEL, Config, Vocabulary
from .settings import (
    glob_matches,
    line_of,
    lined,
    merge_settings,
    normalise_keys,
    plain,
    relative,
    strings,
    validate_settings,
)

CONFIG_FILES = (".newslint.yaml", ".newslint.yml", "pyproject.toml")


def load_config(for_path: str | os.PathLike | None = None, explicit: str | os.PathLike | None = None) -> Config:
    """The Config for one file: the public entry point for every front end (CLI, language server).

    `for_path` is the file to be checked (None: the current folder). `explicit` is a
    configuration file given by the user (`--config`); otherwise the nearest `.newslint.yaml`,
    `.newslint.yml` or pyproject.toml with `[tool.newslint]` in the file's folder or above is
    used, and `Config()` when there is none. Per-path `overrides` whose globs match the file are
    applied. Results are cached per folder and per configuration file (re-read when the file's
    modification time changes); call `clear_config_cache()` after creating or deleting one.
    Raises RuleError (`file:line: message`) for a bad configuration.
    """
    target = Path(for_path) if for_path is not None and str(for_path) != "-" else Path.cwd() / "-"
    target = target.absolute()
    if explicit is not None:
        file = Path(explicit).absolute()
        if not file.is_file():
            raise RuleError(str(explicit), None, "no such configuration file")
    else:
        found = _config_in(str(target.parent))
        if found is None:
            return _DEFAULT
        file = Path(found)
    try:
        mtime = file.stat().st_mtime_ns
    except OSError as e:
        raise RuleError(str(file), None, f"cannot read configuration: {e.strerror or e}") from None
    parsed = _parse_file(str(file), mtime)
    rel = relative(str(target), parsed.root)
    matched = tuple(
        i
        for i, (globs, _, _) in enumerate(parsed.overrides)
        if rel is not None and any(glob_matches(rel, g) for g in globs)
    )
    return _resolve(str(file), mtime, matched)


def clear_config_cache() -> None:
    _config_in.cache_clear()
    _parse_file.cache_clear()
    _resolve.cache_clear()


_DEFAULT = Config()


@lru_cache(maxsize=4096)
def _config_in(folder: str) -> str | None:
    """The configuration file that governs files in `folder` (cached: once per folder)."""
    for name in CONFIG_FILES:
        candidate = os.path.join(folder, name)
        if (
            os.path.isfile(candidate)
            and _trusted(candidate)
            and (name != "pyproject.toml" or _has_newslint_table(candidate))
        ):
            return candidate
    parent = os.path.dirname(folder)
    return None if parent == folder else _config_in(parent)


_warned: set[str] = set()


def _trusted(path: str) -> bool:
    """A configuration found by searching is obeyed only when the current user or root owns it,
    as git does with safe.directory: in a shared folder, a file another user left could turn on
    grammar and send the drafts to a server it names. Said once per file on stderr. (An explicit
    --config is the user's own choice and is not checked.)"""
    try:
        owner = os.stat(path).st_uid
    except OSError:
        return True  # unreadable: reported when it is read
    if not hasattr(os, "getuid") or owner in (0, os.getuid()):
        return True
    if path not in _warned:
        _warned.add(path)
        print(
            f"newslint: ignoring {path}: it belongs to another user (uid {owner}); pass it with --config to use it",
            file=sys.stderr,
        )
    return False


def _has_newslint_table(path: str) -> bool:
    try:
        return _read_toml(path)[0] is not None
    except RuleError:
        return True  # a broken pyproject.toml is reported when it is read


def _read_toml(path: str) -> tuple[Any, int | None]:
    """([tool.newslint] as a dict or None, the line of its header)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(path, None, f"cannot read configuration: {e}") from None
    except tomllib.TOMLDecodeError as e:
        line = re.search(r"line (\d+)", str(e))
        raise RuleError(path, int(line.group(1)) if line else None, f"malformed TOML: {e}") from None
    table = data.get("tool", {}).get("newslint")
    header = re.search(r"(?m)^\s*\[\s*tool\.newslint\s*[\].]", text)
    return table, text.count("\n", 0, header.start()) + 1 if header else None


@dataclass
class _Parsed:
    root: str
    settings: dict
    overrides: list  # (globs, settings, line)


@lru_cache(maxsize=64)
def _parse_file(path: str, mtime: int) -> _Parsed:
    if path.endswith(".toml"):
        table, line = _read_toml(path)
        data = lined(table if table is not None else {}, line)
    else:
        data = read_yaml(Path(path), "configuration")
        if data is None:
            data = _Mapping()
    if not isinstance(data, dict):
        raise RuleError(path, getattr(data, "line", None), "a configuration is a mapping of settings")
    data = normalise_keys(data)
    root = str(Path(path).parent)
    for key in data:
        if key not in TOP_LEVEL:
            raise RuleError(path, line_of(data, key), f"unknown setting {key!r}; settings: {', '.join(TOP_LEVEL)}")
    settings = validate_settings(path, root, data)
    settings["exclude"] = strings(path, data, "exclude")
    settings["audit"] = plain(data.get("audit") or {})
    if not isinstance(settings["audit"], dict):
        raise RuleError(path, line_of(data, "audit"), "audit: must be a mapping (columns, by, partition_size)")
    overrides = []
    raw_overrides = data.get("overrides", [])
    if not isinstance(raw_overrides, list):
        raise RuleError(path, line_of(data, "overrides"), "overrides: must be a list of {files: [...], settings...}")
    for item in raw_overrides:
        line = getattr(item, "line", line_of(data, "overrides"))
        if not isinstance(item, dict) or "files" not in item:
            raise RuleError(path, line, "overrides: each needs `files:`, a list of globs")
        item = normalise_keys(item)
        for key in item:
            if key != "files" and key not in SETTINGS:
                raise RuleError(
                    path,
                    line_of(item, key),
                    f"overrides: {key!r} cannot be set per path; settings: {', '.join(SETTINGS)}",
                )
        globs = strings(path, item, "files")
        overrides.append(
            (globs, validate_settings(path, root, {k: v for k, v in item.items() if k != "files"}, item), line)
        )
    return _Parsed(root, settings, overrides)


@lru_cache(maxsize=256)
def _resolve(path: str, mtime: int, matched: tuple[int, ...]) -> Config:
    parsed = _parse_file(path, mtime)
    settings = dict(parsed.settings)
    for index in matched:
        merge_settings(settings, parsed.overrides[index][1])
    vocabulary = Vocabulary(settings.pop("prefer", {}), settings.pop("accept", ()))
    return Config(
        **settings,
        vocabulary=vocabulary,
        root=parsed.root,
        source=path,
        applied=tuple(", ".join(parsed.overrides[i][0]) for i in matched),
    )
