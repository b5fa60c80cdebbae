// reportage — the query language over a Report (docs/query.md).
//
//   claims where source.name ~ "Doe" and kind = "direct"
//   events where counts.killed.value >= 10 order by date.value desc limit 5
//
// A query selects one collection (sources, claims, events, timexes, paragraphs), keeps the
// items its condition holds for, orders and limits them, and returns them as a JSON array
// of the items exactly as the JSON contract (`reportage/1`) writes them. Field paths are
// the contract's dotted paths; an id field followed by more path steps follows the link
// (a claim's `source.name` is the name of the claim's source).
//
// Cost: compiling is linear in the query's length; running is linear in the size of the
// report times the size of the query, plus n log n to order. Nesting (parentheses, `not`)
// is bounded (max_query_depth): deeper queries are rejected with a QueryError, never a
// stack overflow.
#ifndef REPORTAGE_QUERY_HPP
#define REPORTAGE_QUERY_HPP

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "reportage/export.hpp"
#include "reportage/model.hpp"
#include "reportage/parse.hpp"  // reportage::Error

namespace reportage {

// How deeply parentheses and `not` may nest in one query.
inline constexpr std::size_t max_query_depth = 256;

// A malformed query. what() reads "query error at position N: expected X, found Y";
// position() is the 1-based character (byte) position in the query text.
class REPORTAGE_API QueryError : public Error {
public:
    QueryError(std::size_t position, const std::string& message);
    std::size_t position() const noexcept { return position_; }

private:
    std::size_t position_;
};

// A compiled query: compile once, run against any number of reports. Immutable after
// construction, so one Query may be run from several threads at once.
class REPORTAGE_API Query {
public:
    // Throws QueryError for a malformed query.
    explicit Query(std::string_view text);
    ~Query();
    Query(Query&&) noexcept;
    Query& operator=(Query&&) noexcept;
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    // The matching items, as a JSON array. Throws only std::bad_alloc.
    nlohmann::json run(const Report& report) const;
    // The same over a report already converted with to_json(report) (saves the
    // conversion when one report is queried many times). `report_json` must follow the
    // contract; missing parts are treated as empty.
    nlohmann::json run_json(const nlohmann::json& report_json) const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

// Compiles and runs `text` against `report`. Throws QueryError for a malformed query.
REPORTAGE_API nlohmann::json query(const Report& report, std::string_view text);

}  // namespace reportage

#endif  // REPORTAGE_QUERY_HPP
