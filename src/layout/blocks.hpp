// Internal to the layout stage: the page as a sequence of blocks (one per text-layer
// paragraph) with the features the structure rules read, and the rules' entry points.
#ifndef REPORTAGE_LAYOUT_BLOCKS_HPP
#define REPORTAGE_LAYOUT_BLOCKS_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.hpp"
#include "reportage/model.hpp"
#include "text/document.hpp"

namespace reportage::layout {

// What a block was recognised as. `none` blocks are candidates for the body.
enum class Role : std::uint8_t {
    none,
    boilerplate,  // page furniture: menus, share lines, prompts, footers
    separator,    // comments separator or header: nothing after it is the article
    banner,       // "Outlet | tagline"
    headline,
    standfirst,
    byline,
    dateline_date,  // a line that only states a date ("Published: March 3, 2012")
    caption,
    caption_copy,   // the second copy of a caption a browser copied twice
    credit,         // a credit line on its own ("Getty Images")
    see_also,
    bio,
    dropped,  // not the article, not worth reporting (menus, comments)
};

// jusText-style class of a block from its length and stop-word density.
enum class Kind : std::uint8_t { bad, short_, near_good, good };

struct Block {
    std::uint32_t para = 0;  // index into Document::paragraphs
    Span span;
    std::uint32_t first_token = 0, end_token = 0;
    std::uint32_t content_token = 0;  // first token after a bullet mark
    std::uint32_t words = 0;          // word and number tokens
    std::uint32_t stopwords = 0;
    std::uint32_t chars = 0;  // code points in the span
    std::uint32_t indent = 0; // leading white space of the first line, in bytes
    bool bullet = false;      // starts with a list mark (* + • ...)
    bool ends_sentence = false;
    bool ends_colon = false;  // a lead-in ("It's time:")
    std::uint32_t sentence_marks = 0;  // . ! ? tokens
    std::uint32_t capitalized = 0;     // capitalised word tokens
    Role role = Role::none;
    Kind kind = Kind::short_;
    bool hard_bad = false;  // boilerplate cue: a strong negative for the body region
    std::string_view cue_kind;  // kind of boilerplate cue found ("boiler", "comments", ...)
    // A caption's credit (when role == caption).
    std::optional<std::string> credit;
    Span caption_span;  // the caption text without its credit
};

// Shared helpers over tokens.
struct Page {
    const text::Document& doc;
    std::vector<Block> blocks;

    std::string_view norm(std::uint32_t t) const { return doc.norm(doc.tokens[t]); }
    const text::Token& tok(std::uint32_t t) const { return doc.tokens[t]; }
    bool is_word(std::uint32_t t) const {
        auto k = doc.tokens[t].kind;
        return k == text::TokenKind::word || k == text::TokenKind::number;
    }
    // Span from the start of token a to the end of token b-1 (a < b).
    Span token_span(std::uint32_t a, std::uint32_t b) const {
        return {doc.tokens[a].begin, doc.tokens[b - 1].end};
    }
    std::string raw(Span s) const { return doc.text(s); }
};

// The longest key of `table` that starts at token `k` (at most `max_tokens` tokens, not
// past `end`); returns its token count (0 = none) and sets *row.
std::uint32_t match_phrase(const Page& page, const lexicon::Table& table, std::uint32_t k,
                           std::uint32_t end, const std::vector<std::string_view>** row,
                           std::uint32_t max_tokens = 6);

// A calendar date found in tokens [begin, end): ISO string and the tokens it covers.
struct FoundDate {
    std::string iso;  // YYYY-MM-DD
    std::uint32_t first = 0, end = 0;
};
// The first full date (day, month and year) in [begin, end), if any.
std::optional<FoundDate> find_full_date(const Page& page, std::uint32_t begin, std::uint32_t end);
// True when token t is date material (month, weekday, number, time word, cue, punctuation).
bool is_date_token(const Page& page, std::uint32_t t);

// blocks.cpp
Page build_page(const text::Document& doc);
// A block over lines [first_line, end_line) of paragraph `para`.
Block make_block(const Page& page, std::uint32_t para, std::uint32_t first_line, std::uint32_t end_line);
// Splits a short multi-line paragraph into its lines when one of them is a byline or a
// date line (a headline, its date and its byline the text layer ran together).
void split_head_lines(Page& page);

// boilerplate.cpp: cue-based boilerplate and separators; returns the index of the first
// block after which nothing is article (blocks.size() when none).
std::size_t mark_boilerplate(Page& page);
// "More ..." link lines and similar after the body.
bool is_more_link_line(const Page& page, const Block& b);

// captions.cpp
void mark_captions(Page& page, std::size_t limit);

// dates.cpp
bool is_date_line(const Page& page, const Block& b);
void mark_date_lines(Page& page, std::size_t limit);
std::optional<std::string> published_from_blocks(const Page& page, std::size_t limit);
std::optional<Dateline> find_dateline(const Page& page, const Block& first_body,
                                      std::vector<std::string>& agencies);

// byline.cpp
// Marks "By ..." lines; fills authors and agencies from the first one found.
bool is_byline(const Page& page, const Block& b);
void mark_bylines(Page& page, std::size_t limit);
void read_byline(const Page& page, const Block& b, Article& article);
bool is_place_byline(const Page& page, const Block& b);  // "X in Kabul"
bool is_bio(const Page& page, const Block& b, const std::vector<Author>& authors,
            std::optional<Author>* named);
void add_agency(std::vector<std::string>& agencies, std::string_view name);

// body.cpp
// Classifies blocks and returns the body: indices of blocks, in order.
std::vector<std::size_t> select_body(Page& page, std::size_t limit);
// A trailing "(See ...)" cross-reference in the block: its start token, or end_token.
std::uint32_t see_also_start(const Page& page, const Block& b);

// header.cpp
void read_header(Page& page, std::size_t body_first, Article& article);

}  // namespace reportage::layout

#endif  // REPORTAGE_LAYOUT_BLOCKS_HPP
