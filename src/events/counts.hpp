// Counts of people (and things): "14", "fourteen", "1,500", "2.5 million", "some 70",
// "at least 14", "1,000 to 1,500", "between 16 and 25", "dozens", "several hundred",
// "a man", "one protester", "another man". Word lists: src/lexicon/count_*.tsv.
#ifndef REPORTAGE_EVENTS_COUNTS_HPP
#define REPORTAGE_EVENTS_COUNTS_HPP

#include <cstdint>
#include <vector>

#include "reportage/model.hpp"
#include "text/document.hpp"

namespace reportage::events {

struct CountMention {
    Count count;                   // text and span from the qualifier to the noun
    std::uint32_t first = 0;       // first token of the mention
    std::uint32_t end = 0;         // one past its last token
    std::uint32_t number_end = 0;  // one past the last token of the number itself
    int noun = -1;                 // the person noun it counts ("people"), -1 when bare
    bool singular = false;         // "a man", "another man", "one protester"
};

// Every count in tokens [first, end) of `doc`, left to right, not overlapping. Numbers
// inside `skip` spans (time expressions: "2011", "4:30") and numbers that measure
// something other than people or things ("3 times", "$500", "20 percent", "7th") are
// not counts. `skip` is sorted by position, its spans do not overlap. Linear in the
// number of tokens (the skip spans are found by binary search, not copied).
std::vector<CountMention> find_counts(const text::Document& doc, std::uint32_t first,
                                      std::uint32_t end, const std::vector<Span>& skip = {});

}  // namespace reportage::events

#endif  // REPORTAGE_EVENTS_COUNTS_HPP
