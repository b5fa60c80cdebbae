// What a source is: kind, named, official from the documented word lists
// (`source_nouns`, `person_titles`), role and affiliation from titles before a name
// ("First Deputy Prime Minister Jane Doe") and appositives ("Jane Doe, a reporter for
// the Daily Example").
#include <string>

#include "lexicon/lexicon.hpp"
#include "sources/registry.hpp"

namespace reportage::sources {

using claims::npos;

namespace {

std::string_view strip_period(std::string_view w) {
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    return w;
}

const std::vector<std::string_view>* noun_row(std::string_view w) {
    static const lexicon::Table& nouns = lexicon::table("source_nouns");
    return nouns.find(w);
}

const std::vector<std::string_view>* title_row(std::string_view w) {
    static const lexicon::Table& titles = lexicon::table("person_titles");
    return titles.find(strip_period(w));
}

// 'm', 'f' or 0: the gender a role noun or (with `first_name`) a given name implies.
char gender_of(std::string_view w, bool first_name) {
    static const lexicon::Table& g = lexicon::table("sources_gender");
    const auto* row = g.find(strip_period(w));
    if (!row || row->size() < 2) return 0;
    if (((*row)[1] == "name") != first_name) return 0;
    return (*row)[0] == "m" ? 'm' : (*row)[0] == "f" ? 'f' : 0;
}

// The text of [first, last] without a trailing possessive 's ("the union's" -> "the union").
std::string without_possessive(const claims::Body& b, std::uint32_t first, std::uint32_t last) {
    std::string t = b.doc.text(b.span(first, last));
    if (t.size() >= 2 && t.compare(t.size() - 2, 2, "'s") == 0) t.resize(t.size() - 2);
    else if (t.size() >= 4 && t.compare(t.size() - 4, 4, "\xE2\x80\x99s") == 0) t.resize(t.size() - 4);
    return t;
}

SourceKind kind_of(std::string_view k) {
    if (k == "person") return SourceKind::person;
    if (k == "organization") return SourceKind::organization;
    if (k == "group") return SourceKind::group;
    if (k == "media") return SourceKind::media;
    if (k == "document") return SourceKind::document;
    return SourceKind::unknown;
}

// Any word of [first, last] that marks a state body ("ministry", "police", "official").
bool official_words(const claims::Body& b, std::uint32_t first, std::uint32_t last) {
    for (std::uint32_t k = first; k <= last; ++k) {
        if (!b.is_word(k)) continue;
        const auto* row = noun_row(b.norm(k));
        if (row && row->size() >= 2 && (*row)[1] == "yes") return true;
        std::string_view w = b.norm(k);
        if (w == "state" || w == "government" || w == "federal" || w == "official" || w == "provincial" ||
            w == "municipal" || w == "regional" || w == "presidential")
            return true;
    }
    return false;
}

}  // namespace

void Registry::describe_name(Entity& e, std::uint32_t first, std::uint32_t name_first,
                             std::uint32_t last) const {
    e.named = true;
    e.kind = SourceKind::person;
    // Titles before the name give the role and, for state offices, `official`.
    if (name_first > first) {
        bool has_title = false;
        for (std::uint32_t k = first; k < name_first; ++k) {
            if (!b_.is_word(k)) continue;
            const auto* row = title_row(b_.norm(k));
            if (!row) continue;
            if (!row->empty() && (*row)[0] == "yes") e.official = true;
            std::string_view w = strip_period(b_.norm(k));
            if (char g = gender_of(w, false)) e.gender = g;
            if (w == "mr") e.gender = 'm';
            if (w == "mrs" || w == "ms" || w == "miss") e.gender = 'f';
            if (w != "mr" && w != "mrs" && w != "ms" && w != "miss" && w != "dr") has_title = true;
        }
        if (has_title) {
            // The role is the title without a leading honorific.
            std::uint32_t rf = first;
            while (rf < name_first) {
                std::string_view w = strip_period(b_.norm(rf));
                if (w == "mr" || w == "mrs" || w == "ms" || w == "miss" || w == "the") ++rf;
                else break;
            }
            if (rf < name_first) e.role = b_.doc.text(b_.span(rf, name_first - 1));
        }
    }
    // Organisation words in the name: "Interior Ministry", "Acme Corp", "FBI".
    for (std::uint32_t k = name_first; k <= last; ++k) {
        if (!b_.is_word(k)) continue;
        const auto* row = noun_row(b_.norm(k));
        if (row && !row->empty()) {
            SourceKind kk = kind_of((*row)[0]);
            if (kk == SourceKind::organization || kk == SourceKind::media) e.kind = kk;
            if (kk == SourceKind::organization && row->size() >= 2 && (*row)[1] == "yes")
                e.official = true;
        }
        std::string_view w = b_.norm(k);
        if (w == "inc." || w == "corp." || w == "ltd" || w == "corp" || w == "inc" || w == "co." ||
            w == "university" || w == "institute" || w == "association" || w == "foundation" ||
            w == "times" || w == "post" || w == "news" || w == "journal" || w == "press" || w == "reuters")
            e.kind = (w == "times" || w == "post" || w == "news" || w == "journal" || w == "press" ||
                      w == "reuters")
                         ? SourceKind::media
                         : SourceKind::organization;
    }
    // "police spokeswoman Jane Doe": a lower-case role word before the name is a title too
    for (std::uint32_t k = first; k < name_first && !e.gender; ++k)
        if (b_.is_word(k)) e.gender = gender_of(b_.norm(k), false);
    if (first > 0 && !e.gender && b_.is_lower_word(first - 1)) e.gender = gender_of(b_.norm(first - 1), false);
    // a given name from the documented short list: "Mary Roe"
    if (!e.gender && last > name_first && b_.is_word(name_first)) e.gender = gender_of(b_.norm(name_first), true);
    if (name_first == last && b_.tok(last).has(text::tf_all_caps) && b_.norm(last).size() <= 6 &&
        e.kind == SourceKind::person)
        e.kind = SourceKind::organization;  // "FBI", "NATO"
}

void Registry::describe_common(Entity& e, std::uint32_t first, std::uint32_t last) const {
    e.named = false;
    // The head is the last word before the first "of/for/at/from/with".
    std::uint32_t head = last;
    for (std::uint32_t k = first; k <= last; ++k) {
        if (k > first && b_.is_word(k) && claims::is_preposition(b_.norm(k))) {
            head = k - 1;
            break;
        }
    }
    std::string_view hw = b_.norm(head);
    const auto* row = noun_row(hw);
    bool official = false;
    if (row && !row->empty()) {
        e.kind = kind_of((*row)[0]);
        if (row->size() >= 2 && (*row)[1] == "yes") official = true;
    } else if (hw.size() > 3 && hw.back() == 's') {
        e.kind = SourceKind::group;  // a plural noun: "experts", "neighbours"
    }
    if (!official && (!row || row->size() < 2 || (*row)[1] != "no"))
        official = official_words(b_, first, last);
    else if (!official && row && row->size() >= 2 && (*row)[1] == "no")
        official = false;
    // "official media", "state television": an official modifier on a media noun
    if (!official && e.kind == SourceKind::media && official_words(b_, first, head)) official = true;
    e.official = official;
    if (e.kind == SourceKind::person || e.kind == SourceKind::unknown) e.gender = gender_of(hw, false);
    // "a spokesman for the interior ministry": role and affiliation
    if (e.kind == SourceKind::person && head < last) {
        e.role = b_.doc.text(b_.span(head, head));
        std::uint32_t a = head + 2;
        while (a <= last && b_.is_word(a) && (b_.norm(a) == "the" || b_.norm(a) == "a")) ++a;
        if (a <= last) e.affiliation = b_.doc.text(b_.span(a, last));
    } else if (e.kind == SourceKind::person) {
        e.role = b_.doc.text(b_.span(head, head));
    }
}

void Registry::apply_appositive(Entity& e, std::uint32_t first, std::uint32_t last) const {
    if (first == npos || first > last) return;
    std::string_view w0 = b_.norm(first);
    if (w0 == "who" || w0 == "whose" || w0 == "which") return;
    if (b_.is_lower_word(first) && (w0 == "of" || w0 == "from" || w0 == "at" || w0 == "with")) {
        // "Mr. Jones of the River Club": no role, the organisation is the affiliation
        std::uint32_t a = first + 1;
        while (a <= last && b_.is_word(a) && (b_.norm(a) == "the" || b_.norm(a) == "a")) ++a;
        if (a <= last) {
            e.affiliation = b_.doc.text(b_.span(a, last));
            if (official_words(b_, a, last)) e.official = true;
        }
        return;
    }
    std::uint32_t k = first;
    while (k <= last && b_.is_word(k) &&
           (b_.norm(k) == "a" || b_.norm(k) == "an" || b_.norm(k) == "the" || b_.norm(k) == "now" ||
            claims::is_possessive(b_.norm(k))))
        ++k;
    if (k > last || !b_.is_word(k)) return;
    // "the union's chairman": the possessor is the affiliation, the noun after it the role
    std::optional<std::string> owner;
    for (std::uint32_t t = k; t < last && t < k + 6; ++t) {
        if (!b_.is_word(t)) break;
        std::string_view w = b_.norm(t);
        if (w.size() > 2 && w.compare(w.size() - 2, 2, "'s") == 0 && b_.is_word(t + 1)) {
            std::uint32_t of = k;
            if (of > first && b_.norm(of - 1) == "the") --of;
            owner = without_possessive(b_, of, t);
            if (official_words(b_, k, t)) e.official = true;
            k = t + 1;
            break;
        }
        if (claims::is_preposition(w) || claims::is_clause_boundary(w)) break;
    }
    // the role runs to the first preposition, "who" or comma; at most 6 words
    std::uint32_t r = k;
    while (r + 1 <= last && b_.is_word(r + 1) && !claims::is_preposition(b_.norm(r + 1)) &&
           !claims::is_clause_boundary(b_.norm(r + 1)) && r + 1 - k < 6)
        ++r;
    if (r + 1 <= last && !b_.is_word(r + 1)) {
        // punctuation inside: keep only up to it
    }
    e.role = b_.doc.text(b_.span(k, r));
    if (owner) e.affiliation = owner;
    if (e.kind == SourceKind::unknown) e.kind = SourceKind::person;
    if (!e.gender) e.gender = gender_of(b_.norm(r), false);
    const auto* tr = title_row(b_.norm(r));
    if (tr && !tr->empty() && (*tr)[0] == "yes") e.official = true;
    if (r + 2 <= last && b_.is_word(r + 1)) {
        std::string_view prep = b_.norm(r + 1);
        if (prep == "for" || prep == "of" || prep == "at" || prep == "with" || prep == "in" || prep == "from") {
            std::uint32_t a = r + 2;
            while (a <= last && b_.is_word(a) && (b_.norm(a) == "the" || b_.norm(a) == "a")) ++a;
            std::uint32_t z = a;
            while (z + 1 <= last && !(b_.is_word(z + 1) && claims::is_clause_boundary(b_.norm(z + 1))) &&
                   !b_.is_punct(z + 1, ","))
                ++z;
            if (a <= last && a <= z) {
                e.affiliation = b_.doc.text(b_.span(a, z));
                if (official_words(b_, a, z)) e.official = true;
            }
        }
    }
}

}  // namespace reportage::sources
