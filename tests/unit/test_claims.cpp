// Claims and sources on crafted sentences: quote marks, cues, claim kinds, speakers,
// source merging, inherited speakers, nested claims, and the hard cases.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "claims/claims.hpp"
#include "layout/layout.hpp"
#include "reportage/parse.hpp"
#include "text/document.hpp"

using namespace reportage;

namespace {

// The stage alone, with every paragraph as body (independent of the layout stage).
struct Result {
    std::string input;
    std::vector<Source> sources;
    std::vector<Claim> claims;
    std::vector<Diagnostic> diagnostics;
};

Result analyse(const std::string& input) {
    Result r;
    r.input = input;
    text::Document doc = text::build_document(r.input);
    layout::Layout layout;
    for (std::uint32_t i = 0; i < doc.paragraphs.size(); ++i)
        layout.body.push_back({doc.paragraphs[i].span, i});
    Article article;
    claims::extract(doc, layout, article, r.sources, r.claims, r.diagnostics);
    return r;
}


const Source* source_of(const Result& r, const Claim& c) {
    if (!c.source) return nullptr;
    for (const auto& s : r.sources)
        if (s.id == *c.source) return &s;
    return nullptr;
}

const Claim* claim_containing(const Result& r, const std::string& needle) {
    for (const auto& c : r.claims)
        if (c.content.text.find(needle) != std::string::npos) return &c;
    return nullptr;
}

std::string speaker(const Result& r, const Claim& c) {
    const Source* s = source_of(r, c);
    return s ? s->name : std::string("<none>");
}

bool has_diagnostic(const Result& r, const std::string& code) {
    for (const auto& d : r.diagnostics)
        if (d.code == code) return true;
    return false;
}

}  // namespace

TEST_CASE("a direct quote before 'X said' is one direct claim with the quote marks in its span") {
    Result r = analyse(("\xE2\x80\x9CThe bridge will open next spring,\xE2\x80\x9D Maria Lindqvist said."));
    const Claim* c = claim_containing(r, "The bridge will open");
    REQUIRE(c);
    CHECK(c->kind == ClaimKind::direct);
    CHECK(c->content.text == "\xE2\x80\x9CThe bridge will open next spring,\xE2\x80\x9D");
    CHECK(speaker(r, *c) == "Maria Lindqvist");
    REQUIRE(c->cue);
    CHECK(c->cue->lemma == "say");
}

TEST_CASE("inverted cue with a relative clause: said John Roe, a detective who ...") {
    Result r = analyse((
        "\"We found the car on Tuesday,\" said John Roe, a detective who led the search."));
    const Claim* c = claim_containing(r, "We found the car");
    REQUIRE(c);
    CHECK(c->kind == ClaimKind::direct);
    CHECK(speaker(r, *c) == "John Roe");
}

TEST_CASE("an appositive between name and cue gives role and affiliation") {
    Result r = analyse((
        "Jane Doe, a reporter for the Daily Example, said the mayor had resigned on Monday."));
    const Claim* c = claim_containing(r, "the mayor had resigned");
    REQUIRE(c);
    CHECK(c->kind == ClaimKind::indirect);
    CHECK(c->content.text == "the mayor had resigned on Monday");
    const Source* s = source_of(r, *c);
    REQUIRE(s);
    CHECK(s->name == "Jane Doe");
    CHECK(s->kind == SourceKind::person);
    CHECK(s->named);
    REQUIRE(s->role);
    CHECK(*s->role == "reporter");
    REQUIRE(s->affiliation);
    CHECK(*s->affiliation == "Daily Example");
}

TEST_CASE("indirect speech: the content is the reported clause, without 'that' and the cue") {
    Result r = analyse(("Officials said that the road would stay closed until Friday."));
    const Claim* c = claim_containing(r, "road would stay closed");
    REQUIRE(c);
    CHECK(c->kind == ClaimKind::indirect);
    CHECK(c->content.text == "the road would stay closed until Friday");
    const Source* s = source_of(r, *c);
    REQUIRE(s);
    CHECK(s->kind == SourceKind::group);
    CHECK(s->official);
    CHECK_FALSE(s->named);
}

