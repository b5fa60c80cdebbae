// The pipeline: validates options, builds the document once, runs the stages in order.
#include "reportage/parse.hpp"

#include <cctype>
#include <string>

#include "checks/checks.hpp"
#include "claims/claims.hpp"
#include "events/events.hpp"
#include "layout/layout.hpp"
#include "text/document.hpp"
#include "time/timexes.hpp"

namespace reportage {

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool valid_iso_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return false;
    int max = days[m - 1] + (m == 2 && is_leap(y) ? 1 : 0);
    return d <= max;
}

}  // namespace

void validate(const ParseOptions& options) {
    if (options.published && !valid_iso_date(*options.published))
        throw Error("reportage: options.published must be a calendar date YYYY-MM-DD, got \"" +
                    *options.published + "\"");
}

Report parse(std::string_view input, const ParseOptions& options) {
    validate(options);

    Report report;
    report.input.name = options.name;
    report.input.bytes = input.size();

    text::Document doc = text::build_document(input, options.max_bytes);
    report.diagnostics = doc.diagnostics;

    layout::Layout layout = layout::extract_article(doc, report.article, report.diagnostics);
    if (options.published) {
        report.article.published.date = options.published;
        report.article.published.origin = PublishedOrigin::given;
    }
    time::extract(doc, report.article.published, report.timexes, report.diagnostics);
    claims::extract(doc, layout, report.article, report.sources, report.claims, report.diagnostics);
    events::extract(doc, layout, report.article, report.sources, report.claims, report.timexes,
                    report.events);
    checks::run(doc, report, report.diagnostics);
    // Later stages: time expressions, then claims and sources, then events.
    (void)layout;
    return report;
}

}  // namespace reportage
