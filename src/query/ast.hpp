// The query language's syntax tree (internal).
#ifndef REPORTAGE_QUERY_AST_HPP
#define REPORTAGE_QUERY_AST_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace reportage::query_detail {

enum class Collection { sources, claims, events, timexes, paragraphs };

// One step of a dotted path: `name`, `name[]` (every element) or `name[3]`.
struct PathStep {
    enum class Subscript { none, every, index };
    std::string name;
    Subscript subscript = Subscript::none;
    std::size_t index = 0;
};

struct Path {
    std::vector<PathStep> steps;
    std::size_t position = 0;  // 1-based, for messages
    std::string text;          // as written, for messages
};

enum class Op { eq, ne, lt, le, gt, ge, contains, in, not_in };

struct Expr {
    enum class Kind { all_of, any_of, negation, comparison, truth };
    Kind kind = Kind::truth;
    std::vector<Expr> children;           // all_of, any_of: two or more; negation: one
    Path path;                            // comparison, truth
    Op op = Op::eq;                       // comparison
    std::vector<nlohmann::json> operands; // comparison: one, or the list of `in`
};

struct OrderKey {
    Path path;
    bool descending = false;
};

struct Ast {
    Collection collection = Collection::claims;
    std::optional<Expr> where;
    std::vector<OrderKey> order;
    std::optional<std::size_t> limit;
};

// Compiles query text; throws reportage::QueryError.
Ast compile(const std::string& text);

// Runs a compiled query over a report in JSON form.
nlohmann::json evaluate(const Ast& ast, const nlohmann::json& report);

}  // namespace reportage::query_detail

#endif  // REPORTAGE_QUERY_AST_HPP
