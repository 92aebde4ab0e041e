"""Write a Vale style that does the work of newslint's default packs, as far as Vale can say it.

    python benchmarks/vale/make_style.py                  # ap -> benchmarks/vale/styles/NewslintPacks/
    python benchmarks/vale/make_style.py --profile british --out /tmp/style
    python benchmarks/vale/make_style.py --check          # also run Vale on each rule's examples
    python benchmarks/vale/make_style.py --cost DIR       # CPU time of each rule alone over DIR/*.txt

The rules come from newslint's own loader (Config + Linter: the ids, types and parsed options
the engine runs), so the style follows the packs when they change; nothing here is written by
hand per rule except the approximations below, each named for the code it stands for. One
Vale rule per newslint rule:

- pattern, boilerplate             -> existence (raw regexes, translated by regex_net.py)
- substitution                     -> substitution (swap)
- spelling                         -> substitution to the house side (`prefer`), or consistency
                                      of one side against the others when the house is the
                                      story's first side
- consistency                      -> substitution when every other form is always wrong
                                      (`always`), else consistency: each name against the others
- repetition (doubled words)       -> repetition
- first-use (acronyms)             -> conditional
- punctuation, vague-source, capitalization (titles)
                                   -> existence with the regex the check's code scans with
- numbers, times, date-style, quotes
                                   -> existence with a regex for the candidates the check judges
                                      (APPROXIMATIONS below: these report more than newslint,
                                      which then reads the context)
- the rest                         -> skipped, with the reason (SKIPPED)

Vale cannot see quotations (newslint's `quotes: skip`), all-capital paragraphs, the headline
or the story's body, so the translated rules report in places newslint passes over. The
style is for measuring speed on equal work, not a replacement for newslint.

Prints a table of rules translated and skipped by newslint type. With --check, each rule is
loaded by Vale on its own and run over its examples (the packs' own text): a rule Vale rejects
is dropped from the style and listed; the table says how many bad examples each type's rules
still report, and how many good ones they report too (what newslint's context reading spares). Exit 0, or 2 when Vale rejected a rule or is missing for --check.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from regex_net import Untranslatable, translate  # noqa: E402

STYLE = "NewslintPacks"
LEVELS = {"error": "error", "warning": "warning", "info": "suggestion"}
# newslint's whole-word boundaries (checks/base.py word_pattern), already in .NET syntax.
WORD = r"\p{L}\p{Mn}\p{Nd}\p{Pc}"
BEFORE = rf"(?<![{WORD}.])"
AFTER = rf"(?![{WORD}]|\.[{WORD}])"

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
SMALL = "one|two|three|four|five|six|seven|eight|nine"
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
AMPM = r"[aApP](?:\.[ \t]?[mM]\.?|[mM](?![\w.]))"
# Candidates a code-driven check judges, in Python syntax (translated like the packs' own).
# Keyed by newslint type and the rule's `problem`; each follows the check's regex or its doc.
APPROXIMATIONS = {
    ("numbers", "small-figure"): r"(?<![\w.,:/$£€¥#-])[1-9](?![\w.,:/%-]|\s*(?:%|percent|per cent|a\.m|p\.m))",
    (
        "numbers",
        "spelled-large",
    ): rf"(?i)\b(?:ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:{TENS})(?:-(?:{SMALL}))?)\b",
    ("numbers", "sentence-start"): r"(?m)(?:^|(?<=[.?!][\"”]? ))\d[\d,.]*\b",
    (
        "numbers",
        "age",
    ): rf"(?i)\b(?:{SMALL})(?:-(?:year|month|week|day)s?-old\b|\s+(?:years?|months?)\s+old\b)|\baged\s+(?:{SMALL})\b",
    ("numbers", "percent"): rf"(?i)\b(?:\d+(?:\.\d+)?|{SMALL}|ten)(\s?-?\s?)(percent|per\s+cent|pct)\b(?!age)",
    ("numbers", "money-unit"): r"[$£€¥]\d+(?:\.\d+)?(?:\s?(?:m|mn|bn|tn)\b(?!\.\w))",
    ("numbers", "round-figure"): r"\b\d{1,3}(?:,000){2,}\b(?!,\d)",
    (
        "numbers",
        "ordinal",
    ): r"(?i)\b[1-9](?:st|nd|rd|th)\b|\b(?:tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ieth)\b",
    ("numbers", "decade"): r"\b(?:1\d|20)?\d0['’]s\b",
    (
        "numbers",
        "range",
    ): r"\b(?:[Ff]rom|[Bb]etween)\s+[$£€¥]?\d+(?:,\d{3})*(?:\.\d+)?\s?[-–]\s?\d+(?:,\d{3})*(?:\.\d+)?(?![\w-]|[.,]\d)",
    (
        "numbers",
        "currency-word",
    ): r"(?i)[$£€¥]\d[\d,.]*(?:\s?(?:m|bn|million|billion|trillion))?\s+(?:dollars?|pounds?|euros?|yen)\b",
    (
        "times",
        "form",
    ): rf"(?<![\w.:,£$€])(?:[01]?\d|2[0-4])(?:[:.][0-5]\d)?(?:[ \t]?(?![ap]\.m\.)(?:{AMPM})|(?<=\d)[ap]\.m\.)|(?<![\w.:])(?:[01]?\d|2[0-4])\.[0-5]\d[ \t]?[ap]\.m\.",
    ("times", "on-the-hour"): rf"(?<![\w.:,£$€])(?:[01]?\d|2[0-4])[:.]00[ \t]?(?:{AMPM})",
    ("times", "noon"): r"(?<![\w.:,£$€])12(?:[:.]00)?[ \t]?(?:[aApP]\.?[mM]\.?(?!\w)|noon\b|midnight\b)",
    (
        "times",
        "redundant",
    ): rf"(?:{AMPM}|\bnoon|\bmidnight)[ \t]+(?:in[ \t]+the[ \t]+(?:morning|afternoon|evening|night)|this[ \t]+(?:morning|afternoon|evening)|tonight|at[ \t]+night)\b",
    (
        "date-style",
        "month-form",
    ): r"\b(?:(?:January|February|August|September|October|November|December)|(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)(?!\.)|Sep\.?|(?:Mar|Apr|Jun|Jul)\.?)[ \t]+\d{1,2}(?!\d)",
    ("date-style", "month-year"): rf"\b(?:{MONTH_ABBR})\.?,?[ \t]+(?:1[89]|20)\d\d\b",
    ("date-style", "month-year-comma"): rf"\b(?:{MONTHS}|(?:{MONTH_ABBR})\.?),[ \t]+(?:1[89]|20)\d\d\b(?![,.]\d)",
    (
        "date-style",
        "ordinal",
    ): rf"\b(?:{MONTHS}|(?:{MONTH_ABBR})\.?)[ \t]+\d{{1,2}}(?:st|nd|rd|th)\b|\b\d{{1,2}}(?:st|nd|rd|th)[ \t]+of[ \t]+(?:{MONTHS})\b",
    ("date-style", "order"): rf"\b\d{{1,2}}[ \t]+(?:{MONTHS}|(?:{MONTH_ABBR})\.?)(?:,?[ \t]+(?:1[89]|20)\d\d)?\b",
    ("quotes", "apostrophe"): r"(?<=[a-z]s)\"(?=[ \t]+[a-z])|(?<=\b[A-Z]{2,})\"(?=[ \t]+[a-z])",
    ("quotes", "backwards"): r"(?:^|(?<=[\s(]))”(?=\w)|(?<=\w)“(?=[\s.,;:!?)]|$)",
    ("quotes", "space-inside"): r"(?:^|(?<=[\s(]))[\"“][ \t]+(?=\w)|(?<=[\w.,!?])[ \t]+[\"”](?=[\s.,;:!?)]|$)",
    ("quotes", "two-singles"): r"''|‘‘|’’",
    ("quotes", "spaced-apostrophe"): r"(?<=\w)[ \t]+['’](?:s|t|re|ve|ll|d|m)\b",
    ("quotes", "doubled"): r"\"\"|““|””",
    ("quotes", "punctuation-outside"): r"(?<=[\w!?])[\"”][.,]",
}
# Types (or problems) Vale has nothing for, and why.
SKIPPED = {
    "attribution": "a figure with no source in its sentence or the next: Vale cannot look for an absence around a match",
    "dates": "calendar arithmetic (the weekday of a date, a 30 February, two dates of one story)",
    "dateline": "compares the dateline with the story's publication date",
    "serial-comma": "tells a series from clauses and asides by the words of its items (verbs, names, appositions)",
    "furniture": "menus, link lists and repeated bylines are runs of lines, not a pattern",
    "headline": "compares the headline with the story's other lines",
    "site-name": "reads the headline only; a plain-text file has no headline for Vale",
    "name-spelling": "names the story spells two ways by edit distance",
    "name-case": "a name the story writes in two cases",
    "spelled-two-ways": "a name the story writes with and without accents or capitals",
    "reference": "the order in which the story introduces people",
    ("repetition", "paragraph"): "Vale's repetition compares neighbouring words, not paragraphs",
    ("repetition", "sentence"): "Vale's repetition compares neighbouring words, not sentences",
    ("capitalization", "headline-sentence-case"): "reads the headline only; a plain-text file has no headline for Vale",
    ("capitalization", "headline-title-case"): "reads the headline only; a plain-text file has no headline for Vale",
    ("quotes", "unclosed"): "pairs quotation marks across the story",
    ("quotes", "unopened"): "pairs quotation marks across the story",
    ("quotes", "mixed-marks"): "counts the story's quotations of each kind",
    ("quotes", "single-marks"): "pairs single marks into quotations",
}


def problem_of(rule) -> str | None:
    """The problem a multi-problem type's rule reports (repetition calls it `unit`)."""
    options = rule.options
    return getattr(options, "problem", None) or getattr(options, "unit", None)


