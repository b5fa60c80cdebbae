// The layout stage: runs the structure rules over the page's blocks in order —
// furniture and separators, captions, date lines, bylines, cross-references, then the
// body region, then the head (banner, headline, standfirst, byline), the closing bio,
// the dateline and the published date.
#include "layout/layout.hpp"

#include <algorithm>

#include "layout/blocks.hpp"

namespace reportage::layout {

namespace {

void add_boilerplate(const Page& page, const std::vector<std::size_t>& body, std::size_t limit,
                     Article& article) {
    std::size_t last_body = body.empty() ? 0 : body.back();
    for (std::size_t i = 0; i < page.blocks.size(); ++i) {
        const Block& b = page.blocks[i];
        bool furniture = b.role == Role::boilerplate || b.role == Role::separator;
        bool more_link = b.role == Role::none && !body.empty() && i > last_body && i < limit &&
                         is_more_link_line(page, b);
        if (furniture || more_link) article.boilerplate.push_back(page.doc.make_text(b.span));
        if (b.role == Role::separator) break;  // what follows is comments
    }
}

}  // namespace

Layout extract_article(const text::Document& doc, Article& article, std::vector<Diagnostic>&) {
    Layout layout;
    if (doc.paragraphs.empty() || doc.tokens.empty()) return layout;
    Page page = build_page(doc);
    split_head_lines(page);
    auto& blocks = page.blocks;

    const std::size_t limit = mark_boilerplate(page);
    mark_date_lines(page, limit);
    mark_bylines(page, limit);
    mark_captions(page, limit);
    for (std::size_t i = 0; i < limit; ++i) {
        Block& b = blocks[i];
        if (b.role == Role::none && see_also_start(page, b) == b.content_token) b.role = Role::see_also;
    }

    std::vector<std::size_t> body = select_body(page, limit);
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
            article.author_bio = doc.make_text(b.span);
            if (article.authors.empty() && named) article.authors.push_back(std::move(*named));
            body.erase(body.begin() + static_cast<std::ptrdiff_t>(at));
            break;
        }
    }

    if (!body.empty()) {
        if (auto dl = find_dateline(page, blocks[body.front()], article.agencies)) article.dateline = dl;
    }
    if (auto date = published_from_blocks(page, limit)) {
        article.published.date = *date;
        article.published.origin = PublishedOrigin::text;
    }

    for (std::size_t i = 0; i < limit; ++i) {
        const Block& b = blocks[i];
        if (b.role == Role::caption) {
            if (b.caption_span.begin > b.caption_span.end) continue;  // never emit a reversed span
            Media m;
            m.caption = doc.make_text(b.caption_span.empty() ? b.span : b.caption_span);
            m.credit = b.credit;
            article.media.push_back(std::move(m));
        } else if (b.role == Role::see_also) {
            article.see_also.push_back(doc.make_text(b.span));
        }
    }

    for (std::size_t idx : body) {
        const Block& b = blocks[idx];
        Span span = b.span;
        std::uint32_t see = see_also_start(page, b);
        if (see < b.end_token && see > b.first_token) {
            Span ref{doc.tokens[see].begin, b.span.end};
            span.end = doc.tokens[see - 1].end;
            article.see_also.push_back(doc.make_text(ref));
        }
        article.paragraphs.push_back(doc.make_text(span));
        layout.body.push_back({span, b.para});
    }
    std::sort(article.see_also.begin(), article.see_also.end(),
              [](const Text& a, const Text& b) { return a.span < b.span; });

    add_boilerplate(page, body, limit, article);
    return layout;
}

}  // namespace reportage::layout
