//! Who said or did what in one sentence: speakers of speech verbs, agents of reported actions,
//! sources after "according to", and colon introductions.
//!
//! For every verb outside quotation marks the subject is looked for, in this order:
//!
//! - inverted after a comma or a closing quote (`..., said Peskov.`);
//! - the agent of a passive (`was rejected by Hungary`);
//! - just before the verb, skipping auxiliaries, negation, adverbs and days
//!   (`Peskov on Tuesday also said`), a bracket (`Collins (R-Maine) said`), or an appositive
//!   between commas (`Sen. Angus King, a Maine independent, said`), with coordinated
//!   subjects (`France and Germany said`) each getting the statement.
//!
//! A verb that reports speech ("said", "told", "according to") frames the clause it
//! introduces; when that clause holds another actor's statement (`Peskov said Putin had
//! rejected the plan`), the statement is the inner actor's, relayed by the outer one, and
//! the outer actor gets none for that sentence.

use std::ops::Range;

use super::AttributionKind;
use super::detect::{Np, Target};
use super::entities::{EntityId, Pronoun, Registry};
use super::tokens::Tokens;
use super::words::{self, VerbClass};
use crate::text::Span;

/// A statement found in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub actor: EntityId,
    pub kind: AttributionKind,
    pub relayed_by: Option<EntityId>,
    /// The statement, when it is narrower than the sentence (the words after a colon).
    pub span: Option<Span>,
}

/// Words before a speaker's noun phrase that can still belong to their title.
const TITLE_LEAD: usize = 3;

/// What introduces a candidate statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Via {
    Verb(VerbClass),
    According,
}

/// What a word introduces: its subjects (noun phrase indices), how, whether it frames a
/// reported clause, and the clause's tokens.
#[derive(Debug)]
struct Intro {
    subjects: Vec<usize>,
    via: Via,
    frame: bool,
    content: Range<usize>,
}

impl Intro {
    fn new(subjects: Vec<usize>, via: Via, frame: bool, content: Range<usize>) -> Intro {
        Intro {
            subjects,
            via,
            frame,
            content,
        }
    }
}

#[derive(Debug)]
struct Candidate {
    actors: Vec<EntityId>,
    verb: usize,
    via: Via,
    /// Reports a clause that may hold someone else's statement.
    frame: bool,
    /// Tokens of the reported clause.
    content: Range<usize>,
    relayed_by: Option<EntityId>,
    dropped: bool,
    /// First token of the subject when it comes before the verb.
    subject_start: Option<usize>,
    /// The subject is an organisation referred back to and met here first ("the party"),
    /// and of what kind.
    anaphor: Option<super::ActorKind>,
    /// The last word of that anaphor ("party" of "the party").
    anaphor_head: Option<String>,
    /// Tokens of the first subject, title included ("School board President Reginald Moss").
    subject_toks: Range<usize>,
}

