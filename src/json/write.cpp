// The report as JSON text, written straight into one string (no nlohmann tree).
//
// The output is byte for byte what nlohmann's dump(indent, ' ', false,
// error_handler_t::replace) gives for to_json(report): members in key order (the tree's
// objects are std::maps, so every object below lists its keys sorted bytewise), the same
// escapes, the same pretty layout. tests/unit/test_json_writer.cpp holds the two against
// each other.
//
// The text of a report of a large input is written twice over the same code: once into a
// counter, to reserve the exact size (a report can be 20 times its input, and a growing
// string would briefly need 1.5 times that), then into the string. Small inputs, the
// common case, are written once into a string reserved from the input size.
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reportage/json.hpp"
#include "text/document.hpp"

namespace reportage {

namespace {

// Counts the bytes it is given.
struct SizeSink {
    std::size_t n = 0;
    void put(char) { ++n; }
    void put(const char*, std::size_t len) { n += len; }
    void fill(char, std::size_t len) { n += len; }
};

struct StringSink {
    std::string& s;
    void put(char c) { s.push_back(c); }
    void put(const char* p, std::size_t len) { s.append(p, len); }
    void fill(char c, std::size_t len) { s.append(len, c); }
};

// 1 for the bytes that are copied as they are inside a JSON string (printable ASCII other
// than '"' and '\\'), 0 for the rest.
struct PlainTable {
    bool plain[256] = {};
    constexpr PlainTable() {
        for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
    }
};
constexpr PlainTable kPlain{};

template <class Sink>
void write_string_body(Sink& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t done = 0;  // bytes before this are written
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (kPlain.plain[c]) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            const std::size_t len = text::utf8_sequence_length(p + i, n - i);
            if (len != 0) {
                i += len;
                continue;
            }
            // one U+FFFD per maximal invalid subsequence, as nlohmann's replace handler
            out.put(s.data() + done, i - done);
            out.put("\xEF\xBF\xBD", 3);
            i += text::utf8_invalid_length(p + i, n - i);
            done = i;
            continue;
        }
        out.put(s.data() + done, i - done);
        switch (c) {
            case '"': out.put("\\\"", 2); break;
            case '\\': out.put("\\\\", 2); break;
            case '\b': out.put("\\b", 2); break;
            case '\t': out.put("\\t", 2); break;
            case '\n': out.put("\\n", 2); break;
            case '\f': out.put("\\f", 2); break;
            case '\r': out.put("\\r", 2); break;
            default: {
                const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
                out.put(esc, 6);
            }
        }
        ++i;
        done = i;
    }
    out.put(s.data() + done, n - done);
}

// Writes JSON values; `indent` < 0 is compact output, else nlohmann's pretty layout.
template <class Sink>
class Writer {
public:
    Writer(Sink& out, int indent) : out_(out), indent_(indent) {}

    void report(const Report& r) {
        begin_object();
        key("article");
        article(r.article);
        key("claims");
        list(r.claims, [this](const Claim& c) { claim(c); });
        key("diagnostics");
        list(r.diagnostics, [this](const Diagnostic& d) { diagnostic(d); });
        key("events");
        list(r.events, [this](const Event& e) { event(e); });
        key("input");
        begin_object();
        key("bytes");
        number(static_cast<std::uint64_t>(r.input.bytes));
        key("name");
        opt_string(r.input.name);
        end_object();
        key("schema");
        string(r.schema);
        key("sources");
        list(r.sources, [this](const Source& s) { source(s); });
        key("timexes");
        list(r.timexes, [this](const Timex& t) { timex(t); });
        end_object();
    }

private:
    // ------------------------------------------------------------ layout

    // Before a member or an element: the comma and, when pretty, the line break and indent.
    void next_item() {
        if (!first_) out_.put(',');
        first_ = false;
        if (indent_ >= 0) {
            out_.put('\n');
            out_.fill(' ', static_cast<std::size_t>(indent_) * depth_);
        }
    }

    void open(char c) {
        out_.put(c);
        ++depth_;
        first_ = true;
    }

    // An empty container closes on its line ("[]", "{}"). After the close we are back in
    // the parent, which has written at least this value, so `first_` is false there.
    void close(char c) {
        --depth_;
        if (!first_ && indent_ >= 0) {
            out_.put('\n');
            out_.fill(' ', static_cast<std::size_t>(indent_) * depth_);
        }
        out_.put(c);
        first_ = false;
    }

