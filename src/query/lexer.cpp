#include "query/lexer.hpp"

#include <cstdint>

#include "reportage/query.hpp"

namespace reportage::query_detail {

namespace {

bool is_word_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_char(char c) { return is_word_start(c) || is_digit(c); }

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Reads 4 hex digits at q[i]; returns false when they are not there.
bool read_hex4(std::string_view q, std::size_t i, std::uint32_t& out) {
    if (i + 4 > q.size()) return false;
    out = 0;
    for (std::size_t k = i; k < i + 4; ++k) {
        const char c = q[k];
        out <<= 4;
        if (is_digit(c)) out |= static_cast<std::uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f') out |= static_cast<std::uint32_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') out |= static_cast<std::uint32_t>(c - 'A' + 10);
        else return false;
    }
    return true;
}

// Reads the string literal opening at q[i]; returns the index after its closing quote.
std::size_t read_string(std::string_view q, std::size_t i, std::string& out) {
    const char quote = q[i];
    const std::size_t start = i;
    ++i;
    while (i < q.size()) {
        const char c = q[i];
        if (c == quote) return i + 1;
        if (c != '\\') {
            out += c;
            ++i;
            continue;
        }
        if (i + 1 >= q.size()) break;
        const char e = q[i + 1];
        switch (e) {
            case '"': case '\'': case '\\': case '/': out += e; i += 2; continue;
            case 'n': out += '\n'; i += 2; continue;
            case 't': out += '\t'; i += 2; continue;
            case 'r': out += '\r'; i += 2; continue;
            case 'u': {
                std::uint32_t cp = 0;
                if (!read_hex4(q, i + 2, cp))
                    throw QueryError(i + 1, "expected four hex digits after \\u");
                i += 6;
                if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < q.size() && q[i] == '\\' &&
                    q[i + 1] == 'u') {
                    std::uint32_t lo = 0;
                    if (read_hex4(q, i + 2, lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        i += 6;
                    }
                }
                if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
                append_utf8(out, cp);
                continue;
            }
            default:
                throw QueryError(i + 1, std::string("expected an escape (\\\" \\' \\\\ \\n \\t \\r \\/ \\uXXXX), found \\") + e);
        }
    }
    throw QueryError(start + 1, "expected a closing " + std::string(1, quote) +
                                    " for the string that starts here");
}

}  // namespace

std::vector<Token> tokenize(std::string_view q) {
    using K = Token::Kind;
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (true) {
        while (i < q.size() && (q[i] == ' ' || q[i] == '\t' || q[i] == '\n' || q[i] == '\r')) ++i;
        Token t;
        t.position = i + 1;
        if (i >= q.size()) {
            t.kind = K::end;
            tokens.push_back(std::move(t));
            return tokens;
        }
        const char c = q[i];
        const char n = i + 1 < q.size() ? q[i + 1] : '\0';
        if (is_word_start(c)) {
            std::size_t j = i;
            while (j < q.size() && is_word_char(q[j])) ++j;
            t.kind = K::word;
            t.text = std::string(q.substr(i, j - i));
            i = j;
        } else if (is_digit(c) || (c == '-' && is_digit(n))) {
            std::size_t j = i + 1;
            while (j < q.size() && is_digit(q[j])) ++j;
            if (j + 1 < q.size() && q[j] == '.' && is_digit(q[j + 1])) {
                ++j;
                while (j < q.size() && is_digit(q[j])) ++j;
            }
            t.kind = K::number;
            t.text = std::string(q.substr(i, j - i));
            i = j;
        } else if (c == '"' || c == '\'') {
            t.kind = K::string;
            i = read_string(q, i, t.text);
        } else {
            std::size_t len = 1;
            switch (c) {
                case '(': t.kind = K::lparen; break;
                case ')': t.kind = K::rparen; break;
                case '[': t.kind = K::lbracket; break;
                case ']': t.kind = K::rbracket; break;
                case ',': t.kind = K::comma; break;
                case '.': t.kind = K::dot; break;
                case '~': t.kind = K::tilde; break;
                case '=': t.kind = K::eq; if (n == '=') len = 2; break;
                case '!':
                    if (n != '=') throw QueryError(i + 1, "expected != , found a lone !");
                    t.kind = K::ne; len = 2; break;
                case '<':
                    if (n == '=') { t.kind = K::le; len = 2; }
                    else if (n == '>') { t.kind = K::ne; len = 2; }
                    else t.kind = K::lt;
                    break;
                case '>':
                    if (n == '=') { t.kind = K::ge; len = 2; } else t.kind = K::gt;
                    break;
                default: {
                    std::string shown;
                    const auto u = static_cast<unsigned char>(c);
                    if (u >= 0x20 && u < 0x7F) {
                        shown = std::string("'") + c + "'";
                    } else {
                        static const char hex[] = "0123456789abcdef";
                        shown = std::string("byte 0x") + hex[u >> 4] + hex[u & 15];
                    }
                    throw QueryError(i + 1, "expected a field, a value, an operator or a keyword, found " + shown);
                }
            }
            t.text = std::string(q.substr(i, len));
            i += len;
        }
        tokens.push_back(std::move(t));
    }
}

std::string describe(const Token& t) {
    using K = Token::Kind;
    switch (t.kind) {
        case K::end: return "the end of the query";
        case K::word: return "'" + t.text + "'";
        case K::string: return "the string \"" + t.text + "\"";
        case K::number: return "the number " + t.text;
        default: return "'" + t.text + "'";
    }
}

}  // namespace reportage::query_detail