/// Finds the statements of one sentence. `nps` are the sentence's noun phrases from
/// [`super::detect::detect`]; subjects are resolved (and pending actors registered) here.
pub(crate) fn attribute(
    text: &str,
    t: &Tokens,
    nps: &[Np],
    reg: &mut Registry,
    quotes: &[Span],
) -> Vec<Found> {
    let n = t.len();
    let mut by_end: Vec<Option<usize>> = vec![None; n + 1];
    let mut by_start: Vec<Option<usize>> = vec![None; n + 1];
    for (k, np) in nps.iter().enumerate() {
        if np.toks.end <= n {
            by_end[np.toks.end] = Some(k);
            by_start[np.toks.start].get_or_insert(k);
        }
    }
    let ctx = Ctx {
        text,
        t,
        nps,
        by_end: &by_end,
        by_start: &by_start,
    };
    // The actor opening the sentence, which a later pronoun most likely refers to until
    // another named actor comes between ("A accepted the plan, but B said he would not").
    let topic = nps.first().and_then(|np| match np.target {
        Target::Entity(id) if np.toks.start == 0 => Some(id),
        _ => None,
    });
    let is_person = |np: &Np| match &np.target {
        Target::Entity(id) => reg.entities[*id].kind == super::ActorKind::Person,
        Target::Pending(p) => p.person_keys.is_some() || p.role.is_some(),
        _ => false,
    };
    let until = |person: bool| {
        nps.iter()
            .skip(1)
            .find(|np| match &np.target {
                Target::Entity(id) => Some(*id) != topic && is_person(np) == person,
                Target::Pending(_) => is_person(np) == person,
                _ => false,
            })
            .map_or(n, |np| np.toks.start)
    };
    let topic = topic.map(|id| Topic {
        id,
        until_person: until(true),
        until_other: until(false),
    });
    let mut candidates: Vec<Candidate> = Vec::new();
    for v in 0..n {
        if !t.is_word(v) || t.toks[v].in_quote {
            continue;
        }
        let Some(Intro {
            subjects,
            via,
            frame,
            content,
        }) = ctx.candidate(v, reg)
        else {
            continue;
        };
        let actors: Vec<EntityId> = subjects
            .iter()
            .filter_map(|&k| resolve(&nps[k], reg, topic))
            .collect();
        if actors.is_empty() {
            continue;
        }
        for &a in &actors {
            reg.note_subject(a);
        }
        let first = &nps[subjects[0]];
        let (anaphor, anaphor_head) = match &first.target {
            Target::Pending(p)
                if p.key.starts_with("the ")
                    && p.role.is_none()
                    && p.person_keys.is_none()
                    && p.kind != super::ActorKind::Person =>
            {
                (Some(p.kind), p.key.rsplit(' ').next().map(str::to_string))
            }
            _ => (None, None),
        };
        candidates.push(Candidate {
            actors,
            verb: v,
            via,
            frame,
            content,
            relayed_by: None,
            dropped: false,
            subject_start: (first.toks.start < v).then_some(first.toks.start),
            anaphor,
            anaphor_head,
            subject_toks: first.toks.clone(),
        });
    }
    // Nested reports belong to the inner holder.
    for f in 0..candidates.len() {
        if !candidates[f].frame {
            continue;
        }
        for c in 0..candidates.len() {
            // "according to" always frames the rest of the sentence, never the reverse.
            if c == f
                || candidates[c].via == Via::According
                || !candidates[f].content.contains(&candidates[c].verb)
            {
                continue;
            }
            if !candidates[c]
                .subject_start
                .is_none_or(|s| ctx.heads_clause(&candidates[f].content, s))
            {
                // A clause inside the report ("the rules the government proposed") is part
                // of the outer statement, no statement of its own.
                candidates[c].dropped = true;
                continue;
            }
            let outer = candidates[f].actors[0];
            // "A PTI spokesman said the party would ...": the party is the speaker's own
            // (but "the government" is not a union's). So is a body named in the speaker's
            // title: "Board President Moss said the board would ...".
            let own = candidates[c].anaphor == Some(reg.entities[outer].kind)
                || candidates[c].anaphor_head.as_deref().is_some_and(|head| {
                    // The title may start a few words before the noun phrase the detector
                    // kept ("School board | President Reginald Moss").
                    let toks = &candidates[f].subject_toks;
                    let mut start = toks.start;
                    while start > 0 && toks.start - start < TITLE_LEAD && t.is_word(start - 1) {
                        start -= 1;
                    }
                    (start..toks.end).any(|k| t.is_word(k) && t.lower(k) == head)
                });
            if own
                || candidates[c]
                    .actors
                    .iter()
                    .any(|a| candidates[f].actors.contains(a))
            {
                candidates[c].dropped = true;
            } else {
                candidates[c].relayed_by = Some(outer);
                // A group that speaks for nobody (diplomats, analysts) voices its own reading
                // of the situation and keeps the statement; a spokesperson does not.
                // ("according to two diplomats" names sources, not speakers.)
                candidates[f].dropped =
                    candidates[f].via == Via::According || !independent_group(&reg.entities[outer]);
            }
        }
    }
    let mut found = Vec::new();
    let mut relayers = Vec::new();
    for c in candidates.iter().filter(|c| !c.dropped) {
        let kind = match c.via {
            Via::According => AttributionKind::AccordingTo,
            Via::Verb(VerbClass::Action) => AttributionKind::ReportedAction,
            Via::Verb(VerbClass::Speech) => AttributionKind::ReportedSpeech,
            Via::Verb(VerbClass::Stance) if c.relayed_by.is_some() => {
                AttributionKind::ReportedSpeech
            }
            Via::Verb(VerbClass::Stance) => continue,
        };
        for &actor in &c.actors {
            found.push(Found {
                actor,
                kind,
                relayed_by: c.relayed_by,
                span: None,
            });
            reg.note_subject(actor);
        }
        relayers.extend(c.relayed_by);
    }
    for r in relayers {
        reg.note_subject(r);
    }
    if let Some(colon) = ctx.colon(text, reg, quotes) {
        found.push(colon);
    }
    found
}

