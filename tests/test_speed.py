"""Speed without new answers: -j prints what a serial run prints, --statistics adds up, and each
fast path finds what the plain code it replaced finds (the plain code is kept here to compare)."""

import json
import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newslint.checks import attribution
from newslint.checks.base import word_pattern
from newslint.checks.repetition import _key
from newslint.checks.wordset import WordFilter
from newslint.cli.main import _parser
from newslint.cli.parallel import MIN_PARALLEL_FILES, Checker, check_in_order
from newslint.document import Document
from newslint.document.dates import DATE
from newslint.document.document import is_date_line
from newslint.document.people import _FULL, _NAME, _OWNER, _SHORT, MIDDLE, SPEECH_VERBS, reference
from newslint.linter import Linter
from newslint.source import iter_files

ROOT = Path(__file__).resolve().parent.parent
# Stories the project wrote: the clean articles, the example draft, and drafts with slips.
DRAFTS = [
    "Storm hits coast\n\nThe the storm made landfall on Tuesday night , forecasters said.\n",
    "Harbour plan\n\nThe U.S. -led group said US ships would wait. About 300 boats waited.\n\n"
    'Dillon said it was over. Coalition spokesman Colonel Ryan Dillon told reporters "it is over", he said.\n',
    "Budget vote\n\nFriday, 21 May 2019\n\nOn Monday, March 2, the talks began; by May 5 or 30 June they ended.\n"
    "The council spent $4 million. It was not. enough for the mayor.\n"
    "Prices rose 4 per cent in May.. The ISIS fighters fled and Daesh regrouped, officials said.\n",
    "RATES RISE\n\nLONDON, Feb 26 - The bank raised rates by 0.5 pct to 10.5 pct, it said.\n"
    "Profit    1,234    5,678\nLoss      9,876    5,432\nMr Hollis said 40,000 jobs would go.\n",
    'Ruiz returns\n\n"We have waited ten years," said Marta Ruiz. Mr Ruiz said it was fine.\n\n'
    '"It is a change.\n\n"And it is good," Ruiz said. Marta Ruis told reporters 12,000 people came.\n',
]
TEXTS = (
    DRAFTS
    + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "clean").rglob("*.*"))]
    + [(ROOT / "examples" / "draft.md").read_text(encoding="utf-8")]
)


def story_files(folder: Path) -> list[Path]:
    """More stories than the serial threshold, one not UTF-8, so -j really starts workers."""
    paths = []
    for i in range(2 * MIN_PARALLEL_FILES):
        path = folder / f"{i:02d}.{'md' if i % 5 == 0 else 'txt'}"
        path.write_text(TEXTS[i % len(TEXTS)], encoding="utf-8")
        paths.append(path)
    (folder / "07b.txt").write_bytes(b"Caf\xe9 owner said so.\n")
    return paths


def test_parallel_output_is_the_serial_output(cli, tmp_path):
    story_files(tmp_path)
    for fmt in ("json", "text"):
        serial = cli("check", "--format", fmt, "-j", "1", tmp_path)
        parallel = cli("check", "--format", fmt, "-j", "2", tmp_path)
        assert serial.returncode == parallel.returncode == 2  # findings, and a file that is not UTF-8
        assert serial.stdout == parallel.stdout
        assert serial.stderr == parallel.stderr
        assert b"07b.txt: not valid UTF-8" in serial.stderr
    assert len(json.loads(cli("check", "--format", "json", "-j", "2", tmp_path).stdout)) > 20


def test_check_in_order_keeps_the_order_of_the_files(tmp_path):
    story_files(tmp_path)
    paths = iter_files([str(tmp_path)])
    args = _parser().parse_args(["check", *paths])

    def outcomes(jobs):
        return [(r.path, r.findings) if r else e for r, e in check_in_order(Checker(args), paths, jobs)]

    serial, parallel = outcomes(1), outcomes(2)
    assert any(isinstance(o, str) and "not valid UTF-8" in o for o in parallel)
    assert [o[0] if isinstance(o, tuple) else o.split(":")[0] for o in parallel] == paths
    assert serial == parallel


