//! Features: a sentence → tokens → stems → n-grams → TF-IDF sparse vector.
//!
//! The extractor is a bag of words with three additions that matter for stance:
//! a *negation scope* ("would not accept" yields `not_accept`, unlike "would accept"),
//! *actor masking* (the stance holder's own name becomes the placeholder `__actor__`, so names
//! never become stance features), and optional *target* features (the plan the stance is
//! toward, prefixed `t:`), so one model can serve many targets. Nouns that name a plan ("deal",
//! "bill", "ceasefire", …) all become `__plan__`, so "backed the deal" teaches "backed the bill".

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::sparse::{SparseMatrix, SparseVector};

mod columns;

use columns::{ColumnIndex, NO_FORM, NgramKey, Space};

/// The token that replaces the stance holder's own name.
pub const ACTOR_PLACEHOLDER: &str = "__actor__";

/// The token that replaces text words shared with the target (see `FeatureConfig::mask_target`).
pub const TARGET_PLACEHOLDER: &str = "__target__";

/// The token that replaces every noun naming a plan (see `FeatureConfig::plan_words`).
pub const PLAN_PLACEHOLDER: &str = "__plan__";

/// Nouns that name the kind of thing a stance is taken toward: plans, deals, bills, measures.
/// Matched on the lowercased surface word (not the stem, so "planned" and "dealing" stay
/// themselves). Some are also verbs ("plans to", "offers", "rules"), and as the surface word
/// decides, those verbs become `__plan__` too.
const PLAN_WORDS: &[&str] = &[
    "accord",
    "accords",
    "acquisition",
    "acquisitions",
    "act",
    "agreement",
    "agreements",
    "ban",
    "bans",
    "bid",
    "bids",
    "bill",
    "bills",
    "blueprint",
    "budget",
    "budgets",
    "ceasefire",
    "ceasefires",
    "compromise",
    "contract",
    "contracts",
    "deal",
    "deals",
    "draft",
    "framework",
    "initiative",
    "law",
    "laws",
    "legislation",
    "measure",
    "measures",
    "merger",
    "mergers",
    "offer",
    "offers",
    "package",
    "pact",
    "pacts",
    "plan",
    "plans",
    "policy",
    "program",
    "programme",
    "proposal",
    "proposals",
    "reform",
    "reforms",
    "regulation",
    "regulations",
    "roadmap",
    "rules",
    "scheme",
    "settlement",
    "takeover",
    "takeovers",
    "tariff",
    "tariffs",
    "text",
    "treaty",
    "truce",
];

/// Prefix of features in the negation scope.
pub const NEGATION_PREFIX: &str = "not_";

/// Prefix of features drawn from the target text.
pub const TARGET_PREFIX: &str = "t:";

/// Prefix of words in the actor's own clause.
pub const ACTOR_CLAUSE_PREFIX: &str = "a:";

/// Prefix of character n-gram features.
pub const CHAR_PREFIX: &str = "c:";

/// Default word n-gram range.
pub const DEFAULT_WORD_NGRAMS: (usize, usize) = (1, 2);
/// Default minimum document frequency.
pub const DEFAULT_MIN_DF: usize = 2;
/// Default cap on the vocabulary size.
pub const DEFAULT_MAX_FEATURES: usize = 50_000;

/// The largest vocabulary a model may have: every entry's word forms get 32-bit ids.
const MAX_VOCABULARY: usize = (u32::MAX / 8) as usize;

/// How sentences become feature vectors. Stored in the model file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureConfig {
    /// Snowball stemmer language.
    pub language: Algorithm,
    /// Smallest and largest word n-gram length.
    pub word_ngrams: (usize, usize),
    /// Character n-gram lengths (within word boundaries), or none.
    pub char_ngrams: Option<(usize, usize)>,
    /// A feature must occur in at least this many training documents.
    pub min_df: usize,
    /// Keep at most this many features (the most frequent by document frequency).
    pub max_features: usize,
    /// Use `1 + ln(tf)` instead of the raw term count.
    pub sublinear_tf: bool,
    /// Mark tokens after a negation cue, up to the next punctuation.
    pub negation: bool,
    /// Replace the stance holder's name with a placeholder.
    pub mask_actor: bool,
    /// Add features from the target text, when a document has one.
    pub use_target: bool,
    /// Replace content words of the text that also occur in the target with the placeholder
    /// `__target__`, so that what is said *about* the target generalises across targets.
    #[serde(default)]
    pub mask_target: bool,
    /// Also emit words in the same clause as the masked actor with the prefix `a:`, so that
    /// in a sentence with several speakers the holder's own words weigh more.
    #[serde(default)]
    pub actor_clause: bool,
    /// Emit the target's own words as `t:` features (when `use_target`).
    #[serde(default = "yes")]
    pub target_features: bool,
    /// Replace every word of `PLAN_WORDS` ("deal", "bill", "merger", "ceasefire", …; the same
    /// words as verbs too, "plans to") with the placeholder `__plan__`, which target masking
    /// leaves alone. Model files from before this option lack it and read as off.
    #[serde(default)]
    pub plan_words: bool,
}

fn yes() -> bool {
    true
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            language: Algorithm::English,
            word_ngrams: DEFAULT_WORD_NGRAMS,
            char_ngrams: None,
            min_df: DEFAULT_MIN_DF,
            max_features: DEFAULT_MAX_FEATURES,
            sublinear_tf: true,
            negation: true,
            mask_actor: true,
            use_target: true,
            mask_target: false,
            target_features: true,
            actor_clause: true,
            plan_words: true,
        }
    }
}

impl FeatureConfig {
    /// Checks every value, naming the first bad one.
    ///
    /// # Errors
    /// [`Error::Config`] for an empty or flipped n-gram range, n-grams longer than 8,
    /// `min_df == 0` or `max_features == 0`.
    pub fn validate(&self) -> Result<()> {
        let check_range = |name: &str, (lo, hi): (usize, usize), max: usize| {
            if lo == 0 || lo > hi || hi > max {
                Err(Error::Config(format!(
                    "{name} n-gram range {lo}..{hi} must satisfy 1 <= min <= max <= {max}"
                )))
            } else {
                Ok(())
            }
        };
        check_range("word", self.word_ngrams, 4)?;
        if let Some(range) = self.char_ngrams {
            check_range("character", range, 8)?;
        }
        if self.min_df == 0 {
            return Err(Error::Config("min_df must be at least 1".into()));
        }
        if self.max_features == 0 {
            return Err(Error::Config("max_features must be at least 1".into()));
        }
        Ok(())
    }
}

/// One text to turn into features.
#[derive(Debug, Clone, Copy, Default)]
pub struct Document<'a> {
    /// The sentence (or headline, or quote).
    pub text: &'a str,
    /// Byte ranges of `text` that name the stance holder; masked when configured.
    pub actor_spans: &'a [Range<usize>],
    /// What the stance is toward, if known.
    pub target: Option<&'a str>,
}

