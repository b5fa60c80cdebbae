// Word classes, and the Body view shared by the claims stage.
#include <string_view>

#include "claims/analysis.hpp"
#include "util/prefetch.hpp"
#include "lexicon/lexicon.hpp"

namespace reportage::claims {

namespace {

std::uint32_t class_bit(std::string_view name) {
    static const std::pair<std::string_view, std::uint32_t> names[] = {
        {"determiner", wc_determiner},
        {"subject_pronoun", wc_subject_pronoun},
        {"object_pronoun", wc_object_pronoun},
        {"possessive", wc_possessive},
        {"auxiliary_or_adverb", wc_auxiliary_or_adverb},
        {"clause_boundary", wc_clause_boundary},
        {"preposition", wc_preposition},
        {"be_form", wc_be_form},
        {"calendar", wc_calendar},
        {"name_connector", wc_name_connector},
        {"not_name", wc_not_name},
        {"channel_noun", wc_channel_noun},
        {"according", wc_according},
    };
    for (const auto& [n, bit] : names)
        if (n == name) return bit;
    return 0;
}

std::uint32_t word_bits(std::string_view w, std::uint32_t which) { return WordClasses::get().of(w, which); }

}  // namespace

void WordClasses::add(std::string_view key, std::uint32_t bits) {
    lexicon::LexId id = lexicon::lexeme(key);
    if (id == 0 || bits == 0 || key.empty()) return;
    if (id >= bits_.size()) bits_.resize(id + 1, 0);
    bits_[id] |= bits;
    filter_[signature(key)] |= bits;
}

WordClasses::WordClasses() : filter_(filter_size, 0) {
    for (const auto& [key, fields] : lexicon::table("claims_word_classes").rows()) {
        std::uint32_t bits = 0;
        for (std::string_view c : fields) bits |= class_bit(c);
        add(key, bits);
    }
    for (const auto& row : lexicon::table("person_titles").rows()) add(row.first, wc_title);
    for (const auto& row : lexicon::table("source_nouns").rows()) add(row.first, wc_source_noun);
    for (const auto& row : lexicon::table("claims_colon_labels").rows()) add(row.first, wc_colon_label);
    // match_cue() reads only rows with all five fields
    for (const auto& row : lexicon::table("reporting_verbs").rows())
        if (row.second.size() >= 5) add(row.first, wc_reporting_verb);
}

const WordClasses& WordClasses::get() {
    static const WordClasses classes;
    return classes;
}

Body::Body(const text::Document& d, const layout::Layout& l)
    : doc(d), layout(l), body_of_paragraph(d.paragraphs.size(), -1), classes(WordClasses::get()) {
    for (std::size_t i = 0; i < l.body.size(); ++i) {
        std::uint32_t p = l.body[i].paragraph;
        if (p < body_of_paragraph.size() && body_of_paragraph[p] < 0)
            body_of_paragraph[p] = static_cast<std::int32_t>(i);
    }
    const std::size_t n = d.tokens.size();
    marks.resize(n);
    const text::Token* tokens = d.tokens.data();
    for (std::size_t k = 0; k < n; ++k) {
        util::prefetch(tokens, k + util::tokens_ahead, n);
        const auto i = static_cast<std::uint32_t>(k);
        marks[k] = static_cast<std::uint8_t>(is_quote(i) * tm_quote | is_cap(i) * tm_cap |
                                             may_start_cue(*this, i) * tm_cue_start);
    }
}

bool Body::is_title(std::uint32_t k) const {
    std::string_view w = norm(k);
    if (!w.empty() && w.back() == '.') return claims::is_title(w);
    return in(k, wc_title);
}

bool Body::is_final_punct(std::uint32_t k) const {
    if (doc.tokens[k].kind != text::TokenKind::punct) return false;
    std::string_view w = norm(k);
    return w == "." || w == "!" || w == "?" || w == "..." || w == ";" || w == "!!" || w == "?!" ||
           w == "\xE2\x80\xA6";
}

bool Body::is_dash(std::uint32_t k) const {
    if (doc.tokens[k].kind != text::TokenKind::punct) return false;
    std::string_view w = norm(k);
    return w == "-" || w == "--" || w == "---";
}

bool is_determiner(std::string_view w) { return word_bits(w, wc_determiner) != 0; }
bool is_subject_pronoun(std::string_view w) { return word_bits(w, wc_subject_pronoun) != 0; }
bool is_object_pronoun(std::string_view w) { return word_bits(w, wc_object_pronoun) != 0; }
bool is_possessive(std::string_view w) { return word_bits(w, wc_possessive) != 0; }
bool is_auxiliary_or_adverb(std::string_view w) { return word_bits(w, wc_auxiliary_or_adverb) != 0; }
bool is_clause_boundary(std::string_view w) { return word_bits(w, wc_clause_boundary) != 0; }
bool is_preposition(std::string_view w) { return word_bits(w, wc_preposition) != 0; }
bool is_be_form(std::string_view w) { return word_bits(w, wc_be_form) != 0; }
bool is_calendar_word(std::string_view w) { return word_bits(w, wc_calendar) != 0; }

bool is_title(std::string_view w) {
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    return word_bits(w, wc_title) != 0;
}

}  // namespace reportage::claims
