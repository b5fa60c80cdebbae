// reportage — the report model as JSON (contract `reportage/1`, docs/report.schema.json).
//
// Needs nlohmann/json (3.9 or later). Everything here is inline except to_json_string(),
// which is compiled into the library (src/json/write.cpp).
//
// Writing: `to_json` emits every field of the contract for every object, always: an absent
// optional is JSON null, an empty list is [], empty counts are {}. Spans are [begin, end]
// arrays. Enums are their contract strings (the to_string() names in model.hpp). Writing
// never throws except std::bad_alloc; it does not validate (an out-of-contract value in the
// model, e.g. an unknown count key, is written as it is).
//
// Reading: `from_json` accepts exactly what `to_json` writes and ignores keys it does not
// know (the contract allows added fields). It throws reportage::Error, with a message
// naming the object and field, when a contract field is missing or has the wrong JSON
// type, an enum string is unknown, a span is not two non-negative integers, a count key is
// not one of killed/injured/detained/participants/displaced, or the schema tag is not
// "reportage/1". For every report the library produces, to_json(from_json(j)) == j.
//
// The `void to_json(nlohmann::json&, const T&)` / `void from_json(const nlohmann::json&, T&)`
// pairs are found by argument-dependent lookup, so `nlohmann::json j = report;` and
// `j.get<reportage::Report>()` work too.
#ifndef REPORTAGE_JSON_HPP
#define REPORTAGE_JSON_HPP

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "reportage/export.hpp"
#include "reportage/model.hpp"
#include "reportage/parse.hpp"  // reportage::Error

