//! Datasets: labelled CSV/TSV files read into examples, with errors that name file and line.

use std::collections::BTreeMap;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::features::{Document, actor_spans};
use crate::label::{NUM_STANCES, Stance};

/// Default name of the text column.
pub const DEFAULT_TEXT_COL: &str = "text";
/// Default name of the label column.
pub const DEFAULT_LABEL_COL: &str = "stance";
/// Default name of the (optional) actor column.
pub const DEFAULT_ACTOR_COL: &str = "actor";

/// Which columns to read and how to read them.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetConfig {
    /// Column holding the sentence.
    pub text_col: String,
    /// Column holding the stance label.
    pub label_col: String,
    /// Column naming the stance holder. `None`: use [`DEFAULT_ACTOR_COL`] when present.
    pub actor_col: Option<String>,
    /// Column holding the target (what the stance is toward).
    pub target_col: Option<String>,
    /// Column holding the group (article or topic) for grouped cross-validation.
    pub group_col: Option<String>,
    /// Label renames applied before parsing, e.g. `for` → supportive.
    pub label_map: BTreeMap<String, Stance>,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the file.
    pub lossy: bool,
}

impl Default for DatasetConfig {
    fn default() -> Self {
        DatasetConfig {
            text_col: DEFAULT_TEXT_COL.into(),
            label_col: DEFAULT_LABEL_COL.into(),
            actor_col: None,
            target_col: None,
            group_col: None,
            label_map: BTreeMap::new(),
            lossy: false,
        }
    }
}

/// Parses a label map such as `for=supportive,against=opposed,observing=noncommittal`.
///
/// Keys are matched case-insensitively.
///
/// # Errors
/// [`Error::Config`] naming the entry that is not `FROM=TO` or whose `TO` is not a stance.
///
/// ```
/// use stance::dataset::parse_label_map;
/// use stance::Stance;
/// let map = parse_label_map("for=supportive, against=opposed").unwrap();
/// assert_eq!(map["against"], Stance::Opposed);
/// ```
pub fn parse_label_map(spec: &str) -> Result<BTreeMap<String, Stance>> {
    let mut map = BTreeMap::new();
    for entry in spec.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let (from, to) = entry.split_once('=').ok_or_else(|| {
            Error::Config(format!(
                "label map entry `{entry}` is not of the form FROM=TO"
            ))
        })?;
        let to: Stance = to
            .parse()
            .map_err(|e| Error::Config(format!("label map entry `{entry}`: {e}")))?;
        map.insert(from.trim().to_lowercase(), to);
    }
    Ok(map)
}

/// One labelled sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// The stance holder, when the data names one.
    pub actor: Option<String>,
    /// What the stance is toward, when the data says.
    pub target: Option<String>,
    /// The cross-validation group (article or topic); unique per row when not given.
    pub group: String,
    /// The gold stance.
    pub label: Stance,
    /// Which file the row came from (index into [`Dataset::files`]).
    pub file: usize,
    /// The row's line number in that file (1-based; the header is line 1).
    pub line: u64,
}

impl Example {
    /// Byte ranges of the text that name the example's actor (empty when none is named).
    pub fn actor_spans(&self) -> Vec<Range<usize>> {
        self.actor
            .as_deref()
            .map(|a| actor_spans(&self.text, a))
            .unwrap_or_default()
    }

    /// The example as a document for the feature extractor, with `spans` from
    /// [`Example::actor_spans`].
    pub fn document<'a>(&'a self, spans: &'a [Range<usize>]) -> Document<'a> {
        Document {
            text: &self.text,
            actor_spans: spans,
            target: self.target.as_deref(),
        }
    }
}

/// A file that was read, with its content hash (recorded in the model's metadata).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SourceFile {
    /// The path as given (only its file name goes into model files).
    pub path: PathBuf,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    /// Number of examples read from it.
    pub rows: usize,
}