TEST_CASE("tell with a listener and a trailing '..., X said.'") {
    Result r = analyse((
        "Local residents told reporters they had heard three explosions.\n\n"
        "The water supply was cut for two days, a spokesman for the interior ministry said."));
    const Claim* a = claim_containing(r, "heard three explosions");
    REQUIRE(a);
    REQUIRE(a->cue);
    CHECK(a->cue->lemma == "tell");
    CHECK(speaker(r, *a) == "Local residents");
    const Claim* b = claim_containing(r, "water supply was cut");
    REQUIRE(b);
    CHECK(b->kind == ClaimKind::indirect);
    const Source* s = source_of(r, *b);
    REQUIRE(s);
    CHECK(s->kind == SourceKind::person);
    CHECK(s->official);
    REQUIRE(s->role);
    CHECK(*s->role == "spokesman");
}

TEST_CASE("according to, before and after the content") {
    Result r = analyse((
        "According to the regional health office, the clinic treated 40 patients.\n\n"
        "The fire started in a kitchen, according to witnesses."));
    const Claim* a = claim_containing(r, "the clinic treated 40 patients");
    REQUIRE(a);
    CHECK(a->kind == ClaimKind::according_to);
    CHECK(a->content.text == "the clinic treated 40 patients");
    CHECK(speaker(r, *a).find("health office") != std::string::npos);
    const Claim* b = claim_containing(r, "The fire started");
    REQUIRE(b);
    CHECK(b->kind == ClaimKind::according_to);
    CHECK(speaker(r, *b) == "witnesses");
}

TEST_CASE("a partial quote inside reported speech is a mixed claim") {
    Result r = analyse((
        "The minister said the plan was \xE2\x80\x9C" "a first step\xE2\x80\x9D towards peace."));
    const Claim* c = claim_containing(r, "a first step");
    REQUIRE(c);
    CHECK(c->kind == ClaimKind::mixed);
    CHECK(r.claims.size() == 1);
}

TEST_CASE("colon lead-in and a dash attribution") {
    Result r = analyse((
        "Ahmed Karimi added: \xE2\x80\x9CWe will rebuild the school before winter.\xE2\x80\x9D\n\n"
        "\xE2\x80\x9CNobody expected the river to rise so fast.\xE2\x80\x9D \xE2\x80\x94 Commissioner Ruth Ellery"));
    const Claim* a = claim_containing(r, "rebuild the school");
    REQUIRE(a);
    CHECK(a->kind == ClaimKind::direct);
    CHECK(speaker(r, *a) == "Ahmed Karimi");
    REQUIRE(a->cue);
    CHECK(a->cue->lemma == "add");
    const Claim* b = claim_containing(r, "Nobody expected");
    REQUIRE(b);
    CHECK(speaker(r, *b).find("Ellery") != std::string::npos);
}

TEST_CASE("'adding that' continues the same speaker with its own cue") {
    Result r = analyse((
        "\xE2\x80\x9CThe talks went well,\xE2\x80\x9D Ms Okafor said, adding that a second round was planned."));
    const Claim* a = claim_containing(r, "The talks went well");
    const Claim* b = claim_containing(r, "a second round was planned");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(b->kind == ClaimKind::indirect);
    REQUIRE(b->cue);
    CHECK(b->cue->lemma == "add");
    CHECK(b->source == a->source);
}

TEST_CASE("multi-paragraph quote: one claim, one span per paragraph, inherited speaker") {
    Result r = analyse((
        "\xE2\x80\x9CThe market is quiet,\xE2\x80\x9D Tomas Berg said.\n\n"
        "\xE2\x80\x9CPrices have not changed in a week. People are waiting.\n\n"
        "\xE2\x80\x9CNobody knows what comes next.\xE2\x80\x9D"));
    const Claim* c = claim_containing(r, "Prices have not changed");
    REQUIRE(c);
    CHECK(c->content.spans.size() == 2);
    CHECK(c->content.text.find("Nobody knows what comes next.") != std::string::npos);
    CHECK(c->kind == ClaimKind::direct);
    CHECK(c->inherited);
    CHECK(speaker(r, *c) == "Tomas Berg");
    CHECK_FALSE(has_diagnostic(r, "unclosed_quote"));
}

TEST_CASE("an appositive plus a paragraph break inside the quote") {
    Result r = analyse((
        "Lena Park, a nurse at the city hospital, said: \xE2\x80\x9CWe ran out of beds on the first night.\n\n"
        "\xE2\x80\x9CThe staff worked for two days without rest.\xE2\x80\x9D"));
    const Claim* c = claim_containing(r, "ran out of beds");
    REQUIRE(c);
    CHECK(c->content.spans.size() == 2);
    const Source* s = source_of(r, *c);
    REQUIRE(s);
    CHECK(s->name == "Lena Park");
    REQUIRE(s->role);
    CHECK(*s->role == "nurse");
}

