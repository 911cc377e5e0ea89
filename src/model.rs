//! Model: the fitted vectoriser and classifier, saved as one versioned JSON document.
//!
//! The file is checked in two steps: its `format` and `format_version` are read first, so a
//! file from another version is refused with a clear message before anything else is parsed;
//! then every dimension is checked (vocabulary = IDF = weight rows, three labels in the fixed
//! order), so a corrupt file is refused instead of producing wrong answers.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::classifier::{ClassWeight, FitSummary, LinearModel};
use crate::error::{Error, Result};
use crate::features::{Document, FeatureConfig, Featurizer, Vectorizer};
use crate::label::{NUM_STANCES, Stance, argmax};
use crate::output::write_atomically;
use crate::sparse::SparseVector;

/// The `format` value of every model file.
pub const FORMAT: &str = "stance-model";
/// The model file version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Mean cross-validation scores for one L2 strength.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CvScore {
    /// L2 strength.
    pub alpha: f64,
    /// Mean accuracy over the folds.
    pub accuracy: f64,
    /// Mean macro-F1 over the folds.
    pub macro_f1: f64,
}

/// A training data file, as recorded in the model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataFile {
    /// File name (no directory, so the model bytes do not depend on where data lived).
    pub name: String,
    /// SHA-256 of its bytes.
    pub sha256: String,
    /// Rows read from it.
    pub rows: usize,
}

/// How a model was trained: enough to reproduce it and to judge it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingInfo {
    /// The `stance` version that trained the model.
    pub stance_version: String,
    /// Training rows.
    pub examples: usize,
    /// Training rows per stance.
    pub label_counts: BTreeMap<Stance, usize>,
    /// The data files, in the order read.
    pub data_files: Vec<DataFile>,
    /// Column names used: text, label, actor, target, group.
    pub columns: BTreeMap<String, String>,
    /// Label renames applied.
    pub label_map: BTreeMap<String, Stance>,
    /// Row weighting.
    pub class_weight: ClassWeight,
    /// The chosen L2 strength.
    pub alpha: f64,
    /// Folds of the grouped cross-validation (0 when the alpha was given, not searched).
    pub cv_folds: usize,
    /// Mean CV scores for each alpha tried.
    pub cv_scores: Vec<CvScore>,
    /// The metric the alpha was chosen by.
    pub cv_metric: String,
    /// How the final optimisation ended.
    pub fit: FitSummary,
}

#[derive(Serialize, Deserialize)]
struct Header {
    format: Option<String>,
    format_version: Option<u64>,
}

#[derive(Serialize, Deserialize)]
struct ModelFile {
    format: String,
    format_version: u32,
    labels: Vec<String>,
    features: FeatureConfig,
    vocabulary: Vec<String>,
    idf: Vec<f64>,
    weights: Vec<[f64; NUM_STANCES]>,
    intercept: [f64; NUM_STANCES],
    training: TrainingInfo,
}

/// The default model, trained from `datasets/corpus/` by `scripts/build-default-model.sh`.
const BUNDLED_MODEL: &[u8] = include_bytes!("../models/default.json");

/// One sentence's prediction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prediction {
    /// The most probable stance (first in [`Stance::ALL`] order on ties).
    pub stance: Stance,
    /// Probabilities in [`Stance::ALL`] order.
    pub probabilities: [f64; NUM_STANCES],
}

impl Prediction {
    /// The prediction for probabilities `p`.
    pub fn from_probabilities(probabilities: [f64; NUM_STANCES]) -> Prediction {
        Prediction {
            stance: Stance::from_index(argmax(&probabilities)),
            probabilities,
        }
    }

    /// The probability of the predicted stance.
    pub fn confidence(&self) -> f64 {
        self.probabilities[self.stance.index()]
    }
}

/// A trained stance model: vectoriser + weights + how it was trained.
#[derive(Debug, Clone)]
pub struct Model {
    vectorizer: Vectorizer,
    classifier: LinearModel,
    training: TrainingInfo,
}

