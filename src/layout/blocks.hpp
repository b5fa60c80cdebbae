// Internal to the layout stage: the page as a sequence of blocks (one per text-layer
// paragraph) with the features the structure rules read, and the rules' entry points.
#ifndef REPORTAGE_LAYOUT_BLOCKS_HPP
#define REPORTAGE_LAYOUT_BLOCKS_HPP

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.hpp"
#include "reportage/model.hpp"
#include "text/document.hpp"
#include "util/prefetch.hpp"

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

// A block is read by every rule, so it is kept small (44 bytes): a pass over the blocks
// of a large document reads little memory, and the rules' gates (token_bits, opens_*)
// spare most blocks a look at their tokens. What few blocks have (a caption's credit) is
// in Page::captions.
struct Block {
    std::uint32_t para = 0;  // index into Document::paragraphs
    std::uint32_t begin = 0, end = 0;  // the span's bytes (input offsets fit 32 bits)
    std::uint32_t first_token = 0, end_token = 0;
    std::uint32_t content_token = 0;  // first token after a bullet mark
    std::uint32_t words = 0;          // word and number tokens
    std::uint32_t see_open = no_token; // the last "(" followed by "see" (a cross-reference)
    std::uint32_t caption = no_token;  // index into Page::captions (a caption or credit)
    std::uint8_t token_bits = 0;       // Page::tb_* of any of its tokens
    std::uint8_t sentence_marks = 0;   // . ! ? tokens (at most 255: only "one or less" is asked)
    Role role = Role::none;
    Kind text_kind = Kind::short_;  // the class from length and stop words (classify_text);
                                    // a boilerplate cue makes it bad (select_body)
    bool bullet : 1;          // starts with a list mark (* + • ...)
    bool ends_sentence : 1;
    bool ends_colon : 1;      // a lead-in ("It's time:")
    bool hard_bad : 1;        // boilerplate cue: a strong negative for the body region
    bool comments_cue : 1;    // the cue is a comments header or a comment's author line
    bool opens_credit : 1;    // a credit phrase may start at the content token
    bool opens_separator : 1; // the text starts with '!' or '@' (is_separator_line)

    Block()
        : bullet(false), ends_sentence(false), ends_colon(false), hard_bad(false), comments_cue(false),
          opens_credit(false), opens_separator(false) {}
    Span span() const { return {begin, end}; }
};

// The caption text and credit of a block whose role is caption or credit.
struct CaptionFacts {
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
        char mark;           // the normal form when it is one byte (". ( | -"), else 0
        std::uint8_t bits;   // tb_* below
    };
    enum : std::uint8_t {
        tb_word = 1,          // a word or number token
        tb_stopword = 2,      // a word of layout_stopwords
        tb_capitalized = 4,   // a capitalised word or a number
        tb_sentence_end = 8,  // . ! ? ...
        tb_see = 16,          // "(" right before "see"
        tb_boilerplate = 32,  // a key of boilerplate_cues() may start here
        tb_credit = 64,       // a key of credit_cues() may start here
        tb_copyright = 128,   // "©"
    };
    // One per token (written by build_page before any is read; not zeroed first).
    std::unique_ptr<TokenFacts[]> facts;
    std::vector<CaptionFacts> captions;  // Block::caption indexes these
    // The comments separator's block, or blocks.size(): nothing from it on is article.
    std::size_t article_end = 0;

    // The caption facts of block b, made on first use.
    CaptionFacts& caption_facts(Block& b) {
        if (b.caption == no_token) {
            b.caption = static_cast<std::uint32_t>(captions.size());
            captions.emplace_back();
        }
        return captions[b.caption];
    }
    // The credit of block b, or null when it has none.
    const std::optional<std::string>* credit(const Block& b) const {
        return b.caption == no_token ? nullptr : &captions[b.caption].credit;
    }

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

using util::prefetch;
// Blocks ahead of a loop over blocks (about 2 KB).
constexpr std::size_t blocks_ahead = 48;

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
// One block per paragraph, except that a short multi-line paragraph becomes one block per
// line when one of its lines is a byline or a date line (a headline, its date and its
// byline the text layer ran together). The rules that read a block alone (boilerplate,
// date lines, bylines) mark each block as it is made, up to the comments separator
// (article_end).
Page build_page(const text::Document& doc);
// A block over lines [first_line, end_line) of paragraph `para`.
Block make_block(const Page& page, std::uint32_t para, std::uint32_t first_line, std::uint32_t end_line);

// boilerplate.cpp: cue-based boilerplate and separators. Marks block b; returns true when
// it is the comments separator (nothing from it on is article).
bool mark_boilerplate(const Page& page, Block& b);
// "More ..." link lines and similar after the body.
bool is_more_link_line(const Page& page, const Block& b);

// captions.cpp
void mark_captions(Page& page, std::size_t limit);

// dates.cpp
bool is_date_line(const Page& page, const Block& b);
void mark_date_line(const Page& page, Block& b);
std::optional<Dateline> find_dateline(const Page& page, const Block& first_body,
                                      std::vector<std::string>& agencies);

// byline.cpp
// Marks "By ..." lines; fills authors and agencies from the first one found.
bool is_byline(const Page& page, const Block& b);
void mark_byline(const Page& page, Block& b);
void read_byline(const Page& page, const Block& b, Article& article);
bool is_place_byline(const Page& page, const Block& b);  // "X in Kabul"
bool is_bio(const Page& page, const Block& b, const std::vector<Author>& authors,
            std::optional<Author>* named);
void add_agency(std::vector<std::string>& agencies, std::string_view name);

// body.cpp
// jusText-style class of a block's text from its length in code points (`chars` need only
// be exact up to 201), its stop-word density and its form.
Kind classify_text(bool bullet, bool ends_sentence, std::uint32_t words, std::uint32_t stopwords,
                   std::uint32_t capitalized, std::uint32_t chars);
// Marks cross-reference lines (role see_also) before `limit`, classifies blocks and returns
// the body: indices of blocks, in order.
std::vector<std::uint32_t> select_body(Page& page, std::size_t limit);
// A trailing "(See ...)" cross-reference in the block: its start token, or end_token.
std::uint32_t see_also_start(const Page& page, const Block& b);

// header.cpp
void read_header(Page& page, std::size_t body_first, Article& article);

}  // namespace reportage::layout

#endif  // REPORTAGE_LAYOUT_BLOCKS_HPP