def test_jobs_must_be_a_positive_number(cli, tmp_path):
    (tmp_path / "a.txt").write_text(DRAFTS[0], encoding="utf-8")
    for bad in ("0", "-1", "many"):
        result = cli("check", "-j", bad, tmp_path / "a.txt")
        assert result.returncode == 2
        assert b"Traceback" not in result.stderr and b"-j/--jobs" in result.stderr


def test_statistics_count_each_rule_s_findings(cli, tmp_path):
    story_files(tmp_path)
    (tmp_path / "07b.txt").unlink()
    for jobs in ("1", "2"):
        result = cli("check", "--format", "json", "--statistics", "-j", jobs, tmp_path)
        findings = json.loads(result.stdout)
        table = result.stderr.decode().splitlines()
        rows = {line.split()[-1]: int(line.split()[2]) for line in table[1:-1]}
        for rule in {f["rule"] for f in findings}:
            assert rows[rule] == sum(f["rule"] == rule for f in findings)
        assert {"(document)", "(sentences)", "(quotations)", "(people)"} <= set(rows)
        assert f"total: {2 * MIN_PARALLEL_FILES} documents" in table[-1]
        assert int(table[-1].split()[2]) == len(findings)


# -- the fast paths against the plain code they replaced ---------------------------------------

# Text made of what the patterns look at: letters of both cases, digits, spaces, stops, quotes.
PROSE = st.text(alphabet="aAbBsSyMrDDoOnTuedWF 0123456789.,;:'\"-\t\n$%!?()]\u201c\u201d\u2019", max_size=80)


def test_is_shouting_is_the_same_when_asked_again():
    for text in TEXTS:
        doc = Document(text)
        first = [doc.is_shouting(i) for i in range(len(doc.paragraphs))]
        for i, (start, end) in enumerate(doc.paragraphs):
            letters = [c for c in doc.text[start : min(end, start + 200)] if c.isalpha()]
            plain = len(letters) >= 4 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
            assert first[i] == plain == doc.is_shouting(i)


@settings(max_examples=300, deadline=None)
@given(PROSE)
def test_rewritten_patterns_match_the_originals(text):
    originals = {
        DATE: re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)", "", DATE.pattern)),  # without its first lookahead
        _FULL: re.compile(rf"(?<![\w'\u2019-])(?=([A-Z][a-z]+(?:[A-Z][a-z]+)?|[A-Z]\.)\s+{MIDDLE}({_NAME})(?![\w-]))"),
        _SHORT: re.compile(
            rf"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Prof)\.?\s+({_NAME})(?![\w-])"
            rf"|(?<![\w'\u2019-])({_NAME}),?\s+(?:{'|'.join(SPEECH_VERBS)})\b"
            rf"|(?<![\w'\u2019-])({_NAME})(?:(['\u2019]s)\b|(?=\s+[a-z]|,\s+(?:\d|an?\s|the\s|who\s|{_OWNER}))))"
        ),
    }
    from newslint.checks.first_use import _ACRONYM, _CAP_WORD, _RUN_ON, _runs_from
    from newslint.checks.punctuation import _PATTERNS
    from newslint.checks.spelled_two_ways import _WORD
    from newslint.document.document import _SENTENCE_END

    originals[_ACRONYM] = re.compile(
        r"(?=[A-Z])(?<![\w.&'\u2019/-])([A-Z]{2,6}|[A-Z][a-z]{1,4}(?:[A-Z][a-z]{1,3})?[A-Z]{2,5})"
        r"s?(?![\w&/]|\.\w|-\w|['\u2019]\w\w)"
    )
    for letter in "ABD":
        originals[_runs_from(letter)] = re.compile(rf"(?={letter})(?<!\w){_CAP_WORD}{_RUN_ON}")
    originals[_WORD] = re.compile(r"(?=[A-Z\u00c0-\u00de\u0100-\u024f])(?<![\w'\u2019@./-])[^\W\d_]+(?![\w@/]|\.\w)")

    originals[_SENTENCE_END] = re.compile(r"(?<![.!?])[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")

    # (after a letter, a figure or a closing bracket: "in 2019. officials said", "(again). his")
    originals[_PATTERNS["stop-lowercase"]] = re.compile(r"(?:(?<=[^\W_])|(?<=[)\]]))\.[ \t]+(?=[a-z])")
    originals[_PATTERNS["space-before"]] = re.compile(
        r"(?:(?<=[^\W_])|(?<=[\"\u201d\u2019)\]%]))[ \t]+"
        r"(?=[,;:!?](?:\s|$|[\"\u201c\u201d])|[,;][^\W\d_]|\.(?:[ \t]*$|[ \t]+[A-Z\"\u201c]|[\"\u201d\u2019]))",
        re.MULTILINE,
    )
    originals[_PATTERNS["doubled"]] = re.compile(
        r",,|;;|::|!!+|\?\?+|(?<![.\s])\.\.(?![.\w])|(?<=\w)\.[\"\u201d]\.(?![.\w])"
    )
    originals[_PATTERNS["space-after"]] = re.compile(r"(?<=[A-Za-z]{2})[.,;:?!](?=[\"\u201c\u2018]?[A-Za-z])")
    originals[_PATTERNS["double-space"]] = re.compile(
        r"(?:(?<=[^\W\d_][.!?])|(?<=[^\W\d_][.!?][\"\u201d\u2019])) {2,}(?=[\"\u201c]?[A-Z])"
    )
    originals[_PATTERNS["space-before-hyphen"]] = re.compile(r"(?<=[\w.])[ \t]+-(?=[a-z]{2,}\b)")
    for fast, plain in originals.items():
        assert [_found(m, fast) for m in fast.finditer(text)] == [_found(m, fast) for m in plain.finditer(text)]


