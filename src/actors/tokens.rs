//! Word and punctuation tokens with normalised forms, for actor detection and lexicon lookups.
//!
//! A token keeps its byte span in the article, a lowercase form with diacritics folded
//! ("Erdoğan" → "erdogan") for word lists, and a name key that also forgets transliteration
//! noise ("Zelenskyy", "Zelenskiy" and "Zelensky" → "zelensky") for matching names.

use super::words::{self, Verb};
use crate::text::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (with inner hyphens, apostrophes, and the dots of "U.S.").
    Word,
    /// Digits, with inner `.` or `,`.
    Number,
    /// A possessive ending: `'s`, `’s`, or the lone apostrophe of "farmers'".
    Poss,
    /// Any other single character.
    Punct(char),
}

/// One token of the article.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub span: Span,
    pub kind: Kind,
    /// First letter is uppercase.
    pub cap: bool,
    /// Inside a quotation (set by the caller from [`crate::text::find_quotes`]).
    pub in_quote: bool,
    lower: (u32, u32),
    key: (u32, u32),
    /// Word class bits ([`words::lookup`]) of the lowercase form.
    class: u32,
    /// Verb reading of the lowercase form.
    verb: Option<Verb>,
}

/// The tokens of one piece of text, with their normalised forms stored in one buffer.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    pub toks: Vec<Token>,
    buf: String,
    chars: Vec<(usize, char)>,
}

impl Tokens {
    /// Tokenises `span` of `text`, replacing any previous content.
    pub fn tokenize(&mut self, text: &str, span: Span) {
        self.toks.clear();
        self.buf.clear();
        let Some(piece) = text.get(span.start..span.end) else {
            return;
        };
        let mut chars = std::mem::take(&mut self.chars);
        chars.clear();
        chars.extend(piece.char_indices());
        let at = |k: usize| chars.get(k).map(|&(_, c)| c);
        let mut k = 0;
        while k < chars.len() {
            let (pos, c) = chars[k];
            let start = span.start + pos;
            if c.is_whitespace() {
                k += 1;
                continue;
            }
            if c.is_alphanumeric() {
                let numeric = c.is_ascii_digit();
                let mut e = k + 1;
                while let Some(d) = at(e) {
                    let next = at(e + 1);
                    let joins = if numeric {
                        d.is_ascii_digit()
                            || (matches!(d, '.' | ',') && next.is_some_and(|n| n.is_ascii_digit()))
                    } else if d.is_alphanumeric() {
                        true
                    } else if matches!(d, '-' | '‐') {
                        next.is_some_and(char::is_alphanumeric)
                    } else if matches!(d, '\'' | '’') {
                        let poss = matches!(next, Some('s' | 'S'))
                            && !at(e + 2).is_some_and(char::is_alphanumeric);
                        !poss && next.is_some_and(char::is_alphabetic)
                    } else if d == '.' {
                        // Acronyms: "U.S.", "J.D.", "a.m." (one letter between dots).
                        let one_letter = e == k + 1 || (e >= k + 2 && at(e - 2) == Some('.'));
                        let inner = next.is_some_and(char::is_alphabetic) && at(e + 2) == Some('.');
                        let last = e >= k + 3 && at(e - 2) == Some('.');
                        one_letter && (inner || last)
                    } else {
                        false
                    };
                    if !joins {
                        break;
                    }
                    e += 1;
                }
                let end = chars.get(e).map_or(piece.len(), |&(p, _)| p);
                let kind = if numeric { Kind::Number } else { Kind::Word };
                self.push(piece, pos, end, span.start, kind);
                k = e;
                // Possessive ending right after a word.
                if kind == Kind::Word && matches!(at(k), Some('\'' | '’')) {
                    let s_follows = matches!(at(k + 1), Some('s' | 'S'))
                        && !at(k + 2).is_some_and(char::is_alphanumeric);
                    let plural = piece[pos..end].ends_with(['s', 'S'])
                        && !at(k + 1).is_some_and(char::is_alphanumeric);
                    if s_follows || plural {
                        let len = if s_follows { 2 } else { 1 };
                        let p_end = chars.get(k + len).map_or(piece.len(), |&(p, _)| p);
                        let p_start = chars[k].0;
                        self.push_norm(span.start + p_start, span.start + p_end, Kind::Poss, "'s");
                        k += len;
                    }
                }
                continue;
            }
            let end = start + c.len_utf8();
            let mut tmp = [0u8; 4];
            let norm = if matches!(c, '’' | '‘') {
                "'"
            } else {
                c.encode_utf8(&mut tmp)
            };
            self.push_norm(start, end, Kind::Punct(fold_punct(c)), norm);
            k += 1;
        }
        self.chars = chars;
    }

