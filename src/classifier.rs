//! Classifier: multinomial logistic regression over sparse TF-IDF rows.
//!
//! The objective is `linfa-logistic`'s multinomial one, `Σᵢ sᵢ·(−log softmax(xᵢW + b)_{yᵢ}) +
//! α/2·‖W‖²` (intercept not penalised), minimised with the same `argmin` L-BFGS solver and
//! More–Thuente line search. Two differences make it usable on text:
//! it walks the sparse rows instead of a dense matrix (`linfa-logistic` is dense-only, and its
//! cost grows with rows × vocabulary), and each row may carry a weight `sᵢ` (for class
//! balancing; with all weights 1 the objective is exactly linfa's). [`fit_linfa`] keeps
//! `linfa-logistic` as the reference: tests check that both reach the same predictions.

use std::sync::Mutex;

use argmin::core::{CostFunction, Executor, Gradient, State};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::quasinewton::LBFGS;
use ndarray::Array1;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::label::{NUM_STANCES, Stance};
use crate::sparse::{SparseMatrix, SparseVector};

const K: usize = NUM_STANCES;

/// How training rows are weighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClassWeight {
    /// Every row weighs 1 (linfa's objective).
    None,
    /// Row weight `n / (3 · n_class)`, so each stance weighs the same in total
    /// (scikit-learn's `class_weight="balanced"`).
    Balanced,
}

/// Default L2 strength grid searched by cross-validation.
pub const DEFAULT_ALPHAS: [f64; 6] = [0.01, 0.03, 0.1, 0.3, 1.0, 3.0];
/// Default iteration cap for L-BFGS.
pub const DEFAULT_MAX_ITERATIONS: u64 = 500;
/// Default gradient tolerance, relative to the total row weight (the loss is a sum over rows).
pub const DEFAULT_RELATIVE_TOLERANCE: f64 = 1e-5;

/// Solver settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SolverConfig {
    /// L2 strength `α` (> 0).
    pub alpha: f64,
    /// Row weighting.
    pub class_weight: ClassWeight,
    /// Iteration cap.
    pub max_iterations: u64,
    /// Stop when ‖gradient‖ ≤ this × total row weight.
    pub relative_tolerance: f64,
}

impl Default for SolverConfig {
    fn default() -> Self {
        SolverConfig {
            alpha: 1.0,
            class_weight: ClassWeight::Balanced,
            max_iterations: DEFAULT_MAX_ITERATIONS,
            relative_tolerance: DEFAULT_RELATIVE_TOLERANCE,
        }
    }
}

/// How an optimisation ended.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FitSummary {
    /// L-BFGS iterations run.
    pub iterations: u64,
    /// Objective value at the solution.
    pub loss: f64,
    /// Euclidean norm of the gradient at the solution.
    pub gradient_norm: f64,
    /// Whether the gradient norm reached the tolerance.
    pub converged: bool,
}

/// Learned weights: one column per stance, plus an intercept.
#[derive(Debug, Clone, PartialEq)]
pub struct LinearModel {
    /// Row-major `n_features × 3`.
    weights: Vec<f64>,
    intercept: [f64; K],
}

impl LinearModel {
    /// A model from per-feature weight rows and an intercept.
    pub fn new(weights: &[[f64; K]], intercept: [f64; K]) -> LinearModel {
        LinearModel {
            weights: weights.iter().flatten().copied().collect(),
            intercept,
        }
    }

    /// A model with every weight zero (uniform probabilities).
    pub fn zeros(n_features: usize) -> LinearModel {
        LinearModel {
            weights: vec![0.0; n_features * K],
            intercept: [0.0; K],
        }
    }

    /// Number of input features.
    pub fn n_features(&self) -> usize {
        self.weights.len() / K
    }

    /// The weights of `feature`, one per stance.
    pub fn weights(&self, feature: usize) -> [f64; K] {
        let row = &self.weights[feature * K..feature * K + K];
        [row[0], row[1], row[2]]
    }

