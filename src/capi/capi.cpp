// The C ABI (include/reportage/reportage.h) over the C++ library.
//
// Every exported function catches everything: no exception crosses into C. A report
// owns a reportage::Report and, built once at parse time, the C records whose string
// pointers borrow from it; so accessors are O(1), allocation-free and thread-safe.
#include "reportage/reportage.h"

#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <mutex>
#include <new>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "reportage/json.hpp"
#include "reportage/parse.hpp"
#include "reportage/query.hpp"
#include "reportage/version.hpp"

static_assert(RPT_VERSION_MAJOR == REPORTAGE_VERSION_MAJOR && RPT_VERSION_MINOR == REPORTAGE_VERSION_MINOR &&
                  RPT_VERSION_PATCH == REPORTAGE_VERSION_PATCH,
              "reportage.h and version.hpp disagree on the version");
static_assert(RPT_VERSION_NUMBER ==
                  RPT_VERSION_MAJOR * 1000000 + RPT_VERSION_MINOR * 1000 + RPT_VERSION_PATCH,
              "RPT_VERSION_NUMBER is out of date");

namespace {

using reportage::Span;

// ------------------------------------------------------------------ last error

struct LastError {
    std::string message;
    int code = RPT_OK;
    bool oom = false;  // the message itself could not be stored
};

LastError& last_error() {
    thread_local LastError e;
    return e;
}

int fail(int code, const char* message) noexcept {
    LastError& e = last_error();
    e.code = code;
    try {
        e.message = message;
        e.oom = false;
    } catch (...) {
        e.oom = true;
    }
    return code;
}

int fail(int code, const std::string& message) noexcept { return fail(code, message.c_str()); }

// Runs `f`, turning every exception into a status code and a message.
template <class F>
int guarded(F&& f) noexcept {
    try {
        return f();
    } catch (const std::bad_alloc&) {
        return fail(RPT_ENOMEM, "reportage: out of memory");
    } catch (const reportage::QueryError& e) {
        return fail(RPT_EQUERY, e.what());
    } catch (const reportage::Error& e) {
        return fail(RPT_EINVALID, e.what());
    } catch (const std::exception& e) {
        return fail(RPT_ERROR, std::string("reportage: internal error: ") + e.what());
    } catch (...) {
        return fail(RPT_ERROR, "reportage: internal error");
    }
}

int null_argument(const char* function, const char* argument) noexcept {
    std::string m;
    try {
        m = std::string(function) + ": " + argument + " must not be NULL";
    } catch (...) {
        return fail(RPT_EINVALID, "reportage: a required argument is NULL");
    }
    return fail(RPT_EINVALID, m);
}

// ------------------------------------------------------------------ conversions

rpt_span c_span(const Span& s) { return rpt_span{s.begin, s.end}; }

rpt_text c_text(const reportage::Text& t) { return rpt_text{t.text.c_str(), t.text.size(), c_span(t.span)}; }

rpt_text c_text(const std::optional<reportage::Text>& t) {
    return t ? c_text(*t) : rpt_text{nullptr, 0, rpt_span{0, 0}};
}

const char* c_str(const std::optional<std::string>& s) { return s ? s->c_str() : nullptr; }

long clamp_long(std::int64_t v) {
    if (v > LONG_MAX) return LONG_MAX;
    if (v < LONG_MIN) return LONG_MIN;
    return static_cast<long>(v);
}

using IdIndex = std::unordered_map<std::string_view, std::size_t>;

std::size_t index_of(const IdIndex& ids, const std::optional<std::string>& id) {
    if (!id) return RPT_NONE;
    auto it = ids.find(*id);
    return it == ids.end() ? RPT_NONE : it->second;
}

struct EventParts {
    std::vector<rpt_actor> actors;
    std::vector<rpt_count> counts;
    std::vector<std::size_t> claims;
    std::vector<std::size_t> sources;
};

}  // namespace

struct rpt_report {
    reportage::Report report;

    rpt_article article{};
    std::vector<rpt_author> authors;
    std::vector<const char*> agencies;
    std::vector<rpt_media> media;
    std::vector<rpt_text> paragraphs, see_also, boilerplate;
    std::vector<rpt_source> sources;
    std::vector<std::vector<rpt_span>> source_mentions;
    std::vector<rpt_claim> claims;
    std::vector<std::vector<rpt_span>> claim_spans;
    std::vector<rpt_timex> timexes;
    std::vector<rpt_event> events;
    std::vector<EventParts> event_parts;
    std::vector<rpt_diagnostic> diagnostics;

    // The report as JSON, made on first use (queries read it).
    mutable std::once_flag json_once;
    mutable nlohmann::json json;

