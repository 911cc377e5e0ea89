//! Evaluation: metrics with a fixed label order, calibration, baseline and error analysis.
//!
//! Metrics are computed here rather than with linfa's `ConfusionMatrix`, whose labels come
//! from the data: a stance that is never predicted must still get its row, column and a zero
//! F1. The confusion matrix has gold stances as rows and predicted stances as columns.

use crate::analyze::{ActorStance, ArticleStances};
use crate::dataset::Dataset;
use crate::label::{NUM_STANCES, Stance, argmax};
use crate::model::{Model, Prediction};

const K: usize = NUM_STANCES;

/// Precision, recall, F1 and support of one stance.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ClassMetrics {
    /// Correct predictions of the stance / all predictions of it (0 when never predicted).
    pub precision: f64,
    /// Correct predictions of the stance / gold examples of it (0 when it has none).
    pub recall: f64,
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
    /// Gold examples of the stance.
    pub support: usize,
}

/// Classification metrics over a set of predictions.
#[derive(Debug, Clone, PartialEq)]
pub struct Metrics {
    /// Number of examples.
    pub examples: usize,
    /// Fraction predicted correctly.
    pub accuracy: f64,
    /// Unweighted mean of the three F1 scores.
    pub macro_f1: f64,
    /// Mean of F1(supportive) and F1(opposed): the SemEval-2016 stance metric.
    pub f_avg: f64,
    /// Per-stance metrics in [`Stance::ALL`] order.
    pub per_class: [ClassMetrics; K],
    /// `confusion[gold][predicted]`.
    pub confusion: [[usize; K]; K],
}

impl Metrics {
    /// Metrics from paired gold and predicted stances.
    ///
    /// # Panics
    /// When the slices differ in length (a caller bug).
    pub fn compute(gold: &[Stance], predicted: &[Stance]) -> Metrics {
        assert_eq!(
            gold.len(),
            predicted.len(),
            "gold and predicted differ in length"
        );
        let mut confusion = [[0; K]; K];
        for (g, p) in gold.iter().zip(predicted) {
            confusion[g.index()][p.index()] += 1;
        }
        Metrics::from_confusion(confusion)
    }

    /// Metrics from a confusion matrix (`confusion[gold][predicted]`).
    pub fn from_confusion(confusion: [[usize; K]; K]) -> Metrics {
        Metrics::from_confusion_with_missed(confusion, [0; K])
    }

    /// Metrics where `missed[gold]` items got no prediction at all: they count against
    /// recall and accuracy (as wrong answers) but not against any stance's precision.
    pub fn from_confusion_with_missed(confusion: [[usize; K]; K], missed: [usize; K]) -> Metrics {
        let examples: usize =
            confusion.iter().flatten().sum::<usize>() + missed.iter().sum::<usize>();
        let correct: usize = (0..K).map(|k| confusion[k][k]).sum();
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let per_class = std::array::from_fn(|k| {
            let predicted: usize = (0..K).map(|g| confusion[g][k]).sum();
            let support: usize = confusion[k].iter().sum::<usize>() + missed[k];
            let precision = ratio(confusion[k][k], predicted);
            let recall = ratio(confusion[k][k], support);
            let f1 = if precision + recall == 0.0 {
                0.0
            } else {
                2.0 * precision * recall / (precision + recall)
            };
            ClassMetrics {
                precision,
                recall,
                f1,
                support,
            }
        });
        let f1 = |s: Stance| per_class[s.index()].f1;
        Metrics {
            examples,
            accuracy: ratio(correct, examples),
            macro_f1: Stance::ALL.iter().map(|&s| f1(s)).sum::<f64>() / K as f64,
            f_avg: (f1(Stance::Supportive) + f1(Stance::Opposed)) / 2.0,
            per_class,
            confusion,
        }
    }
}

/// The majority-class baseline: always predict the most frequent training stance.
#[derive(Debug, Clone, PartialEq)]
pub struct Baseline {
    /// The stance always predicted.
    pub label: Stance,
    /// Its accuracy on the evaluated data.
    pub accuracy: f64,
    /// Its macro-F1 on the evaluated data.
    pub macro_f1: f64,
}

