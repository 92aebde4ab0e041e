"""The command line contract: formats, exit codes, bad input."""

import json

DRAFT = "Storm hits coast\n\nThe the storm made landfall on Tuesday night.\n"
CLEAN = "Storm hits coast\n\nThe storm made landfall on Tuesday night, forecasters said.\n"


def test_json_contract(cli, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    result = cli("check", "--format", "json", path)
    assert result.returncode == 1
    [finding] = json.loads(result.stdout)
    assert {k: finding[k] for k in ("line", "column", "end_line", "end_column", "rule", "category", "severity")} == {
        "line": 3,
        "column": 1,
        "end_line": 3,
        "end_column": 8,
        "rule": "repetition.doubled-word",
        "category": "repetition",
        "severity": "error",
    }
    assert finding["fix"] == [{"start": 21, "end": 25, "replacement": ""}]


def test_clean_file_exits_zero_and_text_format_marks_the_span(cli, tmp_path):
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    assert cli("check", tmp_path / "clean.txt").returncode == 0
    out = cli(tmp_path / "draft.txt").stdout.decode()
    assert "draft.txt:3:1: error repetition.doubled-word Doubled word: 'The the'." in out
    assert "    ^^^^^^^\n" in out


def test_stdin(cli):
    result = cli("check", "--format", "json", "-", input=DRAFT.encode())
    assert json.loads(result.stdout)[0]["path"] == "<stdin>"


def test_folders_are_recursed_for_drafts(cli, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "two.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")
    paths = {f["path"] for f in json.loads(cli("check", "-f", "json", tmp_path).stdout)}
    assert {p.rsplit("/", 1)[-1] for p in paths} == {"one.md", "two.txt"}


def test_bad_files_get_one_line_each_and_the_rest_are_checked(cli, tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 opens\n".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"GIF89a\x00\x01")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text(DRAFT, encoding="utf-8")
    result = cli("check", "-f", "json", tmp_path)
    assert result.returncode == 2
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 2
    assert "latin1.txt: not valid UTF-8 (byte 0xe9 at offset 3)" in errors[1]
    assert "binary.txt: binary file, not text (NUL byte at offset 6)" in errors[0]
    assert [f["rule"] for f in json.loads(result.stdout)] == ["repetition.doubled-word"]


def test_utf16_with_bom_is_read(cli, tmp_path):
    (tmp_path / "u16.txt").write_bytes(DRAFT.encode("utf-16"))
    assert json.loads(cli("check", "-f", "json", tmp_path / "u16.txt").stdout)[0]["line"] == 3


def test_missing_file_and_bad_options_exit_two(cli, tmp_path):
    assert cli("check", tmp_path / "nope.txt").returncode == 2
    assert cli("check", "--profile", "nyt", "x.txt").returncode == 2
    bad = cli("check", "--select", "nosuchrule", "-")
    assert bad.returncode == 2 and "no rule or category named 'nosuchrule'" in bad.stderr.decode()


def test_broken_user_pack_is_a_clear_error(cli, tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text("rules:\n  - id: style.x\n    type: nope\n    message: m\n", encoding="utf-8")
    result = cli("check", "--pack", pack, "-", input=b"text")
    assert result.returncode == 2
    assert result.stderr.decode().startswith(f"newslint: {pack}:3: rule 'style.x': type: unknown rule type 'nope'")


def test_select_ignore_and_min_level(cli):
    text = b"Prices rose\n\nThe the index was 4.5% in May, the highest in a decade.\n"

    def rules(*a):
        return {f["rule"] for f in json.loads(cli("check", "-f", "json", *a, "-", input=text).stdout)}

    assert rules() == {"repetition.doubled-word", "attribution.unsourced-figure"}
    assert rules("--select", "attribution") == {"attribution.unsourced-figure"}
    assert rules("--ignore", "repetition.doubled-word") == {"attribution.unsourced-figure"}
    assert rules("--min-level", "warning") == {"repetition.doubled-word"}


def test_info_findings_do_not_fail(cli):
    result = cli("check", "-", input=b"Prices rose\n\nThe index was 4.5% in May, the highest in a decade.\n")
    assert result.returncode == 0 and "attribution.unsourced-figure" in result.stdout.decode()


def test_rules_and_explain(cli):
    assert "quotes.unclosed" in cli("rules").stdout.decode()
    out = cli("explain", "quotes.punctuation-outside").stdout.decode()
    assert "What it does" in out and "That still leaves half" in out
    assert cli("explain", "nope.nope").returncode == 2


def test_test_rules_reports_a_failing_example(cli, tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text(
        """rules:
  - id: style.towards
    type: substitution
    message: "Use '{replacement}'."
    swap: {towards: toward}
    examples: {bad: ["He walked toward it."], good: ["He walked toward it."]}
""",
        encoding="utf-8",
    )
    result = cli("test-rules", pack)
    assert result.returncode == 1 and "bad example not reported" in result.stdout.decode()