def vale_message(rule) -> str:
    """newslint's message with its placeholders dropped: Vale fills only %s, with the match."""
    text = re.sub(r"'?\{(\w+)\}'?", "%s", rule.message.split(";")[0].strip(), count=1)
    return re.sub(r"\{\w+\}", "…", text)


def literal(text: str) -> str:
    """A phrase as a .NET pattern, character for character (newslint escapes its word lists)."""
    return re.sub(r"([\\.^$|?*+()\[\]{}#])", r"\\\1", text)


def bounded(form: str) -> str:
    """A form as a whole word, or a run of marks that is not part of a longer run (spelling)."""
    if re.match(r"\w", form):
        left = BEFORE
    else:
        left = f"(?<!{literal(form[0])})"
    right = AFTER if re.search(r"\w$", form) else f"(?!{literal(form[-1])})"
    return f"{left}{literal(form)}{right}"


def base(rule, extends: str) -> dict:
    return {
        "extends": extends,
        "message": vale_message(rule) if extends != "consistency" else "'%s' and '%s': one story, one form.",
        "level": LEVELS[rule.level],
        "link": f"newslint:{rule.id}",
    }


# -- one translator per newslint type: rule -> the Vale rule (a mapping) ---------------------------


NOTES: dict[str, list[str]] = defaultdict(list)  # rule id -> what its translation does not carry over