/// Byte ranges in `text` where `actor` is named: the full name (without a leading "the") and,
/// for a person-like name, the surname alone. A person-like name has two to four capitalised
/// words, or up to five with a particle ("Ursula von der Leyen"), and does not end in one.
///
/// The full name and a surname with a particle ("von der Leyen") match in any ASCII case; a
/// bare surname only as written, and only when its second letter is lower case (not "MPs").
/// Matches respect word boundaries; a possessive `'s` after the name is included so that
/// "Kallas's office" masks to the placeholder alone.
///
/// ```
/// let spans = stance::features::actor_spans("Kallas's aide said Kaja Kallas agreed.", "Kaja Kallas");
/// assert_eq!(spans, vec![0..8, 19..30]);
/// ```
pub fn actor_spans(text: &str, actor: &str) -> Vec<Range<usize>> {
    let actor = actor.trim();
    let name = strip_article(actor);
    if name.is_empty() {
        return Vec::new();
    }
    // One pass over the name's words; an ASCII name holds no other whitespace, and splitting
    // it at ASCII whitespace skips decoding characters.
    let (mut words, mut capitalised, mut last) = (0, true, None);
    // Where a surname with a particle starts ("von der Leyen", "da Silva").
    let mut particle_at = None;
    let split: &mut dyn Iterator<Item = &str> = if name.is_ascii() {
        &mut name.split_ascii_whitespace()
    } else {
        &mut name.split_whitespace()
    };
    for word in split {
        words += 1;
        if words > 1 && NAME_PARTICLES.contains(&word) {
            particle_at.get_or_insert(word.as_ptr() as usize - name.as_ptr() as usize);
        } else {
            capitalised &= word.chars().next().is_some_and(char::is_uppercase);
        }
        last = Some(word);
    }
    let max_words = if particle_at.is_some() { 5 } else { 4 };
    let person_like = name.len() == actor.len()
        && (2..=max_words).contains(&words)
        && capitalised
        && last.is_some_and(|w| !NAME_PARTICLES.contains(&w));
    // A surname has a lower-case second letter: "MPs" of "Labour MPs" is a group noun, and
    // masking it would hide "Conservative MPs" too. One with a particle is matched in any case
    // ("Von der Leyen" opens a sentence); a bare surname only as written.
    let (surname, surname_exact_case) = match particle_at {
        Some(at) if person_like => (Some(&name[at..]), false),
        _ => (
            last.filter(|s| {
                person_like
                    && s.chars().count() >= 3
                    && s.chars().all(char::is_alphabetic)
                    && s.chars().nth(1).is_some_and(char::is_lowercase)
            }),
            true,
        ),
    };
    let mut spans: Vec<Range<usize>> = Vec::new();
    for (pattern, exact_case) in [(Some(name), false), (surname, surname_exact_case)] {
        let Some(pattern) = pattern else { continue };
        find_word_ascii_ci(text, pattern, |range| {
            if exact_case && &text[range.clone()] != pattern {
                return;
            }
            if !spans
                .iter()
                .any(|s| s.start < range.end && range.start < s.end)
            {
                spans.push(range);
            }
        });
    }
    for span in &mut spans {
        let rest = &text[span.end..];
        for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
            if rest.starts_with(suffix)
                && !rest[suffix.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                span.end += suffix.len();
                break;
            }
        }
    }
    spans.sort_by_key(|s| s.start);
    spans
}

/// Lower-case words inside a person's name that start a surname ("von der Leyen", "da Silva").
const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "dos", "du", "ibn", "la",
    "le", "ten", "ter", "van", "von",
];

fn strip_article(name: &str) -> &str {
    for article in ["the ", "The "] {
        if let Some(rest) = name.strip_prefix(article) {
            return rest.trim();
        }
    }
    name
}

/// Calls `found` with each occurrence of `needle` in `haystack`, ASCII case-insensitive, at
/// word boundaries, left to right and not overlapping.
fn find_word_ascii_ci(haystack: &str, needle: &str, mut found: impl FnMut(Range<usize>)) {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > h.len() {
        return;
    }
    let is_word_byte = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    // Bytes equal up to ASCII case are equal with bit 5 set: a necessary condition, which
    // memchr tests many bytes at a time to skip most positions before the real comparison.
    let first = n[0] | 0x20;
    let last_start = h.len() - n.len();
    let mut i = 0;
    while i <= last_start {
        match memchr::memchr2(first, first & !0x20, &h[i..=last_start]) {
            Some(skip) => i += skip,
            None => break,
        }
        if (i == 0 || !is_word_byte(h[i - 1]))
            && h[i..i + n.len()].eq_ignore_ascii_case(n)
            && haystack.is_char_boundary(i)
            && haystack.is_char_boundary(i + n.len())
            && (i + n.len() == h.len() || !is_word_byte(h[i + n.len()]))
        {
            found(i..i + n.len());
            i += n.len();
        } else {
            i += 1;
        }
    }
}

const NEGATION_CUES: &[&str] = &[
    "not", "no", "never", "without", "nor", "neither", "none", "nobody", "nothing", "nowhere",
    "cannot",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokenKind {
    /// A stemmed word, possibly in a negation scope: forms n-grams.
    Word,
    /// The actor placeholder: forms n-grams like a word, but is never masked as a target
    /// word nor copied into the actor's clause.
    Actor,
    /// A mark such as `?` or a quotation mark: a unigram feature only.
    Mark,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    kind: TokenKind,
    /// In a negation scope: the feature form is `not_` followed by the form.
    negated: bool,
    /// Tokens in different segments (split at clause punctuation) never share an n-gram.
    segment: u32,
    /// The form, an entry of `Analyzer::forms`.
    form: u32,
    /// The feature form's id in the vectoriser's [`ColumnIndex`] ([`NO_FORM`] without one).
    id: u32,
}

/// What a surface word contributes, worked out once per distinct word and cached.
#[derive(Debug, Clone, Copy)]
struct Word {
    /// The word lowercased (’ as '), kept only when character n-grams are configured.
    lower: u32,
    /// The feature form (a stem, `#num` or a dotted abbreviation), or [`NO_WORD_FORM`].
    form: u32,
    /// A negation cue ("not", "never"): opens a scope and is never negated itself.
    is_cue: bool,
    /// Ends in "n't" or is "cannot": a `not` token follows the form.
    clitic: bool,
}

/// [`Word::form`] of a word that leaves no token of its own ("n't" alone).
const NO_WORD_FORM: u32 = u32::MAX;

/// The form every number takes.
const NUMBER_FORM: &str = "#num";

/// The forms every [`Forms`] starts with, at these ids.
const FIXED_FORMS: [&str; 8] = [
    ACTOR_PLACEHOLDER,
    TARGET_PLACEHOLDER,
    "not",
    "\"",
    "?",
    "!",
    NUMBER_FORM,
    PLAN_PLACEHOLDER,
];
const ACTOR: u32 = 0;
const TARGET: u32 = 1;
const NOT: u32 = 2;
const QUOTE: u32 = 3;
const QUESTION: u32 = 4;
const EXCLAMATION: u32 = 5;
const NUMBER: u32 = 6;
const PLAN: u32 = 7;

/// Distinct surface words cached before the cache starts over (news vocabulary is Zipfian,
/// so the common words are back in it quickly).
const WORD_CACHE_LIMIT: usize = 200_000;

/// Function words never replaced by the target placeholder: they carry stance, not topic.
/// Nor are the [`FIXED_FORMS`] (placeholders, "not", marks and numbers).
const TARGET_MASK_STOPWORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "is", "be", "will", "has",
    "have", "was", "were", "are", "by", "with", "at", "it", "that", "this", "from", "as", "no",
];

/// The distinct forms an analyzer has met, each stored once and known by a small id, with
/// what the hot loop needs to know about it.
struct Forms<'c> {
    columns: Option<&'c ColumnIndex>,
    text: String,
    entries: Vec<FormEntry>,
    ids: HashMap<Box<str>, u32>,
}

struct FormEntry {
    /// Where the form is in `Forms::text`.
    range: Range<usize>,
    /// Column-index ids of the form and of `not_` + the form.
    columns: [u32; 2],
    /// Not a function word: a target word with this form masks it in the text.
    maskable: bool,
    /// A form of the current document's target (and `maskable`).
    in_target: bool,
}

impl<'c> Forms<'c> {
    fn new(columns: Option<&'c ColumnIndex>) -> Forms<'c> {
        let mut forms = Forms {
            columns,
            text: String::new(),
            entries: Vec::new(),
            ids: HashMap::default(),
        };
        for form in FIXED_FORMS {
            forms.intern(form);
        }
        forms
    }

    /// The id of `form`, adding it when new.
    fn intern(&mut self, form: &str) -> u32 {
        if let Some(&id) = self.ids.get(form) {
            return id;
        }
        let id = self.entries.len() as u32;
        let start = self.text.len();
        self.text.push_str(form);
        let columns = self.columns.map_or([NO_FORM; 2], |c| {
            [
                c.form_id(form),
                c.form_id(&format!("{NEGATION_PREFIX}{form}")),
            ]
        });
        self.entries.push(FormEntry {
            range: start..self.text.len(),
            columns,
            maskable: !FIXED_FORMS.contains(&form) && !TARGET_MASK_STOPWORDS.contains(&form),
            in_target: false,
        });
        self.ids.insert(form.into(), id);
        id
    }

    fn text(&self, form: u32) -> &str {
        &self.text[self.entries[form as usize].range.clone()]
    }

    fn column_id(&self, form: u32, negated: bool) -> u32 {
        self.entries[form as usize].columns[usize::from(negated)]
    }

    /// Appends `token`'s feature form (with its negation prefix) to `buf`.
    fn push_feature_form(&self, token: &Token, buf: &mut String) {
        if token.negated {
            buf.push_str(NEGATION_PREFIX);
        }
        buf.push_str(self.text(token.form));
    }
}

/// Surface word → [`Word`]. Most words fit in 16 bytes and are keyed by those bytes as one
/// integer, which hashes and compares in a few instructions; longer words by their string.
#[derive(Default)]
struct WordCache {
    short: HashMap<u128, Word>,
    long: HashMap<Box<str>, Word>,
}

impl WordCache {
    #[inline(always)]
    fn get(&self, word: &str) -> Option<Word> {
        match short_word_key(word.as_bytes()) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(word).copied(),
        }
    }

