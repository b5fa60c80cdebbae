// Content diagnostics: dates that contradict the publication date, names spelled two
// ways, doubled words.
#include "checks/checks.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.hpp"

namespace reportage::checks {

namespace {

using text::Document;
using text::Token;
using text::TokenKind;

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
    for (std::string_view s : list)
        if (w == s) return true;
    return false;
}

std::uint32_t token_at_or_after(const Document& doc, std::size_t byte) {
    auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), byte,
                               [](const Token& t, std::size_t b) { return t.begin < b; });
    return static_cast<std::uint32_t>(it - doc.tokens.begin());
}

// The trigger reports something that already happened: a past form, or an auxiliary of
// the past before it ("were rounding up", "had been detained").
bool past_tense(const Document& doc, Span trigger) {
    std::uint32_t i = token_at_or_after(doc, trigger.begin);
    if (i >= doc.tokens.size()) return false;
    std::string_view w = doc.norm(doc.tokens[i]);
    for (std::uint32_t k = i, n = 0; k > 0 && n < 3; ++n) {
        --k;
        std::string_view p = doc.norm(doc.tokens[k]);
        if (one_of(p, {"was", "were", "had"})) return true;
        if (one_of(p, {"will", "would", "could", "may", "might", "to", "shall", "is", "are", "be"})) return false;
        if (doc.tokens[k].kind != TokenKind::word) break;
    }
    if (w.size() > 3 && w.substr(w.size() - 2) == "ed") return true;
    return one_of(w, {"met", "shot", "hurt", "held", "fled", "slain", "set", "took", "taken", "went",
                      "burnt", "struck", "fought", "beaten", "began", "led", "threw", "stole"});
}

void check_event_dates(const Document& doc, const Report& report, std::vector<Diagnostic>& out) {
    const auto& pub = report.article.published.date;
    if (!pub || pub->size() != 10) return;
    std::map<std::string, Span> timex_span;
    for (const Timex& t : report.timexes) timex_span[t.id] = t.span;
    for (const Event& e : report.events) {
        if (!e.date || e.date->value.size() < 7 || e.date->value[0] == 'X') continue;
        const std::string& v = e.date->value;
        // Compare at the precision the event date has: "2012-01" is after "2011-12-22".
        if (v.compare(0, v.size(), *pub, 0, v.size()) <= 0) continue;
        if (!past_tense(doc, e.trigger.span)) continue;
        Span where = e.trigger.span;
        if (e.date->timex)
            if (auto t = timex_span.find(*e.date->timex); t != timex_span.end()) where = t->second;
        out.push_back(Diagnostic{"event_after_publication", Severity::warning,
                                 "event " + e.id + " (\"" + e.trigger.text + "\") is told in the past tense but dated " +
                                     v + ", after the publication date " + *pub,
                                 where});
    }
}

bool ascii_letters(std::string_view w) {
    if (w.empty()) return false;
    for (unsigned char c : w)
        if (!((c >= 'a' && c <= 'z') || c >= 0x80)) return false;
    return true;
}

