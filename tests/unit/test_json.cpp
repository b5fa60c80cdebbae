// The JSON contract: reportage/json.hpp round trips, its errors, docs/report.schema.json,
// the test schema validator, and parse() output against the schema.
#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "reportage/json.hpp"
#include "reportage/parse.hpp"
#include "report_spans.hpp"
#include "unit/schema_validator.hpp"

using nlohmann::json;
using reportage::Span;

namespace {

// A crafted article (written for these tests).
const std::string kArticle =
    "THE MERIDIAN COURIER\n"
    "News you can trust\n"
    "\n"
    "Dockworkers Walk Out Over Unpaid Wages\n"
    "Union leaders say the strike will last until March 3.\n"
    "\n"
    "By Lena Okafor, labour correspondent\n"
    "\n"
    "PORT HALVERN (Reuters) \xE2\x80\x94 About 2,000 dockworkers stopped work on Monday, police said.\n"
    "\n"
    "\xE2\x80\x9CWe have waited three months,\xE2\x80\x9D said Tomas Brenner, a union steward. "
    "\xE2\x80\x9CWe will not wait any longer.\n"
    "\n"
    "\xE2\x80\x9CThe company told us the money was coming,\xE2\x80\x9D he said.\n"
    "\n"
    "According to the harbour authority, at least 12 people were detained and two were hurt "
    "after scuffles near Gate 4 every night for three days.\n"
    "\n"
    "Workers gather at the gate. (Photo: J. Ruiz)\n"
    "\n"
    "(See \xE2\x80\x9CPort Talks Stall\xE2\x80\x9D on this.)\n"
    "\n"
    "Lena Okafor covers labour for the Courier.\n"
    "Follow us for more updates.\n";

Span at(const std::string& needle, std::size_t occurrence = 0) {
    std::size_t pos = kArticle.find(needle);
    for (std::size_t i = 0; i < occurrence && pos != std::string::npos; ++i) pos = kArticle.find(needle, pos + 1);
    REQUIRE_MESSAGE(pos != std::string::npos, "test text lacks: " << needle);
    return Span{pos, pos + needle.size()};
}

reportage::Text text_at(const std::string& needle) { return {needle, at(needle)}; }

reportage::Count count(std::optional<std::int64_t> value, std::optional<std::int64_t> low,
                       std::optional<std::int64_t> high, reportage::CountQualifier q, const std::string& t) {
    reportage::Count c;
    c.value = value;
    c.low = low;
    c.high = high;
    c.qualifier = q;
    c.text = t;
    c.span = at(t);
    return c;
}

// A report over kArticle with every field of the contract filled, every enum value used,
// and nulls where the contract allows them.
reportage::Report full_report() {
    using namespace reportage;
    Report r;
    r.input.name = "courier.txt";
    r.input.bytes = kArticle.size();

    Article& a = r.article;
    a.outlet.name = "THE MERIDIAN COURIER";
    a.outlet.tagline = "News you can trust";
    a.headline = text_at("Dockworkers Walk Out Over Unpaid Wages");
    a.standfirst = text_at("Union leaders say the strike will last until March 3.");
    a.authors.push_back({"Lena Okafor", std::string("labour correspondent"), at("Lena Okafor")});
    a.authors.push_back({"J. Ruiz", std::nullopt, at("J. Ruiz")});
    a.agencies = {"Reuters", "AP"};
    a.published.date = "2024-02-12";
    a.published.origin = PublishedOrigin::inferred;
    a.dateline = Dateline{"PORT HALVERN", std::string("Reuters"), at("PORT HALVERN (Reuters) \xE2\x80\x94")};
    a.media.push_back({text_at("Workers gather at the gate."), std::string("J. Ruiz")});
    a.media.push_back({text_at("(Photo: J. Ruiz)"), std::nullopt});
    a.paragraphs.push_back(text_at("About 2,000 dockworkers stopped work on Monday, police said."));
    a.paragraphs.push_back(text_at("\xE2\x80\x9CWe have waited three months,\xE2\x80\x9D said Tomas Brenner"));
    a.paragraphs.push_back(text_at("\xE2\x80\x9CThe company told us the money was coming,\xE2\x80\x9D he said."));
    a.see_also.push_back(text_at("(See \xE2\x80\x9CPort Talks Stall\xE2\x80\x9D on this.)"));
    a.author_bio = text_at("Lena Okafor covers labour for the Courier.");
    a.boilerplate.push_back(text_at("Follow us for more updates."));

    Source s1;
    s1.id = "s1";
    s1.name = "Tomas Brenner";
    s1.kind = SourceKind::person;
    s1.named = true;
    s1.official = false;
    s1.role = "union steward";
    s1.affiliation = "the dockworkers' union";
    s1.mentions = {at("Tomas Brenner"), at("he said"), Span{at("he said").begin, at("he said").begin + 2}};
    r.sources.push_back(s1);
    const SourceKind other_kinds[] = {SourceKind::organization, SourceKind::group, SourceKind::media,
                                      SourceKind::document, SourceKind::unknown};
    const char* other_names[] = {"harbour authority", "police", "THE MERIDIAN COURIER", "Port Talks Stall",
                                 "Union leaders"};
    for (std::size_t i = 0; i < 5; ++i) {
        Source s;
        s.id = "s" + std::to_string(i + 2);
        s.name = other_names[i];
        s.kind = other_kinds[i];
        s.named = i == 2;
        s.official = i < 2;
        s.mentions = {at(other_names[i])};
        r.sources.push_back(s);
    }

    Claim c1;  // multi-paragraph direct quote
    c1.id = "c1";
    c1.kind = ClaimKind::direct;
    c1.content.text = "\xE2\x80\x9CWe have waited three months,\xE2\x80\x9D \xE2\x80\x9CWe will not wait any longer.";
    c1.content.spans = {at("\xE2\x80\x9CWe have waited three months,\xE2\x80\x9D"),
                        at("\xE2\x80\x9CWe will not wait any longer.")};
    c1.source = "s1";
    c1.source_mention = at("Tomas Brenner");
    c1.cue = Cue{"said", "say", at("said Tomas")};
    c1.cue->span.end = c1.cue->span.begin + 4;
    c1.inherited = false;
    c1.paragraph = 1;
    r.claims.push_back(c1);

    Claim c2;  // inherited speaker, nested claim inside it
    c2.id = "c2";
    c2.kind = ClaimKind::mixed;
    c2.content = {"The company told us the money was coming", {at("The company told us the money was coming")}};
    c2.source = "s1";
    c2.source_mention = at("he said");
    c2.inherited = true;
    c2.paragraph = 2;
    r.claims.push_back(c2);

    Claim c3;
    c3.id = "c3";
    c3.kind = ClaimKind::indirect;
    c3.content = {"the money was coming", {at("the money was coming")}};
    c3.source = std::nullopt;
    c3.source_mention = std::nullopt;
    c3.cue = Cue{"told", "tell", at("told")};
    c3.nested_in = "c2";
    c3.paragraph = 2;
    r.claims.push_back(c3);

    Claim c4;  // outside the body: paragraph null
    c4.id = "c4";
    c4.kind = ClaimKind::according_to;
    c4.content = {"at least 12 people were detained", {at("at least 12 people were detained")}};
    c4.source = "s2";
    c4.source_mention = at("harbour authority");
    c4.cue = Cue{"According to", "according to", at("According to")};
    c4.paragraph = std::nullopt;
    r.claims.push_back(c4);

    Timex t1{"t1", "Monday", at("Monday"), TimexType::date, "2024-02-12", std::string("published")};
    Timex t2{"t2", "March 3", at("March 3"), TimexType::date, "2024-03-03", std::string("t1")};
    Timex t3{"t3", "three months", at("three months"), TimexType::duration, "P3M", std::nullopt};
    Timex t4{"t4", "every night", at("every night"), TimexType::set, "XXXX-XX-XXTNI", std::nullopt};
    Timex t5{"t5", "night", at("night"), TimexType::time, "2024-02-12TNI", std::string("t1")};
    r.timexes = {t1, t2, t3, t4, t5};

    Event e1;
    e1.id = "e1";
    e1.type = "strike";
    e1.acled = Acled{"Protests", "Peaceful protest"};
    e1.trigger = text_at("stopped work");
    e1.date = EventDate{"2024-02-12", std::string("t1")};
    e1.end_date = EventDate{"2024-03-03", std::nullopt};
    e1.place = Place{"PORT HALVERN", at("PORT HALVERN")};
    e1.actors.push_back({ActorRole::agent, "dockworkers", at("dockworkers"), std::nullopt});
    e1.actors.push_back({ActorRole::target, "The company", at("The company"), std::string("s3")});
    e1.counts["participants"] = count(2000, std::nullopt, std::nullopt, CountQualifier::approx, "About 2,000");
    e1.counts["killed"] = count(std::nullopt, 24, std::nullopt, CountQualifier::vague, "Workers");
    e1.counts["injured"] = count(2, std::nullopt, std::nullopt, CountQualifier::exact, "two");
    e1.counts["detained"] = count(std::nullopt, 12, std::nullopt, CountQualifier::at_least, "at least 12");
    e1.counts["displaced"] = count(std::nullopt, 1000, 1500, CountQualifier::range, "2,000");
    e1.claims = {"c1", "c4"};
    e1.sources = {"s1", "s2"};
    r.events.push_back(e1);

    Event e2;  // every optional absent, every list empty
    e2.id = "e2";
    e2.type = "arrest";
    e2.trigger = text_at("detained");
    r.events.push_back(e2);

    Event e3;  // the remaining qualifiers
    e3.id = "e3";
    e3.type = "clash";
    e3.trigger = text_at("scuffles");
    e3.counts["injured"] = count(std::nullopt, 2, std::nullopt, CountQualifier::more_than, "two were hurt");
    e3.counts["detained"] = count(std::nullopt, std::nullopt, 12, CountQualifier::at_most, "12 people");
    r.events.push_back(e3);

    r.diagnostics.push_back({"unclosed_quote", Severity::warning, "quote opened here is not closed",
                             at("\xE2\x80\x9CWe will not wait")});
    r.diagnostics.push_back({"limit", Severity::info, "nothing beyond 256 MiB", std::nullopt});
    r.diagnostics.push_back({"invalid_utf8", Severity::error, "replaced", Span{3, 4}});
    return r;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const schema_check::Validator& report_schema() {
    static const schema_check::Validator v(
        json::parse(read_file(std::string(REPORTAGE_SOURCE_DIR) + "/docs/report.schema.json")));
    return v;
}

std::string joined(const std::vector<std::string>& errors) {
    std::string s;
    for (const auto& e : errors) s += "\n  " + e;
    return s;
}

// The message of the exception `f` throws; fails the test when it throws nothing.
std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const reportage::Error& e) {
        return e.what();
    } catch (const std::exception& e) {
        FAIL_CHECK("expected reportage::Error, got another exception: " << e.what());
        return e.what();
    }
    FAIL_CHECK("expected an exception");
    return {};
}

