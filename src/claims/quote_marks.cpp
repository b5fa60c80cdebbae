// Pairing quote marks over the body: “ ” ‘ ’ " ' « » „ ‚ ‹ ›, mismatched pairs, nested
// quotes, apostrophes, and the news convention for quotes that run over several
// paragraphs (each paragraph opens, only the last one closes).
#include <string>

#include "claims/analysis.hpp"

namespace reportage::claims {

namespace {

enum class Family { none, dbl, sgl };
enum class Glyph { neutral, opener, closer };

struct Mark {
    Family family = Family::none;
    Glyph glyph = Glyph::neutral;
};

Mark classify_mark(const text::Document& doc, const text::Token& t) {
    if (t.kind != text::TokenKind::quote) return {};
    const unsigned char* p = reinterpret_cast<const unsigned char*>(doc.bytes.data()) + t.begin;
    std::size_t n = t.end - t.begin;
    if (n == 0) return {};
    if (p[0] == '"') return {Family::dbl, Glyph::neutral};
    if (p[0] == '\'') return {Family::sgl, Glyph::neutral};
    std::size_t len = text::utf8_sequence_length(p, n);
    if (len == 0) return {};
    switch (text::utf8_decode(p, len)) {
        case 0x201C: case 0x201E: case 0x00AB: return {Family::dbl, Glyph::opener};
        case 0x201D: case 0x00BB: return {Family::dbl, Glyph::closer};
        case 0x201F: return {Family::dbl, Glyph::neutral};
        case 0x2018: case 0x201A: case 0x2039: return {Family::sgl, Glyph::opener};
        case 0x2019: case 0x203A: return {Family::sgl, Glyph::closer};
        case 0x201B: return {Family::sgl, Glyph::neutral};
        default: return {};
    }
}

class Pairer {
public:
    Pairer(const Body& body, std::vector<Diagnostic>& diagnostics)
        : b_(body), doc_(body.doc), diagnostics_(diagnostics) {
        std::size_t n = doc_.tokens.size();
        out_.inside.assign(n, -1);
    }

    QuoteMarks run() {
        const auto& body = b_.layout.body;
        for (std::size_t bi = 0; bi < body.size(); ++bi) {
            std::uint32_t pi = body[bi].paragraph;
            if (pi >= doc_.paragraphs.size()) continue;
            const text::Paragraph& para = doc_.paragraphs[pi];
            if (para.first_token >= para.end_token) continue;
            paragraph(static_cast<std::int32_t>(bi), para.first_token, para.end_token);
        }
        if (open_) give_up_open();
        mark_inside();
        return std::move(out_);
    }

private:
    // Position of a mark between its neighbours: "opening" when a word follows it with no
    // space and space (or a bracket, dash, line start) precedes it; "closing" the reverse.
    bool left_open(std::uint32_t k, std::uint32_t first) const {
        const text::Token& t = doc_.tokens[k];
        if (k == first || t.has(text::tf_space_before) || t.has(text::tf_line_start)) return true;
        const text::Token& p = doc_.tokens[k - 1];
        if (p.kind == text::TokenKind::punct) {
            std::string_view w = doc_.norm(p);
            return w == "(" || w == "[" || w == "-" || w == "--" || w == ":";
        }
        return p.kind == text::TokenKind::quote && p.has(text::tf_opening);
    }
    bool right_open(std::uint32_t k, std::uint32_t end) const {
        const text::Token& t = doc_.tokens[k];
        if (t.has(text::tf_space_after) || k + 1 >= end) return false;
        const text::Token& nx = doc_.tokens[k + 1];
        if (nx.kind == text::TokenKind::word || nx.kind == text::TokenKind::number ||
            nx.kind == text::TokenKind::symbol || nx.kind == text::TokenKind::quote)
            return true;
        std::string_view w = doc_.norm(nx);
        return w == "..." || w == "(" || w == "[" || w == "\xE2\x80\xA6";
    }

    // Two straight apostrophes written as one double mark (''quote''), a typewriter
    // convention of some wire and newspaper archives.
    bool doubled_apostrophe(std::uint32_t k, std::uint32_t end) const {
        if (k + 1 >= end) return false;
        const text::Token& a = doc_.tokens[k];
        const text::Token& b = doc_.tokens[k + 1];
        if (a.kind != text::TokenKind::quote || b.kind != text::TokenKind::quote) return false;
        if (a.end != b.begin || a.end - a.begin != 1 || b.end - b.begin != 1) return false;
        return doc_.bytes[a.begin] == '\'' && doc_.bytes[b.begin] == '\'';
    }

    void paragraph(std::int32_t bi, std::uint32_t first, std::uint32_t end) {
        std::uint32_t skip_until = first;  // tokens before it were consumed already
        if (open_) {
            Mark m = classify_mark(doc_, doc_.tokens[first]);
            bool pair = doubled_apostrophe(first, end);
            if ((m.family == Family::dbl && m.glyph != Glyph::closer) || (pair && !quote_single_)) {
                // The quote goes on: this paragraph re-opens it.
                current_ = QuotePart{first, first, bi, false};
                skip_until = first + (pair ? 2 : 1);
            } else {
                give_up_open();
            }
        }
        single_open_ = npos;
        inner_double_ = npos;
        const std::uint8_t* marks = b_.marks.data();
        for (std::uint32_t k = skip_until; k < end; ++k) {
            if (!(marks[k] & Body::tm_quote)) continue;
            const text::Token& t = doc_.tokens[k];
            Mark m = classify_mark(doc_, t);
            if (m.family == Family::none) continue;
            if (doubled_apostrophe(k, end)) {
                bool lo = left_open(k, first), ro = right_open(k + 1, end);
                double_mark(k, k + 1, bi, {Family::dbl, Glyph::neutral}, lo && ro, !lo);
                ++k;
                continue;
            }
            bool lo = left_open(k, first), ro = right_open(k, end);
            bool opening_pos = lo && ro;
            bool closing_pos = !lo;
            if (m.family == Family::dbl) {
                double_mark(k, k, bi, m, opening_pos, closing_pos);
            } else {
                single_mark(k, bi, m, opening_pos, closing_pos, end);
            }
        }
        // Paragraph end: a single quote left open was an apostrophe or a stray mark.
        single_open_ = npos;
        if (open_ && quote_single_) {
            open_ = false;
            quote_single_ = false;
            quote_ = Quote{};
        }
        if (open_) {
            current_.last = end - 1;
            current_.closed = false;
            quote_.parts.push_back(current_);
        }
    }

