#!/usr/bin/env python3
"""Agreement between the corpus labels and the blind second pass.

    python3 scripts/agreement.py     # reads datasets/agreement/second_pass.csv

The second pass has columns id,stance where id is `<topic>:<line>` (the row's line in
datasets/corpus/<topic>.csv). Prints Cohen's kappa, raw agreement, the confusion matrix and
writes the disagreements to datasets/agreement/disagreements.csv for adjudication by the guide.
"""
import csv
import os
from collections import Counter

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
LABELS = ("supportive", "opposed", "noncommittal")


def first_labels():
    out = {}
    for name in sorted(os.listdir(os.path.join(ROOT, "datasets", "corpus"))):
        topic = name[:-4]
        with open(os.path.join(ROOT, "datasets", "corpus", name), encoding="utf-8") as f:
            for line, row in enumerate(csv.DictReader(f), start=2):
                out[f"{topic}:{line}"] = row
    return out


def main():
    first = first_labels()
    with open(os.path.join(ROOT, "datasets", "agreement", "second_pass.csv"), encoding="utf-8") as f:
        second = [(r["id"], r["stance"].strip().lower()) for r in csv.DictReader(f)]
    pairs = [(first[i]["stance"], s, i) for i, s in second if i in first and s in LABELS]
    n = len(pairs)
    agree = sum(a == b for a, b, _ in pairs) / n
    ca, cb = Counter(a for a, _, _ in pairs), Counter(b for _, b, _ in pairs)
    expected = sum(ca[label] * cb[label] for label in LABELS) / (n * n)
    kappa = (agree - expected) / (1 - expected)
    print(f"rows: {n}; raw agreement: {agree:.4f}; Cohen's kappa: {kappa:.4f}")
    print("\n| first \\ second | " + " | ".join(LABELS) + " |\n|---|---:|---:|---:|")
    for a in LABELS:
        print(f"| {a} | " + " | ".join(str(sum(1 for x, y, _ in pairs if x == a and y == b)) for b in LABELS) + " |")
    with open(os.path.join(ROOT, "datasets", "agreement", "disagreements.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "text", "actor", "first", "second"])
        for a, b, i in pairs:
            if a != b:
                w.writerow([i, first[i]["text"], first[i]["actor"], a, b])


if __name__ == "__main__":
    main()
