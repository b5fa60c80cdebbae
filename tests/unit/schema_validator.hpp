// A small JSON Schema validator over nlohmann::json, for tests.
//
// Supports draft 2020-12 and draft-07 vocabularies as far as these keywords go:
//   any:     type (a name or a list of names), enum, const, $ref (local: "#", "#/$defs/x",
//            "#/definitions/x", any JSON pointer into the same document), allOf, anyOf,
//            oneOf, not, boolean schemas true/false
//   number:  minimum, maximum, exclusiveMinimum, exclusiveMaximum (numeric form), multipleOf
//   string:  minLength, maxLength (in code points), pattern (ECMAScript via std::regex,
//            unanchored like JSON Schema)
//   array:   items (a schema; or, draft-07, a list of schemas with additionalItems),
//            prefixItems, minItems, maxItems, uniqueItems, contains
//   object:  properties, patternProperties, additionalProperties, required, propertyNames,
//            minProperties, maxProperties
// Annotation keywords ($schema, $id, $comment, title, description, default, examples,
// deprecated, readOnly, writeOnly, format, $defs, definitions) are accepted and not checked.
// Any other keyword is listed by unsupported_keywords() and otherwise ignored, so a test
// can assert that a schema uses nothing this validator does not understand.
//
// Construction compiles every pattern and resolves every $ref once: it throws
// std::invalid_argument for a malformed schema (a keyword of the wrong JSON type, a bad
// regex, a $ref that is not local or does not resolve). validate() is const and may be
// called from several threads at once.
#ifndef REPORTAGE_TESTS_SCHEMA_VALIDATOR_HPP
#define REPORTAGE_TESTS_SCHEMA_VALIDATOR_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace schema_check {

class Validator {
public:
    using json = nlohmann::json;

    explicit Validator(json schema) : root_(std::make_unique<json>(std::move(schema))) {
        prepare(*root_, "#");
    }

    Validator(const Validator&) = delete;
    Validator& operator=(const Validator&) = delete;
    Validator(Validator&&) = default;
    Validator& operator=(Validator&&) = default;

    // Every violation, each as "<instance pointer>: <message>", the pointer written as a
    // URI fragment ("#" is the root, "#/claims/0/kind"). Empty when `instance` is valid.
    std::vector<std::string> validate(const json& instance) const {
        std::vector<std::string> errors;
        check(*root_, instance, "#", errors);
        return errors;
    }

    bool is_valid(const json& instance) const { return validate(instance).empty(); }

    // Schema locations ("#/properties/x/if") of keywords this validator does not check.
    const std::vector<std::string>& unsupported_keywords() const { return unsupported_; }

    static std::string escape_pointer_token(const std::string& token) {
        std::string out;
        for (char c : token) {
            if (c == '~')
                out += "~0";
            else if (c == '/')
                out += "~1";
            else
                out += c;
        }
        return out;
    }

private:
    std::unique_ptr<json> root_;
    std::map<std::string, std::regex> regexes_;
    std::map<std::string, const json*> refs_;
    std::vector<std::string> unsupported_;

    // ------------------------------------------------------------ preparation

    [[noreturn]] static void malformed(const std::string& where, const std::string& what) {
        throw std::invalid_argument("malformed schema at " + where + ": " + what);
    }

    void compile(const std::string& pattern, const std::string& where) {
        if (regexes_.count(pattern)) return;
        try {
            regexes_.emplace(pattern, std::regex(pattern, std::regex::ECMAScript));
        } catch (const std::regex_error& e) {
            malformed(where, "invalid pattern \"" + pattern + "\": " + e.what());
        }
    }

    void resolve(const std::string& ref, const std::string& where) {
        if (refs_.count(ref)) return;
        if (ref.empty() || ref[0] != '#') malformed(where, "only local $ref is supported, got \"" + ref + "\"");
        std::string pointer = ref.substr(1);
        try {
            const json& target = root_->at(json::json_pointer(pointer));
            refs_.emplace(ref, &target);
        } catch (const json::exception& e) {
            malformed(where, "$ref \"" + ref + "\" does not resolve: " + e.what());
        }
    }

    void prepare_map(const json& m, const std::string& where) {
        if (!m.is_object()) malformed(where, "must be an object of schemas");
        for (auto it = m.begin(); it != m.end(); ++it)
            prepare(it.value(), where + "/" + escape_pointer_token(it.key()));
    }

    void prepare_list(const json& l, const std::string& where, bool nonempty) {
        if (!l.is_array() || (nonempty && l.empty())) malformed(where, "must be a non-empty array of schemas");
        for (std::size_t i = 0; i < l.size(); ++i) prepare(l[i], where + "/" + std::to_string(i));
    }

