//! Training: dataset → features → classifier → model, with the L2 strength chosen by grouped
//! cross-validation.
//!
//! In every fold the vocabulary and IDF are fitted on the training folds only, so no word of a
//! held-out article leaks into the features it is scored with. Within a fold the alphas are
//! fitted from the strongest to the weakest, each warm-started from the previous solution.

use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;

use crate::classifier::{self, ClassWeight, DEFAULT_ALPHAS, LinearModel, SolverConfig};
use crate::dataset::{Dataset, DatasetConfig, Example};
use crate::error::{Error, Result};
use crate::evaluate::Metrics;
use crate::features::{Document, FeatureConfig, Vectorizer};
use crate::label::Stance;
use crate::model::{CvScore, DataFile, Model, Prediction, TrainingInfo};

/// Default number of cross-validation folds.
pub const DEFAULT_FOLDS: usize = 5;

/// The score that picks the L2 strength.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CvMetric {
    /// Macro-F1 over the three stances.
    MacroF1,
    /// Accuracy.
    Accuracy,
}

impl CvMetric {
    /// The metric's name in reports and model metadata.
    pub fn as_str(self) -> &'static str {
        match self {
            CvMetric::MacroF1 => "macro_f1",
            CvMetric::Accuracy => "accuracy",
        }
    }
}

/// Everything that shapes a trained model.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainConfig {
    /// Feature extraction.
    pub features: FeatureConfig,
    /// Row weighting against class imbalance.
    pub class_weight: ClassWeight,
    /// L2 strengths to choose from; a single value skips cross-validation.
    pub alphas: Vec<f64>,
    /// Folds of the grouped cross-validation.
    pub folds: usize,
    /// The score that picks the alpha.
    pub cv_metric: CvMetric,
    /// L-BFGS iteration cap.
    pub max_iterations: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            features: FeatureConfig::default(),
            class_weight: ClassWeight::Balanced,
            alphas: DEFAULT_ALPHAS.to_vec(),
            folds: DEFAULT_FOLDS,
            cv_metric: CvMetric::MacroF1,
            max_iterations: classifier::DEFAULT_MAX_ITERATIONS,
        }
    }
}

impl TrainConfig {
    /// Checks every value, naming the first bad one.
    ///
    /// # Errors
    /// [`Error::Config`] for an invalid feature configuration, an empty or non-positive alpha
    /// grid, or fewer than two folds when there is a grid to search.
    pub fn validate(&self) -> Result<()> {
        self.features.validate()?;
        if self.alphas.is_empty() {
            return Err(Error::Config("the alpha grid is empty".into()));
        }
        if let Some(bad) = self.alphas.iter().find(|a| !(a.is_finite() && **a > 0.0)) {
            return Err(Error::Config(format!(
                "alpha must be a positive number, got {bad}"
            )));
        }
        if self.alphas.len() > 1 && self.folds < 2 {
            return Err(Error::Config(format!(
                "choosing among {} alphas needs at least 2 folds, got {}",
                self.alphas.len(),
                self.folds
            )));
        }
        Ok(())
    }

    fn solver(&self, alpha: f64) -> SolverConfig {
        SolverConfig {
            alpha,
            class_weight: self.class_weight,
            max_iterations: self.max_iterations,
            ..SolverConfig::default()
        }
    }

    /// The alphas from strongest to weakest regularisation (the warm-start order).
    fn alphas_descending(&self) -> Vec<f64> {
        let mut alphas = self.alphas.clone();
        alphas.sort_by(|a, b| b.total_cmp(a));
        alphas.dedup();
        alphas
    }
}

/// Out-of-fold results of grouped cross-validation.
#[derive(Debug, Clone)]
pub struct CrossValidation {
    /// Mean fold scores per alpha, in the order tried (strongest regularisation first).
    pub scores: Vec<CvScore>,
    /// The alpha with the best mean score (ties: the stronger regularisation).
    pub best_alpha: f64,
    /// Out-of-fold predictions at `best_alpha`, one per example.
    pub predictions: Vec<Prediction>,
    /// The fold of each example.
    pub folds: Vec<usize>,
}

