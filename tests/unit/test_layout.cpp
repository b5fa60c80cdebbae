// Article structure on crafted pages: banner, headline, standfirst, bylines, datelines,
// date lines, captions and credits, cross-references, bios, boilerplate, whole pages.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "layout/layout.hpp"
#include "text/document.hpp"

using namespace reportage;

namespace {

// Body prose written for these tests.
const char* const kBody[] = {
    "The city council voted on Tuesday to close the old bridge over the river after engineers found deep "
    "cracks in two of its supports, a decision that will add an hour to the commute of many residents.",
    "Officials said the bridge would stay shut for at least six months while the repairs are planned, and "
    "that a ferry service would run every half hour from the market square to the northern bank.",
    "Shop owners on both sides of the river said they were worried about losing customers during the busy "
    "season, and some of them asked the council to pay for free parking near the ferry landing.",
    "The mayor told reporters that the safety of the people who cross the bridge every day had to come "
    "first, and that the council would look at ways to help the traders who lose business.",
    "Work on the new supports is expected to begin in the spring, when the water level in the river is low "
    "enough for the crews to reach the foundations from a floating platform.",
};

std::string body(std::size_t from = 0, std::size_t to = 5) {
    std::string s;
    for (std::size_t i = from; i < to; ++i) {
        s += kBody[i];
        s += "\n\n";
    }
    return s;
}

struct Result {
    std::string input;
    Article article;
};

void check_text(const std::string& input, const Text& t) {
    REQUIRE(t.span.begin <= t.span.end);
    REQUIRE(t.span.end <= input.size());
    std::string expected;
    text::append_replacing_invalid(expected, std::string_view(input).substr(t.span.begin, t.span.size()));
    CHECK(t.text == expected);
}

Result run(std::string input) {
    Result r{std::move(input), {}};
    text::Document doc = text::build_document(r.input);
    std::vector<Diagnostic> diagnostics;
    layout::Layout lay = layout::extract_article(doc, r.article, diagnostics);
    const Article& a = r.article;
    REQUIRE(lay.body.size() == a.paragraphs.size());
    for (const auto& p : a.paragraphs) check_text(r.input, p);
    for (const auto& p : a.see_also) check_text(r.input, p);
    for (const auto& p : a.boilerplate) check_text(r.input, p);
    for (const auto& m : a.media) check_text(r.input, m.caption);
    if (a.headline) check_text(r.input, *a.headline);
    if (a.standfirst) check_text(r.input, *a.standfirst);
    if (a.author_bio) check_text(r.input, *a.author_bio);
    return r;
}

bool any_paragraph_contains(const Article& a, const std::string& s) {
    for (const auto& p : a.paragraphs)
        if (p.text.find(s) != std::string::npos) return true;
    return false;
}

bool boilerplate_contains(const Article& a, const std::string& s) {
    for (const auto& p : a.boilerplate)
        if (p.text.find(s) != std::string::npos) return true;
    return false;
}

std::vector<std::string> author_names(const Article& a) {
    std::vector<std::string> v;
    for (const auto& x : a.authors) v.push_back(x.name);
    return v;
}

}  // namespace

TEST_CASE("a banner line 'Outlet | tagline' gives the outlet name and tagline") {
    auto r = run("Northern Valley Gazette | News for the Whole Valley\n\nBridge Closed After Cracks Found\n\n" + body());
    CHECK(r.article.outlet.name == std::string("Northern Valley Gazette"));
    CHECK(r.article.outlet.tagline == std::string("News for the Whole Valley"));
    REQUIRE(r.article.headline);
    CHECK(r.article.headline->text == "Bridge Closed After Cracks Found");
    CHECK(r.article.paragraphs.size() == 5);
}

TEST_CASE("headline, standfirst and 'By X' byline are read and kept out of the body") {
    auto r = run("Bridge Closed After Cracks Found\n\nCommuters face long detours, but the ferry is back.\nBy Mara Lindqvist\n\n" +
                 body());
    const Article& a = r.article;
    REQUIRE(a.headline);
    CHECK(a.headline->text == "Bridge Closed After Cracks Found");
    REQUIRE(a.standfirst);
    CHECK(a.standfirst->text == "Commuters face long detours, but the ferry is back.");
    CHECK(author_names(a) == std::vector<std::string>{"Mara Lindqvist"});
    CHECK(a.paragraphs.size() == 5);
    CHECK(a.paragraphs.front().text.rfind("The city council voted", 0) == 0);
    CHECK_FALSE(any_paragraph_contains(a, "By Mara"));
}

