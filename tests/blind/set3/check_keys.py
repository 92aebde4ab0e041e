#!/usr/bin/env python3
"""Check the answer keys of this blind set against their drafts.

For every NN-slug.yaml: the draft NN-slug.{txt,md,html} exists; profile, genre and
expected are present; every expected entry has a known category, a `what`, and a `line`
that occurs as a whole line of the draft (after stripping surrounding white space);
every `also` is a substring of some line. Exit 1 on any problem.
"""
import glob, os, sys
import yaml

CATS = {"headline", "boilerplate", "dates", "punctuation", "naming", "reference",
        "quotes", "attribution", "repetition", "style", "grammar"}
here = os.path.dirname(os.path.abspath(__file__))
problems = 0
keys = sorted(glob.glob(os.path.join(here, "[0-9][0-9]-*.yaml")))
for key in keys:
    stem = key[:-5]
    drafts = [stem + e for e in (".txt", ".md", ".html") if os.path.exists(stem + e)]
    name = os.path.basename(key)
    if len(drafts) != 1:
        print(f"{name}: expected exactly one draft, found {drafts}"); problems += 1; continue
    with open(drafts[0], encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    stripped = {l.strip() for l in lines}
    with open(key, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    for field in ("profile", "genre", "expected"):
        if field not in data:
            print(f"{name}: missing {field}"); problems += 1
    if data.get("profile") not in ("ap", "british"):
        print(f"{name}: bad profile {data.get('profile')!r}"); problems += 1
    for i, e in enumerate(data.get("expected") or []):
        if e.get("category") not in CATS:
            print(f"{name}[{i}]: bad category {e.get('category')!r}"); problems += 1
        if not e.get("what"):
            print(f"{name}[{i}]: missing what"); problems += 1
        if e.get("line", "").strip() not in stripped:
            print(f"{name}[{i}]: line not found as a whole line: {e.get('line')!r}"); problems += 1
        for a in e.get("also") or []:
            if not any(a in l for l in lines):
                print(f"{name}[{i}]: also not found: {a!r}"); problems += 1
drafts = [f for f in glob.glob(os.path.join(here, "[0-9][0-9]-*.*")) if not f.endswith(".yaml")]
for d in drafts:
    if not os.path.exists(os.path.splitext(d)[0] + ".yaml"):
        print(f"{os.path.basename(d)}: no key"); problems += 1
print(f"{len(keys)} keys, {len(drafts)} drafts, {problems} problem(s)")
sys.exit(1 if problems else 0)
