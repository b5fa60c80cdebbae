// Time expressions: detection anywhere in the input, TimeML type and value, resolution
// against the publication date, and the publication date itself when the caller gave
// none and no date line states it.
#ifndef REPORTAGE_TIME_TIMEXES_HPP
#define REPORTAGE_TIME_TIMEXES_HPP

#include <vector>

#include "reportage/model.hpp"
#include "text/document.hpp"

namespace reportage::time {

// Finds every time expression (ids t1…) and resolves it. `published` comes in as the
// caller or the layout stage set it (origin given / text / unknown); when it is unknown
// and the text's own dates pin it down, the stage sets it with origin "inferred".
void extract(const text::Document& doc, Published& published, std::vector<Timex>& timexes,
             std::vector<Diagnostic>& diagnostics);

}  // namespace reportage::time

#endif  // REPORTAGE_TIME_TIMEXES_HPP