    fn push(&mut self, piece: &str, from: usize, to: usize, offset: usize, kind: Kind) {
        let raw = &piece[from..to];
        let mut buf = std::mem::take(&mut self.buf);
        let l0 = buf.len();
        if raw.is_ascii() {
            buf.extend(raw.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            for ch in raw.chars().flat_map(char::to_lowercase) {
                push_folded(&mut buf, ch);
            }
        }
        let l1 = buf.len();
        push_key(&mut buf, l0..l1);
        let k1 = buf.len();
        let lower = &buf[l0..l1];
        let (class, verb) = if kind == Kind::Word {
            words::lookup(lower)
        } else {
            (0, None)
        };
        self.buf = buf;
        self.toks.push(Token {
            span: Span::new(offset + from, offset + to),
            kind,
            cap: raw.chars().next().is_some_and(char::is_uppercase),
            in_quote: false,
            lower: (l0 as u32, l1 as u32),
            key: (l1 as u32, k1 as u32),
            class,
            verb,
        });
    }

    fn push_norm(&mut self, start: usize, end: usize, kind: Kind, norm: &str) {
        let l0 = self.buf.len();
        self.buf.push_str(norm);
        let l1 = self.buf.len();
        self.toks.push(Token {
            span: Span::new(start, end),
            kind,
            cap: false,
            in_quote: false,
            lower: (l0 as u32, l1 as u32),
            key: (l0 as u32, l1 as u32),
            class: 0,
            verb: None,
        });
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Lowercase, diacritic-folded form of token `i` (`""` past the end).
    pub fn lower(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| &self.buf[t.lower.0 as usize..t.lower.1 as usize])
    }

    /// Name key of token `i` (see [`name_key`]; `""` past the end).
    pub fn key(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| &self.buf[t.key.0 as usize..t.key.1 as usize])
    }

    /// Word class bits of token `i` (0 for non-words and past the end).
    pub fn class(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(0, |t| t.class)
    }

    /// True when token `i` is in any of the word classes `bits`.
    pub fn has(&self, i: usize, bits: u32) -> bool {
        self.class(i) & bits != 0
    }

    /// The verb reading of token `i`.
    pub fn verb(&self, i: usize) -> Option<Verb> {
        self.toks.get(i).and_then(|t| t.verb)
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// True when token `i` is a capitalised word.
    pub fn is_cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Word && t.cap)
    }

    /// True when token `i` is the punctuation character `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// True when token `i` is a quotation mark.
    pub fn is_quote_mark(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct('"'))
    }

    /// The span from the start of token `a` to the end of token `b - 1`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(x), Some(y)) if a < b => Span::new(x.span.start, y.span.end),
            _ => Span::new(0, 0),
        }
    }
}

/// Maps typographic quotes and dashes to one representative each.
fn fold_punct(c: char) -> char {
    match c {
        '“' | '”' | '«' | '»' | '‘' | '’' | '\'' => '"',
        '—' | '–' | '‒' | '―' => '—',
        _ => c,
    }
}

