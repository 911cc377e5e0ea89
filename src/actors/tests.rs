//! Behaviour of the whole actors stage on short wire-style passages.

use super::*;

/// (actor, kind, statement text, relayed by) for every attribution.
fn statements(
    text: &str,
    lexicon: &Lexicon,
) -> Vec<(String, AttributionKind, String, Option<String>)> {
    let found = analyze_actors(text, lexicon);
    found
        .attributions
        .iter()
        .map(|a| {
            (
                found.actors[a.actor].name.clone(),
                a.kind,
                a.span.text(text).to_string(),
                a.relayed_by.map(|r| found.actors[r].name.clone()),
            )
        })
        .collect()
}

/// (actor, kind) pairs.
fn who(text: &str) -> Vec<(String, AttributionKind)> {
    statements(text, &Lexicon::default_english())
        .into_iter()
        .map(|s| (s.0, s.1))
        .collect()
}

fn names(text: &str) -> Vec<String> {
    who(text).into_iter().map(|s| s.0).collect()
}

/// (name, kind) of every actor found.
fn names_and_kinds(found: &ArticleActors) -> Vec<(&str, ActorKind)> {
    found
        .actors
        .iter()
        .map(|a| (a.name.as_str(), a.kind))
        .collect()
}

fn actor<'a>(found: &'a ArticleActors, name: &str) -> &'a Actor {
    found
        .actors
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("no actor {name:?} in {:?}", found.actors))
}

use AttributionKind::*;

#[test]
fn person_with_role_before_the_name() {
    let text = "EU foreign policy chief Kaja Kallas said the proposal needed more work.";
    let found = analyze_actors(text, &Lexicon::empty());
    assert_eq!(found.actors.len(), 1);
    assert_eq!(found.actors[0].name, "Kaja Kallas");
    assert_eq!(found.actors[0].kind, ActorKind::Person);
    assert_eq!(found.attributions[0].kind, ReportedSpeech);
    assert_eq!(found.attributions[0].span.text(text), text);
    let masked: Vec<&str> = found.attributions[0]
        .actor_mentions
        .iter()
        .map(|m| m.text(text))
        .collect();
    assert_eq!(masked, ["Kaja Kallas"]);
}

#[test]
fn spokesman_with_organisation_premodifier() {
    let text = "Kremlin spokesman Dmitry Peskov told reporters the offer was not serious.";
    assert_eq!(names(text), ["Dmitry Peskov"]);
}

#[test]
fn abbreviated_title_and_appositive_between_commas() {
    let text = "Sen. Rowan Hale, a Vermont independent, said he would vote against the bill.";
    let found = analyze_actors(text, &Lexicon::empty());
    let n: Vec<&str> = found.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(n, ["Rowan Hale"]);
    assert_eq!(found.attributions.len(), 1);
}

#[test]
fn governments_and_organisations_from_the_lexicon() {
    let text = "The Kremlin said the text was a basis for talks. The White House welcomed \
                the news. Hamas rejected the proposal. The European Commission said it \
                would study it. Farm unions warned of ruin.";
    assert_eq!(
        who(text),
        [
            ("Russia".to_string(), ReportedSpeech),
            ("United States".to_string(), ReportedSpeech),
            ("Hamas".to_string(), ReportedSpeech),
            ("European Commission".to_string(), ReportedSpeech),
            ("farm unions".to_string(), ReportedSpeech),
        ]
    );
    let found = analyze_actors(text, &Lexicon::default_english());
    assert_eq!(actor(&found, "Russia").kind, ActorKind::Government);
    assert_eq!(actor(&found, "Hamas").kind, ActorKind::Organization);
    assert_eq!(actor(&found, "farm unions").kind, ActorKind::Collective);
    assert_eq!(actor(&found, "Russia").aliases, ["Kremlin"]);
}

#[test]
fn capitals_stand_for_governments() {
    let text = "Kyiv said it could accept most of the draft. Moscow dismissed it. Beijing \
                urged restraint.";
    assert_eq!(names(text), ["Ukraine", "Russia", "China"]);
}

#[test]
fn collective_and_anonymous_sources() {
    let text = "European diplomats said the timetable was tight. A person familiar with the \
                matter said a vote could slip. Two officials who spoke on condition of \
                anonymity said the text was final. Residents told local radio they were \
                afraid.";
    let found = analyze_actors(text, &Lexicon::default_english());
    let got = names_and_kinds(&found);
    assert_eq!(
        got,
        [
            ("European diplomats", ActorKind::Collective),
            ("person familiar with the matter", ActorKind::Anonymous),
            (
                "officials who spoke on condition of anonymity",
                ActorKind::Anonymous
            ),
            ("residents", ActorKind::Collective),
        ]
    );
    assert_eq!(found.attributions.len(), 4);
}

#[test]
fn diacritics_and_spelling_variants_are_one_actor() {
    let text = "Zelenskiy said the plan was unfair. Zelenskyy later added that Ukraine \
                would not give up land. Šefčovič said talks would continue. Sefcovic \
                insisted on a deal. Erdogan said Turkey could mediate.";
    let found = analyze_actors(text, &Lexicon::default_english());
    let zel = actor(&found, "Volodymyr Zelenskyy");
    assert_eq!(zel.aliases, ["Zelenskiy", "Zelenskyy"]);
    assert_eq!(
        actor(&found, "Maroš Šefčovič").aliases,
        ["Sefcovic", "Šefčovič"]
    );
    assert_eq!(
        actor(&found, "Recep Tayyip Erdoğan").kind,
        ActorKind::Person
    );
    assert_eq!(found.attributions.len(), 5);
}

