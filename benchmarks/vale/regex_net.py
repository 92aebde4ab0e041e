"""Python `regex` syntax -> the syntax of Vale's engine (dlclark/regexp2, .NET syntax, RE2 mode).

Vale compiles every rule with regexp2's RE2 option, which makes \\w, \\d and \\s ASCII and `$`
the very end of the text; Python's are Unicode and `$` may stand before a final newline. The
translation keeps Python's meaning:

- \\w \\d \\s (and \\W \\D \\S) become Unicode classes, inside brackets too; a bracket that holds a
  negated one is rewritten by .NET class subtraction (`[^\\W\\d_]` -> `[W-[\\d_]]`, a letter);
- `A\\KB` becomes `(?<=A)B` (\\K only at the top level of a branch; .NET lookbehind may be of
  any length), but when A may run long (`*`, `+`, `{m,}` or a count over 20) it becomes `AB`:
  regexp2 would run the long lookbehind backwards from every position, which made one rule take
  70% of Vale's time; the match then starts earlier (at A) and ends where Python's does;
- a possessive repeat `X*+` becomes an atomic group `(?>X*)`; `{,n}` becomes `{0,n}`;
- `$` outside multi-line mode becomes `(?=\\n?\\z)`, `\\Z` becomes `\\z`;
- \\N{NAME} and \\UXXXXXXXX become the character itself.

What cannot be carried over (recursion, scoped version flags, a \\K inside a group) raises
Untranslatable with the reason.
"""

from __future__ import annotations

import re
import unicodedata

WORD = r"\p{L}\p{Mn}\p{Nd}\p{Pc}"  # Python's \w on str (the regex module adds marks)
DIGIT = r"\p{Nd}"
SPACE = r"\s\x0b\x85\p{Z}"  # Python's \s: RE2's \s lacks \v, NEL and the Unicode spaces
POSITIVE = {"w": WORD, "d": DIGIT, "s": SPACE}
QUANTIFIER = re.compile(r"\*|\+|\?|\{\d*(?:,\d*)?\}")


class Untranslatable(ValueError):
    """A Python pattern Vale's engine cannot be given."""


def translate(pattern: str, *, multiline: bool = False, notes: list[str] | None = None) -> str:
    """The pattern in .NET syntax, meaning what it means to Python's `regex` module; what is not
    carried over exactly is added to `notes`."""
    if re.search(r"\(\?(?:R|\d+\)|&|P>|V[01]|[a-z]*[Lu])", pattern):
        raise Untranslatable("recursion, version or locale flags")
    multiline = multiline or bool(re.match(r"\(\?[a-zA-Z]*m[a-zA-Z]*\)", pattern))
    return _lift_k(_Translator(pattern, multiline).run(), notes if notes is not None else [])


