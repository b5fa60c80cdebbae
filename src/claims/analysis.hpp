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
#include "lexicon/lexicon.hpp"
#include "reportage/model.hpp"
#include "text/document.hpp"

namespace reportage::claims {

inline constexpr std::uint32_t npos = std::numeric_limits<std::uint32_t>::max();

// ---------------------------------------------------------------- word classes

// Classes of a word, as bits. The closed classes of English grammar are the lexicon file
// claims_word_classes; the others are membership of lexicon tables.
enum WordClass : std::uint32_t {
    wc_determiner = 1u << 0,           // the a an this these those some ...
    wc_subject_pronoun = 1u << 1,      // he she they it we i you
    wc_object_pronoun = 1u << 2,       // him her them us me you it
    wc_possessive = 1u << 3,           // his her their its our my your
    wc_auxiliary_or_adverb = 1u << 4,  // has had will would also later ...
    wc_clause_boundary = 1u << 5,      // that which who because when and but ...
    wc_preposition = 1u << 6,          // of for at from with in on by to
    wc_be_form = 1u << 7,              // is was were are be been being am 's 're
    wc_calendar = 1u << 8,             // monday ... january ... today
    wc_name_connector = 1u << 9,       // de van von der al bin ... st.
    wc_not_name = 1u << 10,            // but and meanwhile however ... (capitalised, not a name)
    wc_channel_noun = 1u << 11,        // statement interview email ... ("said in a statement")
    wc_according = 1u << 12,           // according
    wc_title = 1u << 13,               // a key of person_titles
    wc_source_noun = 1u << 14,         // a key of source_nouns
    wc_reporting_verb = 1u << 15,      // a complete row of reporting_verbs
    wc_colon_label = 1u << 16,         // a key of claims_colon_labels
};

// The classes of a lexeme (0 for id 0 and for a word in no class): an array read.
class WordClasses {
public:
    static const WordClasses& get();
    std::uint32_t of(lexicon::LexId id) const { return id < bits_.size() ? bits_[id] : 0; }
    // The table itself, for a loop that reads it many times: of(id) is
    // id < size() ? data()[id] : 0.
    const std::uint32_t* data() const { return bits_.data(); }
    std::size_t size() const { return bits_.size(); }
    // The classes among `which` of any string: a filter by length and first and last
    // letters answers most words that are in none of them before a look-up.
    std::uint32_t of(std::string_view w, std::uint32_t which) const {
        if (w.empty() || (filter_[signature(w)] & which) == 0) return 0;
        return of(lexicon::lexeme(w)) & which;
    }

private:
    WordClasses();
    void add(std::string_view key, std::uint32_t bits);
    static std::size_t signature(std::string_view w) {
        return (w.size() * 977u + static_cast<unsigned char>(w.front()) * 31u +
                static_cast<unsigned char>(w.back())) % filter_size;
    }
    static constexpr std::size_t filter_size = 4093;
    std::vector<std::uint32_t> bits_;    // lexeme id -> classes
    std::vector<std::uint32_t> filter_;  // signature -> classes of the words that have it
};

// ---------------------------------------------------------------- token helpers

// The body as the stage sees it: token ranges of the body paragraphs, and for every
// token the body paragraph it belongs to (-1 outside the body).
struct Body {
    const text::Document& doc;
    const layout::Layout& layout;
    std::vector<std::int32_t> body_of_paragraph;  // Document paragraph -> body index, or -1

    const WordClasses& classes;
    // Per token, found in one pass when the body is made: what the stage's scans over
    // every token look for (tm_* bits), one byte each, so that those scans do not each
    // read the 24-byte tokens of a large document from memory.
    enum : std::uint8_t {
        tm_quote = 1,      // a quote mark
        tm_cap = 2,        // a capitalised word (is_cap)
        tm_cue_start = 4,  // a cue may start here (may_start_cue)
    };
    std::vector<std::uint8_t> marks;

