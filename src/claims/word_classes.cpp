// Closed word classes of English and the Body view shared by the claims stage.
#include <string_view>
#include <unordered_set>

#include "claims/analysis.hpp"

namespace reportage::claims {

namespace {

using Set = std::unordered_set<std::string_view>;

bool in(const Set& s, std::string_view w) { return s.count(w) != 0; }

}  // namespace

Body::Body(const text::Document& d, const layout::Layout& l)
    : doc(d), layout(l), body_of_paragraph(d.paragraphs.size(), -1) {
    for (std::size_t i = 0; i < l.body.size(); ++i) {
        std::uint32_t p = l.body[i].paragraph;
        if (p < body_of_paragraph.size() && body_of_paragraph[p] < 0)
            body_of_paragraph[p] = static_cast<std::int32_t>(i);
    }
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

bool is_determiner(std::string_view w) {
    static const Set s = {"the", "a", "an", "this", "these", "those", "that", "some", "many",
                          "several", "other", "another", "most", "few", "two", "three", "both",
                          "all", "each", "one", "his", "her", "their", "its", "our", "my", "your",
                          "any", "no", "such", "more", "numerous", "various"};
    return in(s, w);
}

bool is_subject_pronoun(std::string_view w) {
    static const Set s = {"he", "she", "they", "it", "we", "i", "you"};
    return in(s, w);
}

bool is_object_pronoun(std::string_view w) {
    static const Set s = {"him", "her", "them", "us", "me", "you", "it"};
    return in(s, w);
}

bool is_possessive(std::string_view w) {
    static const Set s = {"his", "her", "their", "its", "our", "my", "your"};
    return in(s, w);
}

bool is_auxiliary_or_adverb(std::string_view w) {
    static const Set s = {
        "has", "have", "had", "will", "would", "could", "should", "may", "might", "can", "must",
        "did", "does", "do", "shall", "also", "later", "previously", "earlier", "then", "again",
        "repeatedly", "publicly", "privately", "recently", "reportedly", "once", "often", "always",
        "never", "not", "n't", "just", "still", "further", "quickly", "flatly", "simply", "only",
        "already", "initially", "first", "even", "now", "frequently", "subsequently",
        "separately", "hasn't", "haven't", "hadn't", "didn't", "doesn't", "don't", "won't",
        "wouldn't", "couldn't", "falsely", "correctly", "wrongly", "openly", "bluntly", "angrily",
        "calmly", "firmly", "softly", "loudly", "has'nt"};
    return in(s, w);
}

bool is_clause_boundary(std::string_view w) {
    static const Set s = {
        "that", "which", "who", "whom", "whose", "because", "when", "while", "and", "or", "but",
        "if", "as", "after", "before", "since", "although", "though", "where", "than", "so", "yet",
        "nor", "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "will",
        "would", "could", "should", "can", "may", "might", "must", "to", "not", "said", "says",
        "whether", "what", "how", "why", "until", "unless", "once", "however", "also", "did", "do",
        "does", "him", "them", "me", "us", "there", "here", "then", "even", "just", "only", "now",
        "whereas", "about", "into", "onto", "over", "under", "during", "against", "through",
        "between", "by", "like", "without", "within", "upon", "amid", "among", "despite", "toward",
        "towards", "around", "across"};
    return in(s, w);
}

bool is_preposition(std::string_view w) {
    static const Set s = {"of", "for", "at", "from", "with", "in", "on", "by", "to"};
    return in(s, w);
}

bool is_be_form(std::string_view w) {
    static const Set s = {"is", "was", "were", "are", "be", "been", "being", "am", "'s", "'re"};
    return in(s, w);
}

bool is_calendar_word(std::string_view w) {
    static const Set s = {"monday",   "tuesday", "wednesday", "thursday", "friday",  "saturday",
                          "sunday",   "january", "february",  "march",    "april",   "may",
                          "june",     "july",    "august",    "september", "october", "november",
                          "december", "today",   "yesterday", "tomorrow", "jan.",    "feb.",
                          "aug.",     "sept.",   "oct.",      "nov.",     "dec."};
    return in(s, w);
}

}  // namespace reportage::claims
