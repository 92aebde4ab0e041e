"""Rule packs that would exhaust memory, block, or raise deep in YAML: each is one clear error
naming the file (and line), exit 2 at the command line (docs/reliability.md)."""

import os
import resource
import subprocess
import sys

import pytest

from newslint.packs import RuleError, load_pack

RULE = (
    "rules:\n  - id: style.x\n    type: pattern\n    level: warning\n    message: \"Found '{found}'.\"\n"
    "    patterns: ['minister']\n"
)


@pytest.mark.parametrize(
    "pattern",
    [
        "(?:a{1000})(?#){1000}",  # an inline comment between a group and its quantifier
        "(?x)(?:a{1000}) {1000}",  # verbose mode: the space is nothing
        "(?x)(?:a{1000})#note\n{1000}",  # verbose mode: so is a comment to the line end
        "(?:(?x:(?:b{1000}) {1000}))",  # a verbose flag on a group only
    ],
)
def test_hidden_counted_repeats_are_refused(pattern):
    """Each of these writes out a million characters or more when compiled; run in a child
    process held to 1.5 GB so a regression fails instead of taking the machine down."""

    def hold_memory():
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))

    code = (
        "import sys\nfrom newslint.checks.base import OptionError, compile_pattern\n"
        "try:\n    compile_pattern('patterns', sys.argv[1])\nexcept OptionError as e:\n    print(e)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, pattern], capture_output=True, text=True, preexec_fn=hold_memory, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert "exhaust memory" in result.stdout


@pytest.mark.parametrize(
    "pattern", [r"(?x) \d{1,3} (?: , \d{3} )+  # a figure", r"(?#a comment)minister", r"(?x)[ #]{3}"]
)
def test_ordinary_comments_and_verbose_patterns_load(tmp_path, pattern):
    from newslint.checks.base import compile_pattern

    assert compile_pattern("patterns", pattern)


@pytest.mark.parametrize(
    "field, value",
    [
        ("id", "2024-13-45"),
        ("message", "!!int abc"),
        ("level", "1" + "0" * 4300),
        ("type", "[pattern]"),
        ("type", "{a: 1}"),
        ("profiles", "[[ap]]"),
        ("description", "!!float abc"),
        ("quotes", "!!timestamp 2024-13-45"),
        ("patterns", "!!set {[a]: null}"),
    ],
)
def test_yaml_values_a_field_cannot_hold_are_one_error(tmp_path, field, value):
    lines = [
        line if not line.lstrip().startswith(f"{field}:") else line.split(":")[0] + f": {value}"
        for line in RULE.splitlines()
    ]
    if not any(line.lstrip().startswith(f"{field}:") for line in RULE.splitlines()):
        lines.append(f"    {field}: {value}")
    path = tmp_path / "house.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_pack(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:") and "\n" not in message


def test_a_value_error_at_the_command_line_exits_2(tmp_path, cli):
    path = tmp_path / "house.yaml"
    path.write_text(RULE.replace("id: style.x", "id: 2024-13-45"), encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("The minister spoke.\n", encoding="utf-8")
    result = cli("check", "--pack", path, story)
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert result.stderr.decode().strip() == (
        f"newslint: {path}:2: cannot read the value '2024-13-45': month must be in 1..12"
    )


@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_a_pack_that_is_not_a_regular_file_is_refused_without_reading_it(tmp_path, target):
    if target == "fifo":
        target = tmp_path / "pipe"
        os.mkfifo(target)  # opening it would block until a writer came
    elif not os.path.exists(target):
        pytest.skip(f"{target} is not here")
    link = tmp_path / "house.yaml"
    link.symlink_to(target)
    with pytest.raises(RuleError) as caught:
        load_pack(link)
    assert str(caught.value) == f"{link}: cannot read rule pack: not a regular file"