TEST_CASE("a quote left open with no continuation gives a diagnostic and still a claim") {
    Result r = analyse((
        "\xE2\x80\x9CThe well has been dry since June, said the farmer.\n\nThe village has no other well."));
    CHECK(has_diagnostic(r, "unclosed_quote"));
    CHECK(claim_containing(r, "The well has been dry") != nullptr);
}

TEST_CASE("a pronoun two sentences after the name resolves to that person") {
    Result r = analyse((
        "Carla Mendes runs the only bakery in the town. Her shop opened in 1998. "
        "She said the flour price had doubled."));
    const Claim* c = claim_containing(r, "flour price had doubled");
    REQUIRE(c);
    CHECK(speaker(r, *c) == "Carla Mendes");
    REQUIRE(c->source_mention);
    const Source* s = source_of(r, *c);
    REQUIRE(s);
    CHECK(s->mentions.size() >= 2);
}

TEST_CASE("surname and title + surname merge into one source") {
    Result r = analyse((
        "Peter Hollis said the bridge was safe.\n\n"
        "Mr Hollis said repairs would start soon.\n\n"
        "Hollis said the cost was not yet known."));
    int hollis = 0;
    for (const auto& s : r.sources)
        if (s.name.find("Hollis") != std::string::npos) ++hollis;
    CHECK(hollis == 1);
    CHECK(r.claims.size() == 3);
}

TEST_CASE("scare quotes and titles are not claims") {
    Result r = analyse((
        "The group calls itself \xE2\x80\x9Cwoke\xE2\x80\x9D and meets every week. "
        "Its members read \xE2\x80\x9CThe Long Road\xE2\x80\x9D together."));
    CHECK(r.claims.empty());
}

TEST_CASE("mismatched marks still pair") {
    Result r = analyse(("\xE2\x80\x9CWe are not leaving this place,\" the protest leader said."));
    const Claim* c = claim_containing(r, "We are not leaving");
    REQUIRE(c);
    CHECK(c->kind == ClaimKind::direct);
    CHECK(speaker(r, *c).find("protest leader") != std::string::npos);
}

TEST_CASE("apostrophes are not quote marks") {
    Result r = analyse((
        "\xE2\x80\x9CThe dog\xE2\x80\x99s owner didn\xE2\x80\x99t see the Jones\xE2\x80\x99 car in the \xE2\x80\x99" "90s,\xE2\x80\x9D Anna Vik said."));
    const Claim* c = claim_containing(r, "owner didn");
    REQUIRE(c);
    CHECK(c->kind == ClaimKind::direct);
    CHECK(c->content.spans.size() == 1);
    CHECK(speaker(r, *c) == "Anna Vik");
}

TEST_CASE("a quote with no speaker anywhere has source null, not a guess") {
    Result r = analyse((
        "The hall was full by noon.\n\n"
        "\xE2\x80\x9C" "Everyone here has lost something in this flood and wants answers.\xE2\x80\x9D"));
    const Claim* c = claim_containing(r, "Everyone here has lost");
    REQUIRE(c);
    CHECK_FALSE(c->source.has_value());
    CHECK_FALSE(c->source_mention.has_value());
}

TEST_CASE("a claim reported inside a quote is nested in it") {
    Result r = analyse((
        "\xE2\x80\x9CThe state television has reported that the border is closed. That is false,\xE2\x80\x9D "
        "Omar Haddad said."));
    const Claim* outer = claim_containing(r, "That is false");
    const Claim* inner = nullptr;
    for (const auto& c : r.claims)
        if (c.nested_in) inner = &c;
    REQUIRE(outer);
    REQUIRE(inner);
    REQUIRE(inner != outer);
    REQUIRE(inner->nested_in);
    CHECK(*inner->nested_in == outer->id);
    const Source* s = source_of(r, *inner);
    REQUIRE(s);
    CHECK(s->kind == SourceKind::media);
}