// A name spelled two ways: two capitalised words of similar length, one or two edits
// apart (a transposition counts once), each used where it is not the first word of a
// sentence, neither one the other plus an ending ("Kazak" / "Kazaks"), and neither one an
// ordinary lower-case word elsewhere in the text.
void check_spelling(const Document& doc, std::vector<Diagnostic>& out) {
    struct Word {
        std::size_t count = 0;
        Span first;
    };
    std::map<std::string, Word> names;
    std::map<std::string_view, bool> lower;
    std::vector<char> sentence_start(doc.tokens.size(), 0);
    for (const auto& s : doc.sentences)
        if (s.first_token < doc.tokens.size()) sentence_start[s.first_token] = 1;
    for (std::uint32_t i = 0; i < doc.tokens.size(); ++i) {
        const Token& t = doc.tokens[i];
        if (t.kind != TokenKind::word) continue;
        std::string_view n = doc.norm(t);
        if (!t.has(text::tf_capitalized) || t.has(text::tf_all_caps)) {
            if (!t.has(text::tf_capitalized)) lower[n] = true;
            continue;
        }
        if (sentence_start[i]) continue;
        if (n.size() > 2 && n.substr(n.size() - 2) == "'s") n = n.substr(0, n.size() - 2);
        if (n.size() < 5 || !ascii_letters(n)) continue;
        Word& w = names[std::string(n)];
        if (w.count++ == 0) w.first = t.span();
    }
    std::vector<std::pair<std::string, Word>> list(names.begin(), names.end());
    if (list.size() > 3000) return;  // a limit: pairs are compared below
    std::sort(list.begin(), list.end(),
              [](const auto& a, const auto& b) { return a.first.size() < b.first.size(); });
    std::size_t reported = 0;
    for (std::size_t a = 0; a < list.size() && reported < 20; ++a) {
        for (std::size_t b = a + 1; b < list.size(); ++b) {
            const std::string& x = list[a].first;
            const std::string& y = list[b].first;
            if (y.size() > x.size() + 1) break;
            if (x[0] != y[0]) continue;
            if (y.compare(0, x.size(), x) == 0) continue;  // an ending added
            {
                // plurals of names that differ in their stem ending ("Kazaks" / "Kazakhs")
                std::string_view xs = x, ys = y;
                if (xs.back() == 's' && ys.back() == 's') {
                    xs.remove_suffix(1);
                    ys.remove_suffix(1);
                    if (ys.substr(0, xs.size()) == xs || xs.substr(0, ys.size()) == ys) continue;
                }
            }
            if (lower.count(x) || lower.count(y)) continue;
            int limit = std::min(x.size(), y.size()) >= 8 ? 2 : 1;
            int d = edit_distance(x, y, limit);
            if (d < 1 || d > limit) continue;
            // the rarer spelling is the suspect one
            const auto& rare = list[a].second.count <= list[b].second.count ? list[a] : list[b];
            const auto& common = &rare == &list[a] ? list[b] : list[a];
            out.push_back(Diagnostic{"spelling_variant", Severity::info,
                                     "\"" + doc.text(rare.second.first) + "\" may be a misspelling of \"" +
                                         doc.text(common.second.first) + "\" (both appear)",
                                     rare.second.first});
            ++reported;
        }
    }
}

void check_doubled_words(const Document& doc, std::vector<Diagnostic>& out) {
    std::size_t reported = 0;
    for (std::uint32_t i = 1; i < doc.tokens.size() && reported < 50; ++i) {
        const Token& a = doc.tokens[i - 1];
        const Token& b = doc.tokens[i];
        if (a.kind != TokenKind::word || b.kind != TokenKind::word || a.line != b.line) continue;
        std::string_view n = doc.norm(a);
        if (n != doc.norm(b)) continue;
        // "had had", "that that" can be grammatical
        if (one_of(n, {"had", "that", "is", "do", "very", "so", "bye", "no", "yes", "ha", "knock", "far", "again", "more", "really", "bang", "boo", "go", "blah", "long", "many", "ago"})) continue;
        Span s{a.begin, b.end};
        out.push_back(Diagnostic{"doubled_word", Severity::info,
                                 "the word \"" + doc.text(b.span()) + "\" is written twice", s});
        ++reported;
    }
}

}  // namespace

int edit_distance(std::string_view a, std::string_view b, int limit) {
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > static_cast<std::size_t>(limit)) return limit + 1;
    std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = static_cast<int>(i);
        int best = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            best = std::min(best, cur[j]);
        }
        if (best > limit) return limit + 1;
        prev2.swap(prev);
        prev.swap(cur);
    }
    return std::min(prev[m], limit + 1);
}

void run(const text::Document& doc, const Report& report, std::vector<Diagnostic>& diagnostics) {
    std::vector<Diagnostic> out;
    check_event_dates(doc, report, out);
    check_spelling(doc, out);
    check_doubled_words(doc, out);
    diagnostics.insert(diagnostics.end(), out.begin(), out.end());
}

}  // namespace reportage::checks
