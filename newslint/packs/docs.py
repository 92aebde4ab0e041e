"""A rule's explanation for places other than the terminal: editor hovers, SARIF, the HTML report.

Everything comes from the rule itself (its YAML fields and its type's docstring), as
`newslint explain` does, so there is no second copy to keep in step.
"""

from __future__ import annotations

import re

from .loader import Rule

_HEADING = re.compile(r"^(What it does|Why is this bad|Example|Use instead|Options)\s*$", re.M)


def type_sections(doc: str) -> dict[str, str]:
    """The docstring's sections ('What it does', 'Why is this bad', ...) by title, dedented."""
    parts = _HEADING.split(doc)
    sections = {"summary": parts[0].strip()}
    for title, body in zip(parts[1::2], parts[2::2]):
        lines = [line[4:] if line.startswith("    ") else line.strip() for line in body.strip("\n").splitlines()]
        sections[title] = "\n".join(lines).strip()
    return sections


def summary(rule: Rule) -> str:
    """One line: the rule's own description, or what its type does."""
    if rule.description:
        return " ".join(rule.description.split())
    sections = type_sections(rule_doc(rule))
    if sections["summary"]:
        return sections["summary"].split(": ", 1)[-1]
    return " ".join(sections.get("What it does", "").split(". ")[0].split()).rstrip(".") + "."


def rule_doc(rule: Rule) -> str:
    """The doc of what this rule reports: its problem's, for a type that reports several."""
    return rule.type.doc_for(rule.options)


def rule_help(rule: Rule) -> str:
    """Markdown: what the rule checks, why it matters, and its own examples."""
    sections = type_sections(rule_doc(rule))
    lines = [f"**{rule.id}** ({rule.level})", "", summary(rule)]
    why = sections.get("Why is this bad")
    if why:
        lines += ["", f"*Why:* {' '.join(why.split())}"]
    bad, good = rule.examples
    for title, texts in (("Reported", bad), ("Not reported", good)):
        if texts:
            lines += ["", f"{title}:"] + [f"- `{' '.join(t.text.split())}`" for t in texts[:3]]
    lines += ["", f"More: `newslint explain {rule.id}`"]
    return "\n".join(lines)