#[test]
fn unknown_names_diacritics_match_without_lexicon() {
    let text = "Trade commissioner Jan Dvořák said the deal was balanced. Dvorak added that \
                farmers would be compensated.";
    let found = analyze_actors(text, &Lexicon::empty());
    assert_eq!(found.actors.len(), 1);
    assert_eq!(found.actors[0].name, "Jan Dvořák");
    assert_eq!(found.attributions.len(), 2);
}

#[test]
fn actors_outside_the_lexicon() {
    let text = "Agriculture Minister Paula Brennan-Ortiz said the quotas were fair. The \
                Irish Cattle Breeders Association said it would fight them. Wine growers \
                told the committee they opposed the pact.";
    let found = analyze_actors(text, &Lexicon::empty());
    let got = names_and_kinds(&found);
    assert_eq!(
        got,
        [
            ("Paula Brennan-Ortiz", ActorKind::Person),
            ("Irish Cattle Breeders Association", ActorKind::Organization),
            ("Wine growers", ActorKind::Collective),
        ]
    );
}

#[test]
fn ministry_of_pattern_is_a_government_body() {
    let text = "The Ministry of Rural Affairs said the payments would start in May.";
    let found = analyze_actors(text, &Lexicon::empty());
    assert_eq!(found.actors[0].name, "Ministry of Rural Affairs");
    assert_eq!(found.actors[0].kind, ActorKind::Government);
}

#[test]
fn surname_resolves_to_the_full_name() {
    let text = "Foreign Minister Anna Berg said the plan was premature. Berg added that the \
                timing was wrong.";
    let found = analyze_actors(text, &Lexicon::empty());
    assert_eq!(found.actors.len(), 1);
    assert_eq!(found.actors[0].aliases, ["Anna Berg", "Berg"]);
    assert_eq!(found.attributions.len(), 2);
    assert_eq!(found.attributions[1].actor, 0);
}

#[test]
fn title_alone_resolves_to_the_last_person_with_that_title() {
    let text = "Press Secretary Tom Reyes spoke first. Labour Minister Ines Vidal spoke \
                next. The press secretary said the bill would pass. The minister said it \
                would not.";
    let s = statements(text, &Lexicon::empty());
    let got: Vec<&str> = s.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(got, ["Tom Reyes", "Ines Vidal"]);
}

#[test]
fn appositive_title_names_the_person() {
    let text = "Dmitry Peskov, the Kremlin spokesman, spoke on Monday. The spokesman said \
                the talks were over.";
    assert_eq!(names(text), ["Dmitry Peskov"]);
}

#[test]
fn possessive_office_resolves_to_its_owner() {
    let text = "Zelenskyy's office said the draft was unacceptable.";
    let found = analyze_actors(text, &Lexicon::default_english());
    assert_eq!(found.actors[0].name, "Volodymyr Zelenskyy");
    let masked: Vec<&str> = found.attributions[0]
        .actor_mentions
        .iter()
        .map(|m| m.text(text))
        .collect();
    assert_eq!(masked, ["Zelenskyy"]);
}

#[test]
fn pronouns_resolve_to_the_compatible_recent_subject() {
    let text = "Ms. Clara Voss, the finance minister, said the budget was sound. Mark \
                Oyelaran, the opposition spokesman, said it was a fantasy. She added that \
                cuts were needed. He warned of a revolt.";
    let s = statements(text, &Lexicon::empty());
    let got: Vec<&str> = s.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(
        got,
        ["Clara Voss", "Mark Oyelaran", "Clara Voss", "Mark Oyelaran"]
    );
    let found = analyze_actors(text, &Lexicon::empty());
    assert_eq!(
        actor(&found, "Clara Voss").aliases,
        ["Clara Voss", "finance minister"]
    );
}

#[test]
fn it_and_they_never_resolve_to_people() {
    let text = "Senator Mark Oyelaran said the plan was weak. It said the plan was weak.";
    assert_eq!(names(text), ["Mark Oyelaran"]);
    let text = "The Farmers' Union of Wales said the plan was weak. It added that the \
                timing was wrong.";
    assert_eq!(
        names(text),
        ["Farmers' Union of Wales", "Farmers' Union of Wales"]
    );
}

#[test]
fn speech_tag_after_the_statement_and_inverted() {
    let text = "The proposal is dead on arrival, Peskov said. The offer was generous, said \
                Lena Marsh, a trade negotiator.";
    assert_eq!(names(text), ["Dmitry Peskov", "Lena Marsh"]);
}

#[test]
fn direct_quotes_before_and_after_the_speaker() {
    let text = "\"We will not sign this,\" Kallas said. Kallas said: “The text must change.”";
    let s = statements(text, &Lexicon::default_english());
    assert_eq!(
        s.iter().map(|s| (s.1, s.2.as_str())).collect::<Vec<_>>(),
        [
            (DirectQuote, "We will not sign this,"),
            (DirectQuote, "The text must change.")
        ]
    );
}

