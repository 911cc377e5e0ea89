//! Actor mentions in one sentence: names, titled names, descriptions and pronouns.
//!
//! One left-to-right pass over the sentence's tokens finds noun phrases that may name an
//! actor, in this order of preference at each token:
//!
//! 1. pronouns ("he", "its spokesman");
//! 2. lexicon aliases, longest first, unless they sit inside a longer capitalised name
//!    ("George Washington University" is not Washington);
//! 3. phrases opened by a determiner: a title standing alone ("the foreign minister"), an
//!    organisation referred back to ("the ministry"), an unnamed source ("a senior official
//!    familiar with the talks");
//! 4. group nouns with their modifiers ("European diplomats", "two officials who spoke on
//!    condition of anonymity");
//! 5. titles and roles before a capitalised name ("Kremlin spokesman Dmitry Peskov",
//!    "Sen. Angus King");
//! 6. other capitalised sequences: organisation names ("the Farmers' Union", "Ministry of
//!    Defence", "Board of Control for Cricket in India": a run goes on across "of", "for",
//!    "in", "and" when it names an organisation, see `Detect::continues`), full names,
//!    surnames of people already met.
//!
//! Names that certainly denote an actor (lexicon, titled names, multi-word capitalised
//! names) are entered in the [`Registry`] at once; vaguer phrases (a lone capitalised word, a
//! group noun, a pronoun) are returned as pending and become actors only when the attribution
//! stage finds them making a statement.

use std::ops::Range;

use super::ActorKind;
use super::entities::{EntityId, Pronoun, Registry, role_gender};
use super::lexicon::Lexicon;
use super::tokens::{Kind, Tokens};
use super::words;
use crate::text::Span;

/// What a noun phrase refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// An actor already in the registry.
    Entity(EntityId),
    /// An actor to create if the phrase turns out to be a speaker.
    Pending(Pending),
    /// A pronoun, resolved when it is a speaker.
    Pronoun(Pronoun),
    /// A news outlet: recognised, never a stance holder.
    Media,
}

/// An actor described by a phrase but not yet registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pending {
    pub name: String,
    pub key: String,
    pub kind: ActorKind,
    /// Single-word person names are registered through the person index.
    pub person_keys: Option<Vec<String>>,
    /// Role (head and full) of an unresolved title ("the minister").
    pub role: Option<(String, String)>,
}

/// A noun phrase that may name an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Np {
    /// Tokens of the whole phrase (determiner, title, modifiers, relative clause).
    pub toks: Range<usize>,
    /// The words that name the actor (recorded as the mention, masked by the classifier).
    pub name: Span,
    pub target: Target,
}

/// Finds the noun phrases of a tokenised sentence, in text order.
pub(crate) fn detect(text: &str, t: &Tokens, lex: &Lexicon, reg: &mut Registry) -> Vec<Np> {
    let mut d = Detect {
        text,
        t,
        lex,
        reg,
        nps: Vec::new(),
    };
    d.run();
    d.merge_spokespeople();
    d.nps
}

struct Detect<'a> {
    text: &'a str,
    t: &'a Tokens,
    lex: &'a Lexicon,
    reg: &'a mut Registry,
    nps: Vec<Np>,
}

/// Participles by which a body is described through the people it stands for.
const REPRESENTS: &[&str] = &["representing", "organising", "organizing"];

/// Longest name (in tokens) after a title, and longest capitalised run considered.
const MAX_NAME: usize = 6;
const MAX_RUN: usize = 10;