/// Labelled examples read from one or more files.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// The examples, in file then row order.
    pub examples: Vec<Example>,
    /// The files read.
    pub files: Vec<SourceFile>,
}

impl Dataset {
    /// Reads every path in order. A directory stands for its `.csv` and `.tsv` files, sorted
    /// by name; `-` reads standard input. The delimiter is a tab for `.tsv` files, else a comma.
    ///
    /// # Errors
    /// [`Error::Io`] when a file cannot be read; [`Error::Data`] naming the file, line and
    /// remedy for an empty file, a missing column (listing the columns found), invalid UTF-8
    /// (suggesting `--lossy`), an unknown label (listing the allowed ones and suggesting
    /// `--label-map`), an empty text, or a malformed CSV record.
    pub fn read(paths: &[PathBuf], config: &DatasetConfig) -> Result<Dataset> {
        let mut dataset = Dataset::default();
        for path in expand_paths(paths)? {
            let bytes = read_bytes(&path)?;
            let file = dataset.files.len();
            let before = dataset.examples.len();
            read_csv(&path, &bytes, config, file, &mut dataset.examples)?;
            dataset.files.push(SourceFile {
                sha256: hex(&Sha256::digest(&bytes)),
                rows: dataset.examples.len() - before,
                path,
            });
        }
        Ok(dataset)
    }

    /// Number of examples per stance, in [`Stance::ALL`] order.
    pub fn label_counts(&self) -> [usize; NUM_STANCES] {
        let mut counts = [0; NUM_STANCES];
        for example in &self.examples {
            counts[example.label.index()] += 1;
        }
        counts
    }

    /// Where example `i` came from, as `file:line`, for messages and reports.
    pub fn location(&self, i: usize) -> String {
        let example = &self.examples[i];
        let name = self.files[example.file].path.display();
        format!("{name}:{}", example.line)
    }

    /// Refuses data in which a stance has no examples (a model could not learn it).
    ///
    /// # Errors
    /// [`Error::Training`] naming the missing stances and the counts found.
    pub fn check_all_stances_present(&self) -> Result<()> {
        let counts = self.label_counts();
        let missing: Vec<&str> = Stance::ALL
            .iter()
            .filter(|s| counts[s.index()] == 0)
            .map(|s| s.as_str())
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        let found: Vec<String> = Stance::ALL
            .iter()
            .map(|s| format!("{s}: {}", counts[s.index()]))
            .collect();
        Err(Error::Training(format!(
            "no examples labelled `{}` ({}); every stance needs examples, or the model would \
             silently learn fewer classes",
            missing.join("`, `"),
            found.join(", ")
        )))
    }
}

/// Reads a gold file of article-level stances: columns `article,actor,aliases,stance`,
/// aliases separated by `;`.
///
/// # Errors
/// [`Error::Io`] when unreadable; [`Error::Data`] naming the line for a missing column, an
/// unknown stance or a malformed record.
pub fn read_gold(path: &Path) -> Result<Vec<crate::evaluate::GoldActor>> {
    let bytes = read_bytes(path)?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        Error::data(
            path,
            format!("invalid UTF-8 ({e}); convert the file to UTF-8"),
        )
    })?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| csv_error(path, &e))?.clone();
    let column = |name: &str| {
        header.iter().position(|h| h.trim() == name).ok_or_else(|| {
            Error::data(
                path,
                format!(
                    "line 1: no column `{name}` (columns found: {}); a gold file has columns \
                     article,actor,aliases,stance",
                    header.iter().collect::<Vec<_>>().join(", ")
                ),
            )
        })
    };
    let (article, actor, aliases, stance) = (
        column("article")?,
        column("actor")?,
        column("aliases")?,
        column("stance")?,
    );
    let mut gold = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, &e))?;
        let line = record.position().map_or(0, |p| p.line());
        let raw = &record[stance];
        let parsed = raw
            .parse::<Stance>()
            .map_err(|e| Error::data(path, format!("line {line}: {e}")))?;
        gold.push(crate::evaluate::GoldActor {
            article: record[article].trim().to_string(),
            actor: record[actor].trim().to_string(),
            aliases: record[aliases]
                .split(';')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect(),
            stance: parsed,
        });
    }
    if gold.is_empty() {
        return Err(Error::data(
            path,
            "no gold rows; expected article,actor,aliases,stance rows",
        ));
    }
    Ok(gold)
}

