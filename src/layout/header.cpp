// The head of the article: the outlet banner ("Outlet | tagline" on the first line), the
// headline, the standfirst between headline and byline, and the byline itself.
#include "layout/blocks.hpp"

namespace reportage::layout {

namespace {

// "Institute for War and Peace Reporting | Giving Voice, Driving Change"
bool read_banner(Page& page, Article& article) {
    if (page.blocks.empty()) return false;
    Block& b = page.blocks.front();
    if (b.role != Role::none || b.words < 2 || b.words > 16 || b.ends_sentence || b.bullet) return false;
    std::uint32_t bar = b.end_token;
    for (std::uint32_t k = b.content_token; k < b.end_token; ++k) {
        if (page.norm(k) == "|") {
            if (bar != b.end_token) return false;  // a menu of several items
            bar = k;
        }
    }
    if (bar == b.end_token || bar == b.content_token || bar + 1 >= b.end_token) return false;
    if (find_full_date(page, bar + 1, b.end_token)) return false;  // "Blog name | 20 July 2012"
    if (!page.tok(b.content_token).has(text::tf_capitalized)) return false;
    article.outlet.name = page.raw(page.token_span(b.content_token, bar));
    article.outlet.tagline = page.raw(page.token_span(bar + 1, b.end_token));
    b.role = Role::banner;
    return true;
}

// A headline has a few words and at most one sentence; the first line of a page may
// be a very short one ("Mutu sacked").
bool title_like(const Block& b, bool first) {
    return b.role == Role::none && b.words >= (first ? 1u : 3u) && b.words <= 30 && !b.bullet &&
           b.sentence_marks <= 1 && !b.ends_colon;
}

bool dek_like(const Block& b) {
    return b.role == Role::none && b.words >= 4 && b.words <= 70 && !b.bullet;
}

}  // namespace

void read_header(Page& page, std::size_t body_first, Article& article) {
    auto& blocks = page.blocks;
    if (body_first > blocks.size()) body_first = blocks.size();
    read_banner(page, article);

    // The byline nearest the body; a place byline ("X in Kabul") right before it.
    std::size_t by = body_first;
    for (std::size_t i = body_first; i-- > 0;) {
        if (blocks[i].role == Role::byline) {
            by = i;
            break;
        }
        if (blocks[i].role == Role::none && is_place_byline(page, blocks[i]) && i + 4 >= body_first) {
            blocks[i].role = Role::byline;
            by = i;
            break;
        }
    }
    if (by < body_first) read_byline(page, blocks[by], article);
    // Without a byline, a date line near the body marks the end of the head.
    std::size_t dated = body_first;
    if (by == body_first)
        for (std::size_t i = body_first; i-- > 0 && i + 6 >= body_first;)
            if (blocks[i].role == Role::dateline_date) dated = i;

    // Headline and standfirst: the last one or two plain blocks before the byline (or the
    // body), past dates, captions and furniture.
    std::size_t anchor = by < body_first ? by : dated;
    std::size_t near = anchor, far = anchor;
    std::size_t skipped = 0;
    for (std::size_t i = anchor; i-- > 0 && skipped < 40;) {
        const Block& b = blocks[i];
        if (b.role == Role::banner) break;
        if (b.role != Role::none) {
            ++skipped;
            if (near != anchor && b.role == Role::boilerplate) break;
            continue;
        }
        if (near == anchor) {
            if (!dek_like(b) && !title_like(b, i == 0)) break;
            near = i;
        } else {
            if (title_like(b, i == 0)) far = i;
            break;
        }
    }
    if (near == anchor) return;
    const Block& n = blocks[near];
    if (far != anchor && !blocks[far].ends_sentence && (n.ends_sentence || n.words > blocks[far].words)) {
        blocks[far].role = Role::headline;
        blocks[near].role = Role::standfirst;
        article.headline = page.doc.make_text(blocks[far].span());
        article.standfirst = page.doc.make_text(blocks[near].span());
    } else if (title_like(n, near == 0) && !(n.ends_sentence && n.words > 20)) {
        blocks[near].role = Role::headline;
        article.headline = page.doc.make_text(n.span());
    }
}

}  // namespace reportage::layout
