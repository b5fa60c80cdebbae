// The flat hash index (src/util/flat_index.hpp) that the sources registry keys names by.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "util/flat_index.hpp"

using reportage::util::FlatIndex;
using reportage::util::hash_bytes;

TEST_CASE("hash_bytes: equal bytes hash equal; a seed chains pieces; nearby strings differ") {
    CHECK(hash_bytes("doe") == hash_bytes(std::string("doe")));
    CHECK(hash_bytes("doe") != hash_bytes("dou"));
    CHECK(hash_bytes("") != hash_bytes(std::string_view("\0", 1)));
    CHECK(hash_bytes("abcdefgh") != hash_bytes("abcdefgi"));  // the last byte of a full block
    CHECK(hash_bytes("abcdefghi") != hash_bytes("abcdefghj"));  // the tail
    // "jane" then "doe" is not "janedoe", nor "doe" then "jane"
    const auto chained = hash_bytes("doe", hash_bytes("jane"));
    CHECK(chained != hash_bytes("janedoe"));
    CHECK(chained != hash_bytes("jane", hash_bytes("doe")));
}

TEST_CASE("FlatIndex finds every item among 100,000, misses absent ones, and survives equal hashes") {
    std::vector<std::string> items;
    FlatIndex index;
    auto find = [&](const std::string& s) {
        return index.find(hash_bytes(s), [&](std::uint32_t i) { return items[i] == s; });
    };
    CHECK(find("anything") == FlatIndex::none);  // empty
    for (int i = 0; i < 100000; ++i) {
        std::string s = "name" + std::to_string(i);
        REQUIRE(find(s) == FlatIndex::none);
        index.insert(hash_bytes(s), static_cast<std::uint32_t>(items.size()));
        items.push_back(s);
    }
    CHECK(index.size() == 100000);
    for (std::uint32_t i = 0; i < items.size(); i += 997) CHECK(find(items[i]) == i);
    CHECK(find("name100000") == FlatIndex::none);
    CHECK(find("") == FlatIndex::none);

    // Items under one hash: the predicate tells them apart.
    FlatIndex same;
    const std::vector<std::string> words = {"a", "b", "c"};
    for (std::uint32_t i = 0; i < words.size(); ++i) same.insert(42, i);
    for (std::uint32_t i = 0; i < words.size(); ++i)
        CHECK(same.find(42, [&](std::uint32_t j) { return words[j] == words[i]; }) == i);
    CHECK(same.find(42, [&](std::uint32_t j) { return words[j] == "d"; }) == FlatIndex::none);
    same.clear();
    CHECK(same.size() == 0);
    CHECK(same.find(42, [](std::uint32_t) { return true; }) == FlatIndex::none);
}
