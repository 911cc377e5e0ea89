//! The `stance` command line: a thin layer that turns flags into library configurations.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

mod classify;

use stance::classifier::{ClassWeight, DEFAULT_ALPHAS, DEFAULT_MAX_ITERATIONS};
use stance::dataset::{
    DEFAULT_LABEL_COL, DEFAULT_TEXT_COL, Dataset, DatasetConfig, parse_label_map,
};
use stance::evaluate::{evaluate_model, evaluate_predictions, predictions_csv};
use stance::features::{DEFAULT_MAX_FEATURES, DEFAULT_MIN_DF, FeatureConfig};
use stance::output::write_atomically;
use stance::report::{ReportFormat, render};
use stance::train::{CvMetric, DEFAULT_FOLDS, TrainConfig, cross_validate, progress_steps, train};

/// Who in this article supports the plan, who opposes it, and who is hedging?
///
/// `stance` labels sentences (and the actors who speak in them) as supportive of, opposed to,
/// or noncommittal about a plan, with a bag-of-words logistic regression you can inspect.
#[derive(Parser, Debug)]
#[command(name = "stance", version, about, long_about = None, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "\
Examples:
  stance classify article.txt
  stance train --data datasets/train.csv --out my.model.json
  stance evaluate --model my.model.json --data datasets/test.csv
  stance evaluate --cv 5 --data datasets/train.csv --group-col article_id --format html --out report.html

Exit codes: 0 success, 1 error (bad data, unreadable model, I/O), 2 usage error.";

#[derive(Subcommand, Debug)]
enum Command {
    /// Train a model from labelled CSV/TSV files and write it as one JSON file.
    ///
    /// The L2 strength is chosen by grouped cross-validation over --alpha (sentences of one
    /// --group-col value never straddle a fold), then the model is fitted on all the data.
    #[command(
        after_help = "Example:\n  stance train --data train.csv --group-col article_id --out model.json\n  stance train --data emergent-train.csv --text-col articleHeadline \\\n    --label-col articleHeadlineStance --target-col claimHeadline --group-col claimId \\\n    --label-map for=supportive,against=opposed,observing=noncommittal --out emergent.json"
    )]
    Train(TrainArgs),
    /// Find each actor of news articles and say whether they support, oppose or hedge on the plan.
    ///
    /// Reads plain-text articles (files, directories of .txt files, or stdin when no file or
    /// `-` is given) or, with `--input jsonl`, one {"id": …, "text": …} object per line.
    /// Uses the bundled default model and actor list unless --model / --actors are given.
    #[command(
        after_help = "Examples:\n  stance classify article.txt\n  cat article.txt | stance classify --format json\n  stance classify --input jsonl --format jsonl < articles.jsonl > stances.jsonl"
    )]
    Classify(classify::ClassifyArgs),
    /// Score a model (or grouped cross-validation) on labelled data and print a report.
    ///
    /// The report has accuracy, per-stance precision/recall/F1, macro-F1, F_avg (mean F1 of
    /// supportive and opposed), the confusion matrix (rows gold, columns predicted), the
    /// majority-class baseline, calibration, top features and the most confident errors.
    Evaluate(EvaluateArgs),
}

#[derive(Args, Debug)]
struct DataArgs {
    /// Column with the sentence text.
    #[arg(long, value_name = "NAME", default_value = DEFAULT_TEXT_COL)]
    text_col: String,
    /// Column with the stance label.
    #[arg(long, value_name = "NAME", default_value = DEFAULT_LABEL_COL)]
    label_col: String,
    /// Column naming the stance holder, whose name is masked in the text [default: `actor`, if present].
    #[arg(long, value_name = "NAME")]
    actor_col: Option<String>,
    /// Column with the target (the plan or claim the stance is toward).
    #[arg(long, value_name = "NAME")]
    target_col: Option<String>,
    /// Column with the article or topic id, so cross-validation keeps groups whole.
    #[arg(long, value_name = "NAME")]
    group_col: Option<String>,
    /// Rename labels, e.g. `for=supportive,against=opposed,observing=noncommittal`.
    #[arg(long, value_name = "FROM=TO,...")]
    label_map: Option<String>,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the file.
    #[arg(long)]
    lossy: bool,
}

impl DataArgs {
    fn config(&self) -> anyhow::Result<DatasetConfig> {
        Ok(DatasetConfig {
            text_col: self.text_col.clone(),
            label_col: self.label_col.clone(),
            actor_col: self.actor_col.clone(),
            target_col: self.target_col.clone(),
            group_col: self.group_col.clone(),
            label_map: match &self.label_map {
                Some(spec) => parse_label_map(spec)?,
                None => Default::default(),
            },
            lossy: self.lossy,
        })
    }

    fn read(&self, paths: &[PathBuf]) -> anyhow::Result<(Dataset, DatasetConfig)> {
        let config = self.config()?;
        let data = Dataset::read(paths, &config)?;
        Ok((data, config))
    }
}

