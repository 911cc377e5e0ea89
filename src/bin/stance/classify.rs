//! `stance classify` and `stance evaluate --articles`: reading articles, running the analysis
//! in parallel, and printing tables, JSON, JSONL, CSV or Markdown.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use indicatif::ProgressBar;
use rayon::prelude::*;
use serde::Deserialize;

use stance::actors::{ActorKind, Lexicon, analyze_actors};
use stance::analyze::{ArticleStances, analyze_found};
use stance::dataset::read_gold;
use stance::evaluate::{Evaluation, evaluate_articles};
use stance::model::Model;

/// Articles analysed per parallel batch when streaming JSONL (bounds memory).
const BATCH: usize = 256;

#[derive(Args, Debug)]
pub struct ClassifyArgs {
    /// Article files or directories of .txt files; none or `-` reads stdin.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Model file [default: the bundled model].
    #[arg(long, value_name = "MODEL")]
    model: Option<PathBuf>,
    /// Actor file (columns name,aliases,kind; aliases `;`-separated) [default: the bundled one].
    #[arg(long, value_name = "FILE")]
    actors: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
    /// Input format: plain-text articles, or JSON Lines with one {"id": …, "text": …} per line.
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    input: InputFormat,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the article.
    #[arg(long)]
    lossy: bool,
    /// Do not show a progress bar.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// Aligned columns for a terminal.
    Table,
    /// One JSON object per article (an array for several articles).
    Json,
    /// One JSON object per line.
    Jsonl,
    /// One CSV row per actor.
    Csv,
    /// Markdown tables.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    Text,
    Jsonl,
}

/// The bundled model, or the one at `path`.
pub fn load_model(path: Option<&Path>) -> anyhow::Result<Model> {
    Ok(match path {
        Some(path) => Model::load(path)?,
        None => Model::bundled()?,
    })
}

/// The bundled actor list, or the one at `path`.
pub fn load_lexicon(path: Option<&Path>) -> anyhow::Result<Lexicon> {
    match path {
        None => Ok(Lexicon::default_english()),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            Ok(Lexicon::parse(&text, &path.display().to_string())?)
        }
    }
}

/// An article to analyse: its name and text, or why it could not be read.
struct Article {
    id: String,
    text: Result<String, String>,
}

fn decode(bytes: Vec<u8>, name: &str, lossy: bool) -> Result<String, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(format!("{name}: article is empty"));
    }
    if bytes.contains(&0) {
        return Err(format!(
            "{name}: looks like a binary file (it contains NUL bytes), not a text article"
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            Err(format!(
                "{name}: line {line} (byte {offset}): invalid UTF-8; convert the file to UTF-8 or pass --lossy"
            ))
        }
    }
}