bool has(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// Every error for `j`, expected to contain `needle` in at least one.
void check_rejected(const json& j, const std::string& needle) {
    auto errors = report_schema().validate(j);
    CHECK_MESSAGE(!errors.empty(), "schema accepted a broken report; expected an error mentioning " << needle);
    bool found = false;
    for (const auto& e : errors) found = found || has(e, needle);
    CHECK_MESSAGE(found, "no error mentions " << needle << ":" << joined(errors));
}

using report_spans::all_spans;

// parse() output: schema-valid, round-trips, sizes and spans consistent with the input.
void check_parsed(const std::string& input) {
    reportage::Report r = reportage::parse(input);
    json j = reportage::to_json(r);
    auto errors = report_schema().validate(j);
    CHECK_MESSAGE(errors.empty(), "schema errors:" << joined(errors));
    CHECK(reportage::to_json(reportage::from_json(j)) == j);
    const std::string text = reportage::to_json_string(r);
    CHECK(reportage::to_json(reportage::report_from_json_string(text)) == j);
    CHECK(r.input.bytes == input.size());
    for (const auto& labelled : all_spans(r)) {
        const std::string& label = labelled.first;
        const Span s = labelled.second;
        CHECK_MESSAGE(s.begin <= s.end, label << " [" << s.begin << ", " << s.end << "]");
        CHECK_MESSAGE(s.end <= input.size(), label << " [" << s.begin << ", " << s.end << "] beyond " << input.size());
    }
}

}  // namespace