def _found(m, fast):
    """What a match tells its caller: where it is and its groups. _FULL takes the given name,
    which its original only looked at: the two start at the same places. What _SHORT found is
    told by people.reference(), and by the group that matched in its original."""
    if fast is _SHORT:
        if m.re is _SHORT:
            return m.span(), reference(m), m.group(4)
        kind = next(i for i in (1, 2, 3) if m.start(i) >= 0)
        return m.span(), (kind, *m.span(kind)), m.group(4)
    return (m.start() if fast is _FULL else m.span()), m.groups(), [m.span(i) for i in range(1, len(m.groups()) + 1)]


def test_rewritten_patterns_match_the_originals_on_stories():
    for text in TEXTS:
        test_rewritten_patterns_match_the_originals.hypothesis.inner_test(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["ISIS", "US", "U.S.", "per cent", "Kiev", "al-Qaida", "sent"]), min_size=1, max_size=3),
    st.booleans(),
    PROSE,
    st.sampled_from(
        [
            "",
            "ISIS",
            "us",
            "U.S",
            "Per Cent",
            "kiev",
            "AL-QAIDA",
            "AL-QA\u0130DA",
            "Kiev".replace("K", "\u212a"),
            "per \u017fent",
        ]
    ),
)
@example(["al-Qaida"], True, " ", "AL-QA\u0130DA").via("the dotted capital I")
@example(["Kiev"], True, "", "\u212aIEV").via("the Kelvin sign")
@example(["per cent"], True, ". ", "PER \u017fENT").via("the long s")
def test_word_filter_never_hides_a_match(words, ignore_case, text, planted):
    text = text[: len(text) // 2] + planted + text[len(text) // 2 :]
    pattern = word_pattern("words", words, ignore_case=ignore_case)
    if pattern.search(text):
        assert WordFilter(words).may_occur(Document(text, "x.txt"))
        # (as the rules that match each phrase as written use it, with its own phrase test)
        assert WordFilter(words, exact=True).may_occur(Document(text, "x.txt"))


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="aAtThHeE \t\n-'.\u03a3\u03c3\u03c2\u0130i\u017fs\u212ak", max_size=40),
    st.sampled_from(["the the", "The THE", "\u03a3\u03c3 \u03c3\u03c2", "\u0130s is", "\u017f s", "\u212a k", "a-a a"]),
)
def test_doubled_words_are_only_passed_over_where_no_word_follows_itself(text, planted):
    from newslint.checks.repetition import _DOUBLED, _has_neighbours_alike

    text = text[: len(text) // 2] + planted + text[len(text) // 2 :]
    if _DOUBLED.search(text):
        assert _has_neighbours_alike(Document(text, "x.txt")), text


def test_an_exact_word_filter_passes_over_a_story_with_the_words_apart():
    story = Document("The end of the year brought a result nobody wanted.", "x.txt")
    assert WordFilter(["end result"]).may_occur(story)  # both words are there
    assert not WordFilter(["end result"], exact=True).may_occur(story)  # the phrase is not
    assert WordFilter(["end result"], exact=True).may_occur(Document("The End Result was late.", "x.txt"))


@given(st.text(alphabet=" \t\n\r\x0b\x0c\x1c\u00a0\u2003abAB.", max_size=40))
def test_repetition_key_is_the_regex_key(text):
    assert _key(text) == re.sub(r"\s+", " ", text).strip().casefold()


def plain_is_date_line(line):
    """is_date_line as it was: remove the dates, then everything a date line may hold."""
    from newslint.document.dates import find_dates

    rest = line
    for d in find_dates(line):
        rest = rest.replace(line[d.start : d.end], " ")
    if rest == line:
        return False
    return not re.sub(
        r"(?i)\b(?:updated|published|posted|last|modified|on|at|am|pm|gmt|bst|[ecmp][sd]?t|utc)\b"
        r"|\d{1,2}[:.]\d\d|[\s,.:|\-\u2013\u2014()]",
        "",
        rest,
    )


DATE_LINES = st.lists(
    st.sampled_from(
        [
            "Updated",
            "Tuesday,",
            "21 May 2019",
            "Feb 26",
            "10:45",
            "GMT",
            "on",
            "at",
            "-",
            "|",
            "(",
            ")",
            "said",
            "Sept. 8",
            "x",
            "pm",
            "EST",
            "2019",
            "the",
        ]
    ),
    max_size=7,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(PROSE, DATE_LINES))
def test_date_lines_are_found_as_before(text):
    assert is_date_line(text) == plain_is_date_line(text)


def test_date_lines_are_found_as_before_in_stories():
    lines = [line for text in TEXTS for line in text.splitlines()]
    assert [is_date_line(line) for line in lines] == [plain_is_date_line(line) for line in lines]
    assert any(is_date_line(line) for line in lines)


def plain_attribution(doc, options):
    """attribution.check without its shortcuts: a source search for every sentence, figures
    looked for in every one."""
    text = doc.text
    header = set(doc.header)
    sentences = doc.sentences
    sourced = [bool(options.pattern.search(text, s, e)) for s, e in sentences]
    previous = None  # index of the sentence before
    for i, (start, end) in enumerate(sentences):
        paragraph = doc.paragraph_index(start)
        if paragraph in header or doc.is_shouting(paragraph):
            continue
        if (
            previous is not None
            and doc.paragraph_index(sentences[previous][0]) != paragraph
            and not attribution.FIGURE.search(text, *sentences[previous])
            and not attribution._CITES_DATA.search(text, *sentences[previous])
        ):
            previous = None
        nxt = sentences[i + 1] if i + 1 < len(sentences) else None
        following = (
            nxt is not None
            and doc.paragraph_index(nxt[0]) == paragraph
            and sourced[i + 1]
            and bool(re.search(r"\d", text[nxt[0] : nxt[1]]) or attribution._ABOUT_IT.match(text, nxt[0]))
        )
        p_start, p_end = doc.paragraphs[paragraph]
        prose = not attribution._TABLE_LINE.search(text, p_start, p_end) and not doc.is_headline_like(paragraph)
        record = options.record is not None and options.record.search(text, start, end)
        if (
            prose
            and not sourced[i]
            and not (previous is not None and sourced[previous])
            and not following
            and not record
        ):
            figures = sorted(
                [*attribution.FIGURE.finditer(text, start, end), *attribution.WORD_FIGURE.finditer(text, start, end)],
                key=lambda m: m.start(),
            )
            for m in figures:
                if doc.in_scope(m.start(), m.end(), options.quotes):
                    if attribution._is_claim(m.group(), text, start, end):
                        yield m.start(), m.end()
                    break
        previous = i


def test_attribution_finds_what_the_plain_loop_finds():
    options = next(r for r in Linter().engine.rules if r.type.name == "attribution").options
    sentences = [
        "About 300 fighters left, up from 200.",
        "Officials said so.",
        "It cost $5 million.",
        "The vote was 7-2.",
        "Prices rose 4% in May.",
        "Nobody came.",
        "Some 40 people waited, police said.",
        "OK.",
    ]
    texts = list(TEXTS)
    for i in range(len(sentences)):  # each order of sentences in a paragraph, with and without sources
        texts.append(
            "Headline here\n\n" + " ".join(sentences[i:] + sentences[:i]) + "\n" + " ".join(reversed(sentences[i:]))
        )
    found = 0
    for text in texts:
        doc = Document(text)
        fast = [(h.start, h.end) for h in attribution.check(doc, options)]
        assert fast == list(plain_attribution(doc, options))
        found += len(fast)
    assert found > 10


def test_headline_repeats_are_found_as_before():
    from newslint.checks import headline

    texts = TEXTS + [
        "Storm Hits Coast Again\n\nThe storm hit.\n\nHome / Storm hits coast again\n\nSTORM HITS COAST AGAIN",
        "Rates rise\n\nRates rise\n\nRates rise: the bank moved.\n\nWhy rates rise",
        "Stra\u00dfe closed\n\nSTRASSE CLOSED\n\nThe road reopened.",
        "Rain in Manchester\n\nIt rained.\n\nRain in Manchester",
    ]
    options = headline.Options()
    found = 0
    for text in texts:
        doc = Document(text)
        plain = []
        if doc.headline is not None and headline._key(doc.span_text(doc.headline)):
            key = headline._key(doc.span_text(doc.headline))
            for index, (start, end) in enumerate(doc.paragraphs):
                line = headline._key(doc.text[start:end])
                if index != doc.headline_index and (
                    line == key
                    or len(key.split()) >= options.min_words
                    and (line.endswith(" " + key) or line.startswith(key + " "))
                ):
                    plain.append((start, end))
        fast = [(h.start, h.end) for h in headline.check(doc, options)]
        assert fast == plain
        found += len(fast)
    assert found >= 4


def test_word_filter_knows_every_letter_that_matches_an_ascii_one():
    import regex

    letter = regex.compile("[a-z]", regex.IGNORECASE | regex.V0)
    for code in range(0x80, 0x110000):
        char = chr(code)
        if letter.fullmatch(char):
            ascii_letter = next(
                a for a in "abcdefghijklmnopqrstuvwxyz" if regex.fullmatch(a, char, regex.IGNORECASE | regex.V0)
            )
            assert WordFilter([ascii_letter]).may_occur(Document(char, "x.txt")), hex(code)


def test_the_benchmark_says_so_when_the_corpus_is_absent(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "speed.py"), "--corpus", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "point --corpus at the folder of the news corpora" in result.stderr
    assert "Traceback" not in result.stderr and not result.stdout


def test_a_broken_configuration_under_j_is_one_line_not_a_traceback(cli, tmp_path):
    # A configuration error raised in a worker process must reach the user as it does serially.
    (tmp_path / "desk").mkdir()
    for i in range(10):
        (tmp_path / f"a{i}.txt").write_text("Bridge vote\n\nThe the council met.\n", encoding="utf-8")
        (tmp_path / "desk" / f"b{i}.txt").write_text("Bridge vote\n\nThe council met.\n", encoding="utf-8")
    (tmp_path / "desk" / ".newslint.yaml").write_text("profle: ap\n", encoding="utf-8")
    for jobs in ("1", "2"):
        done = cli("check", "-j", jobs, tmp_path)
        err = done.stderr.decode()
        assert done.returncode == 2 and "Traceback" not in err, err
        assert err.strip().splitlines()[-1].startswith(f"newslint: {tmp_path / 'desk' / '.newslint.yaml'}:1: ")


# Pieces of rule patterns, and of text, for the literal prefilter's property test: words in
# both cases, classes, groups, repeats, assertions, and letters a case-blind match reads as
# ASCII ones (a long s, a dotted capital I, a Kelvin sign).
_PIECES = st.sampled_from(
    [
        "said",
        "Told",
        "U\\.S\\.",
        "per cent",
        "cookie",
        "s",
        "k",
        "i",
        "x",
        "[ab]",
        "[\u00bb\u203a]",
        "\u2014",
        "\u00e9",
        "[a-z]",
        "\\d",
        ".",
        "\\b",
        "\\s+",
        " ",
    ]
)


@st.composite
def _patterns(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["piece", "piece", "group", "alt", "opt", "plus", "ahead", "behind", "not"]))
        if kind == "piece" or depth > 2:
            parts.append(draw(_PIECES))
            continue
        inner = draw(_patterns(depth + 1))
        other = draw(_patterns(depth + 1))
        parts.append(
            {
                "group": f"(?:{inner})",
                "alt": f"(?:{inner}|{other})",
                "opt": f"(?:{inner})?",
                "plus": f"(?:{inner})+",
                "ahead": f"(?={inner})",
                "behind": f"(?<={draw(_PIECES)})",
                "not": f"(?!{inner})",
            }[kind]
        )
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(
    _patterns(),
    st.booleans(),
    st.text(alphabet="saidtoldSAIDTOLDU.S cookiekx\u017f\u0130\u212aab1 \n\u00bb\u203a\u2014\u00e9\u00c9", max_size=30),
)
def test_literal_prefilter_never_hides_a_match(pattern, ignore_case, text):
    from newslint.checks.base import compile_pattern
    from newslint.checks.literals import prefilter

    compiled = compile_pattern("patterns", pattern, ignore_case=ignore_case)
    doc = Document(text, "x.txt")
    for paragraph in doc.paragraphs:
        if compiled.search(doc.text, *paragraph):
            assert prefilter([pattern]).may_match(doc.folded, *paragraph), (pattern, text)


