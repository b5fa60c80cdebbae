// The text layer on crafted inputs: encodings, lines, paragraphs, sentences, tokens.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/document.hpp"

using namespace reportage;
using namespace reportage::text;

namespace {

std::vector<std::string> sentence_texts(const Document& d) {
    std::vector<std::string> out;
    for (const auto& s : d.sentences) out.push_back(d.text(s.span));
    return out;
}

std::vector<std::string> paragraph_texts(const Document& d) {
    std::vector<std::string> out;
    for (const auto& p : d.paragraphs) out.push_back(d.text(p.span));
    return out;
}

std::vector<std::string> norms(const Document& d) {
    std::vector<std::string> out;
    for (const auto& t : d.tokens) out.emplace_back(d.norm(t));
    return out;
}

bool has_diagnostic(const Document& d, const std::string& code) {
    for (const auto& g : d.diagnostics)
        if (g.code == code) return true;
    return false;
}

}  // namespace

TEST_CASE("invalid UTF-8 gives one diagnostic, U+FFFD in text, and spans on the original bytes") {
    std::string in = "Caf\xE9 open. Bad \xFF\xFE bytes.";
    Document d = build_document(in);
    CHECK(has_diagnostic(d, "invalid_utf8"));
    int count = 0;
    for (const auto& g : d.diagnostics) count += g.code == "invalid_utf8";
    CHECK(count == 1);
    REQUIRE(d.paragraphs.size() == 1);
    CHECK(d.paragraphs[0].span.begin == 0);
    CHECK(d.paragraphs[0].span.end == in.size());
    CHECK(d.text(d.paragraphs[0].span) == "Caf\xEF\xBF\xBD open. Bad \xEF\xBF\xBD\xEF\xBF\xBD bytes.");
}

