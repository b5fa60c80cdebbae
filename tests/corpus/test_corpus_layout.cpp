// The layout stage on the seed article: every article item of the hand-made gold file.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "layout/layout.hpp"
#include "text/document.hpp"

using namespace reportage;

namespace {

bool read_file(const std::string& path, std::string& out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    std::ostringstream ss;
    ss << f.rdbuf();
    out = ss.str();
    return true;
}

std::string squash(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("seed article: the article structure matches the gold") {
    const std::string dir = std::string(REPORTAGE_CORPUS_DIR) + "/seed/";
    std::string input, gold_text;
    if (!read_file(dir + "iwpr-janaozen.txt", input) || !read_file(dir + "iwpr-janaozen.gold.json", gold_text)) {
        MESSAGE("[skipped] corpus not found at " << dir);
        return;
    }
    const auto gold = nlohmann::json::parse(gold_text).at("article");

    text::Document doc = text::build_document(input);
    Article a;
    std::vector<Diagnostic> diagnostics;
    layout::extract_article(doc, a, diagnostics);

    CHECK(a.outlet.name.value_or("") == gold.at("outlet").get<std::string>());
    CHECK(a.outlet.tagline.value_or("") == gold.at("tagline").get<std::string>());
    REQUIRE(a.headline);
    CHECK(squash(a.headline->text) == squash(gold.at("headline").get<std::string>()));
    REQUIRE(a.standfirst);
    CHECK(squash(a.standfirst->text) == squash(gold.at("standfirst").get<std::string>()));

    std::set<std::string> authors, gold_authors;
    for (const auto& x : a.authors) authors.insert(x.name);
    for (const auto& x : gold.at("authors")) gold_authors.insert(x.get<std::string>());
    CHECK(authors == gold_authors);

    for (const auto& m : gold.at("media")) {
        const std::string want = m.at("caption_contains").get<std::string>();
        const Media* found = nullptr;
        for (const auto& x : a.media)
            if (contains(x.caption.text, want)) found = &x;
        INFO("caption: " << want);
        REQUIRE(found);
        REQUIRE(found->credit);
        if (m.contains("credit")) CHECK(*found->credit == m.at("credit").get<std::string>());
        if (m.contains("credit_contains")) CHECK(contains(*found->credit, m.at("credit_contains").get<std::string>()));
    }

    const auto& paras = gold.at("paragraphs");
    CHECK(a.paragraphs.size() == paras.at("count").get<std::size_t>());
    REQUIRE(!a.paragraphs.empty());
    CHECK(a.paragraphs.front().text.rfind(paras.at("first_starts").get<std::string>(), 0) == 0);
    const std::string last_ends = paras.at("last_ends").get<std::string>();
    const std::string& last = a.paragraphs.back().text;
    CHECK((last.size() >= last_ends.size() && last.compare(last.size() - last_ends.size(), last_ends.size(), last_ends) == 0));
    for (const auto& bad : paras.at("must_not_contain")) {
        const std::string s = bad.get<std::string>();
        for (const auto& p : a.paragraphs) {
            INFO("must not contain: " << s);
            CHECK_FALSE(contains(p.text, s));
        }
    }

    for (const auto& want : gold.at("see_also_contains")) {
        bool found = false;
        for (const auto& x : a.see_also) found = found || contains(x.text, want.get<std::string>());
        INFO("see_also: " << want.get<std::string>());
        CHECK(found);
    }
    REQUIRE(a.author_bio);
    CHECK(contains(a.author_bio->text, gold.at("author_bio_contains").get<std::string>()));
    for (const auto& want : gold.at("boilerplate_contains")) {
        bool found = false;
        for (const auto& x : a.boilerplate) found = found || contains(x.text, want.get<std::string>());
        INFO("boilerplate: " << want.get<std::string>());
        CHECK(found);
    }
    // Every emitted text is the input bytes of its span.
    for (const auto& p : a.paragraphs) CHECK(p.text == input.substr(p.span.begin, p.span.size()));
}