def test_literal_prefilter_reads_what_it_can_and_no_more():
    from newslint.checks.literals import required_literals

    assert required_literals(r"\bcookies?\b.*(?:privacy|consent)") in ({"cookie"}, {"privacy", "consent"})
    assert required_literals(r"(?i)Said|told") == {"said", "told"}
    assert required_literals(r"x?(?=according to)") == {"according to"}
    assert required_literals(r"(?:said)?\w+") is None  # nothing literal is required
    assert required_literals(r"(?:said){e<=1}") is None  # a fuzzy match needs no literal
    assert required_literals(r"[[:alpha:]]+said") in (None, {"said"})
    assert required_literals(r"\p{L}said") is None  # the regex module's syntax: not read here
    # Characters without case are read (a breadcrumb's "»"); other letters than ASCII are not.
    assert required_literals("[^\u00bb]+\\s[\u00bb\u203a]\\s") == {"\u00bb", "\u203a"}
    assert required_literals("caf\u00e9") == {"caf"}


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "about",
                "More than",
                "APPROXIMATELY",
                "some",
                "handsome",
                "up to",
                "$",
                "\u00a3",
                " ",
                "  ",
                "\n",
                "\u00a0",
                "5",
                "12",
                "1,234",
                "3.5",
                ",",
                ".",
                "%",
                " per cent",
                "m",
                " million",
                " people",
                " dollars",
                " years",
                "a",
                "x",
                "_",
                "Over",
            ]
        ),
        max_size=14,
    ).map("".join),
    st.integers(0, 5),
)
def test_figures_are_found_as_a_scan_of_every_character_finds_them(text, offset):
    start = min(offset, len(text))
    found = [m.span() for m in attribution.figures_in(text, start, len(text))]
    assert found == [m.span() for m in attribution.FIGURE.finditer(text, start, len(text))]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet="aeilnrstT", min_size=3, max_size=9).map(str.capitalize), max_size=12))
def test_given_names_are_matched_as_comparing_each_pair_matches_them(names):
    from newslint.checks.name_spelling import _near_given, _Spellings

    spellings, seen = _Spellings(), []
    for name in names:
        plain = next((other for other in seen if _near_given(other, name)), None)
        assert spellings.first_near(name) == plain
        seen.append(name)
        spellings.add(name)
