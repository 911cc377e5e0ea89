//! The lexicon of known actors: canonical names, aliases and kinds, read from a CSV file.
//!
//! The file has a header `name,aliases,kind`; `aliases` is a `;`-separated list; `kind` is one
//! of `person`, `organization` (or `organisation`), `government`, `collective`, `anonymous`, or
//! `media`. Media rows (news agencies, broadcasters) are recognised so their names are never
//! mistaken for other actors, but they never hold a stance. Lines starting with `#` are
//! comments.
//!
//! Matching is case-insensitive with diacritics folded, except that an alias written with a
//! capital must meet a capital in the text, and a short all-capitals alias ("US", "EU") must
//! meet exactly that spelling. A leading "the" in an alias is ignored.

use std::fmt;

use super::ActorKind;
use super::tokens::{Kind, Tokens};
use super::words::FastMap;
use crate::text::Span;

/// An error in a lexicon file: which file, which line, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    /// The file name (or other origin) given to [`Lexicon::parse`].
    pub origin: String,
    /// 1-based line number of the offending record (0 when unknown).
    pub line: u64,
    /// What is wrong, with the offending value.
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.origin, self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

/// One known actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Canonical name, reported as the actor's name.
    pub name: String,
    /// `None` for media outlets, which are recognised but never hold a stance.
    pub kind: Option<ActorKind>,
}

/// How the first word of an alias must be written in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Case {
    Any,
    Capitalized,
    Exact(String),
}

#[derive(Debug, Clone)]
struct Alias {
    keys: Vec<String>,
    case: Case,
    entry: usize,
}

/// Known actors, indexed for lookup by the key of an alias's first word.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    entries: Vec<Entry>,
    index: FastMap<String, Vec<Alias>>,
}

