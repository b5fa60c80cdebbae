// Time expressions on crafted sentences: detection, TimeML values, the resolution
// policies (also across year boundaries), anchors, and the publication date.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "text/document.hpp"
#include "time/timexes.hpp"

using namespace reportage;

namespace {

struct Run {
    std::string input;
    Published published;
    std::vector<Timex> timexes;
};

Run run(const std::string& input, std::optional<std::string> published = std::nullopt) {
    Run r;
    r.input = input;
    if (published) {
        r.published.date = published;
        r.published.origin = PublishedOrigin::given;
    }
    text::Document doc = text::build_document(r.input);
    std::vector<Diagnostic> diagnostics;
    time::extract(doc, r.published, r.timexes, diagnostics);
    return r;
}

const Timex* find(const Run& r, const std::string& text) {
    for (const auto& t : r.timexes)
        if (t.text == text) return &t;
    return nullptr;
}

std::string value_of(const std::string& input, const std::string& text,
                     std::optional<std::string> published = std::string("2011-12-22")) {
    Run r = run(input, published);
    const Timex* t = find(r, text);
    return t ? t->value : "<not found: " + text + ">";
}

}  // namespace

TEST_CASE("month and day in every written form resolve to the nearest date") {
    CHECK(value_of("Police fired on December 16 in the square.", "December 16") == "2011-12-16");
    CHECK(value_of("Police fired on Dec. 16 in the square.", "Dec. 16") == "2011-12-16");
    CHECK(value_of("Police fired on 16 December in the square.", "16 December") == "2011-12-16");
    CHECK(value_of("It happened on Friday, Dec. 16, in the square.", "Friday, Dec. 16") == "2011-12-16");
}

TEST_CASE("full dates carry their own year and no anchor") {
    Run r = run("The vote of December 16, 2011 and 12/16/2011 and 2011-12-16 stood.", "2011-12-22");
    REQUIRE(r.timexes.size() == 3);
    for (const auto& t : r.timexes) {
        CHECK(t.value == "2011-12-16");
        CHECK_FALSE(t.anchor.has_value());
    }
    CHECK(r.timexes[2].text == "2011-12-16");
}

TEST_CASE("month and day across the year boundary: December to January, January to December") {
    // published in late December: January 5 is two weeks ahead
    CHECK(value_of("The state of emergency will last until January 5.", "January 5") == "2012-01-05");
    CHECK(value_of("The talks ended on January 5.", "January 5") == "2012-01-05");
    // published in early January: December 28 is last week
    CHECK(value_of("The strike began on December 28.", "December 28", std::string("2012-01-03")) == "2011-12-28");
    CHECK(value_of("The strike began in December.", "December", std::string("2012-01-03")) == "2011-12");
    CHECK(value_of("The strike began in January.", "January", std::string("2011-12-22")) == "2012-01");
}

TEST_CASE("month and day far from the publication date: the tense decides") {
    CHECK(value_of("The workers walked out on June 5.", "June 5") == "2011-06-05");
    CHECK(value_of("The court will rule on June 5.", "June 5") == "2012-06-05");
}

TEST_CASE("last May is the most recent May before publication; May the verb or name is not a month") {
    CHECK(value_of("Oil workers have been on strike since May.", "May") == "2011-05");
    CHECK(value_of("The strike began last May.", "last May") == "2011-05");
    CHECK(value_of("The strike began last May.", "last May", std::string("2011-05-20")) == "2010-05");
    Run r = run("Officials said they May review it. Theresa May spoke. He may go.", "2011-12-22");
    CHECK(r.timexes.empty());
    Run m = run("They joined the march. March 3 was calm. Troops will March on.", "2011-12-22");
    REQUIRE(m.timexes.size() == 1);
    CHECK(m.timexes[0].text == "March 3");
}

TEST_CASE("weekdays: on or before publication, unless the sentence looks ahead") {
    // 2011-12-22 is a Thursday
    CHECK(value_of("Police detained him on Tuesday.", "Tuesday") == "2011-12-20");
    CHECK(value_of("Police detained him on Thursday.", "Thursday") == "2011-12-22");
    CHECK(value_of("The court will meet on Monday.", "Monday") == "2011-12-26");
    CHECK(value_of("He arrived last Friday.", "last Friday") == "2011-12-16");
    CHECK(value_of("They meet next Tuesday.", "next Tuesday") == "2011-12-27");
    // Monday 2012-01-02: last Friday is in the old year
    CHECK(value_of("He arrived on Friday.", "Friday", std::string("2012-01-02")) == "2011-12-30");
}

