// Word lists as data: src/lexicon/*.tsv, embedded at build time (cmake/embed_lexicons.cmake).
//
// File format: UTF-8 text (ASCII preferred), one entry per line, fields separated by
// TABs; '#' starts a comment line; blank lines are ignored. The first field is the key,
// matched against normalised token forms (lower case, straight quotes).
#ifndef REPORTAGE_LEXICON_HPP
#define REPORTAGE_LEXICON_HPP

#include <string_view>
#include <unordered_map>
#include <vector>

namespace reportage::lexicon {

struct EmbeddedFile {
    std::string_view name;     // file name without extension ("abbreviations")
    std::string_view content;  // the file's bytes
};

// Every embedded file (generated source).
const std::vector<EmbeddedFile>& embedded_files();

// A parsed table: key -> the remaining fields of its row (first row wins for a key).
class Table {
public:
    explicit Table(std::string_view content);
    bool contains(std::string_view key) const { return rows_.count(key) != 0; }
    // The fields after the key, or nullptr when the key is absent.
    const std::vector<std::string_view>* find(std::string_view key) const;
    std::size_t size() const { return rows_.size(); }
    const std::unordered_map<std::string_view, std::vector<std::string_view>>& rows() const {
        return rows_;
    }

private:
    std::unordered_map<std::string_view, std::vector<std::string_view>> rows_;
};

// Field `i` after the key of `key`'s row ("" when the key or the field is absent).
std::string_view field(const Table& t, std::string_view key, std::size_t i);

// The table parsed from the embedded file `name` (parsed once, then shared; immutable,
// safe from any thread). An unknown name is a programming error: it throws
// std::out_of_range.
const Table& table(std::string_view name);

}  // namespace reportage::lexicon

#endif  // REPORTAGE_LEXICON_HPP
