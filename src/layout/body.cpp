// The article body of a page, in the manner of a boilerplate remover on plain text:
// each block is classed by length and stop-word density (jusText's idea), the densest
// contiguous region of prose is taken (a maximum-sum run over block weights), the body
// ends at a comments or related-stories header that follows enough prose, and short
// blocks are kept only between kept prose (subheads, one-line paragraphs).
#include <algorithm>

#include "layout/blocks.hpp"

namespace reportage::layout {

namespace {

constexpr std::uint32_t length_low = 70;    // code points: shorter blocks are "short"
constexpr std::uint32_t length_high = 200;  // longer prose blocks are "good"
constexpr double stopwords_high = 0.30;
constexpr double stopwords_low = 0.20;

bool is_structure(Role r) {
    return r == Role::caption || r == Role::caption_copy || r == Role::credit || r == Role::byline ||
           r == Role::dateline_date;
}

long weight(const Block& b, Kind kind) {
    if (is_structure(b.role)) return 0;
    if (b.role != Role::none) return -static_cast<long>(b.words) - 10;
    switch (kind) {
        case Kind::good: return static_cast<long>(b.words);
        case Kind::near_good: return static_cast<long>(b.words) / 2 + 1;
        case Kind::short_: return b.bullet ? -3 : -1;
        case Kind::bad: return -static_cast<long>(b.words) - 2;
    }
    return 0;
}

bool kept_kind(Kind k) { return k == Kind::good || k == Kind::near_good; }

// What the rules after the first pass read of a block, in two bytes, so that they need not
// read the blocks again: its class, whether it is plain (no role), whether it reads as a
// sentence of its own, whether it is a comments header, and its words (at most 255: they
// are only summed up to 100).
class Brief {
public:
    Brief(const Block& b, Kind kind)
        : bits_(static_cast<std::uint16_t>(
              static_cast<unsigned>(kind) | (b.role == Role::none ? 4u : 0u) |
              (b.ends_sentence && b.words >= 3 && !b.bullet ? 8u : 0u) |
              (b.role == Role::boilerplate && b.comments_cue ? 16u : 0u) |
              std::min<std::uint32_t>(b.words, 255) << 8)) {}
    Kind kind() const { return static_cast<Kind>(bits_ & 3u); }
    bool plain() const { return (bits_ & 4u) != 0; }
    bool sentence() const { return (bits_ & 8u) != 0; }  // ends a sentence, 3 words or more, no bullet
    bool comments() const { return (bits_ & 16u) != 0; }
    std::uint32_t words() const { return bits_ >> 8; }
    // Prose words it adds before a comments header.
    std::uint32_t prose() const { return plain() && kept_kind(kind()) ? words() : 0; }
    // A short sentence at the edge of the region belongs to the article.
    bool edge_sentence() const { return plain() && kind() == Kind::short_ && sentence(); }

private:
    std::uint16_t bits_;
};

}  // namespace

Kind classify_text(bool bullet, bool ends_sentence, std::uint32_t words, std::uint32_t stopwords,
                   std::uint32_t capitalized, std::uint32_t chars) {
    // List items without a sentence: menus and link lists.
    if (bullet && words < 16 && !ends_sentence) return Kind::bad;
    if (chars < length_low) return Kind::short_;
    // A title: capitalised words and no sentence end.
    if (!ends_sentence && words <= 30 && capitalized * 10 >= words * 6) return Kind::short_;
    double density = words ? static_cast<double>(stopwords) / words : 0.0;
    if (density >= stopwords_high) return chars > length_high ? Kind::good : Kind::near_good;
    if (density >= stopwords_low && ends_sentence) return Kind::near_good;
    return Kind::bad;
}

std::uint32_t see_also_start(const Page& page, const Block& b) {
    // The last "(" followed by "see": found when the block was made.
    if (b.see_open == no_token || b.see_open < b.content_token || b.see_open + 1 >= b.end_token) return b.end_token;
    const std::uint32_t found = b.see_open;
    // Only a trailing cross-reference: nothing but punctuation after its bracket closes.
    for (std::uint32_t k = found + 2; k < b.end_token; ++k) {
        if (page.is(k, ')')) {
            for (std::uint32_t j = k + 1; j < b.end_token; ++j)
                if (page.tok(j).kind == text::TokenKind::word || page.tok(j).kind == text::TokenKind::number)
                    return b.end_token;
            break;
        }
    }
    return found;
}

std::vector<std::uint32_t> select_body(Page& page, std::size_t limit) {
    auto& blocks = page.blocks;
    limit = std::min(limit, blocks.size());

    // One pass over the blocks: cross-references ("(See ...)" lines, up to `limit`); the
    // class of each block; a comments header, once enough prose came before it, ends the
    // article; the densest region is the run of blocks with the largest total weight
    // (found as the blocks go by, so it ends where the comments begin). What the rules
    // below read of each block is kept in `brief`.
    std::vector<Brief> brief;
    brief.reserve(limit);
    std::uint32_t prose = 0;
    long best = 0, run = 0;
    std::size_t best_begin = 0, best_end = 0, run_begin = 0;
    std::size_t body_limit = limit;
    for (std::size_t i = 0; i < limit; ++i) {
        prefetch(blocks, i + blocks_ahead, limit);
        Block& b = blocks[i];
        if (b.role == Role::none && see_also_start(page, b) == b.content_token) b.role = Role::see_also;
        if (i >= body_limit) continue;  // past the comments: cross-references only
        const Kind kind = b.hard_bad ? Kind::bad : b.text_kind;
        if (b.role == Role::boilerplate && b.comments_cue && prose >= 150) {
            body_limit = i;
            continue;
        }
        brief.emplace_back(b, kind);
        if (b.role == Role::none && kept_kind(kind)) prose += b.words;
        if (run <= 0) {
            run = 0;
            run_begin = i;
        }
        run += weight(b, kind);
        if (run > best) {
            best = run;
            best_begin = run_begin;
            best_end = i + 1;
        }
    }
    limit = body_limit;  // == brief.size()
    std::vector<std::uint32_t> body;
    if (best_end == 0) {
        // No prose region at all: a very short text. Its sentences are the body.
        body.reserve(limit);
        for (std::size_t i = 0; i < limit; ++i)
            if (brief[i].plain() && brief[i].kind() != Kind::bad && brief[i].sentence())
                body.push_back(static_cast<std::uint32_t>(i));
        return body;
    }
    // Short sentences at the edges of the region are the article's own (a one-line first
    // or last paragraph).
    std::size_t begin = best_begin;
    while (begin > 0 && brief[begin - 1].edge_sentence()) --begin;

    // The candidates: the region's plain blocks, each with its class (bits 0-1) and
    // whether it would stand at the region's edge as a sentence (bit 2). A comments
    // header inside the region ends it.
    std::vector<std::uint32_t> cand;
    std::vector<std::uint8_t> info;
    cand.reserve(best_end - begin);  // (a few more when the region grows at its end)
    info.reserve(best_end - begin);
    auto add = [&](std::size_t i) {
        if (!brief[i].plain()) return;
        cand.push_back(static_cast<std::uint32_t>(i));
        info.push_back(static_cast<std::uint8_t>(static_cast<unsigned>(brief[i].kind()) |
                                                 (brief[i].sentence() ? 4u : 0u)));
    };
    for (std::size_t i = begin; i < best_begin; ++i) add(i);
    prose = 0;
    std::size_t end = best_end;
    for (std::size_t i = best_begin; i < best_end; ++i) {
        if (brief[i].comments() && prose >= 100) {
            end = i;
            break;
        }
        prose += brief[i].prose();  // (words past 255 change no comparison with 100)
        add(i);
    }
    while (end < limit && brief[end].edge_sentence()) add(end++);

    // Context rules inside the region (after jusText): prose is kept; near-good prose
    // needs prose beside it; a short block is kept between prose (a subhead, a one-line
    // paragraph), or at the region's edge when it is a sentence. "Beside" is the nearest
    // candidate that is not short, on each side (the region's edge counts as bad): found
    // in one pass each way. Bit 3: the nearest on the right is good or near-good.
    const std::size_t n = cand.size();
    auto kind_of = [&](std::size_t c) { return static_cast<Kind>(info[c] & 3u); };
    bool region_has_good = false;
    bool kept_after = false;
    for (std::size_t c = n; c-- > 0;) {
        if (kept_after) info[c] |= 8u;
        const Kind k = kind_of(c);
        region_has_good = region_has_good || k == Kind::good;
        if (k != Kind::short_) kept_after = kept_kind(k);
    }
    // (a short text may have no long block at all: then its near-good prose stands alone)
    bool kept_before = false;
    std::size_t out = 0;  // the body is written over the candidates
    for (std::size_t c = 0; c < n; ++c) {
        const Kind k = kind_of(c);
        const bool right = (info[c] & 8u) != 0;
        bool keep = false;
        if (k == Kind::good) {
            keep = true;
        } else if (k == Kind::near_good) {
            keep = !region_has_good || kept_before || right;
        } else if (k == Kind::short_) {
            const bool sentence = (info[c] & 4u) != 0;
            keep = ((c == 0 && sentence) || kept_before) && ((c + 1 == n && sentence) || right);
        }
        if (k != Kind::short_) kept_before = kept_kind(k);
        if (keep) cand[out++] = cand[c];
    }
    cand.resize(out);
    return cand;
}

}  // namespace reportage::layout
