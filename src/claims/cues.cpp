// Reporting cues: verbs of speech, writing and thought from the `reporting_verbs`
// lexicon (every inflected form), their multi-word extensions ("said in a statement",
// "told reporters", "called for"), and "according to".
#include <string>

#include "claims/analysis.hpp"
#include "lexicon/lexicon.hpp"

namespace reportage::claims {

namespace {

CueClass class_of(std::string_view c) {
    if (c == "writing") return CueClass::writing;
    if (c == "thought") return CueClass::thought;
    return CueClass::speech;
}

// "in a statement", "in a written statement", "in an interview with X" (X not taken),
// "on Twitter", "to reporters": returns the last token of the extension, or npos.
std::uint32_t channel_extension(const Body& b, std::uint32_t k, std::uint32_t end) {
    if (k >= end || !b.is_word(k)) return npos;
    std::string_view w = b.norm(k);
    if (w == "in" && k + 2 < end && (b.norm(k + 1) == "a" || b.norm(k + 1) == "an")) {
        for (std::uint32_t j = k + 2; j < end && j < k + 5; ++j) {
            if (!b.is_word(j)) return npos;
            if (b.in(j, wc_channel_noun)) return j;
        }
        return npos;
    }
    if (w == "on" && k + 1 < end && b.is_cap(k + 1)) {
        std::string_view x = b.norm(k + 1);
        if (x == "twitter" || x == "facebook" || x == "instagram" || x == "x") return k + 1;
        return npos;
    }
    if (w == "to" && k + 1 < end) {
        std::string_view x = b.norm(k + 1);
        if (x == "reporters" || x == "journalists" || x == "the") {
            if (x == "the" && k + 2 < end &&
                (b.norm(k + 2) == "press" || b.norm(k + 2) == "media"))
                return k + 2;
            if (x != "the") return k + 1;
        }
    }
    return npos;
}

}  // namespace

std::optional<CueMatch> match_cue(const Body& b, std::uint32_t k, std::uint32_t end) {
    if (k >= end || !(b.marks[k] & Body::tm_cue_start)) return std::nullopt;
    if (b.in(k, wc_according) && k + 1 < end && b.norm(k + 1) == "to") {
        CueMatch m;
        m.first = m.verb = k;
        m.last = k + 1;
        m.lemma = "according to";
        m.form = "other";
        m.according_to = true;
        return m;
    }
    if (b.tok(k).has(text::tf_capitalized)) return std::nullopt;
    static const lexicon::Table& verbs = lexicon::table("reporting_verbs");
    const auto* row = verbs.find(b.tok(k).lex);
    if (!row || row->size() < 5) return std::nullopt;
    CueMatch m;
    m.first = m.last = m.verb = k;
    m.lemma = std::string((*row)[0]);
    m.cls = class_of((*row)[1]);
    m.form = (*row)[2];
    m.takes_object = (*row)[3] == "obj";
    std::string_view needs = (*row)[4];
    if (needs == "that") {
        m.needs_that = true;
    } else if (needs != "any") {
        // A particle list such as "for|on": the cue needs one of them right after it.
        if (k + 1 >= end || !b.is_word(k + 1)) return std::nullopt;
        std::string_view nx = b.norm(k + 1);
        bool ok = false;
        std::size_t pos = 0;
        while (pos <= needs.size()) {
            std::size_t bar = needs.find('|', pos);
            if (bar == std::string_view::npos) bar = needs.size();
            if (needs.substr(pos, bar - pos) == nx) ok = true;
            pos = bar + 1;
        }
        if (!ok) return std::nullopt;
        m.last = k + 1;
    }
    // "told reporters", "said in a statement", "wrote on Twitter".
    std::uint32_t j = m.last + 1;
    if (m.lemma == "tell" && j < end && (b.norm(j) == "reporters" || b.norm(j) == "journalists"))
        m.last = j;
    else {
        std::uint32_t ext = channel_extension(b, j, end);
        if (ext != npos) m.last = ext;
    }
    return m;
}

}  // namespace reportage::claims