impl Detect<'_> {
    fn run(&mut self) {
        let n = self.t.len();
        let mut i = 0;
        while i < n {
            if !self.t.is_word(i) || self.t.toks[i].in_quote {
                i += 1;
                continue;
            }
            let lw = self.t.lower(i);
            let class = self.t.class(i);
            let cap = self.t.is_cap(i);
            let next = self
                .pronoun(i)
                .or_else(|| self.lexicon(i))
                .or_else(|| {
                    matches!(lw, "the" | "a" | "an" | "one" | "another")
                        .then(|| self.determined(i))
                        .flatten()
                })
                .or_else(|| {
                    (class & words::COLLECTIVE != 0)
                        .then(|| self.group(i))
                        .flatten()
                })
                .or_else(|| {
                    (class & words::ROLE != 0 && !cap && self.name_follows(i + 1))
                        .then(|| self.titled(i, i, i + 1))
                })
                .or_else(|| {
                    (cap && class & words::STOP == 0 && (0..i).all(|k| !self.t.is_word(k)))
                        .then(|| self.initial_group(i))
                        .flatten()
                })
                .or_else(|| (cap && class & words::STOP == 0).then(|| self.capitalised(i)));
            i = next.unwrap_or(i + 1).max(i + 1);
        }
    }

    fn push(&mut self, toks: Range<usize>, name: Span, target: Target) {
        if let Target::Entity(id) = target {
            self.reg.mention(id, name, false);
        }
        self.nps.push(Np { toks, name, target });
    }

    /// Lowercase text of tokens `a..b` joined by single spaces (words only).
    fn phrase(&self, a: usize, b: usize) -> String {
        let mut out = String::new();
        for k in a..b {
            if self.t.is_word(k) || self.t.toks.get(k).is_some_and(|t| t.kind == Kind::Number) {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(self.t.lower(k));
            } else if self.t.toks.get(k).is_some_and(|t| t.kind == Kind::Poss) {
                out.push_str("'s");
            }
        }
        out
    }

    /// True when a capitalised name can start at token `j`.
    fn name_follows(&self, j: usize) -> bool {
        self.t.is_cap(j) && !self.t.has(j, words::STOP)
    }

    /// The end of the capitalised words from `k` (at most [`MAX_NAME`]).
    fn cap_segment(&self, k: usize) -> usize {
        let mut e = k;
        while e < self.t.len() && e - k < MAX_NAME && self.name_follows(e) {
            e += 1;
        }
        e
    }

    /// True when tokens `a..b` are exactly one lexicon alias.
    fn lexicon_exact(&self, a: usize, b: usize) -> bool {
        self.lex
            .longest_match(self.t, self.text, a, b)
            .is_some_and(|(len, _)| a + len == b)
    }

    /// Where a capitalised name run `start..j` goes on across a lowercase connector at `j`
    /// ("Board of Control for Cricket in India", "Competition and Consumer Commission",
    /// "Alliance for a Sovereign Switzerland", "Parents for Safe Tech"): the index of the next
    /// capitalised word, or `None` when the run ends at `j`. Two known names joined by a
    /// connector ("Kyiv and Moscow") stay apart.
    fn continues(&self, start: usize, j: usize) -> Option<usize> {
        let t = self.t;
        let conn = t.lower(j);
        let and = conn == "and" || t.is_punct(j, '&');
        if !(and || matches!(conn, "of" | "for" | "in")) || j <= start {
            return None;
        }
        let mut k = j + 1;
        let article = conn != "in" && matches!(t.lower(k), "the" | "a" | "an") && !t.is_cap(k);
        if article {
            k += 1;
        }
        // Right after a lowercase article a capitalised word can only be a name, even one
        // that opens sentences as an adverb: "Educators for a Just Contract".
        let stop_in_name = article && t.is_cap(k) && t.has(k, words::STOP);
        if !(self.name_follows(k) || stop_in_name) || t.has(k, words::ROLE) {
            return None;
        }
        let right_end = if stop_in_name {
            self.cap_segment(k + 1)
        } else {
            self.cap_segment(k)
        };
        let right_lex = self.lexicon_exact(k, right_end);
        if right_lex && self.lexicon_exact(start, j) {
            return None;
        }
        let org_left = (start..j).any(|m| t.is_cap(m) && t.has(m, words::ORG_SUFFIX));
        let connected = (start..j).any(|m| t.is_word(m) && !t.is_cap(m));
        let ok = if and {
            org_left || t.has(right_end - 1, words::ORG_SUFFIX)
        } else if conn == "in" {
            // Missions are named by their seat: "the U.S. Embassy in Bogota".
            let seated = matches!(t.lower(j - 1), "embassy" | "consulate" | "mission");
            org_left && (connected || !right_lex || seated)
        } else {
            // "Parents for Safe Tech", "Educators for Clean Water": people for a cause.
            org_left
                || (conn == "for"
                    && j == start + 1
                    && (t.has(start, words::COLLECTIVE) || is_plural(t.lower(start)))
                    && !right_lex)
        };
        // The caller's run does not take a stop word, so step over it here.
        ok.then_some(if stop_in_name { k + 1 } else { k })
    }

    /// "he", "she", "it", "they", or "his/her/its/their" + office-like noun.
    fn pronoun(&mut self, i: usize) -> Option<usize> {
        let (p, possessive) = match self.t.lower(i) {
            "he" => (Pronoun::He, false),
            "she" => (Pronoun::She, false),
            "it" => (Pronoun::It, false),
            "they" => (Pronoun::They, false),
            "his" => (Pronoun::He, true),
            "her" => (Pronoun::She, true),
            "its" => (Pronoun::It, true),
            "their" => (Pronoun::They, true),
            _ => return None,
        };
        let end = if possessive {
            self.head_after(i + 1, words::POSS_HEAD)?
        } else {
            i + 1
        };
        let name = self.t.toks[i].span;
        self.push(i..end, name, Target::Pronoun(p));
        Some(end)
    }

    /// The end of a lowercase noun of class `bit` within two modifiers from `j`, unless a
    /// name follows it (then the noun is a title, not the head).
    fn head_after(&self, j: usize, bit: u32) -> Option<usize> {
        for k in j..(j + 3).min(self.t.len()) {
            if !self.t.is_word(k) || self.t.is_cap(k) {
                return None;
            }
            if self.t.has(k, bit) {
                return (!self.name_follows(k + 1)).then_some(k + 1);
            }
            if self.t.has(k, words::STOP) || self.t.verb(k).is_some_and(|v| !v.base) {
                return None;
            }
        }
        None
    }

    /// Extends a phrase ending at `end` over a possessive and an office-like noun
    /// ("Zelenskyy's office").
    fn possessive(&self, end: usize) -> usize {
        if self.t.toks.get(end).is_some_and(|t| t.kind == Kind::Poss) {
            self.head_after(end + 1, words::POSS_HEAD).unwrap_or(end)
        } else {
            end
        }
    }

    /// True when token `j` is a possessive followed by a capitalised organisation suffix
    /// ("Farmers' Union", "People's Party").
    fn poss_org_follows(&self, j: usize) -> bool {
        self.t.toks.get(j).is_some_and(|t| t.kind == Kind::Poss)
            && self.t.is_cap(j + 1)
            && self.t.has(j + 1, words::ORG_SUFFIX)
    }

    /// When token `j` is a possessive that opens the name of a body of its own ("Kenya's
    /// cabinet", "Lisbon's city council", "Royal Thai Army's 2nd Army Region", "Cricketers'
    /// Associations"): the end of that body's head noun. A person, a title or an office after
    /// the possessive ("the Union's Kaja Kallas", "Zelenskyy's office") is not a body.
    fn sub_body(&self, j: usize) -> Option<usize> {
        let t = self.t;
        if t.toks.get(j).is_none_or(|tok| tok.kind != Kind::Poss) {
            return None;
        }
        for k in j + 1..(j + 5).min(t.len()) {
            let tok = &t.toks[k];
            if tok.kind == Kind::Number {
                continue;
            }
            if !t.is_word(k) || t.has(k, words::STOP | words::ROLE) || t.verb(k).is_some() {
                return None;
            }
            let l = t.lower(k);
            let body = t.has(k, words::SUB_BODY)
                || l.strip_suffix('s')
                    .is_some_and(|one| words::lookup(one).0 & words::SUB_BODY != 0);
            if body {
                let titled = t.is_word(k + 1) && t.has(k + 1, words::ROLE);
                let named = t.is_cap(k + 1) && !t.has(k + 1, words::STOP);
                return (!titled && !named).then_some(k + 1);
            }
        }
        None
    }

    /// Pushes the body named by tokens `a..b` through a possessive (see [`Self::sub_body`]);
    /// a government's body is a government.
    fn push_sub_body(&mut self, a: usize, b: usize, of_government: bool) -> usize {
        let t = self.t;
        let private = matches!(
            t.lower(b - 1),
            "union" | "party" | "league" | "club" | "federation" | "association" | "chamber"
        );
        let kind = if (of_government && !private) || t.has(b - 1, words::GOV_SUFFIX) {
            ActorKind::Government
        } else {
            ActorKind::Organization
        };
        let name = t.span(a, b);
        let key = self.phrase(a, b);
        let id = self.reg.named(name.text(self.text), &key, kind);
        self.push(a..b, name, Target::Entity(id));
        b
    }

    /// A lexicon alias at `i`.
    fn lexicon(&mut self, i: usize) -> Option<usize> {
        let n = self.t.len();
        let (len, entry) = self.lex.longest_match(self.t, self.text, i, n)?;
        let end = i + len;
        if self.embedded(i, end) {
            return None;
        }
        let e = self.lex.entry(entry)?;
        let name = self.t.span(i, end);
        if e.kind.is_none() {
            self.push(i..end, name, Target::Media);
            return Some(end);
        }
        if e.kind != Some(ActorKind::Person)
            && let Some(b) = self.sub_body(end)
        {
            return Some(self.push_sub_body(i, b, e.kind == Some(ActorKind::Government)));
        }
        let id = self.reg.lexicon_entity(entry, &e.name, e.kind);
        let stop = self.possessive(end);
        self.push(i..stop, name, Target::Entity(id));
        Some(stop)
    }

    /// True when tokens `i..end` are part of a longer capitalised name.
    fn embedded(&self, i: usize, end: usize) -> bool {
        let part_of_name = |k: usize| {
            self.t.is_cap(k)
                && !self.t.has(k, words::STOP | words::ROLE | words::ROLE_MOD)
                && !matches!(
                    self.t.lower(k),
                    "northern" | "southern" | "eastern" | "western" | "central" | "pro"
                )
        };
        (i > 0 && part_of_name(i - 1)) || part_of_name(end) || self.continues(i, end).is_some()
    }

    /// A phrase opened by "the", "a", "an", "one", "another" at `i`.
    fn determined(&mut self, i: usize) -> Option<usize> {
        let definite = self.t.lower(i) == "the";
        let n = self.t.len();
        for h in i + 1..(i + 5).min(n) {
            if !self.t.is_word(h) {
                return None;
            }
            let class = self.t.class(h);
            if class & (words::STOP | words::COLLECTIVE) != 0
                || self
                    .t
                    .verb(h)
                    .is_some_and(|v| !v.base && class & words::ROLE == 0)
            {
                return None;
            }
            let cap = self.t.is_cap(h);
            if class & words::ROLE != 0 {
                if self.name_follows(h + 1) {
                    return None;
                }
                if self.t.is_word(h + 1) && !self.t.is_cap(h + 1) && self.t.has(h + 1, words::ROLE)
                {
                    continue;
                }
                if let Some(end) = self.spokesperson(i, h) {
                    return Some(end);
                }
                return Some(if definite {
                    self.title_alone(i, h)
                } else {
                    self.anonymous(i, h)
                });
            }
            if !cap && definite && class & words::ORG_ANAPHOR != 0 {
                if (i + 1..h).any(|k| self.t.is_cap(k)) {
                    // "the Dutch government": a name of its own, not a reference back.
                    return self
                        .lexicon(i + 1)
                        .or_else(|| Some(self.described_org(i, h)));
                }
                return Some(self.org_anaphor(i, h));
            }
            if !cap && !definite && class & words::ANON != 0 {
                return Some(self.anonymous(i, h));
            }
        }
        None
    }

    /// "a German government spokesperson", "an ACCC spokesman": the spokesperson at `h`
    /// speaks for the organisation or government named before it, which becomes the actor
    /// (the whole phrase is recorded as its mention). `None` when no principal is named.
    fn spokesperson(&mut self, i: usize, h: usize) -> Option<usize> {
        let t = self.t;
        if words::role_name(t.lower(h)) != "spokesperson" {
            return None;
        }
        if t.lower(i) == "the" && i > 0 && t.is_punct(i - 1, ',') {
            // "Dmitry Peskov, the Kremlin spokesman, ...": an appositive to a person.
            return None;
        }
        let a = (i + 1..h).find(|&k| t.is_cap(k))?;
        let b = h;
        let fits = |k: usize| {
            t.is_word(k)
                && (t.is_cap(k)
                    || t.has(k, words::ROLE_MOD | words::ORG_ANAPHOR | words::ORG_SUFFIX))
        };
        if !(a..b).all(fits) || (a..b).any(|k| t.has(k, words::STOP)) {
            return None;
        }
        let raw = t.span(a, b).text(self.text);
        let lexicon = self
            .lex
            .longest_match(t, self.text, a, b)
            .filter(|&(len, _)| a + len == b)
            .and_then(|(_, entry)| Some((entry, self.lex.entry(entry)?)));
        let target = if let Some((entry, e)) = lexicon {
            let kind = e.kind?;
            if kind == ActorKind::Person {
                return None;
            }
            Target::Entity(self.reg.lexicon_entity(entry, &e.name, Some(kind)))
        } else {
            let org_head = t.has(b - 1, words::ORG_ANAPHOR | words::ORG_SUFFIX);
            let acronym = b == a + 1
                && raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && raw.chars().all(|c| !c.is_lowercase());
            if !org_head && !acronym {
                return None;
            }
            let kind = if t.has(b - 1, words::GOV_SUFFIX) {
                ActorKind::Government
            } else {
                ActorKind::Organization
            };
            let key = self.phrase(a, b);
            match self.described(&key, t.span(a, b), kind) {
                Target::Pending(mut p) => {
                    p.name = raw.to_string();
                    Target::Pending(p)
                }
                other => other,
            }
        };
        let name = t.span(i + 1, h + 1);
        let end = self.possessive(h + 1);
        self.push(i..end, name, target);
        Some(end)
    }

    /// "the [modifiers] minister": an appositive to the person just named, else the last
    /// person with that role, else a new person described by the title.
    fn title_alone(&mut self, i: usize, h: usize) -> usize {
        let head = words::role_name(self.t.lower(h)).to_string();
        let full = self.phrase(i + 1, h + 1);
        let name = self.t.span(i + 1, h + 1);
        let end = self.possessive(h + 1);
        let appositive = (i >= 1 && self.t.is_punct(i - 1, ','))
            .then(|| self.nps.last())
            .flatten()
            .filter(|np| np.toks.end + 1 == i)
            .and_then(|np| match np.target {
                Target::Entity(id) if self.reg.entities[id].kind == ActorKind::Person => Some(id),
                _ => None,
            });
        if let Some(id) = appositive {
            self.reg.add_role(id, &head, &full);
            if let Some(g) = role_gender(self.t.lower(h)) {
                self.reg.set_gender(id, g);
            }
        }
        let target = match appositive.or_else(|| self.reg.by_role(&head, &full)) {
            Some(id) => Target::Entity(id),
            None => Target::Pending(Pending {
                name: self.t.span(i, h + 1).text(self.text).to_string(),
                key: format!("the {full}"),
                kind: ActorKind::Person,
                person_keys: None,
                role: Some((head, full)),
            }),
        };
        self.push(i..end, name, target);
        end
    }

    /// "the ministry", "the union": the organisation referred back to.
    fn org_anaphor(&mut self, i: usize, h: usize) -> usize {
        let head = self.t.lower(h).to_string();
        let name = self.t.span(i + 1, h + 1);
        let end = self.possessive(h + 1);
        let found = self.reg.org_anaphor(&head).or_else(|| {
            // "the bloc", "the alliance": a lexicon alias for the bare noun.
            let (len, entry) = self.lex.longest_match(self.t, self.text, h, h + 1)?;
            let e = self.lex.entry(entry)?;
            (len == 1 && h == i + 1 && e.kind.is_some())
                .then(|| self.reg.lexicon_entity(entry, &e.name, e.kind))
        });
        let target = match found {
            Some(id) => Target::Entity(id),
            None => {
                let full = self.phrase(i, h + 1);
                let kind = if self.t.has(h, words::GOV_SUFFIX) {
                    ActorKind::Government
                } else {
                    ActorKind::Organization
                };
                Target::Pending(Pending {
                    name: self.t.span(i, h + 1).text(self.text).to_string(),
                    key: full,
                    kind,
                    person_keys: None,
                    role: None,
                })
            }
        };
        self.push(i..end, name, target);
        end
    }

    /// "the Dutch government", "the French farm ministry": an organisation described by a
    /// proper adjective and a head noun.
    fn described_org(&mut self, i: usize, h: usize) -> usize {
        let name = self.t.span(i + 1, h + 1);
        let key = self.phrase(i + 1, h + 1);
        let kind = if self.t.has(h, words::GOV_SUFFIX) {
            ActorKind::Government
        } else {
            ActorKind::Organization
        };
        let target = self.described(&key, name, kind);
        let end = self.possessive(h + 1);
        self.push(i..end, name, target);
        end
    }

    /// "a senior official familiar with the talks": an unnamed source.
    fn anonymous(&mut self, i: usize, h: usize) -> usize {
        let (end, _) = self.anonymity(h + 1);
        let name = self.t.span(i + 1, end);
        let key = self.phrase(i + 1, end);
        let target = self.described(&key, name, ActorKind::Anonymous);
        self.push(i..end, name, target);
        end
    }

    /// An existing actor described by `key`, or a pending one.
    fn described(&self, key: &str, name: Span, kind: ActorKind) -> Target {
        match self.reg.find_named(key) {
            Some(id) => Target::Entity(id),
            None => Target::Pending(Pending {
                name: name.text(self.text).to_string(),
                key: key.to_string(),
                kind,
                person_keys: None,
                role: None,
            }),
        }
    }

    /// A source-describing tail after a noun at `j` ("familiar with the matter", "who spoke
    /// on condition of anonymity"): where it ends, and whether there was one.
    fn anonymity(&self, j: usize) -> (usize, bool) {
        let t = self.t;
        let n = t.len();
        let l = |k: usize| t.lower(k);
        let lead = match (l(j), l(j + 1), l(j + 2)) {
            ("familiar", "with", _)
            | ("close", "to", _)
            | ("briefed", "on", _)
            | ("knowledgeable", "about", _)
            | ("involved", "in", _)
            | ("privy", "to", _)
            | ("aware", "of", _) => 2,
            ("with", "knowledge", "of") | ("with", "direct", "knowledge") => 3,
            _ => 0,
        };
        if lead > 0 {
            let mut k = j + lead;
            let stop = (k + 6).min(n);
            while k < stop {
                let tok_ok = t.is_word(k) || t.toks[k].kind == Kind::Poss;
                let lk = l(k);
                if !tok_ok
                    || t.verb(k).is_some_and(|v| !v.base)
                    || matches!(
                        lk,
                        "and" | "but" | "who" | "which" | "that" | "said" | "says"
                    )
                {
                    break;
                }
                k += 1;
            }
            return (k, true);
        }
        if matches!(l(j), "who" | "that" | "speaking" | "talking") {
            for k in j + 1..(j + 10).min(n) {
                if !t.is_word(k) {
                    break;
                }
                if matches!(
                    l(k),
                    "anonymity" | "named" | "identified" | "publicly" | "record" | "anonymous"
                ) {
                    return (k + 1, true);
                }
            }
        }
        (j, false)
    }

    /// A group noun at `h` with its modifiers before and source description after.
    fn group(&mut self, h: usize) -> Option<usize> {
        let t = self.t;
        let mut s = h;
        while s > 0 && h - s < 4 {
            let p = s - 1;
            if t.is_word(p) {
                if t.has(p, words::STOP) || t.verb(p).is_some_and(|v| !v.base) {
                    break;
                }
                s = p;
            } else if t.toks[p].kind == Kind::Poss && p > 0 && t.is_word(p - 1) {
                s = p;
            } else {
                break;
            }
        }
        // "the union representing Maple Air's pilots": the group is described by whom a
        // body represents, and that body is the actor.
        let represented_by = (s.saturating_sub(3)..h)
            .find(|&q| {
                q > 0
                    && t.is_word(q)
                    && !t.is_cap(q)
                    && REPRESENTS.contains(&t.lower(q))
                    && t.is_word(q - 1)
                    && t.has(
                        q - 1,
                        words::ORG_SUFFIX | words::ORG_ANAPHOR | words::COLLECTIVE,
                    )
                    && (q + 1..s).all(|k| t.has(k, words::DETQ))
            })
            .map(|q| q - 1);
        // "a coalition of tenant groups": the body made of the groups is the actor.
        let made_of = (s >= 2
            && t.lower(s - 1) == "of"
            && t.is_word(s - 2)
            && !t.is_cap(s - 2)
            && t.has(s - 2, words::ORG_SUFFIX)
            && t.has(s - 2, words::ORG_ANAPHOR))
        .then(|| s - 2);
        let body = represented_by.or(made_of);
        let body_is_org = body.is_some_and(|b| t.has(b, words::ORG_SUFFIX | words::ORG_ANAPHOR));
        let s = body.unwrap_or(s);
        let start = if s > 0 && (t.has(s - 1, words::DETQ) || t.toks[s - 1].kind == Kind::Number) {
            s - 1
        } else {
            s
        };
        if t.is_cap(h) && (self.poss_org_follows(h + 1) || self.continues(h, h + 1).is_some()) {
            return None;
        }
        let head = t.lower(h);
        let (end, marked) = self.anonymity(h + 1);
        let end = if marked { end } else { self.post_modifier(end) };
        if head == "people" && !marked {
            return None;
        }
        let kind = if marked || head == "sources" {
            ActorKind::Anonymous
        } else if body_is_org {
            ActorKind::Organization
        } else {
            ActorKind::Collective
        };
        while self.nps.last().is_some_and(|np| np.toks.start >= start) {
            self.nps.pop();
        }
        let name = t.span(s, end);
        let key = self.phrase(s, end);
        let mut target = self.described(&key, name, kind);
        if let Target::Pending(p) = &mut target
            && s == 0
            && t.is_cap(0)
            && t.class(0) != 0
        {
            // "Officials said": the capital is the sentence's, not the name's.
            p.name = lowercase_first(&p.name);
        }
        self.push(start..end, name, target);
        Some(end)
    }

    /// True when a finite verb follows at `k`, perhaps after an adverb or auxiliary.
    fn verb_follows(&self, k: usize) -> bool {
        let t = self.t;
        let mut v = k;
        while v < k + 2 && t.is_word(v) && t.has(v, words::SKIP) && t.verb(v).is_none() {
            v += 1;
        }
        t.is_word(v) && t.verb(v).is_some_and(|verb| !verb.base)
    }

    /// True when a relative clause opens at token `k` (", which", ", who", ", whose").
    fn relative_at(&self, k: usize) -> bool {
        self.t.is_punct(k, ',') && matches!(self.t.lower(k + 1), "who" | "which" | "whose")
    }

    /// Extends a group ending at `end` over a prepositional description up to its verb
    /// or relative clause ("analysts at Karachi brokerages said", "directors of several
    /// smaller tournaments, which ..."); `end` itself when neither follows it closely.
    fn post_modifier(&self, end: usize) -> usize {
        let t = self.t;
        if !matches!(
            t.lower(end),
            "at" | "of" | "from" | "in" | "with" | "for" | "across"
        ) {
            return end;
        }
        let mut k = end + 1;
        while k < t.len() && k - end <= 6 {
            let tok = &t.toks[k];
            if (t.is_word(k) && t.verb(k).is_some_and(|v| !v.base)) || self.relative_at(k) {
                break;
            }
            let fits = matches!(tok.kind, Kind::Number | Kind::Poss)
                || (t.is_word(k)
                    && (!t.has(k, words::STOP) || t.has(k, words::DETQ) || t.lower(k) == "and"));
            if !fits {
                return end;
            }
            k += 1;
        }
        // "attendants at Maple Air overwhelmingly rejected": the adverb is the verb's.
        while k > end + 1 && t.is_word(k - 1) && t.has(k - 1, words::SKIP) {
            k -= 1;
        }
        // "... from eviction and urged": a verb after "and" is coordinated with the
        // sentence's own verb, and the noun before it is an object, not this group.
        if k > end + 1
            && !matches!(t.lower(k - 1), "and" | "or")
            && (self.verb_follows(k) || self.relative_at(k))
        {
            k
        } else {
            end
        }
    }

    /// A plural noun opening the sentence that is no listed group noun ("Directors of
    /// several smaller tournaments said", "Flight attendants at Maple Air voted"): a
    /// collective, when a verb follows its description.
    fn initial_group(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let mut h = i;
        while h + 1 < t.len()
            && h + 1 - i < 3
            && t.is_word(h + 1)
            && !t.is_cap(h + 1)
            && !t.has(h + 1, words::STOP | words::SKIP)
            && t.verb(h + 1).is_none()
        {
            h += 1;
        }
        let head = t.lower(h);
        if !is_plural(head)
            || (h == i && self.continues(i, i + 1).is_some())
            || t.has(h, words::COLLECTIVE)
            || NOT_PEOPLE.contains(&head)
            || self.lex.longest_match(t, self.text, i, h + 1).is_some()
            || self.reg.find_person(&[t.key(i)]).is_some()
            || self.reg.find_named(t.lower(i)).is_some()
        {
            return None;
        }
        let end = self.post_modifier(h + 1);
        // "Directors of smaller tournaments, which would lose points, came out against it".
        if !self.verb_follows(end) && !self.relative_at(end) {
            return None;
        }
        let name = t.span(i, end);
        let key = self.phrase(i, end);
        let mut target = self.described(&key, name, ActorKind::Collective);
        if let Target::Pending(p) = &mut target {
            p.name = lowercase_first(&p.name);
        }
        self.push(i..end, name, target);
        Some(end)
    }

    /// The end of a capitalised name starting at `j` (initials, particles, hyphens).
    fn name_end(&self, j: usize) -> usize {
        let t = self.t;
        let mut k = j;
        while k < t.len() && k - j < MAX_NAME {
            if t.is_cap(k) && (k == j || !t.has(k, words::STOP)) {
                k += 1;
                let initial = t.toks[k - 1].span.len() == 1;
                if initial && t.is_punct(k, '.') {
                    k += 1;
                }
            } else if t.is_word(k) && t.has(k, words::PARTICLE) && t.is_cap(k + 1) {
                k += 1;
            } else {
                break;
            }
        }
        k
    }

    /// The end of a U.S. party-and-state tag starting at `i` ("D-Ohio", "R-Texas", "I-Maine"),
    /// which names a lawmaker's affiliation, never an actor.
    fn party_tag_end(&self, i: usize) -> Option<usize> {
        let t = self.t;
        let text = t.toks[i].span.text(self.text);
        let party = |s: &str| matches!(s, "D" | "R" | "I");
        let place_follows = |rest: &str| rest.chars().next().is_some_and(char::is_uppercase);
        if let Some((p, rest)) = text.split_once('-') {
            // One token: "R-Texas".
            return (party(p) && place_follows(rest)).then_some(i + 1);
        }
        // Three tokens: "R", "-", "Texas".
        let dash = |k: usize| t.is_punct(k, '-') || t.is_punct(k, '\u{2013}');
        (party(text) && i + 2 < t.len() && dash(i + 1) && t.is_cap(i + 2))
            .then(|| self.name_end(i + 2))
    }

    /// Extends the capitalised run `i..j` across connectors inside one organisation's name:
    /// "Competition and Consumer Commission", "Department of Employment and Labour",
    /// "Board of Control for Cricket". A connector joins when the next capitalised run ends in
    /// an organisation suffix, or (for "and") when the name already runs through "of"/"for";
    /// "Kyiv and Moscow" and "the Commission and NATO" stay two names.
    fn connected_name_end(&self, i: usize, mut j: usize) -> usize {
        let t = self.t;
        let mut through_of = false;
        while j + 1 < t.len() && j - i < MAX_RUN {
            let connector = if t.is_punct(j, '&') {
                "&"
            } else if t.is_word(j) {
                t.lower(j)
            } else {
                break;
            };
            if !matches!(connector, "and" | "of" | "for" | "&")
                || !t.is_cap(j + 1)
                || t.has(j + 1, words::STOP)
            {
                break;
            }
            let end = self.name_end(j + 1);
            if end <= j + 1 || (j + 1..end).any(|k| t.has(k, words::ROLE)) {
                break;
            }
            let suffix_ends = t.has(end - 1, words::ORG_SUFFIX);
            let of_name =
                matches!(connector, "of" | "for") && (i..j).any(|k| t.has(k, words::ORG_SUFFIX));
            if !(suffix_ends || of_name || (connector == "and" && through_of)) {
                break;
            }
            through_of |= matches!(connector, "of" | "for");
            j = end;
        }
        j
    }

    /// True when the run `i..end` is a common noun (one the article also writes in
    /// lowercase) before a place or government of the lexicon: "Cricket Australia", "Hockey
    /// Canada" name organisations, not people.
    fn common_noun_and_place(&self, i: usize, end: usize) -> bool {
        let t = self.t;
        let place = (i + 1..end).any(|k| {
            self.lex
                .longest_match(t, self.text, k, end)
                .filter(|&(len, _)| k + len == end)
                .and_then(|(_, entry)| self.lex.entry(entry))
                .is_some_and(|e| e.kind == Some(ActorKind::Government))
        });
        place && occurs_in_lowercase(self.text, t.lower(i))
    }

    /// A titled name: title words `title_start..=role`, the name from `name_start`.
    fn titled(&mut self, title_start: usize, role: usize, name_start: usize) -> usize {
        let name_start = if self.t.is_punct(name_start, '.') {
            name_start + 1
        } else {
            name_start
        };
        let name_end = self.name_end(name_start);
        if name_end == name_start {
            return role + 1;
        }
        self.named_spokesperson(title_start, role, name_start, name_end)
            .unwrap_or_else(|| self.person(title_start, Some(role), name_start, name_end))
    }

    /// The organisation or government an actor-naming phrase `np` stands for, registered.
    fn principal(&mut self, np: &Np) -> Option<EntityId> {
        match &np.target {
            Target::Entity(id) => {
                let e = &self.reg.entities[*id];
                (e.kind != ActorKind::Person && !e.media).then_some(*id)
            }
            Target::Pending(p)
                if p.person_keys.is_none()
                    && matches!(p.kind, ActorKind::Organization | ActorKind::Government) =>
            {
                let id = self.reg.named(&p.name, &p.key, p.kind);
                self.reg.mention(id, np.name, false);
                Some(id)
            }
            _ => None,
        }
    }

    /// "Commission spokesperson Anna Berg": a spokesperson named right after the
    /// organisation they speak for gives their statements to it; their name (and surname)
    /// become its aliases. A spokesperson known in the lexicon as a person ("Kremlin
    /// spokesman Dmitry Peskov") keeps a stance of their own.
    fn named_spokesperson(
        &mut self,
        title_start: usize,
        role: usize,
        a: usize,
        b: usize,
    ) -> Option<usize> {
        let t = self.t;
        if words::role_name(t.lower(role)) != "spokesperson" {
            return None;
        }
        let prev = self.nps.last()?;
        let between_titles = (prev.toks.end..title_start)
            .all(|k| t.is_word(k) && !t.is_cap(k) && t.has(k, words::ROLE | words::ROLE_MOD));
        if prev.toks.end > title_start || !between_titles {
            return None;
        }
        let lexicon_person = (a..b).any(|s| {
            self.lex
                .longest_match(t, self.text, s, b)
                .and_then(|(len, entry)| Some((s + len == b, self.lex.entry(entry)?.kind)))
                .is_some_and(|(exact, kind)| exact && kind == Some(ActorKind::Person))
        });
        let keys: Vec<&str> = (a..b).filter(|&k| t.is_word(k)).map(|k| t.key(k)).collect();
        let known_person = self
            .reg
            .find_person(&keys)
            .is_some_and(|id| self.reg.entities[id].kind == ActorKind::Person);
        if lexicon_person || known_person {
            return None;
        }
        let prev = self.nps.pop()?;
        let Some(id) = self.principal(&prev) else {
            self.nps.push(prev);
            return None;
        };
        self.reg.speaks_for(id, &keys);
        self.reg.mention(id, t.span(a, b), false);
        let end = self.possessive(b);
        let whole = Span {
            start: prev.name.start,
            end: t.span(a, b).end,
        };
        self.push(prev.toks.start..end, whole, Target::Entity(id));
        Some(end)
    }

    /// "a spokesman for the Turkish foreign ministry": the unnamed spokesperson and the
    /// organisation after "for", "of" or "at" become one mention of the organisation.
    fn merge_spokespeople(&mut self) {
        let t = self.t;
        let mut k = 0;
        while k + 1 < self.nps.len() {
            let (a, b) = (&self.nps[k], &self.nps[k + 1]);
            let head = a.toks.end - 1;
            let spokesperson = t.is_word(head)
                && words::role_name(t.lower(head)) == "spokesperson"
                && matches!(&a.target, Target::Pending(p) if p.person_keys.is_none());
            let mut c = a.toks.end;
            let linked = matches!(t.lower(c), "for" | "of" | "at");
            c += 1;
            if t.lower(c) == "the" && b.toks.start != c {
                c += 1;
            }
            if !(spokesperson && linked && b.toks.start == c) {
                k += 1;
                continue;
            }
            let b = b.clone();
            let Some(id) = self.principal(&b) else {
                k += 1;
                continue;
            };
            let a = &self.nps[k];
            let whole = Span {
                start: a.name.start,
                end: b.name.end,
            };
            let toks = a.toks.start..b.toks.end;
            self.reg.mention(id, whole, false);
            self.nps[k] = Np {
                toks,
                name: whole,
                target: Target::Entity(id),
            };
            self.nps.remove(k + 1);
            k += 1;
        }
    }

    /// Registers a person named by tokens `a..b` (with an optional title) and pushes it.
    fn person(&mut self, title_start: usize, role: Option<usize>, a: usize, b: usize) -> usize {
        let t = self.t;
        let keys: Vec<&str> = (a..b).filter(|&k| t.is_word(k)).map(|k| t.key(k)).collect();
        let name = t.span(a, b);
        let lexicon_person = |s: usize| {
            let (len, entry) = self.lex.longest_match(t, self.text, s, b)?;
            let e = self.lex.entry(entry)?;
            (s + len == b && e.kind == Some(ActorKind::Person)).then_some((entry, e))
        };
        let id = match lexicon_person(a).or_else(|| lexicon_person(b - 1)) {
            Some((entry, e)) => self.reg.lexicon_entity(entry, &e.name, e.kind),
            None => self.reg.person(name.text(self.text), &keys),
        };
        if let Some(r) = role {
            let lr = t.lower(r);
            if let Some(g) = role_gender(lr) {
                self.reg.set_gender(id, g);
            }
            if words::is_courtesy(lr) {
                self.reg.entities[id].confirmed = true;
            } else {
                let full: Vec<&str> = (title_start..=r)
                    .filter(|&k| t.is_word(k))
                    .map(|k| words::role_name(t.lower(k)))
                    .collect();
                self.reg.add_role(id, words::role_name(lr), &full.join(" "));
            }
        }
        let end = self.possessive(b);
        self.push(title_start..end, name, Target::Entity(id));
        end
    }

    /// A capitalised sequence at `i`.
    fn capitalised(&mut self, i: usize) -> usize {
        let t = self.t;
        let n = t.len();
        if let Some(end) = self.party_tag_end(i) {
            return end;
        }
        let mut j = i;
        while j < n && j - i < MAX_RUN {
            if t.is_cap(j) && (j == i || !t.has(j, words::STOP)) {
                j += 1;
                let abbreviation = t.toks[j - 1].span.len() == 1 || t.has(j - 1, words::ROLE);
                if abbreviation && t.is_punct(j, '.') {
                    j += 1;
                }
            } else if j > i
                && ((t.is_word(j) && t.has(j, words::PARTICLE) && t.is_cap(j + 1))
                    || self.poss_org_follows(j))
            {
                j += 1;
            } else if let Some(k) = self.continues(i, j).filter(|&k| k - i < MAX_RUN) {
                j = k;
            } else {
                break;
            }
        }
        j = self.connected_name_end(i, j);
        if !(i..j).any(|k| t.is_word(k) && t.has(k, words::ROLE))
            && let Some(b) = self.sub_body(j)
        {
            return self.push_sub_body(i, b, false);
        }
        // A title inside the run, followed by a name: "Russian President Vladimir Putin".
        for r in i..j {
            if !t.is_word(r) || !t.has(r, words::ROLE) {
                continue;
            }
            let mut s = r + 1;
            let mut last_role = r;
            while s < j && (t.is_punct(s, '.') || t.has(s, words::ROLE | words::ROLE_MOD)) {
                if t.is_word(s) && t.has(s, words::ROLE) {
                    last_role = s;
                }
                s += 1;
            }
            if s < j {
                return self.person(i, Some(last_role), s, self.name_end(s));
            }
        }
        let last = self.t.lower(j - 1);
        // "Secretary of State Marco Rubio": the name is the last two words after "of".
        if t.has(j - 1, words::ROLE) && matches!(t.lower(j), "of" | "for") {
            let e = self.name_end(j + 1);
            if e >= j + 4 {
                return self.person(i, Some(j - 1), e - 2, e);
            }
        }
        if t.has(j - 1, words::ROLE) {
            // A capitalised title on its own: "Prime Minister said".
            let head = words::role_name(last).to_string();
            let full = self.phrase(i, j);
            let name = t.span(i, j);
            let target = match self.reg.by_role(&head, &full) {
                Some(id) => Target::Entity(id),
                None => return j,
            };
            let end = self.possessive(j);
            self.push(i..end, name, target);
            return end;
        }
        let mut end = j;
        let mut suffix = t.has(j - 1, words::ORG_SUFFIX).then_some(j - 1);
        if suffix.is_some() && matches!(t.lower(j), "of" | "for") && self.name_follows(j + 1) {
            end = self.name_end(j + 1);
        }
        // A run joined across a connector is an organisation's name.
        let connected = (i..j).any(|k| t.is_word(k) && !t.is_cap(k) && !t.has(k, words::PARTICLE));
        if suffix.is_none() {
            suffix = (i..j).find(|&k| t.has(k, words::ORG_SUFFIX) && (k > i || connected));
            if suffix.is_some() && j - i < 2 {
                suffix = None;
            }
            if connected {
                suffix = suffix.or(Some(i));
            }
        }
        // "Department of Employment and Labour": a leading suffix word heads an "of" name.
        if suffix.is_none()
            && t.has(i, words::ORG_SUFFIX)
            && (i + 1..end).any(|k| t.is_word(k) && matches!(t.lower(k), "of" | "for"))
        {
            suffix = Some(i);
        }
        let name = t.span(i, end);
        let words_in_run = (i..end).filter(|&k| t.is_word(k)).count();
        let target = if let Some(sfx) = suffix {
            if words_in_run == 1 {
                match self.reg.org_anaphor(last) {
                    Some(id) => Target::Entity(id),
                    None => return end,
                }
            } else {
                let kind = if t.has(sfx, words::GOV_SUFFIX) {
                    ActorKind::Government
                } else {
                    ActorKind::Organization
                };
                let key = self.phrase(i, end);
                Target::Entity(self.reg.named(name.text(self.text), &key, kind))
            }
        } else if words_in_run >= 2 && t.has(end - 1, words::COLLECTIVE) {
            // "Senate Republicans", "House Democrats": a group, not a person.
            let key = self.phrase(i, end);
            Target::Entity(
                self.reg
                    .named(name.text(self.text), &key, ActorKind::Collective),
            )
        } else if words_in_run >= 2 {
            // "the Gulf States", "South America", "Latin America": places, not people.
            let place = (i > 0 && t.lower(i - 1) == "the")
                || matches!(
                    t.lower(i),
                    "north"
                        | "south"
                        | "east"
                        | "west"
                        | "northern"
                        | "southern"
                        | "eastern"
                        | "western"
                        | "central"
                        | "latin"
                        | "middle"
                        | "upper"
                        | "lower"
                );
            if place {
                return end;
            }
            if self.common_noun_and_place(i, end) {
                let key = self.phrase(i, end);
                Target::Entity(
                    self.reg
                        .named(name.text(self.text), &key, ActorKind::Organization),
                )
            } else {
                return self.person(i, None, i, end);
            }
        } else {
            let raw = name.text(self.text);
            let key = t.key(i);
            let acronym = raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && raw.chars().all(|c| !c.is_lowercase());
            match self
                .reg
                .find_person(&[key])
                .or_else(|| self.reg.find_named(t.lower(i)))
            {
                Some(id) => Target::Entity(id),
                // A lone unknown word is no person ("Barcelona"); it may be an organisation
                // ("Gazprom said") unless it is a place or a people ("Europe", "British"), or
                // opens the sentence, where any noun is capitalised ("Business said"), and
                // was neither met inside one before nor is unknown in lowercase to the
                // article (a name is capitalised wherever it occurs: "Solidarity said").
                None if !acronym => {
                    let lower = t.lower(i);
                    let initial = (0..i).all(|k| !t.is_word(k));
                    let place = (i > 0 && t.lower(i - 1) == "the") || is_place_or_people(lower);
                    if place || t.class(i) != 0 {
                        return end;
                    }
                    if initial {
                        // "Business and Trade Secretary Helen Marwick": the word opens a
                        // longer name (or a title) that the run did not take.
                        let joined =
                            (t.lower(end) == "and" || t.is_punct(end, '&')) && t.is_cap(end + 1);
                        if NOT_PEOPLE.contains(&lower)
                            || joined
                            || (!self.reg.seen_inside.contains(lower)
                                && occurs_in_lowercase(self.text, lower))
                        {
                            return end;
                        }
                    } else {
                        self.reg.seen_inside.insert(lower.to_string());
                    }
                    Target::Pending(Pending {
                        name: raw.to_string(),
                        key: lower.to_string(),
                        kind: ActorKind::Organization,
                        person_keys: None,
                        role: None,
                    })
                }
                None => Target::Pending(Pending {
                    name: raw.to_string(),
                    key: t.lower(i).to_string(),
                    kind: if acronym {
                        ActorKind::Organization
                    } else {
                        ActorKind::Person
                    },
                    person_keys: (!acronym).then(|| vec![key.to_string()]),
                    role: None,
                }),
            }
        };
        let stop = self.possessive(end);
        self.push(i..stop, name, target);
        stop
    }
}

