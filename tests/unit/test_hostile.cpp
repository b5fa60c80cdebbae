// Hostile inputs through reportage::parse: each gives a report (with diagnostics where
// the input is broken), never a crash or an exception. No wall times are asserted here
// (the benchmark checks linear time: bench/bench.cpp).
#include <doctest/doctest.h>

#include <cstddef>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "reportage/json.hpp"
#include "reportage/parse.hpp"

using namespace std::string_literals;
using reportage::Report;
using reportage::Span;

namespace {

std::string repeat_to(const std::string& unit, std::size_t bytes) {
    std::string s;
    s.reserve(bytes + unit.size());
    while (s.size() < bytes) s += unit;
    return s;
}

bool has_diagnostic(const Report& r, const std::string& code) {
    for (const auto& d : r.diagnostics)
        if (d.code == code) return true;
    return false;
}

void check_span(const Span& s, std::size_t size) {
    CHECK(s.begin <= s.end);
    CHECK(s.end <= size);
}

// Parses `input` (which must not throw) and checks what holds for any report: the input
// size, spans inside the input, and JSON output.
Report parse_checked(const std::string& input) {
    Report r;
    REQUIRE_NOTHROW(r = reportage::parse(input));
    CHECK(r.input.bytes == input.size());
    for (const auto& p : r.article.paragraphs) check_span(p.span, input.size());
    for (const auto& c : r.claims) {
        for (const auto& s : c.content.spans) check_span(s, input.size());
        if (c.source_mention) check_span(*c.source_mention, input.size());
    }
    for (const auto& s : r.sources)
        for (const auto& m : s.mentions) check_span(m, input.size());
    for (const auto& t : r.timexes) check_span(t.span, input.size());
    for (const auto& d : r.diagnostics)
        if (d.span) check_span(*d.span, input.size());
    std::string json;
    REQUIRE_NOTHROW(json = reportage::to_json_string(r));
    CHECK(json.find("\"schema\":\"reportage/1\"") != std::string::npos);
    return r;
}

}  // namespace

TEST_CASE("hostile: a 10 MB single line") {
    const std::string text =
        repeat_to("The council met in the hall and the mayor spoke about the new road plan; ",
                  10 * 1000 * 1000);
    CHECK(text.find('\n') == std::string::npos);
    parse_checked(text);
}

TEST_CASE("hostile: 100,000 quote marks") {
    parse_checked(std::string(100000, '"'));
    // An odd number: one is left open, and a diagnostic says so.
    const Report r = parse_checked("He said " + std::string(100001, '"') + " and left.\n");
    CHECK(!r.diagnostics.empty());
    // Curly quotes, alternating opening and closing, and unbalanced.
    parse_checked(repeat_to("\xE2\x80\x9C", 300000));
    parse_checked(repeat_to("\xE2\x80\x9C a \xE2\x80\x9D b \xE2\x80\x98", 500000));
}

TEST_CASE("hostile: 1 MB of digits") {
    parse_checked(std::string(1000 * 1000, '7'));
    parse_checked(repeat_to("1234567890", 1000 * 1000));
    parse_checked(repeat_to("12 ", 1000 * 1000));
}

TEST_CASE("hostile: invalid UTF-8 everywhere") {
    std::string text;
    for (int i = 0; i < 200000; ++i) {
        text += static_cast<char>(0x80 + i % 0x80);  // continuation and lead bytes, out of place
        if (i % 7 == 0) text += "word ";
        if (i % 11 == 0) text += "\xF4\x90\x80\x80";  // beyond U+10FFFF
        if (i % 13 == 0) text += "\xED\xA0\x80";      // a surrogate
        if (i % 17 == 0) text += "\xC0\xAF";          // overlong
        if (i % 101 == 0) text += ".\n\n";
    }
    const Report r = parse_checked(text);
    CHECK(has_diagnostic(r, "invalid_utf8"));
    // Only bytes that can never appear in UTF-8.
    parse_checked(std::string(100000, '\xFF'));
    // A truncated sequence at the very end.
    parse_checked("Headline\n\nText here \xE2\x80");
}

