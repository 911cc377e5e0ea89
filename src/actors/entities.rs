//! The actors met so far in one article, and how later mentions find them.
//!
//! Every way of naming an actor ends here: a lexicon entry, a full name, a surname, a role
//! ("the minister"), a description ("European diplomats"), a pronoun. The registry keeps the
//! indices that make each lookup a hash probe, and the short history of recent subjects that
//! pronoun resolution needs.

use super::ActorKind;
use super::words::FastMap;
use crate::text::Span;

/// Index into [`Registry::entities`].
pub(crate) type EntityId = usize;

/// Grammatical gender, when the text tells it (titles, gendered roles, pronouns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Unknown,
    Male,
    Female,
}

/// A personal pronoun that can be the subject of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    He,
    She,
    It,
    They,
}

/// One actor of the article.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    pub name: String,
    pub kind: ActorKind,
    pub gender: Gender,
    /// Mentions in the order they were found: span, and whether it is a pronoun.
    pub mentions: Vec<(Span, bool)>,
    /// Never a stance holder (a news agency).
    pub media: bool,
    /// Known to be an actor, not just a capitalised phrase: from the lexicon, with a title or
    /// role, or already the subject of a statement. Only these are pronoun antecedents.
    pub confirmed: bool,
    /// Named by the lexicon, whose canonical name is kept.
    from_lexicon: bool,
    /// Name keys of the words of `name` (persons), for surname and first-name checks.
    keys: Vec<String>,
    last_seen: usize,
}

/// The actors of one article and the indices to find them again.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    pub entities: Vec<Entity>,
    by_lexicon: FastMap<usize, EntityId>,
    by_key: FastMap<String, EntityId>,
    by_surname: FastMap<String, EntityId>,
    by_role: FastMap<String, EntityId>,
    /// Recent subjects of statements, most recent last.
    subjects: Vec<EntityId>,
    /// Lone capitalised words met inside a sentence, where the capital is the name's own.
    pub seen_inside:
        std::collections::HashSet<String, std::hash::BuildHasherDefault<super::words::FxHasher>>,
}

impl Registry {
    fn create(&mut self, name: &str, kind: ActorKind, keys: Vec<String>) -> EntityId {
        let id = self.entities.len();
        self.entities.push(Entity {
            name: name.to_string(),
            kind,
            gender: Gender::Unknown,
            mentions: Vec::new(),
            media: false,
            confirmed: false,
            from_lexicon: false,
            keys,
            last_seen: 0,
        });
        id
    }

    /// The entity for lexicon entry `entry`, created on first use.
    pub fn lexicon_entity(
        &mut self,
        entry: usize,
        name: &str,
        kind: Option<ActorKind>,
    ) -> EntityId {
        if let Some(&id) = self.by_lexicon.get(&entry) {
            return id;
        }
        let keys = name_keys(name);
        let id = self.create(name, kind.unwrap_or(ActorKind::Organization), keys.clone());
        self.entities[id].media = kind.is_none();
        self.entities[id].confirmed = true;
        self.entities[id].from_lexicon = true;
        self.by_lexicon.insert(entry, id);
        if kind == Some(ActorKind::Person)
            && let Some(last) = keys.last()
        {
            self.by_surname.insert(last.clone(), id);
        }
        id
    }

    /// A person whose name has the word keys `keys`: by full name, or by surname when the
    /// first names do not disagree.
    pub fn find_person(&self, keys: &[&str]) -> Option<EntityId> {
        if let Some(&id) = self.by_key.get(&keys.join(" ")) {
            return Some(id);
        }
        let last = keys.last()?;
        let &id = self.by_surname.get(*last)?;
        let e = &self.entities[id];
        let compatible = keys.len() == 1
            || e.keys.len() == 1
            || e.keys.first().map(String::as_str) == keys.first().copied();
        compatible.then_some(id)
    }

