// reportage — parsing a news report into a Report.
#ifndef REPORTAGE_PARSE_HPP
#define REPORTAGE_PARSE_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "reportage/export.hpp"
#include "reportage/model.hpp"

namespace reportage {

// Thrown for misuse of the API (invalid options), never for bad input text.
class REPORTAGE_API Error : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// Wall time spent in each stage of parse(), in nanoseconds (for benchmarks and profiling).
// parse() adds to these fields, so one StageTimes can sum the stages over many documents.
struct StageTimes {
    std::uint64_t document = 0;  // text: UTF-8 check, lines, paragraphs, sentences, tokens
    std::uint64_t layout = 0;    // article structure
    std::uint64_t time = 0;      // time expressions, publication date
    std::uint64_t claims = 0;    // claims and sources
    std::uint64_t events = 0;    // events and counts
    std::uint64_t checks = 0;    // diagnostics
    std::uint64_t total() const { return document + layout + time + claims + events + checks; }
};

struct ParseOptions {
    // Publication date "YYYY-MM-DD" given by the caller; relative dates resolve against it.
    // When absent, a date line in the text is used; otherwise years stay unknown.
    std::optional<std::string> published;
    // A name for the input (a file name), echoed in report.input.name.
    std::optional<std::string> name;
    // Input beyond this many bytes is not analysed (a diagnostic says so); spans and
    // input.bytes still refer to the whole input. 0 means no limit.
    std::size_t max_bytes = std::size_t{256} * 1024 * 1024;
    // When not null, parse() adds the time spent in each stage to *stage_times (not
    // thread-safe: give each thread its own). Null (the default) costs nothing.
    StageTimes* stage_times = nullptr;
};

// Checks options; throws reportage::Error with a message naming the bad field.
REPORTAGE_API void validate(const ParseOptions& options);

// Parses one report.
//
// Never throws because of the input: invalid UTF-8, NUL bytes, binary data or
// pathological punctuation give a Report with diagnostics. Throws reportage::Error for
// invalid options, and std::bad_alloc when memory runs out.
// Reentrant: any number of threads may call it at once; there is no global state.
// Runs in time linear in the input size.
REPORTAGE_API Report parse(std::string_view input, const ParseOptions& options = {});

}  // namespace reportage

#endif  // REPORTAGE_PARSE_HPP
