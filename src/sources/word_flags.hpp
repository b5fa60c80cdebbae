// Flags of words, read by lexeme id: what a stage's rules ask of a word (a class from a
// word list, a literal word of a rule) is computed once per process, and a token's flags
// are one array read by `text::Token::lex` instead of string look-ups in several tables.
// Internal to the library; used by the sources and events stages.
#ifndef REPORTAGE_SOURCES_WORD_FLAGS_HPP
#define REPORTAGE_SOURCES_WORD_FLAGS_HPP

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "lexicon/lexicon.hpp"
#include "text/document.hpp"

namespace reportage::sources {

// `Bits` is an unsigned integer type. Build once (a function-local static), then read
// from any thread.
template <typename Bits>
class WordFlags {
public:
    // Gives `word` the flags `bits`. A word that is no lexeme (in no word list) is kept
    // by its text and compared with the normal form of tokens that have no lexeme id
    // either: the same answer, more slowly (list such words in a .tsv to give them ids).
    void add(std::string_view word, Bits bits) {
        lexicon::LexId id = lexicon::lexeme(word);
        if (id == 0) {
            if (word.empty()) return;
            unlisted_.emplace_back(word, bits);
            unlisted_sizes_ |= std::uint64_t(1) << std::min<std::size_t>(word.size(), 63);
            return;
        }
        if (id >= by_id_.size()) by_id_.resize(id + 1, 0);
        by_id_[id] |= bits;
    }
    // Gives `bits` to every lexeme (every key of every word list) that passes `pred`: a
    // class that a function defines. Words that are no lexeme are not reached: such a
    // class must have all its words in some word list.
    template <typename Pred>
    void add_lexemes_where(Pred pred, Bits bits) {
        for (const auto& file : lexicon::embedded_files())
            for (const auto& row : lexicon::table(file.name).rows()) {
                lexicon::LexId id = lexicon::lexeme(row.first);
                if (id == 0 || !pred(row.first)) continue;
                if (id >= by_id_.size()) by_id_.resize(id + 1, 0);
                by_id_[id] |= bits;
            }
    }
    // Every key of `table` gets `bits`.
    void add_keys(const lexicon::Table& table, Bits bits) {
        for (const auto& row : table.rows()) add(row.first, bits);
    }

    // The flags of a word given by its lexeme id and normal form.
    Bits of(lexicon::LexId lex, std::string_view norm) const {
        Bits b = lex < by_id_.size() ? by_id_[lex] : Bits(0);  // by_id_[0] stays 0
        if (lex == 0 && (unlisted_sizes_ >> std::min<std::size_t>(norm.size(), 63) & 1) != 0)
            for (const auto& u : unlisted_)
                if (u.first == norm) b |= u.second;
        return b;
    }
    Bits of(const text::Document& doc, const text::Token& t) const {
        if (t.lex == 0 && (unlisted_sizes_ >> std::min<std::uint32_t>(t.norm_size, 63) & 1) != 0)
            return of(0, doc.norm(t));
        return t.lex < by_id_.size() ? by_id_[t.lex] : Bits(0);
    }

    // The flags of every token of `doc`, into out[0, doc.tokens.size()).
    void of_tokens(const text::Document& doc, Bits* out) const {
        const std::size_t n = doc.tokens.size();
        if (!unlisted_.empty()) {
            for (std::size_t i = 0; i < n; ++i) out[i] = of(doc, doc.tokens[i]);
            return;
        }
        const text::Token* tokens = doc.tokens.data();
        const Bits* by_id = by_id_.data();
        const std::size_t size = by_id_.size();
        for (std::size_t i = 0; i < n; ++i) {
            lexicon::LexId id = tokens[i].lex;
            out[i] = id < size ? by_id[id] : Bits(0);
        }
    }

private:
    std::vector<Bits> by_id_;                                 // lexeme id -> flags
    std::vector<std::pair<std::string_view, Bits>> unlisted_;  // words that are no lexeme
    std::uint64_t unlisted_sizes_ = 0;  // bit min(size, 63): some word of unlisted_ has that size
};

}  // namespace reportage::sources

#endif  // REPORTAGE_SOURCES_WORD_FLAGS_HPP
