// Photo and video captions with their credits: "(Photo: X)", "(Photo courtesy of X"
// even left open, "Photograph: X/Agency", "Image copyright X", "Getty Images" on a line of
// its own after the caption, and a caption a browser copied twice (a bullet line, then
// the same text again).
#include <string_view>

#include "layout/blocks.hpp"

namespace reportage::layout {

namespace {

struct CreditCue {
    std::uint32_t begin = 0;  // first token of the cue (or of the opening bracket)
    std::uint32_t credit_begin = 0, credit_end = 0;
};

std::string_view credit_kind(const Page& page, std::uint32_t k, std::uint32_t end, std::uint32_t* n) {
    const std::vector<std::string_view>* row = nullptr;
    // (Page::tb_credit: whether credit_cues() may start at a token, found in build_page)
    if (k >= end || !(page.facts[k].bits & Page::tb_credit)) {
        *n = 0;
        return {};
    }
    *n = match_phrase(page, credit_cues(), k, end, &row, 5);
    if (!*n || !row || row->empty()) return {};
    return (*row)[0];
}

bool is_credit_joiner(std::string_view nm) { return nm == ":" || nm == "/" || nm == "-" || nm == "by"; }

// Trims trailing punctuation (. , ; ) ) off a credit's tokens.
std::uint32_t trim_credit_end(const Page& page, std::uint32_t begin, std::uint32_t end) {
    while (end > begin) {
        std::string_view nm = page.norm(end - 1);
        if (nm == "." || nm == "," || nm == ";" || nm == ")" || nm == "]" || nm == "-") --end;
        else break;
    }
    return end;
}

// A credit cue at token k: "Photo:", "Photo courtesy of", "AP Photo/", "Image copyright".
// Sets the credit's first token.
bool credit_cue_at(const Page& page, std::uint32_t k, std::uint32_t end, std::uint32_t* credit_begin) {
    std::uint32_t n = 0;
    std::string_view kind = credit_kind(page, k, end, &n);
    if (kind != "cue") return false;
    if (!page.tok(k).has(text::tf_capitalized) && !page.tok(k).has(text::tf_all_caps)) return false;
    std::uint32_t c = k + n;
    std::string_view last = page.norm(k + n - 1);
    bool joined = last == "of" || last == "by" || last == "copyright";
    while (c < end && is_credit_joiner(page.norm(c))) {
        joined = true;
        ++c;
    }
    if (!joined || c >= end) return false;
    *credit_begin = c;
    return true;
}

// A trailing credit in block b: "(Photo: X)" / "(Photo courtesy of X" to the end, or a
// "Photograph: X/Agency" after the caption's last sentence.
std::optional<CreditCue> trailing_credit(const Page& page, const Block& b) {
    const std::uint32_t end = b.end_token;
    if (!(b.token_bits & Page::tb_credit)) return std::nullopt;  // no credit phrase in it
    for (std::uint32_t k = b.content_token; k < end; ++k) {
        const bool open = page.is(k, '(') || page.is(k, '[');
        const std::uint32_t cue = open ? k + 1 : k;
        // Nothing below finds a credit unless a credit phrase starts at the cue.
        if (cue >= end || !(page.facts[cue].bits & Page::tb_credit)) continue;
        const bool after_sentence = k == b.content_token || page.is(k - 1, '.') || page.is(k - 1, '|') ||
                                    page.tok(k - 1).kind == text::TokenKind::quote;
        if (!open && !after_sentence) continue;
        std::uint32_t cb = 0;
        bool ok = credit_cue_at(page, cue, end, &cb);
        if (!ok && open) {
            // "(Getty Images)" / "(Reuters)" closing a caption
            std::uint32_t n = 0;
            if (credit_kind(page, cue, end, &n) == "source" && cue + n + 1 >= end) {
                ok = true;
                cb = cue;
            }
        }
        if (!ok) continue;
        // The credit runs to the end of the block: a closing bracket may end it, or the
        // bracket is left open.
        std::uint32_t close = end;
        for (std::uint32_t j = cb; j < end; ++j)
            if (page.is(j, ')') || page.is(j, ']')) {
                close = j;
                break;
            }
        if (open && close < end) {
            std::uint32_t after = close + 1;
            while (after < end && (page.is(after, '.') || page.tok(after).kind == text::TokenKind::quote)) ++after;
            if (after != end) continue;
        }
        std::uint32_t ce = trim_credit_end(page, cb, close);
        if (ce <= cb) continue;
        return CreditCue{k, cb, ce};
    }
    return std::nullopt;
}

// A line that is only a credit: "Getty Images", "Sanjeev Verma/Hindustan Times/Getty
// Images", "Image copyright Reuters", "Photo: AFP".
bool is_credit_line(const Page& page, const Block& b, std::string* credit) {
    if (b.words == 0 || b.words > 10 || b.ends_sentence) return false;
    std::uint32_t cb = 0;
    if (credit_cue_at(page, b.content_token, b.end_token, &cb)) {
        *credit = page.raw(page.token_span(cb, trim_credit_end(page, cb, b.end_token) > cb
                                                   ? trim_credit_end(page, cb, b.end_token)
                                                   : b.end_token));
        return true;
    }
    bool source = false, slash = false;
    std::uint32_t lower = 0;
    for (std::uint32_t k = b.content_token; k < b.end_token; ++k) {
        std::uint32_t n = 0;
        if ((page.facts[k].bits & Page::tb_credit) && credit_kind(page, k, b.end_token, &n) == "source")
            source = true;
        if (page.norm(k) == "/") slash = true;
        const auto& t = page.tok(k);
        if (t.kind == text::TokenKind::word && !t.has(text::tf_capitalized) && page.norm(k) != "via" &&
            page.norm(k) != "for" && page.norm(k) != "of")
            ++lower;
    }
    if (lower > 0 || !(source || slash)) return false;
    *credit = page.raw(page.token_span(b.content_token, b.end_token));
    return true;
}

bool has_credit(const Page& page, const Block& b) {
    const std::optional<std::string>* credit = page.credit(b);
    return credit && credit->has_value();
}

bool same_text(const Page& page, Span a, Span b) {
    return a.size() == b.size() && page.doc.raw(a) == page.doc.raw(b);
}

void set_caption(Page& page, Block& b, std::uint32_t from, std::uint32_t to, std::optional<std::string> credit) {
    b.role = Role::caption;
    while (to > from && (page.norm(to - 1) == "|" || page.norm(to - 1) == "-" || page.norm(to - 1) == ","))
        --to;
    if (from >= b.end_token) from = b.first_token;
    if (to > b.end_token) to = b.end_token;
    CaptionFacts& facts = page.caption_facts(b);
    facts.caption_span = to > from ? page.token_span(from, to) : b.span();
    facts.credit = std::move(credit);
}

}  // namespace

void mark_captions(Page& page, std::size_t limit) {
    auto& blocks = page.blocks;
    for (std::size_t i = 0; i < limit && i < blocks.size(); ++i) {
        prefetch(blocks, i + blocks_ahead, blocks.size());
        Block& b = blocks[i];
        if (b.role != Role::none) continue;
        std::optional<std::string> credit;
        std::uint32_t caption_end = b.end_token;
        if (auto c = trailing_credit(page, b)) {
            credit = page.raw(page.token_span(c->credit_begin, c->credit_end));
            caption_end = c->begin;
        }
        // A bullet line repeated by the next line: one caption.
        if (b.bullet && i + 1 < blocks.size()) {
            Block& next = blocks[i + 1];
            if (b.words > 0 && same_text(page, page.token_span(b.content_token, b.end_token), next.span())) {
                set_caption(page, b, b.content_token, caption_end, std::move(credit));
                next.role = Role::caption_copy;
                ++i;
                continue;
            }
        }
        if (credit && b.words <= 80) {
            if (caption_end == b.content_token) {
                // Only a credit: it belongs to the caption before it.
                b.role = Role::credit;
                page.caption_facts(b).credit = credit;
                if (i > 0 && blocks[i - 1].role == Role::none && blocks[i - 1].words <= 50 &&
                    blocks[i - 1].words >= 3)
                    set_caption(page, blocks[i - 1], blocks[i - 1].content_token, blocks[i - 1].end_token, credit);
                else if (i > 0 && blocks[i - 1].role == Role::caption && !has_credit(page, blocks[i - 1]))
                    page.caption_facts(blocks[i - 1]).credit = credit;
            } else {
                set_caption(page, b, b.content_token, caption_end, std::move(credit));
            }
            continue;
        }
        // "Image caption X"
        std::uint32_t n = 0;
        if (b.opens_credit && credit_kind(page, b.content_token, b.end_token, &n) == "caption" &&
            b.content_token + n < b.end_token) {
            std::uint32_t from = b.content_token + n;
            while (from < b.end_token && page.norm(from) == ":") ++from;
            if (from < b.end_token) set_caption(page, b, from, b.end_token, std::nullopt);
            continue;
        }
        std::string line_credit;
        if (is_credit_line(page, b, &line_credit)) {
            b.role = Role::credit;
            page.caption_facts(b).credit = line_credit;
            if (i > 0 && blocks[i - 1].role == Role::none && blocks[i - 1].words <= 50 &&
                blocks[i - 1].words >= 3)
                set_caption(page, blocks[i - 1], blocks[i - 1].content_token, blocks[i - 1].end_token, line_credit);
            else if (i > 0 && blocks[i - 1].role == Role::caption && !has_credit(page, blocks[i - 1]))
                page.caption_facts(blocks[i - 1]).credit = line_credit;
            else if (i + 1 < blocks.size() && i + 1 < limit && blocks[i + 1].role == Role::none &&
                     blocks[i + 1].words <= 50 && blocks[i + 1].words >= 3 && !line_credit.empty() &&
                     credit_kind(page, b.content_token, b.end_token, &n) == "cue" &&
                     page.norm(b.content_token) == "image") {
                // "Image copyright X" comes before its caption
                set_caption(page, blocks[i + 1], blocks[i + 1].content_token, blocks[i + 1].end_token, line_credit);
                ++i;
            }
        }
    }
}

}  // namespace reportage::layout
