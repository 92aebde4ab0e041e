"""Fuzz newslint with generated drafts for a time budget, checking properties that must hold for
any input (plain text, Markdown, HTML; both house profiles):

  - linting raises nothing and no rule fails (Result.errors empty);
  - every finding's span lies in the source, and its line/column agree with the text;
  - fixing reaches a fixed point (fix.fix_text says settled);
  - a fix never removes markup (tags, comments) or a suppression directive;
  - a fix never changes a quoted word (plain text, where quotations are the copy's own).

    python benchmarks/fuzz.py --seconds 600            # ten minutes, seed 0
    python benchmarks/fuzz.py --seconds 60 --seed 7    # another stream of drafts

Prints each property broken with the shortest draft that broke it; exit 1 when any was.
Drafts are made here from pieces the project wrote; no corpus text is used.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newslint.config import Config  # noqa: E402
from newslint.fix import fix_text, quoted_words_changed  # noqa: E402
from newslint.linter import Linter  # noqa: E402

WORDS = (
    "the mayor said council plan bridge would be fine officials agreed on Friday Smith Jane "
    "Okafor ISIS Daesh U.S. per cent 4.5% about 300 people it was the the a an"
).split()
PUNCT = [
    " , ",
    " .",
    ", ",
    ". ",
    " ; ",
    " - ",
    " -- ",
    "!",
    "?",
    " : ",
    "...",
    " '",
    "' ",
    ' "',
    '" ',
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    " \u2019s ",
    "(",
    ")",
    "  ",
    "\t",
    "don't ",
]
DIRECTIVES = [
    "<!-- newslint-disable -->",
    "<!-- newslint-enable -->",
    "<!-- newslint-disable-next-line -->",
    "[newslint: disable]",
    "[newslint: enable]",
    "[newslint: disable-next-line punctuation]",
]
MARKDOWN = ["**", "*", "_", "`", "[a link](http://x.org)", "<!-- a note -->", "<b>", "</b>", "# ", "> ", "- "]
HTML = [
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<!-- a note -->",
    "&amp;",
    "&nbsp;",
    "<br>",
    "<span></span>",
    "<![img x]>",
    "<h2>",
    "</h2>",
    "<a href='x'>",
    "</a>",
]
LINE_ENDS = ["\n", "\n\n", "\r\n", "\r\n\r\n"]
HEADLINES = ["Council backs the bridge plan", "Mayor quits", "Vote set for Friday"]

MARKUP = re.compile(r"<!--.*?-->|<[^<>]*>|\[newslint:[^\]\n]*\]", re.S)


def draft(rng: random.Random, kind: str) -> str:
    parts = [rng.choice(HEADLINES), rng.choice(LINE_ENDS[1::2])]
    extra = {"markdown": MARKDOWN, "html": HTML}.get(kind, [])
    for _ in range(rng.randint(5, 60)):
        roll = rng.random()
        if roll < 0.55:
            parts.append(rng.choice(WORDS) + " ")
        elif roll < 0.8:
            parts.append(rng.choice(PUNCT))
        elif roll < 0.86:
            parts.append(rng.choice(DIRECTIVES))
        elif roll < 0.93 and extra:
            parts.append(rng.choice(extra))
        else:
            parts.append(rng.choice(LINE_ENDS))
    text = "".join(parts)
    return (
        f"<html><body><h1>{parts[0]}</h1>{text[len(parts[0]) :]}</body></html>"
        if kind == "html" and rng.random() < 0.5
        else text
    )


def _line_col(source: str, offset: int) -> tuple[int, int]:
    """The oracle: lines end at \\n, \\r\\n or a lone \\r; columns count characters. (An
    offset between the \\r and \\n of one line end belongs to the line they end.)"""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n?|\n", source) if m.end() <= offset]
    return len(starts), offset - starts[-1] + 1


def check(linter: Linter, text: str, kind: str) -> list[str]:
    """The properties broken by one draft (names of them)."""
    path = {"text": "draft.txt", "markdown": "draft.md", "html": "draft.html"}[kind]
    broken = []
    result = linter.lint_text(text, path)
    if result.errors:
        broken.append("rule error: " + result.errors[0].split(": ", 1)[-1][:80])
    for f in result.findings:
        if not (0 <= f.start <= f.end <= len(text)):
            broken.append(f"span outside the text ({f.rule})")
        elif (f.line, f.column) != _line_col(text, f.start) or (f.end_line, f.end_column) != _line_col(text, f.end):
            broken.append(f"line/column disagree with the text ({f.rule})")
    fixed = fix_text(linter, text, path, unsafe=True)
    if not fixed.settled:
        broken.append("fixes did not settle")
    if MARKUP.findall(text) != MARKUP.findall(fixed.text) and kind != "text":
        broken.append("a fix removed or changed markup")
    directives = [m for m in MARKUP.findall(text) if "newslint" in m]
    if directives != [m for m in MARKUP.findall(fixed.text) if "newslint" in m]:
        broken.append("a fix removed or changed a directive")
    if kind == "text" and quoted_words_changed(text, fixed.text):
        broken.append("a fix changed a quoted word")
    return broken


def run(seconds: float, seed: int = 0, *, log=print) -> dict[str, tuple[str, str]]:
    """Fuzz for `seconds`; return {property broken: (kind, shortest draft)}."""
    rng = random.Random(seed)
    linters = {profile: Linter(Config(profile=profile)) for profile in ("ap", "british")}
    found: dict[str, tuple[str, str]] = {}
    deadline, tried = time.monotonic() + seconds, 0
    while time.monotonic() < deadline:
        kind = rng.choice(("text", "markdown", "html"))
        profile = rng.choice(("ap", "british"))
        text = draft(rng, kind)
        tried += 1
        try:
            broken = check(linters[profile], text, kind)
        except Exception as e:  # the first property: nothing raises
            broken = [f"raised {e.__class__.__name__}: {traceback.format_exc(limit=-1).splitlines()[-3].strip()[:80]}"]
        for name in broken:
            if name not in found or len(text) < len(found[name][1]):
                found[name] = (f"{kind}/{profile}", text)
    log(f"fuzz: {tried} drafts in {seconds:.0f} s (seed {seed}); {len(found)} properties broken")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    found = run(args.seconds, args.seed)
    for name, (where, text) in sorted(found.items()):
        print(f"\n{name} [{where}]:\n  {text!r}")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