TEST_CASE("text of every claim equals its span bytes and ids are sequential") {
    Result r = analyse((
        "\xE2\x80\x9COne,\xE2\x80\x9D she said, \xE2\x80\x9Ctwo.\xE2\x80\x9D Officials say the count is over."));
    std::string in = (
        "\xE2\x80\x9COne,\xE2\x80\x9D she said, \xE2\x80\x9Ctwo.\xE2\x80\x9D Officials say the count is over.");
    for (std::size_t i = 0; i < r.claims.size(); ++i) {
        const Claim& c = r.claims[i];
        CHECK(c.id == "c" + std::to_string(i + 1));
        std::string joined;
        for (const auto& s : c.content.spans) {
            if (!joined.empty()) joined += ' ';
            joined += in.substr(s.begin, s.end - s.begin);
        }
        CHECK(joined == c.content.text);
    }
    for (std::size_t i = 0; i < r.sources.size(); ++i) CHECK(r.sources[i].id == "s" + std::to_string(i + 1));
}

TEST_CASE("the pipeline runs the stage: parse() reports claims and sources") {
    reportage::Report r = parse(
        "Flood Waters Recede\n\nThe river fell overnight in the valley towns.\n\n"
        "\xE2\x80\x9CWe can start cleaning tomorrow,\xE2\x80\x9D Mayor Ines Falk said on Sunday.\n\n"
        "Officials said the schools would reopen next week.\n");
    for (const auto& c : r.claims) CHECK_FALSE(c.content.text.empty());
    CHECK(true);
}

TEST_CASE("100k quote marks stay fast and valid") {
    std::string in(100000, '"');
    Result r = analyse(in);
    for (const auto& c : r.claims)
        for (const auto& s : c.content.spans) CHECK(s.end <= in.size());
    CHECK(true);
}

TEST_CASE("two apostrophes written as one double mark: ''quote'' then 'X said'") {
    Result r = analyse(
        "''We will open the new clinic in the spring,'' Dr. Lena Marsh said.\n\n"
        "''The roof still leaks,'' she said. ''Nobody has fixed it since the storm.''");
    const Claim* a = claim_containing(r, "open the new clinic");
    REQUIRE(a);
    CHECK(a->kind == ClaimKind::direct);
    CHECK(a->content.text == "''We will open the new clinic in the spring,''");
    CHECK(speaker(r, *a) == "Lena Marsh");
    REQUIRE(a->cue);
    CHECK(a->cue->text == "said");
    const Claim* b = claim_containing(r, "roof still leaks");
    REQUIRE(b);
    CHECK(speaker(r, *b) == "Lena Marsh");
    CHECK(b->content.spans.size() == 2);  // the second quote joins the first
    // a lone apostrophe pair inside a word stays an apostrophe
    Result c = analyse("The farmers' market reopened on Saturday, the council's office said.");
    for (const auto& cl : c.claims) CHECK(cl.kind != ClaimKind::direct);
}

TEST_CASE("the attribution dash is the cue of a dash-attributed quote") {
    Result r = analyse(
        "\xE2\x80\x9CThe ferry has not run for a week.\xE2\x80\x9D \xE2\x80\x95 Tomas Brink\n\n"
        "\xE2\x80\x9CWe need the bridge back.\xE2\x80\x9D\xE2\x80\x94 Ana Vidal");
    const Claim* a = claim_containing(r, "ferry has not run");
    REQUIRE(a);
    CHECK(speaker(r, *a) == "Tomas Brink");
    REQUIRE(a->cue);
    CHECK(a->cue->text == "\xE2\x80\x95");
    CHECK(a->cue->lemma == "say");
    const Claim* b = claim_containing(r, "bridge back");
    REQUIRE(b);
    CHECK(speaker(r, *b) == "Ana Vidal");
    REQUIRE(b->cue);
    CHECK(b->cue->text == "\xE2\x80\x94");
}

TEST_CASE("quote, then a subject with long appositives holding a place, then the cue") {
    Result r = analyse(
        "\"It is a clear overreach by the agency,\" Carol Quint, the Democratic attorney general of "
        "Vermont, one of the states suing the agency, said at an event this month.");
    const Claim* c = claim_containing(r, "clear overreach");
    REQUIRE(c);
    CHECK(c->kind == ClaimKind::direct);
    CHECK(speaker(r, *c) == "Carol Quint");
    REQUIRE(c->cue);
    CHECK(c->cue->text.rfind("said", 0) == 0);
    // without the quote: the name before the chain of appositives
    Result r2 = analyse(
        "Carol Quint, the Democratic attorney general of Vermont, one of the states suing the "
        "agency, said the rule would be withdrawn.");
    const Claim* c2 = claim_containing(r2, "rule would be withdrawn");
    REQUIRE(c2);
    CHECK(speaker(r2, *c2) == "Carol Quint");
}

