//! Closed word classes of English news prose: titles and roles, group nouns, organisation
//! suffixes, function words, and the verbs that introduce statements and actions.
//!
//! All lists are general English, not tuned to any article. Each word maps to a set of class
//! bits in one hash table, so classifying a token costs one lookup.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// The multiply-rotate hash of Firefox and rustc ("FxHash"). Word and name lookups are the
/// hot path of this stage and their keys are short, where SipHash costs several times more.
/// Keys from article text only feed per-article maps, so collision floods stay bounded by
/// the article's size.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Function words, days and months: never part of a name, never a modifier of an actor noun.
pub(crate) const STOP: u32 = 1;
/// Lowercase name particles ("von der Leyen", "da Silva").
pub(crate) const PARTICLE: u32 = 1 << 1;
/// Titles and roles that introduce or stand for a person ("minister", "Sen.", "spokesman").
pub(crate) const ROLE: u32 = 1 << 2;
/// Words that qualify a title ("Prime", "Foreign", "Deputy").
pub(crate) const ROLE_MOD: u32 = 1 << 3;
/// Plural nouns for groups of people who speak collectively ("diplomats", "unions").
pub(crate) const COLLECTIVE: u32 = 1 << 4;
/// Singular nouns for an unnamed source after "a"/"an"/"one" ("official", "person").
pub(crate) const ANON: u32 = 1 << 5;
/// Last words of organisation names ("Union", "Ministry", "Party").
pub(crate) const ORG_SUFFIX: u32 = 1 << 6;
/// Organisation suffixes that denote a government body.
pub(crate) const GOV_SUFFIX: u32 = 1 << 7;
/// Nouns that refer back to an organisation after "the" ("the ministry", "the bloc").
pub(crate) const ORG_ANAPHOR: u32 = 1 << 8;
/// Nouns after a possessive that stand for the possessor ("Zelenskyy's office").
pub(crate) const POSS_HEAD: u32 = 1 << 9;
/// Determiners and quantifiers that may open a noun phrase.
pub(crate) const DETQ: u32 = 1 << 10;
/// Auxiliaries, negation and adverbs allowed between a subject and its verb.
pub(crate) const SKIP: u32 = 1 << 11;
/// Verbs of a short clause introducing a colon ("was blunt:", "had a message:").
pub(crate) const LIGHT: u32 = 1 << 12;
/// Adjectives of stance after a copula in a reported clause ("was ready to").
pub(crate) const STANCE_ADJ: u32 = 1 << 13;
/// Forms of "be" (passive voice and copula).
pub(crate) const BE: u32 = 1 << 14;
/// Bodies that, after a possessive, name a body of their own rather than stand for the
/// possessor ("Kenya's cabinet", "the Sierra Club's Colorado chapter").
pub(crate) const SUB_BODY: u32 = 1 << 15;

const STOP_WORDS: &str = "the a an and or but nor of to in on at for with by from as if when \
    while after before this that these those it he she they we i you his her its their our \
    my your there here however meanwhile still yet so asked according under despite although \
    though earlier later last next some many most several both all each no not what why how \
    where who whom whose which such other also then now among during without over about \
    against between since until amid even only just instead unlike like once one two three \
    four five six seven eight nine ten first second third would will can could should must \
    may might do does did is are was were has have had be been being yes monday tuesday \
    wednesday thursday friday saturday sunday january february march april june july august \
    september october november december feb mar apr jun jul aug sep sept oct nov dec \
    today yesterday tomorrow everyone everybody nobody anyone someone something nothing \
    anything another any more less than because whether into onto upon within via per \
    almost nearly around across through toward towards beyond above below up down out off \
    again ever never always often sometimes already very too quite rather dear hello thanks \
    please sorry oh breaking update exclusive analysis opinion editorial";

const PARTICLES: &str = "de da di du del della der den van von ter ten bin ibn al el la le \
    dos das zu abu";

const ROLES: &str = "president minister secretary spokesman spokeswoman spokesperson \
    chancellor senator sen representative rep congressman congresswoman governor gov mayor \
    chief head leader chairman chairwoman chair chairperson director commissioner ambassador \
    envoy negotiator adviser advisor aide general gen admiral adm colonel col commander \
    king queen prince princess pope premier deputy lawmaker legislator mp mep judge justice \
    attorney lawyer ceo executive founder speaker whip treasurer prosecutor officer candidate \
    nominee mr mrs ms dr prof professor sheikh emir sultan lt maj capt sgt rev economist \
    analyst strategist diplomat ayatollah cardinal archbishop bishop lord baroness dame sir \
    counsel manager coach owner activist campaigner researcher president-elect \
    vice-president cfo coo cto chairperson governor-general spokesperson secretary-general \
    businessman businesswoman investor lady chiefs";

