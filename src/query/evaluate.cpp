// Evaluation of a compiled query over a report in JSON form.
//
// A path yields a set of values: stepping into a list visits every element, and an id
// followed by more steps is replaced by the object it names (via hash maps built once per
// run), so each condition costs time proportional to the values it touches. A comparison
// holds when it holds for at least one value; a path that yields nothing yields null.
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "query/ast.hpp"

namespace reportage::query_detail {

namespace {

using json = nlohmann::json;

const json& null_value() {
    static const json n = nullptr;
    return n;
}

// id -> object, for the collections a link can point into.
class Links {
public:
    explicit Links(const json& report) {
        index(report, "sources", sources_);
        index(report, "claims", claims_);
        index(report, "timexes", timexes_);
    }

    // The object that `id`, found under the key `key`, names; nullptr when `key` is not a
    // link or the id is unknown.
    const json* follow(const std::string& key, const json& id) const {
        if (!id.is_string()) return nullptr;
        const Map* map = nullptr;
        if (key == "source" || key == "sources") map = &sources_;
        else if (key == "claims" || key == "nested_in") map = &claims_;
        else if (key == "timex" || key == "anchor") map = &timexes_;
        if (map == nullptr) return nullptr;
        auto it = map->find(id.get_ref<const std::string&>());
        return it == map->end() ? nullptr : it->second;
    }

private:
    using Map = std::unordered_map<std::string_view, const json*>;

    static void index(const json& report, const char* key, Map& map) {
        auto it = report.find(key);
        if (it == report.end() || !it->is_array()) return;
        for (const json& item : *it) {
            if (!item.is_object()) continue;
            auto id = item.find("id");
            if (id != item.end() && id->is_string()) map.emplace(id->get_ref<const std::string&>(), &item);
        }
    }

    Map sources_, claims_, timexes_;
};

class Evaluator {
public:
    explicit Evaluator(const json& report) : links_(report) {}

    // The values `path` yields on `item` (never empty: null when nothing).
    void values(const json& item, const Path& path, std::vector<const json*>& out) const {
        out.clear();
        walk(item, path, 0, out);
        if (out.empty()) out.push_back(&null_value());
    }

    bool holds(const Expr& e, const json& item, std::vector<const json*>& scratch) const {
        switch (e.kind) {
            case Expr::Kind::all_of:
                for (const Expr& c : e.children)
                    if (!holds(c, item, scratch)) return false;
                return true;
            case Expr::Kind::any_of:
                for (const Expr& c : e.children)
                    if (holds(c, item, scratch)) return true;
                return false;
            case Expr::Kind::negation:
                return !holds(e.children.front(), item, scratch);
            case Expr::Kind::truth:
                values(item, e.path, scratch);
                return std::any_of(scratch.begin(), scratch.end(), [](const json* v) { return truthy(*v); });
            case Expr::Kind::comparison:
                break;
        }
        values(item, e.path, scratch);
        switch (e.op) {
            case Op::ne: return !any(scratch, [&](const json& v) { return equal(v, e.operands[0]); });
            case Op::not_in: return !any(scratch, [&](const json& v) { return member(v, e.operands); });
            case Op::in: return any(scratch, [&](const json& v) { return member(v, e.operands); });
            case Op::eq: return any(scratch, [&](const json& v) { return equal(v, e.operands[0]); });
            case Op::contains:
                return any(scratch, [&](const json& v) { return contains(v, e.operands[0]); });
            default: break;
        }
        return any(scratch, [&](const json& v) {
            int c = 0;
            if (!ordered(v, e.operands[0], c)) return false;
            switch (e.op) {
                case Op::lt: return c < 0;
                case Op::le: return c <= 0;
                case Op::gt: return c > 0;
                default: return c >= 0;
            }
        });
    }

    // Sort order for `order by`: numbers, then strings, then booleans, then the rest;
    // null (or missing) last in either direction.
    static int order(const json& a, const json& b, bool descending) {
        const bool an = a.is_null(), bn = b.is_null();
        if (an || bn) return an == bn ? 0 : (an ? 1 : -1);
        const int ra = rank(a), rb = rank(b);
        int c = 0;
        if (ra != rb) c = ra < rb ? -1 : 1;
        else if (!ordered(a, b, c)) c = 0;
        return descending ? -c : c;
    }

private:
    void walk(const json& node, const Path& path, std::size_t step, std::vector<const json*>& out) const {
        if (step == path.steps.size()) {
            if (node.is_array()) {
                for (const json& x : node) out.push_back(&x);
            } else {
                out.push_back(&node);
            }
            return;
        }
        if (!node.is_object()) return;
        const PathStep& s = path.steps[step];
        auto it = node.find(s.name);
        if (it == node.end()) return;
        const json& child = *it;
        const bool last = step + 1 == path.steps.size();
        auto visit = [&](const json& v) {
            if (!last) {
                if (const json* target = links_.follow(s.name, v)) {
                    walk(*target, path, step + 1, out);
                    return;
                }
            }
            if (!last) {
                walk(v, path, step + 1, out);
            } else if (v.is_array()) {
                for (const json& x : v) out.push_back(&x);
            } else {
                out.push_back(&v);
            }
        };
        if (s.subscript == PathStep::Subscript::index) {
            if (child.is_array() && s.index < child.size()) visit(child[s.index]);
            return;
        }
        if (child.is_array()) {
            for (const json& x : child) visit(x);
        } else {
            visit(child);
        }
    }

