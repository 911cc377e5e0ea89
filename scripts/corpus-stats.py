#!/usr/bin/env python3
"""Prints the corpus statistics table of datasets/README.md (rows per topic and label)."""
import csv
import glob
import os
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
print(f"| **all** | | **{rows_all}** | **{len(articles)}** | " + " | ".join(
    f"**{total[l]}** ({100 * total[l] / rows_all:.1f}%)" for l in LABELS) + " |")
if problems:
    print("\n".join(problems[:20]), file=sys.stderr)
    sys.exit(1)
