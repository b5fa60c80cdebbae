// Events on crafted articles: triggers and types, counts by role, date and place from the
// sentence or the text before it, end dates, actors, claims and sources, merging.
#include <doctest/doctest.h>

#include <string>

#include "reportage/parse.hpp"

using namespace reportage;

namespace {

Report parse_text(const std::string& body, const std::string& published = "2012-03-10") {
    ParseOptions o;
    o.published = published;
    return parse(body, o);
}

const Event* find_type(const Report& r, const std::string& type, int nth = 0) {
    for (const Event& e : r.events)
        if (e.type == type && nth-- == 0) return &e;
    return nullptr;
}

std::optional<std::int64_t> count_of(const Event& e, const std::string& key) {
    auto it = e.counts.find(key);
    if (it == e.counts.end()) return std::nullopt;
    return it->second.value ? it->second.value : it->second.low;
}

const std::string kHeadline = "Unrest in the provinces\n\n";

}  // namespace

TEST_CASE("events: a passive killing with a count, a date and a settlement") {
    Report r = parse_text(kHeadline +
                          "Nine people were killed in the northern town of Ravensby on March 3 when soldiers "
                          "opened fire on a crowd.\n");
    const Event* e = find_type(r, "shooting");
    REQUIRE(e);
    CHECK(count_of(*e, "killed") == 9);
    REQUIRE(e->date);
    CHECK(e->date->value == "2012-03-03");
    REQUIRE(e->date->timex);
    REQUIRE(e->place);
    CHECK(e->place->name == "Ravensby");
    REQUIRE(e->acled);
    CHECK(e->acled->event_type == "Violence against civilians");
    bool agent = false;
    for (const Actor& a : e->actors) agent = agent || (a.role == ActorRole::agent && a.name == "soldiers");
    CHECK(agent);
}

TEST_CASE("events: active voice takes the count after the trigger") {
    Report r = parse_text(kHeadline + "Gunmen killed four villagers near Tollmarsh on Tuesday.\n");
    const Event* e = find_type(r, "attack");
    REQUIRE(e);
    CHECK(count_of(*e, "killed") == 4);
    REQUIRE(e->place);
    CHECK(e->place->name == "Tollmarsh");
}

TEST_CASE("events: detentions with an approximate count") {
    Report r = parse_text(kHeadline + "Police said some 40 people were detained in Orlen.\n");
    const Event* e = find_type(r, "arrest");
    REQUIRE(e);
    const Count& c = e->counts.at("detained");
    CHECK(c.value == 40);
    CHECK(c.qualifier == CountQualifier::approx);
}

TEST_CASE("events: the date and place of an earlier sentence carry over") {
    Report r = parse_text(kHeadline +
                          "Fighting broke out in Kelmsford on March 1. Another man died the following day.\n");
    const Event* e = find_type(r, "death");
    REQUIRE(e);
    CHECK(count_of(*e, "killed") == 1);
    REQUIRE(e->date);
    CHECK(e->date->value == "2012-03-02");
    REQUIRE(e->place);
    CHECK(e->place->name == "Kelmsford");
}

TEST_CASE("events: a state of emergency with an end date") {
    Report r = parse_text(kHeadline + "A state of emergency was imposed in Dunmore and will last until April 2.\n");
    const Event* e = find_type(r, "emergency_measure");
    REQUIRE(e);
    REQUIRE(e->end_date);
    CHECK(e->end_date->value == "2012-04-02");
    CHECK(!e->date);
    REQUIRE(e->place);
    CHECK(e->place->name == "Dunmore");
}

TEST_CASE("events: people shot but not killed count as injured") {
    Report r = parse_text(kHeadline + "Three people were shot, one fatally, outside a bar in Harwick on Friday.\n");
    const Event* e = find_type(r, "shooting");
    REQUIRE(e);
    CHECK(count_of(*e, "killed") == 1);
    CHECK(count_of(*e, "injured") == 2);
}

TEST_CASE("events: headline counts next to their adjectives") {
    Report r = parse_text("2 dead, 3 injured in Easton shooting\n\nThe shooting happened on Friday.\n");
    bool killed = false, injured = false;
    for (const Event& e : r.events) {
        killed = killed || count_of(e, "killed") == 2;
        injured = injured || count_of(e, "injured") == 3;
    }
    CHECK(killed);
    CHECK(injured);
}

TEST_CASE("events: an age in apposition is not a count") {
    Report r = parse_text(kHeadline + "John Marsh, 19, was shot in Easton on Friday.\n");
    for (const Event& e : r.events) CHECK(count_of(e, "injured") != 19);
}

TEST_CASE("events: a count in a general statistic is not a casualty count") {
    Report r = parse_text(kHeadline + "A man was killed in Easton on Friday. Police said 31 people have been killed "
                                      "in the city so far this year.\n");
    std::int64_t top = 0;
    for (const Event& e : r.events)
        if (auto k = count_of(e, "killed")) top = std::max(top, *k);
    CHECK(top == 1);
}

TEST_CASE("events: an event inside a claim lists the claim and its source") {
    Report r = parse_text(kHeadline + "Officials say 12 people were killed in Marlow on March 4.\n");
    const Event* e = find_type(r, "attack");
    REQUIRE(e);
    if (!r.claims.empty()) {
        CHECK(!e->claims.empty());
        CHECK(!e->sources.empty());
    }
    for (const std::string& c : e->claims) {
        bool found = false;
        for (const Claim& k : r.claims) found = found || k.id == c;
        CHECK(found);
    }
}

