// Merging speaker mentions into sources: full name, surname, title + surname, pronouns
// (resolved to the nearest compatible earlier source or named person), and common noun
// phrases ("officials", "a spokesman for the ministry") by their words.
#include <algorithm>
#include <cassert>
#include <cstring>
#include <string>

#include "lexicon/lexicon.hpp"
#include "sources/registry.hpp"
#include "sources/word_flags.hpp"

namespace reportage::sources {

using claims::npos;
using claims::PhraseType;

namespace {

constexpr std::uint32_t max_pronoun_distance = 600;  // tokens back to the antecedent
constexpr int max_candidates = 60;

bool title_word(std::string_view w) {
    static const lexicon::Table& titles = lexicon::table("person_titles");
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    return titles.contains(w);
}

bool full_title(std::string_view w) {
    static const lexicon::Table& titles = lexicon::table("person_titles");
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    const auto* row = titles.find(w);
    return row && row->size() >= 2 && (*row)[1] != "mod";
}

// What the name rules ask of a word, by lexeme id.
enum : std::uint16_t {
    nw_run_start = 1u << 0,     // dropped at the start of a capitalised run ("The", "But", "When")
    nw_calendar = 1u << 1,      // a day or month name: a run does not end in one
    nw_title = 1u << 2,         // title_word
    nw_full_title = 1u << 3,    // full_title
    nw_particle = 1u << 4,      // inside a name between capitalised words ("de", "van")
    nw_verb_after = 1u << 5,    // after a person's name: a verb, "who", "and"
    nw_called = 1u << 6,        // before a name: "called", "named"
    nw_appositive = 1u << 7,    // after a name and a comma: "who", "a", "an"
    nw_organization = 1u << 8,  // source_nouns: an organisation or a medium
    nw_determiner = 1u << 9,    // claims::is_determiner
};

const WordFlags<std::uint16_t>& name_word_flags() {
    static const WordFlags<std::uint16_t> flags = [] {
        WordFlags<std::uint16_t> f;
        // The closed classes are defined by functions: every word of them is a lexeme
        // (src/lexicon/sources_words.tsv lists those that no other word list has).
        f.add_lexemes_where(
            [](std::string_view w) {
                return claims::is_determiner(w) || claims::is_clause_boundary(w) || claims::is_preposition(w) ||
                       claims::is_subject_pronoun(w) || claims::is_calendar_word(w);
            },
            nw_run_start);
        for (std::string_view w : {"but", "meanwhile", "however", "instead"}) f.add(w, nw_run_start);
        f.add_lexemes_where(claims::is_calendar_word, nw_calendar);
        f.add_lexemes_where(claims::is_determiner, nw_determiner);
        f.add_lexemes_where(title_word, nw_title);
        f.add_lexemes_where(full_title, nw_full_title);
        for (std::string_view w : {"de", "van", "von", "al", "bin"}) f.add(w, nw_particle);
        for (std::string_view w : {"has", "had", "is", "was", "will", "would", "said", "says", "told", "added",
                                   "who", "himself", "herself", "could", "did", "does", "and"})
            f.add(w, nw_verb_after);
        for (std::string_view w : {"called", "named"}) f.add(w, nw_called);
        for (std::string_view w : {"who", "a", "an"}) f.add(w, nw_appositive);
        for (const auto& row : lexicon::table("source_nouns").rows()) {
            std::string_view kind = lexicon::field(&row.second, 0);
            if (kind == "organization" || kind == "media") f.add(row.first, nw_organization);
        }
        return f;
    }();
    return flags;
}

// The flags of token k, `flags` being name_word_flags().
inline std::uint16_t name_flags(const WordFlags<std::uint16_t>& flags, const claims::Body& b, std::uint32_t k) {
    const text::Token& t = b.tok(k);
    if (t.lex != 0) return flags.of(t.lex, std::string_view());
    std::uint16_t f = flags.of(b.doc, t);
    if (t.norm_size > 0 && b.doc.norm_arena[t.norm_begin + t.norm_size - 1] == '.') {
        // A title with a period that only its form without one is listed as ("Gov."):
        // not a lexeme, so looked up by its text.
        std::string_view w = b.norm(k);
        if (title_word(w)) f |= nw_title;
        if (full_title(w)) f |= nw_full_title;
    }
    return f;
}

}  // namespace

Registry::Registry(const claims::Body& body, const claims::QuoteMarks& quotes) : b_(body), q_(quotes) {
    find_name_runs();
}

void Registry::find_name_runs() {
    const text::Document& doc = b_.doc;
    const WordFlags<std::uint16_t>& words = name_word_flags();
    auto flags = [&](std::uint32_t k) { return name_flags(words, b_, k); };
    // the same as b_.is_cap and q_.inside, read through local pointers in this loop over
    // every token of the body
    const text::Token* tokens = doc.tokens.data();
    const std::int32_t* inside = q_.inside.data();
    const std::uint8_t* marks = b_.marks.data();
    auto cap = [tokens](std::uint32_t k) {
        return tokens[k].kind == text::TokenKind::word && tokens[k].has(text::tf_capitalized);
    };
    for (const auto& bp : b_.layout.body) {
        if (bp.paragraph >= doc.paragraphs.size()) continue;
        const text::Paragraph& para = doc.paragraphs[bp.paragraph];
        for (std::uint32_t si = para.first_sentence; si < para.end_sentence && si < doc.sentences.size(); ++si) {
            const text::Sentence& s = doc.sentences[si];
            const std::uint32_t end = s.end_token;
            std::uint32_t k = s.first_token;
            while (k < end) {
                while (k < end && !(marks[k] & claims::Body::tm_cap)) ++k;  // most tokens
                if (k == end) break;
                if (inside[k] >= 0) {
                    ++k;
                    continue;
                }
                std::uint32_t first = k, j = k;
                while (j + 1 < end && inside[j + 1] < 0 &&
                       (cap(j + 1) || (b_.is_word(j + 1) && j + 2 < end && cap(j + 2) && (flags(j + 1) & nw_particle))))
                    ++j;
                // drop sentence-initial function words ("The", "But", "When")
                while (first <= j && (flags(first) & nw_run_start)) ++first;
                if (first <= j && !(flags(j) & nw_calendar)) {
                    NameRun r;
                    r.first = first;
                    r.last = j;
                    std::uint32_t nf = first;
                    while (nf < j && (flags(nf) & nw_title)) ++nf;
                    r.name_first = nf;
                    bool titled = nf > first && (flags(nf - 1) & nw_full_title);
                    // lower-case title right before: "police spokesman John Roe"
                    if (first > s.first_token && b_.is_lower_word(first - 1) &&
                        (flags(first - 1) & nw_full_title))
                        titled = true;
                    bool verb = j + 1 < s.end_token && b_.is_lower_word(j + 1) && (flags(j + 1) & nw_verb_after);
                    bool appos = j + 2 < s.end_token && b_.is_punct(j + 1, ",") && b_.is_word(j + 2) &&
                                 (flags(j + 2) & nw_appositive);
                    bool called = first > s.first_token && b_.is_word(first - 1) && (flags(first - 1) & nw_called);
                    bool org = false;
                    for (std::uint32_t t = nf; t <= j; ++t)
                        if (flags(t) & nw_organization) org = true;
                    // "Carla Mendes runs …": a two-word name followed by a verb-like word
                    bool verbish = false;
                    if (j > nf && j + 1 < s.end_token && b_.is_lower_word(j + 1)) {
                        std::string_view v = b_.norm(j + 1);
                        verbish = v.size() > 3 && (v.substr(v.size() - 2) == "ed" || (v.back() == 's' && v[v.size() - 2] != 's'));
                    }
                    r.person = !org && (titled || verb || appos || called || verbish) && j - nf < 4;
                    runs_.push_back(r);
                }
                k = j + 1;
            }
        }
    }
}

void Registry::add_mention(int e, Span s, std::uint32_t token) { mentions_.push_back(Mention{token, e, s}); }

Registry::Words Registry::words(KeyKind kind, std::uint32_t first, std::uint32_t last) const {
    const text::Document& doc = b_.doc;
    Words w;
    w.first = first;
    w.last = last;
    w.norm_begin = doc.tokens[first].norm_begin;
    w.hash = static_cast<std::uint64_t>(kind) + 1;
    bool packable = last - first < 4;
    for (std::uint32_t k = first; k <= last; ++k) {
        const text::Token& t = doc.tokens[k];
        assert(t.norm_begin == w.norm_begin + w.norm_size);  // back to back
        w.hash = util::hash_bytes(doc.norm(t), w.hash);
        w.norm_size += t.norm_size;
        packable = packable && t.norm_size <= 255;
        w.sizes = w.sizes << 8 | t.norm_size;
    }
    if (!packable) w.sizes = 0;
    return w;
}

bool Registry::same(const Words& a, const Words& b) const {
    if (a.hash != b.hash || a.last - a.first != b.last - b.first || a.norm_size != b.norm_size ||
        a.sizes != b.sizes)
        return false;
    const char* arena = b_.doc.norm_arena.data();
    if (std::memcmp(arena + a.norm_begin, arena + b.norm_begin, a.norm_size) != 0) return false;
    if (a.sizes != 0) return true;  // the same bytes cut at the same places
    for (std::uint32_t i = 0; i <= a.last - a.first; ++i)
        if (b_.tok(a.first + i).norm_size != b_.tok(b.first + i).norm_size) return false;
    return true;
}

int Registry::find_key(KeyKind kind, std::uint32_t first, std::uint32_t last) const {
    const Words w = words(kind, first, last);
    const std::uint32_t k = key_index_.find(
        w.hash, [&](std::uint32_t i) { return keys_[i].kind == kind && same(keys_[i].words, w); });
    return k == util::FlatIndex::none ? -1 : keys_[k].entity;
}

void Registry::add_key(KeyKind kind, std::uint32_t first, std::uint32_t last, int entity) {
    const Words w = words(kind, first, last);
    key_index_.insert(w.hash, static_cast<std::uint32_t>(keys_.size()));
    keys_.push_back(Key{w, kind, entity});
}

int Registry::first_under_word(std::uint32_t token) const {
    const std::string_view w = b_.norm(token);
    const char* arena = b_.doc.norm_arena.data();
    const std::uint32_t i = word_index_.find(util::hash_bytes(w), [&](std::uint32_t j) {
        return words_[j].norm_size == w.size() && std::memcmp(arena + words_[j].norm_begin, w.data(), w.size()) == 0;
    });
    return i == util::FlatIndex::none ? -1 : words_[i].head;
}

void Registry::add_under_word(std::uint32_t token, int entity) {
    const text::Token& t = b_.tok(token);
    const std::string_view w = b_.doc.norm(t);
    const char* arena = b_.doc.norm_arena.data();
    const std::uint64_t h = util::hash_bytes(w);
    std::uint32_t i = word_index_.find(h, [&](std::uint32_t j) {
        return words_[j].norm_size == w.size() && std::memcmp(arena + words_[j].norm_begin, w.data(), w.size()) == 0;
    });
    if (i == util::FlatIndex::none) {
        i = static_cast<std::uint32_t>(words_.size());
        word_index_.insert(h, i);
        words_.push_back(Word{t.norm_begin, t.norm_size, -1});
    }
    under_word_.push_back(UnderWord{entity, words_[i].head});
    words_[i].head = static_cast<int>(under_word_.size() - 1);
}

int Registry::find_name(std::uint32_t name_first, std::uint32_t last, bool* by_key) const {
    const int keyed = find_key(KeyKind::name, name_first, last);
    if (by_key) *by_key = keyed >= 0;
    if (keyed >= 0) return keyed;
    // A last word that no entity's name has had ends no known name (most runs of
    // capitalised words).
    const int head = first_under_word(last);
    if (head < 0) return -1;
    // a surname alone, or a longer form of a surname seen alone
    const std::string_view lastw = b_.norm(last);
    int best = -1;  // the latest entity that fits
    for (int c = head; c >= 0; c = under_word_[static_cast<std::size_t>(c)].next) {
        const int i = under_word_[static_cast<std::size_t>(c)].entity;
        const Entity& e = entities_[static_cast<std::size_t>(i)];
        if (!e.named || e.kind != SourceKind::person || !e.has_name_words) continue;
        if (b_.norm(e.name_last) != lastw) continue;
        const std::uint32_t size = e.name_size();
        bool fits = name_first == last || size == 1 ||
                    (size >= 2 && last > name_first && b_.norm(e.name_first) == b_.norm(name_first));
        if (fits) best = std::max(best, i);
    }
    return best;
}

int Registry::new_name_entity(std::uint32_t first, std::uint32_t name_first, std::uint32_t last) {
    Entity e;
    describe_name(e, first, name_first, last);
    e.name = b_.span(name_first, last);
    e.has_name_words = true;
    e.name_first = name_first;
    e.name_last = last;
    entities_.push_back(std::move(e));
    int id = static_cast<int>(entities_.size() - 1);
    add_key(KeyKind::name, name_first, last, id);
    add_under_word(last, id);
    return id;
}

int Registry::attach_name(const claims::Phrase& p) {
    std::uint32_t first = p.first;
    // determiners before a name ("the Interior Ministry") are not part of the name
    const WordFlags<std::uint16_t>& words = name_word_flags();
    while (first < p.last && b_.is_word(first) && (name_flags(words, b_, first) & nw_determiner)) ++first;
    std::uint32_t nf = first;
    while (nf < p.last && b_.is_word(nf) && (name_flags(words, b_, nf) & nw_title)) ++nf;
    bool keyed = false;
    int e = find_name(nf, p.last, &keyed);
    if (e < 0) {
        e = new_name_entity(first, nf, p.last);
        keyed = true;
    } else {
        Entity& en = entities_[static_cast<std::size_t>(e)];
        if (p.last - nf + 1 > en.name_size()) {
            // a fuller form of the name: "Jane Doe" after "Doe"
            en.name = b_.span(nf, p.last);
            en.has_name_words = true;
            en.name_first = nf;
            en.name_last = p.last;
            add_key(KeyKind::name, nf, p.last, e);
            add_under_word(p.last, e);
            keyed = true;
        }
        if (nf > first) {
            Entity tmp;
            describe_name(tmp, first, nf, p.last);
            if (tmp.role && !en.role) en.role = tmp.role;
            if (tmp.official) en.official = true;
            if (tmp.gender && !en.gender) en.gender = tmp.gender;
        }
    }
    if (keyed) note_run(nf, p.last, e);
    take_appositive(entities_[static_cast<std::size_t>(e)], p, true);
    add_mention(e, b_.span(p.first, p.last), p.first);
    return e;
}

void Registry::note_run(std::uint32_t name_first, std::uint32_t last, int e) {
    // Runs do not overlap, so they are in order of their last tokens too.
    if (run_cursor_ >= runs_.size() || (run_cursor_ > 0 && runs_[run_cursor_ - 1].last >= last)) {
        run_cursor_ = static_cast<std::size_t>(
            std::lower_bound(runs_.begin(), runs_.end(), last,
                             [](const NameRun& r, std::uint32_t x) { return r.last < x; }) -
            runs_.begin());
    } else {
        while (run_cursor_ < runs_.size() && runs_[run_cursor_].last < last) ++run_cursor_;
    }
    if (run_cursor_ < runs_.size() && runs_[run_cursor_].last == last && runs_[run_cursor_].name_first == name_first)
        runs_[run_cursor_].entity = e;
}

void Registry::take_appositive(Entity& en, const claims::Phrase& p, bool official) const {
    if (p.app_first == npos) return;
    Entity tmp;  // what apply_appositive reads of the entity, without role and affiliation
    tmp.kind = en.kind;
    tmp.official = en.official;
    tmp.gender = en.gender;
    apply_appositive(tmp, p.app_first, p.app_last);
    if (tmp.role && !en.role) en.role = tmp.role;
    if (tmp.affiliation && !en.affiliation) en.affiliation = tmp.affiliation;
    if (official && tmp.official) en.official = true;
    if (tmp.gender && !en.gender) en.gender = tmp.gender;
}

int Registry::attach_common(const claims::Phrase& p) {
    std::uint32_t first = p.first;
    while (first < p.last && b_.is_word(first) &&
           (b_.norm(first) == "the" || b_.norm(first) == "a" || b_.norm(first) == "an" ||
            b_.norm(first) == "some" || b_.norm(first) == "this" || b_.norm(first) == "these"))
        ++first;
    // "a spokesman" is one person per mention unless the words repeat with "the"
    int e = find_key(KeyKind::common, first, p.last);
    if (e < 0) {
        Entity en;
        en.name = b_.span(first, p.last);
        describe_common(en, first, p.last);
        entities_.push_back(std::move(en));
        e = static_cast<int>(entities_.size() - 1);
        add_key(KeyKind::common, first, p.last, e);
    }
    // A common noun keeps its own official status; the appositive adds role and affiliation.
    take_appositive(entities_[static_cast<std::size_t>(e)], p, false);
    add_mention(e, b_.span(p.first, p.last), p.first);
    return e;
}

int Registry::attach_pronoun(const claims::Phrase& p) {
    std::string_view w = b_.norm(p.first);
    std::uint32_t pos = p.first;
    bool personal = w == "he" || w == "she";
    bool plural = w == "they";
    bool neuter = w == "it";
    char gender = w == "he" ? 'm' : w == "she" ? 'f' : 0;
    auto compatible = [&](const Entity& e) {
        if (personal) return e.kind == SourceKind::person && (!e.gender || e.gender == gender);
        if (plural) return e.kind == SourceKind::group || e.kind == SourceKind::organization;
        if (neuter)
            return e.kind == SourceKind::organization || e.kind == SourceKind::media ||
                   e.kind == SourceKind::document;
        return false;
    };
    int found = -1;
    if (personal || plural || neuter) {
        // Walk back over attached mentions and narrative name runs, nearest first.
        auto mi = static_cast<std::ptrdiff_t>(mentions_.size()) - 1;
        while (mi >= 0 && mentions_[static_cast<std::size_t>(mi)].token >= pos) --mi;
        auto ri = std::lower_bound(runs_.begin(), runs_.end(), pos,
                                   [](const NameRun& r, std::uint32_t x) { return r.first < x; }) -
                  runs_.begin() - 1;
        for (int n = 0; n < max_candidates && (mi >= 0 || ri >= 0); ++n) {
            std::uint32_t mpos = mi >= 0 ? mentions_[static_cast<std::size_t>(mi)].token : 0;
            std::uint32_t rpos = ri >= 0 ? runs_[static_cast<std::size_t>(ri)].first : 0;
            bool take_mention = mi >= 0 && (ri < 0 || mpos >= rpos);
            std::uint32_t cpos = take_mention ? mpos : rpos;
            if (pos - cpos > max_pronoun_distance) break;
            if (take_mention) {
                int e = mentions_[static_cast<std::size_t>(mi)].entity;
                --mi;
                if (compatible(entities_[static_cast<std::size_t>(e)])) {
                    found = e;
                    break;
                }
            } else {
                NameRun& r = runs_[static_cast<std::size_t>(ri)];
                --ri;
                if (r.last >= pos) continue;
                int e = find_name(r.name_first, r.last);
                if (e >= 0) {
                    if (compatible(entities_[static_cast<std::size_t>(e)])) {
                        found = e;
                        break;
                    }
                    continue;
                }
                if (personal && r.person) {
                    found = new_name_entity(r.first, r.name_first, r.last);
                    r.entity = found;  // its words are now that entity's key
                    if (!compatible(entities_[static_cast<std::size_t>(found)])) {
                        found = -1;
                        continue;
                    }
                    break;
                }
            }
        }
    }
    if (found < 0) {
        // No antecedent: the pronoun itself stands for the source.
        found = find_key(KeyKind::pronoun, p.first, p.first);
        if (found < 0) {
            Entity en;
            en.name = b_.span(p.first, p.last);
            en.kind = (personal || w == "i") ? SourceKind::person
                      : plural               ? SourceKind::group
                                             : SourceKind::unknown;
            entities_.push_back(std::move(en));
            found = static_cast<int>(entities_.size() - 1);
            add_key(KeyKind::pronoun, p.first, p.first, found);
        }
    } else if (personal && !entities_[static_cast<std::size_t>(found)].gender) {
        entities_[static_cast<std::size_t>(found)].gender = gender;
    }
    add_mention(found, b_.span(p.first, p.last), p.first);
    return found;
}

int Registry::attach(const claims::Phrase& p) {
    switch (p.type) {
        case PhraseType::pronoun: return attach_pronoun(p);
        case PhraseType::name: return attach_name(p);
        case PhraseType::common: return attach_common(p);
    }
    return -1;
}

bool Registry::known_name(std::uint32_t first, std::uint32_t last) const {
    if (first > last) return false;
    std::uint32_t nf = first;
    const WordFlags<std::uint16_t>& words = name_word_flags();
    while (nf < last && b_.is_word(nf) && (name_flags(words, b_, nf) & (nw_title | nw_determiner))) ++nf;
    return find_name(nf, last) >= 0;
}

bool Registry::other_speaker_between(std::uint32_t from, std::uint32_t to, int entity) const {
    auto it = std::lower_bound(runs_.begin(), runs_.end(), from,
                               [](const NameRun& r, std::uint32_t x) { return r.first < x; });
    for (; it != runs_.end() && it->first < to; ++it) {
        if (!it->person) continue;
        int e = find_name(it->name_first, it->last);
        if (e != entity) return true;
    }
    return false;
}

void Registry::finish(std::vector<Source>& out, std::vector<std::string>& id_of,
                      const std::vector<int>& citation_order) {
    id_of.assign(entities_.size(), std::string());
    // Every narrative occurrence of a cited named source's name is a mention too.
    if (!citation_order.empty())
        for (const NameRun& r : runs_) {
            int e = r.entity >= 0 ? r.entity : find_name(r.name_first, r.last);
            if (e < 0 || !entities_[static_cast<std::size_t>(e)].cited) continue;
            mentions_.push_back(Mention{r.first, e, b_.span(r.first, r.last)});
        }
    // The mentions of each entity, together (a counting sort by entity).
    std::vector<std::uint32_t> begin(entities_.size() + 1, 0);
    for (const Mention& m : mentions_) ++begin[static_cast<std::size_t>(m.entity) + 1];
    for (std::size_t e = 0; e < entities_.size(); ++e) begin[e + 1] += begin[e];
    std::vector<Span> spans(mentions_.size());
    {
        std::vector<std::uint32_t> fill(begin.begin(), begin.end() - 1);
        for (const Mention& m : mentions_) spans[fill[static_cast<std::size_t>(m.entity)]++] = m.span;
    }
    for (int e : citation_order) {
        const auto ei = static_cast<std::size_t>(e);
        Entity& en = entities_[ei];
        if (!id_of[ei].empty()) continue;
        id_of[ei] = "s" + std::to_string(out.size() + 1);
        Source s;
        s.id = id_of[ei];
        s.name = b_.doc.text(en.name);
        s.kind = en.kind;
        s.named = en.named;
        s.official = en.official;
        s.role = en.role;
        s.affiliation = en.affiliation;
        const auto first = spans.begin() + begin[ei], last = spans.begin() + begin[ei + 1];
        std::sort(first, last);
        // overlapping duplicates: keep the longer one
        for (auto it = first; it != last; ++it) {
            const Span& sp = *it;
            if (!s.mentions.empty() && sp.begin < s.mentions.back().end) {
                if (sp.end > s.mentions.back().end) s.mentions.back() = sp;
                continue;
            }
            s.mentions.push_back(sp);
        }
        out.push_back(std::move(s));
    }
}

}  // namespace reportage::sources
