"""Which rules can judge one paragraph on its own.

LibreOffice, like most LanguageTool clients built into word processors, sends a document one
paragraph at a time. A rule that needs the whole story (the headline, who was introduced
earlier, which name the story used first, the story's dates, a quotation carried over from the
paragraph before) would guess about a paragraph alone, and a guess is a false alarm. Those rules
say nothing for such a request; every rule whose judgement stays inside one paragraph still runs.

Decided per rule type (and, for types that hold several problems, per problem), so a house pack's
rules are sorted the same way as the built-in ones. A type this module does not know is treated
as story-level: silence is the safe default.
"""

from __future__ import annotations

# Rule types whose every rule judges text within a paragraph: a pattern, a word swap, a stray
# space, a figure and the sentence before it, a line of page furniture.
PARAGRAPH_TYPES = frozenset({"pattern", "substitution", "punctuation", "attribution", "boilerplate"})
# Problems of the multi-problem types that need the story around them.
STORY_PROBLEMS = {
    # A paragraph that opens a quotation and does not close it is right when the next one opens
    # again (a multi-paragraph quote); single marks are judged against the story's habit.
    "quotes": ("problem", frozenset({"unclosed", "single-marks"})),
    "dates": ("problem", frozenset({"story-dates"})),  # a weekday is checked against its own date
    "repetition": ("unit", frozenset({"sentence", "paragraph"})),  # a doubled word is local
}


def judges_paragraph(rule) -> bool:
    """Can `rule` report on a paragraph sent without the rest of its story, without guessing?"""
    name = rule.type.name
    if name in PARAGRAPH_TYPES:
        return True
    if name in STORY_PROBLEMS:
        option, story_level = STORY_PROBLEMS[name]
        return getattr(rule.options, option, None) not in story_level
    if name == "consistency":
        # With a house form, two forms inside the paragraph are a real mix and the fix is the
        # house form; without one, "the story's first form" may lie in an earlier paragraph.
        return bool(getattr(rule.options, "prefer", None) or getattr(rule.options, "always", False))
    return False  # headline, reference, name-spelling, languagetool and any type not known here
