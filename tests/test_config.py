"""Configuration: each key takes effect; files are found upward; errors name file and line."""

import json
import os
import textwrap

import pytest

from newslint.config import Config, clear_config_cache, load_config
from newslint.linter import Linter
from newslint.packs import RuleError

# Without a figure: with one, AP (since 2019) wants "4%", which numbers.percent reports.
PERCENT = "Only a small per cent of voters stayed home."
DOUBLED = "The the minister said prices rose."


@pytest.fixture(autouse=True)
def fresh_cache():
    clear_config_cache()
    yield
    clear_config_cache()


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def rules_for(folder, name="story.txt", text=None, **kwargs):
    """Rule ids reported for `text` in a file of that name under `folder`."""
    config = load_config(folder / name, **kwargs)
    return [f.rule for f in Linter(config).lint_text(text, str(folder / name)).findings], config


def test_defaults_without_a_configuration(tmp_path):
    assert load_config(tmp_path / "story.txt") == Config()


def test_profile(tmp_path):
    write(tmp_path, ".newslint.yaml", "profile: british\n")
    found, config = rules_for(tmp_path, text="Prices rose 4 percent in May, the office said.")
    assert config.profile == "british" and found == ["style.percent"]
    assert rules_for(tmp_path, text=PERCENT)[0] == []


def test_extra_pack_relative_to_the_configuration(tmp_path):
    write(
        tmp_path,
        "house/pack.yaml",
        """\
        rules:
          - id: style.whilst
            type: substitution
            message: "Use '{replacement}'."
            swap: {alright: "all right"}
            examples: {bad: ["It was alright."], good: ["It was all right."]}
        """,
    )
    write(tmp_path, ".newslint.yaml", "packs: [house]\n")
    assert rules_for(tmp_path, text="He said it was alright.")[0] == ["style.whilst"]


def test_select_and_ignore(tmp_path):
    text = f"{DOUBLED} {PERCENT}"
    write(tmp_path, ".newslint.yaml", "select: [repetition]\n")
    assert rules_for(tmp_path, text=text)[0] == ["repetition.doubled-word"]
    write(tmp_path, ".newslint.yaml", "ignore: [repetition.doubled-word]\n")
    clear_config_cache()
    assert rules_for(tmp_path, text=text)[0] == ["style.percent"]


