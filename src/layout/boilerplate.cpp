// Page furniture recognised by cue phrases (layout_boilerplate.tsv): navigation, share
// and follow lines, cookie notices, copyright lines, prompts, comment-section headers,
// related-story headers, and the hand-made comments separator line.
#include <string_view>

#include "layout/blocks.hpp"

namespace reportage::layout {

namespace {

// A line of punctuation that starts "!@#$%^&*()": the convention that marks where an
// article copied from a page ends and its reader comments begin.
bool is_separator_line(std::string_view line) {
    while (!line.empty() && line.front() == '!') line.remove_prefix(1);
    return line.substr(0, 9) == "@#$%^&*()";
}

bool has_copyright_sign(const Block& b) { return (b.token_bits & Page::tb_copyright) != 0; }

// "1. joetoronto says:" / "v2787 wrote:": a numbered entry, or a user name (one token in
// lower case or with digits) before the verb; not "The minister said:".
bool is_comment_author(const Page& page, const Block& b, std::uint32_t verb) {
    std::uint32_t k = b.content_token;
    bool numbered = false;
    if (k < verb && page.tok(k).kind == text::TokenKind::number) {
        numbered = true;
        ++k;
        if (k < verb && page.is(k, '.')) ++k;
    }
    if (k >= verb) return false;
    if (numbered) return true;
    if (verb - k != 1) return false;
    const auto& t = page.tok(k);
    static const lexicon::Table& stop = lexicon::table("layout_stopwords");
    if (stop.contains(t.lex)) return false;
    return !t.has(text::tf_capitalized) || t.has(text::tf_has_digit);
}

}  // namespace

bool is_more_link_line(const Page& page, const Block& b) {
    return b.content_token < b.end_token && page.norm(b.content_token) == "more" &&
           b.words <= 6 && !b.ends_sentence;
}

bool mark_boilerplate(const Page& page, Block& b) {
    const Phrases& cues = boilerplate_cues();
    if (b.opens_separator && is_separator_line(page.doc.raw(b.span()))) {
        b.role = Role::separator;
        return true;
    }
    if (b.words <= 30 && has_copyright_sign(b)) {
        b.role = Role::boilerplate;
        b.hard_bad = true;
        return false;
    }
    if (!(b.token_bits & Page::tb_boilerplate)) return false;  // no token may start a cue
    std::uint32_t start = b.content_token;
    // "3 Comments", "12 responses"
    if (start + 1 < b.end_token && page.tok(start).kind == text::TokenKind::number && b.words <= 4)
        ++start;
    bool found = false;
    const std::vector<std::string_view>* row = nullptr;
    for (std::uint32_t k = start; k < b.end_token && !found; ++k) {
        if (k > start && b.words > 60) break;  // "any" cues only apply to short blocks
        if (!(page.facts[k].bits & Page::tb_boilerplate)) continue;
        std::uint32_t n = match_phrase(page, cues, k, b.end_token, &row);
        if (!n || !row || row->size() < 3) continue;
        std::string_view where = (*row)[0], kind = (*row)[1];
        std::uint32_t max_words = 0;
        for (char c : (*row)[2]) max_words = max_words * 10 + static_cast<std::uint32_t>(c - '0');
        if (where == "start" && k != start) continue;
        if (where == "end") {
            std::uint32_t after = k + n;
            if (after < b.end_token && page.is(after, ':')) ++after;
            if (after != b.end_token || b.end_token == k + n) continue;  // needs the colon
        }
        if (b.words > max_words) continue;
        // Link lines and section headers have no sentence end; "Follow X on Twitter."
        // may.
        if (kind != "boiler" && b.ends_sentence) continue;
        if (kind == "comment_author") {
            if (!is_comment_author(page, b, k)) continue;
            kind = "comments";
        }
        if (max_words <= 3 && b.ends_sentence) continue;
        found = true;
        b.comments_cue = kind == "comments";
        b.hard_bad = true;
        b.role = Role::boilerplate;
    }
    return false;
}

}  // namespace reportage::layout