const ROLE_MODS: &str = "prime vice deputy foreign defence defense finance interior trade \
    economy economic health energy agriculture farm state acting former press senior first \
    national security home environment education labor labour transport culture climate \
    digital general assistant associate majority minority supreme high grand \
    crown opposition managing top interim outgoing incoming lead special chief executive \
    attorney policy affairs development justice industry commerce treasury immigration \
    migration fisheries";

const COLLECTIVES: &str = "officials diplomats lawmakers legislators senators ministers \
    leaders unions farmers residents critics analysts economists experts investors \
    activists protesters protestors demonstrators workers employees members negotiators \
    voters citizens businesses companies groups campaigners environmentalists scientists \
    doctors nurses teachers students parents opponents supporters observers militants \
    rebels republicans democrats conservatives liberals allies governments countries \
    nations delegates representatives producers exporters manufacturers automakers banks \
    lenders insurers retailers landlords tenants fishermen growers ranchers executives \
    prosecutors judges mps meps authorities sources people aides advisers advisors insiders \
    regulators mayors governors shareholders owners families veterans villagers locals \
    refugees organisers organizers officers soldiers police lobbyists traders consumers \
    pensioners miners truckers drivers pilots dockers strikers physicians associations \
    federations cooperatives charities ngos industrialists economists bankers \
    entrepreneurs exporters importers breeders winemakers manufacturers tories \
    environmental groups spokespeople unionists councillors councilors aldermen \
    organisations organizations";

const ANONS: &str = "official diplomat source person aide adviser advisor insider \
    spokesperson spokesman spokeswoman member executive negotiator officer lawmaker staffer \
    employee representative minister resident farmer analyst economist expert investor \
    banker trader worker insider participant delegate observer";

const ORG_SUFFIXES: &str = "union association ministry party council commission federation \
    institute agency bank committee court office department authority corporation corp inc \
    ltd llc plc group front league alliance movement congress parliament assembly senate \
    board foundation society confederation organisation organization company co fund bureau \
    service forum coalition chamber cabinet administration government police army forces \
    university centre center network trust church secretariat tribunal directorate \
    syndicate cooperative brotherhood club industries holdings airlines motors partners \
    bloc caucus navy command guard duma knesset bundestag legislature presidency commune \
    union's embassy consulate capital investments securities ventures";

const SUB_BODIES: &str = "board council chapter committee cabinet parliament senate assembly \
    legislature branch division wing unit region command court commission regulator bank \
    union party league club federation association chamber bureau directorate";

const GOV_SUFFIXES: &str = "ministry department government cabinet administration \
    parliament senate congress assembly duma knesset bundestag legislature presidency";

const ORG_ANAPHORS: &str = "ministry government administration union company commission \
    bloc alliance party agency council group organisation organization bank court committee \
    department parliament cabinet regulator authority association federation firm campaign \
    coalition movement embassy military army presidency senate league board fund institute \
    foundation legislature watchdog carmaker automaker lender insurer retailer airline \
    manufacturer producer exporter operator conglomerate giant";

const POSS_HEADS: &str = "office ministry government administration spokesman spokeswoman \
    spokesperson spokespeople embassy delegation team camp aides cabinet campaign lawyers \
    lawyer military army representatives representative negotiators presidency mission \
    chancellery secretariat service staff leadership";

const DETQS: &str = "the a an some many several two three four five six seven eight nine \
    ten dozens hundreds thousands other most few both all one another these those such \
    numerous various any";

const SKIPS: &str = "also later previously repeatedly again recently separately publicly \
    privately already then now still quickly immediately has have had was were is are will \
    would could did does do not never may might can should must been be reportedly on \
    monday tuesday wednesday thursday friday saturday sunday yesterday today earlier \
    officially openly firmly flatly strongly swiftly initially ultimately finally formally \
    unanimously narrowly overwhelmingly reluctantly angrily quietly sharply jointly both all \
    themselves himself herself itself didn't doesn't don't won't wouldn't hasn't haven't \
    hadn't isn't wasn't weren't can't couldn't shouldn't last week night morning evening \
    afternoon further even";

const LIGHTS: &str = "was is were are had has put made gave offered struck sounded remained \
    came issued left kept delivered sent";

