// libFuzzer target: the JSON reader (reportage::report_from_json_string / from_json).
// Text that is not JSON, or JSON that does not follow the contract, must throw
// reportage::Error and nothing else. A report that was read must write back to JSON that
// reads again to the same JSON (a fixed point after one round trip).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "reportage/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    reportage::Report report;
    try {
        report = reportage::report_from_json_string(text);
    } catch (const reportage::Error&) {
        return 0;  // not JSON, or not the contract: expected
    }
    const std::string once = reportage::to_json_string(report);
    const reportage::Report again = reportage::report_from_json_string(once);
    if (reportage::to_json_string(again) != once) std::abort();
    return 0;
}
