// The page as blocks: one per text-layer paragraph, with length, stop-word density,
// list marks and sentence punctuation counted once (O(tokens)).
#include "layout/blocks.hpp"

namespace reportage::layout {

namespace {

bool is_bullet_mark(std::string_view nm) {
    return nm == "*" || nm == "+" || nm == "\xE2\x80\xA2" /* • */ || nm == "\xC2\xB7" /* · */ ||
           nm == "\xE2\x96\xAA" /* ▪ */ || nm == "\xE2\x96\xA0" /* ■ */ ||
           nm == "\xE2\x96\xBA" /* ► */ || nm == "\xC2\xBB" /* » */ || nm == "\xE2\x80\xBA" /* › */ ||
           nm == "|" || nm == "\xE2\x97\x8F" /* ● */ || nm == "\xE2\x80\xA3" /* ‣ */;
}

}  // namespace

std::uint32_t match_phrase(const Page& page, const lexicon::Table& table, std::uint32_t k,
                           std::uint32_t end, const std::vector<std::string_view>** row,
                           std::uint32_t max_tokens) {
    std::string key;
    std::uint32_t best = 0;
    for (std::uint32_t i = k; i < end && i - k < max_tokens; ++i) {
        std::string_view nm = page.norm(i);
        if (nm.size() > 40) break;
        if (i > k) key += ' ';
        key += nm;
        if (const auto* r = table.find(key)) {
            best = i - k + 1;
            if (row) *row = r;
        }
    }
    return best;
}

Block make_block(const Page& page, std::uint32_t para, std::uint32_t first_line, std::uint32_t end_line) {
    const text::Document& doc = page.doc;
    const auto& stop = lexicon::table("layout_stopwords");
    Block b;
    b.para = para;
    const auto& line = doc.lines[first_line];
    b.span = {line.content_begin, doc.lines[end_line - 1].content_end};
    b.first_token = line.first_token;
    b.end_token = doc.lines[end_line - 1].end_token;
    b.indent = line.content_begin - line.begin;
    for (std::size_t i = b.span.begin; i < b.span.end; ++i)
        if ((static_cast<unsigned char>(doc.bytes[i]) & 0xC0) != 0x80) ++b.chars;
    std::uint32_t t = b.first_token;
    // List marks: "* ", "+ ", "• ", also when a browser doubled them.
    while (t < b.end_token && t - b.first_token < 2 && !page.is_word(t) && is_bullet_mark(page.norm(t))) {
        b.bullet = true;
        ++t;
    }
    if (!b.bullet && t + 1 < b.end_token && page.norm(t) == "-" && doc.bytes[doc.tokens[t].begin] == '-' &&
        doc.tokens[t].has(text::tf_space_after)) {
        b.bullet = true;
        ++t;
    }
    b.content_token = t;
    for (std::uint32_t k = b.first_token; k < b.end_token; ++k) {
        const auto& tk = doc.tokens[k];
        std::string_view nm = page.norm(k);
        if (tk.kind == text::TokenKind::word || tk.kind == text::TokenKind::number) {
            ++b.words;
            if (stop.contains(nm)) ++b.stopwords;
            if (tk.has(text::tf_capitalized) || tk.kind == text::TokenKind::number) ++b.capitalized;
        } else if (tk.kind == text::TokenKind::punct && (nm == "." || nm == "!" || nm == "?" || nm == "...")) {
            ++b.sentence_marks;
        }
    }
    // Ends like a sentence: . ! ? possibly followed by closing quotes or brackets.
    std::uint32_t last = b.end_token;
    while (last > b.content_token) {
        const auto& tk = doc.tokens[last - 1];
        if (tk.kind == text::TokenKind::quote || page.norm(last - 1) == ")") {
            --last;
            continue;
        }
        std::string_view nm = page.norm(last - 1);
        b.ends_colon = nm == ":";
        b.ends_sentence = nm == "." || nm == "!" || nm == "?" || nm == "..." ||
                          (tk.has(text::tf_abbreviation) && nm.size() > 3);
        break;
    }
    return b;
}

Page build_page(const text::Document& doc) {
    Page page{doc, {}};
    page.blocks.reserve(doc.paragraphs.size());
    for (std::uint32_t pi = 0; pi < doc.paragraphs.size(); ++pi) {
        const auto& p = doc.paragraphs[pi];
        if (p.first_token == p.end_token) continue;
        page.blocks.push_back(make_block(page, pi, p.first_line, p.end_line));
    }
    return page;
}

void split_head_lines(Page& page) {
    std::vector<Block> out;
    out.reserve(page.blocks.size());
    for (auto& b : page.blocks) {
        const auto& p = page.doc.paragraphs[b.para];
        std::uint32_t lines = p.end_line - p.first_line;
        if (lines < 2 || lines > 6 || b.words > 80) {
            out.push_back(std::move(b));
            continue;
        }
        std::vector<Block> parts;
        bool split = false;
        for (std::uint32_t l = p.first_line; l < p.end_line; ++l) {
            if (page.doc.lines[l].blank() || page.doc.lines[l].first_token == page.doc.lines[l].end_token) continue;
            parts.push_back(make_block(page, b.para, l, l + 1));
            split = split || is_date_line(page, parts.back()) || is_byline(page, parts.back());
        }
        if (split) {
            for (auto& x : parts) out.push_back(std::move(x));
        } else {
            out.push_back(std::move(b));
        }
    }
    page.blocks = std::move(out);
}

}  // namespace reportage::layout
