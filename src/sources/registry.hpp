// Sources: one entry per real-world speaker, built from the speaker phrases the claims
// stage finds. Merges full names, surnames, title + surname and pronouns; types each
// source (kind, named, official) and reads its role and affiliation from titles and
// appositives. Internal to the library.
#ifndef REPORTAGE_SOURCES_REGISTRY_HPP
#define REPORTAGE_SOURCES_REGISTRY_HPP

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "claims/analysis.hpp"
#include "reportage/model.hpp"

namespace reportage::sources {

// A run of capitalised words in the narrative (outside quotes), found once up front:
// the candidates a pronoun can refer to, and the mentions of named sources.
struct NameRun {
    std::uint32_t first = 0, last = 0;  // whole run, titles included
    std::uint32_t name_first = 0;       // first token after the titles
    bool person = false;                // evidence that it names a person
};

struct Entity {
    std::string name;
    SourceKind kind = SourceKind::unknown;
    bool named = false;
    bool official = false;
    std::optional<std::string> role;
    std::optional<std::string> affiliation;
    char gender = 0;                      // 'm', 'f' or 0 (unknown)
    std::vector<std::string> name_words;  // normalised words of a name (no titles)
    std::string key;                      // merge key
    std::vector<Span> mentions;
    bool cited = false;
};

class Registry {
public:
    Registry(const claims::Body& body, const claims::QuoteMarks& quotes);

    // The entity a speaker phrase refers to (merged with an earlier one, or new), and
    // records the mention. Pronouns resolve to the nearest compatible earlier source or
    // named person; -1 when a phrase gives no usable source.
    int attach(const claims::Phrase& phrase);
    void cite(int entity) { entities_[static_cast<std::size_t>(entity)].cited = true; }
    const Entity& entity(int e) const { return entities_[static_cast<std::size_t>(e)]; }
    // Is the name over tokens [first, last] (titles skipped) a source already attached?
    bool known_name(std::uint32_t first, std::uint32_t last) const;
    // Is there a person or group named in the narrative in [from, to) that is not `entity`?
    bool other_speaker_between(std::uint32_t from, std::uint32_t to, int entity) const;

    // Writes the cited entities as sources s1…, in order of first citation; `id_of`
    // maps an entity to its source id.
    void finish(std::vector<Source>& out, std::vector<std::string>& id_of,
                const std::vector<int>& citation_order);

private:
    int attach_name(const claims::Phrase& p);
    int attach_common(const claims::Phrase& p);
    int attach_pronoun(const claims::Phrase& p);
    // Role, affiliation and gender from the phrase's appositive, where the entity has none
    // yet; its official status too when `official`.
    void take_appositive(Entity& en, const claims::Phrase& p, bool official) const;
    int find_name(std::uint32_t name_first, std::uint32_t last) const;
    int new_name_entity(std::uint32_t first, std::uint32_t name_first, std::uint32_t last);
    void find_name_runs();
    void add_mention(int e, Span s, std::uint32_t token);

    // roles.cpp
    void describe_name(Entity& e, std::uint32_t first, std::uint32_t name_first, std::uint32_t last) const;
    void describe_common(Entity& e, std::uint32_t first, std::uint32_t last) const;
    void apply_appositive(Entity& e, std::uint32_t first, std::uint32_t last) const;

    const claims::Body& b_;
    const claims::QuoteMarks& q_;
    std::vector<Entity> entities_;
    std::vector<NameRun> runs_;
    std::unordered_map<std::string, int> by_key_;
    // entities by the last word of their name (a view of the document's normal forms),
    // so a surname finds its person in O(1)
    std::unordered_map<std::string_view, std::vector<int>> by_last_word_;
    mutable std::string key_;  // find_name's buffer
    // (token position, entity) of every mention attached so far, in attachment order
    std::vector<std::pair<std::uint32_t, int>> mention_tokens_;
};

}  // namespace reportage::sources

#endif  // REPORTAGE_SOURCES_REGISTRY_HPP
