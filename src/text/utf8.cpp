// UTF-8 validation and replacement decoding, matching the Unicode "maximal subpart"
// practice that Python's bytes.decode("utf-8", "replace") follows, so that the text of
// every span equals what a consumer gets by decoding the same bytes.
#include <cstdint>
#include <cstring>

#include "text/document.hpp"

namespace reportage::text {

namespace {

bool in(unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; }

// Bounds of the second byte of a sequence led by b0 (the only byte whose range varies).
void second_byte_range(unsigned char b0, unsigned char& lo, unsigned char& hi) {
    lo = 0x80;
    hi = 0xBF;
    if (b0 == 0xE0) lo = 0xA0;
    else if (b0 == 0xED) hi = 0x9F;
    else if (b0 == 0xF0) lo = 0x90;
    else if (b0 == 0xF4) hi = 0x8F;
}

std::size_t expected_length(unsigned char b0) {
    if (b0 < 0x80) return 1;
    if (in(b0, 0xC2, 0xDF)) return 2;
    if (in(b0, 0xE0, 0xEF)) return 3;
    if (in(b0, 0xF0, 0xF4)) return 4;
    return 0;
}

}  // namespace

std::size_t utf8_sequence_length(const unsigned char* p, std::size_t n) noexcept {
    if (n == 0) return 0;
    std::size_t len = expected_length(p[0]);
    if (len <= 1) return len;
    if (n < len) return 0;
    unsigned char lo, hi;
    second_byte_range(p[0], lo, hi);
    if (!in(p[1], lo, hi)) return 0;
    for (std::size_t i = 2; i < len; ++i)
        if (!in(p[i], 0x80, 0xBF)) return 0;
    return len;
}

// Length of the maximal invalid subsequence at p (the valid prefix of a truncated
// sequence, or one byte).
std::size_t utf8_invalid_length(const unsigned char* p, std::size_t n) noexcept {
    std::size_t len = expected_length(p[0]);
    if (len <= 1) return 1;
    std::size_t k = 1;
    unsigned char lo, hi;
    second_byte_range(p[0], lo, hi);
    if (k < n && in(p[k], lo, hi)) {
        ++k;
        while (k < len && k < n && in(p[k], 0x80, 0xBF)) ++k;
    }
    return k;
}

char32_t utf8_decode(const unsigned char* p, std::size_t len) noexcept {
    switch (len) {
        case 1: return p[0];
        case 2: return (char32_t(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
        case 3: return (char32_t(p[0] & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        case 4:
            return (char32_t(p[0] & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) |
                   (char32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
        default: return 0xFFFD;
    }
}

void append_replacing_invalid(std::string& out, std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t n = bytes.size(), i = 0;
    out.reserve(out.size() + n);
    while (i < n) {
        // Copy a run of ASCII at once (found 8 bytes at a time).
        std::size_t j = i;
        for (std::uint64_t w; j + 8 <= n; j += 8) {
            std::memcpy(&w, p + j, 8);
            if ((w & 0x8080808080808080ull) != 0) break;
        }
        while (j < n && p[j] < 0x80) ++j;
        out.append(bytes.data() + i, j - i);
        i = j;
        if (i >= n) break;
        std::size_t len = utf8_sequence_length(p + i, n - i);
        if (len > 0) {
            out.append(bytes.data() + i, len);
            i += len;
        } else {
            out.append("\xEF\xBF\xBD");
            i += utf8_invalid_length(p + i, n - i);
        }
    }
}

bool is_space(char32_t c) noexcept {
    switch (c) {
        case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
        case 0x85: case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
        case 0x2028: case 0x2029:
            return true;
        default:
            return c >= 0x2000 && c <= 0x200B;
    }
}

std::string Document::text(Span s) const {
    std::string out;
    if (s.begin >= s.end || s.end > bytes.size()) return out;
    append_replacing_invalid(out, bytes.substr(s.begin, s.end - s.begin));
    return out;
}

}  // namespace reportage::text