// ==================================================================== json.hpp

TEST_CASE("json: a report filling every field round-trips") {
    const reportage::Report r = full_report();
    const json j = reportage::to_json(r);

    const reportage::Report back = reportage::from_json(j);
    CHECK(reportage::to_json(back) == j);
    CHECK(reportage::to_json(reportage::report_from_json_string(reportage::to_json_string(r))) == j);
    CHECK(reportage::to_json(reportage::report_from_json_string(reportage::to_json_string(r, 2))) == j);

    // Spot checks on the model read back.
    REQUIRE(back.claims.size() == 4);
    CHECK(back.claims[0].content.spans.size() == 2);
    CHECK(back.claims[0].content.spans == r.claims[0].content.spans);
    CHECK(back.claims[2].nested_in == std::optional<std::string>("c2"));
    CHECK(back.claims[1].inherited);
    CHECK(!back.claims[1].cue);
    CHECK(!back.claims[3].paragraph);
    CHECK(back.claims[0].paragraph == std::optional<int>(1));
    REQUIRE(back.events.size() == 3);
    CHECK(back.events[0].counts.size() == 5);
    CHECK(back.events[0].counts.at("displaced").high == std::optional<std::int64_t>(1500));
    CHECK(back.events[0].counts.at("killed").qualifier == reportage::CountQualifier::vague);
    CHECK(back.events[0].actors[1].role == reportage::ActorRole::target);
    CHECK(back.events[1].counts.empty());
    CHECK(back.article.dateline->agency == std::optional<std::string>("Reuters"));
    CHECK(back.article.media[1].credit == std::nullopt);
    CHECK(back.input.bytes == kArticle.size());
    CHECK(back.diagnostics[1].span == std::nullopt);

    // The contract's shapes.
    CHECK(j["schema"] == "reportage/1");
    CHECK(j["claims"][0]["content"]["spans"] == json::parse("[[" + std::to_string(r.claims[0].content.spans[0].begin) +
                                                            "," + std::to_string(r.claims[0].content.spans[0].end) +
                                                            "],[" + std::to_string(r.claims[0].content.spans[1].begin) +
                                                            "," + std::to_string(r.claims[0].content.spans[1].end) + "]]"));
    CHECK(j["claims"][3]["paragraph"].is_null());
    CHECK(j["claims"][2]["nested_in"] == "c2");
    CHECK(j["events"][1]["counts"] == json::object());
    CHECK(j["events"][1]["actors"] == json::array());
    CHECK(j["events"][1]["acled"].is_null());
    CHECK(j["events"][0]["counts"]["participants"]["qualifier"] == "approx");
    CHECK(j["timexes"][3]["type"] == "SET");
    CHECK(j["article"]["published"]["origin"] == "inferred");
    CHECK(j["diagnostics"][1]["span"].is_null());
}