TEST_CASE("quote, then a title and name with a lower-case role before it") {
    Result r = analyse(
        "\"We expect the count to finish on Friday,\" county spokesman Elias Oduya said on Monday.");
    const Claim* c = claim_containing(r, "count to finish");
    REQUIRE(c);
    CHECK(speaker(r, *c) == "Elias Oduya");
    REQUIRE(c->cue);
    CHECK(c->cue->lemma == "say");
}

TEST_CASE("a name of an organisation: 'Mr. X of the Y said'") {
    Result r = analyse("\"It was the least bad outcome,\" Mr. Pell of the Harbor League said.");
    const Claim* c = claim_containing(r, "least bad outcome");
    REQUIRE(c);
    CHECK(speaker(r, *c) == "Pell");
    REQUIRE(c->cue);
    CHECK(c->cue->text == "said");
}

TEST_CASE("a short adverbial between commas before the cue, and a parenthesis before an appositive") {
    Result r = analyse(
        "Senator Ida Brandt, at a later press briefing, said, \xE2\x80\x9CWe have been told very little "
        "about the fire.\xE2\x80\x9D\n\n"
        "\xE2\x80\x9CThey would have gone and taken the files,\xE2\x80\x9D Rep. Owen Hale (R-Ky.), a "
        "member of the oversight panel, said in a phone interview.");
    const Claim* a = claim_containing(r, "told very little");
    REQUIRE(a);
    CHECK(speaker(r, *a) == "Ida Brandt");
    const Claim* b = claim_containing(r, "taken the files");
    REQUIRE(b);
    CHECK(speaker(r, *b) == "Owen Hale");
    REQUIRE(b->cue);
    CHECK(b->cue->lemma == "say");
}

TEST_CASE("a second quote after 'said X, a professor at Some University who ...' keeps X") {
    Result r = analyse(
        "\"It was a fine deal for the buyers,\" said Paula Venn, a law professor at Eastfield State "
        "University who has studied such sales since 1990. \"They shed every liability they had.\"");
    const Claim* a = claim_containing(r, "fine deal");
    REQUIRE(a);
    CHECK(speaker(r, *a) == "Paula Venn");
    const Claim* b = claim_containing(r, "shed every liability");
    REQUIRE(b);
    CHECK(speaker(r, *b) == "Paula Venn");
}

TEST_CASE("many reporting verbs in one sentence stay linear") {
    std::string in;
    for (int i = 0; i < 200000; ++i) in += "said and ";
    Result r = analyse(in);
    CHECK(r.claims.size() < 10);
}

TEST_CASE("phrasal and exclamative cues: pointed out, shot back, exclaimed") {
    Result r = analyse(
        "Nadia Ferro pointed out that the levee had been repaired twice.\n\n"
        "\xE2\x80\x9CThey only come here for the photographs,\xE2\x80\x9D Ben Alder shot back.\n\n"
        "\xE2\x80\x9CThe whole roof is gone,\xE2\x80\x9D the inspector exclaimed.");
    const Claim* a = claim_containing(r, "levee had been repaired");
    REQUIRE(a);
    CHECK(speaker(r, *a) == "Nadia Ferro");
    REQUIRE(a->cue);
    CHECK(a->cue->lemma == "point");
    CHECK(a->cue->text == "pointed out");
    const Claim* b = claim_containing(r, "for the photographs");
    REQUIRE(b);
    CHECK(speaker(r, *b) == "Ben Alder");
    REQUIRE(b->cue);
    CHECK(b->cue->text == "shot back");
    const Claim* c = claim_containing(r, "whole roof");
    REQUIRE(c);
    REQUIRE(c->cue);
    CHECK(c->cue->lemma == "exclaim");
    CHECK(speaker(r, *c).find("inspector") != std::string::npos);
}

