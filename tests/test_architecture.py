"""The house in pipeline order: no import circles, and each stage imports only the stages before
it (docs/architecture.md). Imports inside functions count too: a lazy import is still a dependency."""

import ast
import functools
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "newslint"

# Stages in pipeline order; a module may import its own stage and the stages before it.
STAGES = [
    "version",
    "model",
    "source",
    "document",
    "grammar",
    "checks",
    "packs",
    "config",
    "suppress",
    "stats",
    "engine",
    "linter",
    "fix",
    "rule_examples",
    "report",
    "schema",
    "lsp",
    "serve",
    "audit",
    "cli",
    "__init__",
    "__main__",
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """The newslint modules `path` imports, resolved to module names."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "newslint")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "newslint":
                continue
            for alias in node.names:  # `from . import suppress` names a module
                candidate = f"{target}.{alias.name}"
                found.add(candidate if module_path(candidate) else target)
    return {m for m in found if module_path(m)}


def module_path(name: str) -> Path | None:
    parts = name.split(".")[1:]
    for candidate in (PACKAGE.joinpath(*parts).with_suffix(".py"), PACKAGE.joinpath(*parts, "__init__.py")):
        if parts and candidate.is_file():
            return candidate
    return PACKAGE / "__init__.py" if not parts else None


@functools.lru_cache(maxsize=1)
def graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) - {module_name(p)} for p in PACKAGE.rglob("*.py")}


def stage(module: str) -> int:
    parts = module.split(".")
    return STAGES.index(parts[1] if len(parts) > 1 else "__init__")


def test_every_module_has_a_stage():
    assert all(stage(m) >= 0 for m in graph())


def test_each_stage_imports_only_earlier_stages():
    wrong = sorted(f"{m} imports {d}" for m, deps in graph().items() for d in deps if stage(d) > stage(m))
    assert wrong == []


def test_no_import_circles():
    edges = graph()
    state: dict[str, int] = {}
    circles = []

    def visit(node, trail):
        state[node] = 1
        for dep in sorted(edges.get(node, ())):
            if state.get(dep) == 1:
                circles.append(" -> ".join(trail[trail.index(dep) :] + [dep]))
            elif dep not in state:
                visit(dep, trail + [dep])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert circles == []


def test_the_walker_sees_lazy_and_relative_imports():
    # Guards the tests above from passing because the walker saw nothing.
    deps = graph()
    assert "newslint.engine" in deps["newslint.linter"]
    assert "newslint.suppress" in deps["newslint.engine"]  # from . import suppress
    assert "newslint.lsp" in deps["newslint.cli.main"]  # imported inside a function


# -- one place for each idea -----------------------------------------------------------------------


def test_a_folder_is_checked_for_exactly_the_suffixes_a_named_file_is(tmp_path):
    from newslint.source import SUFFIXES, iter_files, kind_for

    names = [f"draft{suffix}" for suffix in SUFFIXES] + ["notes.rst", "photo.jpg"]
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = {p.rsplit("/", 1)[-1] for p in iter_files([tmp_path])}
    assert found == {f"draft{suffix}" for suffix in SUFFIXES}
    assert {".mkd", ".xhtml"} <= set(SUFFIXES)  # once named files only (a folder skipped them)
    assert kind_for("draft.mkd") == "markdown" and kind_for("DRAFT.XHTML") == "html"


def test_a_doubled_word_in_a_mkd_draft_is_found_through_its_folder(tmp_path, cli):
    (tmp_path / "story.mkd").write_text("# Vote\n\nThe the council met.\n", encoding="utf-8")
    result = cli("check", "--format", "json", str(tmp_path))
    assert result.returncode == 1
    assert "repetition.doubled-word" in result.stdout.decode()


def test_explain_prints_the_rule_s_own_doc_only(cli):
    out = cli("explain", "quotes.unclosed").stdout.decode()
    assert "opens a quotation that never closes" in out
    assert "apostrophe" not in out.split("Options")[0]  # not the other nine problems of the type
    assert '"That still leaves half", he said.' not in out  # another rule's example


def test_every_rule_of_a_multi_problem_type_has_its_own_doc():
    from newslint.model import PROFILES
    from newslint.packs import load_rules
    from newslint.packs.docs import rule_doc

    for profile in PROFILES:
        for rule in load_rules(profile=profile):
            if rule.type.problems:
                doc = rule_doc(rule)
                assert "What it does" in doc and "Use instead" in doc, rule.id
                assert doc != rule.type.doc