    /// All weight rows, in feature order.
    pub fn weight_rows(&self) -> impl Iterator<Item = [f64; K]> + '_ {
        self.weights.chunks_exact(K).map(|r| [r[0], r[1], r[2]])
    }

    /// The intercept, one per stance.
    pub fn intercept(&self) -> [f64; K] {
        self.intercept
    }

    /// Unnormalised scores `x·W + b`.
    pub fn scores(&self, indices: &[u32], values: &[f64]) -> [f64; K] {
        let mut scores = self.intercept;
        for (&j, &v) in indices.iter().zip(values) {
            let row = &self.weights[j as usize * K..j as usize * K + K];
            for k in 0..K {
                scores[k] += v * row[k];
            }
        }
        scores
    }

    /// Stance probabilities of one row, in [`Stance::ALL`] order.
    pub fn probabilities(&self, x: &SparseVector) -> [f64; K] {
        softmax(self.scores(&x.indices, &x.values))
    }

    /// The largest contributions `weight × value` of `x`'s features toward `stance`,
    /// as `(feature, contribution)`, largest first; only positive contributions.
    pub fn contributions(&self, x: &SparseVector, stance: Stance, top: usize) -> Vec<(usize, f64)> {
        let k = stance.index();
        let mut out: Vec<(usize, f64)> = x
            .iter()
            .map(|(j, v)| (j, v * self.weights[j * K + k]))
            .filter(|&(_, c)| c > 0.0)
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out.truncate(top);
        out
    }
}

/// Softmax of a score vector, stable for any finite scores.
pub fn softmax(scores: [f64; K]) -> [f64; K] {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut p = scores.map(|s| (s - max).exp());
    let sum: f64 = p.iter().sum();
    p.iter_mut().for_each(|v| *v /= sum);
    p
}

/// Row weights for `labels` under `class_weight`.
pub fn row_weights(labels: &[Stance], class_weight: ClassWeight) -> Vec<f64> {
    match class_weight {
        ClassWeight::None => vec![1.0; labels.len()],
        ClassWeight::Balanced => {
            let mut counts = [0usize; K];
            labels.iter().for_each(|l| counts[l.index()] += 1);
            let n = labels.len() as f64;
            labels
                .iter()
                .map(|l| n / (K as f64 * counts[l.index()] as f64))
                .collect()
        }
    }
}

fn check_training_input(x: &SparseMatrix, labels: &[Stance], alpha: f64) -> Result<()> {
    if x.n_rows() != labels.len() {
        return Err(Error::Training(format!(
            "{} feature rows but {} labels",
            x.n_rows(),
            labels.len()
        )));
    }
    if !(alpha.is_finite() && alpha > 0.0) {
        return Err(Error::Config(format!(
            "alpha must be a positive number, got {alpha}"
        )));
    }
    let mut counts = [0usize; K];
    labels.iter().for_each(|l| counts[l.index()] += 1);
    if let Some(missing) = Stance::ALL.iter().find(|s| counts[s.index()] == 0) {
        return Err(Error::Training(format!(
            "no examples labelled `{missing}`; a model needs examples of every stance"
        )));
    }
    Ok(())
}

/// Parameters with the loss and gradient computed at them.
type Evaluated = (Array1<f64>, f64, Array1<f64>);

/// The sparse multinomial objective, with its last evaluation cached because L-BFGS asks for
/// the cost and the gradient at the same point separately.
struct Objective<'a> {
    x: &'a SparseMatrix,
    labels: &'a [Stance],
    row_weights: &'a [f64],
    alpha: f64,
    cache: Mutex<Option<Evaluated>>,
}

