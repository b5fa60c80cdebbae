// Content diagnostics: dates that contradict the publication date, names spelled two
// ways, doubled words.
#include "checks/checks.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lexicon/lexicon.hpp"
#include "util/flat_index.hpp"
#include "util/prefetch.hpp"

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
    for (const Event& e : report.events) {
        if (!e.date || e.date->value.size() < 7 || e.date->value[0] == 'X') continue;
        const std::string& v = e.date->value;
        // Compare at the precision the event date has: "2012-01" is after "2011-12-22".
        if (v.compare(0, v.size(), *pub, 0, v.size()) <= 0) continue;
        if (!past_tense(doc, e.trigger.span)) continue;
        Span where = e.trigger.span;
        if (e.date->timex)  // the span of the timex with that id (the last one, should two share it)
            for (auto t = report.timexes.rbegin(); t != report.timexes.rend(); ++t)
                if (t->id == *e.date->timex) {
                    where = t->span;
                    break;
                }
        out.push_back(Diagnostic{"event_after_publication", Severity::warning,
                                 "event " + e.id + " (\"" + e.trigger.text + "\") is told in the past tense but dated " +
                                     v + ", after the publication date " + *pub,
                                 where});
    }
}

bool ascii_letters(std::string_view w) {
    if (w.empty()) return false;
    bool ok = true;  // (no branch per byte)
    for (unsigned char c : w) ok &= (c >= 'a' && c <= 'z') | (c >= 0x80);
    return ok;
}

int bit_count(std::uint32_t v) {
    int n = 0;
    for (; v != 0; v &= v - 1) ++n;
    return n;
}

// Names have at least min_name bytes.
constexpr std::size_t min_name = 5;
// The spelling check compares pairs of names: it gives up on a document with more
// distinct names than this (and so the scan stops gathering them past it).
constexpr std::size_t max_names = 3000;

// A hash of a name (at least 4 bytes): its first and last four bytes and its length.
std::uint32_t hash_name(std::string_view s) {
    std::uint32_t head, tail;
    std::memcpy(&head, s.data(), 4);
    std::memcpy(&tail, s.data() + s.size() - 4, 4);
    std::uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ (tail * 0xC2B2AE3D27D4EB4Full) ^ s.size();
    return static_cast<std::uint32_t>(h >> 32);
}

// The capitalised words of one document, counted, keyed by the word's normal form (a
// view into the document) in a util::FlatIndex.
class NameTable {
public:
    struct Name {
        std::string_view text;
        std::size_t count = 0;
        Span first;
        bool lower = false;  // also used as an ordinary lower-case word
        std::uint32_t letters = 0;  // a bit per letter in it (bytes >= 0x80 share bits)
        std::uint32_t same_letter = 0;  // check_spelling: the previous name with its first letter
    };

    // `text` has at least min_name bytes.
    Name& add(std::string_view text) {
        const std::uint32_t h = hash_name(text);
        const std::uint32_t found = index_.find(h, [&](std::uint32_t i) { return names_[i].text == text; });
        if (found != util::FlatIndex::none) return names_[found];
        if (names_.empty()) names_.reserve(32);
        Name name{text, 0, {}, false};
        for (unsigned char c : text) name.letters |= 1u << (c % 32);
        index_.insert(h, static_cast<std::uint32_t>(names_.size()));
        names_.push_back(name);
        first_byte_[static_cast<unsigned char>(text[0])] = true;
        if (text.size() > longest_) longest_ = text.size();
        return names_.back();
    }
    Name* find(std::string_view text) {
        if (text.size() < min_name || text.size() > longest_ || !first_byte_[static_cast<unsigned char>(text[0])])
            return nullptr;
        const std::uint32_t found =
            index_.find(hash_name(text), [&](std::uint32_t i) { return names_[i].text == text; });
        return found == util::FlatIndex::none ? nullptr : &names_[found];
    }
    std::vector<Name>& names() { return names_; }

private:
    std::vector<Name> names_;
    util::FlatIndex index_;
    std::size_t longest_ = 0;
    bool first_byte_[256] = {};
};

// "had had", "that that" can be grammatical.
bool may_be_doubled(std::string_view w) {
    return one_of(w, {"had", "that", "is", "do", "very", "so", "bye", "no", "yes", "ha", "knock", "far", "again",
                      "more", "really", "bang", "boo", "go", "blah", "long", "many", "ago"});
}

// What the spelling and doubled-word checks read, gathered in one pass over the tokens:
// the capitalised words that are not the first word of a sentence (five letters or
// more, a possessive 's taken off; once there are more than max_names, no more), and the
// doubled words ("and and": the second token; the first 50).
struct TokenScan {
    NameTable names;
    std::vector<std::uint32_t> doubled;
};

using util::prefetch_ahead;

