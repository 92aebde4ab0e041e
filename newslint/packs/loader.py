"""YAML rule packs -> validated Rule objects. Every error names the file, line and field."""

from __future__ import annotations

import os
import stat
import string
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..checks import TYPES, OptionError, RuleType
from ..model import CATEGORIES, FIX_SAFETY, LEVELS, PROFILES, SCOPES

# Fields every rule may have; the rest are options of its type.
COMMON = ("id", "type", "level", "message", "description", "quotes", "fix", "profiles", "by_profile", "examples")
MAX_NODES = 200_000  # a YAML alias bomb expands past this long before it exhausts memory
MAX_RULES = 5_000
MAX_PACK_CHARS = 5_000_000  # 5,000 rules with examples take about 1 MB


def _builtin_packs() -> Path:
    inside = Path(__file__).parent.parent / "rules"  # in an installed wheel
    return inside if inside.is_dir() else Path(__file__).resolve().parent.parent.parent / "rules"


BUILTIN_PACKS = _builtin_packs()


class RuleError(Exception):
    """A rule pack that cannot be loaded: `str(error)` is `file:line: message`."""

    def __init__(self, path: str, line: int | None, message: str):
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.path, self.line, self.message = path, line, message

    def __reduce__(self):  # rebuilt whole when it crosses from a `-j` worker process
        return RuleError, (self.path, self.line, self.message)


KINDS = ("text", "markdown", "html")  # what an example's text is written in


@dataclass(frozen=True)
class Example:
    """A text a rule must report (bad) or leave alone (good). A bad example may say exactly what
    it must report, as textlint's tester does: the text of each span, in order (`found`), and the
    text once the rule's fixes are applied, safe and unsafe alike (`fixed`)."""

    text: str
    kind: str = "text"
    found: tuple[str, ...] | None = None  # None: any finding will do
    fixed: str | None = None  # None: the fix is not checked


@dataclass(frozen=True)
class Rule:
    id: str
    type: RuleType
    level: str
    message: str
    options: Any
    quotes: str = "any"
    fix: str = "off"
    description: str = ""
    examples: tuple[tuple[Example, ...], tuple[Example, ...]] = ((), ())  # (bad, good)
    origin: str = ""  # file:line, for messages about the rule itself
    raw: Any = field(default=None, compare=False, repr=False)  # the YAML mapping, to rebuild with overrides

    @property
    def category(self) -> str:
        return self.id.split(".", 1)[0]


class _Mapping(dict):
    """A YAML mapping that remembers the line of each key."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.line: int | None = 0
        self.key_lines: dict = {}


def _to_python(node: yaml.Node, budget: list[int]) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        raise yaml.YAMLError(f"more than {MAX_NODES:,} values once aliases are expanded (an alias bomb?)")
    if isinstance(node, yaml.MappingNode):
        result = _Mapping()
        result.line, result.key_lines = node.start_mark.line + 1, {}
        for key_node, value_node in node.value:
            key = _to_python(key_node, budget)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise RuleError("", key_node.start_mark.line + 1, "mapping keys must be plain values")
            if key in result:
                raise RuleError("", key_node.start_mark.line + 1, f"duplicate key {key!r}")
            result[key] = _to_python(value_node, budget)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(n, budget) for n in node.value]
    try:
        return yaml.SafeLoader.construct_object(_SCALARS, node)
    except (ValueError, TypeError, OverflowError) as e:
        # A value its tag cannot hold: 2024-13-45 (a date), !!int abc, an integer of 4,300
        # digits (Python's limit on converting them), an unhashable !!set member.
        shown = node.value if isinstance(node.value, str) else node.tag
        shown = shown if len(shown) <= 40 else shown[:39] + "\u2026"
        raise RuleError("", node.start_mark.line + 1, f"cannot read the value {shown!r}: {e}") from None


_SCALARS = yaml.SafeLoader("")
# libyaml's parser when PyYAML has it (its wheels do): the same nodes and line numbers, and ten
# times faster, which is a fifth of the start-up of `newslint check`.
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse_too_many_rules(node: yaml.Node | None) -> None:
    """Count a pack's rules before building them, so that a huge pack fails fast and says why."""
    if not isinstance(node, yaml.MappingNode):
        return
    for key, value in node.value:
        if key.value == "rules" and isinstance(value, yaml.SequenceNode) and len(value.value) > MAX_RULES:
            raise RuleError(
                "",
                key.start_mark.line + 1,
                f"{len(value.value):,} rules in one pack; the limit is {MAX_RULES:,}: split the pack",
            )