struct Prepared<'a> {
    spans: Vec<Vec<Range<usize>>>,
    examples: &'a [Example],
}

impl<'a> Prepared<'a> {
    fn new(examples: &'a [Example]) -> Prepared<'a> {
        Prepared {
            spans: examples.iter().map(Example::actor_spans).collect(),
            examples,
        }
    }

    fn documents(&self, rows: &[usize]) -> Vec<Document<'_>> {
        rows.iter()
            .map(|&i| self.examples[i].document(&self.spans[i]))
            .collect()
    }

    fn labels(&self, rows: &[usize]) -> Vec<Stance> {
        rows.iter().map(|&i| self.examples[i].label).collect()
    }
}

/// Runs grouped `config.folds`-fold cross-validation over every alpha of the grid.
///
/// `progress` is called once per fitted (fold, alpha) pair, from any thread.
///
/// # Errors
/// [`Error::Config`] for an invalid configuration or too few groups; [`Error::Training`] when
/// a training fold lacks a stance or the solver fails.
pub fn cross_validate(
    data: &Dataset,
    config: &TrainConfig,
    progress: &(dyn Fn() + Sync),
) -> Result<CrossValidation> {
    config.validate()?;
    data.check_all_stances_present()?;
    let groups: Vec<&str> = data.examples.iter().map(|e| e.group.as_str()).collect();
    let folds = classifier::group_folds(&groups, config.folds)?;
    let prepared = Prepared::new(&data.examples);
    let alphas = config.alphas_descending();
    // Per fold: the test rows, and their predictions for each alpha.
    type FoldResult = Result<(Vec<usize>, Vec<Vec<Prediction>>)>;
    let per_fold: Vec<FoldResult> = (0..config.folds)
        .into_par_iter()
        .map(|fold| {
            let train: Vec<usize> = (0..folds.len()).filter(|&i| folds[i] != fold).collect();
            let test: Vec<usize> = (0..folds.len()).filter(|&i| folds[i] == fold).collect();
            let train_docs = prepared.documents(&train);
            let vectorizer = Vectorizer::fit(&config.features, &train_docs)?;
            let x_train = vectorizer.transform_all(&train_docs);
            let x_test = vectorizer.transform_all(&prepared.documents(&test));
            let y_train = prepared.labels(&train);
            if let Some(missing) = Stance::ALL.iter().find(|s| !y_train.contains(s)) {
                return Err(Error::Training(format!(
                    "cross-validation fold {} has no `{missing}` examples to train on; use fewer folds",
                    fold + 1
                )));
            }
            let mut warm: Option<LinearModel> = None;
            let mut by_alpha = Vec::with_capacity(alphas.len());
            for &alpha in &alphas {
                let (model, _) = classifier::fit(&x_train, &y_train, &config.solver(alpha), warm.as_ref())?;
                let predictions = (0..x_test.n_rows())
                    .map(|i| Prediction::from_probabilities(model.probabilities(&x_test.row_vector(i))))
                    .collect();
                by_alpha.push(predictions);
                warm = Some(model);
                progress();
            }
            Ok((test, by_alpha))
        })
        .collect();
    let mut oof: Vec<Vec<Option<Prediction>>> = vec![vec![None; folds.len()]; alphas.len()];
    let mut fold_scores: Vec<Vec<(f64, f64)>> = vec![Vec::new(); alphas.len()];
    for result in per_fold {
        let (test, by_alpha) = result?;
        let gold = prepared.labels(&test);
        for (a, predictions) in by_alpha.into_iter().enumerate() {
            let predicted: Vec<Stance> = predictions.iter().map(|p| p.stance).collect();
            let metrics = Metrics::compute(&gold, &predicted);
            fold_scores[a].push((metrics.accuracy, metrics.macro_f1));
            for (&i, p) in test.iter().zip(predictions) {
                oof[a][i] = Some(p);
            }
        }
    }
    let scores: Vec<CvScore> = alphas
        .iter()
        .zip(&fold_scores)
        .map(|(&alpha, s)| CvScore {
            alpha,
            accuracy: s.iter().map(|x| x.0).sum::<f64>() / s.len() as f64,
            macro_f1: s.iter().map(|x| x.1).sum::<f64>() / s.len() as f64,
        })
        .collect();
    let score = |s: &CvScore| match config.cv_metric {
        CvMetric::MacroF1 => s.macro_f1,
        CvMetric::Accuracy => s.accuracy,
    };
    let mut best = 0;
    for (a, s) in scores.iter().enumerate() {
        if score(s) > score(&scores[best]) {
            best = a;
        }
    }
    let predictions = oof[best]
        .iter()
        .map(|p| p.expect("every example is in one test fold"))
        .collect();
    Ok(CrossValidation {
        best_alpha: scores[best].alpha,
        scores,
        predictions,
        folds,
    })
}