TEST_CASE("events: mentions of one event in two sentences merge") {
    Report r = parse_text(kHeadline + "Police opened fire on protesters in Brenton on March 5. Five people were "
                                      "killed in the shooting.\n");
    int violence = 0;
    for (const Event& e : r.events)
        if (e.type == "shooting" || e.type == "attack" || e.type == "death") ++violence;
    CHECK(violence == 1);
    const Event* e = find_type(r, "shooting");
    REQUIRE(e);
    CHECK(count_of(*e, "killed") == 5);
    CHECK(e->date->value == "2012-03-05");
}

TEST_CASE("events: a meeting, a protest with participants, and ids") {
    Report r = parse_text(kHeadline + "On March 6, the minister met union leaders in Halden. Several hundred "
                                      "workers gathered in Halden on March 7.\n");
    const Event* m = find_type(r, "meeting");
    REQUIRE(m);
    CHECK(m->date->value == "2012-03-06");
    const Event* p = find_type(r, "protest");
    REQUIRE(p);
    CHECK(count_of(*p, "participants") == 200);
    for (std::size_t i = 0; i < r.events.size(); ++i) CHECK(r.events[i].id == "e" + std::to_string(i + 1));
}

TEST_CASE("events: every text equals the bytes of its span") {
    Report r = parse_text(kHeadline + "At least 14 people were killed in the town of Ossery’s central square on "
                                      "March 2, when police opened fire.\n");
    const std::string input = kHeadline + "At least 14 people were killed in the town of Ossery’s central square on "
                                          "March 2, when police opened fire.\n";
    REQUIRE(!r.events.empty());
    for (const Event& e : r.events) {
        CHECK(input.substr(e.trigger.span.begin, e.trigger.span.size()) == e.trigger.text);
        if (e.place) CHECK(input.substr(e.place->span.begin, e.place->span.size()) == e.place->name);
        for (const auto& kv : e.counts)
            CHECK(input.substr(kv.second.span.begin, kv.second.span.size()) == kv.second.text);
        for (const Actor& a : e.actors) CHECK(input.substr(a.span.begin, a.span.size()) == a.name);
    }
}

namespace {

// The largest count of `key` over all events (0 when none), as a casualty scorer reads it.
std::int64_t top(const Report& r, const std::string& key) {
    std::int64_t best = 0;
    for (const Event& e : r.events)
        if (auto v = count_of(e, key)) best = std::max(best, *v);
    return best;
}

}  // namespace

TEST_CASE("events: people taken or sent to a hospital were hurt") {
    Report r = parse_text("Gunfire at a bowling alley\n\n"
                          "Three customers were taken to a local hospital on Friday after gunfire at a "
                          "bowling alley in Marlowe, police said.\n");
    CHECK(top(r, "injured") == 3);
    Report s = parse_text("Gunfire at a bowling alley\n\n"
                          "The gunfire at a bowling alley in Marlowe sent two people to the hospital on Friday.\n");
    CHECK(top(s, "injured") == 2);
    // not a hospital: no casualty
    Report t = parse_text("Suspect in custody\n\n"
                          "Two men were taken to the county jail in Marlowe on Friday after a shooting.\n");
    CHECK(top(t, "injured") == 0);
}

TEST_CASE("events: injuries told by condition and by wounds") {
    Report r = parse_text("Overnight shooting\n\n"
                          "Two teenagers are at a medical center with life-threatening injuries after a "
                          "shooting in Dunmore on Saturday night.\n");
    CHECK(top(r, "injured") == 2);
    Report s = parse_text("Overnight shooting\n\n"
                          "A shooting in Dunmore on Saturday night left a woman in critical condition.\n"
                          "\nThe woman was in critical condition on Sunday, police said.\n");
    CHECK(top(s, "injured") == 1);
}

TEST_CASE("events: a named person shot, and a headline's bare noun") {
    Report r = parse_text("Quiet street shaken\n\n"
                          "Officers found the victim on Elm Street in Dunmore on Monday. Pellman, 31, was "
                          "shot in the leg.\n");
    CHECK(top(r, "injured") == 1);
    Report s = parse_text("Dunmore man shot while fishing\n\nThe sheriff's office is looking into it.\n");
    CHECK(top(s, "injured") == 1);
    Report t = parse_text("Teen killed, another injured in Dunmore shooting\n\nDetails were scarce.\n");
    CHECK(top(t, "killed") == 1);
    CHECK(top(t, "injured") == 1);
}

TEST_CASE("events: people shot besides the dead, and the shot who died") {
    Report r = parse_text("Deadly night in Dunmore\n\n"
                          "A 19-year-old was shot and killed in Dunmore on Tuesday night. Another man was "
                          "also shot and is expected to recover.\n");
    CHECK(top(r, "killed") == 1);
    CHECK(top(r, "injured") == 1);
    // the one who was shot died: not injured
    Report s = parse_text("Deadly night in Dunmore\n\n"
                          "A man was shot on Pine Road in Dunmore on Tuesday night.\n\n"
                          "He died at a hospital in Harlow early Wednesday, the coroner said.\n");
    CHECK(top(s, "killed") == 1);
    CHECK(top(s, "injured") == 0);
}

TEST_CASE("events: nobody hurt, and counts joined by and") {
    Report r = parse_text("Shots fired\n\n"
                          "Shots were fired at a house in Dunmore on Sunday. Two children inside were not "
                          "injured, police said.\n");
    CHECK(top(r, "injured") == 0);
    Report s = parse_text("Shots fired\n\n"
                          "Three men and a woman were wounded in a shooting in Dunmore on Sunday.\n");
    CHECK(top(s, "injured") == 4);
}

TEST_CASE("events: the text before the body is read (a title line, a dateline)") {
    // a first line that names the count, then a dateline paragraph
    Report r = parse_text("Five hurt in shooting at Marlowe party\n\n"
                          "MARLOWE, Ore. (AP) — A man opened fire at a house party early Sunday.\n");
    CHECK(top(r, "injured") == 5);
}