const STANCE_ADJS: &str = "ready willing open prepared opposed against committed determined \
    unwilling reluctant happy unhappy satisfied dissatisfied skeptical sceptical concerned \
    worried confident keen eager unable supportive critical wary hostile favourable \
    favorable receptive firm adamant";

const BES: &str = "is are was were be been being remains remained";

/// Class bits and verb reading of every listed word, built once.
fn table() -> &'static FastMap<&'static str, (u32, Option<Verb>)> {
    static TABLE: OnceLock<FastMap<&'static str, (u32, Option<Verb>)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m: FastMap<&'static str, (u32, Option<Verb>)> = FastMap::default();
        for (list, bit) in [
            (STOP_WORDS, STOP),
            (PARTICLES, PARTICLE),
            (ROLES, ROLE),
            (ROLE_MODS, ROLE_MOD),
            (COLLECTIVES, COLLECTIVE),
            (ANONS, ANON),
            (ORG_SUFFIXES, ORG_SUFFIX),
            (GOV_SUFFIXES, GOV_SUFFIX),
            (SUB_BODIES, SUB_BODY),
            (ORG_ANAPHORS, ORG_ANAPHOR),
            (POSS_HEADS, POSS_HEAD),
            (DETQS, DETQ),
            (SKIPS, SKIP),
            (LIGHTS, LIGHT),
            (STANCE_ADJS, STANCE_ADJ),
            (BES, BE),
        ] {
            for w in list.split_whitespace() {
                m.entry(w).or_default().0 |= bit;
            }
        }
        let mut add = |base: &'static str,
                       third: &'static str,
                       past: &'static str,
                       class: VerbClass,
                       frame: bool,
                       particle: Option<&'static str>| {
            let v = Verb {
                class,
                frame,
                base: false,
                past: false,
                particle,
            };
            let mut set = |form: &'static str, verb: Verb| {
                m.entry(form).or_default().1.get_or_insert(verb);
            };
            set(base, Verb { base: true, ..v });
            set(third, v);
            for p in past.split('|') {
                set(p, Verb { past: true, ..v });
            }
        };
        for &(b, t, p, frame) in SPEECH {
            add(b, t, p, VerbClass::Speech, frame, None);
        }
        for &(b, t, p, particle) in ACTION {
            add(b, t, p, VerbClass::Action, false, particle);
        }
        for &(b, t, p) in STANCE {
            add(b, t, p, VerbClass::Stance, false, None);
        }
        m
    })
}

/// Class bits and verb reading of a lowercase word (one hash probe).
pub(crate) fn lookup(lower: &str) -> (u32, Option<Verb>) {
    table().get(lower).copied().unwrap_or_default()
}

/// The class bits of a lowercase word (0 when it is in no list).
#[cfg(test)]
pub(crate) fn class(lower: &str) -> u32 {
    lookup(lower).0
}

/// True when `lower` is in class `bit`.
#[cfg(test)]
pub(crate) fn is(lower: &str, bit: u32) -> bool {
    class(lower) & bit != 0
}

/// The verb reading of a lowercase word, if it has one.
#[cfg(test)]
pub(crate) fn verb(lower: &str) -> Option<Verb> {
    lookup(lower).1
}

/// Canonical role for title abbreviations ("sen" → "senator").
pub(crate) fn role_name(lower: &str) -> &str {
    match lower {
        "sen" => "senator",
        "rep" => "representative",
        "gov" => "governor",
        "gen" => "general",
        "adm" => "admiral",
        "col" => "colonel",
        "lt" => "lieutenant",
        "maj" => "major",
        "capt" => "captain",
        "sgt" => "sergeant",
        "prof" => "professor",
        "rev" => "reverend",
        "dr" => "doctor",
        "advisor" => "adviser",
        "spokeswoman" | "spokesman" => "spokesperson",
        other => other,
    }
}

/// Courtesy titles: they give a person's gender but not a role.
pub(crate) fn is_courtesy(lower: &str) -> bool {
    matches!(
        lower,
        "mr" | "mrs" | "ms" | "dr" | "sir" | "dame" | "lady" | "lord"
    )
}

/// What a verb introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbClass {
    /// Speech: said, warned, rejected, declined to...
    Speech,
    /// A reported action: endorsed, voted, signed, walked out...
    Action,
    /// A stance only reported by someone else: "(X said Y) wanted/favoured ...".
    Stance,
}

