//! Integration tests of the `stance` binary and the library's public surface.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn stance() -> Command {
    Command::cargo_bin("stance").expect("binary builds")
}

/// Runs `command`, which must succeed, and parses its stdout as JSON.
fn json_stdout(command: &mut Command) -> Value {
    let output = command.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&output).expect("stdout is JSON")
}

/// `stance evaluate --format FORMAT --model MODEL --data tests/fixtures/tiny.csv`.
fn evaluate_tiny(model: &Path, format: &str) -> Command {
    let mut command = stance();
    command
        .args(["evaluate", "--format", format, "--model"])
        .arg(model)
        .arg("--data")
        .arg(fixture("tiny.csv"));
    command
}

/// Trains the tiny fixture into `dir` and returns the model path.
fn train_tiny(dir: &Path) -> PathBuf {
    let model = dir.join("tiny.json");
    stance()
        .args(["train", "--data"])
        .arg(fixture("tiny.csv"))
        .args([
            "--group-col",
            "article_id",
            "--min-df",
            "1",
            "--folds",
            "2",
            "-q",
            "--out",
        ])
        .arg(&model)
        .assert()
        .success()
        .stderr(predicate::str::contains("trained on 18 examples"));
    model
}

mod train_and_evaluate {
    use super::*;

    #[test]
    fn model_bytes_are_deterministic() {
        let dir = tempfile::tempdir().unwrap();
        let first = std::fs::read(train_tiny(dir.path())).unwrap();
        let again = dir.path().join("again.json");
        stance()
            .args(["train", "--data"])
            .arg(fixture("tiny.csv"))
            .args([
                "--group-col",
                "article_id",
                "--min-df",
                "1",
                "--folds",
                "2",
                "-q",
                "--out",
            ])
            .arg(&again)
            .assert()
            .success();
        assert_eq!(first, std::fs::read(&again).unwrap());
        let json: Value = serde_json::from_slice(&first).unwrap();
        assert_eq!(json["format"], "stance-model");
        assert_eq!(json["format_version"], 1);
        assert_eq!(
            json["labels"],
            serde_json::json!(["supportive", "opposed", "noncommittal"])
        );
        assert_eq!(json["training"]["label_counts"]["opposed"], 6);
        assert_eq!(json["training"]["data_files"][0]["name"], "tiny.csv");
        assert_eq!(json["training"]["cv_scores"].as_array().unwrap().len(), 6);
        let vocabulary = json["vocabulary"].as_array().unwrap();
        assert_eq!(vocabulary.len(), json["weights"].as_array().unwrap().len());
        assert!(
            !vocabulary
                .iter()
                .any(|v| v.as_str().unwrap().contains("berg")),
            "actor names are masked"
        );
    }

    #[test]
    fn evaluate_json_has_the_documented_shape() {
        let dir = tempfile::tempdir().unwrap();
        let model = train_tiny(dir.path());
        let report = json_stdout(&mut evaluate_tiny(&model, "json"));
        assert_eq!(report["examples"], 18);
        assert_eq!(
            report["labels"],
            serde_json::json!(["supportive", "opposed", "noncommittal"])
        );
        for key in ["accuracy", "macro_f1", "f_avg"] {
            assert!(
                report[key]
                    .as_f64()
                    .is_some_and(|v| (0.0..=1.0).contains(&v)),
                "{key}"
            );
        }
        assert!(
            report["accuracy"].as_f64().unwrap() > 0.9,
            "fits its own training data"
        );
        assert_eq!(report["per_class"]["supportive"]["support"], 6);
        let confusion: Vec<Vec<u64>> = serde_json::from_value(report["confusion"].clone()).unwrap();
        assert_eq!(confusion.iter().flatten().sum::<u64>(), 18);
        assert_eq!(report["baseline"]["accuracy"].as_f64().unwrap(), 0.3333);
    }