    Body(const text::Document& d, const layout::Layout& l);
    std::string_view norm(std::uint32_t k) const { return doc.norm(doc.tokens[k]); }
    const text::Token& tok(std::uint32_t k) const { return doc.tokens[k]; }
    // The word classes of token k's normal form (WordClass bits); in() tests some.
    std::uint32_t classes_of(std::uint32_t k) const { return classes.of(doc.tokens[k].lex); }
    bool in(std::uint32_t k, std::uint32_t word_classes) const { return (classes_of(k) & word_classes) != 0; }
    // A person's title ("spokesman", "Gov.", "Dr."): is_title() of its normal form.
    bool is_title(std::uint32_t k) const;
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

// Closed word classes of English grammar, for any string (Body::in() tests a token).
bool is_determiner(std::string_view w);        // the a an this these those some ...
bool is_subject_pronoun(std::string_view w);   // he she they it we i you
bool is_object_pronoun(std::string_view w);    // him her them us me you it
bool is_possessive(std::string_view w);        // his her their its our my your
bool is_auxiliary_or_adverb(std::string_view w);  // has had will would also later ...
bool is_clause_boundary(std::string_view w);   // that which who because when and but ...
bool is_preposition(std::string_view w);       // of for at from with in on by ...
bool is_be_form(std::string_view w);           // is was were are be been being
bool is_calendar_word(std::string_view w);     // monday ... january ...
// A key of person_titles, after dropping a final period ("gov." is "gov").
bool is_title(std::string_view w);

// ---------------------------------------------------------------- quote marks

struct QuotePart {
    std::uint32_t open = 0;   // token of the opening mark
    std::uint32_t last = 0;   // closing mark, or the paragraph's last token when left open
    std::int32_t body = 0;    // body paragraph
    bool closed = false;
};

// The parts of a quote, contiguous: almost every quote has one, kept inline, so that a
// document of a million quotes makes no allocation per quote.
class QuoteParts {
public:
    void push_back(const QuotePart& p) {
        if (n_ == 1) more_.push_back(one_);
        if (n_ == 0) one_ = p;
        else more_.push_back(p);
        ++n_;
    }
    std::size_t size() const { return n_; }
    bool empty() const { return n_ == 0; }
    const QuotePart* begin() const { return n_ > 1 ? more_.data() : &one_; }
    const QuotePart* end() const { return begin() + n_; }
    const QuotePart& front() const { return *begin(); }
    const QuotePart& back() const { return begin()[n_ - 1]; }

private:
    QuotePart one_;
    std::vector<QuotePart> more_;  // all of them, when there are two or more
    std::size_t n_ = 0;
};

struct Quote {
    QuoteParts parts;              // one per paragraph of a multi-paragraph quote
    std::uint32_t words = 0;       // word and number tokens inside
    bool single = false;           // ‘…’ at top level
};

struct QuoteMarks {
    std::vector<Quote> quotes;          // top-level quotes, in text order
    std::vector<std::int32_t> inside;   // per token: the top-level quote covering it, or -1

    // The quote one of whose parts opens at token k, or -1.
    std::int32_t opens(std::uint32_t k) const {
        std::int32_t q = inside[k];
        if (q >= 0)
            for (const QuotePart& p : quotes[static_cast<std::size_t>(q)].parts)
                if (p.open == k) return q;
        return -1;
    }
    // The quote whose last part closes at token k, or -1.
    std::int32_t closes(std::uint32_t k) const {
        std::int32_t q = inside[k];
        if (q < 0) return -1;
        const QuotePart& last = quotes[static_cast<std::size_t>(q)].parts.back();
        return last.closed && last.last == k ? q : -1;
    }
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
    std::string_view form;    // base | 3sg | past | part | ing | other (static text: a lexicon field or a literal)
    bool takes_object = false;
    bool needs_that = false;  // only with "that", a quote, a colon, or after the content
    bool according_to = false;
};

// The cue that starts at token k (a reporting verb with its multi-word extensions, or
// "according to"), without looking at the context before k. `end` bounds the look-ahead.
std::optional<CueMatch> match_cue(const Body& body, std::uint32_t k, std::uint32_t end);
// Can a cue start at token k (a lower-case reporting verb, or "according")? match_cue()
// finds none where this is false. Body::marks holds it for every token (tm_cue_start).
inline bool may_start_cue(const Body& b, std::uint32_t k) {
    const text::Token& t = b.tok(k);
    if (t.kind != text::TokenKind::word) return false;
    std::uint32_t c = b.classes.of(t.lex);
    return (c & wc_according) || ((c & wc_reporting_verb) && !t.has(text::tf_capitalized));
}
// The first token in [k, end) where a cue may start, or `end`: may_start_cue() read from
// Body::marks (most sentences have no cue).
inline std::uint32_t next_cue_start(const Body& b, std::uint32_t k, std::uint32_t end) {
    const std::uint8_t* marks = b.marks.data();
    while (k < end && !(marks[k] & Body::tm_cue_start)) ++k;
    return k;
}

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