    explicit rpt_report(reportage::Report r) : report(std::move(r)) { build(); }

    const nlohmann::json& as_json() const {
        std::call_once(json_once, [this] { json = reportage::to_json(report); });
        return json;
    }

private:
    void build();
    void build_article();
};

void rpt_report::build_article() {
    const reportage::Article& a = report.article;
    for (const auto& x : a.authors) authors.push_back(rpt_author{x.name.c_str(), c_str(x.role), c_span(x.span)});
    for (const auto& x : a.agencies) agencies.push_back(x.c_str());
    for (const auto& x : a.media) media.push_back(rpt_media{c_text(x.caption), c_str(x.credit)});
    for (const auto& x : a.paragraphs) paragraphs.push_back(c_text(x));
    for (const auto& x : a.see_also) see_also.push_back(c_text(x));
    for (const auto& x : a.boilerplate) boilerplate.push_back(c_text(x));

    rpt_article& c = article;
    c.outlet_name = c_str(a.outlet.name);
    c.outlet_tagline = c_str(a.outlet.tagline);
    c.headline = c_text(a.headline);
    c.standfirst = c_text(a.standfirst);
    c.author_count = authors.size();
    c.authors = authors.data();
    c.agency_count = agencies.size();
    c.agencies = agencies.data();
    c.published = c_str(a.published.date);
    c.published_origin = reportage::to_string(a.published.origin);
    c.has_dateline = a.dateline ? 1 : 0;
    c.dateline_place = a.dateline ? a.dateline->place.c_str() : nullptr;
    c.dateline_agency = a.dateline ? c_str(a.dateline->agency) : nullptr;
    c.dateline_span = a.dateline ? c_span(a.dateline->span) : rpt_span{0, 0};
    c.media_count = media.size();
    c.media = media.data();
    c.paragraph_count = paragraphs.size();
    c.paragraphs = paragraphs.data();
    c.see_also_count = see_also.size();
    c.see_also = see_also.data();
    c.author_bio = c_text(a.author_bio);
    c.boilerplate_count = boilerplate.size();
    c.boilerplate = boilerplate.data();
}

