// libFuzzer target: reportage::parse() on arbitrary bytes, then the report as JSON.
// parse() must never throw because of its input, never crash, and every span it emits
// must lie inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "reportage/json.hpp"
#include "reportage/parse.hpp"

namespace {

void check_span(const reportage::Span& s, std::size_t size) {
    if (s.begin > s.end || s.end > size) std::abort();
}

void check_text(const reportage::Text& t, std::size_t size) { check_span(t.span, size); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const reportage::Report report = reportage::parse(input);
    if (report.input.bytes != size) std::abort();
    for (const auto& p : report.article.paragraphs) check_text(p, size);
    for (const auto& c : report.claims)
        for (const auto& s : c.content.spans) check_span(s, size);
    for (const auto& c : report.claims)
        if (c.source_mention) check_span(*c.source_mention, size);
    for (const auto& s : report.sources)
        for (const auto& m : s.mentions) check_span(m, size);
    for (const auto& t : report.timexes) check_span(t.span, size);
    const std::string json = reportage::to_json_string(report);
    if (json.empty()) std::abort();
    return 0;
}