TEST_CASE("replacement follows the maximal-subpart rule (as Python's errors='replace')") {
    std::string out;
    append_replacing_invalid(out, "\xE2\x82" "A");  // truncated 3-byte sequence: one U+FFFD
    CHECK(out == "\xEF\xBF\xBD" "A");
    out.clear();
    append_replacing_invalid(out, "\xED\xA0\x80");  // surrogate: three U+FFFD
    CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    out.clear();
    append_replacing_invalid(out, "\xF0\x9F\x98\x80");  // valid emoji kept
    CHECK(out == "\xF0\x9F\x98\x80");
    out.clear();
    append_replacing_invalid(out, "\xC0\xAF");  // overlong: two U+FFFD
    CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("a Windows-1252 file is detected and reported, not transcoded") {
    std::string in = "The caf\xE9 opened on Monday.\n\nIt sold cr\xE8me br\xFBl\xE9\x65 \x93" "fresh\x94.";
    Document d = build_document(in);
    CHECK(d.encoding == Encoding::windows_1252);
    CHECK(has_diagnostic(d, "encoding_windows_1252"));
    CHECK(d.paragraphs.size() == 2);
}

TEST_CASE("a UTF-16 byte-order mark is reported and the input is not analysed") {
    std::string in("\xFF\xFEH\0i\0", 6);
    Document d = build_document(in);
    CHECK(d.encoding == Encoding::utf16le);
    CHECK(has_diagnostic(d, "encoding_utf16le"));
    CHECK(d.tokens.empty());
}

TEST_CASE("a UTF-8 byte-order mark is not part of the first line's content") {
    std::string in = "\xEF\xBB\xBFHeadline here";
    Document d = build_document(in);
    REQUIRE(d.lines.size() == 1);
    CHECK(d.lines[0].content_begin == 3);
    CHECK(d.line_view(d.lines[0]) == "Headline here");
}

TEST_CASE("CR, LF and CRLF all end lines") {
    Document d = build_document("one\rtwo\nthree\r\nfour");
    REQUIRE(d.lines.size() == 4);
    CHECK(d.line_view(d.lines[0]) == "one");
    CHECK(d.line_view(d.lines[1]) == "two");
    CHECK(d.line_view(d.lines[2]) == "three");
    CHECK(d.line_view(d.lines[3]) == "four");
    CHECK(d.lines[3].begin == 15);
}

TEST_CASE("NBSP and other Unicode spaces are trimmed and separate tokens") {
    std::string in = "\xC2\xA0\xC2\xA0Hello\xE2\x80\x89world\xE3\x80\x80";
    Document d = build_document(in);
    REQUIRE(d.lines.size() == 1);
    CHECK(d.line_view(d.lines[0]) == "Hello\xE2\x80\x89world");
    CHECK(norms(d) == std::vector<std::string>{"hello", "world"});
}

TEST_CASE("a line of white space only is blank and separates paragraphs") {
    Document d = build_document("First paragraph.\n \xC2\xA0\t\nSecond paragraph.");
    CHECK(paragraph_texts(d) == std::vector<std::string>{"First paragraph.", "Second paragraph."});
}

TEST_CASE("one paragraph per line when lines are whole paragraphs") {
    std::string in =
        "The council met on Tuesday to discuss the new budget for the coming year, which has been "
        "delayed twice.\n"
        "Members said the delay was caused by late figures from the treasury and a dispute over "
        "road repairs.\n"
        "A vote is expected next week.\n";
    Document d = build_document(in);
    CHECK(d.paragraphs.size() == 3);
}

TEST_CASE("hard-wrapped prose is one paragraph") {
    std::string in =
        "The river rose by two metres overnight, forcing the evacuation of\n"
        "several villages along its banks, and officials warned that more\n"
        "rain was expected before the weekend.\n"
        "\n"
        "Schools were closed.\n";
    Document d = build_document(in);
    REQUIRE(d.paragraphs.size() == 2);
    CHECK(d.paragraphs[0].end_line - d.paragraphs[0].first_line == 3);
    REQUIRE(d.sentences.size() == 2);
}

TEST_CASE("bullet lines never join into one paragraph") {
    std::string in =
        "  * Home news from around the country today\n"
        "  * World news from around the globe today\n"
        "  * Sport results and fixtures for the week\n";
    Document d = build_document(in);
    CHECK(d.paragraphs.size() == 3);
}

TEST_CASE("titles and initials do not end sentences") {
    Document d = build_document("Mr. Smith met Dr. Jones and J. R. Ewing. They talked.");
    CHECK(sentence_texts(d) ==
          std::vector<std::string>{"Mr. Smith met Dr. Jones and J. R. Ewing.", "They talked."});
}

TEST_CASE("U.S. ends a sentence only before a sentence starter") {
    Document d = build_document("He flew to the U.S. The trip was long. The U.S. Army agreed.");
    CHECK(sentence_texts(d) ==
          std::vector<std::string>{"He flew to the U.S.", "The trip was long.", "The U.S. Army agreed."});
}

TEST_CASE("month abbreviations and decimals stay inside the sentence") {
    Document d = build_document("On Jan. 5 prices rose 2.5 percent. Sales fell.");
    CHECK(sentence_texts(d) ==
          std::vector<std::string>{"On Jan. 5 prices rose 2.5 percent.", "Sales fell."});
}

TEST_CASE("a closing quote stays with the sentence it ends") {
    Document d = build_document("\xE2\x80\x9CWe will stay.\xE2\x80\x9D The crowd cheered. \"Go!\" she said.");
    CHECK(sentence_texts(d) == std::vector<std::string>{"\xE2\x80\x9CWe will stay.\xE2\x80\x9D",
                                                        "The crowd cheered.", "\"Go!\" she said."});
}

TEST_CASE("lower-case continuation after a period does not split") {
    Document d = build_document("Prices rose at 3 p.m. yesterday. It was odd... and then calm.");
    CHECK(d.sentences.size() == 2);
}

TEST_CASE("tokens carry byte offsets and normalised forms") {
    std::string in = "\xE2\x80\x9CIt\xE2\x80\x99s over,\xE2\x80\x9D said O\xE2\x80\x99" "Brien \xE2\x80\x94 1,500 left.";
    Document d = build_document(in);
    CHECK(norms(d) == std::vector<std::string>{"\"", "it's", "over", ",", "\"", "said", "o'brien", "-",
                                               "1,500", "left", "."});
    const Token& first = d.tokens[0];
    CHECK(first.begin == 0);
    CHECK(first.end == 3);
    CHECK(first.kind == TokenKind::quote);
    CHECK(first.has(tf_opening));
    CHECK(d.tokens[4].has(tf_closing));
    CHECK(d.tokens[8].kind == TokenKind::number);
    CHECK(d.raw(d.tokens[6].span()) == "O\xE2\x80\x99" "Brien");
}

TEST_CASE("straight quotes are opening or closing by position") {
    Document d = build_document("He said \"no\" and 'yes' today.");
    std::vector<const Token*> quotes;
    for (const auto& t : d.tokens)
        if (t.kind == TokenKind::quote) quotes.push_back(&t);
    REQUIRE(quotes.size() == 4);
    CHECK(quotes[0]->has(tf_opening));
    CHECK(quotes[1]->has(tf_closing));
    CHECK(quotes[2]->has(tf_opening));
    CHECK(quotes[3]->has(tf_closing));
}

TEST_CASE("numeric ranges split, hyphenated words and times do not") {
    Document d = build_document("Between 16-25 well-known 14-year-old at 4:30 on 12/16/2011.");
    CHECK(norms(d) == std::vector<std::string>{"between", "16", "-", "25", "well-known", "14-year-old",
                                               "at", "4:30", "on", "12/16/2011", "."});
}

TEST_CASE("capitalisation flags") {
    Document d = build_document("NATO said Kazakstan");
    REQUIRE(d.tokens.size() == 3);
    CHECK(d.tokens[0].has(tf_all_caps));
    CHECK(d.tokens[0].has(tf_capitalized));
    CHECK(!d.tokens[1].has(tf_capitalized));
    CHECK(d.tokens[2].has(tf_capitalized));
    CHECK(!d.tokens[2].has(tf_all_caps));
}

TEST_CASE("accented capitals lower-case in the normal form") {
    Document d = build_document("\xC3\x89MILE \xC3\x96zil");
    CHECK(norms(d) == std::vector<std::string>{"\xC3\xA9mile", "\xC3\xB6zil"});
    CHECK(d.tokens[0].has(tf_all_caps));
}

TEST_CASE("NUL bytes are read as spaces and reported") {
    std::string in("Police\0said\0so.", 15);
    Document d = build_document(in);
    CHECK(has_diagnostic(d, "nul_bytes"));
    CHECK(norms(d) == std::vector<std::string>{"police", "said", "so", "."});
}

TEST_CASE("binary data is reported and still yields a document") {
    std::string in;
    for (int i = 0; i < 3000; ++i) in.push_back(static_cast<char>((i * 37) % 256));
    Document d = build_document(in);
    CHECK(has_diagnostic(d, "binary_input"));
    for (const auto& t : d.tokens) {
        CHECK(t.begin < t.end);
        CHECK(t.end <= in.size());
    }
}

TEST_CASE("a byte limit cuts the analysis on a character boundary and says so") {
    std::string in = "Ab\xC3\xA9 cd ef";
    Document d = build_document(in, 3);  // would cut inside the two-byte é
    CHECK(has_diagnostic(d, "input_truncated"));
    CHECK(d.analysed == 2);
}

TEST_CASE("empty and blank inputs give empty documents") {
    CHECK(build_document("").paragraphs.empty());
    CHECK(build_document("\n\n \r\n").paragraphs.empty());
    CHECK(build_document("\n\n \r\n").tokens.empty());
}

TEST_CASE("every token and sentence span lies on character boundaries") {
    std::string in = "\xE2\x80\x9C\xC3\xA9t\xC3\xA9\xE2\x80\x9D \xF0\x9F\x98\x80 na\xC3\xAFve \xE2\x80\xA6 end.";
    Document d = build_document(in);
    for (const auto& t : d.tokens) {
        CHECK((static_cast<unsigned char>(in[t.begin]) & 0xC0) != 0x80);
        if (t.end < in.size()) CHECK((static_cast<unsigned char>(in[t.end]) & 0xC0) != 0x80);
    }
}
