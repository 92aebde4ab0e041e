"""Where the time goes: per-rule timings for `newslint check --statistics`.

The engine adds each rule's time and findings to a RuleStats when it is given one (and pays
nothing when it is not). Analyses that several rules share (sentences, quotations, people,
story dates) are computed once per document and would otherwise be charged to whichever rule
asks first, so with statistics on they are computed up front and reported on rows of their own,
in parentheses, with the document build (markup, paragraphs, headline). Findings are counted
as the rules make them, before suppression comments take any away.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from time import perf_counter


def _people(doc):
    from .document.people import find_people

    return doc.memo(find_people)


# Shared analyses of a Document, timed on their own rows (they are cached on the Document).
SHARED = (
    ("(sentences)", lambda doc: doc.sentences),
    ("(quotations)", lambda doc: doc.quote_scan),
    ("(story dates)", lambda doc: doc.story_dates),
    ("(people)", _people),
)
DOCUMENT = "(document)"


@dataclass
class RuleStats:
    seconds: dict[str, float] = field(default_factory=dict)
    findings: dict[str, int] = field(default_factory=dict)
    documents: int = 0
    words: int = 0

    def add(self, name: str, seconds: float, findings: int = 0) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds
        self.findings[name] = self.findings.get(name, 0) + findings

    def add_document(self, doc) -> None:
        """Count the document, and time the analyses the rules share."""
        self.documents += 1
        self.words += len(doc.text.split())
        for name, analyse in SHARED:
            started = perf_counter()
            analyse(doc)
            self.add(name, perf_counter() - started)

    def take(self) -> RuleStats:
        """The figures so far, leaving this one empty (a worker sends them after each chunk)."""
        taken = RuleStats(self.seconds, self.findings, self.documents, self.words)
        self.seconds, self.findings, self.documents, self.words = {}, {}, 0, 0
        return taken

    def merge(self, other: RuleStats) -> None:
        """Add the figures of another process (checking with -j)."""
        for name, seconds in other.seconds.items():
            self.add(name, seconds, other.findings.get(name, 0))
        self.documents += other.documents
        self.words += other.words

    def table(self) -> str:
        """Rules by time spent, most first, then a total line."""
        total = sum(self.seconds.values())
        lines = [f"{'ms':>10} {'share':>6} {'findings':>9}  rule"]
        for name, seconds in sorted(self.seconds.items(), key=lambda item: (-item[1], item[0])):
            share = seconds / total if total else 0.0
            lines.append(f"{seconds * 1000:10.1f} {share:6.1%} {self.findings[name]:9d}  {name}")
        rate = f", {self.words / total:,.0f} words/s" if total else ""
        lines.append(
            f"{total * 1000:10.1f} {1:6.0%} {sum(self.findings.values()):9d}  "
            f"total: {self.documents} documents, {self.words:,} words{rate}"
        )
        return "\n".join(lines)
