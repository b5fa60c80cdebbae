// Diagnostics about the content of the report (the input's own problems — invalid UTF-8,
// unclosed quotes — are found by the stages that meet them):
//   event_after_publication  a past-tense event dated after the publication date
//   spelling_variant         a name spelled two ways ("Janaozen" / "Janazoen")
//   doubled_word             the same word twice in a row ("and and")
#ifndef REPORTAGE_CHECKS_CHECKS_HPP
#define REPORTAGE_CHECKS_CHECKS_HPP

#include <vector>

#include "reportage/model.hpp"
#include "text/document.hpp"

namespace reportage::checks {

// Appends to `diagnostics`; reads the document and the finished report. Linear in the
// number of tokens, plus a comparison of pairs of distinct capitalised words of similar
// length (bounded).
void run(const text::Document& doc, const Report& report, std::vector<Diagnostic>& diagnostics);

// Damerau-Levenshtein distance (optimal string alignment: a transposition of adjacent
// letters costs 1), or limit + 1 when it exceeds `limit`.
int edit_distance(std::string_view a, std::string_view b, int limit);

}  // namespace reportage::checks

#endif  // REPORTAGE_CHECKS_CHECKS_HPP