fn expand_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| Error::io(path, e))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension().is_some_and(|ext| {
                        ext.eq_ignore_ascii_case("csv") || ext.eq_ignore_ascii_case("tsv")
                    })
                })
                .collect();
            if files.is_empty() {
                return Err(Error::data(path, "directory holds no .csv or .tsv files"));
            }
            files.sort();
            out.extend(files);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("<stdin>", e))?;
        Ok(bytes)
    } else {
        std::fs::read(path).map_err(|e| Error::io(path, e))
    }
}

/// Lowercase hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn read_csv(
    path: &Path,
    bytes: &[u8],
    config: &DatasetConfig,
    file: usize,
    out: &mut Vec<Example>,
) -> Result<()> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::data(
            path,
            "file is empty; expected a header row and labelled rows",
        ));
    }
    let tsv = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("tsv"));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tsv { b'\t' } else { b',' })
        .from_reader(bytes);
    let header = reader
        .byte_headers()
        .map_err(|e| csv_error(path, &e))?
        .clone();
    let header: Vec<String> = header
        .iter()
        .map(|field| String::from_utf8_lossy(field).trim().to_string())
        .collect();
    let column = |name: &str, flag: &str| -> Result<usize> {
        header.iter().position(|h| h == name).ok_or_else(|| {
            Error::data(
                path,
                format!(
                    "line 1: no column `{name}` (columns found: {}); name the right one with {flag}",
                    header.join(", ")
                ),
            )
        })
    };
    let text_col = column(&config.text_col, "--text-col")?;
    let label_col = column(&config.label_col, "--label-col")?;
    let actor_col = match &config.actor_col {
        Some(name) => Some(column(name, "--actor-col")?),
        None => header.iter().position(|h| h == DEFAULT_ACTOR_COL),
    };
    let target_col = config
        .target_col
        .as_deref()
        .map(|name| column(name, "--target-col"))
        .transpose()?;
    let group_col = config
        .group_col
        .as_deref()
        .map(|name| column(name, "--group-col"))
        .transpose()?;

    let before = out.len();
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(csv_error(path, &e)),
        }
        let line = record.position().map_or(0, |p| p.line());
        let field = |i: usize| -> Result<String> {
            let raw = record.get(i).unwrap_or_default();
            match std::str::from_utf8(raw) {
                Ok(s) => Ok(s.to_string()),
                Err(_) if config.lossy => Ok(String::from_utf8_lossy(raw).into_owned()),
                Err(e) => Err(Error::data(
                    path,
                    format!(
                        "line {line}, column `{}`: invalid UTF-8 ({e}); convert the file to UTF-8 \
                         or pass --lossy to replace bad bytes",
                        header[i]
                    ),
                )),
            }
        };
        let text = field(text_col)?;
        if text.trim().is_empty() {
            return Err(Error::data(
                path,
                format!(
                    "line {line}: column `{}` is empty; every row needs a text",
                    config.text_col
                ),
            ));
        }
        let raw_label = field(label_col)?;
        let label = parse_label(&raw_label, config)
            .map_err(|message| Error::data(path, format!("line {line}: {message}")))?;
        let optional = |col: Option<usize>| -> Result<Option<String>> {
            Ok(match col {
                Some(i) => Some(field(i)?).filter(|s| !s.trim().is_empty()),
                None => None,
            })
        };
        let actor = optional(actor_col)?;
        let target = optional(target_col)?;
        let group = match optional(group_col)? {
            Some(group) => group,
            None => format!("{}#{line}", path.display()),
        };
        out.push(Example {
            text,
            actor,
            target,
            group,
            label,
            file,
            line,
        });
    }
    if out.len() == before {
        return Err(Error::data(
            path,
            "file has a header but no rows; expected labelled rows after line 1",
        ));
    }
    Ok(())
}

