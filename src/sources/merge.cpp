// Merging speaker mentions into sources: full name, surname, title + surname, pronouns
// (resolved to the nearest compatible earlier source or named person), and common noun
// phrases ("officials", "a spokesman for the ministry") by their words.
#include <algorithm>
#include <string>

#include "lexicon/lexicon.hpp"
#include "sources/registry.hpp"

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

bool verb_after_name(std::string_view w) {
    return w == "has" || w == "had" || w == "is" || w == "was" || w == "will" || w == "would" ||
           w == "said" || w == "says" || w == "told" || w == "added" || w == "who" || w == "himself" ||
           w == "herself" || w == "could" || w == "did" || w == "does" || w == "and";
}

}  // namespace

Registry::Registry(const claims::Body& body, const claims::QuoteMarks& quotes) : b_(body), q_(quotes) {
    find_name_runs();
}

void Registry::find_name_runs() {
    const text::Document& doc = b_.doc;
    for (const auto& bp : b_.layout.body) {
        if (bp.paragraph >= doc.paragraphs.size()) continue;
        const text::Paragraph& para = doc.paragraphs[bp.paragraph];
        for (std::uint32_t si = para.first_sentence; si < para.end_sentence && si < doc.sentences.size(); ++si) {
            const text::Sentence& s = doc.sentences[si];
            std::uint32_t k = s.first_token;
            while (k < s.end_token) {
                if (q_.inside[k] >= 0 || !b_.is_cap(k)) {
                    ++k;
                    continue;
                }
                std::uint32_t first = k, j = k;
                while (j + 1 < s.end_token && q_.inside[j + 1] < 0 &&
                       (b_.is_cap(j + 1) ||
                        (b_.is_word(j + 1) && j + 2 < s.end_token && b_.is_cap(j + 2) &&
                         (b_.norm(j + 1) == "de" || b_.norm(j + 1) == "van" || b_.norm(j + 1) == "von" ||
                          b_.norm(j + 1) == "al" || b_.norm(j + 1) == "bin"))))
                    ++j;
                // drop sentence-initial function words ("The", "But", "When")
                while (first <= j && (claims::is_determiner(b_.norm(first)) ||
                                      claims::is_clause_boundary(b_.norm(first)) ||
                                      claims::is_preposition(b_.norm(first)) ||
                                      claims::is_subject_pronoun(b_.norm(first)) ||
                                      claims::is_calendar_word(b_.norm(first)) ||
                                      b_.norm(first) == "but" || b_.norm(first) == "meanwhile" ||
                                      b_.norm(first) == "however" || b_.norm(first) == "instead"))
                    ++first;
                if (first <= j && !claims::is_calendar_word(b_.norm(j))) {
                    NameRun r;
                    r.first = first;
                    r.last = j;
                    std::uint32_t nf = first;
                    while (nf < j && title_word(b_.norm(nf))) ++nf;
                    r.name_first = nf;
                    bool titled = nf > first && full_title(b_.norm(nf - 1));
                    // lower-case title right before: "police spokesman John Roe"
                    if (first > s.first_token && b_.is_lower_word(first - 1) && full_title(b_.norm(first - 1)))
                        titled = true;
                    bool verb = j + 1 < s.end_token && b_.is_lower_word(j + 1) && verb_after_name(b_.norm(j + 1));
                    bool appos = j + 2 < s.end_token && b_.is_punct(j + 1, ",") && b_.is_word(j + 2) &&
                                 (b_.norm(j + 2) == "who" || b_.norm(j + 2) == "a" || b_.norm(j + 2) == "an");
                    bool called = first > s.first_token && b_.is_word(first - 1) &&
                                  (b_.norm(first - 1) == "called" || b_.norm(first - 1) == "named");
                    bool org = false;
                    for (std::uint32_t t = nf; t <= j; ++t) {
                        static const lexicon::Table& nouns = lexicon::table("source_nouns");
                        const auto* row = nouns.find(b_.norm(t));
                        if (row && !row->empty() && ((*row)[0] == "organization" || (*row)[0] == "media")) org = true;
                    }
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

void Registry::add_mention(int e, Span s, std::uint32_t token) {
    entities_[static_cast<std::size_t>(e)].mentions.push_back(s);
    mention_tokens_.emplace_back(token, e);
}

int Registry::find_name(std::uint32_t name_first, std::uint32_t last) const {
    std::string key;
    for (std::uint32_t k = name_first; k <= last; ++k) {
        if (!key.empty()) key += ' ';
        key += b_.norm(k);
    }
    auto it = by_key_.find("name:" + key);
    if (it != by_key_.end()) return it->second;
    // a surname alone, or a longer form of a surname seen alone
    std::string_view lastw = b_.norm(last);
    auto candidates = by_last_word_.find(std::string(lastw));
    if (candidates == by_last_word_.end()) return -1;
    int best = -1;  // the latest entity that fits
    for (int i : candidates->second) {
        const Entity& e = entities_[static_cast<std::size_t>(i)];
        if (!e.named || e.kind != SourceKind::person || e.name_words.empty()) continue;
        if (e.name_words.back() != lastw) continue;
        bool fits = name_first == last || e.name_words.size() == 1 ||
                    (e.name_words.size() >= 2 && last > name_first && e.name_words.front() == b_.norm(name_first));
        if (fits) best = std::max(best, i);
    }
    return best;
}

int Registry::new_name_entity(std::uint32_t first, std::uint32_t name_first, std::uint32_t last) {
    Entity e;
    describe_name(e, first, name_first, last);
    e.name = b_.doc.text(b_.span(name_first, last));
    for (std::uint32_t k = name_first; k <= last; ++k) e.name_words.emplace_back(b_.norm(k));
    std::string key;
    for (const auto& w : e.name_words) key += (key.empty() ? "" : " ") + w;
    e.key = "name:" + key;
    entities_.push_back(std::move(e));
    int id = static_cast<int>(entities_.size() - 1);
    by_key_[entities_.back().key] = id;
    if (!entities_.back().name_words.empty()) by_last_word_[entities_.back().name_words.back()].push_back(id);
    return id;
}

int Registry::attach_name(const claims::Phrase& p) {
    std::uint32_t first = p.first;
    // determiners before a name ("the Interior Ministry") are not part of the name
    while (first < p.last && b_.is_word(first) && claims::is_determiner(b_.norm(first))) ++first;
    std::uint32_t nf = first;
    while (nf < p.last && b_.is_word(nf) && title_word(b_.norm(nf))) ++nf;
    int e = find_name(nf, p.last);
    if (e < 0) {
        e = new_name_entity(first, nf, p.last);
    } else {
        Entity& en = entities_[static_cast<std::size_t>(e)];
        if (p.last - nf + 1 > en.name_words.size()) {
            // a fuller form of the name: "Jane Doe" after "Doe"
            en.name = b_.doc.text(b_.span(nf, p.last));
            en.name_words.clear();
            for (std::uint32_t k = nf; k <= p.last; ++k) en.name_words.emplace_back(b_.norm(k));
            en.key = "name:";
            for (std::size_t i = 0; i < en.name_words.size(); ++i)
                en.key += (i ? " " : "") + en.name_words[i];
            by_key_[en.key] = e;
            by_last_word_[en.name_words.back()].push_back(e);
        }
        if (nf > first) {
            Entity tmp;
            describe_name(tmp, first, nf, p.last);
            if (tmp.role && !en.role) en.role = tmp.role;
            if (tmp.official) en.official = true;
            if (tmp.gender && !en.gender) en.gender = tmp.gender;
        }
    }
    take_appositive(entities_[static_cast<std::size_t>(e)], p, true);
    add_mention(e, b_.span(p.first, p.last), p.first);
    return e;
}

void Registry::take_appositive(Entity& en, const claims::Phrase& p, bool official) const {
    if (p.app_first == npos) return;
    Entity tmp = en;
    tmp.role.reset();
    tmp.affiliation.reset();
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
    std::string key = "common:";
    for (std::uint32_t k = first; k <= p.last; ++k) {
        key += b_.norm(k);
        key += ' ';
    }
    int e;
    auto it = by_key_.find(key);
    // "a spokesman" is one person per mention unless the words repeat with "the"
    if (it != by_key_.end()) {
        e = it->second;
    } else {
        Entity en;
        en.name = b_.doc.text(b_.span(first, p.last));
        en.key = key;
        describe_common(en, first, p.last);
        entities_.push_back(std::move(en));
        e = static_cast<int>(entities_.size() - 1);
        by_key_[key] = e;
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
        auto mi = static_cast<std::ptrdiff_t>(mention_tokens_.size()) - 1;
        while (mi >= 0 && mention_tokens_[static_cast<std::size_t>(mi)].first >= pos) --mi;
        auto ri = std::lower_bound(runs_.begin(), runs_.end(), pos,
                                   [](const NameRun& r, std::uint32_t x) { return r.first < x; }) -
                  runs_.begin() - 1;
        for (int n = 0; n < max_candidates && (mi >= 0 || ri >= 0); ++n) {
            std::uint32_t mpos = mi >= 0 ? mention_tokens_[static_cast<std::size_t>(mi)].first : 0;
            std::uint32_t rpos = ri >= 0 ? runs_[static_cast<std::size_t>(ri)].first : 0;
            bool take_mention = mi >= 0 && (ri < 0 || mpos >= rpos);
            std::uint32_t cpos = take_mention ? mpos : rpos;
            if (pos - cpos > max_pronoun_distance) break;
            if (take_mention) {
                int e = mention_tokens_[static_cast<std::size_t>(mi)].second;
                --mi;
                if (compatible(entities_[static_cast<std::size_t>(e)])) {
                    found = e;
                    break;
                }
            } else {
                const NameRun& r = runs_[static_cast<std::size_t>(ri)];
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
        std::string key = "pronoun:" + std::string(w);
        auto it = by_key_.find(key);
        if (it != by_key_.end()) {
            found = it->second;
        } else {
            Entity en;
            en.name = b_.doc.text(b_.span(p.first, p.last));
            en.key = key;
            en.kind = (personal || w == "i") ? SourceKind::person
                      : plural               ? SourceKind::group
                                             : SourceKind::unknown;
            entities_.push_back(std::move(en));
            found = static_cast<int>(entities_.size() - 1);
            by_key_[key] = found;
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
    while (nf < last && b_.is_word(nf) && (title_word(b_.norm(nf)) || claims::is_determiner(b_.norm(nf)))) ++nf;
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
    for (const NameRun& r : runs_) {
        int e = find_name(r.name_first, r.last);
        if (e < 0 || !entities_[static_cast<std::size_t>(e)].cited) continue;
        entities_[static_cast<std::size_t>(e)].mentions.push_back(b_.span(r.first, r.last));
    }
    for (int e : citation_order) {
        Entity& en = entities_[static_cast<std::size_t>(e)];
        if (!id_of[static_cast<std::size_t>(e)].empty()) continue;
        id_of[static_cast<std::size_t>(e)] = "s" + std::to_string(out.size() + 1);
        Source s;
        s.id = id_of[static_cast<std::size_t>(e)];
        s.name = en.name;
        s.kind = en.kind;
        s.named = en.named;
        s.official = en.official;
        s.role = en.role;
        s.affiliation = en.affiliation;
        std::sort(en.mentions.begin(), en.mentions.end());
        // overlapping duplicates: keep the longer one
        std::vector<Span> m;
        for (const Span& sp : en.mentions) {
            if (!m.empty() && sp.begin < m.back().end) {
                if (sp.end > m.back().end) m.back() = sp;
                continue;
            }
            m.push_back(sp);
        }
        s.mentions = std::move(m);
        out.push_back(std::move(s));
    }
}

}  // namespace reportage::sources