/// Plural nouns that open sentences but are no group of people ("Reports said ...").
const NOT_PEOPLE: &[&str] = &[
    "reports",
    "documents",
    "data",
    "figures",
    "polls",
    "surveys",
    "records",
    "estimates",
    "statistics",
    "results",
    "studies",
    "filings",
    "papers",
    "emails",
    "messages",
    "images",
    "videos",
    "numbers",
    "signs",
    "rules",
    "plans",
    "talks",
    "prices",
    "markets",
    "shares",
    "stocks",
    "sales",
    "terms",
    "details",
    "news",
    "efforts",
    "measures",
    "sanctions",
    "tariffs",
    "negotiations",
    "discussions",
    "proposals",
    "changes",
    "minutes",
    "texts",
    "findings",
    "projections",
    "forecasts",
    "accounts",
    "tensions",
    "costs",
    "rates",
];

/// Continents, regions and compass names that are places, never speakers.
const PLACES: &[&str] = &[
    "europe",
    "asia",
    "africa",
    "america",
    "americas",
    "oceania",
    "antarctica",
    "arctic",
    "eurasia",
    "scandinavia",
    "balkans",
    "caucasus",
    "gulf",
    "levant",
    "sahel",
    "maghreb",
    "caribbean",
    "pacific",
    "atlantic",
    "mediterranean",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "midwest",
    "mideast",
    "downtown",
    "abroad",
    "overseas",
    "worldwide",
    "nationwide",
    "everywhere",
    "elsewhere",
    "region",
];