/// Trains a model on `data`: chooses the alpha by grouped cross-validation when the grid has
/// several values, then fits the vocabulary and weights on all the data.
///
/// `progress` is called once per fitted model (fold × alpha, then the final fit).
///
/// # Errors
/// As [`cross_validate`]; also when the data lacks a stance.
pub fn train(
    data: &Dataset,
    dataset_config: &DatasetConfig,
    config: &TrainConfig,
    progress: &(dyn Fn() + Sync),
) -> Result<Model> {
    config.validate()?;
    data.check_all_stances_present()?;
    let (alpha, cv_scores, cv_folds) = if config.alphas.len() > 1 {
        let cv = cross_validate(data, config, progress)?;
        (cv.best_alpha, cv.scores, config.folds)
    } else {
        (config.alphas[0], Vec::new(), 0)
    };
    let prepared = Prepared::new(&data.examples);
    let all: Vec<usize> = (0..data.examples.len()).collect();
    let docs = prepared.documents(&all);
    let vectorizer = Vectorizer::fit(&config.features, &docs)?;
    let x = vectorizer.transform_all(&docs);
    let (classifier, fit) =
        classifier::fit(&x, &prepared.labels(&all), &config.solver(alpha), None)?;
    progress();

    let counts = data.label_counts();
    let mut columns = BTreeMap::new();
    columns.insert("text".to_string(), dataset_config.text_col.clone());
    columns.insert("label".to_string(), dataset_config.label_col.clone());
    let optional = [
        ("actor", dataset_config.actor_col.as_ref()),
        ("target", dataset_config.target_col.as_ref()),
        ("group", dataset_config.group_col.as_ref()),
    ];
    for (key, value) in optional {
        if let Some(value) = value {
            columns.insert(key.to_string(), value.clone());
        }
    }
    let training = TrainingInfo {
        stance_version: env!("CARGO_PKG_VERSION").to_string(),
        examples: data.examples.len(),
        label_counts: Stance::ALL
            .iter()
            .map(|&s| (s, counts[s.index()]))
            .collect(),
        data_files: data
            .files
            .iter()
            .map(|f| DataFile {
                name: f
                    .path
                    .file_name()
                    .map_or_else(|| "-".into(), |n| n.to_string_lossy().into_owned()),
                sha256: f.sha256.clone(),
                rows: f.rows,
            })
            .collect(),
        columns,
        label_map: dataset_config.label_map.clone(),
        class_weight: config.class_weight,
        alpha,
        cv_folds,
        cv_scores,
        cv_metric: config.cv_metric.as_str().to_string(),
        fit,
    };
    Model::new(vectorizer, classifier, training)
}

/// Number of progress steps [`train`] reports for `config`.
pub fn progress_steps(config: &TrainConfig) -> u64 {
    let cv = if config.alphas.len() > 1 {
        config.folds * config.alphas_descending().len()
    } else {
        0
    };
    (cv + 1) as u64
}
