// The page as blocks: one per text-layer paragraph, with length, stop-word density,
// list marks and sentence punctuation counted once (O(tokens)).
#include "layout/blocks.hpp"

#include <cstring>

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
// boilerplate cue, start of a credit cue. One load per token.
class WordBits {
public:
    WordBits() {
        for (const auto& row : lexicon::table("layout_stopwords").rows()) set(lexicon::lexeme(row.first), Page::tb_stopword);
        for (lexicon::LexId id : boilerplate_cues().start_ids()) set(id, Page::tb_boilerplate);
        for (lexicon::LexId id : credit_cues().start_ids()) set(id, Page::tb_credit);
        bits_.push_back(0);  // ids past the end read this
    }
    // The bits of id i are data()[min(i, size() - 1)].
    const std::uint8_t* data() const { return bits_.data(); }
    std::size_t size() const { return bits_.size(); }

private:
    void set(lexicon::LexId id, unsigned bit) {
        if (id == 0) return;  // every key of an embedded table has an id
        if (bits_.size() <= id) bits_.resize(id + 1, 0);
        bits_[id] = static_cast<std::uint8_t>(bits_[id] | bit);
    }
    std::vector<std::uint8_t> bits_;
};

// What a block counts over its tokens' facts.
struct TokenCounts {
    explicit TokenCounts(std::uint32_t block_end) : end(block_end) {}
    void add(std::uint32_t k, unsigned f) {
        any |= f;
        words += f & Page::tb_word;
        stopwords += (f & Page::tb_stopword) != 0;
        capitalized += (f & Page::tb_capitalized) != 0;
        marks += (f & Page::tb_sentence_end) != 0;
        // the last "(see" opens a cross-reference (see_also_start)
        if ((f & Page::tb_see) && k + 1 < end) see_open = k;
    }
    std::uint32_t end;  // the block's end token
    std::uint32_t words = 0, stopwords = 0, capitalized = 0, marks = 0;
    unsigned any = 0;
    std::uint32_t see_open = no_token;
};

// Fills page.facts, a range of tokens at a time (right before the block over them is
// made, so that the block reads them from the cache).
class FactFinder {
public:
    explicit FactFinder(Page& page)
        : word_bits_(word_bits()), page_(page), boiler_text_(boilerplate_cues().has_unlisted_starts()),
          credits_text_(credit_cues().has_unlisted_starts()) {}

    // Fills the facts of tokens [begin, end) and counts them into `counts`.
    void find(std::uint32_t begin, std::uint32_t end, TokenCounts& counts) const {
        // (in parts of at most 65535 tokens, the most one 16-bit lane of find_part counts)
        for (std::uint32_t part = begin; part < end;) {
            const std::uint32_t part_end = end - part > 65535 ? part + 65535 : end;
            find_part(part, part_end, counts);
            part = part_end;
        }
        // Cue lists whose first words all have lexeme ids (layout_phrase_starts.tsv sees to
        // that) need no look at the text.
        if (boiler_text_ || credits_text_) {
            const text::Document& doc = page_.doc;
            for (std::uint32_t i = begin; i < end; ++i) {
                const text::Token& t = doc.tokens[i];
                if (t.lex != 0) continue;  // word_bits told
                Page::TokenFacts& f = page_.facts[i];
                if (boiler_text_ && boilerplate_cues().may_start(doc, t)) f.bits |= Page::tb_boilerplate;
                if (credits_text_ && credit_cues().may_start(doc, t)) f.bits |= Page::tb_credit;
                counts.any |= f.bits;
            }
        }
    }

private:
    static const WordBits& word_bits() {
        static const WordBits bits;
        return bits;
    }