TEST_CASE("days and units relative to the publication date") {
    CHECK(value_of("He left yesterday.", "yesterday") == "2011-12-21");
    CHECK(value_of("Today the town is quiet.", "Today") == "2011-12-22");
    CHECK(value_of("The trial starts tomorrow.", "tomorrow", std::string("2011-12-31")) == "2012-01-01");
    CHECK(value_of("Talks went on this week.", "this week") == "2011-W51");
    CHECK(value_of("Prices rose last year.", "last year") == "2010");
    CHECK(value_of("Prices rose last year.", "last year", std::string("2012-01-02")) == "2011");
    CHECK(value_of("Elections are due next month.", "next month") == "2012-01");
    CHECK(value_of("The plant closed two years ago.", "two years ago") == "2009");
    CHECK(value_of("Protests began in early December.", "early December") == "2011-12");
    CHECK(value_of("Output fell in mid-2011.", "mid-2011") == "2011");
    CHECK(value_of("It was built in the 1990s.", "the 1990s") == "199");
    CHECK(value_of("Sales fell in the third quarter.", "the third quarter") == "2011-Q3");
    CHECK(value_of("It rained this summer.", "this summer") == "2011-SU");
}

TEST_CASE("times of day") {
    CHECK(value_of("Shots rang out at 4:30 pm.", "4:30 pm") == "2011-12-22T16:30");
    CHECK(value_of("Shots rang out at 4 p.m. yesterday.", "4 p.m. yesterday") == "2011-12-21T16:00");
    CHECK(value_of("They gathered at midday.", "midday") == "2011-12-22T12:00");
    CHECK(value_of("He spoke this morning.", "this morning") == "2011-12-22TMO");
    CHECK(value_of("He speaks tonight.", "tonight") == "2011-12-22TNI");
    Run r = run("Police patrolled overnight.", "2011-12-22");
    REQUIRE(r.timexes.size() == 1);
    CHECK(r.timexes[0].type == TimexType::time);
}

TEST_CASE("durations and sets") {
    Run r = run("The siege lasted three days. A curfew for one week. They waited for months. "
                "Bread came daily. Inspectors return every week. The next two years matter.",
                "2011-12-22");
    const Timex* t = find(r, "three days");
    REQUIRE(t);
    CHECK(t->type == TimexType::duration);
    CHECK(t->value == "P3D");
    CHECK(find(r, "one week")->value == "P1W");
    REQUIRE(find(r, "months"));
    CHECK(find(r, "months")->value == "PXM");
    REQUIRE(find(r, "daily"));
    CHECK(find(r, "daily")->type == TimexType::set);
    CHECK(find(r, "daily")->value == "P1D");
    REQUIRE(find(r, "every week"));
    CHECK(find(r, "every week")->value == "P1W");
    REQUIRE(find(r, "The next two years"));
    CHECK(find(r, "The next two years")->value == "P2Y");
    CHECK(value_of("A 6-year-old boy was hurt.", "6-year-old") == "<not found: 6-year-old>");
}

TEST_CASE("anaphoric expressions resolve against the last mentioned date") {
    Run r = run("Police opened fire on December 16. The following day, riots spread. "
                "A curfew began that day. Two days later it was lifted.",
                "2011-12-22");
    const Timex* first = find(r, "December 16");
    const Timex* next = find(r, "The following day");
    REQUIRE(first);
    REQUIRE(next);
    CHECK(next->value == "2011-12-17");
    CHECK(next->anchor == first->id);
    const Timex* that = find(r, "that day");
    REQUIRE(that);
    CHECK(that->value == "2011-12-17");
    CHECK(that->anchor == next->id);
    const Timex* later = find(r, "Two days later");
    REQUIRE(later);
    CHECK(later->value == "2011-12-19");
    CHECK(value_of("It began on December 31. The following day, talks resumed.", "The following day") ==
          "2012-01-01");
    CHECK(value_of("On January 2 the mayor resigned; a day earlier he had denied it.", "a day earlier",
                   std::string("2012-01-10")) == "2012-01-01");
}

TEST_CASE("relative expressions are anchored to the publication date") {
    Run r = run("He left yesterday after three days.", "2011-12-22");
    REQUIRE(r.timexes.size() == 2);
    CHECK(r.timexes[0].anchor == std::optional<std::string>("published"));
    CHECK_FALSE(r.timexes[1].anchor.has_value());
}

TEST_CASE("without a publication date no year is guessed") {
    Run r = run("Police fired on December 16. The emergency lasts until January 5. He left on Tuesday. "
                "Workers struck in May.");
    CHECK(r.published.origin == PublishedOrigin::unknown);
    CHECK_FALSE(r.published.date.has_value());
    CHECK(find(r, "December 16")->value == "XXXX-12-16");
    CHECK(find(r, "January 5")->value == "XXXX-01-05");
    CHECK(find(r, "Tuesday")->value == "XXXX-WXX-2");
    CHECK(find(r, "May")->value == "XXXX-05");
    CHECK_FALSE(find(r, "December 16")->anchor.has_value());
}