    template <class F>
    static bool any(const std::vector<const json*>& vs, F f) {
        for (const json* v : vs)
            if (f(*v)) return true;
        return false;
    }

    static bool truthy(const json& v) {
        if (v.is_boolean()) return v.get<bool>();
        if (v.is_number()) return v.get<double>() != 0;
        if (v.is_string() || v.is_array() || v.is_object()) return !v.empty();
        return false;
    }

    static int rank(const json& v) {
        if (v.is_number()) return 0;
        if (v.is_string()) return 1;
        if (v.is_boolean()) return 2;
        return 3;
    }

    // Three-way comparison of two numbers or two strings (bytewise, so ISO dates and
    // TimeML values order by time); false when they are not comparable.
    static bool ordered(const json& a, const json& b, int& c) {
        if (a.is_number() && b.is_number()) {
            if (a.is_number_integer() && b.is_number_integer()) {
                // unsigned values above INT64_MAX do not occur in reports
                const auto x = a.get<std::int64_t>(), y = b.get<std::int64_t>();
                c = x < y ? -1 : (x > y ? 1 : 0);
            } else {
                const double x = a.get<double>(), y = b.get<double>();
                c = x < y ? -1 : (x > y ? 1 : 0);
            }
            return true;
        }
        if (a.is_string() && b.is_string()) {
            const int r = a.get_ref<const std::string&>().compare(b.get_ref<const std::string&>());
            c = r < 0 ? -1 : (r > 0 ? 1 : 0);
            return true;
        }
        if (a.is_boolean() && b.is_boolean()) {
            c = static_cast<int>(a.get<bool>()) - static_cast<int>(b.get<bool>());
            return true;
        }
        return false;
    }

    static bool equal(const json& a, const json& b) {
        int c = 0;
        if (ordered(a, b, c)) return c == 0;
        return a.is_null() && b.is_null();
    }

    static bool member(const json& v, const std::vector<json>& list) {
        for (const json& x : list)
            if (equal(v, x)) return true;
        return false;
    }

    static char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

    // Case-insensitive (ASCII letters) substring test.
    static bool contains(const json& v, const json& needle) {
        if (!v.is_string() || !needle.is_string()) return false;
        const std::string& h = v.get_ref<const std::string&>();
        const std::string& n = needle.get_ref<const std::string&>();
        auto it = std::search(h.begin(), h.end(), n.begin(), n.end(),
                              [](char x, char y) { return fold(x) == fold(y); });
        return it != h.end() || n.empty();
    }

    Links links_;
};

const json& items_of(const json& report, Collection c) {
    static const json empty = json::array();
    const json* node = &report;
    const char* key = "claims";
    switch (c) {
        case Collection::sources: key = "sources"; break;
        case Collection::claims: key = "claims"; break;
        case Collection::events: key = "events"; break;
        case Collection::timexes: key = "timexes"; break;
        case Collection::paragraphs: {
            auto a = report.find("article");
            if (a == report.end() || !a->is_object()) return empty;
            node = &*a;
            key = "paragraphs";
            break;
        }
    }
    auto it = node->find(key);
    return it != node->end() && it->is_array() ? *it : empty;
}

}  // namespace

json evaluate(const Ast& ast, const json& report) {
    json result = json::array();
    if (!report.is_object()) return result;
    const json& items = items_of(report, ast.collection);
    const Evaluator ev(report);

    std::vector<const json*> kept;
    std::vector<const json*> scratch;
    for (const json& item : items)
        if (!ast.where || ev.holds(*ast.where, item, scratch)) kept.push_back(&item);

    if (!ast.order.empty()) {
        // One key per item and order key, computed once: the first value of each path.
        const std::size_t nk = ast.order.size();
        std::vector<const json*> keys(kept.size() * nk);
        for (std::size_t i = 0; i < kept.size(); ++i)
            for (std::size_t k = 0; k < nk; ++k) {
                ev.values(*kept[i], ast.order[k].path, scratch);
                keys[i * nk + k] = scratch.front();
            }
        std::vector<std::size_t> idx(kept.size());
        std::iota(idx.begin(), idx.end(), std::size_t{0});
        std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
            for (std::size_t k = 0; k < nk; ++k) {
                const int c = Evaluator::order(*keys[a * nk + k], *keys[b * nk + k], ast.order[k].descending);
                if (c != 0) return c < 0;
            }
            return false;
        });
        std::vector<const json*> sorted;
        sorted.reserve(kept.size());
        for (std::size_t i : idx) sorted.push_back(kept[i]);
        kept.swap(sorted);
    }
    const std::size_t n = ast.limit ? std::min(*ast.limit, kept.size()) : kept.size();
    for (std::size_t i = 0; i < n; ++i) result.push_back(*kept[i]);
    return result;
}

}  // namespace reportage::query_detail