impl Objective<'_> {
    fn evaluate(&self, theta: &Array1<f64>) -> (f64, Array1<f64>) {
        if let Some((at, loss, grad)) = self.cache.lock().expect("cache lock").as_ref()
            && at == theta
        {
            return (*loss, grad.clone());
        }
        let (loss, grad) = self.compute(theta);
        *self.cache.lock().expect("cache lock") = Some((theta.clone(), loss, grad.clone()));
        (loss, grad)
    }

    fn compute(&self, theta: &Array1<f64>) -> (f64, Array1<f64>) {
        let d = self.x.n_cols();
        let theta = theta.as_slice().expect("contiguous parameters");
        let (w, b) = theta.split_at(d * K);
        let n = self.x.n_rows();
        let chunk = n.div_ceil(rayon::current_num_threads().max(1) * 4).max(64);
        let (data_loss, mut grad) = (0..n.div_ceil(chunk))
            .into_par_iter()
            .map(|c| {
                let mut grad = vec![0.0; (d + 1) * K];
                let mut loss = 0.0;
                for i in c * chunk..((c + 1) * chunk).min(n) {
                    let (indices, values) = self.x.row(i);
                    let mut s = [b[0], b[1], b[2]];
                    for (&j, &v) in indices.iter().zip(values) {
                        let row = &w[j as usize * K..j as usize * K + K];
                        for k in 0..K {
                            s[k] += v * row[k];
                        }
                    }
                    let max = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    let lse = max + s.iter().map(|v| (v - max).exp()).sum::<f64>().ln();
                    let y = self.labels[i].index();
                    let weight = self.row_weights[i];
                    loss += weight * (lse - s[y]);
                    let mut diff = [0.0; K];
                    for k in 0..K {
                        let target = if k == y { 1.0 } else { 0.0 };
                        diff[k] = weight * ((s[k] - lse).exp() - target);
                    }
                    for (&j, &v) in indices.iter().zip(values) {
                        let g = &mut grad[j as usize * K..j as usize * K + K];
                        for k in 0..K {
                            g[k] += v * diff[k];
                        }
                    }
                    for k in 0..K {
                        grad[d * K + k] += diff[k];
                    }
                }
                (loss, grad)
            })
            .reduce(
                || (0.0, vec![0.0; (d + 1) * K]),
                |(la, mut ga), (lb, gb)| {
                    ga.iter_mut().zip(&gb).for_each(|(a, b)| *a += b);
                    (la + lb, ga)
                },
            );
        let penalty: f64 = w.iter().map(|v| v * v).sum::<f64>() * 0.5 * self.alpha;
        for (g, &wj) in grad.iter_mut().zip(w) {
            *g += self.alpha * wj;
        }
        (data_loss + penalty, Array1::from(std::mem::take(&mut grad)))
    }
}

impl CostFunction for Objective<'_> {
    type Param = Array1<f64>;
    type Output = f64;

    fn cost(&self, theta: &Self::Param) -> std::result::Result<f64, argmin::core::Error> {
        Ok(self.evaluate(theta).0)
    }
}

impl Gradient for Objective<'_> {
    type Param = Array1<f64>;
    type Gradient = Array1<f64>;

    fn gradient(
        &self,
        theta: &Self::Param,
    ) -> std::result::Result<Array1<f64>, argmin::core::Error> {
        Ok(self.evaluate(theta).1)
    }
}

fn flatten(model: &LinearModel) -> Array1<f64> {
    let mut theta = model.weights.clone();
    theta.extend_from_slice(&model.intercept);
    Array1::from(theta)
}

fn unflatten(theta: &[f64], n_features: usize) -> LinearModel {
    let (w, b) = theta.split_at(n_features * K);
    LinearModel {
        weights: w.to_vec(),
        intercept: [b[0], b[1], b[2]],
    }
}