impl Model {
    /// Assembles a model, checking that the parts fit together.
    ///
    /// # Errors
    /// [`Error::Config`] when the classifier's feature count differs from the vocabulary's.
    pub fn new(
        vectorizer: Vectorizer,
        classifier: LinearModel,
        training: TrainingInfo,
    ) -> Result<Model> {
        if vectorizer.len() != classifier.n_features() {
            return Err(Error::Config(format!(
                "vocabulary has {} features but the classifier has {}",
                vectorizer.len(),
                classifier.n_features()
            )));
        }
        Ok(Model {
            vectorizer,
            classifier,
            training,
        })
    }

    /// The vectoriser.
    pub fn vectorizer(&self) -> &Vectorizer {
        &self.vectorizer
    }

    /// The weights.
    pub fn classifier(&self) -> &LinearModel {
        &self.classifier
    }

    /// How the model was trained.
    pub fn training(&self) -> &TrainingInfo {
        &self.training
    }

    /// A reusable predictor for one thread (keeps the stem cache warm).
    pub fn predictor(&self) -> Predictor<'_> {
        Predictor {
            model: self,
            featurizer: self.vectorizer.featurizer(),
            row: SparseVector::default(),
        }
    }

    /// Predicts one document (convenience; use [`Model::predictor`] in loops).
    pub fn predict(&self, doc: &Document<'_>) -> Prediction {
        self.predictor().predict(doc)
    }

    /// The `top` features with the largest weight for each stance, as `(feature, weight)`.
    pub fn top_features(&self, top: usize) -> [Vec<(String, f64)>; NUM_STANCES] {
        Stance::ALL.map(|stance| {
            let k = stance.index();
            let mut ranked: Vec<(usize, f64)> = self
                .classifier
                .weight_rows()
                .enumerate()
                .map(|(j, w)| (j, w[k]))
                .filter(|&(_, w)| w > 0.0)
                .collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            ranked
                .into_iter()
                .take(top)
                .map(|(j, w)| (self.vectorizer.vocabulary()[j].clone(), w))
                .collect()
        })
    }

    /// The model as its JSON document (deterministic bytes for the same model).
    pub fn to_json(&self) -> String {
        let file = ModelFile {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            labels: Stance::ALL.iter().map(|s| s.as_str().to_string()).collect(),
            features: self.vectorizer.config().clone(),
            vocabulary: self.vectorizer.vocabulary().to_vec(),
            idf: self.vectorizer.idf().to_vec(),
            weights: self.classifier.weight_rows().collect(),
            intercept: self.classifier.intercept(),
            training: self.training.clone(),
        };
        let mut json = serde_json::to_string(&file).expect("model serialises");
        json.push('\n');
        json
    }

    /// Writes the model to `path` atomically (temporary file, then rename).
    ///
    /// # Errors
    /// [`Error::Io`] naming the path.
    pub fn save(&self, path: &Path) -> Result<()> {
        write_atomically(path, self.to_json().as_bytes())
    }

    /// The default model bundled into the library (trained from this project's corpus).
    ///
    /// # Errors
    /// Never for a correctly built crate; the bundled file is checked like any other.
    pub fn bundled() -> Result<Model> {
        Model::from_json(BUNDLED_MODEL, Path::new("<bundled default model>"))
    }

    /// Reads a model file.
    ///
    /// # Errors
    /// [`Error::Io`] when it cannot be read; [`Error::Model`] when it is empty, truncated,
    /// not a stance model, of another format version, or internally inconsistent.
    pub fn load(path: &Path) -> Result<Model> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        Model::from_json(&bytes, path)
    }

    /// Parses a model document; `origin` names it in error messages.
    ///
    /// # Errors
    /// As [`Model::load`].
    pub fn from_json(bytes: &[u8], origin: &Path) -> Result<Model> {
        let refuse = |message: String| Error::model(origin, message);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(refuse(
                "file is empty; train a model with `stance train`".into(),
            ));
        }
        let header: Header = serde_json::from_slice(bytes).map_err(|e| {
            let what = if e.is_eof() {
                "truncated"
            } else {
                "not valid JSON"
            };
            refuse(format!(
                "file is {what} (line {}, column {}): {e}; retrain or restore the model file",
                e.line(),
                e.column()
            ))
        })?;
        match header.format.as_deref() {
            Some(FORMAT) => {}
            Some(other) => {
                return Err(refuse(format!(
                    "is a `{other}` file, not a `{FORMAT}` model"
                )));
            }
            None => {
                return Err(refuse(format!(
                    "has no `format` field; not a `{FORMAT}` model"
                )));
            }
        }
        match header.format_version {
            Some(v) if v == u64::from(FORMAT_VERSION) => {}
            Some(v) if v > u64::from(FORMAT_VERSION) => {
                return Err(refuse(format!(
                    "format version {v} is newer than this build of stance reads (version \
                     {FORMAT_VERSION}); upgrade stance (this is {})",
                    env!("CARGO_PKG_VERSION")
                )));
            }
            Some(v) => {
                return Err(refuse(format!(
                    "format version {v} is not supported (this build reads version \
                     {FORMAT_VERSION}); retrain the model with this version"
                )));
            }
            None => return Err(refuse("has no `format_version` field".into())),
        }
        let file: ModelFile = serde_json::from_slice(bytes).map_err(|e| {
            refuse(format!(
                "is damaged (line {}, column {}): {e}; retrain or restore the model file",
                e.line(),
                e.column()
            ))
        })?;
        let expected: Vec<&str> = Stance::ALL.iter().map(|s| s.as_str()).collect();
        if file.labels != expected {
            return Err(refuse(format!(
                "labels are {:?}, expected {:?} in that order",
                file.labels, expected
            )));
        }
        if file.weights.len() != file.vocabulary.len() {
            return Err(refuse(format!(
                "has {} weight rows for {} vocabulary entries",
                file.weights.len(),
                file.vocabulary.len()
            )));
        }
        let finite = file
            .weights
            .iter()
            .flatten()
            .chain(&file.intercept)
            .all(|v| v.is_finite());
        if !finite {
            return Err(refuse("has a weight that is not a finite number".into()));
        }
        let vectorizer = Vectorizer::from_parts(file.features, file.vocabulary, file.idf)
            .map_err(|e| refuse(e.to_string()))?;
        let classifier = LinearModel::new(&file.weights, file.intercept);
        Model::new(vectorizer, classifier, file.training).map_err(|e| refuse(e.to_string()))
    }
}