def existence(rule, patterns, *, ignore_case=False, flags=0, scope=None) -> dict:
    raws = [translate(p, multiline=bool(flags & re.MULTILINE), notes=NOTES[rule.id]) for p in patterns]
    raw = "|".join(f"(?:{r})" for r in raws) if len(raws) > 1 else raws[0]
    vale = base(rule, "existence")
    vale.update({"nonword": True, "raw": [("(?i)" if ignore_case else "") + raw]})
    if scope:
        vale["scope"] = scope
    return vale


def from_pattern(rule) -> dict:
    return existence(
        rule,
        list(rule.options.patterns if not isinstance(rule.options.patterns, str) else [rule.options.patterns]),
        ignore_case=rule.options.ignore_case,
    )


def from_boilerplate(rule) -> dict:
    # A whole line of at most `max_words` words, matched ignoring case (checks/boilerplate.py).
    alternatives = "|".join(
        f"(?:{line})" for line in ([rule.options.lines] if isinstance(rule.options.lines, str) else rule.options.lines)
    )
    return existence(rule, [rf"(?m)^[^\S\n]*(?:{alternatives})[^\S\n]*$"], ignore_case=True, scope="raw")


def substitution(rule, swap: dict, *, ignore_case: bool, before: str = "") -> dict:
    vale = base(rule, "substitution")
    vale["message"] = "Use '%s' instead of '%s'."
    vale.update(
        {
            "nonword": True,
            "ignorecase": ignore_case,
            "swap": {f"{before}{BEFORE}{literal(found)}{AFTER}": use for found, use in swap.items()},
        }
    )
    return vale


