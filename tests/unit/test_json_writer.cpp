// The direct JSON writer (to_json_string, src/json/write.cpp) against nlohmann: for any
// report, its text must be byte for byte to_json(report).dump(indent, ' ', false, replace).
#include <doctest/doctest.h>

#include <cstdint>
#include <iterator>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "reportage/json.hpp"
#include "reportage/parse.hpp"

using nlohmann::json;

namespace {

std::string tree_dump(const reportage::Report& r, int indent) {
    return reportage::to_json(r).dump(indent, ' ', false, json::error_handler_t::replace);
}

// The writer and the tree agree for compact, pretty and the odd indents (0: line breaks
// without indentation).
void check_same(const reportage::Report& r) {
    for (int indent : {-1, 2, 0, 4}) {
        CAPTURE(indent);
        const std::string expected = tree_dump(r, indent);
        const std::string got = reportage::to_json_string(r, indent);
        CHECK(got == expected);
    }
}

reportage::Text txt(std::string s, std::size_t b, std::size_t e) { return {std::move(s), {b, e}}; }

// Text that needs every kind of escape, non-ASCII characters and invalid UTF-8.
const std::string kNasty =
    std::string("quote \" backslash \\ slash / tab \t nl \n cr \r bs \b ff \f nul ") + '\0' +
    " \x01\x1f del \x7f e\xCC\x81 \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 "  // combining, é, €, emoji
    "lone \x80 ff \xFF overlong \xC0\xAF surrogate \xED\xA0\x80 big \xF4\x90\x80\x80 f5 \xF5 "
    "cut \xE2\x82 x cut4 \xF0\x9F\x98 y restart \xE2\xE2\x82\xAC end \xE2\x82";

reportage::Report full_report() {
    using namespace reportage;
    Report r;
    r.input.name = "in\"put\\" + kNasty;
    r.input.bytes = std::numeric_limits<std::size_t>::max();

    Article& a = r.article;
    a.outlet.name = "THE \"DAILY\" BUGLE";
    a.outlet.tagline = "All the news\tthat fits";
    a.headline = txt("Headline with \xE2\x80\x9C" "curly\xE2\x80\x9D quotes", 0, 42);
    a.standfirst = txt(kNasty, 43, 90);
    a.authors.push_back({"Ana \xC3\x81lvarez", std::string("correspondent\\editor"), {91, 103}});
    a.authors.push_back({"B. Writer", std::nullopt, {104, 113}});
    a.agencies = {"Reuters", "A\"P", ""};
    a.published.date = "2025-01-31";
    a.published.origin = PublishedOrigin::text;
    a.dateline = Dateline{"S\xC3\x83O PAULO", std::string("AFP"), {114, 130}};
    a.media.push_back({txt("A caption\n(Photo: X)", 131, 150), std::string("X \xFF")});
    a.media.push_back({txt("", 151, 151), std::nullopt});
    a.paragraphs.push_back(txt("First paragraph.", 152, 168));
    a.paragraphs.push_back(txt(kNasty, 169, 400));
    a.see_also.push_back(txt("Read more: \"Other story\"", 401, 425));
    a.author_bio = txt("Ana writes about \\things\\.", 426, 452);
    a.boilerplate.push_back(txt("\x01\x02\x03\x04\x05\x06\x07\x0b\x0e\x0f\x10\x1a\x1b", 453, 466));

    const SourceKind kinds[] = {SourceKind::person, SourceKind::organization, SourceKind::group,
                                SourceKind::media,  SourceKind::document,     SourceKind::unknown};
    for (std::size_t i = 0; i < 6; ++i) {
        Source s;
        s.id = "s" + std::to_string(i + 1);
        s.name = i == 0 ? kNasty : "Source \"" + std::to_string(i) + "\"";
        s.kind = kinds[i];
        s.named = i % 2 == 0;
        s.official = i % 3 == 0;
        if (i != 1) s.role = "spokes\\person";
        if (i != 2) s.affiliation = "the \xE2\x80\x9Cministry\xE2\x80\x9D";
        if (i != 3) s.mentions = {{10, 20}, {0, 0}, {std::numeric_limits<std::size_t>::max() - 1, std::numeric_limits<std::size_t>::max()}};
        r.sources.push_back(s);
    }

    const ClaimKind claim_kinds[] = {ClaimKind::direct, ClaimKind::mixed, ClaimKind::indirect,
                                     ClaimKind::according_to};
    for (std::size_t i = 0; i < 4; ++i) {
        Claim c;
        c.id = "c" + std::to_string(i + 1);
        c.kind = claim_kinds[i];
        c.content.text = i == 0 ? kNasty : "said \"this\"\r\nand that";
        if (i != 1) c.content.spans = {{5, 9}, {12, 30}};
        if (i != 2) {
            c.source = "s1";
            c.source_mention = Span{1, 2};
            c.cue = Cue{"said\t", "say\"", {3, 7}};
            c.nested_in = "c1";
            c.paragraph = i == 0 ? 0 : std::numeric_limits<int>::max();
        }
        c.inherited = i == 3;
        r.claims.push_back(c);
    }

    const TimexType timex_types[] = {TimexType::date, TimexType::time, TimexType::duration, TimexType::set};
    for (std::size_t i = 0; i < 4; ++i) {
        Timex t;
        t.id = "t" + std::to_string(i + 1);
        t.text = i == 0 ? kNasty : "last \"Monday\"";
        t.span = {i, i + 10};
        t.type = timex_types[i];
        t.value = "2025-W05\\x";
        if (i % 2 == 0) t.anchor = "published";
        r.timexes.push_back(t);
    }

    const CountQualifier qualifiers[] = {CountQualifier::exact,     CountQualifier::approx,
                                         CountQualifier::at_least,  CountQualifier::more_than,
                                         CountQualifier::at_most,   CountQualifier::range,
                                         CountQualifier::vague};
    const char* count_keys[] = {"killed", "injured", "detained", "participants", "displaced",
                                // out of the contract, written as it is
                                "we\"ird\\key\n", "\xC3\xA9t\xC3\xA9", "bad \xFF key", ""};
    Event e1;
    e1.id = "e1";
    e1.type = "attack \"armed\"";
    e1.acled = Acled{"Violence against civilians", "Attack\\raid"};
    e1.trigger = txt("shot\tdead", 200, 209);
    e1.date = EventDate{"2025-01-30", std::string("t1")};
    e1.end_date = EventDate{"2025-01-31", std::nullopt};
    e1.place = Place{"K\xC3\xB6ln \"centre\"", {210, 225}};
    e1.actors.push_back({ActorRole::agent, "gunmen", {226, 232}, std::string("s2")});
    e1.actors.push_back({ActorRole::target, "villagers \xFE", {233, 242}, std::nullopt});
    std::size_t q = 0;
    for (const char* k : count_keys) {
        Count c;
        c.qualifier = qualifiers[q % 7];
        c.text = std::string("about \"") + k + "\"";
        c.span = {q, q + 3};
        if (q % 2 == 0) c.value = static_cast<std::int64_t>(q) - 4;
        if (q % 3 == 0) c.low = std::numeric_limits<std::int64_t>::min();
        if (q % 4 == 0) c.high = std::numeric_limits<std::int64_t>::max();
        e1.counts.emplace(k, c);
        ++q;
    }
    e1.claims = {"c1", "c2"};
    e1.sources = {"s1"};
    r.events.push_back(e1);
    reportage::Event e2;  // every optional null, every list and the counts empty
    e2.id = "e2";
    e2.type = "";
    r.events.push_back(e2);

    const Severity severities[] = {Severity::info, Severity::warning, Severity::error};
    for (std::size_t i = 0; i < 3; ++i) {
        Diagnostic d;
        d.code = "code-" + std::to_string(i);
        d.severity = severities[i];
        d.message = i == 0 ? kNasty : "date \"2099-01-01\" is after publication";
        if (i != 1) d.span = Span{i, i + 1};
        r.diagnostics.push_back(d);
    }
    return r;
}

}  // namespace

