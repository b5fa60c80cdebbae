// Internal to the layout stage: the page as a sequence of blocks (one per text-layer
// paragraph) with the features the structure rules read, and the rules' entry points.
#ifndef REPORTAGE_LAYOUT_BLOCKS_HPP
#define REPORTAGE_LAYOUT_BLOCKS_HPP

#include <algorithm>
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

constexpr std::uint32_t no_token = 0xFFFFFFFFu;

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
    std::uint32_t see_open = no_token; // the last "(" followed by "see" (a cross-reference)
    std::uint8_t token_bits = 0;       // Page::tb_* of any of its tokens
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
    // Per token, found once in build_page: what the block features and the punctuation
    // tests read, so rules need not reach into the tokens' text.
    struct TokenFacts {
        char mark = 0;           // the normal form when it is one byte (". ( | -"), else 0
        std::uint8_t bits = 0;   // tb_* below
    };
    enum : std::uint8_t {
        tb_word = 1,          // a word or number token
        tb_stopword = 2,      // a word of layout_stopwords
        tb_capitalized = 4,   // a capitalised word or a number
        tb_sentence_end = 8,  // . ! ? ...
        tb_see = 16,          // "(" right before "see"
        tb_boilerplate = 32,  // a key of boilerplate_cues() may start here
        tb_credit = 64,       // a key of credit_cues() may start here
    };
    std::vector<TokenFacts> facts;

    std::string_view norm(std::uint32_t t) const { return doc.norm(doc.tokens[t]); }
    // True when token t's normal form is the one character c ("(", ".", "|"; not '\0').
    bool is(std::uint32_t t, char c) const { return facts[t].mark == c; }
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

// A set of lexeme ids, one bit each (a few hundred bytes that stay in cache).
class LexSet {
public:
    void add(lexicon::LexId id) {
        if (bits_.size() * 64 <= id + 64u) bits_.resize(id / 64 + 2, 0);  // keeps a last word of 0
        bits_[id >> 6] |= std::uint64_t{1} << (id & 63);
    }
    bool has(lexicon::LexId id) const {
        // Ids past the end read the last word, which is 0: no branch (ids vary too much
        // from token to token for one to be predicted).
        const std::size_t last = bits_.empty() ? 0 : bits_.size() - 1;
        const std::size_t word = std::min<std::size_t>(id >> 6, last);
        return !bits_.empty() && (bits_[word] >> (id & 63) & 1) != 0;
    }

private:
    std::vector<std::uint64_t> bits_;
};

// A word list whose keys are phrases (normalised tokens joined by one space), read as a
// tree of words: matching walks the tokens with lexeme ids and compares no strings
// unless a key word is no lexeme, and a token that starts no key is turned away with an
// array read. Construct once (a function-local static); immutable afterwards.
class Phrases {
public:
    explicit Phrases(std::string_view table_name);
    // False when no key begins with token t: an array read (or a bit test and rarely a
    // comparison for words without a lexeme id).
    bool may_start(const text::Document& doc, const text::Token& t) const {
        // (layout_phrase_starts.tsv gives the first words of the layout lists ids, so the
        // first test is false for them: no branch on whether a token has an id, which
        // varies from token to token and would be mispredicted often)
        if (!nodes_[0].next.empty()) {
            const std::string_view w = doc.norm(t);
            const unsigned key = bloom_key(w);
            if (t.lex == 0 && (unlisted_bits_[key >> 6] >> (key & 63) & 1) != 0) return child(0, w, 0) != 0;
        }
        return starts_.has(t.lex);
    }
    // The lexeme ids of the keys' first words; and whether some first word has no id
    // (then only may_start() tells about tokens without an id).
    std::vector<lexicon::LexId> start_ids() const;
    bool has_unlisted_starts() const { return !nodes_[0].next.empty(); }
    // The longest key that starts at token `k` (at most `max_tokens` tokens, not past
    // `end`, no token longer than 40 bytes): its token count (0 = none); sets *row.
    std::uint32_t match(const text::Document& doc, std::uint32_t k, std::uint32_t end,
                        const lexicon::Row** row, std::uint32_t max_tokens) const;

private:
    struct Edge {
        std::string_view word;
        lexicon::LexId lex = 0;  // the word's lexeme id, 0 when it has none
        std::uint32_t node = 0;
    };
    struct Node {
        const lexicon::Row* row = nullptr;  // the key that ends here
        std::vector<Edge> next;             // at the root: first words without a lexeme id
    };
    static unsigned bloom_key(std::string_view w) {
        if (w.empty()) return 0;
        return (static_cast<unsigned char>(w.front()) * 31u + static_cast<unsigned char>(w.back()) * 7u +
                static_cast<unsigned>(w.size())) & 1023u;
    }
    std::uint32_t child(std::uint32_t node, std::string_view word, lexicon::LexId lex) const;
    std::vector<Node> nodes_;           // 0 = the root
    std::vector<std::uint32_t> first_;  // lexeme id -> node of a key's first word (0 = none)
    LexSet starts_;                     // the same ids as bits: the gate
    std::uint64_t unlisted_bits_[16] = {};  // bloom_key of the root's words without an id
};

// The longest key of `phrases` that starts at token `k` (at most `max_tokens` tokens, not
// past `end`); returns its token count (0 = none) and sets *row.
inline std::uint32_t match_phrase(const Page& page, const Phrases& phrases, std::uint32_t k,
                                  std::uint32_t end, const std::vector<std::string_view>** row,
                                  std::uint32_t max_tokens = 6) {
    if (k >= end || max_tokens == 0 || !phrases.may_start(page.doc, page.doc.tokens[k])) return 0;
    return phrases.match(page.doc, k, end, row, max_tokens);
}

// The phrase lists the rules read, each built once.
const Phrases& boilerplate_cues();  // layout_boilerplate
const Phrases& credit_cues();       // layout_credits
const Phrases& agency_names();      // layout_agencies

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