void rpt_report::build() {
    build_article();

    IdIndex source_ids, claim_ids, timex_ids;
    for (std::size_t i = 0; i < report.sources.size(); ++i) source_ids.emplace(report.sources[i].id, i);
    for (std::size_t i = 0; i < report.claims.size(); ++i) claim_ids.emplace(report.claims[i].id, i);
    for (std::size_t i = 0; i < report.timexes.size(); ++i) timex_ids.emplace(report.timexes[i].id, i);

    source_mentions.resize(report.sources.size());
    for (std::size_t i = 0; i < report.sources.size(); ++i) {
        const auto& s = report.sources[i];
        for (const Span& m : s.mentions) source_mentions[i].push_back(c_span(m));
        sources.push_back(rpt_source{s.id.c_str(), s.name.c_str(), reportage::to_string(s.kind),
                                     s.named ? 1 : 0, s.official ? 1 : 0, c_str(s.role),
                                     c_str(s.affiliation), source_mentions[i].size(),
                                     source_mentions[i].data()});
    }

    claim_spans.resize(report.claims.size());
    for (std::size_t i = 0; i < report.claims.size(); ++i) {
        const auto& x = report.claims[i];
        for (const Span& s : x.content.spans) claim_spans[i].push_back(c_span(s));
        rpt_claim c{};
        c.id = x.id.c_str();
        c.kind = reportage::to_string(x.kind);
        c.content = x.content.text.c_str();
        c.content_length = x.content.text.size();
        c.span_count = claim_spans[i].size();
        c.spans = claim_spans[i].data();
        c.source_id = c_str(x.source);
        c.source_index = index_of(source_ids, x.source);
        c.has_source_mention = x.source_mention ? 1 : 0;
        c.source_mention = x.source_mention ? c_span(*x.source_mention) : rpt_span{0, 0};
        c.cue = x.cue ? x.cue->text.c_str() : nullptr;
        c.cue_lemma = x.cue ? x.cue->lemma.c_str() : nullptr;
        c.cue_span = x.cue ? c_span(x.cue->span) : rpt_span{0, 0};
        c.inherited = x.inherited ? 1 : 0;
        c.nested_in_id = c_str(x.nested_in);
        c.nested_in_index = index_of(claim_ids, x.nested_in);
        c.paragraph = x.paragraph && *x.paragraph >= 0 ? static_cast<std::size_t>(*x.paragraph) : RPT_NONE;
        claims.push_back(c);
    }

    for (const auto& t : report.timexes)
        timexes.push_back(rpt_timex{t.id.c_str(), t.text.c_str(), c_span(t.span),
                                    reportage::to_string(t.type), t.value.c_str(), c_str(t.anchor),
                                    index_of(timex_ids, t.anchor)});

    event_parts.resize(report.events.size());
    for (std::size_t i = 0; i < report.events.size(); ++i) {
        const auto& e = report.events[i];
        EventParts& p = event_parts[i];
        for (const auto& a : e.actors)
            p.actors.push_back(rpt_actor{reportage::to_string(a.role), a.name.c_str(), c_span(a.span),
                                         c_str(a.source), index_of(source_ids, a.source)});
        for (const auto& [key, n] : e.counts)
            p.counts.push_back(rpt_count{key.c_str(), n.value ? 1 : 0, n.value ? clamp_long(*n.value) : 0,
                                         n.low ? 1 : 0, n.low ? clamp_long(*n.low) : 0, n.high ? 1 : 0,
                                         n.high ? clamp_long(*n.high) : 0, reportage::to_string(n.qualifier),
                                         n.text.c_str(), c_span(n.span)});
        for (const auto& id : e.claims) {
            const std::size_t k = index_of(claim_ids, id);
            if (k != RPT_NONE) p.claims.push_back(k);
        }
        for (const auto& id : e.sources) {
            const std::size_t k = index_of(source_ids, id);
            if (k != RPT_NONE) p.sources.push_back(k);
        }
        rpt_event c{};
        c.id = e.id.c_str();
        c.type = e.type.c_str();
        c.acled_event_type = e.acled ? e.acled->event_type.c_str() : nullptr;
        c.acled_sub_event_type = e.acled ? e.acled->sub_event_type.c_str() : nullptr;
        c.trigger = c_text(e.trigger);
        c.date = e.date ? e.date->value.c_str() : nullptr;
        c.date_timex_index = e.date ? index_of(timex_ids, e.date->timex) : RPT_NONE;
        c.end_date = e.end_date ? e.end_date->value.c_str() : nullptr;
        c.end_date_timex_index = e.end_date ? index_of(timex_ids, e.end_date->timex) : RPT_NONE;
        c.place = e.place ? e.place->name.c_str() : nullptr;
        c.place_span = e.place ? c_span(e.place->span) : rpt_span{0, 0};
        c.actor_count = p.actors.size();
        c.actors = p.actors.data();
        c.count_count = p.counts.size();
        c.counts = p.counts.data();
        c.claim_count = p.claims.size();
        c.claims = p.claims.data();
        c.source_count = p.sources.size();
        c.sources = p.sources.data();
        events.push_back(c);
    }

    for (const auto& d : report.diagnostics)
        diagnostics.push_back(rpt_diagnostic{d.code.c_str(), reportage::to_string(d.severity),
                                             d.message.c_str(), d.span ? 1 : 0,
                                             d.span ? c_span(*d.span) : rpt_span{0, 0}});
}

