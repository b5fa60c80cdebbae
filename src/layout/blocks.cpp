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

Phrases::Phrases(std::string_view table_name) : nodes_(1) {
    for (const auto& [key, fields] : lexicon::table(table_name).rows()) {
        // Tokens hold no spaces, so a key's words are its parts between single spaces.
        std::uint32_t node = 0;
        std::string_view rest = key;
        while (true) {
            const auto sp = rest.find(' ');
            const std::string_view word = rest.substr(0, sp);
            const lexicon::LexId lex = lexicon::lexeme(word);
            std::uint32_t next = child(node, word, lex);
            if (next == 0) {
                next = static_cast<std::uint32_t>(nodes_.size());
                nodes_.emplace_back();
                if (node == 0 && lex != 0) {
                    if (first_.size() <= lex) first_.resize(lex + 1, 0);
                    first_[lex] = next;
                    starts_.add(lex);
                } else {
                    nodes_[node].next.push_back(Edge{word, lex, next});
                    if (node == 0) unlisted_bits_[bloom_key(word) >> 6] |= std::uint64_t{1} << (bloom_key(word) & 63);
                }
            }
            node = next;
            if (sp == std::string_view::npos) break;
            rest.remove_prefix(sp + 1);
        }
        if (!nodes_[node].row) nodes_[node].row = &fields;
    }
}

std::vector<lexicon::LexId> Phrases::start_ids() const {
    std::vector<lexicon::LexId> ids;
    for (lexicon::LexId id = 0; id < first_.size(); ++id)
        if (first_[id] != 0) ids.push_back(id);
    return ids;
}

std::uint32_t Phrases::child(std::uint32_t node, std::string_view word, lexicon::LexId lex) const {
    if (node == 0 && lex != 0) return lex < first_.size() ? first_[lex] : 0;
    for (const Edge& e : nodes_[node].next) {
        // Equal lexeme ids mean equal words; a word that is no lexeme is compared as text.
        if (e.lex != 0 ? e.lex == lex : lex == 0 && e.word == word) return e.node;
    }
    return 0;
}

std::uint32_t Phrases::match(const text::Document& doc, std::uint32_t k, std::uint32_t end,
                             const lexicon::Row** row, std::uint32_t max_tokens) const {
    std::uint32_t best = 0, node = 0;
    for (std::uint32_t i = k; i < end && i - k < max_tokens; ++i) {
        const text::Token& t = doc.tokens[i];
        if (t.norm_size > 40) break;
        node = child(node, doc.norm(t), t.lex);
        if (node == 0) break;
        if (const lexicon::Row* r = nodes_[node].row) {
            best = i - k + 1;
            if (row) *row = r;
        }
    }
    return best;
}

const Phrases& boilerplate_cues() {
    static const Phrases p("layout_boilerplate");
    return p;
}

const Phrases& credit_cues() {
    static const Phrases p("layout_credits");
    return p;
}

const Phrases& agency_names() {
    static const Phrases p("layout_agencies");
    return p;
}

namespace {

// Per lexeme id, the Page::tb_* bits that depend on the word alone: stop word, start of a
// boilerplate cue, start of a credit cue. One byte load per token.
class WordBits {
public:
    WordBits() {
        for (const auto& row : lexicon::table("layout_stopwords").rows()) set(lexicon::lexeme(row.first), Page::tb_stopword);
        for (lexicon::LexId id : boilerplate_cues().start_ids()) set(id, Page::tb_boilerplate);
        for (lexicon::LexId id : credit_cues().start_ids()) set(id, Page::tb_credit);
        bits_.push_back(0);  // ids past the end read this
    }
    unsigned of(lexicon::LexId id) const { return bits_[std::min<std::size_t>(id, bits_.size() - 1)]; }

private:
    void set(lexicon::LexId id, std::uint8_t bit) {
        if (id == 0) return;  // every key of an embedded table has an id
        if (bits_.size() <= id) bits_.resize(id + 1, 0);
        bits_[id] |= bit;
    }
    std::vector<std::uint8_t> bits_;
};

}  // namespace