#[test]
fn quote_spanning_sentences_belongs_to_the_tagged_speaker() {
    let text = "“We reject this plan. It is a trap for our farmers,” the union leader \
                Piet Jansen said.";
    let s = statements(text, &Lexicon::empty());
    assert_eq!(
        s.iter()
            .map(|s| (s.0.as_str(), s.1, s.2.as_str()))
            .collect::<Vec<_>>(),
        [
            ("Piet Jansen", DirectQuote, "We reject this plan."),
            ("Piet Jansen", DirectQuote, "It is a trap for our farmers,"),
        ]
    );
}

#[test]
fn continuing_quotes_belong_to_the_last_speaker() {
    let text = "Mayor Lise Moreau said the levy was unfair.\n\n\"It punishes families. It \
                punishes small shops.\n\n\"We will fight it in court,\" she said.\n\n\"Nobody \
                asked us.\"";
    let s = statements(text, &Lexicon::empty());
    assert_eq!(s.len(), 5, "{s:?}");
    assert!(s.iter().all(|s| s.0 == "Lise Moreau"), "{s:?}");
    assert_eq!(s[1].1, DirectQuote);
    assert_eq!(s[1].2, "It punishes families.");
}

#[test]
fn according_to() {
    let text = "The vote was postponed, according to two diplomats. According to a \
                statement from the Ministry of Trade, the pact is final.";
    let s = statements(text, &Lexicon::empty());
    assert_eq!(
        s.iter().map(|s| (s.0.as_str(), s.1)).collect::<Vec<_>>(),
        [
            ("diplomats", AccordingTo),
            ("Ministry of Trade", AccordingTo)
        ]
    );
}

#[test]
fn colon_introduction() {
    let text = "Labour Minister Ines Vidal was in the room. The minister was blunt: the \
                offer is an insult.";
    let s = statements(text, &Lexicon::empty());
    assert_eq!(
        s.iter()
            .map(|s| (s.0.as_str(), s.1, s.2.as_str()))
            .collect::<Vec<_>>(),
        [("Ines Vidal", Colon, "the offer is an insult.")]
    );
}

#[test]
fn reported_actions() {
    let text = "Hungary endorsed the deal. Poland voted against it. Ukraine signed. The \
                opposition delegates walked out. The walk in the park was nice.";
    let s = who(text);
    assert_eq!(
        s,
        [
            ("Hungary".to_string(), ReportedAction),
            ("Poland".to_string(), ReportedAction),
            ("Ukraine".to_string(), ReportedAction),
            ("opposition delegates".to_string(), ReportedAction),
        ]
    );
}

#[test]
fn nested_report_belongs_to_the_inner_holder() {
    let text = "Peskov said Putin had rejected the plan.";
    let s = statements(text, &Lexicon::default_english());
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(
        (s[0].0.as_str(), s[0].3.as_deref()),
        ("Vladimir Putin", Some("Dmitry Peskov"))
    );
    let found = analyze_actors(text, &Lexicon::default_english());
    assert!(!actor(&found, "Dmitry Peskov").holds_stance);
    assert!(actor(&found, "Vladimir Putin").holds_stance);

    let text = "Putin had rejected the plan, Peskov said.";
    let s = statements(text, &Lexicon::default_english());
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(s[0].3.as_deref(), Some("Dmitry Peskov"));
}

#[test]
fn a_group_relaying_someone_elses_view_keeps_it_as_its_own_assessment() {
    // Diplomats or analysts speak for nobody: what they report is their reading of the
    // situation (LABEL_GUIDE, "Nested reports"), so they hold it too. A spokesman does not.
    let s = statements(
        "Western diplomats said Marco Lind hoped to restart the talks in May.",
        &Lexicon::default_english(),
    );
    let got: Vec<(&str, Option<&str>)> = s.iter().map(|s| (s.0.as_str(), s.3.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("Western diplomats", None),
            ("Marco Lind", Some("Western diplomats"))
        ],
        "{s:?}"
    );
    // Unnamed officials are an institution's voice, not holders of their own.
    let s = statements(
        "Officials said Marco Lind hoped to restart the talks in May.",
        &Lexicon::default_english(),
    );
    let got: Vec<(&str, Option<&str>)> = s.iter().map(|s| (s.0.as_str(), s.3.as_deref())).collect();
    assert_eq!(got, [("Marco Lind", Some("officials"))], "{s:?}");
}

#[test]
fn speaker_reporting_own_view_is_not_nested() {
    let text = "Peskov said he had rejected the plan.";
    assert_eq!(names(text), ["Dmitry Peskov"]);
}

#[test]
fn mentioned_only_actors_get_no_statement() {
    let text = "BRUSSELS (Reuters) - Hungary said on Monday it would veto the plan, Reuters \
                reported. The summit in Paris on Jan. 5 was attended by Olaf Scholz.";
    let found = analyze_actors(text, &Lexicon::default_english());
    let n: Vec<&str> = found.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(n, ["Hungary"]);
}

#[test]
fn dateline_does_not_become_the_speaker() {
    let text = "WASHINGTON (AP) — Sen. Dana Whitfield said Tuesday she opposed the bill.";
    assert_eq!(names(text), ["Dana Whitfield"]);
    let text = "KYIV, Ukraine — Said to be furious, officials met. Officials said no.";
    assert_eq!(names(text), ["officials"]);
}

#[test]
fn told_a_news_agency_is_not_a_statement_of_the_agency() {
    let text = "A senior EU official told Reuters the talks had stalled.";
    assert_eq!(names(text), ["senior EU official"]);
}