TEST_CASE("'By X and Y' gives two authors") {
    auto r = run("Bridge Closed After Cracks Found\n\nBy Mara Lindqvist and Tomas Oduya\n\n" + body());
    CHECK(author_names(r.article) == std::vector<std::string>{"Mara Lindqvist", "Tomas Oduya"});
}

TEST_CASE("'By X, Reuters' gives the author and the agency, never the agency as an author") {
    auto r = run("Bridge Closed After Cracks Found\n\nBy Mara Lindqvist, Reuters\n\n" + body());
    CHECK(author_names(r.article) == std::vector<std::string>{"Mara Lindqvist"});
    CHECK(r.article.agencies == std::vector<std::string>{"Reuters"});
}

TEST_CASE("a place byline 'X in Kabul' gives the author") {
    auto r = run("Bridge Closed After Cracks Found\n\nMara Lindqvist in Kabul\n\n" + body());
    CHECK(author_names(r.article) == std::vector<std::string>{"Mara Lindqvist"});
    CHECK_FALSE(any_paragraph_contains(r.article, "in Kabul"));
}

TEST_CASE("'By X | date' splits the name from the fused date, which gives the published date") {
    auto r = run("Bridge Closed After Cracks Found\n\nBy Mara Lindqvist | March 3, 2012\n\n" + body());
    CHECK(author_names(r.article) == std::vector<std::string>{"Mara Lindqvist"});
    CHECK(r.article.published.date == std::string("2012-03-03"));
    CHECK(r.article.published.origin == PublishedOrigin::text);
}

TEST_CASE("a date line gives the published date in its usual forms") {
    auto a1 = run("Bridge Closed After Cracks Found\n\nPublished: March 3, 2012\n\n" + body()).article;
    CHECK(a1.published.date == std::string("2012-03-03"));
    auto a2 = run("Bridge Closed After Cracks Found\n\nUpdated 10:32 GMT, 4 May 2019\n\n" + body()).article;
    CHECK(a2.published.date == std::string("2019-05-04"));
    auto a3 = run("Bridge Closed After Cracks Found\n\nDecember 20, 2011\n\n" + body()).article;
    CHECK(a3.published.date == std::string("2011-12-20"));
    CHECK_FALSE(any_paragraph_contains(a3, "December 20, 2011"));
}

TEST_CASE("a date without a year gives no published date") {
    auto a = run("Bridge Closed After Cracks Found\n\nUpdated March 3\n\n" + body()).article;
    CHECK_FALSE(a.published.date);
    CHECK(a.published.origin == PublishedOrigin::unknown);
}

TEST_CASE("a dateline with an agency is read and stays at the start of the first paragraph") {
    std::string first = "MEXICO CITY (AP) \xE2\x80\x94 " + std::string(kBody[0]) + "\n\n";
    auto r = run("Bridge Closed After Cracks Found\n\n" + first + body(1));
    const Article& a = r.article;
    REQUIRE(a.dateline);
    CHECK(a.dateline->place == "MEXICO CITY");
    CHECK(a.dateline->agency == std::string("AP"));
    CHECK(r.input.substr(a.dateline->span.begin, a.dateline->span.size()) == "MEXICO CITY (AP) \xE2\x80\x94");
    REQUIRE(!a.paragraphs.empty());
    CHECK(a.paragraphs.front().text.rfind("MEXICO CITY (AP)", 0) == 0);
    CHECK(a.agencies == std::vector<std::string>{"AP"});
}

TEST_CASE("a dateline with a date and an agency: 'LONDON, March 3 (Reuters) -'") {
    std::string first = "LONDON, March 3 (Reuters) - " + std::string(kBody[0]) + "\n\n";
    auto a = run("Bridge Closed After Cracks Found\n\n" + first + body(1)).article;
    REQUIRE(a.dateline);
    CHECK(a.dateline->place == "LONDON");
    CHECK(a.dateline->agency == std::string("Reuters"));
}

