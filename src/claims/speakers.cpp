// Speakers: the noun phrase a cue attaches to, before it ("Jane Doe said", "officials
// say", "Jane Doe, a reporter for X, said") or after it ("said John Roe, a detective who
// …"), and the phrase after "according to". Every search is bounded to a few tokens.
#include "claims/analysis.hpp"
#include "lexicon/lexicon.hpp"

namespace reportage::claims {

namespace {

constexpr std::uint32_t max_np = 10;          // tokens in a subject noun phrase
constexpr std::uint32_t max_appositive = 30;  // tokens in an appositive

// A capitalised word that can be part of a name (not a sentence-initial function word,
// nor a sentence adverb or conjunction: "But", "Meanwhile", "However").
bool name_word(const Body& b, std::uint32_t k) {
    return b.is_cap(k) &&
           !b.in(k, wc_determiner | wc_clause_boundary | wc_subject_pronoun | wc_preposition | wc_not_name);
}

bool quote_free(const QuoteMarks& qm, std::uint32_t k, std::int32_t quote) {
    return qm.inside[k] == quote;
}

// A name run ending at token `last` (inclusive): capitalised words with connectors and
// titles, at most max_np tokens, not before `lower`. Returns the first token.
std::uint32_t name_run_start(const Body& b, const QuoteMarks& qm, std::uint32_t last,
                             std::uint32_t lower, std::int32_t quote) {
    std::uint32_t first = last;
    while (first > lower && last - first + 1 < max_np) {
        std::uint32_t j = first - 1;
        if (!quote_free(qm, j, quote)) break;
        if (name_word(b, j)) {
            first = j;
            continue;
        }
        // "Secretary of State John Kerry", "Ursula von der Leyen"
        if (b.is_word(j) && b.in(j, wc_name_connector) && j > lower && name_word(b, j - 1)) {
            first = j - 1;
            continue;
        }
        // "police spokesman John Roe": lower-case title words before the name
        if (b.is_lower_word(j) && b.is_title(j)) {
            first = j;
            continue;
        }
        break;
    }
    return first;
}

// A common noun phrase ending at `last` (inclusive), walking back over modifiers,
// determiners and "of/for" attachments ("a spokesman for the interior ministry",
// "the press office of the X administration", "local residents").
std::uint32_t common_np_start(const Body& b, const QuoteMarks& qm, std::uint32_t last,
                              std::uint32_t lower, std::int32_t quote) {
    std::uint32_t first = last;
    while (first > lower && last - first + 1 < max_np) {
        std::uint32_t j = first - 1;
        if (!quote_free(qm, j, quote)) break;
        const text::Token& t = b.tok(j);
        if (t.kind == text::TokenKind::number) {
            first = j;
            continue;
        }
        if (t.kind != text::TokenKind::word) break;
        std::string_view w = b.norm(j);
        const std::uint32_t wc = b.classes_of(j);
        if ((wc & wc_determiner) && w != "that") {
            first = j;
            // "of the", "for the": the phrase goes on only after a noun
            if (j >= lower + 2 && b.is_word(j - 1) && (b.norm(j - 1) == "of" || b.norm(j - 1) == "for") &&
                b.is_word(j - 2) && !b.in(j - 2, wc_clause_boundary) && !b.in(j - 2, wc_determiner) &&
                quote_free(qm, j - 2, quote) && last - j + 3 < max_np) {
                first = j - 2;
                continue;
            }
            break;
        }
        if (w == "of" || w == "for") {
            if (j > lower && b.is_word(j - 1) && !b.in(j - 1, wc_clause_boundary) &&
                !b.in(j - 1, wc_determiner) && quote_free(qm, j - 1, quote)) {
                first = j - 1;
                continue;
            }
            break;
        }
        if (wc & (wc_clause_boundary | wc_preposition | wc_subject_pronoun | wc_auxiliary_or_adverb)) break;
        if (t.has(text::tf_capitalized) && !name_word(b, j)) break;
        first = j;
    }
    // Drop leading words that cannot start a noun phrase.
    while (first < last && b.is_word(first) && b.in(first, wc_preposition | wc_calendar))
        ++first;
    return first;
}

// Classifies tokens [first, last] as a name (capitalised after titles and determiners),
// a pronoun, or a common noun phrase.
PhraseType type_of(const Body& b, std::uint32_t first, std::uint32_t last) {
    if (first == last && b.in(first, wc_subject_pronoun)) return PhraseType::pronoun;
    std::uint32_t k = first;
    while (k <= last && b.is_word(k) && (b.in(k, wc_determiner) || (b.is_title(k) && k < last)))
        ++k;
    if (k > last) return PhraseType::common;
    // A name: the head (last word) and the word after the titles are capitalised.
    if (b.is_cap(last) && b.is_cap(k)) {
        for (std::uint32_t j = k; j <= last; ++j)
            if (!b.is_cap(j) && !(b.is_word(j) && b.in(j, wc_name_connector))) return PhraseType::common;
        return PhraseType::name;
    }
    return PhraseType::common;
}

// Is [first, last] plausibly an appositive or relative clause after a name?
bool appositive_like(const Body& b, std::uint32_t first, std::uint32_t last) {
    if (first > last) return false;
    std::string_view w = b.norm(first);
    if (w == "who" || w == "whose" || w == "which" || w == "a" || w == "an" || w == "the" ||
        b.in(first, wc_possessive) || w == "one" || w == "both" || w == "now" || w == "then" || w == "himself" ||
        w == "herself" || w == "also" || w == "formerly" || w == "former")
        return true;
    // "Jane Doe, 42, said" ; "John Roe, spokesman for X, said"
    if (b.tok(first).kind == text::TokenKind::number && first == last) return true;
    return b.is_lower_word(first) && b.is_title(first);
}

bool adverbial_start(std::string_view w) {
    return is_preposition(w) || w == "during" || w == "after" || w == "before" || w == "speaking" ||
           w == "asked" || w == "when" || w == "while" || w == "last" || w == "earlier" || w == "later" ||
           w == "however" || w == "too" || w == "though" || w == "meanwhile" || w == "instead" ||
           w == "separately" || w == "nevertheless" || w == "moreover" || w == "appearing" ||
           w == "writing" || w == "responding" || w == "addressing" || w == "testifying";
}

// "<the union's chairman>, <Oskar Brenn>, said": commas at c1 and c2, the name between
// them, a noun phrase with a determiner, a possessive or a title as its head before c1
// that starts the clause.
std::optional<Phrase> role_then_name(const Body& b, const QuoteMarks& qm, std::uint32_t c1, std::uint32_t c2,
                                     std::uint32_t lower, std::int32_t quote) {
    if (c2 <= c1 + 1 || c2 - c1 - 1 > 5 || c1 <= lower) return std::nullopt;
    for (std::uint32_t k = c1 + 1; k < c2; ++k)
        if (!quote_free(qm, k, quote)) return std::nullopt;
    if (!name_word(b, c1 + 1) || !b.is_cap(c2 - 1) || type_of(b, c1 + 1, c2 - 1) != PhraseType::name)
        return std::nullopt;
    std::uint32_t head = c1 - 1;
    if (!b.is_lower_word(head) || !quote_free(qm, head, quote)) return std::nullopt;
    if (b.in(head, wc_clause_boundary | wc_preposition | wc_auxiliary_or_adverb | wc_determiner))
        return std::nullopt;
    std::uint32_t st = common_np_start(b, qm, head, lower, quote);
    if (st > lower && !b.is_punct(st - 1, ",") && !b.is_punct(st - 1, ";") &&
        !(b.is_word(st - 1) && (b.norm(st - 1) == "and" || b.norm(st - 1) == "but")))
        return std::nullopt;
    bool poss = false;
    for (std::uint32_t k = st; k < head; ++k) {
        std::string_view w = b.norm(k);
        if (w.size() > 2 && w.substr(w.size() - 2) == "'s") poss = true;
    }
    if (!poss && !b.in(st, wc_determiner) && !b.is_title(head)) return std::nullopt;
    Phrase p;
    p.type = PhraseType::name;
    p.first = c1 + 1;
    p.last = c2 - 1;
    p.app_first = st;
    p.app_last = head;
    return p;
}

std::optional<Phrase> subject_before_impl(const Body& b, const QuoteMarks& qm, std::uint32_t k,
                                          std::uint32_t lower, std::int32_t quote, bool nested) {
    if (k <= lower) return std::nullopt;
    std::uint32_t i = k - 1;
    // Auxiliaries and adverbs between subject and verb: "has also said", "later told".
    std::uint32_t skipped = 0;
    while (i > lower && skipped < 4 && b.is_lower_word(i) && quote_free(qm, i, quote)) {
        std::string_view w = b.norm(i);
        bool ly = w.size() > 4 && w.substr(w.size() - 2) == "ly";
        if (!b.in(i, wc_auxiliary_or_adverb) && !ly) break;
        --i;
        ++skipped;
    }
    if (i < lower || !quote_free(qm, i, quote)) return std::nullopt;
    if (skipped > 0 && b.is_punct(i, ",")) return std::nullopt;
    // "Rep. Jane Doe (D-Wis.) said": skip a short parenthesis after the name
    if (b.is_punct(i, ")") && i > lower + 1) {
        std::uint32_t j = i - 1;
        while (j > lower && i - j < 8 && !b.is_punct(j, "(") && quote_free(qm, j, quote)) --j;
        if (b.is_punct(j, "(") && j > lower && b.is_cap(j - 1)) i = j - 1;
        else return std::nullopt;
    }
    std::string_view w = b.norm(i);
    Phrase p;
    if (b.is_word(i) && b.in(i, wc_subject_pronoun)) {
        p.type = PhraseType::pronoun;
        p.first = p.last = i;
        return p;
    }
    if (b.is_word(i) && w == "who") {
        // "Jane Doe, who said", "a woman who said": the antecedent.
        if (i == lower) return std::nullopt;
        std::uint32_t j = i - 1;
        if (b.is_punct(j, ",")) {
            if (j == lower) return std::nullopt;
            --j;
        }
        if (!quote_free(qm, j, quote) || !b.is_word(j)) return std::nullopt;
        std::uint32_t start = b.is_cap(j) ? name_run_start(b, qm, j, lower, quote)
                                          : common_np_start(b, qm, j, lower, quote);
        if (b.is_cap(j) && !name_word(b, start)) return std::nullopt;
        p.first = start;
        p.last = j;
        p.type = type_of(b, start, j);
        return p;
    }
    if (b.is_punct(i, ",")) {
        // "Jane Doe, a reporter for the Daily Example, said"
        if (i == lower) return std::nullopt;
        std::uint32_t stop = i > lower + max_appositive ? i - max_appositive : lower;
        std::uint32_t j = i - 1;
        while (j > stop && quote_free(qm, j, quote) && !b.is_punct(j, ",") && !b.is_final_punct(j)) --j;
        if (!b.is_punct(j, ",") || !quote_free(qm, j, quote) || j == lower) return std::nullopt;
        if (!appositive_like(b, j + 1, i - 1)) {
            // "The union's chairman, Oskar Brenn, said": a role noun phrase, then the name
            // between commas. The name is the speaker, the phrase before it its appositive.
            if (auto np = role_then_name(b, qm, j, i, lower, quote)) return np;
            // "Jane Doe, of Springfield, Va., said": a place of two parts after the name
            if (i - j <= 4 && b.is_cap(j + 1) && j > lower + 3) {
                std::uint32_t j2 = j - 1;
                while (j2 > lower && j - j2 < 8 && quote_free(qm, j2, quote) && !b.is_punct(j2, ",")) --j2;
                if (b.is_punct(j2, ",") && j2 > lower && quote_free(qm, j2, quote) && b.is_lower_word(j2 + 1) &&
                    (b.norm(j2 + 1) == "of" || b.norm(j2 + 1) == "from") && b.is_cap(j2 - 1) &&
                    quote_free(qm, j2 - 1, quote)) {
                    std::uint32_t st = name_run_start(b, qm, j2 - 1, lower, quote);
                    if (name_word(b, st) || b.is_title(st)) {
                        p.first = st;
                        p.last = j2 - 1;
                        p.app_first = j2 + 1;
                        p.app_last = i - 1;
                        p.type = PhraseType::name;
                        return p;
                    }
                }
            }
            // "President Jo Doe, dedicating a new museum on Saturday, said": a participle
            if (!nested && b.is_lower_word(j + 1)) {
                std::string_view pw = b.norm(j + 1);
                if (pw.size() > 5 && pw.substr(pw.size() - 3) == "ing")
                    return subject_before_impl(b, qm, j, lower, quote, true);
            }
            // "Jane Doe, at a press briefing, said": a short adverbial between commas
            if (!nested && i - j <= 8 && b.is_lower_word(j + 1) && adverbial_start(b.norm(j + 1)))
                return subject_before_impl(b, qm, j, lower, quote, true);
            return std::nullopt;
        }
        std::uint32_t head = j - 1;
        // "Jane Doe, 56, who has served …, said": an age between commas
        if (b.tok(head).kind == text::TokenKind::number && head > lower + 2 && b.is_punct(head - 1, ",") &&
            b.is_cap(head - 2) && quote_free(qm, head - 2, quote)) {
            j = head - 1;
            head = head - 2;
        }
        // "Rep. Jane Doe (D-Wis.), a member of the panel, said": skip the parenthesis
        if (b.is_punct(head, ")") && head > lower + 1) {
            std::uint32_t o = head - 1;
            while (o > lower && head - o < 8 && !b.is_punct(o, "(") && quote_free(qm, o, quote)) --o;
            if (b.is_punct(o, "(") && o > lower && b.is_cap(o - 1)) head = o - 1;
            else return std::nullopt;
        }
        if (!b.is_word(head) || !quote_free(qm, head, quote)) return std::nullopt;
        // "Jane Doe, the attorney general of Ohio, one of the states suing, said": the
        // name before the comma follows a preposition, so it ends an earlier appositive.
        for (int round = 0; round < 2 && b.is_cap(head); ++round) {
            std::uint32_t st = name_run_start(b, qm, head, lower, quote);
            if (st <= lower + 1 || !b.is_lower_word(st - 1) || !b.in(st - 1, wc_preposition)) break;
            std::uint32_t j2 = st - 1;
            std::uint32_t stop2 = j2 > lower + max_appositive ? j2 - max_appositive : lower;
            while (j2 > stop2 && quote_free(qm, j2, quote) && !b.is_punct(j2, ",") && !b.is_final_punct(j2)) --j2;
            if (!b.is_punct(j2, ",") || !quote_free(qm, j2, quote) || j2 <= lower + 1) break;
            if (!appositive_like(b, j2 + 1, j - 1)) break;
            std::uint32_t h2 = j2 - 1;
            if (!b.is_cap(h2) || !quote_free(qm, h2, quote)) break;
            j = j2;
            head = h2;
        }
        std::uint32_t start;
        if (b.is_cap(head)) {
            start = name_run_start(b, qm, head, lower, quote);
            if (!name_word(b, start) && !(b.is_lower_word(start) && b.is_title(start)) &&
                !(b.is_cap(start) && b.is_title(start)))
                return std::nullopt;
        } else {
            if (b.in(head, wc_clause_boundary) || b.in(head, wc_preposition)) return std::nullopt;
            start = common_np_start(b, qm, head, lower, quote);
            // a common noun phrase before an appositive needs a determiner or a source noun
            if (!b.in(head, wc_source_noun) && !b.in(start, wc_determiner)) return std::nullopt;
        }
        p.first = start;
        p.last = head;
        p.app_first = j + 1;
        p.app_last = i - 1;
        p.type = type_of(b, start, head);
        return p;
    }
    if (!b.is_word(i)) return std::nullopt;
    if (w.size() > 2 && w.substr(w.size() - 2) == "'s") return std::nullopt;  // a possessive
    if (b.is_cap(i)) {
        if (!name_word(b, i) && !b.is_title(i)) return std::nullopt;
        std::uint32_t start = name_run_start(b, qm, i, lower, quote);
        // "the Interior Ministry said": keep the determiner with the phrase
        p.first = start;
        p.last = i;
        // "Mr. Jones of the River Club said": the person, then where he is from
        if (start >= lower + 3 && b.is_word(start - 1) && b.norm(start - 1) == "the" &&
            b.is_lower_word(start - 2) && (b.norm(start - 2) == "of" || b.norm(start - 2) == "from") &&
            name_word(b, start - 3) && quote_free(qm, start - 3, quote)) {
            std::uint32_t s2 = name_run_start(b, qm, start - 3, lower, quote);
            if (name_word(b, s2) || b.is_title(s2)) {
                p.first = s2;
                p.last = start - 3;
                p.app_first = start - 2;
                p.app_last = i;
                p.type = type_of(b, s2, start - 3);
                if (p.type == PhraseType::common) p.type = PhraseType::name;
                return p;
            }
        }
        p.type = type_of(b, start, i);
        if (p.type == PhraseType::common) p.type = PhraseType::name;
        // "Officials say", "Police said": a capitalised common noun, not a name
        if (start == i && b.in(i, wc_source_noun)) p.type = PhraseType::common;
        return p;
    }
    if (b.in(i, wc_clause_boundary | wc_preposition | wc_object_pronoun | wc_determiner | wc_auxiliary_or_adverb))
        return std::nullopt;
    // A possessive noun phrase or a common noun: "Trump's campaign said", "officials say".
    std::uint32_t start = common_np_start(b, qm, i, lower, quote);
    p.first = start;
    p.last = i;
    p.type = PhraseType::common;
    return p;
}

}  // namespace

std::optional<Phrase> subject_before(const Body& b, const QuoteMarks& qm, std::uint32_t k,
                                     std::uint32_t lower, std::int32_t quote) {
    return subject_before_impl(b, qm, k, lower, quote, false);
}

std::optional<Phrase> subject_after(const Body& b, const QuoteMarks& qm, std::uint32_t k,
                                    std::uint32_t end) {
    if (k >= end || qm.inside[k] >= 0 || !b.is_word(k)) return std::nullopt;
    Phrase p;
    if (b.in(k, wc_subject_pronoun)) {
        p.type = PhraseType::pronoun;
        p.first = p.last = k;
        return p;
    }
    std::uint32_t j = k;
    if (b.is_cap(k) || b.is_title(k)) {
        // titles, then the name: "said First Deputy Prime Minister Jane Doe"
        while (j + 1 < end && j + 1 - k < max_np && qm.inside[j + 1] < 0 &&
               (b.is_cap(j + 1) || (b.is_word(j + 1) && b.is_title(j + 1)) ||
                (b.is_word(j + 1) && b.in(j + 1, wc_name_connector) && j + 2 < end && b.is_cap(j + 2))))
            ++j;
        if (!b.is_cap(j)) return std::nullopt;
    } else if (b.in(k, wc_determiner)) {
        while (j + 1 < end && j + 1 - k < max_np && qm.inside[j + 1] < 0 && b.is_word(j + 1) &&
               !b.in(j + 1, wc_clause_boundary))
            ++j;
        if (j == k) return std::nullopt;
    } else {
        return std::nullopt;
    }
    p.first = k;
    p.last = j;
    p.type = type_of(b, k, j);
    // an appositive or relative clause: ", a detective who …" up to the next comma or the end
    if (j + 2 < end && b.is_punct(j + 1, ",") && appositive_like(b, j + 2, j + 2)) {
        std::uint32_t a = j + 2, e = a;
        while (e + 1 < end && e + 1 - a < max_appositive && qm.inside[e + 1] < 0 &&
               !b.is_punct(e + 1, ",") && !b.is_final_punct(e + 1))
            ++e;
        p.app_first = a;
        p.app_last = e;
    }
    return p;
}

std::optional<Phrase> phrase_over(const Body& b, std::uint32_t first, std::uint32_t last) {
    if (first > last) return std::nullopt;
    bool any_word = false;
    for (std::uint32_t k = first; k <= last; ++k) any_word |= b.is_word(k);
    if (!any_word) return std::nullopt;
    Phrase p;
    p.first = first;
    p.last = last;
    p.type = type_of(b, first, last);
    return p;
}

}  // namespace reportage::claims
