// The text layer: one pass over the input bytes gives lines, paragraphs, sentences and
// tokens, all with byte offsets into the original input. Every later stage reads these,
// never the raw bytes with whole-document patterns.
#ifndef REPORTAGE_TEXT_DOCUMENT_HPP
#define REPORTAGE_TEXT_DOCUMENT_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reportage/model.hpp"

namespace reportage::text {

enum class Encoding {
    utf8,          // valid UTF-8 (possibly with a UTF-8 byte-order mark)
    utf8_invalid,  // mostly UTF-8 with invalid sequences (shown as U+FFFD)
    windows_1252,  // looks like a single-byte Windows-1252 / Latin-1 file
    utf16le,       // UTF-16 little-endian byte-order mark: not analysed
    utf16be,       // UTF-16 big-endian byte-order mark: not analysed
    binary,        // mostly control bytes: not analysed
};

// One line of input. [begin, end) excludes the terminator (LF, CR or CRLF).
// [content_begin, content_end) is the line without leading and trailing white space
// (ASCII and Unicode spaces such as NBSP).
struct Line {
    std::uint32_t begin = 0, end = 0;
    std::uint32_t content_begin = 0, content_end = 0;
    std::uint32_t first_token = 0, end_token = 0;  // tokens on this line: [first, end)
    bool blank() const { return content_begin == content_end; }
    Span content() const { return {content_begin, content_end}; }
};

// A paragraph: a run of lines. Blank lines separate paragraphs; inside a run of
// non-blank lines, each line is its own paragraph unless the run is hard-wrapped prose
// (lines that break mid-sentence), which stays one paragraph.
struct Paragraph {
    std::uint32_t first_line = 0, end_line = 0;  // [first, end)
    std::uint32_t first_token = 0, end_token = 0;
    std::uint32_t first_sentence = 0, end_sentence = 0;
    Span span;  // trimmed content: first non-space byte to last non-space byte
};

struct Sentence {
    std::uint32_t first_token = 0, end_token = 0;  // [first, end)
    std::uint32_t paragraph = 0;
    Span span;
};

enum class TokenKind : std::uint8_t {
    word,     // letters, with inner apostrophes, hyphens, periods (U.S., don't, well-known)
    number,   // digits with inner , . : / (14, 1,500, 2.5, 4:30, 12/16/2011)
    quote,    // a quote mark: " “ ” ‘ ’ ' « » „ ‚ ‹ ›  (apostrophes inside words are not tokens)
    punct,    // other punctuation: . , ; : ! ? ( ) [ ] — – - … etc.
    symbol,   // anything else that is not a space (emoji, currency signs, U+FFFD)
};

// Token flags.
enum : std::uint16_t {
    tf_capitalized = 1u << 0,  // first letter upper case
    tf_all_caps = 1u << 1,     // every letter upper case, at least two letters
    tf_has_digit = 1u << 2,
    tf_space_before = 1u << 3,  // white space (or line start) right before it
    tf_space_after = 1u << 4,   // white space (or line end) right after it
    tf_line_start = 1u << 5,
    tf_line_end = 1u << 6,
    tf_abbreviation = 1u << 7,  // word followed by its own period, kept inside the token (Mr., U.S., Jan.)
    tf_invalid = 1u << 8,       // contains bytes that are not valid UTF-8
    tf_opening = 1u << 9,       // quote/bracket that opens (“ ‘ « „ ( [ or a straight quote in opening position)
    tf_closing = 1u << 10,      // quote/bracket that closes
};

struct Token {
    std::uint32_t begin = 0, end = 0;  // bytes of the original input
    std::uint32_t norm_begin = 0, norm_size = 0;  // into Document::norm_arena
    std::uint32_t lex = 0;  // lexicon::lexeme(norm): the id of its normal form in the word lists, 0 if none
    TokenKind kind = TokenKind::word;
    std::uint16_t flags = 0;
    bool has(std::uint16_t f) const { return (flags & f) != 0; }
    Span span() const { return {begin, end}; }
};
// Every stage walks the tokens of large documents more than once: keep them small (the
// line of a token is found from Document::lines, whose token ranges are in order).
static_assert(sizeof(Token) == 24, "text::Token grew");

struct Document {
    std::string_view bytes;     // the input as given; the caller keeps it alive
    std::uint32_t analysed = 0; // bytes analysed (input may be cut at a limit)
    Encoding encoding = Encoding::utf8;
    std::vector<Line> lines;
    std::vector<Paragraph> paragraphs;
    std::vector<Sentence> sentences;
    std::vector<Token> tokens;
    // Normalised token forms, back to back: lower case (ASCII and Latin-1/Latin Extended-A
    // letters), curly apostrophes and quotes folded to ' and ", dashes to "-", U+FFFD kept.
    std::string norm_arena;
    std::vector<Diagnostic> diagnostics;  // invalid UTF-8, encodings, limits

    std::string_view norm(const Token& t) const {
        return std::string_view(norm_arena).substr(t.norm_begin, t.norm_size);
    }
    std::string_view raw(Span s) const { return bytes.substr(s.begin, s.end - s.begin); }
    // The span's bytes as a valid UTF-8 string: each maximal invalid subsequence becomes
    // U+FFFD (as Python's bytes.decode("utf-8", "replace") does).
    std::string text(Span s) const;
    Text make_text(Span s) const { return Text{text(s), s}; }
    // The line's content as a string_view of the original bytes.
    std::string_view line_view(const Line& l) const { return raw(l.content()); }
};

// Builds the document in one pass. Never throws for any byte sequence (only bad_alloc).
// `max_bytes` (0 = no limit) bounds what is analysed; a diagnostic notes the cut.
Document build_document(std::string_view bytes, std::size_t max_bytes = 0);

// UTF-8 helpers, shared by the stages.
// Length of the valid UTF-8 sequence starting at p (1..4), or 0 if the bytes at p do
// not start one; `n` is the number of bytes available.
std::size_t utf8_sequence_length(const unsigned char* p, std::size_t n) noexcept;
// Length of the maximal invalid subsequence starting at p (1..3 bytes; n >= 1).
std::size_t utf8_invalid_length(const unsigned char* p, std::size_t n) noexcept;
// Decodes the code point of a valid sequence of length len.
char32_t utf8_decode(const unsigned char* p, std::size_t len) noexcept;
// Appends the replacement-decoded form of bytes to out.
void append_replacing_invalid(std::string& out, std::string_view bytes);
// True for ASCII white space and Unicode spaces (NBSP, U+2000..U+200B, U+202F, U+205F,
// U+3000, U+FEFF).
bool is_space(char32_t c) noexcept;

}  // namespace reportage::text

#endif  // REPORTAGE_TEXT_DOCUMENT_HPP