TEST_CASE("one quote, one claim: the quoted part of a mixed claim is not taken again by the next cue") {
    Result r = analyse(
        "Harbour warden Ines Falk said the gates had closed \"only after the last ferry left the pier.\" "
        "She said guards turned away 30 cars, most of them from the north.");
    int holding = 0;
    for (const auto& c : r.claims)
        if (c.content.text.find("last ferry left") != std::string::npos) ++holding;
    CHECK(holding == 1);
    const Claim* a = claim_containing(r, "the gates had closed");
    REQUIRE(a);
    CHECK(a->kind == ClaimKind::mixed);
    const Claim* b = claim_containing(r, "guards turned away 30 cars");
    REQUIRE(b);
    CHECK(b->kind == ClaimKind::indirect);
    CHECK(b->content.text.find("last ferry") == std::string::npos);
    CHECK(speaker(r, *b) == "Ines Falk");
}

TEST_CASE("'the club's treasurer, Name, said the members had …': the name speaks, the clause is the content") {
    Result r = analyse(
        "The club's treasurer, Lotte Varga, said the members had been \"kept in the dark\" and would "
        "vote again in May.");
    REQUIRE(r.claims.size() == 1);
    const Claim& c = r.claims[0];
    CHECK(c.kind == ClaimKind::mixed);
    CHECK(c.content.text.rfind("the members had been", 0) == 0);
    const Source* s = source_of(r, c);
    REQUIRE(s);
    CHECK(s->name == "Lotte Varga");
    CHECK(s->kind == SourceKind::person);
    REQUIRE(s->role);
    CHECK(*s->role == "treasurer");
    REQUIRE(s->affiliation);
    CHECK(s->affiliation->find("club") != std::string::npos);
}

TEST_CASE("an inverted cue needs the speaker phrase to end the clause") {
    // "…, said the farmers had …" is a complement clause, not "CONTENT, said SPEAKER"
    Result r = analyse("In the valley, said the farmers had lost their crops.");
    for (const auto& c : r.claims) CHECK(c.content.text.find("In the valley") == std::string::npos);
    Result r2 = analyse("The bridge will stay closed until June, said Piet Olsen, the county engineer.");
    const Claim* c = claim_containing(r2, "bridge will stay closed");
    REQUIRE(c);
    CHECK(speaker(r2, *c) == "Piet Olsen");
}

TEST_CASE("organisation head nouns make an organisation; 'the X Hospital' is named") {
    Result r = analyse(
        "According to the Lindenfeld Memorial Hospital, three patients were discharged on Friday.\n\n"
        "The Northgate Rowing Club said the regatta would go ahead.");
    const Claim* a = claim_containing(r, "three patients were discharged");
    REQUIRE(a);
    const Source* s = source_of(r, *a);
    REQUIRE(s);
    CHECK(s->kind == SourceKind::organization);
    CHECK(s->named);
    CHECK(s->name.find("Hospital") != std::string::npos);
    const Claim* b = claim_containing(r, "regatta would go ahead");
    REQUIRE(b);
    const Source* t = source_of(r, *b);
    REQUIRE(t);
    CHECK(t->kind == SourceKind::organization);
}

TEST_CASE("'Mr. X of the Y Club' gives affiliation Y Club and no role") {
    Result r = analyse("Mr. Pell of the Harbor Rowing Club said the boats had been repaired.");
    const Claim* c = claim_containing(r, "boats had been repaired");
    REQUIRE(c);
    const Source* s = source_of(r, *c);
    REQUIRE(s);
    CHECK(s->name == "Pell");
    CHECK_FALSE(s->role);
    REQUIRE(s->affiliation);
    CHECK(*s->affiliation == "Harbor Rowing Club");
}

TEST_CASE("an inherited quote paragraph keeps the cue of the claim that opened the turn") {
    Result r = analyse(
        "\xE2\x80\x9CWe will rebuild the school,\xE2\x80\x9D the mayor, Rosa Imhof, said.\n\n"
        "\xE2\x80\x9CThe children will be back in their classrooms before the winter comes.\xE2\x80\x9D");
    const Claim* c = claim_containing(r, "back in their classrooms");
    REQUIRE(c);
    CHECK(c->inherited);
    CHECK(speaker(r, *c) == "Rosa Imhof");
    REQUIRE(c->cue);
    CHECK(c->cue->lemma == "say");
}

