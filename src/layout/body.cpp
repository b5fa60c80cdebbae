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

Kind classify(const Block& b) {
    if (b.hard_bad) return Kind::bad;
    // List items without a sentence: menus and link lists.
    if (b.bullet && b.words < 16 && !b.ends_sentence) return Kind::bad;
    if (b.chars < length_low) return Kind::short_;
    // A title: capitalised words and no sentence end.
    if (!b.ends_sentence && b.words <= 30 && b.capitalized * 10 >= b.words * 6) return Kind::short_;
    double density = b.words ? static_cast<double>(b.stopwords) / b.words : 0.0;
    if (density >= stopwords_high) return b.chars > length_high ? Kind::good : Kind::near_good;
    if (density >= stopwords_low && b.ends_sentence) return Kind::near_good;
    return Kind::bad;
}

bool is_structure(Role r) {
    return r == Role::caption || r == Role::caption_copy || r == Role::credit || r == Role::byline ||
           r == Role::dateline_date;
}

long weight(const Block& b) {
    if (is_structure(b.role)) return 0;
    if (b.role != Role::none) return -static_cast<long>(b.words) - 10;
    switch (b.kind) {
        case Kind::good: return static_cast<long>(b.words);
        case Kind::near_good: return static_cast<long>(b.words) / 2 + 1;
        case Kind::short_: return b.bullet ? -3 : -1;
        case Kind::bad: return -static_cast<long>(b.words) - 2;
    }
    return 0;
}

bool kept_kind(Kind k) { return k == Kind::good || k == Kind::near_good; }

}  // namespace

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

std::vector<std::size_t> select_body(Page& page, std::size_t limit) {
    auto& blocks = page.blocks;
    limit = std::min(limit, blocks.size());
    for (std::size_t i = 0; i < limit; ++i) blocks[i].kind = classify(blocks[i]);

    // A comments header ends the article once enough prose came before it.
    std::uint32_t prose = 0;
    for (std::size_t i = 0; i < limit; ++i) {
        const Block& b = blocks[i];
        if (b.role == Role::boilerplate && b.cue_kind == "comments" && prose >= 150) {
            limit = i;
            break;
        }
        if (b.role == Role::none && kept_kind(b.kind)) prose += b.words;
    }

    // The densest region: the run of blocks with the largest total weight.
    long best = 0, run = 0;
    std::size_t best_begin = 0, best_end = 0, run_begin = 0;
    for (std::size_t i = 0; i < limit; ++i) {
        if (run <= 0) {
            run = 0;
            run_begin = i;
        }
        run += weight(blocks[i]);
        if (run > best) {
            best = run;
            best_begin = run_begin;
            best_end = i + 1;
        }
    }
    if (best_end == 0) {
        // No prose region at all: a very short text. Its sentences are the body.
        std::vector<std::size_t> body;
        for (std::size_t i = 0; i < limit; ++i) {
            const Block& b = blocks[i];
            if (b.role == Role::none && b.kind != Kind::bad && b.ends_sentence && b.words >= 3 && !b.bullet)
                body.push_back(i);
        }
        return body;
    }
    // A comments header inside the region ends it.
    prose = 0;
    for (std::size_t i = best_begin; i < best_end; ++i) {
        const Block& b = blocks[i];
        if (b.role == Role::boilerplate && b.cue_kind == "comments" && prose >= 100) {
            best_end = i;
            break;
        }
        if (b.role == Role::none && kept_kind(b.kind)) prose += b.words;
    }
    // Short sentences at the edges of the region are the article's own (a one-line
    // first or last paragraph).
    while (best_end < limit && blocks[best_end].role == Role::none && blocks[best_end].kind == Kind::short_ &&
           blocks[best_end].ends_sentence && blocks[best_end].words >= 3 && !blocks[best_end].bullet)
        ++best_end;
    while (best_begin > 0 && blocks[best_begin - 1].role == Role::none &&
           blocks[best_begin - 1].kind == Kind::short_ && blocks[best_begin - 1].ends_sentence &&
           blocks[best_begin - 1].words >= 3 && !blocks[best_begin - 1].bullet)
        --best_begin;

    // Context rules inside the region (after jusText): prose is kept; near-good prose
    // needs prose beside it; a short block is kept between prose (a subhead, a one-line
    // paragraph), or at the region's edge when it is a sentence.
    std::vector<std::size_t> cand;
    for (std::size_t i = best_begin; i < best_end; ++i)
        if (blocks[i].role == Role::none) cand.push_back(i);
    const std::size_t n = cand.size();
    auto kind_at = [&](std::size_t c) { return blocks[cand[c]].kind; };
    // nearest candidate class on each side, skipping shorts (and near-good when asked);
    // Kind::bad stands for the region's edge.
    auto neighbour = [&](std::size_t c, bool left, bool skip_near) {
        std::size_t j = c;
        while (true) {
            if (left) {
                if (j == 0) return Kind::bad;
                --j;
            } else {
                if (j + 1 >= n) return Kind::bad;
                ++j;
            }
            Kind k = kind_at(j);
            if (k == Kind::short_ || (skip_near && k == Kind::near_good)) continue;
            return k;
        }
    };
    // A short text may have no long block at all: then its near-good prose stands alone.
    bool region_has_good = false;
    for (std::size_t c = 0; c < n; ++c) region_has_good = region_has_good || kind_at(c) == Kind::good;
    std::vector<std::size_t> body;
    for (std::size_t c = 0; c < n; ++c) {
        const Block& b = blocks[cand[c]];
        bool keep = false;
        if (b.kind == Kind::good) {
            keep = true;
        } else if (b.kind == Kind::near_good) {
            keep = !region_has_good || kept_kind(neighbour(c, true, false)) ||
                   kept_kind(neighbour(c, false, false));
        } else if (b.kind == Kind::short_) {
            bool edge_sentence = b.ends_sentence && b.words >= 3 && !b.bullet;
            Kind l = c == 0 && edge_sentence ? Kind::good : neighbour(c, true, false);
            Kind r = c + 1 == n && edge_sentence ? Kind::good : neighbour(c, false, false);
            keep = kept_kind(l) && kept_kind(r);
        }
        if (keep) body.push_back(cand[c]);
    }
    return body;
}

}  // namespace reportage::layout
