#!/usr/bin/env python3
"""Prints the corpus statistics of datasets/README.md: rows per topic and label, then how often
some ways of reporting stance occur (the "Known biases" list), by the patterns below."""
import csv
import glob
import os
import re
import statistics
import sys
from collections import Counter

LABELS = ("supportive", "opposed", "noncommittal")
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
test_topics = {
    line.strip()
    for line in open(os.path.join(root, "datasets/test-topics.txt"), encoding="utf-8")
    if line.strip() and not line.startswith("#")
}
total, articles, problems = Counter(), set(), []
seen = set()
print("| topic | split | rows | articles | supportive | opposed | noncommittal |")
print("|---|---|---:|---:|---:|---:|---:|")
files = sorted(glob.glob(os.path.join(root, "datasets/corpus/*.csv")))
rows_all = 0
texts = []
for path in files:
    topic = os.path.basename(path)[:-4]
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    counts = Counter(r["stance"] for r in rows)
    arts = {r["article_id"] for r in rows}
    for i, r in enumerate(rows, start=2):
        if r["stance"] not in LABELS:
            problems.append(f"{topic}:{i}: label {r['stance']!r}")
        if r["topic"] != topic:
            problems.append(f"{topic}:{i}: topic column {r['topic']!r}")
        key = (r["text"], r["actor"])
        if key in seen:
            problems.append(f"{topic}:{i}: duplicate text and actor")
        seen.add(key)
    split = "test" if topic in test_topics else "train"
    print(f"| {topic} | {split} | {len(rows)} | {len(arts)} | " + " | ".join(str(counts[l]) for l in LABELS) + " |")
    total.update(counts)
    articles |= arts
    rows_all += len(rows)
    texts += [r["text"] for r in rows]
print(f"| **all** | | **{rows_all}** | **{len(articles)}** | " + " | ".join(
    f"**{total[l]}** ({100 * total[l] / rows_all:.1f}%)" for l in LABELS) + " |")
PATTERNS = {
    '"said"': r"\bsaid\b",
    '"according to"': r"\baccording to\b",
    "an anonymous source": r"anonymity|familiar with|asked not to be (named|identified)|unnamed",
    "a negation cue": r"\b(not|no|never|without|nor|neither|none|nobody|nothing|cannot)\b|n't",
    "a quotation mark": r"[\"\u201c\u201d]",
}
print()
for name, pattern in PATTERNS.items():
    share = sum(bool(re.search(pattern, t, re.IGNORECASE)) for t in texts) / len(texts)
    print(f"- {name}: {100 * share:.1f}% of rows")
lengths = [len(t.split()) for t in texts]
print(f"- words per sentence: median {statistics.median(lengths):g}, {min(lengths)}-{max(lengths)}")
if problems:
    print("\n".join(problems[:20]), file=sys.stderr)
    sys.exit(1)