#[test]
fn coordinated_subjects_each_get_the_statement() {
    let text = "France and Germany said they would back the text.";
    assert_eq!(names(text), ["France", "Germany"]);
}

#[test]
fn passive_agent_is_the_actor_and_passive_subject_is_not() {
    let text = "The deal was rejected by Hungary. Poland was criticised for its stance.";
    assert_eq!(who(text), [("Hungary".to_string(), ReportedSpeech)]);
}

#[test]
fn actors_are_ordered_by_first_mention_and_output_is_deterministic() {
    let text = "Poland was quiet at first. Hungary said no. Poland later said yes.";
    let a = analyze_actors(text, &Lexicon::default_english());
    let b = analyze_actors(text, &Lexicon::default_english());
    assert_eq!(a, b);
    let n: Vec<&str> = a.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(n, ["Poland", "Hungary"]);
}

#[test]
fn no_panic_on_odd_input() {
    let lex = Lexicon::default_english();
    for text in [
        "",
        "   \n\n ",
        "\"",
        "said said said.",
        ", said",
        "according to",
        "The minister was blunt:",
        "he said. she said. it said. they said.",
        "'s 's ' \" “ ” ‘ ’ — – - : ;",
        "Mr. . . Sen. , Gov. 's",
        "\u{0}\u{1}\u{ff}😀 Zelenskyy’s office said “",
    ] {
        let found = analyze_actors(text, &lex);
        check_spans(text, &found);
    }
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let pieces = [
        "said",
        "Peskov",
        "the",
        "minister",
        "\"",
        "“",
        "”",
        ",",
        ".",
        ":",
        "he",
        "Kyiv",
        "according",
        "to",
        "'s",
        "officials",
        "who",
        "Sen.",
        "\n\n",
        "—",
        "é",
        "walked",
        "out",
        "voted",
        "by",
        "was",
        "Farm",
        "unions",
        "a",
        "person",
        "familiar",
        "with",
    ];
    for _ in 0..300 {
        let len = (seed % 40) as usize;
        let mut text = String::new();
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            text.push(' ');
        }
        let found = analyze_actors(&text, &lex);
        check_spans(&text, &found);
    }
}

fn check_spans(text: &str, found: &ArticleActors) {
    let ok = |s: Span| text.get(s.start..s.end).is_some();
    assert!(found.sentences.iter().all(|s| ok(s.span)));
    for a in &found.actors {
        assert!(a.mentions.iter().all(|&m| ok(m)), "{text:?}");
    }
    for a in &found.attributions {
        assert!(a.actor < found.actors.len());
        assert!(a.sentence < found.sentences.len());
        assert!(a.relayed_by.is_none_or(|r| r < found.actors.len()));
        assert!(ok(a.span));
        assert!(a.actor_mentions.iter().all(|m| a.span.contains(*m)));
    }
}

#[test]
fn large_single_line_stays_linear() {
    let line =
        "Officials said the plan, which Sen. Ann Lee called \"bad\", would fail ".repeat(20_000);
    let found = analyze_actors(&line, &Lexicon::default_english());
    check_spans(&line, &found);
    assert!(!found.attributions.is_empty());
}

#[test]
fn name_in_apposition_to_a_role() {
    let text = "Spain's farm minister, Luis Planas, said the safeguards were enough. Its \
                chairwoman, Ruth Adler, said: \"This is unacceptable.\"";
    assert_eq!(names(text), ["Luis Planas", "Ruth Adler"]);
}

#[test]
fn according_to_frames_a_reported_statement() {
    let text = "Poland has signalled it could block the deal, according to two diplomats.";
    let s = statements(text, &Lexicon::default_english());
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(
        (s[0].0.as_str(), s[0].3.as_deref()),
        ("Poland", Some("diplomats"))
    );
}

#[test]
fn organisation_with_a_proper_adjective_is_not_an_anaphor() {
    let text = "Italy was absent. The Austrian government rejected the deal. The \
                Portuguese farm ministry welcomed it.";
    let found = analyze_actors(text, &Lexicon::default_english());
    let n: Vec<&str> = found.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(n, ["Austria", "Portuguese farm ministry"]);
    assert_eq!(found.actors[1].kind, ActorKind::Government);
}

#[test]
fn organisation_anaphor_refers_back() {
    let text = "The Irish Farmers Association met on Monday. The association said the pact \
                would ruin beef producers.";
    let found = analyze_actors(text, &Lexicon::empty());
    assert_eq!(found.actors.len(), 1);
    assert_eq!(found.actors[0].name, "Irish Farmers Association");
    assert_eq!(
        found.actors[0].aliases,
        ["Irish Farmers Association", "association"]
    );
}

#[test]
fn named_person_between_commas_beats_a_place_before_them() {
    let text = "Ukraine's envoy to the U.S., Oksana Vel, told reporters the aid was vital. \
                Rep. Jane Roe of Georgia wrote that the bill was dead. Senate Republicans \
                blocked it. France, Spain and Italy said they would wait.";
    let found = analyze_actors(text, &Lexicon::default_english());
    let got = names_and_kinds(&found);
    assert_eq!(
        got,
        [
            ("Oksana Vel", ActorKind::Person),
            ("Jane Roe", ActorKind::Person),
            ("Senate Republicans", ActorKind::Collective),
            ("France", ActorKind::Government),
            ("Spain", ActorKind::Government),
            ("Italy", ActorKind::Government),
        ]
    );
}

