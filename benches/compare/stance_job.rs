//! The `stance` side of the comparison harness (`benches/compare/compare.py`): trains on one
//! CSV and predicts another in-process, timing each step, and prints one JSON line.
//!
//! Usage: stance_job TRAIN TEST TEXT_COL LABEL_COL [GROUP_COL|-] [LABEL_MAP|-] [ALPHA] [TARGET_COL|-]

use std::path::PathBuf;
use std::time::Instant;

use stance::dataset::{Dataset, DatasetConfig, parse_label_map};
use stance::evaluate::Metrics;
use stance::features::FeatureConfig;
use stance::train::{TrainConfig, train};

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 4 {
        return Err("usage: stance_job TRAIN TEST TEXT_COL LABEL_COL [GROUP_COL|-] [LABEL_MAP|-] [ALPHA] [TARGET_COL|-]".into());
    }
    let opt = |i: usize| args.get(i).filter(|s| s.as_str() != "-").cloned();
    let config = DatasetConfig {
        text_col: args[2].clone(),
        label_col: args[3].clone(),
        group_col: opt(4),
        label_map: opt(5)
            .map(|m| parse_label_map(&m))
            .transpose()?
            .unwrap_or_default(),
        target_col: opt(7),
        ..DatasetConfig::default()
    };
    let alpha: f64 = opt(6).map_or(Ok(1.0), |a| a.parse())?;
    let train_data = Dataset::read(&[PathBuf::from(&args[0])], &config)?;
    let test_data = Dataset::read(&[PathBuf::from(&args[1])], &config)?;
    let has_target = config.target_col.is_some();
    let train_config = TrainConfig {
        features: FeatureConfig {
            use_target: has_target,
            mask_target: has_target,
            target_features: !has_target,
            // The Emergent recipe of the README: claims are not plans.
            plan_words: !has_target,
            ..FeatureConfig::default()
        },
        alphas: vec![alpha],
        ..TrainConfig::default()
    };

    let start = Instant::now();
    let model = train(&train_data, &config, &train_config, &|| {})?;
    let train_seconds = start.elapsed().as_secs_f64();

    // Vectorise + predict on one thread, repeating the test set for a measurable duration.
    // Finding the actor's name in the sentence (for masking) is part of making its features,
    // so it is timed too: scikit-learn's side gets nothing computed in advance either.
    let examples = &test_data.examples;
    let repeats = (20_000 / examples.len().max(1)).max(1);
    let mut predictor = model.predictor();
    let mut predicted = Vec::with_capacity(examples.len());
    let start = Instant::now();
    for round in 0..repeats {
        for example in examples {
            let spans = example.actor_spans();
            let p = predictor.predict(&example.document(&spans));
            if round == 0 {
                predicted.push(p.stance);
            }
        }
    }
    let predict_seconds = start.elapsed().as_secs_f64();
    let bytes: usize = examples.iter().map(|e| e.text.len()).sum::<usize>() * repeats;
    let gold: Vec<_> = test_data.examples.iter().map(|e| e.label).collect();
    let metrics = Metrics::compute(&gold, &predicted);
    println!(
        "{{\"train_seconds\": {train_seconds}, \"predict_seconds\": {predict_seconds}, \"predict_sentences\": {}, \"predict_bytes\": {bytes}, \"accuracy\": {}, \"macro_f1\": {}, \"peak_rss_mb\": {}}}",
        examples.len() * repeats,
        metrics.accuracy,
        metrics.macro_f1,
        peak_rss_mb()
    );
    Ok(())
}