TEST_CASE("a paragraph that opens with an ordinary sentence has no dateline") {
    auto a = run("Bridge Closed After Cracks Found\n\n" + body()).article;
    CHECK_FALSE(a.dateline);
}

TEST_CASE("a caption with '(Photo: X)' becomes a media item with its credit") {
    auto r = run("Bridge Closed After Cracks Found\n\nBy Mara Lindqvist\n\nCrews inspect the cracked support. (Photo: Ines Varga)\n\n" +
                 body());
    const Article& a = r.article;
    REQUIRE(a.media.size() == 1);
    CHECK(a.media[0].caption.text.find("Crews inspect the cracked support") != std::string::npos);
    CHECK(a.media[0].credit == std::string("Ines Varga"));
    CHECK_FALSE(any_paragraph_contains(a, "(Photo"));
}

TEST_CASE("a caption a browser copied twice (bullet line, then the same line) is one media item") {
    std::string cap = "Crews inspect the cracked support. (Photo: Ines Varga)";
    auto a = run("Bridge Closed After Cracks Found\nBy Mara Lindqvist\n  \xE2\x80\xA2 " + cap + "\n    " + cap +
                 "\n  \xE2\x80\xA2 The ferry at the market square. (Photo: Ines Varga)\n    The ferry at the market square. (Photo: Ines Varga)\n\n" +
                 body())
                 .article;
    REQUIRE(a.media.size() == 2);
    CHECK(a.media[0].credit == std::string("Ines Varga"));
    CHECK(a.media[1].caption.text.find("The ferry at the market square") != std::string::npos);
    CHECK(a.paragraphs.size() == 5);
    CHECK_FALSE(any_paragraph_contains(a, "(Photo"));
}

TEST_CASE("a credit left open '(Photo courtesy of X' is still read") {
    auto a = run("Bridge Closed After Cracks Found\nBy Mara Lindqvist\n  \xE2\x80\xA2 Traders at the landing. (Photo courtesy of Valley Radio\n"
                 "    Traders at the landing. (Photo courtesy of Valley Radio\n\n" +
                 body())
                 .article;
    REQUIRE(a.media.size() == 1);
    CHECK(a.media[0].credit == std::string("Valley Radio"));
}

TEST_CASE("'Photograph: X/Agency' after a caption is its credit") {
    auto a = run("Bridge Closed After Cracks Found\n\n" + body(0, 2) +
                 "The bridge at dusk. Photograph: Ines Varga/Valley Images\n\n" + body(2))
                 .article;
    REQUIRE(a.media.size() == 1);
    CHECK(a.media[0].credit == std::string("Ines Varga/Valley Images"));
    CHECK(a.media[0].caption.text.find("The bridge at dusk") == 0);
    CHECK(a.paragraphs.size() == 5);
}

TEST_CASE("a credit line 'Getty Images' makes the line before it a caption") {
    auto a = run("Bridge Closed After Cracks Found\n\n" + body(0, 2) +
                 "Workers on the old bridge in the spring.\nGetty Images\n\n" + body(2))
                 .article;
    REQUIRE(a.media.size() == 1);
    CHECK(a.media[0].caption.text == "Workers on the old bridge in the spring.");
    CHECK(a.media[0].credit == std::string("Getty Images"));
    CHECK_FALSE(any_paragraph_contains(a, "Getty"));
    CHECK_FALSE(any_paragraph_contains(a, "Workers on the old bridge"));
}

TEST_CASE("'Image copyright X' before a caption credits it") {
    auto a = run("Bridge Closed After Cracks Found\n\nImage copyright Valley Images\n\nA ferry crosses the river.\n\n" +
                 body())
                 .article;
    REQUIRE(a.media.size() == 1);
    CHECK(a.media[0].credit == std::string("Valley Images"));
    CHECK_FALSE(any_paragraph_contains(a, "Image copyright"));
}

