//! Analyze: an article's attributed statements → one stance per actor, with evidence.
//!
//! Each attribution (a sentence or quote an actor is responsible for) is classified with the
//! actor's own mentions masked. The actor's stance combines the evidence probabilities:
//! their mean decides, except that an actor with confident, nearly equal evidence on both
//! sides is noncommittal (they are hedging or have changed their mind), as is one with only hedges.

use serde::Serialize;

use crate::actors::{ActorKind, ArticleActors, AttributionKind, Lexicon, analyze_actors};
use crate::features::Document;
use crate::label::{NUM_STANCES, Stance};
use crate::model::{Model, Prediction, Predictor};

/// Number of contributing features listed per evidence item.
pub const EVIDENCE_FEATURES: usize = 5;

/// One statement behind an actor's stance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The statement's words.
    pub text: String,
    /// Byte offset of the statement in the article.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// How the statement was attributed to the actor.
    pub attribution: AttributionKind,
    /// Who relayed it, for nested reports ("Peskov said Putin had rejected …").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relayed_by: Option<String>,
    /// The statement's own stance.
    pub stance: Stance,
    /// The probability of that stance.
    pub probability: f64,
    /// Top `(feature, weight × value)` contributions toward that stance.
    pub features: Vec<(String, f64)>,
}

/// One actor's stance in one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorStance {
    /// The actor's fullest name.
    pub actor: String,
    /// Other names the article uses for the actor.
    pub aliases: Vec<String>,
    /// Person, organisation, government, collective or anonymous source.
    pub kind: ActorKind,
    /// The combined stance.
    pub stance: Stance,
    /// The combined probability of that stance.
    pub confidence: f64,
    /// Combined probabilities.
    pub probabilities: Probabilities,
    /// How many times the actor is mentioned.
    pub mentions: usize,
    /// The statements that drove the decision, in article order.
    pub evidence: Vec<Evidence>,
}

/// Probabilities by stance name (serialises as an object with fixed key order).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Probabilities {
    /// P(supportive).
    pub supportive: f64,
    /// P(opposed).
    pub opposed: f64,
    /// P(noncommittal).
    pub noncommittal: f64,
}

impl From<[f64; NUM_STANCES]> for Probabilities {
    fn from(p: [f64; NUM_STANCES]) -> Self {
        Probabilities {
            supportive: p[0],
            opposed: p[1],
            noncommittal: p[2],
        }
    }
}

/// The stance holders of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleStances {
    /// The article's path or id.
    pub article: String,
    /// Actors with at least one attributed statement, in order of first mention.
    pub actors: Vec<ActorStance>,
}

/// Evidence on one side counts as confident above this probability.
const CONFIDENT: f64 = 0.5;

/// Evidence is two-sided when the weaker side carries at least this share of the stronger
/// side's mean probability: the sides nearly cancel. Sentence-level predictions are wrong about
/// one time in three, so a one-sided speaker's quotes often include one read the other way
/// (a concession, a rival's argument restated); only near-equal sides mark an actor who is
/// hedging or has changed their mind. On the example articles every step down from 0.9 made
/// more committed actors noncommittal than it caught hedgers.
const BALANCED: f64 = 0.9;

/// Combines evidence predictions into one stance.
///
/// The mean probability vector decides, unless the evidence is two-sided: both supportive
/// and opposed have a confident statement (probability above one half) and the weaker side's
/// mean probability is at least nine tenths of the stronger side's. Then the actor is
/// noncommittal.
pub fn combine(predictions: &[Prediction]) -> Prediction {
    if predictions.is_empty() {
        return Prediction::from_probabilities([0.0, 0.0, 1.0]);
    }
    let mut mean = [0.0; NUM_STANCES];
    for p in predictions {
        for (m, v) in mean.iter_mut().zip(p.probabilities) {
            *m += v / predictions.len() as f64;
        }
    }
    let confident = |s: Stance| {
        predictions
            .iter()
            .any(|p| p.stance == s && p.probabilities[s.index()] > CONFIDENT)
    };
    let (s, o) = (Stance::Supportive.index(), Stance::Opposed.index());
    let balanced = mean[s].min(mean[o]) >= BALANCED * mean[s].max(mean[o]);
    if confident(Stance::Supportive) && confident(Stance::Opposed) && balanced {
        // Evidence that cancels out says the actor is not committed either way: move the
        // contested mass to noncommittal, so the reported probabilities agree with the stance.
        let shared = mean[s].min(mean[o]);
        mean[s] -= shared;
        mean[o] -= shared;
        mean[Stance::Noncommittal.index()] += 2.0 * shared;
        let mut combined = Prediction::from_probabilities(mean);
        combined.stance = Stance::Noncommittal;
        return combined;
    }
    Prediction::from_probabilities(mean)
}

