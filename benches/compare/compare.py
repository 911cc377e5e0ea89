#!/usr/bin/env python3
"""Side-by-side: `stance` against scikit-learn on the same train + predict job.

    python3 benches/compare/compare.py [--runs 5]

Runs both systems on the project's corpus (train topics → held-out topics) and, when present,
on the public Emergent split in ../shared/data/emergent/. scikit-learn is installed with pip
if missing. Each job runs in a fresh process --runs times, the two systems alternating (stance,
scikit-learn, stance, ...) so that a burst of load on a shared machine falls on both sides
alike; the table shows medians:

  train time   fit of vectoriser + classifier (no hyper-parameter search on either side)
  predict      vectorise + predict, one thread, sentences per second
  peak memory  peak resident set size of the process
  accuracy, macro-F1 on the test data

scikit-learn side: TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True) +
LogisticRegression(lbfgs, multinomial, C = 1/alpha, class_weight="balanced"). `stance` side:
its own features (stemming, negation, actor/target masking) and the same L2 objective.

The prediction speed-up is the median of the per-run ratios (each stance run against the
scikit-learn run right after it); the ratio of the two medians is printed beside it.
"""
import argparse
import csv
import glob
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EMERGENT = os.path.join(ROOT, "..", "shared", "data", "emergent")

SKLEARN_JOB = r"""
import csv, json, resource, sys, time
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
train, test, text_col, label_col, label_map, alpha = sys.argv[1:7]
mapping = dict(kv.split("=") for kv in label_map.split(",")) if label_map != "-" else {}
def load(path):
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    return [r[text_col] for r in rows], [mapping.get(r[label_col], r[label_col]) for r in rows]
Xtr, ytr = load(train)
Xte, yte = load(test)
start = time.perf_counter()
vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
clf = LogisticRegression(C=1.0 / float(alpha), solver="lbfgs", max_iter=1000, class_weight="balanced")
clf.fit(vec.fit_transform(Xtr), ytr)
train_seconds = time.perf_counter() - start
repeats = max(1, 20000 // len(Xte))
start = time.perf_counter()
for r in range(repeats):
    pred = clf.predict(vec.transform(Xte))
predict_seconds = time.perf_counter() - start
print(json.dumps({
    "train_seconds": train_seconds, "predict_seconds": predict_seconds,
    "predict_sentences": len(Xte) * repeats,
    "accuracy": accuracy_score(yte, pred), "macro_f1": f1_score(yte, pred, average="macro"),
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0}))
"""


def ensure_sklearn():
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("installing scikit-learn with pip ...", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "scikit-learn"])


def corpus_split(tmp):
    """Writes the corpus's train and held-out topics into two CSV files."""
    test_topics = {
        line.strip()
        for line in open(os.path.join(ROOT, "datasets", "test-topics.txt"), encoding="utf-8")
        if line.strip() and not line.startswith("#")
    }
    paths = {"train": os.path.join(tmp, "corpus-train.csv"), "test": os.path.join(tmp, "corpus-test.csv")}
    writers, files = {}, {}
    for split, path in paths.items():
        files[split] = open(path, "w", newline="", encoding="utf-8")
        writers[split] = None
    for path in sorted(glob.glob(os.path.join(ROOT, "datasets", "corpus", "*.csv"))):
        topic = os.path.basename(path)[:-4]
        split = "test" if topic in test_topics else "train"
        for row in csv.DictReader(open(path, encoding="utf-8")):
            if writers[split] is None:
                writers[split] = csv.DictWriter(files[split], fieldnames=list(row.keys()), lineterminator="\n")
                writers[split].writeheader()
            writers[split].writerow(row)
    for f in files.values():
        f.close()
    return paths["train"], paths["test"]


def run(cmd, env=None):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def rate(result):
    """Prediction throughput of one run, in sentences per second."""
    return result["predict_sentences"] / result["predict_seconds"]


def median(results, key):
    return statistics.median(r[key] for r in results)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per system and dataset (medians are shown)")
    parser.add_argument("--alpha", default="1.0", help="L2 strength on both sides (scikit-learn C = 1/alpha)")
    args = parser.parse_args()
    ensure_sklearn()
    subprocess.check_call(["cargo", "build", "--release", "--quiet", "--example", "stance_job"], cwd=ROOT)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    stance_bin = os.path.join(target, "release", "examples", "stance_job")
    env = dict(os.environ, RAYON_NUM_THREADS="1")

    with tempfile.TemporaryDirectory() as tmp:
        train, test = corpus_split(tmp)
        jobs = [("stance corpus (held-out topics)", train, test, "text", "stance", "article_id", "-", "-")]
        e_train = os.path.join(EMERGENT, "url-versions-2015-06-14-clean-train.csv")
        if os.path.exists(e_train):
            jobs.append((
                "Emergent (Ferreira & Vlachos 2016)", e_train,
                os.path.join(EMERGENT, "url-versions-2015-06-14-clean-test.csv"),
                "articleHeadline", "articleHeadlineStance", "claimId",
                "for=supportive,against=opposed,observing=noncommittal", "claimHeadline",
            ))
        else:
            print(f"skipping Emergent: {e_train} is absent", file=sys.stderr)

        print(f"medians of {args.runs} runs, one thread for prediction, alpha {args.alpha}\n")
        print("| data | system | train s | predict sentences/s | peak MB | accuracy | macro-F1 |")
        print("|---|---|---:|---:|---:|---:|---:|")
        ratios = []
        for name, tr, te, text_col, label_col, group, label_map, target in jobs:
            ours, theirs = [], []
            for _ in range(args.runs):
                ours.append(run([stance_bin, tr, te, text_col, label_col, group, label_map, args.alpha, target], env))
                theirs.append(run([sys.executable, "-c", SKLEARN_JOB, tr, te, text_col, label_col, label_map,
                                   args.alpha]))
            row = {}
            for system, results in (("stance", ours), ("scikit-learn", theirs)):
                speed = statistics.median(rate(r) for r in results)
                row[system] = (median(results, "train_seconds"), speed, median(results, "peak_rss_mb"))
                print(f"| {name} | {system} | {row[system][0]:.3f} | {speed:,.0f} | {row[system][2]:.0f} | "
                      f"{median(results, 'accuracy'):.4f} | {median(results, 'macro_f1'):.4f} |")
            pair_ratios = [rate(o) / rate(t) for o, t in zip(ours, theirs)]
            ratios.append((name, row["scikit-learn"][0] / row["stance"][0], statistics.median(pair_ratios),
                           row["stance"][1] / row["scikit-learn"][1], min(pair_ratios), max(pair_ratios),
                           row["scikit-learn"][2] / row["stance"][2]))
        print("\n| data | training speed-up | prediction speed-up | memory ratio (sklearn / stance) |")
        print("|---|---:|---:|---:|")
        for name, train_ratio, predict_ratio, _, _, _, memory_ratio in ratios:
            print(f"| {name} | {train_ratio:.1f}× | {predict_ratio:.1f}× | {memory_ratio:.1f}× |")
        print("\nprediction speed-up = median of the per-run-pair ratios; for comparison:")
        for name, _, predict_ratio, of_medians, low, high, _ in ratios:
            print(f"  {name}: ratio of the medians {of_medians:.1f}×, run pairs {low:.1f}×–{high:.1f}×")


if __name__ == "__main__":
    main()
