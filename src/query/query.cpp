// The public face of the query language: reportage::Query, reportage::query().
#include "reportage/query.hpp"

#include <string>

#include "query/ast.hpp"
#include "reportage/json.hpp"

namespace reportage {

QueryError::QueryError(std::size_t position, const std::string& message)
    : Error("query error at position " + std::to_string(position) + ": " + message),
      position_(position) {}

struct Query::Impl {
    query_detail::Ast ast;
};

Query::Query(std::string_view text) : impl_(std::make_unique<Impl>()) {
    impl_->ast = query_detail::compile(std::string(text));
}

Query::~Query() = default;
Query::Query(Query&&) noexcept = default;
Query& Query::operator=(Query&&) noexcept = default;

nlohmann::json Query::run(const Report& report) const {
    return query_detail::evaluate(impl_->ast, to_json(report));
}

nlohmann::json Query::run_json(const nlohmann::json& report_json) const {
    return query_detail::evaluate(impl_->ast, report_json);
}

nlohmann::json query(const Report& report, std::string_view text) {
    return Query(text).run(report);
}

}  // namespace reportage