#[test]
fn state_abbreviations_in_appositives() {
    let text = "Senate Minority Leader Tom Hale, R-Ky., said the bill had no path forward. \
                Sen. Ann Ruiz, D-N.Y., voted against it.";
    assert_eq!(names(text), ["Tom Hale", "Ann Ruiz"]);
}

#[test]
fn pronoun_prefers_the_latest_subject_over_an_older_one_of_known_gender() {
    let text = "Kremlin spokesman Dmitry Peskov said the talks were paused. Secretary of \
                State Marco Rubio defended the plan. He said Washington was open to changes.";
    let s = statements(text, &Lexicon::default_english());
    assert_eq!(s[2].0, "United States");
    assert_eq!(s[2].3.as_deref(), Some("Marco Rubio"));
}

#[test]
fn second_reported_clause_after_and_that_is_still_relayed() {
    let text = "Peskov told reporters that the text was long, and that Moscow would respond \
                in due course.";
    let s = statements(text, &Lexicon::default_english());
    assert_eq!(s.len(), 1, "{s:?}");
    assert_eq!(
        (s[0].0.as_str(), s[0].3.as_deref()),
        ("Russia", Some("Dmitry Peskov"))
    );
}

#[test]
fn capitalised_names_run_on_across_lowercase_connectors() {
    for (text, name, kind) in [
        (
            "The Australian Competition and Consumer Commission said the merger would hurt buyers.",
            "Australian Competition and Consumer Commission",
            ActorKind::Organization,
        ),
        (
            "Parents for Safe Tech said the rules were too weak.",
            "Parents for Safe Tech",
            ActorKind::Organization,
        ),
        (
            "The Alliance for a Sovereign Switzerland said it would fight the treaty.",
            "Alliance for a Sovereign Switzerland",
            ActorKind::Organization,
        ),
        (
            // After "for a" a capitalised word is part of the name, even one that opens
            // sentences as an adverb ("Just", "More").
            "Citizens for a Just Society said the plan was unfair.",
            "Citizens for a Just Society",
            ActorKind::Organization,
        ),
        (
            "Voters for a More Open Council opposed the measure.",
            "Voters for a More Open Council",
            ActorKind::Organization,
        ),
        (
            "The Department of Employment and Labour said inspections would rise.",
            "Department of Employment and Labour",
            ActorKind::Government,
        ),
        (
            "The Board of Control for Cricket in India said the tour would go ahead.",
            "Board of Control for Cricket in India",
            ActorKind::Organization,
        ),
        (
            "Human Rights Watch said the law was abusive.",
            "Human Rights Watch",
            ActorKind::Organization,
        ),
    ] {
        let found = analyze_actors(text, &Lexicon::default_english());
        let got = names_and_kinds(&found);
        assert_eq!(got, [(name, kind)], "{text}");
    }
    // Two known names, or two people, joined by "and" stay apart.
    assert_eq!(
        names("Kyiv and Moscow said talks would resume."),
        ["Ukraine", "Russia"]
    );
    assert_eq!(
        names("Rowan Hale and Mara Lind said the bill was dead."),
        ["Rowan Hale", "Mara Lind"]
    );
}

#[test]
fn a_spokesperson_speaks_for_the_organisation_named_before_it() {
    for (text, name, kind, alias) in [
        (
            "A German government spokesperson said the plan was welcome.",
            "Germany",
            ActorKind::Government,
            "German government spokesperson",
        ),
        (
            "An ACCC spokesperson said the deal was under review.",
            "ACCC",
            ActorKind::Organization,
            "ACCC spokesperson",
        ),
        (
            "A PTI spokesman said the vote had been rigged.",
            "PTI",
            ActorKind::Organization,
            "PTI spokesman",
        ),
        (
            "A Finnish transport ministry spokeswoman said the rail link was delayed.",
            "Finnish transport ministry",
            ActorKind::Government,
            "Finnish transport ministry spokeswoman",
        ),
    ] {
        let found = analyze_actors(text, &Lexicon::default_english());
        let a = &found.actors[found.attributions[0].actor];
        assert_eq!((a.name.as_str(), a.kind), (name, kind), "{text}");
        assert!(
            a.aliases.iter().any(|s| s.ends_with(alias)),
            "{text}: {:?}",
            a.aliases
        );
    }
    // With no principal named, the spokesperson stays an unnamed source.
    let found = analyze_actors(
        "A spokesperson said the talks were over.",
        &Lexicon::default_english(),
    );
    assert_eq!(found.actors[0].kind, ActorKind::Anonymous);
}

#[test]
fn places_and_demonyms_are_not_people() {
    for text in [
        "Europe said the plan was fine.",
        "South America said the plan was fine.",
        "The Gulf said the plan was fine.",
        "British said the plan was fine.",
        "Barcelona said the plan was fine.",
    ] {
        let found = analyze_actors(text, &Lexicon::empty());
        assert!(
            found.actors.iter().all(|a| a.kind != ActorKind::Person),
            "{text}: {:?}",
            found.actors
        );
    }
    assert_eq!(names("Rowan Hale said the plan was fine."), ["Rowan Hale"]);
}

