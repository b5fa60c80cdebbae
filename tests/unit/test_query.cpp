// The query language (reportage/query.hpp, docs/query.md) over a hand-built report.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "reportage/json.hpp"
#include "reportage/query.hpp"

using nlohmann::json;
using reportage::Report;

namespace {

Report crafted_report() {
    Report r;
    r.article.paragraphs = {{"The ferry sank.", {0, 15}}, {"Rescuers arrived.", {16, 33}}};

    reportage::Source doe;
    doe.id = "s1";
    doe.name = "Jan Doe";
    doe.kind = reportage::SourceKind::person;
    doe.named = true;
    doe.mentions = {{40, 47}, {90, 92}};
    reportage::Source police;
    police.id = "s2";
    police.name = "Police";
    police.kind = reportage::SourceKind::organization;
    police.official = true;
    r.sources = {doe, police};

    auto claim = [](const char* id, reportage::ClaimKind kind, const char* text, const char* source) {
        reportage::Claim c;
        c.id = id;
        c.kind = kind;
        c.content.text = text;
        c.content.spans = {{1, 2}};
        if (source) c.source = source;
        c.paragraph = 0;
        return c;
    };
    r.claims = {claim("c1", reportage::ClaimKind::direct, "\"It sank fast\"", "s1"),
                claim("c2", reportage::ClaimKind::indirect, "nobody was hurt", "s2"),
                claim("c3", reportage::ClaimKind::indirect, "the captain left", "s1"),
                claim("c4", reportage::ClaimKind::according_to, "it was late", nullptr)};
    r.claims[2].nested_in = "c1";
    r.claims[2].inherited = true;

    reportage::Timex t1;
    t1.id = "t1";
    t1.text = "Tuesday";
    t1.value = "2025-03-18";
    t1.anchor = "published";
    r.timexes = {t1};

    auto event = [](const char* id, const char* type, std::int64_t killed, const char* date) {
        reportage::Event e;
        e.id = id;
        e.type = type;
        if (killed >= 0) {
            reportage::Count k;
            k.value = killed;
            e.counts["killed"] = k;
        }
        if (date) e.date = reportage::EventDate{date, std::string("t1")};
        return e;
    };
    r.events = {event("e1", "attack", 12, "2025-03-18"), event("e2", "protest", -1, nullptr),
                event("e3", "attack", 30, "2025-03-10"), event("e4", "clash", 10, "2025-03-12")};
    r.events[0].claims = {"c1", "c2"};
    r.events[0].sources = {"s1", "s2"};
    r.events[2].sources = {"s2"};
    return r;
}

std::vector<std::string> ids(const json& items) {
    std::vector<std::string> out;
    for (const auto& it : items) out.push_back(it.value("id", it.value("text", std::string())));
    return out;
}

std::vector<std::string> run(const std::string& q) { return ids(reportage::query(crafted_report(), q)); }

std::string error_of(const std::string& q) {
    try {
        reportage::Query compiled(q);
    } catch (const reportage::QueryError& e) {
        return e.what();
    }
    return "";
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("query: a bare collection returns every item as the JSON contract writes it") {
    const Report r = crafted_report();
    const json all = reportage::query(r, "claims");
    CHECK(all == reportage::to_json(r)["claims"]);
    CHECK(run("paragraphs") == V{"The ferry sank.", "Rescuers arrived."});
}

TEST_CASE("query: a claim's source.name follows the link to its source") {
    CHECK(run("claims where source.name ~ \"doe\"") == V{"c1", "c3"});
    CHECK(run("claims where source.name ~ \"Doe\" and kind = \"direct\"") == V{"c1"});
    CHECK(run("claims where source.official") == V{"c2"});
    CHECK(run("claims where source = \"s2\"") == V{"c2"});
    CHECK(run("claims where source = null") == V{"c4"});
    CHECK(run("claims where nested_in.kind = \"direct\"") == V{"c3"});
}

TEST_CASE("query: events' lists of ids follow links and match when any element matches") {
    CHECK(run("events where sources.name = \"Police\"") == V{"e1", "e3"});
    CHECK(run("events where claims.source.name ~ \"jan\"") == V{"e1"});
    CHECK(run("events where claims[].kind = \"indirect\"") == V{"e1"});
    CHECK(run("events where date.timex.text = \"Tuesday\"") == V{"e1", "e3", "e4"});
}

TEST_CASE("query: comparisons on numbers, strings, null and lists") {
    CHECK(run("events where counts.killed.value >= 10") == V{"e1", "e3", "e4"});
    CHECK(run("events where counts.killed.value > 10 and counts.killed.value < 30") == V{"e1"});
    CHECK(run("events where counts.killed.value <= 10") == V{"e4"});
    CHECK(run("events where counts.killed = null") == V{"e2"});
    CHECK(run("events where type != \"attack\"") == V{"e2", "e4"});
    CHECK(run("events where type in [\"protest\", \"clash\"]") == V{"e2", "e4"});
    CHECK(run("events where type not in [\"protest\", \"clash\"]") == V{"e1", "e3"});
    CHECK(run("events where date.value < \"2025-03-15\"") == V{"e3", "e4"});
}

TEST_CASE("query: subscripts pick one element of a list") {
    CHECK(run("sources where mentions[1] = 90") == V{"s1"});
    CHECK(run("sources where mentions[5] = 90").empty());
}

TEST_CASE("query: and binds tighter than or; not and parentheses") {
    CHECK(run("claims where kind = \"direct\" or kind = \"indirect\" and source = \"s2\"") == V{"c1", "c2"});
    CHECK(run("claims where (kind = \"direct\" or kind = \"indirect\") and source = \"s1\"") == V{"c1", "c3"});
    CHECK(run("claims where not inherited and not (source = null)") == V{"c1", "c2"});
    CHECK(run("CLAIMS WHERE kind = 'direct' OR kind = 'mixed'") == V{"c1"});
}

TEST_CASE("query: order by sorts stably with nulls last, limit cuts") {
    CHECK(run("events where counts.killed.value >= 10 order by date.value desc limit 5") == V{"e1", "e4", "e3"});
    CHECK(run("events order by counts.killed.value") == V{"e4", "e1", "e3", "e2"});
    CHECK(run("events order by counts.killed.value desc") == V{"e3", "e1", "e4", "e2"});
    CHECK(run("events order by type, counts.killed.value desc") == V{"e3", "e1", "e4", "e2"});
    CHECK(run("claims limit 2") == V{"c1", "c2"});
    CHECK(run("claims limit 0").empty());
}

TEST_CASE("query: ~ is a case-insensitive substring test") {
    CHECK(run("claims where content.text ~ \"SANK\"") == V{"c1"});
    CHECK(run("paragraphs where text ~ \"rescuers\"") == V{"Rescuers arrived."});
    CHECK(run("claims where content.text ~ \"\"").size() == 4);
}

TEST_CASE("query: malformed queries name the position and what was expected") {
    CHECK(error_of("claim") ==
          "query error at position 1: expected a collection (sources, claims, events, timexes or "
          "paragraphs), found 'claim'");
    CHECK(error_of("claims where source.name ~") ==
          "query error at position 27: expected a value (a \"string\", a number, true, false or null), "
          "found the end of the query");
    CHECK(error_of("claims where kind = \"direct") ==
          "query error at position 21: expected a closing \" for the string that starts here");
    CHECK(error_of("claims where (kind = 'direct'").find("position 30: expected ')', 'and' or 'or'") !=
          std::string::npos);
    CHECK(error_of("claims where speaker = 'x'").find("position 14: expected a field of claims") !=
          std::string::npos);
    CHECK(error_of("claims where kind in 'x'").find("expected '[' to open the list") != std::string::npos);
    CHECK(error_of("events limit -1").find("expected a non-negative whole number") != std::string::npos);
    CHECK(error_of("claims where kind = 'x' limit 3 foo").find("expected the end of the query, found 'foo'") !=
          std::string::npos);
    CHECK(error_of("claims where kind # 1").find("position 19") != std::string::npos);
    CHECK(error_of("claims where content.text ~ 3").find("expected a string after '~'") != std::string::npos);
}

TEST_CASE("query: deep nesting is an error, not a stack overflow") {
    const std::string deep = "claims where " + std::string(50000, '(') + "inherited" + std::string(50000, ')');
    const std::string e = error_of(deep);
    CHECK(e.find("nested") != std::string::npos);
    CHECK(e.find("position 270") != std::string::npos);  // the 257th '(' at 13 + 257
    std::string nots = "claims where ";
    for (int i = 0; i < 50000; ++i) nots += "not ";
    nots += "inherited";
    CHECK(error_of(nots).find("nested") != std::string::npos);
    const std::string ok = "claims where " + std::string(200, '(') + "inherited" + std::string(200, ')');
    CHECK(ids(reportage::query(crafted_report(), ok)) == V{"c3"});
}

TEST_CASE("query: a compiled query runs on the report or on its JSON alike") {
    const Report r = crafted_report();
    const reportage::Query q("sources where official or named order by name");
    CHECK(q.run(r) == q.run_json(reportage::to_json(r)));
    CHECK(ids(q.run(r)) == V{"s1", "s2"});
    CHECK(q.run_json(json::object()) == json::array());
}
