//! Training benchmarks: the Emergent train split (read from `../shared/data`, skipped when
//! absent) with and without cross-validation, and the project's own corpus.

use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use stance::dataset::{Dataset, DatasetConfig, parse_label_map};
use stance::features::FeatureConfig;
use stance::train::{TrainConfig, train};

fn emergent() -> Option<(Dataset, DatasetConfig)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/emergent/url-versions-2015-06-14-clean-train.csv");
    if !path.exists() {
        eprintln!("skipping Emergent benches: {} is absent", path.display());
        return None;
    }
    let config = DatasetConfig {
        text_col: "articleHeadline".into(),
        label_col: "articleHeadlineStance".into(),
        target_col: Some("claimHeadline".into()),
        group_col: Some("claimId".into()),
        label_map: parse_label_map("for=supportive,against=opposed,observing=noncommittal").ok()?,
        ..DatasetConfig::default()
    };
    Some((Dataset::read(&[path], &config).ok()?, config))
}

fn corpus() -> (Dataset, DatasetConfig) {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/corpus");
    let config = DatasetConfig {
        group_col: Some("article_id".into()),
        ..DatasetConfig::default()
    };
    let data = Dataset::read(&[path], &config).expect("the corpus ships with the repository");
    (data, config)
}

fn bench_training(c: &mut Criterion) {
    let mut group = c.benchmark_group("train");
    group.sample_size(10);
    if let Some((data, data_config)) = emergent() {
        let features = FeatureConfig {
            mask_target: true,
            target_features: false,
            ..FeatureConfig::default()
        };
        let with_cv = TrainConfig {
            features: features.clone(),
            ..TrainConfig::default()
        };
        group.bench_function("emergent_train_split_with_5fold_cv", |b| {
            b.iter(|| train(&data, &data_config, &with_cv, &|| {}).expect("trains"))
        });
        let without_cv = TrainConfig {
            features,
            alphas: vec![0.1],
            ..TrainConfig::default()
        };
        group.bench_function("emergent_train_split_single_fit", |b| {
            b.iter(|| train(&data, &data_config, &without_cv, &|| {}).expect("trains"))
        });
    }
    let (data, data_config) = corpus();
    let config = TrainConfig::default();
    group.bench_function("corpus_all_topics_with_5fold_cv", |b| {
        b.iter(|| train(&data, &data_config, &config, &|| {}).expect("trains"))
    });
    group.finish();
}

criterion_group!(benches, bench_training);
criterion_main!(benches);
