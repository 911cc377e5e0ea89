//! Sentences and quotes: article text split into byte spans.
//!
//! This is the first stage of the pipeline. It knows nothing about actors or stances; it only
//! says where paragraphs, sentences and quotations are, as byte offsets into the article, so
//! later stages can point back at the exact words.
//!
//! The rules are written for English wire-service copy:
//!
//! - **Paragraphs** are separated by blank lines when the article has any; otherwise every
//!   non-empty line is a paragraph (so a headline without final punctuation stays on its own).
//! - **Sentences** end at `.`, `!`, `?` or `…` (plus any closing quotes and brackets) followed
//!   by whitespace and a word that may start a sentence. Titles ("Mr.", "Sen.", "Gov."),
//!   initials ("J.", "J.D."), numbering ("No. 2") and dates ("Jan. 5") never end a sentence;
//!   acronyms and company suffixes ("U.S.", "Inc.") end one only before a word that typically
//!   starts a sentence ("The", "He", "But", ...). A quote ending in `?` or `!` followed by a
//!   short speech tag (`"Why now?" Peskov asked.`) stays one sentence.
//! - **Datelines** ("KYIV, Ukraine —", "BRUSSELS (Reuters) -") are left out of the first
//!   sentence of their paragraph: they are neither a sentence nor part of one.
//! - **Quotes** pair straight, curly and angle quotation marks within a paragraph; a double
//!   quote left open at the end of a paragraph (the wire convention for a quotation that goes
//!   on in the next paragraph) ends there with [`Quote::closed`] set to `false`.
//!
//! Every function accepts any `&str` (empty, binary garbage, one 50 MB line) without
//! panicking, runs in time linear in the input, and returns spans on `char` boundaries.

use serde::Serialize;

/// A byte range `start..end` into the article text.
///
/// Spans produced by this crate always lie on `char` boundaries, so
/// `&text[span.start..span.end]` never panics for the text they came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes (zero when `end <= start`).
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The text the span covers, or `""` when the span does not fit `text`.
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The bytes both spans cover, if any.
    pub fn intersection(self, other: Span) -> Option<Span> {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        (start < end).then_some(Span { start, end })
    }
}

/// One sentence of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence, trimmed of surrounding whitespace (and of a leading dateline).
    pub span: Span,
    /// Index of the paragraph the sentence belongs to, counting from zero.
    pub paragraph: usize,
}

/// A quotation: the words between a pair of quotation marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the quotation marks and trimmed of whitespace.
    pub span: Span,
    /// Index of the paragraph holding the quotation (same numbering as [`Sentence`]).
    pub paragraph: usize,
    /// False when the closing mark is missing: the quotation runs to the end of its
    /// paragraph, usually because it continues in the next one.
    pub closed: bool,
}

/// Sentences longer than this are cut at whitespace: no real sentence is this long, and the
/// cap keeps every later stage's per-sentence work bounded on pathological input.
const MAX_SENTENCE_BYTES: usize = 3000;

/// Splits an article into sentences, in text order.
///
/// Sentences never cross a paragraph boundary; datelines are left out; sentences without a
/// single letter or digit (separators such as `***`) are dropped.
///
/// ```
/// use stance::text::split_sentences;
/// let text = "Sen. J.D. Vance met Mr. Smith in the U.S. capital. He said no.";
/// let spans: Vec<&str> = split_sentences(text).iter().map(|s| s.span.text(text)).collect();
/// assert_eq!(spans, ["Sen. J.D. Vance met Mr. Smith in the U.S. capital.", "He said no."]);
/// ```
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (index, para) in paragraphs(text).into_iter().enumerate() {
        split_paragraph(text, para, index, &mut out);
    }
    out
}

/// Finds quotations, in text order.
///
/// A quotation may span several sentences but never several paragraphs; see
/// [`Quote::closed`] for quotations that continue into the next paragraph. Single quotation
/// marks count only outside double ones (headline style: `'We will not sign,' she says`), and
/// an apostrophe inside a word never opens or closes a quotation.
///
/// ```
/// use stance::text::find_quotes;
/// let text = "“We will not sign. Never,” she said.";
/// let quotes = find_quotes(text);
/// assert_eq!(quotes[0].span.text(text), "We will not sign. Never,");
/// ```
pub fn find_quotes(text: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    for (index, para) in paragraphs(text).into_iter().enumerate() {
        quotes_in_paragraph(text, para, index, &mut out);
    }
    out
}

