"""Rule packs: YAML -> validated Rule objects (loader.py), their JSON Schema (schema.py) and the
one parser of the rule-type docs that `explain`, hovers and SARIF print (docs.py)."""

from ..model import CATEGORIES, FIX_SAFETY, PROFILES, SCOPES
from .loader import (
    BUILTIN_PACKS,
    COMMON,
    KINDS,
    Example,
    Rule,
    RuleError,
    load_pack,
    load_rules,
    make_rule,
    pack_paths,
    packs_in,
    read_yaml,
    rebuild_rule,
)

__all__ = [
    "BUILTIN_PACKS",
    "CATEGORIES",
    "COMMON",
    "FIX_SAFETY",
    "KINDS",
    "PROFILES",
    "SCOPES",
    "Example",
    "Rule",
    "RuleError",
    "load_pack",
    "load_rules",
    "make_rule",
    "pack_paths",
    "packs_in",
    "read_yaml",
    "rebuild_rule",
]
