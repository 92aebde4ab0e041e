"""Rule packs: errors name file, line and field."""

import pytest

from newslint.packs import RuleError, load_pack

GOOD_RULE = """
rules:
  - id: style.towards
    type: substitution
    message: "Use '{replacement}'."
    swap: {towards: toward}
    examples: {bad: ["He walked towards it."], good: ["He walked toward it."]}
"""


def load(tmp_path, text):
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return load_pack(path)


def error(tmp_path, text) -> str:
    with pytest.raises(RuleError) as e:
        load(tmp_path, text)
    return str(e.value)


def test_a_good_pack_loads(tmp_path):
    [rule] = load(tmp_path, GOOD_RULE)
    assert rule.id == "style.towards" and rule.category == "style"


def test_unknown_field_names_file_line_and_field(tmp_path):
    message = error(tmp_path, GOOD_RULE.replace("    swap:", "    swapp: {a: b}\n    swap:"))
    assert "pack.yaml:6:" in message and "swapp" in message


def test_unknown_type(tmp_path):
    assert "unknown rule type 'substitute'" in error(tmp_path, GOOD_RULE.replace("substitution", "substitute"))


def test_malformed_yaml_names_the_line(tmp_path):
    assert "pack.yaml:3: malformed YAML" in error(tmp_path, "rules:\n  - id: a\n\tmessage: x\n")


def test_unknown_placeholder_in_message(tmp_path):
    assert "unknown placeholder {nope}" in error(tmp_path, GOOD_RULE.replace("{replacement}", "{nope}"))


def test_invalid_regex_is_an_option_error(tmp_path):
    pack = GOOD_RULE.replace("type: substitution", "type: pattern").replace(
        "swap: {towards: toward}", "patterns: ['(unclosed']"
    )
    assert "invalid regular expression" in error(tmp_path, pack)


def test_bad_category_and_level(tmp_path):
    assert "category" in error(tmp_path, GOOD_RULE.replace("style.towards", "prose.towards"))
    assert "level" in error(tmp_path, GOOD_RULE.replace("    type:", "    level: fatal\n    type:"))


def test_duplicate_key(tmp_path):
    assert "duplicate key 'message'" in error(tmp_path, GOOD_RULE.replace("    swap:", "    message: again\n    swap:"))