    void find_part(std::uint32_t begin, std::uint32_t end, TokenCounts& counts) const {
        const text::Document& doc = page_.doc;
        // (locals, which the stores to facts cannot alias, so that they stay in registers)
        Page::TokenFacts* const facts = page_.facts.get();
        const text::Token* const tokens = doc.tokens.data();
        const std::size_t n = doc.tokens.size();
        const char* const arena = doc.norm_arena.c_str();  // readable at norm_begin even for an empty form
        const std::uint8_t* const lex_bits_of = word_bits_.data();
        const std::size_t lex_last = word_bits_.size() - 1;
        const std::uint32_t block_end = counts.end;
        std::uint32_t see_open = counts.see_open;
        unsigned any = 0;
        // TokenCounts::add, with the four counts in the 16-bit lanes of one number (so that
        // the loop has registers enough)
        static_assert(Page::tb_word == 1 && Page::tb_stopword == 2 && Page::tb_capitalized == 4 &&
                          Page::tb_sentence_end == 8,
                      "the lanes below");
        std::uint64_t lanes = 0;
        // (bitwise and arithmetic: no branch on what varies from token to token, only on
        // what is rare)
        for (std::uint32_t i = begin; i < end; ++i) {
            const text::Token& t = tokens[i];
            prefetch(tokens, i + util::tokens_ahead, n);
            const char c = arena[t.norm_begin];
            const char mark = static_cast<char>(c * (t.norm_size == 1));
            const bool number = t.kind == text::TokenKind::number;
            const bool word = number | (t.kind == text::TokenKind::word);
            const unsigned lex_bits = lex_bits_of[std::min<std::size_t>(t.lex, lex_last)] &
                                      ~(Page::tb_stopword * !word);  // stop *words*
            unsigned bits = lex_bits | word * Page::tb_word |
                            (word & (number | t.has(text::tf_capitalized))) * Page::tb_capitalized |
                            ((mark == '.') | (mark == '!') | (mark == '?')) * Page::tb_sentence_end;
            // One-byte forms of those marks are punct tokens; "..." (or "…") is one too.
            if ((t.norm_size == 3) & (c == '.') && t.kind == text::TokenKind::punct && doc.norm(t) == "...")
                bits |= Page::tb_sentence_end;
            if (mark == '(' && i + 1 < n && doc.norm(tokens[i + 1]) == "see") bits |= Page::tb_see;
            // "©" (a second byte is read only when there is one; a branch here would cost
            // every token more than these few operations)
            const char c2 = arena[t.norm_begin + (t.norm_size > 1)];
            bits |= ((t.norm_size == 2) & (c == '\xC2') & (c2 == '\xA9')) * Page::tb_copyright;
            facts[i] = Page::TokenFacts{mark, static_cast<std::uint8_t>(bits)};
            // bit k of the low four goes to lane k (the shifted copies do not overlap)
            lanes += ((bits & 15u) * 0x0000200040008001ull) & 0x0001000100010001ull;
            any |= bits;
            if ((bits & Page::tb_see) && i + 1 < block_end) see_open = i;
        }
        counts.words += static_cast<std::uint32_t>(lanes & 0xFFFF);
        counts.stopwords += static_cast<std::uint32_t>(lanes >> 16 & 0xFFFF);
        counts.capitalized += static_cast<std::uint32_t>(lanes >> 32 & 0xFFFF);
        counts.marks += static_cast<std::uint32_t>(lanes >> 48);
        counts.any |= any;
        counts.see_open = see_open;
    }

    const WordBits& word_bits_;
    Page& page_;
    bool boiler_text_, credits_text_;
};

// make_block, with the counts over the block's tokens when they are known.
Block make_counted_block(const Page& page, std::uint32_t para, std::uint32_t first_line, std::uint32_t end_line,
                         const TokenCounts* counted) {
    const text::Document& doc = page.doc;
    Block b;
    b.para = para;
    const auto& line = doc.lines[first_line];
    b.begin = static_cast<std::uint32_t>(line.content_begin);
    b.end = static_cast<std::uint32_t>(doc.lines[end_line - 1].content_end);
    b.first_token = line.first_token;
    b.end_token = doc.lines[end_line - 1].end_token;
    // Code points (bytes that are not UTF-8 continuation bytes), counted only as far as
    // classify_text looks: a long block costs no pass over its bytes.
    std::uint32_t chars = 0;
    std::uint32_t i = b.begin;
    for (std::uint64_t w; i + 8 <= b.end && chars <= 200; i += 8) {  // 8 bytes at a time
        std::memcpy(&w, doc.bytes.data() + i, 8);
        const std::uint64_t continuation = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;  // 10xxxxxx
        chars += 8 - static_cast<std::uint32_t>((continuation * 0x0101010101010101ull) >> 56);
    }
    for (; i < b.end && chars <= 200; ++i) chars += (static_cast<unsigned char>(doc.bytes[i]) & 0xC0) != 0x80;
    b.opens_separator = b.begin < b.end && (doc.bytes[b.begin] == '!' || doc.bytes[b.begin] == '@');
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
    b.opens_credit = t < b.end_token && (page.facts[t].bits & Page::tb_credit) != 0;
    TokenCounts counts(b.end_token);
    if (counted) {
        counts = *counted;
    } else {
        for (std::uint32_t k = b.first_token; k < b.end_token; ++k) counts.add(k, page.facts[k].bits);
    }
    b.see_open = counts.see_open;
    b.words = counts.words;
    b.sentence_marks = static_cast<std::uint8_t>(std::min<std::uint32_t>(counts.marks, 255));
    b.token_bits = static_cast<std::uint8_t>(counts.any);
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
    b.text_kind = classify_text(b.bullet, b.ends_sentence, counts.words, counts.stopwords, counts.capitalized, chars);
    return b;
}

}  // namespace