TEST_CASE("hostile: NUL bytes") {
    std::string text = "Headline\0with a NUL\n\nPolice said\0 two people\0 were hurt.\n"s;
    text.insert(4, std::string(1, '\0'));
    const Report r = parse_checked(text);
    CHECK(has_diagnostic(r, "nul_bytes"));
    parse_checked(std::string(1000 * 1000, '\0'));
    parse_checked(repeat_to(std::string("said\0", 5), 1000 * 1000));
}

TEST_CASE("hostile: 5 MB of 'said said said'") {
    parse_checked(repeat_to("said ", 5 * 1000 * 1000));
    parse_checked(repeat_to("said, ", 1000 * 1000));
}

TEST_CASE("hostile: 50,000 nested parentheses") {
    const std::string text = std::string(50000, '(') + "it said" + std::string(50000, ')');
    parse_checked(text);
    parse_checked(std::string(50000, '(') + "\n\n" + std::string(50000, '['));
    parse_checked(repeat_to("(\"", 100000));
}

TEST_CASE("hostile: a 1 MB word") {
    parse_checked(std::string(1000 * 1000, 'a'));
    parse_checked("He said " + repeat_to("Ab", 1000 * 1000) + " was there.");
    parse_checked(repeat_to("x-", 1000 * 1000));
}

TEST_CASE("hostile: empty and tiny inputs") {
    for (const char* s : {"", " ", "\n", "\"", "\xE2", "\r\n\r\n", "(", "1", "said", "\xEF\xBB\xBF"})
        parse_checked(s);
}

TEST_CASE("hostile: concurrent parses give the same reports as serial ones") {
    std::vector<std::string> inputs;
    {
        std::ifstream in(REPORTAGE_SOURCE_DIR "/examples/data/sample-report.txt", std::ios::binary);
        inputs.emplace_back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        REQUIRE(!inputs.back().empty());
    }
    inputs.push_back(
        "Bridge closes after flood\n\nBy Ana Pell\n\nVARROW, 12 March 2024 (Northwire) - The bridge "
        "was closed on Tuesday, officials said.\n\n\"It could take weeks,\" said Tom Reyes, the mayor. "
        "At least 3 people were injured on Monday, according to the fire service.\n");
    inputs.push_back(std::string(20000, '"') + "\xFF\xFE\0 text"s + std::string(5000, '('));
    inputs.push_back(repeat_to("Police said 2 men were detained on 10 March. ", 50000));
    inputs.push_back(repeat_to("\xC3\xA9t\xC3\xA9 said \xE2\x80\x9Cyes\xE2\x80\x9D. ", 30000));

    std::vector<std::string> serial;
    for (const auto& in : inputs) serial.push_back(reportage::to_json_string(reportage::parse(in)));

    constexpr int threads = 4;
    std::vector<std::vector<std::string>> results(threads);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            // Each thread goes through the inputs in a different order, twice.
            for (int round = 0; round < 2; ++round)
                for (std::size_t k = 0; k < inputs.size(); ++k) {
                    const std::size_t i = (k + static_cast<std::size_t>(t)) % inputs.size();
                    results[t].push_back(std::to_string(i) + ":" +
                                         reportage::to_json_string(reportage::parse(inputs[i])));
                }
        });
    for (auto& th : pool) th.join();
    for (int t = 0; t < threads; ++t) {
        REQUIRE(results[t].size() == 2 * inputs.size());
        for (const std::string& r : results[t]) {
            const std::size_t colon = r.find(':');
            const std::size_t i = std::stoul(r.substr(0, colon));
            CHECK(r.compare(colon + 1, std::string::npos, serial[i]) == 0);
        }
    }
}