/// Paragraph spans (untrimmed lines or blocks of lines), in text order.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut lines: Vec<(Span, bool)> = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        lines.push((Span::new(start, end), line.trim().is_empty()));
        start = end + 1;
    }
    let first = lines.iter().position(|l| !l.1);
    let last = lines.iter().rposition(|l| !l.1);
    let blank_between = match (first, last) {
        (Some(a), Some(b)) => lines[a..b].iter().any(|l| l.1),
        _ => false,
    };
    let mut out: Vec<Span> = Vec::new();
    let mut block: Option<Span> = None;
    for (span, blank) in lines {
        if blank {
            out.extend(block.take());
        } else if !blank_between {
            out.push(span);
        } else {
            block = Some(match block {
                Some(b) => Span::new(b.start, span.end),
                None => span,
            });
        }
    }
    out.extend(block);
    out
}

/// Splits one paragraph into sentences and appends them to `out`.
fn split_paragraph(text: &str, para: Span, index: usize, out: &mut Vec<Sentence>) {
    let body = para.text(text);
    let bytes = body.as_bytes();
    let mut start = dateline_end(body).unwrap_or(0);
    let mut i = start;
    while i < bytes.len() {
        let term_len = terminator_len(&bytes[i..]);
        if term_len == 0 {
            i += 1;
            continue;
        }
        let mut j = i + term_len;
        let mut closing_quote = false;
        loop {
            let rest = &bytes[j..];
            let n = terminator_len(rest);
            if n > 0 {
                j += n;
                continue;
            }
            let (n, quote) = closer_len(rest);
            if n == 0 {
                break;
            }
            closing_quote |= quote;
            j += n;
        }
        if j >= bytes.len() || !bytes[j].is_ascii_whitespace() {
            i = j.max(i + 1);
            continue;
        }
        let k = j + bytes[j..]
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(bytes.len() - j);
        if k >= bytes.len() {
            break;
        }
        if is_boundary(body, i, j, k, closing_quote) {
            push_sentence(body, para.start, start, j, index, out);
            start = k;
        }
        i = k;
    }
    push_sentence(body, para.start, start, bytes.len(), index, out);
}

/// Byte length of a sentence terminator at the start of `rest` (`.`, `!`, `?`, `…`), or 0.
fn terminator_len(rest: &[u8]) -> usize {
    match rest.first() {
        Some(b'.' | b'!' | b'?') => 1,
        _ if rest.starts_with("…".as_bytes()) => 3,
        _ => 0,
    }
}

/// Byte length of a closing quote or bracket at the start of `rest`, and whether it is a quote.
fn closer_len(rest: &[u8]) -> (usize, bool) {
    match rest.first() {
        Some(b'"' | b'\'') => (1, true),
        Some(b')' | b']') => (1, false),
        _ => {
            for q in ["”", "’", "»"] {
                if rest.starts_with(q.as_bytes()) {
                    return (q.len(), true);
                }
            }
            (0, false)
        }
    }
}

/// Appends `body[from..to]`, trimmed and cut to [`MAX_SENTENCE_BYTES`], as sentences.
fn push_sentence(
    body: &str,
    offset: usize,
    from: usize,
    to: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let Some(piece) = body.get(from..to) else {
        return;
    };
    let trimmed = piece.trim();
    let mut start = from + (piece.len() - piece.trim_start().len());
    let end = start + trimmed.len();
    while start < end {
        let mut cut = end;
        if end - start > MAX_SENTENCE_BYTES {
            let window = &body.as_bytes()[start..start + MAX_SENTENCE_BYTES];
            cut = match window.iter().rposition(u8::is_ascii_whitespace) {
                Some(p) if p > 0 => start + p,
                _ => floor_boundary(body, start + MAX_SENTENCE_BYTES),
            };
            if cut <= start {
                cut = ceil_boundary(body, start + 1);
            }
        }
        let s = body.get(start..cut).unwrap_or("");
        let t = s.trim();
        if t.chars().any(char::is_alphanumeric) {
            let lead = s.len() - s.trim_start().len();
            let a = offset + start + lead;
            out.push(Sentence {
                span: Span::new(a, a + t.len()),
                paragraph,
            });
        }
        start = cut;
    }
}

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or above `i`.
fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