def read_yaml(path: Path, what: str = "rule pack") -> Any:
    try:
        text = _read_capped(path, what)
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(str(path), None, f"cannot read {what}: {e}") from None
    if len(text) > MAX_PACK_CHARS:  # PyYAML reads about 0.4 MB a second: keep loading short
        raise RuleError(str(path), None, f"{what} larger than {MAX_PACK_CHARS // 1_000_000} MB; split it")
    try:
        node = yaml.compose(text, Loader=_COMPOSER)
        _refuse_too_many_rules(node)
        return None if node is None else _to_python(node, [MAX_NODES])
    except RuleError as e:
        raise RuleError(str(path), e.line, e.message) from None
    except RecursionError:
        raise RuleError(str(path), None, "malformed YAML: nested too deeply") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        problem = getattr(e, "problem", None) or str(e)
        raise RuleError(str(path), mark.line + 1 if mark else None, f"malformed YAML: {problem}") from None


def _read_capped(path: Path, what: str) -> str:
    """The text of a regular file, read no further than the size limit: a pack that is (or is a
    symlink to) /dev/zero, a FIFO or a device would otherwise be read without end, or block."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise RuleError(str(path), None, f"cannot read {what}: not a regular file")
    with open(path, "rb") as stream:
        data = stream.read(4 * MAX_PACK_CHARS + 1)  # UTF-8: at most 4 bytes a character
    if len(data) > 4 * MAX_PACK_CHARS:
        raise RuleError(str(path), None, f"{what} larger than {MAX_PACK_CHARS // 1_000_000} MB; split it")
    return data.decode("utf-8")


def pack_paths(extra: tuple[str, ...] = ()) -> list[Path]:
    """The built-in packs, then each extra pack file or folder of packs, in order."""
    return sorted(BUILTIN_PACKS.glob("*.yaml")) + [p for item in extra for p in packs_in(item)]


def packs_in(item: str) -> list[Path]:
    """A pack file, or the packs (.yaml, .yml) of a folder, sorted."""
    p = Path(item)
    if p.is_dir():
        return sorted(list(p.glob("*.yaml")) + list(p.glob("*.yml")))
    if p.is_file():
        return [p]
    raise RuleError(item, None, "no such rule pack file or folder")


@lru_cache(maxsize=32)
def _load_pack_cached(path: str, mtime: float, profile: str) -> tuple[Rule, ...]:
    return tuple(_load_pack(Path(path), profile))


def load_pack(path: Path, profile: str = "ap") -> list[Rule]:
    """The rules of one pack that apply under `profile` (cached while the file is unchanged)."""
    try:
        mtime = path.stat().st_mtime
    except OSError as e:
        raise RuleError(str(path), None, f"cannot read rule pack: {e}") from None
    return list(_load_pack_cached(str(path), mtime, profile))


def load_rules(extra: tuple[str, ...] = (), profile: str = "ap") -> list[Rule]:
    if profile not in PROFILES:
        raise RuleError("--profile", None, f"unknown profile {profile!r}; choose one of {', '.join(PROFILES)}")
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in pack_paths(tuple(extra)):
        for rule in load_pack(path, profile):
            if rule.id in seen:
                file, line = rule.origin.rsplit(":", 1)
                raise RuleError(file, int(line), f"rule id {rule.id!r} is already defined at {seen[rule.id]}")
            seen[rule.id] = rule.origin
            rules.append(rule)
    return rules


def _load_pack(path: Path, profile: str) -> list[Rule]:
    data = read_yaml(path)
    where = str(path)
    if not isinstance(data, _Mapping) or not isinstance(data.get("rules"), list):
        raise RuleError(where, getattr(data, "line", None), "a rule pack is a mapping with a 'rules:' list")
    unknown = set(data) - {"rules", "description"}
    if unknown:
        key = sorted(unknown, key=str)[0]
        raise RuleError(where, data.key_lines[key], f"unknown top-level field {key!r}")
    rules = []
    for raw in data["rules"]:
        rule = _build_rule(where, raw, profile)
        if rule is not None:
            rules.append(rule)
    return rules


# Fields a user's configuration may change in a rule (besides the options of its type).
HOUSE_FIELDS = ("level", "message", "quotes", "fix")


def make_rule(where: str, line: int | None, settings: dict, profile: str) -> Rule | None:
    """A rule from settings made in code (a house vocabulary's naming rule), validated as in a
    pack; errors point at `where:line`."""
    raw = _Mapping(settings)
    raw.line, raw.key_lines = line, {key: line for key in settings}
    return _build_rule(where, raw, profile)


def rebuild_rule(rule: Rule, profile: str, house: dict, house_where: str) -> Rule:
    """`rule` with fields changed by a configuration (`house`, read from `house_where`), through
    the same validation as the pack itself; errors in `house` name the configuration's lines."""
    where = rule.origin.rsplit(":", 1)[0]
    if rule.raw is None:
        raise RuleError(
            house_where,
            getattr(house, "line", None),
            f"rule {rule.id!r} was not loaded from a pack; a configuration cannot change it",
        )
    rebuilt = _build_rule(where, rule.raw, profile, house, house_where)
    return replace(rebuilt, origin=rule.origin)


def _build_rule(where: str, raw: Any, profile: str, house: dict | None = None, house_where: str = "") -> Rule | None:
    if not isinstance(raw, _Mapping):
        raise RuleError(where, None, "each rule must be a mapping")
    house = house or {}

    def fail(field: str | None, message: str):
        rule_id = raw.get("id")
        prefix = f"rule {rule_id!r}: " if isinstance(rule_id, str) else ""
        if field in house:  # the configuration changed this field: point there
            lines = getattr(house, "key_lines", {})
            raise RuleError(house_where, lines.get(field, getattr(house, "line", None)), f"{prefix}{field}: {message}")
        line = raw.key_lines.get(field, raw.line) if field else raw.line
        raise RuleError(where, line, f"{prefix}{field + ': ' if field else ''}{message}")

    for required in ("id", "type", "message"):
        if required not in raw:
            fail(None, f"missing required field {required!r}")
    rule_id, type_name = raw["id"], raw["type"]
    if not isinstance(rule_id, str) or "." not in rule_id or rule_id.split(".", 1)[0] not in CATEGORIES:
        fail("id", f"must be 'category.name' with a category among {', '.join(CATEGORIES)}")
    if not isinstance(type_name, str) or type_name not in TYPES:
        fail("type", f"unknown rule type {type_name!r}; known types: {', '.join(sorted(TYPES))}")
    rule_type = TYPES[type_name]
    for key in raw:
        if key not in COMMON and key not in rule_type.option_names:
            fail(key, f"unknown field for a {type_name} rule (options: {', '.join(rule_type.option_names) or 'none'})")
    profiles = raw.get("profiles", list(PROFILES))
    if not isinstance(profiles, list) or not all(isinstance(p, str) and p in PROFILES for p in profiles):
        fail("profiles", f"must be a list of profiles among {', '.join(PROFILES)}")
    settings = dict(raw)
    by_profile = raw.get("by_profile", {})
    if not isinstance(by_profile, dict) or not set(by_profile) <= set(PROFILES):
        fail("by_profile", f"must map profiles among {', '.join(PROFILES)} to field overrides")
    overrides = by_profile.get(profile, {})
    if not isinstance(overrides, dict):
        fail("by_profile", f"{profile}: must be a mapping of fields")
    for key in overrides:
        if key in ("id", "type", "profiles", "by_profile") or (key not in COMMON and key not in rule_type.option_names):
            fail("by_profile", f"{profile}: cannot override {key!r}")
    settings.update(overrides)
    for key in house:
        if key not in HOUSE_FIELDS and key not in rule_type.option_names:
            fail(key, f"a configuration may set {', '.join(HOUSE_FIELDS + rule_type.option_names)}")
    settings.update(house)
    level = settings.get("level", "warning")
    if level not in LEVELS:
        fail("level", f"must be one of {', '.join(LEVELS)}")
    quotes = settings.get("quotes", "skip" if "quotes" in rule_type.option_names else "any")
    if quotes not in SCOPES:
        fail("quotes", f"must be one of {', '.join(SCOPES)}")
    fix = settings.get("fix", rule_type.fix)
    if fix not in FIX_SAFETY:
        fail("fix", f"must be one of {', '.join(FIX_SAFETY)}")
    message = settings["message"]
    if not isinstance(message, str) or not message.strip():
        fail("message", "must be a non-empty string")
    try:
        placeholders = [
            (name, spec, conversion)
            for _, name, spec, conversion in string.Formatter().parse(message)
            if name is not None
        ]
    except ValueError as e:
        fail("message", f"bad template: {e}")
    if any(spec or conversion for _, spec, conversion in placeholders):
        # "{found:>100000000}" would make every message 100 MB long.
        fail("message", "placeholders take no format spec or conversion: write {found}, not {found:>20}")
    names = {name for name, _, _ in placeholders}
    unknown_names = names - set(rule_type.fields)
    if unknown_names:
        fail(
            "message",
            f"unknown placeholder {{{sorted(unknown_names)[0]}}}; "
            f"a {type_name} rule offers {', '.join(f'{{{f}}}' for f in rule_type.fields)}",
        )
    examples = settings.get("examples", {})
    if (
        not isinstance(examples, dict)
        or not set(examples) <= {"bad", "good"}
        or not all(isinstance(v, list) for v in examples.values())
    ):
        fail("examples", "must be a mapping with 'bad' and 'good' lists of examples")
    try:
        bad = tuple(_example(x, True) for x in examples.get("bad", ()))
        good = tuple(_example(x, False) for x in examples.get("good", ()))
    except ValueError as e:
        fail("examples", str(e))
    description = settings.get("description", "")
    if not isinstance(description, str):
        fail("description", "must be a string")
    if profile not in profiles:
        return None
    options = {k: v for k, v in settings.items() if k in rule_type.option_names}
    if "quotes" in rule_type.option_names:
        options["quotes"] = quotes
    try:
        built = rule_type.options(**options)
    except OptionError as e:
        fail(e.field, str(e))
    except TypeError as e:
        fail(None, f"{e}".replace("__init__() ", "").replace("Options.", ""))
    return Rule(
        rule_id,
        rule_type,
        level,
        message,
        built,
        quotes,
        fix,
        description.strip(),
        (bad, good),
        f"{where}:{raw.line}",
        raw,
    )


def _example(raw: Any, bad: bool) -> Example:
    """An example from its YAML: a text, or a mapping {text, kind, found, fixed}."""
    if isinstance(raw, str):
        return Example(raw)
    allowed = {"text", "kind", "found", "fixed"} if bad else {"text", "kind"}
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not set(raw) <= allowed:
        raise ValueError(
            f"each {'bad' if bad else 'good'} example is a text or a mapping with 'text' "
            f"and optionally {', '.join(repr(k) for k in sorted(allowed - {'text'}))}"
        )
    kind = raw.get("kind", "text")
    if kind not in KINDS:
        raise ValueError(f"an example's kind is one of {', '.join(KINDS)}, not {kind!r}")
    found = raw.get("found")
    if found is not None and not (isinstance(found, list) and all(isinstance(t, str) for t in found)):
        raise ValueError("'found' is a list of the texts of the spans the example must report")
    fixed = raw.get("fixed")
    if fixed is not None and not isinstance(fixed, str):
        raise ValueError("'fixed' is the example's text after the rule's fixes")
    return Example(raw["text"], kind, None if found is None else tuple(found), fixed)