TEST_CASE("json: a default report writes every field, null or empty") {
    reportage::Report r;
    r.claims.emplace_back();
    r.events.emplace_back();
    r.sources.emplace_back();
    r.timexes.emplace_back();
    r.diagnostics.emplace_back();
    const json j = reportage::to_json(r);
    const json& a = j["article"];
    for (const char* k : {"headline", "standfirst", "dateline", "author_bio"}) CHECK_MESSAGE(a[k].is_null(), k);
    for (const char* k : {"authors", "agencies", "media", "paragraphs", "see_also", "boilerplate"})
        CHECK_MESSAGE(a[k] == json::array(), k);
    CHECK(a["outlet"] == json::parse(R"({"name": null, "tagline": null})"));
    CHECK(a["published"] == json::parse(R"({"date": null, "origin": "unknown"})"));
    CHECK(j["input"] == json::parse(R"({"name": null, "bytes": 0})"));
    const json& c = j["claims"][0];
    for (const char* k : {"id", "kind", "content", "source", "source_mention", "cue", "inherited", "nested_in", "paragraph"})
        CHECK_MESSAGE(c.contains(k), k);
    CHECK(c["paragraph"].is_null());
    CHECK(c["content"] == json::parse(R"({"text": "", "spans": []})"));
    const json& e = j["events"][0];
    CHECK(e["counts"] == json::object());
    for (const char* k : {"acled", "date", "end_date", "place"}) CHECK_MESSAGE(e[k].is_null(), k);
    CHECK(e["trigger"] == json::parse(R"({"text": "", "span": [0, 0]})"));
    CHECK(j["timexes"][0]["anchor"].is_null());
    CHECK(j["sources"][0]["mentions"] == json::array());
    CHECK(reportage::to_json(reportage::from_json(j)) == j);
}

TEST_CASE("json: every enum value is its contract string and reads back") {
    using namespace reportage;
    for (PublishedOrigin v : json_detail::published_origins) {
        CHECK(json(v) == to_string(v));
        CHECK(json(v).get<PublishedOrigin>() == v);
    }
    for (SourceKind v : json_detail::source_kinds) CHECK(json(v).get<SourceKind>() == v);
    for (ClaimKind v : json_detail::claim_kinds) CHECK(json(v).get<ClaimKind>() == v);
    for (TimexType v : json_detail::timex_types) CHECK(json(v).get<TimexType>() == v);
    for (CountQualifier v : json_detail::count_qualifiers) CHECK(json(v).get<CountQualifier>() == v);
    for (ActorRole v : json_detail::actor_roles) CHECK(json(v).get<ActorRole>() == v);
    for (Severity v : json_detail::severities) CHECK(json(v).get<Severity>() == v);
    CHECK(json(ClaimKind::according_to) == "according_to");
    CHECK(json(TimexType::duration) == "DURATION");
    CHECK(json(CountQualifier::more_than) == "more_than");

    // Each origin survives a whole-report round trip.
    for (PublishedOrigin v : json_detail::published_origins) {
        Report r;
        r.article.published.origin = v;
        CHECK(from_json(to_json(r)).article.published.origin == v);
    }
}

