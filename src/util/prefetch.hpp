// Software prefetch for the long loops over every token, line or block of a document.
// Internal to the library.
#ifndef REPORTAGE_UTIL_PREFETCH_HPP
#define REPORTAGE_UTIL_PREFETCH_HPP

#include <cstddef>
#include <cstdint>
#include <vector>

namespace reportage::util {

// Asks for v[i] (when i < end) to be loaded into the cache. The loops over every token or
// block of a large document read far beyond what the cache holds, and on the machines we
// measured the hardware prefetcher follows them poorly: without this, a token's or block's
// time grows with the document (up to 2.5 times from 1 to 8 MB of text). A loop asks for
// the element a few KB ahead.
template <typename T>
inline void prefetch(const T* v, std::size_t i, std::size_t end) {
#if defined(__GNUC__) || defined(__clang__)
    if (i < end) __builtin_prefetch(v + i);
#else
    (void)v, (void)i, (void)end;  // a hint only: other compilers go without it
#endif
}
template <typename T>
inline void prefetch(const std::vector<T>& v, std::size_t i, std::size_t end) {
    prefetch(v.data(), i, end);
}

// Asks for the memory `bytes` past `p`, where a walk along a big array will be a little
// later. A prefetch never faults, so the address may lie past the array's end (it is
// computed as an integer, not as a pointer).
inline void prefetch_ahead(const void* p, std::size_t bytes) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(reinterpret_cast<const void*>(reinterpret_cast<std::uintptr_t>(p) + bytes));
#else
    (void)p, (void)bytes;
#endif
}

// Tokens ahead of a loop over tokens (text::Token is 24 bytes: about 3 KB).
constexpr std::size_t tokens_ahead = 128;

}  // namespace reportage::util

#endif  // REPORTAGE_UTIL_PREFETCH_HPP