/// Titles that are always followed by a name, never by a new sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Gen", "Gens",
    "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Brig", "Prof", "Rev", "Hon",
    "Pres", "Supt", "Insp", "Det", "Atty", "Msgr", "Amb", "Gov't",
];

/// Abbreviations that end a sentence only when followed by a number-less continuation.
const NUMBERED: &[&str] = &[
    "No", "Nos", "no", "Art", "Vol", "Fig", "pp", "p", "Ch", "ch", "Sec",
];

/// Month abbreviations: never a sentence end before a day number.
const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Abbreviations that may also end a sentence ("... Apple Inc. The company ...").
const SOFT_ABBREVIATIONS: &[&str] = &[
    "Inc", "Corp", "Co", "Ltd", "Bros", "Jr", "Sr", "etc", "St", "Mt", "Ft", "Ave", "Blvd", "Dept",
    "Univ", "approx", "est", "al", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla",
    "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo",
    "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Vt", "Va", "Wash", "Wis", "Wyo",
];

/// Words that typically open a sentence; after an ambiguous abbreviation they signal a break.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "After",
    "Before",
    "Since",
    "While",
    "When",
    "If",
    "As",
    "For",
    "With",
    "By",
    "Without",
    "However",
    "Meanwhile",
    "Still",
    "Also",
    "Then",
    "Now",
    "Some",
    "Many",
    "Most",
    "Other",
    "Both",
    "Such",
    "What",
    "Why",
    "How",
    "Where",
    "Who",
    "Asked",
    "According",
    "Under",
    "Despite",
    "Although",
    "Though",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "Officials",
    "No",
    "Not",
    "One",
    "Two",
    "Three",
    "Several",
    "Each",
    "All",
    "Among",
    "During",
];

/// Speech verbs that make `"...?" Name asked.` a single sentence.
const TAG_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "added",
    "adds",
    "told",
    "wrote",
    "writes",
    "insisted",
    "replied",
    "continued",
    "explained",
    "stressed",
    "noted",
    "warned",
    "argued",
    "declared",
    "shouted",
    "tweeted",
    "posted",
    "wondered",
    "demanded",
    "exclaimed",
];

/// Decides whether the terminator at `term` (run ending at `after`, next word at `next`) ends
/// a sentence.
fn is_boundary(body: &str, term: usize, after: usize, next: usize, closing_quote: bool) -> bool {
    let next_char = body.get(next..).and_then(|s| s.chars().next());
    let Some(next_char) = next_char else {
        return true;
    };
    if next_char.is_lowercase() {
        return false;
    }
    if closing_quote && tag_follows(body, next) {
        return false;
    }
    let run = &body.as_bytes()[term..after];
    let single_dot = run.first() == Some(&b'.') && run.get(1) != Some(&b'.');
    if !single_dot {
        return true;
    }
    let word = word_before(body, term);
    if word.is_empty() {
        return true;
    }
    let next_word = word_at(body, next);
    let starts_new = STARTERS.contains(&next_word);
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // A lone capital is an initial ("J. Smith"); a lone small letter is rarely a word end.
        return !c.is_uppercase() && starts_new;
    }
    // "U.S." may end a sentence or not; a decimal number ("4.2%", "$1.5") always does.
    if word.contains('.') && !word.chars().any(|c| c.is_ascii_digit()) {
        return starts_new;
    }
    if TITLES.contains(&word) {
        return false;
    }
    if NUMBERED.contains(&word) || MONTHS.contains(&word) {
        if next_char.is_ascii_digit() {
            return false;
        }
        if MONTHS.contains(&word) {
            return starts_new;
        }
    }
    if word == "vs" || word == "v" {
        return false;
    }
    if SOFT_ABBREVIATIONS.contains(&word) {
        return starts_new;
    }
    true
}