TEST_CASE("json: nlohmann conversions find the ADL functions") {
    const reportage::Report r = full_report();
    json j = r;
    CHECK(j == reportage::to_json(r));
    auto back = j.get<reportage::Report>();
    CHECK(reportage::to_json(back) == j);
    CHECK(json(Span{3, 9}) == json::array({3, 9}));
    CHECK((json::parse("[4, 7]").get<Span>() == Span{4, 7}));
}

TEST_CASE("json: from_json rejects out-of-contract input with a clear message") {
    const json good = reportage::to_json(full_report());

    SUBCASE("unknown enum value") {
        json j = good;
        j["claims"][0]["kind"] = "rumour";
        std::string msg = error_of([&] { reportage::from_json(j); });
        CHECK(has(msg, "rumour"));
        CHECK(has(msg, "Claim.kind"));
        CHECK(has(msg, "according_to"));  // lists what is expected
        CHECK(has(msg, "claims[0]"));

        j = good;
        j["timexes"][0]["type"] = "date";  // case matters
        CHECK(has(error_of([&] { reportage::from_json(j); }), "\"date\""));
        j = good;
        j["events"][0]["counts"]["killed"]["qualifier"] = "about";
        CHECK(has(error_of([&] { reportage::from_json(j); }), "Count.qualifier"));
        j = good;
        j["diagnostics"][0]["severity"] = "fatal";
        CHECK(has(error_of([&] { reportage::from_json(j); }), "fatal"));
        j = good;
        j["events"][0]["actors"][0]["role"] = "victim";
        CHECK(has(error_of([&] { reportage::from_json(j); }), "victim"));
        j = good;
        j["sources"][0]["kind"] = "robot";
        CHECK(has(error_of([&] { reportage::from_json(j); }), "robot"));
        j = good;
        j["article"]["published"]["origin"] = "guessed";
        CHECK(has(error_of([&] { reportage::from_json(j); }), "guessed"));
        CHECK_THROWS_AS(json("nope").get<reportage::Severity>(), reportage::Error);
    }
    SUBCASE("missing field") {
        json j = good;
        j["claims"][1].erase("inherited");
        std::string msg = error_of([&] { reportage::from_json(j); });
        CHECK(has(msg, "inherited"));
        CHECK(has(msg, "claims[1]"));
        j = good;
        j.erase("events");
        CHECK(has(error_of([&] { reportage::from_json(j); }), "\"events\""));
        j = good;
        j["article"].erase("paragraphs");
        CHECK(has(error_of([&] { reportage::from_json(j); }), "paragraphs"));
    }
    SUBCASE("bad spans") {
        for (const char* bad : {"[1]", "[1, 2, 3]", "[-1, 2]", "[1.5, 2]", "[\"1\", 2]", "[5, 2]", "{}", "null"}) {
            json j = good;
            j["timexes"][0]["span"] = json::parse(bad);
            std::string msg = error_of([&] { reportage::from_json(j); });
            CHECK_MESSAGE(has(msg, "Timex.span"), bad << " -> " << msg);
        }
        json j = good;
        j["claims"][0]["content"]["spans"][1] = json::array({1});
        CHECK(has(error_of([&] { reportage::from_json(j); }), "Content.spans[1]"));
    }
    SUBCASE("wrong JSON types") {
        json j = good;
        j["sources"][0]["named"] = "yes";
        CHECK(has(error_of([&] { reportage::from_json(j); }), "Source.named must be a boolean"));
        j = good;
        j["claims"][0]["paragraph"] = -1;
        CHECK(has(error_of([&] { reportage::from_json(j); }), "Claim.paragraph"));
        j = good;
        j["article"]["agencies"] = "AP";
        CHECK(has(error_of([&] { reportage::from_json(j); }), "article.agencies must be an array"));
        j = good;
        j["input"]["bytes"] = -3;
        CHECK(has(error_of([&] { reportage::from_json(j); }), "input.bytes"));
        CHECK(has(error_of([&] { reportage::from_json(json::array()); }), "must be an object"));
    }
    SUBCASE("unknown count key, schema tag, malformed text") {
        json j = good;
        j["events"][0]["counts"]["wounded"] = j["events"][0]["counts"]["injured"];
        CHECK(has(error_of([&] { reportage::from_json(j); }), "wounded"));
        j = good;
        j["schema"] = "reportage/2";
        CHECK(has(error_of([&] { reportage::from_json(j); }), "reportage/2"));
        CHECK(has(error_of([] { reportage::report_from_json_string("{\"schema\": "); }), "not valid JSON"));
        CHECK(has(error_of([] { reportage::report_from_json_string(""); }), "not valid JSON"));
    }
    SUBCASE("added fields are ignored") {
        json j = good;
        j["extra"] = 1;
        j["article"]["language"] = "en";
        j["claims"][0]["confidence"] = 0.5;
        CHECK(reportage::to_json(reportage::from_json(j)) == good);
    }
}

