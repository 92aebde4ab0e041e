"""Rule authoring: the JSON Schema of packs, test-rules and explain on a user's pack."""

import json
import textwrap
from pathlib import Path

import pytest
import yaml

from newslint.packs import BUILTIN_PACKS
from newslint.packs.schema import rule_file_schema
from newslint.schema import render

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schema" / "newslint-rules.schema.json"

USER_PACK = """\
# yaml-language-server: $schema=../schema/newslint-rules.schema.json
rules:
  - id: style.whilst
    type: substitution
    message: "House style is '{replacement}'."
    swap: {whilst: while}
    examples:
      bad: ["He waited whilst they talked."]
      good: ["He waited while they talked."]
  - id: style.amongst
    type: substitution
    message: "House style is '{replacement}'."
    swap: {amongst: among}
    examples:
      bad: ["Amongst them was the minister."]
      good: ["Amongst friends, he said."]     # wrong: this is reported
"""


@pytest.fixture
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


@pytest.mark.parametrize("name", ["newslint-rules.schema.json", "newslint-config.schema.json"])
def test_committed_schemas_are_generated(name):
    assert (ROOT / "schema" / name).read_text(encoding="utf-8") == render(name), (
        f"run: python -m newslint.schema {name} > schema/{name}"
    )


def test_config_schema_accepts_the_readme_example_and_rejects_a_typo():
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft7Validator(json.loads((ROOT / "schema" / "newslint-config.schema.json").read_text()))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = yaml.safe_load(readme.split("## Configuration", 1)[1].split("```yaml", 1)[1].split("```", 1)[0])
    assert example["vocabulary"]["prefer"]["Kyiv"] == ["Kiev"]
    assert list(validator.iter_errors(example)) == []
    assert list(validator.iter_errors({"profiel": "ap"}))
    assert list(validator.iter_errors({"rules": {"quotes.unclosed": "fatal"}}))


@pytest.mark.parametrize("pack", sorted(BUILTIN_PACKS.glob("*.yaml")), ids=lambda p: p.name)
def test_every_builtin_pack_validates(validator, pack):
    errors = [e.message for e in validator.iter_errors(yaml.safe_load(pack.read_text(encoding="utf-8")))]
    assert errors == []


@pytest.mark.parametrize(
    "rule,complaint",
    [
        ({"id": "style.x", "type": "substitution", "message": "m", "swap": {"a": "b"}, "colour": "red"}, "colour"),
        ({"id": "style.x", "type": "substitution", "message": "m"}, "swap"),  # a required option
        ({"id": "weather.x", "type": "substitution", "message": "m", "swap": {"a": "b"}}, "does not match"),
        ({"id": "style.x", "type": "nonesuch", "message": "m"}, "nonesuch"),
        ({"id": "style.x", "type": "substitution", "message": "m", "swap": {"a": "b"}, "level": "fatal"}, "fatal"),
        ({"id": "style.x", "type": "consistency", "message": "m", "variants": ["a", "b"], "ignore_case": "yes"}, "yes"),
    ],
)
def test_schema_rejects_bad_rules(validator, rule, complaint):
    errors = [e.message for e in validator.iter_errors({"rules": [rule]})]
    assert errors and any(complaint in e for e in errors), errors


def test_schema_documents_options_from_the_rule_types():
    rule = rule_file_schema()["definitions"]["rule"]
    consistency = next(b["then"] for b in rule["allOf"] if b["if"]["properties"]["type"]["const"] == "consistency")
    assert "house form" in consistency["properties"]["prefer"]["description"]
    assert consistency["required"] == ["variants"]


def test_test_rules_on_a_user_pack(tmp_path, cli):
    pack = tmp_path / "house.yaml"
    pack.write_text(USER_PACK, encoding="utf-8")
    result = cli("test-rules", pack)
    out = result.stdout.decode()
    assert result.returncode == 1
    assert f"{pack}:10: style.amongst: good example reported: 'Amongst friends, he said.'" in out
    assert "style.whilst" not in out.replace(str(pack), "")
    assert "2 rules, 8 examples, 1 failed" in out  # 2 profiles x 4 examples
    pack.write_text(USER_PACK.replace("Amongst friends", "Among friends"), encoding="utf-8")
    assert cli("test-rules", pack).returncode == 0


def test_test_rules_names_a_broken_pack(tmp_path, cli):
    pack = tmp_path / "house.yaml"
    pack.write_text(
        textwrap.dedent("""\
        rules:
          - id: style.x
            type: substitution
            message: "m"
            swap: 5
        """),
        encoding="utf-8",
    )
    result = cli("test-rules", pack)
    assert result.returncode == 2 and f"{pack}:5: rule 'style.x': swap:".encode() in result.stderr


def test_explain_a_user_rule(tmp_path, cli):
    pack = tmp_path / "house.yaml"
    pack.write_text(USER_PACK, encoding="utf-8")
    out = cli("explain", "style.whilst", "--pack", pack).stdout.decode()
    assert f"defined at {pack}:3" in out and "He waited whilst they talked." in out
    # A pack named in the configuration is explained too.
    (tmp_path / ".newslint.yaml").write_text("packs: [house.yaml]\n", encoding="utf-8")
    out = cli("explain", "style.amongst", cwd=tmp_path).stdout.decode()
    assert "Amongst them was the minister." in out


def test_test_rules_refuses_a_user_rule_with_a_builtin_id(tmp_path, cli):
    pack = tmp_path / "house.yaml"
    pack.write_text(USER_PACK.replace("style.whilst", "style.percent"), encoding="utf-8")
    result = cli("test-rules", pack)
    assert result.returncode == 2 and b"rule id 'style.percent' is already defined at" in result.stderr