/// Appends `c` to `out` with its diacritics removed (Latin letters) and `’` as `'`.
fn push_folded(out: &mut String, c: char) {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '’' | '‘' => '\'',
        '‐' => '-',
        'ß' => return out.push_str("ss"),
        'æ' => return out.push_str("ae"),
        'œ' => return out.push_str("oe"),
        _ => c,
    };
    out.push(folded);
}

/// Appends the name key of the lowercased, folded word at `out[lower]`: repeated letters
/// collapsed and a final "iy" read as "y", so transliteration variants of one name share a key.
fn push_key(out: &mut String, lower: std::ops::Range<usize>) {
    let start = out.len();
    if out[lower.clone()].is_ascii() {
        let mut prev = 0u8;
        for k in lower {
            let b = out.as_bytes()[k];
            if b != prev || !b.is_ascii_alphabetic() {
                out.push(char::from(b));
            }
            prev = b;
        }
    } else {
        push_key_unicode(out, lower);
    }
    if out[start..].ends_with("iy") && out.len() - start > 3 {
        out.truncate(out.len() - 2);
        out.push('y');
    }
}

/// [`push_key`] for words with non-ASCII letters.
fn push_key_unicode(out: &mut String, lower: std::ops::Range<usize>) {
    let mut prev = None;
    let mut k = lower.start;
    while k < lower.end {
        let Some(c) = out[k..lower.end].chars().next() else {
            break;
        };
        k += c.len_utf8();
        if Some(c) != prev || !c.is_alphabetic() {
            out.push(c);
        }
        prev = Some(c);
    }
}

/// The name key of a single word, for callers outside a token stream.
#[cfg(test)]
pub(crate) fn name_key(word: &str) -> String {
    let mut lower = String::new();
    for ch in word.chars().flat_map(char::to_lowercase) {
        push_folded(&mut lower, ch);
    }
    let n = lower.len();
    push_key(&mut lower, 0..n);
    lower.split_off(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(String, Kind)> {
        let mut t = Tokens::default();
        t.tokenize(text, Span::new(0, text.len()));
        (0..t.len())
            .map(|i| (t.toks[i].span.text(text).to_string(), t.toks[i].kind))
            .collect()
    }

    #[test]
    fn words_acronyms_possessives() {
        let got = toks("Zelenskyy's U.S. aide-de-camp won't pay farmers' $1,000.5 (Sen. J.D.)");
        let words: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            words,
            [
                "Zelenskyy",
                "'s",
                "U.S.",
                "aide-de-camp",
                "won't",
                "pay",
                "farmers",
                "'",
                "$",
                "1,000.5",
                "(",
                "Sen",
                ".",
                "J.D.",
                ")"
            ]
        );
        assert_eq!(got[1].1, Kind::Poss);
        assert_eq!(got[7].1, Kind::Poss);
        assert_eq!(got[9].1, Kind::Number);
    }

    #[test]
    fn keys_fold_diacritics_and_variants() {
        assert_eq!(name_key("Šefčovič"), name_key("Sefcovic"));
        assert_eq!(name_key("Erdoğan"), "erdogan");
        assert_eq!(name_key("Zelenskyy"), name_key("Zelensky"));
        assert_eq!(name_key("Zelenskiy"), name_key("Zelensky"));
        let mut t = Tokens::default();
        let text = "Zelenskyy’s";
        t.tokenize(text, Span::new(0, text.len()));
        assert_eq!(
            (t.lower(0), t.key(0), t.lower(1)),
            ("zelenskyy", "zelensky", "'s")
        );
    }

    #[test]
    fn bad_spans_and_odd_text_do_not_panic() {
        let mut t = Tokens::default();
        t.tokenize("abc", Span::new(2, 10));
        assert_eq!(t.len(), 0);
        let text = "'s ' '’ -a- .a. a.b.c. \u{0} 😀x";
        t.tokenize(text, Span::new(0, text.len()));
        for tok in &t.toks {
            assert!(text.get(tok.span.start..tok.span.end).is_some());
        }
        assert_eq!(t.lower(99), "");
        assert_eq!(t.span(3, 1), Span::new(0, 0));
    }
}
