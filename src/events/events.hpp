// Events: triggers from a word list (src/lexicon/event_triggers.tsv), typed by the
// taxonomy of docs/events.md, with their arguments — date, end date, place, actors,
// counts — and the claims and sources that assert them. Mentions of one event in several
// sentences are merged.
#ifndef REPORTAGE_EVENTS_EVENTS_HPP
#define REPORTAGE_EVENTS_EVENTS_HPP

#include <vector>

#include "layout/layout.hpp"
#include "reportage/model.hpp"
#include "text/document.hpp"

namespace reportage::events {

// Reads the body (and headline, standfirst) through `layout` and `article`, and the
// earlier stages' `sources`, `claims` and `timexes`; writes `events` (ids e1…), whose
// references all resolve to those lists. Linear in the number of tokens (times the
// small number of event mentions a sentence has).
void extract(const text::Document& doc, const layout::Layout& layout, const Article& article,
             const std::vector<Source>& sources, const std::vector<Claim>& claims,
             const std::vector<Timex>& timexes, std::vector<Event>& events);

}  // namespace reportage::events

#endif  // REPORTAGE_EVENTS_EVENTS_HPP
