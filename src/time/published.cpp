// Publication date inference: only when the text's own explicit dates pin it down.
#include <algorithm>

#include "time/timex_internal.hpp"

namespace reportage::time {

// Policy (docs/time.md): at least two explicit full dates (day, month and year written
// out), the latest of them is the estimate, and at least two of them fall within the 31
// days up to it; a news report is published on or shortly after the latest date it
// states in full. Otherwise the date stays unknown.
void infer_published(const Mentions& mentions, Published& published) {
    if (published.date || published.origin != PublishedOrigin::unknown) return;
    const std::vector<std::int32_t>& days = mentions.full_dates();
    if (days.size() < 2) return;
    const long latest = *std::max_element(days.begin(), days.end());
    std::size_t near = 0;
    for (long d : days)
        if (latest - d <= 31) ++near;
    if (near < 2) return;
    published.date = format_date(civil_from_days(latest));
    published.origin = PublishedOrigin::inferred;
}

}  // namespace reportage::time