namespace reportage {

namespace json_detail {

using json = nlohmann::json;

[[noreturn]] inline void fail(const std::string& what) {
    throw Error("reportage: invalid report JSON: " + what);
}

inline std::string type_of(const json& v) { return v.type_name(); }

// The member `key` of object `obj`; `where` names the object in messages ("Claim").
inline const json& field(const json& obj, const char* where, const char* key) {
    if (!obj.is_object()) fail(std::string(where) + " must be an object, got " + type_of(obj));
    auto it = obj.find(key);
    if (it == obj.end()) fail(std::string(where) + " lacks the field \"" + key + "\"");
    return *it;
}

inline std::string name_of(const char* where, const char* key) {
    return std::string(where) + "." + key;
}

inline std::string get_string(const json& v, const std::string& name) {
    if (!v.is_string()) fail(name + " must be a string, got " + type_of(v));
    return v.get<std::string>();
}

inline std::optional<std::string> get_opt_string(const json& v, const std::string& name) {
    if (v.is_null()) return std::nullopt;
    if (!v.is_string()) fail(name + " must be a string or null, got " + type_of(v));
    return v.get<std::string>();
}

inline bool get_bool(const json& v, const std::string& name) {
    if (!v.is_boolean()) fail(name + " must be a boolean, got " + type_of(v));
    return v.get<bool>();
}

// A JSON integer within [lo, hi]. Floats (even 1.0) are rejected: the writer never emits them.
inline std::int64_t get_int(const json& v, const std::string& name, std::int64_t lo, std::int64_t hi) {
    if (v.is_number_unsigned()) {
        auto u = v.get<std::uint64_t>();
        if (hi >= 0 && u <= static_cast<std::uint64_t>(hi)) return static_cast<std::int64_t>(u);
        fail(name + " is out of range: " + v.dump());
    }
    if (v.is_number_integer()) {
        auto i = v.get<std::int64_t>();
        if (i >= lo && i <= hi) return i;
        fail(name + " is out of range: " + v.dump());
    }
    fail(name + " must be an integer, got " + type_of(v));
}

inline std::size_t get_size(const json& v, const std::string& name) {
    if (v.is_number_unsigned()) {
        auto u = v.get<std::uint64_t>();
        if (u <= std::numeric_limits<std::size_t>::max()) return static_cast<std::size_t>(u);
        fail(name + " is out of range: " + v.dump());
    }
    if (v.is_number_integer()) fail(name + " must not be negative: " + v.dump());
    fail(name + " must be a non-negative integer, got " + type_of(v));
}

inline std::string field_string(const json& obj, const char* where, const char* key) {
    return get_string(field(obj, where, key), name_of(where, key));
}

inline std::optional<std::string> field_opt_string(const json& obj, const char* where, const char* key) {
    return get_opt_string(field(obj, where, key), name_of(where, key));
}

inline bool field_bool(const json& obj, const char* where, const char* key) {
    return get_bool(field(obj, where, key), name_of(where, key));
}

inline json opt(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

template <class T>
json opt_obj(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

inline json opt_int(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

template <class T>
json list(const std::vector<T>& items) {
    json a = json::array();
    for (const T& x : items) a.push_back(json(x));
    return a;
}

// `v` must be an array; each element is converted with `conv(element, "where.key[i]")`.
template <class T, class Conv>
std::vector<T> get_list(const json& v, const std::string& name, Conv conv) {
    if (!v.is_array()) fail(name + " must be an array, got " + type_of(v));
    std::vector<T> out;
    out.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) out.push_back(conv(v[i], name + "[" + std::to_string(i) + "]"));
    return out;
}

// Wraps a conversion done by a from_json() overload so its messages keep their context.
template <class T>
T get_obj(const json& v, const std::string& name) {
    try {
        T out{};
        from_json(v, out);
        return out;
    } catch (const Error& e) {
        std::string msg = e.what();
        static const std::string prefix = "reportage: invalid report JSON: ";
        if (msg.compare(0, prefix.size(), prefix) == 0) msg.erase(0, prefix.size());
        fail("in " + name + ": " + msg);
    }
}

template <class T>
std::optional<T> get_opt_obj(const json& v, const std::string& name) {
    if (v.is_null()) return std::nullopt;
    return get_obj<T>(v, name);
}

inline Span get_span(const json& v, const std::string& name) {
    if (!v.is_array() || v.size() != 2)
        fail(name + " must be a span [begin, end], got " + (v.is_array() ? v.dump() : type_of(v)));
    Span s;
    s.begin = get_size(v[0], name + "[0]");
    s.end = get_size(v[1], name + "[1]");
    if (s.end < s.begin) fail(name + " ends before it begins: " + v.dump());
    return s;
}

inline std::optional<Span> get_opt_span(const json& v, const std::string& name) {
    if (v.is_null()) return std::nullopt;
    return get_span(v, name);
}

// The enum value whose contract name is `s`; `E` lists values first..last by cast order.
template <class E, std::size_t N>
E enum_from(const json& v, const std::string& name, const E (&values)[N]) {
    if (!v.is_string()) fail(name + " must be a string, got " + type_of(v));
    const auto& s = v.get_ref<const std::string&>();
    for (E e : values)
        if (s == to_string(e)) return e;
    std::string expected;
    for (E e : values) {
        if (!expected.empty()) expected += ", ";
        expected += to_string(e);
    }
    fail(name + ": unknown value \"" + s + "\" (expected one of " + expected + ")");
}

inline constexpr PublishedOrigin published_origins[] = {PublishedOrigin::given, PublishedOrigin::text,
                                                        PublishedOrigin::inferred, PublishedOrigin::unknown};
inline constexpr SourceKind source_kinds[] = {SourceKind::person, SourceKind::organization, SourceKind::group,
                                              SourceKind::media,  SourceKind::document,     SourceKind::unknown};
inline constexpr ClaimKind claim_kinds[] = {ClaimKind::direct, ClaimKind::mixed, ClaimKind::indirect,
                                            ClaimKind::according_to};
inline constexpr TimexType timex_types[] = {TimexType::date, TimexType::time, TimexType::duration,
                                            TimexType::set};
inline constexpr CountQualifier count_qualifiers[] = {
    CountQualifier::exact,   CountQualifier::approx, CountQualifier::at_least, CountQualifier::more_than,
    CountQualifier::at_most, CountQualifier::range,  CountQualifier::vague};
inline constexpr ActorRole actor_roles[] = {ActorRole::agent, ActorRole::target};
inline constexpr Severity severities[] = {Severity::info, Severity::warning, Severity::error};

inline constexpr const char* count_keys[] = {"killed", "injured", "detained", "participants", "displaced"};

inline std::vector<Span> get_spans(const json& v, const std::string& name) {
    return get_list<Span>(v, name, get_span);
}

inline std::vector<std::string> get_strings(const json& v, const std::string& name) {
    return get_list<std::string>(v, name, get_string);
}

template <class T>
std::vector<T> get_objs(const json& v, const std::string& name) {
    return get_list<T>(v, name, [](const json& e, const std::string& n) { return get_obj<T>(e, n); });
}

}  // namespace json_detail

// ---------------------------------------------------------------- enums

inline void to_json(nlohmann::json& j, PublishedOrigin v) { j = to_string(v); }
inline void to_json(nlohmann::json& j, SourceKind v) { j = to_string(v); }
inline void to_json(nlohmann::json& j, ClaimKind v) { j = to_string(v); }
inline void to_json(nlohmann::json& j, TimexType v) { j = to_string(v); }
inline void to_json(nlohmann::json& j, CountQualifier v) { j = to_string(v); }
inline void to_json(nlohmann::json& j, ActorRole v) { j = to_string(v); }
inline void to_json(nlohmann::json& j, Severity v) { j = to_string(v); }

inline void from_json(const nlohmann::json& j, PublishedOrigin& v) {
    v = json_detail::enum_from(j, "published.origin", json_detail::published_origins);
}
inline void from_json(const nlohmann::json& j, SourceKind& v) {
    v = json_detail::enum_from(j, "Source.kind", json_detail::source_kinds);
}
inline void from_json(const nlohmann::json& j, ClaimKind& v) {
    v = json_detail::enum_from(j, "Claim.kind", json_detail::claim_kinds);
}
inline void from_json(const nlohmann::json& j, TimexType& v) {
    v = json_detail::enum_from(j, "Timex.type", json_detail::timex_types);
}
inline void from_json(const nlohmann::json& j, CountQualifier& v) {
    v = json_detail::enum_from(j, "Count.qualifier", json_detail::count_qualifiers);
}
inline void from_json(const nlohmann::json& j, ActorRole& v) {
    v = json_detail::enum_from(j, "Actor.role", json_detail::actor_roles);
}
inline void from_json(const nlohmann::json& j, Severity& v) {
    v = json_detail::enum_from(j, "Diagnostic.severity", json_detail::severities);
}

// ---------------------------------------------------------------- Span, Text

inline void to_json(nlohmann::json& j, const Span& s) { j = nlohmann::json::array({s.begin, s.end}); }
inline void from_json(const nlohmann::json& j, Span& s) { s = json_detail::get_span(j, "span"); }

inline void to_json(nlohmann::json& j, const Text& t) { j = {{"text", t.text}, {"span", t.span}}; }
inline void from_json(const nlohmann::json& j, Text& t) {
    using namespace json_detail;
    t.text = field_string(j, "Text", "text");
    t.span = get_span(field(j, "Text", "span"), "Text.span");
}

// ---------------------------------------------------------------- article

inline void to_json(nlohmann::json& j, const Outlet& o) {
    j = {{"name", json_detail::opt(o.name)}, {"tagline", json_detail::opt(o.tagline)}};
}
inline void from_json(const nlohmann::json& j, Outlet& o) {
    using namespace json_detail;
    o.name = field_opt_string(j, "Outlet", "name");
    o.tagline = field_opt_string(j, "Outlet", "tagline");
}

inline void to_json(nlohmann::json& j, const Author& a) {
    j = {{"name", a.name}, {"role", json_detail::opt(a.role)}, {"span", a.span}};
}
inline void from_json(const nlohmann::json& j, Author& a) {
    using namespace json_detail;
    a.name = field_string(j, "Author", "name");
    a.role = field_opt_string(j, "Author", "role");
    a.span = get_span(field(j, "Author", "span"), "Author.span");
}

inline void to_json(nlohmann::json& j, const Published& p) {
    j = {{"date", json_detail::opt(p.date)}, {"origin", p.origin}};
}
inline void from_json(const nlohmann::json& j, Published& p) {
    using namespace json_detail;
    p.date = field_opt_string(j, "Published", "date");
    from_json(field(j, "Published", "origin"), p.origin);
}

inline void to_json(nlohmann::json& j, const Dateline& d) {
    j = {{"place", d.place}, {"agency", json_detail::opt(d.agency)}, {"span", d.span}};
}
inline void from_json(const nlohmann::json& j, Dateline& d) {
    using namespace json_detail;
    d.place = field_string(j, "Dateline", "place");
    d.agency = field_opt_string(j, "Dateline", "agency");
    d.span = get_span(field(j, "Dateline", "span"), "Dateline.span");
}

inline void to_json(nlohmann::json& j, const Media& m) {
    j = {{"caption", m.caption}, {"credit", json_detail::opt(m.credit)}};
}
inline void from_json(const nlohmann::json& j, Media& m) {
    using namespace json_detail;
    m.caption = get_obj<Text>(field(j, "Media", "caption"), "Media.caption");
    m.credit = field_opt_string(j, "Media", "credit");
}

inline void to_json(nlohmann::json& j, const Article& a) {
    using namespace json_detail;
    j = {{"outlet", a.outlet},
         {"headline", opt_obj(a.headline)},
         {"standfirst", opt_obj(a.standfirst)},
         {"authors", list(a.authors)},
         {"agencies", list(a.agencies)},
         {"published", a.published},
         {"dateline", opt_obj(a.dateline)},
         {"media", list(a.media)},
         {"paragraphs", list(a.paragraphs)},
         {"see_also", list(a.see_also)},
         {"author_bio", opt_obj(a.author_bio)},
         {"boilerplate", list(a.boilerplate)}};
}
inline void from_json(const nlohmann::json& j, Article& a) {
    using namespace json_detail;
    const char* w = "article";
    a.outlet = get_obj<Outlet>(field(j, w, "outlet"), "article.outlet");
    a.headline = get_opt_obj<Text>(field(j, w, "headline"), "article.headline");
    a.standfirst = get_opt_obj<Text>(field(j, w, "standfirst"), "article.standfirst");
    a.authors = get_objs<Author>(field(j, w, "authors"), "article.authors");
    a.agencies = get_strings(field(j, w, "agencies"), "article.agencies");
    a.published = get_obj<Published>(field(j, w, "published"), "article.published");
    a.dateline = get_opt_obj<Dateline>(field(j, w, "dateline"), "article.dateline");
    a.media = get_objs<Media>(field(j, w, "media"), "article.media");
    a.paragraphs = get_objs<Text>(field(j, w, "paragraphs"), "article.paragraphs");
    a.see_also = get_objs<Text>(field(j, w, "see_also"), "article.see_also");
    a.author_bio = get_opt_obj<Text>(field(j, w, "author_bio"), "article.author_bio");
    a.boilerplate = get_objs<Text>(field(j, w, "boilerplate"), "article.boilerplate");
}

// ---------------------------------------------------------------- sources

inline void to_json(nlohmann::json& j, const Source& s) {
    using namespace json_detail;
    j = {{"id", s.id},
         {"name", s.name},
         {"kind", s.kind},
         {"named", s.named},
         {"official", s.official},
         {"role", opt(s.role)},
         {"affiliation", opt(s.affiliation)},
         {"mentions", list(s.mentions)}};
}
inline void from_json(const nlohmann::json& j, Source& s) {
    using namespace json_detail;
    const char* w = "Source";
    s.id = field_string(j, w, "id");
    s.name = field_string(j, w, "name");
    from_json(field(j, w, "kind"), s.kind);
    s.named = field_bool(j, w, "named");
    s.official = field_bool(j, w, "official");
    s.role = field_opt_string(j, w, "role");
    s.affiliation = field_opt_string(j, w, "affiliation");
    s.mentions = get_spans(field(j, w, "mentions"), "Source.mentions");
}

// ---------------------------------------------------------------- claims

inline void to_json(nlohmann::json& j, const Content& c) {
    j = {{"text", c.text}, {"spans", json_detail::list(c.spans)}};
}
inline void from_json(const nlohmann::json& j, Content& c) {
    using namespace json_detail;
    c.text = field_string(j, "Content", "text");
    c.spans = get_spans(field(j, "Content", "spans"), "Content.spans");
}

inline void to_json(nlohmann::json& j, const Cue& c) {
    j = {{"text", c.text}, {"lemma", c.lemma}, {"span", c.span}};
}
inline void from_json(const nlohmann::json& j, Cue& c) {
    using namespace json_detail;
    c.text = field_string(j, "Cue", "text");
    c.lemma = field_string(j, "Cue", "lemma");
    c.span = get_span(field(j, "Cue", "span"), "Cue.span");
}

inline void to_json(nlohmann::json& j, const Claim& c) {
    using namespace json_detail;
    j = {{"id", c.id},
         {"kind", c.kind},
         {"content", c.content},
         {"source", opt(c.source)},
         {"source_mention", opt_obj(c.source_mention)},
         {"cue", opt_obj(c.cue)},
         {"inherited", c.inherited},
         {"nested_in", opt(c.nested_in)},
         {"paragraph", c.paragraph ? json(*c.paragraph) : json(nullptr)}};
}
inline void from_json(const nlohmann::json& j, Claim& c) {
    using namespace json_detail;
    const char* w = "Claim";
    c.id = field_string(j, w, "id");
    from_json(field(j, w, "kind"), c.kind);
    c.content = get_obj<Content>(field(j, w, "content"), "Claim.content");
    c.source = field_opt_string(j, w, "source");
    c.source_mention = get_opt_span(field(j, w, "source_mention"), "Claim.source_mention");
    c.cue = get_opt_obj<Cue>(field(j, w, "cue"), "Claim.cue");
    c.inherited = field_bool(j, w, "inherited");
    c.nested_in = field_opt_string(j, w, "nested_in");
    const auto& p = field(j, w, "paragraph");
    if (p.is_null())
        c.paragraph.reset();
    else
        c.paragraph = static_cast<int>(get_int(p, "Claim.paragraph", 0, std::numeric_limits<int>::max()));
}

// ---------------------------------------------------------------- time

inline void to_json(nlohmann::json& j, const Timex& t) {
    j = {{"id", t.id},       {"text", t.text},   {"span", t.span},
         {"type", t.type},   {"value", t.value}, {"anchor", json_detail::opt(t.anchor)}};
}
inline void from_json(const nlohmann::json& j, Timex& t) {
    using namespace json_detail;
    const char* w = "Timex";
    t.id = field_string(j, w, "id");
    t.text = field_string(j, w, "text");
    t.span = get_span(field(j, w, "span"), "Timex.span");
    from_json(field(j, w, "type"), t.type);
    t.value = field_string(j, w, "value");
    t.anchor = field_opt_string(j, w, "anchor");
}

// ---------------------------------------------------------------- events

inline void to_json(nlohmann::json& j, const Count& c) {
    using namespace json_detail;
    j = {{"value", opt_int(c.value)}, {"low", opt_int(c.low)}, {"high", opt_int(c.high)},
         {"qualifier", c.qualifier},  {"text", c.text},        {"span", c.span}};
}
inline void from_json(const nlohmann::json& j, Count& c) {
    using namespace json_detail;
    const char* w = "Count";
    constexpr auto lo = std::numeric_limits<std::int64_t>::min();
    constexpr auto hi = std::numeric_limits<std::int64_t>::max();
    for (auto [key, slot] : {std::pair{"value", &c.value}, std::pair{"low", &c.low}, std::pair{"high", &c.high}}) {
        const auto& v = field(j, w, key);
        if (v.is_null())
            slot->reset();
        else
            *slot = get_int(v, name_of(w, key), lo, hi);
    }
    from_json(field(j, w, "qualifier"), c.qualifier);
    c.text = field_string(j, w, "text");
    c.span = get_span(field(j, w, "span"), "Count.span");
}

inline void to_json(nlohmann::json& j, const Acled& a) {
    j = {{"event_type", a.event_type}, {"sub_event_type", a.sub_event_type}};
}
inline void from_json(const nlohmann::json& j, Acled& a) {
    using namespace json_detail;
    a.event_type = field_string(j, "Acled", "event_type");
    a.sub_event_type = field_string(j, "Acled", "sub_event_type");
}

inline void to_json(nlohmann::json& j, const EventDate& d) {
    j = {{"value", d.value}, {"timex", json_detail::opt(d.timex)}};
}
inline void from_json(const nlohmann::json& j, EventDate& d) {
    using namespace json_detail;
    d.value = field_string(j, "EventDate", "value");
    d.timex = field_opt_string(j, "EventDate", "timex");
}

inline void to_json(nlohmann::json& j, const Place& p) { j = {{"name", p.name}, {"span", p.span}}; }
inline void from_json(const nlohmann::json& j, Place& p) {
    using namespace json_detail;
    p.name = field_string(j, "Place", "name");
    p.span = get_span(field(j, "Place", "span"), "Place.span");
}

inline void to_json(nlohmann::json& j, const Actor& a) {
    j = {{"role", a.role}, {"name", a.name}, {"span", a.span}, {"source", json_detail::opt(a.source)}};
}
inline void from_json(const nlohmann::json& j, Actor& a) {
    using namespace json_detail;
    from_json(field(j, "Actor", "role"), a.role);
    a.name = field_string(j, "Actor", "name");
    a.span = get_span(field(j, "Actor", "span"), "Actor.span");
    a.source = field_opt_string(j, "Actor", "source");
}

inline void to_json(nlohmann::json& j, const Event& e) {
    using namespace json_detail;
    json counts = json::object();
    for (const auto& [key, count] : e.counts) counts[key] = count;
    j = {{"id", e.id},
         {"type", e.type},
         {"acled", opt_obj(e.acled)},
         {"trigger", e.trigger},
         {"date", opt_obj(e.date)},
         {"end_date", opt_obj(e.end_date)},
         {"place", opt_obj(e.place)},
         {"actors", list(e.actors)},
         {"counts", std::move(counts)},
         {"claims", list(e.claims)},
         {"sources", list(e.sources)}};
}
inline void from_json(const nlohmann::json& j, Event& e) {
    using namespace json_detail;
    const char* w = "Event";
    e.id = field_string(j, w, "id");
    e.type = field_string(j, w, "type");
    e.acled = get_opt_obj<Acled>(field(j, w, "acled"), "Event.acled");
    e.trigger = get_obj<Text>(field(j, w, "trigger"), "Event.trigger");
    e.date = get_opt_obj<EventDate>(field(j, w, "date"), "Event.date");
    e.end_date = get_opt_obj<EventDate>(field(j, w, "end_date"), "Event.end_date");
    e.place = get_opt_obj<Place>(field(j, w, "place"), "Event.place");
    e.actors = get_objs<Actor>(field(j, w, "actors"), "Event.actors");
    const auto& counts = field(j, w, "counts");
    if (!counts.is_object()) fail("Event.counts must be an object, got " + type_of(counts));
    e.counts.clear();
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        bool known = false;
        for (const char* k : count_keys) known = known || it.key() == k;
        if (!known)
            fail("Event.counts: unknown key \"" + it.key() +
                 "\" (expected one of killed, injured, detained, participants, displaced)");
        e.counts.emplace(it.key(), get_obj<Count>(it.value(), "Event.counts." + it.key()));
    }
    e.claims = get_strings(field(j, w, "claims"), "Event.claims");
    e.sources = get_strings(field(j, w, "sources"), "Event.sources");
}

// ---------------------------------------------------------------- diagnostics, report

inline void to_json(nlohmann::json& j, const Diagnostic& d) {
    j = {{"code", d.code},
         {"severity", d.severity},
         {"message", d.message},
         {"span", json_detail::opt_obj(d.span)}};
}
inline void from_json(const nlohmann::json& j, Diagnostic& d) {
    using namespace json_detail;
    d.code = field_string(j, "Diagnostic", "code");
    from_json(field(j, "Diagnostic", "severity"), d.severity);
    d.message = field_string(j, "Diagnostic", "message");
    d.span = get_opt_span(field(j, "Diagnostic", "span"), "Diagnostic.span");
}

inline void to_json(nlohmann::json& j, const InputInfo& i) {
    j = {{"name", json_detail::opt(i.name)}, {"bytes", i.bytes}};
}
inline void from_json(const nlohmann::json& j, InputInfo& i) {
    using namespace json_detail;
    i.name = field_opt_string(j, "input", "name");
    i.bytes = get_size(field(j, "input", "bytes"), "input.bytes");
}

inline void to_json(nlohmann::json& j, const Report& r) {
    using namespace json_detail;
    j = {{"schema", r.schema},   {"input", r.input},     {"article", r.article},
         {"sources", list(r.sources)}, {"claims", list(r.claims)}, {"timexes", list(r.timexes)},
         {"events", list(r.events)},   {"diagnostics", list(r.diagnostics)}};
}
inline void from_json(const nlohmann::json& j, Report& r) {
    using namespace json_detail;
    const char* w = "report";
    r.schema = field_string(j, w, "schema");
    if (r.schema != schema_tag)
        fail("unsupported schema tag \"" + r.schema + "\" (expected \"" + schema_tag + "\")");
    r.input = get_obj<InputInfo>(field(j, w, "input"), "input");
    r.article = get_obj<Article>(field(j, w, "article"), "article");
    r.sources = get_objs<Source>(field(j, w, "sources"), "sources");
    r.claims = get_objs<Claim>(field(j, w, "claims"), "claims");
    r.timexes = get_objs<Timex>(field(j, w, "timexes"), "timexes");
    r.events = get_objs<Event>(field(j, w, "events"), "events");
    r.diagnostics = get_objs<Diagnostic>(field(j, w, "diagnostics"), "diagnostics");
}

// ---------------------------------------------------------------- convenience

// The report as a JSON value. Throws only std::bad_alloc.
inline nlohmann::json to_json(const Report& report) {
    nlohmann::json j;
    to_json(j, report);
    return j;
}

// The report a JSON value describes. Throws reportage::Error when `j` does not follow the
// contract (see the top of this file); the message names the offending field.
inline Report from_json(const nlohmann::json& j) {
    Report r;
    try {
        from_json(j, r);
    } catch (const nlohmann::json::exception& e) {
        json_detail::fail(e.what());
    }
    return r;
}

// The report as JSON text: compact when indent < 0, else pretty-printed with `indent`
// spaces. Invalid UTF-8 in any string is written as U+FFFD, so this never throws for
// encoding reasons (only std::bad_alloc). The text is byte for byte
// `to_json(report).dump(indent, ' ', false, nlohmann::json::error_handler_t::replace)`,
// but it is written directly, without building the JSON value: one allocation of the
// exact size, time linear in the output.
REPORTAGE_API std::string to_json_string(const Report& report, int indent = -1);

// The report that JSON text describes. Throws reportage::Error when the text is not JSON
// or does not follow the contract.
inline Report report_from_json_string(std::string_view text) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::exception& e) {
        json_detail::fail(std::string("not valid JSON: ") + e.what());
    }
    return from_json(j);
}

}  // namespace reportage

#endif  // REPORTAGE_JSON_HPP
