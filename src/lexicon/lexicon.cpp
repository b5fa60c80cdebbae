#include "lexicon/lexicon.hpp"

#include <algorithm>
#include <cstring>
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

// FNV-1a: for keys longer than 16 bytes (rare), and for building the index.
std::uint32_t hash(std::string_view s) noexcept {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    return h;
}

// Keys of up to 16 bytes, the common case: a key is packed into two 64-bit words (zero
// after its end) and kept in a cuckoo hash table (a key sits in one of its two slots), so
// a look-up reads two slots and compares without branching, instead of a byte-wise hash,
// a probe loop and a memcmp. Every key of that size is in it, so a form it lacks has id 0.
class ShortKeys {
public:
    struct Entry {
        std::uint64_t a = 0, b = 0;  // bytes 0-7 and 8-15 of the form, zero after its end
        std::uint32_t size = 0;
        LexId id = 0;
    };

    ShortKeys() {
        // masks_[n]: the first n bytes set, in memory order (whatever the byte order)
        for (std::size_t n = 0; n <= 16; ++n) {
            unsigned char m[16] = {};
            for (std::size_t i = 0; i < n; ++i) m[i] = 0xFF;
            std::memcpy(&masks_[n][0], m, 8);
            std::memcpy(&masks_[n][1], m + 8, 8);
        }
    }
    // Builds the table over `keys` (distinct forms of up to 16 bytes, ids != 0).
    void build(const std::vector<Entry>& keys) {
        std::size_t cap = 64;
        while (cap < keys.size() * 3) cap *= 2;
        while (!place(keys, cap)) cap *= 2;
    }
    static Entry pack(std::string_view key, LexId id) {
        char buf[16] = {};
        std::memcpy(buf, key.data(), key.size());
        Entry e;
        std::memcpy(&e.a, buf, 8);
        std::memcpy(&e.b, buf + 8, 8);
        e.size = static_cast<std::uint32_t>(key.size());
        e.id = id;
        return e;
    }
    // The id of the n <= 16 bytes at o; o[0, 16) must be readable.
    LexId find(const char* o, std::size_t n) const noexcept {
        Entry e;
        std::memcpy(&e.a, o, 8);
        std::memcpy(&e.b, o + 8, 8);
        e.size = static_cast<std::uint32_t>(n);
        e.a &= masks_[n][0];
        e.b &= masks_[n][1];
        // (No branch on what is read: a form that is no key costs two reads that the CPU
        // overlaps with the next token's work.)
        const std::uint64_t m = mix(e);
        return pick(slots_[m >> shift_], e) | pick(slots_[(m * 0xD6E8FEB86659FD93ull) >> shift_], e);
    }

private:
    // x's id when x holds e's form, else 0; with masks, not a branch on the data read.
    static LexId pick(const Entry& x, const Entry& e) noexcept {
        const std::uint64_t differ = (x.a ^ e.a) | (x.b ^ e.b) | (x.size ^ e.size);
        return x.id & (0u - static_cast<LexId>(differ == 0));
    }
    static std::uint64_t mix(const Entry& e) noexcept {
        return (e.a ^ (e.b * 0xC2B2AE3D27D4EB4Full) ^ e.size) * 0x9E3779B97F4A7C15ull;
    }
    std::size_t slot(const Entry& e, int which) const {
        const std::uint64_t m = mix(e);
        return static_cast<std::size_t>((which == 0 ? m : m * 0xD6E8FEB86659FD93ull) >> shift_);
    }
    // Cuckoo insertion of every key into `cap` slots; false when a key finds no place.
    bool place(const std::vector<Entry>& keys, std::size_t cap) {
        shift_ = 64;
        for (std::size_t c = cap; c > 1; c >>= 1) --shift_;
        slots_.assign(cap, Entry{});
        for (const Entry& key : keys) {
            Entry e = key;
            std::size_t i = slot(e, 0);
            for (int kicks = 0;; ++kicks) {
                if (kicks > 500) return false;
                std::swap(e, slots_[i]);
                if (e.id == 0) break;
                i = slot(e, 0) == i ? slot(e, 1) : slot(e, 0);  // the evicted key goes to its other slot
            }
        }
        return true;
    }

    std::vector<Entry> slots_;
    std::uint64_t masks_[17][2] = {};
    unsigned shift_ = 64;
};

// The keys of every embedded table, interned: ids in order of first appearance; keys of
// up to 16 bytes in a ShortKeys index, longer ones in an open-addressing hash table with a
// power-of-two size, at most half full (slot = lexeme id, 0 = empty).
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
        std::vector<ShortKeys::Entry> short_keys;
        for (std::string_view key : all) {
            const std::uint32_t h = hash(key);
            std::uint32_t i = h & mask_;
            bool present = false;
            for (; slots_[i] != 0; i = (i + 1) & mask_)
                if (hashes_[slots_[i]] == h && keys_[slots_[i]] == key) {
                    present = true;
                    break;
                }
            if (present) continue;
            const auto id = static_cast<LexId>(keys_.size());
            slots_[i] = id;
            keys_.push_back(key);
            hashes_.push_back(h);
            longest_ = std::max(longest_, key.size());
            if (key.size() <= 16) short_keys.push_back(ShortKeys::pack(key, id));
        }
        short_.build(short_keys);
    }
    LexId find(std::string_view key) const noexcept {
        if (key.size() <= 16) {
            char buf[16] = {};
            std::memcpy(buf, key.data(), key.size());
            return short_.find(buf, key.size());
        }
        return find_long(key);
    }
    LexId find_padded(const char* p, std::size_t n) const noexcept {
        return n <= 16 ? short_.find(p, n) : find_long(std::string_view(p, n));
    }
    std::string_view text(LexId id) const noexcept { return id < keys_.size() ? keys_[id] : std::string_view(); }
    std::size_t size() const noexcept { return keys_.size(); }

private:
    LexId find_long(std::string_view key) const noexcept {
        if (key.size() > longest_) return 0;
        const std::uint32_t h = hash(key);
        for (std::uint32_t i = h & mask_; slots_[i] != 0; i = (i + 1) & mask_) {
            const LexId id = slots_[i];
            if (hashes_[id] == h && keys_[id] == key) return id;
        }
        return 0;
    }

    std::vector<std::string_view> keys_;  // id -> key (into the embedded files)
    std::vector<std::uint32_t> hashes_;   // id -> hash(key)
    std::vector<LexId> slots_;
    std::uint32_t mask_ = 0;
    std::size_t longest_ = 0;
    ShortKeys short_;
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

LexId lexeme_padded(const char* p, std::size_t n) noexcept { return vocabulary().find_padded(p, n); }

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