    // A double mark over tokens [k, kl] (kl > k for a doubled apostrophe).
    void double_mark(std::uint32_t k, std::uint32_t kl, std::int32_t bi, Mark m, bool opening_pos,
                     bool closing_pos) {
        if (!open_) {
            if (m.glyph == Glyph::closer && closing_pos) return;  // a stray closing mark
            start_quote(k, bi, false);
            return;
        }
        if (quote_single_) {
            // A double quote inside a top-level single quote: nested, ignored.
            return;
        }
        if (inner_double_ != npos) {
            inner_double_ = npos;  // closes the nested double quote
            return;
        }
        if (opening_pos && m.glyph != Glyph::closer && k > current_.open + 1 &&
            !closing_pos) {
            // “He said “no” to me”: a nested double quote.
            inner_double_ = k;
            return;
        }
        close_quote(kl);
    }

    void single_mark(std::uint32_t k, std::int32_t bi, Mark m, bool opening_pos, bool closing_pos,
                     std::uint32_t end) {
        if (open_ && quote_single_) {
            if (closing_pos && m.glyph != Glyph::opener) close_quote(k);
            return;
        }
        if (single_open_ != npos) {
            if (closing_pos && m.glyph != Glyph::opener) {
                single_open_ = npos;  // a nested single quote closes
            }
            return;
        }
        bool next_word = k + 1 < end && doc_.tokens[k + 1].kind == text::TokenKind::word;
        if (opening_pos && m.glyph != Glyph::closer && next_word) {
            if (open_) {
                single_open_ = k;  // nested inside a double quote
            } else {
                // A top-level single quote (British style): kept only if it closes in
                // this paragraph, which `close_quote` decides.
                start_quote(k, bi, true);
            }
        }
        // Otherwise an apostrophe: Jones’, ’90s, rock ’n’ roll.
    }

    void start_quote(std::uint32_t k, std::int32_t bi, bool single) {
        open_ = true;
        quote_single_ = single;
        quote_ = Quote{};
        quote_.single = single;
        current_ = QuotePart{k, k, bi, false};
        inner_double_ = npos;
        single_open_ = npos;
    }

    void close_quote(std::uint32_t k) {
        current_.last = k;
        current_.closed = true;
        quote_.parts.push_back(current_);
        out_.quotes.push_back(std::move(quote_));
        open_ = false;
        quote_single_ = false;
        inner_double_ = npos;
        single_open_ = npos;
    }

    // The open quote ends where its last part ended. A double quote left open gets a
    // diagnostic and still counts; a single one was probably an apostrophe and is dropped.
    void give_up_open() {
        open_ = false;
        if (quote_single_ || quote_.parts.empty()) {
            quote_single_ = false;
            quote_ = Quote{};
            return;
        }
        const QuotePart& lastp = quote_.parts.back();
        const text::Token& om = doc_.tokens[quote_.parts.front().open];
        if (diagnostics_emitted_ < 20) {
            diagnostics_.push_back(
                {"unclosed_quote", Severity::warning,
                 "a quotation opened here is not closed by the end of its paragraph, and the next "
                 "paragraph does not continue it; it is taken to end with the paragraph",
                 Span{om.begin, om.end}});
        } else if (diagnostics_emitted_ == 20) {
            diagnostics_.push_back({"unclosed_quote_limit", Severity::info,
                                    "more unclosed quotations; further ones are not reported",
                                    std::nullopt});
        }
        ++diagnostics_emitted_;
        (void)lastp;
        out_.quotes.push_back(std::move(quote_));
        quote_ = Quote{};
    }

    void mark_inside() {
        for (std::size_t q = 0; q < out_.quotes.size(); ++q) {
            Quote& quote = out_.quotes[q];
            auto id = static_cast<std::int32_t>(q);
            for (const QuotePart& p : quote.parts) {
                for (std::uint32_t k = p.open; k <= p.last; ++k) {
                    out_.inside[k] = id;
                    auto kind = doc_.tokens[k].kind;
                    if (kind == text::TokenKind::word || kind == text::TokenKind::number) ++quote.words;
                }
            }
        }
    }

    const Body& b_;
    const text::Document& doc_;
    std::vector<Diagnostic>& diagnostics_;
    QuoteMarks out_;
    bool open_ = false;
    bool quote_single_ = false;
    Quote quote_;
    QuotePart current_;
    std::uint32_t inner_double_ = npos;
    std::uint32_t single_open_ = npos;
    int diagnostics_emitted_ = 0;
};

}  // namespace

QuoteMarks pair_quote_marks(const Body& body, std::vector<Diagnostic>& diagnostics) {
    return Pairer(body, diagnostics).run();
}

}  // namespace reportage::claims