def test_rule_level_disable_and_options(tmp_path):
    write(
        tmp_path,
        ".newslint.yaml",
        """\
        rules:
          repetition.doubled-word: info          # short form: the level
          quotes: {level: error}                 # a whole category
          style.percent:
            swap: {"per cent": "pc"}             # an option of the rule's type
            message: "House says '{replacement}'."
          punctuation.doubled: off               # short form: disabled
          punctuation.space-before: {disable: true}
        """,
    )
    config = load_config(tmp_path / "story.txt")
    rules = {r.id: r for r in config.rules()}
    assert rules["repetition.doubled-word"].level == "info"
    assert rules["quotes.unclosed"].level == "error"
    assert "punctuation.doubled" not in rules and "punctuation.space-before" not in rules
    findings = Linter(config).lint_text(PERCENT + " Really!! Yes .", "story.txt").findings
    percent = [f for f in findings if f.rule == "style.percent"]
    assert percent[0].message == "House says 'pc'." and percent[0].fix[0].replacement == "pc"
    assert not [f for f in findings if f.rule in ("punctuation.doubled", "punctuation.space-before")]
    # The origin still names the pack, so `newslint explain` points at the rule's definition.
    from newslint.packs.loader import BUILTIN_PACKS

    pack_lines = (BUILTIN_PACKS / "style.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(pack_lines, 1) if "id: style.percent" in text)
    assert rules["style.percent"].origin == f"{BUILTIN_PACKS / 'style.yaml'}:{line}"


def test_min_level(tmp_path):
    write(tmp_path, ".newslint.yaml", "min_level: error\n")
    assert rules_for(tmp_path, text=f"{DOUBLED} {PERCENT}")[0] == ["repetition.doubled-word"]


def test_per_path_overrides(tmp_path):
    write(
        tmp_path,
        ".newslint.yaml",
        """\
        overrides:
          - files: ["opinion/*", "*.british.md"]
            profile: british
            rules: {repetition.doubled-word: off}
        """,
    )
    assert load_config(tmp_path / "news" / "a.txt").profile == "ap"
    opinion = load_config(tmp_path / "opinion" / "deep" / "b.txt")
    assert opinion.profile == "british" and opinion.applied == ("opinion/*, *.british.md",)
    assert load_config(tmp_path / "x" / "c.british.md").profile == "british"
    assert rules_for(tmp_path, "opinion/b.txt", text=DOUBLED)[0] == []
    assert rules_for(tmp_path, "news/a.txt", text=DOUBLED)[0] == ["repetition.doubled-word"]


def test_exclude(tmp_path, cli):
    write(tmp_path, ".newslint.yaml", "exclude: [archive, '*.draft.txt']\n")
    for name in ("archive/old.txt", "story.draft.txt", "story.txt"):
        write(tmp_path, name, DOUBLED + "\n")
    result = cli("check", "--format", "json", tmp_path)
    assert {os.path.basename(f["path"]) for f in json.loads(result.stdout)} == {"story.txt"}
    assert load_config(tmp_path / "story.txt").is_excluded(str(tmp_path / "archive" / "old.txt"))


def test_vocabulary_feeds_the_naming_rules(tmp_path):
    write(
        tmp_path,
        ".newslint.yaml",
        """\
        vocabulary:
          prefer:
            Kyiv: [Kiev]                    # a form a built-in rule knows
            Brett McGurk: [Bret McGurk]     # a name no pack knows
          accept: [Dillan]
        """,
    )
    config = load_config(tmp_path / "story.txt")
    assert config.vocabulary.accept == ("Dillan",)  # for spelling and grammar rules to read
    findings = Linter(config).lint_text("Talks in Kiev ended, Bret McGurk said.", "story.txt").findings
    assert [(f.rule, f.fix[0].replacement) for f in findings] == [
        ("naming.kyiv", "Kyiv"),
        ("naming.house-brett-mcgurk", "Brett McGurk"),
    ]
    # Accepted words are not taken for misspelled surnames.
    text = "Colonel Ryan Dillon spoke. Ryan Dillan, his brother, said nothing. Dillan left."
    assert "naming.surname-spelling" in [f.rule for f in Linter(Config()).lint_text(text).findings]
    assert "naming.surname-spelling" not in [f.rule for f in Linter(config).lint_text(text).findings]


def test_report_unused_suppressions_setting(tmp_path):
    write(tmp_path, ".newslint.yaml", "report_unused_suppressions: true\n")
    found = rules_for(tmp_path, text="All is well here.\n[newslint: disable quotes]\n")[0]
    assert found == ["newslint.unused-suppression"]


def test_pyproject_table_and_nearest_wins(tmp_path):
    write(
        tmp_path,
        "pyproject.toml",
        """\
        [project]
        name = "desk"

        [tool.newslint]
        profile = "british"
        min-level = "warning"
        """,
    )
    assert load_config(tmp_path / "a" / "b" / "story.txt").profile == "british"
    assert load_config(tmp_path / "story.txt").min_level == "warning"
    write(tmp_path, "a/.newslint.yaml", "profile: ap\n")
    clear_config_cache()
    assert load_config(tmp_path / "a" / "b" / "story.txt").profile == "ap"


def test_pyproject_without_the_table_is_passed_over(tmp_path):
    write(tmp_path, ".newslint.yaml", "profile: british\n")
    write(tmp_path, "sub/pyproject.toml", "[project]\nname = 'x'\n")
    assert load_config(tmp_path / "sub" / "story.txt").profile == "british"


def test_explicit_configuration(tmp_path):
    write(tmp_path, "elsewhere.yaml", "profile: british\n")
    assert load_config(tmp_path / "story.txt", tmp_path / "elsewhere.yaml").profile == "british"
    with pytest.raises(RuleError, match="no such configuration file"):
        load_config(tmp_path / "story.txt", tmp_path / "missing.yaml")


def test_cached_per_folder_and_reread_when_changed(tmp_path):
    config = write(tmp_path, ".newslint.yaml", "profile: british\n")
    first = load_config(tmp_path / "a.txt")
    assert load_config(tmp_path / "b.txt") is first
    config.write_text("profile: ap\n", encoding="utf-8")
    os.utime(config, ns=(first_ns := os.stat(config).st_mtime_ns + 10**9, first_ns))
    assert load_config(tmp_path / "a.txt").profile == "ap"


@pytest.mark.parametrize(
    "text,line,message",
    [
        ("profile: ap\nrules:\n  quotes.unclosed: {level: fatal}\n", 3, "level: must be one of"),
        ("profile: ap\ncolour: red\n", 2, "unknown setting 'colour'"),
        ("profile: american\n", 1, "unknown 'american'"),
        ("rules:\n  quotes.nonesuch: off\n", 2, "no rule or category named 'quotes.nonesuch'"),
        ("rules:\n  style.percent: {swap: 5}\n", 2, "swap: must be a mapping"),
        ("vocabulary:\n  prefer:\n    Kyiv: []\n", 3, "needs a list of other spellings"),
        ("overrides:\n  - files: [a]\n    exclude: [b]\n", 3, "cannot be set per path"),
        ("profile: ap\nselect: [quotes\n", 3, "malformed YAML"),  # YAML notices at the end
    ],
)
def test_errors_name_file_and_line(tmp_path, text, line, message):
    write(tmp_path, ".newslint.yaml", text)
    with pytest.raises(RuleError) as caught:
        load_config(tmp_path / "story.txt").rules()
    assert caught.value.path.endswith(".newslint.yaml") and caught.value.line == line
    assert message in caught.value.message


def test_cli_reports_a_bad_configuration_in_one_line(tmp_path, cli):
    write(tmp_path, ".newslint.yaml", "rules:\n  quotes.unclosed: {level: fatal}\n")
    story = write(tmp_path, "story.txt", "All is well.\n")
    result = cli("check", story)
    assert result.returncode == 2
    assert result.stderr.decode().strip().count("\n") == 0 and ".newslint.yaml:2" in result.stderr.decode()
    assert b"Traceback" not in result.stderr


def test_cli_flags_override_the_configuration(tmp_path, cli):
    write(tmp_path, ".newslint.yaml", "profile: british\nignore: [repetition]\n")
    story = write(tmp_path, "story.txt", f"{DOUBLED} {PERCENT}\n")
    found = json.loads(cli("check", "--format", "json", story).stdout)
    assert [f["rule"] for f in found] == []  # british: per cent is right; repetition ignored
    found = json.loads(cli("check", "--format", "json", "--profile", "ap", story).stdout)
    assert [f["rule"] for f in found] == ["style.percent"]
    other = write(tmp_path, "other.yaml", "profile: ap\n")
    found = json.loads(cli("check", "--format", "json", "--config", other, story).stdout)
    assert [f["rule"] for f in found] == ["repetition.doubled-word", "style.percent"]


def test_config_command_prints_the_resolved_configuration(tmp_path, cli):
    write(tmp_path, ".newslint.yaml", "profile: british\noverrides:\n  - files: [opinion]\n    min_level: error\n")
    result = cli("config", tmp_path / "opinion" / "a.txt")
    assert result.returncode == 0, result.stderr
    import yaml

    shown = yaml.safe_load(result.stdout)
    assert shown["profile"] == "british" and shown["min_level"] == "error"
    assert shown["configuration"].endswith(".newslint.yaml") and shown["overrides_applied"] == ["opinion"]


def test_the_readme_example_loads(tmp_path):
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("## Configuration", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "house-style").mkdir()
    write(tmp_path, ".newslint.yaml", example)
    config = load_config(tmp_path / "opinion" / "column.txt")
    assert config.profile == "british" and config.applied
    rules = {r.id for r in config.rules()}
    assert "naming.house-brett-mcgurk" in rules and not any(r.startswith("attribution.") for r in rules)


def test_config_from_code():
    from newslint import lint_text
    from newslint.config import Vocabulary

    config = Config(
        rule_settings={"repetition": "error", "style.percent": "off", "quotes.unclosed": {"level": "info"}},
        vocabulary=Vocabulary(prefer={"Kyiv": ("Kiev",)}),
    )
    found = {f.rule: f.severity for f in lint_text(f"{DOUBLED} {PERCENT} Kiev fell.", config=config)}
    assert found == {"repetition.doubled-word": "error", "naming.kyiv": "warning"}
    with pytest.raises(RuleError, match="level: must be one of"):
        Config(rule_settings={"quotes.unclosed": "fatal"}).rules()