    /// Records a person named `name` (word keys `keys`), creating it when unknown; a longer
    /// form of a known name becomes the actor's name.
    pub fn person(&mut self, name: &str, keys: &[&str]) -> EntityId {
        let id = match self.find_person(keys) {
            Some(id) => {
                let e = &self.entities[id];
                if keys.len() > e.keys.len() && !e.from_lexicon && e.kind == ActorKind::Person {
                    self.entities[id].name = name.to_string();
                    self.entities[id].keys = keys.iter().map(|k| k.to_string()).collect();
                }
                id
            }
            None => self.create(
                name,
                ActorKind::Person,
                keys.iter().map(|k| k.to_string()).collect(),
            ),
        };
        self.by_key.insert(keys.join(" "), id);
        if let Some(last) = keys.last() {
            self.by_surname.insert(last.to_string(), id);
        }
        id
    }

    /// Makes a spokesperson's name (word keys `keys`), and their surname, find the actor `id`
    /// they speak for.
    pub fn speaks_for(&mut self, id: EntityId, keys: &[&str]) {
        self.by_key.insert(keys.join(" "), id);
        if let Some(last) = keys.last() {
            self.by_surname.insert(last.to_string(), id);
        }
    }

    /// The actor described by `key` (a lowercase description), if already known.
    pub fn find_named(&self, key: &str) -> Option<EntityId> {
        self.by_key.get(key).copied()
    }

    /// Records a non-person actor (organisation, collective, anonymous source) by description.
    pub fn named(&mut self, name: &str, key: &str, kind: ActorKind) -> EntityId {
        if let Some(id) = self.find_named(key) {
            return id;
        }
        let id = self.create(name, kind, Vec::new());
        self.by_key.insert(key.to_string(), id);
        id
    }

    /// Records a mention of `id` at `span`.
    pub fn mention(&mut self, id: EntityId, span: Span, pronoun: bool) {
        if let Some(e) = self.entities.get_mut(id) {
            if !e.mentions.iter().rev().take(4).any(|m| m.0 == span) {
                e.mentions.push((span, pronoun));
            }
            e.last_seen = e.last_seen.max(span.end);
        }
    }

    /// Gives person `id` a role ("minister", and the full "foreign minister").
    pub fn add_role(&mut self, id: EntityId, head: &str, full: &str) {
        if let Some(g) = role_gender(head) {
            self.set_gender(id, g);
        }
        if !head.is_empty() {
            self.by_role.insert(head.to_string(), id);
        }
        if !full.is_empty() && full != head {
            self.by_role.insert(full.to_string(), id);
        }
        self.entities[id].confirmed = true;
    }

    /// The last person introduced with role `full` (or, failing that, its head word).
    pub fn by_role(&self, head: &str, full: &str) -> Option<EntityId> {
        self.by_role
            .get(full)
            .or_else(|| self.by_role.get(head))
            .copied()
    }

    /// Sets the gender of `id` when it is still unknown.
    pub fn set_gender(&mut self, id: EntityId, g: Gender) {
        if let Some(e) = self.entities.get_mut(id)
            && e.gender == Gender::Unknown
        {
            e.gender = g;
        }
    }

    /// Notes `id` as the subject of a statement (the newest antecedent for pronouns).
    pub fn note_subject(&mut self, id: EntityId) {
        self.subjects.retain(|&s| s != id);
        self.subjects.push(id);
        if self.subjects.len() > 16 {
            self.subjects.remove(0);
        }
        self.entities[id].confirmed = true;
    }