#[derive(Args, Debug)]
struct ModelArgs {
    /// Word n-gram lengths, as MIN-MAX.
    #[arg(long, value_name = "MIN-MAX", default_value = "1-2", value_parser = parse_range)]
    ngrams: (usize, usize),
    /// Add character n-grams within words, as MIN-MAX (e.g. 2-5).
    #[arg(long, value_name = "MIN-MAX", value_parser = parse_range)]
    char_ngrams: Option<(usize, usize)>,
    /// Keep features seen in at least this many training sentences.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MIN_DF)]
    min_df: usize,
    /// Keep at most this many features (the most widespread).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_FEATURES)]
    max_features: usize,
    /// Use raw term counts instead of 1 + ln(count).
    #[arg(long)]
    no_sublinear_tf: bool,
    /// Do not mark words after negation cues (not, never, n't, ...).
    #[arg(long)]
    no_negation: bool,
    /// Do not mask the actor's own name in the text.
    #[arg(long)]
    no_actor_mask: bool,
    /// Do not add `a:` copies of the words in the actor's own clause.
    #[arg(long)]
    no_actor_clause: bool,
    /// Replace text words shared with the target by a placeholder (needs --target-col).
    #[arg(long)]
    mask_target: bool,
    /// Do not add the target's own words as features (with --target-col).
    #[arg(long)]
    no_target_features: bool,
    /// Keep plan nouns ("deal", "bill", "merger", ...) as themselves instead of one `__plan__`.
    #[arg(long)]
    no_plan_words: bool,
    /// L2 strengths to choose from by cross-validation (one value: no search).
    #[arg(long, value_name = "A,...", value_delimiter = ',', default_values_t = DEFAULT_ALPHAS.to_vec())]
    alpha: Vec<f64>,
    /// Cross-validation folds for choosing the alpha.
    #[arg(long, value_name = "K", default_value_t = DEFAULT_FOLDS)]
    folds: usize,
    /// The score that chooses the alpha.
    #[arg(long, value_enum, default_value_t = MetricArg::MacroF1)]
    cv_metric: MetricArg,
    /// Row weighting against class imbalance.
    #[arg(long, value_enum, default_value_t = WeightArg::Balanced)]
    class_weight: WeightArg,
    /// L-BFGS iteration cap.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_ITERATIONS)]
    max_iterations: u64,
    /// Do not show a progress bar.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum MetricArg {
    MacroF1,
    Accuracy,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum WeightArg {
    Balanced,
    None,
}

impl ModelArgs {
    fn config(&self, has_target: bool) -> TrainConfig {
        TrainConfig {
            features: FeatureConfig {
                word_ngrams: self.ngrams,
                char_ngrams: self.char_ngrams,
                min_df: self.min_df,
                max_features: self.max_features,
                sublinear_tf: !self.no_sublinear_tf,
                negation: !self.no_negation,
                mask_actor: !self.no_actor_mask,
                use_target: has_target,
                mask_target: self.mask_target,
                actor_clause: !self.no_actor_clause,
                target_features: !self.no_target_features,
                plan_words: !self.no_plan_words,
                ..FeatureConfig::default()
            },
            class_weight: match self.class_weight {
                WeightArg::Balanced => ClassWeight::Balanced,
                WeightArg::None => ClassWeight::None,
            },
            alphas: self.alpha.clone(),
            folds: self.folds,
            cv_metric: match self.cv_metric {
                MetricArg::MacroF1 => CvMetric::MacroF1,
                MetricArg::Accuracy => CvMetric::Accuracy,
            },
            max_iterations: self.max_iterations,
        }
    }
}

fn parse_range(s: &str) -> Result<(usize, usize), String> {
    let (lo, hi) = s
        .split_once('-')
        .or_else(|| s.split_once(".."))
        .unwrap_or((s, s));
    let parse = |v: &str| {
        v.trim()
            .parse::<usize>()
            .map_err(|_| format!("`{s}` is not MIN-MAX (e.g. 1-2)"))
    };
    Ok((parse(lo)?, parse(hi)?))
}

#[derive(Args, Debug)]
struct TrainArgs {
    /// Labelled CSV or TSV file(s); a directory means its .csv/.tsv files; `-` reads stdin.
    #[arg(long = "data", value_name = "FILE", required = true, num_args = 1..)]
    data: Vec<PathBuf>,
    #[command(flatten)]
    columns: DataArgs,
    /// Where to write the model (JSON; written atomically).
    #[arg(long, short, value_name = "MODEL")]
    out: PathBuf,
    #[command(flatten)]
    model: ModelArgs,
}

#[derive(Args, Debug)]
struct EvaluateArgs {
    /// Labelled CSV or TSV file(s); a directory means its .csv/.tsv files; `-` reads stdin.
    #[arg(
        long = "data",
        value_name = "FILE",
        num_args = 1..,
        required_unless_present = "articles",
        conflicts_with = "articles"
    )]
    data: Vec<PathBuf>,
    #[command(flatten)]
    columns: DataArgs,
    /// The model to score [default: the bundled model].
    #[arg(long, value_name = "MODEL", conflicts_with = "cv")]
    model: Option<PathBuf>,
    /// Score article-level output: classify every .txt file of DIR and compare with --gold.
    #[arg(long, value_name = "DIR", requires = "gold")]
    articles: Option<PathBuf>,
    /// Gold actors for --articles: a CSV with columns article,actor,aliases,stance.
    #[arg(long, value_name = "FILE", requires = "articles")]
    gold: Option<PathBuf>,
    /// Actor file for --articles (columns name,aliases,kind) [default: the bundled one].
    #[arg(long, value_name = "FILE")]
    actors: Option<PathBuf>,
    /// Instead of a saved model, run grouped K-fold cross-validation on --data.
    #[arg(long, value_name = "K")]
    cv: Option<usize>,
    /// Report format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,
    /// Write the report to this file (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Also write every example's prediction to this CSV (location, group, actor, gold,
    /// predicted, confidence, the three probabilities, text), for error analysis.
    #[arg(long, value_name = "FILE", conflicts_with = "articles")]
    predictions: Option<PathBuf>,
    #[command(flatten)]
    training: ModelArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Text,
    Markdown,
    Json,
    Html,
}

