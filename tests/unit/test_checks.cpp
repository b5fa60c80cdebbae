// Content diagnostics on crafted articles.
#include <doctest/doctest.h>

#include <string>

#include "checks/checks.hpp"
#include "reportage/parse.hpp"

using namespace reportage;

namespace {

bool has_code(const Report& r, const std::string& code) {
    for (const Diagnostic& d : r.diagnostics)
        if (d.code == code) return true;
    return false;
}

Report parse_text(const std::string& body, const std::string& published = "2012-03-10") {
    ParseOptions o;
    o.published = published;
    return parse(body, o);
}

}  // namespace

TEST_CASE("checks: edit distance counts a transposition once") {
    CHECK(checks::edit_distance("janaozen", "janazoen", 2) == 1);
    CHECK(checks::edit_distance("kelmsford", "kelmsfrod", 2) == 1);
    CHECK(checks::edit_distance("abc", "abc", 2) == 0);
    CHECK(checks::edit_distance("abcdef", "uvwxyz", 2) == 3);  // over the limit
}

TEST_CASE("checks: a name spelled two ways") {
    Report r = parse_text("News\n\nCrowds gathered in Kelmsford on Monday. Police in Kelmsford said the "
                          "roads near Kelmsfrod were closed.\n");
    CHECK(has_code(r, "spelling_variant"));
}

TEST_CASE("checks: a plural or an ending is not a second spelling") {
    Report r = parse_text("News\n\nThe Kazaks met. Many Kazakhs and the Kazak minister spoke.\n");
    CHECK(!has_code(r, "spelling_variant"));
}

TEST_CASE("checks: a doubled word") {
    Report r = parse_text("News\n\nShe and and her sister went home.\n");
    CHECK(has_code(r, "doubled_word"));
    Report ok = parse_text("News\n\nWhat he had had was enough.\n");
    CHECK(!has_code(ok, "doubled_word"));
}

TEST_CASE("checks: a past-tense event dated after publication") {
    Report r = parse_text("News\n\nPolice arrested ten men in Orlen on March 20.\n", "2012-03-10");
    CHECK(has_code(r, "event_after_publication"));
    Report future = parse_text("News\n\nWorkers will protest in Orlen on March 20.\n", "2012-03-10");
    CHECK(!has_code(future, "event_after_publication"));
}
