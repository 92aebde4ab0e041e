"""pattern: report every match of a regular expression.

What it does
    Reports each match of one or more regular expressions (Python `regex` syntax), with an
    optional replacement offered as a fix.

Why is this bad
    Whatever the house says: the pattern is the rule author's judgement.

Example
    patterns: ["\\bvery unique\\b"]

Use instead
    Prefer `substitution` for word swaps and `consistency` for name variants: they know about
    word boundaries, case and quotations.

Options
    patterns      a regular expression or a list of them
    ignore_case   match regardless of case (default false)
    replace       replacement template (\\1 or \\g<name> for groups) offered as the fix
    skip_shouting leave all-capital paragraphs alone (default true)
    requires      words or phrases every match contains (one at least): a story without any of
                  them is not scanned, which keeps a rare pattern cheap (default: scan every story)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

from ..model import Edit, Hit
from .base import OptionError, RuleType, compile_pattern, finditer, string_list
from .literals import prefilter
from .wordset import WordFilter

_GROUP_REF = regex.compile(r"\\(\d+)|\\g<(\w+)>")


@dataclass
class Options:
    patterns: Any
    ignore_case: bool = False
    replace: str | None = None
    skip_shouting: bool = True
    requires: Any = None
    compiled: list = field(init=False, repr=False)

    def __post_init__(self):
        self.prefilter = None if self.requires is None else WordFilter(string_list("requires", self.requires))
        self.compiled = [
            compile_pattern("patterns", p, ignore_case=self.ignore_case) for p in string_list("patterns", self.patterns)
        ]
        self.literals = prefilter(string_list("patterns", self.patterns))  # not an option
        if self.replace is not None:
            if not isinstance(self.replace, str):
                raise OptionError("replace", "must be a string")
            for pattern in self.compiled:  # a group the pattern lacks would fail on every match
                for ref in _GROUP_REF.finditer(self.replace):
                    name = ref.group(1) or ref.group(2)
                    if (int(name) > pattern.groups) if name.isdigit() else name not in pattern.groupindex:
                        raise OptionError(
                            "replace", f"refers to group {name!r}, which {pattern.pattern!r} does not have"
                        )


def check(doc, options: Options):
    if options.prefilter is not None and not options.prefilter.may_occur(doc):
        return
    if not options.literals.may_match(doc.folded):
        return
    reported = set()  # two of a rule's patterns may match one span: it is one finding
    for pattern in options.compiled:
        for m in finditer(pattern, doc.text):
            if m.end() == m.start() or m.span() in reported:
                continue
            reported.add(m.span())
            if options.skip_shouting and doc.is_shouting(doc.paragraph_index(m.start())):
                continue
            fields = {"found": m.group()}
            edits = ()
            if options.replace is not None:
                fields["replacement"] = replacement = m.expand(options.replace)
                edits = (Edit(m.start(), m.end(), replacement),)
            yield Hit(m.start(), m.end(), fields, edits)


TYPE = RuleType("pattern", Options, check, ("found", "replacement"), __doc__, fix="unsafe")