/// Peoples and languages (demonyms) that are not the usual "-ian", "-ean", "-ese", "-ish".
const PEOPLES: &[&str] = &[
    "american",
    "african",
    "mexican",
    "german",
    "french",
    "dutch",
    "greek",
    "thai",
    "swiss",
    "iraqi",
    "israeli",
    "pakistani",
    "saudi",
    "afghan",
    "arab",
    "asian",
    "cuban",
    "kenyan",
    "nigerian",
    "moroccan",
    "chilean",
    "peruvian",
    "venezuelan",
    "filipino",
    "czech",
    "slovak",
    "welsh",
    "scots",
    "scottish",
    "basque",
    "catalan",
    "kurdish",
    "yemeni",
    "omani",
    "qatari",
    "emirati",
    "kuwaiti",
    "bahraini",
    "bangladeshi",
    "nepali",
    "uzbek",
    "kazakh",
    "tajik",
    "turkmen",
    "mongol",
    "latino",
    "hispanic",
    "western",
    "eastern",
    "northern",
    "southern",
    "european",
    "global",
    "international",
    "national",
    "federal",
    "regional",
    "local",
];

/// True when a lowercase word names a place, a region or a people.
fn is_place_or_people(lower: &str) -> bool {
    PLACES.contains(&lower)
        || PEOPLES.contains(&lower)
        || ["ian", "ean", "ese", "ish"]
            .iter()
            .any(|s| lower.len() > s.len() + 2 && lower.ends_with(s))
}

/// True when a lowercase word looks like a plural noun ("directors", not "press" or "bus").
fn is_plural(lower: &str) -> bool {
    lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
}

/// True when `lower` occurs in `text` as a whole word in lowercase, so a capitalised
/// occurrence may be a common word opening a sentence.
fn occurs_in_lowercase(text: &str, lower: &str) -> bool {
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(lower).any(|(at, w)| {
        !word_char(text[..at].chars().next_back())
            && !word_char(text[at + w.len()..].chars().next())
    })
}

/// `s` with its first letter in lowercase.
fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
