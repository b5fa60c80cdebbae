// One pass over the input: encoding checks, lines, tokens (with normalised forms), then
// paragraphs and sentences over the token stream.
#include "text/document.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "lexicon/lexicon.hpp"

namespace reportage::text {

namespace {

enum class CharClass : std::uint8_t {
    space,
    letter,
    digit,
    mark,         // combining mark: continues a word
    quote_open,   // “ ‘ « „ ‚ ‹ ‟ ‛
    quote_close,  // ” ’ » ›
    quote_double, // "
    quote_single, // '
    punct,
    symbol,
    invalid,
};

struct Unit {
    char32_t cp = 0;
    std::uint32_t len = 1;
    bool valid = true;
};

Unit decode_multibyte(const unsigned char* p, std::size_t n) {
    std::size_t len = utf8_sequence_length(p, n);
    if (len == 0) return {0xFFFD, static_cast<std::uint32_t>(utf8_invalid_length(p, n)), false};
    return {utf8_decode(p, len), static_cast<std::uint32_t>(len), true};
}

inline Unit decode_at(const unsigned char* p, std::size_t n) {
    if (p[0] < 0x80) return {p[0], 1, true};
    return decode_multibyte(p, n);
}

bool is_control(char32_t c) { return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0); }

constexpr CharClass classify_ascii(char32_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::letter;
    if (c >= '0' && c <= '9') return CharClass::digit;
    if (c == '"') return CharClass::quote_double;
    if (c == '\'') return CharClass::quote_single;
    if (c <= ' ' || c == 0x7F) return CharClass::space;
    if (c == '$' || c == '%' || c == '+' || c == '=' || c == '<' || c == '>' || c == '^' ||
        c == '~' || c == '|' || c == '`' || c == '\\')
        return CharClass::symbol;
    return CharClass::punct;
}

// The class of every ASCII character, computed once.
struct AsciiClasses {
    CharClass of[0x80] = {};
    constexpr AsciiClasses() {
        for (char32_t c = 0; c < 0x80; ++c) of[c] = classify_ascii(c);
    }
};
constexpr AsciiClasses ascii_classes;

// ASCII characters that can be inside a word: ' - . : / ,
struct AsciiInner {
    bool of[256] = {};
    constexpr AsciiInner() {
        for (char32_t c : {'\'', '-', '.', ':', '/', ','}) of[c] = true;
    }
    bool operator[](unsigned char c) const { return of[c]; }
};
constexpr AsciiInner ascii_inner;

// Eight bytes below 0x80 at once: the high bit of each that is in [lo, hi] (lo >= 1),
// the others 0. No byte's sum carries into the next.
inline std::uint64_t ascii_in_range(std::uint64_t w, unsigned lo, unsigned hi) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    return (w + (0x80 - lo) * ones) & ~(w + (0x7F - hi) * ones) & high;
}

// The number of zero bytes below the lowest set bit of x (x != 0), as a little-endian
// load puts them: the index of the first marked byte.
inline unsigned count_trailing_zero_bytes(std::uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
    return static_cast<unsigned>(__builtin_ctzll(x)) / 8;
#else
    unsigned n = 0;
    while ((x & 0xFF) == 0) {
        x >>= 8;
        ++n;
    }
    return n;
#endif
}

char ascii_lower(char32_t c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); }

bool is_ascii_space(unsigned char c) { return c <= ' ' || c == 0x7F; }

CharClass classify_multibyte(const Unit& u) {
    if (!u.valid) return CharClass::invalid;
    char32_t c = u.cp;
    if (is_space(c) || is_control(c)) return CharClass::space;
    switch (c) {
        case 0x201C: case 0x201E: case 0x201F: case 0x00AB: case 0x2039:
        case 0x2018: case 0x201A: case 0x201B:
            return CharClass::quote_open;
        case 0x201D: case 0x00BB: case 0x203A: case 0x2019:
            return CharClass::quote_close;
        case 0xFFFD: return CharClass::symbol;
        case 0x00D7: case 0x00F7: return CharClass::symbol;
        case 0x00AA: case 0x00B5: case 0x00BA: return CharClass::letter;
        default: break;
    }
    if (c >= 0x0300 && c <= 0x036F) return CharClass::mark;
    if (c < 0x00C0) return CharClass::symbol;  // ¡ ¢ £ § © ® ° ± ¿ …
    if (c <= 0x024F) return CharClass::letter;  // Latin-1 letters, Latin Extended A/B
    if (c >= 0x2000 && c <= 0x206F) return CharClass::punct;  // dashes, bullets, …
    if (c >= 0x20A0 && c <= 0x2BFF) return CharClass::symbol;
    if (c >= 0x3000 && c <= 0x303F) return CharClass::punct;
    if (c >= 0xFE30 && c <= 0xFE6F) return CharClass::punct;
    if (c >= 0xFF01 && c <= 0xFF0F) return CharClass::punct;
    if (c >= 0x1F000) return CharClass::symbol;  // emoji and pictographs
    if (c >= 0xE000 && c <= 0xF8FF) return CharClass::symbol;  // private use
    return CharClass::letter;  // other scripts
}