    void begin_object() { open('{'); }
    void end_object() { close('}'); }

    // `k` is a literal of the contract: plain ASCII, nothing to escape.
    void key(std::string_view k) {
        next_item();
        out_.put('"');
        out_.put(k.data(), k.size());
        if (indent_ >= 0)
            out_.put("\": ", 3);
        else
            out_.put("\":", 2);
    }

    // A key from the model (a count key), escaped like any string.
    void key_escaped(std::string_view k) {
        next_item();
        string(k);
        if (indent_ >= 0)
            out_.put(": ", 2);
        else
            out_.put(':');
    }

    template <class T, class Each>
    void list(const std::vector<T>& items, Each each) {
        open('[');
        for (const T& x : items) {
            next_item();
            each(x);
        }
        close(']');
    }

    // ------------------------------------------------------------ scalars

    void string(std::string_view s) {
        out_.put('"');
        write_string_body(out_, s);
        out_.put('"');
    }

    void null() { out_.put("null", 4); }
    void boolean(bool b) {
        if (b)
            out_.put("true", 4);
        else
            out_.put("false", 5);
    }

    template <class Int>
    void number(Int v) {
        char buf[24];
        const auto res = std::to_chars(buf, buf + sizeof buf, v);
        out_.put(buf, static_cast<std::size_t>(res.ptr - buf));
    }

    void opt_string(const std::optional<std::string>& s) {
        if (s)
            string(*s);
        else
            null();
    }

    void opt_int(const std::optional<std::int64_t>& v) {
        if (v)
            number(*v);
        else
            null();
    }

    void span(const Span& s) {
        open('[');
        next_item();
        number(static_cast<std::uint64_t>(s.begin));
        next_item();
        number(static_cast<std::uint64_t>(s.end));
        close(']');
    }

    void opt_span(const std::optional<Span>& s) {
        if (s)
            span(*s);
        else
            null();
    }

    void strings(const std::vector<std::string>& items) {
        list(items, [this](const std::string& s) { string(s); });
    }

    void spans(const std::vector<Span>& items) {
        list(items, [this](const Span& s) { span(s); });
    }

    // ------------------------------------------------------------ objects (keys sorted)

    void text(const Text& t) {
        begin_object();
        key("span");
        span(t.span);
        key("text");
        string(t.text);
        end_object();
    }

    void opt_text(const std::optional<Text>& t) {
        if (t)
            text(*t);
        else
            null();
    }

    void texts(const std::vector<Text>& items) {
        list(items, [this](const Text& t) { text(t); });
    }

    void article(const Article& a) {
        begin_object();
        key("agencies");
        strings(a.agencies);
        key("author_bio");
        opt_text(a.author_bio);
        key("authors");
        list(a.authors, [this](const Author& x) {
            begin_object();
            key("name");
            string(x.name);
            key("role");
            opt_string(x.role);
            key("span");
            span(x.span);
            end_object();
        });
        key("boilerplate");
        texts(a.boilerplate);
        key("dateline");
        if (a.dateline) {
            begin_object();
            key("agency");
            opt_string(a.dateline->agency);
            key("place");
            string(a.dateline->place);
            key("span");
            span(a.dateline->span);
            end_object();
        } else {
            null();
        }
        key("headline");
        opt_text(a.headline);
        key("media");
        list(a.media, [this](const Media& m) {
            begin_object();
            key("caption");
            text(m.caption);
            key("credit");
            opt_string(m.credit);
            end_object();
        });
        key("outlet");
        begin_object();
        key("name");
        opt_string(a.outlet.name);
        key("tagline");
        opt_string(a.outlet.tagline);
        end_object();
        key("paragraphs");
        texts(a.paragraphs);
        key("published");
        begin_object();
        key("date");
        opt_string(a.published.date);
        key("origin");
        string(to_string(a.published.origin));
        end_object();
        key("see_also");
        texts(a.see_also);
        key("standfirst");
        opt_text(a.standfirst);
        end_object();
    }