Block make_block(const Page& page, std::uint32_t para, std::uint32_t first_line, std::uint32_t end_line) {
    return make_counted_block(page, para, first_line, end_line, nullptr);
}

Page build_page(const text::Document& doc) {
    Page page{doc, {}, {}, {}};
    const auto n = static_cast<std::uint32_t>(doc.tokens.size());
    page.facts.reset(new Page::TokenFacts[n]);
    page.blocks.reserve(doc.paragraphs.size());
    // The facts of each paragraph's tokens are found right before its block is made, so
    // that the block reads them (and its first and last tokens) from the cache.
    const FactFinder finder(page);
    std::uint32_t done = 0;  // tokens with facts
    TokenCounts ignored(0);  // counts of tokens outside blocks
    std::vector<Block> lines;  // the lines of one paragraph, when it may be split
    bool separated = false;    // the comments separator was found
    for (std::uint32_t pi = 0; pi < doc.paragraphs.size(); ++pi) {
        const auto& p = doc.paragraphs[pi];
        prefetch(doc.paragraphs, pi + 16, doc.paragraphs.size());
        prefetch(doc.lines, p.first_line + 24, doc.lines.size());
        if (p.first_token == p.end_token) continue;
        // (the block's tokens are counted as their facts are found)
        const std::uint32_t first = doc.lines[p.first_line].first_token;
        const std::uint32_t last = doc.lines[p.end_line - 1].end_token;
        TokenCounts counts(last);
        const bool counted = done <= first && first <= last;
        if (counted) {
            finder.find(done, first, ignored);
            finder.find(first, last, counts);
            done = last;
        }
        const std::uint32_t upto = std::max(p.end_token, last);  // (the paragraph's tokens and its lines')
        if (upto > done) {
            finder.find(done, upto, ignored);
            done = upto;
        }
        const std::size_t first_new = page.blocks.size();
        page.blocks.push_back(make_counted_block(page, pi, p.first_line, p.end_line, counted ? &counts : nullptr));
        const std::uint32_t line_count = p.end_line - p.first_line;
        if (line_count >= 2 && line_count <= 6 && page.blocks.back().words <= 80) {
            lines.clear();
            bool split = false;
            for (std::uint32_t l = p.first_line; l < p.end_line; ++l) {
                if (doc.lines[l].blank() || doc.lines[l].first_token == doc.lines[l].end_token) continue;
                lines.push_back(make_block(page, pi, l, l + 1));
                split = split || is_date_line(page, lines.back()) || is_byline(page, lines.back());
            }
            if (split) {
                page.blocks.pop_back();
                page.blocks.insert(page.blocks.end(), lines.begin(), lines.end());
            }
        }
        for (std::size_t i = first_new; i < page.blocks.size() && !separated; ++i) {
            Block& b = page.blocks[i];
            if (mark_boilerplate(page, b)) {
                page.article_end = i;
                separated = true;
                break;
            }
            mark_date_line(page, b);
            mark_byline(page, b);
        }
    }
    if (n > done) finder.find(done, n, ignored);
    if (!separated) page.article_end = page.blocks.size();
    return page;
}

}  // namespace reportage::layout