/// A verb form and what it can introduce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Verb {
    pub class: VerbClass,
    /// Takes a reported clause ("said that ..."), so it can relay someone else's stance.
    pub frame: bool,
    /// The bare form ("say", "vote"), also a noun or infinitive: needs a plural subject or an
    /// auxiliary to count.
    pub base: bool,
    /// Past tense or participle (passive voice possible after "was").
    pub past: bool,
    /// A particle that must follow ("walked out").
    pub particle: Option<&'static str>,
}

/// Verb lemmas: base, third person, past forms (`|`-separated), frame?, particle.
const SPEECH: &[(&str, &str, &str, bool)] = &[
    ("say", "says", "said", true),
    ("tell", "tells", "told", true),
    ("write", "writes", "wrote|written", true),
    ("add", "adds", "added", true),
    ("insist", "insists", "insisted", true),
    ("warn", "warns", "warned", true),
    ("argue", "argues", "argued", true),
    ("stress", "stresses", "stressed", true),
    ("note", "notes", "noted", true),
    ("claim", "claims", "claimed", true),
    ("assert", "asserts", "asserted", true),
    ("state", "states", "stated", true),
    ("announce", "announces", "announced", true),
    ("confirm", "confirms", "confirmed", true),
    ("deny", "denies", "denied", true),
    ("acknowledge", "acknowledges", "acknowledged", true),
    ("admit", "admits", "admitted", true),
    ("explain", "explains", "explained", true),
    ("suggest", "suggests", "suggested", true),
    ("predict", "predicts", "predicted", true),
    ("repeat", "repeats", "repeated", true),
    ("reiterate", "reiterates", "reiterated", true),
    ("emphasise", "emphasises", "emphasised", true),
    ("emphasize", "emphasizes", "emphasized", true),
    ("complain", "complains", "complained", true),
    ("reply", "replies", "replied", true),
    ("respond", "responds", "responded", true),
    ("counter", "counters", "countered", true),
    ("contend", "contends", "contended", true),
    ("maintain", "maintains", "maintained", true),
    ("tweet", "tweets", "tweeted", true),
    ("post", "posts", "posted", true),
    ("declare", "declares", "declared", true),
    ("concede", "concedes", "conceded", true),
    ("caution", "cautions", "cautioned", true),
    ("allege", "alleges", "alleged", true),
    ("signal", "signals", "signalled|signaled", true),
    ("indicate", "indicates", "indicated", true),
    ("hint", "hints", "hinted", true),
    ("vow", "vows", "vowed", true),
    ("threaten", "threatens", "threatened", true),
    ("pledge", "pledges", "pledged", true),
    ("promise", "promises", "promised", true),
    ("believe", "believes", "believed", true),
    ("think", "thinks", "thought", true),
    ("urge", "urges", "urged", false),
    ("ask", "asks", "asked", false),
    ("call", "calls", "called", false),
    ("welcome", "welcomes", "welcomed", false),
    ("reject", "rejects", "rejected", false),
    ("praise", "praises", "praised", false),
    ("criticise", "criticises", "criticised", false),
    ("criticize", "criticizes", "criticized", false),
    ("dismiss", "dismisses", "dismissed", false),
    ("decline", "declines", "declined", false),
    ("refuse", "refuses", "refused", false),
    ("condemn", "condemns", "condemned", false),
    ("slam", "slams", "slammed", false),
    ("blast", "blasts", "blasted", false),
    ("hail", "hails", "hailed", false),
    ("applaud", "applauds", "applauded", false),
    ("describe", "describes", "described", false),
    ("demand", "demands", "demanded", false),
    ("question", "questions", "questioned", false),
    ("voice", "voices", "voiced", false),
    ("express", "expresses", "expressed", false),
    ("accuse", "accuses", "accused", false),
    ("defend", "defends", "defended", false),
    ("lament", "laments", "lamented", false),
    ("decry", "decries", "decried", false),
    ("denounce", "denounces", "denounced", false),
    ("object", "objects", "objected", false),
    ("doubt", "doubts", "doubted", false),
    ("scoff", "scoffs", "scoffed", false),
    ("balk", "balks", "balked", false),
    ("ridicule", "ridicules", "ridiculed", false),
    ("brand", "brands", "branded", false),
    ("label", "labels", "labelled|labeled", false),
    ("appeal", "appeals", "appealed", false),
];