impl Baseline {
    /// The baseline that predicts the most frequent stance of `train_counts` (first in
    /// [`Stance::ALL`] order on ties), scored on `gold`.
    pub fn majority(train_counts: [usize; K], gold: &[Stance]) -> Baseline {
        let counts = train_counts.map(|c| c as f64);
        let label = Stance::from_index(argmax(&counts));
        let metrics = Metrics::compute(gold, &vec![label; gold.len()]);
        Baseline {
            label,
            accuracy: metrics.accuracy,
            macro_f1: metrics.macro_f1,
        }
    }
}

/// One bin of a reliability diagram.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CalibrationBin {
    /// Lower edge of the confidence range (inclusive, except the first bin includes 0).
    pub lower: f64,
    /// Upper edge (inclusive).
    pub upper: f64,
    /// Predictions whose confidence falls in the bin.
    pub count: usize,
    /// Mean confidence of those predictions (0 when empty).
    pub confidence: f64,
    /// Fraction of them that were right (0 when empty).
    pub accuracy: f64,
}

/// Calibration of the predicted stance's probability.
#[derive(Debug, Clone, PartialEq)]
pub struct Calibration {
    /// Equal-width bins over `[0, 1]`.
    pub bins: Vec<CalibrationBin>,
    /// Expected calibration error: `Σ (count/N)·|accuracy − confidence|`.
    pub ece: f64,
}

impl Calibration {
    /// Bins `predictions` (confidence = probability of the predicted stance) into `n_bins`.
    pub fn compute(gold: &[Stance], predictions: &[Prediction], n_bins: usize) -> Calibration {
        let n_bins = n_bins.max(1);
        let mut sums = vec![(0usize, 0.0f64, 0usize); n_bins];
        for (g, p) in gold.iter().zip(predictions) {
            let confidence = p.confidence();
            let bin = ((confidence * n_bins as f64).ceil() as usize).clamp(1, n_bins) - 1;
            sums[bin].0 += 1;
            sums[bin].1 += confidence;
            sums[bin].2 += usize::from(p.stance == *g);
        }
        let total = gold.len().max(1) as f64;
        let mut ece = 0.0;
        let bins = sums
            .iter()
            .enumerate()
            .map(|(b, &(count, conf_sum, correct))| {
                let (confidence, accuracy) = if count == 0 {
                    (0.0, 0.0)
                } else {
                    (conf_sum / count as f64, correct as f64 / count as f64)
                };
                ece += count as f64 / total * (accuracy - confidence).abs();
                CalibrationBin {
                    lower: b as f64 / n_bins as f64,
                    upper: (b + 1) as f64 / n_bins as f64,
                    count,
                    confidence,
                    accuracy,
                }
            })
            .collect();
        Calibration { bins, ece }
    }
}

/// A wrongly classified example, with what drove the wrong answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Misclassified {
    /// Index of the example in the evaluated dataset (for articles: of the gold row).
    pub index: usize,
    /// `file:line`.
    pub location: String,
    /// The sentence.
    pub text: String,
    /// The stance holder, if named.
    pub actor: Option<String>,
    /// The gold stance.
    pub gold: Stance,
    /// The prediction.
    pub prediction: Prediction,
    /// Top `(feature, weight × value)` contributions toward the predicted stance.
    pub features: Vec<(String, f64)>,
}

/// How well actors were found, against gold actors.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// Stance holders the tool reported.
    pub detected: usize,
    /// Gold stance holders.
    pub gold: usize,
    /// Detected actors that match a gold actor.
    pub matched: usize,
    /// `matched / detected` (0 when nothing was detected).
    pub precision: f64,
    /// Gold actors found / gold actors.
    pub recall: f64,
}

