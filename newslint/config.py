"""Settings of one run, and where they come from.

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
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import lru_cache
from pathlib import Path
from typing import Any

from .finding import LEVELS
from .rulefile import PROFILES, Rule, RuleError, _Mapping, load_rules, make_rule, read_yaml, rebuild_rule

CONFIG_FILES = (".newslint.yaml", ".newslint.yml", "pyproject.toml")
# Keys of a configuration; `exclude` and `overrides` only at the top level.
SETTINGS = ("profile", "packs", "select", "ignore", "min_level", "rules", "vocabulary",
            "report_unused_suppressions", "grammar", "grammar_server", "grammar_timeout")
TOP_LEVEL = SETTINGS + ("exclude", "overrides", "audit")  # audit: read by newslint.audit.command
HOUSE_MESSAGE = "'{found}': house style is '{preferred}'."


@dataclass(frozen=True)
class Vocabulary:
    """The house's words. `prefer` maps a house form to the spellings it replaces ("Kyiv":
    ("Kiev",)); it feeds the naming rules. `accept` lists words that are right as spelled:
    the surname check passes them, and spelling/grammar rules should too (read
    `config.vocabulary.accept`)."""

    prefer: dict[str, tuple[str, ...]] = field(default_factory=dict)
    accept: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    profile: str = "ap"
    packs: tuple[str, ...] = ()  # extra rule packs: files or folders, after the built-in ones
    select: tuple[str, ...] = ()  # rule ids or categories to run (empty: all)
    ignore: tuple[str, ...] = ()  # rule ids or categories to leave out
    min_level: str = "info"  # report nothing below this level
    grammar: bool = False  # run the grammar pack through LanguageTool (newslint/grammar.py)
    grammar_server: str | None = None  # LanguageTool server URL (None: $NEWSLINT_LANGUAGETOOL_URL, else local)
    grammar_timeout: float = 10.0  # seconds LanguageTool gets for each request
    # Rule id or category -> changes: {"level": "info"}, {"disable": True}, or any field a
    # configuration may set (level, message, quotes, fix, the options of the rule's type);
    # a level alone ("info") or "off" is short for the first two.
    rule_settings: dict[str, dict] = field(default_factory=dict)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    exclude: tuple[str, ...] = ()  # globs of files not to check, relative to `root`
    report_unused_suppressions: bool = False  # report directives that silence nothing
    root: str | None = None  # the folder of the configuration file
    source: str | None = None  # the configuration file, for messages (None: defaults)
    applied: tuple[str, ...] = ()  # the per-path overrides (their globs) applied to this config

    def __hash__(self):  # the dict fields cannot be hashed; equal configs agree on these
        return hash((self.profile, self.packs, self.select, self.ignore, self.min_level, self.source, self.applied,
                     self.grammar, self.grammar_server))

    def __post_init__(self):
        if self.profile not in PROFILES:
            raise RuleError(self.source or "profile", None,
                            f"unknown profile {self.profile!r}; choose one of {', '.join(PROFILES)}")
        if self.min_level not in LEVELS:
            raise RuleError(self.source or "min-level", None,
                            f"unknown level {self.min_level!r}; choose one of {', '.join(LEVELS)}")

    def rules(self) -> list[Rule]:
        rules = load_rules(self.packs, self.profile)
        known = {r.id for r in rules} | {r.category for r in rules}
        for selector in self.select + self.ignore:
            if selector not in known:
                raise RuleError(self.source or "select/ignore", None, f"no rule or category named {selector!r}")
        where = self.source or "configuration"
        for name in self.rule_settings:
            if name not in known and name not in _rule_names(self.packs):
                raise RuleError(where, _line(self.rule_settings, name), f"rules: no rule or category named {name!r}")
        changes = self._rule_changes(rules, where)
        rules = rules + self._vocabulary_rules(rules, where)

        def chosen(rule: Rule) -> bool:
            names = (rule.id, rule.category)
            return (not self.select or any(n in self.select for n in names)) and not any(
                n in self.ignore for n in names)

        chosen_rules = []
        for rule in rules:
            house = changes.get(rule.id)
            if not chosen(rule) or (house and house.pop("disable", False)):
                continue
            chosen_rules.append(rebuild_rule(rule, self.profile, house, where) if house else rule)
        from .grammar import with_grammar

        return with_grammar(self, chosen_rules)

    def _rule_changes(self, rules: list[Rule], where: str) -> dict[str, _Mapping]:
        """Rule id -> the fields the configuration changes (category settings, then the rule's)."""
        changes: dict[str, _Mapping] = {}
        for rule in rules:
            for name in (rule.category, rule.id):
                if name in self.rule_settings:
                    change = _short_form(self.rule_settings[name])
                    if not isinstance(change, dict):
                        raise RuleError(where, _line(self.rule_settings, name),
                                        f"rules: {name}: must be a level, off, or a mapping of settings")
                    _merge_into(changes.setdefault(rule.id, _Mapping()), change)
        # The house vocabulary: a naming rule that already knows a house form prefers it.
        claimed: dict[str, str] = {}
        for house_form, others in self.vocabulary.prefer.items():
            names = {house_form, *others}
            for rule in rules:
                if rule.type.name != "consistency" or not names & set(rule.options.variants):
                    continue
                if rule.id in claimed:
                    raise RuleError(where, _line(self.vocabulary.prefer, house_form),
                                    f"vocabulary: {claimed[rule.id]!r} and {house_form!r} are names of "
                                    f"one thing (rule {rule.id}); give one house form")
                claimed[rule.id] = house_form
                variants = list(dict.fromkeys([*rule.options.variants, house_form, *others]))
                _merge_into(changes.setdefault(rule.id, _Mapping()),
                            _lined({"variants": variants, "prefer": house_form, "always": True,
                                    "message": HOUSE_MESSAGE},
                                   _line(self.vocabulary.prefer, house_form)))
        if self.vocabulary.accept:
            for rule in rules:
                if rule.type.name == "name-spelling":
                    accept = [*rule.options.accept, *self.vocabulary.accept]
                    _merge_into(changes.setdefault(rule.id, _Mapping()),
                                _lined({"accept": accept}, _line(self.vocabulary, "accept")))
        return changes

    def _vocabulary_rules(self, rules: list[Rule], where: str) -> list[Rule]:
        """A consistency rule for each house form that no pack's naming rule knows."""
        known = {v for r in rules if r.type.name == "consistency" for v in r.options.variants}
        made = []
        for house_form, others in self.vocabulary.prefer.items():
            if {house_form, *others} & known:
                continue
            slug = re.sub(r"[^a-z0-9]+", "-", house_form.lower()).strip("-") or "form"
            made.append(make_rule(where, _line(self.vocabulary.prefer, house_form), {
                "id": f"naming.house-{slug}", "type": "consistency", "level": "warning",
                "message": HOUSE_MESSAGE,
                "variants": [house_form, *others], "prefer": house_form, "always": True,
                "description": "From the house vocabulary of the configuration."}, self.profile))
        return made

    def is_excluded(self, path: str) -> bool:
        """Does an `exclude` glob of the configuration match `path`?"""
        rel = _relative(path, self.root)
        return rel is not None and any(_matches(rel, glob) for glob in self.exclude)

    def to_dict(self) -> dict[str, Any]:
        """The resolved settings, as `newslint config` prints them."""
        return {
            "configuration": self.source, "overrides_applied": list(self.applied),
            "profile": self.profile, "packs": list(self.packs), "select": list(self.select),
            "ignore": list(self.ignore), "min_level": self.min_level,
            "rules": _plain(self.rule_settings),
            "vocabulary": {"prefer": {k: list(v) for k, v in self.vocabulary.prefer.items()},
                           "accept": list(self.vocabulary.accept)},
            "exclude": list(self.exclude), "report_unused_suppressions": self.report_unused_suppressions,
            "grammar": self.grammar, "grammar_server": self.grammar_server, "grammar_timeout": self.grammar_timeout,
        }


def _rule_names(packs: tuple[str, ...]) -> set[str]:
    """Rule ids and categories under any profile (a setting may name a rule of another one)."""
    rules = [r for profile in PROFILES for r in load_rules(packs, profile)]
    return {r.id for r in rules} | {r.category for r in rules}


# -- finding and reading configuration files ------------------------------------------------------

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
    rel = _relative(str(target), parsed.root)
    matched = tuple(i for i, (globs, _, _) in enumerate(parsed.overrides)
                    if rel is not None and any(_matches(rel, g) for g in globs))
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
        if os.path.isfile(candidate) and (name != "pyproject.toml" or _has_newslint_table(candidate)):
            return candidate
    parent = os.path.dirname(folder)
    return None if parent == folder else _config_in(parent)


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
        data = _lined(table if table is not None else {}, line)
    else:
        data = read_yaml(Path(path), "configuration")
        if data is None:
            data = _Mapping()
    if not isinstance(data, dict):
        raise RuleError(path, getattr(data, "line", None), "a configuration is a mapping of settings")
    data = _normalise_keys(data)
    root = str(Path(path).parent)
    for key in data:
        if key not in TOP_LEVEL:
            raise RuleError(path, _line(data, key), f"unknown setting {key!r}; settings: {', '.join(TOP_LEVEL)}")
    settings = _settings(path, root, data)
    settings["exclude"] = _strings(path, data, "exclude")
    overrides = []
    raw_overrides = data.get("overrides", [])
    if not isinstance(raw_overrides, list):
        raise RuleError(path, _line(data, "overrides"), "overrides: must be a list of {files: [...], settings...}")
    for item in raw_overrides:
        line = getattr(item, "line", _line(data, "overrides"))
        if not isinstance(item, dict) or "files" not in item:
            raise RuleError(path, line, "overrides: each needs `files:`, a list of globs")
        item = _normalise_keys(item)
        for key in item:
            if key != "files" and key not in SETTINGS:
                raise RuleError(path, _line(item, key), f"overrides: {key!r} cannot be set per path; "
                                                        f"settings: {', '.join(SETTINGS)}")
        globs = _strings(path, item, "files")
        overrides.append((globs, _settings(path, root, {k: v for k, v in item.items() if k != "files"}, item), line))
    return _Parsed(root, settings, overrides)


@lru_cache(maxsize=256)
def _resolve(path: str, mtime: int, matched: tuple[int, ...]) -> Config:
    parsed = _parse_file(path, mtime)
    settings = dict(parsed.settings)
    for index in matched:
        _merge_settings(settings, parsed.overrides[index][1])
    vocabulary = Vocabulary(settings.pop("prefer", {}), settings.pop("accept", ()))
    return Config(**settings, vocabulary=vocabulary, root=parsed.root, source=path,
                  applied=tuple(", ".join(parsed.overrides[i][0]) for i in matched))


def _settings(path: str, root: str, data: dict, lines: dict | None = None) -> dict:
    """Validate the settings of one level (top or an override) into Config's field values."""
    lines = data if lines is None else lines
    out: dict[str, Any] = {}
    if "profile" in data:
        if data["profile"] not in PROFILES:
            raise RuleError(path, _line(lines, "profile"), f"profile: unknown {data['profile']!r}; "
                                                           f"choose one of {', '.join(PROFILES)}")
        out["profile"] = data["profile"]
    if "min_level" in data:
        if data["min_level"] not in LEVELS:
            raise RuleError(path, _line(lines, "min_level"), f"min_level: must be one of {', '.join(LEVELS)}")
        out["min_level"] = data["min_level"]
    if "report_unused_suppressions" in data:
        if not isinstance(data["report_unused_suppressions"], bool):
            raise RuleError(path, _line(lines, "report_unused_suppressions"),
                            "report_unused_suppressions: must be true or false")
        out["report_unused_suppressions"] = data["report_unused_suppressions"]
    if "grammar" in data:
        if not isinstance(data["grammar"], bool):
            raise RuleError(path, _line(lines, "grammar"), "grammar: must be true or false")
        out["grammar"] = data["grammar"]
    if "grammar_server" in data:
        if not isinstance(data["grammar_server"], str) or not data["grammar_server"].startswith(("http://", "https://")):
            raise RuleError(path, _line(lines, "grammar_server"), "grammar_server: must be an http(s):// URL")
        out["grammar_server"] = data["grammar_server"]
    if "grammar_timeout" in data:
        timeout = data["grammar_timeout"]
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
            raise RuleError(path, _line(lines, "grammar_timeout"), "grammar_timeout: must be a number of seconds above 0")
        out["grammar_timeout"] = float(timeout)
    if "packs" in data:
        packs = _strings(path, lines, "packs", data["packs"])
        for pack in packs:
            if not (Path(root) / pack).exists():
                raise RuleError(path, _line(lines, "packs"), f"packs: no such rule pack file or folder {pack!r}")
        out["packs"] = tuple(str(Path(root) / p) for p in packs)
    for key in ("select", "ignore"):
        if key in data:
            out[key] = _strings(path, lines, key, data[key])
    if "rules" in data:
        out["rule_settings"] = _rule_settings(path, data["rules"], _line(lines, "rules"))
    if "vocabulary" in data:
        out.update(_vocabulary(path, data["vocabulary"], _line(lines, "vocabulary")))
    return out


def _rule_settings(path: str, raw: Any, line: int | None) -> _Mapping:
    if not isinstance(raw, dict):
        raise RuleError(path, line, "rules: must map rule ids or categories to settings")
    out = _Mapping()
    out.line, out.key_lines = getattr(raw, "line", line), {}
    for name, value in raw.items():
        here = _line(raw, name) or line
        value = _short_form(value)
        if not isinstance(value, dict):
            raise RuleError(path, here, f"rules: {name}: must be a level, off, or a mapping of settings")
        value = _lined(value, here)
        if not isinstance(value.get("disable", False), bool):
            raise RuleError(path, _line(value, "disable"), f"rules: {name}: disable: must be true or false")
        out[name] = value
        out.key_lines[name] = here
    return out


def _short_form(value: Any) -> Any:
    """`quotes.single-marks: info` sets the level; `: off` (YAML reads it as false) disables."""
    if value is False or value == "off":
        return {"disable": True}
    if isinstance(value, str):
        return {"level": value}
    return value


def _vocabulary(path: str, raw: Any, line: int | None) -> dict:
    if not isinstance(raw, dict) or not set(raw) <= {"prefer", "accept"}:
        raise RuleError(path, line, "vocabulary: a mapping with `prefer` (house form: [other spellings]) "
                                    "and `accept` (a list of words)")
    out: dict[str, Any] = {}
    prefer = raw.get("prefer", {})
    if not isinstance(prefer, dict):
        raise RuleError(path, _line(raw, "prefer") or line, "vocabulary: prefer: must map each house form "
                                                            "to the spellings it replaces")
    mapped = _Mapping()
    mapped.line, mapped.key_lines = _line(raw, "prefer") or line, {}
    for house_form, others in prefer.items():
        here = _line(prefer, house_form) or mapped.line
        others = [others] if isinstance(others, str) else others
        if not isinstance(house_form, str) or not house_form.strip() or not isinstance(others, list) or not others \
                or not all(isinstance(o, str) and o.strip() and o != house_form for o in others):
            raise RuleError(path, here, f"vocabulary: prefer: {house_form!r} needs a list of other spellings")
        mapped[house_form] = tuple(others)
        mapped.key_lines[house_form] = here
    out["prefer"] = mapped
    if "accept" in raw:
        out["accept"] = _strings(path, raw, "accept")
    return out


def _merge_settings(into: dict, more: dict) -> None:
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
                    combined = _lined(dict(merged[name]), None)
                    _merge_into(combined, item)
                    item = combined
                merged[name] = item
                merged.key_lines[name] = _line(value, name)
            into[key] = merged
        else:
            into[key] = value


def _merge_into(target: _Mapping, more: dict) -> None:
    """Copy `more` into `target`, remembering the line each key came from."""
    lines = getattr(more, "key_lines", {})
    for key, value in more.items():
        target[key] = value
        target.key_lines[key] = lines.get(key, getattr(more, "line", None))


# -- small helpers ----------------------------------------------------------------------------------

def _lined(value: Any, line: int | None) -> Any:
    """Dicts (from TOML or code) as line-remembering mappings, every key at `line` unless known."""
    if isinstance(value, dict):
        out = _Mapping()
        out.line = getattr(value, "line", line)
        known = getattr(value, "key_lines", {})
        out.key_lines = {}
        for k, v in value.items():
            out[k] = _lined(v, known.get(k, line))
            out.key_lines[k] = known.get(k, line)
        return out
    if isinstance(value, list):
        return [_lined(v, line) for v in value]
    return value


def _plain(value: Any) -> Any:
    """Plain dicts and lists, for printing."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _line(mapping: Any, key: Any) -> int | None:
    return getattr(mapping, "key_lines", {}).get(key) or getattr(mapping, "line", None)


def _normalise_keys(data: dict) -> dict:
    """`min-level` and `min_level` are one setting (TOML users write dashes)."""
    out = _Mapping()
    out.line, out.key_lines = getattr(data, "line", None), {}
    for key, value in data.items():
        name = key.replace("-", "_") if isinstance(key, str) else key
        out[name] = value
        out.key_lines[name] = _line(data, key)
    return out


def _strings(path: str, mapping: dict, key: str, value: Any = None) -> tuple[str, ...]:
    value = mapping.get(key, []) if value is None else value
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RuleError(path, _line(mapping, key), f"{key}: must be a list of strings")
    return tuple(value)


def _relative(path: str, root: str | None) -> str | None:
    """`path` relative to `root`, with forward slashes; None when it is not under root."""
    if root is None:
        return None
    try:
        return Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(root))).as_posix()
    except ValueError:
        return None


def _matches(rel: str, glob: str) -> bool:
    """Does a glob match a relative path, or a folder it lies in? A glob without a slash (or
    starting with **/) matches at any depth; `*` matches across slashes, as in fnmatch."""
    glob = glob.strip().strip("/")
    anywhere = "/" not in glob or glob.startswith("**/")
    while glob.startswith("**/"):
        glob = glob[3:]
    parts = rel.split("/")
    starts = range(len(parts)) if anywhere else (0,)
    return any(fnmatchcase("/".join(parts[i:j]), glob) for i in starts for j in range(i + 1, len(parts) + 1))