TEST_CASE("json: to_json_string replaces invalid UTF-8 instead of throwing") {
    reportage::Report r;
    r.input.name = std::string("bad\xFF\xFEname.txt");
    r.article.paragraphs.push_back({"caf\xC3", Span{0, 4}});
    std::string s;
    CHECK_NOTHROW(s = reportage::to_json_string(r));
    CHECK(has(s, "bad\xEF\xBF\xBD"));
    CHECK(has(s, "caf\xEF\xBF\xBD"));
    auto back = reportage::report_from_json_string(s);
    CHECK((back.article.paragraphs.at(0).span == Span{0, 4}));
}

// ==================================================================== the validator itself

TEST_CASE("schema validator: keywords behave as JSON Schema specifies") {
    using schema_check::Validator;
    auto errors = [](const char* schema, const char* instance) {
        return Validator(json::parse(schema)).validate(json::parse(instance));
    };
    auto ok = [&](const char* schema, const char* instance) { return errors(schema, instance).empty(); };

    CHECK(ok(R"({"type": "integer"})", "3"));
    CHECK(ok(R"({"type": "integer"})", "3.0"));
    CHECK_FALSE(ok(R"({"type": "integer"})", "3.5"));
    CHECK(ok(R"({"type": "number"})", "3.5"));
    CHECK(ok(R"({"type": ["string", "null"]})", "null"));
    CHECK_FALSE(ok(R"({"type": ["string", "null"]})", "false"));
    CHECK(ok("true", "{}"));
    CHECK_FALSE(ok("false", "{}"));

    CHECK(ok(R"({"enum": ["a", 1, null]})", "1"));
    CHECK_FALSE(ok(R"({"enum": ["a", 1, null]})", "\"b\""));
    CHECK(ok(R"({"const": {"x": [1, 2]}})", R"({"x": [1, 2]})"));
    CHECK_FALSE(ok(R"({"const": "reportage/1"})", "\"reportage/2\""));

    CHECK(ok(R"({"minimum": 0, "maximum": 10})", "0"));
    CHECK_FALSE(ok(R"({"minimum": 0})", "-1"));
    CHECK_FALSE(ok(R"({"maximum": 10})", "10.5"));
    CHECK_FALSE(ok(R"({"exclusiveMinimum": 0})", "0"));
    CHECK_FALSE(ok(R"({"exclusiveMaximum": 5})", "5"));
    CHECK(ok(R"({"multipleOf": 3})", "9"));
    CHECK_FALSE(ok(R"({"multipleOf": 3})", "10"));
    CHECK(ok(R"({"minimum": 0})", "\"-5\""));  // applies to numbers only

    CHECK(ok(R"({"pattern": "^s[0-9]+$"})", "\"s12\""));
    CHECK_FALSE(ok(R"({"pattern": "^s[0-9]+$"})", "\"s12x\""));
    CHECK(ok(R"({"pattern": "[0-9]"})", "\"abc7def\""));  // unanchored
    CHECK(ok(R"({"minLength": 2, "maxLength": 3})", "\"\u00e9t\u00e9\""));  // code points, not bytes
    CHECK_FALSE(ok(R"({"minLength": 2})", "\"\u00e9\""));

    const char* span = R"({"type": "array", "prefixItems": [{"type": "integer"}, {"type": "integer"}],
                           "items": false, "minItems": 2})";
    CHECK(ok(span, "[1, 2]"));
    CHECK_FALSE(ok(span, "[1]"));
    CHECK_FALSE(ok(span, "[1, 2, 3]"));
    CHECK_FALSE(ok(span, "[1, \"2\"]"));
    const char* tuple07 = R"({"items": [{"type": "string"}], "additionalItems": {"type": "integer"}})";
    CHECK(ok(tuple07, R"(["a", 1, 2])"));
    CHECK_FALSE(ok(tuple07, R"(["a", "b"])"));
    CHECK_FALSE(ok(R"({"maxItems": 1})", "[1, 2]"));
    CHECK_FALSE(ok(R"({"uniqueItems": true})", "[1, 2, 1]"));
    CHECK(ok(R"({"contains": {"const": 2}})", "[1, 2]"));
    CHECK_FALSE(ok(R"({"contains": {"const": 2}})", "[1, 3]"));

    const char* obj = R"({"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}},
                          "patternProperties": {"^x-": {"type": "integer"}}, "additionalProperties": false})";
    CHECK(ok(obj, R"({"a": "v", "x-n": 1})"));
    CHECK_FALSE(ok(obj, R"({"a": "v", "x-n": "1"})"));
    CHECK_FALSE(ok(obj, R"({"a": "v", "b": 1})"));
    CHECK_FALSE(ok(obj, R"({"x-n": 1})"));
    CHECK(ok(R"({"additionalProperties": {"type": "integer"}})", R"({"a": 1})"));
    CHECK_FALSE(ok(R"({"additionalProperties": {"type": "integer"}})", R"({"a": true})"));
    CHECK_FALSE(ok(R"({"propertyNames": {"pattern": "^[a-z]+$"}})", R"({"A": 1})"));
    CHECK_FALSE(ok(R"({"minProperties": 1})", "{}"));
    CHECK_FALSE(ok(R"({"maxProperties": 0})", R"({"a": 1})"));

    CHECK(ok(R"({"anyOf": [{"type": "null"}, {"type": "string"}]})", "\"x\""));
    CHECK_FALSE(ok(R"({"anyOf": [{"type": "null"}, {"type": "string"}]})", "1"));
    CHECK(ok(R"({"oneOf": [{"type": "integer"}, {"type": "string"}]})", "1"));
    CHECK_FALSE(ok(R"({"oneOf": [{"type": "integer"}, {"minimum": 0}]})", "1"));  // both match
    CHECK_FALSE(ok(R"({"allOf": [{"type": "integer"}, {"minimum": 2}]})", "1"));
    CHECK_FALSE(ok(R"({"not": {"type": "null"}})", "null"));

    const char* refs = R"({"$defs": {"id": {"type": "string", "pattern": "^c[0-9]+$"}},
                           "definitions": {"ids": {"type": "array", "items": {"$ref": "#/$defs/id"}}},
                           "properties": {"claims": {"$ref": "#/definitions/ids"}, "self": {"$ref": "#"}}})";
    CHECK(ok(refs, R"({"claims": ["c1", "c2"], "self": {"claims": []}})"));
    auto e = errors(refs, R"({"claims": ["c1", "x2"], "self": {"claims": ["c~/"]}})");
    REQUIRE(e.size() == 2);
    CHECK(has(e[0], "#/claims/1:"));
    CHECK(has(e[1], "#/self/claims/0:"));
    e = errors(R"({"properties": {"a/b": {"properties": {"c~d": {"type": "null"}}}}})", R"({"a/b": {"c~d": 1}})");
    REQUIRE(e.size() == 1);
    CHECK(has(e[0], "#/a~1b/c~0d:"));

    // Malformed schemas are refused at construction; unknown keywords are listed.
    CHECK_THROWS_AS(Validator(json::parse(R"({"$ref": "#/$defs/missing"})")), std::invalid_argument);
    CHECK_THROWS_AS(Validator(json::parse(R"({"$ref": "other.json#/x"})")), std::invalid_argument);
    CHECK_THROWS_AS(Validator(json::parse(R"({"pattern": "(unclosed"})")), std::invalid_argument);
    CHECK_THROWS_AS(Validator(json::parse(R"({"type": "text"})")), std::invalid_argument);
    CHECK_THROWS_AS(Validator(json::parse(R"({"minItems": -1})")), std::invalid_argument);
    Validator odd(json::parse(R"({"title": "t", "properties": {"a": {"if": true, "then": false}}})"));
    CHECK((odd.unsupported_keywords() == std::vector<std::string>{"#/properties/a/if", "#/properties/a/then"}));
}

// ==================================================================== docs/report.schema.json

TEST_CASE("schema: the schema uses only keywords the validator checks") {
    const auto& unknown = report_schema().unsupported_keywords();
    std::string list;
    for (const auto& k : unknown) list += " " + k;
    CHECK_MESSAGE(unknown.empty(), "unsupported:" << list);
}

TEST_CASE("schema: a full hand-built report conforms") {
    const json j = reportage::to_json(full_report());
    auto errors = report_schema().validate(j);
    CHECK_MESSAGE(errors.empty(), joined(errors));
    for (const auto& labelled : all_spans(full_report()))
        CHECK_MESSAGE(labelled.second.end <= kArticle.size(), labelled.first);

    reportage::Report empty;
    errors = report_schema().validate(reportage::to_json(empty));
    CHECK_MESSAGE(errors.empty(), joined(errors));

    json extra = j;  // the contract allows added fields
    extra["model_version"] = "x";
    extra["claims"][0]["confidence"] = 0.9;
    errors = report_schema().validate(extra);
    CHECK_MESSAGE(errors.empty(), joined(errors));
}

TEST_CASE("schema: broken reports are rejected at the right place") {
    const json good = reportage::to_json(full_report());
    REQUIRE(report_schema().validate(good).empty());
    json j;

    j = good;
    j.erase("claims");
    check_rejected(j, "missing required property \"claims\"");
    j = good;
    j["events"][0].erase("counts");
    check_rejected(j, "#/events/0: missing required property \"counts\"");
    j = good;
    j["claims"][3].erase("paragraph");  // null must be written, not omitted
    check_rejected(j, "#/claims/3: missing required property \"paragraph\"");
    j = good;
    j["article"].erase("author_bio");
    check_rejected(j, "#/article: missing required property \"author_bio\"");

    j = good;
    j["timexes"][0]["span"] = json::array({1});
    check_rejected(j, "#/timexes/0/span");
    j = good;
    j["timexes"][0]["span"] = json::array({1, 2, 3});
    check_rejected(j, "#/timexes/0/span");
    j = good;
    j["article"]["paragraphs"][0]["span"] = json::array({-1, 4});
    check_rejected(j, "#/article/paragraphs/0/span/0");
    j = good;
    j["claims"][0]["content"]["spans"][1] = json::array({"3", 4});
    check_rejected(j, "#/claims/0/content/spans/1/0");
    j = good;
    j["claims"][1]["source_mention"] = json::array({2.5, 4});
    check_rejected(j, "#/claims/1/source_mention");

    j = good;
    j["claims"][0]["kind"] = "rumour";
    check_rejected(j, "#/claims/0/kind: value \"rumour\" is not one of");
    j = good;
    j["events"][0]["counts"]["killed"]["qualifier"] = "about";
    check_rejected(j, "#/events/0/counts/killed/qualifier");
    j = good;
    j["timexes"][1]["type"] = "Date";
    check_rejected(j, "#/timexes/1/type");

    j = good;
    j["schema"] = "reportage/2";
    check_rejected(j, "#/schema");
    j = good;
    j["sources"][0]["id"] = "source1";
    check_rejected(j, "#/sources/0/id");
    j = good;
    j["claims"][0]["source"] = "c1";
    check_rejected(j, "#/claims/0/source");
    j = good;
    j["timexes"][1]["anchor"] = "yesterday";
    check_rejected(j, "#/timexes/1/anchor");
    j = good;
    j["events"][0]["counts"]["wounded"] = good["events"][0]["counts"]["injured"];
    check_rejected(j, "property \"wounded\" is not allowed");
    j = good;
    j["events"][0]["counts"]["injured"]["value"] = "2";
    check_rejected(j, "#/events/0/counts/injured/value");
    j = good;
    j["article"]["published"]["date"] = "12 Feb 2024";
    check_rejected(j, "#/article/published/date");
    j = good;
    j["sources"][0]["official"] = nullptr;
    check_rejected(j, "#/sources/0/official");
    j = good;
    j["input"]["bytes"] = -1;
    check_rejected(j, "#/input/bytes");
    j = good;
    j["article"]["headline"] = "Dockworkers Walk Out";
    check_rejected(j, "#/article/headline");
}

// ==================================================================== parse() output

TEST_CASE("schema: parse() output conforms and round-trips") {
    SUBCASE("empty input") { check_parsed(""); }
    SUBCASE("crafted article") { check_parsed(kArticle); }
    SUBCASE("whitespace and line endings") { check_parsed("\r\n\r\n  \t\n\r"); }
    SUBCASE("CRLF article") {
        std::string crlf;
        for (char c : kArticle) {
            if (c == '\n') crlf += '\r';
            crlf += c;
        }
        check_parsed(crlf);
    }
    SUBCASE("invalid UTF-8") {
        check_parsed("Caf\xE9 owners said \xFF\xFE prices rose.\n\n\"Too much,\" one said\xC3");
        const char junk[] = "\x80\x81\x82\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80";
        check_parsed(std::string(junk, sizeof junk - 1));
    }
    SUBCASE("NUL bytes") {
        const char nul[] = "Headline\0\n\nPolice said\0 two\0 people were held.\n";
        check_parsed(std::string(nul, sizeof nul - 1));
        check_parsed(std::string(16, '\0'));
    }
    SUBCASE("named input and given date") {
        reportage::ParseOptions o;
        o.name = "given.txt";
        o.published = "2024-02-12";
        reportage::Report r = reportage::parse(kArticle, o);
        json j = reportage::to_json(r);
        auto errors = report_schema().validate(j);
        CHECK_MESSAGE(errors.empty(), joined(errors));
        CHECK(j["input"]["name"] == "given.txt");
        CHECK(reportage::to_json(reportage::from_json(j)) == j);
    }
}
