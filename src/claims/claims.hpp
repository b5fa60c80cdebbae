// Claims and sources: quote marks, reporting cues, speakers, and who they are.
#ifndef REPORTAGE_CLAIMS_CLAIMS_HPP
#define REPORTAGE_CLAIMS_CLAIMS_HPP

#include <vector>

#include "layout/layout.hpp"
#include "reportage/model.hpp"
#include "text/document.hpp"

namespace reportage::claims {

// Finds the attributed statements of the article body and the sources that make them.
// Writes `sources` and `claims` (ids s1…, c1…); problems (an unclosed quote) go to
// `diagnostics`. Claim::paragraph indexes layout.body / article.paragraphs.
void extract(const text::Document& doc, const layout::Layout& layout, const Article& article,
             std::vector<Source>& sources, std::vector<Claim>& claims,
             std::vector<Diagnostic>& diagnostics);

}  // namespace reportage::claims

#endif  // REPORTAGE_CLAIMS_CLAIMS_HPP