def from_substitution(rule) -> dict:
    o = rule.options
    before = f"(?<!{translate(o.unless_after, notes=NOTES[rule.id])})" if o.unless_after else ""
    return substitution(rule, o.swap, ignore_case=o.ignore_case, before=before)


def consistency(rule, sides: list[list[str]], *, ignore_case: bool, bound=None, after: str = "") -> dict:
    """Each side (a list of patterns) against all the later ones: Vale reports a story that holds
    both. `bound` puts whole-word boundaries around an alternation (once, not per form)."""

    def alternation(forms):
        inner = "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"
        return (bound(inner) if bound else inner) + after

    vale = base(rule, "consistency")
    either = {}
    for i, side in enumerate(sides[:-1]):
        either[alternation(side)] = alternation([f for later in sides[i + 1 :] for f in later])
    vale.update({"nonword": True, "ignorecase": ignore_case, "either": either})
    return vale


def whole_words(alternation: str) -> str:
    return f"{BEFORE}{alternation}{AFTER}"


def from_consistency(rule) -> dict:
    o = rule.options
    keep = f"(?![ \\t]+(?:{'|'.join(map(literal, o.keep_before))})\\b)" if o.keep_before else ""
    if o.always:
        swap = {v: o.prefer for v in o.variants if v != o.prefer}
        return substitution(rule, swap, ignore_case=o.ignore_case)
    sides = [[literal(v)] for v in o.variants]
    return consistency(rule, sides, ignore_case=o.ignore_case, bound=whole_words, after=keep)


def from_spelling(rule) -> dict:
    o = rule.options
    # With a house side, every form off it to its house form: newslint reports those only in a
    # story that mixes sides (or, `unmixed`, keeps off the house side), which Vale cannot ask,
    # but it is Vale's cheaper check (literal prefilter) for the same scan: a consistency pair
    # of the two sides cost Vale 60% more on these rules.
    if o.prefer is not None:
        house = o.sides.index(o.prefer)
        swap = {}
        for row in o.rows:
            for side, form in enumerate(row):
                if side != house and form and row[house]:
                    swap[form] = row[house]
        if all(re.fullmatch(r"[\w' -]+", f) for f in swap):
            return substitution(rule, swap, ignore_case=o.capitals)
    # No house side (the story's first side is the house's): a story that uses two sides.
    words = all(re.fullmatch(r"[\w' -]+", f) for row in o.rows for f in row if f)
    sides = [[(literal if words else bounded)(row[s]) for row in o.rows if row[s]] for s in range(len(o.sides))]
    return consistency(rule, [s for s in sides if s], ignore_case=o.capitals, bound=whole_words if words else None)