#[test]
fn a_body_named_through_a_possessive_is_one_organisation() {
    for (text, name, kind) in [
        (
            "The Royal Thai Army's 2nd Army Region said the border was calm.",
            "Royal Thai Army's 2nd Army Region",
            ActorKind::Organization,
        ),
        (
            "Credito Lombardo's board said the offer was too low.",
            "Credito Lombardo's board",
            ActorKind::Organization,
        ),
        (
            "Lisbon's city council said the offer was too low.",
            "Lisbon's city council",
            ActorKind::Government,
        ),
        (
            "Kenya's cabinet said the offer was too low.",
            "Kenya's cabinet",
            ActorKind::Government,
        ),
        (
            "The Sierra Club's Colorado chapter said the pipeline should be stopped.",
            "Sierra Club's Colorado chapter",
            ActorKind::Organization,
        ),
        (
            "The Federation of International Cricketers' Associations said the calendar was full.",
            "Federation of International Cricketers' Associations",
            ActorKind::Organization,
        ),
    ] {
        let found = analyze_actors(text, &Lexicon::default_english());
        let got = names_and_kinds(&found);
        assert_eq!(got, [(name, kind)], "{text}");
    }
    // A person after an organisation's possessive is still the person; an office is still
    // its holder's.
    assert_eq!(
        names("The European Union's Kaja Kallas said the plan was flawed."),
        ["Kaja Kallas"]
    );
    assert_eq!(
        names("Zelenskyy's office said the plan was flawed."),
        ["Volodymyr Zelenskyy"]
    );
}

#[test]
fn a_group_opening_the_sentence_keeps_its_whole_description() {
    for (text, name) in [
        (
            "Analysts at Karachi brokerages said the rate cut came too late.",
            "Analysts at Karachi brokerages",
        ),
        (
            "Directors of several smaller tournaments said the new calendar would ruin them.",
            "Directors of several smaller tournaments",
        ),
        (
            "Flight attendants at Maple Air voted to strike over the pay offer.",
            "Flight attendants at Maple Air",
        ),
    ] {
        let found = analyze_actors(text, &Lexicon::default_english());
        assert_eq!(found.actors.len(), 1, "{text}: {:?}", found.actors);
        let a = &found.actors[0];
        assert_eq!(a.kind, ActorKind::Collective, "{text}");
        assert!(
            a.aliases.iter().any(|s| s == name),
            "{text}: {:?}",
            a.aliases
        );
    }
    // Plural things are not groups of people; a known name ending in "s" is still its owner.
    assert!(names("Reports said the talks had stalled.").is_empty());
    assert_eq!(
        names("Rowan Jones called the plan reckless. Jones said it would fail."),
        ["Rowan Jones", "Rowan Jones"]
    );
}

#[test]
fn a_named_spokesperson_of_an_organisation_speaks_for_it() {
    let text = "Commission spokesperson Anna Berg said the fine was justified. \
                Berg added that an appeal was possible.";
    let found = analyze_actors(text, &Lexicon::default_english());
    let got: Vec<&str> = found.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(got, ["European Commission"]);
    assert_eq!(found.attributions.len(), 2);
    for alias in ["Commission spokesperson Anna Berg", "Anna Berg", "Berg"] {
        assert!(
            found.actors[0].aliases.iter().any(|a| a == alias),
            "{alias}: {:?}",
            found.actors[0].aliases
        );
    }

    let text = "A spokesman for the Turkish foreign ministry said the border would stay open.";
    let found = analyze_actors(text, &Lexicon::default_english());
    let a = &found.actors[found.attributions[0].actor];
    assert_eq!(a.name, "Turkish foreign ministry");
    assert!(
        a.aliases
            .iter()
            .any(|s| s == "spokesman for the Turkish foreign ministry"),
        "{:?}",
        a.aliases
    );
    // A well-known spokesperson in the lexicon keeps a stance of his own.
    assert_eq!(
        names("Kremlin spokesman Dmitry Peskov said the offer was not serious."),
        ["Dmitry Peskov"]
    );
}

#[test]
fn a_lone_unknown_name_before_a_speech_verb_is_at_most_an_organisation() {
    let found = analyze_actors(
        "On Monday, Gazprom said the pipeline would close. Gazprom added it had no choice.",
        &Lexicon::empty(),
    );
    let got = names_and_kinds(&found);
    assert_eq!(got, [("Gazprom", ActorKind::Organization)]);
    assert_eq!(found.attributions.len(), 2);
    for text in [
        "On Monday, Europe said the plan was fine.",
        "Across the border, the Northeast said the plan was fine.",
        "On Monday, British said the plan was fine.",
        // The article writes "business" in lowercase elsewhere: a common word.
        "Business said the plan was fine. Small business owners were divided.",
    ] {
        assert!(names(text).is_empty(), "{text}: {:?}", names(text));
    }
    // An embassy is an organisation suffix, so the city after "in" is part of the name.
    assert_eq!(
        names("The U.S. Embassy in Bogota said visa rules would change."),
        ["U.S. Embassy in Bogota"]
    );
}

#[test]
fn party_and_state_tags_in_brackets_are_not_actors() {
    for (text, name) in [
        (
            "Sen. Rowan Hale (D-Ohio) said the bill was dead.",
            "Rowan Hale",
        ),
        (
            "\"It is a bad deal,\" said Rep. Mara Lind (R-Texas).",
            "Mara Lind",
        ),
        (
            "Tom Price (R-Alexandria) said the bill was dead.",
            "Tom Price",
        ),
    ] {
        let found = analyze_actors(text, &Lexicon::default_english());
        let got: Vec<&str> = found.actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(got, [name], "{text}");
    }
}