/// The word ending just before byte `end` (leading brackets and quotes stripped); `""` when
/// there is none or it is implausibly long for an abbreviation.
fn word_before(body: &str, end: usize) -> &str {
    let bytes = body.as_bytes();
    let mut start = end;
    while start > 0 && !bytes[start - 1].is_ascii_whitespace() {
        start -= 1;
        if end - start > 24 {
            return "";
        }
    }
    body.get(start..end)
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// The run of letters starting at byte `start` (at most 20 bytes).
fn word_at(body: &str, start: usize) -> &str {
    let rest = body.get(start..).unwrap_or("");
    let end = rest
        .char_indices()
        .find(|&(i, c)| !c.is_alphabetic() || i >= 20)
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

/// True when the text at `start` is a short speech tag (`Peskov asked.`) up to the next
/// punctuation mark.
fn tag_follows(body: &str, start: usize) -> bool {
    let end = floor_boundary(body, start.saturating_add(80));
    let window = body.get(start..end).unwrap_or("");
    let clause = window
        .split(['.', ',', '!', '?', ';', ':'])
        .next()
        .unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().collect();
    words.len() <= 6
        && words
            .iter()
            .any(|w| TAG_VERBS.contains(&w.to_lowercase().as_str()))
}

/// Dashes that close a dateline, longest first.
const DATELINE_DASHES: &[&str] = &[" -- ", " — ", " – ", " - ", "—", "–"];

/// If the paragraph opens with a dateline ("KYIV, Ukraine —", "BRUSSELS (Reuters) -"),
/// the byte offset where the sentence proper begins.
fn dateline_end(body: &str) -> Option<usize> {
    let head = body.get(..floor_boundary(body, 100)).unwrap_or("");
    let (pos, dash) = DATELINE_DASHES
        .iter()
        .filter_map(|d| head.find(d).map(|p| (p, *d)))
        .min_by_key(|&(p, d)| (p, std::cmp::Reverse(d.len())))?;
    let prefix = head[..pos].trim_end();
    if prefix.is_empty() || prefix.contains(['!', '?', '"', '“', '”', ':', ';']) {
        return None;
    }
    // The place name before any comma or bracket is written in capitals.
    let place_end = prefix.find([',', '(']).unwrap_or(prefix.len());
    let place = prefix[..place_end].trim();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2
        || !place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\'' | '’'))
    {
        return None;
    }
    let rest_start = pos + dash.len();
    if place_end == prefix.len() {
        // "NATO — the alliance — said ...": a dash pair is a parenthesis, not a dateline.
        let rest = body.get(rest_start..floor_boundary(body, rest_start + 150));
        if rest.is_some_and(|r| r.contains(dash.trim())) {
            return None;
        }
    }
    let rest = body.get(rest_start..)?;
    Some(rest_start + (rest.len() - rest.trim_start().len()))
}

