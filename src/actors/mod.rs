//! Actors: who is mentioned, and which statements they made.
//!
//! The second stage of the pipeline. [`analyze_actors`] splits the article into sentences
//! ([`crate::text`]), then for each sentence, in text order:
//!
//! 1. tokenises it and marks the words inside quotation marks ([`tokens`]);
//! 2. finds the noun phrases that may name an actor: lexicon aliases, titled names, group
//!    and source descriptions, pronouns ([`detect`]);
//! 3. finds who said or did what: speech verbs in either order, reported actions,
//!    "according to", colon introductions, nested reports ([`attribute`]);
//!
//! and finally gives sentences that are only a quotation to the quotation's speaker (or, for
//! a quotation that goes on with no new speaker, to the last speaker).
//!
//! Actors are kept in one registry per article ([`entities`]): a surname, a title alone ("the
//! minister"), a possessive ("Zelenskyy's office") or a pronoun all resolve to the actor first
//! introduced by full name. Only actors with a statement (and those who relay someone else's)
//! are returned; a place in a dateline, a news agency, or a person merely named is not.
//!
//! Work is linear in the article: each sentence is tokenised once, lexicon lookups are hash
//! probes on a word's key, and every backward or forward look is bounded by a constant.

mod attribute;
mod detect;
mod entities;
mod lexicon;
mod tokens;
mod words;

use serde::{Deserialize, Serialize};

pub use lexicon::{Lexicon, LexiconError};

use crate::text::{Sentence, Span, find_quotes, split_sentences};
use entities::{EntityId, Registry};

/// What sort of actor holds a stance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A named person ("Kaja Kallas", "the press secretary").
    Person,
    /// A party, union, company, international body or other organisation.
    Organization,
    /// A state or a branch of one ("Moscow", "the White House", "the Senate").
    Government,
    /// A group speaking together ("European diplomats", "farm unions").
    Collective,
    /// An unnamed source ("a person familiar with the matter").
    Anonymous,
}

/// How a statement was attributed to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// A speech verb: "X said ...", "..., X said", "X rejected ...".
    ReportedSpeech,
    /// The actor's words in quotation marks; the span is the quotation.
    DirectQuote,
    /// "according to X".
    AccordingTo,
    /// "X was blunt: ..."; the span is what follows the colon.
    Colon,
    /// A reported action: "X endorsed the deal", "X walked out".
    ReportedAction,
}

/// An actor of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Canonical name: the lexicon's, else the fullest form seen.
    pub name: String,
    pub kind: ActorKind,
    /// Every surface form seen in the article (no pronouns), sorted and deduplicated.
    pub aliases: Vec<String>,
    /// Every mention, pronouns included, in text order.
    pub mentions: Vec<Span>,
    /// True when the actor has statements of its own. False for an actor that only relays
    /// someone else's ("Peskov said Putin had rejected ..."): it is listed so that
    /// [`Attribution::relayed_by`] can point at it.
    pub holds_stance: bool,
}

/// One statement of one actor in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Index into [`ArticleActors::actors`].
    pub actor: usize,
    /// Index into [`ArticleActors::sentences`].
    pub sentence: usize,
    /// The statement: the sentence, or the quoted words when a quotation is the evidence,
    /// or the words after the colon.
    pub span: Span,
    pub kind: AttributionKind,
    /// The actor who reported this statement, if it was reported by someone else.
    pub relayed_by: Option<usize>,
    /// Mentions of the actor inside `span` (for the classifier to mask).
    pub actor_mentions: Vec<Span>,
}

/// The actors of one article and their statements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleActors {
    pub sentences: Vec<Sentence>,
    /// Actors with statements, and relayers, in order of first mention.
    pub actors: Vec<Actor>,
    /// Statements in sentence order.
    pub attributions: Vec<Attribution>,
}

/// A statement before actors are numbered for output.
#[derive(Debug, Clone)]
struct Statement {
    actor: EntityId,
    sentence: usize,
    span: Span,
    kind: AttributionKind,
    relayed_by: Option<EntityId>,
    /// The quotation it rests on, when it is a direct quote.
    quote: Option<usize>,
}

/// Share of a sentence that must be inside quotation marks for the quotation to be the
/// statement (rather than a phrase quoted inside reported speech).
const QUOTE_SHARE: f64 = 0.5;

/// A quotation is also the statement when the rest of its sentence is a speech tag this
/// short (`"...," the union leader Piet Jansen said.`).
const MAX_TAG_WORDS: usize = 8;