TEST_CASE("publication date: inferred only when explicit full dates pin it down") {
    Run one = run("The law of March 3, 2009 applies.");
    CHECK(one.published.origin == PublishedOrigin::unknown);

    Run two = run("On December 16, 2011 police fired. On December 20, 2011 the president came. "
                  "He left yesterday.");
    CHECK(two.published.origin == PublishedOrigin::inferred);
    REQUIRE(two.published.date);
    CHECK(*two.published.date == "2011-12-20");
    CHECK(find(two, "yesterday")->value == "2011-12-19");

    Run far = run("The law of March 3, 2009 and the decree of May 5, 2011 apply.");
    CHECK(far.published.origin == PublishedOrigin::unknown);

    Run given = run("On December 16, 2011 and December 20, 2011.", "2012-01-05");
    CHECK(given.published.origin == PublishedOrigin::given);
    CHECK(*given.published.date == "2012-01-05");
}

TEST_CASE("numbers that are not years are not dates") {
    Run r = run("About 2000 people came and 1990 votes were cast for $2011. Prices rose 20%.", "2011-12-22");
    CHECK(r.timexes.empty());
    CHECK(value_of("The plant opened in 1990.", "1990") == "1990");
}

TEST_CASE("every timex text is the bytes of its span") {
    std::string input = "On\xC2\xA0" "December 16, 2011 \xE2\x80\x94 three days later \xE2\x80\x9C" "that day\xE2\x80\x9D.";
    Run r = run(input, "2011-12-22");
    REQUIRE_FALSE(r.timexes.empty());
    for (const auto& t : r.timexes) CHECK(t.text == input.substr(t.span.begin, t.span.end - t.span.begin));
}

TEST_CASE("a year before a noun is a date, a number before a plural noun is not") {
    CHECK(value_of("The 2009 survey found more farms.", "2009") == "2009");
    CHECK(value_of("The agency's 2010 report was late.", "2010") == "2010");
    Run r = run("The 2000 ballots were counted again.", std::string("2011-12-22"));
    CHECK(find(r, "2000") == nullptr);
}

TEST_CASE("a modal in the sentence sends a bare weekday forward") {
    // 2011-12-22 is a Thursday.
    CHECK(value_of("Talks would resume on Monday, an aide said.", "Monday") == "2011-12-26");
    CHECK(value_of("Talks resumed on Monday.", "Monday") == "2011-12-19");
}

TEST_CASE("a possessive time expression is still a time expression") {
    CHECK(value_of("Officials said last month's vote was fair.", "last month's") == "2011-11");
    CHECK(value_of("Today's meeting was short.", "Today's") == "2011-12-22");
}

TEST_CASE("a document with thousands of time expressions resolves the last ones as the first") {
    // Every form detection stores (fixed values, month and day, weekday, offset, anaphor,
    // season, quarter, durations, times, sets), repeated: the mentions after the first few
    // hundred are stored compactly, and must come back as they went in.
    const std::string block =
        "On Monday, police said the fire began at 4:30 p.m. on March 3, 2023. "
        "Two days later, on March 5, officials met again. Last week the council met, "
        "and it will meet next month and in the spring of 2024. "
        "In the third quarter, sales rose for three years. The following day, he left. "
        "Prices rose 5% a year earlier, and the rally is held every Sunday in 1998.\n\n";
    std::string text;
    const int repeats = 120;
    for (int i = 0; i < repeats; ++i) text += block;
    Run r = run(text, "2024-01-10");
    REQUIRE(r.timexes.size() % repeats == 0);
    const std::size_t per_block = r.timexes.size() / repeats;
    REQUIRE(per_block >= 12);
    REQUIRE(r.timexes.size() > 1000);  // well past what is kept uncompressed
    // Blocks after the first see the same context as one another (the date the narrative
    // last mentioned comes from the block before).
    for (std::size_t b = 2; b < static_cast<std::size_t>(repeats); ++b) {
        for (std::size_t i = 0; i < per_block; ++i) {
            const Timex& first = r.timexes[per_block + i];
            const Timex& later = r.timexes[b * per_block + i];
            CHECK(later.text == first.text);
            CHECK(later.type == first.type);
            CHECK(later.value == first.value);
            CHECK(later.span.begin - first.span.begin == (b - 1) * block.size());
            CHECK(later.span.end - later.span.begin == first.span.end - first.span.begin);
            CHECK(later.anchor.has_value() == first.anchor.has_value());
        }
    }
    const Timex* monday = find(r, "Monday");
    REQUIRE(monday);
    CHECK(monday->value == "2024-01-08");
}