fn parse_label(raw: &str, config: &DatasetConfig) -> std::result::Result<Stance, String> {
    let key = raw.trim().to_lowercase();
    if let Some(&stance) = config.label_map.get(&key) {
        return Ok(stance);
    }
    key.parse::<Stance>().map_err(|_| {
        let mapped: Vec<&str> = config.label_map.keys().map(String::as_str).collect();
        let also = if mapped.is_empty() {
            String::new()
        } else {
            format!(" or one of the mapped labels ({})", mapped.join(", "))
        };
        format!(
            "unknown label `{raw}` in column `{}`; allowed: supportive, opposed, noncommittal{also}; \
             map other labels with --label-map, e.g. --label-map {key}=opposed",
            config.label_col
        )
    })
}

fn csv_error(path: &Path, err: &csv::Error) -> Error {
    let position = match err.kind() {
        csv::ErrorKind::UnequalLengths { pos: Some(pos), .. } => Some(pos.line()),
        csv::ErrorKind::Utf8 { pos: Some(pos), .. } => Some(pos.line()),
        csv::ErrorKind::Deserialize { pos: Some(pos), .. } => Some(pos.line()),
        _ => None,
    };
    let hint = match err.kind() {
        csv::ErrorKind::UnequalLengths { .. } => {
            "; every row needs as many fields as the header (quote fields that contain the delimiter)"
        }
        _ => "",
    };
    match position {
        Some(line) => Error::data(path, format!("line {line}: malformed CSV: {err}{hint}")),
        None => Error::data(path, format!("malformed CSV: {err}{hint}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write(dir: &tempfile::TempDir, name: &str, content: &[u8]) -> PathBuf {
        let path = dir.path().join(name);
        std::fs::File::create(&path)
            .unwrap()
            .write_all(content)
            .unwrap();
        path
    }

    fn read_one(name: &str, content: &[u8], config: &DatasetConfig) -> Result<Dataset> {
        let dir = tempfile::tempdir().unwrap();
        let path = write(&dir, name, content);
        Dataset::read(&[path], config)
    }

    #[test]
    fn reads_rows_with_optional_columns_and_groups() {
        let csv = "text,actor,stance,article_id\n\"We back it, fully\",Ana,supportive,a1\nNo way,Bo,OPPOSED,a1\n";
        let config = DatasetConfig {
            group_col: Some("article_id".into()),
            ..Default::default()
        };
        let data = read_one("d.csv", csv.as_bytes(), &config).unwrap();
        assert_eq!(data.examples.len(), 2);
        assert_eq!(data.examples[0].text, "We back it, fully");
        assert_eq!(data.examples[0].actor.as_deref(), Some("Ana"));
        assert_eq!(data.examples[1].label, Stance::Opposed);
        assert_eq!(data.examples[1].group, "a1");
        assert_eq!(data.examples[1].line, 3);
        assert_eq!(data.label_counts(), [1, 1, 0]);
        assert_eq!(data.files[0].rows, 2);
        assert_eq!(data.files[0].sha256.len(), 64);
        let err = data.check_all_stances_present().unwrap_err().to_string();
        assert!(err.contains("`noncommittal`"), "{err}");
    }

    #[test]
    fn tsv_and_label_map() {
        let tsv = b"headline\tlabel\nIt is true\tfor\nHoax\tagainst\nReportedly\tobserving\n";
        let config = DatasetConfig {
            text_col: "headline".into(),
            label_col: "label".into(),
            label_map: parse_label_map("for=supportive,against=opposed,observing=noncommittal")
                .unwrap(),
            ..Default::default()
        };
        let data = read_one("d.tsv", tsv, &config).unwrap();
        assert_eq!(data.label_counts(), [1, 1, 1]);
        assert!(data.examples[0].group.ends_with("#2"));
        assert!(data.check_all_stances_present().is_ok());
    }

    #[test]
    fn missing_column_lists_columns_found() {
        let err = read_one(
            "d.csv",
            b"sentence,stance\nx,opposed\n",
            &DatasetConfig::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("d.csv"), "{err}");
        assert!(err.contains("no column `text`"), "{err}");
        assert!(err.contains("columns found: sentence, stance"), "{err}");
        assert!(err.contains("--text-col"), "{err}");
    }

    #[test]
    fn explicit_actor_column_must_exist() {
        let config = DatasetConfig {
            actor_col: Some("speaker".into()),
            ..Default::default()
        };
        let err = read_one("d.csv", b"text,stance\nx,opposed\n", &config)
            .unwrap_err()
            .to_string();
        assert!(err.contains("no column `speaker`"), "{err}");
    }

    #[test]
    fn unknown_label_names_line_and_suggests_label_map() {
        let err = read_one(
            "d.csv",
            b"text,stance\nx,opposed\ny,against\n",
            &DatasetConfig::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("line 3"), "{err}");
        assert!(err.contains("`against`"), "{err}");
        assert!(err.contains("supportive, opposed, noncommittal"), "{err}");
        assert!(err.contains("--label-map against=opposed"), "{err}");
    }

    #[test]
    fn invalid_utf8_names_line_and_offers_lossy() {
        let bytes = b"text,stance\nfine,opposed\nbad \xff byte,supportive\n";
        let err = read_one("d.csv", bytes, &DatasetConfig::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 3"), "{err}");
        assert!(err.contains("invalid UTF-8"), "{err}");
        assert!(err.contains("--lossy"), "{err}");
        let lossy = DatasetConfig {
            lossy: true,
            ..Default::default()
        };
        let data = read_one("d.csv", bytes, &lossy).unwrap();
        assert_eq!(data.examples[1].text, "bad \u{FFFD} byte");
    }

    #[test]
    fn empty_file_and_header_only_are_refused() {
        for content in [&b""[..], b"  \n", b"\xEF\xBB\xBF"] {
            let err = read_one("e.csv", content, &DatasetConfig::default())
                .unwrap_err()
                .to_string();
            assert!(err.contains("e.csv: file is empty"), "{err}");
        }
        let err = read_one("h.csv", b"text,stance\n", &DatasetConfig::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("no rows"), "{err}");
    }

    #[test]
    fn ragged_rows_and_empty_text_name_the_line() {
        let err = read_one(
            "r.csv",
            b"text,stance\na,opposed\nb\n",
            &DatasetConfig::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("line 3") && err.contains("malformed CSV"),
            "{err}"
        );
        let err = read_one(
            "r.csv",
            b"text,stance\n  ,opposed\n",
            &DatasetConfig::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("line 2") && err.contains("empty"), "{err}");
    }

    #[test]
    fn directories_expand_to_sorted_csv_files() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir, "b.csv", b"text,stance\nB,opposed\n");
        write(&dir, "a.csv", b"text,stance\nA,supportive\n");
        write(&dir, "notes.md", b"ignored");
        let data = Dataset::read(&[dir.path().to_path_buf()], &DatasetConfig::default()).unwrap();
        let texts: Vec<&str> = data.examples.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["A", "B"]);
        assert!(data.location(1).ends_with("b.csv:2"));
    }

    #[test]
    fn label_map_errors_are_clear() {
        assert!(
            parse_label_map("for")
                .unwrap_err()
                .to_string()
                .contains("FROM=TO")
        );
        assert!(
            parse_label_map("for=yes")
                .unwrap_err()
                .to_string()
                .contains("unknown stance")
        );
    }
}