impl Lexicon {
    /// Parses a lexicon from CSV text; `origin` (usually the file name) appears in errors.
    ///
    /// # Errors
    /// A [`LexiconError`] naming `origin` and the line when the header is not
    /// `name,aliases,kind`, a name is empty, a kind is unknown, an alias has no words, or one
    /// alias is given to two different actors.
    pub fn parse(csv_text: &str, origin: &str) -> Result<Lexicon, LexiconError> {
        let err = |line: u64, message: String| LexiconError {
            origin: origin.to_string(),
            line,
            message,
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .comment(Some(b'#'))
            .trim(csv::Trim::All)
            .from_reader(csv_text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| err(1, format!("cannot read header: {e}")))?
            .clone();
        if headers.iter().collect::<Vec<_>>() != ["name", "aliases", "kind"] {
            let got = headers.iter().collect::<Vec<_>>().join(",");
            return Err(err(
                1,
                format!("header must be `name,aliases,kind`, found `{got}`"),
            ));
        }
        let mut lexicon = Lexicon::empty();
        let mut owner: FastMap<Vec<String>, usize> = FastMap::default();
        let mut tokens = Tokens::default();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, csv::Position::line);
                err(line, e.to_string())
            })?;
            let line = record.position().map_or(0, csv::Position::line);
            let (name, aliases, kind) = (&record[0], &record[1], &record[2]);
            if name.is_empty() {
                return Err(err(line, "empty name".to_string()));
            }
            let kind = match kind.to_ascii_lowercase().as_str() {
                "person" => Some(ActorKind::Person),
                "organization" | "organisation" => Some(ActorKind::Organization),
                "government" => Some(ActorKind::Government),
                "collective" => Some(ActorKind::Collective),
                "anonymous" => Some(ActorKind::Anonymous),
                "media" => None,
                other => {
                    return Err(err(
                        line,
                        format!(
                            "unknown kind `{other}` for `{name}` (expected person, \
                             organization, government, collective, anonymous or media)"
                        ),
                    ));
                }
            };
            let entry = lexicon.entries.len();
            lexicon.entries.push(Entry {
                name: name.to_string(),
                kind,
            });
            let forms = std::iter::once(name).chain(aliases.split(';').map(str::trim));
            for form in forms.filter(|f| !f.is_empty()) {
                tokens.tokenize(form, Span::new(0, form.len()));
                let skip = usize::from(tokens.lower(0) == "the" && tokens.len() > 1);
                let keys: Vec<String> = (skip..tokens.len())
                    .map(|i| tokens.key(i).to_string())
                    .collect();
                if keys.is_empty() || !tokens.toks.iter().any(|t| t.kind == Kind::Word) {
                    return Err(err(
                        line,
                        format!("alias `{form}` of `{name}` has no words"),
                    ));
                }
                match owner.get(&keys) {
                    Some(&e) if e == entry => continue,
                    Some(&e) => {
                        let other = &lexicon.entries[e].name;
                        return Err(err(
                            line,
                            format!("alias `{form}` of `{name}` already belongs to `{other}`"),
                        ));
                    }
                    None => {}
                }
                owner.insert(keys.clone(), entry);
                let first = tokens.toks[skip].span.text(form);
                let letters = first.chars().filter(|c| c.is_alphabetic()).count();
                let case = if (2..=3).contains(&letters) && first.chars().all(|c| !c.is_lowercase())
                {
                    Case::Exact(first.to_string())
                } else if tokens.toks[skip].cap {
                    Case::Capitalized
                } else {
                    Case::Any
                };
                lexicon
                    .index
                    .entry(keys[0].clone())
                    .or_default()
                    .push(Alias { keys, case, entry });
            }
        }
        for aliases in lexicon.index.values_mut() {
            aliases.sort_by_key(|a| std::cmp::Reverse(a.keys.len()));
        }
        Ok(lexicon)
    }

    /// The general English lexicon shipped in `models/actors.csv` (governments by capital and
    /// by name, international institutions, parties, unions, regulators, central banks, major
    /// leaders, news agencies).
    ///
    /// Parses the embedded file on every call; build it once and reuse it.
    pub fn default_english() -> Lexicon {
        // The embedded file is checked by a unit test, so the fallback never happens in a
        // released build; it only keeps this function panic-free.
        Lexicon::parse(include_str!("../../models/actors.csv"), "models/actors.csv")
            .unwrap_or_default()
    }

    /// A lexicon with no entries: every actor must then be found from the text alone.
    pub fn empty() -> Lexicon {
        Lexicon::default()
    }

    /// Number of actors in the lexicon.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the lexicon has no actors.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with index `id`.
    pub(crate) fn entry(&self, id: usize) -> Option<&Entry> {
        self.entries.get(id)
    }

    /// The longest alias starting at token `i` and ending at or before `end`:
    /// `(number of tokens, entry index)`.
    pub(crate) fn longest_match(
        &self,
        toks: &Tokens,
        text: &str,
        i: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        if !toks.is_word(i) {
            return None;
        }
        let aliases = self.index.get(toks.key(i))?;
        aliases.iter().find_map(|alias| {
            let n = alias.keys.len();
            if i + n > end || (1..n).any(|k| toks.key(i + k) != alias.keys[k]) {
                return None;
            }
            let ok = match &alias.case {
                Case::Any => true,
                Case::Capitalized => toks.is_cap(i),
                Case::Exact(s) => toks.toks[i].span.text(text) == s,
            };
            ok.then_some((n, alias.entry))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(lex: &Lexicon, text: &str) -> Vec<String> {
        let mut t = Tokens::default();
        t.tokenize(text, Span::new(0, text.len()));
        let mut out = Vec::new();
        let mut i = 0;
        while i < t.len() {
            match lex.longest_match(&t, text, i, t.len()) {
                Some((n, e)) => {
                    out.push(lex.entry(e).map(|e| e.name.clone()).unwrap_or_default());
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    const SMALL: &str = "name,aliases,kind\n\
        # comment line\n\
        Ukraine,Kyiv;Ukraine's government;Kiev,government\n\
        Volodymyr Zelenskyy,Zelenskyy;Zelensky,person\n\
        United States,US;U.S.;Washington,government\n\
        Maroš Šefčovič,Šefčovič,person\n\
        European Union,EU;the bloc,organization\n\
        Reuters,,media\n";

    #[test]
    fn parses_and_matches_longest_alias_with_case_rules() {
        let lex = Lexicon::parse(SMALL, "small.csv").unwrap();
        assert_eq!(lex.len(), 6);
        assert_eq!(
            matches(
                &lex,
                "Kyiv and Ukraine's government met Zelenskiy and Sefcovic."
            ),
            [
                "Ukraine",
                "Ukraine",
                "Volodymyr Zelenskyy",
                "Maroš Šefčovič"
            ]
        );
        assert_eq!(
            matches(&lex, "let us talk to the US and the bloc"),
            ["United States", "European Union"]
        );
        assert_eq!(matches(&lex, "in washington, kyiv"), Vec::<String>::new());
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let e = Lexicon::parse("name,aliases,kind\nA,,person\nB,,wizard\n", "x.csv").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(
            e.to_string().starts_with("x.csv:3: unknown kind `wizard`"),
            "{e}"
        );
        let e =
            Lexicon::parse("name,aliases,kind\nA,Foo,person\nB,foo,person\n", "y.csv").unwrap_err();
        assert!(
            e.to_string()
                .contains("y.csv:3: alias `foo` of `B` already belongs to `A`"),
            "{e}"
        );
        let e = Lexicon::parse("name,kind\n", "z.csv").unwrap_err();
        assert!(e.to_string().starts_with("z.csv:1: header"), "{e}");
        let e = Lexicon::parse("name,aliases,kind\n,x,person\n", "w.csv").unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (2, "empty name"));
        assert!(Lexicon::parse("name,aliases,kind\nA,x,person,extra\n", "v.csv").is_err());
    }

    #[test]
    fn shipped_lexicon_parses_and_is_general() {
        let parsed = Lexicon::parse(include_str!("../../models/actors.csv"), "actors.csv");
        let lex = parsed.unwrap();
        assert!((150..=320).contains(&lex.len()), "{} rows", lex.len());
        assert_eq!(Lexicon::default_english().len(), lex.len());
        assert!(Lexicon::empty().is_empty());
    }
}