def from_repetition(rule) -> dict:
    vale = base(rule, "repetition")
    vale.update({"alpha": True, "ignorecase": True, "tokens": [r"[^\s]+"]})
    return vale


def from_first_use(rule) -> dict:
    # The acronym Vale's own styles use, and newslint's list of acronyms that need no expansion.
    if not rule.options.unexplained:
        NOTES[rule.id].append(
            "Vale's conditional reports every acronym never spelled out; newslint only one spelled out later"
        )
    vale = base(rule, "conditional")
    vale["message"] = "Spell out '%s' where the story first uses it."
    n = max(2, getattr(rule.options, "min_length", 3))
    vale.update(
        {
            "ignorecase": False,
            "first": rf"\b([A-Z]{{{n},6}})\b",
            "second": rf"(?:\b[A-Z][a-z]+[ -]+(?:(?:of|for|and|the|on|in|to)[ -]+)*){{2,}}\(([A-Z]{{{n},6}})\)",
            "exceptions": sorted(a for a in rule.options.known if a.isupper()),
        }
    )
    return vale


def from_compiled(rule) -> dict:
    """Types whose options compile the regex the check scans with (vague-source, titles)."""
    pattern = rule.options.pattern
    return existence(rule, [pattern.pattern], ignore_case=bool(pattern.flags & re.IGNORECASE))


def from_punctuation(rule) -> dict:
    from newslint.checks.punctuation import _PATTERNS

    pattern = _PATTERNS[rule.options.problem]
    return existence(rule, [pattern.pattern], flags=pattern.flags)


def from_approximation(rule) -> dict:
    return existence(rule, [APPROXIMATIONS[(rule.type.name, problem_of(rule))]])


TRANSLATORS = {
    "pattern": (from_pattern, "existence"),
    "boilerplate": (from_boilerplate, "existence"),
    "substitution": (from_substitution, "substitution"),
    "spelling": (from_spelling, "substitution/consistency"),
    "consistency": (from_consistency, "consistency/substitution"),
    "repetition": (from_repetition, "repetition"),
    "first-use": (from_first_use, "conditional"),
    "vague-source": (from_compiled, "existence (the check's regex)"),
    "capitalization": (from_compiled, "existence (the check's regex)"),
    "punctuation": (from_punctuation, "existence (the check's regex)"),
    "numbers": (from_approximation, "existence (candidates)"),
    "times": (from_approximation, "existence (candidates)"),
    "date-style": (from_approximation, "existence (candidates)"),
    "quotes": (from_approximation, "existence (candidates)"),
}


def skip_reason(rule) -> str | None:
    kind, problem = rule.type.name, problem_of(rule)
    reason = SKIPPED.get((kind, problem)) or SKIPPED.get(kind)
    if reason:
        return reason
    if kind not in TRANSLATORS:
        return "no Vale check expresses it"
    if kind in ("numbers", "times", "date-style", "quotes") and (kind, problem) not in APPROXIMATIONS:
        return f"no candidate pattern for {kind} {problem}"
    if kind == "repetition" and problem != "word":
        return f"repetition of a {problem}"
    return None


def vale_name(rule_id: str) -> str:
    """A file name Vale accepts as a rule name and a regex group name (consistency uses it)."""
    return re.sub(r"\W", "_", rule_id)


def load_rules(profile: str):
    from newslint.config import Config
    from newslint.linter import Linter

    return Linter(Config(profile=profile)).engine.rules


def build(profile: str) -> tuple[dict[str, dict], list[tuple[str, str, str]], list]:
    """(file name -> Vale rule, [(rule id, type, why skipped)], the newslint rules)."""
    rules = load_rules(profile)
    style, skipped = {}, []
    for rule in rules:
        reason = skip_reason(rule)
        if reason is None:
            try:
                style[vale_name(rule.id)] = TRANSLATORS[rule.type.name][0](rule)
            except Untranslatable as e:
                reason = f"its regex cannot be translated: {e}"
        if reason:
            skipped.append((rule.id, rule.type.name, reason))
    return style, skipped, rules