/// Rounds to 4 decimals, so output is stable and readable.
fn round(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

/// Finds the actors of `text` and decides each one's stance with `model`.
pub fn analyze_article(
    article: &str,
    text: &str,
    model: &Model,
    lexicon: &Lexicon,
) -> ArticleStances {
    let found = analyze_actors(text, lexicon);
    let mut predictor = model.predictor();
    analyze_found(article, text, &found, &mut predictor)
}

/// Like [`analyze_article`], reusing a predictor across articles (keeps its caches warm).
pub fn analyze_found(
    article: &str,
    text: &str,
    found: &ArticleActors,
    predictor: &mut Predictor<'_>,
) -> ArticleStances {
    let mut actors = Vec::new();
    for (index, actor) in found.actors.iter().enumerate() {
        let attributions: Vec<_> = found
            .attributions
            .iter()
            .filter(|a| a.actor == index)
            .collect();
        if attributions.is_empty() {
            continue;
        }
        let mut evidence = Vec::with_capacity(attributions.len());
        let mut predictions = Vec::with_capacity(attributions.len());
        for attribution in attributions {
            let span = attribution.span;
            let statement = span.text(text);
            let masks: Vec<std::ops::Range<usize>> = attribution
                .actor_mentions
                .iter()
                .filter(|m| span.start <= m.start && m.end <= span.end)
                .map(|m| m.start - span.start..m.end - span.start)
                .collect();
            let doc = Document {
                text: statement,
                actor_spans: &masks,
                target: None,
            };
            let (prediction, features) = predictor.explain(&doc, EVIDENCE_FEATURES);
            predictions.push(prediction);
            evidence.push(Evidence {
                text: statement.to_string(),
                start: span.start,
                end: span.end,
                attribution: attribution.kind,
                relayed_by: attribution.relayed_by.map(|r| found.actors[r].name.clone()),
                stance: prediction.stance,
                probability: round(prediction.confidence()),
                features: features.into_iter().map(|(f, c)| (f, round(c))).collect(),
            });
        }
        let combined = combine(&predictions);
        actors.push(ActorStance {
            actor: actor.name.clone(),
            aliases: actor
                .aliases
                .iter()
                .filter(|a| **a != actor.name)
                .cloned()
                .collect(),
            kind: actor.kind,
            stance: combined.stance,
            confidence: round(combined.probabilities[combined.stance.index()]),
            probabilities: combined.probabilities.map(round).into(),
            mentions: actor.mentions.len(),
            evidence,
        });
    }
    ArticleStances {
        article: article.to_string(),
        actors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(probabilities: [f64; 3]) -> Prediction {
        Prediction::from_probabilities(probabilities)
    }

    #[test]
    fn mean_probability_decides_one_sided_evidence() {
        let combined = combine(&[p([0.7, 0.2, 0.1]), p([0.4, 0.3, 0.3])]);
        assert_eq!(combined.stance, Stance::Supportive);
        assert!((combined.probabilities[0] - 0.55).abs() < 1e-12);
    }

    #[test]
    fn confident_evidence_on_both_sides_is_noncommittal() {
        let combined = combine(&[p([0.8, 0.1, 0.1]), p([0.1, 0.75, 0.15])]);
        assert_eq!(combined.stance, Stance::Noncommittal);
        // Mean [0.45, 0.425, 0.125]: the shared 0.425 of each side moves to noncommittal.
        let [s, o, n] = combined.probabilities;
        assert!(
            (s - 0.025).abs() < 1e-12 && o.abs() < 1e-12 && (n - 0.975).abs() < 1e-12,
            "{s} {o} {n}"
        );
    }

    #[test]
    fn a_side_clearly_ahead_of_a_contrary_quote_decides() {
        // A speaker who backs a plan in two statements and is read the other way in one (a
        // concession, a quoted rival argument) still backs it: the weaker side's mean is only
        // about 55% of the stronger's.
        let combined = combine(&[p([0.8, 0.1, 0.1]), p([0.1, 0.7, 0.2]), p([0.8, 0.1, 0.1])]);
        assert_eq!(combined.stance, Stance::Supportive);
    }

    #[test]
    fn one_stray_statement_does_not_make_an_actor_noncommittal() {
        let combined = combine(&[
            p([0.8, 0.1, 0.1]),
            p([0.7, 0.2, 0.1]),
            p([0.75, 0.15, 0.1]),
            p([0.2, 0.6, 0.2]),
        ]);
        assert_eq!(combined.stance, Stance::Supportive);
    }

    #[test]
    fn only_hedges_is_noncommittal() {
        let combined = combine(&[p([0.2, 0.2, 0.6]), p([0.3, 0.1, 0.6])]);
        assert_eq!(combined.stance, Stance::Noncommittal);
        assert_eq!(combine(&[]).stance, Stance::Noncommittal);
    }
}