#[test]
fn organisation_names_run_across_connectors() {
    assert_eq!(
        names("The Australian Competition and Consumer Commission said it would review the deal."),
        ["Australian Competition and Consumer Commission"]
    );
    assert_eq!(
        names("The Department of Employment and Labour said it was studying the agreement."),
        ["Department of Employment and Labour"]
    );
    let found = analyze_actors(
        "The Department of Employment and Labour said it was studying the agreement.",
        &Lexicon::default_english(),
    );
    assert_ne!(found.actors[0].kind, ActorKind::Person);
}

#[test]
fn separate_names_joined_by_and_stay_separate() {
    assert_eq!(
        names("Kyiv and Moscow said the talks would resume."),
        ["Ukraine", "Russia"]
    );
    assert_eq!(
        names("The European Commission and NATO welcomed the plan."),
        ["European Commission", "NATO"]
    );
}

#[test]
fn party_and_state_tags_are_not_actors() {
    assert_eq!(
        names("Rep. Tom Hale, R-Texas, said he would vote against the bill."),
        ["Tom Hale"]
    );
    assert_eq!(
        names("Sen. Ana Diaz (D-Ohio) said the pact was a good start."),
        ["Ana Diaz"]
    );
}

#[test]
fn a_relative_clause_between_speaker_and_verb_is_skipped() {
    assert_eq!(
        names("Rep. Tom Hale, R-Texas, who leads the farm panel, said the bill was overdue."),
        ["Tom Hale"]
    );
    assert_eq!(
        names(
            "The Grain Growers Council, which represents farmers, millers and bakers, said \
             it welcomed the deal."
        ),
        ["Grain Growers Council"]
    );
    assert_eq!(
        names("Sen. Ana Diaz, D-Ohio, whose state grows soybeans, said the pact was weak."),
        ["Ana Diaz"]
    );
}

#[test]
fn a_verb_after_and_is_the_subjects_not_a_group_in_the_reported_clause() {
    let s = statements(
        "The River Tenants Union said the cap would protect thousands of older residents \
         from eviction and urged the council to pass it.",
        &Lexicon::default_english(),
    );
    let who: Vec<(&str, Option<&str>)> = s.iter().map(|s| (s.0.as_str(), s.3.as_deref())).collect();
    assert_eq!(who, [("River Tenants Union", None)]);
}

#[test]
fn a_pronoun_later_in_a_sentence_refers_to_the_actor_opening_it() {
    let text = "Sen. Marcus Bell said the bill was weak. Sen. Ana Ruiz, who sits on the Finance \
                Committee, was still reading the text, her spokesman said.";
    assert_eq!(names(text), ["Marcus Bell", "Ana Ruiz"]);
    // Another named actor between them takes the pronoun.
    let s = statements(
        "President Ana Ruiz accepted the plan, but opposition leader Tom Hale said the text \
         was flawed and that he would not sign it.",
        &Lexicon::default_english(),
    );
    let got: Vec<(&str, Option<&str>)> = s.iter().map(|s| (s.0.as_str(), s.3.as_deref())).collect();
    assert_eq!(got, [("Ana Ruiz", None), ("Tom Hale", None)]);
}

#[test]
fn a_sentence_initial_word_never_written_in_lowercase_is_a_name() {
    assert_eq!(
        names("Solidarity, which represents skilled workers, said it had not decided."),
        ["Solidarity"]
    );
    assert_eq!(
        names("Vantara said it would appeal the ruling."),
        ["Vantara"]
    );
    assert_eq!(
        names("Energy and Climate Minister Ola Berg signed the accord."),
        ["Ola Berg"]
    );
    // "security" is a common word in this article: the capital is the sentence's.
    assert!(
        names("Security said the doors were shut. The report covers security and growth.")
            .is_empty()
    );
}

#[test]
fn a_nested_holder_is_the_subject_of_the_reported_clause() {
    // "the government has proposed" is a relative clause inside the report, not a report
    // of the government's own.
    let s = statements(
        "The Harbour Tenants Council said the rules the government has proposed would hurt \
         renters.",
        &Lexicon::default_english(),
    );
    let got: Vec<(&str, Option<&str>)> = s.iter().map(|s| (s.0.as_str(), s.3.as_deref())).collect();
    assert_eq!(got, [("Harbour Tenants Council", None)]);
    // The subject of the reported clause still is the holder.
    let s = statements(
        "The Harbour Tenants Council said on Monday that the government had approved the \
         rules.",
        &Lexicon::default_english(),
    );
    assert_eq!(s[0].3.as_deref(), Some("Harbour Tenants Council"), "{s:?}");
}

#[test]
fn an_organisation_referred_back_to_in_its_own_report_is_the_speaker() {
    let found = analyze_actors(
        "A PTI spokesman said the party would vote against the bill.",
        &Lexicon::default_english(),
    );
    let got: Vec<&str> = found.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(got, ["PTI"]);
    assert_eq!(found.attributions.len(), 1);
    assert_eq!(found.attributions[0].relayed_by, None);
}