fn text_inputs(args: &ClassifyArgs) -> anyhow::Result<Vec<PathBuf>> {
    if args.files.is_empty() {
        return Ok(vec![PathBuf::from("-")]);
    }
    let mut out = Vec::new();
    for path in &args.files {
        if path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .with_context(|| format!("reading directory {}", path.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            if files.is_empty() {
                bail!("{}: directory holds no .txt articles", path.display());
            }
            files.sort();
            out.extend(files);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn read_article(path: &Path, lossy: bool) -> Article {
    let name = if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map(|_| bytes)
    } else {
        std::fs::read(path)
    };
    let text = match bytes {
        Ok(bytes) => decode(bytes, &name, lossy),
        Err(e) => Err(format!("{name}: {e}")),
    };
    Article { id: name, text }
}

/// Analyses a batch in parallel, keeping input order.
fn analyze_batch(
    articles: &[Article],
    model: &Model,
    lexicon: &Lexicon,
) -> Vec<Result<ArticleStances, String>> {
    articles
        .par_iter()
        .map_init(
            || model.predictor(),
            |predictor, article| {
                let text = article.text.as_ref().map_err(Clone::clone)?;
                let found = analyze_actors(text, lexicon);
                Ok(analyze_found(&article.id, text, &found, predictor))
            },
        )
        .collect()
}

/// Writes results as they come, handling each format's header and separators.
struct Printer<W: Write> {
    out: W,
    format: OutputFormat,
    array: bool,
    written: usize,
}

impl<W: Write> Printer<W> {
    fn start(&mut self) -> std::io::Result<()> {
        match self.format {
            OutputFormat::Csv => writeln!(
                self.out,
                "article,actor,kind,stance,confidence,supportive,opposed,noncommittal,mentions,aliases,evidence"
            ),
            OutputFormat::Json if self.array => writeln!(self.out, "["),
            _ => Ok(()),
        }
    }

    fn article(&mut self, result: &ArticleStances) -> std::io::Result<()> {
        let first = self.written == 0;
        self.written += 1;
        match self.format {
            OutputFormat::Json => {
                let json = serde_json::to_string_pretty(result).expect("serialises");
                if self.array {
                    let indented = json.replace('\n', "\n  ");
                    write!(self.out, "{}  {indented}", if first { "" } else { ",\n" })
                } else {
                    writeln!(self.out, "{json}")
                }
            }
            OutputFormat::Jsonl => writeln!(
                self.out,
                "{}",
                serde_json::to_string(result).expect("serialises")
            ),
            OutputFormat::Csv => {
                let mut csv = csv::Writer::from_writer(Vec::new());
                for a in &result.actors {
                    let evidence = a.evidence.first().map_or("", |e| e.text.as_str());
                    csv.write_record([
                        result.article.as_str(),
                        &a.actor,
                        &kind_name(a.kind),
                        a.stance.as_str(),
                        &format!("{:.4}", a.confidence),
                        &format!("{:.4}", a.probabilities.supportive),
                        &format!("{:.4}", a.probabilities.opposed),
                        &format!("{:.4}", a.probabilities.noncommittal),
                        &a.mentions.to_string(),
                        &a.aliases.join(";"),
                        evidence,
                    ])?;
                }
                self.out
                    .write_all(&csv.into_inner().map_err(|e| e.into_error())?)
            }
            OutputFormat::Table | OutputFormat::Markdown => self.table(result, first),
        }
    }

    fn table(&mut self, result: &ArticleStances, first: bool) -> std::io::Result<()> {
        let markdown = self.format == OutputFormat::Markdown;
        if !first {
            writeln!(self.out)?;
        }
        if markdown {
            writeln!(self.out, "### {}\n", result.article)?;
        } else {
            writeln!(
                self.out,
                "{} ({} stance holders)",
                result.article,
                result.actors.len()
            )?;
        }
        if result.actors.is_empty() {
            return writeln!(
                self.out,
                "{}no actor states a position",
                if markdown { "" } else { "  " }
            );
        }
        let rows: Vec<[String; 6]> = result
            .actors
            .iter()
            .map(|a| {
                let kind = kind_name(a.kind);
                let evidence = a
                    .evidence
                    .iter()
                    .max_by(|x, y| x.probability.total_cmp(&y.probability));
                let quote = evidence.map_or(String::new(), |e| {
                    let mut t: String = e.text.chars().take(70).collect();
                    if e.text.chars().count() > 70 {
                        t.push('…');
                    }
                    t
                });
                [
                    a.actor.clone(),
                    kind,
                    a.stance.to_string(),
                    format!("{:.2}", a.confidence),
                    a.mentions.to_string(),
                    quote,
                ]
            })
            .collect();
        let header = [
            "actor",
            "kind",
            "stance",
            "conf",
            "mentions",
            "strongest evidence",
        ];
        if markdown {
            writeln!(self.out, "| {} |", header.join(" | "))?;
            writeln!(self.out, "|---|---|---|---:|---:|---|")?;
            for row in rows {
                let cells: Vec<String> = row.iter().map(|c| c.replace('|', "\\|")).collect();
                writeln!(self.out, "| {} |", cells.join(" | "))?;
            }
            return Ok(());
        }
        let width = |i: usize| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..5).map(width).collect();
        let line = |cells: [&str; 6]| {
            format!(
                "  {:<w0$}  {:<w1$}  {:<w2$}  {:>w3$}  {:>w4$}  {}",
                cells[0],
                cells[1],
                cells[2],
                cells[3],
                cells[4],
                cells[5],
                w0 = widths[0],
                w1 = widths[1],
                w2 = widths[2],
                w3 = widths[3],
                w4 = widths[4]
            )
        };
        writeln!(self.out, "{}", line(header).trim_end())?;
        for r in &rows {
            writeln!(
                self.out,
                "{}",
                line([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5]]).trim_end()
            )?;
        }
        Ok(())
    }

    fn finish(&mut self) -> std::io::Result<()> {
        if self.format == OutputFormat::Json && self.array {
            writeln!(self.out, "{}]", if self.written > 0 { "\n" } else { "" })?;
        }
        self.out.flush()
    }
}

/// The kind's name as it appears in JSON (`person`, `organization`, …).
fn kind_name(kind: ActorKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

#[derive(Deserialize)]
struct JsonlArticle {
    id: serde_json::Value,
    text: String,
}

fn parse_jsonl_line(line: &str, origin: &str, number: usize) -> Article {
    let id_fallback = format!("{origin}:{number}");
    match serde_json::from_str::<JsonlArticle>(line) {
        Ok(a) => {
            let id = match a.id {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            let text = if a.text.trim().is_empty() {
                Err(format!("{origin}: line {number}: `text` is empty"))
            } else {
                Ok(a.text)
            };
            Article { id, text }
        }
        Err(e) => Article {
            id: id_fallback,
            text: Err(format!(
                "{origin}: line {number}: not a JSON object with string fields `id` and `text` ({e})"
            )),
        },
    }
}

/// Runs `stance classify`.
pub fn run(args: &ClassifyArgs) -> anyhow::Result<()> {
    let model = load_model(args.model.as_deref())?;
    let lexicon = load_lexicon(args.actors.as_deref())?;
    let stdout = std::io::stdout().lock();
    let mut failures = 0usize;
    let mut report = |message: &str| {
        failures += 1;
        eprintln!("error: {message}");
    };
    match args.input {
        InputFormat::Text => {
            let paths = text_inputs(args)?;
            let bar = if args.quiet || paths.len() < 2 {
                ProgressBar::hidden()
            } else {
                ProgressBar::new(paths.len() as u64)
            };
            let mut printer = Printer {
                out: std::io::BufWriter::new(stdout),
                format: args.format,
                array: paths.len() > 1,
                written: 0,
            };
            printer.start().context("writing to stdout")?;
            for chunk in paths.chunks(BATCH) {
                let articles: Vec<Article> = chunk
                    .par_iter()
                    .map(|p| read_article(p, args.lossy))
                    .collect();
                for result in analyze_batch(&articles, &model, &lexicon) {
                    match result {
                        Ok(result) => printer.article(&result).context("writing to stdout")?,
                        Err(message) => report(&message),
                    }
                }
                bar.inc(chunk.len() as u64);
            }
            bar.finish_and_clear();
            printer.finish().context("writing to stdout")?;
        }
        InputFormat::Jsonl => {
            let mut printer = Printer {
                out: std::io::BufWriter::new(stdout),
                format: args.format,
                array: true,
                written: 0,
            };
            printer.start().context("writing to stdout")?;
            let sources = if args.files.is_empty() {
                vec![PathBuf::from("-")]
            } else {
                args.files.clone()
            };
            let bar = if args.quiet {
                ProgressBar::hidden()
            } else {
                ProgressBar::new_spinner()
            };
            for source in sources {
                let origin = if source.as_os_str() == "-" {
                    "<stdin>".to_string()
                } else {
                    source.display().to_string()
                };
                let reader: Box<dyn BufRead> = if source.as_os_str() == "-" {
                    Box::new(BufReader::new(std::io::stdin()))
                } else {
                    Box::new(BufReader::new(
                        std::fs::File::open(&source)
                            .with_context(|| format!("opening {origin}"))?,
                    ))
                };
                let mut batch = Vec::with_capacity(BATCH);
                let mut lines = reader.split(b'\n').enumerate();
                loop {
                    let next = lines.next();
                    if let Some((i, line)) = &next {
                        let line = line
                            .as_ref()
                            .map_err(|e| anyhow::anyhow!("{origin}: {e}"))?;
                        let number = i + 1;
                        if !line.iter().all(u8::is_ascii_whitespace) {
                            let article = match std::str::from_utf8(line) {
                                Ok(line) => parse_jsonl_line(line, &origin, number),
                                Err(_) if args.lossy => parse_jsonl_line(
                                    &String::from_utf8_lossy(line),
                                    &origin,
                                    number,
                                ),
                                Err(_) => Article {
                                    id: format!("{origin}:{number}"),
                                    text: Err(format!(
                                        "{origin}: line {number}: invalid UTF-8; pass --lossy to replace bad bytes"
                                    )),
                                },
                            };
                            batch.push(article);
                        }
                    }
                    if batch.len() == BATCH || (next.is_none() && !batch.is_empty()) {
                        for result in analyze_batch(&batch, &model, &lexicon) {
                            match result {
                                Ok(result) => {
                                    printer.article(&result).context("writing to stdout")?
                                }
                                Err(message) => report(&message),
                            }
                        }
                        bar.inc(batch.len() as u64);
                        batch.clear();
                    }
                    if next.is_none() {
                        break;
                    }
                }
            }
            bar.finish_and_clear();
            printer.finish().context("writing to stdout")?;
        }
    }
    if failures > 0 {
        bail!("{failures} input(s) could not be classified (see the messages above)");
    }
    Ok(())
}

/// Classifies every `.txt` article in `dir` and scores the result against `gold`.
pub fn evaluate_articles_dir(
    dir: &Path,
    gold: &Path,
    model: &Model,
    lexicon: &Lexicon,
) -> anyhow::Result<Evaluation> {
    let gold = read_gold(gold)?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading directory {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        bail!("{}: directory holds no .txt articles", dir.display());
    }
    let mut articles: Vec<Article> = paths.iter().map(|p| read_article(p, false)).collect();
    for (article, path) in articles.iter_mut().zip(&paths) {
        article.id = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    }
    let results: Vec<ArticleStances> = analyze_batch(&articles, model, lexicon)
        .into_iter()
        .collect::<Result<_, String>>()
        .map_err(|e| anyhow::anyhow!(e))?;
    let unknown: Vec<&str> = gold
        .iter()
        .filter(|g| !results.iter().any(|r| r.article == g.article))
        .map(|g| g.article.as_str())
        .collect();
    if let Some(first) = unknown.first() {
        eprintln!(
            "warning: {} gold rows name articles not in {} (e.g. {first})",
            unknown.len(),
            dir.display()
        );
    }
    Ok(evaluate_articles(
        &results,
        &gold,
        &format!("articles in {}", dir.display()),
    ))
}
