// Recursive-descent parser for the query language (grammar in docs/query.md).
//
// Recursion happens only through parentheses and `not`; both count against
// max_query_depth, so the parser's stack depth is bounded whatever the input.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

#include "query/ast.hpp"
#include "query/lexer.hpp"
#include "reportage/query.hpp"

namespace reportage::query_detail {

namespace {

using K = Token::Kind;

bool same_word(const std::string& a, const char* keyword) {
    std::size_t i = 0;
    for (; i < a.size() && keyword[i] != '\0'; ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != keyword[i]) return false;
    return i == a.size() && keyword[i] == '\0';
}

bool is_keyword(const std::string& w) {
    static const char* const words[] = {"where", "and", "or", "not", "in", "order", "by",
                                        "asc", "desc", "limit", "true", "false", "null"};
    for (const char* k : words)
        if (same_word(w, k)) return true;
    return false;
}

// The first path step each collection's items have (the contract's fields).
const std::vector<std::string>& fields_of(Collection c) {
    static const std::vector<std::string> sources = {"id", "name", "kind", "named", "official",
                                                     "role", "affiliation", "mentions"};
    static const std::vector<std::string> claims = {"id", "kind", "content", "source",
                                                    "source_mention", "cue", "inherited",
                                                    "nested_in", "paragraph"};
    static const std::vector<std::string> events = {"id", "type", "acled", "trigger", "date",
                                                    "end_date", "place", "actors", "counts",
                                                    "claims", "sources"};
    static const std::vector<std::string> timexes = {"id", "text", "span", "type", "value", "anchor"};
    static const std::vector<std::string> paragraphs = {"text", "span"};
    switch (c) {
        case Collection::sources: return sources;
        case Collection::claims: return claims;
        case Collection::events: return events;
        case Collection::timexes: return timexes;
        case Collection::paragraphs: break;
    }
    return paragraphs;
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

class Parser {
public:
    explicit Parser(const std::string& text) : tokens_(tokenize(text)) {}

    Ast parse_query() {
        Ast ast;
        ast.collection = parse_collection();
        if (accept_word("where")) ast.where = parse_or();
        if (accept_word("order")) {
            expect_word("by", "'by' after 'order'");
            do {
                OrderKey key;
                key.path = parse_path();
                if (accept_word("desc")) key.descending = true;
                else accept_word("asc");
                ast.order.push_back(std::move(key));
            } while (accept(K::comma));
        }
        if (accept_word("limit")) {
            const Token& t = peek();
            if (t.kind != K::number || t.text[0] == '-' || t.text.find('.') != std::string::npos)
                fail(t, "a non-negative whole number after 'limit'");
            errno = 0;
            const unsigned long long n = std::strtoull(t.text.c_str(), nullptr, 10);
            ast.limit = errno == ERANGE ? static_cast<std::size_t>(-1) : static_cast<std::size_t>(n);
            next();
        }
        if (peek().kind != K::end) {
            if (!ast.where && ast.order.empty() && !ast.limit)
                fail(peek(), "'where', 'order by', 'limit' or the end of the query");
            if (ast.order.empty() && !ast.limit)
                fail(peek(), "'and', 'or', 'order by', 'limit' or the end of the query");
            fail(peek(), ast.limit ? "the end of the query" : "',', 'asc', 'desc', 'limit' or the end of the query");
        }
        return ast;
    }

private:
    const Token& peek() const { return tokens_[pos_]; }
    const Token& next() {
        const Token& t = tokens_[pos_];
        if (t.kind != K::end) ++pos_;
        return t;
    }
    bool accept(K kind) {
        if (peek().kind != kind) return false;
        next();
        return true;
    }
    bool at_word(const char* w) const { return peek().kind == K::word && same_word(peek().text, w); }
    bool accept_word(const char* w) {
        if (!at_word(w)) return false;
        next();
        return true;
    }
    void expect_word(const char* w, const char* expected) {
        if (!accept_word(w)) fail(peek(), expected);
    }
    [[noreturn]] void fail(const Token& t, const std::string& expected) const {
        throw QueryError(t.position, "expected " + expected + ", found " + describe(t));
    }

    Collection parse_collection() {
        static const char* const names[] = {"sources", "claims", "events", "timexes", "paragraphs"};
        static const Collection values[] = {Collection::sources, Collection::claims,
                                            Collection::events, Collection::timexes,
                                            Collection::paragraphs};
        const Token& t = peek();
        if (t.kind == K::word)
            for (int i = 0; i < 5; ++i)
                if (same_word(t.text, names[i])) {
                    next();
                    collection_ = values[i];
                    return values[i];
                }
        fail(t, "a collection (sources, claims, events, timexes or paragraphs)");
    }

    void enter(const Token& at) {
        if (++depth_ > max_query_depth)
            throw QueryError(at.position, "expected at most " + std::to_string(max_query_depth) +
                                              " levels of nested parentheses or 'not', found more");
    }

    Expr parse_or() {
        Expr first = parse_and();
        if (!at_word("or")) return first;
        Expr e;
        e.kind = Expr::Kind::any_of;
        e.children.push_back(std::move(first));
        while (accept_word("or")) e.children.push_back(parse_and());
        return e;
    }

    Expr parse_and() {
        Expr first = parse_not();
        if (!at_word("and")) return first;
        Expr e;
        e.kind = Expr::Kind::all_of;
        e.children.push_back(std::move(first));
        while (accept_word("and")) e.children.push_back(parse_not());
        return e;
    }

    Expr parse_not() {
        if (at_word("not")) {
            enter(peek());
            next();
            Expr e;
            e.kind = Expr::Kind::negation;
            e.children.push_back(parse_not());
            --depth_;
            return e;
        }
        return parse_primary();
    }

    Expr parse_primary() {
        if (peek().kind == K::lparen) {
            enter(peek());
            next();
            Expr e = parse_or();
            if (!accept(K::rparen)) fail(peek(), "')', 'and' or 'or'");
            --depth_;
            return e;
        }
        return parse_condition();
    }

    Expr parse_condition() {
        Expr e;
        e.path = parse_path();
        const Token& t = peek();
        auto compare = [&](Op op) {
            next();
            e.kind = Expr::Kind::comparison;
            e.op = op;
            e.operands.push_back(parse_value());
            if (op == Op::contains && !e.operands.back().is_string())
                throw QueryError(t.position, "expected a string after '~'");
        };
        switch (t.kind) {
            case K::eq: compare(Op::eq); return e;
            case K::ne: compare(Op::ne); return e;
            case K::lt: compare(Op::lt); return e;
            case K::le: compare(Op::le); return e;
            case K::gt: compare(Op::gt); return e;
            case K::ge: compare(Op::ge); return e;
            case K::tilde: compare(Op::contains); return e;
            default: break;
        }
        if (at_word("in") || at_word("not")) {
            const bool negated = accept_word("not");
            if (!accept_word("in")) fail(peek(), "'in' after 'not'");
            e.kind = Expr::Kind::comparison;
            e.op = negated ? Op::not_in : Op::in;
            if (!accept(K::lbracket)) fail(peek(), "'[' to open the list after 'in'");
            if (!accept(K::rbracket)) {
                do e.operands.push_back(parse_value());
                while (accept(K::comma));
                if (!accept(K::rbracket)) fail(peek(), "',' or ']' in the list after 'in'");
            }
            return e;
        }
        // A bare field tests for a truthy value (true, non-zero, non-empty).
        e.kind = Expr::Kind::truth;
        return e;
    }

    Path parse_path() {
        Path path;
        const Token& first = peek();
        path.position = first.position;
        if (first.kind != K::word || is_keyword(first.text)) {
            if (collection_ && (first.kind == K::word || first.kind == K::end || first.kind == K::rparen))
                fail(first, "a field of " + collection_name() + " (" + join(fields_of(*collection_)) + ")");
            fail(first, "a field name");
        }
        const auto& known = fields_of(*collection_);
        if (std::find(known.begin(), known.end(), first.text) == known.end())
            throw QueryError(first.position, "expected a field of " + collection_name() + " (" +
                                                 join(known) + "), found '" + first.text + "'");
        while (true) {
            const Token& name = peek();
            if (name.kind != K::word) fail(name, "a field name after '.'");
            PathStep step;
            step.name = name.text;
            path.text += (path.text.empty() ? "" : ".") + name.text;
            next();
            if (accept(K::lbracket)) {
                if (accept(K::rbracket)) {
                    step.subscript = PathStep::Subscript::every;
                    path.text += "[]";
                } else {
                    const Token& n = peek();
                    if (n.kind != K::number || n.text[0] == '-' || n.text.find('.') != std::string::npos)
                        fail(n, "an index or ']' after '['");
                    step.subscript = PathStep::Subscript::index;
                    step.index = static_cast<std::size_t>(std::strtoull(n.text.c_str(), nullptr, 10));
                    path.text += "[" + n.text + "]";
                    next();
                    if (!accept(K::rbracket)) fail(peek(), "']' after the index");
                }
            }
            path.steps.push_back(std::move(step));
            if (!accept(K::dot)) return path;
        }
    }

    nlohmann::json parse_value() {
        const Token& t = peek();
        switch (t.kind) {
            case K::string: next(); return t.text;
            case K::number: {
                next();
                if (t.text.find('.') == std::string::npos) {
                    errno = 0;
                    const long long v = std::strtoll(t.text.c_str(), nullptr, 10);
                    if (errno != ERANGE) return static_cast<std::int64_t>(v);
                }
                return std::strtod(t.text.c_str(), nullptr);
            }
            case K::word:
                if (same_word(t.text, "true")) { next(); return true; }
                if (same_word(t.text, "false")) { next(); return false; }
                if (same_word(t.text, "null")) { next(); return nullptr; }
                break;
            default: break;
        }
        fail(t, "a value (a \"string\", a number, true, false or null)");
    }

    std::string collection_name() const {
        switch (*collection_) {
            case Collection::sources: return "sources";
            case Collection::claims: return "claims";
            case Collection::events: return "events";
            case Collection::timexes: return "timexes";
            case Collection::paragraphs: break;
        }
        return "paragraphs";
    }

    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    std::size_t depth_ = 0;
    std::optional<Collection> collection_;
};

}  // namespace

Ast compile(const std::string& text) { return Parser(text).parse_query(); }

}  // namespace reportage::query_detail
