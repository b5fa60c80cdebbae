// Bylines and author bios: "By X", "By X and Y", "By X, Reuters", "By X | date",
// "Posted by X", "X in Kabul"; a closing "X is a reporter for ..." line naming the author.
#include <algorithm>
#include <string_view>

#include "layout/blocks.hpp"

namespace reportage::layout {

namespace {

std::string_view byline_kind(const Page& page, std::uint32_t t) {
    static const lexicon::Table& byline = lexicon::table("layout_byline");
    const auto* row = byline.find(page.tok(t).lex);
    return row && !row->empty() ? (*row)[0] : std::string_view{};
}

std::string_view date_kind(const Page& page, std::uint32_t t) {
    static const lexicon::Table& dates = lexicon::table("layout_dates");
    const auto* row = dates.find(page.tok(t).lex);
    return row && !row->empty() ? (*row)[0] : std::string_view{};
}

bool is_name_word(const Page& page, std::uint32_t t) {
    const auto& tk = page.tok(t);
    return tk.kind == text::TokenKind::word && (tk.has(text::tf_capitalized) || tk.has(text::tf_all_caps));
}

// A word that starts the date fused onto a byline rather than a name part.
bool starts_date(const Page& page, std::uint32_t t, std::uint32_t end) {
    std::string_view kind = date_kind(page, t);
    if (kind == "cue" && page.norm(t) != "on") return page.tok(t).has(text::tf_capitalized);
    if (kind == "month" || kind == "weekday") {
        if (t + 1 >= end) return kind == "weekday";
        const auto& next = page.tok(t + 1);
        std::string_view nn = page.norm(t + 1);
        bool day = next.kind == text::TokenKind::number ||
                   (next.has(text::tf_has_digit) && nn.size() <= 4 && nn[0] >= '0' && nn[0] <= '9');
        return day || nn == "," ||
               date_kind(page, t + 1) == "month";
    }
    return false;
}

// A run of name words from k (with lower-case particles inside): returns its end.
std::uint32_t name_run(const Page& page, std::uint32_t k, std::uint32_t end) {
    std::uint32_t j = k;
    while (j < end && j - k < 6) {
        if (starts_date(page, j, end)) break;
        if (is_name_word(page, j)) {
            // "Mike Whalley BBC Sport": an upper-case word after a mixed-case name starts
            // an outlet.
            if (j > k && page.tok(j).has(text::tf_all_caps) && !page.tok(k).has(text::tf_all_caps)) break;
            ++j;
            continue;
        }
        if (j > k && byline_kind(page, j) == "particle" && j + 1 < end && is_name_word(page, j + 1)) {
            ++j;
            continue;
        }
        break;
    }
    // Names end on a name word.
    while (j > k && !is_name_word(page, j - 1)) --j;
    return j;
}

const std::vector<std::string_view>* agency_row(const Page& page, std::uint32_t a, std::uint32_t b) {
    const std::vector<std::string_view>* row = nullptr;
    std::uint32_t n = match_phrase(page, agency_names(), a, b, &row, 4);
    return n == b - a ? row : nullptr;
}

bool has_role_noun(const Page& page, std::uint32_t a, std::uint32_t b) {
    static const lexicon::Table& bio = lexicon::table("layout_bio");
    for (std::uint32_t k = a; k < b; ++k)
        if (bio.contains(page.tok(k).lex)) return true;
    return false;
}

// "and" further on, before the names end.
bool joiner_follows(const Page& page, std::uint32_t k, std::uint32_t end) {
    for (; k < end; ++k) {
        if (byline_kind(page, k) == "joiner") return true;
        std::string_view nm = page.norm(k);
        if (nm != "," && !is_name_word(page, k)) return false;
    }
    return false;
}

struct Parsed {
    std::vector<Author> authors;
    std::vector<std::string> agencies;
};

// Parses the names after "By" (token k). Returns nothing unless the line reads as a byline.
std::optional<Parsed> parse_names(const Page& page, std::uint32_t k, std::uint32_t end) {
    Parsed out;
    bool after_comma = false;
    while (k < end) {
        std::uint32_t j = name_run(page, k, end);
        if (j == k) {
            if (after_comma && !out.authors.empty()) break;  // "By X, staff" : tolerate
            return std::nullopt;
        }
        if (const auto* row = agency_row(page, k, j)) {
            if (!row->empty()) add_agency(out.agencies, (*row)[0]);
        } else if (after_comma && !out.authors.empty() && !joiner_follows(page, j, end)) {
            // "By X, Senior Writer": a role; "By X, CNN": an outlet. Not a second author
            // unless a list goes on ("By X, Y and Z").
            if (!out.authors.back().role && (has_role_noun(page, k, j) || j - k >= 2))
                out.authors.back().role = page.raw(page.token_span(k, j));
        } else {
            Author a;
            a.span = page.token_span(k, j);
            a.name = page.raw(a.span);
            out.authors.push_back(std::move(a));
        }
        k = j;
        if (k >= end) break;
        std::string_view nm = page.norm(k);
        if (byline_kind(page, k) == "joiner") {
            after_comma = false;
            ++k;
            continue;
        }
        if (nm == ",") {
            after_comma = true;
            ++k;
            if (k < end && byline_kind(page, k) == "joiner") ++k;
            if (k < end && starts_date(page, k, end)) break;
            if (k < end && page.tok(k).kind == text::TokenKind::number) break;
            continue;
        }
        // Anything else ends the names: a separator, a fused date, "in Kabul", "for X".
        const auto& t = page.tok(k);
        if (t.kind == text::TokenKind::word && !t.has(text::tf_capitalized) && !t.has(text::tf_all_caps)) {
            if (nm != "in" && nm != "for" && nm != "at" && nm != "on" && nm != "via" &&
                !page.tok(k).has(text::tf_has_digit))
                return std::nullopt;
        }
        break;
    }
    if (out.authors.empty() && out.agencies.empty()) return std::nullopt;
    return out;
}

// The token after "By" / "Posted by", or end when the block does not open a byline.
std::uint32_t byline_names_start(const Page& page, const Block& b) {
    std::uint32_t k = b.content_token;
    if (k < b.end_token && byline_kind(page, k) == "prefix") ++k;
    if (k + 1 >= b.end_token || byline_kind(page, k) != "by") return b.end_token;
    if (!page.tok(k).has(text::tf_capitalized) && k == b.content_token) return b.end_token;
    return k + 1;
}

}  // namespace

void add_agency(std::vector<std::string>& agencies, std::string_view name) {
    if (std::find(agencies.begin(), agencies.end(), name) == agencies.end()) agencies.emplace_back(name);
}

bool is_byline(const Page& page, const Block& b) {
    if (b.words == 0 || b.words > 25) return false;
    std::uint32_t k = byline_names_start(page, b);
    return k < b.end_token && parse_names(page, k, b.end_token).has_value();
}

void mark_byline(const Page& page, Block& b) {
    if (b.role == Role::none && is_byline(page, b)) b.role = Role::byline;
}

void read_byline(const Page& page, const Block& b, Article& article) {
    std::uint32_t k = byline_names_start(page, b);
    std::optional<Parsed> p;
    if (k < b.end_token) {
        p = parse_names(page, k, b.end_token);
    } else {
        // "X in Kabul"
        std::uint32_t j = name_run(page, b.content_token, b.end_token);
        if (j > b.content_token) {
            p = Parsed{};
            Author a;
            a.span = page.token_span(b.content_token, j);
            a.name = page.raw(a.span);
            p->authors.push_back(std::move(a));
        }
    }
    if (!p) return;
    for (auto& a : p->authors) {
        bool dup = false;
        for (const auto& x : article.authors) dup = dup || x.name == a.name;
        if (!dup) article.authors.push_back(std::move(a));
    }
    for (const auto& ag : p->agencies) add_agency(article.agencies, ag);
}

bool is_place_byline(const Page& page, const Block& b) {
    if (b.words < 3 || b.words > 8 || b.ends_sentence || b.bullet) return false;
    std::uint32_t j = name_run(page, b.content_token, b.end_token);
    if (j - b.content_token < 2 || j >= b.end_token || byline_kind(page, j) != "place") return false;
    std::uint32_t e = name_run(page, j + 1, b.end_token);
    return e > j + 1 && e == b.end_token;
}

bool is_bio(const Page& page, const Block& b, const std::vector<Author>& authors,
            std::optional<Author>* named) {
    if (b.words < 4 || b.words > 45 || b.bullet) return false;
    std::uint32_t j = name_run(page, b.content_token, b.end_token);
    if (j == b.content_token || j - b.content_token > 4 || j >= b.end_token) return false;
    if (byline_kind(page, j) != "verb") return false;
    if (!has_role_noun(page, j + 1, b.end_token)) return false;
    std::string_view name = page.doc.raw(page.token_span(b.content_token, j));
    if (!authors.empty()) {
        bool match = false;
        for (const auto& a : authors) {
            // The bio names the author in full or by surname.
            std::string_view full = a.name;
            auto sp = full.rfind(' ');
            std::string_view surname = sp == std::string_view::npos ? full : full.substr(sp + 1);
            match = match || name == full || name.find(surname) != std::string_view::npos;
        }
        if (!match) return false;
    } else if (j - b.content_token < 2) {
        return false;
    }
    if (named) {
        Author a;
        a.span = page.token_span(b.content_token, j);
        a.name = std::string(name);
        *named = std::move(a);
    }
    return true;
}

}  // namespace reportage::layout