/// Everything a report shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// What was evaluated (a model file, or cross-validation).
    pub source: String,
    /// The model's metrics.
    pub metrics: Metrics,
    /// The majority-class baseline on the same data.
    pub baseline: Baseline,
    /// Reliability of the predicted probabilities.
    pub calibration: Calibration,
    /// Features with the largest weight per stance (when a single model was evaluated).
    pub top_features: Option<[Vec<(String, f64)>; K]>,
    /// The most confidently wrong examples.
    pub misclassified: Vec<Misclassified>,
    /// Actor detection scores (article-level evaluation only).
    pub detection: Option<Detection>,
    /// Every example's prediction, in data order (sentence-level evaluation only).
    pub predictions: Vec<Prediction>,
}

/// Number of calibration bins in reports.
pub const CALIBRATION_BINS: usize = 10;
/// Number of top features per stance and misclassified examples in reports.
pub const REPORT_TOP: usize = 15;

/// Evaluates `model` on `data`.
pub fn evaluate_model(model: &Model, data: &Dataset, source: &str) -> Evaluation {
    use rayon::prelude::*;
    let predictions: Vec<Prediction> = data
        .examples
        .par_chunks(512)
        .flat_map_iter(|chunk| {
            let mut predictor = model.predictor();
            chunk
                .iter()
                .map(|e| {
                    let spans = e.actor_spans();
                    predictor.predict(&e.document(&spans))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let train_counts =
        Stance::ALL.map(|s| model.training().label_counts.get(&s).copied().unwrap_or(0));
    let mut evaluation = evaluate_predictions(data, predictions, train_counts, source);
    evaluation.top_features = Some(model.top_features(REPORT_TOP));
    let mut predictor = model.predictor();
    for wrong in &mut evaluation.misclassified {
        let example = &data.examples[wrong.index];
        let spans = example.actor_spans();
        let doc = example.document(&spans);
        wrong.features = predictor.explain(&doc, 5).1;
    }
    evaluation
}

/// Scores precomputed predictions (one per example of `data`).
pub fn evaluate_predictions(
    data: &Dataset,
    predictions: Vec<Prediction>,
    train_counts: [usize; K],
    source: &str,
) -> Evaluation {
    let gold: Vec<Stance> = data.examples.iter().map(|e| e.label).collect();
    let predicted: Vec<Stance> = predictions.iter().map(|p| p.stance).collect();
    let mut wrong: Vec<usize> = (0..gold.len())
        .filter(|&i| gold[i] != predicted[i])
        .collect();
    wrong.sort_by(|&a, &b| {
        predictions[b]
            .confidence()
            .total_cmp(&predictions[a].confidence())
            .then(a.cmp(&b))
    });
    let misclassified = wrong
        .into_iter()
        .take(REPORT_TOP)
        .map(|i| Misclassified {
            index: i,
            location: data.location(i),
            text: data.examples[i].text.clone(),
            actor: data.examples[i].actor.clone(),
            gold: gold[i],
            prediction: predictions[i],
            features: Vec::new(),
        })
        .collect();
    Evaluation {
        source: source.to_string(),
        metrics: Metrics::compute(&gold, &predicted),
        baseline: Baseline::majority(train_counts, &gold),
        calibration: Calibration::compute(&gold, &predictions, CALIBRATION_BINS),
        top_features: None,
        misclassified,
        detection: None,
        predictions,
    }
}

/// One CSV row per example of `data`: where it is, its group (article or topic), its actor,
/// gold and predicted stance, the confidence and the three probabilities, and the text; for
/// error analysis and for resampling by group (`scripts/bootstrap.py`).
///
/// # Panics
/// When `predictions` does not hold exactly one prediction per example.
pub fn predictions_csv(data: &Dataset, predictions: &[Prediction]) -> Vec<u8> {
    assert_eq!(
        data.examples.len(),
        predictions.len(),
        "one prediction per example"
    );
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "location",
        "group",
        "actor",
        "gold",
        "predicted",
        "confidence",
    ];
    header.extend(Stance::ALL.map(Stance::as_str));
    header.push("text");
    // Writing to memory cannot fail, and every record has the header's length.
    const INFALLIBLE: &str = "writing a CSV record to memory";
    out.write_record(&header).expect(INFALLIBLE);
    for (i, (example, prediction)) in data.examples.iter().zip(predictions).enumerate() {
        let mut record = vec![
            data.location(i),
            example.group.clone(),
            example.actor.clone().unwrap_or_default(),
            example.label.as_str().to_string(),
            prediction.stance.as_str().to_string(),
            format!("{:.4}", prediction.confidence()),
        ];
        record.extend(prediction.probabilities.map(|p| format!("{p:.4}")));
        record.push(example.text.clone());
        out.write_record(&record).expect(INFALLIBLE);
    }
    out.into_inner().expect(INFALLIBLE)
}

/// One gold stance holder of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldActor {
    /// The article's file name.
    pub article: String,
    /// The actor's name.
    pub actor: String,
    /// Other names the article uses.
    pub aliases: Vec<String>,
    /// The gold stance.
    pub stance: Stance,
}

/// Lowercase, without leading determiners (articles, small counts) or a trailing possessive:
/// "A Treasury official" and "the Treasury official" name the same actor as "Treasury
/// official", "the four Green councillors" the same as "Green councillors".
fn normalize_name(name: &str) -> String {
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let lower = name.trim().to_lowercase().replace('\u{2019}', "'");
    let mut rest = lower.as_str();
    while let Some((first, tail)) = rest.split_once(' ')
        && DETERMINERS.contains(&first)
    {
        rest = tail;
    }
    rest.strip_suffix("'s").unwrap_or(rest).to_string()
}

/// Whether a detected actor (name and aliases) and a gold actor share a name.
pub fn same_actor(found: &ActorStance, gold: &GoldActor) -> bool {
    let gold_names: Vec<String> = std::iter::once(&gold.actor)
        .chain(&gold.aliases)
        .map(|n| normalize_name(n))
        .collect();
    std::iter::once(&found.actor)
        .chain(&found.aliases)
        .any(|n| gold_names.contains(&normalize_name(n)))
}

/// Scores article-level output against gold actors.
///
/// Each gold actor is matched to at most one detected actor of the same article (the first,
/// in the tool's order, that shares a name or alias). Detection precision is the share of
/// detected actors that match some gold actor; recall the share of gold actors found. The
/// stance metrics run over the gold actors, a missed actor counting as a wrong answer.
pub fn evaluate_articles(
    results: &[ArticleStances],
    gold: &[GoldActor],
    source: &str,
) -> Evaluation {
    let mut confusion = [[0; K]; K];
    let mut missed = [0; K];
    let mut gold_labels = Vec::new();
    let mut predictions = Vec::new();
    let mut misclassified = Vec::new();
    let mut matched_detected = 0;
    let mut detected = 0;
    let mut found_gold = 0;
    for result in results {
        let golds: Vec<(usize, &GoldActor)> = gold
            .iter()
            .enumerate()
            .filter(|(_, g)| g.article == result.article)
            .collect();
        detected += result.actors.len();
        matched_detected += result
            .actors
            .iter()
            .filter(|a| golds.iter().any(|(_, g)| same_actor(a, g)))
            .count();
        let mut used = vec![false; result.actors.len()];
        for (gold_index, g) in golds {
            let hit =
                (0..result.actors.len()).find(|&i| !used[i] && same_actor(&result.actors[i], g));
            match hit {
                Some(i) => {
                    used[i] = true;
                    found_gold += 1;
                    let actor = &result.actors[i];
                    let p = actor.probabilities;
                    let prediction = Prediction {
                        stance: actor.stance,
                        probabilities: [p.supportive, p.opposed, p.noncommittal],
                    };
                    confusion[g.stance.index()][actor.stance.index()] += 1;
                    gold_labels.push(g.stance);
                    predictions.push(prediction);
                    if actor.stance != g.stance {
                        misclassified.push(Misclassified {
                            index: gold_index,
                            location: result.article.clone(),
                            text: actor
                                .evidence
                                .first()
                                .map_or_else(String::new, |e| e.text.clone()),
                            actor: Some(actor.actor.clone()),
                            gold: g.stance,
                            prediction,
                            features: actor
                                .evidence
                                .first()
                                .map_or_else(Vec::new, |e| e.features.clone()),
                        });
                    }
                }
                None => missed[g.stance.index()] += 1,
            }
        }
    }
    let gold_total = gold
        .iter()
        .filter(|g| results.iter().any(|r| r.article == g.article))
        .count();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    misclassified.sort_by(|a, b| {
        b.prediction
            .confidence()
            .total_cmp(&a.prediction.confidence())
    });
    misclassified.truncate(REPORT_TOP);
    let all_gold: Vec<Stance> = gold
        .iter()
        .filter(|g| results.iter().any(|r| r.article == g.article))
        .map(|g| g.stance)
        .collect();
    let mut gold_counts = [0; K];
    all_gold.iter().for_each(|s| gold_counts[s.index()] += 1);
    Evaluation {
        source: source.to_string(),
        metrics: Metrics::from_confusion_with_missed(confusion, missed),
        baseline: Baseline::majority(gold_counts, &all_gold),
        calibration: Calibration::compute(&gold_labels, &predictions, CALIBRATION_BINS),
        top_features: None,
        misclassified,
        predictions: Vec::new(),
        detection: Some(Detection {
            detected,
            gold: gold_total,
            matched: found_gold,
            precision: ratio(matched_detected, detected),
            recall: ratio(found_gold, gold_total),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hand-computed: gold rows, predicted columns; noncommittal is never predicted.
    ///
    /// ```text
    ///               sup  opp  non
    /// supportive      4    1    0    support 5
    /// opposed         2    3    0    support 5
    /// noncommittal    1    1    0    support 2
    /// ```
    /// P(sup) = 4/7, R(sup) = 4/5, F1 = 2·(4/7)(4/5)/((4/7)+(4/5)) = 2/3;
    /// P(opp) = 3/5, R(opp) = 3/5, F1 = 3/5; non: P = R = F1 = 0.
    /// accuracy = 7/12; macro-F1 = (2/3 + 3/5 + 0)/3 = 19/45; f_avg = (2/3 + 3/5)/2 = 19/30.
    #[test]
    fn metrics_match_hand_computed_confusion_with_never_predicted_class() {
        let m = Metrics::from_confusion([[4, 1, 0], [2, 3, 0], [1, 1, 0]]);
        let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
        assert_eq!(m.examples, 12);
        assert!(close(m.accuracy, 7.0 / 12.0));
        assert!(close(m.per_class[0].precision, 4.0 / 7.0));
        assert!(close(m.per_class[0].recall, 0.8));
        assert!(close(m.per_class[0].f1, 2.0 / 3.0));
        assert!(close(m.per_class[1].f1, 0.6));
        assert_eq!(
            m.per_class[2],
            ClassMetrics {
                precision: 0.0,
                recall: 0.0,
                f1: 0.0,
                support: 2
            }
        );
        assert!(close(m.macro_f1, 19.0 / 45.0));
        assert!(close(m.f_avg, 19.0 / 30.0));
    }

    #[test]
    fn missed_items_count_against_recall_not_precision() {
        let m = Metrics::from_confusion_with_missed([[2, 0, 0], [0, 1, 0], [0, 0, 1]], [2, 0, 0]);
        assert_eq!(m.examples, 6);
        assert!((m.accuracy - 4.0 / 6.0).abs() < 1e-12);
        assert_eq!(m.per_class[0].precision, 1.0);
        assert_eq!(m.per_class[0].recall, 0.5);
        assert_eq!(m.per_class[0].support, 4);
    }

    #[test]
    fn article_gold_matching_uses_names_and_aliases() {
        use crate::actors::ActorKind;
        use crate::analyze::Probabilities;
        let actor = |name: &str, aliases: &[&str], stance: Stance| ActorStance {
            actor: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind: ActorKind::Person,
            stance,
            confidence: 0.6,
            probabilities: Probabilities {
                supportive: 0.6,
                opposed: 0.2,
                noncommittal: 0.2,
            },
            mentions: 1,
            evidence: vec![],
        };
        let results = vec![ArticleStances {
            article: "a.txt".into(),
            actors: vec![
                actor(
                    "EU foreign policy chief Kaja Kallas",
                    &["Kallas"],
                    Stance::Supportive,
                ),
                actor("Reuters", &[], Stance::Noncommittal),
            ],
        }];
        let gold = vec![
            GoldActor {
                article: "a.txt".into(),
                actor: "Kaja Kallas".into(),
                aliases: vec!["Kallas".into()],
                stance: Stance::Supportive,
            },
            GoldActor {
                article: "a.txt".into(),
                actor: "the Kremlin".into(),
                aliases: vec![],
                stance: Stance::Opposed,
            },
            GoldActor {
                article: "other.txt".into(),
                actor: "Nobody".into(),
                aliases: vec![],
                stance: Stance::Opposed,
            },
        ];
        let e = evaluate_articles(&results, &gold, "test");
        let d = e.detection.unwrap();
        assert_eq!((d.detected, d.gold, d.matched), (2, 2, 1));
        assert_eq!(d.precision, 0.5);
        assert_eq!(d.recall, 0.5);
        assert_eq!(e.metrics.examples, 2);
        assert_eq!(
            e.metrics.accuracy, 0.5,
            "the missed Kremlin counts as wrong"
        );
        assert_eq!(e.metrics.per_class[1].recall, 0.0);
        assert!(same_actor(
            &actor("The Kremlin", &[], Stance::Opposed),
            &gold[1]
        ));
    }

    #[test]
    fn names_match_without_their_article() {
        for name in [
            "Treasury official",
            "a Treasury official",
            "the Treasury official",
        ] {
            assert_eq!(normalize_name(name), "treasury official", "{name}");
        }
        assert_eq!(normalize_name("An envoy"), "envoy");
        assert_eq!(
            normalize_name("The four Green councillors"),
            "green councillors"
        );
        assert_eq!(normalize_name("Anna Lind"), "anna lind");
        assert_eq!(normalize_name("A.P. Moller"), "a.p. moller");
    }

    #[test]
    fn compute_builds_the_confusion_from_pairs() {
        use Stance::*;
        let gold = [Supportive, Supportive, Opposed, Noncommittal];
        let pred = [Supportive, Opposed, Opposed, Supportive];
        let m = Metrics::compute(&gold, &pred);
        assert_eq!(m.confusion, [[1, 1, 0], [0, 1, 0], [1, 0, 0]]);
        assert_eq!(m.accuracy, 0.5);
    }

    #[test]
    fn baseline_predicts_training_majority() {
        use Stance::*;
        let b = Baseline::majority([1, 5, 2], &[Opposed, Opposed, Supportive, Noncommittal]);
        assert_eq!(b.label, Opposed);
        assert_eq!(b.accuracy, 0.5);
        // F1(opposed) = 2·0.5·1/(1.5) = 2/3; others 0.
        assert!((b.macro_f1 - 2.0 / 9.0).abs() < 1e-12);
    }

    #[test]
    fn calibration_bins_and_ece() {
        use Stance::*;
        let p = |probs| Prediction::from_probabilities(probs);
        let predictions = [
            p([0.9, 0.05, 0.05]),
            p([0.95, 0.05, 0.0]),
            p([0.1, 0.35, 0.55]),
            p([0.4, 0.6, 0.0]),
        ];
        let gold = [Supportive, Opposed, Noncommittal, Opposed];
        let c = Calibration::compute(&gold, &predictions, 2);
        // Bin [0, .5]: none. Bin (.5, 1]: all four, confidence mean .75, accuracy 3/4.
        assert_eq!(c.bins[0].count, 0);
        assert_eq!(c.bins[1].count, 4);
        assert!((c.bins[1].confidence - 0.75).abs() < 1e-12);
        assert!((c.ece - 0.0).abs() < 1e-12);
        let c = Calibration::compute(&gold, &predictions, 10);
        // Bins: .9 → bin 8 (1 right), .95 → bin 9 (wrong), .55 → bin 5, .6 → bin 5 (both right).
        assert_eq!(c.bins[5].count, 2);
        let expected = (0.1 + 0.95 + (1.0 - 0.575) * 2.0) / 4.0;
        assert!((c.ece - expected).abs() < 1e-12, "{} vs {expected}", c.ece);
    }
}