inline CharClass classify(const Unit& u) {
    if (u.cp < 0x80) return ascii_classes.of[u.cp];  // an invalid unit has cp U+FFFD
    return classify_multibyte(u);
}

bool is_upper(char32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return true;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c % 2 == 0;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c % 2 == 1;
    if (c >= 0x391 && c <= 0x3AB) return true;
    if (c >= 0x400 && c <= 0x42F) return true;
    return false;
}

bool is_lower_letter(char32_t c) {
    if (c >= 'a' && c <= 'z') return true;
    if (c >= 0xDF && c <= 0xFF && c != 0xF7) return true;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return c % 2 == 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c % 2 == 0;
    if (c >= 0x3AC && c <= 0x3CE) return true;
    if (c >= 0x430 && c <= 0x45F) return true;
    return false;
}

char32_t to_lower(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c < 0xC0) return c;
    if (c <= 0xDE && c != 0xD7) return c + 32;
    if (((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) && c % 2 == 0) return c + 1;
    if (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) && c % 2 == 1) return c + 1;
    if (c >= 0x391 && c <= 0x3AB) return c + 32;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

// Writes c as UTF-8 at o; returns the number of bytes (1..4).
std::size_t put_utf8(char* o, char32_t c) {
    if (c < 0x80) {
        o[0] = static_cast<char>(c);
        return 1;
    }
    if (c < 0x800) {
        o[0] = static_cast<char>(0xC0 | (c >> 6));
        o[1] = static_cast<char>(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = static_cast<char>(0xE0 | (c >> 12));
        o[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        o[2] = static_cast<char>(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = static_cast<char>(0xF0 | (c >> 18));
    o[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    o[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    o[3] = static_cast<char>(0x80 | (c & 0x3F));
    return 4;
}

// Writes the normalised form of one character at o; returns its size. It is never longer
// than 3 bytes per byte of input (U+FFFD for one invalid byte).
std::size_t put_norm(char* o, const Unit& u) {
    if (!u.valid) {
        std::memcpy(o, "\xEF\xBF\xBD", 3);
        return 3;
    }
    char32_t c = u.cp;
    switch (c) {
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2039: case 0x203A:
        case 0x02BC: case 0x2032:
            o[0] = '\'';
            return 1;
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
            o[0] = '"';
            return 1;
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
        case 0x2212:
            o[0] = '-';
            return 1;
        case 0x2026:
            std::memcpy(o, "...", 3);
            return 3;
        default:
            return put_utf8(o, to_lower(c));
    }
}

const lexicon::Table& abbreviations() {
    static const lexicon::Table& t = lexicon::table("abbreviations");
    return t;
}

const lexicon::Table& sentence_starters() {
    static const lexicon::Table& t = lexicon::table("sentence_starters");
    return t;
}

bool is_apostrophe_char(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
bool is_hyphen_char(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

bool is_bullet_start(std::string_view line) {
    if (line.empty()) return false;
    unsigned char c = static_cast<unsigned char>(line[0]);
    if ((c == '*' || c == '-' || c == '+' || c == 'o') && line.size() > 1 && line[1] == ' ') return true;
    return line.rfind("\xE2\x80\xA2", 0) == 0 || line.rfind("\xC2\xB7", 0) == 0 ||
           line.rfind("\xE2\x96\xAA", 0) == 0;
}

class Builder {
public:
    Builder(std::string_view bytes, std::uint32_t analysed, Document& doc)
        : p_(reinterpret_cast<const unsigned char*>(bytes.data())), n_(analysed), doc_(doc),
          abbreviations_(abbreviations()), starters_(sentence_starters()) {}

    void run() {
        // Room for every line and paragraph (one per line at most) up front: a document
        // of a million short lines would otherwise regrow and copy both vectors ~20 times.
        std::size_t line_breaks = 0;
        for (std::uint32_t i = find_byte('\n', 0); i < n_; i = find_byte('\n', i + 1)) ++line_breaks;
        doc_.lines.reserve(line_breaks + 1);
        split_lines();
        doc_.paragraphs.reserve(doc_.lines.size());
        doc_.norm_arena.resize(n_ + 64);
        for (std::uint32_t i = 0; i < doc_.lines.size(); ++i) tokenize_line(i);
        doc_.norm_arena.resize(norm_used_);
        build_paragraphs();
        doc_.sentences.reserve(doc_.paragraphs.size());  // at least one each
        for (std::uint32_t i = 0; i < doc_.paragraphs.size(); ++i) split_sentences(i);
        report_encoding();
    }

private:
    Unit unit(std::uint32_t i) const { return decode_at(p_ + i, n_ - i); }

    // Lines end at LF, CR or CRLF. The next LF and the next CR are each searched for
    // with memchr, and again only once passed, so the split stays linear.
    void split_lines() {
        std::uint32_t start = 0;
        std::uint32_t next_lf = find_byte('\n', 0), next_cr = find_byte('\r', 0);
        while (start < n_) {
            if (next_lf < start) next_lf = find_byte('\n', start);
            if (next_cr < start) next_cr = find_byte('\r', start);
            std::uint32_t i = std::min(next_lf, next_cr);
            if (i >= n_) break;
            add_line(start, i);
            if (p_[i] == '\r' && i + 1 < n_ && p_[i + 1] == '\n') ++i;
            start = i + 1;
        }
        if (start < n_) add_line(start, n_);
    }

    // The position of the first byte c at or after `from`, or n_.
    std::uint32_t find_byte(unsigned char c, std::uint32_t from) const {
        if (from >= n_) return n_;
        const void* hit = std::memchr(p_ + from, c, n_ - from);
        return hit ? static_cast<std::uint32_t>(static_cast<const unsigned char*>(hit) - p_) : n_;
    }

    void add_line(std::uint32_t begin, std::uint32_t end) {
        Line line;
        line.begin = begin;
        line.end = end;
        // Trim leading white space.
        std::uint32_t i = begin;
        while (i < end) {
            if (p_[i] < 0x80) {
                if (!is_ascii_space(p_[i])) break;
                ++i;
                continue;
            }
            Unit u = decode_multibyte(p_ + i, end - i);
            if (!u.valid || classify(u) != CharClass::space) break;
            i += u.len;
        }
        line.content_begin = i;
        line.content_end = trimmed_end(i, end);
        doc_.lines.push_back(line);
    }

    // The end of the last character in [begin, end) that is not white space (begin when
    // there is none). Scans back from the end: an ASCII byte is always a character of
    // its own (never inside a multi-byte or invalid sequence), so only a trailing run of
    // non-ASCII bytes needs decoding, forward from the ASCII byte before it.
    std::uint32_t trimmed_end(std::uint32_t begin, std::uint32_t end) const {
        std::uint32_t e = end;
        while (e > begin) {
            if (p_[e - 1] < 0x80) {
                if (!is_ascii_space(p_[e - 1])) return e;
                --e;
                continue;
            }
            std::uint32_t r = e - 1;
            while (r > begin && p_[r] >= 0x80) --r;
            std::uint32_t last = r;  // end of the last non-space character found in [r, e)
            for (std::uint32_t k = r; k < e;) {
                Unit u = decode_at(p_ + k, end - k);
                k += u.len;
                if (!u.valid || classify(u) != CharClass::space) last = k;
            }
            if (last > r) return last;
            e = r;
        }
        return begin;
    }

    std::uint32_t skip_class_run(std::uint32_t i, std::uint32_t end, bool (*pred)(CharClass)) const {
        while (i < end) {
            Unit u = decode_at(p_ + i, end - i);
            if (!pred(classify(u))) break;
            i += u.len;
        }
        return i;
    }

    static bool word_char(CharClass c) {
        return c == CharClass::letter || c == CharClass::digit || c == CharClass::mark;
    }
    static bool digit_char(CharClass c) { return c == CharClass::digit; }

    // Abbreviation class of a word followed by a period, or empty when the period is not
    // part of the word. `next` is the first byte after the period.
    bool takes_period(std::uint32_t b, std::uint32_t e, std::uint32_t after_period,
                      std::uint32_t line_end, bool capitalized) const {
        std::string_view word(reinterpret_cast<const char*>(p_) + b, e - b);
        // Initials and dotted abbreviations: "J.", "U.S", "e.g", "a.m".
        bool dotted = true;
        std::size_t seg = 0;
        for (char ch : word) {
            if (ch == '.') {
                if (seg == 0 || seg > 2) dotted = false;
                seg = 0;
            } else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
                ++seg;
            } else {
                dotted = false;
            }
        }
        if (seg == 0 || seg > 2) dotted = false;
        bool has_dot = word.find('.') != std::string_view::npos;
        if (dotted && has_dot) return true;
        if (word.size() == 1 && capitalized) return true;  // an initial
        // Lower-cased (ASCII) into a small buffer: abbreviations are short words.
        char buf[48] = {};
        if (word.size() > 32) return false;  // longer than any abbreviation
        for (std::size_t x = 0; x < word.size(); ++x) {
            char ch = word[x];
            buf[x] = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
        }
        const auto* row = abbreviations_.find(lexicon::lexeme_padded(buf, word.size()));  // buf has 16 bytes past any key
        if (!row || row->empty()) return false;
        std::string_view cls = (*row)[0];
        if (cls == "other") return true;
        if (!capitalized) return false;
        if (cls == "numeral") {
            std::uint32_t j = after_period;
            while (j < line_end && p_[j] == ' ') ++j;
            return j < line_end && p_[j] >= '0' && p_[j] <= '9';
        }
        return true;
    }

    void tokenize_line(std::uint32_t li) {
        Line& line = doc_.lines[li];
        line.first_token = static_cast<std::uint32_t>(doc_.tokens.size());
        const std::uint32_t end = line.content_end;
        std::uint32_t i = line.content_begin;
        // Room for the normalised forms of the whole line: an ASCII byte's form is one
        // byte, and a non-ASCII byte's part of a form at most three (an invalid byte
        // becomes U+FFFD). Not three bytes for every byte: the arena is zero-filled as it
        // grows, and a long ASCII line would triple it for nothing.
        std::size_t non_ascii = 0;
        for (std::uint32_t k = i; k < end; ++k) non_ascii += p_[k] >> 7;
        norm_room(static_cast<std::size_t>(end - i) + 2 * non_ascii);
        bool space_before = true, quotes = false;
        while (i < end) {
            Unit u = unit(i);
            CharClass cls = classify(u);
            if (cls == CharClass::space) {
                if (u.cp == 0) ++nul_bytes_;
                space_before = true;
                i += u.len;
                continue;
            }
            Token& t = doc_.tokens.emplace_back();
            t.begin = i;
            t.norm_begin = norm_used_;
            // (arithmetic, not branches: the compiler would otherwise copy the rest of the
            // loop for each combination of flags)
            t.flags = static_cast<std::uint16_t>(tf_space_before * static_cast<unsigned>(space_before) |
                                                 tf_line_start * static_cast<unsigned>(i == line.content_begin));
            char* norm = &doc_.norm_arena[norm_used_];
            std::uint32_t j = i + u.len;
            bool norm_done = false;
            switch (cls) {
                case CharClass::letter:
                case CharClass::mark:
                case CharClass::digit:
                    j = scan_word(i, end, t, norm, norm_done);
                    break;
                case CharClass::quote_open:
                case CharClass::quote_close:
                case CharClass::quote_double:
                case CharClass::quote_single:
                    t.kind = TokenKind::quote;
                    quotes = true;
                    break;
                case CharClass::punct:
                    t.kind = TokenKind::punct;
                    // Runs of the same ASCII mark ("...", "--", "!!!") are one token.
                    if (u.cp < 0x80) {
                        while (j < end && p_[j] == p_[i]) ++j;
                        // Brackets open and close by themselves (quote marks: mark_quotes()).
                        if (j == i + 1) t.flags |= bracket_flags(u.cp);
                    }
                    break;
                case CharClass::invalid:
                    t.kind = TokenKind::symbol;
                    t.flags |= tf_invalid;
                    ++invalid_units_;
                    if (first_invalid_ == npos32) first_invalid_ = i;
                    if (u.len > 1) ++invalid_multi_;
                    break;
                default:
                    t.kind = TokenKind::symbol;
                    break;
            }
            t.end = j;
            t.norm_size = norm_done ? j - i : put_norm_range(i, j, norm);
            t.lex = lexicon::lexeme_padded(norm, t.norm_size);
            norm_used_ += t.norm_size;
            if (j < end && (p_[j] < 0x80 ? is_ascii_space(p_[j]) : classify(unit(j)) == CharClass::space))
                t.flags |= tf_space_after;
            space_before = false;
            i = j;
        }
        line.end_token = static_cast<std::uint32_t>(doc_.tokens.size());
        if (line.end_token > line.first_token) {
            doc_.tokens.back().flags |= tf_line_end | tf_space_after;
        }
        if (quotes) mark_quotes(line.first_token, line.end_token);
    }

    // Room in the arena for `need` more bytes of normalised forms, and 16 bytes after
    // them that the look-up of a form reads. The arena's size is cut to what is used at
    // the end (run()).
    void norm_room(std::size_t need) {
        std::string& a = doc_.norm_arena;
        if (norm_used_ + need + 16 > a.size()) a.resize(std::max(a.size() * 2, norm_used_ + need + 16));
    }

    // Writes the normalised form of the bytes [i, j) at o; returns its size.
    std::uint32_t put_norm_range(std::uint32_t i, std::uint32_t j, char* o) const {
        std::size_t w = 0;
        for (std::uint32_t k = i; k < j;) {
            if (p_[k] < 0x80) {
                unsigned char c = p_[k++];
                o[w++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
                continue;
            }
            Unit v = unit(k);
            w += put_norm(o + w, v);
            k += v.len;
        }
        return static_cast<std::uint32_t>(w);
    }

    // A word or number starting at i; sets kind and flags, returns its end. While the
    // word is ASCII its normalised form (lower case) is written at `norm` on the way, and
    // `norm_done` tells whether that was all of it.
    std::uint32_t scan_word(std::uint32_t i, std::uint32_t end, Token& t, char* norm, bool& norm_done) const {
        const unsigned char* const p = p_;
        std::uint32_t j = i;
        // What the flags and rules ask of the letters: none, one, or more (`letters`, at
        // most 2); a letter that is not upper case; a digit.
        std::uint32_t letters = 0;
        bool lower_seen = false, digit_seen = false;
        bool first_upper = false, starts_digit = false, ascii = true;
        if (p[i] >= 0x80) {
            // A first character beyond ASCII (an ASCII one is taken below).
            Unit v = unit(i);
            if (classify(v) == CharClass::letter) {
                letters = 1;
                first_upper = is_upper(v.cp);
                lower_seen = !first_upper;
            }
            ascii = false;
            j += v.len;
        } else {
            first_upper = p[i] >= 'A' && p[i] <= 'Z';
            starts_digit = p[i] >= '0' && p[i] <= '9';
        }
        for (;;) {
            j = ascii_run(i, j, end, norm, letters, lower_seen, digit_seen);
            if (j >= end) break;
            // Space and most punctuation end the word at once.
            if (p[j] < 0x80 && !ascii_inner[p[j]]) break;
            Unit v = unit(j);
            CharClass c = classify(v);
            if (word_char(c)) {
                if (c == CharClass::letter) {
                    letters = std::min<std::uint32_t>(letters + 1, 2);
                    if (!is_upper(v.cp)) lower_seen = true;
                } else if (c == CharClass::digit) {
                    digit_seen = true;
                }
            } else {
                if (j + v.len >= end) break;
                Unit w = unit(j + v.len);
                CharClass nc = classify(w);
                bool prev_digit = j > i && p[j - 1] >= '0' && p[j - 1] <= '9';
                bool next_digit = nc == CharClass::digit;
                bool inner =
                    // don't, O'Brien, Kazakstan's
                    (is_apostrophe_char(v.cp) && c != CharClass::quote_open && nc == CharClass::letter &&
                     letters > 0) ||
                    // well-known, COVID-19, 14-year-old; but 16-25 stays three tokens
                    (is_hyphen_char(v.cp) && word_char(nc) && !(prev_digit && next_digit)) ||
                    // U.S, e.g, example.com; 2.5
                    (v.cp == '.' && (nc == CharClass::letter || (prev_digit && next_digit))) ||
                    // 4:30, 12/16/2011
                    ((v.cp == ':' || v.cp == '/') && prev_digit && next_digit) ||
                    // 1,500
                    (v.cp == ',' && prev_digit && next_digit && letters == 0 && j + 4 <= end &&
                     p[j + 1] >= '0' && p[j + 1] <= '9' && p[j + 2] >= '0' && p[j + 2] <= '9' &&
                     p[j + 3] >= '0' && p[j + 3] <= '9' && (j + 4 == end || !(p[j + 4] >= '0' && p[j + 4] <= '9')));
                if (!inner) break;
            }
            if (v.cp < 0x80) norm[j - i] = ascii_lower(v.cp);
            else ascii = false;
            j += v.len;
        }
        t.kind = (starts_digit && letters == 0) ? TokenKind::number : TokenKind::word;
        if (digit_seen) t.flags |= tf_has_digit;
        if (first_upper) t.flags |= tf_capitalized;
        if (letters >= 2 && !lower_seen) t.flags |= tf_all_caps;
        // A period that belongs to the word: "Mr.", "U.S.", "J.", "Jan.".
        if (j < end && p_[j] == '.' && letters > 0 && !(j + 1 < end && p_[j + 1] == '.') &&
            takes_period(i, j, j + 1, end, first_upper)) {
            norm[j - i] = '.';
            ++j;
            t.flags |= tf_abbreviation;
        }
        norm_done = ascii;
        return j;
    }

    // The run of ASCII letters and digits at j (in a word that starts at i), taken into
    // the word: its lower-case form written at norm + (j - i), and what it adds to the
    // letter and digit facts. Returns its end. Eight bytes at a time where the CPU is
    // little-endian: each byte's class is a comparison done on all eight at once.
    std::uint32_t ascii_run(std::uint32_t i, std::uint32_t j, std::uint32_t end, char* norm, std::uint32_t& letters,
                            bool& lower_seen, bool& digit_seen) const {
        const unsigned char* const p = p_;
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        constexpr std::uint64_t high = 0x8080808080808080ull;
        while (j + 8 <= end) {
            std::uint64_t w;
            std::memcpy(&w, p + j, 8);
            if ((w & high) != 0) break;  // a byte beyond ASCII: byte by byte below
            std::uint64_t up = ascii_in_range(w, 'A', 'Z'), low = ascii_in_range(w, 'a', 'z'),
                          dig = ascii_in_range(w, '0', '9');
            std::uint64_t stop = ~(up | low | dig) & high;
            // the bytes before the first that is no letter or digit (all eight when none)
            std::uint64_t keep = stop == 0 ? ~0ull : (stop & (0 - stop)) - 1;
            up &= keep;
            low &= keep;
            dig &= keep;
            std::uint64_t lower_case = w | (up >> 2);  // 'A' | 0x20 == 'a'
            std::memcpy(norm + (j - i), &lower_case, 8);  // the arena has room past the word
            std::uint64_t let = up | low;
            letters = std::min<std::uint32_t>(letters + (let != 0) + ((let & (let - 1)) != 0), 2);
            lower_seen |= low != 0;
            digit_seen |= dig != 0;
            if (stop != 0) return j + static_cast<std::uint32_t>(count_trailing_zero_bytes(stop));
            j += 8;
        }
#endif
        for (; j < end; ++j) {
            unsigned char c = p[j];
            if (c >= 'a' && c <= 'z') {
                lower_seen = true;
                letters = std::min<std::uint32_t>(letters + 1, 2);
            } else if (c >= 'A' && c <= 'Z') {
                letters = std::min<std::uint32_t>(letters + 1, 2);
            } else if (c >= '0' && c <= '9') {
                digit_seen = true;
            } else {
                break;
            }
            norm[j - i] = ascii_lower(c);
        }
        return j;
    }

    // The opening / closing flag of a bracket ( [ { ) ] }, 0 for other marks.
    static std::uint16_t bracket_flags(char32_t c) {
        if (c == '(' || c == '[' || c == '{') return tf_opening;
        if (c == ')' || c == ']' || c == '}') return tf_closing;
        return 0;
    }

    // Opening / closing flags for the quote marks of one line (brackets have theirs).
    void mark_quotes(std::uint32_t first, std::uint32_t last) {
        for (std::uint32_t k = first; k < last; ++k) {
            Token& t = doc_.tokens[k];
            if (t.kind != TokenKind::quote) continue;
            Unit u = unit(t.begin);
            CharClass c = classify(u);
            if (c == CharClass::quote_open && u.cp != 0x2019) {
                t.flags |= tf_opening;
                continue;
            }
            if (c == CharClass::quote_close && u.cp != 0x2019) {
                t.flags |= tf_closing;
                continue;
            }
            // Straight quotes and ’: decide by the neighbours.
            bool before_open = t.has(tf_space_before) ||
                               (k > first && doc_.tokens[k - 1].has(tf_opening));
            bool after_open = t.has(tf_space_after) ||
                              (k + 1 < last && (doc_.tokens[k + 1].kind == TokenKind::punct ||
                                                doc_.tokens[k + 1].kind == TokenKind::quote));
            if (before_open && !t.has(tf_space_after)) t.flags |= tf_opening;
            else if (after_open && !t.has(tf_space_before)) t.flags |= tf_closing;
            else if (u.cp == 0x2019) t.flags |= tf_closing;
        }
    }

    std::uint32_t line_width(const Line& l) const {
        std::uint32_t w = 0;
        for (std::uint32_t i = l.content_begin; i < l.content_end; ++i)
            if ((p_[i] & 0xC0) != 0x80) ++w;
        return w;
    }

    bool ends_sentence(const Line& l) const {
        if (l.end_token == l.first_token) return false;
        const Token& t = doc_.tokens[l.end_token - 1];
        std::string_view nm = doc_.norm(t);
        if (t.kind == TokenKind::quote || nm == ")") {
            if (l.end_token - l.first_token < 2) return true;
            nm = doc_.norm(doc_.tokens[l.end_token - 2]);
        }
        return nm == "." || nm == "!" || nm == "?" || nm == "..." || nm == ":" ||
               (t.has(tf_abbreviation) && nm.size() > 2);
    }

    bool starts_lower(const Line& l) const {
        if (l.end_token == l.first_token) return false;
        const Token& t = doc_.tokens[l.first_token];
        Unit u = unit(t.begin);
        return t.kind == TokenKind::word && is_lower_letter(u.cp);
    }

    // Blank lines end a paragraph. Inside a run of lines, a line continues into the next
    // only when the run is hard-wrapped: lines of similar width, and this one does not end a
    // sentence (or the next starts in lower case).
    void build_paragraphs() {
        const auto& lines = doc_.lines;
        std::uint32_t i = 0, n = static_cast<std::uint32_t>(lines.size());
        while (i < n) {
            if (lines[i].blank()) {
                ++i;
                continue;
            }
            std::uint32_t j = i;
            while (j < n && !lines[j].blank()) ++j;
            // (the widths matter only when the run has several lines)
            std::uint32_t widest = 0;
            if (j - i > 1)
                for (std::uint32_t k = i; k < j; ++k) widest = std::max(widest, line_width(lines[k]));
            // Lines [i, j) form a run.
            std::uint32_t start = i;
            for (std::uint32_t k = i; k < j; ++k) {
                bool join = false;
                if (k + 1 < j && widest >= 30 && widest <= 110) {
                    std::uint32_t w = line_width(lines[k]);
                    const Line& next = lines[k + 1];
                    bool wide = w >= 30 && w * 100 >= widest * 55;
                    bool bullet = is_bullet_start(doc_.line_view(next)) || is_bullet_start(doc_.line_view(lines[k]));
                    join = wide && !bullet && (!ends_sentence(lines[k]) || starts_lower(next));
                }
                if (!join) {
                    add_paragraph(start, k + 1);
                    start = k + 1;
                }
            }
            i = j;
        }
    }

    void add_paragraph(std::uint32_t first, std::uint32_t end) {
        Paragraph p;
        p.first_line = first;
        p.end_line = end;
        p.first_token = doc_.lines[first].first_token;
        p.end_token = doc_.lines[end - 1].end_token;
        p.span = {doc_.lines[first].content_begin, doc_.lines[end - 1].content_end};
        doc_.paragraphs.push_back(p);
    }

    bool is_capitalized_start(std::uint32_t k) const {
        const Token& t = doc_.tokens[k];
        return t.has(tf_capitalized) || t.kind == TokenKind::number ||
               (t.kind == TokenKind::quote && t.has(tf_opening)) || t.has(tf_opening);
    }

    void split_sentences(std::uint32_t pi) {
        Paragraph& para = doc_.paragraphs[pi];
        para.first_sentence = static_cast<std::uint32_t>(doc_.sentences.size());
        std::uint32_t start = para.first_token;
        const std::uint32_t end = para.end_token;
        for (std::uint32_t k = start; k < end; ++k) {
            const Token& t = doc_.tokens[k];
            bool boundary = false;
            std::uint32_t last = k;  // last token of the sentence
            if (t.kind != TokenKind::punct && !t.has(tf_abbreviation)) continue;  // most tokens
            std::string_view nm = doc_.norm(t);
            if (t.kind == TokenKind::punct && (nm == "." || nm == "!" || nm == "?" || nm == "..." ||
                                               nm == "!!" || nm == "??" || nm == "?!")) {
                // Closing quotes and brackets stay with the sentence they close.
                while (last + 1 < end && doc_.tokens[last + 1].has(tf_closing) &&
                       !doc_.tokens[last + 1].has(tf_space_before))
                    ++last;
                if (last + 1 >= end) {
                    boundary = true;
                } else {
                    const Token& next = doc_.tokens[last + 1];
                    boundary = next.has(tf_space_before) && is_capitalized_start(last + 1);
                    if (boundary && nm == "..." && !doc_.tokens[last + 1].has(tf_capitalized)) boundary = false;
                }
            } else if (t.has(tf_abbreviation) && k + 1 < end) {
                // "in the U.S. The ..." ends a sentence; "Mr. Smith" does not.
                std::string_view word = nm.substr(0, nm.size() - 1);
                const auto* row = abbreviations_.find(word);
                bool other = word.find('.') != std::string_view::npos || (row && !row->empty() && (*row)[0] == "other");
                const Token& next = doc_.tokens[k + 1];
                boundary = other && word.size() > 1 && next.has(tf_capitalized) &&
                           starters_.contains(next.lex);
            }
            if (boundary) {
                add_sentence(pi, start, last + 1);
                start = last + 1;
                k = last;
            }
        }
        if (start < end) add_sentence(pi, start, end);
        para.end_sentence = static_cast<std::uint32_t>(doc_.sentences.size());
    }

    void add_sentence(std::uint32_t pi, std::uint32_t first, std::uint32_t end) {
        Sentence s;
        s.first_token = first;
        s.end_token = end;
        s.paragraph = pi;
        s.span = {doc_.tokens[first].begin, doc_.tokens[end - 1].end};
        doc_.sentences.push_back(s);
    }

    void report_encoding() {
        if (invalid_units_ > 0) {
            doc_.diagnostics.push_back(
                {"invalid_utf8", Severity::warning,
                 std::to_string(invalid_units_) +
                     " invalid UTF-8 sequence(s); their text is shown as U+FFFD and spans still "
                     "point at the original bytes",
                 Span{first_invalid_, first_invalid_ + unit(first_invalid_).len}});
            // Single stray high bytes amid ASCII text are the mark of a Windows-1252 or
            // Latin-1 file.
            if (invalid_multi_ == 0 && doc_.encoding == Encoding::utf8 && count_valid_multibyte() == 0) {
                doc_.encoding = Encoding::windows_1252;
                doc_.diagnostics.push_back(
                    {"encoding_windows_1252", Severity::warning,
                     "the input looks like Windows-1252/Latin-1, not UTF-8; it is not "
                     "transcoded (spans must stay byte-exact): transcode it to UTF-8 first to "
                     "analyse its accented letters",
                     std::nullopt});
            } else {
                doc_.encoding = Encoding::utf8_invalid;
            }
        }
        if (nul_bytes_ > 0)
            doc_.diagnostics.push_back({"nul_bytes", Severity::warning,
                                        std::to_string(nul_bytes_) + " NUL byte(s) in the input, read as spaces",
                                        std::nullopt});
    }

    // Valid multi-byte characters in the input (only needed when it has invalid ones).
    std::size_t count_valid_multibyte() const {
        std::size_t valid = 0;
        for (std::uint32_t i = 0; i < n_;) {
            if (p_[i] < 0x80) {
                ++i;
                continue;
            }
            Unit u = unit(i);
            if (u.valid) ++valid;
            i += u.len;
        }
        return valid;
    }

    static constexpr std::uint32_t npos32 = std::numeric_limits<std::uint32_t>::max();
    const unsigned char* p_;
    std::uint32_t n_;
    Document& doc_;
    const lexicon::Table& abbreviations_;
    const lexicon::Table& starters_;
    std::size_t invalid_units_ = 0, invalid_multi_ = 0, nul_bytes_ = 0;
    std::uint32_t first_invalid_ = npos32;
    std::uint32_t norm_used_ = 0;  // bytes of the arena in use
};

}  // namespace

Document build_document(std::string_view bytes, std::size_t max_bytes) {
    Document doc;
    doc.bytes = bytes;
    std::size_t limit = std::numeric_limits<std::uint32_t>::max() - 8;
    if (max_bytes != 0) limit = std::min(limit, max_bytes);
    std::size_t analysed = bytes.size();
    if (analysed > limit) {
        analysed = limit;
        // Cut on a character boundary.
        while (analysed > 0 && (static_cast<unsigned char>(bytes[analysed]) & 0xC0) == 0x80) --analysed;
        doc.diagnostics.push_back({"input_truncated", Severity::warning,
                                   "the input has " + std::to_string(bytes.size()) + " bytes; only the first " +
                                       std::to_string(analysed) + " were analysed (ParseOptions::max_bytes)",
                                   Span{analysed, bytes.size()}});
    }
    doc.analysed = static_cast<std::uint32_t>(analysed);

    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    if (analysed >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        bool le = p[0] == 0xFF;
        doc.encoding = le ? Encoding::utf16le : Encoding::utf16be;
        doc.diagnostics.push_back(
            {le ? "encoding_utf16le" : "encoding_utf16be", Severity::error,
             std::string("the input starts with a UTF-16 ") + (le ? "little" : "big") +
                 "-endian byte-order mark; reportage reads UTF-8 and does not transcode (spans "
                 "must stay byte offsets into the input): convert it first, e.g. "
                 "iconv -f UTF-16 -t UTF-8",
             Span{0, 2}});
        return doc;
    }

    // Mostly control bytes: binary data. Analysed all the same (it yields little).
    std::size_t sample = std::min<std::size_t>(analysed, 4096), controls = 0;
    // Counted branch-free into a byte per block of 128, which the compiler vectorises.
    for (std::size_t b = 0; b < sample; b += 128) {
        const std::size_t e = std::min<std::size_t>(sample - b, 128);
        unsigned char block = 0;
        for (std::size_t i = 0; i < e; ++i) {
            unsigned char c = p[b + i];
            block += static_cast<unsigned char>(
                ((c < 0x20) & (c != '\n') & (c != '\r') & (c != '\t') & (c != '\f')) | (c == 0x7F));
        }
        controls += block;
    }
    if (sample > 0 && controls * 10 > sample) {
        doc.encoding = Encoding::binary;
        doc.diagnostics.push_back({"binary_input", Severity::warning,
                                   "the input looks like binary data, not text (" + std::to_string(controls) +
                                       " control bytes in the first " + std::to_string(sample) + ")",
                                   std::nullopt});
    }

    // Room for a token per three bytes (news text has one per five or six): most
    // documents never regrow the token vector, whose pages would then be written twice.
    doc.tokens.reserve(analysed / 3 + 16);
    Builder builder(bytes, doc.analysed, doc);
    builder.run();
    return doc;
}

}  // namespace reportage::text
