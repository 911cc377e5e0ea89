//! The vocabulary seen from the token side: every feature split into its word forms, so that a
//! sentence's n-grams are looked up by form ids instead of by building their strings.
//!
//! A feature string is a space prefix (`""`, `t:` or `a:`) followed by word forms joined by
//! single spaces, or by a `c:` character n-gram. Word forms never hold a space or a colon (they
//! are made of letters, digits, inner apostrophes and periods, or are one of the fixed marks and
//! placeholders), so that split is unambiguous: two features are the same string exactly when
//! they have the same space and the same forms. A form missing from every feature cannot be part
//! of any column, which lets the n-gram loop stop at the first such form.

use rustc_hash::FxHashMap as HashMap;

use super::{ACTOR_CLAUSE_PREFIX, CHAR_PREFIX, TARGET_PREFIX};

/// The id of a form that occurs in no feature.
pub(crate) const NO_FORM: u32 = u32::MAX;

/// The longest word n-gram a key can hold (the configuration allows at most 4).
const MAX_WORDS: usize = 4;

/// Which prefix a feature carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Space {
    /// No prefix: the text's own words.
    Text = 0,
    /// `t:`: the target's words.
    Target = 1,
    /// `a:`: words in the actor's clause.
    ActorClause = 2,
}

/// Columns by form ids; built once per vectoriser.
#[derive(Debug, Clone, Default)]
pub(crate) struct ColumnIndex {
    /// Every word form that is part of some feature.
    forms: HashMap<Box<str>, u32>,
    /// Per space, the column of each form as a unigram (`NO_FORM` for none).
    unigrams: [Vec<u32>; 3],
    /// Per space, the column of each n-gram of two or more forms, by [`NgramKey`].
    ngrams: [HashMap<u128, u32>; 3],
    /// Character n-gram features, by their whole string.
    chars: HashMap<Box<str>, u32>,
}

/// Form ids packed one per 32 bits (as id + 1, so that no key is a prefix of another).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct NgramKey(u128);

impl NgramKey {
    /// The key extended by one more form.
    pub(crate) fn push(self, id: u32) -> NgramKey {
        NgramKey((self.0 << 32) | u128::from(id + 1))
    }
}

impl ColumnIndex {
    /// The index of `vocabulary`, whose entry `i` is column `i`.
    pub(crate) fn new(vocabulary: &[String]) -> ColumnIndex {
        let mut index = ColumnIndex::default();
        let mut ids = Vec::with_capacity(MAX_WORDS);
        for (column, feature) in vocabulary.iter().enumerate() {
            let column = column as u32;
            let (space, rest) = if let Some(rest) = feature.strip_prefix(TARGET_PREFIX) {
                (Space::Target, rest)
            } else if let Some(rest) = feature.strip_prefix(ACTOR_CLAUSE_PREFIX) {
                (Space::ActorClause, rest)
            } else {
                (Space::Text, feature.as_str())
            };
            if rest.starts_with(CHAR_PREFIX) {
                index.chars.insert(feature.as_str().into(), column);
                continue;
            }
            if rest.split(' ').count() > MAX_WORDS {
                // Longer than any n-gram the analyzer makes: never looked up.
                continue;
            }
            ids.clear();
            for form in rest.split(' ') {
                let next = index.forms.len() as u32;
                ids.push(*index.forms.entry(form.into()).or_insert(next));
            }
            if let [id] = ids[..] {
                let unigrams = &mut index.unigrams[space as usize];
                if unigrams.len() <= id as usize {
                    unigrams.resize(id as usize + 1, NO_FORM);
                }
                unigrams[id as usize] = column;
            } else {
                let key = ids
                    .iter()
                    .fold(NgramKey::default(), |key, &id| key.push(id));
                index.ngrams[space as usize].insert(key.0, column);
            }
        }
        index
    }

    /// The id of `form`, or [`NO_FORM`] when no feature contains it.
    pub(crate) fn form_id(&self, form: &str) -> u32 {
        self.forms.get(form).copied().unwrap_or(NO_FORM)
    }

    /// The column of the unigram `id` in `space`.
    #[inline]
    pub(crate) fn unigram(&self, space: Space, id: u32) -> Option<u32> {
        self.unigrams[space as usize]
            .get(id as usize)
            .copied()
            .filter(|&c| c != NO_FORM)
    }

    /// The column of the n-gram `key` (two forms or more) in `space`.
    #[inline]
    pub(crate) fn ngram(&self, space: Space, key: NgramKey) -> Option<u32> {
        self.ngrams[space as usize].get(&key.0).copied()
    }

    /// The column of a character n-gram feature.
    pub(crate) fn chars(&self, feature: &str) -> Option<u32> {
        self.chars.get(feature).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_split_into_spaces_and_forms() {
        let vocabulary: Vec<String> = [
            "\"",
            "a:said",
            "c:ab",
            "not_back",
            "said",
            "said not_back",
            "t:c:x",
            "t:plan",
        ]
        .map(String::from)
        .to_vec();
        let index = ColumnIndex::new(&vocabulary);
        let said = index.form_id("said");
        let back = index.form_id("not_back");
        assert_eq!(index.unigram(Space::Text, said), Some(4));
        assert_eq!(index.unigram(Space::ActorClause, said), Some(1));
        assert_eq!(index.unigram(Space::Target, said), None);
        assert_eq!(index.unigram(Space::Target, index.form_id("plan")), Some(7));
        assert_eq!(index.unigram(Space::Text, index.form_id("\"")), Some(0));
        let key = NgramKey::default().push(said).push(back);
        assert_eq!(index.ngram(Space::Text, key), Some(5));
        assert_eq!(index.ngram(Space::Target, key), None);
        let reversed = NgramKey::default().push(back).push(said);
        assert_eq!(index.ngram(Space::Text, reversed), None);
        assert_eq!(index.chars("c:ab"), Some(2));
        assert_eq!(index.chars("t:c:x"), Some(6));
        assert_eq!(index.form_id("c:ab"), NO_FORM);
        assert_eq!(index.form_id("unknown"), NO_FORM);
        assert_eq!(index.unigram(Space::Text, NO_FORM), None);
    }
}