    fn insert(&mut self, word: &str, analysed: Word) {
        match short_word_key(word.as_bytes()) {
            Some(key) => self.short.insert(key, analysed),
            None => self.long.insert(word.into(), analysed),
        };
    }

    fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    fn clear(&mut self) {
        self.short.clear();
        self.long.clear();
    }
}

/// The bytes of a word of 1 to 16 bytes as a little-endian integer, zero-padded (`None` for
/// other lengths). A word never holds a zero byte, so different words get different keys.
///
/// Reads the bytes with (overlapping) loads of 1, 4 or 8 bytes rather than byte by byte.
#[inline]
fn short_word_key(b: &[u8]) -> Option<u128> {
    let n = b.len();
    let (lo, hi) = match n {
        1..=3 => {
            let at = |i: usize| u64::from(b[i]) << (8 * i);
            (at(0) | at(n / 2) | at(n - 1), 0)
        }
        4..=8 => {
            let (first, last) = (first_chunk::<4>(b), first_chunk::<4>(&b[n - 4..]));
            let (first, last) = (u32::from_le_bytes(first), u32::from_le_bytes(last));
            (u64::from(first) | u64::from(last) << (8 * (n - 4)), 0)
        }
        9..=16 => {
            let (first, last) = (first_chunk::<8>(b), first_chunk::<8>(&b[n - 8..]));
            (
                u64::from_le_bytes(first),
                u64::from_le_bytes(last) >> (8 * (16 - n)),
            )
        }
        _ => return None,
    };
    Some(u128::from(lo) | u128::from(hi) << 64)
}

/// The first `N` bytes of `b`, which holds at least `N`.
#[inline(always)]
fn first_chunk<const N: usize>(b: &[u8]) -> [u8; N] {
    *b.first_chunk::<N>().expect("the caller checked the length")
}

/// Turns documents into feature strings; holds the stemmer and a cache of analysed words.
///
/// Create one per thread: it is cheap, and its word cache makes repeated words fast.
pub struct Analyzer<'c> {
    config: &'c FeatureConfig,
    /// The vectoriser's vocabulary by form, when features are wanted as columns.
    columns: Option<&'c ColumnIndex>,
    stemmer: Stemmer,
    /// Surface word (as written) → what it contributes.
    words: WordCache,
    /// The number of cached words that empties the cache at the next document.
    word_cache_limit: usize,
    forms: Forms<'c>,
    tokens: Vec<Token>,
    buf: String,
    /// The current target's maskable forms, each marked `in_target` in `forms`
    /// (see [`Analyzer::mask_target_words`]).
    target_forms: Vec<u32>,
    actor_segments: Vec<u32>,
}

impl<'c> Analyzer<'c> {
    /// An analyzer for `config`.
    pub fn new(config: &'c FeatureConfig) -> Analyzer<'c> {
        Analyzer::build(config, None)
    }

    /// An analyzer that can also report features as the columns of `columns`.
    fn with_columns(config: &'c FeatureConfig, columns: &'c ColumnIndex) -> Analyzer<'c> {
        Analyzer::build(config, Some(columns))
    }