/// Appends the quotations of one paragraph to `out`.
fn quotes_in_paragraph(text: &str, para: Span, index: usize, out: &mut Vec<Quote>) {
    let body = para.text(text);
    let mut push = |from: usize, to: usize, closed: bool| {
        let piece = body.get(from..to).unwrap_or("");
        let t = piece.trim();
        if !t.is_empty() {
            let a = para.start + from + (piece.len() - piece.trim_start().len());
            out.push(Quote {
                span: Span::new(a, a + t.len()),
                paragraph: index,
                closed,
            });
        }
    };
    // Open quotation: (byte after the opening mark, is it a double quote).
    let mut open: Option<(usize, bool)> = None;
    let marks = body.match_indices(['"', '\'', '“', '”', '‘', '’', '«', '»']);
    for (i, mark) in marks {
        let Some(c) = mark.chars().next() else {
            continue;
        };
        let prev = body[..i].chars().next_back();
        let after = i + mark.len();
        let next = body[after..].chars().next();
        let opener_context = prev.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
        });
        let next_is_space = next.is_none_or(char::is_whitespace);
        match (c, open) {
            ('“' | '«', None) => open = Some((after, true)),
            ('"', None) if opener_context && !next_is_space => open = Some((after, true)),
            ('”' | '»' | '"', Some((from, true))) => {
                push(from, i, true);
                open = None;
            }
            ('‘' | '\'', None) if opener_context && next.is_some_and(char::is_alphanumeric) => {
                open = Some((after, false));
            }
            ('’' | '\'', Some((from, false)))
                if prev.is_some_and(|p| !p.is_whitespace())
                    && !next.is_some_and(char::is_alphanumeric) =>
            {
                push(from, i, true);
                open = None;
            }
            _ => {}
        }
    }
    if let Some((from, true)) = open {
        push(from, body.len(), false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .iter()
            .map(|s| s.span.text(text))
            .collect()
    }

    fn quotes(text: &str) -> Vec<&str> {
        find_quotes(text)
            .iter()
            .map(|q| q.span.text(text))
            .collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("The talks failed. Both sides left!  Why? Nobody knows."),
            [
                "The talks failed.",
                "Both sides left!",
                "Why?",
                "Nobody knows."
            ]
        );
    }

    #[test]
    fn decimal_numbers_end_sentences() {
        assert_eq!(
            sentences(
                "Shares fell 4.2%. Analysts said the bid was low. It cost $1.5.\nTraders left."
            ),
            [
                "Shares fell 4.2%.",
                "Analysts said the bid was low.",
                "It cost $1.5.",
                "Traders left."
            ]
        );
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        let text = "Sen. Angus King met Mr. Lee and Gov. Kathy Hochul. Gen. Mark Milley and \
                    Dr. Ruth stayed. J. Edgar Hoover and J.D. Vance left.";
        assert_eq!(
            sentences(text),
            [
                "Sen. Angus King met Mr. Lee and Gov. Kathy Hochul.",
                "Gen. Mark Milley and Dr. Ruth stayed.",
                "J. Edgar Hoover and J.D. Vance left."
            ]
        );
    }

    #[test]
    fn acronyms_end_sentences_only_before_sentence_starters() {
        let text = "The U.S. Senate voted on Jan. 5 to back it. Pressure on the U.S. The \
                    vote in the U.S. House follows.";
        assert_eq!(
            sentences(text),
            [
                "The U.S. Senate voted on Jan. 5 to back it.",
                "Pressure on the U.S.",
                "The vote in the U.S. House follows."
            ]
        );
    }

    #[test]
    fn company_suffixes_and_numbers() {
        let text = "Acme Inc. said it was the No. 2 supplier. It was sold to Beta Corp. \
                    The deal closed at 10 a.m. Tuesday.";
        assert_eq!(
            sentences(text),
            [
                "Acme Inc. said it was the No. 2 supplier.",
                "It was sold to Beta Corp.",
                "The deal closed at 10 a.m. Tuesday."
            ]
        );
    }

    #[test]
    fn sentence_ending_inside_a_quote_with_a_tag() {
        let text = "\"We will not accept it.\" he said. \"Why would we sign?\" Peskov asked. \
                    \"Never!\" The crowd cheered.";
        assert_eq!(
            sentences(text),
            [
                "\"We will not accept it.\" he said.",
                "\"Why would we sign?\" Peskov asked.",
                "\"Never!\"",
                "The crowd cheered."
            ]
        );
    }

    #[test]
    fn quote_spanning_sentences_is_split_into_sentences() {
        let text = "“We reject this plan. It is a trap,” the minister said.";
        assert_eq!(
            sentences(text),
            ["“We reject this plan.", "It is a trap,” the minister said."]
        );
        assert_eq!(quotes(text), ["We reject this plan. It is a trap,"]);
    }

    #[test]
    fn one_paragraph_per_line() {
        let text = "Kyiv rejects peace plan\nThe president spoke on Monday.\nHe left.";
        let s = split_sentences(text);
        let got: Vec<(&str, usize)> = s.iter().map(|s| (s.span.text(text), s.paragraph)).collect();
        assert_eq!(
            got,
            [
                ("Kyiv rejects peace plan", 0),
                ("The president spoke on Monday.", 1),
                ("He left.", 2)
            ]
        );
    }

    #[test]
    fn blank_line_paragraphs_join_wrapped_lines() {
        let text = "Farm unions warned on Monday\nthat the deal would ruin them.\n\n  \nThey \
                    marched.\r\n";
        let s = split_sentences(text);
        assert_eq!(s.len(), 2);
        assert_eq!(
            s[0].span.text(text),
            "Farm unions warned on Monday\nthat the deal would ruin them."
        );
        assert_eq!((s[1].span.text(text), s[1].paragraph), ("They marched.", 1));
    }

    #[test]
    fn datelines_are_not_sentences() {
        for (text, first) in [
            (
                "KYIV, Ukraine — Ukraine's president said no. He left.",
                "Ukraine's president",
            ),
            (
                "BRUSSELS (Reuters) - EU ministers met on Monday.",
                "EU ministers",
            ),
            ("WASHINGTON (AP) — The Senate voted.", "The Senate"),
            (
                "LONDON, Jan 5 (Reuters) - Britain said yes.",
                "Britain said",
            ),
            ("MOSCOW — The Kremlin said no.", "The Kremlin"),
        ] {
            let s = sentences(text);
            assert!(s[0].starts_with(first), "{text:?} gave {s:?}");
        }
    }

    #[test]
    fn an_opening_acronym_with_a_dash_pair_is_not_a_dateline() {
        let text = "NATO — the Western alliance — said it would respond.";
        assert_eq!(sentences(text), [text]);
    }

    #[test]
    fn headline_without_final_punctuation() {
        let text = "EU and Mercosur seal trade deal after 25 years\n\nFarmers protested.";
        assert_eq!(
            sentences(text),
            [
                "EU and Mercosur seal trade deal after 25 years",
                "Farmers protested."
            ]
        );
    }

    #[test]
    fn curly_straight_and_single_quotes() {
        let text = "He said \"no way\" and “not now.” 'We will never sign,' she says. \
                    It's the farmers' view.";
        assert_eq!(quotes(text), ["no way", "not now.", "We will never sign,"]);
    }

    #[test]
    fn quote_left_open_at_paragraph_end_continues() {
        let text = "\"We will fight on.\n\n\"We will win,\" she said.";
        let q = find_quotes(text);
        assert_eq!(q.len(), 2);
        assert_eq!(
            (q[0].span.text(text), q[0].closed, q[0].paragraph),
            ("We will fight on.", false, 0)
        );
        assert_eq!(
            (q[1].span.text(text), q[1].closed, q[1].paragraph),
            ("We will win,", true, 1)
        );
    }

    #[test]
    fn quote_mark_after_digits_is_not_an_opener() {
        assert!(quotes("a 5'11\" guard and a 6\" pipe").is_empty());
    }

    #[test]
    fn empty_and_whitespace_input() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences(" \n\n \t ").is_empty());
        assert!(find_quotes("").is_empty());
        assert_eq!(sentences("***\n\nOk."), ["Ok."]);
    }

    #[test]
    fn garbage_input_yields_valid_spans() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let alphabet: Vec<char> = "a.B?! \n\"“”‘’'—-()é😀\u{0}\r…".chars().collect();
        for _ in 0..200 {
            let len = (seed % 120) as usize;
            let text: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            for s in split_sentences(&text) {
                assert!(text.get(s.span.start..s.span.end).is_some(), "{text:?}");
                assert!(!s.span.is_empty());
            }
            for q in find_quotes(&text) {
                assert!(text.get(q.span.start..q.span.end).is_some(), "{text:?}");
            }
        }
        let bytes: Vec<u8> = (0..=255u8).cycle().take(4000).collect();
        let lossy = String::from_utf8_lossy(&bytes);
        for s in split_sentences(&lossy) {
            assert!(lossy.get(s.span.start..s.span.end).is_some());
        }
    }

    #[test]
    fn overlong_sentences_are_cut() {
        let text = "word ".repeat(2000);
        let s = split_sentences(&text);
        assert!(s.len() >= 3);
        assert!(s.iter().all(|s| s.span.len() <= MAX_SENTENCE_BYTES));
        let unbroken = "é".repeat(5000);
        let s = split_sentences(&unbroken);
        assert!(
            s.iter()
                .all(|s| unbroken.get(s.span.start..s.span.end).is_some())
        );
        assert_eq!(
            s.iter().map(|s| s.span.len()).sum::<usize>(),
            unbroken.len()
        );
    }

    #[test]
    fn span_helpers() {
        let a = Span::new(2, 8);
        assert!(a.contains(Span::new(3, 8)));
        assert_eq!(a.intersection(Span::new(6, 10)), Some(Span::new(6, 8)));
        assert_eq!(a.intersection(Span::new(8, 10)), None);
        assert_eq!(Span::new(5, 100).text("short"), "");
    }
}
