// A flat hash index over items kept elsewhere (usually a vector): open addressing with
// linear probing, each slot an item number and 32 bits of its hash, so a probe that misses
// reads no item. Look-ups and inserts cost one or two cache lines whatever the number of
// items, and the index is two allocations (no node per item), which is what documents
// with hundreds of thousands of distinct names need. Internal to the library.
#ifndef REPORTAGE_UTIL_FLAT_INDEX_HPP
#define REPORTAGE_UTIL_FLAT_INDEX_HPP

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace reportage::util {

// A 64-bit hash of bytes, eight at a time; `seed` chains the hashes of several pieces
// (the words of a name) into one.
inline std::uint64_t hash_bytes(std::string_view s, std::uint64_t seed = 0) noexcept {
    constexpr std::uint64_t m = 0x9E3779B97F4A7C15ull;
    std::uint64_t h = (seed ^ s.size()) * m;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t v;
        std::memcpy(&v, s.data() + i, 8);
        h = (h ^ v) * m;
        h ^= h >> 29;
    }
    if (i < s.size()) {
        std::uint64_t v = 0;
        std::memcpy(&v, s.data() + i, s.size() - i);
        h = (h ^ v) * m;
    }
    h ^= h >> 32;
    h *= 0xC2B2AE3D27D4EB4Full;
    return h ^ (h >> 29);
}

class FlatIndex {
public:
    static constexpr std::uint32_t none = 0xFFFFFFFFu;

    // The item whose hash is `hash` and for which same(item) holds, or `none`.
    template <class Same>
    std::uint32_t find(std::uint64_t hash, Same&& same) const {
        if (slots_.empty()) return none;
        const auto h = static_cast<std::uint32_t>(hash);
        for (std::uint32_t i = h & mask_; slots_[i].item != 0; i = (i + 1) & mask_)
            if (slots_[i].hash == h && same(slots_[i].item - 1)) return slots_[i].item - 1;
        return none;
    }

    // Adds `item` under `hash`; the caller knows no equal item is in the index.
    void insert(std::uint64_t hash, std::uint32_t item) {
        if ((size_ + 1) * 2 > slots_.size()) grow();
        place(static_cast<std::uint32_t>(hash), item + 1);
        ++size_;
    }

    std::size_t size() const { return size_; }
    void clear() {
        slots_.clear();
        size_ = 0;
        mask_ = 0;
    }

private:
    struct Slot {
        std::uint32_t hash = 0;
        std::uint32_t item = 0;  // item number + 1; 0 = empty
    };

    void place(std::uint32_t h, std::uint32_t item_plus_one) {
        std::uint32_t i = h & mask_;
        while (slots_[i].item != 0) i = (i + 1) & mask_;
        slots_[i] = Slot{h, item_plus_one};
    }

    void grow() {
        std::vector<Slot> old;
        old.swap(slots_);
        slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
        mask_ = static_cast<std::uint32_t>(slots_.size() - 1);
        for (const Slot& s : old)
            if (s.item != 0) place(s.hash, s.item);
    }

    std::vector<Slot> slots_;
    std::uint32_t mask_ = 0;
    std::size_t size_ = 0;
};

}  // namespace reportage::util

#endif  // REPORTAGE_UTIL_FLAT_INDEX_HPP