// The first tokens of sentences, asked for in ascending token order: the text layer
// lists sentences in token order, so a walk along them answers. The walk checks that
// order as it goes; its answers hold when finish() finds that the order held throughout.
class SentenceWalk {
public:
    explicit SentenceWalk(const std::vector<text::Sentence>& sentences) : s_(sentences) {}
    bool starts(std::uint32_t i) {
        while (next_ < s_.size() && s_[next_].first_token < i) advance();
        return next_ < s_.size() && s_[next_].first_token == i;
    }
    bool finish() {
        while (next_ < s_.size()) advance();
        return ordered_;
    }

private:
    void advance() {
        prefetch_ahead(&s_[next_], 128 * sizeof(text::Sentence));
        ordered_ &= s_[next_].first_token >= last_;
        last_ = s_[next_].first_token;
        ++next_;
    }
    const std::vector<text::Sentence>& s_;
    std::size_t next_ = 0;
    std::uint32_t last_ = 0;
    bool ordered_ = true;
};

// The scan, with `starts(i)` telling whether token i is the first of a sentence (asked
// in ascending order).
template <typename Starts>
void scan_tokens(const Document& doc, Starts&& starts, TokenScan& scan) {
    const Token* tokens = doc.tokens.data();
    const auto n_tokens = static_cast<std::uint32_t>(doc.tokens.size());
    // Blocks of tokens, each in two steps: a pass with no branch that varies from token
    // to token notes the tokens that may be doubled words or names (bitwise & on purpose),
    // then those few are read.
    constexpr std::uint16_t cap_flags = text::tf_capitalized | text::tf_all_caps;
    constexpr std::uint32_t block = 256;
    std::uint32_t doubled[block], names[block];  // (not cleared)
    bool prev_word = false;  // the previous token: a word, its lexeme id, length
    std::uint32_t prev_lex = 0, prev_size = 0;
    bool prev_line_end = true;  // the previous token ends its line
    for (std::uint32_t from = 0; from < n_tokens; from += block) {
        const std::uint32_t to = std::min(n_tokens, from + block);
        std::uint32_t n_doubled = 0, n_names = 0;
        for (std::uint32_t i = from; i < to; ++i) {
            const Token& t = tokens[i];
            prefetch_ahead(&t, 128 * sizeof(Token));
            const bool word = t.kind == TokenKind::word;
            // the same word as the one before, on the same line (equal forms have equal
            // lexeme ids, both 0 when neither is in a list)
            doubled[n_doubled] = i;
            n_doubled += word & prev_word & (t.lex == prev_lex) & (t.norm_size == prev_size) & !prev_line_end;
            prev_word = word;
            prev_lex = t.lex;
            prev_size = t.norm_size;
            prev_line_end = t.has(text::tf_line_end);
            // a capitalised word of five bytes or more
            names[n_names] = i;
            n_names += word & ((t.flags & cap_flags) == text::tf_capitalized) & (t.norm_size >= min_name);
        }
        for (std::uint32_t d = 0; d < n_doubled && scan.doubled.size() < 50; ++d) {
            const std::uint32_t i = doubled[d];
            std::string_view w = doc.norm(tokens[i]);
            if (doc.norm(tokens[i - 1]) == w && !may_be_doubled(w)) scan.doubled.push_back(i);
        }
        if (scan.names.names().size() > max_names) continue;  // too many already
        for (std::uint32_t c = 0; c < n_names; ++c)
            prefetch_ahead(doc.norm_arena.data() + tokens[names[c]].norm_begin, 0);
        for (std::uint32_t c = 0; c < n_names; ++c) {
            const std::uint32_t i = names[c];
            if (starts(i)) continue;
            const Token& t = tokens[i];
            std::string_view n = doc.norm(t);
            if (n.size() > 2 && n.substr(n.size() - 2) == "'s") n = n.substr(0, n.size() - 2);
            if (n.size() < min_name || !ascii_letters(n)) continue;
            NameTable::Name& w = scan.names.add(n);
            if (w.count++ == 0) w.first = t.span();
        }
    }
}

TokenScan scan_tokens(const Document& doc) {
    TokenScan scan;
    SentenceWalk walk(doc.sentences);
    scan_tokens(doc, [&](std::uint32_t i) { return walk.starts(i); }, scan);
    if (walk.finish()) return scan;
    // The sentences were not in token order after all: again, with a table of first words.
    std::vector<char> starts(doc.tokens.size(), 0);
    for (const auto& s : doc.sentences)
        if (s.first_token < starts.size()) starts[s.first_token] = 1;
    TokenScan again;
    scan_tokens(doc, [&](std::uint32_t i) { return starts[i] != 0; }, again);
    return again;
}

// Two names that may be one spelled two ways, `x` no longer than `y`, both with the same
// first letter: one or two edits apart, neither one the other plus an ending. (The test
// reads the pair, not its order: a name and its variant are found in any order.)
bool variant_pair(const NameTable::Name& x, const NameTable::Name& y) {
    std::string_view xs = x.text, ys = y.text;
    if (ys.size() > xs.size() + 1) return false;
    if (ys.compare(0, xs.size(), xs) == 0) return false;  // an ending added
    // plurals of names that differ in their stem ending ("Kazaks" / "Kazakhs")
    if (xs.back() == 's' && ys.back() == 's') {
        xs.remove_suffix(1);
        ys.remove_suffix(1);
        if (ys.substr(0, xs.size()) == xs || xs.substr(0, ys.size()) == ys) return false;
    }
    int limit = std::min(x.text.size(), y.text.size()) >= 8 ? 2 : 1;
    // Each edit adds or removes at most one letter each way: a cheap bound first.
    if (bit_count(x.letters ^ y.letters) > 2 * limit) return false;
    int d = edit_distance(x.text, y.text, limit);
    return d >= 1 && d <= limit;
}

