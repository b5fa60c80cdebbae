// libFuzzer target: the query language. The input is a query text, compiled and run
// against one small fixed report (parsed once from a crafted text). A malformed query
// must throw reportage::QueryError, nothing else; running never throws.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "reportage/json.hpp"
#include "reportage/parse.hpp"
#include "reportage/query.hpp"

namespace {

// A fictional story written for this target: quotes, reported speech, dates, counts.
const char* const story =
    "Bridge at Varrow closes after flood damage\n"
    "\n"
    "By Mira Tolland\n"
    "\n"
    "VARROW, 12 March 2024 (Northwire) - The old bridge at Varrow was closed on Tuesday "
    "after floodwater damaged two of its piers, officials said.\n"
    "\n"
    "\"We cannot let anyone cross until the engineers are done,\" said Ana Pell, the "
    "town's mayor. \"It could take weeks.\"\n"
    "\n"
    "At least 3 people were injured and about 40 were evacuated from homes near the river "
    "on Monday, according to the regional fire service.\n"
    "\n"
    "Police said 2 men were detained on 10 March. Pell said repairs would begin in April "
    "and that the council would meet next week.\n";

const reportage::Report& fixed_report() {
    static const reportage::Report report = [] {
        reportage::ParseOptions options;
        options.published = "2024-03-12";
        return reportage::parse(story, options);
    }();
    return report;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const reportage::Report& report = fixed_report();
    try {
        const reportage::Query query(text);
        const nlohmann::json result = query.run(report);
        (void)result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } catch (const reportage::QueryError&) {
        // a malformed query: expected
    }
    return 0;
}