    #[test]
    fn predictions_csv_has_a_row_per_example_matching_the_report() {
        let dir = tempfile::tempdir().unwrap();
        let model = train_tiny(dir.path());
        let predictions = dir.path().join("predictions.csv");
        let report = json_stdout(
            evaluate_tiny(&model, "json")
                .arg("--predictions")
                .arg(&predictions),
        );
        let read_rows = |path: &Path| -> Vec<csv::StringRecord> {
            let mut reader = csv::Reader::from_path(path).unwrap();
            std::iter::once(reader.headers().unwrap().clone())
                .chain(reader.records().map(Result::unwrap))
                .collect()
        };
        let mut rows = read_rows(&predictions);
        let header = rows.remove(0);
        assert_eq!(
            header.iter().collect::<Vec<_>>(),
            [
                "location",
                "group",
                "actor",
                "gold",
                "predicted",
                "confidence",
                "supportive",
                "opposed",
                "noncommittal",
                "text"
            ]
        );
        assert_eq!(rows.len(), 18);
        assert!(rows[0][0].ends_with("tiny.csv:2"), "{}", &rows[0][0]);
        let mut confusion = vec![vec![0u64; 3]; 3];
        let labels = ["supportive", "opposed", "noncommittal"];
        let index = |label: &str| labels.iter().position(|l| *l == label).unwrap();
        for row in &rows {
            confusion[index(&row[3])][index(&row[4])] += 1;
            let p: Vec<f64> = (6..9).map(|i| row[i].parse().unwrap()).collect();
            assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-3);
            assert_eq!(row[5].parse::<f64>().unwrap(), p[index(&row[4])]);
        }
        let reported: Vec<Vec<u64>> = serde_json::from_value(report["confusion"].clone()).unwrap();
        assert_eq!(confusion, reported);

        // Out-of-fold predictions from cross-validation, with the group column filled.
        stance()
            .args([
                "evaluate",
                "-q",
                "--cv",
                "3",
                "--group-col",
                "article_id",
                "--data",
            ])
            .arg(fixture("tiny.csv"))
            .arg("--predictions")
            .arg(&predictions)
            .assert()
            .success();
        let rows = read_rows(&predictions);
        assert_eq!(rows.len(), 1 + 18);
        assert!(
            rows[1..].iter().all(|r| r[1].starts_with("art-")),
            "{:?}",
            rows[0]
        );
        // Article-level scoring has no per-sentence predictions to write.
        stance()
            .args([
                "evaluate",
                "--articles",
                "a",
                "--gold",
                "g.csv",
                "--predictions",
                "p.csv",
            ])
            .assert()
            .code(2);
    }

    #[test]
    fn text_markdown_and_html_reports() {
        let dir = tempfile::tempdir().unwrap();
        let model = train_tiny(dir.path());
        stance()
            .args(["evaluate", "--model"])
            .arg(&model)
            .arg("--data")
            .arg(fixture("tiny.csv"))
            .assert()
            .success()
            .stdout(
                predicate::str::contains("Confusion matrix")
                    .and(predicate::str::contains("majority baseline")),
            );
        evaluate_tiny(&model, "markdown")
            .assert()
            .success()
            .stdout(predicate::str::contains("| stance | precision |"));
        let html = dir.path().join("report.html");
        evaluate_tiny(&model, "html")
            .arg("--out")
            .arg(&html)
            .assert()
            .success()
            .stdout("");
        let page = std::fs::read_to_string(&html).unwrap();
        assert!(page.contains("<svg") && page.contains("</html>"));
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn cross_validation_without_a_model() {
        stance()
            .args([
                "evaluate",
                "--cv",
                "2",
                "--group-col",
                "article_id",
                "--min-df",
                "1",
                "-q",
                "--format",
                "json",
                "--data",
            ])
            .arg(fixture("tiny.csv"))
            .assert()
            .success()
            .stdout(
                predicate::str::contains("\"examples\": 18")
                    .and(predicate::str::contains("2-fold cross-validation")),
            );
    }

    #[test]
    fn stdin_data() {
        let dir = tempfile::tempdir().unwrap();
        let model = train_tiny(dir.path());
        stance()
            .args(["evaluate", "--format", "json", "--data", "-", "--model"])
            .arg(&model)
            .write_stdin(std::fs::read(fixture("tiny.csv")).unwrap())
            .assert()
            .success()
            .stdout(predicate::str::contains("\"examples\": 18"));
    }
}

mod library {
    use super::*;
    use stance::Stance;