    fn build(config: &'c FeatureConfig, columns: Option<&'c ColumnIndex>) -> Analyzer<'c> {
        Analyzer {
            config,
            columns,
            stemmer: Stemmer::create(config.language),
            words: WordCache::default(),
            word_cache_limit: WORD_CACHE_LIMIT,
            forms: Forms::new(columns),
            tokens: Vec::new(),
            buf: String::new(),
            target_forms: Vec::new(),
            actor_segments: Vec::new(),
        }
    }

    /// Bounds the word cache; called between documents, so that form ids stay valid
    /// within one.
    fn start_document(&mut self) {
        for &form in &self.target_forms {
            self.forms.entries[form as usize].in_target = false;
        }
        self.target_forms.clear();
        if self.words.len() >= self.word_cache_limit {
            self.words.clear();
            self.forms = Forms::new(self.columns);
        }
    }

    /// Calls `emit` once for every feature occurrence in `doc` (repeats included).
    pub fn analyze(&mut self, doc: &Document<'_>, mut emit: impl FnMut(&str)) {
        self.start_document();
        let (spans, target) = self.inputs(doc);
        if let Some(target) = target {
            if self.config.target_features {
                self.tokenize(target, &[], TARGET_PREFIX, &mut emit);
                self.emit_ngrams(TARGET_PREFIX, &mut emit);
            } else {
                self.tokenize(target, &[], TARGET_PREFIX, &mut |_| {});
            }
            self.remember_target();
        }
        self.tokenize(doc.text, spans, "", &mut emit);
        if !self.target_forms.is_empty() {
            self.mask_target_words();
        }
        self.emit_ngrams("", &mut emit);
        if self.config.actor_clause && !spans.is_empty() {
            self.emit_actor_clause(&mut emit);
        }
    }

    /// Adds the column of every feature occurrence in `doc` that is in the vocabulary to
    /// `out`: the same columns, as a multiset, as looking up each string of
    /// [`Analyzer::analyze`] in the vocabulary, without building the strings.
    ///
    /// Only for an analyzer made with [`Analyzer::with_columns`].
    fn analyze_columns(&mut self, doc: &Document<'_>, out: &mut ColumnCounts) {
        let columns = self
            .columns
            .expect("analyze_columns needs an analyzer made with_columns");
        self.start_document();
        let (spans, target) = self.inputs(doc);
        if let Some(target) = target {
            if self.config.target_features {
                self.tokenize(target, &[], TARGET_PREFIX, &mut |f| {
                    out.insert_some(columns.chars(f));
                });
                self.emit_ngram_columns(Space::Target, columns, out);
            } else {
                self.tokenize(target, &[], TARGET_PREFIX, &mut |_| {});
            }
            self.remember_target();
        }
        self.tokenize(doc.text, spans, "", &mut |f| {
            out.insert_some(columns.chars(f))
        });
        if !self.target_forms.is_empty() {
            self.mask_target_words();
        }
        self.emit_ngram_columns(Space::Text, columns, out);
        if self.config.actor_clause && !spans.is_empty() {
            self.find_actor_segments();
            for token in &self.tokens {
                if self.in_actor_clause(token) {
                    out.insert_some(columns.unigram(Space::ActorClause, token.id));
                }
            }
        }
    }

    /// The actor spans and target of `doc` that the configuration uses.
    fn inputs<'d>(&self, doc: &Document<'d>) -> (&'d [Range<usize>], Option<&'d str>) {
        let spans = if self.config.mask_actor {
            doc.actor_spans
        } else {
            &[]
        };
        (spans, doc.target.filter(|_| self.config.use_target))
    }

    /// Keeps the just-tokenised target's content forms for [`Analyzer::mask_target_words`].
    fn remember_target(&mut self) {
        if !self.config.mask_target {
            return;
        }
        for token in &self.tokens {
            let entry = &mut self.forms.entries[token.form as usize];
            if entry.maskable && !entry.in_target {
                entry.in_target = true;
                self.target_forms.push(token.form);
            }
        }
    }

    /// Records the segments that hold the actor placeholder.
    fn find_actor_segments(&mut self) {
        self.actor_segments.clear();
        for token in &self.tokens {
            if token.kind == TokenKind::Actor {
                self.actor_segments.push(token.segment);
            }
        }
        self.actor_segments.dedup();
    }

    /// Whether `token` is a word in a segment of the actor's.
    #[inline]
    fn in_actor_clause(&self, token: &Token) -> bool {
        token.kind == TokenKind::Word && self.actor_segments.contains(&token.segment)
    }

    /// Emits `a:`-prefixed unigrams for the words of every clause holding the placeholder.
    fn emit_actor_clause(&mut self, emit: &mut impl FnMut(&str)) {
        self.find_actor_segments();
        for token in &self.tokens {
            if !self.in_actor_clause(token) {
                continue;
            }
            self.buf.clear();
            self.buf.push_str(ACTOR_CLAUSE_PREFIX);
            self.forms.push_feature_form(token, &mut self.buf);
            emit(&self.buf);
        }
    }

    /// Replaces text words whose form occurs in the target with the placeholder, keeping a
    /// negation prefix and collapsing runs into one placeholder.
    fn mask_target_words(&mut self) {
        let mut kept = 0;
        let mut previous_masked = false;
        for i in 0..self.tokens.len() {
            let token = self.tokens[i];
            let in_target =
                token.kind == TokenKind::Word && self.forms.entries[token.form as usize].in_target;
            if in_target {
                if previous_masked && kept > 0 && self.tokens[kept - 1].segment == token.segment {
                    continue;
                }
                self.tokens[kept] = Token {
                    form: TARGET,
                    id: self.forms.column_id(TARGET, token.negated),
                    ..token
                };
                previous_masked = true;
            } else {
                previous_masked = false;
                self.tokens[kept] = token;
            }
            kept += 1;
        }
        self.tokens.truncate(kept);
    }

    /// The stems of `text`'s words in order, as the model sees them (for explanations and tests).
    pub fn tokens(&mut self, text: &str) -> Vec<String> {
        self.start_document();
        self.tokenize(text, &[], "", &mut |_| {});
        self.tokens
            .iter()
            .map(|t| {
                let mut form = String::new();
                self.forms.push_feature_form(t, &mut form);
                form
            })
            .collect()
    }

    fn tokenize(
        &mut self,
        text: &'_ str,
        masked: &[Range<usize>],
        prefix: &str,
        emit: &mut impl FnMut(&str),
    ) {
        self.tokens.clear();
        let mut segment = 0u32;
        let mut negated = false;
        let mut last_was_actor = false;
        let bytes = text.as_bytes();
        let mut pos = 0;
        let mut masks = masked.iter();
        let mut mask = masks.next();
        // Before `watch`, `pos` is neither inside nor past the current mask.
        let watch_of = |m: Option<&Range<usize>>| m.map_or(usize::MAX, |m| m.start.min(m.end));
        let mut watch = watch_of(mask);
        while pos < text.len() {
            if pos >= watch {
                while mask.is_some_and(|m| m.end <= pos) {
                    mask = masks.next();
                }
                watch = watch_of(mask);
                if let Some(m) = mask
                    && m.start <= pos
                    && pos < m.end
                {
                    if !last_was_actor {
                        self.push_token(ACTOR, false, TokenKind::Actor, segment);
                        last_was_actor = true;
                    }
                    pos = m.end.min(text.len());
                    while !text.is_char_boundary(pos) {
                        pos += 1;
                    }
                    continue;
                }
            }
            let c = match bytes[pos] {
                b' ' => {
                    pos += 1;
                    continue;
                }
                b if b.is_ascii() => char::from(b),
                _ => match text[pos..].chars().next() {
                    Some(c) => c,
                    None => break,
                },
            };
            if c.is_alphanumeric() {
                let end = word_end(text, pos);
                let word = &text[pos..end];
                pos = end;
                last_was_actor = false;
                negated = self.push_word(word, negated, segment, prefix, emit);
                continue;
            }
            pos += c.len_utf8();
            match c {
                '?' | '!' => {
                    let mark = if c == '?' { QUESTION } else { EXCLAMATION };
                    self.push_token(mark, false, TokenKind::Mark, segment);
                    segment += 1;
                    negated = false;
                    last_was_actor = false;
                }
                '.' | ',' | ';' | ':' | '(' | ')' | '\u{2014}' | '\u{2013}' => {
                    segment += 1;
                    negated = false;
                    last_was_actor = false;
                }
                '"' | '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => {
                    self.push_token(QUOTE, false, TokenKind::Mark, segment);
                }
                '-' if bytes.get(pos).is_some_and(|b| b.is_ascii_whitespace())
                    && pos >= 2
                    && bytes[pos - 2].is_ascii_whitespace() =>
                {
                    // A spaced hyphen is a dash: it ends a clause.
                    segment += 1;
                    negated = false;
                }
                _ => {}
            }
        }
    }

    /// Pushes one surface word (with its clitics); returns whether a negation scope is open.
    fn push_word(
        &mut self,
        word: &str,
        mut negated: bool,
        segment: u32,
        prefix: &str,
        emit: &mut impl FnMut(&str),
    ) -> bool {
        let analysed = match self.words.get(word) {
            Some(analysed) => analysed,
            None => self.analyse_word(word),
        };
        if self.config.char_ngrams.is_some() {
            let lower = self.forms.text(analysed.lower);
            emit_char_ngrams(self.config, lower, prefix, &mut self.buf, emit);
        }
        if analysed.form != NO_WORD_FORM {
            let negate = negated && !analysed.is_cue && self.config.negation;
            self.push_token(analysed.form, negate, TokenKind::Word, segment);
        }
        if analysed.is_cue && self.config.negation {
            negated = true;
        }
        if analysed.clitic {
            self.push_token(NOT, false, TokenKind::Word, segment);
            if self.config.negation {
                negated = true;
            }
        }
        negated
    }

    /// Works out what `word` contributes (lowercase, clitics, number, stem) and caches it.
    fn analyse_word(&mut self, word: &str) -> Word {
        let mut lower = String::with_capacity(word.len());
        if word.is_ascii() {
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            for c in word.chars() {
                if c == '\u{2019}' {
                    lower.push('\'');
                } else {
                    lower.extend(c.to_lowercase());
                }
            }
        }
        let mut analysed = Word {
            lower: if self.config.char_ngrams.is_some() {
                self.forms.intern(&lower)
            } else {
                NO_WORD_FORM
            },
            form: NO_WORD_FORM,
            is_cue: false,
            clitic: false,
        };
        if let Some(base) = lower.strip_suffix("n't") {
            let base = match base {
                "ca" => "can",
                "wo" => "will",
                "sha" => "shall",
                other => other,
            };
            lower = base.to_string();
            analysed.clitic = true;
        } else if let Some(apostrophe) = lower.find('\'') {
            // Possessives and contractions: "minister's" → "minister", "they're" → "they".
            lower.truncate(apostrophe);
        }
        if lower == "cannot" {
            lower.truncate(3);
            analysed.clitic = true;
        }
        if !lower.is_empty() {
            analysed.is_cue = NEGATION_CUES.contains(&lower.as_str());
            analysed.form = if lower
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
            {
                NUMBER
            } else if self.config.plan_words && PLAN_WORDS.binary_search(&lower.as_str()).is_ok() {
                PLAN
            } else if lower.contains('.') {
                self.forms.intern(&lower)
            } else {
                let stem = self.stemmer.stem(&lower);
                self.forms.intern(&stem)
            };
        }
        self.words.insert(word, analysed);
        analysed
    }

    fn push_token(&mut self, form: u32, negated: bool, kind: TokenKind, segment: u32) {
        self.tokens.push(Token {
            kind,
            negated,
            segment,
            form,
            id: self.forms.column_id(form, negated),
        });
    }

    fn emit_ngrams(&mut self, prefix: &str, emit: &mut impl FnMut(&str)) {
        let (lo, hi) = self.config.word_ngrams;
        for (i, token) in self.tokens.iter().enumerate() {
            if token.kind == TokenKind::Mark {
                if lo == 1 {
                    self.buf.clear();
                    self.buf.push_str(prefix);
                    self.forms.push_feature_form(token, &mut self.buf);
                    emit(&self.buf);
                }
                continue;
            }
            self.buf.clear();
            self.buf.push_str(prefix);
            let mut n = 0;
            for next in &self.tokens[i..] {
                if next.segment != token.segment || n == hi {
                    break;
                }
                if next.kind == TokenKind::Mark {
                    continue;
                }
                if n > 0 {
                    self.buf.push(' ');
                }
                self.forms.push_feature_form(next, &mut self.buf);
                n += 1;
                if n >= lo {
                    emit(&self.buf);
                }
            }
        }
    }

    /// [`Analyzer::emit_ngrams`] as columns: the n-grams starting at each token, by form ids,
    /// stopping at the first form that is in no feature (every longer n-gram holds it too).
    fn emit_ngram_columns(&self, space: Space, columns: &ColumnIndex, out: &mut ColumnCounts) {
        let (lo, hi) = self.config.word_ngrams;
        for (i, token) in self.tokens.iter().enumerate() {
            if token.kind == TokenKind::Mark {
                if lo == 1 {
                    out.insert_some(columns.unigram(space, token.id));
                }
                continue;
            }
            let mut key = NgramKey::default();
            let mut n = 0;
            for next in &self.tokens[i..] {
                if next.segment != token.segment || n == hi {
                    break;
                }
                if next.kind == TokenKind::Mark {
                    continue;
                }
                if next.id == NO_FORM {
                    break;
                }
                n += 1;
                key = key.push(next.id);
                if n == 1 {
                    if lo == 1 {
                        out.insert_some(columns.unigram(space, next.id));
                    }
                } else if n >= lo {
                    out.insert_some(columns.ngram(space, key));
                }
            }
        }
    }
}