/// Finds the actors of an article and attributes its sentences to them.
///
/// Never panics; every span lies on `char` boundaries of `text`; the output depends only on
/// `text` and `lexicon`.
///
/// ```
/// use stance::actors::{analyze_actors, AttributionKind, Lexicon};
/// let text = "Kremlin spokesman Dmitry Peskov said Moscow had rejected the plan. \
///             \"It is unacceptable,\" he added.";
/// let found = analyze_actors(text, &Lexicon::default_english());
/// let names: Vec<&str> = found.actors.iter().map(|a| a.name.as_str()).collect();
/// // Ordered by first mention: "Kremlin" comes before "Dmitry Peskov".
/// assert_eq!(names, ["Russia", "Dmitry Peskov"]);
/// // The nested report is Russia's, relayed by Peskov; the quote is Peskov's own.
/// let first = &found.attributions[0];
/// assert_eq!((first.actor, first.relayed_by), (0, Some(1)));
/// let second = &found.attributions[1];
/// assert_eq!((second.actor, second.kind), (1, AttributionKind::DirectQuote));
/// assert_eq!(second.span.text(text), "It is unacceptable,");
/// ```
pub fn analyze_actors(text: &str, lexicon: &Lexicon) -> ArticleActors {
    let sentences = split_sentences(text);
    let quotes = find_quotes(text);
    let mut reg = Registry::default();
    let mut toks = tokens::Tokens::default();
    let mut statements: Vec<Statement> = Vec::new();
    // Per sentence: the largest quotation part and its quotation, and the quoted share.
    let mut quoted: Vec<Option<(usize, Span)>> = Vec::with_capacity(sentences.len());
    let mut q0 = 0;
    for (si, sentence) in sentences.iter().enumerate() {
        toks.tokenize(text, sentence.span);
        while q0 < quotes.len() && quotes[q0].span.end <= sentence.span.start {
            q0 += 1;
        }
        let mut parts: Vec<(usize, Span)> = Vec::new();
        for (qi, q) in quotes.iter().enumerate().skip(q0) {
            if q.span.start >= sentence.span.end {
                break;
            }
            if let Some(part) = q.span.intersection(sentence.span) {
                parts.push((qi, part));
            }
        }
        mark_quoted(&mut toks, &parts);
        let covered: usize = parts.iter().map(|p| p.1.len()).sum();
        let main = parts.iter().max_by_key(|p| p.1.len()).copied();
        let words_outside = toks
            .toks
            .iter()
            .filter(|t| t.kind == tokens::Kind::Word && !t.in_quote)
            .count();
        let quote_is_statement = !parts.is_empty()
            && (covered as f64 >= QUOTE_SHARE * sentence.span.len() as f64
                || words_outside <= MAX_TAG_WORDS);
        quoted.push(main.filter(|_| quote_is_statement));

        let nps = detect::detect(text, &toks, lexicon, &mut reg);
        let spans: Vec<Span> = parts.iter().map(|p| p.1).collect();
        for f in attribute::attribute(text, &toks, &nps, &mut reg, &spans) {
            let mut st = Statement {
                actor: f.actor,
                sentence: si,
                span: f.span.unwrap_or(sentence.span),
                kind: f.kind,
                relayed_by: f.relayed_by,
                quote: None,
            };
            if f.kind == AttributionKind::ReportedSpeech
                && let Some((qi, part)) = quoted[si]
            {
                st.kind = AttributionKind::DirectQuote;
                st.span = part;
                st.quote = Some(qi);
            }
            statements.push(st);
        }
    }
    continue_quotes(&sentences, &quotes, &quoted, &mut statements);
    assemble(text, sentences, reg, statements)
}

/// Marks tokens inside any of the quotation parts.
fn mark_quoted(toks: &mut tokens::Tokens, parts: &[(usize, Span)]) {
    if parts.is_empty() {
        return;
    }
    let mut p = 0;
    for tok in &mut toks.toks {
        while p < parts.len() && parts[p].1.end <= tok.span.start {
            p += 1;
        }
        tok.in_quote = p < parts.len() && parts[p].1.contains(tok.span);
    }
}

