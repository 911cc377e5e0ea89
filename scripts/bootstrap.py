#!/usr/bin/env python3
"""A 95% interval for macro-F1 by resampling whole groups (articles) with replacement.

Reads the CSV of `stance evaluate --predictions FILE.csv` (columns group, gold, predicted).
Usage: python3 scripts/bootstrap.py predictions.csv [--draws 2000] [--seed 1]
"""
import argparse
import csv
import random
from collections import defaultdict

LABELS = ("supportive", "opposed", "noncommittal")


def macro_f1(rows):
    scores = []
    for label in LABELS:
        tp = sum(g == label and p == label for g, p in rows)
        predicted = sum(p == label for _, p in rows)
        gold = sum(g == label for g, _ in rows)
        precision = tp / predicted if predicted else 0.0
        recall = tp / gold if gold else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("predictions")
    parser.add_argument("--draws", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    groups = defaultdict(list)
    with open(args.predictions, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            groups[row["group"]].append((row["gold"], row["predicted"]))
    keys = sorted(groups)
    everything = [r for k in keys for r in groups[k]]
    rng = random.Random(args.seed)
    draws = sorted(
        macro_f1([r for k in rng.choices(keys, k=len(keys)) for r in groups[k]])
        for _ in range(args.draws)
    )
    low, high = draws[int(0.025 * args.draws)], draws[int(0.975 * args.draws) - 1]
    print(f"macro-F1 {macro_f1(everything):.4f} over {len(everything)} rows in {len(keys)} groups; "
          f"95% interval {low:.3f}-{high:.3f} ({args.draws} draws, seed {args.seed})")


if __name__ == "__main__":
    main()
