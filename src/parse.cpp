// The pipeline: validates options, builds the document once, runs the stages in order.
#include "reportage/parse.hpp"

#include <cctype>
#include <chrono>
#include <cstdint>
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

// Stage timing for ParseOptions::stage_times: lap(&StageTimes::x) adds the time since the
// previous lap to x. Does nothing (not even read the clock) when `times` is null.
class Laps {
public:
    explicit Laps(StageTimes* times) : times_(times) {
        if (times_) last_ = std::chrono::steady_clock::now();
    }
    void operator()(std::uint64_t StageTimes::*stage) {
        if (!times_) return;
        const auto now = std::chrono::steady_clock::now();
        times_->*stage += static_cast<std::uint64_t>(
            std::chrono::duration_cast<std::chrono::nanoseconds>(now - last_).count());
        last_ = now;
    }

private:
    StageTimes* times_;
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace

void validate(const ParseOptions& options) {
    if (options.published && !valid_iso_date(*options.published))
        throw Error("reportage: options.published must be a calendar date YYYY-MM-DD, got \"" +
                    *options.published + "\"");
}

Report parse(std::string_view input, const ParseOptions& options) {
    validate(options);
    Laps lap(options.stage_times);

    Report report;
    report.input.name = options.name;
    report.input.bytes = input.size();

    text::Document doc = text::build_document(input, options.max_bytes);
    report.diagnostics = doc.diagnostics;
    lap(&StageTimes::document);

    layout::Layout layout = layout::extract_article(doc, report.article, report.diagnostics);
    if (options.published) {
        report.article.published.date = options.published;
        report.article.published.origin = PublishedOrigin::given;
    }
    lap(&StageTimes::layout);
    time::extract(doc, report.article.published, report.timexes, report.diagnostics);
    lap(&StageTimes::time);
    claims::extract(doc, layout, report.article, report.sources, report.claims, report.diagnostics);
    lap(&StageTimes::claims);
    events::extract(doc, layout, report.article, report.sources, report.claims, report.timexes,
                    report.events);
    lap(&StageTimes::events);
    checks::run(doc, report, report.diagnostics);
    lap(&StageTimes::checks);
    // Later stages: time expressions, then claims and sources, then events.
    (void)layout;
    return report;
}

}  // namespace reportage