/// Gives sentences that are mostly a quotation, and have no statement of their own, to the
/// speaker of the same quotation elsewhere, else to the last speaker of the previous
/// paragraphs (a quotation continuing with no new speaker).
fn continue_quotes(
    sentences: &[Sentence],
    quotes: &[crate::text::Quote],
    quoted: &[Option<(usize, Span)>],
    statements: &mut Vec<Statement>,
) {
    let mut speaker_of_quote: std::collections::HashMap<usize, EntityId> = Default::default();
    for st in statements.iter() {
        if let Some(q) = st.quote {
            speaker_of_quote.entry(q).or_insert(st.actor);
        }
    }
    let mut has_statement = vec![false; sentences.len()];
    for st in statements.iter() {
        has_statement[st.sentence] = true;
    }
    let mut added = Vec::new();
    let mut last: Option<(EntityId, usize)> = None;
    let mut next = 0;
    for (si, sentence) in sentences.iter().enumerate() {
        while next < statements.len() && statements[next].sentence == si {
            if statements[next].kind != AttributionKind::ReportedAction {
                last = Some((statements[next].actor, sentence.paragraph));
            }
            next += 1;
        }
        if has_statement[si] {
            continue;
        }
        let Some((qi, part)) = quoted[si] else {
            continue;
        };
        let speaker = speaker_of_quote.get(&qi).copied().or_else(|| {
            last.filter(|&(_, para)| quotes[qi].paragraph <= para + 2)
                .map(|(a, _)| a)
        });
        if let Some(actor) = speaker {
            added.push(Statement {
                actor,
                sentence: si,
                span: part,
                kind: AttributionKind::DirectQuote,
                relayed_by: None,
                quote: Some(qi),
            });
            last = Some((actor, sentence.paragraph));
        }
    }
    if !added.is_empty() {
        statements.extend(added);
        statements.sort_by_key(|s| s.sentence);
    }
}

/// Numbers the actors by first mention and builds the output.
fn assemble(
    text: &str,
    sentences: Vec<Sentence>,
    reg: Registry,
    mut statements: Vec<Statement>,
) -> ArticleActors {
    // One statement per actor and sentence: the first found is the most direct.
    let mut seen = std::collections::HashSet::new();
    statements.retain(|s| seen.insert((s.actor, s.sentence)));

    let mut holds = vec![false; reg.entities.len()];
    let mut listed = vec![false; reg.entities.len()];
    for s in &statements {
        holds[s.actor] = true;
        listed[s.actor] = true;
        if let Some(r) = s.relayed_by {
            listed[r] = true;
        }
    }
    let mut order: Vec<(usize, EntityId)> = (0..reg.entities.len())
        .filter(|&id| listed[id])
        .map(|id| {
            let first = reg.entities[id]
                .mentions
                .iter()
                .map(|m| m.0.start)
                .min()
                .unwrap_or(usize::MAX);
            (first, id)
        })
        .collect();
    order.sort();
    let mut index = vec![usize::MAX; reg.entities.len()];
    let mut actors = Vec::with_capacity(order.len());
    let mut mentions_of: Vec<Vec<Span>> = Vec::with_capacity(order.len());
    for (pos, &(_, id)) in order.iter().enumerate() {
        index[id] = pos;
        let e = &reg.entities[id];
        let mut mentions: Vec<Span> = e.mentions.iter().map(|m| m.0).collect();
        mentions.sort();
        mentions.dedup();
        let mut aliases: Vec<String> = e
            .mentions
            .iter()
            .filter(|m| !m.1)
            .map(|m| m.0.text(text).to_string())
            .filter(|s| !s.is_empty())
            .collect();
        aliases.sort();
        aliases.dedup();
        mentions_of.push(mentions.clone());
        actors.push(Actor {
            name: e.name.clone(),
            kind: e.kind,
            aliases,
            mentions,
            holds_stance: holds[id],
        });
    }
    let attributions = statements
        .into_iter()
        .map(|s| {
            let mentions = &mentions_of[index[s.actor]];
            let from = mentions.partition_point(|m| m.start < s.span.start);
            let actor_mentions = mentions[from..]
                .iter()
                .take_while(|m| m.start < s.span.end)
                .filter(|m| s.span.contains(**m))
                .copied()
                .collect();
            Attribution {
                actor: index[s.actor],
                sentence: s.sentence,
                span: s.span,
                kind: s.kind,
                relayed_by: s.relayed_by.map(|r| index[r]),
                actor_mentions,
            }
        })
        .collect();
    ArticleActors {
        sentences,
        actors,
        attributions,
    }
}

#[cfg(test)]
mod tests;