#[test]
fn a_body_named_in_the_speakers_title_is_the_speakers_own() {
    // The chair of the board speaks for the board: "the board would vote" is the chair's
    // statement, not a report of another actor's view.
    for (text, speaker) in [
        (
            "Library board chair Elena Ruiz said the board would vote on the budget next week.",
            "Elena Ruiz",
        ),
        (
            "On Monday, union president Tom Hale said the union would strike if the offer stood.",
            "Tom Hale",
        ),
    ] {
        let s = statements(text, &Lexicon::default_english());
        let got: Vec<(&str, Option<&str>)> =
            s.iter().map(|s| (s.0.as_str(), s.3.as_deref())).collect();
        assert_eq!(got, [(speaker, None)], "{text}");
    }
}

#[test]
fn a_body_described_by_whom_it_represents_is_the_actor() {
    for (text, name, kind) in [
        (
            "The union representing Harbour Line's bus drivers declined to comment.",
            "union representing Harbour Line's bus drivers",
            ActorKind::Organization,
        ),
        (
            "A group representing small farmers said the deal was unfair.",
            "group representing small farmers",
            ActorKind::Organization,
        ),
    ] {
        let found = analyze_actors(text, &Lexicon::default_english());
        let got: Vec<(&str, ActorKind)> = found
            .actors
            .iter()
            .map(|a| (a.name.as_str(), a.kind))
            .collect();
        assert_eq!(got, [(name, kind)], "{text}");
    }
}

#[test]
fn councillors_are_a_group() {
    // Counts and quantifiers are not part of a group's name (as "according to two diplomats").
    assert_eq!(
        who("The three Green councillors abstained."),
        [("Green councillors".to_string(), ReportedAction)]
    );
    assert_eq!(
        who("Several city councilors voted against the plan."),
        [("city councilors".to_string(), ReportedAction)]
    );
}

#[test]
fn a_coalition_of_groups_is_the_coalition() {
    for (text, name) in [
        (
            "A coalition of tenant groups walked out of the meeting.",
            "coalition of tenant groups",
        ),
        (
            "A coalition of farmers' organisations from Alto Douro said the deal was unfair.",
            "coalition of farmers' organisations from Alto Douro",
        ),
    ] {
        let found = analyze_actors(text, &Lexicon::default_english());
        let got: Vec<&str> = found.actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(got, [name], "{text}");
    }
}

#[test]
fn a_common_noun_before_a_country_names_an_organisation() {
    let found = analyze_actors(
        "Rugby Canada said it backed the plan, which would help rugby grow.",
        &Lexicon::default_english(),
    );
    let got = names_and_kinds(&found);
    assert_eq!(got, [("Rugby Canada", ActorKind::Organization)]);
}

#[test]
fn taking_a_position_or_view_is_a_reported_action() {
    assert_eq!(
        who("The Harbour Trust, the port's largest owner, took a different view."),
        [("Harbour Trust".to_string(), ReportedAction)]
    );
    assert_eq!(
        who("Gov. Ana Ruiz has not taken a position on the levy."),
        [("Ana Ruiz".to_string(), ReportedAction)]
    );
    // Taking anything else is no stance.
    assert!(who("The Harbour Trust took a stake in the port.").is_empty());
    // The pronoun of the next sentence goes back to the actor who took the view.
    let s = statements(
        "The council approved the plan. The Harbour Trust took a different view. In a \
         statement, it said the plan was flawed.",
        &Lexicon::default_english(),
    );
    assert_eq!(
        s.last().map(|s| s.0.as_str()),
        Some("Harbour Trust"),
        "{s:?}"
    );
}

#[test]
fn introducing_a_bill_is_a_reported_action() {
    // ("presented" is not: companies present results as often as plans.)
    assert_eq!(
        who("Sen. Ana Ruiz introduced a bill that would cap rents."),
        [("Ana Ruiz".to_string(), ReportedAction)]
    );
}

#[test]
fn coming_out_against_and_giving_a_reception_are_reported_actions() {
    assert_eq!(
        who("The Grocers Association also came out against the plan."),
        [("Grocers Association".to_string(), ReportedAction)]
    );
    assert_eq!(
        who("The Players Association, which represents players, gave the plan a mixed reception."),
        [("Players Association".to_string(), ReportedAction)]
    );
}

#[test]
fn plural_nouns_for_a_cause_name_an_advocacy_group() {
    assert_eq!(
        names("Educators for Clean Water said the permit should be revoked."),
        ["Educators for Clean Water"]
    );
}

#[test]
fn a_group_opening_the_sentence_leaves_adverbs_and_relative_clauses_out() {
    for (text, name) in [
        (
            "Cabin crews at Nordic Air overwhelmingly rejected the offer.",
            "Cabin crews at Nordic Air",
        ),
        (
            "Organizers of several regional races, which would lose funding, also came out \
             against it.",
            "Organizers of several regional races",
        ),
    ] {
        let found = analyze_actors(text, &Lexicon::default_english());
        assert_eq!(found.actors.len(), 1, "{text}: {:?}", found.actors);
        assert!(
            found.actors[0].aliases.iter().any(|s| s == name),
            "{text}: {:?}",
            found.actors[0].aliases
        );
    }
}

#[test]
fn investment_firms_are_organisations() {
    let found = analyze_actors(
        "Northgate Capital said it would vote against the offer.",
        &Lexicon::default_english(),
    );
    let got = names_and_kinds(&found);
    assert_eq!(got, [("Northgate Capital", ActorKind::Organization)]);
}