    /// The model bundled into the binary is the committed `models/default.json`, with the three
    /// stances in order and consistent dimensions, trained on the corpus's training topics.
    #[test]
    fn bundled_model_labels_and_dimensions() {
        let model = Model::bundled().unwrap();
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("models/default.json");
        let file: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(
            file["labels"],
            serde_json::json!(["supportive", "opposed", "noncommittal"])
        );
        let n = model.vectorizer().len();
        assert!(n > 1000, "vocabulary of {n}");
        assert_eq!(model.classifier().n_features(), n);
        assert_eq!(model.vectorizer().idf().len(), n);
        assert_eq!(file["vocabulary"].as_array().unwrap().len(), n);
        assert_eq!(
            model.to_json(),
            String::from_utf8(std::fs::read(&path).unwrap()).unwrap()
        );
        let training = model.training();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let held_out: Vec<String> = std::fs::read_to_string(root.join("datasets/test-topics.txt"))
            .unwrap()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|t| format!("{t}.csv"))
            .collect();
        let mut expected: Vec<String> = std::fs::read_dir(root.join("datasets/corpus"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".csv") && !held_out.contains(name))
            .collect();
        expected.sort();
        let mut trained: Vec<String> = training
            .data_files
            .iter()
            .map(|f| {
                Path::new(&f.name)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        trained.sort();
        assert_eq!(
            trained, expected,
            "trained on exactly the non-held-out topics"
        );
        assert_eq!(held_out.len(), 4);
        assert!(training.fit.converged);
        let spans = stance::features::actor_spans(
            "Ana Ruiz said she would never accept the plan.",
            "Ana Ruiz",
        );
        let doc = stance::features::Document {
            text: "Ana Ruiz said she would never accept the plan.",
            actor_spans: &spans,
            target: None,
        };
        assert_eq!(model.predict(&doc).stance, Stance::Opposed);
    }
    use stance::dataset::{Dataset, DatasetConfig};
    use stance::model::Model;
    use stance::train::{TrainConfig, train};

    #[test]
    fn save_load_predict_is_bit_identical() {
        let config = DatasetConfig {
            group_col: Some("article_id".into()),
            ..Default::default()
        };
        let data = Dataset::read(&[fixture("tiny.csv")], &config).unwrap();
        let train_config = TrainConfig {
            features: stance::features::FeatureConfig {
                min_df: 1,
                ..Default::default()
            },
            folds: 2,
            ..Default::default()
        };
        let model = train(&data, &config, &train_config, &|| {}).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.json");
        model.save(&path).unwrap();
        let loaded = Model::load(&path).unwrap();
        let (mut a, mut b) = (model.predictor(), loaded.predictor());
        for example in &data.examples {
            let spans = example.actor_spans();
            let doc = example.document(&spans);
            let (pa, pb) = (a.predict(&doc), b.predict(&doc));
            assert_eq!(
                pa.probabilities.map(f64::to_bits),
                pb.probabilities.map(f64::to_bits)
            );
        }
        assert_eq!(loaded.to_json(), model.to_json());
    }
}

mod bad_input {
    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn train_fails(data: &Path, extra: &[&str], expected: &[&str]) {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("m.json");
        let mut assert = stance()
            .args(["train", "-q", "--data"])
            .arg(data)
            .args(extra)
            .arg("--out")
            .arg(&out)
            .assert()
            .code(1)
            .stderr(predicate::str::starts_with("error: "));
        for needle in expected {
            assert = assert.stderr(predicate::str::contains(*needle));
        }
        assert!(!out.exists(), "no model is written on error");
    }

    #[test]
    fn missing_column_lists_the_columns_found() {
        let dir = tempfile::tempdir().unwrap();
        let data = write(dir.path(), "cols.csv", b"sentence,stance\nx,opposed\n");
        train_fails(
            &data,
            &[],
            &[
                "cols.csv",
                "no column `text`",
                "columns found: sentence, stance",
                "--text-col",
            ],
        );
    }

    #[test]
    fn unknown_label_suggests_a_label_map() {
        let dir = tempfile::tempdir().unwrap();
        let data = write(
            dir.path(),
            "labels.csv",
            b"text,stance\na,supportive\nb,for\n",
        );
        train_fails(
            &data,
            &[],
            &["labels.csv", "line 3", "unknown label `for`", "--label-map"],
        );
    }