TEST_CASE("json writer: a report filling every field matches nlohmann's dump, compact and pretty") {
    const reportage::Report r = full_report();
    check_same(r);
    // Not vacuous: the nasty text is there, escaped, and the replacement characters too.
    const std::string out = reportage::to_json_string(r, -1);
    CHECK(out.find("quote \\\" backslash \\\\ slash / tab \\t nl \\n cr \\r bs \\b ff \\f nul \\u0000 "
                   "\\u0001\\u001f del \x7f") != std::string::npos);
    CHECK(out.find("lone \xEF\xBF\xBD ff \xEF\xBF\xBD overlong \xEF\xBF\xBD\xEF\xBF\xBD surrogate "
                   "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD") != std::string::npos);
    CHECK(out.find("restart \xEF\xBF\xBD\xE2\x82\xAC end \xEF\xBF\xBD\"") != std::string::npos);
    CHECK(out.find("\"we\\\"ird\\\\key\\n\":{") != std::string::npos);
}

TEST_CASE("json writer: a default report (nulls, empty lists, empty counts) matches nlohmann's dump") {
    reportage::Report r;
    check_same(r);
    const std::string pretty = reportage::to_json_string(r, 2);
    CHECK(pretty.find("\"agencies\": [],\n") != std::string::npos);
    CHECK(pretty.find("\"author_bio\": null,\n") != std::string::npos);
    CHECK(pretty.find("\n}") == pretty.size() - 2);

    reportage::Event e;
    r.events.push_back(e);
    r.claims.emplace_back();
    r.sources.emplace_back();
    check_same(r);
    CHECK(reportage::to_json_string(r, 2).find("\"counts\": {},\n") != std::string::npos);
}