TEST_CASE("transcript-style colon lead-ins: 'NAME: …' at a paragraph start, and a name before a quote") {
    Result r = analyse(
        "The hearing went on into the evening.\n\n"
        "HALVORSEN: We never agreed to that.\n\n"
        "Greta Moll: The schedule was posted a month ago.\n\n"
        "Update: the hearing resumes on Monday.\n\n"
        "The reply came from analyst Jonas Brill: \xE2\x80\x9CNobody here has read the full report yet.\xE2\x80\x9D");
    const Claim* a = claim_containing(r, "never agreed");
    REQUIRE(a);
    CHECK(speaker(r, *a) == "HALVORSEN");
    REQUIRE(a->cue);
    CHECK(a->cue->text == ":");
    CHECK(a->kind == ClaimKind::indirect);
    const Claim* b = claim_containing(r, "posted a month ago");
    REQUIRE(b);
    CHECK(speaker(r, *b) == "Greta Moll");
    CHECK_FALSE(claim_containing(r, "resumes on Monday"));
    const Claim* c = claim_containing(r, "read the full report");
    REQUIRE(c);
    CHECK(speaker(r, *c) == "Jonas Brill");
    REQUIRE(c->cue);
    CHECK(c->cue->text == ":");
    for (const auto& cl : r.claims) {
        std::string joined;
        for (const auto& sp : cl.content.spans) {
            if (!joined.empty()) joined += ' ';
            joined += r.input.substr(sp.begin, sp.end - sp.begin);
        }
        CHECK(joined == cl.content.text);
    }
}

TEST_CASE("pronouns use the gender of role nouns and of listed first names") {
    Result r = analyse(
        "Council spokeswoman Dana Quill announced the closure of the pool. Her colleague Peter Reyes "
        "attended the briefing. She said repairs would take a month.\n\n"
        "Board chairman Alvar Nils spoke next, and Mary Oduya, a tenant, listened. He said the rent "
        "would not change.");
    const Claim* a = claim_containing(r, "repairs would take a month");
    REQUIRE(a);
    CHECK(speaker(r, *a) == "Dana Quill");
    const Claim* b = claim_containing(r, "rent would not change");
    REQUIRE(b);
    CHECK(speaker(r, *b) == "Alvar Nils");
}

TEST_CASE("thousands of distinct speakers: each is one source, and a later surname finds its own person") {
    // Made-up surnames Kaaa, Kaab, ...: every name is new, all share the first name.
    auto surname = [](int i) {
        std::string s = "K";
        for (int d = 0, k = i; d < 3; ++d, k /= 26) s += static_cast<char>('a' + k % 26);
        return s;
    };
    const int n = 3000;
    std::string text;
    for (int i = 0; i < n; ++i) text += "\"We will see,\" said Ana " + surname(i) + ", a spokeswoman. ";
    text += "\n\n";
    for (int i = 0; i < n; i += 100) text += surname(i) + " said the talks would go on. ";
    Result r = analyse(text);
    REQUIRE(r.sources.size() == static_cast<std::size_t>(n));
    REQUIRE(r.claims.size() == static_cast<std::size_t>(n + n / 100));
    for (int i = 0; i < n; i += 100) {
        const Claim& later = r.claims[static_cast<std::size_t>(n + i / 100)];
        CHECK(speaker(r, later) == "Ana " + surname(i));
        CHECK(later.source == r.claims[static_cast<std::size_t>(i)].source);
    }
    // a source's mentions: its own phrase, plus the later surname for every hundredth
    CHECK(r.sources[0].mentions.size() == 2);
    CHECK(r.sources[1].mentions.size() == 1);
    CHECK(r.sources[0].role == "spokeswoman");
}

TEST_CASE("many claims reported inside quotes: each is nested in the quote that holds it") {
    std::string text;
    const int n = 2000;
    for (int i = 0; i < n; ++i)
        text += "\"The council has said that road " + std::to_string(i) + " is closed. That is false,\" Omar Haddad said. ";
    Result r = analyse(text);
    REQUIRE(r.claims.size() == static_cast<std::size_t>(2 * n));
    for (int i = 0; i < n; ++i) {
        const Claim& outer = r.claims[static_cast<std::size_t>(2 * i)];
        const Claim& inner = r.claims[static_cast<std::size_t>(2 * i + 1)];
        CHECK(!outer.nested_in);
        REQUIRE(inner.nested_in);
        CHECK(*inner.nested_in == outer.id);
        CHECK(inner.content.text == "road " + std::to_string(i) + " is closed");
    }
}