    #[test]
    fn invalid_utf8_offers_lossy() {
        let dir = tempfile::tempdir().unwrap();
        let data = write(
            dir.path(),
            "bytes.csv",
            b"text,stance\n\xff\xfe,supportive\n",
        );
        train_fails(
            &data,
            &[],
            &["bytes.csv", "line 2", "invalid UTF-8", "--lossy"],
        );
    }

    #[test]
    fn empty_file() {
        let dir = tempfile::tempdir().unwrap();
        let data = write(dir.path(), "empty.csv", b"");
        train_fails(&data, &[], &["empty.csv", "file is empty"]);
    }

    #[test]
    fn a_stance_without_examples_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let data = write(dir.path(), "two.csv", b"text,stance\nyes we back it,supportive\nno we reject it,opposed\nwe back it,supportive\nwe reject it,opposed\n");
        train_fails(
            &data,
            &["--alpha", "1"],
            &["no examples labelled `noncommittal`"],
        );
    }

    #[test]
    fn missing_data_file() {
        train_fails(Path::new("/no/such/data.csv"), &[], &["/no/such/data.csv"]);
    }

    fn evaluate_with_model(model: &Path, expected: &[&str]) {
        let mut assert = stance()
            .args(["evaluate", "--model"])
            .arg(model)
            .arg("--data")
            .arg(fixture("tiny.csv"))
            .assert()
            .code(1);
        for needle in expected {
            assert = assert.stderr(predicate::str::contains(*needle));
        }
    }

    #[test]
    fn missing_truncated_future_and_inconsistent_models_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let model = train_tiny(dir.path());
        let json = std::fs::read_to_string(&model).unwrap();

        evaluate_with_model(
            &dir.path().join("absent.json"),
            &["absent.json", "No such file"],
        );

        let truncated = write(
            dir.path(),
            "truncated.json",
            &json.as_bytes()[..json.len() / 2],
        );
        evaluate_with_model(&truncated, &["truncated.json", "truncated"]);

        let future = write(
            dir.path(),
            "future.json",
            json.replacen("\"format_version\":1", "\"format_version\":99", 1)
                .as_bytes(),
        );
        evaluate_with_model(
            &future,
            &[
                "future.json",
                "format version 99 is newer",
                "upgrade stance",
            ],
        );

        let mut value: Value = serde_json::from_str(&json).unwrap();
        value["weights"].as_array_mut().unwrap().pop();
        let inconsistent = write(
            dir.path(),
            "inconsistent.json",
            value.to_string().as_bytes(),
        );
        evaluate_with_model(&inconsistent, &["inconsistent.json", "weight rows"]);

        let mut value: Value = serde_json::from_str(&json).unwrap();
        value["idf"].as_array_mut().unwrap().pop();
        let short_idf = write(dir.path(), "idf.json", value.to_string().as_bytes());
        evaluate_with_model(&short_idf, &["idf.json", "idf has"]);

        let other = write(
            dir.path(),
            "other.json",
            b"{\"format\":\"something-else\",\"format_version\":1}",
        );
        evaluate_with_model(&other, &["other.json", "not a `stance-model`"]);