def write_style(style: dict[str, dict], folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, rule in style.items():
        (folder / f"{name}.yml").write_text(
            f"# Generated by benchmarks/vale/make_style.py from newslint's {rule['link'][9:]}; do not edit.\n"
            + yaml.safe_dump(rule, allow_unicode=True, sort_keys=False, width=10_000),
            encoding="utf-8",
        )


# -- checking the style with Vale -----------------------------------------------------------------


def vale_binary() -> Path | None:
    binary = HERE / "bin" / "vale"
    return binary if binary.is_file() else (Path(w) if (w := shutil.which("vale")) else None)


def run_vale(vale: Path, styles: Path, names: list[str], files: list[Path]) -> tuple[dict, str]:
    """Vale with only the rules `names` of the generated style; (its JSON alerts, its errors)."""
    ini = styles.parent / "check.ini"
    ini.write_text(
        f"StylesPath = {styles}\nMinAlertLevel = suggestion\n\n[*.txt]\n"
        + "".join(f"{STYLE}.{n} = YES\n" for n in names),
        encoding="utf-8",
    )
    run = subprocess.run(
        [str(vale), "--config", str(ini), "--output", "JSON", "--no-exit", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        alerts = json.loads(run.stdout or "{}")
    except json.JSONDecodeError:
        return {}, (run.stdout + run.stderr).strip() or f"exit {run.returncode}"
    if not isinstance(alerts, dict) or run.returncode not in (0, 1):
        return {}, (run.stdout + run.stderr).strip()
    return alerts, run.stderr.strip()


def check_with_vale(vale: Path, style: dict[str, dict], rules) -> tuple[dict[str, str], dict[str, tuple]]:
    """Each rule loaded by Vale alone and run over its examples: (name -> Vale's error for the
    rules it rejects, name -> (bad examples reported, bad examples, good examples reported,
    good examples))."""
    by_name = {vale_name(r.id): r for r in rules}
    rejected, caught = {}, {}
    with tempfile.TemporaryDirectory(prefix="newslint-vale-style-") as tmp:
        styles = Path(tmp) / "styles"
        write_style(style, styles / STYLE)
        for name in style:
            bad, good = ([e for e in examples if e.kind == "text"] for examples in by_name[name].examples)
            files = []
            for i, example in enumerate([*bad, *good] or [SimpleExample()]):
                path = Path(tmp) / f"{name}-{i}.txt"
                path.write_text(example.text + "\n", encoding="utf-8")
                files.append(path)
            alerts, errors = run_vale(vale, styles, [name], files)
            if errors and not alerts:
                rejected[name] = errors.splitlines()[0][:200] if errors else "no output"
                continue
            reported = [bool(alerts.get(str(f))) for f in files]
            caught[name] = (
                sum(reported[: len(bad)]),
                len(bad),
                sum(reported[len(bad) : len(bad) + len(good)]),
                len(good),
            )
    return rejected, caught


class SimpleExample:
    text = "A short story with nothing in it."


def table(style, skipped, rules, caught=None) -> str:
    translated = Counter(r.type.name for r in rules if vale_name(r.id) in style)
    total = Counter(r.type.name for r in rules)
    examples = defaultdict(lambda: [0, 0, 0, 0])
    for name, counts in (caught or {}).items():
        kind = next(r.type.name for r in rules if vale_name(r.id) == name)
        examples[kind] = [a + b for a, b in zip(examples[kind], counts)]
    lines = [
        f"{'newslint type':16} {'rules':>5} {'in Vale':>7}  {'as':32}"
        + ("  examples Vale reports: bad, good (false alarms)" if caught else "")
    ]
    for kind in sorted(total, key=lambda k: (-total[k], k)):
        how = TRANSLATORS.get(kind, (None, "-"))[1] if translated[kind] else "-"
        row = f"{kind:16} {total[kind]:>5} {translated[kind]:>7}  {how:32}"
        if caught and kind in examples:
            bad, n_bad, good, n_good = examples[kind]
            row += f"  {bad:>3}/{n_bad:<3}  {good:>3}/{n_good}"
        lines.append(row)
    lines.append(f"{'all':16} {sum(total.values()):>5} {sum(translated.values()):>7}")
    notes = {rid: sorted(set(n)) for rid, n in NOTES.items() if n and vale_name(rid) in style}
    if notes:
        lines.append("\ntranslated with a difference:")
        lines += [f"  {rid:36} {'; '.join(n)}" for rid, n in notes.items()]
    if skipped:
        lines.append("\nskipped:")
        lines += [f"  {rid:36} {kind:16} {why}" for rid, kind, why in skipped]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--profile", default="ap", help="newslint profile whose default packs are translated (default: ap)"
    )
    parser.add_argument("--out", type=Path, default=HERE / "styles" / STYLE, help="the style folder to write")
    parser.add_argument("--check", action="store_true", help="load each rule in Vale and run it on its bad examples")
    parser.add_argument("--quiet", action="store_true", help="no table")
    parser.add_argument(
        "--cost", type=Path, metavar="FOLDER", help="time each rule alone over the .txt files in FOLDER (CPU seconds)"
    )
    args = parser.parse_args()
    style, skipped, rules = build(args.profile)
    code, caught = 0, None
    if args.check:
        vale = vale_binary()
        if vale is None:
            print("make_style: Vale is not installed (sh benchmarks/vale/install); --check needs it", file=sys.stderr)
            return 2
        rejected, caught = check_with_vale(vale, style, rules)
        for name, error in rejected.items():
            rule = next(r for r in rules if vale_name(r.id) == name)
            skipped.append((rule.id, rule.type.name, f"Vale rejects the translation: {error}"))
            del style[name]
        code = 2 if rejected else 0
    write_style(style, args.out)
    if not args.quiet:
        print(f"{len(style)} of {len(rules)} rules of the {args.profile} profile's default packs -> {args.out}\n")
        print(table(style, skipped, rules, caught))
    if args.cost:
        vale = vale_binary()
        if vale is None:
            print("make_style: Vale is not installed (sh benchmarks/vale/install); --cost needs it", file=sys.stderr)
            return 2
        costs = rule_costs(vale, args.out, sorted(style), args.cost)
        total = sum(costs.values())
        print(f"\nCPU seconds of Vale with each rule alone over {args.cost} (start-up included), costliest first:")
        for name, seconds in sorted(costs.items(), key=lambda kv: -kv[1])[:15]:
            print(f"  {name:40} {seconds:6.2f}")
        print(f"  {'all ' + str(len(costs)) + ' rules, one by one':40} {total:6.2f}")
    return code


def rule_costs(vale: Path, folder: Path, names: list[str], files: Path) -> dict[str, float]:
    """CPU seconds (user + system) of Vale running one rule of the style over a folder."""
    costs = {}
    with tempfile.TemporaryDirectory(prefix="newslint-vale-cost-") as tmp:
        ini = Path(tmp) / "one.ini"
        for name in names:
            ini.write_text(
                f"StylesPath = {folder.parent}\nMinAlertLevel = suggestion\n\n[*.txt]\n{folder.name}.{name} = YES\n",
                encoding="utf-8",
            )
            process = subprocess.Popen(
                [str(vale), "--config", str(ini), "--output", "JSON", "--no-exit", str(files)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            _, _, usage = os.wait4(process.pid, 0)
            costs[name] = usage.ru_utime + usage.ru_stime
    return costs


if __name__ == "__main__":
    raise SystemExit(main())
