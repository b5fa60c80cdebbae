// reportage — the report model.
//
// Plain aggregates mirroring the JSON contract `reportage/1` (docs/format.md,
// docs/report.schema.json). Header-only, standard types only. A Report is a value:
// copy it, move it, share a const one across threads.
//
// Spans are half-open UTF-8 *byte* offsets into the input exactly as the caller gave
// it. `text` fields hold the bytes of their span (invalid UTF-8 sequences shown as
// U+FFFD), or for multi-part content the parts joined by one space.
#ifndef REPORTAGE_MODEL_HPP
#define REPORTAGE_MODEL_HPP

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace reportage {

inline constexpr const char* schema_tag = "reportage/1";

struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;

    constexpr std::size_t size() const noexcept { return end - begin; }
    constexpr bool empty() const noexcept { return begin == end; }
    friend constexpr bool operator==(const Span& a, const Span& b) noexcept {
        return a.begin == b.begin && a.end == b.end;
    }
    friend constexpr bool operator!=(const Span& a, const Span& b) noexcept { return !(a == b); }
    friend constexpr bool operator<(const Span& a, const Span& b) noexcept {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    }
};

struct Text {
    std::string text;
    Span span;
    friend bool operator==(const Text& a, const Text& b) { return a.text == b.text && a.span == b.span; }
};

// ---------------------------------------------------------------- article

struct Outlet {
    std::optional<std::string> name;
    std::optional<std::string> tagline;
};

struct Author {
    std::string name;
    std::optional<std::string> role;
    Span span;
};

enum class PublishedOrigin { given, text, inferred, unknown };

struct Published {
    std::optional<std::string> date;  // "YYYY-MM-DD"
    PublishedOrigin origin = PublishedOrigin::unknown;
};

struct Dateline {
    std::string place;
    std::optional<std::string> agency;
    Span span;
};

struct Media {
    Text caption;
    std::optional<std::string> credit;
};

struct Article {
    Outlet outlet;
    std::optional<Text> headline;
    std::optional<Text> standfirst;
    std::vector<Author> authors;
    std::vector<std::string> agencies;
    Published published;
    std::optional<Dateline> dateline;
    std::vector<Media> media;
    std::vector<Text> paragraphs;
    std::vector<Text> see_also;
    std::optional<Text> author_bio;
    std::vector<Text> boilerplate;
};

// ---------------------------------------------------------------- sources

enum class SourceKind { person, organization, group, media, document, unknown };

struct Source {
    std::string id;  // "s1", "s2", ...
    std::string name;
    SourceKind kind = SourceKind::unknown;
    bool named = false;
    bool official = false;
    std::optional<std::string> role;
    std::optional<std::string> affiliation;
    std::vector<Span> mentions;
};

// ---------------------------------------------------------------- claims

enum class ClaimKind { direct, mixed, indirect, according_to };

struct Content {
    std::string text;
    std::vector<Span> spans;
};

struct Cue {
    std::string text;
    std::string lemma;
    Span span;
};

struct Claim {
    std::string id;  // "c1", ...
    ClaimKind kind = ClaimKind::indirect;
    Content content;
    std::optional<std::string> source;  // a Source id
    std::optional<Span> source_mention;
    std::optional<Cue> cue;
    bool inherited = false;
    std::optional<std::string> nested_in;  // a Claim id
    std::optional<int> paragraph;          // index into article.paragraphs; null outside the body
};

// ---------------------------------------------------------------- time

enum class TimexType { date, time, duration, set };

struct Timex {
    std::string id;  // "t1", ...
    std::string text;
    Span span;
    TimexType type = TimexType::date;
    std::string value;                  // TimeML value
    std::optional<std::string> anchor;  // "published" or a timex id
};

// ---------------------------------------------------------------- events

enum class CountQualifier { exact, approx, at_least, more_than, at_most, range, vague };

struct Count {
    std::optional<std::int64_t> value;
    std::optional<std::int64_t> low;
    std::optional<std::int64_t> high;
    CountQualifier qualifier = CountQualifier::exact;
    std::string text;
    Span span;
};

struct Acled {
    std::string event_type;
    std::string sub_event_type;
};

struct EventDate {
    std::string value;
    std::optional<std::string> timex;  // a Timex id
};

struct Place {
    std::string name;
    Span span;
};

enum class ActorRole { agent, target };

struct Actor {
    ActorRole role = ActorRole::agent;
    std::string name;
    Span span;
    std::optional<std::string> source;  // a Source id
};

struct Event {
    std::string id;  // "e1", ...
    std::string type;
    std::optional<Acled> acled;
    Text trigger;
    std::optional<EventDate> date;
    std::optional<EventDate> end_date;
    std::optional<Place> place;
    std::vector<Actor> actors;
    // keys among "killed", "injured", "detained", "participants", "displaced"
    std::map<std::string, Count> counts;
    std::vector<std::string> claims;   // Claim ids
    std::vector<std::string> sources;  // Source ids
};

// ---------------------------------------------------------------- diagnostics

enum class Severity { info, warning, error };

struct Diagnostic {
    std::string code;
    Severity severity = Severity::warning;
    std::string message;
    std::optional<Span> span;
};

// ---------------------------------------------------------------- report

struct InputInfo {
    std::optional<std::string> name;
    std::size_t bytes = 0;
};

struct Report {
    std::string schema = schema_tag;
    InputInfo input;
    Article article;
    std::vector<Source> sources;
    std::vector<Claim> claims;
    std::vector<Timex> timexes;
    std::vector<Event> events;
    std::vector<Diagnostic> diagnostics;
};

// ---------------------------------------------------------------- enum names

inline const char* to_string(PublishedOrigin v) noexcept {
    switch (v) {
        case PublishedOrigin::given: return "given";
        case PublishedOrigin::text: return "text";
        case PublishedOrigin::inferred: return "inferred";
        case PublishedOrigin::unknown: break;
    }
    return "unknown";
}

inline const char* to_string(SourceKind v) noexcept {
    switch (v) {
        case SourceKind::person: return "person";
        case SourceKind::organization: return "organization";
        case SourceKind::group: return "group";
        case SourceKind::media: return "media";
        case SourceKind::document: return "document";
        case SourceKind::unknown: break;
    }
    return "unknown";
}

inline const char* to_string(ClaimKind v) noexcept {
    switch (v) {
        case ClaimKind::direct: return "direct";
        case ClaimKind::mixed: return "mixed";
        case ClaimKind::according_to: return "according_to";
        case ClaimKind::indirect: break;
    }
    return "indirect";
}

inline const char* to_string(TimexType v) noexcept {
    switch (v) {
        case TimexType::time: return "TIME";
        case TimexType::duration: return "DURATION";
        case TimexType::set: return "SET";
        case TimexType::date: break;
    }
    return "DATE";
}

inline const char* to_string(CountQualifier v) noexcept {
    switch (v) {
        case CountQualifier::approx: return "approx";
        case CountQualifier::at_least: return "at_least";
        case CountQualifier::more_than: return "more_than";
        case CountQualifier::at_most: return "at_most";
        case CountQualifier::range: return "range";
        case CountQualifier::vague: return "vague";
        case CountQualifier::exact: break;
    }
    return "exact";
}

inline const char* to_string(ActorRole v) noexcept {
    return v == ActorRole::target ? "target" : "agent";
}

inline const char* to_string(Severity v) noexcept {
    switch (v) {
        case Severity::info: return "info";
        case Severity::error: return "error";
        case Severity::warning: break;
    }
    return "warning";
}

}  // namespace reportage

#endif  // REPORTAGE_MODEL_HPP