TEST_CASE("a trailing '(See ...)' cross-reference is cut out of its paragraph into see_also") {
    std::string p2 = std::string(kBody[1]) + " (See Ferry Plans Drawn Up on this.)";
    std::string p4 = std::string(kBody[3]) + " (See Traders Ask For Help,)";
    auto r = run("Bridge Closed After Cracks Found\n\n" + body(0, 1) + p2 + "\n\n" + kBody[2] + "\n\n" + p4 + "\n\n" + body(4));
    const Article& a = r.article;
    REQUIRE(a.see_also.size() == 2);
    CHECK(a.see_also[0].text == "(See Ferry Plans Drawn Up on this.)");
    CHECK(a.see_also[1].text == "(See Traders Ask For Help,)");
    REQUIRE(a.paragraphs.size() == 5);
    CHECK(a.paragraphs[1].text == kBody[1]);
    CHECK(a.paragraphs[3].text == kBody[3]);
    CHECK_FALSE(any_paragraph_contains(a, "(See"));
}

TEST_CASE("a paragraph that is only a cross-reference goes wholly to see_also") {
    auto a = run("Bridge Closed After Cracks Found\n\n" + body(0, 3) + "(See Ferry Plans Drawn Up.)\n\n" + body(3)).article;
    REQUIRE(a.see_also.size() == 1);
    CHECK(a.see_also[0].text == "(See Ferry Plans Drawn Up.)");
    CHECK(a.paragraphs.size() == 5);
}

TEST_CASE("a closing bio naming the byline author is the author_bio, not a paragraph") {
    auto a = run("Bridge Closed After Cracks Found\n\nBy Mara Lindqvist\n\n" + body() +
                 "Mara Lindqvist is a reporter for the Northern Valley Gazette.\n")
                 .article;
    REQUIRE(a.author_bio);
    CHECK(a.author_bio->text == "Mara Lindqvist is a reporter for the Northern Valley Gazette.");
    CHECK(a.paragraphs.size() == 5);
}

TEST_CASE("a bio line names the author when there is no byline") {
    auto a = run("Bridge Closed After Cracks Found\n\n" + body() + "Mara Lindqvist is the paper's river correspondent.\n").article;
    REQUIRE(a.author_bio);
    CHECK(author_names(a) == std::vector<std::string>{"Mara Lindqvist"});
}

TEST_CASE("a comment prompt and a 'More ...' link line after the body are boilerplate") {
    auto a = run("Bridge Closed After Cracks Found\n\n" + body() +
                 "If you would like to comment on this story, please contact our news desk at\n\nMore Valley Stories\n")
                 .article;
    CHECK(a.paragraphs.size() == 5);
    CHECK(boilerplate_contains(a, "If you would like to comment"));
    CHECK(boilerplate_contains(a, "More Valley Stories"));
}

TEST_CASE("share, follow, newsletter and copyright lines are boilerplate") {
    auto a = run("Bridge Closed After Cracks Found\n\n" + body(0, 3) + "Share this article\n\n" + body(3) +
                 "Follow us on Twitter\n\nSign up for our daily newsletter to get the news first.\n\n"
                 "\xC2\xA9 2019 Northern Valley Gazette. All rights reserved.\n")
                 .article;
    CHECK(a.paragraphs.size() == 5);
    CHECK(boilerplate_contains(a, "Share this article"));
    CHECK(boilerplate_contains(a, "Follow us"));
    CHECK(boilerplate_contains(a, "newsletter"));
    CHECK(boilerplate_contains(a, "All rights reserved"));
}

TEST_CASE("a related-stories list after the body stays out of the paragraphs") {
    auto a = run("Bridge Closed After Cracks Found\n\n" + body() +
                 "Related stories\n  * Ferry timetable changes\n  * Council budget vote delayed\n  * River level falls\n")
                 .article;
    CHECK(a.paragraphs.size() == 5);
    CHECK_FALSE(any_paragraph_contains(a, "Ferry timetable"));
    CHECK(boilerplate_contains(a, "Related stories"));
}

TEST_CASE("nothing after a comments separator line is article") {
    auto a = run("Bridge Closed After Cracks Found\n\n" + body() + "!@#$%^&*()  COMMENTS\n\n" +
                 "I cross that bridge every single day and I have been saying for years that it was not safe at all, "
                 "so it is about time the council listened to the people who actually use it.\n")
                 .article;
    CHECK(a.paragraphs.size() == 5);
    CHECK_FALSE(any_paragraph_contains(a, "I cross that bridge"));
    CHECK(boilerplate_contains(a, "COMMENTS"));
}