Block make_block(const Page& page, std::uint32_t para, std::uint32_t first_line, std::uint32_t end_line) {
    const text::Document& doc = page.doc;
    Block b;
    b.para = para;
    const auto& line = doc.lines[first_line];
    b.span = {line.content_begin, doc.lines[end_line - 1].content_end};
    b.first_token = line.first_token;
    b.end_token = doc.lines[end_line - 1].end_token;
    b.indent = line.content_begin - line.begin;
    std::uint32_t chars = 0;  // code points: bytes that are not UTF-8 continuation bytes
    for (std::size_t i = b.span.begin; i < b.span.end; ++i)
        chars += (static_cast<unsigned char>(doc.bytes[i]) & 0xC0) != 0x80;
    b.chars = chars;
    std::uint32_t t = b.first_token;
    // List marks: "* ", "+ ", "• ", also when a browser doubled them.
    while (t < b.end_token && t - b.first_token < 2 && !page.is_word(t) && is_bullet_mark(page.norm(t))) {
        b.bullet = true;
        ++t;
    }
    if (!b.bullet && t + 1 < b.end_token && page.is(t, '-') && doc.bytes[doc.tokens[t].begin] == '-' &&
        doc.tokens[t].has(text::tf_space_after)) {
        b.bullet = true;
        ++t;
    }
    b.content_token = t;
    std::uint32_t words = 0, stopwords = 0, capitalized = 0, marks = 0;
    unsigned any = 0;
    for (std::uint32_t k = b.first_token; k < b.end_token; ++k) {
        const unsigned f = page.facts[k].bits;
        any |= f;
        words += f & Page::tb_word;
        stopwords += (f & Page::tb_stopword) != 0;
        capitalized += (f & Page::tb_capitalized) != 0;
        marks += (f & Page::tb_sentence_end) != 0;
        // the last "(see" opens a cross-reference (see_also_start)
        if ((f & Page::tb_see) && k + 1 < b.end_token) b.see_open = k;
    }
    b.words = words;
    b.stopwords = stopwords;
    b.capitalized = capitalized;
    b.sentence_marks = marks;
    b.token_bits = static_cast<std::uint8_t>(any);
    // Ends like a sentence: . ! ? possibly followed by closing quotes or brackets.
    std::uint32_t last = b.end_token;
    while (last > b.content_token) {
        const auto& tk = doc.tokens[last - 1];
        if (tk.kind == text::TokenKind::quote || page.is(last - 1, ')')) {
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
    static const WordBits word_bits;
    const Phrases& boiler = boilerplate_cues();
    const Phrases& credits = credit_cues();
    // Cue lists whose first words all have lexeme ids (layout_phrase_starts.tsv sees to
    // that) need no look at the text.
    const bool boiler_text = boiler.has_unlisted_starts(), credits_text = credits.has_unlisted_starts();
    Page page{doc, {}, {}};
    page.facts.resize(doc.tokens.size());
    const char* arena = doc.norm_arena.c_str();  // readable at norm_begin even for an empty form
    // (bitwise and arithmetic: no branch on what varies from token to token, only on what
    // is rare)
    const std::size_t n = doc.tokens.size();
    for (std::size_t i = 0; i < n; ++i) {
        const text::Token& t = doc.tokens[i];
        const char c = arena[t.norm_begin];
        const char mark = static_cast<char>(c * (t.norm_size == 1));
        const bool number = t.kind == text::TokenKind::number;
        const bool word = number | (t.kind == text::TokenKind::word);
        const unsigned lex_bits = word_bits.of(t.lex) & ~(Page::tb_stopword * !word);  // stop *words*
        unsigned bits = lex_bits | word * Page::tb_word |
                        (word & (number | t.has(text::tf_capitalized))) * Page::tb_capitalized |
                        ((mark == '.') | (mark == '!') | (mark == '?')) * Page::tb_sentence_end;
        // One-byte forms of those marks are punct tokens; "..." (or "…") is one too.
        if ((t.norm_size == 3) & (c == '.') && t.kind == text::TokenKind::punct && doc.norm(t) == "...")
            bits |= Page::tb_sentence_end;
        if (mark == '(' && i + 1 < n && doc.norm(doc.tokens[i + 1]) == "see") bits |= Page::tb_see;
        page.facts[i] = Page::TokenFacts{mark, static_cast<std::uint8_t>(bits)};
    }
    if (boiler_text || credits_text) {
        for (std::size_t i = 0; i < n; ++i) {
            const text::Token& t = doc.tokens[i];
            if (t.lex != 0) continue;  // word_bits told
            if (boiler_text && boiler.may_start(doc, t)) page.facts[i].bits |= Page::tb_boilerplate;
            if (credits_text && credits.may_start(doc, t)) page.facts[i].bits |= Page::tb_credit;
        }
    }
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