/// Fits the weights to `x` and `labels` with L-BFGS, optionally starting from `warm_start`.
///
/// # Errors
/// [`Error::Training`] when rows and labels differ in number or a stance has no example;
/// [`Error::Config`] for a non-positive `alpha`; [`Error::Training`] if the solver fails.
pub fn fit(
    x: &SparseMatrix,
    labels: &[Stance],
    config: &SolverConfig,
    warm_start: Option<&LinearModel>,
) -> Result<(LinearModel, FitSummary)> {
    check_training_input(x, labels, config.alpha)?;
    let d = x.n_cols();
    let weights = row_weights(labels, config.class_weight);
    let total_weight: f64 = weights.iter().sum();
    let tolerance = config.relative_tolerance * total_weight;
    let objective = Objective {
        x,
        labels,
        row_weights: &weights,
        alpha: config.alpha,
        cache: Mutex::new(None),
    };
    let start = match warm_start {
        Some(model) if model.n_features() == d => flatten(model),
        _ => Array1::zeros((d + 1) * K),
    };
    let (_, start_grad) = objective.evaluate(&start);
    if l2(&start_grad) <= tolerance {
        let loss = objective.evaluate(&start).0;
        let model = unflatten(start.as_slice().expect("contiguous"), d);
        return Ok((
            model,
            FitSummary {
                iterations: 0,
                loss,
                gradient_norm: l2(&start_grad),
                converged: true,
            },
        ));
    }
    let solver = LBFGS::new(MoreThuenteLineSearch::new(), 10)
        .with_tolerance_grad(tolerance)
        .and_then(|s| s.with_tolerance_cost(0.0))
        .map_err(|e| Error::Training(format!("solver setup: {e}")))?;
    let result = Executor::new(objective, solver)
        .configure(|state| state.param(start).max_iters(config.max_iterations))
        .run()
        .map_err(|e| Error::Training(format!("L-BFGS failed: {e}")))?;
    let iterations = result.state.get_iter();
    let theta = result
        .state
        .get_best_param()
        .cloned()
        .ok_or_else(|| Error::Training("L-BFGS returned no parameters".into()))?;
    let objective = result
        .problem
        .problem
        .as_ref()
        .ok_or_else(|| Error::Training("L-BFGS did not return its problem".into()))?;
    let (loss, grad) = objective.evaluate(&theta);
    let gradient_norm = l2(&grad);
    let model = unflatten(theta.as_slice().expect("contiguous"), d);
    Ok((
        model,
        FitSummary {
            iterations,
            loss,
            gradient_norm,
            converged: gradient_norm <= tolerance,
        },
    ))
}

fn l2(v: &Array1<f64>) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}

/// Fits with `linfa-logistic`'s dense multinomial solver (no row weights): the reference
/// implementation of the objective, practical for small data only.
///
/// # Errors
/// As [`fit`], plus any error `linfa-logistic` reports.
pub fn fit_linfa(
    x: &SparseMatrix,
    labels: &[Stance],
    alpha: f64,
    max_iterations: u64,
    gradient_tolerance: f64,
) -> Result<LinearModel> {
    use linfa::traits::Fit;
    use linfa_logistic::MultiLogisticRegression;

    check_training_input(x, labels, alpha)?;
    let targets: Array1<usize> = labels.iter().map(|l| l.index()).collect();
    let dataset = linfa::Dataset::new(x.to_dense(), targets);
    let fitted = MultiLogisticRegression::default()
        .alpha(alpha)
        .max_iterations(max_iterations)
        .gradient_tolerance(gradient_tolerance)
        .fit(&dataset)
        .map_err(|e| Error::Training(format!("linfa-logistic: {e}")))?;
    // linfa orders classes by value; ours are 0, 1, 2, checked present above.
    debug_assert_eq!(fitted.classes(), &[0, 1, 2]);
    let params = fitted.params();
    let rows: Vec<[f64; K]> = params
        .rows()
        .into_iter()
        .map(|r| [r[0], r[1], r[2]])
        .collect();
    let b = fitted.intercept();
    Ok(LinearModel::new(&rows, [b[0], b[1], b[2]]))
}

