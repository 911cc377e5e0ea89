//! Prediction benchmarks on data shipped in the repository: feature extraction, sentence
//! classification (one thread), article classification (one thread and all cores) and model
//! loading. Throughput is reported per element (sentences, articles) or per byte.

use std::path::Path;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use stance::actors::Lexicon;
use stance::analyze::analyze_article;
use stance::dataset::{Dataset, DatasetConfig};
use stance::model::Model;

fn corpus_sentences() -> Dataset {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/corpus");
    Dataset::read(&[dir], &DatasetConfig::default()).expect("the corpus ships with the repository")
}

fn articles() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("articles ship with the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 article"))
        .collect()
}

/// Finding the actor's name in each sentence (for masking) is part of making its features, so
/// both sentence benchmarks time it, as the comparison harness (`benches/compare/`) does.
fn bench_sentences(c: &mut Criterion) {
    let model = Model::bundled().expect("bundled model loads");
    let examples = corpus_sentences().examples;
    let bytes: usize = examples.iter().map(|e| e.text.len()).sum();

    let mut group = c.benchmark_group("sentences");
    group.throughput(Throughput::Elements(examples.len() as u64));
    group.bench_function("featurize_one_thread", |b| {
        let mut featurizer = model.vectorizer().featurizer();
        b.iter(|| {
            examples
                .iter()
                .map(|e| featurizer.transform(&e.document(&e.actor_spans())).nnz())
                .sum::<usize>()
        })
    });
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("classify_one_thread", |b| {
        let mut predictor = model.predictor();
        b.iter(|| {
            examples
                .iter()
                .map(|e| {
                    predictor
                        .predict(&e.document(&e.actor_spans()))
                        .stance
                        .index()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

fn bench_articles(c: &mut Criterion) {
    let model = Model::bundled().expect("bundled model loads");
    let lexicon = Lexicon::default_english();
    let texts = articles();
    let mut group = c.benchmark_group("articles");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("classify_one_thread", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| analyze_article("a", t, &model, &lexicon).actors.len())
                .sum::<usize>()
        })
    });
    group.bench_function("classify_all_cores", |b| {
        b.iter(|| {
            texts
                .par_iter()
                .map(|t| analyze_article("a", t, &model, &lexicon).actors.len())
                .sum::<usize>()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("model");
    group.bench_function("load_bundled", |b| {
        b.iter_batched(
            || (),
            |()| Model::bundled().expect("loads"),
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench_sentences, bench_articles);
criterion_main!(benches);