    static bool is_annotation(const std::string& k) {
        static const std::set<std::string> names = {
            "$schema", "$id",      "$comment",  "title",    "description", "default",
            "examples", "deprecated", "readOnly", "writeOnly", "format"};
        return names.count(k) != 0;
    }

    void prepare(const json& s, const std::string& where) {
        if (s.is_boolean()) return;
        if (!s.is_object()) malformed(where, "a schema must be an object or a boolean");
        for (auto it = s.begin(); it != s.end(); ++it) {
            const std::string& k = it.key();
            const json& v = it.value();
            const std::string at = where + "/" + escape_pointer_token(k);
            if (is_annotation(k)) continue;
            if (k == "$defs" || k == "definitions" || k == "properties" || k == "patternProperties") {
                prepare_map(v, at);
                if (k == "patternProperties")
                    for (auto p = v.begin(); p != v.end(); ++p) compile(p.key(), at);
            } else if (k == "additionalProperties" || k == "propertyNames" || k == "additionalItems" ||
                       k == "contains" || k == "not") {
                prepare(v, at);
            } else if (k == "items") {
                if (v.is_array())
                    prepare_list(v, at, false);
                else
                    prepare(v, at);
            } else if (k == "prefixItems") {
                prepare_list(v, at, false);
            } else if (k == "allOf" || k == "anyOf" || k == "oneOf") {
                prepare_list(v, at, true);
            } else if (k == "$ref") {
                if (!v.is_string()) malformed(at, "must be a string");
                resolve(v.get<std::string>(), at);
            } else if (k == "type") {
                static const std::set<std::string> types = {"null",   "boolean", "object", "array",
                                                            "number", "integer", "string"};
                const json names = v.is_array() ? v : json::array({v});
                for (const auto& n : names)
                    if (!n.is_string() || !types.count(n.get<std::string>()))
                        malformed(at, "unknown type " + n.dump());
            } else if (k == "enum") {
                if (!v.is_array()) malformed(at, "must be an array");
            } else if (k == "const") {
            } else if (k == "required") {
                if (!v.is_array()) malformed(at, "must be an array of strings");
                for (const auto& n : v)
                    if (!n.is_string()) malformed(at, "must be an array of strings");
            } else if (k == "pattern") {
                if (!v.is_string()) malformed(at, "must be a string");
                compile(v.get<std::string>(), at);
            } else if (k == "minimum" || k == "maximum" || k == "exclusiveMinimum" || k == "exclusiveMaximum" ||
                       k == "multipleOf") {
                if (!v.is_number()) malformed(at, "must be a number");
                if (k == "multipleOf" && !(v.get<double>() > 0)) malformed(at, "must be greater than 0");
            } else if (k == "minLength" || k == "maxLength" || k == "minItems" || k == "maxItems" ||
                       k == "minProperties" || k == "maxProperties") {
                if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<std::int64_t>() >= 0))
                    malformed(at, "must be a non-negative integer");
            } else if (k == "uniqueItems") {
                if (!v.is_boolean()) malformed(at, "must be a boolean");
            } else {
                unsupported_.push_back(at);
            }
        }
    }

    // ------------------------------------------------------------ validation

    static std::string show(const json& v) {
        std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
        if (s.size() > 80) s = s.substr(0, 77) + "...";
        return s;
    }

    static std::string kind_of(const json& v) {
        if (v.is_number_integer()) return "integer";
        if (v.is_number()) return "number";
        return v.type_name();
    }

    static bool has_type(const json& v, const std::string& t) {
        if (t == "null") return v.is_null();
        if (t == "boolean") return v.is_boolean();
        if (t == "object") return v.is_object();
        if (t == "array") return v.is_array();
        if (t == "string") return v.is_string();
        if (t == "number") return v.is_number();
        if (t == "integer") {
            if (v.is_number_integer()) return true;
            if (v.is_number_float()) {
                double d = v.get<double>();
                return std::isfinite(d) && std::floor(d) == d;
            }
        }
        return false;
    }

    static long double num(const json& v) {
        if (v.is_number_unsigned()) return static_cast<long double>(v.get<std::uint64_t>());
        if (v.is_number_integer()) return static_cast<long double>(v.get<std::int64_t>());
        return static_cast<long double>(v.get<double>());
    }

    static std::size_t code_points(const std::string& s) {
        std::size_t n = 0;
        for (unsigned char c : s)
            if ((c & 0xC0) != 0x80) ++n;
        return n;
    }

    static void add(std::vector<std::string>& errors, const std::string& path, const std::string& msg) {
        errors.push_back(path + ": " + msg);
    }

    bool matches(const json& s, const json& v, const std::string& path) const {
        std::vector<std::string> sub;
        check(s, v, path, sub);
        return sub.empty();
    }

    static std::string join(const std::vector<std::string>& parts, std::size_t limit = 4) {
        std::string out;
        for (std::size_t i = 0; i < parts.size() && i < limit; ++i) out += (i ? "; " : "") + parts[i];
        if (parts.size() > limit) out += "; ...";
        return out;
    }

    void check(const json& s, const json& v, const std::string& path, std::vector<std::string>& errors) const {
        if (s.is_boolean()) {
            if (!s.get<bool>()) add(errors, path, "no value is allowed here (schema false)");
            return;
        }
        auto kw = [&s](const char* name) -> const json* {
            auto it = s.find(name);
            return it == s.end() ? nullptr : &*it;
        };

        if (const json* r = kw("$ref")) check(*refs_.at(r->get<std::string>()), v, path, errors);

        if (const json* t = kw("type")) {
            bool ok = false;
            if (t->is_string()) {
                ok = has_type(v, t->get_ref<const std::string&>());
            } else {
                for (const auto& n : *t) ok = ok || has_type(v, n.get_ref<const std::string&>());
            }
            if (!ok) {
                std::string names;
                for (const auto& n : t->is_array() ? *t : json::array({*t}))
                    names += (names.empty() ? "" : " or ") + n.get<std::string>();
                add(errors, path, "expected " + names + ", got " + kind_of(v));
            }
        }
        if (const json* e = kw("enum")) {
            bool ok = false;
            for (const auto& x : *e) ok = ok || x == v;
            if (!ok) add(errors, path, "value " + show(v) + " is not one of " + show(*e));
        }
        if (const json* c = kw("const"))
            if (!(*c == v)) add(errors, path, "value " + show(v) + " is not " + show(*c));

        if (v.is_number()) check_number(s, v, path, errors);
        if (v.is_string()) check_string(s, v, path, errors);
        if (v.is_array()) check_array(s, v, path, errors);
        if (v.is_object()) check_object(s, v, path, errors);

        if (const json* all = kw("allOf"))
            for (const auto& sub : *all) check(sub, v, path, errors);
        if (const json* any = kw("anyOf")) {
            std::vector<std::string> why;
            bool ok = false;
            for (const auto& sub : *any) {
                std::vector<std::string> e;
                check(sub, v, path, e);
                if (e.empty()) {
                    ok = true;
                    break;
                }
                why.push_back(join(e, 2));
            }
            if (!ok) add(errors, path, "matches none of anyOf: [" + join(why) + "]");
        }
        if (const json* one = kw("oneOf")) {
            std::size_t n = 0;
            std::vector<std::string> why;
            for (const auto& sub : *one) {
                std::vector<std::string> e;
                check(sub, v, path, e);
                if (e.empty())
                    ++n;
                else
                    why.push_back(join(e, 2));
            }
            if (n == 0) add(errors, path, "matches none of oneOf: [" + join(why) + "]");
            if (n > 1) add(errors, path, "matches " + std::to_string(n) + " schemas of oneOf, expected exactly 1");
        }
        if (const json* no = kw("not"))
            if (matches(*no, v, path)) add(errors, path, "matches a schema it must not match (not)");
    }

    void check_number(const json& s, const json& v, const std::string& path, std::vector<std::string>& errors) const {
        const long double x = num(v);
        auto it = s.find("minimum");
        if (it != s.end() && x < num(*it)) add(errors, path, show(v) + " is less than the minimum " + show(*it));
        it = s.find("maximum");
        if (it != s.end() && x > num(*it)) add(errors, path, show(v) + " is greater than the maximum " + show(*it));
        it = s.find("exclusiveMinimum");
        if (it != s.end() && x <= num(*it))
            add(errors, path, show(v) + " is not greater than the exclusive minimum " + show(*it));
        it = s.find("exclusiveMaximum");
        if (it != s.end() && x >= num(*it))
            add(errors, path, show(v) + " is not less than the exclusive maximum " + show(*it));
        it = s.find("multipleOf");
        if (it != s.end()) {
            long double q = x / num(*it);
            if (std::floor(q) != q) add(errors, path, show(v) + " is not a multiple of " + show(*it));
        }
    }

    void check_string(const json& s, const json& v, const std::string& path, std::vector<std::string>& errors) const {
        const auto& str = v.get_ref<const std::string&>();
        auto it = s.find("minLength");
        if (it != s.end() && code_points(str) < it->get<std::size_t>())
            add(errors, path, "string is shorter than " + show(*it) + " characters");
        it = s.find("maxLength");
        if (it != s.end() && code_points(str) > it->get<std::size_t>())
            add(errors, path, "string is longer than " + show(*it) + " characters");
        it = s.find("pattern");
        if (it != s.end() && !std::regex_search(str, regexes_.at(it->get<std::string>())))
            add(errors, path, "string " + show(v) + " does not match the pattern " + show(*it));
    }

    void check_array(const json& s, const json& v, const std::string& path, std::vector<std::string>& errors) const {
        const std::size_t n = v.size();
        auto it = s.find("minItems");
        if (it != s.end() && n < it->get<std::size_t>())
            add(errors, path, "array has " + std::to_string(n) + " items, fewer than " + show(*it));
        it = s.find("maxItems");
        if (it != s.end() && n > it->get<std::size_t>())
            add(errors, path, "array has " + std::to_string(n) + " items, more than " + show(*it));

        // Items covered positionally: prefixItems (2020-12) or an items list (draft-07).
        std::size_t covered = 0;
        const json* rest = nullptr;
        auto prefix = s.find("prefixItems");
        auto items = s.find("items");
        const json* tuple = nullptr;
        if (prefix != s.end()) {
            tuple = &*prefix;
            if (items != s.end()) rest = &*items;
        } else if (items != s.end() && items->is_array()) {
            tuple = &*items;
            auto more = s.find("additionalItems");
            if (more != s.end()) rest = &*more;
        } else if (items != s.end()) {
            rest = &*items;
        }
        if (tuple) {
            covered = std::min(n, tuple->size());
            for (std::size_t i = 0; i < covered; ++i) check((*tuple)[i], v[i], path + "/" + std::to_string(i), errors);
        }
        if (rest)
            for (std::size_t i = covered; i < n; ++i) check(*rest, v[i], path + "/" + std::to_string(i), errors);

        it = s.find("uniqueItems");
        if (it != s.end() && it->get<bool>()) {
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = i + 1; j < n; ++j)
                    if (v[i] == v[j])
                        add(errors, path, "items " + std::to_string(i) + " and " + std::to_string(j) + " are equal");
        }
        it = s.find("contains");
        if (it != s.end()) {
            bool found = false;
            for (std::size_t i = 0; i < n && !found; ++i) found = matches(*it, v[i], path + "/" + std::to_string(i));
            if (!found) add(errors, path, "no item matches the contains schema");
        }
    }

    void check_object(const json& s, const json& v, const std::string& path, std::vector<std::string>& errors) const {
        auto it = s.find("required");
        if (it != s.end())
            for (const auto& name : *it)
                if (!v.contains(name.get<std::string>()))
                    add(errors, path, "missing required property \"" + name.get<std::string>() + "\"");
        it = s.find("minProperties");
        if (it != s.end() && v.size() < it->get<std::size_t>())
            add(errors, path, "object has fewer than " + show(*it) + " properties");
        it = s.find("maxProperties");
        if (it != s.end() && v.size() > it->get<std::size_t>())
            add(errors, path, "object has more than " + show(*it) + " properties");

        auto props = s.find("properties");
        auto patterns = s.find("patternProperties");
        auto additional = s.find("additionalProperties");
        auto names = s.find("propertyNames");
        for (auto p = v.begin(); p != v.end(); ++p) {
            const std::string& key = p.key();
            const std::string at = path + "/" + escape_pointer_token(key);
            bool known = false;
            if (props != s.end()) {
                auto sub = props->find(key);
                if (sub != props->end()) {
                    known = true;
                    check(*sub, p.value(), at, errors);
                }
            }
            if (patterns != s.end())
                for (auto q = patterns->begin(); q != patterns->end(); ++q)
                    if (std::regex_search(key, regexes_.at(q.key()))) {
                        known = true;
                        check(q.value(), p.value(), at, errors);
                    }
            if (!known && additional != s.end()) {
                if (additional->is_boolean() && !additional->get<bool>())
                    add(errors, path, "property \"" + key + "\" is not allowed");
                else
                    check(*additional, p.value(), at, errors);
            }
            if (names != s.end()) {
                std::vector<std::string> e;
                check(*names, json(key), at, e);
                if (!e.empty()) add(errors, path, "property name \"" + key + "\" is invalid: " + join(e, 2));
            }
        }
    }
};

}  // namespace schema_check

#endif  // REPORTAGE_TESTS_SCHEMA_VALIDATOR_HPP
