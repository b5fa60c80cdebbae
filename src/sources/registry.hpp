// Sources: one entry per real-world speaker, built from the speaker phrases the claims
// stage finds. Merges full names, surnames, title + surname and pronouns; types each
// source (kind, named, official) and reads its role and affiliation from titles and
// appositives. Internal to the library.
#ifndef REPORTAGE_SOURCES_REGISTRY_HPP
#define REPORTAGE_SOURCES_REGISTRY_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/analysis.hpp"
#include "reportage/model.hpp"
#include "util/flat_index.hpp"

namespace reportage::sources {

// A run of capitalised words in the narrative (outside quotes), found once up front:
// the candidates a pronoun can refer to, and the mentions of named sources.
struct NameRun {
    std::uint32_t first = 0, last = 0;  // whole run, titles included
    std::uint32_t name_first = 0;       // first token after the titles
    bool person = false;                // evidence that it names a person
    // The entity whose key is this run's name words, once one is known (keys never
    // change), so that finish() need not look the name up again; -1 before.
    int entity = -1;
};

struct Entity {
    SourceKind kind = SourceKind::unknown;
    bool named = false;
    bool official = false;
    bool cited = false;
    char gender = 0;  // 'm', 'f' or 0 (unknown)
    // The words of a name (titles left off): tokens [name_first, name_last] of the mention
    // that gave its fullest form; none for common nouns and pronouns.
    bool has_name_words = false;
    std::uint32_t name_first = 0, name_last = 0;
    Span name;  // the text it is listed under
    std::optional<std::string> role;
    std::optional<std::string> affiliation;
    std::uint32_t name_size() const { return has_name_words ? name_last - name_first + 1 : 0; }
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
    // The entity a name over tokens [name_first, last] refers to, or -1; *by_key tells
    // whether its words are a key (rather than a surname of a longer name).
    int find_name(std::uint32_t name_first, std::uint32_t last, bool* by_key = nullptr) const;
    // Tells the run whose name words are [name_first, last], if any, that they are the key
    // of entity e.
    void note_run(std::uint32_t name_first, std::uint32_t last, int e);
    int new_name_entity(std::uint32_t first, std::uint32_t name_first, std::uint32_t last);
    void find_name_runs();
    void add_mention(int e, Span s, std::uint32_t token);

    // roles.cpp
    void describe_name(Entity& e, std::uint32_t first, std::uint32_t name_first, std::uint32_t last) const;
    void describe_common(Entity& e, std::uint32_t first, std::uint32_t last) const;
    void apply_appositive(Entity& e, std::uint32_t first, std::uint32_t last) const;

    // Merge keys: a name's words, a common noun phrase's words, a pronoun. Each key maps
    // to one entity; an entity can have several (its shorter and fuller names).
    enum class KeyKind : std::uint8_t { name, common, pronoun };
    // A run of words [first, last] as the look-ups compare it: the normal forms of
    // consecutive tokens lie back to back in the document's arena, so the words are one
    // byte range there, told apart by their sizes (packed 8 bits each when there are at
    // most four words of at most 255 bytes; 0 otherwise, and the words are compared one
    // by one).
    struct Words {
        std::uint32_t first = 0, last = 0;
        std::uint32_t norm_begin = 0, norm_size = 0;
        std::uint32_t sizes = 0;
        std::uint64_t hash = 0;
    };
    Words words(KeyKind kind, std::uint32_t first, std::uint32_t last) const;
    bool same(const Words& a, const Words& b) const;
    struct Key {
        Words words;
        KeyKind kind;
        int entity;
    };
    int find_key(KeyKind kind, std::uint32_t first, std::uint32_t last) const;
    void add_key(KeyKind kind, std::uint32_t first, std::uint32_t last, int entity);
    // The entities registered under the last word of their name (a surname finds its
    // person): a list per word, chained through `under_word_`; -1 when none.
    int first_under_word(std::uint32_t token) const;
    void add_under_word(std::uint32_t token, int entity);

    const claims::Body& b_;
    const claims::QuoteMarks& q_;
    std::vector<Entity> entities_;
    std::vector<NameRun> runs_;
    std::size_t run_cursor_ = 0;  // note_run's place in runs_ (attachment is mostly in text order)
    std::vector<Key> keys_;
    util::FlatIndex key_index_;
    struct Word {
        std::uint32_t norm_begin, norm_size;  // the word in the document's arena
        int head;                             // into under_word_
    };
    std::vector<Word> words_;
    util::FlatIndex word_index_;
    struct UnderWord {
        int entity;
        int next;  // into under_word_, -1 at the end
    };
    std::vector<UnderWord> under_word_;
    // Every mention attached so far, in attachment order.
    struct Mention {
        std::uint32_t token;  // its first token
        int entity;
        Span span;
    };
    std::vector<Mention> mentions_;
};

}  // namespace reportage::sources

#endif  // REPORTAGE_SOURCES_REGISTRY_HPP
