"""The shared nouns every stage uses: levels, categories, profiles, scopes, and what a check
reports (Hit) and newslint tells the user (Finding), with the edits that fix it (Edit)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LEVELS = ("info", "warning", "error")  # in rising order of severity
CATEGORIES = (
    "headline",
    "boilerplate",
    "dates",
    "punctuation",
    "naming",
    "reference",
    "quotes",
    "attribution",
    "repetition",
    "grammar",
    "style",
    "numbers",
    "titles",
    "usage",
    "spelling",
)
# What each category holds, as `newslint rules` heads it: the house's rules read as a style sheet.
CATEGORY_HEADINGS = {
    "headline": "Headlines",
    "boilerplate": "Page furniture left in the copy",
    "dates": "Dates and times",
    "punctuation": "Punctuation and typography",
    "naming": "One name for one thing",
    "reference": "First references",
    "quotes": "Quotation marks",
    "attribution": "Sources and attribution",
    "repetition": "Repeated words and passages",
    "grammar": "Grammar and spelling (LanguageTool)",
    "style": "House style",
    "numbers": "Numbers, money and percentages",
    "titles": "People's titles and ages",
    "usage": "Word usage",
    "spelling": "One spelling per story",
}
PROFILES = ("ap", "british")  # house styles
SCOPES = ("any", "skip", "only")  # where a rule looks: any text, outside direct quotation, inside it
FIX_SAFETY = ("safe", "unsafe", "off")


def level_rank(level: str) -> int:
    return LEVELS.index(level)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace source[start:end] with replacement (character offsets)."""

    start: int
    end: int
    replacement: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


@dataclass(slots=True)
class Hit:
    """A check's raw result, in offsets of Document.text; the engine turns it into a Finding."""

    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)  # values for the message template
    edits: tuple[Edit, ...] = ()  # offsets in Document.text, like start and end


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported problem. Offsets are characters into the original source text;
    line and column are 1-based, end exclusive, columns counted in characters."""

    path: str
    rule: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    fix: tuple[Edit, ...] | None = None
    fix_safe: bool = False

    @property
    def sort_key(self) -> tuple[str, int, str]:
        return (self.path, self.start, self.rule)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract (docs/architecture.md, "Contracts")."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "fix": None if self.fix is None else [e.to_dict() for e in self.fix],
            "fix_safe": self.fix_safe,
        }


class Unavailable(Exception):
    """A rule's outside service (a LanguageTool server, say) cannot be used for this run.

    str() is one line telling the user what to install or configure. The engine reports it as a
    notice, not an error: the other rules' findings stand and the exit code is not changed."""


class InputError(Exception):
    """A file that cannot be linted (or, under --fix, written); str() is the one-line message for
    the user."""
