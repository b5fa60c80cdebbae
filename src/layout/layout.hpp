// Article structure from plain text: outlet, headline, standfirst, byline, dateline,
// published date line, captions and credits, body paragraphs, cross-references, author
// bio and boilerplate. No outlet-specific rules: only what news pages have in general.
#ifndef REPORTAGE_LAYOUT_LAYOUT_HPP
#define REPORTAGE_LAYOUT_LAYOUT_HPP

#include <cstdint>
#include <vector>

#include "reportage/model.hpp"
#include "text/document.hpp"

namespace reportage::layout {

// One body paragraph of the article, as later stages need it.
struct BodyParagraph {
    Span span;                   // == article.paragraphs[i].span
    std::uint32_t paragraph = 0; // index into Document::paragraphs it comes from
};

struct Layout {
    std::vector<BodyParagraph> body;  // parallel to article.paragraphs
};

// Fills `article` (every field except `published` when the caller gave a date: the
// stage sets published only from a date line, origin "text") and returns the body map.
// Diagnostics about the structure go to `diagnostics`.
Layout extract_article(const text::Document& doc, Article& article,
                       std::vector<Diagnostic>& diagnostics);

}  // namespace reportage::layout

#endif  // REPORTAGE_LAYOUT_LAYOUT_HPP