    void source(const Source& s) {
        begin_object();
        key("affiliation");
        opt_string(s.affiliation);
        key("id");
        string(s.id);
        key("kind");
        string(to_string(s.kind));
        key("mentions");
        spans(s.mentions);
        key("name");
        string(s.name);
        key("named");
        boolean(s.named);
        key("official");
        boolean(s.official);
        key("role");
        opt_string(s.role);
        end_object();
    }

    void claim(const Claim& c) {
        begin_object();
        key("content");
        begin_object();
        key("spans");
        spans(c.content.spans);
        key("text");
        string(c.content.text);
        end_object();
        key("cue");
        if (c.cue) {
            begin_object();
            key("lemma");
            string(c.cue->lemma);
            key("span");
            span(c.cue->span);
            key("text");
            string(c.cue->text);
            end_object();
        } else {
            null();
        }
        key("id");
        string(c.id);
        key("inherited");
        boolean(c.inherited);
        key("kind");
        string(to_string(c.kind));
        key("nested_in");
        opt_string(c.nested_in);
        key("paragraph");
        if (c.paragraph)
            number(*c.paragraph);
        else
            null();
        key("source");
        opt_string(c.source);
        key("source_mention");
        opt_span(c.source_mention);
        end_object();
    }

    void timex(const Timex& t) {
        begin_object();
        key("anchor");
        opt_string(t.anchor);
        key("id");
        string(t.id);
        key("span");
        span(t.span);
        key("text");
        string(t.text);
        key("type");
        string(to_string(t.type));
        key("value");
        string(t.value);
        end_object();
    }

    void event_date(const std::optional<EventDate>& d) {
        if (!d) {
            null();
            return;
        }
        begin_object();
        key("timex");
        opt_string(d->timex);
        key("value");
        string(d->value);
        end_object();
    }

    void count(const Count& c) {
        begin_object();
        key("high");
        opt_int(c.high);
        key("low");
        opt_int(c.low);
        key("qualifier");
        string(to_string(c.qualifier));
        key("span");
        span(c.span);
        key("text");
        string(c.text);
        key("value");
        opt_int(c.value);
        end_object();
    }

    void event(const Event& e) {
        begin_object();
        key("acled");
        if (e.acled) {
            begin_object();
            key("event_type");
            string(e.acled->event_type);
            key("sub_event_type");
            string(e.acled->sub_event_type);
            end_object();
        } else {
            null();
        }
        key("actors");
        list(e.actors, [this](const Actor& a) {
            begin_object();
            key("name");
            string(a.name);
            key("role");
            string(to_string(a.role));
            key("source");
            opt_string(a.source);
            key("span");
            span(a.span);
            end_object();
        });
        key("claims");
        strings(e.claims);
        key("counts");
        begin_object();  // std::map: already in the tree's key order
        for (const auto& [k, c] : e.counts) {
            key_escaped(k);
            count(c);
        }
        end_object();
        key("date");
        event_date(e.date);
        key("end_date");
        event_date(e.end_date);
        key("id");
        string(e.id);
        key("place");
        if (e.place) {
            begin_object();
            key("name");
            string(e.place->name);
            key("span");
            span(e.place->span);
            end_object();
        } else {
            null();
        }
        key("sources");
        strings(e.sources);
        key("trigger");
        text(e.trigger);
        key("type");
        string(e.type);
        end_object();
    }

    void diagnostic(const Diagnostic& d) {
        begin_object();
        key("code");
        string(d.code);
        key("message");
        string(d.message);
        key("severity");
        string(to_string(d.severity));
        key("span");
        opt_span(d.span);
        end_object();
    }

    Sink& out_;
    int indent_;
    std::size_t depth_ = 0;
    bool first_ = true;
};

}  // namespace

std::string to_json_string(const Report& report, int indent) {
    std::string s;
    if (report.input.bytes > (std::size_t{1} << 20)) {
        // A large report is counted first, so the string is allocated once at its size.
        SizeSink size;
        Writer<SizeSink>(size, indent).report(report);
        s.reserve(size.n);
    } else {
        // A news article's report is a few times its input: one pass, rarely a regrowth.
        s.reserve(4 * static_cast<std::size_t>(report.input.bytes) + 4096);
    }
    StringSink sink{s};
    Writer<StringSink>(sink, indent).report(report);
    return s;
}

}  // namespace reportage