/// A collective that reports on others in its own name ("European diplomats", "analysts at
/// Equita"), unlike the anonymous voices of an institution ("officials", "sources", "aides").
fn independent_group(e: &super::entities::Entity) -> bool {
    e.kind == super::ActorKind::Collective
        && !e
            .name
            .to_lowercase()
            .split_whitespace()
            .any(|w| INSTITUTION_VOICES.contains(&w))
}

/// Plural nouns for people who speak for an institution rather than for themselves.
const INSTITUTION_VOICES: &[&str] = &[
    "officials",
    "sources",
    "aides",
    "advisers",
    "advisors",
    "insiders",
    "spokespeople",
    "people",
];

/// The actor opening a sentence, and where another person (or another organisation) is
/// first named after it.
#[derive(Debug, Clone, Copy)]
struct Topic {
    id: EntityId,
    until_person: usize,
    until_other: usize,
}

/// The actor a noun phrase names. A pronoun after the start of its sentence prefers the
/// sentence's `topic`, unless another actor of the pronoun's sort is named in between.
fn resolve(np: &Np, reg: &mut Registry, topic: Option<Topic>) -> Option<EntityId> {
    let id = match &np.target {
        Target::Entity(id) => *id,
        Target::Media => return None,
        Target::Pronoun(p) => {
            let person = matches!(p, Pronoun::He | Pronoun::She);
            let topic = topic
                .filter(|t| {
                    let until = if person {
                        t.until_person
                    } else {
                        t.until_other
                    };
                    np.toks.start > 0 && np.toks.start < until
                })
                .map(|t| t.id);
            let id = reg.resolve_pronoun(*p, topic)?;
            reg.mention(id, np.name, true);
            return Some(id);
        }
        Target::Pending(p) => {
            let id = match &p.person_keys {
                Some(keys) => {
                    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
                    reg.person(&p.name, &keys)
                }
                None => reg.named(&p.name, &p.key, p.kind),
            };
            if let Some((head, full)) = &p.role {
                reg.add_role(id, head, full);
            }
            reg.mention(id, np.name, false);
            id
        }
    };
    (!reg.entities[id].media).then_some(id)
}

struct Ctx<'a> {
    text: &'a str,
    t: &'a Tokens,
    nps: &'a [Np],
    by_end: &'a [Option<usize>],
    by_start: &'a [Option<usize>],
}

/// Words between "according to" and the source ("according to a statement from").
const SOURCE_DOCUMENTS: &[&str] = &[
    "a",
    "an",
    "the",
    "statement",
    "report",
    "document",
    "transcript",
    "readout",
    "draft",
    "copy",
    "from",
    "by",
    "of",
    "released",
    "issued",
    "published",
    "letter",
    "post",
    "memo",
    "spokesperson",
    "for",
];

