// The layout stage: runs the structure rules over the page's blocks in order —
// furniture and separators, date lines and bylines (as the blocks are made), captions,
// cross-references and the body region, then the head (banner, headline, standfirst,
// byline), the closing bio and the dateline; one last pass lists what the article holds in
// page order (published date, media, cross-references, paragraphs, furniture). Each pass
// over the blocks reads them in order, and there are few: on a document of many short
// paragraphs the blocks outgrow the cache, and a pass costs more per block the more
// there are.
#include "layout/layout.hpp"

#include <algorithm>

#include "layout/blocks.hpp"

namespace reportage::layout {

Layout extract_article(const text::Document& doc, Article& article, std::vector<Diagnostic>&) {
    Layout layout;
    if (doc.paragraphs.empty() || doc.tokens.empty()) return layout;
    Page page = build_page(doc);
    auto& blocks = page.blocks;

    const std::size_t limit = page.article_end;  // blocks marked by build_page
    mark_captions(page, limit);

    std::vector<std::uint32_t> body = select_body(page, limit);
    // A byline or date line right after the first one or two short body blocks: those
    // blocks are the headline and standfirst.
    if (!body.empty()) {
        std::size_t before = 0;
        for (std::size_t i = body.front(); i < limit && before <= 2; ++i) {
            const Block& b = blocks[i];
            if (b.role == Role::byline || b.role == Role::dateline_date) {
                if (before > 0) body.erase(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(before));
                break;
            }
            if (before < body.size() && body[before] == i) {
                if (b.words > 60) break;
                ++before;
            }
        }
    }
    read_header(page, body.empty() ? limit : body.front(), article);

    // A closing bio naming the author: among the last body blocks.
    for (std::size_t n = 0; n < 3 && !body.empty(); ++n) {
        std::size_t at = body.size() - 1 - n;
        if (n >= body.size() - 1) break;
        Block& b = blocks[body[at]];
        std::optional<Author> named;
        if (is_bio(page, b, article.authors, &named)) {
            b.role = Role::bio;
            article.author_bio = doc.make_text(b.span());
            if (article.authors.empty() && named) article.authors.push_back(std::move(*named));
            body.erase(body.begin() + static_cast<std::ptrdiff_t>(at));
            break;
        }
    }

    if (!body.empty()) {
        if (auto dl = find_dateline(page, blocks[body.front()], article.agencies)) article.dateline = dl;
    }
    // One pass over the blocks for what the article lists in page order: the published
    // date (the first date on a date line or byline), media and cross-references, body
    // paragraphs, and furniture up to the comments separator (at `limit` when there is
    // one; no block after it has a role).
    article.paragraphs.reserve(article.paragraphs.size() + body.size());
    layout.body.reserve(body.size());
    bool dated = false;
    std::size_t next_body = 0;  // index into body
    const std::size_t last_body = body.empty() ? 0 : body.back();
    const std::size_t end = std::min(limit + 1, blocks.size());
    for (std::size_t i = 0; i < end; ++i) {
        prefetch(blocks, i + blocks_ahead, end);
        const Block& b = blocks[i];
        prefetch(doc.bytes.data(), b.end + 2048, doc.bytes.size());  // the text of blocks ahead
        if (i < limit) {
            if (!dated && (b.role == Role::dateline_date || b.role == Role::byline)) {
                if (auto date = find_full_date(page, b.content_token, b.end_token)) {
                    article.published.date = std::move(date->iso);
                    article.published.origin = PublishedOrigin::text;
                    dated = true;
                }
            }
            if (b.role == Role::caption) {
                // (a caption block has its caption facts: set_caption made them)
                const CaptionFacts& facts = page.captions[b.caption];
                if (facts.caption_span.begin <= facts.caption_span.end) {  // never emit a reversed span
                    Media m;
                    m.caption = doc.make_text(facts.caption_span.empty() ? b.span() : facts.caption_span);
                    m.credit = facts.credit;
                    article.media.push_back(std::move(m));
                }
            } else if (b.role == Role::see_also) {
                article.see_also.push_back(doc.make_text(b.span()));
            }
            if (next_body < body.size() && body[next_body] == i) {
                ++next_body;
                Span span = b.span();
                std::uint32_t see = see_also_start(page, b);
                if (see < b.end_token && see > b.first_token) {
                    Span ref{doc.tokens[see].begin, b.end};
                    span.end = doc.tokens[see - 1].end;
                    article.see_also.push_back(doc.make_text(ref));
                }
                article.paragraphs.push_back(doc.make_text(span));
                layout.body.push_back({span, b.para});
            }
        }
        const bool furniture = b.role == Role::boilerplate || b.role == Role::separator;
        const bool more_link = b.role == Role::none && !body.empty() && i > last_body && i < limit &&
                               is_more_link_line(page, b);
        if (furniture || more_link) article.boilerplate.push_back(doc.make_text(b.span()));
        if (b.role == Role::separator) break;  // what follows is comments
    }
    std::sort(article.see_also.begin(), article.see_also.end(),
              [](const Text& a, const Text& b) { return a.span < b.span; });
    return layout;
}

}  // namespace reportage::layout