const ACTION: &[(&str, &str, &str, Option<&str>)] = &[
    ("endorse", "endorses", "endorsed", None),
    ("back", "backs", "backed", None),
    ("support", "supports", "supported", None),
    ("oppose", "opposes", "opposed", None),
    ("approve", "approves", "approved", None),
    ("veto", "vetoes", "vetoed", None),
    ("block", "blocks", "blocked", None),
    ("vote", "votes", "voted", None),
    ("sign", "signs", "signed", None),
    ("ratify", "ratifies", "ratified", None),
    ("accept", "accepts", "accepted", None),
    ("agree", "agrees", "agreed", None),
    ("boycott", "boycotts", "boycotted", None),
    ("protest", "protests", "protested", None),
    ("sue", "sues", "sued", None),
    ("walk", "walks", "walked", Some("out")),
    ("come", "comes", "came", Some("out")),
    ("give", "gives", "gave|given", None),
    ("storm", "storms", "stormed", Some("out")),
    ("pull", "pulls", "pulled", Some("out")),
    ("withdraw", "withdraws", "withdrew|withdrawn", None),
    ("quit", "quits", "quit", None),
    ("abstain", "abstains", "abstained", None),
    ("suspend", "suspends", "suspended", None),
    ("embrace", "embraces", "embraced", None),
    ("lobby", "lobbies", "lobbied", None),
    ("campaign", "campaigns", "campaigned", None),
    ("march", "marches", "marched", None),
    ("rally", "rallies", "rallied", None),
    ("adopt", "adopts", "adopted", None),
    ("propose", "proposes", "proposed", None),
    ("unveil", "unveils", "unveiled", None),
    ("introduce", "introduces", "introduced", None),
    // Only with a stance noun as object: see [`STANCE_OBJECT`].
    ("take", "takes", "took|taken", Some(STANCE_OBJECT)),
    ("champion", "champions", "championed", None),
    ("challenge", "challenges", "challenged", None),
    ("resist", "resists", "resisted", None),
    ("fight", "fights", "fought", None),
    ("push", "pushes", "pushed", None),
    ("submit", "submits", "submitted", None),
    ("scrap", "scraps", "scrapped", None),
    ("halt", "halts", "halted", None),
    ("freeze", "freezes", "froze|frozen", None),
    ("cancel", "cancels", "cancelled|canceled", None),
    ("pass", "passes", "passed", None),
    ("strike", "strikes", "struck", None),
    ("demonstrate", "demonstrates", "demonstrated", None),
    ("blockade", "blockades", "blockaded", None),
    ("picket", "pickets", "picketed", None),
    ("snub", "snubs", "snubbed", None),
    ("shelve", "shelves", "shelved", None),
    ("greenlight", "greenlights", "greenlighted|greenlit", None),
    ("finalise", "finalises", "finalised", None),
    ("finalize", "finalizes", "finalized", None),
    ("negotiate", "negotiates", "negotiated", None),
];

/// The "particle" of verbs that report a stance only with one of [`is_stance_noun`]'s nouns
/// as their object, a few words on: "took a different view", "has not taken a position".
pub(crate) const STANCE_OBJECT: &str = "<stance noun>";

/// Nouns that name a stance as the object of "take".
pub(crate) fn is_stance_noun(lower: &str) -> bool {
    matches!(
        lower,
        "position" | "view" | "stance" | "line" | "side" | "sides"
    )
}

const STANCE: &[(&str, &str, &str)] = &[
    ("want", "wants", "wanted"),
    ("favour", "favours", "favoured"),
    ("favor", "favors", "favored"),
    ("prefer", "prefers", "preferred"),
    ("seek", "seeks", "sought"),
    ("intend", "intends", "intended"),
    ("plan", "plans", "planned"),
    ("hope", "hopes", "hoped"),
    ("like", "likes", "liked"),
    ("dislike", "dislikes", "disliked"),
    ("need", "needs", "needed"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_and_verbs() {
        assert!(is("spokesman", ROLE) && is("spokesman", ANON) && is("spokesman", POSS_HEAD));
        assert!(is("diplomats", COLLECTIVE) && !is("reporters", COLLECTIVE));
        assert!(is("the", STOP | DETQ) && !is("Kremlin", STOP));
        let said = verb("said").unwrap();
        assert!(said.frame && said.past && !said.base && said.class == VerbClass::Speech);
        assert!(verb("say").unwrap().base);
        assert_eq!(verb("walked").unwrap().particle, Some("out"));
        assert_eq!(verb("wants").unwrap().class, VerbClass::Stance);
        assert_eq!(verb("criticised").unwrap().class, VerbClass::Speech);
        assert_eq!(role_name("sen"), "senator");
        assert!(verb("table").is_none());
    }
}