impl Ctx<'_> {
    fn np_ending(&self, end: usize) -> Option<usize> {
        self.by_end.get(end).copied().flatten()
    }

    fn np_starting(&self, start: usize) -> Option<usize> {
        self.by_start.get(start).copied().flatten()
    }

    /// End of the clause that starts at `from`: the sentence end, a semicolon, or a comma
    /// before a conjunction that opens a new clause.
    fn clause_end(&self, from: usize) -> usize {
        let t = self.t;
        (from..t.len())
            .find(|&k| {
                t.is_punct(k, ';')
                    || (t.is_punct(k, ',')
                        && matches!(t.lower(k + 1), "and" | "but" | "while" | "whereas")
                        && t.lower(k + 2) != "that")
            })
            .unwrap_or(t.len())
    }

    /// The statement a word at `v` introduces: subjects (noun phrase indices), what
    /// introduces it, whether it frames a clause, and the clause.
    fn candidate(&self, v: usize, reg: &Registry) -> Option<Intro> {
        let t = self.t;
        let n = t.len();
        let lower = t.lower(v);
        if lower == "according" && t.lower(v + 1) == "to" {
            let mut k = v + 2;
            while k < n && k < v + 8 && self.np_starting(k).is_none() {
                if !SOURCE_DOCUMENTS.contains(&t.lower(k)) {
                    return None;
                }
                k += 1;
            }
            let np = self.np_starting(k)?;
            let end = self.nps[np].toks.end;
            let content = if v == 0 { end..n } else { 0..v };
            return Some(Intro::new(vec![np], Via::According, true, content));
        }
        let (class, frame, base, past) = if t.has(v, words::BE) {
            let mut a = v + 1;
            if t.lower(a) == "not" {
                a += 1;
            }
            if !t.has(a, words::STANCE_ADJ) {
                return None;
            }
            (VerbClass::Stance, false, false, false)
        } else {
            let verb = t.verb(v)?;
            if let Some(p) = verb.particle
                && !self.particle_follows(v, p)
            {
                return None;
            }
            (verb.class, verb.frame, verb.base, verb.past)
        };
        let via = Via::Verb(class);
        // Inverted: `"...," said Peskov, a spokesman.`
        if class == VerbClass::Speech
            && v > 0
            && (t.is_punct(v - 1, ',') || t.is_quote_mark(v - 1))
            && let Some(np) = self.np_starting(v + 1)
        {
            let end = self.nps[np].toks.end;
            if end >= n || t.is_punct(end, ',') || t.is_punct(end, '.') || t.is_punct(end, '(') {
                return Some(Intro::new(vec![np], via, frame, 0..v - 1));
            }
        }
        // Skip auxiliaries, negation, adverbs and brackets back to the subject.
        let mut j = v;
        let mut passive = false;
        let mut auxiliary = false;
        let mut skipped = 0;
        while j > 0 && skipped < 6 {
            let p = j - 1;
            if t.is_word(p) && t.has(p, words::SKIP) && self.np_ending(j).is_none() {
                passive |= t.has(p, words::BE);
                auxiliary |= !t.has(p, words::BE);
                j = p;
                skipped += 1;
            } else if t.is_punct(p, ')') {
                match (p.saturating_sub(10)..p)
                    .rev()
                    .find(|&k| t.is_punct(k, '('))
                {
                    Some(k) => j = k,
                    None => break,
                }
                skipped += 1;
            } else {
                break;
            }
        }
        if passive && past {
            if t.lower(v + 1) == "by"
                && let Some(np) = self.np_starting(v + 2)
            {
                return Some(Intro::new(vec![np], via, frame, self.content_after(v + 2)));
            }
            return None;
        }
        let mut subject = self.np_ending(j);
        if subject.is_none() && j > 0 && (t.is_punct(j - 1, ',') || t.is_punct(j - 1, '—')) {
            let mark = if t.is_punct(j - 1, ',') { ',' } else { '—' };
            // "Ukraine's envoy to the U.S., Oksana Markarova, said": a person's name between
            // commas is the speaker; otherwise the phrase before the opening comma is
            // ("Sen. Angus King, a Maine independent, said").
            subject = self.np_ending(j - 1).filter(|&k| {
                let start = self.nps[k].toks.start;
                start > 0 && t.is_punct(start - 1, mark) && self.names_person(k, reg)
            });
            if subject.is_none() {
                subject = self.before_interruption(j - 1, mark);
            }
            if subject.is_none() {
                subject = self.np_ending(j - 1).filter(|&k| {
                    let start = self.nps[k].toks.start;
                    start > 0 && t.is_punct(start - 1, mark)
                });
            }
        }
        // "Rep. Jane Roe of Georgia wrote": the person, not the place.
        if let Some(k) = subject {
            let start = self.nps[k].toks.start;
            if start > 0
                && matches!(t.lower(start - 1), "of" | "from")
                && let Some(head) = self.np_ending(start - 1)
                && self.names_person(head, reg)
            {
                subject = Some(head);
            }
        }
        let first = subject?;
        let mut subjects = vec![first];
        let mut start = self.nps[first].toks.start;
        // "France and Germany said", "France, Spain and Italy said"; a comma alone is an
        // appositive, not a list.
        let mut listed = false;
        while start >= 2 && (t.lower(start - 1) == "and" || (listed && t.is_punct(start - 1, ',')))
        {
            listed = true;
            match self.np_ending(start - 1) {
                Some(k) => {
                    subjects.push(k);
                    start = self.nps[k].toks.start;
                }
                None => break,
            }
        }
        subjects.reverse();
        if base && !auxiliary && subjects.len() < 2 && !self.plural(first) {
            return None;
        }
        let tag = start > 0
            && (t.is_punct(start - 1, ',')
                || t.is_quote_mark(start - 1)
                || t.is_punct(start - 1, '—'))
            && class == VerbClass::Speech;
        let content = if tag {
            0..start - 1
        } else {
            self.content_after(v + 1)
        };
        Some(Intro::new(subjects, via, frame, content))
    }

    /// The speaker before an interruption that closes with `mark` at `close`. A relative
    /// clause opens at the comma before "who", "which", "whose" ("The Cotton Council, which
    /// represents growers, ginners and merchants, said"), and a party-and-state tag may sit
    /// between the name and it ("Rep. Tom Hale, R-Texas, who chairs the panel, said");
    /// otherwise the nearest comma opens the interruption ("Sen. Angus King, a Maine
    /// independent, said").
    fn before_interruption(&self, close: usize, mark: char) -> Option<usize> {
        let t = self.t;
        let marks: Vec<usize> = (close.saturating_sub(24)..close)
            .rev()
            .take_while(|&k| !t.is_punct(k, ';') && !t.is_quote_mark(k))
            .filter(|&k| t.is_punct(k, mark))
            .collect();
        let relative = marks
            .iter()
            .position(|&k| matches!(t.lower(k + 1), "who" | "which" | "whose" | "whom"));
        if let Some(r) = relative {
            let k = marks[r];
            return self.np_ending(k).or_else(|| {
                let before = *marks.get(r + 1)?;
                self.party_tag(before + 1, k)
                    .then(|| self.np_ending(before))
                    .flatten()
            });
        }
        marks.first().and_then(|&k| self.np_ending(k))
    }

    /// True when tokens `a..b` are a U.S. party-and-state tag ("R-Texas", "D-N.Y.").
    fn party_tag(&self, a: usize, b: usize) -> bool {
        let t = self.t;
        let first = t.toks.get(a).map_or("", |tok| tok.span.text(self.text));
        let party = ["D", "R", "I"]
            .iter()
            .any(|p| first == *p || first.strip_prefix(p).is_some_and(|r| r.starts_with('-')));
        party
            && b > a
            && b - a <= 8
            && (a..b).all(|k| t.is_cap(k) || t.is_punct(k, '-') || t.is_punct(k, '.'))
    }

    /// True when a subject starting at token `s` is the subject of the reported clause
    /// `content`, not of a clause inside it ("said the rules the government proposed ..."):
    /// it opens the clause, perhaps after adverbs, days, "that" or "whether" ("said on
    /// Monday that the government had ..."), or a second "and that" clause.
    fn heads_clause(&self, content: &Range<usize>, s: usize) -> bool {
        let t = self.t;
        if s < content.start {
            return false;
        }
        let lead = content.start..s;
        let light = |k: usize| {
            !t.is_word(k) || t.has(k, words::SKIP) || matches!(t.lower(k), "that" | "whether")
        };
        let after_that = s > 0 && t.lower(s - 1) == "that";
        lead.clone().all(light)
            || (after_that && s - content.start <= 6)
            || (after_that && s >= 2 && matches!(t.lower(s - 2), "and" | "but" | ","))
    }

    /// The clause reported after a verb ending at `from` (past "that" and the audience of
    /// "told reporters that").
    fn content_after(&self, from: usize) -> Range<usize> {
        from..self.clause_end(from)
    }

    /// True when a noun phrase names a person by name.
    fn names_person(&self, np: usize, reg: &Registry) -> bool {
        match &self.nps[np].target {
            Target::Entity(id) => reg.entities[*id].kind == super::ActorKind::Person,
            Target::Pending(p) => p.person_keys.is_some(),
            _ => false,
        }
    }

    /// True when the verb at `v` is followed by its particle (`walked out`), or, for a verb
    /// that needs a stance noun, by one within a short object (`took a far harder line`).
    fn particle_follows(&self, v: usize, particle: &str) -> bool {
        let t = self.t;
        if particle != words::STANCE_OBJECT {
            return t.lower(v + 1) == particle;
        }
        (v + 1..(v + 5).min(t.len()))
            .take_while(|&k| t.is_word(k))
            .any(|k| words::is_stance_noun(t.lower(k)))
    }

    /// True when a noun phrase names a group (so a bare verb form agrees with it).
    fn plural(&self, np: usize) -> bool {
        let t = self.t;
        let last = self.nps[np].toks.end.saturating_sub(1);
        match &self.nps[np].target {
            Target::Pronoun(p) => *p == super::entities::Pronoun::They,
            _ => {
                let l = t.lower(last);
                t.has(last, words::COLLECTIVE) || (l.ends_with('s') && !l.ends_with("ss"))
            }
        }
    }

    /// "The minister was blunt: ...": a sentence-initial actor, a short clause with a light
    /// verb, a colon, and the statement.
    fn colon(&self, text: &str, reg: &mut Registry, quotes: &[Span]) -> Option<Found> {
        let t = self.t;
        let c = (0..t.len()).find(|&k| t.is_punct(k, ':') && !t.toks[k].in_quote)?;
        let np = self.nps.iter().position(|np| np.toks.start <= 1)?;
        let end = self.nps[np].toks.end;
        if end >= c || c - end > 7 {
            return None;
        }
        let between = end..c;
        if !between.clone().any(|k| t.has(k, words::LIGHT))
            || between
                .clone()
                .any(|k| t.verb(k).is_some() && !t.has(k, words::LIGHT))
        {
            return None;
        }
        let after = t.span(c + 1, t.len());
        if after.is_empty() || !after.text(text).chars().any(char::is_alphanumeric) {
            return None;
        }
        let span = quotes
            .iter()
            .find(|q| q.start >= after.start && q.start <= after.start + 4)
            .copied()
            .unwrap_or(after);
        let actor = resolve(&self.nps[np], reg, None)?;
        reg.note_subject(actor);
        Some(Found {
            actor,
            kind: AttributionKind::Colon,
            relayed_by: None,
            span: Some(span),
        })
    }
}