/// Predicts many documents with one model, reusing buffers and the stem cache.
pub struct Predictor<'m> {
    model: &'m Model,
    featurizer: Featurizer<'m>,
    /// The last document's features (its buffers are reused).
    row: SparseVector,
}

impl Predictor<'_> {
    /// The feature vector of `doc`.
    pub fn features(&mut self, doc: &Document<'_>) -> SparseVector {
        self.featurizer.transform(doc)
    }

    /// Predicts one document.
    pub fn predict(&mut self, doc: &Document<'_>) -> Prediction {
        self.featurizer.transform_into(doc, &mut self.row);
        Prediction::from_probabilities(self.model.classifier.probabilities(&self.row))
    }

    /// Predicts one document and names the `top` features that pushed it toward its stance,
    /// as `(feature, weight × value)`.
    pub fn explain(&mut self, doc: &Document<'_>, top: usize) -> (Prediction, Vec<(String, f64)>) {
        let x = self.featurizer.transform(doc);
        let prediction = Prediction::from_probabilities(self.model.classifier.probabilities(&x));
        let vocabulary = self.model.vectorizer.vocabulary();
        let features = self
            .model
            .classifier
            .contributions(&x, prediction.stance, top)
            .into_iter()
            .map(|(j, c)| (vocabulary[j].clone(), c))
            .collect();
        (prediction, features)
    }
}