// A name spelled two ways: two capitalised words of similar length, one or two edits
// apart (a transposition counts once), each used where it is not the first word of a
// sentence, neither one the other plus an ending ("Kazak" / "Kazaks"), and neither one an
// ordinary lower-case word elsewhere in the text.
void check_spelling(const Document& doc, NameTable& table, std::vector<Diagnostic>& out) {
    auto& list = table.names();
    if (list.size() > max_names) return;  // a limit: pairs are compared below
    if (list.size() < 2) return;     // no pair to compare
    // Most documents have no pair at all: find that out in any order first, comparing
    // names with the same first letter only (a list per letter).
    {
        constexpr std::uint32_t none = 0xFFFFFFFFu;
        std::uint32_t head[256];
        std::fill(std::begin(head), std::end(head), none);
        bool any = false;
        for (std::uint32_t i = 0; i < list.size() && !any; ++i) {
            std::uint32_t& h = head[static_cast<unsigned char>(list[i].text[0])];
            for (std::uint32_t j = h; j != none && !any; j = list[j].same_letter) {
                const bool j_shorter = list[j].text.size() <= list[i].text.size();
                any = variant_pair(j_shorter ? list[j] : list[i], j_shorter ? list[i] : list[j]);
            }
            list[i].same_letter = h;
            h = i;
        }
        if (!any) return;
    }
    // Which names are also ordinary lower-case words: looked up once, when a pair first
    // needs it.
    bool lower_known = false;
    auto used_in_lower_case = [&](const NameTable::Name& w) {
        if (!lower_known) {
            for (const Token& t : doc.tokens)
                if (t.kind == TokenKind::word && !t.has(text::tf_capitalized) && t.norm_size >= min_name)
                    if (NameTable::Name* n = table.find(doc.norm(t))) n->lower = true;
            lower_known = true;
        }
        return w.lower;
    };
    // Alphabetical order, then by length (the order pairs are compared and reported in).
    std::vector<const NameTable::Name*> order;
    order.reserve(list.size());
    for (const auto& w : list) order.push_back(&w);
    std::sort(order.begin(), order.end(), [](const auto* a, const auto* b) { return a->text < b->text; });
    std::sort(order.begin(), order.end(),
              [](const auto* a, const auto* b) { return a->text.size() < b->text.size(); });
    std::size_t reported = 0;
    for (std::size_t a = 0; a < order.size() && reported < 20; ++a) {
        for (std::size_t b = a + 1; b < order.size(); ++b) {
            std::string_view x = order[a]->text;
            std::string_view y = order[b]->text;
            if (y.size() > x.size() + 1) break;
            if (x[0] != y[0]) continue;
            if (!variant_pair(*order[a], *order[b])) continue;
            if (used_in_lower_case(*order[a]) || used_in_lower_case(*order[b])) continue;
            // the rarer spelling is the suspect one
            const auto& rare = order[a]->count <= order[b]->count ? *order[a] : *order[b];
            const auto& common = &rare == order[a] ? *order[b] : *order[a];
            out.push_back(Diagnostic{"spelling_variant", Severity::info,
                                     "\"" + doc.text(rare.first) + "\" may be a misspelling of \"" +
                                         doc.text(common.first) + "\" (both appear)",
                                     rare.first});
            ++reported;
        }
    }
}

void report_doubled_words(const Document& doc, const std::vector<std::uint32_t>& doubled,
                          std::vector<Diagnostic>& out) {
    for (std::uint32_t i : doubled) {
        const Token& a = doc.tokens[i - 1];
        const Token& b = doc.tokens[i];
        out.push_back(Diagnostic{"doubled_word", Severity::info,
                                 "the word \"" + doc.text(b.span()) + "\" is written twice", Span{a.begin, b.end}});
    }
}

}  // namespace

int edit_distance(std::string_view a, std::string_view b, int limit) {
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > static_cast<std::size_t>(limit)) return limit + 1;
    // Three rows of m + 1 cells: on the stack for words of ordinary length.
    int small[3 * 64];
    std::vector<int> large;
    int* cells = small;
    if (m + 1 > 64) {
        large.resize(3 * (m + 1));
        cells = large.data();
    }
    int* prev2 = cells;
    int* prev = cells + (m + 1);
    int* cur = cells + 2 * (m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev2[j] = 0, prev[j] = static_cast<int>(j);
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
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[m], limit + 1);
}

void run(const text::Document& doc, const Report& report, std::vector<Diagnostic>& diagnostics) {
    std::vector<Diagnostic> out;
    check_event_dates(doc, report, out);
    TokenScan scan = scan_tokens(doc);
    check_spelling(doc, scan.names, out);
    report_doubled_words(doc, scan.doubled, out);
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(out.begin()), std::make_move_iterator(out.end()));
}

}  // namespace reportage::checks