TEST_CASE("json writer: every string of one and two bytes is escaped as nlohmann escapes it") {
    reportage::Report r;
    std::size_t mismatches = 0;
    for (int a = 0; a < 256; ++a) {
        for (int b = -1; b < 256; ++b) {
            std::string s(1, static_cast<char>(a));
            if (b >= 0) s.push_back(static_cast<char>(b));
            r.input.name = s;
            if (reportage::to_json_string(r, -1) != tree_dump(r, -1)) {
                if (++mismatches <= 5) CHECK_MESSAGE(false, "bytes " << a << " " << b);
            }
        }
    }
    CHECK(mismatches == 0);
}

TEST_CASE("json writer: random byte strings are escaped and repaired as nlohmann does") {
    // Bytes chosen to hit every branch of the UTF-8 check: ASCII, escapes, continuation
    // bytes of each range, every kind of lead byte, bytes that are never valid.
    const unsigned char alphabet[] = {'a',  '"',  '\\', '\n', 0x00, 0x1F, 0x7F, 0x80, 0x8F, 0x90, 0x9F,
                                      0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
                                      0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
    std::mt19937 rng(20261125);
    std::uniform_int_distribution<std::size_t> pick(0, sizeof alphabet - 1);
    std::uniform_int_distribution<std::size_t> length(1, 9);
    reportage::Report r;
    r.article.paragraphs.resize(8);
    std::size_t mismatches = 0;
    for (int round = 0; round < 3000; ++round) {
        for (auto& p : r.article.paragraphs) {
            p.text.clear();
            for (std::size_t n = length(rng); n > 0; --n) p.text.push_back(static_cast<char>(alphabet[pick(rng)]));
        }
        if (reportage::to_json_string(r, -1) != tree_dump(r, -1)) {
            if (++mismatches <= 3) CHECK_MESSAGE(false, "round " << round);
        }
    }
    CHECK(mismatches == 0);
}

TEST_CASE("json writer: parsed crafted articles match nlohmann's dump") {
    const std::vector<std::string> articles = {
        // Straight and curly quotes, a tab, CR LF line ends, a backslash, non-ASCII names.
        "THE NORTHERN LEDGER\r\n\r\nFerry Service Halted After \"Engine Fault\"\r\n\r\n"
        "By Ma\xC3\xAF" "a Dubois\r\n\r\nHARBOURTON, March 4 \xE2\x80\x94 Three people were injured on Tuesday "
        "when a ferry lost power, officials said.\r\n\r\n"
        "\"We heard a bang and then\tsilence,\" said passenger Olu Adeyemi. \"Everyone ran to the deck.\"\r\n\r\n"
        "The operator said in a statement that the C:\\fleet\\logs would be checked.\r\n",
        // Invalid UTF-8 bytes and control characters inside the text.
        "Storm Closes Schools\n\nBy Jo Park\n\n"
        "At least 40 schools were shut on Monday, the council said.\n\n"
        "\xE2\x80\x9CIt is not safe,\xE2\x80\x9D said head teacher R\xE9mi Caron \x01\x02 of the \xFF"
        "district.\n\n"
        "Police said two people were detained after a protest \xC0\xAF near the town hall.\n",
        // Many short quotes (the shape that once blew up memory).
        "\"Yes,\" he said.\n\"No,\" she said.\n\"Maybe,\" they said.\n\"Why?\" he asked.\n",
        "",
    };
    for (const std::string& text : articles) {
        reportage::ParseOptions options;
        options.name = "crafted \"article\".txt";
        const reportage::Report r = reportage::parse(text, options);
        check_same(r);
        if (!text.empty()) CHECK_FALSE(r.article.paragraphs.empty());
    }
}

TEST_CASE("json writer: its text reads back to the same report") {
    reportage::Report r = full_report();
    auto& counts = r.events.front().counts;  // from_json accepts the contract's keys only
    for (auto it = counts.begin(); it != counts.end();) {
        const bool known = it->first == "killed" || it->first == "injured" || it->first == "detained" ||
                           it->first == "participants" || it->first == "displaced";
        it = known ? std::next(it) : counts.erase(it);
    }
    REQUIRE(counts.size() == 5);
    const std::string out = reportage::to_json_string(r, 2);
    const reportage::Report back = reportage::report_from_json_string(out);
    // Invalid UTF-8 became U+FFFD, so compare the trees of the text, not the reports.
    CHECK(reportage::to_json(back) == json::parse(out));
    CHECK(reportage::to_json_string(back, 2) == out);
}