/// Emits the character n-grams of `lower` padded with one space each side.
fn emit_char_ngrams(
    config: &FeatureConfig,
    lower: &str,
    prefix: &str,
    buf: &mut String,
    emit: &mut impl FnMut(&str),
) {
    let Some((lo, hi)) = config.char_ngrams else {
        return;
    };
    let padded: Vec<char> = std::iter::once(' ')
        .chain(lower.chars())
        .chain(std::iter::once(' '))
        .collect();
    for n in lo..=hi {
        if n > padded.len() {
            break;
        }
        for window in padded.windows(n) {
            buf.clear();
            buf.push_str(prefix);
            buf.push_str(CHAR_PREFIX);
            buf.extend(window.iter());
            emit(buf);
        }
    }
}

/// ASCII letters and digits, by byte (a table lookup is the cheapest test in the word loop).
static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The end of the word starting at `start`: letters and digits, joined by an inner apostrophe
/// ("wouldn't", "Zelenskyy's") or an inner period between alphanumerics ("U.S", "3.5").
#[inline(always)]
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut pos = start;
    let mut has_period = false;
    while pos < bytes.len() {
        let run = bytes[pos..]
            .iter()
            .position(|&b| !ASCII_ALPHANUMERIC[usize::from(b)])
            .unwrap_or(bytes.len() - pos);
        if run > 0 {
            pos += run;
            end = pos;
            if pos == bytes.len() {
                break;
            }
        }
        let b = bytes[pos];
        let (c, len) = if b.is_ascii() {
            (char::from(b), 1)
        } else {
            match text[pos..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        if !b.is_ascii() && c.is_alphanumeric() {
            pos += len;
            end = pos;
            continue;
        }
        let next_is_alphanumeric = || {
            text[pos + len..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        };
        if matches!(c, '\'' | '\u{2019}' | '.') && next_is_alphanumeric() {
            has_period |= c == '.';
            pos += len;
            continue;
        }
        // The final period of an abbreviation such as "U.S." belongs to the word.
        if c == '.' && has_period && text[start..end].chars().any(char::is_alphabetic) {
            end = pos + 1;
        }
        break;
    }
    end
}

/// A fitted vectoriser: the vocabulary, its IDF weights, and the configuration that made them.
#[derive(Debug, Clone)]
pub struct Vectorizer {
    config: FeatureConfig,
    vocabulary: Vec<String>,
    idf: Vec<f64>,
    columns: ColumnIndex,
}

impl Vectorizer {
    /// Learns the vocabulary and IDF weights from `docs`.
    ///
    /// The vocabulary holds features seen in at least `min_df` documents; when more than
    /// `max_features` qualify, the ones in most documents are kept (ties broken
    /// alphabetically). IDF is the smoothed `ln((1 + n) / (1 + df)) + 1`, as in
    /// scikit-learn's `TfidfVectorizer`. The stored vocabulary is sorted.
    ///
    /// # Errors
    /// [`Error::Config`] for an invalid configuration; [`Error::Training`] when no feature
    /// survives `min_df`.
    pub fn fit(config: &FeatureConfig, docs: &[Document<'_>]) -> Result<Vectorizer> {
        config.validate()?;
        let mut analyzer = Analyzer::new(config);
        let mut df: HashMap<String, u32> = HashMap::default();
        let mut seen: HashSet<String> = HashSet::default();
        for doc in docs {
            seen.clear();
            analyzer.analyze(doc, |feature| {
                if !seen.contains(feature) {
                    seen.insert(feature.to_string());
                }
            });
            for feature in seen.drain() {
                *df.entry(feature).or_insert(0) += 1;
            }
        }
        let mut kept: Vec<(String, u32)> = df
            .into_iter()
            .filter(|&(_, count)| count as usize >= config.min_df)
            .collect();
        if kept.is_empty() {
            return Err(Error::Training(format!(
                "no feature occurs in at least {} documents (min_df); lower --min-df or add data",
                config.min_df
            )));
        }
        if kept.len() > config.max_features {
            kept.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            kept.truncate(config.max_features);
        }
        kept.sort_by(|a, b| a.0.cmp(&b.0));
        let n = docs.len() as f64;
        let idf = kept
            .iter()
            .map(|&(_, count)| ((1.0 + n) / (1.0 + f64::from(count))).ln() + 1.0)
            .collect();
        let vocabulary = kept.into_iter().map(|(feature, _)| feature).collect();
        Vectorizer::from_parts(config.clone(), vocabulary, idf)
    }

    /// Rebuilds a vectoriser from stored parts, checking that they fit together.
    ///
    /// # Errors
    /// [`Error::Config`] when the configuration is invalid, the vocabulary and IDF lengths
    /// differ, the vocabulary is not strictly sorted, or an IDF value is not finite.
    pub fn from_parts(
        config: FeatureConfig,
        vocabulary: Vec<String>,
        idf: Vec<f64>,
    ) -> Result<Vectorizer> {
        config.validate()?;
        if vocabulary.len() != idf.len() {
            return Err(Error::Config(format!(
                "vocabulary has {} entries but idf has {}",
                vocabulary.len(),
                idf.len()
            )));
        }
        if let Some(pair) = vocabulary.windows(2).find(|w| w[0] >= w[1]) {
            return Err(Error::Config(format!(
                "vocabulary is not sorted and unique: `{}` comes before `{}`",
                pair[0], pair[1]
            )));
        }
        if let Some(bad) = idf.iter().position(|v| !v.is_finite() || *v <= 0.0) {
            return Err(Error::Config(format!(
                "idf of `{}` is {} (must be a positive number)",
                vocabulary[bad], idf[bad]
            )));
        }
        if vocabulary.len() > MAX_VOCABULARY {
            return Err(Error::Config(format!(
                "vocabulary has {} entries; at most {MAX_VOCABULARY} are supported",
                vocabulary.len()
            )));
        }
        let columns = ColumnIndex::new(&vocabulary);
        Ok(Vectorizer {
            config,
            vocabulary,
            idf,
            columns,
        })
    }

    /// The configuration.
    pub fn config(&self) -> &FeatureConfig {
        &self.config
    }

    /// The features, in column order.
    pub fn vocabulary(&self) -> &[String] {
        &self.vocabulary
    }

    /// The IDF weight of each column.
    pub fn idf(&self) -> &[f64] {
        &self.idf
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.vocabulary.len()
    }

    /// Whether the vocabulary is empty (never true for a fitted vectoriser).
    pub fn is_empty(&self) -> bool {
        self.vocabulary.is_empty()
    }

    /// The column of `feature`, if it is in the vocabulary.
    pub fn column(&self, feature: &str) -> Option<usize> {
        self.vocabulary
            .binary_search_by(|f| f.as_str().cmp(feature))
            .ok()
    }

    /// A reusable transformer for one thread.
    pub fn featurizer(&self) -> Featurizer<'_> {
        Featurizer {
            vectorizer: self,
            analyzer: Analyzer::with_columns(&self.config, &self.columns),
            counts: ColumnCounts::new(self.len()),
        }
    }

    /// Transforms many documents into a matrix, one row each, using all cores.
    pub fn transform_all(&self, docs: &[Document<'_>]) -> SparseMatrix {
        use rayon::prelude::*;
        let rows: Vec<SparseVector> = docs
            .par_chunks(256)
            .flat_map_iter(|chunk| {
                let mut featurizer = self.featurizer();
                chunk
                    .iter()
                    .map(|doc| featurizer.transform(doc))
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut matrix = SparseMatrix::new(self.len());
        for row in &rows {
            matrix.push_row(row);
        }
        matrix
    }
}

/// Scales `values` to unit Euclidean length (all-zero values stay zero).
fn l2_normalize(values: &mut [f64]) {
    let norm = values.iter().map(|v| v * v).sum::<f64>().sqrt();
    if norm > 0.0 {
        values.iter_mut().for_each(|v| *v /= norm);
    }
}

/// A multiset of columns read back in increasing order without sorting it: a bitmap over the
/// vocabulary, a summary bitmap of its non-zero words, and the few repeated columns aside.
/// A document touches a few dozen of some ten thousand columns, so this costs a few
/// instructions per occurrence where a sort costs a few per comparison.
#[derive(Debug, Clone, Default)]
struct ColumnCounts {
    bits: Vec<u64>,
    summary: Vec<u64>,
    /// Occurrences of columns already in `bits`, in any order.
    repeats: Vec<u32>,
}

impl ColumnCounts {
    /// An empty multiset of columns below `columns`.
    fn new(columns: usize) -> ColumnCounts {
        let words = columns.div_ceil(64);
        ColumnCounts {
            bits: vec![0; words],
            summary: vec![0; words.div_ceil(64)],
            repeats: Vec::new(),
        }
    }

    #[inline]
    fn insert_some(&mut self, column: Option<u32>) {
        if let Some(column) = column {
            self.insert(column);
        }
    }

    #[inline]
    fn insert(&mut self, column: u32) {
        let (word, bit) = ((column / 64) as usize, 1u64 << (column % 64));
        if self.bits[word] & bit != 0 {
            self.repeats.push(column);
        } else {
            self.bits[word] |= bit;
            self.summary[word / 64] |= 1u64 << (word % 64);
        }
    }

    /// Calls `visit(column, count)` for each distinct column in increasing order, leaving
    /// the multiset empty.
    fn drain(&mut self, mut visit: impl FnMut(u32, u32)) {
        self.repeats.sort_unstable();
        let mut repeats = self.repeats.iter().peekable();
        for (s, summary) in self.summary.iter_mut().enumerate() {
            let mut words = std::mem::take(summary);
            while words != 0 {
                let word = s * 64 + words.trailing_zeros() as usize;
                words &= words - 1;
                let mut bits = std::mem::take(&mut self.bits[word]);
                while bits != 0 {
                    let column = (word * 64) as u32 + bits.trailing_zeros();
                    bits &= bits - 1;
                    let mut count = 1;
                    while repeats.next_if_eq(&&column).is_some() {
                        count += 1;
                    }
                    visit(column, count);
                }
            }
        }
        self.repeats.clear();
    }
}

/// Transforms documents into L2-normalised TF-IDF rows with a fitted [`Vectorizer`].
pub struct Featurizer<'v> {
    vectorizer: &'v Vectorizer,
    analyzer: Analyzer<'v>,
    /// The columns of the current document's feature occurrences.
    counts: ColumnCounts,
}

impl Featurizer<'_> {
    /// The TF-IDF vector of `doc`; features outside the vocabulary are dropped.
    pub fn transform(&mut self, doc: &Document<'_>) -> SparseVector {
        let mut row = SparseVector::default();
        self.transform_into(doc, &mut row);
        row
    }

    /// [`Featurizer::transform`] into `row`, reusing its buffers.
    pub fn transform_into(&mut self, doc: &Document<'_>, row: &mut SparseVector) {
        self.analyzer.analyze_columns(doc, &mut self.counts);
        self.vectorizer.weigh(&mut self.counts, row);
    }
}

impl Vectorizer {
    /// Turns the columns of a document's feature occurrences into its L2-normalised TF-IDF
    /// row, in increasing column order (empties `counts`).
    fn weigh(&self, counts: &mut ColumnCounts, row: &mut SparseVector) {
        row.indices.clear();
        row.values.clear();
        counts.drain(|column, tf| {
            row.indices.push(column);
            row.values.push(self.tf_idf(column, tf));
        });
        l2_normalize(&mut row.values);
    }

    /// The weight of a column that occurs `tf` times in a document, before normalisation.
    fn tf_idf(&self, column: u32, tf: u32) -> f64 {
        let tf = if self.config.sublinear_tf && tf > 1 {
            1.0 + f64::from(tf).ln()
        } else {
            f64::from(tf)
        };
        tf * self.idf[column as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_word_keys_are_the_zero_padded_bytes() {
        let text = "abcdefghijklmnopqrstu \u{e9}t\u{e9} Zelenskyy's";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let (Some(word), true) = (text.get(start..end), end - start <= 17) else {
                    continue;
                };
                let mut padded = [0u8; 16];
                let expected = (1..=16).contains(&word.len()).then(|| {
                    padded[..word.len()].copy_from_slice(word.as_bytes());
                    u128::from_le_bytes(padded)
                });
                assert_eq!(short_word_key(word.as_bytes()), expected, "{word:?}");
            }
        }
    }

    fn features(config: &FeatureConfig, doc: &Document<'_>) -> Vec<String> {
        let mut analyzer = Analyzer::new(config);
        let mut out = Vec::new();
        analyzer.analyze(doc, |f| out.push(f.to_string()));
        out
    }

    /// Features of a bare text: no actor, no target.
    fn text_features(config: &FeatureConfig, text: &str) -> Vec<String> {
        features(
            config,
            &Document {
                text,
                ..Default::default()
            },
        )
    }

    fn unigrams() -> FeatureConfig {
        FeatureConfig {
            word_ngrams: (1, 1),
            ..FeatureConfig::default()
        }
    }

    #[test]
    fn tokens_are_lowercased_stemmed_and_split_at_clitics() {
        let config = unigrams();
        let mut analyzer = Analyzer::new(&config);
        assert_eq!(
            analyzer.tokens("Ministers wouldn't accept the U.S. proposals"),
            [
                "minist",
                "would",
                "not",
                "not_accept",
                "not_the",
                "not_u.s.",
                "not___plan__"
            ]
        );
        assert_eq!(
            analyzer.tokens("They can't, won't."),
            ["they", "can", "not", "will", "not"]
        );
    }

    #[test]
    fn plan_words_share_one_placeholder_but_other_forms_do_not() {
        let config = unigrams();
        let mut analyzer = Analyzer::new(&config);
        assert_eq!(
            analyzer.tokens("Unions planned to sink the Deal's pay offers; Merger talks"),
            [
                "union", "plan", "to", "sink", "the", "__plan__", "pay", "__plan__", "__plan__",
                "talk"
            ]
        );
        // The surface word decides: a verb spelled like a plan noun is one too.
        assert_eq!(analyzer.tokens("She plans to"), ["she", "__plan__", "to"]);
        assert!(
            PLAN_WORDS.windows(2).all(|w| w[0] < w[1]),
            "sorted for binary_search"
        );
        assert_eq!(
            text_features(&config, "backed the bill"),
            text_features(&config, "backed the treaty")
        );
        let off = FeatureConfig {
            plan_words: false,
            ..unigrams()
        };
        assert_eq!(
            text_features(&off, "backed the bill"),
            ["back", "the", "bill"]
        );
    }

    #[test]
    fn target_masking_leaves_the_plan_placeholder_alone() {
        let config = FeatureConfig {
            word_ngrams: (1, 1),
            mask_target: true,
            target_features: false,
            ..FeatureConfig::default()
        };
        let doc = Document {
            text: "Rejects the rival deal for Kosovo",
            actor_spans: &[],
            target: Some("the Kosovo plan"),
        };
        assert_eq!(
            features(&config, &doc),
            ["reject", "the", "rival", "__plan__", "for", "__target__"]
        );
    }

    #[test]
    fn model_files_without_plan_words_keep_plan_nouns() {
        let mut json = serde_json::to_value(FeatureConfig::default()).unwrap();
        json.as_object_mut().unwrap().remove("plan_words");
        let old: FeatureConfig = serde_json::from_value(json).unwrap();
        assert!(!old.plan_words);
    }

    #[test]
    fn negation_scope_ends_at_punctuation() {
        let config = unigrams();
        let with = text_features(&config, "We will never accept it, he said");
        assert_eq!(
            with,
            ["we", "will", "never", "not_accept", "not_it", "he", "said"]
        );
        let without = FeatureConfig {
            negation: false,
            ..unigrams()
        };
        let plain = text_features(&without, "We will never accept it");
        assert_eq!(plain, ["we", "will", "never", "accept", "it"]);
    }

    #[test]
    fn bigrams_stay_inside_clauses_and_marks_are_unigrams() {
        let config = FeatureConfig::default();
        let got = text_features(&config, "Deal? \"Yes, good\"");
        assert_eq!(got, ["__plan__", "?", "\"", "yes", "good", "\""]);
        let got = text_features(&config, "strongly backs it");
        assert_eq!(got, ["strong", "strong back", "back", "back it", "it"]);
    }

    #[test]
    fn actor_names_are_masked_including_surnames_and_possessives() {
        let text = "Kaja Kallas said Kallas's team backs it";
        let spans = actor_spans(text, "Kaja Kallas");
        assert_eq!(spans, vec![0..11, 17..25]);
        let config = unigrams();
        let got = features(
            &config,
            &Document {
                text,
                actor_spans: &spans,
                target: None,
            },
        );
        assert_eq!(
            got,
            [
                "__actor__",
                "said",
                "__actor__",
                "team",
                "back",
                "it",
                "a:said",
                "a:team",
                "a:back",
                "a:it"
            ]
        );
        // Only the actor's own clause gets `a:` copies.
        let text2 = "Ana Ruiz backs it, while others reject it";
        let spans2 = actor_spans(text2, "Ana Ruiz");
        let got = features(
            &config,
            &Document {
                text: text2,
                actor_spans: &spans2,
                target: None,
            },
        );
        assert_eq!(&got[got.len() - 2..], ["a:back", "a:it"]);
        let off = FeatureConfig {
            mask_actor: false,
            ..unigrams()
        };
        assert_eq!(
            features(
                &off,
                &Document {
                    text,
                    actor_spans: &spans,
                    target: None
                }
            )[0],
            "kaja"
        );
    }

    #[test]
    fn surnames_with_particles_are_masked_in_any_case() {
        let text = "Von der Leyen and van der Wal spoke; Leyen did not.";
        assert_eq!(actor_spans(text, "Ursula von der Leyen"), vec![0..13]);
        assert_eq!(actor_spans(text, "Christianne van der Wal"), vec![18..29]);
        assert_eq!(
            actor_spans("Lula da Silva said", "Luiz Inácio Lula da Silva"),
            vec![5..13]
        );
        assert_eq!(
            actor_spans("Tenants for Justice said Justice", "Tenants for Justice"),
            vec![0..19]
        );
        assert_eq!(
            actor_spans("Transport for London said London", "Transport for London"),
            vec![0..20]
        );
    }

    #[test]
    fn group_nouns_and_numerals_are_not_surnames() {
        let text = "Labour MPs backed it while Conservative MPs and Pope Leo XIV did not.";
        assert_eq!(actor_spans(text, "Labour MPs"), vec![0..10]);
        assert_eq!(
            actor_spans("Pope Leo XIV, unlike Louis XIV, spoke", "Pope Leo XIV"),
            vec![0..12]
        );
        assert_eq!(
            actor_spans("DeSantis said Ron DeSantis", "Ron DeSantis"),
            vec![0..8, 14..26]
        );
    }

    #[test]
    fn organisation_names_mask_whole_without_article() {
        let text = "The European Commission said the commission would wait.";
        assert_eq!(actor_spans(text, "the European Commission"), vec![4..23]);
        assert!(actor_spans("anything", "the").is_empty());
        assert_eq!(actor_spans("ÉLYSÉE backs Élysée", "Élysée"), vec![15..23]);
    }

    #[test]
    fn target_features_are_prefixed() {
        let config = unigrams();
        let doc = Document {
            text: "Backs it",
            actor_spans: &[],
            target: Some("Peace plan"),
        };
        assert_eq!(
            features(&config, &doc),
            ["t:peac", "t:__plan__", "back", "it"]
        );
        let off = FeatureConfig {
            use_target: false,
            ..unigrams()
        };
        assert_eq!(features(&off, &doc), ["back", "it"]);
    }

    #[test]
    fn target_words_in_the_text_become_a_placeholder() {
        let config = FeatureConfig {
            mask_target: true,
            target_features: false,
            ..unigrams()
        };
        let doc = Document {
            text: "Apple will not sell watches, analysts deny",
            actor_spans: &[],
            target: Some("Apple will sell 19 million watches"),
        };
        // "will" is a function word and stays; "not" opens a negation scope that the
        // placeholder keeps; runs of target words collapse into one placeholder.
        assert_eq!(
            features(&config, &doc),
            [
                "__target__",
                "will",
                "not",
                "not___target__",
                "analyst",
                "deni"
            ]
        );
        let plain = FeatureConfig {
            target_features: false,
            ..unigrams()
        };
        assert_eq!(features(&plain, &doc)[0], "appl");
    }

    #[test]
    fn char_ngrams_are_within_word_boundaries() {
        let config = FeatureConfig {
            char_ngrams: Some((3, 3)),
            ..unigrams()
        };
        let got = text_features(&config, "No");
        assert_eq!(got, ["c: no", "c:no ", "no"]);
    }

    /// Values computed by hand with scikit-learn's formulas
    /// (`TfidfVectorizer(smooth_idf=True, sublinear_tf=False, norm="l2")`):
    /// docs "a b", "a a c", "b c"; idf(a) = ln(4/3)+1, idf(b) = ln(4/3)+1, idf(c) = ln(4/3)+1.
    #[test]
    fn tfidf_values_match_scikit_learn() {
        let config = FeatureConfig {
            word_ngrams: (1, 1),
            min_df: 1,
            sublinear_tf: false,
            ..FeatureConfig::default()
        };
        let texts = ["alpha beta", "alpha alpha gamma", "beta gamma delta"];
        let docs: Vec<Document> = texts
            .iter()
            .map(|t| Document {
                text: t,
                ..Default::default()
            })
            .collect();
        let v = Vectorizer::fit(&config, &docs).unwrap();
        assert_eq!(v.vocabulary(), ["alpha", "beta", "delta", "gamma"]);
        let idf_two = (4.0f64 / 3.0).ln() + 1.0; // 1.2876820724517808
        let idf_one = (4.0f64 / 2.0).ln() + 1.0; // 1.6931471805599454
        assert!((v.idf()[0] - idf_two).abs() < 1e-15);
        assert!((v.idf()[2] - idf_one).abs() < 1e-15);
        // Row 2: alpha tf 2, gamma tf 1 → [2·1.28768, 1.28768] / norm.
        let row = v.featurizer().transform(&docs[1]);
        assert_eq!(row.indices, [0, 3]);
        assert!((row.values[0] - 0.894_427_190_999_915_9).abs() < 1e-12);
        assert!((row.values[1] - 0.447_213_595_499_957_9).abs() < 1e-12);
        // Row 3: beta, gamma (idf 1.28768) and delta (idf 1.69315).
        let row = v.featurizer().transform(&docs[2]);
        assert!(
            (row.get(2) - 0.680_918_560_398_684).abs() < 1e-12,
            "{row:?}"
        );
        assert!(
            (row.get(1) - 0.517_856_116_167_697_4).abs() < 1e-12,
            "{row:?}"
        );
    }

    #[test]
    fn sublinear_tf_and_min_df_and_max_features() {
        let docs: Vec<Document> = ["x x x y", "x z", "x y"]
            .iter()
            .map(|t| Document {
                text: t,
                ..Default::default()
            })
            .collect();
        let config = FeatureConfig {
            word_ngrams: (1, 1),
            min_df: 2,
            ..FeatureConfig::default()
        };
        let v = Vectorizer::fit(&config, &docs).unwrap();
        assert_eq!(v.vocabulary(), ["x", "y"]);
        let row = v.featurizer().transform(&docs[0]);
        let x = (1.0 + 3f64.ln()) * v.idf()[0];
        let y = v.idf()[1];
        assert!((row.values[0] - x / (x * x + y * y).sqrt()).abs() < 1e-12);
        let capped = FeatureConfig {
            max_features: 1,
            ..config
        };
        assert_eq!(Vectorizer::fit(&capped, &docs).unwrap().vocabulary(), ["x"]);
        let strict = FeatureConfig {
            min_df: 4,
            ..FeatureConfig::default()
        };
        assert!(matches!(
            Vectorizer::fit(&strict, &docs),
            Err(Error::Training(_))
        ));
    }

    #[test]
    fn invalid_configs_name_the_value() {
        let flipped = FeatureConfig {
            word_ngrams: (3, 1),
            ..FeatureConfig::default()
        };
        let err = flipped.validate().unwrap_err().to_string();
        assert!(err.contains("3..1"), "{err}");
        let parts = Vectorizer::from_parts(
            FeatureConfig::default(),
            vec!["b".into(), "a".into()],
            vec![1.0, 1.0],
        );
        assert!(parts.unwrap_err().to_string().contains("not sorted"));
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        let config = FeatureConfig {
            char_ngrams: Some((1, 4)),
            ..FeatureConfig::default()
        };
        let mut analyzer = Analyzer::new(&config);
        let text = "é'\u{2019}.. n't 'n’t — - ? 3.5.  \u{0}\u{FFFD}İ ﬃ";
        let spans = [0..2, 5..200];
        analyzer.analyze(
            &Document {
                text,
                actor_spans: &spans,
                target: Some("'"),
            },
            |_| {},
        );
    }

    /// The word search before its first-byte shortcut.
    fn find_word_reference(haystack: &str, needle: &str) -> Vec<Range<usize>> {
        let (h, n) = (haystack.as_bytes(), needle.as_bytes());
        let mut found = Vec::new();
        if n.is_empty() || n.len() > h.len() {
            return found;
        }
        let is_word_byte = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
        let mut i = 0;
        while i + n.len() <= h.len() {
            if h[i..i + n.len()].eq_ignore_ascii_case(n)
                && haystack.is_char_boundary(i)
                && haystack.is_char_boundary(i + n.len())
                && (i == 0 || !is_word_byte(h[i - 1]))
                && (i + n.len() == h.len() || !is_word_byte(h[i + n.len()]))
            {
                found.push(i..i + n.len());
                i += n.len();
            } else {
                i += 1;
            }
        }
        found
    }

    #[test]
    fn word_search_matches_the_reference_on_the_corpus() {
        let corpus = corpus();
        let mut hits = 0;
        for (text, _, target) in &corpus {
            let words: Vec<&str> = text.split_whitespace().collect();
            let mut needles: Vec<&str> = words.iter().step_by(3).copied().collect();
            needles.extend(target.as_deref());
            needles.extend(["é", "É", "the", "THE", "a", "s", "'s"]);
            for needle in needles {
                let mut got = Vec::new();
                find_word_ascii_ci(text, needle, |r| got.push(r));
                assert_eq!(
                    got,
                    find_word_reference(text, needle),
                    "{needle:?} in {text:?}"
                );
                hits += got.len();
            }
        }
        assert!(hits > 10_000, "{hits}");
    }

    /// The straightforward featurizer: every feature string of [`Analyzer::analyze`] looked
    /// up in the sorted vocabulary.
    fn reference_row(
        v: &Vectorizer,
        analyzer: &mut Analyzer<'_>,
        doc: &Document<'_>,
    ) -> SparseVector {
        let mut counts = Vec::new();
        analyzer.analyze(doc, |f| counts.extend(v.column(f).map(|c| c as u32)));
        counts.sort_unstable();
        let mut row = SparseVector::default();
        let mut i = 0;
        while i < counts.len() {
            let column = counts[i];
            let mut tf = 0u32;
            while i < counts.len() && counts[i] == column {
                tf += 1;
                i += 1;
            }
            row.indices.push(column);
            row.values.push(v.tf_idf(column, tf));
        }
        l2_normalize(&mut row.values);
        row
    }

    #[test]
    fn column_counts_read_back_sorted_with_repeats() {
        let mut counts = ColumnCounts::new(200);
        for round in 0..2 {
            for column in [199, 3, 64, 3, 0, 130, 3, 199, 63] {
                counts.insert(column);
            }
            let mut seen = Vec::new();
            counts.drain(|column, count| seen.push((column, count)));
            let expected = [(0, 1), (3, 3), (63, 1), (64, 1), (130, 1), (199, 2)];
            assert_eq!(seen, expected, "round {round}");
        }
    }

    /// Every corpus sentence, with its actor spans and target, plus awkward hand-made ones.
    fn corpus() -> Vec<(String, Vec<Range<usize>>, Option<String>)> {
        use crate::dataset::{Dataset, DatasetConfig};
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/corpus");
        let config = DatasetConfig {
            target_col: Some("target".into()),
            ..DatasetConfig::default()
        };
        let data = Dataset::read(&[dir], &config).unwrap();
        let mut docs: Vec<_> = data
            .examples
            .iter()
            .map(|e| (e.text.clone(), e.actor_spans(), e.target.clone()))
            .collect();
        assert!(docs.len() > 4000, "{}", docs.len());
        for text in [
            "They can't, won't and cannot accept it; 3.5% of U.S. voters said \"no\" — never!",
            "Kallas's aide said Kallas’s plan wasn’t bad? ÉLYSÉE n't 'n’t İ ﬃ 1,000,000",
            "not not not no never accept accept accept the the plan plan",
        ] {
            docs.push((
                text.to_string(),
                vec![0..6, 30..34],
                Some("the plan they accept".into()),
            ));
        }
        docs
    }

    /// The column lookup by form ids gives bit-identical rows to looking up every feature
    /// string, for the bundled model and for vocabularies fitted under other configurations,
    /// on sentences inside and outside the fitted half, with a cold and a warm word cache.
    #[test]
    fn column_lookup_matches_string_lookup_on_the_corpus() {
        let corpus = corpus();
        let docs: Vec<Document> = corpus
            .iter()
            .map(|(text, spans, target)| Document {
                text,
                actor_spans: spans,
                target: target.as_deref(),
            })
            .collect();
        let half: Vec<Document> = docs.iter().step_by(2).copied().collect();
        let mut vectorizers = vec![crate::model::Model::bundled().unwrap().vectorizer().clone()];
        let configs = [
            FeatureConfig::default(),
            FeatureConfig {
                mask_target: true,
                target_features: false,
                ..FeatureConfig::default()
            },
            FeatureConfig {
                word_ngrams: (1, 3),
                char_ngrams: Some((2, 4)),
                mask_target: true,
                ..FeatureConfig::default()
            },
            FeatureConfig {
                word_ngrams: (2, 4),
                negation: false,
                sublinear_tf: false,
                actor_clause: false,
                min_df: 1,
                ..FeatureConfig::default()
            },
            FeatureConfig {
                mask_actor: false,
                use_target: false,
                max_features: 3000,
                plan_words: false,
                ..FeatureConfig::default()
            },
        ];
        for config in &configs {
            vectorizers.push(Vectorizer::fit(config, &half).unwrap());
        }
        for (i, v) in vectorizers.iter().enumerate() {
            let mut featurizer = v.featurizer();
            if i == 1 {
                // A cache that empties every few documents changes nothing either.
                featurizer.analyzer.word_cache_limit = 50;
            }
            let mut reference = Analyzer::new(v.config());
            let mut nonzero = 0;
            for round in 0..2 {
                for doc in &docs {
                    let fast = featurizer.transform(doc);
                    let slow = reference_row(v, &mut reference, doc);
                    assert_eq!(
                        fast.indices,
                        slow.indices,
                        "{:?} round {round}: {doc:?}",
                        v.config()
                    );
                    let same_bits = fast
                        .values
                        .iter()
                        .zip(&slow.values)
                        .all(|(a, b)| a.to_bits() == b.to_bits());
                    assert!(same_bits, "{:?}: {doc:?}", v.config());
                    nonzero += fast.nnz();
                }
            }
            assert!(
                nonzero > 10 * docs.len(),
                "{:?}: only {nonzero} entries",
                v.config()
            );
        }
    }
}