    /// The actor a subject pronoun refers to: the most recent compatible subject (a person of
    /// unknown gender is compatible with both "he" and "she"), else the most recently
    /// mentioned compatible confirmed actor. "it" and "they" never refer to a
    /// person; "he" and "she" only to persons of a compatible gender.
    ///
    /// A compatible `topic` (the actor opening the pronoun's own sentence) comes first: in
    /// "Sen. Ana Ruiz was still reading the text, her spokesman said" the pronoun is the
    /// sentence's subject, whoever spoke last.
    pub fn resolve_pronoun(&mut self, p: Pronoun, topic: Option<EntityId>) -> Option<EntityId> {
        let fits = |e: &Entity| match p {
            Pronoun::He => e.kind == ActorKind::Person && e.gender != Gender::Female,
            Pronoun::She => e.kind == ActorKind::Person && e.gender != Gender::Male,
            Pronoun::It => matches!(e.kind, ActorKind::Organization | ActorKind::Government),
            Pronoun::They => e.kind != ActorKind::Person,
        };
        let recent = topic
            .filter(|&id| !self.entities[id].media && fits(&self.entities[id]))
            .or_else(|| {
                self.subjects
                    .iter()
                    .rev()
                    .copied()
                    .find(|&id| fits(&self.entities[id]))
            });
        let id = recent.or_else(|| {
            self.entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.confirmed && !e.media && fits(e))
                .max_by_key(|(_, e)| e.last_seen)
                .map(|(id, _)| id)
        })?;
        match p {
            Pronoun::He => self.set_gender(id, Gender::Male),
            Pronoun::She => self.set_gender(id, Gender::Female),
            _ => {}
        }
        Some(id)
    }

    /// The organisation or government that "the ministry", "the union", "the government"
    /// most plausibly refers to: the most recently mentioned one whose name contains the head
    /// noun, or for "government"/"administration" the most recent government.
    pub fn org_anaphor(&self, head: &str) -> Option<EntityId> {
        let government = matches!(head, "government" | "administration" | "cabinet");
        self.entities
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.media)
            .filter(|(_, e)| {
                if government {
                    e.kind == ActorKind::Government
                } else {
                    matches!(e.kind, ActorKind::Organization | ActorKind::Government)
                        && e.name.to_lowercase().contains(head)
                }
            })
            .max_by_key(|(_, e)| e.last_seen)
            .map(|(id, _)| id)
    }
}

/// Gender implied by a title or role word.
pub(crate) fn role_gender(role: &str) -> Option<Gender> {
    match role {
        "mr" | "spokesman" | "chairman" | "congressman" | "king" | "prince" | "sir" | "lord"
        | "businessman" | "emir" | "sheikh" | "sultan" | "pope" => Some(Gender::Male),
        "mrs" | "ms" | "spokeswoman" | "chairwoman" | "congresswoman" | "queen" | "princess"
        | "dame" | "baroness" | "businesswoman" | "lady" => Some(Gender::Female),
        _ => None,
    }
}

/// Name keys of the words of `name`, computed with the article tokenizer.
fn name_keys(name: &str) -> Vec<String> {
    let mut t = super::tokens::Tokens::default();
    t.tokenize(name, Span::new(0, name.len()));
    (0..t.len())
        .filter(|&i| t.is_word(i))
        .map(|i| t.key(i).to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_and_longer_names_find_the_same_person() {
        let mut r = Registry::default();
        let a = r.person("Angus King", &["angus", "king"]);
        assert_eq!(r.find_person(&["king"]), Some(a));
        let b = r.person("Orban", &["orban"]);
        let b2 = r.person("Viktor Orban", &["viktor", "orban"]);
        assert_eq!(b, b2);
        assert_eq!(r.entities[b].name, "Viktor Orban");
        // A different first name is a different person.
        let c = r.person("Jill King", &["jill", "king"]);
        assert_ne!(a, c);
    }

    #[test]
    fn pronouns_prefer_recent_compatible_subjects() {
        let mut r = Registry::default();
        let she = r.person("Kaja Kallas", &["kaja", "kallas"]);
        r.add_role(she, "spokeswoman", "spokeswoman");
        let he = r.person("Dmitry Peskov", &["dmitry", "peskov"]);
        r.add_role(he, "spokesman", "spokesman");
        let org = r.named("Farm Union", "farm union", ActorKind::Organization);
        r.note_subject(she);
        r.note_subject(he);
        r.note_subject(org);
        assert_eq!(r.resolve_pronoun(Pronoun::He, None), Some(he));
        assert_eq!(r.resolve_pronoun(Pronoun::She, None), Some(she));
        assert_eq!(r.resolve_pronoun(Pronoun::It, None), Some(org));
        assert_eq!(r.entities[he].gender, Gender::Male);
    }

    #[test]
    fn pronouns_do_not_resolve_to_the_wrong_kind() {
        let mut r = Registry::default();
        let p = r.person("Dmitry Peskov", &["dmitry", "peskov"]);
        r.note_subject(p);
        assert_eq!(r.resolve_pronoun(Pronoun::It, None), None);
        assert_eq!(r.resolve_pronoun(Pronoun::They, None), None);
    }
}
