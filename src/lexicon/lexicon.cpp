#include "lexicon/lexicon.hpp"

#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace reportage::lexicon {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// Calls f(key, fields) for every row of a table file, in order.
template <typename F>
void for_each_row(std::string_view content, F&& f) {
    while (!content.empty()) {
        auto nl = content.find('\n');
        std::string_view line = content.substr(0, nl);
        content.remove_prefix(nl == std::string_view::npos ? content.size() : nl + 1);
        line = trim(line);
        if (line.empty() || line.front() == '#') continue;
        Row fields;
        while (true) {
            auto tab = line.find('\t');
            fields.push_back(trim(line.substr(0, tab)));
            if (tab == std::string_view::npos) break;
            line.remove_prefix(tab + 1);
        }
        std::string_view key = fields.front();
        fields.erase(fields.begin());
        f(key, std::move(fields));
    }
}

// FNV-1a: keys and tokens are short, so a byte loop is as fast as anything here.
std::uint32_t hash(std::string_view s) noexcept {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    return h;
}

// The keys of every embedded table, interned: an open-addressing hash table with a
// power-of-two size, at most half full. Slot = lexeme id (0 = empty).
class Vocabulary {
public:
    Vocabulary() {
        keys_.emplace_back();  // id 0: none
        hashes_.push_back(0);
        std::vector<std::string_view> all;
        for (const auto& f : embedded_files())
            for_each_row(f.content, [&](std::string_view key, Row&&) { all.push_back(key); });
        std::size_t cap = 16;
        while (cap < all.size() * 2 + 2) cap *= 2;
        slots_.assign(cap, 0);
        mask_ = static_cast<std::uint32_t>(cap - 1);
        for (std::string_view key : all) {
            std::uint32_t h = hash(key);
            std::uint32_t i = h & mask_;
            bool present = false;
            for (; slots_[i] != 0; i = (i + 1) & mask_)
                if (hashes_[slots_[i]] == h && keys_[slots_[i]] == key) {
                    present = true;
                    break;
                }
            if (present) continue;
            slots_[i] = static_cast<LexId>(keys_.size());
            keys_.push_back(key);
            hashes_.push_back(h);
        }
    }
    LexId find(std::string_view key) const noexcept {
        std::uint32_t h = hash(key);
        for (std::uint32_t i = h & mask_; slots_[i] != 0; i = (i + 1) & mask_) {
            LexId id = slots_[i];
            if (hashes_[id] == h && keys_[id] == key) return id;
        }
        return 0;
    }
    std::string_view text(LexId id) const noexcept { return id < keys_.size() ? keys_[id] : std::string_view(); }
    std::size_t size() const noexcept { return keys_.size(); }

private:
    std::vector<std::string_view> keys_;  // id -> key (into the embedded files)
    std::vector<std::uint32_t> hashes_;   // id -> hash(key)
    std::vector<LexId> slots_;
    std::uint32_t mask_ = 0;
};

const Vocabulary& vocabulary() {
    static const Vocabulary v;
    return v;
}

// All tables, parsed once on first use. The map is built completely before it is
// published, so readers never see it change.
const std::unordered_map<std::string_view, std::unique_ptr<Table>>& all_tables() {
    static const auto tables = [] {
        std::unordered_map<std::string_view, std::unique_ptr<Table>> m;
        for (const auto& f : embedded_files()) m.emplace(f.name, std::make_unique<Table>(f.content));
        return m;
    }();
    return tables;
}

}  // namespace

LexId lexeme(std::string_view key) noexcept { return vocabulary().find(key); }

std::string_view lexeme_text(LexId id) noexcept { return vocabulary().text(id); }

Table::Table(std::string_view content) {
    const Vocabulary& vocab = vocabulary();
    by_id_.assign(vocab.size(), 0);
    for_each_row(content, [&](std::string_view key, Row&& fields) {
        LexId id = vocab.find(key);
        if (id != 0 && by_id_[id] != 0) return;  // first row wins
        if (id == 0) {
            for (std::uint32_t r : not_interned_)
                if (rows_[r].first == key) return;
            not_interned_.push_back(static_cast<std::uint32_t>(rows_.size()));
        } else {
            by_id_[id] = static_cast<std::uint32_t>(rows_.size() + 1);
        }
        rows_.emplace_back(key, std::move(fields));
    });
}

const Row* Table::find(std::string_view key) const {
    if (LexId id = lexeme(key)) return find(id);
    for (std::uint32_t r : not_interned_)  // only tables built from other text have these
        if (rows_[r].first == key) return &rows_[r].second;
    return nullptr;
}

std::string_view field(const Table& t, std::string_view key, std::size_t i) { return field(t.find(key), i); }

const Table& table(std::string_view name) {
    const auto& tables = all_tables();
    auto it = tables.find(name);
    if (it == tables.end()) throw std::out_of_range("reportage: no lexicon named " + std::string(name));
    return *it->second;
}

}  // namespace reportage::lexicon