namespace {

// Copies `s` into a NUL-terminated buffer for rpt_string_free().
char* owned_copy(const std::string& s) {
    char* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (p == nullptr) throw std::bad_alloc();
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
}

std::string dump(const nlohmann::json& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

template <class T>
int get_count(const char* function, const rpt_report* report, size_t* out, const std::vector<T>& items) {
    if (report == nullptr) return null_argument(function, "report");
    if (out == nullptr) return null_argument(function, "out");
    *out = items.size();
    return RPT_OK;
}

template <class T>
int get_item(const char* function, const rpt_report* report, size_t index, const T** out,
             const std::vector<T>& items) {
    if (report == nullptr) return null_argument(function, "report");
    if (out == nullptr) return null_argument(function, "out");
    if (index >= items.size())
        return guarded([&]() -> int {
            return fail(RPT_ERANGE, std::string(function) + ": index " + std::to_string(index) +
                                        " is out of range (count " + std::to_string(items.size()) + ")");
        });
    *out = &items[index];
    return RPT_OK;
}

}  // namespace

extern "C" {

const char* rpt_version(void) { return REPORTAGE_VERSION_STRING; }

int rpt_version_number(void) { return RPT_VERSION_NUMBER; }

const char* rpt_last_error(void) {
    const LastError& e = last_error();
    return e.oom ? "reportage: out of memory" : e.message.c_str();
}

int rpt_last_error_code(void) { return last_error().code; }

void rpt_error_clear(void) {
    LastError& e = last_error();
    e.code = RPT_OK;
    e.oom = false;
    e.message.clear();
}

int rpt_parse_options_init(rpt_parse_options* opts, unsigned int version) {
    if (opts == nullptr) return null_argument("rpt_parse_options_init", "opts");
    if (version != RPT_PARSE_OPTIONS_VERSION)
        return guarded([&]() -> int {
            return fail(RPT_EINVALID, "rpt_parse_options_init: unsupported options version " +
                                          std::to_string(version) + " (this library knows " +
                                          std::to_string(RPT_PARSE_OPTIONS_VERSION) + ")");
        });
    const rpt_parse_options defaults = RPT_PARSE_OPTIONS_INIT;
    *opts = defaults;
    return RPT_OK;
}

int rpt_parse(const char* text, size_t len, const rpt_parse_options* opts, rpt_report** out) {
    if (text == nullptr) return null_argument("rpt_parse", "text");
    if (out == nullptr) return null_argument("rpt_parse", "out");
    return guarded([&]() -> int {
        reportage::ParseOptions options;
        if (opts != nullptr) {
            if (opts->version != RPT_PARSE_OPTIONS_VERSION)
                return fail(RPT_EINVALID, "rpt_parse: unsupported options version " +
                                              std::to_string(opts->version) +
                                              " (initialise options with RPT_PARSE_OPTIONS_INIT)");
            if (opts->published != nullptr) options.published = opts->published;
            if (opts->name != nullptr) options.name = opts->name;
            options.max_bytes = opts->max_bytes;
        }
        reportage::validate(options);
        auto report = std::make_unique<rpt_report>(reportage::parse(std::string_view(text, len), options));
        *out = report.release();
        return RPT_OK;
    });
}

void rpt_report_free(rpt_report* report) { delete report; }

int rpt_report_to_json(const rpt_report* report, unsigned int flags, char** out, size_t* out_len) {
    if (report == nullptr) return null_argument("rpt_report_to_json", "report");
    if (out == nullptr) return null_argument("rpt_report_to_json", "out");
    return guarded([&]() -> int {
        if ((flags & ~RPT_JSON_PRETTY) != 0)
            return fail(RPT_EINVALID, "rpt_report_to_json: unknown flags " + std::to_string(flags));
        // Written from the model, not from the cached tree (which only queries need): the
        // same text, without building the tree for a report that is never queried.
        const std::string s = reportage::to_json_string(report->report, (flags & RPT_JSON_PRETTY) ? 2 : -1);
        *out = owned_copy(s);
        if (out_len != nullptr) *out_len = s.size();
        return RPT_OK;
    });
}

int rpt_query(const rpt_report* report, const char* query, char** out) {
    if (report == nullptr) return null_argument("rpt_query", "report");
    if (query == nullptr) return null_argument("rpt_query", "query");
    if (out == nullptr) return null_argument("rpt_query", "out");
    return guarded([&]() -> int {
        const reportage::Query q(query);
        *out = owned_copy(dump(q.run_json(report->as_json()), -1));
        return RPT_OK;
    });
}

void rpt_string_free(char* str) { std::free(str); }

int rpt_report_article(const rpt_report* report, const rpt_article** out) {
    if (report == nullptr) return null_argument("rpt_report_article", "report");
    if (out == nullptr) return null_argument("rpt_report_article", "out");
    *out = &report->article;
    return RPT_OK;
}

int rpt_report_input_bytes(const rpt_report* report, size_t* out) {
    if (report == nullptr) return null_argument("rpt_report_input_bytes", "report");
    if (out == nullptr) return null_argument("rpt_report_input_bytes", "out");
    *out = report->report.input.bytes;
    return RPT_OK;
}

#define RPT_ACCESSORS(plural, singular, type)                                                     \
    int rpt_report_##singular##_count(const rpt_report* report, size_t* out) {                    \
        static const std::vector<type> none;                                                      \
        return get_count("rpt_report_" #singular "_count", report, out, report ? report->plural : none); \
    }                                                                                             \
    int rpt_report_##singular(const rpt_report* report, size_t index, const type** out) {         \
        static const std::vector<type> none;                                                      \
        return get_item("rpt_report_" #singular, report, index, out, report ? report->plural : none); \
    }

RPT_ACCESSORS(paragraphs, paragraph, rpt_text)
RPT_ACCESSORS(sources, source, rpt_source)
RPT_ACCESSORS(claims, claim, rpt_claim)
RPT_ACCESSORS(timexes, timex, rpt_timex)
RPT_ACCESSORS(events, event, rpt_event)
RPT_ACCESSORS(diagnostics, diagnostic, rpt_diagnostic)

#undef RPT_ACCESSORS

}  // extern "C"