impl From<FormatArg> for ReportFormat {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Text => ReportFormat::Text,
            FormatArg::Markdown => ReportFormat::Markdown,
            FormatArg::Json => ReportFormat::Json,
            FormatArg::Html => ReportFormat::Html,
        }
    }
}

fn progress_bar(steps: u64, quiet: bool, message: &'static str) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(steps);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} fits, {elapsed}")
            .expect("valid template")
            .progress_chars("=> "),
    );
    bar.set_message(message);
    bar
}

fn run_train(args: &TrainArgs) -> anyhow::Result<()> {
    let (data, data_config) = args.columns.read(&args.data)?;
    let config = args.model.config(data_config.target_col.is_some());
    let bar = progress_bar(progress_steps(&config), args.model.quiet, "training");
    let model = train(&data, &data_config, &config, &|| bar.inc(1))?;
    bar.finish_and_clear();
    model.save(&args.out)?;
    let info = model.training();
    let cv = info
        .cv_scores
        .iter()
        .find(|s| s.alpha == info.alpha)
        .map(|s| {
            format!(
                ", CV macro-F1 {:.4}, accuracy {:.4}",
                s.macro_f1, s.accuracy
            )
        })
        .unwrap_or_default();
    eprintln!(
        "trained on {} examples: {} features, alpha {}{cv}{}; wrote {}",
        info.examples,
        model.vectorizer().len(),
        info.alpha,
        if info.fit.converged {
            ""
        } else {
            " (solver hit --max-iterations before converging)"
        },
        args.out.display()
    );
    Ok(())
}

fn run_evaluate(args: &EvaluateArgs) -> anyhow::Result<String> {
    if let (Some(dir), Some(gold)) = (&args.articles, &args.gold) {
        let model = classify::load_model(args.model.as_deref())?;
        let lexicon = classify::load_lexicon(args.actors.as_deref())?;
        let evaluation = classify::evaluate_articles_dir(dir, gold, &model, &lexicon)?;
        return Ok(render(&evaluation, args.format.into()));
    }
    let (data, data_config) = args.columns.read(&args.data)?;
    let evaluation = match (&args.model, args.cv) {
        (None, Some(folds)) => {
            let config = TrainConfig {
                folds,
                ..args.training.config(data_config.target_col.is_some())
            };
            let steps = progress_steps(&config) - 1;
            let bar = progress_bar(steps, args.training.quiet, "cross-validating");
            let cv = cross_validate(&data, &config, &|| bar.inc(1))?;
            bar.finish_and_clear();
            let source = format!(
                "grouped {folds}-fold cross-validation, alpha {}{}",
                cv.best_alpha,
                if config.alphas.len() > 1 {
                    " (chosen on the same folds)"
                } else {
                    ""
                }
            );
            evaluate_predictions(&data, cv.predictions, data.label_counts(), &source)
        }
        (path, _) => {
            let model = classify::load_model(path.as_deref())?;
            let name = path
                .as_deref()
                .map_or_else(|| "bundled".to_string(), display_name);
            if model.vectorizer().config().use_target && data_config.target_col.is_none() {
                eprintln!("warning: the model was trained with a target column; pass --target-col");
            }
            evaluate_model(&model, &data, &format!("model {name}"))
        }
    };
    if let Some(path) = &args.predictions {
        write_atomically(path, &predictions_csv(&data, &evaluation.predictions))?;
    }
    Ok(render(&evaluation, args.format.into()))
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn emit(text: &str, out: Option<&Path>) -> anyhow::Result<()> {
    match out {
        Some(path) => Ok(write_atomically(path, text.as_bytes())?),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(text.as_bytes())
                .context("writing to stdout")?;
            stdout.flush().context("writing to stdout")
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Train(args) => run_train(&args),
        Command::Classify(args) => classify::run(&args),
        Command::Evaluate(args) => {
            let report = run_evaluate(&args)?;
            emit(&report, args.out.as_deref())
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn ranges_parse() {
        assert_eq!(parse_range("1-3"), Ok((1, 3)));
        assert_eq!(parse_range("2..5"), Ok((2, 5)));
        assert_eq!(parse_range("2"), Ok((2, 2)));
        assert!(parse_range("a-b").is_err());
    }
}