/// Assigns each example to one of `k` folds so that no group straddles two folds.
///
/// Groups are placed largest first into the fold with the fewest rows so far (ties: lowest
/// fold, then group name), as scikit-learn's `GroupKFold` does; the result is deterministic.
///
/// # Errors
/// [`Error::Config`] when `k < 2` or there are fewer groups than folds.
pub fn group_folds(groups: &[&str], k: usize) -> Result<Vec<usize>> {
    use std::collections::BTreeMap;
    if k < 2 {
        return Err(Error::Config(format!(
            "cross-validation needs at least 2 folds, got {k}"
        )));
    }
    let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
    groups
        .iter()
        .for_each(|g| *sizes.entry(g).or_insert(0) += 1);
    if sizes.len() < k {
        return Err(Error::Config(format!(
            "cannot split {} groups into {k} folds; use fewer folds or more groups",
            sizes.len()
        )));
    }
    let mut order: Vec<(&str, usize)> = sizes.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut fold_rows = vec![0usize; k];
    let mut fold_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (group, size) in order {
        let lightest = (0..k).min_by_key(|&f| (fold_rows[f], f)).expect("k >= 2");
        fold_rows[lightest] += size;
        fold_of.insert(group, lightest);
    }
    Ok(groups.iter().map(|g| fold_of[g]).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small separable-ish problem: each stance has its own cue column, plus noise columns.
    fn toy(n_per_class: usize) -> (SparseMatrix, Vec<Stance>) {
        let mut x = SparseMatrix::new(6);
        let mut y = Vec::new();
        let mut state = 7u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as f64 / (1u64 << 31) as f64
        };
        for i in 0..n_per_class * 3 {
            let stance = Stance::from_index(i % 3);
            let noise = 3 + (i % 3);
            let mut values = [0.0; 6];
            values[stance.index()] = 0.5 + next();
            values[noise] = next();
            values[(stance.index() + 1) % 3] = 0.4 * next();
            let norm = values.iter().map(|v| v * v).sum::<f64>().sqrt();
            let row = SparseVector {
                indices: (0..6)
                    .filter(|&j| values[j] != 0.0)
                    .map(|j| j as u32)
                    .collect(),
                values: values
                    .iter()
                    .filter(|v| **v != 0.0)
                    .map(|v| v / norm)
                    .collect(),
            };
            x.push_row(&row);
            y.push(stance);
        }
        (x, y)
    }

    #[test]
    fn gradient_matches_finite_differences() {
        let (x, y) = toy(5);
        let weights = row_weights(&y[..14], ClassWeight::Balanced);
        let y = &y[..14];
        let x = x.select_rows(&(0..14).collect::<Vec<_>>());
        let objective = Objective {
            x: &x,
            labels: y,
            row_weights: &weights,
            alpha: 0.7,
            cache: Mutex::new(None),
        };
        let theta = Array1::from_iter((0..21).map(|i| ((i * 37 % 11) as f64 - 5.0) / 7.0));
        let (_, grad) = objective.compute(&theta);
        for i in 0..theta.len() {
            let h = 1e-6;
            let mut plus = theta.clone();
            plus[i] += h;
            let mut minus = theta.clone();
            minus[i] -= h;
            let numeric = (objective.compute(&plus).0 - objective.compute(&minus).0) / (2.0 * h);
            assert!(
                (numeric - grad[i]).abs() < 1e-6,
                "coordinate {i}: {numeric} vs {}",
                grad[i]
            );
        }
    }

    #[test]
    fn sparse_solver_agrees_with_linfa_logistic() {
        let (x, y) = toy(40);
        let config = SolverConfig {
            alpha: 0.5,
            class_weight: ClassWeight::None,
            max_iterations: 1000,
            relative_tolerance: 1e-9,
        };
        let (ours, summary) = fit(&x, &y, &config, None).unwrap();
        assert!(summary.converged, "{summary:?}");
        let reference = fit_linfa(&x, &y, 0.5, 1000, 1e-9).unwrap();
        let dense = x.to_dense();
        for i in 0..x.n_rows() {
            let p = ours.probabilities(&x.row_vector(i));
            let q = reference.probabilities(&x.row_vector(i));
            for k in 0..K {
                assert!((p[k] - q[k]).abs() < 1e-4, "row {i}: {p:?} vs {q:?}");
            }
            assert_eq!(crate::label::argmax(&p), crate::label::argmax(&q));
        }
        // Our sparse probabilities equal linfa's own predict_probabilities on the dense rows.
        use linfa::prelude::*;
        let targets: Array1<usize> = y.iter().map(|l| l.index()).collect();
        let fitted = linfa_logistic::MultiLogisticRegression::default()
            .alpha(0.5)
            .max_iterations(1000)
            .gradient_tolerance(1e-9)
            .fit(&Dataset::new(dense.clone(), targets))
            .unwrap();
        let linfa_probs = fitted.predict_probabilities(&dense);
        for i in 0..x.n_rows() {
            let q = reference.probabilities(&x.row_vector(i));
            for k in 0..K {
                assert!((linfa_probs[[i, k]] - q[k]).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn balanced_weights_equalise_class_totals() {
        let y = [
            Stance::Supportive,
            Stance::Supportive,
            Stance::Supportive,
            Stance::Opposed,
            Stance::Noncommittal,
            Stance::Noncommittal,
        ];
        let w = row_weights(&y, ClassWeight::Balanced);
        assert!((w[0] - 6.0 / 9.0).abs() < 1e-15);
        assert!((w[3] - 2.0).abs() < 1e-15);
        let total_per_class: Vec<f64> = Stance::ALL
            .iter()
            .map(|s| {
                y.iter()
                    .zip(&w)
                    .filter(|(l, _)| *l == s)
                    .map(|(_, w)| w)
                    .sum()
            })
            .collect();
        assert!(total_per_class.iter().all(|t| (t - 2.0).abs() < 1e-12));
    }

    #[test]
    fn refuses_missing_stance_and_bad_alpha() {
        let (x, mut y) = toy(3);
        let err = fit(
            &x,
            &y,
            &SolverConfig {
                alpha: 0.0,
                ..Default::default()
            },
            None,
        )
        .unwrap_err();
        assert!(err.to_string().contains("alpha"));
        y.iter_mut().for_each(|l| {
            if *l == Stance::Opposed {
                *l = Stance::Supportive
            }
        });
        let err = fit(&x, &y, &SolverConfig::default(), None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("no examples labelled `opposed`"), "{err}");
        assert!(fit_linfa(&x, &y, 1.0, 10, 1e-4).is_err());
    }

    #[test]
    fn warm_start_reaches_the_same_optimum_faster() {
        let (x, y) = toy(30);
        let config = SolverConfig {
            relative_tolerance: 1e-8,
            ..Default::default()
        };
        let (cold, cold_summary) = fit(&x, &y, &config, None).unwrap();
        let (again, warm_summary) = fit(&x, &y, &config, Some(&cold)).unwrap();
        assert!(warm_summary.iterations <= 1, "{warm_summary:?}");
        assert!(cold_summary.iterations > 1);
        for (a, b) in cold.weights.iter().zip(&again.weights) {
            assert!((a - b).abs() < 1e-6);
        }
    }

    #[test]
    fn extreme_unnormalised_rows_stay_finite() {
        let mut x = SparseMatrix::new(2);
        let mut y = Vec::new();
        for i in 0..30 {
            let scale = if i % 2 == 0 { 1000.0 } else { 0.001 };
            x.push_row(&SparseVector {
                indices: vec![(i % 3 != 0) as u32],
                values: vec![scale],
            });
            y.push(Stance::from_index(i % 3));
        }
        let (model, summary) = fit(&x, &y, &SolverConfig::default(), None).unwrap();
        assert!(summary.loss.is_finite());
        let p = model.probabilities(&x.row_vector(0));
        assert!(p.iter().all(|v| v.is_finite()) && (p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn group_folds_keep_groups_whole_and_balance_rows() {
        let groups = ["a", "a", "a", "b", "b", "c", "d", "d", "e"];
        let folds = group_folds(&groups, 2).unwrap();
        for (i, g) in groups.iter().enumerate() {
            for (j, h) in groups.iter().enumerate() {
                if g == h {
                    assert_eq!(folds[i], folds[j]);
                }
            }
        }
        let in_zero = folds.iter().filter(|&&f| f == 0).count();
        assert!((4..=5).contains(&in_zero), "{folds:?}");
        assert_eq!(folds, group_folds(&groups, 2).unwrap());
        assert!(
            group_folds(&groups, 6)
                .unwrap_err()
                .to_string()
                .contains("5 groups into 6 folds")
        );
        assert!(group_folds(&groups, 1).is_err());
    }

    #[test]
    fn contributions_rank_positive_evidence() {
        let model = LinearModel::new(
            &[[1.0, -1.0, 0.0], [0.5, 2.0, 0.0], [3.0, 0.0, 0.0]],
            [0.0; 3],
        );
        let x = SparseVector {
            indices: vec![0, 1, 2],
            values: vec![0.5, 0.5, 0.1],
        };
        assert_eq!(
            model.contributions(&x, Stance::Supportive, 2),
            vec![(0, 0.5), (2, 0.30000000000000004)]
        );
        assert_eq!(model.contributions(&x, Stance::Opposed, 5), vec![(1, 1.0)]);
    }
}
