// Internal to the claims stage: the token-level view that quote pairing, cue detection
// and speaker attachment share. Not part of the public surface.
#ifndef REPORTAGE_CLAIMS_ANALYSIS_HPP
#define REPORTAGE_CLAIMS_ANALYSIS_HPP

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/layout.hpp"
#include "reportage/model.hpp"
#include "text/document.hpp"

namespace reportage::claims {

inline constexpr std::uint32_t npos = std::numeric_limits<std::uint32_t>::max();

// ---------------------------------------------------------------- token helpers

// The body as the stage sees it: token ranges of the body paragraphs, and for every
// token the body paragraph it belongs to (-1 outside the body).
struct Body {
    const text::Document& doc;
    const layout::Layout& layout;
    std::vector<std::int32_t> body_of_paragraph;  // Document paragraph -> body index, or -1

    Body(const text::Document& d, const layout::Layout& l);
    std::string_view norm(std::uint32_t k) const { return doc.norm(doc.tokens[k]); }
    const text::Token& tok(std::uint32_t k) const { return doc.tokens[k]; }
    bool is_word(std::uint32_t k) const { return doc.tokens[k].kind == text::TokenKind::word; }
    bool is_cap(std::uint32_t k) const {
        return is_word(k) && doc.tokens[k].has(text::tf_capitalized);
    }
    bool is_lower_word(std::uint32_t k) const {
        return is_word(k) && !doc.tokens[k].has(text::tf_capitalized);
    }
    bool is_punct(std::uint32_t k, std::string_view p) const {
        return doc.tokens[k].kind == text::TokenKind::punct && norm(k) == p;
    }
    bool is_quote(std::uint32_t k) const { return doc.tokens[k].kind == text::TokenKind::quote; }
    // A sentence-ending mark: . ! ? ... ; (the content of a claim stops before it).
    bool is_final_punct(std::uint32_t k) const;
    // A dash used as punctuation: - – — (normalised to "-"), or "--".
    bool is_dash(std::uint32_t k) const;
    Span span(std::uint32_t first, std::uint32_t last) const {
        return {doc.tokens[first].begin, doc.tokens[last].end};
    }
};

// Closed word classes of English grammar (not domain lists: those are lexicon files).
bool is_determiner(std::string_view w);        // the a an this these those some ...
bool is_subject_pronoun(std::string_view w);   // he she they it we i you
bool is_object_pronoun(std::string_view w);    // him her them us me you it
bool is_possessive(std::string_view w);        // his her their its our my your
bool is_auxiliary_or_adverb(std::string_view w);  // has had will would also later ...
bool is_clause_boundary(std::string_view w);   // that which who because when and but ...
bool is_preposition(std::string_view w);       // of for at from with in on by ...
bool is_be_form(std::string_view w);           // is was were are be been being
bool is_calendar_word(std::string_view w);     // monday ... january ...

// ---------------------------------------------------------------- quote marks

struct QuotePart {
    std::uint32_t open = 0;   // token of the opening mark
    std::uint32_t last = 0;   // closing mark, or the paragraph's last token when left open
    std::int32_t body = 0;    // body paragraph
    bool closed = false;
};

struct Quote {
    std::vector<QuotePart> parts;  // one per paragraph of a multi-paragraph quote
    std::uint32_t words = 0;       // word and number tokens inside
    bool single = false;           // ‘…’ at top level
};

struct QuoteMarks {
    std::vector<Quote> quotes;          // top-level quotes, in text order
    std::vector<std::int32_t> inside;   // per token: the top-level quote covering it, or -1
    std::vector<std::int32_t> opens;    // per token: the quote whose part opens here, or -1
    std::vector<std::int32_t> closes;   // per token: the quote whose last part closes here, or -1
};

// Pairs the quote marks of the body in one linear pass. Unclosed quotes that the next
// paragraph does not continue get an `unclosed_quote` diagnostic and end at the
// paragraph end.
QuoteMarks pair_quote_marks(const Body& body, std::vector<Diagnostic>& diagnostics);

// ---------------------------------------------------------------- cues

enum class CueClass { speech, writing, thought };

struct CueMatch {
    std::uint32_t first = 0, last = 0;  // the cue's tokens, inclusive
    std::uint32_t verb = 0;             // the reporting verb token (== first unless multi-word)
    std::string lemma;
    CueClass cls = CueClass::speech;
    std::string form;         // base | 3sg | past | part | ing
    bool takes_object = false;
    bool needs_that = false;  // only with "that", a quote, a colon, or after the content
    bool according_to = false;
};

// The cue that starts at token k (a reporting verb with its multi-word extensions, or
// "according to"), without looking at the context before k. `end` bounds the look-ahead.
std::optional<CueMatch> match_cue(const Body& body, std::uint32_t k, std::uint32_t end);

// ---------------------------------------------------------------- speakers

enum class PhraseType { name, pronoun, common };

struct Phrase {
    PhraseType type = PhraseType::common;
    std::uint32_t first = 0, last = 0;  // the whole mention (titles, determiners included)
    std::uint32_t app_first = npos, app_last = npos;  // appositive, when there is one
};

// The subject that ends right before token k ("Jane Doe said", "officials say",
// "Jane Doe, a reporter for X, said", "she has said"), not reaching before `lower`.
// Tokens of a quote never belong to it (pass `quote` = the quote that holds k, or -1).
std::optional<Phrase> subject_before(const Body& body, const QuoteMarks& qm, std::uint32_t k,
                                     std::uint32_t lower, std::int32_t quote);
// The subject that starts at token k after an inverted cue ("said John Roe, a detective
// who …"), not reaching `end`.
std::optional<Phrase> subject_after(const Body& body, const QuoteMarks& qm, std::uint32_t k,
                                    std::uint32_t end);
// A noun phrase over exactly [first, last] (after "according to").
std::optional<Phrase> phrase_over(const Body& body, std::uint32_t first, std::uint32_t last);

}  // namespace reportage::claims

#endif  // REPORTAGE_CLAIMS_ANALYSIS_HPP