TEST_CASE("a 'N Comments' or 'Leave a comment' header ends the body") {
    std::string comment =
        "I cross that bridge every single day and I have been saying for years that it was not safe at all, "
        "so it is about time the council listened to the people who actually use it.\n\n";
    auto a1 = run("Bridge Closed After Cracks Found\n\n" + body() + "3 Comments\n\n" + comment).article;
    CHECK(a1.paragraphs.size() == 5);
    CHECK_FALSE(any_paragraph_contains(a1, "I cross that bridge"));
    auto a2 = run("Bridge Closed After Cracks Found\n\n" + body() + "Leave a comment\n\n" + comment).article;
    CHECK(a2.paragraphs.size() == 5);
    CHECK_FALSE(any_paragraph_contains(a2, "I cross that bridge"));
}

TEST_CASE("a whole web page keeps only the article in the paragraphs") {
    std::string page =
        "Skip to content\n"
        "    We use cookies to improve your experience on our site. By using the site you accept our cookie policy.\n"
        "      Accept\n"
        "  * Home\n  * News\n  * Sport\n  * Weather\n  * Business\n  * Culture\n  * Opinion\n"
        "  Search\n"
        "      Bridge Closed After Cracks Found\n"
        "      By Mara Lindqvist\n"
        "      Published: November 18, 2019\n"
        "      Share this story\n"
        "        * Facebook\n        * Twitter\n        * Email\n";
    for (const char* p : kBody) page += std::string("      ") + p + "\n";
    page +=
        "      Most read\n"
        "        * Ferry timetable changes\n        * Council budget vote delayed\n        * River level falls\n"
        "  * About us\n  * Contact us\n  * Privacy policy\n  * Terms of use\n"
        "  \xC2\xA9 2019 Northern Valley Gazette. All rights reserved.\n";
    auto r = run(page);
    const Article& a = r.article;
    REQUIRE(a.paragraphs.size() == 5);
    CHECK(a.paragraphs.front().text == kBody[0]);
    CHECK(a.paragraphs.back().text == kBody[4]);
    REQUIRE(a.headline);
    CHECK(a.headline->text == "Bridge Closed After Cracks Found");
    CHECK(author_names(a) == std::vector<std::string>{"Mara Lindqvist"});
    CHECK(a.published.date == std::string("2019-11-18"));
    CHECK(boilerplate_contains(a, "Skip to content"));
    CHECK(boilerplate_contains(a, "All rights reserved"));
}

TEST_CASE("a plain article whose first line is the headline keeps every paragraph") {
    auto a = run("Bridge shut\n\n" + body() + "Work starts in spring.\n").article;
    REQUIRE(a.headline);
    CHECK(a.headline->text == "Bridge shut");
    CHECK(a.paragraphs.size() == 6);
    CHECK(a.paragraphs.back().text == "Work starts in spring.");
}

TEST_CASE("empty, blank and binary inputs give an empty article without failing") {
    CHECK(run("").article.paragraphs.empty());
    CHECK(run("\n\n\n   \n").article.paragraphs.empty());
    std::string bin;
    for (int i = 0; i < 4096; ++i) bin += static_cast<char>((i * 7919) & 0xFF);
    run(bin);
    std::string quotes(20000, '"');
    run(quotes);
}

TEST_CASE("a single sentence is the body, not a headline") {
    Result r = run("Firefighters said the blaze at the depot was under control by noon.");
    REQUIRE(r.article.paragraphs.size() == 1);
    CHECK(!r.article.headline);
}

TEST_CASE("a short text with no long paragraph keeps all its sentences in the body") {
    Result r = run(
        "Bridge Closes\n\nThe council shut the bridge on Monday.\n\nEngineers said the cracks were "
        "deeper than expected and that repairs would take most of the year.");
    REQUIRE(r.article.headline);
    CHECK(r.article.headline->text == "Bridge Closes");
    REQUIRE(r.article.paragraphs.size() == 2);
    CHECK(r.article.paragraphs[1].text.rfind("Engineers said", 0) == 0);
}
