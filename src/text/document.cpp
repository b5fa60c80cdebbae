// One pass over the input: encoding checks, lines, tokens (with normalised forms), then
// paragraphs and sentences over the token stream.
#include "text/document.hpp"

#include <algorithm>
#include <limits>
#include <string>

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

Unit decode_at(const unsigned char* p, std::size_t n) {
    if (p[0] < 0x80) return {p[0], 1, true};
    std::size_t len = utf8_sequence_length(p, n);
    if (len == 0) return {0xFFFD, static_cast<std::uint32_t>(utf8_invalid_length(p, n)), false};
    return {utf8_decode(p, len), static_cast<std::uint32_t>(len), true};
}

bool is_control(char32_t c) { return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0); }

CharClass classify(const Unit& u) {
    if (!u.valid) return CharClass::invalid;
    char32_t c = u.cp;
    if (c < 0x80) {
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

bool is_upper(char32_t c) {
    if (c >= 'A' && c <= 'Z') return true;
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

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

// The normalised form of one character, appended to out.
void append_norm(std::string& out, const Unit& u) {
    if (!u.valid) {
        out.append("\xEF\xBF\xBD");
        return;
    }
    char32_t c = u.cp;
    switch (c) {
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2039: case 0x203A:
        case 0x02BC: case 0x2032:
            out.push_back('\'');
            return;
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
            out.push_back('"');
            return;
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
        case 0x2212:
            out.push_back('-');
            return;
        case 0x2026:
            out.append("...");
            return;
        default:
            append_utf8(out, to_lower(c));
    }
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
          abbreviations_(lexicon::table("abbreviations")),
          starters_(lexicon::table("sentence_starters")) {}

    void run() {
        split_lines();
        for (std::uint32_t i = 0; i < doc_.lines.size(); ++i) tokenize_line(i);
        build_paragraphs();
        for (std::uint32_t i = 0; i < doc_.paragraphs.size(); ++i) split_sentences(i);
        report_encoding();
    }

private:
    Unit unit(std::uint32_t i) const { return decode_at(p_ + i, n_ - i); }

    void split_lines() {
        std::uint32_t start = 0;
        for (std::uint32_t i = 0; i < n_; ++i) {
            unsigned char c = p_[i];
            if (c == '\n' || c == '\r') {
                add_line(start, i);
                if (c == '\r' && i + 1 < n_ && p_[i + 1] == '\n') ++i;
                start = i + 1;
            }
        }
        if (start < n_) add_line(start, n_);
    }

    void add_line(std::uint32_t begin, std::uint32_t end) {
        Line line;
        line.begin = begin;
        line.end = end;
        // Trim leading white space.
        std::uint32_t i = begin;
        while (i < end) {
            Unit u = decode_at(p_ + i, end - i);
            if (!u.valid || classify(u) != CharClass::space) break;
            i += u.len;
        }
        line.content_begin = i;
        line.content_end = i;
        // Trailing white space: scan forward, remembering the end of the last non-space.
        while (i < end) {
            Unit u = decode_at(p_ + i, end - i);
            i += u.len;
            if (!u.valid || classify(u) != CharClass::space) line.content_end = i;
        }
        doc_.lines.push_back(line);
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
        std::string key;
        key.reserve(word.size());
        for (char ch : word) key.push_back(static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch));
        const auto* row = abbreviations_.find(key);
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
        bool space_before = true;
        while (i < end) {
            Unit u = unit(i);
            CharClass cls = classify(u);
            if (cls == CharClass::space) {
                if (u.cp == 0) ++nul_bytes_;
                space_before = true;
                i += u.len;
                continue;
            }
            Token t;
            t.begin = i;
            t.line = li;
            t.norm_begin = static_cast<std::uint32_t>(doc_.norm_arena.size());
            if (space_before) t.flags |= tf_space_before;
            if (i == line.content_begin) t.flags |= tf_line_start;
            std::uint32_t j = i + u.len;
            switch (cls) {
                case CharClass::letter:
                case CharClass::mark:
                case CharClass::digit:
                    j = scan_word(i, end, t);
                    break;
                case CharClass::quote_open:
                case CharClass::quote_close:
                case CharClass::quote_double:
                case CharClass::quote_single:
                    t.kind = TokenKind::quote;
                    break;
                case CharClass::punct:
                    t.kind = TokenKind::punct;
                    // Runs of the same ASCII mark ("...", "--", "!!!") are one token.
                    if (u.cp < 0x80) {
                        while (j < end && p_[j] == p_[i]) ++j;
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
            for (std::uint32_t k = i; k < j;) {
                Unit v = unit(k);
                append_norm(doc_.norm_arena, v);
                k += v.len;
            }
            t.norm_size = static_cast<std::uint32_t>(doc_.norm_arena.size()) - t.norm_begin;
            t.lex = lexicon::lexeme(std::string_view(doc_.norm_arena).substr(t.norm_begin, t.norm_size));
            doc_.tokens.push_back(t);
            space_before = false;
            i = j;
            if (i < end && classify(unit(i)) == CharClass::space) doc_.tokens.back().flags |= tf_space_after;
        }
        line.end_token = static_cast<std::uint32_t>(doc_.tokens.size());
        if (line.end_token > line.first_token) {
            doc_.tokens.back().flags |= tf_line_end | tf_space_after;
        }
        mark_quotes(line.first_token, line.end_token);
    }

    // A word or number starting at i; sets kind and flags, returns its end.
    std::uint32_t scan_word(std::uint32_t i, std::uint32_t end, Token& t) {
        std::uint32_t j = i;
        int letters = 0, uppers = 0, digits = 0;
        bool first_upper = false, first = true, starts_digit = false;
        auto take = [&](const Unit& v, CharClass c) {
            if (c == CharClass::letter) {
                ++letters;
                if (is_upper(v.cp)) ++uppers;
                if (first) first_upper = is_upper(v.cp);
            } else if (c == CharClass::digit) {
                ++digits;
                if (first) starts_digit = true;
            }
            first = false;
            j += v.len;
        };
        while (j < end) {
            Unit v = unit(j);
            CharClass c = classify(v);
            if (word_char(c)) {
                take(v, c);
                continue;
            }
            if (j + v.len >= end) break;
            Unit w = unit(j + v.len);
            CharClass nc = classify(w);
            bool prev_digit = j > i && p_[j - 1] >= '0' && p_[j - 1] <= '9';
            bool next_digit = nc == CharClass::digit;
            if (is_apostrophe_char(v.cp) && c != CharClass::quote_open && nc == CharClass::letter && letters > 0) {
                j += v.len;  // don't, O'Brien, Kazakstan's
                continue;
            }
            if (is_hyphen_char(v.cp) && word_char(nc) && !(prev_digit && next_digit)) {
                j += v.len;  // well-known, COVID-19, 14-year-old; but 16-25 stays three tokens
                continue;
            }
            if (v.cp == '.' && (nc == CharClass::letter || (prev_digit && next_digit))) {
                j += v.len;  // U.S, e.g, example.com; 2.5
                continue;
            }
            if ((v.cp == ':' || v.cp == '/') && prev_digit && next_digit) {
                j += v.len;  // 4:30, 12/16/2011
                continue;
            }
            if (v.cp == ',' && prev_digit && next_digit && letters == 0 && j + 4 <= end &&
                p_[j + 1] >= '0' && p_[j + 1] <= '9' && p_[j + 2] >= '0' && p_[j + 2] <= '9' &&
                p_[j + 3] >= '0' && p_[j + 3] <= '9' && (j + 4 == end || !(p_[j + 4] >= '0' && p_[j + 4] <= '9'))) {
                j += v.len;  // 1,500
                continue;
            }
            break;
        }
        t.kind = (starts_digit && letters == 0) ? TokenKind::number : TokenKind::word;
        if (digits > 0) t.flags |= tf_has_digit;
        if (first_upper) t.flags |= tf_capitalized;
        if (letters >= 2 && uppers == letters) t.flags |= tf_all_caps;
        // A period that belongs to the word: "Mr.", "U.S.", "J.", "Jan.".
        if (j < end && p_[j] == '.' && letters > 0 && !(j + 1 < end && p_[j + 1] == '.') &&
            takes_period(i, j, j + 1, end, first_upper)) {
            ++j;
            t.flags |= tf_abbreviation;
        }
        return j;
    }

    // Opening / closing flags for quote marks and brackets on one line.
    void mark_quotes(std::uint32_t first, std::uint32_t last) {
        for (std::uint32_t k = first; k < last; ++k) {
            Token& t = doc_.tokens[k];
            std::string_view nm = doc_.norm(t);
            if (t.kind == TokenKind::punct) {
                if (nm == "(" || nm == "[" || nm == "{") t.flags |= tf_opening;
                if (nm == ")" || nm == "]" || nm == "}") t.flags |= tf_closing;
                continue;
            }
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
            std::uint32_t widest = 0;
            while (j < n && !lines[j].blank()) widest = std::max(widest, line_width(lines[j++]));
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
                           starters_.contains(doc_.norm(next));
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
            if (invalid_multi_ == 0 && doc_.encoding == Encoding::utf8 && valid_multibyte_ == 0) {
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

public:
    void count_multibyte() {
        for (std::uint32_t i = 0; i < n_;) {
            if (p_[i] < 0x80) {
                ++i;
                continue;
            }
            Unit u = unit(i);
            if (u.valid) ++valid_multibyte_;
            i += u.len;
        }
    }

private:
    static constexpr std::uint32_t npos32 = std::numeric_limits<std::uint32_t>::max();
    const unsigned char* p_;
    std::uint32_t n_;
    Document& doc_;
    const lexicon::Table& abbreviations_;
    const lexicon::Table& starters_;
    std::size_t invalid_units_ = 0, invalid_multi_ = 0, nul_bytes_ = 0, valid_multibyte_ = 0;
    std::uint32_t first_invalid_ = npos32;
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
    for (std::size_t i = 0; i < sample; ++i) {
        unsigned char c = p[i];
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7F) ++controls;
    }
    if (sample > 0 && controls * 10 > sample) {
        doc.encoding = Encoding::binary;
        doc.diagnostics.push_back({"binary_input", Severity::warning,
                                   "the input looks like binary data, not text (" + std::to_string(controls) +
                                       " control bytes in the first " + std::to_string(sample) + ")",
                                   std::nullopt});
    }

    doc.norm_arena.reserve(analysed);
    doc.tokens.reserve(analysed / 5 + 16);
    Builder builder(bytes, doc.analysed, doc);
    builder.count_multibyte();
    builder.run();
    return doc;
}

}  // namespace reportage::text