class _Translator:
    def __init__(self, pattern: str, multiline: bool):
        self.p, self.i, self.multiline = pattern, 0, multiline
        self.out: list[str] = []
        self.atoms: list[int] = []  # where in `out` the last atom starts, per group depth
        self.opens: list[int] = []

    def run(self) -> str:
        p = self.p
        last_atom = None
        while self.i < len(p):
            c = p[self.i]
            start = len(self.out)
            if c == "\\":
                self.out.append(self._escape(in_class=False))
                last_atom = start
            elif c == "[":
                self.out.append(self._klass())
                last_atom = start
            elif c == "(":
                self.opens.append(len(self.out))
                if p.startswith("(?#", self.i):  # a comment: drop it
                    self.i = p.index(")", self.i) + 1
                    self.opens.pop()
                    continue
                self.out.append("(")
                self.i += 1
                last_atom = None
            elif c == ")":
                self.out.append(")")
                self.i += 1
                last_atom = self.opens.pop() if self.opens else None
            elif c == "$" and not self.multiline:
                self.out.append(r"(?=\n?\z)")
                self.i += 1
                last_atom = None
            elif (q := QUANTIFIER.match(p, self.i)) and c in "*+?{" and last_atom is not None:
                text = q.group()
                if text.startswith("{,"):
                    text = "{0" + text[1:]
                self.i = q.end()
                lazy = p[self.i : self.i + 1] == "?"
                possessive = p[self.i : self.i + 1] == "+"
                if lazy:
                    text += "?"
                    self.i += 1
                if possessive:
                    self.i += 1
                    atom = "".join(self.out[last_atom:])
                    del self.out[last_atom:]
                    self.out.append(f"(?>{atom}{text})")
                else:
                    self.out.append(text)
                last_atom = None
            else:
                self.out.append(c)
                self.i += 1
                last_atom = start if c not in "|^" else None
        return "".join(self.out)

    def _escape(self, *, in_class: bool) -> str:
        """The escape at self.i (a backslash), translated; advances past it."""
        p = self.p
        ch = p[self.i + 1 : self.i + 2]
        if not ch:
            raise Untranslatable("a trailing backslash")
        self.i += 2
        if ch.lower() in POSITIVE:
            positive = POSITIVE[ch.lower()]
            if in_class:
                return positive if ch.islower() else f"\\{ch}"  # the caller rewrites negated ones
            return f"[{positive}]" if ch.islower() else f"[^{positive}]"
        if ch == "Z":
            return r"\z"
        if ch == "N" and p[self.i : self.i + 1] == "{":
            end = p.index("}", self.i)
            char = unicodedata.lookup(p[self.i + 1 : end])
            self.i = end + 1
            return re.escape(char)
        if ch == "U":
            char = chr(int(p[self.i : self.i + 8], 16))
            self.i += 8
            return re.escape(char)
        if ch in "pP" and p[self.i : self.i + 1] == "{":
            end = p.index("}", self.i)
            name = p[self.i + 1 : end]
            self.i = end + 1
            return f"\\{ch}{{{name}}}"
        if ch == "K":
            return "\x00K"  # lifted by _lift_k
        return "\\" + ch

    def _klass(self) -> str:
        """The bracket at self.i, translated; advances past it."""
        p = self.p
        self.i += 1
        negated = p[self.i : self.i + 1] == "^"
        self.i += negated
        items: list[str] = []
        negatives: list[str] = []  # \W \D \S inside the bracket
        first = True
        while self.i < len(p) and (p[self.i] != "]" or first):
            c = p[self.i]
            if c == "\\":
                escaped = self._escape(in_class=True)
                if escaped in (r"\W", r"\D", r"\S"):
                    negatives.append(POSITIVE[escaped[1].lower()])
                else:
                    items.append(escaped)
            elif c == "[":
                items.append(r"\[")
                self.i += 1
            else:
                items.append(c)
                self.i += 1
            first = False
        if self.i >= len(p):
            raise Untranslatable("an unclosed bracket")
        self.i += 1  # the closing ]
        rest = "".join(items)
        if not negatives:
            return f"[{'^' if negated else ''}{rest}]"
        if len(negatives) > 1:
            raise Untranslatable("two negated classes in one bracket")
        (positive,) = negatives
        if negated:  # not (not X or R) = X and not R
            return f"[{positive}-[{rest}]]" if rest else f"[{positive}]"
        return f"(?:[^{positive}]|[{rest}])" if rest else f"[^{positive}]"


def _top_level_split(pattern: str, sep: str) -> list[str]:
    """Split at `sep` where it stands outside every group and bracket."""
    parts, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0 and pattern.startswith(sep, i):
            parts.append(pattern[start:i])
            start = i + len(sep)
        i += 1
    parts.append(pattern[start:])
    return parts


_LONG_REPEAT = re.compile(r"[*+]|\{\d*,(?:\d*)\}")


def _runs_long(pattern: str) -> bool:
    """Whether a pattern may match a long text: an open repeat, or a count over 20."""
    plain = re.sub(r"\\.", "", pattern)
    return any(
        m.group() in "*+" or not m.group()[1:-1].split(",")[1] or int(m.group()[1:-1].split(",")[1]) > 20
        for m in _LONG_REPEAT.finditer(plain)
    )


def _lift_k(pattern: str, notes: list[str]) -> str:
    """`A\\KB` -> `(?<=A)B`, branch by branch (`AB` when A may run long)."""
    if "\x00K" not in pattern:
        return pattern
    flags = re.match(r"(?:\(\?[a-zA-Z]+\))*", pattern).group()
    branches = []
    for branch in _top_level_split(pattern[len(flags) :], "|"):
        pieces = _top_level_split(branch, "\x00K")
        if "\x00K" in "".join(pieces):
            raise Untranslatable(r"\K inside a group")
        if len(pieces) == 1:
            branches.append(branch)
        else:
            *before, after = pieces
            before = "".join(before)
            if _runs_long(before):
                notes.append(r"\K dropped (the match starts earlier; a long lookbehind is slow in regexp2)")
                branches.append(before + after)
            else:
                branches.append(f"(?<={before}){after}")
    return flags + "|".join(branches)