        let empty = write(dir.path(), "empty.json", b"");
        evaluate_with_model(&empty, &["empty.json", "empty"]);
    }

    #[test]
    fn a_closed_stdout_exits_quietly() {
        use std::process::{Command as Std, Stdio};
        let dir = tempfile::tempdir().unwrap();
        let model = train_tiny(dir.path());
        let mut child = Std::new(assert_cmd::cargo::cargo_bin("stance"))
            .args(["evaluate", "--format", "json", "--model"])
            .arg(&model)
            .arg("--data")
            .arg(fixture("tiny.csv"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            output.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    #[test]
    fn usage_errors_exit_2() {
        stance()
            .args(["train", "--data", "x.csv"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--out"));
        stance()
            .arg("evaluate")
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--data"));
        stance()
            .args(["evaluate", "--articles", "dir"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--gold"));
        stance()
            .args(["train", "--data", "x.csv", "--out", "m", "--ngrams", "x"])
            .assert()
            .code(2);
        stance()
            .arg("--help")
            .assert()
            .success()
            .stdout(predicate::str::contains("Exit codes"));
    }

    #[test]
    fn invalid_values_name_the_value() {
        train_fails(&fixture("tiny.csv"), &["--ngrams", "3-1"], &["3..1"]);
        train_fails(
            &fixture("tiny.csv"),
            &["--alpha=-1,1"],
            &["alpha must be a positive number, got -1"],
        );
        train_fails(
            &fixture("tiny.csv"),
            &["--folds", "9", "--group-col", "article_id"],
            &["cannot split 4 groups into 9 folds"],
        );
    }
}

/// The public Emergent benchmark (Ferreira & Vlachos 2016), read from `../shared/data` when
/// present; skipped cleanly otherwise. Research use only: never copied into this repository.
mod emergent {
    use super::*;

    fn data_dir() -> Option<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/emergent");
        dir.join("url-versions-2015-06-14-clean-train.csv")
            .exists()
            .then_some(dir)
    }

    const COLUMNS: [&str; 10] = [
        "--text-col",
        "articleHeadline",
        "--label-col",
        "articleHeadlineStance",
        "--target-col",
        "claimHeadline",
        "--group-col",
        "claimId",
        "--label-map",
        "for=supportive,against=opposed,observing=noncommittal",
    ];

    #[test]
    fn test_split_accuracy_beats_published_bag_of_words() {
        let Some(data) = data_dir() else {
            eprintln!("skipped: ../shared/data/emergent is absent");
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        let model = dir.path().join("emergent.json");
        stance()
            .args([
                "train",
                "-q",
                "--mask-target",
                "--no-target-features",
                "--no-plan-words",
                "--data",
            ])
            .arg(data.join("url-versions-2015-06-14-clean-train.csv"))
            .args(COLUMNS)
            .arg("--out")
            .arg(&model)
            .assert()
            .success();
        let report = json_stdout(
            stance()
                .args(["evaluate", "--format", "json", "--model"])
                .arg(&model)
                .arg("--data")
                .arg(data.join("url-versions-2015-06-14-clean-test.csv"))
                .args(COLUMNS),
        );
        assert_eq!(report["examples"], 524);
        assert_eq!(
            report["baseline"]["accuracy"], 0.4695,
            "majority `for` = 246/524"
        );
        let accuracy = report["accuracy"].as_f64().unwrap();
        assert!(accuracy >= 0.72, "Emergent test accuracy {accuracy} < 0.72");
    }
}

mod classify {
    use super::*;

    fn article() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("datasets/articles/01-cyprus-reunification-framework.txt")
    }

    /// The full JSON output for one article, compared byte for byte with `tests/golden/`.
    /// Regenerate with `STANCE_UPDATE_GOLDEN=1 cargo test --test tests golden`.
    #[test]
    fn golden_json_for_one_article() {
        let output = stance()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args([
                "classify",
                "--format",
                "json",
                "datasets/articles/01-cyprus-reunification-framework.txt",
            ])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/01-cyprus.json");
        if std::env::var_os("STANCE_UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
            std::fs::write(&golden, &output).unwrap();
        }
        let expected =
            std::fs::read(&golden).expect("golden file exists (STANCE_UPDATE_GOLDEN=1 writes it)");
        assert_eq!(
            String::from_utf8_lossy(&output),
            String::from_utf8_lossy(&expected)
        );
        let json: Value = serde_json::from_slice(&output).unwrap();
        let first = &json["actors"][0];
        for key in [
            "actor",
            "aliases",
            "kind",
            "stance",
            "confidence",
            "probabilities",
            "mentions",
            "evidence",
        ] {
            assert!(!first[key].is_null(), "missing {key}");
        }
        let evidence = &first["evidence"][0];
        for key in [
            "text",
            "start",
            "end",
            "attribution",
            "stance",
            "probability",
            "features",
        ] {
            assert!(!evidence[key].is_null(), "missing evidence {key}");
        }
        let text = std::fs::read_to_string(article()).unwrap();
        let (start, end) = (
            evidence["start"].as_u64().unwrap() as usize,
            evidence["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &text[start..end],
            evidence["text"].as_str().unwrap(),
            "offsets are byte offsets into the input"
        );
    }

    #[test]
    fn stdin_and_every_format() {
        let text = std::fs::read(article()).unwrap();
        stance()
            .arg("classify")
            .write_stdin(text.clone())
            .assert()
            .success()
            .stdout(
                predicate::str::contains("<stdin>").and(predicate::str::contains("stance holders")),
            );
        stance()
            .args(["classify", "--format", "markdown", "-"])
            .write_stdin(text.clone())
            .assert()
            .success()
            .stdout(predicate::str::contains("| actor | kind | stance |"));
        let csv = stance()
            .args(["classify", "--format", "csv"])
            .arg(article())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let mut reader = csv::Reader::from_reader(&csv[..]);
        assert_eq!(reader.headers().unwrap().get(3), Some("stance"));
        assert!(reader.records().count() >= 3);
        let jsonl = stance()
            .args(["classify", "--format", "jsonl"])
            .arg(article())
            .arg(article())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let lines: Vec<Value> = String::from_utf8(jsonl)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0], lines[1]);
        let array = stance()
            .args(["classify", "--format", "json"])
            .arg(article())
            .arg(article())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let array: Value = serde_json::from_slice(&array).unwrap();
        assert_eq!(
            array.as_array().unwrap().len(),
            2,
            "several articles print an array"
        );
    }

    #[test]
    fn jsonl_input_reports_bad_lines_and_processes_the_rest() {
        let text = std::fs::read_to_string(article()).unwrap();
        let good = serde_json::json!({"id": "a1", "text": text}).to_string();
        let input = format!(
            "{good}\nnot json\n{{\"id\": 3}}\n\n{}\n",
            serde_json::json!({"id": 7, "text": "The minister said she backed the plan."})
        );
        let output = stance()
            .args(["classify", "--input", "jsonl", "--format", "jsonl"])
            .write_stdin(input)
            .assert()
            .code(1)
            .stderr(
                predicate::str::contains("<stdin>: line 2")
                    .and(predicate::str::contains("<stdin>: line 3")),
            )
            .get_output()
            .stdout
            .clone();
        let ids: Vec<String> = String::from_utf8(output)
            .unwrap()
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["article"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(ids, ["a1", "7"]);
    }

    #[test]
    fn bad_articles_get_clear_messages() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "  \n").unwrap();
        stance()
            .arg("classify")
            .arg(&empty)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("empty.txt: article is empty"));
        let binary = dir.path().join("garbage.bin");
        std::fs::write(
            &binary,
            (0..4096u32)
                .map(|i| (i * 7919 % 256) as u8)
                .collect::<Vec<u8>>(),
        )
        .unwrap();
        stance()
            .arg("classify")
            .arg(&binary)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("binary"));
        let latin1 = dir.path().join("latin1.txt");
        std::fs::write(
            &latin1,
            b"First line.\nThe minist\xe8re said it backed the plan.\n",
        )
        .unwrap();
        stance()
            .arg("classify")
            .arg(&latin1)
            .assert()
            .code(1)
            .stderr(
                predicate::str::contains("latin1.txt: line 2")
                    .and(predicate::str::contains("--lossy")),
            );
        stance()
            .args(["classify", "--lossy"])
            .arg(&latin1)
            .assert()
            .success();
        stance()
            .arg("classify")
            .arg(dir.path().join("missing.txt"))
            .assert()
            .code(1)
            .stderr(predicate::str::contains("missing.txt"));
    }

    #[test]
    fn a_50_megabyte_single_line_is_handled() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        let sentence = "The minister said the government backed the plan and would sign it soon ";
        let line: String = sentence.repeat(50 * 1024 * 1024 / sentence.len());
        std::fs::write(&big, line).unwrap();
        stance()
            .args(["classify", "--format", "jsonl"])
            .arg(&big)
            .assert()
            .success();
    }

    #[test]
    fn evaluate_articles_reports_detection_and_stance() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let report = json_stdout(
            stance()
                .args(["evaluate", "--format", "json", "--articles"])
                .arg(root.join("datasets/articles"))
                .arg("--gold")
                .arg(root.join("datasets/articles/gold.csv")),
        );
        assert_eq!(report["actor_detection"]["gold"], 173);
        assert_eq!(report["examples"], 173, "missed actors count as wrong");
        let recall = report["actor_detection"]["recall"].as_f64().unwrap();
        assert!(recall > 0.5, "actor recall {recall}");
    }
}
