// Word lists as data: src/lexicon/*.tsv, embedded at build time (cmake/embed_lexicons.cmake).
//
// File format: UTF-8 text (ASCII preferred), one entry per line, fields separated by
// TABs; '#' starts a comment line; blank lines are ignored. The first field is the key,
// matched against normalised token forms (lower case, straight quotes).
//
// Every key of every embedded table is interned once in one vocabulary and given a
// lexeme id. The text layer looks each token up there once (text::Token::lex), so the
// stages test a token against a table with an array read instead of a string hash.
#ifndef REPORTAGE_LEXICON_HPP
#define REPORTAGE_LEXICON_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace reportage::lexicon {

struct EmbeddedFile {
    std::string_view name;     // file name without extension ("abbreviations")
    std::string_view content;  // the file's bytes
};

// Every embedded file (generated source).
const std::vector<EmbeddedFile>& embedded_files();

// The id of a key in the vocabulary of all embedded tables' keys; 0 = no table has it.
using LexId = std::uint32_t;
LexId lexeme(std::string_view key) noexcept;
// The same for the n bytes at p, where p[0, n + 16) is readable (the text layer keeps
// 16 bytes of room after every normal form): the fast path for one look-up per token.
LexId lexeme_padded(const char* p, std::size_t n) noexcept;
// The key of a lexeme id ("" for 0 or an unknown id).
std::string_view lexeme_text(LexId id) noexcept;

using Row = std::vector<std::string_view>;

// A parsed table: key -> the remaining fields of its row (first row wins for a key).
class Table {
public:
    explicit Table(std::string_view content);
    // The fields after the key, or nullptr when the key is absent.
    const Row* find(std::string_view key) const;
    const Row* find(LexId id) const {
        return id < by_id_.size() && by_id_[id] != 0 ? &rows_[by_id_[id] - 1].second : nullptr;
    }
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    bool contains(LexId id) const { return find(id) != nullptr; }
    std::size_t size() const { return rows_.size(); }
    // Every (key, fields) row, in file order.
    const std::vector<std::pair<std::string_view, Row>>& rows() const { return rows_; }

private:
    std::vector<std::pair<std::string_view, Row>> rows_;
    std::vector<std::uint32_t> by_id_;        // lexeme id -> row index + 1 (0 = absent)
    std::vector<std::uint32_t> not_interned_;  // rows whose key is not in the vocabulary
};

// Field `i` after the key of `key`'s row ("" when the key or the field is absent).
std::string_view field(const Table& t, std::string_view key, std::size_t i);
// The same for a row already found (nullptr allowed).
inline std::string_view field(const Row* row, std::size_t i) {
    return row && row->size() > i ? (*row)[i] : std::string_view();
}

// The table parsed from the embedded file `name` (parsed once, then shared; immutable,
// safe from any thread). An unknown name is a programming error: it throws
// std::out_of_range.
const Table& table(std::string_view name);

}  // namespace reportage::lexicon

#endif  // REPORTAGE_LEXICON_HPP
