// Test helper: every span of a report, labelled, for checks that spans lie inside the
// input and on character boundaries.
#ifndef REPORTAGE_TESTS_REPORT_SPANS_HPP
#define REPORTAGE_TESTS_REPORT_SPANS_HPP

#include <string>
#include <utility>
#include <vector>

#include "reportage/model.hpp"

namespace report_spans {

// Every span of a report, labelled.
inline std::vector<std::pair<std::string, reportage::Span>> all_spans(const reportage::Report& r) {
    std::vector<std::pair<std::string, reportage::Span>> out;
    auto add = [&out](const std::string& label, const reportage::Span& s) { out.emplace_back(label, s); };
    const auto& a = r.article;
    if (a.headline) add("article.headline", a.headline->span);
    if (a.standfirst) add("article.standfirst", a.standfirst->span);
    for (const auto& x : a.authors) add("article.authors", x.span);
    if (a.dateline) add("article.dateline", a.dateline->span);
    for (const auto& x : a.media) add("article.media", x.caption.span);
    for (const auto& x : a.paragraphs) add("article.paragraphs", x.span);
    for (const auto& x : a.see_also) add("article.see_also", x.span);
    if (a.author_bio) add("article.author_bio", a.author_bio->span);
    for (const auto& x : a.boilerplate) add("article.boilerplate", x.span);
    for (const auto& s : r.sources)
        for (const auto& m : s.mentions) add("source " + s.id + " mention", m);
    for (const auto& c : r.claims) {
        for (const auto& s : c.content.spans) add("claim " + c.id + " content", s);
        if (c.source_mention) add("claim " + c.id + " source_mention", *c.source_mention);
        if (c.cue) add("claim " + c.id + " cue", c.cue->span);
    }
    for (const auto& t : r.timexes) add("timex " + t.id, t.span);
    for (const auto& e : r.events) {
        add("event " + e.id + " trigger", e.trigger.span);
        if (e.place) add("event " + e.id + " place", e.place->span);
        for (const auto& x : e.actors) add("event " + e.id + " actor", x.span);
        for (const auto& kc : e.counts) add("event " + e.id + " count " + kc.first, kc.second.span);
    }
    for (const auto& d : r.diagnostics)
        if (d.span) add("diagnostic " + d.code, *d.span);
    return out;
}

}  // namespace report_spans

#endif  // REPORTAGE_TESTS_REPORT_SPANS_HPP
