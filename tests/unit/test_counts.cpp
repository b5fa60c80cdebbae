// Counts on crafted phrases: digits and words, approximations, bounds, ranges, vague
// amounts and singular persons.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "events/counts.hpp"
#include "text/document.hpp"

using namespace reportage;

namespace {

std::vector<events::CountMention> counts_of(const std::string& input) {
    static std::vector<std::string> keep;  // documents view their input
    keep.push_back(input);
    text::Document doc = text::build_document(keep.back());
    return events::find_counts(doc, 0, static_cast<std::uint32_t>(doc.tokens.size()));
}

Count first_count(const std::string& input) {
    auto c = counts_of(input);
    REQUIRE_MESSAGE(!c.empty(), input);
    return c.front().count;
}

}  // namespace

TEST_CASE("counts: digits, thousands separators, number words and multipliers") {
    CHECK(first_count("14 people were hurt.").value == 14);
    CHECK(first_count("Fourteen workers were hurt.").value == 14);
    CHECK(first_count("The army sent 1,500 soldiers.").value == 1500);
    CHECK(first_count("About 2.5 million people voted.").value == 2500000);
    CHECK(first_count("twenty-five protesters marched.").value == 25);
    CHECK(first_count("three hundred residents left.").value == 300);
    Count c = first_count("14 people were hurt.");
    CHECK(c.qualifier == CountQualifier::exact);
    CHECK(c.text == "14 people");
}

TEST_CASE("counts: approximations keep the value") {
    for (const char* s : {"some 70 people", "about 70 people", "around 70 people", "nearly 70 people",
                          "roughly 70 people"}) {
        Count c = first_count(s);
        CHECK_MESSAGE(c.value == 70, s);
        CHECK_MESSAGE(c.qualifier == CountQualifier::approx, s);
    }
    CHECK(first_count("Some 70 people were detained.").text == "Some 70 people");
}

TEST_CASE("counts: bounds give low or high, not a value") {
    Count c = first_count("at least 14 people died");
    CHECK(c.qualifier == CountQualifier::at_least);
    CHECK(c.low == 14);
    CHECK(!c.value);
    c = first_count("more than 20 people died");
    CHECK(c.qualifier == CountQualifier::more_than);
    CHECK(c.low == 20);
    c = first_count("up to 30 workers joined");
    CHECK(c.qualifier == CountQualifier::at_most);
    CHECK(c.high == 30);
    c = first_count("as many as 30 workers joined");
    CHECK(c.qualifier == CountQualifier::at_most);
    CHECK(c.high == 30);
}

TEST_CASE("counts: ranges with to, a hyphen, between and or") {
    Count c = first_count("1,000 to 1,500 members of the security forces");
    CHECK(c.qualifier == CountQualifier::range);
    CHECK(c.low == 1000);
    CHECK(c.high == 1500);
    CHECK(!c.value);
    c = first_count("16-25 students");
    CHECK(c.low == 16);
    CHECK(c.high == 25);
    c = first_count("between 16 and 25 students");
    CHECK(c.qualifier == CountQualifier::range);
    CHECK(c.low == 16);
    CHECK(c.high == 25);
    c = first_count("two or three men");
    CHECK(c.low == 2);
    CHECK(c.high == 3);
}

TEST_CASE("counts: vague amounts have a conventional lower bound") {
    Count c = first_count("dozens of people were hurt");
    CHECK(c.qualifier == CountQualifier::vague);
    CHECK(!c.value);
    CHECK(c.low == 24);
    CHECK(first_count("hundreds of protesters").low == 200);
    CHECK(first_count("several hundred oil workers gathered").low == 200);
    CHECK(first_count("scores of villagers").low == 40);
    CHECK(first_count("a few students").low == 2);
    CHECK(first_count("several people").low == 3);
    CHECK(first_count("tens of thousands of people").low == 20000);
}

TEST_CASE("counts: singular persons are one, exactly") {
    for (const char* s : {"a man", "one protester", "another man", "a 17-year-old boy", "an elderly woman"}) {
        Count c = first_count(std::string(s) + " was hurt");
        CHECK_MESSAGE(c.value == 1, s);
        CHECK_MESSAGE(c.qualifier == CountQualifier::exact, s);
    }
    CHECK(first_count("A 17-year-old was shot.").value == 1);
    CHECK(first_count("A ten-year-old boy is recovering.").value == 1);
    CHECK(first_count("two of them were hurt").value == 2);
}

TEST_CASE("counts: numbers that measure something else are not counts") {
    CHECK(counts_of("He was shot 3 times.").empty());
    CHECK(counts_of("Prices rose 20 percent.").empty());
    CHECK(counts_of("It cost $500.").empty());
    CHECK(counts_of("a car and a house").empty());
    CHECK(counts_of("In 2011 the plant closed.").empty());
}

TEST_CASE("a digit string too large for a count is not a count") {
    CHECK(counts_of("77777777777777777777777 people were killed.").empty());
    CHECK(counts_of("Between 5 and 99999999999999999999 people marched.").size() == 1);
    CHECK(first_count("2.5 million people were displaced.").value == 2500000);
}
